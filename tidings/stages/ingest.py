"""Ingest: turn paths (files, folders, JSON Lines, standard input) into
:class:`~tidings.records.Document` objects, one at a time.

Bad documents do not stop a batch: each one becomes a :class:`Failure` that
names the input and says what to do, and reading goes on.

Order of the steps for one path:
1. ``-`` reads standard input (JSON Lines when every line is an object, HTML
   when it starts with ``<``, plain text otherwise).
2. A folder is walked recursively in sorted order; files with a known suffix
   (.txt .text .html .htm .jsonl) are read.
3. A file is checked for size, binary content and encoding before decoding.
4. A ``.jsonl`` file yields one document per line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import (BadJsonLine, BinaryInput, EmptyInput, EncodingError, InputError,
                      MissingInput, TooLarge)
from ..records import Document, Failure

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Control characters other than tab, newline and carriage return; text with
# more than this share of them is treated as binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.05
_JSON_KEYS = {"id", "text", "published", "title", "source", "url"}

__all__ = ["read_paths", "decode", "parse_published", "KNOWN_SUFFIXES"]


def read_paths(paths: Iterable[str], *, max_bytes: int,
               stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for every document found under ``paths``."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, max_bytes=max_bytes)
            continue
        path = Path(raw)
        if not path.exists():
            yield _failure(MissingInput(raw, "no such file or folder; check the path"))
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
            if not files:
                yield _failure(EmptyInput(raw, "folder holds no .txt, .html, .htm or .jsonl files"))
            for file in files:
                yield from _read_file(file, max_bytes=max_bytes)
        else:
            yield from _read_file(path, max_bytes=max_bytes)


def _failure(error: InputError, doc_id: str | None = None) -> Failure:
    return Failure(origin=error.origin, reason=error.message, stage="ingest", id=doc_id)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[Document | Failure]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(origin, f"{size:,} bytes is over the {max_bytes:,}-byte limit; "
                                   "raise max_bytes (--max-bytes or TIDINGS_MAX_BYTES) if it is a real article")
        data = path.read_bytes()
        text = decode(data, origin)
    except InputError as exc:
        yield _failure(exc)
        return
    except OSError as exc:
        yield _failure(InputError(origin, f"cannot be read ({exc.strerror}); check its permissions"))
        return
    kind = "html" if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_html(text)) else "text"
    yield Document(id=_file_id(path, data), origin=origin, kind=kind, content=text)


def _read_stream(stream: BinaryIO, *, max_bytes: int) -> Iterator[Document | Failure]:
    origin = "<stdin>"
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _failure(TooLarge(origin, f"standard input is over the {max_bytes:,}-byte limit; "
                                        "raise max_bytes or split the input"))
        return
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield _failure(exc)
        return
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from _parse_jsonl_lines(origin, enumerate(text.splitlines(), start=1))
        return
    kind = "html" if _looks_html(text) else "text"
    yield Document(id="stdin-" + hashlib.sha1(data).hexdigest()[:10], origin=origin, kind=kind, content=text)


def _read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Document | Failure]:
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _failure(InputError(origin, f"cannot be read ({exc.strerror}); check its permissions"))
        return
    with handle:
        def numbered() -> Iterator[tuple[int, str]]:
            for number, raw in enumerate(handle, start=1):
                where = f"{origin}:{number}"
                if len(raw) > max_bytes:
                    yield number, _TooLong(where, max_bytes)  # type: ignore[misc]
                    continue
                try:
                    yield number, decode(raw, where, allow_empty=True)
                except InputError as exc:
                    yield number, exc  # type: ignore[misc]
        yield from _parse_jsonl_lines(origin, numbered())


class _TooLong(TooLarge):
    def __init__(self, origin: str, limit: int) -> None:
        super().__init__(origin, f"line is over the {limit:,}-byte limit; raise max_bytes or shorten the record")


def _parse_jsonl_lines(origin: str, lines: Iterable[tuple[int, object]]) -> Iterator[Document | Failure]:
    for number, line in lines:
        where = f"{origin}:{number}"
        if isinstance(line, InputError):
            yield _failure(line)
            continue
        assert isinstance(line, str)
        if not line.strip():
            continue
        try:
            yield _document_from_json(line, where)
        except InputError as exc:
            yield _failure(exc)


def _document_from_json(line: str, where: str) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadJsonLine(where, f"not valid JSON ({exc.msg} at column {exc.colno}); "
                                 "each line must be one JSON object") from None
    if not isinstance(obj, dict):
        raise BadJsonLine(where, f"a JSON {type(obj).__name__}, not an object; "
                                 'each line must be an object like {"id": ..., "text": ...}')
    doc_id, text = obj.get("id"), obj.get("text")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
        raise BadJsonLine(where, 'has no usable "id" (a non-empty string or number); add one')
    if not isinstance(text, str):
        raise BadJsonLine(where, f'record {doc_id!r} has no "text" string; add the article body as "text"')
    if not text.strip():
        raise EmptyInput(where, f'record {doc_id!r} has an empty "text"; drop the line or fill it')
    for key in ("title", "source", "url", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise BadJsonLine(where, f'record {doc_id!r}: "{key}" must be a string, not {type(obj[key]).__name__}')
    published = None
    if obj.get("published"):
        published = parse_published(obj["published"])
        if published is None:
            raise BadJsonLine(where, f'record {doc_id!r}: "published" {obj["published"]!r} is not a date; '
                                     "write it as YYYY-MM-DD")
    kind = "html" if _looks_html(text) else "text"
    return Document(id=str(doc_id), origin=where, kind=kind, content=_strip_controls(text),
                    title=obj.get("title") or None, published=published,
                    source=obj.get("source") or None, url=obj.get("url") or None)


def parse_published(value: str) -> dt.date | None:
    """An ISO date or date-time string as a date, or None when it is not one."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def decode(data: bytes, origin: str, *, allow_empty: bool = False) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16/32.

    Raises EmptyInput, BinaryInput or EncodingError with a message that says what to do.
    """
    if not data.strip():
        if allow_empty:
            return ""
        raise EmptyInput(origin, "is empty; there is nothing to extract")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), origin)
            except UnicodeDecodeError as exc:
                raise EncodingError(origin, f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                                            f"(byte {exc.start}); re-save it as UTF-8") from None
    if b"\x00" in data[:8192]:
        hint = ("looks like UTF-16 without a byte-order mark; convert it with "
                "'iconv -f UTF-16LE -t UTF-8'" if _looks_utf16(data) else
                "is binary (it holds NUL bytes), not text; pass .txt, .html or .jsonl files")
        raise (EncodingError if _looks_utf16(data) else BinaryInput)(origin, hint)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(origin, f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                    "convert it, e.g. 'iconv -f cp1252 -t utf-8'") from None
    return _check_text(text, origin)


def _check_text(text: str, origin: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE:
        raise BinaryInput(origin, "is mostly control characters, not text; pass .txt, .html or .jsonl files")
    text = _strip_controls(text)
    if not text.strip():
        raise EmptyInput(origin, "holds no text once control characters are removed")
    return text


def _strip_controls(text: str) -> str:
    return _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 has NULs in one byte of each pair and printable bytes in the other."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]

    def printable(half: bytes) -> float:
        return sum(1 for b in half if 32 <= b < 127 or b in (9, 10, 13)) / max(len(half), 1)
    return (odd.count(0) > len(odd) * 0.6 and printable(even) > 0.8) or \
        (even.count(0) > len(even) * 0.6 and printable(odd) > 0.8)


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def _file_id(path: Path, data: bytes) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-") or "doc"
    return f"{stem}-{hashlib.sha1(data).hexdigest()[:8]}"
