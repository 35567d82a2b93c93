"""Answers about what a named person pledged, proposed, demanded or criticised, from that
person's own statements only.

"What did Paulina Wren pledge?" must not be answered with her analyst's remarks, nor "Did Koval
pledge to lift all sanctions?" with someone else's demand that they be lifted. When a question
names persons and asks for a kind of statement, ``person_answer`` answers from the statements the
claims table credits to those persons (``Evidence.actor_claims``):

- statements of the kind asked for, on the question's topic (and, for a yes/no question,
  supporting its predicate): each quoted whole and cited, in date order;
- none: "The articles do not report <person> <pledging> <what was asked>." followed by what the
  person is reported saying on the topic, each statement labelled with its real kind and cited
  (an abstention with context: ``abstained`` is True).

Questions about governments or organisations ("What did Ostmark propose?"), "who ..." questions
and questions naming nobody are left to the general answerer (``None``).
"""
from __future__ import annotations

import re

from index.actors import ActorResolver
from index.models import Claim, Passage
from index.text import DATELINE, mentions, quotation_end, split_sentences, terms

from .evidence import Evidence, EvidenceConfig, claim_is
from .models import Answer, Citation
from .query import QUESTION_KIND, Query, question_subject, role_names
from .stance import content_country, hearsay
from .support import is_yes_no, supports_predicate
from .topic import speech_state_of, statements_about

_RESOLVER = ActorResolver()

#: The kinds this answers for, as a gerund and a past tense.
GERUND = {"pledge": "pledging", "proposal": "proposing", "demand": "demanding", "criticism": "criticising",
          "rejection": "rejecting",
          "threat": "threatening"}
PAST = {"pledge": "pledged", "proposal": "proposed", "demand": "demanded", "criticism": "criticised",
        "rejection": "rejected",
        "threat": "threatened",
        "position": "said", "statement": "said"}
_IDENTITY = re.compile(r"^\s*(who|whom|whose)\b", re.I)


def claim_sentence(c: Claim, passage: Passage) -> tuple[int, int]:
    """The claim's whole sentence as article offsets, without a leading dateline ("VELSK, March 4
    (Harbor Wire) - "), and from the opening mark of a quotation begun in an earlier sentence
    (“Our hand is extended. But a hand can also be withdrawn,” Solberg said: all of it), and to the close
    of a quotation it opens ('Breton warned: “Obligations remain. You can run but you can’t hide.”')."""
    start, end = c.sent_start, c.sent_end
    m = DATELINE.match(passage.slice(start, end))
    if m and start + m.end() < end:
        start += m.end()
    if passage.start < c.start < start:
        start = c.start
        if start - 1 >= passage.start and passage.slice(start - 1, start) in ("“", '"'):
            start -= 1
    closed = quotation_end(passage.text, end - passage.start, passage.slice(start, end))
    end = passage.start + closed if closed is not None else end  # (to the close of a quotation it opens)
    local = closed_quote(passage.text, start - passage.start, end - passage.start)
    return passage.start + local[0], passage.start + local[1]


_QUOTE_REACH = 1200  # the most characters a quotation a cited span opens is followed to its close


