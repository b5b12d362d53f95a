"""Sphinx configuration for the handlingsplan documentation.

Build with warnings as errors, from the repository root:

    python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from docutils import nodes

import handlingsplan

project = "handlingsplan"
author = "handlingsplan developers"
copyright = "handlingsplan developers"
release = handlingsplan.__version__
version = ".".join(release.split(".")[:2])

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

extensions = [
    "reference_pages",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_nb",
]

source_suffix = {".md": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_ext"]
language = "en"

# -- MyST ----------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- notebooks -------------------------------------------------------------------
# Notebooks are executed at every build; an error in one fails the build.

nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True

# -- autodoc -------------------------------------------------------------------

nitpicky = False
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- intersphinx ---------------------------------------------------------------
# The build machines have no network, so no inventory is fetched by default.
# Set HANDLINGSPLAN_DOCS_INTERSPHINX=1 to link to the Python documentation.

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
if os.environ.get("HANDLINGSPLAN_DOCS_INTERSPHINX") == "1":
    intersphinx_mapping["python"] = ("https://docs.python.org/3", None)

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
html_title = f"handlingsplan {release}"


# -- small fixes -----------------------------------------------------------------


def _undo_inline_attribute_type(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Undo napoleon reading "Summary: more" in a property docstring as "type: text".

    Napoleon takes the part before the first colon of an attribute's docstring for
    its type. The package annotates its properties instead, so put the text back.
    """
    if what not in ("attribute", "property") or len(lines) < 2:
        return
    if lines[-2] == "" and lines[-1].startswith(":type: "):
        summary = lines[-1].removeprefix(":type: ")
        del lines[-2:]
        if lines and lines[0]:
            lines[0] = f"{summary}: {lines[0]}"
        else:
            lines.insert(0, summary)


def _no_attrs_sentinel(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show a default computed by ``attrs.Factory`` as ``...``, not ``NOTHING``."""
    if signature and name.startswith("handlingsplan.") and "=NOTHING" in signature:
        return signature.replace("=NOTHING", "=..."), return_annotation
    return None


def _public_homes(env: Any, name: str) -> list[str]:
    return [
        full
        for full in env.domains["py"].objects
        if full.startswith("handlingsplan.") and full.count(".") == 2 and full.endswith("." + name)
    ]


def _resolve_reexport(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``handlingsplan.Name`` (or a bare ``Name``) to where it is documented.

    Docstrings refer to the top-level re-exports (``handlingsplan.Plan``); the API
    reference documents each name once, in its own module (``handlingsplan.model.Plan``).
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    module, _, name = target.rpartition(".")
    if module not in ("", "handlingsplan") or name not in handlingsplan.__all__:
        return None
    homes = _public_homes(env, name)
    if len(homes) != 1:
        return None
    return env.domains["py"].resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], homes[0], node, contnode
    )


def _strip_trailing_blank_lines(app: Any, doctree: Any) -> None:
    """Drop the blank line that ends each example for doctest's sake."""
    for block in doctree.findall(nodes.literal_block):
        text = block.astext()
        if block.rawsource == text and text != text.rstrip():
            block.rawsource = text.rstrip()
            block[:] = [nodes.Text(block.rawsource)]


def setup(app: Any) -> dict[str, bool]:
    # After napoleon (priority 500), which produced the ":type:" line.
    app.connect("autodoc-process-docstring", _undo_inline_attribute_type, priority=600)
    app.connect("autodoc-process-signature", _no_attrs_sentinel)
    app.connect("missing-reference", _resolve_reexport)
    app.connect("doctree-read", _strip_trailing_blank_lines)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
