"""Answers, from a tenth new-user pass (real MultiHop-RAG news; our own short inputs shaped like those articles, built
with the helpers of ``tests/test_attribution.py``, and the real articles when the shared dataset is present).

- "What did France's president say about Gaza?" answered with the French foreign minister's words and her speech for
  France: "The president of France said ..." made the state hold the office, and then every statement of the state
  and its officials answered for it. An office is answered only by its holder's statements, else it says so.
- "What did Ireland demand?" quoted narration on "Ireland's DPC" (nobody's statement) once an Israeli spokesman's
  "The Irish have been pressing for a ceasefire" was found; "What did the Irish government say?" read "Irish" as the
  actor "Irish Data Protection Commission" (a state's regulator is not the state speaking).
- "on June 8, 2018" in a question was no filter ("on June 8" and "in 2018" were).
- ``compare "Xi Jinping" "Vladimir Putin" --topic Iran`` gave the joint statement ("Xi and Putin also pledged ...")
  to Xi only and said Putin had none.
- False abstentions: "What did Trump say about autoworkers?" (none of his sentences names them; the article's title
  does), "What did Kishida urge investors to do?" ("I would urge you to ... invest in Japan": no "investors"),
  "What did the EDPB say?" (the index credits it with nothing; "the EDPB confirmed receipt ..." and its
  spokeswoman's quotation were not read as it speaking, nor the acronym as the long form the article defines).
"""
import pytest
from test_attribution import _md, _multihop_store, _speech, _speeches_and_articles

VASSEUR = ("France stands with the Palestinian people. We call for a two-State solution. France will support the "
           "people of Gaza with humanitarian aid.")
KISHIDA = ("The dignity of the individual must not be neglected as States and the international community tackle "
           "global challenges. We must be ready for the next infectious disease. Fourthly, we must prepare for the "
           "next infectious disease outbreak.")
