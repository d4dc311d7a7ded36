"""html -> Article: structured data first, then the outlet's profile, then the generic layer."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from . import clean, dates, dom, generic, structured
from .profiles import Profile, _host, candidates, select

MIN_BODY_CHARS = 100
_FIELDS = ("url", "canonical_url", "title", "published", "modified", "authors", "section", "tags",
           "dateline", "text", "paragraphs", "lead_image", "lang")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»·]+\s+|\s*\|\s*|(?<=\w):\s+")
_ERROR_TITLE = re.compile(r"\b(?:404|not found|tidak ditemukan|halaman tidak|page not found|error)\b", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2}|\d{2})/(\d{1,2})/(\d{1,2})/")
_DATE_CLASS = re.compile(r"date|time|tanggal|tgl|waktu|publish|posted|jam", re.I)
_PAGE_HREF = re.compile(r"(?:[?&](?:page|hal|halaman|p)=(\d+)|/(\d{1,2})/?$|/(?:page|halaman)/(\d+)/?$)", re.I)
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "published_time", "datepublished",
                   "publishdate", "publish-date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
                   "parsely-pub-date", "sailthru.date", "content_publishedtime", "article.published", "publish_date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
                  "dcterms.modified", "article.updated")
_ID_WORDS = frozenset("yang dan di dengan untuk ini itu dari dalam pada tidak akan juga ke oleh".split())
_EN_WORDS = frozenset("the and of to in is that for with was on are by it from".split())


class NotAnArticle(ValueError):
    """The page holds no article (a listing, a feed, an error page); ``reason`` says why in one line."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Article:
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    dateline: str | None = None
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    lead_image: str | None = None
    lang: str | None = None
    # Not part of the JSON: where the body came from, and further pages of a split article.
    layer: str | None = field(default=None, compare=False)
    page_urls: list[str] = field(default_factory=list, compare=False)

    def to_dict(self) -> dict:
        data = asdict(self)
        return {k: data[k] for k in _FIELDS}


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", s or "").strip().lower()


def _site_like(segment: str, keys: list[str]) -> bool:
    """A title segment that names the site: a domain, or mostly a site name (``Kompas.com Regional``)."""
    flat = _norm(segment).replace(" ", "")
    if not flat:
        return False
    if clean.DOMAIN.search(segment) and len(segment.split()) <= 4:
        return True
    return any(k in flat and len(k) >= 0.5 * len(flat) for k in keys)


