"""Chat histories as the assistant reads them: (question, answer) pairs, oldest first.

One parser for the Gradio Chatbot's messages and for OpenAI chat-completion messages: both are
``role``/``content`` items (dicts or objects) whose content is a string or a list of parts.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from index.errors import QuestionError

from .render import strip_sources


def _get(m: Any, key: str) -> Any:
    return m.get(key) if isinstance(m, dict) else getattr(m, key, None)


def message_text(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of a list of parts."""
    if isinstance(content, list):
        texts = []
        for p in content:
            if isinstance(p, str):
                texts.append(p)
            elif isinstance(p, dict):
                if p.get("type", "text") == "text":
                    texts.append(str(p.get("text") or ""))
            else:
                texts.append(str(getattr(p, "text", "") or ""))
        return " ".join(texts)
    return str(content or "")


def history_pairs(messages: Sequence[Any], unescape: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(question, answer) pairs of user/assistant turns, oldest first. Other roles (system,
    tool) and a user message without an answer are skipped; ``unescape`` undoes any markup
    the texts were shown with, and an answer's source list is dropped."""
    out: list[tuple[str, str]] = []
    pending: str | None = None
    for m in messages:
        role, text = _get(m, "role"), unescape(message_text(_get(m, "content")))
        if role == "user":
            pending = text
        elif role == "assistant" and pending is not None:
            out.append((pending, strip_sources(text)))
            pending = None
    return out


def question_and_history(messages: Sequence[Any]) -> tuple[str, list[tuple[str, str]]]:
    """The last user message is the question; the turns before it are the history."""
    users = [i for i, m in enumerate(messages) if _get(m, "role") == "user"]
    if not users:
        raise QuestionError("messages need at least one user message")
    last = users[-1]
    return message_text(_get(messages[last], "content")), history_pairs(messages[:last])
