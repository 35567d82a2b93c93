"""Follow-ups without an LLM keep what the previous question asked (real store, model and spaCy).

"And Germany?" after "What did Erdogan propose about the grain deal?" asks for Germany's proposals
on the grain deal, and "What about Ukraine?" after that for Ukraine's; "What did he propose?" after
an answer from a state's UN speech asks about the person who gave it. A he/she is who the previous
turn asked about (or who spoke for it), never its topic nor a name its answer only quotes, and one
that stands for nobody is asked about; "And China?" keeps a topic that is a name. Our own short
inputs, built with the helpers of ``tests/test_attribution.py``.
"""
import pytest
from test_attribution import _ingested_articles, _md, _speech, _speeches_and_articles

GRAIN = {
    "tr.md": ("Erdogan offers to extend the grain deal", "Harbour Post", "2026-04-03",
              "Turkish President Recep Tayyip Erdogan proposed extending the grain deal by a year.\n\n"
              "Erdogan also pledged to send Turkish engineers to repair the port of Odesa."),
    "de.md": ("Germany pledges money for grain shipments", "Test Wire", "2026-04-04",
              "German Chancellor Olaf Scholz pledged 50 million euros to ship grain to Africa under the grain deal.\n\n"
              "In a separate statement, Germany proposed a new climate fund for Africa, German Development Minister "
              "Svenja Schulze said.\n\n"
              "Scholz proposed that the grain deal also cover fertiliser exports."),
    "ua.md": ("Ukraine sets out its terms", "Test Wire", "2026-04-05",
              "Ukraine proposed that ships under the grain deal be inspected only in Istanbul, Ukrainian Foreign "
              "Minister Dmytro Kuleba said.\n\n"
              "Ukraine also proposed a peace summit in Switzerland, Kuleba said.\n\n"
              "Ukraine pledged to keep the grain deal's ports open to all ships, Kuleba said."),
}


def test_a_follow_up_keeps_the_kind_and_topic_asked_and_swaps_the_actor(tmp_path):
    """"And Germany?" lost the kind asked (it quoted Scholz's pledge under the grain deal as the
    answer to what Germany proposed), and "What about Ukraine?" after it lost the kind and the
    topic both (the previous question was read as written, "And Germany?", not as answered)."""
    a = _ingested_articles(tmp_path, GRAIN)
    first = "What did Erdogan propose about the grain deal?"
    history = [(first, a.ask(first).answer)]
    assert "extending the grain deal" in history[0][1], history
    germany = a.ask("And Germany?", history=history)
    assert not germany.abstained and germany.citations, germany.answer
    assert all("fertiliser" in c.quote and c.speaker == "Olaf Scholz" for c in germany.citations), germany.answer
    history.append(("And Germany?", germany.answer))
    ukraine = a.ask("What about Ukraine?", history=history)
    assert not ukraine.abstained and ukraine.citations, ukraine.answer
    assert all("inspected only in Istanbul" in c.quote for c in ukraine.citations), ukraine.answer
    assert ukraine.citations[0].speaker == "Dmytro Kuleba"


def test_he_after_an_answer_from_a_states_speech_is_the_person_who_gave_it(tmp_path):
    """"What did he propose?" after "What did Turkey demand?" (answered from Turkey's UN speech,
    given by its president) asked the user who "he" was: the speech's giver counts as
    the person the previous answer is about."""
    a = _speeches_and_articles(tmp_path, [
        _speech("TUR", "Turkey", "Recep Tayyip Erdogan", "President",
                "We call on the international community to recognize the Turkish Republic of Northern Cyprus. "
                "We propose a new regional conference on energy in the Eastern Mediterranean."),
        _speech("NOR", "Norway", "Anne Beathe Tvinnereim", "Minister for International Development",
                "We propose a global fund for pandemic preparedness."),
    ])
    first = "What did Turkey demand?"
    ans = a.ask(first)
    assert not ans.abstained and "Northern Cyprus" in ans.citations[0].quote, ans.answer
    he = a.ask("What did he propose?", history=[(first, ans.answer)])
    assert "Recep Tayyip Erdogan" in a.query("What did he propose?", history=[(first, ans.answer)]).text
    assert not he.abstained and he.citations, he.answer
    assert all(c.speaker == "Turkey" and "Eastern Mediterranean" in c.quote for c in he.citations), he.answer


