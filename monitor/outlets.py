"""The outlet registry: which outlets to crawl, where they are, and how.

The registry is `outlets.toml` at the repository root (its header documents the
format). `load_registry` reads it; `append_outlet` adds one `[[outlet]]` table
at the end without touching the comments and tables already there.
"""
from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import tomli_w

# Indonesia's three zones have had fixed offsets since 1988, so fixed offsets are exact.
TIMEZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
DEFAULT_REGISTRY = Path("outlets.toml")
# A first crawl of a registry outlet looks back this far: cron users add outlets
# by the hundred and want today's news, not each outlet's whole archive.
DEFAULT_FIRST_RUN_DAYS = 3

_FIELDS = {
    "id", "name", "base_url", "province", "regency", "timezone", "kind", "start_urls",
    "include", "exclude", "selectors", "enabled", "first_run_days",
}


# What a registry table may hold, checked before use: a crawl must not find out halfway.
_FIELD_TYPES = {
    "id": str, "name": str, "base_url": str, "province": str, "regency": str, "timezone": str, "kind": str,
    "start_urls": list, "include": list, "exclude": list, "selectors": dict, "enabled": bool, "first_run_days": int,
}
_TYPE_WORDS = {name: {str: "a string", list: "a list of strings", dict: "a table",
                      bool: "true or false", int: "a whole number"}[kind] for name, kind in _FIELD_TYPES.items()}


class RegistryError(ValueError):
    """A registry file or entry that cannot be used; the message is one line for the user."""


def _is_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return host == "localhost" or ("." in host.strip(".") and not host.startswith("."))


def normalize_base_url(url: str) -> str:
    """`example.com` or `https://Example.com/news` -> `https://example.com/news/`."""
    url = given = (url or "").strip()
    if not url:
        raise RegistryError("empty outlet URL")
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegistryError(f"not an http(s) outlet URL: {url!r}")
    if not _is_host(parts.hostname):
        # A word with no dot is a typo or a file name, not a site: refuse it before a crawl waits on DNS.
        raise RegistryError(f"not an outlet URL: {given!r} (give a site address such as https://example-news.com/)")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outlet"


def outlet_id_for(url: str) -> str:
    """Stable id from the host (and port and path, when there are any): `www.x.co.id` -> `x-co-id`."""
    parts = urlsplit(normalize_base_url(url))
    host = parts.hostname.removeprefix("www.")
    extra = [str(parts.port)] if parts.port else []
    extra += [p for p in parts.path.split("/") if p]
    return slugify("-".join([host, *extra]))


@dataclass
class Outlet:
    id: str
    name: str
    base_url: str
    province: str | None = None
    regency: str | None = None
    timezone: str = "WIB"
    kind: str = "wordpress"
    start_urls: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    selectors: dict = field(default_factory=dict)
    enabled: bool = True
    # Window of a first crawl, in days; None means the whole archive.
    first_run_days: int | None = DEFAULT_FIRST_RUN_DAYS

    def __post_init__(self) -> None:
        self.base_url = normalize_base_url(self.base_url)
        if self.timezone not in TIMEZONES:
            raise RegistryError(
                f"outlet {self.id!r}: timezone must be WIB, WITA or WIT, not {self.timezone!r}"
            )
        for name in ("include", "exclude"):
            for pattern in getattr(self, name):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise RegistryError(f"outlet {self.id!r}: bad {name} pattern {pattern!r}: {exc}") from None

    @classmethod
    def from_url(cls, url: str, **overrides) -> "Outlet":
        """An outlet known only by its base URL: generic WordPress crawl of its whole archive.

        Someone who names one outlet on the command line wants that outlet, so its
        first crawl is not limited to the last few days (registry outlets are).
        """
        base = normalize_base_url(url)
        values = {
            "id": outlet_id_for(base), "name": urlsplit(base).hostname, "base_url": base,
            "first_run_days": None,
        }
        values.update(overrides)
        return cls(**values)

    @property
    def utc_offset_hours(self) -> int:
        return TIMEZONES[self.timezone]

    def to_toml_dict(self) -> dict:
        """The registry entry, without empty optional fields."""
        data = asdict(self)
        if data["first_run_days"] is None:
            data["first_run_days"] = 0
        elif data["first_run_days"] == DEFAULT_FIRST_RUN_DAYS:
            del data["first_run_days"]
        return {k: v for k, v in data.items() if v not in (None, [], {})}


