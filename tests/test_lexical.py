"""The tantivy lexical index follows the catalog: built by ingestion, updated by each ingestion
and deletion, never trusted while behind (searches then rank with FTS5 and still find every
ready document), rebuilt whole when missing or unreadable, and seen by other readers of the
store. Real stores of the bundled samples, the real model."""
import shutil

import pytest
from conftest import SAMPLES

from assistant import Assistant
from index.filtering import Bounds
from index.lexical import LEXICAL_DIR, STATE_FILE
from index.models import Filters

FIRST = sorted(p for p in SAMPLES.glob("*.md"))[:4]
OTHER = sorted(p for p in SAMPLES.glob("*.md"))[7]  # the grain pledge


def generations(a):
    cat = a.store.catalog
    return int(cat.db.execute("SELECT value FROM info WHERE key='lexical_gen'").fetchone()[0]), cat.lexical.generation()


def tantivy_answers(a, query="grain pledge") -> bool:
    cat = a.store.catalog
    gen = generations(a)[0]
    return cat.lexical.search([query], 5, gen) is not None


def docs_found(a, query: str, k: int = 20) -> set[str]:
    ids = [c for c, _ in a.store.search_lexical(query, k)]
    return {p.doc_id for p in a.store.passages(ids)}


@pytest.fixture()
def small(tmp_path):
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest(FIRST).ok
    return a


def test_ingestion_builds_and_updates_the_index_and_deletion_removes(small, tmp_path):
    a = small
    gen, have = generations(a)
    assert have == gen and tantivy_answers(a)
    assert (tmp_path / "store" / LEXICAL_DIR / STATE_FILE).exists()
    before = docs_found(a, "Veloria grain pledge Calderra wheat")
    rep = a.ingest([OTHER])
    assert rep.added == 1
    gen2, have2 = generations(a)
    assert gen2 > gen and have2 == gen2 and tantivy_answers(a)
    new = rep.doc_ids[0]
    assert new not in before and new in docs_found(a, "Veloria grain pledge Calderra wheat")
    a.delete(new)
    gen3, have3 = generations(a)
    assert gen3 > gen2 and have3 == gen3
    assert new not in docs_found(a, "Veloria grain pledge Calderra wheat")
    # the index holds no row of the deleted document (not only hidden by the catalog join)
    hits = a.store.catalog.lexical.search(["Veloria", "grain", "pledge"], 100, gen3)
    assert hits is not None and new not in {h[4] for h in hits}


def test_an_index_behind_the_catalog_is_not_used_and_search_still_finds_everything(small, monkeypatch):
    a = small
    monkeypatch.setattr(a.store, "sync_lexical", lambda announce=False: "skipped")  # as if a crash came first
    rep = a.ingest([OTHER])
    new = rep.doc_ids[0]
    gen, have = generations(a)
    assert have is not None and have < gen and not tantivy_answers(a)
    assert new in docs_found(a, "Veloria grain pledge Calderra wheat")  # FTS5 ranks meanwhile
    monkeypatch.undo()
    assert a.store.sync_lexical() == "updated"
    assert tantivy_answers(a) and new in docs_found(a, "Veloria grain pledge Calderra wheat")


def test_a_missing_or_broken_index_is_rebuilt_whole(small, tmp_path):
    a = small
    folder = tmp_path / "store" / LEXICAL_DIR
    want = docs_found(a, "sanctions relief talks")
    shutil.rmtree(folder)
    assert not tantivy_answers(a) and docs_found(a, "sanctions relief talks")
    assert a.store.sync_lexical() == "rebuilt" and tantivy_answers(a)
    assert docs_found(a, "sanctions relief talks") == want
    (folder / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert not tantivy_answers(a)
    assert a.store.sync_lexical() == "rebuilt" and tantivy_answers(a)
    for part in list(folder.glob("*.term")) + list(folder.glob("*.idx")):  # a segment damaged, state intact
        part.unlink()
    reader = Assistant.open(store=tmp_path / "store")
    assert not tantivy_answers(reader) and docs_found(reader, "sanctions relief talks") == want
    assert a.store.sync_lexical() == "rebuilt" and tantivy_answers(a)
    assert not list(folder.parent.glob(f"{LEXICAL_DIR}.*"))  # no building or old copies left


def test_another_reader_of_the_store_sees_the_update(small, tmp_path):
    reader = Assistant.open(store=tmp_path / "store")
    assert tantivy_answers(reader)
    rep = small.ingest([OTHER])
    assert tantivy_answers(reader)  # reopened at the new generation
    assert rep.doc_ids[0] in docs_found(reader, "Veloria grain pledge Calderra wheat")


def test_filtered_rankings_are_exact(samples_store):
    a, _ = samples_store
    cat = a.store.catalog
    gen = generations(a)[0]
    docs = a.store.documents()
    sources = sorted({d.source for d in docs if d.source})
    days = sorted({d.published[:10] for d in docs if d.published})
    filters = [Filters(sources=[sources[0]]), Filters(sources=[sources[1].upper(), sources[2]]),
               Filters(since=days[2]), Filters(until=days[1]), Filters(doc_ids=[docs[0].doc_id, docs[3].doc_id]),
               Filters(sources=[sources[0]], since=days[-1]), Filters(sources=["No Such Outlet"])]
    for q in ("sanctions relief talks", "grain pledge", "naval drills straits"):
        everything = cat.lexical.search([q], 10_000, gen)
        assert everything
        for f in filters:
            b = Bounds.of(f)
            want = [h[0] for h in everything if b.admits(h[2], h[3], h[4])][:5]
            got = [c for c, _ in cat.search_lexical(q, 5, f)]
            assert got == want, (q, f)
        assert any(cat.search_lexical(q, 5, f) for f in filters[:-1])
        assert cat.search_lexical(q, 5, filters[-1]) == []


def test_a_word_only_keyword_search_knows_is_found_first(tmp_path):
    """A made-up word only one new article holds: keyword search ranks it first, dense ranks
    unrelated chunks first; the tie of the two list heads goes to the chunk holding the word
    (it went to the dense one, reported as a stale index by a new-user pass)."""
    new = tmp_path / "frobnitz.md"
    new.write_text("---\ntitle: Frobnitz deal\nsource: Test Wire\npublished: 2026-09-04\n---\n"
                   "Rain fell across the northern valleys for a third day. Farmers said the harvest would be late. "
                   "Schools in the coastal towns stayed closed. The frobnitz clause was signed on Thursday. "
                   "Ferries resumed on Friday morning. Grain prices rose in the markets of the capital.\n",
                   encoding="utf-8")
    small = Assistant.open(store=tmp_path / "store", create=True)
    assert small.ingest([SAMPLES]).ok
    doc_id = small.ingest([new]).doc_ids[0]
    vec = small.embedder.embed_one("frobnitz")
    new_chunks = {c.chunk_id for c in small.store.chunks_of(doc_id)}
    dense = [c for c, _ in small.store.search_dense(vec, 60)]
    at = min(dense.index(c) for c in new_chunks)
    assert at >= 1  # dense ranks another chunk first
    small.retriever.config.candidates = at  # any chunk is among 60 of this small store: keep dense without it
    assert small.store.search_lexical("frobnitz", at)[0][0] in new_chunks  # keyword search ranks it first
    assert [p.doc_id for p in small.search("frobnitz", k=1, rerank=False)] == [doc_id]
