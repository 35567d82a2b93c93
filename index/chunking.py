"""Sentence segmentation with character offsets, and sentence-respecting chunking.

Chunks are runs of whole sentences within a size budget (the embedding model truncates at
256 word pieces, about 1,000 characters of news English), overlapping by whole sentences.
Every chunk records ``start``/``end`` so that ``text[start:end]`` is the chunk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Article, Chunk, short_hash

# Words that end with a period without ending a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "v", "etc", "inc", "corp",
    "ltd", "co", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "e.g", "i.e", "approx", "dept", "est", "fig", "op", "rev", "hon", "amb", "cf",
}
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "U.N"
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``, trimmed of whitespace.

    Lines are never joined: a headline, a caption or a dateline is its own unit.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        cur = ls
        for m in _BOUNDARY.finditer(text, ls, le):
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
                continue
            spans.append(Span(cur, m.end()))
            cur = m.end()
        spans.append(Span(cur, le))
    out = []
    for s in spans:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return out


def chunk_spans(
    text: str, max_chars: int = 900, target_chars: int = 600, overlap_sentences: int = 1
) -> list[Span]:
    """Group sentences into chunks of about ``target_chars`` (never over ``max_chars`` unless
    a single sentence is longer), overlapping by ``overlap_sentences`` whole sentences.
    A chunk does not start a new paragraph's first sentence in the middle of its budget when
    the budget is already mostly used."""
    sents = split_sentences(text)
    if not sents:
        return []
    chunks: list[Span] = []
    i = 0
    n = len(sents)
    while i < n:
        j = i
        size = 0
        while j < n:
            new_size = sents[j].end - sents[i].start
            if j > i and new_size > max_chars:
                break
            size = new_size
            j += 1
            if size >= target_chars:
                break
        chunks.append(Span(sents[i].start, sents[j - 1].end))
        if j >= n:
            break
        # Overlap: start the next chunk a few sentences back, but always move forward.
        i = max(i + 1, j - overlap_sentences)
    return chunks


def chunk_article(article: Article, **kwargs) -> list[Chunk]:
    doc_id = article.doc_id
    content = article.content_hash
    out = []
    for seq, span in enumerate(chunk_spans(article.text, **kwargs)):
        piece = article.text[span.start : span.end]
        out.append(
            Chunk(
                chunk_id=short_hash("chunk", doc_id, content, str(seq), str(span.start)),
                doc_id=doc_id,
                seq=seq,
                start=span.start,
                end=span.end,
                text=piece,
            )
        )
    return out
