"""Ingestion and answers, from a new user's trial (nup28, Part 2; real store, model and spaCy; our own short inputs;
the CLI in a subprocess).

- #9 A ``.txt`` whose header is title / "Reuters" / "Tue 19 Sep 2023" lost its outlet: the agency's bare name was
  removed as an "image credit" (a photo credit reads "Reuters" too), so the outlet-line rule never saw it, and the
  document's source was empty.
- #10 "What did EU leaders promise last month?" read "last month" only as the articles' publication month counted from
  today and abstained, though an article writes "Last month, EU leaders promised ...": like a day after the act's verb
  ("announce on October 18"), the period is read as the one before each article's date when the first reading finds
  nothing, and the answer says so.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_attribution import _md

ROOT = Path(__file__).resolve().parent.parent


NEWS = {
    "sanctions.md": _md("EU widens sanctions on Veldan over drone transfers", "2021-05-14", (
        "BRUSSELS, May 14 - European Union foreign ministers agreed on Monday to widen sanctions on Veldan over the "
        "transfer of drones, the bloc's foreign policy chief said.\n\n"
        "Last month, EU leaders promised to tighten sanctions on Veldan after its drone attack on Ostravia.\n\n"
        "The new listings are expected to be adopted within weeks.")),
    "harbour.md": _md("Ostravia opens a new harbour", "2021-03-02", (
        "Ostravia opened a new harbour on Tuesday, the port authority said.\n\n"
        "The EU promised in 2019 to fund half of the harbour's cost.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from assistant import Assistant

    where = tmp_path_factory.mktemp("findings15")
    for name, body in NEWS.items():
        (where / name).write_text(body, encoding="utf-8")
    a = Assistant.open(store=where / "store", create=True)
    assert a.ingest([where / n for n in sorted(NEWS)]).ok
    return a


def _cli(*args, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args, "--store", str(store)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


# -- #9: an agency's name on the line above a date line is the outlet, not a photo credit --------------------------
def test_an_agency_line_above_a_weekday_date_line_is_the_outlet(tmp_path):
    path = tmp_path / "expulsion.txt"
    # (no "(Agency)" in the dateline: the outlet can only come from the header line)
    path.write_text("Ostravia expels a Veldan diplomat, rejects the accusation as absurd\nReuters\nTue 19 Sep 2023\n\n"
                    "KORVA, Sept 19 - Ostravia on Tuesday expelled a senior Veldan diplomat and rejected as absurd the "
                    "allegations made by the Veldan prime minister.\n", encoding="utf-8")
    store = tmp_path / "store"
    r = _cli("ingest", str(path), "--json", "--quiet", store=store)
    assert r.returncode == 0, r.stderr
    r = _cli("docs", "--json", store=store)
    assert r.returncode == 0, r.stderr
    doc_id = json.loads(r.stdout)[0]["doc_id"]
    r = _cli("docs", "show", doc_id, "--json", store=store)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["source"] == "Reuters", doc["source"]
    assert not any(x["what"] == "image credit" for x in doc["meta"]["removed"]), doc["meta"]["removed"]
    assert doc["published"].startswith("2023-09-19"), doc["published"]
    assert "Reuters" not in doc["text"] and "KORVA, Sept 19" in doc["text"], doc["text"][:120]


# -- #10: "last month" after the act's verb -----------------------------------------------------------------------------
def test_a_period_after_the_acts_verb_reads_as_the_articles_own_last_month(world):
    ans = world.ask("What did EU leaders promise last month?")
    assert not ans.abstained, ans.answer
    assert any(c.quote.startswith("Last month, EU leaders promised") for c in ans.citations), ans.answer
    assert not any("2019" in c.quote for c in ans.citations), ans.answer  # (a promise of another period)
    assert "month before each article's own date" in ans.answer, ans.answer


def test_a_period_after_published_stays_a_publication_filter(world):
    ans = world.ask("What did EU leaders promise in articles published last month?")
    assert ans.abstained and not ans.citations, ans.answer
