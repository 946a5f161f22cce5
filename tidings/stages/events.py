"""Events: code who did what to whom in CAMEO, over spaCy's dependency parse.

For every token whose lemma has an entry in the verb and noun lexicon
(``knowledge/verbs.tsv``), in this order:
1. Pick the most specific entry whose conditions hold (object, preposition,
   modifier, particle).
2. Find the source: the subject, climbing through infinitives, participles and
   coordinated verbs to the clause that has one ("Talking with Putin, Xi noted"),
   or the ``by``-agent of a passive verb; and the target where the entry says
   (object, prepositional object, possessor of the object, the doer named in a
   relative clause on the object: "behaviour perpetrated by the Biden
   Administration", what was said, the matter discussed, a nationality word).
   A match that is part of another event is left to it (``_absorbed``): what is
   asked for, threatened, refused, promised or alleged; a nominal event under a
   light verb; the topic of a statement.
3. Read negation and modality: ``not``/``never``; refusals ("refused to sign",
   "ruled out", "will not") become CAMEO 12x rejections; intents, futures and
   obligations ("will visit", "plans to meet", "said it would") become the 03x
   intent codes, or for conflict the 13x threats; an act stopped is its ending;
   ``if`` marks hypotheticals; acts inside someone's reported speech are
   ``reported``. Appeals, demands, intents, rejections and protests take the
   branch of what they are about (``_theme``).
4. Date the event from a date expression in its clause, else the publication
   date; history recalled (over ten years before publication) is not coded.
5. Expand compound and group actors ("China and Russia", "the two countries")
   and reciprocal acts (talks, calls, agreements: both directions; a visit is
   hosted by its target) and drop events without a source or with source
   equal to target; of one act coded twice in a sentence, keep the finer code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..knowledge import Knowledge, VerbEntry
from ..records import ActorMention, DateRef, Event, Place, Span
from .actors import LOCATIVE_PREPS, ActorAnalysis, names_where

__all__ = ["EventCoder", "MODALITIES"]

MODALITIES = ("asserted", "reported", "intended", "future", "obligated", "possible", "hypothetical")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependencies to climb from a subject-less verb or noun to the clause that has its subject.
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "acl", "prep", "pobj", "dobj", "acomp"}
MAX_CLIMB = 6
SPEECH_VERBS = {"say", "tell", "note", "add", "stress", "state", "announce", "declare", "insist", "claim",
                "write", "report", "emphasize", "emphasise", "underline", "affirm", "point", "remark",
                "explain", "argue", "reiterate", "assert", "express", "warn"}
REFUSAL_VERBS = {"refuse", "decline", "reject", "fail"}
INTENT_VERBS = {"intend", "plan", "want", "wish", "hope", "hop", "seek", "aim", "pledge", "promise", "vow", "threaten",
                "agree", "decide", "prepare", "expect", "offer", "propose", "look", "consider"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
OBLIGATION_AUX = {"must", "should", "ought", "need"}
POSSIBLE_AUX = {"can", "could", "may", "might", "would", "ca"}
CONDITIONAL_MARKS = {"if", "unless"}
# Verbs whose clause is a guess: "did not expect Russia to deploy troops".
SPECULATIVE_VERBS = {"expect", "predict", "anticipate", "forecast", "speculate", "doubt", "imagine", "guess"}
# "would not hesitate to use force": the negation affirms the act.
DOUBLE_NEGATIVE_VERBS = {"hesitate"}
# CAMEO's codes for the intent to do an act, by code first and then by root.
# Intended or announced conflict is a threat (13x), by what is threatened: force (1381 blockade,
# 1382 occupation, 1383 unconventional violence, 1384 conventional attack, 1385 mass violence),
# sanctions and cut-offs (131x), repression (137), protest (133), ending talks or a presence (134-136).
INTENT_BY_CODE = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
                  "073": "0333", "074": "0334", "081": "0351", "0841": "0353", "084": "0353", "085": "0354",
                  "086": "0355", "087": "0356", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
                  "0834": "0344",
                  "040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "045": "039",
                  "046": "036", "057": "030", "051": "032", "052": "032", "055": "030", "056": "030",
                  "163": "1312", "161": "1313", "160": "131", "162": "1311", "1621": "1311", "1622": "1311",
                  "1623": "1311", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136",
                  "1663": "136", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
                  "174": "137", "173": "137", "171": "137", "175": "137", "191": "1381", "192": "1382",
                  "204": "1385", "2041": "1385", "2042": "1385"}
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
                  "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "1385"}
# Verbs whose infinitive is what they threaten: "threatened to launch strikes" is a threat of attack.
THREAT_VERBS = {"threaten", "vow", "warn"}
# Verbs that end the act under them, and what CAMEO codes for ending it: stopping aid is 162x,
# stopping trade an embargo (163), stopping cooperation or talks a reduction of relations.
STOPPING_VERBS = {"stop", "halt", "cease", "suspend", "end", "quit", "discontinue"}
STOPPED_BY_CODE = {"070": "162", "071": "1621", "072": "1622", "073": "1623", "074": "166", "061": "163",
                   "062": "161", "064": "161", "07": "162", "04": "164", "046": "164", "045": "165"}
# Acts whose announced non-performance ("will not ...") CAMEO codes as a rejection (12x).
REFUSABLE_ROOTS = {"03", "04", "05", "06", "07", "08"}
# CAMEO's refusal codes for the act refused.
REFUSAL_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSAL_BY_CODE = {"010": "011", "057": "127", "036": "125", "037": "127", "039": "126", "038": "126",
                   "045": "126", "046": "125", "061": "1211", "062": "1212", "063": "1213", "064": "121",
                   "070": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "081": "1241",
                   "0811": "1241", "0812": "1241", "0813": "1241", "0814": "1241", "082": "1242", "083": "123",
                   "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243", "0841": "1243",
                   "0842": "1243", "085": "1244", "086": "1245", "0861": "1245", "0862": "1245", "0863": "1245",
                   "087": "1246", "0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246"}
# Acts that CAMEO codes in both directions, and visit/host pairs.
RECIPROCAL = {"040", "041", "044", "046", "057", "019"}
MIRROR = {"042": "043", "043": "042", "074": "0861", "0861": "074"}
# With two sources and no target ("China and Russia agreed to deepen cooperation") each acts on the
# other only for cooperation and consultation; "the two leaders criticised ..." names no target.
MUTUAL_ROOTS = {"03", "04", "05", "06", "08"}
# Verbs that code the act themselves when a nominal event is their object or subject.
NOMINAL_GOVERNED = {"demand", "urge", "call", "seek", "propose", "want", "request", "ask", "appeal", "support",
                    "oppose", "push", "press", "broker", "mediate", "host", "offer", "rule", "reject", "refuse",
                    "threaten", "warn", "accuse", "blame", "deny",
                    # ending an agreement is the act, not the agreement: "revoked military cooperation agreements"
                    "revoke", "cancel", "terminate", "scrap", "abrogate", "annul", "renounce", "void"}
# Verbs of reaction to an act someone else did: "condemned a Russian drone attack", "welcomed the
# release of the hostages".
REACTION_VERBS = {"condemn", "denounce", "criticise", "criticize", "deplore", "decry", "slam", "welcome", "praise",
                  "hail", "applaud", "lament", "mourn", "regret", "protest"}
# Verbs for a toll, coded with the attack that caused it.
CASUALTY_VERBS = {"kill", "wound", "injure", "leave"}
# Natural disasters, whose displacement and destruction no actor does.
DISASTER_WORDS = {"flood", "floods", "flooding", "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon",
                  "drought", "wildfire", "wildfires", "tsunami", "landslide", "landslides", "eruption", "famine"}
# Nominal acts whose "from"-phrase names who sends them: "a donation of doses from China", "an
# offer of talks from Seoul", "pressure from Washington".
FROM_DOER_NOUNS = {"donation", "donations", "gift", "offer", "aid", "assistance", "support", "pressure", "rebuke",
                   "criticism", "condemnation", "request", "demand", "call", "invitation", "proposal", "warning",
                   "threat", "protest", "apology", "shipment", "delivery", "consignment", "loan", "grant"}
# Words for meeting in person, which in one side's own country is a visit.
MEETING_LEMMAS = {"meet", "confer", "meeting", "summit", "consult", "hold", "have"}
# Verbs that end a nominal negotiation: "talks collapsed", "walked out of talks", "talks broke down".
ENDED_BY = {"collapse", "break", "walk", "stall", "fail", "abandon", "suspend", "halt", "end", "pull", "quit",
            "withdraw", "leave"}
# Roots whose acts with no named target are aimed at the country where they happen: protest,
# coercion and (where a place is named) violence.
DOMESTIC_ROOTS = {"14", "17", "18", "19", "20"}
# Acts a government does to its own country when no one else is named: easing restrictions
# ("lifted the state of emergency"), giving way to demands (resigning, granting rights), promising
# reform, threatening emergency rule, putting police or troops on alert or on the streets.
DOMESTIC_CODES = {"081", "0811", "0812", "0813", "0814", "083", "0831", "0832", "0833", "0834",
                  "034", "0341", "0342", "0343", "0344", "1321", "1322", "1323", "1324", "137",
                  "123", "1231", "1232", "1233", "1234", "1241",
                  # a truce declared or protests called off with no one named: "ELN rebels declared a
                  # unilateral ceasefire", "unions called off the strike"
                  "0871", "082",
                  "151", "153", "154"}
# A military alert is aimed at a rival; at home only where the sentence places it there ("troops in
# the southern province of Sulu were placed on red alert").
PLACED_DOMESTIC_CODES = {"152"}
# Words for games: "clashed in a World Cup qualifier", "beat Argentina in the final".
SPORT_NOUNS = {"match", "qualifier", "final", "semi-final", "semifinal", "quarter-final", "quarterfinal", "game",
               "tournament", "championship", "league", "cup", "derby", "fixture", "friendly", "olympics",
               "race", "bout", "playoff", "play-off"}
# Roots of words and postures, which a state does not direct at itself ("Kenya's government denied
# that it had sent troops" is no denial aimed at Kenya); yielding at home (08) is another matter.
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}
# Sectors whose violence with no victim named, and no place, falls on their own country ("Egyptian
# police tortured a detained activist"); armies are left out, as they so often fight abroad.
HOME_SECTORS = {"COP", "UAF", "REB", "CRM", "JUD", "SPY", "OPP", "CVL", "GOV", "INS"}
# What explodes: "a car bomb exploded", "an explosive device went off".
BOMB_NOUNS = {"bomb", "bombs", "device", "devices", "explosive", "explosives", "ied", "ieds", "mine", "landmine",
              "bomber", "grenade", "car-bomb"}
# Verbs that put units somewhere, and the sectors of units a government deploys.
DEPLOYING_VERBS = {"deploy", "send", "dispatch", "mobilize", "mobilise", "station", "post", "place", "put"}
SECURITY_SECTORS = {"COP", "MIL"}
# Verbs that are mutual whatever their code: "the two countries exchanged strikes".
MUTUAL_LEMMAS = {"exchange", "trade", "clash", "battle", "skirmish"}


@dataclass(frozen=True, slots=True)
class _Found:
    entry: VerbEntry
    trigger: Token
    sources: list[ActorMention]
    targets: list[ActorMention]
    source_path: str
    target_path: str
    passive: bool


class EventCoder:
    def __init__(self, knowledge: Knowledge) -> None:
        self.kb = knowledge
        # "Qatari mediation", "imports of Ukrainian grain": a nationality word on a nominal event or
        # on the thing acted on names the country, where no actor is named
        self.nationalities = {adj.lower(): c.code for c in knowledge.countries.values() if c.valid_to is None
                              for adj in c.adjectives}

    def code(self, doc: Doc, analysis: ActorAnalysis, dates: list[DateRef], published: dt.date | None,
             places: list[tuple[Place, int]] = (), trace: list[str] | None = None) -> list[Event]:
        """The events of ``doc``. With ``trace``, every candidate and why it was kept or dropped is
        appended to it (``tidings explain``)."""
        events: list[Event] = []
        seen: set[tuple[str, str | None, str, int]] = set()
        for sent in doc.sents:
            if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
                if trace is not None:
                    trace.append(f"DROPPED the sentence {sent.text[:40]!r}...: a question reports no event")
                continue
            for token in sent:
                found = self._match(token, analysis)
                if found is None:
                    continue
                absorbed = self._absorbed(found, analysis)
                if absorbed:
                    if trace is not None:
                        trace.append(f"{found.trigger.text!r} (token {found.trigger.i}) matched {found.entry.label}"
                                     f"\n    DROPPED: {absorbed}")
                    continue
                if not found.targets and found.sources:
                    found = _target_from_context(found, events, sent, analysis)
                made = self._events(found, sent, dates, published, places, analysis)
                if trace is not None:
                    _trace(trace, found, made)
                for event in made:
                    # one act per sentence and pair of parties: "Putin will travel to Beijing for talks
                    # with Xi" is one intent to meet, whichever word says it (RUSGOV and RUS are one party)
                    key = (event.source.code, event.target.code if event.target else None, event.code, event.start)
                    if key in seen or any(_same_party(event.source.code, k[0]) and
                                          _same_party(key[1] or "", k[1] or "") and k[2:] == key[2:] for k in seen):
                        continue
                    seen.add(key)
                    events.append(event)
        return _without_residual_statements(events, trace)

    # -- steps 1 and 2 --------------------------------------------------------
    def _match(self, token: Token, analysis: ActorAnalysis) -> _Found | None:
        if token.pos_ in ("VERB", "AUX"):
            pos = "VERB"
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "NOUN"
        else:
            return None
        entries = self.kb.verbs.get((token.lemma_.lower(), pos)) or self.kb.verbs.get((token.lower_, pos))
        if not entries:
            return None
        if analysis.at(token) is not None:
            return None  # the word is part of an actor's name
        if pos == "NOUN" and _governed(token):
            return None  # "demanded urgent talks", "mediated a new round of talks": the verb codes the act
        for entry in entries:
            if not _conditions_hold(entry, token):
                continue
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
            if pos == "VERB" and token.dep_ == "acl" and any(c.dep_ == "agent" for c in token.children):
                passive = True  # "tanks supplied by the United States", "a deal mediated by the UAE"
            if pos == "NOUN":
                sources, spath = _noun_sources(token, analysis)
            elif passive:
                sources, spath = self._passive_sources(entry, token, analysis)
            else:
                sources, spath = _subject(token, analysis)
            targets, tpath = _targets(entry, token, analysis, passive)
            if "swap" in entry.targets:
                # "the move drew a rebuke from Paris", "Niger received drones from Turkey": the one
                # named in the phrase acts on the subject
                sources, targets, spath, tpath = targets, sources, tpath, spath
                if not targets:
                    # "Israel's strike sparked outrage", "remarks by Serbia's president provoked anger":
                    # whose the act drawing the reaction was
                    for c in token.children:
                        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                            targets, tpath = _noun_sources(c, analysis)
                            if not targets:
                                # "the flight of two U.S. bombers drew a protest from Beijing"
                                targets = _possessor(c, analysis) or _inner_actor(c, analysis)
                                tpath = f"inside the subject {c.text!r}"
            if pos == "NOUN" and not sources:
                sources = self._nationality(token)
                spath = "nationality word on the event" if sources else spath
            if not sources and pos == "VERB":
                sources = self._agent_in_place(token, analysis)
                spath = "agent word with the country it is in" if sources else spath
            things: list[Token] = []
            if not targets:
                # "sanctions on Iranian drone makers", "imports of Ukrainian grain"
                if "poss" in entry.targets or "obj" in entry.targets:
                    for o in _objects(token):
                        # the owner first: "seized the Russian assets of Danish brewer Carlsberg"
                        things.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                                      for p in c.children if p.dep_ == "pobj")
                        things.append(o)
                words = {w[5:] for w in entry.targets if w.startswith("prep:")}
                if words:
                    things.extend(p for t in _own_subtree(token) if t.dep_ in ("prep", "dative") and t.lower_ in words
                                  for p in t.children if p.dep_ == "pobj")
                for thing in things:
                    targets = self._nationality(thing)
                    if targets:
                        tpath = f"nationality word on {thing.text!r}"
                        break
            if not targets and pos == "VERB" and token.dep_ == "acl" and entry.code[:2] in ("06", "07"):
                # "doses donated by the United States landed in Manila": where what was given arrived
                verb = token.head.head
                if verb.pos_ in ("VERB", "AUX"):
                    targets = next((found for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                                    for p in c.children if p.dep_ == "pobj"
                                    if (found := [m for m in (_actors_at(p, analysis) or _country_of_place(p, analysis))
                                                  if all(not _same_party(m.code[:3], s_.code[:3]) for s_ in sources)])),
                                   [])
                    tpath = f"where what was given arrived ({verb.lemma_!r})" if targets else tpath
            if not targets:
                targets, tpath = _deep_target(entry, token, analysis, sources)
            if not targets and any(w.startswith("prep:") for w in entry.targets):
                # a nationality one level down the phrase: "acknowledged responsibility for the sinking of
                # an Indian fishing boat"
                targets, tpath = self._deep_nationality(things, sources)
            return _Found(entry, token, sources, targets, spath, tpath, passive)
        return None

    def _passive_sources(self, entry: VerbEntry, token: Token, analysis: ActorAnalysis
                         ) -> tuple[list[ActorMention], str]:
        """Who does a passive verb's act: its agent, else the first of the places the parser or the
        sentence leaves the doer in."""
        sources = _agent(token, analysis)
        if sources:
            return sources, "agent"
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        tries = [
            # the parser hangs the by-phrase on the object: "Ukraine was given a package of shells by
            # Denmark", "recognised as a state by Spain"
            ("by-phrase under the passive verb",
             lambda: next((found for t in _own_subtree(token) if t.dep_ in ("prep", "agent") and t.lower_ == "by"
                           and _within_phrase(t, token) for p in t.children if p.dep_ == "pobj"
                           if (found := _actors_at(p, analysis))), [])),
            # "a hospital was hit by Russian air strikes": the nationality of the means
            ("nationality word in the by-phrase",
             lambda: next((found for c in token.children if c.dep_ == "agent" for p in c.children
                           if p.dep_ == "pobj" if (found := self._nationality(p))), [])),
            # "Indian fishermen detained by Sri Lanka's navy were released": whoever held them
            ("the one who held the passive subject",
             lambda: next((found for c in subjects if (found := _doer_of(c, analysis))), [])
             if entry.code[:2] == "08" else []),
            # "was extradited from Paraguay to Brazil": the country it was sent from sent it
            ("the country it was sent from",
             lambda: next((found for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj"
                           if (found := _actors_at(p, analysis) or _country_of_place(p, analysis))), [])
             if entry.code in ("063", "174") else []),
            # "an agreement between Indonesia and the UAE was signed": the parties sign it
            ("the parties between whom the passive subject is",
             lambda: next((found for c in subjects for b in c.children if b.dep_ == "prep" and b.lower_ == "between"
                           for p in b.children if p.dep_ == "pobj" if len(found := _actors_at(p, analysis)) >= 2),
                          [])),
        ]
        for path, find in tries:
            sources = find()
            if sources:
                return sources, path
        return [], "agent"

    def _deep_nationality(self, things: list[Token], sources: list[ActorMention]
                          ) -> tuple[list[ActorMention], str]:
        for thing in things:
            for t in sorted(thing.subtree, key=lambda t: t.i):
                if t.i != thing.i and t.pos_ == "NOUN" and not _under_place_phrase(t, thing):
                    found = [m for m in self._nationality(t) if all(not _same_party(m.code, s.code[:3]) for s in sources)]
                    if found:
                        return found, f"nationality word on {t.text!r} inside {thing.text!r}"
        return [], ""

    def _roots_of(self, token: Token) -> set[str]:
        """The CAMEO roots the lexicon's verb entries for ``token``'s lemma can give."""
        return {e.code[:2] for e in self.kb.verbs.get((token.lemma_.lower(), "VERB"), ())}

    def _absorbed(self, found: _Found, analysis: ActorAnalysis) -> str | None:
        """Why this match is part of another event and is not coded on its own, or None."""
        trigger, code = found.trigger, found.entry.code
        if code[:2] == "10" and trigger.dep_ in ("advcl", "xcomp", "conj") and "14" in self._roots_of(trigger.head):
            return f"the demand is the aim of the protest {trigger.head.text!r}, which codes it"
        if found.entry.pos == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass"):
            head = self._match(trigger.head, analysis)
            if head is not None and head.entry.objects:
                return f"the object of {head.entry.label}, which codes it"
        if code[:2] in ("18", "19", "20") and trigger.dep_ in ("advcl", "conj") and trigger.tag_ == "VBG" and \
                trigger.lemma_.lower() in CASUALTY_VERBS and self._roots_of(trigger.head) & {"18", "19", "20"} \
                and self._match(trigger.head, analysis) is not None:
            # "hit a convoy with a roadside bomb, killing seven soldiers": the deaths are the attack's
            return f"the toll of the attack {trigger.head.text!r}, which codes it"
        if trigger.dep_ == "pcomp" and trigger.head.lower_ == "by" and trigger.head.head.pos_ in ("VERB", "AUX") \
                and (means := self._match(trigger.head.head, analysis)) is not None and means.entry.code == "196":
            # "violated the ceasefire by shelling the suburb": the means of the violation
            return f"the means of {trigger.head.head.text!r} (196), which codes it"
        if code[:2] in ("18", "19", "20") and any(t.lemma_.lower() in DISASTER_WORDS for t in _own_subtree(trigger)
                                                  if t.dep_ in ("pobj", "nsubj", "nsubjpass")):
            # "families displaced by the floods", "villages destroyed by the earthquake": nature, not force
            return "done by a natural disaster, not by an actor"
        alleged = _alleged_by(trigger)
        if alleged is not None:
            return f"an act alleged or denied by {alleged.text!r} is not coded as having happened"
        if code[:2] == "10" and trigger.dep_ == "acl" and trigger.head.dep_ == "nsubj" and \
                self._match(trigger.head.head, analysis) is not None:
            return (f"the demand of {trigger.head.text!r} is the aim of what they do "
                    f"({trigger.head.head.text!r}), which codes it")
        game = next((p for c in trigger.children if c.dep_ == "prep" for p in c.children
                     if p.dep_ == "pobj" and p.lemma_.lower() in SPORT_NOUNS), None)
        if game is not None and code[:2] >= "11":
            # conflict words are sport's metaphors; hosting a leader for the Olympics is still a visit
            return f"a contest in sport ({game.text!r}), not between states"
        if _only_a_prospect(trigger):
            # "the chances of reaching a deal with Egypt": talked of, not done
            return "only a prospect ('chances of', 'prospects for'), not an act"
        asked = _requested_in(trigger)
        if asked is not None:
            # "rejected opposition demands that he resign": a demand's content has not happened
            return f"what the {asked.text!r} asks for is not coded as done"
        if (trigger.dep_ in ("xcomp", "ccomp") or _infinitive_clause(trigger)) and code[:2] != "01" and \
                self._roots_of(trigger.head) & {"02", "10"} and self._match(trigger.head, analysis) is not None:
            # "China urged the US to lift sanctions": what is asked for has not happened; the appeal
            # or demand codes it (0254)
            return f"asked for by {trigger.head.text!r}, which codes it"
        up = trigger
        for _ in range(4):
            # deeper in what is asked: "asked Rwanda to send troops to help fight the insurgents"
            if not (up.dep_ in ("xcomp", "conj") or _infinitive_clause(up)) or up.head.i == up.i:
                break
            up = up.head
            if up.i != trigger.head.i and (up.dep_ in ("xcomp", "ccomp") or _infinitive_clause(up)) and \
                    self._roots_of(up.head) & {"02", "10"} and self._match(up.head, analysis) is not None:
                return f"part of what {up.head.text!r} asks for, which codes it"
        if (trigger.dep_ == "xcomp" or _infinitive_clause(trigger)) and \
                trigger.head.lemma_.lower() in PERMITTING_VERBS and \
                self._match(trigger.head, analysis) is not None:
            # "Iran allowed IAEA inspectors to visit Parchin": the permission is the event (0862)
            return f"permitted by {trigger.head.text!r}, which codes it"
        if code[:2] == "03" and trigger.dep_ == "xcomp" and "03" in self._roots_of(trigger.head):
            return f"the promise {trigger.head.text!r} codes what is promised"
        if code[:2] == "12" and trigger.lemma_.lower() in REFUSAL_VERBS:
            for c in trigger.children:
                if c.dep_ == "xcomp":
                    inner = self._match(c, analysis)
                    if inner is not None and inner.sources and inner.targets:
                        return f"what is refused ({c.text!r}, {inner.entry.code}) codes the refusal"
        if code[:2] == "13" and trigger.lemma_.lower() in THREAT_VERBS:
            for c in trigger.children:
                # "threatened on Sunday to impose ...": the parser often makes the infinitive an advcl
                if c.dep_ in ("xcomp", "ccomp") or _infinitive_clause(c):
                    for t in (c, *[x for x in c.children if x.dep_ == "conj"]):
                        inner = self._match(t, analysis)
                        if inner is not None and inner.sources and (inner.targets or "place" in inner.entry.targets) \
                                and inner.entry.code[:2] not in ("01", "02", "03"):
                            return f"what is threatened ({t.text!r}, {inner.entry.code}) codes the threat"
        return None

    def _agent_in_place(self, token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
        """'Authorities in Bangladesh imposed a curfew', 'Doctors in South Korea walked off the job':
        an agent word with the country it is in."""
        for subj in token.children:
            if subj.dep_ != "nsubj" or subj.lower_ not in self.kb.agents:
                continue
            for c in subj.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    for p in c.children:
                        for place in _country_of_place(p, analysis) if p.dep_ == "pobj" else []:
                            sector = self.kb.agents[subj.lower_]
                            words = subj.doc[subj.left_edge.i:subj.i + 1]  # "Pro-independence rioters"
                            return [ActorMention(text=words.text, start=words.start_char, end=words.end_char,
                                                 code=place.code + sector, name=f"{place.code} {subj.text}",
                                                 type="AGENT", country=place.code,
                                                 reason=f"agent {subj.text!r} in {place.text!r}")]
        return []

    def _rival(self, sent: SpacySpan, analysis: ActorAnalysis, sources: list[ActorMention]) -> list[ActorMention]:
        """The other side named in 'amid tensions with India' or 'saying it feared Indian air strikes'."""
        own = {m.country for m in sources}
        for t in sent:
            if t.lower_ in TENSION_NOUNS or t.lemma_.lower() in TENSION_NOUNS:
                held = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj"]
            elif t.lemma_.lower() == "fear":
                held = [c for c in t.children if c.dep_ == "dobj"] + \
                       [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
            elif t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "as", "amid", "following")
                                           for c in t.children):
                # "put its forces on alert after China began live-fire drills around the island"
                held = [c for c in t.children if c.dep_ == "nsubj"]
            else:
                continue
            for p in held:
                found = [m for m in _actors_at(p, analysis) + self._nationality(p) if m.country not in own
                         and m.type in ("STATE", "AGENT", "IGO", "GROUP")]
                if found:
                    return found[:1] if len({m.country for m in found}) == 1 else found
        return []

    def _nationality(self, token: Token) -> list[ActorMention]:
        # "Ukrainian grain", and one level down: "a Bangladeshi-flagged carrier", "Israeli-linked ships"
        words = [c for c in token.children if c.dep_ in ("amod", "compound")]
        words += [g for c in words if c.pos_ in ("ADJ", "VERB") and "-" in [x.text for x in c.children]
                  for g in c.children if g.dep_ in ("npadvmod", "amod", "compound", "advmod")]
        for c in words:
            if c.lower_ in self.nationalities:
                code = self.nationalities[c.lower_]
                return [ActorMention(text=c.text, start=c.idx, end=c.idx + len(c.text), code=code, name=code,
                                     type="STATE", country=code, reason=f"nationality word {c.text!r}")]
        return []

    # -- steps 3 to 5 ---------------------------------------------------------
    def _events(self, found: _Found, sent: SpacySpan, dates: list[DateRef], published: dt.date | None,
                places: list[tuple[Place, int]], analysis: ActorAnalysis) -> list[Event]:
        place = _event_place(found.trigger, places)
        if not found.sources and found.entry.code[:2] == "14" and _crowd_subject(found.trigger):
            # "Thousands of people protested in Yangon": the people of the country where they marched
            if place is not None and place.country:
                crowd = ActorMention(text=place.text, start=place.start, end=place.end, code=place.country + "CVL",
                                     name=f"people in {place.name}", type="AGENT", country=place.country,
                                     reason=f"a crowd in {place.text!r}, {place.country}")
                found = _Found(found.entry, found.trigger, [crowd], found.targets,
                               f"crowd in {place.text!r}", found.target_path, found.passive)
        if not found.sources and found.entry.code[:2] in ("18", "20"):
            # "A car bomb exploded outside a police station in Pakistan's Bannu district", "Fico was shot
            # in an assassination attempt in Handlova": attackers no one names, in the country where
            # it happened (and, for a victim named, that victim's own country)
            victims = {m.country for m in found.targets if m.country}
            country = place.country if place is not None and place.country else None
            if country is None:
                # "in Pakistan's Quetta", where the city is not in the gazetteer: the country named there
                named = {a.mention.country for a in analysis.actors if a.mention.type == "STATE"
                         and sent.start <= a.start < sent.end and names_where(found.trigger.doc[a.head])}
                country = next(iter(named)) if len(named) == 1 else None
            if country is None and len(victims) == 1 and found.passive:
                country = next(iter(victims))
            bomb = found.entry.code[:3] == "183" and any(
                t.lemma_.lower() in BOMB_NOUNS for c in found.trigger.children if c.dep_ == "nsubj" for t in c.subtree)
            if country and (bomb or found.passive) and victims <= {country}:
                unknown = ActorMention(text=found.trigger.text, start=found.trigger.idx,
                                       end=found.trigger.idx + len(found.trigger.text), code=country + "UAF",
                                       name=f"unknown attackers in {country}", type="AGENT", country=country,
                                       reason=f"attackers no one names, in {country}")
                found = _Found(found.entry, found.trigger, [unknown], found.targets or [], "attackers no one names",
                               found.target_path, found.passive)
        deployed = None
        if not found.sources and found.passive and found.trigger.lemma_.lower() in DEPLOYING_VERBS and \
                len(found.targets) == 1 and found.targets[0].country and \
                found.targets[0].code[3:6] in SECURITY_SECTORS:
            # "Thousands of riot police were deployed across Paris": with no one named as deploying,
            # the units' own government deployed them
            units = found.targets[0]
            government = ActorMention(text=units.text, start=units.start, end=units.end, code=units.country + "GOV",
                                      name=f"{units.country} government", type="AGENT", country=units.country,
                                      reason=f"the government of {units.text!r}, deployed with no one named")
            found = _Found(found.entry, found.trigger, [government], [], f"government of {units.text!r}",
                           found.target_path, found.passive)
            deployed = "153" if units.code[3:6] == "COP" else "154"
        if not found.sources:
            return []
        trigger = found.trigger
        code = found.entry.code
        if deployed:
            if code in ("074", "0861") and (place is None or place.country == found.sources[0].country):
                code = deployed  # at home: a show of police or military power, not peacekeeping
        notes = [found.entry.label, f"source: {found.source_path}", f"target: {found.target_path or 'none'}"]
        negated, modality, refusal, mod_note = _modality(trigger)
        if mod_note:
            notes.append(mod_note)
        if (negated or refusal) and code == "010" and trigger.lemma_.lower() in ("comment", "elaborate"):
            # "would not comment on reports that ...": declining to comment is CAMEO's 011
            negated, refusal, code = False, None, "011"
            notes.append("declined to comment: 010 -> 011")
        date_ref = _clause_date(trigger, dates)
        date = date_ref.value if date_ref and date_ref.value else (published.isoformat() if published else None)
        if date_ref is not None:
            notes.append(f"date from {date_ref.text!r}")
        if published and date_ref and date_ref.value and _long_before(date_ref.value, published):
            # "Nazi Germany invaded Poland 80 years ago": history recalled, not news
            return []
        if modality == "asserted" and published and date_ref and date_ref.value and \
                _starts_after(date_ref.value, published):
            modality = "future"
            notes.append("future: the date is after publication")
        if _themable(code):
            themed = _themed_code(code, _theme(trigger, protest=code[:2] == "14"), self.kb.cameo)
            if themed != code:
                notes.append(f"what is asked or promised: {code} -> {themed}")
                code = themed
        if code in ("114", "140") and trigger.lemma_.lower() in STREET_PROTEST_VERBS and \
                all(m.code[3:6] in CROWD_SECTORS or _is_protester(m) for m in found.sources):
            # a people's protest is a demonstration, not a government's official complaint
            notes.append(f"protest by {found.sources[0].text!r}, a crowd: {code} -> 141")
            code = "141"
        if code[:2] in ("18", "19", "20") and any(
                c.dep_ == "amod" and c.lower_ in ("mock", "simulated") for t in (trigger, *_objects(trigger))
                for c in t.children):
            # "staged a mock raid on an Israeli position": a rehearsal is a show of force
            notes.append(f"a mock act, a show of force: {code} -> 150")
            code = "150"
        if code in ("190", "180") and any("suicide" in m.text.lower() for m in found.sources):
            notes.append(f"by suicide bombers: {code} -> 1831")
            code = "1831"
        if code in ("190", "194") and _aerial(trigger, found.sources):
            # "Israeli warplanes struck ...", "killed in an air strike": aerial weapons
            notes.append("by aircraft, drones or missiles from the air: 190 -> 195")
            code = "195"
        if (code[:2] in ("18", "19") or code in ("171", "1711", "1712")) and all(_is_protester(m) for m in found.sources):
            # "protesters set fire to police stations", "clashed with riot police": a riot
            aim = next((a for c in trigger.children if c.dep_ == "nsubj" for a in c.children
                        if a.dep_ == "acl" and a.lemma_.lower() in PROTEST_DEMANDS), None)
            branch = (_theme(aim) if aim is not None else None) or _cause_of(found.sources)
            new = "145" + branch[1] if branch and len(branch) == 2 and branch[0] == "4" else "145"
            notes.append(f"violence by protesters is rioting: {code} -> {new}")
            code = new
        if code[:2] == "10" and all(_is_protester(m) for m in found.sources):
            # CAMEO codes the demands of protesters as demonstrations for what they demand
            new = PROTEST_FOR.get(code, "141")
            notes.append(f"a demand made by protesters is a demonstration: {code} -> {new}")
            code = new
        governor = trigger.head
        while governor.dep_ in ("prep", "prt", "pobj") and governor.head is not governor and governor.pos_ != "VERB":
            governor = governor.head  # "walked out of talks", "pulled out of the negotiations"
        if code == "130":
            threatened = _threatened_with(trigger)
            if threatened:
                notes.append(f"threatened with {threatened[1]!r}: {code} -> {threatened[0]}")
                code = threatened[0]
        if code in AID_CODES:
            kind = _aid_kind(trigger)
            new = code[:2] + kind if code == "070" and kind else code + kind if kind else code
            if new != code and new in self.kb.cameo:
                notes.append(f"what kind of aid: {code} -> {new}")
                code = new
        # talks broken off; a visit that "ended" simply ended
        ended = (found.entry.pos == "NOUN" or trigger.dep_ in ("pobj", "dobj")) and \
            governor.lemma_.lower() in ENDED_BY and code[:2] == "04" and code not in ("042", "043")
        if ended:
            # "talks ... collapsed", "walked out of talks": negotiations halted (164), on both sides
            notes.append(f"{trigger.text!r} ended by {governor.text!r}: {code} -> 164")
            code = "164"
        if negated and not refusal and modality in ("future", "intended") and code[:2] in REFUSABLE_ROOTS:
            # "will not release any more hostages", "would not withdraw the reform": a refusal
            refusal, negated = f"{modality} and negated", False
        root = code[:2]
        if refusal == "stopped":
            new = STOPPED_BY_CODE.get(code) or STOPPED_BY_CODE.get(root)
            if new is None:
                negated = True  # an act stopped is no act; nothing more specific to code
                notes.append(f"stopped: {code} is not coded as done")
            else:
                notes.append(f"stopped: {code} -> {new}")
                code = new
        elif refusal:
            new = REFUSAL_BY_CODE.get(code) or REFUSAL_BY_CODE.get(code[:3]) or REFUSAL_BY_ROOT.get(root, "120")
            notes.append(f"refusal ({refusal}) of {code} -> {new}")
            code = new
        elif (modality in ("intended", "future", "obligated") or
              (modality == "possible" and found.entry.pos == "VERB")) and \
                root not in ("03", "01", "02", "10", "12", "13"):
            # an act the actor would, could or will do is its intent or, for conflict, its threat
            # ("could impose sanctions if ...": 1312; "could ease sanctions if ...": 0354); an act in
            # an if-clause is a condition, and stays hypothetical
            # a four-digit code without its own intent takes its three-digit parent's (0862 -> 0355)
            new = INTENT_BY_CODE.get(code) or INTENT_BY_CODE.get(code[:3]) or INTENT_BY_ROOT.get(root)
            if new and new in self.kb.cameo:
                notes.append(f"{modality} {code} -> {'threat' if new[:2] == '13' else 'intent'} {new}")
                code = new
        elif root == "12" and modality in ("future", "intended") and _warned_by(trigger) is not None:
            # "warned that Hungary would veto the aid package": a refusal announced as a warning is a
            # threat of a non-forceful act (131)
            notes.append(f"{modality} {code} announced as a warning -> threat 131")
            code = "131"
        targets = found.targets
        if not targets and "place" in found.entry.targets and place is not None and place.country and \
                not (code in ("1721", "1722", "1723", "1724") and found.sources and
                     place.country != found.sources[0].country):
            # "struck nine sites in Pakistan", "arrived in Islamabad for talks": the country of the place
            targets = [ActorMention(text=place.text, start=place.start, end=place.end, code=place.country,
                                    name=place.name, type="STATE", country=place.country,
                                    reason=f"place of the event: {place.text!r} in {place.country}")]
            notes[2] = f"target: country of the place {place.text!r}"
        parties = {m.country for m in (*found.sources, *targets) if m.country}
        if code == "040" and place is not None and place.country and len(found.sources) + len(targets) >= 2 \
                and parties and place.country not in parties:
            # negotiations (046) stay negotiations wherever they are held (CAMEO's note on 046)
            notes.append(f"met in {place.name}, a third country: {code} -> 044")
            code = "044"
        if not targets and code[:2] in ("13", "15", "16"):
            # "put its air force on alert amid soaring tensions with India": the rival named
            rival = self._rival(sent, analysis, found.sources)
            if rival:
                targets = rival
                notes[2] = f"target: the other side of the tensions ({rival[0].text!r})"
        # acts at home: a state's act on itself stands only for these ("declared a state of emergency
        # in the Amhara region": the target is the country of the place)
        home = code[:2] in DOMESTIC_ROOTS or code in DOMESTIC_CODES
        domestic = False
        if not targets and (home or
                            (code in PLACED_DOMESTIC_CODES and place is not None
                             and place.country == found.sources[0].country)):
            # protests and coercion with no one named are aimed at the country where they happen
            # ("declared a state of emergency", "protesters blocked highways across the country")
            # violence with no victim named ("massacred villagers in Borno state") only where a place says so
            first = found.sources[0]
            # martial law or a curfew over a disputed region binds the declaring state's own people
            emergency = code in ("1721", "1722", "1723", "1724") and first.country is not None
            country = (first.country if emergency else None) or \
                (place.country if place is not None and place.country else None) or \
                (first.country if code[:2] in ("14", "17") or code in DOMESTIC_CODES else None) or \
                (first.country if code[:2] in ("18", "20") and first.type == "AGENT"
                 and first.code[3:6] in HOME_SECTORS else None)
            if country:
                domestic = True
                targets = [ActorMention(text=first.text, start=first.start, end=first.end, code=country,
                                        name=country, type="STATE", country=country,
                                        reason=f"domestic: {code} with no target is aimed at {country}")]
                notes[2] = f"target: {country}, where the {code} act happens"
        pairs = _pairs(found.sources, targets, code, mutual=trigger.lemma_.lower() in MUTUAL_LEMMAS or ended
                       or _each_other(trigger),
                       both_ways=trigger.lemma_.lower() in MUTUAL_LEMMAS and found.target_path.startswith("with"))
        if code == "040" and place is not None and place.country and len(parties) == 2 and \
                place.country in parties and trigger.lemma_.lower() in MEETING_LEMMAS:
            # "Xi and Sisi met in Xiamen": in one side's country a meeting is a visit, hosted (043)
            # by that side and paid (042) by the other
            host = place.country
            pairs = [(s_, t_, ("043" if s_.country == host else "042") if t_ is not None and
                      {s_.country, t_.country} == parties else c_,
                      (n_ + "; " if n_ else "") + f"met in {place.name}, at home for one side: host 043, guest 042")
                     for s_, t_, c_, n_ in pairs]
        out = []
        for source, target, this_code, pair_note in pairs:
            if target is not None and not domestic and (target.code == source.code and
                                                        not (target.type == "STATE" and home) or
                                       (target.country and target.country == source.country and
                                        target.type == source.type == "STATE"
                                        and code[:2] not in DOMESTIC_ROOTS)):
                continue
            if target is not None and not home and code[:2] in VERBAL_ROOTS and source.country and \
                    target.code == source.country and \
                    target.type == "STATE" and (source.type == "STATE" or source.code[3:6] in ("GOV", "MIL")):
                continue  # "Kenya's government denied that it had sent troops": no act on its own state
            if target is not None and code[:2] in ("01", "03", "07", "08", "12") and _own_apparatus(source, target):
                continue  # "Israel refused to withdraw its troops": a state's own forces are no target
            if target is None:
                continue  # CAMEO events name a target; a source acting on nothing is not coded
            cameo = self.kb.cameo[this_code]
            out.append(Event(
                source=source, target=target, code=this_code, root_code=this_code[:2],
                quad_class=cameo.quad_class, goldstein=cameo.goldstein, plover=cameo.plover_type,
                date=date, sentence=sent.text, start=sent.start_char, end=sent.end_char, negated=negated,
                modality=modality, reason="; ".join(notes + ([pair_note] if pair_note else [])),
                trigger=Span(text=trigger.text, start=trigger.idx, end=trigger.idx + len(trigger.text)),
                place=place, plover_mode=cameo.plover_mode,
                plover_context=tuple(c for c in (cameo.plover_context or "").split(";") if c)))
        return out


# Nouns that, with "the", refer back to what someone else said or did: "Islamabad rejected the charge".
RESPONSE_NOUNS = {"charge", "charges", "accusation", "accusations", "allegation", "allegations", "criticism",
                  "claim", "claims", "attack", "attacks", "assault", "strike", "strikes", "move", "decision",
                  "visit", "remarks", "remark", "statement", "proposal", "offer", "demand", "demands", "call",
                  "appeal", "plan", "pressure", "sanctions", "invasion", "launch", "launches", "warning",
                  "threat", "threats", "comments", "report", "resolution", "request", "ultimatum", "test"}
# How many sentences back a response may look for the act it answers.
CONTEXT_SENTENCES = 2


def _target_from_context(found: _Found, events: list[Event], sent: SpacySpan, analysis: ActorAnalysis) -> _Found:
    """Targets the sentence leaves implicit, recovered from the text around it."""
    root = found.entry.code[:2]
    sources = {m.code for m in found.sources} | {m.country for m in found.sources if m.country}
    trigger = found.trigger
    if root in ("02", "10", "13"):
        # "Pyongyang warned that Washington and Seoul would regret it", "Somalia demanded that the
        # United Nations deliver the aid": the subject of what is threatened, asked or demanded
        for c in trigger.children:
            if c.dep_ == "ccomp":
                for sub in c.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        # a threat is not aimed at the speaker's own side: "China warned that its military
                        # would not sit idly by"
                        own = {m.country for m in found.sources if m.country} if root == "13" else set()
                        return _with_targets(found, [m for m in _actors_at(sub, analysis) if m.code not in sources
                                                     and m.country not in own],
                                             f"subject of the threatened clause {c.lemma_!r}")
    if root in ("11", "12"):
        objs = [o for o in _objects(trigger) if o.lemma_.lower() in RESPONSE_NOUNS or o.lower_ in RESPONSE_NOUNS]
        definite = [o for o in objs if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that",
                                                                                      "these", "such")
                                           for c in o.children)]
        if definite:
            first_sentence = sent.start
            for _ in range(CONTEXT_SENTENCES):
                if first_sentence > 0:
                    first_sentence = sent.doc[first_sentence - 1].sent.start
            lower = sent.doc[first_sentence].idx
            for event in reversed(events):
                if event.start < lower:
                    break
                if event.start < sent.start_char and event.source.code not in sources and \
                        (event.source.country or event.source.code) not in sources and not event.negated:
                    return _with_targets(found, [event.source],
                                         f"context: {definite[0].text!r} answers {event.source.name}'s "
                                         f"{event.code} in {event.sentence[:40]!r}")
    return found


# Verbs that permit the act under them: the permission is coded, the act is not yet done.
PERMITTING_VERBS = {"allow", "permit", "let", "authorize", "authorise"}
# Verbs that allege or deny the act under them: "accused Hamas of using civilians as shields",
# "denied that its forces had demolished homes". The allegation is coded (112x), the act is not.
# Nouns that report an act as alleged or denied: "accusations that it carried out an attack".
ALLEGING_NOUNS = {"accusation", "allegation", "charge", "claim", "denial", "suspicion", "rumour", "rumor", "report"}
ALLEGING_VERBS = {"accuse", "blame", "charge", "deny", "allege", "dismiss", "refute",
                  # "thanked Lithuania for hosting the summit", "criticised X for holding drills": the act
                  # is the reason for the praise or criticism, which is what is coded
                  "thank", "praise", "commend", "congratulate", "criticise", "criticize", "condemn", "denounce",
                  "fault", "punish", "sanction", "reward"}


def _warned_by(trigger: Token) -> Token | None:
    """The verb of warning or threatening whose clause ``trigger`` is in, if any."""
    cur = trigger
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in THREAT_VERBS:
            return cur
    return None


def _alleged_by(trigger: Token) -> Token | None:
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in REACTION_VERBS:
        return None  # "condemned a drone attack": the attack happened
    cur = trigger
    for _ in range(5):
        # a nominal act may be the object of the alleged deed: "accused Tehran of directing arson attacks"
        followed = ("pcomp", "pobj", "prep", "ccomp", "xcomp", "conj", "acl") + \
            (("dobj", "attr") if cur is trigger and trigger.pos_ == "NOUN" else ())
        if cur.dep_ not in followed or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in ALLEGING_VERBS:
            return cur
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in ALLEGING_NOUNS:
            return cur  # "rejected accusations that it carried out a chemical attack"
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN" and \
                cur.head.lemma_.lower() in ALLEGING_NOUNS:
            return cur.head  # "a report that Berlin was preparing to send missiles"
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("pcomp", "xcomp", "conj") and \
                not (trigger.pos_ == "NOUN" and cur.dep_ in ("acl", "ccomp")):
            # a nominal act inside a clause goes one clause up: "accusations that Tehran was behind
            # the drone attacks"
            return None
    return None


def _without_residual_statements(events: list[Event], trace: list[str] | None) -> list[Event]:
    """CAMEO's 010 is for a statement nothing more specific describes: drop it where the same
    speaker does something more specific in the same sentence."""
    out = []
    for e in events:
        if e.code == "010" and any(o is not e and o.start == e.start and o.code != "010" and
                                   _same_party(o.source.code, e.source.code) for o in events):
            if trace is not None:
                trace.append(f"DROPPED {e.source.code} -> {e.target.code if e.target else '-'} 010: the same "
                             f"speaker's act in this sentence is coded more specifically (CAMEO codes 010 only "
                             f"when nothing more specific applies)")
            continue
        if e.code in ("040", "046") and e.target is not None and any(
                o.start == e.start and o.code in ("042", "043") and o.target is not None and
                {o.source.code[:3], o.target.code[:3]} == {e.source.code[:3], e.target.code[:3]} for o in events):
            # "flew to Tel Aviv for talks with Israeli leaders": one visit, coded as the visit
            if trace is not None:
                trace.append(f"DROPPED {e.source.code} -> {e.target.code} {e.code}: the talks of a visit in this "
                             f"sentence are coded as the visit")
            continue
        finer = next((o for o in events if o is not e and o.start == e.start and len(o.code) >= len(e.code)
                      and o.code != e.code
                      and (o.code.startswith(e.code) or (e.code == e.code[:2] + "0" and o.code[:2] == e.code[:2]))
                      and _same_party(o.source.code, e.source.code)
                      and o.target is not None and e.target is not None
                      and _same_party(o.target.code, e.target.code)), None)
        if finer is not None:
            # "pledged to send aid" (033) and "pledged ... humanitarian aid" (0333): one act, the finer code
            if trace is not None:
                trace.append(f"DROPPED {e.source.code} -> {e.target.code} {e.code}: the same act is coded "
                             f"more finely as {finer.code}")
            continue
        out.append(e)
    return out


# Words whose "about"/"over"/"on" phrase is what is talked or felt about.
TOPIC_GOVERNORS = SPEECH_VERBS | {"voice", "comment", "discuss", "optimism", "pessimism", "hope", "hopes", "doubt",
                                  "doubts", "concern", "concerns", "optimistic", "pessimistic", "worry", "worried",
                                  "statement", "remarks", "question", "questions", "confidence", "scepticism",
                                  "skepticism", "speak", "brief", "inform"}


def _same_party(a: str, b: str) -> bool:
    """'RUS' and 'RUSGOV' name one party at two levels of detail."""
    return a.startswith(b) or b.startswith(a)


def _governed(token: Token) -> bool:
    """Whether a nominal event is the object of a verb that codes the act itself, directly or
    through a quantity ('a new round of talks', 'another series of strikes')."""
    cur = token
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head
    if cur.dep_ == "pobj" and cur.head.lower_ == "for" and cur.head.head.lemma_.lower() in REQUEST_NOUNS:
        return True  # "rebuffed a U.S. request for a meeting": the meeting has not happened
    if cur.dep_ == "pobj" and cur.head.lower_ in ("about", "over", "on", "regarding") and \
            cur.head.head.lemma_.lower() in TOPIC_GOVERNORS:
        return True  # "voiced pessimism about talks with the US": the talks are the topic, not an act
    return cur.dep_ in ("dobj", "pobj", "nsubj") and cur.head.lemma_.lower() in NOMINAL_GOVERNED


def _with_targets(found: _Found, targets: list[ActorMention], path: str) -> _Found:
    if not targets:
        return found
    return _Found(found.entry, found.trigger, found.sources, targets, found.source_path, path, found.passive)


# What an appeal, demand, intent or rejection is about, read from the act it asks for: CAMEO gives
# the same branches under 02 (appeal), 03 (intent), 10 (demand) and, renumbered, 12 (reject).
# Each rule: (lemmas of the asked-for act, words among its objects or none, branch digits).
THEME_RULES: list[tuple[frozenset[str], frozenset[str], str]] = [
    (frozenset({"step", "resign", "quit", "leave"}), frozenset({"aside", "down", "office", "power", ""}), "41"),
    (frozenset({"release", "free", "return", "hand"}), frozenset(), "53"),
    (frozenset({"lift", "ease", "remove", "scrap", "drop"}), frozenset({"sanctions", "embargo", "tariffs"}), "54"),
    (frozenset({"lift", "ease", "remove", "scrap", "relax"}), frozenset({"restrictions", "curfew", "ban", "bans"}), "51"),
    (frozenset({"allow", "admit", "open", "grant", "permit", "let"}),
     frozenset({"access", "observers", "inspectors", "monitors", "investigators", "aid", "convoys", "journalists"}),
     "55"),
    # "would not withdraw its pension reform": a change of policy, not a military pull-back
    (frozenset({"withdraw", "scrap", "drop", "abandon", "repeal", "shelve", "reverse", "rescind"}),
     frozenset({"reform", "reforms", "law", "bill", "policy", "plan", "decree", "legislation", "amendment"}), "42"),
    (frozenset({"stop", "halt", "cease", "end", "withdraw", "de-escalate", "deescalate", "pull", "retreat"}),
     frozenset(), "56"),
    (frozenset({"restore", "reinstate", "return"}), frozenset({"power", "office", "presidency"}), "41"),
    (frozenset({"concede", "compromise", "yield", "back", "show", "make"}),
     frozenset({"concessions", "flexibility", "down", "compromise", "compromises"}), "5"),
    (frozenset({"resume", "hold", "start", "open", "begin", "join", "return"}),
     frozenset({"talks", "negotiations", "dialogue", "meeting", "discussions", "summit"}), "6"),
    (frozenset({"meet", "negotiate", "talk"}), frozenset(), "6"),
    (frozenset({"resolve", "settle", "end"}), frozenset({"dispute", "disputes", "conflict", "differences", "row",
                                                       "hostility", "hostilities", "enmity", "feud", "war"}), "7"),
    # "pledged to deepen economic cooperation": the kind of cooperation
    (frozenset({"deepen", "expand", "boost", "strengthen", "increase", "enhance", "intensify", "step", "develop",
                "promote"}),
     frozenset({"economic", "trade", "energy", "investment", "business", "financial"}), "11"),
    (frozenset({"deepen", "expand", "boost", "strengthen", "increase", "enhance", "intensify", "step", "develop"}),
     frozenset({"military", "defence", "defense", "security"}), "12"),
    (frozenset({"deepen", "expand", "boost", "strengthen", "increase", "enhance", "intensify", "step", "develop"}),
     frozenset({"judicial", "legal", "law-enforcement", "police", "extradition"}), "13"),
    (frozenset({"deepen", "expand", "boost", "strengthen", "increase", "enhance", "intensify", "step", "develop",
                "share", "restore"}),
     frozenset({"intelligence", "intelligence-sharing"}), "14"),
    (frozenset({"mediate"}), frozenset(), "8"),
    (frozenset({"accept"}), frozenset({"mediation", "mediator", "mediators"}), "8"),
    (frozenset({"reform", "amend", "change", "rewrite", "revise"}),
     frozenset({"law", "laws", "constitution", "system", "institutions", "monarchy", "electoral", "code"}), "44"),
    (frozenset({"change", "revise", "reverse", "alter", "rethink"}), frozenset({"policy", "policies", "course"}), "42"),
    (frozenset({"respect", "guarantee", "protect", "uphold", "restore"}),
     frozenset({"rights", "freedoms", "freedom", "liberties"}), "43"),
    (frozenset({"carry", "implement", "undertake", "enact", "pursue", "press"}),
     frozenset({"reforms", "reform"}), "4"),
    (frozenset({"send", "supply", "provide", "deliver", "give"}),
     frozenset({"weapons", "arms", "systems", "missiles", "ammunition", "tanks", "jets"}), "32"),
    (frozenset({"send", "supply", "provide", "deliver", "give"}),
     frozenset({"food", "medicine", "tents", "supplies", "shelter", "vaccines"}), "33"),
    (frozenset({"send", "supply", "provide", "deliver", "give", "grant"}),
     frozenset({"aid", "assistance", "help", "money", "funds", "loans", "relief", "debt"}), "3"),
    (frozenset({"send", "deploy", "lead", "contribute"}),
     frozenset({"peacekeepers", "troops", "police", "officers", "force", "contingent"}), "34"),
    (frozenset({"invest", "trade", "open", "buy", "import"}), frozenset(), "11"),
    (frozenset({"join", "take"}), frozenset({"patrols", "exercises", "coalition", "part"}), "12"),
    (frozenset({"extradite", "surrender"}), frozenset(), "13"),
    (frozenset({"share", "hand"}), frozenset({"information", "intelligence", "data"}), "14"),
    (frozenset({"support", "back", "endorse", "recognise", "recognize"}), frozenset(), "2"),
]
# Nouns asked for directly ("appealed for aid", "demanded talks").
THEME_NOUNS = {"aid": "3", "assistance": "3", "help": "3", "weapons": "32", "arms": "32", "food": "33",
               "talks": "6", "negotiations": "6", "dialogue": "6", "meeting": "6", "ceasefire": "56",
               "truce": "56", "release": "53", "reforms": "4", "reform": "4", "resignation": "41",
               "explanation": "", "mediation": "8", "investment": "11", "restraint": "56", "calm": "56",
               "loans": "31", "loan": "31", "credit": "31", "rights": "43", "freedoms": "43", "democracy": "44",
               "ouster": "41", "resignations": "41", "elections": "44", "election": "44", "independence": "44",
               "autonomy": "44", "secession": "44", "self-determination": "44", "referendum": "44"}
# Verbs that carry on another act: its theme is that act's.
CONTINUING_VERBS = {"keep", "continue", "start", "begin", "resume", "go"}
# Nouns for aid given or promised, and the words that make "support" aid.
AID_NOUNS = {"aid", "assistance", "help", "loan", "loans", "grant", "grants", "funding", "support", "financing",
             "credit", "donation", "relief", "supplies", "weapons", "arms"}
AID_ADJECTIVES = {"financial", "military", "humanitarian", "economic", "budget", "budgetary", "material"}
# Nouns for what was asked: their clause says what ("demands to release", "calls that he resign").
REQUEST_NOUNS = {"demand", "call", "request", "appeal", "plea", "offer", "proposal", "bid", "ultimatum", "pressure"}
# Things rejected that name the branch themselves: a peace plan (7: settle the dispute), a bailout (31).
OBJECT_THEMES = {"plan": "7", "proposal": "7", "proposals": "7", "deal": "7", "initiative": "7", "formula": "7",
                 "roadmap": "7", "framework": "7", "bailout": "31", "loan": "31", "loans": "31", "aid": "3",
                 "mediation": "8", "talks": "6", "negotiations": "6", "dialogue": "6", "ceasefire": "56",
                 "truce": "56"}
# What protesters are against ("rallied against the pension reform"): a policy they want changed.
PROTESTED_POLICIES = {"law", "bill", "reform", "reforms", "plan", "plans", "policy", "policies", "decision", "measure",
                      "austerity",
                      "tax", "taxes", "measures", "cuts", "hike", "increase", "ban", "mandate", "rules", "budget",
                      # prices, pay and public services: "over a rise in subway fares", "over the minimum wage"
                      "price", "prices", "fare", "fares", "wage", "wages", "pay", "pensions", "pension", "subsidy",
                      "subsidies", "rise", "rises", "corruption", "unemployment", "shortages", "shortage",
                      "handover", "privatisation", "privatization"}
# Verbs through which protesters say what they want: "marched through the capital demanding ..."
PROTEST_DEMANDS = {"demand", "call", "urge", "seek", "press", "ask"}
# Words for crowds that protest: their demands are demonstrations (CAMEO 141x).
PROTESTER_WORDS = ("protester", "protestor", "demonstrator", "marcher", "rioter")
PROTEST_FOR = {"1041": "1411", "1042": "1412", "1043": "1413", "1044": "1414"}


# Verbs for protest that a crowd does in the street and a government does by note.
STREET_PROTEST_VERBS = {"protest", "demonstrate", "rally", "march"}
# Sectors whose protest is a demonstration: civilians, opposition, labour, students, religious groups.
CROWD_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REL", "REF", "ENV", "HRI", "AGR"}


# Words that make a use of force aerial (CAMEO 195), in the doer's name or the act's own words.
AERIAL_WORDS = {"warplane", "warplanes", "jet", "jets", "aircraft", "bomber", "bombers", "drone", "drones",
                "helicopter", "helicopters", "gunship", "gunships", "airstrike", "airstrikes", "air", "aerial"}


def _aerial(trigger: Token, sources: list[ActorMention]) -> bool:
    if any(w in AERIAL_WORDS for m in sources for w in m.text.lower().split()) and \
            not any("suicide" in m.text.lower() for m in sources):  # suicide bombers go on foot
        return True
    # the instrument: "a Houthi drone attack", "struck the port with drones", "attacked by helicopter gunships"
    instruments = {c.lower_ for c in trigger.children if c.dep_ in ("compound", "amod")}
    # or the subject's: "a U.S. drone strike killed the general"
    instruments |= {m.lower_ for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")
                    and not any(x.lower_ == "suicide" for x in c.children)
                    for m in (c, *c.children) if m.dep_ in ("compound", "amod", "nsubj", "nsubjpass")}
    instruments |= {p.lower_ for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by")
                    for p in c.children if p.dep_ == "pobj"}
    if instruments & (AERIAL_WORDS - {"air", "jet", "jets"}):
        return True
    own = {t.lower_ for t in _own_subtree(trigger)}
    return bool(own & {"airstrike", "airstrikes", "aerial"}) or ("air" in own and bool(own & {"strike", "strikes",
                                                                                             "raid", "raids"}))


# Subjects that are a crowd with no one named: "thousands of people", "crowds", "hundreds".
CROWD_NOUNS = {"people", "crowd", "crowds", "thousands", "hundreds", "dozens", "tens", "scores", "throngs"}


def _crowd_subject(trigger: Token) -> bool:
    for c in trigger.children:
        if c.dep_ == "nsubj":
            words = {c.lower_} | {p.lower_ for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                  for p in x.children if p.dep_ == "pobj"}
            return bool(words & CROWD_NOUNS)
    return False


# Causes named on the crowd itself: "pro-independence rioters", "pro-democracy protesters".
CAUSE_WORDS = {"pro-independence": "44", "pro-democracy": "44", "separatist": "44", "anti-government": "41",
               "anti-monarchy": "44"}


def _cause_of(mentions: list[ActorMention]) -> str | None:
    for m in mentions:
        for word in m.text.lower().split():
            if word in CAUSE_WORDS:
                return CAUSE_WORDS[word]
    return None


def _is_protester(mention: ActorMention) -> bool:
    text = mention.text.lower()
    return any(w in text for w in PROTESTER_WORDS)


# CAMEO 12x numbers the same branches differently.
REJECT_BRANCH = {"1": "121", "3": "122", "4": "123", "5": "124", "6": "125", "7": "127", "8": "126"}


# Aid codes that CAMEO splits by the kind of aid: economic (1), military (2), humanitarian (3).
AID_CODES = {"070", "162", "023", "033", "103", "122"}
AID_KINDS = (("2", {"military", "weapons", "arms", "ammunition", "missiles", "defence", "defense", "security"}),
             ("3", {"humanitarian", "food", "medical", "medicine", "medicines", "relief", "vaccines", "vaccine", "tents",
                    "shelter", "refugees"}),
             ("1", {"economic", "financial", "development", "budget", "budgetary", "loan", "loans", "disbursement",
                    "disbursements", "funding", "grant", "grants", "credit", "fiscal", "macro-financial"}))


# What a threat holds out: "threatened Georgia with sanctions", "threatened with punishment".
THREAT_NOUNS = {"sanctions": "1312", "sanction": "1312", "embargo": "1312", "boycott": "1312", "tariffs": "1312",
                "punishment": "137", "arrest": "137", "prosecution": "137", "jail": "137", "prison": "137",
                "expulsion": "136", "force": "138", "retaliation": "138", "war": "138", "strikes": "1384",
                "attack": "1384", "attacks": "1384", "invasion": "1384", "annihilation": "1385",
                "nuclear": "1385", "curfew": "1323"}


def _threatened_with(trigger: Token) -> tuple[str, str] | None:
    for c in trigger.children:
        if c.dep_ == "dobj":  # "threatened missile attacks on Israel", "threatened retaliation"
            for word in (c.lower_, c.lemma_.lower()):
                if word in THREAT_NOUNS:
                    return THREAT_NOUNS[word], c.text
    # "threatened Y with sanctions", where the parser may hang "with" on Y
    heads = [trigger, *[c for c in trigger.children if c.dep_ == "dobj"]]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj":
                    for word in (p.lower_, p.lemma_.lower(), *[a.lower_ for a in p.children if a.dep_ == "amod"]):
                        if word in THREAT_NOUNS:
                            return THREAT_NOUNS[word], p.text
    return None


def _aid_kind(trigger: Token) -> str | None:
    words = {w for t in _own_subtree(trigger) for w in (t.lower_, t.lemma_.lower())}
    for kind, cues in AID_KINDS:
        if words & cues:
            return kind
    return None


def _themable(code: str) -> bool:
    """Codes whose branch is read from what is asked, promised, refused or protested for."""
    if code in ("020", "030", "100", "120", "121", "122", "123", "124"):
        return True
    if code[:2] in ("02", "10") and len(code) == 3 and code[2] == "0":
        return True
    return code in ("140", "141", "142", "143", "144", "145")


# Nominal events whose "of"-phrase names who acts, not who undergoes it.
DOER_OF_NOUNS = {"withdrawal", "pullout", "pull-out", "departure", "arrival", "visit", "trip", "retreat",
                 "resignation", "intervention", "incursion", "advance", "offensive", "deployment", "return"}
# Nouns for strained relations whose "with"-object is the other side: "tensions with India".
TENSION_NOUNS = {"tension", "tensions", "standoff", "stand-off", "dispute", "row", "confrontation", "hostility",
                 "hostilities", "feud", "rivalry", "spat"}


def _each_other(trigger: Token) -> bool:
    """'Armenia and Azerbaijan accused each other', 'criticised one another's handling': reciprocal."""
    for t in _own_subtree(trigger):
        if (t.lower_ == "other" and t.i > 0 and t.nbor(-1).lower_ == "each") or \
                (t.lower_ == "another" and t.i > 0 and t.nbor(-1).lower_ == "one"):
            return True
    return False


