"""Party mentions from the gazetteer: full names, KPU acronyms and everyday variants."""
from __future__ import annotations

import re
from functools import lru_cache

from monitor.nlp.build_gazetteers import CASED
from monitor.nlp.gazetteer import load_parties
from monitor.nlp.vocab import COUNTRIES

_CONTEXT = re.compile(r"(?i)(?:partai|fraksi|dpc|dpw|dpd|dpp|kader|koalisi|parpol|ketua|sekretaris)\W{1,3}$")


def _alt(variants: list[str]) -> str:
    parts = sorted(set(variants), key=len, reverse=True)
    return "|".join(re.escape(v).replace(r"\ ", r"\s+").replace(r"\-", r"\s*[-–]\s*") for v in parts)


@lru_cache(maxsize=None)
def matchers():
    """(regex, variant -> (party id, needs_context)) for cased and case-insensitive variants."""
    cased, caseless, lookup = [], [], {}
    for p in load_parties():
        for v in p["variants"]:
            needs_context = v.startswith("?")
            v = v.lstrip("?")
            lookup[v.lower()] = (p["id"], needs_context)
            (cased if (v in CASED or needs_context or v.isupper()) else caseless).append(v)
    # Optional 'Partai ' before a variant belongs to the same mention ('Partai PDI Perjuangan').
    cased_re = re.compile(r"(?<![\w-])(?:Partai\s+)?(" + _alt(cased) + r")(?![\w-])")
    caseless_re = re.compile(r"(?<![\w-])(?:partai\s+)?(" + _alt(caseless) + r")(?![\w-])", re.I)
    # Scrapers glue words at link edges: 'anggota FraksiGerindraDPRD Banten'.
    glued_re = re.compile(r"(?:Fraksi|Partai|fraksi|partai|DPP|DPD|DPW|DPC|Kader|kader)(" +
                          _alt([v for v in cased + caseless if v[:1].isupper()]) + r")")
    # ... and at the end: 'Partai Gerindradan Partai Demokrat' (a one-word name, found by its glued word)
    glued_after_re = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{2,}?)(?=(?:dan|serta)\s)")
    return cased_re, caseless_re, glued_re, glued_after_re, lookup


@lru_cache(maxsize=1)
def _written_variants() -> frozenset:
    return frozenset(v.lstrip("?") for p in load_parties() for v in p["variants"])


_COUNTRY = "|".join(sorted((c.capitalize() for c in COUNTRIES), key=len, reverse=True)) + "|AS|India|Afrika"
_FOREIGN_AFTER = re.compile(
    rf"\s+(?:Sosialis|Komunis|Konservatif|Liberal|Republik(?:an)?|Kristen|Hijau|{_COUNTRY})\b")


# Countries a headline names when the story happens abroad.
_ABROAD = re.compile(rf"\b(?:{_COUNTRY})\b")
# Our parties whose names foreign parties share: the Democratic Party of Korea, Japan or the US; Labour.
_SHARED_ABROAD = {"DEMOKRAT", "BURUH"}
_OURS_NEAR = re.compile(r"(?i)\b(?:DPP|DPD|DPW|DPC|fraksi|DPR|DPRD|AHY|SBY|Indonesia|Pilkada|Pemilu\s+2024)\b")


# A foreign election or government in the headline: the story's politics happen abroad.
_FOREIGN_POLITICS = re.compile(r"(?i)\b(?:pilpres|pemilu|pemilihan|parlemen|perdana\s+menteri|kanselir|capres)\b")
_HOME = re.compile(r"\b(?:Indonesia|RI|DPR|DPRD|KPU|Pilkada|Prabowo|Jokowi)\b")


def foreign_shared(title: str, text: str, found: list[dict]) -> list[dict]:
    """Drop Partai Demokrat / Partai Buruh in a story of a foreign election or government (the headline names a
    foreign country and its politics, not ours) unless Indonesian party context stands beside the mention:
    'capres Partai Demokrat Lee Jae Myung' is Korea's; 'Partai Buruh Gelar Aksi ... Kedubes AS' is ours."""
    if not (_ABROAD.search(title) and _FOREIGN_POLITICS.search(title)) or _HOME.search(title):
        return found
    return [f for f in found if f["id"] not in _SHARED_ABROAD or _OURS_NEAR.search(
        (title if f.get("in_title") else text)[max(0, f["start"] - 40):f["end"] + 40])]


