"""The `monitor` command: one click group, one function per command."""
from __future__ import annotations

import os
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


def _cannot_use(db_path, exc: OSError) -> click.ClickException:
    return click.ClickException(f"cannot use {db_path}: {exc.strerror or exc}: {exc.filename}")


@cli.command()
@click.option("--outlet", "outlet_urls", multiple=True, metavar="URL",
              help="Crawl this outlet (base URL, or the id of a registered one) instead of the whole "
                   "registry; repeatable. A registered outlet keeps its settings.")
@click.option("--since", help="Only articles published or modified since this date.")
@click.option("--timezone", type=click.Choice(["WIB", "WITA", "WIT"], case_sensitive=False),
              help="Local time of an --outlet that is not in the registry (default WIB).")
@click.option("--registry", type=click.Path(dir_okay=False, path_type=Path), default=Path("outlets.toml"),
              show_default=True, help="Outlet registry file.")
@click.option("--log-dir", type=click.Path(file_okay=False, path_type=Path), envvar="MONITOR_LOG_DIR",
              default=Path("logs"), show_default=True,
              help="Directory of the rotating log file monitor.log (env MONITOR_LOG_DIR).")
@click.option("--log-level", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
              default="INFO", show_default=True, help="Least severe level written to the log and stderr.")
@DB_OPTION
def crawl(outlet_urls, since, timezone, registry, log_dir, log_level, db_path):
    """Crawl outlets and store their articles, mentions and quotes.

    With no --outlet, every enabled outlet of the registry is crawled, all in
    one process: this is the cron entry point. Only one crawl per database runs
    at a time (a lock file next to the database); a second one exits at once.
    The log goes to LOG_DIR/monitor.log (rotated) and to stderr; in a terminal
    a live progress display shows each outlet, otherwise plain lines.

    \b
    Exit codes:
        0   every outlet crawled (some pages may have failed: see the log)
        1   error before crawling (bad registry, unusable database)
        2   usage error (bad option or date)
        3   at least one outlet failed entirely; the others were stored
        75  another crawl of this database is running (lock held); nothing done

    \b
    Examples:
        monitor crawl
        monitor crawl --outlet https://jurnalisbicara.com/ --since 2024-06-01
        monitor crawl --outlet https://berita-papua.example/ --timezone WIT
        MONITOR_LOG_DIR=/var/log/monitor monitor crawl --db /srv/monitor/monitor.db
    """
    import logging

    from monitor import logs
    from monitor.crawl import project_settings, run_crawl
    from monitor.outlets import RegistryError, load_registry, outlet_for
    from monitor.runlock import EXIT_LOCKED, EXIT_OUTLET_FAILED, AlreadyRunning, RunLock, lock_path_for
    from monitor.store import StoreError

    try:
        if outlet_urls:
            outlets = [outlet_for(u, registry, timezone) for u in outlet_urls]
        else:
            outlets = [o for o in load_registry(registry) if o.enabled]
    except (RegistryError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if not outlets:
        raise click.ClickException(f"no enabled outlet in {registry}")
    since_date = _parse_since(since)
    # The crawler's contact address (User-Agent) comes from this registry too, read by monitor.settings.
    os.environ.setdefault("MONITOR_REGISTRY", str(registry))
    lock = RunLock(lock_path_for(db_path))
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        click.echo(f"monitor crawl: {exc}", err=True)
        # The log file is the run history cron and systemd users read: the refusal belongs there too.
        try:
            logs.setup_logging(log_dir, level="WARNING", stderr=False)
            logging.getLogger("monitor.crawl").warning("refused: %s (exit %d)", exc, EXIT_LOCKED)
            logs.teardown_logging()
        except OSError:
            pass  # the stderr line above is the message that matters
        sys.exit(EXIT_LOCKED)
    except OSError as exc:
        raise _cannot_use(db_path, exc) from None
    log = logging.getLogger("monitor.crawl")
    try:
        log_file = logs.setup_logging(log_dir, level=log_level.upper())
    except OSError as exc:
        lock.release()
        raise click.ClickException(f"cannot write the log file in {log_dir}: {exc.strerror or exc}") from None
    try:
        log.info("crawl of %d outlet(s) into %s started; log file %s", len(outlets), db_path, log_file)
        extensions = dict(project_settings().getdict("EXTENSIONS"))
        extensions["monitor.logs.ProgressExtension"] = 900
        # Our handlers (file + stderr) already catch Scrapy's records; its own root handler would print them twice.
        # No telnet console: a cron job needs none, and each outlet's crawler would take one of
        # Scrapy's 51 telnet ports (6023-6073), so a registry of hundreds logs errors.
        overrides = {"EXTENSIONS": extensions, "LOG_INSTALL_ROOT_HANDLER": False, "TELNETCONSOLE_ENABLED": False}
        with logs.make_progress() as logs.ACTIVE:
            summaries = run_crawl(outlets, db_path, since=since_date, settings=overrides)
        for s in summaries:
            log.log(
                logging.ERROR if s.get("status") == "failed" else logging.INFO,
                "%s: %s, %s requests, %s pages, %s new, %s updated, %s errors",
                s.get("outlet_id"), s.get("status"), s.get("requests", 0), s.get("pages_fetched", 0),
                s.get("new_articles", 0), s.get("updated_articles", 0), s.get("errors", 0),
            )
        failed = [s.get("outlet_id") for s in summaries if s.get("status") == "failed"]
        if failed:
            log.error("%d of %d outlet(s) failed entirely: %s", len(failed), len(summaries), ", ".join(failed))
            sys.exit(EXIT_OUTLET_FAILED)
        log.info("crawl finished: %d outlet(s)", len(summaries))
    except (ValueError, StoreError) as exc:
        log.error("crawl refused: %s", exc)
        raise click.ClickException(str(exc)) from None
    finally:
        logs.ACTIVE = None
        logs.teardown_logging()
        lock.release()


def _serve(db_path: Path, host: str, port: int, allow_sql: bool = False) -> None:
    from monitor.serve import check_port, serve as run_datasette

    try:
        check_port(host, port)
        click.echo(f"Serving {db_path} at http://{host}:{port}/  (Ctrl+C to stop)", err=True)
        run_datasette(db_path, host, port, allow_sql=allow_sql)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 opens it to the network (set a password first).")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to bind.")
