"""TMX 1.4b: reviewed pairs out, another project's memory in.

Markup is TMX's own inline codes (``<bpt>``/``<ept>``/``<ph>`` holding the Markdown), so a
CAT tool protects it and the text read back is the msgid exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from pipeline import __version__
from pipeline.catalog.pofile import unwritable_char
from pipeline.errors import CatalogError
from pipeline.exchange.codes import split_markup
from pipeline.exchange.langtags import same_language
from pipeline.exchange.xliff import aligned, inline_codes
from pipeline.exchange.xmlfile import coded_text, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_BYTES = 200_000_000  # a memory of many projects; lxml reads it as one tree


def write_tmx(pairs: Iterable[tuple[str, str, str]], source_lang: str, target_lang: str) -> bytes:
    """Return a TMX document of (source, translation, origin) pairs, in the order given."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {"creationtool": "Ligetil", "creationtoolversion": __version__,
                                      "segtype": "block", "o-tmf": "gettext PO", "adminlang": "en",
                                      "srclang": source_lang, "datatype": "plaintext"})
    body = etree.SubElement(root, "body")
    texts = []
    for source, translation, origin in pairs:
        unit = etree.SubElement(body, "tu")
        etree.SubElement(unit, "prop", type="x-ligetil-guide").text = origin
        source_pieces = split_markup(source)
        for lang, pieces in ((source_lang, source_pieces),
                             (target_lang, aligned(source_pieces, split_markup(translation)))):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
            texts.append((etree.SubElement(variant, "seg"), pieces))
    etree.indent(root, space=" ")
    for element, pieces in texts:  # after indenting: whitespace in a segment is text
        inline_codes(element, pieces)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def read_tmx(data: bytes, display: str, source_lang: str) -> dict[str, list[tuple[str, str]]]:
    """Return {target language, lowercased: [(source, translation)]} from a TMX document."""
    root = parse_xml(data, display, "TMX", MAX_BYTES)
    header = root.find("header")
    if root.tag != "tmx" or header is None:
        raise CatalogError("not a TMX document (no <tmx> with a <header>)", display, root.sourceline)
    pairs: dict[str, list[tuple[str, str]]] = {}
    for unit in root.iterfind("body/tu"):
        variants = [(v.get(XML_LANG) or v.get("lang"), v.find("seg")) for v in unit.iterfind("tuv")]
        sources = [_text(seg, display) for lang, seg in variants if seg is not None and same_language(lang, source_lang)]
        if not sources:
            continue
        for lang, seg in variants:
            if seg is not None and lang and not same_language(lang, source_lang):
                pairs.setdefault(lang.lower(), []).append((sources[0], _translation(seg, display)))
    return pairs


def pairs_for(memory: dict[str, list[tuple[str, str]]], lang: str) -> list[tuple[str, str]]:
    """Return the pairs of a read TMX whose target is ``lang`` (``tr-TR`` counts as ``tr``)."""
    return [pair for code, pairs in sorted(memory.items()) if same_language(code, lang) for pair in pairs]


def _translation(seg, display: str) -> str:
    """Return a target <seg>'s text, refusing a character no catalog can hold."""
    text = _text(seg, display)
    if bad := unwritable_char(text):
        raise CatalogError(f"the segment holds U+{ord(bad):04X}, which a catalog cannot hold; "
                           "remove it from the memory", display, seg.sourceline)
    return text


def _text(element, display: str) -> str:
    """Return a <seg>'s text with its codes' Markdown; <hi> and <sub> content is text."""
    return coded_text(element, display, frozenset({"bpt", "ept", "ph", "it", "ut"}), frozenset({"hi", "sub"}),
                      lambda name: f"unexpected <{name}> in a TMX segment")
