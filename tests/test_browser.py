"""The Gradio UI in a real browser (Debian's Chromium driven by Playwright)."""
import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import re  # noqa: E402
import shutil  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from test_web import GRAIN_Q, ServerThread, build_store  # noqa: E402

from assistant.ui import EXAMPLE_QUESTIONS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LONG = 90_000  # ms: a first answer loads models on 2 busy cores


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


#: An outlet with a long name (the Library lists it whole); its article is the oldest dated one, so a top row.
LONG_OUTLET = "The Sydney Morning Herald International Edition"
LONG_OUTLET_ARTICLE = f"""---
title: Lumeria names a new envoy to Castrova
source: {LONG_OUTLET}
published: 2001-03-05
---

Lumeria names a new envoy to Castrova

The Republic of Lumeria named a career diplomat as its envoy to Castrova on Monday.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    a = build_store(folder)
    article = folder / "2001-03-05-lumeria-envoy.md"
    article.write_text(LONG_OUTLET_ARTICLE, encoding="utf-8")
    assert a.ingest([article]).added == 1
    return a


@pytest.fixture(scope="module")
def url(assistant):
    from assistant.api import build_app

    with ServerThread(build_app(assistant)) as u:
        yield u + "/"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(request, browser, url):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.dialogs = []  # any alert/confirm would mean injected script ran
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.goto(url)
    pg.wait_for_selector("#question textarea", timeout=LONG)
    failed = request.session.testsfailed
    yield pg
    if request.session.testsfailed > failed:  # the call's report is in before teardown: keep a picture
        shot(pg, f"failed-{request.node.name}.png")
    ctx.close()


def wait_answered(page, question: str, before: str) -> None:
    """Wait until the chat shows the answer to ``question`` (not the draft) and the sources panel
    has changed from ``before``."""
    page.wait_for_function(
        "([q, before]) => { const c = document.querySelector('#chatbot').innerText;"
        " const p = document.querySelector('#sources-panel').innerText;"
        " return c.includes(q) && !c.includes('Searching the articles') && !c.includes(' …') && p !== before; }",
        arg=[question, before], timeout=LONG)


def ask(page, question: str) -> None:
    before = page.inner_text("#sources-panel")
    page.fill("#question textarea", question)
    page.click("#ask-button")
    wait_answered(page, question, before)


def shot(page, name: str, full_page: bool = True) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


def doc_shot(page, name: str, full_page: bool = True) -> Path:
    """``shot``, also copied to docs/screenshot-NAME for the README when ATTACHE_SCREENSHOTS=1
    (a normal run leaves the tree alone)."""
    path = shot(page, name, full_page)
    if "1" in (os.environ.get("ATTACHE_SCREENSHOTS"), os.environ.get("ATTACHE_UPDATE_SCREENSHOT")):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, ROOT / "docs" / f"screenshot-{name}")
    return path


def choose(page, dropdown: str, name: str) -> None:
    """Pick the option of a Gradio dropdown whose label starts with ``name``; wait for the list to close."""
    page.click(f"{dropdown} input")
    page.fill(f"{dropdown} input", name)
    page.get_by_role("option", name=re.compile("^" + re.escape(name))).first.click()
    page.keyboard.press("Escape")  # a multiselect stays open
    page.wait_for_selector("ul.option-list", state="detached", timeout=LONG)


def unlabelled_inputs(page) -> list[str]:
    """The visible inputs (input, textarea, select) of the open tab that have no accessible name:
    no non-empty <label>, aria-label or aria-labelledby text (what a screen reader announces)."""
    return page.evaluate("""() => {
        const panel = [...document.querySelectorAll('[role=tabpanel]')].find((p) => p.offsetParent !== null);
        const name = (el) => (el.getAttribute('aria-label') || '').trim()
            || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map((id) => {
                   const x = id && document.getElementById(id); return x ? x.textContent.trim() : ''; }).join('')
            || [...(el.labels || [])].map((l) => l.textContent.trim()).join('');
        return [...panel.querySelectorAll('input, textarea, select')]
            .filter((el) => el.offsetParent !== null && el.type !== 'hidden' && !name(el))
            .map((el) => el.outerHTML.slice(0, 120));
    }""")


def labelled(page, label: str) -> None:
    """An input is found by ``label`` (its accessible name) and the label is shown on the page (not
    only to screen readers: Gradio's ``show_label=False`` keeps it as a 1-pixel "sr-only" text)."""
    sync_api.expect(page.get_by_label(label, exact=True)).to_be_visible()
    text = page.get_by_text(label, exact=True).first
    sync_api.expect(text).to_be_visible()
    box = text.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 5, (label, box)


def test_chat_answer_sources_and_highlighted_article(page, assistant):
    expected = assistant.ask(GRAIN_Q).to_dict()
    # before any answer: no empty "Open a source" box, and the chat's label sits outside the scrolled chat
    assert not page.locator("#source-picker").is_visible()
    assert page.locator("#chatbot").get_by_text("Conversation", exact=True).count() == 0
    first = expected["citations"][0]
    ask(page, GRAIN_Q)
    chat = page.inner_text("#chatbot")
    assert "[1]" in chat and "The articles do not say" not in chat
    panel = page.inner_text("#sources-panel")
    assert first["source"] in panel and first["title"] in panel
    marks = [squash(m) for m in page.locator("#sources-panel mark").all_inner_texts()]
    assert squash(first["quote"]) in marks

    page.locator("#source-picker label").first.click()
    page.wait_for_selector("#article-view mark#cited", timeout=LONG)
    assert squash(page.inner_text("#article-view mark#cited")) == squash(first["quote"])
    heading = page.inner_text("#article-view h3").strip()
    assert squash(page.inner_text("#article-view")).count(squash(heading)) == 1  # the title once
    doc_shot(page, "chat.png")

    # a follow-up goes through with the conversation so far
    ask(page, "And what did Ostmark say about the escort ships?")
    assert page.inner_text("#chatbot").count("[1]") >= 2
    # each answer's markers keep pointing at its own sources: the first answer's [1] opens the first
    # answer's source 1 (folded under "Sources of answer 1"), not the follow-up's
    answers = page.locator("#chatbot .message-row").filter(has=page.locator("a[href^='#source-']"))
    assert answers.count() == 2
    assert answers.nth(0).locator("a[href='#source-1-1']").count() == 1
    assert answers.nth(1).locator("a[href='#source-2-1']").count() == 1
    assert answers.nth(1).locator("a[href^='#source-1-']").count() == 0
    assert not page.locator("#sources-panel li#source-1-1").is_visible()  # folded until asked for
    answers.nth(0).locator("a[href='#source-1-1']").click()
    page.wait_for_selector("#sources-panel li#source-1-1.attache-target", state="visible", timeout=LONG)
    assert squash(page.inner_text("#sources-panel li#source-1-1 mark")) == squash(first["quote"])
    assert "Sources of answer 1" in page.inner_text("#sources-panel")


TIMELINE_Q = "How has Ostmark's stance on sanctions relief talks with Veloria changed?"


def test_timeline_answer_lists_statements_with_markers_that_jump(page, assistant):
    expected = assistant.ask(TIMELINE_Q)
    assert len(expected.citations) >= 2
    ask(page, TIMELINE_Q)
    answer = page.locator("#chatbot .message-row").last
    items = answer.locator("li")
    assert items.count() == len(expected.citations)  # one dated statement a list item
    for i in range(items.count()):
        text = items.nth(i).inner_text()
        assert re.match(r"\d{4}(-\d{2}){0,2} \(", text) and f"[{i + 1}]" in text, text  # a day, or a month
    links = answer.locator("a[href^='#source-']")
    assert links.count() == len(expected.citations)
    assert page.locator("#chatbot a[href^='javascript']").count() == 0
    n = len(expected.citations)
    pages_before = len(page.context.pages)
    answer.locator(f"a[href='#source-1-{n}']").click()
    page.wait_for_selector(f"#sources-panel li#source-1-{n}.attache-target", timeout=LONG)
    assert page.locator("#sources-panel li.attache-target").count() == 1
    assert len(page.context.pages) == pages_before  # no new tab
    box = page.locator(f"#source-1-{n}").bounding_box()
    assert box is not None and 0 <= box["y"] < 1000  # scrolled into view
    shot(page, "chat-timeline.png")

    # "Copy as Markdown": the last answer with footnotes in a copyable code box
    assert not page.locator("#answer-markdown").is_visible()
    page.click("#copy-markdown")
    page.wait_for_selector("#answer-markdown .cm-content", timeout=LONG)
    page.wait_for_function("document.querySelector('#answer-markdown').innerText.includes('[^1]:')", timeout=LONG)
    shot(page, "chat-markdown.png")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#answer-markdown button[aria-label*='opy'], #answer-markdown button[title*='opy']").first.click()
    md = page.evaluate("navigator.clipboard.readText()")
    assert md.startswith("**Q:** How has Ostmark") and "[^1]" in md, md
    assert all(f"[^{c.n}]: " in md and c.doc_id in md for c in expected.citations), md


def test_example_question_and_abstention(page, assistant):
    """Clicking an example question asks it (not only fills the box), with the filters applied."""
    q = EXAMPLE_QUESTIONS[2]
    expected = assistant.ask(q)
    assert expected.citations and not expected.abstained
    before = page.inner_text("#sources-panel")
    page.get_by_text(q, exact=True).first.click()
    wait_answered(page, q, before)
    chat = page.inner_text("#chatbot")
    assert "[1]" in chat and "The articles do not say" not in chat, chat
    marks = [squash(m) for m in page.locator("#sources-panel mark").all_inner_texts()]
    assert squash(expected.citations[0].quote) in marks
    sync_api.expect(page.locator("#question textarea")).to_have_value("")  # asked, as the Ask button does

    ask(page, "What did Brazil decide about lithium mining royalties in 1998?")
    reply = page.locator("#chatbot .message-row").last.inner_text()
    # Said once, plainly (not "Not in the articles. The articles do not say.")
    assert reply.count("The articles do not say") == 1 and "Not in the articles" not in reply
    assert "No sources" in page.inner_text("#sources-panel")

    # the filters apply as with Ask: nothing is dated up to 2000, so the example clicked is not answered
    page.get_by_role("button", name="New conversation").click()
    sync_api.expect(page.locator("#sources-panel")).to_contain_text("The sources of an answer appear here")
    page.get_by_text("Filters", exact=True).first.click()
    page.fill("#until input", "2000-01-01")
    q = EXAMPLE_QUESTIONS[0]
    page.locator("#example-questions").get_by_text(q[:30]).first.click()  # (shown cut short)
    sync_api.expect(page.locator("#sources-panel")).to_contain_text("No sources", timeout=LONG)
    wait_answered(page, q, "")
    reply = page.locator("#chatbot .message-row").last.inner_text()
    assert reply.count("The articles do not say") == 1, reply


def test_library_upload_lists_documents_and_errors(page, tmp_path):
    good = tmp_path / "lumeria-embassy.txt"
    good.write_text("Lumeria opens embassy in Castrova\n\nCASTROVA, July 1 (Harbour Post) — The Republic of "
                    "Lumeria opened an embassy in Castrova on Tuesday, its foreign ministry said, calling the move "
                    "\"a new chapter\" in relations with Veloria.\n", encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    page.get_by_role("tab", name="Library").click()
    page.wait_for_selector("#upload", state="visible", timeout=LONG)
    # On a loaded machine the tab may still re-render after it shows, replacing the file input the
    # files were set on: set them again until the upload lists them (the wait is on the page, not a sleep).
    for attempt in range(3):
        page.set_input_files("#upload input[type=file]", [str(good), str(bad)])
        try:
            page.wait_for_function("document.querySelector('#upload').innerText.includes('lumeria-embassy.txt')",
                                   timeout=LONG)
            break
        except sync_api.TimeoutError:
            if attempt == 2:
                raise
    page.click("#ingest-button")
    page.wait_for_selector("#ingest-report p", timeout=LONG)
    report = page.inner_text("#ingest-report")
    assert "Added 1" in report and "empty.txt" in report and "empty file" in report
    page.wait_for_function("document.querySelector('#documents').innerText.includes('Lumeria opens embassy')",
                           timeout=LONG)
    # neither the dates nor the "chunks" header wrap at 1400 px
    lines = page.evaluate("""() => {
        const out = {};
        for (const el of document.querySelectorAll('#documents th *, #documents td *')) {
            const t = el.textContent.trim();
            if (el.children.length || !(t === 'chunks' || /^\\d{4}-\\d{2}-\\d{2}$/.test(t))) continue;
            const r = document.createRange(); r.selectNodeContents(el);
            const tops = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
            out[t] = Math.max(out[t] || 0, tops.size);
        }
        return out;
    }""")
    assert "chunks" in lines and len(lines) > 1, lines
    assert all(v == 1 for v in lines.values()), lines
    shot(page, "library.png")


def test_library_shows_a_long_outlet_name_whole(page, assistant):
    """A long outlet name is listed whole: wrapped in its cell, not cut short or clipped."""
    assert [d.source for d in assistant.documents()].index(LONG_OUTLET) <= 1  # a row shown without scrolling
    page.get_by_role("tab", name="Library").click()
    cell = page.locator("#documents [role=gridcell][data-col='2']").filter(has_text="The Sydney").first  # outlet
    sync_api.expect(cell).to_be_visible(timeout=LONG)
    assert squash(cell.inner_text()) == LONG_OUTLET  # all its words, no "…"
    clipped = cell.evaluate("""(c) => [c, ...c.querySelectorAll('*')]
        .filter((x) => x.scrollWidth > x.clientWidth + 1 || x.scrollHeight > x.clientHeight + 1)
        .map((x) => [x.tagName, x.scrollWidth, x.clientWidth, x.scrollHeight, x.clientHeight])""")
    assert clipped == [], clipped
    box, table = cell.bounding_box(), page.locator("#documents").bounding_box()
    assert box and table and table["x"] <= box["x"] and box["x"] + box["width"] <= table["x"] + table["width"]


def test_xss_article_is_shown_as_text(page, assistant):
    doc = next(d for d in assistant.documents() if d.source.startswith("Xss"))
    page.get_by_role("tab", name="Library").click()
    page.fill("#doc-id input", doc.doc_id)
    page.click("#open-doc")
    page.wait_for_selector("#doc-view article", timeout=LONG)
    view = page.inner_text("#doc-view")
    assert "<script>window.__xss=1</script>" in view and 'onerror="window.__xss=2"' in view
    assert page.locator("#doc-view script, #doc-view img, #doc-view a[href^='javascript']").count() == 0
    shot(page, "xss-library.png")

    page.get_by_role("tab", name="Chat").click()
    ask(page, "What did Varga say about copper tariffs?")
    page.locator("#source-picker label").first.click()
    page.wait_for_selector("#article-view mark#cited", timeout=LONG)
    assert "<img src=x" in page.inner_text("#sources-panel")
    page.wait_for_timeout(500)  # give any injected handler a chance to run
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    shot(page, "xss-chat.png")


def test_positions_timeline_opens_passage(page, assistant, tmp_path):
    import csv

    from assistant.render import CLAIM_COLUMNS

    page.get_by_role("tab", name="Positions").click()
    # before any choice: the most quoted actors, and a labelled "any kind"
    top = assistant.actors()[0].actor
    page.wait_for_selector("#timeline table.attache-actors", timeout=LONG)
    assert top in page.inner_text("#timeline") and "Most quoted" in page.inner_text("#timeline")
    assert page.input_value("#kind input") == "any kind"
    assert not page.locator("#positions-chart").is_visible()  # no empty chart before a choice
    shot(page, "positions-start.png")

    page.fill("#actor input", "Lena Sorvik")
    page.get_by_role("option", name=re.compile("^Lena Sorvik")).first.click()
    page.click("#positions-button")
    page.wait_for_selector("#timeline table.attache-timeline tbody tr", timeout=LONG)

    # the chart above the table: one point per dated statement (# its row), at its month, in its kind's row
    expected = sorted(assistant.positions("Lena Sorvik"), key=lambda c: (c.when, c.start))
    dated = [(i, c.when[:7], c.kind) for i, c in enumerate(expected, 1) if c.when]
    assert len(dated) >= 3 and len({k for _, _, k in dated}) >= 2
    points = page.locator("#positions-chart svg g.mark-symbol path")
    sync_api.expect(points).to_have_count(len(dated), timeout=LONG)
    drawn = []
    for label in points.evaluate_all("ps => ps.map(p => p.getAttribute('aria-label'))"):
        fields = dict(part.split(": ", 1) for part in label.split("; "))
        day = month_of(fields["statement date"])
        drawn.append((int(fields["#"]), day, fields["kind"]))
    assert sorted(drawn) == dated
    axis = page.inner_text("#positions-chart")
    assert all(k in axis for _, _, k in dated)
    chart_box = page.locator("#positions-chart").bounding_box()
    table_box = page.locator("#timeline table").bounding_box()
    assert chart_box and table_box and chart_box["y"] + chart_box["height"] <= table_box["y"]  # above the table
    who = page.locator("#timeline td.who").all_inner_texts()
    assert who
    for w in who:
        assert w.count("Lena Sorvik") == 1 and "((" not in w and "The statement" not in w, w
        assert w.count("Foreign Minister") <= 1, w
    page.click("#statement-picker input")
    page.get_by_role("option").first.click()
    page.wait_for_selector("#statement-view mark#cited", timeout=LONG)
    assert page.inner_text("#statement-view mark#cited").strip()
    picker, view = page.locator("#statement-picker").bounding_box(), page.locator("#statement-view").bounding_box()
    assert picker and view and 0 <= view["y"] - (picker["y"] + picker["height"]) < 120  # opened right below
    page.wait_for_selector("ul.option-list", state="detached", timeout=LONG)
    page.evaluate("window.scrollTo(0, 0)")
    doc_shot(page, "positions.png", full_page=False)

    # the shown statements as CSV
    with page.expect_download(timeout=LONG) as dl:
        page.click("#positions-csv")
    path = tmp_path / "positions.csv"
    dl.value.save_as(path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    assert len(rows) - 1 == len(who) and all(r[1] == "Lena Sorvik" for r in rows[1:])


def month_of(label: str) -> str:
    """A chart date label ("%d %b %Y" or "%b %Y", see ``ui.chart_axis_format``) as YYYY-MM."""
    fmt = "%d %b %Y" if label[:1].isdigit() else "%b %Y"
    return datetime.strptime(label, fmt).strftime("%Y-%m")


def test_chart_of_statements_days_apart_labels_each_tick_once(page):
    """Ilse Varga's statements are all of one day: the x axis labels days, none twice (with the
    month format it read "May 2026, May 2026, ..."), and no raw i18n key ("common.complete",
    Gradio's status announcer) is in the page's text after the event."""
    page.get_by_role("tab", name="Positions").click()
    page.wait_for_selector("#timeline table.attache-actors", timeout=LONG)
    choose(page, "#actor", "Ilse Varga")
    # what Gradio's status announcer says (it clears the line a second later)
    page.evaluate("""() => { window.__announced = [];
      new MutationObserver(() => document.querySelectorAll('[role=status][aria-live=polite]').forEach(
        (e) => { if (e.textContent.trim()) window.__announced.push(e.textContent.trim()); }))
        .observe(document.body, {subtree: true, childList: true, characterData: true}); }""")
    page.click("#positions-button")
    page.locator("#positions-chart svg g.mark-symbol path").first.wait_for(timeout=LONG)
    page.wait_for_function("() => window.__announced.some((a) => a !== 'Loading')", timeout=LONG)
    announced = page.evaluate("window.__announced")
    assert "Complete" in announced and not any("common." in a for a in announced), announced
    ticks = page.locator("#positions-chart svg g.role-axis[aria-label^='X-axis'] g.role-axis-label text")
    labels = [t.strip() for t in ticks.evaluate_all("ts => ts.map(t => t.textContent || '')") if t.strip()]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    assert all(datetime.strptime(x, "%d %b %Y") for x in labels), labels
    point = page.locator("#positions-chart svg g.mark-symbol path").first.get_attribute("aria-label")
    assert re.search(r"statement date: 0[12] May 2026;", point), point  # "on Friday" of a May 2 article
    assert "common.complete" not in page.evaluate("document.body.textContent")


def test_chat_examples_are_about_the_samples_in_the_store(page):
    examples = page.locator("#example-questions")
    sync_api.expect(examples).to_contain_text(EXAMPLE_QUESTIONS[2], timeout=LONG)  # the others are cut short


def test_chart_tooltip_shows_markup_as_text(page):
    page.get_by_role("tab", name="Positions").click()
    page.wait_for_selector("#timeline table.attache-actors", timeout=LONG)
    choose(page, "#actor", "Ilse Varga")
    page.click("#positions-button")
    point = page.locator("#positions-chart svg g.mark-symbol path[aria-label*='#: 2;']")
    point.wait_for(timeout=LONG)
    assert "<script>" in point.get_attribute("aria-label")
    point.hover(force=True)
    tip = page.locator("#vg-tooltip-element")
    sync_api.expect(tip).to_contain_text("<script>window.__xss=1</script>", timeout=LONG)
    assert "Xss Gazette <b>bold</b>" in tip.inner_text()
    assert tip.locator("script, b, img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined" and page.dialogs == []


def test_compare_tab_columns_cite_and_open(page, assistant):
    comparison, expected = assistant.compare(["Veloria", "Ostmark"], topic="sanctions")
    cited = {(c.doc_id, c.start, c.end): c for c in expected.citations}
    columns = {actor: [cited[(c.doc_id, c.sent_start, c.sent_end)] for c in claims
                       if (c.doc_id, c.sent_start, c.sent_end) in cited] for actor, claims in comparison.columns}
    assert all(columns.values()) and len(columns) == 2

    page.get_by_role("tab", name="Compare").click()
    page.wait_for_selector("#compare-columns", timeout=LONG)
    assert "two or more actors" in page.inner_text("#compare-columns")
    assert "**" not in page.inner_text("#compare-columns")  # Markdown is rendered, never shown as asterisks
    assert not page.locator("#compare-picker").is_visible()  # nothing to open yet
    # every input says what it is for: a visible label, which is also its name for a screen reader
    for label in ("Actors (two or more)", "Topic (optional)"):
        labelled(page, label)
    assert unlabelled_inputs(page) == []
    choose(page, "#compare-actors", "Veloria (")
    page.click("#compare-button")  # one actor: a plain message, no stack trace
    page.get_by_text("Choose two or more actors.").first.wait_for(timeout=LONG)
    page.locator(".toast-close").first.click()
    page.wait_for_selector(".toast-body", state="detached", timeout=LONG)
    choose(page, "#compare-actors", "Ostmark (")
    page.fill("#compare-topic input", "sanctions")
    page.click("#compare-button")
    page.wait_for_selector("#compare-columns section.attache-column", timeout=LONG)

    sections = page.locator("#compare-columns section.attache-column")
    assert sections.count() == 2
    assert "**" not in page.locator("[role=tabpanel]:visible").inner_text()
    labelled(page, "Open a statement ([n] in the columns)")
    assert unlabelled_inputs(page) == []
    boxes = [sections.nth(i).bounding_box() for i in range(2)]
    assert boxes[0] and boxes[1] and boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"]  # side by side
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2
    for i, (actor, cites) in enumerate(columns.items()):
        section = sections.nth(i)
        assert section.get_attribute("data-actor") == actor and section.locator("h4").inner_text() == actor
        items = section.locator("li.statement")
        assert items.count() == len(cites)
        for j, c in enumerate(cites):  # date order, each cited: [n], outlet, date, the quoted sentence
            text = squash(items.nth(j).inner_text())
            assert f"[{c.n}]" in text and c.source in text and c.published[:10] in text, text
            assert squash(items.nth(j).locator("blockquote").inner_text()) == squash(c.quote)
        dates = [squash(items.nth(j).locator(".when b").inner_text()) for j in range(items.count())]
        assert dates == sorted(dates)

    last = expected.citations[-1]
    page.click("#compare-picker input")
    page.get_by_role("option", name=re.compile(re.escape(f"[{last.n}] "))).first.click()
    page.wait_for_selector("#compare-view mark#cited", timeout=LONG)
    assert squash(page.inner_text("#compare-view mark#cited")) == squash(last.quote)
    assert page.locator(f"#compare-view article[data-doc-id='{last.doc_id}']").count() == 1
    page.wait_for_selector("ul.option-list", state="detached", timeout=LONG)
    page.evaluate("window.scrollTo(0, 0)")
    doc_shot(page, "compare.png", full_page=False)


def test_library_adds_from_a_link(page, assistant):
    """Runs last: it adds a page to the shared store. The same path as `attache ingest URL`."""
    from dataclasses import replace

    from test_fetch import Site

    site = Site()
    site.thread.start()
    settings = assistant.store.settings
    assistant.store.settings = replace(settings, fetch_private=True)  # the site is on 127.0.0.1
    try:
        good, missing = f"{site.base}/a1.html", f"{site.base}/missing.html"
        page.get_by_role("tab", name="Library").click()
        page.fill("#ingest-url textarea", f"{good} {missing} file:///etc/passwd /etc/hostname")
        page.click("#ingest-url-button")
        page.wait_for_function("document.querySelector('#ingest-report').innerText.includes('Added')", timeout=LONG)
        report = page.inner_text("#ingest-report")
        assert "Added 1" in report and "failed 3" in report, report
        assert f"{missing}: HTTP 404 Not Found" in report
        assert "file:///etc/passwd: not a web link" in report and "/etc/hostname: not a web link" in report
        assert "Traceback" not in report
        page.wait_for_function("document.querySelector('#documents').innerText"
                               ".includes('Veloria pledges grain corridor to Calderra')", timeout=LONG)
        assert page.input_value("#ingest-url textarea").split() == [missing, "file:///etc/passwd", "/etc/hostname"]
        assert {p for p, _ in site.hits} == {"/a1.html", "/missing.html"}
        doc = next(d for d in assistant.documents() if d.url == good)
        assert (doc.source, doc.published[:10]) == ("Harbor Wire", "2024-05-21")
        shot(page, "library-link.png")

        page.fill("#ingest-url textarea", "not a link")  # nothing to fetch: said plainly
        page.click("#ingest-url-button")
        page.wait_for_function("document.querySelector('#ingest-report').innerText.includes('not: not a web link')",
                               timeout=LONG)
    finally:
        assistant.store.settings = settings
        site.server.shutdown()
        site.server.server_close()
        site.thread.join(timeout=5)
