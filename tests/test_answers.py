"""Answers with verifiable citations, end to end on a real store (real Chroma, real model):
the project's sample articles plus the shared Bloomberg article."""
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from fake_openai import FakeOpenAI

from assistant import Assistant
from assistant.models import AnswerReady, TextDelta
from index.text import terms

GOLD = Path(__file__).parent / "gold" / "questions.json"
QUESTIONS = json.loads(GOLD.read_text())


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir, article_path):
    d = tmp_path_factory.mktemp("answers") / "store"
    a = Assistant.open(store=d)
    rep = a.ingest([samples_dir, article_path])
    assert rep.ok and rep.added == 13
    a.store.close()
    return d


@pytest.fixture(scope="module")
def assistant(store_dir):
    return Assistant.open(store=store_dir, create=False)


def check_citations(a: Assistant, ans) -> None:
    """Every quote is the stored text at its offsets; markers and citations match one to one."""
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    assert markers == {c.n for c in ans.citations}
    for c in ans.citations:
        assert a.document(c.doc_id).text[c.start:c.end] == c.quote
        assert c.source and c.published


def test_gold_questions(assistant):
    """Answerable questions cite a quote holding the supporting words; the others abstain."""
    results = []
    for q in QUESTIONS:
        ans = assistant.ask(q["question"])
        check_citations(assistant, ans)
        quotes = " ".join(c.quote for c in ans.citations)
        if q["answerable"]:
            ok = not ans.abstained and any(m in quotes for m in q["must_contain"])
        else:
            ok = ans.abstained and not ans.citations
        results.append((ok, q["question"], ans.answer[:200]))
    score = sum(ok for ok, *_ in results) / len(results)
    print(f"\ngold questions answered correctly: {score:.2f}")
    for ok, q, a in results:
        if not ok:
            print("  MISS", q, "->", a)
    assert score >= 0.8
    # Every unanswerable question must abstain: guessing is the one unforgivable failure.
    assert all(ok for (ok, *_), q in zip(results, QUESTIONS) if not q["answerable"])


@pytest.mark.parametrize("question,must", [
    ("What did Xi and Putin pledge about Iran?", "all possible efforts"),
    ("What is Lavrov's position on sanctions on North Korea?", "lifting of sanctions on North Korea"),
    ("What did Putin say about security guarantees for North Korea?", "security guarantees"),
])
def test_bloomberg_pledges_and_positions(assistant, question, must):
    ans = assistant.ask(question)
    assert not ans.abstained
    check_citations(assistant, ans)
    assert any(must in c.quote for c in ans.citations)
    assert all(c.source == "Bloomberg" and c.published.startswith("2018-06-08") for c in ans.citations
               if must in c.quote)


def test_pledge_answer_names_both_speakers(assistant):
    ans = assistant.ask("What did Xi and Putin pledge about Iran?")
    cited = next(c for c in ans.citations if "all possible efforts" in c.quote)
    assert "Xi Jinping" in cited.speaker and "Vladimir Putin" in cited.speaker


def test_abstains_on_absent_actor_and_topic(assistant):
    for q in ["What did Justin Trudeau pledge about Arctic shipping?",
              "What is Lavrov's position on fishing quotas in the Baltic?"]:
        ans = assistant.ask(q)
        assert ans.abstained and not ans.citations, ans.answer
        assert ans.answer.startswith("The articles do not say")


@pytest.mark.parametrize("question, who, doing", [
    ("What did Trump say about Iran?", "Trump", "saying anything about Iran"),
    ("What did Donald Trump pledge?", "Donald Trump", "pledging anything"),
])
def test_a_person_mentioned_but_never_quoted_is_not_credited(assistant, question, who, doing):
    """Trump is mentioned in the Bloomberg article but says nothing there: the answer says so and
    quotes others' statements only as theirs (Xi and Putin's pledge), never as his."""
    ans = assistant.ask(question)
    assert ans.abstained
    assert f"They mention {who} but do not report {who} {doing}." in ans.answer, ans.answer
    check_citations(assistant, ans)
    assert all(c.speaker and "Trump" not in c.speaker for c in ans.citations), [c.speaker for c in ans.citations]
    if "Iran" in question:
        assert any("Xi" in c.speaker and "Putin" in c.speaker for c in ans.citations)


def test_deterministic(assistant):
    q = "Who proposed what in exchange for what on North Korea?"
    assert assistant.ask(q).to_dict() == assistant.ask(q).to_dict()


def test_filters_restrict_sources_and_dates(assistant):
    ans = assistant.ask("What did Ostmark propose?", filters={"sources": ["Global Ledger"]})
    assert ans.citations and all(c.source == "Global Ledger" for c in ans.citations)
    ans = assistant.ask("What did Ostmark propose?", filters={"since": "2026-01-01", "until": "2026-12-31"})
    assert ans.citations and all("2026-01-01" <= c.published[:10] <= "2026-12-31" for c in ans.citations)
    passages = assistant.search("sanctions", k=10, filters={"until": "2025-12-31"})
    assert passages and all(p.published[:10] <= "2025-12-31" for p in passages)


def test_follow_up_uses_the_conversation(assistant):
    first = "What is Russia's position on sanctions on North Korea?"
    prev = assistant.ask(first)
    ans = assistant.ask("And what did Lavrov say?", history=[(first, prev.answer)])
    assert not ans.abstained
    assert any("Lavrov" in c.quote and "sanctions" in c.quote for c in ans.citations)


def test_stream_yields_text_then_answer(assistant):
    items = list(assistant.stream("What did Koval and Brandt pledge in their joint statement?"))
    assert isinstance(items[-1], AnswerReady) and all(isinstance(i, TextDelta) for i in items[:-1])
    final = items[-1].answer
    assert not final.abstained
    assert "".join(i.text for i in items[:-1]) == final.answer


