"""Hybrid retrieval: dense (Chroma) and lexical (FTS5/BM25) rankings fused with reciprocal
rank fusion, boosted by metadata the question names (outlets), de-duplicated and diversified
across articles."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from index.actors import fold
from index.filtering import Bounds
from index.models import Filters, Passage
from index.store import IndexReader

from .query import Query


@dataclass
class RetrievalConfig:
    """Knobs of hybrid retrieval: candidate counts, the RRF constant, clause weight, passages per article."""
    candidates: int = 60  # per ranking, before fusion
    rrf_k: int = 20  # reciprocal rank fusion constant: 1 / (rrf_k + rank)
    clause_weight: float = 1.0  # weight of the retrievals run for each clause of a compound question
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    outlet_boost: float = 2.0  # weight of the retrievals restricted to outlets or days the question names
    dense_pool: int = 600  # dense candidates a pooled (outlet or day) ranking picks its own from
    # Clauses of a compound question are ranked lexically; by their own vectors too when set (MultiHop-RAG
    # tuning half at 12k chunks: hybrid recall@10 0.666 without, 0.651 with; re-ranked 0.706 / 0.705).
    clause_dense: bool = False
    max_per_doc: int = 3


@dataclass(frozen=True)
class Ranking:
    """One planned ranking of a retrieval: ``text`` (lexical) and ``vector`` (dense) under
    ``filters``, fused with ``weight``. ``pooled``: a ranking that only adds weight (an outlet
    or day the question names) takes its candidates from those of ranking number ``pool_of``
    (the same text without the outlet or day: ``RetrievalConfig.dense_pool`` dense ones, and
    the text's shared BM25 pool, see ``Catalog.search_lexical_many``) instead of ranking
    inside its filter."""
    text: str
    vector: object
    filters: Filters
    weight: float
    pooled: bool = False
    pool_of: int = -1


class HybridRetriever:
    """Passages for a ``Query`` from an index ``reader`` (dense + lexical rankings, RRF-fused)."""

    def __init__(self, reader: IndexReader, config: RetrievalConfig | None = None):
        self.reader = reader
        self.config = config or RetrievalConfig()

    def dense(self, query: Query, k: int) -> list[Passage]:
        """Plain dense top-k (the baseline the benchmarks compare against)."""
        return self._passages(self.reader.search_dense(query.vector, k, query.filters))

    def retrieve(self, query: Query, k: int = 10) -> list[Passage]:
        """The ``k`` best passages, ranked from 1; ``query.vectors`` must be filled."""
        cfg = self.config
        jobs: list[Ranking] = []
        # the lexical ranking also looks for the names without their accents ("Pedro Sánchez" typed, a title
        # or article writing "Pedro Sanchez"): typed with or without them, a name finds the same passages
        plain = [f for n in query.names if (f := fold(n)) != n.lower()]
        text = " ".join([query.text] + plain)
        self._fuse_with_named(jobs, text, query.vector, query.outlets, query.days, query.filters, 1.0)
        # A compound question ("Does X report A, while Y suggests B?") is also retrieved clause
        # by clause, each clause within the outlet it names, so every part finds its evidence.
        for clause in query.clauses if cfg.clause_weight else ():
            vec = query.vector_of(clause.text) if cfg.clause_dense else None
            self._fuse_with_named(jobs, clause.text, vec, clause.outlets, clause.days,
                                  query.filters, cfg.clause_weight)
        matched: set[str] = set()
        fused = self._fuse_all(jobs, matched)
        chunks = {c.chunk_id: c for c in self.reader.passages(list(fused))}
        # Equal fused scores (the top of the dense list and of the lexical list, 1 / (rrf_k + 1)
        # each): a chunk holding the question's words goes first.
        ranked = sorted((cid for cid in fused if cid in chunks), key=lambda c: (-fused[c], c not in matched))
        picked = diversify([chunks[c] for c in ranked], k, cfg.max_per_doc)
        return [_ranked(c, fused[c.chunk_id], i + 1) for i, c in enumerate(picked)]

    def _fuse_with_named(self, jobs: list[Ranking], text: str, vec, outlets: Sequence[str],
                         days: Sequence[str], filters: Filters, weight: float) -> None:
        """Plan the text's rankings, plus one restricted retrieval per outlet ("as reported by
        TechCrunch") or publication day ("published on October 7, 2023") it names, so each
        article a multi-article question points at is represented."""
        base = len(jobs)
        jobs.append(Ranking(text, vec, filters, weight))
        boost = weight * self.config.outlet_boost
        for outlet in outlets if not filters.sources else ():
            jobs.append(Ranking(text, vec, filters.narrow(sources=[outlet]), boost, pooled=True, pool_of=base))
        for day in days if not (filters.since or filters.until) else ():
            jobs.append(Ranking(text, vec, filters.narrow(since=day, until=day), boost, pooled=True, pool_of=base))

    def _fuse_all(self, jobs: list[Ranking], matched: set[str] | None = None) -> dict[str, float]:
        """Run every planned ranking and fuse them with RRF, in plan order. Dense rankings under
        one filter share a Chroma query and lexical rankings of one text share a BM25 pool; the
        groups run side by side in threads (Chroma and SQLite release the GIL). A ``pooled``
        ranking keeps the candidates of its ``pool_of`` ranking that pass its filter (dense: of
        ``dense_pool``; MultiHop-RAG tuning half at 12k chunks: the same recall@10, and a Chroma
        query fewer per outlet); every other ranking is the same as when run alone. ``matched``,
        when given, receives the chunks some lexical ranking found."""
        cfg = self.config
        pools = {j.pool_of for j in jobs if j.pooled and j.pool_of >= 0 and j.vector is not None}
        by_filter: dict[tuple[Bounds, int], list[int]] = defaultdict(list)  # Filters is a mutable dataclass
        by_text: dict[str, list[int]] = defaultdict(list)
        for i, job in enumerate(jobs):
            by_text[job.text].append(i)
            if job.vector is not None and not (job.pooled and job.pool_of >= 0):  # no vector: lexical only
                k = max(cfg.candidates, cfg.dense_pool) if i in pools else cfg.candidates
                by_filter[(Bounds.of(job.filters), k)].append(i)
        dense_runs = [(idx, _POOL.submit(self.reader.search_dense_many, [jobs[i].vector for i in idx],
                                         k, jobs[idx[0]].filters)) for (_, k), idx in by_filter.items()]
        lexical_runs = [(idx, _POOL.submit(self.reader.search_lexical_many, text, cfg.candidates,
                                           [jobs[i].filters for i in idx], [jobs[i].pooled for i in idx]))
                        for text, idx in by_text.items()]
        dense: dict[int, list] = {}
        lexical: dict[int, list] = {}
        for runs, out in ((dense_runs, dense), (lexical_runs, lexical)):
            for idx, run in runs:
                out.update(zip(idx, run.result()))
        if pools:
            found = self.reader.chunk_bounds({cid for i in pools for cid, _ in dense[i]})
            for i, job in enumerate(jobs):
                if job.pooled and job.pool_of >= 0 and job.vector is not None:
                    bounds = Bounds.of(job.filters)
                    dense[i] = [h for h in dense[job.pool_of]
                                if h[0] in found and bounds.admits(*found[h[0]])][:cfg.candidates]
            for i in pools:
                dense[i] = dense[i][:cfg.candidates]
        fused: dict[str, float] = defaultdict(float)
        for i, job in enumerate(jobs):
            for rank, (cid, _) in enumerate(dense.get(i, ())):
                fused[cid] += job.weight * cfg.dense_weight / (cfg.rrf_k + rank + 1)
            for rank, (cid, _) in enumerate(lexical[i]):
                fused[cid] += job.weight * cfg.lexical_weight / (cfg.rrf_k + rank + 1)
                if matched is not None:
                    matched.add(cid)
        return fused

    def _passages(self, hits: list[tuple[str, float]]) -> list[Passage]:
        chunks = {c.chunk_id: c for c in self.reader.passages([h[0] for h in hits])}
        return [_ranked(chunks[cid], s, i + 1) for i, (cid, s) in enumerate(h for h in hits if h[0] in chunks)]


MAX_MERGED_CHARS = 2400
#: Threads running the rankings of a question (shared by all retrievers of the process).
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="attache-retrieve")


def diversify(chunks: list[Passage], k: int, max_per_doc: int) -> list[Passage]:
    """Best-first. A chunk that overlaps one already taken from the same article is merged into
    it (one longer passage, while under MAX_MERGED_CHARS) or else skipped; chunks per article
    are capped on a first pass (so multi-article questions get each article), then filled up."""
    picked: list[Passage] = []
    per_doc: dict[str, int] = defaultdict(int)
    deferred: list[Passage] = []
    for c in chunks:
        if len(picked) >= k:
            break
        same = [i for i, p in enumerate(picked) if p.doc_id == c.doc_id and _overlap(p, c) > 0]
        if same:
            merged: Passage | None = picked[same[0]]
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


def _merge(a: Passage, b: Passage) -> Passage | None:
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
    return replace(a, seq=min(a.seq, b.seq), start=first.start, end=max(first.end, second.end), text=text)


def _overlap(a: Passage, b: Passage) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _ranked(c: Passage, score: float, rank: int) -> Passage:
    return replace(c, score=round(float(score), 6), rank=rank)
