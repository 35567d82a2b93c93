"""The one facade every surface (CLI, Python, Gradio UI, HTTP) uses."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from index.config import Settings, load_settings
from index.embedding import shared_embedder
from index.errors import BackendError, QuestionError
from index.ingest import IngestReport, Ingestor
from index.store import Filters, Store

from .models import Answer, Passage
from .retrieval import HybridRetriever

MAX_QUESTION_CHARS = 2000
History = list[tuple[str, str]]  # (user question, assistant answer), oldest first


class Assistant:
    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.embedder = shared_embedder(settings.embed_dtype, settings.embed_batch)
        self.retriever = HybridRetriever(store, self.embedder)
        self._write_lock = threading.Lock()
        self._llm = None

    @classmethod
    def open(cls, store: str | Path | None = None, chroma_url: str | None = None, llm: str | None = None,
             create: bool = True, **overrides) -> "Assistant":
        settings = load_settings(store=str(store) if store else None, chroma_url=chroma_url, llm=llm, **overrides)
        return cls(settings, Store(settings, create=create))

    # ------------------------------------------------------------------ library
    def ingest(self, paths: list[str | Path], fmt: str | None = None, source: str | None = None,
               progress=False) -> IngestReport:
        with self._write_lock:
            report = Ingestor(self.store, self.embedder).ingest(paths, fmt, source, progress)
        self.retriever.invalidate()
        return report

    def documents(self, filters: dict | None = None) -> list[dict]:
        return self.store.list_documents(Filters.from_dict(filters))

    def document(self, doc_id: str) -> dict:
        return self.store.get_document(doc_id)

    def delete(self, doc_id: str) -> dict:
        with self._write_lock:
            out = self.store.delete_document(self.store.get_document(doc_id)["doc_id"])
        self.retriever.invalidate()
        return out

    def stats(self) -> dict:
        return self.store.stats()

    def sources(self) -> list[str]:
        return self.store.sources()

    # ------------------------------------------------------------------ questions
    def search(self, query: str, k: int = 10, filters: dict | None = None) -> list[Passage]:
        query = check_question(query)
        return self.retriever.retrieve(query, k, Filters.from_dict(filters))


def check_question(question: str) -> str:
    q = (question or "").strip()
    if not q:
        raise QuestionError("the question is empty")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q
