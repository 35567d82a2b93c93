"""The one facade every surface (CLI, Python, Gradio UI, HTTP) uses: ``Assistant``.

A question's route: ``QueryParser.parse`` (the question understood once) -> ``QueryParser.embed``
-> ``EvidenceGatherer.gather`` (hybrid retrieval + claims) -> an ``Answerer`` (offline
extractive, or an LLM whose reply ``verify`` checks) -> events (``TextDelta``... ``AnswerReady``).
"""
from __future__ import annotations

import operator
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from index.actors import ActorResolver, fold, learn_states, role_country
from index.config import Settings, is_offline_llm, load_settings
from index.embedding import shared_embedder
from index.errors import BackendError, NotFound, QuestionError
from index.filtering import pub_day, until_day
from index.ingest import Ingestor, IngestReport
from index.models import STATEMENT_KINDS, ActorSummary, Claim, Document, Filters, IndexStats, Passage
from index.store import Store

from .actdate import act_dated
from .answerer import (
    Answerer,
    ExtractiveAnswerer,
    answer_of,
    cited_only,
    deltas,
    outlet_list,
    silent_phrase,
    unknown_outlets_text,
)
from .compare import Comparison, compare_answer, compare_claims, is_compare_question
from .evidence import Evidence, EvidenceGatherer
from .models import ABSTAIN_TEXT, Answer, StreamEvent, TextDelta
from .query import (
    OFFICE_ROLE,
    History,
    OfficeAsked,
    OrgOfficeAsked,
    Query,
    QueryParser,
    asked_offices,
    asked_org_offices,
    office_holders,
    org_office_holders,
    role_giver,
    role_names,
)
from .rerank import SentenceRanker
from .retrieval import HybridRetriever
from .stance import head_states, holder_statements
from .topic import (
    FRAME_TERMS,
    Topic,
    countries_named,
    named_before,
    speech_sentences,
    speech_state_of,
    statements_about,
)
from .yeardated import noting_years

FilterSpec = Filters | dict[str, Any] | None


