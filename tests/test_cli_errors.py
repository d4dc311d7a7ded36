"""Bad input to any command: one line on stderr, a non-zero exit, nothing written."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from monitor.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("url, shown", [
    ("not-a-url", "'not-a-url'"),
    ("https://berita/", "'https://berita/'"),
])
def test_crawl_refuses_a_word_that_is_no_site(tmp_path, url, shown):
    db = tmp_path / "m.db"
    result = run("crawl", "--outlet", url, "--db", db, "--log-dir", tmp_path / "logs")
    assert result.exit_code == 1
    assert result.output == f"Error: not an outlet URL: {shown} (give a site address such as https://example-news.com/)\n"
    assert not db.exists() and not (tmp_path / "logs").exists()


@pytest.mark.parametrize("content", [b"not sqlite at all\n", b""])
def test_serve_refuses_a_file_that_is_no_monitor_database(tmp_path, content):
    db = tmp_path / "x.db"
    db.write_bytes(content)
    result = run("serve", "--db", db, "--port", "1")
    reason = "file is not a database" if content else "no such table: articles"
    assert result.exit_code == 1
    assert result.output == f"Error: {db} is not a monitor database: {reason}\n"
    assert db.read_bytes() == content


def test_serve_refuses_another_sqlite_database(tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (x)")
    result = run("serve", "--db", db, "--port", "1")
    assert (result.exit_code, result.output) == (1, f"Error: {db} is not a monitor database: no such table: articles\n")


@pytest.mark.parametrize("content", [b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, b"PK\x03\x04\x14\x00\x00\x00"])
def test_extract_refuses_a_binary_file(tmp_path, content):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = run("extract", page)
    assert result.exit_code == 1
    assert result.output == f"Error: not an article: {page} is a binary file, not an HTML page\n"


def test_extract_reads_utf16_html_with_its_bom(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<html><body><p>Daftar</p></body></html>".encode("utf-16"))
    result = run("extract", page)
    assert "binary file" not in result.output


@pytest.mark.parametrize("entry, message", [
    ('base_url = "https://x.example/"\nfirst_run_days = "three"', "first_run_days must be a whole number, not 'three'"),
    ('base_url = "https://x.example/"\nfirst_run_days = -1', "first_run_days must be 0 (whole archive) or more days"),
    ('base_url = "https://x.example/"\nstart_urls = "https://x.example/berita/"',
     "start_urls must be a list of strings, not 'https://x.example/berita/'"),
    ('base_url = "https://x.example/"\nenabled = "yes"', "enabled must be true or false, not 'yes'"),
    ('base_url = 42', "base_url must be a string, not 42"),
    ('base_url = "kabar"', "not an outlet URL: 'kabar' (give a site address such as https://example-news.com/)"),
])
@pytest.mark.parametrize("command", [["outlets", "list"], ["crawl"]])
def test_a_bad_registry_entry_is_one_line_before_any_work(tmp_path, entry, message, command):
    registry = tmp_path / "outlets.toml"
    text = '[[outlet]]\nbase_url = "https://ok.example/"\n\n[[outlet]]\n' + entry + "\n"
    registry.write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    extra = ["--db", db, "--log-dir", tmp_path / "logs"] if command == ["crawl"] else []
    result = run(*command, "--registry", registry, *extra)
    assert result.exit_code == 1
    assert result.output == f"Error: {registry}: outlet #2: {message}\n"
    assert registry.read_text(encoding="utf-8") == text and not db.exists()


def test_crawl_into_a_file_that_is_no_database_fails_before_crawling(tmp_path):
    db = tmp_path / "x.db"
    db.write_bytes(b"not sqlite at all\n")
    result = run("crawl", "--outlet", "http://127.0.0.1:1/", "--db", db, "--log-dir", tmp_path / "logs")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: {db} is not a usable SQLite database: file is not a database"
    assert "Traceback" not in result.output and "scrapy" not in result.output
    assert db.read_bytes() == b"not sqlite at all\n"
    assert "crawl refused: " in (tmp_path / "logs" / "monitor.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["serve", "--db", "{db}"], ["demo", "--db", "{db}"]])
def test_a_busy_port_is_one_line_before_any_work(tmp_path, command):
    import socket

    from monitor.store import Store

    db = tmp_path / "m.db"
    Store(db).close()
    before = db.read_bytes()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(*[a.format(db=db) for a in command], "--port", port)
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot listen on 127.0.0.1:{port}: the port is in use "
                             "(is another `monitor serve` or `monitor demo` running?)\n")
    assert db.read_bytes() == before


@pytest.mark.parametrize("key, expected", [
    ("https://sarewa.example/", ("sarewa", "WIT", "wordpress")),
    ("sarewa.example", ("sarewa", "WIT", "wordpress")),
    ("sarewa", ("sarewa", "WIT", "wordpress")),
    ("https://other.example/", ("other-example", "WIB", "wordpress")),
])
def test_crawl_outlet_uses_the_registry_entry_when_there_is_one(tmp_path, key, expected):
    from monitor.outlets import outlet_for

    registry = tmp_path / "outlets.toml"
    registry.write_text('[[outlet]]\nid = "sarewa"\nbase_url = "https://sarewa.example/"\ntimezone = "WIT"\n',
                        encoding="utf-8")
    outlet = outlet_for(key, registry)
    assert (outlet.id, outlet.timezone, outlet.kind) == expected
    assert outlet_for("https://sarewa.example/", tmp_path / "absent.toml").id == "sarewa-example"


@pytest.mark.parametrize("command", [["export"], ["reprocess"]])
def test_an_unknown_outlet_is_refused_not_an_empty_result(tmp_path, command):
    from monitor.outlets import Outlet
    from monitor.store import Store

    db = tmp_path / "m.db"
    store = Store(db)
    store.upsert_outlet(Outlet(id="kabar", name="Kabar", base_url="https://kabar.example/"))
    store.close()
    result = run(*command, "--db", db, "--outlet", "kabr")
    assert result.exit_code == 1
    assert result.output == "Error: no outlet 'kabr' in the database (outlet ids: kabar)\n"
    if command == ["export"]:
        for key in ("kabar", "KABAR", "https://kabar.example"):
            assert run("export", "--db", db, "--outlet", key).exit_code == 0, key


@pytest.mark.parametrize("command", [["crawl", "--outlet", "http://127.0.0.1:1/"], ["demo", "--no-serve"]])
def test_a_database_path_that_cannot_exist_is_one_line(tmp_path, command):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    db = blocker / "sub" / "m.db"
    result = run(*command, "--db", db, *(["--log-dir", tmp_path / "logs"] if command[0] == "crawl" else []))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: cannot use {db}: Not a directory: {blocker / 'sub'}"
    assert "Traceback" not in result.output and blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("content, reason", [
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, "is a binary file, not an article (text or HTML)"),
    (b"  \n\n", "is empty"),
])
def test_analyze_refuses_binary_and_empty_files(tmp_path, content, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    result = run("analyze", path)
    assert result.exit_code == 1
    assert result.output == f"Error: {path} {reason}\n"