NEWS = {
    "visit.md": _md("French leader visits Israel, offers solidarity", "2023-10-24", (
        "France's president arrived in Tel Aviv on Tuesday.\n\n"
        "The president of France said that Israel had the right to defend itself and proposed that the coalition "
        "against the Islamic State also fight Hamas.")),
    "truce.md": _md("France calls for humanitarian truce in Gaza", "2023-10-26", (
        "French Foreign Minister Claire Vasseur said on Thursday that a humanitarian truce in Gaza was needed to let "
        "aid in.\n\n"
        "Egypt's foreign minister Karim Fathy said the siege of Gaza must end immediately.")),
    "meta.md": _md("Meta to offer ad-free subscription in Europe in bid to keep tracking other users", "2023-10-30", (
        "Meta is launching a subscription in Europe.\n\n"
        "In the meanwhile, people in the EU’s single market are once again being directed to wait on Ireland’s DPC "
        "to enforce their privacy rights.\n\n"
        "Contacted for a response to the development, Meta’s lead regulator in the EU, Ireland’s Data Protection "
        "Commission (DPC) sent us a statement.\n\n"
        "The Irish Data Protection Commission demanded that Meta stop tracking users without consent.")),
    "levy.md": _md("Israel's prince of public diplomacy", "2023-12-03", (
        "Yoav Tal is the Israeli government's spokesman to foreign media.\n\n"
        "\"The Irish have been pressing for a ceasefire for a long time and I explain to them that Hamas will "
        "commit more atrocities if we stop,\" Tal said.")),
    "talks1.md": _md("Ostrava talks open", "2018-06-08", (
        "Foreign Minister Petra Lindqvist of Sweden said on Friday that the talks on the Baltic pipeline would "
        "resume in July.")),
    "talks2.md": _md("Ostrava talks stall", "2018-06-09", (
        "Foreign Minister Petra Lindqvist of Sweden said on Saturday that the talks on the Baltic pipeline had "
        "stalled over the tariffs.")),
    "summit.md": _md("Putin, Xi hail partnership", "2018-06-08", (
        "Russian President Vladimir Putin and Chinese counterpart Xi Jinping met in Beijing on Friday.\n\n"
        "Xi and Putin also pledged in a joint declaration to make “all possible efforts” to preserve the "
        "international accord on Iran’s nuclear program.\n\n"
        "Chinese President Xi Jinping said the two countries agreed to deepen their cooperation on Iran.")),
    "evs.md": _md("Trump and the GOP are trying to drive a wedge between autoworkers and EVs", "2023-09-28", (
        "Last night, former President Donald Trump appeared before a crowd in suburban Detroit and tried out his new "
        "attack lines against electric vehicles.\n\n"
        "“The auto industry is being assassinated,” Trump said, according to Detroit News.\n\n"
        "“You’re all on picket lines and everything,” Trump said.")),
    "japan.md": _md("Japan’s prime minister Kishida says: ‘reassess our economy’", "2023-10-01", (
        "Throughout September, the world’s biggest investment banks hosted conferences for the world’s biggest "
        "investors.\n\n"
        "“I would urge you to evaluate what we are doing in my country, look at the underlying strength of our "
        "economy and our plans for the future and then invest in Japan,” Kishida said in a recent speech at the "
        "Economic Club of New York.")),
    "edpb.md": _md("Norway seeks to extend ban on Meta’s consentless tracking ads across the EU", "2023-09-28", (
        "The move could lead to a blanket ban on Meta running tracking ads without consent across the EU single "
        "market if the European Data Protection Board (EDPB) agrees the action is merited.\n\n"
        "Reached by email the EDPB confirmed receipt of the authority’s request. “The EDPB Secretariat will now "
        "assess completeness of the file. Once this assessment is complete, the Board will have two weeks to adopt "
        "its urgent binding decision,” a spokeswoman told us.\n\n"
        "The referral to the EDPB may concentrate minds at Meta.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings9"), [
        _speech("FRA", "France", "Claire Vasseur", "Minister of Foreign Affairs", VASSEUR),
        # (he gave his state's speech too: its demands are his, and none of them is to investors)
        _speech("JPN", "Japan", "Fumio Kishida", "Prime Minister", KISHIDA),
    ], NEWS)


# -- 1: an office is answered only by its holder ----------------------------------------------------------------
@pytest.mark.parametrize("question", ["What did France's president say about Gaza?",
                                      "What did the French president say about Gaza?"])
def test_an_office_held_by_the_state_is_answered_only_with_its_holders_words(world, question):
    ans = world.ask(question)
    assert ans.abstained and not ans.citations, ans.answer
    assert "France's president" in ans.answer and "Gaza" in ans.answer, ans.answer


def test_the_office_holders_own_statement_still_answers(world):
    ans = world.ask("What did France's president say?")
    assert not ans.abstained and ans.citations, ans.answer
    assert all("president of France" in c.quote for c in ans.citations), ans.answer
    # (the foreign minister's office is hers, and her speech's)
    fm = world.ask("What did France's foreign minister say about Gaza?")
    assert not fm.abstained and any("truce in Gaza" in c.quote or "people of Gaza" in c.quote
                                    for c in fm.citations), fm.answer


# -- 2: a state's regulator is not the state ---------------------------------------------------------------------
def test_a_state_never_credited_answers_only_with_its_own_statements(world):
    ans = world.ask("What did Ireland demand?")
    assert ans.abstained, ans.answer
    assert "Ireland" in ans.answer and "DPC" not in ans.answer.split("Statements of others")[0], ans.answer
    assert not any("DPC" in c.quote and not c.speaker for c in ans.citations), ans.answer


def test_a_demonym_is_the_state_never_a_body_named_after_it(world):
    assert world.parser.match_actors(["Irish"]) == []
    ans = world.ask("What did the Irish government say?")
    assert all("Data Protection" not in c.speaker and "DPC" not in c.quote for c in ans.citations), ans.answer


# -- 3: a full date is a day filter ----------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["What did Lindqvist say on June 8, 2018?", "What did Lindqvist say on 8 June 2018?",
                                      "On June 8, 2018, what did Lindqvist say?"])
