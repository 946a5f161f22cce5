"""Shared fixtures. The real English pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed" / "eirns-2021-12-15-xi-putin.txt"


def fixture_articles() -> list[tuple[Path, Path]]:
    """(article file, expectations file) for every golden fixture."""
    out = []
    for expected in sorted(FIXTURES.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        article = next(p for p in FIXTURES.iterdir() if p.stem == stem and p.suffix in (".txt", ".html"))
        out.append((article, expected))
    return out


@pytest.fixture(scope="session")
def knowledge():
    from tidings.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def pipeline(knowledge):
    from tidings.pipeline import Pipeline

    return Pipeline(knowledge=knowledge)


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def blank_vocab_doc():
    """Build a spaCy Doc by hand: words, heads (absolute indices), deps, pos, lemmas."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab

    def build(words, heads, deps, pos, lemmas=None, ents=None):
        return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos,
                   lemmas=lemmas or [w.lower() for w in words], ents=ents)
    return build


@pytest.fixture(scope="session")
def extracted(pipeline):
    """Every golden fixture extracted once: {file name: record dict}."""
    out = {}
    for article, _ in fixture_articles():
        results = list(pipeline.run([str(article)]))
        assert len(results) == 1
        out[article.name] = results[0].to_dict()
    return out


@pytest.fixture(scope="session")
def sample_records(pipeline):
    from tidings.cli import sample_corpus_path

    return [r.to_dict() for r in pipeline.run([sample_corpus_path()])]


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