@click.option("--allow-sql", is_flag=True,
              help="Also allow arbitrary read-only SQL queries (off by default).")
def serve(db_path, host, port, allow_sql):
    """Serve the database with Datasette: search, facets, canned queries, dashboard, CSV.

    Read-only: the database is opened read-only and only the canned queries
    and dashboard charts run SQL, unless --allow-sql. If the environment
    variable MONITOR_PASSWORD_HASH holds a hash made by
    `datasette hash-password`, everyone must log in as user "team"
    (needs datasette-auth-passwords).

    \b
    Examples:
        monitor serve --db db/monitor.db
        monitor serve --host 0.0.0.0 --port 8080
    """
    if not db_path.exists():
        raise click.ClickException(f"{db_path} does not exist: run `monitor crawl` or `monitor demo` first")
    from monitor.export import ExportError, open_readonly

    # Datasette would start on any file and fail page by page: refuse a file that is no monitor database.
    try:
        open_readonly(db_path).close()
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    _serve(db_path, host, port, allow_sql)


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
    from monitor.store import StoreError

    from monitor.demo.server import DEMO_GAZETTEER
    from monitor.nlp.gazetteer import EXTRA_ENV

    if serve:
        from monitor.serve import check_port

        try:  # a busy port is found before the crawl, not after it
            check_port("127.0.0.1", port)
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from None
    # The demo's fictional pairs and regency join the KPU registry for this run only.
    os.environ[EXTRA_ENV] = str(DEMO_GAZETTEER)
    server = start_server(DEMO_SITE)
    click.echo(f"Demo outlet running at {server.url}", err=True)
    try:
        outlet = Outlet.from_url(server.url)
        outlet.id, outlet.name = "demo", "Demo outlet (fictional)"
        outlet.province, outlet.regency, outlet.timezone = "SULAWESI SELATAN", "BONTOLANGI", "WITA"
        # The demo outlet is our own loopback server: no politeness delay or contact address is
        # owed to it. A first-time user wants the summary lines below, not Scrapy's 100 INFO lines.
        summaries = run_crawl([outlet], db_path, since=None, all_history=True,
                              settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0,
                                        "MONITOR_CONTACT_URL": "local demo", "LOG_LEVEL": "WARNING",
                                        "TELNETCONSOLE_ENABLED": False})
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise _cannot_use(db_path, exc) from None
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
    if outlet:
        from monitor.export import ExportError, open_readonly, require_outlet

        try:
            conn = open_readonly(db_path)
            try:
                require_outlet(conn, outlet, id_only=True)
            finally:
                conn.close()
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
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


from monitor.outlets_cli import outlets as _outlets  # noqa: E402  (its own module: the crawler's commands)

cli.add_command(_outlets)


from monitor.extract.command import extract_command  # noqa: E402  (its module owns the command)

cli.add_command(extract_command)


from monitor.nlp.command import analyze_command  # noqa: E402  (its module owns the command)

cli.add_command(analyze_command)


if __name__ == "__main__":
    cli()
