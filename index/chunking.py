"""Sentence segmentation with character offsets, and sentence-respecting chunking.

Chunks are runs of whole sentences within a size budget (the embedding model truncates at
256 word pieces, about 1,000 characters of news English), overlapping by whole sentences.
Every chunk records ``start``/``end`` so that ``text[start:end]`` is the chunk.
"""
from __future__ import annotations

from .models import Document, Passage, short_hash
from .text import Span, split_sentences


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


def chunk_article(article: Document, **kwargs) -> list[Passage]:
    """The article's chunks as ``Passage``s (with the article's metadata), in order."""
    doc_id = article.doc_id
    content = article.content_hash
    out = []
    for seq, span in enumerate(chunk_spans(article.text, **kwargs)):
        piece = article.text[span.start : span.end]
        out.append(
            Passage(
                chunk_id=short_hash("chunk", doc_id, content, str(seq), str(span.start)),
                doc_id=doc_id,
                seq=seq,
                start=span.start,
                end=span.end,
                text=piece,
                title=article.title,
                source=article.source,
                published=article.published,
                url=article.url,
            )
        )
    return out
