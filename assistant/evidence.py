"""What an answerer gets: ``Evidence`` for a ``Query``.

``EvidenceGatherer.gather`` retrieves the passages (hybrid retrieval), routes the question
through the claims table when it names actors of the index (their statements of the kind asked
for, on its topic), adds the passages that hold those statements, and records who each
candidate sentence attributes a statement to. The extractive and the LLM answerers both
read this one object.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from index.actors import ActorResolver, fold
from index.errors import NotFound
from index.models import Claim, Document, Filters, Passage
from index.store import IndexReader
from index.text import split_sentences, terms

from .query import DERIVED_KINDS, ROUTED_KINDS, WHO_QUESTION, Query, role_names
from .retrieval import HybridRetriever
from .stance import bare_heads, country_of_speaker, hearsay, holder_statements, stance_holders
from .topic import speech_sentences, statements_about

SentenceKey = tuple[str, int]  # (doc_id, sentence start offset in the article)

_RESOLVER = ActorResolver()
_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_FEMININE = {"she", "her", "hers", "herself"}
_THREAT_CUE = re.compile(r"^(threat|warn)", re.I)
_CONDITION = re.compile(r"\b(unless|or else|otherwise)\b", re.I)
_IF_HARM = re.compile(r"\bif\b", re.I)
_HARM = re.compile(r"\b(cut\w*|halv\w*|halt\w*|stop\w*|suspend\w*|expand\w*|escalat\w*|retaliat\w*|block\w*|"
                   r"clos\w*|impos\w*|sanction\w*|strik\w*|attack\w*|missile\w*|punish\w*|consequence\w*|"
                   r"response)\b", re.I)
# a refusal or pledge made conditional on another's act puts a demand to them: "Israel says it won’t lift the
# restrictions unless Hamas frees all hostages" (a name after the condition: not "until the end of the year")
_CONDITION_ON = re.compile(r"\b(?:[Uu]nless|[Uu]ntil|[Aa]s long as|[Ss]o long as|[Pp]rovided(?: that)?|"
                           r"on (?:the )?condition that)\s+(?:the\s+)?[A-Z][\w’'-]+")
_REFUSAL = re.compile(r"\b(?:won[’']t|will not|would not|wouldn[’']t|cannot|can[’']t|refus\w*|never)\b", re.I)
# Words that fault what a sentence names: a statement of another kind carrying one (or right after a sentence that
# does: "Backlash was swift."), by another than what it names, criticises it ("This obsequious draft reads as if OPEC
# dictated it word for word", Al Gore posted; EDRi's "a shell of the AI law Europe really needs")
DISAPPROVING = re.compile(r"\b(?:criticis\w*|criticiz\w*|critical of|condemn\w*|denounc\w*|decr(?:y|ied|ies)|"
                          r"slam(?:s|med)?|blast(?:s|ed)?|accus\w*|blam\w*|fail(?:ed|s|ure)|obsequious|scepti\w*|"
                          r"skepti\w*|disappoint\w*|backlash|outrag\w*|shell of|hypocri\w*|shameful|disgrace\w*|"
                          r"unacceptable|irresponsib\w*|apartheid|war crimes|impunity|double standards|"
                          r"fundamental issue|undermin\w*|immoral|worst|censor\w*|"
                          r"disinformation|misinformation)\b", re.I)


def names_target(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a word (folded; a name of one or two letters, "X", as written): not the
    "x" of "exited"."""
    if len(name) <= 2:
        return bool(re.search(rf"(?<![\w’'@#-]){re.escape(name)}(?![\w-])", text))
    return bool(re.search(rf"(?<!\w){re.escape(fold(name))}s?(?!\w)", fold(text)))  # ("Meta’s", folded "metas")


def claim_is(claim: Claim, kind: str | None) -> bool:
    """Whether ``claim`` is a statement of ``kind``: its stored kind, or for a derived kind
    (``DERIVED_KINDS``: "threat") its shape: a threatening or warning cue, or a harm made
    conditional ("unless", "if the exercises went ahead" with a harm such as missile testing).
    A call or appeal for something ("called for both sides to publish ...", "I have appealed for the
    establishment of a safe zone"), and a speaker's own urging ("We urge the international community to
    establish a loss and damage fund"; not a reported "urged the Council to meet"), is a demand and answers
    a question about proposals too: it puts forward what should be done; so does a plan announced ("We
    intend to establish a peace corridor")."""
    if kind == "proposal" and (claim.kind == "demand" and (claim.cue.lower().startswith(("call", "appeal")) or (
            claim.cue.lower().startswith("urge") and claim.speaker.lower() in ("we", "i")))
                               or claim.kind == "pledge" and claim.cue.lower().startswith(("intend", "plan"))):
        return True
    if kind == "demand" and conditional_demand(claim):
        return True
    if kind != "threat":
        return claim.kind == kind
    if _THREAT_CUE.match(claim.cue):
        return True
    return bool(_CONDITION.search(claim.text) or (_IF_HARM.search(claim.text) and _HARM.search(claim.text)))


