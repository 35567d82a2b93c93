"""The Positions tab takes an actor typed by hand (new-user finding C1).

The Actor dropdown is pre-filled with the most quoted actor ("Samoa (50)" in the user's store).
Typing a name that is not among its choices ("Hungary": no statement is credited to Hungary by
name, but its foreign minister has six) and pressing Show snapped the field back to the pre-filled
actor and showed THAT actor's statements, with no message. A typed name must be read as
``attache positions NAME`` reads it (``Assistant.positions``), and a name matching nobody must say
so over an empty table, never show another actor's.

Real server (uvicorn in a thread), real Gradio frontend in headless Chromium, real store.
"""
import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import re  # noqa: E402

import pytest  # noqa: E402
from test_web import ServerThread  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LONG = 90_000  # ms

ARTICLES = {
    "2024-01-15-hungary-blocks.md": """---
title: Hungary blocks EU's 50 billion euro Ukraine package
source: Harbour Post
published: 2024-01-15
---
Hungary blocks EU's 50 billion euro Ukraine package

BRUSSELS — Hungary's Foreign Minister Gábor Kertész rejected on Monday the European Union's proposed 50 billion euro \
aid package for Ukraine, saying Budapest would not accept joint EU borrowing to fund it.

"Hungary will not sign a blank cheque for a war without an end," Kertész said after a meeting of EU foreign ministers.

Polish Prime Minister Tomasz Wrona criticised Budapest's stance, calling the veto "a gift to the Kremlin". According \
to Wrona, Kertész had promised in December to lift the veto once frozen EU funds for Hungary were released.

Slovakia's prime minister, Marek Holub, said he would not block the package but wanted guarantees that Slovak firms \
could bid for reconstruction contracts.
""",
    "2024-02-02-hungary-drops-veto.md": """---
title: Hungary drops veto, backs Ukraine aid after EU agrees annual review
source: Harbour Post
published: 2024-02-02
---
Hungary drops veto, backs Ukraine aid after EU agrees annual review

BRUSSELS — Hungary on Thursday dropped its objection to the European Union's 50 billion euro aid package for \
Ukraine, after the other 26 member states agreed to review the spending every year.

Foreign Minister Gábor Kertész said Hungary would support the package. "We have received the guarantees we asked \
for, and Hungary will vote in favour," he said.
""",
    "2024-03-04-turkey-grain.md": """---
title: Turkey proposes Istanbul inspections for Black Sea grain ships
source: Meridian Wire
published: 2024-03-04
---
Turkey proposes Istanbul inspections for Black Sea grain ships

ANKARA — Turkey proposed on Monday a new inspection regime for grain ships leaving Ukrainian ports, as foreign \
ministers and envoys from five countries met in Ankara for a second round of talks on Black Sea shipping.

Ukraine's Deputy Foreign Minister Olena Marchenko and Romania's Foreign Minister Ioana Dumitrescu both attended the \
closing session. Marchenko thanked the hosts, and Dumitrescu warned that mines drifting in the western Black Sea \
remained a threat to shipping. "Romania will pay for two more minesweepers this year, and we expect our allies to \
match that," she said.
""",
}
TOP = "Gábor Kertész"  # the most quoted actor: the Actor field's pre-filled choice
TYPED = "Romania"  # no statement credited to Romania by name; its foreign minister's are Romania's
NOBODY = "Nobody Atall"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from assistant import Assistant

    folder = tmp_path_factory.mktemp("ui-findings")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    a = Assistant.open(store=folder / "store", create=True)
    assert a.ingest(sorted(folder / n for n in ARTICLES)).ok
    return a


@pytest.fixture(scope="module")
def url(assistant):
    from assistant.api import build_app

    with ServerThread(build_app(assistant)) as u:
        yield u + "/"


