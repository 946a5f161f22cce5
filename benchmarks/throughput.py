"""Throughput of the whole tidings pipeline against raw spaCy ``nlp.pipe`` on the same texts,
measured in one run so that the ratio is meaningful on a shared, noisy machine.

    .venv/bin/python benchmarks/throughput.py [--repeat N] [--corpus FILE.jsonl]

Prints articles/s and words/s for: raw spaCy (the same pipeline, entity ruler included), the
whole tidings pipeline (clean + parse + actors + events + quotes + amounts + dates + places), and
the stages after the parse alone; then the ratios. Runs alternate A/B so drift hits both.
"""

from __future__ import annotations

import statistics
import time

from corpus import documents, options
from tidings.pipeline import Pipeline
from tidings.stages.clean import clean_document


def main() -> None:
    args = options(__doc__.splitlines()[0])
    docs, lines = documents(args.corpus, args.copies)
    texts = [clean_document(d).text for d in docs]
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    nlp = pipeline.nlp
    list(pipeline.run_documents(docs[:10]))  # warm up: gazetteer, matchers, caches

    def raw() -> None:
        for _ in nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
            pass

    def whole() -> None:
        for result in pipeline.run_documents(docs):
            assert hasattr(result, "events"), result

    parsed = list(nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    cleans = [clean_document(d) for d in docs]

    def after_parse() -> None:
        for doc, clean in zip(parsed, cleans):
            pipeline.analyse(doc, clean)

    def resolve_actors() -> None:
        for doc, clean in zip(parsed, cleans):
            pipeline.resolver.resolve(doc, clean.published)

    times: dict[str, list[float]] = {"raw spaCy nlp.pipe": [], "tidings pipeline": [], "stages after parse": [],
                                     "actor resolution": []}
    runs = (("raw spaCy nlp.pipe", raw), ("tidings pipeline", whole), ("stages after parse", after_parse),
            ("actor resolution", resolve_actors))
    for _ in range(args.repeat):
        for name, fn in runs:
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)

    n = len(docs)
    print(f"corpus: {n} articles, {words} words ({args.copies} copies of {lines}), {args.repeat} rounds, "
          f"median of rounds")
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, seconds in med.items():
        print(f"  {name:22s} {seconds:7.2f} s  {n / seconds:8.1f} articles/s  {words / seconds:9.0f} words/s")
    print(f"tidings / raw spaCy throughput: {med['raw spaCy nlp.pipe'] / med['tidings pipeline']:.2f}x")
    print(f"stages after the parse cost {100 * med['stages after parse'] / med['raw spaCy nlp.pipe']:.1f}% "
          f"of the parse")
    print(f"actor resolution adds {100 * med['actor resolution'] / (med['tidings pipeline'] - med['actor resolution']):.1f}% "
          f"to the rest of the extraction")


if __name__ == "__main__":
    main()
