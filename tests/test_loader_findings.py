"""Loader faults a new user found (pass nup11), each reproduced with the shape they pasted, written
here, and loaded through the public loader (``index.loaders.load_file``).

C2: an article pasted with its web page's furniture ("Skip to content" / "Menu" / "Sign in" / title /
"Business Today | Latest Stock Market And Economy News India" / "Published 07 Oct 2023 15:37" / "Share")
lost its masthead as a "byline": no outlet, or the copyright footer's owner ("Globes Publisher Itonut").
C3: a UN General Debate speech pasted with a header "UN General Debate, session 76 (2021)" was read as a
speech but undated ("UN General Debate, undated"): only "76th session" was read.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from index.loaders import load_file
from index.models import Document


def load_text(tmp_path: Path, name: str, text: str) -> Document:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    [doc] = list(load_file(p))
    assert isinstance(doc, Document), doc
    return doc


# ------------------------------------------------------------------ C2: a masthead line under the title

_FURNITURE = "Skip to content\nMenu\nSign in\n"
_BT_BODY = ("Hamas' surprise attack on Israel has shocked many who are now questioning the country's famed "
            "intelligence agency Mossad, which is known for its intelligence-gathering capability.\n\n"
            "Younis Tirawi, who reports on Palestinian Affairs, said that Hamas militants had taken over Sderot "
            "police HQ and armored vehicles in the town.\n")
_GLOBES_BODY = ("The first week of fighting in the bitter war in Israel's south is almost over, with the financial "
                "markets trying to gauge the damage that the Israeli economy will sustain.\n\n"
                "\"As for cutting the interest rate, it's too early to consider that,\" Leiderman concludes.\n\n"
                "Published by Globes, Israel business news - en.globes.co.il - on October 12, 2023.\n\n"
                "© Copyright of Globes Publisher Itonut (1983) Ltd., 2023.\n\n"
                "More on this story\nSome other headline here\n")


def test_a_masthead_with_a_tagline_beside_a_published_line_under_page_furniture_is_the_outlet(tmp_path):
    """mh11: the masthead line after the title, under the page's links, was removed as a byline and the
    article had no outlet ("unknown outlet")."""
    doc = load_text(tmp_path, "mh11.txt", _FURNITURE + (
        "'Massive intel failure by Mossad': Hamas' surprise attack on Israel shocks internet\n"
        "Business Today | Latest Stock Market And Economy News India\n"
        "Published 07 Oct 2023 15:37\n\nShare\n\n") + _BT_BODY)
    assert (doc.title, doc.source, doc.published[:10]) == (
        "'Massive intel failure by Mossad': Hamas' surprise attack on Israel shocks internet", "Business Today",
        "2023-10-07"), (doc.title, doc.source, doc.published)
    assert "Business Today" not in doc.text and "Skip to content" not in doc.text and "Share" not in doc.text
    assert doc.text.startswith("'Massive intel failure") and "Hamas militants had taken over" in doc.text
    assert {"what": "outlet line", "text": "Business Today | Latest Stock Market And Economy News India"} in [
        {k: r[k] for k in ("what", "text")} for r in doc.meta["removed"]]


def test_a_masthead_under_page_furniture_wins_over_the_copyright_footers_owner(tmp_path):
    """mh04: "Globes English | Israel Business Arena" beside the date line gave way to the footer's
    "Globes Publisher Itonut"; the masthead is the outlet the page names itself by."""
    doc = load_text(tmp_path, "mh04.txt", _FURNITURE + (
        "\"There are no sacred numbers\"\nGlobes English | Israel Business Arena\nPublished 12 Oct 2023 18:50\n\n"
        "Share\n\n") + _GLOBES_BODY)
    assert (doc.title, doc.source, doc.published[:10]) == (
        "\"There are no sacred numbers\"", "Globes English", "2023-10-12"), (doc.title, doc.source, doc.published)
    # the date line after the masthead, or before it: the same masthead
    doc = load_text(tmp_path, "mh04b.txt", _FURNITURE + (
        "\"There are no sacred numbers\"\nPublished 12 Oct 2023 18:50\nGlobes English | Israel Business Arena\n\n"
        "Share\n\n") + _GLOBES_BODY)
    assert (doc.source, doc.published[:10]) == ("Globes English", "2023-10-12"), (doc.source, doc.published)


@pytest.mark.parametrize("byline, outlet", [
    ("Hanne Petrov | Northgate Times", "Northgate Times"),    # a person, then the outlet they write for
    ("Hanne Petrov | The Northgate Times", "The Northgate Times"),
    ("Jane Doe | Reuters", "Reuters"),
    ("By Jane Doe | Reuters", "Reuters"),
    ("By Jane Doe, diplomatic correspondent", ""),           # a role is no outlet
])
def test_a_byline_under_page_furniture_beside_the_date_line_stays_a_byline(tmp_path, byline, outlet):
    """The masthead rule does not turn a person's byline (with a bar, or "By") into the outlet."""
    doc = load_text(tmp_path, "byline.txt", _FURNITURE + (
        "Kesh offers to mediate in the Ostra border dispute\n" + byline + "\nPublished 12 Mar 2025 09:10\n\n"
        "Share\n\n") + "Kesh's foreign minister offered on Tuesday to mediate between Ostra and its northern "
        "neighbour, saying talks could begin within weeks.\n")
    assert (doc.title, doc.source, doc.published[:10]) == (
        "Kesh offers to mediate in the Ostra border dispute", outlet, "2025-03-12"), (doc.source, doc.meta)
    assert "Jane Doe" not in doc.source and "Hanne Petrov" not in doc.source


