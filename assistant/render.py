"""Rendering shared by the CLI, the UI, the HTTP API and the LLM prompt.

- ``source_line``: the one way a numbered source is named, ``[n] outlet, date, title``.
- Plain text: ``answer_with_sources`` (an answer followed by its sources) and ``strip_sources``.
- Markdown for the chat: ``chat_markdown``, ``md_escape``/``md_unescape``.
- HTML: ``e`` (the escape helper), ``sources_html``, ``article_html``, ``timeline_html``,
  ``compare_html``, ``meta_line``, ``paragraph_bounds``, ``safe_url``.

All article-derived text (titles, outlets, quotes, bodies, speakers) goes through ``e`` before it
becomes HTML, so an article carrying markup shows it as text; only http(s) links are rendered.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from index.errors import AttacheError

from .models import Answer, Citation, Claim, Document, Passage

SOURCES_HEADING = "\n\nSources:\n"
CONTEXT_CHARS = 320  # of a very long paragraph, this much is shown each side of a quote


# ---------------------------------------------------------------------------- plain text


def source_line(n: int, ref: Citation | Passage, full_date: bool = False, quote_title: bool = False) -> str:
    """``[n] outlet, date, title`` for a citation or passage: the answer's source list, the
    CLI's "Sources:" lines, the UI's source picker and the LLM prompt's passage headers.

    The date is cut to ``YYYY-MM-DD`` unless ``full_date``; ``quote_title`` puts the title in
    double quotes. Missing values read "unknown outlet", "undated", "untitled"."""
    date = ref.published or "undated"
    title = ref.title or "untitled"
    return (f"[{n}] {ref.source or 'unknown outlet'}, {date if full_date else date[:10]}, "
            + (f'"{title}"' if quote_title else title))


def also_in_line(c: Citation) -> str:
    """``also in: Outlet B, 2024-05-02; Outlet C, undated``: the near-duplicate copies that carry
    the cited sentence ("" when none)."""
    if not c.also_in:
        return ""
    return "also in: " + "; ".join(f"{a.get('source') or 'unknown outlet'}, {(a.get('published') or 'undated')[:10]}"
                                   for a in c.also_in)


def answer_with_sources(answer: Answer) -> str:
    """Plain-text reply: the answer, then ``[n] outlet, date, title — “quote”`` lines (with the
    copies that carry the same sentence, ``also in: ...``)."""
    if not answer.citations:
        return answer.answer
    lines = [f"{source_line(c.n, c)} — “{c.shown}”" + (f" ({also_in_line(c)})" if c.also_in else "")
             for c in answer.citations]
    return answer.answer + SOURCES_HEADING + "\n".join(lines)


def strip_sources(reply: str) -> str:
    """The answer part of an earlier reply (the history needs no source list)."""
    return reply.split(SOURCES_HEADING, 1)[0].strip()


# ---------------------------------------------------------------------------- Markdown (reports)

def _md_text(s: str) -> str:
    """Article text as literal Markdown: markup characters backslashed, no HTML escaping (the
    report is pasted as Markdown, where ``&amp;`` would show as such)."""
    return re.sub(r"([*_`~#|\\<>\[\]])", r"\\\1", s or "")


def _quoted(s: str) -> str:
    """``s`` in curly quotes, unless it is a quotation already."""
    return s if s[:1] in "“\"‘'" else f"“{s}”"


def footnote(c: Citation | Claim, n: int | str) -> str:
    """``[^n]: Outlet, date, "Title", <url>: “quote” (doc_id start:end)`` for a report."""
    quote = c.quote if isinstance(c, Citation) else c.text
    url = f", <{c.url}>" if safe_url(c.url) else ""
    return (f"[^{n}]: {_md_text(c.source) or 'unknown outlet'}, {(c.published or 'undated')[:10]}, "
            f"\"{_md_text(c.title) or 'untitled'}\"{url}: {_quoted(_md_text(quote))} ({c.doc_id} {c.start}:{c.end})")


def answer_markdown(answer: Answer) -> str:
    """The answer ready to paste into a report: ``[n]`` markers become Markdown footnotes
    (``[^n]``) and each footnote gives outlet, date, title, URL and the verbatim quote."""
    body = _md_text(answer.answer)
    body = re.sub(r"\\\[(\d+)\\\]", r"[^\1]", body)  # the markers, escaped above, become footnotes
    lines = [f"**Q:** {_md_text(answer.question)}", "", body]
    if answer.citations:
        lines += [""] + [footnote(c, c.n) + (f"; {_md_text(also_in_line(c))}" if c.also_in else "")
                         for c in answer.citations]
    return "\n".join(lines) + "\n"


CLAIM_COLUMNS = ("date", "actor", "speaker", "cue", "kind", "text", "source", "published", "title", "url",
                 "doc_id", "start", "end")


def said_by(c: Claim) -> str:
    """Who said it and how, as written: "Kishida said", "Japan will"; a speaker that is only its
    cue is shown once ("must", not "must must"; "Let us", not "us Let us")."""
    speaker, cue = c.speaker.strip(), c.cue.strip()
    if not speaker or cue.lower().startswith(speaker.lower()) or cue.lower().endswith(speaker.lower()):
        return cue
    if speaker.lower().endswith(cue.lower()):
        return speaker
    return f"{speaker} {cue}"


def statement_text(c: Claim, escape=lambda t: t) -> str:
    """A statement as a reader should take it: a direct quotation in quotation marks, reported
    speech marked as reported and never dressed as the speaker's own words ("(reported) he
    welcomed her death ..." for "He said in one interview that he welcomed her death ...")."""
    return f"“{escape(c.text)}”" if c.direct else f"(reported) {escape(c.text)}"


