"""What a statement is about: the one test ``ask``, ``positions --topic`` and ``compare --topic`` share.

A ``Topic`` is read from a question (``Topic.of_query``: its ``topic_terms`` and ``topic_names``)
or from a topic given on its own (``Topic.parse``: "NATO", "sanctions on North Korea"), the same
way: content terms (stemmed, ``index.text.terms``) and the names it gives (a country, a body).
A sentence is about it (``Topic.covers``) when

- it shares a term with the topic (one is enough), or carries another form of one of the topic's
  words or names: an acronym and its long form from the table (the "acronyms" of
  ``index/aliases.json`` and the aliases of bodies there: "AI" / "artificial intelligence", "EU" /
  "European Union", "NATO" / "North Atlantic Treaty Organization"), or defined by the article
  itself ("the Organisation for the Prohibition of Chemical Weapons (OPCW)"); acronyms are
  matched as written, in capitals, so "AI" is never "aid", "said" or "Ai"; and
- when the topic gives names, it names one of them: by name or one of those forms, a country by
  its official name, capital or demonym, a body by "the Council" (or Court, Agency, ...) after the
  article last named it ("the Security Council ... the Council"); in the sentence itself, in the
  ``NAME_REACH`` characters before it, or in its article's title; a sentence naming another
  country only is about that country, whatever came before.

The statements of a state's UN speech are every sentence of it (``speech_sentences``): a speech
is its state's words, cue or not, so a sentence of it about the topic is one of the state's
statements on it, of kind "statement".

``ask`` also quotes a retrieved sentence very close in meaning to the question that shares no
term (``assistant.answerer.covers_topic``): a paraphrase found by the question's vector, which a
listing without a question (``positions``, ``compare``) has no vector for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Protocol

from index.actors import TITLES, ActorResolver, fold
from index.loaders import SPEECH_OUTLET
from index.models import Claim
from index.text import split_sentences, terms

if TYPE_CHECKING:
    from .query import Query

_RESOLVER = ActorResolver()
NAME_REACH = 250  # characters before a sentence that may name what it is about
LEAD_REACH = 1000  # an article's opening characters: a name there is what the article is about
# "this text", "these rules": a demonstrative before a noun refers to what the article named before
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose)\s+([a-z]\w+)")
_CAPITALISED_RUN = re.compile(r"[A-ZÀ-Þ][\w’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-ZÀ-Þ][\w’'.-]*)*")
#: Words of a compared topic that frame the comparison, not what it is about.
FRAME_TERMS = frozenset(terms("compare comparison position positions stance stances view views differ difference "
                              "differences versus contrast between"))
# The head nouns of bodies an article names once in full and then as "the Council", "the Court", ...
_REFERENCE_HEADS = ("Council", "Court", "Agency", "Commission", "Tribunal", "Assembly", "Alliance", "Union")
_REFERENCE = re.compile(rf"\b[Tt]he\s+({'|'.join(_REFERENCE_HEADS)})\b(?!\s+(?:of|for)\b)")
# A law named "<what> Act" is also written "<what> legislation" or "the law", "this text" after it is named.
_LAW_HEADS = ("Act", "Law", "Regulation", "Directive", "Bill")
_LAW_WORDS = frozenset(terms("act law legislation regulation rules bill text directive"))
_LAW_REFERENCE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]he new)\s+"
                            r"(?:Act|law|legislation|text|regulation|bill|rules)\b")
# Head nouns of a topic that is an event between the parties it names ("the Israel-Hamas war", "the
# Armenia-Azerbaijan conflict"): a statement naming a party, in an article whose title or nearby text
# names the event, is on it without repeating the head ("... attempts by Hamas to broadcast footage").
_EVENT_HEADS = frozenset(terms("war wars conflict conflicts crisis fighting hostilities dispute standoff "
                               "tensions offensive invasion"))
# Words by which a sentence refers back to what the sentence before it is about (``Topic.follows_on``): "they
# could be moved to tent camps", "the idea", "such a plan", "that goal" (not a bare "that", which mostly joins a
# clause).
# ("committed to working toward that goal": the goal the sentence before it names)
_BACK_REFERENCE = re.compile(r"\b(?:[Tt]hey|[Tt]hem|[Ii]t|[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch|(?:[Tt]he|[Tt]hat)\s+"
                             r"(?:idea|plan|proposal|offer|scheme|move|measures?|request|demand|step|initiative|"
                             r"suggestion|goal|target|aim|objective|pledge|commitment|effort|call))\b")
_SMALL = frozenset({"of", "the", "for", "and", "on", "in", "to", "de", "des", "du", "la", "le", "et", "&"})


def countries_named(text: str) -> set[str]:
    """The countries a text names by name, demonym, official name or capital ("the Democratic
    People's Republic of Korea", "Pyongyang", "North Korean" -> North Korea)."""
    # (a sentence or title is kept: the same statements are read for every question about their speaker)
    return set(_countries_kept(text) if len(text) <= 2000 else _countries_in(text))


def _countries_in(text: str) -> frozenset[str]:
    found: set[str] = set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = [w for w in re.split(r"\s+|(?<=\w)[-–](?=[A-ZÀ-Þ])", m.group(0)) if w]  # ("German-Egyptian")
        for i in range(len(words)):
            for j in range(min(len(words), i + 7), i, -1):
                name = " ".join(words[i:j])  # (a full stop ending the sentence is no part of it: "on Pyongyang.")
                country = _RESOLVER.country_of(name) or (name.endswith(".") and _RESOLVER.country_of(name[:-1])) or (
                    j == i + 1 and name.endswith("s") and _plural_demonym(name))  # ("the land of the Palestinians")
                if country:
                    found.add(country)
                    break
    return frozenset(found)


_countries_kept = lru_cache(maxsize=8192)(_countries_in)


def _quotation_after(sentence: str, article: str, at: int) -> str:
    """The sentence after ``sentence`` (at offset ``at`` of ``article``) in its paragraph when it goes on with the
    quotation ``sentence`` gives: ``sentence`` quotes (“...”) and the next one opens with a quotation mark
    (“This obsequious draft reads as if OPEC dictated it word for word,” Al Gore posted on X. “COP28 is now on
    the verge of complete failure.”: one speaker's words, the second naming what the first is about); else ""."""
    if not article or at < 0 or not re.search(r"[“\"].+[”\"]", sentence):
        return ""
    end = at + len(sentence)
    rest = article[end:end + 600]
    m = re.match(r"[ \t]*(?:\n[ \t]*)?[“\"]", rest)  # (the same paragraph: at most a line break, no blank line)
    if not m:
        return ""
    spans = split_sentences(rest)
    return rest[spans[0].start:spans[0].end] if spans else ""


def _plural_demonym(word: str) -> str | None:
    """The country whose people a plural demonym names ("Palestinians", "Ukrainians"), else None."""
    one = word[:-1]
    if one.lower() in _RESOLVER.aliases or one.lower() in _RESOLVER.countries:
        return None  # ("the Americas": a region, not Americans)
    country = _RESOLVER.country_of(one)
    return country if country and fold(one) != fold(country) else None


def demonym_forms(country: str) -> list[str]:
    """The words a text may name ``country``'s people or things by ("Palestine": Palestinian;
    "China": Chinese): the table's demonyms and the regular ones the resolver reads as it."""
    forms = {k.lower() for k, v in _RESOLVER.demonyms.items() if v == country and k.isalpha() and len(k) > 3}
    if not forms and " " not in country:  # regular: Palestine -> Palestinian, Kenya -> Kenyan, Pakistan -> Pakistani
        regular = (country[:-1] + "ian" if country.endswith("e") else country + "n" if country.endswith("a")
                   else country + "i")
        if _RESOLVER.country_of(regular) == country:
            forms.add(regular.lower())
    return sorted(f.capitalize() for f in forms)


# ----------------------------------------------------------------------------- forms of a name

def _key(form: str) -> str:
    """A form folded for lookups: "the U.N." -> "un", "Organisation" kept apart from "Organization"."""
    return re.sub(r"^the ", "", fold(form.replace(".", "")))


# The particles a name may be written with, joined by a hyphen or apart, in any case or spelling ("El-Sisi",
# "el-Sisi", "Abdel Fattah al-Sisi", "Sisi"): a name is matched without them (``name_words``).
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "bint"})


