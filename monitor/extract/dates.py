"""Indonesian (and English) news dates -> timezone-aware datetimes.

Pages give dates as ISO strings in metadata, or as prose such as ``Selasa (25/6/2024)``,
``Senin, 02 Jul 2025 14:24 WIB`` or ``2 jam lalu``. dateparser does the language work; this
module only decides which timezone a naive local time belongs to and trims page noise
(weekday names in parentheses, ``|`` separators) that confuses it.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone as dt_timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

import dateparser

from monitor.outlets import TIMEZONES

_ZONE_RE = re.compile(r"\b(WIB|WITA|WIT)\b", re.I)
_UTC_RE = re.compile(r"\b(?:UTC|GMT)\s*([+-]\d{1,2})(?::?(\d{2}))?\b", re.I)
_NOISE_RE = re.compile(r"[|•·]|\bpukul\b|\bjam\b(?!\s+(?:yang\s+)?lalu)|\bdiperbarui\b|\bupdated?\b|\bdipublikasikan\b|\bpublished\b|\bditerbitkan\b", re.I)
# ``Selasa (25/6/2024)``: the parenthesised numeric date is the date; the weekday around it is noise.
_PAREN_DATE_RE = re.compile(r"\((\d{1,2}/\d{1,2}(?:/\d{2,4})?)\)")
_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"\b(?:kemarin|hari ini|sekarang|barusan|yesterday|today|now)\b", re.I)
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def zone(name: str | tzinfo | None) -> tzinfo:
    """``"WIB"``/``"WITA"``/``"WIT"``, an IANA name or a tzinfo -> tzinfo (WIB when None)."""
    if name is None:
        return dt_timezone(timedelta(hours=7))
    if isinstance(name, tzinfo):
        return name
    hours = TIMEZONES.get(name.upper())
    if hours is not None:
        return dt_timezone(timedelta(hours=hours))
    return ZoneInfo(name)


def _fast_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_cached(text: str, tzname: str, now_iso: str) -> datetime | None:
    return _parse(text, zone(tzname), datetime.fromisoformat(now_iso))


def _parse(text: str, tz: tzinfo, now: datetime) -> datetime | None:
    text = " ".join(text.split())
    if not text or len(text) > 120 or not (_DIGIT.search(text) or _DAY_WORD.search(text)):
        # A bare weekday (``Rabu``) would become "last Wednesday": guessing, not reading.
        return None
    iso = _fast_iso(text)
    if iso is not None:
        return iso if iso.tzinfo else iso.replace(tzinfo=tz)
    m = _ZONE_RE.search(text)
    if m:
        tz = zone(m.group(1).upper())
        text = _ZONE_RE.sub(" ", text)
    m = _UTC_RE.search(text)
    if m:
        hours = int(m.group(1))
        minutes = int(m.group(2) or 0) * (1 if hours >= 0 else -1)
        tz = dt_timezone(timedelta(hours=hours, minutes=minutes))
        text = _UTC_RE.sub(" ", text)
    m = _PAREN_DATE_RE.search(text)
    if m:
        text = m.group(1) + " " + text[m.end():]
    text = _NOISE_RE.sub(" ", text).strip(" ,-–—")
    # Relative dates (``2 jam lalu``) count back from the crawl time, in the outlet's zone.
    settings = dict(_DATEPARSER_SETTINGS, RELATIVE_BASE=now.astimezone(tz).replace(tzinfo=None))
    parsed = dateparser.parse(text, languages=["id", "en"], settings=settings)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def parse_date(text: str | None, timezone: str | tzinfo | None = "WIB", now: datetime | str | None = None) -> datetime | None:
    """Parse one date string; naive local times take the outlet's zone. Returns an aware datetime or None.

    >>> parse_date("Senin, 02 Jul 2025 14:24 WIB").isoformat()
    '2025-07-02T14:24:00+07:00'
    """
    if not text:
        return None
    if isinstance(now, str):
        now = datetime.fromisoformat(now.replace("Z", "+00:00"))
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=dt_timezone.utc)
    if now is None:
        # Minute precision keeps the parse cache useful while relative dates stay current.
        now = datetime.now(dt_timezone.utc).replace(second=0, microsecond=0)
    if isinstance(timezone, str) or timezone is None:
        return _parse_cached(text, timezone or "WIB", now.isoformat())
    return _parse(text, timezone, now)


def iso(value: datetime | None, timezone: str | tzinfo | None = None) -> str | None:
    """ISO 8601 with offset, seconds precision; shown in ``timezone`` (the outlet's) when given."""
    if value is None:
        return None
    if timezone is not None:
        value = value.astimezone(zone(timezone))
    return value.isoformat(timespec="seconds")


# A date-looking run inside longer page text: weekday/day-month-year with optional time and zone.
_MONTHS_WORD = r"[A-Za-z]{3,10}\.?"
DATE_IN_TEXT_RE = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?"
    r"|\d{1,2}\s+" + _MONTHS_WORD + r"\s+\d{4}(?:\s*[,|\-–]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?(?:\s*(?:WIB|WITA|WIT))?"
    r"|" + _MONTHS_WORD + r"\s+\d{1,2},?\s+\d{4}(?:\s*[,|\-–]?\s*\d{1,2}[:.]\d{2}(?:\s*[AP]M)?)?"
    r"|\d{1,2}([/.-])\d{1,2}\1\d{4}(?:\s*[,|\-–]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?(?:\s*(?:WIB|WITA|WIT))?"
    r"|\d{4}([/.-])\d{1,2}\2\d{1,2}(?:\s*[,|\-–T]?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?(?:\s*(?:WIB|WITA|WIT))?"
    r"|\d+\s+(?:detik|menit|jam|hari|minggu|bulan|seconds?|minutes?|hours?|days?)\s+(?:yang\s+)?(?:lalu|ago))",
    re.I,
)


def find_date(text: str | None, timezone: str | tzinfo | None = "WIB", now: datetime | str | None = None) -> datetime | None:
    """The first parseable date inside a longer string such as ``Kompas.com - 16/02/2016, 14:38 WIB``."""
    if not text:
        return None
    for m in DATE_IN_TEXT_RE.finditer(text):
        found = m.group(0)
        tail = text[m.end():m.end() + 6]
        zone_m = _ZONE_RE.match(tail.strip())
        if zone_m and not _ZONE_RE.search(found):
            found += " " + zone_m.group(1)
        parsed = parse_date(found, timezone, now)
        if parsed is not None:
            return parsed
    return None
