"""Write a catalog as XLIFF 2.1 or 1.2: one file per guide and language, markup as inline codes.

- Markdown markup is inline codes a CAT tool protects: in 2.1 ``<pc>``/``<ph>`` with the
  Markdown in ``<originalData>``, in 1.2 ``<bpt>``/``<ept>``/``<ph>`` holding the Markdown;
- ``#.`` notes, ``#:`` locations, the translator's comment and msgctxt are kept as notes
  (1.2: locations as a context group, the way po2xliff writes them);
- state: untranslated → 2.1 ``initial`` without a target, 1.2 no target; a draft (fuzzy) →
  ``initial`` / ``needs-review-translation`` not approved; reviewed → ``reviewed`` /
  ``translated`` approved;
- a plural entry is one unit per form, named ``msgstr[N]``;
- each unit records a digest of its target as exported (2.1: the Metadata module, 1.2: a
  context group), so an import can tell a unit the tool left alone from a catalog saved since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from pipeline.catalog.entries import EntryView
from pipeline.catalog.imported import exported_digest
from pipeline.exchange.codes import Code, Piece, split_markup

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF1_NS = "urn:oasis:names:tc:xliff:document:1.2"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
EXPORTED = "x-ligetil-exported-target"  # what a unit's target was at the export, as a digest
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VERSIONS = ("2.1", "1.2")


@dataclass(frozen=True)
class XliffFile:
    """What one XLIFF file holds: one guide's catalog in one language."""

    slug: str
    source_lang: str
    target_lang: str
    original: str  # the catalog's path in the project, e.g. translations/tr/LC_MESSAGES/mad.po
    entries: tuple[EntryView, ...]


def _forms(entry: EntryView) -> list[tuple[str, str, str]]:
    """Return (unit suffix, source, target) for each form of an entry."""
    if not entry.plural:
        return [("", entry.msgid, entry.msgstrs[0])]
    return [(f".{k}", entry.msgid if k == 0 else entry.msgid_plural, text)
            for k, text in enumerate(entry.msgstrs)]


def write_xliff(catalog: XliffFile, version: str = "2.1") -> bytes:
    """Return the XLIFF document of one catalog, UTF-8 with an XML declaration."""
    texts: list[tuple[object, list[Piece], Callable]] = []  # filled after indenting: text is not layout
    root = _xliff2(catalog, texts) if version == "2.1" else _xliff1(catalog, texts)
    etree.indent(root, space=" ")
    for element, pieces, fill in texts:
        fill(element, pieces)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# --- XLIFF 2.1 -----------------------------------------------------------------------------

