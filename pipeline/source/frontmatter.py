"""Split and parse YAML front matter, keeping each key's line number."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from pipeline.errors import SourceError

# The schema: which keys exist, their types, and which are translated.
FRONT_MATTER_KEYS: dict[str, type | dict[str, type]] = {
    "title": str,
    "summary": str,
    "service": str,
    "contact": {"address": str, "phone": str, "email": str, "hours": str},
    "updated": dt.date,
    "flyer": list,  # the sections the one-sheet flyer prints: Danish headings or "#id"
}
TRANSLATABLE_KEYS = ("title", "summary", "contact.hours")
REQUIRED_KEYS = ("title",)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases (no alias bombs)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def split_front_matter(text: str, where: str) -> tuple[str, str, int]:
    """Return (front matter, body, body's first line number); front matter must open the file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise SourceError("a guide must start with YAML front matter between '---' lines", where, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    raise SourceError("front matter is not closed by a '---' line", where, 1)


def _yaml_error(error: yaml.YAMLError, where: str) -> SourceError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark is not None:
        problem += f" ({context} started at line {context_mark.line + 2})"
    line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the opening ---
    return SourceError(f"front matter is not valid YAML: {problem}", where, line)


def parse_front_matter(text: str, where: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse front matter YAML; return (data, line of each key path)."""
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        raise _yaml_error(error, where) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of keys to values", where, 2)
    return data, _key_lines(node)


def _key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        path = f"{prefix}{key_node.value}"
        lines[path] = key_node.start_mark.line + 2
        lines.update(_key_lines(value_node, path + "."))
    return lines


def validate_front_matter(data: dict[str, Any], lines: dict[str, int], where: str) -> None:
    """Check required keys and the types of known keys; unknown keys are left to `check`."""
    for key in REQUIRED_KEYS:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise SourceError(f"front matter needs a non-empty '{key}'", where, lines.get(key, 1))
    for key, expected in FRONT_MATTER_KEYS.items():
        if key not in data:
            continue
        if isinstance(expected, dict):
            _validate_mapping(data[key], expected, key, lines, where)
        elif not isinstance(data[key], expected) or isinstance(data[key], dt.datetime):
            raise SourceError(_type_message(key, expected, data[key]), where, lines.get(key))
        elif expected is list and not all(isinstance(item, str) and item.strip() for item in data[key]):
            raise SourceError(f"'{key}' must be a list of section headings, got {data[key]!r}",
                              where, lines.get(key))


def _validate_mapping(value: Any, schema: dict[str, type], key: str, lines: dict, where: str) -> None:
    if not isinstance(value, dict):
        raise SourceError(f"'{key}' must be a mapping", where, lines.get(key))
    for sub, expected in schema.items():
        if sub in value and not isinstance(value[sub], expected):
            path = f"{key}.{sub}"
            raise SourceError(_type_message(path, expected, value[sub]), where, lines.get(path))


def _type_message(key: str, expected: type, value: Any) -> str:
    wanted = {dt.date: "a date (YYYY-MM-DD)", list: "a list of section headings"}.get(expected, "text")
    hint = " (quote it)" if expected is str else " ([Heading, Other heading])" if expected is list else ""
    return f"'{key}' must be {wanted}{hint}, got {value!r}"


def lookup(data: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted key path, or None."""
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
