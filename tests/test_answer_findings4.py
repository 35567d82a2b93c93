"""Answers, from a fifth new-user pass (real store, model and spaCy; our own short inputs, built with the helpers
of ``tests/test_attribution.py``).

- "What did Kenya say?" abstained ("the statements found are United States's") though the claims table credits
  Kenya with its ambassador's words, read out in Germany's UN speech: the cue's sentence ends in a colon (no
  candidate) and the quotation after it resembled the question too little. "What did Kenya's ambassador say?"
  answered with other states' ambassadors.
- "What did Biden and Xi pledge?" said Xi pledged nothing while "What did Xi pledge?" quoted his pledges: a
  person's statement was read as another government's (China's) when the question named a state too.
- "What is India's position on the Gaza war?" quoted others' sentences as the answer where "What is Japan's
  position ...?" said Japan said nothing: a state no statement is credited to was said silent only when asked
  "What did X say ...?", and a professor's "India had to learn a lot" counted as India's statement.
"""
import pytest
from test_attribution import _ingested_articles, _md, _speech, _speeches_and_articles

SCHOLZ = (
    "Peace without justice is called dictatorship. Russia is responsible for this war, and it is Russia’s President "
    "who can end it at any time with one single order. But if he is to do so, he has to understand that we, the "
    "States of the United Nations, are serious about our principles and that in the multipolar world of the "
    "twenty-first century, we do not see a place for revisionism and imperialism. No one here in New York has "
    "expressed that as aptly as our colleague, the Ambassador of Kenya. After Russia’s invasion of Ukraine, he said "
    "this in the Security Council:\n"
    "“Rather than form nations that looked ever backwards into history with a dangerous nostalgia, we chose to look "
    "forward to a greatness that none of our many nations and peoples had ever known.”\n"
    "Germany will continue to support Ukraine.")
BIDEN = (
    "For example, on Haiti, the Caribbean Community has facilitated a dialogue among Haitian society. I thank "
    "President Ruto of Kenya for his willingness to serve as the lead nation of a United Nations-backed security "
    "support mission. I call on the Security Council to authorize that mission now. The people of Haiti cannot wait "
    "much longer. The United States is committed to sustaining the institutions we built together.")
NEWS = {
    "aid.md": _md("Ukraine's fight could get harder in 2024", "2023-12-25", (
        "Former U.S. Ambassador to NATO Kurt Volker told CNBC he believes American and EU aid packages for Ukraine "
        "will be approved come January.\n\n"
        "Then the Israeli ambassador to Portugal, Dor Shapiro, waded in.")),
    "summit.md": _md("Putin, Xi hail partnership", "2018-06-08", (
        "Russian President Vladimir Putin and Chinese counterpart Xi Jinping pledged to support each other on key "
        "international issues.\n\n"
        "Xi and Putin also pledged in a joint declaration to make “all possible efforts” to preserve the "
        "international accord on Iran’s nuclear program.\n\n"
        "Chinese President Xi Jinping said the two countries agreed to deepen their cooperation.\n\n"
        "U.S. President Joe Biden shakes hands with Chinese President Xi Jinping as they meet on the sidelines of "
        "the summit.")),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("findings4"), [
        _speech("DEU", "Germany", "Olaf Scholz", "Prime Minister", SCHOLZ),
        _speech("USA", "United States of America", "Joseph R. Biden", "President", BIDEN),
    ], NEWS)


@pytest.mark.parametrize("question", ["What did Kenya say?", "What did Kenya's ambassador say?",
                                      "What did Kenya say about Russia's invasion of Ukraine?"])
def test_a_states_statement_read_out_in_anothers_speech_answers_what_it_said(world, question):
    assert any(c.actor == "Kenya" for c in world.positions("Kenya")), "extraction: Kenya's quotation"
    ans = world.ask(question)
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.speaker == "Kenya" for c in ans.citations), ans.answer
    assert any("dangerous nostalgia" in c.quote for c in ans.citations), ans.answer
    assert "Volker" not in ans.answer and "Shapiro" not in ans.answer


