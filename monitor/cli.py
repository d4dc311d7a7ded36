"""The `monitor` command: one click group, one function per command."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from monitor.store import DEFAULT_DB

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
    show_default=True, help="SQLite database file.",
)


@click.group()
@click.version_option(package_name="pilkada-monitor")
def cli():
    """Monitor what local Indonesian outlets write about Pilkada candidates and parties.

    \b
    Quick start:
        monitor demo                 # crawl the bundled demo outlet, then serve it
        monitor crawl --outlet https://example-news.com/
        monitor serve
    """


def _parse_since(value: str | None):
    if value is None:
        return None
    from monitor.extract.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"not a date: {value!r} (try 2024-06-25 or '3 hari lalu')")
    return parsed


def _print_summary(summaries: list[dict]) -> None:
    for s in summaries:
        click.echo(
            f"{s.get('outlet_id')}: {s.get('status')}, {s.get('requests', 0)} requests, "
            f"{s.get('new_articles', 0)} new, {s.get('updated_articles', 0)} updated, "
            f"{s.get('errors', 0)} errors",
            err=True,
        )


@cli.command()
@click.option("--outlet", "outlet_urls", multiple=True, metavar="URL",
              help="Crawl this outlet (base URL) instead of the registry; repeatable.")
@click.option("--since", help="Only articles published or modified since this date.")
@click.option("--registry", type=click.Path(dir_okay=False, path_type=Path), default=Path("outlets.toml"),
              show_default=True, help="Outlet registry file.")
@DB_OPTION
def crawl(outlet_urls, since, registry, db_path):
    """Crawl outlets and store their articles, mentions and quotes.

    With no --outlet, every enabled outlet of the registry is crawled, all in
    one process. Any WordPress outlet can be crawled by its base URL alone.

    \b
    Examples:
        monitor crawl
        monitor crawl --outlet https://jurnalisbicara.com/ --since 2024-06-01
    """
    from monitor.crawl import run_crawl
    from monitor.outlets import Outlet, load_registry

    if outlet_urls:
        outlets = [Outlet.from_url(u) for u in outlet_urls]
    else:
        outlets = [o for o in load_registry(registry) if o.enabled]
        if not outlets:
            raise click.ClickException(f"no enabled outlet in {registry}")
    summaries = run_crawl(outlets, db_path, since=_parse_since(since))
    _print_summary(summaries)
    if any(s.get("status") == "failed" for s in summaries):
        sys.exit(3)


def _serve(db_path: Path, host: str, port: int, extra: list[str] = ()) -> None:
    from datasette.cli import cli as datasette_cli

    db_dir = Path(__file__).resolve().parent.parent / "db"
    args = ["serve", str(db_path), "--host", host, "--port", str(port)]
    if (db_dir / "metadata.yml").exists():
        args += ["--metadata", str(db_dir / "metadata.yml")]
    if (db_dir / "plugins").is_dir():
        args += ["--plugins-dir", str(db_dir / "plugins")]
    click.echo(f"Serving {db_path} at http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    datasette_cli.main(args + list(extra), prog_name="monitor serve")


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to bind.")
def serve(db_path, host, port):
    """Serve the database with Datasette: search, facets, canned queries, CSV.

    \b
    Example:
        monitor serve --db db/monitor.db --port 8001
    """
    if not db_path.exists():
        raise click.ClickException(f"{db_path} does not exist: run `monitor crawl` or `monitor demo` first")
    _serve(db_path, host, port)


@cli.command()
@DB_OPTION
@click.option("--serve/--no-serve", default=True, help="Serve the result with Datasette afterwards.")
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port.")
def demo(db_path, serve, port):
    """Crawl the bundled demo outlet into the database, then serve it.

    The demo outlet is a fictional WordPress-style local news site served from
    the package on 127.0.0.1; nothing leaves this machine.

    \b
    Examples:
        monitor demo
        monitor demo --no-serve --db /tmp/demo.db
    """
    from monitor.crawl import run_crawl
    from monitor.demo.server import DEMO_SITE, start_server
    from monitor.outlets import Outlet

    server = start_server(DEMO_SITE)
    click.echo(f"Demo outlet running at {server.url}", err=True)
    try:
        outlet = Outlet.from_url(server.url)
        outlet.id, outlet.name = "demo", "Demo outlet (fictional)"
        outlet.province, outlet.regency, outlet.timezone = "SULAWESI SELATAN", "BONTOLANGI", "WITA"
        summaries = run_crawl([outlet], db_path, since=None, all_history=True)
    finally:
        server.stop()
    _print_summary(summaries)
    click.echo(f"Database written to {db_path}", err=True)
    if serve:
        _serve(db_path, "127.0.0.1", port)


if __name__ == "__main__":
    cli()
