"""The SQLite catalog: documents, chunks, the FTS5 lexical index, claims, and each document's
state (``pending``, ``ready``, ``deleting``; see ``index.store`` for the protocol).

The catalog lives in ``<store>/catalog.sqlite3`` (WAL journal). Its layout is versioned:
``MIGRATIONS`` lists numbered steps, and opening an older catalog applies the missing steps in
order inside one transaction, then records the new number in ``info.schema``. A catalog
written by a newer attache (a number above ``SCHEMA_VERSION``) or with another embedding
model is refused with a ``StoreError`` before anything is written.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from .actors import ActorResolver, translit_key
from .errors import NotFound, StoreError
from .filtering import Bounds, pub_day, sql_lower
from .lexical import LexicalIndex
from .models import ActorSummary, Claim, Document, Filters, Passage
from .neardup import THRESHOLD, Fingerprint
from .text import fts_terms

#: A document's sentence vectors: (start offsets, end offsets, float array of shape (n, 384)).
SentenceVectors = tuple[Sequence[int], Sequence[int], np.ndarray]
TITLE_START = -1  # the "sentence" stored at offset -1 (start and end) of a document is its title
LEXICAL_POOL = 4  # search_lexical ranks the best k x this matches before applying filters
LEXICAL_SHARED_POOL = 1000  # ... or this many when filters restrict (see search_lexical_many)
#: search_lexical drops a query word found in more than this share of the chunks (and in more
#: than LEXICAL_MIN_DF of them): such words barely move BM25 yet cost most of its time.
LEXICAL_MAX_DF = 0.05
LEXICAL_MIN_DF = 1000

CATALOG_FILE = "catalog.sqlite3"

# Version 1: the first released layout (exactly as attache wrote it before migrations existed).
_SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, content_hash TEXT NOT NULL,
    title TEXT, source TEXT, published TEXT, pub_day INTEGER, url TEXT, author TEXT,
    path TEXT, meta TEXT, text TEXT NOT NULL, state TEXT NOT NULL,
    n_chunks INTEGER, added_at REAL, updated_at REAL);
CREATE INDEX IF NOT EXISTS documents_state ON documents(state);
CREATE TABLE IF NOT EXISTS chunks (
    rid INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
    seq INTEGER, start INTEGER, "end" INTEGER, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, title, tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, actor TEXT NOT NULL, actor_type TEXT,
    speaker TEXT, role TEXT, cue TEXT, kind TEXT, direct INTEGER, start INTEGER, "end" INTEGER,
    text TEXT, sent_start INTEGER, sent_end INTEGER, topics TEXT, date TEXT);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_actor ON claims(actor);
"""

# Version 2: indexes for what the reader queries actually filter on (checked with EXPLAIN
# QUERY PLAN; version 1 answered all of them by walking every ready document). Actors and
# outlets are compared lower-cased, so those are expression indexes on lower(...). On a
# synthetic 5,000-document / 50,000-claim catalog: claims of one actor 25 -> 0.5 ms,
# documents of a date range 2.6 -> 0.3 ms, of one outlet 2.7 -> 0.2 ms.
_SCHEMA_V2 = """
CREATE INDEX IF NOT EXISTS claims_actor_lc ON claims(lower(actor));
CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind);
CREATE INDEX IF NOT EXISTS documents_pub_day ON documents(pub_day);
CREATE INDEX IF NOT EXISTS documents_source_lc ON documents(lower(source));
CREATE INDEX IF NOT EXISTS chunks_doc_seq ON chunks(doc_id, seq);
DROP INDEX IF EXISTS chunks_doc;
DROP INDEX IF EXISTS claims_actor;
"""

# Version 3: near-duplicate detection (``index/neardup.py``). ``fingerprints`` holds each ready
# document's MinHash; ``fingerprint_bands`` its LSH band keys (the lookup of candidates is by
# key, indexed, so it does not grow with the index); ``near_duplicates`` the links, one row
# per direction, removed with either document.
_SCHEMA_V3 = """
CREATE TABLE IF NOT EXISTS fingerprints (doc_id TEXT PRIMARY KEY, minhash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS fingerprint_bands (key INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fingerprint_bands_key ON fingerprint_bands(key);
CREATE INDEX IF NOT EXISTS fingerprint_bands_doc ON fingerprint_bands(doc_id);
CREATE TABLE IF NOT EXISTS near_duplicates (
    doc_id TEXT NOT NULL, other TEXT NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (doc_id, other));
CREATE INDEX IF NOT EXISTS near_duplicates_other ON near_duplicates(other);
"""

# Version 4: sentence vectors computed at ingestion (float16, unit length), so re-ranking
# encodes only the question; chunk vectors are the normalised mean of their sentences'.
_SCHEMA_V4 = """
CREATE TABLE IF NOT EXISTS sentence_vectors (
    doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, vec BLOB NOT NULL,
    PRIMARY KEY (doc_id, start)) WITHOUT ROWID;
"""

