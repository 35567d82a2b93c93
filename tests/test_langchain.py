"""AttacheRetriever: a real LangChain retriever over a real store, and the README's LCEL example run
as written against a local OpenAI-compatible server."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"
QUESTION = "What did Veloria pledge about a grain corridor?"


@pytest.fixture(scope="module")
def store(samples_store):
    return samples_store


def test_retriever_documents_are_passages_with_offsets_and_speakers(store):
    from langchain_core.retrievers import BaseRetriever

    from assistant.langchain_retriever import AttacheRetriever

    a, _ = store
    r = AttacheRetriever(assistant=a, k=4)
    assert isinstance(r, BaseRetriever)
    docs = r.invoke(QUESTION)
    assert 1 <= len(docs) <= 4
    assert [d.metadata["rank"] for d in docs] == list(range(1, len(docs) + 1))
    assert "grain" in docs[0].page_content.lower()
    for d in docs:
        m = d.metadata
        assert a.document(m["doc_id"]).text[m["start"]:m["end"]] == d.page_content
        assert m["source"] and m["published"] and m["chunk_id"]
    assert any(d.metadata["speakers"] for d in docs)  # who the passages attribute statements to
    # Filters are honoured: only the named outlet.
    outlet = docs[0].metadata["source"]
    only = AttacheRetriever(assistant=a, k=4, filters={"sources": [outlet]}).invoke(QUESTION)
    assert only and {d.metadata["source"] for d in only} == {outlet}
    # Same passages as the product's own search (same ranking, same order).
    assert [d.metadata["chunk_id"] for d in docs] == [p.chunk_id for p in a.search(QUESTION, k=4)]


def test_readme_lcel_example_runs_as_written(store, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- langchain-example -->\n```python\n(.*?)```", readme, re.S)
    assert m, "README lost its LangChain example"
    script = tmp_path / "example.py"
    script.write_text(m.group(1), encoding="utf-8")

    def reply(messages):  # the model answers from what the chain put in the prompt
        text = " ".join(str(x.get("content")) for x in messages)
        assert "Question: " + QUESTION in text
        assert "[1] " in text and "grain" in text.lower()
        return "Veloria pledged to reopen grain shipments [1]."

    _, path = store
    with FakeOpenAI(reply=reply) as server:
        env = {**os.environ, "ATTACHE_STORE": str(path), "OPENAI_BASE_URL": server.base_url,
               "OPENAI_API_KEY": "test-key", "HF_HUB_OFFLINE": "1"}
        r = subprocess.run([sys.executable, str(script)], env=env, cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
        assert r.returncode == 0, r.stderr[-3000:]
        assert r.stdout.strip() == "Veloria pledged to reopen grain shipments [1]."
        assert server.requests, "the chain never called the model"
