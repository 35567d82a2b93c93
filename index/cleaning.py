"""Remove page furniture from article text and read the metadata the text carries.

What is removed never becomes citable text: advertisement markers, "To contact ..." blocks,
copyright lines, staff e-mail addresses, photo credits and captions' credit lines, share
buttons. Metadata read from the text (headline, outlet from a dateline or the copyright line,
year from the copyright line) is returned alongside.
"""
from __future__ import annotations

import re

from .text import DATELINE

FURNITURE_LINE = [
    re.compile(r"^\s*(advertisement|advertising|sponsored( content)?|skip advertisement|"
               r"story continues below( advertisement)?|continue reading( the main story)?)\s*$", re.I),
    re.compile(r"^\s*to contact (the )?(reporter|reporters|editor|editors|author|bloomberg news staff)\b.*$", re.I),
    re.compile(r"^\s*(©|\(c\)|copyright\b).*$", re.I),
    re.compile(r"^\s*\(?\s*(photo|photograph|image|picture|credit)s?\s*(:|by\b).*$", re.I),
    re.compile(r"^\s*(share (this|on)|follow us|sign up for|subscribe( now)?|read more:|related:)\b.*$", re.I),
    re.compile(r"^\s*(--\s*)?with assistance (from|by)\b.*$", re.I),
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHOTO_PAREN = re.compile(r"\s*\((photo|photograph|image|picture)s?\s*(:|by)[^)]*\)", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(\d{4})?\s*([^\n]*)", re.I)


def clean_text(raw: str) -> tuple[str, dict]:
    """Return (cleaned text, metadata read from the text)."""
    meta: dict = {}
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines_out: list[str] = []
    for line in text.split("\n"):
        m = _COPYRIGHT.match(line.strip())
        if m and (line.strip().startswith(("©", "(c)", "(C)")) or line.strip().lower().startswith("copyright")):
            if m.group(1):
                meta.setdefault("copyright_year", m.group(1))
            owner = (m.group(2) or "").strip(" .")
            owner = re.sub(r"\b(L\.P\.?|LLC|Inc|Ltd|Limited|plc|all rights reserved)\b\.?", "", owner, flags=re.I).strip(" .,")
            if owner:
                meta.setdefault("copyright_owner", owner)
        if any(p.match(line) for p in FURNITURE_LINE):
            continue
        if EMAIL.search(line) and len(EMAIL.sub("", line).strip()) < 120 and " at " in line:
            continue  # staff contact line
        line = _PHOTO_PAREN.sub("", line)
        lines_out.append(line.rstrip())
    text = "\n".join(lines_out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    # Headline: first non-empty line (dropping an immediate repeat of it later on).
    first = next((l.strip() for l in text.split("\n") if l.strip()), "")
    if first and len(first) < 200 and not first.endswith("."):
        meta["headline"] = first
        rest = text.split("\n")
        seen = 0
        kept = []
        for l in rest:
            if l.strip() == first:
                seen += 1
                if seen > 1:
                    continue
            kept.append(l)
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    for l in text.split("\n"):
        m = DATELINE.match(l.strip())
        if m:
            meta["outlet"] = m.group("outlet").strip()
            break
    if "outlet" not in meta and meta.get("copyright_owner"):
        meta["outlet"] = meta["copyright_owner"]
    return text, meta


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def split_front_matter(raw: str) -> tuple[dict, str]:
    """YAML-like ``key: value`` front matter between ``---`` lines (Markdown convention)."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    meta = {}
    for line in m.group(1).split("\n"):
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = v.strip().strip('"').strip("'")
    return meta, raw[m.end():]
