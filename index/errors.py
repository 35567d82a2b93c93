"""One exception hierarchy; the CLI and servers map these to messages and exit codes."""
from __future__ import annotations

import errno
import shutil
from pathlib import Path


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
    """The question, or another argument, is unusable (empty, too long, a malformed date).
    ``field``: the argument at fault ("question", "since", ...) when one is, so the HTTP API can
    name it; None otherwise."""

    exit_code = 2

    def __init__(self, message: str = "", field: str | None = None):
        super().__init__(message)
        self.field = field


class BackendError(AttacheError):
    """An LLM backend is misconfigured, down, slow or returned garbage."""

    exit_code = 4


_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_FULL_WORDS = ("disk is full", "no space left", "os error 28", "quota exceeded", "file too large")


#: Free bytes under which a failed write is put down to a full disk whatever its message (Chroma's
#: compaction, for one, reports a full disk as "Failed to apply logs to the metadata segment").
LOW_SPACE_BYTES = 8 << 20


def is_disk_full(error: BaseException, path: Path | None = None) -> bool:
    """True when ``error`` (an ``OSError``, SQLite's or Chroma's own) says the disk or quota is full,
    or when the file system holding ``path`` has under ``LOW_SPACE_BYTES`` free."""
    if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
        return True
    if any(w in str(error).lower() for w in _FULL_WORDS):
        return True
    try:
        return path is not None and shutil.disk_usage(path).free < LOW_SPACE_BYTES
    except OSError:
        return False