def test_a_full_date_in_the_question_is_a_one_day_filter(world, question):
    from assistant.query import time_scope

    scope = time_scope(question)
    assert (scope.since, scope.until) == ("2018-06-08", "2018-06-08"), scope
    ans = world.ask(question)
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.published.startswith("2018-06-08") for c in ans.citations), [(c.published, c.quote)
                                                                             for c in ans.citations]


def test_a_full_date_of_an_event_stays_the_topic():
    from assistant.query import time_scope

    assert not time_scope("What did Biden say about the attack on October 7, 2023?").bounded


# -- 4: a joint statement is each one's ---------------------------------------------------------------------------
def test_compare_credits_a_joint_statement_to_both(world):
    comparison, ans = world.compare(["Xi Jinping", "Vladimir Putin"], topic="Iran")
    assert not ans.abstained, ans.answer
    assert "no statements on Iran by Vladimir Putin" not in ans.answer, ans.answer
    putin = ans.answer.split("Vladimir Putin:", 1)
    assert len(putin) == 2 and "all possible efforts" in putin[1], ans.answer
    joint = [c for c in ans.citations if "all possible efforts" in c.quote]
    assert len(joint) == 1 and "Xi Jinping" in joint[0].speaker and "Vladimir Putin" in joint[0].speaker, joint


# -- 5: false abstentions ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, quoted", [
    ("What did Trump say about autoworkers?", ("picket lines", "auto industry")),
    ("What did Kishida urge investors to do?", ("invest in Japan",)),
    ("What did the EDPB say?", ("confirmed receipt", "EDPB Secretariat")),
    ("What did the European Data Protection Board say?", ("confirmed receipt", "EDPB Secretariat")),
])
def test_statements_found_answer(world, question, quoted):
    ans = world.ask(question)
    assert not ans.abstained and ans.citations, ans.answer
    assert any(q in c.quote for c in ans.citations for q in quoted), ans.answer
    assert not any("concentrate minds" in c.quote or "blanket ban" in c.quote for c in ans.citations), ans.answer


def test_a_title_carrying_a_topic_of_words_puts_the_statements_under_it_on_it():
    from assistant.topic import Topic

    topic = Topic.parse("autoworkers")
    title = "Trump and the GOP are trying to drive a wedge between autoworkers and EVs"
    assert topic.covers("“You’re all on picket lines and everything,” Trump said.", title=title)
    assert not topic.covers("“You’re all on picket lines and everything,” Trump said.", title="Trump in Detroit")
    assert Topic.parse("investors").shares("then invest in Japan")


# -- the real articles (MultiHop-RAG), when the shared dataset is present ----------------------------------------
@pytest.fixture(scope="module")
def news(tmp_path_factory):
    # 107/140/608: Meta and the Irish DPC; 413: the Israeli spokesman on "the Irish"; 319: Trump and autoworkers;
    # 182: Kishida and investors
    return _multihop_store(tmp_path_factory.mktemp("findings9-news"), (107, 140, 608, 413, 319, 182))


@pytest.mark.parametrize("question, quoted", [
    # (his words on them, or, where the extractor reads "he ... said that autoworkers would ...", those)
    ("What did Trump say about autoworkers?", ("Trump said", "said that autoworkers would likely")),
    ("What did Kishida urge investors to do?", ("invest in Japan",)),
    ("What did the EDPB say?", ("confirmed receipt", "EDPB Secretariat")),
])
def test_real_articles_answer(news, question, quoted):
    ans = news.ask(question)
    assert not ans.abstained and ans.citations, ans.answer
    assert any(q in c.quote for c in ans.citations for q in quoted), ans.answer


def test_real_articles_ireland(news):
    ans = news.ask("What did Ireland demand?")
    assert ans.abstained, ans.answer
    assert not any("DPC" in c.quote and not c.speaker for c in ans.citations), ans.answer
    irish = news.ask("What did the Irish government say?")
    assert all("Data Protection" not in c.speaker for c in irish.citations), irish.answer
