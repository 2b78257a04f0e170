"""A rejected input: where it is and why it cannot be coded."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejection:
    """An input (file, line or record) that yields no article.

    ``where`` is the path as the user gave it, or ``path:line`` for one line of a JSON Lines
    or CSV file (``-`` is standard input as a whole, ``<stdin>:N`` one of its lines).
    ``reason`` is short and lowercase and says why, e.g. ``empty file``.
    """

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
