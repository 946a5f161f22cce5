"""The DuckDB store: bulk writes, no duplicates, failures kept, queries filtered."""

import dataclasses
import datetime as dt

import pytest

from tidings import query
from tidings.errors import StoreError, TidingsError
from tidings.records import ActorMention, Article, Event, Failure
from tidings.store import Store


def article(id_, text="China and Russia met.", published=dt.date(2021, 12, 15), events=()):
    return Article(id=id_, origin=f"{id_}.txt", title="T", source="S", published=published, url=None, text=text,
                   events=tuple(events))


def event(src, tgt, code, goldstein, date="2021-12-15"):
    s = ActorMention(text=src, start=0, end=len(src), code=src, name=src, type="STATE")
    t = ActorMention(text=tgt, start=0, end=len(tgt), code=tgt, name=tgt, type="STATE")
    return Event(source=s, target=t, code=code, root_code=code[:2], quad_class=1, goldstein=goldstein,
                 plover="CONSULT", date=date, sentence="x", start=0, end=1, negated=False, modality="asserted",
                 reason="test")


def test_same_article_twice_adds_nothing(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        first = store.write([article("a", events=[event("CHN", "RUS", "040", 1.0)]), article("b", text="Other.")])
        again = store.write([article("a", events=[event("CHN", "RUS", "040", 1.0)])])
        same_text = store.write([article("c")])  # a reprint under another id
        assert (first.stored, again.stored, again.skipped, same_text.skipped) == (2, 0, 1, 1)
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_failures_are_kept_once(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        bad = Failure(origin="bad.txt", reason="is empty", stage="ingest")
        store.write([bad])
        store.write([bad, article("a")])
        rows = store.con.execute("SELECT origin, reason FROM failures").fetchall()
        assert rows == [("bad.txt", "is empty")]
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_reopened_store_keeps_everything(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([article("a", events=[event("CHN", "RUS", "041", 1.0)])])
    with Store(db, read_only=True) as store:
        record = query.article(store, "a")
        assert record["published"] == "2021-12-15" and record["events"][0]["code"] == "041"


def test_event_filters(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([article("a", events=[event("CHNGOV", "RUSGOV", "041", 1.0, "2021-12-15"),
                                          event("USA", "CHN", "111", -2.0, "2022-03-01"),
                                          event("RUS", "UKR", "190", -10.0, "2022-02-24")])])
        assert len(query.events(store)) == 3
        assert [e["code"] for e in query.events(store, dyad="RUS-CHN")] == ["041"]
        assert [e["code"] for e in query.events(store, actor="CHN")] == ["041", "111"]
        assert [e["code"] for e in query.events(store, code="19")] == ["190"]
        assert [e["code"] for e in query.events(store, since="2022-01-01")] == ["190", "111"]
        assert [e["code"] for e in query.events(store, until="2021-12")] == ["041"]
        summary = query.summary(store)
        assert summary["counts"]["events"] == 3 and summary["top_dyads"][0]["events"] == 1


@pytest.mark.parametrize("kwargs", [{"actor": "CHN; DROP TABLE events"}, {"dyad": "CHN"}, {"code": "x1"},
                                    {"since": "last week"}])
def test_bad_filters_are_refused_with_a_message(tmp_path, kwargs):
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(TidingsError, match="not"):
            query.events(store, **kwargs)


def test_reading_a_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="tidings ingest"):
        Store(tmp_path / "missing.duckdb", read_only=True)


from hypothesis import HealthCheck, given, settings, strategies as st

_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                 max_size=60)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(st.text(alphabet="abcdef0123456789-", min_size=1, max_size=12), min_size=1, max_size=5,
                    unique=True), text=_texts, title=st.one_of(st.none(), _texts),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))))
def test_store_round_trip(tmp_path_factory, ids, text, title, published):
    db = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    with Store(db) as store:
        articles = [Article(id=i, origin=f"{i}.txt", title=title, source=None, published=published, url=None,
                            text=f"{text} {n}", events=(event("AAA", "BBB", "041", 1.0),)) for n, i in enumerate(ids)]
        result = store.write(articles)
        assert result.stored == len(ids) and result.events == len(ids)
        for a in articles:
            back = query.article(store, a.id)
            assert (back["title"], back["text"]) == (a.title, a.text)
            assert back["published"] == (published.isoformat() if published else None)
            assert [e["code"] for e in back["events"]] == ["041"]
        assert store.write(articles).stored == 0


def test_plover_mode_and_context_are_stored(tmp_path):
    db = tmp_path / "t.duckdb"
    e = dataclasses.replace(event("CHN", "RUS", "041", 1.0), plover_mode="phone", plover_context=("military", "economic"))
    with Store(db) as store:
        store.write([article("a", events=[e])])
        row = query.events(store)[0]
    assert (row["plover_mode"], row["plover_context"]) == ("phone", "military;economic")


def test_a_store_from_the_first_schema_gains_the_new_columns(tmp_path):
    import duckdb

    from tidings.store.schema import ADDED, TABLES

    db = tmp_path / "old.duckdb"
    added = {(t, c) for cols in ADDED.values() for t, c, _ in cols}
    con = duckdb.connect(str(db))
    for table, columns in TABLES.items():
        cols = ", ".join(f'"{n}" {k}' for n, k in columns if (table, n) not in added)
        con.execute(f"CREATE TABLE {table} ({cols})")
    con.close()
    with Store(db) as store:
        store.write([article("a", events=[event("CHN", "RUS", "040", 1.0)])])
        assert query.events(store)[0]["plover_mode"] is None
        assert len(query.events(store)) == 1