def find_parties(text: str, skip=lambda pos: False) -> list[dict]:
    """Non-overlapping party mentions, longest first: {id, text, start, end}."""
    cased_re, caseless_re, glued_re, glued_after_re, lookup = matchers()
    found = []
    for rx in (caseless_re, cased_re, glued_re, glued_after_re):
        for m in rx.finditer(text):
            key = re.sub(r"\s*[-–]\s*", "-", re.sub(r"\s+", " ", m.group(1))).lower()
            pid, needs_context = lookup.get(key, lookup.get(key.replace("-", " "), (None, False)))
            if pid is None or rx is glued_after_re and m.group(1) not in _written_variants():
                continue  # ('Pandan' is no 'PAN' glued to 'dan')
            if rx is glued_re:  # the context word glued in front is not part of the name
                nxt = text[m.end(1):m.end(1) + 1]
                if m.group(1).isupper() and nxt.isupper() or not m.group(1).isupper() and nxt.islower() and (
                        not re.match(r"[a-z]{3,}", text[m.end(1):m.end(1) + 3]) or m.group(1)[-1].isupper()):
                    continue  # 'FraksiPDI Perjuangan' is no 'PD'; 'PartaiGerindraan' no Gerindra
                found.append({"id": pid, "text": m.group(1), "start": m.start(1), "end": m.end(1), "ctx": False})
                continue
            found.append({"id": pid, "text": m.group(0), "start": m.start(), "end": m.end(), "ctx": needs_context})
    found.sort(key=lambda f: (f["start"], -(f["end"] - f["start"])))
    out, last_end = [], -1
    for f in found:
        if f["start"] < last_end or skip(f["start"]):
            continue
        out.append(f)
        last_end = f["end"]
    # 'Partai Buruh Sosialis Spanyol', 'Partai Buruh Inggris': a foreign party that shares a word with ours.
    out = [f for f in out if not _FOREIGN_AFTER.match(text, f["end"])]
    # An acronym the article spells out as something else ('pajak kendaraan bermotor (PKB)') is no party.
    defined = set()
    for m in re.finditer(r"\(\s*([A-Z]{2,6})\s*\)", text):
        acr = m.group(1)
        words = [w for w in re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80):m.start()])
                 if w.lower() not in {"dan", "&", "atau"}]
        if len(words) >= len(acr) and "".join(w[0] for w in words[-len(acr):]).upper() == acr and (
                "partai" not in (w.lower() for w in words[-len(acr) - 1:])):
            defined.add(acr)
    out = [f for f in out if f["text"] not in defined]
    # 'Ketua PD. IBI Sulawesi Selatan', 'PD Muhammadiyah': an acronym opening another body's name (Pengurus Daerah)
    # is not the party.
    out = [f for f in out if not (f["ctx"] and f["text"].isupper() and re.match(
        r"\.?\s+(?:(?!DPRD|DPR|DPP|DPD|DPW|DPC|RI\b)[A-Z]{2,}\b|Muhammadiyah|Aisyiyah|Nasyiatul|Pemuda|Persis|Ikatan|"
        r"Perhimpunan)", text[f["end"]:f["end"] + 20]))]
    # Ambiguous acronyms (PBB is also the UN and the land tax) count only beside party context.
    keep = []
    for i, f in enumerate(out):
        if f["ctx"] and not f["text"].lower().startswith("partai"):
            before = text[max(0, f["start"] - 25):f["start"]]
            near = any(
                j != i and not g["ctx"] and abs(g["start"] - f["end"]) < 12 or abs(f["start"] - g["end"]) < 12
                for j, g in enumerate(out) if j != i
            )
            if not (_CONTEXT.search(before) or near):
                continue
        keep.append({k: f[k] for k in ("id", "text", "start", "end")})
    return keep
