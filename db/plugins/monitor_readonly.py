"""Read-only publication: no arbitrary SQL, except the dashboard's own charts.

datasette-dashboards fetches each chart through `/<db>.json?sql=...`, which
needs the `execute-sql` permission; granting that outright would publish an
arbitrary-SQL endpoint. Instead the permission is decided per request: the
dashboard pages and the exact chart queries of `metadata.yml` (with their
`[[ ... ]]` filter blocks either kept or dropped) are allowed, anything else
is refused. `monitor serve --allow-sql` sets `allow_sql: true` and this plugin
steps aside.
"""
from __future__ import annotations

import contextvars
import re
from urllib.parse import parse_qs

from datasette import hookimpl
from datasette.utils.asgi import Response

PLUGIN = "monitor-readonly"
_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("monitor_scope", default=None)
_OPTIONAL = re.compile(r"(\[\[.*?\]\])")


def query_pattern(sql: str) -> re.Pattern:
    """A regex matching `sql` with each `[[ block ]]` either inlined or removed."""
    parts = _OPTIONAL.split(sql)
    rx = "".join(
        f"(?:{re.escape(p[2:-2].strip('[]'))})?" if _OPTIONAL.fullmatch(p) else re.escape(p)
        for p in parts
    )
    return re.compile(rx + r"\Z", re.S)


def chart_patterns(datasette) -> list[re.Pattern]:
    cached = getattr(datasette, "_monitor_chart_patterns", None)
    if cached is None:
        dashboards = datasette.plugin_config("datasette-dashboards") or {}
        cached = [
            query_pattern(chart["query"])
            for dashboard in dashboards.values()
            for chart in (dashboard.get("charts") or {}).values()
            if chart.get("query")
        ]
        datasette._monitor_chart_patterns = cached
    return cached


def sql_allowed(datasette) -> bool:
    return bool((datasette.plugin_config(PLUGIN) or {}).get("allow_sql"))


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def remember_scope(scope, receive, send):
            token = _scope.set(scope)
            try:
                await app(scope, receive, send)
            finally:
                _scope.reset(token)

        return remember_scope

    return wrap


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    if action != "execute-sql" or sql_allowed(datasette):
        return None
    scope = _scope.get()
    if scope is None or scope.get("type") != "http":
        return False
    if scope["path"].startswith("/-/dashboards/"):
        return True
    sql = parse_qs(scope.get("query_string", b"").decode("utf-8", "replace")).get("sql")
    return bool(sql) and any(p.match(sql[0]) for p in chart_patterns(datasette))


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]


async def robots_txt():
    # A team dashboard, not a public site: keep every crawler out.
    return Response.text("User-agent: *\nDisallow: /\n")


@hookimpl
def forbidden(datasette, request, message):
    # With password protection on, a visitor who is not signed in goes to the login form.
    if request.actor is None and datasette.plugin_config("datasette-auth-passwords"):
        return Response.redirect(datasette.urls.path("/-/login"))
    return None
