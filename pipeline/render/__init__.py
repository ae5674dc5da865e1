"""Render localized guides: HTML pages (Jinja2) and PDF flyers (WeasyPrint)."""

from pipeline.render.localize import localize

__all__ = ["localize"]
