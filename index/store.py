"""The index: a SQLite catalog (``catalog.py``: documents, chunks, the FTS5 lexical index,
claims) beside a Chroma collection of chunk vectors (``vectors.py``), kept consistent.

Consistency protocol, per document: (1) in one SQLite transaction the document is written
with ``state='pending'`` together with its chunks, lexical rows and claims; (2) its vectors
are replaced in Chroma; (3) the document is marked ``ready``. Readers only see ``ready``
documents, and a later run finishes any ``pending`` document from the catalog alone, so a
crash or Ctrl-C at any point leaves nothing half-indexed. Deletion runs the same way with
``state='deleting'``.

Writers (``Ingestor.ingest``, ``delete_document``) hold ``Store.writing()``, an advisory
``flock`` on ``<store>/write.lock``: two processes writing one store take turns (the second
says it is waiting, on stderr), and the lock dies with its holder, so a killed writer never
leaves the store locked. Readers never take it.

``IndexReader`` is the small interface ``assistant/`` reads through; ``Store`` implements it.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .catalog import SCHEMA_VERSION, Catalog, SentenceVectors
from .config import Settings
from .errors import NotFound, StoreError, is_disk_full
from .filtering import Bounds
from .models import ActorSummary, Claim, Document, Filters, IndexStats, Passage
from .neardup import Fingerprint
from .vectors import VectorStore

__all__ = ["EMBEDDING_MODEL", "SCHEMA_VERSION", "IndexReader", "Store"]

EMBEDDING_MODEL = "all-MiniLM-L6-v2"
LOCK_FILE = "write.lock"
#: A filter passing at most this many chunks is handed to Chroma as their ids (see search_dense_many).
DENSE_ID_LIMIT = 5000


def _say_waiting(message: str) -> None:
    print(f"attache: {message}", file=sys.stderr, flush=True)


class IndexReader(Protocol):
    """What the assistant reads from an index; ``Store`` implements it.

    Rankings are ``(chunk_id, score)`` lists, best first: cosine similarity for dense search,
    BM25 (higher is better) for lexical search. Only documents in the ``ready`` state are seen.
    """

    def search_dense(self, vector: Any, k: int, filters: Filters | None = None) -> list[tuple[str, float]]: ...

    def search_lexical(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]: ...

    def search_dense_many(self, vectors: Sequence[Any], k: int,
                          filters: Filters | None = None) -> list[list[tuple[str, float]]]: ...

    def search_lexical_many(self, query: str, k: int, filters: Sequence[Filters | None],
                            pooled: Sequence[bool] = ()) -> list[list[tuple[str, float]]]: ...

    def passages(self, chunk_ids: Iterable[str]) -> list[Passage]: ...

    def chunk_bounds(self, chunk_ids: Iterable[str]) -> dict[str, tuple[str, int, str]]: ...

    def passage_covering(self, doc_id: str, start: int, end: int) -> Passage | None: ...

    def sentence_vectors(self, keys: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], np.ndarray]: ...

    def claims(self, actors: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               filters: Filters | None = None, topic: str = "", roles: Sequence[str] | None = None) -> list[Claim]: ...

    def actors(self) -> list[ActorSummary]: ...

    def roles(self) -> list[str]: ...

    def officials(self, roles: Sequence[str] | None = None) -> list[tuple[str, str]]: ...

    def document(self, doc_id: str) -> Document: ...

    def documents(self, filters: Filters | None = None) -> list[Document]: ...

    def sources(self) -> list[str]: ...

    def near_duplicates(self, doc_ids: Sequence[str]) -> dict[str, list[dict]]: ...

    def is_empty(self) -> bool: ...


OPEN_LOCK_FILE = "open.lock"


@contextmanager
def _opening(folder: Path) -> Iterator[None]:
    """Hold ``folder/open.lock`` while the catalog and embedded Chroma are opened (and created):
    two ingests starting on a new store at once failed with "database is locked" or "table
    collections already exists". Without write access to the folder, no lock is taken."""
    try:
        fd = os.open(folder / OPEN_LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (closing releases the lock)


class Store:
    """Catalog + vectors in ``settings.store_path`` (and on ``settings.chroma_url`` in server mode).

    Thread-safe for concurrent readers (web server) and one writer. Raises ``StoreError`` when
    the folder is missing and ``create`` is false, is not a folder, cannot be created, or when
    either backend cannot be opened (see ``Catalog`` and ``VectorStore``).
    """

    def __init__(self, settings: Settings, create: bool = True):
        self.settings = settings
        self.path = settings.store_path
        if not self.path.exists():
            if not create:
                raise StoreError(f"store not found: {self.path} (run `attache ingest` first or pass --store)")
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create store folder {self.path}: {e.strerror or e}") from None
        elif not self.path.is_dir():
            raise StoreError(f"store path is not a folder: {self.path}")
        self._writer = threading.RLock()  # threads of this process take turns before the flock
        self._lock_fd: int | None = None
        self._lock_depth = 0
        with _opening(self.path):  # (two processes creating one store at once: each its tables, one at a time)
            self.catalog = Catalog(self.path, EMBEDDING_MODEL)
            try:
                self.vectors = VectorStore(self.path, settings.collection, settings.chroma_url, EMBEDDING_MODEL)
            except BaseException:
                self.catalog.close()
                raise
        if self.catalog.doc_ids_in_state("deleting"):
            with self.writing():
                self.finish_interrupted_deletes()

    @property
    def db(self):
        """The catalog's SQLite connection (for inspection in tests and benchmarks)."""
        return self.catalog.db

    @property
    def collection(self):
        """The Chroma collection (for inspection in tests and benchmarks)."""
        return self.vectors.collection

    def close(self) -> None:
        self.catalog.close()

    # ------------------------------------------------------------------ writing
    @contextmanager
    def _space(self) -> Iterator[None]:
        """Turn a full disk (or quota, or file-size limit) or a failing device under any write
        into one clear ``StoreError``; what was staged stays pending for the next run."""
        try:
            yield
        except StoreError:
            raise  # already explained (Chroma's errors are, by VectorStore)
        except Exception as e:
            detail = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
            if is_disk_full(e, self.path):
                where = f"the store {self.path}" + (f" or the Chroma server {self.settings.chroma_url}"
                                                    if self.settings.chroma_url else "")
                raise StoreError(f"no space left on the disk of {where} ({detail}): documents already "
                                 "indexed are intact; free some space and run the same command again "
                                 "to finish") from None
            if isinstance(e, OSError) or (isinstance(e, sqlite3.Error) and "i/o error" in detail.lower()):
                raise StoreError(f"cannot write to the store {self.path} ({detail}: the disk is full, over a "
                                 "file-size limit or failing): documents already indexed are intact; fix the "
                                 "cause and run the same command again to finish") from None
            raise

    @contextmanager
    def writing(self, on_wait: Callable[[str], None] | None = _say_waiting) -> Iterator[None]:
        """Hold the store's writer lock for the block (re-entrant within this object).

        Blocks while another process (or another ``Store`` on the same folder) writes; before
        blocking, calls ``on_wait`` once with a one-line message naming the holder's pid. The
        lock is ``flock`` on ``<store>/write.lock``: released when the block ends or the holder
        dies. Raises ``StoreError`` when the lock file cannot be created (read-only store).
        """
        with self._writer:
            if self._lock_depth == 0:
                lock_path = self.path / LOCK_FILE
                try:
                    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
                except OSError as e:
                    raise StoreError(f"cannot write to the store {self.path}: {e.strerror or e}") from None
                try:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                        if on_wait is not None:
                            on_wait(f"waiting for another process (pid {holder}) writing to {self.path} to finish")
                        fcntl.flock(fd, fcntl.LOCK_EX)
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, str(os.getpid()).encode(), 0)
                except BaseException:
                    os.close(fd)  # closing drops the flock, if it was taken
                    raise
                self._lock_fd = fd
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0 and self._lock_fd is not None:
                    fd, self._lock_fd = self._lock_fd, None
                    os.close(fd)

    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        return self.catalog.document_state(doc_id)

    def stage(self, items: Sequence[tuple[Document, list[Passage], list[Claim]]],
              sentences: Mapping[str, SentenceVectors] | None = None) -> None:
        """Step 1: write documents as pending with their chunks, lexical rows, claims and
        sentence vectors (``Catalog.stage``)."""
        with self._space():
            self.catalog.stage(items, sentences)

    def write_vectors(self, doc_ids: Sequence[str], chunk_ids: Sequence[str], vectors) -> None:
        """Step 2: replace the documents' vectors in Chroma (``vectors[i]`` is ``chunk_ids[i]``'s)."""
        by_id = {p.chunk_id: p for p in self.catalog.passages(chunk_ids, only_ready=False)}
        missing = [c for c in chunk_ids if c not in by_id]
        if missing:
            raise StoreError(f"cannot write vectors of {len(missing)} chunks not in the catalog (e.g. {missing[0]})")
        with self._space():
            self.vectors.delete_documents(list(doc_ids))
            self.vectors.upsert([by_id[c] for c in chunk_ids], vectors)

    def mark_ready(self, doc_ids: Sequence[str]) -> None:
        """Step 3."""
        with self._space():
            self.catalog.set_state(doc_ids, "ready")

    def link_near_duplicates(self, items: Sequence[tuple[str, Fingerprint]]) -> dict[str, list[dict]]:
        """Step 4 (catalog only): fingerprint ready documents and link their near-duplicates
        (see ``Catalog.link_near_duplicates``). A document left without a fingerprint by an
        interruption is fingerprinted by the next ingestion (``unfingerprinted``)."""
        with self._space():
            return self.catalog.link_near_duplicates(items)

    def sync_lexical(self, announce: bool = False) -> str:
        """Step 5: bring the tantivy lexical index up to the catalog (``Catalog.sync_lexical``):
        ``"current"``, ``"updated"``, ``"rebuilt"`` (said on stderr first when ``announce``), or
        ``"failed"``, said on stderr with the reason: searches then rank with FTS5 until a
        later sync succeeds, and nothing is lost."""
        with self.writing():
            try:
                with self._space():
                    return self.catalog.sync_lexical(_say_waiting if announce else None)
            except Exception as e:  # noqa: BLE001 - the lexical index is an accelerator
                _say_waiting(f"could not update the lexical index of {self.path} ({e}); "
                             "searches use the slower SQLite ranking until the next ingestion")
                return "failed"

    def unfingerprinted(self) -> list[tuple[str, str, str]]:
        return self.catalog.unfingerprinted()

    def pending_documents(self) -> list[str]:
        return self.catalog.doc_ids_in_state("pending")

    def delete_document(self, doc_id: str) -> dict:
        """Delete a document (any state) from both backends. Raises ``NotFound``."""
        with self.writing():
            title = self.catalog.title_of(doc_id)
            if title is None:
                raise NotFound(f"no document with id {doc_id}")
            with self._space():
                self.catalog.set_state([doc_id], "deleting")
                self._finish_delete(doc_id)
            self.sync_lexical()
        return {"doc_id": doc_id, "title": title, "deleted": True}

    def _finish_delete(self, doc_id: str) -> None:
        self.vectors.delete_documents([doc_id])
        self.catalog.remove_document(doc_id)

    def finish_interrupted_deletes(self) -> None:
        for doc_id in self.catalog.doc_ids_in_state("deleting"):
            self._finish_delete(doc_id)

    # ------------------------------------------------------------------ reading
    def search_dense(self, vector, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) best first, of ready documents only."""
        return self.search_dense_many([vector], k, filters)[0]

    def search_dense_many(self, vectors: Sequence[Any], k: int,
                          filters: Filters | None = None) -> list[list[tuple[str, float]]]:
        """``search_dense(v, k, filters)`` for each of ``vectors``, in one Chroma query. A filter
        that passes at most ``DENSE_ID_LIMIT`` chunks (an outlet, a day) is resolved by the
        catalog to their ids, which Chroma searches 3-10x faster than its own ``where`` at 100k
        vectors (measured: 10-15 ms against 35-130 ms)."""
        if Bounds.of(filters).restricts:
            ids = self.catalog.chunk_ids(filters, DENSE_ID_LIMIT)
            if ids is not None:  # ready documents only: nothing to check
                return self.vectors.query_many(vectors, k, ids=ids)
        rankings = self.vectors.query_many(vectors, k, filters)
        found = {c for hits in rankings for c, _ in hits}
        if not found:
            return rankings
        ready = self.catalog.chunk_bounds(found)
        return [[(c, s) for c, s in hits if c in ready] for hits in rankings]

    def chunk_bounds(self, chunk_ids: Iterable[str]) -> dict[str, tuple[str, int, str]]:
        """See ``Catalog.chunk_bounds``."""
        return self.catalog.chunk_bounds(chunk_ids)

    def search_lexical(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        return self.catalog.search_lexical(query, k, filters)

    def search_lexical_many(self, query: str, k: int, filters: Sequence[Filters | None],
                            pooled: Sequence[bool] = ()) -> list[list[tuple[str, float]]]:
        """See ``Catalog.search_lexical_many``."""
        return self.catalog.search_lexical_many(query, k, filters, pooled)

    def passages(self, chunk_ids: Iterable[str], only_ready: bool = True) -> list[Passage]:
        return self.catalog.passages(chunk_ids, only_ready=only_ready)

    def chunks_of(self, doc_id: str) -> list[Passage]:
        return self.catalog.chunks_of(doc_id)

    def sentence_vectors(self, keys: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], np.ndarray]:
        return self.catalog.sentence_vectors(keys)

    def sentence_vectors_of(self, doc_id: str) -> SentenceVectors | None:
        return self.catalog.sentence_vectors_of(doc_id)

    def passage_covering(self, doc_id: str, start: int, end: int) -> Passage | None:
        return self.catalog.passage_covering(doc_id, start, end)

    def document(self, doc_id: str) -> Document:
        return self.catalog.document(doc_id)

    def documents(self, filters: Filters | None = None) -> list[Document]:
        return self.catalog.documents(filters)

    def sources(self) -> list[str]:
        return self.catalog.sources()

    def near_duplicates(self, doc_ids: Sequence[str]) -> dict[str, list[dict]]:
        """The ready documents linked to each of ``doc_ids`` as near-duplicates (see ``Catalog``)."""
        return self.catalog.near_duplicates(doc_ids)

    def is_empty(self) -> bool:
        return self.catalog.is_empty()

    def stats(self) -> IndexStats:
        n = self.catalog.counts()
        return IndexStats(documents=n["documents"], chunks=n["chunks"], vectors=self.vectors.count(),
                          claims=n["claims"], pending=n["pending"], store=str(self.path), mode=self.settings.mode,
                          chroma_url=self.settings.chroma_url or None, collection=self.settings.collection,
                          embedding_model=EMBEDDING_MODEL)

    def claims(self, actors: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               filters: Filters | None = None, topic: str = "", roles: Sequence[str] | None = None) -> list[Claim]:
        return self.catalog.claims(actors, kinds, filters, topic, roles)

    def actors(self) -> list[ActorSummary]:
        return self.catalog.actors()

    def roles(self) -> list[str]:
        return self.catalog.roles()

    def officials(self, roles: Sequence[str] | None = None) -> list[tuple[str, str]]:
        return self.catalog.officials(roles)
