"""Whose stance, and how it changed: "How has Ostmark's stance on sanctions relief talks changed?"

A country's stance is what its government and its officials said: the statements credited to
the country itself ("Lindgrad dismissed ...") and those of every person whose role names it
("Ostmark's Foreign Minister Lena Sorvik"), including their later statements where the role is
not repeated ("Sorvik said ..."). Of those, the ones about the question's topic are kept
(their whole sentence close to the topic phrase in meaning, or sharing two of its terms), and
the timeline quotes the earliest and the latest, with up to two between chosen for being most
unlike the statements around them: the change, not four versions of the same line.
"""
from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from index.actors import ActorResolver, fold, role_country
from index.models import Claim, Filters
from index.store import IndexReader
from index.text import terms

from .query import role_names
from .topic import countries_named, speech_state_of

_RESOLVER = ActorResolver()
_STANCE_WORDS = r"(?:stance|position|positions|views?|policy|policies|approach|attitude|line|tone|rhetoric|thinking)"
_HOLDER = re.compile(rf"([^\s’']+(?:\s+[^\s’']+){{0,3}}?)[’']s?\s+(?:\w+\s+)?{_STANCE_WORDS}\b", re.I)
_TOPIC = re.compile(rf"\b{_STANCE_WORDS}\s+(?:on|towards?|toward|regarding|about|over|in)\s+(?:the\s+)?(.+?)"
                    r"\s+(?:changed|evolved|shifted|developed|moved|hardened|softened)\b", re.I)
_SUBJECT = re.compile(r"\b(?:has|have|did)\s+(.+?)\s+(?:changed|shifted|evolved|moved|softened|hardened)\b", re.I)

TOPIC_SIMILARITY = 0.40  # mean similarity of a statement's sentence and article title to the topic phrase ...
TOPIC_MARGIN = 0.20  # ... at least this and within this margin of the best statement's
TOPIC_TERMS = 2  # ... or sharing this many of the topic's terms
TOPIC_FLOOR = 0.33  # ... or sharing one of them and scoring at least this
TOPIC_SENTENCE_FLOOR = 0.15  # a sentence this unlike the topic, sharing none of its terms, is off it whatever its title
STANCE_KIND_BONUS = 0.05  # a position, pledge, proposal, demand or criticism beats a plain statement
MAX_STATEMENTS = 400  # statements read for one holder
MIN_WORDS = 4  # a sentence shorter than this states no stance


def country_of_speaker(c: Claim) -> str | None:
    """The country a statement speaks for: a government's own, or the one its speaker's role
    names ("Calderran Prime Minister" -> Calderra, "Ostmark's Foreign Minister" -> Ostmark,
    "special envoy of Velmora" -> Velmora)."""
    if c.actor_type == "government":
        return _RESOLVER.country_of(c.actor)
    return role_country(c.role, _RESOLVER)


_CONTENT_SUBJECT = re.compile(r"(?:[^,]{0,25},\s+)?(?:the\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
                              r"(?:(?:has|had|have|will|would|is|was|does|did|can|could|shall)"  # (not "X should
                              #   take in Palestinians": what is asked of X, not X's word)
                              r"(?:\s+not|\s+never|n[’']t)?\s+[a-z]+|[a-z]+(?:ed|s))\b")  # ("Velmor will not join")


def content_country(c: Claim) -> str | None:
    """The country a reported statement is about as its subject ("Chile rejected a proposal ...,
    the minister said": Chile), when the speaker's own country is not known."""
    m = _CONTENT_SUBJECT.match(c.text)
    return _RESOLVER.country_of(m.group("who")) if m else None


def hearsay(c: Claim, title: str, source: str) -> bool:
    """Whether a statement is another state's account of it: credited (``c.actor``) to someone who
    is neither the state whose UN speech it is in (``title`` "giver, post, country" and ``source``,
    as ``assistant.topic.speech_state_of`` reads them), nor that state's official by role, nor the
    speech's giver ("Russia says the Peace Formula doesn't suit it" in Zelenskyy's speech is
    Ukraine's word on Russia, not Russia's stance). False for a news article's statements."""
    state = speech_state_of(title, source)
    if state is None or _RESOLVER.country_of(c.actor) == state or country_of_speaker(c) == state:
        return False
    return not role_names(c.actor, title.split(", ")[0])  # (the giver by any spelling: "Sergei" / "Sergey")


