"""Answers, from a seventh new-user pass (real store, model and spaCy; our own short inputs, built with the helpers
of ``tests/test_attribution.py``).

- "What did the Ambassador of Kenya say in the Security Council?" abstained, listing the ambassador's own words
  (credited to Kenya) as "statements of others": an office of a state asked about was taken for a silent person.
- "What did Meta's communications director say about the bug?" abstained ("the statements found are Andy
  Stone's") though the article introduces "Meta communications director Andy Stone": the office of an
  organisation asked about was not resolved to the person the article gives it to.
- "What did Biden say to El-Sisi?" said the passages do not mention El-Sisi though the sentence before Biden's
  names him: "El-Sisi" was read as two names, "El" and "Sisi", and "al-Sisi" was another name.
- Dor Shapiro's quotation was cited from its opening “ to the end of its first sentence, the ” never closed.
- "What did Israel offer in exchange for the hostages?" said Israel offered nothing while the sentence found says
  "Israel is willing to release 150 Palestinian prisoners in exchange for 50 Israeli hostages".
"""
import pytest
from test_attribution import _md, _speech, _speeches_and_articles

SCHOLZ = (
    "Peace without justice is called dictatorship. Russia is responsible for this war. No one here in New York has "
    "expressed that as aptly as our colleague, the Ambassador of Kenya. After Russia’s invasion of Ukraine, he said "
    "this in the Security Council:\n"
    "“Rather than form nations that looked ever backwards into history with a dangerous nostalgia, we chose to look "
    "forward to a greatness that none of our many nations and peoples had ever known.”\n"
    "Germany will continue to support Ukraine. Germany would like to shoulder responsibility as a non-permanent "
    "member of the Security Council.")
