"""Answers ordered in time: "currently", "latest", "still" (newest first) and "first",
"initially" (oldest first), read from ``Query.time`` (``assistant.query.time_scope``).

The extractive answerer calls ``select_in_time`` instead of its plain selection when the
question asks for an order, and ``time_lead`` to label each quoted sentence with its date:
the newest (or oldest) dated evidence leads and says its date; older (or later) sentences that
say something else follow, each labelled with its own date, so a 2019 statement is never
presented as today's position.
"""
from __future__ import annotations

from datetime import date

import numpy as np

from index.models import Passage

from .query import Query
from .rerank import Sentence

#: Share of the best score a sentence needs to be considered at all when ordering in time
#: (looser than plain selection: the newest relevant statement need not be the best-worded one).
TIME_RELATIVE = 0.65


def _day(p: Passage) -> str:
    return (p.published or "")[:10]


def select_in_time(query: Query, ranked: list[Sentence], limit: int = 3, min_score: float = 0.0,
                   redundancy: float = 0.9) -> list[Sentence]:
    """Sentences for a question asking for the newest ("currently") or oldest ("first") position.

    ``ranked``: candidates best first (scores from the re-ranker); those within TIME_RELATIVE of
    the best and at least ``min_score`` compete. The lead is the best sentence of the most
    recent (or earliest) dated article among them; then up to ``limit - 1`` more, one per
    article, best first, not repeating a sentence already chosen (cosine above
    ``redundancy``), ordered away from the lead in time. Undated sentences come last."""
    if not ranked:
        return []
    top = ranked[0].score
    pool = [s for s in ranked if s.score >= max(min_score, top * TIME_RELATIVE)]
    dated = [s for s in pool if _day(s.passage)]
    if not dated:
        return ranked[:1]
    newest = query.recency != "oldest"
    lead_day = max(_day(s.passage) for s in dated) if newest else min(_day(s.passage) for s in dated)
    lead = next(s for s in pool if _day(s.passage) == lead_day)
    chosen = [lead]
    for s in pool:
        if len(chosen) >= limit:
            break
        if s.passage.doc_id in {c.passage.doc_id for c in chosen}:
            continue
        if s.vector.size and any(c.vector.size and float(np.dot(s.vector, c.vector)) > redundancy for c in chosen):
            continue
        chosen.append(s)
    rest = sorted(chosen[1:], key=lambda s: _day(s.passage) or ("0" if newest else "9"), reverse=newest)
    return [lead] + rest


def time_lead(query: Query, i: int, p: Passage, today: date | None = None) -> str:
    """The words put before the ``i``-th (0-based) quoted sentence of a time-ordered answer:
    "Most recently (Meridian Review, 2024-09-17): ", "Earlier (Harbor Wire, 2019-03-11): ".
    When the newest evidence is more than a year old the lead says how old it is."""
    day = _day(p)
    where = f"{p.source}, {day}" if p.source else day
    if not day:
        return "Undated: "
    if i > 0:
        return f"{'Earlier' if query.recency != 'oldest' else 'Later'} ({where}): "
    if query.recency == "oldest":
        return f"First ({where}): "
    age = ""
    try:
        days = ((today or date.today()) - date.fromisoformat(day)).days
    except ValueError:
        days = 0
    if days > 365:
        years = days // 365
        age = f"; the newest article on this is {'over a year' if years == 1 else f'over {years} years'} old"
    return f"Most recently ({where}{age}): "
