"""Near-duplicates (issue 15): the same wire story from two outlets, or a lightly edited update,
is indexed and linked both ways; an answer quotes a statement once and lists the other copies.

The pairs are written here from a sample article: a wire story re-edited by a second outlet, an
update with one paragraph rewritten, and a different story on the same topic that must not be
linked. Real store, real MiniLM, real CLI; nothing of attache is mocked.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.render import also_in_line
from index.catalog import SCHEMA_VERSION
from index.neardup import THRESHOLD, fingerprint, jaccard

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"

WIRE = """LINDGRAD, Jan. 22 (Baltic Wire Service) — Ostmark is ready to discuss sanctions relief with Veloria without preconditions, its foreign minister said on Thursday, a marked shift from April, when Lindgrad rejected a Velorian offer of talks outright.

“We are ready to sit down with Castrova without preconditions,” Foreign Minister Lena Sorvik told reporters in Lindgrad. “The winter has shown that this dispute is hurting ordinary people on both sides of the Straits.”

Sorvik said Ostmark no longer insisted that all sanctions be lifted before talks began.

Chancellor Viktor Halden, who in April demanded the lifting of all sanctions as a condition for talks, said in a televised address on Sunday that Ostmark was prepared to take the first step if Veloria responded in kind.

Castrova reacted cautiously. “We welcome the change of tone, but we will judge Lindgrad by what it does in the Straits,” Velorian Foreign Minister Tomas Ruiz said. President Anna Koval said Veloria's conditions were unchanged: the patrol ships must leave the Straits and the inspections of grain ships must end.

Calderran Prime Minister Erik Brandt welcomed the shift and offered to host the talks in Portmere.

Veloria's fuel sanctions have cut Ostmark's export revenue by about a quarter, according to Ostmark's own statistics office, and a cold winter has strained gas supplies on both sides of the border.