def _strip_site(title: str, site_names: list[str]) -> str:
    """Drop leading and trailing segments naming the site (``- Kompas.com``, ``KapanLagi.com:``)."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) == 1:
        return title
    keys = [k for k in (_norm(s).replace(" ", "") for s in site_names) if len(k) >= 3]
    start, end = 0, len(parts)
    while start < end - 1 and _site_like(parts[start], keys):
        start += 1
    while end - 1 > start and _site_like(parts[end - 1], keys):
        end -= 1
    if (start, end) == (0, len(parts)):
        return title
    # Rejoin with the page's own separators: the span from the first to the last kept segment.
    first = title.find(parts[start])
    last = title.rfind(parts[end - 1]) + len(parts[end - 1])
    return title[first:last].strip() if 0 <= first < last else title


def _site_names(st: structured.Structured, url: str | None) -> list[str]:
    names = [st.first("og:site_name", "application-name", "twitter:site") or ""]
    publisher = st.jsonld.get("publisher")
    names += structured.names(publisher)
    host = _host(url)
    if host:
        labels = host.split(".")
        names.append(".".join(labels))
        names += [lb for lb in labels if len(lb) > 3 and lb not in ("www", "com", "news", "berita")]
    return [n.lstrip("@") for n in names if n]


_HEADLINE_XPATH = etree.XPath(
    "//h1 | //*[self::h2 or self::h3 or self::div or self::span or self::p]"
    "[@itemprop='headline' or re:test(concat(@class, ' ', @id), 'title|judul|jdl|headline|heading', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _headlines(doc) -> list:
    """Visible headline candidates in document order: h1s and elements named like a title."""
    found = []
    for el in _HEADLINE_XPATH(doc):
        text = dom.text_of(el)
        if 3 <= len(text) <= 300:
            found.append((el, text))
            if len(found) >= 40:
                break
    return found


def _title(doc, st, site: list[str], profile: Profile | None):
    """(title, headline element or None). The visible headline wins when it agrees with the declared one."""
    if profile:
        found = profile.select(doc, "title")
        if found:
            return (found[0], None) if isinstance(found[0], str) else (dom.text_of(found[0]), found[0])
    declared = [" ".join(str(t).split()) for t in (st.jsonld.get("headline"), st.first("og:title", "twitter:title")) if t]
    head = doc.find(".//title")
    head_title = dom.text_of(head) if head is not None else ""
    stripped = [_strip_site(t, site) for t in declared + ([head_title] if head_title else [])]
    keys = [_norm(t) for t in stripped + declared if _norm(t)]
    visible = _headlines(doc)
    for el, text in visible:
        if _norm(text) in keys:
            return text, el
    for el, text in visible:
        # A visible kicker such as ``In Picture:`` or ``FOTO:`` in front of the declared title.
        n = _norm(text)
        if any(n.endswith(k) and len(n) - len(k) <= 25 and len(k) >= 12 for k in keys):
            return text, el
    for el, text in visible:
        n = _norm(text)
        if el.tag == "h1" and len(n) >= 12 and any(n in k for k in keys):
            return text, el
        # JSON-LD headlines are often cut at 110 characters; the visible one is whole.
        if el.tag == "h1" and any(len(k) >= 30 and n.startswith(k) for k in keys):
            return text, el
    if stripped:
        key = _norm(stripped[0])
        heading = next((h for h in doc.iter("h1", "h2", "h3") if _norm(dom.text_of(h)) == key), None)
        return stripped[0], heading
    h1 = next(((el, t) for el, t in visible if el.tag == "h1"), None)
    return (h1[1], h1[0]) if h1 else (None, None)


def _date_from(values, tz, now):
    for v in values:
        if v:
            parsed = dates.parse_date(str(v), tz, now)
            if parsed is not None:
                return parsed
    return None


def _texts_around(headline, after: int, before: int) -> tuple[list[str], list[str]]:
    """(text pieces after the headline, in order; pieces before it, nearest first)."""
    pieces: list[str] = []
    at = None
    for el in headline.getroottree().iter():
        if el is headline:
            at = len(pieces)
            if el.tail:
                pieces.append(el.tail)  # the headline's own text is not a date source
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "option", "select", "title"):
            if getattr(el, "tail", None):
                pieces.append(el.tail)
            continue
        if el.tag == "time" and el.get("datetime"):
            pieces.append(el.get("datetime"))
        if el.text:
            pieces.append(el.text)
        if el.tail:
            pieces.append(el.tail)
        if at is not None and len(pieces) > at + after:
            break
    if at is None:
        return [], []
    forward = [p.strip() for p in pieces[at:] if p.strip()][:after]
    backward = [p.strip() for p in pieces[:at] if p.strip()][-before:]
    return forward, backward[::-1]


def _byline_date(pieces, tz, now, stop_at_prose: bool):
    for piece in pieces:
        if len(piece) >= 200:
            if stop_at_prose:  # the body has begun
                return None
            continue
        found = dates.find_date(piece, tz, now)
        if found:
            return found
    return None


_NOT_NAME = r"(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Editor|Pewarta|Reporter|Foto)\b)"
_BYLINE = re.compile(
    r"\b(?i:penulis|reporter|pewarta|wartawan|kontributor|oleh|by)\s*:?\s+"
    r"(" + _NOT_NAME + r"[A-Z][\w'’.-]*\.?(?:\s+" + _NOT_NAME + r"(?:[A-Z][\w'’.-]*|bin|binti|al|de|van)){0,4})",
)


def _byline_authors(headline) -> list[str]:
    """Names labelled as the writer (``Penulis: X``, ``Oleh X``) in the few elements after the headline."""
    if headline is None:
        return []
    found: list[str] = []
    node = headline
    for _ in range(2):  # the headline itself, then its wrapper (``<div class="judul"><h1>``)
        sib = node.getnext()
        for _ in range(4):
            if sib is None:
                break
            text = " ".join(" ".join(sib.itertext()).split())
            if len(text) <= 200:
                found += [m.group(1).strip(" .") for m in _BYLINE.finditer(text)]
            sib = sib.getnext()
        if found or node.getparent() is None:
            break
        node = node.getparent()
    return found


def _date_elements(doc, tz, now):
    """A date in an element named like one (``<time>``, ``class="date"``), anywhere on the page."""
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "time" and el.get("datetime"):
            found = dates.parse_date(el.get("datetime"), tz, now)
        elif _DATE_CLASS.search(dom.attrs(el)) or el.get("itemprop") in ("datePublished", "dateCreated"):
            text = el.get("content") or el.get("datetime") or el.text_content()
            found = dates.find_date(text, tz, now) if len(text) <= 150 else None
        else:
            continue
        if found is not None:
            return found
    return None


def _url_date(url, tz):
    m = _URL_DATE.search(urlsplit(url).path) if url else None
    if not m:
        return None
    y, mo, d = m.groups()
    year = int(y) if len(y) == 4 else 2000 + int(y)
    try:
        return datetime(year, int(mo), int(d), tzinfo=dates.zone(tz))
    except ValueError:
        return None


def _lang(st, paragraphs) -> str | None:
    """The text's language when its common words say so clearly; else what the page declares.

    Many Indonesian templates declare ``lang="en"``, so enough text outweighs the declaration.
    """
    words = " ".join(paragraphs).lower().split()[:400]
    if len(words) >= 30:
        ind = sum(w in _ID_WORDS for w in words)
        eng = sum(w in _EN_WORDS for w in words)
        if max(ind, eng) >= 5 and max(ind, eng) >= 3 * min(ind, eng):
            return "id" if ind > eng else "en"
    declared = st.jsonld.get("inLanguage") or st.lang or ""
    if isinstance(declared, str) and declared.strip():
        return re.split(r"[-_]", declared.strip().lower())[0] or None
    return None


def _abs(url, base):
    if not url:
        return None
    url = url.strip()
    return urljoin(base, url) if base else url


_ORG_NAME = re.compile(r"^(?:pt|cv)\b\.?|\.(?:com|co\.id|id|net)\b|\b(?:media|network|group|cyber)\b", re.I)


def _authors(st, site_names, *groups) -> list[str]:
    """Writers named by JSON-LD, meta, the profile, the byline and credit lines; organisations left out."""
    found = structured.names(st.jsonld.get("author"))
    meta_author = st.first("author", "article:author", "dc.creator", "parsely-author")
    if meta_author and not meta_author.startswith("http"):
        found.append(meta_author)
    for group in groups:
        found += group
    site_keys = {k for k in (_norm(n) for n in site_names) if len(k) >= 4}
    out: list[str] = []
    for name in found:
        name = " ".join(name.split()).strip(" ,.-")
        key = _norm(name)
        if not key or name.startswith("http") or _ORG_NAME.search(name):
            continue
        if any(k in key.split() or k == key for k in site_keys):
            continue
        if any(key == _norm(o) or key.startswith(_norm(o) + " ") for o in out):
            continue
        out.append(name)
    return out


def _page_urls(doc, page_url, first_url=None) -> list[str]:
    """Further pages of a split article (``?page=2``, ``/2/``), in order.

    ``first_url`` is page 1's address when ``doc`` is a later page: ``/slug/3/`` continues ``/slug``, not ``/slug/2``.
    """
    if not page_url:
        return []
    base = (first_url or page_url).split("?")[0].split("#")[0].rstrip("/")
    found = {}
    for a in doc.iter("a"):
        href = a.get("href")
        if not href or not _PAGE_HREF.search(href.split("#")[0]):  # cheap test before urljoin
            continue
        target = urljoin(page_url, href).split("#")[0]
        m = _PAGE_HREF.search(target)
        if not m or not target.startswith(base):
            continue
        rest = target[len(base):]
        # ``/slug?page=2`` and, as WordPress permalinks end in a slash, ``/slug/?page=2``.
        if not re.fullmatch(r"(?:/?[?&](?:page|hal|halaman|p)=\d+|/\d{1,2}/?|/(?:page|halaman)/\d+/?)", rest, re.I):
            continue
        number = int(next(g for g in m.groups() if g))
        if number >= 2:
            found.setdefault(number, target)
    return [found[n] for n in sorted(found)]


def _profile_body(doc, profiles: list[Profile]):
    """(profile, its body elements in page order) for the first profile whose body selector matches."""
    for profile in profiles:
        found = [el for el in profile.select(doc, "body") if not isinstance(el, str)]
        # Every match is a piece of the body (a story split by ad slots), unless nested in another match.
        bodies = [el for el in found if not any(other is not el and other in el.iterancestors() for other in found)]
        if not bodies:
            continue
        for body in bodies:
            for css in profile.remove:
                for el in select(body, (css,)):
                    if el is not body:
                        el.drop_tree()
        return profile, bodies
    return None, []


def _outlet_profile(outlet) -> list[Profile]:
    selectors = getattr(outlet, "selectors", None) or {}
    if not selectors.get("body"):
        return []
    keys = {k: (tuple(v) if isinstance(v, (list, tuple)) else (v,)) for k, v in selectors.items()
            if k in ("body", "title", "published", "modified", "authors", "section", "tags", "remove")}
    return [Profile(name=getattr(outlet, "id", "outlet"), version=0, **keys)]


_LISTING_PATH = re.compile(
    r"^/(?:category|kategori|tag|tags|topik|topic|author|penulis|page|indeks|index|search|cari|kanal|rubrik|arsip|archive)"
    r"(?:/|\.html?$|$)|/page/\d+/?$", re.I)


def _listing_url_reason(url) -> str | None:
    """A home page or a tag/category/search/archive address is never one article."""
    if not url or "://" not in url:
        return None
    path = urlsplit(url).path or "/"
    if path == "/" or path.lower() in ("/index.html", "/index.php", "/home"):
        return "a home page, not an article"
    if _LISTING_PATH.search(path):
        return f"a listing address ({path}), not an article"
    return None


def _listing_reason(body, lines, paragraphs) -> str | None:
    """Why the chosen block is a list of other articles rather than one article, or None."""
    dated = sum(map(clean.is_date_line, lines))
    if dated >= 3:
        return f"a listing page ({dated} dated entries), not an article"
    if body is None:
        return None
    linked_heads = sum(1 for h in body.iter("h1", "h2", "h3", "h4") if h.find(".//a") is not None)
    text = _chars(paragraphs)
    if linked_heads >= 4 or (linked_heads and text < 600):
        # Headlines that link elsewhere are teaser cards: many, or one beside little text.
        return f"a listing page ({linked_heads} linked headlines), not an article"
    heads = [len(dom.text_of(a)) for a in body.iter("a")]
    heads = [n for n in heads if n >= 25]
    if len(heads) >= 6 and sum(heads) >= 0.35 * (text or 1):
        return f"a listing page ({len(heads)} headline links), not an article"
    return None


def _drop_header_lines(paragraphs, title):
    """A body that repeats the headline near its top: the headline and what precedes it are page header."""
    key = _norm(title)
    if key:
        for i, p in enumerate(paragraphs[:5]):
            if _norm(p) == key:
                return paragraphs[i + 1:]
    return paragraphs


def _trafilatura_lines(html, url) -> list[str]:
    import trafilatura  # imported here: rarely needed, and slow to import

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)
    return text.splitlines() if text else []


def _pruned(html, keep_captions: bool):
    doc = dom.parse(html)
    dom.prune(doc, keep_captions=keep_captions)
    return doc


def _chars(paragraphs) -> int:
    return sum(map(len, paragraphs))


def _dates(doc, st, profile, headline, page_url, tz, now):
    """(published, modified): declared first (JSON-LD, meta, profile), then the byline, the URL, date-named elements."""
    ld = st.jsonld
    published = (_date_from([ld.get("datePublished"), ld.get("dateCreated")], tz, now)
                 or _date_from((st.meta.get(k) for k in _PUBLISHED_META), tz, now))
    if published is None and profile:
        published = _date_from(profile.select(doc, "published"), tz, now)
    modified = (_date_from([ld.get("dateModified")], tz, now)
                or _date_from((st.meta.get(k) for k in _MODIFIED_META), tz, now))
    if modified is None and profile:
        modified = _date_from(profile.select(doc, "modified"), tz, now)
    if published is None:
        # The byline under the headline, then the URL (to the day), then just above the headline.
        forward, backward = _texts_around(headline, 40, 10) if headline is not None else ([], [])
        published = _byline_date(forward, tz, now, stop_at_prose=True)
        if published is None:
            day, above = _url_date(page_url, tz), _byline_date(backward, tz, now, stop_at_prose=False)
            # A time printed above the headline is kept when the URL agrees on the day.
            published = above if above and (day is None or above.date() == day.date()) else day
        published = published or _date_elements(doc, tz, now)
    return published, modified


def _labels(doc, st, profile):
    """(section or None, tags): declared by the page, else by the outlet's profile."""
    ld = st.jsonld
    section = (structured.text_list(ld.get("articleSection")) or [st.first("article:section")])[0]
    if not section and profile:
        section = next((dom.text_of(e) for e in profile.select(doc, "section")), None)
    tags = structured.text_list(st.meta.get("article:tag:list")) or structured.text_list(ld.get("keywords"))
    tags = [t for t in tags if not clean.credit(t)]
    if not tags and profile:
        tags = [t for t in (dom.text_of(e) for e in profile.select(doc, "tags")) if t]
    return section or None, tags or structured.text_list(st.meta.get("news_keywords"))


