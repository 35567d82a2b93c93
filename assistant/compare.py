"""Comparing actors: their statements on a topic side by side, each in date order and cited.

``compare_claims`` picks, for each actor, the statements about the topic as ``ask`` reads a
topic (``assistant.topic.Topic.covers`` on the statement's whole sentence: a shared term or
another form of one, "AI" / "artificial intelligence", and the names the topic gives);
``compare_answer`` turns that into an ``Answer`` with one ``Citation`` per quoted sentence, so
``attache compare``, the REST API and a chat question such as "Compare Ostmark's and Veloria's
positions on sanctions" give the same thing. ``is_compare_question`` tells such a question apart.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from index.models import Claim, Document, Passage

from .attribution import claim_sentence
from .models import Answer, Citation
from .topic import FRAME_TERMS, Topic, statements_about

_COMPARE = re.compile(r"^\s*(?:please\s+)?compare\b|\b(?:differ|difference|differences|versus|vs\.?|contrast)\b"
                      r"|\bhow do\b.+\band\b.+\bpositions?\b", re.I)


def is_compare_question(text: str, actors: Sequence[str]) -> bool:
    """True when ``text`` asks to compare and names at least two of the index's actors."""
    return len(actors) >= 2 and bool(_COMPARE.search(text))


@dataclass
class Comparison:
    """``columns``: for each actor asked about (in the order asked), their statements on ``topic``
    in date order (at most ``per_actor``, earliest and latest always kept)."""

    topic: str
    columns: list[tuple[str, list[Claim]]] = field(default_factory=list)
    #: an actor asked for by an office ("Russia's foreign minister") -> the persons holding it, whose column it is
    holders: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic,
                "columns": [{"actor": a, "statements": [c.to_dict() for c in cs],
                             **({"holders": self.holders[a]} if self.holders.get(a) else {})}
                            for a, cs in self.columns]}


def _thin(items: list[Claim], n: int) -> list[Claim]:
    """At most ``n`` of ``items`` (date-ordered): the first, the last and evenly spaced between."""
    if len(items) <= n:
        return items
    picks = {round(i * (len(items) - 1) / (n - 1)) for i in range(n)}
    return [items[i] for i in sorted(picks)]


def compare_claims(actors: Sequence[str], claims_of: Callable[[str], list[Claim]], text_of: Callable[[str], str],
                   topic: Topic | str = "", per_actor: int = 4,
                   sentence_claims: Callable[[list[str]], list[Claim]] | None = None,
                   holders: dict[str, list[str]] | None = None) -> Comparison:
    """The statements of each of ``actors`` (``claims_of(actor)``, any order) about ``topic``
    (``statements_about``; a string is read with ``Topic.parse``, its frame words such as
    "position" left out), one statement per sentence, date-ordered and thinned to ``per_actor``.
    ``text_of(doc_id)`` gives an article's text (to read the whole sentence);
    ``sentence_claims(doc_ids)``, when given, all statements of those articles (what others say in
    a statement's sentence is not read as the statement's). ``holders``: for an actor that is an office, the
    persons holding it (``claims_of`` reads theirs), named beside it in the answer."""
    about = (topic if isinstance(topic, Topic) else Topic.parse(topic, own=actors)).without(FRAME_TERMS)
    out = Comparison(topic=about.label(), holders=dict(holders or {}))
    for actor in actors:
        seen: set[tuple[str, int]] = set()
        items = []
        ordered = sorted(claims_of(actor), key=lambda c: (c.when, c.doc_id, c.sent_start))
        docs = sorted({c.doc_id for c in ordered})
        others = sentence_claims(docs) if sentence_claims and about and docs else []
        for c in statements_about(about, ordered, text_of, others):
            key = (c.doc_id, c.sent_start)
            if key not in seen:
                seen.add(key)
                items.append(c)
        out.columns.append((actor, _thin(items, per_actor)))
    return out


def compare_answer(question: str, comparison: Comparison, passage_of: Callable[[Claim], Passage | None],
                   copies: dict[str, list[Document]] | None = None) -> Answer:
    """The comparison as an answer: for each actor, "Actor: DATE (kind) “sentence” [n] ...", every
    sentence quoted whole from its article and cited; a statement of a country's official names
    them ("DATE (pledge, Lena Sorvik) ..."). Abstains when no actor has a statement."""
    from .models import ABSTAIN_TEXT

    citations: list[Citation] = []
    blocks = []
    silent = []
    for actor, claims in comparison.columns:
        parts: list[str] = []
        for c in claims:
            passage = passage_of(c)
            if passage is None:
                continue
            cite = Citation.of(len(citations) + 1, passage, *claim_sentence(c, passage), speaker=c.actor,
                               statement_date=c.date, copies=(copies or {}).get(c.doc_id, ()))
            earlier = next((e for e in citations if cite.repeats(e)), None)
            if earlier is not None:
                if earlier.speaker == c.actor or any(p.endswith(f"[{earlier.n}]") for p in parts):
                    continue  # (a copy of a statement of this column already quoted)
                # a joint statement ("Xi and Putin said ...") is each one's: quoted in every column it is in,
                # by the number it was given first, and spoken by all of them
                earlier.speaker = f"{earlier.speaker} and {c.actor}" if c.actor not in earlier.speaker.split(
                    " and ") else earlier.speaker
                cite = earlier
            else:
                citations.append(cite)
            who = f", {c.actor}" if c.actor != actor else ""  # a country's official
            parts.append(f"{c.when[:10] or 'undated'} ({c.kind}{who}): {cite.shown} [{cite.n}]")
        held = comparison.holders.get(actor)
        if parts:  # (an office named with its holders: "Russia's foreign minister (Sergey Lavrov): ...")
            blocks.append((f"{actor} ({', '.join(held)})" if held else actor) + ": " + " ".join(parts))
        else:
            silent.append(f"{actor} ({', '.join(held)})" if held else actor)
    if not citations:
        about = f" on {comparison.topic}" if comparison.topic else ""
        return Answer(question, f"{ABSTAIN_TEXT} They report no statements{about} by "
                      f"{' or '.join(a for a, _ in comparison.columns)}.", True)
    if silent:
        about = f" on {comparison.topic}" if comparison.topic else ""
        blocks.append(f"The articles report no statements{about} by {' or '.join(silent)}.")
    return Answer(question, "\n\n".join(blocks), False, citations=citations)
