"""Read an XLIFF 2.x or 1.2 file that a CAT tool saved back: its guide, language and texts.

Inline codes become the Markdown they stand for; any problem is a CatalogError naming the
file and the line (an XML syntax error's own line, or the element's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from pipeline.catalog.imported import Incoming
from pipeline.errors import CatalogError
from pipeline.exchange.xliff import EXPORTED, MDA_NS, XLIFF1_NS, XLIFF2_NS, XML_SPACE
from pipeline.exchange.xmlfile import coded_text, parse_xml

REVIEWED_2 = {"translated", "reviewed", "final"}
REVIEWED_1 = {"translated", "signed-off", "final"}
_FORM_RE = re.compile(r"^msgstr\[(\d+)\]$")
MAX_BYTES = 50_000_000  # a guide is at most 2 MB; an XLIFF of it with every code is far below this


@dataclass(frozen=True)
class ReadXliff:
    """One file of an XLIFF document: which guide and language, and its translations."""

    slug: str
    target_lang: str
    source_lang: str
    line: int
    incoming: tuple[Incoming, ...]


def parse_xliff(data: bytes, display: str) -> list[ReadXliff]:
    """Parse an XLIFF document's bytes; return one ReadXliff per <file>."""
    root = parse_xml(data, display, "XLIFF", MAX_BYTES)
    namespace = etree.QName(root).namespace
    if etree.QName(root).localname != "xliff" or namespace not in (XLIFF2_NS, XLIFF1_NS):
        raise CatalogError("not an XLIFF 1.2 or 2.x document (root element "
                           f"{etree.QName(root).localname!r} in {namespace or 'no namespace'})", display, root.sourceline)
    files = root.findall(f"{{{namespace}}}file")
    if not files:
        raise CatalogError("the XLIFF document has no <file>", display, root.sourceline)
    read = _file2 if namespace == XLIFF2_NS else _file1
    return [read(root, file, display) for file in files]


def _need(element, name: str, display: str) -> str:
    value = element.get(name)
    if not value:
        raise CatalogError(f"<{etree.QName(element).localname}> has no {name} attribute", display, element.sourceline)
    return value


def _plural_groups(units: list[tuple[str, str | None, Incoming]]) -> list[Incoming]:
    """Join the units of a plural entry (named msgstr[N], ids u7.0, u7.1, …) into one Incoming."""
    order: list[Incoming | str] = []
    forms: dict[str, list[tuple[int, Incoming]]] = {}
    for unit_id, name, item in units:
        form = _FORM_RE.match(name or "")
        if form is None:
            order.append(item)
            continue
        stem = unit_id.rpartition(".")[0] or unit_id
        if stem not in forms:
            forms[stem] = []
            order.append(stem)  # the entry's place; its forms are joined below
        forms[stem].append((int(form.group(1)), item))
    return [item if isinstance(item, Incoming) else _joined(forms[item]) for item in order]


def _joined(forms: list[tuple[int, Incoming]]) -> Incoming:
    items = [item for _, item in sorted(forms, key=lambda pair: pair[0])]
    first = items[0]
    known = all(i.exported is not None for i in items)
    return Incoming(first.msgctxt, first.msgid, tuple(i.forms[0] for i in items),
                    all(i.reviewed for i in items), first.line, plural=True,
                    exported=tuple(i.exported[0] for i in items) if known else None)


# --- XLIFF 2.x -----------------------------------------------------------------------------

def _file2(root, file, display: str) -> ReadXliff:
    q = lambda tag: f"{{{XLIFF2_NS}}}{tag}"  # noqa: E731
    units = []
    for unit in file.iter(q("unit")):
        data = {d.get("id"): (d.text or "") for d in unit.iterfind(f"{q('originalData')}/{q('data')}")}
        context = unit.find(f"{q('notes')}/{q('note')}[@category='msgctxt']")
        source, target, reviewed, line = _segments2(unit, data, display)
        meta = unit.find(f"{{{MDA_NS}}}metadata/{{{MDA_NS}}}metaGroup/{{{MDA_NS}}}meta[@type='{EXPORTED}']")
        item = Incoming(None if context is None else (context.text or ""), source, (target,), reviewed, line,
                        exported=None if meta is None else ((meta.text or "").strip(),))
        units.append((unit.get("id", ""), unit.get("name"), item))
    return ReadXliff(_need(file, "id", display), _need(root, "trgLang", display), _need(root, "srcLang", display),
                     file.sourceline, tuple(_plural_groups(units)))


