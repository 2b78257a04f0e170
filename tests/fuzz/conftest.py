"""Hypothesis profiles: `make test` runs a bounded number of examples, `make fuzz` many more.

``HYPOTHESIS_PROFILE=fuzz`` (set by `make fuzz`) raises the count; the default profile keeps
the whole fuzz suite to a few seconds. No example database is written in CI runs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
