"""Remove page furniture from article text, report what was removed, and read the metadata the
text carries.

Furniture is recognised by its shape, the same way for text copied from a page and for the text
extracted from HTML: link and headline lists after a list heading ("More on this story",
"Related topics", "Most read", ...), one-word button lines and
share bars ("Share", "Save", "Facebook Twitter Email"), image credits and captions, "Listen to
this article", bylines and timestamp lines, newsletter, cookie and app boxes, "Read more" stubs,
advertisement markers, "To contact ..." blocks, copyright and staff e-mail lines.

``clean_text`` returns the cleaned text and a metadata dict; ``meta["removed"]`` lists what was
cut, each ``{"what", "text", "start", "end"}`` with character offsets into the string given to
``clean_text`` (plus ``base``). Metadata read from removed lines is kept: ``copyright_year``,
``copyright_owner``, ``outlet`` (dateline or copyright), ``headline``, ``byline`` (the text after
"By"), ``date_lines`` (the raw timestamp lines, oldest first as they appear).

With ``markup=True`` (a UN General Debate speech record: ``loaders._from_record``), Markdown markup is
removed from the kept lines too (``strip_markup``: emphasis ``**``/``*``/``__``, heading and quotation
marks, rule lines), each removed run reported as ``"what": "markup"``. It is done here, before any
offset into the cleaned text exists, so citations index the text without it. News text keeps its
asterisks ("f***ing", "a**hole").

``headline_spans`` finds headline-like lines (short, no sentence-final punctuation) in cleaned
text, so statements are never extracted from them. ``strip_hidden_html`` removes what a browser
does not show from an HTML page before extraction.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date

import yaml

from .dates import copyright_line, text_dates
from .text import split_sentences, wraps

# ------------------------------------------------------------------------------ line shapes
FURNITURE_LINE: list[tuple[str, re.Pattern]] = [
    ("advertisement", re.compile(
        r"^\s*(advertisement|advertising|sponsored( content)?|skip advertisement|ad feedback|"
        r"story continues below( advertisement)?|continue reading( the main story)?|"
        r"advertisement\s+article continues below this ad|article continues below( this ad)?)\s*$", re.I)),
    ("contact line", re.compile(
        r"^\s*to contact (the )?(reporter|reporters|editor|editors|author|bloomberg news staff)\b.*$", re.I)),
    ("copyright", re.compile(r"^\s*(©|\(c\)|copyright\b).*$", re.I)),
    ("image credit", re.compile(
        r"^\s*\(?\s*(photo|photograph|image|picture|credit|illustration|video)s?\s*(:|by\b|source\b|credit\b).*$",
        re.I)),
    ("image caption", re.compile(r"^\s*(image|photo|picture|media|video) caption\s*[,:].*$", re.I)),
    ("image credit", re.compile(r"^\s*\(?(getty images|afp via getty images|reuters|ap photo|epa|pa media|"
                                r"shutterstock|alamy)\)?\s*$", re.I)),
    ("image caption", re.compile(r"^\s*file photo\s*:.*$", re.I)),
    ("share bar", re.compile(r"^\s*(share (this|on|via)|follow us|follow (him|her|them) on)\b.*$", re.I)),
    ("newsletter box", re.compile(
        r"^\s*(sign up (for|to)|subscribe( now| to| today)?\b|get (our|the) .{0,40}newsletter|"
        r"click here to (sign up|subscribe|get)|enter your e-?mail|newsletter sign-?up|"
        r"already a subscriber|become a (member|subscriber)|download (our|the) .{0,30}app)\b.*$", re.I)),
    ("cookie box", re.compile(
        r"^\s*(we use cookies|this (site|website) uses cookies|accept (all )?cookies|cookie (settings|policy|"
        r"preferences)|manage (cookie )?preferences|by (clicking|continuing|using) .{0,60}(agree|accept|consent))"
        r"\b.*$", re.I)),
    ("read-more stub", re.compile(
        r"^\s*(read more|read next|read the full (story|article)|also read|see also|more:|related:|"
        r"read also|recommended( reading)?:|watch now|click here)\b.*$", re.I)),
    ("listen/read time", re.compile(
        r"^\s*(listen to (this|the) (article|story)|listen\s*[·(|-]|\d+\s*min(ute)?s? (read|listen)|"
        r"reading time\b|audio\s*$|play (audio|video)\b).*$", re.I)),
    ("attribution line", re.compile(r"^\s*(--\s*)?with assistance (from|by)\b.*$", re.I)),
    ("button", re.compile(r"^\s*click here to get the .{0,40}app\s*$", re.I)),
    ("navigation", re.compile(
        r"^\s*(skip (to|navigation)\b.{0,30}|jump to (the )?(main )?(content|navigation|article|story|menu|search)|"
        r"go to (the )?(main )?content|(main |site |open |close |toggle )?(menu|navigation)( menu)?|"
        r"home ?page|home|log ?in|log ?out|sign ?in|sign ?out|sign up|register|my account|account|"
        r"search( for)?( \.\.\.|…)?|newsletters?|accessibility( help| links)?)\s*$", re.I)),
]
#: Furniture that carries no metadata: blanked before the dates, dateline and byline are read, so
#: that a byline under a block of page links ("Skip to content", "Menu", ...) counts as near the top.
CHROME = {"advertisement", "share bar", "newsletter box", "cookie box", "read-more stub", "listen/read time",
          "button", "navigation", "link list", "section line"}

#: Words of share bars and buttons; a short line made only of these is furniture.
BUTTON_WORDS = {
    "share", "save", "saved", "print", "email", "e-mail", "mail", "copy", "link", "copied", "tweet", "comment",
    "comments", "follow", "bookmark", "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "pinterest",
    "telegram", "flipboard", "messenger", "threads", "bluesky", "mastodon", "gift", "article", "this", "on",
    "via", "close", "menu", "search", "sign", "in", "up", "log", "subscribe", "listen", "watch", "expand",
    "collapse", "more", "options", "sms", "rss", "feed", "back", "to", "top", "next", "previous",
    "show", "hide", "caption", "toggle", "like", "the", "story", "full", "screen", "fullscreen", "play", "pause",
}
_BUTTON_SPLIT = re.compile(r"[\s|·•/,]+")

#: Headings that introduce a list of links or headlines (the list that follows is furniture).
LIST_HEADING = re.compile(
    r"^\s*(more on this (story|topic)|more (stories|news|from|in|about|like this|to read|top stories)\b.*|"
    r"related( topics| stories| articles| coverage| content| links| reading| news| internet links)?|"
    r"most (read|popular|viewed|shared|watched|commented)|top stories|latest( news| stories)?|trending( now)?|"
    r"popular( now| stories)?|recommended( for you| stories| articles)?|you (may|might) also like|"
    r"editor'?s'? picks|also in (the )?news|in other news|around the (web|bbc|site)|from around the web|"
    r"further reading|what to read next|read (more|next)|don'?t miss|elsewhere on .{1,40}|topics|tags|"
    r"explore more|more from .{1,40}|must reads?|top headlines|sponsored (stories|links))\s*:?\s*$",
    re.I)

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–·▪►])\s+")
_TERMINAL = re.compile(r"[.!?\"”’'…:;)\]]\s*$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?)"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DATE = (rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
         rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
TIMESTAMP_LINE = re.compile(
    rf"^\s*(?:(?:published|updated|last updated|posted|first published|modified|date)\s*(?:on|at|:)?\s*)?"
    rf"(?:{_DATE}|{_TIME}|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)"
    rf"(?:\s*(?:,|at|·|\||-|–)?\s*(?:{_TIME}|{_DATE}|(?:updated|published)\s*(?:on|at)?\s*(?:{_DATE}|{_TIME})))*"
    rf"\s*\.?\s*$", re.I)
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+(?P<who>[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,7}"
                     r"(?:\s*[,|]\s*[^\n]{0,60})?)\s*$")
#: Between an outlet's name and the tagline or section a site puts after it: a bar or a dash with spaces on
#: both sides ("Cnbc | World Business News Leader", "FOX News - Health", "Globes English — Israel Business Arena").
#: A hyphen inside a name has none ("Post-Gazette", "Al-Monitor"): never a cut.
TAGLINE_SEP = r"\s+(?:\||｜|-{1,2}|–|—)\s+"
_TAGLINE = re.compile(TAGLINE_SEP)
#: An outlet's name on a line of its own: a few capitalised words, no sentence ("TechCrunch", "The Verge",
#: "Globes English | Israel Business Arena"), with a tagline after a bar or dash ("Business Today | Latest Stock
#: Market And Economy News India", "Cnbc — World Business News Leader").
_OUTLET_LINE = re.compile(r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|&|on)){0,6}"
                          rf"(?:{TAGLINE_SEP}[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|&|on|in|for)){{0,9}})?")
#: A byline naming an outlet: "By Hanne Petrov, Northgate Times", "Hanne Petrov | Northgate Times".
_BYLINE_OUTLET = re.compile(r"^\s*(?:[Bb][Yy]\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*"
                            r"(?:,|\||—|–|-)\s*(?P<outlet>[A-Z][\w&.'’ -]{1,48}?)\s*$")
_NOT_OUTLET = re.compile(r"\b(correspondent|reporter|writer|editor|staff|contributor|columnist|analyst|bureau|"
                         r"chief|special|senior|freelance|in|and)\b", re.I)
_ROLE = re.compile(r"\b(correspondent|reporter|editor|writer|columnist|journalist|contributor|"
                   r"producer|bureau chief)s?\b(?![’']s)", re.I)
_NAME_LINE = re.compile(r"^\s*[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|da)){1,3}\s*$")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHOTO_PAREN = re.compile(r"\s*\((photo|photograph|image|picture)s?\s*(:|by)[^)]*\)", re.I)
_CREDIT_TAIL = re.compile(r"\b(REUTERS|Reuters|AP Photo|AFP|EPA|Getty Images|Bloomberg)/[A-Z][\w.' -]*\s*$")


#: Markdown a speech record carries (63 of the 1,938 UN General Debate records of 2015-2024 hold "**", 62 of 2024):
#: a rule line ("---", "* * *", "****", "________"); a heading's or quotation's mark at a line's start
#: ("### 2. Gratitude", "> “None of us ...”"); emphasis around words ("**Mr President,**", "*Pact for the
#: Future*", "***x***", "__x__"), never asterisks in or after a word ("f***ing", "S***"); a run of two or more
#: asterisks after no word ("vulnerabilities. ***", "**Mr President," a bold that closes on a later line).
_MD_RULE = re.compile(r"\s*([-*_])(?:\s*\1){2,}\s*")
_MD_LINE_MARK = re.compile(r"\s{0,3}(?P<mark>#{1,6}\s+|(?:>\s?)+)")
_MD_EMPHASIS = re.compile(r"(?<![*\w])(\*{1,3}|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")
_MD_STARS = re.compile(r"(?<![*\w])\*{2,}")


def _drop(line: str, keep: list[int], cut: set[int]) -> tuple[str, list[int]]:
    """``keep`` (offsets into ``line`` of the characters kept so far) without its positions ``cut``,
    and the text those offsets spell."""
    keep = [k for i, k in enumerate(keep) if i not in cut]
    return "".join(line[k] for k in keep), keep


def strip_markup(line: str) -> tuple[str, list[int]]:
    """``line`` (one line, no line break) without its Markdown markup (see ``_MD_RULE`` and below), and
    for each character of the result its offset in ``line`` (so that a removed run, or anything found in
    the result, is located in ``line``). A rule line gives ``("", [])``; a line without markup itself."""
    if _MD_RULE.fullmatch(line):
        return "", []
    text, keep = line, list(range(len(line)))
    m = _MD_LINE_MARK.match(text)
    if m:
        text, keep = _drop(line, keep, set(range(m.start("mark"), m.end("mark"))))
    while True:  # (emphasis inside emphasis: "**bold with *italic* in it**" takes two rounds)
        cut = {i for m in _MD_EMPHASIS.finditer(text)
               for i in (*range(m.start(1), m.end(1)), *range(m.end(2), m.end()))}
        if not cut:
            break
        text, keep = _drop(line, keep, cut)
    cut = {i for m in _MD_STARS.finditer(text) for i in range(m.start(), m.end())}
    return _drop(line, keep, cut) if cut else (text, keep)


_SIGNED_QUOTE = re.compile(r"[“\"][^“”\"]{12,}[”\"]\s*[—–]\s*\S"
                           r"|.{12,}[—–]\s*[^\n(]{0,60}\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$")


def is_headline_like(line: str) -> bool:
    """True for a line shaped like a headline or a list item: 1-25 words, at most 160
    characters, no sentence-final punctuation (a closing quote or bracket counts as final)."""
    s = _NUMBERED.sub("", line.strip())
    if not s or len(s) > 160 or len(s.split()) > 25:
        return False
    if _SIGNED_QUOTE.match(s):
        return False  # “We are all equal before God.” — Pastor Bradley: a quotation signed by its speaker
    return not _TERMINAL.search(s)


def _is_button_line(s: str) -> bool:
    words = [w for w in _BUTTON_SPLIT.split(s.lower()) if w]
    if words == ["x"]:
        return False
    return 0 < len(words) <= 8 and all(w in BUTTON_WORDS for w in words) and any(
        w not in {"this", "on", "via", "in", "up", "to", "the", "article", "story", "more", "back", "top", "full"}
        for w in words)


def _lines(raw: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of every line of ``raw``; end excludes the line break (\\n, \\r\\n, \\r)."""
    pos = 0
    for m in re.finditer(r"\r\n|\r|\n", raw):
        yield pos, m.start(), raw[pos:m.start()]
        pos = m.end()
    yield pos, len(raw), raw[pos:]


