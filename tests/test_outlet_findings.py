"""Outlet names and general flags a new user found (pass nup15), each reproduced with the shapes they pasted,
through the public loader, a real store (real Chroma, the real model) and the real CLI.

R10: the same outlet was stored under two names depending on how the article was pasted: a page whose outlet
line reads "Cnbc | World Business News Leader" was stored "Cnbc" (the tagline cut), a file with the header
"Source: Cnbc | World Business News Leader" kept the whole string (and "Globes English" / "Globes English |
Israel Business Arena" the same), so `--source Cnbc` and "According to CNBC, ..." missed half the outlet's
articles. Now a site's tagline after a spaced " | ", " - " or " — " is cut the same way for every shape.
R18: `attache --store DIR ingest ...` failed with "invalid choice" (the general flags were only read after the
subcommand); the "N documents" footer of `attache docs` came before the listing when stdout and stderr share
a pipe (`attache docs 2>&1 | less`).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.cleaning import clean_text, outlet_name
from index.loaders import load_file
from index.models import Document

ROOT = Path(__file__).resolve().parents[1]
CNBC = "Cnbc | World Business News Leader"
BODY = ("Kurt Volker, a former U.S. special envoy for Ukraine negotiations, said Western support for Kyiv "
        "would have to change in 2024.\n\n"
        "\"A couple of things ought to change,\" Volker told CNBC on Monday. \"We ought to lift restrictions on "
        "the weapons we're providing to Ukraine.\"\n")


def load_one(path: Path) -> Document:
    [doc] = list(load_file(path))
    assert isinstance(doc, Document), doc
    return doc


# ------------------------------------------------------------------ the name itself

@pytest.mark.parametrize("given, stored", [
    (CNBC, "Cnbc"),
    ("Globes English | Israel Business Arena", "Globes English"),
    ("Globes English — Israel Business Arena", "Globes English"),
    ("Cnbc – World Business News Leader", "Cnbc"),
    ("FOX News - Health", "FOX News"),                   # a site's section after a spaced dash
    ("  Cnbc  |  World Business News Leader ", "Cnbc"),  # (whitespace as pasted)
    ("Le Monde.fr - Actualités et Infos en France et dans le monde", "Le Monde.fr"),
    # real names with a hyphen, a colon or a dot are kept whole
    ("Al-Monitor", "Al-Monitor"),
    ("Pittsburgh Post-Gazette", "Pittsburgh Post-Gazette"),
    ("Eos: Earth And Space Science News", "Eos: Earth And Space Science News"),
    ("CBSSports.com", "CBSSports.com"),
    ("UN General Debate, session 78", "UN General Debate, session 78"),
    ("The Sydney Morning Herald", "The Sydney Morning Herald"),
    ("", ""),
])
def test_an_outlet_name_loses_a_site_tagline_and_nothing_else(given, stored):
    assert outlet_name(given) == stored


def test_no_multihop_rag_outlet_is_mangled(datasets_dir):
    """Every distinct outlet of the MultiHop-RAG corpus keeps its name, or loses only a tagline or section after a
    spaced bar or dash (and every outlet with one loses it: one outlet, one name)."""
    corpus = json.loads((datasets_dir / "multihop-rag" / "corpus.json").read_text(encoding="utf-8"))
    outlets = sorted({a["source"] for a in corpus})
    cut = {o: outlet_name(o) for o in outlets if outlet_name(o) != o}
    assert cut == {
        "BBC News - Entertainment & Arts": "BBC News", "BBC News - Technology": "BBC News",
        "Business Today | Latest Stock Market And Economy News India": "Business Today",
        CNBC: "Cnbc", "FOX News - Entertainment": "FOX News", "FOX News - Health": "FOX News",
        "FOX News - Lifestyle": "FOX News", "Globes English | Israel Business Arena": "Globes English",
        "Scitechdaily | Science Space And Technology News 2017": "Scitechdaily",
        "The Independent - Life and Style": "The Independent", "The Independent - Sports": "The Independent",
        "The Independent - Travel": "The Independent", "The Roar | Sports Writers Blog": "The Roar",
    }, cut
    for name in outlets:  # kept whole, or a prefix ending before " | " / " - "
        assert name == outlet_name(name) or name.startswith(outlet_name(name) + " "), name


# ------------------------------------------------------------------ every input shape, one name

def _shapes(tag: str) -> dict[str, tuple[str, str]]:
    """File name -> (content, how it arrives) for an article of the outlet "Cnbc" with the tagline ``tag``."""
    title = "With hopes of victory fading, Ukraine's fight could get harder"
    record = {"title": title, "content": BODY, "published": "2023-12-25"}
    return {
        "pasted.txt": (f"Skip to content\nMenu\nSign in\n\n{title}\nCnbc{tag}World Business News Leader\n"
                       f"2023-12-25\n\n{BODY}", "outlet line"),
        "header.txt": (f"Title: {title}\nSource: Cnbc{tag}World Business News Leader\nPublished: 2023-12-25\n\n"
                       f"{BODY}", "Source: header"),
        "front.md": (f"---\ntitle: {title}\nsource: Cnbc{tag}World Business News Leader\npublished: 2023-12-25\n"
                     f"---\n\n{BODY}", "front matter"),
        "record.jsonl": (json.dumps({**record, "source": f"Cnbc{tag}World Business News Leader"}) + "\n",
                         "JSON source field"),
        "newsapi.json": (json.dumps({"status": "ok", "articles": [
            {**record, "source": {"id": None, "name": f"Cnbc{tag}World Business News Leader"}}]}), "NewsAPI"),
        "page.html": (f"<html><head><title>{title}</title>"
                      f"<meta property=\"og:site_name\" content=\"Cnbc{tag}World Business News Leader\">"
                      f"<meta property=\"article:published_time\" content=\"2023-12-25\"></head>"
                      f"<body><article><h1>{title}</h1>"
                      + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</article></body></html>",
                      "HTML site name"),
    }


@pytest.mark.parametrize("tag", [" | ", " — ", " - "])
def test_the_same_outlet_is_stored_under_one_name_whichever_shape_it_arrives_in(tmp_path, tag):
    """R10: "Cnbc | World Business News Leader" (or with a dash) as an outlet line, a header, front matter, a JSON
    field, a NewsAPI source, a page's site name: always stored "Cnbc", the name as given kept in the meta."""
    docs = {}
    for name, (content, _how) in _shapes(tag).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        docs[name] = load_one(tmp_path / name)
    assert {name: d.source for name, d in docs.items()} == dict.fromkeys(docs, "Cnbc")
    for name, doc in docs.items():
        if name == "pasted.txt":  # the outlet line is out of the text (its full text in meta["removed"])
            assert "World Business News Leader" not in doc.text, doc.text
        else:
            assert doc.meta.get("outlet_as_given") == f"Cnbc{tag}World Business News Leader", (name, doc.meta)