@lru_cache(maxsize=4096)
def name_words(text: str) -> frozenset[str]:
    """The words of a name (or of any text), folded (``fold``), split at hyphens and without the particles
    of ``NAME_PARTICLES``: "El-Sisi" and "Abdel-Fattah al-Sisi" share "sisi"."""
    return frozenset(w for w in re.findall(r"[^\W_]+", fold(text)) if w not in NAME_PARTICLES)


def names_alike(name: str, text: str) -> bool:
    """Whether ``text`` carries every word of ``name`` but its particles (``name_words``): "al-Sisi" is in
    "President Abdel-Fattah El-Sisi". False for a name of particles only."""
    own = name_words(name)
    return bool(own) and own <= name_words(text)


# A state's name or demonym as a person's title ("US President Joe Biden", "Chinese Foreign Minister Wang Yi"):
# it names whose office it is, not what the sentence is about.
_TITLED = re.compile(r"\b(?:[A-Z][\w.]*\s+){1,2}(?=(?:(?i:" + "|".join(
    re.escape(t) for t in sorted((t for t in TITLES if t.isalpha()), key=len, reverse=True))
    + r")\s+){1,3}[A-Z][\w’'-]+\s+[A-Z])")


def _is_acronym(form: str) -> bool:
    """ "EU", "U.N.", "G-7", "SDGs", "COP28": capitals (two or more), digits, dots, hyphens, a plural s."""
    bare = re.sub(r"[.\-&]", "", form)
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]+s?", bare)) and sum(c.isupper() for c in bare) >= 2


@lru_cache(maxsize=1024)
def _acronym_pattern(form: str) -> re.Pattern[str]:
    """An acronym as written, dots optional ("UN" finds "U.N."), a plural or possessive allowed; in
    capitals only, and for four letters or more also as a word ("Nato", "Unesco")."""
    letters = re.sub(r"[.\-&]", "", form)
    plural = letters.endswith("s") and letters[:-1].isupper()
    core = letters[:-1] if plural else letters
    spelled = r"[.\-]?".join(re.escape(c) for c in core) + r"\.?"
    variants = [spelled]
    if len(core) >= 4 and core.isalpha():
        variants.append(re.escape(core[0] + core[1:].lower()))
    return re.compile(rf"(?<![\w.])(?:{'|'.join(variants)})(?:s|’s|'s)?(?!\w)")


@lru_cache(maxsize=4096)
def _terms_of(form: str) -> tuple[str, ...]:
    return tuple(terms(form))


def _phrase_in(phrase: Sequence[str], found: Sequence[str]) -> bool:
    """Whether the terms ``phrase`` occur in ``found`` one after the other."""
    n = len(phrase)
    return bool(n) and any(tuple(found[i:i + n]) == tuple(phrase) for i in range(len(found) - n + 1))


def form_in(form: str, text: str, found: Sequence[str] | None = None) -> bool:
    """Whether ``text`` carries ``form``: an acronym as written (``_acronym_pattern``), else the
    form's terms in a row (``found``: ``terms(text)``, when already read)."""
    if _is_acronym(form):
        return bool(_acronym_pattern(form).search(text))
    return _phrase_in(_terms_of(form), terms(text) if found is None else found)


