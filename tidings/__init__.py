"""tidings: international news in, CAMEO/PLOVER event data out, with provenance.

    >>> import datetime, tidings
    >>> article = tidings.Pipeline().extract_text(
    ...     "Chinese President Xi Jinping hosted Russian President Vladimir Putin on Friday.",
    ...     published=datetime.date(2022, 2, 4))
    >>> [(e.source.code, e.code, e.target.code) for e in article.events]
    [('CHNGOV', '043', 'RUSGOV'), ('RUSGOV', '042', 'CHNGOV')]

The pipeline (and with it spaCy) is imported on first use, so that commands
which only read the store start fast.
"""

from importlib import import_module
from typing import Any

from .errors import TidingsError
from .records import (ActorMention, Amount, Article, DateRef, Document, Event, Failure, Place, Quote, Speaker,
                      Span)
from .settings import Settings, load_settings

__all__ = ["Pipeline", "Settings", "load_settings", "Store", "Knowledge", "load_knowledge", "TidingsError",
           "Article", "ActorMention", "Event", "Quote", "Speaker", "Amount", "DateRef", "Place", "Document",
           "Failure", "Span"]
__version__ = "0.1.0"

_LAZY = {"Pipeline": ".pipeline", "Store": ".store", "Knowledge": ".knowledge", "load_knowledge": ".knowledge"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