def claims_markdown(actor: str, claims: Sequence[Claim]) -> str:
    """An actor's statements as a Markdown table (date, kind, speaker, statement with a footnote)
    followed by the footnotes."""
    rows = ["| date | kind | speaker | statement |", "|---|---|---|---|"]
    rows += [f"| {c.date[:10] or 'undated'} | {c.kind} | {_md_text(c.speaker)} | {statement_text(c, _md_text)} [^{i}] |"
             for i, c in enumerate(claims, 1)]
    notes = [footnote(c, i) for i, c in enumerate(claims, 1)]
    return "\n".join([f"## Statements of {_md_text(actor)}", "", *rows, "", *notes]) + "\n"


def claims_csv(claims: Sequence[Claim]) -> str:
    """The statements as CSV with a header row (``CLAIM_COLUMNS``), RFC 4180 quoting."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CLAIM_COLUMNS)
    for c in claims:
        d = c.to_dict()
        w.writerow([d.get(k, "") for k in CLAIM_COLUMNS])
    return buf.getvalue()


# ---------------------------------------------------------------------------- Markdown (chat)

_MD_SPECIAL = r"([*_`~#|\\\[\]])"  # (brackets too: "[click](javascript:...)" in an article is no link)


def md_escape(s: str) -> str:
    """Text shown literally in Chatbot markdown (HTML escaped, markdown characters backslashed)."""
    return re.sub(_MD_SPECIAL, r"\\\1", html.escape(s or "", quote=False))


def md_unescape(s: str) -> str:
    """The text ``md_escape`` was given."""
    return html.unescape(re.sub(r"\\" + _MD_SPECIAL, r"\1", s))


# a dated statement of a timeline or comparison answer: ``2026-01-22 (Ostmark, pledge): ...`` (a
# statement dated to its month or year: ``2025-04 (...)``, ``2025 (...)``)
_STATEMENT = re.compile(r"(?:^|(?<=\] )|(?<=: ))(?=(?:\d{4}(?:-\d{2}){0,2}|[Uu]ndated) \([^()\n]*\): )")


def _statement_list(block: str) -> str:
    """A block of two or more dated statements as a Markdown list, one statement an item (the
    text before the first, such as ``Ostmark:`` in a comparison, stays its heading line)."""
    starts = [m.start() for m in _STATEMENT.finditer(block)]
    if len(starts) < 2:
        return block
    head = block[:starts[0]].strip()
    items = [f"- {block[a:b].strip()}" for a, b in zip(starts, [*starts[1:], len(block)], strict=True)]
    return "\n".join(([head, ""] if head else []) + items)


def chat_markdown(answer: Answer, turn: int = 1) -> str:
    """The answer as Chatbot markdown: article text escaped, abstentions flagged, dated
    statements (timeline, comparison) one per list item, and each ``[n]`` marker a link to
    ``#source-TURN-n`` in the sources panel (``turn``: the answer's number in the conversation, so
    an earlier answer's markers keep pointing at its own sources)."""
    text = "\n\n".join(_statement_list(b) for b in md_escape(answer.answer).split("\n\n"))
    numbers = {int(c.n) for c in answer.citations}
    text = re.sub(r"\\\[(\d+)\\\]", lambda m: (f"[[{m[1]}]](#source-{int(turn)}-{m[1]})" if int(m[1]) in numbers
                                               else m[0]), text)
    if answer.abstained:  # the abstention's first sentence in bold ("The articles do not say.")
        first, sep, rest = text.partition(". ")
        text = f"**{first}{'.' if sep else ''}**" + (f" {rest}" if sep else "")
    if answer.notice:
        text += f"\n\n_{md_escape(answer.notice)}_"
    return text


