"""Domain types shared by the index (which writes them) and the assistant (which reads them).

One type per concept, each a dataclass with ``to_dict()``/``from_dict()``:

- ``Document``: one article: its cleaned ``text`` (what every offset indexes into) and metadata.
- ``Passage``: a contiguous span ``text == document.text[start:end]`` of whole sentences: a
  stored chunk, or several overlapping chunks merged by retrieval. The one chunk type.
- ``Claim``: an attributed statement: who (speaker, actor) said what (the content span), how
  (cue, kind) and when.
- ``Filters``: the one filter grammar (outlets, date range, document ids) used by the Python
  API, the CLI, the UI and REST.
- ``ActorSummary`` and ``IndexStats``: what ``actors()`` and ``stats()`` report.

They travel one way: files -> Document -> Passages (+ Claims) -> stores -> retrieval.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

from .errors import QuestionError

T = TypeVar("T")

#: The kinds of statement the extractor assigns, most specific first.
STATEMENT_KINDS = ("pledge", "proposal", "demand", "rejection", "criticism", "position", "statement")


def short_hash(*parts: str, n: int = 16) -> str:
    """Hex digest (``n`` characters) of SHA-256 over ``parts`` joined by a unit separator."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:n]


def _from_dict(cls: type[T], d: dict[str, Any]) -> T:
    """Build a dataclass from a dict, ignoring keys it does not declare."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Document:
    """One article after loading and cleaning.

    ``text`` is the cleaned article text; every ``start``/``end`` offset in passages, claims
    and citations indexes into it. ``source_id`` is the identity of where it came from (URL,
    record id, or ``path[#record]``) and determines ``doc_id``. ``published`` is an ISO date
    (``YYYY``, ``YYYY-MM-DD`` or a full ISO timestamp) or ``""``. ``n_chunks`` and ``chars``
    are filled when the document is read back from the catalog (``chars`` is ``len(text)``
    even when a listing leaves ``text`` empty).
    """

    source_id: str
    text: str
    title: str = ""
    source: str = ""  # outlet / publisher
    published: str = ""
    url: str = ""
    author: str = ""
    path: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    n_chunks: int = 0
    chars: int = 0
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = short_hash("doc", self.source_id)
        if not self.chars:
            self.chars = len(self.text)

    @property
    def content_hash(self) -> str:
        """Changes when the text or any metadata that is shown changes (re-index trigger)."""
        return short_hash(
            "content", self.text, self.title, self.source, self.published, self.url, self.author, n=24
        )

    def to_dict(self, text: bool = True) -> dict[str, Any]:
        d = asdict(self)
        if not text:
            d.pop("text")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return _from_dict(cls, {"text": "", **d})


@dataclass
class Passage:
    """A span of a stored article: ``text == document.text[start:end]``.

    ``seq`` is the chunk's position in its article. ``score`` is the retrieval score (higher is
    better; its scale depends on the ranking that produced it) and ``rank`` the 1-based
    position in a result list (0 when not ranked).
    """

    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    seq: int = 0
    title: str = ""
    source: str = ""
    published: str = ""
    url: str = ""
    score: float = 0.0
    rank: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Passage:
        return _from_dict(cls, d)

    def slice(self, start: int, end: int) -> str:
        """The article text ``[start:end]`` (article offsets) inside this passage."""
        return self.text[start - self.start:end - self.start]

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass
class Claim:
    """An attributed statement: who (speaker) said what (the content span) how (cue, kind), when.

    ``speaker`` is as written ("Russian Foreign Minister Sergei Lavrov"); ``actor`` the
    normalised actor ("Sergei Lavrov"); ``actor_type`` one of person, government,
    organisation, group. ``start``/``end`` delimit the content in the article text and
    ``sent_start``/``sent_end`` the whole sentence that carries it. ``kind`` is one of
    ``STATEMENT_KINDS``; ``direct`` is True for a direct quotation. ``date`` is when the
    statement was made when the text says so, else the article's date. ``title``, ``source``,
    ``published`` and ``url`` are the article's, filled when read back from the catalog.
    """

    claim_id: str
    doc_id: str
    speaker: str
    actor: str
    actor_type: str
    role: str
    cue: str
    kind: str
    direct: bool
    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int
    topics: list[str] = field(default_factory=list)
    date: str = ""
    title: str = ""
    source: str = ""
    published: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        d = dict(d)
        d["direct"] = bool(d.get("direct"))
        return _from_dict(cls, d)

    @property
    def when(self) -> str:
        """The statement's date, else the article's ("" when neither is known)."""
        return self.date or self.published


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FILTER_KEYS = ("sources", "since", "until", "doc_ids")


def _real_date(value: str) -> bool:
    """True when a ``YYYY[-MM[-DD]]`` string names a real year, month or day (2026-02-30 does not)."""
    import datetime

    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@dataclass
class Filters:
    """Which documents a search, question or listing may use. Empty means all.

    The one filter grammar, as a dict (Python ``filters=``, REST and Gradio bodies)::

        {"sources": ["Bloomberg"], "since": "2018-01-01", "until": "2018-12-31", "doc_ids": [...]}

    ``sources``: outlet names, matched case-insensitively (a single string is accepted).
    ``since``/``until``: inclusive publication dates written ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (``until`` "2019" means up to 31 December 2019). ``doc_ids``: document ids.
    Unknown keys and malformed dates raise ``QuestionError`` naming the field.
    """

    sources: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""
    doc_ids: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = (getattr(self, name) or "").strip()
            if value and not _DATE.match(value):
                raise QuestionError(f"{name} must be a date written YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}",
                                    field=name)
            if value and not _real_date(value):
                raise QuestionError(f"{name} {value!r} is not a date in the calendar "
                                    "(month 01-12, a day that month has)", field=name)
            setattr(self, name, value)
        self.sources = [s.strip() for s in _as_list(self.sources, "sources") if s.strip()]
        self.doc_ids = [s.strip() for s in _as_list(self.doc_ids, "doc_ids") if s.strip()]

    def empty(self) -> bool:
        return not (self.sources or self.since or self.until or self.doc_ids)

    def narrow(self, **changes: Any) -> Filters:
        """A copy with some fields replaced."""
        return Filters(**{**self.to_dict(), **changes})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | Filters | None) -> Filters:
        if isinstance(d, Filters):
            return d
        d = d or {}
        if not isinstance(d, dict):
            raise QuestionError(f"filters must be an object with keys {', '.join(FILTER_KEYS)}", field="filters")
        unknown = sorted(set(d) - set(FILTER_KEYS))
        if unknown:
            raise QuestionError(f"unknown filter {unknown[0]!r}; filters are {', '.join(FILTER_KEYS)}",
                                field=unknown[0])
        return cls(sources=d.get("sources") or [], since=d.get("since") or "", until=d.get("until") or "",
                   doc_ids=d.get("doc_ids") or [])


def _as_list(value: Any, name: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise QuestionError(f"filter {name} must be a string or a list of strings", field=name)


@dataclass
class ActorSummary:
    """One actor with attributed statements: how many, in how many articles, first and last date
    (ISO, "" when undated); ``spellings``: the other names the same actor is credited under, merged
    into this row ("Volodymyr Zelenskyy" beside "Volodymyr Zelensky", "Antonio Guterres" beside
    "António Guterres"), each a value of ``Claim.actor``."""

    actor: str
    actor_type: str
    statements: int
    documents: int
    first: str = ""
    last: str = ""
    spellings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorSummary:
        return _from_dict(cls, {**d, "first": d.get("first") or "", "last": d.get("last") or ""})


@dataclass
class IndexStats:
    """Counts of ready documents, chunks, vectors and claims, and where the index lives."""

    documents: int
    chunks: int
    vectors: int
    claims: int
    pending: int
    store: str
    mode: str  # "embedded" | "server"
    chroma_url: str | None
    collection: str
    embedding_model: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> IndexStats:
        return _from_dict(cls, d)
