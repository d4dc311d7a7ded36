"""Helpers for the crawl tests: synthetic article corpora, rendered sites, crawls in a subprocess.

Twisted's reactor cannot restart, so every crawl runs `monitor.crawl.run_crawl`
in a fresh Python process; the sites are served from this process, so the
tests count exactly what the crawler asked for.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from monitor.spiders.urls import canonical_url

ROOT = Path(__file__).resolve().parents[1]
# Loopback needs no politeness delay; analysis is not the crawler's concern and would only slow
# each crawl down (extraction, dedupe and storage still run, so "stored" means stored).
FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "RETRY_BACKOFF_BASE": 0.1,
    "ITEM_PIPELINES": {
        "monitor.pipelines.ExtractPipeline": 100,
        "monitor.pipelines.DedupePipeline": 200,
        "monitor.pipelines.StorePipeline": 400,
    },
}
ARTICLE_PATH = re.compile(r"^/\d{4}/\d{2}/\d{2}/[^/?#]+/$")

_PLACES = ["Tamalaju", "Borong Loe", "Pantai Karama", "Bulu Sipong", "Sarewa", "Mambera", "Lembah Hijau"]
_SUBJECTS = ["KPU", "Bawaslu", "Pemkab", "DPRD", "Tim pemenangan", "Dinas Pendidikan", "Warga"]
_TOPICS = ["rapat pleno", "sosialisasi pemilih", "pemutakhiran data", "kampanye damai", "debat publik",
           "perbaikan jalan", "distribusi logistik", "pelatihan petugas"]


def write_corpus(directory: Path, count: int, *, start: datetime = datetime(2024, 9, 2, 8, 0),
                 prefix: str = "berita", modified: dict[int, datetime] | None = None) -> list[str]:
    """`count` small article sources in the demo site's format; returns their slugs, oldest first."""
    directory.mkdir(parents=True, exist_ok=True)
    slugs = []
    for i in range(count):
        when = start + timedelta(hours=7 * i)
        place, subject, topic = _PLACES[i % 7], _SUBJECTS[(i * 3) % 7], _TOPICS[(i * 5) % 8]
        slug = f"{prefix}-{i:03d}-{subject.lower().replace(' ', '-')}-{topic.replace(' ', '-')}-{place.lower().replace(' ', '-')}"
        title = f"{subject} Gelar {topic.title()} di {place}, Edisi {i + 1}"
        changed = (modified or {}).get(i)
        paragraphs = [
            f"{subject} menggelar {topic} di Kecamatan {place} pada hari ke-{i + 1} bulan ini, dihadiri "
            f"{40 + i * 3} peserta dari {3 + i % 5} desa.",
            f"Kegiatan nomor {i + 1} ini, menurut panitia, menjadi bagian dari persiapan Pilkada serentak "
            f"2024 di wilayah {place} dan sekitarnya.",
            f"“Kami ingin setiap warga {place} paham tahapan yang berjalan,” ujar ketua panitia "
            f"kegiatan ke-{i + 1} itu.",
            f"Panitia mencatat {i * 7 + 11} pertanyaan dari warga selama acara berlangsung hingga sore.",
        ]
        if changed:
            paragraphs.append(f"Pembaruan: panitia menambahkan sesi lanjutan pada {changed:%d/%m/%Y}.")
        if i >= 3 and i % 4 == 0:
            paragraphs.insert(2, f"Baca Juga : {slugs[i - 3]}")
        front = (
            f"---\nslug: {slug}\ntitle: \"{title}\"\ndate: {when:%Y-%m-%d %H:%M}\n"
            + (f"modified: {changed:%Y-%m-%d %H:%M}\n" if changed else "")
            + f"category: {'Pilkada' if i % 2 else 'Pemerintahan'}\ntags: [{place}, {subject}]\n"
            f"author: Redaksi {place}\ndateline: KAB.{place.upper()}\n---\n"
        )
        (directory / f"{when:%Y-%m-%d}-{slug}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        slugs.append(slug)
    return slugs


def render(tmp: Path, count: int, theme: str = "default", timezone: str = "WITA", **corpus) -> Path:
    from monitor.demo.site import render_site

    articles = tmp / f"articles-{theme}"
    write_corpus(articles, count, **corpus)
    out = tmp / f"site-{theme}"
    render_site(out, articles_dir=articles, theme=theme, timezone=timezone,
                name="Kabar Uji" if theme == "default" else "Suara Uji", domain_label="kabaruji.test")
    return out


def expected_urls(site_root: Path, base: str) -> set[str]:
    posts = json.loads((site_root / "wp-json/wp/v2/posts/index.json").read_text(encoding="utf-8"))
    return {canonical_url(p["link"].replace("{{BASE}}", base.rstrip("/")), "http") for p in posts}


def stored_urls(db: Path, outlet_id: str | None = None) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        if outlet_id:
            rows = conn.execute("select url from articles where outlet_id = ?", [outlet_id]).fetchall()
        else:
            rows = conn.execute("select url from articles").fetchall()
    finally:
        conn.close()
    return {canonical_url(r[0], "http") for r in rows}


def table_rows(db: Path, table: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"select * from {table} order by id")]
    finally:
        conn.close()


