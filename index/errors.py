"""One exception hierarchy; the CLI and servers map these to messages and exit codes."""
from __future__ import annotations


class AttacheError(Exception):
    """Base class: the message is meant for the user, one line."""

    exit_code = 1


class InputError(AttacheError):
    """A file or record that cannot be loaded. Names the file (and record/line) and the cause."""

    def __init__(self, path: str, cause: str):
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


class StoreError(AttacheError):
    """The index cannot be opened or written (missing path, server down, ...)."""

    exit_code = 2


class NotFound(AttacheError):
    """No document (or other object) with the id asked for."""
    exit_code = 3


class QuestionError(AttacheError):
    """The question itself is unusable (empty, too long)."""

    exit_code = 2


class BackendError(AttacheError):
    """An LLM backend is misconfigured, down, slow or returned garbage."""

    exit_code = 4
