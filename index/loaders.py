"""Loaders: files and folders -> Articles (cleaned), one InputError per bad file or record.

Chosen by extension or an explicit format: text (.txt, .md), html (.html, .htm), json (an
array of records) and jsonl (one record per line). Folders recurse; a folder's file of another extension
is skipped, and the same file named itself is an ``InputError`` with the same reason ("unsupported file type
.pdf"; ``unsupported_type``). A file that is a PDF, an Office document, an archive or an image by its first
bytes (``document_kind``) is an ``InputError`` whatever its name or format. Loading never raises for
bad input: it yields an ``InputError`` naming the file (and record or line) instead, so one
bad file does not stop the others; malformed JSON is said with its line and column and what is
wrong (``json_problem``: "unexpected end of data at line 3 column 10 ... (the file looks cut off)").

A plain-text article that starts with header lines (``Title:``, ``Source:``, ``Date:``/``Published:``,
``URL:``/``Link:``, ``Author:``, any case; ``split_header_lines``) has them read as metadata, like
YAML front matter, and removed from its text (offsets stay offsets into the text); a first line
``# Title: ...`` is titled without the label.

Files are read in the encoding their byte-order mark declares (UTF-8, UTF-16 or UTF-32, as
Windows Notepad saves them; the mark dropped), else as UTF-8; a file that is neither is read as
UTF-16 when it plainly is (no mark, a NUL in every other byte), else Windows-1252, else Latin-1,
with a one-line warning naming it and the encoding (``decode_text``; to ``load_paths``'s
``warned``, else on stderr). Documents of a file not read as UTF-8 carry ``meta["encoding"]``.
Offsets are always into the decoded text. A file that holds nothing but blank space (and a
byte-order mark) is an "empty file".

Limits (hostile or broken input), each an ``InputError`` naming the file (or record):
- a file over ``file_limit(fmt)`` is refused unread: ``max_file_bytes()`` (``ATTACHE_MAX_FILE_BYTES``,
  default 20 MB) for a file holding one article (text, HTML), ``EXPORT_FACTOR`` times that for
  an export of many (JSON, JSONL, a saved feed);
- an article whose text is over ``max_file_bytes()`` characters, or holds a run of over
  ``MAX_SENTENCE_CHARS`` with no sentence boundary, is refused (it would be one giant "sentence"
  and passage); long lines of ordinary sentences (JSON bodies often have no newline) are fine;
- JSON nested deeper than ``MAX_JSON_DEPTH`` is refused per file (``.json``) or per line
  (``.jsonl``) instead of exhausting the stack.
"""
from __future__ import annotations

import codecs
import errno
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cleaning import clean_text, outlet_name, split_front_matter, split_header_lines, strip_hidden_html
from .dates import parse_date, pick_date
from .errors import InputError
from .fetch import feed_file, is_url, load_url
from .models import Document
from .text import split_sentences

FORMATS = ("text", "html", "json", "jsonl", "feed")
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",  # RSS/Atom (index/fetch.py)
}
# Record fields, best first. Values may be strings, {"rendered": html} (WordPress), {"name": ...}
# (NewsAPI source), {"value": ...} / [{"value": ...}] (feeds converted to JSON) or lists.
TEXT_FIELDS = ("body", "text", "content", "articleBody", "article_body", "content_text", "content_html",
               "content:encoded", "content_encoded", "full_text", "fulltext", "summary", "description")
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "publisher", "outlet", "site_name", "sitename", "source_name", "feed_title", "domain")
DATE_FIELDS = ("published_at", "publishedAt", "published", "date_published", "datePublished", "pubDate",
               "pubdate", "pub_date", "publish_date", "publication_date", "date", "date_gmt", "isoDate",
               "created_at", "createdAt", "seendate", "timestamp", "updated", "modified", "dateModified", "year")
#: When an export was made: the anchor for relative or time-only dates ("2 days ago", "12:30").
ANCHOR_FIELDS = ("retrieved_at", "crawled_at", "scraped_at", "fetched_at", "downloaded_at", "collected_at")
#: The locale an export or outlet declares: decides "05/07/2024" (US: May 7; others: 5 July).
LOCALE_FIELDS = ("locale", "language", "lang", "sourcecountry", "source_country")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator", "dc:creator")
URL_FIELDS = ("url", "link", "href", "permalink", "canonical_url")
ID_FIELDS = ("id", "guid", "_id", "uuid")
#: Keys under which exports wrap their article array, best first (NewsAPI, feeds, search APIs).
ARRAY_KEYS = ("articles", "items", "entries", "results", "posts", "docs", "data", "records", "hits", "response")
#: A cut-off marker at the end of a text: NewsAPI "… [+2140 chars]", "[…]", "[...]".
TRUNCATION = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\s*(\d+)\s*char(?:acter)?s?\]\s*$|\s*\[(?:…|\.\.\.|&hellip;)\]\s*$")
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
#: Default largest file holding one article (bytes); ``ATTACHE_MAX_FILE_BYTES`` overrides it.
DEFAULT_MAX_FILE_BYTES = 20_000_000
#: An export of many articles (JSON, JSONL, feed file) may be this many times larger.
EXPORT_FACTOR = 10
#: Longest sentence (text without a sentence boundary) of an article, in characters (real news and
#: UN General Debate speeches: < 3,000).
MAX_SENTENCE_CHARS = 20_000
#: Deepest nesting of arrays/objects accepted in a JSON file or JSONL line (real exports: < 10).
MAX_JSON_DEPTH = 64


