"""Direct quotes and indirect statements, with their speaker.

Direct quotes sit between straight or curly marks (local outlets often open with
the closing mark ”), may run over several sentences, and over paragraphs when the
next paragraph opens with a mark again.  The speaker follows a cue (', ujar X'),
precedes it ('X mengatakan, “…”', 'Menurut X, “…”'), or is carried over from
the previous attribution ('ujarnya', 'kata dia').  Indirect statements are
clauses after a speech verb ('X menegaskan bahwa …') or 'Menurut X, …'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.nlp import vocab

QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_CUE_AFTER = re.compile(
    # ('," kataKaesangkepada wartawan': a scraper glued the cue to the name)
    r"^\s*[,.!?]?\s*[\u2013\u2014-]?\s*(?P<cue>[A-Za-z]+?)(?P<nya>nya)?(?![a-z])(?P<rest>[^\n]{0,200})"
)
_PRONOUN_AFTER = re.compile(r"^\s*(?:dia|ia|beliau|pria|wanita|perempuan|lelaki|sosok|mantan|politisi|politikus)\b", re.I)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: object = None  # cluster index or None
    how: str = ""


def find_direct(text: str, skip) -> list[Quote]:
    """Spans between quote marks, joined across paragraphs that reopen with a mark."""
    quotes: list[Quote] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at = None
    for pi, (ps, pe) in enumerate(paras):
        if skip(ps) and skip(pe - 1):
            open_at = None
            continue
        # (a noise head glued to the paragraph, 'Ikuti berita ... follow. SLEMAN-...', hides only its own marks)
        marks = [ps + m.start() for m in re.finditer(f"[{QUOTE_MARKS}]", text[ps:pe]) if not skip(ps + m.start())]
        k = 0
        if open_at is not None:
            # Continuation paragraph: it reopens with a mark; the quote goes on.
            if marks and text[ps:marks[0]].strip() == "":
                k = 1
            else:
                quotes.append(_mk(text, open_at, paras[pi - 1][1], None))
                open_at = None
        while k < len(marks):
            if open_at is None:
                if _closes_only(text, marks[k]):
                    k += 1  # '... pihak lain," ujarnya.' with no opening mark: a stray closer opens nothing
                    continue
                open_at = marks[k]
            else:
                quotes.append(_mk(text, open_at, marks[k] + 1, None))
                open_at = None
            k += 1
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if not (nxt and re.match(f"\\s*[{QUOTE_MARKS}]", text[nxt[0]:nxt[1]])):
                quotes.append(_mk(text, open_at, pe, None))
                open_at = None
    # Some outlets quote with single marks: '‘Kami cuma mau angkanya terang,’ kata Lim.' A ‘…’ span counts when it
    # opens a paragraph or follows a colon and a speech cue or a full stop closes it (inner quotes inside “…” and
    # apostrophes do neither).
    taken = [(q.start, q.end) for q in quotes]
    for m in _SINGLE_QUOTE.finditer(text):
        s_, e_ = m.start("open"), m.end()
        if skip(s_) or any(a <= s_ < b for a, b in taken):
            continue
        if cue_after(text, e_) or re.match(r"\s*(?:\n|$)", text[e_:e_ + 2]):
            # ('‘Paus Fransiskus pernah bilang, “politik adalah ...”. Jadi ...,’ kata Romo Yosef': the quote it
            # quotes is part of it)
            quotes = [q for q in quotes if not (s_ < q.start and q.end <= e_)]
            quotes.append(Quote(s_, e_, m.group("inner").rstrip(",").strip(), True))
    quotes.sort(key=lambda q: q.start)
    out = []
    for q in quotes:
        words = q.text.split()
        # Scare quotes around a term ("kolom kosong") are no quote.
        closing = text[q.start:q.end].rstrip(QUOTE_MARKS + " \n")
        if len(words) < 4 and not re.search(r"[.!?,]$", closing) and not cue_after(text, q.end):
            continue
        if len(words) <= 2 and not re.search(r"[.!?,]$", closing) and all(w[:1].isupper() for w in words):
            continue  # 'dalam akronim "ROMAN", menyebutkan ...': a name in marks, whatever follows
        # A name in quote marks ('"Pertamuda Seed and Scale 2024"', '"PT Meta Seaco Indonesia"'): every word
        # capitalised, no one cued as saying it.
        if len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in
                                   (w.strip(",.!?") for w in words) if w) and not cue_after(text, q.end):
            continue
        out.append(q)
    return out


# (also after a full stop, with or without a space: '... terakhir. ‘Kalau ...’', 'seimbang.‘Pak KB ...’'; and opened
# with the closing mark at a paragraph's start, as '”' is for double marks)
_SINGLE_QUOTE = re.compile(r"(?:^|(?<=\n)|(?<=:\s)|(?<=[.!?]\s)|(?<=[.!?]))(?P<open>\u2018|(?:(?<=\n)|^)\u2019)"
                           r"(?P<inner>[^\u2018\u2019\n]{12,}?[,.!?][\u201d\"]?)\u2019")
_NAME_GLUE = {"and", "of", "the", "for", "dan", "&", "di", "ke", "untuk", "dari", "-", "x", "si", "sang"}


def by_paragraph(text: str, q: Quote) -> list[Quote]:
    """A quote run over paragraphs that each reopen with a mark, as one statement per paragraph: the
    reader (and the briefing) meets a new statement at each new mark. All keep the quote's speaker and cue."""
    if not q.direct or "\n" not in text[q.start:q.end]:
        return [q]
    parts = []
    for m in re.finditer(r"[^\n]+", text[q.start:q.end]):
        s, e = q.start + m.start(), q.start + m.end()
        if parts and not re.match(f"\\s*[{QUOTE_MARKS}]", m.group()):
            return [q]  # a paragraph that goes on without a mark: not this shape
        part = _mk(text, s, e, q.speaker)
        if part.text:
            part.cue, part.how = q.cue, q.how
            parts.append(part)
    return parts or [q]


