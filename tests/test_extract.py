"""Article extraction: own fixtures (exact JSON) and real shared pages (token F1, titles, days, leaks)."""
import json
from pathlib import Path

import pytest

from monitor.extract import NotAnArticle, extract_article, join_pages
from monitor.extract.score import is_article_record, jakarta_day, related_leaks, shared_pages, token_f1

FILES = Path(__file__).parent / "files" / "extract"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
# Every page set under ../shared/data/pages with an expected_from_upstream_tests.json is evaluated.
PAGE_SETS = sorted(d for d in (SHARED / "pages").glob("*") if (d / "expected_from_upstream_tests.json").exists())
FIXTURES = sorted(FILES.glob("*.html"))


def _load(html_path):
    spec = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
    return html_path.read_text(encoding="utf-8"), spec


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_fixture_page_matches_expected_json(page):
    html, spec = _load(page)
    args = spec["input"]
    if "not_an_article" in spec:
        with pytest.raises(NotAnArticle, match=spec["not_an_article"]):
            extract_article(html, args.get("url"), timezone=args.get("timezone", "WIB"), outlet=args.get("outlet"))
        return
    article = extract_article(html, args.get("url"), timezone=args.get("timezone", "WIB"),
                              outlet=args.get("outlet"), fetched_at=args.get("fetched_at"))
    assert article.to_dict() == spec["expected"]


def _shared(article_pages: bool):
    return [(p, r) for root in PAGE_SETS for p, r in shared_pages(root) if is_article_record(r) == article_pages]


SHARED_ARTICLES = _shared(True)
SHARED_OTHERS = _shared(False)
needs_shared = pytest.mark.skipif(not PAGE_SETS, reason="../shared/data/pages absent")


def _page_id(value):
    return f"{value.parent.name}/{value.name}" if isinstance(value, Path) else ""


@needs_shared
@pytest.mark.parametrize("page,record", SHARED_ARTICLES, ids=_page_id)
def test_shared_article_page(page, record):
    article = extract_article(page.read_text(encoding="utf-8", errors="replace"), record["url"])
    body = f"{article.dateline} {article.text}" if article.dateline else article.text
    # The expected text came from another extractor: approximate gold, hence a token-F1 floor.
    assert token_f1(body, record["content"]) >= 0.8
    assert related_leaks(article.text) == 0
    assert jakarta_day(article.published) == jakarta_day(record["date"])


@needs_shared
@pytest.mark.parametrize("page,record", SHARED_OTHERS, ids=_page_id)
def test_shared_listing_or_feed_is_not_an_article(page, record):
    with pytest.raises(NotAnArticle):
        extract_article(page.read_text(encoding="utf-8", errors="replace"), None)


@needs_shared
@pytest.mark.parametrize("root", PAGE_SETS, ids=lambda d: d.name)
def test_shared_pages_mean_f1_and_titles(root):
    records = [(p, r) for p, r in shared_pages(root) if is_article_record(r)]
    f1s, titles = [], 0
    for page, record in records:
        article = extract_article(page.read_text(encoding="utf-8", errors="replace"), record["url"])
        body = f"{article.dateline} {article.text}" if article.dateline else article.text
        f1s.append(token_f1(body, record["content"]))
        titles += " ".join(article.title.split()) == " ".join(record["title"].split())
    assert sum(f1s) / len(f1s) >= 0.93
    assert titles >= 0.95 * len(records)


def test_split_article_lists_next_page_and_joins():
    first_html, first_spec = _load(FILES / "jsonld-paged.html")
    second_html, second_spec = _load(FILES / "jsonld-paged-page2.html")
    first = extract_article(first_html, first_spec["input"]["url"], timezone="WITA")
    second = extract_article(second_html, second_spec["input"]["url"], timezone="WITA")
    assert first.page_urls == ["https://kabartimur.example/politik/2024/08/20/tiga-partai-sepakat?page=2"]
    assert second.page_urls == []
    joined = join_pages(first, second)
    assert joined.paragraphs == first.paragraphs + second.paragraphs
    assert joined.text.endswith("di kantor kelurahan.")
    assert joined.title == first.title and joined.authors == first.authors


