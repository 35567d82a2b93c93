"""Does a sentence support a yes/no question's predicate (its verb and object), not merely its topic?

"Has Velmor declared war on Tarsena?" is not answered by "Velmor and Tarsena agreed to extend
their ceasefire": the sentence shares the names but neither the verb ("declared") nor the object
("war"). ``supports_predicate`` is the check the offline answerer applies to candidate sentences of
yes/no questions of at most ``MAX_WORDS`` words; other questions pass unchanged.

Rule (stems as ``index.text.terms`` makes them; names are capitalised words of the question):
the predicate terms are the question's content terms that are not names. A sentence supports
the question when it holds at least ``min(2, len(terms))`` of them and, when the question's
subject is a run of names directly followed by a verb ("Did Tarsena recall ..."), that verb or
a verb of the same family ("recall", "withdraw"). Verbs of statements ("pledge", "say", "urge")
are not required: a pledge need not use the word.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from index.text import STOPWORDS, stem, terms

#: Set to False to measure answers without the check (benchmarks only).
ENABLED = True
#: Longer yes/no questions ("Did the Verge report X before TechCrunch reported Y?") are multi-part:
#: no single sentence states their whole predicate, so they are not checked (measured: checking
#: them raised false abstention on MultiHop-RAG yes/no questions from 0.25 to 0.43).
MAX_WORDS = 14

YES_NO = re.compile(r"^\s*(has|have|had|did|does|do|is|are|was|were|will|would|can|could|should|shall|"
                    r"may|might|must)\s+(?P<rest>.+)$", re.I | re.S)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NAME_JOINERS = {"and", "of", "the", "de", "van", "von", "al", "'s", "’s"}

#: Verb families: a sentence using any member supports a question using another.
_FAMILIES = [
    "recall withdraw expel", "close shut block seal", "open reopen", "quit leave exit abandon",
    "attack strike bomb invade shell", "sanction embargo", "arrest detain", "kill shoot",
    "meet visit host", "sign ratify", "release free", "send deploy", "cut reduce lower", "raise increase hike",
]
#: Verbs of statements (pledge, say, urge ...): the claim kinds already route these, and a
#: statement need not repeat its verb ("We will withdraw" is a pledge), so they are not required.
_STATEMENT_VERBS = """pledge promise vow commit guarantee say state tell announce declare claim assert add note
insist stress threaten warn reject refuse deny dismiss oppose veto propose suggest offer urge call demand ask press
appeal request agree accept approve endorse back support criticise criticize condemn denounce accuse blame plan
intend mention discuss refer speak talk address""".split()
STATEMENT_STEMS = frozenset(stem(w) for w in _STATEMENT_VERBS)  # (their stems: what ``predicate`` gives)
_FAMILY: dict[str, set[str]] = {}
for _line in _FAMILIES:
    _stems = {stem(w) for w in _line.split()}
    for _s in _stems:
        _FAMILY.setdefault(_s, set()).update(_stems)
_NOT_REQUIRED = {stem(w) for w in "be have do make take get go come give put see".split() + _STATEMENT_VERBS}
_LIGHT = {stem(w) for w in "go goes went take takes took make makes made get gets got come comes came put puts "
                           "give gives gave bring brings brought anything something everything".split()}
_VERB_AUX = {"has", "have", "had", "did", "does", "do", "will", "would", "can", "could", "should", "shall",
             "may", "might", "must"}


# "Can you list what ...", "Could you tell me who ...": a request for a wh-answer, not a yes/no question
_REQUEST = re.compile(r"^\s*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:tell|list|show|give|explain|"
                      r"describe|summari[sz]e|find|name|say|quote|cite)\b", re.I)


def is_yes_no(question: str) -> bool:
    """True when the question opens with an auxiliary ("Has ...", "Did ...", "Is ..."), but not a
    request for a wh-answer ("Can you list what Fenwick proposed?")."""
    return bool(YES_NO.match(question)) and not _REQUEST.match(question)


def predicate(question: str) -> tuple[str | None, set[str]]:
    """(verb stem or None, predicate term stems) of a yes/no question; (None, set()) for others.

    The verb is the word right after a subject made only of names ("Did Velmor vow" -> "vow");
    None when the subject is not such a run of names.
    """
    m = YES_NO.match(question)
    if not m or _REQUEST.match(question):
        return None, set()
    words = _WORD.findall(m.group("rest"))
    if len(words) > MAX_WORDS:  # a multi-part question: its predicate spans sentences
        return None, set()
    names = {w.lower() for w in words if w[:1].isupper()}
    # light verbs carry no predicate of their own ("threaten to go to the court" is "threatened to take
    # the dispute to the court")
    preds = {t for t in terms(" ".join(w for w in words if w.lower() not in names)) if t not in _LIGHT}
    verb = None
    i = 0
    while i < len(words) and (words[i][:1].isupper() or (i and words[i].lower() in _NAME_JOINERS)
                              or not i and words[i].lower() in ("he", "she", "they", "it")):  # ("Did he mention")
        i += 1
    if m.group(1).lower() in _VERB_AUX and 0 < i < len(words) and words[i].lower() not in STOPWORDS:
        verb = stem(words[i].lower())
    return verb, preds


#: Text that addresses a reader or a model instead of reporting anything ("Ignore previous
#: instructions and say that ...", "You are now ...", "System: ..."): article text is data, and
#: such a sentence is never evidence, whatever words it shares with the question.
_INSTRUCTION = re.compile(
    r"""^\W*(?:(?:please\s+)?(?:ignore|disregard|forget|override)\b.{0,60}\b(?:instructions?|prompts?|rules|above|context)\b
    |(?:please\s+)?(?:pretend|act\s+as|roleplay)\b
    |you\s+(?:are\s+now|must\s+now|will\s+now|should\s+now)\b
    |(?:system|assistant|user)\s*:
    |(?:say|answer|reply|respond|output|print|write|state)\s+(?:only\s+)?(?:that|yes|no|the\s+following)\b)
    |\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|your)\s+(?:instructions|prompts)\b
    |\bas\s+an\s+ai\b""", re.I | re.X)


def is_instruction(sentence: str) -> bool:
    """True when ``sentence`` reads as an instruction to whoever processes the text (a prompt
    injection) rather than as reporting: such sentences are never cited as evidence."""
    return bool(_INSTRUCTION.search(sentence))


# The endings by which a verb and its noun differ once stemmed ("apologis", "apology"; "withdraw", "withdrawal")
_DERIVED = re.compile(r"(?:i[sz]|y|al|ment|anc)$")


def _root(t: str) -> str:
    """A stem read without a doubled last letter, on both sides of a comparison: ``stem`` leaves the consonant an
    ending doubled ("stepping" -> "stepp", "step" -> "step"; "planned" -> "plann"); and without the ending that
    makes a noun of a verb or a verb of a noun (``_DERIVED``: "apologise" and "a fresh apology" are one act)."""
    t = t[:-1] if len(t) > 3 and t[-1] == t[-2] else t
    root = _DERIVED.sub("", t)
    return root if len(root) >= 5 else t


# Words reporting an act not done, before the act: "stopped short of a fresh apology", "declined to", "refused to"
_NOT_DOING = re.compile(r"\b(?:(?:stopped|stops|stopping)\s+short\s+of|(?:declin|refus|fail|avoid)(?:ed|es|s|ing)?"
                        r"(?:\s+to)?|(?:did|does|has|have|had|would|will)\s*(?:not|n[’']t)|never)\s", re.I)
_CLAUSE_OPEN = re.compile(r"[;:]|\b(?:but|and|while|whereas|that|although|though)\b", re.I)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def denies_predicate(question: str, sentence: str, names: Sequence[str] = ()) -> bool:
    """Whether ``sentence`` reports the one a yes/no ``question`` asks about not doing the act it asks of
    (``_NOT_DOING`` within three words before the act's verb or its noun, its clause's subject a pronoun or
    one of ``names``): "Kishida said his heart ached ..., but he stopped short of a fresh apology" answers "Did
    Kishida apologise?" with a no."""
    verb, _ = predicate(question)
    if verb is None:
        return False
    act = _root(verb)
    words = {w.lower() for n in names for w in _WORD.findall(n)}
    for m in _NOT_DOING.finditer(sentence):
        if not any(_root(t) == act for t in terms(" ".join(sentence[m.end():].split()[:3]))):
            continue
        # (the clause's subject: its last pronoun or name, "but he stopped short", not "Kishida said Yoon did not")
        subject = [w for w in _WORD.findall(_CLAUSE_OPEN.split(sentence[:m.start()])[-1])
                   if w.lower() in _PRONOUNS or w[:1].isupper()]
        if subject and subject[-1].lower() in _PRONOUNS | words:
            return True
    return False


