"""The stages of one article's analysis, on a State that the spaCy components pass along."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from monitor.nlp import vocab
from monitor.nlp.candidates import link
from monitor.nlp.names import compatible, fold, word_match
from monitor.nlp.parties import find_parties, foreign_shared
from monitor.nlp.people import STOP_WORDS, NameSpan, find_names, key_of, place_words, word_kind
from monitor.nlp.quotes import QUOTE_MARKS, Quote, by_paragraph, cue_after, find_direct, sentences
from monitor.nlp.regions import dateline_place, dateline_regions, find_regions, lookup
from monitor.nlp.regions import forms as region_forms
from monitor.nlp.roles import role_after, role_before
from monitor.nlp.text import noise_spans


@dataclass
class Mention:
    span: NameSpan
    in_title: bool
    cluster: int = -1
    role: str | None = None


@dataclass
class Cluster:
    keys: list = field(default_factory=list)
    surfaces: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    candidate: dict | None = None
    quoted: bool = False
    first: int = 10**9
    aliases: set = field(default_factory=set)

    @property
    def key(self):
        return max(self.keys, key=len)


@dataclass
class State:
    title: str
    text: str
    region: str | None
    noise: list = field(default_factory=list)
    noise_mask: bytearray = field(default_factory=bytearray)
    sents: list = field(default_factory=list)
    lead_end: int = 0
    regions: list = field(default_factory=list)
    region_spans: list = field(default_factory=list)
    title_region_spans: list = field(default_factory=list)
    explicit_provinces: set = field(default_factory=set)
    region_codes: set = field(default_factory=set)
    provinces: set = field(default_factory=set)
    parties: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    clusters: list = field(default_factory=list)
    quotes: list = field(default_factory=list)

    def skip(self, pos: int) -> bool:
        return bool(self.noise_mask[pos]) if 0 <= pos < len(self.noise_mask) else False


def _mask(length: int, spans) -> bytearray:
    """One byte per character, set inside the spans: O(1) 'is this masked?' for every token."""
    m = bytearray(length)
    for s, e in spans:
        m[max(0, s):max(0, e)] = b"\x01" * (max(0, e) - max(0, s))
    return m


# -- stage 1: what is text -------------------------------------------------------
def prepare(st: State) -> None:
    st.noise = noise_spans(st.text)
    st.noise_mask = _mask(len(st.text), st.noise)
    st.sents = _split_at_noise(sentences(st.text), st.noise)
    # The lead: the first paragraph, at most its first two sentences (scraped text may have no breaks).
    m = re.search(r"\S[^\n]*", st.text)
    st.lead_end = m.end() if m else 0
    if len(st.sents) >= 2:
        st.lead_end = min(st.lead_end, st.sents[1][1])


def _split_at_noise(sents, noise):
    """A glued-in headline ('... ujarnya. Baca juga: Judul Politisi X ini menyampaikan, ...') is a
    sentence of its own: the words after it start the next one, which its subject opens."""
    out = []
    for s, e in sents:
        for ns, ne in noise:
            if s < ne and ns < e and ne < e:
                if ns > s:
                    out.append((s, ns))
                out.append((max(s, ns), ne))
                s = ne
        out.append((s, e))
    return out


# -- stage 2: regions -------------------------------------------------------------
def detect_regions(st: State) -> None:
    counts: Counter = Counter()
    seen: dict[str, dict] = {}
    given = lookup(st.region) if st.region else []
    for r in dateline_regions(st.text):
        counts[r["kode_wilayah"]] += 3
        seen[r["kode_wilayah"]] = r
    for source in (st.title, st.text):
        spans = st.title_region_spans if source is st.title else st.region_spans
        for r, s, e in find_regions(source, st.skip if source is st.text else (lambda p: False)):
            if source is st.text and _person_not_place(source, s, e):
                continue
            counts[r["kode_wilayah"]] += 1
            seen[r["kode_wilayah"]] = r
            if r["jenis"] == "provinsi":
                st.explicit_provinces.add(r["provinsi"])
            if not _inside_name(source, s):
                spans.append((s, e))
    # A bare name shared by a kabupaten and a kota (Malang, Bogor) counts for both only
    # when nothing says which; explicit 'Kota X' / 'Kabupaten X' decides.
    st.regions = [seen[k] for k, _ in counts.most_common()]
    st.region_codes = {r["kode_wilayah"] for r in st.regions} | {r["kode_wilayah"] for r in given}
    st.provinces = {r["provinsi"] for r in st.regions} | {r["provinsi"] for r in given}
    st.explicit_provinces |= {r["provinsi"] for r in given if r["jenis"] == "provinsi"}


_CUE_BEFORE = re.compile(r"(?i)\b(?:kata|ujar|tulis|tanya|tutur|ucap|sebut|jelas|imbuh|tambah|lanjut|pungkas|ungkap|"
                         r"terang|tegas|menurut)\s+$")


_NATIONAL_BEFORE = re.compile(
    r"(?:\b(?:Wa)?[Mm]en(?:teri|ko|[b-df-hj-np-tv-z][a-z]+)|\b(?:Presiden|Wapres|Ketua\s+Umum|Ketum|Sekjen|Pak|Bu|"
    r"Bapak|Ibu|Kang|Mas|Mbak|Bung|Saudara)|\bkata|\bujar)\s+$")


def _person_not_place(text: str, start: int, end: int) -> bool:
    """'kata Bima' in an article about Bima Arya: the short form of a person named in full elsewhere,
    not the town of Bima; 'Wamendagri Bima Arya': a national office, then a name ('Bupati Bima Indah
    Dhamayanti' stays the regent of Bima)."""
    word = text[start:end]
    if " " not in word and _NATIONAL_BEFORE.search(text[max(0, start - 25):start]) and re.match(
            r"\s+([A-Z][a-z]{2,})", text[end:end + 20]):
        nxt = re.match(r"\s+([A-Z][a-z]{2,})", text[end:end + 20]).group(1).lower()
        if nxt in vocab.NAME_WORDS:
            return True
    if " " in word or not _CUE_BEFORE.search(text[max(0, start - 12):start]):
        return False
    return bool(_rx(r"(?<![\w-])" + re.escape(word) + r"\s+(?!Kota|Kabupaten)[A-Z][a-z]{2,}").search(text))


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> re.Pattern:
    """Patterns built per article (a name, a place) compiled in a cache of their own: in the re module's small cache
    they would flush the fixed patterns every article uses."""
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _word_rx(words: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])")


@lru_cache(maxsize=4096)
def _alone_rx(words: str) -> re.Pattern:
    """A name written alone, not followed by another capitalised word."""
    return re.compile(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])(?!\s+[A-Z])")


def _short_forms_of_places(st: State, clusters, mentions) -> None:
    """Give the person the cue-led short forms that region detection left alone ('tulis Bima'), and the short
    forms that are also ordinary words ('Heroik berujar' for Heroik Mutaqin Pratama) where a speech cue
    stands beside them."""
    taken = {m.span.start for m in mentions if not m.in_title}
    for i, c in enumerate(clusters):
        # 'Raja Juli' for Raja Juli Antoni: the first two words of a longer name, wherever they stand.
        for surface in {s for s, k in zip(c.surfaces, c.keys) if len(k) >= 3 and len(s.split()) >= 3}:
            two = " ".join(surface.split()[:2])
            for m in _alone_rx(two).finditer(st.text):
                if m.start() in taken or st.skip(m.start()):
                    continue
                span = NameSpan(m.start(), m.end(), two.split(), two, "alias")
                span.key = key_of(two.split())
                mentions.append(Mention(span, False, i))
                taken.add(m.start())
        firsts = {s.split()[0] for s, k in zip(c.surfaces, c.keys) if len(k) >= 2}
        for w in firsts:
            place = w.lower() in region_forms()
            if not place and (len(w) < 4 or not w[:1].isupper() or w.lower() in vocab.HONORIFICS):
                continue
            others = [j for j, o in enumerate(clusters) if j != i and any(k and k[0] == fold(w) for k in o.keys)]
            if others:
                continue
            for m in _alone_rx(w).finditer(st.text):
                if m.start() in taken or st.skip(m.start()):
                    continue
                if place:
                    if not _person_not_place(st.text, m.start(), m.end()):
                        continue
                elif not _cued(st.text, m.start(), m.end()):
                    continue
                span = NameSpan(m.start(), m.end(), [w], w, "alias")
                span.key = (fold(w),)
                mentions.append(Mention(span, False, i))
                taken.add(m.start())


def _cued(text: str, start: int, end: int) -> bool:
    """A word at text[start:end] standing as a speaker: after a cue ('ujar Heroik') or before a speech verb
    ('Heroik berujar')."""
    return bool(_CUE_BEFORE.search(text[max(0, start - 12):start]) or _SPEECH_AFTER.match(text, end))


_SPEECH_AFTER = re.compile(r"\s+(?:juga\s+|pun\s+|lantas\s+|kemudian\s+)?(?:mengatakan|menyebut|menegaskan|menjelaskan|"
                           r"berujar|berkata|menilai|menuturkan|mengungkapkan|menyampaikan|menambahkan|berpendapat|"
                           r"meminta|mengaku|menyatakan)\b")


def _inside_name(text: str, start: int) -> bool:
    """A bare region name right after a capitalised name word is a surname (Ronald Samosir), not a place."""
    if re.match(r"(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Pemkab|Pemkot|Pemprov|Bupati|Wali)\b", text[start:start + 12]):
        return False  # 'Dinas PUPR Kabupaten Ogan Komering Ulu': said as a place
    m = re.search(r"([A-Za-z.'-]+)\s+$", text[max(0, start - 40):start])
    if not m:
        return False
    w = m.group(1)
    if w.isupper() and len(w) > 1:
        return False  # after an acronym ('PUPR Ogan Komering Ulu'), not after a name word
    low = w.rstrip(".").lower()
    if not w[:1].isupper() or low in vocab.ROLE_WORDS or low in vocab.ORG_WORDS or low in vocab.NON_NAME or (
            find_parties(w)):  # ('DPD Partai Golkar Ogan Ilir': a party's branch, not a surname)
        return False
    from monitor.nlp.people import _FACILITY

    return low not in _FACILITY and low not in {"pilkada", "pilbup", "pilwalkot", "pemkab", "pemkot", "kpu",
                                                "bawaslu", "dprd", "polres", "kodim", "kabupaten", "kota"}


# -- stage 3: parties ---------------------------------------------------------------
def detect_parties(st: State) -> None:
    st.parties = [dict(p, in_title=True) for p in find_parties(st.title)]
    st.parties += [dict(p, in_title=False) for p in find_parties(st.text, st.skip)]
    st.parties = foreign_shared(st.title, st.text, st.parties)


# -- stage 4: people ----------------------------------------------------------------
_CUE_DESCRIPTOR = re.compile(r"[\"\u201d]\s*,?\s*(?:kata|ujar|ungkap|tutur|jelas|tegas|ucap|imbuh|tambah|terang|papar|"
                             r"pungkas|lanjut)\s+[a-z][^.!?\"\u201c\u201d]{2,100},\s*$")
_PLACE_LIST = re.compile(r"\b(?:di|ke|dari|asal|wilayah|kawasan)\s+(?:Desa|Kelurahan|Kecamatan|Kabupaten|Kota|Provinsi|Dusun|"
                         r"Kampung|Jalan|Jl\.)\s+"
                         r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3},\s*(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3},\s*){0,3}$")
_PLACES_SUCH_AS = re.compile(
    r"\b(?:kecamatan|desa|kelurahan|wilayah|daerah|kawasan|kabupaten|kota|pulau|kampung|dusun|nagari|gampong|"
    r"pelosok|pedalaman)\b[^.,;:!?\n]{0,50}?\b(?:seperti|yakni|yaitu|antara\s+lain|di\s+antaranya|termasuk|meliputi)\s+"
    r"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}(?:\s*,\s*(?:dan\s+)?|\s+(?:dan|serta)\s+))*$")
_THING_NAMED = re.compile(r"\b(?:program|gerakan|aplikasi|slogan|tagline|jargon|konsep|kurikulum|festival|tema|"
                          r"bertema|bertajuk|berjudul|metode|platform|inovasi)\s+([A-Z][a-z]{2,})\b(?!\s+[A-Z])")


_FIGURES = None


def _figures():
    """(full-name keys, one-word aliases) of the public figures list."""
    global _FIGURES
    if _FIGURES is None:
        from monitor.nlp.gazetteer import load_public_figures

        figs = load_public_figures()
        keys = {key_of(f["name"].split()) for f in figs}
        singles = {a for f in figs for a in f["aliases"] if " " not in a}
        _FIGURES = (frozenset(k for k in keys if len(k) >= 2), frozenset(singles) | frozenset(
            f["name"] for f in figs if " " not in f["name"]))
    return _FIGURES


