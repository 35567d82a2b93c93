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
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from index.actors import _BODY_HEADS, TITLES, ActorResolver, fold, match_actor_names, role_country, translit_key
from index.cleaning import outlet_name
from index.dates import parse_date
from index.errors import QuestionError
from index.filtering import pub_day, until_day
from index.models import STATEMENT_KINDS, Filters
from index.text import MONTH_PATTERN, MONTHS, WEEKDAYS, fts_terms, terms

if TYPE_CHECKING:
    from .topic import Topic

MAX_QUESTION_CHARS = 2000
History = Sequence[tuple[str, str]]  # (user question, assistant answer), oldest first

# Words that say what kind of statement is asked for, not what it is about.
KIND_WORDS = frozenset(terms("urge urged demand demanded call called ask asked want offer offered promise vow "
                             "commit react reaction respond do doing plan plans changed change shift evolved stance "
                             "mind later since ever subsequently reverse reversed u-turn course "
                             "threaten threatened threat warn warned response responded reply replied reacted "
                             "reject rejected rejects refuse refused veto vetoed dismiss dismissed condemn condemned "
                             "criticise criticised criticize criticized denounce denounced"))
# Light verbs ("threaten to go to the court"): no topic of their own.
LIGHT_VERBS = frozenset(terms("go goes went take takes took make makes made get gets got come comes came put puts "
                              "give gives gave bring brings brought"))
# Words that frame a request rather than name its topic ("Tell me what Mereth pledged", "Can you
# list what ...", "I want to know ...").
REQUEST_WORDS = frozenset(terms("tell me us show list explain describe summarise summarize summary please could "
                                "would can you want know find let else anything something everything"))
# (not "climate change", "regime change": a topic, not a change asked about)
# (not a change that is the topic: "Who opposed changes to Sweden's free-speech laws?", "changes in the law")
CHANGE_QUESTION = re.compile(r"\b((?<!climate )(?<!regime )chang(?!es?\s+(?:to|in|of)\b)\w*|evolv\w*|shift\w*|"
                             r"over time|timeline|since|used to|now)\b", re.I)
QUESTION_KIND = [
    ("pledge", re.compile(r"\b(pledg\w*|promis\w*|vow\w*|commit\w*)\b", re.I)),
    ("proposal", re.compile(r"\b(propos\w*|offer\w*|in (?:exchange|return))\b", re.I)),
    ("demand", re.compile(r"\b(urg\w*|demand\w*|call(?:ed)? on|ask(?:ed)? \w+ to)\b", re.I)),
    ("rejection", re.compile(r"\b(reject\w*|refus\w*|rul(?:e|es|ed|ing) out|turn(?:s|ed|ing)? down|veto\w*)\b",
                             re.I)),
    ("criticism", re.compile(r"\b(critici[sz]\w*|condemn\w*|react\w*|accus\w*|denounc\w*|blam\w*)\b", re.I)),
    ("threat", re.compile(r"\b(threat\w*|warn\w*)\b", re.I)),
    ("position", re.compile(r"\b(position|stance|view|think|say|said|describe\w*|opinion)\b", re.I)),
]
# "Did she mention TikTok?": what she said naming it, as "What did she say about TikTok?" asks.
MENTION_QUESTION = re.compile(r"^\s*(?:did|does|has|have|had)\s+(?P<who>.+?)\s+(?:ever\s+|also\s+)?"
                              r"(?:mention|discuss|talk about|speak about|refer to)\b", re.I)
#: Kinds specific enough to route a question to the claims of that kind only.
ROUTED_KINDS = tuple(k for k in STATEMENT_KINDS if k not in ("position", "statement"))
#: Kinds a question may ask for that the claims table does not store: a threat is a statement of
#: any kind whose cue threatens or warns, or whose content makes a harm conditional
#: ("deliveries would be cut by half unless ..."); see ``assistant.evidence.claim_is``.
DERIVED_KINDS = ("threat",)

# (a particle of a name inside it: "Abdel Fattah el-Sisi", "Bashar al-Assad", "Ursula von der Leyen", "Luiz Inácio
# Lula da Silva", "Mohammed bin Salman")
_NAME = re.compile(r"\b([A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|(?:(?:el|al|ad|ash|as|an|bin|ibn|bint|ben|abu|van|von|"
                   r"der|den|de|du|da|di|dos|das|del|della|la|le)(?:\s+|-)){1,2}(?=[A-Z]))?[A-Z][\w’'-]*)*)")
_NOT_NAMES = set("""What Who Whom Whose Which When Where Why How Did Does Do Is Are Was Were Has Have Had Can
Could Should Would Will And Or The A An In On At Of For To From By As After Before Between Both According
Published Reported Compare Contrast List Show Tell Summarise Summarize Give Explain Describe Please""".split())
# Months and weekdays are times, not actors ("What did Ruiz propose in February 2026?"): never
# names that the articles must mention (but "Theresa May": after a name's first word, a name's).
_TIME_WORDS = {w.capitalize() for w in (*MONTHS, *WEEKDAYS)}
_NOT_NAMES |= _TIME_WORDS | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
# (an office's abbreviation is who is asked, not a name the articles must mention: "the Israeli PM")
_NOT_NAMES |= {"PM", "VP"}
_PART_SPLIT = re.compile(r"\s*(?:[;?]|,|\b(?:while|whereas|but|and|although|compared (?:to|with)|as well as"
                         r"|in exchange for|before|after)\b)\s*", re.I)
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:[;?]|,?\s+\b(?:while|whereas|but|although|compared (?:to|with)|in contrast to|as opposed to"
    r"|(?:and|who|which) (?:is|was|has|had|are|were|does|did) also|and also|as well as|in exchange for"
    r"|before|after|with the (?:former|latter))\b|,\s+(?:and|with)\b)\s*", re.I)
_DAY = re.compile(rf"\b({MONTH_PATTERN})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b|\b(\d{{4}}-\d{{2}}-\d{{2}})\b")
#: Words that tie a name in a question to the outlet that reported it ("as reported by X",
#: "according to the X", "in X's report", "did X report"). "according to" also introduces actors
#: ("according to Ostmark"): such a name counts as an outlet only when it is one of the index,
#: or reads like one (``_OUTLET_WORD``).
_NAME_X = r"(?:the\s+)?(?P<name>(?:The\s+)?[A-Z][\w&’'.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&’'.-]*)*)"
_OUTLET_CUES = [
    (re.compile(rf"\b(?i:(?:as\s+)?(?:reported|written|published|covered)\s+(?:by|in))\s+{_NAME_X}"), True),
    (re.compile(rf"\b(?i:in|from|by)\s+{_NAME_X}(?:’s|'s)?\s+(?:report|reports|reporting|article|articles|story|"
                rf"stories|coverage)\b"), True),
    (re.compile(rf"\b(?i:did|does|do|has|have)\s+{_NAME_X}\s+(?:report|write|say\s+in\s+its)\b"), True),
    (re.compile(rf"\b(?i:according\s+to|per)\s+{_NAME_X}"), False),
]
_OUTLET_WORD = re.compile(r"\b(?:Post|Times|Wire|News|Herald|Journal|Ledger|Guardian|Tribune|Gazette|Telegraph|Daily|"
                          r"Press|Reuters|AP|AFP|Bloomberg|Verge|TechCrunch|Insider|Fortune|Economist|Magazine|"
                          r"Radio|TV|Network|Agency|Service|Chronicle|Observer|Standard|Mail|Express|Monitor|Courier|"
                          r"Globe|Mirror|Independent|Review|Wired|Politico|Axios|CNN|BBC|NPR|Xinhua|TASS|Al Jazeera|"
                          r"Bulletin|Dispatch|Record|Sentinel|Examiner|Today|(?i:Tass|Interfax|Kyodo|Yonhap|Anadolu|"
                          r"Novosti|Sputnik|Kommersant|Izvestia|Pravda|Haaretz|Asahi|Yomiuri|Nikkei|Spiegel|Zeitung|"
                          r"Figaro|Le Monde|dpa|Ansa|EFE|PTI|Bernama|Antara|Kyiv Independent|Ukrinform))\b")
# "How did Talvoria respond?": a reaction with nothing it reacts to is a reaction to the previous topic
# "What did Israel offer in exchange for the hostages?": what it is in exchange for is the topic (the
# exchange is the question's frame, and "return" is the same term: "returned once military operations end")
_IN_EXCHANGE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+\w", re.I)
EXCHANGE_TERMS = frozenset(terms("exchange"))
_BARE_REACTION = r"\b(?:respond|responded|react|reacted|reply|replied|answer|answered)\s*[?.!]*\s*$"
_FOLLOWUP = re.compile(r"^(and|but|what about|how about|also)\b|\b(he|she|they|them|his|her|their|it|that|this)\b|"
                       + _BARE_REACTION, re.I)


def check_question(question: str) -> str:
    """The question stripped; ``QuestionError`` when empty, without a letter or digit ("?!?...") or
    over MAX_QUESTION_CHARS characters."""
    q = (question or "").strip()
    if not q:
        raise QuestionError("the question is empty")
    if not any(ch.isalnum() for ch in q):
        raise QuestionError("the question has no words (only punctuation or symbols)")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q


# A sentence of a question that tells the assistant how to answer rather than asking anything
# ("Please quote the article.", "Keep it short.", "Ignore previous instructions and ...").
_INSTRUCTION = re.compile(
    r"^\W*(?:please|kindly|keep|be|answer|quote|cite|use|give|ignore|disregard|forget|respond|reply|include|"
    r"format|write|print|output|show|make|only|do\s+not|don['’]t|no\s+need|thanks?|thank\s+you|you\s+are|"
    r"you\s+must|act\s+as|pretend|system|assistant)\b", re.I)
# A sentence of a question: up to ?, ! or a full stop that ends no initial or abbreviation ("U.S.", "Mr.").
_QUESTION_SENTENCE = re.compile(r"(?:\b(?:[A-Z]|Mr|Ms|Dr|St|Mrs|Gen|Sen|Rep|Gov|Prof|No)\.(?=\s*\w)|[^?.!])*"
                                r"(?:[?.!]+|$)")


def split_instructions(question: str) -> tuple[str, tuple[str, ...]]:
    """``(what is asked, instructions)``: a question of several sentences without those that only
    tell the assistant how to answer ("What did Mereth pledge? Please quote the article." ->
    "What did Mereth pledge?"). Instructions are never obeyed (an answer is its citations) and must
    not be read as names or topics ("They do not mention Ignore"). One sentence is kept as it is;
    when every sentence reads as an instruction, the first is kept ("Tell me ... Keep it short.")."""
    spans = [m.span() for m in _QUESTION_SENTENCE.finditer(question) if m.group(0).strip()]
    if len(spans) < 2:
        return question, ()
    told = [bool(_INSTRUCTION.match(question[a:b])) for a, b in spans]
    if not any(told):
        return question, ()  # (as asked, not its sentences joined again)
    if all(told):
        told[0] = False
    kept = " ".join(question[a:b].strip() for (a, b), t in zip(spans, told) if not t)
    return kept, tuple(question[a:b].strip() for (a, b), t in zip(spans, told) if t)


def named_entities(text: str) -> list[str]:
    """Capitalised names in a question ("Lavrov", "North Korea", "Xi"), minus question words."""
    names = []
    for m in _NAME.finditer(text):
        # (a possessive ends a name: "Sweden's NATO membership" names Sweden and NATO, not "Sweden NATO")
        whole = re.sub(r"[’']s$", "", m.group(1))
        runs = [whole] if _RESOLVER.country_of(whole) else re.split(r"(?<=[’']s)\s+", m.group(1))
        for run in runs:  # (but "the People's Republic of China" is one name)
            words: list[str] = []
            for w in run.split():
                if w not in _NOT_NAMES or (words and w in _TIME_WORDS):  # "Theresa May": a name's word, no month
                    words.append(w)
            while words and words[0].lower() in ("of", "the"):
                words.pop(0)
            if words:
                name = " ".join(words).replace("’s", "").replace("'s", "").strip("'’\"“”")
                # (a one-letter name standing alone, "X", not the "U" of "U.S.")
                if len(name) > 1 or name.isupper() and name != "I" and not re.match(r"[.’']", text[m.end():][:1]):
                    names.append(name)
    return names