class InvalidArgument(QuestionError, ValueError):
    """An argument outside what it may be (``k`` under 1, an unknown statement ``kind``, a date
    range whose ``since`` is after its ``until``). The message names the parameter, the value
    given and what is allowed; ``field`` is the parameter's name ("k", "kind", "since").

    A ``ValueError`` for Python callers and a ``QuestionError`` for the adapters: the CLI prints
    it on stderr and exits 2, the HTTP API answers 400 (422 for a request field) with JSON naming
    the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


_GIVEN = object()  # "not passed" for check_arguments (None is a value some parameters take)


def check_arguments(*, k: Any = _GIVEN, k_default: bool = False, k_max: int | None = None, kind: Any = _GIVEN,
                    filters: FilterSpec = None) -> Filters:
    """The one check of the arguments every surface passes on (the Python API, ``attache``'s
    flags, HTTP request fields); returns ``filters`` as a ``Filters``.

    ``k`` (passages): an integer of at least 1 (at most ``k_max`` when given); None only with
    ``k_default`` (the default is then used). ``kind`` (statement kind): None, "" (any kind) or
    one of ``STATEMENT_KINDS``. ``filters``: see ``Filters``; ``since`` must not be later than
    ``until`` (compared as the first day ``since`` admits and the last ``until`` admits, so
    ``since="2024-05", until="2024-05"`` is May 2024). Parameters not passed are not checked.

    Raises ``InvalidArgument`` (a ``ValueError``) naming the parameter, the value and what is
    allowed; ``QuestionError`` for a malformed filter (see ``Filters``)."""
    if k is not _GIVEN:
        check_k(k, default=k_default, maximum=k_max)
    if kind is not _GIVEN:
        check_kind(kind)
    f = Filters.from_dict(filters)
    if f.since and f.until and pub_day(f.since) > until_day(f.until):
        raise InvalidArgument("since", f"since {f.since!r} is later than until {f.until!r}: no date is in that "
                                       "range (since must be on or before until)")
    return f


def check_k(k: Any, default: bool = False, maximum: int | None = None) -> int | None:
    """``k`` when it is an integer from 1 (to ``maximum``); None when it is None and ``default``
    allows it. Raises ``InvalidArgument`` otherwise (see ``check_arguments``)."""
    allowed = f"an integer from 1 to {maximum}" if maximum else "an integer of at least 1"
    if k is None and default:
        return None
    try:
        n = operator.index(k) if not isinstance(k, bool) else None
    except TypeError:
        n = None
    if n is None or n < 1 or (maximum is not None and n > maximum):
        raise InvalidArgument("k", f"k (number of passages) must be {allowed}, not {k!r}")
    return n


def check_kind(kind: Any) -> str | None:
    """``kind`` when it is one of ``STATEMENT_KINDS`` (None or "" for any kind: None). Raises
    ``InvalidArgument`` naming the allowed kinds otherwise."""
    if kind is None or kind == "":
        return None
    if kind not in STATEMENT_KINDS:
        raise InvalidArgument("kind", f"kind must be one of {', '.join(STATEMENT_KINDS)} (or empty for any), "
                                      f"not {kind!r}")
    return kind


class Assistant:
    """Questions, search and the library over one index.

    ``filters`` arguments take a ``Filters`` or its dict form (see ``Filters``); ``history``
    is (question, answer) pairs, oldest first. Errors are ``AttacheError`` subclasses with a
    one-line message: ``QuestionError`` (bad question or filters), ``NotFound``,
    ``StoreError``, ``BackendError`` (unknown LLM spec; a failing backend falls back instead).
    Arguments outside their range (``k`` under 1, an unknown ``kind``, ``since`` after
    ``until``) raise ``InvalidArgument``, a ``QuestionError`` that is also a ``ValueError``
    (see ``check_arguments``).
    """

    RERANK_POOL = 30  # passages the sentence re-ranker re-orders

    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.embedder = shared_embedder(settings.embed_dtype, settings.embed_batch)
        self.retriever = HybridRetriever(store)
        self.ranker = SentenceRanker(self.embedder, stored=store.sentence_vectors)
        self.answerer = ExtractiveAnswerer(self.ranker)
        self.evidence = EvidenceGatherer(store, self.retriever)
        self.parser = QueryParser(outlets=store.sources, actors=self._index_actors,
                                  embed=self.embedder.embed, gender=self.evidence.person_gender,
                                  officials=store.officials,
                                  days=lambda: [d.published for d in store.documents() if d.published],
                                  defined=self._defined_forms, texts_naming=self._texts_naming)
        self._write_lock = threading.Lock()
        self._generation = -1  # the catalog generation the parser's cached actors and outlets were read at
        self._llms: dict[str, Answerer] = {}
        self._preload: list[threading.Thread] = []

    def _defined_forms(self, acronym: str, reach: int = 20) -> list[str]:
        """The long forms the articles holding ``acronym`` define it as ("the European Consumer Organisation (BEUC)"),
        for the question parser: an acronym typed in a question is the body an article spells out."""
        hits = self.store.search_lexical(acronym, reach)
        return [long for p in self.store.passages([cid for cid, _ in hits]) for long in named_before(p.text, acronym)]

    def _texts_naming(self, name: str, reach: int = 20) -> list[str]:
        """The texts of the (at most ``reach``) passages a lexical search for ``name`` finds, for the question parser:
        where an article introduces a person with the state of their office ("U.S. Treasury Secretary Janet
        Yellen")."""
        return [p.text for p in self.store.passages([cid for cid, _ in self.store.search_lexical(name, reach)])]

    def _index_actors(self) -> list[str]:
        """The index's actor names, for the question parser; on the way, the states the index knows
        that no country table does (a user's invented countries: "Brevania", spoken for by
        "Brevania's Foreign Minister") become states for every resolver of this process."""
        rows = self.store.actors()
        resolver = ActorResolver()
        roles = self.store.roles()
        learn_states([a.actor for a in rows if a.actor_type == "government" and not resolver.country_of(a.actor)]
                     + sorted(set(resolver.states_in("\n".join(roles)).values())))
        names = [n for a in rows for n in [a.actor, *a.spellings]]
        # a state only its officials speak for ("Kestria's Foreign Minister"): asked about by name too
        spoken_for = {c for r in roles if (c := role_country(r, resolver))} - set(names)
        # (and one spoken for by its head quoted by the bare title: "President Abdel-Fattah El-Sisi", Egypt's)
        spoken_for |= set(head_states(self.store).values()) - set(names)
        return names + sorted(spoken_for)

    @classmethod
    def open(cls, store: str | Path | None = None, chroma_url: str | None = None, llm: str | None = None,
             create: bool = True, preload: bool = False, **overrides: Any) -> Assistant:
        """Open (or with ``create``, create) the index at ``store`` with settings from the
        config file and environment, overridden by the arguments. Raises ``StoreError``.

        ``preload``: for a process about to ask one question (``attache ask``/``search``), load
        the query encoder while the store opens, and Chroma's vector index while the question
        is parsed and encoded, in background threads (``join_preload`` waits for them)."""
        settings = load_settings(store=str(store) if store else None, chroma_url=chroma_url, llm=llm, **overrides)
        threads = []
        if preload and (settings.chroma_url or Path(settings.store_path).is_dir()):
            embedder = shared_embedder(settings.embed_dtype, settings.embed_batch)  # the instance __init__ gets
            threads.append(_background(embedder.embed_one, "warm up"))
        try:
            a = cls(settings, Store(settings, create=create))
        except BaseException:
            for t in threads:  # the store cannot open: let the encoder finish loading, then fail
                t.join()
            raise
        if threads:
            threads.append(_background(a.store.vectors.prefetch))
        a._preload = threads
        return a

    def join_preload(self) -> None:
        """Wait for ``open(preload=True)``'s background loading (before the process exits)."""
        for t in self._preload:
            t.join()

    # ------------------------------------------------------------------ library
    def ingest(self, paths: list[str | Path], fmt: str | None = None, source: str | None = None,
               progress: Any = False) -> IngestReport:
        """Add files and folders; see ``Ingestor.ingest``. One bad file does not stop the others."""
        with self._write_lock:
            report = Ingestor(self.store, self.embedder).ingest(paths, fmt, source, progress)
        self.parser.invalidate()
        return report

    def documents(self, filters: FilterSpec = None) -> list[Document]:
        """Documents (without their text), by date then title."""
        return self.store.documents(self.parser.resolve_filters(check_arguments(filters=filters)))

    def document(self, doc_id: str) -> Document:
        """One document with its text; ``doc_id`` may be a unique prefix. Raises ``NotFound``."""
        return self.store.document(doc_id)

    def delete(self, doc_id: str) -> dict[str, Any]:
        """Remove a document and everything indexed from it: ``{"doc_id", "title", "deleted"}``."""
        with self._write_lock:
            out = self.store.delete_document(self.store.document(doc_id).doc_id)
        self.parser.invalidate()
        return out

    def stats(self) -> IndexStats:
        return self.store.stats()

    def sources(self) -> list[str]:
        """Outlet names in the index, sorted."""
        return self.store.sources()

    def source_notices(self, filters: FilterSpec = None, shown: int = 8) -> list[str]:
        """One line per outlet name of ``filters["sources"]`` that names no outlet of the index
        (it then matches nothing; a name matches the outlets containing it, as
        ``QueryParser.resolve_filters`` reads it): ``"no outlet named 'X' in the index (outlets:
        A, B and N more)"``, listing the first ``shown`` outlets. ``[]`` when every name matches. The CLI
        prints these on stderr, the HTTP API returns them as ``notices``."""
        names = Filters.from_dict(filters).sources
        if not names:
            return []
        known = self.sources()
        resolved = set(self.parser.resolve_filters({"sources": names}).sources)
        listed = outlet_list(known, shown)
        return [f"no outlet named {name!r} in the index (outlets: {listed or 'none'})"
                for name in dict.fromkeys(names) if name in resolved and name not in known]  # kept as given

    # ------------------------------------------------------------------ questions
    def query(self, question: str, history: History | None = None, filters: FilterSpec = None,
              llm: str | None = None) -> Query:
        """The question understood once (follow-ups made standalone, by the LLM when one is set)."""
        backend = self._backend(self.settings.llm if llm is None else llm)
        gen = self.store.catalog.generation()
        if gen != self._generation:  # (another process, `attache ingest` beside `serve`, changed the index)
            self._generation = gen
            self.parser.invalidate()
        standalone = None
        if history and backend is not None and hasattr(backend, "rewrite_question"):
            try:
                standalone = backend.rewrite_question(question, history) or None
            except BackendError:
                standalone = None
        return self.parser.parse(question, history, filters, standalone=standalone)

    def search(self, query: str, k: int = 10, filters: FilterSpec = None, rerank: bool = True) -> list[Passage]:
        """Hybrid passage search, ranked from 1. ``rerank`` (default) re-orders the top
        RERANK_POOL passages by their best sentence under the sentence ranker, reading the
        sentence vectors stored at ingestion (only the question and its phrases are encoded);
        ``rerank=False`` is plain hybrid retrieval. ``k``: an integer of at least 1 (else
        ``InvalidArgument``, as for ``since`` after ``until``)."""
        filters = check_arguments(k=k, filters=filters)
        q = self.parser.embed(self.parser.parse(query, filters=filters), parts=rerank,
                              clauses=self.retriever.config.clause_dense)
        if not rerank:
            return self.retriever.retrieve(q, k)
        pool = self.retriever.retrieve(q, max(k, self.RERANK_POOL))
        return self.ranker.rerank_passages(q, pool)[:k]

    def ask(self, question: str, history: History | None = None, filters: FilterSpec = None,
            k: int | None = None, llm: str | None = None) -> Answer:
        """The final answer to ``question`` (see ``stream``; the same ``InvalidArgument`` for a bad
        ``k`` or date range, raised here)."""
        return answer_of(self.stream(question, history, filters, k, llm))

    #: How many times a question may be asked again in other words (an office by its holder's name): a rewrite
    #: that leaves the question as it was, or one more than this, is answered as asked, never asked again.
    MAX_REWRITES = 2

    def stream(self, question: str, history: History | None = None, filters: FilterSpec = None,
               k: int | None = None, llm: str | None = None) -> Iterator[StreamEvent]:
        """Yield ``TextDelta`` events, then one ``AnswerReady`` with the verified ``Answer``.

        ``k``: passages to retrieve, an integer of at least 1 or None (default 10 offline, 6 for
        an LLM). ``llm``: a backend spec for this question (default: the settings'). When the
        backend fails, a notice delta and the offline answer follow. A bad ``k`` or a ``since``
        after ``until`` raises ``InvalidArgument`` on the first ``next()``."""
        return self._stream(question, history, filters, k, llm, ())

    def _rewritten(self, question: str, asked: str, rewrites: tuple[str, ...]) -> tuple[str, ...] | None:
        """The questions already asked on the way to ``asked`` with ``question`` added, when ``asked`` may be asked
        in place of ``question``; None when it is the question unchanged or one asked before, or when too many
        rewrites came before ("What did the Egyptian president say?" was rewritten by looking for "Egypt's
        president" in it, left unchanged and asked again until Python's recursion limit)."""
        if fold(asked).lower() == fold(question).lower() or len(rewrites) >= self.MAX_REWRITES \
                or fold(asked).lower() in {fold(r).lower() for r in rewrites}:
            return None
        return (*rewrites, question)

    def _stream(self, question: str, history: History | None, filters: FilterSpec, k: int | None, llm: str | None,
                rewrites: tuple[str, ...]) -> Iterator[StreamEvent]:
        """``stream``; ``rewrites``: the questions this one was rewritten from (see ``_rewritten``)."""
        filters = check_arguments(k=k, k_default=True, filters=filters)
        spec = self.settings.llm if llm is None else llm
        backend = self._backend(spec)  # raises BackendError for an unknown spec
        query = self.query(question, history, filters, llm=spec)
        if self.store.is_empty():
            yield from deltas(Answer(query.question, ABSTAIN_TEXT + " The index is empty: ingest some articles first.",
                                     True))
            return
        if query.unknown_outlets and not query.cited_outlets:
            yield from deltas(Answer(query.question, unknown_outlets_text(query.unknown_outlets, self.store.sources()),
                                     True))
            return
        if filters.sources and not any(self.parser.outlets_matching(s) for s in filters.sources):
            # `--source Reuters` and no article of the index is from it: said in the answer, as "According to
            # Reuters, ..." is (it said "Nothing in the index matches the question")
            yield from deltas(Answer(query.question, unknown_outlets_text(filters.sources, self.store.sources()),
                                     True))
            return
        if query.offices:
            resolver = ActorResolver()
            officials = sorted(self.store.officials())
            bare = {o.phrase: self._bare_holders(o, officials, resolver) for o in query.offices}  # (read once)
            office = query.offices[0]
            person = bare[office.phrase][0] if len(query.offices) == 1 and len(bare[office.phrase]) == 1 else ""
            # (the office as the question writes it: "the Egyptian president", "the Israeli PM", "Egypt's president")
            asked = _replaced(query.question, [office.written, office.phrase], person) if person else query.question
            again = self._rewritten(query.question, asked, rewrites) if person else None
            if again is not None:
                # "What did Germany's foreign minister say about Ukraine?" and one person is quoted as "Foreign
                # Minister" with no state named, in articles about Germany (other officials of the state may
                # be quoted: none holds it): answered about them, saying so
                answer = answer_of(self._stream(asked, history, filters, k, llm, again))
                answer.answer = (f"Taking {person} (quoted as “{office.office.title()}” with no state named, in "
                                 f"articles about {office.country}) as {office.phrase}: {answer.answer}")
                answer.question = query.question
                yield from deltas(answer)
                return
            yield from deltas(Answer(query.question, self._unheld_offices_text(query, officials, bare, resolver),
                                     True))
            return
        if is_compare_question(query.text, query.actors):
            # "Compare X's and Y's positions on Z": the same side-by-side as `attache compare`.
            ordered = [m for n in query.names for m in self.parser.match_actors([n]) if m in query.actors]
            actors = list(dict.fromkeys(ordered + list(query.actors)))  # in the order the question names them
            comparison = self._comparison(actors, query.topic, filters=query.filters)
            yield from deltas(compare_answer(query.question, comparison, self._passage_of))
            return
        self.parser.embed(query, parts=False, clauses=self.retriever.config.clause_dense)
        evidence = self.evidence.gather(query, k, for_llm=backend is not None)
        held = self._org_office_held(query, evidence)
        if isinstance(held, OrgOfficeAsked):
            # "What did Lumina's chief executive say?" and no article found gives that office to anyone quoted: say
            # so before what was found, never as the office's words (it quoted the communications director)
            answer = self.answerer.answer(query, evidence)
            if not answer.abstained and answer.citations:
                answer.answer = (f"{ABSTAIN_TEXT} No article found says who {held.phrase} is, nor quotes them. "
                                 f"Statements found on this: {answer.answer}")
                answer.abstained = True
            yield from deltas(answer)
            return
        again = None
        if held is not None:
            org_office, person = held
            asked = query.question.replace(org_office.phrase, person, 1)
            again = self._rewritten(query.question, asked, rewrites)  # (None: answered as asked, below)
        if held is not None and again is not None:
            # "What did Meta's communications director say about the bug?" and an article found gives the office to
            # one person quoted ("Meta communications director Andy Stone"): answered about them, saying so (it
            # said Meta said nothing, "the statements found are Andy Stone's")
            answer = answer_of(self._stream(asked, history, filters, k, llm, again))
            owner = f"the {org_office.owner}" if re.match(rf"the\s+{re.escape(org_office.owner)}(?:’s|'s)",
                                                          org_office.phrase, re.I) \
                else org_office.owner  # ("of the EU", asked about "the EU's internal market commissioner")
            answer.answer = (f"Taking {person} ({org_office.office} of {owner} in the articles) as "
                             f"{org_office.phrase}: {answer.answer}")
            answer.question = query.question
            yield from deltas(answer)
            return
        if backend is not None:
            try:
                if query.held_offices:  # (checked whole before it is shown: see _office_only)
                    yield from deltas(self._office_only(query, answer_of(backend.stream(query, evidence))))
                    return
                yield from backend.stream(query, evidence)
                return
            except BackendError as e:
                notice = f"{e} — showing the offline answer instead."
                yield TextDelta(f"\n\n_{notice}_\n\n")
                answer = self._office_only(query, self.answerer.answer(query, evidence))
                answer.notice = notice
                yield from deltas(answer)
                return
        if query.held_offices:
            yield from deltas(self._office_only(query, answer_of(self.answerer.stream(query, evidence))))
            return
        # (no answer in a month or day asked: a UN speech dated only by that year is read too, and said to be)
        # (no answer on the day an act is asked of, "announce on October 18": the articles giving the act that day)
        def reask(q: Query) -> Iterator[StreamEvent]:
            return self.answerer.stream(q, self.evidence.gather(q, k))

        yield from act_dated(noting_years(self.answerer.stream(query, evidence), query, self.store, reask), query,
                             self.store, reask)

    def _office_only(self, query: Query, answer: Answer) -> Answer:
        """``answer`` to a question asking by an office the index gives someone ("What did France's president say
        about Gaza?") with only the quotes that are its holder's statements: a holder person's, the state's own
        whose role gives it that office ("The president of France said ..."), or a sentence of a speech its holder
        gave; a state holding the office is not every one of its officials (it quoted the French foreign minister
        and her speech for France's president). None left: says so, naming whose the statements found are."""
        if answer.abstained or not answer.citations or not query.held_offices:
            return answer
        claims_of: dict[str, list[Claim]] = {}

        def holds(office: OfficeAsked, holders: Sequence[str], c: Claim) -> bool:
            if c.actor not in holders:
                return False
            return c.actor != office.country or bool(office_holders(office, [(c.actor, c.role)]))

        def theirs(cite) -> bool:
            if cite.doc_id not in claims_of:
                claims_of[cite.doc_id] = self.store.claims(filters=Filters(doc_ids=[cite.doc_id]))
            doc_claims = claims_of[cite.doc_id]
            here = [c for c in doc_claims if c.sent_start <= cite.start < c.sent_end
                    or (c.start < cite.end and cite.start < c.end)]
            for office, holders in query.held_offices:
                if any(holds(office, holders, c) for c in here):
                    return True
                if office.country in holders and speech_state_of(cite.title, cite.source) == office.country \
                        and any(holds(office, holders, c) for c in doc_claims):
                    return True  # (every sentence of a speech the holder gave is the state's)
            return False

        kept = [c for c in answer.citations if theirs(c)]
        if len(kept) == len(answer.citations):
            return answer
        if kept:
            return cited_only(answer, kept)
        phrase = " and ".join(office.phrase for office, _ in query.held_offices)
        # (a speech's sentence: its giver's, as its title names them, "Catherine Colonna", not the state's)
        whose = list(dict.fromkeys(c.title.split(", ")[0] if speech_state_of(c.title, c.source) == c.speaker
                                   else c.speaker for c in answer.citations if c.speaker))
        found = f"; the statements found are {' and '.join(whose)}'s" if whose else ""
        return Answer(answer.question, f"{ABSTAIN_TEXT} They do not report {phrase} "
                      f"{silent_phrase(query, phrase)}{found}.", True, passages=answer.passages)

    def _org_office_held(self, query: Query, evidence: Evidence) -> tuple[OrgOfficeAsked, str] | OrgOfficeAsked | None:
        """The office of an organisation the question asks by (``asked_org_offices``) and the one person quoted in
        the evidence whom an article found, or their statements' role, gives it; the office alone when nobody
        quoted holds it; None when the question names no such office, or several hold it."""
        if query.offices or query.is_followup:
            return None
        offices = [o for o in asked_org_offices(query.question) if o.phrase in query.question]
        if len(offices) != 1:
            return None
        persons = [a for said in evidence.speakers.values() for a in said] + [c.actor for c in evidence.actor_claims]
        roles = [(c.actor, c.role) for found in evidence.statements.values() for c in found if c.role]
        texts = [*evidence.texts.values(), *(p.text for p in evidence.passages)]
        holders = org_office_holders(offices[0], persons, texts, roles)
        if not holders:
            return offices[0]
        return (offices[0], holders[0]) if len(holders) == 1 else None

    def _state_officials(self, office: OfficeAsked, officials: list[tuple[str, str]],
                         resolver: ActorResolver) -> dict[str, str]:
        """The persons quoted as officials of the office's state: person -> their first such role."""
        quoted: dict[str, str] = {}
        for person, role in officials:
            if OFFICE_ROLE.search(role) and not resolver.country_of(person) \
                    and role_country(role, resolver) == office.country:  # (persons; a speech's state is not one)
                quoted.setdefault(person, role)
        return quoted

    def _bare_holders(self, office: OfficeAsked, officials: list[tuple[str, str]],
                      resolver: ActorResolver) -> list[str]:
        """The persons quoted with the office and no state named ("President Abdel-Fattah El-Sisi"), in
        articles whose titles name the office's state, and never given that office of another state."""
        return sorted({person for person, role in officials if fold(role) == fold(office.office)
                       and not resolver.country_of(person) and any(
                           office.country in countries_named(c.title) for c in self.store.claims(actors=[person])[:50])
                       and not self._office_abroad(person, office.office, office.country, resolver)})

    def _unheld_offices_text(self, query: Query, officials: list[tuple[str, str]], bare: dict[str, list[str]],
                             resolver: ActorResolver) -> str:
        """ "What did Ostmark's prime minister propose?" when no speaker of the index holds that
        office: say so, and name the officials of that state who are quoted (with their roles).
        ``officials``: the store's (person, role) pairs; ``bare``: each office's holders by its bare
        title (``_bare_holders``, by the office's phrase)."""
        lines, named = [], False
        for office in query.offices:
            quoted = self._state_officials(office, officials, resolver)  # person -> their first office of that state
            text = f"No statement of {office.phrase} is reported in the articles"
            if quoted:
                shown = "; ".join(f"{role} {person}" for person, role in list(quoted.items())[:6])
                text += f"; the officials of {office.country} they quote are: {shown}"
                named = True
            else:
                # "What did Egypt's president say?" and the article has only "President Abdel-Fattah El-Sisi":
                # the office with no state named, in an article whose title names the state (a lead, not an answer)
                holders = bare[office.phrase]
                if holders:
                    text += (f" by that title; quoted as “{office.office.title()}” with no state named, in "
                             f"articles about {office.country}: {', '.join(holders[:6])}")
                    named = True
            lines.append(text + ".")
        # (no one named: "Ask about one of them by name" had no names before it)
        ask = "Ask about one of them by name, or about the state." if named else "Ask about the state itself."
        return f"{ABSTAIN_TEXT} " + " ".join(lines) + " " + ask

    def _office_abroad(self, person: str, office: str, country: str, resolver: ActorResolver) -> bool:
        """Whether an article quoting ``person`` gives them ``office`` of a state other than ``country``
        ("US President Joe Biden" in an article about Egypt: not Egypt's president)."""
        before = re.compile(rf"([\w.’'-]+(?:\s+[\w.’'-]+)?)\s+{re.escape(office)}\s+{re.escape(person)}\b", re.I)
        for doc_id in list(dict.fromkeys(c.doc_id for c in self.store.claims(actors=[person])))[:5]:
            for m in before.finditer(self.store.document(doc_id).text):
                state = resolver.country_of(m.group(1)) or resolver.country_of(m.group(1).split()[-1])
                if state and state != country:
                    return True
        return False

    def warm_up(self) -> float:
        """Load everything a first question needs (query embedder, sentence ranker, catalog
        pages, statement tables) by answering one throwaway question; returns the seconds it took.

        Servers call this before they report ready, so the first user's question costs what the
        tenth does. Never raises: a failure here would surface again on the first real question."""
        import time

        t0 = time.perf_counter()
        try:
            answer_of(self.stream("What did the government pledge about sanctions?", llm=""))
            self.search("sanctions talks", k=3, rerank=True)
        except Exception:  # noqa: BLE001 - warming is best effort
            pass
        return time.perf_counter() - t0

    # ------------------------------------------------------------------ positions
    def _backend(self, spec: str | None) -> Answerer | None:
        if is_offline_llm(spec):  # no LLM: LangChain is not even imported (a second of a cold `ask`)
            return None
        from .llm import LLMAnswerer, parse_llm_spec

        parsed = parse_llm_spec(spec, self.settings)
        if parsed is None:
            return None
        if parsed.spec not in self._llms:
            self._llms[parsed.spec] = LLMAnswerer(parsed)
        return self._llms[parsed.spec]

    def positions(self, actor: str, topic: str | None = None, kind: str | None = None,
                  filters: FilterSpec = None) -> list[Claim]:
        """An actor's statements (surname or full name, or an office: ``office_actors``), optionally on a topic and
        of a kind (one of ``STATEMENT_KINDS``; None or "" for any, else ``InvalidArgument``), in date order.

        ``topic``: a phrase ("NATO", "sanctions on North Korea") read as ``ask`` reads a question's
        topic (``assistant.topic``): a statement is on it when its whole sentence is, and for a
        state the sentences of its UN speeches on it count too (kind "statement", cue "(speech)")."""
        filters = check_arguments(kind=kind, filters=filters)
        holders = self.office_actors(actor)  # ("Russia's foreign minister": its holder)
        actors = holders or self.parser.match_actors([actor]) or [actor]
        resolved = self.parser.resolve_filters(filters)
        about = Topic.parse(topic or "", own=[*actors, *(o.country for o in asked_offices(actor) if holders)])
        found = self._candidates(actors, kind, resolved, speeches=bool(about))
        return self._about(about, found + [c for giver in holders or [actor]
                                           for c in self._giver_statements(giver, kind, resolved, bool(about), found)])

    def office_actors(self, typed: str) -> list[str]:
        """The persons an office typed as an actor stands for, read as ``ask`` reads it ("Russia's foreign
        minister", "the Egyptian president", "the Israeli PM"): those the index gives that office (a speech's giver
        by their name), else the one quoted with its bare title in articles about the state ("President
        Abdel-Fattah El-Sisi"); [] when ``typed`` is no state's office. Raises ``QuestionError`` naming the office
        when nobody quoted holds it."""
        offices = asked_offices(typed)
        if len(offices) != 1 or fold(re.sub(r"^\s*the\s+", "", offices[0].written, flags=re.I)).lower() \
                != fold(re.sub(r"^\s*the\s+", "", typed.strip(), flags=re.I)).lower():
            return []  # (not an office, or more than one: "Russia's foreign minister Lavrov" is Lavrov)
        office = offices[0]
        officials = sorted(self.store.officials())
        holders = []
        for person in office_holders(office, officials):
            if person != office.country:
                holders.append(person)
                continue
            # a state holding it by its speech: the speech's giver ("Minister for Foreign Affairs Sergey Lavrov")
            holders += [g for p, role in officials if p == person and office_holders(office, [(p, role)])
                        and (g := role_giver(role))]
        holders = list(dict.fromkeys(holders)) or self._bare_holders(office, officials, ActorResolver())
        if not holders:
            quoted = self._state_officials(office, officials, ActorResolver())
            shown = "; ".join(f"{role} {person}" for person, role in list(quoted.items())[:6])
            raise QuestionError(f"{typed!r} is read as {office.phrase}, and nobody the articles quote holds that "
                                f"office{f' (the officials of {office.country} they quote: {shown})' if shown else ''}"
                                f"; name the person, or the state ({office.country})")
        return holders

    def _giver_statements(self, actor: str, kind: str | None, filters: Filters | None, speeches: bool,
                          found: Sequence[Claim]) -> list[Claim]:
        """For a person who gave a UN speech of the index ("Sergey Lavrov", "Xi" for "Xi Jinping"): that speech's
        statements (the state's, with them in the role) not among ``found``; [] for anyone else. ``positions`` and
        ``compare`` read a giver so, as ``ask`` does."""
        state = self.parser.speech_state(actor) if not _COUNTRIES.country_of(actor) else None
        if not state:
            return []
        ids = {c.claim_id for c in found}
        return [c for c in self._candidates([state], kind, filters, speeches=speeches)
                if c.actor == state and role_names(actor, c.role) and c.claim_id not in ids]

    def _statements(self, actors: Sequence[str], kind: str | None, filters: Filters | None,
                    topic: Topic | None = None) -> list[Claim]:
        """The statements of ``actors`` (``_candidates``; of a speech's giver, its sentences too:
        ``_giver_statements``) about ``topic`` (``_about``), in date order."""
        found = self._candidates(actors, kind, filters, speeches=bool(topic))
        found += [c for a in actors for c in self._giver_statements(a, kind, filters, bool(topic), found)]
        return self._about(topic, found)

    def _candidates(self, actors: Sequence[str], kind: str | None, filters: Filters | None,
                    speeches: bool = False) -> list[Claim]:
        """The statements of ``actors`` and, for a country, of its officials (persons whose role
        names it, as answers and stance questions read a country); with ``speeches``, also every
        sentence of the countries' UN speeches that carries no statement (``speech_sentences``: a
        speech is its state's words, cue or not; kind "statement", so only when ``kind`` allows),
        which only a topic narrows enough to list."""
        kinds = [kind] if kind else None
        found = {c.claim_id: c for a in actors
                 for c in holder_statements(self.store, a, filters, kinds=kinds, limit=None)}
        claims = list(found.values())
        if speeches and kind in (None, "statement"):
            for state in dict.fromkeys(s for s in map(_COUNTRIES.country_of, actors) if s):
                docs = sorted({c.doc_id for c in self.store.claims(actors=[state], filters=filters)
                               if c.actor == state and speech_state_of(c.title, c.source) == state})
                taken = {(c.doc_id, c.sent_start) for c in self.store.claims(filters=Filters(doc_ids=docs))} \
                    if docs else set()  # (a sentence reporting another's statement is theirs: "Macron expressed")
                for doc_id in docs:
                    doc = self.store.document(doc_id)
                    claims += speech_sentences(doc, doc.text, 0, taken)
        return claims

    def _about(self, topic: Topic | None, claims: list[Claim]) -> list[Claim]:
        """``claims`` about ``topic`` (``assistant.topic.statements_about``: the one test ``ask``
        reads a topic with; all of them without a topic), in date order."""
        if topic and claims:
            docs = sorted({c.doc_id for c in claims})  # (what others say in the same sentences is theirs)
            claims = statements_about(topic, claims, self._text_reader(),
                                      self.store.claims(filters=Filters(doc_ids=docs)))
        return sorted(claims, key=lambda c: (c.when, c.published, c.start))

    def compare(self, actors: list[str], topic: str = "", kind: str | None = None,
                filters: FilterSpec = None, per_actor: int = 4) -> tuple[Comparison, Answer]:
        """Two or more actors' statements on ``topic`` side by side, each in date order (at most
        ``per_actor``), and the same as a cited ``Answer``. Actor names may be surnames or partial
        names (as in ``positions``), or offices read as ``ask`` reads them ("Russia's foreign minister": the
        column of its holders, ``office_actors``); ``kind`` and ``topic`` as in ``positions``. Raises
        ``QuestionError`` for fewer than two actors, one named twice or an office nobody quoted holds,
        ``InvalidArgument`` for an unknown ``kind`` or ``since`` after ``until``."""
        filters = check_arguments(kind=kind, filters=filters)
        if len([a for a in actors if a.strip()]) < 2:
            raise QuestionError("compare needs at least two actors")
        # (an office is its holders, as `ask` reads it: "Russia's foreign minister" is Sergey Lavrov)
        holders = {a: found for a in actors if a.strip() and (found := self.office_actors(a))}
        resolved = [a if a in holders else self.parser.actor_named(a) or a for a in actors if a.strip()]
        if len(set(resolved)) < len(resolved):
            same = sorted({r for r in resolved if resolved.count(r) > 1})
            raise QuestionError(f"compare needs different actors: {', '.join(same)} is named twice "
                                "(surnames and partial names are matched to the index's actors)")
        # (the states asked about: an office's too, "Russia's foreign minister" speaking for Russia)
        own = [*resolved, *(o.country for a in holders for o in asked_offices(a))]
        comparison = self._comparison(resolved, Topic.parse(topic, own=own), kind=kind,
                                      filters=self.parser.resolve_filters(filters), per_actor=per_actor,
                                      holders=holders)
        title = f"Compare {', '.join(resolved)}" + (f" on {topic}" if topic else "")
        return comparison, compare_answer(title, comparison, self._passage_of)

    def _comparison(self, actors: Sequence[str], topic: Topic, kind: str | None = None,
                    filters: Filters | None = None, per_actor: int = 4,
                    holders: dict[str, list[str]] | None = None) -> Comparison:
        """``holders``: the persons an actor that is an office stands for (``office_actors``), whose statements
        are its column's."""
        topic = topic.without(FRAME_TERMS)  # ("Compare X's and Y's positions": no topic)
        holders = holders or {}
        # (each actor's statements on the topic as ``positions`` lists them: compare_claims reads them again)
        return compare_claims(actors, lambda a: self._statements(holders.get(a) or [a], kind, filters, topic),
                              self._text_reader(), topic=topic, per_actor=per_actor,
                              sentence_claims=lambda docs: self.store.claims(filters=Filters(doc_ids=docs)),
                              holders=holders)

    def _text_reader(self) -> Callable[[str], str]:
        """``text_of(doc_id)``: an article's text ("" for one deleted meanwhile), each read once
        per reader (one listing or comparison)."""
        texts: dict[str, str] = {}

        def text_of(doc_id: str) -> str:
            if doc_id not in texts:
                try:
                    texts[doc_id] = self.store.document(doc_id).text
                except NotFound:
                    texts[doc_id] = ""
            return texts[doc_id]
        return text_of

    def _passage_of(self, claim: Claim) -> Passage | None:
        return self.store.passage_covering(claim.doc_id, claim.sent_start, claim.sent_end)

    def actors(self) -> list[ActorSummary]:
        """Actors with attributed statements, most quoted first."""
        return self.store.actors()


_COUNTRIES = ActorResolver()


def _replaced(question: str, phrases: Sequence[str], by: str) -> str:
    """``question`` with the first of ``phrases`` it contains (in any case) replaced by ``by``; unchanged when it
    contains none."""
    for phrase in phrases:
        if phrase and re.search(re.escape(phrase), question, re.I):
            return re.sub(re.escape(phrase), lambda _: by, question, count=1, flags=re.I)
    return question


def _background(fn, *args) -> threading.Thread:
    """Run ``fn(*args)`` in a thread, ignoring its errors (the same call made for real raises them)."""
    def run():
        try:
            fn(*args)
        except Exception:  # noqa: BLE001 - loading ahead is best effort
            pass
    t = threading.Thread(target=run, name="attache-preload", daemon=True)
    t.start()
    return t
