"""attache: answers about foreign policy from news articles, every sentence cited verbatim.

    from assistant import Assistant
    a = Assistant.open(store="~/attache-store")
    answer = a.ask("What did Xi and Putin pledge about Iran?", filters={"sources": ["Bloomberg"]})
    for c in answer.citations:
        print(c.n, c.source, c.published, c.speaker, c.quote, c.start, c.end)

The public API is what ``__all__`` lists: the ``Assistant`` facade, the question as it is
understood (``Query``), and the types the facade returns.
"""
from index.errors import AttacheError, BackendError, InputError, NotFound, QuestionError, StoreError
from index.ingest import IngestReport

from .core import Assistant
from .models import (
    ActorSummary,
    Answer,
    AnswerReady,
    Citation,
    Claim,
    Document,
    Filters,
    IndexStats,
    Passage,
    StreamEvent,
    TextDelta,
)
from .query import Query

__all__ = [
    "Assistant", "Query",
    "Answer", "Citation", "TextDelta", "AnswerReady", "StreamEvent",
    "Document", "Passage", "Claim", "Filters", "ActorSummary", "IndexStats", "IngestReport",
    "AttacheError", "InputError", "StoreError", "NotFound", "QuestionError", "BackendError",
]