def test_the_store_makes_the_finding(assistant):
    """The shape of the user's store: the typed name is no choice of the picker, yet
    ``Assistant.positions`` (what `attache positions` lists) finds its statements; the pre-filled
    actor is another."""
    from assistant.ui import _actor_choices

    choices = _actor_choices(assistant)
    assert choices[0][1] == TOP
    assert TYPED not in {v for _, v in choices} and TYPED not in {label for label, _ in choices}
    assert {c.actor for c in assistant.positions(TYPED)} == {"Ioana Dumitrescu"}
    assert assistant.positions(NOBODY) == []


def test_the_positions_endpoint_takes_a_typed_actor(url, assistant):
    """gradio_client's /positions (the Show button's event): a typed name is read as
    ``Assistant.positions`` reads it, a picker label typed with its count ("Gabor Kertesz (6)") as
    its actor, and a name matching nobody gets the message over an empty table."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    timeline = client.predict(TYPED, "", "", api_name="/positions")[0]
    assert "Ioana Dumitrescu" in timeline and TOP not in timeline, timeline
    assert timeline.count("<tr>") - 1 == len(assistant.positions(TYPED))  # (the header's row)
    label = client.predict("Gabor Kertesz (6)", "", "", api_name="/positions")[0]
    assert label.count("<tr>") - 1 == len(assistant.positions(TOP)) and "Dumitrescu" not in label, label
    none = client.predict(NOBODY, "", "", api_name="/positions")[0]
    assert f"No statements by {NOBODY} in the index" in none and "<tr>" not in none, none
    narrowed = client.predict(TYPED, "", "rejection", api_name="/positions")[0]
    assert "No statements by Romania of kind rejection" in narrowed and "<tr>" not in narrowed, narrowed
    assert "Romania has 2 statements" in narrowed, narrowed


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, url):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.goto(url)
    pg.wait_for_selector("#question textarea", timeout=LONG)
    pg.get_by_role("tab", name="Positions").click()
    pg.wait_for_selector("#timeline table.attache-actors", timeout=LONG)
    yield pg
    ctx.close()


def _show(page, typed: str) -> str:
    """Type ``typed`` into the Actor field (replacing what is in it), press Show (no pick from the
    list), and return the timeline's text once its new table or message is in."""
    page.evaluate("() => document.querySelectorAll('#timeline *').forEach((el) => { el.dataset.stale = '1'; })")
    page.fill("#actor input", typed)
    page.click("#positions-button")
    page.wait_for_function("() => !!document.querySelector("
                           "'#timeline table.attache-timeline:not([data-stale]), #timeline p.attache-meta:not([data-stale])')",
                           timeout=LONG)
    return page.inner_text("#timeline")


def test_a_typed_actor_shows_its_own_statements_never_the_prefilled_ones(page, assistant):
    assert page.input_value("#actor input").startswith(TOP)  # pre-filled, as the user saw it
    shown = _show(page, TYPED)
    who = page.locator("#timeline table.attache-timeline td.who").all_inner_texts()
    assert len(who) == len(assistant.positions(TYPED)) and all("Ioana Dumitrescu" in w for w in who), shown
    assert TOP not in shown, shown
    assert page.input_value("#actor input") == TYPED  # the field keeps what was typed
    # a choice's label typed whole, count and all: that actor
    _show(page, f"{TOP} (6)")
    rows = page.locator("#timeline table.attache-timeline td.who").all_inner_texts()
    assert len(rows) == len(assistant.positions(TOP)) and all(TOP in w for w in rows)
    # a surname typed plainly (no choice is a surname alone)
    shown = _show(page, "Dumitrescu")
    assert page.input_value("#actor input") == "Dumitrescu"
    rows = page.locator("#timeline table.attache-timeline td.who").all_inner_texts()
    assert len(rows) == len(assistant.positions("Dumitrescu")) and all("Ioana Dumitrescu" in w for w in rows)
    assert TOP not in shown, shown


def test_a_typed_name_matching_nobody_says_so_over_an_empty_table(page):
    shown = _show(page, NOBODY)
    assert re.search(rf"No statements by {NOBODY} in the index", shown), shown
    assert page.locator("#timeline table tbody tr").count() == 0, shown
    assert TOP not in shown, shown
    assert not page.locator("#positions-chart").is_visible()
    assert not page.locator("#positions-csv").is_visible()
