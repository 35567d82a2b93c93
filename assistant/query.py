"""The question, understood once: ``Query``.

``QueryParser.parse`` turns a question, the conversation history and the filters into a
``Query``: the checked text, the standalone text a follow-up stands for, the names it
mentions and the actors of the index they match, the kind of statement it asks for, its topic
terms, its clauses and phrases, the outlets and days it names, and whether it asks how a
position changed. Retrieval, claim routing, re-ranking and the answerers read these fields;
none of them re-parses the question.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from index.errors import QuestionError
from index.models import STATEMENT_KINDS, Filters
from index.text import MONTH_PATTERN, fts_terms, terms

MAX_QUESTION_CHARS = 2000
History = Sequence[tuple[str, str]]  # (user question, assistant answer), oldest first

# Words that say what kind of statement is asked for, not what it is about.
KIND_WORDS = frozenset(terms("urge urged demand demanded call called ask asked want offer offered promise vow "
                             "commit react reaction respond do doing plan plans changed change shift evolved stance"))
CHANGE_QUESTION = re.compile(r"\b(chang\w*|evolv\w*|shift\w*|over time|timeline|since|used to|now)\b", re.I)
QUESTION_KIND = [
    ("pledge", re.compile(r"\b(pledg\w*|promis\w*|vow\w*|commit\w*)\b", re.I)),
    ("proposal", re.compile(r"\b(propos\w*|offer\w*|in (?:exchange|return))\b", re.I)),
    ("demand", re.compile(r"\b(urg\w*|demand\w*|call(?:ed)? on|ask(?:ed)? \w+ to)\b", re.I)),
    ("criticism", re.compile(r"\b(critici[sz]\w*|condemn\w*|react\w*)\b", re.I)),
    ("position", re.compile(r"\b(position|stance|view|think|say|said|describe\w*|opinion)\b", re.I)),
]
#: Kinds specific enough to route a question to the claims of that kind only.
ROUTED_KINDS = tuple(k for k in STATEMENT_KINDS if k not in ("position", "statement"))

_NAME = re.compile(r"\b([A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*)")
_NOT_NAMES = set("""What Who Whom Whose Which When Where Why How Did Does Do Is Are Was Were Has Have Had Can
Could Should Would Will And Or The A An In On At Of For To From By As After Before Between Both According
Published Reported""".split())
_PART_SPLIT = re.compile(r"\s*(?:[;?]|,|\b(?:while|whereas|but|and|although|compared (?:to|with)|as well as"
                         r"|in exchange for|before|after)\b)\s*", re.I)
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:[;?]|,?\s+\b(?:while|whereas|but|although|compared (?:to|with)|in contrast to|as opposed to"
    r"|(?:and|who|which) (?:is|was|has|had|are|were|does|did) also|and also|as well as|in exchange for"
    r"|before|after|with the (?:former|latter))\b|,\s+(?:and|with)\b)\s*", re.I)
_DAY = re.compile(rf"\b({MONTH_PATTERN})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b|\b(\d{{4}}-\d{{2}}-\d{{2}})\b")
_FOLLOWUP = re.compile(r"^(and|but|what about|how about|also)\b|\b(he|she|they|them|his|her|their|it|that|this)\b",
                       re.I)


def check_question(question: str) -> str:
    """The question stripped; ``QuestionError`` when empty or over MAX_QUESTION_CHARS characters."""
    q = (question or "").strip()
    if not q:
        raise QuestionError("the question is empty")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q


def named_entities(text: str) -> list[str]:
    """Capitalised names in a question ("Lavrov", "North Korea", "Xi"), minus question words."""
    names = []
    for m in _NAME.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES]
        while words and words[0].lower() in ("of", "the"):
            words.pop(0)
        if words:
            name = " ".join(words).replace("’s", "").replace("'s", "").strip("'’\"“”")
            if len(name) > 1:
                names.append(name)
    return names


def question_kind(text: str) -> str | None:
    """The kind of statement a question asks for (one of STATEMENT_KINDS), or None."""
    for kind, rx in QUESTION_KIND:
        if rx.search(text):
            return kind
    return None


def question_parts(text: str) -> list[str]:
    """The phrases of a question, split at commas and conjunctions: a multi-part question
    ("who pledged A, proposed B and rejected C") has a sentence of evidence for each phrase,
    and each sentence resembles its phrase more than the whole question. [] for one phrase."""
    parts = [p.strip(" ,.") for p in _PART_SPLIT.split(text)]
    parts = [p for p in parts if len(terms(p)) >= 2]
    return parts if len(parts) > 1 else []


def clauses(text: str) -> list[str]:
    """The clauses of a compound question, or [] when it has one. Split at contrast and
    coordination words ("while", "compared to", ", and", "in exchange for")."""
    parts = [p.strip(" ,.") for p in _CLAUSE_SPLIT.split(text)]
    parts = [p for p in parts if len(fts_terms(p)) >= 3]
    return parts if len(parts) > 1 else []


def named_days(text: str) -> list[str]:
    """Calendar days a question names ("October 7, 2023", "2023-10-07"), as ISO dates."""
    out = []
    for m in _DAY.finditer(text):
        if m.group(4):
            out.append(m.group(4))
        else:
            try:
                out.append(datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%B %d %Y").date().isoformat())
            except ValueError:
                pass
    return out


def carry_over(question: str, previous: list[str]) -> str:
    """A follow-up made standalone without an LLM: the previous question's actors (when the
    follow-up names none) and topic words are appended ("And Lavrov?" -> "And Lavrov? sanctions ...")."""
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


@dataclass
class Clause:
    """One clause of a compound question with the outlets and days it names."""

    text: str
    outlets: tuple[str, ...] = ()
    days: tuple[str, ...] = ()


@dataclass
class Query:
    """A question as every stage reads it. Built by ``QueryParser.parse``; treat as read-only.

    ``question`` is the text as asked (stripped, checked); ``text`` the standalone form used to
    retrieve and answer (a follow-up with what it refers to carried over, else the question).
    ``names``: capitalised names in ``text``; ``actors``: the index's actors they match.
    ``kind``: the statement kind asked for (None: any). ``topic_terms``: stemmed content terms
    that are neither names nor kind words. ``outlets``/``days``: outlets of the index and ISO
    days the question names. ``clauses``: the clauses of a compound question (each with its
    outlets and days); ``parts``: its phrases for re-ranking. ``asks_change``: "how has X's
    stance changed?". ``vectors``: embeddings of ``text``, clauses and parts (unit length,
    384 floats), filled by ``QueryParser.embed``.
    """

    question: str
    text: str
    history: tuple[tuple[str, str], ...] = ()
    filters: Filters = field(default_factory=Filters)
    names: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kind: str | None = None
    terms: tuple[str, ...] = ()
    topic_terms: frozenset[str] = frozenset()
    outlets: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    parts: tuple[str, ...] = ()
    asks_change: bool = False
    vectors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def is_followup(self) -> bool:
        return self.text != self.question

    @property
    def routed_kinds(self) -> list[str] | None:
        """The claim kinds to route to (None: all kinds)."""
        return [self.kind] if self.kind in ROUTED_KINDS else None

    @property
    def vector(self) -> np.ndarray:
        return self.vectors[self.text]

    def vector_of(self, text: str) -> np.ndarray:
        return self.vectors[text]


class QueryParser:
    """Builds ``Query`` objects against an index: it knows the index's outlets and actors
    (cached; ``invalidate()`` after the index changes) and embeds the question's texts.

    ``outlets`` and ``actors`` are callables returning the current names (they are called
    again only after ``invalidate``); ``embed`` maps a list of texts to unit vectors."""

    def __init__(self, outlets: Callable[[], list[str]], actors: Callable[[], list[str]],
                 embed: Callable[[list[str]], np.ndarray]):
        self._outlets_of_index = outlets
        self._actors_of_index = actors
        self._embed = embed
        self._lock = threading.Lock()
        self._outlets: list[str] | None = None
        self._actors: list[str] | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._outlets = self._actors = None

    def parse(self, question: str, history: History | None = None, filters: Filters | dict | None = None,
              standalone: str | None = None) -> Query:
        """``standalone``: the follow-up already rewritten (by an LLM); else ``carry_over`` is used.

        Raises ``QuestionError`` for an empty or over-long question or malformed filters."""
        question = check_question(question)
        f = Filters.from_dict(filters)
        hist = tuple((str(q), str(a)) for q, a in (history or ()))
        text = standalone or (carry_over(question, [q for q, _ in hist]) if hist else question)
        names = named_entities(text)
        name_terms = {t for n in names for t in terms(n)}
        qterms = terms(text)
        return Query(
            question=question, text=text, history=hist, filters=f, names=tuple(names),
            actors=tuple(self.match_actors(names)), kind=question_kind(text), terms=tuple(qterms),
            topic_terms=frozenset(set(qterms) - name_terms - KIND_WORDS),
            outlets=tuple(self.named_outlets(text)), days=tuple(named_days(text)),
            clauses=tuple(Clause(c, tuple(self.named_outlets(c)), tuple(named_days(c))) for c in clauses(text)),
            parts=tuple(question_parts(text)), asks_change=bool(CHANGE_QUESTION.search(text)))

    def embed(self, query: Query, parts: bool = True) -> Query:
        """Fill ``query.vectors`` for its text, clauses and (with ``parts``) phrases, in one batch."""
        texts = [query.text] + [c.text for c in query.clauses] + (list(query.parts) if parts else [])
        texts = [t for t in dict.fromkeys(texts) if t not in query.vectors]
        if texts:
            query.vectors.update(zip(texts, self._embed(texts)))
        return query

    def named_outlets(self, text: str) -> list[str]:
        """Outlets in the index that ``text`` names ("as reported by TechCrunch")."""
        with self._lock:
            if self._outlets is None:
                self._outlets = list(self._outlets_of_index())
            outlets = self._outlets
        q = text.lower()
        found = []
        for s in outlets:
            names = {s.lower(), re.sub(r"^the\s+", "", s.lower()), s.lower().split(" - ")[0]}
            if any(len(n) >= 3 and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", q) for n in names):
                found.append(s)
        return found

    def match_actors(self, names: Sequence[str]) -> list[str]:
        """Actors of the index that ``names`` refer to: the same name, or the same surname."""
        with self._lock:
            if self._actors is None:
                self._actors = list(self._actors_of_index())
            known = self._actors
        out = []
        for n in names:
            nl = n.lower()
            for a in known:
                al = a.lower()
                if al == nl or al.split()[-1] == nl.split()[-1] and len(nl.split()[-1]) > 2:
                    out.append(a)
        return sorted(set(out))
