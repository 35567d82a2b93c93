"""The one date reader: metadata values and the dates an article's text carries -> ``DateResult``.

Every loader reads dates through here, so a date means the same thing whatever shape it came in.
Built on python-dateutil with two different default datetimes: a part that changes between the
two parses was not in the string, so nothing is ever filled in from today's clock.

- ``parse_date(value, anchor=None, locale=None)``: one metadata value. Epoch seconds and
  milliseconds (numbers or digit strings), ISO 8601 with or without a time and zone, day-first
  dotted dates ("7.5.2024" = 7 May 2024), "May 2024" / "2024-05" (month precision) and "2024"
  (year precision) kept at their precision, English (and common German/French/Spanish) month
  names. Relative ("2 days ago", "yesterday"), time-only ("12:30") and year-less ("Nov. 3")
  strings need an ``anchor`` date, else they are rejected with a flag. Numeric day/month orders
  that could be either ("05/07/2024") are resolved by ``locale`` (US: month first; any other
  declared locale: day first), else kept at year precision and flagged ``ambiguous_day_month``.
- ``text_dates(text)``: what the first lines of an article say: Published/Updated/Posted lines,
  a bare date line under the headline, a wire dateline ("GENEVA, Nov 3 (Harbor Wire) -") whose
  year comes from the copyright line ("© 2021 Harbor Wire"), the copyright year and owner, and an
  outlet from a byline ("By Jonas Weir, Ondo Courier").
- ``pick_date(candidates)``: the first usable result among metadata fields, text and filename,
  plus the ``meta`` entries saying where it came from (``date_source``, ``date_precision``,
  ``date_flags``, ``date_rejected``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from dateutil import parser as _dparser
from dateutil.relativedelta import relativedelta

MIN_YEAR, MAX_YEAR = 1800, 2200
PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True)
class DateResult:
    """A date read from one value.

    ``value``: ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` (``""`` when nothing usable was
    read). ``precision``: ``"year"``, ``"month"``, ``"day"`` or ``""``. ``time``: ``"HH:MM:SS"``
    plus a zone offset ("+00:00") when the value had a time of day, else ``""``. ``source``:
    where it came from ("publishedAt", "text:published-line", "dateline+copyright", ...).
    ``flags``: why it was rejected or is uncertain: ``time_only``, ``no_year``, ``relative``,
    ``ambiguous_day_month``, ``anchored`` (resolved against the anchor date), ``out_of_range``,
    ``unparsed``. ``raw``: the value as given (a string).
    """

    value: str = ""
    precision: str = ""
    time: str = ""
    source: str = ""
    flags: tuple[str, ...] = ()
    raw: str = ""

    @property
    def ok(self) -> bool:
        """True when a date (of any precision) was read."""
        return bool(self.value)

    @property
    def iso(self) -> str:
        """``value``, with ``T`` + ``time`` appended when a day and a time of day are known
        (the form stored as ``Document.published``)."""
        return f"{self.value}T{self.time}" if self.time and self.precision == "day" else self.value

    def with_source(self, source: str) -> DateResult:
        """A copy with ``source`` set."""
        return DateResult(self.value, self.precision, self.time, source, self.flags, self.raw)


# --------------------------------------------------------------------------- parsing values

class _Info(_dparser.parserinfo):
    """English month and weekday names plus common German, French and Spanish ones."""

    MONTHS = [
        ("Jan", "January", "Januar", "Jänner", "janvier", "enero", "janv"),
        ("Feb", "February", "Februar", "février", "fevrier", "febrero", "févr", "fevr"),
        ("Mar", "March", "März", "Maerz", "mars", "marzo"),
        ("Apr", "April", "avril", "abril", "avr"),
        ("May", "May", "Mai", "mayo"),
        ("Jun", "June", "Juni", "juin", "junio"),
        ("Jul", "July", "Juli", "juillet", "julio", "juil"),
        ("Aug", "August", "août", "aout", "agosto"),
        ("Sep", "Sept", "September", "septembre", "septiembre"),
        ("Oct", "October", "Oktober", "Okt", "octobre", "octubre"),
        ("Nov", "November", "novembre", "noviembre"),
        ("Dec", "December", "Dezember", "Dez", "décembre", "decembre", "diciembre", "déc"),
    ]


_INFO = _Info()
_D1 = datetime(2000, 1, 1, 0, 0, 0)
_D2 = datetime(2004, 3, 3, 1, 1, 1)  # both leap years; day 3 exists in every month
_US_LOCALES = re.compile(r"^(?:en[-_])?us$|^united states|^usa$|^en[-_]ph$", re.I)
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b")
_ISO_DAY = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{4})/(\d{1,2})$")
_ISO_STAMP = re.compile(r"^\d{4}-?\d{2}-?\d{2}[T ]\d{2}:?\d{2}")
_RELATIVE = re.compile(
    r"^(?:(?P<n>\d+|an?|one)\s+(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago"
    r"|(?P<word>yesterday|today|tonight|just now|now|this morning|last night))\b", re.I)
_RELATIVE_ANY = re.compile(r"\b(ago|yesterday|today|tonight|tomorrow|last|next|this|just now)\b", re.I)


def day_first_for(locale: str | None) -> bool | None:
    """Whether numeric dates put the day first in ``locale`` ("de-DE", "en-GB", "fr", "US",
    "United States"): False for the US, True for any other declared locale, None when no
    locale is declared or only a language that is used both ways ("en")."""
    loc = (locale or "").strip()
    if not loc or loc.lower() in ("en", "english", "eng"):
        return None
    return not _US_LOCALES.search(loc)


def _result(d: date | datetime, precision: str, raw: str, flags: Iterable[str] = (), time: str = "") -> DateResult:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        return DateResult(flags=("out_of_range",), raw=raw)
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(precision) or d.strftime("%Y-%m-%d")
    return DateResult(value, precision, time if precision == "day" else "", "", tuple(flags), raw)


def _time_of(dt: datetime) -> str:
    t = dt.strftime("%H:%M:%S")
    off = dt.utcoffset()
    if off is not None:
        total = int(off.total_seconds() // 60)
        sign = "+" if total >= 0 else "-"
        t += f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return t


def _epoch(n: float, raw: str) -> DateResult:
    seconds = n / 1000 if abs(n) >= 1e11 else n
    try:
        dt = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return DateResult(flags=("out_of_range",), raw=raw)
    return _result(dt, "day", raw, time=_time_of(dt))


def _anchor_date(anchor: Any) -> date | None:
    if anchor is None or anchor == "":
        return None
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    r = parse_date(anchor)
    return date.fromisoformat(r.value) if r.precision == "day" else None


def _relative(s: str, anchor: date) -> DateResult | None:
    m = _RELATIVE.match(s)
    if not m:
        return None
    if m.group("word"):
        back = 1 if m.group("word").lower() in ("yesterday", "last night") else 0
        return _result(anchor - timedelta(days=back), "day", s, ("relative", "anchored"))
    n = 1 if m.group("n").lower() in ("a", "an", "one") else int(m.group("n"))
    unit = m.group("unit").lower()
    if unit in ("second", "minute", "hour"):
        hours = n / 3600 if unit == "second" else n / 60 if unit == "minute" else n
        return _result(anchor - timedelta(days=int(hours // 24)), "day", s, ("relative", "anchored"))
    delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
             "year": relativedelta(years=n)}[unit]
    precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    return _result(anchor - delta, precision, s, ("relative", "anchored"))


def parse_date(value: Any, anchor: date | datetime | str | None = None, locale: str | None = None,
               source: str = "") -> DateResult:
    """Read one date value (see the module doc for the forms). Never raises for bad input:
    an unusable value gives a ``DateResult`` with an empty ``value`` and a flag saying why.

    ``anchor``: the date relative, time-only and year-less values are resolved against (e.g.
    the article's publication date); ``locale``: the declared locale of the outlet or export,
    deciding numeric day/month order; ``source``: recorded in the result."""
    res = _parse(value, anchor, locale)
    return res.with_source(source) if source else res


def _parse(value: Any, anchor: Any, locale: str | None) -> DateResult:
    if value is None or isinstance(value, bool) or value == "":
        return DateResult()
    if isinstance(value, (int, float)):
        raw = str(value)
        if isinstance(value, int) and MIN_YEAR <= value <= MAX_YEAR:
            return _result(date(value, 1, 1), "year", raw)
        if abs(value) >= 1e8:
            return _epoch(float(value), raw)
        return DateResult(flags=("unparsed",), raw=raw)
    if not isinstance(value, str):
        return DateResult(flags=("unparsed",), raw=str(value)[:80])
    s = " ".join(value.split())
    if not s:
        return DateResult()
    if re.fullmatch(r"\d{4}", s):
        return _result(date(int(s), 1, 1), "year", s) if MIN_YEAR <= int(s) <= MAX_YEAR \
            else DateResult(flags=("out_of_range",), raw=s)
    if re.fullmatch(r"-?\d{9,14}(?:\.\d+)?", s):
        return _epoch(float(s), s)
    if re.fullmatch(r"\d{8}", s):  # ISO basic form: 20240521
        try:
            return _result(datetime.strptime(s, "%Y%m%d"), "day", s)
        except ValueError:
            return DateResult(flags=("unparsed",), raw=s)
    m = _ISO_DAY.match(s)
    if m:
        try:
            return _result(date(int(m[1]), int(m[3]), int(m[4])), "day", s)
        except ValueError:
            return DateResult(flags=("unparsed",), raw=s)
    m = _ISO_MONTH.match(s)
    if m:
        y, mo = int(m[1] or m[3]), int(m[2] or m[4])
        return _result(date(y, mo, 1), "month", s) if 1 <= mo <= 12 else DateResult(flags=("unparsed",), raw=s)
    if _ISO_STAMP.match(s):
        try:
            dt = _dparser.isoparse(s.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} ", s) else s)
            return _result(dt, "day", s, time=_time_of(dt))
        except (ValueError, OverflowError):
            pass
    anchor_day = _anchor_date(anchor)
    rel = _relative(s, anchor_day) if anchor_day else None
    if rel is not None:
        return rel
    if _RELATIVE.match(s) or (_RELATIVE_ANY.search(s) and not re.search(r"\d{4}", s)):
        return DateResult(flags=("relative",), raw=s)
    return _parse_text(s, anchor_day, locale)


def _parse_text(s: str, anchor: date | None, locale: str | None) -> DateResult:
    flags: list[str] = []
    day_first: bool | None = True
    year_only_if_ambiguous = False
    m = _NUMERIC_DMY.match(s)
    if re.match(r"^\d{4}\b", s):
        day_first = False  # year first: 2024/05/07, 2024 May 7
    elif m:
        a, sep, b = int(m[1]), m[2], int(m[3])
        if sep == ".":
            day_first = True  # dotted numeric dates are day-first wherever they are written
        elif a > 12:
            day_first = True
        elif b > 12:
            day_first = False
        elif a == b:
            day_first = True
        else:
            day_first = day_first_for(locale)
            if day_first is None:
                day_first, year_only_if_ambiguous = True, True
                flags.append("ambiguous_day_month")
    parsed = []
    for default in (_D1, _D2):
        try:
            parsed.append(_dparser.parse(s, parserinfo=_INFO, default=default, dayfirst=bool(day_first)))
        except (ValueError, OverflowError, TypeError):
            try:
                dt, skipped = _dparser.parse(s, parserinfo=_INFO, default=default, dayfirst=bool(day_first),
                                             fuzzy_with_tokens=True)
            except (ValueError, OverflowError, TypeError):
                return DateResult(flags=("unparsed",), raw=s)
            if any(re.search(r"\d", t) for t in skipped):
                return DateResult(flags=("unparsed",), raw=s)
            parsed.append(dt)
    p1, p2 = parsed
    has_year, has_month, has_day = p1.year == p2.year, p1.month == p2.month, p1.day == p2.day
    has_time = p1.hour == p2.hour and p1.minute == p2.minute
    if not has_year:
        if not (has_month or has_day):
            if anchor and has_time:
                return _result(anchor, "day", s, ("time_only", "anchored"))
            return DateResult(flags=("time_only",) if has_time else ("unparsed",), raw=s)
        if has_month and has_day and anchor:
            try:
                d = date(anchor.year, p1.month, p1.day)
                if d > anchor + timedelta(days=1):
                    d = date(anchor.year - 1, p1.month, p1.day)
            except ValueError:
                return DateResult(flags=("no_year",), raw=s)
            return _result(d, "day", s, ("no_year", "anchored"))
        return DateResult(flags=("no_year",), raw=s)
    if year_only_if_ambiguous:
        return _result(p1, "year", s, flags)
    if has_month and has_day:
        return _result(p1, "day", s, flags, time=_time_of(p1) if has_time else "")
    if has_month:
        return _result(p1, "month", s, flags)
    if not has_day:
        return _result(p1, "year", s, flags)
    return DateResult(flags=("unparsed",), raw=s)


# --------------------------------------------------------------------------- dates in the text

_MONTH_WORD = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATE_IN_LINE = re.compile(
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+\d{{4}}"
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?", re.I)
#: "Published 14 March 2022, updated 15 March 2022", "Posted on: March 14, 2022", "Updated: ...".
DATE_LINE = re.compile(
    r"^\s*(?:(?P<kind>(?:first\s+)?published|posted|updated|last\s+updated|modified|date)\b\s*(?:on)?\s*:?\s*)"
    r"(?P<rest>.{4,160})$", re.I)
#: "By Jonas Weir, Ondo Courier" / "By Jonas Weir | Ondo Courier" (a byline naming an outlet).
BYLINE = re.compile(r"^\s*By\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:,|\||—|–|-)\s*"
                    r"(?P<outlet>[A-Z][\w&.'’ -]{1,48}?)\s*$")
_ROLE_WORDS = re.compile(r"\b(correspondent|reporter|writer|editor|staff|contributor|columnist|analyst|"
                         r"bureau|chief|special|senior|freelance|in)\b", re.I)
#: A wire dateline at the start of a sentence or line: "GENEVA, Nov 3 (Harbor Wire) - ",
#: "MOSCOW (Reuters) -- ", "(Bloomberg) -- ". Groups: ``place``, ``day``, ``outlet``.
DATELINE = re.compile(  # ("BRUSSELS, May 14 (Reuters) - ", "CAIRO (AP) — ", "NEW DELHI/OTTAWA, Sept 19 (Reuters) - ")
    r"(?:(?P<place>[A-Z][A-Z .'/-]+?)(?:,\s*(?P<day>[^()\n]{0,30}?))?\s*)?"
    r"\((?P<outlet>[A-Z][\w .&'-]{1,40})\)\s*(?:--|—|–|-)\s*")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)(?:\s*(?:©|\(c\)|copyright\b))*\s*(?:of\s+)?(\d{4})?"
                        r"(?:\s*[-–]\s*\d{4})?\s*([^\n]*)", re.I)
_OWNER_SUFFIX = re.compile(r"\b(L\.P\.?|LLC|Inc|Ltd|Limited|plc|all rights reserved)\b\.?", re.I)
HEAD_LINES = 12  # date and byline lines are looked for among the first non-empty lines


@dataclass
class TextDates:
    """What an article's text says about its date and outlet.

    ``published``/``updated``: from Published/Posted/Updated lines or a bare date line near the
    top (``DateResult``, or None). ``dateline``: the dateline's date (year from the copyright
    line when the dateline has none), or None. ``copyright_year``: ``"YYYY"`` or ``""``.
    ``copyright_owner``, ``dateline_outlet``, ``byline_outlet``: names or ``""``.
    ``lines``: the (start, end) character spans of ``text`` holding date and byline lines
    (metadata, not article text: cleaning removes them).
    """

    published: DateResult | None = None
    updated: DateResult | None = None
    dateline: DateResult | None = None
    copyright_year: str = ""
    copyright_owner: str = ""
    dateline_outlet: str = ""
    byline_outlet: str = ""
    lines: list[tuple[int, int]] = field(default_factory=list)

    def best(self) -> DateResult | None:
        """The publication date the text gives, best first: a Published line (or bare date
        line), the dateline, an Updated line, the copyright year. None when none."""
        for r in (self.published, self.dateline, self.updated):
            if r is not None and r.ok:
                return r
        if self.copyright_year:
            return parse_date(self.copyright_year, source="text:copyright")
        return None

    @property
    def outlet(self) -> str:
        """The outlet the text names: dateline, else byline, else copyright owner."""
        return self.dateline_outlet or self.byline_outlet or self.copyright_owner


def copyright_line(line: str) -> tuple[str, str] | None:
    """(year or "", owner or "") of a copyright line ("© 2021 Harbor Wire. All rights
    reserved."), None when ``line`` is not one."""
    s = line.strip()
    if not s.lower().startswith(("©", "(c)", "copyright")):
        return None
    m = _COPYRIGHT.match(s)
    if not m:
        return None
    owner = (m.group(2) or "").strip(" .")
    year = m.group(1) or ""
    end = re.search(r",?\s*(\d{4})\.?$", owner)  # "© Copyright of Globes Publisher Itonut (1983) Ltd., 2023."
    if end:
        year, owner = year or end.group(1), owner[:end.start()]
    owner = re.sub(r"\s*\(\d{4}\)", "", _OWNER_SUFFIX.sub("", owner)).strip(" .,")
    return year, owner


def dateline(line: str) -> tuple[str, str, str] | None:
    """(place, day text, outlet) of a wire dateline at the start of ``line``, or None."""
    m = DATELINE.match(line.strip())
    if not m:
        return None
    return (m.group("place") or "").strip(), (m.group("day") or "").strip(), m.group("outlet").strip()


def _date_of_line(line: str, anchor: Any = None) -> tuple[str, DateResult] | None:
    """("published"|"updated", date) of a Published/Updated line or a bare date line."""
    m = DATE_LINE.match(line)
    if m:
        kind = "updated" if m.group("kind").lower().split()[-1] in ("updated", "modified") else "published"
        rest = m.group("rest")
        # "Published 14 March 2022, updated 15 March 2022": the first date belongs to ``kind``.
        d = _DATE_IN_LINE.search(rest)
        if d and d.start() <= 4:
            r = parse_date(d.group(0).strip(" ,"), anchor=anchor)
            if r.ok:
                return kind, r
        return None
    stripped = line.strip().strip("|·•-— ")
    d = _DATE_IN_LINE.fullmatch(stripped)
    if d:
        r = parse_date(stripped, anchor=anchor)
        if r.ok and r.precision == "day":
            return "published", r
    return None


def text_dates(text: str) -> TextDates:
    """Read the dates, dateline and outlet names the text carries (see ``TextDates``).
    ``text``: the article text before cleaning (copyright lines are still in it)."""
    out = TextDates()
    head = 0
    dl_day = ""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if not line.strip():
            continue
        cr = copyright_line(line)
        if cr:
            out.copyright_year = out.copyright_year or cr[0]
            out.copyright_owner = out.copyright_owner or cr[1]
            continue
        if not out.dateline_outlet:
            dl = dateline(line)
            if dl:
                out.dateline_outlet, dl_day = dl[2], dl[1]
        head += 1
        if head > HEAD_LINES:
            continue
        found = _date_of_line(line)
        if found:
            kind, r = found
            src = "text:published-line" if DATE_LINE.match(line) else "text:date-line"
            if kind == "updated":
                out.updated = out.updated or r.with_source("text:updated-line")
                # "Updated 15 March 2022, first published 14 March 2022"
                later = re.search(r"published\s*(?:on)?\s*:?\s*(.+)$", line, re.I)
                if later and out.published is None:
                    again = _date_of_line("Published " + later.group(1))
                    if again:
                        out.published = again[1].with_source(src)
            elif out.published is None:
                out.published = r.with_source(src)
            out.lines.append((m.start(), m.end()))
            continue
        b = BYLINE.match(line)
        if b and not _ROLE_WORDS.search(b.group("outlet")) and head <= 4:
            out.byline_outlet = out.byline_outlet or b.group("outlet").strip()
            out.lines.append((m.start(), m.end()))
    if dl_day:
        r = parse_date(dl_day)
        if not r.ok and "no_year" in r.flags and out.copyright_year:
            r = parse_date(f"{dl_day} {out.copyright_year}")
            if r.ok:
                out.dateline = r.with_source("text:dateline+copyright")
        elif r.ok and r.precision == "day":
            out.dateline = r.with_source("text:dateline")
    return out


# --------------------------------------------------------------------------- choosing

def day_month_readings(r: DateResult) -> tuple[str, str] | None:
    """The two days (month first, day first) of a date read whose day and month order nothing decided
    ("12/09/2023" with no locale: 2023-12-09 or 2023-09-12; flag ``ambiguous_day_month``), else None."""
    m = _NUMERIC_DMY.match(r.raw) if "ambiguous_day_month" in r.flags and r.value else None
    if m is None:
        return None
    year, a, b = int(r.value[:4]), int(m[1]), int(m[3])
    try:
        return date(year, a, b).isoformat(), date(year, b, a).isoformat()
    except ValueError:
        return None


def pick_date(candidates: Iterable[tuple[str, Any]], anchor: Any = None, locale: str | None = None
              ) -> tuple[str, dict[str, Any]]:
    """The publication date from ``candidates`` tried in order, and the ``meta`` entries saying
    where it came from.

    ``candidates``: (source name, value) pairs; a value may be a ``DateResult`` (already read,
    e.g. from ``text_dates``) or anything ``parse_date`` reads. The first usable value wins;
    a later one of finer precision in the same year and month refines it (a year from the
    copyright line does not beat a day from the dateline). Returns (``DateResult.iso`` or
    ``""``, meta) where meta has ``date_source``, ``date_precision``, ``date_flags`` (only when
    flagged) and ``date_rejected`` (values that could not be used: ``"field: raw (flag)"``).

    A first value whose day and month order nothing decided ("12/09/2023", no locale: year
    precision, ``ambiguous_day_month``) is refined only by a later day that is one of its two
    readings (another tag in ISO form, the URL's, a dateline's "December 9, 2023"), which stores that day
    (meta ``date_order`` says so); when nothing decides, meta ``date_ambiguous`` says the two readings and
    that the year only was stored (``attache ingest`` warns, naming the file)."""
    chosen: DateResult | None = None
    rejected: list[str] = []
    readings: tuple[str, str] | None = None  # the two days an ambiguous "12/09/2023" chosen may be
    ambiguous: DateResult | None = None
    settled_by = ""
    for name, value in candidates:
        if value is None or value == "":
            continue
        r = value if isinstance(value, DateResult) else parse_date(value, anchor=anchor, locale=locale, source=name)
        if not r.ok:
            if r.flags:
                rejected.append(f"{name}: {r.raw} ({', '.join(r.flags)})")
            continue
        r = r if r.source else r.with_source(name)
        if chosen is None:
            chosen = ambiguous = r
            readings = day_month_readings(r)
        elif readings is not None:
            if r.precision == "day" and r.value in readings:  # another value of the page says which day it is
                # (the day as the first value wrote it, not the other's time: that may be an update's)
                chosen, settled_by = DateResult(r.value, "day", "", chosen.source, (), chosen.raw), r.source
        elif PRECISIONS.index(r.precision) > PRECISIONS.index(chosen.precision) and r.value.startswith(chosen.value):
            chosen = r
        if chosen.precision == "day":
            break
    meta: dict[str, Any] = {}
    if rejected:
        meta["date_rejected"] = "; ".join(rejected)
    if chosen is None:
        return "", meta
    if readings is not None and ambiguous is not None:
        # (said on ingestion: the file, the two readings and the one stored)
        what = f"{ambiguous.source}: {ambiguous.raw} reads as {readings[0]} (month first) or {readings[1]} (day first)"
        if settled_by:
            meta["date_order"] = f"{what}; {settled_by} gives {chosen.value}"
        else:
            meta["date_ambiguous"] = f"{what}; nothing else decides: stored as {chosen.value} (the year only)"
    meta.update({"date_source": chosen.source, "date_precision": chosen.precision})
    if chosen.flags:
        meta["date_flags"] = ",".join(chosen.flags)
    return chosen.iso, meta