def max_file_bytes() -> int:
    """The largest file holding one article, in bytes (also the largest article text, in
    characters): ``ATTACHE_MAX_FILE_BYTES`` (a positive integer), else ``DEFAULT_MAX_FILE_BYTES``
    (20 MB)."""
    try:
        value = int(os.environ.get("ATTACHE_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES)
    except ValueError:
        return DEFAULT_MAX_FILE_BYTES
    return value if value > 0 else DEFAULT_MAX_FILE_BYTES


def file_limit(fmt: str) -> int:
    """The largest file of format ``fmt`` (one of ``FORMATS``) read, in bytes: ``max_file_bytes()``
    for one article (text, html), ``EXPORT_FACTOR`` times it for exports (json, jsonl, feed)."""
    return max_file_bytes() * (EXPORT_FACTOR if fmt in ("json", "jsonl", "feed") else 1)


def check_size(path: Path, fmt: str) -> None:
    """Raises ``InputError`` naming ``path`` when it is larger than ``file_limit(fmt)``."""
    limit = file_limit(fmt)
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it reports the cause
    if size > limit:
        raise InputError(str(path), f"file too large: {_mb(size)} (at most {_mb(limit)} for {fmt} files; "
                                    f"ATTACHE_MAX_FILE_BYTES)")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"



@dataclass
class KnownItem:
    """A feed item already stored (same link): reported unchanged, not fetched again."""

    source_id: str
    doc_id: str


LoadResult = Document | InputError | KnownItem


def normalise_date(value: Any) -> str:
    """ISO form of a date-ish value at its precision ("2018-06-08", "2023-10-01T14:00:29+00:00",
    2015 -> "2015", "May 2024" -> "2024-05"); "" when unusable. See ``index.dates.parse_date``."""
    return parse_date(value).iso


#: What a folder may hold besides articles without being reported as skipped (no extension).
QUIET_NAMES = {"readme", "license", "licence", "copying", "notice", "changelog", "authors", "makefile"}

SkippedFn = Callable[[str, str], None]
#: Told ``(path, warning)`` when a file was read but not as written (a fallback encoding).
WarnFn = Callable[[str, str], None]


def unsupported_reason(path: Path) -> str:
    """Why a file is not read: its type, and the types that are."""
    kind = f"unsupported file type {path.suffix.lower()}" if path.suffix else "no file extension"
    return f"{kind}; supported: {' '.join(sorted(EXTENSIONS))} (--format to read others as one format)"


#: What reads as a file extension (".pdf", ".docx", ".jpeg"), unlike the end of a name with a dot in it
#: ("U.S. talks", "notes-2024.05.07"): letters and digits, at least one letter.
_EXTENSION_LIKE = re.compile(r"\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,10}", re.I)


def unsupported_type(path: Path) -> bool:
    """True when ``path`` has an extension of a type attache does not read (not in ``EXTENSIONS``): a
    ``bad/real.pdf`` or ``notes.docx`` named on the command line is refused as it is skipped in a folder
    (it was read as text: a PDF stored with the title "%PDF-1.1"). A name without an extension, or whose
    last dot starts no extension ("U.S. talks"), is read as text."""
    return path.suffix.lower() not in EXTENSIONS and bool(_EXTENSION_LIKE.fullmatch(path.suffix))


def iter_files(path: Path, fmt: str | None, skipped: SkippedFn | None = None) -> Iterator[Path | InputError]:
    """The loadable files under ``path`` (itself, or a folder walked in sorted order), with an
    ``InputError`` in place of each path that cannot be used (missing, a broken or looping
    symbolic link, a pipe or device, unknown format, a folder holding no article file). In a
    folder, hidden entries are passed over silently; each file of another extension is passed
    over and told to ``skipped(path, reason)`` (``unsupported_reason``), except extension-less
    project files (``QUIET_NAMES``: README, LICENSE ...). A file named itself with such an extension
    (``unsupported_type``: "real.pdf") is an ``InputError`` with the same reason; ``fmt`` reads any."""
    problem = _unusable(path)
    if problem:
        yield InputError(str(path), problem)
        return
    if path.is_dir():
        try:
            entries = sorted(path.rglob("*"))
        except OSError as e:
            yield InputError(str(path), f"cannot read folder: {e.strerror or e}")
            return
        found = 0
        for p in entries:
            if any(part.startswith(".") for part in p.relative_to(path).parts):
                continue
            if p.is_dir() and not p.is_symlink():
                continue
            if not (fmt or p.suffix.lower() in EXTENSIONS):
                if skipped and (p.suffix or p.name.lower() not in QUIET_NAMES):
                    skipped(str(p), unsupported_reason(p))
                continue
            problem = _unusable(p) or ("" if p.is_file() or p.is_dir() else _NOT_REGULAR)
            if problem:
                yield InputError(str(p), problem)
            elif p.is_file():
                found += 1
                yield p
        if not found:
            yield InputError(str(path), "no article files in this folder (looked for "
                                        f"{' '.join(sorted(EXTENSIONS))}; --format to read others)")
        return
    if not fmt and unsupported_type(path):  # named itself: the same decision as in a folder, said as a failure
        yield InputError(str(path), unsupported_reason(path))
        return
    yield path


_NOT_REGULAR = "not a regular file (a pipe, device or socket)"


def _unusable(path: Path) -> str:
    """Why ``path`` cannot be opened at all ("" when it can be): missing, a symbolic link that
    is broken or loops, unreadable metadata."""
    try:
        path.stat()
    except OSError as e:
        reason = (e.strerror or str(e)).lower()
        if path.is_symlink() and e.errno == errno.ENOENT:
            try:
                return f"broken symbolic link (it points to {os.readlink(path)}, which does not exist)"
            except OSError:
                return "broken symbolic link"
        return reason
    return ""


def load_paths(paths: list[str | Path], fmt: str | None = None, source: str | None = None,
               known: Callable[[str], bool] | None = None, allow_private: bool = False,
               skipped: SkippedFn | None = None, warned: WarnFn | None = None) -> Iterator[LoadResult]:
    """Every article (or error) from files, folders and URLs (``index/fetch.py``: pages and
    feeds, the only network use), in a stable order. ``known(doc_id)``: already stored, so a
    feed item linking to it is not fetched again. ``allow_private``: fetch URLs of local and
    private addresses too (refused by default; Settings ``fetch_private``). ``skipped(path,
    reason)``: told each file of a folder that is not read (see ``iter_files``). ``warned(path,
    warning)``: told each file read in a fallback encoding (``_read_text``; None: said on stderr)."""
    if fmt and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for raw in paths:
        if is_url(raw):
            yield from load_url(str(raw), source, known, allow_private=allow_private)
            continue
        for item in iter_files(Path(raw), fmt, skipped):
            if isinstance(item, InputError):
                yield item
                continue
            yield from load_file(item, fmt, source, known, allow_private=allow_private, warned=warned)


def _read_text(path: Path, fmt: str = "text", warned: WarnFn | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of a file (see ``decode_text``); a file read in an encoding it does not
    declare (not UTF-8, no byte-order mark) is told to ``warned(path, warning)``, else said on
    stderr, one line naming it and the encoding used. Raises ``InputError`` (empty, binary, too large,
    unreadable)."""
    limit = file_limit(fmt)
    check_size(path, fmt)
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)  # a file that grew since it was measured is still bounded
        if len(data) > limit:
            raise InputError(str(path), f"file too large: over {_mb(limit)} (ATTACHE_MAX_FILE_BYTES)")
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    kind = document_kind(data)
    if kind:
        raise InputError(str(path), not_text_reason(kind))
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as e:  # a UTF-16/32 byte-order mark, then bytes that are not that encoding
        name = ENCODING_NAMES.get(e.encoding, e.encoding)
        raise InputError(str(path), f"binary file, not text (it starts with a {name} byte-order mark, but is "
                                    f"not valid {name} from byte {e.start + len(_bom(data)[0])})") from None
    if "\x00" in text[:8192]:
        raise InputError(str(path), "binary file, not text")
    if not text.replace("\ufeff", "").strip():  # a byte-order mark (or blank space in UTF-16) only
        raise InputError(str(path), "empty file")
    if encoding != "utf-8" and encoding != _bom(data)[1]:
        cause = (f"not UTF-8 (invalid byte at offset {_first_bad_byte(data)})" if encoding in ("cp1252", "latin-1")
                 else "no byte-order mark, a NUL in every other byte")
        warning = f"{cause}; read as {ENCODING_NAMES[encoding]}"
        if warned:
            warned(str(path), warning)
        else:
            print(f"attache: warning: {path}: {warning}", file=sys.stderr, flush=True)
    return text, encoding


#: The signatures (first bytes) of documents, archives and images, which no article file starts with:
#: ``(bytes, what it is)``. A PDF is read by none of the loaders whatever its name ("%PDF-1.1" was stored as
#: the title of a "real.pdf"; a "report.txt" saved from a PDF viewer starts the same).
SIGNATURES = ((b"%PDF-", "a PDF document"),
              (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"), (b"PK\x07\x08", "a ZIP archive"),
              (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (Word, Excel or PowerPoint 97-2003)"),
              (b"{\\rtf", "an RTF document"),
              (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
              (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
              (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
              (b"Rar!\x1a\x07", "a RAR archive"))
#: What a ZIP archive holds, by the folder or file its members start with: Office Open XML and OpenDocument.
_ZIP_KINDS = (("word/", "a Word document (.docx)"), ("xl/", "an Excel workbook (.xlsx)"),
              ("ppt/", "a PowerPoint presentation (.pptx)"), ("content.xml", "an OpenDocument file (.odt)"),
              ("META-INF/container.xml", "an EPUB book"))


def document_kind(data: bytes) -> str:
    """What a file's bytes are when they are a document, archive or image rather than text ("a PDF document",
    "a Word document (.docx)", "a PNG image"; ``SIGNATURES``, also RIFF WebP and ISO media HEIC/AVIF), whatever
    the file is named; "" otherwise."""
    head = data[:1024].lstrip(b" \t\r\n")
    kind = next((what for sig, what in SIGNATURES if head.startswith(sig)), "")
    if not kind and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "a WebP image"
    elif not kind and head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
        kind = "a HEIC/AVIF image"
    if kind == "a ZIP archive":
        import io
        import zipfile

        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            names = []
        kind = next((what for start, what in _ZIP_KINDS if any(n.startswith(start) for n in names)), kind)
    return kind


def not_text_reason(kind: str) -> str:
    """The error for a file that is ``kind`` (``document_kind``) rather than an article file."""
    return (f"binary file, not text: {kind} by its content, an unsupported file type whatever its extension; "
            f"supported: text, HTML, JSON, JSONL, RSS/Atom ({' '.join(sorted(EXTENSIONS))}): save it as text or "
            "HTML first")


#: The encodings ``decode_text`` reads, and how a warning names them.
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "utf-32-le": "UTF-32 LE",
                  "utf-32-be": "UTF-32 BE", "cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1 (ISO-8859-1)"}
#: Byte-order marks and the encoding each declares; the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _bom(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``data`` starts with and the encoding it declares (``(b"", "")`` when none)."""
    return next(((bom, enc) for bom, enc in BOMS if data.startswith(bom)), (b"", ""))


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a file's bytes, the byte-order mark dropped: the encoding a UTF-16
    or UTF-32 mark declares; else UTF-16 when they plainly are without a mark (``_utf16_order``);
    else UTF-8 when they are valid UTF-8; else Windows-1252, else Latin-1 (which decodes any
    bytes). ``encoding`` is a key of ``ENCODING_NAMES``. The text is what is stored, so every
    character offset (citations, ``meta["removed"]``) counts characters of it, never bytes of
    the file. Raises ``UnicodeDecodeError`` when the bytes after a UTF-16/32 mark are not that
    encoding (its ``encoding`` a key of ``ENCODING_NAMES``, ``start`` counted after the mark)."""
    bom, declared = _bom(data)
    body = data[len(bom):]
    if declared and declared != "utf-8":
        return body.decode(declared), declared
    order = "" if bom else _utf16_order(body)  # before UTF-8: "K\x00e\x00" is valid UTF-8
    if order:
        return body.decode(order), order
    for encoding in ("utf-8", "cp1252"):  # 5 byte values are undefined in cp1252
        try:
            return body.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return body.decode("latin-1"), "latin-1"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _utf16_order(data: bytes) -> str:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` (no byte-order mark) is plainly UTF-16 text:
    an even length, a NUL in at least a quarter of the odd (LE) or even (BE) bytes of its start
    and none in the others, valid, and no control characters but tab, line and page breaks; else ""."""
    head = data[:8192]
    if len(data) % 2 or b"\x00" not in head:
        return ""
    for order, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if b"\x00" not in low and high.count(0) * 4 >= len(high):
            try:
                text = data.decode(order)
            except UnicodeDecodeError:
                return ""
            return "" if _CONTROL.search(text[:4096]) else order
    return ""


def _first_bad_byte(data: bytes) -> int:
    """Offset in ``data`` of its first byte that is not UTF-8 (-1 when there is none)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return -1


def load_file(path: Path, fmt: str | None = None, source: str | None = None,
              known: Callable[[str], bool] | None = None, allow_private: bool = False,
              warned: WarnFn | None = None) -> Iterator[LoadResult]:
    """Documents of one file, or an ``InputError`` per bad file or record; any exception while
    loading (a missing optional package included) becomes an ``InputError`` naming the file.
    ``warned``: see ``load_paths``."""
    fmt = fmt or EXTENSIONS.get(path.suffix.lower(), "text")
    if fmt == "feed":
        try:
            check_size(path, fmt)
            if path.is_file():  # (a pipe is read once, by the feed reader)
                with path.open("rb") as f:
                    kind = document_kind(f.read(1024))
                if kind:
                    raise InputError(str(path), not_text_reason(kind))
        except InputError as e:
            yield e
            return
        except OSError:
            pass  # reading it reports the cause
        yield from feed_file(path, source, known, allow_private=allow_private)
        return
    try:
        raw, encoding = _read_text(path, fmt, warned)
    except InputError as e:
        yield e
        return
    try:
        if fmt == "text":
            loaded: Iterator[LoadResult] = iter([_from_text(path, raw, source)])
        elif fmt == "html":
            loaded = iter([_from_html(path, raw, source)])
        elif fmt == "json":
            loaded = _from_json(path, raw, source)
        else:
            loaded = _from_jsonl(path, raw, source)
        for item in loaded:
            if encoding != "utf-8" and isinstance(item, Document):
                item.meta["encoding"] = encoding  # read as UTF-16/32 (its mark), or cp1252 / latin-1 (warned)
            yield item
    except InputError as e:
        yield e
    except ImportError as e:  # an optional format's package is missing or broken
        yield InputError(str(path), f"{fmt.upper()} support unavailable: {_import_hint(e)}")
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
        yield InputError(str(path), f"cannot load ({type(e).__name__}): {e}")


def _import_hint(e: ImportError) -> str:
    msg = " ".join(str(e).split())
    if "lxml_html_clean" in msg or "html_clean" in msg or "html-clean" in msg:
        return f"install lxml_html_clean ({msg})"
    name = getattr(e, "name", None)
    return f"install {name} ({msg})" if name else msg


def _finish(article: Document, where: str) -> Document:
    if not article.text.strip():
        raise InputError(where, "no article text left after cleaning")
    article = as_speech(article)
    # One outlet, one name, whichever way it came (header, JSON field, site name, outlet line, feed title,
    # --source): "Cnbc | World Business News Leader" is stored "Cnbc", as its pasted page's outlet line gives it.
    # The name as given is kept in ``meta["outlet_as_given"]``.
    outlet = outlet_name(article.source)
    if outlet != article.source:
        if outlet != " ".join(article.source.split()):  # (not for whitespace alone)
            article.meta["outlet_as_given"] = article.source
        article.source = outlet
    if len(article.text) > max_file_bytes():
        raise InputError(where, f"article text too long: {len(article.text):,} characters "
                                f"(at most {max_file_bytes():,}; ATTACHE_MAX_FILE_BYTES)")
    longest = max((s.end - s.start for s in split_sentences(article.text)), default=0)
    if longest > MAX_SENTENCE_CHARS:
        raise InputError(where, f"a run of {longest:,} characters with no sentence boundary (at most "
                                f"{MAX_SENTENCE_CHARS:,}): not article text")
    return article


def _from_text(path: Path, raw: str, source: str | None) -> Document:
    matter, body = split_front_matter(raw)
    header, body = split_header_lines(body)  # "Title: ...", "Source: ..." lines on top of the body
    front = {**header, **matter}  # front matter first, then header lines
    text, found = clean_text(body, base=len(raw) - len(body))
    m = _FILENAME_DATE.search(path.name)
    meta = {k: v for k, v in front.items() if k not in ("title", "source", "published", "date", "url", "author")}
    meta.update({k: v for k, v in found.items() if k in ("copyright_year", "removed")})
    if header:
        meta["header_lines"] = sorted(header)
    matter_date = matter.get("published") or matter.get("date")
    date_from, date = (("front matter", matter_date) if matter_date else
                       ("header lines", header.get("published") or header.get("date")))
    published, date_meta = pick_date([(date_from, date),
                                      ("filename", m.group(1) if m else ""), ("text", found.get("text_date"))])
    meta.update(date_meta)
    url = front.get("url", "")
    title = front.get("title") or labelled_title(text) or found.get("headline") or path.stem
    return _finish(Document(
        source_id=url or str(path.resolve()),
        text=text,
        # ("&#039;Massive intel failure&#039;" as the page's source had it: the title shown, decoded; the
        # text keeps what was pasted, as citations quote it)
        title=html.unescape(title) if _ENTITY.search(title) else title,
        source=source or front.get("source") or found.get("outlet", ""),
        published=published,
        url=url,
        author=front.get("author", ""),
        path=str(path),
        meta=meta,
    ), str(path))


#: A first line that labels the title ("Title: ...", "TITLE: ...", "# Title: ..."), as plain-text
#: exports write it (the Date/Published lines after it are read by ``index.dates``).
_TITLE_LABEL = re.compile(r"^(?:#{1,6}\s+)?title\s*:\s*(?P<title>\S.*?)\s*$", re.I)


def labelled_title(text: str) -> str:
    """The title a plain-text article's first non-empty line gives after a ``Title:`` label
    (any case; a Markdown ``#`` before it allowed), without the label; "" when that line has
    no such label or is over 200 characters (not a title)."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    m = _TITLE_LABEL.match(first) if len(first) < 200 else None
    return m.group("title").strip("\"'\u201c\u201d ") if m else ""


def _from_html(path: Path, raw: str, source: str | None) -> Document:
    return html_document(raw, str(path), source, title=path.stem, fallback_id=str(path.resolve()))


def html_document(raw: str, where: str, source: str | None, *, title: str = "", fallback_id: str = "",
                  source_id: str = "", url: str = "", outlet: str = "", dates: list[tuple[str, Any]] | None = None,
                  meta: dict | None = None) -> Document:
    """One article from an HTML page, saved or fetched (``index/fetch.py``): hidden text
    stripped, text extracted and cleaned, title/outlet/date/url from the page metadata.
    ``source_id``/``url`` (a fetched page: the URL asked for, the final URL) win over the page's
    canonical URL, which wins over ``fallback_id``; ``title``/``outlet`` are used when the page
    gives none; ``dates`` are date candidates tried after the page metadata (a feed item's date)."""
    import trafilatura

    visible, hidden = strip_hidden_html(raw)  # what a browser does not show never reaches extraction
    extracted = trafilatura.extract(visible, output_format="txt", include_comments=False,
                                    include_tables=False, favor_precision=True)
    if not extracted or not extracted.strip():
        raise InputError(where, "no article text found in the HTML")
    md = trafilatura.extract_metadata(raw)
    published_at, modified_at = page_dates(raw)
    text, found = clean_text(extracted)
    for r in found.get("removed", []):  # furniture lines: offsets located in the raw page when verbatim
        r["start"] = raw.find(r["text"]) if r["text"] else -1
        r["end"] = r["start"] + len(r["text"]) if r["start"] >= 0 else -1
    # Values of meta tags and JSON-LD may hold markup ("Kesh &amp; Co <i>Daily</i>"): text only.
    title = meta_text(md.title if md else "") or found.get("headline") or meta_text(title)
    url = url or (md.url if md and md.url else "") or ""
    # The page's own date tags first, as written (with their time and zone): trafilatura's date (htmldate) is a
    # day, and takes one in the URL first ("2023-12-09T02:28:09+00:00" of a page whose canonical URL is
    # ".../2023/12/08/..." was stored 2023-12-08); it is used after them, with the time of a modified tag of its day.
    guessed = md.date if md else ""
    locale = page_locale(raw)
    if published_at and not any(parse_date(v).ok for _, v in published_at):
        guessed = ""  # (a malformed published tag, "2023-13-45T10:00:00Z": htmldate made 2023-01-01 of it)
    first = next((r for _, v in published_at if (r := parse_date(v, locale=locale)).ok), None)
    in_url = ""
    if first is not None and "ambiguous_day_month" in first.flags:
        # ("12/09/2023": htmldate reads that same tag day first, which decides nothing; the URL's day may)
        guessed, in_url = "", url_day(url or source_id)
    same_day = [(n, v) for n, v in modified_at if guessed and parse_date(v).value == guessed]
    published, date_meta = pick_date([*published_at, *same_day, ("html metadata", guessed), *(dates or []),
                                      *modified_at, ("html:url", in_url), ("text", found.get("text_date"))],
                                     locale=locale)
    topics = meta_topics([*(md.tags or []), *(md.categories or [])] if md else [])
    return _finish(Document(
        source_id=source_id or url or fallback_id,
        text=text,
        title=title,
        source=source or meta_text(md.sitename if md else "") or found.get("outlet", "") or meta_text(outlet),
        published=published,
        url=url,
        author=meta_text(md.author if md else ""),
        path=where,
        meta={"format": "html", "removed": sorted(hidden + found.get("removed", []), key=lambda r: r["start"]),
              **date_meta, **({"topics": topics} if topics else {}), **(meta or {})},
    ), where)


#: Meta tags (``property``, ``name`` or ``itemprop``; any case) saying when a page was published, best first
#: (Open Graph, schema.org, Dublin Core, Parse.ly, Sailthru, Highwire).
PUBLISHED_META = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
                  "article.published", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
                  "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                  "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "citation_publication_date",
                  "citation_date", "date", "article_date_original", "original-publish-date")
#: Meta tags saying when it was last changed: a publication date only when the page gives no other.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
                 "lastmod")


#: The language or locale an HTML page declares: ``<html lang="en-US">``, ``og:locale``, ``content-language``.
_PAGE_LOCALE = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)"
    r"|<meta\b[^>]*?(?:property|name|http-equiv)\s*=\s*[\"']?(?:og:locale|content-language|language)[\"']?[^>]*?"
    r"\bcontent\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)", re.I)
