"""Embedding backends: ONNX fp32 vs torch fp32 vs torch bf16, same run.

- throughput: ~500 chunks of ~600 characters (MultiHop-RAG article bodies if ../shared is there,
  else the bundled samples, repeated), each backend in its own fresh process after a warm-up;
- cold start: wall time of a fresh ``python -c`` that imports index.embedding and embeds one
  query (imports included), median of a few runs;
- agreement: cosine of each backend's vectors to torch fp32 on the same chunks.

Writes benchmarks/results/embedding.json. Usage: python benchmarks/embedding.py [--chunks 500]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "embedding.json"
MULTIHOP = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "corpus.json"
SAMPLES = ROOT / "index" / "samples"
QUERY = "What did Putin and Xi say about the North Korea summit?"
BACKENDS = {  # name -> (backend, dtype)
    "onnx_fp32": ("onnx", "float32"),
    "torch_fp32": ("torch", "float32"),
    "torch_bf16": ("torch", "bfloat16"),
}


def chunks(n: int, size: int = 600) -> tuple[list[str], str]:
    if MULTIHOP.is_file():
        bodies, source = [a["body"] for a in json.loads(MULTIHOP.read_text(encoding="utf-8"))], "multihop-rag"
    else:
        bodies, source = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.md"))], "samples"
    out: list[str] = []
    while len(out) < n:
        for body in bodies:
            words, cur = " ".join(body.split()).split(" "), ""
            for w in words:
                cur = f"{cur} {w}" if cur else w
                if len(cur) >= size:
                    out.append(cur)
                    cur = ""
            if len(out) >= n:
                break
        if source == "samples":
            out = out * (n // max(len(out), 1) + 1)
    out = out[:n]
    return out, source


def worker(name: str, texts_file: str, vecs_file: str) -> None:
    """In a fresh process: load, warm up, time embedding all chunks, save the vectors."""
    import numpy as np

    from index.embedding import Embedder

    backend, dtype = BACKENDS[name]
    texts = json.loads(Path(texts_file).read_text())
    t0 = time.perf_counter()
    e = Embedder(dtype=dtype, batch_size=64, backend=backend)
    e.embed(texts[:64])  # load + warm-up
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    vecs = e.embed(texts)
    seconds = time.perf_counter() - t0
    np.save(vecs_file, vecs)
    print(json.dumps({"load_and_warmup_seconds": round(load, 2), "seconds": round(seconds, 2),
                      "chunks_per_second": round(len(texts) / seconds, 1)}))


def cold_start(name: str, env: dict, runs: int) -> dict:
    backend, dtype = BACKENDS[name]
    code = (f"from index.embedding import Embedder; "
            f"Embedder(dtype={dtype!r}, backend={backend!r}).embed_one({QUERY!r})")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return {"median_seconds": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chunks", type=int, default=500)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0

    import numpy as np

    from index import embedding as emb

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    export_seconds = None
    model_file = emb.onnx_model_file()
    if not model_file.is_file():
        t0 = time.perf_counter()
        emb.export_onnx(model_file)
        export_seconds = round(time.perf_counter() - t0, 1)
        print(f"exported {model_file} in {export_seconds} s", flush=True)

    texts, source = chunks(args.chunks)
    results: dict = {
        "model": emb.MODEL_NAME, "max_seq_length": emb.MAX_SEQ_LENGTH,
        "machine": {"cpus": os.cpu_count(), "cpu_has_bf16": emb.cpu_has_bf16(), "python": platform.python_version(),
                    "loadavg_1m_before": round(os.getloadavg()[0], 2)},
        "onnx_export_seconds": export_seconds,
        "throughput": {"chunks": len(texts), "source": source,
                       "mean_chars": round(sum(map(len, texts)) / len(texts)), "batch_size": 64,
                       "note": "best of the rounds (machine shared with other jobs; see loadavg)"},
        "cold_start_one_query": {},
    }
    # The machine is shared: backends are interleaved over rounds and the best round is kept.
    vecs, runs = {}, {n: [] for n in BACKENDS}
    with tempfile.TemporaryDirectory(prefix="attache-embbench-") as tmp:
        tf = Path(tmp) / "texts.json"
        tf.write_text(json.dumps(texts))
        for r in range(args.rounds):
            for name in BACKENDS:
                vf = Path(tmp) / f"{name}.npy"
                out = subprocess.run([sys.executable, __file__, "--worker", name, str(tf), str(vf)],
                                     cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
                vecs[name] = np.load(vf)
                print(f"round {r + 1}", name, runs[name][-1], flush=True)
    for name in BACKENDS:
        best = max(runs[name], key=lambda x: x["chunks_per_second"])
        results["throughput"][name] = {**best, "all_rounds_chunks_per_second": [x["chunks_per_second"] for x in runs[name]]}
    for name in BACKENDS:
        results["cold_start_one_query"][name] = cold_start(name, env, args.cold_runs)
        print("cold start", name, results["cold_start_one_query"][name], flush=True)

    tp = {n: results["throughput"][n]["chunks_per_second"] for n in BACKENDS}
    cs = {n: results["cold_start_one_query"][n]["median_seconds"] for n in BACKENDS}
    results["ratios"] = {
        "throughput_onnx_fp32_over_torch_fp32": round(tp["onnx_fp32"] / tp["torch_fp32"], 2),
        "throughput_onnx_fp32_over_torch_bf16": round(tp["onnx_fp32"] / tp["torch_bf16"], 2),
        "throughput_torch_bf16_over_torch_fp32": round(tp["torch_bf16"] / tp["torch_fp32"], 2),
        "cold_start_torch_fp32_over_onnx": round(cs["torch_fp32"] / cs["onnx_fp32"], 1),
    }
    results["cosine_to_torch_fp32"] = {}
    for name in ("onnx_fp32", "torch_bf16"):
        a, b = vecs[name], vecs["torch_fp32"]
        cos = np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
        results["cosine_to_torch_fp32"][name] = {"min": round(float(cos.min()), 6), "mean": round(float(cos.mean()), 6)}
    results["machine"]["loadavg_1m_after"] = round(os.getloadavg()[0], 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results["ratios"]), json.dumps(results["cosine_to_torch_fp32"]))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