def detect_people(st: State) -> None:
    from monitor.nlp.gazetteer import registry

    reg = registry()
    masked = [(p["start"], p["end"]) for p in st.parties if not p["in_title"]] + st.region_spans
    tmasked = [(p["start"], p["end"]) for p in st.parties if p["in_title"]] + st.title_region_spans
    places = frozenset(place_words([st.title, st.text[:20000]], st.region if not lookup(st.region or "") else None))
    places |= _defined_bodies(st.title + "\n" + st.text[:20000])
    # The dateline's town ('TENGGARONG, mahakamkini.com –') is a place wherever the article names it.
    places |= {w.lower() for w in (dateline_place(st.text) or "").split() if len(w) > 2 and w.isalpha()}
    bmask = _mask(len(st.text), st.noise + masked)
    tmask = _mask(len(st.title), tmasked)
    title_words = frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", st.title))
    body, _ = find_names(st.text, lambda pos: bool(bmask[pos]) if pos < len(bmask) else False, places=places,
                         known=title_words)
    head, _ = find_names(st.title, lambda pos: bool(tmask[pos]) if pos < len(tmask) else False, title=True,
                         places=places)
    # Headlines capitalise every word: keep only the words the body also writes as names
    # ('Gus Ipul Enggan Jadi Ketum' -> 'Ipul').
    body_caps = {w for n in body for w in n.words}
    trimmed = []
    for n in head:
        keep = [k for k, w in enumerate(n.words) if w in body_caps]
        if not keep:
            if n.evidence == "strong" and len(n.words) == 1:
                trimmed.append(n)
            continue
        a, b = keep[0], keep[-1]
        if (a, b) != (0, len(n.words) - 1):
            offs = [m.start() for m in re.finditer(r"\S+", n.surface)]
            if len(offs) == len(n.words):
                start = n.start + offs[a]
                end = n.start + offs[b] + len(n.words[b])
                n = NameSpan(start, end, n.words[a:b + 1], st.title[start:end], n.evidence, n.role_before)
        trimmed.append(n)
    head = trimmed
    # 'lahir di Desa Lontar, Muara Jaya, Ogan Komaring Ulu': names listed after a place are places.
    # (but 'indekos di Jalan Pramuka, Yohanes Kogoya, datang ...': an appositive name doing something)
    body = [n for n in body if n.evidence == "strong" or not _PLACE_LIST.search(st.text[max(0, n.start - 120):n.start])
            or (n.evidence == "lexicon" and _VERB_NEXT.match(st.text[n.end:n.end + 40]) and st.text[n.end:n.end + 1] == ",")]
    # 'di kecamatan pesisir seperti Muara Jawa dan Anggana': a list of places named by a place noun.
    body = [n for n in body if n.evidence == "strong" and n.role_before or not _PLACES_SUCH_AS.search(
        st.text[max(0, n.start - 160):n.start])]
    # '5. Beri Klarifikasi': a numbered subheading glued into the text by a scraper.
    # ('kepada Paslon 03.\n\nDedy Ermansyah, ...': a number ending the paragraph before is no subheading's)
    body = [n for n in body if n.evidence == "strong" or not re.search(r"(?:^|(?<=\s))\d{1,2}\.[ \t]*$",
                                                                       st.text[max(0, n.start - 6):n.start])]
    # 'program Kinasih' anywhere in the article: Kinasih is the programme wherever it stands.
    things = {m.group(1) for m in _THING_NAMED.finditer(st.title + "\n" + st.text)}
    body = [n for n in body if not (len(n.words) == 1 and n.words[0] in things)]
    head = [n for n in head if not (len(n.words) == 1 and n.words[0] in things)]
    body = [_with_first_word_named_alone(st.text, n, body, lambda pos: bool(bmask[pos]) if 0 <= pos < len(bmask) else False)
            for n in body]
    body = _without_stray_first_word(st.text, body)
    body = [_with_registry_first_word(st.text, n, reg) for n in body]
    spans = [(s, True) for s in head] + [(s, False) for s in body]
    for s, _t in spans:
        s.key = key_of(s.words)
    # People on their own evidence, or KPU candidates by a name of two or more words.
    accepted, rest = [], []
    for s, in_title in spans:
        ok = s.evidence in ("strong", "lexicon")
        if not ok and len(s.key) >= 2 and reg.candidates(s.key):
            ok = True
        if not ok and len(s.key) == 1 and not in_title and len(s.key[0]) > 3:
            # One-word candidates (Ardani, Mujiono) of this article's region.
            ok = any(len(reg.people[i]["key"]) == 1 and reg.people[i]["kode_wilayah"] in st.region_codes
                     for i in reg.candidates(s.key))
            if ok:
                s.evidence = "registry"
        if not ok and len(s.key) == 1 and not in_title and len(s.key[0]) > 3 and _pair_partner(st.text, s, body):
            ok = True  # 'nomor urut 3 Arham Basmin Mattayang-Rahmat': with the name beside it, a registry pair
            s.evidence = "registry"
        if not ok and (s.key in _figures()[0] or (len(s.key) == 1 and " ".join(s.words) in _figures()[1])):
            ok = True  # 'beralih pada Suhartoyo': a public figure the press names without introducing
            s.evidence = "strong"
        if not ok and not in_title and len(s.key) >= 2 and re.match(
                r"\s*(?:\([^()]{2,60}\)|dari\s+[A-Z][^.,;()]{2,60}?)\s*,?\s*(?:sebagai|selaku)\b", st.text[s.end:s.end + 90]):
            ok = True  # 'Devy Widyaningrum (SDN Pakintelan 02) sebagai Tenaga Administrasi Sekolah ...'
            s.evidence = "strong"
        if not ok and not in_title and len(s.key) >= 2 and _CUE_DESCRIPTOR.search(st.text[max(0, s.start - 120):s.start]):
            ok = True  # '," kata tenaga honorer di Sekretariat DPRD Kabupaten Mukomuko, Endang Wahyudi'
            s.evidence = "strong"
        (accepted if ok else rest).append((s, in_title))
    # 'seperti Elva Farhi Qolbina, William Aditya Sarana dan Justin Adrian': a full name listed
    # beside accepted people is one of them.
    body_ok = [s for s, t in accepted if not t and len(s.key) >= 2]
    grew, rounds = True, 0
    while grew:  # 'Umi Hartati, M Fahruddin, dan Ferlan Juliansyah': along the list, one by one
        grew, rounds = False, rounds + 1
        for x in [x for x in rest if not x[1] and len(x[0].key) >= 2]:
            s = x[0]
            if rounds > 1 and not any(w.lower() in vocab.NAME_WORDS for w in s.words):
                continue  # further along, only names the lexicon knows ('Pulau Pekajang, Tukong Yu, ...' are islands)
            if any(re.fullmatch(r",\s*|\s+(?:dan|serta)\s+|,\s*(?:dan|serta)\s+", st.text[a.end:s.start]) or
                   re.fullmatch(r",\s*|\s+(?:dan|serta)\s+|,\s*(?:dan|serta)\s+", st.text[s.end:a.start])
                   for a in body_ok if a.end <= s.start or s.end <= a.start):
                rest.remove(x)
                accepted.append(x)
                body_ok.append(s)
                grew = True
    # 'kepada lansia Suparmiati dan Sakinem.': a one-word name closing a pair with a person.
    for x in [x for x in rest if not x[1] and len(x[0].key) == 1 and len(x[0].words[0]) > 3]:
        s = x[0]
        if re.match(r"\s*[.,;)]", st.text[s.end:s.end + 2]) and any(
                a.end <= s.start and re.fullmatch(r"\s+(?:dan|serta)\s+", st.text[a.end:s.start])
                and a.evidence in ("strong", "lexicon", "registry") for a, t in accepted if not t):
            rest.remove(x)
            s.evidence = "single"
            accepted.append(x)
    clusters: list[Cluster] = []
    mentions: list[Mention] = []

    def attach(s, in_title, idx):
        c = clusters[idx]
        c.keys.append(s.key)
        c.surfaces.append(" ".join(s.words) if "\n" in s.surface or s.surface.count(" ") + 1 != len(s.words) else s.surface)
        c.first = min(c.first, (0 if in_title else 1, s.start))
        mentions.append(Mention(s, in_title, idx))

    # Full names first (longest first) so that short forms find them wherever they stand.
    multi = sorted([x for x in accepted if len(x[0].key) >= 2], key=lambda x: -len(x[0].key))
    for s, in_title in multi:
        idx = _find_cluster(clusters, s.key)
        if idx is None:
            clusters.append(Cluster(first=(0 if in_title else 1, s.start)))
            idx = len(clusters) - 1
        attach(s, in_title, idx)
    singles = [x for x in accepted if len(x[0].key) < 2] + rest
    singles.sort(key=lambda x: (0 if x[1] else 1, x[0].start))
    later = []
    for s, in_title in singles:
        if not s.key:
            continue
        idx = _short_form_of(clusters, mentions, s, in_title, st.text)
        if idx is not None:
            attach(s, in_title, idx)
        elif s.evidence in ("strong", "registry", "single") and len(s.key) == 1 and len(s.key[0]) > 2 and not in_title:
            clusters.append(Cluster(first=(1, s.start)))
            attach(s, in_title, len(clusters) - 1)
        else:
            later.append((s, in_title))
    # A word too weak alone ('Irahayu, bendahara ...' opening a sentence) is a mention of the person
    # the article names that way later on firmer evidence ('kata Irahayu').
    for s, in_title in later:
        if len(s.key) == 1 and not in_title:
            idx = _short_form_of(clusters, mentions, s, in_title)
            if idx is not None and any(k == s.key for k in clusters[idx].keys):
                attach(s, in_title, idx)
    # A weak full name whose first word is someone the article names alone on firm evidence
    # ('Kaesang Pangarep' ... 'Kaesang mengaku'): that person's full name.
    for s, in_title in rest:
        if len(s.key) >= 2 and not in_title:
            hits = [i for i, c in enumerate(clusters) if c.keys and all(len(k) == 1 for k in c.keys)
                    and any(k[0] == s.key[0] for k in c.keys)]
            if len(hits) == 1:
                attach(s, in_title, hits[0])
    _short_forms_of_places(st, clusters, mentions)
    # Nicknames and acronyms tied to a name: 'Andi Sudirman Sulaiman (ASS)', 'X alias Y', 'X akrab disapa Y'.
    _aliases(st, clusters, mentions)
    # One-word people on strong evidence that turn out to be a short form of no one stay.
    st.clusters = clusters
    st.mentions = sorted(mentions, key=lambda m: (0 if m.in_title else 1, m.span.start))


_DEFINED = re.compile(r"((?:[A-Z0-9][\w-]*[ \t]+(?:(?:dan|untuk|kepada|dari|bagi|&)[ \t]+)?){1,10})\(([A-Z][A-Za-z]{2,}"
                      r"(?:[ \t]+[A-Z][a-z]+)?)\)")
_BODY_HEADS = vocab.ORG_WORDS | {"pusat", "direktorat", "bidang", "seksi", "unit", "sekolah", "balai"}


def _defined_bodies(text: str) -> frozenset:
    """Short names the article defines for a body ('Universitas Negeri Surabaya (Unesa)', 'Pusat Pengembangan Desa
    dan Daerah (Pusbangdesda)'): they stand for the body wherever they appear, never as a person's first name."""
    out = set()
    for m in _DEFINED.finditer(text):
        words = [w.lower() for w in m.group(1).split()]
        head = next((i for i, w in enumerate(words) if w in _BODY_HEADS), None)
        if head is None:
            continue
        named = m.group(1).split()[-2:]
        if len(named) == 2 and all(word_kind(w) == "N" for w in named) and any(
                w.lower() in vocab.NAME_WORDS for w in named):
            continue  # 'Ketua DPRD Kota Surabaya Adi Sutarwijono (Awi)': a person's nickname
        first, *rest = m.group(2).lower().split()
        # 'Kepala Kejaksaan Negeri (Kajari)', 'Kepala Bidang (Kabid)': an office's short name, not a body's
        # (but 'Wakil Presiden Direktur PT Hutchison 3 Indonesia (Tri)' is the company's).
        roles = [w for w in words[:head] if w in vocab.ROLE_WORDS]
        if roles and first.startswith(roles[0][:2]):
            continue
        # (a company's brand may be a name word too: 'PT Hutchison 3 Indonesia (Tri)')
        company = words[head] in {"pt", "cv", "tbk", "persero"}
        if not (first in vocab.NAME_WORDS and not company or first in _BODY_HEADS or first in vocab.ROLE_WORDS or (
                first in vocab.HONORIFICS or first in region_forms())):
            out.add(first)
            out.update(rest)  # ('Bimas Islam': the second word goes with the first, whatever names it also opens)
    return frozenset(out)


def _with_registry_first_word(text: str, n: NameSpan, reg) -> NameSpan:
    """'nomor urut 3 Muda Mahendrawan': a first name that is also a word ('muda'), kept off the name by the
    word lists, belongs to it when the two make a KPU candidate's full name exactly."""
    if len(n.words) > 3:
        return n
    before = text[max(0, n.start - 40):n.start]
    # ('Lalu Normal Suzana': two words the lists read as 'then' and 'normal')
    for m in (re.search(r"(?<![\w-])([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\s+$", before),
              re.search(r"(?<![\w-])([A-Z][a-z]{2,})\s+$", before)):
        if not m:
            continue
        words = list(m.groups()) + n.words
        key = key_of(words)
        if any(reg.people[i]["key"] == key for i in reg.candidates(key)):
            start = n.start - (len(before) - m.start(1))
            return NameSpan(start, n.end, words, text[start:n.end], n.evidence, n.role_before)
    return n


def _without_stray_first_word(text: str, body: list[NameSpan]) -> list[NameSpan]:
    """'Menteri Komunikasi dan Digital Meutya Hafid ... Meutya menyampaikan': a word the name lists do not know,
    before a name the article also writes without it, and that the article uses elsewhere outside any name ('ruang
    digital'), is the end of the office or body before the name (not 'Sufmi Dasco Ahmad ... Dasco': 'Sufmi' is
    nowhere else)."""
    def written_without(n: NameSpan) -> bool:  # another name opens with n's second word, not after its first
        return any(o is not n and o.words[0] == n.words[1] and
                   text[max(0, o.start - len(n.words[0]) - 1):o.start].strip() != n.words[0] for o in body)

    def used_outside_names(w: str, nxt: str) -> bool:
        pattern = r"(?i)(?<![\w-])" + re.escape(w) + r"(?![\w-])(?!\s+" + re.escape(nxt) + ")"
        return any(not any(o.start <= m.start() < o.end for o in body) for m in _rx(pattern).finditer(text))

    out = []
    for n in body:
        if len(n.words) >= 3 and n.words[0].lower() not in vocab.NAME_WORDS and n.words[0][1:].islower() and (
                written_without(n) and used_outside_names(n.words[0], n.words[1])):
            cut = text.index(n.words[1], n.start)
            n = NameSpan(cut, n.end, n.words[1:], text[cut:n.end], n.evidence, n.role_before)
        out.append(n)
    return out


def _with_first_word_named_alone(text: str, n: NameSpan, body: list[NameSpan], masked) -> NameSpan:
    """'Perludem Heroik Mutaqin Pratama ... ujar Heroik': a capitalised word just before a full name that the
    article also uses alone as a speaker is the name's first word, though it is an ordinary word too."""
    if len(n.words) < 2:
        return n
    m = re.search(r"(?<![\w-])([A-Z][a-z]{3,}) $", text[max(0, n.start - 30):n.start])
    if not m:
        return n
    w = m.group(1)
    low = w.lower()
    # (not an office, a body, a country or a party: 'Perdana Menteri Israel Benjamin Netanyahu ... Israel menyatakan')
    if low in STOP_WORDS or low in vocab.ROLE_WORDS or low in vocab.ORG_WORDS or low in vocab.NON_NAME or (
            low in vocab.HONORIFICS or low in region_forms() or low in vocab.LEX_ORG_WORDS or low in vocab.LEX_LOC_WORDS
            or word_kind(w) != "C" or masked(n.start - len(w) - 1) or any(w in o.words for o in body)):
        return n
    # (alone: not closing a longer capitalised name, as 'Barat' closes 'Jawa Barat mengatakan')
    if not any(not re.search(r"[A-Z][\w.-]*\s+$", text[max(0, a.start() - 30):a.start()]) and _cued(text, a.start(), a.end())
               for a in _alone_rx(w).finditer(text)):
        return n
    start = n.start - len(w) - 1
    return NameSpan(start, n.end, [w] + n.words, text[start:n.end], n.evidence, n.role_before)


def _clipped_surname(a, b) -> bool:
    """'Megawati Soekarno' and 'Megawati Soekarnoputri': same words, the last one cut short."""
    if len(a) != len(b) or len(a) < 2 or a[:-1] != b[:-1]:
        return False
    x, y = sorted((a[-1], b[-1]), key=len)
    return len(x) >= 5 and y.startswith(x)


def _clipped_first(a, b) -> bool:
    """'Edi Endi' and 'Edistasius Endi': the same surname, the first name cut short."""
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:] or a[0] == b[0]:
        return False
    x, y = sorted((a[0], b[0]), key=len)
    return len(x) >= 3 and y.startswith(x)


def _one_letter_off(a, b) -> bool:
    """'Budi Prajogo' / 'Budi Prajoho': the same first name and a surname with one letter mistyped."""
    if len(a) != len(b) or len(a) < 2 or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    return len(x) == len(y) >= 5 and x[0] == y[0] and sum(p != q for p, q in zip(x, y)) == 1


def _find_cluster(clusters, key) -> int | None:
    key = _untitled(key)
    for i, c in enumerate(clusters):
        for k in map(_untitled, c.keys):
            if compatible(key, k) or compatible(k, key) or _clipped_surname(key, k) or _one_letter_off(key, k) or (
                    _clipped_first(key, k)) or (
                    len(key) >= 3 and len(k) >= 3 and key[0] == k[0] and "".join(key) == "".join(k)):
                # ('Fransiskus Marthin Adi Lalo' is the 'Fransiskus Marthin Adilalo' written closed up)
                # Both ways is the same person only when the first words agree or one is a short form.
                if len(key) >= 2 and len(k) >= 2 and not word_match(key[0], k[0]) and not word_match(key[-1], k[-1]):
                    continue
                return i
    return None


def _untitled(key):
    """'Habib Hasan' for Hasan Alaydrus, 'Datu Iman' for Iman Suramenggala: a title the press keeps as a name word
    ('Habib Syarief', 'Haul Datu Sanggul') matches the name without it."""
    return key[1:] if len(key) >= 2 and key[0] in {"habib", "datu"} else key


_COMMON_LEADS = {"mhd", "ahmad", "abdul", "andi", "h", "i", "ni", "la", "wa", "m", "a"}


def _first_own(key) -> str:
    return next((w for w in key if w not in _COMMON_LEADS and len(w) > 1), key[0])


_TITLE_BEFORE = re.compile(r"\b(?:Drs|Dra|Dr|Ir|H|Hj|Tgk|Prof|Teungku|Haji|Hajjah)\.?\s+$")


def _short_form_of(clusters, mentions, s, in_title, text: str = "") -> int | None:
    key = s.key
    # The written word decides what is too short: 'Aan' folds to 'an' and still names Aan Suherman.
    if len(key) == 1 and (len(s.words[0].rstrip(".")) <= 2 or key[0] == "mhd"):
        return None
    hits = [i for i, c in enumerate(clusters) if any(compatible(key, k) for k in c.keys)]
    if len(key) == 1:
        # One word names someone by a word of their name, not by an initial ('Aska' is not the 'A.' of
        # Abustan A. Bintang).
        hits = [i for i in hits if any(len(w) > 1 and word_match(key[0], w) for k in clusters[i].keys for w in k)]
    if not hits and len(key) == 1 and "c" in key[0]:
        # 'Candra' for Chandra Darusman (ch folds to k): only when no one is named 'Candra' itself
        kkey = (key[0].replace("c", "k"),)
        hits = [i for i, c in enumerate(clusters) if any(compatible(kkey, k) for k in c.keys)]
    if not hits and len(key) == 1 and len(key[0]) >= 4:
        # Clipped nicknames: Risma for Rismaharini, Zaki for Zakiyuddin, Pram for Pramono Anung (not for
        # his daughter Hanifa Fadhila Pramono: people are clipped by their own first name).
        hits = [i for i, c in enumerate(clusters) if len(c.key) >= 2 and any(
            w.startswith(key[0]) and len(w) > len(key[0]) for w in c.key)]
        if len(hits) > 1:
            hits = [i for i in hits if _first_own(clusters[i].key).startswith(key[0])]
        if not hits and len(s.words[0]) >= 5:
            # Clipped from the front: Midji for Sutarmidji (a one-word name; not Syakir for Muzakir Manaf)
            hits = [i for i, c in enumerate(clusters) if all(len(k) == 1 for k in c.keys) and any(
                k[0].endswith(key[0]) and len(k[0]) >= len(key[0]) + 3 for k in c.keys)]
        if len(hits) != 1:
            return None
    if text and not in_title:
        # 'Dr. H. Amran Mahmud, S.Sos., M.Si. dan H. Amran, S.E.': a name written as the other half of a pair
        # is someone else.
        paired = {m.cluster for m in mentions if not m.in_title and 0 <= s.start - m.span.end <= 60
                  and _PAIR_BETWEEN.fullmatch(text[m.span.end:s.start])}
        hits = [i for i in hits if i not in paired]
    if not hits:
        return None
    titled = len(key) == 1 and not in_title and bool(text) and bool(_TITLE_BEFORE.search(text, max(0, s.start - 16), s.start))
    if titled and all(clusters[i].first > (1, s.start) for i in hits):
        # 'nomor urut 1 Muharram Idris dan Drs. Syukri' before 'Syukri Yahya, Ketua DPW PNA': a one-word name
        # introduced on its own before the fuller name is someone else.
        return None
    if len(hits) == 1:
        return hits[0]
    if len(key) == 1:
        # 'H. Amran' for the deputy named just 'H. Amran, S.E.', not for Amran Mahmud at the head of the pair
        alone = [i for i in hits if all(k == key for k in clusters[i].keys)]
        if len(alone) == 1 and titled:
            return alone[0]
        # 'Farid' for Muhammad Farid rather than Adhitya Trinia Farid: people go by their first own name.
        lead = [i for i in hits if any(_first_own(k) == key[0] for k in clusters[i].keys if len(k) >= 2)]
        if len(lead) == 1:
            return lead[0]
    # Several people share the word (two Andis): the one named most recently before it.
    pos = (0 if in_title else 1, s.start)
    best, best_pos = None, None
    for m in mentions:
        mp = (0 if m.in_title else 1, m.span.start)
        if m.cluster in hits and mp < pos and (best_pos is None or mp > best_pos):
            best, best_pos = m.cluster, mp
    return best


