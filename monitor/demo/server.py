"""Serve a rendered demo site (see `monitor.demo.site`) on 127.0.0.1 like a WordPress host.

    server = start_server(DEMO_SITE, rest=False)   # a site with its REST API disabled
    server.url          # "http://127.0.0.1:PORT/"
    server.requests     # every path+query asked for, in order
    server.stop()

    python -m monitor.demo.server --port 8080      # manual browsing; Ctrl-C stops
"""
from __future__ import annotations

import argparse
import json
import math
import posixpath
import threading
import struct
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from monitor.demo.site import META_FILE

DEMO_SITE = Path(__file__).resolve().parent / "site"
# Registry entries for the demo's fictional pairs and regency (see monitor.nlp.gazetteer.EXTRA_ENV).
DEMO_GAZETTEER = Path(__file__).resolve().parent / "gazetteer"
PLACEHOLDER = "{{BASE}}"
PLACEHOLDER_QUOTED = quote(PLACEHOLDER, safe="")  # inside share-button query strings
TYPES = {
    ".html": "text/html; charset=UTF-8",
    ".xml": "application/xml; charset=UTF-8",
    ".json": "application/json; charset=UTF-8",
    ".txt": "text/plain; charset=UTF-8",
    ".css": "text/css; charset=UTF-8",
}
REST_MAX_PER_PAGE = 100


def _tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xcc\xcc\xcc")) + chunk(b"IEND", b""))


PNG = _tiny_png()


class DemoServer:
    """A running demo site; `requests` lists every path (with query) asked for."""

    def __init__(self, root, host="127.0.0.1", port=0, *, rest=True, feed=True, sitemap=True,
                 listing=True, verbose=False):
        self.root = Path(root).resolve()
        if not (self.root / "index.html").exists() and not (self.root / META_FILE).exists():
            raise FileNotFoundError(f"{self.root} is not a rendered demo site (run python -m monitor.demo.site)")
        meta_path = self.root / META_FILE
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        self.tz = timezone(timedelta(hours=self.meta.get("offset_hours", 8)))
        self.flavour = dict(rest=rest, feed=feed, sitemap=sitemap, listing=listing)
        self.verbose = verbose
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._posts = None
        handler = type("Handler", (_Handler,), {"site": self})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.host, self.port = self.httpd.server_address[:2]
        self.url = f"http://{self.host}:{self.port}/"
        self.base = self.url.rstrip("/")
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="demo-server", daemon=True)
        self._thread.start()

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def count(self, prefix: str) -> int:
        """How many requests started with `prefix` (e.g. "/wp-json/", "/feed/")."""
        with self._lock:
            return sum(r.startswith(prefix) for r in self.requests)

    def posts(self) -> list[dict]:
        if self._posts is None:
            path = self.root / "wp-json/wp/v2/posts/index.json"
            self._posts = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        return self._posts

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_server(root=DEMO_SITE, host="127.0.0.1", port=0, *, rest=True, feed=True, sitemap=True,
                 listing=True, verbose=False) -> DemoServer:
    """Serve the rendered site at `root` in a background thread; flavour switches 404 a source."""
    return DemoServer(root, host, port, rest=rest, feed=feed, sitemap=sitemap, listing=listing,
                      verbose=verbose)


def _parse_iso(value: str, tz) -> datetime:
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=tz)


