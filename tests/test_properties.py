"""Property-based tests (hypothesis) of the sentence splitter, the chunker, the cleaner and
ingestion: for any text, offsets are exact, chunks cover the text in order, the cleaning report
points into the raw input, and ingesting the same files twice changes nothing.

Texts mix news-like sentences with the Unicode that breaks offset arithmetic: right-to-left
marks, zero-width joiners, combining accents, characters outside the BMP, CRLF line ends."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunking import chunk_spans
from index.cleaning import clean_text
from index.text import broken_at_blank_line, split_sentences, wraps

WORDS = ["Veloria", "Ostmark", "pledged", "said", "the", "talks", "U.S.", "Dr.", "sanctions", "on", "Tuesday",
         "“We will", "withdraw,”", "Zoë", "D’Souza", "São", "Paulo", "e\u0301", "\u200f", "\u200d", "👍🏽", "北京",
         "Share", "Image", "caption", "Listen", "Read", "more", "©", "2021", "By", "Published", "(Reuters)", "-"]
ENDS = [".", "!", "?", ".”", "", "...", "."]


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
    return " ".join(words) + draw(st.sampled_from(ENDS))


@st.composite
def texts(draw) -> str:
    paras = []
    for _ in range(draw(st.integers(1, 6))):
        sents = draw(st.lists(sentences(), min_size=1, max_size=6))
        glue = draw(st.sampled_from([" ", "  ", "", "\u00a0"]))  # "" makes glued sentences
        paras.append(glue.join(sents))
    noise = draw(st.text(alphabet=string.ascii_letters + string.punctuation + " \t", max_size=40))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]))
    return sep.join(paras) + draw(st.sampled_from(["", "\n", sep + noise]))


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(texts())
def test_sentences_are_exact_ordered_and_cover_every_visible_character(text):
    spans = split_sentences(text)
    prev_end = 0
    covered = bytearray(len(text))
    for s in spans:
        assert prev_end <= s.start < s.end <= len(text)
        piece = text[s.start:s.end]
        assert piece == piece.strip()
        for i in (j for j in range(s.start, s.end) if text[j] == "\n"):
            # only a hard-wrapped sentence, or one broken by a blank line before a lower-case word, spans lines
            run = i
            while text[run - 1].isspace():
                run -= 1
            first = text.index("\n", run)  # the line break ending the line before
            ws_end = first
            while text[ws_end].isspace():
                ws_end += 1
            after = text.rindex("\n", first, ws_end) + 1  # the start of the next line
            assert (wraps(text, text.rfind("\n", 0, first) + 1, first) if first + 1 == after
                    else broken_at_blank_line(text, first, after)), (piece, i)
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        prev_end = s.end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


@COMMON
@given(texts(), st.integers(120, 900))
def test_chunks_cover_the_text_in_order_on_sentence_boundaries(text, target):
    sents = split_sentences(text)
    chunks = chunk_spans(text, max_chars=max(target + 200, 300), target_chars=target)
    if not sents:
        assert chunks == []
        return
    starts = {s.start for s in sents}
    ends = {s.end for s in sents}
    assert [c.start for c in chunks] == sorted({c.start for c in chunks})  # strictly increasing
    for c in chunks:
        assert c.start in starts and c.end in ends  # whole sentences only
    for s in sents:  # every sentence is inside some chunk
        assert any(c.start <= s.start and s.end <= c.end for c in chunks)
    for a, b in zip(chunks, chunks[1:]):  # no gap: the next chunk starts at or before the previous end's next sentence
        gap = text[a.end:b.start]
        assert b.start <= a.end or not gap.strip()


@COMMON
@given(texts())
def test_cleaning_report_points_into_the_raw_input(text):
    cleaned, meta = clean_text(text)
    for r in meta.get("removed", []):
        if r["start"] >= 0:
            assert text[r["start"]:r["end"]] == r["text"], r
    assert "\r" not in cleaned or "\r" in text


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from assistant import Assistant

    return Assistant.open(store=tmp_path_factory.mktemp("prop") / "store", create=True, extract_claims=False)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.lists(texts(), min_size=1, max_size=3))
def test_ingestion_is_idempotent_and_offsets_exact(assistant, tmp_path_factory, bodies):
    folder = tmp_path_factory.mktemp("docs")
    for i, body in enumerate(bodies):
        (folder / f"doc{i}.txt").write_text(f"Headline number {i}\n\n{body}\n", encoding="utf-8")
    first = assistant.ingest([folder])
    again = assistant.ingest([folder])
    assert again.added == 0 and again.updated == 0 and again.failed == first.failed
    assert again.unchanged + len(again.duplicates) == first.added + first.updated + first.unchanged + \
        len(first.duplicates)
    for doc_id in first.doc_ids:
        doc = assistant.document(doc_id)
        for p in assistant.store.chunks_of(doc_id):
            assert doc.text[p.start:p.end] == p.text
