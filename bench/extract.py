"""Article extraction benchmark: our extractor beside trafilatura, readability-lxml and goose3 on real pages.

    .venv/bin/python bench/extract.py [PAGES_DIR] [--only ours] [--repeat 3] [--details]

Pages default to ../shared/data/pages/anpandu (expected JSON from another extractor: approximate gold).
Per extractor: mean body token F1, title exact matches, publication day right (Asia/Jakarta),
bodies with related-link lines, median in-process ms/page (best of --repeat runs per page).
Our body is dateline + text: the peers keep the dateline in their body, and so does the gold.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.extract import NotAnArticle, extract_article  # noqa: E402
from monitor.extract.score import (  # noqa: E402
    is_article_record, jakarta_day, related_leaks, same_title, shared_pages, token_f1,
)

DEFAULT_PAGES = ROOT.parent / "shared" / "data" / "pages" / "anpandu"


def ours(html, url):
    try:
        a = extract_article(html, url)
    except NotAnArticle:
        return {"text": "", "title": None, "date": None}
    body = f"{a.dateline} {a.text}" if a.dateline else a.text
    return {"text": body, "title": a.title, "date": a.published, "text_only": a.text}


def trafilatura_peer(html, url):
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=False)
    if doc is None:
        return {"text": "", "title": None, "date": None}
    return {"text": doc.text or "", "title": doc.title, "date": doc.date}


def readability_peer(html, url):
    import lxml.html
    from readability import Document

    d = Document(html, url=url)
    summary = d.summary(html_partial=True)
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return {"text": text, "title": d.short_title(), "date": None}


_GOOSE = None


def goose_peer(html, url):
    global _GOOSE
    from goose3 import Goose

    if _GOOSE is None:
        _GOOSE = Goose({"target_language": "id", "use_meta_language": False, "enable_image_fetching": False})
    a = _GOOSE.extract(raw_html=html, url=url)
    date = a.publish_datetime_utc.isoformat() if getattr(a, "publish_datetime_utc", None) else None
    return {"text": a.cleaned_text or "", "title": a.title, "date": date}


PEERS = {"ours": ours, "trafilatura": trafilatura_peer, "readability": readability_peer, "goose3": goose_peer}


def run(pages, name, fn, repeat):
    rows = []
    for path, record in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        fn(html, record.get("url"))  # warm caches the first call would otherwise charge to the page
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = fn(html, record.get("url"))
            times.append((time.perf_counter() - t0) * 1000)
        gold_day = jakarta_day(record.get("date"))
        try:
            day = jakarta_day(out.get("date"))
        except ValueError:
            day = None
        rows.append({
            "page": str(path.relative_to(path.parents[1])),
            "f1": token_f1(out["text"], record["content"]),
            "f1_text": token_f1(out.get("text_only", out["text"]), record["content"]),
            "title": same_title(out["title"], record.get("title")),
            "date": day is not None and day == gold_day,
            "leaks": related_leaks(out["text"]),
            "ms": min(times),
            "got_title": out["title"],
        })
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--only", action="append", choices=sorted(PEERS), help="run only these extractors")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--details", action="store_true", help="per-page rows for each extractor")
    args = ap.parse_args(argv)
    if not (args.pages / "expected_from_upstream_tests.json").exists():
        sys.exit(f"no expected_from_upstream_tests.json under {args.pages}")
    pages = [(p, r) for p, r in shared_pages(args.pages) if is_article_record(r)]
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    results = {}
    for name in args.only or list(PEERS):
        results[name] = run(pages, name, PEERS[name], args.repeat)
        if args.details:
            for r in results[name]:
                print(f"{name:12} {r['page']:42} f1={r['f1']:.3f} title={'Y' if r['title'] else 'n'} "
                      f"date={'Y' if r['date'] else 'n'} leaks={r['leaks']} {r['ms']:.1f}ms  {r['got_title']!r}")
    n = len(pages)
    from importlib.metadata import PackageNotFoundError, version

    def _v(name):
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"

    print(f"\n{n} article pages from {args.pages}; best of {args.repeat} runs per page, 1 process")
    print("versions: " + ", ".join(f"{p} {_v(p)}" for p in ("trafilatura", "readability-lxml", "goose3", "lxml")))
    print("body F1: ours = dateline + text (the gold keeps the dateline); F1 text: ours without the dateline")
    print(f"{'extractor':12} {'body F1':>8} {'F1 text':>8} {'title':>7} {'date':>7} {'leaks':>6} {'ms/page':>8}")
    base_ms = statistics.median(r["ms"] for r in results["trafilatura"]) if "trafilatura" in results else None
    for name, rows in results.items():
        f1 = statistics.mean(r["f1"] for r in rows)
        f1t = statistics.mean(r["f1_text"] for r in rows)
        ms = statistics.median(r["ms"] for r in rows)
        ratio = f"  ({ms / base_ms:.2f}x trafilatura)" if base_ms else ""
        print(f"{name:12} {f1:8.3f} {f1t:8.3f} {sum(r['title'] for r in rows):3}/{n:<3} "
              f"{sum(r['date'] for r in rows):3}/{n:<3} {sum(1 for r in rows if r['leaks']):6} {ms:8.1f}{ratio}")


if __name__ == "__main__":
    main()
