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


def _lone_paragraph(el) -> bool:
    return el.tag in ("div", "span") and not any(
        isinstance(c.tag, str) and (c.tag == "br" or c.tag in dom.BLOCK_TAGS) for c in el)


def _weight(el, keep_captions: bool) -> float:
    a = dom.attrs(el)
    w = 0.0
    if _POSITIVE.search(a):
        w += 25
    if dom.is_negative(el, keep_captions):
        w -= 25
    return w


def _scores(root, keep_captions: bool) -> tuple[dict, dict]:
    """(container -> prose score discounted by link density and class/id names, container -> raw prose score)."""
    raw: dict = {}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _PARA_TAGS and tag not in _CONTAINER_TAGS:
            continue
        chars, links, commas = _direct_text(el)
        if chars < _MIN_BLOCK or links > 0.5 * chars:
            continue
        score = 1 + commas + min(chars // 100, 3)
        # Text sitting directly in a div (``text<br><br>text``) makes the div itself the container;
        # a div holding one paragraph and nothing else is a paragraph, as a <p> would be.
        holder = el.getparent() if tag in _PARA_TAGS or _lone_paragraph(el) else el
        level = 0
        while holder is not None and level < 3:
            raw[holder] = raw.get(holder, 0.0) + score / (1, 2, 3)[level]
            holder = holder.getparent()
            level += 1
    scores = {}
    for el, score in raw.items():
        if el.tag == "html":
            continue
        score += _weight(el, keep_captions)
        n = len(el.text_content()) or 1
        link_len = sum(len(a.text_content()) for a in el.iter("a"))
        scores[el] = score * (1 - min(link_len / n, 1.0))
    return scores, raw


def body_blocks(root, keep_captions: bool = False) -> list:
    """The best container plus siblings that carry the same story (a body split by ad slots or pages)."""
    scores, raw = _scores(root, keep_captions)
    best = max(scores, key=scores.get, default=None)
    if best is None or scores[best] <= 0:
        return []
    parent = best.getparent()
    if parent is None or parent.tag == "html":
        return [best]
    # Siblings join on their own prose, not on names: ``detail__author`` is no story text.
    threshold = max(10.0, 0.2 * raw.get(best, 0.0))
    blocks = []
    for sib in parent:
        if sib is best:
            blocks.append(sib)
        elif not isinstance(sib.tag, str) or dom.is_negative(sib, keep_captions) or scores.get(sib, 0.0) <= 0:
            continue
        elif raw.get(sib, 0.0) >= threshold:
            blocks.append(sib)
        elif sib.tag == best.tag and sib.get("class") == best.get("class") and raw.get(sib, 0.0) >= 2:
            # A twin of the best block (``read__page`` after ``read__page``): the story goes on.
            blocks.append(sib)
    return blocks


def extract_lines(root, keep_captions: bool = False) -> tuple[object, list[str]]:
    """(best container, body lines of it and its story siblings); (None, []) when the page has no prose."""
    blocks = body_blocks(root, keep_captions)
    if not blocks:
        return None, []
    lines: list[str] = []
    for block in blocks:
        lines += dom.lines(block, keep_captions=keep_captions)
    best = max(blocks, key=lambda b: len(b.text_content()))
    return best, lines
