"""A day the question gives to the act it asks about, not to the articles.

"What did the US Treasury announce on October 18?" is read first as the documented one-day filter: articles published
that day ("What did Dagan say on October 7?"). The day follows the act's verb, though, so it may date the act in an
article published later ("On October 18, the US Treasury Department's Office of Foreign Assets Control (OFAC)
announced ...", a month on). When that reading finds nothing, the question is asked again of the articles that write
that day or hold statements dated that day, and only the sentences giving the act that day answer (``act_dated``);
the answer says which reading was used. A day after "published", "reported" or "in articles from" stays a
publication filter only.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from index.models import Filters
from index.store import IndexReader
from index.text import MONTHS

from .answerer import answer_of, cited_only, deltas
from .models import StreamEvent
from .query import _PUBLISHED, _STATED, Query

MAX_CANDIDATES = 200  # passages read for a day written in the text (lexical search on the day's words)


def act_day(query: Query) -> tuple[str, str] | None:
    """(the phrase, its ISO day) when the question's one-day range comes from a day that follows the verb of the
    act asked about ("announce on October 18", "say on June 8, 2018"), not from "published on"; else None."""
    f = query.filters
    if not (f.since and f.since == f.until and len(f.since) == 10) or f.doc_ids:
        return None
    for phrase in query.time.phrases:
        at = query.text.find(phrase)
        if at < 0 or not re.match(r"(?i)on\b", phrase.strip()):
            continue
        before = query.text[:at]
        if _STATED.search(before) and not _PUBLISHED.search(before) and not re.search(
                r"(?i)\b(?:articles?|reports?|stories|news|pieces?)\s+(?:from|of|dated)\s*$", before):
            return phrase.strip(), f.since
    return None


def day_written(day: str, year_given: bool) -> re.Pattern[str]:
    """The day as an article writes it: "October 18", "Oct. 18", "18 October", "2023-10-18" (with its year, when
    the question gave one, for the ISO form)."""
    d = date.fromisoformat(day)
    month = MONTHS[d.month - 1]
    name = rf"(?:{month.capitalize()}|{month[:3].capitalize()}\.?)"
    n = rf"0?{d.day}(?:st|nd|rd|th)?"
    iso = re.escape(day) if year_given else rf"\d{{4}}-{d.month:02d}-{d.day:02d}"
    return re.compile(rf"(?<![\w-])(?:{name}\s+{n}(?!\d)|{n}\s+(?:of\s+)?{name}|{iso})(?![\w-])")


def act_documents(reader: IndexReader, query: Query, day: str, year_given: bool,
                  filters: Filters) -> list[str]:
    """Documents (passing ``filters``, no date range) that write ``day`` or hold a statement of the actors asked
    dated that day."""
    written = day_written(day, year_given)
    d = date.fromisoformat(day)
    words = f"{MONTHS[d.month - 1]} {d.day}"
    ids: dict[str, None] = {}
    hits = reader.search_lexical(words, MAX_CANDIDATES, filters)
    for p in reader.passages([c for c, _ in hits]):
        if written.search(p.text) and (not year_given or (p.published or "")[:4] >= day[:4]):
            ids[p.doc_id] = None
    for c in reader.claims(actors=list(query.actors) or None, filters=filters):
        if c.date[:10] == day or not year_given and c.date[4:10] == day[4:10]:
            ids[c.doc_id] = None
    return list(ids)


def act_dated(events: Iterator[StreamEvent], query: Query, reader: IndexReader,
              again: Callable[[Query], Iterator[StreamEvent]]) -> Iterator[StreamEvent]:
    """The answer's events; for a day that dates the act asked about (``act_day``), the answer says it read the
    day as the articles' publication day, and when that finds nothing, the answer to ``query`` asked of the
    articles that give the act that day (``again``: the answer's events for a query), quoting only the sentences
    that write the day or carry a statement dated that day, and saying so."""
    found = act_day(query)
    if found is None:
        yield from events
        return
    phrase, day = found
    first = answer_of(events)
    if not first.abstained:
        first.answer = f"{first.answer.rstrip()} (“{phrase}” read as the day the articles were published.)"
        yield from deltas(first)
        return
    year_given = bool(re.search(r"\d{4}", phrase))
    undated = query.filters.narrow(since="", until="")
    ids = act_documents(reader, query, day, year_given, undated)
    if not ids:
        yield from deltas(first)
        return
    second = answer_of(again(replace(query, filters=undated.narrow(doc_ids=ids),
                                     time=replace(query.time, since="", until=""))))
    written = day_written(day, year_given)
    kept = [c for c in second.citations
            if written.search(c.quote) or c.statement_date[:10] == day
            or not year_given and c.statement_date[4:10] == day[4:10]]
    if second.abstained or not kept:
        yield from deltas(first)
        return
    answer = cited_only(second, kept)
    answer.answer = (f"No article published {phrase} answers this; read as the day of what was done, in the "
                     f"articles that give it that day: {answer.answer}")
    yield from deltas(answer)

