"""URL identity and URL kinds for news crawling.

`canonical_url` decides when two links are the same article: tracking
parameters, fragments, AMP variants, http/https and trailing-slash spellings
all collapse to one key (w3lib does the general canonicalisation).
`is_trap` and `looks_like_article` keep the listing walker out of calendars,
comment replies, searches and taxonomy pages.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref|amp|output|outputType|replytocom|share|s_cid)$", re.I)
_AMP_PATH = re.compile(r"/amp/?$|/amp(?=/)", re.I)


def canonical_url(url: str, scheme: str | None = None) -> str:
    """One spelling per article.

    `scheme` is the outlet's own scheme, so http and https links of one outlet
    meet; without it https is assumed.
    """
    url = canonicalize_url(url.strip(), keep_fragments=False)
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = _AMP_PATH.sub("", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    host = (parts.hostname or "").lower()
    if host.startswith("amp."):
        host = host[4:]
    netloc = host + (f":{parts.port}" if parts.port and parts.port not in (80, 443) else "")
    return urlunsplit((scheme or "https", netloc, path, query, ""))


def clean_url(url: str) -> str:
    """The URL to fetch: tracking parameters, fragment and AMP suffix removed, otherwise as published
    (the full page, not its AMP copy, is what the extractor reads best)."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path or "/"
    if _AMP_PATH.search(path):
        path = _AMP_PATH.sub("", path).rstrip("/") + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


# Pages that are never articles, and endless spaces a crawler can wander into.
_TRAP_PATTERNS = [
    r"[?&](s|q|search|replytocom|share|print|like_comment|attachment_id|orderby|filter_[a-z]+)=",
    r"[?&](p|page_id)=\d+&",  # query permalinks with extra parameters
    r"/(search|cari|pencarian)(/|$)",
    r"/comment-page-\d+", r"/(feed|rss|atom|trackback|embed)/?$",
    r"/wp-(admin|login|json|content|includes|signup)", r"/xmlrpc\.php", r"/cdn-cgi/",
    r"/(author|tag|tags|topik|topic|category|kategori|kanal|label)/",
    r"/page/\d+", r"[?&]paged?=\d+",
    # Date archives without a slug: /2024/, /2024/06/, /2024/06/25/, ?m=202406
    r"/\d{4}(/\d{1,2}){0,2}/?$", r"[?&]m=\d{4,8}",
    r"/(calendar|kalender|events?)/\d{4}", r"[?&](ical|tribe-bar-date|date|year|month)=",
    r"\.(jpe?g|png|gif|webp|svg|pdf|zip|mp[34]|docx?|xlsx?)$",
]
_TRAP = re.compile("|".join(_TRAP_PATTERNS), re.I)
_PAGE_NOT_ARTICLE = re.compile(
    r"^/(about|tentang|kontak|contact|redaksi|pedoman[^/]*|privacy[^/]*|kebijakan[^/]*|disclaimer|"
    r"iklan|advertise|karir|career|susunan-redaksi|info-iklan|sitemap|index|home|beranda|login|register)/?$",
    re.I,
)


def is_trap(url: str) -> bool:
    return bool(_TRAP.search(url))


def looks_like_article(url: str) -> bool:
    """A link a news listing points to for one story (not a section, tag, page or file)."""
    if is_trap(url):
        return False
    parts = urlsplit(url)
    path = parts.path
    if re.fullmatch(r"[?&]?p=\d+", parts.query or "") and path in ("", "/", "/index.php"):
        return True
    if _PAGE_NOT_ARTICLE.match(path):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    last = segments[-1]
    # Numeric story ids (/read/2437019/..., /berita/527615/...) or a date in the path.
    if re.search(r"/\d{5,}(/|-|\.|$)|/\d{4}/\d{1,2}/\d{1,2}/.+|-\d{5,}", path):
        return True
    # WordPress slugs: several words joined by hyphens.
    words = re.split(r"[-_]+", re.sub(r"\.(html?|php)$", "", last))
    return len(words) >= 3 and len(last) >= 15


_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")


def date_from_url(url: str) -> datetime | None:
    """`/2024/06/25/slug/` -> the last second of 2024-06-25 UTC: a story of that day in any
    Indonesian zone is no later, so a window test on it never drops a story of the window."""
    m = _URL_DATE.search(urlsplit(url).path + "/")
    if not m:
        return None
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3]), 23, 59, 59, tzinfo=timezone.utc)
    except ValueError:
        return None
