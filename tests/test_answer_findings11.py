"""Answers, from a twelfth new-user pass (nup25; real store, model and spaCy; our own short inputs, built with the
helpers of ``tests/test_attribution.py``).

- "What did the Egyptian president say?" recursed until RecursionError: the office typed with a demonym was asked
  again by looking for "Egypt's president" in the question, which never changed.
- "What did the Israeli PM say about Iran?" said "They do not mention Israeli PM": "PM" was no office.
- "What did Xi say about coal?" abstained while "Xi Jinping" answered: a two-letter name never named a speech's giver.
- "What did Netanyahu say about the Hamas attack?" and "What did Netanyahu call on Israelis to do?" abstained
  ("They do not report Israel or its officials saying anything ...") though his "We are at war. ... I call on all
  citizens of Israel to unite", in an article titled on the Hamas attack, answers both.
- "What did the EU commissioner for the internal market warn Elon Musk about?" abstained, while "the EU's internal
  market commissioner" took "the EU’s internal market commissioner Thierry Breton" as the holder.
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

NEWS = {
    "sisi.md": _md("Egypt rejects hosting refugees from Gaza", "2023-10-18", (
        "Egypt has been under pressure to open its border crossing.\n\n"
        "“They can transport Palestinians there until Israel implements its announced plan,” President "
        "Abdel-Fattah El-Sisi said on Wednesday.")),
    "attack.md": _md("Hamas' surprise attack on Israel shocks internet", "2023-10-07", (
        "Hamas' surprise attack on Israel has shocked many who are now questioning the country's intelligence "
        "agencies.\n\n"
        "Israeli Prime Minister Benjamin Netanyahu said that since this morning, Israel had been at war.\n\n"
        "“We are at war. In war, one needs to be level-headed. I call on all citizens of Israel to unite in order to "
        "achieve our highest goal – victory in the war,” Netanyahu said.")),
    "dsa.md": _md("EU warns Musk over illegal content on X", "2023-10-10", (
        "The bloc's digital rules set out obligations for large platforms.\n\n"
        "On Wednesday, in an “urgent” letter to Musk, the EU’s internal market commissioner Pierre Vautrin said the "
        "bloc had seen “indications” that X is being used to disseminate illegal content and disinformation.\n\n"
        "“When you receive notices of illegal content in the EU, you must be timely, diligent and objective in "
        "taking action,” he warns.")),
}
ISRAEL_78 = ("The Abraham Accords were a pivot of history. We seek peace with all our neighbours. Iran must face a "
             "credible military threat.")
CHINA_76 = ("China will step up support for other developing countries in developing green and low-carbon energy, and "
            "will not build new coal-fired power projects abroad. We pledge an additional 3 billion dollars of "
            "international assistance.")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings11"), [
        _speech("ISR", "Israel", "Benjamin Netanyahu", "Prime Minister", ISRAEL_78, session=78),
        _speech("CHN", "China", "Xi Jinping", "President", CHINA_76, session=76),
    ], NEWS)


# -- #1: an office typed with a demonym, asked again by its holder's name -------------------------------------------
def test_an_office_typed_with_a_demonym_is_asked_about_its_bare_title_holder(world):
    for question in ("What did the Egyptian president say?", "What did Egypt's president say?"):
        ans = world.ask(question)  # (it recursed until RecursionError)
        assert not ans.abstained and ans.answer.startswith("Taking Abdel-Fattah El-Sisi"), ans.answer
        assert any("transport Palestinians" in c.quote for c in ans.citations), ans.answer


def test_offices_keep_the_words_they_are_typed_with():
    from assistant.query import asked_offices

    assert [(o.phrase, o.written) for o in asked_offices("What did the Egyptian president say?")] == [
        ("Egypt's president", "the Egyptian president")]
    assert [(o.phrase, o.written) for o in asked_offices("What did the president of Egypt say?")] == [
        ("Egypt's president", "the president of Egypt")]
    assert [(o.phrase, o.written) for o in asked_offices("What did the German chancellor say?")] == [
        ("Germany's chancellor", "the German chancellor")]


def test_a_rewrite_that_changes_nothing_is_never_asked_again(world):
    # (the guard every rewrite goes through: the question unchanged, one asked before, or too many rewrites)
    assert world._rewritten("What did the Egyptian president say?", "What did the Egyptian president say?", ()) \
        is None
    assert world._rewritten("What did X say?", "What did Y say?", ("What did Y say?",)) is None
    assert world._rewritten("What did X say?", "What did Y say?", ("a", "b")) is None
    assert world._rewritten("What did X say?", "What did Y say?", ()) == ("What did X say?",)


# -- #2: "PM" ---------------------------------------------------------------------------------------------------------
def test_pm_is_the_prime_minister(world):
    from assistant.query import asked_offices

    assert [(o.phrase, o.written) for o in asked_offices("What did the Israeli PM say about Iran?")] == [
        ("Israel's prime minister", "the Israeli PM")]
    ans = world.ask("What did the Israeli PM say about Iran?")
    assert not ans.abstained and "do not mention" not in ans.answer, ans.answer
    assert any("Iran must face a credible military threat" in c.quote for c in ans.citations), ans.answer


def test_a_dotted_state_abbreviation_before_an_office_is_the_state(world):
    # (re-check: "What did the U.S. president say about China?" was answered with a Fidelity Japan president's
    # quote, the office read as no state's; "the U.K. prime minister" said "Ask about one of them by name" naming none)
    from assistant.query import asked_offices

    assert [(o.phrase, o.written) for o in asked_offices("What did the U.S. president say about China?")] == [
        ("United States's president", "the U.S. president")]
    assert [o.country for o in asked_offices("What did the U.K. prime minister say?")] == ["United Kingdom"]
    ans = world.ask("What did the U.K. prime minister say about net zero?")
    assert ans.abstained and "United Kingdom's prime minister" in ans.answer, ans.answer
    assert "one of them by name" not in ans.answer, ans.answer


# -- #3: a name whose family name comes first ------------------------------------------------------------------------
def test_a_two_letter_family_name_is_the_speech_giver(world):
    ans = world.ask("What did Xi say about coal?")
    assert not ans.abstained and any("coal-fired power projects" in c.quote for c in ans.citations), ans.answer
    ans = world.ask("What did Xi pledge?")
    assert not ans.abstained and any("3 billion dollars" in c.quote for c in ans.citations), ans.answer


def test_a_two_letter_family_name_in_positions_and_compare(world):
    assert any("coal-fired" in c.text for c in world.positions("Xi", topic="coal"))
    comparison, ans = world.compare(["Xi", "Netanyahu"], topic="coal")
    assert any("coal-fired" in c.quote for c in ans.citations), ans.answer


# -- #4: a person's news statements beside his speech ----------------------------------------------------------------
def test_a_persons_news_statement_under_a_title_on_the_topic_answers(world):
    ans = world.ask("What did Netanyahu say about the Hamas attack?")
    assert not ans.abstained, ans.answer
    assert any("at war" in c.quote for c in ans.citations), ans.answer


def test_a_call_in_the_speakers_own_words_is_a_demand_of_those_called_on(world):
    ans = world.ask("What did Netanyahu call on Israelis to do?")
    assert not ans.abstained, ans.answer
    assert any("I call on all citizens of Israel to unite" in c.quote for c in ans.citations), ans.answer


def test_addressed_to_the_people_of_a_state():
    from assistant.answerer import addressed_to

    assert addressed_to("I call on all citizens of Israel to unite.", ["Israelis"])
    assert not addressed_to("I call on all citizens of Egypt to unite.", ["Israelis"])


# -- #5: an organisation's office typed as "the <owner> <office> for <its field>" ------------------------------------
def test_an_office_of_a_body_for_its_field_is_its_holder(world):
    from assistant.query import asked_org_offices

    assert [(o.phrase, o.owner, o.office) for o in asked_org_offices(
        "What did the EU commissioner for the internal market warn Elon Musk about?")] == [
        ("the EU commissioner for the internal market", "EU", "internal market commissioner")]
    ans = world.ask("What did the EU commissioner for the internal market warn Elon Musk about?")
    assert ans.answer.startswith("Taking Pierre Vautrin"), ans.answer
    ans = world.ask("What did the EU commissioner for the internal market say about illegal content?")
    assert ans.answer.startswith("Taking Pierre Vautrin"), ans.answer
    assert any("illegal content" in c.quote and c.speaker == "Pierre Vautrin" for c in ans.citations), ans.answer