@pytest.mark.parametrize("between", ["Share\nSave\n", ""])
def test_a_name_over_a_role_line_beside_the_date_line_is_a_byline_not_the_outlet(tmp_path, between):
    """The shared page-furniture case: "Mira Stoll" / "Diplomatic correspondent, Ostra" after the date line
    (with share buttons between, or none) is the reporter, not the outlet."""
    doc = load_text(tmp_path, "tarsena.txt", "Tarsena recalls ambassador after border shooting\n\n12 March 2024\n"
                    + between + "Mira Stoll\nDiplomatic correspondent, Ostra\n\nTarsena has recalled its ambassador "
                    "to Velmor after a Tarsenan farmer was shot near the Kessa crossing on Sunday.\n")
    assert (doc.title, doc.source, doc.published) == (
        "Tarsena recalls ambassador after border shooting", "", "2024-03-12"), (doc.title, doc.source, doc.published)
    assert "Mira Stoll" not in doc.text


def test_a_section_line_over_the_title_is_not_the_outlet(tmp_path):
    """A section label above the title ("World") is the title's neighbour, not the date line's: no outlet."""
    doc = load_text(tmp_path, "section.txt", _FURNITURE + (
        "World\nKesh offers to mediate in the Ostra border dispute\nPublished 12 Mar 2025 09:10\n\n")
        + "Kesh's foreign minister offered on Tuesday to mediate between Ostra and its neighbour.\n")
    assert doc.source != "World" and doc.published[:10] == "2025-03-12", (doc.source, doc.published)


# ------------------------------------------------------------------ C3: a General Debate header line

_SPEECH = ("Mr. President,\nDistinguished delegates, Ladies and Gentlemen.\n"
           "It is an honour to address this Assembly for the first time as our Prime Minister. We must remain "
           "connected in our fight for a just and peaceful future for our people and our planet. I believe we "
           "should not surrender to a future of perpetual crises. We need an effective United Nations.\n")


@pytest.mark.parametrize("header, published", [
    ("UN General Debate, session 76 (2021)", "2021"),    # as the user pasted it
    ("UN General Debate, Session 76", "2021"),           # no year: 1945 + the session
    ("UN General Debate, 76th session", "2021"),
    ("UN General Debate - Session 76 - 2021", "2021"),   # the dataset's folder spelling ("Session 70 - 2015")
    ("General Debate of the seventy-sixth session", "2021"),
    ("UN General Debate, session 76 (2022)", "2022"),    # a year of the session (it runs to September 2022)
])
def test_a_pasted_general_debate_speech_is_dated_by_its_header_line(tmp_path, header, published):
    doc = load_text(tmp_path, "un_WSM_76_2021.txt",
                    "Samoa: Fiamē Naomi Mataʻafa, Prime Minister\n" + header + "\n\n" + _SPEECH)
    assert (doc.title, doc.source, doc.published) == (
        "Fiamē Naomi Mataʻafa, Prime Minister, Samoa", "UN General Debate, session 76", published), (
        doc.title, doc.source, doc.published)
    assert doc.meta["country"] == "Samoa"


def test_a_general_debate_header_naming_only_a_year_gives_its_session(tmp_path):
    doc = load_text(tmp_path, "speech.txt", "Samoa: Fiamē Naomi Mataʻafa, Prime Minister\n"
                    "UN General Debate (2021)\n\n" + _SPEECH)
    assert (doc.source, doc.published) == ("UN General Debate, session 76", "2021"), (doc.source, doc.published)


def test_a_year_at_odds_with_the_session_is_not_taken(tmp_path):
    """"session 76 (2015)": one of the two is mistyped; the session (the corpus's key) dates it."""
    doc = load_text(tmp_path, "speech.txt", "Samoa: Fiamē Naomi Mataʻafa, Prime Minister\n"
                    "UN General Debate, session 76 (2015)\n\n" + _SPEECH)
    assert (doc.source, doc.published) == ("UN General Debate, session 76", "2021"), (doc.source, doc.published)
