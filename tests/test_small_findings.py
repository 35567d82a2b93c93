"""Three small faults a demanding user found, each reproduced through the public entry points on a real
store (real Chroma, embedder and spaCy model):

1. `attache docs` cut every outlet to 20 characters ("The Sydney Morning H") with no mark of the cut;
   the table now prints it whole in a column as wide as the longest, as `positions` and `search` do, and
   ``--json`` gives every field whole.
2. The Positions chart drew an actor's statements of one day and one kind at one point: the last drawn hid
   the others, and only one could be hovered. They are now spread around the day a few pixels apart, the
   tooltip's date still the day.
3. UN General Debate speech records (a third of 2024's) carry Markdown ("**Mr President,**", "### I. Opening",
   "---"), which ended up in cited quotes. It is removed when the record is loaded, before any offset into
   the text exists, so that citations index the clean text.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from index.loaders import load_file

CHROMIUM = "/usr/bin/chromium"
LONG = 90_000  # ms

LONG_OUTLET = "The Sydney Morning Herald International Edition"  # 47 characters
LONG_TITLE = ("Ostmark pledges grain, minesweepers and the rebuilding of the port of Ravna in one "
              "sweeping package for the straits")
ARTICLES = {
    "2026-03-14-ostmark-pledges.md": f"""---
title: {LONG_TITLE}
source: {LONG_OUTLET}
published: 2026-03-14
---
Ostmark pledges grain and ships for the straits

RAVNA — Ostmark's Foreign Minister Lena Sorvik pledged on Saturday to send 40,000 tonnes of grain to Calderra \
before the winter.

Sorvik also pledged to send two minesweepers to the Northern Straits by May.

"Ostmark will pay for the reconstruction of the port of Ravna," Sorvik said.
""",
    "2025-04-10-ostmark-rejects.md": """---
title: Ostmark rejects sanctions talks
source: Baltic Wire
published: 2025-04-10
---
Ostmark rejects sanctions talks

Ostmark's Foreign Minister Lena Sorvik rejected on Thursday any talks on sanctions relief with Veloria.
""",
}
#: A speech record shaped as the shared dataset's 2024 ones (AND_79_2024, PRY_79_2024, COD_79_2024 ...).
SPEECH = {"id": "NOR_79_2024", "iso3": "NOR", "session": 79, "year": 2024, "country": "Norway",
          "speaker": "Anne Beathe Tvinnereim", "post": "Minister of International Development",
          "text": "**Mr President,**  \n**Excellencies,**\n\n---\n\n### I. Opening\n\n"
                  "We meet in a turbulent world. Norway will **double its climate funding** by 2030.\n\n"
                  "As our Prime Minister said:  \n> “We will not leave the *Pact for the Future* on paper.”\n\n"
                  "* * *\n\n**We will support Ukraine for as long as it takes.**\n"}
#: A news record: its asterisks are the outlet's own ("f***ing"), never Markdown to remove.
NEWS = {"title": "Kelce on the season", "source": "The Independent - Life and Style", "published_at": "2023-10-02",
        "body": "“She’s been on top of the f***ing world, man,” Kelce told his older brother on Monday."}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """``(Assistant, store folder, folder of the inputs)``: the articles and the speech record ingested."""
    from assistant import Assistant

    folder = tmp_path_factory.mktemp("small-findings")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "speeches.jsonl").write_text(json.dumps(SPEECH, ensure_ascii=False) + "\n", encoding="utf-8")
    a = Assistant.open(store=folder / "store", create=True)
    assert a.ingest(sorted(folder.glob("*.md")) + [folder / "speeches.jsonl"]).ok
    return a, folder / "store", folder


# ------------------------------------------------------------------ 1. `attache docs`: the outlet whole

def test_docs_lists_each_outlet_whole_in_one_column(store, capsys):
    """`attache docs`: every outlet whole (it was cut to "The Sydney Morning H"), the titles after
    them in one column; a title over 70 characters ends in "…"; ``--json`` gives both whole."""
    from assistant.cli import main

    a, path, _ = store
    docs = {d.doc_id: d for d in a.documents()}
    assert main(["docs", "--store", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(docs) == 3, lines
    title_at = set()
    for line in lines:
        d = docs[line.split()[0]]
        assert f"  {d.source}  " in line, (d.source, line)
        title = d.title if len(d.title) <= 70 else d.title[:69] + "…"
        assert line.endswith("  " + title), (d.title, line)
        title_at.add(len(line) - len(title))
    assert len(title_at) == 1, lines  # one column of titles, however long the outlet before them
    assert any(LONG_OUTLET in line and line.endswith("…") for line in lines), lines
    assert main(["docs", "--store", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(d["source"], d["title"]) for d in listed} == {(d.source, d.title) for d in docs.values()}
    assert (LONG_OUTLET, LONG_TITLE) in {(d["source"], d["title"]) for d in listed}


# ------------------------------------------------------------------ 2. the chart: one day's statements apart

def test_statements_of_one_day_and_kind_are_charted_apart(store):
    """Lena Sorvik's three pledges of 14 March 2026 were one point of the Positions chart (one date, one kind
    row): now each its own, at least 0.5% of the chart's x range apart (4 px of an 800 px chart), all
    within 5% of the range of their day, and the tooltip's ``when`` the day itself; her one statement of
    another day stays on it."""
    from assistant.ui import chart_limits, positions_chart

    a, _, _ = store
    claims = sorted(a.positions("Lena Sorvik"), key=lambda c: (c.when, c.start))
    assert [(c.when[:10], c.kind) for c in claims] == [("2025-04-10", "rejection")] + [("2026-03-14", "pledge")] * 3
    frame = positions_chart(claims)
    limits = chart_limits(frame)
    assert limits is not None
    width = limits[1] - limits[0]
    pledges = frame[frame["kind"] == "pledge"]
    assert list(pledges["when"]) == ["2026-03-14"] * 3 and list(pledges["#"]) == [2, 3, 4]
    xs = sorted(d.timestamp() for d in pledges["date"])
    assert all(b - a >= 0.005 * width for a, b in zip(xs, xs[1:])), (xs, width)
    day = datetime(2026, 3, 14, 12, tzinfo=timezone.utc).timestamp()
    assert all(abs(x - day) <= 0.05 * width for x in xs), (xs, day, width)
    [rejection] = frame[frame["kind"] == "rejection"]["date"]
    assert str(rejection.date()) == "2025-04-10"


@pytest.fixture(scope="module")
def page(store):
    """The Positions tab of the UI over the module's store, in headless Chromium (skipped without it)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_web import ServerThread

    from assistant.api import build_app

    with ServerThread(build_app(store[0])) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        pg = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        pg.goto(url + "/")
        pg.wait_for_selector("#question textarea", timeout=LONG)
        pg.get_by_role("tab", name="Positions").click()
        pg.wait_for_selector("#timeline table.attache-actors", timeout=LONG)
        yield pg
        browser.close()


