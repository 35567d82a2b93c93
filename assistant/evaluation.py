"""How well attache works on an archive: the metrics of `attache eval` and `benchmarks/multihop.py`.

The metric functions are pure (no index, no model) and defined once here:

- ``evidence_found(fact, text)``: a piece of evidence is found in a text when the text contains
  it, or when their longest common substring covers at least 60% of the evidence.
- ``evidence_ranks(evidence, texts)``: for each evidence string, the rank (from 1) of the first
  retrieved text that holds it, or None.
- ``recall_at_k(ranks, k)``: share of the evidence found in the top ``k``.
- ``mrr_at_k(ranks, k)``: 1 / rank of the first passage holding any evidence, 0 beyond ``k``.
- ``citation_precision_recall(quotes, evidence)``: share of quotes matching some evidence, share
  of the evidence matched by some quote (the same matching rule, the quote as the text).
- ``abstention_precision_recall(abstained, answerable)``: abstaining on an unanswerable question
  is a true positive.
- ``speaker_matches`` / ``wrong_speaker``: whether an answer credits someone other than the
  expected speaker.
- ``percentile(values, q)``: linear interpolation between closest ranks (numpy's default).

The rest runs them: ``load_questions`` reads a question set (the MultiHop-RAG query shape or
attache's own JSONL), ``run_eval`` asks an ``Assistant`` each question, and ``summarize``,
``format_table`` and ``write_report`` turn the per-question records into figures, a table and a
Markdown/HTML report with a plot.
"""
from __future__ import annotations

import base64
import html
import io
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

#: Share of an evidence string that a longest common substring must cover to count as found.
MATCH_SHARE = 0.6


# ---------------------------------------------------------------------------------- matching
def evidence_found(fact: str, text: str, share: float = MATCH_SHARE) -> bool:
    """Whether ``text`` holds the evidence string ``fact``.

    True when ``fact`` is a substring of ``text``, or when the longest common substring of the
    two is at least ``share`` (default 0.6) of ``len(fact)`` characters. An empty ``fact`` is
    never found (it would match everything)."""
    if not fact:
        return False
    if fact in text:
        return True
    m = SequenceMatcher(None, fact, text, autojunk=False).find_longest_match(0, len(fact), 0, len(text))
    return m.size >= share * len(fact)


def evidence_ranks(evidence: Sequence[str], texts: Sequence[str]) -> list[int | None]:
    """For each evidence string, the rank (1 = first text) of the first text that holds it
    (``evidence_found``), or None when no text does. ``len(result) == len(evidence)``."""
    out: list[int | None] = []
    for fact in evidence:
        out.append(next((i for i, t in enumerate(texts, start=1) if evidence_found(fact, t)), None))
    return out


# ---------------------------------------------------------------------------------- metrics
def recall_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Evidence recall@k: the share of evidence strings found within the top ``k`` texts.

    ``ranks`` is ``evidence_ranks(...)`` (one entry per evidence string). Raises ``ValueError``
    when there is no evidence (recall is undefined) or ``k < 1``."""
    if not ranks:
        raise ValueError("recall@k needs at least one evidence string")
    if k < 1:
        raise ValueError("k must be at least 1")
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Reciprocal rank of the first text holding any evidence: ``1 / rank``, or 0.0 when none of
    the top ``k`` does. Averaged over questions this is MRR@k. Raises ``ValueError`` for ``k < 1``."""
    if k < 1:
        raise ValueError("k must be at least 1")
    found = [r for r in ranks if r is not None and r <= k]
    return 1.0 / min(found) if found else 0.0


def citation_precision_recall(quotes: Sequence[str], evidence: Sequence[str]) -> tuple[float | None, float | None]:
    """``(precision, recall)`` of an answer's cited quotes against the expected evidence.

    A quote is correct when it holds some evidence string (``evidence_found(fact, quote)``).
    Precision: correct quotes / quotes (None when the answer cites nothing). Recall: evidence
    strings held by at least one quote / evidence strings (None when there is no evidence)."""
    precision = (sum(1 for q in quotes if any(evidence_found(f, q) for f in evidence)) / len(quotes)
                 if quotes else None)
    recall = (sum(1 for f in evidence if any(evidence_found(f, q) for q in quotes)) / len(evidence)
              if evidence else None)
    return precision, recall


