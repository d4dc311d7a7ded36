"""Outlet profiles: data in TOML, chosen by outlet id or host, newest version first."""
from pathlib import Path

import pytest

from monitor.extract import article as article_module
from monitor.extract import extract_article
from monitor.extract.profiles import candidates, load_profiles

TWO_VERSIONS = """
[[profile]]
name = "contoh"
version = 1
domains = ["contoh.id"]
body = ["div.isi-lama"]

[[profile]]
name = "contoh"
version = 2
outlet = "contoh"
domains = ["contoh.id"]
body = ["section.isi-baru"]

[[profile]]
name = "platform"
version = 1
match_any = true
body = ["div.entry-content"]
"""

PARAGRAPHS = [f"Kalimat ke-{i} tentang pleno rekapitulasi suara, saksi, dan pengawas di kantor kecamatan." for i in range(3)]


def _page(container: str) -> str:
    tag, cls = container.split(".")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Rekapitulasi Suara</title><meta property='og:type' content='article'></head>"
            f"<body><h1>Rekapitulasi Suara</h1><{tag} class='{cls}'>{body}</{tag}></body></html>")


@pytest.fixture
def profiles(tmp_path, monkeypatch):
    path = tmp_path / "profiles.toml"
    path.write_text(TWO_VERSIONS, encoding="utf-8")
    loaded = load_profiles(path)
    monkeypatch.setattr(article_module, "candidates", lambda url, outlet: candidates(url, outlet, loaded))
    return loaded


def test_newest_version_first_then_platform(profiles):
    assert [(p.name, p.version) for p in candidates("https://www.contoh.id/a", None, profiles)] == [
        ("contoh", 2), ("contoh", 1), ("platform", 1)]
    assert [(p.name, p.version) for p in candidates(None, "contoh", profiles)] == [("contoh", 2), ("platform", 1)]
    assert [(p.name, p.version) for p in candidates("https://lain.id/a", None, profiles)] == [("platform", 1)]


@pytest.mark.parametrize("container,layer", [
    ("section.isi-baru", "profile:contoh@2"),   # the redesigned site
    ("div.isi-lama", "profile:contoh@1"),       # an archived page from before the redesign
    ("div.lain", "generic"),
])
def test_page_uses_the_version_that_matches(profiles, container, layer):
    article = extract_article(_page(container), "https://contoh.id/2024/06/25/rekap")
    assert article.layer == layer
    assert article.paragraphs == PARAGRAPHS


def test_bundled_profiles_load():
    names = {(p.name, p.version) for p in load_profiles(Path(article_module.__file__).with_name("profiles.toml"))}
    assert {("jurnalisbicara", 1), ("wordpress", 1)} <= names
