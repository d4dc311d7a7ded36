"""Indonesian news body cleaning: what a paragraph list keeps, and what moves out of it.

Line rules work on text, so they apply to every layer (structured, profile, generic). DOM rules
(captions, share boxes) live in ``dom.py``.
"""
from __future__ import annotations

import re

# Lines that point elsewhere or sell something: never article text.
_RELATED = re.compile(
    r"^\W{0,3}(?:"
    r"(?:baca|simak|lihat|tonton|cek|saksikan|klik|dengarkan|read|see|watch)\s+(?:juga|pula|also|selengkapnya|berita|artikel|video|lainnya|more|di\s*sini)\b"
    r"|(?:baca|read|lihat|simak)\s*:"
    r"|(?:also read|read also)\b"
    r"|(?:related(?: posts?| articles?| news)?|berita terkait|artikel terkait|berita lainnya|artikel lainnya|topik terkait"
    r"|rekomendasi(?: untuk anda| berita| artikel)?)\s*(?::|$)"
    r"|(?:simak|lihat|tonton|saksikan)\s+(?:juga\s+)?(?:video|foto|breaking news)\b|pilihan\s+editor\s*:|pilih saluran"
    r"|artikel ini (?:telah|sudah) (?:tayang|terbit|dipublikasikan|dimuat)|dilarang (?:keras )?(?:mengambil|mengutip)"
    r"|advertisement\b|iklan\s*$|\[?iklan\]?\s*$|ads?\s*$"
    r"|scroll\s+(?:to|untuk|ke)\s+(?:continue|lanjut|bawah)"
    r"|(?:bagikan|share)(?:\s+(?:artikel|berita|ini|this|via|ke))?\s*:?\s*$"
    r"|(?:ikuti|follow|gabung|join|subscribe|langganan|berlangganan)\b.{0,80}\b(?:google news|whatsapp|telegram|instagram|twitter|facebook|tiktok|youtube|channel|saluran|media sosial|newsletter|x\b)"
    r"|(?:dapatkan|download|unduh)\s+(?:update|berita|informasi|aplikasi|app)"
    r"|(?:klik|click)\s+(?:di\s*)?(?:sini|here)\b"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya|\d+)\b"
    r"|(?:selanjutnya|berikutnya|sebelumnya|next|prev(?:ious)?)\s*(?:[»›>]|$)"
    r"|(?:copyright|hak cipta)\b.{0,80}$|©"
    r"|jangan lewatkan\W*$|(?:more|other)\s+(?:photos?|videos?|stories)\s*$|(?:foto|video|galeri|berita)\s+lainnya\s*$"
    r")",
    re.I,
)
# A bare pager like ``1 2 3 Selanjutnya`` or ``Halaman: 1 2``.
_PAGER = re.compile(r"^(?:halaman\s*:?\s*)?(?:\d+\s*){2,}(?:selanjutnya|next|[»›>])?\s*$", re.I)
# Photo credits and captions that survive as text lines.
_CAPTION = re.compile(
    r"^\W{0,2}(?:foto|photo|ilustrasi|dok(?:umentasi)?|istimewa|sumber foto|grafis|infografis|video)\s*[:/|]"
    r"|\((?:foto|dok|ist|istimewa|ilustrasi|antara\s*foto|photo)\b[^)]{0,80}\)\s*$"
    r"|\b(?:doc|dok)\.\s+\S.{0,60}$|(?-i:\b(?:ANTARA FOTO|REUTERS|AFP|AP Photo|Getty Images)\s*/\s*[A-Z][^.]{0,60}$)",
    re.I,
)
# Credits lines at the foot of an article; the label decides whether the name is an author.
_CREDIT = re.compile(
    r"^\W{0,2}(penulis|pewarta|reporter|wartawan|kontributor|editor|penyunting|redaktur|sumber|author|writer|laporan|"
    r"fotografer|foto|photographer|video|videografer|red|ed)\s*:\s*(.{1,80})$",
    re.I,
)
_LABEL_ONLY = re.compile(r"^(penulis|pewarta|reporter|wartawan|editor|penyunting|redaktur|sumber|foto|fotografer)\s*:?$", re.I)
# Tempo-style sign-off: the reporter's or agency's name in capitals closing the article.
_CAPS_SIGNOFF = re.compile(r"^[A-Z][A-Z .,'’/&|-]{1,60}$")
AUTHOR_LABELS = {"penulis", "pewarta", "reporter", "wartawan", "kontributor", "author", "writer", "laporan"}