class _Forms:
    """The table's groups of forms of one thing: each acronym of ``ActorResolver.acronyms`` with
    its long forms, and each body of the actor aliases with its aliases (states are left to
    ``countries_named``; persons' aliases are their surnames, found by terms anyway)."""

    def __init__(self, resolver: ActorResolver):
        parent: dict[str, str] = {}
        written: dict[str, str] = {}

        def find(k: str) -> str:
            while parent.setdefault(k, k) != k:
                k = parent[k]
            return k

        def join(a: str, b: str) -> None:
            for f in (a, b):
                written.setdefault(_key(f), re.sub(r"^the\s+", "", f.strip()))
            parent[find(_key(a))] = find(_key(b))

        for short, longs in resolver.acronyms.items():
            for long in longs:
                join(short, long)
        for alias, canon in resolver.written_aliases:
            if resolver.country_of(canon) is None and resolver.country_of(alias) is None:
                join(alias, canon)
        groups: dict[str, list[str]] = {}
        for k in written:
            groups.setdefault(find(k), []).append(written[k])
        self.of_key: dict[str, tuple[str, ...]] = {k: tuple(groups[find(k)]) for k in written}

    def of(self, name: str) -> tuple[str, ...]:
        """The forms of ``name`` (itself included), or () when the table has none."""
        return self.of_key.get(_key(name), ())


_FORMS: _Forms | None = None


def table_forms() -> _Forms:
    """The forms table of the built-in ``index/aliases.json`` (built once)."""
    global _FORMS
    if _FORMS is None:
        _FORMS = _Forms(_RESOLVER)
    return _FORMS


def _spells(words: Sequence[str], letters: str) -> bool:
    """Whether ``words`` spell the acronym ``letters`` by their initials: each word gives its
    initial (a hyphenated one the initials of its parts, or only the first: "Non-Proliferation"),
    and small words ("of", "the", "for") may give none ("International Tribunal of the Law of the
    Sea": ITLOS, "Organization of Islamic Cooperation": OIC)."""
    @cache
    def fits(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(letters)
        w = words[i]
        parts = [p for p in w.split("-") if p]
        options = {parts[0][0].upper()} | ({"".join(p[0].upper() for p in parts)} if len(parts) > 1 else set())
        if w.lower() in _SMALL and fits(i + 1, j):
            return True
        return any(letters.startswith(o, j) and fits(i + 1, j + len(o)) for o in options)
    return bool(words) and words[0].lower() not in _SMALL and fits(0, 0)


def named_before(article: str, acronym: str) -> list[str]:
    """The names ``article`` gives right before ``acronym`` in brackets, spelling it or not ("the European Consumer
    Organisation (BEUC)", whose initials are of its French name): the long forms it defines the acronym as."""
    spelled = [long for short, long in defined_forms(article) if short.rstrip("s") == acronym.rstrip("s")]
    before = re.compile(rf"((?:[A-Z][\w’'-]+\s+(?:(?:of|for|and|on|the|de|des|du)\s+)*)*[A-Z][\w’'-]+)\s*\("
                        rf"{re.escape(acronym)}\)")
    return list(dict.fromkeys(spelled + [m.group(1) for m in before.finditer(article)]))


# The stems (``terms``) of words for changing something: reform, expand, enlarge, overhaul, restructure, ... (see
# ``Topic._changes``)
_CHANGE_TERMS = frozenset(terms("reform expand expansion enlarge enlargement change overhaul restructure restructuring "
                                "modernize modernise modernization modernisation transform transformation revamp "
                                "revise revision reshape widen"))


@lru_cache(maxsize=256)
def defined_forms(article: str) -> tuple[tuple[str, str], ...]:
    """The acronyms ``article`` defines, as (acronym, long form) pairs: "the International Atomic
    Energy Agency (IAEA)", "OPCW (Organisation for the Prohibition of Chemical Weapons)"; kept when
    the acronym's capitals are the initials of the long form's words (``_spells``)."""
    out: list[tuple[str, str]] = []
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9&.\-]{1,11})\)", article):
        short = m.group(1)
        if not _is_acronym(short):
            continue
        letters = "".join(c for c in short if c.isupper())
        words = re.findall(r"[\w’'-]+", article[max(0, m.start() - 160):m.start()])[-14:]
        for i in range(len(words) - 1, -1, -1):  # the shortest run of words before it spelling it
            if _spells(words[i:], letters):
                out.append((short, " ".join(words[i:])))
                break
    for m in re.finditer(r"\b([A-Z][A-Z0-9&.\-]{1,11}s?)\s+\(([^()]{5,160})\)", article):
        short, long = m.group(1), m.group(2).strip()
        if _is_acronym(short) and _spells(re.findall(r"[\w’'-]+", long), "".join(c for c in short if c.isupper())):
            out.append((short, long))
    return tuple(dict.fromkeys(out))


# ----------------------------------------------------------------------------- the topic

