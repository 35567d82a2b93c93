"""Claim extraction throughput over UN General Debate speeches (sentences/s, articles/s).

    python benchmarks/claims_throughput.py [--limit 200] [--data PATH]

Writes benchmarks/results/claims_throughput.json. Model loading is timed separately.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import claims as claims_mod  # noqa: E402
from index.chunking import split_sentences  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "claims_throughput.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=200, help="number of speeches (default 200)")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    if not args.data.is_file():
        print(f"skipped: dataset not found at {args.data}")
        return

    items, metas = [], []
    with args.data.open(encoding="utf-8") as f:
        for line in f:
            if len(items) >= args.limit:
                break
            rec = json.loads(line)
            items.append((rec["text"], f"{rec.get('country', '')}-{rec.get('year', '')}", f"{rec.get('year', '')}-09-25"))
            metas.append(rec)
    sentences = sum(len(split_sentences(t)) for t, _, _ in items)
    chars = sum(len(t) for t, _, _ in items)

    t0 = time.perf_counter()
    claims_mod._nlp()
    load_s = time.perf_counter() - t0
    extractor = claims_mod.ClaimExtractor()
    # Each speech has its voice (country, speaker, post), as ingestion gives it: the speaker's
    # first-person statements are extracted too, so more sentences are parsed.
    voices = [extractor.voice_of(m) for m in metas]
    # Baseline in the same run: the same texts read as news (no voice), as before speeches had one.
    t0 = time.perf_counter()
    news = extractor.extract_many(items)
    news_secs = time.perf_counter() - t0
    parsed = sum(p for (t, _, _), v in zip(items, voices) for *_, p in extractor._candidates(t, v))
    t0 = time.perf_counter()
    result = extractor.extract_many(items, voices=voices)
    secs = time.perf_counter() - t0

    n_claims = sum(len(r) for r in result)
    out = {
        "dataset": str(args.data), "speeches": len(items), "sentences": sentences,
        "sentences_parsed": parsed, "characters": chars, "claims": n_claims,
        "model_load_seconds": round(load_s, 2), "extract_seconds": round(secs, 2),
        "sentences_per_second": round(sentences / secs, 1), "articles_per_second": round(len(items) / secs, 2),
        "parsed_sentences_per_second": round(parsed / secs, 1),
        "as_news": {"claims": sum(len(r) for r in news), "extract_seconds": round(news_secs, 2),
                    "sentences_per_second": round(sentences / news_secs, 1)},
        "speech_over_news_time": round(secs / news_secs, 2),
        "python": platform.python_version(), "machine": platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"{len(items)} speeches, {sentences} sentences ({parsed} parsed after the prefilter), "
          f"{n_claims} claims in {secs:.1f} s (model load {load_s:.1f} s)")
    print(f"{out['sentences_per_second']} sentences/s, {out['articles_per_second']} speeches/s; read as news "
          f"(no voice, same run): {out['as_news']['sentences_per_second']} sentences/s, "
          f"{out['as_news']['claims']} claims; results in {args.out}")


if __name__ == "__main__":
    main()
