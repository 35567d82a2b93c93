"""Faults a new-user pass found in ingestion, each end to end on real files, a real store and the
real CLI: URL fetching refuses local and private addresses unless allowed (SSRF); HTML metadata
holding markup; unsupported files of a folder reported as skipped; a saved feed whose item links
cannot be fetched; page furniture pasted with an article (title, byline outlet).

The only server is a local ``http.server`` on 127.0.0.1 the tests start and stop.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.core import Assistant
from index.errors import InputError
from index.fetch import fetch
from index.loaders import load_paths
from index.models import Document

ROOT = Path(__file__).resolve().parents[1]

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Kesh pledges winter aid to Ostra</title>"
        "<meta property='og:site_name' content='Harbor Wire'></head><body><article>"
        "<h1>Kesh pledges winter aid to Ostra</h1>"
        "<p>The foreign minister of Kesh pledged on Tuesday to send winter aid to Ostra before the end of "
        "the month, officials in the capital said after a cabinet meeting.</p>"
        "<p>\u201cWe will deliver fuel and blankets to every village that asks for them,\u201d the minister "
        "told reporters in the capital.</p>"
        "<p>Ostra's government welcomed the offer and said it would open two more border crossings to speed "
        "up the deliveries before the first snow.</p></article></body></html>").encode()


class LocalSite:
    """A page on a loopback port, counting requests."""

    def __init__(self):
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                site.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture()
def site():
    s = LocalSite()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()
    s.thread.join(timeout=5)


@pytest.fixture()
def env(tmp_path, monkeypatch):
    """The CLI's environment: no ATTACHE_* variable of the caller, statement extraction off."""
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    for k in list(os.environ):
        if k.startswith("ATTACHE_"):
            monkeypatch.delenv(k)
    monkeypatch.setenv("ATTACHE_CONFIG", str(cfg))
    e = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    e.update(ATTACHE_CONFIG=str(cfg), ATTACHE_FETCH_TIMEOUT="5", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return e


def cli_ingest(args: list, store: Path, env: dict) -> tuple[int, dict, str]:
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", *map(str, args), "--json", "--quiet",
                        "--store", str(store)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in r.stderr, r.stderr
    return r.returncode, json.loads(r.stdout), r.stderr


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ 2. HTML metadata with markup
MARKUP_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Kesh pledges aid</title>
<meta property="og:title" content="Kesh &lt;b&gt;pledges&lt;/b&gt;   winter aid to Ostra">
<meta property="og:site_name" content="Kesh &amp;amp; Co &lt;i&gt;Daily&lt;/i&gt;">
<meta name="author" content="&lt;span&gt;Hanne  Petrov&lt;/span&gt;">
<meta name="keywords" content="aid, winter&lt;/b, Ostra">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kesh <b>pledges</b> winter aid",
"author":{"@type":"Person","name":"Hanne <em>Petrov</em>"},"keywords":["aid","winter</b"],
"publisher":{"@type":"Organization","name":"Kesh &amp; Co <i>Daily</i>"},"datePublished":"2024-01-10"}</script>
</head><body><article><h1>Kesh pledges winter aid to Ostra</h1>
<p>The foreign minister of Kesh pledged on Tuesday to send winter aid to Ostra before the end of the month,
officials said.</p>
<p>"We will deliver fuel and blankets to every village that asks for them," the minister told reporters.</p>
<p>Ostra's government welcomed the offer and said it would open two more border crossings.</p>
</article></body></html>"""


def test_html_metadata_is_plain_text(tmp_path, embedder):
    page = tmp_path / "kesh.html"
    page.write_text(MARKUP_PAGE, encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True, extract_claims=False)
    rep = a.ingest([page])
    assert rep.ok and rep.added == 1, rep
    [d] = a.documents()
    doc = a.document(d.doc_id)
    assert (doc.title, doc.source, doc.author) == ("Kesh pledges winter aid to Ostra", "Kesh & Co Daily",
                                                   "Hanne Petrov")
    assert doc.meta["topics"] == ["aid", "winter", "Ostra"]
    for value in (doc.title, doc.source, doc.author, *doc.meta["topics"]):
        assert "<" not in value and ">" not in value and "&" not in value.replace("Kesh & Co", "")


# ------------------------------------------------------------------ 5. pasted page furniture
PASTED = """Skip to content
Menu
Search
Sign in
Subscribe

Kesh offers to mediate in the Ostra border dispute

By Hanne Petrov, Northgate Times
12 March 2025

Kesh's foreign minister offered on Tuesday to mediate between Ostra and its northern neighbour, saying talks \
could begin within weeks if both sides agreed.

"We are ready to host both delegations in our capital," the minister told reporters after meeting the Ostran \
ambassador.
"""


def test_pasted_page_furniture_is_not_the_title_and_the_byline_gives_the_outlet(tmp_path, env):
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(PASTED, encoding="utf-8")
    piped = tmp_path / "piped.txt"  # "<person> | <Outlet>" beside the date line, under "Skip to main content"
    piped.write_text(PASTED.replace("Skip to content", "Skip to main content")
                     .replace("By Hanne Petrov, Northgate Times", "Hanne Petrov | Northgate Times"), encoding="utf-8")
    role = tmp_path / "role.txt"  # a role is not an outlet
    role.write_text(PASTED.replace("By Hanne Petrov, Northgate Times", "By Hanne Petrov, diplomatic correspondent"),
                    encoding="utf-8")
    rc, rep, err = cli_ingest([pasted], tmp_path / "store", env)
    assert rc == 0 and rep["added"] == 1, (rep, err)
    a = Assistant.open(store=tmp_path / "store", create=False)
    [d] = a.documents()
    assert (d.title, d.source, d.published[:10]) == ("Kesh offers to mediate in the Ostra border dispute",
                                                     "Northgate Times", "2025-03-12")
    text = a.document(d.doc_id).text
    assert text.startswith("Kesh offers to mediate") and "Kesh's foreign minister offered" in text
    assert all(w not in text for w in ("Skip to content", "Sign in", "Menu", "Hanne Petrov"))
    [p] = list(load_paths([piped]))
    assert (p.title, p.source, p.text) == ("Kesh offers to mediate in the Ostra border dispute", "Northgate Times",
                                           text)
    [r] = list(load_paths([role]))
    assert (r.title, r.source) == ("Kesh offers to mediate in the Ostra border dispute", "")