def _outlet_from_table(table: dict, where: str) -> Outlet:
    unknown = set(table) - _FIELDS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("base_url",):
        if not table.get(required):
            raise RegistryError(f"{where}: missing {required}")
    for name, value in table.items():
        kind = _FIELD_TYPES[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if ok and kind is list:
            ok = all(isinstance(v, str) for v in value)
        if not ok:
            raise RegistryError(f"{where}: {name} must be {_TYPE_WORDS[name]}, not {value!r}")
    if table.get("first_run_days", 0) < 0:
        raise RegistryError(f"{where}: first_run_days must be 0 (whole archive) or more days")
    try:
        normalize_base_url(table["base_url"])
    except RegistryError as exc:
        raise RegistryError(f"{where}: {exc}") from None
    values = dict(table)
    values.setdefault("id", outlet_id_for(values["base_url"]))
    values.setdefault("name", values["id"])
    # 0 in the file means "no limit": TOML has no null.
    if values.get("first_run_days") == 0:
        values["first_run_days"] = None
    try:
        return Outlet(**values)
    except TypeError as exc:
        raise RegistryError(f"{where}: {exc}") from None


def parse_registry(text: str, source: str = "registry") -> list[Outlet]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{source}: not valid TOML: {exc}") from None
    outlets, seen = [], set()
    for number, table in enumerate(data.get("outlet", []), start=1):
        outlet = _outlet_from_table(table, f"{source}: outlet #{number}")
        if outlet.id in seen:
            raise RegistryError(f"{source}: outlet id {outlet.id!r} appears twice")
        seen.add(outlet.id)
        outlets.append(outlet)
    return outlets


PLACEHOLDER_CONTACT = "https://example.org/set-crawler-contact-url"


def contact_url(path: str | Path | None = None) -> str:
    """Who site owners can reach about the crawler: MONITOR_CONTACT_URL, else `[crawler] contact_url`
    of the registry (the repository's own when `path` is not given)."""
    import os

    if os.environ.get("MONITOR_CONTACT_URL"):
        return os.environ["MONITOR_CONTACT_URL"]
    path = Path(path or os.environ.get("MONITOR_REGISTRY") or DEFAULT_REGISTRY)
    if not path.exists():
        path = Path(__file__).resolve().parent.parent / DEFAULT_REGISTRY.name
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("crawler", {}).get("contact_url")
    except (OSError, tomllib.TOMLDecodeError):
        value = None
    return value or PLACEHOLDER_CONTACT


def load_registry(path: str | Path = DEFAULT_REGISTRY) -> list[Outlet]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryError(f"registry {path} does not exist") from None
    return parse_registry(text, str(path))


def find_outlet(key: str, path: str | Path = DEFAULT_REGISTRY) -> Outlet | None:
    """A registry outlet by id, or by base URL (any spelling `normalize_base_url` accepts)."""
    try:
        base = normalize_base_url(key)
    except RegistryError:
        base = None
    for outlet in load_registry(path):
        if outlet.id == key or outlet.kind == key or outlet.base_url == base:
            return outlet
    return None


def outlet_for(key: str, path: str | Path = DEFAULT_REGISTRY, timezone: str | None = None) -> Outlet:
    """A registered outlet by base URL or id keeps its id, spider, timezone and window; any other
    URL is crawled as a generic WordPress outlet (see `Outlet.from_url`) in `timezone`."""
    registered = find_outlet(key, path) if Path(path).is_file() else None
    if registered is not None:
        return registered
    return Outlet.from_url(key, **({"timezone": timezone.upper()} if timezone else {}))


def append_outlet(outlet: Outlet, path: str | Path = DEFAULT_REGISTRY) -> None:
    """Add `outlet` at the end of the registry, refusing a duplicate id or base URL."""
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    current = parse_registry(existing, str(path)) if existing else []
    for other in current:
        if other.id == outlet.id:
            raise RegistryError(f"{path}: an outlet with id {outlet.id!r} is already registered")
        if other.base_url == outlet.base_url:
            raise RegistryError(f"{path}: {outlet.base_url} is already registered as {other.id!r}")
    block = tomli_w.dumps({"outlet": [outlet.to_toml_dict()]})
    text = existing.rstrip("\n") + ("\n\n" if existing else "") + block
    parse_registry(text, str(path))  # never write a file we could not read back
    path.write_text(text, encoding="utf-8")