_ALIAS_RX = re.compile(
    r"\s*(?:\(\s*(?P<hon>(?:Gus|Kang|Cak|Bang|Mas|Abah|Kak|Daeng|Uda|Bung|Pak|Bu|Mbak|Ning|Mbah|Om|Puang|Koh|Ko|Cik)\s+)?(?P<paren>[A-Z][A-Za-z'-]{1,15}(?:\s*[-&]\s*[A-Z][A-Za-z'-]{1,15})?)\s*\)|"
    r",?\s*(?:atau\s+)?(?:yang\s+)?(?:(?:akrab|karib|biasa)\s+(?:disapa|dipanggil)|disapa|dipanggil|dikenal\s+dengan|"
    r"sapaan\s+(?:akrab|karib)(?:nya)?|alias|atau)"
    r"\s+(?:(?:Gus|Bang|Kak|Daeng|Pak|Bu|Mas|Mbak|Om|Abah|Ustaz|Kiai|Haji|Puang|Opu|Karaeng|Bro|Cak|Ning|Kang|Uda)\s+)?"
    # (the nickname in quote marks: 'yang akrab disapa "BBF"')
    r"[\"\u201c]?(?P<nick>[A-Z][A-Za-z'-]{1,20})[\"\u201d]?(?![\w-]|\s+[A-Z]))"
)


_ALIAS2_RX = re.compile(r"\s*,?\s*(?:alias|atau|(?:yang\s+)?(?:akrab|karib|biasa)\s+(?:disapa|dipanggil)|"
                        r"(?:yang\s+)?(?:lebih\s+)?dikenal(?:\s+warga|\s+publik|\s+masyarakat)?\s+dengan\s+(?:sapaan|panggilan|nama))\s+"
                        r"(?P<nick>[A-Z][a-z'-]{1,20}\s+[A-Z][a-z'-]{1,20})(?![\w-])")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
_NICK_DESCRIBED = re.compile(r"\b(?:[Pp]ria|[Ww]anita|[Pp]erempuan|[Ss]osok|[Ll]elaki|[Pp]emuda|[Pp]olitikus|[Pp]olitisi|"
                             r"[Tt]okoh|[Aa]nak|[Pp]ejabat|"
                             # 'Mantan Wali Kota Semarang yang akrab disapa Hendi itu'
                             r"(?:[Mm]antan\s+|[Ee]ks\s+)?(?:Wali\s+Kota|Bupati|Gubernur|Wakil\s+[A-Z]\w+|Ketua|Menteri|Kapolres|"
                             r"Kapolda|Camat|Kepala|Sekretaris|Direktur|Rektor|Calon\s+[A-Z]\w+)(?:\s+[A-Z][\w-]*){0,4})\s+yang\s+(?:akrab|biasa|karib)\s+(?:disapa|dipanggil)\s+"
                             r"[\"\u201c]?(?:(?:Bung|Gus|Kang|Cak|Mas|Bang|Pak|Bu|Daeng|Uda|Kak|Abah|Om|Mbak|Ning|Koh|Ko|Cik)\s+)?"
                             r"(?P<nick>[A-Z][a-z]{2,15}(?:\s+[A-Z][a-z]{2,15})?)\b")
_NICK_AFTER = re.compile(r"(?:\b(?:Kang|Gus|Bang|Cak|Mas|Kak|Abah|Uda|Daeng)\s+)?(?P<nick>[A-Z][a-z]{2,15}|[A-Z]{2,4}),?\s+"
                         r"(?:begitu\s+)?(?:sapaan|panggilan)\s+(?:akrab|karib|populer)(?:nya)?\b")


_NICK_BEGITU = re.compile(r"(?P<nick>[A-Z][a-z]{2,15}|[A-Z]{2,5}),\s+begitu\s+")
_PAIR_ACR = re.compile(r"(?<![\w-])([A-Z]{2,6})(?:\s?[-–]\s?|\s+(?:dan|&)\s+)([A-Z]{2,6})(?![\w-])")
_PAIR_JOIN = re.compile(r"\s*(?:[-–&]|dan)\s*")
_NAME_LEAD = {"andi", "a", "muh", "muhammad", "moch", "moh", "m", "h", "hj", "la", "wa", "i", "ni"}


def _initials(words: list[str], skip_lead: bool) -> str:
    ws = [w for w in words if w[:1].isalpha()]
    if skip_lead and len(ws) > 2 and ws[0].rstrip(".").lower() in _NAME_LEAD:
        ws = ws[1:]
    return "".join(w[0] for w in ws).upper()


def _pair_acronyms(st: State, clusters, mentions) -> None:
    """'ARM-SAH' for Andi Rahmat Mappaseng and Sitti Aisyah Hamzah: a pair named by its initials counts
    as a mention of both, when both halves match exactly one person of the article."""
    full = {}
    for i, c in enumerate(clusters):
        if not c.keys:
            continue
        words = max((s.split() for s in c.surfaces), key=len)
        if len(words) >= 2:
            full[i] = {_initials(words, False), _initials(words, True)}
    if len(full) < 2:
        return
    for in_title, text in ((True, st.title), (False, st.text)):
        for m in _PAIR_ACR.finditer(text):
            if not in_title and st.skip(m.start()):
                continue
            who = []
            for part in (m.group(1), m.group(2)):
                hits = [i for i, ini in full.items() if part in ini]
                who.append(hits[0] if len(hits) == 1 else None)
            if who.count(None) == 1:
                # 'MSP dan NAQ' for Muh. Syarif and Moch Noer Alim Qalby: one half exact, the other
                # half the initials of the one person the text names as the pair with it, plus a letter
                # (a surname the article leaves out).
                k = who.index(None)
                part, other = m.group(k + 1), who[1 - k]
                loose = [i for i, ini in full.items() if i != other and any(
                    len(x) >= 2 and part.startswith(x) and len(part) - len(x) <= 1 for x in ini)]
                if len(loose) == 1 and _named_as_pair(st, mentions, loose[0], other):
                    who[k] = loose[0]
            if None in who or who[0] == who[1]:
                continue
            joined = bool(re.search(r"[-–]", text[m.end(1):m.start(2)]))
            for k, i in enumerate(who):
                # 'ARM-SAH' is one nickname of the pair; in 'MSP dan NAQ' each acronym is its own person's.
                a, b = (m.start(), m.end()) if joined else (m.start(k + 1), m.end(k + 1))
                span = NameSpan(a, b, [text[a:b]], text[a:b], "alias")
                span.key = ()
                mentions.append(Mention(span, in_title, i))
                clusters[i].aliases.add(text[a:b])


def _named_as_pair(st: State, mentions, a: int, b: int) -> bool:
    """The text writes the two as a pair somewhere: 'Muh. Syarif dan Moch Noer Alim Qalby', 'X-Y'."""
    body = sorted((m for m in mentions if not m.in_title and m.span.evidence != "alias"), key=lambda m: m.span.start)
    for x, y in zip(body, body[1:]):
        if {x.cluster, y.cluster} == {a, b} and _PAIR_JOIN.fullmatch(st.text[x.span.end:y.span.start]):
            return True
    return False


def _aliases(st: State, clusters, mentions) -> None:
    alias_of: dict[str, int] = {}

    def after_name(m) -> int:  # ('Faisal (37) alias Komeng': an age may stand between the name and its alias)
        age = _AGE.match(st.text, m.span.end)
        return age.end() if age else m.span.end

    for m in list(mentions):
        if m.in_title:
            continue
        a = _ALIAS_RX.match(st.text, after_name(m))
        if not a:
            continue
        nick = a.group("paren") or a.group("nick")
        if a.group("paren") and not a.group("hon"):
            initials = "".join(w[0] for w in m.span.words if w[0].isalpha()).upper()
            low = nick.lower()
            # 'Andi Muhammad Ridwan (Iwan)': a given name in brackets, not a word, an office, a body or a place
            given = bool(re.fullmatch(r"[A-Z][a-z]{2,12}", nick)) and len(m.span.words) >= 2 and not (
                low in vocab.COMMON_WORDS or low in vocab.ROLE_WORDS or low in vocab.ORG_WORDS or low in vocab.LEX_ORG_WORDS
                or low in region_forms() or find_parties(nick) or low in vocab.MONTHS or low in vocab.DAYS)
            if not given and not (nick.isupper() and (nick in initials or initials in nick) and len(nick) >= 2):
                # '(Jubir)', '(45)' and the like are no nickname.
                continue
        alias_of[nick] = m.cluster
        clusters[m.cluster].aliases.add(nick)
    # 'Demul, sapaan akrabnya, ...', 'Pria yang akrab disapa Dani ini ...': the nickname of the person named before.
    for a in list(_NICK_AFTER.finditer(st.text)) + list(_NICK_DESCRIBED.finditer(st.text)):
        before = sorted((m for m in mentions if not m.in_title and m.span.end <= a.start() and m.span.evidence != "alias"),
                        key=lambda m: m.span.start)
        nick = a.group("nick")
        if any(not m.in_title and m.span.start < a.start("nick") < m.span.end for m in mentions):
            continue  # 'Edi Endi, sapaan akrab sang petahana': the last word of a name is no nickname of its own
        named = [m for m in mentions if not m.in_title and m.span.evidence != "alias" and a.end() < m.span.start and
                 not st.text[a.end():m.span.start].strip(" \t")] if a.re is _NICK_AFTER else []
        if named and nick not in alias_of:
            # 'ASR, sapaan akrab Andi Sumangerukka': the full name follows
            alias_of[nick] = named[0].cluster
            clusters[named[0].cluster].aliases.add(nick)
            continue
        if before and nick not in alias_of and fold(nick) not in {k[0] for m in before for k in [m.span.key] if k}:
            # The person the text is about: the latest one named as a subject, not one named in passing
            # ('... bersama Fatma Saifullah Yusuf. Tak cukup sampai di situ, Cak Ipin begitu panggilan akrabnya').
            subj = [m for m in before if _is_subject(st, st.text, m)]
            who = (subj or before)[-1].cluster
            alias_of[nick] = who
            clusters[who].aliases.add(nick)
    # 'Ical, begitu Syamsul Rizal akrab disapa, ...': the nickname first, the name after 'begitu'
    for a in _NICK_BEGITU.finditer(st.text):
        nick = a.group("nick")
        named = [m for m in mentions if not m.in_title and m.span.evidence != "alias" and m.span.start == a.end()]
        if named and nick not in alias_of and re.match(r"\s+(?:biasa\s+|akrab\s+|karib\s+)?(?:disapa|dipanggil)\b",
                                                     st.text[named[0].span.end:]):
            alias_of[nick] = named[0].cluster
            clusters[named[0].cluster].aliases.add(nick)
    _pair_acronyms(st, clusters, mentions)
    # Public figures' nicknames (Jokowi, SBY) join the full name when the article has it.
    for c_i, c in enumerate(clusters):
        if not c.keys or any(len(k) > 1 for k in c.keys):
            continue
        nick = " ".join(c.surfaces[0].lower().split())
        full = vocab.FAMOUS_NICKNAMES.get(nick)
        if not full:
            continue
        targets = [i for i, o in enumerate(clusters) if i != c_i and o.keys and any(
            compatible(tuple(fold(w) for w in full), k) or compatible(k, tuple(fold(w) for w in full))
            for k in o.keys if len(k) >= len(full) or len(full) == 1)]
        if len(targets) == 1:
            alias_of[c.surfaces[0]] = targets[0]
            clusters[targets[0]].aliases.add(c.surfaces[0])
    # 'Usman Muhammad Tokan alias Donnie Tokan': a two-word alias sharing the surname; any two-word 'alias'
    # ('Nurdin Ismail alias Din Minimi').
    for m in list(mentions):
        # ('Fathul yang akrab disapa Uji Nurdin': a short form, the surname from the full name)
        full = max((s_.split() for s_ in clusters[m.cluster].surfaces), key=len) if m.cluster >= 0 else m.span.words
        if m.in_title or len(full) < 2:
            continue
        a = _ALIAS2_RX.match(st.text, after_name(m))
        last = a.group("nick").split()[-1].lower() if a else ""
        first = a.group("nick").split()[0].lower() if a else ""
        if a and (last in {w.lower() for w in full} or re.search(r"\b(?:dikenal|disapa|dipanggil)\b", a.group()) and first == (
                m.span.words[0].lower()) or re.match(r"\s*,?\s*alias\b", a.group()) and not (
                last in vocab.DAYS or last in vocab.MONTHS or last in vocab.NON_NAME)):
            alias_of[a.group("nick")] = m.cluster
            clusters[m.cluster].aliases.add(a.group("nick"))
    if not alias_of:
        return
    # A nickname already taken for a person of its own (from 'kata Appi') joins the full name.
    fold_alias = {" ".join(key_of(a.split())) if " " in a else fold(a): t for a, t in alias_of.items()}
    for i, c in enumerate(clusters):
        if i in fold_alias.values():
            continue
        hit = next((" ".join(k) for k in c.keys if " ".join(k) in fold_alias), None)
        if hit and all(" ".join(k) == hit or compatible(k, tuple(hit.split())) for k in c.keys):
            target = fold_alias[hit]
            for m in mentions:
                if m.cluster == i:
                    m.cluster = target
            clusters[target].keys.extend([])
            c.keys, c.surfaces = [], []
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alias_of) + r")(?![\w-])")
    taken = {(m.in_title, m.span.start) for m in mentions}
    for in_title, text in ((True, st.title), (False, st.text)):
        for a in rx.finditer(text):
            if (in_title, a.start()) in taken or (not in_title and st.skip(a.start())):
                continue
            span = NameSpan(a.start(), a.end(), [a.group()], a.group(), "alias")
            span.key = ()
            mentions.append(Mention(span, in_title, alias_of[a.group()]))


# -- stage 5: candidates ---------------------------------------------------------------
def link_candidates(st: State) -> None:
    local_named = any(r["jenis"] != "provinsi" for r in st.regions) or any(
        r["jenis"] != "provinsi" for r in (lookup(st.region) if st.region else []))
    for c in st.clusters:
        c.candidate = link(c.keys, st.region_codes, st.provinces, st.explicit_provinces, local_named, c.roles)
    _link_written_pairs(st)
    _link_in_implied_region(st)
    from monitor.nlp.gazetteer import registry

    # Who runs an election or polices it is no candidate in it ('Ketua Bawaslu Kota Pontianak, Rudy Simanjuntak'
    # is not the 'H. Rudi' running in Kota Batu); an observer far from the candidate's region is a namesake.
    for c in st.clusters:
        if not c.candidate:
            continue
        if any(_RUNS_THE_ELECTION.search(r) for r in c.roles):
            c.candidate = None
        elif any(_OBSERVER.search(r) for r in c.roles):
            code = (registry().by_pair.get((c.candidate["id_paslon"], c.candidate["position"])) or {}).get("kode_wilayah")
            if code not in st.region_codes:
                c.candidate = None
    _merge_same_candidate(st)
    _nicknames_by_ballot(st)


_BALLOT_ROLE = r"[Cc]alon\s+(?P<wakil>wakil\s+)?(?:bupati|wali\s*kota|gubernur)\s+nomor\s+urut\s+(?P<n>\d{1,2})"
_NICK_OF_BALLOT = [
    re.compile(r"(?P<nick>(?:[A-Z][a-z]{2,15}\s)?[A-Z][a-z]{2,15}|[A-Z]{2,5}),?\s+(?:sapaan|panggilan)\s+(?:akrab\s+|karib\s+)?"
               + _BALLOT_ROLE),
    re.compile(_BALLOT_ROLE + r"\s+(?:itu\s+|tersebut\s+)?yang\s+(?:akrab\s+|biasa\s+|karib\s+)?(?:disapa|dipanggil)\s+"
               r"(?:(?:Bang|Gus|Kang|Pak|Bu|Daeng|Cak|Mas|Uda)\s+)?(?P<nick>[A-Z][a-z]{2,15}(?:\s[A-Z][a-z]{2,15})?|[A-Z]{2,5})\b"),
]


def _nicknames_by_ballot(st: State) -> None:
    """'kata Dayat, sapaan akrab calon wali kota nomor urut 3 tersebut', 'Calon bupati nomor urut 2 yang akrab
    disapa SAR': the nickname is the linked candidate with that ballot number and position, whoever the
    rules first took it for."""
    for rx in _NICK_OF_BALLOT:
        for a in rx.finditer(st.text):
            targets = _by_ballot(st, "wakil" if a.group("wakil") else "calon", int(a.group("n")))
            if len(targets) != 1:
                continue
            nick, t = a.group("nick"), targets[0]
            for m in st.mentions:
                src = st.title if m.in_title else st.text
                if src[m.span.start:m.span.end] == nick and m.cluster != t:
                    m.cluster = t
            # ('Roby Idong' taken for a person of its own, with 'Roby' as its short form: all of it is the candidate)
            nick_key = key_of(nick.split())
            for i, c in enumerate(st.clusters):
                if i != t and c.keys and not c.candidate and nick_key in c.keys and all(
                        compatible(k, nick_key) for k in c.keys):
                    for m in st.mentions:
                        if m.cluster == i:
                            m.cluster = t
                    st.clusters[t].keys.extend(c.keys)
                    st.clusters[t].surfaces.extend(c.surfaces)
                    st.clusters[t].quoted = st.clusters[t].quoted or c.quoted
                    c.keys, c.surfaces = [], []
            # ('ujar KB': a nickname the name rules do not take for a name is a mention of the candidate too)
            taken = {(m.in_title, m.span.start) for m in st.mentions}
            for in_title, src in ((True, st.title), (False, st.text)):
                for x in _word_rx(nick).finditer(src):
                    if (in_title, x.start()) in taken or (not in_title and st.skip(x.start())) or any(
                            m.in_title == in_title and m.span.start <= x.start() < m.span.end for m in st.mentions):
                        continue
                    span = NameSpan(x.start(), x.end(), [nick], nick, "alias")
                    span.key = ()
                    st.mentions.append(Mention(span, in_title, t))
            st.mentions.sort(key=lambda m: (0 if m.in_title else 1, m.span.start))
            for i, c in enumerate(st.clusters):
                if i != t:
                    c.aliases.discard(nick)
            st.clusters[t].aliases.add(nick)