@dataclass(frozen=True)
class Topic:
    """What statements are asked to be about. ``terms``: stemmed content terms (for a topic that
    is only names, the names' own terms); ``names``: the names it gives ("North Korea", "NATO",
    "AI"); ``own``: countries asked about (a sentence naming only them and the topic is still on
    it); ``phrase``: the topic as typed ("" when read from a question). An empty topic covers every
    sentence."""

    terms: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()
    own: frozenset[str] = frozenset()
    phrase: str = ""

    @classmethod
    def parse(cls, phrase: str, own: Iterable[str] = ()) -> Topic:
        """A topic given on its own (``compare --topic``, ``positions --topic``), read as a
        question's topic is: "sanctions on North Korea" -> terms {sanction}, names (North Korea,);
        "NATO" -> terms {nato}, names (NATO,). ``own``: the actors asked about (their countries
        are the topic's ``own``). Frame words ("position", "stance") are no topic."""
        from .query import named_entities

        phrase = re.sub(r"\s+", " ", phrase or "").strip()
        names = [n for n in named_entities(phrase) if not _capitalised_word(phrase, n)]
        name_terms = frozenset(t for n in names for t in terms(n))
        words = frozenset(terms(phrase)) - FRAME_TERMS
        return cls(words - name_terms or name_terms, tuple(names), _countries(own), phrase)

    @classmethod
    def of_query(cls, query: Query) -> Topic:
        """The topic of a parsed question: its ``topic_terms`` and ``topic_names``; the states it
        asks about (its actors and the names it gives outside its topic) are its ``own``."""
        return cls(frozenset(query.topic_terms), tuple(query.topic_names),
                   _countries([*query.actors, *(n for n in query.names if n not in query.topic_names)]))

    def without(self, words: Iterable[str]) -> Topic:
        """The topic without the stemmed ``words`` among its terms."""
        return replace(self, terms=self.terms - frozenset(words))

    def __bool__(self) -> bool:
        return bool(self.terms or self.names)

    def label(self) -> str:
        """The topic as said in an answer: as typed, else its names, else its terms."""
        return self.phrase or " ".join(self.names) or " ".join(sorted(self.terms))

    # -- what it is made of -------------------------------------------------------------------
    @cached_property
    def _name_terms(self) -> frozenset[str]:
        return frozenset(t for n in self.names for t in terms(n))

    @cached_property
    def names_only(self) -> bool:
        """Whether the topic is only the names it gives ("about Egypt", "NATO")."""
        return bool(self._name_terms) and self.terms <= self._name_terms

    @cached_property
    def _parts(self) -> tuple[str, ...]:
        """The names, a pair written "US-China" as its two parts (unless it is a country's name, or one
        name of several words with a hyphen in one, "Hayat Tahrir Al-Sham", none of them a country)."""
        def pair(n: str) -> bool:
            parts = [p for p in re.split(r"[-–/]", n) if p.strip()]
            if any(fold(p.strip()) in NAME_PARTICLES for p in parts):
                return False  # one name written with its particle: "El-Sisi", "al-Assad"
            return _country(n) is None and len(parts) > 1 and (
                not re.search(r"\s", n) or any(_country(p.strip()) for p in parts))
        return tuple(p for n in self.names for p in (re.split(r"[-–/]", n) if pair(n) else [n]) if p)

    @cached_property
    def _doings(self) -> frozenset[str]:
        """What the topic's agent nouns do ("investors": invest, "exporters": export): a sentence carrying it is on
        them ("What did Kishida urge investors to do?": "I would urge you to ... invest in Japan")."""
        return frozenset(t[:-2] for t in self.terms if len(t) > 6 and t.endswith(("or", "er")))

    @cached_property
    def _changes(self) -> frozenset[str]:
        """For a change to a body the topic names ("Security Council reform"), every word of changing it: a sentence
        on expanding or reshaping the Council is on its reform ("the need to expand both the permanent and the
        non-permanent membership of the Council", in Japan's speech), whichever change word it uses."""
        return _CHANGE_TERMS if self.names and self.terms & _CHANGE_TERMS else frozenset()

    @cached_property
    def _wanted(self) -> frozenset[str]:
        return frozenset(c for c in map(_country, self._parts) if c)

    @cached_property
    def _bodies(self) -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
        """Each name that is no country: itself, its own terms and its other forms in the table."""
        out = []
        for n in self._parts:
            if _country(n) is None:
                forms = [f for f in (*table_forms().of(n), _RESOLVER.aliases.get(n.lower(), n)) if _key(f) != _key(n)]
                out.append((n, frozenset(terms(n)), tuple(dict.fromkeys(forms))))
        return tuple(out)

    @cached_property
    def _term_forms(self) -> tuple[str, ...]:
        """Other forms of the topic's words and names in the table: those of every group one of
        whose forms is all topic terms ("artificial intelligence": AI; "AI": artificial intelligence)."""
        have = self.terms | self._name_terms
        # (a name that is an acronym is found as written: "WHO" has no terms, "who" being a stopword)
        out: list[str] = [f for n, _, forms in self._bodies for f in ((n,) if _is_acronym(n) else ()) + forms]
        # a state named as its people ("Palestine": "the Palestinians", "a Palestinian state")
        out += [f for n in self.names if (c := _country(n)) for f in demonym_forms(c)]
        for forms in set(table_forms().of_key.values()):
            if any((ft := set(_terms_of(f))) and ft <= have for f in forms):
                out += [f for f in forms if not set(_terms_of(f)) <= have or _is_acronym(f)]
        return tuple(dict.fromkeys(out))

    def _applies(self, form: str) -> bool:
        """Whether the topic's words and names hold all of ``form``'s terms."""
        return _stands_for(self.terms | self._name_terms, form, whole=True)

    def expansions(self) -> list[str]:
        """Other forms of the topic from the table, for lexical search ("AI" -> "artificial
        intelligence"); [] when it has none."""
        have = self.terms | self._name_terms
        return [f for f in self._term_forms if not set(_terms_of(f)) <= have]

    # -- the tests ---------------------------------------------------------------------------------
    def shares(self, text: str, article: str = "") -> bool:
        """Whether ``text`` shares a term with the topic or carries another form of one of its words
        or names (the table's, or one ``article`` defines). A word of the topic found only inside the
        capitalised name of something else is no share (``_named_else``: "the Arms Trade Treaty" is on
        arms, not on trade; "the World Trade Organization" is on trade)."""
        if not self:
            return True
        found = terms(text)
        hit = (self.terms | self._doings | self._changes) & set(found)
        if hit and (hit & self._name_terms or not hit <= set(_named_else(text, hit))) \
                or any(form_in(f, text, found) for f in self._term_forms):
            return True
        return any(form_in(other, text, found) for short, long in defined_forms(article) if article
                   for one, other in ((short, long), (long, short)) if self._applies(one))

    def whole_in(self, text: str, article: str = "", at: int = -1) -> bool:
        """Whether ``text`` carries both terms of a two-word topic, or another form of them ("land
        reform" in "the question of land reform", not in "Reform of the United Nations"; "electric
        vehicles" as "EVs"), or one of them after the ``NAME_REACH`` characters before it in
        ``article`` (which holds it at offset ``at``) carried both ("... the aid package for Ukraine.
        Kertész said Hungary would support the package."). True for a topic of another size (of three
        words or more, a sentence need not repeat them all: "a grain corridor through the Northern
        Straits")."""
        if len(self.terms) != 2:
            return True
        found = terms(text)
        if self.terms <= set(found) or any(form_in(f, text, found) for f in self._term_forms):
            return True
        before = article[max(0, at - NAME_REACH):at] if article and at >= 0 else ""
        return bool(self.terms & set(found)) and bool(before) and self.terms <= set(terms(before))

    def named_by(self, sentence: str, topics: Sequence[str] = (), article: str = "", at: int = -1,
                 title: str = "") -> bool:
        """Whether the sentence itself carries the topic: it shares a term or a form of one
        (``shares``), or, for a topic that is only names, names one itself ("NATO's expansion",
        "German-Egyptian unity", "the Council" after the Security Council), not only in the
        sentences before it or the title; for an event between the parties it names, a party
        (``event_named``, with the article's ``title``). Of the sentences about a topic (``covers``),
        those that name it answer first (``statements_about``, ``assistant.answerer``)."""
        if not self or self.shares(_with_topics(sentence, topics), article):
            return True
        if self.event_named(sentence, title, article, at):
            return True
        return self.names_only and (self._named_in(sentence, article) or self._referred_in(sentence, article, at))

    def names_in(self, sentence: str, title: str = "", article: str = "", at: int = -1) -> bool:
        """Whether a sentence names one of the topic's names (True when it gives none): in the
        sentence itself, else (unless the sentence names another country only) in the
        ``NAME_REACH`` characters before it in ``article`` (which holds it at offset ``at``) or in
        its ``title``. ``article`` also gives the acronyms it defines and what its
        "the Council" stands for."""
        if not self.names:
            return True
        here = countries_named(sentence)  # (read once: the costliest step)
        if self._named_in(sentence, article, here) or self._referred_in(sentence, article, at):
            return True
        before = article[max(0, at - NAME_REACH):at] if article and at >= 0 else ""
        # (a topic that is no country, named in the title or right before: a country the sentence names does not
        # make it about that country instead; "... told Binance employees ...". “Any institution ... that wants to
        # reap the benefits of the U.S. financial system must also play by the rules ...,” Yellen said)
        beside = not self._wanted and (self._named_in(before, article) or self._named_in(title, article))
        if not beside and here - self.own - self._wanted \
                and countries_named(_TITLED.sub(" ", sentence)) - self.own - self._wanted:
            # about another country ("the Iranian nuclear deal"), whatever came before; not a country that only
            # names a person's office ("US President Joe Biden reaffirmed ..." after "El-Sisi has been courted")
            return False
        if not self.names_only and article and at > 0 and self.shares(sentence) and (
                self._named_in(article[:min(at, LEAD_REACH)], article)
                or _DEMONSTRATIVE.search(sentence) and any(
                    t in self.terms for t in terms(" ".join(_DEMONSTRATIVE.findall(sentence))))
                and self._named_in(article[:at], article)):
            # the topic's own word in the sentence ("text" of "the COP28 text"), its name in the article's lead or,
            # for "this text", anywhere before: "This text is a step forward ...", said Andreas Sieber, late in an
            # article whose second paragraph names COP28
            return True
        return self._named_in(before, article) or self._named_in(title, article) \
            or self._named_in(_quotation_after(sentence, article, at), article)

    def covers(self, sentence: str, topics: Sequence[str] = (), title: str = "", article: str = "",
               at: int = -1) -> bool:
        """Whether ``sentence`` (with a statement's ``topics``) is about the topic: it shares a term
        or a form of one (``shares``), and, when the topic gives names, it names one, itself or in
        the few sentences before it or its title (``names_in``: "Biden reaffirmed the two countries'
        partnership" in "Egypt faces economic crisis"); a topic that is only names needs only the
        latter ("German-Egyptian unity" for Egypt). ``article``: the text holding the sentence at
        offset ``at`` ("" when not at hand: the sentence and ``title`` are read alone)."""
        if not self:
            return True
        if not self.names_only and not self.shares(_with_topics(sentence, topics), article):
            # (a topic of words alone under a title carrying them; one giving names is read by its names as
            # before: "Iran said it would respond" under "Sanctions on Iran" is not on sanctions on Iran)
            return self.event_named(sentence, title, article, at) or self.follows_on(sentence, article, at) or (
                not self.names and self.titled(title))
        return self.names_in(sentence, title, article, at)

    def headed(self, sentence: str, title: str) -> bool:
        """Whether ``sentence`` stands under a ``title`` that is on the whole topic, its words and its names, and
        names no country but the speaker's own (``own``) and the topic's: "We are at war. ... I call on all citizens
        of Israel to unite", Netanyahu said, under "Hamas' surprise attack on Israel shocks internet", is on "the
        Hamas attack" when none of his statements names it (``statements_about`` reads these last); never a
        sentence naming what the topic names without its words ("Iran said it would respond" under "Sanctions on
        Iran": ``covers``), nor another country."""
        if not self or not title or not self.terms or not self.covers(title, (), "", "", -1):
            return False
        if self.names and (self._wanted & countries_named(sentence) or self._body_named(sentence)):
            return False
        return not countries_named(sentence) - self.own - self._wanted

    def titled(self, title: str) -> bool:
        """Whether an article's ``title`` carries the topic's words, all of them, or another form of them ("Trump
        and the GOP are trying to drive a wedge between autoworkers and EVs" for "autoworkers"): a statement
        under it is on the topic when none names it itself (``statements_about``), as under a title naming a
        name it gives."""
        if not title or not self.terms or self.names:
            return False
        found = terms(title)
        return self.terms <= set(found) or any(_stands_for(self.terms, f) and form_in(f, title, found)
                                               for f in self._term_forms)

    def follows_on(self, sentence: str, article: str = "", at: int = -1) -> bool:
        """Whether ``sentence`` (at offset ``at`` of ``article``) goes on about what the sentence right before
        it, in its paragraph, is about: it refers back to it ("they", "it", "the idea", ``_BACK_REFERENCE``)
        and that sentence carries the topic by itself, its terms and names ("... housing Palestinians fleeing
        the violence in Gaza. Israel has suggested they could be moved to tent camps in the Sinai ..." is on
        Palestinians fleeing Gaza, though the second names neither). ``covers`` reads it of a sentence that
        shares no term with the topic (one that repeats the topic's word of another country is about that)."""
        if not self or not article or at <= 0 or not _BACK_REFERENCE.search(sentence):
            return False
        head = article[max(0, at - 1200):at]
        paragraph = head[head.rfind("\n\n") + 2 if "\n\n" in head else 0:]
        spans = split_sentences(paragraph)
        if not spans or paragraph[spans[-1].end:].strip():
            return False
        previous = paragraph[spans[-1].start:spans[-1].end]
        return (self.names_only or self.shares(previous, article)) and self.names_in(previous)

    def event_named(self, sentence: str, title: str = "", article: str = "", at: int = -1) -> bool:
        """For a topic that is an event between the parties it names ("the Israel-Hamas war"): the
        sentence names one of them itself, and the title or the ``NAME_REACH`` characters before it
        name the event ("... during Israel-Hamas war")."""
        if not self.names or not self.terms or not self.terms <= _EVENT_HEADS:
            return False
        if not (self._wanted & countries_named(sentence) or self._body_named(sentence, article)):
            return False
        before = article[max(0, at - NAME_REACH):at] if article and at >= 0 else ""
        return any(self.shares(t) and self._named_in(t, article) for t in (title, before) if t)

    def _named_in(self, text: str, article: str = "", countries: set[str] | None = None) -> bool:
        if not text:
            return False
        if self._wanted and self._wanted & (countries_named(text) if countries is None else countries):
            return True
        if self._wanted and self._bodies:
            return False  # "Sweden joining NATO": a sentence on NATO alone is not about Sweden's joining
        return self._body_named(text, article)

    def _body_named(self, text: str, article: str = "") -> bool:
        """Whether ``text`` names one of the topic's names that are no country (``_bodies``)."""
        found = terms(text)
        have = set(found)
        for name, own, forms in self._bodies:
            if (form_in(name, text, found) if _is_acronym(name) else bool(own) and own <= have) \
                    or any(form_in(f, text, found) for f in forms) \
                    or not _is_acronym(name) and names_alike(name, text):
                # (a name however its particle is written: "al-Sisi" in "El-Sisi has been courted")
                return True
            what = own - set(terms(name.split()[-1])) if name.split()[-1] in _LAW_HEADS else frozenset()
            if what and what <= have and have & _LAW_WORDS:
                return True  # "AI legislation", "AI rules" for the AI Act
            if article and any(form_in(other, text, found) for short, long in defined_forms(article)
                               for one, other in ((short, long), (long, short)) if _stands_for(own, one)):
                return True
        return False

    def _referred_in(self, sentence: str, article: str, at: int) -> bool:
        """ "the Council" in the sentence, and the last body of that head the article named before
        it ("the Security Council") is one of the topic's names."""
        if not self._bodies or not article or at < 0:
            return False
        laws = [name for name, _, _ in self._bodies if name.split()[-1] in _LAW_HEADS]
        if laws and _LAW_REFERENCE.search(sentence):
            # "this text", "the law" after the article named the AI Act: the last law it named before
            laws_named = [(n.end(), n.group(0)) for head in _LAW_HEADS
                          for n in _named_body(head).finditer(article[:at])]
            if laws_named and self._named_in(max(laws_named)[1], article):
                return True
        for m in _REFERENCE.finditer(sentence):
            head = m.group(1)
            # the last "<Capitalised ...> Council" before it ("UN Security Council"; not "the Council" again)
            named = [body for n in _named_body(head).finditer(article[:at + m.start()])
                     if (body := re.sub(r"^[Tt]he\s+", "", n.group(0))) != head]
            if named and self._named_in(named[-1], article):
                return True
        return False


