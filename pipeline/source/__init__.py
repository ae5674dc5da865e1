"""Read guides (front matter + Markdown) and segment them into translatable units."""

from pipeline.source.reader import read_guide
from pipeline.source.segment import segment

__all__ = ["read_guide", "segment"]
