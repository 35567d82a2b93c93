"""Every citation of an answer quotes a different passage (a new-user pass found the README's own
example citing one sentence twice, as [1] and [2], once for each actor the question names)."""
from test_attribution import _ingested


def test_a_sentence_both_actors_asked_about_share_is_cited_once(tmp_path):
    a = _ingested(tmp_path, "Putin, Xi hail partnership", "2018-06-08", (
        "Chinese President Xi Jinping and Russian President Vladimir Putin met in Beijing on Friday.\n\n"
        "Xi and Putin also pledged in a joint declaration to make “all possible efforts” to preserve the "
        "international accord on Iran’s nuclear program that U.S. President Donald Trump abandoned last month.\n\n"
        "The two leaders praised their partnership."))
    ans = a.ask("What did Xi and Putin pledge about Iran?")
    assert not ans.abstained and ans.citations, ans.answer
    spans = [(c.doc_id, c.start, c.end) for c in ans.citations]
    assert len(spans) == len(set(spans)), ans.answer
    assert any("all possible efforts" in c.quote for c in ans.citations), ans.answer


def test_a_person_with_no_statement_on_the_topic_is_said_to_have_none(tmp_path):
    """"What did Musk say about the EU?" quoted a sentence that only mentions him ("EU regulators
    are set to assess ... Musk's gutting of moderation teams") as his answer; he speaks elsewhere in
    the articles, never on the EU."""
    a = _ingested(tmp_path, "X under scrutiny", "2023-10-12", (
        "Elon Musk said X would cut the price of its premium tier next month.\n\n"
        "EU regulators are set to assess how much Musk’s gutting of moderation teams has cost the "
        "platform’s users in the European Union.\n\n"
        "The company did not respond to a request for comment."))
    ans = a.ask("What did Musk say about the EU?")
    assert ans.answer.startswith("The articles do not say"), ans.answer
    assert "do not report" in ans.answer and "Musk" in ans.answer, ans.answer


def test_an_answer_shows_a_hard_wrapped_quote_on_one_line_and_cites_it_verbatim(tmp_path):
    """A hard-wrapped speech record's sentence was quoted in the answer with its line breaks; the
    answer shows it on one line, the citation keeps the verbatim quote and offsets."""
    from assistant import Assistant

    wrapped = ("Taiwan is an inalienable part of China’s territory. Both the Cairo Declaration and the Potsdam\n"
               "Proclamation stated in explicit terms that Taiwan shall be restored to China, and this constitutes\n"
               "an important part of the post-war international order of the world since the end of the war.\n")
    body = "".join(f"Line {i} of the record says nothing about the matter at hand here, only filler words to wrap it\n"
                   for i in range(4)) + wrapped
    (tmp_path / "speech.md").write_text(f"---\ntitle: China at the UN\nsource: Test Wire\npublished: 2024-09-28\n"
                                        f"---\n{body}", encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([tmp_path / "speech.md"]).ok
    ans = a.ask("What did the Potsdam Proclamation state about Taiwan?")
    cite = next(c for c in ans.citations if "Potsdam" in c.quote)
    assert "\n" in cite.quote and cite.shown == " ".join(cite.quote.split())
    assert cite.shown in ans.answer and "\n" not in ans.answer, ans.answer


def test_an_outlet_cited_is_no_actor_asked_and_an_overlapping_quote_is_not_repeated(tmp_path):
    """From a new-user pass: "According to Bloomberg, what did Xi pledge?" said "No statement found
    is a pledge by Bloomberg" (an actor of the index too), and an answer cited one article's
    sentences twice, as [1] (two sentences) and [2] (the first of them)."""
    from assistant import Assistant
    from assistant.models import Citation
    from index.models import Passage

    (tmp_path / "xi.md").write_text(
        "---\ntitle: Putin, Xi hail partnership\nsource: Bloomberg\npublished: 2018-06-08\n---\n"
        "Chinese President Xi Jinping pledged to support Russia on key international issues.\n\n"
        "Bloomberg said it had seen a draft of the joint declaration.\n", encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([tmp_path / "xi.md"]).ok
    assert "Bloomberg" in [row.actor for row in a.actors()]
    ans = a.ask("According to Bloomberg, what did Xi pledge?")
    assert "by Bloomberg" not in ans.answer and ans.citations, ans.answer
    assert "Xi Jinping pledged" in ans.citations[0].quote, ans.answer
    p = Passage(chunk_id="c", doc_id="d", text="One two. Three four.", start=0, end=20, title="t")
    both, first = Citation.of(1, p, 0, 20), Citation.of(2, p, 0, 8)
    assert first.repeats(both) and not Citation.of(3, p, 9, 20).repeats(first)
