"""Actors: find who is named in a parsed article and resolve each mention to a
CAMEO actor code, aware of the article's date.

Order of the steps (``ActorResolver.resolve``):
1. Match the knowledge's names over the tokens: countries (names, adjectives,
   capitals, seats of power), office-holders, organisations, agent words and
   titles. Overlapping matches keep the longest.
2. Compose noun phrases: a title or adjective before a name ("Chinese President
   Xi Jinping"), a country with an agent ("Russian police", "China's foreign
   ministry" → RUSCOP, CHNGOV), a person with a government word ("the Biden
   Administration" → USAGOV).
3. Tell places from actors: a capital, seat or country that only says where
   something happened ("in Moscow", "the Beijing Winter Olympics") is a place.
4. Resolve people by date: in office on the article's date → COUNTRY+GOV,
   out of office → COUNTRY+ELI.
5. Resolve references: titles without names ("the Chinese leader"), pronouns
   ("he" → the last person in subject position), groups ("the two countries"
   → the two states most named so far).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..knowledge import GOVERNING_OFFICES, Knowledge, Term
from ..records import ActorMention

__all__ = ["ActorResolver", "ResolvedActor", "ActorAnalysis", "TITLE_OFFICES", "LOCATIVE_PREPS"]

# Title words → the office they name. "leader" is resolved separately.
TITLE_OFFICES = {
    "president": "head_of_state", "king": "head_of_state", "queen": "head_of_state",
    "emperor": "head_of_state", "emir": "head_of_state", "sultan": "head_of_state", "monarch": "head_of_state",
    "supreme leader": "head_of_state", "crown prince": "head_of_government",
    "prime minister": "head_of_government", "premier": "head_of_government", "chancellor": "head_of_government",
    "pm": "head_of_government",
    "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister", "minister of foreign affairs": "foreign_minister",
    "top diplomat": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defence secretary": "defence_minister", "defense secretary": "defence_minister",
    "secretary of defense": "defence_minister", "minister of defence": "defence_minister",
    "minister of defense": "defence_minister",
    "leader": "leader", "head of state": "head_of_state", "head of government": "head_of_government",
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "comrade"}
FORMER = {"former", "ex", "ex-", "late", "then", "ousted", "deposed", "toppled", "exiled", "jailed"}
# Verbs of going: their destination ("flew to Washington", "returned to Tehran", "visit Pyongyang",
# "left the Elysee") is a place, not the government acting.
MOTION_VERBS = {"fly", "travel", "go", "come", "return", "head", "move", "send", "deploy", "arrive", "sail",
                "drive", "walk", "rush", "dispatch", "relocate", "flee", "bring", "take", "invite", "welcome",
                "advance", "march", "converge", "push", "withdraw", "retreat", "evacuate", "fire", "launch"}
DESTINATION_VERBS = {"visit", "tour", "leave", "enter", "reach", "storm", "besiege", "shell", "bomb", "strike",
                     "flee", "invade", "occupy", "capture", "seize", "encircle"}
# Nouns whose "from" names who acted, not where: "a rebuke from Beijing", "pressure from Washington".
ACT_NOUNS = {"rebuke", "criticism", "protest", "protests", "pressure", "response", "support", "aid", "call",
             "calls", "statement", "warning", "condemnation", "request", "demand", "demands", "threat", "threats",
             "reaction", "retaliation", "backing", "approval", "objection", "objections", "complaint", "offer",
             "invitation", "envoy", "delegation", "visitors", "officials", "message", "letter", "help"}
# Nouns of places inside a city: "Cairo's Tahrir Square", "Beirut's airport".
LOCATION_NOUNS = {"square", "airport", "station", "street", "streets", "district", "port", "suburb", "suburbs",
                  "outskirts", "centre", "center", "neighbourhood", "neighborhood", "hospital", "market", "stadium",
                  "university", "skyline", "harbour", "harbor", "metro", "subway", "province", "region", "ruins",
                  "residents", "mayor", "city", "downtown", "old city", "embassy", "compound", "mosque", "church",
                  "temple", "shrine", "camp", "base", "palace", "hotel", "building"}
# Words that, after "the", point back to the last organisation or group: "the alliance", "the bloc".
ORG_REFERENCES = {"alliance": "IGO", "bloc": "IGO", "body": "IGO", "organisation": "IGO", "organization": "IGO",
                  "agency": "IGO", "union": "IGO", "council": "IGO", "group": "GROUP", "movement": "GROUP",
                  "militia": "GROUP", "militants": "GROUP", "party": "GROUP"}
# Armed men and crowds with no flag belong where they are: "Gunmen massacred villagers in Nigeria's Plateau
# state" is Nigeria's armed men against its civilians, whatever country the article named before.
LOCAL_AGENT_WORDS = {"gunmen", "militants", "fighters", "insurgents", "attackers", "assailants", "jihadists",
                     "soldiers", "villagers", "residents", "activists", "workers", "students", "farmers",
                     "authorities", "officials", "legislators", "judges", "rioters", "strikers", "unions",
                     "separatists", "kidnappers", "bandits", "officers", "troopers", "teachers", "doctors",
                     "journalists", "protestors", "mob", "mobs", "youths", "opposition supporters", "guards",
                     "jailers", "pirates", "gangs", "gangsters", "smugglers", "traffickers", "looters", "rebels",
                     "protesters", "demonstrators", "civilians", "men", "inmates", "prisoners", "detainees",
                     "truckers", "drivers", "worshippers", "members",
                     # one armed man: "a gunman shot Slovak Prime Minister Robert Fico in Handlova"
                     "gunman", "militant", "attacker", "assailant", "insurgent", "jihadist", "kidnapper",
                     "sniper", "bomber", "bombers"}
# Agent words that, without a country word, take the country the sentence is about:
# "Abhisit said the government would not back down", "Koizumi told parliament".
CONTEXT_AGENT_WORDS = {"government", "administration", "cabinet", "parliament", "legislature", "congress", "senate",
                       "military", "army", "troops", "forces", "police", "opposition", "protesters",
                       "demonstrators", "rebels", "court", "prosecutors", "lawmakers", "ministry",
                       "civilians"} | LOCAL_AGENT_WORDS
# Nouns whose "of"-phrase names a place: "the city of Gao", "the province of Sulu".
SETTLEMENT_NOUNS = {"city", "town", "village", "province", "region", "district", "state", "port", "capital",
                    "island", "islands", "county", "municipality", "governorate", "department", "area"}
# Prepositions whose object names where something happened, not who acted.
LOCATIVE_PREPS = {"in", "at", "near", "across", "throughout", "inside", "within", "outside", "around",
                  "from", "into", "through", "via", "towards", "toward"}
GROUP_NOUNS = {"countries": "STATE", "nations": "STATE", "states": "STATE", "sides": "STATE",
               "delegations": "STATE", "teams": "STATE", "capitals": "STATE",
               "governments": "STATE", "neighbours": "STATE", "neighbors": "STATE",
               "leaders": "PERSON", "presidents": "PERSON", "heads": "PERSON", "ministers": "PERSON"}
GROUP_WORDS = {"two", "both"}
_ROLE_STEM = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes", "advisor": "advis",
              "adviser": "advis"}
# Role nouns that, after "the", point back to the last person named with them.
ROLE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "minister", "envoy", "ambassador", "diplomat",
              "official", "president", "premier", "chancellor", "secretary", "prosecutor", "commissioner",
              "governor", "general", "commander", "senator", "speaker", "adviser", "advisor"}
PRONOUNS = {"he", "she", "him", "her"}
# Words that may refer back to an actor named before (see ActorResolver._references).
CANDIDATE_WORDS = PRONOUNS | {"it", "they"} | set(GROUP_NOUNS) | set(ORG_REFERENCES) | CONTEXT_AGENT_WORDS | ROLE_NOUNS
# Agent sectors that stand for the state's executive: "Biden administration" → USAGOV.
GOV_SECTORS = {"GOV"}
JUST_ENDED = dt.timedelta(days=31)
_COUNTRY_KINDS = {"country", "adjective", "capital", "seat"}
_NOT_PEOPLE = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_PRIORITY = ("user", "uagent", "person", "org", "country", "seat", "capital", "adjective", "title", "agent",
             "region")


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """An actor mention with its tokens; a group ("the two countries") has members."""

    mention: ActorMention
    start: int  # token span
    end: int
    head: int
    members: tuple[ActorMention, ...] = ()
    dep: str = ""  # dependency label of the head token: subjects are the salient antecedents

    @property
    def codes(self) -> tuple[ActorMention, ...]:
        return self.members or (self.mention,)


@dataclass(frozen=True, slots=True)
class ActorAnalysis:
    actors: tuple[ResolvedActor, ...]
    place_spans: tuple[tuple[int, int, str], ...]  # token spans of places and the country code known for them
    by_token: dict[int, ResolvedActor]

    def at(self, token: Token) -> ResolvedActor | None:
        return self.by_token.get(token.i)

    def mentions(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        for actor in self.actors:
            out.extend(actor.codes)
        return out


@dataclass(frozen=True, slots=True)
class _Match:
    kind: str  # country, adjective, capital, seat, person, org, agent, title
    key: str
    span: Span


class ActorResolver:
    """Resolves actor mentions in Docs; build once per process and reuse."""

    def __init__(self, knowledge: Knowledge, make_doc, locate=None) -> None:
        # make_doc: str -> Doc (nlp.make_doc); locate: place name -> CAMEO country or None (the
        # gazetteer), for agents that take the country of the town they act in
        self.kb = knowledge
        self.locate = locate
        sample = make_doc("x")
        self.names = PhraseMatcher(sample.vocab, attr="ORTH")
        self.words = PhraseMatcher(sample.vocab, attr="LOWER")

        def add(matcher: PhraseMatcher, label: str, phrases: set[str]) -> None:
            docs = [make_doc(p) for p in sorted(phrases) if p.strip()]
            if docs:
                matcher.add(label, docs)

        for c in knowledge.countries.values():
            add(self.names, f"country|{c.code}", {c.name, *(_strip_the(a) for a in c.aliases)})
            add(self.names, f"adjective|{c.code}", set(c.adjectives))
            add(self.names, f"capital|{c.code}", set(c.capitals))
            add(self.names, f"seat|{c.code}", {_strip_the(s) for s in c.seats})
        for alias in knowledge.persons_by_alias:
            add(self.names, f"person|{alias}", {alias})
        for o in knowledge.organisations.values():
            add(self.names, f"org|{o.code}", {o.name, *(_strip_the(a) for a in o.aliases)})
        for word, sector in knowledge.agents.items():
            add(self.words, f"agent|{sector}", {word})
        # regions are places: a name in two countries ("Punjab") keeps both, for the text to decide
        for phrase, codes in knowledge.region_phrases.items():
            add(self.names, f"region|{','.join(sorted(codes))}", {phrase})
        for word, office in TITLE_OFFICES.items():
            add(self.words, f"title|{office}", {word})
        # the user layer, matched without regard to case, wins over the built-in names
        for kind, text in knowledge.layer_by_text:
            add(self.words, f"{'user' if kind == 'actor' else 'uagent'}|{text}", {text})

    # -- step 1 ---------------------------------------------------------------
    def _matches(self, doc: Doc, day: dt.date) -> list[_Match]:
        spans: list[Span] = []
        for matcher in (self.names, self.words):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                kind, key = label.split("|", 1)
                if kind in _COUNTRY_KINDS and not _valid_on(self.kb.countries[key], day):
                    continue  # "Moscow" in 2021 is Russia's capital, not the Soviet Union's
                if kind == "person" and end - start == 1 and doc[start].ent_type_ in _NOT_PEOPLE:
                    continue  # "on Friday" is a day, whoever is called Friday
                if kind == "person" and end - start == 1 and start > 0 and \
                        doc[start - 1].lower_ in ("in", "at", "near", "outside", "across", "around"):
                    continue  # "in Lagos" is the city, not the former Chilean president
                if kind == "person" and start > 1 and doc[start - 1].lower_ == "of" and \
                        doc[start - 2].lower_ in SETTLEMENT_NOUNS:
                    continue  # "the northern city of Gao" is the city, not China's former minister
                if kind == "adjective" and start > 0 and doc[start].lower_.startswith("american") and \
                        doc[start - 1].lower_ in ("south", "latin", "central", "north", "pan", "native"):
                    continue  # "South American leaders" are of a continent, not the United States
                if kind == "person" and _part_of_longer_name(doc, start, end):
                    continue  # "Zhang" in "Zhang Weiming" is not the Zhang the knowledge knows
                if kind in ("user", "uagent") and self.kb.layer_code("actor" if kind == "user" else "agent",
                                                                    key, day) is None:
                    continue  # no code of the user's on this date: the built-in names decide
                spans.append(Span(doc, start, end, label=label))
        # Where matches overlap the longest wins; of equal ones, the kind earlier in _PRIORITY.
        spans.sort(key=lambda s: _PRIORITY.index(s.label_.split("|", 1)[0]))
        kept = filter_spans(spans)
        out = []
        for s in kept:
            kind, key = s.label_.split("|", 1)
            if kind == "uagent":  # a user's agent word acts as any agent word, with the user's sector
                kind, key = "agent", self.kb.layer_code("agent", key, day).code
            out.append(_Match(kind, key, span=s))
        return out

    # -- steps 2 to 5 ---------------------------------------------------------
    def resolve(self, doc: Doc, published: dt.date | None) -> ActorAnalysis:
        day = published or dt.date.today()  # undated text: who holds office now
        matches = self._matches(doc, day)
        by_start = {m.span.start: m for m in matches}
        actors: list[ResolvedActor] = []
        places: list[tuple[int, int, str]] = []
        used: set[int] = set()

        for m in matches:
            if m.span.start in used:
                continue
            made = self._compose(doc, m, by_start, day, actors)
            if made is None:
                continue
            if isinstance(made, tuple):
                places.append(made)
                continue
            actors.append(made)
            used.update(range(made.start, made.end))

        actors = _consistent_people(actors)
        references, surnames = self._references(doc, actors, used, day, matches, places)
        # A family name first seen on an unknown person with a role means that person later on
        actors = [_as_surname(a, surnames) for a in actors] + references
        actors.sort(key=lambda a: a.start)
        by_token: dict[int, ResolvedActor] = {}
        for actor in actors:
            for i in range(actor.start, actor.end):
                by_token.setdefault(i, actor)
        return ActorAnalysis(actors=tuple(actors), place_spans=tuple(places), by_token=by_token)

    def _compose(self, doc: Doc, m: _Match, by_start: dict[int, _Match], day: dt.date,
                 so_far: list[ResolvedActor]) -> ResolvedActor | tuple[int, int, str] | None:
        span = m.span
        if m.kind == "person":
            return self._person(doc, m, by_start, day, so_far)
        if m.kind == "user":
            entry = self.kb.layer_code("actor", m.key, day)
            code = entry.code
            country = code[:3] if code[:3] in self.kb.countries else None
            kind = ("IGO" if code.startswith("IGO") else "NGO" if code.startswith("NGO") else
                    "STATE" if len(code) == 3 else "AGENT" if country else "GROUP")
            dates = f" {entry.start or '…'} to {entry.end or '…'}" if entry.start or entry.end else ""
            return _actor(doc, span.start, span.end, span.root.i, code, span.text, kind, country,
                          f"user layer {entry.source}: {m.key!r} -> {code}{dates}")
        if m.kind == "org":
            org = self.kb.organisations[m.key]
            if span.start > 0 and doc[span.start - 1].lower_ == "national" and org.type == "IGO":
                return None  # "National Security Council" is no UN body
            start = _extend_the(doc, span.start)
            if org.type == "NATIONAL":  # the Bundestag, the IRGC, the CIA: a country's agent
                country = org.country or org.code[:3]
                return _actor(doc, start, span.end, span.root.i, org.code, org.name, "AGENT", country,
                              f"national body {org.name!r}")
            return _actor(doc, start, span.end, span.root.i, org.code, org.name, org.type, org.country,
                          f"organisation {org.name!r}")
        if m.kind == "region":
            codes = m.key.split(",")
            if len(codes) > 1:
                # "Pakistan's Punjab", "Indian Punjab": the country named just before decides
                before = [b for b in by_start.values() if b.kind in ("country", "adjective")
                          and b.span.end in (span.start, span.start - 1) and b.key in codes]
                codes = [before[0].key] if before else [""]
            return (span.start, span.end, codes[0])
        if m.kind in ("adjective", "country"):
            country = self.kb.countries[m.key]
            composed = self._with_role(doc, m, by_start, day, country.code, so_far)
            if composed is not None:
                return composed
            if m.kind == "adjective" and len(span) == 1 and span.text.endswith("s") and \
                    span.root.pos_ in ("NOUN", "PROPN") and span.root.dep_ != "compound":
                # "Thousands of Iranians took to the streets", "Israelis demonstrated": the people
                return _actor(doc, span.start, span.end, span.root.i, country.code + "CVL",
                              f"{country.name} people", "AGENT", country.code, f"the people of {country.name}: "
                              f"{span.text!r}")
            if m.kind == "adjective":
                return None  # "Chinese trade", "Sino-Russian relations": no actor
            if _is_locative(span) or _is_destination(span):
                return (span.start, span.end, country.code)  # "in Ukraine", "sent troops to Mali"
            if _inside_a_name(span):
                return None  # "the Ukraine Facility", "the China-ROK Year of Friendly Exchanges"
            # A country name before a common noun owns it ("the U.S. sanctions"); a capital there
            # names a place ("the Beijing Winter Olympics"), see below.
            return _actor(doc, span.start, span.end, span.root.i, country.code, country.name, "STATE",
                          country.code, f"country name {span.text!r}")
        if m.kind in ("capital", "seat"):
            country = self.kb.countries[m.key]
            composed = self._with_role(doc, m, by_start, day, country.code, so_far)
            if composed is not None:
                return composed
            if _is_locative(span) or _modifies_noun(span) or not _acts(span) or _is_destination(span) \
                    or _owns_a_location(span):
                return (span.start, span.end, country.code)
            start = _extend_the(doc, span.start)
            what = "seat of power" if m.kind == "seat" else "capital"
            return _actor(doc, start, span.end, span.root.i, country.code + "GOV", f"{country.name} government",
                          "STATE", country.code, f"{what} {span.text!r} used for the government of {country.name}")
        return None  # agents and titles on their own are resolved later, in context

    def _with_role(self, doc: Doc, m: _Match, by_start: dict[int, _Match], day: dt.date, country: str,
                   so_far: list[ResolvedActor]) -> ResolvedActor | None:
        """A country word with a title or agent after it: 'Chinese President', 'Russia's police'."""
        span = m.span
        i = span.end
        partner = by_start.get(i + 1) if i + 1 < len(doc) and doc[i].lower_ in ("and", "&") else None
        if partner is not None and partner.kind in ("adjective", "country") and m.kind in ("adjective", "country"):
            # "Russian and Ukrainian delegations": each country with the role that follows both
            second = self._with_role(doc, partner, by_start, day, partner.key, so_far)
            if second is not None and second.mention.type == "AGENT":
                sector = second.mention.code[len(partner.key):]
                start = _extend_the(doc, span.start)
                text_span = doc[start:second.end]
                mentions = tuple(
                    ActorMention(text=text_span.text, start=text_span.start_char, end=text_span.end_char,
                                 code=c + sector, name=f"{self.kb.countries[c].name} {doc[second.head].text}",
                                 type="AGENT", country=c,
                                 reason=f"coordinated {span.text!r} and {partner.span.text!r} + agent "
                                        f"{doc[second.head].text!r} ({sector})")
                    for c in (country, partner.key))
                return ResolvedActor(mention=mentions[0], start=start, end=second.end, head=second.head,
                                     members=mentions, dep=_role(doc[second.head]))
        if i < len(doc) and doc[i].tag_ == "POS":  # "China's"
            i += 1
        # skip adjectives and compounds between: "Russian state media", "China's foreign ministry"
        j = i
        while j < len(doc) and j - i <= 3:
            nxt = by_start.get(j)
            if nxt is not None and nxt.kind in ("title", "agent", "person", "org"):
                break
            if doc[j].pos_ not in ("ADJ", "NOUN", "PROPN") or doc[j].ent_type_ in ("GPE", "PERSON"):
                return None
            j += 1
        nxt = by_start.get(j)
        if nxt is None:
            return None
        start = _extend_the(doc, span.start)
        former = _is_former(doc, start)
        if nxt.kind == "person":
            return None  # the person match takes the adjective in as its title
        if nxt.kind == "title":
            after = by_start.get(nxt.span.end)
            if after is not None and after.kind == "person":
                return None  # "Chinese President Xi Jinping": the person takes the words in
            term = self._office_holder(country, nxt.key, day, so_far)
            end = nxt.span.end
            if term is None:
                return _actor(doc, start, end, nxt.span.root.i, country + ("ELI" if former else "GOV"),
                              f"{self.kb.countries[country].name} {nxt.span.text}", "PERSON", country,
                              f"title {nxt.span.text!r} of {country}; holder on {day} unknown")
            return _person_actor(doc, start, end, nxt.span.root.i, term, former, day,
                                 f"title {nxt.span.text!r} of {country}: {term.person} held "
                                 f"{term.office} from {term.start}")
        if nxt.kind == "org" and self.kb.organisations[nxt.key].type == "IGO":
            role = by_start.get(nxt.span.end)
            if role is not None and role.kind in ("agent", "title"):
                # "Russia's UN ambassador": the country's agent at the organisation
                sector = role.key if role.kind == "agent" else "GOV"
                return _actor(doc, start, role.span.end, role.span.root.i, country + sector,
                              f"{self.kb.countries[country].name} {role.span.text}", "AGENT", country,
                              f"{span.text!r} + {nxt.span.text!r} {role.span.text!r} ({sector})")
            # "the Russian Security Council": a national body that shares an international one's name
            return _actor(doc, start, nxt.span.end, nxt.span.root.i, country + "GOV",
                          f"{self.kb.countries[country].name} {nxt.span.text}", "AGENT", country,
                          f"{span.text!r} + {nxt.span.text!r}: a national body, not the international one")
        if nxt.kind == "agent":
            sector = nxt.key
            if nxt.span.root.lower_ in ("embassy", "consulate", "mission", "headquarters") and \
                    _is_locative(doc[start:nxt.span.end]):
                return None  # "rallied outside the Chinese embassy": a place
            return _actor(doc, start, nxt.span.end, nxt.span.root.i, country + sector,
                          f"{self.kb.countries[country].name} {nxt.span.text}", "AGENT", country,
                          f"{span.text!r} + agent {nxt.span.text!r} ({sector})")
        return None

    def _office_holder(self, country: str, office: str, day: dt.date,
                       so_far: list[ResolvedActor]) -> Term | None:
        if office == "leader":
            # The person of this country already named wins; otherwise the head of government
            # where the head of state is a monarch or ceremonial, else the head of state.
            for actor in reversed(so_far):
                if actor.mention.type == "PERSON" and actor.mention.country == country and \
                        actor.mention.code.endswith("GOV"):
                    terms = [t for t in self.kb.terms_by_person.get(actor.mention.name, ()) if t.holds_on(day)]
                    if terms:
                        return terms[0]
            hos = self.kb.holders(country, "head_of_state", day)
            hog = self.kb.holders(country, "head_of_government", day)
            if hos and hog and hos[0].person != hog[0].person and hos[0].title.lower() not in ("president",
                                                                                               "supreme leader"):
                return hog[0]
            return (hos or hog or [None])[0]
        holders = self.kb.holders(country, office, day)
        return holders[0] if holders else None

    def _person(self, doc: Doc, m: _Match, by_start: dict[int, _Match], day: dt.date,
                so_far: list[ResolvedActor]) -> ResolvedActor | None:
        span = m.span
        candidates = self.kb.persons_by_alias.get(m.key, [])
        person = self._pick_person(candidates, day, so_far)
        if person is None:
            return None
        # titles, honorifics and country words before the name belong to the mention
        start = span.start
        while start > 0:
            prev = doc[start - 1]
            match = _match_ending_at(by_start, start)
            if match is not None and match.kind in ("title", "adjective", "country"):
                start = match.span.start
                continue
            if prev.lower_ in HONORIFICS or (prev.tag_ == "POS" and start >= 2):
                start -= 1
                continue
            break
        start = _extend_the(doc, start)
        former = _is_former(doc, start)
        end = span.end
        agent = by_start.get(end)
        if agent is None and end < len(doc) and doc[end].tag_ == "POS":
            agent = by_start.get(end + 1)
        org_role = _org_before(doc, by_start, span.start, self.kb)
        if org_role is not None:
            # "IAEA chief Mohamed ElBaradei", "EU envoy Enrique Mora": acting for the organisation
            org, role_start = org_role
            return _actor(doc, role_start, span.end, span.root.i, org.code, person, "PERSON", org.country,
                          f"{person}, {doc[role_start:span.start].text!r}: acts for {org.name}")
        terms = self.kb.terms_on(person, day)
        term = _main_term(terms) or _main_term(self.kb.terms_by_person[person])
        titled = any(m.kind == "title" for m in _matches_within(by_start, start, span.start))
        role = so_far[-1] if so_far else None
        if role is not None and span.root.dep_ == "appos" and role.start <= span.root.head.i < role.end \
                and role.mention.type == "PERSON" and not role.members:
            # "China's top diplomat, Yang Jiechi,": the title before the comma is this person's
            titled = True
            m_ = role.mention
            so_far[-1] = ResolvedActor(
                mention=ActorMention(text=m_.text, start=m_.start, end=m_.end, code=m_.code, name=person,
                                     type=m_.type, country=m_.country,
                                     reason=f"title {m_.text!r} named in apposition: {person}"),
                start=role.start, end=role.end, head=role.head, dep=role.dep)
        if agent is not None and agent.kind == "agent" and agent.key in GOV_SECTORS:
            return _actor(doc, start, agent.span.end, agent.span.root.i, term.country + "GOV",
                          f"{self.kb.countries[term.country].name if term.country in self.kb.countries else term.country} government",
                          "AGENT", term.country, f"{person}'s {agent.span.text}: {term.country} government")
        in_office = bool(terms) and not former
        reason = (f"{person}: {term.title or term.office} of {term.country} from {term.start}"
                  + (f" to {term.end}" if term.end else "") + (f", in office on {day}" if in_office else
                                                               f", not in office on {day}"))
        # A title for someone whose office ended days ago is the old one ("Outgoing President Lee");
        # long after, it names an office the knowledge lacks ("China's top diplomat, Yang Jiechi")
        ended = any(t.end is not None and t.end <= day < t.end + JUST_ENDED and t.office in GOVERNING_OFFICES
                    for t in self.kb.terms_by_person.get(person, ()))
        if not in_office and titled and not former and not ended:
            # "Greek Prime Minister Kyriakos Mitsotakis": the text names the office; where the
            # knowledge lacks that term, the article's own words win over an assumed elite
            in_office = True
            reason += f"; the text gives the title ({doc[start:span.start].text!r})"
        return _person_actor(doc, start, end, span.root.i, term, not in_office, day, reason)

    def _pick_person(self, candidates: list[str], day: dt.date, so_far: list[ResolvedActor]) -> str | None:
        if len(candidates) == 1:
            return candidates[0]
        named = [a.mention.name for a in so_far if a.mention.type == "PERSON"]
        for name in reversed(named):
            if name in candidates:
                return name
        serving = [p for p in candidates if self.kb.terms_on(p, day)]
        return serving[0] if len(serving) == 1 else None

    def _references(self, doc: Doc, actors: list[ResolvedActor], used: set[int], day: dt.date,
                    matches: list[_Match], places: list[tuple[int, int, str]]
                    ) -> tuple[list[ResolvedActor], dict[str, ResolvedActor]]:
        """Pronouns, bare titles and groups, resolved against the actors before them."""
        found: list[ResolvedActor] = []
        timeline = sorted(actors, key=lambda a: a.start)
        surnames: dict[str, ResolvedActor] = {}
        agents_at = {m.span.end - 1: m.key for m in matches if m.kind == "agent"}
        agent_start = {m.span.end - 1: m.span.start for m in matches if m.kind == "agent"}
        for ent in doc.ents:
            # A person the knowledge does not know, named with a role: "Chinese Foreign Ministry
            # spokesman Wang Wenbin", "Mao Ning, a spokeswoman for the Chinese foreign ministry".
            if ent.label_ != "PERSON" or any(t.i in used for t in ent):
                continue
            role = _role_of(ent, timeline)
            if role is None:
                continue
            m = role.mention
            actor = _actor(doc, ent.start, ent.end, ent.root.i, m.code, ent.text, "PERSON", m.country,
                           f"unknown person {ent.text!r} with role {m.text!r} ({m.code})")
            found.append(actor)
            used.update(range(ent.start, ent.end))
            if len(ent) > 1:
                # later mentions by family name, which comes last or (Chinese, Korean names) first
                surnames.setdefault(ent[-1].text, actor)
                surnames.setdefault(ent[0].text, actor)
        for token in doc:
            if token.i in used:
                continue
            low = token.lower_
            if not (low in CANDIDATE_WORDS or token.text in surnames or token.i in agents_at):
                continue  # most tokens refer to nothing: skip the look-back
            before = sorted([a for a in timeline + found if a.end <= token.i], key=lambda a: a.start)
            if token.text in surnames and token.pos_ == "PROPN" and surnames[token.text].start < token.i:
                m = surnames[token.text].mention
                found.append(_actor(doc, token.i, token.i + 1, token.i, m.code, m.name, m.type, m.country,
                                    f"surname {token.text!r} -> {m.name} ({m.text!r} at {m.start})"))
            elif low in ORG_REFERENCES and token.i > 0 and doc[token.i - 1].lower_ in ("the", "world") \
                    and token.pos_ == "NOUN":
                start = token.i - 1 if doc[token.i - 1].lower_ == "the" else token.i - 2
                if doc[token.i - 1].lower_ == "world" and low == "body":
                    org = self.kb.organisations.get("IGOUNO")
                    if org is not None:  # "the world body" is the United Nations
                        found.append(_actor(doc, start, token.i + 1, token.i, org.code, org.name, org.type, None,
                                            "'the world body' is the United Nations"))
                    continue
                want = ORG_REFERENCES[low]
                window = _previous_sentence_start(token)
                window = _previous_sentence_start(doc[window]) if window > 0 else 0
                for actor in reversed(before):
                    m = actor.mention
                    if actor.start >= window and not actor.members and (
                            m.type == want or (want == "GROUP" and m.type in ("GROUP", "NGO", "IGO"))):
                        found.append(_actor(doc, start, token.i + 1, token.i, m.code, m.name, m.type, m.country,
                                            f"'{doc[start:token.i + 1].text}' -> {m.name} ({m.text!r} at {m.start})"))
                        break
            elif low in CONTEXT_AGENT_WORDS and token.pos_ in ("NOUN", "PROPN") and token.i in agents_at \
                    and agent_start[token.i] not in used \
                    and not (agent_start[token.i] > 0 and doc[agent_start[token.i] - 1].text == "-") \
                    and not any(t.i in used for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")
                                for t in c.subtree) \
                    and not _from_a_country(token, places):
                # "Islamic State militants", "al Shabaab fighters": the named group is the actor
                # "Beijing urged the new government": a government spoken to is another country's;
                # "Koizumi told parliament", "forces fired at protesters": the country's own
                bound = _clause_subjects(token) if token.dep_ in ("dobj", "pobj", "dative") and \
                    agents_at[token.i] == "GOV" else set()
                sent = token.sent
                in_places = [(s, c) for s, e, c in places if sent.start <= s < sent.end and c]
                local = low in LOCAL_AGENT_WORDS
                country = None
                if local:
                    # where they act, a country named as where counting too: "in Pakistan's southwest"
                    here = sorted(in_places + [(a.start, a.mention.country) for a in timeline
                                               if sent.start <= a.start < sent.end and a.mention.type == "STATE"
                                               and a.mention.country and names_where(doc[a.head])]
                                  # "in the Ukrainian town of Bucha": a nationality word on the place
                                  + [(m.span.start, m.key) for m in matches if m.kind == "adjective"
                                     and sent.start <= m.span.start < sent.end
                                     and m.span.root.head.lower_ in SETTLEMENT_NOUNS
                                     and names_where(m.span.root.head)])
                    country = _country_named_at(doc, *here[0]) if here else None
                country = country or _article_country([a for a in before if a.head not in bound])
                if country is None:
                    # first thing in the article: the country its sentence names later
                    country = _article_country([a for a in actors if sent.start <= a.start < sent.end
                                                and a.start > token.i])
                if country is None:
                    # no country named yet: the place the sentence is set in ("demonstrators marched
                    # through Barcelona")
                    here = in_places
                    if not here and local and self.locate is not None:
                        # or a town the gazetteer knows: "Rebels attacked a base near the city of Gao"
                        here = [(t.i, c) for t in sent if t.pos_ == "PROPN" and t.i not in used and
                                (t.ent_type_ in ("GPE", "LOC") or (t.i > 1 and t.nbor(-1).lower_ == "of" and
                                                                  t.nbor(-2).lower_ in SETTLEMENT_NOUNS))
                                and (c := self.locate(t.text))][:1]
                    if not here and local:
                        # or the one nationality the sentence gives: "Gunmen killed the mayor of the
                        # Ecuadorean port city of Manta"
                        nations = [m for m in matches
                                   if m.kind == "adjective" and sent.start <= m.span.start < sent.end]
                        if len({m.key for m in nations}) == 1:
                            here = [(nations[0].span.start, nations[0].key)]
                    if here:
                        country = _country_named_at(doc, *here[0])
                if country is not None:
                    sector = agents_at[token.i]
                    start = agent_start[token.i]
                    start = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
                    found.append(_actor(doc, start, token.i + 1, token.i, country.country + sector,
                                        f"{self.kb.countries[country.country].name} {token.text}"
                                        if country.country in self.kb.countries else token.text, "AGENT",
                                        country.country, f"agent {token.text!r} ({sector}) of {country.country}, "
                                                         f"the country of {country.text!r} at {country.start}"))
            elif low in ROLE_NOUNS and token.i > 1 and doc[token.i - 1].lower_ in FORMER and \
                    doc[token.i - 2].lower_ == "the":
                # "the former president's supporters": the last person named with that role, out of office
                role = _ROLE_STEM.get(low, low)
                for actor in reversed(before):
                    m = actor.mention
                    context = doc[max(0, actor.start - 4):actor.end].text.lower() + " " + m.reason.lower()
                    if m.type == "PERSON" and m.country and role in context and not actor.members:
                        found.append(_actor(doc, token.i - 2, token.i + 1, token.i, m.country + "ELI", m.name,
                                            "PERSON", m.country, f"'the former {token.text}' -> {m.name}"))
                        break
            elif low in ROLE_NOUNS and token.i > 0 and doc[token.i - 1].lower_ == "the":
                # "the spokesman said": the last person named with that role
                role = _ROLE_STEM.get(low, low)
                for actor in reversed(before):
                    context = doc[max(0, actor.start - 4):actor.end].text.lower() + " " + actor.mention.reason.lower()
                    if actor.mention.type == "PERSON" and role in context and not actor.members:
                        m = actor.mention
                        found.append(_actor(doc, token.i - 1, token.i + 1, token.i, m.code, m.name, m.type,
                                            m.country, f"'the {token.text}' -> {m.name} ({m.text!r} at {m.start})"))
                        break
            elif low == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PRON":
                # "China said it would retaliate": the last state or organisation in subject position,
                # within this sentence or the one before; "it" with no such antecedent stays unresolved
                near = [a for a in before if a.mention.type in ("STATE", "IGO", "AGENT", "NGO", "GROUP")
                        and not a.members and a.dep in ("nsubj", "nsubjpass")
                        and a.start >= _previous_sentence_start(token)]
                if near:
                    m = near[-1].mention
                    found.append(_actor(doc, token.i, token.i + 1, token.i, m.code, m.name, m.type, m.country,
                                        f"pronoun 'it' -> {m.name} ({m.text!r} at {m.start})"))
            elif low == "they" and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PRON":
                # "Britain and Canada said they could impose sanctions": the coordinated subject before,
                # within this sentence or the one before; a lone plural stays unresolved
                window = _previous_sentence_start(token)
                subjects = [a for a in before if a.start >= window and not a.members
                            and a.dep in ("nsubj", "nsubjpass")]
                if subjects:
                    head = doc[subjects[-1].head]
                    group = [a for a in before if a.start >= window and not a.members
                             and (a is subjects[-1] or doc[a.head] in head.conjuncts)]
                    if len(group) >= 2:
                        names = " and ".join(a.mention.name for a in group)
                        mentions = tuple(ActorMention(text=token.text, start=token.idx,
                                                      end=token.idx + len(token.text), code=a.mention.code,
                                                      name=a.mention.name, type=a.mention.type,
                                                      country=a.mention.country,
                                                      reason=f"pronoun 'they' -> {names}")
                                         for a in group)
                        found.append(ResolvedActor(mention=mentions[0], start=token.i, end=token.i + 1,
                                                   head=token.i, members=mentions))
            elif low in PRONOUNS and token.pos_ == "PRON":
                # "Pompeo met Cavusoglu and warned him": an object pronoun is not its clause's subject
                bound = _clause_subjects(token) if token.dep_ in ("dobj", "pobj", "dative", "iobj") else set()
                target = _salient_person([a for a in before if a.head not in bound])
                if target is not None:
                    m = target.mention
                    found.append(_actor(doc, token.i, token.i + 1, token.i, m.code, m.name, m.type, m.country,
                                        f"pronoun {token.text!r} -> {m.name} ({m.text!r} at {m.start})"))
            elif low in GROUP_NOUNS and token.i > 0 and any(t.lower_ in GROUP_WORDS for t in token.lefts):
                kind = GROUP_NOUNS[low]
                members = _group_members(before, kind, {c: k.name for c, k in self.kb.countries.items()})
                if len(members) == 2:
                    start = min(t.i for t in token.lefts if t.dep_ in ("det", "nummod", "predet", "amod")) \
                        if any(t.dep_ in ("det", "nummod", "predet", "amod") for t in token.lefts) else token.i
                    text_span = doc[start:token.i + 1]
                    mentions = tuple(ActorMention(text=text_span.text, start=text_span.start_char,
                                                  end=text_span.end_char, code=m.code, name=m.name, type=m.type,
                                                  country=m.country,
                                                  reason=f"group {text_span.text!r} -> {members[0].name} and "
                                                         f"{members[1].name}, the two most named")
                                     for m in members)
                    found.append(ResolvedActor(mention=mentions[0], start=start, end=token.i + 1, head=token.i,
                                               members=mentions))
                    used.update(range(start, token.i + 1))
        return found, surnames


