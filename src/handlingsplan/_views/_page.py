"""Standalone HTML pages: a view with its own small stylesheet, readable on its own."""

from __future__ import annotations

from ._markup import text

__all__ = ["STYLE", "page"]

STYLE = (
    ".handlingsplan{font-family:system-ui,sans-serif;font-size:14px;color:#222;"
    "line-height:1.4}"
    ".handlingsplan table{border-collapse:collapse;margin:0.5em 0}"
    ".handlingsplan caption{text-align:left;font-weight:bold;padding:0.3em 0}"
    ".handlingsplan th,.handlingsplan td{border:1px solid #ccc;padding:0.25em 0.5em;"
    "vertical-align:top;text-align:left}"
    ".handlingsplan th{background:#f3f3f3}"
    ".handlingsplan .nowrap{white-space:nowrap}"
    ".handlingsplan .num{text-align:right;white-space:nowrap}"
    ".handlingsplan .error{background:#fde2e1}"
    ".handlingsplan .warning{background:#fff4ce}"
    ".handlingsplan .info{background:#e6f0fa}"
)
"""The stylesheet every view carries, scoped to ``.handlingsplan``."""


def page(body: str, *, title: str, locale: str) -> str:
    """``body`` as a whole HTML document in ``locale``, titled ``title``."""
    return (
        f'<!DOCTYPE html><html lang="{locale}"><head><meta charset="utf-8">'
        f"<title>{text(title)}</title></head><body>{body}</body></html>"
    )
