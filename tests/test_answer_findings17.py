"""Answers from a new user's re-check (nup28, sections 7 and 8; real store, model and spaCy; our own short inputs).

- #8 "Did Kishida apologise?" abstained, though the article says "... but he stopped short of a fresh apology": the
  noun of the act ("apology") did not count as the verb asked ("apologise"), so only the opposition's demand that he
  apologise was found, and that is another's. A yes/no question about an act is now answered from a sentence reporting
  the one asked not doing it ("No: ..."), with what they said right after it.
- #7 "What did India reject?": "rejected as 'absurd and motivated' allegations by ..." gave no statement (the parser
  hangs what is rejected on "as").
- #7 "What did the G7 pledge?" (the table links "G7" and "Group of Seven"): in general, a numeral short form and the
  full name both in the index ("G11", "Group of Eleven") are one body asked about.
- #7 "What did Saudi Arabia say about Sudan?" abstained on "Saudi Arabia and the United States, which have mediated
  talks in the Saudi city of Jeddah, urged both sides ...": the joint speaker was read as another country the
  sentence is about.
"""
import pytest
from test_attribution import _md

from index.actors import match_actor_names
from index.claims import ClaimExtractor

NEWS = {
    "apology.md": _md("Ostravia, Veldan leaders pledge closer ties as Varga visits Korva", "2023-05-07", (
        "KORVA, May 7 (Test Wire) - Ostravian Prime Minister Tomas Varga and Veldan President Ilse Marek pledged on "
        "Sunday to deepen security cooperation.\n\n"
        "Varga said his heart ached for the many people who \"endured very difficult and sad experiences\" under "
        "Ostravia's colonial rule of Veldan, but he stopped short of a fresh apology.\n\n"
        "\"The Ostravian government's position is that it inherits the positions of previous cabinets, including "
        "their historical recognition,\" Varga told a joint news conference.\n\n"
        "Veldan's main opposition Democratic Party said the summit was \"humiliating diplomacy\" and demanded that Varga "
        "apologise directly for forced labour during the colonial period.")),
    "ethiopia.md": _md("Ethiopia's rebels propose new truce; army rejects it", "2023-06-20", (
        "ADDIS ABABA, June 20 (Test Wire) - Rebel commanders proposed on Tuesday a 72-hour truce to allow aid into "
        "the north, but the army rejected the offer.\n\n"
        "Kenya and Norway, which have mediated talks in the Kenyan capital Nairobi, urged both sides to return to "
        "the negotiating table.\n\n"
        "Aid groups said more than a million people had been displaced by the fighting.")),
    "expulsion.md": _md("Ostravia expels Veldan diplomat, rejects accusation", "2023-09-19", (
        "KORVA, Sept 19 (Test Wire) - Ostravia on Tuesday expelled a senior Veldan diplomat and rejected as "
        "\"absurd and motivated\" allegations by Veldan's prime minister that its agents may have been linked to the "
        "killing of an activist.\n\n"
        "The Veldan prime minister told parliament on Monday that the allegations were credible.")),
    "group.md": _md("Group ministers pledge food aid to Ostravia", "2023-04-18", (
        "KARUIZAWA, April 18 (Test Wire) - Foreign ministers from the Group of Eleven pledged on Tuesday to double "
        "food aid to Ostravia and to cancel its debts.\n\n"
        "The G11 also called on Veldan to reopen its border crossings.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from assistant import Assistant

    where = tmp_path_factory.mktemp("findings17")
    for name, body in NEWS.items():
        (where / name).write_text(body, encoding="utf-8")
    a = Assistant.open(store=where / "store", create=True)
    assert a.ingest([where / n for n in sorted(NEWS)]).ok
    return a


# -- #8: "Did X apologise?" and "he stopped short of a fresh apology" ----------------------------------------------
def _says_no(ans):
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("No: "), ans.answer
    quotes = [c.quote for c in ans.citations]
    assert any(q.endswith("but he stopped short of a fresh apology.") for q in quotes), quotes
    assert any("inherits the positions of previous cabinets" in q for q in quotes), quotes  # (what he said instead)
    assert not any("opposition" in q for q in quotes), quotes  # (another's demand that he apologise)


def test_a_yes_no_question_about_an_act_is_answered_by_its_report_of_not_doing_it(world):
    _says_no(world.ask("Did Varga apologise?"))
    _says_no(world.ask("Did Tomas Varga apologize?"))  # (the other spelling)
    # (the pledge was made: no "No:" for what was done)
    assert not world.ask("Did Varga pledge to deepen security cooperation?").answer.startswith("No")


def test_the_follow_up_about_the_act_is_answered_so_too(world):
    first = "What did Varga say about colonial rule?"
    before = world.ask(first)
    _says_no(world.ask("Did he apologise?", history=[(first, before.answer)]))


# -- #7: "rejected as 'X' allegations by ..." -------------------------------------------------------------------------
def test_a_rejection_with_its_label_before_what_is_rejected_is_extracted():
    text = NEWS["expulsion.md"].split("---\n", 2)[2]
    rejected = [c for c in ClaimExtractor().extract(text, "d", "2023-09-19") if c.kind == "rejection"]
    assert [c.actor for c in rejected] == ["Ostravia"], rejected
    assert "allegations by Veldan's prime minister that its agents" in rejected[0].text, rejected[0].text


def test_what_the_state_rejected_is_answered(world):
    ans = world.ask("What did Ostravia reject?")
    assert not ans.abstained, ans.answer
    assert any("rejected as \"absurd and motivated\" allegations" in c.quote for c in ans.citations), ans.answer


# -- #7: a numeral short form and the full name are one body ---------------------------------------------------------
def test_a_numeral_short_form_and_the_full_name_are_one_actor():
    known = ["G11", "Group of Eleven", "Group of 20", "Russia", "Security Council", "Sanctions Committee", "SC"]
    assert match_actor_names("G11", known) == ["G11", "Group of Eleven"]
    assert match_actor_names("Group of Eleven", known) == ["Group of Eleven", "G11"]
    assert match_actor_names("G-11", known) == ["G11", "Group of Eleven"]
    assert match_actor_names("Group of Twenty", known) == ["Group of 20"]
    assert match_actor_names("SC", known) == ["SC"]  # (initials of two bodies: neither)


def test_the_short_form_asked_finds_the_full_names_pledge(world):
    ans = world.ask("What did the G11 pledge?")
    assert not ans.abstained, ans.answer
    assert "No statement found" not in ans.answer, ans.answer
    assert any("Group of Eleven pledged on Tuesday" in c.quote for c in ans.citations), ans.answer
    ans = world.ask("What did the Group of Eleven demand?")
    assert "No statement found" not in ans.answer, ans.answer
    assert any(c.quote.startswith("The G11 also called on Veldan") for c in ans.citations), ans.answer


# -- #7: a joint statement is not about the joint speaker ----------------------------------------------------------
@pytest.mark.parametrize("state", ["Kenya", "Norway"])
def test_a_joint_statement_is_about_the_articles_topic_not_the_other_speaker(world, state):
    ans = world.ask(f"What did {state} say about Ethiopia?")
    assert not ans.abstained, ans.answer
    assert any(c.quote.startswith("Kenya and Norway, which have mediated talks") for c in ans.citations), ans.answer
