"""The bundled demo outlet's rendered pages extract to exactly their article sources."""
import re

import pytest

site = pytest.importorskip("monitor.demo.site")

from monitor.extract import extract_article  # noqa: E402

SIGNOFF = re.compile(r"\s*\([^()]*\)[.*]*$")  # house sign-offs: ``(Akbar).**``, ``(Yos)``


def _expected_paragraphs(post):
    texts = [text for kind, text in post.blocks if kind in ("p", "h2")]
    texts[-1] = SIGNOFF.sub("", texts[-1])
    return texts


@pytest.mark.parametrize("theme,articles,timezone", [
    ("default", site.DEFAULT_ARTICLES, "WITA"),
    ("alt", site.ALT_ARTICLES, "WIT"),
])
def test_demo_pages_extract_cleanly(tmp_path, theme, articles, timezone):
    site.render_site(tmp_path, articles_dir=articles, theme=theme, timezone=timezone,
                     domain_label="bontolangipos.com")
    posts = site.load_articles(articles, timezone)
    assert posts
    for post in posts:
        html = (tmp_path / post.path.strip("/") / "index.html").read_text(encoding="utf-8")
        article = extract_article(html, None, timezone=timezone)
        assert article.title == post.title
        assert article.published == post.date.isoformat(timespec="seconds")
        assert article.paragraphs == _expected_paragraphs(post)
        assert article.dateline.startswith(post.dateline) and article.dateline.endswith("bontolangipos.com")
        assert article.authors == [post.author]
        assert article.section == post.category
        assert article.tags == post.tags
        assert "Baca Juga" not in article.text.title()
        if post.caption:
            assert post.caption not in article.text