def _by_ballot(st: State, position: str, number: int) -> list[int]:
    """The clusters linked to the candidate with that ballot number and position."""
    from monitor.nlp.gazetteer import registry

    by_pair = registry().by_pair
    return [i for i, c in enumerate(st.clusters) if c.candidate and c.candidate["position"] == position
            and (by_pair.get((c.candidate["id_paslon"], position)) or {}).get("nomor_urut") == number]


_RUNS_THE_ELECTION = re.compile(r"\b(?:ketua|anggota|komisioner|koordinator|kepala)\b.*\b(?:kpu|kpud|bawaslu|panwaslih|"
                                r"panwaslu|panwascam|kip|ppk|pps|kpps|dkpp)\b|^(?:kapolres|kapolresta|kapolda|kapolsek|"
                                r"hakim|jaksa|bhabinkamtibmas|babinsa|danramil|kanit|kasat|kasi\s+humas)\b|"
                                r"^saksi\s+(?:paslon|pasangan|calon|partai|tps)\b|"
                                # serving police below the top ranks ('Bripka I Made Suardana' is no candidate in Bali)
                                r"\b(?:bripka|brigpol|briptu|bripda|bharada|aipda|aiptu|ipda|iptu|akp|kompol)$")
_OBSERVER = re.compile(r"^(?:pengamat|akademisi|dosen|peneliti)\b")


def _merge_same_candidate(st: State) -> None:
    """Two names linked to the same candidate are one person written two ways ('Abdusy Syakur Amin' and
    'Abdussyakur Amin')."""
    seen: dict[tuple, int] = {}
    for i, c in enumerate(st.clusters):
        if not c.candidate or not c.keys:
            continue
        who = (c.candidate["id_paslon"], c.candidate["position"])
        if who not in seen:
            seen[who] = i
            continue
        target = st.clusters[seen[who]]
        target.keys.extend(c.keys)
        target.surfaces.extend(c.surfaces)
        target.roles.extend(r for r in c.roles if r not in target.roles)
        target.aliases |= c.aliases
        target.quoted = target.quoted or c.quoted
        target.first = min(target.first, c.first)
        for m in st.mentions:
            if m.cluster == i:
                m.cluster = seen[who]
        c.keys, c.surfaces, c.candidate = [], [], None


# Between the two names of a pair: degrees, then a hyphen, '&', '/' or 'dan' ('Halikinnor, S.H., M.M.-Irawati').
_PAIR_BETWEEN = re.compile(r"(?:\s*,?\s*(?:[A-Z][A-Za-z]{0,4}\.){1,4}[A-Za-z]{0,5}\.?)*\s*,?\s*(?:[-–&/]|dan)\s*"
                           r"(?:(?:[A-Z][a-z]{0,3}\.\s*){1,3})?")


def _pair_partner(text: str, s, body) -> bool:
    """A one-word name written as a pair with the name before or after it ('Agussalim-Erwin Barabba',
    'La Ode Husuna Ringa Jhon–Syarifuddin') when the two, whole, are the head and deputy of one registry pair."""
    from monitor.nlp.candidates import pair

    for o in body:
        if o is s:
            continue
        if o.end <= s.start and _PAIR_BETWEEN.fullmatch(text[o.end:s.start]):
            return pair([key_of(o.words)], [s.key]) is not None
        if s.end <= o.start and _PAIR_BETWEEN.fullmatch(text[s.end:o.start]):
            return pair([s.key], [key_of(o.words)]) is not None
    return False


def _link_written_pairs(st: State) -> None:
    """Two people written as a pair who are, by their whole names, the head and deputy of one registry pair are
    linked to it, whatever the article's region ('nomor urut 2 Sanidin, S.Ag.-Siyono, S.Sos.')."""
    from monitor.nlp.candidates import _spelt_alike, pair

    body = sorted((m for m in st.mentions if not m.in_title and m.span.evidence != "alias"), key=lambda m: m.span.start)
    for x, y in zip(body, body[1:]):
        a, b = st.clusters[x.cluster], st.clusters[y.cluster]
        if x.cluster == y.cluster:
            continue
        if not _PAIR_BETWEEN.fullmatch(st.text[x.span.end:y.span.start]):
            continue
        hit = pair(a.keys, b.keys)
        if hit and not (a.candidate and a.candidate != hit[0]) and not (b.candidate and b.candidate != hit[1]):
            a.candidate, b.candidate = hit
            # ('Syukri Yahya', linked as the registry's one-word 'Syukri' by his first name, is a namesake)
            for c in st.clusters:
                if c is not a and c is not b and c.candidate in hit and c.keys and not _spelt_alike(
                        (a if c.candidate == hit[0] else b).key, c.key):  # (not 'Luluk Nurhamidah' for 'Luluk Nur Hamidah')
                    c.candidate = None


def _link_in_implied_region(st: State) -> None:
    """Two or more people linked by their full names all ran in one region the article does not name (a
    dateline of a small town, 'Bumi Lamaranginang', or only regions named in passing, 'transmigran asal Bali'):
    the article is set there, and the names not linked yet are read in it."""
    from monitor.nlp.gazetteer import registry

    if sum(1 for c in st.clusters if c.candidate) < 2:
        return
    codes = {registry().by_pair[(c.candidate["id_paslon"], c.candidate["position"])]["kode_wilayah"]
             for c in st.clusters if c.candidate}
    if len(codes) == 1 and not codes <= st.region_codes:
        for c in st.clusters:
            if not c.candidate:
                c.candidate = link(c.keys, codes, st.provinces, st.explicit_provinces, True, c.roles)
        # The region the article is set in is reported first.
        code = next(iter(codes))
        implied = [r for rs in region_forms().values() for r in rs if r["kode_wilayah"] == code][:1]
        st.regions = implied + st.regions
        st.region_codes = st.region_codes | codes
        st.provinces = st.provinces | {r["provinsi"] for r in implied}


# -- stage 6: roles ---------------------------------------------------------------------
def detect_roles(st: State) -> None:
    prev_end = {True: 0, False: 0}
    for m in st.mentions:
        text = st.title if m.in_title else st.text
        if m.span.evidence == "alias":
            continue
        # A member of a pair name ('Tim Pemenangan Amir Uskara-Irmawati, Syamsul Bahri') holds no role
        # there, and does not cut the next person's role phrase short.
        if text[m.span.end:m.span.end + 1] in "-–" and m.span.end < len(text) or text[max(0, m.span.start - 1):m.span.start] in ("-", "–"):
            continue
        # A role phrase stays inside its paragraph and stops at the previous person.
        limit = max(text.rfind("\n", 0, m.span.start) + 1, prev_end[m.in_title])
        prev_end[m.in_title] = m.span.end
        nxt = [x.span.start for x in st.mentions if x.in_title == m.in_title and x.span.start >= m.span.end]
        # 'Menurut Ina, nelayan di ...': after 'menurut X,' the statement begins, not an appositive.
        after = None if re.search(r"(?i)\bmenuru?t\s+$", text[max(0, m.span.start - 10):m.span.start]) else (
            role_after(text, m.span.end, min(nxt) if nxt else None))
        found = [role_before(text, m.span.start, limit), after]
        for r in found:
            if not r:
                continue
            m.role = m.role or r
            c = st.clusters[m.cluster]
            if r not in c.roles:
                c.roles.append(r)


# -- stage 7: quotes ----------------------------------------------------------------------
# ('Menurt Haryadi,': a typo the press lets through; 'Menurutny,': a scraper's clipped word)
_MENURUT = re.compile(r"(?i)\bmenuru?t(?:nya|ny)?\b")
# 'menurut catatan / data / survei ...': a document, no one's statement.
_MENURUT_DOC = re.compile(
    r"\s*(?:catatan|data|laporan|survei|hasil|penelitian|kajian|aturan|ketentuan|peraturan|jadwal|undang-undang|"
    r"uu|perhitungan|statistik|grafik|tabel|kalender|sejarah|prakiraan|perkiraan)\b", re.I)
# A noun that names what is said about ('mengungkapkan kekhawatirannya mengenai ...', 'menekankan pentingnya
# ...', 'menyatakan kesiapan untuk ...'): the verb then gives a topic, not a clause.
_ABSTRACT = re.compile(r"^(?:ke|pe|per|pem|pen|peng|peny)[a-z]{2,}an(?:nya)?$")
_NEWS_NOUNS = {"informasi", "kabar", "isu", "tudingan", "tuduhan", "berita", "pernyataan"}
_ABSTRACT_WORDS = {"rasa", "rencana", "rencananya", "komitmen", "komitmennya", "sikap", "sikapnya", "harapan",
                   "harapannya", "apresiasi", "keinginan", "keinginannya", "niat",
                   "niatnya", "terima", "duka", "belasungkawa", "selamat", "optimisme", "kekecewaan"}
_TOPIC_PREP = {"mengenai", "atas", "untuk", "terhadap", "karena", "bersama", "soal", "terkait", "tentang", "kepada",
               "bagi", "dalam", "pada", "perihal", "seputar"}
# The speech verb of a purpose or manner phrase ('diambil untuk memastikan bahwa ...',
# 'keberhasilan X dalam mengelola ... dan memastikan ...'): no one is saying anything.
_PURPOSE_BEFORE = re.compile(
    r"(?i)\b(?:untuk|agar|guna|demi|supaya|dalam|cara|alat|upaya|usaha|sarana)\s*$|\b(?:untuk|agar|guna|demi|supaya|dalam)\s+[a-z]+[^,.;]{0,60}\bdan\s*$")


_PREDICATE = {"akan", "sudah", "telah", "harus", "menjadi", "adalah", "merupakan", "bisa", "dapat", "perlu", "tidak",
              "tak", "belum", "masih", "sedang", "ialah", "wajib", "mesti", "segera", "memang"}


_COUNTED = {"sejumlah", "beberapa", "berbagai", "banyak", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
            "sembilan", "sepuluh", "satu"}
_COUNTED_NOUNS = {"hal", "poin", "catatan", "alasan", "masukan", "persoalan", "masalah", "keberatan", "tuntutan",
                  "usulan", "saran", "rekomendasi", "langkah", "program", "target", "fitur", "temuan", "perbuatan",
                  "capaian", "pencapaian", "prestasi", "sisi", "keunggulan", "inovasi", "kegiatan", "kebijakan"}
# Stances one expresses about something ('apresiasinya terhadap ...', 'prioritasnya untuk ...'): with -nya and no
# clause after them, the object of the verb, not what was said.
_STANCE_NOUNS = {"apresiasi", "prioritas", "peran", "komitmen", "keberatan", "kekhawatiran", "kekecewaan",
                 "keprihatinan", "kebanggaan", "kegembiraan", "kebahagiaan", "dukungan", "penghargaan", "penyesalan",
                 "ucapan", "syukur", "duka", "belasungkawa", "sikap", "kesiapan", "kesediaan", "ketidaksetujuan",
                 "penolakan", "keseriusan", "perhatian", "rasa", "rencana", "harapan",
                 "keinginan", "tekad", "niat", "visi", "misi", "gagasan", "kepedulian"}


def _topic_object(after: str) -> bool:
    ws = re.findall(r"[\w-]+", after[:80].lower())[:3]
    if not ws:
        return False
    if ws[0] == "kembali" and len(ws) > 1:
        return _topic_object(after[after.lower().find("kembali") + 7:])  # 'menegaskan kembali komitmennya ...'
    if not re.match(r"\s*[,:]", after) and not _clause_follows(after):
        # 'mengungkapkan apresiasinya terhadap ...', 'menjelaskan prioritasnya untuk ...', 'mengungkapkan adanya
        # empat korban', 'menyampaikan sejumlah hal yang memberatkan': a noun phrase, no clause after it
        if ws[0].endswith("nya") and ws[0][:-3] in _STANCE_NOUNS and not re.search(
                r"\b(?:bahwa|agar|supaya)\b", after[:120]):
            return True
        if ws[0] in _COUNTED and len(ws) > 1 and ws[1] in _COUNTED_NOUNS:
            return True
        if ws[0] in {"adanya", "alasan", "alasannya", "keberatan", "keberatannya", "tanggapan", "tanggapannya"} and (
                not re.search(r"\b(?:bahwa|agar|supaya|lantaran|karena|sebab|yakni|yaitu|adalah|merupakan|ialah)\b",
                              after[:120])):
            return True  # 'mengungkapkan adanya empat korban jiwa', 'menjelaskan alasan perpanjangan waktu ...'
    if ws[0] in {"pentingnya", "perlunya", "urgensi"}:
        return True
    if not re.match(r"\s*[,:]", after):  # ('mengatakan, soal itu, pihaknya ...' does make a statement)
        if ws[0] in {"maaf", "sisi", "komitmen", "komitmennya", "tekad", "tekadnya"}:
            return True  # 'meminta maaf ...', 'menegaskan komitmennya membebaskan ...'
        if ws[0] in {"soal", "terkait", "tentang", "mengenai", "perihal", "seputar"}:
            # 'menegaskan soal keputusan gubernur, tanpa ...' names a topic; 'menegaskan soal keputusan
            # akan menjadi kewenangan pusat' is a clause about it.
            nxt = re.split(r"[,.;]", after, maxsplit=1)[0].lower().split()[1:8]
            return not any(w in _PREDICATE for w in nxt)
        if ws[0] in {"dukungan", "dukungannya"} and any(w in _TOPIC_PREP | {"penuh"} for w in ws[1:]):
            return True  # 'menyatakan dukungan penuh terhadap ...'
    if ws[0] in {"rasa", "ucapan"}:  # 'rasa syukurnya atas ...', 'rasa terima kasihnya kepada ...'
        return len(ws) == 3 and ws[2] in _TOPIC_PREP or (len(ws) == 3 and ws[1:] == ["terima", "kasihnya"])
    if ws[0] in _NEWS_NOUNS:
        # 'membantah informasi perihal penggunaan dana ...' names a topic; 'menyebut informasi soal pajak itu
        # memang sudah ramai' is a clause about it.
        nxt = re.split(r"[,.;]", after, maxsplit=1)[0].lower().split()[1:9]
        return len(ws) > 1 and ws[1] in _TOPIC_PREP and not any(w in _PREDICATE for w in nxt)
    return (bool(_ABSTRACT.match(ws[0])) or ws[0] in _ABSTRACT_WORDS) and len(ws) > 1 and ws[1] in _TOPIC_PREP
_TOPIC_OPENERS = {"soal", "terkait", "mengenai", "tentang", "perihal", "seputar", "menanggapi", "menyinggung",
                  "menyoal", "disinggung", "ditanya", "ditanyai", "dikonfirmasi"}
_SUBJ_STOP = {"dari", "untuk", "kepada", "bersama", "oleh", "dengan", "terhadap", "tentang", "soal", "dan", "serta",
              "mendampingi", "melawan", "pasangan", "wakilnya", "calon", "bakal", "disebut", "diusung", "didukung",
              "ke", "di", "pada", "menemui", "menemani", "bertemu", "mengunjungi", "didampingi", "mengusung",
              "mendukung", "menggantikan", "menantang", "versus", "vs", "antara", "atas", "tentang"}


# What introduces written words quoted after it ('Dian pun menuliskan caption yang berbunyi, "..."').
_WRITES = {"menuliskan", "menulis", "berbunyi", "mengunggah", "memposting", "mengetik"}
_NAMED_THING = re.compile(
    r"(?i)\b(?:tema|bertema|bertajuk|berjudul|judul|dijuluki|julukan|istilah|slogan|tagline|tagar|jargon|sebutan|"
    r"bernama|program|gerakan|semboyan|motto|moto|label|(?:di)?sebut\s+sebagai|dikenal\s+(?:sebagai|dengan))\s*$")


