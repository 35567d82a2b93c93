"""`attache demo` / `attache serve` as a user starts them: a real process on a free port, warmed up
before it says it is serving, answering its first question with citations, stopped cleanly."""
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
GRAIN_Q = "What did Veloria pledge about a grain corridor through the Northern Straits?"
STARTUP = 300  # s: imports and the model load on 2 busy cores; the loop ends as soon as it is ready


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A server process whose stderr lines are collected by a reader thread."""

    def __init__(self, args: list[str], env: dict):
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, marker: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.proc.poll() is None, f"server exited {self.proc.returncode}: {self.seen}"
                continue
            self.seen.append(line)
            if marker in line:
                return
        raise AssertionError(f"{marker!r} not printed in {timeout} s: {self.seen}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # Ctrl-C, as a user stops it
            try:
                return self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        return self.proc.wait()


def child_env(tmp_path: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("ATTACHE_STORE", None)
    env.pop("ATTACHE_AUTH", None)
    return env


def reset_sigint() -> None:
    # A test run started in the background inherits SIGINT as ignored; the server must see Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_demo_ingests_samples_warms_up_then_serves_and_answers(tmp_path):
    port = free_port()
    cmd = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.SIG_DFL); "
           "from assistant.cli import main; raise SystemExit(main())", "demo", "--port", str(port)]
    server = Served(cmd, child_env(tmp_path))
    try:
        server.wait_for("serving http://127.0.0.1:", STARTUP)
        text = "\n".join(server.seen)
        assert "demo store" in text and "12 documents" in text, text
        warming = next(i for i, line in enumerate(server.seen) if "warming up" in line)
        serving = next(i for i, line in enumerate(server.seen) if "serving http" in line)
        assert warming < serving, server.seen  # warmed before it reports ready
        assert any("warm in" in line for line in server.seen[warming:serving + 1]), server.seen
        deadline = time.monotonic() + 60  # uvicorn binds right after the line above
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:
            while True:
                try:
                    assert http.get("/api/health").status_code == 200
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "server did not accept connections"
                    time.sleep(0.2)
            got = http.post("/api/ask", json={"question": GRAIN_Q}).json()
        assert not got["abstained"] and got["citations"], got
        assert any("grain" in c["quote"].lower() for c in got["citations"]), got
    finally:
        rc = server.stop()
    assert rc in (0, 130, -signal.SIGINT), rc
    # The demo store is in the per-user data folder, not in the checkout.
    demo = tmp_path / "data" / "attache" / "demo-store"
    assert demo.is_dir()
    # `attache ask` afterwards, with no store yet: the error says where the demo's articles are.
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", GRAIN_Q], cwd=ROOT, env=child_env(tmp_path),
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and f"--store {demo}" in r.stderr, r.stderr


def test_serve_refuses_malformed_auth_before_the_slow_start(tmp_path):
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "serve", "--auth", "nocolon",
                        "--store", str(tmp_path / "s")], cwd=ROOT, env=child_env(tmp_path),
                       capture_output=True, text=True, timeout=300, preexec_fn=reset_sigint)
    assert r.returncode != 0 and "USER:PASS" in r.stderr, (r.returncode, r.stderr)
    assert not (tmp_path / "s").exists()


def test_serve_and_demo_refuse_a_port_outside_1_to_65535(tmp_path):
    """`--port 80000` would listen on 14464 (80000 - 65536): refused by argparse, exit 2, before
    anything is opened or served."""
    for command in ("serve", "demo"):
        for port in ("80000", "0", "-1", "65536", "http"):
            r = subprocess.run([sys.executable, "-m", "assistant.cli", command, "--port", port,
                                "--store", str(tmp_path / "s")], cwd=ROOT, env=child_env(tmp_path),
                               capture_output=True, text=True, timeout=300, preexec_fn=reset_sigint)
            assert r.returncode == 2, (command, port, r.returncode, r.stderr)
            assert "usage: attache" in r.stderr and "--port" in r.stderr, r.stderr
            assert "port must be a number from 1 to 65535" in r.stderr and repr(port) in r.stderr, r.stderr
            assert "serving" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "s").exists()


def test_serve_and_demo_on_a_port_in_use_say_so_in_one_line(tmp_path):
    """A port another program listens on: one line on stderr naming the port and --port, non-zero
    exit, no "serving" line and no uvicorn log, and nothing opened or ingested."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for command in ("serve", "demo"):
            r = subprocess.run([sys.executable, "-m", "assistant.cli", command, "--port", str(port),
                                "--store", str(tmp_path / "s")], cwd=ROOT, env=child_env(tmp_path),
                               capture_output=True, text=True, timeout=300, preexec_fn=reset_sigint)
            assert r.returncode == 2, (command, r.returncode, r.stderr)
            lines = r.stderr.strip().splitlines()
            assert len(lines) == 1, r.stderr
            assert lines[0] == (f"attache: port {port} on 127.0.0.1 is already in use by another program; "
                                f"choose another with --port (e.g. --port {port + 1})"), lines
        assert not (tmp_path / "s").exists() and not (tmp_path / "data").exists()


def test_serve_stopped_by_sigterm_exits_cleanly(tmp_path):
    """From a new-user pass (shared case 19): `kill $SERVER; wait $SERVER` gave 143, uvicorn raising
    SIGTERM again after its graceful shutdown; a stopped server exits 0, as a service manager expects."""
    from assistant import Assistant

    Assistant.open(store=tmp_path / "store", create=True)
    server = Served([sys.executable, "-m", "assistant.cli", "serve", "--store", str(tmp_path / "store"),
                     "--port", str(free_port())], child_env(tmp_path))
    try:
        server.wait_for("serving http://127.0.0.1:", STARTUP)
        server.proc.send_signal(signal.SIGTERM)
        rc = server.proc.wait(timeout=60)
    finally:
        server.stop()
    assert rc == 0, (rc, server.seen)
