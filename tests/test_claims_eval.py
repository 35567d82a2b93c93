"""The attribution benchmark's metric functions (benchmarks/claims_eval.py) on hand-made cases
with known values, its dev/test split, and the gold files' format (benchmarks/gold/validate.py)."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "gold" / "attribution"
DATASETS = ROOT.parent / "shared" / "datasets"
HAVE_DATA = (DATASETS / "multihop-rag" / "corpus.json").is_file() and \
    (DATASETS / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl").is_file()


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


ce = _load("claims_eval", ROOT / "benchmarks" / "claims_eval.py")


def gold(speaker, start, end, aliases=(), sent=None):
    s, e = sent or (start, end)
    return ce.GoldStatement(speaker, list(aliases), "x" * (end - start), start, end, s, e)


# -- speaker matching -------------------------------------------------------------------------
@pytest.mark.parametrize("actor, speaker, aliases, expected", [
    ("Antony Blinken", "Antony Blinken", [], True),
    ("antony blinken", "Antony Blinken", [], True),                  # case folded
    ("Blinken", "Antony Blinken", [], True),                         # surname
    ("Antony Blinken", "Blinken", [], False),                        # longer than the gold name
    ("Zoë D’Souza", "Zoe DSouza", [], True),                         # accents and apostrophes folded
    ("Secretary-General", "António Guterres", ["the Secretary-General"], True),   # alias, "the" dropped
    ("Lula", "Luiz Inácio Lula da Silva", [], True),                 # a token subset
    ("Ghana", "Ghana", ["Nana Akufo-Addo"], True),
    ("Nana Akufo-Addo", "Ghana", ["Nana Akufo-Addo"], True),         # the speaker's name as alias
    ("Philippines", "Philippines", ["Republic of the Philippines"], True),
    ("Republic", "Philippines", ["Republic of the Philippines"], False),  # only generic words
    ("Secretary", "António Guterres", ["Secretary of State"], False),
    ("Sergei Lavrov", "Antony Blinken", [], False),
    ("officials", "Antony Blinken", [], False),                      # generic actor on a named speaker
    ("officials", None, [], True),                                   # generic actor on an unnamed speaker
    ("a person familiar with the matter", None, [], True),
    ("the diplomats", None, [], True),
    ("Antony Blinken", None, [], False),                             # named actor on an unnamed speaker
    ("United States", None, [], False),
    ("Department of Justice", "Justice Department", ["DOJ"], True),  # one body by the table's aliases
    ("Federal Trade Commission", "SEC", [], False),
])
def test_speaker_matches(actor, speaker, aliases, expected):
    assert ce.speaker_matches(actor, speaker, aliases) is expected


def test_spans_match():
    assert ce.spans_match((0, 10), (2, 8))          # containment
    assert ce.spans_match((0, 10), (3, 12))         # IoU 7/12
    assert not ce.spans_match((0, 10), (4, 14))     # IoU 6/14
    assert not ce.spans_match((0, 10), (6, 20))     # IoU 4/20
    assert not ce.spans_match((0, 10), (10, 20))    # touching is not overlapping


# -- scoring ------------------------------------------------------------------------------------
def test_score_document_known_values():
    golds = [
        gold("Antony Blinken", 100, 150, ["Blinken"], sent=(80, 160)),
        gold(None, 200, 240, sent=(190, 250)),
        gold("China", 300, 340, ["Beijing"], sent=(290, 350)),
        gold("Ghana", 400, 430, sent=(395, 440)),
    ]
    preds = [
        ce.Prediction("Blinken", 105, 148),          # (a) and (b) right
        ce.Prediction("officials", 200, 240),        # unnamed gold, generic actor: right
        ce.Prediction("China", 290, 300),            # speaker right, span misses content, inside sentence: (b) only
        ce.Prediction("Russia", 400, 430),           # wrong speaker
        ce.Prediction("Ghana", 900, 950),            # outside the range: dropped
    ]
    sc = ce.score_document("d", "c", golds, preds, rng=(50, 800))
    assert len(sc.preds) == 4
    assert sc.pred_a == [True, True, False, False]
    assert sc.pred_b == [True, True, True, False]
    assert sc.gold_a == [True, True, False, False]
    assert sc.gold_b == [True, True, True, False]
    m = ce.aggregate([sc])
    assert (m["gold"], m["gold_named"], m["predicted"]) == (4, 3, 4)
    assert m["precision_a"] == 0.5 and m["recall_a"] == 0.5
    assert m["precision_b"] == 0.75 and m["recall_b"] == 0.75
    assert m["named_recall_a"] == round(1 / 3, 4) and m["named_recall_b"] == round(2 / 3, 4)


def test_range_filter_keeps_only_predictions_wholly_inside():
    golds = [gold("Ghana", 10, 20)]
    preds = [ce.Prediction("Ghana", 5, 20), ce.Prediction("Ghana", 10, 20), ce.Prediction("Ghana", 18, 40)]
    sc = ce.score_document("d", "c", golds, preds, rng=(8, 30))
    assert [(p.start, p.end) for p in sc.preds] == [(10, 20)]
    assert ce.aggregate([sc])["precision_a"] == 1.0


def test_unnamed_gold_named_prediction_is_a_false_positive():
    sc = ce.score_document("d", "c", [gold(None, 0, 10)], [ce.Prediction("Antony Blinken", 0, 10)])
    m = ce.aggregate([sc])
    assert m["precision_a"] == 0.0 and m["recall_a"] == 0.0 and m["named_recall_a"] is None


def test_aggregate_is_micro_averaged_over_documents():
    a = ce.score_document("a", "c", [gold("X Y", 0, 10)], [ce.Prediction("Y", 0, 10)])
    b = ce.score_document("b", "c", [gold("Z", 0, 10), gold("Z", 20, 30), gold("Z", 40, 50)], [])
    m = ce.aggregate([a, b])
    assert m["recall_a"] == 0.25 and m["precision_a"] == 1.0 and m["documents"] == 2
    assert ce.aggregate([])["precision_a"] is None


# -- offsets onto the loaded text -----------------------------------------------------------------
def test_align_and_map_span_through_cleaning():
    raw = "Intro line.  \nAdvertisement\n\n\n\nShe said\u00a0“we will go”.\n"
    clean = "Intro line.\n\nShe said “we will go”."
    cut = raw.index("Advertisement")
    mapping = ce.align(raw, clean, [(cut, cut + len("Advertisement\n"))])
    s = raw.index("we will go")
    got = ce.map_span((s, s + len("we will go")), mapping, raw, clean)
    assert got is not None and clean[got[0]:got[1]] == "we will go"
    s = raw.index("She said")
    got = ce.map_span((s, raw.index("go") + 2), mapping, raw, clean)   # no-break space becomes a space
    assert clean[got[0]:got[1]] == "She said “we will go"


# -- split ----------------------------------------------------------------------------------------
def test_split_is_half_half_per_corpus_deterministic_and_stable():
    ids = {"multihop-rag": [f"multihop-{i}" for i in range(9)], "un-general-debates": [f"un-X{i}" for i in range(6)]}
    first = ce.assign_split(ids, {})
    assert first == ce.assign_split(ids, {})                       # seeded: same every run
    for corpus, xs in ids.items():
        c = Counter(first[i] for i in xs)
        assert abs(c["dev"] - c["test"]) <= 1 and set(c) == {"dev", "test"}
    grown = {k: v + [f"{v[0].rsplit('-', 1)[0]}-new{i}" for i in range(5)] for k, v in ids.items()}
    second = ce.assign_split(grown, first)
    assert all(second[i] == h for i, h in first.items())           # existing assignments never change
    for corpus, xs in grown.items():
        c = Counter(second[i] for i in xs)
        assert abs(c["dev"] - c["test"]) <= 1
    # An assignment written earlier wins even when it unbalances (it is never moved).
    assert ce.assign_split({"c": ["a", "b"]}, {"a": "test", "b": "test"}) == {"a": "test", "b": "test"}


def test_split_file_round_trip(tmp_path):
    path = tmp_path / "split.json"
    assert ce.read_split(path) == {}
    ce.write_split({"un-B": "test", "un-A": "dev"}, path)
    assert ce.read_split(path) == {"un-A": "dev", "un-B": "test"}
    assert json.loads(path.read_text())["seed"] == 13
    path.write_text('{"assignments": {"x": "train"}}')
    with pytest.raises(ValueError):
        ce.read_split(path)


def test_stored_split_covers_the_gold_half_and_half():
    split = ce.read_split(ce.SPLIT)
    if not split:
        pytest.skip("no split.json yet")
    ids, dev_only = [], []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                (dev_only if path.name in ce.DEV_ONLY_FILES else ids).append(json.loads(line)["id"])
    missing = [i for i in ids + dev_only if i not in split]
    assert not missing, f"{len(missing)} gold ids not in split.json: run benchmarks/claims_eval.py --write-split"
    assert dev_only and {split[i] for i in dev_only} == {"dev"}   # the later files add to dev only
    for prefix in ("multihop-", "un-"):
        c = Counter(split[i] for i in ids if i.startswith(prefix))
        assert abs(c["dev"] - c["test"]) <= 1, (prefix, c)


# -- gold files -------------------------------------------------------------------------------------
@pytest.mark.skipif(not HAVE_DATA, reason="datasets not available under ../shared/datasets")
@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.jsonl")) + sorted(GOLD_DIR.parent.glob("agreement/*.jsonl")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_valid(path):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gold" / "validate.py"), str(path)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "OK" in r.stdout


@pytest.mark.skipif(not HAVE_DATA, reason="datasets not available under ../shared/datasets")
def test_validate_reports_errors_with_file_and_line(tmp_path):
    text = json.loads((DATASETS / "multihop-rag" / "corpus.json").read_text(encoding="utf-8"))[3]["body"]
    first = text.split(".")[0]
    good = {"id": "multihop-3", "corpus": "multihop-rag", "ref": 3, "title": "t", "source": "s",
            "range": [0, len(first) + 1],
            "statements": [{"speaker": None, "aliases": [], "speaker_text": first.split()[0], "cue": first.split()[1],
                            "content": first[5:40], "kind": "statement", "direct": False}]}
    bad = json.loads(json.dumps(good))
    bad["statements"][0].update(content="words that are not in the article", kind="rumour")
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**bad, "id": "multihop-4"}) + "\n{oops\n")
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gold" / "validate.py"), str(path)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1
    assert f"{path}:1" not in r.stderr
    assert f"{path}:2: multihop-4: id must be 'multihop-3'" in r.stderr
    assert "kind must be one of" in r.stderr and "content not found verbatim" in r.stderr
    assert f"{path}:3: not valid JSON" in r.stderr


# -- end to end without spaCy: a stand-in extractor on a real gold document ------------------------
class _Claim:
    def __init__(self, actor, start, end, text):
        self.actor, self.start, self.end, self.text = actor, start, end, text


class _EchoExtractor:
    """Predicts each gold content of the document, found in the text it is given, by ``actor``."""

    def __init__(self, contents, actor):
        self.contents, self.actor = contents, actor
        self.voices = []

    def voice_of(self, meta):
        return meta.get("country")

    def extract_many(self, items, known, voices, unmasked=None):
        self.voices = list(voices)
        assert unmasked is None or [len(u) for u in unmasked] == [len(t) for t, _, _ in items]
        out = []
        for text, _, _ in items:  # every occurrence: those outside the annotated range must be dropped
            found = [(m.start(), c) for c in self.contents for m in re.finditer(re.escape(c), text)]
            out.append([_Claim(self.actor, at, at + len(c), c) for at, c in found])
        return out


@pytest.mark.skipif(not HAVE_DATA or not (GOLD_DIR / "un.jsonl").is_file(), reason="needs the UN gold and datasets")
def test_pipeline_on_a_real_document_with_a_stand_in_extractor(tmp_path):
    line = (GOLD_DIR / "un.jsonl").read_text(encoding="utf-8").splitlines()[0]
    doc = json.loads(line)
    one = tmp_path / "one.jsonl"
    one.write_text(line + "\n", encoding="utf-8")
    named = [s for s in doc["statements"] if s["speaker"] == doc["statements"][0]["speaker"]]
    ex = _EchoExtractor([s["content"] for s in named], doc["statements"][0]["speaker"])
    res = ce.evaluate_gold([one], split_path=tmp_path / "split.json", samples=False, extractor=ex)
    assert not (tmp_path / "split.json").exists()          # written only when asked
    half = next(h for h in ("dev", "test") if h in res["metrics"])
    m = res["metrics"][half]
    assert res["text_modes"]["ingestion"] == 1
    assert ex.voices == [doc["source"]]                    # a speech is read with its voice
    assert m["gold"] == len(doc["statements"]) and m["predicted"] == len(named)
    assert m["precision_a"] == 1.0
    assert m["recall_a"] == round(len(named) / len(doc["statements"]), 4)
    ce.evaluate_gold([one], split_path=tmp_path / "split.json", samples=False, extractor=ex, update_split=True)
    assert ce.read_split(tmp_path / "split.json") == {doc["id"]: half}
