"""Typed records passed between pipeline stages and stored in the database.

Every extracted item carries character offsets into the article's clean body
text (``Article.text``): ``text[start:end] == item.text`` always holds, except
for a :class:`Quote` joined from several parts, whose ``parts`` hold the spans.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One raw document as read from its origin, before cleaning."""

    id: str
    origin: str  # file path, "path:line" for JSON Lines, or "<stdin>"
    kind: str  # "text" (scraped: furniture and datelines removed), "html", or "prose" (taken as it is)
    content: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, and why."""

    origin: str
    reason: str
    stage: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class CleanText:
    """A document after boilerplate removal: metadata apart, body clean."""

    id: str
    origin: str
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None
    text: str
    notes: tuple[str, ...] = ()  # what cleaning did, for provenance


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article body."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor, resolved to a CAMEO actor code."""

    text: str
    start: int
    end: int
    code: str
    name: str
    type: str  # STATE, PERSON, GOV, IGO, NGO, GROUP, AGENT
    country: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A place named as where something happened."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Event:
    """A CAMEO-coded event with its provenance."""

    source: ActorMention
    target: ActorMention | None
    code: str
    root_code: str
    quad_class: int
    goldstein: float
    plover: str | None
    date: str | None
    sentence: str
    start: int  # the sentence's span in the body
    end: int
    negated: bool
    modality: str
    reason: str
    trigger: Span | None = None
    place: Place | None = None
    plover_mode: str | None = None  # PLOVER's mode of the act ("phone", "visit", "aerial", ...)
    plover_context: tuple[str, ...] = ()  # PLOVER contexts ("military", "economic", ...)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    code: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; ``parts`` are the contiguous pieces joined into ``text``."""

    text: str
    start: int
    end: int
    speaker: Speaker | None
    verb: str | None
    parts: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Amount:
    """Money (``currency`` set) or a count of things (``unit`` set)."""

    text: str
    start: int
    end: int
    value: float
    currency: str | None
    qualifier: str
    about: str | None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # 2021-12-15, 2021-12, 2022, or 2021-01-01/2021-09-30
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """Everything tidings extracts from one document."""

    id: str
    origin: str
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None
    text: str
    actors: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The article record as plain JSON-ready data."""
        return _plain(self)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