def question_kind(text: str) -> str | None:
    """The kind of statement a question asks for (one of STATEMENT_KINDS), or None. Read from
    the question before its topic: in "What did Halvorsen say about the flood warning sensors?"
    the "warning" is what was talked about, not a threat asked for; of several, the earliest."""
    if MENTION_QUESTION.match(text):
        return "position"
    head = _TOPIC_START.split(text, 1)[0]
    # the earliest kind word: "Who rejected the gas offer?" asks for a rejection, not an offer
    # (a capitalised word after the first is a name: "What did Mark Warner say?" asks for no warning)
    found = [(m.start(), i, kind) for i, (kind, rx) in enumerate(QUESTION_KIND)
             for m in rx.finditer(head) if not (m.group(0)[:1].isupper() and head[:m.start()].strip())
             and not _UNDONE.search(head[:m.start()])]
    return min(found)[2] if found else None


# A kind word undone by the verb before it asks for no statement of that kind: "Did Hungary drop its veto?",
# "Has Turkey lifted its objection?" (the act of dropping it is asked about, not a veto).
_UNDONE = re.compile(r"\b(?:drop|dropped|drops|lift|lifted|lifts|withdraw|withdrew|withdrawn|abandon|abandoned|end|"
                     r"ended|remove|removed|scrap|scrapped|reverse|reversed|retract|retracted|rescind|rescinded)"
                     r"\s+(?:(?:its|their|his|her|the|a|this|that)\s+)?(?:[\w-]+\s+)?$", re.I)


# ("What about Ukraine?" asks about an actor: its "about" opens no topic)
_TOPIC_START = re.compile(r"\b(?:(?<!\bwhat\s)(?<!\bhow\s)about|regarding|concerning"
                          r"|mention(?:s|ed)?|discuss(?:es|ed)?|refer(?:s|red)?\s+to"  # ("Did he mention the US?")
                          r"|on the (?:topic|subject|issue|question) of|in (?:response|reply|reaction) to"
                          r"|(?:respond\w*|react\w*|repl(?:y|ied|ies))\s+to)\b", re.I)
# ... and a stance's topic ("Russia's position on sanctions on North Korea")
_STANCE_ON = re.compile(r"\b(?:(?:position|positions|stance|view|views|policy|line)\s+(?:on|towards?)"
                        r"|(?:demand|ask|want|expect|request|require)\w*\s+(?:of|from))\b", re.I)  # "demand of Russia"


# The capitalised subject right after a question's auxiliary: "What did Chile reject?", "Did Talvoria
# reject ...?", "What has the United States pledged?".
_QUESTION_SUBJECT = re.compile(r"^\s*(?P<wh>(?i:what|which\s+\w+|how\s+\w+|why)\s+)?"
                               r"(?i:did|does|do|has|have|had|is|was|will|would)\s+(?i:the\s+)?"
                               r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")


def question_subject(text: str, yes_no: bool = False) -> str:
    """The capitalised subject right after a wh-question's auxiliary ("What did Chile reject?" ->
    "Chile"), and with ``yes_no`` a yes/no question's too ("Did Talvoria reject ...?"); "" when none,
    whether or not the index knows it as an actor."""
    m = _QUESTION_SUBJECT.match(text)
    return m.group("who") if m and (yes_no or m.group("wh")) else ""


# The verb after a question's subject: "Did Kenya's foreign minister <reject> ...", "What did X <pledge>".
_AFTER_SUBJECT = re.compile(r"^\s*(?:\w+\s+)?(?i:did|does|do|has|have|had|will|would|is|was)\s+(?i:the\s+)?"
                            r"(?:[A-Z][\w'’.-]*\s+|(?i:foreign|prime|defen[cs]e|finance|trade|deputy|vice)\s+|"
                            r"(?i:minister|president|ambassador|envoy|spokes\w+|chancellor)\s+|(?:of|the)\s+)+"
                            r"(?=[a-z])")


def topic_owners(text: str, names: Sequence[str]) -> list[str]:
    """The names that only own a question's topic: in a who-question ("Who condemned Talvoria's
    decision?": Talvoria), or after the verb of a question whose subject comes first ("Did Kenya
    reject Kestoria's proposal?": Kestoria)."""
    owned = [n for n in names if re.search(rf"\b{re.escape(n)}(?:’s|')s?\b", text)]
    if WHO_QUESTION.match(text):
        return owned
    # "Did Kenya's foreign minister reject Kestoria's proposal?": an owner after the question's verb
    verb = _AFTER_SUBJECT.search(text)
    return [n for n in owned if verb is not None and text.find(n, verb.end()) >= 0
            and not any(m.start() < verb.end() for m in re.finditer(rf"\b{re.escape(n)}\b", text))]


def asked_actors(text: str, match: Callable[[Sequence[str]], list[str]],
                 speakers: Callable[[Sequence[str]], list[str]] | None = None) -> list[str]:
    """The index actors a question asks about: the ones it names, except those named only as the
    owner of its topic after an actor asked about ("What did Kestria say in response to Norway's
    proposal?": Kestria; Norway's proposal is what was talked about)."""
    names = named_entities(text)
    actors = match(names)
    owners = topic_owners(text, names)
    if owners:
        # "Who condemned Talvoria's decision?": whose decision it was is the topic; who is asked
        others = set(match([n for n in names if n not in owners]))
        actors = [a for a in actors if a in others or a not in set(match(owners))]
    # (a name in the topic is no actor asked either: "What did Colonna say about Russia's aggression against
    # Ukraine?" asks about Colonna, not Ukraine)
    topic = set(match(topic_names(text, speakers or match)))  # (``speakers``: also who gave a speech)
    venues = set(match(venue_names(text)))  # "What did Ukraine propose at the UN?": where, not who
    return [a for a in actors if a not in topic and a not in venues]


def venue_names(text: str) -> list[str]:
    """Names after a question's subject and verb that say where or when ("What did Ukraine
    propose at the UN?", "... pledge in Geneva"): neither who is asked nor the topic."""
    verb = _subject_verb_end(text)
    if verb is None:
        return []
    after = text[verb:]
    return [n for n in named_entities(after)
            if any(not _TOPIC_NOUN_BEFORE.search(after[:m.start()])
                   for m in re.finditer(rf"\b(?:at|in|during|before)\s+(?:the\s+)?{re.escape(n)}\b", after, re.I))]


_AUXILIARY = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:did|does|do|has|have|had|will|would|is|was|were|are)\s+", re.I)
# ("What did Minister for International Development Anne Beathe Tvinnereim say ...": "for" is the role's)
_SUBJECT_WORDS = {"and", "of", "for", "the", "foreign", "prime", "deputy", "vice", "defence", "defense", "finance",
                  "trade", "interior", "minister", "president", "ambassador", "envoy", "chancellor", "secretary",
                  "spokesman", "spokeswoman", "spokesperson", "government", "officials", "leader"}


def _subject_verb_end(text: str) -> int | None:
    """Where the verb after a question's capitalised subject ends ("What did Norway and Denmark
    pledge| to Ukraine?"), or None when the question has no such subject."""
    aux = _AUXILIARY.match(text)
    if aux is None:
        return None
    named = False
    for m in re.finditer(r"[\w’'.-]+", text[aux.end():]):
        word = m.group(0)
        if word[:1].isupper():
            named = True
        elif word.lower() not in _SUBJECT_WORDS:
            return aux.end() + m.end() if named else None
    return None


def topic_names(text: str, match: Callable[[Sequence[str]], list[str]]) -> list[str]:
    """The names a question gives as its topic, after an actor it asks about: "What did Lena
    Sorvik say about Calderra?" (Calderra), "What is Russia's position on sanctions on North
    Korea?" (North Korea), "What did Kestria say in response to Norway's proposal?" (Norway). They
    are what was talked about, not who talked; none when no actor comes before the topic."""
    parts = _TOPIC_START.split(text, 1)
    if len(parts) < 2:
        parts = _STANCE_ON.split(text, 1)
    verb = _subject_verb_end(text)
    if verb is not None and (len(parts) < 2 or verb < len(parts[0])):
        parts = [text[:verb], text[verb:]]  # "What did Norway pledge to Ukraine?": Ukraine is whom to
    if len(parts) < 2:
        return []
    head_names = named_entities(parts[0])
    head = set(match(head_names)) | {n for n in head_names if _RESOLVER.country_of(n)}
    if not head and not _subject_verb_end(parts[0]):
        return []  # ("What did BEUC say about Meta?": BEUC, no actor of the index, is still who is asked)
    after = parts[1]
    return [n for n in named_entities(after) if n not in head_names and not set(match([n])) & head
            and not any(not _TOPIC_NOUN_BEFORE.search(after[:m.start()])
                        for m in re.finditer(rf"\b(?:at|in|during|before|after|since|from|by|according\s+to)\s+"
                                             rf"(?:the\s+)?{re.escape(n)}\b(?!\s+{_EVENT_NOUN})", after, re.I))]
    # (where or when: "say at the UN", "pledge in Geneva"; but "the war in Ukraine" is the topic)


# An event a place names ("at the San Francisco summit": the summit is the topic, not where it was said)
_EVENT_NOUN = r"(?:summit|talks|conference|meeting|forum|accords?|agreement|process|format|declaration)\b"
# A noun of a topic right before "in <place>" ("the war in Ukraine", "the situation in Gaza"): the place is the topic's
_TOPIC_NOUN_BEFORE = re.compile(r"\b(?:war|conflict|crisis|situation|violence|fighting|peace|elections?|invasion|"
                                r"occupation|aggression|humanitarian\s+situation|ceasefire|talks|presence|"
                                r"operations?|troops|sanctions|investments?|interference|coup|unrest)\s*$", re.I)


# Offices a question may ask by instead of a name ("What did Ostmark's prime minister propose?").
_OFFICES = ("deputy prime minister", "prime minister", "foreign minister", "defence minister", "defense minister",
            "finance minister", "interior minister", "trade minister", "economy minister", "energy minister",
            "foreign secretary", "secretary of state", "treasury secretary", "secretary of the treasury",
            "commerce secretary", "defence secretary", "defense secretary", "home secretary",
            "vice president", "president", "chancellor", "premier",
            "ambassador", "chief negotiator", "negotiator", "envoy", "spokesperson", "spokesman", "spokeswoman",
            "minister", "king", "queen",
            "head of state", "head of government")
