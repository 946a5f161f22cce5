"""Knowledge tidings wrote: countries, office-holders with their dates,
organisations, agent words, CAMEO event codes and the verb lexicon.

Each concept lives in one TSV file beside this module, with '#' comment lines
that say where its facts come from. :func:`load_knowledge` reads them all once;
the :class:`Knowledge` object is then passed to the stages that need it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError
from .layer import LayerEntry, read_layer

__all__ = ["Knowledge", "Country", "Term", "Organisation", "CameoCode", "VerbEntry", "Region", "load_knowledge"]

GOVERNING_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    iso2: str | None
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True, slots=True)
class Term:
    """One continuous term of one person in one office."""

    person: str
    aliases: tuple[str, ...]
    country: str
    office: str
    title: str
    start: dt.date
    end: dt.date | None
    code: str | None = None  # people.tsv: the code itself (RUSOPP), not an office

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One lexicon entry: a lemma, the conditions it needs, the code it gives."""

    lemma: str
    pos: str  # VERB or NOUN
    code: str
    objects: frozenset[str]  # direct-object lemmas required (empty: any)
    preps: frozenset[str]  # a prepositional child required (empty: none required)
    modifiers: frozenset[str]  # a lemma required somewhere under the trigger
    particle: str | None
    targets: tuple[str, ...]  # where the target is found: obj, prep:with, poss, ...
    line: int
    # sentences this entry codes, with the code each gets (checked by ``tidings lexicon``)
    examples: tuple[tuple[str, str], ...] = ()

    @property
    def specificity(self) -> int:
        return bool(self.objects) + bool(self.preps) + bool(self.modifiers) + bool(self.particle)

    @property
    def label(self) -> str:
        parts = [self.lemma]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("obj=" + "|".join(sorted(self.objects)))
        if self.modifiers:
            parts.append("mod=" + "|".join(sorted(self.modifiers)))
        if self.preps:
            parts.append("prep=" + "|".join(sorted(self.preps)))
        return f"verbs.tsv:{self.line} {' '.join(parts)} -> {self.code}"


@dataclass(frozen=True, slots=True)
class Region:
    """A region inside one country ("Tigray", "Borno state"): a place, never an actor."""

    names: tuple[str, ...]
    country: str
    kind: str  # the word news puts after it: state, province, region, oblast ...
    alone: bool  # the bare name is safe; otherwise only "NAME KIND" ("Plateau state") is taken

    def phrases(self) -> set[str]:
        """Every way the text may name it: 'Plateau state', 'Plateau State', and the bare name if safe."""
        out = set()
        for name in self.names:
            if self.alone:
                out.add(name)
            if self.kind and not name.lower().endswith(self.kind.lower()):
                out.update({f"{name} {self.kind.lower()}", f"{name} {self.kind.title()}"})
        return out


