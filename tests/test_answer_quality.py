"""Answers to analyst questions about named people, as a new user asked them of the samples:
a person is never credited with another's statement or with a kind of statement they did not make."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"


@pytest.fixture(scope="module")
def a(tmp_path_factory):
    from assistant import Assistant

    assistant = Assistant.open(store=tmp_path_factory.mktemp("quality") / "store", create=True)
    assert assistant.ingest([SAMPLES]).ok
    return assistant


def quotes_exact(a, ans):
    for c in ans.citations:
        assert a.document(c.doc_id).text[c.start:c.end] == c.quote


def test_a_person_is_not_credited_with_a_pledge_they_did_not_make(a):
    ans = a.ask("Did Koval pledge to lift all sanctions?")
    assert ans.abstained and ans.answer.startswith("The articles do not report Anna Koval pledging to lift all sanctions")
    assert not any("every sanction be lifted" in c.quote for c in ans.citations)  # Ostmark's demand, not hers
    assert ans.citations and all("Anna Koval" in c.speaker for c in ans.citations)
    assert any("keep the sanctions in place" in c.quote for c in ans.citations)  # what she did vow
    quotes_exact(a, ans)


@pytest.mark.parametrize("question,person,kind_verb", [
    ("What did Paulina Wren pledge?", "Paulina Wren", "pledging"),
    ("What did Marek Holl propose?", "Marek Holl", "proposing"),
])
def test_other_kinds_of_statement_are_labelled_not_passed_off(a, question, person, kind_verb):
    ans = a.ask(question)
    assert ans.abstained and f"do not report {person} {kind_verb} anything" in ans.answer, ans.answer
    assert all(c.speaker == person for c in ans.citations)
    quotes_exact(a, ans)


def test_statements_of_the_kind_asked_for_lead(a):
    ruiz = a.ask("What did Tomas Ruiz propose?")
    assert not ruiz.abstained and any("withdrawn in the first stage" in c.quote for c in ruiz.citations)
    assert not any("businesslike" in c.quote for c in ruiz.citations)
    oren = a.ask("What did Nadia Oren propose?")
    assert not oren.abstained and oren.citations and all(c.speaker == "Nadia Oren" for c in oren.citations)
    quotes_exact(a, ruiz)


def test_who_questions_ask_for_an_identity_not_a_statement(a):
    ans = a.ask("Who is the secretary-general of the Northern Straits Council?")
    assert not ans.abstained and any("Amara Lind, the secretary-general" in c.quote for c in ans.citations), ans.answer


def test_a_month_in_the_question_is_a_time_not_a_name(a):
    ans = a.ask("What did Tomas Ruiz propose in February 2026?")
    assert not ans.abstained and "do not mention" not in ans.answer
    assert any("withdrawn in the first stage" in c.quote for c in ans.citations)


def test_citations_of_attributed_statements_carry_the_statement_date(a):
    ans = a.ask("What did Veloria pledge about a grain corridor through the Northern Straits?")
    assert not ans.abstained
    dated = [c for c in ans.citations if c.statement_date]
    assert dated, [c.to_dict() for c in ans.citations]
    for c in dated:  # a statement is made on or before the day its article is published
        assert c.statement_date[:10] <= c.published[:10] and c.to_dict()["statement_date"] == c.statement_date


def test_library_marks_truncated_exports(a, tmp_path):
    import json

    from assistant.ui import _document_rows

    p = tmp_path / "newsapi.json"
    p.write_text(json.dumps({"status": "ok", "articles": [{
        "source": {"id": None, "name": "Harbour Post"}, "title": "Velmor opens Kessa dam gates",
        "publishedAt": "2026-05-04T09:00:00Z",
        "content": "Velmor opened the Kessa dam gates on Monday, the water ministry said. The release… [+2140 chars]"}]}),
        encoding="utf-8")
    assert a.ingest([p]).ok
    rows = {r[3] for r in _document_rows(a)}
    assert "Velmor opens Kessa dam gates  [truncated in the export]" in rows