def speaker_countries(claims: list[Claim]) -> dict[str, str]:
    """Each actor's country, from the role any of its statements gives ("Ruiz" is the
    "Velorian Foreign Minister" elsewhere); actors whose roles name two countries are left out."""
    seen: dict[str, set[str]] = {}
    for c in claims:
        country = country_of_speaker(c)
        if country:
            seen.setdefault(c.actor, set()).add(country)
    return {a: next(iter(cs)) for a, cs in seen.items() if len(cs) == 1}


def stance_holders(text: str, actors: Sequence[str]) -> list[str]:
    """The actors (of ``actors``, the ones the question names) whose stance a change question
    asks about: the possessor of "stance/position/view" ("Ostmark's stance on talks with
    Veloria" -> Ostmark), else the subject of "has X changed", else all of ``actors``."""
    if not actors:
        return []
    for pattern in (_HOLDER, _SUBJECT):
        found = [a for a in actors if any(_names(m.group(1), a) for m in pattern.finditer(text))]
        if found:
            return found
    return list(actors)


def _names(span: str, actor: str) -> bool:
    span_f, actor_f = fold(span), fold(actor)
    if actor_f in span_f or (span_f and span_f in actor_f):
        return True
    country = _RESOLVER.country_of(actor)
    return bool(country) and any(_RESOLVER.country_of(w) == country for w in re.findall(r"[\w’'-]+", span))


def topic_phrase(text: str, holders: Sequence[str], topic_terms: frozenset[str], earlier: Sequence[str] = ()) -> str:
    """What the stance is about: the words after "stance on" ("sanctions relief talks with
    Veloria"), else the words that carry the question's topic terms as written, in ``text`` or
    else in the ``earlier`` questions a follow-up leans on ("Did it later change its mind?" after
    "What did Ostmark say about sanctions relief talks?": "sanctions relief talks"), else the
    topic terms themselves."""
    m = _TOPIC.search(text)
    if m:
        return m.group(1).strip(" ?.")
    for source in (text, *reversed(earlier)):
        words = [w for w in re.findall(r"[\w’'-]+", source) if (ts := terms(w)) and set(ts) <= topic_terms]
        if words and set(terms(" ".join(words))) == set(topic_terms):
            return " ".join(dict.fromkeys(words))
    return " ".join(sorted(topic_terms))


def _country_forms(country: str) -> list[str]:
    """Strings a role naming ``country`` contains: the name, its stem (demonyms: "Velorian"),
    and the demonyms and aliases the actor table maps to it."""
    forms = {country, country[:-1] if len(country) > 5 else country}
    for table in (_RESOLVER.demonyms, _RESOLVER.aliases):
        forms.update(k for k, v in table.items() if v.lower() == country.lower() and len(k) > 2)
    return sorted(forms)


def country_officials(reader: IndexReader, country: str) -> set[str]:
    """The persons of the index whose role names ``country`` ("Ostmark's Foreign Minister",
    "spokesman for the Talvorian government"): one read of the distinct (person, role) pairs; and its heads
    of state or government quoted by the bare title (``bare_heads``: "President Abdel-Fattah El-Sisi")."""
    return {person for person, role in reader.officials(roles=_country_forms(country))
            if person != country and not _RESOLVER.country_of(person) and role_country(role, _RESOLVER) == country
            and not holds_no_more(role)} | bare_heads(reader, country)


#: The titles of a head of state or government: a person quoted with only one of them speaks for the state the
#: role words introducing them name ("Egyptian President Abdel Fattah el-Sisi", then "President El-Sisi").
_HEADS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "crown prince",
          "supreme leader")