# From a new-user pass: the speaker of a follow-up's he/she is the actor asked about (or who spoke for it),
# never a name the previous question gave as its topic or the previous answer's quotes only mention.
SPEECHES = [
    _speech("COL", "Colombia", "Gustavo Petro", "President",
            "Russia must end its war against Ukraine now. We propose a global pact against cocaine."),
    _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
            "The United States wants to rule the world alone. We reject the unilateral sanctions."),
    _speech("CHN", "China", "Han Zheng", "Vice-President",
            "China opposes the sanctions that the United States imposed on Chinese companies. "
            "China supports the development of Africa."),
]
NEWS = {"news.md": _md("Summits and statements", "2025-05-08", (
    "Chinese President Xi Jinping and Russian President Vladimir Putin pledged to protect trade with Iran against "
    "sanctions.\n\n"
    "Putin said he expected Donald Trump to keep his word on Ukraine.\n\n"
    "Donald Trump said he would impose new tariffs on Chinese goods.\n\n"
    "Meta said it would fight the fine in court.\n\n"
    "Norway pledged to double its climate finance by 2030, the Norwegian government said.\n\n"
    "Norway will continue to support Colombia's quest for peace, the foreign ministry said.\n\n"
    "Germany will ask the Group of Seven to double climate finance, the German government said.\n\n"
    "The Group of Seven warned Russia against new attacks."))}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _speeches_and_articles(tmp_path_factory.mktemp("world"), SPEECHES, NEWS)


def test_he_is_the_speaker_asked_about_never_the_topic_of_the_previous_question(world):
    """"What else did he say?" after "What did he say about Trump?" (after a question about Xi and
    Putin) quoted Trump: the previous question was read as written, and its topic taken for who it asked."""
    first = "What did Xi and Putin pledge about Iran?"
    history = [(first, world.ask(first).answer)]
    about = world.ask("What did he say about Trump?", history=history)
    assert [c.speaker for c in about.citations] == ["Vladimir Putin"], about.answer
    history.append(("What did he say about Trump?", about.answer))
    more = world.ask("What else did he say?", history=history)
    # (Putin's only other statement was quoted in the first answer: nothing else, and never Trump's tariffs)
    assert "Nothing else found" in more.answer and not any("tariffs" in c.quote for c in more.citations), more.answer


def test_he_is_no_name_the_previous_answer_only_quotes(world):
    """"What did he say about Russia?" after "What did Norway pledge?" (answered "Norway will
    continue to support Colombia's quest for peace") quoted the speech of Colombia's president:
    Colombia was only mentioned, and Norway has no speech giver, so "he" stands for nobody."""
    first = "What did Norway pledge?"
    ans = world.ask(first)
    assert "Colombia's quest for peace" in ans.answer, ans.answer
    he = world.ask("What did he say about Russia?", history=[(first, ans.answer)])
    assert he.abstained and "Who is “he”?" in he.answer and not he.citations, he.answer


def test_a_pronoun_with_no_referent_is_asked_about(world):
    """"What else did she say?" after "And Germany?" (answered "Germany will ask the Group of Seven
    ...") was read as asking about the Group of Seven (a body the tagger typed a person, and the
    German government's role "government" stood in as Germany's speech giver); "What did he say
    about Meta?" with no history quoted Meta."""
    first = "What did Norway say about climate?"
    history = [(first, world.ask(first).answer)]
    germany = world.ask("And Germany?", history=history)
    assert "Group of Seven" in germany.answer, germany.answer
    history.append(("And Germany?", germany.answer))
    she = world.ask("What else did she say?", history=history)
    assert she.abstained and "Who is “she”?" in she.answer and not she.citations, she.answer
    meta = world.ask("What did he say about Meta?")
    assert meta.abstained and "Who is “he”?" in meta.answer and not meta.citations, meta.answer


def test_and_another_actor_keeps_the_topic_named_before(world):
    """"And China?" after "What did Lavrov say about the United States?" quoted China on Africa: a topic
    that is a name was dropped with the earlier actor."""
    first = "What did Lavrov say about the United States?"
    history = [(first, world.ask(first).answer)]
    china = world.ask("And China?", history=history)
    assert not china.abstained and china.citations, china.answer
    assert all(c.speaker == "China" and "United States" in c.quote for c in china.citations), china.answer


