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


@cli.command("export")
@DB_OPTION
@click.option("--since", help="Start of the window, in each outlet's timezone  [default: yesterday 00:00]")
@click.option("--until", help="End of the window (exclusive; a bare date means the end of that day)  [default: now]")
@click.option("--region", help="Only rows about a candidate of this region, or from an outlet of it (name or KPU code).")
@click.option("--candidate", help="Only this person or candidate pair (part of the name).")
@click.option("--party", help="Only this party (id, KPU acronym or part of the name).")
@click.option("--outlet", help="Only this outlet (id, name or base URL).")
@click.option("--kind", type=click.Choice(["mentions", "quotes", "articles"]), default="mentions",
              show_default=True, help="One row per mention, per quote or per article.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file  [default: stdout]")
@click.option("--excel", is_flag=True, help="UTF-8 with BOM and CRLF line ends, so Excel reads Indonesian text right.")
def export_command(db_path, since, until, region, candidate, party, outlet, kind, output, excel):
    """Export mentions, quotes or articles of a time window as CSV.

    One row per mention (or quote, or article), columns always in this order:
    date, published, outlet, title, url, kind, person, role, candidate_pair,
    candidate_number, region, party, sentence, quote. The window defaults to
    yesterday 00:00 until now, read in each outlet's own timezone (WIB, WITA,
    WIT). With --candidate and --party together, mentions of either are listed.
    An empty result still writes the header line.

    \b
    Examples:
        monitor export --excel -o briefing.csv
        monitor export --since 2024-06-25 --until 2024-06-25 --party golkar
        monitor export --kind quotes --region JENEPONTO --db db/monitor.db
    """
    from monitor.export import ExportError, export_rows, make_window, open_readonly, write_binary, write_file

    try:
        conn = open_readonly(db_path)
        window = make_window(conn, since, until)
        rows = export_rows(conn, window, kind=kind, outlet=outlet, region=region, candidate=candidate, party=party)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    if output is None:
        write_binary(rows, sys.stdout.buffer, excel=excel)
    else:
        try:
            write_file(rows, output, excel=excel)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    where = f" to {output}" if output else ""
    if rows:
        noun = kind if len(rows) != 1 else kind[:-1]
        click.echo(f"{len(rows)} {noun} exported{where} ({window.label})", err=True)
    else:
        click.echo(f"no {kind} in {window.label}: header only{where}", err=True)


@cli.command("reprocess")
@DB_OPTION
@click.option("--since", help="Only articles published since this date (outlet timezone)  [default: all]")
@click.option("--outlet", help="Only this outlet id.")
@click.option("--stage", type=click.Choice(["all", "nlp"]), default="all", show_default=True,
              help="all: extract again from the stored HTML, then analyse; nlp: analyse the stored text only.")
@click.option("--stale-only", is_flag=True, help="Skip articles already processed by the current pipeline version.")
@click.option("--registry", type=click.Path(dir_okay=False, path_type=Path), default=Path("outlets.toml"),
              show_default=True, help="Outlet registry (for outlet extraction profiles).")
def reprocess_command(db_path, since, outlet, stage, stale_only, registry):
    """Re-run extraction and analysis over stored articles, without the network.

    Use after a gazetteer or pipeline change: the stored (compressed) HTML is
    extracted again and analysed by the same functions as the crawl; each
    article's mentions and quotes are replaced, never duplicated, and the
    article records the pipeline version that produced them.

    \b
    Examples:
        monitor reprocess
        monitor reprocess --since 2024-06-01 --stage nlp --db db/monitor.db
    """
    from monitor.reprocess import reprocess
    from monitor.store import StoreError

    if not db_path.is_file():
        raise click.ClickException(f"no database at {db_path}: nothing to reprocess")
    if since is not None:
        _parse_since(since)  # a bad date is a usage error before any work starts
    progress = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(transient=True, console=Console(stderr=True))
    try:
        if progress is not None:
            with progress:
                task = progress.add_task("reprocessing", total=None)
                result = reprocess(
                    db_path, since=since, outlet=outlet, stage=stage, stale_only=stale_only, registry=registry,
                    on_progress=lambda done, total: progress.update(task, completed=done, total=total),
                )
        else:
            result = reprocess(db_path, since=since, outlet=outlet, stage=stage, stale_only=stale_only,
                               registry=registry)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(result.line(), err=True)


@cli.command("stats")
@DB_OPTION
@click.option("--since", help="Start of the window, in each outlet's timezone  [default: 7 days ago, 00:00]")
@click.option("--until", help="End of the window (exclusive; a bare date means the end of that day)  [default: now]")
@click.option("--runs", default=5, show_default=True, type=click.IntRange(1), help="How many crawl runs to list.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many people and parties.")
def stats_command(db_path, since, until, runs, top):
    """Summarise the last crawl runs and a window's news in terminal tables.

    Tables: the last crawl runs, articles per outlet, the most mentioned people
    and the most mentioned parties of the window.

    \b
    Examples:
        monitor stats
        monitor stats --since 2024-06-01 --until 2024-06-30 --top 20 --db db/monitor.db
    """
    from rich.console import Console

    from monitor.export import ExportError, make_window, open_readonly
    from monitor.stats import render

    try:
        conn = open_readonly(db_path)
        window = make_window(conn, since, until, days=7)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    # Piped or under cron there is no terminal width to follow; 80 columns would cut the tables.
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 120)
    render(conn, window, console, runs=runs, top=top)


if __name__ == "__main__":
    cli()
