"""Mentions of people, KPU candidates, parties, roles and quotes in Indonesian Pilkada news.

    nlp = build_nlp()
    result = analyze(title, text, region="Jeneponto", nlp=nlp)

`analyze` returns the issue-5 JSON (title, people, parties, quotes, regions) plus
`mentions`, one per occurrence, for the store.
"""
from __future__ import annotations

# The rules' version; what a stored analysis records is pipeline_version(), which adds the gazetteers'.
PIPELINE_VERSION = "nlp-rules-1.5"


def pipeline_version() -> str:
    """'nlp-rules-1.2+3f9a0c2e': the rules and the gazetteer files in use."""
    from monitor.nlp.gazetteer import digest

    return f"{PIPELINE_VERSION}+{digest()}"


def build_nlp():
    """spacy.blank("id") with the monitor_* components; nothing is downloaded."""
    import spacy

    from monitor.nlp import components

    nlp = spacy.blank("id")
    for name in components.PIPES:
        nlp.add_pipe(name)
    return nlp


_DEFAULT = None
_ENTITY = None


# UTF-8 punctuation read as Latin-1 or cp1252 by a scraper: 'â\x80\x9d' / 'â€\x9d' for ”.
_MOJIBAKE = {"\u201c": "\u201c", "\u201d": "\u201d", "\u2018": "\u2018", "\u2019": "\u2019", "\u2013": "\u2013",
             "\u2014": "\u2014"}
_MOJIBAKE = {ch.encode("utf-8").decode("latin-1"): ch for ch in _MOJIBAKE} | {
    ch.encode("utf-8").decode("cp1252", errors="ignore"): ch for ch in _MOJIBAKE
    if len(ch.encode("utf-8").decode("cp1252", errors="ignore")) == 3} | {"\u00e2\u20ac\x9d": "\u201d"}


def _mojibake(text: str) -> str:
    if "\u00e2" not in text:
        return text
    for bad, good in _MOJIBAKE.items():
        if bad in text:
            text = text.replace(bad, good + " " * (len(bad) - 1))  # padded: offsets still hold
    return text


def _entities(text: str) -> str:
    """HTML entities left by scrapers (&ldquo;) as their characters, and doubled apostrophes as quotation marks,
    padded so offsets still hold."""
    global _ENTITY
    text = _mojibake(text)
    if "''" in text or "\u2018\u2018" in text or "\u2019\u2019" in text:
        import re

        # ''Saya harap ...,'' pungkasnya: two apostrophes for a quotation mark, as some outlets type it.
        text = re.sub(r"(?:''|\u2018\u2018|\u2019\u2019)(?=\w)", ' "', text)
        text = re.sub(r"''|\u2018\u2018|\u2019\u2019", '" ', text)
    if '""' in text:
        import re

        # '""Datang ke TPS itu hak kita semua ...," Ungkap ...': a mark typed twice
        text = re.sub(r'(?<![\w"])""(?=\w)', ' "', text)
    if "&" not in text:
        return text
    import html
    import re

    if _ENTITY is None:
        _ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")

    def pad(m):
        ch = html.unescape(m.group())
        return ch + " " * (len(m.group()) - len(ch)) if len(ch) <= len(m.group()) else m.group()

    return _ENTITY.sub(pad, text)


def analyze(title: str, text: str, *, region: str | None = None, nlp=None) -> dict:
    """Analyse one article: title (str) and body text (str, paragraphs separated by newlines)."""
    global _DEFAULT
    from monitor.nlp.analysis import to_dict
    from monitor.nlp.components import KEY

    if nlp is None:
        if _DEFAULT is None:
            _DEFAULT = build_nlp()
        nlp = _DEFAULT
    title, tkeep = _soft_hyphens(_entities((title or "").strip()))
    text, keep = _soft_hyphens(_entities(text or ""))
    text = _names_in_capitals(text)
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # doc.text is rebuilt from tokens on every access
    doc.user_data["title"] = title
    doc.user_data["region"] = region
    doc = nlp(doc)
    result = to_dict(doc.user_data[KEY])
    if keep or tkeep:
        for item in result["mentions"] + result["quotes"]:
            k = tkeep if item.get("in_title") else keep
            if k:
                item["start"], item["end"] = k[item["start"]], k[item["end"] - 1] + 1
    return result


