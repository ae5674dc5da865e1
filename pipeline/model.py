"""The data types passed between stages: frozen, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

SegmentKind = Literal[
    "meta", "heading", "paragraph", "list_item", "table_header", "table_cell", "blockquote", "link_title"
]
Severity = Literal["error", "warning", "info"]
# The kinds the Markdown engine renders: their text (and so their translation) is Markdown.
# Front-matter values and link titles are published as plain text.
MARKDOWN_KINDS = frozenset({"heading", "paragraph", "list_item", "table_header", "table_cell", "blockquote"})


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A place in a project file, relative to the project root."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Guide:
    """One parsed source file: front matter and Markdown body."""

    slug: str
    path: str  # relative to the project root, e.g. "content/madservice.md"
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    meta_lines: dict[str, int] = field(default_factory=dict)  # "contact.hours" -> line

    @property
    def title(self) -> str:
        """Return the guide's title from the front matter."""
        return str(self.meta["title"])

    @property
    def updated(self) -> date | None:
        """Return the front matter's ``updated`` date, if any."""
        value = self.meta.get("updated")
        return value if isinstance(value, date) else None


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a guide."""

    msgid: str
    location: SourceLocation
    kind: SegmentKind
    note: str | None = None
    key: str | None = None  # the front-matter key path for kind "meta", e.g. "contact.hours"
    level: int = 0  # heading level, for kind "heading"

    @property
    def is_markdown(self) -> bool:
        """Tell whether the text is Markdown (a body block) rather than plain text."""
        return self.kind in MARKDOWN_KINDS


@dataclass(frozen=True)
class LocalizedText:
    """One segment's text as published in a language."""

    text: str
    lang: str  # the language the text is in: the page language, or the source as fallback
    state: Literal["translated", "source", "draft"] = "translated"

    @property
    def is_draft(self) -> bool:
        """Say whether the text is a machine draft shown in a preview."""
        return self.state == "draft"


@dataclass(frozen=True)
class Coverage:
    """How much of a guide has a reviewed translation, counted in source words."""

    words: int
    reviewed_words: int
    draft_words: int = 0

    @property
    def ratio(self) -> float:
        """Return the reviewed share of words (1.0 for an empty guide)."""
        return 1.0 if self.words == 0 else self.reviewed_words / self.words


@dataclass(frozen=True)
class LocalizedGuide:
    """What a renderer needs: a guide with its texts in one language."""

    guide: Guide
    lang: str
    direction: Literal["ltr", "rtl"]
    texts: dict[str, LocalizedText]  # msgid -> published text
    coverage: Coverage
    preview: bool = False
    revised: datetime | None = None  # the catalog's PO-Revision-Date (UTC); None in the source language

    def text_of(self, value: Any) -> LocalizedText | None:
        """Return the published text of a front-matter value; None unless a non-empty string."""
        if not isinstance(value, str) or not value.strip():
            return None
        return self.texts.get(value.strip(), LocalizedText(value.strip(), self.lang))

    def other_lang(self, text: LocalizedText | None) -> str | None:
        """Return the text's language when it is not the page's (it needs a lang attribute)."""
        return text.lang if text is not None and text.lang != self.lang else None


@dataclass(frozen=True)
class Issue:
    """One finding of a check, with a stable code."""

    location: SourceLocation
    code: str
    severity: Severity
    message: str
    lang: str | None = None
    guide: str | None = None
    msgid: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity} {self.code}: {self.message}"
