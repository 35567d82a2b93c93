"""The command line as Unix tools are used: output into a pipe that closes early."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def env_for(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    env.update(ATTACHE_CONFIG=str(cfg), HF_HUB_OFFLINE="1")
    return env


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    """`attache docs show ID | head`: no BrokenPipeError traceback, exit 141 like a Unix tool."""
    article = tmp_path / "long.md"
    para = ("The envoy of Veloria said on Monday that talks on the grain corridor would resume in Ravna, "
            "and that the Northern Straits would stay open to merchant shipping. ")
    article.write_text("---\ntitle: A long article\nsource: Test Wire\npublished: 2026-01-02\n---\n\n"
                       + "\n\n".join(para * 3 for _ in range(400)), encoding="utf-8")
    store = tmp_path / "store"
    env = env_for(tmp_path)
    cli = [sys.executable, "-m", "assistant.cli"]
    r = subprocess.run([*cli, "ingest", str(article), "--store", str(store), "--json", "--quiet"], env=env,
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    doc_id = json.loads(subprocess.run([*cli, "docs", "--store", str(store), "--json"], env=env, cwd=ROOT,
                                       capture_output=True, text=True, timeout=300).stdout)[0]["doc_id"]
    for args in (["docs", "show", doc_id], ["docs", "show", doc_id, "--json"], ["docs"]):
        # The reader is gone before attache writes (as when `head` has read its fill and exited):
        # the read end is closed before the process starts, so its first write meets a closed pipe.
        r, w = os.pipe()
        os.close(r)
        try:
            proc = subprocess.run([*cli, *args, "--store", str(store)], env=env, cwd=ROOT, stdout=w,
                                  stderr=subprocess.PIPE, text=True, timeout=300)
        finally:
            os.close(w)
        assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr
        assert proc.returncode == 141, (proc.returncode, proc.stderr)


def test_json_output_reports_an_error_as_json_too(tmp_path):
    """With --json, a failing command still writes one JSON object to stdout (the error, its type
    and the exit code) besides the message on stderr, so a script reading stdout never gets nothing."""
    env = env_for(tmp_path)
    cli = [sys.executable, "-m", "assistant.cli"]
    cases = [(["search", "sanctions", "--store", str(tmp_path / "missing"), "--json"], "store not found"),
             (["docs", "show", "nope", "--store", str(tmp_path / "missing"), "--json"], "store not found")]
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "catalog.sqlite3").write_bytes(b"not a database, just bytes" * 50)
    cases.append((["ingest", str(tmp_path), "--store", str(tmp_path / "store"), "--json", "--quiet"], "catalog"))
    for args, words in cases:
        r = subprocess.run([*cli, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        err = json.loads(r.stdout)
        assert err["exit_code"] == 2 and words in err["error"] and err["type"].endswith("Error"), err
        assert err["error"] in r.stderr
    r = subprocess.run([*cli, "search", "sanctions", "--store", str(tmp_path / "missing")], env=env, cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and r.stdout == "" and "store not found" in r.stderr


def test_one_question_processes_import_only_what_they_need(samples_store, tmp_path):
    """A cold `attache ask` / `attache search` (no LLM configured) never imports torch,
    sentence-transformers, spaCy, Gradio or LangChain (each costs a second or more of a cold
    start), and ends with no loading thread still running."""
    _, store = samples_store
    code = (
        "import io, json, sys, threading\n"
        "from assistant.cli import main\n"
        "out, sys.stdout = sys.stdout, io.StringIO()\n"
        f"rcs = [main(['ask', 'What did Ostmark pledge?', '--store', {str(store)!r}]),\n"
        f"       main(['search', 'grain corridor', '--store', {str(store)!r}, '--k', '2'])]\n"
        "answer, sys.stdout = sys.stdout.getvalue(), out\n"
        "print(json.dumps({'rcs': rcs, 'answer': answer,\n"
        "  'threads': [t.name for t in threading.enumerate() if t.name.startswith('attache-preload')],\n"
        "  'heavy': sorted(m for m in ('torch', 'sentence_transformers', 'spacy', 'gradio', 'langchain_core')\n"
        "                  if m in sys.modules)}))\n")
    env = {**env_for(tmp_path), "ATTACHE_LLM": ""}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert got["rcs"] == [0, 0] and "Ostmark" in got["answer"], got
    assert got["heavy"] == [] and got["threads"] == [], got
