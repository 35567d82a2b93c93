"""What a ``Filters`` means, stated once for both backends.

``Filters`` (``index.models``) is the grammar people write; ``Bounds`` is its meaning in the
terms both backends store for every document: the lower-cased outlet, the publication day
as a ``YYYYMMDD`` int (0 when unknown), the document id. The catalog turns ``Bounds`` into a
SQL ``WHERE`` (``Catalog.filter_sql``) and the vector store into a Chroma ``where``
(``VectorStore.where``), each a mechanical one-to-one mapping, so the two searches of a
hybrid query always see the same documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Filters


def pub_day(published: str) -> int:
    """``YYYYMMDD`` as an int for range filters (a bare year counts as its 1 January, a month
    as its 1st); 0 when ``published`` does not start with a date."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
    if not m:
        return 0
    return int(m.group(1)) * 10000 + int(m.group(2) or 1) * 100 + int(m.group(3) or 1)


def until_day(until: str) -> int:
    """The last ``YYYYMMDD`` an inclusive ``until`` of a year, a month or a day admits."""
    d = pub_day(until)
    if re.fullmatch(r"\d{4}", until or ""):
        d = int(until) * 10000 + 1231
    elif re.fullmatch(r"\d{4}-\d{2}", until or ""):
        d = d - 1 + 31
    return d


def sql_lower(text: str) -> str:
    """``text`` lower-cased as SQLite's ``lower()`` does it: ASCII letters only ("Åsa Lindqvist"
    -> "Åsa lindqvist"). Compare with ``lower(column)`` through this, never ``str.lower``, or
    names with a capital outside A-Z never match."""
    return "".join(c.lower() if c.isascii() else c for c in text)


@dataclass(frozen=True)
class Bounds:
    """A ``Filters`` resolved to stored values; every set field must hold (AND).

    ``sources``: lower-cased outlet names (match any; ``str.lower``, as the vector store's
    ``source_lc`` holds them); ``sources_db`` the same as SQLite's ``lower()`` gives them (the
    catalog and the keyword index). ``day_min``/``day_max``: inclusive
    bounds on the publication day; any date bound excludes undated documents (day 0), so
    ``day_min`` is at least 1 whenever ``day_max`` is set. ``doc_ids``: match any.
    ``None`` or empty means unconstrained.
    """

    sources: tuple[str, ...] = ()
    sources_db: tuple[str, ...] = ()
    day_min: int | None = None
    day_max: int | None = None
    doc_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, f: Filters | None) -> Bounds:
        if f is None:
            return cls()
        day_min = pub_day(f.since) if f.since else None
        day_max = until_day(f.until) if f.until else None
        if day_max is not None:
            day_min = max(day_min or 0, 1)
        return cls(sources=tuple(s.lower() for s in f.sources), sources_db=tuple(sql_lower(s) for s in f.sources),
                   day_min=day_min, day_max=day_max,
                   doc_ids=tuple(f.doc_ids))

    @property
    def restricts(self) -> bool:
        """Whether any field is set (``Bounds()`` admits every document)."""
        return bool(self.sources or self.day_min is not None or self.day_max is not None or self.doc_ids)

    def admits(self, source_lc: str, day: int, doc_id: str) -> bool:
        """Whether a document with this outlet (as SQLite's ``lower()`` gives it), ``YYYYMMDD`` day (0: unknown) and id
        passes: the same test as ``Catalog.filter_sql`` and ``VectorStore.where``, in Python."""
        return ((not self.sources_db or source_lc in self.sources_db)
                and (self.day_min is None or day >= self.day_min)
                and (self.day_max is None or day <= self.day_max)
                and (not self.doc_ids or doc_id in self.doc_ids))