_CAP = r"[A-ZÀ-Þ][\w’'.-]*"
# A name of several capitalised words, which "of (the)", "on", "for" or "and" may join ("Ministry of Trade").
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-ZÀ-Þ][\w’'-]*(?:\s+(?:(?:of|on|for|and|&)\s+(?:the\s+)?)?[A-ZÀ-Þ][\w’'-]*)+")
# Words of a name that only say where or how broadly the name's subject is taken ("World", "International",
# "Free"): "the World Trade Organization" is on trade; another word before the topic's ("Arms") makes the name
# another subject's ("the Arms Trade Treaty" is on the arms trade, not on trade).
_SCOPE_WORDS = frozenset("world international global free fair federal national multilateral regional bilateral "
                         "general united joint common new single open transatlantic transpacific trans-pacific "
                         "continental mutual special standing permanent".split())


def _with_topics(sentence: str, topics: Sequence[str]) -> str:
    """A statement's ``sentence`` with its ``topics`` (lower-cased phrases of it) that it does not carry as written
    (one it does, "arms trade treaty" of "the Arms Trade Treaty", is read in the sentence, as a name)."""
    low = sentence.lower()
    return " ; ".join([sentence, *(t for t in topics if t.lower() not in low)])


def _named_else(text: str, wanted: Iterable[str]) -> list[str]:
    """The terms of ``wanted`` (stemmed topic words) that ``text`` carries only inside capitalised names of
    something else ("the Arms Trade Treaty" for "trade"): a word of a name counts as the topic's when it is the
    name's head (its last word: "the Arms Trade Treaty" is a treaty), comes after its "of"/"on"/"for" ("the
    Ministry of Trade") or only scope words, title words, a country, a demonym or other topic words come before it
    ("the World Trade Organization", "the US Trade Representative", "Saudi Crown Prince Faisal"). [] when a term
    also occurs outside such names."""
    wanted = set(wanted)
    if not wanted or not _NAME_RUN.search(text):
        return []
    masked = text
    for m in _NAME_RUN.finditer(text):
        words = re.findall(r"[\w’'-]+", m.group(0))
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]  # (a sentence's first word: "The Arms Trade Treaty ...")
        head = len(words) - 1
        for i, word in enumerate(words):
            if i == head or not set(terms(word)) & wanted:
                continue
            before = words[:i]
            joined = max((j for j, w in enumerate(before) if w.lower() in ("of", "on", "for")), default=-1)
            if joined >= 0:
                continue  # (after "of": "the Ministry of Trade" is on trade)
            # (title words describe the person a name goes on to: "Saudi Crown Prince Faisal" is a prince)
            rest = [w for w in before if w.lower() not in _SCOPE_WORDS | TITLES and w.lower() not in ("and", "&")
                    and not set(terms(w)) & wanted]
            if not rest or all(_country(p) for w in rest for p in w.split("-") if p) or _country(" ".join(rest)):
                continue
            # (blanked, same length: the word is the name's, another subject's)
            span = re.sub(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", " " * len(word),
                          masked[m.start():m.end()], count=1)
            masked = masked[:m.start()] + span + masked[m.end():]
    left = set(terms(masked))
    return sorted(wanted - left)


