"""Answerers: the one interface (``Answerer``) and the offline extractive answerer.

An answerer turns a ``Query`` and its ``Evidence`` into a stream of events: text deltas, then
one ``AnswerReady`` holding the final ``Answer``, whose every sentence ends in ``[n]`` markers
resolved to verbatim citations. The offline answerer picks the sentences that answer the
question, keeps who said them, and quotes them; below a confidence threshold, or when the
articles never mention what the question names, it abstains. Deterministic: the same index and
question give the same answer.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from index.actors import TITLES, ActorResolver, fold, is_office, match_actor_names, one_body, translit_key
from index.loaders import SPEECH_OUTLET
from index.models import Claim, Document, Filters, Passage
from index.text import ATTRIBUTION, DATELINE, mentions, quotation_end, split_sentences, terms

from .attribution import PREPOSITIONS, claim_sentence, closed_quote, person_answer, reported_offer, reported_offers
from .evidence import DISAPPROVING, Evidence, SentenceKey, claim_is, names_target
from .models import ABSTAIN_TEXT, Answer, AnswerReady, Citation, StreamEvent, TextDelta
from .query import (
    DERIVED_KINDS,
    MENTION_QUESTION,
    ROUTED_KINDS,
    WHO_QUESTION,
    Query,
    names_giver,
    opposition_of,
    question_subject,
    topic_owners,
)
from .rerank import Sentence, SentenceRanker
from .stance import (
    changes,
    content_country,
    country_of_speaker,
    on_topic,
    speaker_countries,
    stance_holders,
    topic_phrase,
)
from .support import STATEMENT_STEMS, denies_predicate, predicate, supports_predicate
from .timeorder import select_in_time, time_lead
from .topic import (
    Topic,
    countries_named,
    defined_forms,
    demonym_forms,
    is_lead_in,
    named_before,
    speech_state_of,
    table_forms,
)

_RESOLVER = ActorResolver()
_WHO = re.compile(r"^\s*(who|whom|whose)\b", re.I)
_PRONOUN_START = re.compile(r"^[“\"]?(they|he|she|we|it|its|their|his|her)\b", re.I)


class Answerer(Protocol):
    """What the facade calls: ``stream`` yields ``TextDelta``s, then exactly one ``AnswerReady``.

    ``name`` is recorded as ``Answer.backend``. Raises ``BackendError`` when a backend fails
    (the facade then falls back to the offline answerer)."""

    @property
    def name(self) -> str: ...

    def stream(self, query: Query, evidence: Evidence) -> Iterator[StreamEvent]: ...


def answer_of(events: Iterator[StreamEvent]) -> Answer:
    """The final ``Answer`` of an event stream (the deltas are dropped)."""
    for event in events:
        if isinstance(event, AnswerReady):
            return event.answer
    raise RuntimeError("the answerer finished without an answer")


def deltas(answer: Answer) -> Iterator[StreamEvent]:
    """A finished answer as a stream: one delta per cited sentence, then the answer."""
    for i, piece in enumerate(re.split(r"(?<=\])\s+", answer.answer)):
        yield TextDelta(("" if i == 0 else " ") + piece)
    yield AnswerReady(answer)


@dataclass
class AnswerConfig:
    """Thresholds of the offline answerer."""

    min_score: float = 0.38  # abstain below this (top sentence score)
    own_min_score: float = 0.30  # the bar for an asked actor's own sentence naming the topic
    relative: float = 0.80  # further sentences must score within this share of the best
    max_sentences: int = 3
    max_sentences_change: int = 4
    redundancy: float = 0.90  # cosine above which a sentence repeats one already chosen


class ExtractiveAnswerer:
    """The offline answerer: verbatim sentences of the evidence, each cited; see the module doc."""

    @property
    def name(self) -> str:
        return "extractive"

    def __init__(self, ranker: SentenceRanker, config: AnswerConfig | None = None):
        self.ranker = ranker
        self.config = config or AnswerConfig()

    def stream(self, query: Query, evidence: Evidence) -> Iterator[StreamEvent]:
        answer = None
        if query.unresolved:
            answer = self.answer(query, evidence)
        elif query.asks_change and evidence.stance_claims:
            answer = self.answer_stance(query, evidence)
        if answer is None and query.asks_change and evidence.claims:
            answer = self.answer_timeline(query, evidence.claims, evidence.passages + evidence.claim_passages,
                                          evidence.copies)
        yield from deltas(answer or self.answer(query, evidence))

    def answer(self, query: Query, evidence: Evidence) -> Answer:
        """The best sentences of the evidence; sentences carrying a routed claim are preferred
        and credited to its actor."""
        question, passages = query.question, evidence.passages
        if query.language != "en":
            return Answer(question, f"Not answered: this question looks written in {query.language}. The offline "
                          "answerer reads questions in English only (names can stay as the articles write them). "
                          "Ask it in English, or use an LLM backend (--llm) that reads "
                          f"{query.language}.", True, passages=passages)
        if query.unresolved:
            # "What did she say?" with nobody named before: never quote whoever a "she said" is about
            earlier = " and the previous answer names nobody it can stand for" if query.history else ""
            return Answer(question, f"{ABSTAIN_TEXT} Who is “{query.unresolved}”? The question names nobody"
                          f"{earlier}; ask again with the name.", True, passages=passages)
        if not passages:
            if query.time.bounded and query.time.phrases:
                return Answer(question, f"{ABSTAIN_TEXT} No article in the index published "
                              f"{' '.join(query.time.phrases)} matches the question.", True)
            return Answer(question, ABSTAIN_TEXT + " Nothing in the index matches the question.", True)
        # (a name another passage of the index carries is mentioned: what the actor said is looked for below)
        missing = [n for n in missing_names(query, passages) if n not in evidence.mentioned_elsewhere]
        if missing:
            if query.time.bounded and query.time.phrases:  # "What did Nunez say before 2026?"
                when = " ".join(p for p in query.time.phrases if p.lower() not in ("now", "currently"))
                return Answer(question, f"{ABSTAIN_TEXT} No article published {when} that matches the question "
                              f"mentions {', '.join(missing)}.", True, passages=passages)
            scope = filter_scope(query.filters)
            if scope:  # ("What did Gromov say?" with Harbour Post chosen: another outlet's article names him)
                return Answer(question, f"{ABSTAIN_TEXT} No article {scope} mentions {', '.join(missing)}; "
                              "clear the filter to ask all the articles.", True, passages=passages)
            # ("Zelenksy": "did you mean Volodymyr Zelenskyy?", the index's names spelled closest to it)
            meant = [m for n in missing for m in evidence.suggestions.get(n, [])]
            guess = f" Did you mean {' or '.join(meant)}?" if meant else ""
            return Answer(question, f"{ABSTAIN_TEXT} They do not mention {', '.join(missing)}.{guess}", True,
                          passages=passages)
        # (", the Wikimedia Foundation’s VP ..., Rebecca MacKinnon, says": hers)
        evidence = credited_by_phrase(query, evidence)
        own = person_answer(query, evidence)  # "What did <person> pledge?": their own statements only
        if own is not None:
            return own
        # (a sentence stating something in its own words, though it ends in a colon before a list: "To this end, I
        # would like to propose a Global Development Initiative:" was dropped as a crosshead)
        own_words = {key for key, found in evidence.statements.items()
                     if any(c.sent_start == key[1] and key[1] <= c.start and c.end <= c.sent_end for c in found)}
        ranked = self.ranker.rank(query, passages, stated=own_words)
        boosted = evidence.claim_sentences
        for s in ranked:
            if (s.passage.doc_id, s.start) in boosted:
                s.score += 0.15 + resolved_name_credit(query, s, self.ranker.lexical_weight)
                s.parts["claim"] = boosted[(s.passage.doc_id, s.start)]
            elif (not (said := evidence.speakers.get((s.passage.doc_id, s.start), ())) or query.kind in (
                    None, "position", "statement") and set(said) <= set(dict(query.speakers).values())) \
                    and gives_asked_speech(query, s):
                # a sentence of the speech asked about with no statement of its own ("What did Anne Beathe
                # Tvinnereim say about Russia?": "Russia's war ... is of great concern to us") is the speaker's
                # though it names them nowhere: the name credit it misses (it abstained); one of its state's
                # statements there is the speaker's statement ("What is Netanyahu's position on Hamas?": his
                # speech's "Israel will reject any role for Hamas", not only a news line naming him)
                # (of a kind asked for, "What did he propose?", only the routed statements above are)
                s.score += (0.15 if said else 0.0) + resolved_name_credit(query, s, self.ranker.lexical_weight)
        candidates = ranked
        act = asks_act(query)
        # (a statement routed as the asked actor's was read on the topic with its cue's sentence: "After Russia’s
        # invasion of Ukraine, he said this in the Security Council:" and the quotation after it)
        # (not a lead-in naming only what the next sentences are about: "With respect to the Ukrainian crisis and
        # the war.", quoted as Iran's position on the war in Ukraine)
        ranked = sorted((s for s in ranked if ("claim" in s.parts or covers_topic(query, s, evidence.texts))
                         and not is_lead_in(s.text)
                         and (supports_predicate(query.untimed, s.text) or act and reports_title_act(query, s))),
                        key=lambda s: -s.score)
        if MENTION_QUESTION.match(query.text) and query.topic_terms:
            # "Did he mention Hamas?": yes only with a sentence that names it (or another form of it) itself, never
            # one under a title or after a sentence naming it
            ranked = [s for s in ranked if query.topic.shares(s.text, in_article(s, evidence.texts)[0])]
        naming = [s for s in ranked  # (``Topic.named_by``, as ``statements_about`` prefers them too)
                  if query.topic_terms and query.topic.named_by(s.text, (), *in_article(s, evidence.texts),
                                                                title=s.passage.title)]
        if naming and not any("claim" in s.parts or gives_asked_speech(query, s) for s in naming):
            # none of them the asked actor's: the statements routed as theirs were read on the topic so too ("What
            # did Biden say about Egypt?": his "reaffirmed the two countries’ ... partnership" under a title naming
            # Egypt, not only the analysts' sentences naming it)
            naming = [s for s in ranked if s in naming or "claim" in s.parts]
        if naming and query.kind in ROUTED_KINDS + DERIVED_KINDS:
            # the asked actor's statements of the kind asked were read on the topic as ``statements_about`` reads
            # them (one going on about what the sentence before it names, ``Topic.follows_on``): when none of the
            # sentences naming the topic is one, they stay ("What did Israel propose about Palestinians fleeing
            # Gaza?": "Israel has suggested they could be moved to tent camps ...", not its speech's "The
            # Palestinians could greatly benefit from a broader peace" under "No statement found is a proposal")
            def routed(s: Sentence) -> bool:
                return "claim" in s.parts and evidence.carries((s.passage.doc_id, s.start), query.kind)

            if not any(routed(s) for s in naming):
                naming = [s for s in ranked if s in naming or routed(s)]
        if naming and naming[0].score >= self.config.min_score:
            # sentences that name the topic themselves answer before any that only follow one naming it
            # ("What did Lula say about Ukraine?": not "Inequality must be at the heart of our agenda",
            # after his sentence on Ukraine)
            ranked = naming
        owners = topic_owners_asked(query)
        if owners and ranked:
            # "What did Trump say about China's trade practices?": the sentences naming China answer first ("Not only
            # has China declined to adopt promised reforms ..."), not his UK trade deal or "the Arms Trade Treaty",
            # which share only the generic word
            of_them = Topic(frozenset(), tuple(owners), query.topic.own - frozenset(
                c for c in (_RESOLVER.country_of(o) for o in owners) if c))
            of_owner = [s for s in ranked if of_them.names_in(s.text, s.passage.title, *in_article(s, evidence.texts))]
            if of_owner and of_owner[0].score >= self.config.min_score:
                ranked = of_owner
        if query.history and _ELSE.search(query.asked or query.question):
            # "What else did she say?": not what the earlier answers already quoted (any of them: "What did he
            # say about Saudi Arabia?", "... about Iran?", "What else?" repeated the first answer's quote)
            before = " ".join(" ".join(a.split()) for _, a in query.history)
            fresh = [s for s in ranked if " ".join(s.passage.slice(*quote_span(s)).split()) not in before
                     and " ".join(s.text.split()) not in before]  # (as quoted: without its dateline)
            if len(fresh) < len(ranked) and not any(s.score >= self.config.min_score for s in fresh):
                return Answer(question, f"{ABSTAIN_TEXT} Nothing else found: what the articles hold on this was "
                              "quoted in the answers above.", True, passages=passages)
            ranked = fresh or ranked
        if query.topic_names:
            # "What is Russia's position on sanctions on North Korea?": only sentences about North
            # Korea answer (it quoted Russia on sanctions on Syria); none: say so
            named = [s for s in ranked if "claim" in s.parts or names_topic(query, s, evidence.texts)]
            if ranked and ranked[0].score >= self.config.min_score and not (
                    named and named[0].score >= self.config.min_score):
                # (of "Sweden joining NATO", the state is what they lack: passages on NATO were found)
                named_states = [n for n in query.topic_names if _RESOLVER.country_of(n)]
                lacking = (named_states if named_states and len(named_states) < len(query.topic_names)
                           else list(query.topic_names))
                return Answer(question, f"{ABSTAIN_TEXT} The passages found on this do not mention "
                              f"{' or '.join(lacking)}.", True, passages=passages)
            ranked = named
        addressees = demand_addressees(query)
        if addressees and ranked:
            # "What did Egypt demand of Israel?": a demand made of Israel, not Egypt's call on "all peace-loving
            # Powers" beside a sentence naming Israel; none: say so, the nearest shown as others
            to_them = [s for s in ranked if addressed_to(s.text, addressees)]
            if not (to_them and to_them[0].score >= self.config.min_score):
                lead = (f"{ABSTAIN_TEXT} The articles do not report {' or '.join(query.actors) or 'anyone'} demanding "
                        f"anything of {' or '.join(addressees)}.")
                near = [s for s in ranked if s.score >= self.config.min_score][:2]
                if not near:
                    return Answer(question, lead, True, passages=passages)
                found = self.compose(query, near, passages, evidence.speakers, evidence.copies, {})
                return Answer(question, f"{lead} The nearest statements found, not demands of "
                              f"{' or '.join(addressees)}: {found.answer}", True, citations=found.citations,
                              passages=passages)
            ranked = to_them
        # (a head of state quoted by the bare title speaks for the state their article introduces them as heading)
        countries = {**evidence.heads,
                     **speaker_countries([c for found in evidence.statements.values() for c in found])}
        saying = query.kind not in ROUTED_KINDS + DERIVED_KINDS and bool(query.actors)
        # (a sentence stating the asked actor's offer is theirs, whoever it is attributed to: "the fact that Israel
        # is willing to release 150 Palestinian prisoners in exchange for 50 Israeli hostages", in a presenter's
        # question; a sentence carrying a statement of the kind is read as its statement says)
        offered = {(s.passage.doc_id, s.start): who for s in ranked
                   if not evidence.carries((s.passage.doc_id, s.start), query.kind)
                   for who in [reported_offer(query, s.text)] if who}
        # (asked what Lavrov said: his speech's "The United States is already saying that X" is his account)
        others = [s for s in ranked if (s.passage.doc_id, s.start) not in offered
                  and not (saying and gives_asked_speech(query, s)) and (
                  someone_else(query, evidence.speakers.get((s.passage.doc_id, s.start)))
                  or other_government(query, evidence.statements.get((s.passage.doc_id, s.start), []), countries)
                  or other_speech(query, s, evidence.statements.get((s.passage.doc_id, s.start), [])))]
        ranked = [s for s in ranked if s not in others]  # never credit another actor's statement
        who_asked = bool(WHO_QUESTION.match(query.text))  # "Who proposed that North Korea ...?": names are the topic
        nobody = ""
        bar = self.config.min_score  # the score the best sentence needs (lower for the asked actor's own)
        faulting: list[Sentence] = []  # doers found by their speech's words, no statement of the kind carried
        named_doers: dict[tuple[str, int], str] = {}  # of those, told doing it or faulting it in other words: who
        doer_firsts: list[Sentence] = []  # each doer's best sentence, of a who-question
        if query.actors and query.kind and not (who_asked and query.kind in ROUTED_KINDS):
            # "What did the SEC say about ...?": when the named actors' own statements are among the
            # candidates, only they answer (a sentence of narration beside them reads as theirs).
            # (a speech's giver asked, the state they spoke for: "What is Netanyahu's position on Hamas?" is
            # answered from his speeches' sentences on Hamas, cue or none, never from Lapid's for Israel)
            states = {c for c in (_RESOLVER.country_of(a) for a in query.actors) if c}
            states |= set(dict(query.speakers).values())
            # a state's speeches: every sentence of them is the state's (its statements there carry
            # the speaker's office as their role; a speech's title is "speaker, post, country")
            speeches = {c.doc_id for found in evidence.statements.values() for c in found
                        if c.actor_type == "government" and c.role and _RESOLVER.country_of(c.actor) in states}
            # an official by a bare title whose other words found name the state ("Velmor had no position on
            # membership yet ..., Trade Minister Jonas Halde said"): the state's official in all of them
            state_officials = {c.actor for found in evidence.statements.values() for c in found
                               if c.actor_type == "person" and is_office(c.role) and content_country(c) in states}

            def in_speech(s: Sentence) -> bool:  # a sentence of the asked state's speech, on the topic
                # (a speech, not a news article where the state's ministry is quoted: every sentence of
                # that is not the state's)
                speech = not s.passage.source or s.passage.source.startswith(SPEECH_OUTLET)
                return (s.passage.doc_id in speeches and speech or speech_state(s) in states
                        ) and (not query.topic_terms or query.topic.shares(s.text, in_article(s, evidence.texts)[0]))

            asked_givers = {name for name, _ in query.speakers}

            def speaks_for_asked(s: Sentence) -> bool:  # the actor, or an official of the state asked about
                key = (s.passage.doc_id, s.start)
                if key in offered:
                    return True
                said_by = set(evidence.speakers.get(key, ()))
                if said_by & asked_givers:
                    return True  # ("President Xi proposed the Global Development Initiative" in Wang Yi's speech)
                if asked_givers and speech_state(s) in states and not gives_asked_speech(query, s):
                    return False  # "What did Netanyahu pledge?": not Lapid's speech for Israel
                if said_by & set(query.actors):
                    return True
                if in_speech(s) and not (said_by and all(countries.get(a) not in states and _RESOLVER.country_of(a)
                                                         not in states for a in said_by)):
                    # (not a speech's "The General Assembly demanded that Russia ...": another's statement)
                    return True
                if saying and in_speech(s) and gives_asked_speech(query, s):
                    return True  # (his speech's account of another's words)
                if asked_givers:  # "What did Lavrov pledge?": his words, not Putin's for Russia
                    return False
                return bool(states) and any(
                    (countries.get(c.actor) or country_of_speaker(c) or content_country(c)) in states
                    or c.actor in state_officials for c in evidence.statements.get(key, []))

            theirs = [s for s in ranked if speaks_for_asked(s)]
            own_speech = [s for s in theirs if asked_givers and gives_asked_speech(query, s)]
            if own_speech and own_speech[0].score >= self.config.min_score:
                # the giver's own speeches before others' accounts of them: "What did Trump say about Venezuela?"
                # opens with his speech's "We call for the full restoration of democracy ...", not with Maduro's
                # "President Trump has said that he is worried about Venezuela" (a named report outscores it)
                theirs = own_speech + [s for s in theirs if s not in own_speech]
            givers = dict(query.speakers)  # ("Olaf Scholz", a speech's giver, speaks for Germany)
            if not theirs and states and evidence.speakers and all(
                    _RESOLVER.country_of(a) in states or givers.get(a) in states for a in query.actors) \
                    and (query.topic_terms or query.kind in ROUTED_KINDS) and not asks_act(query):
                # "What did Norway say about sanctions on Iran?" and no sentence found is Norway's or
                # its officials': say so (it quoted Israel's speech as the answer)
                return self.answer_silent(query, evidence, " and ".join(sorted(states)), others + ranked,
                                          state=True)
            if query.kind in ROUTED_KINDS + DERIVED_KINDS and not query.cited_outlets:
                # "What did Varnholm pledge?": its pledges, before its other statements (a cited outlet
                # narrows by itself below)
                theirs = [s for s in theirs if evidence.carries((s.passage.doc_id, s.start), query.kind)] or theirs
            if theirs and theirs[0].score < self.config.min_score and query.topic_terms:
                # the actor's own sentences naming the topic answer at a lower bar than any other's: "What did
                # Nicolás Maduro say about sanctions?" quoted an Israeli official's line on sanctions, as his
                # speech's "we are subject to ... unilateral economic sanction mechanisms" scored under the bar
                # (the words of his name matched Trump's sentences about him better)
                theirs = [s for s in theirs if s.score >= self.config.own_min_score
                          and query.topic.named_by(s.text, (), *in_article(s, evidence.texts))]
                if theirs:
                    ranked, bar = theirs, self.config.own_min_score
            elif theirs and theirs[0].score >= self.config.min_score:
                ranked = theirs
        elif query.kind in ROUTED_KINDS and who_asked:
            # "Who rejected the gas offer?": the sentences that carry a rejection answer, before a
            # sentence about the offer that rejects nothing ("Marchetti rejected the proposal")
            owned = {t for n in topic_owners(query.text, query.names) for t in terms(n)}
            rest = query.topic_terms - owned

            def about(s: Sentence) -> bool:  # (the offer named in the sentences before it)
                found = set(terms(s.passage.text))
                if owned:  # "Who rejected Norvalia's offer?": a passage about Norvalia, and the rest of the topic
                    own = set(terms(s.text))
                    others = {m.group(1) for m in _OWNED_THING.finditer(s.text)}
                    if not owned & own and any(not set(terms(o)) & owned for o in others):
                        return False  # "Sokol rejected Kestoria's offer": another's offer, though Kenya is near
                    if not owned & own and not _REFERS_BACK.search(s.text):
                        return False  # ("Judge Engoron rejected the arguments of ...", beside a passage on Meta)
                    return owned <= found and (not rest or bool(rest & found))
                if not query.topic_terms and query.names:
                    # "Who criticized Russia?": the names are what the statement is about; a sentence naming
                    # one (not the Xi-Putin statement on a U.S. decision, in a passage about Russia)
                    named = countries_named(s.text)
                    if any((names_target(s.text, n) or _RESOLVER.country_of(n) in named)
                           and not _only_victim(s.text, n) for n in query.names):
                        return True
                    # (or refers back to it, named in the sentence before: "... X is the platform with the largest
                    # ratio of disinformation posts.” / "... EU lawmakers ... criticised the company")
                    before = s.passage.text[:max(0, s.start - s.passage.start)]
                    previous = split_sentences(before)[-1:]
                    return bool(previous and _REFERS_BACK_BODY.search(s.text)) and any(
                        names_target(before[previous[0].start:previous[0].end], n) for n in query.names)
                if query.topic.names_only and query.topic_names:
                    # "Who criticized Russia?": a sentence naming Russia, not one beside a passage naming it
                    return query.topic.named_by(s.text, (), *in_article(s, evidence.texts))
                if len(query.topic_terms) >= 4 and len(query.topic_terms & set(terms(s.text))) < 2:
                    # "Who offered to establish an international task force to assist Israel?": not a call for a
                    # humanitarian corridor by "International aid groups" (one word of the five)
                    return False
                if covers_topic(query, s, evidence.texts):
                    return True
                # a sentence that refers back to the topic named in the sentence before ("Marchetti
                # rejected it"); not one that only shares a passage with it ("Who criticized sanctions?":
                # not "We shall continue to criticize any attempt to divide the world", two sentences on)
                before = s.passage.text[:max(0, s.start - s.passage.start)]
                previous = split_sentences(before)[-1:]
                return bool(previous and _REFERS_BACK.search(s.text)
                            and query.topic.shares(before[previous[0].start:previous[0].end]))

            # (a person's role in any article found: Breton is "the EU’s internal market commissioner" in one)
            roles_of: dict[str, set[str]] = {}
            for c in [c for found in evidence.statements.values() for c in found] + evidence.claims:
                if c.role:
                    roles_of.setdefault(c.actor, set()).add(c.role)

            def by_target(s: Sentence) -> bool:  # "Who criticized Meta?": not Meta's own statements
                of_kind = [c for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                           if claim_is(c, query.kind)]
                targets = {_RESOLVER.country_of(n) for n in query.names} - {None}
                return bool(of_kind) and all(any(match_actor_names(n, [c.actor]) for n in query.names)
                                             or country_of_speaker(c) in targets
                                             or any(serves(r, query.names) for r in roles_of.get(c.actor, ()))
                                             for c in of_kind)

            targets = {_RESOLVER.country_of(n) for n in query.names} - {None}

            def speech_faults(s: Sentence) -> bool:  # another state's speech sentence faulting the one asked about
                # ("the flagrant violations of international law that are being committed by Israel, the occupying
                # Power" in Palestine's speech: no cue marks it, and a speech is its state's words)
                state = speech_state(s)
                # (the fault said near where it names them, not as whom it thanks: "Russia carried out open
                # aggression against Georgia, ... the unwavering support of ... the United States" praises the US)
                return query.kind == "criticism" and bool(state) and state not in targets \
                    and faults_near(s.text, _FAULTING, marks)

            def targeted(who: str) -> bool:  # the one asked about, or its official
                return any(match_actor_names(n, [who]) for n in query.names) or _RESOLVER.country_of(who) in targets \
                    or countries.get(who) in targets or any(serves(r, query.names) for r in roles_of.get(who, ()))

            def faults_in_words(s: Sentence) -> str:
                # a statement of another kind faulting what was asked about, in its sentence or right after a sentence
                # that does ("Backlash was swift. “This obsequious draft reads as if OPEC dictated it ...,” Al Gore
                # posted"): its speaker criticised it
                said = [c.actor for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                        if not claim_is(c, query.kind) and not targeted(c.actor) and c.actor not in kind_doers]
                if query.kind != "criticism" or not said:
                    return ""
                before = s.passage.text[:max(0, s.start - s.passage.start)]
                previous = split_sentences(before)[-1:]
                near = s.text + (" " + before[previous[0].start:previous[0].end] if previous else "")
                # (the fault said of what was asked, near where the sentence names it: not Goshen's "as immoral as
                # that is, Paddy Cosgrave chose ... to post something against the policies of the Israeli government")
                # (or said of it as the sentence's subject: "X, former Twitter, ... is the platform with the largest
                # ratio of mis/disinformation posts", Jourova)
                opens = any(rx.match(s.text.lstrip("“\"‘'")) for rx in marks) and bool(DISAPPROVING.search(s.text))
                return said[0] if opens or any(near_target(near, m.start()) for m in DISAPPROVING.finditer(near)) \
                    else ""

            marks = [re.compile(r"(?<![\w@#])" + re.escape(f) + (r"(?![\w-])" if len(f) <= 2 else ""),
                                0 if len(f) <= 2 else re.I)  # ("X" as written: not the "x" of "exited")
                     for n in query.names for f in [n, *demonym_forms(_RESOLVER.country_of(n) or "")]]

            def near_target(text: str, at: int, reach: int = 80) -> bool:  # what was asked named near ``at``
                if any(abs(m.start() - at) <= reach for rx in marks for m in rx.finditer(text)):
                    return True
                return any(abs(w.start() - at) <= reach and set(terms(w.group(0))) & query.topic_terms
                           for w in re.finditer(r"[\w’'-]+", text))

            def told_doing(s: Sentence) -> str:  # "an Oslo court rejected Meta’s arguments": told doing it to it
                who, to = narrated_doer(query.kind, s.text)
                if not who or targeted(re.sub(r"^(?:the|an?)\s+", "", who)):
                    return ""
                return who if query.topic.shares(to) or any(fold(n) in fold(to) for n in query.names) else ""

            # (one already doing it in so many words is no new doer: Fenwick's "Talvoria has broken its word" after
            # his "condemned the decision")
            # (Jourova's “Such insight is crucial ...”, a criticism of nothing asked, leaves her X sentence a doer's)
            kind_doers = {c.actor for s in candidates for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                          if claim_is(c, query.kind) and about(s)}
            for s in candidates:
                key = (s.passage.doc_id, s.start)
                # (never the target's own words telling it: "This Assembly condemned Israel ...", Israel's speech)
                if not evidence.carries(key, query.kind) and not speech_faults(s) and about(s) \
                        and speech_state(s) not in targets \
                        and not any(targeted(a) for a in evidence.speakers.get(key, ())):
                    if doer_name := told_doing(s) or faults_in_words(s):
                        named_doers[key] = doer_name
            doers = sorted((s for s in candidates if (evidence.carries((s.passage.doc_id, s.start), query.kind)
                                                      or speech_faults(s) or (s.passage.doc_id, s.start) in named_doers)
                            and about(s) and not by_target(s)),
                           key=lambda s: -s.score)
            if doers and doers[0].score >= self.config.min_score:
                faulting = [s for s in doers if speech_faults(s) or (s.passage.doc_id, s.start) in named_doers]

                def doer(s: Sentence) -> str:
                    did = [c.actor for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                           if claim_is(c, query.kind)]
                    return did[0] if did else named_doers.get((s.passage.doc_id, s.start)) or speech_state(s) or ""

                # only who did it (a sentence beside them reads as another doer), each doer's best first: one
                # state's three speech sentences must not crowd out the others who did it
                firsts = list({doer(s): s for s in reversed(doers)}.values())[::-1]
                doer_firsts[:] = firsts  # (each doer quoted at the bar, not only those near the best: several doers)
                ranked = sorted(firsts, key=lambda s: -s.score) + [s for s in doers if s not in firsts]
            else:  # "Who rejected Kenya's offer?" and nobody did: say so before the nearest passages
                nobody = (f"No statement found is a {query.kind} on this in so many words; "
                          "the passages closest to the question: ")

                def of_target(s: Sentence) -> bool:  # "Who criticized Israel?": never Israel's own words
                    said_by = evidence.speakers.get((s.passage.doc_id, s.start), [])
                    if said_by:
                        return all(any(match_actor_names(n, [a]) for n in query.names)
                                   or countries.get(a) in targets or _RESOLVER.country_of(a) in targets
                                   or any(serves(r, query.names) for r in roles_of.get(a, ()))
                                   for a in said_by)
                    return speech_state(s) in targets

                # (the nearest passages are about what was asked: not Jourova criticising platforms for "Who
                # criticized OPEC?", nor Engoron rejecting Trump's arguments for "Who rejected Meta's arguments?")
                near = [s for s in ranked if not of_target(s) and about(s)]
                if not near:
                    return Answer(question, f"No statement found is a {query.kind} on this in so many words, and no "
                                  "passage found is about it.", True, passages=passages)
                ranked = near
        elsewhere = ""
        if query.cited_outlets:
            # "According to the Harbour Post, what did ...?": that outlet's sentences answer; when
            # none does, the answer says so before quoting the other outlets.
            cited = [s for s in ranked if s.passage.source in query.cited_outlets]
            if cited and cited[0].score >= self.config.min_score:
                ranked = cited
            else:
                elsewhere = (f"Nothing from {' or '.join(query.cited_outlets)} in the index answers this; "
                             "other outlets: ")
        # (the giver of a speech is not silent: its state's statements there are theirs)
        asked = [a for a in position_holders(query) if a not in dict(query.speakers)]
        if (asked and evidence.speakers and all(_RESOLVER.type_of(a) in ("person", "organisation") for a in asked)
                and not any(set(evidence.speakers.get((s.passage.doc_id, s.start), ())) & set(asked)
                            for s in others + ranked)):
            # "What is Brandt's position on the drills freeze?" / "What did the SEC say about
            # Binance?" and no sentence found is theirs: say so, and quote what others said with
            # their names (it quoted narration as their answer). ("Jourova", a surname an article gave
            # alone, and "Vera Jourova" are one person named once)
            once = [a for a in asked if not any(b != a and b.split()[-1] == a for b in asked)]
            return self.answer_silent(query, evidence, " and ".join(once), others + ranked)
        voicing: list[Sentence] = []  # the sentences where the one asked about speaks, by name or by its officials
        state = silent_state(query) if evidence.speakers else ""
        country = state_country(state) if state else None
        # (a body of the state asked by name, "the Niger junta": those introduced as its officials speak for it)
        organ = body_officials(state, evidence) if country and _RESOLVER.resolve(state).role else set()
        # (of the sentences found on the question, as a state of the index is read: not a professor's "India had
        # to learn a lot" elsewhere in an article found)
        if country and not any(c.actor in organ or country in (countries.get(c.actor), country_of_speaker(c),
                                                               content_country(c), _RESOLVER.country_of(c.actor))
                               for s in others + ranked for c in evidence.statements.get((s.passage.doc_id, s.start),
                                                                                          [])) \
                and not any(is_office(c.role) and content_country(c) == country
                            for found in evidence.statements.values() for c in found) \
                and not (query.kind in (None, "position", "statement") and any(
                    speech_state(s) == country for s in others + ranked if s.score >= self.config.min_score)):
            # (a sentence of its own speech is its position, cue or none: "The sanctions ... against Cuba violate";
            # its official's words in an article found are its, "Velmor's government has ordered a review ..., Trade
            # Minister Jonas Halde said", whichever sentence answers)
            # "What did Denmark pledge to Ukraine?" and nothing found is Denmark's or its officials':
            # say so (it quoted NATO's pledge)
            return self.answer_silent(query, evidence, state, others + ranked, state=True)
        if country:
            # a state no statement of the index is credited to by name: only its statements answer (its officials',
            # one naming it as the subject of what it did, its speech's sentences), of the kind asked; "What did
            # Ireland demand?" quoted narration on "Ireland's DPC" once an Israeli spokesman's "The Irish have been
            # pressing for a ceasefire" (no demand) was found, and an Irish regulator is not the state speaking
            officials = organ | {c.actor for found in evidence.statements.values() for c in found
                                 if is_office(c.role) and content_country(c) == country}
            kinded = query.kind in ROUTED_KINDS + DERIVED_KINDS

            def of_state(s: Sentence) -> bool:
                if not kinded and speech_state(s) == country:
                    return True
                return any((country in (countries.get(c.actor), country_of_speaker(c), content_country(c),
                                        _RESOLVER.country_of(c.actor)) or c.actor in officials)
                           and (not kinded or claim_is(c, query.kind))
                           for c in evidence.statements.get((s.passage.doc_id, s.start), []))

            stated = [s for s in ranked if of_state(s)]
            if not stated:
                return self.answer_silent(query, evidence, state, others + ranked, state=True)
            ranked = stated
            voicing = [s for s in stated if set(evidence.speakers.get((s.passage.doc_id, s.start), ())) & organ]
        silent = silent_speaker(query) if evidence.speakers else ""  # (no statements at all: extraction was off)
        opposition = bool(silent) and bool(opposition_of(silent))  # ("Japan's opposition": no party of it quoted)
        if silent and (is_person_in(silent, passages) or is_body(silent) or named_in(silent, passages) or opposition):
            # (its officials speak for a body: "ECOWAS Commission President Omar Touray said")
            voices = body_officials(silent, evidence) | {re.sub(r"^the\s+", "", silent, flags=re.I), *query.actors}

            def voiced(s: Sentence) -> bool:  # a sentence where the one asked about speaks
                said = set(evidence.speakers.get((s.passage.doc_id, s.start), ()))
                return bool(said & voices) or not opposition and any(
                    rx.search(s.text) for rx in _speaking(silent, [s.passage]) if not rx.pattern.startswith("^"))

            if (opposition or not speaks_in(silent, passages)) \
                    and not asked_actor_speaks(query, evidence, others + ranked, silent) \
                    and not any(voiced(s) for s in others + ranked):
                return self.answer_silent(query, evidence, silent, others + ranked,
                                          mentioned=not opposition or named_in(silent, passages))
            # only their words answer, never another's statement of the kind ("What did Dagalo demand?" quoted the
            # demands of others in other articles); none found: say so, with what others said as theirs
            voicing = [s for s in ranked if voiced(s)]
            if not voicing:
                return self.answer_silent(query, evidence, silent, others + ranked,
                                          mentioned=not opposition or named_in(silent, passages))
            ranked = voicing
        if query.kind in ROUTED_KINDS + DERIVED_KINDS:
            # "Who offered to host the talks?": when statements of the kind asked for answer it,
            # only they are quoted (not a sentence that merely mentions an offer).
            of_kind = [s for s in ranked if evidence.carries((s.passage.doc_id, s.start), query.kind) or s in faulting
                       or (s.passage.doc_id, s.start) in offered]
            # (a proposal made before a call or plan that answers one too: "We propose a conference" first)
            of_kind = [s for s in of_kind if (evidence.carries((s.passage.doc_id, s.start), query.kind, strict=True)
                                              or s in faulting or (s.passage.doc_id, s.start) in offered)
                       and s.score >= self.config.min_score] or of_kind
            if of_kind and of_kind[0].score >= self.config.min_score:
                ranked = of_kind
            elif (query.actors or silent) and not nobody and evidence.speakers:
                # "What did Hamas demand?" and no demand found: say so before the nearest passages
                # (it quoted "Hamas denies that it is even holding hostages" as the answer)
                nobody = (f"No statement found is a {query.kind} by {' or '.join(query.actors) or silent} in so many "
                          "words; the passages closest to the question: ")
        covered: list[Sentence] = []
        # (a speech's giver and the state the speech is of are one actor asked: "What did Erdoğan pledge?")
        spoken = dict(query.speakers)
        asking = [a for a in query.actors if not (a in spoken and spoken[a] in query.actors)]
        # ("G8" and "Group of Eight", both actors of the index: one body asked about, ``one_body``)
        asking = [a for i, a in enumerate(asking) if not any(one_body(b, a) for b in asking[:i])]
        if len(asking) > 1 and query.kind in ROUTED_KINDS + DERIVED_KINDS and not who_asked and not nobody:
            # "What did Russia and China propose?": each actor's best statement of the kind is quoted (China's
            # sentences, naming it, outscored Russia's), and an actor with none is said to have none
            def whose(s: Sentence) -> set[str]:
                found = asked_speakers(query, [c for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                                               if claim_is(c, query.kind)], countries)
                # (a speech giver asked and the state they spoke for are one actor: Xi's pledge is China's)
                # ("the US and China — committed to working toward that goal": China's pledge too, though the
                # statement carried is the United States')
                return found | {state for name, state in spoken.items() if name in found} | set(
                    reported_offers(query, s.text))

            best = {a: next((s for s in ranked if s.score >= self.config.min_score and a in whose(s)), None)
                    for a in asking}
            unheard = [a for a, s in best.items() if s is None]
            if len(unheard) < len(best):
                covered = [s for s in best.values() if s is not None]
                if unheard:
                    nobody = f"No statement found is a {query.kind} by {' or '.join(unheard)} in so many words. "
        whole = [s for s in ranked if query.topic.whole_in(s.text, *in_article(s, evidence.texts))]
        if whole and whole[0].score >= bar and len(whole) < len(ranked):
            # of a topic of several words, sentences carrying all of them answer first ("What did Ramaphosa
            # say about land reform?": "the question of land reform", not "Reform of the United Nations")
            ranked = whole
        if not ranked or ranked[0].score < bar:
            # (another state's speech sentence has no attributed speaker: the speech's state is who spoke)
            who = (evidence.speakers.get((others[0].passage.doc_id, others[0].start))
                   or [st for st in [speech_state(others[0])] if st]) if others else []
            if others and others[0].score >= self.config.min_score and who:
                silent_one = " or ".join(query.actors or [n for n in query.names if n not in who][:1]) or "anyone asked"
                return Answer(question, f"{ABSTAIN_TEXT} They do not report {silent_one} saying "
                              f"this; the statements found are {' and '.join(who)}'s.", True, passages=passages)
            return Answer(question, ABSTAIN_TEXT, True, passages=passages)
        chosen = select_in_time(query, ranked, self.config.max_sentences, self.config.min_score,
                                self.config.redundancy) if query.recency else self.select(query, ranked, bar,
                                                                                          doer_firsts)
        chosen = with_each(chosen, covered, self.config.max_sentences)
        if asked_of(query) and not who_asked and not query.asks_change and evidence.speakers and chosen and not any(
                (s.passage.doc_id, s.start) in offered or s in voicing or speaks_for(query, s, evidence, countries)
                for s in chosen):
            if reported := act_reports(query, chosen) if act else []:
                # "Did Binance plead guilty?": the articles' report of the act answers, saying whose report it is
                answer = self.compose(query, reported, passages, evidence.speakers, evidence.copies, {})
                answer.answer = no_lead(query, reported) + reported_lead(query, answer) + answer.answer
                return answer
            # "What did Lavrov say in 2023?" answered with a photo caption ("A Ukrainian soldier is seen inside an
            # artillery vehicle ..."), "What did the Saudi crown prince say?" with a journalist's "Crown Prince
            # Mohammed bin Salman ... might welcome such an initiative": nobody asked about speaks in what was
            # found, so they are said to have said nothing, the passages shown as context only
            return self.answer_unheard(query, evidence, chosen)
        if denial := next((s for s in chosen if no_lead(query, [s])), None) if act else None:
            # "Did Kishida apologise?": "..., but he stopped short of a fresh apology" says no, first; what they said
            # right after it goes with it ("The Japanese government's position is that it inherits the positions ...")
            after = next((s for s in candidates if s.passage.doc_id == denial.passage.doc_id
                          and 0 <= s.start - denial.end <= 3), None)  # (the next sentence: a space or a line apart)
            then = [after] if after is not None and speaks_for(query, after, evidence, countries) else []
            keys = {(s.passage.doc_id, s.start) for s in [denial, *then]}
            chosen = [denial, *then, *[s for s in chosen if (s.passage.doc_id, s.start) not in keys]]
            chosen = chosen[:max(len(then) + 1, self.config.max_sentences)]
        dates = {(c.doc_id, c.sent_start): c.date for c in evidence.claims + evidence.actor_claims if c.date}
        speakers = evidence.speakers
        if who_asked and query.kind in ROUTED_KINDS and not nobody:
            # "Who criticized Russia?": each quote introduced by who did it (the International Court of Justice,
            # quoted in France's speech), not by the others its sentence names
            speakers = dict(speakers)
            for s in chosen:
                did = [c.actor for c in evidence.statements.get((s.passage.doc_id, s.start), [])
                       if claim_is(c, query.kind)]
                if did:
                    speakers[(s.passage.doc_id, s.start)] = list(dict.fromkeys(did))
                elif (s.passage.doc_id, s.start) in named_doers:  # ("an Oslo court rejected Meta’s arguments")
                    speakers[(s.passage.doc_id, s.start)] = [named_doers[(s.passage.doc_id, s.start)]]
        if offered:  # (the offer stated is the actor's, not the words of whoever the sentence quotes)
            speakers = {**speakers, **{k: [who] for k, who in offered.items()}}
        if saying:
            # (what the asked speech reports of another is the speech's state's words: "Russia", not "United States")
            told = {(s.passage.doc_id, s.start): state for s in chosen if gives_asked_speech(query, s)
                    for state in [speech_state(s)] if state}
            speakers = {**speakers, **{k: [st] for k, st in told.items() if st not in speakers.get(k, [])}}
        answer = self.compose(query, chosen, passages, speakers, evidence.copies, dates,
                              name_each=who_asked and not nobody)  # ("Who warned ...?": each doer named first)
        if query.asks_change and not query.recency and not nobody and answer.citations:
            # "How has Russia's stance on NATO changed?" and what is found is of one date: say so
            days = [c.statement_date or c.published[:10] for c in answer.citations]
            holders = stance_holders(query.text, query.actors) or [  # (a state with no statement credited by name)
                n for n in query.names if _RESOLVER.country_of(n) and n not in query.topic_names][:1]
            if len(set(days)) == 1 and days[0]:
                topic = topic_phrase(query.text, holders, query.topic_terms, [q for q, _ in query.history])
                subject = " and ".join(holders) + (f" on {topic}" if topic else "") if holders else "The passages found"
                answer.answer = change_lead(subject, days) + _ONE_DATE_LEAD.sub("", answer.answer)
        answer.answer = nobody + elsewhere + (no_lead(query, chosen) if act else "") + answer.answer
        return answer

    def answer_silent(self, query: Query, evidence: Evidence, who: str, ranked: list[Sentence],
                      state: bool = False, mentioned: bool = True) -> Answer:
        """ "What did Trump say about Iran?" when the articles mention Trump but credit him with no
        statement: say so, then quote up to two statements on the topic with their real speakers.
        ``state``: ``who`` is a state, spoken for by its officials too ("... do not report Norway
        or its officials saying anything about sanctions on Iran"); ``mentioned``: the passages name ``who``."""
        doing = silent_phrase(query, who)
        lead = (f"{ABSTAIN_TEXT} They do not report {who} or its officials {doing}." if state
                else f"{ABSTAIN_TEXT} They mention {who} but do not report {who} {doing}." if mentioned
                else f"{ABSTAIN_TEXT} They do not report {who} {doing}.")
        credited = [s for s in sorted(ranked, key=lambda s: -s.score) if s.score >= self.config.min_score
                    and evidence.speakers.get((s.passage.doc_id, s.start))
                    # ("According to Fortune, ...": that outlet's articles only, not a UN speech)
                    and (not query.cited_outlets or s.passage.source in query.cited_outlets)]
        # "What does X currently say ...?": the others' statements newest first too, as the time leads say
        credited = (select_in_time(query, credited, 2, self.config.min_score, self.config.redundancy)
                    if query.recency and credited else credited[:2])
        if not credited or MENTION_QUESTION.match(query.text):
            # ("Did Kishida mention China?": whether he did; others naming China are not what was asked)
            return Answer(query.question, lead, True, passages=evidence.passages)
        dates = {(c.doc_id, c.sent_start): c.date for c in evidence.claims + evidence.actor_claims if c.date}
        found = self.compose(query, credited, evidence.passages, evidence.speakers, evidence.copies, dates)
        return Answer(query.question, f"{lead} Statements of others found on this: {found.answer}", True,
                      citations=found.citations, passages=evidence.passages)

    def answer_unheard(self, query: Query, evidence: Evidence, found: list[Sentence]) -> Answer:
        """ "What did Xi Jinping say in November 2023?" when the sentences found only tell of him ("U.S. President
        Joe Biden shakes hands with Chinese President Xi Jinping ..."): say that the articles do not report him
        saying anything (in the period asked), and show those sentences as context, never as his words."""
        m = _SILENT.match(query.untimed)
        said = m.group("who").strip() if m and m.group("wh") else ""
        said = "" if said.lower() in ("he", "she", "they", "it") else said
        who = said or " or ".join(dict.fromkeys(asked_of(query))) or "anyone asked about"
        when = " ".join(p for p in query.time.phrases if p.lower() not in ("now", "currently"))
        doing = silent_phrase(query, who)
        if query.history and _ELSE.search(query.asked or query.question):  # ("What else did he say?")
            doing = doing.replace(" anything", " anything else", 1)
        lead = f"{ABSTAIN_TEXT} They do not report {who} {doing}" + (f" {when}" if when else "")
        shown = self.compose(query, found[:2], evidence.passages, evidence.speakers, evidence.copies, {})
        return Answer(query.question, f"{lead}. Passages found, none of them {who}'s words: {shown.answer}", True,
                      citations=shown.citations, passages=evidence.passages)

    def answer_stance(self, query: Query, evidence: Evidence) -> Answer | None:
        """"How has X's stance on Y changed?": X's statements (its own and its officials') about
        Y, earliest and latest with the most different ones between (``assistant/stance.py``),
        each quoted in its whole sentence. None when fewer than two are on the topic."""
        found = evidence.stance_passages

        def sentence_of(c: Claim) -> str:
            p = found.get((c.doc_id, c.sent_start))
            return p.text[c.sent_start - p.start:c.sent_end - p.start] if p else c.text

        def named(c: Claim, sentence: str) -> bool:  # (in its passage: what comes before it may name the topic)
            p = found[(c.doc_id, c.sent_start)]
            return query.topic.names_in(sentence, p.title, p.text, c.sent_start - p.start)

        holders = stance_holders(query.text, query.actors)
        topic = topic_phrase(query.text, holders, query.topic_terms, [q for q, _ in query.history])
        claims = [c for c in evidence.stance_claims if (c.doc_id, c.sent_start) in found]
        kept = on_topic(claims, topic, query.topic_terms, sentence_of,
                        lambda c: found[(c.doc_id, c.sent_start)].title, self.ranker.embed_sentences,
                        lambda cs: self.ranker.vectors_at([(c.doc_id, c.sent_start, c.sent_end, sentence_of(c))
                                                           for c in cs]),
                        shares=lambda s: query.topic.shares(s), names=named if query.topic.names_only else None)
        picked = changes(kept, self.config.max_sentences_change)
        if len(picked) < 2:
            return None
        return self.answer_timeline(query, picked, list(found.values()), evidence.copies, holders, topic)

    def answer_timeline(self, query: Query, claims: list[Claim], passages: list[Passage],
                        copies: dict[str, list[Document]] | None = None, holders: Sequence[str] | None = None,
                        topic: str | None = None) -> Answer | None:
        """"How has X's stance on Y changed?": the actor's matching statements in date order,
        earliest, latest and up to two between, each quoted in its whole sentence, after the lead
        "X on Y, earliest to latest:" (``holders`` and ``topic``; by default the question's), or,
        when all are of one date, a lead that says no change over time can be shown. None when
        fewer than two can be quoted. A statement repeated by a near-duplicate copy (``copies``,
        see ``Evidence.copies``) is quoted once."""
        if holders is None:
            holders = stance_holders(query.text, query.actors)
        if topic is None:
            topic = topic_phrase(query.text, holders, query.topic_terms, [q for q, _ in query.history])
        copies = copies or {}
        by_sentence: dict[tuple[str, int], Claim] = {}
        for c in claims:
            by_sentence.setdefault((c.doc_id, c.sent_start), c)
        items = sorted(by_sentence.values(), key=lambda c: (c.when, c.sent_start))
        if len(items) < 2:
            return None
        if len(items) > 4:
            picks = [0, len(items) // 3, (2 * len(items)) // 3, len(items) - 1]
            items = [items[i] for i in sorted(set(picks))]
        citations: list[Citation] = []
        parts = []
        for c in items:
            passage = next((p for p in passages if p.doc_id == c.doc_id and p.covers(c.sent_start, c.sent_end)), None)
            if passage is None:
                continue
            cite = Citation.of(len(citations) + 1, passage, *claim_sentence(c, passage), speaker=c.actor,
                               statement_date=c.date, copies=copies.get(c.doc_id, ()))
            if any(cite.repeats(earlier) for earlier in citations):
                continue  # the same statement in a near-duplicate copy: quoted once, listed in also_in
            citations.append(cite)
            parts.append(f"{c.when[:10]} ({c.actor}, {c.kind}): {cite.shown} [{cite.n}]")
        if len(citations) < 2:
            return None
        who = " and ".join(holders) if holders else "The statements found"
        about = f" on {topic}" if topic else ("'s statements" if holders else "")
        return Answer(query.question, change_lead(who + about, [c.when[:10] for c in items]) + " ".join(parts),
                      False, citations=citations, passages=passages)

    def select(self, query: Query, ranked: list[Sentence], floor: float | None = None,
               each: Sequence[Sentence] = ()) -> list[Sentence]:
        """The sentences quoted: the best of ``ranked``, then those scoring at least ``floor`` (default
        ``min_score``) and within ``relative`` of the best (``each``: at least ``floor`` only; the best sentence of
        each doer a who-question found), none repeating one chosen."""
        cfg = self.config
        floor = cfg.min_score if floor is None else floor
        change = query.asks_change
        limit = cfg.max_sentences_change if change else cfg.max_sentences
        top = ranked[0].score
        chosen: list[Sentence] = [ranked[0]]
        for s in ranked[1:]:
            if len(chosen) >= limit:
                break
            new_article = s.passage.doc_id not in {c.passage.doc_id for c in chosen}
            if s.score < floor:
                continue  # a sentence added after the best clears the same bar
            # (a statement of the actor asked, in another article, clears a lower bar: "What is Netanyahu's
            # position on Hamas?" quotes his speech beside the news line naming him, which outscored it)
            own = bool(query.actors) and "claim" in s.parts
            if s.score < top * cfg.relative and s not in each and not ((change or own) and new_article
                                                     and s.score >= top * (cfg.relative - 0.1)) \
                    and not (own and any("claim" in c.parts and goes_on_quoting(c, s) for c in chosen)):
                # (the actor's quotation going on in the next sentence is quoted with it: Al Gore's “This obsequious
                # draft reads as if OPEC dictated it word for word,” ... “COP28 is now on the verge of complete
                # failure.”, the second scoring under the bar)
                continue
            if any(float(np.dot(s.vector, c.vector)) > cfg.redundancy for c in chosen):
                continue
            chosen.append(s)
        if change:
            chosen.sort(key=lambda s: (s.passage.published or "", s.passage.doc_id, s.start))
        return chosen

    def compose(self, query: Query, chosen: list[Sentence], passages: list[Passage],
                speakers: dict[tuple[str, int], list[str]],
                copies: dict[str, list[Document]] | None = None,
                dates: dict[tuple[str, int], str] | None = None, name_each: bool = False) -> Answer:
        """The chosen sentences quoted and cited in order; a sentence that repeats an earlier one
        from a near-duplicate copy (``copies``) is left out, that copy listed in ``also_in``.
        ``dates`` maps a sentence (doc_id, start) to the date of the statement it carries, given
        to its citation as ``statement_date``. A quote is introduced by its speakers ("(Ostmark) ...")
        when it opens with a pronoun or names none of them, or always with ``name_each`` (who-did-it
        questions: the doer is the answer)."""
        copies = copies or {}
        citations: list[Citation] = []
        parts: list[str] = []
        for s in chosen:
            start, end = quote_span(s)
            p = s.passage
            who = speakers.get((p.doc_id, s.start)) or ([s.parts["claim"]] if s.parts.get("claim") else [])
            if not who and (state := speech_state(s)):
                who = [state]  # (a UN speech's sentence with no cue is still its state's words)
            cite = Citation.of(len(citations) + 1, p, start, end, speaker=" and ".join(who),
                               statement_date=(dates or {}).get((p.doc_id, s.start), ""),
                               copies=copies.get(p.doc_id, ()))
            if any(cite.repeats(earlier) for earlier in citations):
                continue
            citations.append(cite)
            lead = ""
            if query.recency:  # "currently" / "first": every quote says when (assistant/timeorder.py)
                lead = time_lead(query, len(citations) - 1, p)
            elif query.asks_change and p.published:
                lead = (f"In {p.source or 'an article'} on {p.published[:10]}: " if p.source
                        else f"On {p.published[:10]}: ")
            if who and (name_each or _PRONOUN_START.match(cite.quote) or speech_state(s) in who or not any(
                    mentions(cite.quote.lower(), w) for w in who)):
                # (a UN speech's sentence always shows its state: "my country Ethiopia" names it, but not as the one
                # speaking, and its neighbours in the answer carry "(Ethiopia)")
                # "They've also proposed ...", "The ambassador added that ...": say who, from the attributed claim
                lead += f"({' and '.join(who)}) "
            parts.append(f"{lead}{cite.shown} [{cite.n}]")
        return Answer(query.question, " ".join(parts), False, citations=citations, passages=passages)


def cited_only(answer: Answer, kept: Sequence[Citation]) -> Answer:
    """``answer`` quoting only the citations ``kept`` (some of its own), renumbered from 1 in order, each quote
    introduced by its speaker when it does not name them."""
    citations: list[Citation] = []
    parts: list[str] = []
    for cite in kept:
        cite = replace(cite, n=len(citations) + 1)
        citations.append(cite)
        who = [w for w in cite.speaker.split(" and ") if w] if cite.speaker else []
        lead = f"({cite.speaker}) " if who and (_PRONOUN_START.match(cite.quote) or speech_state_of(
            cite.title, cite.source) in who or not any(mentions(cite.quote.lower(), w) for w in who)) else ""
        parts.append(f"{lead}{cite.shown} [{cite.n}]")
    return Answer(answer.question, " ".join(parts), False, citations=citations, passages=answer.passages,
                  backend=answer.backend, notice=answer.notice)


def goes_on_quoting(first: Sentence, then: Sentence) -> bool:
    """Whether ``then`` is the sentence right after ``first`` in its paragraph and goes on with the quotation
    ``first`` gives: ``first`` quotes (“...”) and ``then`` opens with a quotation mark."""
    if first.passage.doc_id != then.passage.doc_id or then.start < first.end:
        return False
    gap = then.passage.text[first.end - then.passage.start:then.start - then.passage.start] \
        if first.end >= then.passage.start else " "
    return (bool(re.fullmatch(r"[ \t]*\n?[ \t]*", gap)) and bool(re.search(r"[“\"].+[”\"]", first.text))
            and then.text.lstrip()[:1] in "“\"")


def with_each(chosen: list[Sentence], covered: list[Sentence], limit: int) -> list[Sentence]:
    """``chosen`` with every sentence of ``covered`` in it (one per actor asked about), in place of
    the lowest-scoring others beyond ``limit``; best first. Unchanged when ``covered`` is in it."""
    def key(s: Sentence) -> tuple[str, int]:  # (one sentence may come in two overlapping passages)
        return s.passage.doc_id, s.start

    covered = list({key(s): s for s in reversed(covered)}.values())[::-1]  # (Xi's and Putin's best: one sentence)
    have = {key(c) for c in chosen}
    missing = [s for s in covered if key(s) not in have]
    if not missing:
        return chosen
    wanted = {key(s) for s in covered}
    kept = [c for c in chosen if key(c) in wanted]
    rest = [c for c in chosen if key(c) not in wanted]
    return sorted(kept + missing + rest[:max(0, limit - len(kept) - len(missing))], key=lambda s: -s.score)


def asked_speakers(query: Query, statements: Sequence[Claim], countries: dict[str, str]) -> set[str]:
    """The actors of ``query.actors`` that ``statements`` (of one sentence) speak for: the actor
    itself, or for a state its officials (their country, ``countries``: actor -> country, or their
    role's) and a statement reported of it ("China proposed ..., Wang Yi said": China's)."""
    out = set()
    for c in statements:
        said = {_RESOLVER.country_of(c.actor), countries.get(c.actor), country_of_speaker(c), content_country(c)}
        out |= {a for a in query.actors if c.actor == a or (_RESOLVER.country_of(a) or a) in said}
    return out


def quote_span(s: Sentence) -> tuple[int, int]:
    """The sentence, minus a leading dateline, plus the previous sentence when this one is an
    unattributed quotation continuing it (so the quote keeps who said it). Article offsets."""
    p = s.passage
    local_start, local_end = s.start - p.start, s.end - p.start
    text = p.text
    m = DATELINE.match(text[local_start:local_end])
    if m and local_start + m.end() < local_end:
        local_start += m.end()
    sentence = text[local_start:local_end]
    para_start = text.rfind("\n", 0, local_start) + 1
    opened = _opening_quote(text, para_start, local_start, sentence)
    if opened is not None:
        # '... we will exercise it,” Halden said.': the quotation opened in an earlier sentence
        # of the paragraph; quote it from its opening mark, or it reads as if it began here.
        local_start = opened
        sentence = text[local_start:local_end]
    closed = quotation_end(text, local_end, sentence)
    if closed is not None:
        # 'Breton warned: “Obligations remain.': the quotation runs on into the next sentence of the paragraph;
        # quote it to its close, or the quote is cut in the middle
        local_end = closed
    if sentence.lstrip().startswith(("“", '"')) and not ATTRIBUTION.search(sentence):
        prev_end = local_start
        while prev_end > para_start and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end > para_start:
            prev = split_sentences(text, para_start, prev_end)
            if prev and ATTRIBUTION.search(text[prev[-1].start:prev[-1].end]):
                local_start = prev[-1].start
    # (a quotation the span opens is quoted to its close, or its mark left out: never “... left open)
    local_start, local_end = closed_quote(text, local_start, local_end)
    return p.start + local_start, p.start + local_end


def _opening_quote(text: str, para_start: int, start: int, sentence: str) -> int | None:
    """Where the quotation that ``sentence`` (starting at ``start``) closes without opening it
    was opened, earlier in its paragraph; None when the sentence's quotes are balanced."""
    close = sentence.find("”")
    if close >= 0 and "“" not in sentence[:close]:
        mark = text.rfind("“", para_start, start)
        if mark >= 0 and "”" not in text[mark:start]:
            return mark
        return None
    if sentence.count('"') % 2 == 1 and not sentence.lstrip().startswith('"'):
        mark = text.rfind('"', para_start, start)
        if mark >= 0 and text[para_start:mark].count('"') % 2 == 0:
            return mark
    return None


def outlet_list(outlets: Sequence[str], shown: int = 8) -> str:
    """The first ``shown`` outlet names, then how many more: "A, B, C and 4 more" ("" for none)."""
    more = f" and {len(outlets) - shown} more" if len(outlets) > shown else ""
    return ", ".join(outlets[:shown]) + more


def unknown_outlets_text(names: Sequence[str], outlets: Sequence[str]) -> str:
    """The abstention for a question asking for outlets the index does not hold ("as reported
    by The Verge"): it names them and the index's outlets (``outlet_list``)."""
    listed = outlet_list(sorted(outlets, key=str.lower))
    held = f"its outlets are {listed}" if listed else "it holds no outlet names"
    return f"{ABSTAIN_TEXT} No article from {' or '.join(names)} is in the index; {held}."


# A body referred back to by its kind ("the company", "the platform", "the government"): the one named before
_REFERS_BACK_BODY = re.compile(r"\b(?:the|its|that)\s+(?:[\w-]+-owned\s+)?(?:company|platform|firm|network|site|app|"
                               r"group|organi[sz]ation|government|administration|regime|country|state|bloc|agency|"
                               r"body|alliance|union|service|giant)\b", re.I)
# "Kestoria's offer of a joint board", "Arkan's warning": a thing someone put to someone, and whose it is.
_REFERS_BACK = re.compile(r"\b(?:it|this|that|these|those|them|such|the\s+(?:offer|proposal|plan|idea|move|"
                          r"measures?|demand|request|deal|step|call|bid|initiative|decision|policy))\b", re.I)
_OWNED_THING = re.compile(r"\b([A-Z][\w-]+)(?:’s|'s)\s+(?:[\w-]+\s+){0,2}?(?:offers?|proposals?|plans?|demands?|"
                          r"requests?|calls?|ideas?|initiatives?|deals?|decisions?|warnings?|ultimatums?|terms)\b")


def _bare(text: str) -> str:
    """``text`` without accents, its case kept ("Dragoș" -> "Dragos"), for case-sensitive matching."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def filter_scope(filters: Filters) -> str:
    """The documents a question's filters allow, as said in an answer ("from Harbour Post published
    since 2024-01"); "" when it may use all of them."""
    parts = []
    if filters.sources:
        parts.append("from " + " or ".join(filters.sources))
    if filters.since or filters.until:
        parts.append("published" + (f" since {filters.since}" if filters.since else "")
                     + (f" until {filters.until}" if filters.until else ""))
    if filters.doc_ids:
        parts.append("among the chosen documents")
    return " ".join(parts)


def missing_names(query: Query, passages: list[Passage]) -> list[str]:
    """Names in the question that no retrieved passage (text, title or outlet) mentions and
    that are not outlets in the index the question names ("as reported by Fortune")."""
    cased = " ".join(f"{p.title} {p.source} {p.text}" for p in passages) + " " + " ".join(query.outlets)
    hay = cased.lower()
    folded = fold(hay)  # "Zoe DSouza" typed plainly mentions "Zoë D’Souza"
    named: set[str] | None = None
    spelled: str | None = None

    defined: list[tuple[str, str]] | None = None

    def as_name(m: str) -> bool:
        """A name of two words or more is written whole, or its last word capitalised as a surname
        is: "Theresa May" is not mentioned by "the two leaders may pledge"."""
        words = m.split()
        if len(words) < 2 or m.lower() in hay or not words[-1][:1].isupper():
            return True
        last = words[-1]
        return any(re.search(rf"(?<!\w){re.escape(_bare(last))}", _bare(c)) is not None
                   for c in (cased, *query.outlets))

    def written(n: str) -> bool:
        nonlocal named, defined
        alias = _RESOLVER.aliases.get(n.lower())  # "UN" written "United Nations"
        forms = [n] + ([alias] if alias else []) + list(table_forms().of(n))  # "AI" written "artificial intelligence"
        if any((mentions(hay, m) or mentions(folded, fold(m))) and as_name(m) for m in forms):
            return True
        if defined is None:  # "the Organisation for the Prohibition of Chemical Weapons (OPCW)" in an article
            defined = [pair for p in passages for pair in defined_forms(p.text)]
        if any(mentions(hay, other.lower()) for short, long in defined for one, other in ((short, long), (long, short))
               if fold(one) == fold(n)):
            return True
        nonlocal spelled
        spelled = translit_key(hay) if spelled is None else spelled  # "Zelensky" written "Zelenskyy"
        if re.search(rf"(?<!\w){re.escape(translit_key(n))}(?!\w)", spelled):
            return True
        parts = [p for p in re.split(r"[-–/]", n) if p]
        if len(parts) > 1:  # "US-China" written "U.S.-China relations"
            return all(written(p) for p in parts)
        country = _RESOLVER.country_of(n)  # "the US" written "the United States", "Pyongyang" "North Korea"
        if country:
            named = countries_named(" ".join(f"{p.title}. {p.text}" for p in passages)) if named is None else named
            return country in named
        return False

    spoke = {n for n, _ in query.speakers}  # named as the giver of a speech: its state's statements answer
    return [n for n in query.names if n not in spoke and not written(n)]


def resolved_name_credit(query: Query, s: Sentence, lexical_weight: float) -> float:
    """The name credit a statement of the asked actor misses when it names them only as
    "she"/"he" (its speaker was resolved at extraction): the ranker's name bonus and the share
    of the question's terms that are the name's."""
    missing = 1.0 - s.parts.get("names", 0.0)
    if missing <= 0 or not query.terms:
        return 0.0
    name_terms = {t for n in query.names for t in terms(n)} - set(terms(s.text))
    share = len(name_terms & set(query.terms)) / len(set(query.terms))
    return missing * (0.12 + lexical_weight * share)


_SILENT = re.compile(r"^\s*(?P<wh>(?:what|how)\s+)?(?:did|does|has|have|had)\s+(?P<who>.+?)\s+(?P<verb>say|said|pledge|"
                     r"pledged|propose|proposed|demand|demanded|promise|promised|offer|offered|threaten|"
                     r"threatened|critici[sz]e|criticis[sz]ed|announce|announced|urge|urged|state|stated|reject|rejected|"
                     r"refuse|refused|mention|discuss|talk about|speak about|refer to)\b"
                     r"(?P<rest>.*?)[?.!]*\s*$", re.I)
_GERUND = {"say": "saying", "said": "saying", "pledge": "pledging", "propose": "proposing", "demand": "demanding",
           "promise": "promising", "offer": "offering", "threaten": "threatening", "criticise": "criticising",
           "criticize": "criticising", "announce": "announcing", "urge": "urging", "state": "stating",
           "reject": "rejecting", "refuse": "refusing", "mention": "mentioning", "discuss": "discussing",
           "talk about": "talking about", "speak about": "speaking about", "refer to": "referring to"}


_ONE_DATE_LEAD = re.compile(r"(?:(?<=^)|(?<=\] ))(?:In .{1,120}? on|On) \d{4}(?:-\d{2}){0,2}: ")


def change_lead(subject: str, dates: Sequence[str]) -> str:
    """The lead of an answer to "How has X's stance on Y changed?" (``subject``: "Latvia on
    Russia") over statements of ``dates`` (ISO, "" undated): "..., earliest to latest: ", or, when
    they are all of one date, that the articles show no change over time."""
    known = sorted({d for d in dates if d})
    if len(known) == 1:
        return f"{subject}: every statement found is of {known[0]}, so the articles show no change over time: "
    return f"{subject}, earliest to latest: "


def silent_speaker(query: Query) -> str:
    """The person or body a "What did X say/pledge ...?" question asks about when the index
    credits them with no statement at all (X is a name in the question that matches none of its
    actors and is not a country): "" otherwise."""
    m = _SILENT.match(query.untimed)
    if not m or not m.group("wh"):
        return ""
    said = m.group("who").strip()  # as the question writes it ("the European Commission")
    who = re.sub(r"^the\s+", "", said, flags=re.I)
    if opposition_of(who) and not query.actors:
        return said  # "What did Japan's opposition say?" and no party of it is quoted: never the state
    if who not in query.names or _RESOLVER.country_of(who) or match_actor_names(who, list(query.actors)) \
            or who in dict(query.speakers):  # (the giver of a speech: its state's statements are theirs)
        return ""
    if office_of_asked(who, query):
        return ""  # "the Ambassador of Kenya": an office of an actor asked about, who speaks through its holder
    return said


def office_of_asked(phrase: str, query: Query) -> bool:
    """Whether ``phrase`` names an office ("Ambassador of Kenya", "Meta's communications director") of one of
    the question's actors: then the actor's statements there are the office holder's, and the office is no
    silent person."""
    words = {w.lower() for w in re.findall(r"[\w-]+", phrase)}
    return bool(words & _OFFICE_WORDS) and serves(phrase, list(query.actors))


_OFFICE_WORDS = frozenset(t for t in TITLES if t.isalpha()) | {"spokesperson", "spokesman", "spokeswoman", "envoy",
                                                               "representative", "president", "premier"}


_YES_NO = re.compile(r"^\s*(?:did|does|do|has|have|had|is|are|was|were|will|would)\s", re.I)


def asks_act(query: Query) -> bool:
    """Whether a yes/no question asks whether an act was done, not what was said ("Did Hungary drop
    its veto?", not "Did Hungary pledge troops?" or "Does Hungary support the package?"; a kind word
    as its object, "veto", asks no statement of that kind): its answer may be the articles' own report
    of the act, so the actor's silence is no answer."""
    text = query.untimed
    if not _YES_NO.match(text) or _SILENT.match(text) or _POSITION_ON.search(text):
        return False
    verb, _ = predicate(text)
    return verb is not None and verb not in STATEMENT_STEMS


_LEAD_REACH = 400  # characters into an article within which its first sentence, the lead, starts


def reports_title_act(query: Query, s: Sentence) -> bool:
    """Whether ``s`` is the lead of an article whose title reports the act a yes/no question asks
    ("Did Erdogan drop his objection?": "Erdogan agreed on Monday to forward Sweden's bid ..." under
    "Erdogan drops objection to Sweden joining NATO"): a lead tells what its headline does."""
    if s.passage.start != 0 or s.start - s.passage.start > _LEAD_REACH or not s.passage.title:
        return False
    text, title = s.passage.text, s.passage.title
    before = split_sentences(text, 0, s.start - s.passage.start)  # (header lines of no sentence only: title, date)
    who = question_subject(query.untimed, yes_no=True)  # (the title names who is asked: not another's act)
    named = bool(who) and (mentions(fold(title), fold(who.split()[-1]))
                           or _RESOLVER.country_of(who) in countries_named(title))
    return named and not any(text[sp.start:sp.end].rstrip()[-1:] in ".!?”\"" for sp in before) \
        and supports_predicate(query.untimed, title)


def act_reports(query: Query, chosen: Sequence[Sentence]) -> list[Sentence]:
    """Of the sentences chosen for a yes/no question about an act ("Did Binance plead guilty?"), none of them words of
    the one asked, those that report it: the act's own words or its article's lead under a title reporting it ("...
    is stepping down and has pleaded guilty to ..."). They answer it, never a "do not report Binance saying
    anything"."""
    return [s for s in chosen if supports_predicate(query.untimed, s.text) or reports_title_act(query, s)]


def no_lead(query: Query, chosen: Sequence[Sentence]) -> str:
    """ "No: " when the first sentence chosen for a yes/no question about an act reports the one asked not doing it
    ("... but he stopped short of a fresh apology", ``denies_predicate``), else ""."""
    names = [*query.actors, *query.names]
    return "No: " if chosen and denies_predicate(query.untimed, chosen[0].text, names) else ""


def reported_lead(query: Query, answer: Answer) -> str:
    """ "As TechCrunch reports it (no statement of Binance): ": who reports the act an answer quotes."""
    outlets = list(dict.fromkeys(c.source for c in answer.citations if c.source)) or ["the articles"]
    who = " or ".join(query.actors) or question_subject(query.untimed, yes_no=True) or ""
    return (f"As {' and '.join(outlets)} report{'s' if len(outlets) == 1 and outlets[0] != 'the articles' else ''} "
            f"it" + (f" (the articles' account, not a statement of {who})" if who else "") + ": ")


def credited_by_phrase(query: Query, evidence: Evidence) -> Evidence:
    """``evidence`` with the sentences whose speaker phrase or role names the one a question asks about credited to
    them: a statement the extractor gave to "the Wikimedia Foundation’s VP" with the role "Rebecca MacKinnon"; one it
    missed, "..., as Giskard co-founder and CEO Alex Combessie told me" (the name as the speaker of a reporting verb in
    the sentence, ``_speaking``, by full name, surname or an acronym an article defines); unchanged when none is."""
    if query.kind in ROUTED_KINDS + DERIVED_KINDS and not asked_of(query) and not silent_speaker(query):
        return evidence
    asked = list(dict.fromkeys([*asked_of(query), *[w for w in [silent_speaker(query)] if w]]))
    asked = [re.sub(r"^the\s+", "", a, flags=re.I) for a in asked if not _RESOLVER.country_of(a)
             and a.split()[-1].lower() not in TITLES]  # (an office, "the US Treasury Secretary": read elsewhere)
    if not asked:
        return evidence
    # (the name, or its surname, as a person's: not "Biden administration", "Biden’s aides")
    named = {who: re.compile(rf"\b{re.escape(fold(who.split()[-1]))}\b(?!s\b|\s+{_SERVING}\b)", re.I) for who in asked}
    found: dict[SentenceKey, str] = {}
    for p in evidence.passages:
        verbs = {who: [rx for rx in _speaking(who, [p]) if not rx.pattern.startswith("^")] for who in named}
        for sp in split_sentences(p.text):
            key, text = (p.doc_id, p.start + sp.start), p.text[sp.start:sp.end]
            said = evidence.speakers.get(key, [])
            for who, person in named.items():
                credited = [a for a in query.actors if fold(a) == fold(who) or match_actor_names(who, [a])
                            and not re.search(rf"(?i)\b{_SERVING}\b", a)] or [who]
                if any(a in credited or match_actor_names(a, [who]) for a in said):
                    continue  # (theirs already)
                # (not a state's speech statement with its giver as role, nor "the Biden administration")
                by_phrase = any(person.search(fold(f"{c.role} {c.speaker}")) and not person.search(fold(c.actor))
                                and not _RESOLVER.country_of(c.actor) for c in evidence.statements.get(key, ()))
                if by_phrase or not said and any(rx.search(text) for rx in verbs[who]):
                    found[key] = credited[0]
                    break
    if not found:
        return evidence
    return replace(evidence, speakers={**evidence.speakers, **{k: [w] for k, w in found.items()}},
                   claim_sentences={**evidence.claim_sentences, **found})


def asked_actor_speaks(query: Query, evidence: Evidence, found: Sequence[Sentence], acronym: str) -> bool:
    """Whether the body an ``acronym`` asked stands for in the passages speaks in a sentence ``found`` ("What did
    OFAC say about Hamas?": the statements of "US Treasury Department's Office of Foreign Assets Control (OFAC)"),
    so the acronym as typed is not silent."""
    if not re.fullmatch(r"[A-Z][A-Z0-9&]{1,10}s?", acronym):
        return False
    longs = {long for p in evidence.passages for long in named_before(p.text, acronym)}
    bodies = {a for a in query.actors if any(match_actor_names(long, [a]) or fold(a).endswith(fold(long))
                                             for long in longs)}
    return bool(bodies) and any(set(evidence.speakers.get((s.passage.doc_id, s.start), ())) & bodies for s in found)


# Words that praise or thank whom they name ("the unwavering support of ... the United States", "we thank Japan")
_PRAISING = re.compile(r"\b(?:support(?:ed|s)?\s+(?:of|from|by)|thank\w*|grat(?:eful|itude)|commend\w*|appreciat\w*|"
                       r"prais\w*|tribute|welcom\w*|solidarity\s+(?:of|from))\b", re.I)


def faults_near(text: str, faulting: re.Pattern[str], marks: Sequence[re.Pattern[str]], reach: int = 80) -> bool:
    """Whether a ``faulting`` word stands within ``reach`` characters of a mention of what was asked (``marks``)
    that is not praised or thanked right before it (``_PRAISING``): "By violating its commitments, the new United
    States Administration ...", not "Russia carried out aggression ..., possible as a result of the unwavering
    support of the international community, primarily the United States"."""
    at = [m.start() for rx in marks for m in rx.finditer(text)
          if not _PRAISING.search(text[max(0, m.start() - 60):m.start()])]
    return any(abs(f.start() - a) <= reach for f in faulting.finditer(text) for a in at)


def state_country(who: str) -> str | None:
    """The state ``who`` names: a state's name, or its government by its demonym ("the Irish government")."""
    if not who:
        return None
    bare = _RESOLVER.resolve(re.sub(r"^the\s+", "", who, flags=re.I))
    return _RESOLVER.country_of(who) or (bare.name if bare.actor_type == "government" else None)


def silent_state(query: Query) -> str:
    """The country a "What did X say/pledge ...?" question asks about when the index has no actor
    of that name ("What did Denmark pledge?" and Denmark never spoke), also asked for its position ("What is
    India's position on the Gaza war?", as for a state of the index): its name, else ""."""
    m = _SILENT.match(query.untimed)
    held = _HOLDER.match(query.untimed) if not (m and m.group("wh")) else None
    said = (m.group("who") if m and m.group("wh") else held and (held.group("who") or held.group("who2")) or "").strip()
    who = re.sub(r"^the\s+", "", said, flags=re.I)
    country = state_country(who)
    # ("the Irish government": its name "Irish" is the state's demonym)
    named = who in query.names or any(who.startswith(n + " ") and _RESOLVER.country_of(n) == country
                                       for n in query.names)
    if not country or not named or any(_RESOLVER.country_of(a) == country for a in query.actors):
        return ""
    return said  # as written ("the Netherlands")


def is_body(who: str) -> bool:
    """Whether ``who`` names an organisation or a group ("European Commission", "Federal Reserve",
    "Hamas"): the index credits its statements to it by that name, so none credited means none
    found."""
    return _RESOLVER.type_of(who) in ("organisation", "group")


def named_in(who: str, passages: list[Passage]) -> bool:
    """Whether a passage names ``who`` as written, several words long ("Bring Them Home Now"): a
    name the articles use that no statement is credited to."""
    return len(who.split()) > 1 and any(re.search(rf"(?<!\w){re.escape(who)}(?!\w)", p.text) for p in passages)


_SPEECH = r"(?:said|says|told|tells|added|adds|proposed|proposes|pledged|pledges|promised|announced|urged|warned|" \
          r"stated|wrote|declared|insisted|argued|called|confirmed|confirms|noted|explained|stressed|acknowledged|" \
          r"replied|responded|denied|commented|emphasi[sz]ed|cautioned|conceded|claimed|admitted|clarified)"


def speaks_in(who: str, passages: list[Passage]) -> bool:
    """Whether a passage shows ``who`` (or their surname) as the speaker of a reporting verb
    ("..., Water Minister Ilse Varga said", "Varga told reporters", "said Varga."), which the
    statement extractor may have missed: then silence is not claimed."""
    return any(rx.search(p.text) for rx in _speaking(who, passages) if not rx.pattern.startswith("^")
               for p in passages)


def _speaking(who: str, passages: list[Passage]) -> list[re.Pattern[str]]:
    """The patterns of ``who`` as the speaker of a reporting verb (``speaks_in``), by every name of it the
    passages give: a body by the acronym or the long form an article defines ("the European Data Protection
    Board (EDPB)")."""
    bare = re.sub(r"^the\s+", "", who, flags=re.I)
    forms = [who] + [other for p in passages for short, long in defined_forms(p.text)
                     for one, other in ((short, long), (long, short)) if fold(one).lower() == fold(bare).lower()]
    # (and one not spelling it: "BEUC" for "the European Consumer Organisation (BEUC)")
    forms += [long for p in passages if f"({bare})" in p.text for long in named_before(p.text, bare)]
    out = []
    for form in dict.fromkeys(forms):
        last = re.escape(form.split()[-1])
        # "said Varga." / "said Varga on Tuesday", not "said the Commission should cut quotas" (its object);
        # "Varga has said", not "the Biden administration has said" (those who serve the name speak, not the person)
        # (not a passive: "He requested an early release for Bankman-Fried but was denied")
        out.append(re.compile(rf"\b{last}\b(?![’']s\b|\s+{_SERVING}\b)(?:[\s,]+\w+){{0,2}}?[\s,]+"
                              rf"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare ){_SPEECH}\b"
                              rf"|\b{_SPEECH}\s+(?:[\w.’'-]+\s+){{0,4}}?{last}\b"
                              r"(?=\s*(?:[,.;:!?”\"’)]|$|(?:on|in|at|during|after|before|from|to|while|when|"
                              r"adding)\b))"))
        # "“The EDPB Secretariat will now assess ...,” a spokeswoman told us": its unnamed spokesperson
        out.append(re.compile(rf"^[“\"][^”\"]*\b{last}\b[^”\"]*[”\"],?\s+(?:a|an|its|the)\s+"
                              rf"spokes(?:wo)?(?:man|person)\s+{_SPEECH}\b"))
    return out


_SERVING = (r"(?:administration|government|campaign|team|camp|aides?|officials?|spokes(?:man|woman|person)|allies|"
            r"family|office|White\s+House)")


def is_person_in(who: str, passages: list[Passage]) -> bool:
    """Whether a passage introduces ``who`` as a person: a title before the name ("U.S. President
    Donald Trump", "leader Kim Jong Un"). A bare name ("Velmor") may be a state or a body."""
    last = re.escape(who.split()[-1])
    rx = re.compile(rf"\b(?:{_TITLE_WORDS})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}{last}\b", re.I)
    return any(rx.search(p.text) for p in passages)


_TITLE_WORDS = "|".join(re.escape(t) for t in sorted(TITLES | {"leader", "dictator"}, key=len, reverse=True))


_HOLDER = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?P<who>.+?)(?:'s|’s|')\s+(?:position|stance|view|views)\b"
                     r"|^\s*what\s+(?:did|does|has|have)\s+(?P<who2>.+?)\s+(?:say|said|think|thought)\b", re.I)


