"""Loaders: files and folders -> Articles (cleaned), one InputError per bad file or record.

Chosen by extension or an explicit format: text (.txt, .md), html (.html, .htm), json (an
array of records) and jsonl (one record per line). Folders recurse. Loading never raises for
bad input: it yields an ``InputError`` naming the file (and record or line) instead, so one
bad file does not stop the others.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .cleaning import clean_text, split_front_matter
from .errors import InputError
from .models import Document

FORMATS = ("text", "html", "json", "jsonl")
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
TEXT_FIELDS = ("body", "text", "content")
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "publisher", "outlet", "site_name", "sitename")
DATE_FIELDS = ("published_at", "published", "date", "pubdate", "year")
AUTHOR_FIELDS = ("author", "authors", "byline")
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")

LoadResult = Document | InputError


def normalise_date(value: Any) -> str:
    """ISO form of a date-ish value ("2018-06-08", "2023-10-01T14:00:29+00:00", 2015 -> "2015")."""
    if value is None or value == "":
        return ""
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return s
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):  # a plain date stays a date (no "T00:00:00")
        try:
            return datetime.fromisoformat(s).date().isoformat()
        except ValueError:
            return ""
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        from dateutil import parser as dparser

        return dparser.parse(s).isoformat()
    except (ValueError, OverflowError, ImportError):
        return ""


def _first(record: dict, names: tuple[str, ...]) -> Any:
    for n in names:
        v = record.get(n)
        if v not in (None, "", []):
            return v
    return None


def iter_files(path: Path, fmt: str | None) -> Iterator[Path | InputError]:
    if not path.exists():
        yield InputError(str(path), "no such file or directory")
        return
    if path.is_dir():
        try:
            entries = sorted(path.rglob("*"))
        except OSError as e:
            yield InputError(str(path), f"cannot read folder: {e.strerror or e}")
            return
        for p in entries:
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                if fmt or p.suffix.lower() in EXTENSIONS:
                    yield p
        return
    yield path


def load_paths(paths: list[str | Path], fmt: str | None = None, source: str | None = None) -> Iterator[LoadResult]:
    """Every article (or error) from files and folders, in a stable order."""
    if fmt and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for raw in paths:
        for item in iter_files(Path(raw), fmt):
            if isinstance(item, InputError):
                yield item
                continue
            yield from load_file(item, fmt, source)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied")
    except IsADirectoryError:
        raise InputError(str(path), "is a folder")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}")
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(str(path), f"invalid UTF-8 at byte {e.start}")
    return text


def load_file(path: Path, fmt: str | None = None, source: str | None = None) -> Iterator[LoadResult]:
    fmt = fmt or EXTENSIONS.get(path.suffix.lower(), "text")
    try:
        raw = _read_text(path)
    except InputError as e:
        yield e
        return
    try:
        if fmt == "text":
            yield _from_text(path, raw, source)
        elif fmt == "html":
            yield _from_html(path, raw, source)
        elif fmt == "json":
            yield from _from_json(path, raw, source)
        else:
            yield from _from_jsonl(path, raw, source)
    except InputError as e:
        yield e


def _finish(article: Document, where: str) -> Document:
    if not article.text.strip():
        raise InputError(where, "no article text left after cleaning")
    return article


def _from_text(path: Path, raw: str, source: str | None) -> Document:
    front, body = split_front_matter(raw)
    text, found = clean_text(body)
    m = _FILENAME_DATE.search(path.name)
    meta = {k: v for k, v in front.items() if k not in ("title", "source", "published", "date", "url", "author")}
    meta.update({k: v for k, v in found.items() if k in ("copyright_year",)})
    published = normalise_date(front.get("published") or front.get("date")) or (m.group(1) if m else "") \
        or found.get("copyright_year", "")
    url = front.get("url", "")
    return _finish(Document(
        source_id=url or str(path.resolve()),
        text=text,
        title=front.get("title") or found.get("headline") or path.stem,
        source=source or front.get("source") or found.get("outlet", ""),
        published=published,
        url=url,
        author=front.get("author", ""),
        path=str(path),
        meta=meta,
    ), str(path))


def _from_html(path: Path, raw: str, source: str | None) -> Document:
    import trafilatura

    extracted = trafilatura.extract(raw, output_format="txt", include_comments=False,
                                    include_tables=False, favor_precision=True)
    if not extracted or not extracted.strip():
        raise InputError(str(path), "no article text found in the HTML")
    md = trafilatura.extract_metadata(raw)
    text, found = clean_text(extracted)
    title = (md.title if md and md.title else "") or found.get("headline") or path.stem
    url = (md.url if md and md.url else "") or ""
    return _finish(Document(
        source_id=url or str(path.resolve()),
        text=text,
        title=title,
        source=source or (md.sitename if md and md.sitename else "") or found.get("outlet", ""),
        published=normalise_date(md.date if md else "") or found.get("copyright_year", ""),
        url=url,
        author=(md.author if md and md.author else "") or "",
        path=str(path),
        meta={"format": "html"},
    ), str(path))


def _from_record(path: Path, rec: Any, where: str, index: int, source: str | None) -> Document:
    if not isinstance(rec, dict):
        raise InputError(where, f"expected an object, got {type(rec).__name__}")
    body = _first(rec, TEXT_FIELDS)
    if body is None:
        raise InputError(where, "no text field (expected one of: body, text, content)")
    if not isinstance(body, str):
        raise InputError(where, f"text field is {type(body).__name__}, expected a string")
    text, found = clean_text(body)
    author = _first(rec, AUTHOR_FIELDS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    url = str(rec.get("url") or "")
    rid = rec.get("id")
    source_id = url or (f"{path.name}#{rid}" if rid not in (None, "") else f"{path.resolve()}#{index}")
    known = set(TEXT_FIELDS + TITLE_FIELDS + SOURCE_FIELDS + DATE_FIELDS + AUTHOR_FIELDS + ("url",))
    meta = {k: v for k, v in rec.items() if k not in known and isinstance(v, (str, int, float, bool))}
    if "year" in rec:
        meta["year"] = rec["year"]
    title = _first(rec, TITLE_FIELDS)
    if not title:
        who = ", ".join(str(rec[k]) for k in ("speaker", "post", "country") if rec.get(k))
        title = who or found.get("headline") or str(rid or f"{path.name} record {index + 1}")
    return _finish(Document(
        source_id=source_id,
        text=text,
        title=str(title),
        source=source or str(_first(rec, SOURCE_FIELDS) or found.get("outlet", "")),
        published=normalise_date(_first(rec, DATE_FIELDS)),
        url=url,
        author=str(author or ""),
        path=str(path),
        meta=meta,
    ), where)


def _safe_record(path, rec, where, index, source) -> LoadResult:
    try:
        return _from_record(path, rec, where, index, source)
    except InputError as e:
        return e


def _from_json(path: Path, raw: str, source: str | None) -> Iterator[LoadResult]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}")
    if isinstance(data, dict):
        # A single article, or an export wrapping the array ({"articles": [...]}).
        arrays = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        data = arrays[0] if (arrays and _first(data, TEXT_FIELDS) is None) else [data]
    if not isinstance(data, list):
        raise InputError(str(path), "expected a JSON array of article records")
    if not data:
        raise InputError(str(path), "empty JSON array")
    for i, rec in enumerate(data):
        yield _safe_record(path, rec, f"{path}: record {i + 1}", i, source)


def _from_jsonl(path: Path, raw: str, source: str | None) -> Iterator[LoadResult]:
    n = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        n += 1
        where = f"{path}: line {lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        yield _safe_record(path, rec, where, lineno - 1, source)
    if n == 0:
        yield InputError(str(path), "no records")