def _classify(s: str) -> str | None:
    """Why a single line (stripped, no-break spaces as spaces) is furniture, or None."""
    if not s:
        return None
    for what, p in FURNITURE_LINE:
        if p.match(s):
            # A long line that only starts like furniture carries article text (joined lines).
            if len(s) > 200 and what not in ("cookie box", "copyright", "contact line"):
                return None
            return what
    if _is_button_line(s):
        return "button"
    if TIMESTAMP_LINE.match(s):
        return "timestamp"
    if _BYLINE.match(s) and len(s) < 100:
        return "byline"
    contact = " at " in s or s.lower().startswith(("email", "e-mail", "contact"))
    if EMAIL.search(s) and len(EMAIL.sub("", s).strip()) < 120 and contact:
        return "contact line"
    if len(s) < 160 and _CREDIT_TAIL.search(s) and not s.endswith("."):
        return "image caption"
    return None


def _runs(offsets: list[int]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive numbers in the sorted ``offsets``."""
    i = 0
    while i < len(offsets):
        j = i
        while j + 1 < len(offsets) and offsets[j + 1] == offsets[j] + 1:
            j += 1
        yield offsets[i], offsets[j] + 1
        i = j + 1


def clean_text(raw: str, base: int = 0, markup: bool = False) -> tuple[str, dict]:
    """Return (cleaned text, metadata read from the text); see the module docstring.

    ``base`` is added to every offset in ``meta["removed"]`` (the position of ``raw`` in the
    input file, e.g. after front matter). ``markup``: also remove Markdown markup from the kept
    lines (``strip_markup``; each run removed is a ``"markup"`` entry of ``meta["removed"]``).
    Never raises.
    """
    meta: dict = {}
    removed: list[dict] = []
    lines = list(_lines(raw))
    norm = [ln.replace("\u00a0", " ") for _, _, ln in lines]
    why: list[str | None] = [None] * len(lines)
    for i, line in enumerate(norm):
        s = line.strip()
        why[i] = _classify(s)
        if why[i] == "copyright":
            year, owner = copyright_line(s) or ("", "")  # index.dates: the one reader
            if year:
                meta.setdefault("copyright_year", year)
            if owner:
                meta.setdefault("copyright_owner", owner)
        elif why[i] == "timestamp":
            meta.setdefault("date_lines", []).append(s)
        elif why[i] == "byline":
            m = _BYLINE.match(s)
            meta.setdefault("byline", m.group("who").strip() if m else s)
    # "Hanne Petrov | Northgate Times" (no "By") next to a timestamp line: a byline.
    for i, line in enumerate(norm):
        s = line.strip()
        if why[i] is None and "|" in s and len(s) < 100 and _BYLINE_OUTLET.match(s):
            near = [j for j in (_neighbour(norm, i, -1), _neighbour(norm, i, 1)) if j is not None]
            if any(why[j] == "timestamp" for j in near):
                why[i] = "byline"
                meta.setdefault("byline", s)
    # A byline block: a name line next to a role line ("Mira Stoll" / "Diplomatic correspondent, Ostra").
    for i, line in enumerate(norm):
        s = line.strip()
        if why[i] is None and s and _ROLE.search(s) and is_headline_like(s) and len(s.split()) <= 8:
            why[i] = "byline"
            if i > 0 and why[i - 1] is None and _NAME_LINE.match(norm[i - 1]):
                why[i - 1] = "byline"
                meta.setdefault("byline", norm[i - 1].strip())
    # "Title" / "TechCrunch" / "2023-09-28": a plain-text header naming the outlet on a line of its own
    # beside the date line, under the title (as users paste an article with its masthead). A page copied
    # whole has its links above the title ("Skip to content" / "Menu" / "Sign in" / title / "Business Today |
    # Latest Stock Market And Economy News India" / "Published 07 Oct 2023 15:37"): the header starts after
    # them. A person's byline is no outlet: "Hanne Petrov | Northgate Times" (``_person_and_outlet``), or a
    # name over a role line (the byline block above).
    lead = next((i for i, ln in enumerate(norm) if ln.strip() and why[i] not in CHROME), len(norm))
    header = [i for i, ln in enumerate(norm) if i >= lead and ln.strip()][:4]
    for k in range(1, len(header)):
        i, s = header[k], norm[header[k]].strip()
        near = header[k - 1:k + 2:2]  # the header lines before and after it
        # An agency's bare name ("Reuters", "AFP") reads as a photo credit on its own, but in the header beside
        # the date line it is the outlet's line.
        credit_outlet = why[i] == "image credit" and bool(_OUTLET_NAMES.fullmatch(s.strip("()")))
        if (why[i] is None or (why[i] == "byline" and "|" in s) or credit_outlet) and _OUTLET_LINE.fullmatch(s) \
                and not _BYLINE.match(s) and not _person_and_outlet(s) and any(why[j] == "timestamp" for j in near) \
                and not meta.get("header_outlet"):
            if meta.get("byline") == s:  # (taken for "<person> | <outlet>" above)
                del meta["byline"]
            why[i] = "outlet line"
            meta["header_outlet"] = outlet_name(s)
    _masthead_above_headline(norm, why, lead, meta)
    # Link and headline lists after a list heading: the heading and the headline-like lines after it.
    first_text = next((i for i, ln in enumerate(norm) if ln.strip()), -1)
    i = 0
    while i < len(norm):
        s = norm[i].strip()
        if i != first_text and s and LIST_HEADING.match(s) and why[i] in (None, "read-more stub"):
            why[i] = "link list"
            if len(s) > 40:  # "More in this category: A, B, C" holds its own list
                i += 1
                continue
            j = i + 1
            while j < len(norm):
                t = norm[j].strip()
                if not t:
                    if j > i + 1 and norm[j - 1].strip():
                        break  # a blank line after the items ends the list
                elif why[j] is None or why[j] == "button":
                    if not is_headline_like(t):
                        break
                    why[j] = "link list"
                j += 1
            i = j
        else:
            i += 1
    lines_out: list[str] = []
    for (start, end, _), line, w in zip(lines, norm, why):
        if w:
            removed.append({"what": w, "text": raw[start:end], "start": base + start, "end": base + end})
            continue
        at = None  # the offset in the line of each character left in it (None: all left)
        if markup:
            text_, at = strip_markup(line)
            gone = sorted(set(range(len(line))) - set(at))
            for a, b in _runs(gone):
                removed.append({"what": "markup", "text": raw[start + a:start + b],
                                "start": base + start + a, "end": base + start + b})
            line = text_
        m = _PHOTO_PAREN.search(line)
        if m:
            a, b = (m.start(), m.end()) if at is None else (at[m.start()], at[m.end() - 1] + 1)
            removed.append({"what": "image credit", "text": raw[start + a:start + b],
                            "start": base + start + a, "end": base + start + b})
            line = _PHOTO_PAREN.sub("", line)
        lines_out.append(line.rstrip())
    text = "\n".join(lines_out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    # Headline: first non-empty line (dropping an immediate repeat of it later on).
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    if first and len(first) < 200 and not first.endswith("."):
        # A Markdown heading ("# Title", "## Title") is a title without its markup.
        meta["headline"] = re.sub(r"^#{1,6}\s+", "", first).strip() or first
        kept = []
        seen = 0
        for ln in text.split("\n"):
            if ln.strip() == first:
                seen += 1
                if seen > 1:
                    continue
            kept.append(ln)
        if seen > 1:
            starts = [s for s, _, ln in lines if ln.strip() == first][1:]
            removed += [{"what": "repeated headline", "text": first, "start": base + s, "end": base + s + len(first)}
                        for s in starts]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    # Dates and outlet the text gives (Published/Updated lines, dateline + copyright year,
    # byline outlet): read by index.dates, the one date reader.
    chrome = list(raw)  # page chrome blanked (same length): it does not push the byline down
    for (start, end, _), w in zip(lines, why):
        if w in CHROME:
            chrome[start:end] = " " * (end - start)
    read = text_dates("".join(chrome))
    outlet = (meta.pop("header_outlet", "") or read.outlet
              or byline_outlet([norm[i].strip() for i, w in enumerate(why) if w == "byline"]))
    if outlet:
        meta["outlet"] = outlet
    if read.best() is not None:
        meta["text_date"] = read.best()
    meta["removed"] = sorted(removed, key=lambda r: r["start"])
    return text, meta


#: Words that name a newspaper, agency or broadcaster ("Northgate Times", "Reuters", "Middle East Eye").
_PRESS_WORD = re.compile(r"\b(?:Times|Post|News|Herald|Journal|Daily|Tribune|Gazette|Telegraph|Guardian|Observer|"
                         r"Express|Chronicle|Mail|Press|Review|Standard|Star|Sun|Monitor|Reuters|Bloomberg|AFP|AP|"
                         r"Agency|Wire|Magazine|Weekly|Insider|Eye|Radio|TV|Television|Network|Today)\b")


#: A site's section links on a line of their own: three or more short capitalised items between bars or dots
#: ("World | Politics | Business", "News · World · Middle East").
_SECTION_ITEM = r"[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,2}"
_SECTION_LINE = re.compile(rf"{_SECTION_ITEM}(?:\s*[|·•»›]\s*{_SECTION_ITEM}){{2,}}")
#: Names of outlets that carry no word of a newspaper's (``_PRESS_WORD``): a masthead line reading only one of these
#: is the outlet.
_OUTLET_NAMES = re.compile(
    r"(?i:fortune|forbes|(?:the\s+)?economist|politico|axios|semafor|wired|cnn|bbc|npr|cnbc|msnbc|abc|cbs|nbc|fox|vox|"
    r"slate|quartz|techcrunch|(?:the\s+)?verge|(?:the\s+)?atlantic|(?:the\s+)?hill|(?:the\s+)?conversation|"
    r"(?:the\s+)?intercept|(?:the\s+)?diplomat|foreign\s+(?:policy|affairs)|business\s+insider|propublica|vice|"
    r"xinhua|tass|interfax|kyodo|yonhap|al\s+jazeera|al-monitor|haaretz|globes|nikkei|euronews|france\s+24|dw|"
    r"deutsche\s+welle|le\s+monde|(?:der\s+)?spiegel|engadget|gizmodo|mashable|ars\s+technica|zdnet|cnet|"
    r"bloomberg|reuters|associated\s+press|afp|ap)")


def _masthead_above_headline(norm: list[str], why: list[str | None], lead: int, meta: dict) -> None:
    """A page copied whole with its site's name above the headline ("Skip to content" / "Menu" / "Financial
    Times" / "World | Politics | Business" / headline / "By Staff" / "2023-10-01"): the name line is the outlet
    (a known outlet's name, one with a newspaper's word, or "X | tagline": "Cnbc | World Business News Leader"),
    the section links under it page furniture, and the headline the title. Only when a headline of three words
    or more follows, with a byline or a date line right under it (a title with the outlet's line under it,
    "Title" / "TechCrunch" / "2023-09-28", is read by the outlet-line rule)."""
    rows = [i for i in range(lead, len(norm)) if norm[i].strip() and why[i] not in CHROME]
    if len(rows) < 3:
        return
    top, s = rows[0], norm[rows[0]].strip()
    k = 1
    sections = []
    while k < len(rows) - 1 and why[rows[k]] is None and _SECTION_LINE.fullmatch(norm[rows[k]].strip()):
        sections.append(rows[k])
        k += 1
    head = rows[k]
    h = norm[head].strip()
    after = rows[k + 1:k + 3]
    if not (why[head] is None and len(h) < 200 and len(h.split()) >= 3 and not h.endswith(".")
            and any(why[j] in ("byline", "timestamp") for j in after)):
        return
    for j in sections:  # ("World | Politics | Business": the site's section links)
        why[j] = "section line"
    if why[top] not in (None, "byline") or len(s) > 100 or not _OUTLET_LINE.fullmatch(s) or _BYLINE.match(s) \
            or _person_and_outlet(s):
        return
    name = outlet_name(s)
    if not (name != s or _PRESS_WORD.search(name) or _OUTLET_NAMES.fullmatch(name)):
        return
    if meta.get("byline") == s:
        del meta["byline"]
    why[top] = "outlet line"
    meta.setdefault("header_outlet", name)


def _person_and_outlet(line: str) -> bool:
    """True for a byline "<person> | <outlet>" ("Hanne Petrov | Northgate Times", "Jane Doe | Reuters"),
    False for a masthead "<outlet> | <tagline>" ("Globes English | Israel Business Arena", "Business Today |
    Latest Stock Market And Economy News India") and lines without a bar. Both start with a few capitalised
    words; a tagline is a phrase of three words or more that names no newspaper, an outlet's name is short."""
    parts = _TAGLINE.split(line.strip(), maxsplit=1)
    if len(parts) < 2 or not _BYLINE_OUTLET.match(line):
        return False
    after = parts[1].split()
    return len(after) <= 2 or (len(after) <= 4 and bool(_PRESS_WORD.search(parts[1])))


def outlet_name(name: str) -> str:
    """The outlet ``name`` names, as stored whichever way it arrived (a header's ``Source:``, a JSON ``source``,
    a page's site name, an outlet line under the title, a feed's title, ``ingest --source``): whitespace
    collapsed, a site's tagline or section after a spaced bar or dash cut ("Cnbc | World Business News
    Leader" -> "Cnbc", "Globes English — Israel Business Arena" -> "Globes English", "The Independent -
    Sports" -> "The Independent"). A name with no such separator is kept as it is ("Al-Monitor",
    "Pittsburgh Post-Gazette", "Eos: Earth And Space Science News", "CBSSports.com"), and so is one whose part
    before the separator names nothing (two letters at least): "" stays ""."""
    s = " ".join((name or "").split())
    m = _TAGLINE.search(s)
    if not m:
        return s
    head = s[:m.start()].strip()
    return head if len(re.findall(r"[^\W\d_]", head)) >= 2 else s


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    """Index of the nearest non-empty line before (``step`` -1) or after (1) line ``i``."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


def byline_outlet(bylines: list[str]) -> str:
    """The outlet the first byline naming one gives ("By Hanne Petrov, Northgate Times" ->
    "Northgate Times"; "Hanne Petrov | Northgate Times" too), "" when none does (a role:
    "By Mira Stoll, diplomatic correspondent"; several names: "By A, B and C")."""
    for line in bylines:
        m = _BYLINE_OUTLET.match(line) or _BYLINE_VIA.match(line)
        if m and not _NOT_OUTLET.search(m.group("outlet")):
            return m.group("outlet").strip()
    return ""


#: A byline naming the outlet it first ran in, then the one republishing it: "By Topher L. McDougal, The
#: Conversation, Fortune" (the outlet is the last).
_BYLINE_VIA = re.compile(r"^\s*[Bb][Yy]\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*,\s*"
                         r"(?:[A-Z][\w&.'’ -]{1,48}?\s*,\s*)(?P<outlet>[A-Z][\w&.'’ -]{1,48}?)\s*$")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of headline-like lines in ``text`` (see ``is_headline_like``):
    no statement is to be extracted from them."""
    lines = list(_lines(text))
    out = []
    for i, (s, e, line) in enumerate(lines):
        if not line.strip() or not is_headline_like(line):
            continue
        if wraps(text, s, e) or (i and wraps(text, lines[i - 1][0], lines[i - 1][1])):
            continue  # a line of a hard-wrapped paragraph ("... from the Kesh border within")
        out.append((s, e))
    return out


def mask_headlines(text: str) -> str:
    """``text`` with headline-like lines replaced by spaces (same length, so offsets hold)."""
    out = list(text)
    for s, e in headline_spans(text):
        out[s:e] = " " * (e - s)
    return "".join(out)


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _unquoted(value: str) -> str:
    """``value`` stripped, without the quotation marks around all of it ("'Too big to fail' Egypt ..."
    keeps its first mark: they do not enclose the whole value)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def split_front_matter(raw: str) -> tuple[dict, str]:
    """YAML front matter between ``---`` lines (Markdown convention) as ``({key: str value}, rest)``:
    read as YAML (a double-quoted ``"Musk\u2019s"`` is "Musk’s"), else, when it is not valid YAML
    ("title: Talks: day two"), line by line as ``key: value``. HTML entities in values are decoded
    ("&#039;" is "'")."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    meta = {}
    for line in m.group(1).split("\n"):
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = _unquoted(v)
    try:
        parsed = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        parsed = None
    if isinstance(parsed, dict):
        for k, v in parsed.items():
            if isinstance(k, str) and isinstance(v, (str, int, float, date)) and not isinstance(v, bool):
                meta[k.strip().lower()] = v.isoformat() if isinstance(v, date) else str(v).strip()
    return {k: html.unescape(v) if "&" in v else v for k, v in meta.items()}, raw[m.end():]


#: A header line at the top of a plain-text article, as people paste it from a news site or keep
#: it in notes ("Title: ...", "Source: ...", "Date:"/"Published:", "URL:"/"Link:", "Author:"), any
#: case, a Markdown heading mark allowed. Values are bounded so that a first sentence that merely
#: starts with one of these words ("Source: a senior official said that ...") is not taken.
_HEADER_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?"
                          r"(?P<key>title|source|outlet|publisher|date|published|url|link|author)[ \t]*:"
                          r"[ \t]*(?P<value>\S[^\n]*?)[ \t]*\r?(?:\n|\Z)", re.I)
_HEADER_KEYS = {"title": "title", "source": "source", "outlet": "source", "publisher": "source", "date": "date",
                "published": "published", "url": "url", "link": "url", "author": "author"}
_HEADER_MAX = {"title": 300, "source": 100, "date": 60, "published": 60, "url": 2000, "author": 150}


def _header_value(key: str, value: str) -> str | None:
    value = _unquoted(html.unescape(value))  # ("&#039;Massive intel failure&#039;": the quote marks)
    if not value or len(value) > _HEADER_MAX[key]:
        return None
    if key == "url" and (" " in value or not re.match(r"(?:https?://|www\.)\S+$", value, re.I)):
        return None
    if key in ("source", "author") and len(split_sentences(value)) > 1:  # a sentence, not a name; initials and
        return None  # titles are no sentence end ("Michael R. Sisak, The Associated Press", "Dr. Jane Roe")
    return value


def split_header_lines(raw: str) -> tuple[dict, str]:
    """``Title:``/``Source:`` (or ``Outlet:``, ``Publisher:``)/``Date:``/``Published:``/``URL:``/``Link:``/
    ``Author:`` lines at the very top of a plain-text article (blank lines before them allowed), read as metadata like
    front matter: ``({"title": ..., "source": ..., "date"/"published": ..., "url": ...}, rest)``
    where ``rest`` is ``raw`` after the last header line (so offsets into ``rest`` plus
    ``len(raw) - len(rest)`` are offsets into ``raw``, as after ``split_front_matter``). The
    block ends at the first line that is not such a header (a blank line, the body); a key given
    twice ends it too. ``({}, raw)`` when the text does not start with one."""
    meta: dict[str, str] = {}
    pos = len(raw) - len(raw.lstrip(" \t\r\n"))
    end = 0
    while pos < len(raw):
        m = _HEADER_LINE.match(raw, pos)
        if not m:
            break
        key = _HEADER_KEYS[m.group("key").lower()]
        value = _header_value(key, m.group("value"))
        if value is None or key in meta:
            break
        meta[key] = value
        pos = end = m.end()
    return (meta, raw[end:]) if meta else ({}, raw)


# ------------------------------------------------------------------------------ hidden HTML
_HIDDEN_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|"
    r"font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|"
    r"opacity\s*:\s*0(?:\.0+)?\s*(?:!important)?\s*(?:;|$)|"
    r"(?:max-)?(?:width|height)\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|"
    r"clip\s*:\s*rect\(\s*0[^)]*\)|text-indent\s*:\s*-\d{3,}|"
    r"(?:left|top)\s*:\s*-\d{4,}px)", re.I)
