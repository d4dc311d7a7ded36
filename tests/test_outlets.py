"""The outlet registry and the `monitor outlets` commands."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from crawl_support import ROOT, render
from monitor.cli import cli
from monitor.demo.server import start_server
from monitor.outlets import Outlet, RegistryError, append_outlet, load_registry, outlet_id_for, parse_registry

GOOD = """
# comment kept
[[outlet]]
id = "kabar"
name = "Kabar Jeneponto"
base_url = "https://KabarJeneponto.example/"
province = "SULAWESI SELATAN"
regency = "KABUPATEN JENEPONTO"
timezone = "WITA"
exclude = ["/video/"]

[[outlet]]
base_url = "papua.example/news"
timezone = "WIT"
enabled = false
first_run_days = 0
"""


def test_registry_fields_and_defaults():
    kabar, papua = parse_registry(GOOD)
    assert (kabar.id, kabar.base_url, kabar.timezone, kabar.kind, kabar.exclude, kabar.first_run_days) == (
        "kabar", "https://kabarjeneponto.example/", "WITA", "wordpress", ["/video/"], 3)
    assert (papua.id, papua.name, papua.base_url, papua.enabled, papua.first_run_days) == (
        "papua-example-news", "papua-example-news", "https://papua.example/news/", False, None)
    assert papua.utc_offset_hours == 9


@pytest.mark.parametrize("text, message", [
    ('[[outlet]]\nbase_url = "x.example"\ntimezone = "WITA "', "timezone must be WIB, WITA or WIT"),
    ('[[outlet]]\nbase_url = "x.example"\ncolour = "red"', "unknown field(s) colour"),
    ('[[outlet]]\nname = "no url"', "missing base_url"),
    ('[[outlet]]\nbase_url = "ftp://x.example"', "not an http(s) outlet URL"),
    ('[[outlet]]\nbase_url = "x.example"\nexclude = ["("]', "bad exclude pattern"),
    ('[[outlet]]\nbase_url = "x.example"\n[[outlet]]\nbase_url = "https://x.example/"', "appears twice"),
    ("[[outlet]\n", "not valid TOML"),
])
def test_bad_registry_entries_get_one_line_errors(text, message):
    with pytest.raises(RegistryError) as err:
        parse_registry(text, "outlets.toml")
    assert message in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("url, base, oid", [
    ("jurnalisbicara.com", "https://jurnalisbicara.com/", "jurnalisbicara-com"),
    ("https://www.Kabar.co.id", "https://www.kabar.co.id/", "kabar-co-id"),
    ("http://127.0.0.1:8042/", "http://127.0.0.1:8042/", "127-0-0-1-8042"),
    ("https://x.example/berita?utm=1#top", "https://x.example/berita/", "x-example-berita"),
])
def test_outlet_from_url(url, base, oid):
    outlet = Outlet.from_url(url)
    assert (outlet.base_url, outlet.id, outlet.kind, outlet.first_run_days) == (base, oid, "wordpress", None)
    assert outlet_id_for(url) == oid


def test_append_keeps_comments_and_refuses_duplicates(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text(GOOD, encoding="utf-8")
    append_outlet(Outlet.from_url("https://baru.example/", timezone="WIB", first_run_days=3), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\n# comment kept\n") and [o.id for o in load_registry(path)] == [
        "kabar", "papua-example-news", "baru-example"]
    with pytest.raises(RegistryError, match="already registered as 'kabar'"):
        append_outlet(Outlet.from_url("kabarjeneponto.example", id="other"), path)
    assert path.read_text(encoding="utf-8") == text


def test_repository_registry_has_jurnalisbicara_in_wita():
    [jb] = [o for o in load_registry(ROOT / "outlets.toml") if o.id == "jurnalisbicara"]
    assert (jb.kind, jb.timezone, jb.province, jb.regency, jb.base_url) == (
        "jurnalisbicara", "WITA", "SULAWESI SELATAN", "KABUPATEN JENEPONTO", "https://jurnalisbicara.com/")


def test_cli_list_and_add(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["outlets", "list", "--registry", str(path), "--all"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "kabar               wordpress  WITA  https://kabarjeneponto.example/  SULAWESI SELATAN / KABUPATEN JENEPONTO\n"
        "papua-example-news  wordpress  WIT   https://papua.example/news/  -  (disabled)\n"
    )
    result = runner.invoke(cli, ["outlets", "add", "https://suara.example", "--timezone", "WIT",
                                 "--province", "PAPUA", "--registry", str(path)])
    assert (result.exit_code, result.output) == (0, f"added suara-example (https://suara.example/) to {path}\n")
    result = runner.invoke(cli, ["outlets", "list", "--registry", str(path)])
    assert result.output.splitlines()[-1] == "suara-example  wordpress  WIT   https://suara.example/  PAPUA"
    result = runner.invoke(cli, ["outlets", "add", "suara.example", "--registry", str(path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: an outlet with id 'suara-example' is already registered\n"
    result = runner.invoke(cli, ["outlets", "add", "x.example", "--kind", "nosuchspider", "--registry", str(path)])
    assert result.exit_code == 1 and "unknown outlet kind 'nosuchspider'" in result.output


def test_cli_list_missing_registry(tmp_path):
    result = CliRunner().invoke(cli, ["outlets", "list", "--registry", str(tmp_path / "none.toml")])
    assert (result.exit_code, result.output) == (1, f"Error: registry {tmp_path / 'none.toml'} does not exist\n")


def _check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", "outlets", "check", url],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("switches, expected", [
    (dict(rest=True), [
        "  rest     yes     12 articles  {base}wp-json/wp/v2/posts",
        "  feed     yes     10 articles  {base}feed/",
        "  sitemap  yes     12 articles  {base}wp-sitemap.xml",
        "  listing  yes     12 articles  {base}",
        "  whole archive via: rest; recent stories via: feed",
    ]),
    (dict(rest=False, feed=False, listing=False), [
        "  rest     no   401 at {base}wp-json/wp/v2/posts",
        "  feed     no   no feed at {base}feed/ (404)",
        "  sitemap  yes     12 articles  {base}wp-sitemap.xml",
        "  listing  no   404 at {base}",
        "  whole archive via: sitemap",
    ]),
    (dict(rest=False, feed=False, sitemap=False), [
        "  rest     no   401 at {base}wp-json/wp/v2/posts",
        "  feed     no   no feed at {base}feed/ (404)",
        "  sitemap  no   no sitemap at {base}wp-sitemap.xml (404), {base}sitemap_index.xml (404), {base}sitemap.xml (404)",
        "  listing  yes     12 articles  {base}",
        "  whole archive via: listing",
    ]),
])
def test_check_names_the_working_sources(tmp_path, switches, expected):
    site = render(tmp_path, 12)
    with start_server(site, **switches) as server:
        result = _check(server.url)
        requests = list(server.requests)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [server.url] + [line.format(base=server.url) for line in expected]
    assert not [p for p in requests if p.startswith("/2024/")], "check fetches no article"


def test_check_of_a_dead_outlet_fails_cleanly():
    result = _check("http://127.0.0.1:9/")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "  whole archive via: none"


def test_scrapy_list_names_the_spiders():
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert {"wordpress", "jurnalisbicara"} <= set(result.stdout.split())


def test_contact_url_from_registry_or_environment(tmp_path, monkeypatch):
    from monitor.outlets import PLACEHOLDER_CONTACT, contact_url

    path = tmp_path / "outlets.toml"
    path.write_text('[crawler]\ncontact_url = "mailto:redaksi@kabar.example"\n' + GOOD, encoding="utf-8")
    monkeypatch.delenv("MONITOR_CONTACT_URL", raising=False)
    assert contact_url(path) == "mailto:redaksi@kabar.example"
    assert [o.id for o in load_registry(path)] == ["kabar", "papua-example-news"]
    monkeypatch.setenv("MONITOR_CONTACT_URL", "https://kabar.example/kontak")
    assert contact_url(path) == "https://kabar.example/kontak"
    monkeypatch.delenv("MONITOR_CONTACT_URL")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    assert contact_url(tmp_path / "empty.toml") == PLACEHOLDER_CONTACT
