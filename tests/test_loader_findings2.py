"""Loader faults a new user found (pass nup21), each reproduced with the shape they pasted, written here,
and loaded through the public loader (``index.loaders.load_file``).

A page copied whole with the site's name on its own line above the headline ("Skip to content" / "Menu" /
"Sign in" / "Subscribe" / "Financial Times" / "World | Politics | Business" / headline / "By Staff" /
"2023-10-01") got the site's name as its title, and the headline and the section links stayed in the text; a
"Fortune" masthead over the byline "By Topher L. McDougal, The Conversation" gave the outlet "The Conversation".
"""
from __future__ import annotations

import pytest
from test_loader_findings import load_text

_TOP = "Skip to content\nMenu\nSign in\nSubscribe\n"
_BODY = ("Throughout September the world's biggest investment banks hosted a series of conferences on Japan.\n\n"
         "“I would urge you to evaluate what we are doing in my country,” the prime minister told investors.\n")


def _page(masthead: str, headline: str, byline: str = "By Staff", date: str = "2023-10-01",
          section: str = "World | Politics | Business\n") -> str:
    return f"{_TOP}{masthead}\n{section}\n{headline}\n\n{byline}\n{date}\n\nShare this article\n{_BODY}"


@pytest.mark.parametrize("masthead, outlet", [
    ("Financial Times", "Financial Times"),                        # a name with a newspaper's word
    ("Fortune", "Fortune"),                                        # a known outlet's name
    ("Cnbc | World Business News Leader", "Cnbc"),                 # "X | tagline"
    ("Business Today | Latest Stock Market And Economy News India", "Business Today"),
])
def test_a_site_name_line_above_the_headline_is_the_outlet_not_the_title(tmp_path, masthead, outlet):
    headline = "Japan’s prime minister Tanaka says: ‘reassess our economy’"
    doc = load_text(tmp_path, "page.txt", _page(masthead, headline))
    assert (doc.title, doc.source) == (headline, outlet), (doc.title, doc.source)
    assert doc.text.startswith(headline), doc.text[:120]
    assert masthead not in doc.text and "World | Politics | Business" not in doc.text
    removed = {(r["what"], r["text"]) for r in doc.meta["removed"]}
    assert ("outlet line", masthead) in removed and ("section line", "World | Politics | Business") in removed


def test_the_masthead_wins_over_the_outlet_a_byline_names(tmp_path):
    """The page is Fortune's; "The Conversation" in the byline is where the piece first ran."""
    headline = "Blockade means a region the size of a city faces a real risk of starvation, says scholar"
    doc = load_text(tmp_path, "fortune.txt", _page("Fortune", headline, byline="By Anna L. Varga, The Conversation",
                                                   date="2023-10-13"))
    assert (doc.title, doc.source) == (headline, "Fortune"), (doc.title, doc.source)


def test_a_masthead_without_a_section_line_is_the_outlet_too(tmp_path):
    headline = "Harbour talks resume after a week of strikes at the port"
    doc = load_text(tmp_path, "ft.txt", _page("Financial Times", headline, section=""))
    assert (doc.title, doc.source) == (headline, "Financial Times"), (doc.title, doc.source)


def test_a_short_title_that_is_no_outlet_stays_the_title(tmp_path):
    """Not every short line above another is a masthead: a title naming no outlet stays the title."""
    doc = load_text(tmp_path, "plain.txt", _page("Harbour talks resume", "Negotiators meet again at the port",
                                                 section=""))
    assert doc.title == "Harbour talks resume" and doc.source == "", (doc.title, doc.source)
