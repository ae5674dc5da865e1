"""docs/weblate.md: its discovery rule, file mask and template, applied to the sample's real files."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import REPO, sample_languages

DOC = (REPO / "docs/weblate.md").read_text(encoding="utf-8")
GUIDES = sorted(p.stem for p in (REPO / "content").glob("*.md"))
SITE_WORDS = "_site"


def setting(label: str) -> str:
    """Return the backticked value of the settings-table rows with a Weblate label (all must agree)."""
    rows = [line for line in DOC.splitlines() if re.match(rf"\| {re.escape(label)}( \(`\w+`\))? \|", line)]
    values = set()
    for row in rows:
        found = re.fullmatch(r"`([^`]+)`", row.strip().strip("|").split(" | ")[1].strip())
        assert found, f"docs/weblate.md: {row!r} has no single backticked value"
        values.add(found.group(1))
    assert len(rows) >= 1 and len(values) == 1, f"docs/weblate.md: {label!r} rows: {rows}"
    return values.pop()


def relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def translation_files() -> list[str]:
    return sorted(relative(p) for p in (REPO / "translations").rglob("*") if p.is_file())


def discovered() -> dict[str, list[str]]:
    """Apply the documented discovery regex to every file, as Weblate does: component -> its files."""
    rule = re.compile(setting("Regular expression to match translation files against"))
    found: dict[str, list[str]] = {}
    for path in translation_files():
        if match := rule.fullmatch(path):
            found.setdefault(match["component"], []).append(path)
    return found


def language_of(path: str) -> str:
    return re.fullmatch(setting("Regular expression to match translation files against"), path)["language"]


def test_discovery_finds_every_guide_and_the_site_words_in_every_language():
    found = discovered()
    assert GUIDES and sorted(found) == sorted([*GUIDES, SITE_WORDS])
    for component, files in found.items():
        assert sorted(language_of(p) for p in files) == sorted(sample_languages()), component


def test_the_base_file_for_new_translations_is_each_components_template():
    template = setting("Define the base file for new translations")
    assert "{{ component }}" in template
    for component in discovered():
        assert (REPO / template.replace("{{ component }}", component)).is_file(), component


def test_the_component_file_mask_and_template_name_the_same_files_as_discovery():
    mask, template = setting("File mask"), setting("Template for new translations")
    assert "<guide>" in mask and "<guide>" in template
    for component, files in discovered().items():
        assert sorted(relative(p) for p in REPO.glob(mask.replace("<guide>", component))) == files
        assert template.replace("<guide>", component) == \
            setting("Define the base file for new translations").replace("{{ component }}", component)


def test_both_tables_name_the_gettext_po_format():
    assert setting("File format") == "gettext PO file"
    assert sum(line.startswith("| File format") for line in DOC.splitlines()) == 2


def test_every_ligetil_translation_check_is_in_the_mapping_table():
    from pipeline.qa.registry import REGISTRY
    wanted = {code for code, c in REGISTRY.items() if c.scope in ("pair", "entry", "project", "file")}
    table = DOC[DOC.index("| `ligetil check` |"):]
    rows = table[: table.index("\n\n")].splitlines()[2:]
    named = {code for row in rows for code in re.findall(r"`([a-z-]+)`", row.strip().strip("|").split(" | ")[0])}
    assert wanted and wanted <= named, wanted - named
