"""The DuckDB store: schema, bulk writes, and the connection.

Writes go in batches, as Arrow tables, inside one transaction per batch: an
article is stored with all its extractions or not at all. An article whose id
or whose clean text is already stored is skipped, so ingesting the same input
twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Article, Failure
from .schema import SCHEMA_VERSION, TABLES, ddl

__all__ = ["Store", "WriteResult", "content_hash"]


@dataclass(frozen=True, slots=True)
class WriteResult:
    stored: int
    skipped: int  # already in the store (same id or same text)
    failed: int
    events: int


def content_hash(text: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


class Store:
    """A tidings database file (or ``:memory:``)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database; run 'tidings ingest PATH --db {self.path}' first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc}); check the path, and that no "
                             "other tidings process is writing to it") from None
        if not read_only:
            for statement in ddl():
                self.con.execute(statement)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, batch: list[Article | Failure]) -> WriteResult:
        """Store a batch of results in one transaction."""
        articles = [r for r in batch if isinstance(r, Article)]
        failures = [r for r in batch if isinstance(r, Failure)]
        hashes = {a.id: content_hash(a.text) for a in articles}
        fresh: list[Article] = []
        seen_ids: set[str] = set()
        seen_hashes: set[str] = set()
        if articles:
            ids = pa.table({"id": [a.id for a in articles], "content_hash": [hashes[a.id] for a in articles]})
            self.con.register("incoming", ids)
            try:
                rows = self.con.execute(
                    "SELECT i.id FROM incoming i WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = i.id "
                    "OR a.content_hash = i.content_hash)").fetchall()
            finally:
                self.con.unregister("incoming")
            existing = {r[0] for r in rows}
            for a in articles:
                h = hashes[a.id]
                if a.id in existing or a.id in seen_ids or h in seen_hashes:
                    continue
                seen_ids.add(a.id)
                seen_hashes.add(h)
                fresh.append(a)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        tables = _tables(fresh, hashes, failures, now)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                self.con.register("batch_rows", table)
                cols = ", ".join(f'"{c}"' for c, _ in TABLES[name])
                if name == "failures":
                    self.con.execute(
                        f"INSERT INTO failures ({cols}) SELECT {cols} FROM batch_rows b WHERE NOT EXISTS "
                        "(SELECT 1 FROM failures f WHERE f.origin = b.origin AND f.stage = b.stage "
                        "AND f.reason = b.reason)")
                else:
                    self.con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM batch_rows")
                self.con.unregister("batch_rows")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: writing a batch failed ({exc}); nothing from this batch was "
                             "stored") from None
        return WriteResult(stored=len(fresh), skipped=len(articles) - len(fresh), failed=len(failures),
                           events=sum(len(a.events) for a in fresh))


def _columns(name: str) -> dict[str, list[object]]:
    return {c: [] for c, _ in TABLES[name]}


def _tables(articles: list[Article], hashes: dict[str, str], failures: list[Failure],
            now: dt.datetime) -> dict[str, pa.Table]:
    cols = {name: _columns(name) for name in TABLES}

    def add(table: str, **values: object) -> None:
        for key, column in cols[table].items():
            column.append(values.get(key))

    for a in articles:
        add("articles", id=a.id, origin=a.origin, title=a.title, source=a.source, published=a.published, url=a.url,
            text=a.text, content_hash=hashes[a.id], notes="; ".join(a.notes), ingested_at=now)
        for i, m in enumerate(a.actors):
            add("actors", article_id=a.id, seq=i, text=m.text, start=m.start, end=m.end, code=m.code, name=m.name,
                type=m.type, country=m.country, reason=m.reason)
        for i, e in enumerate(a.events):
            t = e.target
            add("events", article_id=a.id, seq=i, source_text=e.source.text, source_start=e.source.start,
                source_end=e.source.end, source_code=e.source.code, source_name=e.source.name,
                target_text=t.text if t else None, target_start=t.start if t else None,
                target_end=t.end if t else None, target_code=t.code if t else None,
                target_name=t.name if t else None, code=e.code, root_code=e.root_code, quad_class=e.quad_class,
                goldstein=e.goldstein, plover=e.plover, date=e.date, sentence=e.sentence, start=e.start,
                end=e.end, negated=e.negated, modality=e.modality, reason=e.reason,
                place_name=e.place.name if e.place else None, place_country=e.place.country if e.place else None,
                plover_mode=e.plover_mode, plover_context=";".join(e.plover_context) or None)
        for i, q in enumerate(a.quotes):
            add("quotes", article_id=a.id, seq=i, text=q.text, start=q.start, end=q.end,
                speaker_name=q.speaker.name if q.speaker else None,
                speaker_code=q.speaker.code if q.speaker else None, verb=q.verb)
        for i, m in enumerate(a.amounts):
            add("amounts", article_id=a.id, seq=i, text=m.text, start=m.start, end=m.end, value=m.value,
                currency=m.currency, qualifier=m.qualifier, about=m.about, unit=m.unit)
        for i, d in enumerate(a.dates):
            add("dates", article_id=a.id, seq=i, text=d.text, start=d.start, end=d.end, value=d.value)
        for i, p in enumerate(a.places):
            add("places", article_id=a.id, seq=i, text=p.text, start=p.start, end=p.end, name=p.name,
                country=p.country, lat=p.lat, lon=p.lon)
    for f in failures:
        add("failures", origin=f.origin, id=f.id, stage=f.stage, reason=f.reason, failed_at=now)
    return {name: pa.table(_typed(name, values)) for name, values in cols.items()}


_ARROW = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}


def _typed(name: str, values: dict[str, list[object]]) -> dict[str, pa.Array]:
    out = {}
    for column, kind in TABLES[name]:
        out[column] = pa.array(values[column], type=_ARROW[kind.split()[0]])
    return out