_DROP_TAGS = {"noscript", "template"}


def _hidden_reason(el) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _DROP_TAGS:
        return f"<{tag.lower()}>"
    if el.get("hidden") is not None:
        return "hidden attribute"
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return 'aria-hidden="true"'
    style = el.get("style") or ""
    m = _HIDDEN_STYLE.search(style)
    if m:
        return f"hidden by style ({m.group(0).strip(' ;')})"
    if tag.lower() == "input" and (el.get("type") or "").lower() == "hidden":
        return "hidden input"
    return None


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_AT_BLOCK = re.compile(r"@[\w-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")  # @media print {...} etc.
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_COMPOUND = re.compile(r"([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)")
StyleRule = tuple[str | None, frozenset[str], str | None, str]


def _stylesheet_rules(doc) -> list[StyleRule]:
    """Rules of the page's ``<style>`` blocks that hide what they select, as ``(tag, classes, id,
    reason)`` for simple selectors (``.cls``, ``#id``, ``tag.cls``, ``p``); rules inside ``@media``
    and other at-blocks are left alone (they may not apply), as are selectors with combinators."""
    rules: list[StyleRule] = []
    for style in doc.iter("style"):
        css = _CSS_AT_BLOCK.sub("", _CSS_COMMENT.sub("", style.text or ""))
        for selectors, declarations in _CSS_RULE.findall(css):
            m = _HIDDEN_STYLE.search(declarations.strip())
            if not m:
                continue
            for sel in selectors.split(","):
                sel = sel.strip()
                cm = _CSS_COMPOUND.fullmatch(sel)
                if not sel or not cm:
                    continue
                tag = (cm.group(1) or "").lower() or None
                classes = frozenset(re.findall(r"\.([\w-]+)", cm.group(2)))
                ids = re.findall(r"#([\w-]+)", cm.group(2))
                if tag in ("html", "body", "head", "style", "script") or (not tag and not classes and not ids):
                    continue
                rules.append((tag, classes, ids[0] if ids else None,
                              f"hidden by stylesheet ({sel} {{{m.group(0).strip(' ;')}}})"))
    return rules


