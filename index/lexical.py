"""The BM25 index of a store's chunks in tantivy (``<store>/lexical/``), kept beside the catalog.

The catalog (SQLite, with its FTS5 table) stays the source of truth: every change to chunks
raises the catalog's lexical generation and notes the document in ``lexical_changes``, in the
transaction that makes it. This index records the generation it reflects in ``STATE_FILE``
after each tantivy commit, and answers only while the two agree; otherwise the catalog ranks
with FTS5, so a search is never wrong, only slower, until the next ``sync`` (run by writers:
each ingestion batch and each deletion). tantivy ranks with block-max WAND: at 100k chunks a
MultiHop-RAG question's top 240 take 1.5 ms, against 27-30 ms for FTS5's ``bm25()``, which
scores every chunk holding any of the question's words (``benchmarks/scale.py``).

Tokens: tantivy's simple tokenizer, lower-cased, ASCII-folded and Snowball-stemmed (English),
close to FTS5's ``porter unicode61 remove_diacritics 2``. Titles weigh 0.3 against the text's 1.0.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .filtering import Bounds

LEXICAL_DIR = "lexical"
STATE_FILE = "attache-state.json"
TOKENIZER = "attache_en"
TITLE_BOOST = 0.3
#: The tantivy writer's memory budget, bytes (it flushes a segment when full).
WRITER_HEAP = 128 * 1024 * 1024

#: Rows of the index: ``(rid, chunk_id, doc_id, text, title, source, pub_day)`` (``rid`` the
#: catalog's chunk row id; ``source`` lower-cased; ``pub_day`` YYYYMMDD, 0 when unknown).
Row = tuple[int, str, str, str, str, str, int]
#: A search hit: ``(chunk_id, score, source, pub_day, doc_id)`` (source lower-cased).
Hit = tuple[str, float, str, int, str]
#: The layout of the index; another one in the state file means a rebuild.
LAYOUT = 3


def _analyzer():
    import tantivy

    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def _schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("rid", stored=True, indexed=True, fast=True)
    sb.add_text_field("chunk_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("source", stored=True, tokenizer_name="raw")
    sb.add_integer_field("pub_day", stored=True, indexed=True, fast=True)
    sb.add_text_field("text", stored=False, tokenizer_name=TOKENIZER)
    sb.add_text_field("title", stored=False, tokenizer_name=TOKENIZER)
    return sb.build()


def _document(row: Row):
    import tantivy

    rid, chunk_id, doc_id, text, title, source, day = row
    return tantivy.Document(rid=rid, chunk_id=chunk_id, doc_id=doc_id, text=text, title=title or "",
                            source=source or "", pub_day=int(day or 0))


class LexicalIndex:
    """tantivy BM25 over the chunks of the catalog in ``folder`` (see the module docstring).

    Thread-safe for readers; ``sync`` is for the store's one writer (the caller holds the
    store's writer lock). Never raises on reading: an index that is missing, unreadable or
    behind the catalog makes ``search`` return None (the caller then uses FTS5)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.dir = self.folder / LEXICAL_DIR
        self._lock = threading.Lock()
        self._loaded: tuple | None = None  # the state file's content the open index was read at
        self._index: Any = None
        self._searcher: Any = None
        self._analyzer: Any = None

    # ------------------------------------------------------------------ state
    def generation(self) -> int | None:
        """The catalog generation the index on disk reflects, or None (no index, or unreadable)."""
        state = self._state()
        return state[0] if state else None

    def _state(self) -> tuple[int, str] | None:
        try:
            data = json.loads((self.dir / STATE_FILE).read_text(encoding="utf-8"))
            if data.get("layout") != LAYOUT:
                return None
            return int(data["generation"]), str(data.get("build", ""))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_state(self, directory: Path, generation: int, build: str) -> None:
        tmp = directory / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps({"generation": generation, "build": build, "layout": LAYOUT}), encoding="utf-8")
        os.replace(tmp, directory / STATE_FILE)

    # ------------------------------------------------------------------ reading
    def _searcher_for(self, state: tuple[int, str]):
        """``(searcher, analyzer, schema)`` of the index at ``state``, opened once; None when it
        cannot be opened."""
        import tantivy

        with self._lock:
            if self._loaded != state or self._searcher is None:
                try:
                    index = tantivy.Index.open(str(self.dir))
                    index.register_tokenizer(TOKENIZER, _analyzer())
                    self._index, self._searcher, self._loaded = index, index.searcher(), state
                    self._analyzer = self._analyzer or _analyzer()
                except Exception:  # noqa: BLE001 - a damaged index: FTS5 answers until it is rebuilt
                    self._index = self._searcher = self._loaded = None
                    return None
            return self._searcher, self._analyzer, self._index.schema

    def search(self, terms: Sequence[str], n: int, generation: int, bounds: Bounds | None = None) -> list[Hit] | None:
        """Up to ``n`` hits ``(chunk_id, score, source, pub_day, doc_id)``, best first, for the
        OR of ``terms`` (words as typed; they are tokenised here) among the chunks passing
        ``bounds`` (outlets, days, documents: ranked inside them, so the ranking is exact), of
        documents in any state; None when the index does not reflect catalog ``generation``."""
        state = self._state()
        if state is None or state[0] != generation:
            return None
        import tantivy

        opened = self._searcher_for(state)
        if opened is None:
            return None
        searcher, analyzer, schema = opened
        tokens = list(dict.fromkeys(tok for t in terms for tok in analyzer.analyze(t)))
        if not tokens:
            return []
        words = []
        for tok in tokens:
            words.append((tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", tok)))
            words.append((tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, "title", tok), TITLE_BOOST)))
        query = tantivy.Query.boolean_query(words)
        if bounds is not None and bounds.restricts:
            conditions = []
            if bounds.sources:
                conditions.append(tantivy.Query.term_set_query(schema, "source", list(bounds.sources_db)))
            if bounds.doc_ids:
                conditions.append(tantivy.Query.term_set_query(schema, "doc_id", list(bounds.doc_ids)))
            if bounds.day_min is not None or bounds.day_max is not None:
                conditions.append(tantivy.Query.range_query(
                    schema, "pub_day", tantivy.FieldType.Integer, bounds.day_min, bounds.day_max))
            query = tantivy.Query.boolean_query(  # conditions score 0: BM25 alone orders
                [(tantivy.Occur.Must, query)]
                + [(tantivy.Occur.Must, tantivy.Query.const_score_query(c, 0.0)) for c in conditions])
        try:
            result = searcher.search(query, n, count=False)
            out = []
            for score, addr in result.hits:
                d = searcher.doc(addr)
                out.append((d["chunk_id"][0], float(score), d["source"][0], int(d["pub_day"][0]), d["doc_id"][0]))
            return out
        except Exception:  # noqa: BLE001 - a damaged index: FTS5 answers until it is rebuilt
            return None

    # ------------------------------------------------------------------ writing
    def sync(self, generation: int, changed: Callable[[int], list[str] | None],
             rows: Callable[[Sequence[str] | None], Iterable[Row]],
             say: Callable[[str], None] | None = None) -> str:
        """Bring the index to catalog ``generation``. ``changed(g)``: the documents changed
        since generation ``g`` (None when unknown); ``rows(doc_ids)``: their chunk rows (all
        rows for None). Returns ``"current"``, ``"updated"`` or ``"rebuilt"``. A rebuild
        (no index yet, or one that cannot be updated) is written beside the old index and
        swapped in whole, so readers see the old index or the new one, never half of one.
        Raises OSError or ValueError (tantivy) when the disk refuses; the catalog's FTS5
        keeps answering meanwhile."""
        have = self.generation()
        if have is not None and self._open_checked() is None:
            have = None  # damaged: rebuild
        if have == generation:
            return "current"
        docs = changed(have) if have is not None and have < generation else None
        if docs is not None and self._update(docs, rows, generation):
            return "updated"
        if say is not None:
            say(f"building the lexical index of {self.folder} ...")
        self._rebuild(rows(None), generation)
        return "rebuilt"

    def _open_checked(self):
        """The index on disk, opened and read once (a term looked up, a document fetched), or
        None when it cannot be (a segment file lost or damaged: it is then rebuilt)."""
        import tantivy

        try:
            index = tantivy.Index.open(str(self.dir))
            index.register_tokenizer(TOKENIZER, _analyzer())
            searcher = index.searcher()
            for _, addr in searcher.search(tantivy.Query.term_query(index.schema, "text", "the"), 1, count=False).hits:
                searcher.doc(addr)
            return index
        except Exception:  # noqa: BLE001 - whatever tantivy raises for a damaged index
            return None

    def _update(self, doc_ids: list[str], rows, generation: int) -> bool:
        index = self._open_checked()
        if index is None:
            return False
        try:
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        except Exception:  # noqa: BLE001 - whatever tantivy raises for a damaged index
            return False
        try:
            for doc_id in doc_ids:
                writer.delete_documents_by_term("doc_id", doc_id)
            for row in rows(doc_ids) if doc_ids else ():
                writer.add_document(_document(row))
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            try:
                writer.rollback()
            except Exception:  # noqa: BLE001 - the original error matters
                pass
            raise
        state = self._state()
        self._write_state(self.dir, generation, state[1] if state else "")
        return True

    def _rebuild(self, all_rows: Iterable[Row], generation: int) -> None:
        import tantivy

        build = f"{os.getpid()}-{os.urandom(4).hex()}"
        tmp = self.folder / f"{LEXICAL_DIR}.building-{build}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            index = tantivy.Index(_schema(), path=str(tmp), reuse=False)
            index.register_tokenizer(TOKENIZER, _analyzer())
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
            for row in all_rows:
                writer.add_document(_document(row))
            writer.commit()
            writer.wait_merging_threads()
            del writer, index
            self._write_state(tmp, generation, build)
            old = self.folder / f"{LEXICAL_DIR}.old-{build}"
            if self.dir.exists():
                os.replace(self.dir, old)
            os.replace(tmp, self.dir)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for stale in [*self.folder.glob(f"{LEXICAL_DIR}.building-*"), *self.folder.glob(f"{LEXICAL_DIR}.old-*")]:
            if stale != tmp:  # left by an interrupted rebuild
                shutil.rmtree(stale, ignore_errors=True)