def _names_in_capitals(text: str) -> str:
    """Some outlets print a speaker's name in capitals ('kata M. YUSUF PRANATA', 'Ketua KPU Enrekang SUDIRMAN
    PALISURI mengatakan'): such a run is read as the name it is, written in the usual case (same length, so the
    offsets hold). A run of two or more words counts when it follows a speech cue, an office or a police rank, or a
    speech verb follows it (one word only after an office, when the lists know it as a name word); never when a
    word of it is an office, a party or a place, nor where a sentence or a paragraph opens (datelines and headlines
    stand there in capitals), nor after a credit's slash or colon."""
    import re

    if not re.search(r"[A-Z]{3}", text):
        return text
    from monitor.nlp import vocab
    from monitor.nlp.parties import find_parties
    from monitor.nlp.regions import forms as region_forms

    def skip_word(w: str) -> bool:
        return w in vocab.ORG_WORDS or w in vocab.ROLE_WORDS or w in region_forms() or w in vocab.NEVER_NAMES or (
            w in vocab.HONORIFICS) or bool(find_parties(w.upper()))

    def fix(m):
        run = m.group()
        words = list(re.finditer(r"[A-Z][A-Z'\u2019]*\.?", run))
        while words and skip_word(words[0].group().rstrip(".").lower()):
            words.pop(0)  # 'AKBP ANDI SULFIKAR': the rank stays as written
        if not words or any(skip_word(w.group().rstrip(".").lower()) for w in words) or not all(
                re.search(r"[AIUEO]", w.group()) or len(w.group().rstrip(".")) == 1 for w in words):
            return run
        at = m.start() + words[0].start()
        before = text[max(0, at - 40):at]
        last = re.search(r"(\w+)\s*(?:\b(?:H|Hj|Dr|dr|Ir|Drs|Prof)\.?\s*)*$", before)  # (past 'H.', 'Dr.')
        after_role = bool(last) and last.group(1).lower() in vocab.ROLE_HEADS and last.group(1)[:1].isupper()
        if len(words) == 1 and not (after_role and len(words[0].group()) >= 5 and words[0].group().lower() in vocab.NAME_WORDS):
            return run  # one word in capitals is mostly an acronym ('Ketua KONI'); 'Cawabup AHERUDDIN' is a name
        after = text[m.end():m.end() + 30]
        if re.search(r"(?:^|\n)\s*$|[/|:]\s*$", before) or re.search(r"[.!?]\s*$", before) and not re.search(
                r"\b(?:[A-Z]|[A-Z][a-z]{1,3})\.\s*$", before):
            return run  # a paragraph or a sentence opens here ('Drs. ALI BASA' is a title, then the name)
        cued = re.search(r"\b(?:kata|ujar|ucap|tutur|ungkap|jelas|tegas|sebut|imbuh|tambah|lanjut|pungkas|menurut|"
                         r"oleh|bernama|urut\s+\d{1,2},?)\s*$", before) or re.search(
            r"\b(?:AKBP|AKP|Kompol|Iptu|Ipda|Aiptu|Aipda|Bripka|Brigpol|Briptu)\s*$", before)
        vm = re.match(r"\s*,?\s*(?:(?:juga|pun|lantas|kemudian)\s+)?([a-z]+)\b", after)
        verb = vm and (vm.group(1) in vocab.SPEECH_VERBS or vm.group(1) in {"selaku", "sebagai"})
        if not (cued or verb or after_role):
            return run
        out = list(run)
        for w in words:
            for k in range(w.start() + 1, w.end()):
                out[k] = out[k].lower()
        return "".join(out)

    return re.sub(r"\b[A-Z][A-Z'\u2019]*\.?(?:\s+[A-Z][A-Z'\u2019]*\.?)*(?<=[A-Z]{2})\b(?![.]\w)", fix, text)


def _soft_hyphens(text: str):
    """Print-to-web outlets leave soft hyphens inside words ('Mahyeldi An\xadsha\xadrullah'): read the text
    without them; the offsets of what is found are mapped back to the text as given."""
    if "\xad" not in text:
        return text, None
    keep = [i for i, ch in enumerate(text) if ch != "\xad"]
    return text.replace("\xad", ""), keep


__all__ = ["PIPELINE_VERSION", "analyze", "build_nlp", "pipeline_version"]
