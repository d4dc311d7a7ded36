"""Indonesian personal names: titles and degrees off, spelling folded, tokens compared.

Old (Van Ophuijsen / Soewandi) spellings live on in names: Soekarno/Sukarno,
Djoko/Joko, Tjahjo/Cahyo, Sjarif/Syarif, Chairul/Khairul.  Muhammad has a dozen
written forms (Muh., Moh., Moch., M., Mochammad, Muhamad ...).  Names are matched
on a folded key per word so these variants meet.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Honorifics and academic/religious/military titles written before a name.
# Titles of clergy and sheikhs, and the army corps written between a rank and the name ('Letkol Inf Heri
# Kuswanto'): the name finder skips them before a name (vocab.HONORIFICS) and the cleaner drops them from one.
CLERGY_TITLES = {"syekh", "syech", "syeh", "suster", "frater", "pater", "bruder", "mgr", "monsinyur",
                 "jro", "jero", "mangku", "pedanda"}  # (Balinese temple priests: 'Jro Mangku Nyoman Rai')
ARMY_CORPS = {"inf", "kav", "arm", "arh", "czi", "cpm", "cba", "chb", "ckm", "cku", "caj", "cpl", "cpn", "pnb"}
PREFIX_TITLES = {
    "h", "hj", "hi", "haji", "hajjah", "dr", "drs", "dra", "ir", "prof", "tgk", "kh", "k.h",
    "ust", "ustadz", "ustaz", "ustadzah", "drg", "apt", "ns", "pdt", "capt", "letjen", "irjen", "mayjen",
    "brigjen", "kombes", "akbp", "kompol", "jenderal", "jend", "purn", "laksamana", "marsekal", "kolonel",
    "letkol", "mayor", "kapten", "bapak", "ibu", "pak", "bu", "sdr", "saudara", "saudari", "tuan", "nyonya",
    "ny", "gus", "buya", "romo", "pastor", "bhiksu", "ki", "nyi", "hc", "h.c",
    "drh", "mr", "mrs", "ms", "kyai", "kiai", "ajun", "inspektur", "komjen", "pol", "tni", "laksda",
    "laksma", "marsda", "marsma", "pt", "sp", "tgh", "tgkh", "abuya",
} | CLERGY_TITLES | ARMY_CORPS
# Forms that stand for Muhammad (and Ahmad) in names.
MUHAMMAD = {
    "m", "mhd", "muh", "moh", "moch", "mochd", "muhd", "mohd", "mohamad", "mohammad", "mohammed", "muhamad",
    "muhammad", "muhammmad", "mochammad", "mochamad", "muchammad", "muchamad", "mukhammad", "mokhamad",
    "mokhammad", "mohamed", "muhamed", "mhmd",
}
AHMAD = {"ahmad", "achmad", "akhmad", "ahmat", "achmat", "amad"}
ABDUL = {"abd", "abdul", "abdoel", "abdull"}
# Lower-case particles that belong inside a name.
PARTICLES = {"bin", "binti", "al", "el", "van", "de", "der", "ibn", "bt", "bte", "br", "boru",  # ('Rotua br Simanjuntak')
             # Makassarese "Dg." (daeng) stands between the given name and the daeng name; KPU often drops it.
             "dg"}

_DEGREE_TOKEN = re.compile(
    r"^(?:[A-Z][a-zA-Z]{0,4}\.){1,4}(?:[A-Za-z]{1,5}\.?)?$"  # S.H.  M.M.  S.Sos.  LL.M.  M.Ec.Dev.  S.E
)
_SHORT_DEGREES = {
    "se", "sh", "mm", "mh", "mt", "st", "sp", "ma", "mba", "mpa", "skm", "sst", "stp", "sip", "spd", "mpd",
    "ssos", "msi", "ssi", "skom", "mkes", "ak", "ca", "cpa", "phd", "lc", "llm", "mag", "se.ak", "ssit",
    "amd", "sag", "spdi", "mpdi", "sthi", "sked", "sgz", "mkn", "skep", "ners", "spog", "mars", "ipu", "mbiomed",
    "sab", "mhum", "sfil", "msc", "bsc", "ba", "bba", "mm.", "sip.", "sh.", "se.", "mbt", "mec", "msc.",
    # religious congregations after a priest's or a sister's name: 'Pater Markus Tukan, SVD', 'Suster Maria, SSpS'
    "svd", "ssps", "ofm", "sj", "pr", "cssr", "ocd", "msc", "msf", "cmf", "ocarm", "ofmcap",
}


def _strip_dots(tok: str) -> str:
    return tok.replace(".", "").lower()


def is_title(tok: str) -> bool:
    t = tok.rstrip(".,").lower()
    return t in PREFIX_TITLES or tok in {"H.", "Hj.", "Hi.", "HJ.", "HI.", "H", "Hj"}


_MIXED_DEGREES = {"MSc", "PhD", "MPd", "SPd", "MSi", "SSos", "SKom", "MKes", "MPA", "MBA", "LLM", "MAg", "SAg",
                  "MHum", "SIKom", "SHum", "MEng", "BSc", "MSi.", "MSc.",
                  # medical specialists: 'dr Wismandari Wisnu SpPD-KEMD'
                  "SpPD", "SpA", "SpOG", "SpB", "SpM", "SpKK", "SpJP", "SpS", "SpKJ", "SpTHT", "SpRad", "SpAn", "SpP",
                  "SpU", "SpOT", "SpBS", "SpF", "SpN", "SpGK", "SpPK", "SpPA", "SpMK", "SpKFR", "SpDV", "SpBA", "SpBP"}


def is_degree(tok: str) -> bool:
    t = tok.strip(",")
    if not t:
        return False
    if t in _MIXED_DEGREES:
        return True  # 'Iskhaq Iskandar MSc
    if _strip_dots(t) in _SHORT_DEGREES and (("." in t) or t.isupper()):
        return True
    return bool(_DEGREE_TOKEN.match(t)) and sum(c.isalpha() for c in t) <= 9 and "." in t[1:]


def clean_name(raw: str) -> str:
    """'Dr. dr. H. M. SYAFRUDDIN NURDIN, M.Kes.' -> 'M. Syafruddin Nurdin'."""
    name = raw.strip()
    # Degrees come after the first comma; nothing of the name does.
    name = name.split(",")[0]
    name = re.sub(r"\(.*?\)\.?", " ", name)
    # 'H.M. SALIM', 'dr.Hj. MAYA', 'Ir.RENJES': titles glued to each other or to the name.
    name = re.sub(r"\b([A-Za-z]{1,3}\.)(?=[A-Za-z])", r"\1 ", name)
    toks = [t for t in name.split() if t != "."]
    # 'HERMANTO.P', 'AFNI.Z': a degree or initial glued to the last word by its dot
    if toks and len(toks[-1]) > 4:
        toks[-1] = re.sub(r"^([A-Za-z]{3,})\.[A-Za-z]{1,2}\.?$", r"\1", toks[-1])
    while toks and (is_title(toks[0]) or _strip_dots(toks[0]) in {"dr", "drs", "dra", "ir", "prof", "kh", "drg"}):
        toks.pop(0)
    while toks and is_degree(toks[-1]) and len(toks) > 1:
        toks.pop()
    return " ".join(titlecase(t) for t in toks)


def titlecase(tok: str) -> str:
    if not tok.isupper() and not tok.islower():
        return tok  # already mixed case: keep as written (McDonald, NasDem)
    low = tok.lower()
    if low in {"bin", "binti", "van", "de", "der"}:
        return low
    return "-".join(p[:1].upper() + p[1:] for p in low.split("-"))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A spelling-insensitive key for one name word."""
    w = word.lower().strip(".'’`-")
    w = w.replace("'", "").replace("’", "").replace("-", "")
    if w in MUHAMMAD:
        return "mhd"
    if w in AHMAD:
        return "ahmad"
    if w in ABDUL:
        return "abdul"
    if w in {"john", "jhon"}:
        return "jon"  # ('Jhon Richard Banua' as KPU writes it, 'John' in the press)
    # Old spelling first: its j is today's y, its dj today's j (Tjahjo/Cahyo, Djojo/Joyo).
    if re.search(r"oe|dj|tj|sj|nj", w):
        w = re.sub(r"(?<![dtsn])j", "y", w)
    w = w.replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("sj", "sy").replace("nj", "ny")
    w = w.replace("ch", "kh")
    # Then fold letters that writers drop or add: Syarif/Sarif, Khairul/Kairul, Fadhli/Fadli, Qalby/Kalbi.
    w = w.replace("kh", "k").replace("sy", "s").replace("dh", "d").replace("th", "t").replace("ph", "f")
    w = w.replace("q", "k").replace("v", "f").replace("z", "s").replace("x", "ks")
    w = re.sub(r"(.)\1+", r"\1", w)  # Muhammad/Muhamad, Baharuddin/Baharudin
    if w.endswith("y") and len(w) > 2:
        w = w[:-1] + "i"
    w = w.replace("ie", "i")
    return w