def detect_quotes(st: State) -> None:
    text = st.text
    body = [m for m in st.mentions if not m.in_title]
    quotes = find_direct(text, st.skip)
    in_quote = [(q.start, q.end) for q in quotes]
    st.quote_spans = in_quote

    def inside_quote(pos):
        return any(s <= pos < e for s, e in in_quote)

    def person_at(start, end, first=True):
        hits = [m for m in body if start <= m.span.start < end and not inside_quote(m.span.start)]
        if not hits:
            return None
        m = hits[0] if first else hits[-1]
        partner = _PARTNER_OF.search(text, max(0, m.span.start - 30), m.span.start)
        cand = st.clusters[m.cluster].candidate
        if partner and cand:
            # 'tutur pendamping Amran Mahmud tersebut': the other half of the pair speaks
            other = "wakil" if cand["position"] == "calon" else "calon"
            mates = [x for x in body if st.clusters[x.cluster].candidate and st.clusters[x.cluster].candidate[
                "id_paslon"] == cand["id_paslon"] and st.clusters[x.cluster].candidate["position"] == other]
            if mates:
                return mates[0]
        return m

    def credited_after(pos):
        """The person a 'Hal itu disampaikan X' right after pos names, in that sentence."""
        said = _SAID_BY_AFTER.match(text, pos)
        if not said:
            return None
        # (the dot of a title is no end: 'disampaikan Sekretaris DPD ..., H. Syahrial Tarigan')
        stop = re.search(r"(?<!\b[A-Z])(?<!\bHj)(?<!\bDr)(?<!\bdr)(?<!\bIr)(?<!\bDrs)(?<!\bProf)(?<!\bMuh)(?<!\bMoh)"
                         r"[.!?]|\n", text[said.end():said.end() + 200])
        return person_at(said.end(), said.end() + (stop.start() if stop else 200))

    def subject_before(seg_start, verb_pos):
        """The person who is the subject of a speech verb at verb_pos, None if not a person, 'carry' for pronouns."""
        seg = text[seg_start:verb_pos]
        words = re.findall(r"[\w-]+", seg.lower())
        if words and words[-1] == "yang":
            # A relative clause: '... rekomendasi Bawaslu yang menyatakan ...' speaks for the noun before it.
            yang = seg_start + seg.lower().rfind("yang")
            hits = [m for m in body if yang - 3 <= m.span.end <= yang and not inside_quote(m.span.start)]
            return hits[-1] if hits else None
        if words and words[-1] in vocab.PRONOUNS | {"pihaknya", "dirinya"} or (len(words) >= 2 and words[-2] in {"ia", "dia", "beliau"}):
            return "carry"
        hits = [m for m in body if seg_start <= m.span.start < verb_pos and not inside_quote(m.span.start)]
        # 'Putra bungsu dari Presiden ke-7 RI Joko Widodo (Jokowi) ini mengatakan': the son, someone named before.
        clause_ws = re.findall(r"[\w-]+", re.split(r",\s*", seg.strip())[-1].lower()) if seg.strip() else []
        if clause_ws and clause_ws[0] in _HUMAN_NOUNS and clause_ws[-1] in {"ini", "itu", "tersebut"}:
            ref = _by_role(st, re.split(r",\s*", seg.strip())[-1], verb_pos)
            if ref is not None:
                return ref
        # Skip people named after a preposition ('Jubir dari X', 'bersama X').
        good = []
        skipped = None
        for m in hits:
            # ('Setelah bertemu, Kaesang mengaku ...': a comma closes the phrase before the name)
            before = re.findall(r"[\w-]+", text[max(seg_start, m.span.start - 20):m.span.start].lower().split(",")[-1])
            if before and before[-1] in _SUBJ_STOP or (
                    # 'Saksi pasangan Yophi Prabowo–Lukman Hakim, Agung Pambudi, menilai': the pair served, whole
                    skipped is not None and _PAIR_BETWEEN.fullmatch(text[skipped.span.end:m.span.start])
                    and "dan" not in text[skipped.span.end:m.span.start]):
                skipped = m
                continue
            # ('Soal kabar Jokowi masuk bursa, Menteri Kehutanan itu mengatakan': named in the topic, not the subject)
            opener = re.match(r"\s*([\w-]+)", text[seg_start:m.span.start].rsplit(",", 1)[-1].lower())
            if opener and opener.group(1) in _TOPIC_OPENERS and "," in text[m.span.end:verb_pos]:
                continue
            good.append(m)
        if good and re.match(r"\s*(?:Bersama|Didampingi|Ditemani|Diiringi|Dengan)\b", text[seg_start:good[0].span.start]):
            # 'Bersama Lurah Wedomartani, Suparno, Panewu Ngemplak Sugeng Raharjo ... meminta': the companion
            # opens the sentence; the subject comes after.
            rest = [m for m in good if m.cluster != good[0].cluster]
            good = rest or good
        via = re.search(r"\bmelalui\b", seg)
        if via:
            # 'Pjs Bupati, Kusnadi, melalui Kabag Prokopim Setda, Rizky Ananda, mengatakan': the one who speaks
            spoke = [m for m in hits if m.span.start > seg_start + via.end()]
            if spoke:
                return spoke[0]
        if len(good) >= 3:
            # 'Saksi pasangan nomor urut 02, H. Abdul Rahman, S.E. – H. Andi Muhammad Guntur, S.E., Hotman Sitorus,
            # menyatakan': the pair written whole is whom the speaker serves.
            paired = set()
            for x, y in zip(good, good[1:]):
                if _PAIR_BETWEEN.fullmatch(text[x.span.end:y.span.start]) and "dan" not in text[x.span.end:y.span.start]:
                    paired |= {id(x), id(y)}
            rest = [m for m in good if id(m) not in paired]
            if paired and rest and id(good[-1]) not in paired:
                good = rest
        if good:
            # The subject is the last person not buried in a prepositional phrase, unless
            # an earlier person is followed by an apposition (X selaku ..., X, Ketua ...).
            first = good[0]
            between = text[first.span.end:verb_pos]
            last = good[-1]
            # '..., apakah tokoh yang dimaksud adalah Jokowi, Andy hanya menjawab': the name right before the
            # verb, after a comma, opens the clause; 'X, Ketua ..., mengatakan' is an apposition.
            if last is not first and st.clusters[last.cluster] is not st.clusters[first.cluster] and "," in text[
                    first.span.end:last.span.start] and re.fullmatch(
                    r"\s*(?:(?:hanya|juga|pun|lantas|kemudian|sempat|telah|sudah|lalu|kembali|justru|bahkan|tetap)\s+)*",
                    text[last.span.end:verb_pos]):
                return last
            if re.match(r"\s*(?:,|selaku|sebagai|yang)", between) or len(good) == 1:
                return first
            return good[-1]
        # A role without a name ('Ketua DPP Partai Gerindra itu mengatakan'): the person holding it.
        seg_clause = re.split(r",\s*", seg.strip())[-1] if seg.strip() else ""
        ref = _by_role(st, seg_clause, verb_pos)
        if ref is not None:
            return ref
        return None

    results: list[Quote] = []
    for q in quotes:
        spk = "none"
        ca = cue_after(text, q.end)
        if not ca and _NAMED_THING.search(text[max(0, q.start - 45):q.start].rstrip(" " + QUOTE_MARKS)):
            continue  # 'mengangkat tema "Transformasi Air Minum"': a name in quote marks, no one speaking
        if ca:
            cue, rest_start, carried = ca
            q.cue = cue
            if carried:
                spk = "carry"
                rest_txt = text[rest_start:rest_start + 120].split("\n")[0]
                named = re.match(r"[^.!?\n\u201c\u201d\"]{0,80}?\bbernama\s+", rest_txt)
                if named and (m := person_at(rest_start + named.end(), rest_start + named.end() + 2)):
                    spk = m  # 'kata perempuan yang belakangan diketahui bernama Icih (78) itu'
                elif re.match(r"\s*(?:mantan|eks|politisi|politikus)\b", rest_txt, re.I):
                    # 'kata mantan pengurus PKS tersebut': the one the article described so
                    spk = _described_by(st, text, body, rest_txt, q.start, inside_quote) or "carry"
            else:
                # (the dot of a title is no end: 'kata Dr. Soleman.')
                sent_end = re.search(r"(?<!\bDr)(?<!\bdr)(?<!\bIr)(?<!\bH)(?<!\bHj)(?<!\bProf)(?<!\bDrs)(?<!\bPdt)"
                                     r"(?<!\bdrg)(?<!\bTgk)(?<!\bKH)(?<!\bMuh)(?<!\bMoh)(?<!\bM)[.!?\n]|\s[\u201c\u201d\"]",
                                     text[rest_start:rest_start + 200])
                lim = rest_start + (sent_end.start() if sent_end else 200)
                m = person_at(rest_start, lim)
                rest_txt = text[rest_start:lim]
                first = re.match(r"\s*([a-z]+)", rest_txt)
                if first and first.group(1) in _HUMAN_NOUNS and re.search(r"\b(?:itu|tersebut|ini)\b", rest_txt):
                    # 'kata putra bungsu mantan presiden, Joko Widodo, itu': the son, not the president
                    spk = _by_role(st, rest_txt, q.start) or m or None
                else:
                    spk = m if m else (_by_role(st, rest_txt, q.start) or None)
        elif results and results[-1].how != "marker" and _SPLIT_CUE.fullmatch(text, results[-1].end, q.start):
            # '"Kami ikuti semua aturan," kata calon wali kota itu kepada wartawan, "dan hasilnya ..."': the second
            # half of a quote split by its cue
            q.cue, q.how, q.speaker = results[-1].cue, results[-1].how, results[-1].speaker
            results.append(q)
            continue
        else:
            # Speaker before the quote in the same paragraph: 'X mengatakan, “…”' / 'Menurut X, “…”'.
            ps = text.rfind("\n", 0, q.start) + 1
            lead = text[ps:q.start]
            cut = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "))
            sent_start = ps + cut + 2 if cut >= 0 else ps
            lead = text[sent_start:q.start]
            vm = None
            for vm_ in re.finditer(r"[\w-]+", lead):
                if vm_.group().lower() in vocab.SPEECH_VERBS or vm_.group().lower() in vocab.CUES:
                    vm = vm_
                elif vm_.group().lower() in _WRITES and not (vm and vm.group().lower() in _WRITES):
                    vm = vm_  # ('menuliskan caption yang berbunyi': the writer is the subject of the first)
            mm = _MENURUT.search(lead)
            nya_lead = re.fullmatch(r"\s*([A-Za-z]+?)nya\s*[,:]?\s*", lead)
            if nya_lead and nya_lead.group(1).lower() in vocab.CUES:
                # 'Tambahnya, “Yang sudah mengabdi ...”': the speaker of the quote before goes on
                q.cue, spk = nya_lead.group(1).lower() + "nya", "carry"
            elif mm:
                if mm.group().lower().endswith("nya"):
                    spk = "carry"
                else:
                    m = person_at(sent_start + mm.end(), q.start)
                    spk = m if m else None
                q.cue = "menurut"
            elif vm:
                q.cue = vm.group().lower()
                spk = subject_before(sent_start, sent_start + vm.start())
                if spk is None and vm.group().lower() in vocab.CUES:
                    m = person_at(sent_start + vm.end(), q.start)
                    spk = m or None
                if spk is None and re.fullmatch(r"\s*(?:Ia|Dia|Beliau)(?:\s+(?:juga|pun|lalu|kemudian|kembali))?\s*",
                                                text[sent_start:sent_start + vm.start()]):
                    spk = "carry"  # 'Ia menegaskan: “...”': the person the paragraph before is about
            elif lead.strip().endswith(":"):
                m = person_at(sent_start, q.start, first=False)
                spk = m or None
            elif not lead.strip():
                # A quote standing alone, after another quote or after a sentence about someone ('Dasco berujar
                # bahwa ... . "Kami mesti sikapi ..."'): the person the paragraph is talking about.
                spk = "carry"
                # '“...” Hal itu disampaikan Ketua Bawaslu Kota Pontianak, Rudy Simanjuntak, ...'
                m = credited_after(q.end)
                if m:
                    spk = m
        if spk == "carry":
            q.how = "carry-pending"
        elif spk == "none" or spk is None:
            q.speaker = None
        else:
            q.speaker = spk.cluster
        results.append(q)
    # Indirect statements, in order with the direct ones so that 'ujarnya' carries correctly.
    statements = _indirect(st, text, inside_quote, subject_before)
    merged = sorted(results + statements, key=lambda x: x.start)
    last, last_pos = None, 0
    prev_q = None
    for q in merged:
        if q.how == "carry-pending":
            s0 = max((a for a, b in st.sents if a <= prev_q.start), default=0) if prev_q is not None else 0
            if prev_q is not None and prev_q.speaker is None and prev_q.how != "marker" and (
                    "\n" not in text[prev_q.start:q.start]) and not any(
                    s0 <= m.span.start < q.start for m in body) and _UNNAMED_SUBJECT.match(text[s0:prev_q.start]):
                # 'Seorang pemandu wisata ... menilai ... . "Yang kami tunggu ...," katanya.': the unnamed
                # source (or the body) that just spoke, not the last person named.
                q.speaker = None
            elif _unnamed_lead(text, body, q.start):
                q.speaker = None
            else:
                q.speaker = _carry(st, text, body, last, last_pos, q.start, inside_quote)
        if q.how != "marker":
            prev_q = q
        if q.speaker is not None:
            # The cue after a direct quote ('," kata Prabowo, sebagaimana ...') names the same
            # speaker again: only people named after that sentence are new to 'ujar dia'.
            end = q.end
            if q.direct:
                nxt = [e for s_, e in st.sents if s_ <= q.end < e]
                if nxt and not any(q.end < m.start < nxt[0] for m in merged if m is not q and m.direct):
                    end = nxt[0]
            last, last_pos = q.speaker, end
    for q in merged:
        # 'Bawaslu Sulsel mengimbau masyarakat ... . Hal tersebut diungkapkan Koordinator ..., Nurhaliza Rahman, ...':
        # a body's statement that the next sentence credits to a named person is theirs
        if q.speaker is None and not q.direct and q.how != "marker":
            end = next((b for a, b in st.sents if a <= q.start < b), None)
            m = credited_after(end) if end else None
            if m:
                q.speaker = m.cluster
    qa = _interview_answers(st, text, body)
    if qa:
        spans = [(q.start, q.end) for q in qa]
        merged = [q for q in merged if not any(a <= q.start < b for a, b in spans)] + qa
        merged.sort(key=lambda q: q.start)
    st.quotes = [q for q in merged if q.how != "marker"]
    for q in st.quotes:
        if q.speaker is not None:
            st.clusters[q.speaker].quoted = True


def _described_by(st, text, body, desc, pos, inside_quote):
    """The person whose own words in the article say what a descriptor says ('mantan pengurus PKS tersebut' for
    'Muhammad Arsyad Lallo, yang belasan tahun menjadi pengurus Partai Keadilan Sejahtera'), when exactly one does.
    A person's words run from their name to the next person named or the end of the sentence."""
    m = re.match(r"\s*((?:mantan|eks|politisi|politikus)\b[^.,;!?]*?)\s+(?:itu|tersebut|ini)\b", desc, re.I)
    if not m:
        return None
    at = text.find(m.group(1), pos)
    party_ids = {p["id"] for p in st.parties if not p["in_title"] and at <= p["start"] < at + len(m.group(1))}
    words = [w.lower() for w in re.findall(r"[a-z][\w-]*", m.group(1))
             if w.lower() not in {"mantan", "eks", "dua", "tiga", "periode", "yang", "dan", "di", "partai"}]
    if not words and not party_ids:
        return None
    named = sorted(mm.span.start for mm in body)
    hits = set()
    for mm in body:
        if mm.span.start >= pos or inside_quote(mm.span.start):
            continue
        end = next((b for a, b in st.sents if a <= mm.span.start < b), mm.span.end + 200)
        end = min([end] + [x for x in named if x > mm.span.end])
        window = text[mm.span.end:end].lower()
        parties = {p["id"] for p in st.parties if not p["in_title"] and mm.span.end <= p["start"] < end}
        if all(_rx(rf"\b{re.escape(w)}\b").search(window) for w in words) and party_ids <= parties:
            hits.add(mm.cluster)
    return _ClusterRef(hits.pop()) if len(hits) == 1 else None


def _unnamed_lead(text, body, start) -> bool:
    """'Terpisah, seorang ASN yang enggan disebut namanya mengaku khawatir. "...," ucapnya.': the paragraph
    opens with an unnamed source and names nobody before the quote."""
    ps = text.rfind("\n", 0, start) + 1
    lead = re.sub(r"^\W*(?:Terpisah|Di tempat terpisah|Sementara itu|Di sisi lain|Namun|Adapun)\s*,?\s*", "",
                  text[ps:start])
    if not lead.strip() or any(ps <= m.span.start < start for m in body):
        return False
    return bool(_UNNAMED_SUBJECT.match(lead[:1].upper() + lead[1:]))


_UNNAMED_SUBJECT = re.compile(r"\W*(?:Seorang|Salah\s+(?:seorang|satu)|Sejumlah|Beberapa|Para|Warga\s+lain)\b")


_LABELLED = re.compile(r"[A-Z][\w.'-]*\s*:\s*\S")
_QUESTION = re.compile(r"(?:T|Tanya|Pertanyaan|Wartawan)\s*:\s*\S")
_ANSWER = re.compile(r"(?:(?:J|Jawab|Jawaban)|(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}))\s*:\s*(?=\S)")


