"""Rebuild articles from the KoTA-414 quote-extraction test set (a token<TAB>BILOU file).

    .venv/bin/python bench/kota414_docs.py            # number of documents
    .venv/bin/python bench/kota414_docs.py kota-012   # one document's text

The file (../shared/data/ner/kota414_quotes_extraction/test-data.bilou.tsv, read-only, not part of the
project) holds sentences of many 2024 regional news articles, one token per line, a blank line between
sentences, with no article boundary. `load_docs(path)` gives them back as documents:
{"id": "kota-NNN", "title": "", "text": one sentence (or sentence piece) per line}.
Everything is deterministic: the same file always gives the same ids and texts.

Article boundaries are guessed from what news sites print around a story:
- a dateline, found anywhere in a sentence (the sentence splitter often glued a story's first sentence to
  the previous story's last): a dash ("-", "–", "--", "—", "|", or an en dash glued to the next word as in
  "METRO–Tawarkan") or, after KBRN/ANTARA/Waspada, a colon, preceded by up to 7 dateline tokens
  (capitalised words, web addresses, commas, "|", and "( outlet )" just before the dash), of which one is a
  web address ("KORANPALPOS.COM"), a known outlet or agency word ("ANTARA", "VIVA", "TIMESINDONESIA") or
  an all-capitals place ("JAKARTA", "MUSI RAWAS"). Examples: "Yogyakarta (beritajatim.com) -",
  "TIMESINDONESIA, MALANG –", "MUBA, KORANPALPRES.COM -", "Suara.com -", "KBRN, Fakfak :".
- a sign-off opening a sentence: "( dvh / rth )", "( * )", "[ aje ]" - the previous story's initials;
- a sign-off closing a sentence after its final stop: "... tutur Abdullah AR. ( N-2 )";
- an agency footer "Pewarta : ... Editor : ... Copyright © ANTARA 2024".
Sign-offs and footers are dropped; so are a few tokens of site furniture between a boundary and a
dateline that follows within 8 tokens ("Post Views : 155", "***", "cara menyimpan tomat"), bylines glued
before the outlet ("Agung S Pambudi KOMPAS.com -" keeps "KOMPAS.com -"), and closing lines that are only
"Kata Kunci:", "Tag:", "Penulis:" or punctuation.

The file repeats many stories, whole or as rotations (a story cut at one of its sentences and pasted again),
and sometimes glues a repeated story body to the end of another story. So:
- a run of at least 3 lines that occurs elsewhere in the file, whose first line never follows the same line
  there (nor a line ending like it), starts a new document (the glued body is cut off the story before it);
- lines are then deduplicated: documents that open with a dateline claim their lines first, then the others,
  each in file order; a document loses the lines claimed before it, and is dropped when it loses half of its
  lines or keeps fewer than 3 lines or 200 characters.
Stories printed without any dateline or sign-off stay glued to the story before them: pick documents by hand.

Detokenisation: no space before , . ; : ! ? ) and after (; a straight double quote opens (no space after)
or closes (no space before) by the running open/closed state, reset per document, a quote that opens a
sentence always opens, one after , . ! ? followed by a small-letter word or nothing always closes, and of
two quotes in a row ('" "') the first closes and the second opens;
"29 / 11 / 2024" becomes "29/11/2024". Mojibake in the source (â for curly quotes and dashes) is kept.

The blind gold in tests/files/nlp_kota/<id>.gold.json (quote offsets into these texts) was written against
this exact output (139 documents): any change here that moves an id or a character invalidates it.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

DEFAULT_PATH = (Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
                / "kota414_quotes_extraction" / "test-data.bilou.tsv")

DASHES = {"-", "–", "--", "—"}
AGENCIES = {"ANTARA", "VIVA", "TIMESINDONESIA", "JATIMTIMES", "CNBC", "METRO", "KBRN", "BandungPos",
            "InfoPublik", "InfoSAWIT", "Waspada", "RADAR", "JABARNEWS", "BBCOM", "POSCO"}
COLON_AGENCIES = {"KBRN", "ANTARA", "Waspada"}
MAX_RUN = 7
GLUED_DASH = re.compile(r"^([A-Za-z][\w.]*)[–—]([A-Z]\w*)$")
WEB = re.compile(r"[A-Za-z0-9]\.(com|id|co|net|tv|org)\b", re.I)
CAPWORD = re.compile(r"^[A-Z][\w.'&-]*$")
ALLCAPS = re.compile(r"^[A-Z]{3,}$")
COPYRIGHT = ("Copyright", "©")
FURNITURE = re.compile(r"^(\*+|\)|\.|-|–|\||Post|Views|:|\d+)$")
MIN_LINES, MIN_CHARS = 3, 200
TRAILING_FURNITURE = re.compile(r"^(\d+ )?(Kata Kunci|Tag|Penulis|Editor|Reporter|Sumber)\s*:\s*$|^[^A-Za-z]*$")


def read_sentences(path):
    """Sentences as lists of tokens (the BILOU tags are not needed here)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            token = line.rstrip("\n").split("\t", 1)[0].strip()
            if token:
                cur.append(token)
            elif cur:
                sents.append(cur)
                cur = []
    if cur:
        sents.append(cur)
    return sents


