"""The offline answerer: picks the sentences that answer the question, keeps who said them, and
composes a short answer in which every sentence is a verbatim quote with an [n] marker.
Below a confidence threshold, or when the articles never mention what the question names, it
abstains. Deterministic: the same index and question give the same answer."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .models import Answer, Citation, Passage
from .rerank import ATTRIBUTION, Sentence, SentenceRanker, _mentions, named_entities, terms

ABSTAIN_TEXT = "The articles do not say."
# Words that say what kind of statement is asked for, not what it is about.
KIND_WORDS = set(terms("urge urged demand demanded call called ask asked want offer offered promise vow commit "
                       "react reaction respond do doing plan plans changed change shift evolved stance"))
CHANGE_QUESTION = re.compile(r"\b(chang\w*|evolv\w*|shift\w*|over time|timeline|since|used to|now)\b", re.I)
_PRONOUN_START = re.compile(r"^[“\"]?(they|he|she|we|it|its|their|his|her)\b", re.I)
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,4}\.? \d{1,2}\s+)?\([^)]{2,40}\)\s*(?:--|—|–)\s*")


@dataclass
class AnswerConfig:
    min_score: float = 0.38  # abstain below this (top sentence score)
    relative: float = 0.80  # further sentences must score within this share of the best
    max_sentences: int = 3
    max_sentences_change: int = 4
    redundancy: float = 0.90  # cosine above which a sentence repeats one already chosen


class ExtractiveAnswerer:
    def __init__(self, ranker: SentenceRanker, config: AnswerConfig | None = None):
        self.ranker = ranker
        self.config = config or AnswerConfig()

    def answer(self, question: str, passages: list[Passage], qvec=None,
               boosted: dict[tuple[str, int], str] | None = None,
               speakers: dict[tuple[str, int], list[str]] | None = None,
               outlets: list[str] | None = None) -> Answer:
        """``boosted`` maps (doc_id, sentence start) of sentences carrying matching claims to the
        claim's speaker; those sentences are preferred and credited to the speaker."""
        if not passages:
            return Answer(question, ABSTAIN_TEXT + " Nothing in the index matches the question.", True)
        missing = missing_names(question, passages, outlets or [])
        if missing:
            return Answer(question, f"{ABSTAIN_TEXT} They do not mention {', '.join(missing)}.", True,
                          passages=passages)
        ranked = self.ranker.rank(question, passages, qvec)
        boosted = boosted or {}
        for s in ranked:
            if (s.passage.doc_id, s.start) in boosted:
                s.score += 0.15
                s.parts["claim"] = boosted[(s.passage.doc_id, s.start)]
        ranked = sorted((s for s in ranked if covers_topic(question, s)), key=lambda s: -s.score)
        if not ranked or ranked[0].score < self.config.min_score:
            return Answer(question, ABSTAIN_TEXT, True, passages=passages)
        chosen = self.select(question, ranked)
        return self.compose(question, chosen, passages, speakers or {})

    def answer_timeline(self, question: str, claims: list[dict], passages: list[Passage]) -> Answer | None:
        """"How has X's stance on Y changed?": the actor's matching statements in date order,
        earliest, latest and up to two between, each quoted in its whole sentence."""
        by_sentence: dict[tuple[str, int], dict] = {}
        for c in claims:
            by_sentence.setdefault((c["doc_id"], c["sent_start"]), c)
        items = sorted(by_sentence.values(), key=lambda c: (c["date"] or c["published"], c["sent_start"]))
        if len(items) < 2:
            return None
        if len(items) > 4:
            picks = [0, len(items) // 3, (2 * len(items)) // 3, len(items) - 1]
            items = [items[i] for i in sorted(set(picks))]
        citations, parts = [], []
        for c in items:
            n = len(citations) + 1
            doc_passage = next((p for p in passages if p.doc_id == c["doc_id"]
                                and p.start <= c["sent_start"] and c["sent_end"] <= p.end), None)
            if doc_passage is None:
                continue
            quote = doc_passage.text[c["sent_start"] - doc_passage.start:c["sent_end"] - doc_passage.start]
            citations.append(Citation(n=n, doc_id=c["doc_id"], chunk_id=doc_passage.chunk_id, title=c["title"],
                                      source=c["source"], published=c["published"], url=c["url"] or "",
                                      quote=quote, start=c["sent_start"], end=c["sent_end"], speaker=c["actor"]))
            parts.append(f"{(c['date'] or c['published'])[:10]} ({c['actor']}, {c['kind']}): {quote} [{n}]")
        if len(citations) < 2:
            return None
        return Answer(question, " ".join(parts), False, citations=citations, passages=passages)

    def select(self, question: str, ranked: list[Sentence]) -> list[Sentence]:
        cfg = self.config
        change = bool(CHANGE_QUESTION.search(question))
        limit = cfg.max_sentences_change if change else cfg.max_sentences
        top = ranked[0].score
        chosen: list[Sentence] = [ranked[0]]
        for s in ranked[1:]:
            if len(chosen) >= limit:
                break
            if s.score < top * cfg.relative and not (change and s.passage.doc_id not in {c.passage.doc_id for c in chosen} and s.score >= top * (cfg.relative - 0.1)):
                continue
            if any(float(np.dot(s.vector, c.vector)) > cfg.redundancy for c in chosen):
                continue
            chosen.append(s)
        if change:
            chosen.sort(key=lambda s: (s.passage.published or "", s.passage.doc_id, s.start))
        return chosen

    def compose(self, question: str, chosen: list[Sentence], passages: list[Passage],
                speakers: dict[tuple[str, int], list[str]]) -> Answer:
        citations: list[Citation] = []
        parts: list[str] = []
        for s in chosen:
            start, end = quote_span(s)
            p = s.passage
            quote = p.text[start - p.start:end - p.start]
            n = len(citations) + 1
            who = speakers.get((p.doc_id, s.start)) or ([s.parts["claim"]] if s.parts.get("claim") else [])
            citations.append(Citation(n=n, doc_id=p.doc_id, chunk_id=p.chunk_id, title=p.title, source=p.source,
                                      published=p.published, url=p.url, quote=quote, start=start, end=end,
                                      speaker=" and ".join(who)))
            lead = ""
            if CHANGE_QUESTION.search(question) and p.published:
                lead = f"In {p.source or 'an article'} on {p.published[:10]}: " if p.source else f"On {p.published[:10]}: "
            if who and _PRONOUN_START.match(quote):
                # "They've also proposed ..." - say who "they" are, from the attributed claim.
                lead += f"({' and '.join(who)}) "
            parts.append(f"{lead}{quote} [{n}]")
        return Answer(question, " ".join(parts), False, citations=citations, passages=passages)


def quote_span(s: Sentence) -> tuple[int, int]:
    """The sentence, minus a leading dateline, plus the previous sentence when this one is an
    unattributed quotation continuing it (so the quote keeps who said it)."""
    p = s.passage
    local_start, local_end = s.start - p.start, s.end - p.start
    text = p.text
    m = _DATELINE.match(text[local_start:local_end])
    if m and local_start + m.end() < local_end:
        local_start += m.end()
    sentence = text[local_start:local_end]
    if sentence.lstrip().startswith(("“", '"')) and not ATTRIBUTION.search(sentence):
        para_start = text.rfind("\n", 0, local_start) + 1
        prev_end = local_start
        while prev_end > para_start and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end > para_start:
            from index.chunking import split_sentences

            prev = [sp for sp in split_sentences(text, para_start, prev_end)]
            if prev and ATTRIBUTION.search(text[prev[-1].start:prev[-1].end]):
                local_start = prev[-1].start
    return p.start + local_start, p.start + local_end


def missing_names(question: str, passages: list[Passage], outlets: list[str] = ()) -> list[str]:
    """Names in the question that no retrieved passage (text, title or outlet) mentions and
    that are not outlets in the index ("as reported by Fortune")."""
    hay = " ".join(f"{p.title} {p.source} {p.text}" for p in passages).lower() + " " + " ".join(outlets).lower()
    return [n for n in named_entities(question) if not _mentions(hay, n)]


def covers_topic(question: str, s: Sentence) -> bool:
    """The sentence shares at least one content word with the question beyond its names, or is
    very close to it in meaning (a paraphrase)."""
    names = {t for n in named_entities(question) for t in terms(n)}
    topic = set(terms(question)) - names - KIND_WORDS
    if not topic:
        return True
    return bool(topic & set(terms(s.text))) or s.parts.get("dense", 0) > 0.6
