"""Per-outlet selector profiles, read from ``profiles.toml`` (data, versioned per redesign)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml.cssselect import CSSSelector

PROFILES_PATH = Path(__file__).with_name("profiles.toml")


@dataclass(frozen=True)
class Profile:
    name: str
    version: int
    outlet: str | None = None
    domains: tuple[str, ...] = ()
    match_any: bool = False
    body: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    caption_first: bool = False

    def select(self, root, key: str) -> list:
        """Elements (or attribute strings, for ``sel@attr``) matched by the first selector of ``key`` that matches."""
        return select(root, getattr(self, key))


@lru_cache(maxsize=512)
def _compiled(css: str) -> CSSSelector:
    return CSSSelector(css)


def select(root, selectors) -> list:
    """Matches of the first of ``selectors`` that matches; ``css@attr`` yields attribute values."""
    for selector in selectors:
        css, _, attr = selector.partition("@")
        found = _compiled(css)(root)
        if attr:
            found = [el.get(attr) for el in found if el.get(attr)]
        if found:
            return found
    return []


@lru_cache(maxsize=4)
def load_profiles(path: Path = PROFILES_PATH) -> tuple[Profile, ...]:
    """All profiles, newest version first within each name."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    profiles = []
    for entry in data.get("profile", []):
        entry = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
        profiles.append(Profile(**entry))
    return tuple(sorted(profiles, key=lambda p: (p.name, -p.version)))


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.lower().removeprefix("www.")


def candidates(url: str | None = None, outlet: str | None = None, profiles=None) -> list[Profile]:
    """Profiles to try for a page: the outlet's own (newest version first), then platform profiles."""
    host = _host(url)
    own, platform = [], []
    for p in load_profiles() if profiles is None else profiles:
        if (outlet and p.outlet == outlet) or (host and any(host == d or host.endswith("." + d) for d in p.domains)):
            own.append(p)
        elif p.match_any:
            platform.append(p)
    return own + platform
