"""`monitor outlets`: list, add and check the outlets of the registry."""
from __future__ import annotations

from pathlib import Path

import click

from monitor.outlets import DEFAULT_REGISTRY, TIMEZONES, Outlet, RegistryError, append_outlet, load_registry, outlet_for

REGISTRY_OPTION = click.option(
    "--registry", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_REGISTRY,
    show_default=True, help="Outlet registry file.",
)


@click.group()
def outlets():
    """List, add and check the outlets in the registry (outlets.toml).

    \b
    Examples:
        monitor outlets list
        monitor outlets add https://example-news.com/ --province "SULAWESI SELATAN" --timezone WITA
        monitor outlets check https://example-news.com/
    """


@outlets.command("list")
@REGISTRY_OPTION
@click.option("--all", "show_all", is_flag=True, help="Include disabled outlets.")
def list_outlets(registry, show_all):
    """Show the registered outlets, one per line.

    \b
    Example:
        monitor outlets list --all
    """
    try:
        rows = load_registry(registry)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None
    rows = [o for o in rows if show_all or o.enabled]
    if not rows:
        click.echo("no outlets registered" if show_all else "no enabled outlets")
        return
    width = max(len(o.id) for o in rows)
    kinds = max(len(o.kind) for o in rows)
    for o in rows:
        region = " / ".join(x for x in (o.province, o.regency) if x) or "-"
        flag = "" if o.enabled else "  (disabled)"
        click.echo(f"{o.id:<{width}}  {o.kind:<{kinds}}  {o.timezone:<4}  {o.base_url}  {region}{flag}")


@outlets.command("add")
@click.argument("url")
@click.option("--id", "outlet_id", help="Short unique id (default: from the host name).")
@click.option("--name", help="Display name (default: the host name).")
@click.option("--province", help="Province, e.g. 'SULAWESI SELATAN'.")
@click.option("--regency", help="Kabupaten/kota, e.g. 'KABUPATEN JENEPONTO'.")
@click.option("--timezone", "tz", type=click.Choice(sorted(TIMEZONES)), default="WIB", show_default=True)
@click.option("--kind", default="wordpress", show_default=True, help="'wordpress' or the name of a spider.")
@click.option("--start-url", "start_urls", multiple=True, help="Listing page to walk instead of the home page.")
@click.option("--include", multiple=True, help="Regex an article URL must match; repeatable.")
@click.option("--exclude", multiple=True, help="Regex of URLs never fetched; repeatable.")
@click.option("--first-run-days", type=click.IntRange(min=0), default=3, show_default=True,
              help="How far back the first crawl goes (0: the whole archive).")
@click.option("--disabled", is_flag=True, help="Register it without crawling it yet.")
@REGISTRY_OPTION
def add_outlet(url, outlet_id, name, province, regency, tz, kind, start_urls, include, exclude,
               first_run_days, disabled, registry):
    """Add an outlet to the registry by its base URL.

    \b
    Example:
        monitor outlets add https://jurnalisbicara.com/ --id jurnalisbicara \\
            --province "SULAWESI SELATAN" --regency "KABUPATEN JENEPONTO" --timezone WITA
    """
    try:
        outlet = Outlet.from_url(url)
        values = {
            "id": outlet_id or outlet.id, "name": name or outlet.name, "base_url": outlet.base_url,
            "province": province, "regency": regency, "timezone": tz, "kind": kind,
            "start_urls": list(start_urls), "include": list(include), "exclude": list(exclude),
            "enabled": not disabled, "first_run_days": first_run_days or None,
        }
        outlet = Outlet(**values)
        if kind != "wordpress":
            from monitor.crawl import project_settings, spider_class

            spider_class(kind, project_settings())
        append_outlet(outlet, registry)
    except (RegistryError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"added {outlet.id} ({outlet.base_url}) to {registry}")


def format_check(summary: dict) -> list[str]:
    lines = []
    if "unreachable" in summary.get("notes", {}):
        lines.append(f"  unreachable: {summary['notes']['unreachable']}")
    worked, counts, notes = summary.get("worked", {}), summary.get("counts", {}), summary.get("notes", {})
    for source in ("rest", "feed", "sitemap", "listing"):
        if source in worked:
            n = counts.get(source, 0)
            capped = (source == "listing" and "listing-limit" in notes) or (source == "sitemap" and "sitemap-limit" in notes)
            extra = " (at least; first pages only)" if capped else ""
            lines.append(f"  {source:<8} yes  {n:>5} articles{extra}  {worked[source]}")
        else:
            lines.append(f"  {source:<8} no   {notes.get(source, 'not reached')}")
    # The feed only shows the newest stories; these list the whole archive.
    full = next((s for s in ("rest", "sitemap", "listing") if s in worked), None)
    lines.append(f"  whole archive via: {full or 'none'}" + ("; recent stories via: feed" if "feed" in worked else ""))
    return lines


@outlets.command("check")
@click.argument("url_or_id")
@REGISTRY_OPTION
def check_outlet(url_or_id, registry):
    """Probe an outlet: which discovery sources answer, and how many articles each lists.

    Fetches the REST API, feed, sitemaps and listing pages, but no article.

    \b
    Example:
        monitor outlets check https://jurnalisbicara.com/
    """
    from monitor.crawl import check_outlets

    try:
        outlet = outlet_for(url_or_id, registry)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None
    # The report below says what failed; Scrapy's own error lines would only repeat it.
    [summary] = check_outlets([outlet], settings={"LOG_LEVEL": "CRITICAL"})
    click.echo(outlet.base_url)
    for line in format_check(summary):
        click.echo(line)
    if not summary.get("worked"):
        raise SystemExit(1)
