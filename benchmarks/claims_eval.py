"""Precision and recall of ClaimExtractor against gold attributed statements.

Two gold sets:

* the samples (tests/gold/claims.json: 12 sample articles and the Bloomberg article, written with
  the rules, so an upper bound). Legacy score, unchanged: a predicted claim matches a gold one
  when the actors are equal (case-insensitive) and the spans match (``spans_match``: character
  IoU >= 0.5 or one contains the other); micro-averaged.
* the real-news gold (benchmarks/gold/attribution/*.jsonl: MultiHop-RAG articles and UN General
  Debate speeches annotated by reading, format checked by benchmarks/gold/validate.py), split
  per document into a dev and a test half (benchmarks/gold/attribution/split.json).

Scores on the real-news gold (and, for comparison, on the samples read the same way). The
extractor runs on the text ingestion gives (the record loaded by ``index.loaders``, cleaned,
headline-like lines masked, a speech's country/speaker as its voice); gold offsets into the
dataset's raw text are mapped onto it; predictions whose content does not lie inside the
annotated range are dropped. Then, micro-averaged over statements:

* (a) speaker and span: the predicted actor matches the gold speaker and the spans match;
* (b) speaker: the actor matches and the predicted span overlaps the gold statement's sentence;
* named recall: recall (a) and (b) over gold statements whose speaker is named (not null).

Speaker match: names folded (NFC, accents, apostrophes, case; ``index.actors.fold``) and a
leading "the" dropped; equal to the gold speaker or one of its aliases, or the predicted actor's
words are a subset of the words of one of them ("Blinken" for "Antony Blinken") with at least
one word that is not a title or a generic state word. A gold statement with an unnamed speaker
(null) is matched by a prediction of a generic actor (a name not starting with a capital
letter: "officials", "a person familiar with the matter"), never by a named one.

    python benchmarks/claims_eval.py [--split dev|test|all] [--json] [-v [--show-test]]
                                     [--write-split] [--legacy] [--gold PATH]

``-v`` lists false positives and misses for the samples and the dev half; the test half's are
listed only with ``--show-test`` (rules are developed on dev: never tune on the test half).
``--write-split`` adds documents not yet in split.json (the existing assignments never change).
Results go to benchmarks/results/claims_eval.json (metrics only) and a table to stdout;
progress and warnings to stderr. Exits 2 when the datasets are missing.
"""
from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.actors import _TITLES, fold  # noqa: E402
from index.claims import ClaimExtractor  # noqa: E402
from index.cleaning import mask_headlines, split_front_matter  # noqa: E402
from index.text import split_sentences  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "claims.json"
GOLD_DIR = ROOT / "benchmarks" / "gold" / "attribution"
SPLIT = GOLD_DIR / "split.json"
RESULTS = ROOT / "benchmarks" / "results" / "claims_eval.json"
SEARCH_DIRS = [ROOT / "index" / "samples", ROOT.parent / "shared" / "articles"]
SEED = 13
HALVES = ("dev", "test")
# Gold files whose documents all go to the dev half (annotated after the test half was fixed; the test half
# stays the same documents, so its figures compare across sessions).
DEV_ONLY_FILES = frozenset({"multihop-i.jsonl", "multihop-j.jsonl", "un-f.jsonl", "un-g.jsonl"})
# Words that alone never name a speaker (a predicted "Republic" is not "Republic of Ghana").
GENERIC_WORDS = set(_TITLES) | {
    "the", "of", "and", "for", "republic", "kingdom", "state", "states", "united", "federation",
    "commonwealth", "government", "democratic", "peoples", "people", "islamic", "arab", "union",
    "nations", "federal", "socialist", "plurinational", "independent", "ministry", "office",
}


