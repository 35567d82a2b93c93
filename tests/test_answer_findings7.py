"""Answers, from an eighth new-user pass (real store, model and spaCy; our own short inputs, built with the helpers
of ``tests/test_attribution.py``).

- "What did Israel propose about Palestinians fleeing Gaza?" said no statement is a proposal by Israel, though the
  claims table holds "Israel has suggested they could be moved to tent camps in the Sinai Peninsula" right after
  the sentence naming "Palestinians fleeing the violence in Gaza": a sentence going on about what the one before it
  names ("they") was off the topic, and the asked actor's own speech sentences naming the topic crowded out its
  statement of the kind asked.
- "How has China's stance on Taiwan changed?" left out Han Zheng's 2023 speech sentence on Taiwan: the stance's
  speech passages were the best over all the state's speeches, all of them from its 2022 speech naming Taiwan a
  dozen times.
- "What did the EU's internal market commissioner demand from Musk?" said no demand by "European Union or Musk" was
  found: the EU, a union the resolver also reads as a country, was taken for a state, so its office was never
  resolved to the commissioner the article names (Thierry Breton), and the addressee "from Musk" was asked about.
- Smaller ones: "What did Emily Hand's father say?" quoted a passer-by's raised hand (a relative asked by relation
  was not resolved to "her grief-stricken father, Thomas Hand"); "What did Al Gore say about the COP28 draft?" quoted
  only the second sentence of his quotation (the first, naming the draft, names COP28 only in the sentence going on
  with it, and the second scored under the bar beside it); Lavrov's account of Macron in Russia's speech was labelled
  "(Macron, criticised)" as Macron's own; Iran's speech's lead-in "With respect to the Ukrainian crisis and the war."
  was quoted as its position.
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

NETANYAHU = (
    "The Palestinians could greatly benefit from a broader peace. The Palestinians are only 2 per cent of the Arab "
    "world. So when the Palestinians see that most of the Arab world has reconciled itself to the Jewish State, they "
    "too will be more likely to abandon the fantasy of destroying Israel. We seek peace with all our neighbours.")
# 2022: the topic named in paragraph after paragraph (the lexical search over the state's speeches is filled by it)
WANG_YI = "\n".join(
    f"Since ancient times, Taiwan has been an inalienable part of China’s territory, and the Taiwan question, point "
    f"{i} of our history, is China’s internal affair. We will continue to strive for the peaceful reunification of "
    f"Taiwan with the greatest sincerity, and we will never allow Taiwan independence separatist activities across "
    f"the Taiwan Strait." for i in range(1, 13)) + "\nChina will always stand with developing countries."
LAVROV = (
    "The BRICS summit in Johannesburg was a success. President Macron of France expressed genuine concern about the "
    "potential expansion of the group made up of Brazil, Russia, India, China and South Africa. We will continue to "
    "strengthen our partnership with the States of the global majority.")
RAISI = (
    "The assistance of the world is needed in order to address the crisis of refugees who have been driven from "
    "Afghanistan.\n"
    "With respect to the Ukrainian crisis and the war. I again recall our unambiguous position. As the Islamic "
    "Republic, we do not tolerate or support any war anywhere — not in Europe or anywhere else. We support any "
    "initiative for a cessation of hostilities and the war in Ukraine and announce our full support for such "
    "initiatives.\n"
    "In leaving the Joint Comprehensive Plan of Action, the American Government trampled upon its commitments.")
HAN_ZHENG = (
    "China will continue to work for the common development of all countries and will host the third Belt and Road "
    "Forum for International Cooperation this year. Developed countries should do more to reduce emissions and "
    "provide developing countries with financing, technology and capacity-building.\n"
    "China remains committed to safeguarding its sovereignty and territorial integrity. There is only one China in "
    "the world. The Government of the People’s Republic of China is the sole legal Government representing the "
    "whole of China, and Taiwan has been an inalienable part of China’s territory since ancient times.\n"
    "China will remain a member of the large family of developing countries and will always stand with them.")
NEWS = {
    "refugees.md": _md("Egypt faces economic crisis but has an anti-Gaza refugee policy", "2023-10-22", (
        "The war between Israel and Hamas has turned the spotlight on Egypt’s role as a regional powerbroker.\n\n"
        "The Israeli government has spoken to counterparts in several countries about Egypt temporarily housing "
        "Palestinians fleeing the violence in Gaza, according to officials with knowledge of the matter. Israel has "
        "suggested they could be moved to tent camps in the Sinai Peninsula — funded by the United Nations and the "
        "US — and then returned once military operations end, said the people. It’s unclear if Israel has put the "
        "idea directly to Egypt.")),
    "letter.md": _md("EU fires urgent warning at Kessler over Yarrow’s handling of war disinformation", "2023-10-10", (
        "Yarrow has been under growing pressure in Europe since its owner pulled out of a voluntary code last spring."
        "\n\nUrgent letter to Kessler\n\n"
        "In an “urgent” letter to Kessler today, which the EU’s internal market commissioner Henrik Vasso also "
        "shared online, the bloc has sent the strongest signal yet that it believes the platform is in breach of the "
        "law.\n\n"
        "“Public media and civil society organisations widely report instances of fake and manipulated images "
        "circulating on your platform in the EU. This appears to be manifestly false or misleading information,” "
        "writes Vasso. “I therefore invite you to urgently ensure that your systems are effective, and report on the "
        "crisis measures taken to my team.”\n\n"
        "Penalties for confirmed breaches can be as high as 6% of global annual turnover.")),
    "birthday.md": _md("Hostage girl's father dreads her birthday in captivity", "2023-11-17", (
        "Young Mira Talmon, born with a gift for dance, should be bouncing to her favorite songs, celebrating her "
        "ninth birthday on Friday.\n\n"
        "Instead, \"she will have her birthday in the tunnels,\" her grief-stricken father, Joel Talmon, told Fox News "
        "Digital in an interview this week in New York City.\n\n"
        "Billboards with images of hostages will appear in 1,500 locations in 48 cities.\n\n"
        "A woman tore down one of the posters in front of the families. She raised a hand behind her as if to mock "
        "the suffering father's pain.")),
    "summit.md": _md("The climate summit ends with a deal short of a fossil fuel phase-out", "2023-12-13", (
        "Negotiators at COP28 in Dubai wrapped up two weeks of talks on Wednesday with a deal that calls for "
        "transitioning away from fossil fuels.\n\n"
        "Many had hoped for more. Options to phase out fossil fuel use had been in the texts for days, and several "
        "delegations pushed to keep them, while others lobbied hard and in public against any mention of a "
        "phase-out, arguing that emissions rather than energy sources should be targeted.\n\n"
        "Following a letter from the producers' cartel, language that had previously called on countries to phase "
        "out fossil fuels vanished from subsequent texts. Backlash was swift. “This obsequious draft reads as if "
        "OPEC dictated it word for word,” former US vice president Arlen Voss posted on X on Monday. “COP28 is now "
        "on the verge of complete failure.”\n\n"
        "The final text was adopted without objection.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings7"), [
        _speech("ISR", "Israel", "Benjamin Netanyahu", "Prime Minister", NETANYAHU),
        _speech("CHN", "China", "Wang Yi", "Minister for Foreign Affairs", WANG_YI, session=77),
        _speech("CHN", "China", "Han Zheng", "Vice President", HAN_ZHENG, session=78),
        _speech("RUS", "Russian Federation", "Sergey Lavrov", "Minister for Foreign Affairs", LAVROV),
        _speech("IRN", "Iran (Islamic Republic of)", "Ebrahim Raisi", "President", RAISI)], NEWS)


def test_a_proposal_going_on_about_the_topic_of_the_sentence_before_answers_for_the_actor(world):
    ans = world.ask("What did Israel propose about Palestinians fleeing Gaza?")
    assert not ans.abstained, ans.answer
    assert "No statement found" not in ans.answer, ans.answer
    assert any("tent camps in the Sinai Peninsula" in c.quote for c in ans.citations), ans.answer
    assert not any("broader peace" in c.quote for c in ans.citations), ans.answer


def test_a_sentence_going_on_about_the_one_before_is_on_its_topic(world):
    from assistant.topic import Topic

    article = world.document(next(d.doc_id for d in world.documents() if "refugee" in d.title)).text
    at = article.index("Israel has suggested")
    sentence = article[at:article.index("said the people.") + len("said the people.")]
    topic = Topic.parse("Palestinians fleeing Gaza")
    assert topic.covers(sentence, (), "", article, at)
    assert not topic.named_by(sentence, (), article, at)  # (it follows one naming it: second in line)
    later = article.index("It’s unclear")  # (after a sentence not on it, "it" refers back to nothing on it)
    assert not topic.covers(article[later:], (), "", article, later)


def test_a_stance_change_reads_every_speech_of_the_state_on_the_topic(world):
    ans = world.ask("How has China's stance on Taiwan changed?")
    assert not ans.abstained, ans.answer
    assert any("inalienable part of China’s territory since ancient times" in c.quote for c in ans.citations), \
        ans.answer
    assert any(c.published.startswith("2023") for c in ans.citations), ans.answer


@pytest.mark.parametrize("question", ["What did the EU's internal market commissioner demand from Kessler?",
                                      "What did the European Union's internal market commissioner demand?"])
def test_an_office_of_the_eu_is_resolved_to_the_person_the_article_gives_it(world, question):
    ans = world.ask(question)
    assert not ans.abstained, ans.answer
    assert "Henrik Vasso" in ans.answer and "No statement found" not in ans.answer, ans.answer
    if question.startswith("What did the EU's"):
        assert "(internal market commissioner of the EU in the articles)" in ans.answer, ans.answer
    assert any("urgently ensure that your systems are effective" in c.quote and c.speaker == "Henrik Vasso"
               for c in ans.citations), ans.answer


def test_an_office_of_a_union_of_states_is_asked_as_an_office_of_a_body():
    from assistant.query import asked_offices, asked_org_offices

    q = "What did the EU's internal market commissioner demand from Kessler?"
    assert not asked_offices(q)
    assert [(o.phrase, o.owner, o.office) for o in asked_org_offices(q)] == [
        ("the EU's internal market commissioner", "EU", "internal market commissioner")]
    assert not asked_org_offices("What did Kenya's trade commissioner say?")  # (a state's: ``asked_offices``)


def test_a_relative_asked_by_relation_is_the_person_the_article_gives_it(world):
    ans = world.ask("What did Mira Talmon's father say?")
    assert not ans.abstained, ans.answer
    assert "Joel Talmon" in ans.answer, ans.answer
    assert any("birthday in the tunnels" in c.quote and c.speaker == "Joel Talmon" for c in ans.citations), ans.answer
    assert all(c.speaker == "Joel Talmon" for c in ans.citations), ans.answer  # (not the article's lead, nor a gesture)


def test_a_quotation_going_on_in_the_next_sentence_is_quoted_whole(world):
    ans = world.ask("What did Arlen Voss say about the COP28 draft?")
    assert not ans.abstained, ans.answer
    quotes = " ".join(c.quote for c in ans.citations)
    assert "This obsequious draft reads as if OPEC dictated it" in quotes, ans.answer
    assert "COP28 is now on the verge of complete failure" in quotes, ans.answer


def test_another_states_speech_telling_what_someone_said_is_labelled_its_account(world):
    ans = world.ask("What did Macron pledge?")
    assert "President Macron of France expressed genuine concern" in " ".join(c.quote for c in ans.citations), \
        ans.answer
    assert "as Russia's UN speech tells it" in ans.answer, ans.answer


def test_a_lead_in_naming_only_what_follows_is_not_quoted_as_a_position(world):
    from assistant.topic import is_lead_in

    ans = world.ask("What is Iran's position on the war in Ukraine?")
    assert not ans.abstained and ans.citations, ans.answer
    assert not any(c.quote.startswith("With respect to") for c in ans.citations), ans.answer
    assert is_lead_in("With respect to the Ukrainian crisis and the war.") and is_lead_in("As for sanctions.")
    assert not is_lead_in("With respect to Ukraine, we support any initiative for a ceasefire.")


def test_the_actors_quotation_going_on_in_the_next_sentence_clears_the_bar_with_it(world):
    import numpy as np

    from assistant.answerer import ExtractiveAnswerer
    from assistant.rerank import Sentence
    from index.models import Passage

    text = ("Backlash was swift. “This obsequious draft reads as if OPEC dictated it word for word,” former US vice "
            "president Arlen Voss posted on X on Monday. “COP28 is now on the verge of complete failure.” The final "
            "text was adopted without objection.")
    p = Passage(chunk_id="c1", doc_id="d1", start=1000, end=1000 + len(text), text=text)

    def sentence(words: str, score: float, claim: bool, axis: int) -> Sentence:
        at = text.index(words)
        vector = np.zeros(4, dtype=np.float32)
        vector[axis] = 1.0
        return Sentence(p, 1000 + at, 1000 + at + len(words), words, score, {"claim": "Arlen Voss"} if claim else {},
                        vector)

    first = sentence(text[text.index("“This"):text.index(" “COP28")], 1.0, True, 0)
    then = sentence("“COP28 is now on the verge of complete failure.”", 0.7, True, 1)
    narration = sentence("The final text was adopted without objection.", 0.7, False, 2)
    answerer = ExtractiveAnswerer(world.ranker)
    chosen = answerer.select(world.query("What did Arlen Voss say about the COP28 draft?"), [first, then, narration])
    assert chosen == [first, then]  # (the narration scoring as much stays under the bar)
