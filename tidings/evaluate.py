"""Measure tidings against gold annotations written by hand.

Actor gold (``tidings evaluate-actors FILE``): JSON Lines of
``{"id", "published", "text", "mentions": [{"text", "occurrence", "code", "hard"}]}``
where ``code`` is the CAMEO actor code the mention refers to on the published
date, or null when the span is not an actor (a place, part of a name).
A mention counts as right when an extracted actor overlapping its span has
its code (for a group, any member), or, for null, when no actor overlaps.

Event gold (``tidings evaluate FILE``): ``{"id", "published", "text", "events":
[{"source", "target", "code"}]}``. Events are compared as multisets on three
keys: (source country, target country, CAMEO root), (source country, target
country, full code) and (source country, target country, PLOVER type); the
country of an actor code is its first three letters (IGO for organisations).
Negated events are left out of the system's side: the gold lists no event that
did not happen.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TidingsError
from .records import Document, Failure

__all__ = ["ActorReport", "EventReport", "LexiconReport", "check_lexicon", "evaluate_actors", "evaluate_events",
           "read_gold", "LEVELS"]


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


def read_gold(path: str | Path, listing: str, *, kind: str = "prose") -> list[tuple[dict, Document]]:
    """Gold items and the documents to extract from them; ``listing`` is the key holding the
    annotations ("mentions" or "events"), ``kind`` how their text is read: "prose" as it is, "text"
    as a wire story (its dateline cut). A malformed line raises TidingsError naming it."""
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
            if not isinstance(item[listing], list) or not all(isinstance(x, dict) for x in item[listing]):
                raise TypeError(f'"{listing}" must be a list of objects')
            items.append((item, Document(id=str(item["id"]), origin=f"{path}:{number}", kind=kind,
                                         content=item["text"],
                                         published=dt.date.fromisoformat(item["published"]))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise TidingsError(f"{path}:{number}: not a gold item ({exc}); each line needs id, published "
                               f"(YYYY-MM-DD), text and {listing}") from None
    return items


def evaluate_actors(pipeline, path: str | Path) -> ActorReport:
    """Score the actor resolver of ``pipeline`` on the gold file at ``path``."""
    items = read_gold(path, "mentions")
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
    """Score the event coder of ``pipeline`` on the gold file at ``path``."""
    # sentences are read as wire copy: "VIENNA (AP) — The IAEA said ..." loses its dateline first
    gold_items = read_gold(path, "events", kind="text")
    for item, doc in gold_items:
        if not all("source" in e and "code" in e for e in item["events"]):
            raise TidingsError(f"{doc.origin}: every event needs a source and a code")
    items = {doc.id: item for item, doc in gold_items}
    docs = [doc for _, doc in gold_items]
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
        # negated acts and acts only supposed in a condition ("if troops were deployed") are kept in
        # the store with their flags, but did not happen: like the gold, the score leaves them out
        system = [(_country(e.source.code), _country(e.target.code if e.target else None), e.code)
                  for e in result.events if not e.negated and e.modality != "hypothetical"]
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


# -- the lexicon's own examples ---------------------------------------------------------------
# Every entry of verbs.tsv may carry an example sentence; the check runs it through the whole
# pipeline and passes when an event is coded by that very entry with the expected code. The
# codes whose examples pass are the lexicon's coverage: codes shown to be reachable, not merely
# listed.
EXAMPLE_DATE = dt.date(2024, 6, 3)


@dataclass(frozen=True, slots=True)
class LexiconCheck:
    entry: str  # the entry's label: "verbs.tsv:LINE lemma ... -> CODE"
    example: str
    expected: str
    got: tuple[str, ...]  # "SRC->TGT CODE" of the events this entry made from the example
    others: tuple[str, ...]  # events other entries made from it

    @property
    def passed(self) -> bool:
        return any(g.endswith(" " + self.expected) for g in self.got)


@dataclass(slots=True)
class LexiconReport:
    entries: int = 0
    checks: list[LexiconCheck] = field(default_factory=list)
    listed: set[str] = field(default_factory=set)  # codes that some entry gives

    @property
    def failures(self) -> list[LexiconCheck]:
        return [c for c in self.checks if not c.passed]

    @property
    def covered(self) -> set[str]:
        """Codes (any length) that a passing example reaches."""
        return {c.expected for c in self.checks if c.passed}

    def to_dict(self) -> dict[str, object]:
        covered = self.covered
        return {"entries": self.entries, "with_example": len(self.checks), "passed": len(self.checks) - len(self.failures),
                "codes_covered": sorted(covered),
                "specific_codes_covered": len([c for c in covered if len(c) >= 3]),
                "roots_covered": sorted({c[:2] for c in covered}),
                "failures": [{"entry": f.entry, "example": f.example, "expected": f.expected, "got": list(f.got),
                              "others": list(f.others)} for f in self.failures]}


def check_lexicon(pipeline) -> LexiconReport:
    """Run every lexicon entry's example through ``pipeline`` and report which code as stated."""
    entries = [e for group in pipeline.knowledge.verbs.values() for e in group]
    entries.sort(key=lambda e: e.line)
    report = LexiconReport(entries=len(entries), listed={e.code for e in entries})
    examples = {f"{e.line}.{k}": (e, code, text) for e in entries for k, (code, text) in enumerate(e.examples)}
    docs = [Document(id=key, origin=f"verbs.tsv:{e.line}", kind="prose", content=text, published=EXAMPLE_DATE)
            for key, (e, _, text) in examples.items()]
    for result in pipeline.run_documents(docs):
        if isinstance(result, Failure):
            raise TidingsError(f"{result.origin}: the example could not be read ({result.reason})")
        entry, code, sentence = examples[result.id]
        mine, others = [], []
        for ev in result.events:
            if ev.negated:
                continue
            text = f"{ev.source.code}->{ev.target.code if ev.target else '-'} {ev.code}"
            (mine if ev.reason.startswith(entry.label + ";") else others).append(text)
        report.checks.append(LexiconCheck(entry=entry.label, example=sentence, expected=code, got=tuple(mine),
                                          others=tuple(others)))
    return report