@dataclass
class _Body:
    element: object  # the main body element, when the DOM gave one
    lines: list
    paragraphs: list
    dateline: str | None
    credited: list
    layer: str


def _clean_body(element, lines, layer, **options) -> _Body:
    paragraphs, dateline, credited = clean.clean_paragraphs(lines, **options)
    return _Body(element, lines, paragraphs, dateline, credited, layer)


def _body(doc, html, url, ld, profile, bodies, declared_article) -> _Body:
    """The body through the layers: profile, generic, generic with captions (photo story), JSON-LD, trafilatura."""
    found = _Body(None, [], [], None, [], "none")
    if bodies:
        lines = []
        for piece in bodies:
            dom.prune(piece)
            lines += dom.lines(piece)
        found = _clean_body(bodies[0], lines, f"profile:{profile.name}@{profile.version}",
                            caption_first=profile.caption_first)
    if _chars(found.paragraphs) < MIN_BODY_CHARS:
        dom.prune(doc)
        found = _clean_body(*generic.extract_lines(doc), "generic")
    if _chars(found.paragraphs) < MIN_BODY_CHARS:
        # A photo story: its caption is its text. The first parse was pruned, so parse again.
        element, lines = generic.extract_lines(_pruned(html, keep_captions=True), keep_captions=True)
        found = _clean_body(element, lines, "generic:captions", keep_captions=True)
    article_body = ld.get("articleBody")
    if isinstance(article_body, str) and len(article_body) > 2 * max(_chars(found.paragraphs), MIN_BODY_CHARS):
        # The page's own plain-text body beats a DOM guess that found much less.
        found = _clean_body(None, article_body.splitlines(), "jsonld")
    if _chars(found.paragraphs) < MIN_BODY_CHARS and declared_article:
        # The page says it is an article and our layers found no body: last resort, a generic extractor.
        lines = _trafilatura_lines(html, url)
        if lines:
            found = _clean_body(None, lines, "trafilatura")
    return found