def test_profile_chosen_by_host_drops_leading_caption():
    html, spec = _load(FILES / "jurnalisbicara-wp.html")
    article = extract_article(html, spec["input"]["url"], timezone="WITA")
    assert article.layer == "profile:jurnalisbicara@1"
    assert not any("meresmikan posko" in p for p in article.paragraphs)


@pytest.mark.parametrize("html,reason", [
    ("", "empty page"),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
    ('{"id": 1, "title": {"rendered": "x"}}', "JSON"),
    ("<html><head><title>Beranda</title></head><body><p>Selamat datang.</p></body></html>", "no article"),
])
def test_not_an_article_reasons(html, reason):
    with pytest.raises(NotAnArticle, match=reason):
        extract_article(html)


def test_bytes_input_decoded_by_declared_charset():
    html, spec = _load(FILES / "generic-br-body.html")
    raw = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Kartika", "Kartik\u00e1").encode("cp1252")
    article = extract_article(raw, spec["input"]["url"])
    assert article.authors == ["Rina Kartik\u00e1"]


def test_error_word_in_a_real_headline_is_still_an_article():
    body = "".join(f"<p>Kalimat ke-{i} tentang rekapitulasi suara yang tertunda karena Sirekap bermasalah di kecamatan.</p>"
                   for i in range(8))
    html = (f"<html><head><title>Error Sirekap Bikin Rekapitulasi Molor</title></head><body>"
            f"<h1>Error Sirekap Bikin Rekapitulasi Molor</h1><div class='isi'>{body}</div></body></html>")
    article = extract_article(html)
    assert article.title == "Error Sirekap Bikin Rekapitulasi Molor"
    assert len(article.paragraphs) == 8


def test_declared_article_our_layers_miss_goes_to_trafilatura(monkeypatch):
    from monitor.extract import article as article_module

    monkeypatch.setattr(article_module.generic, "extract_lines", lambda root, keep_captions=False: (None, []))
    html, spec = _load(FILES / "detik-style-ads.html")
    article = extract_article(html, spec["input"]["url"])
    assert article.layer == "trafilatura"
    assert any("seribu alat peraga" in p for p in article.paragraphs)
    assert related_leaks(article.text) == 0


@pytest.mark.parametrize("url,reason", [
    ("https://kabartimur.example/", "a home page"),
    ("https://kabartimur.example/tag/pilkada/", "a listing address"),
    ("https://kabartimur.example/category/politik/page/2/", "a listing address"),
])
def test_listing_addresses_are_not_articles(url, reason):
    html, _ = _load(FILES / "generic-br-body.html")
    with pytest.raises(NotAnArticle, match=reason):
        extract_article(html, url)


def test_teaser_card_beside_little_text_is_a_listing():
    html = ("<html><head><meta property='og:type' content='article'><title>Beranda - Kabar Timur</title></head><body>"
            "<div class='headline'><h2><a href='/a'>KPU Tetapkan Pasangan Calon Wali Kota Kendari</a></h2>"
            "<p>KPU Kota Kendari menetapkan tiga pasangan calon dalam rapat pleno terbuka yang dihadiri"
            " para saksi dan pengawas pemilu pada Senin malam.</p></div></body></html>")
    with pytest.raises(NotAnArticle, match="linked headline"):
        extract_article(html)


def test_registry_outlet_selectors_act_as_a_profile():
    from monitor.outlets import Outlet

    html, spec = _load(FILES / "split-body-siblings.html")
    outlet = Outlet(id="wartaluwu", name="Warta Luwu", base_url="https://wartaluwu.id/", timezone="WITA",
                    selectors={"body": "div.read__page", "authors": "div.read__author"})
    article = extract_article(html, spec["input"]["url"], timezone="WITA", outlet=outlet)
    assert article.layer == "profile:wartaluwu@0"
    assert article.paragraphs == spec["expected"]["paragraphs"]
    assert article.authors == ["Andi Tenri"]


