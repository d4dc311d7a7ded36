"""Evaluate monitor.nlp: gold articles, idner-news-2k NER, throughput.

    python bench/nlp_eval.py [--gold tests/files/nlp] [--shared ../shared/data] [--verbose]

1. Gold articles (tests/files/nlp/<name>.txt + <name>.gold.json, written and annotated by
   the team): precision / recall / F1 for people, parties, quote speakers, candidate links; the same
   for tests/files/nlp_written (articles written blind by helpers in the style of small regional
   outlets, in rounds of 10-12), round by round and pooled.
1b. Real articles (tests/files/nlp_real/*.gold.json: hand-made facts about articles of
   ../shared/data/political_news, text read from there; dev and held-out splits reported apart) and
   regional news (tests/files/nlp_kota/*.gold.json: stories of the KoTA-414 corpus rebuilt by
   bench/kota414_docs.py) and pages of ten national outlets from 2015-2017 (tests/files/nlp_pages/*.gold.json:
   title and body text as ../shared/data/pages/anpandu records them), each split on its own and all pooled.
2. idner-news-2k test split (skipped when ../shared is absent): person and organisation F1,
   exact entity spans, per sentence and with the split read as running text (as articles are); the
   same on the NERGrit test split (Wikipedia-style sentences, many foreign names: out of domain).
3. Throughput of the full analysis on one core over ../shared/data/political_news,
   next to the bare spaCy tokenizer as the named peer.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from monitor.nlp import analyze, build_nlp  # noqa: E402
from monitor.nlp.names import compatible, name_key  # noqa: E402


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def same_person(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    return ka == kb or (len(ka) >= 2 and len(kb) >= 2 and (compatible(ka, kb) or compatible(kb, ka)))


def match_people(pred: list[str], gold: list[str]) -> int:
    used = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same_person(p, g):
                used.add(i)
                tp += 1
                break
    return tp


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def quote_match(pred_text: str, gold_text: str) -> bool:
    """A gold quote is given by its opening words; a prediction matches when they agree."""
    g = _words(gold_text)[:6]
    p = _words(pred_text)
    if not g or not p:
        return False
    n = len(g)
    return any(p[i:i + n] == g for i in range(0, max(1, len(p) - n + 1))) or p[:n] == g[:len(p[:n])] and len(p) >= 3


def eval_gold(gold_dir: Path, nlp, verbose: bool, shared: Path | None = None, prefixes: tuple = ("",)) -> dict:
    """Gold files are <name>.gold.json beside <name>.txt; a gold file with a "source" holds only the
    facts of an article kept in ../shared/data (the seed) and is skipped when that is absent. `prefixes`
    picks files by the start of their names (a round of the written set)."""
    totals = {k: [0, 0, 0] for k in ("people", "parties", "quote_speakers", "candidate_links")}
    files = []
    for gf in sorted(gold_dir.glob("*.gold.json")):
        if not gf.name.startswith(tuple(prefixes)):
            continue
        gold = json.loads(gf.read_text(encoding="utf-8"))
        if gold.get("source"):
            src = (shared or DEFAULT_SHARED) / gold["source"]
            if not src.exists():
                continue
        else:
            src = gf.with_name(gf.name.replace(".gold.json", ".txt"))
        files.append(gf)
        title, _, body = src.read_text(encoding="utf-8").partition("\n")
        r = analyze(title, body, region=gold.get("region"), nlp=nlp)
        if "speaker_counts" in gold:
            # Speakers only (no quote text kept): matched as a multiset of speakers.
            want = dict(gold["speaker_counts"])
            tpq = 0
            for q in r["quotes"]:
                for name, n in want.items():
                    if n and same_person(q["speaker"], name):
                        want[name] -= 1
                        tpq += 1
                        break
            _add(totals["quote_speakers"], tpq, len(r["quotes"]), sum(gold["speaker_counts"].values()))
            gq = None
        else:
            # A predicted quote counts when it is a gold quote with the same speaker.
            gq = gold.get("quotes", [])
        used, tpq = set(), 0
        for q in (r["quotes"] if gq is not None else []):
            for j, g in enumerate(gq):
                if j not in used and quote_match(q["text"], g["text"]):
                    used.add(j)
                    if same_person(q["speaker"], g["speaker"]):
                        tpq += 1
                    elif verbose:
                        print(f"  {gf.stem}: speaker {q['speaker']!r} != {g['speaker']!r}: {g['text'][:50]}")
                    break
            else:
                if verbose:
                    print(f"  {gf.stem}: extra quote ({q['speaker']}): {q['text'][:70]}")
        if gq is not None:
            if verbose:
                for j, g in enumerate(gq):
                    if j not in used:
                        print(f"  {gf.stem}: missed quote ({g['speaker']}): {g['text'][:60]}")
            _add(totals["quote_speakers"], tpq, len(r["quotes"]), len(gq))
        _score_entities(totals, r, gold, gf.stem, verbose)
    return {"articles": len(files), **{k: prf(*v) for k, v in totals.items()}}


def eval_real(gold_dir: Path, nlp, verbose: bool, shared: Path | None = None, split: str | None = None) -> dict | None:
    """Real articles kept in ../shared/data, annotated by hand (tests/files/nlp_real/*.gold.json).

    A gold file holds facts only: people, party ids, candidate links, and one entry per statement
    with its character offset in the article text (`at`), speaker (null for an organisation or an
    unnamed source) and whether it is direct. A predicted statement matches the gold statement whose
    offset falls inside its span; it counts when the speakers agree. Returns None without ../shared."""
    src_root = shared or DEFAULT_SHARED
    rows_by_source: dict[str, list] = {}
    totals = {k: [0, 0, 0] for k in ("people", "parties", "quote_speakers", "candidate_links")}
    n = 0
    for gf in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        if split and gold.get("split") != split:
            continue
        path = src_root / gold["source"]
        if not path.exists():
            return None
        if "page" in gold:
            # Real pages of national outlets (2015-2017) with their upstream title and body text.
            if gold["source"] not in rows_by_source:
                rows_by_source[gold["source"]] = json.loads(path.read_text(encoding="utf-8"))
            page = rows_by_source[gold["source"]][gold["page"]]
            row = {"title": page["title"], "text": page["content"]}
        elif "doc" in gold:
            # KoTA-414 regional news, rebuilt into articles by bench/kota414_docs.py.
            if gold["source"] not in rows_by_source:
                from kota414_docs import load_docs

                rows_by_source[gold["source"]] = {d["id"]: d for d in load_docs(path)}
            row = rows_by_source[gold["source"]][gold["doc"]]
        else:
            if gold["source"] not in rows_by_source:
                rows_by_source[gold["source"]] = path.read_text(encoding="utf-8").splitlines()
            row = json.loads(rows_by_source[gold["source"]][gold["line"] - 1])
            if row.get("url") != gold.get("url"):
                raise SystemExit(f"{gf.name}: line {gold['line']} of {gold['source']} is another article")
        n += 1
        text = row["text"]
        if "doc" in gold:
            # One sentence per line is the corpus's sentence splitter, not the outlet's paragraphs: read the
            # story as one running text, as scraped articles come (same length, so the offsets hold).
            text = text.replace("\n", " ")
        r = analyze(row["title"], text, region=gold.get("region"), nlp=nlp)
        used, tpq = set(), 0
        for q in r["quotes"]:
            hit = None
            for j, g in enumerate(gold["quotes"]):
                if j not in used and q["start"] - 2 <= g["at"] < q["end"]:
                    hit = j
                    break
            if hit is None:
                if verbose:
                    print(f"  {gf.stem[:11]}: extra statement ({q['speaker']}): {q['text'][:70]!r}")
                continue
            used.add(hit)
            g = gold["quotes"][hit]
            if same_person(q["speaker"], g["speaker"]):
                tpq += 1
            elif verbose:
                print(f"  {gf.stem[:11]}: speaker {q['speaker']!r} != {g['speaker']!r}: {q['text'][:60]!r}")
        if verbose:
            for j, g in enumerate(gold["quotes"]):
                if j not in used:
                    print(f"  {gf.stem[:11]}: missed statement ({g['speaker']}, {'direct' if g['direct'] else 'indirect'}): "
                          f"{text[g['at']:g['at'] + 60]!r}")
        _add(totals["quote_speakers"], tpq, len(r["quotes"]), len(gold["quotes"]))
        _score_entities(totals, r, gold, gf.stem[:11], verbose)
    return {"articles": n, **{k: prf(*v) for k, v in totals.items()}}


def _score_entities(totals, r, gold, label, verbose):
    """People, parties and candidate links of one analysed article against its gold; with `verbose`,
    a line of what differs."""
    pred_people = [p["name"] for p in r["people"]]
    _add(totals["people"], match_people(pred_people, gold["people"]), len(pred_people), len(gold["people"]))
    pp, gp = {p["id"] for p in r["parties"]}, set(gold["parties"])
    _add(totals["parties"], len(pp & gp), len(pp), len(gp))
    pc = {(p["candidate"]["id_paslon"], p["candidate"]["position"]) for p in r["people"] if p["candidate"]}
    gc = {(c["id_paslon"], c["position"]) for c in gold.get("candidates", [])}
    _add(totals["candidate_links"], len(pc & gc), len(pc), len(gc))
    if verbose:
        missing = [g for g in gold["people"] if not any(same_person(p, g) for p in pred_people)]
        extra = [p for p in pred_people if not any(same_person(p, g) for g in gold["people"])]
        if missing or extra or pp != gp or pc != gc:
            print(f"  {label}: people missing {missing} extra {extra}; parties {sorted(pp ^ gp)}; "
                  f"links missing {sorted(gc - pc)} extra {sorted(pc - gc)}")


def _add(acc, tp, n_pred, n_gold):
    acc[0] += tp
    acc[1] += n_pred
    acc[2] += n_gold


# -- idner-news-2k -----------------------------------------------------------------
# NERGrit spells its kinds out; idner-news-2k's short names are what the scoring asks for.
_KINDS = {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
            continue
        tag = parts[-1]
        if "-" in tag:
            bio, kind = tag.split("-", 1)
            tag = f"{bio}-{_KINDS.get(kind, kind)}"
        cur.append((parts[0], tag))
    if cur:
        sents.append(cur)
    return sents


def entities(tags: list[str], kind: str) -> set[tuple[int, int]]:
    out, start = set(), None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and t != f"I-{kind}":
            out.add((start, i))
            start = None
        if t == f"B-{kind}" or (t == f"I-{kind}" and start is None):
            start = i
    return out


def _detok(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, offs = "", []
    for k, tok in enumerate(tokens):
        if k and not (tok in {",", ".", ")", ":", ";", "?", "!"} or tokens[k - 1] in {"(",}):
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offs


def _to_tokens(spans, offs) -> set[tuple[int, int]]:
    out = set()
    for s, e in spans:
        toks = [i for i, (a, b) in enumerate(offs) if a < e and b > s]
        if toks:
            out.add((toks[0], toks[-1] + 1))
    return out


def org_spans(text: str, analysis: dict) -> list[tuple[int, int]]:
    """Organisations for the NER comparison: party mentions plus capitalised runs headed by an org word."""
    from monitor.nlp.vocab import ORG_WORDS

    spans = [(m["start"], m["end"]) for m in analysis["mentions"] if m["kind"] == "party" and not m["in_title"]]
    for m in re.finditer(r"\b[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|dan|&))*", text):
        words = m.group().split()
        if words[0].lower() in ORG_WORDS or (len(words) == 1 and words[0].isupper() and len(words[0]) >= 2):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return spans


def eval_idner(path: Path, nlp) -> dict:
    sents = read_conll(path)
    results = {}
    for mode in ("sentence", "running"):
        tp = {"PER": 0, "ORG": 0}
        npred = {"PER": 0, "ORG": 0}
        ngold = {"PER": 0, "ORG": 0}
        groups = [[s] for s in sents] if mode == "sentence" else [sents[i:i + 25] for i in range(0, len(sents), 25)]
        for group in groups:
            texts = []
            base = 0
            all_offs = []
            for s in group:
                t, offs = _detok([w for w, _ in s])
                all_offs.append([(a + base, b + base) for a, b in offs])
                texts.append(t)
                base += len(t) + 1
            text = "\n".join(texts)
            r = analyze("", text, nlp=nlp)
            per = [(m["start"], m["end"]) for m in r["mentions"] if m["kind"] == "person" and not m["in_title"]]
            org = org_spans(text, r)
            for s, offs in zip(group, all_offs):
                tags = [t for _, t in s]
                lo, hi = offs[0][0], offs[-1][1]
                for kind, spans in (("PER", per), ("ORG", org)):
                    gold = entities(tags, kind)
                    pred = _to_tokens([(a - 0, b) for a, b in spans if lo <= a < hi], offs)
                    tp[kind] += len(gold & pred)
                    npred[kind] += len(pred)
                    ngold[kind] += len(gold)
        results[mode] = {k: prf(tp[k], npred[k], ngold[k]) for k in tp}
    return results


# -- throughput -------------------------------------------------------------------------
def throughput(path: Path, nlp) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len((r.get("title") or "").split()) + len((r.get("text") or "").split()) for r in rows)
    for r in rows[:5]:
        analyze(r.get("title") or "", r.get("text") or "", nlp=nlp)  # warm caches
    t0 = time.process_time()
    for r in rows:
        analyze(r.get("title") or "", r.get("text") or "", nlp=nlp)
    full = time.process_time() - t0
    t0 = time.process_time()
    for r in rows:
        nlp.make_doc(r.get("text") or "")
    tok = time.process_time() - t0
    return {"articles": len(rows), "words": words, "seconds": full, "articles_per_s": len(rows) / full,
            "words_per_s": words / full, "tokenizer_only_s": tok}


def _table(heading: str, g: dict) -> None:
    print(heading.format(n=g["articles"]))
    print(f"  {'kind':<16} {'P':>6} {'R':>6} {'F1':>6}")
    for k in ("people", "parties", "quote_speakers", "candidate_links"):
        p, r, f = g[k]
        print(f"  {k:<16} {p:6.3f} {r:6.3f} {f:6.3f}")


def _splits(folder: Path) -> list[str]:
    """The splits of a gold folder in the order they were made: dev, heldout, heldout2, ... / kota, kota2, ..."""
    names = {json.loads(f.read_text(encoding="utf-8")).get("split", "") for f in folder.glob("*.gold.json")}

    def order(name):
        m = re.match(r"(.*?)(\d*)$", name)
        return (name != "dev", m.group(1), int(m.group(2) or 1))
    return sorted(names, key=order)


WRITTEN_ROUNDS = [("round 1", ("wa-", "wb-")), ("round 2", ("wc-", "wd-")), ("round 3", ("we-", "wf-")), ("round 4", ("wg-", "wh-")),
                  ("round 5", ("wi-", "wj-")), ("round 6", ("wk-", "wl-")), ("round 7", ("wm-", "wn-")),
                  ("round 8", ("wo-", "wp-")), ("round 9", ("wq-", "wr-")), ("round 10", ("ws-", "wt-")),
                  ("round 11", ("wu-", "wv-")), ("round 12", ("ww-", "wx-", "wy-", "wz-")),
                  ("round 13", ("xa-", "xb-", "xc-", "xd-")), ("round 14", ("xe-", "xf-", "xg-", "xh-")),
                  ("round 15", ("xi-", "xj-", "xk-", "xl-")),
                  ("pooled", ("w", "x"))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate monitor.nlp")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "files" / "nlp")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--skip-idner", action="store_true")
    args = ap.parse_args(argv)
    nlp = build_nlp()

    _table(f"Gold articles: {{n}} in {args.gold}", eval_gold(args.gold, nlp, args.verbose, args.shared))
    # Articles helpers wrote blind in the style of small regional outlets, each round scored once before its
    # errors were read (monitor/nlp/README.md lists those first scores); since then a regression set.
    written = ROOT / "tests" / "files" / "nlp_written"
    for label, prefixes in WRITTEN_ROUNDS:
        if args.verbose:
            print(f"Written, {label}:")
        g = eval_gold(written, nlp, args.verbose, args.shared, prefixes)
        if g["articles"]:
            _table(f"Written regional articles, {label}: {{n}} in {written.relative_to(ROOT)}", g)

    real_dir = ROOT / "tests" / "files" / "nlp_real"
    kota_dir = ROOT / "tests" / "files" / "nlp_kota"
    pages_dir = ROOT / "tests" / "files" / "nlp_pages"
    for folder, label in ((real_dir, "Real articles"), (kota_dir, "Regional news (KoTA-414, 2024)"),
                          (pages_dir, "National outlets' pages (2015-2017)")):
        for split in _splits(folder):
            if args.verbose:
                print(f"{label}, {split}:")
            g = eval_real(folder, nlp, args.verbose, args.shared, split=split)
            if g is None:
                print(f"{label} ({split}): skipped (../shared/data absent)")
                break
            _table(f"{label}, {split}: {{n}} hand-annotated in {folder.relative_to(ROOT)}", g)
    for label, folder in (("national 2025", real_dir), ("regional 2024", kota_dir), ("outlet pages 2015-2017", pages_dir)):
        if not any(folder.glob("*.gold.json")):
            continue
        g = eval_real(folder, nlp, False, args.shared, split=None)
        if g is not None:
            _table(f"All real articles, {label}, pooled: {{n}} in {folder.relative_to(ROOT)}", g)

    # NERGrit is Wikipedia-style prose full of foreign artists and bare surnames: a harder, out-of-domain
    # check of people found without the roles and speech verbs news puts around them.
    for label, path in (("idner-news-2k test", args.shared / "ner" / "idner_news_2k" / "test.txt"),
                        ("NERGrit test (IndoNLU; Wikipedia-style sentences)",
                         args.shared / "ner" / "indonlu_nergrit" / "test_preprocess.txt")):
        if path.exists() and not args.skip_idner:
            res = eval_idner(path, nlp)
            print(f"{label} (exact entity spans):")
            for mode, by in res.items():
                for kind, (p, r, f) in by.items():
                    print(f"  {mode:<9} {kind}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        else:
            print(f"{label}: skipped (../shared/data absent)")

    news = args.shared / "political_news" / "zainoor_2025_political_subset.jsonl"
    if news.exists():
        t = throughput(news, nlp)
        print(f"Throughput, one core, {t['articles']} articles / {t['words']} words: "
              f"{t['articles_per_s']:.0f} articles/s, {t['words_per_s']:.0f} words/s "
              f"(full analysis {t['seconds']:.2f}s; spaCy tokenizer alone {t['tokenizer_only_s']:.2f}s, "
              f"so the monitor_* components cost {t['seconds'] / max(t['tokenizer_only_s'], 1e-9):.1f}x the tokenizer)")
    else:
        print("Throughput: skipped (../shared/data absent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
