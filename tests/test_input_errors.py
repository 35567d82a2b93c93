"""Faults users reported in what attache takes in, each checked with the real parts: files on disk,
a real store (``samples_store`` from conftest: the 12 samples, real Chroma and model), the real
CLI (``cli.main`` in this process, or ``python -m assistant.cli``) and the real HTTP app.

1. a ``Title:`` label kept in a plain-text article's title;
2. Latin-1 / Windows-1252 files refused;
3. truncated JSON / JSONL reported without where or what;
4. ``k`` under 1 and unknown statement kinds accepted silently;
5. a date range with ``since`` after ``until`` accepted silently;
6. an unknown ``sources`` name said by the CLI but not by the HTTP API.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from index.models import STATEMENT_KINDS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def no_claims(tmp_path, monkeypatch):
    """Settings for in-process CLI runs: no user config, claims extraction off (not under test)."""
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    monkeypatch.setenv("ATTACHE_CONFIG", str(cfg))
    for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_LLM"):
        monkeypatch.delenv(k, raising=False)
    return cfg


def run(capsys, *args) -> tuple[int, str, str]:
    """``attache ARGS`` in this process (the loaded model is shared): exit code, stdout, stderr."""
    capsys.readouterr()
    rc = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return rc, out, err


def subprocess_env(tmp_path: Path) -> dict:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-sub.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    return {**env, "ATTACHE_CONFIG": str(cfg), "HF_HUB_OFFLINE": "1"}


def docs_of(capsys, store: Path) -> dict[str, dict]:
    """Title -> ``attache docs show ID --json`` of every document in ``store``."""
    rc, out, err = run(capsys, "docs", "--store", store, "--json")
    assert rc == 0, err
    shown = {}
    for d in json.loads(out):
        rc, out, err = run(capsys, "docs", "show", d["doc_id"], "--store", store, "--json")
        assert rc == 0, err
        shown[d["title"]] = json.loads(out)
    return shown


# ------------------------------------------------------------------------------- 1. Title: label


def test_a_title_label_is_not_part_of_the_title(tmp_path, capsys, no_claims):
    """A .txt whose first line is `Title: Something` is titled "Something" (label in any case, a
    Markdown heading mark before it allowed); a title merely starting with the word keeps it."""
    d = tmp_path / "in"
    d.mkdir()
    body = "\n\nVeloria pledged on Tuesday to keep the grain corridor open. Talks resume in Ravna next week.\n"
    (d / "one.txt").write_text("Title: Veloria pledges grain corridor\nDate: 2026-03-14" + body, encoding="utf-8")
    (d / "two.txt").write_text("TITLE:   Ostmark rejects sanctions talks" + body.replace("Veloria", "Ostmark"),
                               encoding="utf-8")
    (d / "three.md").write_text("# title: Calderra proposes drills freeze" + body.replace("Veloria", "Calderra"),
                                encoding="utf-8")
    (d / "four.txt").write_text("Title fight looms in the Straits Council" + body.replace("Veloria", "Kessa"),
                                encoding="utf-8")
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet")
    assert rc == 0, err
    docs = docs_of(capsys, store)
    assert set(docs) == {"Veloria pledges grain corridor", "Ostmark rejects sanctions talks",
                         "Calderra proposes drills freeze", "Title fight looms in the Straits Council"}
    one = docs["Veloria pledges grain corridor"]
    assert one["published"] == "2026-03-14"  # the Date: line under it is still read
    assert "Veloria pledged on Tuesday" in one["text"]


# ------------------------------------------------------------------------------- header lines

HEADED = ("Title: Veloria pledges to keep the grain corridor open\n"
          "SOURCE: Harbour Post\n"
          "published: 22 January 2026\n"
          "Link: https://harbourpost.example/veloria-grain\n"
          "\n"
          "Veloria's Foreign Minister Anna Koval said on Tuesday that Veloria would keep the grain corridor "
          "open through the winter.\nShare\n\n"
          "Talks on the corridor resume in Ravna next week, officials said.\n")
NO_OUTLET = ("Kessa pledges aid to Ravna\n\n"
             "Kessa's Foreign Minister Jon Brandvold said on Thursday that Kessa would send aid to Ravna. "
             "The first convoy leaves next week.\n")


def test_header_lines_of_a_plain_text_article_are_its_metadata(tmp_path, capsys, monkeypatch):
    """`Title:`, `Source:`, `Published:`/`Date:`, `Link:`/`URL:` lines on top of a .txt (any case)
    give its title, outlet, date and URL and are not in its text (offsets into the file and into
    the text stay right); an article naming no outlet is printed "unknown outlet" by the CLI."""
    from index.cleaning import split_header_lines

    cfg = tmp_path / "claims-on.toml"  # statements extracted: `positions` is under test
    cfg.write_text("", encoding="utf-8")
    monkeypatch.setenv("ATTACHE_CONFIG", str(cfg))
    for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_LLM"):
        monkeypatch.delenv(k, raising=False)
    d = tmp_path / "in"
    d.mkdir()
    (d / "veloria.txt").write_text(HEADED, encoding="utf-8")
    (d / "2026-01-22-kessa.txt").write_text(NO_OUTLET, encoding="utf-8")
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet")
    assert rc == 0, err
    docs = docs_of(capsys, store)
    v = docs["Veloria pledges to keep the grain corridor open"]
    assert (v["source"], v["published"], v["url"]) == ("Harbour Post", "2026-01-22",
                                                        "https://harbourpost.example/veloria-grain"), v
    assert v["text"].startswith("Veloria's Foreign Minister Anna Koval said on Tuesday"), v["text"]
    for label in ("Title:", "SOURCE:", "published:", "Link:", "harbourpost.example"):
        assert label not in v["text"], v["text"]
    [removed] = v["removed"]  # the "Share" button line: its offsets are into the file, as after front matter
    assert HEADED[removed["start"]:removed["end"]] == "Share", removed
    assert docs["Kessa pledges aid to Ravna"]["source"] == ""

    rc, out, err = run(capsys, "positions", "Koval", "--store", store, "--json")
    assert rc == 0, err
    [claim] = [c for c in json.loads(out)["statements"] if "grain corridor" in c["text"]]
    assert v["text"][claim["start"]:claim["end"]] == claim["text"], claim  # offsets into the stored text
    rc, out, err = run(capsys, "positions", "Koval", "--store", store)
    assert rc == 0 and "— Harbour Post, 2026-01-22, \"Veloria pledges" in out, out
    rc, out, err = run(capsys, "positions", "Brandvold", "--store", store)
    assert rc == 0 and "— unknown outlet, 2026-01-22, \"Kessa pledges aid to Ravna\"" in out, out
    assert "— ," not in out
    rc, out, err = run(capsys, "docs", "--store", store)
    assert rc == 0 and "unknown outlet" in out and "Harbour Post" in out, out
    rc, out, err = run(capsys, "search", "aid convoy to Ravna", "--k", "1", "--store", store)
    assert rc == 0 and out.startswith("[1] unknown outlet 2026-01-22 — Kessa pledges aid"), out

    # what is not a header block stays text
    assert split_header_lines("Source: a senior official said. The talks failed.\n\nMore.\n")[0] == {}
    assert split_header_lines("Veloria said.\nTitle: late\n") == ({}, "Veloria said.\nTitle: late\n")
    meta, rest = split_header_lines("\n  date: 2026-01-22\nURL: not a link\nBody.\n")
    assert meta == {"date": "2026-01-22"} and rest == "URL: not a link\nBody.\n"


# ------------------------------------------------------------------------------- 2. encodings

CP1252_TEXT = ("Ostmark\u2019s envoy rejects caf\u00e9 talks\n\n"
               "Ostmark\u2019s Foreign Minister Lena S\u00f6rvik said on Tuesday that the \u201cphased\u201d "
               "sanctions deal was dead. Talks in Gen\u00e8ve would not resume before the summer, she said.\n")
# 0x81 is undefined in cp1252: such a file is read as Latin-1.
LATIN1_BYTES = ("Calderra n\u00e9gocie\n\nLe ministre a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait utile. "
                "Il a ajout\u00e9 que les pourparlers reprendraient \u00e0 Ravna.\n").encode("latin-1") + b"\x81\n"


def test_latin1_and_cp1252_files_are_read_with_a_warning(tmp_path, capsys, no_claims):
    """Not UTF-8: read as cp1252 (else Latin-1), one warning line on stderr naming the file and the
    encoding, the decoded text stored, and every cited quote is that text at its [start, end)."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (d / "latin1.txt").write_bytes(LATIN1_BYTES)
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Kessa backs the na\u00efve plan\n\nKessa said the plan "
                                                  "was sound. It will vote for it.\n".encode())
    (d / "records.jsonl").write_bytes(json.dumps({"title": "Koval in M\u00fcnchen", "text": "PLACEHOLDER"})
                                      .replace("PLACEHOLDER", "Koval said in M\u00fcnchen that the escort "
                                               "would sail. It sails in May.").encode("cp1252") + b"\n")
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet", "--json")
    assert rc == 0, err
    assert json.loads(out)["added"] == 4
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert sorted(warnings) == sorted([
        f"attache: warning: {d / 'cp1252.txt'}: not UTF-8 (invalid byte at offset 7); read as Windows-1252 (cp1252)",
        f"attache: warning: {d / 'latin1.txt'}: not UTF-8 (invalid byte at offset 10); read as Latin-1 (ISO-8859-1)",
        f"attache: warning: {d / 'records.jsonl'}: not UTF-8 (invalid byte at offset 59); "
        "read as Windows-1252 (cp1252)"]), err
    docs = docs_of(capsys, store)
    cp = docs["Ostmark\u2019s envoy rejects caf\u00e9 talks"]
    assert "Lena S\u00f6rvik" in cp["text"] and "\u201cphased\u201d" in cp["text"] and cp["meta"]["encoding"] == "cp1252"
    la = docs["Calderra n\u00e9gocie"]
    assert "a d\u00e9clar\u00e9 que" in la["text"] and la["meta"]["encoding"] == "latin-1"
    assert docs["Koval in M\u00fcnchen"]["meta"]["encoding"] == "cp1252"
    bom = docs["Kessa backs the na\u00efve plan"]
    assert not bom["text"].startswith("\ufeff") and "encoding" not in bom["meta"]
    # offsets of citations count characters of the stored (decoded) text
    rc, out, err = run(capsys, "ask", "What did S\u00f6rvik say about the phased sanctions deal?", "--json",
                       "--store", store)
    assert rc == 0, err
    answer = json.loads(out)
    assert answer["citations"], answer["answer"]
    texts = {d["doc_id"]: d["text"] for d in docs.values()}
    for c in answer["citations"]:
        assert texts[c["doc_id"]][c["start"]:c["end"]] == c["quote"]
    assert any("S\u00f6rvik" in c["quote"] or "phased" in c["quote"] for c in answer["citations"])


