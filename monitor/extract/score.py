"""Scoring extraction against approximate gold, shared by the tests and bench/extract.py.

Body similarity is the Zyte article-extraction-benchmark measure: F1 over bags of lowercase word tokens.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")
RELATED_LEAK = re.compile(r"\b(?:baca|lihat|simak)\s+juga\b", re.I)
_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def token_f1(predicted: str | None, expected: str | None) -> float:
    pred, gold = tokens(predicted), tokens(expected)
    if not pred and not gold:
        return 1.0
    common = sum((pred & gold).values())
    if not common:
        return 0.0
    precision = common / sum(pred.values())
    recall = common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def related_leaks(text: str | None) -> int:
    return len(RELATED_LEAK.findall(text or ""))


def jakarta_day(value) -> str | None:
    """ISO string, aware datetime or epoch milliseconds -> Asia/Jakarta calendar day (YYYY-MM-DD)."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.isdigit()):
        value = datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    elif isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=JAKARTA)
    return value.astimezone(JAKARTA).date().isoformat()


def same_title(predicted: str | None, expected: str | None) -> bool:
    return " ".join((predicted or "").split()) == " ".join((expected or "").split())


def shared_pages(root: Path) -> list[tuple[Path, dict]]:
    """(page path, expected record) for every page under ``root`` listed in expected_from_upstream_tests.json."""
    expected = json.loads((root / "expected_from_upstream_tests.json").read_text(encoding="utf-8"))
    return [(root / name, record) for name, record in sorted(expected.items()) if (root / name).exists()]


def is_article_record(record: dict) -> bool:
    return "content" in record
