"""Datasette over the monitor database: read-only, with the project's metadata and plugins.

`build_datasette()` is the one place the publication is assembled, so
`monitor serve`, the tests (through `datasette.client`) and the benchmark all
exercise the same thing.
"""
from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import yaml

import db

DB_DIR = Path(db.__file__).resolve().parent
METADATA = DB_DIR / "metadata.yml"
PLUGINS_DIR = DB_DIR / "plugins"
# metadata.yml, the canned queries and the dashboard all name the database
# "monitor", so the file is mounted under that name whatever it is called.
DB_NAME = "monitor"
PASSWORD_ENV = "MONITOR_PASSWORD_HASH"
SETTINGS = {
    # Facet suggestions probe every column of a table: seconds on a million mentions.
    "suggest_facets": False,
    "truncate_cells_html": 300,
    "default_page_size": 50,
}


def load_metadata(*, allow_sql: bool = False, password: bool = False) -> dict:
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    plugins = metadata.setdefault("plugins", {})
    plugins["monitor-readonly"] = {"allow_sql": allow_sql}
    if password:
        # The hash stays in the environment: /-/metadata shows only the reference.
        plugins["datasette-auth-passwords"] = {"team_password_hash": {"$env": PASSWORD_ENV}}
        metadata["allow"] = {"id": "team"}
    return metadata


def _auth_plugin(enabled: bool) -> None:
    """datasette-auth-passwords only when a password is set: otherwise its "Log in" menu link
    leads to a form with no account behind it."""
    from datasette.plugins import pm

    try:
        import datasette_auth_passwords as plugin
    except ImportError:
        return
    if enabled and not pm.is_registered(plugin):
        pm.register(plugin, name="datasette_auth_passwords")
    elif not enabled and pm.is_registered(plugin):
        pm.unregister(plugin)


def build_datasette(db_path: str | Path, *, allow_sql: bool = False, password: bool = False,
                    settings: dict | None = None):
    from datasette.app import Datasette
    from datasette.database import Database

    _auth_plugin(password)
    ds = Datasette(
        [], metadata=load_metadata(allow_sql=allow_sql, password=password),
        plugins_dir=str(PLUGINS_DIR), settings={**SETTINGS, **(settings or {})},
    )
    ds.remove_database("_memory")
    # Mutable means Datasette reads with mode=ro and sees what a running crawl adds.
    ds.add_database(Database(ds, path=str(db_path), is_mutable=True), name=DB_NAME)
    return ds


def check_port(host: str, port: int) -> None:
    """Raise RuntimeError in one line when `host:port` cannot be listened on (taken, or no such address).

    uvicorn would say so only after the banner, on a log line, and exit 3."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            sock.bind(address)
    except OSError as exc:
        reason = "the port is in use (is another `monitor serve` or `monitor demo` running?)" \
            if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise RuntimeError(f"cannot listen on {host}:{port}: {reason}") from None


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, *,
          allow_sql: bool = False) -> None:
    import uvicorn

    password = bool(os.environ.get(PASSWORD_ENV))
    if password:
        try:
            import datasette_auth_passwords  # noqa: F401
        except ImportError as exc:
            raise RuntimeError(
                f"{PASSWORD_ENV} is set but datasette-auth-passwords is not installed"
            ) from exc
    ds = build_datasette(db_path, allow_sql=allow_sql, password=password)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