def test_an_impossible_date_is_said_on_stderr_and_the_article_kept_undated(tmp_path, capsys, no_claims):
    """A record whose date cannot be a date ("published_at": "2023-13-45") is indexed without it,
    exit 0, with a warning naming the file, the field and the value (a new-user pass found it
    dropped in silence, visible only in `docs show --json`); a good date in the same run says nothing."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.json").write_text(json.dumps({"title": "Bad date", "published_at": "2023-13-45", "source": "Wire",
                                            "text": "Lena Sorvik said the talks would resume in May."}))
    (d / "good.json").write_text(json.dumps({"title": "Good date", "published_at": "2023-11-05", "source": "Wire",
                                             "text": "Anna Koval said the escort would sail in June."}))
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet", "--json")
    assert rc == 0, err
    assert json.loads(out)["added"] == 2
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(d / "bad.json") in warnings[0], err
    assert "published_at: 2023-13-45" in warnings[0] and "indexed undated" in warnings[0], err
    docs = docs_of(capsys, store)
    assert docs["Bad date"]["published"] == "" and docs["Good date"]["published"] == "2023-11-05"


# ------------------------------------------------------------------------------- 3. broken JSON


def test_truncated_json_and_jsonl_name_file_line_record_and_cause(tmp_path):
    """The real `attache ingest` on a cut-off .json, a .jsonl whose last record is cut off, and a
    good article: each error names the file, the line (and record) and what is wrong; the good
    article and the good records are ingested; exit 1."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Envoys meet in Vienna\n\nEnvoys met in Vienna on Monday. They agreed to "
                                "resume talks next week.\n", encoding="utf-8")
    (d / "cut.json").write_text('[{"title": "A", "text": "Some text here. And more."},\n'
                                ' {"title": "B", "text": "Another art', encoding="utf-8")
    (d / "cut2.json").write_text('[{"title": "A", "text": "Some text here. And more."},\n {"title": "B", ',
                                 encoding="utf-8")
    (d / "single.json").write_text('{"title": "A", "text": "Text."}\n{"title": "B", "text": "Text."}\n',
                                   encoding="utf-8")
    (d / "cut.jsonl").write_text(json.dumps({"title": "L1", "text": "Line one text. It is fine."}) + "\n\n"
                                 + json.dumps({"title": "L2", "text": "Line two text. Also fine."}) + "\n"
                                 + '{"title": "L3", "te', encoding="utf-8")
    store = tmp_path / "store"
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(d), "--store", str(store), "--json",
                        "--quiet"], cwd=ROOT, env=subprocess_env(tmp_path), capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert failed == {
        str(d / "cut.json"): "malformed JSON: unexpected end of data at line 2 column 37, inside a string that "
                             "starts at line 2 column 25 (the file looks cut off)",
        str(d / "cut2.json"): "malformed JSON: unexpected end of data at line 2 column 16 (the file looks cut off)",
        str(d / "single.json"): "malformed JSON: extra data at line 2 column 1 (found '{'); a .json file holds one "
                                "value (an array of records): one record a line is a .jsonl file",
        f"{d / 'cut.jsonl'}: line 4": "malformed JSON in record 3: unexpected end of data at line 4 column 20, "
                                      "inside a string that starts at line 4 column 17 (the record looks cut off)",
    }, failed
    for path, error in failed.items():  # the same, whole, on stderr
        assert f"attache: failed: {path}: {error}\n" in r.stderr
    assert report["added"] == 3  # good.txt and the two whole records of cut.jsonl
    listed = subprocess.run([sys.executable, "-m", "assistant.cli", "docs", "--store", str(store), "--json"],
                            cwd=ROOT, env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert {x["title"] for x in json.loads(listed.stdout)} == {"Envoys meet in Vienna", "L1", "L2"}


# ------------------------------------------------------------------------------- 4, 5: arguments


def test_python_api_refuses_bad_k_kind_and_inverted_dates(samples_store):
    """`Assistant.search/ask/stream/positions/compare/documents`: ValueError naming the parameter,
    the value given and what is allowed (not an empty or default result)."""
    from assistant.core import InvalidArgument, check_arguments

    a, _ = samples_store
    for k in (0, -3, True, 2.5, "5"):
        for call in (lambda: a.search("grain corridor", k=k), lambda: a.ask("What did Veloria pledge?", k=k),
                     lambda: next(a.stream("What did Veloria pledge?", k=k))):
            with pytest.raises(ValueError) as e:
                call()
            assert str(e.value) == f"k (number of passages) must be an integer of at least 1, not {k!r}"
            assert isinstance(e.value, InvalidArgument) and e.value.field == "k"
    for call in (lambda: a.positions("Koval", kind="rumour"), lambda: a.compare(["Koval", "Brandt"], kind="rumour")):
        with pytest.raises(ValueError) as e:
            call()
        assert str(e.value) == f"kind must be one of {', '.join(STATEMENT_KINDS)} (or empty for any), not 'rumour'"
    inverted = {"since": "2026-03-01", "until": "2026-01-31"}
    for call in (lambda: a.search("grain corridor", filters=inverted), lambda: a.ask("Veloria?", filters=inverted),
                 lambda: a.documents(inverted), lambda: a.positions("Koval", filters=inverted),
                 lambda: a.compare(["Koval", "Brandt"], filters=inverted)):
        with pytest.raises(ValueError) as e:
            call()
        assert "since '2026-03-01' is later than until '2026-01-31'" in str(e.value)
    # still fine: k given, kinds allowed, a range of one month written twice, an open range
    assert len(a.search("grain corridor", k=2)) == 2
    pledges = a.positions("Koval", kind="pledge")
    assert pledges and all(c.kind == "pledge" for c in pledges)
    assert a.documents({"since": "2026-03", "until": "2026-03"})
    assert a.ask("What did Veloria pledge?", k=3).citations
    assert check_arguments(filters={"since": "2026"}).since == "2026"


def test_cli_refuses_bad_k_kind_and_inverted_dates_with_exit_2(samples_store, capsys):
    _, store = samples_store
    cases = [
        (["search", "grain", "--k", "0"], "k (number of passages) must be an integer of at least 1, not 0"),
        (["ask", "What did Veloria pledge?", "--k", "-2"], "k (number of passages) must be an integer of at "
                                                          "least 1, not -2"),
        (["positions", "Koval", "--kind", "rumour"], f"kind must be one of {', '.join(STATEMENT_KINDS)}"),
        (["compare", "Koval", "Brandt", "--kind", "rumour"], "not 'rumour'"),
        (["search", "grain", "--since", "2026-03-01", "--until", "2026-01-31"],
         "since '2026-03-01' is later than until '2026-01-31'"),
        (["ask", "What did Veloria pledge?", "--since", "2026", "--until", "2025-12"],
         "since '2026' is later than until '2025-12'"),
    ]
    for args, words in cases:
        rc, out, err = run(capsys, *args, "--store", store)
        assert rc == 2 and out == "", (args, rc, out, err)
        assert err.startswith("attache: ") and words in err and len(err.splitlines()) == 1, (args, err)
        rc, out, err = run(capsys, *args, "--store", store, "--json")
        assert rc == 2 and words in json.loads(out)["error"], (args, out)
    rc, out, err = run(capsys, "search", "grain", "--since", "2026-03", "--until", "2026-03", "--store", store)
    assert rc == 0 and out, err


def test_cli_blank_required_arguments_and_a_missing_id_are_usage_errors(samples_store, capsys):
    """`attache positions ""` said "no statements by  in the index" (exit 1) and `attache docs rm`
    exited 1: an empty or blank required argument, or a missing document id, is argparse's usage
    message and exit 2, as other argument errors; nothing is deleted."""
    a, store = samples_store
    before = len(a.documents())
    cases = [(["positions", ""], "argument actor: the actor's name is empty"),
             (["positions", "   "], "argument actor: the actor's name is empty"),
             (["compare", "Koval", " "], "argument ACTOR: an actor's name is empty"),
             (["ask", "  "], "argument question: the question is empty"),
             (["ask", "?!?...,;:!!"], "argument question: the question has no words"),
             (["search", ""], "argument query: the search query is empty"),
             (["docs", "rm"], "docs rm needs a document id"),
             (["docs", "show"], "docs show needs a document id")]
    for args, words in cases:
        capsys.readouterr()
        with pytest.raises(SystemExit) as e:
            cli.main([*args, "--store", str(store)])
        out, err = capsys.readouterr()
        assert e.value.code == 2 and out == "", (args, e.value.code, out)
        assert err.startswith(f"usage: attache {args[0]}") and f"error: {words}" in err, (args, err)
    assert len(a.documents()) == before


# ------------------------------------------------------------------------------- HTTP (4, 5, 6)


@pytest.fixture(scope="module")
def assistant(samples_store):
    """The module's assistant for conftest's ``url``/``http`` server fixtures."""
    return samples_store[0]


@pytest.mark.parametrize("method, path, kwargs, status, field, words", [
    ("POST", "/api/search", {"json": {"query": "grain", "k": 0}}, 422, "k",
     "k (number of passages) must be an integer from 1 to 100, not 0"),
    ("POST", "/api/ask", {"json": {"question": "What did Veloria pledge?", "k": -1}}, 422, "k",
     "k (number of passages) must be an integer from 1 to 100, not -1"),
    ("GET", "/api/positions", {"params": {"actor": "Koval", "kind": "rumour"}}, 422, "kind",
     f"kind must be one of {', '.join(STATEMENT_KINDS)} (or empty for any), not 'rumour'"),
    ("GET", "/api/compare", {"params": {"actor": ["Koval", "Brandt"], "kind": "rumour"}}, 422, "kind", "'rumour'"),
    ("POST", "/api/search", {"json": {"query": "grain", "since": "2026-03-01", "until": "2026-01-31"}}, 400, "since",
     "since '2026-03-01' is later than until '2026-01-31'"),
    ("POST", "/api/ask", {"json": {"question": "Veloria?", "since": "2026-03-01", "until": "2026-01-31"}}, 400, "since",
     "since '2026-03-01' is later than until '2026-01-31'"),
    ("GET", "/api/documents", {"params": {"since": "2026-03-01", "until": "2026-01-31"}}, 400, "since",
     "is later than until"),
    # every other bad request field is named too: malformed dates, empty names, a refused backend
    ("POST", "/api/ask", {"json": {"question": "x", "since": "2026-13-45"}}, 400, "since",
     "since '2026-13-45' is not a date in the calendar"),
    ("POST", "/api/ask", {"json": {"question": "Veloria?", "until": "May 2026"}}, 400, "until", "YYYY-MM-DD"),
    ("POST", "/api/search", {"json": {"query": "grain", "since": "2026-02-30"}}, 400, "since", "not a date"),
    ("GET", "/api/documents", {"params": {"until": "soon"}}, 400, "until", "YYYY-MM-DD"),
    ("POST", "/api/ask", {"json": {"question": "   "}}, 400, "question", "the question is empty"),
    ("POST", "/api/ask", {"json": {"question": "?!?...,;:!!"}}, 400, "question", "the question has no words"),
    ("POST", "/api/ask", {"json": {"question": "x" * 3000}}, 400, "question", "too long"),
    ("POST", "/api/ask", {"json": {"question": "Veloria?", "llm": "openai:x@http://evil.example"}}, 400, "llm",
     "is not allowed here"),
    ("POST", "/api/search", {"json": {"query": ""}}, 400, "query", "empty"),
    ("GET", "/api/positions", {"params": {"actor": "  "}}, 400, "actor", "actor is empty"),
    ("GET", "/api/compare", {"params": {"actor": ["Koval", " "]}}, 400, "actor", "at least two actors"),
    ("POST", "/api/ask", {"json": {"question": "Veloria?", "sources": 5}}, 422, "sources", "sources"),
    # the Python API's `filters` object: its fields are named with their place
    ("POST", "/api/ask", {"json": {"question": "x", "filters": {"since": "2026-13-45"}}}, 400, "filters.since",
     "since '2026-13-45' is not a date in the calendar"),
    ("POST", "/api/search", {"json": {"query": "grain", "filters": {"since": "2026-03", "until": "2026-01"}}}, 400,
     "filters.since", "is later than until"),
    ("POST", "/api/ask", {"json": {"question": "x", "filters": {"source": ["Herald"]}}}, 422, "filters.source",
     "Extra inputs are not permitted"),
    ("POST", "/api/ask", {"json": {"question": "x", "since": "2026-01", "filters": {"since": "2026-02"}}}, 400,
     "filters.since", "given twice with different values"),
])
def test_http_reports_bad_arguments_naming_the_field(http, method, path, kwargs, status, field, words):
    r = http.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    assert body["field"] == field and words in body["error"], body


def test_http_takes_filters_as_an_object_too(http):
    """`{"filters": {"sources": [...], "since": ...}}`, as `Assistant.ask(filters=...)` takes them, is
    the same request as the fields at the top level (it was refused: "filters: Extra inputs ...")."""
    q = "What did Veloria pledge?"
    for path, body in (("/api/ask", {"question": q}), ("/api/search", {"query": "grain corridor"})):
        outlet = {"sources": ["Harbour Wyre"]}
        top = http.post(path, json={**body, **outlet})
        nested = http.post(path, json={**body, "filters": outlet})
        assert top.status_code == nested.status_code == 200, nested.text
        assert nested.json()["notices"] == top.json()["notices"] and "Harbour Wyre" in nested.json()["notices"][0]
        narrow = {"sources": ["The Meridian Herald"], "since": "2026-01-01"}
        top = http.post(path, json={**body, **narrow}).json()
        nested = http.post(path, json={**body, "filters": narrow}).json()
        both = http.post(path, json={**body, "sources": narrow["sources"], "filters": {"since": "2026-01-01"}}).json()
        key = "citations" if path == "/api/ask" else "results"
        assert top[key] and {c["source"] for c in top[key]} == {"The Meridian Herald"}, top
        assert nested[key] == top[key] and both[key] == top[key], (nested, both, top)
    msgs = [{"role": "user", "content": q}]
    r = http.post("/v1/chat/completions", json={"messages": msgs, "filters": {"sources": "Harbour Wyre"}})
    assert r.status_code == 200 and "Harbour Wyre" in r.json()["notices"][0], r.text
    r = http.post("/v1/chat/completions", json={"messages": msgs, "filters": {"until": "2026-13"}})
    assert r.status_code == 400 and r.json()["error"]["param"] == "filters.until", r.text


def test_openai_route_reports_bad_arguments_as_openai_errors(http):
    msgs = [{"role": "user", "content": "What did Veloria pledge?"}]
    r = http.post("/v1/chat/completions", json={"messages": msgs, "since": "2026-03-01", "until": "2026-01-31"})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["param"] == "since" and "is later than until" in err["message"], err
    r = http.post("/v1/chat/completions", json={"messages": msgs, "k": 0})
    assert r.status_code == 422 and r.json()["error"]["param"] == "k", r.text


def test_http_gives_the_clis_notice_for_an_unknown_source(http, samples_store, capsys):
    """The CLI's stderr line for a --source matching no outlet is in the HTTP JSON as `notices`."""
    a, store = samples_store
    rc, _, err = run(capsys, "search", "grain corridor", "--source", "Harbour Wyre", "--store", store)
    assert rc == 0
    cli_notices = [line.removeprefix("attache: ") for line in err.splitlines() if "no outlet named" in line]
    assert len(cli_notices) == 1 and "no outlet named 'Harbour Wyre' in the index (outlets: " in cli_notices[0]
    r = http.post("/api/search", json={"query": "grain corridor", "sources": ["Harbour Wyre"]})
    assert r.status_code == 200 and r.json()["notices"] == cli_notices, r.text
    r = http.post("/api/ask", json={"question": "What did Veloria pledge?", "sources": ["Harbour Wyre", "Herald"]})
    assert r.status_code == 200 and r.json()["notices"] == cli_notices, r.text  # "Herald" matches an outlet
    r = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "What did Veloria pledge?"}],
                                                "sources": "Harbour Wyre"})
    assert r.status_code == 200 and r.json()["notices"] == cli_notices, r.text
    for body in ({"query": "grain corridor"}, {"query": "grain corridor", "sources": ["The Meridian Herald"]}):
        r = http.post("/api/search", json=body)
        assert r.status_code == 200 and r.json()["notices"] == [], r.text
    r = http.post("/api/ask", json={"question": "What did Veloria pledge?"})
    assert r.status_code == 200 and r.json()["notices"] == [] and r.json()["citations"], r.text


def test_a_json_array_of_no_records_is_one_failure_naming_what_it_holds(tmp_path):
    """From a fourth new-user pass: "[1, 2, 3, 4.5]" gave four failures ("record 1: expected an object, got
    int" ...) for one bad file; it is one failure saying what the array holds, and a mixed array still names
    its bad records."""
    from index.errors import InputError
    from index.loaders import load_file

    nums = tmp_path / "numbers.json"
    nums.write_text("[1, 2, 3, 4.5]", encoding="utf-8")
    results = list(load_file(nums))
    assert len(results) == 1 and isinstance(results[0], InputError), results
    assert "a JSON array of 4 numbers, not of article records" in str(results[0])
    mixed = tmp_path / "mixed.json"
    mixed.write_text('[{"title": "A", "text": "Envoys met in Vienna on Monday."}, 7]', encoding="utf-8")
    results = list(load_file(mixed))
    assert len(results) == 2 and isinstance(results[1], InputError) and "record 2" in str(results[1])
