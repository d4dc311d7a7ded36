"""Render the bundled demo outlet: a WordPress-like local news site as static files.

Article sources are Markdown-like files with YAML front matter (`articles/*.md`);
the body is paragraphs separated by blank lines, `## ` starts a subheading and a
line `Baca Juga : <slug>` becomes WordPress's inline "related" link to that post.

The base URL is unknown at render time, so every absolute URL is written as
`{{BASE}}/path`; `monitor.demo.server` substitutes the real `http://127.0.0.1:PORT`.

    python -m monitor.demo.site                       # re-render monitor/demo/site/
    python -m monitor.demo.site --theme alt --articles monitor/demo/articles_alt \\
        --name "Suara Mambera" --domain suaramambera.id --timezone WIT --out /tmp/alt
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone as dt_timezone
from email.utils import format_datetime
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from monitor.outlets import TIMEZONES

HERE = Path(__file__).resolve().parent
DEFAULT_ARTICLES = HERE / "articles"
ALT_ARTICLES = HERE / "articles_alt"
DEFAULT_OUT = HERE / "site"
BASE = "{{BASE}}"
META_FILE = "_meta.json"  # read by the server (never served): timezone, page counts

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_BACA = re.compile(r"^Baca Juga\s*:\s*(\S+)\s*$")


class SourceError(ValueError):
    """An article source that cannot be rendered; the message names the file."""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Post:
    id: int
    slug: str
    title: str
    date: datetime  # aware, outlet local time
    modified: datetime
    category: str
    tags: list[str]
    author: str
    dateline: str
    caption: str | None
    blocks: list[tuple[str, str]]  # ("p"|"h2"|"baca", text or slug)
    comments: list[dict] = field(default_factory=list)
    source: str = ""

    @property
    def path(self) -> str:
        return f"/{self.date:%Y/%m/%d}/{self.slug}/"

    @property
    def link(self) -> str:
        return BASE + self.path

    @property
    def category_slug(self) -> str:
        return slugify(self.category)

    @property
    def image(self) -> str:
        return f"{BASE}/wp-content/uploads/{self.date:%Y/%m}/{self.slug}.png"

    def tag_slugs(self) -> list[tuple[str, str]]:
        return [(t, slugify(t)) for t in self.tags]

    def words(self) -> int:
        return sum(len(t.split()) for kind, t in self.blocks if kind == "p")


def _parse_local(value, tz: dt_timezone, where: str) -> datetime:
    if isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise SourceError(f"{where}: bad date {value!r}") from exc
    # YAML may hand back an aware UTC datetime for an unquoted timestamp; the
    # sources always mean the outlet's local wall-clock time.
    return dt.replace(tzinfo=tz)


def load_articles(articles_dir: Path, tz_label: str = "WITA") -> list[Post]:
    """Read every `*.md` source in `articles_dir`, newest first, with stable post ids."""
    tz = dt_timezone(timedelta(hours=TIMEZONES[tz_label]))
    raw = []
    for path in sorted(Path(articles_dir).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            raise SourceError(f"{path.name}: missing YAML front matter between --- lines")
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise SourceError(f"{path.name}: front matter is not YAML: {exc}".splitlines()[0]) from exc
        missing = {"title", "date", "category", "author"} - set(meta or {})
        if missing:
            raise SourceError(f"{path.name}: front matter lacks {', '.join(sorted(missing))}")
        blocks = []
        for chunk in re.split(r"\n\s*\n", m.group(2).strip()):
            chunk = " ".join(line.strip() for line in chunk.splitlines())
            if not chunk:
                continue
            if bm := _BACA.match(chunk):
                blocks.append(("baca", bm.group(1)))
            elif chunk.startswith("## "):
                blocks.append(("h2", chunk[3:].strip()))
            else:
                blocks.append(("p", chunk))
        date = _parse_local(meta["date"], tz, path.name)
        modified = _parse_local(meta["modified"], tz, path.name) if meta.get("modified") else date
        raw.append(dict(
            slug=meta.get("slug") or slugify(meta["title"]), title=str(meta["title"]), date=date,
            modified=modified, category=meta["category"], tags=list(meta.get("tags") or []),
            author=meta["author"], dateline=meta.get("dateline", ""), caption=meta.get("caption"),
            blocks=blocks, comments=list(meta.get("comments") or []), source=path.name,
        ))
    if not raw:
        raise SourceError(f"no *.md article sources in {articles_dir}")
    # Ids grow with publication time, with gaps, as WordPress ids do (revisions, media).
    raw.sort(key=lambda r: (r["date"], r["slug"]))
    posts = [Post(id=1200 + 13 * i + (i * 7) % 5, **r) for i, r in enumerate(raw)]
    slugs = {p.slug: p for p in posts}
    if len(slugs) != len(posts):
        raise SourceError(f"duplicate slugs in {articles_dir}")
    for p in posts:
        for kind, value in p.blocks:
            if kind == "baca" and value not in slugs:
                raise SourceError(f"{p.source}: Baca Juga names unknown slug {value!r}")
    posts.sort(key=lambda p: p.date, reverse=True)
    return posts


# --- formatting helpers -------------------------------------------------------

def indo_date(dt: datetime, with_day: bool = False, short_month: bool = False) -> str:
    month = MONTHS[dt.month - 1][:3] if short_month else MONTHS[dt.month - 1]
    text = f"{dt.day} {month} {dt.year}"
    return f"{DAYS[dt.weekday()]}, {text}" if with_day else text


def wp_local(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def wp_gmt(dt: datetime) -> str:
    return dt.astimezone(dt_timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def w3c_gmt(dt: datetime) -> str:
    return dt.astimezone(dt_timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(dt_timezone.utc))


@dataclass
class Theme:
    name: str
    dateline_html: str  # how the dateline opens the first paragraph
    baca_html: str      # the inline related-post line


THEMES = {
    "default": Theme(
        "default",
        dateline_html="{dateline}, {domain} – ",
        baca_html='<p><strong>Baca Juga :</strong>  <a href="{link}">{title}</a></p>',
    ),
    "alt": Theme(
        "alt",
        dateline_html="<strong>{dateline}, {domain} —</strong> ",
        baca_html='<div class="td-related-inline"><span class="td-related-label">BACA JUGA:</span> '
                  '<a href="{link}" rel="bookmark">{title}</a></div>',
    ),
}


def _text(value: str) -> Markup:
    # Quote marks stay literal in post content, as the outlets' editors typed them.
    return Markup(html.escape(value, quote=False))


def content_html(post: Post, by_slug: dict[str, Post], theme: Theme, domain: str) -> str:
    """The post content as WordPress stores it (`content.rendered`): caption figure, paragraphs."""
    out = []
    if post.caption:
        out.append(
            f'<figure id="attachment_{post.id + 1}" aria-describedby="caption-attachment-{post.id + 1}" '
            f'style="width: 800px" class="wp-caption aligncenter">'
            f'<img decoding="async" class="size-full wp-image-{post.id + 1}" src="{post.image}" '
            f'alt="{escape(post.title)}" width="800" height="450" />'
            f'<figcaption id="caption-attachment-{post.id + 1}" class="wp-caption-text">'
            f"{_text(post.caption)}</figcaption></figure>"
        )
    first = True
    for kind, value in post.blocks:
        if kind == "baca":
            target = by_slug[value]
            out.append(theme.baca_html.format(link=target.link, title=_text(target.title)))
        elif kind == "h2":
            out.append(f"<h2>{_text(value)}</h2>")
        else:
            text = _text(value)
            if first and post.dateline:
                text = Markup(theme.dateline_html.format(dateline=escape(post.dateline), domain=domain)) + text
            first = False
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def excerpt(post: Post, words: int = 55, more: str = " [&hellip;]") -> str:
    first = next((t for k, t in post.blocks if k == "p"), "")
    parts = first.split()
    return " ".join(parts[:words]) + (more if len(parts) > words else "")


def plain_excerpt(post: Post, words: int = 30) -> str:
    return excerpt(post, words, "…")


# --- rendering ----------------------------------------------------------------

def _write(out: Path, rel: str, text: str) -> None:
    path = out / rel.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _pages(items: list, per_page: int) -> list[list]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]


def render_site(
    out_dir,
    *,
    articles_dir=DEFAULT_ARTICLES,
    name: str = "Bontolangi Pos",
    domain_label: str = "bontolangipos.com",
    theme: str = "default",
    per_page: int = 10,
    timezone: str = "WITA",
    tagline: str = "Berita Terkini dan Terpercaya",
) -> dict:
    """Render the whole site into `out_dir` (replaced); return a summary dict of counts."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if timezone not in TIMEZONES:
        raise ValueError(f"unknown timezone {timezone!r}; choose one of {', '.join(TIMEZONES)}")
    out = Path(out_dir)
    posts = load_articles(Path(articles_dir), timezone)
    by_slug = {p.slug: p for p in posts}
    th = THEMES[theme]
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(indo_date=indo_date, wp_local=wp_local, w3c_gmt=w3c_gmt, rfc822=rfc822)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    categories = sorted({p.category for p in posts})
    cat_ids = {c: 2 + i for i, c in enumerate(categories)}
    all_tags = sorted({t for p in posts for t in p.tags})
    tag_ids = {t: 40 + i for i, t in enumerate(all_tags)}
    authors = sorted({p.author for p in posts})
    author_ids = {a: 2 + i for i, a in enumerate(authors)}
    contents = {p.slug: content_html(p, by_slug, th, domain_label) for p in posts}
    site = dict(
        name=name, domain=domain_label, tagline=tagline, base=BASE, tz_label=timezone,
        categories=[(c, slugify(c)) for c in categories], recent=posts[:6],
        tz_offset=f"+{TIMEZONES[timezone]:02d}:00",
    )
    t = lambda n: env.get_template(f"{theme}/{n}")  # noqa: E731

    # Listing pages: home, categories, tags; /page/N/ as WordPress paginates.
    listings = [("", name, posts)]
    listings += [(f"/category/{slugify(c)}", c, [p for p in posts if p.category == c]) for c in categories]
    listings += [(f"/tag/{slugify(tg)}", tg, [p for p in posts if tg in p.tags]) for tg in all_tags]
    page_counts = {}
    for prefix, label, items in listings:
        pages = _pages(items, per_page)
        page_counts[prefix + "/"] = len(pages)
        for n, chunk in enumerate(pages, start=1):
            url_of = lambda k: f"{BASE}{prefix}/" + (f"page/{k}/" if k > 1 else "")  # noqa: E731
            html = t("listing.html").render(
                site=site, label=label, is_home=not prefix, posts=chunk, page=n, pages=len(pages),
                url_of=url_of, canonical=url_of(n), excerpt=excerpt, plain_excerpt=plain_excerpt,
                kind=prefix.split("/")[1] if prefix else "home",
            )
            _write(out, f"{prefix}/" + (f"page/{n}/" if n > 1 else "") + "index.html", html)

    for p in posts:
        html = t("article.html").render(
            site=site, post=p, content=Markup(contents[p.slug]), excerpt=plain_excerpt(p),
            jsonld=Markup(json.dumps(_jsonld(p, site, theme), ensure_ascii=False, indent=None)
                          .replace("</", "<\\/")),
            comments=[dict(c, id=p.id * 10 + i, when=_parse_local(c["date"], p.date.tzinfo, p.source))
                      for i, c in enumerate(p.comments)],
        )
        _write(out, p.path + "index.html", html)

    _write(out, "/404.html", t("404.html").render(site=site))
    feed_env = env.get_template("feed.xml")
    _write(out, "/feed/index.xml", feed_env.render(
        site=site, posts=posts[:10], contents={k: Markup(v) for k, v in contents.items()},
        excerpt=lambda p: Markup(excerpt(p)), last=max(p.modified for p in posts)))
    _write(out, "/robots.txt",
           "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
           f"Sitemap: {BASE}/wp-sitemap.xml\n")
    sm_pages = _pages(sorted(posts, key=lambda p: p.id), 2000)
    _write(out, "/wp-sitemap.xml", env.get_template("wp-sitemap.xml").render(
        site=site, post_pages=len(sm_pages), has_taxonomies=True))
    for n, chunk in enumerate(sm_pages, start=1):
        _write(out, f"/wp-sitemap-posts-post-{n}.xml", env.get_template("wp-sitemap-posts.xml").render(
            urls=[(p.link, p.modified) for p in chunk]))
    _write(out, "/wp-sitemap-taxonomies-category-1.xml", env.get_template("wp-sitemap-posts.xml").render(
        urls=[(f"{BASE}/category/{slugify(c)}/", None) for c in categories]))

    rest = [_rest_post(p, contents[p.slug], cat_ids, tag_ids, author_ids) for p in posts]
    _write(out, "/wp-json/wp/v2/posts/index.json", json.dumps(rest, ensure_ascii=False))
    _write(out, "/wp-json/wp/v2/categories/index.json", json.dumps(
        [dict(id=cat_ids[c], count=sum(p.category == c for p in posts), name=c, slug=slugify(c),
              link=f"{BASE}/category/{slugify(c)}/", taxonomy="category") for c in categories],
        ensure_ascii=False))
    _write(out, "/wp-json/index.json", json.dumps(dict(
        name=name, description=tagline, url=BASE, home=BASE, gmt_offset=TIMEZONES[timezone],
        timezone_string={"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}[timezone],
        namespaces=["oembed/1.0", "wp/v2"], routes={"/wp/v2/posts": {"namespace": "wp/v2"}},
    ), ensure_ascii=False))
    summary = dict(
        name=name, theme=theme, timezone=timezone, offset_hours=TIMEZONES[timezone], per_page=per_page,
        articles=len(posts), first=posts[-1].date.isoformat(), last=posts[0].date.isoformat(),
        page_counts=page_counts,
    )
    _write(out, "/" + META_FILE, json.dumps(summary, ensure_ascii=False, indent=1))
    return summary


def _jsonld(p: Post, site: dict, theme: str) -> dict:
    article = {
        "@type": "NewsArticle" if theme == "default" else "Article",
        "headline": p.title,
        "datePublished": p.date.isoformat(),
        "dateModified": p.modified.isoformat(),
        "author": {"@type": "Person", "name": p.author},
        "publisher": {"@type": "Organization", "name": site["name"],
                      "logo": {"@type": "ImageObject", "url": f"{BASE}/wp-content/uploads/logo.png"}},
        "mainEntityOfPage": {"@type": "WebPage", "@id": p.link},
        "image": p.image,
        "articleSection": p.category,
        "keywords": ", ".join(p.tags),
        "inLanguage": "id-ID",
    }
    if theme == "default":
        return {"@context": "https://schema.org", **article}
    # The alt theme mimics Yoast SEO: one @graph with WebPage, Article and Person nodes.
    article.update({"@id": p.link + "#article", "isPartOf": {"@id": p.link},
                    "author": {"@id": f"{BASE}/#/schema/person/{slugify(p.author)}"}})
    article.pop("mainEntityOfPage")
    return {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": p.link, "url": p.link, "name": p.title,
         "datePublished": p.date.isoformat(), "inLanguage": "id-ID"},
        article,
        {"@type": "Person", "@id": f"{BASE}/#/schema/person/{slugify(p.author)}", "name": p.author},
    ]}


