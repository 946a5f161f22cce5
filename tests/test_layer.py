"""The user layer and the TABARI/PETRARCH importer."""

import datetime as dt

import pytest
from click.testing import CliRunner

from conftest import SHARED
from tidings.cli import cli
from tidings.knowledge import load_knowledge
from tidings.knowledge.layer import read_layer, read_petrarch, write_layer
from tidings.pipeline import Pipeline
from tidings.settings import Settings

PETRARCH = SHARED / "reference" / "petrarch"

SMALL = """# a dictionary written for this test
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_  # leader
+FIREFLY_
\t[FRDELI 700101-990809]
\t[FRDGOV >990809]
\t[FRDELI]
SYLVANIA_ [SYL]
BAD_DATE_GUY_
\t[SYLGOV 9913-]
"""

AGENTS = """!PERSON! = MAN, MEN
FIRE!PERSON! [~CVL]
DUCK_SOUP_CHEF [~BUS]
"""


def test_reading_a_small_dictionary(tmp_path):
    path = tmp_path / "small.actors.txt"
    path.write_text(SMALL, encoding="utf-8")
    problems = []
    entries = list(read_petrarch(path, problems))
    firefly = [(e.text, e.code, e.start, e.end) for e in entries if e.text == "firefly"]
    assert firefly == [("firefly", "FRDELI", dt.date(1970, 1, 1), dt.date(1999, 8, 9)),
                       ("firefly", "FRDGOV", dt.date(1999, 8, 9), None), ("firefly", "FRDELI", None, None)]
    assert ("freedonian", "FRD") in [(e.text, e.code) for e in entries]
    assert len(problems) == 1 and "small.actors.txt:11" in problems[0] and "skipped" in problems[0]


def test_agent_macros_expand(tmp_path):
    path = tmp_path / "small.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert {(e.kind, e.text, e.code) for e in read_petrarch(path)} == {
        ("agent", "fireman", "CVL"), ("agent", "firemen", "CVL"), ("agent", "duck soup chef", "BUS")}


def test_the_layer_overrides_the_built_in_knowledge(tmp_path):
    path = tmp_path / "small.actors.txt"
    path.write_text("VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSXXX >000101]\nGLORIOUS_LEADER_ [PRKGOV]\n", encoding="utf-8")
    layer = tmp_path / "layer.tsv"
    assert write_layer(list(read_petrarch(path)), layer) == 3
    assert write_layer(list(read_petrarch(path)), layer, replace_sources={path.name}) == 3  # idempotent
    kb = load_knowledge(layer=layer)
    pipeline = Pipeline(Settings(actors_layer=str(layer)), knowledge=kb)
    article = pipeline.extract_text("Putin met the Glorious Leader.", published=dt.date(2021, 1, 1), clean=False)
    assert [(m.text, m.code) for m in article.actors] == [("Putin", "RUSXXX"), ("Glorious Leader", "PRKGOV")]
    assert "user layer small.actors.txt" in article.actors[0].reason
    before = pipeline.extract_text("Putin spoke.", published=dt.date(1995, 1, 1), clean=False)
    assert [m.code for m in before.actors] == ["RUSELI"], "outside the layer's dates the built-in names decide"


def test_import_and_list_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "small.actors.txt"
    path.write_text(SMALL, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["actors", "import", str(path), "--format", "petrarch"], obj={})
    assert result.exit_code == 0 and "1 line(s) skipped" in result.stdout and "small.actors.txt:11" in result.stderr
    assert read_layer(tmp_path / "tidings-actors.tsv")
    listed = runner.invoke(cli, ["actors", "list", "--kind", "layer", "--country", "FRD"], obj={})
    assert "firefly" in listed.stdout and "FRDGOV" in listed.stdout


@pytest.mark.skipif(not PETRARCH.exists(), reason="../shared/reference/petrarch is not here")
def test_the_phoenix_dictionaries_import(tmp_path):
    problems = []
    entries = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"):
        entries.extend(read_petrarch(PETRARCH / name, problems))
    assert len(entries) > 40000 and len(problems) < 20
    putin = {(e.code, e.start, e.end) for e in entries if e.text == "vladimir putin"}
    assert ("RUSGOV", dt.date(1999, 12, 31), dt.date(2008, 5, 7)) in putin
    assert ("IGOUNO", None, None) in {(e.code, e.start, e.end) for e in entries if e.text == "un"}
    assert any(e.kind == "agent" and e.text == "farmer" and e.code == "AGR" for e in entries)
    layer = tmp_path / "layer.tsv"
    write_layer(entries, layer)
    kb = load_knowledge(layer=layer)
    assert kb.layer_code("actor", "vladimir putin", dt.date(2005, 1, 1)).code == "RUSGOV"
