"""Input faults a new user found (pass nup25), each reproduced with the shape that showed it.

1. A ``.pdf`` or ``.docx`` named on the command line was indexed as text with exit 0 (``attache --store S
   ingest bad/real.pdf --json`` -> added 1, failed [], and ``docs`` showed the title "%PDF-1.1"), while the
   same file in a folder was skipped ("unsupported file type .pdf; supported: ..."). A file that is a PDF,
   an Office document or an image by its content was read as text whatever its extension.
2. ``<meta property="article:published_time" content="2023-12-09T02:28:09+00:00">`` of a page whose
   canonical URL is ".../2023/12/08/..." (TechCrunch's, mh564.html) was stored ``2023-12-08``, a day early,
   and without its time, which the same article as .json or .txt keeps: trafilatura's date (htmldate) is a
   day, taken from the URL before the page's tags, and from ``og:updated_time`` before JSON-LD's
   ``datePublished``.

CLI tests run the real ``attache`` command (``python -m assistant.cli``) in a subprocess.
"""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from index.errors import InputError
from index.loaders import load_file, load_paths
from index.models import Document

ROOT = Path(__file__).resolve().parents[1]

# The tiny PDF the user made with printf, and a DOCX (a ZIP holding word/document.xml).
PDF = b"%PDF-1.1\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ARTICLE = ("Harbour talks resume after a week of strikes\n\n"
           "Dock workers and port owners in Lessa resumed talks on Monday after a week of strikes. "
           "The union said it would call off the strike if the owners kept their offer on pay.\n")