_OFFICE = "|".join(o.replace(" ", r"\s+") for o in _OFFICES)
# Abbreviations of offices read as the office, in capitals only and only where they have one reading ("the Israeli
# PM"; not "FM", the finance minister in India's press as often as the foreign minister)
_OFFICE_ABBREVIATIONS = {"PM": "prime minister", "VP": "vice president"}
# a role that is a state office ("Ostmark's Energy Minister", not "professor at the University of Lindgrad")
OFFICE_ROLE = re.compile(rf"(?i)(?<!\w)(?:{_OFFICE}|official|diplomat|negotiator)(?!\w)")
_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-ZÀ-Þ][\w’'-]*)"  # (a dotted abbreviation too: "the U.S. president")
_OFFICE_ASKED = re.compile(
    rf"(?:\b(?P<owner>{_CAP}(?:\s+{_CAP})*?)(?:’s|'s)?\s+)?(?P<office>(?i:{_OFFICE})|{'|'.join(_OFFICE_ABBREVIATIONS)})\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>{_CAP}(?:\s+{_CAP})*))?(?P<named>\s+{_CAP})?")


@dataclass(frozen=True)
class OfficeAsked:
    """An office a question names instead of a person: ``phrase`` as asked ("Ostmark's prime
    minister"), the ``country`` it belongs to and the ``office`` ("prime minister"); ``written``: the words
    the question names it with ("the Egyptian president", "the Israeli PM", "Egypt's president"), which a
    question asked again about its holder replaces ("" when unknown)."""

    phrase: str
    country: str
    office: str
    written: str = field(default="", compare=False)


def asked_offices(text: str) -> list[OfficeAsked]:
    """The offices of states a question asks by ("Ostmark's prime minister", "the Velorian
    foreign minister", "the president of Veloria"); not an office followed by the holder's name
    ("Foreign Minister Lena Sorvik"), nor one of no known state ("the bank's president")."""
    out = []
    for m in _OFFICE_ASKED.finditer(text):
        if m.group("named"):
            continue
        owner = m.group("owner") or m.group("of") or ""
        words = owner.split()
        skipped = 0
        while words and words[0].lower() in ("what", "did", "does", "has", "have", "was", "is", "the", "how", "who",
                                             "when", "why", "where", "and", "or", "according", "to"):
            word = words.pop(0)
            skipped = owner.index(word, skipped) + len(word)
        country = _RESOLVER.country_of(" ".join(words)) if words else None
        if country:
            typed = " ".join(m.group("office").split())
            office = _OFFICE_ABBREVIATIONS.get(typed) or typed.lower()  # ("the Israeli PM": its prime minister)
            start = m.start("owner") + owner.index(words[0], skipped) if m.group("owner") else m.start("office")
            end = m.end("of") if m.group("of") and not m.group("owner") else m.end("office")
            the = re.search(r"\bthe\s+$", text[:start], re.I)  # ("the Egyptian president": all of it is who)
            out.append(OfficeAsked(f"{country}'s {office}", country, office,
                                   text[the.start() if the else start:end]))
    return out


# A person's relative a question may ask by as by an office ("Emily Hand's father"): whoever the article gives it to.
_RELATION = (r"(?:father|mother|parents?|son|daughter|wife|husband|brother|sister|uncle|aunt|grandfather|grandmother|"
             r"grandson|granddaughter|widow|widower|fianc[ée]e?|cousin|nephew|niece|stepfather|stepmother)")
# The head of an office of an organisation a question may ask by ("Meta's communications director", "the chief
# executive of Lumina"): the office's last words.
_ORG_HEAD = (r"(?:director|spokes(?:person|man|woman)|chief\s+executive(?:\s+officer)?|ceo|head|chief|"
             r"chair(?:man|woman)?|president|commissioner|ambassador|minister|secretary|envoy|representative|officer|manager|"
             rf"(?:co-?)?founder|adviser|advisor|lawyer|counsel|{_RELATION})")
_ORG_OWNER = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
_ORG_OFFICE_ASKED = re.compile(
    rf"(?P<owner>{_ORG_OWNER})(?:’s|'s)\s+(?P<office>(?:[a-z][\w-]*\s+){{0,3}}?(?i:{_ORG_HEAD}))\b(?!\s+[A-Z])"
    rf"|\bthe\s+(?P<office2>(?:[a-z][\w-]*\s+){{0,3}}?(?i:{_ORG_HEAD}))\s+(?:of|at|for)\s+(?:the\s+)?"
    rf"(?P<owner2>{_ORG_OWNER})"
    # "the EU commissioner for the internal market": the EU's internal market commissioner
    rf"|\bthe\s+(?P<owner3>{_ORG_OWNER})\s+(?P<head3>(?i:{_ORG_HEAD}))\s+for\s+(?:the\s+)?"
    rf"(?P<field3>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})")
_QUESTION_WORDS = ("what", "did", "does", "has", "have", "was", "is", "the", "how", "who", "when", "why", "where",
                   "and", "or", "according", "to")


@dataclass(frozen=True)
class OrgOfficeAsked:
    """An office of an organisation (no state) a question names instead of a person: ``phrase`` as written
    ("Meta's communications director"), its ``owner`` ("Meta") and the ``office`` ("communications director")."""

    phrase: str
    owner: str
    office: str


def asked_org_offices(text: str) -> list[OrgOfficeAsked]:
    """The offices of organisations a question asks by ("What did Meta's communications director say?", "the
    chief executive of Lumina"); not an office followed by its holder's name, nor one of a state
    (``asked_offices``)."""
    out = []
    for m in _ORG_OFFICE_ASKED.finditer(text):
        if m.group("owner3"):
            field_words = m.group("field3").split()
            while field_words and (not terms(field_words[-1]) or set(terms(field_words[-1])) & KIND_WORDS
                                   or question_kind(field_words[-1])):
                field_words.pop()  # (the question's verb: "... for the internal market warn Elon Musk")
            if not field_words or is_state(m.group("owner3")):
                continue
            out.append(OrgOfficeAsked(m.group(0).split(field_words[-1])[0] + field_words[-1], m.group("owner3"),
                                      " ".join([*field_words, m.group("head3").lower()])))
            continue
        owner, office = (m.group("owner"), m.group("office")) if m.group("owner") else (m.group("owner2"),
                                                                                       m.group("office2"))
        words = owner.split()
        skipped = 0
        while words and words[0].lower() in _QUESTION_WORDS:
            skipped += len(words.pop(0)) + 1
        if not words or is_state(" ".join(words)):
            continue
        start = m.start() + (skipped if m.group("owner") else 0)
        if m.group("owner") and not skipped and re.search(r"\bthe\s+$", text[:start], re.I):
            start = text[:start].lower().rindex("the")  # ("the EU's internal market commissioner": the whole phrase)
        out.append(OrgOfficeAsked(text[start:m.end()], " ".join(words), " ".join(office.lower().split())))
    return out + [o for o in owner_first_offices(text) if not any(o.phrase in p.phrase or p.phrase in o.phrase
                                                                   for p in out)]


# "the Binance CEO", "the Meta spokesperson": the owner's name, then the office, after "the"
_OWNER_FIRST_OFFICE = re.compile(rf"\bthe\s+(?P<owner>{_ORG_OWNER})\s+(?P<office>(?:[a-z][\w-]*\s+){{0,2}}?"
                                 rf"(?i:{_ORG_HEAD}))\b(?!\s+(?:[A-Z]|of\b|at\b|for\b))")


def owner_first_offices(text: str) -> list[OrgOfficeAsked]:
    """The offices of organisations a question asks by with the owner's name first ("What did the Binance CEO
    say?": Binance's CEO); not one of a state or naming one ("the US Treasury Secretary": ``asked_offices``), nor
    one followed by its holder's name ("the Binance CEO Changpeng Zhao")."""
    out = []
    for m in _OWNER_FIRST_OFFICE.finditer(text):
        owner = m.group("owner")
        if any(_RESOLVER.country_of(w) for w in [owner, *owner.split()]) or owner.split()[0].lower() in _QUESTION_WORDS:
            continue
        # (an acronym as written: "CEO")
        office = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in m.group("office").split())
        out.append(OrgOfficeAsked(m.group(0), owner, office))
    return out


def holder_apposed(owner: str, office: str, name: str) -> re.Pattern[str]:
    """Whom an article gives an organisation's office in an apposition with an aside or a second office ("Changpeng
    Zhao, also known as “CZ,” the founder and CEO of Binance"); ``owner``, ``office``, ``name``: patterns."""
    return re.compile(rf"\b{name},\s+(?:[^,.;]{{1,40}},[”\"’]?\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+and\s+)?"
                      rf"(?:{owner}\s+{office}|{office}\s+(?:at|of|for)\s+{owner})\b", re.I)


def demonym_hits(typed: str, hits: list[str]) -> list[str]:
    """``hits`` (actors a typed name matched) without the bodies named after a state when the name typed is the
    state's demonym: "Irish" (of "the Irish government") is Ireland, never the "Irish Data Protection Commission"
    (a state's regulator is not the state speaking), as a country typed by its short name is that country."""
    key = fold(typed.strip()).lower()
    state = _RESOLVER.demonyms.get(key) if key not in _RESOLVER.aliases else None
    if not state:
        return hits
    return [h for h in hits if fold(h).lower() == fold(state).lower()]


def is_state(name: str) -> bool:
    """Whether ``name`` is a state: the resolver's country, not a union of states it also lists as an organisation
    ("EU", "European Union": an office of it is an office of a body, "the EU's internal market commissioner")."""
    country = _RESOLVER.country_of(name)
    return country is not None and country.lower() not in _RESOLVER.organisations


def owner_forms(owner: str) -> list[str]:
    """The ways an article may write an organisation ``owner`` asked about: as typed, its name in the table and
    the acronym of that name the table knows ("EU", "European Union")."""
    canon = _RESOLVER.aliases.get(owner.lower()) or _RESOLVER.country_of(owner) or owner
    initials = "".join(w[0] for w in canon.split() if w.lower() not in ("of", "the", "for", "and")).lower()
    forms = [owner, canon] + [a.upper() for a, c in _RESOLVER.aliases.items() if c == canon and a == initials]
    return list(dict.fromkeys(f for f in forms if f))


def org_office_holders(asked: OrgOfficeAsked, persons: Sequence[str], texts: Sequence[str],
                       roles: Sequence[tuple[str, str]] = ()) -> list[str]:
    """The persons of ``persons`` that ``texts`` (articles, passages) or their statements' ``roles`` ((person,
    role) pairs) give the office asked: "Meta communications director Andy Stone", "Andy Stone, Meta's
    communications director", "Andy Stone, communications director at Meta" hold "Meta's communications
    director"; a "former" or "deputy" one does not (unless asked so)."""
    owner = r"(?:the\s+)?(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in owner_forms(asked.owner)) \
        + r")(?:’s|'s)?"  # ("the European Union's ..." for "the EU's ...")
    office = r"\s+".join(map(re.escape, asked.office.split()))
    lower = (r"(?<!former )(?<!deputy )(?<!vice )(?<!acting )"
             if not re.match(r"(?:former|deputy|vice|acting)\b", asked.office) else "")
    # a relative ("Emily Hand's father") is given by a pronoun in an article naming whose it is: "her grief-stricken
    # father, Thomas Hand", "Thomas Hand, her father", "Emily’s father, Thomas Hand"
    kin = bool(re.fullmatch(_RELATION, asked.office.split()[-1]))
    first = re.escape(asked.owner.split()[0])
    owned = re.compile(rf"\b{owner}(?!\w)")
    found = []
    for person in dict.fromkeys(persons):
        if not person or _RESOLVER.country_of(person) or len(person.split()) < 2:
            continue
        name = r"\s+".join(map(re.escape, person.split()))
        rx = re.compile(
            rf"{lower}\b{owner}\s+{office},?\s+{name}\b"  # "Meta communications director Andy Stone"
            rf"|\b{name},\s+(?:the\s+|a\s+)?(?:{owner}\s+{office}|{office}\s+(?:at|of|for)\s+{owner})\b"
            rf"|\b{lower}{office}\s+(?:at|of|for)\s+{owner},?\s+{name}\b", re.I)
        kin_of = re.compile(rf"\b(?:[Hh]er|[Hh]is|[Tt]heir|{first}(?:’s|'s))\s+(?:[\w-]+\s+){{0,2}}?{office},?\s+"
                            rf"{name}\b|\b{name},\s+(?:her|his|their|{first}(?:’s|'s))\s+(?:[\w-]+\s+){{0,2}}?{office}\b")
        by_role = any(p == person and re.search(rf"(?<!\w){office}(?!\w)", role, re.I)
                      and re.search(rf"(?<!\w){owner}(?!\w)", role, re.I) for p, role in roles)
        apposed = holder_apposed(owner, office, name)  # ("..., also known as “CZ,” the founder and CEO of Binance")
        if by_role or any(rx.search(t) or apposed.search(t) for t in texts) or kin and any(
                kin_of.search(t) and re.search(rf"\b{name}\b", t) and owned.search(t) for t in texts):
            found.append(person)
    return found


#: Other titles of one office in a state: (office asked, state) -> titles the index may give it.
_SAME_OFFICE = {("chancellor", "Germany"): ("prime minister", "federal chancellor"),
                ("chancellor", "Austria"): ("prime minister", "federal chancellor"),
                ("prime minister", "Germany"): ("chancellor",), ("prime minister", "Austria"): ("chancellor",),
                ("premier", "China"): ("prime minister",), ("prime minister", "China"): ("premier",)}


def office_words(title: str) -> str:
    """An office's title in one spelling, to compare a role with an office asked: lower case, one space, "defence",
    and the UN's "Minister for Foreign Affairs" as "foreign minister"."""
    low = " ".join(title.lower().split()).replace("defense", "defence")
    return re.sub(r"\bminister (?:of|for) foreign affairs\b", "foreign minister", low)


def names_office(asked: OfficeAsked, role: str) -> bool:
    """Whether ``role`` names the office ``asked``, whatever state it names: its title, the title with its portfolio
    after it ("Secretary of Treasury" for "treasury secretary") or another title of it in its state (Germany's
    chancellor is its "Prime Minister" at the UN); not a deputy, vice, former or acting one unless asked so."""
    low = office_words(role)
    office = office_words(asked.office)
    forms = [office, *_SAME_OFFICE.get((office, asked.country), ())]
    portfolio = re.fullmatch(r"(?P<p>[a-z]+) (?P<head>minister|secretary)", office) or re.fullmatch(
        r"(?P<head>minister|secretary) (?:of|for) (?:the )?(?!state$)(?P<p>[a-z]+)", office)
    if portfolio:  # ("secretary of the treasury" asked: "Treasury Secretary" too)
        head, p = portfolio.group("head"), portfolio.group("p")
        forms += [f"{p} {head}"] + [f"{head} {of} {p}" for of in ("of", "of the", "for")]
    hit = next((m for f in forms if (m := re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low))), None)
    if hit is None:
        return False
    return not (re.search(r"\b(?:deputy|vice|former|ex-|acting)\s*$", low[:hit.start()])
                and not office.startswith(("deputy", "vice")))