def test_paragraphs_in_plain_divs_are_one_body():
    texts = [f"Paragraf ke-{i} berisi kalimat panjang tentang rapat pleno, saksi dan berita acara di kantor KPU."
             for i in range(1, 4)]
    html = ("<html><head><title>Uji Paragraf Div</title></head><body><div class='top'><a href='/'>Beranda</a></div>"
            "<h1>Uji Paragraf Div</h1><div class='konten'>" + "".join(f"<div>{t}</div>" for t in texts)
            + "</div><div class='footer'>Hak cipta</div></body></html>")
    assert extract_article(html).paragraphs == texts


def test_url_day_beats_a_ticker_above_the_headline():
    body = "".join(f"<p>Kalimat ke-{i} tentang rapat pleno rekapitulasi, saksi, dan pengawas kecamatan.</p>" for i in range(4))
    html = ("<html><head><title>Pleno Rekapitulasi</title><meta property='og:type' content='article'></head><body>"
            "<div class='ticker'><a href='/x'>Berita lain yang sedang ramai</a> <span>3 jam lalu</span></div>"
            f"<h1>Pleno Rekapitulasi</h1><div class='isi'>{body}</div></body></html>")
    article = extract_article(html, "https://contoh.id/2024/06/20/pleno-rekapitulasi/",
                              fetched_at="2024-06-25T03:00:00Z")
    assert article.published == "2024-06-20T00:00:00+07:00"


@pytest.mark.parametrize("declared,url,title", [
    ("Bupati Bone - Pilkada Serentak Dimulai", "https://bone.id/a/1", "Bupati Bone - Pilkada Serentak Dimulai"),
    ("Rapat Pleno Digelar - Kompas.com Regional", "https://regional.kompas.com/read/1", "Rapat Pleno Digelar"),
    ("KapanLagi.com: FOTO: Rapat Pleno Digelar", "https://www.kapanlagi.com/a/1", "FOTO: Rapat Pleno Digelar"),
    ("Rapat Pleno Digelar | Tribun-timur.com", "https://makassar.tribunnews.com/a/1", "Rapat Pleno Digelar"),
    ("Tri Indonesia: Broadband Dorong Ekosistem", "https://tekno.liputan6.com/read/1", "Tri Indonesia: Broadband Dorong Ekosistem"),
])
def test_declared_title_loses_only_site_segments(declared, url, title):
    body = "".join(f"<p>Kalimat ke-{i} tentang rapat pleno rekapitulasi, saksi, dan pengawas kecamatan.</p>" for i in range(4))
    html = (f"<html><head><meta property='og:title' content='{declared}'><meta property='og:type' content='article'>"
            f"</head><body><div class='isi'>{body}</div></body></html>")
    assert extract_article(html, url).title == title


def test_cut_json_ld_headline_yields_to_the_whole_visible_one():
    whole = "Komisi Pemilihan Umum Tetapkan Tiga Pasangan Calon Bupati dan Wakil Bupati untuk Pilkada Serentak 2024 di Kabupaten"
    body = "".join(f"<p>Kalimat ke-{i} tentang rapat pleno penetapan, saksi, dan pengawas kabupaten.</p>" for i in range(4))
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
            + whole[:90] + '…", "datePublished": "2024-09-22T10:00:00+08:00"}</script></head>'
            f"<body><h1>{whole}</h1><div class='isi'>{body}</div></body></html>")
    assert extract_article(html).title == whole


@pytest.mark.parametrize("cls,negative,for_photo_story", [
    ("share-content", True, True),
    ("related-posts", True, True),
    ("wp-caption-text", True, False),
    ("post-meta", True, True),
    ("entry-meta", True, True),
    ("tags-content", False, False),
    ("print-content", False, False),
    ("entry-content", False, False),
    ("read__content", False, False),
])
def test_box_classes(cls, negative, for_photo_story):
    import lxml.html

    from monitor.extract.dom import is_negative

    el = lxml.html.fromstring(f'<div class="{cls}">x</div>')
    assert is_negative(el) is negative
    assert is_negative(el, keep_captions=True) is for_photo_story
