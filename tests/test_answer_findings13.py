"""Answers, from a new user's re-check (nup26; real store, model and spaCy; our own short inputs, built with the
helpers of ``tests/test_attribution.py``).

- "What did Xi Jinping propose?" missed "To this end, I would like to propose a Global Development Initiative:" in his
  speech: the index holds it as China's proposal, but the sentence ends in a colon before its bulleted list, and
  the sentence ranker dropped it as a crosshead.
- "What did the DOJ say?" abstained ("none of them the DOJ's words") and then labelled a passage "Department of
  Justice": the article writes both forms and never defines one as the other, and "DOJ" reads the linking word.
- "Did he mention sanctions?" after "What did Zelenskyy say about Russia?" said he did not: the full name he stands
  for matches two spellings the index holds, and only the first was taken as the speech's giver, the other asked
  about as a person silent in his own speech.
- "What did the German chancellor say?", "What did India's prime minister announce?", "What did the US Treasury
  Secretary say about sanctions?": the roles quoted name no state ("Chancellor", "Secretary of Treasury"), while
  another article introduces the person with it ("German Chancellor ...", "Prime Minister ... of India", "U.S.
  Treasury Secretary ...").
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

NEWS = {
    "labor.md": _md("Factory fined over unpaid overtime", "2023-11-21", (
        "The DOL opened its inquiry into the plant in March after complaints from workers.\n\n"
        "“The company repeatedly denied workers the overtime pay they had earned,” the Department of Labor said in a "
        "statement on Tuesday.\n\n"
        "The plant’s owner has appealed the fine.")),
    "cairo.md": _md("Leaders meet in Cairo", "2023-10-18", (
        "Visiting Chancellor Olaf Brenner praised the unity of the two countries in working to prevent a wider war.")),
    "berlin.md": _md("Berlin prepares its budget", "2023-10-20", (
        "German Chancellor Olaf Brenner returned to Berlin on Thursday after a trip to the region.")),
    "summit.md": _md("Corridor plan unveiled at summit", "2023-09-10", (
        "At the summit, Prime Minister Arjun Mehra announced plans for a corridor linking the Gulf to Europe by rail "
        "and sea.")),
    "floods.md": _md("Monsoon season ends", "2023-09-30", (
        "Prime Minister Arjun Mehra of India toured the flooded districts on Saturday.")),
    "fines.md": _md("Exchange pays fines", "2023-11-21", (
        "“Sanctions evasion will not be tolerated, and any exchange that ignores sanctions will face the "
        "consequences,” Secretary of Treasury Dana Whitcombe said in the release.")),
    "talks.md": _md("Talks in San Francisco", "2023-11-12", (
        "Vice Premier Liu Hefang raised the issues in meetings with U.S. Treasury Secretary Dana Whitcombe in San "
        "Francisco.")),
    "kyiv.md": _md("Kyiv asks for more air defence", "2023-09-20", (
        "President Taras Hrynenky said Russia was shelling power plants again.")),
    "grain.md": _md("Grain shipments resume", "2023-09-22", (
        "Taras Hrynenkyy said Russian attacks on the ports would not stop the grain shipments.")),
}
CHINA_76 = ("Facing the shocks of the pandemic, we need to work together to steer global development toward a new "
            "stage of balanced growth. To this end, I would like to propose a Global Partnership Initiative:\n"
            "-\tStaying committed to development as a priority. We need to put development high on the global "
            "agenda.\n"
            "-\tStaying committed to a people-centred approach. We should protect and promote human rights through "
            "development.\n"
            "The year 2021 is a truly remarkable one for the Chinese people.")
UKRAINE_78 = ("We will never surrender to the aggressor. Russia must leave our land. Therefore, sanctions against the "
              "aggressor are a part of the peace formula.")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings13"), [
        _speech("CHN", "China", "Li Wenhai", "President", CHINA_76, session=76),
        _speech("UKR", "Ukraine", "Taras Hrynenkyy", "President", UKRAINE_78, session=78),
    ], NEWS)


# -- #1: a statement ending in a colon before its list -----------------------------------------------------------------
def test_a_proposal_ending_in_a_colon_before_its_list_answers(world):
    for q in ("What did Li Wenhai propose?", "What did China propose?"):
        ans = world.ask(q)
        assert not ans.abstained, ans.answer
        assert any("I would like to propose a Global Partnership Initiative" in c.quote for c in ans.citations), \
            (q, ans.answer)


# -- #2: an acronym reading the linking word of a body's name ----------------------------------------------------------
def test_an_acronym_of_a_bodys_initials_finds_its_statements(world):
    ans = world.ask("What did the DOL say?")
    assert not ans.abstained, ans.answer
    assert ans.citations and all(c.speaker == "Department of Labor" for c in ans.citations), ans.answer
    assert any("denied workers the overtime pay" in c.quote for c in ans.citations), ans.answer


def test_initials_stand_for_one_body_only():
    from index.actors import match_actor_names

    assert match_actor_names("DOL", ["Department of Labor", "Kaia Lind"]) == ["Department of Labor"]
    assert match_actor_names("SEC", ["Securities and Exchange Commission"]) == ["Securities and Exchange Commission"]
    assert match_actor_names("DOL", ["Department of Labor", "Department of Lighthouses"]) == []  # (two bodies)
    # a person's initials are a nickname when one person's are ("CZ" for Changpeng Zhao); never a state's letters
    assert match_actor_names("DL", ["Dana Lindqvist"]) == ["Dana Lindqvist"]
    assert match_actor_names("SBF", ["Sam Bankman-Fried", "Department of Labor"]) == ["Sam Bankman-Fried"]
    assert match_actor_names("US", ["Ursula Schmidt"]) == []


# -- #3: a speech's giver the index spells two ways ------------------------------------------------------------------
def test_did_he_mention_after_a_giver_spelled_two_ways(world):
    first = world.ask("What did Hrynenkyy say about Russia?")
    assert not first.abstained, first.answer
    for q, history in (("Did he mention sanctions?", [("What did Hrynenkyy say about Russia?", first.answer)]),
                       ("Did Taras Hrynenkyy mention sanctions?", None)):
        ans = world.ask(q, history=history)
        assert not ans.abstained, (q, ans.answer)
        assert any("sanctions against the aggressor" in c.quote for c in ans.citations), (q, ans.answer)


# -- #4: an office whose role names no state, and an article naming the state beside the name ---------------------------
@pytest.mark.parametrize("question, quote", [
    ("What did the German chancellor say?", "praised the unity of the two countries"),
    ("What did India's prime minister announce?", "announced plans for a corridor"),
    ("What did the US Treasury Secretary say about sanctions?", "Sanctions evasion will not be tolerated"),
])
def test_an_office_held_by_a_person_an_article_gives_the_state(world, question, quote):
    ans = world.ask(question)
    assert not ans.abstained, ans.answer
    assert any(quote in c.quote for c in ans.citations), ans.answer


def test_a_former_office_introduced_is_not_held():
    from assistant.query import introduced_roles

    assert introduced_roles("Olaf Brenner", ["German Chancellor Olaf Brenner arrived."]) == ["German Chancellor"]
    assert introduced_roles("Olaf Brenner", ["Chancellor Olaf Brenner of Germany arrived."]) == ["Chancellor of Germany"]
    assert introduced_roles("Olaf Brenner", ["Former German Chancellor Olaf Brenner arrived."]) == []
    assert introduced_roles("Olaf Brenner", ["Visiting Chancellor Olaf Brenner arrived."]) == []
