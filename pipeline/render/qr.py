"""QR codes that lead a reader from paper to the guide's page online."""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from html import escape
from importlib.metadata import version
from types import CodeType

from pipeline import cache


def qr_svg(url: str, title: str) -> str:
    """Return an SVG QR code for ``url``, labelled ``title`` for screen readers.

    Args:
        url: the address the code opens.
        title: the accessible name (``<title>`` and ``aria-label``), e.g. "Scan to read online".
    Returns:
        A standalone ``<svg>`` element (with xmlns and viewBox): inline in HTML, or as an
        image via :func:`svg_data_uri`. Drawn once per machine (the user cache): a code costs
        3.5 ms of segno's pure-Python encoding, and a rebuild prints the same ones.
    """
    key = cache.key_of("qr", url, title, _segno_version(), _drawing(_draw))
    return cache.cached("qr", key, lambda: _draw(url, title).encode("utf-8")).decode("utf-8")


@lru_cache(maxsize=4)
def _drawing(draw) -> bytes:
    """Return what names the drawing code (its bytecode, names and constants): another ligetil's codes are not reused."""
    return _code_bytes(draw.__code__)


def _code_bytes(code: CodeType) -> bytes:
    consts = [_code_bytes(c) if isinstance(c, CodeType) else repr(c).encode("utf-8") for c in code.co_consts]
    return b"\0".join([code.co_code, repr(code.co_names).encode("utf-8"), *consts])  # no addresses: stable across runs


@lru_cache(maxsize=1)
def _segno_version() -> str:
    return version("segno")


def _draw(url: str, title: str) -> str:
    import segno  # here: a code found in the cache needs no segno

    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4,
              title=title, svgclass="qr-code", lineclass=None, dark="#000", light="#fff")
    svg = out.getvalue().decode("utf-8").strip()
    label = escape(title, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def svg_data_uri(svg: str) -> str:
    """Return an SVG document as a base64 ``data:`` URI for an ``<img src>``."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
