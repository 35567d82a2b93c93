"""Answers, from a sixth new-user pass (real store, model and spaCy; our own short inputs, built with the helpers
of ``tests/test_attribution.py``).

- "What did Israel demand of Hamas?" said Israel demanded nothing of Hamas though "Israel says it won’t lift the
  restrictions unless Hamas frees all hostages" is Israel's in the claims table: a refusal made conditional on
  another's act was no demand of them.
- "What did Israel offer in exchange for the hostages?" quoted Israel's tent-camp proposal for refugees: "exchange"
  and "returned" are one term, so the proposal shared the topic without naming the hostages.
- "Who criticized Israel?" quoted one anonymous tweet: Palestine's UN speech faulting Israel carries no cue, so no
  statement of the kind, and was left out.
- ``--source Reuters`` (no such outlet) answered "Nothing in the index matches the question".
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

ABBAS = (
    "I call on the international community to assume its responsibilities in preserving the historical and legal "
    "status of Jerusalem.\n"
    "Here I wonder: Why remain silent about all the flagrant violations of international law that are being "
    "committed by Israel, the occupying Power? Why is Israel not subjected to serious accountability? Why practice "
    "double standards when it comes to Israel? We will continue to seek peace.")
NEWS = {
    "blockade.md": _md("Palestine's tech industry has been blown apart by the war", "2023-10-14", (
        "About 1.1 million people living in northern areas have been told to leave in the next day. The UN has "
        "warned of “devastating humanitarian consequences” from these latest moves. A total blockade on the "
        "territory is being enforced with fuel, food and water running out. Israel says it won’t lift the "
        "restrictions unless Hamas frees all hostages.\n\n"
        "The situation on the ground appears dire, after waves of shelling.")),
    "refugees.md": _md("Egypt faces economic crisis but has an anti-Gaza refugee policy", "2023-10-22", (
        "The Israeli government has spoken to counterparts in several countries about Egypt temporarily housing "
        "Palestinians fleeing the violence in Gaza, according to officials with knowledge of the matter. Israel has "
        "suggested they could be moved to tent camps in the Sinai Peninsula — funded by the United Nations and the "
        "US — and then returned once military operations end, said the people.")),
    "truce.md": _md("A truce extended by a day", "2023-11-27", (
        "The truce between Israel and Hamas was extended by a day. In an interview, UK Sky News presenter Kay "
        "Burley asked Eylon Levy whether the fact that Israel is willing to release 150 Palestinian prisoners in "
        "exchange for 50 Israeli hostages indicates that Israel thinks that Palestinian lives are worth less.\n\n"
        "Aid trucks entered the enclave through the Rafah crossing.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings5"), [
        _speech("PSE", "Palestine", "Mahmoud Abbas", "President", ABBAS)], NEWS)


def test_a_refusal_conditional_on_anothers_act_answers_what_was_demanded_of_them(world):
    ans = world.ask("What did Israel demand of Hamas?")
    assert not ans.abstained and ans.citations, ans.answer
    assert "do not report Israel" not in ans.answer, ans.answer
    assert any("unless Hamas frees all hostages" in c.quote for c in ans.citations), ans.answer


def test_what_was_offered_in_exchange_for_something_names_it(world):
    ans = world.ask("What did Israel offer in exchange for the hostages?")
    assert not any("tent camps" in c.quote for c in ans.citations), ans.answer
    assert ans.citations and all("hostage" in c.quote for c in ans.citations), ans.answer


def test_who_criticized_a_state_names_another_states_speech_faulting_it(world):
    ans = world.ask("Who criticized Israel?")
    assert not ans.abstained and ans.citations and "No statement found" not in ans.answer, ans.answer
    assert any(c.speaker == "Palestine" and "flagrant violations" in c.quote for c in ans.citations), ans.answer
    assert "(Palestine)" in ans.answer and all(c.speaker != "Israel" for c in ans.citations), ans.answer
    assert not any("We will continue to seek peace" in c.quote for c in ans.citations), ans.answer


@pytest.mark.parametrize("sources", [["Reuters"], ["Reuters", "Agence France-Presse"]])
def test_a_source_filter_naming_no_outlet_says_so_in_the_answer(world, sources):
    ans = world.ask("What did Israel demand of Hamas?", filters={"sources": sources})
    assert ans.abstained and not ans.citations, ans.answer
    assert f"No article from {' or '.join(sources)} is in the index; its outlets are" in ans.answer, ans.answer
    assert "Test Wire" in ans.answer and "Nothing in the index matches" not in ans.answer, ans.answer
    assert not world.ask("What did Israel demand of Hamas?", filters={"sources": ["Reuters", "Test Wire"]}).abstained
