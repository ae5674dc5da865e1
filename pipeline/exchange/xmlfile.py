"""Parse an exchange file's XML safely, with the line of any problem."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from pipeline.errors import CatalogError


def parse_xml(data: bytes, display: str, kind: str, max_bytes: int):
    """Return the root element of ``data``, refusing oversized files and entity definitions.

    No entity is expanded and no DTD is loaded: a ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is
    fine, one that defines entities (a "billion laughs", a local file's text) is refused.
    """
    if len(data) > max_bytes:
        raise CatalogError(f"{kind} file is {len(data):,} bytes, the limit is {max_bytes:,}", display)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise CatalogError(f"not valid XML: {error.msg}", display,
                           error.position[0] if error.position else None) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise CatalogError("a <!DOCTYPE> that defines entities is not allowed; remove its [ … ] part",
                           display, data[:data.find(b"<!DOCTYPE")].count(b"\n") + 1)
    return root


def coded_text(element, display: str, codes: frozenset[str], nested: frozenset[str],
               unexpected: Callable[[str], str]) -> str:
    """Return an element's Markdown: its text, each code's content (``codes``: the Markdown it
    holds), and the text of each element in ``nested``; any other element is an error at its line."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a processing instruction: not text
            parts.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name in codes:
            parts.append("".join(child.itertext()))
        elif name in nested:
            parts.append(coded_text(child, display, codes, nested, unexpected))
        else:
            raise CatalogError(unexpected(name), display, child.sourceline)
        parts.append(child.tail or "")
    return "".join(parts)
