"""Sentence-level re-ranking of retrieved passages.

No cross-encoder with weights is available offline, so candidate sentences are scored with what
is: embedding similarity to the question (the same MiniLM), IDF-weighted lexical overlap,
whether the sentence names the actors the question names, and whether it carries the kind of
statement the question asks for (a pledge, a proposal, a position).
"""
from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import numpy as np

from index.embedding import Embedder
from index.models import Passage
from index.text import ATTRIBUTION, mentions, split_sentences, terms

from .query import Query

KIND_CUES = {
    "pledge": re.compile(r"\b(pledg\w*|vow\w*|promis\w*|commit\w*|will|guarantee\w*|undert\w*)\b", re.I),
    "proposal": re.compile(r"\b(propos\w*|offer\w*|suggest\w*|in (?:exchange|return) for|plan)\b", re.I),
    "demand": re.compile(r"\b(urg\w*|demand\w*|call(?:ed|s)? (?:on|for)|insist\w*|must)\b", re.I),
    "threat": re.compile(r"\b(threat\w*|warn\w*|unless)\b", re.I),
    "criticism": re.compile(r"\b(condemn\w*|critici[sz]\w*|denounc\w*|reckless|disappointing|reject\w*)\b", re.I),
    "position": re.compile(
        r"\b(said|says|position|oppos\w*|support\w*|believ\w*|think|agree\w*|reject\w*|should|must|stance)\b", re.I),
}

@dataclass
class Sentence:
    """A candidate sentence of a passage: text, its article offsets ``[start, end)`` and its passage."""
    passage: Passage
    start: int  # offsets into the article
    end: int
    text: str
    score: float = 0.0
    parts: dict = field(default_factory=dict)
    vector: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))


class SentenceRanker:
    """Scores candidate sentences against a query (embedding similarity to the question and its
    phrases, IDF overlap, actors, statement kind); caches sentence vectors (LRU)."""
    CACHE_SIZE = 50_000  # sentence vectors kept (~1.5 KB each): follow-ups re-rank the same passages

    def __init__(self, embedder: Embedder, dense_weight: float = 0.6, lexical_weight: float = 0.4):
        self.embedder = embedder
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        """Sentence vectors, from a bounded LRU cache where seen before."""
        with self._cache_lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known.update(zip(missing, self.embedder.embed(missing)))
        with self._cache_lock:
            for t in texts:
                self._cache[t] = known[t]
                self._cache.move_to_end(t)
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return np.array([known[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)

    def candidates(self, passages: list[Passage]) -> list[Sentence]:
        seen: set[tuple[str, int]] = set()
        out = []
        for p in passages:
            for s in split_sentences(p.text):
                key = (p.doc_id, p.start + s.start)
                text = p.text[s.start:s.end]
                if key in seen or len(text) < 25 or _is_heading(text, p.title):
                    continue
                seen.add(key)
                out.append(Sentence(p, p.start + s.start, p.start + s.end, text))
        return out

    def rank(self, query: Query, passages: list[Passage], by_parts: bool = False) -> list[Sentence]:
        """Candidate sentences of ``passages``, best first, scored against ``query`` (whose
        vectors must be filled). ``by_parts``: a sentence's embedding similarity is the best over
        the whole question and each of its phrases (``Query.parts``)."""
        sents = self.candidates(passages)
        if not sents:
            return []
        vecs = self.embed_sentences([s.text for s in sents])
        dense = vecs @ query.vector
        if by_parts and query.parts:
            pvecs = np.array([query.vector_of(p) for p in query.parts], dtype=np.float32)
            dense = np.maximum(dense, (vecs @ pvecs.T).max(axis=1))
        qterms = set(query.terms)
        df = Counter(t for s in sents for t in set(terms(s.text)))
        n = len(sents)
        idf = {t: math.log(1 + n / (1 + df.get(t, 0))) + 0.5 for t in qterms}
        total = sum(idf.values()) or 1.0
        names = query.names
        kind = query.kind
        for s, v, d in zip(sents, vecs, dense):
            st = set(terms(s.text))
            lex = sum(idf[t] for t in qterms if t in st) / total
            low = s.text.lower()
            name_hits = sum(1 for nm in names if mentions(low, nm)) / len(names) if names else 0.0
            cue = 0.0
            if kind and KIND_CUES.get(kind) and KIND_CUES[kind].search(s.text):
                cue = 1.0
            attributed = 1.0 if ATTRIBUTION.search(s.text) or "“" in s.text or '"' in s.text else 0.0
            s.vector = v
            s.parts = {"dense": float(d), "lexical": lex, "names": name_hits, "cue": cue,
                       "attributed": attributed, "rank": s.passage.rank}
            s.score = (self.dense_weight * float(d) + self.lexical_weight * lex + 0.12 * name_hits
                       + 0.10 * cue + 0.04 * attributed - 0.002 * s.passage.rank)
        sents.sort(key=lambda s: -s.score)
        return sents

    def rerank_passages(self, query: Query, passages: list[Passage], rank_weight: float = 0.5) -> list[Passage]:
        """Passages ordered by their best sentence (scored phrase by phrase), plus a share of
        their retrieval rank; renumbered from 1."""
        best: dict[str, float] = {}
        for s in self.rank(query, passages, by_parts=True):
            best[s.passage.chunk_id] = max(best.get(s.passage.chunk_id, -1.0), s.score)
        out = sorted(passages, key=lambda p: -(best.get(p.chunk_id, -1.0) + rank_weight / (p.rank + 1)))
        for i, p in enumerate(out):
            p.rank = i + 1
        return out


def _is_heading(text: str, title: str) -> bool:
    """Headlines and crossheads: not statements, never quoted as answers."""
    t = text.strip()
    return t == (title or "").strip() or not re.search(r"[.!?…”\"’')\]]$", t)