def test_and_another_state_after_a_say_about_question_asks_what_it_said_on_that_topic(tmp_path):
    """From a new-user pass: "And Germany?" after "What did Russia say about the grain deal?" quoted a
    sentence about another deal (the kind "say" was not carried, so the question was no longer about
    statements), and a state silent on the topic was reported as "saying anything" at all."""
    a = _ingested_articles(tmp_path, GRAIN)
    first = "What did Germany say about the grain deal?"
    history = [(first, a.ask(first).answer)]
    ukraine = a.ask("And Ukraine?", history=history)
    assert not ukraine.abstained and ukraine.citations, ukraine.answer
    assert all("grain deal" in c.quote and c.speaker in ("Ukraine", "Dmytro Kuleba") for c in ukraine.citations), \
        ukraine.answer
    swiss = a.ask("And Switzerland?", history=history)  # (named as a summit's venue, saying nothing)
    assert swiss.abstained and "saying anything about the grain deal" in swiss.answer, swiss.answer


def test_did_he_mention_a_name_asks_about_the_previous_giver_with_the_name_as_topic(tmp_path):
    """From a new-user pass: "What did Wang Yi say about Taiwan?" then "Did he mention the United
    States?" answered "They do not report United States saying this" (the name after "mention" read
    as the one asked about), and "Did Wang Yi say anything about the United States?" said the
    passages did not mention the United States ("anything" taken for the topic)."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "CHN", "China", "Wang Yi", "Minister for Foreign Affairs",
        "Taiwan is an inalienable part of China's territory. The ocean economy must be sustainable. "
        "Here, we once again urge the United States to completely lift its blockade and sanctions against Cuba. "
        "Our coastal communities depend on healthy fisheries.", session=79)])
    first = a.ask("What did Wang Yi say about Taiwan?")
    assert first.citations and "Taiwan" in first.citations[0].quote, first.answer
    for q, history in (("Did he mention the United States?", [("What did Wang Yi say about Taiwan?", first.answer)]),
                       ("Did Wang Yi say anything about the United States?", [])):
        ans = a.ask(q, history=history)
        assert not ans.abstained and ans.citations, (q, ans.answer)
        assert "urge the United States" in ans.citations[0].quote, (q, ans.answer)


def test_he_after_a_question_by_office_is_whoever_holds_it(tmp_path):
    """From a new-user pass: "What did Iran's president say about Israel?" was answered from the
    speeches of Iran's two presidents, then "What else did he say?" and "Did he mention the United
    States?" asked the user who "he" was (the answer names neither president)."""
    a = _speeches_and_articles(tmp_path, [
        _speech("IRN", "Iran", "Seyyed Ebrahim Raisi", "President",
                "We will never accept the occupation by the Israeli regime. We call on the American Government to "
                "honour its commitments under the nuclear deal.", session=78),
        _speech("IRN", "Iran", "Masoud Pezeshkian", "President",
                "We condemn Israeli crimes against humanity in Gaza. Iran wants peace for everyone in the region.",
                session=79),
    ])
    first = "What did Iran's president say about Israel?"
    ans = a.ask(first)
    assert not ans.abstained and ans.citations, ans.answer
    history = [(first, ans.answer)]
    for follow in ("What else did he say?", "Did he mention the United States?"):
        text = a.query(follow, history=history).text
        assert any(n in text for n in ("Iran's president", "Raisi", "Pezeshkian")), (follow, text)
        got = a.ask(follow, history=history)
        assert not got.abstained and got.citations, (follow, got.answer)
        assert all("President, Iran" in c.title for c in got.citations), (follow, got.answer)
    us = a.ask("Did he mention the United States?", history=history)
    assert any("American Government" in c.quote for c in us.citations), us.answer