def _closes_only(text: str, pos: int) -> bool:
    """A straight or closing mark shaped as a closer: after a word or a comma, before a space or the end of the
    line ('lain," ujarnya'). An opener stands before a word ('"Belajar ...')."""
    if text[pos] in "\u201c\u201e\u00ab":
        return False
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    return not before.isspace() and before not in "(-\u2013\u2014" and (after.isspace() or after in ".,;:!?)")


def _mk(text: str, s: int, e: int, speaker) -> Quote:
    inner = text[s:e].strip(QUOTE_MARKS + " \n\t")
    inner = re.sub(f"[{QUOTE_MARKS}]\\s*\\n+\\s*[{QUOTE_MARKS}]", " ", inner)
    inner = re.sub(r"\s*\n+\s*", " ", inner)
    inner = re.sub(f"\\s*[{QUOTE_MARKS}]\\s*", " ", inner).strip()
    inner = re.sub(r"\s{2,}", " ", inner.rstrip(",").strip())
    return Quote(s, e, inner, True, speaker=speaker)


def _typo_cue(word: str) -> str | None:
    """The cue a mistyped word stands for: a letter doubled ('ujarnnya', 'katannya'), the final 'a' of '-nya' or
    its 'n' dropped ('tegasny', 'ujarya')."""
    import re

    for w in (re.sub(r"(.)\1", r"\1", word), word + "a" if word.endswith("ny") else "",
              word[:-2] + "nya" if word.endswith("ya") and not word.endswith("nya") else ""):
        if len(w) >= 4 and w != word and (w in vocab.CUES or w.endswith("nya") and w[:-3] in vocab.CUES):
            return w
    return None


def cue_after(text: str, end: int):
    """(cue, rest_start, carried) when a speech cue follows the closing mark."""
    m = _CUE_AFTER.match(text[end:end + 220])
    if not m:
        return None
    if m.group("cue")[0].isupper() and "\n" in m.group()[:m.start("cue")]:
        return None  # 'Menjawab hal itu, X mengatakan ...' opens the next paragraph: no cue of this quote
    cue = m.group("cue").lower()
    nya = bool(m.group("nya"))
    word = cue + ("nya" if nya else "")
    if nya and cue not in vocab.CUES and word in vocab.CUES:
        nya = False  # 'tanya' is a cue of its own, not 'ta' + '-nya'
    if cue not in vocab.CUES and word not in vocab.CUES and cue not in vocab.SPEECH_VERBS and word not in vocab.SPEECH_VERBS:
        # a hurried desk's typo in the cue: 'ujarnnya', 'katannya', 'tegasny', 'ujarya'
        fixed = _typo_cue(word)
        if fixed:
            nya = fixed.endswith("nya") and fixed[:-3] in vocab.CUES
            cue = fixed[:-3] if nya else fixed
            word = fixed
    base = cue
    if base not in vocab.CUES and word not in vocab.CUES:
        if base in vocab.SPEECH_VERBS or word in vocab.SPEECH_VERBS:
            pass  # '," tegasnya' covered above; '," menurutnya' rare
        else:
            return None
    rest_start = end + m.start("rest")
    rest = m.group("rest")
    carried = nya or word in {"katanya"} or bool(_PRONOUN_AFTER.match(rest))
    return word, rest_start, carried


# ('... kata dia.Sebaliknya, anggota ...', '... pada Rabu (11/6).Ia juga ...', '... dilaksanakan."Jangan ...': scrapers
# drop the space after a full stop)
SENT_END = re.compile(r"[.!?](?=\s+[\"\u201c\u201d\u2018\u2019A-Z(]|\s*\n|\s*$|[\"\u201c\u201d\u2018][A-Z])|[.!?][\"\u201d](?=\s+[A-Z])|(?:(?<=[a-z]{3})|(?<=\d{4})|(?<=\d\)))\.(?=[A-Z][a-z]{2,}|Ia\s)|\n+")
_NO_END = re.compile(r"(?:\b[A-Z]|\b[A-Z][a-z]|\b(?:Muh|Moh|Moch|Mochd|Abd|Drs|Dra|Kab|Kec|Jln|Prov|Hj|Ir|Prof|Tgk|No|Sdr))$")


def sentences(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in SENT_END.finditer(text):
        e = m.end()
        if m.group()[0] == "." and _NO_END.search(text, max(0, m.start() - 6), m.start()):
            continue
        if text[s:e].strip():
            out.append((s, e))
        s = e
    if text[s:].strip():
        out.append((s, len(text)))
    return out
