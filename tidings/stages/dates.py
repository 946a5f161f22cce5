"""Dates: find date expressions in the body and resolve them against the
publication date.

Values are ISO strings at the precision the text gives: ``2021-12-15`` (day),
``2021-12`` (month), ``2022`` (year), or an interval ``2021-01-01/2021-09-30``.
A relative expression ("next year", "last Tuesday") with no publication date
to anchor it gets ``value=None``: the text is kept, the date is unknown.

Order of the steps:
1. Match every pattern of ``_PATTERNS`` over the text (absolute dates first,
   then relative ones); keep the longest match where two overlap.
2. Resolve each match with its pattern's resolver against ``published``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import DateRef

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# A bare month-and-day more than this far after publication is read as last year's.
FUTURE_WINDOW_DAYS = 62

__all__ = ["find_dates", "parse_date_phrase", "MONTHS"]


@dataclass(frozen=True, slots=True)
class _Anchor:
    published: dt.date | None
    future: bool = False  # the clause speaks of what is to come ("will host ... on Friday")


# Words before a date, in its sentence, that put it in the future.
_FUTURE_CUES = re.compile(r"\b(?:will|shall|'ll|is to|are to|due to|expected|scheduled|plans? to|planned|"
                          r"set to|upcoming|going to)\b", re.I)
_SENTENCE_START = re.compile(r"[.!?]\s|\n")


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("month").lower().rstrip(".")]


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _r_full(m: re.Match[str], a: _Anchor) -> str | None:
    return _day_value(int(m.group("year")), _month(m), int(m.group("day")))


def _r_iso(m: re.Match[str], a: _Anchor) -> str | None:
    return _day_value(int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _r_month_day(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    month, day = _month(m), int(m.group("day"))
    value = _day_value(a.published.year, month, day)
    if value and (dt.date.fromisoformat(value) - a.published).days > FUTURE_WINDOW_DAYS:
        value = _day_value(a.published.year - 1, month, day)
    return value


def _r_month_year(m: re.Match[str], a: _Anchor) -> str | None:
    return f"{int(m.group('year')):04d}-{_month(m):02d}"


def _r_month_alone(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    month = _month(m)
    year = a.published.year
    word = (m.group("lead") or "").lower()
    if word == "last" or (word != "next" and not a.future and month > a.published.month):
        year -= 1  # "in July" said in April of a thing done: last July
    elif (word == "next" or a.future) and month < a.published.month:
        year += 1  # "in March" said in October of a thing to come: next March
    return f"{year:04d}-{month:02d}"


def _r_year(m: re.Match[str], a: _Anchor) -> str | None:
    return m.group("year")


def _r_simple_relative(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    word = m.group(0).lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    return (a.published + dt.timedelta(days=offset)).isoformat()


def _r_weekday(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    target = WEEKDAYS[m.group("weekday").lower()]
    lead = (m.group("lead") or "").lower()
    back = (a.published.weekday() - target) % 7
    if lead == "next" or (a.future and lead != "last"):
        ahead = (target - a.published.weekday()) % 7 or 7
        return (a.published + dt.timedelta(days=ahead)).isoformat()
    if lead == "last" and back == 0:
        back = 7
    return (a.published - dt.timedelta(days=back)).isoformat()


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _r_unit(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    lead, unit = m.group("lead").lower(), m.group("unit").lower()
    delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}[lead]
    p = a.published
    if unit == "year":
        return str(p.year + delta)
    if unit == "month":
        y, mo = _shift_month(p.year, p.month, delta)
        return f"{y:04d}-{mo:02d}"
    monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=delta)
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _r_earlier_later(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    unit = m.group("unit").lower()
    return str(a.published.year) if unit == "year" else f"{a.published.year:04d}-{a.published.month:02d}"


def _r_ago(m: re.Match[str], a: _Anchor) -> str | None:
    if a.published is None:
        return None
    raw = m.group("n").lower()
    n = _COUNT.get(raw) or (int(raw) if raw.isdigit() else 1)
    unit = m.group("unit").lower().rstrip("s")
    p = a.published
    if unit == "day":
        return (p - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday()) - dt.timedelta(weeks=n)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if unit == "month":
        y, mo = _shift_month(p.year, p.month, -n)
        return f"{y:04d}-{mo:02d}"
    return str(p.year - n)


def _year_of(m: re.Match[str], a: _Anchor) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    if a.published is None:
        return None
    which = (m.group("which") or "the").lower()
    return a.published.year + {"last": -1, "next": 1}.get(which, 0)


def _r_quarters(m: re.Match[str], a: _Anchor) -> str | None:
    year = _year_of(m, a)
    if year is None:
        return None
    n = _COUNT.get(m.group("n").lower(), 1) if m.group("n") else 1
    part = m.group("part").lower()
    if part.startswith("half"):
        months = 6 * n
    elif part.startswith("quarter"):
        months = 3 * n
    else:
        months = n
    months = min(months, 12)
    last = calendar.monthrange(year, months)[1]
    return f"{year:04d}-01-01/{year:04d}-{months:02d}-{last:02d}"


def _r_nth_quarter(m: re.Match[str], a: _Anchor) -> str | None:
    year = _year_of(m, a)
    if year is None:
        return None
    q = _ORD[m.group("ord").lower()]
    first, last_month = 3 * q - 2, 3 * q
    last = calendar.monthrange(year, last_month)[1]
    return f"{year:04d}-{first:02d}-01/{year:04d}-{last_month:02d}-{last:02d}"


_OF_YEAR = r"(?:\s+of\s+(?:(?P<which>the|this|last|next)\s+year|" + _YEAR + r"))"
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Anchor], str | None], bool]] = [
    (re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"), _r_full, False),
    (re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"), _r_full, False),
    (re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _r_iso, False),
    (re.compile(r"\b" + _MONTH + r"\s+" + _YEAR + r"\b"), _r_month_year, False),
    (re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![,.]?\d)"), _r_month_day, True),
    (re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r"\b"), _r_month_day, True),
    (re.compile(r"\bthe\s+first\s+(?:(?P<n>two|three|six|nine|eleven)\s+)?(?P<part>half|quarters?|months?)"
                + _OF_YEAR, re.I), _r_quarters, True),
    (re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter" + _OF_YEAR + "?",
                re.I), _r_nth_quarter, True),
    (re.compile(r"\b(?P<lead>last|next|this|past|previous|coming|current)\s+(?P<unit>year|month|week)\b", re.I),
     _r_unit, True),
    (re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>year|month)\b", re.I), _r_earlier_later, True),
    (re.compile(r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|"
                r"months?|years?)\s+ago\b", re.I), _r_ago, True),
    (re.compile(r"\b(?:(?P<lead>last|next|this|on)\s+)?" + _WEEKDAY + r"\b"), _r_weekday, True),
    (re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", re.I), _r_simple_relative, True),
    (re.compile(r"\b(?:(?P<lead>in|since|until|by|from|early|late|mid-|last|next|this)\s*)" + _MONTH +
                r"\b(?!\s+\d)"), _r_month_alone, True),
    # "In 1982 Argentina invaded", "signed in 1494": a year after a preposition, older centuries too
    (re.compile(r"\b(?i:in|since|until|by|from|before|after|during)\s+(?P<year>(?:1[5-9]|20)\d{2})\b"
                r"(?![-–]\d|\s*%|\s+(?:people|troops|soldiers|cases|votes|men|tonnes|tons))"),
     _r_year, False),
]
# Words that a weekday or month match keeps at its edges only as context.
_LEADING_CONTEXT = re.compile(r"^(?:on|in|since|until|by|from|before|after|during)\s+", re.I)


def find_dates(text: str, published: dt.date | None) -> list[DateRef]:
    """Every date expression in ``text``, resolved against ``published``."""
    candidates: list[tuple[int, int, str | None, bool]] = []
    for pattern, resolve, relative in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            anchor = _Anchor(published, future=relative and _is_future(text, start))
            lead = _LEADING_CONTEXT.match(m.group(0))
            if lead:
                start += lead.end()
            candidates.append((start, end, resolve(m, anchor), relative))
    found: list[tuple[int, int, str | None, bool]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):  # longest first
        if not any(s < cand[1] and cand[0] < e for s, e, _, _ in found):
            found.append(cand)
    found.sort()
    return [DateRef(text=text[s:e], start=s, end=e, value=v, relative=r) for s, e, v, r in found]


def _is_future(text: str, start: int) -> bool:
    window = text[max(0, start - 200):start]
    cut = list(_SENTENCE_START.finditer(window))
    if cut:
        window = window[cut[-1].end():]
    return bool(_FUTURE_CUES.search(window))


def parse_date_phrase(phrase: str) -> dt.date | None:
    """A full date written out ("Dec. 15, 2021", "15 December 2021", "2021-12-15"), or None."""
    for pattern, resolve, _ in _PATTERNS[:3]:
        m = pattern.search(phrase)
        if m:
            value = resolve(m, _Anchor(None))
            return dt.date.fromisoformat(value) if value else None
    return None
