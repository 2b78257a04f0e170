"""The exception tree. Every message says what went wrong and, where it can, what to do.

EventcoderError
├── InputError          an input (file, line, record) cannot be used; carries where and why
├── DictionaryError     a dictionary file has a bad entry; carries file and line
├── SettingsError       an unknown or ill-typed setting
├── StoreError          the database cannot be opened or migrated
├── QueryError          a query parameter is malformed (a bad date, an unknown interval)
└── DatasetError        a Parquet dataset folder cannot be written or read as asked
"""

from __future__ import annotations


class EventcoderError(Exception):
    """Base of every error eventcoder raises on purpose."""


class InputError(EventcoderError):
    """An input that cannot be coded. ``where`` is ``file`` or ``file:line``."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class DictionaryError(EventcoderError):
    """A bad dictionary entry, reported as ``file:line: reason``."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class SettingsError(EventcoderError):
    """An unknown or ill-typed setting."""


class StoreError(EventcoderError):
    """The store cannot be opened, migrated or written."""


class QueryError(EventcoderError):
    """A malformed query parameter; the message names it and says what is expected.

    The CLI exits with code 2, the HTTP API answers 422.
    """


class DatasetError(EventcoderError):
    """A Parquet dataset (``code --dataset``, ``import``, ``query``) cannot be used as asked;
    the message names the folder or file and says what to do."""
