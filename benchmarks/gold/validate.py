"""Check real-news attribution gold files (benchmarks/gold/attribution/*.jsonl) against their format.

The format is one JSON object per line, one annotated document each (see the annotation guideline,
benchmarks/gold/GUIDELINE.md): ``id``, ``corpus`` ("multihop-rag" or "un-general-debates"),
``ref``, ``title``, ``source``, ``range`` ``[start, end]`` and ``statements``, each statement with
``speaker`` (str or null), ``aliases`` (list of str), ``speaker_text``, ``cue``, ``content``,
``kind`` (one of ``index.models.STATEMENT_KINDS``), ``direct`` (bool) and optional
``occurrence`` (1-based). Every ``content`` must occur verbatim inside ``text[start:end]``, at the
given occurrence; when it occurs more than once there and no occurrence is given, that is an error.

    python benchmarks/gold/validate.py FILE [FILE ...]       (no FILE: every *.jsonl in attribution/)

Errors go to stderr as ``file:line: message``; exit status 1 when there is any error, 2 when the
datasets are missing, 0 otherwise. Warnings (unknown keys, duplicate statements) do not fail.
The document texts are read from ../shared/datasets (relative to the project root).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.models import STATEMENT_KINDS  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
MULTIHOP = DATASETS / "multihop-rag" / "corpus.json"
UN = DATASETS / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
GOLD_DIR = Path(__file__).resolve().parent / "attribution"
CORPORA = {"multihop-rag": "multihop", "un-general-debates": "un"}
DOC_KEYS = {"id", "corpus", "ref", "title", "source", "range", "statements"}
STATEMENT_KEYS = {"speaker", "aliases", "speaker_text", "cue", "content", "kind", "direct"}
OPTIONAL_STATEMENT_KEYS = {"occurrence", "note"}

_texts: dict[str, dict[Any, str]] = {}


def corpus_texts(corpus: str) -> dict[Any, str]:
    """Document texts of one corpus keyed by ``ref``: MultiHop ``body`` by index in corpus.json
    (int keys), UN ``text`` by speech ``id`` (str keys). Raises FileNotFoundError when the
    dataset is absent, KeyError for an unknown corpus name."""
    if corpus not in _texts:
        if corpus == "multihop-rag":
            rows = json.loads(MULTIHOP.read_text(encoding="utf-8"))
            _texts[corpus] = {i: r["body"] for i, r in enumerate(rows)}
        elif corpus == "un-general-debates":
            with UN.open(encoding="utf-8") as f:
                _texts[corpus] = {r["id"]: r["text"] for r in map(json.loads, f) if r.get("id")}
        else:
            raise KeyError(corpus)
    return _texts[corpus]


def find_occurrence(text: str, needle: str, start: int, end: int, occurrence: int = 1) -> int:
    """Offset in ``text`` of the ``occurrence``-th (1-based) occurrence of ``needle`` lying wholly
    inside ``text[start:end]``, or -1. Occurrences are counted non-overlapping from ``start``."""
    at, pos = -1, start
    for _ in range(occurrence):
        at = text.find(needle, pos, end)
        if at < 0:
            return -1
        pos = at + max(len(needle), 1)
    return at


def count_in(text: str, needle: str, start: int, end: int) -> int:
    """Number of non-overlapping occurrences of ``needle`` inside ``text[start:end]``."""
    return text.count(needle, start, end) if needle else 0


def statement_span(text: str, doc: dict, st: dict) -> tuple[int, int]:
    """Character span ``(start, end)`` in ``text`` of a valid gold statement's ``content``.
    Raises ValueError when the content is not found inside the document's range."""
    a, b = doc["range"]
    at = find_occurrence(text, st["content"], a, b, int(st.get("occurrence", 1)))
    if at < 0:
        raise ValueError(f"{doc.get('id')}: content not found in range: {st['content'][:60]!r}")
    return at, at + len(st["content"])


def _is_str(x: Any, allow_empty: bool = False) -> bool:
    return isinstance(x, str) and (allow_empty or bool(x.strip()))