def _consistent_people(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    """One person, one code within an article: where the text gives someone an office the
    knowledge lacks ("China's top diplomat, Yang Jiechi"), their later mentions ("Yang") keep it."""
    in_office = {a.mention.name: a.mention for a in actors
                 if a.mention.type == "PERSON" and "the text gives the title" in a.mention.reason}
    out = []
    for a in actors:
        m = a.mention
        first = in_office.get(m.name)
        if first is not None and m.type == "PERSON" and m.code != first.code and m.code.endswith("ELI"):
            m = ActorMention(text=m.text, start=m.start, end=m.end, code=first.code, name=m.name, type=m.type,
                             country=m.country, reason=f"{m.name}, given an office earlier in the article "
                                                       f"({first.text!r} at {first.start})")
            a = ResolvedActor(mention=m, start=a.start, end=a.end, head=a.head, members=a.members, dep=a.dep)
        out.append(a)
    return out


def _part_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    token = doc[start]
    if token.ent_type_ != "PERSON" or end - start > 1:
        return False
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    return ent is not None and len(ent) > 1


def _as_surname(actor: ResolvedActor, surnames: dict[str, ResolvedActor]) -> ResolvedActor:
    first = surnames.get(actor.mention.text)
    if first is None or first.start >= actor.start or actor.mention.type != "PERSON":
        return actor
    m = first.mention
    doc_mention = actor.mention
    return ResolvedActor(mention=ActorMention(text=doc_mention.text, start=doc_mention.start, end=doc_mention.end,
                                              code=m.code, name=m.name, type=m.type, country=m.country,
                                              reason=f"surname {doc_mention.text!r} -> {m.name} ({m.text!r} at "
                                                     f"{m.start}), named earlier in the article"),
                         start=actor.start, end=actor.end, head=actor.head, dep=actor.dep)


def _valid_on(country, day: dt.date) -> bool:
    return (country.valid_from is None or country.valid_from <= day) and \
        (country.valid_to is None or day <= country.valid_to)


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _extend_the(doc: Doc, start: int) -> int:
    return start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start


def _is_former(doc: Doc, start: int) -> bool:
    return any(doc[i].lower_ in FORMER for i in range(max(0, start - 2), start))


# Words for the head or agent of an organisation, between its name and a person's:
# "UN Secretary-General Antonio Guterres", "IAEA chief Mohamed ElBaradei", "EU envoy Enrique Mora".
ORG_ROLE_WORDS = {"chief", "head", "secretary-general", "secretary", "general", "director-general", "director",
                  "president", "chairman", "chairwoman", "chair", "envoy", "spokesman", "spokeswoman",
                  "spokesperson", "representative", "commissioner", "prosecutor", "coordinator", "negotiator",
                  "-", "high", "special", "managing", "executive", "deputy", "boss", "leader"}


def _org_before(doc: Doc, by_start: dict[int, _Match], name_start: int, kb: Knowledge):
    """An organisation named just before a person's role words: (organisation, start of the phrase)."""
    i = name_start
    while i > 0 and doc[i - 1].lower_ in ORG_ROLE_WORDS:
        i -= 1
    if i == name_start:
        return None
    for m in by_start.values():
        if m.kind == "org" and m.span.end == i:
            org = kb.organisations[m.key]
            if org.type in ("IGO", "NGO", "GROUP"):
                return org, m.span.start
    return None


def _matches_within(by_start: dict[int, _Match], start: int, end: int) -> list[_Match]:
    return [m for i, m in by_start.items() if start <= i and m.span.end <= end]


def _match_ending_at(by_start: dict[int, _Match], end: int) -> _Match | None:
    for m in by_start.values():
        if m.span.end == end:
            return m
    return None


def _main_term(terms: list[Term]) -> Term | None:
    if not terms:
        return None
    order = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3}
    return sorted(terms, key=lambda t: (order.get(t.office, 9), -t.start.toordinal()))[0]


