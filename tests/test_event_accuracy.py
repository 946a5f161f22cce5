"""The CI gate on event coding: F1 on hand-coded sentences may only rise.

Floors are what the coder measures now (the issue's targets are 0.80 on (source, target, root),
0.65 on the full code and 0.80 on PLOVER, with precision never below 0.75); they are raised whenever
the coder improves. The test split is scored, never read."""

from pathlib import Path

import pytest

from tidings.evaluate import evaluate_events

DATA = Path(__file__).resolve().parent / "data"
FLOORS = {
    "events_gold_dev.jsonl": {"root": 0.87, "code": 0.79, "plover": 0.87},
    "events_gold_test.jsonl": {"root": 0.73, "code": 0.63, "plover": 0.75},
}


@pytest.fixture(scope="module")
def reports(pipeline):
    return {name: evaluate_events(pipeline, DATA / name) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_f1_holds_its_floors(reports, name):
    report = reports[name]
    assert report.sentences >= 200
    for level, floor in FLOORS[name].items():
        assert report.overall[level].f1 >= floor, f"{name} {level}: {report.overall[level].f1:.3f} < {floor}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_never_falls_below_the_issue_floor(reports, name):
    # a coder that floods events is what users hate most: precision stays at or above 0.75
    for level in ("root", "plover"):
        assert reports[name].overall[level].precision >= 0.75, (name, level)


def test_every_root_code_has_gold_sentences():
    import json

    roots = {e["code"][:2] for name in FLOORS for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line for e in json.loads(line)["events"]}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