def name_words(name: str) -> list[str]:
    """Name words without titles, degrees or particles."""
    out = []
    for tok in re.split(r"[\s]+", name.strip()):
        if not tok:
            continue
        t = tok.strip(",")
        if is_title(t) or t.lower() in PARTICLES:
            continue
        if is_degree(t) and out:
            continue
        out.append(t)
    return out


# Buton titles the press and KPU write closed up or spaced ('LAODE IDA', 'La Ode Ida').
CLOSED_UP = {"waode": ("wa", "ode"), "laode": ("la", "ode")}


def name_key(name: str) -> tuple[str, ...]:
    out = []
    for w in name_words(name):
        f = fold(w)
        if f:
            out.extend(CLOSED_UP.get(f, (f,)))
    return tuple(out)


def word_match(a: str, b: str) -> bool:
    """Folded words match, or one is an initial / abbreviation of the other."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    # One letter dropped or doubled in a long name (Pangarep/Pagarep).
    if len(a) >= 6 and len(b) >= 6 and abs(len(a) - len(b)) == 1 and a[0] == b[0]:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    return False


def compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Every word of `short` matches a word of `full`, in order."""
    i = 0
    for w in short:
        while i < len(full) and not word_match(w, full[i]):
            i += 1
        if i == len(full):
            return False
        i += 1
    return True
