"""Issue 5's bars on real 2025 articles annotated by hand (tests/files/nlp_real).

The gold files hold facts only (people, parties, links, statement offsets); the article text is read
from ../shared/data, so these tests skip in a clone without it."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from monitor.nlp import build_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
NEWS = SHARED / "political_news" / "zainoor_2025_political_subset.jsonl"
GOLD = Path(__file__).parent / "files" / "nlp_real"
BARS = {"people": 0.90, "parties": 0.97, "quote_speakers": 0.85, "candidate_links": 0.90}

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="../shared/data political news absent")


@pytest.fixture(scope="module")
def evaluate():
    spec = importlib.util.spec_from_file_location("nlp_eval", Path(__file__).resolve().parents[1] / "bench" / "nlp_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    nlp = build_nlp()
    return lambda split: mod.eval_real(GOLD, nlp, False, SHARED, split=split)


@pytest.mark.parametrize("kind", sorted(BARS))
def test_dev_articles_meet_the_bar(evaluate, kind):
    res = evaluate("dev")
    assert res["articles"] >= 10
    assert res[kind][2] >= BARS[kind], (kind, res[kind])


def test_gold_files_hold_facts_not_text():
    # The articles are not the project's: a gold file names its article and holds no text from it.
    rows = NEWS.read_text(encoding="utf-8").splitlines()
    for gf in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        row = json.loads(rows[gold["line"] - 1])
        assert row["url"] == gold["url"], gf.name
        assert set(gold) <= {"source", "line", "source_file", "url", "split", "region", "people", "parties",
                             "quotes", "candidates"}, gf.name
        assert all(set(q) == {"at", "speaker", "direct"} for q in gold["quotes"]), gf.name
        assert all(0 <= q["at"] < len(row["text"]) for q in gold["quotes"]), gf.name


KOTA = SHARED / "ner" / "kota414_quotes_extraction" / "test-data.bilou.tsv"
KOTA_GOLD = Path(__file__).parent / "files" / "nlp_kota"


@pytest.fixture(scope="module")
def kota_docs():
    if not KOTA.exists():
        pytest.skip("../shared/data KoTA-414 absent")
    spec = importlib.util.spec_from_file_location("kota414_docs", Path(__file__).resolve().parents[1] / "bench" / "kota414_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {d["id"]: d for d in mod.load_docs(KOTA)}


def test_regional_gold_holds_facts_and_its_offsets_hold(kota_docs):
    # The gold offsets were written against the rebuilt stories: the rebuild must not move a character.
    for gf in sorted(KOTA_GOLD.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        assert set(gold) == {"source", "doc", "split", "people", "parties", "quotes", "candidates"}, gf.name
        text = kota_docs[gold["doc"]]["text"]
        assert all(set(q) == {"at", "speaker", "direct"} for q in gold["quotes"]), gf.name
        assert all(0 <= q["at"] < len(text) and not text[q["at"]].isspace() for q in gold["quotes"]), gf.name
        assert all(any(w in text.replace("\xad", "") for w in name.split()) for name in gold["people"]), gf.name


def test_regional_first_split_meets_the_people_and_party_bars(evaluate):
    # Scored blind once (people 0.80); its errors were then read, so it is held here as a regression bar.
    spec = importlib.util.spec_from_file_location("nlp_eval", Path(__file__).resolve().parents[1] / "bench" / "nlp_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not KOTA.exists():
        pytest.skip("../shared/data KoTA-414 absent")
    res = mod.eval_real(KOTA_GOLD, build_nlp(), False, SHARED, split="kota")
    assert res["people"][2] >= BARS["people"] and res["parties"][2] >= BARS["parties"]
    assert res["candidate_links"][2] >= BARS["candidate_links"]


@pytest.mark.parametrize("kind", sorted(BARS))
def test_all_national_articles_pooled_meet_the_bar(evaluate, kind):
    # Every split, blind or not any more, pooled: a regression bar over 100+ real articles.
    res = evaluate(None)
    assert res["articles"] >= 100
    assert res[kind][2] >= BARS[kind], (kind, res[kind])


PAGES = SHARED / "pages" / "anpandu" / "expected_from_upstream_tests.json"
PAGES_GOLD = Path(__file__).parent / "files" / "nlp_pages"


def test_outlet_pages_gold_holds_facts_and_its_offsets_hold():
    # Pages of ten national outlets (2015-2017): the gold names its page and points into the body text recorded there.
    if not PAGES.exists():
        pytest.skip("../shared/data pages absent")
    pages = json.loads(PAGES.read_text(encoding="utf-8"))
    golds = sorted(PAGES_GOLD.glob("*.gold.json"))
    assert len(golds) >= 20
    for gf in golds:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        assert set(gold) == {"source", "page", "split", "people", "parties", "quotes", "candidates"}, gf.name
        text = pages[gold["page"]]["content"]
        assert all(set(q) == {"at", "speaker", "direct"} for q in gold["quotes"]), gf.name
        assert all(0 <= q["at"] < len(text) and not text[q["at"]].isspace() for q in gold["quotes"]), gf.name