def _interview_answers(st, text, body) -> list[Quote]:
    """A short interview in Q&A form ('Tanya: ...' / 'Jawab: ...' or 'Hidayat: ...'): each answer after a
    question is a statement by the one interviewed (the person the answer is labelled with, else the last one
    named before the first question)."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out, prev_q, first_q = [], False, None
    for ps, pe in paras:
        if st.skip(ps):
            continue
        if _QUESTION.match(text, ps) or (_LABELLED.match(text, ps) and text[ps:pe].rstrip().endswith("?")):
            # ('Borneokini: Apa pesan Anda untuk pemilih muda?': the outlet asks)
            prev_q = True
            first_q = ps if first_q is None else first_q
            continue
        a = _ANSWER.match(text, ps) if prev_q else None
        prev_q = False
        if not a or a.end() >= pe:
            continue
        who = None
        if a.group("name"):
            named = [m for m in body if ps <= m.span.start < a.end()]
            if not named:
                continue  # 'Catatan: ...': a label, not someone answering
            who = named[0].cluster
        else:
            before = [m for m in body if m.span.start < first_q]
            who = before[-1].cluster if before else None
        q = Quote(a.end(), pe, text[a.end():pe].strip().strip(QUOTE_MARKS).strip(), True)
        q.speaker, q.how = who, "interview"
        out.append(q)
    return out or _unlabelled_interview(st, text, body, [p for p in paras if not st.skip(p[0])])


_PARTNER_OF = re.compile(r"\b(?:pendamping|pasangan|wakil|tandem)\s+(?:(?:H|Hj|Dr|Ir|Drs)\.\s*)*$")
_INTERVIEW_CUE = re.compile(r"\b(?:mewawancarai|diwawancarai|wawancara|berbincang|berbincang-bincang|bincang-bincang|"
                            r"petikan(?:nya)?|menjawab\s+(?:sejumlah\s+|beberapa\s+)?pertanyaan)\b", re.I)


def _unlabelled_interview(st, text, body, paras) -> list[Quote]:
    """'Usai debat, atjehwarta.com mewawancarai Tgk. H. Musannif secara singkat.' then question and answer
    paragraphs without labels: each answer is the interviewee's statement."""
    out = []
    for k, (ps, pe) in enumerate(paras):
        if not _INTERVIEW_CUE.search(text, ps, pe) or any(c in text[ps:pe] for c in QUOTE_MARKS):
            continue
        named = [m for m in body if ps <= m.span.start < pe]
        if not named:
            continue
        j = k + 1
        while j + 1 < len(paras):
            (qs, qe), (as_, ae) = paras[j], paras[j + 1]
            question, answer = text[qs:qe].strip(), text[as_:ae].strip()
            if not (question.endswith("?") and len(question) < 200) or answer.endswith("?") or any(
                    c in question + answer for c in QUOTE_MARKS):
                break
            q = Quote(as_, ae, answer, True)
            q.speaker, q.how = named[-1].cluster, "interview"
            out.append(q)
            j += 2
    return out


def _carry(st, text, body, last, last_pos, start, inside_quote):
    """Who 'ujarnya' / 'kata dia' / 'ia' means: the subject of the latest sentence, in this paragraph
    since the last attribution, that has a person as subject; else the last speaker; else a person
    named since (only as an object), else the nearest person named before. A person named as an object
    ('... kasus yang menjerat Rommy', 'Senada dengan Rusli') does not take over from the speaker."""
    ps = text.rfind("\n", 0, start) + 1
    fresh = [m for m in body if max(ps, last_pos) <= m.span.start < start and not inside_quote(m.span.start)]
    subjects = [m for m in fresh if _is_subject(st, text, m)]
    if not fresh and not text[ps:start].strip(" " + QUOTE_MARKS) and ps > 1:
        # A quote opening its paragraph goes on from the sentence before, when a person is the subject there:
        # 'Halimah yang ditemui di rumahnya mengucap syukur ...', 'Wakil Sekretaris DPC ..., Vicky, mengapresiasi
        # ...' then '“...,” katanya.' (not 'Acara itu dihadiri Kapolres, AKBP Bagus.')
        pe = len(text[:ps].rstrip())
        s0 = max((a for a, b in st.sents if a < pe), default=0)
        opener = [m for m in body if max(s0, last_pos) <= m.span.start < pe and not inside_quote(m.span.start)
                  and not re.search(r"(?<![\w-])[a-z]", re.sub(r"^\W*(?:Sementara itu|Namun|Adapun|Kemudian|Lalu)\W*", "",
                                                     text[s0:m.span.start]).rsplit(",", 1)[-1])
                  and _VERB_NEXT.match(text[m.span.end:m.span.end + 120])]
        if opener:
            return opener[0].cluster
        # 'Pertanyaan itu dijawab petugas logistik ..., Naftali Asso.' then '“...,” ujarnya.': the agent
        agents = [m for m in body if max(s0, last_pos) <= m.span.start < pe and not inside_quote(m.span.start)
                  and _ANSWERED_BY.search(text[s0:m.span.start])]
        if agents:
            return agents[-1].cluster
        # 'La Ode Harun (47), pedagang sembako, sibuk ... . Ayah tiga anak itu ...' then '“...,” tuturnya.': someone
        # the paragraph before brings in as its subject, after the last speaker spoke
        pp = text.rfind("\n", 0, max(0, pe - 1)) + 1
        introduced = [m for m in body if max(pp, last_pos) <= m.span.start < pe and not inside_quote(m.span.start)
                      and _is_subject(st, text, m) and m.span.start - pp < 60 and (
                          last is None or m.cluster != last)]
        if introduced and last is not None and not text[pp:pe].lstrip().startswith(tuple(QUOTE_MARKS)) and not (
                re.match(r"\s*Hadir\b", text[pp:pe])):  # (an attendance list names no speaker)
            return introduced[0].cluster
        # '... di bawah pengawasan Kapolsek Tampan AKP Hendrik Manurung.' then '“...,” ujarnya.': the one official
        # the paragraph before names, when the last speaker is not named there
        named = [m for m in body if max(pp, last_pos) <= m.span.start < pe and not inside_quote(m.span.start)]
        if last is not None and named and len({m.cluster for m in named}) == 1 and named[0].cluster != last and (
                named[0].role or st.clusters[named[0].cluster].roles) and not any(
                    c in text[pp:pe] for c in QUOTE_MARKS):
            return named[0].cluster
        # '... Danramil Kapten Inf Stefanus Manurung. Di antara relawan ..., seorang pemuda asal Papua, Yulianus
        # Kogoya.' then '“...,” katanya.': the one person the paragraph's last sentence names
        in_last = {m.cluster for m in named if m.span.start >= s0}
        if last is not None and len(in_last) == 1 and last not in {m.cluster for m in named} and not any(
                c in text[pp:pe] for c in QUOTE_MARKS):
            return in_last.pop()
    if not subjects:
        # 'Pertanyaan itu langsung dijawab Marfendi ... . Menurutnya, ...': the one who answered
        subjects = [m for m in fresh if _ANSWERED_BY.search(text[max((a for a, b in st.sents if a <= m.span.start),
                                                                      default=0):m.span.start])]
    if not subjects and fresh:
        # 'Nelayan yang pertama melihat korban adalah La Udin (52). Ia mengaku ...', '... toko milik Hendrik Tanoto
        # alias "Ahong". Ia mengaku ...': someone brought into the story just before, though not as the subject
        s0 = max((a for a, b in st.sents if a < start and b <= start + 1), default=0)
        new = {m.cluster for m in fresh if m.span.start >= s0 and not any(
            x.cluster == m.cluster and x.span.start < m.span.start for x in body)
            # (brought in as private people are: with an age or the name people call them)
            and re.match(r"\s*(?:\(\d{1,3}\)|alias\b)", text[m.span.end:m.span.end + 12])}
        if len(new) == 1 and not any(m.cluster not in new and m.span.start >= s0 for m in fresh):
            return new.pop()
    if subjects:
        s0 = max((a for a, b in st.sents if a <= subjects[-1].span.start), default=0)
        last = [m for m in subjects if m.span.start >= s0]
        # 'Informasi X diungkap Wakil Ketua KPK Y. Dia menyatakan ...': the agent of the saying.
        agents = [m for m in last if _PASSIVE.search(text[s0:m.span.start].rsplit(",", 1)[-1])]
        return (agents or last)[0].cluster
    if last is not None:
        return last
    if fresh:
        return fresh[0].cluster
    before = [m for m in body if m.span.start < start and not inside_quote(m.span.start)]
    return before[-1].cluster if before else None


# (an age and an appositive may stand between: 'Hasnawati (46), pedagang ikan di Pasar Lakessi, datang ...')
_VERB_NEXT = re.compile(r"\s*(?:\(\d{1,3}\))?\s*(?:,[^,.\n\u201c\u201d\"]{1,80},)?\s*,?\s*(?:yang|juga|pun|sudah|telah|akan|"
                        r"tidak|hanya|langsung|sempat|lalu|kemudian|datang|hadir|tiba|ikut|tampil|turun|"
                        r"(?:me|ber|di|ter|mem|men|meng)[a-z]{3,})\b")
_VERBISH = re.compile(r"^(?:me|di|ber|ter|per)[a-z]{3,}$")


def _is_subject(st: State, text: str, m) -> bool:
    """A person named before any verb of their clause and not after a preposition: 'Ketua DPC X,
    Ahmad, juga ...', 'Namun, menurut Iip, ...', '..., kata Rusli' — not 'yang menjerat Rommy'."""
    s0 = max((a for a, b in st.sents if a <= m.span.start), default=0)
    clause = text[s0:m.span.start].rsplit(",", 1)[-1]
    words = re.findall(r"[\w-]+", clause)
    if words and words[-1].lower() in _SUBJ_STOP:
        return False
    if words and words[-1].lower() in {"karya", "milik", "buatan", "ciptaan", "inovasi", "gagasan", "ide"}:
        return False  # 'aplikasi ... karya Latifah Rodiallah': named as an author, not speaking
    if any(w.lower() in {"adalah", "merupakan", "yakni", "yaitu", "ialah"} for w in words):
        return False  # 'Salah satunya adalah ... X': a predicate, not the subject
    if any(w.lower() in {"sesuai", "amanat", "arahan", "instruksi", "seperti", "versi"} for w in words):
        return False  # 'sesuai amanat Menteri ... Abdul Mu'ti': named as the source of a message, not speaking
    passive = list(_PASSIVE.finditer(clause))
    if passive:
        # 'Hal senada disampaikan Wakil Ketua X, Y': the agent of a saying; but not 'Hal tersebut disampaikan
        # dalam serah terima ... dari Pjs Bupati Heru', named in passing after it.
        between = clause[passive[-1].end():]
        return not between.strip() or _office_words(between if between.endswith(" ") else between + " ")
    return not any(w.islower() and w not in {"menurut", "terutama", "termasuk"} and
                   (_VERBISH.match(w) or w in vocab.SPEECH_VERBS or w in vocab.TOPIC_VERBS) for w in words)


def _by_role(st: State, seg: str, pos: int | None = None):
    """The person a role without a name stands for ('Ketua DPP Partai Gerindra itu'): the one
    holding that role in the article, else, for 'itu'/'tersebut', the person last named before."""
    from monitor.nlp.roles import _tidy

    ballot = _BY_BALLOT.match(seg.strip())
    if ballot:
        # 'kata calon wali kota nomor urut 02 itu': the linked candidate with that number and position
        hits = _by_ballot(st, "wakil" if ballot.group("wakil") else "calon", int(ballot.group("n")))
        if len(hits) == 1:
            return _ClusterRef(hits[0])
    words = re.findall(r"\S+", seg.strip())
    lows = [w.lower().strip(",.") for w in words[:16]]
    if pos is not None and lows and lows[0] in _HUMAN_NOUNS and any(w in {"itu", "tersebut", "ini"} for w in lows):
        # 'kata ibu dua anak itu', 'ujar pria kelahiran Makassar itu': someone just named, before the descriptor
        # ('Putra bungsu dari Presiden ke-7 RI Joko Widodo ini' is not Joko Widodo).
        start = st.text.rfind(seg.strip(), 0, pos + 1)
        return _subject_before(st, start if start >= 0 else pos)
    # 'Bahkan Pak Gubernur', 'Mantan Menteri ... ini', 'sang Ketua': the office behind a courtesy word.
    while len(words) > 1 and words[0].lower().strip(",") in {"pak", "bu", "bapak", "ibu", "sang", "mantan", "eks", "tuan",
                                                             "bahkan", "namun", "lalu", "kemudian", "adapun",
                                                             "sementara", "sedangkan", "selanjutnya", "terakhir",
                                                             "akhirnya", "sebelumnya", "kini", "juga"}:
        words = words[1:]
    if not words or not _role_head(words[0].lower().rstrip(",.")):
        return None
    # The role phrase ends at the first ordinary word ('Pak Gubernur secara terbuka menyatakan').
    role_words = []
    for w in words[:15]:
        low = w.lower().strip(",.")
        if low in {"itu", "tersebut", "ini"}:
            break
        if role_words and not (w[:1].isupper() or w[:1] == "(" or low in vocab.ROLE_WORDS or low in {"dan", "&", "bidang"}):
            break
        role_words.append(w.strip(",."))
    anaphoric = any(w.lower().strip(",.") in {"itu", "tersebut", "ini"} for w in words[:15])
    if role_words and role_words[0].lower() in _SHORT_OFFICES:
        role_words = _SHORT_OFFICES[role_words[0].lower()].split() + role_words[1:]
    phrase = _tidy(role_words[:8])
    if not phrase and [w.lower().strip(",.") for w in words[:2]] == ["kepala", "negara"]:
        phrase = "presiden"  # 'Kepala negara mengatakan ...'
    if not phrase:
        return None
    phrase = _long_office(phrase)
    # ('Bupati' for the 'Pj Bupati Lebak' the article named)
    # ('calon' alone, read from 'Edi, calon ...', is no match for 'calon wakil wali kota nomor urut 2 itu')
    hits = [i for i, c in enumerate(st.clusters) if any(
        r == phrase or r.startswith(phrase) or phrase.startswith(r) and r not in _GENERIC_ROLES
        for r in map(lambda x: re.sub(r"^(?:pj|plt|plh|pjs|penjabat(?: sementara)?) ", "", _long_office(x)), c.roles))]
    if not hits:
        hits = [i for i, c in enumerate(st.clusters) if any(
            r == phrase or r.startswith(phrase) or phrase.startswith(r) and r not in _GENERIC_ROLES
            for r in map(_long_office, c.roles))]
    if not hits and phrase.split()[0] in _MEMBER_WORDS | {"anggota"}:
        # 'Politikus Partai Golkar itu' for 'Rudy dikenal sebagai kader Partai Golkar': the one of that party
        ids = {w for w in phrase.split()[1:] if w in _party_ids()}
        if ids:
            hits = [i for i, c in enumerate(st.clusters) if any(
                ids & set(r.split()) and r.split()[0] in _MEMBER_WORDS for r in c.roles)]
    if len(hits) == 1:
        return _ClusterRef(hits[0])
    if anaphoric and pos is not None:
        return _subject_before(st, pos, past_sentence=True)
    return None


# Words for a party's member (a role phrase writes the party as its lower-case id: 'kader golkar').
_MEMBER_WORDS = {"politikus", "politisi", "kader", "legislator"}


@lru_cache(maxsize=1)
def _party_ids() -> frozenset:
    from monitor.nlp.gazetteer import load_parties

    return frozenset(p["id"].lower() for p in load_parties())


_SPLIT_CUE = re.compile(r"[\s,\u201d\"]*\s*[a-z][^.!?\n\u201c\u201d\"]{0,150},\s*")
_BY_BALLOT = re.compile(r"(?:[Ss]ang\s+)?[Cc]alon\s+(?P<wakil>wakil\s+)?(?:bupati|wali\s*kota|walikota|gubernur)\s+nomor\s+urut\s+"
                        r"(?P<n>\d{1,2})\b")
_HUMAN_NOUNS = {"ibu", "bapak", "mama", "mace", "pace", "bapa", "papa", "bunda", "ibunda", "pria", "wanita", "perempuan",
                "lelaki", "laki-laki", "remaja", "pemuda", "pemudi",
                "gadis", "sosok", "pedagang", "petani", "nelayan", "mahasiswa", "mahasiswi", "siswa", "siswi", "warga",
                "kakek", "nenek", "ayah", "anak", "putra", "putri", "maestro", "seniman", "perajin", "dewan", "perwira",
                "polisi", "prajurit",
                "orang", "jebolan", "alumnus", "lulusan", "menantu", "cucu", "adik", "kakak", "istri", "suami",
                # occupations a story gives its resident or witness ('tutur pensiunan guru SD itu')
                "pensiunan", "purnawirawan", "pengusaha", "peternak", "pekebun", "sopir", "pengemudi", "buruh",
                "karyawan", "karyawati", "tukang", "penjual", "pemilik"}


def _subject_before(st: State, pos: int, past_sentence: bool = False):
    """'Politikus Partai Gerindra ini' is the subject of the sentences before: the first person
    named, outside quotes, in the nearest sentence that names one ('Menurut Prasetyo, kunjungan Prabowo ...')."""
    quoted = getattr(st, "quote_spans", ())
    before = [m for m in st.mentions if not m.in_title and m.span.start < pos and st.clusters[m.cluster].keys
              and not st.skip(m.span.start) and not any(a <= m.span.start < b for a, b in quoted)]
    if not before:
        return None
    # ('Soal kabar Jokowi masuk bursa, Menteri Kehutanan itu mengatakan ...': the role points back past its own
    # sentence, not at someone that sentence talks about)
    if past_sentence:
        here = max((a for a, b in st.sents if a <= pos), default=0)
        before = [m for m in before if m.span.start < here] or before
    last = before[-1].span.start
    sent_start = max((a for a, b in st.sents if a <= last), default=0)
    return _ClusterRef(next(m for m in before if m.span.start >= sent_start).cluster)


_GENERIC_ROLES = {"calon", "wakil", "ketua", "anggota", "kader", "tim", "bakal calon", "pasangan"}
_SHORT_OFFICES = {
    "mensesneg": "menteri sekretaris negara", "mendagri": "menteri dalam negeri", "menkeu": "menteri keuangan",
    "menlu": "menteri luar negeri", "menhan": "menteri pertahanan", "menag": "menteri agama",
    "mensos": "menteri sosial", "menbud": "menteri kebudayaan", "wagub": "wakil gubernur", "wabup": "wakil bupati",
    "wawali": "wakil wali kota", "walkot": "wali kota", "sekjen": "sekretaris jenderal", "ketum": "ketua umum",
    "kapolri": "kepala kepolisian", "sekda": "sekretaris daerah",
    "menaker": "menteri ketenagakerjaan", "menkes": "menteri kesehatan", "mentan": "menteri pertanian",
    "menhub": "menteri perhubungan", "menpora": "menteri pemuda dan olahraga", "mendikdasmen":
    "menteri pendidikan dasar dan menengah", "menkomdigi": "menteri komunikasi dan digital", "mendes": "menteri desa",
    "menpar": "menteri pariwisata", "menperin": "menteri perindustrian", "mendag": "menteri perdagangan",
    "menkum": "menteri hukum", "menpan": "menteri pendayagunaan aparatur negara", "menteri": "menteri",
    "wamendagri": "wakil menteri dalam negeri", "wamenhub": "wakil menteri perhubungan",
}