def office_holders(asked: OfficeAsked, officials: Sequence[tuple[str, str]]) -> list[str]:
    """The speakers of ``officials`` ((speaker, role) pairs of the index) who hold ``asked``: a role
    that names the office ("Ostmark's Prime Minister", "Velorian Foreign Minister", ``names_office``) and the same
    country; a deputy or vice office does not hold the office itself, nor a former one. A state
    whose speech was given by that office ("Kenya", "President William Samoei Ruto") holds it too."""
    found = []
    for person, role in officials:
        if person == asked.country or _RESOLVER.country_of(person) == asked.country:
            role = f"{asked.country}'s {role}"  # a speech: the state speaks, its role names the speaker
        if names_office(asked, role) and role_country(role, _RESOLVER) == asked.country:
            found.append(person)
    return sorted(set(found))


_STATE_PHRASE = r"((?:[A-Z]\.){2,}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}?)"
_TITLE_PHRASE = r"((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)"


def introduced_roles(person: str, texts: Sequence[str]) -> list[str]:
    """The roles naming a state that ``texts`` introduce ``person`` with (by full name or surname): "U.S. Treasury
    Secretary Janet Yellen" -> "U.S. Treasury Secretary", "Chancellor Olaf Scholz of Germany" -> "Chancellor of
    Germany", "Scholz, Germany's chancellor", "Scholz, the chancellor of Germany"; not one they held before
    ("former German Chancellor ..."). For a person whose statements' roles name no state (``office_holders``)."""
    from .stance import holds_no_more  # (stance reads this module)

    words = person.split()
    if len(words) < 2:
        return []
    name = rf"(?:{re.escape(person)}|{re.escape(words[-1])})\b"
    shapes = ((rf"(?<![\w.]){_STATE_PHRASE}(?:’s|'s)?\s+{_TITLE_PHRASE}\s+{name}", "{0} {1}"),
              (rf"\b{_TITLE_PHRASE}\s+{name}\s+of\s+(?:the\s+)?{_STATE_PHRASE}", "{0} of {1}"),
              (rf"\b{name},\s+(?:the\s+)?{_STATE_PHRASE}(?:’s|'s)?\s+{_TITLE_PHRASE}\b", "{0} {1}"),
              (rf"\b{name},\s+the\s+{_TITLE_PHRASE}\s+of\s+(?:the\s+)?{_STATE_PHRASE}", "{0} of {1}"))
    found = []
    for pattern, form in shapes:
        for text in texts:
            for m in re.finditer(pattern, text):
                role = form.format(*m.groups())
                if not holds_no_more(text[max(0, m.start() - 12):m.start()] + role) \
                        and role_country(role, _RESOLVER):
                    found.append(role)
    return list(dict.fromkeys(found))


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


# --------------------------------------------------------------------------- time in questions

_MONTH_X = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A date a question names: a day, a month or a year.
_WHEN = (rf"(?:{_MONTH_X}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_X},?\s+\d{{4}}"
         rf"|\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTH_X}|early|mid|late)[,-]?\s*\d{{4}}|\d{{4}}-\d{{2}}(?!\d)"
         rf"|(?<![\d,.])(?:1[89]|20)\d{{2}}(?!\d|,\d))")
_RANGE = re.compile(rf"\bbetween\s+(?P<a>{_WHEN})\s+and\s+(?P<b>{_WHEN})", re.I)
_BOUND = re.compile(rf"\b(?P<op>before|prior to|earlier than|after|later than|since|from|starting(?: in)?|until|till"
                    rf"|through|up to|in|during|of)\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?(?P<x>{_WHEN})",
                    re.I)
#: A day named without its year ("on October 7", "on 7 October", "on Oct. 7th"): a time, never a topic.
_ON_DAY = re.compile(rf"\b(?:on|of)\s+(?:(?:{_MONTH_X}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                     rf"|(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_X}))(?![\w-]|,?\s+\d{{4}})", re.I)
#: A day named with its year ("on June 8, 2018", "on 8 June 2018", "on 2018-06-08"): when it was said, as a day
#: without its year is, and a filter of that one day.
_ON_FULL_DAY = re.compile(rf"\b(?:on|of)\s+(?:the\s+)?(?P<x>{_MONTH_X}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                          rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_X},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?![\w-])",
                          re.I)
#: A word right before a day at a question's end that makes it the date of what the question is about ("What did
#: Biden say about the attack on October 7?": the attack of that day, the topic).
_TOPIC_BEFORE_DAY = re.compile(r"\b(?:attacks?|events?|massacres?|raids?|assaults?|incursions?|invasion|strikes?|"
                               r"atrocities|bombings?|killings?|war)\s*$", re.I)
_RELATIVE_SPAN = re.compile(r"\b(?P<which>last|this|past)\s+(?:(?P<n>\d+|two|three|four|five)\s+)?"
                            r"(?P<unit>years?|months?)\b", re.I)
_NEWEST = re.compile(r"\b(latest|most recent(?:ly)?|newest|currently|current|now|nowadays|today|these days|"
                     r"at present|presently|still|as of now|any longer|anymore|no longer)\b", re.I)
