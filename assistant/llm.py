"""Generative answers through an LLM, with every sentence checked against the passages.

The LLM is optional: ``parse_llm_spec`` maps a spec string ("openai:MODEL", "ollama:MODEL",
"gguf:/path/model.gguf", or none) to an ``LLMSpec``; ``LLMAnswerer`` runs an LCEL chain
(prompt | model | parser) and then ``verify_answer`` keeps only sentences whose cited passages
support them, each citation resolved to a verbatim quote with article offsets.

Backend failures (down, slow, HTTP errors, garbage) surface as one-line ``BackendError``s so
the caller can fall back to the offline extractive answerer.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder
from pydantic import SecretStr

import prompts
from index.config import Settings, is_offline_llm, load_settings
from index.errors import BackendError
from index.models import Document, Passage

from .evidence import Evidence
from .models import ABSTAIN_TEXT, Answer, AnswerReady, StreamEvent, TextDelta
from .query import Query
from .render import source_line
from .verify import strip_markers, verify_answer

DEFAULT_TIMEOUT = 60.0
DEFAULT_OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_OLLAMA_URL = "http://127.0.0.1:11434"
MAX_HISTORY_TURNS = 3  # older turns rarely help and cost context

_VALID_FORMS = (
    "none | extractive | openai:MODEL | openai:MODEL@http://host:port/v1 | "
    "ollama:MODEL | ollama:MODEL@http://host:11434 | gguf:/path/model.gguf"
)


# --------------------------------------------------------------------------- spec parsing


@dataclass(frozen=True)
class LLMSpec:
    """A parsed backend spec (``openai:MODEL[@URL]``, ``ollama:MODEL[@URL]``, ``gguf:PATH``)."""
    kind: str  # "openai" | "ollama" | "gguf"
    model: str  # model name, or the .gguf path
    spec: str  # the spec string as given (stripped); recorded as Answer.backend
    base_url: str = ""
    api_key: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        """How error messages name the backend: kind:model plus where it is."""
        where = f" at {self.base_url}" if self.base_url else ""
        return f"{self.kind}:{self.model}{where}"


_SPEC_RE = re.compile(r"(openai|ollama):([^@\s]+)(?:@(\S+))?")


def parse_llm_spec(spec: str | None, settings: Settings | None = None) -> LLMSpec | None:
    """Parse an LLM spec; ``None`` means the offline extractive answerer.

    Endpoints, keys and the timeout not in the spec come from ``settings`` (default: the
    environment and config file). Raises ``BackendError`` for a malformed spec or timeout."""
    text = (spec or "").strip()
    if is_offline_llm(text):
        return None
    settings = settings or load_settings()
    timeout = _timeout(settings.llm_timeout)
    if text.startswith("gguf:"):
        path = text[len("gguf:") :].strip()
        if not path:
            raise BackendError(f"invalid LLM spec {text!r}: gguf needs a file path; valid forms: {_VALID_FORMS}")
        # The file and llama_cpp are checked in build_chat_model, when the model is loaded.
        return LLMSpec("gguf", os.path.expanduser(path), text, timeout=timeout)
    m = _SPEC_RE.fullmatch(text)
    if not m:
        raise BackendError(f"invalid LLM spec {text!r}; valid forms: {_VALID_FORMS}")
    kind, model, url = m.groups()
    if url is not None and not re.fullmatch(r"https?://[^/\s]+(/\S*)?", url):
        raise BackendError(f"invalid LLM spec {text!r}: {url!r} is not an http(s) URL; valid forms: {_VALID_FORMS}")
    if kind == "openai":
        base = url or settings.openai_base_url or DEFAULT_OPENAI_URL
        # Local OpenAI-compatible servers (llama.cpp, vLLM, LM Studio) ignore the key but the
        # client refuses to start without one.
        key = settings.openai_api_key or "not-needed"
        return LLMSpec("openai", model, text, base.rstrip("/"), key, timeout)
    base = url or settings.ollama_host or DEFAULT_OLLAMA_URL
    if "://" not in base:  # OLLAMA_HOST is often just host:port
        base = f"http://{base}"
    return LLMSpec("ollama", model, text, base.rstrip("/"), timeout=timeout)


def _timeout(raw: str) -> float:
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise BackendError(f"ATTACHE_LLM_TIMEOUT={raw!r} is not a positive number of seconds")
    return value


# --------------------------------------------------------------------------- chat models


def build_chat_model(spec: LLMSpec) -> BaseChatModel:
    """A LangChain chat model for ``spec``; no network traffic happens here."""
    if spec.kind == "openai":
        from langchain_openai import ChatOpenAI

        # max_retries=0: a down server must fail fast so the caller can fall back.
        return ChatOpenAI(
            model=spec.model,
            base_url=spec.base_url,
            api_key=SecretStr(spec.api_key),
            timeout=spec.timeout,
            max_retries=0,
            temperature=0,
        )
    if spec.kind == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=spec.model,
            base_url=spec.base_url,
            temperature=0,
            client_kwargs={"timeout": spec.timeout},
        )
    if spec.kind == "gguf":
        if not os.path.isfile(spec.model):
            raise BackendError(f"LLM backend {spec.spec}: model file {spec.model} does not exist")
        try:
            from llama_cpp import Llama
        except ImportError:
            raise BackendError(
                f"LLM backend {spec.spec} needs llama-cpp-python, which is not installed "
                "(pip install llama-cpp-python)"
            ) from None
        try:
            llm = Llama(model_path=spec.model, n_ctx=8192, verbose=False)
        except Exception as e:  # llama_cpp raises ValueError/RuntimeError on bad files
            raise BackendError(f"LLM backend {spec.spec}: cannot load model: {_one_line(e)}") from e
        return ChatLlamaCpp(llm=llm)
    raise BackendError(f"unknown LLM backend kind {spec.kind!r}")


_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


class ChatLlamaCpp(BaseChatModel):
    """Minimal chat model over ``llama_cpp.Llama.create_chat_completion`` (with streaming),
    so a local .gguf file works without langchain-community."""

    llm: Any
    temperature: float = 0.0
    max_tokens: int = 512

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def _request(self, messages: list[BaseMessage], stop: list[str] | None, stream: bool) -> Any:
        return self.llm.create_chat_completion(
            messages=[{"role": _ROLES.get(m.type, "user"), "content": str(m.text)} for m in messages],
            temperature=self.temperature,
            max_tokens=self.max_tokens,
            stop=stop,
            stream=stream,
        )

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        reply = self._request(messages, stop, stream=False)
        text = reply["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        for part in self._request(messages, stop, stream=True):
            delta = part["choices"][0].get("delta", {}).get("content")
            if not delta:
                continue
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
            if run_manager:
                run_manager.on_llm_new_token(delta, chunk=chunk)
            yield chunk


# --------------------------------------------------------------------------- answerer


class LLMAnswerer:
    """Answers from passages through an LLM; every returned sentence is verified.

    ``history`` is a list of (user question, assistant answer) pairs, oldest first.
    """

    def __init__(self, spec: str | LLMSpec):
        parsed = parse_llm_spec(spec) if isinstance(spec, str) or spec is None else spec
        if parsed is None:
            raise BackendError("LLMAnswerer needs an LLM spec; 'none' means the extractive answerer")
        self.spec = parsed
        model = build_chat_model(parsed)
        answer_prompt = ChatPromptTemplate.from_messages(
            [
                # A message object, not a template: the system text is taken literally.
                SystemMessage(content=prompts.load("answer_system")),
                MessagesPlaceholder("history", optional=True),
                ("human", prompts.load("answer_user")),
            ]
        )
        rewrite_prompt = ChatPromptTemplate.from_messages([("human", prompts.load("rewrite_question"))])
        self._answer_chain = answer_prompt | model | StrOutputParser()
        self._rewrite_chain = rewrite_prompt | model | StrOutputParser()

    @property
    def name(self) -> str:
        return self.spec.spec

    def stream(self, query: Query, evidence: Evidence) -> Iterator[StreamEvent]:
        """Yield the model's text deltas as they arrive, then one verified answer.

        The deltas are the unverified draft (for a live display); the ``AnswerReady`` is what counts.
        A follow-up is asked in its standalone form; the answer records the question as asked."""
        passages = evidence.passages
        asked = query.text if query.is_followup else query.question
        if not passages:  # nothing to cite: no need to ask the model
            yield AnswerReady(self._finish(query.question, ABSTAIN_TEXT, passages, evidence.copies))
            return
        parts: list[str] = []
        with self._backend_errors():
            for delta in self._answer_chain.stream(self._inputs(asked, passages, list(query.history))):
                if delta:
                    parts.append(delta)
                    yield TextDelta(delta)
        yield AnswerReady(self._finish(query.question, "".join(parts), passages, evidence.copies))

    def rewrite_question(self, question: str, history: Sequence[tuple[str, str]] | None) -> str:
        """A standalone version of a follow-up question (for retrieval); unchanged without history."""
        turns = list(history or [])[-MAX_HISTORY_TURNS:]
        if not turns:
            return question
        convo = "\n".join(f"User: {q}\nAssistant: {strip_markers(a)}" for q, a in turns)
        with self._backend_errors():
            raw = self._rewrite_chain.invoke({"history": convo, "question": question})
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        text = re.sub(r"^(?:standalone\s+|rewritten\s+)?question\s*:\s*", "", lines[0], flags=re.I) if lines else ""
        text = text.strip().strip("\"'“”").strip()
        if not text:
            raise BackendError(f"LLM backend {self.spec.label} returned an empty rewritten question")
        return text

    def _inputs(self, question: str, passages: list[Passage], history: list[tuple[str, str]] | None) -> dict:
        messages: list[BaseMessage] = []
        for q, a in (history or [])[-MAX_HISTORY_TURNS:]:
            # Old markers point at old passages; left in, they would confuse the numbering.
            messages += [HumanMessage(content=q), AIMessage(content=strip_markers(a))]
        return {"passages": format_passages(passages), "question": _neutralize(question), "history": messages}

    def _finish(self, question: str, raw: str, passages: list[Passage],
                copies: dict[str, list[Document]] | None = None) -> Answer:
        if not raw.strip():
            raise BackendError(f"LLM backend {self.spec.label} returned an empty reply")
        text, citations, abstained = verify_answer(raw, passages, question, copies)
        return Answer(
            question=question,
            answer=text,
            abstained=abstained,
            citations=citations,
            passages=list(passages),
            backend=self.spec.spec,
        )

    @contextmanager
    def _backend_errors(self) -> Iterator[None]:
        """Turn whatever the client libraries raise into one-line BackendErrors."""
        try:
            yield
        except BackendError:
            raise
        # Broad on purpose: clients raise many types (httpx, openai, ollama, json, KeyError
        # on malformed bodies); all of them mean "this backend did not give a usable reply".
        except Exception as e:
            raise BackendError(f"LLM backend {self.spec.label} {_describe_failure(e, self.spec.timeout)}") from e


def _describe_failure(e: BaseException, timeout: float) -> str:
    import httpx

    names = {cls.__name__ for cls in type(e).__mro__}
    if isinstance(e, (httpx.TimeoutException, TimeoutError)) or "APITimeoutError" in names:
        return f"timed out after {timeout:g} s"
    status = getattr(e, "status_code", None)
    if isinstance(status, int):
        return f"returned HTTP {status}: {_one_line(e)}"
    if isinstance(e, (httpx.TransportError, ConnectionError)) or "APIConnectionError" in names:
        return f"is unreachable: {_one_line(_root_cause(e))}"
    return f"returned an unusable reply ({type(e).__name__}: {_one_line(e)})"


def _root_cause(e: BaseException) -> BaseException:
    # "Connection error." from openai hides the useful "[Errno 111] Connection refused".
    while True:
        nxt = e.__cause__ or e.__context__
        if nxt is None:
            return e
        e = nxt


def _one_line(e: BaseException | str, limit: int = 200) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- prompt formatting

# Anything in passage or question text that looks like our delimiters is defused, so injected
# text cannot "close" its passage and pose as instructions.
_DELIMITER = re.compile(r"<(?=\s*/?\s*(?:passage|question)\b)", re.I)


def _neutralize(text: str) -> str:
    return _DELIMITER.sub("‹", text)


def format_passages(passages: list[Passage]) -> str:
    """Passages as the prompt shows them: ``[n] outlet, date, "title"`` then the text, each
    wrapped in ``<passage id="n">`` ... ``</passage>``."""
    blocks = []
    for n, p in enumerate(passages, 1):
        header = source_line(n, p, full_date=True, quote_title=True)
        blocks.append(f'<passage id="{n}">\n{_neutralize(header)}\n{_neutralize(p.text)}\n</passage>')
    return "\n\n".join(blocks)