NEWS = {
    "bug.md": _md("Lumina has a moderation bias problem, not just a bug", "2023-10-24", (
        "Users say their posts about the war have been hidden from their followers.\n\n"
        "Lumina communications director Dana Whitfield declined to comment on the record, and pointed reporters to "
        "the company’s newsroom post.\n\n"
        "“We identified a bug impacting all Stories that re-shared Reels, leading to significantly reduced reach,” "
        "Whitfield said. “This bug affected accounts equally around the globe and had nothing to do with the "
        "subject matter of the content.”\n\n"
        "Many users remain frustrated.")),
    "egypt.md": _md("Egypt faces economic crisis but has an anti-Gaza refugee policy", "2023-10-22", (
        "Egypt’s stance is shaping up as key to the war between Israel and Hamas, as President Abdel-Fattah El-Sisi "
        "prepares for elections.\n\n"
        "“Clearly the hope had been that Egypt would accept economic incentives,” said Mirette Mabrouk, a senior "
        "fellow at the Middle East Institute.\n\n"
        "El-Sisi has been courted by a succession of world leaders. US President Joe Biden reaffirmed the two "
        "countries’ “enduring, strategic partnership” in a call.\n\n"
        "The war “underscores the important role Egypt has always played in the region,” said Robert Satloff of the "
        "Washington Institute.")),
    "summit.md": _md("Summit derailed by founder’s comments on the war", "2023-10-16", (
        "Several speakers pulled out of the conference on Friday, after its founder wrote that he was shocked at the "
        "rhetoric and actions of so many Western leaders and governments.\n\n"
        "“As a founder who grew up in Israel, with a deep understanding of history and geopolitics, this response "
        "was abhorrent. We cannot be part of such indecency. We will not attend, and I will not give the "
        "keynote,” an AI company’s chief executive wrote.\n\n"
        "Then the Israeli ambassador to Portugal, Dor Shapiro, waded in.\n\n"
        "“Today, I wrote to the Mayor of Lisbon informing him that Israel will not participate in the conference "
        "due to the outrageous statements made by the conference CEO. Even during these difficult times, he is "
        "unable to set aside his extreme political views and denounce the terrorist attacks against innocent "
        "people,” he wrote, also on LinkedIn. “Dozens of companies have already canceled their participation in "
        "this conference, and we encourage more to do so.”\n\n"
        "By Monday the CEO appeared to walk back his statement.")),
    "truce.md": _md("Israel's prince of public diplomacy", "2023-12-03", (
        "The truce between Israel and Hamas was extended by a day.\n\n"
        "With degrees from both Oxford and Cambridge, Levy received the greatest exposure in an interview with UK "
        "Sky News presenter Kay Burley, who asked him whether the fact that Israel is willing to release 150 "
        "Palestinian prisoners in exchange for 50 Israeli hostages indicates that Israel thinks that Palestinian "
        "lives are worth less.\n\n"
        "Aid trucks entered the enclave through the Rafah crossing.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings6"), [
        _speech("DEU", "Germany", "Olaf Scholz", "Prime Minister", SCHOLZ)], NEWS)


@pytest.mark.parametrize("question", ["What did the Ambassador of Kenya say in the Security Council?",
                                      "What did the ambassador of Kenya say?"])
def test_an_office_of_a_state_asked_about_is_answered_with_its_holders_words(world, question):
    ans = world.ask(question)
    assert not ans.abstained, ans.answer
    assert "do not report" not in ans.answer and "Statements of others" not in ans.answer, ans.answer
    assert any(c.speaker == "Kenya" and "dangerous nostalgia" in c.quote for c in ans.citations), ans.answer
    assert all(c.speaker == "Kenya" for c in ans.citations), ans.answer


@pytest.mark.parametrize("question", ["What did Lumina's communications director say about the bug?",
                                      "What did the communications director of Lumina say about the bug?"])
def test_an_office_of_an_organisation_is_answered_with_the_person_the_article_gives_it(world, question):
    ans = world.ask(question)
    assert not ans.abstained, ans.answer
    assert "do not report" not in ans.answer, ans.answer
    assert ans.citations and all(c.speaker == "Dana Whitfield" for c in ans.citations), ans.answer
    assert any("We identified a bug" in c.quote for c in ans.citations), ans.answer


def test_an_office_of_an_organisation_held_by_nobody_quoted_is_still_not_answered(world):
    ans = world.ask("What did Lumina's chief executive say about the bug?")
    assert ans.abstained or not any(c.speaker == "Dana Whitfield" for c in ans.citations), ans.answer


@pytest.mark.parametrize("name", ["El-Sisi", "el-Sisi", "al-Sisi", "Sisi"])
def test_a_name_with_a_particle_is_matched_however_the_particle_is_written(world, name):
    ans = world.ask(f"What did Biden say to {name}?")
    assert "do not mention" not in ans.answer, ans.answer
    assert not ans.abstained and any("enduring, strategic partnership" in c.quote for c in ans.citations), ans.answer


def test_a_cited_quotation_that_opens_a_quote_mark_closes_it(world):
    ans = world.ask("What did Dor Shapiro say?")
    assert not ans.abstained and ans.citations, ans.answer
    for c in ans.citations:
        assert c.quote.count("“") == c.quote.count("”"), c.quote
    assert any("I wrote to the Mayor of Lisbon" in c.quote for c in ans.citations), ans.answer


def _first_quoted_sentence(world):
    from assistant.rerank import Sentence
    from index.models import Passage
    from index.text import split_sentences

    doc = next(d for d in world.documents() if d.title.startswith("Summit derailed"))
    text = world.document(doc.doc_id).text
    at = text.index("“Today, I wrote")
    first = next(sp for sp in split_sentences(text) if sp.start == at)
    return text, first, Passage, Sentence


@pytest.mark.parametrize("cut", ["sentence", "paragraph"])
def test_a_quotation_opened_by_a_cited_sentence_is_closed_or_not_opened(world, cut):
    """The passage holding the sentence ends before the close (a chunk boundary, as in the tester's store): the
    quote must not open what it never closes; when the passage holds the close, the quote runs to it."""
    from assistant.answerer import quote_span

    text, first, Passage, Sentence = _first_quoted_sentence(world)
    end = first.end if cut == "sentence" else text.index("\n", first.end)
    passage = Passage("c1", "d1", 0, end, text[:end])
    start, stop = quote_span(Sentence(passage, first.start, first.end, text[first.start:first.end]))
    quote = text[start:stop]
    assert quote.count("“") == quote.count("”"), quote
    assert "I wrote to the Mayor of Lisbon" in quote, quote
    if cut == "paragraph":
        assert quote.startswith("“Today") and "innocent people,” he wrote" in quote, quote


def test_a_sentence_stating_the_actors_offer_is_not_denied(world):
    ans = world.ask("What did Israel offer in exchange for the hostages?")
    assert "do not report Israel" not in ans.answer, ans.answer
    assert any("Israel is willing to release 150 Palestinian prisoners" in c.quote for c in ans.citations), ans.answer
    assert not ans.abstained, ans.answer
