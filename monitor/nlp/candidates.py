"""Link a person found in an article to a KPU Pilkada 2024 candidate, only when unambiguous."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from monitor.nlp.gazetteer import distinctive, registry
from monitor.nlp.names import compatible


def _as_candidate(p: dict) -> dict:
    return {"id_paslon": p["id_paslon"], "position": p["position"], "wilayah": p["wilayah"]}


def _one(people: list[dict], ids) -> dict | None:
    """The registry row of `ids` when they all are one candidate (one pair, one position), else None."""
    pairs = {(people[i]["id_paslon"], people[i]["position"]) for i in ids}
    return people[min(ids)] if len(pairs) == 1 else None


# Offices a Pilkada 2024 candidate holds or runs for, by registry level.  An acting head (Pj, Plt) is a
# civil servant, and a former one ('mantan Bupati') may hold no office now: neither says who ran.
_HEAD_OFFICE = {
    "gubernur": re.compile(r"^(?:calon\s+|bakal\s+calon\s+)?(?:wakil\s+)?gubernur\b|^(?:wagub|cagub|cawagub)\b"),
    "bupati_walikota": re.compile(
        r"^(?:calon\s+|bakal\s+calon\s+)?(?:wakil\s+)?(?:bupati|wali\s?kota)\b|^(?:wabup|wawali|wawalkot|cabup|cawabup|"
        r"cawalkot|cawawali|bacabup|bacawabup)\b"),
}
_NOT_HOLDER = re.compile(r"^(?:mantan|eks|almarhum|pj|plt|plh|penjabat|pjs|istri|suami|anak|ayah|ibunda|adik|kakak)\b")


def _offices(roles) -> set[str]:
    out = set()
    for r in roles or ():
        if _NOT_HOLDER.match(r):
            continue
        for level, rx in _HEAD_OFFICE.items():
            if rx.match(r):
                out.add(level)
    return out


def _by_office(keys, roles, region_codes, provinces) -> dict | None:
    """'Gubernur Jatim Khofifah', 'Wali Kota Farhan', 'Bupati Bengkulu Selatan Rifat Tajudin' (the
    registry's 'H. Rifai'): the office says which of the region's candidates is meant, so a first name,
    an added surname or a misspelt name will do, when exactly one candidate of that office fits."""
    levels = _offices(roles)
    if not levels:
        return None
    reg = registry()
    people = reg.people
    # The office's own region when the role names it ('bupati musi banyuasin'): the candidates of that region.
    named = _role_regions(roles)
    if named:
        region_codes = region_codes & named or named
    here = set()
    for code in region_codes:
        here |= {i for i in reg.by_region.get(code, ()) if people[i]["level"] in levels}
    if "gubernur" in levels and not named:
        here |= {i for i, p in enumerate(people) if p["level"] == "gubernur" and p["provinsi"] in provinces}
    fits = set()
    for i in here:
        rk = _bare(people[i]["key"])
        for k in keys:
            bk = _bare(k)
            if len(bk) == 1 and _own_words(rk) and bk[0] not in (_own_words(rk)[0], _own_words(rk)[-1]):
                continue  # 'Alex' is not 'Royke Rudy Alex Tambajong': a middle name alone says too little
            if compatible_either(bk, rk) or _clipped(bk, rk) or (
                    bk and rk and bk[0][:3] == rk[0][:3] and len(bk[0]) >= 4
                    and SequenceMatcher(None, bk[0], rk[0]).ratio() >= 0.8
                    and (len(bk) == 1 or len(rk) == 1 or _same(bk[1:2], rk[1:2]))):
                fits.add(i)
                break
    hit = _one(people, fits)
    return _as_candidate(hit) if hit else None


def _role_regions(roles) -> set[str]:
    """Region codes a head-office role names ('bupati musi banyuasin', 'gubernur jatim')."""
    from monitor.nlp.regions import lookup

    codes = set()
    for r in roles or ():
        if _NOT_HOLDER.match(r):
            continue
        m = re.match(r"^(?:calon\s+|bakal\s+calon\s+)?(?:wakil\s+)?(?:bupati|wali\s?kota|gubernur|walikota)\s+(.+)$", r)
        if m:
            for hit in lookup(m.group(1).title()):
                codes.add(hit["kode_wilayah"])
    return codes


def _clipped(press, reg) -> bool:
    """'Respati Ardi' for the registry's 'Respati Achmad Ardianto': the same first name, and each later word
    the start of a later registry word."""
    if len(press) < 2 or not reg or press[0] != reg[0]:
        return False
    j = 1
    for w in press[1:]:
        while j < len(reg) and not (len(w) >= 4 and reg[j].startswith(w)):
            j += 1
        if j == len(reg):
            return False
        j += 1
    return True


def compatible_either(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and bool(b) and (compatible(a, b) or compatible(b, a))


def link(keys: list[tuple[str, ...]], region_codes: set[str], provinces: set[str],
         explicit_provinces: set[str] = frozenset(), local_named: bool = True, roles=()) -> dict | None:
    """The candidate a person is, given the name keys written for them, their roles in the article
    and the article's regions.

    1. Name compatible and the candidate's region is one the article names (or the caller gave):
       exactly one such candidate.
    2. The person holds a regional head's office ('Gubernur Jatim Khofifah'): exactly one candidate
       for that office in the article's regions with a name that fits.
    3. Otherwise a full name of two or more distinctive words equal to exactly one of the 3,188
       people, and no one else close ('Muh. Syarif' is too common a name for that).
    """
    keys = sorted({k for k in keys if k}, key=len, reverse=True)
    if not keys:
        return None
    hit = _link(keys, region_codes, provinces, explicit_provinces, local_named)
    if hit is None:
        hit = _by_office(keys, roles, region_codes, provinces)
    return hit


def pair(head_keys, deputy_keys) -> tuple[dict, dict] | None:
    """'Halikinnor-Irawati', 'Sanidin dan Siyono': two names written as a pair that are, whole, the head and the
    deputy of exactly one registry pair. The pair vouches for both, one-word names included."""
    reg = registry()
    people = reg.people

    def whole(keys, position):
        return {i for k in keys if k for i in reg.candidates(k)
                if people[i]["position"] == position and _same(_bare(people[i]["key"]), _bare(k))}

    heads, deputies = whole(head_keys, "calon"), whole(deputy_keys, "wakil")
    ids = {people[i]["id_paslon"] for i in heads} & {people[i]["id_paslon"] for i in deputies}
    if len(ids) != 1:
        return None
    pid = ids.pop()
    return (_as_candidate(reg.by_pair[(pid, "calon")]), _as_candidate(reg.by_pair[(pid, "wakil")]))


def _own_words(key) -> list[str]:
    return [w for w in key if w not in _LEADS and len(w) > 1]


def _one_name_here(keys, region_codes) -> dict | None:
    """'Toha' for the registry's 'H. M. Toha', 'Lucianty Pahri' for its 'Ir. Lucianty' (the press adds the
    husband's name): a registry name of one own word, in a region the article names, that is the first own
    word of the name written, and nobody else there fits."""
    reg = registry()
    people = reg.people
    firsts = {_own_words(k)[0] for k in keys if _own_words(k)}
    firsts = {w for w in firsts if len(w) >= 4}
    if not firsts:
        return None
    fits = {i for code in region_codes for i in reg.by_region.get(code, ())
            if len(_own_words(people[i]["key"])) == 1 and _own_words(people[i]["key"])[0] in firsts}
    hit = _one(people, fits)
    return _as_candidate(hit) if hit else None


def _link(keys, region_codes, provinces, explicit_provinces, local_named) -> dict | None:
    hit = _link_name(keys, region_codes, provinces, explicit_provinces, local_named)
    return hit if hit is not None else _one_name_here(keys, region_codes)


def _link_name(keys, region_codes, provinces, explicit_provinces, local_named) -> dict | None:
    reg = registry()
    best = keys[0]
    distinct_words = distinctive(best)
    if not distinct_words:
        return None
    pool = set()
    for k in keys:
        if len(k) >= 2 or len(best) == 1:
            pool |= set(reg.candidates(k))
    people = reg.people
    surname_added = False
    if not pool and len(best) == 3 and all(len(w) > 1 for w in best) and (
            len(reg.by_word.get(best[0], ())) <= 3):  # a rare first name: 'Ahmad Rivai Tandi' is no 'Ahmad Rifa'i'
        # 'Taj Yasin Maimoen' for the registry's 'Taj Yasin': the press adds a surname.
        pool = {i for i in reg.candidates(best[:2]) if _same(_bare(people[i]["key"]), best[:2])}
        surname_added = bool(pool)
    if not pool or not any(people[i]["kode_wilayah"] in region_codes for i in pool):
        # Spelt another way in the region the article names ('Nyangnyang' / 'Nyanyang', 'Al Ayubi' /
        # 'Al-Ayubi', a surname the registry lacks): one candidate of that region, nearly the same name.
        near_here = {i for code in region_codes for i in reg.by_region.get(code, ())
                     if len(best) >= 2 and _spelt_alike(people[i]["key"], best)}
        hit = _one(people, near_here)
        if hit:
            return _as_candidate(hit)
    if not pool:
        return None

    # Tier 1: region agrees.
    # A governor candidate's region is the province: named outright, a short form will do;
    # only implied by a regency in it, the whole registry name must be written.
    in_region = [i for i in pool if people[i]["kode_wilayah"] in region_codes
                 or (people[i]["level"] == "gubernur" and people[i]["provinsi"] in explicit_provinces)
                 or (people[i]["level"] == "gubernur" and people[i]["provinsi"] in provinces
                     and _same(people[i]["key"], best))]
    if in_region:
        if len(best) == 1:
            # A one-word name links only to a one-word registry name.
            # ('Sukawijaya' for the registry's 'A. S. Sukawijaya': initials are no words)
            in_region = [i for i in in_region if len(distinctive(people[i]["key"])) == 1]
        hit = _one(people, in_region)
        return _as_candidate(hit) if hit else None
    if len(distinct_words) < 2 and not (len(best) >= 2 and len(people[next(iter(pool))]["key"]) == len(best)):
        return None
    # Tier 2: the article names only a province (no kabupaten/kota of its own): a regent candidate
    # of that province is implied when the full name fits exactly one of them.
    if provinces and not local_named and len(distinct_words) >= 2:
        in_prov = [i for i in pool if people[i]["provinsi"] in provinces]
        hit = _one(people, in_prov)
        if hit and _same(hit["key"], best):
            return _as_candidate(hit)
    # Tier 3: nationwide, exact full name and no near namesake.
    exact = [i for i in pool if _same(_bare(people[i]["key"]), _bare(best))]
    if surname_added:
        exact = sorted(pool)
    # Others compatible only through an initial inside a much longer name ('Ilham Ari Fauzi A Uskara'
    # for 'Amir Uskara') are other people.
    others = [i for i in pool if i not in exact and abs(len(_bare(people[i]["key"])) - len(_bare(best))) <= 1]
    if len(exact) != 1 or len(distinct_words) < 2 or others:
        return None
    if len(distinctive(people[exact[0]]["key"])) < 2:
        return None  # the registry's 'A. Rahman' (Bima) is not the full name 'Andi Rahman' written elsewhere
    near = [i for i in reg.near(best) if i != exact[0]]
    if near:
        return None
    return _as_candidate(people[exact[0]])


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(x == y or (len(x) == 1 and x[0] == y[0]) or (len(y) == 1 and y[0] == x[0])
                                    for x, y in zip(a, b))


_LEADS = {"mhd", "h", "hj", "m", "a", "r", "rp", "muh"}


def _bare(key: tuple[str, ...]) -> tuple[str, ...]:
    """The registry writes 'M. Ridwan Kamil' where the press writes 'Ridwan Kamil'."""
    k = tuple(key)
    while len(k) > 2 and k[0] in _LEADS:
        k = k[1:]
    return k


def _spelt_alike(reg_key: tuple[str, ...], key: tuple[str, ...]) -> bool:
    a, b = _bare(reg_key), _bare(key)
    if len(a) >= 2 and b[:len(a)] == a:
        return True  # 'Indah Amperawati Masdar' for the registry's 'Indah Amperawati'
    if not a or not b or a[0][:3] != b[0][:3]:
        return False
    if len(a) == len(b) and all(SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(a, b)):
        return True
    return SequenceMatcher(None, "".join(a), "".join(b)).ratio() >= 0.9
