"""Golden fixtures: real-shaped articles written for the project, each scored against the
analyst's expectations beside it. Every 'must' holds; 'should' items are reported."""

import pytest

from conftest import fixture_articles, load_json
from expectations import score

CASES = fixture_articles()


def test_there_are_enough_fixtures_of_different_shapes():
    assert len(CASES) >= 8
    assert {p.suffix for p, _ in CASES} == {".txt", ".html"}


@pytest.mark.parametrize("article, expected", CASES, ids=[p.name for p, _ in CASES])
def test_fixture_meets_every_must(extracted, article, expected):
    checks = score(extracted[article.name], load_json(expected))
    failed = [c.label for c in checks if c.level == "must" and not c.ok]
    assert failed == []