@dataclass(slots=True)
class Knowledge:
    countries: dict[str, Country]
    terms: list[Term]
    organisations: dict[str, Organisation]
    agents: dict[str, str]  # lower-case word -> sector code
    cameo: dict[str, CameoCode]
    verbs: dict[tuple[str, str], list[VerbEntry]]
    layer: list[LayerEntry] = field(default_factory=list)  # the user's names, over the built-in ones
    terms_by_person: dict[str, list[Term]] = field(default_factory=dict)
    persons_by_alias: dict[str, list[str]] = field(default_factory=dict)
    layer_by_text: dict[tuple[str, str], list[LayerEntry]] = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    region_phrases: dict[str, frozenset[str]] = field(default_factory=dict)  # phrase -> its countries

    def __post_init__(self) -> None:
        by_person: dict[str, list[Term]] = defaultdict(list)
        by_alias: dict[str, set[str]] = defaultdict(set)
        # a short name that is also a country's name ("Montenegro" for Luís Montenegro) names the country
        places = {n for c in self.countries.values() for n in (c.name, *c.aliases, *c.capitals)}
        for term in self.terms:
            by_person[term.person].append(term)
            for alias in (term.person, *term.aliases):
                if alias in places and alias != term.person:
                    continue
                by_alias[alias].add(term.person)
        self.terms_by_person = dict(by_person)
        self.persons_by_alias = {k: sorted(v) for k, v in by_alias.items()}
        by_text: dict[tuple[str, str], list[LayerEntry]] = defaultdict(list)
        for entry in self.layer:
            by_text[(entry.kind, entry.text)].append(entry)
        self.layer_by_text = dict(by_text)
        # a phrase two countries' regions share ("Punjab") keeps both, for the text to decide
        by_phrase: dict[str, set[str]] = defaultdict(set)
        for region in self.regions:
            for phrase in region.phrases():
                by_phrase[phrase].add(region.country)
        self.region_phrases = {k: frozenset(v) for k, v in by_phrase.items()}

    def layer_code(self, kind: str, text: str, on: dt.date) -> LayerEntry | None:
        """The user layer's code for ``text`` on the day ``on``: a dated entry first, else an undated one."""
        entries = self.layer_by_text.get((kind, text.lower()), [])
        dated = [e for e in entries if (e.start or e.end) and e.valid_on(on)]
        undated = [e for e in entries if not (e.start or e.end)]
        return (dated or undated or [None])[0]

    def holders(self, country: str, office: str, on: dt.date) -> list[Term]:
        """Who held ``office`` in ``country`` on the day ``on``."""
        return [t for t in self.terms if t.country == country and t.office == office and t.holds_on(on)]

    def terms_on(self, person: str, on: dt.date) -> list[Term]:
        return [t for t in self.terms_by_person.get(person, []) if t.holds_on(on)]


