"""Registers every command module on the ``cli`` group (import order = help order)."""

from __future__ import annotations

import importlib

# Each module defines its commands with @cli.command / @cli.group.
MODULES = ["code", "query", "actors", "validate", "evaluate", "serve", "export", "dataset"]

for _name in MODULES:
    importlib.import_module(f"{__package__}.{_name}")