#: A day in a page's URL: ".../2023/12/09/...", ".../2023-12-09-title".
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|\.html?\b|$)")


def page_locale(raw: str) -> str:
    """The locale an HTML page declares, the most precise first ("en-US" of ``<meta property="og:locale"
    content="en_US">`` before ``<html lang="en">``); "" when none. It decides a numeric date's day and month
    order as an export's ``locale`` does (``index.dates.day_first_for``: "en" alone decides nothing)."""
    found = [m.group(1) or m.group(2) for m in _PAGE_LOCALE.finditer(raw[:200_000])]
    return max(found, key=lambda f: ("-" in f or "_" in f), default="")


def url_day(url: str) -> str:
    """The day a page's URL gives (".../2023/12/09/..." -> "2023-12-09"), else ""."""
    m = _URL_DAY.search(url or "")
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else ""


def page_dates(raw: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(published, modified)``: the dates an HTML page's metadata gives, as written, each ``("html:" + where,
    value)``, best first: meta tags (``PUBLISHED_META``, ``MODIFIED_META``), then JSON-LD ``datePublished`` /
    ``dateModified`` (of an Article first), then ``<time pubdate>`` and other ``itemprop="datePublished"``
    elements. ``<meta property="article:published_time" content="2023-12-09T02:28:09+00:00">`` gives
    ``("html:article:published_time", "2023-12-09T02:28:09+00:00")``."""
    import trafilatura

    try:
        tree = trafilatura.load_html(raw)
    except Exception:  # noqa: BLE001 - a page lxml cannot parse has no dates to give
        tree = None
    if tree is None:
        return [], []
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        value = (el.get("content") or "").strip()
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key and value and key not in tags:
                tags[key] = value
    published = [(f"html:{k}", tags[k]) for k in PUBLISHED_META if k in tags]
    modified = [(f"html:{k}", tags[k]) for k in MODIFIED_META if k in tags]
    found: list[tuple[bool, str, str]] = []  # (not an article, field, value) of JSON-LD objects, in order
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = _parse_json(script.text, "JSON-LD")
        except (ValueError, InputError):
            continue
        stack = [data]
        while stack and len(found) < 100:
            node = stack.pop(0)
            if isinstance(node, list):
                stack[:0] = node
            elif isinstance(node, dict):
                kinds = node.get("@type")
                article = any(str(t).endswith(("Article", "BlogPosting", "Report"))
                              for t in (kinds if isinstance(kinds, list) else [kinds]))
                found += [(not article, k, v.strip()) for k in ("datePublished", "dateModified")
                          if isinstance(v := node.get(k), str) and v.strip()]
                stack[:0] = [v for v in node.values() if isinstance(v, (dict, list))]
    found.sort(key=lambda f: f[0])  # (stable: an Article's first, each in page order)
    published += [(f"html:json-ld {k}", v) for _, k, v in found if k == "datePublished"]
    modified += [(f"html:json-ld {k}", v) for _, k, v in found if k == "dateModified"]
    for el in tree.xpath('//time[@pubdate] | //*[@itemprop="datePublished"][not(self::meta)]'):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if value:
            published.append(("html:time" if el.tag == "time" else f"html:{el.tag} datePublished", value))
    return published, modified


_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[a-zA-Z][^<>]*>|</?[a-zA-Z][\w:-]*", re.S)  # the last: cut off ("</b")


def meta_text(value: Any) -> str:
    """A metadata value of an HTML page (title, site name, author, keyword) as plain text: tags
    dropped (also one cut off: "winter</b"), entities decoded (twice escaped too:
    "&amp;amp;"), whitespace collapsed. ``""`` for None and non-strings."""
    if not isinstance(value, str):
        return ""
    s = value
    for _ in range(2):  # markup escaped once more than the page needed ("&lt;i&gt;") is markup too
        s = _TAG.sub(" ", html.unescape(s))
    return " ".join(s.replace("\u00a0", " ").split()).strip(" ,;|")


def meta_topics(values: list[Any]) -> list[str]:
    """The page's topics (keywords, tags, categories), each ``meta_text``, split on commas and
    semicolons, in order, without repeats."""
    out: dict[str, None] = {}
    for v in values:
        for part in re.split(r"[,;]", meta_text(v)):
            part = part.strip()
            if part and part.lower() not in {k.lower() for k in out}:
                out[part] = None
    return list(out)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a WordPress ``content.rendered``, a feed's ``content``):
    block elements and ``<br>`` become line breaks, tags are dropped, entities decoded."""
    s = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", markup)
    s = re.sub(r"(?i)<br\s*/?>", "\n", s)
    s = re.sub(r"(?i)</(p|div|h[1-6]|li|blockquote|section|article|header|footer|tr|ul|ol|figure|figcaption|pre)\s*>",
               "\n\n", s)
    s = re.sub(r"(?i)<(p|div|h[1-6]|li|blockquote|tr|figure)\b[^>]*>", "\n", s)
    s = html.unescape(re.sub(r"<[^>]+>", "", s))
    lines = [" ".join(line.split()) for line in s.replace("\u00a0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_HTML_HINT = re.compile(r"</?(p|br|div|span|a|em|strong|b|i|h[1-6]|li|ul|ol|blockquote|figure)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]{2,8});", re.I)