def _person_actor(doc: Doc, start: int, end: int, head: int, term: Term, out_of_office: bool,
                  day: dt.date, reason: str) -> ResolvedActor:
    if term.code:
        # people.tsv: an opposition leader, a militant chief, a journalist. Out of their dates they are
        # still named by the last role they had ("the killing of journalist Jamal Khashoggi"); ELI is
        # CAMEO's code for former officials, which these are not
        return _actor(doc, start, end, head, term.code, term.person, "PERSON", term.country, reason)
    if term.office == "igo_head":
        # the head of an international organisation acts for it; out of office, a private elite
        code = "ELI" if out_of_office else term.country
        return _actor(doc, start, end, head, code, term.person, "PERSON", None, reason)
    code = term.country + ("ELI" if out_of_office else "GOV")
    return _actor(doc, start, end, head, code, term.person, "PERSON", term.country, reason)


def _actor(doc: Doc, start: int, end: int, head: int, code: str, name: str, type_: str,
           country: str | None, reason: str) -> ResolvedActor:
    span = doc[start:end]
    mention = ActorMention(text=span.text, start=span.start_char, end=span.end_char, code=code, name=name,
                           type=type_, country=country, reason=reason)
    return ResolvedActor(mention=mention, start=start, end=end, head=head, dep=_role(doc[head]))


