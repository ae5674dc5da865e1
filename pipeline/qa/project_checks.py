"""Checks across the catalogs of a project, such as one plural rule per language."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from pipeline.catalog.headers import plural_forms
from pipeline.qa.registry import check


@dataclass(frozen=True)
class CatalogHeader:
    """The header facts of one catalog that project checks compare."""

    lang: str
    guide: str
    display: str
    plural_forms: str
    line: int | None


def _normal(rule: str) -> str:
    """Return a Plural-Forms value without spacing or a trailing semicolon, for comparing."""
    return "".join(rule.split()).rstrip(";")


def _usual_rule(rules: Counter[str], lang: str) -> str:
    """Return the rule most catalogs use; on a tie, Babel's for the language if it is among them."""
    babel = _normal(plural_forms(lang))
    return max(rules, key=lambda rule: (rules[rule], rule == babel, rule))


@check("plural-forms-mismatch", "warning", "project")
def plural_forms_mismatch(headers: list[CatalogHeader]) -> Iterator[tuple[CatalogHeader, str]]:
    """Report a catalog whose Plural-Forms differ from the project's other catalogs of its language."""
    by_lang: dict[str, list[CatalogHeader]] = {}
    for header in headers:
        by_lang.setdefault(header.lang, []).append(header)
    for lang, group in sorted(by_lang.items()):
        rules = Counter(_normal(h.plural_forms) for h in group)
        if len(rules) < 2:
            continue
        usual = _usual_rule(rules, lang)
        example = next(h for h in group if _normal(h.plural_forms) == usual)
        for header in group:
            if _normal(header.plural_forms) != usual:
                yield header, (
                    f"Plural-Forms {header.plural_forms.strip()!r} differ from the other {lang} catalogs "
                    f"({example.plural_forms.strip()!r} in {rules[usual]} of {len(group)}, e.g. "
                    f"{example.display}); give every {lang} catalog the same rule in its header "
                    f"(Babel's: {plural_forms(lang)!r}) and check the plural entries; "
                    "ligetil update never changes a header")