@lru_cache(maxsize=16)
def _named_body(head: str) -> re.Pattern[str]:
    """A body named in full with ``head`` last ("Security Council", "International Criminal Court"):
    capitalised words, which "of (the)" or "for" may join, then the head."""
    return re.compile(rf"(?:{_CAP}\s+(?:(?:of|for)\s+(?:the\s+)?)?)*{_CAP}\s+{head}\b")


def _stands_for(words: frozenset[str], form: str, whole: bool = False) -> bool:
    """Whether the terms ``words`` stand for ``form``: they hold all its terms (``whole``), or they
    are most of them ("Prohibition of Chemical Weapons" for the Organisation for the ...)."""
    ft = set(_terms_of(form))
    if not ft or not words:
        return False
    return ft <= words if whole else words <= ft and 2 * len(words) >= len(ft)


def _capitalised_word(phrase: str, name: str) -> bool:
    """A topic typed with a capital first word ("Sanctions relief"): that word is no name, unless
    a table knows it or it is an acronym."""
    return (phrase.startswith(name) and " " not in name and not _is_acronym(name) and _country(name) is None
            and not table_forms().of(name) and name.lower() not in _RESOLVER.organisations)


def _country(name: str) -> str | None:
    """The country ``name`` stands for (a people too: "the Palestinians"), else None."""
    return _RESOLVER.country_of(name) or (_RESOLVER.country_of(name[:-1]) if name.endswith("s") else None)


