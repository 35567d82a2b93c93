"""Types the assistant returns: ``Citation``, ``Answer`` and the events of ``Assistant.stream``.

The index's types (``Document``, ``Passage``, ``Claim``, ``Filters``, ``ActorSummary``,
``IndexStats``) are defined once in ``index.models`` and re-exported here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Union

from index.models import ActorSummary, Claim, Document, Filters, IndexStats, Passage, _from_dict

__all__ = ["Answer", "AnswerReady", "ActorSummary", "Citation", "Claim", "Document", "Filters",
           "IndexStats", "Passage", "StreamEvent", "TextDelta", "ABSTAIN_TEXT"]

#: The sentence every abstention starts with (answerers may add why).
ABSTAIN_TEXT = "The articles do not say."


@dataclass
class Citation:
    """A verbatim quote: ``quote == document.text[start:end]``, numbered ``n`` as in the answer.

    ``speaker`` is the actor the quoted sentence attributes a statement to ("" when none or
    unknown); ``statement_date`` the date the statement was made when known (else "").
    ``also_in``: the near-duplicate copies of the article (the same wire story from another
    outlet, an update) that carry the same sentence, each ``{"doc_id", "title", "source",
    "published", "url", "start", "end"}`` with the sentence's offsets in that copy; the statement
    is quoted once, from this document.
    """

    n: int
    doc_id: str
    chunk_id: str
    title: str
    source: str
    published: str
    url: str
    quote: str
    start: int
    end: int
    speaker: str = ""
    statement_date: str = ""
    also_in: list[dict] = field(default_factory=list)

    @classmethod
    def of(cls, n: int, passage: Passage, start: int, end: int, speaker: str = "",
           statement_date: str = "", copies: Sequence[Document] = ()) -> Citation:
        """The citation of article span ``[start, end)`` inside ``passage`` (article offsets);
        ``copies`` are the article's linked near-duplicates (``Evidence.copies``), and those
        holding the same sentence are listed in ``also_in``.

        Raises ``ValueError`` when the span is not inside the passage."""
        if not passage.covers(start, end):
            raise ValueError(f"span {start}:{end} is outside passage {passage.chunk_id} "
                             f"({passage.start}:{passage.end})")
        quote = passage.slice(start, end)
        also_in = []
        for doc in copies:
            span = find_sentence(doc.text, quote)
            if span and doc.doc_id != passage.doc_id:
                also_in.append({"doc_id": doc.doc_id, "title": doc.title, "source": doc.source,
                                "published": doc.published, "url": doc.url, "start": span[0], "end": span[1]})
        return cls(n=n, doc_id=passage.doc_id, chunk_id=passage.chunk_id, title=passage.title,
                   source=passage.source, published=passage.published, url=passage.url,
                   quote=quote, start=start, end=end, speaker=speaker,
                   statement_date=statement_date, also_in=also_in)

    @property
    def shown(self) -> str:
        """The quote as an answer shows it: on one line, each run of whitespace (a hard-wrapped
        speech record's line breaks) one space; ``quote`` itself stays verbatim."""
        return " ".join(self.quote.split())

    def repeats(self, earlier: Citation) -> bool:
        """Whether this citation quotes the statement ``earlier`` already quotes: the same span of
        the same article or one overlapping it (a quote and its first sentence), or the same
        sentence (whitespace aside) from a near-duplicate copy. It should not be quoted twice."""
        if self.doc_id == earlier.doc_id and self.start < earlier.end and earlier.start < self.end:
            return True  # (the same span, or one holding the other: a quote and its first sentence)
        return (any(a["doc_id"] == self.doc_id for a in earlier.also_in)
                and " ".join(self.quote.split()) == " ".join(earlier.quote.split()))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        return _from_dict(cls, d)


@dataclass
class Answer:
    """A composed answer: ``answer`` text whose sentences end in ``[n]`` markers, one
    ``Citation`` per marker number, the ``passages`` it was chosen from, and whether it
    ``abstained`` (the articles do not contain the answer). ``backend`` names the answerer
    ("extractive" or the LLM spec); ``notice`` says when a backend failed and the offline
    answer is shown instead."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    backend: str = "extractive"
    notice: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "backend": self.backend,
            "notice": self.notice,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Answer:
        return cls(question=d["question"], answer=d["answer"], abstained=bool(d["abstained"]),
                   citations=[Citation.from_dict(c) for c in d.get("citations", [])],
                   passages=[Passage.from_dict(p) for p in d.get("passages", [])],
                   backend=d.get("backend", "extractive"), notice=d.get("notice", ""))


@dataclass
class TextDelta:
    """A piece of answer text as it is produced (for live display; an LLM's draft is unverified)."""

    text: str


@dataclass
class AnswerReady:
    """The last event of a stream: the final, verified ``Answer``."""

    answer: Answer


StreamEvent = Union[TextDelta, AnswerReady]


def find_sentence(text: str, quote: str) -> tuple[int, int] | None:
    """``(start, end)`` of ``quote`` in ``text``, whitespace runs matching any whitespace; None
    when the text does not hold it."""
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text)
    return (m.start(), m.end()) if m else None