def position_holders(query: Query) -> list[str]:
    """The actors of "What is X's position on Y?" / "What did X say about Y?": the index's actors
    the X names (none for other question shapes, or when X is an outlet of the question)."""
    m = _HOLDER.match(query.untimed)
    # ("Did Jourova mention TikTok?", also as the follow-up "Did she mention TikTok?" made standalone)
    mention = MENTION_QUESTION.match(query.text) if m is None else None
    if not (m or mention) or query.kind != "position":
        return []
    if mention is not None:
        who = re.sub(r"^the\s+", "", mention.group("who").strip(), flags=re.I)
        return [a for a in query.actors if match_actor_names(who, [a])]
    who = re.sub(r"^the\s+", "", (m.group("who") or m.group("who2")).strip(), flags=re.I) if m else ""
    if any(fold(who) in fold(o) for o in (*query.outlets, *query.cited_outlets)):
        return []
    return [a for a in query.actors if match_actor_names(who, [a])]


def silent_phrase(query: Query, who: str) -> str:
    """What ``who`` is not reported doing: "saying anything about Iran" for "What did Trump say
    about Iran?", "urging investors to do anything" for "What did Kishida urge investors to do?",
    "pledging to send troops to Gaza" for "Did China pledge to send troops to Gaza?"."""
    m = _SILENT.match(query.untimed)
    verb = m.group("verb").lower() if m else "say"
    verb = verb[:-1] if verb.endswith("ed") and verb[:-1] in _GERUND else verb
    verb = verb[:-2] if verb.endswith("ed") and verb[:-2] in _GERUND else verb
    rest = (m.group("rest").strip() if m else "")
    if not m:  # "What is Brandt's position on the drills freeze?"
        p = _POSITION_ON.search(query.untimed)
        topic = re.sub(r"\s+(?:changed|evolved|shifted|moved|developed)$", "", p.group(2).strip(" ?.!")) if p else ""
        rest = f"{p.group(1)} {topic}" if p else ""  # ("How has X's stance on Y changed?": on Y)
        carried = query.text[len(query.asked):] if query.asked and query.text.startswith(query.asked) else ""
        words = [w for w in carried.split() if set(terms(w)) & query.topic_terms]
        if not rest and words:  # a follow-up made standalone ("And Germany?" -> "... say grain deal")
            said = re.search(r"\b(?:the\s+)?" + r"\s+".join(map(re.escape, words)) + r"\b",
                             query.history[-1][0] if query.history else "", re.I)
            rest = "about " + (said.group(0) if said else " ".join(words))  # (as the question before put it)
    gerund = _GERUND.get(verb, "saying")
    if m and not m.group("wh") and rest:  # a yes/no question: what it asks about, as asked
        return f"{gerund} {rest}"
    if rest and rest.split()[0].lower() not in PREPOSITIONS:
        return f"{gerund} {rest} anything"  # "urging investors to do anything"
    return f"{gerund} anything" + (f" {rest}" if rest else "")