def test_statements_of_one_day_and_kind_each_show_and_hover_in_the_browser(page):
    """In the drawn chart: the three pledges of one day are three points side by side (they were one on
    top of another), each hovered shows its own statement, dated 2026-03-14."""
    page.fill("#actor input", "Lena Sorvik")
    page.click("#positions-button")
    points = page.locator("#positions-chart svg g.mark-symbol path")
    points.nth(3).wait_for(timeout=LONG)
    drawn = points.evaluate_all("ps => ps.map(p => [p.getAttribute('aria-label'), p.getBoundingClientRect().toJSON()])")
    pledges = sorted((box["x"] + box["width"] / 2, box["y"], box["width"], label)
                     for label, box in drawn if "kind: pledge" in label)
    assert len(pledges) == 3 and len({round(y) for _, y, _, _ in pledges}) == 1, drawn
    assert all(b[0] - a[0] >= a[2] for a, b in zip(pledges, pledges[1:])), pledges  # side by side, none hidden
    from playwright.sync_api import expect

    tip = page.locator("#vg-tooltip-element")
    for x, y, width, label in pledges:
        page.mouse.move(x, y + width / 2)
        expect(tip).to_contain_text(label.split("statement: ", 1)[1][:30], timeout=LONG)  # its own statement
        assert "2026-03-14" in tip.inner_text(), tip.inner_text()


# ------------------------------------------------------------------ 3. speech records: no Markdown in the text

def test_a_speech_records_markdown_is_removed_when_loaded(store):
    """The speech record's "**", "###", "---", "> " and "*...*" are not in its text; each removed run is in
    the cleaning report at its offsets in the record's text; the words stay. A news record's asterisks
    ("f***ing") are its own and stay."""
    _, _, folder = store
    [doc] = list(load_file(folder / "speeches.jsonl"))
    assert not any(mark in doc.text for mark in ("*", "#", "---", ">")), doc.text
    assert doc.text.startswith("Mr President,\nExcellencies,\n\nI. Opening\n\n"), doc.text
    assert "Norway will double its climate funding by 2030." in doc.text
    assert "“We will not leave the Pact for the Future on paper.”" in doc.text
    raw = SPEECH["text"].strip()
    markup = [r for r in doc.meta["removed"] if r["what"] == "markup"]
    assert markup and all(raw[r["start"]:r["end"]] == r["text"] for r in markup), markup
    assert {r["text"].strip() for r in markup} == {"**", "---", "###", ">", "*", "* * *"}, markup
    news = folder / "news.jsonl"
    news.write_text(json.dumps(NEWS, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = list(load_file(news))
    assert "f***ing world" in article.text


def test_a_speech_records_citations_quote_its_text_without_markdown(store):
    """Statements and answers from the speech quote its words without the markup, at offsets into the
    stored text (the quote is the text there)."""
    a, _, _ = store
    [doc_id] = {c.doc_id for c in a.positions("Norway")}
    text = a.document(doc_id).text
    claims = a.positions("Norway")
    assert any("double its climate funding" in c.text for c in claims), [c.text for c in claims]
    for c in claims:
        assert "*" not in c.text and text[c.start:c.end] == c.text, (c.text, text[c.start:c.end])
    ans = a.ask("What did Norway pledge?")
    assert not ans.abstained and ans.citations, ans.answer
    assert any("double its climate funding" in c.quote for c in ans.citations), ans.answer
    for c in ans.citations:
        assert "*" not in c.quote and text[c.start:c.end] == c.quote, (c.quote, text[c.start:c.end])


def test_the_shared_speeches_load_without_bold_markup(datasets_dir):
    """The shared corpus as it is: 63 of its 1,938 records hold "**" (62 of them of 2024); loaded, none."""
    path = datasets_dir / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    assert sum("**" in r["text"] for r in records) == 63
    docs = list(load_file(path))
    assert len(docs) == 1938
    assert [d.meta.get("iso3") for d in docs if "**" in d.text] == []
