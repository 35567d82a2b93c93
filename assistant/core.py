"""The one facade every surface (CLI, Python, Gradio UI, HTTP) uses."""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

from index.config import Settings, load_settings
from index.embedding import shared_embedder
from index.errors import BackendError, QuestionError
from index.ingest import IngestReport, Ingestor
from index.store import Filters, Store

from .answerer import ABSTAIN_TEXT, CHANGE_QUESTION, KIND_WORDS, ExtractiveAnswerer
from .models import Answer, Passage
from .rerank import SentenceRanker, named_entities, question_kind, terms
from .retrieval import HybridRetriever, _to_passage

MAX_QUESTION_CHARS = 2000
History = list[tuple[str, str]]  # (user question, assistant answer), oldest first


class Assistant:
    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.embedder = shared_embedder(settings.embed_dtype, settings.embed_batch)
        self.retriever = HybridRetriever(store, self.embedder)
        self.answerer = ExtractiveAnswerer(SentenceRanker(self.embedder))
        self._write_lock = threading.Lock()
        self._llms: dict[str, object] = {}
        self._actor_names: list[str] | None = None  # cached per index version: asked on every question

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
        self._invalidate()
        return report

    def documents(self, filters: dict | None = None) -> list[dict]:
        return self.store.list_documents(Filters.from_dict(filters))

    def document(self, doc_id: str) -> dict:
        return self.store.get_document(doc_id)

    def delete(self, doc_id: str) -> dict:
        with self._write_lock:
            out = self.store.delete_document(self.store.get_document(doc_id)["doc_id"])
        self._invalidate()
        return out

    def stats(self) -> dict:
        return self.store.stats()

    def _invalidate(self) -> None:
        self.retriever.invalidate()
        self._actor_names = None

    def sources(self) -> list[str]:
        return self.store.sources()

    # ------------------------------------------------------------------ questions
    RERANK_POOL = 30  # passages the sentence re-ranker re-orders

    def search(self, query: str, k: int = 10, filters: dict | None = None, rerank: bool = False) -> list[Passage]:
        """Hybrid passage search; ``rerank`` re-orders the top RERANK_POOL passages by their best
        sentence under the sentence ranker (slower, better recall at k: see the README)."""
        query = check_question(query)
        f = Filters.from_dict(filters)
        if not rerank:
            return self.retriever.retrieve(query, k, f)
        qvec = self.embedder.embed_one(query)
        pool = self.retriever.retrieve(query, max(k, self.RERANK_POOL), f, vector=qvec)
        return self.answerer.ranker.rerank_passages(query, pool, qvec)[:k]

    def ask(self, question: str, history: History | None = None, filters: dict | None = None,
            k: int | None = None, llm: str | None = None) -> Answer:
        result = None
        for item in self.stream(question, history, filters, k, llm):
            if isinstance(item, Answer):
                result = item
        assert result is not None
        return result

    def stream(self, question: str, history: History | None = None, filters: dict | None = None,
               k: int | None = None, llm: str | None = None) -> Iterator[str | Answer]:
        """Yield text deltas, then the final verified ``Answer``."""
        question = check_question(question)
        spec = self.settings.llm if llm is None else llm
        backend = self._backend(spec)  # raises BackendError for an unknown spec
        f = Filters.from_dict(filters)
        if self.store.is_empty():
            ans = Answer(question, ABSTAIN_TEXT + " The index is empty: ingest some articles first.", True)
            yield ans.answer
            yield ans
            return
        query = question
        if history:
            query = self._standalone(question, history, backend)
        k = k or (6 if backend else 10)
        qvec = self.embedder.embed_one(query)
        passages = self.retriever.retrieve(query, k, f, vector=qvec)
        boosted, extra, claims = self._claim_evidence(query, f)
        known = {p.chunk_id for p in passages}
        passages += [p for p in extra if p.chunk_id not in known][:3]
        for i, p in enumerate(passages):
            p.rank = i + 1
        if backend is not None:
            try:
                for item in backend.stream(question if query == question else query, passages, history):
                    if isinstance(item, Answer):
                        item.question = question
                    yield item
                return
            except BackendError as e:
                notice = f"{e} — showing the offline answer instead."
                yield f"\n\n_{notice}_\n\n"
                ans = self.answerer.answer(query, passages, qvec, boosted, self._speakers(passages),
                                       self.retriever.named_outlets(query))
                ans.question, ans.notice, ans.backend = question, notice, "extractive"
                yield ans.answer
                yield ans
                return
        ans = None
        if claims and CHANGE_QUESTION.search(question):
            ans = self.answerer.answer_timeline(question, claims, passages + extra)
        if ans is None:
            ans = self.answerer.answer(query, passages, qvec, boosted, self._speakers(passages),
                                       self.retriever.named_outlets(query))
        ans.question = question
        for i, piece in enumerate(re.split(r"(?<=\])\s+", ans.answer)):
            yield ("" if i == 0 else " ") + piece
        yield ans

    # ------------------------------------------------------------------ helpers
    def _backend(self, spec: str | None):
        from .llm import LLMAnswerer, parse_llm_spec

        parsed = parse_llm_spec(spec)
        if parsed is None:
            return None
        if parsed.spec not in self._llms:
            self._llms[parsed.spec] = LLMAnswerer(parsed)
        return self._llms[parsed.spec]

    def _standalone(self, question: str, history: History, backend) -> str:
        """A follow-up ("And what did Lavrov say?") made standalone: an LLM rewrite when a backend
        is set, else a deterministic carry-over of the previous question's actors and topic."""
        if backend is not None:
            try:
                return backend.rewrite_question(question, history) or question
            except BackendError:
                pass
        return carry_over(question, [q for q, _ in history])

    def _claim_evidence(self, question: str, f: Filters) -> tuple[dict, list[Passage]]:
        """Sentences carrying claims of the actors the question names (of the kind it asks
        for), and the passages that hold them."""
        names = named_entities(question)
        if not names:
            return {}, [], []
        actors = self.match_actors(names)
        if not actors:
            return {}, [], []
        kind = question_kind(question)
        kinds = [kind] if kind in ("pledge", "proposal", "demand", "criticism") else None
        claims = self.store.claims(actors=actors, kinds=kinds, filters=f)
        topic = set(terms(question)) - {t for n in names for t in terms(n)} - KIND_WORDS
        if topic:
            claims = [c for c in claims if topic & set(terms(c["text"] + " " + " ".join(c["topics"])))] or []
        boosted: dict[tuple[str, int], str] = {}
        extra: list[Passage] = []
        seen_chunks: set[str] = set()
        for c in claims[:24]:
            boosted[(c["doc_id"], c["sent_start"])] = c["actor"]
            chunk = self.store.chunk_covering(c["doc_id"], c["sent_start"], c["sent_end"])
            if chunk and chunk.chunk_id not in seen_chunks:
                seen_chunks.add(chunk.chunk_id)
                extra.append(_to_passage(chunk, 0.0, 0))
        return boosted, extra, claims

    def _speakers(self, passages: list[Passage]) -> dict[tuple[str, int], list[str]]:
        """Who each sentence of the passages attributes a statement to, from the claims table."""
        out: dict[tuple[str, int], list[str]] = {}
        docs = sorted({p.doc_id for p in passages})
        for c in self.store.claims(filters=Filters(doc_ids=docs)) if docs else []:
            names = out.setdefault((c["doc_id"], c["sent_start"]), [])
            if c["actor"] not in names:
                names.append(c["actor"])
        return out

    def match_actors(self, names: list[str]) -> list[str]:
        if self._actor_names is None:
            self._actor_names = [a["actor"] for a in self.store.actors()]
        known = self._actor_names
        out = []
        for n in names:
            nl = n.lower()
            for a in known:
                al = a.lower()
                if al == nl or al.split()[-1] == nl.split()[-1] and len(nl.split()[-1]) > 2:
                    out.append(a)
        return sorted(set(out))

    def positions(self, actor: str, topic: str | None = None, kind: str | None = None,
                  filters: dict | None = None) -> list[dict]:
        actors = self.match_actors([actor]) or [actor]
        return self.store.claims(actors=actors, kinds=[kind] if kind else None,
                                 filters=Filters.from_dict(filters), topic=topic or "")

    def actors(self) -> list[dict]:
        return self.store.actors()


_FOLLOWUP = re.compile(r"^(and|but|what about|how about|also)\b|\b(he|she|they|them|his|her|their|it|that|this)\b", re.I)


def carry_over(question: str, previous: list[str]) -> str:
    if not previous:
        return question
    prev = previous[-1]
    new_names = named_entities(question)
    if not _FOLLOWUP.search(question) and new_names and set(terms(question)) - {t for n in new_names for t in terms(n)}:
        return question  # already standalone
    prev_names = named_entities(prev)
    prev_topic = [w for w in re.findall(r"[\w’'-]+", prev) if terms(w) and not any(w in n for n in prev_names)]
    have = set(terms(question))
    add = [w for w in prev_topic if not set(terms(w)) <= have]
    if not new_names:
        add = prev_names + add
    return (question + " " + " ".join(add)).strip()


def check_question(question: str) -> str:
    q = (question or "").strip()
    if not q:
        raise QuestionError("the question is empty")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q