_HEAD_WORDS = "(?i:" + "|".join(h.replace(" ", r"\s+") for h in _HEADS) + ")"
_HEAD_TITLE = re.compile(rf"\s*(?i:the\s+)?{_HEAD_WORDS}\s*")
_STATE_WORDS = r"(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"


def introduced_states(person: str, text: str) -> set[str]:
    """The states the role words introducing ``person`` as a head of state or government in ``text`` name:
    "Egyptian President Abdel Fattah el-Sisi", "Egypt's President El-Sisi", "El-Sisi, the president of Egypt",
    "El-Sisi, Egypt's president" (the surname matched in any case: "el-Sisi" for "Abdel-Fattah El-Sisi")."""
    surname = re.escape(person.split()[-1])
    found: set[str] = set()
    patterns = (
        rf"{_STATE_WORDS}(?:[’']s)?\s+{_HEAD_WORDS}\s+(?:[A-Z][\w’'-]*\s+|[A-Z]\.\s+|(?:el|al|bin|ibn|van|von|de)[\s-]+){{0,4}}"
        rf"(?i:{surname})\b",
        rf"\b(?i:{surname}),\s+(?:the\s+)?{_HEAD_WORDS}\s+of\s+{_STATE_WORDS}",
        rf"\b(?i:{surname}),\s+{_STATE_WORDS}[’']s\s+{_HEAD_WORDS}\b")
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            words = m.group(1)
            state = _RESOLVER.country_of(words) or _RESOLVER.country_of(words.split()[-1]) \
                or _RESOLVER.country_of(words.split()[0])
            if state:
                found.add(state)
    return found


def bare_heads(reader: IndexReader, country: str) -> set[str]:
    """The persons the index quotes with only a head of state's or government's title whom ``head_states`` gives
    ``country``."""
    return {person for person, state in head_states(reader).items() if state == country}


_HEAD_STATES: weakref.WeakKeyDictionary[Any, tuple[int, dict[str, str]]] = weakref.WeakKeyDictionary()


def head_states(reader: IndexReader, max_docs: int = 5) -> dict[str, str]:
    """Each person the index quotes with only a head of state's or government's title ("President") -> the state
    the role words introducing them in their articles name (``introduced_states``), or, when no article names a
    state with their title, the state their news articles' titles name first ("President Abdel-Fattah El-Sisi" in
    "Egypt faces economic crisis ..."); never one whose role names a state, nor one introduced as two states'.
    Read once per state of the index (its catalog's ``generation``), not once a question."""
    catalog = getattr(reader, "catalog", None)
    generation = catalog.generation() if catalog is not None and hasattr(catalog, "generation") else None
    if generation is not None and (cached := _HEAD_STATES.get(catalog)) is not None and cached[0] == generation:
        return cached[1]
    out = _head_states(reader, max_docs)
    if generation is not None:
        _HEAD_STATES[catalog] = (generation, out)
    return out


def _head_states(reader: IndexReader, max_docs: int) -> dict[str, str]:
    roles: dict[str, set[str]] = {}
    for person, role in reader.officials(roles=list(_HEADS)):
        roles.setdefault(person, set()).add(role)
    out: dict[str, str] = {}
    for person, held in roles.items():
        if _RESOLVER.country_of(person) or not any(_HEAD_TITLE.fullmatch(r) for r in held):
            continue
        claims = reader.claims(actors=[person])[:50]
        if any(role_country(c.role, _RESOLVER) for c in claims):
            continue  # (their role names their state: ``country_officials`` reads it)
        states: set[str] = set()
        for doc_id in list(dict.fromkeys(c.doc_id for c in claims))[:max_docs]:
            try:
                states |= introduced_states(person, reader.document(doc_id).text)
            except Exception:  # (deleted meanwhile)
                continue
        if not states:
            titled = {_first_state(c.title) or "" for c in claims if not speech_state_of(c.title, c.source)}
            states = titled - {""} if len(titled) == 1 else set()
        if len(states) == 1:
            out[person] = next(iter(states))
    return out


