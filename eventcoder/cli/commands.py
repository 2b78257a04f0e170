"""Registers every command module on the ``cli`` group (import order = help order)."""

from __future__ import annotations

import importlib

# Each module defines its commands with @cli.command / @cli.group.
MODULES = ["code", "query", "actors", "validate", "evaluate", "serve", "export"]

for _name in MODULES:
    try:
        importlib.import_module(f"{__package__}.{_name}")
    except ModuleNotFoundError as exc:  # a module not written yet must not break the others
        if exc.name != f"{__package__}.{_name}":
            raise