def _own_apparatus(source: ActorMention, target: ActorMention) -> bool:
    """Whether ``target`` is the government, army or police of the state ``source`` speaks for."""
    if not source.country or source.country != target.country:
        return False
    state = source.type == "STATE" or source.code[3:6] in ("GOV", "MIL")
    return state and target.code[3:6] in ("GOV", "MIL", "COP")


PROSPECT_NOUNS = {"chance", "chances", "prospect", "prospects", "possibility", "likelihood", "odds", "hopes", "hope",
                  "risk", "threat", "danger", "fear", "fears"}


def _only_a_prospect(trigger: Token) -> bool:
    """'the chances of reaching a deal', 'prospects for a ceasefire', 'fears of a war with Y'."""
    cur = trigger
    for _ in range(3):
        if cur.dep_ not in ("pcomp", "pobj") or cur.head is cur:
            return False
        cur = cur.head  # the preposition
        if cur.dep_ == "prep" and cur.lower_ in ("of", "for") and cur.head.lemma_.lower() in PROSPECT_NOUNS:
            return True
        if cur.dep_ != "prep":
            return False
        cur = cur.head
    return False


def _requested_in(trigger: Token) -> Token | None:
    """The request noun whose content ``trigger`` is: 'demands that he resign', 'calls to release'."""
    if trigger.head.pos_ != "NOUN" or trigger.head.lemma_.lower() not in REQUEST_NOUNS:
        return None
    if trigger.dep_ in ("acl", "ccomp", "xcomp"):
        return trigger.head
    subjunctive = trigger.tag_ == "VB" or (trigger.tag_ == "VBP" and any(
        c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "it") or c.tag_ in ("NN", "NNP")) for c in trigger.children))
    if trigger.dep_ == "relcl" and (subjunctive or any(
            c.dep_ == "aux" and c.lower_ in ("to", "should", "must") for c in trigger.children)):
        return trigger.head  # "demands that he resign", read by the parser as a relative clause
    return None