def _e2(parent, tag: str, text: str | None = None, **attrs: str):
    element = etree.SubElement(parent, f"{{{XLIFF2_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
    element.text = text
    return element


def _xliff2(catalog: XliffFile, texts: list):
    root = etree.Element(f"{{{XLIFF2_NS}}}xliff", nsmap={None: XLIFF2_NS, "mda": MDA_NS}, version="2.1",
                         srcLang=catalog.source_lang, trgLang=catalog.target_lang)
    file = _e2(root, "file", id=catalog.slug, original=catalog.original)
    for number, entry in enumerate(catalog.entries, start=1):
        for suffix, source, target in _forms(entry):
            _unit2(file, f"u{number}{suffix}", entry, source, target, suffix, texts)
    return root


def _notes2(unit, entry: EntryView) -> None:
    notes = [("location", place) for place in entry.locations]
    notes += [("description", entry.notes)] if entry.notes else []
    notes += [("translator", entry.comment)] if entry.comment else []
    notes += [("msgctxt", entry.msgctxt)] if entry.msgctxt is not None else []
    if notes:
        holder = _e2(unit, "notes")
        for category, text in notes:
            _e2(holder, "note", text, category=category)


def _unit2(file, unit_id: str, entry: EntryView, source: str, target: str, suffix: str, texts: list) -> None:
    name = f"msgstr[{suffix[1:]}]" if suffix else None
    unit = _e2(file, "unit", id=unit_id, name=name)
    group = etree.SubElement(etree.SubElement(unit, f"{{{MDA_NS}}}metadata"), f"{{{MDA_NS}}}metaGroup",
                             category="ligetil")
    etree.SubElement(group, f"{{{MDA_NS}}}meta", type=EXPORTED).text = exported_digest(target)
    _notes2(unit, entry)
    source_pieces = split_markup(source)
    target_pieces = aligned(source_pieces, split_markup(target)) if target else []
    data = {c.id: c.native for c in [*source_pieces, *target_pieces] if isinstance(c, Code)}
    if data:
        original = _e2(unit, "originalData")
        for code_id in sorted(data):
            _e2(original, "data", data[code_id], id=f"d{code_id}")
    state = "initial" if not target or entry.fuzzy else "reviewed"
    segment = _e2(unit, "segment", state=state)
    texts.append((_e2(segment, "source"), source_pieces, _inline2))
    if target:
        texts.append((_e2(segment, "target"), target_pieces, _inline2))
    for text_element in segment:
        text_element.set(XML_SPACE, "preserve")


def aligned(source: list[Piece], target: list[Piece]) -> list[Piece]:
    """Renumber the target's codes as the source's same codes (in order); others get new ids."""
    free = [c for c in source if isinstance(c, Code)]
    fresh = max((c.id for c in free), default=0)
    renumber: dict[int, int] = {}
    for code in (c for c in target if isinstance(c, Code)):
        same = next((c for c in free if (c.native, c.role) == (code.native, code.role)), None)
        if same is not None:
            free.remove(same)
            renumber[code.id] = same.id
        else:
            fresh += 1
            renumber[code.id] = fresh
    return [p if isinstance(p, str) else Code(renumber[p.id], p.role, p.native, p.kind,
                                              renumber.get(p.partner, 0)) for p in target]


def _append_text(parent, text: str) -> None:
    """Append text at the end of ``parent`` (its text, or its last child's tail)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline2(element, pieces: list[Piece]) -> None:
    """Fill a <source> or <target> with text, <pc> for paired codes and <ph> for the others."""
    stack = [element]
    for piece in pieces:
        if isinstance(piece, str):
            _append_text(stack[-1], piece)
        elif piece.role == "open":
            stack.append(_e2(stack[-1], "pc", id=str(piece.id), dataRefStart=f"d{piece.id}",
                             dataRefEnd=f"d{piece.partner}", type=piece.type,
                             dispStart=piece.native, dispEnd=_native(pieces, piece.partner)))
        elif piece.role == "close" and len(stack) > 1:
            stack.pop()
        else:
            _e2(stack[-1], "ph", id=str(piece.id), dataRef=f"d{piece.id}", type=piece.type, disp=piece.native)


def _native(pieces: list[Piece], code_id: int) -> str:
    return next(p.native for p in pieces if isinstance(p, Code) and p.id == code_id)


# --- XLIFF 1.2 -----------------------------------------------------------------------------

def _e1(parent, tag: str, text: str | None = None, **attrs: str):
    element = etree.SubElement(parent, f"{{{XLIFF1_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
    element.text = text
    return element


def _xliff1(catalog: XliffFile, texts: list):
    root = etree.Element(f"{{{XLIFF1_NS}}}xliff", nsmap={None: XLIFF1_NS}, version="1.2")
    file = _e1(root, "file", original=catalog.original, datatype="x-markdown",
               **{"source-language": catalog.source_lang, "target-language": catalog.target_lang})
    body = _e1(file, "body")
    for number, entry in enumerate(catalog.entries, start=1):
        for suffix, source, target in _forms(entry):
            _unit1(body, f"u{number}{suffix}", entry, source, target, suffix, texts)
    return root


def _unit1(body, unit_id: str, entry: EntryView, source: str, target: str, suffix: str, texts: list) -> None:
    reviewed = bool(target) and not entry.fuzzy
    unit = _e1(body, "trans-unit", id=unit_id, resname=f"msgstr[{suffix[1:]}]" if suffix else None,
               approved="yes" if reviewed else "no" if target else None)
    unit.set(XML_SPACE, "preserve")
    texts.append((_e1(unit, "source"), split_markup(source), inline_codes))
    if target:
        texts.append((_e1(unit, "target", state="translated" if reviewed else "needs-review-translation"),
                      aligned(split_markup(source), split_markup(target)), inline_codes))
    if entry.msgctxt is not None:
        group = _e1(unit, "context-group", name="msgctxt", purpose="information")
        _e1(group, "context", entry.msgctxt, **{"context-type": "x-po-msgctxt"})
    for place in entry.locations:
        path, _, line = place.rpartition(":") if ":" in place else (place, "", "")
        group = _e1(unit, "context-group", purpose="location")
        _e1(group, "context", path, **{"context-type": "sourcefile"})
        if line:
            _e1(group, "context", line, **{"context-type": "linenumber"})
    group = _e1(unit, "context-group", name=EXPORTED, purpose="information")
    _e1(group, "context", exported_digest(target), **{"context-type": EXPORTED})
    if entry.notes:
        _e1(unit, "note", entry.notes, **{"from": "developer"})
    if entry.comment:
        _e1(unit, "note", entry.comment, **{"from": "translator"})


def inline_codes(element, pieces: list[Piece]) -> None:
    """Fill an XLIFF 1.2 or TMX text element: <bpt>/<ept> around paired codes, <ph> for others.

    Each code holds its Markdown. The codes take the element's namespace; TMX has none, and
    pairs its codes with ``i`` where XLIFF 1.2 uses ``id``.
    """
    namespace = etree.QName(element).namespace
    tag = (lambda name: f"{{{namespace}}}{name}") if namespace else (lambda name: name)
    pair = "id" if namespace else "i"
    for piece in pieces:
        if isinstance(piece, str):
            _append_text(element, piece)
            continue
        if piece.role == "open":
            code = etree.SubElement(element, tag("bpt"), {pair: str(piece.id)})
        elif piece.role == "close":
            code = etree.SubElement(element, tag("ept"), {pair: str(piece.partner)})
        else:
            code = etree.SubElement(element, tag("ph"), {"id" if namespace else "x": str(piece.id)})
        code.text = piece.native