def _long_office(role: str) -> str:
    """'Mensesneg' and 'Menteri Sekretaris Negara' are one office: compare the long forms."""
    head, _, rest = role.partition(" ")
    return (_SHORT_OFFICES.get(head, head) + (" " + rest if rest else "")).strip()


_ANAPHOR_HEADS = {"politikus", "politisi", "kader", "pakar", "ahli", "advokat", "pengacara", "kuasa", "maestro",
                  "purnawirawan", "mantan", "eks", "legislator", "senator", "menteri", "aktivis", "pendiri"}


def _role_head(w: str) -> bool:
    """An office or calling that can stand for a person named before ('Politikus Gerindra ini')."""
    return w in vocab.ROLE_HEADS or w in _ANAPHOR_HEADS or w in _SHORT_OFFICES or w in vocab.MINISTER_SHORT or bool(
        re.match(r"^(?:wa)?men(?:ko|teri|[bcdfghjklmnpqrstvwxyz])[a-z]{2,}$", w))  # Mensesneg, Menkeu


@dataclass
class _ClusterRef:
    cluster: int


# Verbs of saying whose object is the statement itself ('X mengatakan pihaknya siap').
SAY_VERBS = {
    "mengatakan", "menyebut", "menyebutkan", "menegaskan", "menjelaskan", "menilai", "berharap", "mengaku",
    "mengakui", "menambahkan", "menyatakan", "mengungkapkan", "menuturkan", "menerangkan", "meminta",
    "memastikan", "mengklaim", "mengeklaim", "menekankan", "membeberkan", "meyakini", "menduga", "berpendapat",
    "menganggap", "mengimbuhkan", "membenarkan", "membantah", "menampik", "memperkirakan", "memprediksi",
    "berujar", "berkata", "bilang", "menjawab", "mengingatkan", "menyarankan", "mengharapkan", "optimistis",
    "mendesak", "memandang", "menjabarkan",
    # An exhortation reports what was said too ('Eri mengajak orang tua lebih memperhatikan anak').
    "mengajak", "mengimbau", "menghimbau",
}


_OPENING_CUE = re.compile(
    r"^\s*(?:[A-Z][a-z]+,?\s+(?:itu\s+)?)?(?P<cue>[Kk]ata|[Uu]jar|[Tt]utur|Lanjut|Tambah|Imbuh)\s+"
    # ('Lanjut Arizka dalam konteks lokal Lampung, studi ...': the clause may follow the name without a comma)
    r"(?P<who>dia|ia|beliau|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})(?:\s*,|\s+(?=[a-z]{2,}\s))")
# A word, or a speech verb glued to the acronym before it by a scraper ('Fraksi PKBmeminta agar ...').
_VERB_TOKEN = re.compile(
    r"(?:(?<![\w-])[A-Z]{2,}(?=[a-z]{5,}\b))?"
    # 'yang menyebutpemerkosaan massal ...': a speech verb glued by a scraper to the word after it
    r"(?P<w>(?:mengatakan|menyebut|menegaskan|menjelaskan|menilai|mengungkapkan|menyatakan|meminta)(?=[a-z]{4,}\b)|[\w-]+)")
# 'Disampaikan Esti, sikap resmi Fraksi PDIP akan ...': a passive cue opening the sentence.
_FRONT_PASSIVE = re.compile(
    r"^\s*(?:Disampaikan|Dikatakan|Ditegaskan|Dijelaskan|Diungkapkan|Disebutkan|Dituturkan|Ditambahkan|Diterangkan|"
    r"Dipaparkan)\s+(?:oleh\s+)?"
    # ('Dikatakan Presiden Prabowo anggaran ...': no comma; the clause opens with a lower-case word)
    r"(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})(?:\s*,\s*|\s+(?=[a-z]))")
# 'Sekolah itu, kata Luthfi, memiliki peran ...': the cue set inside the sentence.
# 'Kedua, lanjutnya, pemisahan ...', 'Ketiga, lanjut dia, MK ...': a cue with -nya carries the speaker.
_MID_CUE_WORDS = "kata|ujar|tutur|menurut|lanjut|tambah|imbuh|jelas|ungkap|tegas|terang|sebut"
_MID_CUE = re.compile(
    # ('Pemerintah kata dia, telah ...', 'Bagi guru ASN lanjut Prabowo, besaran ...': the comma before is often left out)
    rf"(?:,\s*|\s+(?=(?:{_MID_CUE_WORDS})\s+(?:dia|ia|beliau|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}})\s*,))"
    rf"(?:(?P<cue>{_MID_CUE_WORDS}|diungkapkan|"
    r"dikatakan|dijelaskan|ditegaskan|disampaikan|dituturkan)\s+"
    r"(?P<who>dia|ia|beliau|[a-z]{4,}|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})|"
    r"(?P<cue2>katanya|ujarnya|tuturnya|lanjutnya|tambahnya|imbuhnya|jelasnya|ungkapnya|tegasnya|terangnya|sebutnya|"
    r"menurutnya))"
    r"\s*,\s*")
_ANSWERED_BY = re.compile(r"\b(?:dijawab|ditanggapi|dijelaskan|dibalas|disambut|direspons)\b")
_PASSIVE = re.compile(
    r"\b(?:disampaikan|diungkapkan|diungkap|dikatakan|ditegaskan|dijelaskan|disebutkan|dituturkan|diutarakan|dipaparkan|"
    r"dikonfirmasi|dibenarkan|dibeberkan)"
    r"\s+(?:oleh\s+)?")


# 'Menurut X, ...' opening the sentence, also after a connective ('Namun, menurut Iip, ...').
_MENURUT_OPEN = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+itu,?\s+|(?:Sebelumnya|Terakhir|Akhirnya|Maka|Lalu|Jadi|Dengan\s+begitu|Untuk\s+itu|Namun|Tetapi|Tapi|Akan\s+tetapi|Sementara(?:\s+itu)?|Selain\s+itu|"
    r"Di\s+sisi\s+lain|Di\s+samping\s+itu|Sedangkan|Adapun|Bahkan|Padahal|Hanya\s+saja|Lebih\s+lanjut|Kemudian|"
    r"Selanjutnya|(?:Oleh\s+)?[Kk]arena\s+itu|(?:Meski(?:pun)?|Kendati|Walau(?:pun)?)\s+(?:demikian|begitu))\s*,?\s+)?"
    r"[Mm]enuru?t(nya|ny)?\b")


# A speech verb right after a name, glued by a scraper ('Eri Cahyadisebut', 'Andi Wijayamengatakan') or
# the bare headline-style 'sebut' ('Andi Wijaya sebut angka kemiskinan turun').
_AFTER_NAME_VERB = re.compile(r"(?P<sp>\s?)(?P<v>[a-z]{5,})(?=[\s,:])")
# What opens the reported clause after a speech verb, not part of what was said ('..., bahwa').
_CLAUSE_LEAD = re.compile(r"^\s*[,:]?\s*(?:bahwa|jika|kalau|,)?\s*")


@lru_cache(maxsize=4096)
def _typo_say(w: str) -> str | None:
    """The speech verb a hurried desk mistyped by a letter dropped or doubled ('mengatakn', 'menyebutkn')."""
    if len(w) < 8 or not w.startswith("me") or w in vocab.SPEECH_VERBS:
        return None
    # only a shape no Indonesian word has ('-kn', a doubled final letter): 'mematikan' is a word, not 'memastikan'
    if not re.search(r"(?:[bcdfghjklmpqrstvwxyz]n|([a-z])\1)$", w):
        return None
    for v in sorted(SAY_VERBS):
        # (a letter dropped or doubled, not changed: 'menyatukan' is a word of its own, not 'menyatakan')
        if len(v) >= 8 and abs(len(v) - len(w)) == 1 and v[:4] == w[:4] and _one_edit(v, w):
            return v
    return None


def _one_edit(a: str, b: str) -> bool:
    if len(a) < len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(b))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i + 1:] == b[i:]


def _name_verb(st: State, text: str, s: int, e: int, inside_quote) -> Quote | None:
    for m in st.mentions:
        if m.in_title or not s <= m.span.start < e or inside_quote(m.span.start):
            continue
        vm = _AFTER_NAME_VERB.match(text, m.span.end, e)
        if not vm:
            continue
        v = vm.group("v")
        v = _typo_say(v) or v
        if not (v == "sebut" or (not vm.group("sp") and v in vocab.SPEECH_VERBS and v in SAY_VERBS)):
            continue
        after = text[vm.end():e]
        if re.match(r"\s*(?:saja|sebagai|nama|namanya|hal\s+(?:itu|ini|tersebut)|demikian|begitu)\b", after, re.I) \
                or _topic_object(after):
            return None
        clause = _CLAUSE_LEAD.sub("", after).strip(" ,.\n")
        if len(clause.split()) < 3:
            return None
        q = Quote(vm.end(), e, clause, False, cue=v)
        q.speaker = m.cluster
        return q
    return None


def _indirect(st: State, text: str, inside_quote, subject_before) -> list[Quote]:
    out = []
    for s, e in st.sents:
        if st.skip(s):
            continue
        sent = text[s:e]
        lead = len(sent) - len(sent.lstrip())
        if inside_quote(s + lead):
            continue  # a sentence in the middle of someone's quote ('Apakah pemerintah mengatakan ...?')
        # 'Hal itu disampaikan Panca saat ...': no statement, but it tells who 'katanya' is next.
        pm = _PASSIVE.search(sent)
        if pm:
            named = [m for m in st.mentions if not m.in_title and s + pm.end() <= m.span.start < s + pm.end() + 3]
            if not named and _office_words(text[s + pm.end():min((m.span.start for m in st.mentions if not m.in_title
                                                                   and m.span.start >= s + pm.end()), default=e)]):
                # 'Hal ini dikonfirmasi Kepala Biro Pemerintahan ..., Lilik Pudjiastuti.'
                named = [m for m in st.mentions if not m.in_title and s + pm.end() <= m.span.start < e]
            if named:
                marker = Quote(s + pm.start(), s + pm.end(), "", False)
                marker.speaker, marker.how = named[0].cluster, "marker"
                out.append(marker)
        if any(c in sent for c in QUOTE_MARKS + "\u2018") and any(qs < e and s < qe for qs, qe in st.quote_spans):
            continue  # (quote marks around a term, 'tema "KORPRI Untuk Indonesia"', make no quote)
        # 'Menurut X, …'
        mm = _MENURUT_OPEN.match(sent)
        if mm and not mm.group(1) and _MENURUT_DOC.match(sent[mm.end():]):
            continue
        if mm:
            comma = sent.find(",", mm.end())
            if mm.group(1) or re.match(r"\s*(?:dia|ia|beliau)\s*,", sent[mm.end():]):
                spk = "carry"
                body_start = mm.end() if mm.group(1) else sent.find(",", mm.end()) + 1
            elif comma > 0 or any(not m.in_title and s + mm.end() <= m.span.start <= s + mm.end() + 1 for m in st.mentions):
                # 'Menurut Ketua DPC NasDem Medan, Afif Abdillah, mesin ...': the clause follows the name.
                named = [m for m in st.mentions if not m.in_title and s + mm.end() <= m.span.start < e]
                if named and named[0].span.start <= s + mm.end() + 1 and not re.match(r"\s*,", text[named[0].span.end:]):
                    # 'Menurut Maman yang lebih penting ...': no comma, the clause starts after the name
                    comma = named[0].span.end - s - 1
                if named and comma < named[0].span.start - s:
                    nxt_comma = sent.find(",", named[0].span.end - s)
                    if nxt_comma >= 0 and sent[named[0].span.end - s:nxt_comma].strip() == "":
                        comma = nxt_comma
                body_start = comma + 1
                seg_hits = [m for m in st.mentions if not m.in_title and s + mm.end() <= m.span.start < s + comma]
                spk = seg_hits[0].cluster if seg_hits else None
                if spk is None:
                    ref = _by_role(st, sent[mm.end():comma], s + mm.start())
                    spk = ref.cluster if ref else None
            else:
                continue
            clause = sent[body_start:].strip(" ,.\n")
            if len(clause.split()) >= 3:
                q = Quote(s + body_start, e, clause, False, cue="menurut")
                if spk == "carry":
                    q.how = "carry-pending"
                else:
                    q.speaker = spk
                out.append(q)
            continue
        # 'Kedua, lanjutnya, pemisahan pemilu akan ... mendorong ...': the cue set inside the sentence
        # says whose it is, whatever verbs the clause holds.
        if not _OPENING_CUE.match(sent) and not _FRONT_PASSIVE.match(sent):
            mq = _mid_cue(st, sent, s, e)
            if mq is not None:
                out.append(mq)
                continue
        nv = _name_verb(st, text, s, e, inside_quote)
        if nv is not None:
            out.append(nv)
            continue
        for vm in _VERB_TOKEN.finditer(sent):
            w = vm.group("w").lower()
            w = _typo_say(w) or w  # ('Azis mengatakn program bantuan ...')
            after = sent[vm.end():]
            if w not in vocab.SPEECH_VERBS:
                # 'bersikukuh bahwa', 'percaya bahwa', 'memproyeksikan bahwa': any verb with a 'bahwa' clause
                # reports what someone holds; a passive one ('dilaporkan bahwa') has no speaker.
                if not re.match(r"\s+bahwa\s+\S", after) or not (
                        _BAHWA_VERB.match(w) or w in {"percaya", "yakin", "sepakat", "setuju", "optimistis", "khawatir"}) or (
                        w in _KNOWING):
                    continue
                if w.startswith("di") and not w.startswith(("dia", "dir")):
                    clause = after.split("bahwa", 1)[1].strip(" ,.\n")
                    if len(clause.split()) >= 3:
                        q = Quote(s + vm.end(), e, clause, False, cue=w)
                        out.append(q)
                    break
            if re.match(r"\s+(?:tapi|tetapi|namun|atau|serta)\b", after):
                continue  # 'mengakui tapi memaknai ulang ...': the verb stands alone, no clause follows
            if vm.start("w") == lead and vm.group("w")[0].isupper() and re.match(r"[^,.;:]{1,80},", after):
                continue  # 'Menjawab hal itu, Parwata mengatakan ...': a phrase before the subject
            if _PURPOSE_BEFORE.search(sent[:vm.start("w")]):
                continue
            if re.search(r"(?i)\b(?:tidak|tak|belum|enggan|menolak|bukan)\s*$", sent[:vm.start("w")]) and w not in {
                    "menampik", "membantah", "memungkiri", "menyangkal"}:  # ('tak menampik bahwa ...' affirms)
                break  # 'Pramono tidak menjawab ketika ditanya ...': nothing was said
            if re.search(r"(?i)\b(?:paling|sangat|lebih|cukup|amat|semakin|makin|kian)\s*$", sent[:vm.start("w")]) and (
                    w not in {"berharap", "mengharapkan", "mengharap"}) or (  # ('Endang sangat berharap seleksi ...')
                    w in {"mendesak", "optimistis"} and re.search(r"(?i)\byang\s*$", sent[:vm.start("w")])) or (
                    re.match(r"\s*(?:adalah|ialah|merupakan)\b", after)):
                continue  # 'yang paling mendesak adalah ...': an adjective, not a speech verb
            if re.match(r"\s*(?:hal\s+(?:itu|ini|tersebut)|demikian|begitu)\b", after, re.I) or (
                    w != "mengatakan" and _topic_object(after)):  # ('mengatakan keluhan soal harga singkong ia dengar')
                break  # 'X menyampaikan hal itu usai ...' reports the occasion, not a statement
            if w == "menjawab" and not re.match(r"\s*(?:,|:|bahwa\b)", after) and not _clause_follows(after):
                break  # 'menjawab beberapa pertanyaan singkat', 'menjawab lewat X': no answer reported
            if w in {"memerintahkan", "menginstruksikan"} and re.match(r"[^.,;]{0,60}?\b(?:agar|supaya)\b", after):
                pass  # 'memerintahkan Satpol PP ... agar melakukan patroli': an order given in words
            elif w == "mendorong" and re.match(r"\s+[a-z][^.,;]{0,50}?\b(?:untuk|agar|supaya)\s+(?:terus\s+|lebih\s+)?"
                                              r"(?:me|ber|di)[a-z]+", after) and not _topic_object(after):
                pass  # 'mendorong perguruan tinggi untuk terus berinovasi': urged, in words
            elif w in {"menyampaikan", "memaparkan", "mengutarakan", "mengemukakan", "mengusulkan", "menuduh",
                       "beralasan", "menuntut"} and _clause_follows(after):
                pass  # 'menyampaikan tim pengkajian itu digawangi oleh ...': a clause, not 'menyampaikan apresiasi'
            elif w in {"menuntut", "mengusulkan"} and re.match(
                    r"\s+[a-z][^.,;]{0,50}?\b(?:untuk|agar|supaya)\s+(?:me|ber|di)[a-z]+", after):
                pass  # 'Jaksa menuntut majelis hakim untuk menghukum ...'
            elif w == "mengancam" and re.match(r"\s+(?:akan|bakal)\s+[a-z]+", after):
                pass  # 'Teheran mengancam akan menyerang ...': a threat said
            elif re.match(r"\s+(?:harapan|keyakinan|permintaan|pendapat|pandangan|imbauan)(?:nya)?\s+(?:agar|supaya|bahwa)\s",
                          after):
                pass  # 'menyampaikan harapannya agar BNPT terus ...': the noun announces the clause

            elif w not in SAY_VERBS and not re.match(
                    r"\s*(?:[,:]|bahwa|agar|supaya|jika|kalau|untuk\s+tidak|mengapa|kenapa|apakah|dirinya|pihaknya|"
                    r"ia|dia|beliau|mereka|kami|saya)\b|\s*[,:]|"
                    # 'berpesan kepada warga agar menjaga ...': whom it was said to, then the clause
                    r"\s*kepada\s+[^,.;:]{1,60}?\b(?:agar|supaya|bahwa)\s", after):
                break  # 'memaparkan program ...': a topic, not a clause ('menyampaikan dirinya ...' is one)
            # 'X menyatakan ..., namun ia menekankan ...': a second statement in the same sentence.
            second = _SECOND_SAY.search(after)
            end_here = vm.end() + second.start() if second else len(sent)
            clause = _CLAUSE_LEAD.sub("", sent[vm.end():end_here]).strip(" ,.\n")
            if len(clause.split()) < 3:
                break
            spk = subject_before(s, s + vm.start("w"))
            q = Quote(s + vm.end(), s + end_here, clause, False, cue=w)
            if spk == "carry":
                q.how = "carry-pending"
            elif spk is not None:
                q.speaker = spk.cluster
            out.append(q)
            if second:
                rest = after[second.end():]
                clause2 = _CLAUSE_LEAD.sub("", rest).strip(" ,.\n")
                if len(clause2.split()) >= 3 and not _topic_object(rest):
                    q2 = Quote(s + vm.end() + second.end(), e, clause2, False, cue=second.group("v").lower())
                    q2.speaker, q2.how = q.speaker, q.how
                    out.append(q2)
            break
        else:
            # 'Tentunya kata dia, dengan kerja politik ...': the cue opens the sentence.
            fp = _FRONT_PASSIVE.match(sent)
            if fp and len(sent[fp.end():].split()) >= 3:
                hits = [m for m in st.mentions if not m.in_title and s + fp.start("who") <= m.span.start < s + fp.end()]
                q = Quote(s + fp.end(), e, sent[fp.end():].strip(" ,.\n"), False, cue=sent[fp.start():].split()[0].lower())
                q.speaker = hits[0].cluster if hits else None
                out.append(q)
                continue
            nya = _NYA_OPEN.match(sent)
            if nya and len(sent[nya.end():].split()) >= 3:
                # 'Tegasnya, penulisan sejarah nasional jangan sampai ...': the speaker of the sentence before
                q = Quote(s + nya.end(), e, sent[nya.end():].strip(" ,.\n"), False, cue=nya.group(1).lower())
                q.how = "carry-pending"
                out.append(q)
                continue
            om = _OPENING_CUE.match(sent)
            mq = None if om else _mid_cue(st, sent, s, e)
            if mq is not None:
                out.append(mq)
                continue
            if om:
                clause = sent[om.end():].strip(" ,.\n")
                if len(clause.split()) >= 3:
                    # ('Pemerintah kata dia, telah menetapkan ...': a word before the cue is the clause's subject)
                    lead = sent[:om.start("cue")].strip(" ,")
                    subject = bool(lead) and not sent[:om.start("cue")].rstrip().endswith(",")
                    if subject:
                        clause = lead + " " + clause
                    q = Quote(s + (om.start() if subject else om.end()), e, clause, False, cue=om.group("cue").lower())
                    who = om.group("who")
                    if who.lower() in vocab.PRONOUNS:
                        q.how = "carry-pending"
                    else:
                        hits = [m for m in st.mentions if not m.in_title and s + om.start("who") <= m.span.start < s + om.end()]
                        q.speaker = hits[0].cluster if hits else None
                    out.append(q)
                continue
            # 'Pilkada harus damai, kata Andi.' / ', ujarnya.' without quote marks.
            cm = re.search(r",\s*(?P<cue>[a-z]+?)(?P<nya>nya)?\s+(?P<rest>[^,]{0,80})[.!?]?\s*$", sent)
            if not cm:
                cm = re.search(r",\s*(?P<cue>[a-z]+?)(?P<nya>nya)\s*[.!?]?\s*$", sent)
            if cm and (cm.group("cue") in vocab.CUES):
                clause = sent[:cm.start()].strip(" ,.\n")
                if len(clause.split()) >= 3:
                    q = Quote(s, s + cm.start(), clause, False, cue=cm.group("cue") + (cm.group("nya") or ""))
                    if cm.group("nya") or cm.group("rest").strip(" .").lower() in vocab.PRONOUNS:
                        q.how = "carry-pending"
                    else:
                        hits = [m for m in st.mentions if not m.in_title and s + cm.start() <= m.span.start < e]
                        q.speaker = hits[0].cluster if hits else None
                    out.append(q)
    _said_before(st, text, out)
    return out