def _infinitive_clause(token: Token) -> bool:
    """'urged Y to step aside' where the parser hangs the infinitive as an adverbial clause."""
    return token.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in token.children)


def _theme(trigger: Token, protest: bool = False) -> str | None:
    """The branch digits of what ``trigger`` asks, promises, refuses or (``protest``) protests for."""
    if protest:
        # what the protesters demand first ("struck over wages, calling for greater rights"), then
        # the policy they protest against
        for c in trigger.children:
            if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in PROTEST_DEMANDS:
                branch = _theme(c)
                if branch:
                    return branch
        for c in _own_subtree(trigger):
            if c.dep_ == "prep" and c.lower_ in ("against", "over"):
                if any(p.dep_ == "pobj" and (p.lemma_.lower() in PROTESTED_POLICIES or p.lower_ in PROTESTED_POLICIES)
                       for p in c.children):
                    return "42"
    for c in trigger.children:
        if c.dep_ in ("xcomp", "ccomp") or _infinitive_clause(c):
            branch = _theme_of_act(c)
            if branch:
                return branch
    for c in _own_subtree(trigger):
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in c.children:
                for word in (p.lower_, p.lemma_.lower()):
                    if p.dep_ == "pobj" and word in THEME_NOUNS:
                        return THEME_NOUNS[word]
    for c in trigger.children:
        if c.dep_ == "dobj":
            for word in (c.lower_, c.lemma_.lower()):
                if word in THEME_NOUNS:
                    return THEME_NOUNS[word]
            # "pledged $3 billion in loans", "promised 50 million euros in humanitarian aid",
            # "pledged financial support"
            held = [p for x in c.children if x.dep_ == "prep" and x.lower_ == "in" for p in x.children
                    if p.dep_ == "pobj"]
            for noun in (c, *held):
                if noun.lemma_.lower() in AID_NOUNS and (noun is not c or noun.lemma_.lower() != "support" or
                                                         any(a.lower_ in AID_ADJECTIVES for a in noun.children)):
                    return "3"
            # "rejected U.S. demands to release X", "rejected calls to lift restrictions", "rejected
            # opposition demands that he resign", "rejected the conditions of an IMF bailout"
            if c.lemma_.lower() in REQUEST_NOUNS:
                for inner in c.children:
                    if inner.dep_ in ("acl", "xcomp", "ccomp", "relcl") and inner.pos_ in ("VERB", "AUX"):
                        branch = _theme_of_act(inner)
                        if branch:
                            return branch
            for p in (c, *[p for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                           for p in x.children if p.dep_ == "pobj"]):
                for word in (p.lower_, p.lemma_.lower(), *[x.lower_ for x in p.children if x.dep_ == "compound"]):
                    if word in OBJECT_THEMES:
                        return OBJECT_THEMES[word]
    return None