def _stylesheet_reason(el, rules: list[StyleRule]) -> str | None:
    if not rules:
        return None
    tag = el.tag.lower()
    classes = set((el.get("class") or "").split())
    el_id = el.get("id")
    for r_tag, r_classes, r_id, reason in rules:
        if (r_tag is None or r_tag == tag) and r_classes <= classes and (r_id is None or r_id == el_id):
            return reason
    return None


def _element_span(raw: str, line_starts: list[int], el, after: int) -> tuple[int, int]:
    """Approximate (start, end) of an element's markup in ``raw``: its opening tag on its source
    line, to the matching closing tag (nesting counted), or the opening tag alone."""
    tag = el.tag.lower()
    line = (el.sourceline or 1) - 1
    from_pos = max(line_starts[min(line, len(line_starts) - 1)], after)
    open_re = re.compile(rf"<{re.escape(tag)}\b", re.I)
    m = open_re.search(raw, from_pos) or open_re.search(raw, line_starts[min(line, len(line_starts) - 1)])
    if not m:
        return -1, -1
    start = m.start()
    gt = raw.find(">", m.end())
    pos = gt + 1 if gt >= 0 else m.end()
    depth = 1
    tok = re.compile(rf"<(/?){re.escape(tag)}\b[^>]*?(/?)>", re.I)
    for t in tok.finditer(raw, pos):
        if t.group(1):
            depth -= 1
        elif not t.group(2):
            depth += 1
        if depth == 0:
            return start, t.end()
    return start, pos


