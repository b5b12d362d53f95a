"""Generate the rule catalogue and parameter reference pages from the package itself.

Run at every docs build (``builder-inited``), so the pages cannot drift from the rules'
and parameters' own metadata. The pages are written to ``docs/reference/generated/``,
which git ignores.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from handlingsplan import DEFAULT_PARAMETERS, DEFAULT_RULES, ELIGIBILITY_RULES, Rule


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rule_section(rule: Rule) -> list[str]:
    programmes = (
        "all programmes"
        if rule.programmes is None
        else ", ".join(sorted(p.value for p in rule.programmes))
    )
    period = (
        f"from {rule.valid_from.isoformat() if rule.valid_from else 'the start'} "
        f"to {rule.valid_to.isoformat() if rule.valid_to else 'further notice'}"
    )
    summary = (rule.check.__doc__ or "").strip().splitlines()
    lines = [
        f"## `{rule.code}`: {rule.title}",
        "",
        *([summary[0], ""] if summary else []),
        "| | |",
        "|---|---|",
        f"| title in Swedish | {_cell(rule.titles['sv'])} |",
        f"| severity | {rule.severity.value} |",
        f"| applies to | {programmes} |",
        f"| in force | {period} |",
        f"| legal basis | {_cell(rule.basis)} |",
        "",
        "| reason | sv | en |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{reason}` | {_cell(texts['sv'])} | {_cell(texts['en'])} |"
        for reason, texts in rule.messages.items()
    ]
    return [*lines, ""]


def rules_page() -> str:
    """The rule catalogue as MyST Markdown."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rules' own metadata at every build. `DEFAULT_RULES` holds the",
        "rules below in this order, the referral's ELIG conditions first (failed conditions",
        "only, on `referred_on`). The eligibility conditions follow as `check_eligibility`",
        "and `ELIGIBILITY_RULES` use them, with a `missing` warning where a fact may be",
        "unknown; the two sets share their codes and so cannot be joined.",
        "Message templates use `str.format` fields from the finding's facts plus",
        "`subject`, `on` and `code`.",
        "",
    ]
    for rule in DEFAULT_RULES:
        lines += _rule_section(rule)
    lines += ["# Eligibility conditions", ""]
    for rule in ELIGIBILITY_RULES:
        lines += _rule_section(rule)
    return "\n".join(lines)


def _value(value: object) -> str:
    """A parameter's value: a date in ISO form, anything else as Python writes it."""
    return value.isoformat() if isinstance(value, date) else repr(value)


def parameters_page() -> str:
    """The parameters with their histories, as MyST Markdown."""
    lines = [
        "# Parameters",
        "",
        "Generated from `DEFAULT_PARAMETERS` at every build. Each value is in force from",
        "its date until the next one; `DEFAULT_PARAMETERS.on(date)` gives the values in",
        "force on a date.",
        "",
        "| name | history | unit | reference | description |",
        "|---|---|---|---|---|",
    ]
    for parameter in DEFAULT_PARAMETERS.values():
        history = "<br>".join(
            f"{_value(value)} from {day.isoformat()}" for day, value in parameter.history
        )
        lines.append(
            f"| `{parameter.name}` | {history} | {_cell(parameter.unit)} | "
            f"{_cell(parameter.reference)} | {_cell(parameter.description)} |"
        )
    return "\n".join([*lines, ""])


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(app: Any) -> None:
    """Write the generated pages under ``reference/generated``."""
    target = Path(app.srcdir) / "reference" / "generated"
    target.mkdir(parents=True, exist_ok=True)
    _write_if_changed(target / "rules.md", rules_page())
    _write_if_changed(target / "parameters.md", parameters_page())


def setup(app: Any) -> dict[str, bool]:
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
