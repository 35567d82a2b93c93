"""Answers about a named actor, from a new user's fresh re-check (nup28, RECHECK sections 2 and 6; real store, model
and spaCy; the trial's own short articles).

- #2 "What did Dagalo demand?" quoted the Democratic Party's demand of Kishida and India's demand of Canada, from other
  articles, as the answer: the extractor credits Dagalo with no statement (his sentence is misparsed), and nothing kept
  a question naming someone the index does not know as a speaker from taking anyone's statement of the kind asked.
  Only the sentences where the one asked about speaks answer; none of the kind: the answer says so before them.
- #6 A body abstained, then listed its own officials as "others": "What did the Niger junta reject?" (its spokesman
  rejected the offer) and "What did ECOWAS say?" (its Commission President spoke). Whoever the articles introduce as a
  body's spokesman, president, chief, head or commander ("junta spokesman Col. X", "ECOWAS Commission President Y",
  "The junta's foreign ministry", "a spokesman for X") speaks for it.
- #6 "What did South Korea's opposition demand?" was read as asking South Korea (President Yoon's pledges) though the
  index holds "South Korea's main opposition Democratic Party ... demanded ...": a state's opposition is its opposition
  parties and leaders, never the state; none quoted, the answer says so.
"""
import pytest

NEWS = {
    "niger.txt": (
        "Niger junta gives French ambassador 48 hours to leave, rejects ECOWAS talks offer\nAssociated Press\n"
        "2023-08-25\n\n"
        "NIAMEY, Niger (AP) — Niger's military junta on Friday ordered the French ambassador to leave the country "
        "within 48 hours, the latest escalation since mutinous soldiers ousted the democratically elected president "
        "last month.\n\n"
        "The junta's foreign ministry said in a statement that Ambassador Sylvain Itte had refused an invitation to "
        "meet the new foreign minister and that his presence was \"contrary to the interests of Niger.\"\n\n"
        "France's foreign ministry said on Saturday that the junta had no authority to make such a request. \"The "
        "ambassador's accreditation comes solely from the legitimate, elected Nigerien authorities,\" the ministry "
        "said.\n\n"
        "Meanwhile, junta spokesman Col. Amadou Abdramane rejected an offer from the West African regional bloc ECOWAS "
        "to negotiate a short transition back to civilian rule. \"We will not be dictated to by anybody,\" he said in "
        "a televised address on Thursday, adding that the transition would last no more than three years.\n\n"
        "ECOWAS Commission President Omar Touray said the bloc still preferred diplomacy but that a standby force was "
        "ready. \"No option has been taken off the table,\" Touray told reporters in Abuja.\n\n"
        "Nigeria's President Bola Tinubu and Ivory Coast's President Alassane Ouattara spoke by phone on Wednesday. "
        "The two leaders agreed to keep pressure on the junta and demanded the immediate release of ousted President "
        "Mohamed Bazoum, Tinubu's office said.\n"),
    "korea.txt": (
        "Japan, South Korea leaders pledge to deepen security ties as Kishida visits Seoul\nReuters\n7 May 2023\n\n"
        "SEOUL, May 7 (Reuters) - Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol "
        "pledged on Sunday to deepen security cooperation in the face of North Korea's missile threats, in the first "
        "visit by a Japanese leader to Seoul in 12 years.\n\n"
        "The two leaders agreed to allow South Korean experts to inspect the Fukushima nuclear plant before the "
        "planned release of treated water into the sea, Yoon's office said.\n\n"
        "Kishida said his heart ached for the many people who \"endured very difficult and sad experiences\" under "
        "Japan's colonial rule of the Korean peninsula, but he stopped short of a fresh apology.\n\n"
        "Yoon said the two countries would also work with the United States to share real-time missile warning data. "
        "\"We will strengthen trilateral security cooperation to counter the North's nuclear and missile threats,\" "
        "he said.\n\n"
        "South Korea's main opposition Democratic Party said the summit was \"humiliating diplomacy\" and demanded "
        "that Kishida apologise directly for forced labour during the colonial period.\n"),
    "sudan.txt": (
        "Sudan's RSF proposes new ceasefire; army rejects it as a 'ploy'\nAssociated Press\nJune 20, 2023\n\n"
        "CAIRO (AP) — Sudan's paramilitary Rapid Support Forces proposed on Tuesday a 72-hour ceasefire to allow aid "
        "into the capital, Khartoum, but the army rejected the offer, calling it a ploy to regroup.\n\n"
        "RSF commander Gen. Mohamed Hamdan Dagalo said in an audio message that his forces were committed to a "
        "humanitarian truce and called on the international community \"to hold the other side accountable for its "
        "violations.\"\n\n"
        "The military, led by Gen. Abdel Fattah Burhan, said in a statement that it would not accept \"any truce that "
        "allows the rebel militia to reposition.\"\n\n"
        "\"We call on both parties to abide by their commitments and to stop attacking civilians,\" State Department "
        "spokesman Matthew Miller told reporters in Washington.\n"),
    "india.txt": (
        "India expels Canadian diplomat, rejects Trudeau's accusation as 'absurd'\nReuters\nTue 19 Sep 2023\n\n"
        "NEW DELHI/OTTAWA, Sept 19 (Reuters) - India on Tuesday expelled a senior Canadian diplomat and rejected as "
        "\"absurd and motivated\" allegations by Canadian Prime Minister Justin Trudeau that its agents may have been "
        "linked to the killing of a Sikh separatist leader in British Columbia.\n\n"
        "India's foreign ministry said in a statement that the allegations sought to shift focus from Khalistani "
        "extremists who had been given shelter in Canada. It demanded that Canada take \"prompt and effective legal "
        "action against all anti-India elements operating from their soil.\"\n"),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from assistant import Assistant

    where = tmp_path_factory.mktemp("findings16")
    for name, body in NEWS.items():
        (where / name).write_text(body, encoding="utf-8")
    a = Assistant.open(store=where / "store", create=True)
    assert a.ingest([where / n for n in sorted(NEWS)]).ok
    return a


# -- #2: a named person the index credits with nothing never gets another's statement of the kind ------------------
def test_a_person_asked_for_a_demand_is_never_answered_with_others_demands(world):
    ans = world.ask("What did Dagalo demand?")
    assert ans.citations, ans.answer
    assert all("Dagalo" in c.quote for c in ans.citations), ans.answer  # (only his sentence)
    assert "Democratic Party" not in ans.answer and "Canada" not in ans.answer, ans.answer
    # his call on the international community is shown, saying it is no demand in so many words (once the index
    # credits him with that statement: "do not report Mohamed Hamdan Dagalo demanding anything. What ... did say")
    assert "No statement found is a demand by Dagalo" in ans.answer \
        or "do not report Mohamed Hamdan Dagalo demanding anything" in ans.answer, ans.answer
    assert "called on the international community" in ans.answer, ans.answer


# -- #6: a body speaks by its spokesman, its commission president, its ministry -------------------------------------
def test_a_body_of_a_state_is_answered_by_its_spokesman(world):
    ans = world.ask("What did the Niger junta reject?")
    assert not ans.abstained, ans.answer
    assert "Statements of others" not in ans.answer and "do not report" not in ans.answer, ans.answer
    assert any("junta spokesman Col. Amadou Abdramane rejected an offer" in c.quote for c in ans.citations), ans.answer
    assert not any("France" in c.quote for c in ans.citations), ans.answer


def test_a_bloc_is_answered_by_its_commission_president(world):
    ans = world.ask("What did ECOWAS say?")
    assert not ans.abstained, ans.answer
    assert "do not report" not in ans.answer and "others" not in ans.answer, ans.answer
    assert any(c.quote.startswith("ECOWAS Commission President Omar Touray said") for c in ans.citations), ans.answer


def test_the_roles_that_make_someone_a_bodys_official():
    from assistant.answerer import serves

    assert serves("Hamas spokesman", ["Hamas"]) and serves("head of the IAEA", ["IAEA"])  # ("X spokesman")
    assert serves("ECOWAS Commission President Omar Touray", ["ECOWAS"])  # (a body of it)
    assert serves("RSF commander Gen. Mohamed Hamdan Dagalo", ["RSF"])
    assert not serves("Commission President Omar Touray", ["ECOWAS"])  # (another commission)
    article = "Niger's military junta on Friday ordered the French ambassador to leave."
    assert serves("junta spokesman Col.", ["Niger junta"], article)  # (its head noun, in an article naming Niger)
    assert not serves("junta spokesman Col.", ["Niger junta"], "The junta in Mali said ...")
    assert serves("The junta's spokesman, Col. Amadou Abdramane", ["Niger junta"], article)  # ("X's spokesman")
    assert not serves("Irish Data Protection Commission chair", ["Irish government"], "the Irish government said")


# -- #6: a state's opposition is its opposition party, never the state ------------------------------------------------
def test_a_states_opposition_is_its_opposition_party(world):
    ans = world.ask("What did South Korea's opposition demand?")
    assert not ans.abstained, ans.answer
    assert any("Democratic Party" in c.quote and "demanded that Kishida apologise" in c.quote
               for c in ans.citations), ans.answer
    assert "Yoon" not in ans.answer and "do not report South Korea" not in ans.answer, ans.answer


def test_a_states_opposition_nobody_quoted_is_said_to_have_said_nothing(world):
    ans = world.ask("What did Japan's opposition say?")
    assert ans.abstained, ans.answer
    assert ans.answer.startswith("The articles do not say. They do not report Japan's opposition saying anything."), \
        ans.answer  # (never Kishida's words as Japan's opposition's)
