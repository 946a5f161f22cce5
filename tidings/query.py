"""Read functions over the store, shared by the CLI (and later the REST API
and web pages). Every statement is parameterised."""

from __future__ import annotations

import re
from typing import Any

from .errors import TidingsError
from .store import Store

__all__ = ["events", "article", "summary", "EVENT_COLUMNS"]

EVENT_COLUMNS = ("article_id", "date", "source_code", "source_name", "target_code", "target_name", "code",
                 "root_code", "quad_class", "goldstein", "plover", "plover_mode", "plover_context", "negated",
                 "modality", "source_text", "target_text", "sentence", "reason", "start", "end", "seq")
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def events(store: Store, *, actor: str | None = None, dyad: str | None = None, code: str | None = None,
           since: str | None = None, until: str | None = None, include_negated: bool = True,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Stored events, oldest first. ``actor`` and the sides of ``dyad`` ("CHN-RUS", both directions)
    match actor codes by prefix; ``code`` matches CAMEO codes by prefix ("04" is every consultation)."""
    where, params = [], []
    if actor:
        actor = _check(actor.upper(), _CODE, "actor", "a CAMEO actor code such as CHN or CHNGOV")
        where.append("(source_code LIKE ? OR target_code LIKE ?)")
        params += [actor + "%", actor + "%"]
    if dyad:
        parts = dyad.upper().replace("/", "-").split("-")
        if len(parts) != 2:
            raise TidingsError(f"dyad {dyad!r} is not two actor codes; write it as CHN-RUS")
        a, b = (_check(p, _CODE, "dyad", "two actor codes such as CHN-RUS") for p in parts)
        where.append("((source_code LIKE ? AND target_code LIKE ?) OR (source_code LIKE ? AND target_code LIKE ?))")
        params += [a + "%", b + "%", b + "%", a + "%"]
    if code:
        code = _check(code, _CAMEO, "code", "a CAMEO event code or its prefix, such as 04 or 041")
        where.append("code LIKE ?")
        params.append(code + "%")
    if since:
        where.append("date >= ?")
        params.append(_check(since, _DATE, "since", "a date like 2021-12-15"))
    if until:
        where.append("left(date, ?) <= ?")
        until = _check(until, _DATE, "until", "a date like 2021-12-31")
        params += [len(until), until]
    if not include_negated:
        where.append("NOT negated")
    sql = f"SELECT {', '.join(_q(c) for c in EVENT_COLUMNS)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date, article_id, seq"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(store, sql, params)


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with everything extracted from it, or None."""
    rows = _rows(store, "SELECT id, origin, title, source, published, url, text, notes FROM articles WHERE id = ?",
                 [article_id])
    if not rows:
        return None
    out = rows[0]
    out["published"] = out["published"].isoformat() if out["published"] else None
    for table in ("actors", "events", "quotes", "amounts", "dates", "places"):
        items = _rows(store, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", [article_id])
        for item in items:
            item.pop("article_id", None)
        out[table] = items
    return out


def summary(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Counts, date range, the most frequent dyads and actors, and recorded failures."""
    one = lambda sql, params=(): store.con.execute(sql, list(params)).fetchone()  # noqa: E731
    counts = {t: one(f"SELECT count(*) FROM {t}")[0] for t in
              ("articles", "events", "actors", "quotes", "amounts", "dates", "places", "failures")}
    first, last = one("SELECT min(published), max(published) FROM articles")
    dyads = _rows(store, """
        SELECT least(left(source_code, 3), left(target_code, 3)) AS a,
               greatest(left(source_code, 3), left(target_code, 3)) AS b,
               count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
               count(DISTINCT article_id) AS articles
        FROM events WHERE target_code IS NOT NULL AND NOT negated
        GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?""", [top])
    actors = _rows(store, """
        SELECT code, any_value(name) AS name, count(*) AS mentions, count(DISTINCT article_id) AS articles
        FROM actors GROUP BY code ORDER BY mentions DESC, code LIMIT ?""", [top])
    roots = _rows(store, "SELECT root_code, count(*) AS events FROM events GROUP BY root_code ORDER BY root_code", [])
    failures = _rows(store, "SELECT origin, stage, reason FROM failures ORDER BY failed_at, origin LIMIT ?", [top])
    return {"counts": counts, "first_published": first.isoformat() if first else None,
            "last_published": last.isoformat() if last else None, "top_dyads": dyads, "top_actors": actors,
            "events_by_root": roots, "failures": failures}


def _q(column: str) -> str:
    return f'"{column}"'


def _check(value: str, pattern: re.Pattern[str], name: str, hint: str) -> str:
    if not pattern.match(value):
        raise TidingsError(f"--{name} {value!r} is not valid; give {hint}")
    return value
