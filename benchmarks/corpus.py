"""What the benchmarks share: their command-line options and the corpus they read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tidings.cli import sample_corpus_path
from tidings.records import Document
from tidings.stages.ingest import parse_published


def options(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of each (default 3)")
    parser.add_argument("--corpus", default=sample_corpus_path(), help="JSON Lines corpus (default: the sample)")
    parser.add_argument("--copies", type=int, default=4, help="times the corpus is repeated per round")
    return parser.parse_args()


def documents(corpus: str, copies: int) -> tuple[list[Document], int]:
    """The corpus's lines as Documents, ``copies`` times over, and how many lines it has."""
    rows = [json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=f"{r['id']}-{i}", origin="bench", kind="text", content=r["text"],
                     published=parse_published(r.get("published") or ""), title=r.get("title"))
            for i in range(copies) for r in rows]
    return docs, len(rows)