def test_timeline_question_orders_statements_by_date(assistant):
    ans = assistant.ask("How has Ostmark's stance on sanctions relief talks with Veloria changed?")
    check_citations(assistant, ans)
    dates = [c.published[:10] for c in ans.citations]
    assert len(dates) >= 2 and dates == sorted(dates) and len(set(dates)) >= 2


OSTMARK_VOICES = {"Ostmark", "Viktor Halden", "Lena Sorvik", "Karl Dremmen"}


@pytest.mark.parametrize("question,early,late", [
    ("How has Ostmark's stance on sanctions relief talks with Veloria changed?",
     ("lift all sanctions before any talks", "would not negotiate", "turned down an offer",
      "rejected an offer of sanctions relief talks"),  # the same refusal, recalled by a later article
     ("no longer insisted", "without preconditions", "committed to withdrawing", "prepared to take the first step")),
    ("How has Ostmark's position on Aster pipeline gas supplies to Veloria changed?",
     ("halve deliveries", "cut by half"), ("ten-year gas contract",)),
    ("How has Ostmark's position on missile tests near the Northern Straits changed?",
     ("expand missile testing", "tests would continue"), ("halt tests for six months",)),
])
def test_stance_change_shows_the_change_in_the_holders_own_words(assistant, question, early, late):
    """The earliest and latest statements of Ostmark (its government and its officials) on the
    topic, date-ordered; never a statement of Veloria or Calderra, never an off-topic one."""
    ans = assistant.ask(question)
    assert not ans.abstained, ans.answer
    check_citations(assistant, ans)
    assert ans.answer.startswith("Ostmark on ")
    assert {c.speaker for c in ans.citations} <= OSTMARK_VOICES, ans.answer
    dates = [c.statement_date or c.published for c in ans.citations]
    assert dates == sorted(dates) and dates[0][:7] < dates[-1][:7]
    assert any(w in ans.citations[0].quote for w in early), ans.answer
    assert any(w in ans.citations[-1].quote for w in late), ans.answer
    assert not any("gas contract" in c.quote for c in ans.citations) or "gas" in question


def test_change_of_mind_follow_up_keeps_the_earlier_topic_in_its_words(assistant):
    """"Did it later change its mind?" after a question about Ostmark and sanctions relief talks:
    the stance timeline on that topic, headed by the topic as the user wrote it (not by stems or
    by the words "later" and "mind")."""
    first = "What did Ostmark say about sanctions relief talks?"
    ans = assistant.ask("Did it later change its mind?", history=[(first, assistant.ask(first).answer)])
    assert not ans.abstained, ans.answer
    check_citations(assistant, ans)
    assert ans.answer.startswith("Ostmark on sanctions relief talks, earliest to latest:"), ans.answer
    assert {c.speaker for c in ans.citations} <= OSTMARK_VOICES, ans.answer
    dates = [c.statement_date or c.published for c in ans.citations]
    assert dates == sorted(dates) and dates[0][:7] < dates[-1][:7]


def test_stance_holder_and_topic_are_read_from_the_question():
    from assistant.stance import stance_holders, topic_phrase

    q = "How has Ostmark's stance on sanctions relief talks with Veloria changed?"
    assert stance_holders(q, ["Ostmark", "Veloria"]) == ["Ostmark"]
    assert topic_phrase(q, ["Ostmark"], frozenset()) == "sanctions relief talks with Veloria"
    assert stance_holders("How has the Velorian position on the corridor shifted?", ["Ostmark", "Veloria"]) == ["Veloria"]
    assert stance_holders("Has Halden changed his mind on talks with Veloria?", ["Viktor Halden", "Veloria"]) == [
        "Viktor Halden"]
    assert stance_holders("How did things change?", ["Ostmark", "Veloria"]) == ["Ostmark", "Veloria"]
    topic = frozenset(terms("sanctions relief talks"))
    assert topic_phrase("Did it later change its mind?", ["Ostmark"], topic,
                        ["What did Ostmark say about sanctions relief talks?"]) == "sanctions relief talks"
    assert topic_phrase("Did it change?", ["Ostmark"], topic) == " ".join(sorted(topic))  # no words to quote


# ----------------------------------------------------------------------------- LLM backend

def test_openai_backend_checks_the_model_output(assistant):
    """A real ChatOpenAI client against a local server speaking the chat-completions protocol:
    a marker pointing at no passage is removed and each citation resolves to an exact quote."""
    def reply(messages):
        user = messages[-1]["content"]
        assert "all possible efforts" in user  # the passages reached the model
        n = re.search(r'<passage id="(\d+)">[^<]*?all possible efforts', user, re.S)
        n = n.group(1) if n else "1"
        return (f"Xi and Putin pledged in a joint declaration to make all possible efforts to preserve "
                f"the international accord on Iran's nuclear program [{n}][7].")

    with FakeOpenAI(reply=reply) as server:
        spec = f"openai:fake-model@{server.base_url}"
        ans = assistant.ask("What did Xi and Putin pledge about Iran?", llm=spec)
        assert not ans.abstained and ans.backend == spec
        assert "[7]" not in ans.answer
        check_citations(assistant, ans)
        assert any("all possible efforts" in c.quote for c in ans.citations)
        items = list(assistant.stream("What did Xi and Putin pledge about Iran?", llm=spec))
        assert sum(isinstance(i, TextDelta) for i in items) > 1
        assert "[7]" not in items[-1].answer.answer and items[-1].answer.citations
        assert any(r.get("stream") for r in server.requests)


def test_backend_down_falls_back_to_offline_answer(assistant):
    ans = assistant.ask("What did Xi and Putin pledge about Iran?", llm="openai:m@http://127.0.0.1:9/v1")
    assert ans.backend == "extractive" and "unreachable" in ans.notice
    assert any("all possible efforts" in c.quote for c in ans.citations)


