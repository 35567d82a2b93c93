"""Catalog versions: an older store is migrated on open with its data kept; a store written by a
newer attache, or built with another embedding model, is refused before anything is written."""
import hashlib
import sqlite3
import time
from pathlib import Path

import pytest

from index.catalog import _SCHEMA_V1, CATALOG_FILE, MIGRATIONS, SCHEMA_VERSION, Catalog
from index.errors import StoreError
from index.models import Filters

MODEL = "all-MiniLM-L6-v2"


def make_v1(folder: Path, model: str = MODEL, schema: str = "1") -> Path:
    """A catalog exactly as the first released layout wrote it, with one ready document."""
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / CATALOG_FILE)
    db.executescript(_SCHEMA_V1)
    db.execute("INSERT INTO info VALUES ('schema', ?), ('embedding_model', ?)", (schema, model))
    db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               ("d1", "a.txt", "h", "Old title", "Old Wire", "2019-03-11", 20190311, "", "", "a.txt", "{}",
                "Velmor refused talks. It said so twice.", "ready", 1, time.time(), time.time()))
    cur = db.execute('INSERT INTO chunks (chunk_id, doc_id, seq, start, "end", text) VALUES (?,?,?,?,?,?)',
                     ("c1", "d1", 0, 0, 21, "Velmor refused talks."))
    db.execute("INSERT INTO chunks_fts (rowid, text, title) VALUES (?,?,?)", (cur.lastrowid, "Velmor refused talks.",
                                                                            "Old title"))
    db.execute("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               ("k1", "d1", "Velmor", "government", "Velmor", "", "refused", "rejection", 0, 0, 21,
                "talks", 0, 21, "[]", "2019-03-11"))
    db.commit()
    db.close()
    return folder / CATALOG_FILE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_old_catalog_is_migrated_with_its_data(tmp_path):
    make_v1(tmp_path / "store")
    cat = Catalog(tmp_path / "store", MODEL)
    try:
        assert cat.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0] > 1
        tables = {r[0] for r in cat.db.execute("SELECT name FROM sqlite_master")}
        assert {"claims_actor_lc", "documents_pub_day", "fingerprints", "near_duplicates"} <= tables
        assert [d.title for d in cat.documents()] == ["Old title"]
        assert [c for c, _ in cat.search_lexical("refused talks", 5)] == ["c1"]
        assert [k.actor for k in cat.claims(actors=["velmor"])] == ["Velmor"]
        assert [d.doc_id for d in cat.documents(Filters(since="2019", until="2019-03"))] == ["d1"]
    finally:
        cat.close()
    again = Catalog(tmp_path / "store", MODEL)  # opening a current catalog changes nothing
    assert again.schema_version() == SCHEMA_VERSION
    again.close()


@pytest.mark.parametrize("model,schema,message", [
    (MODEL, "99", "newer attache"),
    ("some-other-model", "1", "built with some-other-model"),
])
def test_a_catalog_it_cannot_read_is_refused_untouched(tmp_path, model, schema, message):
    path = make_v1(tmp_path / "store", model=model, schema=schema)
    before = digest(path)
    with pytest.raises(StoreError, match=message):
        Catalog(tmp_path / "store", MODEL)
    assert digest(path) == before  # nothing written, not even a journal mode change


def test_a_file_that_is_not_a_catalog_is_a_clear_error(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / CATALOG_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="catalog"):
        Catalog(tmp_path / "store", MODEL)


def test_an_actor_typed_two_ways_is_listed_once_with_its_commonest_type(tmp_path):
    """"Kishida" read as a person in two statements and as a government in one: one row of the
    actors listing, with three statements, as a person."""
    path = make_v1(tmp_path / "store")
    db = sqlite3.connect(path)
    for i, kind in enumerate(("person", "person", "government")):
        db.execute("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (f"k{i + 2}", "d1", "Kishida", kind, "Kishida", "", "said", "statement", 0, 0, 21,
                    "talks", 0, 21, "[]", f"2019-03-1{i + 1}"))
    db.commit()
    db.close()
    cat = Catalog(tmp_path / "store", MODEL)
    try:
        rows = [r for r in cat.actors() if r.actor == "Kishida"]
    finally:
        cat.close()
    assert len(rows) == 1, rows
    assert (rows[0].actor_type, rows[0].statements, rows[0].first, rows[0].last) == (
        "person", 3, "2019-03-11", "2019-03-13")


def test_an_actors_first_statement_date_skips_undated_articles(tmp_path):
    """From a new-user pass: China showed "3 articles,  – 2023" (and a blank "first" in the UI's
    Positions tab) because one of its articles had no date."""
    from assistant import Assistant

    (tmp_path / "old.md").write_text("---\ntitle: Talks\nsource: Wire\npublished: 2019-09-27\n---\n"
                                     "Lena Sorvik said the talks would resume in October.\n", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Lena Sorvik said the ceasefire must hold.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("---\ntitle: Aid\nsource: Wire\npublished: 2023-05-02\n---\n"
                                     "Lena Sorvik pledged 5 million crowns in aid.\n", encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([tmp_path / n for n in ("old.md", "undated.txt", "new.md")]).ok
    [row] = [r for r in a.actors() if r.actor == "Lena Sorvik"]
    assert (row.documents, row.first[:4], row.last[:4]) == (3, "2019", "2023"), row
