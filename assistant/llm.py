"""Generative answers through an LLM, with every sentence checked against the passages.

The LLM is optional: ``parse_llm_spec`` maps a spec string ("openai:MODEL", "ollama:MODEL",
"gguf:/path/model.gguf", or none) to an ``LLMSpec``; ``LLMAnswerer`` runs an LCEL chain
(prompt | model | parser) and then ``verify_answer`` keeps only sentences whose cited passages
support them, each citation resolved to a verbatim quote with article offsets.

Backend failures (down, slow, HTTP errors, garbage) surface as one-line ``BackendError``s so
the caller can fall back to the offline extractive answerer.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder

import prompts
from index.chunking import Span, split_sentences
from index.errors import BackendError

from .models import Answer, Citation, Passage

ABSTENTION = "The articles do not say."
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


def parse_llm_spec(spec: str | None) -> LLMSpec | None:
    """Parse an LLM spec; ``None`` means the offline extractive answerer."""
    text = (spec or "").strip()
    if text.lower() in ("", "none", "extractive"):
        return None
    timeout = _timeout_from_env()
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
        base = url or _env("ATTACHE_OPENAI_BASE_URL", "OPENAI_BASE_URL") or DEFAULT_OPENAI_URL
        # Local OpenAI-compatible servers (llama.cpp, vLLM, LM Studio) ignore the key but the
        # client refuses to start without one.
        key = _env("ATTACHE_OPENAI_API_KEY", "OPENAI_API_KEY") or "not-needed"
        return LLMSpec("openai", model, text, base.rstrip("/"), key, timeout)
    base = url or _env("OLLAMA_HOST") or DEFAULT_OLLAMA_URL
    if "://" not in base:  # OLLAMA_HOST is often just host:port
        base = f"http://{base}"
    return LLMSpec("ollama", model, text, base.rstrip("/"), timeout=timeout)


def _env(*names: str) -> str:
    for name in names:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return ""


def _timeout_from_env() -> float:
    raw = _env("ATTACHE_LLM_TIMEOUT")
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
            api_key=spec.api_key,
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

    def answer(self, question: str, passages: list[Passage], history: list[tuple[str, str]] | None = None) -> Answer:
        if not passages:  # nothing to cite: no need to ask the model
            return self._finish(question, ABSTENTION, passages)
        with self._backend_errors():
            raw = self._answer_chain.invoke(self._inputs(question, passages, history))
        return self._finish(question, raw, passages)

    def stream(
        self, question: str, passages: list[Passage], history: list[tuple[str, str]] | None = None
    ) -> Iterator[str | Answer]:
        """Yield the model's text deltas as they arrive, then one verified ``Answer``.

        The deltas are the unverified draft (for a live display); the ``Answer`` is what counts.
        """
        if not passages:
            yield self._finish(question, ABSTENTION, passages)
            return
        parts: list[str] = []
        with self._backend_errors():
            for delta in self._answer_chain.stream(self._inputs(question, passages, history)):
                if delta:
                    parts.append(delta)
                    yield delta
        yield self._finish(question, "".join(parts), passages)

    def rewrite_question(self, question: str, history: list[tuple[str, str]] | None) -> str:
        """A standalone version of a follow-up question (for retrieval); unchanged without history."""
        turns = (history or [])[-MAX_HISTORY_TURNS:]
        if not turns:
            return question
        convo = "\n".join(f"User: {q}\nAssistant: {_strip_markers(a)}" for q, a in turns)
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
            messages += [HumanMessage(content=q), AIMessage(content=_strip_markers(a))]
        return {"passages": format_passages(passages), "question": _neutralize(question), "history": messages}

    def _finish(self, question: str, raw: str, passages: list[Passage]) -> Answer:
        if not raw.strip():
            raise BackendError(f"LLM backend {self.spec.label} returned an empty reply")
        text, citations, abstained = verify_answer(raw, passages, question)
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
    while e.__cause__ is not None or e.__context__ is not None:
        e = e.__cause__ or e.__context__
    return e


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
        header = f'[{n}] {p.source or "unknown outlet"}, {p.published or "undated"}, "{p.title or "untitled"}"'
        blocks.append(f'<passage id="{n}">\n{_neutralize(header)}\n{_neutralize(p.text)}\n</passage>')
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- verification

# Share of an answer sentence's content words that the cited passage sentence(s) must contain.
# Calibrated on paraphrases and fabrications of real articles (see tests/test_llm.py):
# faithful paraphrases score 0.7-1.0; sentences that graft invented facts onto real names
# ("Putin pledged to send troops to Iran") score 0.4-0.6.
SUPPORT_THRESHOLD = 0.65
# With several markers, a cited passage counts only if it carries this share on its own.
PART_THRESHOLD = 0.3
WINDOW_PENALTY = 0.05  # per extra sentence in a quote: prefer the shortest quote that supports
MAX_WINDOW = 3

_STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because
    been before being below between both but by can could did do does doing don down during each
    either even ever every few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less let like many may me
    might more most much must my myself neither no nor not now of off on once one only or other
    our ours ourselves out over own per same shall she should since so some such than that the
    their theirs them themselves then there these they this those though through thus to too
    under until up upon us very via was we were what when where whether which while who whom whose
    why will with within without would yet you your yours
    according add added adds report reported reports say said saying says state stated states tell
    telling tells told""".split()
)
# Attribution verbs ("said", "told", "states") above are neutral: the model may rephrase them.
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}
_WORD = re.compile(r"[^\W_]+")
_MARKER_GROUP = re.compile(r"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")
# Markers placed after the full stop ("... stable. [1]") belong to the sentence before them.
_MARKERS_AFTER_STOP = re.compile(r"([.!?]+[\"'”’)]*)((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")
_MONTHS = "january february march april may june july august september october november december".split()


