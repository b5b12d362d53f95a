"""Escaping and number formatting shared by every view."""

from __future__ import annotations

import html
import re

from .._privacy import redact

__all__ = ["num", "percent", "text"]

# Every character XML 1.0 cannot hold, lone surrogates included.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WHITESPACE_REFERENCES = str.maketrans({"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def text(value: object) -> str:
    """``value`` as text for an attribute or a text node: redacted, cleaned and escaped.

    Tabs and line breaks become character references, which attribute values keep.
    """
    escaped = html.escape(_NOT_XML.sub("\ufffd", redact(str(value))), quote=True)
    return escaped.translate(_WHITESPACE_REFERENCES)


def num(value: float) -> str:
    """A coordinate with one decimal, without a trailing ``.0``."""
    formatted = f"{value:.1f}"
    return formatted[:-2] if formatted.endswith(".0") else formatted


def percent(share: float | None) -> str:
    """``share`` (0–1) as a whole percentage, "–" for none."""
    if share is None:
        return "–"
    return f"{share * 100:.0f} %"