def _theme_of_act(act: Token) -> str | None:
    """The branch digits of an act asked for, promised or refused: 'release the hostages' -> '53'."""
    lemma = act.lemma_.lower()
    words = {p.lower_ for p in act.children if p.dep_ == "prt"}
    words |= {w for t in act.subtree if t.pos_ in ("NOUN", "ADJ", "ADP", "ADV") for w in (t.lemma_.lower(), t.lower_)}
    for lemmas, objects, branch in THEME_RULES:
        if lemma in lemmas and (not objects or words & objects or ("" in objects and not words)):
            return branch
    if lemma in CONTINUING_VERBS:
        # "vowed to keep supplying weapons", "promised to continue sending aid": the act continued
        for c in act.children:
            if c.dep_ == "xcomp":
                return _theme_of_act(c)
    return None


def _themed_code(code: str, branch: str | None, known) -> str:
    """'020' asking for a release becomes '0253'; a code that does not exist stays as it was."""
    if not branch:
        return code
    root = code[:2]
    if root in ("02", "03", "10"):
        for candidate in (root + branch, root + branch[:1]):
            if candidate in known:
                return candidate
    if root == "12" and branch[:1] in REJECT_BRANCH:
        three = REJECT_BRANCH[branch[:1]]
        if code not in ("120", three):
            return code  # the verb already says what is refused, and it is something else
        return three + branch[1] if len(branch) > 1 and three + branch[1] in known else three
    if root == "14" and len(branch) == 2 and branch[0] == "4":
        # demonstrations, hunger strikes, strikes, blockades and riots for leadership change (1),
        # policy change (2), rights (3) or a change of institutions or regime (4)
        base = "141" if code == "140" else code
        if base + branch[1] in known:
            return base + branch[1]
    return code


