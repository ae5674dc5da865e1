"""Measure keyboard focus in Chromium: Tab through a page, read each focus ring and what lies behind it."""

from __future__ import annotations

import re
from pathlib import Path

# For the focused element: its outline, its own background, and the background under points
# just outside its box, where the ring is drawn (the first non-transparent background of the
# element found there or of its ancestors; the canvas when none).
MEASURE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const paint = (node) => {
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor;
      if (!/^rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent') return c;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
  const points = [[box.left + box.width / 2, box.top - reach], [box.left + box.width / 2, box.bottom + reach],
                  [box.left - reach, box.top + box.height / 2], [box.right + reach, box.top + box.height / 2]];
  const behind = points.map(([x, y]) => {
    const hit = document.elementsFromPoint(x, y).find(e => e !== el && !el.contains(e));
    return paint(hit || el.parentElement);
  });
  const own = getComputedStyle(el).backgroundColor;
  return {tag: el.tagName.toLowerCase(), kind: el.closest('header') ? 'header' : el.closest('footer') ? 'footer'
            : el.classList.contains('skip') ? 'skip' : el.tagName === 'INPUT' ? 'search' : 'main',
          text: (el.textContent || el.id || '').trim().slice(0, 40), lang: el.closest('[lang]').lang,
          outline: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          shadow: style.boxShadow, own: paint(el) === paint(el.parentElement) ? null : own, behind};
}"""


def channels(css: str) -> tuple[float, float, float, float]:
    """Return the r, g, b (0–255) and alpha of a computed CSS colour (``rgb(…)`` or ``rgba(…)``)."""
    found = [float(v) for v in re.findall(r"[\d.]+", css)]
    assert len(found) >= 3, css
    return found[0], found[1], found[2], found[3] if len(found) > 3 else 1.0


def over(top: str, under: str) -> str:
    """Return a colour with alpha as it shows over an opaque one."""
    *rgb, alpha = channels(top)
    return "rgb({}, {}, {})".format(*(alpha * a + (1 - alpha) * b for a, b in zip(rgb, channels(under))))


def luminance(css: str) -> float:
    """Return the WCAG relative luminance of a computed colour."""
    def linear(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(v) for v in channels(css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of a colour (composited when translucent) on an opaque one."""
    first = over(first, second)
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_rings(page, path: Path, limit: int = 300) -> list[dict]:
    """Open a page and Tab through it; return each focused element's measurement with its lowest ratio."""
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")
    found, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = page.evaluate(MEASURE)
        key = page.evaluate("() => { const e = document.activeElement; return e && e.outerHTML.slice(0, 200) "
                            "+ JSON.stringify(e.getBoundingClientRect()) }")
        if ring is None or key in seen:
            break
        seen.add(key)
        against = ring["behind"] + ([ring["own"]] if ring["own"] else [])
        found.append({**ring, "ratio": min(contrast(ring["outline"], c) for c in against)})
    return found
