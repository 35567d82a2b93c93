"""Documents dated only by their year under a narrower date range.

A UN General Debate speech is stored with year precision ("2023"); the index's range filter reads a bare year as its
1 January, so "What did Netanyahu say about the Abraham Accords in September 2023?" excluded his session-78 speech
and said nothing matched. A document whose year overlaps the range asked is kept (``widen_for_years``: the range
widened to whole years, narrowed to the documents inside the range asked and those dated by a year only) when the
range as asked finds no answer, and the answer says which of its sources are dated only by their year
(``noting_years``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from index.models import Filters
from index.store import IndexReader

from .answerer import answer_of, deltas
from .models import Answer, StreamEvent
from .query import Query

_YEAR = re.compile(r"\d{4}")
MAX_DOCS = 5000  # beyond this many documents the widened range is left as asked (a filter of ids that long)


def _sub_year(bound: str) -> bool:
    return bool(bound) and not _YEAR.fullmatch(bound)


def widen_for_years(reader: IndexReader, query: Query) -> tuple[Query, Filters | None]:
    """``query`` with its date range widened to whole years for the documents dated only by a year in them, and
    the range as asked (None, and ``query`` unchanged, when the range is of whole years, or no such document is
    in those years)."""
    f = query.filters
    if f.doc_ids or not (_sub_year(f.since) or _sub_year(f.until)):
        return query, None
    years = f.narrow(since=f.since[:4], until=f.until[:4])
    yearly = [d.doc_id for d in reader.documents(years) if _YEAR.fullmatch(d.published or "")]
    if not yearly:
        return query, None
    inside = [d.doc_id for d in reader.documents(f)]
    ids = sorted(set(inside) | set(yearly))
    if len(ids) > MAX_DOCS:
        return query, None
    return replace(query, filters=years.narrow(doc_ids=ids)), f


def year_note(answer: Answer, asked: Filters) -> Answer:
    """``answer`` saying which of its sources are dated only by their year, kept for the narrower range asked."""
    dated = [c for c in answer.citations if _YEAR.fullmatch(c.published or "")]
    if not dated:
        return answer
    span = f"in {asked.since}" if asked.since == asked.until else " ".join(
        p for p in (f"since {asked.since}" if asked.since else "", f"until {asked.until}" if asked.until else "") if p)
    refs = ", ".join(f"[{c.n}]" for c in dated)
    years = ", ".join(sorted({c.published for c in dated}))
    answer.answer = (f"{answer.answer.rstrip()} ({refs} {'is' if len(dated) == 1 else 'are'} dated only by the "
                     f"year, {years}, and kept for the dates asked: published {span}.)")
    return answer


def noting_years(events: Iterator[StreamEvent], query: Query, reader: IndexReader,
                 again: Callable[[Query], Iterator[StreamEvent]]) -> Iterator[StreamEvent]:
    """The answer's events; when it abstains and documents dated only by a year in the range asked were left out,
    the answer to ``query`` with them (``again``: the answer's events for a query), saying which of its sources are
    dated only by the year ("What did Dagan say on October 7?" keeps that day's article, not his year's speech)."""
    widened, asked = widen_for_years(reader, query)
    if asked is None:
        yield from events
        return
    first = answer_of(events)
    if not first.abstained:
        yield from deltas(first)
        return
    second = answer_of(again(widened))
    yield from deltas(year_note(second, asked) if not second.abstained and second.citations else first)