def runs(db: Path) -> list[dict]:
    return table_rows(db, "crawl_runs")


def article_requests(paths: list[str]) -> list[str]:
    return [p for p in paths if ARTICLE_PATH.match(p)]


_CODE = """
import json, sys
from monitor.crawl import run_crawl
from monitor.outlets import Outlet
args = json.loads(sys.argv[1])
outlets = [Outlet.from_url(o.pop("url"), **o) for o in args["outlets"]]
result = run_crawl(outlets, args["db"], since=args["since"], settings=args["settings"],
                   all_history=args["all_history"])
print("@@RESULT@@" + json.dumps(result, default=str))
"""


def crawl(outlets: list, db: Path, *, since: str | None = None, settings: dict | None = None,
          all_history: bool = False, timeout: float = 180) -> list[dict]:
    """run_crawl in a subprocess; `outlets` are base URLs or dicts of Outlet fields with "url"."""
    specs = [o if isinstance(o, dict) else {"url": o} for o in outlets]
    args = {"outlets": specs, "db": str(db), "since": since, "settings": {**FAST, **(settings or {})},
            "all_history": all_history}
    proc = subprocess.run([sys.executable, "-c", _CODE, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            return json.loads(line[len("@@RESULT@@"):])
    raise AssertionError(f"crawl failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")


def yoastify(site_root: Path, robots: str = "User-agent: *\nAllow: /\n") -> None:
    """Swap WordPress core sitemaps for Yoast-style ones (index with lastmod, post/page/category
    sitemaps) behind a hand-written robots.txt that names none of them."""
    posts = json.loads((site_root / "wp-json/wp/v2/posts/index.json").read_text(encoding="utf-8"))
    for f in site_root.glob("wp-sitemap*.xml"):
        f.unlink()
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    newest = max(p["modified_gmt"] for p in posts) + "+00:00"
    children = [("post", newest), ("page", "2023-01-10T02:00:00+00:00"), ("category", newest)]
    (site_root / "sitemap_index.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {ns}>'
        + "".join(f"<sitemap><loc>{{{{BASE}}}}/{k}-sitemap.xml</loc><lastmod>{m}</lastmod></sitemap>" for k, m in children)
        + "</sitemapindex>\n", encoding="utf-8")
    urls = "<url><loc>{{BASE}}/</loc></url>" + "".join(
        f"<url><loc>{p['link']}</loc><lastmod>{p['modified_gmt']}+00:00</lastmod></url>"
        for p in sorted(posts, key=lambda p: p["modified_gmt"]))
    (site_root / "post-sitemap.xml").write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>{urls}</urlset>\n',
                                                encoding="utf-8")
    (site_root / "page-sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}><url><loc>{{{{BASE}}}}/redaksi/</loc></url></urlset>\n',
        encoding="utf-8")
    (site_root / "category-sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}><url><loc>{{{{BASE}}}}/category/pilkada/</loc></url></urlset>\n',
        encoding="utf-8")
    (site_root / "robots.txt").write_text(robots, encoding="utf-8")
