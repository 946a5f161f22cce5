"""The verb and noun lexicon proves itself: every entry carries example sentences, and each must be
coded by that very entry with the code it states. The codes they reach are the coder's coverage."""

import shutil
from importlib import resources

import pytest
from click.testing import CliRunner

from tidings.cli import cli
from tidings.errors import KnowledgeError
from tidings.evaluate import check_lexicon
from tidings.knowledge import load_knowledge


@pytest.fixture(scope="module")
def report(pipeline):
    return check_lexicon(pipeline)


def test_every_entry_has_an_example(knowledge):
    bare = [e.label for group in knowledge.verbs.values() for e in group if not e.examples]
    assert bare == []


def test_every_example_is_coded_by_its_own_entry(report):
    failures = [(f.entry, f.example, f.expected, f.got, f.others) for f in report.failures]
    assert failures == []
    assert len(report.checks) >= 500


def test_examples_reach_every_root_and_at_least_150_specific_codes(report):
    covered = report.covered
    assert {c[:2] for c in covered} == {f"{n:02d}" for n in range(1, 21)}
    assert len([c for c in covered if len(c) >= 3]) >= 150


def knowledge_copy(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(str(resources.files("tidings.knowledge")), folder,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


def test_a_wrong_example_fails_the_check_and_names_the_entry(tmp_path, monkeypatch):
    folder = knowledge_copy(tmp_path)
    verbs = folder / "verbs.tsv"
    # an entry whose example codes something else: 'praise' is 051, not the stated 111
    row = "\t".join(["laud", "VERB", "051", "", "", "", "", "obj", "", "111: Brazil lauded Argentina on Monday."])
    verbs.write_text(verbs.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_KNOWLEDGE", str(folder))
    result = CliRunner().invoke(cli, ["lexicon"], obj={}, catch_exceptions=False)
    assert result.exit_code == 1
    assert "FAIL" in result.output and "laud -> 051" in result.output and "expected 111" in result.output
    assert "BRA->ARG 051" in result.output  # what the entry did code


def test_an_example_with_an_unknown_code_is_refused_on_load(tmp_path):
    folder = knowledge_copy(tmp_path)
    verbs = folder / "verbs.tsv"
    row = "\t".join(["laud", "VERB", "051", "", "", "", "", "obj", "", "999: Brazil lauded Argentina."])
    verbs.write_text(verbs.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="example code '999'"):
        load_knowledge(folder)


def test_a_missing_knowledge_folder_says_what_to_do(tmp_path):
    with pytest.raises(KnowledgeError, match="knowledge folder not found"):
        load_knowledge(tmp_path / "nowhere")
