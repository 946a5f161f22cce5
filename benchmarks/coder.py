"""The event coder alone, in sentences per second beyond the parse, against the parse itself and
against the whole pipeline, all on the same texts and in one run (ratios are what to compare on a
shared, noisy machine).

    .venv/bin/python benchmarks/coder.py [--repeat N] [--copies N] [--corpus FILE.jsonl]

The corpus is the bundled sample by default (wire articles); ``--corpus`` also reads gold files
(``{"text": ...}`` per line). Every text is parsed once; the actor analysis, dates and places the
coder needs are computed once outside the timing; then each round times, alternating:
  raw spaCy     ``nlp.pipe`` over the texts (the parse, with the entity ruler)
  coder         ``EventCoder.code`` over every parsed document
  actors        actor resolution over every parsed document (for scale)
  pipeline      the whole tidings pipeline from the documents (clean, parse, every stage)
and prints the medians, sentences per second, and the coder's cost as a share of the parse.
"""

from __future__ import annotations

import statistics
import time

from corpus import documents, options
from tidings.pipeline import Pipeline
from tidings.stages.clean import clean_document
from tidings.stages.dates import find_dates
from tidings.stages.places import find_places


def main() -> None:
    args = options(__doc__.splitlines()[0])
    docs, lines = documents(args.corpus, args.copies)
    cleans = [clean_document(d) for d in docs]
    texts = [c.text for c in cleans]
    pipeline = Pipeline()
    nlp = pipeline.nlp
    coder = pipeline.coder
    list(pipeline.run_documents(docs[:10]))  # warm up: gazetteer, matchers, caches

    parsed = list(nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    sentences = sum(1 for doc in parsed for _ in doc.sents)
    words = sum(len(t.split()) for t in texts)
    inputs = []
    for doc, clean in zip(parsed, cleans):
        dates = find_dates(clean.text, clean.published)
        analysis = pipeline.resolver.resolve(doc, clean.published)
        places = find_places(doc, analysis, pipeline.gazetteer)
        inputs.append((doc, analysis, dates, clean.published, places))
    events = sum(len(coder.code(*args_)) for args_ in inputs)

    def raw() -> None:
        for _ in nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
            pass

    def code() -> None:
        for args_ in inputs:
            coder.code(*args_)

    def actors() -> None:
        for doc, clean in zip(parsed, cleans):
            pipeline.resolver.resolve(doc, clean.published)

    def whole() -> None:
        for result in pipeline.run_documents(docs):
            assert hasattr(result, "events"), result

    runs = (("raw spaCy nlp.pipe", raw), ("event coder alone", code), ("actor resolution", actors),
            ("tidings pipeline", whole))
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _ in range(args.repeat):
        for name, fn in runs:
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)

    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"corpus: {len(docs)} documents, {sentences} sentences, {words} words, {events} events "
          f"({args.copies} copies of {lines} lines of {args.corpus}); {args.repeat} rounds, median of rounds")
    for name, seconds in med.items():
        print(f"  {name:20s} {seconds:7.3f} s  {sentences / seconds:9.0f} sentences/s  {words / seconds:9.0f} words/s")
    print(f"event coder: {100 * med['event coder alone'] / med['raw spaCy nlp.pipe']:.1f}% of the parse "
          f"(issue target: under 15%)")
    print(f"tidings pipeline / raw spaCy throughput: {med['raw spaCy nlp.pipe'] / med['tidings pipeline']:.2f}x")


if __name__ == "__main__":
    main()