# ``(Heri).**``, ``(ant/xyz)``, ``(*)``, ``(rls)``: after the last sentence, or alone on a line.
_SIGNOFF = re.compile(r"(?:(?<=[.!?\"”’'])|^)\s*\(\s*(?:\*+|\*?/?[A-Za-z][\w .&'/*-]{0,40}?)\s*\)\s*[.*]*\s*$")
_STARS = re.compile(r"^[\s*#~_=.-]+$")

# Dateline: a place (and/or outlet) before the first dash of the first paragraph.
_DASH = re.compile(r"\s+(?:-{1,2}|–|—|―)\s*|(?<=[A-Za-z.)])\s*(?:–|—)\s+")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|co|news|tv)\b", re.I)  # an outlet's name
_PAREN = re.compile(r"\([^)]{0,60}\)")
_DIGITS = re.compile(r"\d+")  # a date inside a dateline: its month names are capitalised anyway
_DOMAIN_PLACE = re.compile(
    r"^((?:[\w-]+\.)+(?:com|co\.id|id|net)\s*,\s*(?:[A-Z][a-z]+|[A-Z]{3,}(?: [A-Z]{3,})*))\s+(?=[\"“A-Z])")
_BARE_DATELINE = re.compile(r"^(.{2,70}?)\s*(?:-{1,2}|–|—)$")
_OUTLET_AFTER = re.compile(r"^\s*((?:[\w-]+\.)+(?:com|co\.id|id|net)|[A-Z][A-Z0-9]{2,}(?:\.[A-Z]{2,})+)\b\s*[-–—:,]?\s*")


# Channel prompts: a short line inviting the reader to follow the outlet somewhere.
_CHANNEL = re.compile(r"whatsapp|telegram|google news|saluran|channel|newsletter|aplikasi", re.I)
_INVITE = re.compile(r"\b(?:ikuti|gabung|bergabung|follow|simak|akses|klik|join|download|unduh|pilih|dapatkan|langganan|berlangganan)\b", re.I)
# Embed placeholders and ad slugs left inline by CMSs: ``[Gambas:Video 20detik]``.
_INLINE_JUNK = re.compile(r"(?i:\[\s*gambas:[^\]]*\])|(?<=[.!?\"”] )(?:Baca|BACA|Simak|SIMAK|Lihat|LIHAT) (?:[Jj]uga|JUGA)\s*:|\bADVERTISEMENT\b\s*(?:SCROLL TO CONTINUE WITH CONTENT)?|\bSCROLL TO CONTINUE WITH CONTENT\b")


def strip_inline_junk(line: str) -> str:
    return " ".join(_INLINE_JUNK.sub(" ", line).split())


def is_junk_line(line: str, keep_captions: bool = False) -> bool:
    """Related links, ads, share prompts, pagers, captions and separators."""
    s = line.strip()
    if not s or _STARS.match(s):
        return True
    if _RELATED.match(s) or _PAGER.match(s):
        return True
    if len(s) < 250 and _CHANNEL.search(s) and _INVITE.search(s):
        return True
    return not keep_captions and len(s) < 300 and bool(_CAPTION.search(s))


def credit(line: str) -> tuple[str, str] | None:
    """``Pewarta: Nama`` -> ("pewarta", "Nama"); None when the line is not a credit."""
    m = _CREDIT.match(line.strip())
    return (m.group(1).lower(), m.group(2).strip(" .")) if m else None


def split_signoff(line: str) -> tuple[str, str | None]:
    """Cut a reporter sign-off off the end of a paragraph: ('… ujarnya.', '(Heri).**')."""
    m = _SIGNOFF.search(line)
    if not m:
        return line, None
    return line[: m.start()].rstrip(), m.group(0).strip()


