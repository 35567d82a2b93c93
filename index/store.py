"""The index: a SQLite catalog (documents, chunks, lexical FTS5 index, claims) beside a
Chroma collection of chunk vectors, kept consistent with each other.

Consistency protocol, per document: (1) in one SQLite transaction the document is written
with ``state='pending'`` together with its chunks, lexical rows and claims; (2) its vectors
are replaced in Chroma; (3) the document is marked ``ready``. Readers only see ``ready``
documents, and a later run finishes any ``pending`` document from the catalog alone, so a
crash or Ctrl-C at any point leaves nothing half-indexed. Deletion runs the same way with
``state='deleting'``.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from .config import Settings
from .errors import NotFound, StoreError
from .text import fts_terms
from .models import ActorSummary, Claim, Document, Filters, IndexStats, Passage

SCHEMA_VERSION = 1
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
CHROMA_MAX_BATCH = 4000

_SCHEMA = """
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


def pub_day(published: str) -> int:
    """YYYYMMDD as an int for range filters (a bare year counts as its 1 January, a month as its 1st)."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
    if not m:
        return 0
    return int(m.group(1)) * 10000 + int(m.group(2) or 1) * 100 + int(m.group(3) or 1)


class IndexReader(Protocol):
    """What the assistant reads from an index; ``Store`` implements it.

    Rankings are ``(chunk_id, score)`` lists, best first: cosine similarity for dense search,
    BM25 (higher is better) for lexical search. Only documents in the ``ready`` state are seen.
    """

    def search_dense(self, vector: Any, k: int, filters: Filters | None = None) -> list[tuple[str, float]]: ...

    def search_lexical(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]: ...

    def passages(self, chunk_ids: Iterable[str]) -> list[Passage]: ...

    def passage_covering(self, doc_id: str, start: int, end: int) -> Passage | None: ...

    def claims(self, actors: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               filters: Filters | None = None, topic: str = "") -> list[Claim]: ...

    def actors(self) -> list[ActorSummary]: ...

    def document(self, doc_id: str) -> Document: ...

    def documents(self, filters: Filters | None = None) -> list[Document]: ...

    def sources(self) -> list[str]: ...

    def is_empty(self) -> bool: ...


class Store:
    """Catalog + vectors. Thread-safe for concurrent readers (web server) and one writer."""

    def __init__(self, settings: Settings, create: bool = True):
        self.settings = settings
        self.path = settings.store_path
        if not self.path.exists():
            if not create:
                raise StoreError(f"store not found: {self.path} (run `attache ingest` first or pass --store)")
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create store folder {self.path}: {e.strerror or e}")
        elif not self.path.is_dir():
            raise StoreError(f"store path is not a folder: {self.path}")
        self._lock = threading.RLock()
        try:
            self.db = sqlite3.connect(self.path / "catalog.sqlite3", check_same_thread=False,
                                      isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open catalog in {self.path}: {e}")
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._check_info()
        self.collection = self._open_collection()
        self.finish_interrupted_deletes()

    # ------------------------------------------------------------------ setup
    def _check_info(self) -> None:
        rows = dict(self.db.execute("SELECT key, value FROM info").fetchall())
        if not rows:
            self.db.execute("INSERT INTO info VALUES ('schema', ?), ('embedding_model', ?)",
                            (str(SCHEMA_VERSION), EMBEDDING_MODEL))
        elif rows.get("embedding_model") != EMBEDDING_MODEL:
            raise StoreError(f"store {self.path} was built with {rows.get('embedding_model')}, "
                             f"this attache uses {EMBEDDING_MODEL}; use another --store")

    def _open_collection(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        url = self.settings.chroma_url
        try:
            if url:
                u = urlparse(url if "://" in url else f"http://{url}")
                client = chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                             ssl=u.scheme == "https", settings=chroma_settings)
                client.heartbeat()
            else:
                client = chromadb.PersistentClient(path=str(self.path / "chroma"), settings=chroma_settings)
            # Vectors are always computed by attache; Chroma's default embedder would download.
            return client.get_or_create_collection(
                self.settings.collection, embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedding_model": EMBEDDING_MODEL})
        except StoreError:
            raise
        except Exception as e:  # chromadb raises many types for an unreachable server
            where = f"Chroma server at {url}" if url else f"embedded Chroma in {self.path / 'chroma'}"
            raise StoreError(f"cannot open {where}: {type(e).__name__}: {str(e)[:200]}") from None

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass

    # ------------------------------------------------------------------ writing
    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT content_hash, state FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return (row["content_hash"], row["state"]) if row else None

    def stage(self, items: Sequence[tuple[Document, list[Passage], list[Claim]]]) -> None:
        """Step 1: write documents as pending with their chunks, lexical rows and claims."""
        now = time.time()
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for art, chunks, claims in items:
                    doc_id = art.doc_id
                    old = self.db.execute("SELECT added_at FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
                    self._delete_rows(doc_id, keep_document=True)
                    self.db.execute(
                        "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (doc_id, art.source_id, art.content_hash, art.title, art.source, art.published,
                         pub_day(art.published), art.url, art.author, art.path,
                         json.dumps(art.meta, ensure_ascii=False, default=str), art.text, "pending",
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
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _delete_rows(self, doc_id: str, keep_document: bool) -> None:
        self.db.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT rid FROM chunks WHERE doc_id=?)", (doc_id,))
        self.db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
        self.db.execute("DELETE FROM claims WHERE doc_id=?", (doc_id,))
        if not keep_document:
            self.db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))

    def write_vectors(self, doc_ids: Sequence[str], chunk_ids: Sequence[str], vectors) -> None:
        """Step 2: replace the documents' vectors in Chroma."""
        rows = self.passages(chunk_ids, only_ready=False)
        by_id = {r.chunk_id: r for r in rows}
        try:
            for i in range(0, len(doc_ids), 500):
                self.collection.delete(where={"doc_id": {"$in": list(doc_ids[i:i + 500])}})
            for i in range(0, len(chunk_ids), CHROMA_MAX_BATCH):
                ids = list(chunk_ids[i:i + CHROMA_MAX_BATCH])
                self.collection.upsert(
                    ids=ids,
                    embeddings=vectors[i:i + CHROMA_MAX_BATCH],
                    metadatas=[{"doc_id": by_id[c].doc_id, "source": by_id[c].source or "",
                                "source_lc": (by_id[c].source or "").lower(),
                                "pub_day": pub_day(by_id[c].published), "seq": by_id[c].seq} for c in ids],
                    documents=[by_id[c].text for c in ids],
                )
        except Exception as e:
            raise StoreError(self._chroma_error("write to", e)) from None

    def mark_ready(self, doc_ids: Sequence[str]) -> None:
        """Step 3."""
        with self._lock:
            self.db.executemany("UPDATE documents SET state='ready' WHERE doc_id=?", [(d,) for d in doc_ids])

    def pending_documents(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE state='pending'")]

    def delete_document(self, doc_id: str) -> dict:
        row = self.db.execute("SELECT doc_id, title FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if not row:
            raise NotFound(f"no document with id {doc_id}")
        with self._lock:
            self.db.execute("UPDATE documents SET state='deleting' WHERE doc_id=?", (doc_id,))
        self._finish_delete(doc_id)
        return {"doc_id": doc_id, "title": row["title"], "deleted": True}

    def _finish_delete(self, doc_id: str) -> None:
        try:
            self.collection.delete(where={"doc_id": doc_id})
        except Exception as e:
            raise StoreError(self._chroma_error("delete from", e)) from None
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_rows(doc_id, keep_document=False)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def finish_interrupted_deletes(self) -> None:
        for (doc_id,) in self.db.execute("SELECT doc_id FROM documents WHERE state='deleting'").fetchall():
            self._finish_delete(doc_id)

    def _chroma_error(self, verb: str, e: Exception) -> str:
        where = f"Chroma server at {self.settings.chroma_url}" if self.settings.chroma_url else "embedded Chroma"
        return f"cannot {verb} {where}: {type(e).__name__}: {str(e)[:200]}"

    # ------------------------------------------------------------------ reading
    def _filter_sql(self, f: Filters | None, alias: str = "d") -> tuple[str, list]:
        sql, args = [f"{alias}.state='ready'"], []
        if f:
            if f.sources:
                sql.append(f"lower({alias}.source) IN ({','.join('?' * len(f.sources))})")
                args += [s.lower() for s in f.sources]
            if f.since:
                sql.append(f"{alias}.pub_day >= ?")
                args.append(pub_day(f.since))
            if f.until:
                sql.append(f"{alias}.pub_day <= ? AND {alias}.pub_day > 0")
                args.append(_until_day(f.until))
            if f.doc_ids:
                sql.append(f"{alias}.doc_id IN ({','.join('?' * len(f.doc_ids))})")
                args += list(f.doc_ids)
        return " AND ".join(sql), args

    def _chroma_where(self, f: Filters | None) -> dict | None:
        conds: list[dict] = []
        if f:
            if f.sources:
                conds.append({"source_lc": {"$in": [s.lower() for s in f.sources]}})
            if f.since:
                conds.append({"pub_day": {"$gte": pub_day(f.since)}})
            if f.until:
                conds.append({"pub_day": {"$lte": _until_day(f.until)}})
                conds.append({"pub_day": {"$gt": 0}})
            if f.doc_ids:
                conds.append({"doc_id": {"$in": list(f.doc_ids)}})
        if not conds:
            return None
        return conds[0] if len(conds) == 1 else {"$and": conds}

    def search_dense(self, vector, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) best first."""
        n = self.collection.count()
        if n == 0:
            return []
        try:
            res = self.collection.query(query_embeddings=[list(map(float, vector))], n_results=min(k, n),
                                        where=self._chroma_where(filters), include=["distances"])
        except Exception as e:
            raise StoreError(self._chroma_error("query", e)) from None
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0])]

    def search_lexical(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score, higher is better) for a free-text query (terms OR-ed)."""
        terms = fts_terms(query)
        if not terms:
            return []
        where, args = self._filter_sql(filters)
        sql = (f"SELECT c.chunk_id, -bm25(chunks_fts, 1.0, 0.3) AS s FROM chunks_fts "
               f"JOIN chunks c ON c.rid = chunks_fts.rowid JOIN documents d ON d.doc_id = c.doc_id "
               f"WHERE chunks_fts MATCH ? AND {where} ORDER BY s DESC LIMIT ?")
        return [(r[0], float(r[1])) for r in self.db.execute(sql, [" OR ".join(terms), *args, k])]

    def passages(self, chunk_ids: Iterable[str], only_ready: bool = True) -> list[Passage]:
        ids = list(chunk_ids)
        out: dict[str, Passage] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            q = ('SELECT c.chunk_id, c.doc_id, c.seq, c.start, c."end", c.text, d.title, d.source, d.published, d.url '
                 f"FROM chunks c JOIN documents d ON d.doc_id=c.doc_id WHERE c.chunk_id IN ({','.join('?' * len(part))})")
            if only_ready:
                q += " AND d.state='ready'"
            for r in self.db.execute(q, part):
                out[r[0]] = Passage(chunk_id=r[0], doc_id=r[1], seq=r[2], start=r[3], end=r[4], text=r[5],
                                    title=r[6] or "", source=r[7] or "", published=r[8] or "", url=r[9] or "")
        return [out[c] for c in ids if c in out]

    def chunks_of(self, doc_id: str) -> list[Passage]:
        rows = self.db.execute('SELECT chunk_id FROM chunks WHERE doc_id=? ORDER BY seq', (doc_id,)).fetchall()
        return self.passages([r[0] for r in rows], only_ready=False)

    def passage_covering(self, doc_id: str, start: int, end: int) -> Passage | None:
        """The first chunk of a document that contains the span [start, end)."""
        r = self.db.execute('SELECT chunk_id FROM chunks WHERE doc_id=? AND start<=? AND "end">=? ORDER BY seq LIMIT 1',
                            (doc_id, start, end)).fetchone()
        found = self.passages([r[0]]) if r else []
        return found[0] if found else None

    def document(self, doc_id: str) -> Document:
        """The ready document with this id (or unique id prefix of at least 4 characters).

        Raises ``NotFound`` when there is none."""
        r = self.db.execute("SELECT * FROM documents WHERE doc_id=? AND state='ready'", (doc_id,)).fetchone()
        if not r:
            # Accept a unique prefix, as people copy short ids.
            rows = self.db.execute("SELECT * FROM documents WHERE doc_id LIKE ? AND state='ready' LIMIT 2",
                                   (doc_id + "%",)).fetchall() if len(doc_id) >= 4 else []
            if len(rows) != 1:
                raise NotFound(f"no document with id {doc_id}")
            r = rows[0]
        return Document(doc_id=r["doc_id"], source_id=r["source_id"], text=r["text"], title=r["title"] or "",
                        source=r["source"] or "", published=r["published"] or "", url=r["url"] or "",
                        author=r["author"] or "", path=r["path"] or "", meta=json.loads(r["meta"] or "{}"),
                        n_chunks=r["n_chunks"] or 0)

    def documents(self, filters: Filters | None = None) -> list[Document]:
        """Ready documents, by date then title, without their text (``chars`` gives its length)."""
        where, args = self._filter_sql(filters)
        rows = self.db.execute(
            f"SELECT doc_id, source_id, title, source, published, url, author, path, n_chunks, "
            f"length(text) AS chars FROM documents d WHERE {where} ORDER BY published, title", args)
        return [Document(doc_id=r["doc_id"], source_id=r["source_id"], text="", title=r["title"] or "",
                         source=r["source"] or "", published=r["published"] or "", url=r["url"] or "",
                         author=r["author"] or "", path=r["path"] or "", n_chunks=r["n_chunks"] or 0,
                         chars=r["chars"] or 0) for r in rows]

    def sources(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT source FROM documents WHERE state='ready' AND source != '' ORDER BY source")]

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE state='ready' LIMIT 1").fetchone() is None

    def stats(self) -> IndexStats:
        docs = self.db.execute("SELECT count(*) FROM documents WHERE state='ready'").fetchone()[0]
        chunks = self.db.execute(
            "SELECT count(*) FROM chunks c JOIN documents d ON d.doc_id=c.doc_id WHERE d.state='ready'").fetchone()[0]
        claims = self.db.execute(
            "SELECT count(*) FROM claims k JOIN documents d ON d.doc_id=k.doc_id WHERE d.state='ready'").fetchone()[0]
        pending = self.db.execute("SELECT count(*) FROM documents WHERE state!='ready'").fetchone()[0]
        try:
            vectors = self.collection.count()
        except Exception as e:
            raise StoreError(self._chroma_error("count", e)) from None
        return IndexStats(documents=docs, chunks=chunks, vectors=vectors, claims=claims, pending=pending,
                          store=str(self.path), mode=self.settings.mode, chroma_url=self.settings.chroma_url or None,
                          collection=self.settings.collection, embedding_model=EMBEDDING_MODEL)

    # ------------------------------------------------------------------ claims
    def claims(self, actors: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               filters: Filters | None = None, topic: str = "") -> list[Claim]:
        """Claims of ready documents (optionally of these actors, kinds, filters, and whose text or
        topics contain ``topic``), ordered by statement date, article date, offset."""
        where, args = self._filter_sql(filters)
        sql = (f"SELECT k.*, d.title, d.source, d.published, d.url FROM claims k JOIN documents d "
               f"ON d.doc_id=k.doc_id WHERE {where}")
        if actors:
            sql += f" AND lower(k.actor) IN ({','.join('?' * len(actors))})"
            args += [a.lower() for a in actors]
        if kinds:
            sql += f" AND k.kind IN ({','.join('?' * len(kinds))})"
            args += list(kinds)
        if topic:
            sql += " AND (lower(k.text) LIKE ? OR lower(k.topics) LIKE ?)"
            args += [f"%{topic.lower()}%"] * 2
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
        rows = self.db.execute(
            "SELECT k.actor, k.actor_type, count(*) AS statements, count(DISTINCT k.doc_id) AS documents, "
            "min(k.date) AS first, max(k.date) AS last FROM claims k JOIN documents d ON d.doc_id=k.doc_id "
            "WHERE d.state='ready' GROUP BY k.actor, k.actor_type ORDER BY statements DESC, k.actor")
        return [ActorSummary.from_dict(dict(r)) for r in rows]


def _until_day(until: str) -> int:
    """The last YYYYMMDD an inclusive ``until`` of a year, a month or a day admits."""
    d = pub_day(until)
    if re.fullmatch(r"\d{4}", until or ""):
        d = int(until) * 10000 + 1231
    elif re.fullmatch(r"\d{4}-\d{2}", until or ""):
        d = d - 1 + 31
    return d
