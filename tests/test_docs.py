"""The documentation: built with warnings as errors, and a reference for every public name.

CI builds the docs with the notebook executed; this test builds them once without
executing the notebook, to check that the API reference documents every name in
``handlingsplan.__all__``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import handlingsplan

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def documented(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    inventory_module = pytest.importorskip("sphinx.util.inventory")
    out = tmp_path_factory.mktemp("html")
    build = subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q"),
            *("-D", "nb_execution_mode=off", "-b", "html", str(DOCS), str(out)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    with (out / "objects.inv").open("rb") as stream:
        inventory = inventory_module.InventoryFile.load(stream, "", lambda base, uri: uri)
    return {name.rsplit(".", 1)[-1] for entries in inventory.values() for name in entries}


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
