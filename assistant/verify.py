"""Citation verification: every sentence of a generated answer backed by a verbatim quote.

This is the product's central promise for generated answers. ``verify_answer`` checks an
LLM's reply against the passages it was shown: markers pointing at no passage are removed,
sentences the cited passages do not support are dropped, unmarked sentences are attributed to
a passage that supports them or dropped, and each citation is resolved to the exact passage
sentence(s) that best support it, with article offsets.

Support is lexical: the share of an answer sentence's content stems (``index.text.prefix_stem``,
``SUPPORT_STOPWORDS`` ignored) found in a window of one to three passage sentences, plus the
passage's outlet and date; names and numbers must all appear in the cited passages.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from index.models import Document, Passage
from index.text import MONTHS, SUPPORT_STOPWORDS, Span, prefix_stem, split_sentences

from .models import ABSTAIN_TEXT, Citation
from .support import is_instruction

# Share of an answer sentence's content words that the cited passage sentence(s) must contain.
# Calibrated on paraphrases and fabrications of real articles (see tests/test_llm.py):
# faithful paraphrases score 0.7-1.0; sentences that graft invented facts onto real names
# ("Putin pledged to send troops to Iran") score 0.4-0.6.
SUPPORT_THRESHOLD = 0.65
# With several markers, a cited passage counts only if it carries this share on its own.
PART_THRESHOLD = 0.3
WINDOW_PENALTY = 0.05  # per extra sentence in a quote: prefer the shortest quote that supports
MAX_WINDOW = 3

_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}
_WORD = re.compile(r"[^\W_]+")
_MARKER_GROUP = re.compile(r"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")
# Markers placed after the full stop ("... stable. [1]") belong to the sentence before them.
_MARKERS_AFTER_STOP = re.compile(r"([.!?]+[\"'”’)]*)((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")


def _normal_token(word: str) -> str:
    w = word.lower()
    w = _NUMBER_WORDS.get(w, w)
    if w[0].isdigit():
        return re.sub(r"(?<=\d)(st|nd|rd|th)$", "", w)  # 38th -> 38
    return w


def _tokens(text: str) -> list[str]:
    return [_normal_token(w) for w in _WORD.findall(text.replace("’", "'"))]


def _content_stems(text: str) -> set[str]:
    return {prefix_stem(t) for t in _tokens(text) if (len(t) > 1 or t.isdigit()) and t not in SUPPORT_STOPWORDS}


def _names_and_numbers(text: str) -> tuple[set[str], set[str]]:
    """Capitalised words (except the sentence's first word) and numbers of an answer sentence."""
    names, numbers = set(), set()
    for i, m in enumerate(_WORD.finditer(text.replace("’", "'"))):
        word = m.group()
        token = _normal_token(word)
        if token[0].isdigit():
            numbers.add(token)
        elif i > 0 and word[0].isupper() and len(word) > 1 and token not in SUPPORT_STOPWORDS:
            names.add(token)
    return names, numbers


def _meta_tokens(p: Passage) -> set[str]:
    """Words a sentence may take from the passage header: outlet and publication date."""
    tokens = set(_tokens(p.source))
    try:
        day = _dt.date.fromisoformat(p.published[:10])
    except ValueError:
        return tokens
    return tokens | {
        str(day.year), str(day.month), f"{day.month:02d}", str(day.day), f"{day.day:02d}",
        MONTHS[day.month - 1], day.strftime("%A").lower(),
    }


def _names_supported(names: set[str], numbers: set[str], allowed: set[str]) -> bool:
    if not numbers <= allowed:
        return False
    # A name may be a prefix of a passage word (Iran/Iranian, Korea/Korean) but short names
    # (UN, Xi) must match exactly.
    return all(n in allowed or (len(n) >= 4 and any(t.startswith(n) for t in allowed)) for n in names)


@dataclass
class _Support:
    passage: int  # index into passages
    coverage: float  # share of the answer sentence's content stems found in the window
    stems: set[str]  # content stems of the window (plus header words)
    span: Span  # window, local to passage.text


def _best_window(sentence_stems: set[str], p_index: int, p: Passage, meta: set[str]) -> _Support | None:
    sents = split_sentences(p.text)
    planted = [is_instruction(p.text[s.start : s.end]) for s in sents]  # never evidence (prompt injection)
    meta_stems = {prefix_stem(t) for t in meta}
    best: tuple[float, _Support] | None = None
    for i in range(len(sents)):
        for size in range(1, MAX_WINDOW + 1):
            if i + size > len(sents) or planted[i + size - 1]:
                break
            span = Span(sents[i].start, sents[i + size - 1].end)
            stems = _content_stems(p.text[span.start : span.end]) | meta_stems
            coverage = len(sentence_stems & stems) / len(sentence_stems)
            score = coverage - WINDOW_PENALTY * (size - 1)
            if best is None or score > best[0]:  # strict: ties keep the earlier, shorter window
                best = (score, _Support(p_index, coverage, stems, span))
    return best[1] if best else None


def _supports(text: str, cited: list[int], passages: list[Passage]) -> list[_Support] | None:
    """The windows of ``cited`` passages that jointly support ``text``, or None.

    Passages are taken best first, each only if it covers enough of the sentence on its own
    and adds words the ones before did not: a superfluous or wrong extra marker is dropped
    while the sentence stays.
    """
    stems = _content_stems(text)
    if not stems:
        return None
    names, numbers = _names_and_numbers(text)
    windows = [_best_window(stems, i, passages[i], _meta_tokens(passages[i])) for i in cited]
    found: list[_Support] = []
    allowed: set[str] = set()
    covered: set[str] = set()
    for support in sorted((w for w in windows if w), key=lambda w: -w.coverage):
        new = (stems & support.stems) - covered
        if support.coverage < PART_THRESHOLD or not new:
            continue
        found.append(support)
        covered |= new
        allowed |= set(_tokens(passages[support.passage].text)) | _meta_tokens(passages[support.passage])
    if len(covered) / len(stems) < SUPPORT_THRESHOLD or not _names_supported(names, numbers, allowed):
        return None
    return sorted(found, key=lambda w: cited.index(w.passage))  # the reply's marker order


def _split_reply(raw: str, n_passages: int) -> list[tuple[str, list[int]]]:
    """Sentences of the reply as (text without markers, cited passage indexes)."""
    text = _MARKERS_AFTER_STOP.sub(r"\2\1", raw)
    out = []
    for span in split_sentences(text):
        sentence = text[span.start : span.end]
        cited: list[int] = []
        for group in _MARKER_GROUP.findall(sentence):
            for n in map(int, re.findall(r"\d+", group)):
                if 1 <= n <= n_passages and n - 1 not in cited:  # markers to no passage are dropped
                    cited.append(n - 1)
        clean = strip_markers(sentence)
        clean = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", clean)  # list bullets the model added anyway
        if clean:
            out.append((clean, cited))
    return out


def strip_markers(text: str) -> str:
    """The text without its ``[n]`` citation markers (and the spaces they leave)."""
    text = _MARKER_GROUP.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return " ".join(text.split())


def _is_abstention(text: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.sub(r"[^a-z ]", " ", strip_markers(s).lower()).split())

    return norm(text) == norm(ABSTAIN_TEXT)


def _with_markers(sentence: str, numbers: list[int]) -> str:
    marks = "".join(f"[{n}]" for n in numbers)
    m = re.search(r"[.!?]+$", sentence)
    if m:  # "... stable [1]." keeps the full stop last
        return f"{sentence[: m.start()]} {marks}{m.group()}"
    return f"{sentence} {marks}"


def verify_answer(raw: str, passages: list[Passage], question: str,
                  copies: dict[str, list[Document]] | None = None) -> tuple[str, list[Citation], bool]:
    """Check an LLM reply against the passages it was given.

    Returns (answer text, citations, abstained). Markers to missing passages are removed;
    sentences the cited passages do not support are dropped; unmarked sentences are
    attributed to a passage that supports them or dropped; each citation is the exact
    passage sentence(s) that best support its sentence, with article offsets; citations are
    renumbered 1..k in order of first appearance. Nothing left, or an abstention reply,
    gives (ABSTAIN_TEXT, [], True). ``question`` is accepted for future checks of relevance.
    ``copies`` (``Evidence.copies``): a quote from a near-duplicate copy of an article already
    cited with the same sentence takes the earlier citation's number (listed in its ``also_in``).
    """
    copies = copies or {}
    if _is_abstention(raw):
        return ABSTAIN_TEXT, [], True
    citations: list[Citation] = []
    number_of: dict[tuple[str, int, int], int] = {}
    kept: list[str] = []
    for text, cited in _split_reply(raw, len(passages)):
        if _is_abstention(text):
            continue
        if cited:
            supports = _supports(text, cited, passages)
        else:
            # No marker (or only invalid ones): attribute it to the best passage that supports it.
            candidates = [w for i in range(len(passages)) if (w := _supports(text, [i], passages))]
            supports = max(candidates, key=lambda found: found[0].coverage, default=None)
        if not supports:
            continue
        numbers: list[int] = []
        for support in supports:
            p = passages[support.passage]
            key = (p.doc_id, p.start + support.span.start, p.start + support.span.end)
            if key not in number_of:
                cite = Citation.of(len(citations) + 1, p, key[1], key[2], copies=copies.get(p.doc_id, ()))
                same = next((c for c in citations if cite.repeats(c)), None)
                if same is None:
                    citations.append(cite)
                number_of[key] = (same or cite).n
            if number_of[key] not in numbers:
                numbers.append(number_of[key])
        kept.append(_with_markers(text, numbers))
    if not kept:
        return ABSTAIN_TEXT, [], True
    return " ".join(kept), citations, False