def test_each_actor_of_a_two_actor_question_is_looked_for_as_alone(world):
    alone = world.ask("What did Xi pledge?")
    assert not alone.abstained and any("all possible efforts" in c.quote for c in alone.citations), alone.answer
    both = world.ask("What did Biden and Xi pledge?")
    assert "by Xi" not in both.answer, both.answer
    assert any("Xi Jinping" in c.speaker and "pledged" in c.quote for c in both.citations), both.answer


GAZA = {
    "gaza.md": ("Israel's war in Gaza is also an information war", "Test Wire", "2023-12-03", (
        "Israeli government spokesman Eylon Levy said: “This is not only a kinetic war in Gaza, it is also an "
        "information war.”\n\n"
        "The Hamas attacks on Israeli civilians have been followed by Israel’s prime minister declaring war and its "
        "military firing scores of missiles into the Gaza Strip.")),
    "lessons.md": ("What India can learn from the war in Gaza", "Test Wire", "2023-10-09", (
        "The war in Gaza has shaken the markets of the region.\n\n"
        "India had to learn a lot and keep all its intelligence agencies conflict-proof, said Dr Jaswant Gandhi, "
        "professor of management.")),
    "japan.md": ("Japan pledges aid to Ukraine", "Test Wire", "2023-10-10", (
        "Japan pledged 5 million dollars in winter aid to Ukraine, the Japanese foreign ministry said.")),
}


@pytest.fixture(scope="module")
def gaza(tmp_path_factory):
    return _ingested_articles(tmp_path_factory.mktemp("gaza"), GAZA)


@pytest.mark.parametrize("question", ["What is India's position on the Gaza war?",
                                      "What did India say about the Gaza war?",
                                      "What is Japan's position on the Gaza war?"])
def test_a_state_credited_with_nothing_on_the_topic_is_said_silent_however_asked(gaza, question):
    state = question.split()[2].removesuffix("'s")
    ans = gaza.ask(question)
    assert ans.abstained, ans.answer
    assert f"do not report {state} or its officials saying anything" in ans.answer, ans.answer
    assert any(c.speaker == "Eylon Levy" for c in ans.citations), ans.answer  # (others' words as others')
    assert all(c.speaker and state not in c.speaker for c in ans.citations), ans.answer


EGYPT = {
    "egypt.md": _md("Egypt faces economic crisis but has an anti-Gaza refugee policy", "2023-10-22", (
        "Egypt’s stance is shaping up as key to the war between Israel and Hamas.\n\n"
        "“Clearly the hope had been that Egypt would accept economic incentives,” said Mirette Mabrouk, a senior "
        "fellow at the Middle East Institute.\n\n"
        "El-Sisi has been courted by a succession of world leaders. US President Joe Biden reaffirmed the two "
        "countries’ “enduring, strategic partnership” in a call.\n\n"
        "The war “underscores the important role Egypt has always played in the region,” said Robert Satloff of the "
        "Washington Institute.")),
    "china.md": _md("U.S.-China relations are now about crisis prevention", "2023-11-13", (
        "US President Joe Biden said the United States would compete with China without conflict.")),
}


def test_an_actors_statement_under_a_title_naming_the_topic_answers_when_none_of_theirs_names_it(tmp_path):
    """"What did Biden say about Egypt?" (Biden also gave the United States' UN speech) said the United States
    said nothing about Egypt: sentences naming the topic themselves (the analysts') replaced the statement the
    claims table routed as his on it before his were looked for."""
    a = _speeches_and_articles(tmp_path, [_speech("USA", "United States of America", "Joseph R. Biden", "President",
                                                  BIDEN)], EGYPT)
    ans = a.ask("What did Biden say about Egypt?")
    assert not ans.abstained and ans.citations, ans.answer
    assert [c.speaker for c in ans.citations] == ["Joe Biden"], ans.answer
    assert "enduring, strategic partnership" in ans.citations[0].quote