def _rest_post(p: Post, content: str, cat_ids, tag_ids, author_ids) -> dict:
    return {
        "id": p.id, "date": wp_local(p.date), "date_gmt": wp_gmt(p.date),
        "guid": {"rendered": f"{BASE}/?p={p.id}"},
        "modified": wp_local(p.modified), "modified_gmt": wp_gmt(p.modified),
        "slug": p.slug, "status": "publish", "type": "post", "link": p.link,
        "title": {"rendered": str(escape(p.title))},
        "content": {"rendered": content + "\n", "protected": False},
        "excerpt": {"rendered": f"<p>{excerpt(p)}</p>\n", "protected": False},
        "author": author_ids[p.author], "featured_media": p.id + 1 if p.caption else 0,
        "comment_status": "open", "format": "standard",
        "categories": [cat_ids[p.category]], "tags": [tag_ids[t] for t in p.tags],
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Render the demo outlet to static files.")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--name", default="Bontolangi Pos")
    ap.add_argument("--domain", default="bontolangipos.com")
    ap.add_argument("--tagline", default="Berita Terkini dan Terpercaya")
    ap.add_argument("--theme", default="default", choices=sorted(THEMES))
    ap.add_argument("--timezone", default="WITA", choices=sorted(TIMEZONES))
    ap.add_argument("--per-page", type=int, default=10)
    a = ap.parse_args(argv)
    try:
        s = render_site(a.out, articles_dir=a.articles, name=a.name, domain_label=a.domain,
                        theme=a.theme, per_page=a.per_page, timezone=a.timezone,
                        tagline=a.tagline)
    except SourceError as exc:
        raise SystemExit(f"error: {exc}") from None
    print(f"{s['articles']} articles, {s['first'][:10]} .. {s['last'][:10]}, written to {a.out}")


if __name__ == "__main__":
    main()
