"""A day the question gives to the act it asks about, not to the articles.

"What did the US Treasury announce on October 18?" is read first as the documented one-day filter: articles published
that day ("What did Dagan say on October 7?"). The day follows the act's verb, though, so it may date the act in an
article published later ("On October 18, the US Treasury Department's Office of Foreign Assets Control (OFAC)
announced ...", a month on). When that reading finds nothing, the question is asked again of the articles that write
that day or hold statements dated that day, and only the sentences giving the act that day answer (``act_dated``);
the answer says which reading was used. A day after "published", "reported" or "in articles from" stays a
publication filter only.

A period counted back from today after the act's verb ("What did EU leaders promise last month?", "... say last
week", "... pledge last year") is read the same way: first as the articles published in that period; when that
finds nothing, as the period counted back from each article's own date (``act_period``): the statements dated in it
("Last month, EU leaders promised ..." in an article of May 2024 is April 2024's), saying which reading was used.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

from index.models import Filters
from index.store import IndexReader
from index.text import MONTHS

from .answerer import answer_of, cited_only, deltas
from .models import Citation, StreamEvent
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


_PERIOD = re.compile(r"(?i)^(?:last|past|previous)\s+(?P<unit>week|month|year)$")


def act_period(query: Query) -> tuple[str, str] | None:
    """(the phrase, its unit: "week", "month" or "year") when the question's date range comes from a period counted
    back ("last month") that follows the verb of the act asked about, not "published last month"; else None."""
    f = query.filters
    if not (f.since or f.until) or f.doc_ids:
        return None
    for phrase in query.time.phrases:
        m = _PERIOD.match(phrase.strip())
        at = query.text.find(phrase)
        if m is None or at < 0:
            continue
        before = query.text[:at]
        if _STATED.search(before) and not _PUBLISHED.search(before) and not re.search(
                r"(?i)\b(?:articles?|reports?|stories|news|pieces?)\s+(?:from|of|dated)\s*$", before):
            return phrase.strip(), m.group("unit").lower()
    return None


def in_period_before(when: str, published: str, unit: str) -> bool:
    """Whether the date ``when`` (a day, month or year) falls in the ``unit`` ("week", "month", "year") before the
    one of ``published`` (an article's date): April 2024 for an article of May 14, 2024 and "month"."""
    if len(published) < 10 or not when:
        return False
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    if unit == "year":
        return when[:4] == str(pub.year - 1)
    if unit == "month":
        prev = (pub.replace(day=1) - timedelta(days=1)).isoformat()[:7]
        return when[:7] == prev
    if len(when) < 10:
        return False
    monday = pub - timedelta(days=pub.weekday())
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        return False
    return monday - timedelta(days=7) <= day < monday


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
        period = act_period(query)
        if period is None:
            yield from events
        else:
            yield from act_in_period(events, query, period, again)
        return
    phrase, day = found
    year_given = bool(re.search(r"\d{4}", phrase))
    written = day_written(day, year_given)
    yield from _reread(
        events, query, again, phrase, "the day the articles were published",
        lambda undated: act_documents(reader, query, day, year_given, undated),
        lambda c: bool(written.search(c.quote)) or c.statement_date[:10] == day
        or not year_given and c.statement_date[4:10] == day[4:10],
        "the day of what was done, in the articles that give it that day")



def act_in_period(events: Iterator[StreamEvent], query: Query, period: tuple[str, str],
                  again: Callable[[Query], Iterator[StreamEvent]]) -> Iterator[StreamEvent]:
    """The answer's events for a period counted back after the act's verb (``act_period``): the articles published
    in that period first (said so); when that finds nothing, the answer to ``query`` asked of every article (the
    other filters kept), quoting only the statements dated in the period before their article's date (or writing
    the phrase itself, as the article's own "last month"), and saying so."""
    phrase, unit = period
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    written = re.compile(rf"(?i)(?<!\w){words}(?!\w)")
    yield from _reread(
        events, query, again, phrase, "the articles' publication date", None,
        lambda c: in_period_before(c.statement_date, c.published, unit) or bool(written.search(c.quote)),
        f"the {unit} before each article's own date, when what was done is dated")


def _reread(events: Iterator[StreamEvent], query: Query, again: Callable[[Query], Iterator[StreamEvent]],
            phrase: str, first_reading: str, documents: Callable[[Filters], list[str]] | None,
            keeps: Callable[[Citation], bool], second_reading: str) -> Iterator[StreamEvent]:
    """The answer read with ``phrase`` as a publication filter (said so, ``first_reading``); when that abstains, the
    answer to ``query`` asked again with no date range (of the ``documents`` the undated filters give, when given;
    none: the first answer stands), quoting only the citations ``keeps`` accepts, led by ``second_reading``."""
    first = answer_of(events)
    if not first.abstained:
        first.answer = f"{first.answer.rstrip()} (“{phrase}” read as {first_reading}.)"
        yield from deltas(first)
        return
    undated = query.filters.narrow(since="", until="")
    if documents is not None:
        ids = documents(undated)
        if not ids:
            yield from deltas(first)
            return
        undated = undated.narrow(doc_ids=ids)
    second = answer_of(again(replace(query, filters=undated, time=replace(query.time, since="", until=""))))
    kept = [c for c in second.citations if keeps(c)]
    if second.abstained or not kept:
        yield from deltas(first)
        return
    answer = cited_only(second, kept)
    answer.answer = f"No article published {phrase} answers this; read as {second_reading}: {answer.answer}"
    yield from deltas(answer)