def _role(token: Token) -> str:
    while token.dep_ in ("compound", "appos", "conj", "flat") and token.head is not token:
        token = token.head
    return token.dep_


def _is_locative(span: Span) -> bool:
    root = span.root
    head = root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        prep = head.head
        if prep.lower_ == "from" and (prep.head.lemma_.lower() in ACT_NOUNS or any(
                c.dep_ == "dobj" and c.lemma_.lower() in ACT_NOUNS for c in prep.head.children)):
            return False  # "a sharp rebuke from Beijing", "drawing a rebuke from Beijing": who acted
        if prep.lower_ in ("toward", "towards") and prep.head.pos_ in ("NOUN", "PROPN"):
            return False  # "policy toward North Korea"
        return True
    # "the road to Moscow"; but "a warning to Iran", "aid to Ukraine" are aimed at a party
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.pos_ == "NOUN" and \
        head.head.head.lemma_.lower() not in ACT_NOUNS | {"warning", "message", "aid", "assistance", "threat"}


_NAMED_THINGS = {"EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "ORG"}


def _inside_a_name(span: Span) -> bool:
    """A country word that is part of a longer proper name: a programme, a fund, a treaty."""
    doc = span.doc
    for ent in doc.ents:
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span) and \
                ent.label_ in _NAMED_THINGS:
            return True
    root = span.root
    head = root.head
    while head.dep_ in ("compound", "nmod", "appos") and head.head is not head and head.head.i > head.i:
        head = head.head
    return root.dep_ in ("compound", "nmod", "npadvmod") and head.i >= span.end and head.pos_ == "PROPN" \
        and head.ent_type_ not in ("GPE", "NORP", "PERSON")


