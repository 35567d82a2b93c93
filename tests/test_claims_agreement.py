"""The annotator-agreement benchmark (benchmarks/claims_agreement.py) on a second annotation made
from a gold document with known changes: its scores against the gold are known in advance."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
pytestmark = pytest.mark.skipif(
    not (DATASETS / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl").is_file(),
    reason="../shared/datasets not present")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "claims_agreement.py"), *args],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_second_annotation_scored_against_the_gold_with_known_values(tmp_path):
    doc = json.loads((ROOT / "benchmarks" / "gold" / "attribution" / "un.jsonl").read_text(
        encoding="utf-8").splitlines()[0])
    spans = [(s["content"], s.get("occurrence", 1)) for s in doc["statements"]]
    assert len(set(spans)) == len(spans) and len(spans) > 5
    n = len(doc["statements"])
    named = sum(1 for s in doc["statements"] if s["speaker"])
    second = dict(doc, statements=[dict(s) for s in doc["statements"][2:]])   # two statements missed
    wrong = next(s for s in second["statements"] if s["speaker"])
    wrong["speaker"], wrong["aliases"] = "Nobody Else", []                    # one wrong speaker
    path = tmp_path / "second.jsonl"
    path.write_text(json.dumps(second, ensure_ascii=False) + "\n", encoding="utf-8")

    out = _run("--second", str(path), "--json")
    assert out.returncode == 0, out.stderr
    m = json.loads(out.stdout)["metrics"]["second vs gold"]
    assert (m["gold"], m["predicted"]) == (n, n - 2)
    assert m["precision_a"] == round((n - 3) / (n - 2), 4)
    assert m["recall_a"] == round((n - 3) / n, 4)
    missed_named = sum(1 for s in doc["statements"][:2] if s["speaker"]) + 1
    assert m["named_recall_a"] == round((named - missed_named) / named, 4)
    assert {"extractor vs gold", "extractor vs second", "second vs gold / UN"} <= set(json.loads(out.stdout)["metrics"])


def test_no_matching_document_is_an_error(tmp_path):
    doc = json.loads((ROOT / "benchmarks" / "gold" / "attribution" / "un.jsonl").read_text(
        encoding="utf-8").splitlines()[0])
    doc["range"] = [doc["range"][0], doc["range"][1] - 1]
    doc["statements"] = []
    path = tmp_path / "second.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out = _run("--second", str(path))
    assert out.returncode == 1
    assert doc["id"] in out.stderr and "no gold document" in out.stderr
