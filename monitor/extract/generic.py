"""Generic layer: find the article body in any page by text density, readability-style, in one lxml pass.

Each block of prose scores its parent and (less) its grandparents; link-heavy or negatively named
containers are discounted. The best container's text becomes the body.
"""
from __future__ import annotations

import re

from . import dom

_PARA_TAGS = frozenset({"p", "pre", "blockquote", "li", "h2", "h3", "h4", "td", "figcaption"})
_CONTAINER_TAGS = frozenset({"div", "article", "section", "main", "td", "span", "font", "center", "body"})
_MIN_BLOCK = 25
_COMMAS = re.compile(r"[,،、]")
_POSITIVE = re.compile(
    r"(?:^|[\s_-])(?:article|artikel|entry-?content|post-?(?:content|body|text)|content|body|detail|isi|berita|"
    r"read|text|story|main|news-?text|txt|konten)",
    re.I,
)


def _direct_text(el) -> tuple[int, int, int]:
    """(chars, link chars, commas) of text owned by el itself: its text, inline children, tails."""
    chars = links = commas = 0
    stack = [(el, False)]
    first = True
    while stack:
        node, in_link = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if not first and tag in dom.BLOCK_TAGS:
            continue
        first = False
        link = in_link or tag == "a"
        if node.text:
            n = len(node.text.strip())
            chars += n
            commas += len(_COMMAS.findall(node.text))
            if link:
                links += n
        for child in node:
            stack.append((child, link))
            if child.tail:
                n = len(child.tail.strip())
                chars += n
                commas += len(_COMMAS.findall(child.tail))
                if link:
                    links += n
    return chars, links, commas


def _weight(el, keep_captions: bool) -> float:
    a = dom.attrs(el)
    w = 0.0
    if _POSITIVE.search(a):
        w += 25
    if dom.is_negative(el, keep_captions):
        w -= 25
    return w


def best_container(root, keep_captions: bool = False):
    """The element holding most of the article's prose, or None."""
    scores: dict = {}
    totals: dict = {}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _PARA_TAGS and tag not in _CONTAINER_TAGS:
            continue
        chars, links, commas = _direct_text(el)
        if chars < _MIN_BLOCK or links > 0.5 * chars:
            continue
        score = 1 + commas + min(chars // 100, 3)
        # Text sitting directly in a div (``text<br><br>text``) makes the div itself the container.
        holder = el.getparent() if tag in _PARA_TAGS else el
        level = 0
        while holder is not None and level < 3:
            scores[holder] = scores.get(holder, 0.0) + score / (1, 2, 3)[level]
            totals[holder] = totals.get(holder, 0) + chars
            holder = holder.getparent()
            level += 1
    best, best_score = None, 0.0
    for el, score in scores.items():
        if el.tag in ("html",):
            continue
        score += _weight(el, keep_captions)
        text = el.text_content()
        n = len(text) or 1
        link_len = sum(len(a.text_content()) for a in el.iter("a"))
        score *= 1 - min(link_len / n, 1.0)
        if score > best_score:
            best, best_score = el, score
    return best


def extract_lines(root, keep_captions: bool = False) -> tuple[object, list[str]]:
    """(best container, its body lines); (None, []) when the page has no prose block."""
    container = best_container(root, keep_captions)
    if container is None:
        return None, []
    return container, dom.lines(container, keep_captions=keep_captions)
