"""Domain types the assistant returns: Passage (retrieved evidence), Citation, Answer."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Passage:
    """A retrieved chunk of a stored article; ``text == doc.text[start:end]``."""

    chunk_id: str
    doc_id: str
    title: str
    source: str
    published: str
    url: str
    text: str
    start: int
    end: int
    score: float = 0.0
    rank: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Citation:
    """A verbatim quote: ``quote == doc.text[start:end]``, numbered ``n`` as in the answer."""

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    backend: str = "extractive"
    notice: str = ""  # e.g. "LLM backend down; offline answer shown"

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