def _first_state(title: str) -> str | None:
    """The state a title names first, its subject ("Egypt faces economic crisis ... Israel and the U.S. hope ..."
    -> Egypt); None when it names none or names several at once."""
    words = title.split()
    for i in range(1, len(words) + 1):
        found = countries_named(" ".join(words[:i]))
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


_NO_MORE = re.compile(r"\b(?:former|ex|then|late|erstwhile|onetime|one-time|outgoing|would-be)\b[\s-]*", re.I)


def holds_no_more(role: str) -> bool:
    """Whether a role is one its holder had or will have, not one they speak in ("former U.S.
    President", "then-Foreign Minister", "ex-envoy"): no statement of theirs is the state's by it."""
    return bool(_NO_MORE.search(role))


def _in_office(claims: list[Claim], person: str, country: str) -> Callable[[Claim], bool]:
    """Whether a statement of ``person`` falls in the years their statements give them an office of
    ``country`` (a year either side; all of them when none of their statements is dated with one): a
    president's words after leaving office are not the state's ("What is the United States' position"
    is not Trump's 2023 trial remarks, though his 2018 speech makes him its president)."""
    years = {int(c.when[:4]) for c in claims if c.actor == person and c.when[:4].isdigit() and c.role
             and role_country(c.role, _RESOLVER) == country and not holds_no_more(c.role)}
    if not years:
        return lambda c: True
    lo, hi = min(years) - 1, max(years) + 1
    return lambda c: not c.when[:4].isdigit() or lo <= int(c.when[:4]) <= hi


def holder_statements(reader: IndexReader, holder: str, filters: Filters | None = None,
                      kinds: Sequence[str] | None = None, limit: int | None = MAX_STATEMENTS) -> list[Claim]:
    """Statements of ``holder``: its own and, for a country, those of the persons whose role
    names it (all their statements, also where the role is not repeated). Date-ordered.
    ``kinds`` and ``filters`` narrow them as ``IndexReader.claims`` does (which of them are about
    a topic is ``assistant.topic.statements_about``'s to say); ``limit`` caps each of the two
    statement reads (None: no cap)."""
    def read(**kw) -> list[Claim]:
        found = reader.claims(filters=filters, **kw)
        return found if limit is None else found[:limit]

    own = read(actors=[holder], kinds=kinds)
    country = _RESOLVER.country_of(holder)
    if not country:
        return own
    # who its officials are is read from all of the index (its distinct speaker roles): a role
    # given in an article outside ``filters`` still makes a later statement of that person the country's
    persons = country_officials(reader, country) - {holder}
    theirs = read(actors=sorted(persons), kinds=kinds) if persons else []
    # (the years of their office from all their statements: a filter to 2023 still knows Trump's 2017 office)
    everything = reader.claims(actors=sorted(persons)) if persons and filters is not None else theirs
    spans = {p: _in_office(everything, p, country) for p in persons}
    theirs = [c for c in theirs if spans[c.actor](c)] if persons else []
    by_id = {c.claim_id: c for c in own + theirs}
    return sorted(by_id.values(), key=lambda c: (c.when, c.doc_id, c.start))