def _clause_follows(after: str) -> bool:
    """A subject then its verb within a few words: 'putusan itu membawa implikasi ...'."""
    ws = re.findall(r"[\w-]+", re.split(r"[,.;:]", after, maxsplit=1)[0].lower())[:7]
    # ('menyampaikan penghargaan kepada ...' names what was given; 'mengusulkan pemungutan suara nasional dipisah'
    # is a clause whose subject is such a noun, 'keprihatinan mendalam atas ...' is not)
    if ws and _ABSTRACT.match(ws[0]) and (
            not any(re.match(r"^di[a-z]{3,}$", w) and w not in _NOT_VERBS or w in _PREDICATE for w in ws[1:])
            or ws[1] in _TOPIC_PREP | {"tersebut", "itu", "ini", "maaf"}
            or ws[0] in {"pernyataan", "permohonan", "permintaan", "penghargaan", "perhatian"}):
        return False
    if not ws or ws[0] in _ABSTRACT_WORDS or ws[0] in _TOPIC_PREP or ws[0] in {
            "hal", "pesan", "selamat", "salam", "terima", "ucapan", "informasi", "kabar", "materi", "laporan",
            "surat", "dokumen", "berkas", "bantuan", "hadiah", "santunan", "piagam", "sambutan", "pidato", "data",
            # ('menjawab beberapa pertanyaan singkat', 'menjawab lewat Tgk. Muhammad Jazuli')
            "pertanyaan", "lewat", "melalui"} or ws[:2] in (["beberapa", "pertanyaan"], ["sejumlah", "pertanyaan"]):
        return False
    if ws[0] in {"ada", "terdapat"} and len(ws) >= 3:
        return True  # 'menyampaikan ada 583 box arsip yang diusulkan ...': a clause of there being
    for k, w in enumerate(ws[1:], start=1):
        if ws[k - 1] in {"yang", "untuk", "dalam", "agar", "dengan"}:
            return False
        if w in _PREDICATE or re.match(r"^(?:me[mn]?|meng|meny|di|ber|ter)[a-z]{3,}$", w) and w not in _NOT_VERBS:
            return True
    return False


# Words shaped like ter-/ber-/di- verbs that are not ('terhadap', 'tersebut', 'bersama').
_NOT_VERBS = _TOPIC_PREP | {"terhadap", "tersebut", "terkait", "termasuk", "terutama", "beserta", "terakhir", "tertentu",
                            "berbagai", "beberapa", "berikut", "diri", "dirinya", "dimana", "disini", "disana",
                            # ('memaparkan program Gerakan Tonsea Cerdas berupa beasiswa': what the thing is)
                            "berupa", "bernama", "berjudul", "bertajuk", "bertema", "berisi", "berisikan",
                            # a pronoun and prepositions shaped like verbs ('tiga program unggulan mereka')
                            "mereka", "menjelang", "melalui", "menuju", "menurut", "berdasarkan"}


_NYA_OPEN = re.compile(r"^\s*(Tegasnya|Lanjutnya|Imbuhnya|Tambahnya|Jelasnya|Katanya|Ujarnya|Ungkapnya|Tuturnya|"
                       r"Dikatakannya|Dijelaskannya|Ditambahkannya|Disampaikannya|Ditegaskannya|Diungkapkannya)\s*,\s*")
# Knowing or perceiving that something is so says nothing ('Andry mengetahui bahwa perusakan terjadi ...').
_KNOWING = {"mengetahui", "melihat", "mendengar", "menyadari", "memahami", "mengerti", "menyaksikan", "membaca",
            "merasakan", "mengingat", "menemui", "mendapati", "mengamati"}
_BAHWA_VERB = re.compile(r"^(?:me[mn]?|meng|meny|ber|per|di)[a-z]{3,}$")
_SECOND_SAY = re.compile(
    r",?\s*\b(?:namun|tetapi|tapi|meski(?:pun)?|walau(?:pun)?|sedangkan)\s+(?:ia|dia|dirinya|beliau)\s+(?:juga\s+|tetap\s+)?"
    r"(?P<v>menekankan|mengakui|mengaku|menegaskan|mengatakan|menyebut|menilai|menyatakan|meminta|berharap|menjelaskan)\b")


def _mid_cue(st: State, sent: str, s: int, e: int) -> Quote | None:
    mid = _MID_CUE.search(sent)
    # ('Kemendagri, ujar dia, akan ...', 'Karena, menurut dia, ...': one word before the cue will do)
    if not mid or not sent[:mid.start()].split() or len(sent[mid.end():].split()) < 2:
        return None
    clause = (sent[:mid.start()].strip() + " " + sent[mid.end():].strip()).strip(" ,.\n")
    who = mid.group("who") or "dia"
    if who.islower() and who not in vocab.PRONOUNS and who not in vocab.ROLE_HEADS:
        return None  # ', kata sumber,' / a lower-case word that names no one we can find
    q = Quote(s, e, clause, False, cue=(mid.group("cue") or mid.group("cue2")).lower())
    if who.lower() in vocab.PRONOUNS:
        q.how = "carry-pending"
    else:
        hits = [m for m in st.mentions if not m.in_title and s + mid.start("who") <= m.span.start < s + mid.end()]
        q.speaker = hits[0].cluster if hits else None
        if not hits:
            ref = _by_role(st, who, s + mid.start())
            q.speaker = ref.cluster if ref else None
    return q


# 'Pemberdayaan menjadi kata kunci ... . Hal ini disampaikan Menteri Sosial X saat ...': the sentence
# before is X's statement.
_SAID_THAT = re.compile(r"\b(?:mengatakan|menyampaikan|menegaskan|mengungkapkan|menjelaskan|menuturkan)\s+"
                        r"(?:hal\s+(?:itu|ini|tersebut)|demikian)\b")
_SAID_BY_AFTER = re.compile(r"[\s\u201d\"]*(?:Hal|Pernyataan|Penegasan|Penjelasan|Ungkapan)\s+(?:itu|ini|tersebut)\s+"
                            r"(?:juga\s+)?(?:disampaikan|diungkapkan|dikatakan|ditegaskan|dijelaskan|dituturkan|"
                            r"diutarakan|disebutkan)\s+(?:oleh\s+)?")
_HAL_ITU = re.compile(r"^\s*(?:(?:Hal|Pernyataan|Penegasan|Penjelasan|Ungkapan)\s+(?:itu|ini|tersebut)|Informasi(?:\s+(?:itu|ini|tersebut))?)"
                      r"\s+(?:juga\s+)?$")


def _office_words(seg: str) -> bool:
    """'Kepala Biro Pemerintahan ..., ' or 'pengamat sekaligus Dekan FISIP Universitas X (UMA), ': only the
    words of an office between a passive cue and the name it is said by."""
    toks = re.findall(r"\([^)]*\)|[\w&'-]+|,", seg)
    if not toks or toks[-1] != "," and not seg.endswith(" "):
        return False
    return all(t[0].isupper() or t[0] == "(" or t == "," or t.lower() in vocab.ROLE_WORDS or t.lower() in {
        "dan", "&", "di", "bidang", "sekaligus", "selaku", "yang", "juga", "sebagai", "politik", "hukum", "tata",
        "negara", "senior", "ekonomi", "sosial", "pemerintahan"} for t in toks)


def _said_before(st: State, text: str, out: list) -> None:
    def sentence_of(pos):
        return next((k for k, (a, b) in enumerate(st.sents) if a <= pos < b), None)

    # 'Menteri Ketenagakerjaan, Yassierli, mengatakan hal itu ketika ...': the active form of the same.
    active = set()
    for sm in _SAID_THAT.finditer(text):
        who = [m for m in st.mentions if not m.in_title and sm.start() - 60 <= m.span.start < sm.start()]
        if who and not st.skip(sm.start()) and sentence_of(sm.start()) and not re.search(
                r"[.!?]", text[who[-1].span.end:sm.start()]):
            marker = Quote(sm.start(), sm.end(), "", False)
            marker.speaker, marker.how = who[-1].cluster, "marker"
            out.append(marker)
            active.add(id(marker))
    for mk in [q for q in out if q.how == "marker" and q.speaker is not None]:
        i = sentence_of(mk.start)
        if not i or not (id(mk) in active or _HAL_ITU.match(text[st.sents[i][0]:mk.start])):
            continue
        a, b = st.sents[i - 1]
        prev = text[a:b]
        if st.skip(a) or any(c in prev for c in QUOTE_MARKS) or len(prev.split()) < 5 or any(
                a <= q.start < b for q in out if q.how != "marker"):
            continue
        q = Quote(a + len(prev) - len(prev.lstrip()), b, prev.strip(" ,.\n"), False, cue=text[mk.start:mk.end].split()[0].lower())
        q.speaker = mk.speaker
        out.append(q)


# -- output ------------------------------------------------------------------------------------
def canonical(c: Cluster) -> str:
    longest = max(len(k) for k in c.keys)
    pairs = [(s, k) for s, k in zip(c.surfaces, c.keys) if len(k) == longest]
    # ('Edi Endi' is the nickname of 'Edistasius Endi', however often it is written)
    forms = [s for s, k in pairs if not any(_clipped_first(k, k2) and len(k2[0]) > len(k[0]) for _, k2 in pairs)]
    if c.candidate:
        from monitor.nlp.gazetteer import registry

        reg = (registry().by_pair.get((c.candidate["id_paslon"], c.candidate["position"])) or {}).get("key")
        # Written two ways ('Luluk Nurhamidah' / 'Luluk Nur Hamidah', 'Parawangsa' / 'Parawansa'): as KPU writes it.
        exact = [s for s, k in zip(c.surfaces, c.keys) if reg and tuple(k) == tuple(reg)]
        if exact and len(set(exact)) < len(set(c.surfaces)) and len(reg) >= longest - 1 and (len(reg) >= 2 or longest == 1):
            forms = exact
    counts = Counter(forms)
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0]), -forms.index(kv[0])))[0]
    return re.sub(r"\s+", " ", best)


def to_dict(st: State) -> dict:
    names = [canonical(c) if c.keys else "" for c in st.clusters]
    counts = Counter(m.cluster for m in st.mentions)
    people = []
    order = sorted((i for i in range(len(st.clusters)) if st.clusters[i].keys and counts[i]),
                   key=lambda i: st.clusters[i].first)
    for i in order:
        c = st.clusters[i]
        variants = sorted({re.sub(r"\s+", " ", s) for s in c.surfaces} - {names[i]}, key=lambda v: -len(v))
        variants += sorted(c.aliases - set(variants))
        people.append({
            "name": names[i], "variants": variants, "roles": c.roles, "mentions": counts[i],
            "quoted": c.quoted, "candidate": c.candidate,
        })
    pcount = Counter(p["id"] for p in st.parties)
    from monitor.nlp.gazetteer import load_parties

    pname = {p["id"]: p["name"] for p in load_parties()}
    parties = [{"id": pid, "name": pname[pid], "mentions": n} for pid, n in pcount.most_common()]
    quotes = [
        {"speaker": names[q.speaker] if q.speaker is not None else None, "text": q.text, "direct": q.direct,
         "cue": q.cue, "start": q.start, "end": q.end}
        for q in (part for whole in st.quotes for part in by_paragraph(st.text, whole))
    ]
    regions = list(dict.fromkeys(
        [r["name"] for r in st.regions] + [_prov_name(p) for p in sorted(st.provinces)]
    ))
    mentions = []
    for m in st.mentions:
        src = st.title if m.in_title else st.text
        mentions.append({
            "kind": "person", "key": names[m.cluster], "text": m.span.surface, "start": m.span.start,
            "end": m.span.end, "in_title": m.in_title, "in_lead": (not m.in_title and m.span.start < st.lead_end),
            "sentence": _sentence(st, src, m.span.start, m.in_title), "role": m.role,
            "candidate": st.clusters[m.cluster].candidate,
        })
    for p in st.parties:
        src = st.title if p["in_title"] else st.text
        mentions.append({
            "kind": "party", "key": p["id"], "text": p["text"], "start": p["start"], "end": p["end"],
            "in_title": p["in_title"], "in_lead": (not p["in_title"] and p["start"] < st.lead_end),
            "sentence": _sentence(st, src, p["start"], p["in_title"]), "role": None, "candidate": None,
        })
    return {"title": st.title, "people": people, "parties": parties, "quotes": quotes, "regions": regions,
            "mentions": mentions}


def _prov_name(p: str) -> str:
    return " ".join(w if w in {"DKI", "DIY"} else w.capitalize() for w in p.split())


def _sentence(st: State, src: str, pos: int, in_title: bool) -> str:
    if in_title:
        return src.strip()
    for s, e in st.sents:
        if s <= pos < e:
            return re.sub(r"\s+", " ", src[s:e]).strip()
    return ""
