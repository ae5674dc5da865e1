"""Which project language a CAT tool's language tag means ("tr-TR", "TR" → tr; "sr-Latn" → not sr)."""

from __future__ import annotations

from babel.core import parse_locale


def _parts(tag: str) -> tuple[str, str | None, str | None, str | None] | None:
    try:
        return parse_locale(tag.strip().replace("_", "-"), sep="-")
    except ValueError:
        return None


def same_language(tag: str | None, wanted: str) -> bool:
    """Tell whether a tag names ``wanted``: the same tag, or ``wanted`` with only a region added."""
    if not tag:
        return False
    found, project = _parts(tag), _parts(wanted)
    if found is None or project is None:
        return tag.lower().replace("_", "-") == wanted.lower().replace("_", "-")
    (language, territory, script, variant), (p_language, p_territory, p_script, p_variant) = found, project
    if (language.lower(), script, variant) != (p_language.lower(), p_script, p_variant):
        return False
    return territory == p_territory or p_territory is None  # "tr-TR" is Turkish; "pt" is not "pt-BR"'s project


def project_language(tag: str, languages: tuple[str, ...]) -> str | None:
    """Return the project language a tag names (an exact match first), or None."""
    exact = [code for code in languages if code.lower().replace("_", "-") == tag.lower().replace("_", "-")]
    return exact[0] if exact else next((code for code in languages if same_language(tag, code)), None)
