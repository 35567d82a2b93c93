"""Crash safety under fire (issue 17): real `attache ingest` processes SIGKILLed at seeded random
points of their work, a `chroma run` server killed under an ingest, a full disk, and two ingests
on one store at once. After each re-run the catalog, the lexical index, the claims and the Chroma
vectors agree with each other and with a store built without any interruption.

The soak sizes are small by default (20 kills in `.ci/run`); `ATTACHE_SOAK=1` runs the long variant
(`ATTACHE_SOAK_KILLS`, default 100 kills, 4 new articles per round). The inputs are real news
articles from `../shared/datasets/multihop-rag/corpus.json`; the tests skip when it is absent.
"""
from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from test_ingest import (
    CHROMA,
    ROOT,
    _start_chroma,
    _stop,
    assert_consistent,
    attache_lines,
    cli_env,
    cli_here,
    free_port,
    snapshot,
)

from index.config import Settings
from index.store import LOCK_FILE

SOAK = os.environ.get("ATTACHE_SOAK") == "1"
KILLS = int(os.environ.get("ATTACHE_SOAK_KILLS", "100" if SOAK else "20"))
PER_ROUND = 4 if SOAK else 3  # new articles added before each kill
SEED = int(os.environ.get("ATTACHE_SOAK_SEED", "17"))
WAIT = 300  # seconds: an upper bound for a child to reach a state, never a pacing delay


@pytest.fixture(autouse=True, scope="module")
def _isolated_settings(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        cfg = tmp_path_factory.mktemp("cfg") / "attache-test.toml"
        cfg.write_text("extract_claims = true\n", encoding="utf-8")
        mp.setenv("ATTACHE_CONFIG", str(cfg))
        for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_COLLECTION", "ATTACHE_EMBED_DTYPE", "ATTACHE_LLM"):
            mp.delenv(k, raising=False)
        yield


@pytest.fixture(scope="module")
def corpus(datasets_dir) -> list[dict]:
    """Real news records (MultiHop-RAG) of ordinary length (1.5k-12k characters), in corpus order."""
    path = datasets_dir / "multihop-rag" / "corpus.json"
    if not path.is_file():
        pytest.skip(f"not found: {path}")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if 1500 < len(r.get("body", "")) < 12000]


