"""Answers, from an eleventh new-user pass (nup23; real store, model and spaCy; our own short inputs, built with the
helpers of ``tests/test_attribution.py``).

- "What did Andreas Sieber say about the COP28 text?" abstained: his "This text is a step forward ..." stands late in
  an article whose lead names COP28, beyond the few sentences before it that were read for the name.
- "What did Janet Yellen say about Binance?" abstained: her quote names "the U.S. financial system", read as being
  about another country, though the sentence before it and the title name Binance.
- Who-questions missed the doer told doing it ("an Oslo court rejected Meta's arguments", "The Irish have been
  pressing for a ceasefire") or faulting it in other words (Al Gore's "This obsequious draft reads as if OPEC
  dictated it"), quoted one doer only, and showed passages about something else as the nearest.
- "What did Netanyahu say about the Abraham Accords in September 2023?" said nothing matched: his speech is dated
  only by its year, which a month filter excluded.
- "What did Sweden pledge to Ukraine?" said Sweden pledged nothing while quoting "Sweden will pledge 50 million
  euros"; "What did the US and China commit to?" said China pledged nothing while quoting "the US and China —
  committed to ...".
- "What did Egypt demand of Israel?" quoted Egypt's call on "all peace-loving Powers".
- "What did Zelenksy say about Crimea?" said "They do not mention Zelenksy", with no "did you mean Zelenskyy?".
"""
import re

import pytest
from test_attribution import _md, _multihop_store, _speech, _speeches_and_articles

FILLER = ("Delegates spent the final night negotiating over the wording of several paragraphs, and observers said the "
          "talks ran many hours past their scheduled close as ministers shuttled between rooms. ")
NEWS = {
    "cop.md": _md("The world came close to a deal to phase out fossil fuels", "2023-12-13", (
        "What would have been a historic deal slipped out of reach at the eleventh hour.\n\n"
        "Countries gathered at the United Nations climate conference, called COP28, to wrangle over the future of "
        "fossil fuels.\n\n"
        + FILLER * 4 + "\n\n"
        + FILLER * 3 + "\n\n"
        "“This text is a step forward on our path towards phasing out fossil fuels, but is not the historic decision "
        "we hoped for.” Andreas Lindberg, director of policy for the environmental group Carbon Watch, said in a "
        "statement.")),
    "bourse.md": _md("Bourse to pay $4.3B in fines and its chief to step down", "2023-11-21", (
        "The crypto exchange Bourse agreed to pay about $4.3 billion to resolve the investigations.\n\n"
        "According to court documents, its founder told Bourse employees it was better to ask for forgiveness than "
        "permission.\n\n"
        "“Any institution, wherever located, that wants to reap the benefits of the U.S. financial system must also "
        "play by the rules or face the consequences,” Secretary of Treasury Janet Yellen said in the release.")),
    "opec.md": _md("Backlash over the draft climate deal", "2023-12-12", (
        "The Organization of the Petroleum Exporting Countries (OPEC) sent a letter to its member states pressuring "
        "them to reject any text that targets fossil fuels.\n\n"
        "Backlash was swift. “This obsequious draft reads as if OPEC dictated it word for word,” former US vice "
        "president Al Gore posted on X on Monday.\n\n"
        "EU commissioner Vera Jourova criticized platforms over access to data, saying they must do more.")),
    "meta.md": _md("Norway regulator seeks EU-wide ban on Meta ads", "2023-10-02", (
        "Norway's data protection authority asked a European Union regulator to make its ban on Meta's behavioural "
        "ads permanent.\n\n"
        "However, earlier this month, an Oslo court rejected Meta’s arguments, affirming the authority’s right to "
        "act.\n\n"
        "In New York, Judge Arthur Engoron rejected the arguments of the former president's lawyers.")),
    "irish.md": _md("Israel's envoy on the Irish position", "2023-12-03", (
        "The spokesman spoke about relations with European governments.\n\n"
        "\"The Irish have been pressing for a ceasefire for a long time and I explain to them that Hamas would "
        "commit more atrocities,\" Eylon Levy said.")),
    "sweden.md": _md("Sweden to rebuild schools", "2023-11-02", (
        "Foreign Minister Anna Lindqvist of Sweden said on Thursday that Sweden will pledge 50 million euros to "
        "rebuild schools in Ukraine.")),
    "envoys.md": _md("Climate envoys meet in California", "2023-11-20", (
        "The deal calls for the tripling of renewable energy capacity globally by 2030.\n\n"
        "Leading up to the conference, the world’s biggest polluters — the US and China — committed to working "
        "toward that goal together when their climate envoys met in California in November.")),
    "cosgrave.md": _md("Tech leaders quit the Web Summit over Cosgrave's remarks", "2023-10-18", (
        "Several founders pulled out of the Web Summit after remarks by its chief executive.\n\n"
        "Investor Dana Shapir criticized Paddy Cosgrave for his statements about the war.\n\n"
        "“As immoral as that is, Paddy Cosgrave chose to ignore the atrocities,” Orin Gal, the chief executive of "
        "a software firm, said.")),
    "kyiv.md": _md("Zelenskyy visits the front", "2023-06-02", (
        "President Volodymyr Zelenskyy said on Friday that Ukraine would keep defending its territory.")),
}
DAGAN_78 = ("The Abraham Accords were a pivot of history. We seek peace with all our neighbours. Iran must face a "
            "credible military threat.")
