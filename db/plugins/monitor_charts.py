"""A chart above the results of each canned query that declares one.

A canned query in metadata.yml may carry `chart:`, a Vega-Lite spec without
data. On that query's page the spec is drawn from the page's own rows (its
`.json` with the same parameters), with the Vega files datasette-dashboards
already ships, so nothing is fetched from outside the server.
"""
from __future__ import annotations

import json

from datasette import hookimpl
from datasette.utils import tilde_decode

VEGA_FILES = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")

SCRIPT = """
(function () {
  const spec = %s;
  const results = document.querySelector("table.rows-and-columns");
  if (!results) { return; }
  const box = document.createElement("div");
  box.id = "monitor-chart";
  box.style.width = "100%%";
  box.style.maxWidth = "1100px";
  box.style.margin = "1em 0";
  results.parentNode.insertBefore(box, results);
  const url = new URL(window.location.href);
  url.pathname = url.pathname + ".json";
  url.searchParams.set("_shape", "array");
  fetch(url).then(r => r.json()).then(rows => {
    spec.data = {values: rows};
    return vegaEmbed(box, spec, {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}});
  });
})();
"""


async def _chart(datasette, database, request):
    if request is None or not database or "table" not in request.url_vars:
        return None
    query = await datasette.get_canned_query(
        database, tilde_decode(request.url_vars["table"]), request.actor
    )
    return (query or {}).get("chart")


@hookimpl
def extra_js_urls(template, database, request, datasette):
    if template != "query.html":
        return []

    async def inner():
        if not await _chart(datasette, database, request):
            return []
        return [datasette.urls.static_plugins("datasette_dashboards", f) for f in VEGA_FILES]

    return inner


@hookimpl
def extra_body_script(template, database, request, datasette):
    if template != "query.html":
        return None

    async def inner():
        chart = await _chart(datasette, database, request)
        if not chart:
            return ""
        spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": "container",
                **chart}
        return SCRIPT % json.dumps(spec).replace("</", "<\\/")

    return inner
