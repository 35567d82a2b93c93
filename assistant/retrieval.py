"""Hybrid retrieval: dense (Chroma) and lexical (FTS5/BM25) rankings fused with reciprocal
rank fusion, boosted by metadata the question names (outlets), de-duplicated and diversified
across articles."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from index.embedding import Embedder
from index.store import Filters, Store, StoredChunk

from .models import Passage

RRF_K = 60


@dataclass
class RetrievalConfig:
    candidates: int = 60  # per ranking, before fusion
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    outlet_boost: float = 1.0  # multiplies the fused score of chunks from outlets named in the question
    max_per_doc: int = 2


class HybridRetriever:
    def __init__(self, store: Store, embedder: Embedder, config: RetrievalConfig | None = None):
        self.store = store
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self._sources: list[str] | None = None

    def invalidate(self) -> None:
        self._sources = None

    def named_outlets(self, query: str) -> list[str]:
        """Outlets in the index that the question names ("as reported by TechCrunch")."""
        if self._sources is None:
            self._sources = self.store.sources()
        q = query.lower()
        found = []
        for s in self._sources:
            names = {s.lower(), re.sub(r"^the\s+", "", s.lower()), s.lower().split(" - ")[0]}
            if any(len(n) >= 3 and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", q) for n in names):
                found.append(s)
        return found

    def dense(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        vec = self.embedder.embed_one(query)
        hits = self.store.search_dense(vec, k, filters)
        return self._passages(hits)

    def retrieve(self, query: str, k: int = 10, filters: Filters | None = None,
                 vector=None) -> list[Passage]:
        cfg = self.config
        vec = self.embedder.embed_one(query) if vector is None else vector
        dense = self.store.search_dense(vec, cfg.candidates, filters)
        lexical = self.store.search_lexical(query, cfg.candidates, filters)
        fused: dict[str, float] = defaultdict(float)
        for rank, (cid, _) in enumerate(dense):
            fused[cid] += cfg.dense_weight / (RRF_K + rank + 1)
        for rank, (cid, _) in enumerate(lexical):
            fused[cid] += cfg.lexical_weight / (RRF_K + rank + 1)
        chunks = {c.chunk_id: c for c in self.store.chunks_by_ids(list(fused))}
        outlets = {s.lower() for s in self.named_outlets(query)}
        if outlets and cfg.outlet_boost != 1.0:
            for cid, c in chunks.items():
                if (c.source or "").lower() in outlets:
                    fused[cid] *= cfg.outlet_boost
        ranked = sorted((cid for cid in fused if cid in chunks), key=lambda c: -fused[c])
        picked = diversify([chunks[c] for c in ranked], k, cfg.max_per_doc)
        return [_to_passage(c, fused[c.chunk_id], i + 1) for i, c in enumerate(picked)]

    def _passages(self, hits: list[tuple[str, float]]) -> list[Passage]:
        chunks = {c.chunk_id: c for c in self.store.chunks_by_ids([h[0] for h in hits])}
        return [_to_passage(chunks[cid], s, i + 1) for i, (cid, s) in enumerate(h for h in hits if h[0] in chunks)]


def diversify(chunks: list[StoredChunk], k: int, max_per_doc: int) -> list[StoredChunk]:
    """Best-first, skipping chunks that mostly overlap one already taken and capping chunks per
    article on a first pass (so multi-article questions get each article), then filling up."""
    picked: list[StoredChunk] = []
    per_doc: dict[str, int] = defaultdict(int)
    deferred: list[StoredChunk] = []
    for c in chunks:
        if len(picked) >= k:
            break
        if any(p.doc_id == c.doc_id and _overlap(p, c) > 0.5 for p in picked):
            continue
        if per_doc[c.doc_id] >= max_per_doc:
            deferred.append(c)
            continue
        picked.append(c)
        per_doc[c.doc_id] += 1
    for c in deferred:
        if len(picked) >= k:
            break
        picked.append(c)
    return picked


def _overlap(a: StoredChunk, b: StoredChunk) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _to_passage(c: StoredChunk, score: float, rank: int) -> Passage:
    return Passage(chunk_id=c.chunk_id, doc_id=c.doc_id, title=c.title or "", source=c.source or "",
                   published=c.published or "", url=c.url or "", text=c.text, start=c.start, end=c.end,
                   score=round(float(score), 6), rank=rank)
