"""Clean: from a raw document to a clean body with its metadata apart.

Order of the steps:
1. HTML goes through trafilatura for the main content and the page metadata
   (title, site name, publication date, URL); plain text is taken as it is.
2. Lines are classified: body paragraphs (sentences), page furniture (short
   lines without a sentence, lines repeated on the page, copyright and credit
   lines), date and byline lines, and headline candidates.
3. The header zone (lines before the first body paragraph) gives the title
   and, from date lines, the publication date; the rest of it is dropped, as
   is the footer zone after the last body paragraph.
4. A dateline at the start of the body ("MOSCOW, Dec 15 (Reuters) -",
   "WASHINGTON (AP) —", "Dec. 15, 2021 (EIRNS)—") gives the source and the
   date and is cut from the body.
5. Metadata the input carried (JSON Lines fields) wins over what is found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..errors import EmptyInput, InputError
from ..records import CleanText, Document
from .dates import MONTHS, parse_date_phrase

# A body paragraph has at least this many words and ends like a sentence.
MIN_BODY_WORDS = 8
# A headline has at least this many words; shorter header lines are menus.
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$|[.!?][\"'”’»]?\s+[A-Z“\"]")
_CREDIT = re.compile(r"^\(?\s*(?:reporting|additional reporting|writing|editing|compiled|translated|"
                     r"produced)\s+by\b", re.I)
# Credit lines at the foot of wire copy: "Associated Press writer X contributed to this report."
_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\b", re.I)
MAX_CREDIT_WORDS = 25
# Markers that wire services put at the very end of the last paragraph.
_END_MARKER = re.compile(r"\s*(?:\(?\s*(?:Reporting|Writing|Editing) by [^()\n]{3,200}\)?|Enditem|\(END\)|"
                         r"\bEND|■|\+\+\+)\s*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved)", re.I)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}", re.I)
_MONTH_RX = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
             r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE_IN_LINE = re.compile(_MONTH_RX + r"\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+" + _MONTH_RX +
                           r",?\s+(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}")
_DASH = r"(?:-{1,2}|[–—]{1,2})"
# PLACE[, Country][, DATE] (SOURCE) - ...   or   DATE (SOURCE) - ...
_DATELINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}?[A-Z.](?:,\s*[A-Z][A-Za-z.'’ ]{1,30}?)?)\s*,?\s*)?"
    r"(?:(?P<date>" + _MONTH_RX + r"\s+\d{1,2}(?:,?\s+(?:19|20)\d{2})?|\d{1,2}\s+" + _MONTH_RX +
    r"(?:\s+(?:19|20)\d{2})?)\s*)?"
    r"\((?P<source>[A-Z][A-Za-z0-9&.'’ /-]{1,40})\)\s*" + _DASH + r"\s*")
# A dateline with a place and no agency tag: "BEIJING, June 2 --" or "LONDON —".
_PLACE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{2,40}?[A-Z.])(?:,\s*(?P<date>" + _MONTH_RX + r"\s+\d{1,2}(?:,?\s+(?:19|20)\d{2})?))?"
    r"\s*" + _DASH + r"\s+")

__all__ = ["clean_document", "cut_dateline"]


def clean_document(doc: Document) -> CleanText:
    """The clean body and metadata of ``doc``; raises EmptyInput when no body is left."""
    notes: list[str] = []
    title, source, published, url = None, None, None, None
    content = doc.content
    if doc.kind == "prose":
        if not content.strip():
            raise EmptyInput(doc.origin, "is empty; there is nothing to extract")
        return CleanText(id=doc.id, origin=doc.origin, title=doc.title, source=doc.source, published=doc.published,
                         url=doc.url, text=content.strip(), notes=("prose: taken as it is",))
    if doc.kind == "html":
        content, title, source, published, url = _from_html(doc)
        notes.append("html: main content by trafilatura")
    body, header_title, header_date, line_notes = _split_lines(content)
    notes.extend(line_notes)
    body, dl_source, dl_date, dl_note = cut_dateline(body, header_date or published or doc.published)
    end_marker = _END_MARKER.search(body)
    if end_marker and end_marker.start() > 0:
        notes.append(f"end marker cut: {end_marker.group(0).strip()!r}")
        body = body[:end_marker.start()]
    if dl_note:
        notes.append(dl_note)
    body = body.strip()
    if not body:
        raise EmptyInput(doc.origin, "has no article body left after removing page furniture; "
                                     "check that it is a news article")
    return CleanText(
        id=doc.id, origin=doc.origin,
        title=doc.title or title or header_title,
        source=doc.source or source or dl_source,
        published=doc.published or published or dl_date or header_date,
        url=doc.url or url, text=body, notes=tuple(notes))


def _from_html(doc: Document) -> tuple[str, str | None, str | None, dt.date | None, str | None]:
    import trafilatura  # imported here: loading it costs ~0.3 s and plain text never needs it

    try:
        result = trafilatura.bare_extraction(doc.content, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup  # noqa: BLE001
        raise InputError(doc.origin, f"HTML could not be parsed ({type(exc).__name__}: {exc}); "
                                     "check that the file is a web page") from None
    if result is None or not (result.text or "").strip():
        raise EmptyInput(doc.origin, "HTML page has no main text that trafilatura can find; "
                                     "check that it is an article page, not an index or a script")
    published = None
    if result.date:
        try:
            published = dt.date.fromisoformat(str(result.date)[:10])
        except ValueError:
            published = None
    title = (result.title or "").strip() or None
    return result.text, title, (result.sitename or "").strip() or None, published, result.url or None


def _words(line: str) -> int:
    return len(line.split())


def _is_body(line: str) -> bool:
    return _words(line) >= MIN_BODY_WORDS and bool(_SENTENCE_END.search(line))


def _split_lines(content: str) -> tuple[str, str | None, dt.date | None, list[str]]:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in content.split("\n")]
    counts = Counter(line.lower() for line in lines if line)
    body_idx = [i for i, line in enumerate(lines) if _is_body(line) and not _is_furniture(line, counts)]
    notes: list[str] = []
    if not body_idx:
        # No sentence-like paragraph at all: keep every non-furniture line.
        kept = [line for line in lines if line and not _is_furniture(line, counts)]
        return "\n\n".join(kept), None, None, ["no paragraph looked like prose; kept all text lines"]
    first, last = body_idx[0], body_idx[-1]
    header = [line for line in lines[:first] if line]
    title, date = None, None
    for line in header:
        found = _DATE_IN_LINE.search(line)
        if found and _words(line) <= 12 and date is None:
            date = parse_date_phrase(found.group(0))
            continue
        if _BYLINE.match(line) and _words(line) <= 10:
            continue
        if title is None and _is_headline(line, counts):
            title = line
    dropped = len(header) - (1 if title else 0)
    kept: list[str] = []
    for line in lines[first:last + 1]:
        if not line:
            continue
        if _is_body(line) and not _is_furniture(line, counts):
            kept.append(line)
        elif _words(line) >= MIN_BODY_WORDS and not _is_furniture(line, counts) and not _BYLINE.match(line):
            kept.append(line)  # a long line that does not end like a sentence: still prose
        else:
            dropped += 1
    dropped += sum(1 for line in lines[last + 1:] if line)
    if dropped:
        notes.append(f"dropped {dropped} furniture line(s)")
    if title:
        notes.append("title: first headline-shaped line above the body")
    return "\n\n".join(kept), title, date, notes


def _is_headline(line: str, counts: Counter[str]) -> bool:
    n = _words(line)
    if not MIN_HEADLINE_WORDS <= n <= MAX_HEADLINE_WORDS or counts[line.lower()] > 1:
        return False
    if "|" in line or _COPYRIGHT.search(line) or line.endswith((":", ",")):
        return False
    capitalised = sum(1 for w in line.split() if w[:1].isupper() or not w[:1].isalpha())
    # Menus are lower-case runs of verbs ("Go to home page"); headlines carry names.
    return capitalised >= 2


def _is_furniture(line: str, counts: Counter[str]) -> bool:
    if _CREDIT.match(line) or _COPYRIGHT.search(line):
        return True
    if _CONTRIBUTED.search(line) and _words(line) <= MAX_CREDIT_WORDS:
        return True
    if "|" in line and not _SENTENCE_END.search(line):
        return True
    if counts[line.lower()] > 1 and _words(line) < MIN_BODY_WORDS * 2:
        return True
    return not _SENTENCE_END.search(line) and _words(line) < MIN_BODY_WORDS


def cut_dateline(body: str, known: dt.date | None) -> tuple[str, str | None, dt.date | None, str | None]:
    """Cut a wire dateline ("MOSCOW, Dec 15 (Reuters) -") from the start of ``body``: the rest, the
    agency it names, the date it gives (read against ``known``) and a note of what was cut."""
    m = _DATELINE.match(body)
    if m and (m.group("place") or m.group("date") or len(m.group("source")) <= 12):
        date = _dateline_date(m.group("date"), known)
        note = f"dateline cut: {m.group(0).strip()!r}"
        return body[m.end():], m.group("source").strip(), date, note
    m = _PLACE_DATELINE.match(body)
    if m and m.group("place").upper() == m.group("place"):
        date = _dateline_date(m.group("date"), known)
        return body[m.end():], None, date, f"dateline cut: {m.group(0).strip()!r}"
    return body, None, None, None


def _dateline_date(phrase: str | None, known: dt.date | None) -> dt.date | None:
    if not phrase:
        return None
    full = parse_date_phrase(phrase)
    if full:
        return full
    m = re.match(r"(?P<a>\S+)\s+(?P<b>\S+)", phrase.replace(",", ""))
    if not m:
        return None
    a, b = m.group("a").rstrip(".").lower(), m.group("b").rstrip(".").lower()
    month, day = (MONTHS.get(a), b) if a in MONTHS else (MONTHS.get(b), a)
    if known is None or month is None or not day.isdigit():
        return None
    try:
        return dt.date(known.year, month, int(day))
    except ValueError:
        return None