def _normal_token(word: str) -> str:
    w = word.lower()
    w = _NUMBER_WORDS.get(w, w)
    if w[0].isdigit():
        return re.sub(r"(?<=\d)(st|nd|rd|th)$", "", w)  # 38th -> 38
    return w


def _stem(w: str) -> str:
    # Truncation stemming: crude but language-light, and it matches pledged/pledge,
    # Korea/Korean, talks/talk, which is what overlap scoring needs.
    if w[0].isdigit():
        return w
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:5]


def _tokens(text: str) -> list[str]:
    return [_normal_token(w) for w in _WORD.findall(text.replace("’", "'"))]


def _content_stems(text: str) -> set[str]:
    return {_stem(t) for t in _tokens(text) if (len(t) > 1 or t.isdigit()) and t not in _STOPWORDS}


def _names_and_numbers(text: str) -> tuple[set[str], set[str]]:
    """Capitalised words (except the sentence's first word) and numbers of an answer sentence."""
    names, numbers = set(), set()
    for i, m in enumerate(_WORD.finditer(text.replace("’", "'"))):
        word = m.group()
        token = _normal_token(word)
        if token[0].isdigit():
            numbers.add(token)
        elif i > 0 and word[0].isupper() and len(word) > 1 and token not in _STOPWORDS:
            names.add(token)
    return names, numbers


def _meta_tokens(p: Passage) -> set[str]:
    """Words a sentence may take from the passage header: outlet and publication date."""
    tokens = set(_tokens(p.source))
    try:
        day = _dt.date.fromisoformat(p.published[:10])
    except ValueError:
        return tokens
    return tokens | {
        str(day.year), str(day.month), f"{day.month:02d}", str(day.day), f"{day.day:02d}",
        _MONTHS[day.month - 1], day.strftime("%A").lower(),
    }


def _names_supported(names: set[str], numbers: set[str], allowed: set[str]) -> bool:
    if not numbers <= allowed:
        return False
    # A name may be a prefix of a passage word (Iran/Iranian, Korea/Korean) but short names
    # (UN, Xi) must match exactly.
    return all(n in allowed or (len(n) >= 4 and any(t.startswith(n) for t in allowed)) for n in names)


@dataclass
class _Support:
    passage: int  # index into passages
    coverage: float  # share of the answer sentence's content stems found in the window
    stems: set[str]  # content stems of the window (plus header words)
    span: Span  # window, local to passage.text


def _best_window(sentence_stems: set[str], p_index: int, p: Passage, meta: set[str]) -> _Support | None:
    sents = split_sentences(p.text)
    meta_stems = {_stem(t) for t in meta}
    best: tuple[float, _Support] | None = None
    for i in range(len(sents)):
        for size in range(1, MAX_WINDOW + 1):
            if i + size > len(sents):
                break
            span = Span(sents[i].start, sents[i + size - 1].end)
            stems = _content_stems(p.text[span.start : span.end]) | meta_stems
            coverage = len(sentence_stems & stems) / len(sentence_stems)
            score = coverage - WINDOW_PENALTY * (size - 1)
            if best is None or score > best[0]:  # strict: ties keep the earlier, shorter window
                best = (score, _Support(p_index, coverage, stems, span))
    return best[1] if best else None


