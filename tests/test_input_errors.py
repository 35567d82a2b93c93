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
from pathlib import Path

import pytest

from assistant import cli

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
