"""Quotations: find quoted speech, join quotations split by "he said", and
attribute each to its speaker.

Order of the steps:
1. Classify every double quotation mark (straight, curly, guillemets) as an
   opener or a closer from the characters beside it; marks with space on both
   sides (a scraper's stray mark) are decided by whether a quotation is open.
2. Pair marks with a stack: nested quotations stay inside the outer one, and
   a quotation still open at the end of its paragraph ends there.
3. Drop quoted titles (programme names, "Year of ..." — mostly capitalised
   words, no sentence) and scare quotes of one or two words.
4. Join a quotation that ends with a comma to the next one when only a short
   attribution stands between them ("“China will, as always,” he said, “...”").
5. Find the speaker: the subject of the speech verb that governs the quotation
   in the parse, or of a speech verb just before or after it; the subject is
   resolved through the actor analysis (names, titles, pronouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import Quote, Span, Speaker
from .actors import ActorAnalysis

__all__ = ["find_quotes", "QUOTE_SPEECH_VERBS"]

OPENING = {"“", "„", "«"}
CLOSING = {"”", "»"}
MARKS = OPENING | CLOSING | {'"'}
# Verbs of saying, strongest first: a quotation inside "He said the two countries must assert
# “fairness”" belongs to the one who said it, not to whoever asserts.
QUOTE_SPEECH_VERBS = {"say", "tell", "add", "note", "stress", "state", "announce", "declare", "insist", "write",
                      "reply", "respond", "explain", "argue", "emphasize", "emphasise", "underline", "affirm",
                      "remark", "reiterate", "observe", "comment", "recall", "quote", "conclude", "caution"}
WEAK_SPEECH_VERBS = {"warn", "threaten", "urge", "ask", "claim", "assert", "vow", "pledge", "describe", "complain",
                     "accuse", "promise", "admit", "acknowledge", "deny", "suggest", "call"}
# Words of a title that need not be capitalised ("Year of Scientific and Technological Innovation").
_TITLE_SMALL = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "with", "at", "by"}
# A quoted single word ("democracy,") is a scare quote, not a statement; two words ("serious costs")
# are already someone's words worth attributing.
MAX_SCARE_WORDS = 1
# Between two parts of a split quotation at most this many words may stand ("he said, ").
MAX_ATTRIBUTION_WORDS = 8
_WORD = re.compile(r"[\w’'-]+")


@dataclass(slots=True)
class _Raw:
    start: int  # inner text, marks excluded
    end: int


def find_quotes(doc: Doc, text: str, analysis: ActorAnalysis) -> list[Quote]:
    raws = [r for r in _pair_marks(text) if _is_statement(text[r.start:r.end])]
    groups = _join_split(text, raws)
    quotes = []
    for group in groups:
        parts = tuple(Span(text=text[r.start:r.end].strip(), start=r.start + _lead_ws(text[r.start:r.end]),
                           end=r.end - _trail_ws(text[r.start:r.end])) for r in group)
        parts = tuple(p for p in parts if p.text)
        if not parts:
            continue
        joined = " ".join(p.text for p in parts)
        between = (group[0].end, group[-1].start) if len(group) > 1 else None
        speaker, verb = _speaker(doc, parts[0].start, parts[-1].end, between, analysis)
        quotes.append(Quote(text=joined, start=parts[0].start, end=parts[-1].end, speaker=speaker, verb=verb,
                            parts=parts))
    return quotes


def _lead_ws(s: str) -> int:
    return len(s) - len(s.lstrip())


def _trail_ws(s: str) -> int:
    return len(s) - len(s.rstrip())


def _role(text: str, i: int, depth: int) -> str | None:
    if text[i] == "«":
        return "open"  # guillemets say their direction; curly marks in scraped text often do not
    if text[i] == "»":
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # inside a word: not a quotation mark
    left = not nxt.isspace() and (prev.isspace() or prev in "([{—–-/:" or prev in MARKS)
    right = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if prev.isspace() and nxt.isspace():
        return "close" if depth > 0 else "open"
    mark = text[i]
    if mark in OPENING:
        return "open"
    if mark in CLOSING:
        return "close"
    return "close" if depth > 0 else "open"


def _pair_marks(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    stack: list[int] = []  # positions of open marks
    for i, ch in enumerate(text):
        if ch == "\n" and text[i:i + 2] == "\n\n" and stack:
            out.append(_Raw(stack[0] + 1, i))  # an open quotation ends with its paragraph
            stack.clear()
            continue
        if ch not in MARKS:
            continue
        role = _role(text, i, len(stack))
        if role == "open":
            stack.append(i)
        elif role == "close" and stack:
            start = stack.pop()
            if not stack:
                out.append(_Raw(start + 1, i))
    if stack:
        out.append(_Raw(stack[0] + 1, len(text)))
    return [r for r in out if r.end > r.start]


def _is_statement(inner: str) -> bool:
    words = _WORD.findall(inner)
    if len(words) <= MAX_SCARE_WORDS:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    sentence_like = bool(re.search(r"[.!?,;]\s*$", inner.strip())) or len(words) > 12
    if content and capitalised / len(content) >= 0.7 and not sentence_like:
        return False  # a title: "China-Russia Year of Scientific and Technological Innovation"
    return True


def _join_split(text: str, raws: list[_Raw]) -> list[list[_Raw]]:
    groups: list[list[_Raw]] = []
    for raw in raws:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end:raw.start]
            inner = text[last.start:last.end].rstrip()
            gap_words = _WORD.findall(gap)
            if inner.endswith(",") and "\n" not in gap and 0 < len(gap_words) <= MAX_ATTRIBUTION_WORDS \
                    and not re.search(r"[.!?]", gap):
                groups[-1].append(raw)
                continue
        groups.append([raw])
    return groups


def _speaker(doc: Doc, start: int, end: int, between: tuple[int, int] | None,
             analysis: ActorAnalysis) -> tuple[Speaker | None, str | None]:
    inside = [t for t in doc if start <= t.idx < end]
    candidates: list[Token] = []
    if between is not None:
        candidates += [t for t in doc if between[0] <= t.idx < between[1] and _is_speech(t)]
    # the verb governing the quotation in the parse: the nearest verb of saying, else a weaker one
    governing: list[Token] = []
    for t in inside:
        if t.head.idx < start or t.head.idx >= end:
            governing.extend(a for a in t.ancestors if not start <= a.idx < end)
    candidates += [a for a in governing if _is_speech(a)]
    candidates += [a for a in governing if _is_speech(a, weak=True)]
    # a speech verb just after or just before the quotation ('," he said.' / 'He said: "')
    after = [t for t in doc if end <= t.idx < end + 60]
    candidates += [t for t in after[:8] if _is_speech(t) and _subject_of(t) is not None]
    candidates += [t for t in after[:8] if _is_speech(t, weak=True) and _subject_of(t) is not None]
    before = [t for t in doc if start - 60 <= t.idx < start]
    candidates += [t for t in reversed(before[-8:]) if _is_speech(t) and _subject_of(t) is not None]
    quoted = range(start, end) if between is None else [*range(start, between[0]), *range(between[1], end)]
    for verb in candidates:
        subj = _subject_of(verb, quoted=set(quoted))
        if subj is None:
            continue
        return _speaker_from(subj, analysis), verb.text
    return None, candidates[0].text if candidates else None


def _is_speech(token: Token, weak: bool = False) -> bool:
    verbs = WEAK_SPEECH_VERBS if weak else QUOTE_SPEECH_VERBS
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs


def _subject_of(verb: Token, quoted: set[int] = frozenset()) -> Token | None:
    """The subject of a verb of saying, not one inside the quotation itself."""
    cur = verb
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects.sort(key=lambda c: c.idx in quoted)
        if subjects and subjects[0].idx not in quoted:
            return subjects[0]
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
        else:
            break
    return None


def _speaker_from(subj: Token, analysis: ActorAnalysis) -> Speaker:
    actor = analysis.at(subj)
    if actor is None:
        # "a Chinese foreign ministry spokesman", "Mao Ning, the ministry's spokeswoman": an actor that
        # modifies the subject or stands in apposition to it, not one in a phrase of place ("a trader
        # in Singapore")
        for t in subj.children:
            if t.dep_ in ("compound", "poss", "amod", "nmod", "appos") and analysis.at(t) is not None:
                actor = analysis.at(t)
                break
    if actor is not None:
        m = actor.mention
        return Speaker(name=m.name, code=m.code, text=m.text, start=m.start, end=m.end)
    left = min(t.i for t in subj.subtree)
    right = max(t.i for t in subj.subtree) + 1
    span = subj.doc[left:right]
    if len(span) > 8:
        span = subj.doc[subj.i:subj.i + 1]
    return Speaker(name=span.text, code=None, text=span.text, start=span.start_char, end=span.end_char)
