"""Score an article record against an analyst's expectations file.

The expectations use the schema of the seed article's ``expected.json``
(article / actors / events / quotes / amounts / dates, each with "must",
"should" and "must_not"). The scoring follows the seed checker, with three
differences that the fixtures need: an amount's qualifier is compared with the
expected qualifier; an empty expected "published" or "source" means the record
must have none; and negated events are not counted against "must_not"
sentences (a negated event is recorded, flagged, and not an occurrence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    level: str  # must or should
    ok: bool
    label: str


def norm(s: str | None) -> str:
    s = (s or "").replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s.strip(" .,;:\"'")


def _span(item: dict) -> tuple[int, int] | None:
    try:
        return int(item["start"]), int(item["end"])
    except (KeyError, TypeError, ValueError):
        return None


def _overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _code(actor) -> str:
    return (actor or {}).get("code") or ""


def score(record: dict, expected: dict) -> list[Check]:
    out: list[Check] = []
    text = record.get("text") or ""
    art = expected["article"]["must"]
    out.append(Check("must", (record.get("published") or "")[:10] == art["published"],
                     f"published == {art['published']!r} (got {record.get('published')!r})"))
    out.append(Check("must", (record.get("source") or "").upper() == art["source"].upper(),
                     f"source == {art['source']!r} (got {record.get('source')!r})"))
    out.append(Check("must", norm(record.get("title")) == norm(art["title"]),
                     f"title (got {record.get('title')!r})"))
    out.append(Check("must", norm(text).startswith(norm(art["text_starts_with"])), "text starts after the dateline"))
    out.append(Check("must", norm(text).endswith(norm(art["text_ends_with"])), "text ends before the footer"))
    for bad in art.get("text_excludes", []):
        out.append(Check("must", bad.lower() not in text.lower(), f"text excludes {bad!r}"))

    actors = record.get("actors") or []
    for level in ("must", "should"):
        for exp in expected["actors"].get(level, []):
            if "code" in exp:
                ok = any(norm(exp["text"]) in norm(a.get("text")) and _code(a) == exp["code"] for a in actors)
                label = f"actor {exp['text']!r} -> {exp['code']}"
            else:
                ok = any(norm(exp["text"]) in norm(a.get("text")) and
                         (_code(a).startswith(exp["type"]) or (a.get("type") or "").upper() == exp["type"])
                         for a in actors)
                label = f"actor {exp['text']!r} is {exp['type']}"
            out.append(Check(level, ok, label))
    for exp in expected["actors"].get("must_not", []):
        i = text.find(exp["text"])
        forbidden = (i, i + len(exp["text"])) if i >= 0 else None
        out.append(Check("must", not any(_overlaps(_span(a), forbidden) for a in actors),
                         f"no actor inside {exp['text']!r}"))

    events = record.get("events") or []

    def matches(exp, ev) -> bool:
        roots = exp["root_code"] if isinstance(exp["root_code"], list) else [exp["root_code"]]
        if _code(ev.get("source"))[:3] != exp["source_country"] or \
                _code(ev.get("target"))[:3] != exp["target_country"]:
            return False
        if not any(str(ev.get("code", "")).startswith(r) for r in roots):
            return False
        if "date" in exp and not str(ev.get("date") or "").startswith(exp["date"]):
            return False
        return norm(exp["evidence"].split("...")[0]) in norm(ev.get("sentence"))

    for level in ("must", "should"):
        for exp in expected["events"].get(level, []):
            ok = any(matches(exp, ev) for ev in events)
            out.append(Check(level, ok, f"event {exp['source_country']}->{exp['target_country']} "
                                        f"{exp['root_code']}: {exp['evidence'][:60]!r}"))
            if ok and "prefer_code" in exp:
                out.append(Check("should", any(matches(exp, ev) and ev.get("code") == exp["prefer_code"]
                                               for ev in events), f"  ... coded exactly {exp['prefer_code']}"))
    for exp in expected["events"].get("must_not", []):
        if "source_or_target_text" in exp:
            i = text.find(exp["source_or_target_text"])
            forbidden = (i, i + len(exp["source_or_target_text"])) if i >= 0 else None
            ok = not any(_overlaps(_span(ev.get("source") or {}), forbidden) or
                         _overlaps(_span(ev.get("target") or {}), forbidden) for ev in events)
            out.append(Check("must", ok, f"no event actor inside {exp['source_or_target_text']!r}"))
        for bad in exp.get("evidence_in", []):
            ok = not any(bad.lower() in (ev.get("sentence") or "").lower() and not ev.get("negated")
                         for ev in events)
            out.append(Check("must", ok, f"no (un-negated) event from {bad[:50]!r}"))

    quotes = record.get("quotes") or []
    for level in ("must", "should"):
        for exp in expected["quotes"].get(level, []):
            want = norm(exp["text"])
            ok = any(want in norm(q.get("text")) and len(norm(q.get("text"))) <= 1.3 * len(want) + 10
                     and _code(q.get("speaker")) == exp["speaker_code"] for q in quotes)
            out.append(Check(level, ok, f"quote {exp['text'][:50]!r} by {exp['speaker_code']}"))

    amounts = record.get("amounts") or []
    for exp in expected["amounts"].get("must", []):
        ok = any(float(a.get("value") or 0) == float(exp["value"]) and a.get("currency") == exp.get("currency")
                 and (a.get("qualifier") or "") == exp.get("qualifier", "exact")
                 and (exp.get("about_contains") or "").lower() in (a.get("about") or "").lower() for a in amounts)
        out.append(Check("must", ok, f"amount {exp['text']!r} = {exp['value']} {exp.get('currency')} "
                                     f"{exp.get('qualifier')} about {exp.get('about_contains')!r}"))
    dates = record.get("dates") or []
    for exp in expected["dates"].get("must", []):
        ok = any(norm(exp["text"]) == norm(d.get("text")) and str(d.get("value")) == exp["value"] for d in dates)
        out.append(Check("must", ok, f"date {exp['text']!r} = {exp['value']}"))
    return out