def abstention_precision_recall(abstained: Sequence[bool],
                                answerable: Sequence[bool]) -> tuple[float | None, float | None]:
    """``(precision, recall)`` of abstaining, over paired per-question flags.

    True positive: abstained on an unanswerable question. Precision: true positives / abstentions
    (None when it never abstained). Recall: true positives / unanswerable questions (None when
    every question is answerable). Raises ``ValueError`` when the lengths differ."""
    if len(abstained) != len(answerable):
        raise ValueError("abstained and answerable must have one flag per question")
    tp = sum(1 for a, ok in zip(abstained, answerable) if a and not ok)
    n_abstained = sum(1 for a in abstained if a)
    n_unanswerable = sum(1 for ok in answerable if not ok)
    return (tp / n_abstained if n_abstained else None, tp / n_unanswerable if n_unanswerable else None)


def _name_tokens(name: str) -> frozenset[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return frozenset(re.findall(r"[a-z0-9]+", folded)) - {"the", "of"}


def speaker_matches(expected: str, cited: str) -> bool:
    """Whether a citation's speaker credits ``expected``: some name in ``cited`` (names split
    on "and", ",", ";", "&") has all the words of ``expected``, or all its words are in
    ``expected`` ("Koval" matches "Anna Koval" both ways; "Republic of Veloria" matches
    "Veloria"). Case and accents are ignored; an empty ``cited`` matches nothing."""
    want = _name_tokens(expected)
    if not want:
        return False
    for name in re.split(r"\s*(?:,|;|&|\band\b)\s*", cited):
        got = _name_tokens(name)
        if got and (want <= got or got <= want):
            return True
    return False


def wrong_speaker(expected: str, speakers: Iterable[str]) -> bool:
    """Whether an answer credits someone else: some citation has a speaker (non-empty) that does
    not match ``expected`` (``speaker_matches``). Citations without a speaker (narration, or
    no attributed statement) do not make an answer wrong-speaker."""
    return any(s and not speaker_matches(expected, s) for s in speakers)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values`` by linear interpolation between the closest
    ranks (numpy's default): ``percentile([1, 2, 3, 4], 50) == 2.5``. Raises ``ValueError`` for
    no values or ``q`` outside 0-100."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    xs = [v for v in values if v is not None]
    return sum(xs) / len(xs) if xs else None


# ---------------------------------------------------------------------------------- questions
@dataclass
class EvalQuestion:
    """One question of a set: its text, the ``evidence`` strings that should be found (verbatim
    or nearly), whether it is ``answerable``, the ``speaker`` the answer must credit ("" = no
    check), its ``qtype`` (for the per-type figures) and ``where`` it came from ("line 3")."""

    question: str
    evidence: list[str] = field(default_factory=list)
    answerable: bool = True
    speaker: str = ""
    qtype: str = ""
    where: str = ""


def parse_record(rec: Any, where: str = "") -> EvalQuestion:
    """One record as an ``EvalQuestion``. Two shapes:

    - attache's: ``{"question": str, "evidence": [str], "answerable": bool, "speaker": str,
      "type": str}``, all but ``question`` optional (``answerable`` defaults to true);
    - MultiHop-RAG's: ``{"query": str, "question_type": str, "evidence_list": [{"fact": str}]}``,
      unanswerable when ``question_type`` is ``null_query``.

    The type defaults to "answerable" / "unanswerable". Raises ``ValueError`` naming the field."""
    if not isinstance(rec, dict):
        raise ValueError("a record must be a JSON object")
    key = "question" if "question" in rec else "query" if "query" in rec else None
    if key is None:
        raise ValueError("missing field `question`")
    text = rec[key]
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"`{key}` must be a non-empty string")
    qtype = rec.get("type", rec.get("question_type", ""))
    if not isinstance(qtype, str):
        raise ValueError("`type` must be a string")
    evidence: list[str] = []
    if "evidence_list" in rec and "evidence" not in rec:
        items = rec["evidence_list"]
        if not isinstance(items, list) or not all(isinstance(e, dict) and isinstance(e.get("fact"), str)
                                                   for e in items):
            raise ValueError("`evidence_list` must be a list of objects with a string `fact`")
        evidence = [e["fact"] for e in items]
    elif "evidence" in rec:
        items = rec["evidence"]
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(e, str) for e in items):
            raise ValueError("`evidence` must be a list of strings")
        evidence = list(items)
    evidence = [e for e in evidence if e.strip()]
    if "answerable" in rec:
        answerable = rec["answerable"]
        if not isinstance(answerable, bool):
            raise ValueError("`answerable` must be true or false")
    else:
        answerable = qtype != "null_query"
    if not answerable and evidence:
        raise ValueError("`answerable` is false but `evidence` is given")
    speaker = rec.get("speaker") or ""
    if not isinstance(speaker, str):
        raise ValueError("`speaker` must be a string")
    return EvalQuestion(question=text.strip(), evidence=evidence, answerable=answerable, speaker=speaker.strip(),
                        qtype=qtype or ("answerable" if answerable else "unanswerable"), where=where)


