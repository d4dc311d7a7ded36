"""`monitor analyze`: people, candidates, parties, roles and quotes of one article."""
from __future__ import annotations

import json
from pathlib import Path

import click

from monitor.extract.command import looks_binary


def _read_article(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    if looks_binary(raw):
        raise click.ClickException(f"{path} is a binary file, not an article (text or HTML)")
    if not raw.strip():
        raise click.ClickException(f"{path} is empty")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("latin-1")
    head = content.lstrip()[:500].lower()
    if path.suffix.lower() in {".html", ".htm"} or head.startswith(("<!doctype", "<html", "<?xml")):
        from monitor.extract import NotAnArticle, extract_article

        try:
            article = extract_article(content, url=None)
        except NotAnArticle as exc:
            raise click.ClickException(f"{path}: not an article ({exc})")
        paragraphs = getattr(article, "paragraphs", None)
        text = "\n\n".join(paragraphs) if paragraphs else (article.text or "")
        dateline = getattr(article, "dateline", None)
        if dateline and not text.lstrip().startswith(dateline):
            text = f"{dateline}, {text}" if text else dateline
        return article.title or "", text
    title, _, body = content.lstrip("\ufeff").replace("\r\n", "\n").partition("\n")
    return title.strip(), body


@click.command("analyze")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--region", metavar="NAME", help="Region the article is about or the outlet covers (Jeneponto, Kota Makassar, Sulsel).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one JSON object; text: a short human summary.")
@click.option("--mentions/--no-mentions", default=False, help="Include every mention with offsets (json only).")
def analyze_command(file, region, fmt, mentions):
    """Find people, KPU candidates, parties, roles and quotes in one article.

    FILE is plain text (first line the title, then the body) or an HTML page,
    which is extracted first.

    \b
    Examples:
        monitor analyze artikel.txt --region Jeneponto
        monitor analyze halaman.html --format text
    """
    from monitor.nlp import analyze
    from monitor.nlp.regions import lookup

    if region and not lookup(region):
        raise click.ClickException(f"unknown region {region!r} (try a kabupaten, 'Kota X' or a province)")
    title, text = _read_article(file)
    if not (title or text).strip():
        raise click.ClickException(f"{file}: empty article")
    result = analyze(title, text, region=region)
    if not mentions:
        result.pop("mentions", None)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(result["title"])
    for p in result["people"]:
        extra = []
        if p["roles"]:
            extra.append("; ".join(p["roles"]))
        if p["candidate"]:
            c = p["candidate"]
            extra.append(f"KPU {c['id_paslon']} {c['position']} {c['wilayah']}")
        if p["quoted"]:
            extra.append("quoted")
        click.echo(f"  person  {p['name']} x{p['mentions']}" + (f"  ({', '.join(extra)})" if extra else ""))
    for p in result["parties"]:
        click.echo(f"  party   {p['id']} x{p['mentions']}")
    for q in result["quotes"]:
        mark = "\u201c\u201d" if q["direct"] else "~"
        click.echo(f"  quote   {q['speaker'] or '?'} {mark[0]}{q['text'][:70]}{mark[-1]}")
    if result["regions"]:
        click.echo(f"  regions {', '.join(result['regions'])}")
