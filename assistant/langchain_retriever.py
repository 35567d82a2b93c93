"""attache's hybrid retrieval as a LangChain retriever, for use inside your own chains.

    from assistant import Assistant
    from assistant.langchain_retriever import AttacheRetriever

    retriever = AttacheRetriever(assistant=Assistant.open(), k=5, rerank=True)
    docs = retriever.invoke("What did Lavrov say about sanctions on North Korea?")

Each ``langchain_core.documents.Document`` carries one passage: ``page_content`` is the passage
text (verbatim article text) and ``metadata`` holds ``doc_id``, ``chunk_id``, ``title``,
``source`` (the outlet), ``published`` (``YYYY[-MM[-DD]]`` or ""), ``url``, ``start``/``end``
(character offsets of the passage in the article text, so ``article[start:end] ==
page_content``), ``rank`` (1 = best), ``score`` and ``speakers`` (the actors the passage
attributes statements to, most frequent first).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.models import Filters, Passage


class AttacheRetriever(BaseRetriever):
    """A LangChain ``BaseRetriever`` over an ``Assistant``'s index (hybrid dense + BM25 retrieval).

    Fields: ``assistant`` (an open ``assistant.Assistant``), ``k`` (passages returned, default
    6), ``filters`` (a ``Filters`` or its dict form: ``sources``, ``since``, ``until``,
    ``doc_ids``), ``rerank`` (default True: re-order the pool by best sentence, better recall; False: plain hybrid).
    Raises what ``Assistant.search`` raises (``QuestionError`` for an empty query or a bad filter).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any
    k: int = 6
    filters: Filters | dict[str, Any] | None = None
    rerank: bool = True

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        passages = self.assistant.search(query, k=self.k, filters=self.filters, rerank=self.rerank)
        speakers = self._speakers(passages)
        return [LCDocument(page_content=p.text, metadata={
            "doc_id": p.doc_id, "chunk_id": p.chunk_id, "title": p.title, "source": p.source,
            "published": p.published, "url": p.url, "start": p.start, "end": p.end,
            "rank": p.rank or i, "score": p.score, "speakers": speakers.get(p.chunk_id, []),
        }) for i, p in enumerate(passages, 1)]

    def _speakers(self, passages: list[Passage]) -> dict[str, list[str]]:
        """chunk_id -> actors whose statements lie inside that passage, most frequent first."""
        doc_ids = sorted({p.doc_id for p in passages})
        if not doc_ids:
            return {}
        claims = self.assistant.store.claims(filters=Filters(doc_ids=doc_ids))
        out: dict[str, list[str]] = {}
        for p in passages:
            counts = Counter(c.actor for c in claims
                             if c.doc_id == p.doc_id and p.start <= c.start and c.end <= p.end)
            out[p.chunk_id] = [a for a, _ in counts.most_common()]
        return out