_POSITION_ON = re.compile(r"\b(?:position|stance|view|views|thinking)\s+(on|about|regarding|towards?)\s+(.+)$", re.I)


def someone_else(query: Query, speakers: list[str] | None) -> bool:
    """Whether a sentence attributes its statement only to actors other than the persons the
    question names ("What did Lusk pledge?" and a sentence of Orr's). Questions naming a
    government are left alone: its officials speak for it."""
    if not speakers or not query.actors or any(_RESOLVER.country_of(a) for a in query.actors):
        return False
    if _WHO.match(query.text):  # "Who chairs the Council?": the names are what is asked about, not speakers
        return False
    asked = {fold(a) for a in query.actors}
    return not asked & {fold(s) for s in speakers}


def other_government(query: Query, statements: list[Claim], countries: dict[str, str] | None = None) -> bool:
    """Whether a sentence's statements all speak for countries other than the ones the question
    names ("What did Ostmark propose?" and the Calderran prime minister's proposal). ``countries``:
    actor -> country (``speaker_countries``). Statements whose country is unknown are not counted
    as someone else's, nor those of an actor asked about ("What did Biden and Xi pledge?": Xi's pledge is not
    China's beside the United States asked)."""
    subject = question_subject(query.untimed)
    asked = {c for c in (_RESOLVER.country_of(a) for a in (*query.actors, *([subject] if subject else []))) if c}
    if not asked or not statements or _WHO.match(query.text) or any(c.actor in query.actors for c in statements):
        return False
    found = [(countries or {}).get(c.actor) or country_of_speaker(c) or content_country(c) for c in statements]
    return all(found) and not asked & set(found)


