"""The hypothesis profiles: quick by default, thorough where ``CI`` is set.

The README's ``python -m pytest`` runs the ``default`` profile: every property runs a
tenth of its examples (at least two), which keeps the suite under two minutes on two
cores. CI sets ``CI=true`` and runs the same command under the ``ci`` profile: 200
examples for a property that names no count, and the full count for one that does.
A property with a count of its own writes ``@settings(max_examples=examples(300))``;
a test that walks a sample (the 5000 synthetic plans) walks ``examples(len)`` of it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

THOROUGH = bool(os.environ.get("CI"))
PROFILE = "ci" if THOROUGH else "default"

settings.register_profile(
    "default", deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(PROFILE)


def examples(count: int) -> int:
    """``count`` under the ``ci`` profile; a tenth of it, at least two, by default.

    >>> examples(300) == (300 if THOROUGH else 30)
    True
    >>> examples(3) == (3 if THOROUGH else 2)
    True
    """
    return count if THOROUGH else min(count, max(2, count // 10))
