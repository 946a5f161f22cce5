"""Measure the event coder against hand-coded sentences (``tidings evaluate``).

Gold lines: ``{"id", "published", "text", "events": [{"source", "target", "code"}]}``. Events are
compared as multisets on three keys: (source country, target country, CAMEO root), (source
country, target country, full code) and (source country, target country, PLOVER type); the
country of an actor code is its first three letters (IGO for organisations). Negated events are
left out of the system's side: the gold lists no event that did not happen.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TidingsError
from .records import Document, Failure

__all__ = ["EventReport", "evaluate_events", "LEVELS"]

LEVELS = ("root", "code", "plover")


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class EventReport:
    overall: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    by_root: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    confusion: Counter = field(default_factory=Counter)  # (gold root or "-", system root or "-")
    wrong: list[dict[str, object]] = field(default_factory=list)
    sentences: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"sentences": self.sentences, "overall": {k: v.to_dict() for k, v in self.overall.items()},
                "by_root": {k: v.to_dict() for k, v in sorted(self.by_root.items())},
                "confusion": [{"gold": g, "system": s, "count": n} for (g, s), n in sorted(self.confusion.items())],
                "wrong": self.wrong}


def _country(code: str | None) -> str:
    return (code or "")[:3]


def evaluate_events(pipeline, path: str | Path) -> EventReport:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TidingsError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    items, docs = {}, []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            docs.append(Document(id=str(item["id"]), origin=f"{path}:{number}", kind="prose", content=item["text"],
                                 published=dt.date.fromisoformat(item["published"])))
            items[str(item["id"])] = item
            if not all(isinstance(e, dict) and "source" in e and "code" in e for e in item["events"]):
                raise KeyError("source/code")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise TidingsError(f"{path}:{number}: not a gold item ({exc}); each line needs id, published, text "
                               "and events [{source, target, code}]") from None
    cameo = pipeline.knowledge.cameo
    report = EventReport()

    def plover(code: str) -> str:
        entry = cameo.get(code)
        return (entry.plover_type if entry and entry.plover_type else "-")

    for result in pipeline.run_documents(docs):
        if isinstance(result, Failure):
            raise TidingsError(f"{result.origin}: {result.reason}")
        item = items[result.id]
        report.sentences += 1
        gold = [(_country(e["source"]), _country(e.get("target")), str(e["code"])) for e in item["events"]]
        system = [(_country(e.source.code), _country(e.target.code if e.target else None), e.code)
                  for e in result.events if not e.negated]
        keys = {"root": lambda t: (t[0], t[1], t[2][:2]), "code": lambda t: t,
                "plover": lambda t: (t[0], t[1], plover(t[2]))}
        item_wrong = False
        for level, key in keys.items():
            g, s = Counter(map(key, gold)), Counter(map(key, system))
            tp = sum((g & s).values())
            score = report.overall[level]
            score.tp += tp
            score.fp += sum(s.values()) - tp
            score.fn += sum(g.values()) - tp
            if level == "code":  # a sentence is wrong unless every code is right
                item_wrong = tp != sum(g.values()) or tp != sum(s.values())
            if level == "root":
                matched = g & s
                for k, n in matched.items():
                    report.by_root[k[2]].tp += n
                for k, n in (g - matched).items():
                    report.by_root[k[2]].fn += n
                for k, n in (s - matched).items():
                    report.by_root[k[2]].fp += n
                # confusion: unmatched gold against unmatched system events of the same dyad
                left_g, left_s = list((g - matched).elements()), list((s - matched).elements())
                for gk in left_g:
                    partner = next((sk for sk in left_s if sk[:2] == gk[:2]), None)
                    if partner is not None:
                        left_s.remove(partner)
                        report.confusion[(gk[2], partner[2])] += 1
                    else:
                        report.confusion[(gk[2], "-")] += 1
                for sk in left_s:
                    report.confusion[("-", sk[2])] += 1
        if item_wrong:
            report.wrong.append({"id": result.id, "text": item["text"],
                                 "gold": [f"{a}->{b} {c}" for a, b, c in gold],
                                 "system": [f"{a}->{b} {c}" for a, b, c in system]})
    return report