def _supports(text: str, cited: list[int], passages: list[Passage]) -> list[_Support] | None:
    """The windows of ``cited`` passages that jointly support ``text``, or None.

    Passages are taken best first, each only if it covers enough of the sentence on its own
    and adds words the ones before did not: a superfluous or wrong extra marker is dropped
    while the sentence stays.
    """
    stems = _content_stems(text)
    if not stems:
        return None
    names, numbers = _names_and_numbers(text)
    windows = [_best_window(stems, i, passages[i], _meta_tokens(passages[i])) for i in cited]
    found, allowed, covered = [], set(), set()
    for support in sorted((w for w in windows if w), key=lambda w: -w.coverage):
        new = (stems & support.stems) - covered
        if support.coverage < PART_THRESHOLD or not new:
            continue
        found.append(support)
        covered |= new
        allowed |= set(_tokens(passages[support.passage].text)) | _meta_tokens(passages[support.passage])
    if len(covered) / len(stems) < SUPPORT_THRESHOLD or not _names_supported(names, numbers, allowed):
        return None
    return sorted(found, key=lambda w: cited.index(w.passage))  # the reply's marker order


def _split_reply(raw: str, n_passages: int) -> list[tuple[str, list[int]]]:
    """Sentences of the reply as (text without markers, cited passage indexes)."""
    text = _MARKERS_AFTER_STOP.sub(r"\2\1", raw)
    out = []
    for span in split_sentences(text):
        sentence = text[span.start : span.end]
        cited: list[int] = []
        for group in _MARKER_GROUP.findall(sentence):
            for n in map(int, re.findall(r"\d+", group)):
                if 1 <= n <= n_passages and n - 1 not in cited:  # markers to no passage are dropped
                    cited.append(n - 1)
        clean = _strip_markers(sentence)
        clean = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", clean)  # list bullets the model added anyway
        if clean:
            out.append((clean, cited))
    return out


def _strip_markers(text: str) -> str:
    text = _MARKER_GROUP.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return " ".join(text.split())


def _is_abstention(text: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.sub(r"[^a-z ]", " ", _strip_markers(s).lower()).split())

    return norm(text) == norm(ABSTENTION)


def _with_markers(sentence: str, numbers: list[int]) -> str:
    marks = "".join(f"[{n}]" for n in numbers)
    m = re.search(r"[.!?]+$", sentence)
    if m:  # "... stable [1]." keeps the full stop last
        return f"{sentence[: m.start()]} {marks}{m.group()}"
    return f"{sentence} {marks}"


def verify_answer(raw: str, passages: list[Passage], question: str) -> tuple[str, list[Citation], bool]:
    """Check an LLM reply against the passages it was given.

    Returns (answer text, citations, abstained). Markers to missing passages are removed;
    sentences the cited passages do not support are dropped; unmarked sentences are
    attributed to a passage that supports them or dropped; each citation is the exact
    passage sentence(s) that best support its sentence, with article offsets; citations are
    renumbered 1..k in order of first appearance. Nothing left, or an abstention reply,
    gives (ABSTENTION, [], True). ``question`` is accepted for future checks of relevance.
    """
    if _is_abstention(raw):
        return ABSTENTION, [], True
    citations: list[Citation] = []
    number_of: dict[tuple[str, int, int], int] = {}
    kept: list[str] = []
    for text, cited in _split_reply(raw, len(passages)):
        if _is_abstention(text):
            continue
        if cited:
            supports = _supports(text, cited, passages)
        else:
            # No marker (or only invalid ones): attribute it to the best passage that supports it.
            candidates = [s for i in range(len(passages)) if (s := _supports(text, [i], passages))]
            supports = max(candidates, key=lambda s: s[0].coverage, default=None)
        if not supports:
            continue
        numbers = []
        for s in supports:
            p = passages[s.passage]
            key = (p.doc_id, p.start + s.span.start, p.start + s.span.end)
            if key not in number_of:
                number_of[key] = len(citations) + 1
                citations.append(
                    Citation(
                        n=number_of[key],
                        doc_id=p.doc_id,
                        chunk_id=p.chunk_id,
                        title=p.title,
                        source=p.source,
                        published=p.published,
                        url=p.url,
                        quote=p.text[s.span.start : s.span.end],
                        start=key[1],
                        end=key[2],
                    )
                )
            if number_of[key] not in numbers:
                numbers.append(number_of[key])
        kept.append(_with_markers(text, numbers))
    if not kept:
        return ABSTENTION, [], True
    return " ".join(kept), citations, False