_ELSE = re.compile(r"\b(?:else|other|more)\b", re.I)


def in_article(s: Sentence, texts: dict[str, str] | None = None) -> tuple[str, int]:
    """The text holding a sentence and its offset there: its article when ``texts`` (doc_id ->
    article text, ``Evidence.texts``) has it, else its passage."""
    text = (texts or {}).get(s.passage.doc_id)
    return (text, s.start) if text else (s.passage.text, s.start - s.passage.start)


def names_topic(query: Query, s: Sentence, texts: dict[str, str] | None = None) -> bool:
    """Whether a sentence (with the few sentences before it in its article, or its article's
    title) names one of the names the question gives as its topic ("sanctions on North Korea":
    North Korea, or its capital, demonym or official name; "AI": "artificial intelligence"), as
    ``Topic.names_in`` reads it; True when the question gives none. ``texts``: ``Evidence.texts``."""
    if not query.topic_names:
        return True
    article, at = in_article(s, texts)
    return query.topic.names_in(s.text, s.passage.title, article, at)


# What faults a state in a sentence of another's speech: "flagrant violations of international law", "serious
# accountability", "double standards", "the occupying Power".
_FAULTING = re.compile(r"\b(?:violat\w*|aggressions?|occup(?:ation|ying)|accountab\w*|impunity|double standards|"
                       r"war crimes|crimes against|atrocit\w*|condemn\w*|illegal\w*|unlawful\w*|apartheid|"
                       r"massacres?)\b", re.I)