def test_a_dashed_byline_beside_the_date_line_is_not_the_outlet():
    """With dashes read as tagline separators, a person's byline "Hanne Petrov - Northgate Times" beside the date
    line still does not make "Hanne Petrov" the outlet; a masthead "Globes English — Israel Business Arena" does
    make "Globes English" the outlet."""
    _, meta = clean_text("Kesh offers to mediate\nHanne Petrov - Northgate Times\n2025-03-12\n\n"
                         "Kesh said on Monday it would mediate.\n")
    assert meta.get("outlet") != "Hanne Petrov", meta
    text, meta = clean_text("Israel's prince of public diplomacy\nGlobes English — Israel Business Arena\n"
                            "2023-12-03\n\nThe text of the article.\n")
    assert meta.get("outlet") == "Globes English" and "Israel Business Arena" not in text, (meta, text)


# ------------------------------------------------------------------ a real store and the CLI

def _cnbc_folder(tmp_path: Path) -> Path:
    """The user's three CNBC shapes: the pasted page with its outlet line, the header file, and a NewsAPI export
    spelling the outlet "CNBC"."""
    folder = tmp_path / "in"
    folder.mkdir()
    shapes = _shapes(" | ")
    for name in ("pasted.txt", "header.txt"):
        text = shapes[name][0]
        if name == "header.txt":  # another article of the outlet (another text: no duplicate)
            text = text.replace("Kurt Volker", "Kurt Volker, now at the Center for European Policy Analysis")
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "newsapi.json").write_text(json.dumps({"status": "ok", "articles": [{
        "source": {"id": "cnbc", "name": "CNBC"}, "title": "Volker on weapons for Ukraine",
        "content": BODY.replace("on Monday", "on Tuesday"), "publishedAt": "2023-12-27T10:00:00Z"}]}),
        encoding="utf-8")
    return folder


def cli_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_") and k != "PYTHONUNBUFFERED"}
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    env.update(ATTACHE_CONFIG=str(cfg), HF_HUB_OFFLINE="1")
    return env