def _trace(trace: list[str], found: _Found, made: list[Event]) -> None:
    head = f"{found.trigger.text!r} (token {found.trigger.i}) matched {found.entry.label}"
    sources = ", ".join(m.code for m in found.sources) or "none"
    targets = ", ".join(m.code for m in found.targets) or "none"
    trace.append(f"{head}\n    source [{found.source_path}]: {sources}; target [{found.target_path or '-'}]: {targets}")
    if made:
        for e in made:
            trace.append(f"    KEPT {e.source.code} -> {e.target.code} {e.code} ({e.modality}"
                         f"{', negated' if e.negated else ''}) because {e.reason}")
    elif not found.sources:
        trace.append("    DROPPED: no source actor (CAMEO codes no event without one)")
    elif not found.targets and "place" not in found.entry.targets:
        trace.append("    DROPPED: no target actor found where the entry looks for one")
    else:
        trace.append("    DROPPED: no target, or the target is the source itself")


# Events dated more than this many years before publication are history the article recalls
# ("invaded Poland 80 years ago"); background within a decade is still coded.
HISTORY_YEARS = 10


def _long_before(value: str, published: dt.date) -> bool:
    last = value.split("/")[-1]
    try:
        year = int(last[:4])
    except ValueError:
        return False
    return year < published.year - HISTORY_YEARS


