"""Measure tidings against gold annotations written by hand.

Actor gold (``tidings evaluate-actors FILE``): JSON Lines of
``{"id", "published", "text", "mentions": [{"text", "occurrence", "code", "hard"}]}``
where ``code`` is the CAMEO actor code the mention refers to on the published
date, or null when the span is not an actor (a place, part of a name).
A mention counts as right when an extracted actor overlapping its span has
its code (for a group, any member), or, for null, when no actor overlaps.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TidingsError
from .records import Document, Failure

__all__ = ["ActorReport", "evaluate_actors"]


@dataclass(frozen=True, slots=True)
class ActorError:
    item: str
    text: str
    gold: str | None
    got: tuple[str, ...]
    hard: bool
    context: str


@dataclass(slots=True)
class ActorReport:
    total: int = 0
    right: int = 0
    hard_total: int = 0
    hard_right: int = 0
    null_total: int = 0
    null_right: int = 0
    errors: list[ActorError] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def hard_accuracy(self) -> float:
        return self.hard_right / self.hard_total if self.hard_total else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"mentions": self.total, "right": self.right, "accuracy": round(self.accuracy, 4),
                "hard_mentions": self.hard_total, "hard_accuracy": round(self.hard_accuracy, 4),
                "not_actors": self.null_total, "not_actors_right": self.null_right,
                "errors": [_as_dict(e) for e in self.errors]}


def _as_dict(error: ActorError) -> dict[str, object]:
    return {"item": error.item, "text": error.text, "gold": error.gold, "got": list(error.got), "hard": error.hard,
            "context": error.context}


def _find(text: str, phrase: str, occurrence: int) -> tuple[int, int] | None:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(phrase, start + 1)
        if start < 0:
            return None
    return start, start + len(phrase)


def evaluate_actors(pipeline, path: str | Path) -> ActorReport:
    """Score the actor resolver of ``pipeline`` on the gold file at ``path``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TidingsError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            items.append((item, Document(id=str(item["id"]), origin=f"{path}:{number}", kind="prose",
                                         content=item["text"],
                                         published=dt.date.fromisoformat(item["published"]))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise TidingsError(f"{path}:{number}: not a gold item ({exc}); each line needs id, published "
                               "(YYYY-MM-DD), text and mentions") from None
    report = ActorReport()
    gold_by_id = {str(item["id"]): item for item, _ in items}
    for result in pipeline.run_documents(doc for _, doc in items):
        if isinstance(result, Failure):
            raise TidingsError(f"{result.origin}: {result.reason}")
        item = gold_by_id[result.id]
        if result.text != item["text"].strip():
            raise TidingsError(f"gold item {result.id}: cleaning changed the text; gold texts must be plain prose")
        for mention in item["mentions"]:
            span = _find(result.text, mention["text"], int(mention.get("occurrence", 1)))
            if span is None:
                raise TidingsError(f"gold item {result.id}: {mention['text']!r} is not in its text")
            got = tuple(a.code for a in result.actors if a.start < span[1] and span[0] < a.end)
            gold = mention.get("code")
            ok = (not got) if gold is None else gold in got
            hard = bool(mention.get("hard"))
            report.total += 1
            report.right += ok
            report.hard_total += hard
            report.hard_right += ok and hard
            if gold is None:
                report.null_total += 1
                report.null_right += ok
            if not ok:
                report.errors.append(ActorError(item=result.id, text=mention["text"], gold=gold, got=got, hard=hard,
                                                context=result.text[max(0, span[0] - 60):span[1] + 60]))
    return report
