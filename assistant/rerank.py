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

from index.chunking import split_sentences
from index.embedding import Embedder

from .models import Passage

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
STOPWORDS = set("""a an and are as at be been but by did do does for from had has have he her his how i if
in into is it its of on or our she so than that the their them then there these they this those to was
we were what when where which who whom whose why will with would you your about after before between
both can could should may might must also any all more most other some such only own same very just
over under according reported report reports article articles say says said tell told stance position
positions pledge pledged pledges propose proposed proposal change changed changes view views think
describe described react reaction respond responded news publish published""".split())

KIND_CUES = {
    "pledge": re.compile(r"\b(pledg\w*|vow\w*|promis\w*|commit\w*|will|guarantee\w*|undert\w*)\b", re.I),
    "proposal": re.compile(r"\b(propos\w*|offer\w*|suggest\w*|in (?:exchange|return) for|plan)\b", re.I),
    "demand": re.compile(r"\b(urg\w*|demand\w*|call(?:ed|s)? (?:on|for)|insist\w*|must)\b", re.I),
    "criticism": re.compile(r"\b(condemn\w*|critici[sz]\w*|denounc\w*|reckless|disappointing|reject\w*)\b", re.I),
    "position": re.compile(r"\b(said|says|position|oppos\w*|support\w*|believ\w*|think|agree\w*|reject\w*|should|must|stance)\b", re.I),
}
QUESTION_KIND = [
    ("pledge", re.compile(r"\b(pledg\w*|promis\w*|vow\w*|commit\w*)\b", re.I)),
    ("proposal", re.compile(r"\b(propos\w*|offer\w*|in (?:exchange|return))\b", re.I)),
    ("demand", re.compile(r"\b(urg\w*|demand\w*|call(?:ed)? on|ask(?:ed)? \w+ to)\b", re.I)),
    ("criticism", re.compile(r"\b(critici[sz]\w*|condemn\w*|react\w*)\b", re.I)),
    ("position", re.compile(r"\b(position|stance|view|think|say|said|describe\w*|opinion)\b", re.I)),
]
ATTRIBUTION = re.compile(
    r"\b(said|says|told|stated|added|pledged|vowed|promised|proposed|urged|demanded|warned|argued|"
    r"insisted|called|announced|according to|reiterated|stressed|declared|noted|offered|rejected)\b", re.I)


def terms(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'").strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in STOPWORDS:
            w = stem(w)
            out.append(SYNONYMS.get(w, w))
    return out


# Stems that news and questions use for the same thing ("in return for" = "in exchange for").
SYNONYMS = {"return": "exchang", "swap": "exchang", "drill": "exercis", "stance": "position"}


def stem(w: str) -> str:
    """A crude suffix stripper: enough to match "pledged"/"pledges"/"pledge", "urge"/"urged"."""
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def question_kind(question: str) -> str | None:
    for kind, rx in QUESTION_KIND:
        if rx.search(question):
            return kind
    return None


_NAME = re.compile(r"\b([A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*)")
_NOT_NAMES = set("""What Who Whom Whose Which When Where Why How Did Does Do Is Are Was Were Has Have Had Can
Could Should Would Will And Or The A An In On At Of For To From By As After Before Between Both According
Published Reported""".split())


def named_entities(question: str) -> list[str]:
    """Capitalised names in the question ("Lavrov", "North Korea", "Xi"), minus question words."""
    names = []
    for m in _NAME.finditer(question):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES]
        while words and words[0].lower() in ("of", "the"):
            words.pop(0)
        if words:
            name = " ".join(words).replace("’s", "").replace("'s", "").strip("'’\"“”")
            if len(name) > 1:
                names.append(name)
    return names


_PART_SPLIT = re.compile(r"\s*(?:[;?]|,|\b(?:while|whereas|but|and|although|compared (?:to|with)|as well as"
                         r"|in exchange for|before|after)\b)\s*", re.I)


def question_parts(question: str) -> list[str]:
    """The phrases of a question, split at commas and conjunctions: a multi-part question
    ("who pledged A, proposed B and rejected C") has a sentence of evidence for each phrase,
    and each sentence resembles its phrase more than the whole question."""
    parts = [p.strip(" ,.") for p in _PART_SPLIT.split(question)]
    parts = [p for p in parts if len(terms(p)) >= 2]
    return parts if len(parts) > 1 else []


@dataclass
class Sentence:
    passage: Passage
    start: int  # offsets into the article
    end: int
    text: str
    score: float = 0.0
    parts: dict = field(default_factory=dict)
    vector: np.ndarray | None = None


class SentenceRanker:
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

    def rank(self, question: str, passages: list[Passage], qvec=None, by_parts: bool = False) -> list[Sentence]:
        """Candidate sentences, best first. ``by_parts``: a sentence's embedding similarity is the
        best over the whole question and each of its phrases (``question_parts``)."""
        sents = self.candidates(passages)
        if not sents:
            return []
        qvec = self.embedder.embed_one(question) if qvec is None else qvec
        vecs = self.embed_sentences([s.text for s in sents])
        dense = vecs @ qvec
        parts = question_parts(question) if by_parts else []
        if parts:
            dense = np.maximum(dense, (vecs @ self.embedder.embed(parts).T).max(axis=1))
        qterms = set(terms(question))
        df = Counter(t for s in sents for t in set(terms(s.text)))
        n = len(sents)
        idf = {t: math.log(1 + n / (1 + df.get(t, 0))) + 0.5 for t in qterms}
        total = sum(idf.values()) or 1.0
        names = named_entities(question)
        kind = question_kind(question)
        for s, v, d in zip(sents, vecs, dense):
            st = set(terms(s.text))
            lex = sum(idf[t] for t in qterms if t in st) / total
            low = s.text.lower()
            name_hits = sum(1 for nm in names if _mentions(low, nm)) / len(names) if names else 0.0
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

    def rerank_passages(self, question: str, passages: list[Passage], qvec=None,
                        rank_weight: float = 0.5) -> list[Passage]:
        """Passages ordered by their best sentence (scored phrase by phrase), plus a share of
        their retrieval rank; renumbered from 1."""
        best: dict[str, float] = {}
        for s in self.rank(question, passages, qvec, by_parts=True):
            best[s.passage.chunk_id] = max(best.get(s.passage.chunk_id, -1.0), s.score)
        out = sorted(passages, key=lambda p: -(best.get(p.chunk_id, -1.0) + rank_weight / (p.rank + 1)))
        for i, p in enumerate(out):
            p.rank = i + 1
        return out


def _is_heading(text: str, title: str) -> bool:
    """Headlines and crossheads: not statements, never quoted as answers."""
    t = text.strip()
    return t == (title or "").strip() or not re.search(r"[.!?…”\"’')\]]$", t)


def _mentions(text_lower: str, name: str) -> bool:
    """A name counts as mentioned if its last word appears ("Sergei Lavrov" -> "lavrov")."""
    parts = name.lower().split()
    if not parts:
        return False
    last = parts[-1]
    return name.lower() in text_lower or last in text_lower or (last.endswith("s") and last[:-1] in text_lower)