EGYPT_78 = ("The occupation of Palestinian land by Israel continues. We call on all peace-loving Powers to seize the "
            "opportunities available to salvage the two-State solution and achieve a just and comprehensive peace.")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings10"), [
        _speech("ISR", "Israel", "Avner Dagan", "Prime Minister", DAGAN_78, session=78),
        _speech("EGY", "Egypt", "Samir Fahmy", "Minister for Foreign Affairs", EGYPT_78, session=78),
    ], NEWS)


# -- #7, #10: a statement whose own sentence lacks the topic's name --------------------------------------------------
def test_this_text_late_in_an_article_whose_lead_names_cop28_is_on_the_cop28_text(world):
    ans = world.ask("What did Andreas Lindberg say about the COP28 text?")
    assert not ans.abstained and ans.citations, ans.answer
    assert any("This text is a step forward" in c.quote for c in ans.citations), ans.answer


def test_a_quote_naming_the_us_after_a_sentence_naming_the_company_is_on_the_company(world):
    ans = world.ask("What did Janet Yellen say about Bourse?")
    assert not ans.abstained and ans.citations, ans.answer
    assert any("Any institution" in c.quote for c in ans.citations), ans.answer


def test_the_names_test_reads_the_lead_and_a_company_beside_a_country():
    from assistant.topic import Topic

    article = ("The crypto exchange Bourse agreed to pay fines. Its founder told Bourse employees to hurry. "
               "“Any institution that wants the benefits of the U.S. financial system must play by the rules,” "
               "Yellen said.")
    at = article.index("“Any")
    assert Topic(frozenset({"bours"}), ("Bourse",)).names_in(article[at:], "", article, at)
    # (a country topic stays displaced by another country the sentence names)
    north = Topic(frozenset({"sanction"}), ("North Korea",))
    text = "Sanctions on North Korea were discussed. Russia opposes sanctions on Syria."
    assert not north.names_in(text[text.index("Russia"):], "", text, text.index("Russia"))


# -- #9, #17: who-questions -----------------------------------------------------------------------------------------
def test_who_criticized_finds_a_fault_said_in_other_words(world):
    ans = world.ask("Who criticized OPEC?")
    assert not ans.abstained and ans.citations, ans.answer
    assert "Al Gore" in ans.answer.split("“")[0] or ans.citations[0].speaker == "Al Gore", ans.answer
    assert not any("Jourova" in c.quote for c in ans.citations), ans.answer


def test_who_rejected_finds_the_doer_told_doing_it(world):
    ans = world.ask("Who rejected Meta's arguments?")
    assert not ans.abstained and ans.citations, ans.answer
    assert "Oslo court" in ans.citations[0].quote and "Oslo court" in ans.answer.split(")")[0], ans.answer
    assert not any("Engoron" in c.quote for c in ans.citations), ans.answer


def test_who_demanded_a_ceasefire_names_who_pressed_for_it(world):
    ans = world.ask("Who demanded a ceasefire?")
    assert not ans.abstained and ans.citations, ans.answer
    assert re.match(r"\((?:the )?Irish\)", ans.answer), ans.answer


