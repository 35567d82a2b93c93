"""Text helpers shared by the index and the assistant: sentences with offsets, words, stopwords,
stemming, search terms, names mentioned, months and datelines.

Defined once here; every other module imports them. Nothing here allocates models or reads
files: these are pure functions of strings.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: A capital letter in a name pattern: A-Z and the capitals of Latin-1, Latin Extended, Greek
#: and Cyrillic ("Åsa", "Ömer", "Łukasz", "Ólafur"); ``re`` has no \p{Lu}.
UPPER = "[A-Z" + "".join(chr(c) for r in ((0xC0, 0x250), (0x370, 0x500)) for c in range(*r)
                         if chr(c).isupper() and chr(c).isalpha()) + "]"

# Words that end with a period without ending a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "v", "etc", "inc", "corp",
    "ltd", "co", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "e.g", "i.e", "approx", "dept", "est", "fig", "op", "rev", "hon", "amb", "cf",
    "adv", "atty", "insp", "supt", "cllr",  # titles before a name ("IMPA director general Adv. Ilit Ostrovitch-Levi")
}
#: A rank's aside between the rank and the name: "General (ret.) Aharon Ze'evi-Farkash", "Major General (Res.) X".
RANK_ASIDE = re.compile(r"\((?:[Rr]et|[Rr]etd|[Rr]es|[Rr]etired|[Rr]eserves?)\.?\)")


def blank_rank_asides(text: str) -> str:
    """``text`` with rank asides ("(ret.)", "(Res.)") replaced by spaces (same length, so offsets hold)."""
    return RANK_ASIDE.sub(lambda m: " " * len(m.group(0)), text) if "(" in text else text
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# The word before a period, whole: the "s" of "1990s." is no initial.
_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Span:
    """A piece of a text with its character offsets ``[start, end)`` in that text."""
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "U.N"
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


# A line that ends on one of these words has not ended its sentence ("... from the Kesh border within").
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|in|on|at|by|for|from|with|within|without|and|or|but|nor|that|which|"
                       r"who|whom|whose|as|into|onto|than|its|their|his|her|our|is|are|was|were|be|has|have|had|"
                       r"will|would|shall|should|can|could|may|might|must|not|said|told|over|under|after|"
                       r"before|between|about|against|during|until|per)$", re.I)
_LINE_END_FINAL = re.compile(r"[.!?:;…][\"'”’)\]]*\s*$")


def wrap_width(text: str, start: int = 0, end: int | None = None) -> int:
    """The width a hard-wrapped text's lines are broken at (a speech record's "... Both the Cairo" /
    "Declaration and ..."), or 0 when ``text[start:end]`` is not hard-wrapped: of at least five
    lines, half or more lie within 12 characters under the longest tenth, which is at most 120."""
    lengths = sorted(len(m.group(0).rstrip()) for m in re.finditer(r"[^\n]*\S[^\n]*", text[start:end]))
    if len(lengths) < 5:
        return 0
    top = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if top - 12 <= n <= top)
    return top if top <= 120 and full * 2 >= len(lengths) else 0


def wraps(text: str, line_start: int, line_end: int, limit: int | None = None, width: int = 0) -> bool:
    """Whether the line ``text[line_start:line_end]`` (``line_end`` at its line break) is
    hard-wrapped, its sentence going on in the next line: it ends without sentence-final
    punctuation, the next line (before ``limit``) is not blank, and either the next line opens
    in lower case (after an opening quotation mark or not), or the line ends on a word no
    sentence ends on ("... border within" / "ninety days."), or a paragraph's long line goes on in
    a short line that ends the sentence ("... Cooperation" / "Organization."). Headlines, captions and datelines
    are followed by a capitalised line or a blank one, so they stay units of their own."""
    limit = len(text) if limit is None else limit
    line = text[line_start:line_end].rstrip()
    if not line.strip() or _LINE_END_FINAL.search(line) or line_end >= limit or text[line_end] not in "\r\n":
        return False
    nxt = line_end + (2 if text.startswith("\r\n", line_end) else 1)
    stop = min(limit, *(i for i in (text.find("\n", nxt), text.find("\r", nxt)) if i >= 0), limit)
    following = text[nxt:stop].strip()
    if not following:
        return False
    opens_lower = following[0].islower() or (following[0] in "\"“‘'" and following[1:2].islower())
    # (a full line of a text hard-wrapped at ``width`` goes on whatever the next line opens with)
    full = width > 0 and len(line) >= width - 12 and not line.endswith(":")
    # (a paragraph's line broken before the last words of its sentence: "... and the Shanghai Cooperation" /
    # "Organization." in a speech record; a headline or a caption is no such long line)
    tail = len(line) >= 150 and len(following) <= 60 and bool(_LINE_END_FINAL.search(following))
    return opens_lower or full or tail or bool(_OPEN_END.search(line))


def broken_at_blank_line(text: str, unit_end: int, next_start: int) -> bool:
    """Whether a sentence goes on past one blank line ("... said the" / "" / "government would ..."),
    as pasted news breaks it around a removed picture or advertisement: the unit ends with no
    sentence-final punctuation, on a word no sentence ends on ("the", "said") or after 60 characters
    or more (a heading is shorter), one blank line follows, and the next line opens with a lower-case word
    (or with any word, after a long line ending on such a word: "guided by our" / "" / "Constitution ...")."""
    gap = text[unit_end:next_start]
    if gap.strip() or not 2 <= gap.count("\n") <= 3:
        return False
    line_start = text.rfind("\n", 0, unit_end) + 1
    last = text[line_start:unit_end].rstrip()
    if not last or _LINE_END_FINAL.search(last) or re.search(r",(?:\s+(?:and|or))?$", last):
        return False  # (a list's items end with commas, each its own line)
    if len(last) < 60 and not _OPEN_END.search(last):
        return False  # (a heading over a paragraph that opens in lower case: "A headline" / "" / "grain ...")
    if len(last) >= 60 and _OPEN_END.search(last):
        return True  # "... which is guided by our" / "" / "Constitution and the rule of law": no heading ends so
    return bool(re.match(r"[a-z]{2,}\b", text[next_start:next_start + 20]))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``, trimmed of whitespace.

    Lines are joined only where a sentence is hard-wrapped (``wraps``, at the text's
    ``wrap_width``) or broken by one blank line before a lower-case word: a headline, a caption
    or a dateline is its own unit. Offsets are never moved (a wrapped sentence's span holds its
    line breaks).
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    units: list[tuple[int, int]] = []
    width = wrap_width(text, start, end)
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        if not line.group(0).strip():
            continue
        if units and (units[-1][1] + 1 == ls and wraps(text, units[-1][0], units[-1][1], end, width)
                      or broken_at_blank_line(text, units[-1][1], ls)):
            units[-1] = (units[-1][0], le)
        else:
            units.append((ls, le))
    for ls, le in units:
        cur = ls
        for m in _BOUNDARY.finditer(text, ls, le):
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
                continue
            if text[dot] == "." and RANK_ASIDE.fullmatch(text, max(ls, text.rfind("(", ls, dot)), m.end()):
                continue  # "General (ret.) Aharon Ze'evi-Farkash", "Major General (Res.) Giora Eiland"
            spans.append(Span(cur, m.end()))
            cur = m.end()
        spans.append(Span(cur, le))
    out = []
    for s in spans:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return out



# --------------------------------------------------------------------------- words

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")

#: Function words and the words every news report and question uses ("said", "reported",
#: "according"); dropped from lexical (BM25) search terms.
STOPWORDS = frozenset("""a an and are as at be been but by did do does for from had has have he her his how
i if in into is it its of on or our she so than that the their them then there these they this those to
was we were what when where which who whom whose why will with would you your about after before between
both can could should may might must also any all more most other some such only own same very just over
under according reported report reports article articles say says said against toward towards regarding
concerning""".split())

#: Words that frame a question ("What was X's stance?", "How has it changed?") rather than
#: say what it is about; not topic terms of a question.
QUESTION_FRAME_WORDS = frozenset("""tell told stance position positions pledge pledged pledges propose proposed
proposal change changed changes view views think describe described react reaction respond responded news
publish published""".split())

#: More function words and the reporting verbs an answer may rephrase freely; ignored when
#: checking that an answer sentence is supported by the passage it cites.
SUPPORT_STOPWORDS = STOPWORDS | frozenset("""above again against although am because being below doing don
down during each either even ever every few further having here hers herself him himself however itself
least less let like many me much my myself neither no nor not now off once one ours ourselves out per
shall since though through thus too until up upon us via whether while within without yet yours
add added adds saying state stated states tell telling tells told""".split())

#: Stems that news and questions use for the same thing ("in return for" = "in exchange for").
SYNONYMS = {"return": "exchang", "swap": "exchang", "drill": "exercis", "stance": "position"}


def normalise(text: str) -> str:
    """NFC form with typographic apostrophes as ASCII: for matching, never for quoting."""
    return unicodedata.normalize("NFC", text).replace("’", "'")


def stem(w: str) -> str:
    """A crude suffix stripper: enough to match "pledged"/"pledges"/"pledge", "urge"/"urged"."""
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def prefix_stem(w: str) -> str:
    """Truncation stemming (first five letters, plural s dropped): looser than ``stem``, it
    matches Korea/Korean and talks/talk, which support checking needs; numbers are kept."""
    if w[0].isdigit():
        return w
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:5]


_HASHTAG = re.compile(r"#([A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]+|\d+)+)\b")
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+")


def terms(text: str) -> list[str]:
    """Content terms of ``text`` in order: lower-cased words, possessives and stopwords (and
    question frame words) dropped, stemmed with ``stem``, synonyms folded."""
    out = []
    if "#" in text:  # "#WebSummit" is about "Web Summit" too
        text = _HASHTAG.sub(lambda m: m.group(0) + " " + " ".join(_CAMEL_PART.findall(m.group(1))), text)
    for w in WORD.findall(text.lower()):
        w = w.replace("’", "'").strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in STOPWORDS and w not in QUESTION_FRAME_WORDS:
            w = stem(w)
            out.append(SYNONYMS.get(w, w))
    return out


def fts_terms(query: str) -> list[str]:
    """Distinct words of ``query`` (stopwords dropped), each quoted for an FTS5 MATCH."""
    words = re.findall(r"[\w][\w'’-]*", query.lower())
    out, seen = [], set()
    for w in words:
        w = w.strip("'’-")
        if len(w) < 2 or w in STOPWORDS or w in seen:
            continue
        seen.add(w)
        out.append('"' + w.replace('"', "") + '"')
    return out


def mentions(text_lower: str, name: str) -> bool:
    """Whether lower-cased ``text_lower`` mentions ``name``: the whole name or its last word as a
    word ("Sergei Lavrov" -> "lavrov"; "Xis" also matches "xi"; "Iran" matches "iranian")."""
    parts = name.lower().split()
    if not parts:
        return False
    last = parts[-1]
    forms = [name.lower(), last] + ([last[:-1]] if last.endswith("s") and len(last) > 2 else [])
    if len(last) > 4 and last[-1] == last[-2]:
        forms.append(last[:-1])  # "Zelenskyy" typed, "Zelensky" written
    # Whole words only ("Mars" is not in "March" or "market"), or the name with a plural or
    # demonym ending ("Australians", "Iranian", "Israelis"), or its last letter doubled as another
    # spelling does ("Zelensky" typed, "Zelenskyy" written).
    return any(re.search(rf"(?<!\w){re.escape(f)}(?:{re.escape(f[-1])}(?=\W|$))?(?:s|es|ian|ians|is|i)?(?!\w)",
                         text_lower) for f in forms)


#: Words that attribute a statement to someone ("said", "according to", "pledged").
ATTRIBUTION = re.compile(
    r"\b(said|says|told|stated|added|pledged|vowed|promised|proposed|urged|demanded|warned|argued|"
    r"insisted|called|announced|according to|reiterated|stressed|declared|noted|offered|rejected)\b", re.I)


# --------------------------------------------------------------------------- dates

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_PATTERN = "|".join(m.capitalize() for m in MONTHS)

_QUOTE_RUN = 400  # the most characters a quotation opened in a quoted sentence is followed to its close


def quotation_end(text: str, end: int, sentence: str) -> int | None:
    """Where the quotation that ``sentence`` (ending at offset ``end`` of ``text``) opens without closing
    it ends: the end of the sentence of its paragraph holding the close ('Breton warned: “Obligations
    remain.' -> '... You can run but you can’t hide.”'), at most ``_QUOTE_RUN`` characters on; None when
    the sentence's quotes are balanced or the close is not near. An offset of ``text``."""
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    last_open = sentence.rfind("“")
    if last_open >= 0 and "”" not in sentence[last_open:]:
        close = text.find("”", end, min(para_end, end + _QUOTE_RUN))
    elif sentence.count('"') % 2 == 1 and sentence.lstrip().startswith('"'):  # ('"We are ready. ...": opened here)
        close = text.find('"', end, min(para_end, end + _QUOTE_RUN))
    else:
        return None
    if close < 0:
        return None
    after = next((sp.end for sp in split_sentences(text, end, para_end) if sp.end > close), close + 1)
    return max(after, close + 1)


#: A wire dateline ("GENEVA, Nov 3 (Harbor Wire) - "): defined with the other date readers in
#: ``index.dates`` (one implementation), re-exported here for the modules that split sentences.
from .dates import DATELINE  # noqa: E402,F401