def plain(value: Any, html_ok: bool = True) -> str:
    """The text a record field holds, whatever its shape: a string (HTML converted when it looks
    like HTML and ``html_ok``), ``{"rendered": html}``, ``{"name"|"title"|"value"|"#text"|
    "label": ...}``, or a list of those (joined; text parts with blank lines, names with ", ").
    ``""`` for numbers-only ids, booleans, None and shapes it does not know: never a repr."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        if html_ok and _HTML_HINT.search(value):
            return html_to_text(value)
        return html.unescape(value).strip() if not html_ok and _ENTITY.search(value) else value.strip()
    if isinstance(value, (int, float)):
        return ""
    if isinstance(value, dict):
        if "rendered" in value:  # WordPress: always HTML
            return html_to_text(str(value["rendered"] or ""))
        for k in ("rendered", "name", "title", "value", "#text", "text", "label", "display_name", "id"):
            v = value.get(k)
            if isinstance(v, (str, dict, list)) and plain(v, html_ok):
                return plain(v, html_ok)
        return ""
    if isinstance(value, list):
        parts = [plain(v, html_ok) for v in value]
        parts = [p for p in parts if p]
        long = any(len(p) > 80 for p in parts)
        return ("\n\n" if long else ", ").join(parts)
    return ""


def _field(record: dict, names: tuple[str, ...], html_ok: bool = True) -> tuple[str, str]:
    """(name, plain text) of the first of ``names`` holding text, or ("", "")."""
    for n in names:
        if n in record:
            v = plain(record[n], html_ok)
            if v:
                return n, v
    return "", ""


def strip_truncation(text: str) -> tuple[str, int | None]:
    """``text`` without a trailing cut-off marker ("… [+2140 chars]", "[…]"), and how many
    characters were cut (0 when the marker does not say; None when there was no marker)."""
    m = TRUNCATION.search(text)
    if not m:
        return text, None
    return text[:m.start()].rstrip(), int(m.group(1)) if m.group(1) else 0


#: The outlet of a UN General Debate speech record that names none ("UN General Debate, session 78")
SPEECH_OUTLET = "UN General Debate"

# A General Debate speech saved as a page or pasted as text names its giver in its title or heading:
# "Statement by Gustavo Petro Urrego, President of Colombia, at the general debate of the 78th session"
# or "Egypt: Badr Ahmed Mohamed Abdelatty, Minister of Foreign Affairs".
_HONORIFIC = r"(?:(?:H\.?\s?E\.?|His Excellency|Her Excellency)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
_STATEMENT_BY = re.compile(rf"^\s*(?:Statement|Address|Speech|Remarks)\s+(?:by|of)\s+{_HONORIFIC}"
                           r"(?P<speaker>[^,;:]{3,60}?),\s*(?P<office>[^,;:]{6,160}?)\s*(?:,|$)")
_STATE_COLON = re.compile(rf"^\s*(?P<country>[A-Z][^:,]{{2,60}}?):\s*{_HONORIFIC}(?P<speaker>[^,;:]{{3,60}}?),"
                          r"\s*(?P<post>[^,;:]{3,80}?)\s*$")
_OFFICE = re.compile(r"\b(?:President|Minister|Prime|King|Queen|Chancellor|Secretary|Vice|Head|Emir|Sultan|Prince|"
                     r"Ambassador|Representative|Chair|Premier|Chief|Taoiseach|Governor)\b")
_DEBATE = re.compile(r"\bGeneral\s+(?:Debate|Assembly)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
# The session a speech's heading names, as people write it: "76th session", "76th regular session", "session 76",
# "Session 70 - 2015" (the corpus's folders), "seventy-sixth session".
_SESSION = re.compile(r"\b(?P<n>\d{2})(?:st|nd|rd|th)\s+(?:regular\s+)?session\b|\bsession\s+(?P<m>\d{2})\b"
                      r"|\b(?P<word>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?)?"
                      r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth))"
                      r"\s+(?:regular\s+)?session\b", re.I)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             **{t[:-1] + "ieth": n for t, n in _TENS.items()}}
# The year a heading line gives beside the session: "session 76 (2021)", "Session 70 - 2015".
_HEADING_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})\s*\)|[-–—]\s*((?:19|20)\d{2})\b(?![-/.]\d)")
#: The first General Debate: the 1st session's, in 1946; the Nth session's is held in September of 1945 + N.
FIRST_SESSION_YEAR = 1946


def speech_session(lines: list[str]) -> tuple[int | None, str]:
    """``(session, year)`` a General Debate speech's heading lines give, ``(None, "")`` when none:
    "UN General Debate, session 76 (2021)" -> ``(76, "2021")``; "76th session", "Session 76",
    "seventy-sixth session" -> ``(76, "")``; "Session 70 - 2015" -> ``(70, "2015")``; "UN General
    Debate (2021)" -> ``(76, "2021")``. The year is read from the line naming the session, else from a
    line naming the General Debate or Assembly, in parentheses or after a dash; a year at odds with
    the session (neither 1945 + the session nor the year after, into which the session runs) is dropped."""
    session: int | None = None
    year = ""
    for line in lines:
        found = next((n for m in _SESSION.finditer(line) if (n := _session_number(m))), None)
        y = _HEADING_YEAR.search(line) if len(line) <= 200 and (found or _DEBATE.search(line)) else None
        if found and session is None:
            session = found
            year = (y.group(1) or y.group(2)) if y else year
        elif y and not year:
            year = y.group(1) or y.group(2)
    if session is None and year and int(year) >= FIRST_SESSION_YEAR:
        session = int(year) - 1945
    if session is not None and year and int(year) - 1945 not in (session, session + 1):
        year = ""  # "session 76 (2015)": one of the two is mistyped; the session (the corpus's key) dates it
    return session, year


def _session_number(m: re.Match) -> int | None:
    """The session a ``_SESSION`` match names (10 and over: "the first session" of a body is no heading's)."""
    if m.group("word"):
        n = sum(_TENS.get(w, 0) + _ORDINALS.get(w, 0) for w in re.split(r"[- ]", m.group("word").lower()))
    else:
        n = int(m.group("n") or m.group("m"))
    return n if n >= 10 else None


def as_speech(doc: Document) -> Document:
    """``doc`` read as a UN General Debate speech when it is one saved as a page or pasted as text
    (its records already are): its title names the speaker, their post and the state in a speech
    heading ("Statement by X, President of Colombia, ...", "Egypt: X, Minister of Foreign Affairs"),
    its text speaks in the first person, and its title, outlet or opening names the General Debate or
    the General Assembly (or the title is of the second shape). Its meta then gets ``country``,
    ``speaker`` and ``post`` (so the speech's first person is the state's), its title the records'
    "speaker, post, state" (the page's own kept as ``meta["page_title"]``), its outlet the General
    Debate's ("UN General Debate, session 76" when its heading names the session, ``speech_session``) and,
    when undated, the year the heading gives ("session 76 (2021)"), else 1945 + the session. Unchanged
    otherwise."""
    if doc.meta.get("country") or doc.meta.get("speaker") or doc.source.startswith(SPEECH_OUTLET):
        return doc
    lines = [ln.strip() for ln in doc.text[:1500].split("\n") if ln.strip()][:3]
    spoken = len(_FIRST_PERSON.findall(doc.text[:4000])) >= 5  # (a speech says "I" and "we"; a report of it less)
    if not spoken or not (_DEBATE.search(" ".join([doc.title, doc.source, *lines]))
                          or _STATE_COLON.match(doc.title)):
        return doc
    from .actors import _plain_resolver  # (the country tables, loaded once)

    resolver = _plain_resolver()
    found = None  # (from the title only: an article's first line may report "a statement by X")
    if (m := _STATEMENT_BY.match(doc.title)) is not None:
        # "President of the Republic of Colombia", "Minister of Foreign Affairs of the Federal Democratic
        # Republic of Ethiopia": the post up to the "of" after which a state is named
        office = m.group("office")
        for of in re.finditer(r"\s+of\s+(?:the\s+)?", office):
            if (state := resolver.country_of(office[of.end():].strip())) is not None:
                found = (m.group("speaker"), office[:of.start()], state)
                break
    elif (m := _STATE_COLON.match(doc.title)) is not None:
        state = resolver.country_of(m.group("country").strip())
        found = (m.group("speaker"), m.group("post"), state) if state else None
    if found is None or not _OFFICE.search(found[1]):
        return doc
    speaker, post, country = (x.strip() for x in found)
    session, year = speech_session([doc.title, *lines])
    meta = {**doc.meta, "country": country, "speaker": speaker, "post": post, "page_title": doc.title}
    # (an undated page of the 78th session was given in 2023: the year its heading gives, else 1945 + the
    # session, as the records' years)
    published = doc.published or year or (str(1945 + session) if session else "")
    return Document(doc.source_id, doc.text, f"{speaker}, {post}, {country}",
                    f"{SPEECH_OUTLET}, session {session}" if session else SPEECH_OUTLET,
                    published, doc.url, doc.author, doc.path, meta)


# The post of the giver of a General Debate speech whose record names none: every speaker there represents their state.
UNRECORDED_POST = "Representative"


def _from_record(path: Path, rec: Any, where: str, index: int, source: str | None,
                 defaults: dict | None = None) -> Document:
    """One article from one export record (see the field tables above); ``defaults``: values
    the export gives for every record (``source`` from a feed's title). Raises ``InputError``."""
    if not isinstance(rec, dict):
        raise InputError(where, f"expected an object, got {type(rec).__name__}")
    if isinstance(rec.get("_source"), dict):  # a search-engine hit
        rec = {**rec["_source"], **{k: v for k, v in rec.items() if k != "_source"}}
    defaults = defaults or {}
    present = [n for n in TEXT_FIELDS if rec.get(n) not in (None, "", [], {})]
    text_field, body = _field(rec, TEXT_FIELDS)
    if not body:
        if present:
            kind = type(rec[present[0]]).__name__
            raise InputError(where, f"text field {present[0]!r} ({kind}) holds no text")
        raise InputError(where, "no text field (expected one of: " + ", ".join(TEXT_FIELDS[:4]) + ", ...)")
    body, cut = strip_truncation(body)
    # a UN General Debate speech record (a state's speech at a numbered session): some carry Markdown
    # ("**Mr President,**"), removed with the furniture, before any offset into the text exists
    speech = bool(rec.get("session") and (rec.get("iso3") or rec.get("country")))
    text, found = clean_text(body, markup=speech)
    author = _field(rec, AUTHOR_FIELDS, html_ok=False)[1]
    url = _field(rec, URL_FIELDS, html_ok=False)[1]
    rid = next((rec[k] for k in ID_FIELDS if isinstance(rec.get(k), (str, int)) and rec.get(k) != ""), None)
    source_id = url or (f"{path.name}#{rid}" if rid not in (None, "") else f"{path.resolve()}#{index}")
    known = set(TEXT_FIELDS + TITLE_FIELDS + SOURCE_FIELDS + DATE_FIELDS + AUTHOR_FIELDS + URL_FIELDS)
    meta: dict[str, Any] = {k: v for k, v in rec.items() if k not in known and isinstance(v, (str, int, float, bool))}
    if "year" in rec:
        meta["year"] = rec["year"]
    if text_field not in ("body", "text", "content", ""):
        meta["text_field"] = text_field
    if found.get("removed"):
        # The cleaning report of a record: offsets are into the value of its text field.
        meta["removed"] = [{**r, "field": text_field} for r in found["removed"]]
    if cut is not None:
        meta["truncated"] = True
        if cut:
            meta["truncated_chars"] = cut
    title = _field(rec, TITLE_FIELDS, html_ok=False)[1]
    if rec.get("session") and (rec.get("iso3") or rec.get("country")) and not (rec.get("speaker") or rec.get("post")):
        # a General Debate record naming no speaker (5 of the corpus's 1,938 of 2015-2024, North Korea's
        # of 2017 among them): still its state's speech, given by its representative (it was an article
        # titled "PRK_72_2017" whose "we" was nobody's)
        from .actors import _plain_resolver

        code = str(rec.get("iso3") or "")
        state = _plain_resolver().country_of_code(code) or str(rec.get("country") or "").strip() or code
        rec = {**rec, "country": state, "post": UNRECORDED_POST}
        meta.update(country=state, post=UNRECORDED_POST, speaker_unrecorded=True)
        if not title:
            title = f"Speaker not recorded, {UNRECORDED_POST}, {state}"
    if not title:
        who = ", ".join(v for k in ("speaker", "post", "country") if (v := str(rec.get(k) or "").strip(" ,;:")))
        title = who or found.get("headline") or str(rid or f"{path.name} record {index + 1}")
    anchor = next((rec[k] for k in ANCHOR_FIELDS if rec.get(k)), None)
    locale = _field(rec, LOCALE_FIELDS, html_ok=False)[1] or defaults.get("locale") or None
    published, date_meta = pick_date([(n, rec[n]) for n in DATE_FIELDS if n in rec]
                                     + [("text", found.get("text_date"))], anchor=anchor, locale=locale)
    meta.update(date_meta)
    if date_meta.get("date_rejected"):  # which record of the export, for the warning: "line 3", "record 2"
        meta["date_rejected_at"] = where.rsplit(": ", 1)[-1]
    outlet = _field(rec, SOURCE_FIELDS, html_ok=False)[1] or defaults.get("source") or found.get("outlet", "")
    if not outlet and rec.get("session") and (rec.get("iso3") or rec.get("country")) \
            and (rec.get("speaker") or rec.get("post")):
        # a record of the UN General Debate corpus (a state's speech at a numbered session): where it was given
        outlet = f"{SPEECH_OUTLET}, session {rec['session']}"
    return _finish(Document(
        source_id=source_id,
        text=text,
        title=title,
        source=source or outlet,
        published=published,
        url=url,
        author=author,
        path=str(path),
        meta=meta,
    ), where)


def _safe_record(path, rec, where, index, source, defaults=None) -> LoadResult:
    try:
        return _from_record(path, rec, where, index, source, defaults)
    except InputError as e:
        return e


def _records_of(data: dict) -> tuple[list | None, dict]:
    """The article array an export wraps ({"articles": [...]}, {"items": [...]}, {"feed": ...,
    "entries": [...]}, {"response": {"docs": [...]}}, {"hits": {"hits": [...]}}) and the
    values it gives for every record (``source``: the feed's title). (None, {}) when none."""
    feed = data.get("feed") if isinstance(data.get("feed"), dict) else data
    defaults = {}
    feed_title = plain(feed.get("title"), html_ok=False) if isinstance(feed, dict) else ""
    if feed_title and (data.get("items") or data.get("entries")):
        defaults["source"] = feed_title
    loc = plain(feed.get("language"), html_ok=False) if isinstance(feed, dict) else ""
    if loc:
        defaults["locale"] = loc

    def arrays(d: dict, depth: int) -> list:
        keyed = [d[k] for k in ARRAY_KEYS if k in d]
        rest = [v for k, v in d.items() if k not in ARRAY_KEYS]
        for v in keyed + rest:
            if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
                return v
            if isinstance(v, dict) and depth < 2:
                found = arrays(v, depth + 1)
                if found:
                    return found
        return []

    found = arrays(data, 0)
    return (found or None), defaults


def json_depth(raw: str) -> int:
    """How deeply arrays/objects nest in a JSON text (brackets inside strings ignored); stops
    counting past ``MAX_JSON_DEPTH``. Linear, no recursion."""
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(raw):
        t = m.group()
        if t in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        elif t in "]}":
            depth -= 1
    return deepest


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _parse_json(raw: str, where: str) -> Any:
    """``json.loads`` with nesting bounded (``InputError`` instead of a RecursionError)."""
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise InputError(where, f"JSON nested deeper than {MAX_JSON_DEPTH} levels; not an article export")
    try:
        return json.loads(raw)
    except RecursionError:
        raise InputError(where, "JSON nested too deeply") from None


def json_problem(e: json.JSONDecodeError, first_line: int = 1, what: str = "file") -> str:
    """What is wrong with a JSON text, in words, with where: "unexpected end of data at line 3
    column 10, inside a string that starts at line 3 column 2 (the file looks cut off)",
    "expecting ',' delimiter at line 2 column 17 (found '\"')". Lines and columns count from 1;
    ``first_line`` is the line of the file ``e.doc`` starts on (a JSONL line), ``what`` names
    the text in the cut-off hint ("file", "record")."""
    doc = e.doc

    def at(pos: int) -> str:
        col = pos - (doc.rfind("\n", 0, pos) + 1) + 1
        return f"line {doc.count(chr(10), 0, pos) + first_line} column {col}"

    end = len(doc.rstrip())
    unterminated = e.msg.startswith("Unterminated string")
    if unterminated or e.pos >= end:  # the text ends before the JSON value does
        inside = f", inside a string that starts at {at(e.pos)}" if unterminated else ""
        return f"unexpected end of data at {at(end)}{inside} (the {what} looks cut off)"
    msg = re.sub(r"\s+(?:starting\s+)?at$", "", e.msg)  # "Invalid control character at" reads cut off
    msg = msg[:1].lower() + msg[1:]
    found = doc[e.pos]
    shown = {"\n": "a line break", "\t": "a tab", "\r": "a carriage return"}.get(found) or repr(found)
    hint = ""
    if e.msg == "Extra data" and what == "file":
        hint = "; a .json file holds one value (an array of records): one record a line is a .jsonl file"
    elif msg.startswith("invalid control character"):
        hint = "; a line break or tab inside a string must be written \\n or \\t"
    return f"{msg} at {at(e.pos)} (found {shown}){hint}"


def _from_json(path: Path, raw: str, source: str | None) -> Iterator[LoadResult]:
    try:
        data = _parse_json(raw, str(path))
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"malformed JSON: {json_problem(e)}") from None
    defaults: dict = {}
    if isinstance(data, dict):
        # A single article, or an export wrapping the array ({"articles": [...]}).
        records, defaults = _records_of(data)
        data = records if (records and not _field(data, TEXT_FIELDS)[1]) else [data]
    if not isinstance(data, list):
        raise InputError(str(path), "expected a JSON array of article records")
    if not data:
        raise InputError(str(path), "empty JSON array")
    if not any(isinstance(rec, dict) for rec in data):
        # ("[1, 2, 3, 4.5]": one file that is no export, not four failed records)
        kinds = sorted({"number" if isinstance(r, (int, float)) and not isinstance(r, bool) else type(r).__name__
                        for r in data})
        raise InputError(str(path), f"a JSON array of {len(data)} {' and '.join(k + 's' for k in kinds)}, not of "
                         "article records (objects with a text field)")
    for i, rec in enumerate(data):
        yield _safe_record(path, rec, f"{path}: record {i + 1}", i, source, defaults)


def _from_jsonl(path: Path, raw: str, source: str | None) -> Iterator[LoadResult]:
    n = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        n += 1
        where = f"{path}: line {lineno}"
        try:
            rec = _parse_json(line, where)
        except json.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON in record {n}: {json_problem(e, lineno, 'record')}")
            continue
        except InputError as e:
            yield e
            continue
        yield _safe_record(path, rec, where, lineno - 1, source)
    if n == 0:
        yield InputError(str(path), "no records")