def _starts_after(value: str, published: dt.date) -> bool:
    first = value.split("/")[0]
    if len(first) == 4:
        return int(first) > published.year
    if len(first) == 7:
        return first > published.isoformat()[:7]
    return first > published.isoformat()


# Verbs that also name or describe ("what he called Beijing's stance", "called the move illegal"):
# their bare senses (call = telephone) hold only without a second complement.
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "dub"}


def _conditions_hold(entry: VerbEntry, token: Token) -> bool:
    if entry.specificity == 0 and token.lemma_.lower() in NAMING_VERBS and \
            any(c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") for c in token.children):
        return False
    if entry.specificity == 0 and token.lemma_.lower() in NAMING_VERBS and \
            any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in token.children) or \
            (entry.specificity == 0 and token.dep_ == "relcl" and token.lemma_.lower() in NAMING_VERBS):
        return False
    if entry.objects:
        objs = _objects(token)
        if not any(o.lemma_.lower() in entry.objects or o.lower_ in entry.objects for o in objs):
            return False
    # the parser often labels "to" a dative: "sent 900 troops to South Sudan"
    linked = [c for c in token.children if c.dep_ in ("prep", "agent", "prt", "dative") and not _of_time(c)]
    if entry.preps and not any(c.lower_ in entry.preps for c in linked):
        # "accused Imran Khan of corruption": the parser often hangs the verb's preposition on its object
        on_object = [c for o in token.children if o.dep_ == "dobj" for c in o.children
                     if c.dep_ == "prep" and c.lower_ in ("of", "for")]
        if not any(c.lower_ in entry.preps for c in on_object):
            return False
    if entry.particle and not any(c.lower_ == entry.particle for c in linked):
        return False
    if entry.modifiers:
        own = _own_subtree(token) if "clause" not in entry.targets else _with_clause(token)
        # a weapon as subject, with its modifiers: "a car bomb exploded", "a roadside bomb went off"
        own = list(own) + [t for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in BOMB_NOUNS
                           for t in (c, *[m for m in c.children if m.dep_ in ("compound", "amod")])]
        if not any(t.lemma_.lower() in entry.modifiers or t.lower_ in entry.modifiers for t in own):
            return False
    return True


