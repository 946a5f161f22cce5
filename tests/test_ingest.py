"""Ingest: every kind of input, and every kind of bad input, with messages that name it."""

import io
import json

import pytest

from tidings.records import Document, Failure
from tidings.stages.ingest import decode, read_paths
from tidings.errors import BinaryInput, EmptyInput, EncodingError

LIMIT = 1_000_000


def run(paths, stdin=None):
    return list(read_paths([str(p) for p in paths], max_bytes=LIMIT, stdin=stdin))


def test_text_html_and_jsonl_files_become_documents(tmp_path):
    (tmp_path / "a.txt").write_text("Some article text. It has sentences.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hello there, reader.</p></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "One.", "published": "2021-12-15", "source": "AP"}) + "\n"
        + json.dumps({"id": 7, "text": "Two."}) + "\n", encoding="utf-8")
    results = run([tmp_path])
    assert [type(r) for r in results] == [Document] * 4
    kinds = {r.origin.rsplit("/", 1)[-1]: r.kind for r in results}
    assert kinds["a.txt"] == "text" and kinds["b.html"] == "html"
    jsonl = [r for r in results if r.origin.endswith(":1")][0]
    assert jsonl.id == "x1" and jsonl.published.isoformat() == "2021-12-15" and jsonl.source == "AP"
    assert [r for r in results if r.origin.endswith(":2")][0].id == "7"


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text("Bee text here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay text here.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    origins = [r.origin for r in run([tmp_path])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "z" / "b.txt")]


def test_same_content_gives_the_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same text.", encoding="utf-8")
    first = run([tmp_path / "a.txt"])[0].id
    assert first == run([tmp_path / "a.txt"])[0].id
    (tmp_path / "a.txt").write_text("Other text.", encoding="utf-8")
    assert run([tmp_path / "a.txt"])[0].id != first


def test_stdin_plain_text_and_jsonl():
    text = run(["-"], stdin=io.BytesIO("Plain words on standard input.".encode()))[0]
    assert isinstance(text, Document) and text.kind == "text" and text.origin == "<stdin>"
    lines = (json.dumps({"id": "s1", "text": "A."}) + "\n" + json.dumps({"id": "s2", "text": "B."})).encode()
    assert [r.id for r in run(["-"], stdin=io.BytesIO(lines))] == ["s1", "s2"]


@pytest.mark.parametrize("content, fragment", [
    (b"", "is empty"),
    (b"   \n\n  ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("caf\u00e9 au lait".encode("cp1252"), "not valid UTF-8"),
    ("An article in UTF-16.".encode("utf-16-le"), "UTF-16"),
])
def test_bad_files_fail_with_a_message_naming_them(tmp_path, content, fragment):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A good article. It goes on.", encoding="utf-8")
    results = run([bad, good])
    failure = results[0]
    assert isinstance(failure, Failure) and failure.stage == "ingest"
    assert failure.origin == str(bad) and fragment in failure.reason
    assert isinstance(results[1], Document), "the batch goes on after a bad document"


def test_utf16_with_bom_and_utf8_bom_are_read():
    assert decode("Hello.".encode("utf-16"), "x") == "Hello."
    assert decode(b"\xef\xbb\xbfHello.", "x") == "Hello."


def test_missing_path_and_oversized_file(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<html>" + b"x" * (LIMIT + 10))
    missing, too_big = run([tmp_path / "nope.txt", big])
    assert "no such file" in missing.reason and missing.origin.endswith("nope.txt")
    assert "limit" in too_big.reason and "max_bytes" in too_big.reason


def test_malformed_jsonl_lines_fail_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Fine."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "t", "text": 5}),
        json.dumps({"id": "d", "text": "Bad date.", "published": "15/12/2021"}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "w", "text": "Wrong type.", "title": ["x"]}),
        "",
        json.dumps({"id": "ok2", "text": "Also fine."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = run([path])
    assert [r.id for r in results if isinstance(r, Document)] == ["ok1", "ok2"]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.origin.rsplit(":", 1)[1] for f in failures] == ["2", "3", "4", "5", "6", "7", "8"]
    reasons = " | ".join(f.reason for f in failures)
    for fragment in ("not valid JSON", "not an object", '"id"', '"text"', "YYYY-MM-DD", "empty", '"title"'):
        assert fragment in reasons


def test_decode_raises_named_errors():
    with pytest.raises(EmptyInput):
        decode(b"", "e")
    with pytest.raises(BinaryInput):
        decode(b"\x00\x01\x02" * 100, "b")
    with pytest.raises(EncodingError, match="iconv"):
        decode(b"abc \xfd\xff def", "x")
