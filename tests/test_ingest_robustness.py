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


# ------------------------------------------------------------------ 1. local and private URLs
def test_local_urls_are_refused_by_default_and_fetched_when_allowed(site, env, tmp_path):
    store = tmp_path / "store"
    url, by_name = f"{site.base}/a.html", f"http://localhost:{site.port}/b.html"
    rc, rep, err = cli_ingest([url, by_name], store, env)
    assert rc == 1 and rep["added"] == 0, rep
    causes = {f["path"]: f["error"] for f in rep["failed"]}
    assert causes[url].startswith("refused: 127.0.0.1 is a loopback address"), causes
    assert "--allow-private-urls" in causes[url] and "ATTACHE_FETCH_PRIVATE=1" in causes[url]
    assert causes[by_name].startswith("refused: localhost (") and "loopback address" in causes[by_name], causes
    assert f"failed: {url}: refused: 127.0.0.1 is a loopback address" in err
    assert site.hits == []  # nothing was requested

    rc, rep, err = cli_ingest([url, "--allow-private-urls"], store, env)  # the CLI flag
    assert rc == 0 and rep["added"] == 1 and rep["failed"] == [], (rep, err)
    assert site.hits == ["/a.html"]

    # The environment variable (Settings.fetch_private), through the Python API.
    os.environ["ATTACHE_FETCH_PRIVATE"] = "1"
    try:
        a = Assistant.open(store=store, create=False)
        assert a.settings.fetch_private is True
        rep2 = a.ingest([f"{site.base}/c.html"])
    finally:
        del os.environ["ATTACHE_FETCH_PRIVATE"]
    assert rep2.failed == [] and len(rep2.duplicates) == 1 and site.hits[-1] == "/c.html", rep2  # same page
    assert Assistant.open(store=store, create=False).settings.fetch_private is False


def test_a_saved_feeds_item_links_are_checked_too(site, env, tmp_path):
    """A feed file (upload or folder) whose item links to a local address: not requested."""
    feed = tmp_path / "feed.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Kesh Feed</title>