def _place_like(prefix: str) -> bool:
    if not prefix or len(prefix) > 70 or prefix[-1] in ".!?\"”":
        return False
    rest = _PAREN.sub(" ", DOMAIN.sub(" ", prefix))
    rest = _DIGITS.sub(" ", rest)
    words = [w for w in re.split(r"[\s,./]+", rest) if w]
    if not words:
        return bool(DOMAIN.search(prefix) or _PAREN.search(prefix))
    if len(words) > 6:
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """``JAKARTA, KOMPAS.com - Isi`` -> ('JAKARTA, KOMPAS.com', 'Isi'); (None, paragraph) when there is none."""
    m = _DASH.search(paragraph, 0, 90)
    if not m:
        # ``<b>Liputan6.com, Jakarta</b> Isi``: outlet and a one-word place, no dash.
        bare = _DOMAIN_PLACE.match(paragraph)
        return (bare.group(1), paragraph[bare.end():]) if bare else (None, paragraph)
    prefix = paragraph[: m.start()].strip()
    if not _place_like(prefix):
        return None, paragraph
    rest = paragraph[m.end():]
    # ``OGAN ILIR – JURNALISBICARA.COM Pemerintah ...``: the outlet follows the dash.
    after = _OUTLET_AFTER.match(rest)
    if after and (after.group(1).isupper() or DOMAIN.fullmatch(after.group(1))):
        prefix = f"{prefix} – {after.group(1)}"
        rest = rest[after.end():]
    rest = rest.lstrip()
    if not rest:
        return None, paragraph
    return prefix.rstrip(" ,"), rest


_DATE_ONLY = re.compile(
    r"^(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W*)?"
    r"(?:\d{1,2}[ /.-](?:\d{1,2}|[a-z]{3,9})[ /.-]\d{2,4}|[a-z]{3,9} \d{1,2},? \d{4})"
    r"(?:\W*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?\s*(?:wib|wita|wit)?\W*$",
    re.I,
)


_RELATIVE_ONLY = re.compile(r"^\W*\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu\W*$", re.I)


def is_date_line(line: str) -> bool:
    """A line that is only a date and time (``Selasa, 23/02/2016 15:32 WIB``, ``2 jam lalu``)."""
    line = line.strip()
    return len(line) <= 60 and bool(_DATE_ONLY.match(line) or _RELATIVE_ONLY.match(line))


def normalize(text: str) -> str:
    """Collapse whitespace (including nbsp and zero-width characters) in one line."""
    return " ".join(text.replace("\u200b", " ").replace("\ufeff", " ").split())


def clean_paragraphs(lines: list[str], *, caption_first: bool = False,
                     keep_captions: bool = False) -> tuple[list[str], str | None, list[str]]:
    """Lines of body text -> (paragraphs, dateline, credited authors).

    Drops junk lines and sign-offs; moves the dateline out of the first paragraph;
    ``caption_first`` (an outlet profile flag) drops a leading unpunctuated photo caption.
    """
    paragraphs: list[str] = []
    authors: list[str] = []
    label = None  # a bare ``Editor`` cell whose value follows on the next line
    for raw in lines:
        line = strip_inline_junk(normalize(raw))
        if label and line.startswith(":"):
            line, label = f"{label}{line}", None
        else:
            label = None
        if not line or is_junk_line(line, keep_captions) or is_date_line(line):
            continue
        if _LABEL_ONLY.match(line):
            label = line.rstrip(" :")
            continue
        found = credit(line)
        if found:
            name_label, name = found
            if name_label in AUTHOR_LABELS and name not in authors:
                authors.append(name)
            continue
        paragraphs.append(line)
    while paragraphs and len(paragraphs[-1].split()) <= 4 and _CAPS_SIGNOFF.match(paragraphs[-1]):
        paragraphs.pop()
    # Sign-offs close the article; text after them is footer matter.
    for i in range(len(paragraphs) - 1, -1, -1):
        body, sign = split_signoff(paragraphs[i])
        if sign:
            paragraphs = paragraphs[:i] + ([body] if body else [])
            break
        if i < len(paragraphs) - 3:
            break
    dateline = None
    bare = _BARE_DATELINE.match(paragraphs[0]) if len(paragraphs) > 1 else None
    if bare and _place_like(bare.group(1)):
        # ``<strong>Jakarta</strong> - <p>Isi…``: the dateline stands alone before the first paragraph.
        dateline = bare.group(1)
        paragraphs = paragraphs[1:]
    elif paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    if caption_first and len(paragraphs) > 2 and len(paragraphs[0]) < 300 and paragraphs[0][-1] not in ".!?\"”’'":
        paragraphs.pop(0)
    return paragraphs, dateline, authors