def load_questions(path: str | Path) -> tuple[list[EvalQuestion], list[dict[str, Any]]]:
    """Read a question set: a JSON array (MultiHop-RAG's ``queries-dev.json``) or JSONL (one
    record a line; blank lines and lines starting with ``#`` are skipped). Returns
    ``(questions, errors)``, each error ``{"where": "line 3", "error": "..."}``; a bad record
    does not stop the others. Raises ``OSError`` when the file cannot be read and
    ``ValueError`` when a JSON array file is not valid JSON."""
    text = Path(path).read_text(encoding="utf-8-sig")
    questions: list[EvalQuestion] = []
    errors: list[dict[str, Any]] = []
    if text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(f"not valid JSON: {e}") from e
        if not isinstance(records, list):
            raise ValueError("a JSON question file must hold a list of records")
        items: list[tuple[str, Any]] = [(f"record {i}", rec) for i, rec in enumerate(records, start=1)]
    else:
        items = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                items.append((f"line {n}", json.loads(line)))
            except json.JSONDecodeError as e:
                items.append((f"line {n}", ValueError(f"not valid JSON: {e.msg} (column {e.colno})")))
    for where, rec in items:
        try:
            if isinstance(rec, ValueError):
                raise rec
            questions.append(parse_record(rec, where))
        except ValueError as e:
            errors.append({"where": where, "error": str(e)})
    return questions, errors


# ---------------------------------------------------------------------------------- running
Retrieve = Callable[[str, int], list[str]]


def retrievers(assistant: Any, baselines: Sequence[str] = (), rerank: bool = False) -> dict[str, Retrieve]:
    """Named retrieval functions ``(question, k) -> passage texts, best first`` over one index:
    "attache" (hybrid search, `attache search --no-rerank`), "attache+rerank" (with ``rerank``: as
    `attache search` by default), and the
    baselines "dense" (plain top-k of the store's vectors for the question's embedding) and
    "bm25" (the store's lexical index alone). Raises ``ValueError`` for an unknown baseline."""
    store = assistant.store
    out: dict[str, Retrieve] = {"attache": lambda q, k: [p.text for p in assistant.search(q, k, rerank=False)]}
    if rerank:
        out["attache+rerank"] = lambda q, k: [p.text for p in assistant.search(q, k, rerank=True)]
    for name in baselines:
        if name == "dense":
            out["dense"] = lambda q, k: [p.text for p in store.passages(
                [c for c, _ in store.search_dense(assistant.embedder.embed_one(q), k)])]
        elif name == "bm25":
            out["bm25"] = lambda q, k: [p.text for p in store.passages([c for c, _ in store.search_lexical(q, k)])]
        else:
            raise ValueError(f"unknown baseline {name!r} (dense or bm25)")
    return out


def evaluate_question(assistant: Any, q: EvalQuestion, k: int, systems: dict[str, Retrieve]) -> dict[str, Any]:
    """Ask one question and measure it: a JSON-able record with ``question``, ``type``,
    ``where``, ``answerable``, ``abstained``, ``citations`` (count), ``citation_precision`` /
    ``citation_recall`` (None when undefined), ``speaker`` / ``wrong_speaker`` (None when not
    checked or abstained), ``latency_ms`` of ``ask``, and ``retrieval``: per system
    ``{"recall", "mrr"}`` at ``k`` (empty when the question has no evidence)."""
    rec: dict[str, Any] = {"question": q.question, "type": q.qtype, "where": q.where, "answerable": q.answerable,
                           "retrieval": {}}
    if q.evidence:
        for name, fn in systems.items():
            ranks = evidence_ranks(q.evidence, fn(q.question, k)[:k])
            rec["retrieval"][name] = {"recall": recall_at_k(ranks, k), "mrr": mrr_at_k(ranks, k)}
    t0 = time.perf_counter()
    ans = assistant.ask(q.question)
    rec["latency_ms"] = (time.perf_counter() - t0) * 1000
    rec["abstained"] = bool(ans.abstained)
    rec["citations"] = len(ans.citations)
    quotes = [c.quote for c in ans.citations]
    p, r = citation_precision_recall(quotes, q.evidence) if q.evidence and q.answerable else (None, None)
    rec["citation_precision"], rec["citation_recall"] = p, r
    rec["speaker"] = q.speaker
    rec["cited_speakers"] = [c.speaker for c in ans.citations]
    rec["wrong_speaker"] = (wrong_speaker(q.speaker, rec["cited_speakers"])
                            if q.speaker and not ans.abstained else None)
    return rec