_VICTIM = re.compile(r"\b(?:against|on|upon|towards?|targeting|into)\s+(?:the\s+)?$", re.I)
# Whom a question asks a demand was made of: "What did Egypt demand of Israel?", "... call on Israel to do?",
# "... urge Israel to do?"
_DEMAND_OF = re.compile(r"\b(?:demand\w*|ask\w*|request\w*|want\w*|expect\w*|require\w*)\s+(?:of|from)\s+(.+)$|"
                        r"\b(?:call\w*|prevail\w*)\s+(?:up)?on\s+(.+)$|\b(?:urg\w*|ask\w*|press\w*|tell|told)\s+(.+?)\s+to\b",
                        re.I)
_DEMAND_VERB = (r"(?:call(?:s|ed|ing)?\s+(?:up)?on|urg\w*|demand\w*(?:\s+(?:that|of|from))?|ask\w*|press\w*|"
                r"insist\w*\s+that|appeal\w*\s+to|(?:on|to)\s+get)")


def demand_addressees(query: Query) -> list[str]:
    """The names a demand question asks the demand was made of ("What did Egypt demand of Israel?": Israel); []
    for another question, or one naming nobody after its verb."""
    if query.kind != "demand":
        return []
    m = _DEMAND_OF.search(query.untimed.rstrip(" ?.!"))
    told = fold(next((g for g in m.groups() if g), "")) if m else ""
    return [n for n in query.topic_names if told and fold(n) in told]