def chat_text(markdown: str) -> str:
    """The plain answer text back from ``chat_markdown`` (links to sources and list marks undone)."""
    s = re.sub(r"\[\[(\d+)\]\]\(#source-[\d-]+\)", r"[\1]", markdown or "")
    s = re.sub(r"(?m)^- (?=(?:\d{4}(?:-\d{2}){0,2}|[Uu]ndated) \()", "", s)
    return md_unescape(s)


# ---------------------------------------------------------------------------- HTML


def e(s: Any) -> str:
    """HTML-escape ``s`` (None and "" give ""), quotes included."""
    return html.escape(str(s or ""), quote=True)


def safe_url(url: str) -> str:
    """Only http(s) links are rendered (no ``javascript:`` and friends)."""
    return url if re.match(r"^https?://", url or "", re.I) else ""


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line block) around text[start:end], trimmed when very long."""
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    pe = len(text) if pe < 0 else pe
    return max(ps, start - CONTEXT_CHARS), min(pe, end + CONTEXT_CHARS)


def meta_line(source: str, published: str, title: str, url: str) -> str:
    """``outlet, date — title`` with the title linked when the URL is http(s)."""
    link = safe_url(url)
    title_html = (f'<a href="{e(link)}" target="_blank" rel="noopener noreferrer">{e(title)}</a>'
                  if link else e(title))
    return (f'<span class="outlet"><b>{e(source or "unknown outlet")}</b></span>, '
            f'<span class="date">{e((published or "undated")[:10])}</span> — '
            f'<span class="title">{title_html}</span>')


def sources_html(citations: Sequence[Citation] | None, document: Callable[[str], Document], turn: int = 1,
                 earlier: Sequence[Sequence[Citation]] = ()) -> str:
    """Numbered sources of answer ``turn``, each quote highlighted inside its paragraph (None:
    before any answer), as ``<li id="source-TURN-n">``; then, folded, the sources of the
    ``earlier`` answers of the conversation (``earlier[i]`` is answer ``i + 1``'s), so every
    answer's ``[n]`` markers find their own sources. ``document`` looks an article up by id."""
    if citations is None:
        return '<div class="attache-sources"><p class="attache-meta">The sources of an answer appear here.</p></div>'
    texts: dict[str, str | None] = {}
    parts = [f"<ol>{_source_items(citations, document, turn, texts)}</ol>" if citations
             else '<p class="attache-meta">No sources for this answer.</p>']
    for i in range(len(earlier), 0, -1):
        if earlier[i - 1]:
            parts.append(f'<details class="attache-earlier"><summary>Sources of answer {i}</summary>'
                         f"<ol>{_source_items(earlier[i - 1], document, i, texts)}</ol></details>")
    return f'<div class="attache-sources">{"".join(parts)}</div>'


def _source_items(citations: Sequence[Citation], document: Callable[[str], Document], turn: int,
                  texts: dict[str, str | None]) -> str:
    items = []
    for c in citations:
        if c.doc_id not in texts:
            try:
                texts[c.doc_id] = document(c.doc_id).text
            except AttacheError:
                texts[c.doc_id] = None  # deleted since the answer was given
        text = texts[c.doc_id]
        if text is not None and text[c.start:c.end] == c.quote:
            ps, pe = paragraph_bounds(text, c.start, c.end)
            context = (("…" if ps > 0 and text[ps - 1] != "\n" else "") + e(text[ps:c.start])
                       + f"<mark>{e(c.quote)}</mark>" + e(text[c.end:pe])
                       + ("…" if pe < len(text) and text[pe] != "\n" else ""))
        else:
            context = f"<mark>{e(c.quote)}</mark>"
        speaker = f' <span class="attache-meta">(speaker: {e(c.speaker)})</span>' if c.speaker else ""
        also = f'<p class="attache-meta attache-also">{e(also_in_line(c))}</p>' if c.also_in else ""
        items.append(f'<li id="source-{int(turn)}-{int(c.n)}" value="{int(c.n)}" class="source">'
                     f'{meta_line(c.source, c.published, c.title, c.url)}{speaker}'
                     f'<blockquote class="context">{context}</blockquote>{also}</li>')
    return "".join(items)


def article_html(doc: Document, start: int | None = None, end: int | None = None) -> str:
    """A whole article; text[start:end] (if given) highlighted as ``<mark id="cited">``."""
    text = doc.text
    skip = 0  # the article text usually opens with the title, already the heading
    first = text.lstrip().split("\n", 1)[0]
    if doc.title and first.strip() == doc.title.strip():
        skip = len(text) - len(text.lstrip()) + len(first)
        skip += len(text[skip:]) - len(text[skip:].lstrip("\n"))
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        skip = min(skip, start)
        body = e(text[skip:start]) + f'<mark id="cited">{e(text[start:end])}</mark>' + e(text[end:])
    else:
        body = e(text[skip:])
    url = safe_url(doc.url)
    link = f' · <a href="{e(url)}" target="_blank" rel="noopener noreferrer">original</a>' if url else ""
    return (f'<article class="attache-article" data-doc-id="{e(doc.doc_id)}">'
            f'<h3>{e(doc.title)}</h3>'
            f'<p class="attache-meta"><b>{e(doc.source or "unknown outlet")}</b>, '
            f'{e((doc.published or "undated")[:10])}{link} · id {e(doc.doc_id)}</p>'
            f'<div class="body">{body}</div></article>')


def timeline_html(claims: Sequence[Claim]) -> str:
    """An actor's statements as a numbered table (in the order given)."""
    if not claims:
        return '<p class="attache-meta">No statements found.</p>'
    rows = []
    for i, c in enumerate(claims, 1):
        rows.append(
            f'<tr><td>{i}</td><td>{e(c.when[:10])}</td><td>{e(c.kind)}</td>'
            f'<td class="who">{who_html(c)}</td><td>{e(c.text)}</td>'
            f'<td>{e(c.source)}</td></tr>')
    return ('<table class="attache-timeline"><thead><tr><th>#</th><th>date</th><th>kind</th><th>who</th>'
            f'<th>statement</th><th>outlet</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


_NOT_NAMES = {"he", "she", "they", "it", "we", "i", "the statement", "a statement", "the minister", "the ministry"}


def who_html(c: Claim) -> str:
    """Who made a statement: the actor, their role, the name as written when it adds something
    (a capital for a government: "Lindgrad"), and how (cue; quoted or reported)."""
    actor = (c.actor or c.speaker or "unknown").strip()
    parts = [f'<b class="actor">{e(actor)}</b>']
    if c.role and c.role.strip().lower() != actor.lower():
        parts.append(f'<span class="role">{e(c.role.strip())}</span>')
    speaker = (c.speaker or "").strip()
    low = speaker.lower()
    if (speaker and low not in _NOT_NAMES and actor.lower() not in low and low not in actor.lower()
            and not (c.role and low.startswith(c.role.strip().lower()))):
        parts.append(f'<span class="as">as “{e(speaker)}”</span>')
    cue = (c.cue or "").strip().strip("()").strip()
    how = ", ".join(x for x in (e(cue), "quoted" if c.direct else "reported") if x)
    return "<br>".join(parts) + f' <span class="attache-meta">({how})</span>'


def actors_html(actors: Sequence[Any], limit: int = 15) -> str:
    """The most quoted actors (``ActorSummary``: actor, statements, documents, first, last) as a
    table, shown in the Positions tab before an actor is chosen."""
    if not actors:
        return '<p class="attache-meta">No attributed statements yet: add articles in the Library tab.</p>'
    rows = "".join(f'<tr><td class="actor">{e(a.actor)}</td><td>{int(a.statements)}</td><td>{int(a.documents)}</td>'
                   f'<td>{e((a.first or "")[:10])}</td><td>{e((a.last or "")[:10])}</td></tr>'
                   for a in list(actors)[:limit])
    return ('<p class="attache-meta">Most quoted actors: choose one above, then <b>Show</b>.</p>'
            '<table class="attache-actors"><thead><tr><th>actor</th><th>statements</th><th>articles</th>'
            f'<th>first</th><th>last</th></tr></thead><tbody>{rows}</tbody></table>')


def compare_html(comparison: Any, answer: Answer) -> str:
    """Two or more actors' statements side by side (``Comparison`` from ``Assistant.compare``):
    one column per actor, each statement in date order with its date, kind, the quoted sentence
    and ``[n] outlet, date — title``; ``n`` is the number of the matching ``answer`` citation
    (a statement the answer does not cite, such as a near-duplicate copy, is left out). An actor
    with nothing on the topic gets "No statements ..." in their column."""
    cited = {(c.doc_id, c.start, c.end): c for c in answer.citations}
    about = f" on {comparison.topic}" if comparison.topic else ""
    columns = []
    for actor, claims in comparison.columns:
        items = []
        for cl in claims:
            c = cited.get((cl.doc_id, cl.sent_start, cl.sent_end))
            if c is None:
                continue
            items.append(f'<li class="statement" data-n="{int(c.n)}">'
                         f'<p class="when"><b>{e(cl.when[:10] or "undated")}</b> · {e(cl.kind)} '
                         + (f'· {e(cl.actor)} ' if cl.actor != actor else "")  # a country's official
                         + f'<span class="n">[{int(c.n)}]</span></p>'
                         f'<blockquote>{e(c.quote)}</blockquote>'
                         f'<p class="attache-meta">{meta_line(c.source, c.published, c.title, c.url)}</p></li>')
        body = (f'<ol>{"".join(items)}</ol>' if items
                else f'<p class="attache-meta none">No statements{e(about)} in the articles.</p>')
        columns.append(f'<section class="attache-column" data-actor="{e(actor)}"><h4>{e(actor)}</h4>{body}</section>')
    head = (f'<p class="attache-meta">Statements{e(about)}, earliest first; open one below to read it in its '
            'article.</p>' if answer.citations
            else f'<p class="attache-meta">The articles report no statements{e(about)} by these actors.</p>')
    return f'<div class="attache-compare">{head}<div class="columns">{"".join(columns)}</div></div>'