def _with_clause(token: Token) -> list[Token]:
    """The trigger's subtree with its complement clause, without its subject: what was said."""
    subject = {t.i for c in token.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    return [t for t in token.subtree if t.i not in subject]


def _of_time(prep: Token) -> bool:
    """'on Thursday', 'in March': a preposition of time is no part of the verb's pattern."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _objects(token: Token) -> list[Token]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        objs.append(token.head)  # "the sanctions imposed on Iran"
    for o in list(objs):
        objs.extend(c for c in o.conjuncts)
        # "held more than two hours of talks", "a new round of negotiations"
        objs.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj")
    return objs


def _own_subtree(token: Token) -> list[Token]:
    """The trigger's subtree without its subject and without embedded clauses."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if t is token and c.dep_ in SUBJECT_DEPS:
                continue
            if c.dep_ in ("ccomp", "relcl", "advcl", "parataxis") and t is not token:
                continue
            if c.dep_ in ("ccomp", "parataxis") and t is token:
                continue
            stack.append(c)
    return out


def _actors_at(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    out: list[ActorMention] = []
    for t in [token, *token.conjuncts]:
        actor = analysis.at(t)
        if actor is None and t.dep_ in ("nsubj",) and t.lower_ in ("who", "which", "that"):
            continue
        if actor is None:
            # "her South Korean counterpart Cho Tae-yul": the name in apposition
            for right in t.rights:
                if right.dep_ == "appos" and analysis.at(right) is not None:
                    actor = analysis.at(right)
                    break
        if actor is None:
            # "the Chinese foreign ministry spokesman": an actor inside the noun phrase's left part
            for left in t.lefts:
                a = analysis.at(left)
                if a is not None and left.dep_ in ("compound", "poss", "amod", "nmod"):
                    actor = a
                    break
        if actor is not None:
            for m in actor.codes:
                if m not in out:
                    out.append(m)
    return out


# Nouns for people who act for others: "the foreign ministers of Armenia and Azerbaijan met".
DELEGATE_NOUNS = {"minister", "leader", "president", "official", "officials", "delegation", "representative", "envoy", "head",
                  "chief", "diplomat", "ambassador", "spokesman", "spokeswoman", "spokesperson", "negotiator",
                  "government", "member", "counterpart", "premier", "commander", "authority", "delegate",
                  "fighter", "militant", "soldier", "troop", "troops", "supporter", "officer", "agent", "unit", "gunman",
                  "loyalist", "militiaman", "police", "policeman",
                  # "thousands of Iranians", "a crowd of protesters"
                  "thousand", "hundred", "dozen", "ten", "million", "score", "crowd", "group", "number"}
# Branches of a subject that do not name who acts: "the talks of X", "who ...", "said in Y".
_NOT_SUBJECT_DEPS = {"prep", "relcl", "acl", "ccomp", "advcl", "appos", "punct"}


def _subject_actors(subj: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    """The actors a subject names, with coordinations the parser attached badly ('Lula da Silva
    and Argentine President Javier Milei spoke', where 'Silva' hangs off 'Milei') and the people
    of a delegate noun ('the foreign ministers of Armenia and Azerbaijan')."""
    found = _actors_at(subj, analysis)
    allowed: list[Token] = []
    stack = [subj]
    while stack:
        t = stack.pop()
        allowed.append(t)
        # "Saudi Arabia, Egypt, the UAE and Bahrain cut ties": the parser makes the list an apposition
        stack.extend(c for c in t.children if c.dep_ not in _NOT_SUBJECT_DEPS or
                     (c.dep_ == "appos" and analysis.at(c) is not None and
                      all(m.type == "STATE" for m in analysis.at(c).codes)))
    if any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in allowed):
        for t in sorted(allowed, key=lambda t: t.i):
            actor = analysis.at(t)
            if actor is not None:
                found.extend(m for m in actor.codes if m not in found)
    if not found and subj.lemma_.lower() in DELEGATE_NOUNS:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = _actors_at(p, analysis) or _countries_named(p, analysis, subj)
    return found


def _countries_named(token: Token, analysis: ActorAnalysis, delegate: Token) -> list[ActorMention]:
    """'officials from Vietnam and Laos', 'troops from India and Mongolia': the countries delegates
    come from, named as places."""
    sector = DELEGATE_SECTORS.get(delegate.lemma_.lower(), "GOV")
    out = []
    for t in (token, *token.conjuncts):
        for s, e, country in analysis.place_spans:
            if s <= t.i < e and country and e - s <= 4:
                out.append(ActorMention(text=t.text, start=t.idx, end=t.idx + len(t.text), code=country + sector,
                                        name=f"{country} {delegate.text}", type="AGENT", country=country,
                                        reason=f"delegates from {t.text!r}"))
    return out


DELEGATE_SECTORS = {"troop": "MIL", "troops": "MIL", "soldier": "MIL", "force": "MIL", "forces": "MIL",
                    "officer": "MIL", "unit": "MIL", "police": "COP", "policeman": "COP"}
# Nouns whose infinitive is the purpose of the clause's subject: "in order to", "in a bid to".
PURPOSE_NOUNS = {"order", "effort", "bid", "attempt", "push", "drive", "way"}


def _subject(token: Token, analysis: ActorAnalysis) -> tuple[list[ActorMention], str]:
    cur = token
    path = [token.lemma_]
    for _ in range(MAX_CLIMB):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("who", "that") and cur.dep_ == "relcl":
                subj = cur.head
            return _subject_actors(subj, analysis), "nsubj of " + "<-".join(path)
        for c in cur.children:
            # A quotation split by "he said" often parses with the quoted clause's subject
            # hung on the verb of saying: '“China will,” he said, “firmly support ...”'.
            stolen = [s for s in c.children if s.dep_ == "nsubj"] if c.dep_ == "parataxis" else []
            if len(stolen) >= 2 and c.lemma_.lower() in SPEECH_VERBS:
                return _actors_at(stolen[0], analysis), f"nsubj of {'<-'.join(path)} (moved from {c.text!r})"
        if cur.dep_ not in CLIMB_DEPS or cur.head is cur:
            break
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.lemma_.lower() not in PURPOSE_NOUNS:
            # a participle on a noun acts for that noun: "protesters demanding ...", "forces defending
            # Mariupol"; on a thing ("a resolution condemning ...") its doer is the thing's owner
            owner = _actors_at(cur.head, analysis) or _possessor(cur.head, analysis)
            return owner, f"noun modified by {'<-'.join(path)}" if owner else "no subject (participle on a thing)"
        path.append(f"{cur.dep_}:{cur.head.lemma_}")
        cur = cur.head
    return [], "no subject"


def _within_phrase(t: Token, top: Token) -> bool:
    """Whether ``t`` hangs below ``top`` with no other verb between them."""
    cur = t.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return cur.i == top.i


def _agent(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    for c in token.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _actors_at(p, analysis)
    return []


def _phrase_actors(token: Token, word: str, analysis: ActorAnalysis) -> list[ActorMention]:
    """The actors of the first ``word``-phrase under ``token`` that names any ('by Hamas')."""
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == word:
            for p in c.children:
                actors = _actors_at(p, analysis) if p.dep_ == "pobj" else []
                if actors:
                    return actors
    return []


def _noun_sources(token: Token, analysis: ActorAnalysis) -> tuple[list[ActorMention], str]:
    for c in token.children:
        if c.dep_ == "poss":
            return _actors_at(c, analysis), "possessor"
    for c in token.children:
        if c.dep_ in ("compound", "amod"):
            actors = _actors_at(c, analysis)
            if actors:
                return actors, "modifier"
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _actors_at(p, analysis), "between"
    actors = _phrase_actors(token, "by", analysis)
    if actors:
        return actors, "by-phrase"  # "the release of 13 hostages by Hamas"
    actors = _phrase_actors(token, "from", analysis) if token.lemma_.lower() in FROM_DOER_NOUNS else []
    if actors:
        return actors, "from-phrase of an act sent"  # "a donation of vaccines from China"
    for c in token.children:
        if c.dep_ == "acl":
            agent = _agent(c, analysis)
            if agent:
                return agent, "agent of " + c.lemma_
    # "the withdrawal of UN peacekeepers from Mali", "the visit of Japan's prime minister to Kyiv"
    actors = _phrase_actors(token, "of", analysis) if token.lemma_.lower() in DOER_OF_NOUNS else []
    if actors:
        return actors, "of-phrase of an act done, not suffered"
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "as") and token.head.head.pos_ in ("VERB", "AUX"):
        # "test-fired missiles ... in a show of force": the act the phrase describes is the verb's subject's
        return _subject(token.head.head, analysis)
    if token.dep_ == "pobj" and token.head.lower_ in ("over", "about", "regarding", "concerning") and \
            token.head.head.pos_ not in ("VERB", "AUX"):
        return [], "no source"  # "an apology over the demolition": no one named did the demolition
    if token.dep_ == "pobj" and token.head.lower_ in ("for", "to") and \
            token.head.head.lemma_.lower() in ("retaliation", "revenge", "reprisal", "response", "reaction"):
        return [], "no source"  # "struck Israel in retaliation for the attack": the other side's act
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and token.head.lemma_.lower() not in REACTION_VERBS:
        # "launched an attack", "held talks": the verb's subject does the act; one who condemns or
        # welcomes an act did not do it
        return _subject(token.head, analysis)
    return [], "no source"


def _targets(entry: VerbEntry, token: Token, analysis: ActorAnalysis, passive: bool
             ) -> tuple[list[ActorMention], str]:
    if passive:
        for c in token.children:
            if c.dep_ == "nsubjpass":
                found = _actors_at(c, analysis) or _possessor(c, analysis) or _doer_of(c, analysis) or \
                    _inner_actor(c, analysis)
                if not found and ("place" in entry.targets or entry.code[:2] in ("18", "19", "20")):
                    # "Kharkiv was shelled overnight by Russian forces", "a school in Idlib was hit by air strikes"
                    found = _country_of_place(c, analysis) or next(
                        (f for t in sorted(c.subtree, key=lambda t: t.i) if t.dep_ == "pobj" and
                         t.head.lower_ in ("in", "near", "at", "outside", "of") and (f := _country_of_place(t, analysis))),
                        [])
                if found:
                    return found, "passive subject"
    for where in entry.targets:
        found: list[ActorMention] = []
        if where in ("obj", "poss"):
            for o in _objects(token):
                if o.dep_ == "nsubjpass" and not passive:
                    continue
                if where == "obj":
                    found = _actors_at(o, analysis) or _doer_of(o, analysis)
                else:
                    # whose the object is; an object that is itself an actor ("expelled two Russian
                    # diplomats", "released the Israeli hostages") belongs to itself
                    found = _possessor(o, analysis) or _actors_at(o, analysis)
                if found:
                    return found, f"{where} of {token.lemma_}"
            if where == "poss" and not passive:
                # "criticized a visit to Taiwan by a delegation of U.S. senators": the parser often
                # hangs the object's by-phrase on the verb; an active verb has no agent of its own
                found = _possessor(token, analysis)
                if found:
                    return found, f"by-phrase of {token.lemma_} (the object's doer)"
        elif where == "clause":
            # "said he was optimistic that relations with North Korea would improve": the first
            # actor in what was said who is not the speaker
            speakers = [m for c in token.children if c.dep_ in SUBJECT_DEPS for m in _subject_actors(c, analysis)]
            speaker = {m.code for m in speakers}
            # "China warned that its military would not sit idly by if Pelosi visited Taiwan": the
            # speaker's own forces are not whom the warning is aimed at
            own = {m.country for m in speakers if m.country}
            for t in _with_clause(token):
                if t.i <= token.i or t.dep_ in SUBJECT_DEPS and t.head is token:
                    continue
                found = [m for m in _actors_at(t, analysis) if m.code not in speaker and
                         not (m.country in own and m.code[3:6] in ("GOV", "MIL", "COP", "") and
                              token.lemma_.lower() in THREAT_VERBS)]
                if found:
                    return found, f"actor in what {token.lemma_!r} says"
        elif where == "iobj":
            for c in token.children:
                if c.dep_ in ("dative", "iobj"):
                    found = _actors_at(c, analysis)
                    if found:
                        return found, "indirect object"
        elif where.startswith("prep:"):
            word = where[5:]
            # the nearest such preposition under the trigger: "approved $2.8 billion in aid to Egypt"
            for holder in _nearest_first(token):
                if word == "with" and holder.lemma_.lower() in BORDER_NOUNS:
                    continue  # "drills near Belarus's border with Ukraine": no partner in the drills
                for c in holder.children:
                    # "sent weapons to Ukraine" often parses "to" as a dative
                    if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ == word:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                # the entry names this preposition as the target's: a country named as
                                # a place there ("recalled its ambassador from Madrid") is the party
                                # "near Belarus's border with Ukraine": the other side of the border
                                found = _actors_at(p, analysis) or _across_border(p, analysis) or \
                                    _possessor(p, analysis) or _topic(p, analysis) or _country_of_place(p, analysis)
                                if found:
                                    return found, f"{word}-object of {holder.lemma_}"
    # "pledged to keep up its support for Ukraine": the target sits in the infinitive
    for c in token.children:
        if c.dep_ == "xcomp":
            for t in _own_subtree(c):
                if t.dep_ in ("pobj", "dobj", "dative") and t.head.lower_ not in LOCATIVE_PREPS:
                    found = _actors_at(t, analysis)
                    if found:
                        return found, f"{t.dep_} inside {c.lemma_!r}"
    return [], ""


def _nearest_first(token: Token) -> list[Token]:
    """The trigger's own subtree without its subject, nearest words first: where a preposition the
    entry names is looked for ("approved $2.8 billion in aid to Egypt")."""
    return sorted((t for t in _own_subtree(token) if t is token or t.dep_ not in SUBJECT_DEPS),
                  key=lambda t: abs(t.i - token.i))


def _deep_target(entry: VerbEntry, token: Token, analysis: ActorAnalysis, sources: list[ActorMention]
                 ) -> tuple[list[ActorMention], str]:
    """The last resort for a target: an actor deeper inside the phrase the entry names ("an
    investigation into abuses committed by Iranian forces", "restrictions on materials bound for
    South Korea"), not inside a place phrase and not the source's own side."""
    words = [w[5:] for w in entry.targets if w.startswith("prep:")]
    holders = _nearest_first(token)
    own = [m.code for m in sources]
    for word in words:
        for c in (c for holder in holders for c in holder.children):
            if c.dep_ not in ("prep", "dative") or c.lower_ != word:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                found = _doer_of(p, analysis)
                if not found:
                    for t in sorted(p.subtree, key=lambda t: abs(t.i - p.i)):
                        if t.i == p.i or _under_place_phrase(t, p):
                            continue
                        actor = analysis.at(t)
                        if actor is not None:
                            found = list(actor.codes)
                            break
                found = [m for m in found if not any(_same_party(m.code[:3], o[:3]) for o in own)]
                if found:
                    return found, f"inside the {word}-phrase of {token.lemma_}"
    return [], ""


def _under_place_phrase(t: Token, top: Token) -> bool:
    """Whether ``t`` sits in a place phrase ('in India's market') or a clause below ``top``."""
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        # "from" and "towards" name whom goods or moves come from or go to: "imports from Georgia"
        if cur.dep_ == "relcl" or (cur.dep_ == "prep" and cur.lower_ in LOCATIVE_PREPS - {"from", "towards", "toward"}):
            return True
        cur = cur.head
    return False


# Nouns for matters between parties: "optimism about relations with Turkey", "commented on the
# situation in Libya".
TOPIC_NOUNS = {"relation", "relations", "tie", "ties", "situation", "crisis", "development", "developments",
               "conflict", "war", "dispute", "prospect", "prospects", "future", "election", "elections", "events",
               "talks", "talk", "negotiations", "negotiation", "dialogue", "cooperation", "trade", "coup",
               "crackdown", "violence", "fighting", "offensive", "attack", "attacks", "killing", "killings",
               "arrest", "arrests", "detention", "sentence", "vote", "referendum", "decision", "policy", "plan",
               "programme", "program", "test", "tests", "launch", "launches", "drills", "exercises", "actions",
               "behaviour", "behavior", "conduct", "treatment", "record", "presence", "activities", "moves"}


def _topic(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    if token.lemma_.lower() not in TOPIC_NOUNS and token.lower_ not in TOPIC_NOUNS:
        return []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "in", "of", "over", "on", "for"):
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _actors_at(p, analysis) or _possessor(p, analysis) or _country_of_place(p, analysis)
                    if found:
                        return found
    return _possessor(token, analysis)


def _country_of_place(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    """'the situation in Libya': the country a place names, as the party concerned; with its
    conjuncts ('returned artefacts to Sri Lanka and Indonesia')."""
    out: list[ActorMention] = []
    for t in (token, *token.conjuncts):
        for start, end, country in analysis.place_spans:
            if start <= t.i < end and country and all(m.code != country for m in out):
                span = token.doc[start:end]
                out.append(ActorMention(text=span.text, start=span.start_char, end=span.end_char, code=country,
                                        name=country, type="STATE", country=country,
                                        reason=f"the country of the place {span.text!r}"))
                break
        if t is token and not out:
            return []
    return out


BORDER_NOUNS = {"border", "borders", "frontier", "boundary", "line"}


def _across_border(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    """'sent troops to its border with Belarus': the country on the other side."""
    if token.lemma_.lower() not in BORDER_NOUNS:
        return []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _actors_at(p, analysis)
    return []


def _inner_actor(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    """The nearest actor inside a noun phrase: 'a convoy carrying Iranian military advisers'."""
    for t in sorted(token.subtree, key=lambda t: abs(t.i - token.i)):
        if t.i == token.i or t.dep_ in ("relcl",):
            continue
        actor = analysis.at(t)
        if actor is not None and not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS):
            return list(actor.codes)
    return []


def _possessor(token: Token, analysis: ActorAnalysis, depth: int = 2) -> list[ActorMention]:
    """Whose thing it is: 'Russia's efforts', 'the efforts of Russia', 'a visit by a delegation of
    U.S. senators' (one level of nesting)."""
    for c in token.children:
        if c.dep_ == "poss":
            return _actors_at(c, analysis)
    # "the efforts of Russia", "the proposal by Kyiv", "the offer from Beijing"; the by-phrase first:
    # "the execution of Ukrainian soldiers by Russian troops" is the troops' act
    for c in sorted(token.children, key=lambda c: c.lower_ != "by"):
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _actors_at(p, analysis) or (_possessor(p, analysis, depth - 1) if depth > 1 else [])
                    if found:
                        return found
    return []


def _doer_of(token: Token, analysis: ActorAnalysis) -> list[ActorMention]:
    """'hegemonic behaviour ... which is being perpetrated by the Biden Administration'."""
    for t in token.subtree:
        if t.dep_ in ("relcl", "acl") and t.i > token.i:
            agent = _agent(t, analysis)
            if agent:
                return agent
    return []


def _modality(trigger: Token) -> tuple[bool, str, str | None, str | None]:
    """(negated, modality, refusal verb, note) for the clause of ``trigger``."""
    negated = any(c.dep_ == "neg" for c in trigger.children)
    modality = "asserted"
    refusal = None
    note = None
    chain = [trigger]
    cur = trigger
    while (cur.dep_ in ("xcomp", "pcomp", "acl", "pobj", "prep") or _infinitive_clause(cur) or
           # "threatened to recall its ambassador and cut ties": the second act is threatened too
           (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and
            (cur.head.dep_ == "xcomp" or _infinitive_clause(cur.head)))) and \
            cur.head is not cur and len(chain) < 5:
        cur = cur.head
        chain.append(cur)
    for gov in chain[1:]:
        if gov.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        lemma = gov.lemma_.lower()
        ruled_out = lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in gov.children)
        if (lemma in REFUSAL_VERBS or ruled_out) and not any(c.dep_ == "neg" for c in gov.children):
            refusal = lemma
            break
        if lemma in STOPPING_VERBS and gov.pos_ in ("VERB", "AUX") and not any(c.dep_ == "neg" for c in gov.children):
            refusal = "stopped"  # "stopped supplying weapons": the act ends (see STOPPED_BY_CODE)
            note = f"stopped: governed by {gov.text!r}"
            break
        if lemma in INTENT_VERBS or (gov.pos_ == "ADJ" and lemma in ("ready", "willing", "eager", "keen", "prepared")):
            modality = "intended"
            note = f"intended: governed by {gov.text!r}"
            if any(c.dep_ == "neg" for c in gov.children):
                negated = True
            break
    clause = chain[-1] if refusal is None else chain[0]
    for t in (trigger, *chain[1:]):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass"):
                word = c.lower_
                if word in FUTURE_AUX and modality == "asserted":
                    modality, note = "future", f"future: {c.text!r}"
                elif word in OBLIGATION_AUX and modality == "asserted":
                    modality, note = "obligated", f"obligated: {c.text!r}"
                elif word in POSSIBLE_AUX and modality == "asserted":
                    modality, note = "possible", f"possible: {c.text!r}"
            if c.dep_ == "neg" and t.lemma_.lower() not in DOUBLE_NEGATIVE_VERBS:
                negated = True
            if c.dep_ == "mark" and (c.lower_ in CONDITIONAL_MARKS or
                                     c.lower_ == "until" and t.tag_ in ("VBZ", "VBP")):
                # "until Maduro's government frees political prisoners": a condition not yet met
                modality, note = "hypothetical", f"hypothetical: {c.text!r}"
    up = trigger
    for _ in range(3):
        if up.dep_ not in ("ccomp", "xcomp", "conj") or up.head is up:
            break
        low = up
        up = up.head
        if up.lemma_.lower() in SPECULATIVE_VERBS and up.pos_ in ("VERB", "AUX") and \
                (low.dep_ == "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in low.children)):
            # someone else's act guessed at ("did not expect Russia to deploy"); "expects to sign" is an intent
            # "officials did not expect Russia to deploy troops", "analysts predicted China would ...":
            # a guess, not an act
            modality, note = "hypothetical", f"hypothetical: expected by {up.text!r}"
            break
    if modality in ("asserted", "possible"):
        top = clause
        while top.dep_ in ("conj", "xcomp", "advcl") and top.head is not top:
            top = top.head
        if top.dep_ == "ccomp" and top.head.lemma_.lower() in SPEECH_VERBS:
            if modality == "possible":
                # "X said Y would strike ...", "warned that Moscow could use ...": an announced act,
                # the future as seen from the moment of speaking
                modality, note = "future", f"future: {note.split(': ', 1)[-1]} inside {top.head.text!r}"
            else:
                modality, note = "reported", f"reported: inside {top.head.text!r}"
    return negated, modality, refusal, note


def _clause_date(trigger: Token, dates: list[DateRef]) -> DateRef | None:
    own = _own_subtree(trigger)
    offsets = {t.idx for t in own}
    for d in dates:
        if d.start in offsets or any(d.start <= o < d.end for o in offsets):
            if d.value:
                return d
    return None


def _event_place(trigger: Token, places: list[tuple[Place, int]]) -> Place | None:
    own = {t.i for t in _own_subtree(trigger)}
    for place, head in places:
        if head in own:
            return place
    return None


def _pairs(sources: list[ActorMention], targets: list[ActorMention], code: str, mutual: bool = False,
           both_ways: bool = False) -> list[tuple[ActorMention, ActorMention | None, str, str]]:
    """(source, target, code, note) for every event the actors make; ``both_ways`` for a mutual act
    with a with-object ("troops exchanged fire with guerrillas"): each side acts on the other."""
    out: list[tuple[ActorMention, ActorMention | None, str, str]] = []
    if len(sources) >= 2 and targets and all(any(_same_party(t.code, s.code) for s in sources) for t in targets) \
            and code[:2] not in ("17", "18", "19", "20"):
        # "Indonesia and Australia pledged ... during the Australian leader's visit": each other; but
        # "Turkish troops and Syrian rebels took control of a town in Syria" is force against Syria
        targets = []
    if len(sources) >= 2 and (not targets or mutual) and (mutual or code in RECIPROCAL or code[:2] in MUTUAL_ROOTS):
        # "China and Russia agreed to deepen cooperation", "the two countries should cooperate"
        for s in sources:
            for t in sources:
                if s is not t and not _same_party(s.code, t.code):
                    out.append((s, t, code, "joint act: each of the sources towards the other"))
        return out
    for s in sources:
        for t in targets or [None]:
            out.append((s, t, code, ""))
            if t is not None and code in RECIPROCAL:
                out.append((t, s, code, f"reciprocal: CAMEO codes {code} in both directions"))
            elif t is not None and both_ways:
                out.append((t, s, code, "mutual: an exchange or clash with the other side goes both ways"))
            elif t is not None and code in MIRROR:
                out.append((t, s, MIRROR[code], f"mirror of {code}: the other side of the visit"))
    return out
