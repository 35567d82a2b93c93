"""Answers, from a ninth new-user pass (nup21; real store, model and spaCy; our own short inputs, built with the
helpers of ``tests/test_attribution.py``).

- "What did Lavrov say in 2023 about NATO?" quoted his 2022 speech: a year inside the question was read as dating an
  event ("founded in 2015"), not what was said, unless it ended the question ("... about NATO in 2023" worked).
- "What did Netanyahu say on October 7?" abstained: "October 7" was read as the topic, not as the day he spoke.
- "Did he mention Hamas?" after it answered yes with a sentence that does not name Hamas (it stood under a title
  naming it, and he gave his state's UN speech): a "did X mention Y" is answered yes only by a sentence naming Y.
- "What did the US and China commit to on renewable energy?" said no such pledge: "committed to working toward that
  goal" refers back to the tripling of renewable energy capacity the sentence before it names, and "that goal" was
  no reference back.
- "Who offered to establish an international task force to assist Israel?" answered with the EU's call for a
  humanitarian corridor, which shares one word ("International aid groups") of the five the question asks about.
- "What is Egypt's position on Gazan refugees?" said Egypt said nothing and quoted El-Sisi's rejection as someone
  else's: the claims give him the bare role "President"; the article introduces him as Egypt's.
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

LAVROV_2022 = (
    "Western leaders promised that they would not expand NATO eastward by an inch. We believed those promises. "
    "Russia will continue to defend its legitimate interests.")
LAVROV_2023 = (
    "One new and dangerous manifestation of NATO’s expansionism is the attempt to extend the bloc’s area of "
    "responsibility to the entire Eastern hemisphere. Russia will continue to strengthen its partnership with the "
    "States of the global majority.")
DAGAN = "We seek peace with all our neighbours. Iran must face a credible military threat."
NEWS = {
    "war.md": _md("Hamas' surprise attack on Israel shocks the region", "2023-10-07", (
        "Hamas launched a surprise attack on southern Israel early on Saturday.\n\n"
        "Israeli Prime Minister Avner Dagan said that since this morning, Israel had been at war and its first "
        "objective was to clear out the hostile forces that infiltrated its territory.\n\n"
        "\"We are at war. I call on all citizens of Israel to unite in order to achieve victory,\" Dagan said.")),
    "peace.md": _md("Dagan hails talks on normalisation with Saudi Arabia", "2023-09-22", (
        "Israeli Prime Minister Avner Dagan said on Friday that Israel was at the cusp of a historic peace with "
        "Saudi Arabia.\n\n"
        "\"Such a peace will go a long way to ending the Arab-Israeli conflict,\" Dagan said.")),
    "egypt.md": _md("Egypt faces economic crisis but has an anti-Gaza refugee policy", "2023-10-22", (
        "The war between Israel and Hamas has turned the spotlight on Egypt’s role as a regional powerbroker, as "
        "President Karim Mansour prepares for elections in less than two months’ time.\n\n"
        "Western governments are now courting Mansour for help in alleviating the pressure on Gaza. But he has "
        "rejected any suggestion Egypt host Gazan refugees, suggesting Israel should instead take in Palestinians "
        "to its Negev desert.")),
    "cop.md": _md("Climate summit strikes a deal on the transition away from fossil fuels", "2023-12-13", (
        "Negotiators at the climate summit wrapped up two weeks of talks on Wednesday.\n\n"
        "The deal calls for the tripling of renewable energy capacity globally by 2030, something that more than 100 "
        "countries had already pledged to do. Leading up to the conference, the world’s biggest polluters — the US "
        "and China — committed to working toward that goal together when their climate envoys met in California in "
        "November.")),
    "aid.md": _md("Gaza faces a real risk of starvation, says peace studies scholar", "2023-10-13", (
        "International aid groups are warning that they cannot deliver food to people in the Gaza Strip.\n\n"
        "International aid groups and European Union officials have called for a humanitarian corridor to be set up "
        "in Gaza – meaning a protected path for civilians and aid workers to pass through safely back and forth from "
        "Gaza to Israel and Egypt.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings8"), [
        _speech("RUS", "Russian Federation", "Sergey Lavrov", "Minister for Foreign Affairs", LAVROV_2022, session=77),
        _speech("RUS", "Russian Federation", "Sergey Lavrov", "Minister for Foreign Affairs", LAVROV_2023, session=78),
        # (the prime minister gave his state's speech too: his news sentences then answer for Israel)
        _speech("ISR", "Israel", "Avner Dagan", "Prime Minister", DAGAN),
    ], NEWS)


@pytest.mark.parametrize("question", ["What did Lavrov say in 2023 about NATO?", "In 2023, what did Lavrov say about NATO?",
                                      "What did Lavrov say about NATO in 2023?"])
def test_a_year_anywhere_in_the_question_dates_what_was_said(world, question):
    ans = world.ask(question)
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.published.startswith("2023") for c in ans.citations), [(c.published, c.quote) for c in ans.citations]


def test_a_year_inside_the_question_dating_an_event_is_no_filter():
    from assistant.query import time_scope

    assert not time_scope("Which company, founded in 2015 and reported by TechCrunch, raised prices?").bounded
    assert time_scope("What did Lavrov pledge in 2022 to North Korea?").since == "2022"


def test_a_day_without_its_year_is_when_it_was_said_not_the_topic(world):
    ans = world.ask("What did Dagan say on October 7?")
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.published.startswith("2023-10-07") for c in ans.citations), ans.answer
    assert any("We are at war" in c.quote or "had been at war" in c.quote for c in ans.citations), ans.answer


def test_a_day_naming_an_event_stays_the_topic():
    from assistant.query import time_scope

    assert not time_scope("What did Biden say about the attack on October 7?").phrases
    assert time_scope("What did Dagan say on October 7?").month_days == ("10-07",)


def test_did_he_mention_is_yes_only_with_a_sentence_naming_it(world):
    first = "What did Dagan say on October 7?"
    ans = world.ask(first)
    follow = world.ask("Did he mention Hamas?", history=[(first, ans.answer)])
    assert follow.abstained and not follow.citations, follow.answer
    assert "Hamas" in follow.answer and "mentioning Hamas" in follow.answer, follow.answer
    # (one that does name it answers yes)
    said = world.ask("Did Dagan mention Saudi Arabia?")
    assert not said.abstained and any("Saudi Arabia" in c.quote for c in said.citations), said.answer


def test_a_head_of_state_quoted_by_the_bare_title_speaks_for_the_state_his_article_makes_him_head_of(world):
    ans = world.ask("What is Egypt's position on Gazan refugees?")
    assert not ans.abstained, ans.answer
    assert "do not report Egypt" not in ans.answer and "Statements of others" not in ans.answer, ans.answer
    assert any("rejected any suggestion Egypt host Gazan refugees" in c.quote for c in ans.citations), ans.answer


def test_the_role_words_introducing_a_person_tie_them_to_a_state():
    from assistant.stance import introduced_states

    text = ("Egyptian President Karim Mansour met US President Jon Hale. Later Mansour, the president of Egypt, "
            "spoke.")
    assert introduced_states("Karim Mansour", text) == {"Egypt"}
    assert introduced_states("Jon Hale", text) == {"United States"}
    assert introduced_states("Lena Park", "Lena Park, a professor, said so.") == set()


def test_a_pledge_toward_that_goal_is_on_the_goal_the_sentence_before_names(world):
    ans = world.ask("What did the US commit to on renewable energy?")
    assert not ans.abstained and "No statement found" not in ans.answer, ans.answer
    assert any("committed to working toward that goal" in c.quote for c in ans.citations), ans.answer


def test_that_goal_refers_back_to_the_sentence_before():
    from assistant.topic import Topic

    article = ("The deal calls for the tripling of renewable energy capacity globally by 2030. Leading up to the "
               "conference, the US and China committed to working toward that goal together.")
    at = article.index("Leading")
    assert Topic.parse("renewable energy").covers(article[at:], (), "", article, at)


def test_a_who_question_is_not_answered_by_a_statement_sharing_one_word_of_a_long_topic(world):
    ans = world.ask("Who offered to establish an international task force to assist Israel?")
    assert ans.answer.startswith("No statement found is a proposal"), ans.answer
    assert not ans.answer.startswith("(European Union)"), ans.answer
