"""Domain types written by the index: Article, Chunk, Claim.

They travel one way: files -> Article -> Chunks (+ Claims) -> stores. Every type is a
plain dataclass with ``to_dict()`` so any surface (CLI, HTTP, UI) can serialise it.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def short_hash(*parts: str, n: int = 16) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:n]


@dataclass
class Article:
    """One article after loading and cleaning. ``text`` is what chunk offsets index into."""

    source_id: str  # identity of where it came from: url, record id, or path[#record]
    text: str
    title: str = ""
    source: str = ""  # outlet / publisher
    published: str = ""  # ISO date (YYYY-MM-DD or full ISO timestamp) or ""
    url: str = ""
    author: str = ""
    path: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return short_hash("doc", self.source_id)

    @property
    def content_hash(self) -> str:
        return short_hash(
            "content", self.text, self.title, self.source, self.published, self.url, self.author, n=24
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["doc_id"] = self.doc_id
        return d


@dataclass
class Chunk:
    """A contiguous span ``text == article.text[start:end]`` of whole sentences."""

    chunk_id: str
    doc_id: str
    seq: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Claim:
    """An attributed statement: who (speaker) said what (span) how (cue, kind) and when."""

    claim_id: str
    doc_id: str
    speaker: str  # as written in the text, e.g. "Russian Foreign Minister Sergei Lavrov"
    actor: str  # normalised actor name, e.g. "Sergei Lavrov"
    actor_type: str  # person | government | organisation | group
    role: str
    cue: str
    kind: str  # pledge | position | proposal | demand | criticism | statement
    direct: bool
    start: int  # content span in the article text
    end: int
    text: str
    sent_start: int  # the whole sentence that carries the claim
    sent_end: int
    topics: list[str] = field(default_factory=list)
    date: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
