"""Ingestion throughput against the raw encoder, on UN General Debate speeches and MultiHop-RAG.

    python benchmarks/ingest.py [--quick] [--un-limit N] [--mh-limit N]

For each dataset, into fresh temporary stores: a full ingest (load, clean, chunk, claims, embed,
store) with claims extraction on, the same without claims, and ``SentenceTransformer.encode`` alone
(same model object, same batch size, ``normalize_embeddings=True``) on exactly the chunk texts the
ingest produced. Reports chunks/s of each, the ratio ingest/raw (target >= 0.85 without claims),
wall seconds per stage and peak RSS. Writes benchmarks/results/ingest.json and ingest.png.
The model is loaded and warmed up before anything is timed (its load time is reported apart).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATASETS = ROOT.parent / "shared" / "datasets"
UN = DATASETS / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
MH = DATASETS / "multihop-rag" / "corpus.json"
RESULTS = ROOT / "benchmarks" / "results"
QUICK_UN, QUICK_MH = 200, 150


# ---------------------------------------------------------------------------------- measuring
class RSSSampler:
    """High-water RSS of this process, sampled every 50 ms; ``reset()`` starts a new phase."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self._proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            self._stop.wait(self.interval)

    def reset(self) -> None:
        self.peak = self._proc.memory_info().rss

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class StageTimer:
    """Wall seconds per ingestion stage, by wrapping the functions each stage calls."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, stage: str, fn):
        def timed(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
        return timed

    def wrap_iter(self, stage: str, fn):
        def timed(*a, **kw):
            it = iter(fn(*a, **kw))
            while True:
                t0 = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    self.seconds[stage] += time.perf_counter() - t0
                    return
                self.seconds[stage] += time.perf_counter() - t0
                yield item
        return timed


@contextmanager
def instrumented(ingestor, timer: StageTimer):
    """Time load+clean, chunking, claims, catalog writes, encoding, Chroma writes, marking ready."""
    import index.ingest as ingest_mod

    saved = (ingest_mod.load_paths, ingest_mod.chunk_article)
    ingest_mod.load_paths = timer.wrap_iter("load+clean", ingest_mod.load_paths)
    ingest_mod.chunk_article = timer.wrap("chunk", ingest_mod.chunk_article)
    store, emb = ingestor.store, ingestor.embedder
    store.stage = timer.wrap("catalog (stage)", store.stage)
    store.write_vectors = timer.wrap("chroma (write)", store.write_vectors)
    store.mark_ready = timer.wrap("mark ready", store.mark_ready)
    store.document_state = timer.wrap("catalog (lookup)", store.document_state)
    emb.embed = timer.wrap("encode", emb.embed)
    if ingestor.extract_claims:
        ex = ingestor.claim_extractor
        ex.extract_many = timer.wrap("claims", ex.extract_many)
    try:
        yield
    finally:
        ingest_mod.load_paths, ingest_mod.chunk_article = saved
        for name in ("stage", "write_vectors", "mark_ready", "document_state"):
            store.__dict__.pop(name, None)
        emb.__dict__.pop("embed", None)


# ---------------------------------------------------------------------------------- inputs
def subset(src: Path, limit: int | None, tmp: Path) -> tuple[Path, int]:
    """The first ``limit`` records of a dataset, written as a file of the same format."""
    if src.suffix == ".jsonl":
        with src.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        lines = lines[:limit] if limit else lines
        out = tmp / src.name
        out.write_text("".join(lines), encoding="utf-8")
        return out, len(lines)
    records = json.loads(src.read_text(encoding="utf-8"))
    records = records[:limit] if limit else records
    out = tmp / src.name
    out.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return out, len(records)


def chunk_texts(store) -> list[str]:
    """The chunk texts as the ingest embedded them (document by document, in order)."""
    return [r[0] for r in store.db.execute("SELECT text FROM chunks ORDER BY rid")]


# ---------------------------------------------------------------------------------- runs
def run_ingest(path: Path, embedder, claims: bool, sampler: RSSSampler, tmp: Path, tag: str):
    from index.config import Settings
    from index.ingest import Ingestor
    from index.store import Store

    settings = Settings(store=str(tmp / f"store-{tag}"))
    store = Store(settings)
    ingestor = Ingestor(store, embedder, extract_claims=claims)
    if claims:
        ingestor.claim_extractor  # noqa: B018 - the spaCy load is not ingestion throughput
        from index import claims as claims_mod

        claims_mod._nlp()
    timer = StageTimer()
    sampler.reset()
    with instrumented(ingestor, timer):
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingestor.ingest([path])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = sampler.peak
    texts = chunk_texts(store)
    stats = store.stats()
    assert stats.vectors == stats.chunks == report.chunks, stats
    if report.failed:
        print(f"  {len(report.failed)} failed, e.g. {report.failed[0]}", file=sys.stderr)
    stages = {k: round(v, 3) for k, v in sorted(timer.seconds.items(), key=lambda kv: -kv[1])}
    stages["other"] = round(wall - sum(timer.seconds.values()), 3)
    out = {
        "documents": report.added, "chunks": report.chunks, "claims": report.claims,
        "seconds": round(wall, 2), "chunks_per_second": round(report.chunks / wall, 1),
        "cpu_seconds": round(cpu, 2), "chunks_per_cpu_second": round(report.chunks / cpu, 1),
        "stage_seconds": stages, "peak_rss_mb": round(peak / 2**20),
    }
    store.close()
    return out, texts


def run_raw(texts: list[str], embedder, sampler: RSSSampler) -> dict:
    model = embedder.model
    sampler.reset()
    t0, c0 = time.perf_counter(), time.process_time()
    vecs = model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True,
                        convert_to_numpy=True, show_progress_bar=False)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(vecs) == len(texts)
    return {"chunks": len(texts), "seconds": round(wall, 2), "chunks_per_second": round(len(texts) / wall, 1),
            "cpu_seconds": round(cpu, 2), "chunks_per_cpu_second": round(len(texts) / cpu, 1),
            "peak_rss_mb": round(sampler.peak / 2**20)}


def machine_load() -> dict:
    import psutil

    me = os.getpid()
    busy = []
    for p in psutil.process_iter(["pid", "name", "cpu_percent", "cmdline"]):
        try:
            if p.pid != me:
                p.cpu_percent(None)
        except psutil.Error:
            pass
    time.sleep(1.0)
    for p in psutil.process_iter(["pid", "name", "cmdline"]):
        try:
            if p.pid == me:
                continue
            c = p.cpu_percent(None)
            if c >= 10:
                busy.append({"pid": p.pid, "cpu_percent": round(c), "cmd": " ".join(p.info["cmdline"] or [p.info["name"]])[:80]})
        except psutil.Error:
            pass
    return {"loadavg_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(), "busy_processes": busy}


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results["datasets"])
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.8))
    kinds = [("raw encoder", "raw"), ("ingest, no claims", "ingest_no_claims"), ("ingest, claims", "ingest_claims")]
    width = 0.26
    for i, (label, key) in enumerate(kinds):
        vals = [results["datasets"][n][key]["chunks_per_second"] for n in names]
        bars = ax1.bar([x + (i - 1) * width for x in range(len(names))], vals, width, label=label)
        ax1.bar_label(bars, fmt="%.0f", fontsize=8)
    for x, n in enumerate(names):
        r, rc = results["datasets"][n]["ratio_no_claims"], results["datasets"][n]["ratio_no_claims_cpu"]
        ax1.annotate(f"ingest/raw {r:.2f} wall, {rc:.2f} CPU", (x, 0), xytext=(0, -28), textcoords="offset points", ha="center", fontsize=8)
    ax1.set_xticks(range(len(names)), names)
    ax1.set_ylabel("chunks / s")
    ax1.set_title("Throughput (higher is better)")
    ax1.legend(fontsize=8)

    labels, stacks = [], defaultdict(list)
    runs = [(n, key) for n in names for key in ("ingest_no_claims", "ingest_claims")]
    stages = sorted({s for n, k in runs for s in results["datasets"][n][k]["stage_seconds"]})
    for n, key in runs:
        labels.append(f"{n}\n{'claims' if key == 'ingest_claims' else 'no claims'}")
        for s in stages:
            stacks[s].append(results["datasets"][n][key]["stage_seconds"].get(s, 0.0))
    bottom = [0.0] * len(runs)
    for s in stages:
        ax2.bar(range(len(runs)), stacks[s], 0.6, bottom=bottom, label=s)
        bottom = [b + v for b, v in zip(bottom, stacks[s])]
    ax2.set_xticks(range(len(runs)), labels, fontsize=8)
    ax2.set_ylabel("wall seconds")
    ax2.set_title("Where ingestion time goes")
    ax2.legend(fontsize=7)
    fig.suptitle(f"attache ingestion, {results['machine']['cpus']} CPUs, {results['embedder']['dtype']}, "
                 f"batch {results['embedder']['batch_size']}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_UN} UN speeches and {QUICK_MH} MultiHop articles")
    ap.add_argument("--un-limit", type=int, default=None, help="UN speeches to ingest (default all 1,938)")
    ap.add_argument("--mh-limit", type=int, default=None, help="MultiHop-RAG articles (default all 609)")
    ap.add_argument("--no-claims-run", action="store_true", help="skip the run with claims extraction")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    if args.quick:
        args.un_limit = args.un_limit or QUICK_UN
        args.mh_limit = args.mh_limit or QUICK_MH
    missing = [p for p in (UN, MH) if not p.is_file()]
    if missing:
        print(f"skipped: dataset not found: {', '.join(map(str, missing))}")
        return 0

    from index.config import Settings
    from index.embedding import shared_embedder

    settings = Settings()
    embedder = shared_embedder(settings.embed_dtype, settings.embed_batch)
    sampler = RSSSampler()
    load_before = machine_load()
    t0 = time.perf_counter()
    embedder.model.encode(["warm-up sentence about the Northern Straits."] * 8, batch_size=embedder.batch_size)
    model_load = time.perf_counter() - t0
    print(f"model ready in {model_load:.1f} s ({embedder.dtype}, batch {embedder.batch_size}); "
          f"load average {load_before['loadavg_1m']} on {load_before['cpus']} CPUs", flush=True)

    results = {"embedder": {"model": "all-MiniLM-L6-v2", "dtype": embedder.dtype, "batch_size": embedder.batch_size,
                            "load_seconds": round(model_load, 2)},
               "settings": {"chunk_target": settings.chunk_target, "chunk_max": settings.chunk_max},
               "datasets": {}}
    with tempfile.TemporaryDirectory(prefix="attache-bench-") as tmpdir:
        tmp = Path(tmpdir)
        for name, src, limit in (("un-general-debates", UN, args.un_limit), ("multihop-rag", MH, args.mh_limit)):
            d = tmp / name
            d.mkdir()
            path, n = subset(src, limit, d)
            print(f"{name}: {n} records", flush=True)
            no_claims, texts = run_ingest(path, embedder, False, sampler, d, "no-claims")
            print(f"  ingest without claims: {no_claims['chunks']} chunks in {no_claims['seconds']} s "
                  f"= {no_claims['chunks_per_second']} chunks/s", flush=True)
            raw = run_raw(texts, embedder, sampler)
            print(f"  raw encode:            {raw['chunks']} chunks in {raw['seconds']} s "
                  f"= {raw['chunks_per_second']} chunks/s", flush=True)
            entry = {"records": n, "chunks": len(texts),
                     "mean_chunk_chars": round(sum(map(len, texts)) / max(1, len(texts))),
                     "raw": raw, "ingest_no_claims": no_claims}
            entry["ratio_no_claims"] = round(no_claims["chunks_per_second"] / raw["chunks_per_second"], 3)
            # CPU-time ratio: far less sensitive than wall time to other processes on a shared machine.
            entry["ratio_no_claims_cpu"] = round(no_claims["chunks_per_cpu_second"] / raw["chunks_per_cpu_second"], 3)
            print(f"  ratio ingest/raw (no claims): {entry['ratio_no_claims']} by wall time, "
                  f"{entry['ratio_no_claims_cpu']} by CPU time", flush=True)
            if not args.no_claims_run:
                with_claims, _ = run_ingest(path, embedder, True, sampler, d, "claims")
                entry["ingest_claims"] = with_claims
                entry["ratio_claims"] = round(with_claims["chunks_per_second"] / raw["chunks_per_second"], 3)
                entry["ratio_claims_cpu"] = round(with_claims["chunks_per_cpu_second"] / raw["chunks_per_cpu_second"], 3)
                print(f"  ingest with claims:    {with_claims['chunks']} chunks in {with_claims['seconds']} s "
                      f"= {with_claims['chunks_per_second']} chunks/s ({with_claims['claims']} claims; "
                      f"ratio {entry['ratio_claims']})", flush=True)
            else:
                entry["ingest_claims"] = {"chunks_per_second": 0, "stage_seconds": {}}
            results["datasets"][name] = entry
    sampler.stop()
    load_after = machine_load()
    results["peak_rss_mb_process"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    results["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform(), "load_before": load_before, "load_after": load_after}
    results["target_ratio_no_claims"] = 0.85
    results["args"] = {"un_limit": args.un_limit, "mh_limit": args.mh_limit, "quick": args.quick}

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ingest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    plot(results, args.out / "ingest.png")
    print(f"peak RSS {results['peak_rss_mb_process']} MB; load average after {load_after['loadavg_1m']}; "
          f"results in {args.out / 'ingest.json'} and ingest.png")
    if load_before["busy_processes"] or load_after["busy_processes"]:
        print("note: other processes were using the CPU; throughput figures are lower than on an idle machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