def _is_destination(span: Span) -> bool:
    head = span.root
    while head.dep_ in ("conj", "appos") and head.head is not head:
        head = head.head
    if head.dep_ == "dobj" and head.head.lemma_.lower() in DESTINATION_VERBS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in ("to", "for", "on", "into", "toward", "towards") and \
        head.head.head.lemma_.lower() in MOTION_VERBS


def _owns_a_location(span: Span) -> bool:
    root = span.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in LOCATION_NOUNS


def _modifies_noun(span: Span) -> bool:
    """'the Beijing Winter Olympics': a name used as a modifier of another noun."""
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end and root.head.tag_ != "POS"


def _acts(span: Span) -> bool:
    """A capital stands for its government only where it can act: subject, object, partner, possessor."""
    root = span.root
    head = root
    while head.dep_ in ("conj", "appos") and head.head is not head:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "attr", "iobj", "dative"):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "from":
        return not _is_locative(span)  # "drew a protest from Beijing"
    return head.dep_ == "pobj" and head.head.lower_ in ("with", "between", "against", "by", "to", "on", "for")


def _role_of(ent: Span, actors: list[ResolvedActor]) -> ResolvedActor | None:
    """An agent or state actor naming the role of an unknown person, just before the name or in
    apposition to it."""
    doc = ent.doc
    left = ent.start
    while left > 0 and doc[left - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[left - 1].ent_type_ != "PERSON":
        left -= 1
    for actor in actors:
        if left <= actor.start and actor.end <= ent.start and actor.mention.type in ("AGENT", "STATE") \
                and not actor.members:
            return actor
        if actor.end < ent.start and actor.mention.type in ("IGO", "NGO", "GROUP") and actor.end >= left - 1 \
                and all(t.lower_ in ORG_ROLE_WORDS for t in doc[actor.end:ent.start]):
            return actor  # "EU envoy Enrique Mora"
    for token in ent.root.children:
        if token.dep_ == "appos":
            for actor in actors:
                if token.left_edge.i <= actor.start and actor.end <= token.right_edge.i + 1 and \
                        actor.mention.type in ("AGENT", "STATE") and not actor.members:
                    return actor
    return None


def _previous_sentence_start(token: Token) -> int:
    sent = token.sent
    if sent.start == 0:
        return 0
    return token.doc[sent.start - 1].sent.start


def _country_named_at(doc: Doc, start: int, country: str) -> ActorMention:
    """The country of the place or nationality word at token ``start``, as the mention it came from."""
    word = doc[start:start + 1]
    return ActorMention(text=word.text, start=word.start_char, end=word.end_char, code=country, name=country,
                        type="STATE", country=country)


def _from_a_country(token: Token, places: list[tuple[int, int, str]]) -> bool:
    """'officials from Vietnam and Laos': the agents' countries are named; the events stage reads them."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of") and
               any(p.dep_ == "pobj" and any(s <= p.i < e and country for s, e, country in places)
                   for p in c.children)
               for c in token.children)


def names_where(token: Token) -> bool:
    """Whether a word names where something happens: "in Pakistan", "in Pakistan's southwest",
    "near Pakistan's Quetta"."""
    while token.dep_ in ("poss", "compound") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "across", "throughout", "inside", "within",
                                                          "near", "outside", "at")


def _article_country(before: list[ResolvedActor]) -> ActorMention | None:
    """The country the article is about so far: the most named, the first named of equals."""
    counts: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    for actor in before:
        m = actor.mention
        if m.country and not actor.members and m.type != "IGO":
            counts[m.country] += 1
            first.setdefault(m.country, m)
    if not counts:
        return None
    best = max(counts.values())
    return min((first[c] for c, n in counts.items() if n == best), key=lambda m: m.start)


def _clause_subjects(token: Token) -> set[int]:
    """Token indices of the subjects of the clause an object pronoun sits in, through infinitives:
    in "Obama called to congratulate him", "him" is not Obama."""
    verb = token.head
    while verb.dep_ in ("prep", "agent") and verb.head is not verb:
        verb = verb.head
    heads = {verb, *verb.conjuncts}
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
        verb = verb.head
        heads.update({verb, *verb.conjuncts})
    out = set()
    for h in heads:
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out.update(t.i for t in c.subtree)
    return out


def _salient_person(before: list[ResolvedActor]) -> ResolvedActor | None:
    people = [a for a in before if a.mention.type == "PERSON" and not a.members]
    if not people:
        return None
    for actor in reversed(people):
        if actor.dep in ("nsubj", "nsubjpass"):
            return actor
    return people[-1]


def _group_members(before: list[ResolvedActor], kind: str, names: dict[str, str]) -> list[ActorMention]:
    counts: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    for actor in before:
        for m in actor.codes:
            if kind == "STATE":
                key = m.country
                if m.type in ("IGO", "NGO", "GROUP") or not key:
                    continue
            else:
                if m.type != "PERSON":
                    continue
                key = m.name
            counts[key] += 1
            first.setdefault(key, m)
    top = [k for k, _ in counts.most_common(2)]
    top.sort(key=lambda k: first[k].start)
    if kind == "STATE":
        out = []
        for key in top:
            m = first[key]
            out.append(ActorMention(text=m.text, start=m.start, end=m.end, code=key, name=names.get(key, key),
                                    type="STATE",
                                    country=key, reason=m.reason))
        return out
    return [first[k] for k in top]
