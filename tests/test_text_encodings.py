"""Faults a new-user test found in reading text files, each checked with real files on disk, the
real loaders (``index.loaders.load_paths``) and the real CLI (``cli.main`` in this process):

1. UTF-16 files (as Windows Notepad saves them, with a byte-order mark, little- or big-endian),
   UTF-32 and UTF-8 with a mark refused as "binary file, not text";
2. a file holding only a byte-order mark indexed as a document titled "ÿþ";
3. a file read in a fallback encoding (Windows-1252) said on stderr but missing from the
   ``warnings`` of ``attache ingest --json``; a JSONL date warning not naming its record.
"""
import json
from pathlib import Path

import pytest

from assistant import cli
from index.errors import InputError
from index.loaders import load_paths
from index.models import Document

SENTENCE = "Kenya pledged 300 troops to Haiti, President William Ruto said.\n"
BODY = ("Title: Ruto\u2019s pledge to Haiti\n\n" + SENTENCE
        + "Foreign Minister Musalia Mudavadi said the \u201cmission\u201d would start in M\u00e4rz.\n")


def config(tmp_path: Path, monkeypatch, claims: bool) -> None:
    """Settings for in-process CLI runs: no user config or store from the environment."""
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text(f"extract_claims = {'true' if claims else 'false'}\n", encoding="utf-8")
    monkeypatch.setenv("ATTACHE_CONFIG", str(cfg))
    for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_LLM"):
        monkeypatch.delenv(k, raising=False)


def run(capsys, *args) -> tuple[int, str, str]:
    """``attache ARGS`` in this process (the loaded model is shared): exit code, stdout, stderr."""
    capsys.readouterr()
    rc = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return rc, out, err


#: file name -> bytes of ``BODY`` (the country swapped, so that no two are duplicates) as each tool writes it
WRITTEN = {
    "notepad-utf16le.txt": b"\xff\xfe" + BODY.encode("utf-16-le"),
    "utf16be.txt": b"\xfe\xff" + BODY.replace("Kenya", "Ghana").encode("utf-16-be"),
    "utf8bom.md": b"\xef\xbb\xbf" + BODY.replace("Kenya", "Benin").encode("utf-8"),
    "utf32le.txt": b"\xff\xfe\x00\x00" + BODY.replace("Kenya", "Sudan").encode("utf-32-le"),
    "utf32be.txt": b"\x00\x00\xfe\xff" + BODY.replace("Kenya", "Egypt").encode("utf-32-be"),
}


def test_utf16_and_utf32_files_are_read_by_their_byte_order_mark(tmp_path):
    """Each file is read in the encoding its mark declares, the mark dropped, its header lines read
    as for any text file, and ``meta["encoding"]`` says which (none for UTF-8); a UTF-16 JSON export
    and HTML page too. UTF-16 without a mark (a NUL in every other byte) is read, with a warning."""
    d = tmp_path / "in"
    d.mkdir()
    for name, data in WRITTEN.items():
        (d / name).write_bytes(data)
    (d / "export.json").write_bytes(json.dumps([{"title": "Mali in M\u00fcnchen", "text": SENTENCE.replace(
        "Kenya", "Mali")}], ensure_ascii=False).encode("utf-16"))
    (d / "page.html").write_bytes(("<html><head><title>Niger pledge</title></head><body><article><p>"
                                   + SENTENCE.replace("Kenya", "Niger") * 3 + "</p></article></body></html>")
                                  .encode("utf-16"))
    (d / "nobom.txt").write_bytes(BODY.replace("Kenya", "Gabon").encode("utf-16-le"))
    warned: list[tuple[str, str]] = []
    got = list(load_paths([d], warned=lambda p, w: warned.append((p, w))))
    assert not [x for x in got if isinstance(x, InputError)], got
    docs = {Path(x.path).name: x for x in got if isinstance(x, Document)}
    assert set(docs) == set(WRITTEN) | {"export.json", "page.html", "nobom.txt"}
    expected = {"notepad-utf16le.txt": "utf-16-le", "utf16be.txt": "utf-16-be", "utf8bom.md": None,
                "utf32le.txt": "utf-32-le", "utf32be.txt": "utf-32-be", "nobom.txt": "utf-16-le"}
    for name, encoding in expected.items():
        doc = docs[name]
        assert doc.title == "Ruto\u2019s pledge to Haiti", (name, doc.title)
        assert doc.text.startswith(SENTENCE.strip()[5:], 5) and "\ufeff" not in doc.text, (name, doc.text)
        assert "\u201cmission\u201d would start in M\u00e4rz." in doc.text, name
        assert doc.meta.get("encoding") == encoding, name
    assert docs["export.json"].title == "Mali in M\u00fcnchen" and docs["export.json"].meta["encoding"] == "utf-16-le"
    assert "Niger pledged 300 troops" in docs["page.html"].text
    assert warned == [(str(d / "nobom.txt"), "no byte-order mark, a NUL in every other byte; read as UTF-16 LE")]