def _segments2(unit, data: dict[str, str], display: str) -> tuple[str, str, bool, int | None]:
    """Return a unit's source, target, whether it is reviewed, and the line of its first target.

    A CAT tool may split the unit into sentences (several <segment>s, <ignorable> space
    between them): they are joined back; the unit is reviewed when every segment is.
    """
    q = lambda tag: f"{{{XLIFF2_NS}}}{tag}"  # noqa: E731
    parts = [p for p in unit if p.tag in (q("segment"), q("ignorable"))]
    if not parts:
        raise CatalogError(f"unit {unit.get('id')!r} has no <segment>", display, unit.sourceline)
    sources, targets, states, lines = [], [], [], []
    for part in parts:
        source, target = part.find(q("source")), part.find(q("target"))
        if source is None:
            raise CatalogError(f"<{etree.QName(part).localname}> has no <source>", display, part.sourceline)
        sources.append(_text2(source, data, display))
        segment = part.tag == q("segment")
        if target is not None:
            targets.append(_unindented(_text2(target, data, display), sources[-1], target))
            lines.append(target.sourceline)
        elif segment:
            targets.append("")
        else:
            targets.append(sources[-1])  # ignorable space with no target of its own
        if segment:
            states.append(part.get("state", "initial") in REVIEWED_2 and target is not None)
    empty = not any(t for t, p in zip(targets, parts) if p.tag == q("segment"))
    line = lines[0] if lines else parts[0].find(q("source")).sourceline
    return "".join(sources), "" if empty else "".join(targets), all(states), line


def _unindented(text: str, source: str, element) -> str:
    """Return a target's text without the layout a tool's pretty-printing put around it.

    Only where whitespace is not significant (no ``xml:space="preserve"`` on the target or
    above it) and the source has no space of its own at its ends.
    """
    space = next((e.get(XML_SPACE) for e in (element, *element.iterancestors()) if e.get(XML_SPACE)), "default")
    return text if space == "preserve" or source != source.strip() else text.strip()


def _text2(element, data: dict[str, str], display: str) -> str:
    """Return the Markdown of a <source> or <target>: text, with each code's original data."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a processing instruction: not text
            parts.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name == "pc":
            parts += [_data(child, "dataRefStart", data, display), _text2(child, data, display),
                      _data(child, "dataRefEnd", data, display)]
        elif name in ("ph", "sc", "ec"):
            parts.append(_data(child, "dataRef", data, display))
        elif name == "mrk":  # an annotation (a term, a comment): its content is text
            parts.append(_text2(child, data, display))
        elif name == "cp":
            parts.append(_code_point(child, display))
        else:
            raise CatalogError(f"unexpected <{name}> in a text; Ligetil reads <pc>, <ph>, <sc>, <ec>, <mrk>, <cp>",
                               display, child.sourceline)
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(element, display: str) -> str:
    """Return the character of a <cp hex="…"/>, refusing one that is not a Unicode scalar value."""
    value = _need(element, "hex", display)
    try:
        number = int(value, 16)
    except ValueError:
        number = -1
    if not 0 <= number <= 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        raise CatalogError(f"<cp hex={value!r}> is not a Unicode character", display, element.sourceline)
    return chr(number)


def _data(code, attribute: str, data: dict[str, str], display: str) -> str:
    ref = code.get(attribute)
    if ref is None and attribute == "dataRef":  # a tool that kept the id only: Ligetil's data ids are d + id
        ref = f"d{code.get('id')}"
    if ref not in data:
        raise CatalogError(f"inline code <{etree.QName(code).localname} id={code.get('id')!r}> refers to "
                           f"{ref!r}, which is not in the unit's <originalData>; the markup it stood for is "
                           "lost, so this file cannot be read", display, code.sourceline)
    return data[ref]


# --- XLIFF 1.2 -----------------------------------------------------------------------------

def _file1(root, file, display: str) -> ReadXliff:
    q = lambda tag: f"{{{XLIFF1_NS}}}{tag}"  # noqa: E731
    units = []
    for unit in file.iter(q("trans-unit")):
        source = unit.find(q("source"))
        if source is None:
            raise CatalogError("trans-unit has no <source>", display, unit.sourceline)
        target = unit.find(q("target"))
        context = unit.find(f"{q('context-group')}/{q('context')}[@context-type='x-po-msgctxt']")
        exported = unit.find(f"{q('context-group')}/{q('context')}[@context-type='{EXPORTED}']")
        reviewed = unit.get("approved") == "yes" or (target is not None and target.get("state") in REVIEWED_1)
        item = Incoming(None if context is None else (context.text or ""), _text1(source, display),
                        ("" if target is None else _unindented(_text1(target, display), _text1(source, display),
                                                               target),), reviewed,
                        (target if target is not None else source).sourceline,
                        exported=None if exported is None else ((exported.text or "").strip(),))
        units.append((unit.get("id", ""), unit.get("resname"), item))
    original = _need(file, "original", display)
    return ReadXliff(PurePosixPath(original).stem, _need(file, "target-language", display),
                     _need(file, "source-language", display), file.sourceline, tuple(_plural_groups(units)))


def _text1(element, display: str) -> str:
    """Return the Markdown of a 1.2 <source> or <target>: codes hold their Markdown."""
    return coded_text(element, display, frozenset({"bpt", "ept", "ph", "it"}), frozenset({"g", "mrk"}),
                      lambda name: f"unexpected <{name}> in a text; its markup is not in the file (Ligetil "
                                   "writes <bpt>, <ept> and <ph> holding the Markdown)")