def summarize(records: Sequence[dict[str, Any]], k: int, systems: Sequence[str]) -> dict[str, Any]:
    """The figures of a group of ``evaluate_question`` records (means over the questions where a
    figure is defined; None when it is defined for none):

    ``{"questions", "retrieval": {system: {"recall@k", "mrr@k", "questions"}},
    "citations": {"precision", "recall", "questions"}, "abstention": {"precision", "recall",
    "abstained", "unanswerable"}, "speaker": {"checked", "wrong", "wrong_rate"},
    "latency_ms": {"p50", "p95"}}``, with ``k`` written into the retrieval keys."""
    def r4(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    retrieval = {}
    for s in systems:
        rows = [r["retrieval"][s] for r in records if s in r.get("retrieval", {})]
        retrieval[s] = {f"recall@{k}": r4(mean(x["recall"] for x in rows)),
                        f"mrr@{k}": r4(mean(x["mrr"] for x in rows)), "questions": len(rows)}
    ap, ar = abstention_precision_recall([r["abstained"] for r in records], [r["answerable"] for r in records])
    checked = [r for r in records if r.get("wrong_speaker") is not None]
    wrong = sum(1 for r in checked if r["wrong_speaker"])
    lat = [r["latency_ms"] for r in records]
    return {
        "questions": len(records),
        "retrieval": retrieval,
        "citations": {"precision": r4(mean(r["citation_precision"] for r in records)),
                      "recall": r4(mean(r["citation_recall"] for r in records)),
                      "questions": sum(1 for r in records if r["citation_recall"] is not None)},
        "abstention": {"precision": r4(ap), "recall": r4(ar), "abstained": sum(r["abstained"] for r in records),
                       "unanswerable": sum(not r["answerable"] for r in records)},
        "speaker": {"checked": len(checked), "wrong": wrong,
                    "wrong_rate": r4(wrong / len(checked)) if checked else None},
        "latency_ms": {"p50": round(percentile(lat, 50), 1) if lat else None,
                       "p95": round(percentile(lat, 95), 1) if lat else None},
    }


def run_eval(assistant: Any, questions: Sequence[EvalQuestion], k: int = 10, baselines: Sequence[str] = (),
             rerank: bool = False, progress: bool = True) -> dict[str, Any]:
    """Evaluate ``assistant`` (an ``Assistant``) on ``questions``: every system's retrieval at
    ``k`` on the questions with evidence, then ``ask`` on every question. Returns
    ``{"k", "systems", "overall": summarize(...), "by_type": {type: summarize(...)},
    "per_question": [record...], "failed": [{"where", "question", "error"}]}``; a question
    whose ``ask`` raises an ``AttacheError`` is listed in ``failed`` and left out of the
    figures. ``progress`` shows a tqdm bar on stderr. The assistant is warmed up first
    (``Assistant.warm_up``), so ``latency_ms`` is the warm cost of a question."""
    from tqdm import tqdm

    from index.errors import AttacheError

    systems = retrievers(assistant, baselines, rerank)
    assistant.warm_up()  # latency is measured warm: model loads are not charged to the first question
    records, failed = [], []
    for q in tqdm(questions, desc="eval", unit="q", disable=not progress, file=sys.stderr):
        try:
            records.append(evaluate_question(assistant, q, k, systems))
        except AttacheError as e:
            failed.append({"where": q.where, "question": q.question, "error": str(e)})
    types = sorted({r["type"] for r in records})
    return {"k": k, "systems": list(systems), "overall": summarize(records, k, list(systems)),
            "by_type": {t: summarize([r for r in records if r["type"] == t], k, list(systems)) for t in types},
            "per_question": records, "failed": failed}


# ---------------------------------------------------------------------------------- output
def _fmt(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.3f}" if x <= 1 else f"{x:.0f}"
    return str(x)


def tables(result: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """The result as ``(title, header, rows)`` tables (cells as text): retrieval per group and
    system, then answers per group. Groups are "overall" and each question type."""
    k = result["k"]
    groups = [("overall", result["overall"])] + sorted(result["by_type"].items())
    retr = []
    for g, s in groups:
        for name, r in s["retrieval"].items():
            if r["questions"] or g == "overall":
                retr.append([g, name, _fmt(r["questions"]), _fmt(r[f"recall@{k}"]), _fmt(r[f"mrr@{k}"])])
    ans = []
    for g, s in groups:
        c, a, sp, lat = s["citations"], s["abstention"], s["speaker"], s["latency_ms"]
        speaker = f"{sp['wrong']}/{sp['checked']}" if sp["checked"] else "–"
        ans.append([g, _fmt(s["questions"]), _fmt(c["precision"]), _fmt(c["recall"]), _fmt(a["precision"]),
                    _fmt(a["recall"]), speaker, _fmt(lat["p50"]), _fmt(lat["p95"])])
    return [
        (f"Retrieval (evidence in the top {k})", ["group", "system", "questions", f"recall@{k}", f"MRR@{k}"], retr),
        ("Answers (ask)", ["group", "questions", "cite P", "cite R", "abstain P", "abstain R", "wrong speaker",
                           "p50 ms", "p95 ms"], ans),
    ]


def format_table(result: dict[str, Any]) -> str:
    """The result as aligned plain-text tables (for a terminal)."""
    out = []
    for title, header, rows in tables(result):
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        out.append(title)
        for row in [header, *rows]:
            out.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        out.append("")
    return "\n".join(out)


def plot_png(result: dict[str, Any]) -> bytes:
    """A PNG of the overall figures: retrieval recall@k and MRR@k per system beside citation and
    abstention precision/recall. Raises ``ImportError`` when matplotlib is not installed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k, o = result["k"], result["overall"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    systems = list(o["retrieval"])
    width = 0.8 / max(1, len(systems))
    for i, s in enumerate(systems):
        r = o["retrieval"][s]
        vals = [r[f"recall@{k}"] or 0.0, r[f"mrr@{k}"] or 0.0]
        bars = ax1.bar([m + i * width for m in range(2)], vals, width, label=s)
        ax1.bar_label(bars, fmt="%.2f", fontsize=7)
    ax1.set_xticks([m + width * (len(systems) - 1) / 2 for m in range(2)], [f"recall@{k}", f"MRR@{k}"])
    ax1.set_ylim(0, 1.05)
    ax1.set_title("Retrieval")
    ax1.legend(fontsize=8)
    names = ["citation P", "citation R", "abstention P", "abstention R"]
    vals = [o["citations"]["precision"], o["citations"]["recall"], o["abstention"]["precision"],
            o["abstention"]["recall"]]
    bars = ax2.bar(names, [v or 0.0 for v in vals], color="tab:green")
    ax2.bar_label(bars, labels=[_fmt(v) for v in vals], fontsize=7)
    ax2.set_ylim(0, 1.05)
    ax2.set_title(f"Answers ({o['questions']} questions; p50 {_fmt(o['latency_ms']['p50'])} ms)")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return buf.getvalue()


def write_report(result: dict[str, Any], path: str | Path, title: str = "attache eval") -> list[str]:
    """Write a Markdown (``.md``) or HTML (``.html``/``.htm``) report: the tables, the failed
    records and a plot (Markdown: ``<name>.png`` beside the report; HTML: embedded). Returns
    notices for the user (e.g. no plot because matplotlib is missing). Raises ``ValueError``
    for another suffix and ``OSError`` when the file cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".md", ".html", ".htm"):
        raise ValueError(f"report must end in .md or .html: {path}")
    notices = []
    try:
        png: bytes | None = plot_png(result)
    except ImportError:
        png = None
        notices.append("matplotlib is not installed (pip install -e '.[bench]'): report written without a plot")
    problems = [f"{e['where']}: {e['error']}" for e in result.get("errors", []) + result.get("failed", [])]
    if suffix == ".md":
        lines = [f"# {title}", "", f"Questions: {result['overall']['questions']}, k = {result['k']}.", ""]
        if png is not None:
            img = path.with_suffix(".png")
            img.write_bytes(png)
            lines += [f"![attache eval]({img.name})", ""]
        for t, header, rows in tables(result):
            lines += [f"## {t}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
            lines.append("")
        if problems:
            lines += ["## Records not evaluated", ""] + [f"- {p}" for p in problems] + [""]
        path.write_text("\n".join(lines), encoding="utf-8")
        return notices
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}</style></head><body>",
             f"<h1>{html.escape(title)}</h1><p>Questions: {result['overall']['questions']}, k = {result['k']}.</p>"]
    if png is not None:
        parts.append(f"<img alt='attache eval' src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
    for t, header, rows in tables(result):
        parts.append(f"<h2>{html.escape(t)}</h2><table><tr>"
                     + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows]
        parts.append("</table>")
    if problems:
        parts.append("<h2>Records not evaluated</h2><ul>"
                     + "".join(f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return notices
