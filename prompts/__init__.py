"""Prompt texts shipped with the package: ``load("answer_system")`` reads ``answer_system.txt``.

Prompts live in files (not string constants) so they can be reviewed and tuned without
touching code; importlib.resources finds them in a source tree, a wheel or a zip alike.
"""
from __future__ import annotations

import re
from importlib import resources


def load(name: str) -> str:
    """Text of ``prompts/<name>.txt``; ``name`` is a bare identifier such as ``answer_user``."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"invalid prompt name {name!r}")
    return resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