def _countries(names: Iterable[str]) -> frozenset[str]:
    return frozenset(c for c in map(_RESOLVER.country_of, names) if c)


# ----------------------------------------------------------------------------- statements

class _Text(Protocol):
    """A document or passage: what a speech statement is read from."""
    doc_id: str
    title: str
    source: str
    published: str
    url: str


def speech_state_of(title: str, source: str) -> str | None:
    """The state whose UN speech a text is (its title is "speaker, post, country" and its outlet
    none or the General Debate's, as ``index.loaders`` gives a speech record), else None."""
    speech = not source or source.startswith(SPEECH_OUTLET)
    return _title_state(title.split(", "))[1] if speech else None


def _title_state(parts: list[str]) -> tuple[int, str | None]:
    """(how many of a speech title's comma-separated ``parts`` the state takes, the state): the
    last part ("..., President, Israel"), or the last two when the record writes the state's name
    with a comma ("..., President, Iran, Islamic Republic of", "Congo, Democratic Republic of the");
    (0, None) for a title of fewer than three parts or naming no state."""
    if len(parts) >= 4 and re.search(r"\bof(?: the)?$", parts[-1]):
        for name in (", ".join(parts[-2:]), f"{parts[-1]} {parts[-2]}"):
            if state := _RESOLVER.country_of(name):
                return 2, state
    if len(parts) >= 3 and (state := _RESOLVER.country_of(parts[-1])):
        return 1, state
    return 0, None


def speech_statement(doc: _Text, state: str, start: int, end: int, text: str) -> Claim:
    """A sentence ``text`` (``[start, end)`` in the article) of ``state``'s UN speech ``doc`` as
    one of the state's statements: kind "statement", cue "(speech)", its words the state's own
    (direct), the speech's giver and post as role and speaker ("Minister ... Sergey Lavrov")."""
    parts = doc.title.split(", ")
    taken = _title_state(parts)[0] or 1
    role = " ".join(reversed(parts[:-taken]))  # "Sergey Lavrov, Minister ..." -> "Minister ... Sergey Lavrov"
    return Claim(f"speech:{doc.doc_id}:{start}", doc.doc_id, role, state, "government", role, "(speech)",
                 "statement", True, start, end, text, start, end, [], doc.published, doc.title, doc.source,
                 doc.published, doc.url)


def speech_sentences(doc: _Text, text: str, offset: int = 0,
                     taken: set[tuple[str, int]] | None = None) -> list[Claim]:
    """The sentences of a UN speech as its state's statements (``speech_statement``; a speech is
    its state's words, every sentence of it, cue or not), in order: the candidates
    ``statements_about`` picks those about a topic from. ``text`` is the speech or a passage of it
    starting at ``offset`` in the article. ``taken``: the (doc_id, sentence start) of sentences to
    leave out (those carrying a statement already). [] when ``doc`` is no speech."""
    state = speech_state_of(doc.title, doc.source)
    if state is None:
        return []
    taken = taken or set()
    return [speech_statement(doc, state, offset + sp.start, offset + sp.end, text[sp.start:sp.end])
            for sp in split_sentences(text) if (doc.doc_id, offset + sp.start) not in taken
            and not _STAGE_DIRECTION.fullmatch(text[sp.start:sp.end]) and not is_lead_in(text[sp.start:sp.end])]