def on_topic(claims: list[Claim], topic: str, topic_terms: frozenset[str], sentence_of: Callable[[Claim], str],
             title_of: Callable[[Claim], str], embed: Callable[[list[str]], np.ndarray],
             sentence_vectors: Callable[[list[Claim]], np.ndarray] | None = None,
             shares: Callable[[str], bool] | None = None,
             names: Callable[[Claim, str], bool] | None = None) -> list[tuple[Claim, np.ndarray, float]]:
    """The statements about ``topic``, each with its sentence vector and topic score: the mean
    of the sentence's and its article title's similarity to the topic phrase (a statement in an
    article about the topic need not repeat its words: "ready to sit down without
    preconditions"). ``embed`` encodes texts; ``sentence_vectors`` (if given) gives the claims'
    sentence vectors (stored at ingestion). Kept when the score is at least ``TOPIC_SIMILARITY`` and within
    ``TOPIC_MARGIN`` of the best, or the sentence shares
    ``TOPIC_TERMS`` of ``topic_terms`` (or one of them, scoring at least ``TOPIC_FLOOR``); never
    when the sentence shares none and its own similarity is under ``TOPIC_SENTENCE_FLOOR``.
    Statements of a kind other than "statement" get ``STANCE_KIND_BONUS`` added to the score; a
    sentence of fewer than ``MIN_WORDS`` words is never kept.
    ``shares(sentence)``: whether a sentence sharing none of ``topic_terms`` carries another form
    of the topic (``Topic.shares``: "artificial intelligence" for AI); it then shares one.
    ``names(claim, sentence)``, for a topic that is only names ("NATO"): whether the sentence names
    it or follows one naming it; one that does not is never kept, however near in meaning ("the
    Collective Security Treaty Organization" is no statement on NATO)."""
    if not claims:
        return []
    sentences = [sentence_of(c) for c in claims]
    svecs = sentence_vectors(claims) if sentence_vectors else embed(sentences)
    if not topic.strip():  # "How has Calderra's stance changed?": every statement counts
        return list(zip(claims, svecs, [1.0] * len(claims)))
    titles = sorted({title_of(c) for c in claims})
    vectors = np.concatenate([svecs, embed(titles + [topic])])
    topic_v = vectors[-1]
    title_sim = dict(zip(titles, vectors[len(sentences):-1] @ topic_v))
    need = min(TOPIC_TERMS, len(topic_terms)) or 1
    scores = [(float(v @ topic_v) + float(title_sim[title_of(c)])) / 2
              for c, v in zip(claims, vectors[:len(sentences)])]
    bar = max(TOPIC_SIMILARITY, max(scores) - TOPIC_MARGIN)
    kept = []
    for c, s, v, score in zip(claims, sentences, vectors[:len(sentences)], scores):
        if len(s.split()) < MIN_WORDS:
            continue  # ("Ukraine.", a speech's one-word line, was the United States' 2023 stance)
        shared = len(topic_terms & set(terms(s + " " + " ".join(c.topics))))
        if not shared and shares is not None and shares(s):
            shared = 1
        if not shared and float(v @ topic_v) < TOPIC_SENTENCE_FLOOR:
            continue  # "... rejected an offer of sanctions relief talks" in an article about a missile test
        if names is not None and not shared and not names(c, s):
            continue
        if score >= bar or (topic_terms and (shared >= need or (shared and score >= TOPIC_FLOOR))):
            kept.append((c, v, score + (STANCE_KIND_BONUS if c.kind != "statement" else 0.0)))
    return kept


def changes(items: list[tuple[Claim, np.ndarray, float]], limit: int = 4) -> list[Claim]:
    """The statements that show a change, date-ordered: the most on-topic statement of the
    earliest date and of the latest, and between them (one per date, each date represented by
    its most on-topic statement) the ones least like those already chosen, weighted by topic
    score (greedy)."""
    best: dict[tuple[str, int], tuple[Claim, np.ndarray, float]] = {}
    for c, v, score in items:
        key = (c.doc_id, c.sent_start)
        if key not in best or score > best[key][2]:
            best[key] = (c, v, score)
    unique = sorted(best.values(), key=lambda x: (x[0].when, x[0].doc_id, x[0].sent_start))
    if len(unique) <= 2:
        return [c for c, _, _ in unique]
    # the most on-topic statement of each date represents it
    by_day: dict[str, int] = {}
    for i, (c, _, score) in enumerate(unique):
        d = c.when[:10]
        if d not in by_day or score > unique[by_day[d]][2]:
            by_day[d] = i
    days = sorted(by_day)
    chosen = {by_day[days[0]], by_day[days[-1]]}
    while len(chosen) < limit:
        pick, pick_value = None, 0.0
        for i in by_day.values():
            if i in chosen:
                continue
            value = (1.0 - max(float(unique[i][1] @ unique[j][1]) for j in chosen)) * unique[i][2]
            if value > pick_value:
                pick, pick_value = i, value
        if pick is None:
            break
        chosen.add(pick)
    return [unique[i][0] for i in sorted(chosen)]
