"""Write the glossary as TBX-Basic (ISO 30042), one file per target language, for Weblate.

TBX-Basic's ``martif`` form is what Translate Toolkit, and so Weblate, reads (TBX v3's
``conceptEntry`` form is not read by them). Weblate maps each file to one language through
its file mask, so a file holds the source language and one target language. Each agreed term
is a ``termEntry``; the glossary's note is its ``descrip``, which Weblate shows as the source
explanation; a term kept as it is in the language (a name) carries
``<descrip type="Translation needed">No</descrip>``, which Weblate imports as untranslatable.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pipeline.catalog.glossary import Glossary, Term

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def glossary_tbx(glossary: Glossary, lang: str, title: str) -> bytes:
    """Return a TBX-Basic document of the terms agreed in ``lang``."""
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: glossary.source_language})
    _header(root, title, glossary.display)
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in glossary.agreed_terms(lang):
        _entry(body, term, glossary.source_language, lang)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _header(root: ET.Element, title: str, source: str) -> None:
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = title
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = f"Written by ligetil from {source}"
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"


def _entry(body: ET.Element, term: Term, source_language: str, lang: str) -> None:
    entry = ET.SubElement(body, "termEntry")
    if term.note:
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = term.note
    if term.kept_in(lang):
        ET.SubElement(entry, "descrip", {"type": "Translation needed"}).text = "No"
    for code, text in ((source_language, term.source), (lang, term.agreed(lang))):
        lang_set = ET.SubElement(entry, "langSet", {XML_LANG: code})
        ET.SubElement(ET.SubElement(lang_set, "tig"), "term").text = text
