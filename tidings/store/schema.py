"""The database schema. Column names follow the record fields (one name per concept)."""

SCHEMA_VERSION = "2"

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "VARCHAR PRIMARY KEY"), ("origin", "VARCHAR"), ("title", "VARCHAR"), ("source", "VARCHAR"),
                 ("published", "DATE"), ("url", "VARCHAR"), ("text", "VARCHAR"), ("content_hash", "VARCHAR"),
                 ("notes", "VARCHAR"), ("ingested_at", "TIMESTAMP")],
    "actors": [("article_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("code", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
               ("country", "VARCHAR"), ("reason", "VARCHAR")],
    "events": [("article_id", "VARCHAR"), ("seq", "INTEGER"),
               ("source_text", "VARCHAR"), ("source_start", "INTEGER"), ("source_end", "INTEGER"),
               ("source_code", "VARCHAR"), ("source_name", "VARCHAR"),
               ("target_text", "VARCHAR"), ("target_start", "INTEGER"), ("target_end", "INTEGER"),
               ("target_code", "VARCHAR"), ("target_name", "VARCHAR"),
               ("code", "VARCHAR"), ("root_code", "VARCHAR"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
               ("plover", "VARCHAR"), ("date", "VARCHAR"), ("sentence", "VARCHAR"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("negated", "BOOLEAN"), ("modality", "VARCHAR"), ("reason", "VARCHAR"),
               ("place_name", "VARCHAR"), ("place_country", "VARCHAR"), ("plover_mode", "VARCHAR"),
               ("plover_context", "VARCHAR")],
    "quotes": [("article_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("speaker_name", "VARCHAR"), ("speaker_code", "VARCHAR"), ("verb", "VARCHAR")],
    "amounts": [("article_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"),
                ("end", "INTEGER"), ("value", "DOUBLE"), ("currency", "VARCHAR"), ("qualifier", "VARCHAR"),
                ("about", "VARCHAR"), ("unit", "VARCHAR")],
    "dates": [("article_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"),
              ("end", "INTEGER"), ("value", "VARCHAR")],
    "places": [("article_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("name", "VARCHAR"), ("country", "VARCHAR"), ("lat", "DOUBLE"),
               ("lon", "DOUBLE")],
    "failures": [("origin", "VARCHAR"), ("id", "VARCHAR"), ("stage", "VARCHAR"), ("reason", "VARCHAR"),
                 ("failed_at", "TIMESTAMP")],
}


# Columns added after the first schema: a store written by an older tidings gains them on open.
ADDED = {"2": [("events", "plover_mode", "VARCHAR"), ("events", "plover_context", "VARCHAR")]}


def ddl() -> list[str]:
    statements = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"]
    for table, columns in TABLES.items():
        cols = ", ".join(f'"{name}" {kind}' for name, kind in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
    for added in ADDED.values():
        statements.extend(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{name}" {kind}' for table, name, kind in added)
    statements.append("CREATE INDEX IF NOT EXISTS events_article ON events (article_id)")
    statements.append("CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)")
    return statements