# ----------------------------------------------------------------------------- CLI

def run_cli(*args, store=None):
    cmd = [sys.executable, "-m", "assistant.cli", *args] + (["--store", str(store)] if store else [])
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_cli_ask_json_contract(store_dir, assistant):
    r = run_cli("ask", "What is Lavrov's position on sanctions on North Korea?", "--json", store=store_dir)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= {"question", "answer", "abstained", "citations", "passages"}
    assert d["citations"] and not d["abstained"]
    for c in d["citations"]:
        assert set(c) >= {"n", "doc_id", "chunk_id", "title", "source", "published", "url", "quote", "start", "end"}
        shown = json.loads(run_cli("docs", "show", c["doc_id"], "--json", store=store_dir).stdout)
        assert shown["text"][c["start"]:c["end"]] == c["quote"]
        assert f"[{c['n']}]" in d["answer"]


def test_cli_ask_plain_prints_sources(store_dir):
    r = run_cli("ask", "What did Koval and Brandt pledge in their joint statement?", store=store_dir)
    assert r.returncode == 0 and "Sources:" in r.stdout and "[1]" in r.stdout


@pytest.mark.parametrize("args,msg", [
    (["ask", ""], "question is empty"),
    (["ask", "x" * 3000], "too long"),
    (["ask", "What?", "--llm", "gpt4all:foo"], "gpt4all:foo"),
])
def test_cli_ask_bad_input(store_dir, args, msg):
    r = run_cli(*args, store=store_dir)
    assert r.returncode != 0 and msg in r.stderr and not r.stdout and "Traceback" not in r.stderr
    # one line, or argparse's usage then one error line for an argument error (exit 2)
    assert r.stderr.count("\n") == 1 or (r.returncode == 2 and r.stderr.startswith("usage:")), r.stderr


def test_cli_ask_backend_down_offers_offline_answer(store_dir):
    r = run_cli("ask", "What did Xi and Putin pledge about Iran?", "--llm", "openai:m@http://127.0.0.1:9/v1",
                "--json", store=store_dir)
    assert r.returncode == 0
    d = json.loads(r.stdout)
    assert "unreachable" in d["notice"] and d["citations"]


def test_empty_index_says_so(tmp_path):
    r = run_cli("ask", "What did Xi pledge?", "--json", store=tmp_path / "empty")
    assert r.returncode != 0 and "store not found" in r.stderr
    Assistant.open(store=tmp_path / "empty2")  # creates an empty store
    r = run_cli("ask", "What did Xi pledge?", "--json", store=tmp_path / "empty2")
    d = json.loads(r.stdout)
    assert d["abstained"] and "empty" in d["answer"]


# ----------------------------------------------------------------------------- positions

def test_cli_positions_timeline(store_dir):
    r = run_cli("positions", "Lavrov", "--json", store=store_dir)
    assert r.returncode == 0, r.stderr
    stmts = json.loads(r.stdout)["statements"]
    texts = " ".join(s["text"] for s in stmts)
    assert "lifting of sanctions on North Korea" in texts and "there should be some stages" in texts
    assert all(s["actor"] == "Sergei Lavrov" for s in stmts)
    for who in ("Xi Jinping", "Vladimir Putin"):
        r = run_cli("positions", who, "--kind", "pledge", "--json", store=store_dir)
        pledges = json.loads(r.stdout)["statements"]
        assert any("all possible efforts" in s["text"] for s in pledges), who
    r = run_cli("positions", "Ostmark", "--topic", "sanctions", "--json", store=store_dir)
    dates = [s["date"] for s in json.loads(r.stdout)["statements"]]
    assert len(dates) >= 2 and dates == sorted(dates)
    # Nobody by that name: exit 1 as grep does, the reason on stderr, still valid JSON on stdout.
    r = run_cli("positions", "Nobody Atall", "--json", store=store_dir)
    assert r.returncode == 1 and json.loads(r.stdout)["statements"] == []
    assert "no statements by Nobody Atall" in r.stderr
    r = run_cli("actors", "--json", store=store_dir)
    actors = {a["actor"]: a for a in json.loads(r.stdout)}
    assert actors["Russia"]["actor_type"] == "government" and actors["Vladimir Putin"]["actor_type"] == "person"
    text = run_cli("actors", store=store_dir).stdout  # "(person, 1 article, 2018-06-08)", never "1 articles,  – "
    assert " 1 articles" not in text and "  – " not in text and "( – )" not in text
    for a in actors.values():
        articles = f"{a['documents']} article{'' if a['documents'] == 1 else 's'}"
        assert f"  {a['actor']}  ({a['actor_type']}, {articles}, " in text, (a, text[:400])


