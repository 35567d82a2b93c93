"""The batched rankings behind hybrid retrieval give exactly what one ranking at a time gives:
dense rankings sharing a Chroma query (a filter resolved to ids, or Chroma's own ``where``),
lexical rankings of one text sharing a BM25 pool (or ranking inside the filter when the pool
holds too few), and the retriever's fusion of the groups. Real store: the bundled samples."""
import pytest

import index.catalog as catalog_mod
import index.store as store_mod
from assistant.retrieval import HybridRetriever, Ranking
from index.filtering import Bounds
from index.models import Filters

QUESTIONS = [
    "What did Ostmark say about sanctions relief talks?",
    "Veloria grain pledge to Calderra",
    "naval drills in the straits",
    "pipeline gas dispute Aster",
]


@pytest.fixture(scope="module")
def store(samples_store):
    a, _ = samples_store
    return a


def filters_of(a) -> list[Filters | None]:
    docs = a.store.documents()
    sources = sorted({d.source for d in docs if d.source})
    days = sorted({d.published[:10] for d in docs if d.published})
    assert len(sources) >= 3 and len(days) >= 3
    return [None, Filters(sources=[sources[0]]), Filters(sources=[sources[1].upper(), sources[2]]),
            Filters(since=days[1], until=days[1]), Filters(since=days[2]), Filters(until=days[1]),
            Filters(doc_ids=[docs[0].doc_id, docs[3].doc_id]), Filters(sources=[sources[0]], since=days[-1]),
            Filters(sources=["No Such Outlet"])]


def test_bounds_admit_what_the_catalog_filter_admits(store):
    cat = store.store.catalog
    rows = cat.db.execute("SELECT doc_id, lower(source), pub_day FROM documents WHERE state='ready'").fetchall()
    for f in filters_of(store):
        where, args = cat.filter_sql(f)
        in_sql = {r[0] for r in cat.db.execute(f"SELECT doc_id FROM documents d WHERE {where}", args)}
        b = Bounds.of(f)
        assert {r[0] for r in rows if b.admits(r[1] or "", r[2] or 0, r[0])} == in_sql, f
    assert not Bounds().restricts and Bounds.of(Filters(since="2025")).restricts


def test_lexical_rankings_from_one_pool_equal_each_filter_ranked_alone(store, monkeypatch):
    """The FTS5 path (taken while the tantivy index is behind the catalog)."""
    cat, fs = store.store.catalog, filters_of(store)
    for q in QUESTIONS:
        monkeypatch.setattr(cat.lexical, "search", lambda *a, **kw: None)
        shared = cat.search_lexical_many(q, 5, fs)
        monkeypatch.setattr(catalog_mod, "LEXICAL_POOL", 1)  # a pool of k: nearly every filter ranks alone
        monkeypatch.setattr(catalog_mod, "LEXICAL_SHARED_POOL", 1)
        alone = [cat.search_lexical(q, 5, f) for f in fs]
        # pooled: each filter keeps only what the (now tiny) shared pool holds
        pooled = cat.search_lexical_many(q, 5, fs, [True] * len(fs))
        pool = cat.search_lexical_many(q, 5, [None])[0]
        monkeypatch.undo()
        monkeypatch.setattr(cat.lexical, "search", lambda *a, **kw: None)
        assert [[c for c, _ in r] for r in shared] == [[c for c, _ in r] for r in alone], q
        assert any(shared[1:-1]) and shared[-1] == []
        assert pooled[0] == alone[0] and all(set(r) <= set(pool) for r in pooled), q
        assert sum(map(len, pooled)) < sum(map(len, alone))
        monkeypatch.undo()


