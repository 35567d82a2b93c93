"""Follow-ups without an LLM keep what the previous question asked (real store, model and spaCy).

"And Germany?" after "What did Erdogan propose about the grain deal?" asks for Germany's proposals
on the grain deal, and "What about Ukraine?" after that for Ukraine's; "What did he propose?" after
an answer from a state's UN speech asks about the person who gave it. Our own short inputs, built with
the helpers of ``tests/test_attribution.py``.
"""
from test_attribution import _ingested_articles, _speech, _speeches_and_articles

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
