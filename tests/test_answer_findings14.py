"""Answers and ingestion, from a new user's trial (nup27; real store, model and spaCy; our own short inputs, built with
the helpers of ``tests/test_attribution.py``; the CLI in a subprocess for the header finding).

- #7 Who-questions: "Who criticized the United States?" listed a speech praising the "unwavering support of ... the
  United States"; "Who criticized X?" missed the commissioner's "X ... is the platform with the largest ratio of
  disinformation posts" and listed a streamer criticising another platform ("x" was found in "exited"); "Who
  criticized Meta?" found no criticism though the EFF "described Meta’s actions as “systemic censorship ...”"; "Who
  endorsed the Secretary-General's call?" quoted sentences naming the Secretary-General, not the one endorsing.
- #8 "Did Binance plead guilty?" / "Did Zhao step down?" abstained ("do not report Binance saying anything") though
  the article's lead reports it ("is stepping down": the stem "stepp" never met the question's "step").
- #11 "What did the US Treasury announce on October 18?" read the day as a publication filter only, and abstained
  although a later article writes "On October 18, ... announced".
- #13 A speech sentence naming its own state ("my country Ethiopia") was quoted with no speaker, beside its
  neighbours' "(Ethiopia)".
- #3 "What did Rebecca MacKinnon say ...?" abstained and quoted her words as "the Wikimedia Foundation’s VP"'s;
  "... as Giskard co-founder and CEO Alex Combessie told me" was "none of them Alex Combessie's words"; "What did
  OFAC say about Hamas?" said OFAC said nothing, then quoted the Office of Foreign Assets Control (OFAC).
- #16 A ``.txt`` whose header line is "Author: Michael R. Sisak, The Associated Press" (an initial) had the line
  indexed as article text and no author.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_attribution import _md, _speech, _speeches_and_articles

ROOT = Path(__file__).resolve().parent.parent

NEWS = {
    "platform.md": _md("Vexa is worst for disinformation, per EU analysis", "2023-09-26", (
        "In a speech today, commissioner Vera Halvik said the platform’s poor performance was assessed during a "
        "pilot phase of testing.\n\n"
        "“Such insight is crucial to understand how effective platforms are,” Halvik said. “X, formerly Twitter, is "
        "the platform with the largest ratio of disinformation posts.”\n\n"
        "The Musk-owned platform exited the code in May, shortly after EU lawmakers warned that its policy shifts "
        "were boosting propaganda and criticised the company for patchy reporting.")),
    "kick.md": _md("Streamers consider leaving Kick over its chief executive's stream", "2023-09-25", (
        "Kick’s pallid response infuriated both streamers and viewers.\n\n"
        "Bob, a creator known as BobDuckNWeave, described the incident as “just sickening” and criticized the "
        "platform’s “non-response.”")),
    "meta.md": _md("Palestinian users say Meta suppresses their posts", "2023-10-20", (
        "In 2021, users across Facebook and Instagram accused Meta of taking down posts that voiced support for "
        "Palestinians.\n\n"
        "The digital rights nonprofit Electronic Frontier Foundation (EFF) described Meta’s actions as “systemic "
        "censorship of Palestinian voices.”\n\n"
        "Meta said it fixed a bug that hid some stories.")),
    "corex.md": _md("Corex to pay $4 billion in fines and its chief to step down, plead guilty to money laundering "
                    "charges", "2023-11-21", (
        "Lars Vinter, the founder and CEO of Corex, is stepping down and has pleaded guilty to a number of violations "
        "brought by the Department of Justice.\n\n"
        "Corex, the largest crypto exchange in Ostrava, will pay about $4 billion to resolve the investigations.\n\n"
        "Corex said in a statement that it would cooperate with regulators.")),
    "treasury.md": _md("How Israel fights the funding of Hamas", "2023-11-19", (
        "Israel's counter-terrorism financing bureau works with banks abroad.\n\n"
        "On October 18, the US Treasury Department's Office of Foreign Assets Control (OFAC) announced that it had "
        "imposed sanctions on ten Hamas financiers in Gaza and elsewhere.\n\n"
        "The statement read, “This action targets members managing assets in a secret Hamas investment "
        "portfolio.”")),
    "rates.md": _md("Central bank holds rates", "2023-10-18", (
        "The central bank kept its interest rates unchanged on Wednesday, citing slowing inflation.")),
    "lumen.md": _md("Small platforms struggle with the EU's new rules", "2023-12-01", (
        "“We are already struggling with our capacity to comply with the Digital Services Act,” the Lumen "
        "Foundation’s VP for global advocacy, Rebecca Marlow, says, pointing out that the nonprofit has just a "
        "handful of lawyers.\n\n"
        "“We agree as a platform that we have responsibilities,” Marlow says.")),
    "vantix.md": _md("Startups test the language models of others", "2023-12-05", (
        "Several startups now test large language models before they ship.\n\n"
        "An interesting French AI startup in this field is Maskard, which is developing an open source testing "
        "framework, or “the best LLM antivirus in the market,” as Maskard co-founder and CEO Alex Corbin told me. "
        "I’ll have more to write about Maskard in the coming days.")),
}
GEORGIA_75 = ("It is universally known that in 2008, Russia carried out open, large-scale military aggression against "
              "Georgia, containing which became possible as a result of the unwavering support of the international "
              "community, primarily the United States and the European Union. We will keep working for peace.")
IRAN_72 = ("By violating its international commitments, the new United States Administration only destroys its own "
           "credibility and undermines international confidence in negotiating with it. The defence capabilities of "
           "the Islamic Republic of Iran, including its missiles, are solely defensive deterrents. We cannot forget "
           "that civilians in our cities became the target of long-range missile attacks.")
MONACO_73 = ("Monaco is committed to the fight against climate change. I therefore endorse the Secretary-General’s "
             "call, issued earlier this month, to end the paralysis and weak commitments to the challenge of climate "
             "change. We also welcomed the Secretary-General’s intention to convene a climate summit.")
NETHERLANDS_71 = ("But the Secretary-General cannot do it alone. We wholeheartedly support the outstanding efforts by "
                  "the Special Envoy of the Secretary-General and others to that end. The Secretary-General’s call "
                  "for reform of the Council is the call of our time.")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings14"), [
        _speech("GEO", "Georgia", "Nino Beridze", "Prime Minister", GEORGIA_75, session=75),
        _speech("IRN", "Iran, Islamic Republic of", "Hassan Karimi", "President", IRAN_72, session=72),
        _speech("MCO", "Monaco", "Gilles Marchand", "Minister for Foreign Affairs", MONACO_73, session=73),
        _speech("NLD", "Netherlands", "Bert Koenen", "Minister for Foreign Affairs", NETHERLANDS_71, session=71),
    ], NEWS)


def _speakers(ans) -> list[str]:
    return [c.speaker for c in ans.citations]


# -- #7: who-questions ---------------------------------------------------------------------------------------------
def test_praise_of_a_state_is_no_criticism_of_it(world):
    ans = world.ask("Who criticized the United States?")
    assert not ans.abstained and "Iran" in _speakers(ans), ans.answer
    assert "Georgia" not in _speakers(ans), ans.answer


def test_a_criticism_must_name_the_target_or_refer_back_to_it(world):
    ans = world.ask("Who criticized X?")
    assert not ans.abstained, ans.answer
    assert "Vera Halvik" in _speakers(ans), ans.answer
    assert "Bob" not in _speakers(ans) and not any("Bob" in c.quote for c in ans.citations), ans.answer


def test_a_body_described_as_faulting_the_target_criticised_it(world):
    ans = world.ask("Who criticized Meta?")
    assert not ans.abstained and "No statement found" not in ans.answer, ans.answer
    assert "Electronic Frontier Foundation" in _speakers(ans), ans.answer
    assert "Instagram" not in _speakers(ans), ans.answer  # (a word of "users across Facebook and Instagram")


def test_the_verb_asked_answers_a_who_question_of_no_kind(world):
    ans = world.ask("Who endorsed the Secretary-General's call?")
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.speaker == "Monaco" and "endorse" in c.quote for c in ans.citations), ans.answer


# -- #8: a yes/no question about an act ----------------------------------------------------------------------------
def test_an_act_reported_by_the_article_answers_the_yes_no_question(world):
    ans = world.ask("Did Corex plead guilty?")
    assert not ans.abstained and "do not report" not in ans.answer, ans.answer
    assert any("pleaded guilty" in c.quote for c in ans.citations), ans.answer
    assert "Test Wire" in ans.answer, ans.answer  # (who reports it)


def test_stepping_down_is_the_act_of_step_down(world):
    ans = world.ask("Did Vinter step down?")
    assert not ans.abstained, ans.answer
    assert any("stepping down" in c.quote for c in ans.citations), ans.answer


# -- #11: a day after the act's verb ---------------------------------------------------------------------------------
def test_a_day_after_the_acts_verb_finds_the_act_written_on_that_day(world):
    ans = world.ask("What did the US Treasury announce on October 18?")
    assert not ans.abstained, ans.answer
    assert any(c.quote.startswith("On October 18") and c.published.startswith("2023-11-19")
               for c in ans.citations), ans.answer
    assert "read as the day of what was done" in ans.answer, ans.answer


def test_a_day_after_published_stays_a_publication_filter(world):
    ans = world.ask("What did the US Treasury announce in articles published on October 18?")
    assert ans.abstained and not any(c.published.startswith("2023-11-19") for c in ans.citations), ans.answer


# -- #13: a speech's sentences all show its speaker --------------------------------------------------------------------
def test_every_speech_sentence_shows_its_state(world):
    ans = world.ask("What did Iran say about missiles?")
    assert not ans.abstained and len(ans.citations) >= 2, ans.answer
    for c in ans.citations:
        assert f"(Iran) {c.quote}" in ans.answer or f"(Iran) “{c.quote}" in ans.answer, ans.answer


# -- #3: a speaker phrase naming the one asked ---------------------------------------------------------------------
def test_a_statement_whose_role_names_the_person_is_theirs(world):
    ans = world.ask("What did Rebecca Marlow say about the Digital Services Act?")
    assert not ans.abstained and "do not report" not in ans.answer, ans.answer
    assert any("struggling" in c.quote and c.speaker == "Rebecca Marlow" for c in ans.citations), ans.answer


def test_a_name_told_me_in_the_sentence_is_the_speaker(world):
    ans = world.ask("What did Alex Corbin say?")
    assert not ans.abstained and "none of them" not in ans.answer, ans.answer
    assert any("antivirus" in c.quote for c in ans.citations), ans.answer


def test_an_acronym_the_article_defines_speaks_for_the_body(world):
    ans = world.ask("What did OFAC say about Hamas?")
    assert not ans.abstained and "do not report OFAC" not in ans.answer, ans.answer
    assert any("Hamas" in c.quote for c in ans.citations), ans.answer


# -- #16: header lines with an initial ----------------------------------------------------------------------------------
def _cli(*args, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args, "--store", str(store)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_an_author_header_with_an_initial_and_an_outlet_is_read_as_a_header(tmp_path):
    path = tmp_path / "ruling.txt"
    path.write_text("Title: Judge rules the developer inflated his assets\nSource: Fortune\nDate: 2023-09-26\n"
                    "Author: Michael R. Sisak, The Associated Press\n\n"
                    "A judge ruled on Tuesday that the developer had inflated the value of his properties.\n",
                    encoding="utf-8")
    store = tmp_path / "store"
    r = _cli("ingest", str(path), "--json", "--quiet", store=store)
    assert r.returncode == 0, r.stderr
    r = _cli("docs", "--json", store=store)
    assert r.returncode == 0, r.stderr
    doc_id = json.loads(r.stdout)[0]["doc_id"]
    r = _cli("docs", "show", doc_id, "--json", store=store)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["author"] == "Michael R. Sisak, The Associated Press", doc
    assert doc["text"].startswith("A judge ruled"), doc["text"][:80]
    assert "author" in doc["meta"]["header_lines"], doc["meta"]


def test_a_name_before_a_passive_is_not_the_speaker():
    # (fresh re-check: "He requested an early release for Bankman-Fried but was denied." was credited to Bankman-Fried,
    # the lawyer's act read as Bankman-Fried "denied")
    from assistant.answerer import _speaking

    rx = _speaking("Bankman-Fried", [])
    assert not any(r.search("He requested an early release for Bankman-Fried but was denied.") for r in rx)
    assert any(r.search("Bankman-Fried, however, said no.") for r in rx)
