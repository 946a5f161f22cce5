"""The command line, run in-process with click's runner, over real files and a real database."""

import json
import re

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from tidings.cli import cli

WIRE = FIXTURES / "reuters-moscow-wire.txt"


@pytest.fixture()
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIDINGS_DB", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, list(args), obj={}, input=input, catch_exceptions=False)
    return invoke


def test_extract_formats(run):
    jsonl = run("extract", str(WIRE))
    assert jsonl.exit_code == 0
    record = json.loads(jsonl.output.splitlines()[0])
    assert record["source"] == "Reuters" and record["events"]
    as_json = run("extract", str(WIRE), "--format", "json")
    assert json.loads(as_json.output)[0]["id"] == record["id"]
    table = run("extract", str(WIRE), "--format", "table")
    assert "RUSGOV" in table.output and "goldstein" in table.output


def test_extract_from_stdin(run):
    result = run("extract", "-", input=json.dumps({"id": "s1", "text": "India criticised Pakistan on Monday.",
                                                    "published": "2022-06-01"}) + "\n")
    record = json.loads(result.output)
    assert record["id"] == "s1" and record["events"][0]["code"] == "111"


def test_bad_inputs_are_reported_and_the_batch_goes_on(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    result = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt"),
                 str(WIRE))
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr and "bin.txt" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_exit_status_is_nonzero_only_when_nothing_was_processed(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1 and "none of the 1 document" in result.stderr


def test_ingest_then_query(run, tmp_path):
    db = str(tmp_path / "news.duckdb")
    (tmp_path / "empty.txt").write_bytes(b"")
    first = run("ingest", str(FIXTURES), str(tmp_path / "empty.txt"), "--db", db)
    assert first.exit_code == 0 and re.search(r"stored 9 article", first.stdout) and "1 failed" in first.stdout
    again = run("ingest", str(FIXTURES), "--db", db)
    assert "stored 0 article" in again.stdout and "9 already stored" in again.stdout
    events = run("events", "--db", db, "--actor", "RUS", "--format", "jsonl")
    rows = [json.loads(line) for line in events.output.splitlines()]
    assert rows and all(r["source_code"].startswith("RUS") or (r["target_code"] or "").startswith("RUS")
                        for r in rows)
    csv = run("events", "--db", db, "--dyad", "RUS-TUR", "--format", "csv")
    assert csv.output.startswith("article_id,date,source_code")
    article_id = rows[0]["article_id"]
    shown = run("show", article_id, "--db", db)
    assert shown.exit_code == 0 and article_id in shown.output
    summary = run("summary", "--db", db, "--format", "json")
    info = json.loads(summary.output)
    assert info["counts"]["articles"] == 9 and info["counts"]["failures"] == 1


def test_errors_are_one_line_with_a_fix(run, tmp_path):
    missing = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1 and "tidings ingest" in missing.stderr
    bad = run("events", "--db", str(tmp_path / "none.duckdb"), "--since", "yesterday")
    assert bad.exit_code == 1
    db = str(tmp_path / "x.duckdb")
    run("ingest", str(WIRE), "--db", db)
    assert "not valid" in run("events", "--db", db, "--since", "yesterday").stderr
    assert "no article" in run("show", "nope", "--db", db).stderr


def test_every_command_has_help_with_an_example_and_a_readme_entry(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name
        assert f"tidings {name}" in readme, f"README does not document 'tidings {name}'"
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("fmt",):
                assert param.help, f"{name} --{param.name} has no help"


def test_a_20_mb_page_is_refused_with_the_setting_to_raise(run, tmp_path):
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body>" + b"<p>filler text</p>" * (20 * 1024 * 1024 // 18) + b"</body></html>")
    result = run("extract", str(page), str(WIRE))
    assert result.exit_code == 0
    assert "huge.html" in result.stderr and "max_bytes" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["source"] == "Reuters"


def test_explain_shows_the_parse_actors_and_candidates(run):
    result = run("explain", "Iran was attacked by Israel, and Russia did not meet Ukraine.", "--published",
                 "2024-04-19")
    assert result.exit_code == 0
    out = result.stdout
    assert "Parse" in out and "nsubjpass" in out
    assert "'Israel' -> ISR" in out
    assert "KEPT ISR -> IRN 190" in out and "negated" in out and "reciprocal" in out


def test_explain_reads_a_sentence_as_wire_copy(run):
    # the dateline is cut as `tidings evaluate` cuts it, so "MANILA" is no subject
    result = run("explain", "MANILA, Aug 7 (Reuters) - China accused the Philippines of ramming a vessel.",
                 "--published", "2024-08-07")
    assert "dateline cut" in result.stdout
    assert "KEPT CHN -> PHL 112" in result.stdout


def test_evaluate_reports_scores_per_level_and_root(run, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in [
        {"id": "g1", "published": "2022-06-01", "text": "India criticised Pakistan on Monday.",
         "events": [{"source": "IND", "target": "PAK", "code": "111"}]},
        {"id": "g2", "published": "2022-06-01", "text": "The weather in Moscow was cold.", "events": []},
        {"id": "g3", "published": "2022-06-01", "text": "Brazil praised Argentina.",
         "events": [{"source": "BRA", "target": "ARG", "code": "057"}]},
        # an attack only supposed in a condition is stored as hypothetical and is not scored as done
        {"id": "g4", "published": "2022-06-01", "text": "If China attacked Taiwan, the region would suffer.",
         "events": []},
    ]), encoding="utf-8")
    result = run("evaluate", str(gold), "--json")
    report = json.loads(result.stdout)
    assert report["sentences"] == 4
    assert report["overall"]["root"] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert report["overall"]["code"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["confusion"] == []
    assert [w["id"] for w in report["wrong"]] == ["g3"]
    text = run("evaluate", str(gold), "--scheme", "plover")
    assert "(source, target, PLOVER)" in text.stdout and "g3" in text.stdout