def addressed_to(sentence: str, names: Sequence[str]) -> bool:
    """Whether ``sentence`` makes a demand of one of ``names`` (a state: its people or government too): "call on
    Israel to", "urged the Israeli government", "demanded that Israel", "Israel must"; its people by the state's name
    too: "I call on all citizens of Israel to unite" is a call on Israelis."""
    forms = [f for n in names for st in [_RESOLVER.country_of(n) or next(iter(sorted(countries_named(n))), "")]
             for f in [n, st, *demonym_forms(st)] if f]  # ("Israelis": Israel's people)
    who = (r"(?:all\s+)?(?:the\s+)?(?:(?:citizens|people|peoples|residents|government|leaders?)\s+of\s+(?:the\s+)?)?"
           r"(?:" + "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True)) + r")")
    return bool(re.search(_DEMAND_VERB + r"\s+" + who + r"|(?:unless|until|provided|on\s+condition\s+that)\s+" + who
                          + r"|" + who + r"(?:\s+[\w’'-]+){0,2}\s+(?:must|should|has\s+to|"
                          r"have\s+to|needs?\s+to|is\s+obliged\s+to)\b", sentence, re.I))


# A narrated act of the kind asked, its doer its subject: "an Oslo court rejected Meta's arguments", "The Irish have
# been pressing for a ceasefire" (no statement carries it: the doer is told doing it, not quoted)
_DOING = {
    "rejection": r"(?:rejected|rejects|dismissed|dismisses|turned\s+down|refused)",
    "criticism": r"(?:criticized|criticised|criticizes|criticises|condemned|condemns|denounced|denounces|slammed|"
                 r"slams|blasted|decried|decries|accused|accuses|(?:described|describes|called|calls)(?=\s[^.;!?]{0,80}"
                 r"\bas\b))",
    "demand": r"(?:demanded|demands|called\s+for|calls\s+for|been\s+(?:pressing|calling|pushing)\s+for|pressed\s+for|"
              r"pushed\s+for|insisted\s+on)",
}
_NOT_DOERS = frozenset({"but", "however", "and", "it", "they", "he", "she", "we", "i", "this", "that", "earlier",
                        "later", "in", "on", "at", "then", "also", "meanwhile", "yet", "so", "who", "which"})


