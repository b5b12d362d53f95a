"""The documentation: built with warnings as errors, and a reference for every public name.

CI builds the docs as HTML with the notebook executed; this test reads them once more,
without executing the notebook, to check that the API reference documents every name
in ``handlingsplan.__all__``. It reads them with Sphinx's ``dummy`` builder, which
reads every page (and so runs autodoc and reports every warning) but writes none:
writing the HTML pages and the highlighted source would take as long again. The names
are the entries the HTML build's inventory (``objects.inv``) would hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import handlingsplan

DOCS = Path(__file__).resolve().parents[1] / "docs"

# ``python -m sphinx -W --keep-going -q -D nb_execution_mode=off -b dummy DOCS OUT``,
# then the full name of every object of every domain, as objects.inv lists them.
_READ_DOCS = """
import json, sys
from sphinx.application import Sphinx
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

docs, out = sys.argv[1:]
nocolor()
with patch_docutils(docs), docutils_namespace():
    app = Sphinx(
        docs, docs, out, out + "/.doctrees", "dummy",
        confoverrides={"nb_execution_mode": "off"},
        status=None, warning=sys.stderr, warningiserror=True,
    )
    app.build()
json.dump(
    [entry[0] for domain in app.env.domains.values() for entry in domain.get_objects()],
    sys.stdout,
)
sys.exit(app.statuscode)
"""


@pytest.fixture(scope="module")
def documented(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    pytest.importorskip("sphinx.application")
    out = tmp_path_factory.mktemp("docs")
    build = subprocess.run(
        [sys.executable, "-c", _READ_DOCS, str(DOCS), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    names = json.loads(build.stdout)
    assert isinstance(names, list)
    return {name.rsplit(".", 1)[-1] for name in names}


@pytest.mark.parametrize("name", handlingsplan.__all__)
def test_every_public_name_is_in_the_reference(documented: set[str], name: str) -> None:
    assert name in documented


def test_the_rule_catalogue_page_lists_every_default_rule(documented: set[str]) -> None:
    page = (DOCS / "reference" / "generated" / "rules.md").read_text(encoding="utf-8")
    for rule in handlingsplan.DEFAULT_RULES:
        assert f"`{rule.code}`" in page
        assert rule.basis.replace("|", "\\|") in page


def test_the_parameter_page_lists_every_parameter_with_its_history(documented: set[str]) -> None:
    page = (DOCS / "reference" / "generated" / "parameters.md").read_text(encoding="utf-8")
    for parameter in handlingsplan.DEFAULT_PARAMETERS.values():
        assert f"`{parameter.name}`" in page
        for day, _ in parameter.history:
            assert day.isoformat() in page