def write_round(folder: Path, records: list[dict], start: int) -> None:
    """One JSONL export per record, as a user's folder of exports grows."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(records):
        (folder / f"article-{start + i:04d}.jsonl").write_text(json.dumps(r) + "\n", encoding="utf-8")


class Children:
    """Every process a test starts; all are killed and reaped at the end, whatever happened."""

    def __init__(self):
        self.procs: list[subprocess.Popen] = []

    def start(self, args: list[str], env: dict, **kw) -> subprocess.Popen:
        p = subprocess.Popen([sys.executable, "-m", "assistant.cli", *map(str, args)], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
        self.procs.append(p)
        return p

    def close(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.communicate()


@pytest.fixture
def children():
    c = Children()
    try:
        yield c
    finally:
        c.close()


def wait_until_writing(proc: subprocess.Popen, store: Path) -> bool:
    """Wait (polling) until ``proc`` holds the store's writer lock, i.e. its ingest has begun; False
    when it ended first."""
    lock = store / LOCK_FILE
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if lock.read_text().strip() == str(proc.pid):
                return True
        except OSError:
            pass
        time.sleep(0.01)
    pytest.fail(f"ingest did not start writing within {WAIT} s")


def claim_spans(settings: Settings) -> Counter:
    """Stored statements as a multiset of ``(doc_id, start, end, cue)`` (one per credited actor).
    Actors are left out: a bare surname resolves to a person met in an earlier-ingested article,
    so the names can rightly differ with ingestion order; the statements may not."""
    import sqlite3

    db = sqlite3.connect(Path(settings.store) / "catalog.sqlite3")
    try:
        orphans = db.execute("SELECT count(*) FROM claims WHERE doc_id NOT IN "
                             "(SELECT doc_id FROM documents WHERE state='ready')").fetchone()[0]
        assert orphans == 0, f"{orphans} claims of documents that are not ready"
        rows = db.execute('SELECT doc_id, start, "end", cue, actor FROM claims').fetchall()
    finally:
        db.close()
    assert len(rows) == len(set(rows)), "a statement stored twice"
    return Counter(r[:4] for r in rows)


def assert_same_index(got: dict, want: dict, got_claims: Counter, want_claims: Counter) -> None:
    assert set(got["states"]) == set(want["states"])
    assert got["chunk_ids"] == want["chunk_ids"] and got["vector_ids"] == want["vector_ids"]
    assert got["vector_docs"] == want["vector_docs"]
    assert got_claims == want_claims


def reference(tmp_path: Path, folder: Path, capsys) -> tuple[dict, Counter]:
    """The same articles ingested once, without interruption (in this process)."""
    settings = Settings(store=str(tmp_path / "reference"))
    rc, _, err = cli_here(capsys, "ingest", folder, "--store", settings.store, "--quiet")
    assert rc == 0, err
    return snapshot(settings), claim_spans(settings)


# ------------------------------------------------------------------------------ SIGKILL soak
def test_sigkill_at_random_points_then_rerun(tmp_path, corpus, children, capsys, embedder):
    """KILLS rounds: add articles, start `attache ingest`, SIGKILL it at a random moment of its work
    (seeded), re-run the same command; after every re-run the store is whole and consistent."""
    rng = random.Random(SEED)
    folder, settings = tmp_path / "inbox", Settings(store=str(tmp_path / "store"))
    env = cli_env(tmp_path, claims=True)
    records = corpus[: PER_ROUND * (KILLS + 1)]
    if len(records) < PER_ROUND * (KILLS + 1):
        pytest.skip("not enough articles in the corpus for this soak")
    # Round 0, uninterrupted: how long the work takes once the writer lock is held, for this machine
    # now (the kill points are drawn over that span, so they land in the work whatever the load).
    write_round(folder, records[:PER_ROUND], 0)
    proc = children.start(["ingest", folder, "--store", settings.store, "--quiet"], env)
    assert wait_until_writing(proc, Path(settings.store))
    t0 = time.monotonic()
    _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 0, err[-2000:]
    work = time.monotonic() - t0
    reference_store = Settings(store=str(tmp_path / "reference"))
    rc, _, err = cli_here(capsys, "ingest", folder, "--store", reference_store.store, "--quiet")
    assert rc == 0, err
    killed_writing = 0
    outcomes = []
    for k in range(1, KILLS + 1):
        write_round(folder, records[k * PER_ROUND:(k + 1) * PER_ROUND], k * PER_ROUND)
        proc = children.start(["ingest", folder, "--store", settings.store, "--quiet"], env)
        started = wait_until_writing(proc, Path(settings.store))
        delay = rng.uniform(0, 1.2 * work)
        if started:
            began = time.monotonic()
            end = began + delay
            while time.monotonic() < end and proc.poll() is None:
                time.sleep(0.005)
            if proc.poll() is not None:
                # (the machine's load changed since round 0: the next kill points are drawn over this round's span,
                # so they still land in the work on a machine that got faster)
                work = time.monotonic() - began
        ended = proc.poll() is not None
        proc.kill()
        _, err = proc.communicate(timeout=WAIT)
        assert "Traceback" not in err, err[-3000:]
        killed_writing += not ended
        outcomes.append("completed" if ended else f"killed at {delay:.2f} s")
        # Readers see a consistent store even right after the kill (only ready documents).
        rc, out, err = cli_here(capsys, "stats", "--store", settings.store, "--json")
        assert rc == 0, err
        # The same command again: completes whatever the killed run left pending, adds the rest.
        rc, out, err = cli_here(capsys, "ingest", folder, "--store", settings.store, "--json", "--quiet")
        assert rc == 0, err
        report = json.loads(out)
        assert not report["failed"], report["failed"]
        snap = snapshot(settings)
        assert_consistent(snap, (k + 1) * PER_ROUND - len(report["duplicates"]))
        # The same rounds ingested without a kill: the same index, statements included (a bare
        # surname resolves against the persons already indexed, so the reference grows round by
        # round as the killed store does).
        rc, _, err = cli_here(capsys, "ingest", folder, "--store", reference_store.store, "--quiet")
        assert rc == 0, err
        assert_same_index(snap, snapshot(reference_store), claim_spans(settings), claim_spans(reference_store))
    assert killed_writing >= KILLS // 2, outcomes  # most kills landed mid-work, not after the end
    print(f"soak: {KILLS} rounds, {killed_writing} killed mid-work, work span {work:.1f} s")


# ------------------------------------------------------------------------------ two writers
def test_two_ingests_on_one_store_take_turns(tmp_path, corpus, children, capsys, embedder):
    settings = Settings(store=str(tmp_path / "store"))
    env = cli_env(tmp_path, claims=True)
    a, b = tmp_path / "a", tmp_path / "b"
    write_round(a, corpus[200:206], 0)
    write_round(b, corpus[206:212], 100)
    first = children.start(["ingest", a, "--store", settings.store, "--quiet"], env)
    assert wait_until_writing(first, Path(settings.store))
    second = children.start(["ingest", b, "--store", settings.store, "--quiet"], env)
    out1, err1 = first.communicate(timeout=WAIT)
    out2, err2 = second.communicate(timeout=WAIT)
    assert first.returncode == 0, err1[-2000:]
    assert second.returncode == 0, err2[-2000:]
    waits = [l for l in attache_lines(err1 + err2) if "waiting for another process" in l]
    assert len(waits) <= 1
    if second.poll() is not None and waits:  # the second saw the first holding the lock
        assert f"pid {first.pid}" in waits[0] and settings.store in waits[0]
    snap = snapshot(settings)
    assert_consistent(snap, 12)
    both = tmp_path / "both"
    write_round(both, corpus[200:206], 0)
    write_round(both, corpus[206:212], 100)
    want, want_claims = reference(tmp_path, both, capsys)
    assert set(snap["states"]) == set(want["states"]) and snap["chunk_ids"] == want["chunk_ids"]


def test_a_second_writer_says_it_waits(tmp_path, corpus, children, capsys, embedder):
    """While one process holds the writer lock, another ingest says so on stderr, waits, then works."""
    from index.store import Store

    settings = Settings(store=str(tmp_path / "store"))
    write_round(tmp_path / "in", corpus[300:302], 0)
    holder = Store(settings)
    try:
        with holder.writing():
            proc = children.start(["ingest", tmp_path / "in", "--store", settings.store, "--quiet"],
                                  cli_env(tmp_path))
            deadline = time.monotonic() + WAIT
            line = ""
            while "waiting" not in line and time.monotonic() < deadline:  # stderr: the waiting message
                line = proc.stderr.readline()
                assert line or proc.poll() is None, "ingest ended while another process held the lock"
            assert f"waiting for another process (pid {os.getpid()}) writing to {settings.store}" in line
            assert proc.poll() is None  # still waiting while the lock is held
    finally:
        holder.close()
    out, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 0, err[-2000:]
    assert_consistent(snapshot(settings), 2)


def test_an_ingest_stuck_on_its_input_does_not_hold_the_store(tmp_path, corpus, children, capsys, embedder):
    """An ingest reading a pipe nobody writes to blocks only itself: inputs are read before the
    writer lock is taken, so another ingest into the same store runs to the end meanwhile."""
    settings = Settings(store=str(tmp_path / "store"))
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    stuck = children.start(["ingest", pipe, "--store", settings.store, "--quiet"], cli_env(tmp_path))
    write_round(tmp_path / "in", corpus[320:322], 0)
    other = children.start(["ingest", tmp_path / "in", "--store", settings.store, "--quiet"], cli_env(tmp_path))
    out, err = other.communicate(timeout=WAIT)
    assert other.returncode == 0, err[-2000:]
    assert "waiting for another process" not in err
    assert stuck.poll() is None  # still blocked on the pipe, and it held nothing
    assert_consistent(snapshot(settings), 2)


# ------------------------------------------------------------------------------ Chroma server killed
@pytest.mark.skipif(not CHROMA.exists(), reason="chroma executable not in the venv")
def test_chroma_server_killed_mid_ingest(tmp_path, corpus, children, capsys, embedder):
    """SIGKILL the `chroma run` server while an ingest writes to it: the ingest fails with one clear
    line naming the server; once the server is back, the same command completes a consistent store."""
    rng = random.Random(SEED + 1)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data, log = tmp_path / "chroma-data", tmp_path / "chroma.log"
    settings = Settings(store=str(tmp_path / "catalog"), chroma_url=url)
    folder = tmp_path / "inbox"
    env = cli_env(tmp_path, claims=True)
    rounds = 3
    per = 8
    failed = 0
    server = _start_chroma(data, port, log)
    try:
        for r in range(rounds):
            write_round(folder, corpus[400 + r * per: 400 + (r + 1) * per], r * per)
            proc = children.start(["ingest", folder, "--store", settings.store, "--chroma-url", url, "--quiet"], env)
            assert wait_until_writing(proc, Path(settings.store))
            end = time.monotonic() + rng.uniform(0.5, 4.0)
            while time.monotonic() < end and proc.poll() is None:
                time.sleep(0.005)
            server.kill()
            server.wait()
            _, err = proc.communicate(timeout=WAIT)
            failed += proc.returncode != 0
            if proc.returncode != 0:  # it was writing: one clear line, no traceback
                lines = attache_lines(err)
                assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "Chroma server" in lines[0], err
                assert "Traceback" not in err
            server = _start_chroma(data, port, log)
            rc, out, err = cli_here(capsys, "ingest", folder, "--store", settings.store, "--chroma-url", url,
                                    "--json", "--quiet")
            assert rc == 0, err
            snap = snapshot(settings)
            assert_consistent(snap, (r + 1) * per)
            claim_spans(settings)
    finally:
        _stop(server)
    assert failed, "no kill of the server landed while the ingest was writing"
    want, want_claims = reference(tmp_path, folder, capsys)
    with_server = _start_chroma(data, port, log)
    try:
        assert_same_index(snapshot(settings), want, claim_spans(settings), want_claims)
    finally:
        _stop(with_server)


# ------------------------------------------------------------------------------ disk full
def _small_disk(path: Path) -> str:
    """Mount a 6 MB tmpfs at ``path`` ("tmpfs"); where that is not permitted, "rlimit": the child's
    files are capped at 2 MB instead (RLIMIT_FSIZE), which fails writes as a full disk does."""
    path.mkdir()
    if os.environ.get("ATTACHE_TEST_DISK") == "rlimit":  # to exercise the fallback where mounting works
        return "rlimit"
    cmd = ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(path)]
    if os.geteuid() != 0:
        cmd = ["sudo", "-n", *cmd]
    try:
        ok = subprocess.run(cmd, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return "tmpfs" if ok else "rlimit"


def _grow_disk(path: Path) -> None:
    cmd = ["mount", "-o", "remount,size=300m", str(path)]
    subprocess.run(cmd if os.geteuid() == 0 else ["sudo", "-n", *cmd], check=True, capture_output=True, timeout=60)


def _unmount(path: Path) -> None:
    cmd = ["umount", "-l", str(path)]
    subprocess.run(cmd if os.geteuid() == 0 else ["sudo", "-n", *cmd], capture_output=True, timeout=60)


def test_disk_full_is_a_clear_error_and_nothing_is_corrupt(tmp_path, corpus, children, capsys, embedder):
    disk = tmp_path / "disk"
    kind = _small_disk(disk)
    try:
        store = disk / "store"
        settings = Settings(store=str(store))
        folder = tmp_path / "inbox"
        write_round(folder, corpus[100:160], 0)
        env = cli_env(tmp_path, claims=True)
        limit = 2 << 20
        pre = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))) if kind == "rlimit" else None
        # with the progress bar on: the error must still be a line of its own after it
        proc = children.start(["ingest", folder, "--store", store], env, preexec_fn=pre)
        out, err = proc.communicate(timeout=WAIT)
        assert proc.returncode == 2, (kind, out, err[-3000:])
        lines = attache_lines(err)
        assert len(lines) == 1 and "Traceback" not in err, err[-3000:]
        assert str(store) in lines[0] and ("no space left" in lines[0] or "the disk is full" in lines[0]), lines
        # Space again: the same command completes, and the store is whole.
        if kind == "tmpfs":
            _grow_disk(disk)
        rc, out, err = cli_here(capsys, "ingest", folder, "--store", store, "--json", "--quiet")
        assert rc == 0, err
        snap = snapshot(settings)
        assert_consistent(snap, 60 - len(json.loads(out)["duplicates"]))
        want, want_claims = reference(tmp_path, folder, capsys)
        assert_same_index(snap, want, claim_spans(settings), want_claims)
    finally:
        if kind == "tmpfs":
            _unmount(disk)
    print(f"disk full simulated with {kind}")


def test_two_ingests_creating_one_store_at_once_both_succeed(tmp_path, children):
    """Two `attache ingest` runs started together on a store that does not exist yet: both end with
    exit 0 (one created the catalog and Chroma while the other failed with "database is locked" or
    "table collections already exists"; CI caught it). Three rounds, each on a new store."""
    (tmp_path / "a.txt").write_text("Lena Sorvik said the talks would resume in May.\n", encoding="utf-8")
    for round_ in range(3):
        store = tmp_path / f"store{round_}"
        procs = [children.start(["ingest", tmp_path / "a.txt", "--store", store, "--quiet"], cli_env(tmp_path))
                 for _ in range(2)]
        for p in procs:
            out, err = p.communicate(timeout=WAIT)
            assert p.returncode == 0, err[-2000:]
