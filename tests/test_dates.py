"""Dates: the one date reader (index/dates.py), dates in article text, JSON export shapes, and
time named in questions, down to the real CLI and real answers.

The reader tests are a cheap table. The end-to-end tests use the shared failure cases
(../shared/cases/07-11; skipped when absent) and inputs of our own for the other shapes, on a
real store (real Chroma, the real packaged MiniLM) through the real CLI.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.query import QueryParser, time_scope
from index.dates import day_first_for, parse_date, pick_date, text_dates
from index.loaders import load_paths

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "cases"


def _case(name: str) -> Path:
    d = CASES / name
    if not d.is_dir():
        pytest.skip(f"shared case not found: {d}")
    return d


# ------------------------------------------------------------------------------ the reader
@pytest.mark.parametrize("value, expected, precision", [
    (1715000000000, "2024-05-06", "day"),            # epoch milliseconds
    (1715000000, "2024-05-06", "day"),               # epoch seconds
    ("1715000000", "2024-05-06", "day"),             # epoch seconds as a string
    (1715000000.5, "2024-05-06", "day"),
    ("2024-05-21T09:14:00Z", "2024-05-21", "day"),
    ("2024-05-21T23:30:00-05:00", "2024-05-21", "day"),  # the publisher's own day, not UTC's
    ("2023-10-01T14:00:29+00:00", "2023-10-01", "day"),
    ("2024-05-23 10:00:00", "2024-05-23", "day"),
    ("20240521T091500Z", "2024-05-21", "day"),       # ISO basic form (GDELT seendate)
    ("20240521", "2024-05-21", "day"),
    ("2024-05-07", "2024-05-07", "day"),
    ("2024/05/07", "2024-05-07", "day"),
    ("7.5.2024", "2024-05-07", "day"),                # dotted: day first
    ("07.05.24", "2024-05-07", "day"),
    ("13/07/2024", "2024-07-13", "day"),              # only one order possible
    ("07/13/2024", "2024-07-13", "day"),
    ("05/05/2024", "2024-05-05", "day"),              # both orders agree
    ("14 March 2022", "2022-03-14", "day"),
    ("March 14, 2022", "2022-03-14", "day"),
    ("Nov. 3, 2021", "2021-11-03", "day"),
    ("Tue, 21 May 2024 09:14:00 GMT", "2024-05-21", "day"),   # RSS pubDate
    ("Mon, 06 May 2024 13:00:00 +0200", "2024-05-06", "day"),
    ("7. Mai 2024", "2024-05-07", "day"),             # German month name
    ("12 février 2023", "2023-02-12", "day"),         # French month name
    ("May 2024", "2024-05", "month"),                 # month precision kept, no day invented
    ("2024-05", "2024-05", "month"),
    ("Sept 2019", "2019-09", "month"),
    ("2015", "2015", "year"),
    (2015, "2015", "year"),
    ("05/07/2024", "2024", "year"),                   # ambiguous, no locale: year only (flagged)
])
def test_parse_date_forms(value, expected, precision):
    r = parse_date(value)
    assert (r.value, r.precision) == (expected, precision)


@pytest.mark.parametrize("value, flag", [
    ("Nov. 3", "no_year"), ("3 November", "no_year"), ("2 days ago", "relative"), ("yesterday", "relative"),
    ("3 hours ago", "relative"), ("12:30", "time_only"), ("10:45 pm", "time_only"), ("Tuesday", "unparsed"),
    ("not a date", "unparsed"), ("0000", "out_of_range"), ("9999", "out_of_range"), (12, "unparsed"),
])
def test_parse_date_never_fills_from_today(value, flag):
    r = parse_date(value)
    assert r.value == "" and flag in r.flags


def test_parse_date_keeps_time_and_zone():
    assert parse_date("2024-05-21T09:14:00Z").iso == "2024-05-21T09:14:00+00:00"
    assert parse_date(1715000000000).iso == "2024-05-06T12:53:20+00:00"
    assert parse_date("2024-05-07").iso == "2024-05-07"
    assert parse_date("May 2024").iso == "2024-05"
    assert parse_date("05/07/2024").flags == ("ambiguous_day_month",)
    assert parse_date(None).value == "" and parse_date(True).value == "" and parse_date("").flags == ()


@pytest.mark.parametrize("value, anchor, expected", [
    ("Nov. 3", "2024-05-01", "2023-11-03"),   # the most recent 3 November before the anchor
    ("Nov. 3", "2024-11-20", "2024-11-03"),
    ("12:30", "2024-05-01", "2024-05-01"),
    ("2 days ago", "2024-05-01", "2024-04-29"),
    ("yesterday", date(2024, 3, 1), "2024-02-29"),
    ("3 weeks ago", "2024-05-22", "2024-05-01"),
])
def test_parse_date_with_anchor(value, anchor, expected):
    r = parse_date(value, anchor=anchor)
    assert r.value == expected and "anchored" in r.flags


@pytest.mark.parametrize("locale, expected", [
    ("en-US", "2024-05-07"), ("US", "2024-05-07"), ("United States", "2024-05-07"),
    ("de-DE", "2024-07-05"), ("en-GB", "2024-07-05"), ("fr", "2024-07-05"), ("", "2024"), ("en", "2024"),
])
def test_ambiguous_order_resolved_by_declared_locale(locale, expected):
    assert parse_date("05/07/2024", locale=locale).value == expected


def test_day_first_for():
    assert day_first_for("en-US") is False and day_first_for("de") is True and day_first_for(None) is None


def test_pick_date_records_where_the_date_came_from():
    published, meta = pick_date([("published_at", "12:30"), ("date", "7.5.2024")])
    assert published == "2024-05-07"
    assert meta["date_source"] == "date" and meta["date_precision"] == "day"
    assert "published_at: 12:30 (time_only)" in meta["date_rejected"]
    # a copyright year is refined by a day of the same year, never the reverse
    published, meta = pick_date([("copyright", "2021"), ("dateline", parse_date("3 Nov 2021"))])
    assert published == "2021-11-03"
    assert pick_date([("x", "Nov. 3")]) == ("", {"date_rejected": "x: Nov. 3 (no_year)"})


# ------------------------------------------------------------------------------ dates in the text
@pytest.mark.parametrize("text, value, source", [
    ("Headline here\nPublished 14 March 2022, updated 15 March 2022\n\nBody text.", "2022-03-14",
     "text:published-line"),
    ("Headline\nPosted on: March 14, 2022 at 10:00 GMT\n\nBody.", "2022-03-14", "text:published-line"),
    ("Headline\nUpdated 15 March 2022, first published 14 March 2022\n\nBody.", "2022-03-14",
     "text:published-line"),
    ("Headline\nLast updated: 2023-02-01\n\nBody.", "2023-02-01", "text:updated-line"),
    ("Headline\n\n12 March 2024\nShare\n\nBody text.", "2024-03-12", "text:date-line"),
    ("Headline\n\nGENEVA, Nov 3 (Harbor Wire) - Talks will resume.\n\n© 2021 Harbor Wire. All rights reserved.",
     "2021-11-03", "text:dateline+copyright"),
    ("Headline\n\nMOSCOW, March 3, 2020 (Wire) -- Talks resumed.", "2020-03-03", "text:dateline"),
    ("Headline\n\nTalks resumed on Monday.\n\nCopyright 2019 Ondo Courier Ltd.", "2019", "text:copyright"),
])
def test_text_dates(text, value, source):
    best = text_dates(text).best()
    assert best is not None and (best.value, best.source) == (value, source)


def test_text_outlets_dateline_byline_copyright():
    assert text_dates("H\n\nGENEVA, Nov 3 (Harbor Wire) - x.\n© 2021 Other Co").outlet == "Harbor Wire"
    assert text_dates("H\nBy Jonas Weir, Ondo Courier\nPublished 14 March 2022\n\nBody.").outlet == "Ondo Courier"
    assert text_dates("H\nBy Mira Stoll, Diplomatic correspondent\n\nBody.").outlet == ""
    assert text_dates("H\n\nBody.\n© 2020 Meridian Review Inc.").outlet == "Meridian Review"
    assert text_dates("H\n\nTalks on Nov 3 went well.").best() is None  # a date in a sentence is not a date line


# ------------------------------------------------------------------------------ export shapes
def _load(tmp_path: Path, name: str, data) -> list:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return list(load_paths([p]))


def test_newsapi_shape(tmp_path):
    docs = _load(tmp_path, "newsapi.json", {"status": "ok", "articles": [{
        "source": {"id": None, "name": "Baltic Wire"}, "author": "A. Writer", "title": "Ostmark signals talks",
        "url": "https://example.org/a", "publishedAt": "2025-01-22T08:00:00Z",
        "content": "Ostmark is ready for talks on sanctions, its foreign minister said on Wednesday. The "
                   "ministry added… [+1520 chars]"}]})
    d = docs[0]
    assert d.source == "Baltic Wire" and d.published.startswith("2025-01-22") and d.author == "A. Writer"
    assert "[+1520" not in d.text and "…" not in d.text and d.text.endswith("The ministry added")
    assert d.meta["truncated"] is True and d.meta["truncated_chars"] == 1520
    assert d.meta["date_source"] == "publishedAt" and d.url == "https://example.org/a"


def test_wordpress_shape(tmp_path):
    docs = _load(tmp_path, "wp.json", [{
        "id": 9, "date": "2025-02-03T10:00:00", "date_gmt": "2025-02-03T09:00:00", "link": "https://example.org/p/9",
        "title": {"rendered": "Veloria &#8216;welcomes&#8217; offer"},
        "content": {"rendered": "<p>Veloria welcomed the offer, <em>its</em> envoy said.</p>\n<p>&#8220;We are "
                                "ready,&#8221; she said.</p>", "protected": False},
        "author": 3}])
    d = docs[0]
    assert d.title == "Veloria ‘welcomes’ offer"
    assert d.text == "Veloria welcomed the offer, its envoy said.\n\n“We are ready,” she said."
    assert d.published == "2025-02-03T10:00:00" and d.url == "https://example.org/p/9" and d.author == ""


def test_feed_shapes_converted_to_json(tmp_path):
    feedparser_like = {"feed": {"title": "Harbour Post", "language": "en-GB"}, "entries": [{
        "title": "Calderra proposes freeze", "link": "https://example.org/f1", "published": "04/05/2025",
        "summary": "<p>Calderra proposed a freeze on drills.</p>", "author_detail": {"name": "X"},
        "content": [{"type": "text/html", "value": "<p>Calderra proposed a freeze on naval drills.</p>"}]}]}
    d = _load(tmp_path, "feed.json", feedparser_like)[0]
    assert d.source == "Harbour Post" and d.published == "2025-05-04"  # declared en-GB: day first
    assert d.text == "Calderra proposed a freeze on naval drills."
    rss2json = {"status": "ok", "feed": {"title": "Global Ledger"}, "items": [{
        "title": "Grain ships stranded", "pubDate": "2025-09-18 07:30:00", "link": "https://example.org/r1",
        "author": "Desk", "description": "Inspections stranded grain ships in the straits, port officials said."}]}
    d = _load(tmp_path, "rss2json.json", rss2json)[0]
    assert (d.source, d.published[:10], d.author) == ("Global Ledger", "2025-09-18", "Desk")
    json_feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Meridian Herald", "items": [{
        "id": "m1", "url": "https://example.org/m1", "title": "Grain pledge",
        "content_html": "<p>Veloria pledged grain.</p>", "date_published": "2026-03-14T12:00:00+01:00",
        "authors": [{"name": "Ana"}, {"name": "Ben"}]}]}
    d = _load(tmp_path, "feed.jsonfeed.json", json_feed)[0]
    assert (d.source, d.published, d.author, d.text) == (
        "Meridian Herald", "2026-03-14T12:00:00+01:00", "Ana, Ben", "Veloria pledged grain.")


def test_gdelt_and_search_hit_shapes(tmp_path):
    gdelt = {"articles": [{"url": "https://example.org/g", "title": "Summit framework agreed",
                           "seendate": "20260609T101500Z", "domain": "balticwire.example", "language": "English",
                           "sourcecountry": "United States", "text": "Leaders agreed a framework on 06/09/2026."}]}
    d = _load(tmp_path, "gdelt.json", gdelt)[0]
    assert (d.source, d.published[:10]) == ("balticwire.example", "2026-06-09")
    hits = {"hits": {"total": 1, "hits": [{"_id": "h1", "_source": {
        "headline": "Gas dispute", "body": "Aster disputed the gas price.", "publisher": {"name": "Harbour Post"},
        "date": "11.12.2025"}}]}}
    d = _load(tmp_path, "hits.json", hits)[0]
    assert (d.title, d.source, d.published) == ("Gas dispute", "Harbour Post", "2025-12-11")


def test_records_never_store_a_repr_and_say_what_is_missing(tmp_path):
    lines = [
        {"id": "a", "title": "T", "body": "Text one.", "source": {"id": 17}, "published": "May 2024"},
        {"id": "b", "title": "T", "body": "Text two.", "source": {"url": "https://x"}, "published_at": "12:30",
         "retrieved_at": "2024-05-02T10:00:00Z"},
        {"id": "c", "title": "T", "content": {"protected": True}},
    ]
    out = _load(tmp_path, "x.jsonl", "\n".join(json.dumps(r) for r in lines))
    assert out[0].source == "" and out[0].published == "2024-05"  # a numeric id is no outlet name and out[0].meta["date_precision"] == "month"
    assert out[1].source == "" and out[1].published == "2024-05-02"  # time only, anchored on retrieval
    assert "anchored" in out[1].meta["date_flags"]
    assert "'content'" in str(out[2]) and "holds no text" in str(out[2])


def test_text_files_date_from_text_and_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text("Grain deal signed\nBy Lena Ott, Baltic Wire\nPublished 2 June 2025\n\n"
                                    "Ostmark and Veloria signed a grain deal, officials said.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\npublished: 7.5.2024\n---\n\nText of b, said someone.\n",
                                   encoding="utf-8")
    a, b = list(load_paths([tmp_path / "a.txt", tmp_path / "b.md"]))
    assert (a.published, a.source, a.meta["date_source"]) == ("2025-06-02", "Baltic Wire", "text:published-line")
    assert "Published 2 June" not in a.text
    assert (b.published, b.meta["date_source"]) == ("2024-05-07", "front matter")


# ------------------------------------------------------------------------------ time in questions
TODAY = date(2026, 12, 4)


@pytest.mark.parametrize("question, since, until, order", [
    ("What did Velmor say about joining the union before 2020?", "", "2019", None),
    ("What was Velmor's position in 2021?", "2021", "2021", None),
    ("What happened after March 2021?", "2021-04", "", None),
    ("What was said after October 10, 2023?", "2023-10-11", "", None),
    ("What did Lavrov say before 2023-10-05?", "", "2023-10-04", None),
    ("Any pledges since 2020?", "2020", "", None),
    ("Who spoke until May 2024?", "", "2024-05", None),
    ("What did they say between 2019 and 2021?", "2019", "2021", None),
    ("What did Xi say during 2018?", "2018", "2018", None),
    ("What did Xi say last year?", "2025", "2025", None),
    ("What did Xi say this year?", "2026", "2026", None),
    ("What was said this month?", "2026-12", "2026-12", None),
    ("What was said last month?", "2026-11", "2026-11", None),
    ("What was pledged in the past 2 years?", "2024", "", None),
    ("Does Velmor currently want to join?", "", "", "newest"),
    ("What is the latest position of Velmor?", "", "", "newest"),
    ("Does Velmor still oppose the union?", "", "", "newest"),
    ("What does Ostmark want now?", "", "", "newest"),
    ("How did Ostmark first respond to the offer?", "", "", "oldest"),
    ("What was Ostmark's initial position?", "", "", "oldest"),
    ("Who sent 1500 troops to the border?", "", "", None),
    ("What did the 2,000 delegates say?", "", "", None),
    ("Who was the first minister to visit?", "", "", None),
])
def test_time_scope(question, since, until, order):
    t = time_scope(question, TODAY)
    assert (t.since, t.until, t.order) == (since, until, order)


def test_question_time_merges_with_user_filters_and_leaves_the_rest():
    parser = QueryParser(outlets=lambda: [], actors=lambda: [], embed=lambda texts: [], today=lambda: TODAY)
    q = parser.parse("What did Velmor say about the union before 2020?", filters={"since": "2018-06-01"})
    assert (q.filters.since, q.filters.until) == ("2018-06-01", "2019")
    q = parser.parse("What did Velmor say in 2021?", filters={"until": "2021-03", "sources": ["Harbor Wire"]})
    assert (q.filters.since, q.filters.until, q.filters.sources) == ("2021", "2021-03", ["Harbor Wire"])
    q = parser.parse("Does Velmor currently want to join the union?")
    assert q.recency == "newest" and q.filters.empty() and "currently" not in " ".join(q.topic_terms)
    assert q.untimed == "Does Velmor want to join the union?"
    assert parser.parse("How has Velmor's stance changed since 2019?").asks_change
    assert not parser.parse("What does Velmor say now?").asks_change  # "now": newest first, not a timeline


# ------------------------------------------------------------------------------ end to end (shared cases)
def _cli(*args, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args, "--store", str(store)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def case_store(tmp_path_factory) -> Path:
    c07, c08, c09 = _case("07-text-date-lines"), _case("08-json-api-exports"), _case("09-json-date-formats")
    store = tmp_path_factory.mktemp("dates") / "store"
    r = _cli("ingest", c07 / "ostra-parliament.txt", c07 / "geneva-dam-safety.txt", c08 / "newsapi-everything.json",
             c08 / "wordpress-posts.json", c09 / "export.jsonl", "--json", "--quiet", store=store)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 12
    return store


@pytest.fixture(scope="module")
def case_docs(case_store) -> dict[str, dict]:
    r = _cli("docs", "--json", store=case_store)
    assert r.returncode == 0, r.stderr
    return {d["title"]: d for d in json.loads(r.stdout)}


def test_case07_dates_and_outlet_from_the_text(case_docs, case_store):
    ostra = case_docs["Tarsenan parliament backs Creel on river quota"]
    geneva = case_docs["Velmor and Tarsena to meet in Geneva on dam safety"]
    assert (ostra["published"], ostra["source"]) == ("2022-03-14", "Ondo Courier")
    assert (geneva["published"], geneva["source"]) == ("2021-11-03", "Harbor Wire")
    assert geneva["meta"]["date_source"] == "text:dateline+copyright"
    r = _cli("search", "dam safety talks in Geneva", "--since", "2021-11-01", "--until", "2021-11-30", "--json",
             store=case_store)
    assert [x["title"] for x in json.loads(r.stdout)["results"]] == [geneva["title"]]


def test_case08_api_exports(case_docs, case_store):
    harbor = case_docs["Velmor proposes shared flood warning system with Tarsena"]
    ondo = case_docs["Tarsena says it will study flood warning offer"]
    wp = case_docs["Calderra backs Kessa flood warning plan"]
    assert (harbor["source"], harbor["published"][:10]) == ("Harbor Wire", "2024-05-21")
    assert (ondo["source"], ondo["published"][:10]) == ("Ondo Courier", "2024-05-22")
    assert harbor["meta"]["truncated"] and ondo["meta"]["truncated"]
    assert wp["published"][:10] == "2024-05-23"
    r = _cli("docs", "show", harbor["doc_id"], "--json", store=case_store)
    text = json.loads(r.stdout)["text"]
    assert "chars]" not in text and text.endswith("Varga told reporters in")
    r = _cli("docs", store=case_store)
    line = next(line for line in r.stdout.splitlines() if harbor["doc_id"] in line)
    assert line.endswith("[truncated]")
    r = _cli("search", "flood warning", "--source", "Harbor Wire", "--json", store=case_store)
    results = json.loads(r.stdout)["results"]
    assert results[0]["title"] == harbor["title"] and {x["source"] for x in results} == {"Harbor Wire"}
    assert "no outlet named" not in r.stderr
    r = _cli("search", "flood warning", "--source", "Harbour Wyre", store=case_store)  # a typo: say so
    assert r.returncode == 0 and r.stdout == ""
    assert "no outlet named 'Harbour Wyre'" in r.stderr and "Harbor Wire" in r.stderr and "no passages" in r.stderr
    # the case's questions: each quotes its speaker's sentence ("warning" in the topic is no threat asked
    # for; a speaker the extractor missed, "..., Water Minister Ilse Varga said", is not called silent)
    for question, quote in (("What did Ilse Varga propose about flood warnings?",
                             "Velmor on Tuesday proposed a shared flood warning system"),
                            ("What did Erik Halvorsen say about the flood warning sensors?",
                             "Calderra will pay for half of the sensors")):
        ans = json.loads(_cli("ask", question, "--json", store=case_store).stdout)
        assert not ans["abstained"] and any(quote in c["quote"] for c in ans["citations"]), (question, ans["answer"])


def test_case09_json_date_formats(case_docs, case_store):
    by_id = {d["meta"]["id"]: d for d in case_docs.values() if str(d["meta"].get("id")).startswith("r")}
    assert {k: v["published"][:10] for k, v in by_id.items()} == {
        "r1": "2024-05-06", "r2": "2024-05-06", "r3": "2024-05-07", "r4": "2024-05", "r5": "", "r6": "", "r7": ""}
    assert "no_year" in by_id["r5"]["meta"]["date_rejected"]
    r = _cli("search", "Kessa river dam talks", "--since", "2024-05-01", "--until", "2024-05-31", "--k", "10",
             "--json", store=case_store)
    found = {x["doc_id"] for x in json.loads(r.stdout)["results"]}
    assert found & {d["doc_id"] for d in by_id.values()} == {by_id[k]["doc_id"] for k in ("r1", "r2", "r3", "r4")}
    r = _cli("search", "Kessa river dam talks", "--since", "2024-06-01", "--k", "10", "--json", store=case_store)
    assert not {x["doc_id"] for x in json.loads(r.stdout)["results"]} & {d["doc_id"] for d in by_id.values()}


@pytest.fixture(scope="module")
def velmor(tmp_path_factory) -> Assistant:
    articles = _case("10-latest-position") / "articles"
    a = Assistant.open(store=tmp_path_factory.mktemp("velmor") / "store")
    assert a.ingest([articles]).added == 3
    return a


def _check(a: Assistant, ans) -> list[str]:
    for c in ans.citations:
        assert a.document(c.doc_id).text[c.start:c.end] == c.quote
    return [c.published[:10] for c in ans.citations]


@pytest.mark.parametrize("question", [
    "What is Velmor's latest position on joining the Coastal Customs Union?",
    "Does Velmor currently want to join the Coastal Customs Union?",
])
def test_case10_current_position_leads_with_the_newest_and_dates_the_rest(velmor, question):
    ans = velmor.ask(question)
    days = _check(velmor, ans)
    assert not ans.abstained and days[0] == "2024-09-17"
    assert ans.answer.startswith("Most recently (Meridian Review, 2024-09-17")
    assert days == sorted(days, reverse=True)
    for d in days[1:]:
        assert f", {d})" in ans.answer  # each older quote labelled with its date


@pytest.mark.parametrize("question, day", [
    ("What did Velmor say about joining the Coastal Customs Union before 2020?", "2019-03-11"),
    ("What was Velmor's position on the Coastal Customs Union in 2021?", "2021-06-02"),
    ("What did Velmor say about the Coastal Customs Union after 2022?", "2024-09-17"),
])
def test_case11_time_range_in_the_question(velmor, question, day):
    ans = velmor.ask(question)
    assert not ans.abstained and set(_check(velmor, ans)) == {day}


def test_first_position_leads_with_the_oldest(velmor):
    ans = velmor.ask("What was Velmor's first position on the Coastal Customs Union?")
    days = _check(velmor, ans)
    assert days[0] == "2019-03-11" and ans.answer.startswith("First (Harbor Wire, 2019-03-11)")


@pytest.mark.parametrize("question", [
    "Which bank raised rates to the highest level since 2001, as reported by The Age?",
    "Did the Fortune article contradict the TechCrunch article from November 18, 2023, regarding the departure?",
    "Which club, with seven wins in their first 12 encounters since 1905, lost to Bayern?",
    "Which company, founded in 2015 and reported by TechCrunch, raised prices?",
])
def test_times_inside_a_question_date_events_not_publication(question):
    """Measured on MultiHop-RAG dev questions: a year inside the question ("since 2001") dated an
    event, and filtering on it removed the evidence (recall@10 of those questions fell)."""
    scope = time_scope(question)
    assert not scope.bounded, (scope.since, scope.until)


def test_a_state_the_index_learns_from_an_office_still_answers_through_its_ministers(tmp_path):
    """An article naming "Velmor's chief negotiator" makes Velmor a state for the whole process;
    then "Does Velmor currently want to join ...?" said the passages did not mention the union (its
    ministers' sentences name Velmor, read as another country than the question's, which asked by
    a state no statement is credited to), and "What did Velmor say ... before 2020?" said Velmor
    said nothing (its minister's "Velmor will not join ..." was not read as Velmor's)."""
    articles = _case("10-latest-position") / "articles"
    (tmp_path / "talks.md").write_text(
        "---\ntitle: River talks\nsource: Test Wire\npublished: 2025-01-09\n---\n"
        "Velmor's chief negotiator, Anton Brisk, said he would meet the Tarsenan delegation in February.\n",
        encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([articles, tmp_path / "talks.md"]).ok
    for q in ("Does Velmor currently want to join the Coastal Customs Union?",
              "What did Velmor say about joining the Coastal Customs Union before 2020?"):
        ans = a.ask(q)
        assert not ans.abstained and ans.citations, (q, ans.answer)
        assert any("Coastal Customs Union" in c.quote or "union" in c.quote for c in ans.citations), (q, ans.answer)


def test_a_statement_dated_by_a_season_or_part_of_a_year_keeps_that_year():
    """From a new-user pass: Zelenskyy's 2024 "Two years ago, in the fall of 2022, I proposed a
    comprehensive strategy to end the war" was dated 2024 (the speech's year)."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    x = ClaimExtractor()
    [fall] = x.extract("Two years ago, in the fall of 2022, I proposed a comprehensive strategy to end the war.",
                       "d", "2024-09-25", voice=Actor("Ukraine", "government", "President Volodymyr Zelenskyy"))
    [early] = x.extract("In early 2023, Lula said that hunger was the worst weapon of mass destruction.",
                        "d", "2024-09-25")
    assert (fall.date, early.date) == ("2022", "2023")


def test_case11_holds_however_the_process_learned_its_states(velmor):
    """CI caught this: "What was Velmor's position on the Coastal Customs Union in 2021?" answered alone but
    abstained ("do not report Velmor or its officials ...") after another test's store had taught the process
    Velmor as a state (``index.actors.learn_states``): the silent-state check then read only the statements of the
    sentence found, whose content ("Velmor's government has ordered a review ...") names the state by its
    government, not Trade Minister Halde's "Velmor had no position on membership yet" beside it."""
    from index.actors import learn_states

    learn_states(["Velmor"])
    ans = velmor.ask("What was Velmor's position on the Coastal Customs Union in 2021?")
    assert not ans.abstained and set(_check(velmor, ans)) == {"2021-06-02"}, ans.answer