def test_cli_positions_narrowed_to_outlets_and_dates(store_dir):
    """`attache positions` takes --source/--since/--until like search and compare: only statements
    in those articles; none left is exit 1 with the reason, a bad date exit 2 naming the field."""
    r = run_cli("positions", "Ostmark", "--json", store=store_dir)
    every = json.loads(r.stdout)["statements"]
    assert len({s["source"] for s in every}) >= 2, every
    one = every[0]["source"]
    r = run_cli("positions", "Ostmark", "--source", one, "--json", store=store_dir)
    some = json.loads(r.stdout)["statements"]
    assert r.returncode == 0 and some and {s["source"] for s in some} == {one} and len(some) < len(every)
    cut = sorted(s["published"][:10] for s in every)[len(every) // 2]
    r = run_cli("positions", "Ostmark", "--since", cut, "--json", store=store_dir)
    later = json.loads(r.stdout)["statements"]
    assert later and all(s["published"][:10] >= cut for s in later) and len(later) < len(every)
    r = run_cli("positions", "Ostmark", "--until", "1999-01-01", store=store_dir)
    assert r.returncode == 1 and "published until 1999-01-01" in r.stderr and "elsewhere" in r.stderr
    r = run_cli("positions", "Ostmark", "--since", "2026-13-01", store=store_dir)
    assert r.returncode == 2 and "since" in r.stderr


def test_positions_quote_matches_stored_text(assistant):
    found = assistant.positions("Xi")  # surname lookup: Xi Jinping's statements
    assert found and {c.actor for c in found} == {"Xi Jinping"}
    for c in found:
        assert assistant.document(c.doc_id).text[c.start:c.end] == c.text


# ----------------------------------------------------------------------------- retrieval

def test_search_passages_are_exact_and_do_not_overlap(assistant):
    for q in ["Ostmark sanctions talks", "What did Lavrov say about sanctions?", "grain corridor escort"]:
        ps = assistant.search(q, k=10)
        assert ps
        for p in ps:
            assert assistant.document(p.doc_id).text[p.start:p.end] == p.text
            assert not any(o is not p and o.doc_id == p.doc_id and min(o.end, p.end) > max(o.start, p.start)
                           for o in ps)
        # merged neighbours make some passages longer than one chunk
    assert any(len(p.text) > assistant.settings.chunk_max for q in ["Ostmark sanctions talks"]
               for p in assistant.search(q, k=10))


def test_outlets_and_days_named_in_the_question_are_retrieved(assistant):
    from assistant.query import named_days

    assert named_days("published on October 7, 2023 and 2026-03-17") == ["2023-10-07", "2026-03-17"]
    ps = assistant.search("What did the Harbour Post report about the gas dispute?", k=4)
    assert any(p.source == "Harbour Post" for p in ps[:2])
    ps = assistant.search("What was reported on March 17, 2026 about grain ships?", k=3)
    assert any(p.published.startswith("2026-03-17") for p in ps)


def test_compound_question_retrieves_evidence_for_each_clause(assistant):
    from assistant.query import clauses

    assert clauses("Does the Harbour Post report a missile test, while Global Ledger reports stranded grain ships?") == [
        "Does the Harbour Post report a missile test", "Global Ledger reports stranded grain ships"]
    assert clauses("What did Ostmark pledge about sanctions?") == []
    question = ("Did the Baltic Wire Service report that Ostmark rejects Velorian offer of sanctions relief talks, "
                "while the Global Ledger reported that Ostmark inspections strand grain ships in Northern Straits?")
    # Hybrid retrieval: without clause-by-clause retrieval the top 2 are both Baltic Wire articles.
    # Re-ranked (the default): each phrase's best passage is moved to the top (cover_parts).
    for rerank, k in ((False, 2), (True, 3)):
        got = {(p.source, p.title) for p in assistant.search(question, k=k, rerank=rerank)}
        assert any(s == "Baltic Wire Service" and "rejects" in t for s, t in got), (rerank, got)
        assert any(s == "Global Ledger" and "grain ships" in t for s, t in got), (rerank, got)


MULTI_PART = ("Who proposed inspecting grain ships in Portmere, urged both sides to keep the Straits open "
              "and pledged extra gas through the Westline interconnector?")


def test_question_parts():
    from assistant.query import question_parts

    assert question_parts(MULTI_PART) == [
        "Who proposed inspecting grain ships in Portmere", "urged both sides to keep the Straits open",
        "pledged extra gas through the Westline interconnector"]
    assert question_parts("What did Ostmark pledge about sanctions?") == []


def test_rerank_scores_each_phrase_of_a_multi_part_question(assistant, store_dir):
    """`search(rerank=True)` re-orders passages by their best sentence, each sentence compared
    with every phrase of the question: the gas pledge (one phrase of three, in a third article)
    reaches the top 3 that whole-question sentence scoring leaves it out of."""
    pool = assistant.search(MULTI_PART, k=30, rerank=False)
    best: dict[str, float] = {}
    query = assistant.parser.embed(assistant.parser.parse(MULTI_PART))
    for s in assistant.ranker.rank(query, pool, by_parts=False):
        best[s.passage.chunk_id] = max(best.get(s.passage.chunk_id, -1.0), s.score)
    whole = sorted(pool, key=lambda p: -(best.get(p.chunk_id, -1.0) + 0.5 / (p.rank + 1)))[:3]
    assert not any("Westline interconnector" in p.text for p in whole)
    ps = assistant.search(MULTI_PART, k=3)  # re-ranked by default
    assert [p.rank for p in ps] == [1, 2, 3]
    texts = " ".join(p.text for p in ps)
    assert "Westline interconnector" in texts and "in the port of Portmere" in texts, [p.title for p in ps]
    assert {p.chunk_id for p in ps} <= {p.chunk_id for p in pool}
    # The same through the command line, as JSON.
    r = run_cli("search", MULTI_PART, "--k", "3", "--json", store=store_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [p["chunk_id"] for p in out["results"]] == [p.chunk_id for p in ps]


def test_sentence_vectors_are_cached_lru(embedder):
    """The re-ranker embeds a sentence once; the cache is bounded, least recently used out."""
    from assistant.rerank import SentenceRanker

    calls = []

    class Counting:
        def embed(self, texts):
            calls.append(list(texts))
            return embedder.embed(texts)

    r = SentenceRanker(Counting())
    r.CACHE_SIZE = 3
    a = r.embed_sentences(["Koval pledged aid.", "Ruiz demanded talks.", "Koval pledged aid."])
    assert calls == [["Koval pledged aid.", "Ruiz demanded talks."]]
    assert np.allclose(a[0], a[2]) and np.allclose(a[0], embedder.embed(["Koval pledged aid."])[0], atol=1e-5)
    r.embed_sentences(["Ruiz demanded talks."])
    assert len(calls) == 1  # served from the cache
    r.embed_sentences(["Brandt urged calm.", "Oren rejected criticism."])  # evicts "Koval pledged aid."
    r.embed_sentences(["Koval pledged aid.", "Ruiz demanded talks."])
    assert calls[-1] == ["Koval pledged aid."]


@pytest.mark.parametrize("question,language", [
    ("Qu'a promis la Veloria au sujet du corridor céréalier ?", "French"),
    ("¿Qué prometió Veloria sobre el corredor de grano?", "Spanish"),
    ("Was hat Ostmark über die Sanktionen gesagt?", "German"),
    ("Что пообещала Велория?", "Russian or another Cyrillic-script language"),
    ("Qu'a promis Koval ?", "French"),  # short: one function word, no English one
    ("¿Qué dijo Koval?", "Spanish"),
    ("Koval 承诺了什么？", "Chinese or Japanese"),  # a Latin-script name beside a few characters of another script
    ("Что пообещала Koval?", "Russian or another Cyrillic-script language"),
])
def test_a_question_in_another_language_is_declined_plainly(assistant, question, language):
    """The offline answerer reads English: it says which language it saw and what to do, and
    never blames a missing name or quotes a guess."""
    ans = assistant.ask(question)
    assert ans.abstained and not ans.citations
    assert f"looks written in {language}" in ans.answer and "English" in ans.answer
    assert "do not mention" not in ans.answer


@pytest.mark.parametrize("question", ["What did Le Drian say about la Francophonie?",
                                      "What is the position of the EU on Veloria?", "Who is Le Pen?",
                                      "Koval pledged what?", "Sanctions on Ostmark?",
                                      "What did Xi Jinping say about 台湾?", "What did Lavrov (Лавров) say?"])
def test_english_questions_with_foreign_names_stay_english(question):
    from assistant.query import question_language

    assert question_language(question) == "en"


@pytest.mark.parametrize("question, outlet", [
    ("According to the Harbour Post, what did Ostmark pledge?", "Harbour Post"),
    ("What did Koval pledge, as reported by the Global Ledger?", "Global Ledger"),
    ("In the Meridian Herald's report, what did Koval pledge?", "The Meridian Herald"),
    ("Did the Global Ledger report a pledge by Brandt?", "Global Ledger"),
])
def test_a_question_citing_an_outlet_is_answered_from_its_articles(assistant, question, outlet):
    """"According to X" / "as reported by X" / "in X's report" / "did X report": only X's
    articles are quoted (the answer quoted another outlet)."""
    q = assistant.query(question)
    assert q.cited_outlets == (outlet,) and not q.unknown_outlets
    ans = assistant.ask(question)
    assert not ans.abstained and ans.citations
    assert {c.source for c in ans.citations} == {outlet}
    check_citations(assistant, ans)


def test_an_outlet_that_does_not_answer_is_said_not_to(assistant):
    """Another outlet's sentence is not passed off as the cited one's: the answer says the cited
    outlet has nothing on it before quoting others (abstaining instead cost MultiHop-RAG
    questions that name several outlets their answers)."""
    ans = assistant.ask("According to Bloomberg, what did Koval pledge about grain corridors?")
    assert ans.answer.startswith("Nothing from Bloomberg in the index answers this; other outlets: "), ans.answer
    assert ans.citations and all(c.source != "Bloomberg" for c in ans.citations)
    check_citations(assistant, ans)


@pytest.mark.parametrize("question, said", [
    ("According to Harbor Wire, what did Ostmark pledge?", "Harbor Wire"),
    ("As reported by The Verge, what did Ostmark pledge?", "The Verge"),
    ("What did Koval pledge in the Daily Courier's coverage?", "Daily Courier"),
    ("According to Tass, what did Ostmark pledge?", "Tass"),
])
def test_a_question_citing_an_outlet_not_in_the_index_says_so(assistant, question, said):
    """An outlet the index holds no article from is named in the abstention, with the outlets
    there are (the answer used to quote another outlet as if it were that one)."""
    ans = assistant.ask(question)
    assert ans.abstained and not ans.citations
    assert f"No article from {said} is in the index" in ans.answer
    assert "Harbour Post" in ans.answer and "Global Ledger" in ans.answer


@pytest.mark.parametrize("question", [
    "According to Ostmark, why were the grain ships held?",  # an actor, not an outlet
    "According to officials, what did Veloria pledge?",
])
def test_according_to_an_actor_is_not_an_outlet(assistant, question):
    q = assistant.query(question)
    assert not q.cited_outlets and not q.unknown_outlets
    assert not assistant.ask(question).abstained


def test_report_in_a_month_is_when_it_was_published(assistant):
    """"What did X report in December 2025 about ...": the month is the publication time."""
    q = assistant.query("What did the Harbour Post report in December 2025 about gas?")
    assert (q.filters.since, q.filters.until, q.cited_outlets) == ("2025-12", "2025-12", ("Harbour Post",))
    ans = assistant.ask("What did the Harbour Post report in December 2025 about gas?")
    assert ans.citations and all(c.published.startswith("2025-12") for c in ans.citations)


def test_a_quotation_is_quoted_from_its_opening_mark(assistant):
    """'That is our right and we will exercise it,” Chancellor Viktor Halden said.' closes a
    quotation opened a sentence earlier: the citation starts at the opening mark (it started
    mid-quotation, with an unmatched ” and a "That" referring to nothing)."""
    ans = assistant.ask("What did Halden say before 2026?")
    assert ans.citations
    check_citations(assistant, ans)
    for c in ans.citations:
        assert not re.match(r"^[^“]*”", c.quote), c.quote
    assert any(c.quote.startswith("“Every ship that sails past our coast will be checked.") for c in ans.citations)


def test_a_time_range_that_leaves_a_name_out_says_so(tmp_path, embedder):
    """"What did Nunez say before 2026?" when he is quoted only in 2026: the abstention names the
    range (it said "They do not mention Nunez", false of the index)."""
    for day, text in (("2025-11-03", "Talks on the Kesh border resumed in the capital on Monday after a pause."),
                      ("2026-02-10", "Kesh envoy Ömer Nunez said on Tuesday that the border talks would resume.")):
        (tmp_path / f"{day}.md").write_text(f"---\ntitle: Border talks {day}\nsource: Test Wire\npublished: {day}\n"
                                            f"---\n{text}\n", encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([tmp_path / "2025-11-03.md", tmp_path / "2026-02-10.md"]).ok
    ans = a.ask("What did Nunez say before 2026?")
    assert ans.abstained and "published before 2026" in ans.answer and "Nunez" in ans.answer, ans.answer
    assert "do not mention" not in ans.answer
    ans = a.ask("What did Nunez say before 2025?")
    assert ans.abstained and "No article in the index published before 2025" in ans.answer, ans.answer
    ans = a.ask("What did Nunez say in 2026?")
    assert not ans.abstained and ans.citations[0].quote.startswith("Kesh envoy Ömer Nunez said")


def test_an_answer_quoting_some_of_a_persons_pledges_says_how_many_more(assistant):
    """"What did Koval pledge?" quotes the closest three; the answer says how many more pledges
    of hers the index holds and where to see them all (it read as if three were all)."""
    ans = assistant.ask("What did Koval pledge?")
    check_citations(assistant, ans)
    m = re.search(r"\((\d+) more pledges by Anna Koval in the index: the Positions tab, or attache positions "
                  r"\"Anna Koval\" --kind pledge\.\)", ans.answer)
    assert m, ans.answer
    listed = {" ".join(assistant.document(c.doc_id).text[c.sent_start:c.sent_end].split())
              for c in assistant.positions("Anna Koval", kind="pledge")}
    assert len(ans.citations) + int(m.group(1)) <= len(listed)


def test_a_persons_position_the_articles_do_not_report_is_said_to_be_unreported(assistant):
    """"What is Brandt's position on the drills freeze?" when no sentence found is his: the
    answer says so and quotes others with their names (it quoted a summit sentence with no
    speaker, as if it were his position; found by a new-user pass)."""
    ans = assistant.ask("What is Brandt's position on the drills freeze?")
    assert ans.abstained
    assert "do not report Erik Brandt saying anything on the drills freeze." in ans.answer, ans.answer
    check_citations(assistant, ans)
    assert all(c.speaker and c.speaker != "Erik Brandt" for c in ans.citations), ans.citations
    ans = assistant.ask("What is Sorvik's position on sanctions relief talks?")  # hers are found: answered
    assert not ans.abstained and ans.citations[0].speaker == "Lena Sorvik"


def test_a_name_inside_another_word_is_not_mentioned(assistant):
    """"What did Koval say about Mars?": "Mars" is not mentioned by "March" or "market" (the
    answer quoted three unrelated Koval statements; found by a new-user pass)."""
    from index.text import mentions

    assert not mentions("talks in march at the market", "Mars")
    assert mentions("xi said", "Xis") and mentions("the iranian side", "Iran") and mentions("koval's plan", "Koval")
    ans = assistant.ask("What did Koval say about Mars?")
    assert ans.abstained and "They do not mention Mars." in ans.answer, ans.answer



def test_a_pronoun_that_stands_for_nobody_is_asked_about_not_answered(assistant):
    """From new-user passes: "What did she say?" with no earlier turn quoted an unrelated "she
    said" sentence, and "What did she propose?" after a turn naming nobody quoted others' demands.
    The answer asks who is meant; a named question is unaffected."""
    ans = assistant.ask("What did she say?")
    assert ans.abstained and "Who is “she”?" in ans.answer and not ans.citations, ans.answer
    ans = assistant.ask("What did she propose?", history=[("What about the drills?", "The articles do not say.")])
    assert ans.abstained and "previous answer names nobody" in ans.answer, ans.answer
    ans = assistant.ask("What is their position on sanctions?")
    assert ans.abstained and "Who is “their”?" in ans.answer, ans.answer
    assert not assistant.ask("What did Koval pledge?").abstained


def test_a_name_the_question_is_about_is_its_topic_not_a_speaker(assistant):
    """"What did Ostmark say about Veloria?" quotes Ostmark (its government and officials), not
    Veloria; "What did Lena Sorvik say about Calderra?" (she said nothing about it) says so and
    never quotes a Calderran as if answering for her (it quoted Nadia Oren)."""
    q = assistant.query("What did Lena Sorvik say about Calderra?")
    assert q.actors == ("Lena Sorvik",) and q.topic_terms == frozenset(terms("Calderra")), q
    ans = assistant.ask("What did Ostmark say about Veloria?")
    assert not ans.abstained and ans.citations, ans.answer
    check_citations(assistant, ans)
    assert {c.speaker for c in ans.citations} <= OSTMARK_VOICES, ans.answer
    ans = assistant.ask("What did Lena Sorvik say about Calderra?")
    assert ans.abstained and "do not report Lena Sorvik saying anything about Calderra" in ans.answer, ans.answer
    assert all(c.speaker and c.speaker != "Lena Sorvik" for c in ans.citations), ans.citations


def test_who_question_names_are_its_topic_and_nobody_is_said_to_be_nobody(assistant):
    """From a third new-user pass: "Who proposed that North Korea halt nuclear and missile tests?"
    took North Korea for the actor asked about and quoted other sentences; the Bloomberg article
    says China and Russia did ("They've also proposed ..."). A who-question nobody's statement of
    that kind answers says so before the nearest passages."""
    ans = assistant.ask("Who proposed that North Korea halt nuclear and missile tests?")
    check_citations(assistant, ans)
    assert not ans.abstained and ans.citations, ans.answer
    assert ans.citations[0].speaker == "China and Russia" and "halt nuclear and missile tests" in \
        ans.citations[0].quote, ans.answer
    none = assistant.ask("Who rejected the Aster pipeline gas contract?")  # (Dremmen proposed it; nobody rejected it)
    assert none.answer.startswith("No statement found is a rejection on this"), none.answer


def test_now_in_a_name_asks_for_no_time_order_and_a_group_credited_nothing_is_said_to_be_silent(tmp_path):
    """From a second new-user pass: "What did Bring Them Home Now vow?" was read as a question about the latest and
    about change ("now"), and "What did Hamas demand?" quoted others' sentences naming Hamas with no word that
    Hamas is credited with no demand."""
    from assistant import Assistant

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Israel strikes back\nsource: Test Wire\npublished: 2023-10-14\n---\n"
                    "“We will not stop until Hamas is destroyed,” the defence minister Yoav Gallant said.\n\n"
                    "Meta said it would prioritize the safety of Israelis kidnapped by Hamas.\n", encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([path]).ok
    q = a.parser.parse("What did Bring Them Home Now vow?")
    assert q.recency is None and not q.asks_change, q
    q = a.parser.parse("What does Russia say now about sanctions?")
    assert q.recency == "newest", q
    ans = a.ask("What did Hamas demand?")
    assert ans.abstained and "do not report Hamas" in ans.answer, ans.answer


def test_a_later_reversal_on_a_topic_referred_back_to_answers_and_an_act_asked_is_no_silence(tmp_path):
    """From a third new-user pass: "What is Hungary's current position on the aid package?" answered with the
    January rejection, as "would support the package" (the aid package of the sentence before) lacked
    "aid"; "Did Hungary drop its veto?" said the articles do not report Hungary saying anything, though its
    foreign minister is quoted (the question asks about an act, and "veto" there asks for no rejection)."""
    from test_attribution import _ingested_articles

    from assistant.query import question_kind

    a = _ingested_articles(tmp_path, {
        "jan.md": ("Hungary blocks EU's 50 billion euro Ukraine package", "Harbour Post", "2024-01-15",
                   "BRUSSELS — Hungary's Foreign Minister Gábor Kertész rejected on Monday the European Union's "
                   "proposed 50 billion euro aid package for Ukraine, saying Budapest would not accept joint EU "
                   "borrowing to fund it."),
        "feb.md": ("Hungary drops veto, backs Ukraine aid after EU agrees annual review", "Harbour Post",
                   "2024-02-02",
                   "BRUSSELS — Hungary on Thursday dropped its objection to the European Union's 50 billion euro "
                   "aid package for Ukraine, after the other 26 member states agreed to review the spending every "
                   "year.\n\nForeign Minister Gábor Kertész said Hungary would support the package.")})
    now = a.ask("What is Hungary's current position on the aid package?")
    assert not now.abstained and "would support the package" in now.citations[0].quote, now.answer
    assert now.citations[0].published.startswith("2024-02-02"), now.answer
    said = a.ask("What did Kertesz say about the aid package?")
    assert any("would support the package" in c.quote for c in said.citations), said.answer
    assert question_kind("Did Hungary drop its veto?") is None
    assert question_kind("Did Hungary veto the package?") == "rejection"
    dropped = a.ask("Did Hungary drop its veto?")
    assert "officials saying anything" not in dropped.answer, dropped.answer
    # (from a final new-user check: it answered only "The articles do not say."; the lead of the article whose
    # title reports the act answers, and never for another state asked)
    assert any("dropped its objection" in c.quote for c in dropped.citations), dropped.answer
    other = a.ask("Did Poland drop its veto?")
    assert not any("dropped its objection" in c.quote for c in other.citations), other.answer


def test_a_person_whose_administration_spoke_is_still_said_to_be_silent(tmp_path):
    """From a third new-user pass: "What did Biden say about Haiti?" quoted the Dominican Republic's and Samoa's
    speeches with no word that Biden is credited with nothing: "the Biden administration has said" in another
    article read as Biden speaking, so silence was not claimed."""
    from test_attribution import _ingested_articles

    a = _ingested_articles(tmp_path, {
        "haiti.md": ("Dominican Republic urges action on Haiti", "Test Wire", "2023-09-20",
                     "The Dominican Republic's president said Haiti needs an international security mission.\n\n"
                     "President Luis Abinader said the situation in Haiti could spill over its borders.\n\n"
                     "President Joe Biden hosted Abinader at the White House in 2022."),
        "china.md": ("U.S.-China relations", "Test Wire", "2023-11-13",
                     "The Biden administration has said the U.S. is in competition with China, while looking to "
                     "ensure that it does not veer into conflict.")})
    ans = a.ask("What did Biden say about Haiti?")
    assert ans.abstained and "do not report Biden saying anything about Haiti" in ans.answer, ans.answer


def test_a_quotation_running_into_the_next_sentence_is_quoted_to_its_close(tmp_path):
    """From a third new-user pass: 'Breton warned: “Obligations remain. You can run but you can’t hide.”' was
    quoted as 'Breton warned: “Obligations remain.', an unclosed quotation without its punchline."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "The EU opens an investigation into X", "2023-10-13", (
        "The European Commission opened a formal investigation into X on Thursday.\n\n"
        "In a response to X leaving the voluntary Code, Thierry Breton warned: “Obligations remain. You can run "
        "but you can’t hide.” The company did not reply.\n\n"
        "“We will use every tool we have,” Breton said on Friday. \"This is a test. We expect answers.\""))
    ans = a.ask("What did Breton warn about X leaving the Code?")
    check_citations(a, ans)
    quoted = [c.quote for c in ans.citations if "Obligations remain" in c.quote]
    assert quoted and quoted[0].endswith("you can’t hide.”"), ans.answer
    assert not any("did not reply" in q for q in quoted), ans.answer


def test_a_pledge_quoted_with_she_said_names_who_she_is(tmp_path):
    """From a third new-user pass: "What did Dumitrescu pledge?" quoted '"Romania will pay for two more
    minesweepers ...," she said.' and never named her: the reader of the answer could not tell who "she" is."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "Black Sea talks", "2024-03-04", (
        "Ukraine's Deputy Foreign Minister Olena Marchenko and Romania's Foreign Minister Ioana Dumitrescu both "
        "attended the closing session. Marchenko thanked the hosts, and Dumitrescu warned that mines remained a "
        "threat to shipping. \"Romania will pay for two more minesweepers this year, and we expect our allies to "
        "match that,\" she said."))
    ans = a.ask("What did Dumitrescu pledge?")
    assert not ans.abstained and "(Ioana Dumitrescu)" in ans.answer, ans.answer
    assert "minesweepers" in ans.citations[0].quote and ans.citations[0].speaker == "Ioana Dumitrescu", ans.answer


def test_a_name_outside_the_chosen_outlet_is_not_said_to_be_unmentioned(tmp_path):
    """From a third new-user pass: "What did Gromov say?" with the Harbour Post chosen answered "They do not
    mention Gromov", though another outlet's article quotes him; the answer says the filter is why."""
    from test_attribution import _ingested_articles

    a = _ingested_articles(tmp_path, {
        "hp.md": ("Hungary drops veto", "Harbour Post", "2024-02-02",
                  "Foreign Minister Gábor Kertész said Hungary would support the package."),
        "mw.md": ("Grain talks in Ankara", "Meridian Wire", "2024-03-04",
                  "Russia's ambassador to Turkey, Pavel Gromov, rejected the proposal, saying any inspection regime "
                  "must include Russian officers.")})
    scoped = a.ask("What did Gromov say?", filters={"sources": ["Harbour Post"]})
    assert scoped.abstained and "No article from Harbour Post mentions Gromov" in scoped.answer, scoped.answer
    assert "do not mention" not in scoped.answer
    assert not a.ask("What did Gromov say?").abstained


def test_a_possessive_ends_a_name_so_a_demand_in_exchange_is_found(tmp_path):
    """From a fourth new-user pass: "What did Erdogan demand in exchange for lifting Turkey's objection to Sweden's
    NATO membership?" read "Sweden's NATO" as one name, "Sweden NATO", which no article names, and said Erdogan
    demanded nothing; "the People's Republic of China" stays one name."""
    from test_attribution import _ingested

    from assistant.query import named_entities

    assert named_entities("What did Erdogan demand in exchange for lifting Turkey's objection to Sweden's NATO "
                          "membership?") == ["Erdogan", "Turkey", "Sweden", "NATO"]
    assert len(named_entities("What did the People's Republic of China say?")) == 1
    a = _ingested(tmp_path, "Turkey says it will not back Sweden's NATO bid for now", "2023-03-16", (
        "ANKARA, March 16 (Nordic Wire Service) - Turkey will not approve Sweden's NATO membership for now, Foreign "
        "Minister Mevlut Cavusoglu said on Thursday.\n\n"
        "President Tayyip Erdogan demanded that Sweden extradite dozens of people Ankara accuses of links to the "
        "PKK in exchange for lifting Turkey's objection to its membership."))
    ans = a.ask("What did Erdogan demand in exchange for lifting Turkey's objection to Sweden's NATO membership?")
    assert not ans.abstained and "extradite" in ans.citations[0].quote, ans.answer


def test_a_name_the_passages_found_lack_but_another_article_carries_is_not_said_to_be_unmentioned(tmp_path):
    """From a final new-user check: "What did Meta say about the Israel-Hamas war?" answered "They do not mention
    Meta", though an article names Meta: the passages retrieved did not. (Retrieval is narrowed here to one
    passage to make the case.)"""
    from test_attribution import _ingested_articles

    a = _ingested_articles(tmp_path, {
        "war.md": ("Israel-Hamas war enters second week", "Test Wire", "2023-10-14",
                   "The Israel-Hamas war entered its second week on Saturday. Israeli Prime Minister Benjamin "
                   "Netanyahu said the war would be long and hard."),
        "eu.md": ("EU warns platforms", "Test Wire", "2023-10-13",
                  "TikTok and Meta have also been warned by the EU over disinformation related to the Israel-Hamas "
                  "war.")})
    ans = a.ask("What did Meta say about the Israel-Hamas war?", k=1)
    assert "do not mention Meta" not in ans.answer, ans.answer
    assert ans.abstained and "do not report Meta saying anything" in ans.answer, ans.answer
    nobody = a.ask("What did Zorblat say about the Israel-Hamas war?", k=1)
    assert "do not mention Zorblat" in nobody.answer, nobody.answer


def test_a_who_question_names_each_doer_before_a_sentence_naming_others_first(tmp_path):
    """From a final new-user check: "Who accused Kyiv?" and "Who warned about mines?" quoted "The Kremlin denied
    ..., and ... Maria Zakharova accused Kyiv ..." and "Marchenko thanked the hosts, and Dumitrescu warned ..."
    bare: the first name in each is not who did it ("accused" asked for no kind; "warned", a threat, named no
    one)."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "Black Sea talks", "2023-10-06", (
        "The Kremlin denied that it had been behind a drone strike on a grain port in Izmail, and Foreign Ministry "
        "spokeswoman Maria Zakharova accused Kyiv of staging the attack.\n\n"
        "Ukraine's Deputy Foreign Minister Olena Marchenko and Romania's Foreign Minister Ioana Dumitrescu attended "
        "the closing session. Marchenko thanked the hosts, and Dumitrescu warned that mines drifting in the western "
        "Black Sea remained a threat to shipping."))
    accused = a.ask("Who accused Kyiv?")
    assert accused.answer.startswith("(Maria Zakharova) "), accused.answer
    warned = a.ask("Who warned about mines?")
    assert warned.answer.startswith("(Ioana Dumitrescu) "), warned.answer
