"""The knowledge files: well formed, consistent, and in line with the public reference tables."""

import datetime as dt
import re
from collections import defaultdict

import pytest

from conftest import SHARED

REFERENCE = SHARED / "reference"


def test_cameo_table_covers_every_root_and_derives_quad_class(knowledge):
    roots = {c for c in knowledge.cameo if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for code, entry in knowledge.cameo.items():
        root = int(code[:2])
        assert entry.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4), code
        assert -10 <= entry.goldstein <= 10


@pytest.mark.skipif(not (REFERENCE / "cameo_codes.tsv").exists(), reason="../shared/reference is not here")
def test_cameo_table_agrees_with_the_reference_table(knowledge):
    rows = (REFERENCE / "cameo_codes.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    reference = {r["code"]: r for r in (dict(zip(header, line.split("\t"))) for line in rows[1:] if line)}
    assert set(reference) == set(knowledge.cameo)
    quad = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}
    for code, ref in reference.items():
        ours = knowledge.cameo[code]
        assert ours.quad_class == quad[ref["quad_class"]], code
        if ref["goldstein"]:  # the reference has no GDELT weight for 1213; ours takes its siblings'
            assert ours.goldstein == float(ref["goldstein"]), code


@pytest.mark.skipif(not (REFERENCE / "cameo_to_plover.txt").exists(), reason="../shared/reference is not here")
def test_plover_types_agree_with_the_reference_mapping(knowledge):
    mapping = {}
    for line in (REFERENCE / "cameo_to_plover.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            mapping.setdefault(m.group(1), set()).add(m.group(2))
    checked = 0
    for code, types in mapping.items():
        if code in knowledge.cameo and knowledge.cameo[code].plover_type:
            assert knowledge.cameo[code].plover_type in types, code
            checked += 1
    assert checked > 250


@pytest.mark.skipif(not (REFERENCE / "cameo_to_plover.txt").exists(), reason="../shared/reference is not here")
def test_plover_modes_and_contexts_agree_with_the_reference_mapping(knowledge):
    # the reference's lines read "CODE: TYPE, mode, context[; context] # name"
    checked = 0
    for line in (REFERENCE / "cameo_to_plover.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not m or m.group(1) not in knowledge.cameo:
            continue
        ours = knowledge.cameo[m.group(1)]
        mode = m.group(3).strip() or None
        contexts = {c.strip() for c in m.group(4).split(";") if c.strip()}
        if m.group(1) == "175":
            # the reference puts the context pro_autocracy in the mode column; we keep it a context
            assert ours.plover_mode is None and set(ours.plover_context.split(";")) == contexts | {mode}
        else:
            assert ours.plover_mode == mode, m.group(1)
            assert set(filter(None, (ours.plover_context or "").split(";"))) == contexts, m.group(1)
        checked += 1
    assert checked > 250


def test_every_lexicon_row_names_a_known_code_and_target(knowledge):
    entries = [e for es in knowledge.verbs.values() for e in es]
    assert len(entries) > 100
    roots = {e.code[:2] for e in entries}
    assert len(roots) == 20 or roots >= {"02", "03", "04", "05", "11", "12", "13"}
    for e in entries:
        assert e.code in knowledge.cameo
        assert all(t in ("obj", "poss", "iobj", "place", "clause", "swap") or t.startswith("prep:")
                   for t in e.targets), e.label


def test_countries_and_organisations_have_unique_codes(knowledge):
    assert len(knowledge.countries) >= 249
    for code in ("CHN", "RUS", "USA", "GBR", "FRA", "SUN", "YUG", "KSV"):
        assert code in knowledge.countries
    assert {"IGOUNO", "IGOWSTNAT", "IGOEUREEC"} <= set(knowledge.organisations)


def test_terms_do_not_overlap_for_the_big_offices(knowledge):
    """One head of state per country at a time for the P5 (acting holders aside)."""
    by_slot = defaultdict(list)
    for t in knowledge.terms:
        if t.country in ("USA", "CHN", "RUS", "GBR", "FRA") and t.office == "head_of_state":
            by_slot[t.country].append(t)
    for country, terms in by_slot.items():
        terms.sort(key=lambda t: t.start)
        for a, b in zip(terms, terms[1:]):
            assert a.end is not None and a.end <= b.start, (country, a.person, b.person)


@pytest.mark.parametrize("country, office, day, person", [
    ("USA", "head_of_state", dt.date(2019, 6, 1), "Donald Trump"),
    ("USA", "head_of_state", dt.date(2022, 6, 1), "Joe Biden"),
    ("CHN", "head_of_state", dt.date(2021, 12, 15), "Xi Jinping"),
    ("RUS", "head_of_government", dt.date(2009, 6, 1), "Vladimir Putin"),
    ("GBR", "head_of_government", dt.date(2022, 10, 1), "Liz Truss"),
])
def test_office_holders_on_a_date(knowledge, country, office, day, person):
    assert [t.person for t in knowledge.holders(country, office, day)] == [person]


def test_knowledge_files_name_their_sources():
    from importlib import resources

    folder = resources.files("tidings.knowledge")
    for name in ("countries.tsv", "offices.tsv", "officials.tsv", "people.tsv", "organisations.tsv", "agents.tsv",
                 "cameo_events.tsv", "verbs.tsv", "regions.tsv"):
        head = (folder / name).read_text(encoding="utf-8").splitlines()[:12]
        assert head[0].startswith("#"), name


def test_regions_name_known_countries_and_never_a_country(knowledge):
    assert len(knowledge.regions) >= 1000
    country_names = {n.lower() for c in knowledge.countries.values() for n in (c.name, *c.aliases)}
    per_country = defaultdict(set)
    for region in knowledge.regions:
        assert region.country in knowledge.countries
        assert region.phrases(), region  # every row can be matched somehow
        for name in region.names:
            assert name.lower() not in country_names, name
            assert name not in per_country[region.country], (name, region.country)
            per_country[region.country].add(name)
    # a name unsafe alone is only taken with its kind word: "Plateau state", never "plateau"
    plateau = next(r for r in knowledge.regions if r.names[0] == "Plateau" and r.country == "NGA")
    assert not plateau.alone and "Plateau" not in plateau.phrases() and "Plateau state" in plateau.phrases()