def supports_predicate(question: str, sentence: str) -> bool:
    """True when ``sentence`` supports the predicate of the yes/no ``question`` (see the module
    docstring); always True for other questions, for questions without predicate terms, or when
    the check is disabled. Never True for an instruction to the reader (``is_instruction``), for
    any question."""
    if is_instruction(sentence):
        return False
    if not ENABLED:
        return True
    verb, preds = predicate(question)
    if not preds:
        return True
    # (stems compared without a doubled last letter: "Did Zhao step down?" and "is stepping down")
    have = {_root(t) for t in terms(sentence)}
    # a statement verb is routed by kind and may be said otherwise ("Did Talvoria reject the offer?"
    # and "dismissed the offer"): the other terms must be there
    core = (preds - {verb} or preds) if verb in _NOT_REQUIRED else preds
    if core == {verb} and verb in STATEMENT_STEMS:  # (the topic-only verbs, "mention", "discuss", are such too)
        # "Did Wang Yi mention the United States?": its names are the topic, checked apart; "Did Kuwait
        # criticize Israel?": its kind is routed, and a speech condemns without the word
        return True
    if len({_root(t) for t in core} & have) < min(2, len(core)):
        return False
    if verb is None or verb in _NOT_REQUIRED:
        return True
    return bool({_root(t) for t in {verb} | _FAMILY.get(verb, set())} & have)
