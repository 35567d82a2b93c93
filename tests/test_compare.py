"""Comparing actors: `Assistant.compare`, `attache compare`, and a chat question asking to compare."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.text import terms

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"


@pytest.fixture(scope="module")
def store(samples_store):
    return samples_store


def test_compare_lays_statements_side_by_side_in_date_order(store):
    a, _ = store
    comparison, ans = a.compare(["Sorvik", "Koval"], topic="sanctions")
    assert [actor for actor, _ in comparison.columns] == ["Lena Sorvik", "Anna Koval"]  # surnames resolved
    for actor, claims in comparison.columns:
        assert claims, actor
        assert [c.when for c in claims] == sorted(c.when for c in claims)
        for c in claims:
            assert c.actor == actor
            sentence = a.document(c.doc_id).text[c.sent_start:c.sent_end]
            assert "sanction" in set(terms(sentence + " " + " ".join(c.topics)))
    assert not ans.abstained and len(ans.citations) == sum(len(cs) for _, cs in comparison.columns)
    blocks = ans.answer.split("\n\n")
    assert blocks[0].startswith("Lena Sorvik:") and blocks[1].startswith("Anna Koval:")
    for c in ans.citations:
        assert a.document(c.doc_id).text[c.start:c.end] == c.quote and f"[{c.n}]" in ans.answer
    # Sorvik's shift is visible: the refusal first, the readiness later.
    sorvik = comparison.columns[0][1]
    assert "would not negotiate" in a.document(sorvik[0].doc_id).text[sorvik[0].sent_start:sorvik[0].sent_end]


def test_a_chat_question_asking_to_compare_is_answered_side_by_side(store):
    a, _ = store
    ans = a.ask("Compare Sorvik's and Koval's positions on sanctions")
    expected = a.compare(["Sorvik", "Koval"], topic="sanctions")[1]
    assert [(c.doc_id, c.start) for c in ans.citations] == [(c.doc_id, c.start) for c in expected.citations]
    assert ans.answer == expected.answer


def test_compare_reports_actors_with_nothing_on_the_topic(store):
    """(A topic is read as `ask` reads it, one shared word being enough: Wren's "the loss of grain
    transit fees" is on "naval escort grain", as "What did Paulina Wren say about naval escort
    grain?" answers; nothing of hers is on naval escorts.)"""
    a, _ = store
    _, ans = a.compare(["Sorvik", "Wren"], topic="naval escort")
    assert "no statements on naval escort by Paulina Wren" in ans.answer, ans.answer


def test_compare_cli_json_and_errors(store):
    _, path = store
    cli = [sys.executable, "-m", "assistant.cli", "compare"]
    r = subprocess.run([*cli, "Sorvik", "Koval", "--topic", "sanctions", "--json", "--store", str(path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [c["actor"] for c in out["columns"]] == ["Lena Sorvik", "Anna Koval"]
    assert out["answer"]["citations"] and not out["answer"]["abstained"]
    r = subprocess.run([*cli, "Sorvik", "--store", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "at least two actors" in r.stderr
    # Nothing to compare (no statement by either in those dates): exit 1 as positions does, valid JSON still.
    r = subprocess.run([*cli, "Sorvik", "Koval", "--since", "2099-01-01", "--json", "--store", str(path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "no statements by any of" in r.stderr
    assert all(c["statements"] == [] for c in json.loads(r.stdout)["columns"])


def test_compare_cli_refuses_one_actor_twice_and_says_an_actor_is_unknown(store):
    """From a new-user pass: `compare Norway Norway` printed two identical columns, and `compare
    Sorvik Atlantis` exited 0 as if Atlantis had merely said nothing on the topic."""
    _, path = store
    cli = [sys.executable, "-m", "assistant.cli", "compare"]
    r = subprocess.run([*cli, "Sorvik", "Lena Sorvik", "--store", str(path)], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 2 and "Lena Sorvik is named twice" in r.stderr, r.stderr
    r = subprocess.run([*cli, "Sorvik", "Atlantis", "--topic", "sanctions", "--store", str(path)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "no actor 'Atlantis' in the index" in r.stderr, r.stderr
    assert "Lena Sorvik" in r.stdout  # the known actor's column is still shown
