"""Properties: offsets always point at the text; parsers never crash on odd input."""

import datetime as dt

from hypothesis import given, settings, strategies as st

from conftest import SEED
from tidings.records import Document
from tidings.stages.amounts import find_amounts
from tidings.stages.dates import find_dates
from tidings.stages.ingest import decode
from tidings.errors import InputError
from tidings.stages.quotes import _pair_marks

ITEM_KEYS = ("actors", "amounts", "dates", "places")


def assert_offsets(record):
    text = record["text"]
    for key in ITEM_KEYS:
        for item in record[key]:
            assert text[item["start"]:item["end"]] == item["text"], (record["id"], key, item)
    for quote in record["quotes"]:
        for part in quote["parts"]:
            assert text[part["start"]:part["end"]] == part["text"], (record["id"], part)
        if len(quote["parts"]) == 1:
            assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker"]:
            s = quote["speaker"]
            assert text[s["start"]:s["end"]] == s["text"]
    for event in record["events"]:
        assert text[event["start"]:event["end"]] == event["sentence"]
        for side in ("source", "target"):
            if event[side]:
                assert text[event[side]["start"]:event[side]["end"]] == event[side]["text"]
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_offsets_hold_for_every_fixture(extracted):
    assert extracted
    for record in extracted.values():
        assert_offsets(record)


def test_offsets_hold_for_the_sample_corpus(sample_records):
    assert len(sample_records) >= 60
    for record in sample_records:
        assert_offsets(record)


def test_offsets_hold_for_the_seed(pipeline):
    if SEED.exists():
        (record,) = [r.to_dict() for r in pipeline.run([str(SEED)])]
        assert_offsets(record)


@given(st.text(max_size=300), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_dates_never_crash_and_point_at_text(text, published):
    for d in find_dates(text, published):
        assert text[d.start:d.end] == d.text


@given(st.text(alphabet=st.sampled_from(list("0123456789,. $€£bnmillionyuaneurosoveratleast")), max_size=80))
def test_amounts_never_crash_and_point_at_text(text):
    for a in find_amounts(None, text):
        assert text[a.start:a.end] == a.text and a.value >= 0


@given(st.text(alphabet=st.sampled_from(list("ab \n“”\"«»,.")), max_size=120))
def test_quote_pairing_never_crashes(text):
    for raw in _pair_marks(text):
        assert 0 <= raw.start <= raw.end <= len(text)


@given(st.binary(max_size=400))
def test_decode_either_gives_text_or_a_named_error(data):
    try:
        assert isinstance(decode(data, "blob"), str)
    except InputError as exc:
        assert exc.origin == "blob" and exc.message


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_the_pipeline_survives_any_text(pipeline, text):
    doc = Document(id="h", origin="h", kind="text", content=text, published=dt.date(2021, 1, 1))
    for result in pipeline.run_documents([doc]):
        if hasattr(result, "to_dict"):
            assert_offsets(result.to_dict())
        else:
            assert result.reason and result.origin == "h"