def check_document(doc: Any, text_of) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one parsed line. ``text_of(corpus, ref)`` returns the document text
    or raises KeyError."""
    errors: list[str] = []
    warnings: list[str] = []
    if not isinstance(doc, dict):
        return ["line is not a JSON object"], []
    missing = DOC_KEYS - doc.keys()
    if missing:
        errors.append(f"missing document field(s): {', '.join(sorted(missing))}")
    extra = doc.keys() - DOC_KEYS
    if extra:
        warnings.append(f"unknown document field(s): {', '.join(sorted(extra))}")
    corpus, ref, did = doc.get("corpus"), doc.get("ref"), doc.get("id")
    if corpus not in CORPORA:
        errors.append(f"corpus must be one of {sorted(CORPORA)}, got {corpus!r}")
        return errors, warnings
    if corpus == "multihop-rag" and (not isinstance(ref, int) or isinstance(ref, bool)):
        errors.append(f"ref of a multihop-rag document must be an int index, got {ref!r}")
        return errors, warnings
    if corpus == "un-general-debates" and not _is_str(ref):
        errors.append(f"ref of a un-general-debates document must be the speech id string, got {ref!r}")
        return errors, warnings
    expected_id = f"{CORPORA[corpus]}-{ref}"
    if did != expected_id:
        errors.append(f"id must be {expected_id!r} for corpus {corpus} ref {ref!r}, got {did!r}")
    for key in ("title", "source"):
        if key in doc and not isinstance(doc[key], str):
            errors.append(f"{key} must be a string")
    try:
        text = text_of(corpus, ref)
    except KeyError:
        errors.append(f"no document with ref {ref!r} in {corpus}")
        return errors, warnings
    rng = doc.get("range")
    if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, int) and not isinstance(x, bool)
                                                             for x in rng)):
        errors.append(f"range must be [start, end] integers, got {rng!r}")
        return errors, warnings
    a, b = rng
    if not 0 <= a < b <= len(text):
        errors.append(f"range {rng} is not within the text (0..{len(text)}) or is empty")
        return errors, warnings
    statements = doc.get("statements")
    if not isinstance(statements, list):
        errors.append("statements must be a list")
        return errors, warnings
    seen: dict[tuple, int] = {}
    for i, st in enumerate(statements, 1):
        where = f"statement {i}"
        if not isinstance(st, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        content = st.get("content")
        if _is_str(content):
            where += f" ({content[:40]!r})"
        miss = STATEMENT_KEYS - st.keys()
        if miss:
            errors.append(f"{where}: missing field(s): {', '.join(sorted(miss))}")
        extra = st.keys() - STATEMENT_KEYS - OPTIONAL_STATEMENT_KEYS
        if extra:
            warnings.append(f"{where}: unknown field(s): {', '.join(sorted(extra))}")
        speaker = st.get("speaker")
        if speaker is not None and not _is_str(speaker):
            errors.append(f"{where}: speaker must be a non-empty string or null, got {speaker!r}")
        aliases = st.get("aliases", [])
        if not (isinstance(aliases, list) and all(_is_str(x) for x in aliases)):
            errors.append(f"{where}: aliases must be a list of non-empty strings")
        if speaker is None and aliases:
            warnings.append(f"{where}: unnamed speaker (null) with aliases {aliases!r}")
        for key in ("speaker_text", "cue"):
            if key not in st:
                continue
            val = st[key]
            if not _is_str(val):
                errors.append(f"{where}: {key} must be a non-empty string, got {val!r}")
            elif val.casefold() not in text.casefold():
                errors.append(f"{where}: {key} {val!r} does not occur in the text")
        kind = st.get("kind")
        if "kind" in st and kind not in STATEMENT_KINDS:
            errors.append(f"{where}: kind must be one of {', '.join(STATEMENT_KINDS)}, got {kind!r}")
        if "direct" in st and not isinstance(st["direct"], bool):
            errors.append(f"{where}: direct must be true or false, got {st['direct']!r}")
        occ = st.get("occurrence", 1)
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: occurrence must be an integer >= 1, got {occ!r}")
            continue
        if not _is_str(content):
            if "content" in st:
                errors.append(f"{where}: content must be a non-empty string")
            continue
        n = count_in(text, content, a, b)
        if n == 0:
            if content in text:
                errors.append(f"{where}: content occurs in the text but not inside range {rng}")
            else:
                hint = ""
                squeezed = " ".join(content.split())
                if squeezed != content or any(q in content for q in "\"'"):
                    hint = " (check whitespace and straight vs curly quotes)"
                errors.append(f"{where}: content not found verbatim in the text{hint}")
        elif occ > n:
            errors.append(f"{where}: occurrence {occ} but content occurs only {n} time(s) in range")
        elif n > 1 and "occurrence" not in st:
            errors.append(f"{where}: content occurs {n} times in range; add \"occurrence\" (1-based)")
        key = (speaker, content, occ)
        if key in seen:
            warnings.append(f"{where}: duplicate of statement {seen[key]} (same speaker, content, occurrence)")
        else:
            seen[key] = i
    return errors, warnings


def validate_file(path: Path, ids: dict[str, str] | None = None) -> tuple[list[str], list[str], int, int]:
    """(errors, warnings, documents, statements) for one gold file; messages are ``path:line: message``.
    ``ids`` maps document ids already seen (possibly in other files) to where, to report
    duplicates across files."""
    ids = {} if ids is None else ids
    errors: list[str] = []
    warnings: list[str] = []
    n_docs = n_statements = 0

    def text_of(corpus: str, ref: Any) -> str:
        return corpus_texts(corpus)[ref]

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: cannot read: {e}"], [], 0, 0
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not valid JSON: {e}")
            continue
        n_docs += 1
        if isinstance(doc, dict) and isinstance(doc.get("statements"), list):
            n_statements += len(doc["statements"])
        errs, warns = check_document(doc, text_of)
        did = doc.get("id") if isinstance(doc, dict) else None
        label = f"{where}: {did}: " if isinstance(did, str) else f"{where}: "
        errors += [label + e for e in errs]
        warnings += [label + w for w in warns]
        if isinstance(did, str):
            if did in ids:
                errors.append(f"{label}duplicate document id (first at {ids[did]})")
            else:
                ids[did] = where
    return errors, warnings, n_docs, n_statements


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    paths = [Path(a) for a in args] or sorted(GOLD_DIR.glob("*.jsonl"))
    if not paths:
        print(f"no gold files given and none in {GOLD_DIR}", file=sys.stderr)
        return 1
    if not MULTIHOP.is_file() or not UN.is_file():
        print(f"datasets not found under {DATASETS}: cannot check contents", file=sys.stderr)
        return 2
    ids: dict[str, str] = {}
    n_errors = 0
    for path in paths:
        errors, warnings, n_docs, n_statements = validate_file(path, ids)
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        n_errors += len(errors)
        status = "OK" if not errors else f"{len(errors)} error(s)"
        print(f"{path}: {n_docs} document(s), {n_statements} statement(s), {status}, {len(warnings)} warning(s)")
    return 1 if n_errors else 0


if __name__ == "__main__":
    sys.exit(main())
