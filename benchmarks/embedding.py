"""Embedding backends: ONNX fp32 vs torch fp32 vs torch bf16, same run.

- throughput: ~500 chunks of ~600 characters (MultiHop-RAG article bodies if ../shared is there,
  else the bundled samples, repeated), each backend in its own fresh process after a warm-up;
- cold start: wall time of a fresh ``python -c`` that imports index.embedding and embeds one
  query (imports included), median of a few runs;
- agreement: cosine of each backend's vectors to torch fp32 on the same chunks.

Writes benchmarks/results/embedding.json. Usage: python benchmarks/embedding.py [--chunks 500]

``--int8``: the bulk (ingestion) comparison instead. Sentences of MultiHop-RAG articles split as
ingestion splits them (``--sentences``, default 3,000), at the batch sizes ingestion uses
(``--batch-sizes``), each backend in a fresh process, interleaved over ``--rounds`` (best kept):
torch fp32, torch bf16, ONNX fp32 and ONNX int8 made with ``quantize_dynamic`` from the fp32 export
(QInt8/QUInt8 weights, per tensor and per channel; ``int8_s8pc`` is the product's,
``index.embedding.quantize_int8``); cosine of each to torch fp32 (mean, 1st percentile, minimum).
Writes benchmarks/results/embedding-int8.json.
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


def worker(name: str, texts_file: str, vecs_file: str, batch_size: int = 64, model_file: str = "") -> None:
    """In a fresh process: load, warm up, time embedding all chunks, save the vectors.
    ``model_file``: an ONNX model run directly (the int8 variants)."""
    import numpy as np

    from index.embedding import Embedder, _OnnxModel

    texts = json.loads(Path(texts_file).read_text())
    t0 = time.perf_counter()
    if model_file:
        m = _OnnxModel(Path(model_file))

        def embed(t):
            return m.encode(t, batch_size)
    else:
        backend, dtype = BACKENDS[name]
        embed = Embedder(dtype=dtype, batch_size=batch_size, backend=backend).embed
    embed(texts[:batch_size])  # load + warm-up
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    vecs = embed(texts)
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


INT8_VARIANTS = {  # name -> (weight type, per channel); "fused": the graph first fused by
    # onnxruntime.transformers.optimizer (Attention, SkipLayerNorm, BiasGelu), then quantized
    # (its attention becomes QAttention)
    "int8_s8pc": ("QInt8", True),
    "int8_s8": ("QInt8", False),
    "int8_u8pc": ("QUInt8", True),
    "int8_u8": ("QUInt8", False),
    "int8_fused_s8pc": ("QInt8", True),
    "onnx_fp32_fused": (None, False),
}


def sentences(n: int) -> list[str]:
    """``n`` sentences of MultiHop-RAG articles, split as ingestion splits them, taken from
    articles spread over the corpus."""
    from index.text import split_sentences

    arts = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    out: list[str] = []
    step = 7  # every 7th article, then the next offsets, until n sentences
    for off in range(step):
        for a in arts[off::step]:
            body = a["body"]
            out += [body[s.start:s.end] for s in split_sentences(body) if s.end > s.start]
            if len(out) >= n:
                return out[:n]
    return out


def cosines(a, b) -> dict:
    import numpy as np

    cos = np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return {"mean": round(float(cos.mean()), 6), "p1": round(float(np.percentile(cos, 1)), 6),
            "min": round(float(cos.min()), 6)}


def main_int8(args) -> int:
    import numpy as np
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from index import embedding as emb

    if not MULTIHOP.is_file():
        print(f"skipped: {MULTIHOP} not found")
        return 0
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    fp32_file = emb.onnx_model_file()
    if not fp32_file.is_file():
        emb.export_onnx(fp32_file)
    texts = sentences(args.sentences)
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    names = [n for n in ["torch_fp32", "torch_bf16", "onnx_fp32", *INT8_VARIANTS]
             if not args.variants or n in args.variants.split(",")]
    results: dict = {
        "model": emb.MODEL_NAME, "command": "python " + " ".join(sys.argv),
        "machine": {"cpus": os.cpu_count(), "cpu_has_bf16": emb.cpu_has_bf16(), "python": platform.python_version(),
                    "loadavg_1m_before": round(os.getloadavg()[0], 2)},
        "texts": {"sentences": len(texts), "source": "multihop-rag corpus.json, split_sentences",
                  "mean_chars": round(sum(map(len, texts)) / len(texts))},
        "note": "sentences/s, best of the rounds, each backend in a fresh process, backends interleaved "
                "(the machine is shared: compare ratios within this run)",
        "quantize": {}, "throughput": {}, "cosine_to_torch_fp32": {},
    }
    with tempfile.TemporaryDirectory(prefix="attache-int8bench-") as tmp:
        models: dict[str, str] = {}
        for name, (wtype, per_channel) in INT8_VARIANTS.items():
            if name not in names:
                continue
            path = Path(tmp) / f"{name}.onnx"
            t0 = time.perf_counter()
            if name == "int8_s8pc":  # the product's own quantization
                emb.quantize_int8(fp32_file, path)
            elif "fused" in name:
                from onnxruntime.transformers import optimizer

                fused = optimizer.optimize_model(str(fp32_file), model_type="bert", num_heads=12, hidden_size=384,
                                                 opt_level=1)
                if wtype is None:
                    fused.save_model_to_file(str(path))
                else:
                    fused.save_model_to_file(str(Path(tmp) / "fused.onnx"))
                    quantize_dynamic(str(Path(tmp) / "fused.onnx"), str(path), weight_type=getattr(QuantType, wtype),
                                     per_channel=per_channel, extra_options={"DefaultTensorType": 1})
            else:
                quantize_dynamic(str(fp32_file), str(path), weight_type=getattr(QuantType, wtype), per_channel=per_channel)
            results["quantize"][name] = {"weight_type": wtype, "per_channel": per_channel,
                                         "seconds": round(time.perf_counter() - t0, 1),
                                         "mb": round(path.stat().st_size / 2**20, 1)}
            models[name] = str(path)
        results["quantize"]["onnx_fp32_mb"] = round(fp32_file.stat().st_size / 2**20, 1)
        tf = Path(tmp) / "texts.json"
        tf.write_text(json.dumps(texts))
        vecs: dict = {}
        for bs in batch_sizes:
            runs: dict[str, list] = {n: [] for n in names}
            for r in range(args.rounds):
                for name in names:
                    vf = Path(tmp) / f"{name}.npy"
                    out = subprocess.run([sys.executable, __file__, "--worker", name, str(tf), str(vf), str(bs),
                                          models.get(name, "")],
                                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                    runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
                    vecs[name] = np.load(vf)
                    print(f"batch {bs} round {r + 1}", name, runs[name][-1], flush=True)
            tp = {n: max(x["chunks_per_second"] for x in runs[n]) for n in names}
            results["throughput"][f"batch_{bs}"] = {
                n: {"sentences_per_second": tp[n], "all_rounds": [x["chunks_per_second"] for x in runs[n]]}
                for n in names}
            ratios = {}
            for base in ("torch_fp32", "torch_bf16", "onnx_fp32"):
                if base in tp:
                    ratios[f"over_{base}"] = {n: round(tp[n] / tp[base], 2) for n in names if n != base}
            results["throughput"][f"batch_{bs}"]["ratios"] = ratios
            print(f"batch {bs}", json.dumps(ratios), flush=True)
        if "torch_fp32" in vecs:
            for name in names:
                if name != "torch_fp32":
                    results["cosine_to_torch_fp32"][name] = cosines(vecs[name], vecs["torch_fp32"])
        if "onnx_fp32" in vecs:
            results["cosine_to_onnx_fp32"] = {n: cosines(vecs[n], vecs["onnx_fp32"]) for n in names
                                              if n.startswith("int8") or "fused" in n}
    results["machine"]["loadavg_1m_after"] = round(os.getloadavg()[0], 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results["cosine_to_torch_fp32"]))
    print(f"wrote {args.out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chunks", type=int, default=500)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--int8", action="store_true", help="bulk comparison with int8 ONNX (see the module doc)")
    ap.add_argument("--sentences", type=int, default=3000, help="--int8: sentences encoded")
    ap.add_argument("--batch-sizes", default="64,128", help="--int8: comma-separated batch sizes")
    ap.add_argument("--variants", default="", help="--int8: comma-separated backends to run (default: all)")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        name, texts_file, vecs_file, *rest = args.worker
        worker(name, texts_file, vecs_file, int(rest[0]) if rest else 64, rest[1] if len(rest) > 1 else "")
        return 0
    if args.int8:
        args.out = args.out or RESULTS.with_name("embedding-int8.json")
        return main_int8(args)
    args.out = args.out or RESULTS

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
