"""Ingestion (claims on) with one bulk precision against another, alternated in one process.

Each round ingests the same inputs into a fresh store once per ``--dtypes`` entry (the order
alternates between rounds), then encodes the stored chunk texts raw with SentenceTransformer fp32
(the project's baseline), so every figure has a baseline measured next to it on a shared machine.
Models are loaded and warmed before timing. Inputs: files, e.g. the MultiHop-RAG + UN subset that
``benchmarks/scale.py`` writes to ``<work>/speed-input``.

    python benchmarks/ingest_dtype.py /tmp/attache-scale/speed-input/* --dtypes int8,bfloat16 --rounds 2 \\
        --out benchmarks/results/ingest-int8.json
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--dtypes", default="int8,bfloat16")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    from ingest import chunk_texts

    from assistant import Assistant
    from index import claims as claims_mod
    from index.embedding import AUTO_TORCH_MIN_BATCH, Embedder

    dtypes = args.dtypes.split(",")
    work = Path(tempfile.mkdtemp(prefix="attache-ingest-dtype-"))
    try:
        claims_mod._nlp()
        for d in dtypes:  # load and warm each bulk model and the query model
            w = Assistant.open(store=work / f"warm-{d}", embed_dtype=d)
            w.embedder.embed(["A warm-up sentence about the Northern Straits."] * AUTO_TORCH_MIN_BATCH)
            w.embedder.onnx_model  # noqa: B018
        fp32 = Embedder("float32", 64, "torch").model
        fp32.encode(["A warm-up sentence."] * 8)
        runs: list[dict] = []
        for r in range(args.rounds):
            order = dtypes if r % 2 == 0 else dtypes[::-1]
            texts: list[str] = []
            for d in order:
                store = work / f"store-{d}-{r}"
                a = Assistant.open(store=store, embed_dtype=d)
                load = os.getloadavg()[0]
                t0, c0 = time.perf_counter(), time.process_time()
                rep = a.ingest(args.inputs)
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                assert rep.ok, rep.failed[:3]
                texts = chunk_texts(a.store)
                runs.append({"round": r + 1, "dtype": d, "bulk_backend": a.embedder.backend_for(AUTO_TORCH_MIN_BATCH),
                             "chunks": rep.chunks, "claims": rep.claims, "seconds": round(wall, 1),
                             "cpu_seconds": round(cpu, 1), "chunks_per_second": round(rep.chunks / wall, 1),
                             "loadavg_1m_before": round(load, 2)})
                print(json.dumps(runs[-1]), flush=True)
                a.store.close()
                shutil.rmtree(store, ignore_errors=True)
            t0, c0 = time.perf_counter(), time.process_time()
            fp32.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            runs.append({"round": r + 1, "dtype": "raw SentenceTransformer fp32 encode of the chunks",
                         "chunks": len(texts), "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
                         "chunks_per_second": round(len(texts) / wall, 1), "loadavg_1m_after": round(os.getloadavg()[0], 2)})
            print(json.dumps(runs[-1]), flush=True)
        summary = {}
        for r in range(1, args.rounds + 1):
            raw = next(x for x in runs if x["round"] == r and x["dtype"].startswith("raw"))
            summary[f"round_{r}"] = {x["dtype"]: {"over_raw_fp32": round(x["chunks_per_second"] / raw["chunks_per_second"], 2)}
                                     for x in runs if x["round"] == r and not x["dtype"].startswith("raw")}
            if len(dtypes) == 2:
                a_, b_ = (next(x for x in runs if x["round"] == r and x["dtype"] == d) for d in dtypes)
                summary[f"round_{r}"][f"{dtypes[0]}_over_{dtypes[1]}"] = round(a_["chunks_per_second"] / b_["chunks_per_second"], 2)
        out = {"command": "python " + " ".join(sys.argv), "inputs": [str(p) for p in args.inputs],
               "cpus": os.cpu_count(), "runs": runs, "summary": summary}
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2) + "\n")
        print(json.dumps(summary))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
