"""Hybrid retrieval: dense (Chroma) and lexical (FTS5/BM25) rankings fused with reciprocal
rank fusion, boosted by metadata the question names (outlets), de-duplicated and diversified
across articles."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from index.embedding import Embedder
from index.store import Filters, Store, StoredChunk, fts_terms

from .models import Passage

@dataclass
class RetrievalConfig:
    candidates: int = 60  # per ranking, before fusion
    rrf_k: int = 20  # reciprocal rank fusion constant: 1 / (rrf_k + rank)
    clause_weight: float = 1.0  # weight of the retrievals run for each clause of a compound question
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    outlet_boost: float = 2.0  # weight of the retrievals restricted to outlets or days the question names
    max_per_doc: int = 3


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
        fused: dict[str, float] = defaultdict(float)
        self._fuse_with_named(fused, query, vec, filters, 1.0)
        # A compound question ("Does X report A, while Y suggests B?") is also retrieved clause
        # by clause, each clause within the outlet it names, so every part finds its evidence.
        parts = clauses(query) if cfg.clause_weight else []
        for part, pvec in zip(parts, self.embedder.embed(parts) if parts else []):
            self._fuse_with_named(fused, part, pvec, filters, cfg.clause_weight)
        chunks = {c.chunk_id: c for c in self.store.chunks_by_ids(list(fused))}
        ranked = sorted((cid for cid in fused if cid in chunks), key=lambda c: -fused[c])
        picked = diversify([chunks[c] for c in ranked], k, cfg.max_per_doc)
        return [_to_passage(c, fused[c.chunk_id], i + 1) for i, c in enumerate(picked)]

    def _fuse_with_named(self, fused: dict[str, float], query: str, vec, filters: Filters | None,
                         weight: float) -> None:
        """Fuse the query's rankings, plus one restricted retrieval per outlet ("as reported by
        TechCrunch") or publication day ("published on October 7, 2023") it names, so each
        article a multi-article question points at is represented."""
        self._fuse(fused, query, vec, filters, weight)
        base = filters or Filters()
        boost = weight * self.config.outlet_boost
        for outlet in self.named_outlets(query) if not base.sources else []:
            self._fuse(fused, query, vec, _narrow(base, sources=[outlet]), boost)
        for day in named_days(query) if not (base.since or base.until) else []:
            self._fuse(fused, query, vec, _narrow(base, since=day, until=day), boost)

    def _fuse(self, fused: dict[str, float], query: str, vec, filters: Filters | None, weight: float) -> None:
        cfg = self.config
        dense = self.store.search_dense(vec, cfg.candidates, filters)
        lexical = self.store.search_lexical(query, cfg.candidates, filters)
        for rank, (cid, _) in enumerate(dense):
            fused[cid] += weight * cfg.dense_weight / (cfg.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(lexical):
            fused[cid] += weight * cfg.lexical_weight / (cfg.rrf_k + rank + 1)

    def _passages(self, hits: list[tuple[str, float]]) -> list[Passage]:
        chunks = {c.chunk_id: c for c in self.store.chunks_by_ids([h[0] for h in hits])}
        return [_to_passage(chunks[cid], s, i + 1) for i, (cid, s) in enumerate(h for h in hits if h[0] in chunks)]


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = re.compile(rf"\b({_MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b|\b(\d{{4}}-\d{{2}}-\d{{2}})\b")


def named_days(query: str) -> list[str]:
    """Calendar days the question names, as ISO dates."""
    from datetime import datetime

    out = []
    for m in _DAY.finditer(query):
        if m.group(4):
            out.append(m.group(4))
        else:
            try:
                out.append(datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%B %d %Y").date().isoformat())
            except ValueError:
                pass
    return out


_CLAUSE_SPLIT = re.compile(
    r"\s*(?:[;?]|,?\s+\b(?:while|whereas|but|although|compared (?:to|with)|in contrast to|as opposed to"
    r"|(?:and|who|which) (?:is|was|has|had|are|were|does|did) also|and also|as well as|in exchange for"
    r"|before|after|with the (?:former|latter))\b|,\s+(?:and|with)\b)\s*", re.I)


def clauses(query: str) -> list[str]:
    """The clauses of a compound question, or [] when it has one. Split at contrast and
    coordination words ("while", "compared to", ", and", "in exchange for")."""
    parts = [p.strip(" ,.") for p in _CLAUSE_SPLIT.split(query)]
    parts = [p for p in parts if len(fts_terms(p)) >= 3]
    return parts if len(parts) > 1 else []


def _narrow(f: Filters, **kw) -> Filters:
    return Filters(sources=kw.get("sources", f.sources), since=kw.get("since", f.since),
                   until=kw.get("until", f.until), doc_ids=f.doc_ids)


MAX_MERGED_CHARS = 2400


def diversify(chunks: list[StoredChunk], k: int, max_per_doc: int) -> list[StoredChunk]:
    """Best-first. A chunk that overlaps one already taken from the same article is merged into
    it (one longer passage, while under MAX_MERGED_CHARS) or else skipped; chunks per article
    are capped on a first pass (so multi-article questions get each article), then filled up."""
    picked: list[StoredChunk] = []
    per_doc: dict[str, int] = defaultdict(int)
    deferred: list[StoredChunk] = []
    for c in chunks:
        if len(picked) >= k:
            break
        same = [i for i, p in enumerate(picked) if p.doc_id == c.doc_id and _overlap(p, c) > 0]
        if same:
            merged: StoredChunk | None = picked[same[0]]
            for other in [picked[i] for i in same[1:]] + [c]:
                merged = _merge(merged, other) if merged is not None else None
            if merged is not None:  # c bridged or extended passages: they become one
                picked[same[0]] = merged
                for i in reversed(same[1:]):
                    del picked[i]
                per_doc[c.doc_id] -= len(same) - 1
            continue
        if per_doc[c.doc_id] >= max_per_doc:
            deferred.append(c)
            continue
        picked.append(c)
        per_doc[c.doc_id] += 1
    for c in deferred:
        if len(picked) >= k:
            break
        if not any(p.doc_id == c.doc_id and _overlap(p, c) > 0 for p in picked):
            picked.append(c)
    return picked


def _merge(a: StoredChunk, b: StoredChunk) -> StoredChunk | None:
    """The union of two overlapping chunks of one article (exact: both are slices of its text)."""
    if b.start >= a.start and b.end <= a.end:
        return a
    if a.start >= b.start and a.end <= b.end:
        first, second = b, b
    elif b.start < a.start:
        first, second = b, a
    else:
        first, second = a, b
    if second.start > first.end or max(first.end, second.end) - first.start > MAX_MERGED_CHARS:
        return None
    text = first.text + second.text[first.end - second.start:] if second.end > first.end else first.text
    return StoredChunk(chunk_id=a.chunk_id, doc_id=a.doc_id, seq=min(a.seq, b.seq), start=first.start,
                       end=max(first.end, second.end), text=text, title=a.title, source=a.source,
                       published=a.published, url=a.url)


def _overlap(a: StoredChunk, b: StoredChunk) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _to_passage(c: StoredChunk, score: float, rank: int) -> Passage:
    return Passage(chunk_id=c.chunk_id, doc_id=c.doc_id, title=c.title or "", source=c.source or "",
                   published=c.published or "", url=c.url or "", text=c.text, start=c.start, end=c.end,
                   score=round(float(score), 6), rank=rank)