# Version 5: the tantivy lexical index (``index/lexical.py``) follows the catalog. Each change
# to a document's chunks raises ``info.lexical_gen`` and notes the document in
# ``lexical_changes`` (with the generation), in the same transaction; the index syncs from there.
# ``documents_ready`` covers what joins of chunks to their documents read (state, day, outlet):
# those columns sit after the article text in the row, so reading them walked its overflow
# pages (300 documents' state at 100k chunks: 8 ms, 0.3 ms with the index).
_SCHEMA_V5 = """
CREATE INDEX IF NOT EXISTS documents_ready ON documents(doc_id, state, pub_day, source);
CREATE TABLE IF NOT EXISTS lexical_changes (doc_id TEXT PRIMARY KEY, gen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lexical_changes_gen ON lexical_changes(gen);
INSERT OR IGNORE INTO info VALUES ('lexical_gen', '1');
"""

Step = str | Callable[[sqlite3.Connection], None]

#: (version, step) in ascending order: a SQL script (statements run one by one) or a callable
#: given the connection. Each step brings the catalog from ``version - 1`` to ``version``; all
#: missing steps run in one transaction. Append, never edit a released step.
MIGRATIONS: list[tuple[int, Step]] = [
    (1, _SCHEMA_V1),
    (2, _SCHEMA_V2),
    (3, _SCHEMA_V3),
    (4, _SCHEMA_V4),
    (5, _SCHEMA_V5),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

_TABLE = ActorResolver()  # (the bodies the table knows: never merged into a person's row)


def _statements(script: str) -> list[str]:
    """Split a SQL script into complete statements (``executescript`` would COMMIT first)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]}")
    return out


def _while_locked(step: Callable[[], object], seconds: float = 30.0) -> object:
    """``step()``, tried again while SQLite says the database is locked, for up to ``seconds``:
    switching a new catalog to WAL needs it to itself, and SQLite does not wait for that (two
    ingests creating the same store at once: the second one failed "database is locked")."""
    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


class Catalog:
    """The SQLite side of a store, in ``folder/catalog.sqlite3`` (the folder must exist).

    Opening creates the catalog if the file is new and migrates an older one to
    ``SCHEMA_VERSION``. Raises ``StoreError`` when the file cannot be opened or is not a
    catalog, when it was written by a newer attache or built with another embedding model
    (in those two cases nothing is written), or when a migration fails (it is rolled back).

    Readers see only ``ready`` documents unless a method says otherwise. One connection is
    shared by threads (the web server's readers); writes are serialised by ``lock``. Lexical
    search, the costliest read, runs on a read-only connection per thread instead, so the
    rankings of one question (and the questions of several users) run side by side.
    """

    def __init__(self, folder: Path, embedding_model: str):
        self.folder = Path(folder)
        self.path = self.folder / CATALOG_FILE
        self.embedding_model = embedding_model
        self.lock = threading.RLock()
        self._local = threading.local()
        self.lexical = LexicalIndex(self.folder)
        self._readers: list[sqlite3.Connection] = []
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open catalog in {self.folder}: {e}") from None
        self.db.row_factory = sqlite3.Row
        try:
            info = self._read_info()
            self._check(info)  # read-only so far
            _while_locked(lambda: self.db.execute("PRAGMA journal_mode=WAL"))
            self.db.execute("PRAGMA synchronous=NORMAL")
            if self._version(info) < SCHEMA_VERSION:
                self._migrate()
        except BaseException as e:
            self.close()
            if isinstance(e, sqlite3.DatabaseError):
                raise StoreError(f"cannot read catalog {self.path}: {e}") from None
            raise

    # ------------------------------------------------------------------ schema
    def _read_info(self) -> dict[str, str]:
        has = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='info'").fetchone()
        return dict(self.db.execute("SELECT key, value FROM info").fetchall()) if has else {}

    @staticmethod
    def _version(info: dict[str, str]) -> int:
        """0 for a new catalog (or one whose creation stopped before ``info`` was written)."""
        try:
            return int(info.get("schema") or 0)
        except ValueError:
            raise StoreError(f"catalog has an unreadable schema number {info.get('schema')!r}") from None

    def _check(self, info: dict[str, str]) -> None:
        version = self._version(info)
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.folder} was written by a newer attache (schema {version}; "
                             f"this version reads up to {SCHEMA_VERSION}); upgrade attache or use another --store")
        if info and info.get("embedding_model") != self.embedding_model:
            raise StoreError(f"store {self.folder} was built with {info.get('embedding_model')}, "
                             f"this attache uses {self.embedding_model}; use another --store")

    def _migrate(self) -> None:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                info = self._read_info()  # again, under the write lock: another process may have migrated
                self._check(info)
                start = self._version(info)
                for version, step in MIGRATIONS:
                    if version <= start:
                        continue
                    if callable(step):
                        step(self.db)
                    else:
                        for stmt in _statements(step):
                            self.db.execute(stmt)
                self.db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                if not info:
                    self.db.execute("INSERT OR REPLACE INTO info VALUES ('embedding_model', ?)",
                                    (self.embedding_model,))
                self.db.execute("COMMIT")
            except BaseException as e:
                self._rollback()
                if isinstance(e, sqlite3.Error):
                    raise StoreError(f"cannot migrate catalog {self.path} to schema {SCHEMA_VERSION}: {e}") from None
                raise

    def schema_version(self) -> int:
        """The layout number recorded in ``info.schema`` (``SCHEMA_VERSION`` once open)."""
        return self._version(self._read_info())

    def close(self) -> None:
        with self.lock:
            readers, self._readers = self._readers, []
        for conn in [self.db, *readers]:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def generation(self) -> int:
        """A number that grows whenever a document's text is added, replaced or removed, by this
        process or another (``info.lexical_gen``): what a reader caching the index's actors checks."""
        row = self._reader().execute("SELECT value FROM info WHERE key = 'lexical_gen'").fetchone()
        return int(row[0]) if row else 0

    def _reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use; closed by ``close``)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
            conn.execute("PRAGMA query_only=1")
            self._local.conn = conn
            with self.lock:
                self._readers.append(conn)
        return conn

    # ------------------------------------------------------------------ filters
    @staticmethod
    def filter_sql(f: Filters | None, alias: str = "d") -> tuple[str, list]:
        """``(where, args)``: the SQL condition on ``documents AS alias`` for ready documents
        passing ``f``. The only translation of filters to SQL.

        ``+state`` keeps the planner off the state index: nearly every row is ready, and the
        index exists for the rare pending/deleting lookups."""
        b = Bounds.of(f)
        sql: list[str] = [f"+{alias}.state='ready'"]
        args: list[str | int] = []
        if b.sources:
            sql.append(f"lower({alias}.source) IN ({','.join('?' * len(b.sources_db))})")
            args += b.sources_db
        if b.day_min is not None:
            sql.append(f"{alias}.pub_day >= ?")
            args.append(b.day_min)
        if b.day_max is not None:
            sql.append(f"{alias}.pub_day <= ?")
            args.append(b.day_max)
        if b.doc_ids:
            sql.append(f"{alias}.doc_id IN ({','.join('?' * len(b.doc_ids))})")
            args += b.doc_ids
        return " AND ".join(sql), args

    # ------------------------------------------------------------------ writing
    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        """``(content_hash, state)`` of the document in any state, or None if unknown."""
        row = self.db.execute("SELECT content_hash, state FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return (row["content_hash"], row["state"]) if row else None

    def stage(self, items: Sequence[tuple[Document, list[Passage], list[Claim]]],
              sentences: Mapping[str, SentenceVectors] | None = None) -> None:
        """Write each document as ``pending`` with its chunks, lexical rows, claims and (from
        ``sentences``: doc_id -> (starts, ends, vectors of shape (n, 384))) sentence vectors,
        replacing any earlier version's rows (its ``added_at`` is kept), all in one transaction."""
        now = time.time()
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for art, chunks, claims in items:
                    doc_id = art.doc_id
                    old = self.db.execute("SELECT added_at FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
                    self._delete_rows(doc_id, keep_document=True)
                    self._note_lexical_change(doc_id)
                    self.db.execute(
                        "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (doc_id, art.source_id, art.content_hash, art.title, art.source, art.published,
                         pub_day(art.published), art.url, art.author, art.path,
                         json.dumps({k: v for k, v in art.meta.items() if k != "near_duplicates"},
                                    ensure_ascii=False, default=str), art.text, "pending",
                         len(chunks), old["added_at"] if old else now, now))
                    for c in chunks:
                        cur = self.db.execute(
                            'INSERT INTO chunks (chunk_id, doc_id, seq, start, "end", text) VALUES (?,?,?,?,?,?)',
                            (c.chunk_id, doc_id, c.seq, c.start, c.end, c.text))
                        self.db.execute("INSERT INTO chunks_fts (rowid, text, title) VALUES (?,?,?)",
                                        (cur.lastrowid, c.text, art.title))
                    self.db.executemany(
                        "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [(k.claim_id, doc_id, k.actor, k.actor_type, k.speaker, k.role, k.cue, k.kind,
                          int(k.direct), k.start, k.end, k.text, k.sent_start, k.sent_end,
                          json.dumps(k.topics), k.date) for k in claims])
                    if sentences and doc_id in sentences:
                        starts, ends, vecs = sentences[doc_id]
                        half = np.asarray(vecs, dtype=np.float16)
                        self.db.executemany('INSERT OR REPLACE INTO sentence_vectors VALUES (?,?,?,?)',
                                            [(doc_id, int(a), int(b), half[i].tobytes())
                                             for i, (a, b) in enumerate(zip(starts, ends))])
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back the open transaction, if SQLite has not already (it does itself on some errors,
        e.g. a full disk, and a second ROLLBACK would hide the real error)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _note_lexical_change(self, doc_id: str) -> None:
        """In the open transaction: the document's chunks change (see ``_SCHEMA_V5``)."""
        self.db.execute("UPDATE info SET value = CAST(value AS INTEGER) + 1 WHERE key = 'lexical_gen'")
        self.db.execute("INSERT OR REPLACE INTO lexical_changes VALUES "
                        "(?, (SELECT CAST(value AS INTEGER) FROM info WHERE key = 'lexical_gen'))", (doc_id,))

    def _delete_rows(self, doc_id: str, keep_document: bool) -> None:
        self.db.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT rid FROM chunks WHERE doc_id=?)", (doc_id,))
        self.db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
        self.db.execute("DELETE FROM claims WHERE doc_id=?", (doc_id,))
        self.db.execute("DELETE FROM sentence_vectors WHERE doc_id=?", (doc_id,))
        # A new version is fingerprinted and linked again once ready; a deleted one leaves no link.
        self.db.execute("DELETE FROM fingerprints WHERE doc_id=?", (doc_id,))
        self.db.execute("DELETE FROM fingerprint_bands WHERE doc_id=?", (doc_id,))
        self.db.execute("DELETE FROM near_duplicates WHERE doc_id=? OR other=?", (doc_id, doc_id))
        if not keep_document:
            self.db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))

    def set_state(self, doc_ids: Sequence[str], state: str) -> None:
        """Set the documents' state (``ready``, ``deleting``); unknown ids are ignored."""
        with self.lock:
            self.db.executemany("UPDATE documents SET state=? WHERE doc_id=?", [(state, d) for d in doc_ids])

    def remove_document(self, doc_id: str) -> None:
        """Delete the document with its chunks, lexical rows and claims, in one transaction."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_rows(doc_id, keep_document=False)
                self._note_lexical_change(doc_id)
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def link_near_duplicates(self, items: Sequence[tuple[str, Fingerprint]],
                             threshold: float = THRESHOLD) -> dict[str, list[dict]]:
        """Store each ready document's fingerprint and link it both ways to every ready document
        (earlier ones in ``items`` included) whose fingerprint shares an LSH band and whose
        estimated similarity is at least ``threshold``; one transaction. Returns
        ``{doc_id: [{"doc_id", "title", "source", "published", "similarity"}, ...]}`` of the
        documents that got links, best first. Empty fingerprints (no words) are not stored."""
        found: dict[str, list[dict]] = {}
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for doc_id, fp in items:
                    if fp.empty:
                        continue
                    bands = fp.bands
                    self.db.execute("DELETE FROM fingerprint_bands WHERE doc_id=?", (doc_id,))
                    self.db.execute("INSERT OR REPLACE INTO fingerprints VALUES (?,?)", (doc_id, fp.to_bytes()))
                    self.db.executemany("INSERT INTO fingerprint_bands VALUES (?,?)", [(b, doc_id) for b in bands])
                    keys = ",".join("?" * len(bands))
                    rows = self.db.execute(
                        "SELECT f.doc_id, f.minhash, d.title, d.source, d.published FROM fingerprints f "
                        "JOIN documents d ON d.doc_id=f.doc_id WHERE d.state='ready' AND f.doc_id != ? AND "
                        f"f.doc_id IN (SELECT doc_id FROM fingerprint_bands WHERE key IN ({keys}))",
                        (doc_id, *bands)).fetchall()
                    for r in rows:
                        sim = fp.similarity(Fingerprint.from_bytes(r["minhash"]))
                        if sim < threshold:
                            continue
                        self.db.executemany("INSERT OR REPLACE INTO near_duplicates VALUES (?,?,?)",
                                            [(doc_id, r["doc_id"], sim), (r["doc_id"], doc_id, sim)])
                        found.setdefault(doc_id, []).append(
                            {"doc_id": r["doc_id"], "title": r["title"] or "", "source": r["source"] or "",
                             "published": r["published"] or "", "similarity": round(sim, 3)})
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        for links in found.values():
            links.sort(key=lambda x: -x["similarity"])
        return found

    def unfingerprinted(self) -> list[tuple[str, str, str]]:
        """``(doc_id, path or source_id, text)`` of ready documents without a fingerprint (stored
        before version 3, or completed after an interruption), oldest first."""
        return [(r[0], r[1] or r[2], r[3]) for r in self.db.execute(
            "SELECT doc_id, path, source_id, text FROM documents WHERE state='ready' AND doc_id NOT IN "
            "(SELECT doc_id FROM fingerprints) ORDER BY added_at")]

    def near_duplicates(self, doc_ids: Sequence[str]) -> dict[str, list[dict]]:
        """``{doc_id: [{"doc_id", "title", "source", "published", "url", "similarity"}, ...]}``:
        the ready documents linked to each of ``doc_ids`` as near-duplicates, most similar first
        (documents without links are left out)."""
        out: dict[str, list[dict]] = {}
        ids = list(dict.fromkeys(doc_ids))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for r in self.db.execute(
                    "SELECT n.doc_id AS of, d.doc_id, d.title, d.source, d.published, d.url, n.similarity "
                    "FROM near_duplicates n CROSS JOIN documents d ON d.doc_id=n.other "  # links first
                    f"WHERE d.state='ready' AND n.doc_id IN ({','.join('?' * len(part))}) "
                    "ORDER BY n.similarity DESC, d.published, d.doc_id", part):
                out.setdefault(r["of"], []).append(
                    {"doc_id": r["doc_id"], "title": r["title"] or "", "source": r["source"] or "",
                     "published": r["published"] or "", "url": r["url"] or "",
                     "similarity": round(r["similarity"], 3)})
        return out

    def doc_ids_in_state(self, state: str) -> list[str]:
        """Ids of the documents in ``state`` (``pending``, ``deleting``, ...)."""
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE state=?", (state,))]

    def title_of(self, doc_id: str) -> str | None:
        """The title ("" if none) of the document in any state; None if there is no such document."""
        row = self.db.execute("SELECT title FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return None if row is None else (row["title"] or "")

    # ------------------------------------------------------------------ reading
    def search_lexical(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """Up to ``k`` ``(chunk_id, score)`` pairs, best first, for a free-text query whose words
        (stopwords dropped) are OR-ed; ``score`` is BM25 negated so that higher is better
        (title weighted 0.3 against the text's 1.0). ``[]`` when the query has no usable words."""
        return self.search_lexical_many(query, k, [filters])[0]

    def search_lexical_many(self, query: str, k: int, filters: Sequence[Filters | None],
                            pooled: Sequence[bool] = ()) -> list[list[tuple[str, float]]]:
        """``search_lexical(query, k, f)`` for each ``f`` of ``filters``.

        With the tantivy index in step with the catalog (``index/lexical.py``), each filter is
        one tantivy ranking inside it (exact, 1-2 ms at 100k chunks). Otherwise FTS5 ranks: the
        best matches by BM25 alone come first, ``k x LEXICAL_POOL`` of them, or ``LEXICAL_SHARED_POOL``
        when a filter restricts; each filter keeps those of its documents. When a filter keeps
        fewer than ``k`` of a full pool, its own ranking (filters joined before sorting) runs,
        so the result is exact, unless ``pooled[i]`` is true: then filter ``i`` keeps what the
        pool holds (for rankings that only add weight, as the retriever's per-outlet ones: 20%
        faster at 100k chunks, the same recall@10 on the MultiHop-RAG tuning half)."""
        words = fts_terms(query)
        if not words:
            return [[] for _ in filters]
        bounds = [Bounds.of(f) for f in filters]
        db = self._reader()
        gen = db.execute("SELECT value FROM info WHERE key = 'lexical_gen'").fetchone()
        ranked = [self._tantivy_ranking(db, words, k, int(gen[0]), b) for b in bounds] if gen else [None]
        if all(r is not None for r in ranked):
            return ranked  # type: ignore[return-value]
        pool = k * LEXICAL_POOL
        if any(b.restricts for b in bounds):
            pool = max(pool, LEXICAL_SHARED_POOL)
        rows = self._fts_pool(db, words, pool)
        out: list[list[tuple[str, float]]] = []
        for i, (f, b) in enumerate(zip(filters, bounds)):
            hits = [(r[0], float(r[1])) for r in rows
                    if r[5] == "ready" and b.admits(r[2] or "", r[3] or 0, r[4])][:k]
            if len(hits) < k and len(rows) >= pool and not (i < len(pooled) and pooled[i]):
                where, args = self.filter_sql(f)
                hits = [(r[0], float(r[1])) for r in db.execute(
                    f"SELECT c.chunk_id, -bm25(chunks_fts, 1.0, 0.3) AS s FROM chunks_fts "
                    f"JOIN chunks c ON c.rid = chunks_fts.rowid JOIN documents d ON d.doc_id = c.doc_id "
                    f"WHERE chunks_fts MATCH ? AND {where} ORDER BY s DESC LIMIT ?",
                    [" OR ".join(self._selective(words)), *args, k])]
            out.append(hits)
        return out

    def _tantivy_ranking(self, db: sqlite3.Connection, words: list[str], k: int, gen: int,
                         bounds: Bounds) -> list[tuple[str, float]] | None:
        """The best ``k`` ``(chunk_id, score)`` of ready documents inside ``bounds`` by tantivy's
        BM25, or None when the tantivy index is behind catalog generation ``gen``."""
        n = k + 10
        while True:
            hits = self.lexical.search(words, n, gen, bounds)
            if hits is None:
                return None
            docs = list({h[4] for h in hits})
            ready: set[str] = set()
            for i in range(0, len(docs), 500):
                part = docs[i:i + 500]
                ready.update(r[0] for r in db.execute(
                    f"SELECT doc_id FROM documents WHERE doc_id IN ({','.join('?' * len(part))}) "
                    "AND state = 'ready'", part))
            kept = [(h[0], h[1]) for h in hits if h[4] in ready][:k]
            if len(kept) >= k or len(hits) < n:
                return kept
            n *= 4  # documents being written (or deleted) took places: look further

    def _fts_pool(self, db: sqlite3.Connection, words: list[str], pool: int) -> list:
        """The best ``pool`` chunks for the OR of ``_selective(words)`` by FTS5's BM25, as
        ``(chunk_id, score, lower(source), pub_day, doc_id, state)`` rows."""
        return db.execute(
            "SELECT c.chunk_id, f.s, lower(d.source), d.pub_day, d.doc_id, d.state FROM (SELECT rowid, "
            "-bm25(chunks_fts, 1.0, 0.3) AS s FROM chunks_fts WHERE chunks_fts MATCH ? "
            "ORDER BY bm25(chunks_fts, 1.0, 0.3) LIMIT ?) f CROSS JOIN chunks c ON c.rid = f.rowid "
            "CROSS JOIN documents d ON d.doc_id = c.doc_id ORDER BY f.s DESC",
            [" OR ".join(self._selective(words)), pool]).fetchall()

    def sync_lexical(self, say: Callable[[str], None] | None = None) -> str:
        """Bring the tantivy index up to this catalog (``LexicalIndex.sync``); for the store's
        writer. Returns ``"current"``, ``"updated"`` or ``"rebuilt"``."""
        db = self.db
        gen = int(db.execute("SELECT value FROM info WHERE key = 'lexical_gen'").fetchone()[0])

        def changed(since: int) -> list[str]:
            return [r[0] for r in db.execute("SELECT doc_id FROM lexical_changes WHERE gen > ?", (since,))]

        def rows(doc_ids: Sequence[str] | None):
            sql = ("SELECT c.rid, c.chunk_id, c.doc_id, c.text, d.title, lower(d.source), d.pub_day "
                   "FROM chunks c CROSS JOIN documents d ON d.doc_id = c.doc_id")
            if doc_ids is None:
                yield from self._reader().execute(sql)
                return
            for i in range(0, len(doc_ids), 500):
                part = list(doc_ids[i:i + 500])
                yield from db.execute(f"{sql} WHERE c.doc_id IN ({','.join('?' * len(part))})", part).fetchall()

        if say is not None and db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone() is None:
            say = None  # nothing to build: not worth a line
        with self.lock:
            done = self.lexical.sync(gen, changed, rows, say)
            db.execute("DELETE FROM lexical_changes WHERE gen <= ?", (gen,))
        return done

    def _selective(self, terms: list[str]) -> list[str]:
        """``terms`` without those in more than ``LEXICAL_MAX_DF`` of the chunks (and more than
        ``LEXICAL_MIN_DF``), unless that would drop them all. A word's count stops at the
        threshold, so this costs about 0.15 ms a word at 100k chunks."""
        if LEXICAL_MAX_DF <= 0 or not terms:
            return terms
        db = self._reader()
        now = time.monotonic()
        cached = getattr(self._local, "chunk_count", None)
        if cached is None or now - cached[0] > 10:
            cached = (now, db.execute("SELECT count(*) FROM chunks").fetchone()[0])
            self._local.chunk_count = cached
        limit = max(int(cached[1] * LEXICAL_MAX_DF), LEXICAL_MIN_DF)
        if cached[1] <= limit:
            return terms
        count = "SELECT count(*) FROM (SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)"
        kept = [t for t in terms if db.execute(count, [t, limit + 1]).fetchone()[0] <= limit]
        return kept or terms

    def chunk_ids(self, filters: Filters | None, limit: int) -> list[str] | None:
        """The ids of the chunks of ready documents passing ``filters``, or None when there are
        more than ``limit`` of them."""
        where, args = self.filter_sql(filters)
        rows = self._reader().execute(
            f"SELECT c.chunk_id FROM documents d CROSS JOIN chunks c ON c.doc_id = d.doc_id WHERE {where} LIMIT ?",
            [*args, limit + 1]).fetchall()
        return None if len(rows) > limit else [r[0] for r in rows]

    def chunk_bounds(self, chunk_ids: Iterable[str]) -> dict[str, tuple[str, int, str]]:
        """``{chunk_id: (lower-cased outlet, pub_day, doc_id)}`` of the chunks of ready documents
        among ``chunk_ids`` (the values ``Bounds.admits`` tests); others are left out."""
        ids = list(chunk_ids)
        out: dict[str, tuple[str, int, str]] = {}
        db = self._reader()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for r in db.execute(
                    "SELECT c.chunk_id, lower(d.source), d.pub_day, d.doc_id FROM chunks c CROSS JOIN documents d "
                    f"ON d.doc_id = c.doc_id WHERE c.chunk_id IN ({','.join('?' * len(part))}) AND d.state = 'ready'",
                    part):
                out[r[0]] = (r[1] or "", r[2] or 0, r[3])
        return out

    def passages(self, chunk_ids: Iterable[str], only_ready: bool = True) -> list[Passage]:
        """The stored chunks with these ids as ``Passage`` (with their document's title, source,
        date and URL), in the order asked; unknown ids (or, with ``only_ready``, chunks of
        documents that are not ready) are left out."""
        ids = list(chunk_ids)
        out: dict[str, Passage] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            q = ('SELECT c.chunk_id, c.doc_id, c.seq, c.start, c."end", c.text, d.title, d.source, d.published, d.url '
                 "FROM chunks c CROSS JOIN documents d ON d.doc_id=c.doc_id "  # chunks first: never scan documents
                 f"WHERE c.chunk_id IN ({','.join('?' * len(part))})")
            if only_ready:
                q += " AND d.state='ready'"
            for r in self.db.execute(q, part):
                out[r[0]] = Passage(chunk_id=r[0], doc_id=r[1], seq=r[2], start=r[3], end=r[4], text=r[5],
                                    title=r[6] or "", source=r[7] or "", published=r[8] or "", url=r[9] or "")
        return [out[c] for c in ids if c in out]

    def sentence_vectors(self, keys: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], np.ndarray]:
        """Stored vectors (float32, shape (384,)) of the sentences ``(doc_id, start, end)``
        (article offsets), keyed ``(doc_id, start)``; sentences not stored, or stored with
        another end, are left out."""
        want: dict[str, dict[int, int]] = {}
        for doc_id, start, end in keys:
            want.setdefault(doc_id, {})[start] = end
        out: dict[tuple[str, int], np.ndarray] = {}
        with self.lock:
            for doc_id, ends in want.items():
                starts = list(ends)
                for i in range(0, len(starts), 500):
                    part = starts[i:i + 500]
                    rows = self.db.execute(
                        f'SELECT start, "end", vec FROM sentence_vectors WHERE doc_id=? AND start IN '
                        f'({",".join("?" * len(part))})', [doc_id, *part]).fetchall()
                    for start, end, vec in rows:
                        if ends.get(start) == end:
                            out[(doc_id, start)] = np.frombuffer(vec, dtype=np.float16).astype(np.float32)
        return out

    def sentence_vectors_of(self, doc_id: str) -> SentenceVectors | None:
        """All stored sentence vectors of a document as (starts, ends, vectors), or None."""
        with self.lock:
            rows = self.db.execute('SELECT start, "end", vec FROM sentence_vectors WHERE doc_id=? ORDER BY start',
                                   (doc_id,)).fetchall()
        if not rows:
            return None
        return ([r[0] for r in rows], [r[1] for r in rows],
                np.stack([np.frombuffer(r[2], dtype=np.float16).astype(np.float32) for r in rows]))

    def chunks_of(self, doc_id: str) -> list[Passage]:
        """All chunks of the document in any state, in order (``[]`` if unknown)."""
        rows = self.db.execute('SELECT chunk_id FROM chunks WHERE doc_id=? ORDER BY seq', (doc_id,)).fetchall()
        return self.passages([r[0] for r in rows], only_ready=False)

    def passage_covering(self, doc_id: str, start: int, end: int) -> Passage | None:
        """The first chunk of a ready document that contains the span ``[start, end)``
        (article character offsets), or None."""
        r = self.db.execute('SELECT chunk_id FROM chunks WHERE doc_id=? AND start<=? AND "end">=? ORDER BY seq LIMIT 1',
                            (doc_id, start, end)).fetchone()
        found = self.passages([r[0]]) if r else []
        return found[0] if found else None

    def document(self, doc_id: str) -> Document:
        """The ready document with this id (or unique id prefix of at least 4 characters), with
        its text. Raises ``NotFound`` when there is none."""
        r = self.db.execute("SELECT * FROM documents WHERE doc_id=? AND state='ready'", (doc_id,)).fetchone()
        if not r:
            # Accept a unique prefix, as people copy short ids.
            rows = self.db.execute("SELECT * FROM documents WHERE doc_id LIKE ? AND state='ready' LIMIT 2",
                                   (doc_id + "%",)).fetchall() if len(doc_id) >= 4 else []
            if len(rows) != 1:
                raise NotFound(f"no document with id {doc_id}")
            r = rows[0]
        meta = json.loads(r["meta"] or "{}")
        meta["near_duplicates"] = self.near_duplicates([r["doc_id"]]).get(r["doc_id"], [])
        return Document(doc_id=r["doc_id"], source_id=r["source_id"], text=r["text"], title=r["title"] or "",
                        source=r["source"] or "", published=r["published"] or "", url=r["url"] or "",
                        author=r["author"] or "", path=r["path"] or "", meta=meta, n_chunks=r["n_chunks"] or 0)

    def documents(self, filters: Filters | None = None) -> list[Document]:
        """Ready documents passing ``filters``, by date then title, without their text (``chars``
        gives its length)."""
        where, args = self.filter_sql(filters)
        rows = self.db.execute(
            f"SELECT doc_id, source_id, title, source, published, url, author, path, n_chunks, meta, "
            f"length(text) AS chars FROM documents d WHERE {where} ORDER BY published, title", args)
        return [Document(doc_id=r["doc_id"], source_id=r["source_id"], text="", title=r["title"] or "",
                         source=r["source"] or "", published=r["published"] or "", url=r["url"] or "",
                         author=r["author"] or "", path=r["path"] or "", n_chunks=r["n_chunks"] or 0,
                         chars=r["chars"] or 0, meta=_listing_meta(r["meta"])) for r in rows]

    def sources(self) -> list[str]:
        """Distinct non-empty outlet names of ready documents, sorted."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT source FROM documents WHERE state='ready' AND source != '' ORDER BY source")]

    def is_empty(self) -> bool:
        """True when no document is ready."""
        return self.db.execute("SELECT 1 FROM documents WHERE state='ready' LIMIT 1").fetchone() is None

    def counts(self) -> dict[str, int]:
        """``documents``, ``chunks``, ``claims`` of ready documents, and ``pending`` (documents in
        any other state)."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents WHERE state='ready'"),
            "chunks": one("SELECT count(*) FROM chunks c JOIN documents d ON d.doc_id=c.doc_id WHERE d.state='ready'"),
            "claims": one("SELECT count(*) FROM claims k JOIN documents d ON d.doc_id=k.doc_id WHERE d.state='ready'"),
            "pending": one("SELECT count(*) FROM documents WHERE state!='ready'"),
        }

    # ------------------------------------------------------------------ claims
    def claims(self, actors: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               filters: Filters | None = None, topic: str = "", roles: Sequence[str] | None = None) -> list[Claim]:
        """Claims of ready documents (optionally of these actors, case-insensitive, of these
        kinds, passing ``filters``, whose text or topics contain ``topic``, and whose speaker's
        role contains one of ``roles``, case-insensitive), ordered by statement date, article
        date, offset."""
        where, args = self.filter_sql(filters)
        sql = (f"SELECT k.*, d.title, d.source, d.published, d.url FROM claims k JOIN documents d "
               f"ON d.doc_id=k.doc_id WHERE {where}")
        if actors:
            sql += f" AND lower(k.actor) IN ({','.join('?' * len(actors))})"
            args += [sql_lower(a) for a in actors]
        if kinds:
            sql += f" AND k.kind IN ({','.join('?' * len(kinds))})"
            args += list(kinds)
        if topic:
            sql += " AND (lower(k.text) LIKE ? OR lower(k.topics) LIKE ?)"
            args += [f"%{sql_lower(topic)}%"] * 2
        if roles:
            sql += " AND (" + " OR ".join("lower(k.role) LIKE ?" for _ in roles) + ")"
            args += [f"%{sql_lower(r)}%" for r in roles]
        sql += " ORDER BY k.date, d.published, k.start"
        out = []
        for r in self.db.execute(sql, args):
            d = dict(r)
            d["topics"] = json.loads(d["topics"] or "[]")
            for key in ("title", "source", "published", "url", "date", "role", "cue", "speaker"):
                d[key] = d[key] or ""
            out.append(Claim.from_dict(d))
        return out

    def actors(self) -> list[ActorSummary]:
        """Every actor with claims in ready documents: statement and document counts, first and
        last statement date; most statements first. One row per actor name: an actor some
        articles typed otherwise ("Kishida" a person here, read as a government there) gets the
        type most of its statements have."""
        rows = self.db.execute(
            "SELECT k.actor, count(*) AS statements, count(DISTINCT k.doc_id) AS documents, "
            # (an undated statement is no first: min() of '' would blank the range)
            "coalesce(min(NULLIF(k.date, '')), '') AS first, max(k.date) AS last "
            "FROM claims k JOIN documents d ON d.doc_id=k.doc_id "
            "WHERE d.state='ready' GROUP BY k.actor ORDER BY statements DESC, k.actor")
        types: dict[str, str] = {}
        for actor, actor_type, _ in self.db.execute(
                "SELECT k.actor, k.actor_type, count(*) AS n FROM claims k JOIN documents d ON d.doc_id=k.doc_id "
                "WHERE d.state='ready' GROUP BY k.actor, k.actor_type ORDER BY n, k.actor_type DESC"):
            types[actor] = actor_type or ""  # (the most frequent type comes last)
        summaries = [ActorSummary.from_dict({**dict(r), "actor_type": types.get(r["actor"], "")}) for r in rows]
        return self._merge_spellings(summaries)

    def _merge_spellings(self, summaries: list[ActorSummary]) -> list[ActorSummary]:
        """One row for the spellings of one person ("Zelensky", "Zelenskyy"; "António", "Antonio":
        ``translit_key``; "Jourova" alone when one full name of the index ends with it), under the
        full spelling with most statements; its documents counted once."""
        by_key: dict[str, list[ActorSummary]] = {}
        for a in summaries:
            key = translit_key(a.actor) if a.actor_type == "person" and " " in a.actor else "\0" + a.actor
            by_key.setdefault(key, []).append(a)
        # a surname some articles credit alone ("Jourova") joins the one full name it ends ("Vera Jourova")
        full_by_surname: dict[str, set[str]] = {}
        for key in by_key:
            if not key.startswith("\0"):
                full_by_surname.setdefault(key.split()[-1], set()).add(key)
        for a in summaries:
            fulls = full_by_surname.get(translit_key(a.actor), set())
            # (a surname the tagger read as a body, "Jourova said", too; not a body the table knows)
            if a.actor_type in ("person", "organisation") and " " not in a.actor and len(fulls) == 1 \
                    and a.actor.lower() not in _TABLE.organisations:
                by_key.pop("\0" + a.actor, None)
                by_key[next(iter(fulls))].append(a)
        out: list[ActorSummary] = []
        for group in by_key.values():
            if len(group) == 1:
                out.append(group[0])
                continue
            group.sort(key=lambda a: " " not in a.actor)  # (a full name names the row, most statements first)
            names = [a.actor for a in group]  # (most statements first: the query's order)
            documents = self.db.execute(
                "SELECT count(DISTINCT k.doc_id) FROM claims k JOIN documents d ON d.doc_id=k.doc_id WHERE "
                f"d.state='ready' AND k.actor IN ({','.join('?' * len(names))})", names).fetchone()[0]
            firsts = [a.first for a in group if a.first]
            lasts = [a.last for a in group if a.last]
            out.append(ActorSummary(actor=names[0], actor_type="person", statements=sum(a.statements for a in group),
                                    documents=documents, first=min(firsts, default=""), last=max(lasts, default=""),
                                    spellings=names[1:]))
        out.sort(key=lambda a: (-a.statements, a.actor))
        return out


    def roles(self) -> list[str]:
        """The distinct roles speakers of ready documents are given ("Brevania's Foreign Minister")."""
        rows = self.db.execute("SELECT DISTINCT k.role FROM claims k JOIN documents d ON d.doc_id=k.doc_id "
                               "WHERE d.state='ready' AND k.role != ''")
        return [r[0] for r in rows]


    def officials(self, roles: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """The distinct (speaker, role) pairs of ready documents' persons and governments ("Lena
        Sorvik", "Ostmark's Foreign Minister"; "Norway", "Minister of Foreign Affairs Anne Beathe
        Tvinnereim", the speaker of a speech); ``roles``: only roles containing one of these
        strings (case-insensitive)."""
        sql = ("SELECT DISTINCT k.actor, k.role FROM claims k JOIN documents d ON d.doc_id=k.doc_id "
               "WHERE d.state='ready' AND k.actor_type IN ('person', 'government') AND k.role != ''")
        args: list[str] = []
        if roles:
            sql += " AND (" + " OR ".join("lower(k.role) LIKE ?" for _ in roles) + ")"
            args += [f"%{sql_lower(r)}%" for r in roles]
        return [(r[0], r[1]) for r in self.db.execute(sql, args)]


def _listing_meta(raw: str | None) -> dict:
    """A document's metadata for listings: everything but the cleaning report (``removed``),
    which ``document()`` returns in full (dates' ``date_source``, ``truncated`` ... stay)."""
    meta = json.loads(raw or "{}")
    meta.pop("removed", None)
    return meta