def test_dense_rankings_by_ids_equal_chromas_where(store, monkeypatch):
    s, fs = store.store, filters_of(store)
    vecs = [store.embedder.embed_one(q) for q in QUESTIONS]
    for f in fs:
        by_ids = s.search_dense_many(vecs, 5, f)
        monkeypatch.setattr(store_mod, "DENSE_ID_LIMIT", 0)  # every filter through Chroma's where
        by_where = s.search_dense_many(vecs, 5, f)
        one_by_one = [s.search_dense(v, 5, f) for v in vecs]
        monkeypatch.undo()
        assert [[c for c, _ in r] for r in by_ids] == [[c for c, _ in r] for r in by_where], f
        assert [[c for c, _ in r] for r in by_ids] == [[c for c, _ in r] for r in one_by_one], f
        for a, b in zip(by_ids, by_where):
            assert [round(x, 4) for _, x in a] == [round(x, 4) for _, x in b]
    assert s.search_dense_many(vecs, 5, fs[-1]) == [[] for _ in vecs]


def test_fusion_of_grouped_rankings_equals_ranking_each_job_alone(store):
    r, fs = HybridRetriever(store.store), filters_of(store)
    jobs = [Ranking(q, store.embedder.embed_one(q), f, w)
            for q in QUESTIONS[:2] for f, w in zip(fs[:4], (1.0, 2.0, 2.0, 0.5))]
    cfg = r.config
    want: dict[str, float] = {}
    for text, vec, f, w in ((j.text, j.vector, j.filters, j.weight) for j in jobs):
        for rank, (cid, _) in enumerate(store.store.search_dense(vec, cfg.candidates, f)):
            want[cid] = want.get(cid, 0.0) + w * cfg.dense_weight / (cfg.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(store.store.search_lexical(text, cfg.candidates, f)):
            want[cid] = want.get(cid, 0.0) + w * cfg.lexical_weight / (cfg.rrf_k + rank + 1)
    got = r._fuse_all(jobs)
    assert set(got) == set(want) and all(abs(got[c] - want[c]) < 1e-9 for c in want)


def test_pooled_rankings_take_the_dense_candidates_of_their_base_inside_their_filter(store):
    r, fs = HybridRetriever(store.store), filters_of(store)
    cfg = r.config
    q = QUESTIONS[0]
    vec = store.embedder.embed_one(q)
    jobs = [Ranking(q, vec, Filters(), 1.0)] + [Ranking(q, vec, f, 2.0, pooled=True, pool_of=0) for f in fs[1:4]]
    got = r._fuse_all(jobs)
    base = store.store.search_dense(vec, max(cfg.candidates, cfg.dense_pool))
    bounds = store.store.chunk_bounds([c for c, _ in base])
    want: dict[str, float] = {}
    for job in jobs:
        b = Bounds.of(job.filters)
        dense = [c for c, _ in base if b.admits(*bounds[c])][:cfg.candidates]
        for rank, cid in enumerate(dense):
            want[cid] = want.get(cid, 0.0) + job.weight * cfg.dense_weight / (cfg.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(store.store.search_lexical(q, cfg.candidates, job.filters)):
            want[cid] = want.get(cid, 0.0) + job.weight * cfg.lexical_weight / (cfg.rrf_k + rank + 1)
    assert any(Bounds.of(j.filters).restricts for j in jobs[1:])
    assert set(got) == set(want) and all(abs(got[c] - want[c]) < 1e-9 for c in want)


def test_frequent_query_words_are_left_out_of_bm25(store, monkeypatch):
    """FTS5's ranking (tantivy's block-max WAND needs no such cut)."""
    cat = store.store.catalog
    n = cat.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    monkeypatch.setattr(catalog_mod, "LEXICAL_MIN_DF", 0)
    monkeypatch.setattr(catalog_mod, "LEXICAL_MAX_DF", 5.5 / n)  # words in more than 5 chunks are frequent
    df = {t: cat.db.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", [t]).fetchone()[0]
          for t in ('"ostmark"', '"said"', '"pipeline"', '"freeze"')}
    frequent = [t for t, d in df.items() if d > 5]
    rare = [t for t, d in df.items() if 0 < d <= 5]
    assert frequent and rare, df
    assert cat._selective(list(df)) == [t for t in df if t not in frequent]
    assert cat._selective(frequent) == frequent  # all frequent: keep them rather than search nothing
    monkeypatch.setattr(catalog_mod, "LEXICAL_MAX_DF", 0)
    assert cat._selective(list(df)) == list(df)