# -- legacy samples score (unchanged) ---------------------------------------------------------
def load_article(name: str) -> tuple[str, str]:
    """(body text after any front matter, published date) of a gold file by basename."""
    for d in SEARCH_DIRS:
        path = d / name
        if path.is_file():
            front, body = split_front_matter(path.read_text(encoding="utf-8"))
            m = re.match(r"(\d{4}-\d{2}-\d{2})", name)
            return body, front.get("published") or (m.group(1) if m else "")
    raise FileNotFoundError(name)


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character spans ``(start, end)`` overlap with IoU >= 0.5 or one contains the other."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return False
    contains = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return contains or inter / (max(a[1], b[1]) - min(a[0], b[0])) >= 0.5


def evaluate(gold_path: Path = GOLD, extractor: ClaimExtractor | None = None) -> dict:
    """Legacy score of the samples gold (see the module docstring): ``{"files": {name: {...}},
    "precision", "recall", "predicted", "gold"}``. Raises ValueError when a gold span is not
    found in its article, FileNotFoundError when an article is missing."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    extractor = extractor or ClaimExtractor()
    names = sorted(gold)
    articles = [load_article(n) for n in names]
    predictions = extractor.extract_many([(body, n, pub) for n, (body, pub) in zip(names, articles)])
    files, tp_pred, n_pred, tp_gold, n_gold = {}, 0, 0, 0, 0
    for name, (body, _), preds in zip(names, articles, predictions):
        golds = []
        for g in gold[name]:
            at = body.find(g["span"])
            if at < 0:
                raise ValueError(f"{name}: gold span not found: {g['span'][:60]!r}")
            golds.append((g["actor"].lower(), (at, at + len(g["span"]))))
        pairs = [(p.actor.lower(), (p.start, p.end)) for p in preds]
        hit = lambda x, ys: any(x[0] == y[0] and spans_match(x[1], y[1]) for y in ys)  # noqa: E731
        p_ok = sum(hit(p, golds) for p in pairs)
        g_ok = sum(hit(g, pairs) for g in golds)
        files[name] = {
            "predicted": len(pairs), "gold": len(golds), "precision": p_ok / len(pairs) if pairs else 0.0,
            "recall": g_ok / len(golds) if golds else 0.0,
            "false_positives": [f"{p.actor}: {p.text[:80]}" for p, x in zip(preds, pairs) if not hit(x, golds)],
            "missed": [f"{g['actor']}: {g['span'][:80]}" for g, x in zip(gold[name], golds) if not hit(x, pairs)],
        }
        tp_pred, n_pred, tp_gold, n_gold = tp_pred + p_ok, n_pred + len(pairs), tp_gold + g_ok, n_gold + len(golds)
    return {"files": files, "precision": tp_pred / n_pred if n_pred else 0.0,
            "recall": tp_gold / n_gold if n_gold else 0.0, "predicted": n_pred, "gold": n_gold}


# -- matching ---------------------------------------------------------------------------------
def norm_name(name: str) -> str:
    """A name folded for comparison: ``fold`` (NFC, accents, apostrophes, case) without a leading
    "the" and with hyphens read as spaces ("the Secretary-General" -> "secretary general")."""
    f = fold(name).replace("-", " ").replace("‐", " ")
    f = re.sub(r"^(?:the|a|an)\s+", "", f)
    return re.sub(r"\s+", " ", f).strip(" .,;:")


def is_generic(actor: str) -> bool:
    """Whether a predicted actor names nobody in particular ("officials", "a person familiar with
    the matter", "diplomats", "he"): its first word after a determiner is not capitalised."""
    words = re.sub(r"^(?:the|a|an)\s+", "", actor.strip(), flags=re.I).split()
    return not words or not words[0][:1].isupper()


def _canonical(name: str) -> str:
    """A name as the built-in actor table's ``aliases`` write it (``index/aliases.json``: "DOJ" and
    "Justice Department" are "Department of Justice"), folded (the name itself when it has none)."""
    aliases = _table_aliases()
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    return norm_name(aliases.get(name, aliases.get(bare, name)))


@functools.lru_cache(maxsize=1)
def _table_aliases() -> dict[str, str]:
    """The table's aliases of bodies (a person's surname is scored as it always was)."""
    from index.actors import ActorResolver

    table = json.loads((ROOT / "index" / "aliases.json").read_text(encoding="utf-8"))
    resolver = ActorResolver()
    return {k: v for k, v in table.get("aliases", {}).items()
            if isinstance(v, str) and resolver.resolve(v).actor_type == "organisation"}


def speaker_matches(actor: str, speaker: str | None, aliases: Sequence[str] = ()) -> bool:
    """Whether a predicted ``actor`` is the gold ``speaker`` (see the module docstring): for a
    named speaker, equal to it or an alias once folded, or a word subset of one of them with a
    non-generic word; for an unnamed speaker (None), a generic actor."""
    if speaker is None:
        return is_generic(actor)
    p = norm_name(actor)
    if not p:
        return False
    names = [norm_name(n) for n in (speaker, *aliases) if n]
    if p in names:
        return True
    # (one body by the built-in table's aliases: the gold's "Justice Department" is "Department of Justice")
    canonical = _canonical(actor)
    if canonical and canonical in {_canonical(n) for n in (speaker, *aliases) if n}:
        return True
    if is_generic(actor):
        return False
    pw = p.split()
    if not any(w not in GENERIC_WORDS for w in pw):
        return False
    return any(set(pw) <= set(n.split()) for n in names)


@dataclass
class GoldStatement:
    """A gold statement located in the evaluated text: content span and the sentence span(s) it lies in."""

    speaker: str | None
    aliases: list[str]
    content: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    kind: str = ""


@dataclass
class Prediction:
    """A predicted claim reduced to what is scored."""

    actor: str
    start: int
    end: int
    text: str = ""


@dataclass
class DocScore:
    """Matches of one document: which predictions and gold statements are right under (a) and (b)."""

    doc_id: str
    corpus: str
    golds: list[GoldStatement]
    preds: list[Prediction]
    pred_a: list[bool] = field(default_factory=list)
    pred_b: list[bool] = field(default_factory=list)
    gold_a: list[bool] = field(default_factory=list)
    gold_b: list[bool] = field(default_factory=list)


def score_document(doc_id: str, corpus: str, golds: list[GoldStatement], preds: list[Prediction],
                   rng: tuple[int, int] | None = None) -> DocScore:
    """Score one document. ``rng``: the annotated range; predictions whose content span does
    not lie wholly inside it are dropped first."""
    if rng is not None:
        preds = [p for p in preds if rng[0] <= p.start and p.end <= rng[1]]

    def a(p: Prediction, g: GoldStatement) -> bool:
        return speaker_matches(p.actor, g.speaker, g.aliases) and spans_match((p.start, p.end), (g.start, g.end))

    def b(p: Prediction, g: GoldStatement) -> bool:
        return (speaker_matches(p.actor, g.speaker, g.aliases)
                and min(p.end, g.sent_end) > max(p.start, g.sent_start))

    return DocScore(doc_id, corpus, golds, preds,
                    pred_a=[any(a(p, g) for g in golds) for p in preds],
                    pred_b=[any(b(p, g) for g in golds) for p in preds],
                    gold_a=[any(a(p, g) for p in preds) for g in golds],
                    gold_b=[any(b(p, g) for p in preds) for g in golds])


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def aggregate(scores: Iterable[DocScore]) -> dict[str, Any]:
    """Micro-averaged metrics over documents: counts, ``precision_a``/``recall_a`` (speaker and
    span), ``precision_b``/``recall_b`` (speaker, sentence overlap), ``named_recall_a``/
    ``named_recall_b`` (gold with a named speaker only), ``recall_a_by_kind`` ({kind: {"gold",
    "recall_a"}}). A ratio is None when its denominator is 0."""
    scores = list(scores)
    n_pred = sum(len(s.preds) for s in scores)
    n_gold = sum(len(s.golds) for s in scores)
    named = [(s, i) for s in scores for i, g in enumerate(s.golds) if g.speaker is not None]
    return {
        "documents": len(scores),
        "gold": n_gold,
        "gold_named": len(named),
        "predicted": n_pred,
        "precision_a": _ratio(sum(sum(s.pred_a) for s in scores), n_pred),
        "recall_a": _ratio(sum(sum(s.gold_a) for s in scores), n_gold),
        "precision_b": _ratio(sum(sum(s.pred_b) for s in scores), n_pred),
        "recall_b": _ratio(sum(sum(s.gold_b) for s in scores), n_gold),
        "named_recall_a": _ratio(sum(s.gold_a[i] for s, i in named), len(named)),
        "named_recall_b": _ratio(sum(s.gold_b[i] for s, i in named), len(named)),
        "recall_a_by_kind": {k: {"gold": n, "recall_a": _ratio(hit, n)}
                             for k, (n, hit) in sorted(_by_kind(scores).items())},
    }


def _by_kind(scores: list[DocScore]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for s in scores:
        for g, ok in zip(s.golds, s.gold_a):
            n, hit = out.get(g.kind or "?", (0, 0))
            out[g.kind or "?"] = (n + 1, hit + ok)
    return out


def errors_of(score: DocScore, text: str) -> dict[str, list[str]]:
    """False positives and misses of one document under (a), as short readable lines."""
    def clip(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= 100 else s[:97] + "..."

    return {
        "false_positives": [f"{p.actor}: {clip(text[p.start:p.end])}"
                            + ("" if not ok_b else "  [speaker right, span off]")
                            for p, ok, ok_b in zip(score.preds, score.pred_a, score.pred_b) if not ok],
        "missed": [f"{g.speaker or '(unnamed)'}: {clip(g.content)}"
                   + ("" if not ok_b else "  [speaker found, span off]")
                   for g, ok, ok_b in zip(score.golds, score.gold_a, score.gold_b) if not ok],
    }


# -- split ------------------------------------------------------------------------------------
def assign_split(ids_by_corpus: dict[str, list[str]], existing: dict[str, str], seed: int = SEED) -> dict[str, str]:
    """Dev/test assignment of every id: ``existing`` assignments are kept as they are; the ids
    not in it are, per corpus, put in a seeded random order (``random.Random(seed)`` over the
    sorted new ids) and each goes to the half of that corpus that has fewer documents so far
    (dev on a tie), so each corpus stays split half and half. Returns the full mapping."""
    out = dict(existing)
    for corpus in sorted(ids_by_corpus):
        ids = sorted(set(ids_by_corpus[corpus]))
        new = [i for i in ids if i not in out]
        if not new:
            continue
        random.Random(seed).shuffle(new)
        count = {h: sum(1 for i in ids if out.get(i) == h) for h in HALVES}
        for i in new:
            half = "dev" if count["dev"] <= count["test"] else "test"
            out[i] = half
            count[half] += 1
    return out


def read_split(path: Path = SPLIT) -> dict[str, str]:
    """{document id: "dev" | "test"} from split.json ({} when absent). Raises ValueError on a bad file."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    assignments = data.get("assignments", data) if isinstance(data, dict) else None
    if not isinstance(assignments, dict) or any(v not in HALVES for v in assignments.values()):
        raise ValueError(f"{path}: expected {{\"assignments\": {{id: \"dev\"|\"test\"}}}}")
    return dict(assignments)


def write_split(assignments: dict[str, str], path: Path = SPLIT) -> None:
    """Write split.json: the seed, a note, and the assignments sorted by id."""
    data = {
        "seed": SEED,
        "note": "Document-level dev/test split of the attribution gold, half and half within each corpus up to "
                "un-e.jsonl; the documents of multihop-i, multihop-j, un-f and un-g (2026-12-08) are all dev, so "
                "that the test half stays the same documents. Ids are only ever added "
                "(benchmarks/claims_eval.py --write-split); never tune on 'test'.",
        "assignments": dict(sorted(assignments.items())),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# -- real-news gold ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _validator():
    """benchmarks/gold/validate.py as a module (loaded once: it caches the corpora)."""
    spec = importlib.util.spec_from_file_location("gold_validate", ROOT / "benchmarks" / "gold" / "validate.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def load_gold_docs(paths: Sequence[Path]) -> list[dict]:
    """Valid gold documents of the given JSONL files; documents with format errors (see
    validate.py) are skipped with a warning on stderr, and so are repeated ids."""
    v = _validator()
    docs, seen = [], set()
    for path in paths:
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"warning: {path}:{no}: skipped, not valid JSON: {e}", file=sys.stderr)
                continue
            errors, _ = v.check_document(doc, lambda c, r: v.corpus_texts(c)[r])
            if errors:
                print(f"warning: {path}:{no}: skipped, {len(errors)} format error(s) "
                      f"(python benchmarks/gold/validate.py {path})", file=sys.stderr)
                continue
            if doc["id"] in seen:
                print(f"warning: {path}:{no}: skipped, repeated id {doc['id']}", file=sys.stderr)
                continue
            seen.add(doc["id"])
            doc["_file"] = path.name
            doc["_raw"] = v.corpus_texts(doc["corpus"])[doc["ref"]]
            doc["_spans"] = [v.statement_span(doc["_raw"], doc, st) for st in doc["statements"]]
            docs.append(doc)
    return docs


_RECORDS: dict[str, dict] = {}


def _record(doc: dict) -> dict:
    """The dataset record of a gold document (read once per corpus). Raises KeyError."""
    corpus = doc["corpus"]
    if corpus not in _RECORDS:
        v = _validator()
        if corpus == "multihop-rag":
            _RECORDS[corpus] = dict(enumerate(json.loads(v.MULTIHOP.read_text(encoding="utf-8"))))
        else:
            with v.UN.open(encoding="utf-8") as f:
                _RECORDS[corpus] = {r["id"]: r for r in map(json.loads, f) if r.get("id")}
    return _RECORDS[corpus][doc["ref"]]


def align(raw: str, clean: str, removed: Sequence[tuple[int, int]] = ()) -> list[int]:
    """For each offset of ``raw``, its offset in ``clean`` (-1 when the character was dropped).
    ``clean`` is ``raw`` with characters deleted (and no-break spaces made spaces); ``removed``
    are raw ranges known to be deleted (cleaning report). Greedy, so a deletion not reported may
    misplace a few characters; callers verify what they map."""
    out = [-1] * len(raw)
    cuts = sorted(removed)
    k = j = 0
    i = 0
    while i < len(raw) and j < len(clean):
        while k < len(cuts) and cuts[k][1] <= i:
            k += 1
        if k < len(cuts) and cuts[k][0] <= i < cuts[k][1]:
            i = cuts[k][1]
            continue
        c = raw[i]
        if c == clean[j] or (c == "\u00a0" and clean[j] == " "):
            out[i] = j
            j += 1
        i += 1
    return out


def _squash(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def map_span(raw_span: tuple[int, int], mapping: list[int], raw: str, clean: str) -> tuple[int, int] | None:
    """``raw[s:e]`` located in ``clean`` through ``mapping`` (same text up to whitespace), else
    by searching the text with flexible whitespace nearest to where it should be, else (part of
    it was removed by cleaning) from its first to its last kept character; None if none is kept."""
    s, e = raw_span
    inside = [mapping[i] for i in range(s, e) if mapping[i] >= 0]
    want = _squash(raw[s:e])
    if inside and _squash(clean[inside[0]:inside[-1] + 1]) == want:
        return inside[0], inside[-1] + 1
    words = want.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    expect = next((mapping[i] for i in range(s, len(mapping)) if mapping[i] >= 0), len(clean))
    hits = [(abs(m.start() - expect), m.start(), m.end()) for m in pattern.finditer(clean)]
    if hits:
        return min(hits)[1], min(hits)[2]
    # Part of the span was removed by cleaning (an advertisement line inside a quotation): the
    # characters that remain, from the first to the last.
    return (inside[0], inside[-1] + 1) if inside else None


@dataclass
class Prepared:
    """One gold document ready to score: the text the extractor reads and the gold located in it."""

    doc_id: str
    corpus: str
    text: str
    published: str
    voice_meta: dict
    rng: tuple[int, int]
    golds: list[GoldStatement]
    text_mode: str  # "ingestion" (loader text, offsets mapped) or "raw" (the dataset text)


def _gold_statements(doc: dict, text: str, spans: list[tuple[int, int]]) -> list[GoldStatement]:
    sents = split_sentences(text)
    out = []
    for st, (s, e) in zip(doc["statements"], spans):
        over = [x for x in sents if x.start < e and x.end > s]
        ss = min([x.start for x in over], default=s)
        se = max([x.end for x in over], default=e)
        out.append(GoldStatement(st["speaker"], list(st.get("aliases") or []), st["content"], s, e,
                                 min(ss, s), max(se, e), st.get("kind", "")))
    return out


def prepare(doc: dict, raw_text: bool = False) -> Prepared:
    """The text ingestion reads for a gold document (``index.loaders`` record loading: cleaning,
    truncation markers) with the gold offsets mapped onto it; the dataset's raw text instead
    when ``raw_text`` or when any gold statement or the range cannot be mapped."""
    raw = doc["_raw"]
    rec = _record(doc)
    meta = {k: rec.get(k) for k in ("country", "iso3", "session", "speaker", "post") if rec.get(k)} \
        if doc["corpus"] == "un-general-debates" else {}
    published = str(rec.get("published_at") or rec.get("year") or "")
    a, b = doc["range"]
    if not raw_text:
        try:
            from index.loaders import _from_record

            loaded = _from_record(Path(f"{doc['corpus']}.json"), rec, doc["id"], 0, None)
            clean = loaded.text
            published = loaded.published or published
            removed = [(r["start"], r["end"]) for r in loaded.meta.get("removed", [])]
            mapping = align(raw, clean, removed) if clean != raw else list(range(len(raw)))
            spans = [map_span(sp, mapping, raw, clean) for sp in doc["_spans"]]
            starts = [mapping[i] for i in range(a, b) if mapping[i] >= 0]
            if starts and all(sp is not None for sp in spans):
                rng = (starts[0], starts[-1] + 1)
                ok_spans = [sp for sp in spans if sp is not None]
                rng = (min([rng[0]] + [s for s, _ in ok_spans]), max([rng[1]] + [e for _, e in ok_spans]))
                return Prepared(doc["id"], doc["corpus"], clean, published, meta, rng,
                                _gold_statements(doc, clean, ok_spans), "ingestion")
            print(f"warning: {doc['id']}: gold offsets do not map onto the loaded text; "
                  "scoring the raw text", file=sys.stderr)
        except Exception as e:  # a loader change must not stop the benchmark
            print(f"warning: {doc['id']}: loading as ingestion failed ({e}); scoring the raw text", file=sys.stderr)
    return Prepared(doc["id"], doc["corpus"], raw, published, meta, (a, b),
                    _gold_statements(doc, raw, doc["_spans"]), "raw")


def samples_prepared() -> list[Prepared]:
    """The samples gold read as gold documents: whole body as range, actor as speaker (no aliases)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for name in sorted(gold):
        body, published = load_article(name)
        spans = []
        for g in gold[name]:
            at = body.find(g["span"])
            if at < 0:
                raise ValueError(f"{name}: gold span not found: {g['span'][:60]!r}")
            spans.append((at, at + len(g["span"])))
        doc = {"statements": [{"speaker": g["actor"], "aliases": [], "content": g["span"], "kind": g.get("kind", "")}
                              for g in gold[name]]}
        out.append(Prepared(name, "samples", body, published, {}, (0, len(body)),
                            _gold_statements(doc, body, spans), "raw"))
    return out


def run_extractor(items: Sequence[Prepared], extractor: ClaimExtractor | None = None) -> list[list[Prediction]]:
    """Claims of each prepared document as ingestion extracts them (headline-like lines masked,
    a speech's voice from its country/speaker/post; no actors known from other documents)."""
    extractor = extractor or ClaimExtractor()
    voices = [extractor.voice_of(p.voice_meta) if p.voice_meta else None for p in items]
    claims = extractor.extract_many([(mask_headlines(p.text), p.doc_id, p.published) for p in items], [], voices,
                                    unmasked=[p.text for p in items])
    return [[Prediction(c.actor, c.start, c.end, c.text) for c in cl] for cl in claims]


def evaluate_gold(paths: Sequence[Path] | None = None, split_path: Path = SPLIT, halves: Sequence[str] = HALVES,
                  samples: bool = True, update_split: bool = False, raw_text: bool = False,
                  extractor: ClaimExtractor | None = None) -> dict[str, Any]:
    """Score the real-news gold per half (and the samples). Returns ``{"metrics": {group:
    aggregate}, "errors": {group: {doc_id: {...}}}, "split": {...}, "text_modes": {...}}``;
    groups are "samples", each half, and "<half>/<corpus>". ``errors`` holds every group; the
    caller decides what to show. With ``update_split`` new ids are written to split.json."""
    paths = sorted(GOLD_DIR.glob("*.jsonl")) if paths is None else list(paths)
    docs = load_gold_docs(paths)
    existing = read_split(split_path)
    existing.update({d["id"]: "dev" for d in docs if d["_file"] in DEV_ONLY_FILES and d["id"] not in existing})
    by_corpus: dict[str, list[str]] = {}
    for d in docs:
        by_corpus.setdefault(d["corpus"], []).append(d["id"])
    assignments = assign_split(by_corpus, existing)
    new = sorted(set(assignments) - set(existing))
    if new and update_split:
        write_split(assignments, split_path)
        print(f"split: {len(new)} new document(s) assigned and written to {split_path}", file=sys.stderr)
    elif new:
        print(f"warning: {len(new)} document(s) not in {split_path.name}, assigned for this run only "
              "(--write-split to keep them)", file=sys.stderr)
    chosen = [d for d in docs if assignments[d["id"]] in halves]
    t0 = time.perf_counter()
    prepared = [prepare(d, raw_text) for d in chosen]
    if samples:
        prepared += samples_prepared()
    preds = run_extractor(prepared, extractor)
    print(f"extracted {sum(map(len, preds))} claims from {len(prepared)} documents in "
          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
    groups: dict[str, list[tuple[DocScore, str]]] = {}
    for p, pr in zip(prepared, preds):
        sc = score_document(p.doc_id, p.corpus, p.golds, pr, p.rng)
        if p.corpus == "samples":
            keys = ["samples"]
        else:
            half = assignments[p.doc_id]
            keys = [half, f"{half}/{p.corpus}"] + (["all"] if len(halves) > 1 else [])
        for k in keys:
            groups.setdefault(k, []).append((sc, p.text))
    order = ["samples", *halves, "all"]
    keys = sorted(groups, key=lambda k: (order.index(k.split("/")[0]), k))
    return {
        "metrics": {k: aggregate(s for s, _ in groups[k]) for k in keys},
        "errors": {k: {s.doc_id: errors_of(s, t) for s, t in groups[k]} for k in keys if "/" not in k},
        "split": {h: sum(1 for d in docs if assignments[d["id"]] == h) for h in HALVES},
        "text_modes": {m: sum(1 for p in prepared if p.corpus != "samples" and p.text_mode == m)
                       for m in ("ingestion", "raw")},
        "gold_files": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths],
    }


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def print_table(metrics: dict[str, dict]) -> None:
    """The metrics as an aligned table on stdout."""
    head = (f"{'group':34} {'docs':>4} {'gold':>5} {'named':>5} {'pred':>5}  {'P(a)':>6} {'R(a)':>6}"
            f"  {'P(b)':>6} {'R(b)':>6}  {'Rn(a)':>6} {'Rn(b)':>6}")
    print(head)
    print("-" * len(head))
    for k, m in metrics.items():
        print(f"{k:34} {m['documents']:4d} {m['gold']:5d} {m['gold_named']:5d} {m['predicted']:5d}  "
              f"{_fmt(m['precision_a'])} {_fmt(m['recall_a'])}  {_fmt(m['precision_b'])} {_fmt(m['recall_b'])}  "
              f"{_fmt(m['named_recall_a'])} {_fmt(m['named_recall_b'])}")
    print("(a) speaker and span; (b) speaker, span overlapping the statement's sentence; "
          "Rn: recall of named-speaker statements")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None,
                    help="with --legacy: the samples gold (default tests/gold/claims.json); otherwise a gold "
                         "JSONL file to score instead of all of benchmarks/gold/attribution/*.jsonl (repeatable)",
                    action="append")
    ap.add_argument("--legacy", action="store_true", help="only the legacy score of the samples gold")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all", help="which half to score")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives and misses")
    ap.add_argument("--show-test", action="store_true", help="with -v: list the test half's errors too")
    ap.add_argument("--write-split", action="store_true", help="add new documents to split.json")
    ap.add_argument("--raw-text", action="store_true", help="score the datasets' raw text, not the loaded text")
    ap.add_argument("--no-samples", action="store_true", help="skip the samples")
    ap.add_argument("--no-save", action="store_true", help=f"do not write {RESULTS.relative_to(ROOT)}")
    args = ap.parse_args(argv)

    if args.legacy:
        res = evaluate(args.gold[0] if args.gold else GOLD)
        if args.json:
            print(json.dumps(res, indent=2, ensure_ascii=False))
            return 0
        for name, f in res["files"].items():
            print(f"{f['precision']:6.2f} {f['recall']:6.2f}  {f['predicted']:3d}/{f['gold']:3d}  {name}")
            if args.verbose:
                for x in f["false_positives"]:
                    print("      FP", x)
                for x in f["missed"]:
                    print("      FN", x)
        print(f"micro precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
              f"({res['predicted']} predicted, {res['gold']} gold)")
        return 0

    v = _validator()
    if not v.MULTIHOP.is_file() or not v.UN.is_file():
        print(f"datasets not found under {v.DATASETS}: cannot score the real-news gold", file=sys.stderr)
        return 2
    halves = HALVES if args.split == "all" else (args.split,)
    legacy = evaluate(GOLD) if not args.no_samples else None
    res = evaluate_gold(args.gold, halves=halves, samples=not args.no_samples, update_split=args.write_split,
                        raw_text=args.raw_text)
    shown = {k: e for k, e in res["errors"].items()
             if args.verbose and (args.show_test or k not in ("test", "all"))}
    summary = {
        "metrics": res["metrics"],
        "samples_legacy": None if legacy is None else
        {k: legacy[k] for k in ("precision", "recall", "predicted", "gold")},
        "split_documents": res["split"],
        "text": {"mode": "raw" if args.raw_text else "ingestion", "documents": res["text_modes"]},
        "gold_files": res["gold_files"],
        "target": "named_recall_a >= 0.75 with precision_a >= 0.85 on the test half",
    }
    if not args.no_save and args.split == "all" and not args.gold:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    if args.json:
        print(json.dumps({**summary, "errors": shown}, indent=2, ensure_ascii=False))
        return 0
    print_table(res["metrics"])
    if legacy is not None:
        print(f"samples, legacy score (actor equal, span match): precision {legacy['precision']:.3f} "
              f"recall {legacy['recall']:.3f} ({legacy['predicted']} predicted, {legacy['gold']} gold)")
    t = res["metrics"].get("test")
    if t:
        ok = (t["named_recall_a"] or 0) >= 0.75 and (t["precision_a"] or 0) >= 0.85
        print(f"target on test (named recall (a) >= 0.75, precision (a) >= 0.85): {'met' if ok else 'not met'}")
    for group, docs in shown.items():
        for doc_id, e in docs.items():
            if e["false_positives"] or e["missed"]:
                print(f"\n[{group}] {doc_id}")
                for x in e["false_positives"]:
                    print("      FP", x)
                for x in e["missed"]:
                    print("      FN", x)
    if args.verbose and not args.show_test and ("test" in res["errors"]):
        print("\n(test-half errors not listed: pass --show-test only when reporting, never to tune)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
