"""Shared test configuration: the hypothesis profiles (see ``_profiles``)."""

import _profiles

assert _profiles.PROFILE in ("default", "ci")
