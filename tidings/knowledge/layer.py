"""The user layer: actor names and agent words a user adds, which override the
built-in knowledge; and the importer for TABARI/PETRARCH dictionaries.

A layer is one TSV file (``tidings-actors.tsv`` by default) with the columns
``kind`` (``actor`` or ``agent``), ``text`` (the name or word, matched without
regard to case), ``code`` (a CAMEO actor code, or for agents a sector such as
``GOV``), ``start`` and ``end`` (the dates the code is valid, either may be
empty; ``end`` is exclusive) and ``source`` (the file and line it came from).

PETRARCH dictionaries, as read here:

    VLADIMIR_PUTIN_  # comment        an entry: words joined by "_"
    +PUTIN_                           a synonym of the entry above
    \t[RUSGOV 991231-080507]          a code valid between two dates (YYMMDD or YYYYMMDD)
    \t[RUSGOV >080508]                from a date on;   [USRARM <900823] until a date
    \t[RUSELI]                        the code when no dated code applies
    UN_ [IGOUNO]                      an entry with its code on the same line
    FARMER [~AGR]                     an agent word and its sector (agents files)
    !PERSON! = MAN, MEN, WOMAN        a macro for agent words ("DAIRY!PERSON!")
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError

__all__ = ["LayerEntry", "read_petrarch", "write_layer", "read_layer", "LAYER_COLUMNS"]

LAYER_COLUMNS = ("kind", "text", "code", "start", "end", "source")
# Two-digit years in TABARI dictionaries: 00-30 are 2000-2030, the rest 1931-1999.
TWO_DIGIT_PIVOT = 30


@dataclass(frozen=True, slots=True)
class LayerEntry:
    kind: str  # actor or agent
    text: str
    code: str
    start: dt.date | None
    end: dt.date | None
    source: str

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


_CODE_LINE = re.compile(r"\[(?P<code>~?[A-Z0-9]{2,15})(?:\s+(?P<dates>[^\]]*))?\]")
_MACRO = re.compile(r"^!(?P<name>[A-Z]+)!\s*=\s*(?P<words>.+)$")


def _date(raw: str, where: str) -> dt.date:
    raw = raw.strip()
    try:
        if len(raw) == 8:
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        if len(raw) == 6:
            yy = int(raw[:2])
            year = 2000 + yy if yy <= TWO_DIGIT_PIVOT else 1900 + yy
            return dt.date(year, int(raw[2:4]), int(raw[4:]))
    except ValueError:
        pass
    raise KnowledgeError(f"{where}: {raw!r} is not a date (YYMMDD or YYYYMMDD)")


def _span(dates: str | None, where: str) -> tuple[dt.date | None, dt.date | None]:
    if not dates:
        return None, None
    dates = dates.strip()
    if dates.startswith(">"):
        return _date(dates[1:], where), None
    if dates.startswith("<"):
        return None, _date(dates[1:], where)
    if "-" in dates:
        a, b = dates.split("-", 1)
        return (_date(a, where) if a else None), (_date(b, where) if b else None)
    return _date(dates, where), None


def _words(raw: str) -> str:
    """'VLADIMIR_PUTIN_' -> 'vladimir putin'."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()


def read_petrarch(path: str | Path, problems: list[str] | None = None) -> Iterator[LayerEntry]:
    """Entries of a TABARI/PETRARCH actors or agents dictionary. A code line that cannot be read
    (a malformed date, as real dictionaries have) is skipped and described in ``problems``."""
    problems = [] if problems is None else problems
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    macros: dict[str, list[str]] = {}
    names: list[tuple[str, int]] = []  # the entry being read and its synonyms
    codes: list[tuple[str, dt.date | None, dt.date | None, int]] = []

    def flush() -> Iterator[LayerEntry]:
        for name, line_no in names:
            for code, start, end, _ in codes:
                kind = "agent" if code.startswith("~") else "actor"
                for text in _expand(name, macros):
                    yield LayerEntry(kind, text, code.lstrip("~"), start, end, f"{path.name}:{line_no}")
        names.clear()
        codes.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        where = f"{path}:{number}"
        macro = _MACRO.match(line.strip())
        if macro:
            macros[macro.group("name")] = [w.strip().lower() for w in macro.group("words").split(",") if w.strip()]
            continue
        stripped = line.strip()
        if stripped.startswith("["):  # a code line for the entry above
            _codes(stripped, where, number, codes, problems)
            continue
        if stripped.startswith("+"):
            names.append((stripped[1:].split("[", 1)[0], number))
            _codes(stripped, where, number, codes, problems)
            continue
        # a new entry: what was gathered so far is complete
        yield from flush()
        head, _, rest = stripped.partition("[")
        names.append((head, number))
        if rest:
            _codes("[" + rest, where, number, codes, problems)
    yield from flush()


def _codes(text: str, where: str, number: int, codes: list, problems: list[str]) -> None:
    for m in _CODE_LINE.finditer(text):
        try:
            codes.append((m.group("code"), *_span(m.group("dates"), where), number))
        except KnowledgeError as exc:
            problems.append(f"{exc}; the code line was skipped")


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", name)
    if not m:
        text = _words(name)
        return [text] if text else []
    out = []
    for word in macros.get(m.group(1), [m.group(1).lower()]):
        out.extend(_expand(name[:m.start()] + word.upper() + " " + name[m.end():], macros))
    return out


def write_layer(entries: list[LayerEntry], path: str | Path, *, replace_sources: set[str] | None = None) -> int:
    """Add ``entries`` to the layer at ``path`` (created if missing); rows from the same source
    file are replaced, so importing a dictionary twice adds nothing. Returns the row count."""
    path = Path(path)
    kept: list[LayerEntry] = []
    if path.exists():
        kept = [e for e in read_layer(path) if replace_sources is None or e.source.split(":")[0] not in replace_sources]
    rows = kept + entries
    seen = set()
    unique = []
    for e in rows:
        key = (e.kind, e.text, e.code, e.start, e.end)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(LAYER_COLUMNS)
        for e in unique:
            writer.writerow([e.kind, e.text, e.code, e.start.isoformat() if e.start else "",
                             e.end.isoformat() if e.end else "", e.source])
    return len(unique)


def read_layer(path: str | Path) -> list[LayerEntry]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read the actor layer ({exc.strerror})") from None
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if not rows or tuple(rows[0]) != LAYER_COLUMNS:
        raise KnowledgeError(f"{path}: not a tidings actor layer (its header must be "
                             f"{' '.join(LAYER_COLUMNS)}); create it with 'tidings actors import'")
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(LAYER_COLUMNS):
            raise KnowledgeError(f"{path}:{number}: {len(row)} cells, expected {len(LAYER_COLUMNS)}")
        kind, text_, code, start, end, source = row
        try:
            out.append(LayerEntry(kind, text_, code, dt.date.fromisoformat(start) if start else None,
                                  dt.date.fromisoformat(end) if end else None, source))
        except ValueError:
            raise KnowledgeError(f"{path}:{number}: dates must be YYYY-MM-DD") from None
    return out
