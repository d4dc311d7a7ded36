"""Indonesian and English date strings -> aware datetimes (monitor.extract.dates)."""
import pytest

from monitor.extract.dates import find_date, iso, parse_date

NOW = "2024-06-26T03:00:00+00:00"  # 10:00 WIB


@pytest.mark.parametrize("text,timezone,expected", [
    ("Selasa (25/6/2024)", "WIB", "2024-06-25T00:00:00+07:00"),
    ("25 Juni 2024", "WIB", "2024-06-25T00:00:00+07:00"),
    ("Senin, 02 Jul 2025 14:24 WIB", "WITA", "2025-07-02T14:24:00+07:00"),
    ("02/07/2025, 14:24 WIB", "WIB", "2025-07-02T14:24:00+07:00"),
    ("Rabu, 15 Mei 2024 14:00 WITA", "WIB", "2024-05-15T14:00:00+08:00"),
    ("Kamis, 05 September 2024 - 09:30", "WIT", "2024-09-05T09:30:00+09:00"),
    ("Selasa, 16 Februari 2016 | 14:38 WIB", "WIB", "2016-02-16T14:38:00+07:00"),
    ("February 23, 2016 3:30 PM", "WIB", "2016-02-23T15:30:00+07:00"),
    ("2 jam lalu", "WIB", "2024-06-26T08:00:00+07:00"),
    ("15 menit yang lalu", "WITA", "2024-06-26T10:45:00+08:00"),
    ("3 hours ago", "WIB", "2024-06-26T07:00:00+07:00"),
    ("kemarin", "WIB", "2024-06-25T10:00:00+07:00"),
    ("2024-06-25T10:15:00Z", "WIB", "2024-06-25T10:15:00+00:00"),
    ("2024-06-25T10:15:00", "WITA", "2024-06-25T10:15:00+08:00"),
    ("2024-06-25 10:15", "Asia/Jayapura", "2024-06-25T10:15:00+09:00"),
])
def test_parse_date(text, timezone, expected):
    assert iso(parse_date(text, timezone, now=NOW)) == expected


@pytest.mark.parametrize("text", ["", "bukan tanggal", "Jakarta", "Rabu", "Senin siang", "x" * 200])
def test_parse_date_rejects_non_dates(text):
    assert parse_date(text, "WIB", now=NOW) is None


@pytest.mark.parametrize("text,expected", [
    ("Kompas.com - 16/02/2016, 14:38 WIB", "2016-02-16T14:38:00+07:00"),
    ("Dipublikasikan oleh Redaksi pada 23 Feb 2016, 15:30", "2016-02-23T15:30:00+07:00"),
    ("Oleh Rina · 25 Juni 2024 14:38 WITA · 3 menit baca", "2024-06-25T14:38:00+08:00"),
    ("Senin, 25-06-2024 14:30", "2024-06-25T14:30:00+07:00"),
    ("Diterbitkan 2024/06/25 10:15 WITA", "2024-06-25T10:15:00+08:00"),
    ("Rabu, 10/7/2024 09:15 WIB", "2024-07-10T09:15:00+07:00"),
    ("tanpa tanggal di sini", None),
])
def test_find_date_inside_text(text, expected):
    assert iso(find_date(text, "WIB", now=NOW)) == expected


def test_iso_shows_outlet_zone():
    assert iso(parse_date("2024-06-25T02:00:00Z"), "WITA") == "2024-06-25T10:00:00+08:00"