def strip_hidden_html(raw: str) -> tuple[str, list[dict]]:
    """Remove elements a browser does not show (``hidden``, ``aria-hidden="true"``, inline
    ``display:none``/``visibility:hidden``/zero font size/zero opacity/zero width or height,
    ``<noscript>``, ``<template>``, and elements a ``<style>`` rule with a simple selector hides,
    such as ``.x{display:none}``) from an HTML page.

    Returns (HTML to extract from, removed) where each removed item is ``{"what", "text",
    "start", "end"}``: the element's visible text and the offsets of its markup in ``raw``
    (-1 when it cannot be located). Returns ``(raw, [])`` when the page cannot be parsed.
    """
    import lxml.html
    from lxml import etree

    try:
        doc = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        try:
            doc = lxml.html.document_fromstring(raw.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return raw, []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", raw)]
    rules = _stylesheet_rules(doc)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        reason = _hidden_reason(el) or _stylesheet_reason(el, rules)
        if reason:
            found.append((el, reason))
    removed: list[dict] = []
    gone: set = set()
    after = 0
    for el, reason in found:
        if any(a in gone for a in el.iterancestors()):
            continue
        gone.add(el)
        start, end = _element_span(raw, line_starts, el, after)
        if start >= 0:
            after = start + 1
        text = " ".join(el.text_content().split())
        removed.append({"what": reason, "text": text, "start": start, "end": end})
        el.drop_tree()
    if not removed:
        return raw, []
    return lxml.html.tostring(doc, encoding="unicode"), removed
