"""Reports out: `ask --format markdown` (footnoted) and `positions --format csv|json|markdown`."""
import csv
import io
import json
import re
from pathlib import Path

import pytest

from assistant import cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"


@pytest.fixture(scope="module")
def store(samples_store):
    return samples_store


def run(capsys, *args):
    capsys.readouterr()
    rc = cli.main([str(x) for x in args])
    out, err = capsys.readouterr()
    assert rc == 0, err
    return out


def test_ask_markdown_has_footnotes_with_verbatim_quotes(store, capsys):
    a, path = store
    md = run(capsys, "ask", "What did Veloria pledge about a grain corridor?", "--store", path, "--format", "markdown")
    ans = json.loads(run(capsys, "ask", "What did Veloria pledge about a grain corridor?", "--store", path, "--json"))
    markers = re.findall(r"\[\^(\d+)\](?!:)", md)
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, re.M))
    assert markers and set(markers) <= set(notes), md
    assert len(notes) == len(ans["citations"])
    for c in ans["citations"]:
        note = notes[str(c["n"])]
        assert c["source"] in note and c["published"][:10] in note and f"{c['start']}:{c['end']}" in note
        assert f"<{c['url']}>" in note
        quote = a.document(c["doc_id"]).text[c["start"]:c["end"]]
        assert re.sub(r"\\(.)", r"\1", note).find(quote) >= 0  # the quote, verbatim once unescaped
    assert "[1]" not in md.split("\n\n[^")[0]  # plain markers became footnote references


def test_positions_export_csv_json_markdown_agree(store, capsys):
    _, path = store
    statements = json.loads(run(capsys, "positions", "Koval", "--store", path, "--format", "json"))["statements"]
    assert statements
    rows = list(csv.DictReader(io.StringIO(run(capsys, "positions", "Koval", "--store", path, "--format", "csv"))))
    assert [(r["doc_id"], int(r["start"]), int(r["end"]), r["text"]) for r in rows] == \
        [(s["doc_id"], s["start"], s["end"], s["text"]) for s in statements]
    md = run(capsys, "positions", "Koval", "--store", path, "--format", "markdown")
    assert md.startswith("## Statements of Koval")
    assert len(re.findall(r"^\| \d{4}", md, re.M)) == len(statements)
    assert len(re.findall(r"^\[\^\d+\]: ", md, re.M)) == len(statements)


def test_markdown_escapes_article_markup():
    from assistant.models import Answer, Citation
    from assistant.render import answer_markdown

    c = Citation(n=1, doc_id="d", chunk_id="c", title="A *bold* [link](x)", source="Wire | Co", published="2026-01-02",
                 url="javascript:alert(1)", quote="He said <b>no</b> to `this`", start=0, end=5, speaker="")
    md = answer_markdown(Answer("Q?", "He said no [1].", False, [c]))
    assert "[^1]" in md and "javascript:" not in md
    assert "\\*bold\\*" in md and "\\<b\\>" in md and "\\`this\\`" in md and "Wire \\| Co" in md


def test_positions_says_why_nothing_was_found(store, capsys):
    _, path = store
    capsys.readouterr()
    assert cli.main(["positions", "Sorvik", "--kind", "proposal", "--store", str(path)]) == 1  # nothing found: exit 1, as grep
    err = capsys.readouterr().err
    assert "of kind proposal" in err and "statement(s) of other kinds" in err, err
    assert cli.main(["positions", "Nobody Atall", "--store", str(path)]) == 1
    assert "no statements by Nobody Atall in the index" in capsys.readouterr().err


def test_outlet_filters_accept_the_name_as_people_type_it(store):
    a, _ = store
    exact = a.search("grain corridor", k=5, filters={"sources": ["The Meridian Herald"]})
    assert exact and {p.source for p in exact} == {"The Meridian Herald"}
    for typed in ("Meridian Herald", "meridian herald", "MERIDIAN"):
        got = a.search("grain corridor", k=5, filters={"sources": [typed]})
        assert [p.chunk_id for p in got] == [p.chunk_id for p in exact], typed
    assert a.search("grain corridor", k=5, filters={"sources": ["No Such Outlet"]}) == []
    assert {d.source for d in a.documents({"sources": ["Meridian Herald"]})} == {"The Meridian Herald"}