def test_source_and_according_to_match_every_article_of_the_outlet(tmp_path, monkeypatch):
    """R10: `--source Cnbc`, `--source CNBC` and "According to CNBC, ..." find the outlet's three articles,
    whichever way each was pasted and however the outlet is capitalised."""
    from assistant import Assistant

    monkeypatch.setenv("ATTACHE_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("ATTACHE_STORE", raising=False)
    a = Assistant.open(store=tmp_path / "store", create=True)
    folder = _cnbc_folder(tmp_path)
    report = a.ingest([folder])
    assert report.ok and report.added == 3, report.to_dict()
    again = a.ingest([folder])  # the spelling stored is the one the same inputs give again: nothing re-indexed
    assert again.ok and again.unchanged == 3 and not again.added and not again.updated, again.to_dict()
    docs = {d.doc_id for d in a.documents()}
    # one name, one spelling: the NewsAPI export's "CNBC" stored as the pasted articles' "Cnbc" (or the other way)
    assert len({d.source for d in a.documents()}) == 1, [d.source for d in a.documents()]
    assert {d.source.lower() for d in a.documents()} == {"cnbc"}, [d.source for d in a.documents()]
    for name in ("Cnbc", "CNBC", "cnbc"):
        assert {d.doc_id for d in a.documents({"sources": [name]})} == docs, name
        assert not a.source_notices({"sources": [name]}), name
    found = {p.doc_id for p in a.search("What did Volker say?", filters={"sources": ["Cnbc"]})}
    assert found == docs, found
    q = a.query("According to CNBC, what did Volker say?")
    assert [s.lower() for s in q.cited_outlets] == ["cnbc"] and not q.unknown_outlets, q
    assert {d.doc_id for d in a.documents({"sources": list(q.cited_outlets)})} == docs
    # through the Python and HTTP API too, a name typed with its tagline is its outlet (not "no article from")
    tagged = a.ask("What did Volker say?", filters={"sources": ["Cnbc | World Business News Leader"]})
    assert tagged.citations and "No article from" not in tagged.answer, tagged.answer


def _runner(tmp_path: Path):
    env = cli_env(tmp_path)

    def run(*args: str, **kw) -> subprocess.CompletedProcess:
        kw = kw or {"capture_output": True}
        return subprocess.run([sys.executable, "-m", "assistant.cli", *args], env=env, cwd=ROOT, text=True,
                              timeout=600, **kw)

    return run


def test_general_flags_go_before_the_subcommand_too(tmp_path):
    """R18: `attache --store DIR ingest ...` ("invalid choice" before), `attache --json --store DIR docs`,
    `attache --store DIR search ... --source CNBC`; `--llm` before a subcommand that takes none is a usage error."""
    run = _runner(tmp_path)
    store = str(tmp_path / "store")

    r = run("--store", store, "ingest", str(_cnbc_folder(tmp_path)), "--json", "--quiet")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 3, r.stdout
    r = run("--json", "--store", store, "docs")
    assert r.returncode == 0, r.stderr
    listed = json.loads(r.stdout)
    assert len(listed) == 3 and {d["source"] for d in listed} == {"Cnbc"}, listed
    for name in ("CNBC", CNBC):  # (the name as a site gives it: the outlet as stored)
        r = run("--store", store, "search", "Volker weapons", "--source", name, "--json")
        assert r.returncode == 0 and "no outlet named" not in r.stderr, r.stderr
        assert {p["doc_id"] for p in json.loads(r.stdout)["results"]} == {d["doc_id"] for d in listed}, r.stdout
    r = run("--store", str(tmp_path / "elsewhere"), "docs", "--store", store, "--json")  # after wins over before
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 3, r.stderr
    r = run("--llm", "none", "--store", store, "docs")
    assert r.returncode == 2 and "--llm is for ask" in r.stderr, r.stderr


def test_the_docs_footer_comes_last_on_a_line_of_its_own(tmp_path):
    """R18: the "N documents" footer of `attache docs` (stderr) is the last line, newline-terminated, also when
    stdout and stderr go into one pipe (`attache docs 2>&1 | less`: stdout block-buffered, no PYTHONUNBUFFERED);
    before, it came first and the listing after it."""
    run = _runner(tmp_path)
    store = str(tmp_path / "store")
    r = run("ingest", str(_cnbc_folder(tmp_path)), "--store", store, "--quiet")
    assert r.returncode == 0, r.stderr
    both = run("docs", "--store", store, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert both.returncode == 0, both.stdout
    lines = both.stdout.split("\n")
    assert both.stdout.endswith("\n3 documents\n") and len(lines) == 5, both.stdout