def narrated_doer(kind: str | None, sentence: str) -> tuple[str, str]:
    """The doer a sentence tells doing an act of ``kind`` and what they did it to: ("an Oslo court", "Meta’s
    arguments, affirming ...") for "earlier this month, an Oslo court rejected Meta’s arguments, affirming ...";
    ("", "") when it tells none (the subject must be named: capitalised words, or such words before a body's noun)."""
    verb = _DOING.get(kind or "")
    if not verb:
        return "", ""
    m = re.search(r"(?:(?<=\s)|^)((?:[Tt]he|[Aa]n?)\s+)?((?:[A-Z][\w’'.&-]*\s+){0,3}[A-Z][\w’'.&-]*"
                  r"(?:\s+(?:court|government|regulator|authority|ministry|judge|groups?|officials?|lawmakers|users))?)"
                  r"(?:\s+\([A-Z][\w&-]*\))?"  # ("Electronic Frontier Foundation (EFF) described ...")
                  r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|already\s+|repeatedly\s+)?(" + verb + r")\s+([^.;!?]{3,160})",
                  sentence)
    if not m or re.search(r"(?i)\b(?:and|or|of|across|from|on|in|at|by|with|to|for)\s+$", sentence[:m.start()]):
        return "", ""  # ("users across Facebook and Instagram accused Meta": not Instagram, a word of its object)
    if re.match(r"(?i)describ|call", m.group(3)) and not DISAPPROVING.search(m.group(4)):
        return "", ""  # (described it as what faults it: "as “systemic censorship of Palestinian voices”")
    words = m.group(2).split()
    while words and words[0].lower() in _NOT_DOERS:
        words = words[1:]
    if not words:
        return "", ""
    article = m.group(1).strip().lower() + " " if m.group(1) and len(words) == len(m.group(2).split()) else ""
    return article + " ".join(words), m.group(4)


