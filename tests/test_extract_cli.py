"""`monitor extract`: JSON/text output, page joining, one-line failures."""
import json
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli

FILES = Path(__file__).parent / "files" / "extract"


def run(*args):
    return CliRunner().invoke(cli, ["extract", *map(str, args)])


def test_json_output_is_the_article():
    spec = json.loads((FILES / "jurnalisbicara-wp.json").read_text(encoding="utf-8"))
    result = run(FILES / "jurnalisbicara-wp.html", "--url", spec["input"]["url"], "--timezone", "WITA")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == spec["expected"]


def test_outlet_profile_by_name_and_text_format(tmp_path):
    result = run(FILES / "jurnalisbicara-wp.html", "--outlet", "jurnalisbicara", "--timezone", "WITA",
                 "--format", "text", "--registry", tmp_path / "none.toml")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == ["Relawan Desa Siapkan Posko Pemenangan di Bangkala",
                         "2024-07-03T10:15:00+08:00 · Redaksi", ""]
    assert lines[3].startswith("KAB.JENEPONTO, jurnalisbicara.com – Relawan dari dua belas desa")
    assert "Baca Juga" not in result.output and "(Ardi)" not in result.output


def test_pages_are_joined():
    result = run(FILES / "jsonld-paged.html", FILES / "jsonld-paged-page2.html", "--timezone", "WITA")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["paragraphs"][-1] == "Mereka juga berjanji membuka pengaduan warga setiap pekan di kantor kelurahan."
    assert len(data["paragraphs"]) == 6


def test_relative_date_uses_fetched_at():
    result = run(FILES / "relative-date-wit.html", "--timezone", "WIT", "--fetched-at", "2024-09-01T03:00:00Z")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["published"] == "2024-09-01T10:00:00+09:00"


def test_listing_page_fails_with_one_line_reason():
    result = run(FILES / "listing.html")
    assert result.exit_code == 1
    assert result.output == "Error: not an article: a listing page (4 dated entries), not an article\n"


def test_error_page_fails_with_one_line_reason():
    result = run(FILES / "error-404.html")
    assert result.exit_code == 1
    assert result.output == "Error: not an article: error page: Halaman Tidak Ditemukan\n"


def test_bad_timezone_is_a_usage_error():
    result = run(FILES / "listing.html", "--timezone", "Mars/Olympus")
    assert result.exit_code == 2
    assert "unknown timezone 'Mars/Olympus'" in result.output


def test_missing_file_is_a_usage_error(tmp_path):
    result = run(tmp_path / "nope.html")
    assert result.exit_code == 2
    assert "nope.html" in result.output