def test_did_she_mention_x_asks_for_her_words_naming_x_and_says_so_when_none_do(tmp_path):
    """From a new-user pass: "What did Vera Jourova say about disinformation?" then "Did she mention
    TikTok?" quoted three TikTok sentences of other people with no speaker (a "mention" question asked
    for no kind, so no one's words in particular)."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "EU calls for AI safeguards", "2023-09-26", (
        "Giving an update on the Code of Practice on Disinformation, Vera Jourova said platforms must label "
        "AI-generated disinformation.\n\nIn its report, TikTok focuses on AI-generated content and the integrity "
        "of its services.\n\nJourova said the Russian state was waging a war of disinformation."))
    q1 = "What did Vera Jourova say about disinformation?"
    first = a.ask(q1)
    assert not first.abstained, first.answer
    for q, history in (("Did she mention TikTok?", [(q1, first.answer)]), ("Did Jourova mention TikTok?", None)):
        ans = a.ask(q, history=history)
        assert ans.abstained and "mentioning TikTok" in ans.answer, (q, ans.answer)
    ans = a.ask("Did Jourova mention Russia?")
    assert not ans.abstained and any("Russian state" in c.quote for c in ans.citations), ans.answer


def test_did_x_mention_y_never_quotes_others_naming_y(tmp_path):
    """From a new-user pass: "Did Kishida mention China?" said he did not, then quoted other people's
    sentences on China ("Statements of others found on this"), which the question did not ask for."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "Japan's prime minister Kishida urges investment", "2023-09-21", (
        "Prime Minister Fumio Kishida said Japan would double its support for start-ups.\n\n"
        "Analyst Jeffrey Neureiter said China was slowing and investors were looking at Japan instead."))
    ans = a.ask("Did Kishida mention China?")
    assert ans.abstained and "mentioning China" in ans.answer and not ans.citations, ans.answer


def test_what_else_quotes_nothing_an_earlier_answer_quoted(world):
    """From a new-user pass: "What else did he say?" after two questions about him repeated the first answer's quote
    (only the last answer was read for what was already said)."""
    first = "What did Xi and Putin pledge about Iran?"
    history = [(first, world.ask(first).answer)]
    about = world.ask("What did he say about Trump?", history=history)
    history.append(("What did he say about Trump?", about.answer))
    more = world.ask("What else did he say?", history=history)
    said = " ".join(" ".join(a.split()) for _, a in history)
    assert not any(" ".join(c.quote.split()) in said for c in more.citations), more.answer
    assert more.citations or "Nothing else found" in more.answer, more.answer


def test_and_another_state_after_a_name_with_a_particle_swaps_the_whole_name():
    """From a third new-user pass: "And Jordan?" after "What did Abdel Fattah el-Sisi say about Israel?" repeated
    El-Sisi's answer: "el-Sisi" split the name in two, so nothing was swapped and both were asked about."""
    from assistant.query import named_entities, swap_actors

    assert named_entities("What did Abdel Fattah el-Sisi say about Israel?") == ["Abdel Fattah el-Sisi", "Israel"]
    assert named_entities("What did Ursula von der Leyen propose?") == ["Ursula von der Leyen"]
    assert named_entities("What did Mohammed bin Salman pledge?") == ["Mohammed bin Salman"]
    assert swap_actors("And Jordan?", "What did Abdel Fattah el-Sisi say about Israel?", ["Israel"]) == (
        "What did Jordan say about Israel?")


def test_what_else_leaves_out_a_sentence_quoted_without_its_dateline(tmp_path):
    """From a fourth new-user pass: "What else did he say?" after "What did Cavusoglu say about Sweden?" repeated
    the lead sentence, quoted the first time without its wire dateline ("ANKARA, March 16 (...) - ")."""
    a = _ingested_articles(tmp_path, {"tr.md": (
        "Turkey says it will not back Sweden's NATO bid for now", "Nordic Wire Service", "2023-03-16",
        "ANKARA, March 16 (Nordic Wire Service) - Turkey will not approve Sweden's application to join NATO until "
        "Stockholm takes firmer action against groups Ankara regards as terrorists, Turkish Foreign Minister Mevlut "
        "Cavusoglu said on Thursday.\n\n"
        "He said Finland, by contrast, had met its commitments and that Turkey's parliament would ratify the "
        "Finnish bid before the May elections.")})
    first = "What did Cavusoglu say about Sweden?"
    ans = a.ask(first)
    assert any("will not approve" in c.quote for c in ans.citations), ans.answer
    more = a.ask("What else did he say?", history=[(first, ans.answer)])
    assert not any("will not approve" in c.quote for c in more.citations), more.answer