def closed_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` with every quotation mark it opens closed: extended to the end of
    the sentence holding the close when ``text`` has it in the same paragraph (“Today, I wrote ... CEO. Even
    during these ... people,” he wrote); when it does not (the passage ends first), a mark that opens the span
    is left out of it, so that no quote opens what it never closes. Unchanged when its marks are balanced."""
    span = text[start:end]
    last_open = span.rfind("“")
    if last_open >= 0 and "”" not in span[last_open:]:
        mark, close_mark = start + last_open, "”"
    elif span.count('"') % 2 == 1:
        mark, close_mark = start + span.rfind('"'), '"'
        if mark > 0 and not text[mark - 1].isspace() and (mark + 1 >= len(text) or not text[mark + 1].isalnum()):
            # 'The barrier has already saved many lives." Then-Minister Gantz said, "...': a mark after a word
            # closes a quotation opened before the span; it opens none to follow into the next speaker's
            return start, end
    else:
        return start, end
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    close = text.find(close_mark, end, min(para_end, end + _QUOTE_REACH))
    if close >= 0:
        after = next((sp.end for sp in split_sentences(text, end, para_end) if sp.end > close), close + 1)
        return start, max(after, close + 1)
    if not text[start:mark].strip() and span.count(close_mark if close_mark == '"' else "“") == 1:
        return mark + 1, end  # (the opening mark only: the words stay, no quote is left open)
    return start, end


# What a sentence says an actor offers or pledges, the actor its subject: "Israel is willing to release 150
# prisoners in exchange for 50 hostages", "Varnholm has offered to host the talks", "Norway agreed to send ...".
_OFFERS = {
    "proposal": r"(?:(?:is|was|are|were|has\s+been|had\s+been|would\s+be|remains?|seemed)\s+(?:also\s+|now\s+)?"
                r"(?:willing|ready|prepared)\s+to|(?:has\s+|had\s+|have\s+)?(?:offered|offers|agreed|agrees|"
                r"proposed|proposes|suggested)\s+(?:to\b|that\b))",
    "pledge": r"(?:(?:has\s+|had\s+|have\s+)?(?:pledged|pledges|promised|promises|vowed|vows|committed|commits)\s+to|"
              r"(?:is|was|are|were)\s+committed\s+to|(?:has\s+|had\s+|have\s+)?(?:pledged|pledges)\s+(?:\$|€|£|\d|"
              r"an?\s|some\s|more\s|another\s|additional\s)|(?:will|would|shall)\s+(?:also\s+)?(?:pledge|commit\s+to|"
              r"donate|contribute|provide)\b)",
}
# (the US and China — committed to ...: the subject and its verb apart by a dash's aside)
_SUBJECT_GAP = r"(?:\s*[—–]\s*|\s+)"


def reported_offer(query: Query, sentence: str) -> str:
    """The actor asked about that ``sentence`` reports offering (or pledging: the kind asked) something, as the
    subject of "is willing to", "has offered to", "agreed to" ("the fact that Israel is willing to release 150
    Palestinian prisoners in exchange for 50 Israeli hostages"): the sentence itself states the offer, whoever
    it is attributed to; "" when it reports none."""
    return next(iter(reported_offers(query, sentence)), "")


def reported_offers(query: Query, sentence: str) -> list[str]:
    """Every actor asked about that ``sentence`` reports offering or pledging (``reported_offer``): "the US and
    China — committed to working toward that goal together" is China's pledge too; "Sweden will pledge 50
    million euros" is Sweden's."""
    verbs = _OFFERS.get(query.kind or "")
    if not verbs:
        return []
    found = []
    for actor in query.actors:
        state = _RESOLVER.country_of(actor)
        forms = {actor, *([state] if state else [])}
        pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        if re.search(rf"(?<![\w’'-])(?:the\s+)?(?:{pattern})(?:\s+(?:government|officials?|authorities))?"
                     rf"{_SUBJECT_GAP}{verbs}", sentence):
            found.append(actor)
    return found


def asked_phrase(query: Query) -> str:
    """What the question asks the person did, as a gerund phrase: "pledging to lift all
    sanctions" (yes/no) or "pledging anything about grain" (wh-question)."""
    kind = query.kind or ""
    rx = dict(QUESTION_KIND).get(kind)
    text = query.untimed
    m = rx.search(text) if rx else None
    rest = text[m.end():].strip(" ?.!") if m else ""
    if is_yes_no(text):
        return f"{GERUND[kind]} {rest}".strip()
    if rest and rest.split()[0].lower() not in PREPOSITIONS:
        return f"{GERUND[kind]} {rest} anything"  # "urge investors to do": "urging investors to do anything"
    return f"{GERUND[kind]} anything" + (f" {rest}" if rest else "")


# Words a question's topic may open with after its verb ("say about X"); any other opens an object.
PREPOSITIONS = frozenset({"about", "on", "to", "for", "regarding", "concerning", "over", "with", "against", "in",
                          "at", "towards", "toward", "of", "from", "after", "before", "during", "since", "by", "into",
                          "as"})


def person_answer(query: Query, evidence: Evidence, max_quotes: int = 3) -> Answer | None:
    """The answer from the named persons' own statements (see the module doc), or None when
    the question is not of that shape or the index knows no statement of those persons."""
    if query.kind not in GERUND or not query.actors or _IDENTITY.match(query.text):
        return None
    if len(query.actors) == 1 and (state := _RESOLVER.country_of(query.actors[0])) and not query.cited_outlets:
        return _state_silent(query, evidence, state)
    spoke = dict(query.speakers)  # "William Ruto" also gave Kenya's speech: its statements naming him are his
    claims = [c for c in evidence.actor_claims if c.actor in query.actors
              or any(c.actor == state and role_names(name, c.role) for name, state in spoke.items())]
    # (a state a table or the index knows, though one article's claim typed it a person: "Varnholm")
    persons = {c.actor for c in claims if c.actor_type == "person" and not _RESOLVER.country_of(c.actor)}
    if not claims or persons != set(query.actors):
        return None  # a government or an organisation asked about: its officials speak for it

    def text_of(c: Claim) -> str:
        p = evidence.actor_passages.get((c.doc_id, c.sent_start))
        return p.slice(c.sent_start, c.sent_end) if p else c.text

    def on_topic(c: Claim) -> bool:  # (a shared stem of five letters too: "investors", "invest")
        if not query.topic_terms or _about(query, c, text_of(c), evidence):
            return True
        found = set(terms(text_of(c) + " " + " ".join(c.topics)))
        return bool({t[:5] for t in query.topic_terms if len(t) >= 5} & {t[:5] for t in found if len(t) >= 5}) \
            and query.topic.names_in(text_of(c), c.title)

    wanted = [c for c in claims
              if claim_is(c, query.kind) and on_topic(c) and supports_predicate(query.untimed, text_of(c))]
    if wanted:
        # "What did Koval and Brandt propose?" and only Brandt proposed anything: say so of Koval
        unheard = [a for a in query.actors if not any(c.actor == a for c in wanted)]
        lead = f"The articles do not report {' or '.join(unheard)} {asked_phrase(query)}." if unheard else ""
        return _quote(query, evidence, wanted, max(max_quotes, len(query.actors)), lead=lead, abstained=False)
    names = " and ".join(query.actors)
    lead = f"The articles do not report {names} {asked_phrase(query)}."
    context = [c for c in claims if on_topic(c)]
    if not context:
        return Answer(query.question, lead, True, passages=evidence.passages)
    said = f" What {names} did say{' on this' if query.topic_terms else ''}:"
    return _quote(query, evidence, context, 2, lead=lead + said, abstained=True, label_kind=True)


def _state_silent(query: Query, evidence: Evidence, state: str) -> Answer | None:
    """ "What did Keshan reject?" when neither Keshan nor any of its officials is reported rejecting
    anything: say so, and quote what they did say (on the topic, when the question has one). None
    when some statement of the kind exists (the ranked answer quotes it), or nothing of theirs does."""
    claims = evidence.actor_claims
    if not claims or len(claims) >= EvidenceConfig().max_actor_statements or evidence.claims \
            or any(claim_is(c, query.kind) for c in claims) or any(
                claim_is(c, query.kind) and content_country(c) == state
                for found in evidence.statements.values() for c in found):
        return None  # ("In return, Varnholm pledged ..., Prime Minister Tomas Eklund said": reported of it)
    subject = question_subject(query.untimed, yes_no=True)
    if subject and _RESOLVER.country_of(subject) != state:
        return None  # "Did Talvoria reject Norvalia's offer?": Norvalia is not what is asked about
    if any(reported_offer(query, p.text[sp.start:sp.end]) and query.topic.shares(p.text[sp.start:sp.end])
           for p in evidence.passages for sp in split_sentences(p.text)):
        return None  # ("Israel is willing to release 150 prisoners in exchange for 50 hostages": the ranked answer)
    lead = f"The articles do not report {state} or its officials {asked_phrase(query)}."
    def sentence(c: Claim) -> str:
        p = evidence.actor_passages.get((c.doc_id, c.sent_start))
        return p.slice(c.sent_start, c.sent_end) if p else c.text

    on_topic = [c for c in claims if not query.topic_terms or _about(query, c, sentence(c), evidence)]
    if not on_topic:
        return Answer(query.question, lead, True, passages=evidence.passages)
    said = f" What they did say{' on this' if query.topic_terms else ''}:"
    return _quote(query, evidence, on_topic, 2, lead=lead + said, abstained=True, label_kind=True)


def _about(query: Query, c: Claim, sentence: str, evidence: Evidence) -> bool:
    """Whether a statement is about the question's topic, as ``statements_about`` reads it: its
    whole sentence in its article (``evidence.texts``; else ``sentence`` alone), without what others
    say there (``evidence.actor_sentences``)."""
    def text_of(doc_id: str) -> str:
        return evidence.texts.get(doc_id, "")

    if not text_of(c.doc_id):
        return query.topic.covers(sentence, c.topics, c.title)
    ours = {x.claim_id for x in evidence.actor_claims}  # (the actors' own: a state's officials too)
    others = [o for o in evidence.actor_sentences if o.claim_id not in ours]
    return bool(statements_about(query.topic, [c], text_of, others))


def _quote(query: Query, evidence: Evidence, claims: list[Claim], limit: int, lead: str, abstained: bool,
           label_kind: bool = False) -> Answer | None:
    # The statements closest to the question's topic (then the newest), shown in date order.
    unique: dict[tuple[str, int], Claim] = {}
    speakers: dict[tuple[str, int], list[str]] = {}  # a joint statement: every actor it is credited to
    for c in claims:
        key = (c.doc_id, c.sent_start)
        if key in evidence.actor_passages:
            unique.setdefault(key, c)
            if c.actor not in speakers.setdefault(key, []):
                speakers[key].append(c.actor)

    def closeness(c: Claim) -> tuple[int, str]:
        p = evidence.actor_passages[(c.doc_id, c.sent_start)]
        return len(query.topic_terms & set(terms(p.slice(c.sent_start, c.sent_end)))), c.when

    def of(c: Claim) -> list[str]:
        return speakers[(c.doc_id, c.sent_start)]

    closest = sorted(unique.values(), key=closeness, reverse=True)
    picked = closest[:limit + 2]
    # with several persons asked about, each one's closest statement first: "What did Koval and Brandt
    # pledge?" quotes both, however many pledges Koval has (it quoted Koval's three, Brandt's none)
    firsts = [next(c for c in closest if a in of(c)) for a in query.actors if any(a in of(c) for c in closest)
              ] if len(query.actors) > 1 else []
    chosen: list[tuple[Claim, Citation]] = []
    ordered = firsts + [c for c in sorted(picked, key=lambda c: (c.when, c.doc_id, c.sent_start)) if c not in firsts]
    for c in ordered:
        passage = evidence.actor_passages[(c.doc_id, c.sent_start)]
        cite = Citation.of(0, passage, *claim_sentence(c, passage), speaker=" and ".join(of(c)),
                           statement_date=c.date, copies=evidence.copies.get(c.doc_id, ()))
        if not any(cite.repeats(earlier) for _, earlier in chosen):  # (a near-duplicate copy's: quoted once)
            chosen.append((c, cite))
        if len(chosen) >= limit:
            break
    citations: list[Citation] = []
    parts = [lead] if lead else []
    for c, cite in sorted(chosen, key=lambda pair: (pair[0].when, pair[0].doc_id, pair[0].sent_start)):
        cite.n = len(citations) + 1
        citations.append(cite)
        passage = evidence.actor_passages[(c.doc_id, c.sent_start)]
        # (another state's speech telling what they said is its account, not their words: "President Macron of
        # France expressed genuine concern ..." in Russia's speech)
        told = speech_state_of(passage.title, passage.source) if hearsay(c, passage.title, passage.source) else None
        account = f", as {told}'s UN speech tells it" if told else ""
        # (a UN speech's sentence always shows its speaker, whether or not it names them: "my country Ethiopia")
        what = f" ({cite.speaker}, {PAST.get(c.kind, c.kind)}{account})" if label_kind else "" if any(
            mentions(cite.quote.lower(), w) for w in of(c)) and not told and not speech_state_of(
            passage.title, passage.source) else f" ({cite.speaker}{account})"
        # ('..., she said': who she is)
        parts.append(f"{c.when[:10] or 'Undated'}{what}: {cite.shown} [{cite.n}]")
    if not citations:
        return None
    shown = {" ".join(c.quote.split()) for c in citations}
    more = len({" ".join(evidence.actor_passages[k].slice(*claim_sentence(c, evidence.actor_passages[k])).split())
                for k, c in unique.items()} - shown)
    if more and not abstained and query.kind in PAST and len(query.actors) == 1:
        # "What did Koval pledge?" quotes the closest few: say how many more there are, and where.
        noun = {"position": "statement"}.get(query.kind or "", query.kind)
        parts.append(f"({more} more {noun}{'s' if more > 1 else ''} by {query.actors[0]} in the index: the "
                     f"Positions tab, or attache positions \"{query.actors[0]}\" --kind {query.kind}.)")
    return Answer(query.question, " ".join(parts), abstained, citations=citations, passages=evidence.passages)
