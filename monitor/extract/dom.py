"""lxml helpers shared by the profile and generic layers: parse once, prune, turn a subtree into lines."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

# Never article text, wherever they sit.
JUNK_TAGS = (
    "script", "style", "noscript", "iframe", "form", "button", "select", "textarea", "input", "svg",
    "canvas", "video", "audio", "object", "embed", "template", "figure", "figcaption", "nav", "aside",
    "footer", "ins", "map", "dialog", "picture",
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figure footer h1 h2 h3 h4 h5 h6 header "
    "hgroup hr li main ol p pre section summary table tbody td tfoot th thead tr ul center".split()
)
# Class/id words of boxes inside an article that are not its text. Strong ones always mark a box;
# weak ones (``meta``, ``tags``, ``print``…) yield when the same attribute also names the body.
NEGATIVE = re.compile(
    r"(?:^|[\s_-])(?:comments?|komentar|share|sharing|social|sosmed|related|terkait|baca-?juga|bacajuga|"
    r"recommend\w*|rekomendasi|popular|populer|terpopuler|trending|most-?read|newsletter|subscribe|"
    r"langganan|promo|sponsor\w*|advert\w*|ads?|adsbygoogle|iklan|banner|breadcrumbs?|navbar|menu|"
    r"sidebar|widget|footer|copyright|twitter-tweet|instagram-media|tiktok-embed|modal|popup|cookie|sr-only|"
    r"caption|wp-caption(?:-text)?|page-?links)"
    r"(?:$|[\s_-])",
    re.I,
)
WEAK_NEGATIVE = re.compile(
    r"(?:^|[\s_-])(?:credit|tags?|tagcloud|keywords?|author-?box|byline|meta|"
    r"post-meta|entry-meta|pagination|pager|paging|nav(?:igation)?|video|gallery|embed|slider|carousel|"
    r"box-?news|news-?box|list-?news|topik|hashtag|follow|rating|reaction|emoji|print|download)(?:$|[\s_-])",
    re.I,
)
_BODY_WORD = re.compile(r"(?:^|[\s_-])(?:content|body|article|artikel|isi|story|text|txt)(?:$|[\s_-])", re.I)


def parse(html: str | bytes):
    """One lxml document per page; comments and processing instructions dropped at parse time.

    Bytes are decoded by their BOM or declared charset (w3lib), as a browser would.
    """
    if isinstance(html, bytes):
        html = html_to_unicode(None, html)[1]
    # lxml refuses str input carrying an XML encoding declaration, so hand it UTF-8 bytes.
    html = html.encode("utf-8", "replace")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(html, parser=parser)


def attrs(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


_CAPTION_CLASS = re.compile(r"caption|photo|foto", re.I)
_BODY_CLASS = re.compile(r"(?:^|\s)(?:entry-content|post-content|article-content)(?:$|\s)")


def is_negative(el, keep_captions: bool = False) -> bool:
    """A box inside a page that is not article text (share bar, related list, caption…), by its class/id."""
    if el.tag in ("html", "body"):
        return False
    a = attrs(el)
    if (keep_captions and _CAPTION_CLASS.search(a)) or _BODY_CLASS.search(a):
        return False
    if NEGATIVE.search(a):
        return True
    return bool(WEAK_NEGATIVE.search(a)) and not _BODY_WORD.search(a)


def prune(root, keep_captions: bool = False) -> None:
    """Remove tags that never hold article text (keeping their tails, which are text of the parent).

    ``keep_captions`` keeps figures: on a photo page the caption is the story.
    """
    tags = [t for t in JUNK_TAGS if not (keep_captions and t in ("figure", "figcaption", "picture"))]
    etree.strip_elements(root, *tags, etree.Comment, with_tail=False)
    for el in list(root.iter("span", "div", "p")):
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            el.drop_tree()


def lines(root, *, skip_negative: bool = True, drop_links: bool = True, keep_captions: bool = False) -> list[str]:
    """Text of a subtree split at block elements and <br>; link-dominated lines dropped.

    A single <br> inside a sentence (the next line starts in lower case, or this one ends with a
    comma) is a soft wrap, not a paragraph break. Returns raw lines; cleaning is
    ``clean.clean_paragraphs``'s job.
    """
    out: list[list] = []  # [text, ended by a single <br>]
    buf: list[str] = []
    link_chars = [0]

    def flush(by_br: bool = False):
        text = " ".join("".join(buf).split())
        if text:
            # A line that is mostly anchor text is a related-link or tag list, not prose.
            if not (drop_links and link_chars[0] > 0.6 * len(text) and len(text) < 400):
                out.append([text, by_br])
        elif out:
            out[-1][1] = False  # a second <br> or a block edge: a real break
        buf.clear()
        link_chars[0] = 0

    def walk(el, in_link: bool):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            flush(by_br=True)
        else:
            if skip_negative and el is not root and is_negative(el, keep_captions):
                return
            block = tag in BLOCK_TAGS
            if block:
                flush()
            link = in_link or tag == "a"
            if el.text:
                buf.append(el.text)
                if link:
                    link_chars[0] += len(el.text.strip())
            for child in el:
                walk(child, link)
                if child.tail:
                    buf.append(child.tail)
                    if link:
                        link_chars[0] += len(child.tail.strip())
            if block:
                flush()

    walk(root, False)
    flush()
    merged: list[str] = []
    soft = False
    for text, by_br in out:
        if soft and merged and (merged[-1].endswith(",") or text[:1].islower()):
            merged[-1] += " " + text
        else:
            merged.append(text)
        soft = by_br
    return merged


def text_of(el) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""