def serves(role: str, names: Sequence[str], context: str = "") -> bool:
    """Whether a person's ``role`` makes them an official of a body named in ``names`` ("the EU’s
    internal market commissioner" serves "EU" and "European Union"; "spokeswoman for Meta" serves
    "Meta"): the role's owner ("X's ...", "X spokesman", "X Commission President") or its "of/for/at X"
    resolves to the name, or is a body of it ("ECOWAS Commission" of "ECOWAS"), or is its head noun
    alone where ``context`` (the article) names the rest ("junta spokesman" of "the Niger junta")."""
    if not role or not names:
        return False
    owners = re.findall(r"(?:^|\b[Tt]he\s+)((?:[\w.&-]+\s+){0,3}?[\w.&-]+)(?:’s|'s)\s", role)
    owners += re.findall(r"\b(?:of|for|at)\s+(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})", role)
    owners += re.findall(rf"^(?:[Tt]he\s+)?((?:[\w.&-]+\s+){{1,4}}?)(?i:{_BODY_ROLES})\b", role)
    wanted = {_RESOLVER.resolve(n).name for n in names}
    owners = [re.sub(r"^[Tt]he\s+", "", o.strip()) for o in owners]  # (a common noun, "junta", is read in context)
    return any(o[:1].isupper() and (_RESOLVER.resolve(o).name in wanted or match_actor_names(o, list(names)))
               or _owned_by(o, names, context) for o in owners)


_BODY_ROLES = (r"spokes(?:wo)?(?:man|person)|president|chief|head|commander|chair(?:man|woman|person)?|leader|"
               r"secretary-general|director|envoy|representative")


def _owned_by(owner: str, names: Sequence[str], context: str) -> bool:
    """Whether a role's ``owner`` words are a body named in ``names`` or of it (``serves``)."""
    def words(text: str) -> list[str]:
        return fold(re.sub(r"^the\s+", "", text.strip(), flags=re.I)).lower().split()

    own = words(owner)
    for name in names:
        named = words(name)
        if own and named and (set(named) <= set(own) or own == named[-1:] and all(
                re.search(rf"(?<!\w){re.escape(w)}s?(?!\w)", fold(context).lower()) for w in named[:-1])):
            return True
    return False


def introduction(c: Claim, sentence: str) -> str:
    """The words ``sentence`` introduces the speaker of ``c`` with: its speaker phrase and the capitalised
    words (or a possessive) right before it that the phrase left out ("ECOWAS" of "ECOWAS Commission President
    Omar Touray", "The junta's" of "The junta's spokesman, Col. Amadou Abdramane")."""
    at = re.search(rf"(?<!\w){re.escape(c.speaker)}(?!\w)", sentence) if c.speaker else None
    lead = re.search(r"(?:^|(?<=\s))((?:[A-Z][\w.&’'-]*\s+){0,3}(?:[\w.&-]+[’']s\s+)?)\Z",
                     sentence[:at.start()]) if at else None
    return (lead.group(1) if lead else "") + c.speaker


def body_officials(who: str, evidence: Evidence) -> set[str]:
    """The actors the passages introduce as officials of the body ``who`` (none for a person; ``serves``), by
    their role or the words their sentence gives them: "ECOWAS Commission President Omar Touray" for ECOWAS,
    "junta spokesman Col. Amadou Abdramane" and "The junta's foreign ministry" for the Niger junta (an article
    naming Niger). What they said answers a question about the body."""
    name = re.sub(r"^the\s+", "", who, flags=re.I)
    if not name or _RESOLVER.resolve(name).actor_type == "person":
        return set()
    found = set()
    for p in evidence.passages:
        context = f"{p.title}\n{p.text}"
        for sp in split_sentences(p.text):
            for c in evidence.statements.get((p.doc_id, p.start + sp.start), ()):
                if serves(c.role, [name], context) or serves(introduction(c, p.text[sp.start:sp.end]), [name], context):
                    found.add(c.actor)
    return found


def _only_victim(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` (a state: its demonym too) only as whom something was done
    to ("the terrorist attack carried out by Hamas against Israel"): then a criticism in it is
    not of ``name``."""
    state = _RESOLVER.country_of(name)
    forms = [name] + (list(demonym_forms(state)) if state else [])
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")", re.I)
    found = [m.start() for m in pattern.finditer(text)]
    return bool(found) and all(_VICTIM.search(text[max(0, at - 30):at]) for at in found)


def speech_state(s: Sentence) -> str | None:
    """The state whose UN speech a sentence is in (its title is "speaker, post, country" and its
    outlet is none or the General Debate's, as ``index.loaders`` gives a speech record), else None."""
    return speech_state_of(s.passage.title, s.passage.source)


def gives_asked_speech(query: Query, s: Sentence) -> bool:
    """Whether a sentence is of a UN speech the question asks about: by a speech giver it names
    (the speech's title names them: "Anne Beathe Tvinnereim, Minister of Foreign Affairs, Norway"),
    else, when it names none, by a state it asks about."""
    state = speech_state(s)
    if state is None:
        return False
    givers = [name for name, st in query.speakers if st == state]
    if givers:
        title = set(translit_key(" ".join(re.findall(r"\w+", s.passage.title))).split())
        words = frozenset(fold(" ".join(re.findall(r"\w+", s.passage.title))).split())
        # (by any spelling, or a short given name: "Joe Biden" gave "Joseph R. Biden"'s speech)
        return any(set(translit_key(" ".join(re.findall(r"\w+", n))).split()) <= title or names_giver(n, words)
                   for n in givers)
    return state in {_RESOLVER.country_of(a) for a in query.actors}


def other_speech(query: Query, s: Sentence, statements: Sequence[Claim] = ()) -> bool:
    """Whether a sentence is another state's speech than the states the question asks about
    ("What about Cuba?" and North Korea's speech supporting Cuba): its words are that state's,
    cue or not, unless it reports a statement of a state asked about (``statements``: the
    sentence's; "The United Arab Emirates, Saudi Arabia and Qatar have pledged billions", in the
    United States' speech, is the Emirates' pledge). False when the question names no state."""
    if _WHO.match(query.text):
        return False
    named = [n for n in query.names if n not in query.topic_names]  # (a state no statement was credited to)
    asked = {c for c in (_RESOLVER.country_of(a) for a in (*query.actors, *named)) if c}
    asked |= {state for _, state in query.speakers}
    state = speech_state(s) if asked else None
    if state and any(c.actor_type == "government" and _RESOLVER.country_of(c.actor) in asked for c in statements):
        return False
    return bool(state) and state not in asked


def covers_topic(query: Query, s: Sentence, texts: dict[str, str] | None = None) -> bool:
    """The sentence shares a topic term with the question or another form of one
    (``Topic.shares``: "AI" / "artificial intelligence"), or is very close to it in meaning (a
    paraphrase), or, for a topic that is only names ("about Egypt"), names it otherwise
    ("German-Egyptian unity"), or, for an event between the parties it names, names one of them
    (``Topic.event_named``): ``Topic.covers`` without the names' test, which ``names_topic``
    makes apart, plus the paraphrase. True when the question has no topic terms. ``texts``:
    ``Evidence.texts``."""
    if not query.topic_terms:
        return True
    article, at = in_article(s, texts)
    if query.topic.shares(s.text, article) or s.parts.get("dense", 0) > 0.6:
        return True
    if query.topic.event_named(s.text, s.passage.title, article, at):
        return True  # "What did Meta say about the Israel-Hamas war?": its line on Hamas, "... during Israel-Hamas war"
    return query.topic.names_only and names_topic(query, s, texts)


def speaks_for(query: Query, s: Sentence, evidence: Evidence, countries: dict[str, str]) -> bool:
    """Whether a sentence is the words of one the question asks about: a statement routed as theirs, a sentence of
    their own UN speech, or one whose speaker is them, a giver they name or an official of a state asked about
    (never a caption or a journalist's line telling of them: "U.S. President Joe Biden shakes hands with Chinese
    President Xi Jinping")."""
    key = (s.passage.doc_id, s.start)
    if "claim" in s.parts or gives_asked_speech(query, s):
        return True
    named = asked_of(query)
    asked = {fold(a) for a in (*named, *dict(query.speakers))}
    states = {c for c in (_RESOLVER.country_of(a) or countries.get(a) for a in named) if c} \
        | {st for _, st in query.speakers}
    for who in evidence.speakers.get(key, ()):
        if fold(who) in asked or match_actor_names(who, named) \
                or countries.get(who) in states or _RESOLVER.country_of(who) in states:
            return True
    # (or an official in a statement about a state asked: "Velmor will not join the Coastal Customs Union, Trade
    # Minister Jonas Halde said", his role naming no state, of a state no table knows, is Velmor's)
    return any(c.actor in named or _RESOLVER.country_of(c.actor) in states
               or c.actor_type == "person" and is_office(c.role)
               and (content_country(c) in states or any(re.search(rf"\b{re.escape(n)}\b", c.text) for n in named))
               for c in evidence.statements.get(key, []))


def asked_of(query: Query) -> list[str]:
    """Whom a question asks what they said (of no kind of statement: "What did Lavrov say in 2023?"): its actors,
    else the names it gives outside its topic ("the Saudi crown prince", an office the index does not read: "Saudi");
    none for a question of a kind ("What did Hamas demand?") or of other shape."""
    if query.kind not in (None, "position", "statement"):
        return []
    if query.actors:
        return list(query.actors)
    m = _SILENT.match(query.untimed)
    return [n for n in query.names if n not in query.topic_names] if m and m.group("wh") else []


def topic_owners_asked(query: Query) -> list[str]:
    """The names a question's topic gives as its owner, by a possessive after the actor asked about ("China" of "What
    did Trump say about China's trade practices?"): no speaker asked (nor one of their states), nor a name of the
    topic itself. The topic's owner weighs more than its generic words ("trade", "practices")."""
    parts = re.split(r"\b(?:about|on|regarding|concerning|towards?)\b", query.untimed, maxsplit=1)
    if len(parts) < 2 or not query.actors:
        return []
    asked = {c for c in (_RESOLVER.country_of(a) for a in (*query.actors, *dict(query.speakers))) if c}
    return [n for n in query.names if n not in query.topic_names and n not in query.actors
            and n not in dict(query.speakers) and not match_actor_names(n, list(query.actors))
            and (_RESOLVER.country_of(n) or "") not in asked
            and re.search(rf"(?<!\w){re.escape(n)}(?:’s|'s|’|')(?!\w)", parts[1])]