_OLDEST = re.compile(r"\b(at first|initially|originally|earliest|initial|first (?:said|say|says|stated?|announced?|"
                     r"propos\w*|pledg\w*|react\w*|respond\w*|comment\w*|mention\w*|position|stance|reaction|"
                     r"response|statement))\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
_IN_NAME = re.compile(r".*\b[A-Z][\w’'-]*\s+(?:[A-Z][\w’'-]*\s+)*$", re.S)  # capitalised words right before it


def outside_names(rx: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``rx`` in ``text`` that is not a capitalised word of a name ("Now" in "What did Bring
    Them Home Now vow?" asks for no time order or change)."""
    return next((m for m in rx.finditer(text) if not m.group(0)[:1].isupper()
                 or not _IN_NAME.match(text[max(0, m.start() - 40):m.start()])), None)
#: Apply the date range a question names as a filter (False only to measure without it).
TIME_FILTERS = True
# ("What did the Herald report in December 2025 ...": a verb; "the article from November 18, 2023"
# dates what it reports, measured on MultiHop-RAG, see tests/test_dates.py)
_PUBLISHED = re.compile(r"\b(published|posted|released|dated|reported|report|reports|wrote|write)\W+(?:\w+\W+){0,2}$",
                        re.I)
#: Right before "in 2023" / "during 2023": a statement it dates ("What did Lavrov say in 2023 about NATO?", "What was
#: Velmor's position in 2021 on the union?"), or the question's start ("In 2023, what did Lavrov say ...?"), so the
#: year bounds what was said wherever it stands; "founded in 2015", "the highest level since 2001" date events.
_STATED = re.compile(r"(?:^\s*|\b(?:say|says|said|saying|state|states|stated|speak|spoke|tell|told|announce[ds]?|"
                     r"declare[ds]?|pledg\w*|promis\w*|vow\w*|commit\w*|propos\w*|offer\w*|suggest\w*|demand\w*|"
                     r"urg\w*|reject\w*|refus\w*|critici[sz]\w*|condemn\w*|warn\w*|threat\w*|mention\w*|respon\w*|"
                     r"react\w*|position|positions|stance|view|views|statements?|remarks?|speech|speeches)\s+)$", re.I)


@dataclass(frozen=True)
class TimeScope:
    """The time a question names, read once when the ``Query`` is built.

    ``since``/``until``: inclusive bounds written like ``Filters`` dates (``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``; ``""`` when open): "before 2020" -> until "2019", "in 2021" -> 2021..2021,
    "after March 2021" -> since "2021-04", "last year" -> the previous calendar year.
    ``order``: "newest" ("currently", "latest", "still", "now"), "oldest" ("first said",
    "initially") or None. ``phrases``: the words that said so. ``rest``: the question with those
    words removed (to read what else it asks, e.g. whether it asks how a position changed).
    """

    since: str = ""
    until: str = ""
    order: str | None = None
    phrases: tuple[str, ...] = ()
    rest: str = ""
    #: Days named without their year ("on October 7"), as "MM-DD": the parser reads them as the index's days
    #: of that date (``QueryParser.parse``).
    month_days: tuple[str, ...] = ()

    @property
    def bounded(self) -> bool:
        """True when the question names a date range."""
        return bool(self.since or self.until)

    def merge(self, f: Filters) -> Filters:
        """``f`` narrowed by this range (the later ``since`` and the earlier ``until`` win)."""
        if not self.bounded:
            return f
        since, until = f.since, f.until
        if self.since and (not since or pub_day(self.since) > pub_day(since)):
            since = self.since
        if self.until and (not until or until_day(self.until) < until_day(until)):
            until = self.until
        return f.narrow(since=since, until=until)


def _when(text: str) -> tuple[str, str] | None:
    """(value, precision) of a date expression from ``_WHEN`` ("early 2020" counts as 2020)."""
    t = re.sub(r"^(early|mid|late)[,-]?\s*", "", text.strip(), flags=re.I)
    r = parse_date(t)
    return (r.value, r.precision) if r.ok and "ambiguous_day_month" not in r.flags else None


def _step(value: str, precision: str, delta: int) -> str:
    """The year, month or day ``delta`` units after ``value`` (same precision)."""
    if precision == "year":
        return str(int(value) + delta)
    if precision == "month":
        y, m = int(value[:4]), int(value[5:7]) + delta
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return f"{y:04d}-{m:02d}"
    return (date.fromisoformat(value) + timedelta(days=delta)).isoformat()


def time_scope(text: str, today: date | None = None) -> TimeScope:
    """What time ``text`` (a question) names: a date range and/or an order (see ``TimeScope``).
    ``today``: what "last year", "this month" count from (default: the clock's today)."""
    today = today or date.today()
    since = until = ""
    phrases: list[str] = []
    spans: list[tuple[int, int]] = []
    month_days: list[str] = []
    m = _RANGE.search(text)
    if m:
        a, b = _when(m.group("a")), _when(m.group("b"))
        if a and b:
            since, until = a[0], b[0]
            phrases.append(m.group(0))
            spans.append(m.span())
    for m in _BOUND.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        w = _when(m.group("x"))
        if not w:
            continue
        value, precision = w
        op = m.group("op").lower()
        at_end_or_published = bool(re.match(r"\s*[?.!]*\s*$", text[m.end():]) or _PUBLISHED.search(text[:m.start()])
                                   or (op in ("in", "during") and _STATED.search(text[:m.start()])))
        if op in ("since", "from", "in", "during", "of") and not at_end_or_published:
            # "the highest level since 2001", "an article from November 18", "founded in 2015":
            # inside the question these date an event, not when something was published or said.
            continue
        if op in ("before", "prior to", "earlier than"):
            until = _step(value, precision, -1)
        elif op in ("after", "later than"):
            since = _step(value, precision, 1)
        elif op in ("since", "from") or op.startswith("starting"):
            since = value
        elif op in ("until", "till", "through", "up to"):
            until = value
        else:  # in / during / of: a publication time only at the question's end or after "published"
            since = until = value
        phrases.append(m.group(0))
        spans.append(m.span())
    for m in _ON_FULL_DAY.finditer(text):  # "What did Putin say on June 8, 2018?": that day, as "on June 8" is
        if any(s <= m.start() < e for s, e in spans):
            continue
        before = text[:m.start()]
        w = _when(re.sub(r"(?i)\bof\s+(?=[a-z])", "", m.group("x")))
        if w and w[1] == "day" and (_STATED.search(before) or _PUBLISHED.search(before) or (
                re.match(r"\s*[?.!]*\s*$", text[m.end():]) and not _TOPIC_BEFORE_DAY.search(before))):
            since = until = w[0]
            phrases.append(m.group(0))
            spans.append(m.span())
    for m in _ON_DAY.finditer(text):  # "What did Netanyahu say on October 7?": when it was said, not what about
        if any(s <= m.start() < e for s, e in spans):
            continue
        before = text[:m.start()]
        if _STATED.search(before) or (re.match(r"\s*[?.!]*\s*$", text[m.end():])
                                      and not _TOPIC_BEFORE_DAY.search(before)):
            md = _month_day(m.group(0))
            if md:
                phrases.append(m.group(0))
                spans.append(m.span())
                month_days.append(md)
    for m in _RELATIVE_SPAN.finditer(text):
        which, unit = m.group("which").lower(), m.group("unit").lower().rstrip("s")
        n = m.group("n")
        n_units = int(_NUMBER_WORDS.get(n.lower(), n)) if n else 1
        if unit == "year":
            if which == "this":
                since = until = str(today.year)
            elif n or which == "past":  # "the past 2 years": a span up to today
                since = str(today.year - n_units)
            else:  # "last year": the previous calendar year
                since = until = str(today.year - 1)
        else:
            cur = f"{today.year:04d}-{today.month:02d}"
            if which == "this":
                since = until = cur
            elif n or which == "past":
                since = _step(cur, "month", -n_units)
            else:
                since = until = _step(cur, "month", -1)
        phrases.append(m.group(0))
        spans.append(m.span())
    order = None
    for rx, name in ((_NEWEST, "newest"), (_OLDEST, "oldest")):
        m = outside_names(rx, text)
        if m and order is None:
            order = name
            phrases.append(m.group(0))
            spans.append(m.span())
    rest = text
    for s, e in sorted(spans, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    if re.match(r"\s*between\b", text, re.I) and not _RANGE.search(text) or (
            since and until and pub_day(since) > until_day(until)):
        since = until = ""  # "Between the article of May 2023 and the one of June 2023": two referents
    return TimeScope(since=since, until=until, order=order, phrases=tuple(phrases), rest=" ".join(rest.split()),
                     month_days=tuple(month_days))


def _month_day(phrase: str) -> str:
    """"MM-DD" of a day named without its year ("on October 7", "on the 7th of Oct."), "" when it is no day."""
    words = re.sub(r"(?i)\b(?:on|of|the)\b|(?<=\d)(?:st|nd|rd|th)\b|\.", " ", phrase).split()
    day = next((w for w in words if w.isdigit()), "")
    month = next((w for w in words if not w.isdigit()), "")
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:  # (a leap year, so February 29 is a day)
            d = datetime.strptime(f"{month[:3] if fmt == '%b %d %Y' else month} {day} 2024", fmt)
        except ValueError:
            continue
        return f"{d.month:02d}-{d.day:02d}"
    return ""


def carry_over(question: str, previous: list[str], topic: Sequence[str] = ()) -> str:
    """A follow-up made standalone without an LLM: the previous question's actors (when the
    follow-up names none), the word that asked its kind of statement (when the follow-up asks
    none) and topic words are appended ("And Lavrov?" -> "And Lavrov? sanctions ...", after "What
    did Erdogan propose about the grain deal?": "And Germany?" -> "And Germany? propose grain deal").
    ``topic``: the names the previous question gave as its topic (``topic_names``), carried after
    "about" whoever the follow-up names ("And China?" after "What did Lavrov say about the United
    States?" -> "And China? about United States"), never as actors."""
    if not previous:
        return question
    prev = previous[-1]
    new_names = named_entities(question)
    if not _FOLLOWUP.search(question) and new_names and set(terms(question)) - {t for n in new_names for t in terms(n)}:
        return question  # already standalone
    names = named_entities(prev)
    prev_names = [n for n in names if n not in topic]
    prev_topic = [w for w in re.findall(r"[\w’'-]+", prev) if terms(w) and not any(w in n for n in names)]
    have = set(terms(question))
    add = [w for w in prev_topic if not set(terms(w)) <= have]
    kind = question_kind(prev)
    if kind in ROUTED_KINDS + DERIVED_KINDS + ("position",) and question_kind(question) is None:
        asked = dict(QUESTION_KIND)[kind].search(_TOPIC_START.split(prev, 1)[0])
        add = ([asked.group(0)] if asked else []) + add  # (a kind word is no term: it was never carried)
    if not new_names:
        add = prev_names + add
    about = [n for n in topic if n not in new_names]
    if about:
        add += ["about", " and ".join(about)]
    return (question + " " + " ".join(add)).strip()


_ELLIPTICAL = re.compile(r"^\s*(?:(?:and|but)\s+)?(?:what about|how about|and|also)\s+(?P<who>[^?.!]+?)\s*[?.!]*\s*$",
                         re.I)


def swap_actors(question: str, previous: str, topic: Sequence[str] = ()) -> str:
    """An elliptical follow-up that names only other actors ("And Germany?", "What about the
    United States?") as the previous question asked of them: "What did Russia say about the grain
    deal?" -> "What did Germany say about the grain deal?", "What is Russia's position on NATO?" ->
    "What is Ukraine's position on NATO?". The previous question's actors (its names that are not
    ``topic``, as one run joined by "and", "or" or commas) are replaced; "" when the follow-up is
    not of that shape or the previous question names no such run."""
    m = _ELLIPTICAL.match(question)
    who = m.group("who").strip() if m else ""
    if not who or not named_entities(who) or set(terms(who)) - {t for n in named_entities(who) for t in terms(n)}:
        return ""  # (not only names: "And what did she pledge?", "And the sanctions?")
    spans = [(x.start(), x.end()) for n in named_entities(previous) if n not in topic
             for x in [re.search(rf"\b{re.escape(n)}\b", previous)] if x]
    if not spans:
        return ""
    spans.sort()
    start, end = spans[0]
    for a, b in spans[1:]:
        if not re.fullmatch(r"\s*(?:,|and|or|&)?\s*(?:and\s+|or\s+)?", previous[end:a]):
            return ""  # (names apart: "What did Russia say to Ukraine ...": which one is swapped is unclear)
        end = b
    the = re.search(r"\bthe\s+$", previous[:start], re.I)
    if the and re.match(r"the\s", who, re.I):
        start = the.start()  # "the United States" for "the Netherlands"
    rest = previous[end:]
    if who.endswith("s") and re.match(r"['’]s\b", rest):
        rest = rest[0] + rest[2:]  # "the United States' stance"
    return previous[:start] + who + rest


_RESOLVER = ActorResolver()


# The words of a UN post beyond the title words of ``index.actors.TITLES`` ("Minister for Foreign
# Affairs and International Cooperation", "His Majesty", "President of the Presidential Council").
_ROLE_WORDS = TITLES | frozenset({"affairs", "cooperation", "council", "external", "federal", "government",
                                  "international", "ministers", "relations", "republic", "senior", "sultan",
                                  "excellency", "majesty", "highness", "his", "her", "h.e.", "mr", "ms", "mrs",
                                  "and", "of", "for", "the"})


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def role_giver(role: str) -> str:
    """The name at the end of a speech statement's role, its office peeled off ("Vice President
    Han Zheng" -> "Han Zheng", "Minister for Foreign Affairs Sergey Lavrov" -> "Sergey Lavrov");
    "" when none is left, or when what is left is a state ("Ambassador of Kenya", an office quoted
    in another's speech, names no giver)."""
    words = role.split()
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] in ("bin", "al", "de", "da", "van", "von", "du")) \
            and words[i - 1].lower().strip(",") not in _ROLE_WORDS:
        i -= 1
    name = " ".join(words[i:]).strip(" ,")
    return name if name[:1].isupper() and not _RESOLVER.country_of(name) else ""


def role_names(name: str, role: str) -> bool:
    """Whether a speech statement's ``role`` ("President Joseph R. Biden, Jr") names the giver
    ``name`` ("Joe Biden", "Biden", "Pedro Sánchez"): all of its words in any transliteration,
    or as ``names_giver`` reads a given name."""
    words = re.findall(r"\w+", fold(role))
    return set(translit_key(name).split()) <= set(translit_key(" ".join(words)).split()) or names_giver(
        name, frozenset(words))


def names_giver(name: str, role_words: frozenset[str]) -> bool:
    """Whether a name names the giver of a speech whose role has the folded ``role_words``
    ("Minister for Foreign Affairs Sergey Lavrov"): all its words, or its surname with its other
    words spelled alike up to their fourth letter ("Sergei Lavrov", another transliteration) or,
    when shorter, a longer name of the same initial ("Joe" for "Joseph")."""
    words = re.findall(r"\w+", fold(name))  # ("Al-Jubeir": the role's words are "al" and "jubeir")
    if not words:
        return False
    if set(words) <= role_words:
        return True
    *given, surname = words
    # (a given name by its first letter too: "Joe Biden" for "Joseph R. Biden")
    return bool(given) and len(surname) > 3 and (
        surname in role_words or translit_key(surname) in {translit_key(r) for r in role_words}) and all(
        any(r[:4] == w[:4] if len(w) >= 4 else r[:1] == w[:1] and len(r) > len(w) for r in role_words) for w in given)


_SINGULAR = re.compile(r"\b(he|she|him|his|her)\b", re.I)
_PLURAL = re.compile(r"\b(they|them|their)\b", re.I)
_TOPIC_REFERENCE = re.compile(r"\b(that|this|it|those|these|same)\b|^\s*(and|but|what about|how about|also)\b|"
                              + _BARE_REACTION, re.I)
WHO_QUESTION = re.compile(r"^\s*(?:and\s+)?(?:who|whom|which (?:minister|official|leader|person|country))\b", re.I)


def previous_actors(history: History, match: Callable[[Sequence[str]], list[str]],
                    speaks_for: Callable[[str, str], bool] | None = None) -> list[str]:
    """Index actors the previous turn is about, most likely first: the previous question's
    actors (``asked_actors``: not the names it gave as its topic, "What did Putin say about
    Trump?" is about Putin), unless it asked "who ..." (then the actors its answer names come
    first), and the actors named in the previous answer, in the order it names them. With
    ``speaks_for`` (person, actor asked -> whether the person speaks for that actor) an answer to a
    question that asked actors adds only those who speak for one of them ("Norway's Foreign
    Minister Ingrid Solberg-Dahl"), never a name its quotes only mention ("Colombia's quest for peace")."""
    if not history:
        return []
    prev_q, prev_a = history[-1]
    asked = asked_actors(prev_q, match)
    answered: list[str] = []
    for n in named_entities(prev_a or ""):
        # "Norway's Foreign Minister Ingrid Solberg-Dahl" is read as one name: its person too
        for a in match([n]) or match([_RESOLVER.resolve(n).name]):
            if a not in answered:
                answered.append(a)
    if asked and speaks_for is not None and not WHO_QUESTION.match(prev_q):
        answered = [a for a in answered if any(a == b or speaks_for(a, b) for b in asked)]
    order = answered + asked if WHO_QUESTION.match(prev_q) or not asked else asked + answered
    return list(dict.fromkeys(order))


_SUBJECT_PRONOUN = re.compile(r"\b(?:did|does|do|has|have|had|is|was|were|are|will|would)\s+(he|she|they)\b"
                              r"|^\W*(?:and\s+|but\s+|so\s+)?(he|she|they)\b|\b(his|her|their)\s+(?:position|stance|"
                              r"view|views|pledge|pledges|proposal|statement|statements|plan)\b", re.I)


_OPPOSITION = re.compile(r"((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)(?:’s|'s)?\s+(?:(?:main|largest|official)\s+)?"
                         r"opposition\b")


def opposition_of(text: str) -> set[str]:
    """The states whose opposition ``text`` names ("South Korea's main opposition Democratic Party", "the Israeli
    opposition leader"): a party or a person of it is no voice of the state."""
    return {c for m in _OPPOSITION.finditer(text) if (c := _RESOLVER.country_of(m.group(1)))}


def question_head(text: str) -> str:
    """The part of a question before its topic, where who is asked stands ("What did he say
    about Trump?" -> "What did he say")."""
    return _STANCE_ON.split(_TOPIC_START.split(text, 1)[0], 1)[0]


def reads_as_body(name: str) -> bool:
    """Whether a name reads as a body's, never a he or she ("Group of Seven", "Council of Europe",
    "European Commission"), whatever the tagger typed it."""
    words = fold(name).lower().split()
    return len(words) > 1 and (words[-1] in _BODY_HEADS or words[0] in _BODY_HEADS and words[1] in ("of", "for"))


def unresolved_pronoun(text: str) -> str:
    """The he/she/they (or his/her/their before a stance word) a question names nobody for, as
    written; "" when there is none. Used on the question after follow-up resolution."""
    m = _SUBJECT_PRONOUN.search(text)
    return next((g for g in m.groups() if g), "") if m else ""


def pronoun_gender(pronoun: str) -> str:
    """"f" for she/her, "m" for he/him/his."""
    return "f" if pronoun.lower() in ("she", "her") else "m"


def resolve_pronouns(question: str, history: History, match: Callable[[Sequence[str]], list[str]],
                     gender: Callable[[str], str] | None = None,
                     stand_in: Callable[[str], str | None] | None = None,
                     speaks_for: Callable[[str, str], bool] | None = None) -> str:
    """``question`` with he/she/him/his/her (one actor) or they/them/their (the previous
    question's actors, else those of the previous answer) replaced by the actors of the previous
    turn ("What did she propose?" -> "What did Mirela Dost propose?"). Unchanged when the
    question names actors of its own or the previous turn names none. ``gender`` (actor ->
    "m"/"f"/"?" for a person, "" for a government or organisation): he/she then resolves only to
    a person not known to be of the other gender; with none, the question is left unchanged.
    ``stand_in`` (actor -> the person who spoke for it, or None): when the previous turn names no
    such person, he/she is the one who spoke for its state ("What did Turkey say about Cyprus?",
    answered from Turkey's UN speech, then "What did he propose?": the speech's giver).
    ``speaks_for``: see ``previous_actors``. The previous question is read as given: pass it made
    standalone ("What did Putin say about Trump?", not "What did he say about Trump?")."""
    # (names after "about" are the topic: "What did he say about Trump?" still asks about "he")
    head = question_head(question)
    if match(named_entities(head)):
        return question
    singular, plural = _SINGULAR.search(head), _PLURAL.search(head)
    if not (singular or plural):
        return question
    actors = previous_actors(history, match, speaks_for)
    if not actors:
        return question
    if singular:
        if gender is not None:
            want = pronoun_gender(singular.group(1))
            persons = [a for a in actors if gender(a) in (want, "?")]
            if not persons and stand_in is not None:  # (a state, its speech's giver "?" of gender)
                persons = [p for p in map(stand_in, actors) if p and gender(p) in (want, "?")]
            actors = persons
            if not actors:
                return question  # "he" after a turn about a woman: nobody to carry over
        who = actors[0]
        rx = _SINGULAR
    else:
        asked = asked_actors(history[-1][0], match)
        group = asked if len(asked) > 1 else actors[:2]
        who = " and ".join(group)
        rx = _PLURAL

    def name(m: re.Match) -> str:
        return who + "'s" if m.group(1).lower() in ("his", "their") else who

    if singular and re.search(r"\bher\s+(?!\?)\w", question, re.I) and not re.search(r"\b(he|she)\b", question, re.I):
        # "her position": possessive; "her" before the end or a verb's object otherwise.
        return re.sub(r"\bher\b(?=\s+\w)", who + "'s", question, count=1, flags=re.I)
    return rx.sub(name, question, count=1)


@dataclass
class Clause:
    """One clause of a compound question with the outlets and days it names."""

    text: str
    outlets: tuple[str, ...] = ()
    days: tuple[str, ...] = ()



# Function words that mark a question as written in another language than English (the
# offline answerer reads English: its cues, kinds and time words are English).
_FUNCTION_WORDS = {
    "French": "le la les des du une est que qui quoi quel quelle quels comment pourquoi sur avec pour dans "
              "a-t-il a-t-elle ont été au aux ce cette ces il elle ils sont qu'a qu'est",
    "Spanish": "el los las del una es que qué quién cómo cuál por para con sobre ha han fue su sus según",
    "German": "der die das den dem des ein eine ist sind was wer wie welche hat haben zu mit über für und nicht",
    "Italian": "il lo gli della delle che chi come cosa quale per con sul sulla ha hanno è sono del",
    "Portuguese": "o os as do da dos das um uma é que quem como qual por para com sobre foi seu sua",
}
_FUNCTION_SETS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_ENGLISH = set("the a an of to in on and or is are was were what who whom which how has have had did does do "
               "about with for by from that this these those his her their its it they he she said say".split())
_SCRIPTS = [("Russian or another Cyrillic-script language", re.compile(r"[\u0400-\u04ff]")),
            ("Arabic", re.compile(r"[\u0600-\u06ff]")),
            ("Chinese or Japanese", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
            ("Korean", re.compile(r"[\uac00-\ud7af]")), ("Hebrew", re.compile(r"[\u0590-\u05ff]")),
            ("Greek", re.compile(r"[\u0370-\u03ff]"))]


def question_language(text: str) -> str:
    """"en" for an English question, else the name of the language it looks written in
    ("French", "Russian or another Cyrillic-script language", ...): by script, then by function
    words (at least two, and more than English ones; one in a question of five words or fewer
    with no English word). Names in any script do not count alone."""
    letters = [ch for ch in text if ch.isalpha()]
    # Latin letters of capitalised words are names ("Mereth 承诺了什么？"): they do not make it English
    latin = sum(len(w) for w in re.findall(r"\b[a-zà-ÿ][a-zà-ÿ'’-]*", text))
    for name, pattern in _SCRIPTS:
        found = len(pattern.findall(text))
        if letters and (found > len(letters) / 2 or (found >= 2 and found > latin)):
            return name
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
    words = [w.replace("’", "'") for w in words]
    english = sum(w in _ENGLISH for w in words)
    best, hits = "en", 0
    for lang, vocab in _FUNCTION_SETS.items():
        n = sum(w in vocab or w.split("'")[0] + "'" in vocab for w in words)
        if n > hits:
            best, hits = lang, n
    # A short question may hold one function word only ("Qu'a promis Rell ?", "¿Qué dijo Lind?"):
    # then no English word at all is needed too.
    short = len(words) <= 5 and english == 0
    return best if (hits >= 2 or (hits == 1 and short)) and hits > english else "en"


@dataclass
class Query:
    """A question as every stage reads it. Built by ``QueryParser.parse``; treat as read-only.

    ``question`` is the text as asked (stripped, checked); ``text`` the standalone form used to
    retrieve and answer (a follow-up with what it refers to carried over, else the question).
    ``names``: capitalised names in ``text``; ``actors``: the index's actors they match.
    ``kind``: the statement kind asked for (None: any). ``topic_terms``: stemmed content terms
    that are neither names nor kind words. ``outlets``/``days``: outlets of the index and ISO
    days the question names. ``cited_outlets``: the outlets of the index the question asks for as
    its source ("according to the Harbour Post", "as reported by X"): retrieval boosts them like
    every outlet named, and answers quote them (narrowing retrieval to them lowered re-ranked
    recall@10 on the MultiHop-RAG tuning half, 0.705 -> 0.697).
    ``unknown_outlets``: outlets it asks for that are not in the index ("as reported by The
    Verge" when no Verge article is). ``clauses``: the clauses of a compound question (each with its
    outlets and days); ``parts``: its phrases for re-ranking. ``asks_change``: "how has X's
    stance changed?". ``vectors``: embeddings of ``text``, clauses and parts (unit length,
    384 floats), filled by ``QueryParser.embed``. ``time``: the time the question names
    (``TimeScope``); its range is already merged into ``filters`` (unless the question is compound).
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
    cited_outlets: tuple[str, ...] = ()
    unknown_outlets: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    parts: tuple[str, ...] = ()
    asks_change: bool = False
    language: str = "en"
    offices: tuple[OfficeAsked, ...] = ()  # offices asked by ("Ostmark's prime minister") no person of the index holds
    # the offices asked by that the index gives someone, with their holders (persons, or the state itself when a
    # statement's role gives it the office: "The president of France said", a speech given by it)
    held_offices: tuple[tuple[OfficeAsked, tuple[str, ...]], ...] = ()
    # (name, state) of the givers of speeches the question names ("Anne Beathe Tvinnereim", "Norway")
    speakers: tuple[tuple[str, str], ...] = ()
    asked: str = ""  # the question without sentences that only instruct (see split_instructions); "": as asked
    instructions: tuple[str, ...] = ()  # those sentences (never obeyed)
    unresolved: str = ""  # a he/she/they the question leans on that stands for nobody named ("What did she say?")
    # names the question gives as its topic ("... position on sanctions on North Korea?": North Korea)
    topic_names: tuple[str, ...] = ()
    time: TimeScope = field(default_factory=lambda: TimeScope())
    vectors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @cached_property
    def topic(self) -> Topic:
        """What the question asks statements to be about (``assistant.topic.Topic``: its topic
        terms and names): the one test of a sentence's topic that ``positions`` and ``compare``
        share."""
        from .topic import Topic

        return Topic.of_query(self)

    @property
    def untimed(self) -> str:
        """The question without the time words it names ("Does X currently want ...?" ->
        "Does X want ...?"): what it asks, once the when is taken out (into ``time``)."""
        return self.time.rest if self.time.phrases else (self.asked or self.question)

    @property
    def statement_filters(self) -> Filters:
        """``filters`` for the statements an answer quotes: narrowed to ``cited_outlets`` when the
        question cites outlets and the filters name none ("according to the Harbour Post")."""
        if not self.cited_outlets or self.filters.sources:
            return self.filters
        return self.filters.narrow(sources=list(self.cited_outlets))

    @property
    def recency(self) -> str | None:
        """"newest" ("currently", "latest", "still", "now"), "oldest" ("first", "initially") or None."""
        return self.time.order

    @property
    def is_followup(self) -> bool:
        return self.text != (self.asked or self.question)

    @property
    def routed_kinds(self) -> list[str] | None:
        """The claim kinds to route to (None: all kinds). A proposal also reads the demands and
        pledges that answer it (a call, an appeal, an urging, a plan announced: see
        ``assistant.evidence.claim_is``, which keeps only those); a demand the refusals and pledges
        made conditional on another's act ("won’t lift ... unless Hamas frees all hostages")."""
        if self.kind == "proposal":
            return ["proposal", "demand", "pledge"]
        if self.kind == "demand":  # (and the refusals and pledges made conditional on another's act)
            return ["demand", "rejection", "pledge", "position", "statement"]
        return [self.kind] if self.kind in ROUTED_KINDS else None

    @property
    def vector(self) -> np.ndarray:
        return self.vectors[self.text]

    def vector_of(self, text: str) -> np.ndarray:
        return self.vectors[text]


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?")  # "BEUC", "OPCW", "SDGs": two capitals or more


class QueryParser:
    """Builds ``Query`` objects against an index: it knows the index's outlets and actors
    (cached; ``invalidate()`` after the index changes) and embeds the question's texts.

    ``outlets`` and ``actors`` are callables returning the current names (they are called
    again only after ``invalidate``); ``embed`` maps a list of texts to unit vectors."""

    def __init__(self, outlets: Callable[[], list[str]], actors: Callable[[], list[str]],
                 embed: Callable[[list[str]], np.ndarray], today: Callable[[], date] = date.today,
                 gender: Callable[[str], str] | None = None,
                 officials: Callable[[], list[tuple[str, str]]] | None = None,
                 days: Callable[[], list[str]] | None = None,
                 defined: Callable[[str], list[str]] | None = None,
                 texts_naming: Callable[[str], list[str]] | None = None):
        self._defined_in_index = defined or (lambda acronym: [])  # acronym -> the long forms articles define for it
        self._defined: dict[str, list[str]] = {}
        self._texts_naming = texts_naming or (lambda name: [])  # a name -> texts of the index (passages) naming it
        self._introduced: dict[str, list[str]] = {}  # person -> the roles naming a state articles introduce them with
        self._officials_of_index = officials or (lambda: [])  # (person, role) pairs of the index
        self._days_of_index = days or (lambda: [])  # the publication days ("YYYY-MM-DD") of the index's articles
        self._days: list[str] | None = None
        self._officials: list[tuple[str, str]] | None = None
        self._givers: list[tuple[str, frozenset[str]]] = []
        self._short_names: set[str] = set()  # the folded short first and last words of speech givers' names ("xi")
        self._gender = gender  # actor -> "m"/"f"/"?" (person), "" (not a person); see resolve_pronouns
        self._today = today  # what "last year" / "this month" in a question are counted from
        self._outlets_of_index = outlets
        self._actors_of_index = actors
        self._embed = embed
        self._lock = threading.Lock()
        self._outlets: list[str] | None = None
        self._actors: list[str] | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._outlets = self._actors = None
            self._officials = None
            self._defined = {}
            self._introduced = {}
            self._days = None

    def parse(self, question: str, history: History | None = None, filters: Filters | dict | None = None,
              standalone: str | None = None) -> Query:
        """``standalone``: the follow-up already rewritten (by an LLM); else ``carry_over`` is used.

        Raises ``QuestionError`` for an empty or over-long question or malformed filters."""
        question = check_question(question)
        f = self.resolve_filters(filters)
        hist = tuple((str(q), str(a)) for q, a in (history or ()))
        asked, instructions = split_instructions(question)
        text = standalone or (self.followup_text(asked, hist) if hist else asked)
        if hist and not standalone and _ELLIPTICAL.match(asked) and not text.startswith(asked):
            asked = text  # "And Germany?" asked as "What did Germany say about the grain deal?"
        names = named_entities(text)
        owners = topic_owners(text, names) if WHO_QUESTION.match(text) else []  # "Who rejected Norvalia's offer?"
        name_terms = {t for n in names if n not in owners for t in terms(n)}
        # "What did Lena Sorvik say about Calderra?": a topic that is only a name is that name's
        # terms ("on sanctions relief talks with Veloria": the other words define it)
        about = [n for n in topic_names(text, self.match_speakers)  # (not "Norway's proposal": the proposal)
                 if not re.search(rf"\b{re.escape(n)}(?:’s|'s)", text)]
        # "foreign minister" asks who (as does "the Israeli PM" as typed)
        name_terms |= {t for o in asked_offices(text) for t in (*terms(o.office), *terms(o.written))}
        # ("Meta's communications director": who is asked, not what about)
        name_terms |= {t for o in asked_org_offices(text) for t in terms(o.office)}
        qterms = terms(text)
        # (a name typed with a lower-case particle joined to it is the name too: "el-Sisi", "al-Assad")
        name_terms |= {t for t in qterms if "-" in t and set(t.split("-")) & name_terms}
        scope = time_scope(text, self._today())
        on_days = self.days_on(scope.month_days)
        if len(on_days) == 1 and not scope.bounded:
            # "What did Netanyahu say on October 7?": the one October 7 the index's articles were published on
            scope = replace(scope, since=on_days[0], until=on_days[0])
        cited, unknown = self.cited_outlets(text)
        if TIME_FILTERS and not clauses(text):
            # A compound question ("X before 2020, while Y ...") may date one clause only: its
            # range is kept in ``Query.time`` but not applied to the whole question.
            f = scope.merge(f)
        actors = asked_actors(text, self.match_actors, self.match_speakers)
        # ("According to Bloomberg, what did Xi pledge?": the outlet cited is no actor asked about)
        actors = [a for a in actors if fold(a) not in {fold(o) for o in cited}]
        speakers: dict[str, str] = {}  # a name that gave a speech the index holds -> the state it spoke for
        for n in names:
            matched = self.match_actors([n])
            if len(n.split()) < 2 and not matched and not self._giver_names([n]) or _RESOLVER.country_of(n):
                continue  # (a surname that gave a speech, "Lavrov", does count; a state is no giver)
            # (every spelling of the giver the index holds: "Volodymyr Zelenskyy" is also the actor "Volodymyr
            # Zelensky", and the one left out was asked about as a person silent in his own speech)
            for who in matched or [n]:
                state = next((st for st, role_words in self._speech_givers() if names_giver(who, role_words)), None)
                if state:  # "Anne Beathe Tvinnereim": Norway's "Minister for Foreign Affairs Anne Beathe Tvinnereim"
                    speakers[who] = state
                    if state not in actors and (not matched or who in actors):
                        actors.append(state)  # (also for "Netanyahu", quoted in news too: his speech is Israel's)
        opposed = opposition_of(question_head(text))
        if opposed:
            # "What did South Korea's opposition demand?": its opposition parties and leaders, never the state
            parties = [a for a in self._known_actors() if opposition_of(a) & opposed]
            parties += [p for p, role in self._known_officials() if opposition_of(role) & opposed]
            actors = [a for a in actors if _RESOLVER.country_of(a) not in opposed]
            actors += [p for p in dict.fromkeys(parties) if p not in actors]
        unheld: list[OfficeAsked] = []
        held: list[tuple[OfficeAsked, tuple[str, ...]]] = []
        for office in asked_offices(text):
            # "What did Ostmark's foreign minister propose?": the person who holds it, not the state
            # (or by a role naming no state, when an article introduces them as the state's: "Secretary of Treasury
            # Janet Yellen" and, in another article, "U.S. Treasury Secretary Janet Yellen")
            holders = office_holders(office, self._known_officials())
            if all(_RESOLVER.country_of(h) for h in holders):  # (none, or only the state: "The US treasury
                holders += self._introduced_holders(office)     # secretary also stated ...", no name)
            if holders:
                held.append((office, tuple(holders)))
                actors = [a for a in actors if a != office.country]
                actors += [h for h in holders if h not in actors]
                # a state holding it by its speech ("China", "Vice President Han Zheng"): the giver, not all
                # the state's speeches ("What did China's vice president say?" quoted Wang Yi's)
                for person, role in self._known_officials():
                    if person == office.country and person in holders and office_holders(office, [(person, role)]):
                        giver = role_giver(role)
                        if giver:
                            speakers.setdefault(giver, person)
            else:
                unheld.append(office)
        verb_end = _subject_verb_end(text)  # "What did Ylva Johansson confirm?": the verb asks, it is no topic
        verb = set(terms(text[:verb_end].split()[-1])) if verb_end else set()
        if verb_end and (aux := _AUXILIARY.match(text)):
            # (the subject's own words: "What did the Irish government say?" asks the government, not about it)
            verb |= {t for w in text[aux.end():verb_end].split()[:-1] if w.lower() in _SUBJECT_WORDS for t in terms(w)}
        topic = frozenset(set(qterms) - name_terms - KIND_WORDS - set(terms(" ".join(scope.phrases))) - LIGHT_VERBS
                          - REQUEST_WORDS - verb)
        if _IN_EXCHANGE.search(text) and topic - EXCHANGE_TERMS:
            topic -= EXCHANGE_TERMS
        return Query(
            question=question, text=text, history=hist, filters=f, names=tuple(names), time=scope,
            actors=tuple(actors), offices=tuple(unheld), held_offices=tuple(held), speakers=tuple(speakers.items()),
            # "How did Talvoria respond?" after an offer: a response is asked for, whatever the topic carried
            kind=question_kind(asked) if re.search(_BARE_REACTION, asked, re.I) else question_kind(text),
            terms=tuple(qterms),
            topic_terms=topic or frozenset(t for n in about for t in terms(n)),
            outlets=tuple(self.named_outlets(text)), cited_outlets=tuple(cited), unknown_outlets=tuple(unknown),
            days=tuple(dict.fromkeys([*named_days(text), *(on_days if len(on_days) > 1 else [])])),
            clauses=tuple(Clause(c, tuple(self.named_outlets(c)), tuple(named_days(c))) for c in clauses(text)),
            parts=tuple(question_parts(text)),
            asks_change=outside_names(CHANGE_QUESTION, scope.rest or text) is not None,
            language=question_language(asked), asked=asked, instructions=instructions,
            # ("What did he say about Meta?": Meta is what was talked about, "he" stands for nobody)
            unresolved=unresolved_pronoun(text) if not named_entities(question_head(text)) else "",
            topic_names=tuple(about))

    def embed(self, query: Query, parts: bool = True, clauses: bool = False) -> Query:
        """Fill ``query.vectors`` for its text and, when asked, its phrases (``parts``, for the
        re-ranker) and clauses (``clauses``, for ``RetrievalConfig.clause_dense``), in one batch."""
        texts = ([query.text] + ([c.text for c in query.clauses] if clauses else [])
                 + (list(query.parts) if parts else []))
        texts = [t for t in dict.fromkeys(texts) if t not in query.vectors]
        if texts:
            query.vectors.update(zip(texts, self._embed(texts)))
        return query

    def days_on(self, month_days: Sequence[str]) -> list[str]:
        """The index's publication days falling on the days ``month_days`` ("10-07") names, in any year."""
        if not month_days:
            return []
        with self._lock:
            if self._days is None:
                self._days = sorted({d[:10] for d in self._days_of_index() if len(d) >= 10})
            known = self._days
        return [d for d in known if d[5:10] in month_days]

    def _known_outlets(self) -> list[str]:
        with self._lock:
            if self._outlets is None:
                self._outlets = list(self._outlets_of_index())
            return self._outlets

    def resolve_filters(self, filters: Filters | dict | None) -> Filters:
        """``filters`` with each outlet name resolved to the index's spelling: an exact
        (case-insensitive) name stays; otherwise every outlet whose name contains it, ignoring
        case, accents and a leading "The" ("Meridian Herald" -> "The Meridian Herald"). A name
        that matches no outlet is kept as given (it then matches nothing)."""
        f = Filters.from_dict(filters)
        if not f.sources:
            return f
        out: list[str] = []
        for s in f.sources:
            out.extend(self.outlets_matching(s) or [s])
        return f.narrow(sources=list(dict.fromkeys(out)))

    def outlets_matching(self, name: str) -> list[str]:
        """The index's outlets a typed outlet ``name`` stands for: the one of that name (case
        ignored), else every outlet containing it, ignoring case, accents and a leading "The"."""
        known = self._known_outlets()
        name = outlet_name(name) or name  # (as stored: "Cnbc | World Business News Leader" is Cnbc)
        exact = [o for o in known if o.lower() == name.lower()]
        if exact:
            return exact  # (every spelling an older store holds: "CNBC", "Cnbc")
        needle = fold(name).lower()
        return [o for o in known if needle and needle in fold(o).lower()]

    def named_outlets(self, text: str) -> list[str]:
        """Outlets in the index that ``text`` names ("as reported by TechCrunch")."""
        outlets = self._known_outlets()
        q = text.lower()
        found = []
        for s in outlets:
            names = {s.lower(), re.sub(r"^the\s+", "", s.lower()), s.lower().split(" - ")[0]}
            if any(len(n) >= 3 and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", q) for n in names):
                found.append(s)
        return found

    def cited_outlets(self, text: str) -> tuple[list[str], list[str]]:
        """The outlets ``text`` asks for as its source: (outlets of the index, names of outlets
        not in it). A name after an outlet cue ("as reported by", "in X's article", "did X
        report") is an outlet; after "according to" only when it is one of the index or reads
        like one ("Harbor Wire", not "Ostmark" or "Lusk"). Names match as ``outlets_matching``."""
        cited: list[str] = []
        unknown: list[str] = []
        for rx, outlet_cue in _OUTLET_CUES:
            for m in rx.finditer(text):
                name = re.sub(r"[’'.]+s?$|[.]$", "", m.group("name")).strip()
                words = name.split()
                while words and words[-1] in _NOT_NAMES:  # "according to Reuters In ..." -> "Reuters"
                    words.pop()
                name = " ".join(words)
                if not name or name in _NOT_NAMES:
                    continue
                bare = re.sub(r"^The\s+", "", name)  # "The Verge" is said as written
                hits = self.outlets_matching(bare) if len(bare) >= 3 else []
                if hits:
                    cited += [h for h in hits if h not in cited]
                elif (outlet_cue or _OUTLET_WORD.search(name)) and name not in unknown and not (
                        self.match_actors([name]) and not _OUTLET_WORD.fullmatch(name)):
                    # ("According to BBC": an outlet by its name, though "I was asked by the BBC" made it an actor)
                    unknown.append(name)
        return cited, unknown

    def actor_named(self, name: str) -> str | None:
        """The one index actor a typed name stands for: the same name, else the most quoted of
        those it may stand for ("Russia" is Russia, never "After Russia"; "Lind" is Kaia Lind)."""
        known = self._known_actors()  # (most quoted first)
        hits = demonym_hits(name, match_actor_names(name, known))
        if not hits:
            bare = _RESOLVER.resolve(name)
            if bare.role and bare.actor_type == "person" and bare.name != name:
                hits = match_actor_names(bare.name, known)
        return hits[0] if hits else None

    def match_actors(self, names: Sequence[str]) -> list[str]:
        """Actors of the index that ``names`` refer to: the same name (accents and apostrophes
        folded), or a surname / first words of it ("Xi" -> "Xi Jinping"), with or without the
        office before it ("Foreign Minister Lena Sorvik"); see ``match_actor_names``."""
        known = self._known_actors()
        found = set()
        for n in names:
            hits = demonym_hits(n, match_actor_names(n, known))
            if not hits:  # "Foreign Minister Lena Sorvik", "Ambassador Osei": the name without the office
                bare = _RESOLVER.resolve(n)
                if bare.role and bare.actor_type in ("person", "government") and bare.name != n:
                    # (and "Ukraine's Defense Ministry": the state whose ministry it is)
                    hits = match_actor_names(bare.name, known)
            if not hits and _ACRONYM.fullmatch(re.sub(r"[.\-&]", "", n)):
                # "What did BEUC say about Meta's subscription?": the actor an article defines the acronym for
                # ("said the European Consumer Organisation (BEUC)"), credited by its long form
                hits = [h for long in self._defined_forms_of(n) for h in match_actor_names(long, known)]
            found.update(hits)
        return sorted(found)

    def _defined_forms_of(self, acronym: str) -> list[str]:
        """The long forms the index's articles define ``acronym`` as (``defined_forms``), read once."""
        with self._lock:
            cached = self._defined.get(acronym)
        if cached is None:
            cached = list(dict.fromkeys(self._defined_in_index(acronym)))
            with self._lock:
                self._defined[acronym] = cached
        return cached

    def _introduced_holders(self, office: OfficeAsked) -> list[str]:
        """The persons quoted with a role that names ``office`` but no state ("Chancellor", "Secretary of Treasury")
        whom a text of the index introduces as holding it for the office's state ("German Chancellor Olaf Scholz",
        ``introduced_roles``); read once a person until the index changes. [] when none."""
        persons = sorted({p for p, role in self._known_officials() if not _RESOLVER.country_of(p)
                          and not role_country(role, _RESOLVER) and names_office(office, role)})
        pairs = []
        for person in persons:
            with self._lock:
                roles = self._introduced.get(person)
            if roles is None:
                roles = introduced_roles(person, self._texts_naming(person))
                with self._lock:
                    self._introduced[person] = roles
            pairs += [(person, role) for role in roles]
        return office_holders(office, pairs)

    def _known_officials(self) -> list[tuple[str, str]]:
        with self._lock:
            if self._officials is None:
                self._officials = list(self._officials_of_index())
                # states whose statements name their speaker in the role (speeches), as folded word sets
                # (words, not punctuation: "President Joseph R. Biden, Jr" has "biden")
                self._givers = [(state, frozenset(re.findall(r"\w+", fold(role)))) for state, role in self._officials
                                if _RESOLVER.country_of(state)]
                # (a name of three letters or fewer names a giver only as the first or last word of their name: "Xi"
                # of "Xi Jinping", whose family name comes first, or "Abe"; never "Jr" nor "R." of "Joseph R. Biden,
                # Jr")
                named = [role_giver(role).replace(",", " ").split() for state, role in self._officials
                         if _RESOLVER.country_of(state)]
                self._short_names = {fold(w).lower() for words in named if len(words) > 1 for w in (words[0], words[-1])
                                     if len(w) <= 3 and w[:1].isupper() and w.isalpha()
                                     and w.lower() not in _NAME_SUFFIXES}
            return self._officials

    def match_speakers(self, names: Sequence[str]) -> list[str]:
        """``match_actors``, and the names of ``names`` that gave a speech the index holds
        ("Anne Beathe Tvinnereim", "Lavrov"): who a question may ask about or a pronoun stand for."""
        return self.match_actors(names) + self._giver_names(names)

    def speech_state(self, name: str) -> str | None:
        """The state whose speech ``name`` gave ("Sergey Lavrov", "Sergei Lavrov", "Lavrov" ->
        Russia), else None."""
        return next((st for st, role_words in self._speech_givers() if names_giver(name, role_words)), None)

    def _giver_names(self, names: Sequence[str]) -> list[str]:
        """The ``names`` that name the giver of a speech the index holds ("Anne Beathe Tvinnereim",
        "Lavrov"; no one-word name of a state, nor of three letters or fewer unless it is the first or last word of a
        giver's name: "Xi" of "Xi Jinping")."""
        givers = self._speech_givers()
        return [n for n in names if (len(n.split()) > 1 or not _RESOLVER.country_of(n) and (
                    len(n) > 3 or fold(n).lower() in self._short_names))
                and not self.match_actors([n]) and any(names_giver(n, role_words) for _, role_words in givers)]

    def _speech_givers(self) -> list[tuple[str, frozenset[str]]]:
        """(state, the folded words of its speaker's role) of the index's speeches, read once."""
        self._known_officials()
        return self._givers

    def _known_actors(self) -> list[str]:
        with self._lock:
            if self._actors is None:
                self._actors = list(self._actors_of_index())
            return self._actors

    def standalone_of(self, history: History, depth: int = 4) -> str:
        """The last question of ``history`` as it was answered: a follow-up made standalone from the turns
        before it (as ``parse`` did then; at most ``depth`` turns back), else as asked."""
        asked = split_instructions(history[-1][0].strip())[0]
        return self.followup_text(asked, history[:-1], depth - 1) if len(history) > 1 and depth > 0 else asked

    def speech_giver(self, actor: str) -> str | None:
        """Who gave the speeches of the state ``actor`` the index holds, as their role names them ("President
        Recep Tayyip Erdogan" for Turkey): the person a he/she after an answer from them stands for. None
        when the state gave none, or speeches by more than one person (a role that names nobody, as
        "government" of "the German government said", is no giver)."""
        state = _RESOLVER.country_of(actor)
        givers = {fold(role): role for st, role in self._known_officials() if state and st == actor
                  and _RESOLVER.country_of(st) == state and role}
        named = [role for role in givers.values() if role.split()[-1][:1].isupper()
                 and role.split()[-1].lower() not in TITLES]
        return named[0] if len(named) == 1 else None

    def speaks_for(self, person: str, actor: str) -> bool:
        """Whether ``person`` speaks for the state ``actor`` in the index: an official of it by role
        ("Ingrid Solberg-Dahl", "Norway's Foreign Minister") or the giver of its speech."""
        state = _RESOLVER.country_of(actor)
        return bool(state) and (self.speech_state(person) == actor or any(
            p == person and role_country(role, _RESOLVER) == state for p, role in self._known_officials()))

    def followup_text(self, question: str, history: History, depth: int = 4) -> str:
        """A follow-up made standalone without an LLM: its he/she/they resolved to the actors of
        the previous turn (``resolve_pronouns``), then ``carry_over`` of the previous topic.
        A question that names its own actors keeps them and takes no earlier actor."""
        own = named_entities(question)
        def gender(who: str) -> str:  # (a speech's giver: of no gender the index knows; a body: none)
            if self._giver_names([who]):
                return "?"
            shown = self._gender(who) if self._gender else "?"
            return "" if shown == "?" and reads_as_body(who) else shown

        # the previous question as it was answered: "What did he say about Trump?" asked about Putin
        standalone = self.standalone_of(history, depth)
        resolved = resolve_pronouns(question, [*history[:-1], (standalone, history[-1][1])], self.match_speakers,
                                    gender if self._gender is not None else None, self.speech_giver,
                                    self.speaks_for)
        offices = asked_offices(standalone)
        head = question_head(question)
        if resolved == question and len(offices) == 1 and not self.match_actors(named_entities(head)) \
                and (pron := _SINGULAR.search(head)):
            # "What else did he say?" after "What did Iran's president say about Israel?" (two presidents
            # gave its speeches, and the answer names neither): he is whoever holds that office
            office = offices[0].phrase
            resolved = _SINGULAR.sub(office + "'s" if pron.group(1).lower() in ("his", "her") and not re.search(
                r"\b(?:he|she)\b", question, re.I) else office, question, count=1)
        # "What did he demand?" when the previous turn names no man: no actor is carried over.
        unresolved = (resolved == question and self._gender is not None and not self.match_actors(own)
                      and bool(_SINGULAR.search(question)))
        if (own or resolved != question) and not _TOPIC_REFERENCE.search(question):
            return resolved  # "What did Koval and Brandt pledge?", "What did she propose?"
        swapped = swap_actors(question, standalone, topic_names(standalone, self.match_speakers))
        if swapped:  # "And Germany?" after "What did Russia say about the grain deal?"
            return swapped
        # the previous question as it was answered: "What about Ukraine?" after "And Germany?" after "What did
        # Erdogan propose about the grain deal?" carries the proposal and the grain deal, not only Germany
        previous = [q for q, _ in history[:-1]] + [standalone]
        # "And China?" after "What did Lavrov say about the United States?": the United States stays the topic
        topic = topic_names(standalone, self.match_speakers)
        out = carry_over(resolved, previous, topic)
        if own or resolved != question or unresolved:  # carry the topic, never an earlier actor
            kept = {w for n in topic for w in n.split()}
            carried = [w for w in out[len(resolved):].split() if not w[:1].isupper() or w in kept]
            out = " ".join([resolved] + carried)
        return out