def conditional_demand(claim: Claim) -> bool:
    """Whether ``claim`` is a refusal or a pledge made conditional on another actor's act ("won’t lift the
    restrictions unless Hamas frees all hostages"): what it asks of them is a demand of them."""
    return bool(_CONDITION_ON.search(claim.text)) and (claim.kind in ("pledge", "rejection")
                                                       or bool(_REFUSAL.search(claim.text)))


def in_turns(claims: list[Claim], actors: Sequence[str]) -> list[Claim]:
    """``claims`` of several speakers taken in turns, each speaker's in their order: the first of
    each, then the second of each, ... (one asked actor's many statements must not crowd out
    another's: "What did Russia and China propose?"). A statement of an actor asked about is that
    actor's turn; an official's is their country's. Unchanged for one actor asked about."""
    if len(actors) < 2:
        return claims
    turns: dict[str, list[Claim]] = {}
    for c in claims:
        turns.setdefault(c.actor if c.actor in actors else country_of_speaker(c) or c.actor, []).append(c)
    queues = list(turns.values())
    return [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]


@dataclass
class EvidenceConfig:
    """How much evidence to gather: passage counts per backend and the caps on claims and speakers."""
    passages_extractive: int = 10  # passages retrieved for the offline answerer
    passages_llm: int = 6  # passages an LLM is shown (its context is the cost)
    max_claim_sentences: int = 24  # statements of the named actors preferred as answer sentences
    max_claim_passages: int = 3  # passages holding those statements added beyond retrieval
    max_speech_passages: int = 3  # passages of the asked speeches added beyond retrieval (speech_passages)
    max_doer_passages: int = 4  # passages of "who criticized X?" statements added beyond retrieval (doer_claims)
    max_stance_speech_passages: int = 8  # passages of the asked speeches read for "how has X's stance changed"
    max_actor_statements: int = 60  # a named person's statements read to answer "what did X pledge"
    max_stance_statements: int = 200  # statements of a stance holder read for "how has X's stance changed"


@dataclass
class Evidence:
    """Passages ranked from 1, plus what the claims table knows about their sentences.

    ``claims``: statements of the actors the query names (of the kind asked for, on its topic),
    in date order. ``claim_sentences`` maps a sentence (doc_id, start) carrying one of them to
    its actor; ``claim_passages`` are all the passages holding them that retrieval did not find
    (the first few are also in ``passages``). ``speakers`` maps every sentence of the passages that attributes a
    statement to
    the actors it attributes it to. ``actor_claims``: when the question names actors and asks for
    a kind of statement, all their statements (any kind, within the filters), with the passage
    holding each sentence in ``actor_passages`` (see ``assistant/attribution.py``). ``copies`` maps
    a passage's doc_id to the documents (with
    text) linked to it as near-duplicates, so that a statement is quoted from one copy and the
    others are listed (``Citation.also_in``). ``texts``: the articles of the passages (doc_id ->
    text) when the question has a topic: what a sentence's topic is read in (``assistant.topic``:
    acronyms the article defines, "the Council" it named before, the sentences before it).
    ``actor_sentences``: with a topic, every statement (anyone's) of the articles of
    ``actor_passages``, so that what another says in a named actor's sentence is not read as theirs
    (``assistant.topic.statements_about``)."""

    passages: list[Passage]
    claims: list[Claim] = field(default_factory=list)
    claim_sentences: dict[SentenceKey, str] = field(default_factory=dict)
    claim_passages: list[Passage] = field(default_factory=list)
    speakers: dict[SentenceKey, list[str]] = field(default_factory=dict)
    copies: dict[str, list[Document]] = field(default_factory=dict)
    actor_claims: list[Claim] = field(default_factory=list)
    actor_passages: dict[SentenceKey, Passage] = field(default_factory=dict)
    statements: dict[SentenceKey, list[Claim]] = field(default_factory=dict)
    stance_claims: list[Claim] = field(default_factory=list)
    stance_passages: dict[SentenceKey, Passage] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    actor_sentences: list[Claim] = field(default_factory=list)
    # names of the question the passages do not carry but another passage of the index (within its filters)
    # does: "They do not mention Meta" would be false ("What did Meta say about the Israel-Hamas war?")
    mentioned_elsewhere: frozenset[str] = frozenset()
    # the heads of state or government of the states asked about quoted by the bare title ("President Abdel-Fattah
    # El-Sisi" in an article introducing him as Egypt's): person -> state (``assistant.stance.bare_heads``)
    heads: dict[str, str] = field(default_factory=dict)
    # a name of the question no passage found carries -> the index's actor names spelled closest to it ("Zelenksy":
    # "Volodymyr Zelenskyy"; ``close_names``), said beside "They do not mention ..."
    suggestions: dict[str, list[str]] = field(default_factory=dict)

    def carries(self, key: SentenceKey, kind: str | None, strict: bool = False) -> bool:
        """Whether the sentence ``key`` of the passages carries a statement of ``kind``
        (``claim_is``; with ``strict``, of that stored kind only), by anyone."""
        return any(c.kind == kind if strict else claim_is(c, kind) for c in self.statements.get(key, ()))


