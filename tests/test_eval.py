"""`attache eval`: each metric on hand-made cases with known values, the question-set reader, and
one end-to-end run over the bundled samples (real store, real model, real answerer)."""
import json
from pathlib import Path

import pytest

from assistant import cli
from assistant.evaluation import (
    abstention_precision_recall,
    citation_precision_recall,
    evidence_found,
    evidence_ranks,
    load_questions,
    mrr_at_k,
    percentile,
    recall_at_k,
    speaker_matches,
    summarize,
    wrong_speaker,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"


# ------------------------------------------------------------------------------- matching rule
def test_evidence_found_contained_or_longest_common_substring_of_60_percent():
    assert evidence_found("grain corridor", "Veloria pledged a grain corridor on Saturday.")
    # fact of 10 characters: a common run of 6 (60%) is enough, 5 is not
    assert evidence_found("abcdefghij", "xxabcdefyy")
    assert not evidence_found("abcdefghij", "xxabcdeyy")
    assert evidence_found("abcdefghij", "xxabcdeyy", share=0.5)
    assert not evidence_found("", "anything")
    # the text must hold the fact, not the other way round
    assert not evidence_found("Veloria pledged a grain corridor on Saturday.", "grain corridor")


def test_evidence_ranks_give_the_first_text_holding_each_fact():
    texts = ["talks on gamma delta resumed", "alpha beta was said", "gamma delta again"]
    assert evidence_ranks(["alpha beta", "gamma delta", "omega omega"], texts) == [2, 1, None]
    assert evidence_ranks(["alpha beta"], []) == [None]
    assert evidence_ranks([], texts) == []


# ------------------------------------------------------------------------------- retrieval
def test_recall_at_k():
    ranks = [2, 1, None]
    assert recall_at_k(ranks, 1) == pytest.approx(1 / 3)
    assert recall_at_k(ranks, 2) == pytest.approx(2 / 3)
    assert recall_at_k(ranks, 10) == pytest.approx(2 / 3)
    assert recall_at_k([5, 7], 4) == 0.0
    assert recall_at_k([4, 4], 4) == 1.0
    with pytest.raises(ValueError):
        recall_at_k([], 10)
    with pytest.raises(ValueError):
        recall_at_k([1], 0)


def test_mrr_at_k():
    assert mrr_at_k([2, 1, None], 10) == 1.0
    assert mrr_at_k([3, None], 10) == pytest.approx(1 / 3)
    assert mrr_at_k([3, 7], 2) == 0.0
    assert mrr_at_k([None, None], 10) == 0.0
    assert mrr_at_k([], 10) == 0.0
    assert mrr_at_k([4], 4) == 0.25


# ------------------------------------------------------------------------------- answers
def test_citation_precision_recall():
    evidence = ["Koval pledged a corridor", "Ruiz rejected the deal"]
    quotes = ["President Koval pledged a corridor by June.", "Bread prices rose.", "Prices fell.",
              "Ruiz rejected the deal on Monday."]
    assert citation_precision_recall(quotes, evidence) == (0.5, 1.0)
    assert citation_precision_recall(quotes[:2], evidence) == (0.5, 0.5)
    assert citation_precision_recall(quotes[:1], evidence) == (1.0, 0.5)
    assert citation_precision_recall([], evidence) == (None, 0.0)  # abstained: nothing cited
    assert citation_precision_recall(["x"], []) == (0.0, None)
    # a quote counts once however many facts it holds; a fact once however many quotes hold it
    assert citation_precision_recall(["Koval pledged a corridor; Ruiz rejected the deal"] * 2, evidence) == (1.0, 1.0)


def test_abstention_precision_recall():
    abstained = [True, True, False, False, True]
    answerable = [False, True, False, True, False]
    p, r = abstention_precision_recall(abstained, answerable)
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert abstention_precision_recall([False, False], [False, True]) == (None, 0.0)
    assert abstention_precision_recall([True, False], [True, True]) == (0.0, None)
    assert abstention_precision_recall([True, True], [False, False]) == (1.0, 1.0)
    with pytest.raises(ValueError):
        abstention_precision_recall([True], [True, False])


def test_speaker_matching_and_wrong_speaker_answers():
    assert speaker_matches("Koval", "Anna Koval")
    assert speaker_matches("Anna Koval", "Koval")
    assert speaker_matches("Anna Koval", "Anna Koval and Erik Brandt")
    assert speaker_matches("Veloria", "The Republic of Veloria")
    assert speaker_matches("José Ruiz", "jose ruiz")
    assert not speaker_matches("Lena Sorvik", "Tomas Ruiz")
    assert not speaker_matches("Anna Koval", "Anna Brandt")
    assert not speaker_matches("Koval", "")
    assert not wrong_speaker("Anna Koval", ["Anna Koval", ""])  # unattributed narration is not wrong
    assert wrong_speaker("Anna Koval", ["Anna Koval", "Erik Brandt"])
    assert not wrong_speaker("Koval", [])


def test_percentile_interpolates_between_closest_ranks():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([4, 1, 3, 2], 95) == pytest.approx(3.85)
    assert percentile([3, 1, 2], 0) == 1
    assert percentile([3, 1, 2], 100) == 3
    assert percentile([10.0], 95) == 10.0
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_summarize_means_over_the_questions_where_a_figure_is_defined():
    def rec(qtype, answerable, abstained, retr, cp, cr, wrong, ms):
        return {"type": qtype, "answerable": answerable, "abstained": abstained, "retrieval": retr,
                "citation_precision": cp, "citation_recall": cr, "wrong_speaker": wrong, "latency_ms": ms}

    records = [
        rec("a", True, False, {"attache": {"recall": 1.0, "mrr": 0.5}, "bm25": {"recall": 0.5, "mrr": 1.0}},
            0.5, 1.0, False, 100.0),
        rec("a", True, True, {"attache": {"recall": 0.0, "mrr": 0.0}, "bm25": {"recall": 0.0, "mrr": 0.0}},
            None, 0.0, None, 200.0),
        rec("b", False, True, {}, None, None, None, 300.0),
        rec("b", True, False, {}, 1.0, None, True, 400.0),  # answerable, no evidence given
    ]
    s = summarize(records, 5, ["attache", "bm25"])
    assert s["questions"] == 4
    assert s["retrieval"] == {"attache": {"recall@5": 0.5, "mrr@5": 0.25, "questions": 2},
                              "bm25": {"recall@5": 0.25, "mrr@5": 0.5, "questions": 2}}
    assert s["citations"] == {"precision": 0.75, "recall": 0.5, "questions": 2}
    assert s["abstention"] == {"precision": 0.5, "recall": 1.0, "abstained": 2, "unanswerable": 1}
    assert s["speaker"] == {"checked": 2, "wrong": 1, "wrong_rate": 0.5}
    assert s["latency_ms"] == {"p50": 250.0, "p95": 385.0}


# ------------------------------------------------------------------------------- question sets
def test_load_questions_reads_multihop_shape(tmp_path):
    f = tmp_path / "queries.json"
    f.write_text(json.dumps([
        {"query": "Who?", "answer": "X", "question_type": "inference_query",
         "evidence_list": [{"title": "t", "source": "s", "fact": "Fact one."}, {"fact": "Fact two."}]},
        {"query": "What?", "answer": "Insufficient information.", "question_type": "null_query", "evidence_list": []},
        {"query": "Bad", "question_type": "comparison_query", "evidence_list": [{"title": "no fact"}]},
    ]))
    qs, errors = load_questions(f)
    assert [(q.question, q.qtype, q.evidence, q.answerable, q.where) for q in qs] == [
        ("Who?", "inference_query", ["Fact one.", "Fact two."], True, "record 1"),
        ("What?", "null_query", [], False, "record 2"),
    ]
    assert errors == [{"where": "record 3", "error": "`evidence_list` must be a list of objects with a string `fact`"}]


def test_load_questions_jsonl_names_each_bad_line_and_keeps_the_rest(tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text("\n".join([
        '{"question": "What did Koval pledge?", "evidence": ["a corridor"], "speaker": "Koval", "type": "pledge"}',
        '# a comment',
        '{"question": "Q2", "answerable": "no"}',
        '{"question": "Q3", "evidence": "one string is fine"}',
        '{not json',
        '',
        '{"text": "no question field"}',
        '{"question": "Q5", "evidence": [1, 2]}',
        '{"question": "Q6", "answerable": false, "evidence": ["x"]}',
        '{"question": "Q7", "answerable": false}',
        '{"question": "Q8", "speaker": 3}',
    ]))
    qs, errors = load_questions(f)
    assert [(q.question, q.evidence, q.answerable, q.speaker, q.qtype, q.where) for q in qs] == [
        ("What did Koval pledge?", ["a corridor"], True, "Koval", "pledge", "line 1"),
        ("Q3", ["one string is fine"], True, "", "answerable", "line 4"),
        ("Q7", [], False, "", "unanswerable", "line 10"),
    ]
    assert [(e["where"], e["error"].split(":")[0]) for e in errors] == [
        ("line 3", "`answerable` must be true or false"),
        ("line 5", "not valid JSON"),
        ("line 7", "missing field `question`"),
        ("line 8", "`evidence` must be a list of strings"),
        ("line 9", "`answerable` is false but `evidence` is given"),
        ("line 11", "`speaker` must be a string"),
    ]


# ------------------------------------------------------------------------------- end to end
QUESTIONS = [
    {"question": "What did Veloria pledge about a grain corridor?", "type": "pledge",
     "evidence": ["The Republic of Veloria pledged on Saturday to reopen grain shipments through the Northern "
                  "Straits under naval escort"]},
    {"question": "What did Koval say about the grain corridor?", "type": "speaker", "speaker": "Koval",
     "evidence": ["We will open a corridor for grain ships by the start of the harvest, and we will protect it"]},
    # deliberately the wrong speaker: every quote the answer gives is Ruiz's
    {"question": "What did Ruiz say about the sanctions?", "type": "speaker", "speaker": "Lena Sorvik"},
    {"question": "Why did Ostmark turn down the offer of sanctions relief talks in April 2025?", "type": "pledge",
     "evidence": ["The Kingdom of Ostmark on Thursday turned down an offer from the Republic of Veloria to open "
                  "talks on easing sanctions"]},
    {"question": "What did Ostmark say about the Mars mission?", "answerable": False},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from assistant import Assistant

    path = tmp_path_factory.mktemp("eval") / "store"
    assert Assistant.open(store=path, create=True).ingest([SAMPLES]).ok
    return path


@pytest.fixture
def questions(tmp_path):
    f = tmp_path / "questions.jsonl"
    lines = [json.dumps(q) for q in QUESTIONS]
    lines.insert(2, '{"question": "Is this answerable?", "answerable": "maybe"}')  # line 3: bad, skipped
    f.write_text("\n".join(lines) + "\n")
    return f


def test_attache_eval_json_and_html_report(store, questions, tmp_path, capsys):
    report = tmp_path / "report.html"
    rc = cli.main(["eval", str(questions), "--store", str(store), "--k", "5", "--json",
                   "--baseline", "dense", "--baseline", "bm25", "--report", str(report)])
    out, err = capsys.readouterr()
    assert rc == 1, err  # one bad record: named, skipped, the rest evaluated
    assert "line 3: `answerable` must be true or false" in err
    assert "eval: 100%" in err  # the progress bar
    res = json.loads(out)
    assert res["errors"] == [{"where": "line 3", "error": "`answerable` must be true or false"}]
    assert res["failed"] == []
    # re-ranked search (the default of `attache search`) is measured unless --no-rerank
    assert res["k"] == 5 and res["systems"] == ["attache", "attache+rerank", "dense", "bm25"]
    o = res["overall"]
    assert o["questions"] == 5
    assert set(res["by_type"]) == {"pledge", "speaker", "unanswerable"}
    assert res["by_type"]["pledge"]["questions"] == 2 and res["by_type"]["unanswerable"]["questions"] == 1
    for name in ("attache", "attache+rerank", "dense", "bm25"):
        assert o["retrieval"][name]["questions"] == 3  # the questions with evidence
        assert 0 <= o["retrieval"][name]["recall@5"] <= 1 and 0 <= o["retrieval"][name]["mrr@5"] <= 1
    assert o["retrieval"]["attache"]["recall@5"] == 1.0  # a 12-article archive: every fact in the top 5
    per = {r["question"]: r for r in res["per_question"]}
    assert [r["where"] for r in res["per_question"]] == ["line 1", "line 2", "line 4", "line 5", "line 6"]
    # the summary is the mean of the per-question figures
    recalls = [r["retrieval"]["bm25"]["recall"] for r in res["per_question"] if r["retrieval"]]
    assert o["retrieval"]["bm25"]["recall@5"] == round(sum(recalls) / 3, 4)

    mars = per["What did Ostmark say about the Mars mission?"]
    assert mars["abstained"] and not mars["answerable"] and mars["retrieval"] == {}
    assert o["abstention"]["unanswerable"] == 1 and o["abstention"]["recall"] == 1.0
    assert o["abstention"]["precision"] == round(1 / o["abstention"]["abstained"], 4)

    koval = per["What did Koval say about the grain corridor?"]
    assert not koval["abstained"] and koval["citation_recall"] == 1.0  # Koval's sentence is quoted
    assert koval["wrong_speaker"] is False
    ruiz = per["What did Ruiz say about the sanctions?"]
    assert ruiz["wrong_speaker"] is True and any("Ruiz" in s for s in ruiz["cited_speakers"])
    assert ruiz["citation_recall"] is None  # no evidence given: not counted
    assert o["speaker"] == {"checked": 2, "wrong": 1, "wrong_rate": 0.5}
    assert o["citations"]["questions"] == 3 and 0 < o["citations"]["precision"] <= 1
    assert 0 < o["latency_ms"]["p50"] <= o["latency_ms"]["p95"]

    text = report.read_text()
    assert "<img alt='attache eval' src='data:image/png;base64," in text
    assert "Retrieval (evidence in the top 5)" in text and "bm25" in text and "line 3" in text


def test_attache_eval_table_and_markdown_report(store, questions, tmp_path, capsys):
    report = tmp_path / "eval.md"
    rc = cli.main(["eval", str(questions), "--store", str(store), "--limit", "2", "--report", str(report)])
    out, err = capsys.readouterr()
    assert rc == 1, err
    assert out.startswith("Retrieval (evidence in the top 10)\ngroup")
    assert "recall@10" in out and "abstain P" in out and "wrong speaker" in out
    md = report.read_text()
    assert "![attache eval](eval.png)" in md and "| overall | 2 |" in md
    assert (tmp_path / "eval.png").read_bytes().startswith(b"\x89PNG")


def test_attache_eval_refuses_unusable_input_before_opening_the_store(tmp_path, capsys):
    empty = tmp_path / "q.jsonl"
    empty.write_text('{"question": ""}\n')
    missing_store = tmp_path / "no-store"
    assert cli.main(["eval", str(empty), "--store", str(missing_store)]) == 2
    assert "line 1: `question` must be a non-empty string" in capsys.readouterr().err
    assert cli.main(["eval", str(empty), "--store", str(missing_store), "--report", "out.pdf"]) == 2
    assert "--report must end in .md or .html" in capsys.readouterr().err
    assert cli.main(["eval", str(tmp_path / "absent.jsonl"), "--store", str(missing_store)]) == 2
    assert "absent.jsonl" in capsys.readouterr().err
    assert not missing_store.exists()