# A sentence that only names what the next ones are about, a phrase with no verb: "With respect to the Ukrainian
# crisis and the war." (a speech's heading, as translated), "As for sanctions." It says nothing itself.
_LEAD_IN = re.compile(r"\s*[“\"]?(?:With\s+(?:respect|regard|reference)\s+to|In\s+(?:regard|relation|respect)\s+to|"
                      r"Regarding|As\s+regards|As\s+(?:for|to)|Concerning|Turning\s+(?:now\s+)?to|Now,?\s+(?:to|on)|"
                      r"On\s+the\s+(?:question|issue|matter|subject)\s+of)\s+[^,;:!?]+[.:]?[”\"]?\s*", re.I)


def is_lead_in(sentence: str) -> bool:
    """Whether ``sentence`` only names what the sentences after it are about ("With respect to the Ukrainian crisis
    and the war."): no statement to quote, though the sentences after it are on what it names."""
    return bool(_LEAD_IN.fullmatch(sentence)) and len(sentence) < 160


# A record's note on how it was given, no words of the speaker: "(spoke in Russian)", "(spoke in Ukrainian;
# English interpretation provided by the delegation)".
_STAGE_DIRECTION = re.compile(r"\(\s*(?:spoke|speaking|interpretation|translation|applause)\b[^()]*\)\.?", re.I)


def statements_about(topic: Topic, claims: Iterable[Claim], text_of: Callable[[str], str],
                     in_sentences: Iterable[Claim] = ()) -> list[Claim]:
    """The statements of ``claims`` about ``topic`` (all of them for an empty topic), in their
    order: each read in its whole sentence ("Asked about NATO, Lavrov said ..."), with the
    statement's topics and its article's title (``Topic.covers``), but without what others are
    reported saying in that sentence ("Ostmark says the ships protect its coast; Veloria says ..."
    is no statement of Ostmark's about Veloria). When some of them name the topic themselves
    (``Topic.named_by``), only those, as ``ask`` answers: one that only follows a sentence naming
    it, or stands in an article whose title names it, counts when none does ("Biden reaffirmed the
    two countries' partnership" in "Egypt faces economic crisis"). ``in_sentences``: the statements the articles'
    sentences carry (any speaker; those neither among ``claims`` nor of their speakers are the
    others'). ``text_of(doc_id)`` gives an article's text ("": unknown, the statement's own words
    are read instead)."""
    claims = list(claims)
    if not topic:
        return claims
    ours = {c.claim_id for c in claims}
    others: dict[tuple[str, int], list[Claim]] = {}
    actors_in: dict[str, set[str]] = {}
    for c in claims:
        actors_in.setdefault(c.doc_id, set()).add(c.actor)
    for o in in_sentences:
        if o.claim_id not in ours and o.actor not in actors_in.get(o.doc_id, ()):
            others.setdefault((o.doc_id, o.sent_start), []).append(o)
    about: list[tuple[Claim, bool]] = []  # (statement, whether its sentence names the topic itself)
    headed: list[Claim] = []  # under a title on the whole topic, naming nothing else (``Topic.headed``)
    for c in claims:
        article = text_of(c.doc_id)
        sentence = _without_others(article, c, others.get((c.doc_id, c.sent_start), ())) if article else c.text
        at = c.sent_start if article else -1
        if topic.covers(sentence, c.topics, c.title, article, at):
            about.append((c, topic.named_by(sentence, c.topics, article, at, title=c.title)))
        elif not about and topic.headed(sentence, c.title):
            headed.append(c)
    named = [c for c, itself in about if itself]
    return named or [c for c, _ in about] or headed


# What a clause after the speakers says of them: "(and the United States), which have mediated talks ...,".
_DESCRIBED = re.compile(r"(?:\s+and\s+[^,;]+)?,\s+(?:which|who)\b[^,;]*,")
# Where one statement's clause ends and another's begins within a sentence.
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|and|yet)\b|,")


def _without_others(article: str, c: Claim, others: Iterable[Claim]) -> str:
    """The sentence of ``c`` with the clauses of ``others`` (statements of other speakers in it, not
    overlapping ``c``'s content) blanked out, speaker and all: "Ostmark says the ships protect its
    coast; Veloria says they are there to intimidate merchant crews." -> "Ostmark says the ships
    protect its coast" and blanks; of those saying ``c``'s words with it, their names (and a "which"
    clause after them). Offsets are kept (blanks replace what is left out)."""
    s0, s1 = c.sent_start, c.sent_end
    chars = list(article[s0:s1])
    for o in others:
        if o.start >= c.end:  # after the statement: from the break before it to its end
            gap = article[c.end:o.start]
            breaks = list(_CLAUSE_BREAK.finditer(gap))
            a, b = (c.end + breaks[-1].start() if breaks else o.start), o.end
        elif o.end <= c.start:  # before it: from the start of its clause to the break after it
            head = article[s0:o.start]
            opens = list(_CLAUSE_BREAK.finditer(head))
            m = _CLAUSE_BREAK.search(article, o.end, c.start)
            a, b = (s0 + opens[-1].end() if opens else s0), (m.end() if m else o.end)
        elif (o.start, o.end) == (c.start, c.end) and o.speaker and (
                named := re.compile(rf"(?<!\w){re.escape(o.speaker)}(?!\w)").search(article, s0, c.start)):
            # a joint speaker, and what a clause says of them, is no more what the statement is about than its own
            # ("Saudi Arabia and the United States, which have mediated talks in the Saudi city of Jeddah, urged both
            # sides ...": not about the United States, nor Saudi Arabia)
            m = _DESCRIBED.match(article, named.end(), c.start)
            a, b = named.start(), (m.end() if m else named.end())
        else:
            continue  # (one inside the other: "According to Kindiki, Brandvold had pledged ...")
        for i in range(max(a, s0), min(b, s1)):
            chars[i - s0] = " "
    return "".join(chars)