<item><title></title><link>{site.base}/item.html</link><description></description></item>
</channel></rss>""", encoding="utf-8")
    [err] = list(load_paths([feed]))
    assert isinstance(err, InputError) and err.cause.startswith("refused: 127.0.0.1 is a loopback address")
    assert site.hits == []
    [doc] = list(load_paths([feed], allow_private=True))
    assert isinstance(doc, Document) and doc.source == "Harbor Wire" and site.hits == ["/item.html"]


def test_every_kind_of_non_public_address_is_refused():
    from index.fetch import address_problem, check_public

    for ip, what in [("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
                     ("192.168.0.1", "private"), ("172.16.5.4", "private"), ("169.254.169.254", "link-local"),
                     ("fe80::1", "link-local"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
                     ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
                     ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("fd00::1", "private"),
                     ("100.64.0.1", "not a public")]:
        assert what in address_problem(ip), (ip, address_problem(ip))
    assert address_problem("93.184.215.14") == "" and address_problem("2606:4700::1111") == ""
    check_public("http://93.184.215.14/page.html")  # an IP literal: no name to resolve
    for url in ("http://[::1]:9/x", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/",
                "http://2130706433/x", "http://0x7f.1/x"):  # the last two: 127.0.0.1 written otherwise
        with pytest.raises(InputError, match="refused: .* address"):
            check_public(url)
    with pytest.raises(InputError, match="refused: 127.0.0.1 is a loopback address"):
        fetch(f"http://127.0.0.1:{closed_port()}/x")


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


# ------------------------------------------------------------------ 3. unsupported files of a folder
def test_unsupported_files_of_a_folder_are_reported_as_skipped(tmp_path, env):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Kesh's foreign minister offered on Tuesday to mediate between Ostra and "
                                  "its neighbour. Talks could begin within weeks.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "sub" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")  # hidden: silent
    (folder / "README").write_text("What this folder holds.", encoding="utf-8")  # a project file: silent
    rc, rep, err = cli_ingest([folder], tmp_path / "store", env)
    assert rc == 0 and rep["added"] == 1 and rep["failed"] == [], (rep, err)
    skipped = {Path(s["path"]).name: s["reason"] for s in rep["skipped"]}
    assert set(skipped) == {"notes.docx", "image.png"}, rep["skipped"]
    assert skipped["notes.docx"].startswith("unsupported file type .docx; supported: ") and ".html" in skipped[
        "notes.docx"] and ".txt" in skipped["notes.docx"]
    assert f"attache: skipped: {folder / 'notes.docx'}: unsupported file type .docx; supported:" in err
    assert f"skipped: {folder / 'sub' / 'image.png'}: unsupported file type .png" in err
    assert ".DS_Store" not in err and "README" not in err

    # The Python API's report holds them too; a folder of nothing readable still fails, naming them.
    only = tmp_path / "only"
    only.mkdir()
    (only / "slides.pptx").write_bytes(b"PK")
    a = Assistant.open(store=tmp_path / "store", create=False)
    r = a.ingest([only])
    assert [s["path"] for s in r.skipped] == [str(only / "slides.pptx")]
    assert [f["path"] for f in r.failed] == [str(only)] and "no article files" in r.failed[0]["error"]


# ------------------------------------------------------------------ 4. feed items whose link is offline
DESCRIPTION = ("Kesh's foreign minister Lina Varga said on Monday that her government would reopen the "
               "northern border crossing to grain lorries from Ostra within ten days, provided that customs "
               "inspections resume at both ends. She said the offer stood until the end of the month and "
               "that talks with the Ostran trade ministry would continue in Lessa.")


def test_a_saved_feed_item_with_an_unreachable_link_is_indexed_from_its_own_text(tmp_path, capfd, embedder):
    assert 250 < len(DESCRIPTION) < 500  # short: the linked page is tried first
    down = f"http://127.0.0.1:{closed_port()}"
    feed = tmp_path / "kesh.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Kesh Daily Feed</title>
<item><title>Kesh to reopen the northern crossing</title><link>{down}/crossing.html</link>
<pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate><description>{DESCRIPTION}</description></item>
<item><link>{down}/empty.html</link><description></description></item>
</channel></rss>""", encoding="utf-8")
    os.environ["ATTACHE_FETCH_PRIVATE"] = "1"  # the link is a closed local port: a link that cannot be fetched
    try:
        a = Assistant.open(store=tmp_path / "store", create=True, extract_claims=False)
        rep = a.ingest([feed])
    finally:
        del os.environ["ATTACHE_FETCH_PRIVATE"]
    err = capfd.readouterr().err
    assert rep.added == 1, rep
    [failed] = rep.failed  # an item with neither text nor a title of its own
    assert failed["path"] == f"{down}/empty.html" and failed["error"].startswith("cannot connect"), rep.failed
    [d] = a.documents()
    doc = a.document(d.doc_id)
    assert (doc.title, doc.source, doc.url) == ("Kesh to reopen the northern crossing", "Kesh Daily Feed",
                                                f"{down}/crossing.html")
    assert "reopen the northern border crossing" in doc.text and doc.published.startswith("2024-06-03")
    assert doc.meta["link_not_fetched"].startswith("cannot connect")
    assert f"attache: warning: {feed}: item 1: cannot fetch its link {down}/crossing.html (cannot connect" in err
    assert "indexed the item's own text instead" in err


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


def test_the_library_report_lists_skipped_and_failed_inputs_escaped():
    """The web UI's ingest report shows skipped files too (it showed only failures), escaped."""
    from assistant.ui import ingest_report_html
    from index.ingest import IngestReport

    r = IngestReport(added=1, failed=[{"path": "/up/bad.json", "error": "malformed <JSON>"}],
                     skipped=[{"path": "/up/notes<i>.docx", "reason": "unsupported file type .docx"}])
    html = ingest_report_html(r)
    assert "failed 1" in html and "malformed &lt;JSON&gt;" in html
    assert '<ul class="attache-skipped">' in html and "notes&lt;i&gt;.docx" in html
    assert "skipped, unsupported file type .docx" in html and "<i>" not in html