def write_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def attache(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The real `attache ARGS` in a subprocess: no user config, statement extraction off (not under test)."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-sub.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**env, "ATTACHE_CONFIG": str(cfg), "HF_HUB_OFFLINE": "1"})


# ------------------------------------------------------------------ 1. unsupported files named directly


def test_a_pdf_or_docx_named_on_the_command_line_is_refused_as_in_a_folder(tmp_path):
    """`attache ingest bad/real.pdf bad/real.docx good.txt`: the PDF and the DOCX fail with the reason a folder
    skips them for, naming each file; the good article beside them is ingested; exit 1; no "%PDF-1.1" document."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "real.pdf").write_bytes(PDF)
    write_docx(bad / "real.docx")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    r = attache(tmp_path, "--store", str(store), "ingest", str(bad / "real.pdf"), str(bad / "real.docx"), str(good),
                "--json", "--quiet")
    assert r.returncode == 1, (r.stdout, r.stderr)
    report = json.loads(r.stdout)
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert set(failed) == {str(bad / "real.pdf"), str(bad / "real.docx")}, failed
    assert failed[str(bad / "real.pdf")].startswith("unsupported file type .pdf; supported: .atom .htm .html")
    assert failed[str(bad / "real.docx")].startswith("unsupported file type .docx; supported: ")
    for path, error in failed.items():
        assert f"attache: failed: {path}: {error}\n" in r.stderr
    assert report["added"] == 1 and report["skipped"] == [], report
    listed = attache(tmp_path, "--store", str(store), "docs", "--json")
    assert [d["title"] for d in json.loads(listed.stdout)] == ["Harbour talks resume after a week of strikes"]

    # the same decision for the folder: skipped with the very same reason
    r = attache(tmp_path, "--store", str(tmp_path / "store2"), "ingest", str(bad), "--json", "--quiet")
    skipped = {s["path"]: s["reason"] for s in json.loads(r.stdout)["skipped"]}
    assert skipped == failed, (skipped, failed)


def test_only_unsupported_files_named_fail_without_creating_a_store(tmp_path):
    """`attache --store S ingest bad/real.pdf --json` (the user's command): exit 1, the file named with the cause
    on stderr, and nothing written: no store S is made for it."""
    pdf = tmp_path / "real.pdf"
    pdf.write_bytes(PDF)
    store = tmp_path / "S"
    r = attache(tmp_path, "--store", str(store), "ingest", str(pdf), "--json")
    assert r.returncode == 1, (r.stdout, r.stderr)
    report = json.loads(r.stdout)
    assert report["added"] == 0 and [f["path"] for f in report["failed"]] == [str(pdf)], report
    assert f"attache: failed: {pdf}: unsupported file type .pdf; supported: " in r.stderr
    assert not store.exists()


def test_a_document_or_image_by_its_content_is_refused_whatever_its_name(tmp_path):
    """A PDF saved as "report.txt", a DOCX renamed "page.html", a PNG named "photo.md": each an error naming the
    file and what it is, named itself or in a folder, with --format text too; text beside them loads."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_bytes(PDF)
    write_docx(folder / "page.html")
    (folder / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + b"IHDR and not much else, no NUL here")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    kinds = {"report.txt": "a PDF document", "page.html": "a Word document (.docx)", "photo.md": "a PNG image"}
    for results in (list(load_paths([folder])), list(load_paths(sorted(folder.iterdir()))),
                    list(load_paths(sorted(folder.iterdir()), fmt="text"))):
        errors = {Path(e.path).name: e.cause for e in results if isinstance(e, InputError)}
        assert set(errors) == set(kinds), results
        for name, kind in kinds.items():
            assert errors[name].startswith(f"binary file, not text: {kind} by its content, an unsupported file "
                                           "type whatever its extension; supported: "), errors[name]
        assert [d.title for d in results if isinstance(d, Document)] == ["Harbour talks resume after a week of "
                                                                           "strikes"]
    # (an unknown extension is read with --format; a name whose last dot starts no extension is text)
    log = tmp_path / "notes.log"
    log.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(list(load_paths([log]))[0], InputError)
    assert isinstance(list(load_paths([log], fmt="text"))[0], Document)
    dotted = tmp_path / "U.S. talks"
    dotted.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(list(load_paths([dotted]))[0], Document)


# ------------------------------------------------------------------ 2. HTML dates as written

_BODY = "".join(f"<p>{s}</p>\n" for s in [
    "After marathon talks which stretched to almost three days European Union lawmakers have tonight clinched a "
    "political deal on a risk-based framework for regulating artificial intelligence.",
    "Giving a triumphant but exhausted press conference in the small hours of Saturday morning, key "
    "representatives of the Parliament, Council and Commission hailed the agreement as hard fought.",
    "The file was originally proposed back in April 2021 but it has taken months of tricky three-way "
    "negotiations to get a deal over the line.",
])


def html_page(head: str, body_top: str = "") -> str:
    return (f"<!doctype html><html><head><title>EU lawmakers bag late night deal on AI rules</title>\n"
            f"<meta property=\"og:site_name\" content=\"TechCrunch\">\n{head}</head><body><article>{body_top}"
            f"<h1>EU lawmakers bag late night deal on AI rules</h1>\n{_BODY}</article></body></html>")


def load_html(tmp_path: Path, page: str, name: str = "page.html") -> Document:
    p = tmp_path / name
    p.write_text(page, encoding="utf-8")
    [doc] = list(load_file(p))
    assert isinstance(doc, Document), doc
    return doc


def test_the_published_tag_wins_over_the_date_in_the_url_and_keeps_its_time(tmp_path):
    """mh564.html's head: the published time as written, not the URL's day (the US-Pacific day TechCrunch puts
    in its URLs) nor a day without the time."""
    doc = load_html(tmp_path, html_page(
        '<meta property="article:published_time" content="2023-12-09T02:28:09+00:00">\n'
        '<link rel="canonical" href="https://techcrunch.com/2023/12/08/eu-ai-act-political-deal/">'), "mh564.html")
    assert doc.published == "2023-12-09T02:28:09+00:00", (doc.published, doc.meta)
    assert doc.meta["date_source"] == "html:article:published_time"


@pytest.mark.parametrize("head, body_top, published, source", [
    # a time in another zone keeps its day and zone as written (not converted to UTC)
    ('<meta property="article:published_time" content="2023-12-08T23:30:00-05:00">', "",
     "2023-12-08T23:30:00-05:00", "html:article:published_time"),
    # JSON-LD's datePublished, not og:updated_time (which htmldate preferred)
    ('<meta property="og:updated_time" content="2024-02-01T10:00:00+01:00">'
     '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-10T08:00:00+01:00", '
     '"dateModified": "2024-02-01T10:00:00+01:00"}</script>', "",
     "2024-01-10T08:00:00+01:00", "html:json-ld datePublished"),
    # an Article in a JSON-LD @graph, over the URL's day
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", '
     '"name": "TechCrunch"}, {"@type": "NewsArticle", "datePublished": "2023-12-09T02:28:09+00:00"}]}</script>'
     '<link rel="canonical" href="https://techcrunch.com/2023/12/08/eu-ai-act-political-deal/">', "",
     "2023-12-09T02:28:09+00:00", "html:json-ld datePublished"),
    # <time pubdate datetime=...> in the article
    ("", '<time datetime="2023-12-09T02:28:09+00:00" pubdate>Saturday</time>',
     "2023-12-09T02:28:09+00:00", "html:time"),
    # only an update time: its time too
    ('<meta property="article:modified_time" content="2024-03-05T16:45:00+02:00">', "",
     "2024-03-05T16:45:00+02:00", "html:article:modified_time"),
])
def test_html_dates_are_kept_as_written_with_their_time(tmp_path, head, body_top, published, source):
    doc = load_html(tmp_path, html_page(head, body_top))
    assert (doc.published, doc.meta["date_source"]) == (published, source), doc.meta


def test_the_same_article_as_html_json_and_text_gets_the_same_date(tmp_path):
    """Through `attache ingest`: the page, the record and the text file of one article are all dated
    2023-12-09T02:28:09+00:00."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "mh564.html").write_text(html_page(
        '<meta property="article:published_time" content="2023-12-09T02:28:09+00:00">\n'
        '<link rel="canonical" href="https://techcrunch.com/2023/12/08/eu-ai-act-political-deal/">'),
        encoding="utf-8")
    text = "\n\n".join(p.removeprefix("<p>").removesuffix("</p>") for p in _BODY.split("\n") if p)
    (d / "mh564.json").write_text(json.dumps([{"title": "EU deal (record)", "source": "TechCrunch",
                                               "published_at": "2023-12-09T02:28:09+00:00",
                                               "body": text.replace("tonight", "tonight, the record says,")}]),
                                  encoding="utf-8")
    (d / "mh564.txt").write_text("Title: EU deal (text)\nSource: TechCrunch\nPublished: 2023-12-09T02:28:09+00:00\n\n"
                                 + text.replace("tonight", "tonight, the text says,"), encoding="utf-8")
    store = tmp_path / "store"
    r = attache(tmp_path, "--store", str(store), "ingest", str(d), "--json", "--quiet")
    assert r.returncode == 0 and json.loads(r.stdout)["added"] == 3, (r.stdout, r.stderr)
    listed = json.loads(attache(tmp_path, "--store", str(store), "docs", "--json").stdout)
    assert {x["title"]: x["published"] for x in listed} == {
        "EU lawmakers bag late night deal on AI rules": "2023-12-09T02:28:09+00:00",
        "EU deal (record)": "2023-12-09T02:28:09+00:00",
        "EU deal (text)": "2023-12-09T02:28:09+00:00"}, listed


def test_a_malformed_published_tag_gives_no_invented_date(tmp_path):
    """(re-check) `article:published_time` "2023-13-45T10:00:00Z" was stored as 2023-01-01 at day precision: the tag
    was rejected, and htmldate's guess from that same tag was taken instead. The page is now undated, the tag named
    in `date_rejected`."""
    doc = load_html(tmp_path, html_page('<meta property="article:published_time" content="2023-13-45T10:00:00Z">'))
    assert doc.published == "", doc.meta
    assert "2023-13-45" in doc.meta["date_rejected"], doc.meta
