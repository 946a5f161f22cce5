"""Every error tidings raises on purpose.

    TidingsError
    ├── InputError            a document could not be read or understood
    │   ├── MissingInput      a path that does not exist
    │   ├── EmptyInput        a document with no text in it
    │   ├── BinaryInput       bytes that are not text
    │   ├── EncodingError     text that is not valid in any encoding we try
    │   ├── TooLarge          a document over the size limit
    │   └── BadJsonLine       a JSON Lines record that is not an object with "id" and "text"
    ├── ModelError            the spaCy pipeline cannot be loaded
    ├── KnowledgeError        a knowledge file is malformed
    └── StoreError            the database cannot be opened or written

Each message says what went wrong, with which input, and what to do about it.
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class of every tidings error."""


class InputError(TidingsError):
    """A document could not be read or understood."""

    def __init__(self, origin: str, message: str) -> None:
        self.origin = origin
        self.message = message
        super().__init__(f"{origin}: {message}")


class MissingInput(InputError):
    """The path does not exist."""


class EmptyInput(InputError):
    """The document holds no text."""


class BinaryInput(InputError):
    """The document is binary, not text."""


class EncodingError(InputError):
    """The document is not valid text in UTF-8 or any fallback encoding."""


class TooLarge(InputError):
    """The document is larger than the configured limit."""


class BadJsonLine(InputError):
    """A JSON Lines record is malformed."""


class ModelError(TidingsError):
    """The spaCy pipeline cannot be loaded."""


class KnowledgeError(TidingsError):
    """A knowledge data file is malformed."""


class StoreError(TidingsError):
    """The database cannot be opened or written."""
