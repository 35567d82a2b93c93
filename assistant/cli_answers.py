"""CLI commands that answer (ask) — registered into the main parser."""
from __future__ import annotations


def register(sub, common, add_filters) -> None:
    return None