def _dash_at(tokens, i):
    """(is a dateline dash, token holding the place just before it) for token i."""
    t = tokens[i]
    if t in DASHES or t == "|":
        return True, None
    m = GLUED_DASH.match(t)
    if m and (WEB.search(m.group(1)) or m.group(1) in AGENCIES or ALLCAPS.match(m.group(1))):
        return True, m.group(1)
    return False, None


def _anchor(t):
    return bool(WEB.search(t) or t in AGENCIES or ALLCAPS.match(t.rstrip(".")))


def _dateline_start(tokens, i):
    """Index where a dateline ending at dash/colon token i starts, or None."""
    is_dash, glued_left = _dash_at(tokens, i)
    colon = tokens[i] == ":"
    if not (is_dash or colon):
        return None
    end, tail = i, []
    if glued_left is not None:
        tail = [glued_left]  # "METRO–Tawarkan": the place is in token i itself
    elif i >= 3 and tokens[i - 1] == ")" and tokens[i - 3] == "(":
        tail = [tokens[i - 2]]  # "( outlet )" right before the dash
        end = i - 3
    j = end - 1
    while j >= 0 and end - j <= MAX_RUN - len(tail):
        t = tokens[j]
        if not (t in {",", "|"} or CAPWORD.match(t) or WEB.search(t)):
            break
        j -= 1
    span = list(range(j + 1, end))
    # groups split by "," and "|", read from the dash leftwards; a group holding a byline before its
    # outlet ("Agung S Pambudi KOMPAS.com") keeps only the outlet, and nothing left of it is kept
    groups, cur = [], []
    for k in span:
        if tokens[k] in {",", "|"}:
            groups.append(cur)
            cur = []
        else:
            cur.append(k)
    groups.append(cur)
    kept = []
    for g in reversed(groups):
        if not g:
            continue
        flags = [_anchor(tokens[k]) for k in g]
        if any(flags) and not flags[0]:
            n = 0
            while n < len(g) and flags[len(g) - 1 - n]:
                n += 1
            kept = g[len(g) - max(n, 1):] + kept
            break
        if not any(flags) and len(g) > 2:
            kept = g[-2:] + kept
            break
        kept = g + kept
    words = [tokens[k] for k in kept] + tail
    if not words:
        return None
    start = kept[0] if kept else end
    if colon:
        return start if any(w in COLON_AGENCIES for w in words) else None
    if any(_anchor(w) for w in words):
        return start
    return None


def _closing(tokens, open_, close_, k, limit=10):
    """Index of the bracket closing the one opened at k, within limit tokens, else None."""
    if k >= len(tokens) or tokens[k] != open_:
        return None
    for j in range(k + 1, min(len(tokens), k + limit + 1)):
        if tokens[j] == close_:
            return j
        if tokens[j] == open_:
            return None
    return None


def find_boundaries(sents):
    """Flatten sentences; return (tokens, sentence index per token, doc starts, dateline starts, dropped)."""
    tokens, sent_of = [], []
    for si, s in enumerate(sents):
        tokens += s
        sent_of += [si] * len(s)
    starts, datelines, drop = {0}, set(), set()
    first = {}
    for idx, si in enumerate(sent_of):
        first.setdefault(si, idx)
    cuts = []  # token indices right after a dropped sign-off or footer: a new doc starts near each
    for si, s in enumerate(sents):
        base = first[si]
        # sign-off opening the sentence
        for o, c in (("(", ")"), ("[", "]")):
            end = _closing(s, o, c, 0)
            if end is not None:
                inner = s[1:end]
                followed_by_dash = end + 1 < len(s) and s[end + 1] in DASHES
                if followed_by_dash and len(inner) == 1 and WEB.search(inner[0]):
                    break  # "( Balpos.com ) -" is a dateline, found below
                drop.update(range(base, base + end + 1))
                cuts.append(base + end + 1)
        # sign-off closing the sentence: "... AR. ( N-2 )"
        if len(s) >= 4 and s[-1] == ")":
            o = max(k for k, t in enumerate(s) if t == "(") if "(" in s else None
            if o is not None and o > 0 and len(s) - o - 2 <= 4 and re.search(r"[.!?\"]$", s[o - 1]):
                drop.update(range(base + o, base + len(s)))
                cuts.append(base + len(s))
        # agency footer
        for k in range(len(s) - 3):
            if (s[k], s[k + 1]) == COPYRIGHT and re.match(r"^\d{4}$", s[k + 3]):
                a = k
                for b in range(max(0, k - 20), k):
                    if s[b] == "Pewarta" and s[b + 1] == ":":
                        a = b
                        break
                drop.update(range(base + a, base + k + 4))
                cuts.append(base + k + 4)
        # datelines
        for k in range(1, len(s)):
            st = _dateline_start(s, k)
            if st is not None:
                starts.add(base + st)
                datelines.add(base + st)
    for cut in cuts:
        if cut >= len(tokens):
            continue
        later = [st for st in starts if cut <= st <= cut + 8]
        if later:
            drop.update(range(cut, min(later)))
        else:
            k = cut
            while k < len(tokens) and FURNITURE.match(tokens[k]) and k < cut + 8:
                drop.add(k)
                k += 1
            starts.add(k)
    return tokens, sent_of, sorted(starts), datelines, drop