def _rows(path: Path | resources.abc.Traversable) -> list[tuple[int, dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise KnowledgeError(f"{path}: no rows; the file must have a header row and data rows")
    header = lines[0][1].split("\t")
    rows = []
    for n, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise KnowledgeError(f"{path}:{n}: {len(cells)} cells for {len(header)} columns; remove stray tabs")
        cells += [""] * (len(header) - len(cells))
        rows.append((n, {h: c.strip() for h, c in zip(header, cells)}))
    return rows


EXAMPLE_CODE = re.compile(r"^(\d{2,4}):\s*")


def _examples(cell: str, code: str, cameo: dict[str, CameoCode], where: str) -> tuple[tuple[str, str], ...]:
    """'Sentence || 0253: Sentence' -> ((code, sentence), ...); a prefix gives the code the example
    gets when it is not the entry's own (an intent, a theme, a refusal)."""
    out = []
    for part in cell.split("||"):
        part = part.strip()
        if not part:
            continue
        m = EXAMPLE_CODE.match(part)
        this = m.group(1) if m else code
        if this not in cameo:
            raise KnowledgeError(f"{where}: example code {this!r} is not a CAMEO code in cameo_events.tsv")
        out.append((this, part[m.end():] if m else part))
    return tuple(out)


def _multi(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _date(cell: str, where: str) -> dt.date | None:
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell[:10])
    except ValueError:
        raise KnowledgeError(f"{where}: {cell!r} is not a YYYY-MM-DD date") from None


def load_knowledge(folder: str | Path | None = None, *, layer: str | Path | None = None) -> Knowledge:
    """Read every knowledge file from ``folder`` (default: the package's own), and the user layer
    at ``layer`` when that file exists."""
    base = Path(folder) if folder else resources.files(__name__)
    if folder and not Path(folder).is_dir():
        raise KnowledgeError(f"{folder}: knowledge folder not found; give a folder holding a copy of every "
                             "file in tidings/knowledge/, or unset the knowledge setting")

    countries: dict[str, Country] = {}
    for n, r in _rows(base / "countries.tsv"):
        where = f"countries.tsv:{n}"
        countries[r["code"]] = Country(
            code=r["code"], iso2=r.get("iso2") or None, name=r["name"], aliases=_multi(r.get("aliases", "")),
            adjectives=_multi(r.get("adjectives", "")), capitals=_multi(r.get("capitals", "")),
            seats=_multi(r.get("seats", "")), valid_from=_date(r.get("valid_from", ""), where),
            valid_to=_date(r.get("valid_to", ""), where))

    terms: list[Term] = []
    office_rows = [("offices.tsv", n, r) for n, r in _rows(base / "offices.tsv")]
    if (base / "officials.tsv").is_file():
        office_rows += [("officials.tsv", n, r) for n, r in _rows(base / "officials.tsv")]
    for name, n, r in office_rows:
        where = f"{name}:{n}"
        start = _date(r["start"], where)
        if start is None:
            raise KnowledgeError(f"{where}: a term needs a start date")
        terms.append(Term(person=r["person"], aliases=_multi(r.get("aliases", "")), country=r["country"],
                          office=r["office"], title=r.get("title", ""), start=start,
                          end=_date(r.get("end", ""), where)))

    if (base / "people.tsv").is_file():
        for n, r in _rows(base / "people.tsv"):
            where = f"people.tsv:{n}"
            code = r["code"]
            terms.append(Term(person=r["person"], aliases=_multi(r.get("aliases", "")), country=code[:3],
                              office="role", title="", start=_date(r.get("start", ""), where) or dt.date(1900, 1, 1),
                              end=_date(r.get("end", ""), where), code=code))

    organisations: dict[str, Organisation] = {}
    for _, r in _rows(base / "organisations.tsv"):
        organisations[r["code"]] = Organisation(code=r["code"], name=r["name"], aliases=_multi(r.get("aliases", "")),
                                                type=(r.get("type") or "IGO").upper(),
                                                country=r.get("country") or None)

    agents: dict[str, str] = {}
    for _, r in _rows(base / "agents.tsv"):
        for word in _multi(r["words"]):
            agents.setdefault(word.lower(), r["sector"])

    cameo: dict[str, CameoCode] = {}
    for n, r in _rows(base / "cameo_events.tsv"):
        try:
            cameo[r["code"]] = CameoCode(code=r["code"], name=r["name"], goldstein=float(r["goldstein"]),
                                         quad_class=int(r["quad_class"]), plover_type=r["plover_type"] or None,
                                         plover_mode=r["plover_mode"] or None,
                                         plover_context=r["plover_context"] or None)
        except ValueError as exc:
            raise KnowledgeError(f"cameo_events.tsv:{n}: {exc}") from None

    verbs: dict[tuple[str, str], list[VerbEntry]] = defaultdict(list)
    for n, r in _rows(base / "verbs.tsv"):
        if r["code"] not in cameo:
            raise KnowledgeError(f"verbs.tsv:{n}: code {r['code']!r} is not a CAMEO code in cameo_events.tsv")
        entry = VerbEntry(lemma=r["lemma"].lower(), pos=r["pos"].upper() or "VERB", code=r["code"],
                          objects=frozenset(_multi(r.get("object", "").lower())),
                          preps=frozenset(_multi(r.get("prep", "").lower())),
                          modifiers=frozenset(_multi(r.get("modifier", "").lower())),
                          particle=r.get("particle", "").lower() or None,
                          targets=_multi(r.get("target", "")) or ("obj",), line=n,
                          examples=_examples(r.get("example", ""), r["code"], cameo, f"verbs.tsv:{n}"))
        verbs[(entry.lemma, entry.pos)].append(entry)
    for entries in verbs.values():
        entries.sort(key=lambda e: (-e.specificity, e.line))
    regions: list[Region] = []
    if (base / "regions.tsv").is_file():
        for n, r in _rows(base / "regions.tsv"):
            if r["country"] not in countries:
                raise KnowledgeError(f"regions.tsv:{n}: country {r['country']!r} is not a code in countries.tsv")
            regions.append(Region(names=_multi(r["names"]), country=r["country"], kind=r.get("kind", ""),
                                  alone=r.get("alone", "").lower() == "yes"))
    user = read_layer(layer) if layer and Path(layer).is_file() else []
    return Knowledge(countries=countries, terms=terms, organisations=organisations, agents=agents,
                     cameo=cameo, verbs=dict(verbs), layer=user, regions=regions)