def extract_article(html: str | bytes, url: str | None = None, *, timezone: str = "WIB", outlet=None,
                    fetched_at: datetime | str | None = None) -> Article:
    """Extract one article from a page. Raises NotAnArticle for listings, feeds and error pages.

    ``outlet`` is an outlet id or an ``Outlet`` (its ``selectors`` act as a profile);
    ``fetched_at`` anchors relative dates such as ``2 jam lalu``. Times are shown in ``timezone``.
    """
    if html is None or not html.strip():
        raise NotAnArticle("empty page")
    head = (html[:1000] if isinstance(html, str) else html[:1000].decode("utf-8", "replace")).lstrip().lower()
    if "<html" not in head and any(tag in head for tag in ("<rss", "<feed", "<urlset", "<sitemapindex", "<rdf:rdf")):
        raise NotAnArticle("an XML feed or sitemap, not an article page")
    if head[:1] in ("{", "["):
        raise NotAnArticle("JSON, not an HTML page")
    try:
        doc = dom.parse(html)
    except Exception as exc:  # lxml raises several types for unparseable input
        raise NotAnArticle(f"unparseable HTML ({exc.__class__.__name__})") from None
    outlet_id = outlet if isinstance(outlet, str) else getattr(outlet, "id", None)
    tz = timezone or getattr(outlet, "timezone", None) or "WIB"
    st = structured.read(doc)
    ld = st.jsonld
    canonical = _abs(st.canonical or st.first("og:url") or structured.url_of(ld.get("mainEntityOfPage"))
                     or structured.url_of(ld.get("url")), url) or url
    page_url = url or canonical

    # Everything read from the intact page comes before the body layers prune it.
    profile, bodies = _profile_body(doc, _outlet_profile(outlet) + candidates(page_url, outlet_id))
    site = _site_names(st, page_url)
    title, headline = _title(doc, st, site, profile)
    published, modified = _dates(doc, st, profile, headline, page_url, tz, fetched_at)
    section, tags = _labels(doc, st, profile)
    writers = [e if isinstance(e, str) else dom.text_of(e) for e in profile.select(doc, "authors")] if profile else []
    # A selector may catch the label too: ``Penulis: Andi``.
    writers = [(clean.credit(w) or (None, w))[1] for w in writers] + _byline_authors(headline)
    page_urls = _page_urls(doc, page_url)
    lead_image = (st.first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
                  or structured.url_of(ld.get("image")))
    og_type = (st.first("og:type") or "").lower()
    declared_article = bool(ld) or og_type == "article" or bool(st.first("article:published_time"))

    body = _body(doc, html, url, ld, profile, bodies, declared_article)
    paragraphs = body.paragraphs
    if title and _ERROR_TITLE.search(title) and len(title) < 80 and _chars(paragraphs) < 600:
        raise NotAnArticle(f"error page: {title}")
    # The fetched URL decides over the canonical one: some sites point every canonical at their home page.
    reason = _listing_url_reason(page_url) or _listing_reason(body.element, body.lines, paragraphs)
    if reason:
        raise NotAnArticle(reason)
    paragraphs = _drop_header_lines(paragraphs, title)
    text_len = _chars(paragraphs)
    if not declared_article and text_len < 400 and len(paragraphs) < 3:
        # A home or section page: a teaser or two, and nothing saying this is an article.
        raise NotAnArticle(f"no article on this page (og:type {og_type or 'absent'}, {text_len} characters of prose)")
    if text_len < MIN_BODY_CHARS:
        raise NotAnArticle(f"no article body found ({text_len} characters of prose)")
    if not lead_image and body.element is not None:
        img = next((i for i in body.element.iter("img") if not (i.get("src") or "data:").startswith("data:")), None)
        lead_image = img.get("src") if img is not None else None

    return Article(
        url=url,
        canonical_url=canonical,
        title=title,
        published=dates.iso(published, tz),
        modified=dates.iso(modified, tz),
        authors=_authors(st, site, writers, body.credited),
        section=section,
        tags=tags,
        dateline=body.dateline,
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        lead_image=_abs(lead_image, url),
        lang=_lang(st, paragraphs),
        layer=body.layer,
        page_urls=page_urls,
    )


