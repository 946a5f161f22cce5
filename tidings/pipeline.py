"""The one place that orders the stages.

    paths ──ingest──▶ Document ──clean──▶ CleanText ──nlp.pipe──▶ Doc
          ──actors──▶ ──places──▶ ──dates──▶ ──events──▶ ──quotes──▶ ──amounts──▶ Article

A document that fails at any stage becomes a :class:`~tidings.records.Failure`
naming the input and the stage; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from spacy.tokens import Doc

from .errors import InputError, TidingsError
from .knowledge import Knowledge, load_knowledge
from .records import Article, CleanText, Document, Failure
from .settings import Settings
from .stages.actors import ActorResolver
from .stages.amounts import find_amounts
from .stages.clean import clean_document
from .stages.dates import find_dates
from .stages.events import EventCoder
from .stages.ingest import read_paths
from .stages.nlp import load_nlp
from .stages.places import Gazetteer, find_places
from .stages.quotes import find_quotes

__all__ = ["Pipeline"]

log = logging.getLogger(__name__)


class Pipeline:
    """Holds what is loaded once per process: knowledge, the spaCy pipeline, the gazetteer."""

    def __init__(self, settings: Settings | None = None, *, knowledge: Knowledge | None = None) -> None:
        self.settings = settings or Settings()
        self.knowledge = knowledge or load_knowledge(self.settings.knowledge or None,
                                                         layer=self.settings.actors_layer)
        self._nlp = None
        self._resolver: ActorResolver | None = None
        self._coder = EventCoder(self.knowledge)
        self._gazetteer: Gazetteer | None = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.model, self.knowledge)
        return self._nlp

    @property
    def resolver(self) -> ActorResolver:
        if self._resolver is None:
            self._resolver = ActorResolver(self.knowledge, self.nlp.make_doc, locate=self.gazetteer.country_of)
        return self._resolver

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.knowledge)
        return self._gazetteer

    @property
    def coder(self) -> EventCoder:
        return self._coder

    # -- entry points -------------------------------------------------------
    def run(self, paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
        """Extract every document found under ``paths``; yields Articles and Failures."""
        return self.run_documents(read_paths(paths, max_bytes=self.settings.max_bytes, stdin=stdin))

    def run_documents(self, documents: Iterable[Document | Failure]) -> Iterator[Article | Failure]:
        pending: deque[Failure] = deque()

        def cleaned() -> Iterator[tuple[str, CleanText]]:
            for doc in documents:
                if isinstance(doc, Failure):
                    pending.append(doc)
                    continue
                try:
                    clean = clean_document(doc)
                except InputError as exc:
                    pending.append(Failure(origin=doc.origin, reason=exc.message, stage="clean", id=doc.id))
                    continue
                if len(clean.text) > self.nlp.max_length:
                    pending.append(Failure(origin=doc.origin, id=doc.id, stage="nlp", reason=(
                        f"body of {len(clean.text):,} characters is over spaCy's limit of "
                        f"{self.nlp.max_length:,}; split the document")))
                    continue
                yield clean.text, clean

        stream = self.nlp.pipe(cleaned(), as_tuples=True, batch_size=self.settings.batch_size)
        for parsed, clean in stream:
            while pending:
                yield pending.popleft()
            yield self._safe_analyse(parsed, clean)
        while pending:
            yield pending.popleft()

    def extract_text(self, text: str, *, id: str = "text", published=None, title: str | None = None,
                     source: str | None = None, url: str | None = None, clean: bool = True) -> Article:
        """Extract one article from a string. With ``clean`` the text is treated as scraped (page
        furniture and dateline removed); without, it is taken as it is."""
        doc = Document(id=id, origin=id, kind="text" if clean else "prose", content=text, published=published,
                       title=title, source=source, url=url)
        for result in self.run_documents([doc]):
            if isinstance(result, Failure):
                raise TidingsError(f"{result.origin}: {result.reason}")
            return result
        raise TidingsError(f"{id}: nothing was extracted")

    # -- the stages after parsing --------------------------------------------
    def _safe_analyse(self, parsed: Doc, clean: CleanText) -> Article | Failure:
        try:
            return self.analyse(parsed, clean)
        except TidingsError as exc:
            return Failure(origin=clean.origin, id=clean.id, stage="analyse", reason=str(exc))
        except Exception as exc:  # the one per-article boundary: record the failure, go on  # noqa: BLE001
            log.exception("analysis failed for %s", clean.origin)
            return Failure(origin=clean.origin, id=clean.id, stage="analyse",
                           reason=f"internal error {type(exc).__name__}: {exc}; please report it with this "
                                  "document")

    def analyse(self, doc: Doc, clean: CleanText, *, trace: list[str] | None = None) -> Article:
        dates = find_dates(clean.text, clean.published)
        # Who held an office depends on the date: without a publication date, the latest full date
        # the article gives is the best evidence of when it was written.
        reference = clean.published or _latest_full_date(dates)
        analysis = self.resolver.resolve(doc, reference)
        places = find_places(doc, analysis, self.gazetteer)
        events = self._coder.code(doc, analysis, dates, clean.published, places, trace=trace)
        quotes = find_quotes(doc, clean.text, analysis)
        amounts = find_amounts(doc, clean.text)
        return Article(id=clean.id, origin=clean.origin, title=clean.title, source=clean.source,
                       published=clean.published, url=clean.url, text=clean.text,
                       actors=tuple(analysis.mentions()), events=tuple(events), quotes=tuple(quotes),
                       amounts=tuple(amounts), dates=tuple(dates), places=tuple(p for p, _ in places),
                       notes=clean.notes)


def _latest_full_date(dates) -> "dt.date | None":
    days = [d.value for d in dates if d.value and not d.relative and len(d.value) == 10]
    return dt.date.fromisoformat(max(days)) if days else None