def test_chat_lists_dated_statements_of_any_precision():
    """A timeline whose statements are dated to a day, a month or a year is one list item per
    statement in the chat (a month-dated one ran into the item before it), and back to text."""
    from assistant.models import Answer, Citation
    from assistant.render import chat_markdown, chat_text

    cites = [Citation(n=i, doc_id="d", chunk_id="c", title="T", source="S", published="2026-01-02", url="",
                      quote="q", start=0, end=1) for i in (1, 2, 3)]
    text = ("Ostmark on talks, earliest to latest: 2025 (Ostmark, position): A. [1] 2025-04 (Ostmark, rejection): "
            "B. [2] 2026-01-22 (Lena Sorvik, position): C. [3]")
    md = chat_markdown(Answer("Q?", text, False, cites))
    items = re.findall(r"(?m)^- (\d{4}(?:-\d{2}){0,2}) \(", md)
    assert items == ["2025", "2025-04", "2026-01-22"], md
    assert chat_text(md).replace("\n", " ").split() == text.split()


def test_positions_mark_reported_speech_and_quote_only_direct_quotations(store, capsys):
    """From a new-user pass: `positions` printed every statement in quotation marks, so reported
    speech ("He said in one interview that he welcomed her death ...") read as the speaker's own
    words. Direct quotations keep their marks; reported statements are marked "(reported)", in
    the text listing and in the Markdown table."""
    _, path = store
    statements = json.loads(run(capsys, "positions", "Sorvik", "--store", path, "--format", "json"))["statements"]
    direct = [s for s in statements if s["direct"]]
    reported = [s for s in statements if not s["direct"]]
    assert direct and reported
    text = run(capsys, "positions", "Sorvik", "--store", path)
    md = run(capsys, "positions", "Sorvik", "--store", path, "--format", "markdown")
    table = "\n".join(line for line in md.splitlines() if line.startswith("|"))  # (footnotes quote the article)
    for out in (text, table):
        assert all(f"(reported) {s['text'][:40]}" in out and f"“{s['text'][:40]}" not in out for s in reported), out
        assert all(f"“{s['text'][:40]}" in out for s in direct), out


def test_chat_quotes_markdown_links_of_an_article_verbatim():
    """From a new-user pass: an article's "[click](javascript:alert('x'))" was rendered in the chat
    as a link named "click" (href stripped): the quote was no longer verbatim. Brackets are
    escaped like other Markdown characters; citation markers still link to their sources."""
    from assistant.models import Answer, Citation
    from assistant.render import chat_markdown, chat_text

    cites = [Citation(n=1, doc_id="d", chunk_id="c", title="T", source="S", published="2026-01-02", url="",
                      quote="q", start=0, end=1)]
    text = "Quill said the isles [click](javascript:alert('x')) and **Aster** are Norland's. [1]"
    md = chat_markdown(Answer("Q?", text, False, cites))
    assert "](javascript" not in md.replace("\\]", "") and "\\[click\\]" in md, md
    assert "[[1]](#source-1-1)" in md, md
    assert chat_text(md) == text


def test_a_speechs_own_statements_are_quoted_and_their_speaker_shown_once():
    """From a new-user pass: `positions Kishida` showed "must must: (reported) A food crisis must not
    be perpetuated" and "us Let us: ..." for his own speech. A speech's own statements are its
    speaker's words (quoted, not reported), and a speaker that is only its cue is shown once."""
    from assistant.render import said_by, statement_text
    from index.actors import Actor
    from index.claims import ClaimExtractor

    x = ClaimExtractor()
    speech = "A food crisis must not be perpetuated. Let us join our forces to strengthen human dignity."
    got = x.extract(speech, "d", "2023-09-19", voice=Actor("Japan", "government", "Prime Minister"))
    assert [(said_by(c), statement_text(c)) for c in got] == [
        ("must", "“A food crisis must not be perpetuated”"),
        ("Let us", "“join our forces to strengthen human dignity”")], [(c.speaker, c.cue) for c in got]
