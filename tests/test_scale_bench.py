"""benchmarks/scale.py at a tiny size: a base store from 2+2 real documents, two stores (the second
needs copies), warm latency embedded and through a real `chroma run` server, results and plot written,
no server left running."""
import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "scale.py"
DATASETS = ROOT.parent / "shared" / "datasets"

sys.path.insert(0, str(ROOT / "benchmarks"))


def test_copies_change_text_but_keep_offsets():
    from scale import mutate

    from index.neardup import THRESHOLD, fingerprint

    text = ("The foreign minister said on Tuesday that the government would reopen the grain corridor "
            "through the straits, and that inspections would resume under international supervision. ") * 12
    copy = mutate(text, 1)
    assert copy != text and len(copy) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, copy)) if a != b]  # letters changed in place
    assert all(a == b for a, b in zip(text, copy) if not a.isalpha())  # punctuation and spaces kept
    assert mutate(text, 2) not in (text, copy)
    # a near-duplicate (linked, not dropped), as a lightly edited update would be
    assert fingerprint(text).similarity(fingerprint(copy)) >= THRESHOLD


@pytest.mark.skipif(not (DATASETS / "multihop-rag" / "corpus.json").is_file(), reason="shared datasets not found")
def test_scale_benchmark_tiny(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    env.pop("ATTACHE_STORE", None)
    r = subprocess.run([sys.executable, str(SCRIPT), "--work", str(work), "--out", str(out), "--base-limit", "2",
                        "--sizes", "20,100", "--questions", "2", "--warmup", "1", "--server-sizes", "20",
                        "--skip", "speed,cold,serve,probe,profile"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads((out / "scale.json").read_text())
    base = res["base"]
    assert base["documents"] == 4 and base["chunks"] == base["vectors"] > 0
    small, big = res["sizes"]["20"], res["sizes"]["100"]
    assert small["store"]["chunks"] >= 20 and small["store"]["copies"] == 0
    # 100 chunks is more than the 4 base documents hold: copies with new ids, linked as near-duplicates
    assert big["store"]["chunks"] >= 100 and big["store"]["copies"] > 0
    assert big["store"]["near_duplicate_links"] >= big["store"]["copies"]
    assert big["store"]["vectors"] == big["store"]["chunks"]
    for r_ in (small["embedded"], small["server"], big["embedded"]):
        for kind in ("search", "rerank", "ask"):
            assert r_[kind]["n"] == 2 and 0 < r_[kind]["p50_ms"] <= r_[kind]["p95_ms"]
    assert "server" not in big
    assert small["server"]["populate"]["vectors"] == small["store"]["vectors"]
    assert (out / "scale.png").stat().st_size > 10_000
    assert json.loads((out / "scale-100.json").read_text())["size"] == 100
    # the chroma server was stopped
    left = [p for p in psutil.process_iter(["cmdline"]) if str(work) in " ".join(p.info["cmdline"] or [])]
    assert not left, left
    # a rerun reuses the stores instead of building them again
    r = subprocess.run([sys.executable, str(SCRIPT), "--work", str(work), "--out", str(out), "--base-limit", "2",
                        "--sizes", "100", "--questions", "2", "--warmup", "1",
                        "--skip", "speed,cold,serve,probe,profile,server"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "store-100: reusing" in r.stderr
