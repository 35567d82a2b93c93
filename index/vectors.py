"""The Chroma side of a store: one collection of chunk vectors (cosine space), embedded in
``<store>/chroma`` or on a ``chroma run`` server.

Vectors are always computed by attache: the collection is opened with
``embedding_function=None`` and every write passes ``embeddings``, because Chroma's default
embedder downloads a model (and fails offline). Each vector carries the metadata the filters
need (``doc_id``, ``source``, ``source_lc``, ``pub_day``, ``seq``), so dense search filters in
Chroma itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .embedding import DIMENSIONS
from .errors import StoreError, is_disk_full
from .filtering import Bounds, pub_day
from .models import Filters, Passage

#: Chroma refuses larger batches (its limit is about 5,461 on SQLite builds).
CHROMA_MAX_BATCH = 4000
_DELETE_BATCH = 500


class VectorStore:
    """A Chroma collection of chunk vectors.

    ``chroma_url`` empty: an embedded ``PersistentClient`` in ``folder/chroma`` (no network);
    else an ``HttpClient`` for that ``http[s]://host:port`` (the server is checked with a
    heartbeat). Every Chroma failure is raised as ``StoreError`` naming which of the two it
    was ("embedded Chroma in ..." / "Chroma server at ...").
    """

    def __init__(self, folder: Path, collection: str, chroma_url: str = "", embedding_model: str = ""):
        self.folder = Path(folder)
        self.chroma_url = chroma_url
        self.collection_name = collection
        self.embedding_model = embedding_model
        self.collection = self._open()

    @property
    def where_label(self) -> str:
        """Which Chroma this is, for messages."""
        if self.chroma_url:
            return f"Chroma server at {self.chroma_url}"
        return f"embedded Chroma in {self.folder / 'chroma'}"

    def _error(self, verb: str, e: Exception) -> StoreError:
        full = is_disk_full(e, None if self.chroma_url else self.folder)
        return StoreError(f"cannot {verb} {self.where_label}: {type(e).__name__}: {str(e)[:200]}"
                          + ("; the disk is full: free some space and run the same command again" if full else ""))

    def _open(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        url = self.chroma_url
        try:
            if url:
                u = urlparse(url if "://" in url else f"http://{url}")
                client = chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                             ssl=u.scheme == "https", settings=chroma_settings)
                client.heartbeat()
            else:
                client = chromadb.PersistentClient(path=str(self.folder / "chroma"), settings=chroma_settings)
            # Vectors are always computed by attache; Chroma's default embedder would download.
            return client.get_or_create_collection(
                self.collection_name, embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedding_model": self.embedding_model})
        except Exception as e:  # chromadb raises many types for an unreachable server
            raise self._error("open", e) from None

    # ------------------------------------------------------------------ filters
    @staticmethod
    def where(f: Filters | None) -> dict | None:
        """The Chroma ``where`` for vectors of documents passing ``f`` (None: no condition).
        The only translation of filters to Chroma; readiness is the catalog's business."""
        b = Bounds.of(f)
        conds: list[dict] = []
        if b.sources:
            conds.append({"source_lc": {"$in": list(b.sources)}})
        if b.day_min is not None:
            conds.append({"pub_day": {"$gte": b.day_min}})
        if b.day_max is not None:
            conds.append({"pub_day": {"$lte": b.day_max}})
        if b.doc_ids:
            conds.append({"doc_id": {"$in": list(b.doc_ids)}})
        if not conds:
            return None
        return conds[0] if len(conds) == 1 else {"$and": conds}

    # ------------------------------------------------------------------ writing
    def delete_documents(self, doc_ids: Sequence[str]) -> None:
        """Remove every vector of these documents (none is fine). Raises ``StoreError``."""
        try:
            for i in range(0, len(doc_ids), _DELETE_BATCH):
                part = list(doc_ids[i:i + _DELETE_BATCH])
                self.collection.delete(where={"doc_id": part[0]} if len(part) == 1 else {"doc_id": {"$in": part}})
        except Exception as e:
            raise self._error("delete from", e) from None

    def upsert(self, passages: Sequence[Passage], vectors: Any) -> None:
        """Write one vector per passage (``vectors[i]`` for ``passages[i]``: a sequence or an
        ``(n, dim)`` array of floats), id ``chunk_id``, with the filter metadata and the text,
        in batches of ``CHROMA_MAX_BATCH``. Raises ``StoreError``."""
        if len(passages) != len(vectors):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        try:
            for i in range(0, len(passages), CHROMA_MAX_BATCH):
                part = passages[i:i + CHROMA_MAX_BATCH]
                self.collection.upsert(
                    ids=[p.chunk_id for p in part],
                    embeddings=vectors[i:i + CHROMA_MAX_BATCH],
                    metadatas=[{"doc_id": p.doc_id, "source": p.source or "", "source_lc": (p.source or "").lower(),
                                "pub_day": pub_day(p.published), "seq": p.seq} for p in part],
                    documents=[p.text for p in part],
                )
        except Exception as e:
            raise self._error("write to", e) from None

    # ------------------------------------------------------------------ reading
    def count(self) -> int:
        """Number of vectors in the collection (of documents in any state). Raises ``StoreError``."""
        try:
            return self.collection.count()
        except Exception as e:
            raise self._error("count", e) from None

    def query(self, vector: Any, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """Up to ``k`` ``(chunk_id, cosine similarity)`` pairs nearest to ``vector``, best first,
        among vectors passing ``filters``. Vectors of documents that are not ready yet may be
        among them: the caller drops those. Raises ``StoreError``. (Chroma 1.x returns fewer than
        ``k`` when fewer pass, so the collection is not counted first: that cost 9 ms a query at
        100k vectors.)"""
        return self.query_many([vector], k, filters)[0]

    def prefetch(self) -> None:
        """Make Chroma load the collection's vector index now (a one-result query), so that the
        first real query does not pay for it (about 1 s at 100k vectors). Raises ``StoreError``."""
        if self.chroma_url:
            return
        self.query_many([[1.0] + [0.0] * (DIMENSIONS - 1)], 1)

    def query_many(self, vectors: Sequence[Any], k: int, filters: Filters | None = None,
                   ids: Sequence[str] | None = None) -> list[list[tuple[str, float]]]:
        """``query(v, k, filters)`` for each of ``vectors`` (each a sequence of 384 floats), in
        one Chroma call; with ``ids``, among those vectors only (``filters`` is then ignored: a
        filter resolved to ids by the catalog is 3-10x faster in Chroma than its ``where`` at
        100k vectors). Raises ``StoreError``."""
        if k <= 0 or not vectors or (ids is not None and not ids):
            return [[] for _ in vectors]
        try:
            res = self.collection.query(query_embeddings=[list(map(float, v)) for v in vectors], n_results=k,
                                        where=None if ids is not None else self.where(filters),
                                        ids=list(ids) if ids is not None else None, include=["distances"])
        except Exception as e:
            raise self._error("query", e) from None
        return [[(cid, 1.0 - float(d)) for cid, d in zip(found, dists)]
                for found, dists in zip(res["ids"], res["distances"])]