“The fuel sanctions and the loss of grain transit fees have cost Lindgrad far more than it expected,” said Paulina Wren of the Institute for Maritime Studies in Castrova.
"""

# The same wire story as a second outlet runs it: its own dateline, a few words changed, the
# last paragraph cut, a line of its own added.
REPRINT = (WIRE.replace("(Baltic Wire Service)", "(Harbour Post)")
           .replace("a marked shift from April", "a sharp change from April")
           .replace("televised address on Sunday", "television address on Sunday")
           .replace("welcomed the shift and offered", "welcomed the move and offered")
           .rsplit("\n\n“The fuel sanctions", 1)[0]
           + "\n\nThe Harbour Post contributed reporting from Portmere.\n")

# The wire's own update: one paragraph rewritten, one added.
UPDATE = (WIRE.replace(
    "Castrova reacted cautiously. “We welcome the change of tone, but we will judge Lindgrad by what it does in "
    "the Straits,” Velorian Foreign Minister Tomas Ruiz said.",
    "Castrova responded on Friday. Velorian Foreign Minister Tomas Ruiz said his government would send a "
    "delegation to Portmere next month if Lindgrad withdrew one patrol ship from the Straits first.")
    + "\nThe first round of talks is expected to open in Portmere in March, officials in both capitals said.\n")


def front(title: str, source: str, published: str, url: str, body: str) -> str:
    return f"---\ntitle: {title}\nsource: {source}\npublished: {published}\nurl: {url}\n---\n\n{title}\n\n{body}"


def write_pair(folder: Path, second: str, second_source: str = "Harbour Post") -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    a = folder / "wire.md"
    b = folder / "second.md"
    a.write_text(front("Ostmark signals readiness for sanctions talks", "Baltic Wire Service", "2026-01-22",
                       "https://example.org/baltic/readiness", WIRE), encoding="utf-8")
    b.write_text(front("Ostmark ready for talks with Veloria, minister says", second_source, "2026-01-23",
                       "https://example.org/harbour/ready", second), encoding="utf-8")
    return a, b


def sample_bodies() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in sorted(SAMPLES.glob("*.md"))}


# -------------------------------------------------------------------- fingerprints


def test_similarity_separates_copies_from_same_topic_stories():
    """Copies score well above the threshold, every pair of different sample stories (all on the
    same few disputes: sanctions talks, the Straits, grain) well below; the MinHash estimate is
    close to the exact Jaccard similarity."""
    for second, low in ((REPRINT, 0.6), (UPDATE, 0.6)):
        exact = jaccard(WIRE, second)
        est = fingerprint(WIRE).similarity(fingerprint(second))
        assert exact >= low and est >= THRESHOLD + 0.1, (exact, est)
        assert abs(exact - est) < 0.12
    bodies = sample_bodies()
    names = sorted(bodies)
    assert len(names) >= 8
    worst = max(fingerprint(bodies[x]).similarity(fingerprint(bodies[y]))
                for i, x in enumerate(names) for y in names[i + 1:])
    assert worst < THRESHOLD - 0.25, worst
    same_topic = bodies["2026-02-12-meridian-herald-ostmark-proposes-phased-sanctions-deal.md"]
    assert fingerprint(WIRE).similarity(fingerprint(same_topic)) < 0.1
    assert fingerprint("").empty and not fingerprint(WIRE).empty


# -------------------------------------------------------------------- linking in the store


@pytest.fixture
def assistant(tmp_path, embedder):
    a = Assistant.open(store=tmp_path / "store", create=True, extract_claims=False)
    yield a
    a.store.close()


def test_reprint_and_update_are_linked_both_ways_same_topic_story_is_not(tmp_path, assistant):
    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    update = tmp_path / "in" / "update.md"
    update.write_text(front("Ostmark ready for talks; Veloria sets a condition", "Baltic Wire Service", "2026-01-23",
                            "https://example.org/baltic/readiness-update", UPDATE), encoding="utf-8")
    other = SAMPLES / "2026-02-12-meridian-herald-ostmark-proposes-phased-sanctions-deal.md"
    first = assistant.ingest([wire, other])
    assert first.added == 2 and first.near_duplicates == []
    report = assistant.ingest([reprint, update])
    assert report.added == 2 and report.duplicates == []
    docs = {Path(d.path).name: d.doc_id for d in assistant.documents()}
    linked = {Path(n["path"]).name: [s["doc_id"] for s in n["similar_to"]] for n in report.near_duplicates}
    # Each new copy links to the wire story and to the other copy of it (they share most paragraphs).
    assert docs["wire.md"] in linked["second.md"] and docs["wire.md"] in linked["update.md"]
    for n in report.near_duplicates:
        assert all(s["similarity"] >= THRESHOLD for s in n["similar_to"])
    # Both ways, in the document's metadata; the same-topic story stays unlinked.
    wire_links = {x["doc_id"] for x in assistant.document(docs["wire.md"]).meta["near_duplicates"]}
    assert wire_links == {docs["second.md"], docs["update.md"]}
    assert docs["wire.md"] in {x["doc_id"] for x in assistant.document(docs["second.md"]).meta["near_duplicates"]}
    assert assistant.document(docs[other.name]).meta["near_duplicates"] == []
    assert assistant.store.catalog.schema_version() == SCHEMA_VERSION >= 3


def test_deleting_or_replacing_a_copy_keeps_links_consistent(tmp_path, assistant):
    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    assistant.ingest([wire, reprint])
    docs = {Path(d.path).name: d.doc_id for d in assistant.documents()}
    a, b = docs["wire.md"], docs["second.md"]
    assert [x["doc_id"] for x in assistant.document(a).meta["near_duplicates"]] == [b]
    # Replaced by a different story under the same name: the link goes, both ways.
    reprint.write_text(front("Grain pledge", "Harbour Post", "2026-01-23", "https://example.org/harbour/ready",
                             sample_bodies()["2026-03-14-meridian-herald-veloria-grain-pledge.md"]), encoding="utf-8")
    r = assistant.ingest([reprint])
    assert r.updated == 1 and r.near_duplicates == []
    assert assistant.document(a).meta["near_duplicates"] == [] == assistant.document(b).meta["near_duplicates"]
    # The reprint again: an earlier version the newer one replaced, so unchanged (the correction is
    # kept, shared case 19); removed first, it is added and linked again; then deleted: no link left.
    _, reprint = write_pair(tmp_path / "in", REPRINT)
    r = assistant.ingest([reprint])
    assert r.unchanged == 1 and r.near_duplicates == [] and "newer one is kept" in r.skipped[0]["reason"]
    assistant.delete(b)
    r = assistant.ingest([reprint])
    assert r.added == 1 and [s["doc_id"] for n in r.near_duplicates for s in n["similar_to"]] == [a]
    assistant.delete(b)
    assert assistant.document(a).meta["near_duplicates"] == []
    db = assistant.store.db
    for table, col in (("near_duplicates", "other"), ("near_duplicates", "doc_id"), ("fingerprints", "doc_id"),
                       ("fingerprint_bands", "doc_id")):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE {col}=?", (b,)).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 1


def test_documents_stored_before_fingerprints_are_linked_by_the_next_ingestion(tmp_path, assistant):
    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    assistant.ingest([wire, reprint])
    db = assistant.store.db
    for table in ("fingerprints", "fingerprint_bands", "near_duplicates"):  # as a version-2 store has them
        db.execute(f"DELETE FROM {table}")
    r = assistant.ingest([wire])
    assert r.unchanged == 1 and len(r.near_duplicates) == 1
    assert db.execute("SELECT count(*) FROM near_duplicates").fetchone()[0] == 2


# -------------------------------------------------------------------- answers


def test_answer_over_two_copies_quotes_the_statement_once(tmp_path, assistant):
    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    assistant.ingest([wire, reprint])
    docs = {Path(d.path).name: d for d in assistant.documents()}
    ans = assistant.ask("What did Sorvik say about sitting down with Castrova?")
    assert not ans.abstained and ans.citations, ans.answer
    quotes = [" ".join(c.quote.split()) for c in ans.citations]
    assert len(quotes) == len(set(quotes))  # never the same statement twice
    key = next(c for c in ans.citations if "sit down with Castrova" in c.quote)
    assert ans.answer.count("sit down with Castrova") == 1
    other = docs["second.md"] if key.doc_id == docs["wire.md"].doc_id else docs["wire.md"]
    [also] = key.also_in
    assert also["doc_id"] == other.doc_id and also["source"] == other.source
    other_text = assistant.document(other.doc_id).text
    assert other_text[also["start"]:also["end"]] == key.quote
    for c in ans.citations:
        assert assistant.document(c.doc_id).text[c.start:c.end] == c.quote
        assert c.to_dict()["also_in"] == c.also_in
    assert also_in_line(key) == f"also in: {other.source}, {other.published[:10]}"
    # Every surface lists the other copy: report footnotes and the UI's sources panel.
    from assistant.render import answer_markdown, sources_html

    assert f"also in: {other.source}" in answer_markdown(ans)
    assert f"also in: {other.source}" in sources_html(ans.citations, assistant.document)


def test_cli_shows_links_and_also_in(tmp_path, embedder):
    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text("extract_claims = false\n", encoding="utf-8")
    env["ATTACHE_CONFIG"] = str(cfg)
    store = tmp_path / "store"

    def cli(*args: object) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant.cli", *map(str, args), "--store", str(store)],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)

    r = cli("ingest", wire, reprint, "--json", "--quiet")
    assert r.returncode == 0, r.stderr
    [near] = json.loads(r.stdout)["near_duplicates"]
    assert near["path"].endswith("second.md") and "near-duplicate: " in r.stderr and near["doc_id"] in r.stderr
    [link] = near["similar_to"]
    shown = json.loads(cli("docs", "show", link["doc_id"], "--json").stdout)
    assert [x["doc_id"] for x in shown["near_duplicates"]] == [near["doc_id"]]
    out = cli("ask", "What did Sorvik say about sitting down with Castrova?").stdout
    assert out.count("sit down with Castrova") == 1, out
    assert "also in: Baltic Wire Service, 2026-01-22" in out or "also in: Harbour Post, 2026-01-23" in out, out


def test_verified_llm_reply_cites_one_copy(tmp_path, assistant):
    """The LLM path: a reply quoting the same sentence once from each copy gets one citation,
    the second marker renumbered to it, and the other copy in ``also_in``."""
    from assistant.verify import verify_answer

    wire, reprint = write_pair(tmp_path / "in", REPRINT)
    assistant.ingest([wire, reprint])
    docs = {Path(d.path).name: d.doc_id for d in assistant.documents()}
    passages = [next(p for p in assistant.store.chunks_of(docs[n]) if "no longer insisted" in p.text)
                for n in ("wire.md", "second.md")]
    evidence = assistant.evidence.copies(passages)
    assert [d.doc_id for d in evidence[docs["wire.md"]]] == [docs["second.md"]]
    reply = ("Sorvik said Ostmark no longer insisted that all sanctions be lifted before talks began [1]. "
             "Ostmark no longer insists that all sanctions be lifted before talks begin, Sorvik said [2].")
    text, citations, abstained = verify_answer(reply, passages, "", evidence)
    assert not abstained and len(citations) == 1 and text.count("[1]") == 2 and "[2]" not in text, text
    [c] = citations
    assert c.doc_id == docs["wire.md"] and [a["doc_id"] for a in c.also_in] == [docs["second.md"]]
    # Without the links both copies are quoted: the case the links exist for.
    _, unlinked, _ = verify_answer(reply, passages, "")
    assert len(unlinked) == 2 and unlinked[0].quote == unlinked[1].quote
