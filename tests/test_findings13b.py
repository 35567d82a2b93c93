"""Findings of a new user's re-check (nup26 RECHECK.md, nup25 FINDINGS.md), each reproduced with our own short inputs
on a real store (embedded Chroma, the packaged model, spaCy); the CLI ones through the real ``attache`` command
(``python -m assistant.cli``) in a subprocess.

1. ``attache compare China "United States" --topic trade`` listed "we will never ratify the Arms Trade Treaty" as a
   statement on trade: a topic word found only inside the capitalised name of something else is not the topic (the
   treaty is on arms; "the World Trade Organization" is on trade, its other word only saying how broadly). And
   ``compare`` with offices as actors ("Russia's foreign minister") found nobody and said "The articles do not say":
   an office is read as ``ask`` reads it, its holders' statements in its column, or refused naming it.
2. A page whose date tag is "12/09/2023" (day and month either way) was stored as 12 September, silently: the page's
   other evidence decides (its locale, another tag in ISO form), else the year only is stored and ``ingest`` warns,
   naming the file and both readings.
3. Junk actors, by kind: a company the article introduces as one ("the Chinese company Dahvision") typed a person
   where named alone; a person the tagger read as an organisation although the article gives them a person's title
   or role ("Rajan Jain, Head, Credit Research, SBI Caps"; "Mjoachim, another user"), their surname ("Jain said") a
   second organisation; a plural acronym ("VCs") an organisation; states together ("the Western Powers") an
   organisation; a share of a group ("Nearly seven in 10 Gen Zers", "Some Republicans") an actor of its own; a title
   without its full stop ("Dr Jaswant Gandhi") part of the name; a law cut to its head word ("Act", role "EU").
4. "What did the Binance CEO say?" / "the CEO of Binance": nobody, though the article gives the office to the person
   it quotes ("Changpeng Zhao, also known as “CZ,” the founder and CEO of Binance").
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_attribution import _ingested_articles, _md, _speech

from index.actors import ActorResolver

ROOT = Path(__file__).resolve().parents[1]


def attache(tmp_path: Path, *args: str, claims: bool = True) -> subprocess.CompletedProcess:
    """The real `attache ARGS` in a subprocess, with no user configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-sub.toml"
    cfg.write_text("" if claims else "extract_claims = false\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, env={**env, "ATTACHE_CONFIG": str(cfg), "HF_HUB_OFFLINE": "1"})


# ------------------------------------------------------------------ a store for 1 and 4, built by `attache ingest`

USA_74 = ("We want balanced trade that is both fair and reciprocal. That is why I announced this year that we will "
          "never ratify the Arms Trade Treaty, which would threaten the liberties of law-abiding American citizens. "
          "The World Trade Organization needs drastic change.")
CHINA_76 = "China will keep opening its markets to the world. We oppose bloc confrontation."
RUSSIA_77 = ("We stand for a just world order. The West has turned sanctions into a weapon against whole nations. "
             "Russia will defend its security interests.")
NEWS = {
    "oslo.md": _md("Norway backs new sanctions on the junta", "2023-10-02", (
        "Norway's Foreign Minister Espen Lind said on Monday that Norway would support new sanctions on the junta "
        "until the detained ministers are freed.")),
    "quorvex.md": _md("Quorvex founder steps down and pleads guilty", "2023-11-21", (
        "It has been an eventful week for crypto exchanges.\n\n"
        "Talia Brenner, also known as “TB,” the founder and CEO of Quorvex, is stepping down and has pleaded guilty "
        "to a number of violations.\n\n"
        "In response to stepping down, Brenner said, “it is the right thing to do” adding, “I made mistakes, and I "
        "must take responsibility.”")),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("findings13b")
    records = [_speech("USA", "United States of America", "Walter Brandt", "President", USA_74, session=74),
               _speech("CHN", "China", "Li Wenhai", "President", CHINA_76, session=76),
               _speech("RUS", "Russian Federation", "Pavel Orlov", "Minister for Foreign Affairs", RUSSIA_77,
                       session=77)]
    (tmp / "speeches.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for name, text in NEWS.items():
        (tmp / name).write_text(text, encoding="utf-8")
    r = attache(tmp, "--store", str(tmp / "store"), "ingest", str(tmp / "speeches.jsonl"),
                *(str(tmp / n) for n in sorted(NEWS)), "--json")
    assert r.returncode == 0, r.stderr
    return tmp


# -- 1: a topic word inside another thing's name -------------------------------------------------------------------
def test_compare_on_a_topic_leaves_out_a_name_of_something_else_that_holds_the_topic_word(store):
    r = attache(store, "--store", str(store / "store"), "compare", "China", "United States", "--topic", "trade")
    assert r.returncode == 0, r.stderr
    assert "We want balanced trade that is both fair and reciprocal." in r.stdout
    assert "The World Trade Organization needs drastic change." in r.stdout  # (on trade, decided so)
    assert "Arms Trade Treaty" not in r.stdout, r.stdout  # (on arms)


def test_positions_on_a_topic_reads_names_the_same_way(store):
    r = attache(store, "--store", str(store / "store"), "positions", "United States", "--topic", "trade", "--json")
    assert r.returncode == 0, r.stderr
    texts = " ".join(c["text"] for c in json.loads(r.stdout)["statements"])
    assert "balanced trade" in texts and "Arms Trade Treaty" not in texts, texts


# -- 1: offices as compare's actors ---------------------------------------------------------------------------------
def test_compare_reads_offices_as_ask_does_each_column_its_holders_statements(store):
    r = attache(store, "--store", str(store / "store"), "compare", "Russia's foreign minister",
                "Norway's foreign minister", "--topic", "sanctions")
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert "no actor" not in r.stderr and "The articles do not say" not in r.stdout, (r.stdout, r.stderr)
    assert "Russia's foreign minister (Pavel Orlov)" in r.stdout, r.stdout
    assert "Norway's foreign minister (Espen Lind)" in r.stdout, r.stdout
    assert "The West has turned sanctions into a weapon against whole nations." in r.stdout
    assert "Norway would support new sanctions on the junta" in r.stdout


def test_compare_refuses_an_office_nobody_quoted_holds_naming_it(store):
    r = attache(store, "--store", str(store / "store"), "compare", "Russia's foreign minister",
                "the US secretary of state")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "'the US secretary of state'" in r.stderr and "nobody the articles quote holds" in r.stderr, r.stderr
    assert "The articles do not say" not in r.stdout


# -- 4: an organisation's office --------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["What did the Quorvex CEO say?", "What did the CEO of Quorvex say?"])
def test_an_organisations_office_is_the_person_an_article_gives_it_in_an_apposition(store, question):
    r = attache(store, "--store", str(store / "store"), "ask", question, "--json")
    assert r.returncode == 0, r.stderr
    ans = json.loads(r.stdout)
    assert not ans["abstained"], ans["answer"]
    assert ans["answer"].lower().startswith("taking talia brenner (ceo of quorvex in the articles)"), ans["answer"]
    assert any(c["speaker"] == "Talia Brenner" and "right thing to do" in c["quote"] for c in ans["citations"]), ans


# ------------------------------------------------------------------ 2: an ambiguous numeric date on a page

BODY = ("<p>Harbour talks resumed in Lessa on Monday after a week of strikes, the port authority said in a statement. "
        "The union said it would call off the strike if the owners kept their offer on pay and conditions.</p>"
        "<p>Owners said the offer stood and that talks would continue through the week.</p>")


def _page(title: str, head: str, html_attrs: str = "") -> str:
    return (f"<html{html_attrs}><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{BODY}"
            f"</article></body></html>")


def test_an_ambiguous_day_and_month_is_decided_by_the_page_or_stored_as_its_year_with_a_warning(tmp_path):
    pages = {
        "plain.html": _page("Talks A", '<meta name="date" content="12/09/2023">'),
        "british.html": _page("Talks B", '<meta name="date" content="12/09/2023">', ' lang="en-GB"'),
        "iso.html": _page("Talks C", '<meta name="date" content="12/09/2023">'
                          '<meta property="article:modified_time" content="2023-12-09T10:00:00Z">', ' lang="en"'),
        "plain13.html": _page("Talks D", '<meta name="date" content="13/09/2023">'),
    }
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, page in pages.items():
        (folder / name).write_text(page, encoding="utf-8")
    store = str(tmp_path / "store")
    r = attache(tmp_path, "--store", store, "ingest", str(folder), "--json", claims=False)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["added"] == 4, report
    # one warning, on stderr too: the file, its two readings and what was stored
    warned = [w for w in report["warnings"] if "12/09/2023" in w["warning"]]
    assert [Path(w["path"]).name for w in warned] == ["plain.html"], report["warnings"]
    line = next(ln for ln in r.stderr.splitlines() if "plain.html" in ln)
    assert "2023-12-09 (month first)" in line and "2023-09-12 (day first)" in line and "2023 (the year only)" in line
    docs = json.loads(attache(tmp_path, "--store", store, "docs", "--json", claims=False).stdout)
    published = {}
    for d in docs:
        shown = json.loads(attache(tmp_path, "--store", store, "docs", "show", d["doc_id"], "--json",
                                   claims=False).stdout)
        published[shown["title"]] = shown["published"]
    assert published == {"Talks A": "2023", "Talks B": "2023-09-12", "Talks C": "2023-12-09",
                         "Talks D": "2023-09-13"}, published


# ------------------------------------------------------------------ 3: junk actors, by kind

ACTOR_ARTICLES = {
    "cams.md": ("Cameras sold to police", "Test Wire", "2023-05-02", (
        "Amnesty International said the Chinese company Dahvision sold cameras. Dahvision has marketed "
        "facial-recognition features. But Dahvision previously told the Guardian that it “has strictly followed all "
        "applicable laws.” “Dahvision has never knowingly committed abuses,” the company’s statement reads.")),
    "vc.md": ("Startups short of cash", "Test Wire", "2023-05-03", (
        "Startups are struggling to raise money. VCs fear that their portfolio companies might run out of cash "
        "within a year.")),
    "powers.md": ("Sanctions snapback", "Test Wire", "2023-05-04", (
        "Eight years ago the Eastern Powers promised that if the deal was broken, the sanctions would be snapped "
        "back.")),
    "senate.md": ("Budget fight", "Test Wire", "2023-05-05", "Some Senators said they would block the bill."),
    "mossad.md": ("Reactions online", "Test Wire", "2023-05-06", (
        "Dr Meera Joshi, a professor of management, said that the collapse was a \"great regulatory failure\".")),
    "act.md": ("AI rules agreed", "Test Wire", "2023-05-07", (
        "Officials chose a term — which the EU Act refers to as “general purpose” AI models — with an eye on the "
        "future.")),
}


def _triple(actor) -> tuple[str, str, str]:
    return actor.name, actor.actor_type, actor.role


@pytest.fixture(scope="module")
def actors(tmp_path_factory) -> dict[str, str]:
    a = _ingested_articles(tmp_path_factory.mktemp("actors13b"), ACTOR_ARTICLES)
    return {s.actor: s.actor_type for s in a.actors()}


def test_a_company_the_article_introduces_as_one_is_an_organisation_where_named_alone(actors):
    assert actors.get("Dahvision") == "organisation", actors


def test_a_plural_acronym_is_a_group_of_people_not_an_organisation(actors):
    assert actors.get("VCs") == "group", actors


def test_states_together_are_a_group_not_an_organisation(actors):
    assert actors.get("Eastern Powers") == "group", actors


def test_a_share_of_a_group_is_the_group():
    assert _triple(ActorResolver().resolve("Nearly seven in 10 Gen Zers")) == ("Gen Zers", "group", "")
    assert ActorResolver().resolve("46% of young workers").name == "young workers"


def test_a_quantifier_before_a_group_is_no_part_of_its_name(actors):
    assert actors.get("Senators") == "group" and "Some Senators" not in actors, actors


def test_a_title_without_its_full_stop_is_peeled_off_the_name(actors):
    assert actors.get("Meera Joshi") == "person" and "Dr Meera Joshi" not in actors, actors


def test_a_law_is_named_whole_not_cut_to_its_head_word(actors):
    assert actors.get("EU Act") == "document" and "Act" not in actors, actors


@pytest.mark.parametrize("text, name, surname", [
    ("Banks expect credit growth to slow. Arvind Kolhe, Head, Credit Research, Marlow Caps, said in a note that the "
     "yield curve remains a moot question. Even advanced economies have felt the heat, Kolhe said.",
     "Arvind Kolhe", "Kolhe"),
    ("“I can confirm that there has been a noticeable freeze,” said Rania Haddad of Cedar Accelerator and co-founder "
     "at Souk21.", "Rania Haddad", "Haddad"),
    ("Some users were angry. Kvothe99x, another user, said that the company had lost its reputation.",
     "Kvothe99x", None),
])
def test_a_person_the_article_gives_a_persons_title_or_role_is_a_person_whatever_the_tagger_read(text, name, surname):
    """The tagger read "Rajan Jain" (of "Rajan Jain, Head, Credit Research, SBI Caps"), "Leen Abubaker of Flow
    Accelerator" and "Mjoachim" (", another user,") as organisations (label ORG): the article's own names say who is a
    person, and the surname alone is that person."""
    resolver = ActorResolver()
    names = resolver.introduced_names(text)
    assert name in names, names
    assert _triple(resolver.resolve(name, names, "ORG")) == (name, "person", "")
    if surname:
        assert _triple(resolver.resolve(surname, names, "ORG")) == (name, "person", "")