def test_notepad_utf16_file_through_the_cli_is_cited(tmp_path, capsys, monkeypatch):
    """The new-user repro: `attache ingest u16.txt` (Notepad's UTF-16) adds it, exit 0, no warning;
    `attache ask "What did Kenya pledge?"` cites the sentence at its [start, end) in the stored text."""
    config(tmp_path, monkeypatch, claims=True)
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(SENTENCE.encode("utf-16"))
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", u16, "--store", store, "--quiet", "--json")
    assert rc == 0, err
    report = json.loads(out)
    assert report["added"] == 1 and report["failed"] == [] and report["warnings"] == [], report
    assert report["claims"] >= 1, report
    assert "binary" not in err and "warning" not in err, err
    rc, out, err = run(capsys, "ask", "What did Kenya pledge?", "--store", store, "--json")
    assert rc == 0, err
    answer = json.loads(out)
    assert not answer["abstained"] and answer["citations"], answer
    rc, out, err = run(capsys, "docs", "show", answer["citations"][0]["doc_id"], "--store", store, "--json")
    assert rc == 0, err
    text = json.loads(out)["text"]
    assert text == SENTENCE.strip()
    for c in answer["citations"]:
        assert text[c["start"]:c["end"]] == c["quote"]
    assert any("Kenya pledged 300 troops to Haiti" in c["quote"] for c in answer["citations"])


BOM_ONLY = {"bom_only.txt": b"\xff\xfe", "bom_be.txt": b"\xfe\xff", "bom8.md": b"\xef\xbb\xbf",
            "bom32.txt": b"\xff\xfe\x00\x00", "bom_blank.txt": b"\xff\xfe" + " \r\n\t\n".encode("utf-16-le")}


@pytest.mark.parametrize("name", sorted(BOM_ONLY))
def test_a_file_of_only_a_byte_order_mark_is_empty(tmp_path, name):
    """Nothing but a byte-order mark (and blank space): the "empty file" error an empty file gets,
    naming the file; never a document titled "ÿþ"."""
    f = tmp_path / name
    f.write_bytes(BOM_ONLY[name])
    [got] = list(load_paths([f]))
    assert isinstance(got, InputError), got
    assert got.path == str(f) and got.cause == "empty file"


def test_byte_order_mark_only_files_fail_in_the_cli(tmp_path, capsys, monkeypatch):
    """`attache ingest` of such files: each listed under failed with "empty file", exit 1, nothing
    added; a file with a UTF-16 mark and bytes that are not UTF-16 is still binary, not text."""
    config(tmp_path, monkeypatch, claims=False)
    d = tmp_path / "in"
    d.mkdir()
    for name, data in BOM_ONLY.items():
        (d / name).write_bytes(data)
    (d / "not16.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")  # a lone surrogate
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet", "--json")
    assert rc == 1, err
    report = json.loads(out)
    assert report["added"] == 0, report
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert failed == {**{str(d / n): "empty file" for n in BOM_ONLY},
                      str(d / "not16.txt"): "binary file, not text (it starts with a UTF-16 LE byte-order mark, "
                                            "but is not valid UTF-16 LE from byte 2)"}
    for n in BOM_ONLY:
        assert f"attache: failed: {d / n}: empty file" in err.splitlines(), err


def test_fallback_encoding_and_record_date_warnings_are_in_the_json_report(tmp_path, capsys, monkeypatch):
    """A file read as Windows-1252 is in the report's ``warnings`` (path, "not UTF-8 ...; read as
    Windows-1252 (cp1252)") and said once on stderr; a date warning of a JSONL (JSON) record names
    its line (record): ``export.jsonl: line 2``."""
    config(tmp_path, monkeypatch, claims=False)
    d = tmp_path / "in"
    d.mkdir()
    (d / "cp1252.txt").write_bytes("Ostmark\u2019s envoy said the caf\u00e9 talks were over.\n".encode("cp1252"))
    (d / "export.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"title": "Good", "text": "Veloria said the corridor stays open.", "date": "2024-01-02"},
        {"title": "Yearless", "text": "Kesh said the talks failed.", "date": "Nov. 3"}]) + "\n", encoding="utf-8")
    (d / "export.json").write_text(json.dumps([
        {"title": "One", "text": "Ostra said the border would open.", "date": "2024-02-03"},
        {"title": "Two", "text": "Calderra said it would vote no.", "published_at": "2023-13-45"}]), encoding="utf-8")
    store = tmp_path / "store"
    rc, out, err = run(capsys, "ingest", d, "--store", store, "--quiet", "--json")
    assert rc == 0, err
    report = json.loads(out)
    assert report["added"] == 5, report
    warnings = {w["path"]: w["warning"] for w in report["warnings"]}
    assert warnings == {
        str(d / "cp1252.txt"): "not UTF-8 (invalid byte at offset 7); read as Windows-1252 (cp1252)",
        f"{d / 'export.jsonl'}: line 2": "date not used: date: Nov. 3 (no_year); indexed undated",
        f"{d / 'export.json'}: record 2": "date not used: published_at: 2023-13-45 (unparsed); indexed undated",
    }, report["warnings"]
    lines = [line for line in err.splitlines() if "warning" in line]
    assert sorted(lines) == sorted(f"attache: warning: {p}: {w}" for p, w in warnings.items()), err
