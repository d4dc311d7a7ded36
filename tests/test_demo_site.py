import json
import re
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from monitor.demo.server import DEMO_SITE, start_server
from monitor.demo.site import ALT_ARTICLES, DEFAULT_ARTICLES, SourceError, load_articles, render_site


def fetch(url):
    """(status, headers, text) for a GET on the loopback server; errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server():
    s = start_server(DEMO_SITE)
    yield s
    s.stop()


def first_article_path(server):
    status, _, text = fetch(server.url + "feed/")
    assert status == 200
    link = re.search(r"<item>\s*<title>.*?</title>\s*<link>(.*?)</link>", text, re.S).group(1)
    return link.removeprefix(server.url.rstrip("/"))


@pytest.mark.parametrize("path, ctype", [
    ("", "text/html"),
    ("page/2/", "text/html"),
    ("category/pilkada/", "text/html"),
    ("category/pilkada/page/2/", "text/html"),
    ("feed/", "application/rss+xml"),
    ("robots.txt", "text/plain"),
    ("wp-sitemap.xml", "application/xml"),
    ("wp-sitemap-posts-post-1.xml", "application/xml"),
    ("wp-json/wp/v2/posts", "application/json"),
])
def test_every_source_answers_with_its_content_type(server, path, ctype):
    status, headers, text = fetch(server.url + path)
    assert status == 200
    assert headers["Content-Type"].startswith(ctype)
    assert "{{BASE}}" not in text
    assert server.url.rstrip("/") in text


def test_server_url_and_request_log(server):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", server.url)
    before = server.count("/robots.txt")
    fetch(server.url + "robots.txt?x=1")
    assert server.count("/robots.txt") == before + 1
    assert "/robots.txt?x=1" in server.requests


def test_article_page_is_wordpress_markup(server):
    path = first_article_path(server)
    assert re.fullmatch(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/", path)
    status, headers, text = fetch(server.url.rstrip("/") + path)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=UTF-8"
    soup = BeautifulSoup(text, "lxml")
    assert soup.select_one("article.post.type-post h1.entry-title")
    assert soup.select_one("time.entry-date")["datetime"].endswith("+08:00")
    assert soup.select_one("link[rel=canonical]")["href"] == server.url.rstrip("/") + path
    assert soup.select_one('meta[property="article:published_time"]')
    first_p = soup.select_one("div.entry-content > p").get_text()
    assert re.match(r"[A-Z .]+, bontolangipos\.com – ", first_p)
    assert soup.select("a[rel=tag]") and soup.select_one(".sharedaddy") and soup.select_one("#comments")
    assert soup.select_one(".demo-notice")
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "NewsArticle" and ld["datePublished"].endswith("+08:00")


def test_unknown_paths_and_pages_past_the_end_are_404(server):
    pages = json.loads((DEMO_SITE / "_meta.json").read_text())["page_counts"]["/"]
    assert fetch(server.url + f"page/{pages}/")[0] == 200
    for path in (f"page/{pages + 1}/", "no-such-post/", "_meta.json", "wp-json/wp/v2/nothing"):
        status, headers, text = fetch(server.url + path)
        assert status == 404, path
    assert "tidak dapat ditemukan" in fetch(server.url + "no-such-post/")[2]


def test_rest_paging_headers_and_filters(server):
    status, headers, text = fetch(server.url + "wp-json/wp/v2/posts?per_page=10&page=1")
    total, pages = int(headers["X-WP-Total"]), int(headers["X-WP-TotalPages"])
    assert total >= 40 and pages == -(-total // 10)
    posts = json.loads(text)
    assert len(posts) == 10
    assert {"id", "date", "date_gmt", "modified", "modified_gmt", "link", "title", "content", "excerpt"} <= set(posts[0])
    last = json.loads(fetch(server.url + f"wp-json/wp/v2/posts?page={pages}")[2])
    assert len(last) == total - 10 * (pages - 1)
    assert fetch(server.url + f"wp-json/wp/v2/posts?page={pages + 1}")[0] == 400
    cutoff = posts[4]["date"]  # local time, no offset: the site's timezone applies
    newer = json.loads(fetch(server.url + f"wp-json/wp/v2/posts?after={cutoff}")[2])
    assert [p["id"] for p in newer] == [p["id"] for p in posts[:4]]
    _, h, _ = fetch(server.url + "wp-json/wp/v2/posts?modified_after=2030-01-01T00:00:00Z")
    assert h["X-WP-Total"] == "0"


@pytest.mark.parametrize("switch, off_path, off_status, still_path", [
    ("rest", "wp-json/wp/v2/posts", 401, "feed/"),
    ("feed", "feed/", 404, "wp-sitemap.xml"),
    ("sitemap", "wp-sitemap.xml", 404, "feed/"),
    ("listing", "page/2/", 404, "wp-json/wp/v2/posts"),
])
def test_flavour_switch_turns_one_source_off(switch, off_path, off_status, still_path):
    s = start_server(DEMO_SITE, **{switch: False})
    try:
        assert fetch(s.url + off_path)[0] == off_status
        assert fetch(s.url + still_path)[0] == 200
        robots = fetch(s.url + "robots.txt")[2]
        assert ("Sitemap:" in robots) == (switch != "sitemap")
    finally:
        s.stop()


def test_at_least_40_articles_over_several_weeks():
    posts = load_articles(DEFAULT_ARTICLES, "WITA")
    assert len(posts) >= 40
    span = (posts[0].date - posts[-1].date).days
    assert 21 <= span <= 70
    assert all(str(p.date.utcoffset()) == "8:00:00" for p in posts)
    assert sum(any(k == "baca" for k, _ in p.blocks) for p in posts) >= 10
    assert all(p.blocks for p in posts)


def test_every_rendered_article_has_jsonld_and_some_baca_juga():
    pages = [p for p in DEMO_SITE.glob("20*/*/*/*/index.html")]
    assert len(pages) >= 40
    baca = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert ld["@type"] == "NewsArticle", page
        baca += "Baca Juga :" in soup.select_one("div.entry-content").get_text()
    assert 10 <= baca < len(pages)


def test_committed_site_matches_its_sources(tmp_path):
    render_site(tmp_path / "site")
    fresh = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    committed = {p.relative_to(DEMO_SITE): p.read_bytes() for p in DEMO_SITE.rglob("*") if p.is_file()}
    assert fresh.keys() == committed.keys()
    assert [k for k in fresh if fresh[k] != committed[k]] == []


def test_alt_theme_renders_different_markup(tmp_path):
    summary = render_site(tmp_path, articles_dir=ALT_ARTICLES, name="Suara Sarewa",
                          domain_label="suarasarewa.id", theme="alt", timezone="WIT")
    assert summary["articles"] >= 10
    page = next(tmp_path.glob("20*/*/*/*/index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("div.td-post-content p") and not soup.select_one("div.entry-content")
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert any(node["datePublished"].endswith("+09:00") for node in graph if node["@type"] == "Article")
    with start_server(tmp_path) as s:
        status, headers, text = fetch(s.url)
        assert status == 200 and "td_module" in text


def test_bad_source_is_a_clear_error(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\nbody\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"a\.md: front matter lacks author, category, date"):
        load_articles(tmp_path)


def test_feed_and_sitemaps_are_wordpress_shaped(server):
    from lxml import etree

    ns = {"content": "http://purl.org/rss/1.0/modules/content/", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    feed = etree.fromstring(fetch(server.url + "feed/")[2].encode())
    items = feed.findall("channel/item")
    assert feed.get("version") == "2.0" and len(items) == 10
    for item in items:
        assert item.findtext("pubDate").endswith("+0000")
        assert "<p>" in item.find("content:encoded", ns).text
    index = etree.fromstring(fetch(server.url + "wp-sitemap.xml")[2].encode())
    locs = [e.text for e in index.findall("sm:sitemap/sm:loc", ns)]
    assert server.url + "wp-sitemap-posts-post-1.xml" in locs
    urls = etree.fromstring(fetch(server.url + "wp-sitemap-posts-post-1.xml")[2].encode()).findall("sm:url", ns)
    assert len(urls) >= 40 and all(u.findtext("sm:lastmod", namespaces=ns) for u in urls)
    assert fetch(server.url + "robots.txt")[2].strip().endswith(f"Sitemap: {server.url}wp-sitemap.xml")
