"""``monitor extract``: one saved page in, one Article JSON out (the spiders run the same code)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .article import NotAnArticle, extract_article, join_pages
from .dates import parse_date, zone


def _resolve_outlet(name: str | None, registry: Path):
    """A registry Outlet when ``name`` is in the registry, else the bare name (it may still pick a profile)."""
    if not name or not registry.exists():
        return name
    from monitor.outlets import RegistryError, find_outlet

    try:
        return find_outlet(name, registry) or name
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None


def looks_binary(data: bytes) -> bool:
    # NUL bytes mark a binary file (git's test); text in UTF-16 has them too, but starts with its BOM.
    return b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _read_page(fh) -> bytes:
    data = fh.read()
    if looks_binary(data):
        raise click.ClickException(f"not an article: {fh.name} is a binary file, not an HTML page")
    return data


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.File("rb"), metavar="FILE.html [PAGE2.html ...]")
@click.option("--url", help="The page's URL (resolves relative links; picks the outlet profile).")
@click.option("--outlet", help="Outlet id or base URL from the registry, or a profile name.")
@click.option("--timezone", help="Zone for local times: WIB, WITA, WIT or an IANA name  [default: the outlet's, else WIB]")
@click.option("--fetched-at", help="When the page was fetched (ISO 8601); anchors '2 jam lalu'  [default: now]")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the Article as one JSON object; text: title, date and author, then the body.")
@click.option("--registry", type=click.Path(dir_okay=False, path_type=Path), default=Path("outlets.toml"),
              show_default=True, help="Outlet registry used to resolve --outlet.")
def extract_command(files, url, outlet, timezone, fetched_at, fmt, registry):
    """Extract the article from a saved HTML page and print it as one JSON object.

    Further files are later pages of the same article (?page=2, /2/) and are joined
    to the first. A page without an article (a listing, a feed, an error page) exits
    with status 1 and a one-line reason. FILE may be - for standard input.

    \b
    Examples:
        monitor extract page.html --url https://jurnalisbicara.com/2024/06/25/x/
        monitor extract p1.html p2.html --outlet jurnalisbicara --timezone WITA --format text
    """
    if fetched_at and parse_date(fetched_at) is None:
        raise click.BadParameter(f"not a date: {fetched_at!r}", param_hint="--fetched-at")
    resolved = _resolve_outlet(outlet, registry)
    tz = timezone or getattr(resolved, "timezone", None) or "WIB"
    try:
        zone(tz)
    except (ValueError, KeyError):
        raise click.BadParameter(f"unknown timezone {tz!r} (use WIB, WITA, WIT or an IANA name)",
                                 param_hint="--timezone") from None
    pages = [_read_page(fh) for fh in files]
    try:
        articles = [extract_article(page, url if i == 0 else None, timezone=tz, outlet=resolved,
                                    fetched_at=fetched_at) for i, page in enumerate(pages)]
    except NotAnArticle as exc:
        raise click.ClickException(f"not an article: {exc.reason}") from None
    article = join_pages(*articles) if len(articles) > 1 else articles[0]
    if fmt == "json":
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    head = [article.title or "", " · ".join(x for x in (article.published, ", ".join(article.authors)) if x)]
    body = article.text
    if article.dateline:
        body = f"{article.dateline} – {body}"
    click.echo("\n".join(h for h in head if h) + "\n\n" + body)
