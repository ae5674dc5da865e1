"""Read one guide file: UTF-8 text, YAML front matter, Markdown body."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.errors import SourceError
from pipeline.model import Guide
from pipeline.paths import check_slug
from pipeline.source.frontmatter import parse_front_matter, split_front_matter, validate_front_matter

MAX_GUIDE_BYTES = 2_000_000  # a guide is a few pages; anything larger is a mistake or an attack
CONTROL_CHARACTERS = frozenset(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127))  # tab, newline kept


def decode_utf8(data: bytes, where: str) -> str:
    """Decode UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
                          where, line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), start=1):
        bad = next((c for c in line if c in CONTROL_CHARACTERS), None)
        if bad is not None:
            raise SourceError(f"control character U+{ord(bad):04X} in the text; remove it (GNU gettext "
                              "would cut the text there)", where, number)
    return text


def parse_guide(data: bytes, slug: str, where: str) -> Guide:
    """Parse a guide's bytes into a Guide, validating the front matter."""
    check_slug(slug, where)
    if len(data) > MAX_GUIDE_BYTES:
        raise SourceError(f"guide is {len(data):,} bytes; the limit is {MAX_GUIDE_BYTES:,}", where, 1)
    text = decode_utf8(data, where)
    front, body, body_line = split_front_matter(text, where)
    meta, lines = parse_front_matter(front, where)
    validate_front_matter(meta, lines, where)
    return Guide(slug=slug, path=where, meta=meta, body=body, body_line=body_line, meta_lines=lines)


def read_guide(path: Path, settings: Settings) -> Guide:
    """Read and parse ``content/<slug>.md``."""
    where = settings.relative(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror}", where) from None
    return parse_guide(data, path.stem, where)