def continuation_urls(html: str | bytes, url: str, first_url: str | None = None) -> list[str]:
    """Further pages of a split article that the page at ``url`` links to, in page order; [] for most pages.

    What `extract_article` puts in ``Article.page_urls``, without the extraction: a crawler asks this
    before deciding to fetch more. ``first_url`` is page 1's address when ``url`` is a later page.
    """
    if not html or not url:
        return []
    try:
        doc = dom.parse(html)
    except Exception:  # lxml raises several types for unparseable input; such a page continues nowhere
        return []
    return _page_urls(doc, url, first_url)


def extract_pages(html: str | bytes, url: str | None = None, more_html=(), **kw) -> Article:
    """One article from the pages of a split article: page 1 (``html`` at ``url``) and ``more_html`` in order.

    Page 1 is read by `extract_article` (and may raise NotAnArticle); further pages are read as
    ``monitor extract FILE PAGE2`` reads them, and one without an article body is left out.
    ``kw`` goes to `extract_article` (timezone, outlet, fetched_at).
    """
    first = extract_article(html, url, **kw)
    more = []
    for page in more_html:
        try:
            more.append(extract_article(page, None, **kw))
        except NotAnArticle:
            continue
    return join_pages(first, *more) if more else first


def join_pages(first: Article, *more: Article) -> Article:
    """One article from the pages of a split article (page 1 first); repeated paragraphs are kept once."""
    paragraphs = list(first.paragraphs)
    seen = set(paragraphs)
    for page in more:
        for p in page.paragraphs:
            if p not in seen:
                paragraphs.append(p)
                seen.add(p)
    joined = Article(**{k: getattr(first, k) for k in _FIELDS})
    joined.paragraphs = paragraphs
    joined.text = "\n\n".join(paragraphs)
    joined.layer = first.layer
    return joined