class EvidenceGatherer:
    """Turns a parsed ``Query`` into ``Evidence``: hybrid retrieval, claim routing for named actors,
    speakers per sentence."""
    def __init__(self, reader: IndexReader, retriever: HybridRetriever, config: EvidenceConfig | None = None):
        self.reader = reader
        self.retriever = retriever
        self.config = config or EvidenceConfig()

    def gather(self, query: Query, k: int | None = None, for_llm: bool = False) -> Evidence:
        """``k`` passages from retrieval (default per answerer kind), plus claim passages."""
        cfg = self.config
        k = k or (cfg.passages_llm if for_llm else cfg.passages_extractive)
        passages = self.retriever.retrieve(query, k)
        claims = self.routed_claims(query)
        claim_sentences: dict[SentenceKey, str] = {}
        extra: list[Passage] = []
        known = {p.chunk_id for p in passages}
        for c in in_turns(claims, query.actors)[:cfg.max_claim_sentences]:
            claim_sentences[(c.doc_id, c.sent_start)] = c.actor
            chunk = self.reader.passage_covering(c.doc_id, c.sent_start, c.sent_end)
            if chunk and chunk.chunk_id not in known:
                known.add(chunk.chunk_id)
                extra.append(chunk)
        passages = passages + extra[:cfg.max_claim_passages]
        known |= {p.chunk_id for p in passages}
        for c in self.doer_claims(query):
            # "Who criticized Israel?": the sentences that do it, wherever retrieval ranked them
            chunk = self.reader.passage_covering(c.doc_id, c.sent_start, c.sent_end)
            if chunk:
                claim_sentences.setdefault((c.doc_id, c.sent_start), c.actor)
            if chunk and chunk.chunk_id not in known:
                known.add(chunk.chunk_id)
                passages.append(chunk)
        passages += [p for p in self.speech_passages(query) if p.chunk_id not in known]
        for i, p in enumerate(passages):
            p.rank = i + 1
        actor_claims, actor_passages = self.actor_statements(query)
        statements = self.statements(passages)
        routed = {c.claim_id for c in claims}
        for key, found in statements.items():
            # a routed statement's quotation in the sentences after its cue's is theirs too ("he said this in
            # the Security Council:" and the quotation on the next line: the cue's sentence is no candidate)
            for c in found:
                if c.claim_id in routed and (c.doc_id, c.sent_start) in claim_sentences:
                    claim_sentences.setdefault(key, c.actor)
        speakers = {key: list(dict.fromkeys(c.actor for c in found)) for key, found in statements.items()}
        stance_claims, stance_passages = self.stance_statements(query)
        texts = self._texts({p.doc_id for p in passages} | {d for d, _ in actor_passages}) if query.topic else {}
        actor_docs = sorted({d for d, _ in actor_passages})
        # (a named actor's statements are read for the topic without what others say in their sentences)
        in_sentences = self.reader.claims(filters=Filters(doc_ids=actor_docs)) if query.topic and actor_docs else []
        return Evidence(passages=passages, claims=claims, claim_sentences=claim_sentences,
                        claim_passages=extra, speakers=speakers, statements=statements,
                        copies=self.copies(passages + extra + list(actor_passages.values())
                                           + list(stance_passages.values())),
                        actor_claims=actor_claims, actor_passages=actor_passages,
                        stance_claims=stance_claims, stance_passages=stance_passages, texts=texts,
                        actor_sentences=in_sentences, mentioned_elsewhere=self.mentioned_elsewhere(query, passages),
                        heads={p: st for st in dict.fromkeys(_RESOLVER.country_of(a) for a in query.actors) if st
                               for p in bare_heads(self.reader, st)},
                        suggestions=self.close_names(query, passages))

    def close_names(self, query: Query, passages: list[Passage], cutoff: float = 0.8) -> dict[str, list[str]]:
        """For each name of the question that no passage carries, the index's actor and official names (or their
        words: a surname) spelled closest to it (``difflib``; at most three): "Zelenksy" -> ["Volodymyr Zelenskyy"],
        "Kishda" -> ["Fumio Kishida"]. Empty when every name is carried."""
        hay = fold(" ".join(f"{p.title} {p.text}" for p in passages))
        absent = [n for n in query.names if fold(n) not in hay and len(n) > 3]
        if not absent:
            return {}
        whole: dict[str, str] = {}  # folded name or word -> the name shown
        # (a speech's giver is named in its state's role: "President Volodymyr Zelenskyy")
        for name in [a.actor for a in self.reader.actors()] + [role for actor, role in self.reader.officials()
                                                               if _RESOLVER.country_of(actor)]:
            if not name or len(name) > 60:
                continue
            whole.setdefault(fold(name), name)
            for w in re.findall(r"[\w’'-]{4,}", name):
                whole.setdefault(fold(w), name)
        out: dict[str, list[str]] = {}
        for n in absent:
            close = difflib.get_close_matches(fold(n), list(whole), n=6, cutoff=cutoff)
            names = list(dict.fromkeys(whole[c] for c in close if c != fold(n)))[:3]
            if names:
                out[n] = names
        return out

    def mentioned_elsewhere(self, query: Query, passages: list[Passage]) -> frozenset[str]:
        """The question's names that no passage of ``passages`` carries but a passage of the index
        does (a lexical search for the name, within the question's filters; written as a word)."""
        hay = fold(" ".join(f"{p.title} {p.text}" for p in passages))
        out = set()
        for name in query.names:
            if fold(name) in hay:
                continue
            hits = self.reader.search_lexical_many(name, 5, [query.filters])[0]
            rx = re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)")
            if any(rx.search(fold(f"{p.title} {p.text}")) for p in self.reader.passages([cid for cid, _ in hits])):
                out.add(name)
        return frozenset(out)

    def _texts(self, doc_ids: Iterable[str], known: dict[str, str] | None = None) -> dict[str, str]:
        """The articles' texts by doc_id (``known``: texts already read, added to); deleted ones left out."""
        out = {} if known is None else known
        for doc_id in doc_ids:
            if doc_id not in out:
                try:
                    out[doc_id] = self.reader.document(doc_id).text
                except NotFound:  # deleted meanwhile
                    continue
        return out

    def speech_passages(self, query: Query, k: int | None = None, each: int = 0) -> list[Passage]:
        """The best ``max_speech_passages`` passages of the UN speeches the question asks about:
        those of a speech giver it names ("What did Lula say about Ukraine?"), else of the states
        it names. Retrieval over the whole index can miss a speech that never names its speaker or
        state (its sentences are "we", "my country"): this retrieval is restricted to those speeches.
        ``each``: the best passages of every one of those speeches carrying the topic's words come first, that
        many of each (beyond ``k`` when there are more speeches): one year's speech naming the topic a dozen
        times must not leave out another's ("How has China's stance on Taiwan changed?": its 2023 speech's
        "Taiwan has been an inalienable part of China’s territory", not only its 2022 one's)."""
        k = self.config.max_speech_passages if k is None else k
        if not k or not query.actors:
            return []
        givers = {name: state for name, state in query.speakers}
        states = {st for st in (_RESOLVER.country_of(a) for a in query.actors) if st and st not in givers.values()}
        docs: set[str] = set()
        for actor in query.actors:
            state = _RESOLVER.country_of(actor)
            if not state:
                continue
            names = [n for n, st in givers.items() if st == state]
            for c in self.reader.claims(actors=[actor], filters=query.statement_filters):
                # a speech's statements carry its giver's office and name as their role (folded only
                # when a giver is asked: this runs over all of the state's statements, per question)
                if c.doc_id in docs or not c.role:
                    continue
                if state in states or any(role_names(n, c.role) for n in names):
                    docs.add(c.doc_id)
        if not docs:
            return []
        narrowed = replace(query, filters=query.filters.narrow(doc_ids=sorted(docs)))
        # the topic's own words first (within the speeches the actor's name is in every passage, and
        # the question's other words are noise: "How has Ukraine's stance on negotiations changed?")
        words = [w for w in re.findall(r"[\w’'-]+", query.text) if set(terms(w)) & query.topic_terms]
        words += list(query.topic_names)  # ("on the war in Ukraine": war, Ukraine)
        words += query.topic.expansions()  # ("AI": artificial intelligence)
        hits = self.reader.search_lexical(" ".join(dict.fromkeys(words)), k, narrowed.filters) if words else []
        first: list[str] = []
        if each and words and len(docs) > 1:
            per = self.reader.search_lexical_many(" ".join(dict.fromkeys(words)), each,
                                                  [query.filters.narrow(doc_ids=[d]) for d in sorted(docs)])
            first = list(dict.fromkeys(cid for found_in in per for cid, _ in found_in))
        found = self.reader.passages(first + [cid for cid, _ in hits if cid not in first]) \
            + self.retriever.retrieve(narrowed, k)
        return list({p.chunk_id: p for p in found}.values())[:max(k, len(first))]

    def stance_statements(self, query: Query) -> tuple[list[Claim], dict[SentenceKey, Passage]]:
        """For "how has X's stance on Y changed?": every statement of the stance holders (a
        country's own and its officials', see ``assistant/stance.py``), of the kind asked for
        when one is, within the filters, with the passage holding each sentence."""
        if not query.asks_change or not query.actors:
            return [], {}
        claims: list[Claim] = []
        for holder in stance_holders(query.text, query.actors):
            claims += holder_statements(self.reader, holder, query.statement_filters)
        if query.kind in ROUTED_KINDS + DERIVED_KINDS:
            claims = [c for c in claims if claim_is(c, query.kind)]
        claims = claims[:self.config.max_stance_statements]
        found = self._passages_of(claims)
        # (a stance is the holder's own words: not another state's speech telling what it says)
        claims = [c for c in claims if not ((p := found.get((c.doc_id, c.sent_start)))
                                            and hearsay(c, p.title, p.source))]
        if query.kind not in ROUTED_KINDS + DERIVED_KINDS:
            for c, p in self.speech_sentences(query, {(c.doc_id, c.sent_start) for c in claims}):
                claims.append(c)
                found[(c.doc_id, c.sent_start)] = p
        return claims, found

    def speech_sentences(self, query: Query, taken: set[SentenceKey]) -> list[tuple[Claim, Passage]]:
        """The sentences on the question's topic of the speeches it asks about (``speech_passages``)
        that carry no statement of their own (``taken``: those that do), as statements of the
        speech's state ("How has Russia's stance on NATO changed?": its 2023 speech's "NATO ..."
        sentences, which no cue marks). A speech is its state's words, every sentence of it
        (``assistant.topic.speech_sentences``, those about the topic as ``statements_about`` reads it)."""
        if not query.topic:
            return []
        passages = self.speech_passages(query, self.config.max_stance_speech_passages, each=2)
        docs = sorted({p.doc_id for p in passages})
        # (a sentence reporting another's statement is theirs: "President Macron of France expressed ...")
        taken = taken | {(c.doc_id, c.sent_start) for c in self.reader.claims(filters=Filters(doc_ids=docs))} \
            if docs else taken
        found = {(c.doc_id, c.sent_start): (c, p)
                 for p in passages for c in speech_sentences(p, p.text, p.start, taken)}
        texts = self._texts(docs)
        kept = statements_about(query.topic, [c for c, _ in found.values()], lambda doc_id: texts.get(doc_id, ""))
        return [found[(c.doc_id, c.sent_start)] for c in kept]

    def _passages_of(self, claims: list[Claim]) -> dict[SentenceKey, Passage]:
        found: dict[SentenceKey, Passage] = {}
        for c in claims:
            key = (c.doc_id, c.sent_start)
            if key not in found:
                chunk = self.reader.passage_covering(c.doc_id, c.sent_start, c.sent_end)
                if chunk:
                    found[key] = chunk
        return found

    def actor_statements(self, query: Query) -> tuple[list[Claim], dict[SentenceKey, Passage]]:
        """All statements of the named actors (any kind, within the query's filters) when the
        question asks for a kind of statement, and the passage holding each sentence (at most
        ``max_actor_statements``)."""
        if not query.actors or query.kind not in ROUTED_KINDS + DERIVED_KINDS:
            return [], {}
        claims = self._statements_of(query.actors, None, query.statement_filters,
                                     query.speakers)[:self.config.max_actor_statements]
        return claims, self._passages_of(claims)

    def _statements_of(self, actors: Sequence[str], kinds: Sequence[str] | None, filters: Filters,
                       speakers: Sequence[tuple[str, str]] = ()) -> list[Claim]:
        """Statements of ``actors`` (of ``kinds``; None: all), date-ordered; a country's include
        its officials' ("What did Talvoria reject?": the spokesman for the Talvorian government).
        ``speakers``: (name, state) of speech givers the question names: the state's statements
        whose role names them (a state asked about only through its speaker: only those)."""
        found: dict[str, Claim] = {}
        # (a state asked about through its speech's giver: only the giver's statements, even when the giver
        # is an actor of the index too; "What did Netanyahu pledge?" is not Lapid's speech for Israel)
        through = {state for name, state in speakers}
        for actor in actors:
            if actor in through:
                continue
            for c in holder_statements(self.reader, actor, filters, kinds=kinds, limit=None):
                found.setdefault(c.claim_id, c)
        for name, state in speakers:
            # (typed with or without accents or in another transliteration: "Pedro Sánchez", the role "Pedro
            # Sanchez Perez-Castejon")
            surname = name.split()[-1]
            for c in self.reader.claims(actors=[state], kinds=kinds, filters=filters,
                                        roles=list(dict.fromkeys([surname, fold(surname), surname[:4]]))):
                if role_names(name, c.role):  # "President William Samoei Ruto"; "Joe Biden" for "Joseph R. Biden"
                    found.setdefault(c.claim_id, c)
        return sorted(found.values(), key=lambda c: (c.when, c.doc_id, c.start))

    def person_gender(self, actor: str, max_claims: int = 30) -> str:
        """How the articles refer to ``actor``: "f" (she/her), "m" (he/him/his), "?" (a person
        whose pronoun the articles do not show, or show both ways) or "" (not a person). Read
        from the sentences of their statements: the first he/she/his/her after their surname (or
        in a sentence credited to them that does not name them: the pronoun the extractor
        resolved to them)."""
        claims = self.reader.claims(actors=[actor])[:max_claims]
        if not claims or all(c.actor_type != "person" for c in claims):
            return ""
        surname = actor.split()[-1]
        votes = {"f": 0, "m": 0}
        texts: dict[str, str] = {}
        for c in claims:
            if c.doc_id not in texts:
                try:
                    texts[c.doc_id] = self.reader.document(c.doc_id).text
                except NotFound:
                    continue
            sentence = texts[c.doc_id][c.sent_start:c.sent_end]
            at = sentence.find(surname)
            m = _PRONOUN.search(sentence[at + len(surname):] if at >= 0 else sentence)
            if m:
                votes["f" if m.group(1).lower() in _FEMININE else "m"] += 1
        if votes["f"] != votes["m"] and min(votes.values()) == 0:
            return "f" if votes["f"] else "m"
        return "?"

    def routed_claims(self, query: Query) -> list[Claim]:
        """Statements of the actors the query names, of the kind it asks for, about its topic
        (``statements_about``: their sentence is, as ``Topic.covers`` reads it)."""
        if not query.actors:
            return []
        claims = self._statements_of(query.actors, query.routed_kinds, query.statement_filters, query.speakers)
        if query.kind in ROUTED_KINDS + DERIVED_KINDS:
            claims = [c for c in claims if claim_is(c, query.kind)]
            # (a proposal made before a call made; a conditional refusal is a demand as made)
            claims = [c for c in claims if c.kind == query.kind or query.kind == "demand" and (
                conditional_demand(c))] or claims
        if not query.topic or not claims:
            return claims
        texts: dict[str, str] = {}
        docs = sorted({c.doc_id for c in claims})  # (what others say in the same sentences is theirs)
        return statements_about(query.topic, claims, lambda doc_id: self._texts([doc_id], texts).get(doc_id, ""),
                                self.reader.claims(filters=Filters(doc_ids=docs)))

    def doer_claims(self, query: Query) -> list[Claim]:
        """For "Who criticized Israel?" (a who-question of a routed kind naming whom or what it is
        about): the first ``max_doer_passages`` statements of that kind whose text or topics name
        it (a name or its demonym: "Israeli atrocities"), newest first, one per document."""
        targets = query.topic_names or query.actors  # (a who-question's actors are whom it was done to)
        if query.kind not in ROUTED_KINDS or not targets or not WHO_QUESTION.match(query.text):
            return []
        found: dict[str, Claim] = {}
        for name in targets:
            for c in self.reader.claims(kinds=query.routed_kinds, filters=query.statement_filters, topic=name):
                if claim_is(c, query.kind) and (len(name) > 2 or names_target(c.text, name)):
                    found.setdefault(c.doc_id, c)  # (a short name, "X", as a word of the text: not the "x" of "exit")
        kinded = sorted(found.values(), key=lambda c: c.date or "", reverse=True)[:self.config.max_doer_passages]
        if query.kind != "criticism":
            return kinded
        # (a statement of another kind faulting it in so many words: "This obsequious draft reads as if OPEC dictated
        # it word for word", Al Gore posted; after the statements of the kind)
        # (one per actor in a document: Ori Goshen's "as immoral as that is, Paddy Cosgrave chose ..." beside Dor
        # Shapiro's criticism of him in the same article)
        faulting: dict[tuple[str, str], Claim] = {}
        for name in targets:
            for c in self.reader.claims(filters=query.statement_filters, topic=name):
                if (c.doc_id not in found or found[c.doc_id].actor != c.actor) and not claim_is(c, query.kind) \
                        and DISAPPROVING.search(c.text) and (len(name) > 2 or names_target(c.text, name)):
                    faulting.setdefault((c.doc_id, c.actor), c)
        return kinded + sorted(faulting.values(), key=lambda c: c.date or "",
                               reverse=True)[:self.config.max_doer_passages]

    def copies(self, passages: list[Passage]) -> dict[str, list[Document]]:
        """The near-duplicate copies (whole documents) of the passages' articles, by doc_id."""
        links = self.reader.near_duplicates([p.doc_id for p in passages])
        docs: dict[str, Document] = {}
        out: dict[str, list[Document]] = {}
        for doc_id, others in links.items():
            for o in others:
                if o["doc_id"] not in docs:
                    try:
                        docs[o["doc_id"]] = self.reader.document(o["doc_id"])
                    except NotFound:  # deleted meanwhile
                        continue
                out.setdefault(doc_id, []).append(docs[o["doc_id"]])
        return out

    def speakers(self, passages: list[Passage]) -> dict[SentenceKey, list[str]]:
        """Who each sentence of the passages attributes a statement to, from the claims table."""
        return {key: list(dict.fromkeys(c.actor for c in found)) for key, found in self.statements(passages).items()}

    def statements(self, passages: list[Passage]) -> dict[SentenceKey, list[Claim]]:
        """The statements (claims) each sentence of the passages carries, from the claims table: a
        claim's own sentence and every other sentence its content runs through."""
        out: dict[SentenceKey, list[Claim]] = {}
        docs = sorted({p.doc_id for p in passages})
        # (a quotation that opens sentences before its cue's: "“President Biden is sending a valuable message ....
        # The administration is moving in the right direction,” he wrote" is his in its first sentence too; and
        # one running on past its first sentence, "“Sweden has done what it promised. We expect Turkey to keep
        # its side of the bargain.”" credited after it, is his in the second)
        spans: dict[str, set[tuple[int, int]]] = {}
        for p in passages:
            spans.setdefault(p.doc_id, set()).update((p.start + sp.start, p.start + sp.end)
                                                     for sp in split_sentences(p.text))
        for c in self.reader.claims(filters=Filters(doc_ids=docs)) if docs else []:
            out.setdefault((c.doc_id, c.sent_start), []).append(c)
            for a, b in spans.get(c.doc_id, ()):
                if a != c.sent_start and c.start < b and a < c.end:
                    out.setdefault((c.doc_id, a), []).append(c)
        return out