class _Handler(BaseHTTPRequestHandler):
    site: DemoServer

    def version_string(self):
        return "Apache"

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        if self.site.verbose:
            super().log_message(format, *args)

    def do_HEAD(self):
        self._handle(head=True)

    def do_GET(self):
        self._handle(head=False)

    # -- dispatch --------------------------------------------------------------
    def _handle(self, head: bool) -> None:
        self.site.record(self.path)
        parts = urlsplit(self.path)
        path = posixpath.normpath(unquote(parts.path))
        if parts.path.endswith("/") and path != "/":
            path += "/"
        query = parse_qs(parts.query)
        fl = self.site.flavour
        if "rest_route" in query:  # ?rest_route=/wp/v2/posts, the plain-permalink form
            return self._rest("/wp-json" + query.pop("rest_route")[0], query, head)
        if path.startswith("/wp-json"):
            return self._rest(path, query, head)
        if path.startswith("/wp-content/uploads/") and path.endswith(".png"):
            return self._send(200, PNG, "image/png", head)
        if path.startswith("/feed") and not fl["feed"]:
            return self._not_found(head)
        if path.startswith("/wp-sitemap") and not fl["sitemap"]:
            return self._not_found(head)
        if not fl["listing"] and (path == "/" or path.startswith(("/page/", "/category/", "/tag/"))):
            return self._not_found(head)
        if path == "/" and query.get("p"):  # shortlink ?p=ID -> permalink
            post = next((p for p in self.site.posts() if str(p["id"]) == query["p"][0]), None)
            if post:
                return self._redirect(post["link"].replace(PLACEHOLDER, self.site.base), head)
        file = self._resolve(path)
        if file is None:
            if not path.endswith("/") and self._resolve(path + "/"):
                return self._redirect(self.site.base + path + "/", head)  # WordPress adds the slash
            return self._not_found(head)
        body = file.read_bytes()
        ctype = TYPES.get(file.suffix, "application/octet-stream")
        if file.parent.name == "feed" and file.name == "index.xml":
            ctype = "application/rss+xml; charset=UTF-8"
            paged = query.get("paged", ["1"])[0]
            if path == "/feed/" and paged.isdigit() and int(paged) > 1:  # else page 1, as WordPress reads it
                body = self._feed_page(body, int(paged))
                if body is None:
                    return self._not_found(head)
        self._send(200, self._filter(body, ctype), ctype, head)

    def _feed_page(self, first: bytes, paged: int) -> bytes | None:
        """`/feed/?paged=N` as WordPress answers it: the next `posts_per_rss` older posts in the
        channel of page 1, None (a 404) past the end."""
        text = first.decode("utf-8")
        start, end = text.find("<item>"), text.rfind("</item>")
        if start < 0:
            return None
        size = text.count("<item>")
        # Read afresh, not cached: a site re-rendered in place pages its new posts.
        posts = sorted(self._load_json("wp-json/wp/v2/posts/index.json") or [], key=lambda p: p["date_gmt"], reverse=True)
        chunk = posts[(paged - 1) * size: paged * size]
        if not chunk:
            return None
        items = "".join(
            f"<item>\n\t\t<title>{p['title']['rendered']}</title>\n\t\t<link>{p['link']}</link>\n"
            f"\t\t<pubDate>{format_datetime(datetime.fromisoformat(p['date_gmt']).replace(tzinfo=timezone.utc), usegmt=True)}"
            f"</pubDate>\n\t\t<guid isPermaLink=\"false\">{p['guid']['rendered']}</guid>\n"
            f"\t\t<description><![CDATA[{p['excerpt']['rendered']}]]></description>\n"
            f"\t\t<content:encoded><![CDATA[{p['content']['rendered']}]]></content:encoded>\n\t</item>\n\t"
            for p in chunk)
        return (text[:start] + items.rstrip("\t") + text[end + len("</item>"):].lstrip("\n")).encode("utf-8")

    def _resolve(self, path: str) -> Path | None:
        rel = path.lstrip("/")
        if any(part.startswith((".", "_")) for part in rel.split("/") if part) or rel.startswith("wp-json"):
            return None
        target = (self.site.root / rel).resolve()
        if not target.is_relative_to(self.site.root):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None
            for name in ("index.html", "index.xml"):
                if (target / name).is_file():
                    return target / name
            return None
        return target if target.is_file() else None

    def _filter(self, body: bytes, ctype: str) -> bytes:
        if "charset=UTF-8" not in ctype:
            return body
        text = (body.decode("utf-8").replace(PLACEHOLDER, self.site.base)
                .replace(PLACEHOLDER_QUOTED, quote(self.site.base, safe="")))
        fl = self.site.flavour
        drop = []
        if not fl["sitemap"]:
            drop.append("Sitemap:")
        if not fl["rest"]:
            drop.append('rel="https://api.w.org/"')
            drop.append('type="application/json" href=')
        if not fl["feed"]:
            drop.append('type="application/rss+xml"')
        if drop:
            text = "".join(line for line in text.splitlines(keepends=True) if not any(d in line for d in drop))
        return text.encode("utf-8")

    # -- REST API ----------------------------------------------------------------
    def _rest(self, path: str, query: dict, head: bool) -> None:
        if not self.site.flavour["rest"]:
            return self._json(401, {"code": "rest_login_required",
                                    "message": "REST API restricted to authenticated users.",
                                    "data": {"status": 401}}, head)
        route = path.rstrip("/").removeprefix("/wp-json") or "/"
        if route == "/":
            return self._json(200, self._load_json("wp-json/index.json"), head)
        if route.startswith("/wp/v2/posts/"):
            post = next((p for p in self.site.posts() if str(p["id"]) == route.rsplit("/", 1)[1]), None)
            if post is None:
                return self._json(404, {"code": "rest_post_invalid_id", "message": "ID pos tidak valid.",
                                        "data": {"status": 404}}, head)
            return self._json(200, post, head)
        data = self._load_json(f"wp-json{route}/index.json")
        if not isinstance(data, list):
            return self._json(404, {"code": "rest_no_route",
                                    "message": "Tidak ada rute yang cocok dengan URL dan metode permintaan.",
                                    "data": {"status": 404}}, head)
        one = lambda k, d: query.get(k, [d])[0]  # noqa: E731
        try:
            page = int(one("page", "1"))
            per_page = int(one("per_page", "10"))
            after = _parse_iso(one("after", ""), self.site.tz) if "after" in query else None
            before = _parse_iso(one("before", ""), self.site.tz) if "before" in query else None
            mod_after = (_parse_iso(one("modified_after", ""), self.site.tz)
                         if "modified_after" in query else None)
        except ValueError as exc:
            return self._json(400, {"code": "rest_invalid_param", "message": f"Parameter tidak valid: {exc}",
                                    "data": {"status": 400}}, head)
        if page < 1 or not 1 <= per_page <= REST_MAX_PER_PAGE:
            return self._json(400, {"code": "rest_invalid_param", "message": "Parameter tidak valid: page, per_page",
                                    "data": {"status": 400}}, head)
        gmt = lambda item, key: datetime.fromisoformat(item[key]).replace(tzinfo=timezone.utc)  # noqa: E731
        items = data
        if after:
            items = [i for i in items if gmt(i, "date_gmt") > after]
        if before:
            items = [i for i in items if gmt(i, "date_gmt") < before]
        if mod_after:
            items = [i for i in items if gmt(i, "modified_gmt") > mod_after]
        if items and "date_gmt" in items[0]:
            key = "modified_gmt" if one("orderby", "date") == "modified" else "date_gmt"
            items = sorted(items, key=lambda i: i[key], reverse=one("order", "desc") != "asc")
        total = len(items)
        pages = math.ceil(total / per_page)
        if page > max(pages, 1):
            return self._json(400, {"code": "rest_post_invalid_page_number",
                                    "message": "Nomor halaman yang diminta lebih besar dari jumlah halaman yang tersedia.",
                                    "data": {"status": 400}}, head)
        chunk = items[(page - 1) * per_page: page * per_page]
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
        link = f"{self.site.base}/wp-json{route}"
        rest_q = {k: v[0] for k, v in query.items() if k != "page"}
        page_url = lambda n: f"{link}?{urlencode({**rest_q, 'page': n})}"  # noqa: E731
        links = []
        if page > 1:
            links.append(f'<{page_url(page - 1)}>; rel="prev"')
        if page < pages:
            links.append(f'<{page_url(page + 1)}>; rel="next"')
        if links:
            headers["Link"] = ", ".join(links)
        self._json(200, chunk, head, headers)

    def _load_json(self, rel: str):
        path = self.site.root / rel
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None

    # -- responses ---------------------------------------------------------------
    def _json(self, status: int, data, head: bool, headers: dict | None = None) -> None:
        body = json.dumps(data, ensure_ascii=False).replace(PLACEHOLDER, self.site.base).encode("utf-8")
        self._send(status, body, "application/json; charset=UTF-8", head, headers)

    def _not_found(self, head: bool) -> None:
        page = self.site.root / "404.html"
        body = self._filter(page.read_bytes(), TYPES[".html"]) if page.exists() else b"<h1>404</h1>"
        self._send(404, body, TYPES[".html"], head)

    def _redirect(self, location: str, head: bool) -> None:
        self._send(301, b"", TYPES[".html"], head, {"Location": location})

    def _send(self, status, body: bytes, ctype: str, head: bool, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if ctype.startswith("text/html") and self.site.flavour["rest"]:
            self.send_header("Link", f'<{self.site.base}/wp-json/>; rel="https://api.w.org/"')
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Serve the rendered demo outlet on 127.0.0.1.")
    ap.add_argument("--root", type=Path, default=DEMO_SITE)
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--host", default="127.0.0.1")
    for name in ("rest", "feed", "sitemap", "listing"):
        ap.add_argument(f"--no-{name}", action="store_true", help=f"answer 404/401 for the {name} source")
    ap.add_argument("--verbose", action="store_true", help="log every request to stderr")
    a = ap.parse_args(argv)
    server = start_server(a.root, a.host, a.port, rest=not a.no_rest, feed=not a.no_feed,
                          sitemap=not a.no_sitemap, listing=not a.no_listing, verbose=a.verbose)
    print(f"Demo outlet at {server.url} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
