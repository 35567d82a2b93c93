"""Statements extracted from MultiHop-RAG articles that no gold file holds, and what changed between two runs.

    python benchmarks/claims_unlabelled.py [--limit 400] [--out FILE]      # this checkout's statements
    python benchmarks/claims_unlabelled.py --diff OLD.jsonl NEW.jsonl       # added / removed / re-credited
    python benchmarks/claims_unlabelled.py --speeches [--limit 25] --out FILE  # UN speeches instead

Precision work needs errors to look at, and the gold's test half must never be looked at: this reads
``--limit`` articles of the MultiHop-RAG corpus that are not in ``benchmarks/gold/attribution`` (a seeded
shuffle, the same articles every run; the first 6,000 characters of each, cleaned as ingestion
cleans them), and writes one JSON line per statement: ``doc`` (the corpus index), ``s``/``e``
(character offsets into the cleaned text), ``actor``, ``cue``, ``kind``, ``text`` and ``context``
(120 characters before to 40 after). Run it at two commits (a ``git worktree`` for the older one)
and ``--diff`` the files: the statements only one run has, by span, and the spans whose actors
differ, for reading by eye. Writes benchmarks/results/claims_unlabelled.jsonl by default.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CORPUS = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "corpus.json"
SPEECHES = ROOT.parent / "shared" / "datasets" / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "claims_unlabelled.jsonl"


def extract(limit: int, out: Path, corpus: Path) -> None:
    import claims_eval  # (the gold reader)

    from index.claims import ClaimExtractor
    from index.cleaning import mask_headlines

    gold = claims_eval.load_gold_docs(sorted((ROOT / "benchmarks" / "gold" / "attribution").glob("*.jsonl")))
    labelled = {str(d["ref"]) for d in gold if d["corpus"] == "multihop-rag"}
    articles = json.loads(corpus.read_text(encoding="utf-8"))
    picked = [i for i in range(len(articles)) if str(i) not in labelled]
    random.Random(11).shuffle(picked)
    items = [(mask_headlines(articles[i]["body"][:6000]), str(i), articles[i]["published_at"][:10])
             for i in picked[:limit]]
    found = ClaimExtractor().extract_many(items, unmasked=[articles[i]["body"][:6000] for i in picked[:limit]])
    write(items, found, out, "articles")


def extract_speeches(limit: int, out: Path, path: Path) -> None:
    """``--speeches``: the same for UN General Debate speeches no gold file holds (seeded shuffle), each
    read as ingestion reads a speech record (its state's voice; the whole text)."""
    import claims_eval

    from index.claims import ClaimExtractor

    gold = claims_eval.load_gold_docs(sorted((ROOT / "benchmarks" / "gold" / "attribution").glob("*.jsonl")))
    labelled = {str(d["ref"]) for d in gold if d["corpus"] == "un-general-debates"}
    with path.open(encoding="utf-8") as f:  # (by "\n" only: the speeches hold U+2028 inside their strings)
        records = [r for r in map(json.loads, filter(str.strip, f)) if r["id"] not in labelled]
    random.Random(11).shuffle(records)
    records = records[:limit]
    ex = ClaimExtractor()
    voices = [ex.voice_of({k: r.get(k) for k in ("country", "iso3", "session", "speaker", "post")}) for r in records]
    items = [(r["text"], r["id"], str(r["year"])) for r in records]
    write(items, ex.extract_many(items, [], voices), out, "speeches")


def write(items: list[tuple[str, str, str]], found: list, out: Path, what: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for (text, doc, _), claims in zip(items, found):
            for c in claims:
                n += 1
                f.write(json.dumps({"doc": doc, "s": c.start, "e": c.end, "actor": c.actor, "cue": c.cue,
                                    "kind": c.kind, "text": text[c.start:c.end],
                                    "context": text[max(0, c.start - 120):c.end + 40].replace("\n", " ")},
                                   ensure_ascii=False) + "\n")
    print(f"{len(items)} unlabelled {what}, {n} statements; written to {out}")


def diff(old: Path, new: Path) -> None:
    def read(path: Path) -> dict[tuple[str, int, int], list[dict]]:
        spans: dict[tuple[str, int, int], list[dict]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            spans.setdefault((r["doc"], r["s"], r["e"]), []).append(r)
        return spans

    a, b = read(old), read(new)
    added = [rs for k, rs in b.items() if k not in a]
    removed = [rs for k, rs in a.items() if k not in b]
    moved = [(a[k], rs) for k, rs in b.items() if k in a and {r["actor"] for r in a[k]} != {r["actor"] for r in rs}]
    print(f"added {len(added)}, removed {len(removed)}, re-credited {len(moved)} (spans; {old} -> {new})")
    for title, rows in (("added", added), ("removed", removed)):
        print(f"\n## {title}")
        for rs in rows:
            r = rs[0]
            print(f"{r['doc']:>5} {', '.join(x['actor'] for x in rs)[:30]:30} [{r['cue'][:14]}|{r['kind'][:9]}] "
                  f"{r['text'][:110]!r}")
    print("\n## re-credited")
    for was, now in moved:
        print(f"{now[0]['doc']:>5} {', '.join(x['actor'] for x in was)[:25]:25} -> "
              f"{', '.join(x['actor'] for x in now)[:25]:25} {now[0]['text'][:90]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None,
                    help="number of unlabelled articles (default 400) or speeches (default 25)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two runs' files")
    ap.add_argument("--speeches", action="store_true", help="UN General Debate speeches instead of articles")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
    elif args.speeches:
        if not SPEECHES.is_file():
            print(f"skipped: speeches not found at {SPEECHES}")
        else:
            extract_speeches(args.limit or 25, args.out, SPEECHES)
    elif not args.corpus.is_file():
        print(f"skipped: corpus not found at {args.corpus}")
    else:
        extract(args.limit or 400, args.out, args.corpus)


if __name__ == "__main__":
    main()
