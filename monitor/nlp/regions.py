"""Regions (provinces, kabupaten, kota) named in a text, its dateline or given by the caller."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from monitor.nlp.gazetteer import load_regions

# (a run stops at a line break: a glued-in headline ending a paragraph must not hide the next one's first words)
_CAP_RUN = re.compile(r"(?:(?:Kab|Kec|Prov)\.[ \t]*)?[A-Z][\w'-]*(?:[ \t]+(?:[A-Z][\w'-]*|\d+))*")


@lru_cache(maxsize=None)
def forms() -> dict[str, list[dict]]:
    """Lower-cased written form -> regions it may name."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in load_regions():
        for f in r["forms"]:
            out[f.lower()].append(r)
    return dict(out)


def lookup(name: str) -> list[dict]:
    """Regions a caller-given name (--region, an outlet's regency) stands for."""
    if not name:
        return []
    n = re.sub(r"\s+", " ", name).strip().lower()
    n = re.sub(r"^kab\.?\s*", "kabupaten ", n)
    f = forms()
    for cand in (n, n.replace("kab. ", "kabupaten "), re.sub(r"^(kabupaten|kab\.?|kota|provinsi) ", "", n)):
        if cand in f:
            hits = f[cand]
            if n.startswith("kota"):
                hits = [r for r in hits if r["jenis"] == "kota"] or hits
            return hits
    return []


def find_regions(text: str, skip=lambda pos: False) -> list[tuple[dict, int, int]]:
    """(region, start, end) for every region form in capitalised runs of `text`."""
    f = forms()
    found = []
    for m in _CAP_RUN.finditer(text):
        if skip(m.start()):
            continue
        words = list(re.finditer(r"(?:Kab|Kec|Prov)\.|[\w'-]+", m.group()))
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(5, len(words) - i), 0, -1):
                s, e = words[i].start(), words[i + n - 1].end()
                phrase = re.sub(r"\s+", " ", m.group()[s:e]).lower()
                if phrase in f:
                    hit = (phrase, s, e, n)
                    break
            if hit and i and (words[i - 1].group() == "Hari" or i > 1 and [w.group() for w in words[i - 2:i]] == ["Hari", "Raya"]):
                i += hit[3]  # 'Hari Raya Kuningan' is a feast, not the regency
                continue
            if hit:
                phrase, s, e, n = hit
                regs = f[phrase]
                if phrase.startswith("kota ") or phrase.startswith("pemkot") or phrase.startswith("wali"):
                    regs = [r for r in regs if r["jenis"] == "kota"] or regs
                elif phrase.startswith(("kabupaten", "kab", "pemkab", "bupati", "pilbup")):
                    regs = [r for r in regs if r["jenis"] == "kabupaten"] or regs
                for r in regs:
                    found.append((r, m.start() + s, m.start() + e))
                i += n
            else:
                i += 1
    return found


_DATELINE = re.compile(r"\s*(?P<a>[A-Z][A-Za-z.\s-]{2,40}?)\s*(?:\([^)]*\))?\s*(?:,\s*(?P<b>[A-Za-z][\w.\s-]{2,40}?)\s*)?[–—-]\s")
_OUTLET = re.compile(r"(?i)\.(?:com|id|co|net|org|news|info|tv)\b|\bcom\b")


def dateline_place(text: str) -> str | None:
    """The place of a dateline at the start of the text: 'KAB.JENEPONTO, jurnalisbicara.com –',
    'MAKASSAR, KOMPAS.com -', 'KABARMURIA.COM, KUDUS –'."""
    m = _DATELINE.match(text)
    if not m:
        return None
    for part in (m.group("a"), m.group("b")):
        if part and not _OUTLET.search(part) and part.strip().isupper():
            return re.sub(r"^KAB\.?\s*", "Kabupaten ", part.strip())
    return None


def dateline_regions(text: str) -> list[dict]:
    place = dateline_place(text)
    return lookup(place.title()) if place else []
