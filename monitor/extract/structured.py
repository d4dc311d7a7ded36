"""Structured data layer: JSON-LD (via extruct), OpenGraph/article meta, canonical link, page language.

Everything here is what the page declares about itself; nothing is inferred from the visible text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extruct.jsonld import JsonLdExtractor

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "blogposting", "liveblogposting", "reviewnewsarticle", "webpage-article",
}
_JSONLD = JsonLdExtractor()


@dataclass
class Structured:
    """What a page says about itself. ``jsonld`` is the article object, or {} when the page has none."""

    jsonld: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    canonical: str | None = None
    lang: str | None = None

    def first(self, *names: str) -> str | None:
        for name in names:
            value = self.meta.get(name)
            if value:
                return value
        return None


def _types(item: dict) -> set[str]:
    kind = item.get("@type") or []
    if isinstance(kind, str):
        kind = [kind]
    return {str(k).lower() for k in kind}


def _walk(items):
    for item in items:
        if isinstance(item, list):
            yield from _walk(item)
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                sub = item.get(key)
                if isinstance(sub, (list, dict)):
                    yield from _walk(sub if isinstance(sub, list) else [sub])


def jsonld_article(doc) -> dict:
    """The page's JSON-LD article object (NewsArticle, Article, ...); one broken script does not hide the others."""
    items = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            items.extend(_JSONLD.extract_items(script))
        except ValueError:
            continue
    for item in _walk(items):
        if _types(item) & ARTICLE_TYPES:
            return item
    return {}


def read(doc) -> Structured:
    """Collect JSON-LD, meta tags, canonical link and declared language from a parsed lxml document."""
    meta: dict[str, str] = {}
    tags: list[str] = []
    for el in doc.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if not key or value is None:
            continue
        key = key.strip().lower()
        value = " ".join(value.split())
        if key in ("article:tag", "og:article:tag"):
            tags.append(value)
        meta.setdefault(key, value)
    if tags:
        meta["article:tag:list"] = tags
    canonical = None
    for el in doc.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            canonical = el.get("href").strip()
            break
    root = doc.getroot() if hasattr(doc, "getroot") else doc
    lang = root.get("lang") or root.get("xml:lang") or meta.get("content-language") or meta.get("og:locale")
    return Structured(jsonld=jsonld_article(doc), meta=meta, canonical=canonical, lang=lang)


def names(value) -> list[str]:
    """JSON-LD author/person values (str, dict, list) -> list of names."""
    if value is None:
        return []
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            out.extend(names(v))
        return out
    if isinstance(value, dict):
        value = value.get("name") or ""
    value = " ".join(str(value).split())
    return [value] if value else []


def url_of(value) -> str | None:
    """JSON-LD image/url values (str, ImageObject, list) -> one URL."""
    if isinstance(value, list):
        for v in value:
            found = url_of(v)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return url_of(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return value.strip() if isinstance(value, str) and value.strip() else None


def text_list(value) -> list[str]:
    """JSON-LD keywords/articleSection (comma string or list) -> list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        # Some CMSs print a Python list repr into JSON-LD: "['a', 'b']".
        value = value.strip().strip("[]").split(",")
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, list) or (isinstance(v, str) and v.strip().startswith("[") and v.strip().endswith("]")):
            out += [x for x in text_list(v) if x not in out]
            continue
        v = " ".join(str(v or "").split()).strip("'\"").rstrip(":")
        if v and v not in out:
            out.append(v)
    return out
