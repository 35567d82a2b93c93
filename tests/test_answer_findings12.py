"""Answers, from a new user's trial (nup25; real store, model and spaCy; our own short inputs, built with the helpers
of ``tests/test_attribution.py``).

- "What did Lavrov say in 2023?" answered with a photo caption not naming him, "What did Xi Jinping say in November
  2023?" with captions naming him ("U.S. President Joe Biden shakes hands with Chinese President Xi Jinping ..."),
  "What did the Saudi crown prince say?" with a journalist's "Crown Prince Mohammed bin Salman ... might welcome such
  an initiative": nobody asked about speaks in them, so the answer must say they are not reported saying anything.
- "What is Japan's position on Security Council reform?" abstained: Japan's speech supports the "need to expand both
  the permanent and the non-permanent membership of the Council", without the word "reform".
- "What did Trump say about China's trade practices?" quoted the UK trade deal and "the Arms Trade Treaty", not the
  speech's passage on China.
- "What did BEUC say about Meta's subscription?" answered with narration: the article defines the acronym ("said the
  European Consumer Organisation (BEUC)"), not spelling it, and the body's statements are credited by its long form.
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

NEWS = {
    "front.md": _md("With hopes fading, the war could get harder in 2024", "2023-12-25", (
        "A soldier is seen inside an artillery vehicle in his fighting position as the Russia-Ukraine war continues "
        "near Kharkiv, Ukraine on November 20, 2023.\n\n"
        "Both armies are short of shells, and the front has barely moved since the summer.")),
    "summit.md": _md("Relations between the two powers are now about crisis prevention", "2023-11-13", (
        "U.S. President Joe Biden shakes hands with Chinese President Li Wenhai as they meet on the sidelines of the "
        "leaders' summit in Bali, Indonesia, November 14, 2022.\n\n"
        "In early October, five U.S. senators had an 80-minute meeting with Chinese President Li Wenhai.")),
    "refugees.md": _md("Egypt faces an economic crisis but holds to its refugee policy", "2023-10-22", (
        "Egypt has refused to take in refugees from Gaza.\n\n"
        "Saudi Crown Prince Faisal bin Nasser, aware of domestic anger at Israel, might welcome such an initiative to "
        "strengthen his regional profile, though he was absent from Saturday’s summit.")),
    "cairo.md": _md("Egypt holds to its refusal to host refugees from Gaza", "2023-10-22", (
        "President Karim Haddad prepares for elections in less than two months’ time.\n\n"
        "“Gaza’s people must stay on their land,” President Karim Haddad said on Wednesday.\n\n"
        "There was evidence of that focus on Saturday when Haddad hosted a summit in Cairo, with Middle East and "
        "European leaders in attendance.")),
    "velmor.md": _md("Velmor rules out joining Coastal Customs Union", "2019-03-11", (
        "Velmor will not join the Coastal Customs Union, Trade Minister Jonas Halde said on Monday, ending months of "
        "speculation in Port Ondo.")),
    "meta.md": _md("European consumer groups fight Meta's paid ad-free plan", "2023-11-30", (
        "Meta began offering a paid subscription to users in Europe who do not want to be tracked.\n\n"
        "“This is an unfair choice for users, which runs afoul of EU consumer law and must be stopped,” said the "
        "European Consumer Organisation (BEUC) in a statement.\n\n"
        "“The very high subscription fee is a deterrent for consumers, who have no real choice,” the European "
        "Consumer Organisation said.\n\n"
        "Meta could also face pressure to lower the subscription fee to make it more affordable for users.")),
}
ORLOV_77 = ("We stand for a just world order. The West has turned sanctions into a weapon against whole nations. Russia "
            "will defend its security interests.")
CHINA_76 = "China will keep opening its markets to the world. We oppose bloc confrontation."
JAPAN_78 = ("We need a Security Council that reflects the world today. Japan supports increased representation of "
            "Africa and the need to expand both the permanent and the non-permanent membership of the Council.")
BRAZIL_78 = ("The Council’s paralysis is the most eloquent proof of the urgent need to reform it. Brazil will keep "
             "working for peace.")
USA_74 = ("We are working closely with the Prime Minister on a magnificent new trade deal. That is why I announced this "
          "year that we will never ratify the Arms Trade Treaty, which would threaten the liberties of law-abiding "
          "American citizens. The most important difference in America’s new approach to trade concerns our "
          "relationship with China. Not only has China declined to adopt promised reforms, but it has embraced an economic model "
          "dependent on massive market barriers, heavy State subsidies, currency manipulation, product dumping and "
          "the theft of intellectual property and trade secrets on a grand scale.")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings12"), [
        _speech("RUS", "Russian Federation", "Pavel Orlov", "Minister for Foreign Affairs", ORLOV_77, session=77),
        _speech("CHN", "China", "Li Wenhai", "President", CHINA_76, session=76),
        _speech("JPN", "Japan", "Sato Kenji", "Prime Minister", JAPAN_78, session=78),
        _speech("BRA", "Brazil", "Rafael Duarte", "President", BRAZIL_78, session=78),
        _speech("USA", "United States of America", "Walter Brandt", "President", USA_74, session=74),
    ], NEWS)


# -- #1: narration is never what the one asked about said -------------------------------------------------------------
def test_a_speech_giver_silent_in_the_year_asked_is_said_to_be_silent_not_answered_with_a_caption(world):
    ans = world.ask("What did Orlov say in 2023?")
    assert ans.abstained, ans.answer
    assert "do not report Orlov saying anything in 2023" in ans.answer, ans.answer


def test_captions_naming_a_person_are_not_what_he_said(world):
    ans = world.ask("What did Li Wenhai say in November 2023?")
    assert ans.abstained, ans.answer
    assert "do not report Li Wenhai saying anything in November 2023" in ans.answer, ans.answer
    assert not ans.answer.startswith("U.S. President"), ans.answer


def test_speculation_about_an_office_holder_is_not_his_statement(world):
    ans = world.ask("What did the Saudi crown prince say?")
    assert ans.abstained, ans.answer
    assert "do not report the Saudi crown prince saying anything" in ans.answer, ans.answer


def test_what_else_after_all_he_said_is_not_narration_about_him(world):
    first = world.ask("What did Haddad say about Gaza?")
    assert not first.abstained and any("must stay on their land" in c.quote for c in first.citations), first.answer
    ans = world.ask("What else did he say?", history=[("What did Haddad say about Gaza?", first.answer)])
    assert ans.abstained, ans.answer
    assert "saying anything else" in ans.answer or "Nothing else found" in ans.answer, ans.answer


# -- #2: a change to a body in other words ---------------------------------------------------------------------------
def test_expanding_the_council_is_a_position_on_security_council_reform(world):
    ans = world.ask("What is Japan's position on Security Council reform?")
    assert not ans.abstained, ans.answer
    assert any("expand both the permanent" in c.quote for c in ans.citations), ans.answer


def test_a_change_word_stands_for_the_topics_own():
    from assistant.topic import Topic

    reform = Topic(frozenset({"reform"}), ("Security Council",))
    assert reform.shares("Japan supports the need to expand the membership of the Council.")
    assert not Topic(frozenset({"reform"}), ()).shares("We will expand our trade.")  # (no body named: as before)


# -- #3: the topic's owner weighs more than its generic words ----------------------------------------------------------
def test_the_owner_a_topic_names_answers_before_generic_words(world):
    ans = world.ask("What did Walter Brandt say about China's trade practices?")
    assert not ans.abstained and ans.citations, ans.answer
    assert any("China declined" in c.quote for c in ans.citations), ans.answer
    assert not any("Arms Trade Treaty" in c.quote or "trade deal" in c.quote for c in ans.citations), ans.answer


# -- #4: an acronym an article defines ------------------------------------------------------------------------------
def test_an_acronym_an_article_defines_finds_the_body(world):
    ans = world.ask("What did BEUC say about Meta's subscription?")
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.speaker == "European Consumer Organisation" for c in ans.citations), ans.answer
    assert not any("could also face pressure" in c.quote for c in ans.citations), ans.answer


def test_an_official_of_a_state_no_table_knows_speaks_for_it_in_a_statement_naming_it(world):
    # (shared case 11: "Velmor will not join the Coastal Customs Union, Trade Minister Jonas Halde said" was shown as
    # "none of them Velmor's words": his role names no state, and no table knows Velmor)
    ans = world.ask("What did Velmor say about joining the Coastal Customs Union before 2020?")
    assert not ans.abstained and any("Velmor will not join" in c.quote for c in ans.citations), ans.answer