def test_who_criticized_lists_each_doer(world):
    ans = world.ask("Who criticized Paddy Cosgrave?")
    assert not ans.abstained, ans.answer
    assert {"Dana Shapir", "Orin Gal"} <= {c.speaker for c in ans.citations}, ans.answer


def test_the_nearest_passages_of_a_who_question_are_about_what_was_asked(world):
    ans = world.ask("Who criticized Bourse?")
    assert ans.answer.startswith("No statement found is a criticism"), ans.answer
    assert all("Bourse" in c.quote for c in ans.citations), ans.answer


def test_narrated_doer():
    from assistant.answerer import narrated_doer

    assert narrated_doer("rejection", "However, earlier this month, an Oslo court rejected Meta’s arguments.")[0] \
        == "an Oslo court"
    assert narrated_doer("demand", "The Irish have been pressing for a ceasefire for a long time.")[0] == "the Irish"
    assert narrated_doer("demand", "They have been pressing for a ceasefire.") == ("", "")


# -- #11: a document dated only by its year under a month ------------------------------------------------------------
def test_a_speech_dated_by_its_year_answers_for_a_month_of_that_year_and_says_so(world):
    ans = world.ask("What did Dagan say about the Abraham Accords in September 2023?")
    assert not ans.abstained and ans.citations, ans.answer
    assert any("pivot of history" in c.quote and c.published == "2023" for c in ans.citations), ans.answer
    assert "dated only by the year" in ans.answer, ans.answer


# -- #14: no negative the quote contradicts ----------------------------------------------------------------------------
def test_will_pledge_is_the_states_pledge(world):
    ans = world.ask("What did Sweden pledge to Ukraine?")
    assert "do not report Sweden" not in ans.answer, ans.answer
    assert any("Sweden will pledge 50 million euros" in c.quote for c in ans.citations), ans.answer


def test_a_pledge_by_two_states_set_off_by_dashes_is_each_ones(world):
    ans = world.ask("What did the US and China commit to?")
    assert "pledge by China" not in ans.answer and any("committed to working" in c.quote for c in ans.citations), \
        ans.answer


def test_reported_offers():
    from assistant.query import Query

    q = Query(question="", text="", actors=("United States", "China"), kind="pledge")
    assert "China" in __import__("assistant.attribution", fromlist=["x"]).reported_offers(
        q, "the world’s biggest polluters — the US and China — committed to working toward that goal")


# -- #19: the addressee of a demand ------------------------------------------------------------------------------------
def test_a_demand_of_a_state_must_be_made_of_it(world):
    ans = world.ask("What did Egypt demand of Israel?")
    assert ans.abstained, ans.answer
    assert "do not report Egypt demanding anything of Israel" in ans.answer, ans.answer


def test_addressed_to():
    from assistant.answerer import addressed_to

    assert addressed_to("We call on Israel to end the blockade.", ["Israel"])
    assert addressed_to("The Israeli government must allow aid in.", ["Israel"])
    assert not addressed_to("We call on all peace-loving Powers to salvage the two-State solution with Israel.",
                            ["Israel"])


# -- #16: a misspelled name -------------------------------------------------------------------------------------------
def test_a_misspelled_name_gets_the_close_known_names(world):
    ans = world.ask("What did Zelenksy say about Crimea?")
    assert ans.abstained and "Did you mean" in ans.answer and "Zelenskyy" in ans.answer, ans.answer


# -- the real articles (MultiHop-RAG; skipped when ../shared/datasets is absent) -------------------------------------
@pytest.fixture(scope="module")
def real(tmp_path_factory):
    return _multihop_store(tmp_path_factory.mktemp("findings10_real"), (374, 602))


@pytest.mark.parametrize("question, quoted", [
    ("What did Andreas Sieber say about the COP28 text?", "This text is a step forward"),
    ("What did Janet Yellen say about Binance?", "Any institution, wherever located"),
    ("Who criticized OPEC?", "This obsequious draft"),
])
def test_real_articles(real, question, quoted):
    ans = real.ask(question)
    assert not ans.abstained and any(quoted in c.quote for c in ans.citations), ans.answer


def test_real_us_and_china_commitment_is_chinas_too(real):
    ans = real.ask("What did the US and China commit to before COP28?")
    assert "pledge by China" not in ans.answer and any("committed to working" in c.quote for c in ans.citations), \
        ans.answer