def detokenize(tokens, state):
    """Join one line's tokens; state = [quote open?] carried through a document."""
    out = []
    glue_next = False
    for k, t in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        space = bool(out) and not glue_next
        glue_next = False
        if t == '"':
            if nxt == '"':
                opening = False  # '" "' inside a quote: one quote ends, the next begins
            elif prev == '"' or k == 0:
                opening = True
            elif prev and prev[-1] in ",.!?" and (nxt is None or nxt[:1].islower()):
                opening = False
            else:
                opening = not state[0]
            state[0] = opening
            if opening:
                glue_next = True
            else:
                space = False
        else:
            if t.count('"') % 2:
                state[0] = not state[0]
            if t in {",", ".", ";", ":", "!", "?", ")"} or t == "”":
                space = False
            if t in {"(", "“"}:
                glue_next = True
            if t == "/" and prev and nxt and prev.isdigit() and nxt.isdigit():
                space, glue_next = False, True
        out.append((" " if space else "") + t)
    return "".join(out)


def _key(line):
    return " ".join(line.lower().split())


def load_docs(path=DEFAULT_PATH):
    """Documents rebuilt from the KoTA-414 token file: [{"id", "title", "text"}, ...]."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no KoTA-414 token file at {path}")
    sents = read_sentences(path)
    tokens, sent_of, starts, datelines, drop = find_boundaries(sents)
    bounds = starts + [len(tokens)]
    # documents as lists of lines (token lists), a line = the doc's part of one sentence
    raw = []
    for a, b in zip(bounds, bounds[1:]):
        lines, cur, cur_sent = [], [], None
        for i in range(a, b):
            if i in drop:
                continue
            if sent_of[i] != cur_sent and cur:
                lines.append(cur)
                cur = []
            cur_sent = sent_of[i]
            cur.append(tokens[i])
        if cur:
            lines.append(cur)
        if lines:
            raw.append({"dateline": a in datelines, "lines": lines})
    raw = _split_glued_copies(raw)
    return _dedup(raw)


def _split_glued_copies(raw):
    """Cut a doc where a run of >= 3 lines starts that occurs elsewhere after a different line."""
    keys = [[_key(" ".join(line)) for line in d["lines"]] for d in raw]
    where = {}
    for di, ks in enumerate(keys):
        for li, k in enumerate(ks):
            where.setdefault(k, []).append((di, li))

    def pred(di, li):
        return keys[di][li - 1] if li else None

    def same(a, b):
        # a line glued to site furniture ("Bacaan Lainnya ... X") still counts as X
        return a is not None and b is not None and (a.endswith(b) or b.endswith(a))

    def dup(di, li):
        return li < len(keys[di]) and len(where[keys[di][li]]) > 1

    out = []
    for di, d in enumerate(raw):
        cut_at = [0]
        for li in range(1, len(keys[di])):
            if not all(dup(di, li + r) for r in range(3)):
                continue
            others = [(dj, lj) for dj, lj in where[keys[di][li]] if (dj, lj) != (di, li)]
            if not any(same(pred(dj, lj), pred(di, li)) for dj, lj in others):
                cut_at.append(li)
        cut_at.append(len(d["lines"]))
        for n, (a, b) in enumerate(zip(cut_at, cut_at[1:])):
            if a < b:
                out.append({"dateline": d["dateline"] and n == 0, "lines": d["lines"][a:b]})
    return out


def _dedup(raw):
    order = sorted(range(len(raw)), key=lambda i: (not raw[i]["dateline"], i))
    claimed, kept = set(), {}
    for i in order:
        lines = raw[i]["lines"]
        fresh = []
        for line in lines:
            k = _key(" ".join(line))
            if k not in claimed:
                claimed.add(k)
                fresh.append(line)
        if 2 * len(fresh) <= len(lines):
            continue
        state = [False]
        out = [detokenize(line, state) for line in fresh]
        while out and TRAILING_FURNITURE.match(out[-1].strip("\u200b\ufeff \t")):
            out.pop()
        text = "\n".join(out)
        if len(fresh) < MIN_LINES or len(text) < MIN_CHARS:
            continue
        kept[i] = text
    return [{"id": f"kota-{n:03d}", "title": "", "text": kept[i]}
            for n, i in enumerate(sorted(kept), start=1)]


def main(argv):
    try:
        docs = load_docs()
    except FileNotFoundError as exc:
        sys.exit(f"error: {exc}")
    if len(argv) > 1:
        by_id = {d["id"]: d for d in docs}
        if argv[1] not in by_id:
            sys.exit(f"error: no document {argv[1]!r} (kota-001 .. kota-{len(docs):03d})")
        print(by_id[argv[1]]["text"])
    else:
        print(len(docs))


if __name__ == "__main__":
    main(sys.argv)
