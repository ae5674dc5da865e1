"""WeasyPrint 70.0's ``draw_first_line``, with each word's text as written around its glyphs.

The function is WeasyPrint's (BSD-3-Clause, © Simon Sapin and contributors), copied
because the glyphs' clusters, which say which text each glyph draws, exist only inside it.
Three changes, marked ``# Ligetil``: a line with right-to-left text, or whose glyphs do not
spell it one to one, is drawn inside ``/Span <</ActualText (…)>> BDC … EMC`` (see
pipeline/render/pdf_text.py); inside it, a line with right-to-left text or on a right-to-left
page gives MuPDF its text as written on an unseen copy of one glyph (:func:`mupdf_hints`), and
PDFium none there; and no glyph maps to an empty string in the ToUnicode map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from xml.etree import ElementTree

import pydyf
from PIL import Image
from weasyprint.images import RasterImage, SVGImage
from weasyprint.logger import LOGGER
from weasyprint.text.ffi import FROM_UNITS, TO_UNITS, ffi, pango
from weasyprint.text.fonts import get_hb_object_data
from weasyprint.text.line_break import get_last_word_end

from pipeline.render.reading_order import has_rtl, mupdf_direction, mupdf_text, reader_order



@dataclass(frozen=True)
class Glyph:
    """One glyph of a line, in drawing order: its run, its index and its cluster's text."""

    run: int
    index: int
    glyph_id: int
    start: int  # the cluster's first byte in the layout's UTF-8 text
    end: int  # the byte after it
    cluster_glyphs: int  # how many glyphs draw the cluster


def line_glyphs(first_line) -> list[Glyph]:
    """Return the glyphs of a Pango line in drawing (visual) order, each with its cluster."""
    found = []
    run, number = first_line.runs[0], 0
    while run != ffi.NULL:
        item, glyphs = run.data.item, run.data.glyphs
        clusters = [glyphs.log_clusters[i] for i in range(glyphs.num_glyphs)]
        starts = sorted(set(clusters))
        ends = {start: next((s for s in starts if s > start), item.length) for start in starts}
        for i, cluster in enumerate(clusters):
            found.append(Glyph(number, i, glyphs.glyphs[i].glyph, item.offset + cluster,
                               item.offset + ends[cluster], clusters.count(cluster)))
        run, number = run.next, number + 1
    return found


# MuPDF reads /ActualText on marked content of any tag, and lets an inner one replace an outer
# one (begin_metatext, source/pdf/pdf-op-run.c; fz_stext_begin_metatext and _end_metatext,
# source/fitz/stext-device.c); poppler reads it only on /Span (Gfx::opBeginMarkedContent).
# PDFium (Chrome's viewer) takes an /ActualText from the innermost marked content's dictionary
# only, and reads a text object's glyphs where the /ActualText it finds is empty
# (CPDF_TextPage::PreMarkedContent and ProcessMarkedContent, core/fpdftext/cpdf_textpage.cpp):
# under an inner dictionary without one, the carrier's copy gives it no text.
HINT_TAG = 'LogicalText'


@dataclass
class MupdfHints:
    """Where a line's text for MuPDF goes: on an unseen copy of one glyph (the carrier), none on the glyphs."""

    text: str  # "" for none at all: the line's first box carries it
    rtl: bool
    carrier: tuple[int, int] | None  # (run, index) of the glyph
    shown: bool = False  # whether the open hint holds a text object already

    def begin(self, stream) -> None:
        """Open the hint the glyphs before the carrier are drawn in: no text."""
        stream.begin_marked_content(HINT_TAG, pydyf.Dictionary({'ActualText': pydyf.String('')}))
        self.shown = False

    def show(self, stream, string: str) -> None:
        """Show glyphs (a TJ) in a hint of their own: PDFium skips a text object whose innermost
        dictionary is the one before's (kDelay in CPDF_TextPage::PreMarkedContent), which would
        lose every text object of a line after its first (a font change, a raised mark)."""
        if self.shown:
            stream.end_marked_content()
            self.begin(stream)
        stream.show_text(string)
        self.shown = True

    def before(self, stream, string: str, key: tuple[int, int], mapped: str, advance: float,
               code: str = '', offset: float = 0, rise: float = 0) -> str:
        """Before a glyph is added to ``string`` (a TJ being built): if it is the carrier, draw an
        unseen copy of it (``code``, moved by ``offset`` and ``rise``) that carries the text; the
        glyph itself, like all others, gives MuPDF no text and PDFium its own."""
        if key != self.carrier:
            return string
        string = _show(stream, string, self)
        stream.end_marked_content()
        text = mupdf_text(self.text, self.rtl, mupdf_direction(mapped), advance)
        stream.begin_marked_content(HINT_TAG, pydyf.Dictionary({'ActualText': pydyf.String(text)}))
        stream.begin_marked_content(HINT_TAG, pydyf.Dictionary())  # innermost: PDFium reads no text
        stream.set_text_rendering(3)
        if rise:
            stream.set_text_rise(-rise)
        stream.show_text(f'{-offset}<{code}>{offset + advance * 1000}')  # and back where it started
        if rise:
            stream.set_text_rise(0)
        stream.set_text_rendering(0)
        stream.end_marked_content()
        stream.end_marked_content()
        self.begin(stream)
        return string


def _show(stream, string: str, hints: MupdfHints) -> str:
    """Show the glyphs of a TJ being built, and start the next."""
    string = string[:-1] if string[-1] == '<' else string + '>'
    if string:
        hints.show(stream, string)
    return '<'


def mupdf_hints(glyphs: list[Glyph], utf8: bytes, to_unicode: Callable[[int], dict], text: str,
                rtl: bool) -> MupdfHints:
    """Choose the carrier of a line's text for MuPDF: its first drawn glyph whose own text sets
    MuPDF's direction (the first glyph when none does); ``to_unicode(run)`` as in :func:`spells_itself`."""
    drawn = [g for g in glyphs if g.glyph_id != pango.PANGO_GLYPH_EMPTY and not g.glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG]
    if not text or not drawn:
        return MupdfHints(text, rtl, None)
    carrier = next((g for g in drawn if mupdf_direction(
        to_unicode(g.run).get(g.glyph_id, utf8[g.start:g.end].decode()))), drawn[0])
    return MupdfHints(text, rtl, (carrier.run, carrier.index))


def spells_itself(glyphs: list[Glyph], utf8: bytes, to_unicode: Callable[[int], dict]) -> bool:
    """Tell whether a line's glyphs give its text one to one, so its text layer needs no help.

    True when every cluster is one glyph that its run's ToUnicode map (``to_unicode(run)``:
    glyph → text, as filled so far) gives as exactly that cluster, and the clusters are
    drawn in written order.
    """
    return (all(g.cluster_glyphs == 1 and to_unicode(g.run).get(g.glyph_id, utf8[g.start:g.end].decode())
                == utf8[g.start:g.end].decode() for g in glyphs)
            and [g.start for g in glyphs] == sorted(g.start for g in glyphs))


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix, *,
                    page_rtl: Callable[[object], bool] = lambda stream: False,
                    block_rtl: Callable[[object, object], bool | None] = lambda stream, box: None,
                    line_text: Callable[[object, object], str | None] = lambda stream, box: None):
    """Draw the given ``textbox`` line to the document ``stream``.

    ``page_rtl(stream)``: whether poppler reads its page right to left; ``block_rtl(stream,
    textbox)``: whether the paragraph holding the line is right-to-left (None: unknown);
    ``line_text(stream, textbox)``: the text MuPDF gets from the box where not its own (None):
    its whole line's on the line's first box, "" on the others.
    """
    # Don’t draw lines with only invisible characters.
    if not textbox.text.strip():
        return []

    if textbox.style['font_size'] < 1e-6:  # default float precision used by pydyf
        return []

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)

    if text_overflow == 'ellipsis' or block_ellipsis != 'none':
        assert textbox.pango_layout.max_width is not None
        max_width = textbox.pango_layout.max_width
        pango.pango_layout_set_width(
            textbox.pango_layout.layout, int(max_width * TO_UNITS))
        if text_overflow == 'ellipsis':
            pango.pango_layout_set_ellipsize(
                textbox.pango_layout.layout, pango.PANGO_ELLIPSIZE_END)
        else:
            if block_ellipsis == 'auto':
                ellipsis = '…'
            else:
                assert block_ellipsis[0] == 'string'
                ellipsis = block_ellipsis[1]

            # Remove last word if hyphenated.
            new_text = textbox.pango_layout.text
            if new_text.endswith(textbox.style['hyphenate_character']):
                last_word_end = get_last_word_end(
                    new_text[:-len(textbox.style['hyphenate_character'])],
                    textbox.style['lang'])
                if last_word_end:
                    new_text = new_text[:last_word_end]

            textbox.pango_layout.set_text(new_text + ellipsis)

    first_line, index = textbox.pango_layout.get_first_line()

    if block_ellipsis != 'none':
        while index:
            last_word_end = get_last_word_end(
                textbox.pango_layout.text[:-len(ellipsis)],
                textbox.style['lang'])
            if last_word_end is None:
                break
            new_text = textbox.pango_layout.text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)
            first_line, index = textbox.pango_layout.get_first_line()

    # Ligetil: the line's glyphs with their clusters, and whether the line needs its text.
    utf8_line = textbox.pango_layout.text.encode()
    glyphs = line_glyphs(first_line)
    cluster_of = {(g.run, g.index): g for g in glyphs}
    run_fonts, item = [], first_line.runs[0]
    while item != ffi.NULL:
        run_fonts.append(stream.add_font(item.data.item.analysis.font)[0])
        item = item.next
    written = utf8_line[min(g.start for g in glyphs):max(g.end for g in glyphs)].decode() if glyphs else ""
    # On a right-to-left page poppler reorders even a left-to-right line: brackets and
    # spaces at its ends would move, so such a line gets its text in poppler's order too.
    needs_text = bool(glyphs) and (has_rtl(written) or page_rtl(stream) or not spells_itself(
        glyphs, utf8_line, lambda number: run_fonts[number].to_unicode))
    run_number = -1

    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ''
    x_advance = 0
    emojis = []
    if needs_text:  # Ligetil: the line's text as written, in the order readers of the content need
        actual = reader_order(written, textbox.style['direction'] == 'rtl', page_rtl(stream),
                              block_rtl(stream, textbox))
        stream.begin_marked_content('Span', pydyf.Dictionary({'ActualText': pydyf.String(actual)}))
    hints = None  # Ligetil: MuPDF would read the line's runs out of order, or split its marks off
    if needs_text and (has_rtl(written) or page_rtl(stream)):
        own = line_text(stream, textbox)
        hints = mupdf_hints(glyphs, utf8_line, lambda number: run_fonts[number].to_unicode,
                            written if own is None else own, textbox.style['direction'] == 'rtl')
        hints.begin(stream)
    show = (lambda string: hints.show(stream, string)) if hints else stream.show_text  # Ligetil
    run = first_line.runs[0]
    while run != ffi.NULL:
        # Get Pango objects.
        glyph_item = run.data
        run = run.next
        run_number += 1  # Ligetil
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs
        clusters = glyph_string.log_clusters
        utf8_text = None

        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_pango_font:
            # Add font file content and get font size.
            previous_pango_font = pango_font
            font, font_size = stream.add_font(pango_font)

            # Workaround for https://gitlab.gnome.org/GNOME/pango/-/issues/530.
            # This is also needed by raster emoji fonts, see #2800.
            if pango.pango_version() < 14802 or font.png:
                font_size = textbox.style['font_size']

            # Go through the run glyphs.
            if string:
                show(string)  # Ligetil: was stream.show_text
            string = ''
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
        string += '<'
        for i, glyph_info in enumerate(glyphs_info[0:num_glyphs]):
            glyph_id = glyph_info.glyph
            width = glyph_info.geometry.width

            # Display zero-width empty glyph.
            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                string += f'>{-width / font_size}<'
                continue

            # Display .notdef and log warning for missing glyphs.
            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                codepoint = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
                LOGGER.warning(
                    '.notdef glyph rendered for Unicode string unsupported by fonts: '
                    '"%s" (U+%04X)', chr(codepoint), codepoint)
                glyph_id = font.get_unused_glyph_id(codepoint)
                font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in font.widths:
                    # "width" is actually Pango’s get_approximate_char_width. Force
                    # .notdef’s to use this width, even if it’s not the right, as we
                    # want to keep Pango’s layout for next glyphs.
                    font.widths[0] = font.widths[glyph_id]

            # Create mapping between glyphs and Unicode codepoints.
            if glyph_id not in font.to_unicode:
                # Get positions of the glyph in the UTF-8 string.
                offset = glyph_item.item.offset
                t1 = clusters[i]
                if glyph_item.item.analysis.level % 2:  # rtl
                    t2 = glyph_item.item.length if i == 0 else clusters[i-1]
                else:
                    t2 = glyph_item.item.length if i == num_glyphs-1 else clusters[i+1]
                utf8_text = utf8_text or textbox.pango_layout.text.encode()
                mapped = utf8_text[offset+t1:offset+t2].decode()
                if not mapped:  # Ligetil: a glyph inside another's cluster maps to that cluster
                    cluster = cluster_of[(run_number, i)]
                    mapped = utf8_line[cluster.start:cluster.end].decode() or '\ufffd'
                font.to_unicode[glyph_id] = mapped

            # Get glyph logical widths (Ligetil: first, for the hint).
            if glyph_id in font.widths:
                logical_width = font.widths[glyph_id]
            else:
                pango.pango_font_get_glyph_extents(
                    pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                logical_width = font.widths[glyph_id] = round(
                    stream.logical_rect.width * 1000 * FROM_UNITS / font_size)

            if hints:  # Ligetil
                string = hints.before(stream, string, (run_number, i), font.to_unicode[glyph_id],
                                      logical_width / 1000,
                                      f'{glyph_id:02x}' if font.bitmap else f'{glyph_id:04x}',
                                      glyph_info.geometry.x_offset / font_size, glyph_info.geometry.y_offset / 1000)

            # Set horizontal and vertical offsets.
            offset = glyph_info.geometry.x_offset / font_size
            rise = glyph_info.geometry.y_offset / 1000
            if rise:
                if string[-1] == '<':
                    string = string[:-1]
                else:
                    string += '>'
                if string:
                    show(string)  # Ligetil: was stream.show_text
                stream.set_text_rise(-rise)
                string = ''
                if offset:
                    string = f'{-offset}'
                string += f'<{glyph_id:02x}>' if font.bitmap else f'<{glyph_id:04x}>'
                show(string)  # Ligetil: was stream.show_text
                stream.set_text_rise(0)
                string = '<'
            else:
                if offset:
                    string += f'>{-offset}<'
                string += f'{glyph_id:02x}' if font.bitmap else f'{glyph_id:04x}'

            # Set kerning, word spacing, letter spacing.
            kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                string += f'>{int(kerning)}<'

            # Create list of emojis.
            if font.svg:
                svg_data = get_hb_object_data(font.hb_face, 'svg', glyph_id)
                if svg_data:
                    # Do as explained in specification
                    # https://learn.microsoft.com/typography/opentype/spec/svg
                    tree = ElementTree.fromstring(svg_data)
                    if tree.get('id') != f'glyph{glyph_id}':
                        defs = ElementTree.Element('defs')
                        for child in list(tree):
                            defs.append(child)
                            tree.remove(child)
                        tree.append(defs)
                        ElementTree.SubElement(
                            tree, 'use', attrib={'href': f'#glyph{glyph_id}'})
                    if 'viewBox' not in tree.attrib:
                        tree.attrib['viewBox'] = f'0 0 {font.upem} {font.upem}'
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    emojis.append([image, font, a, d, x_advance, 0])
            elif font.png:
                png_data = get_hb_object_data(font.hb_font, 'png', glyph_id)
                if png_data:
                    pillow_image = Image.open(BytesIO(png_data))
                    image_id = f'{font.hash}{glyph_id}'
                    image = RasterImage(pillow_image, image_id, png_data)
                    d = logical_width / 1000
                    a = pillow_image.width / pillow_image.height * d
                    pango.pango_font_get_glyph_extents(
                        pango_font, glyph_id, stream.ink_rect,
                        stream.logical_rect)
                    f = -stream.logical_rect.y
                    f = f * FROM_UNITS / font_size - font_size
                    emojis.append([image, font, a, d, x_advance, f])
            elif font.colr:
                svg_data = get_hb_object_data(font.hb_font, 'colr', glyph_id)
                if svg_data:
                    tree = ElementTree.fromstring(svg_data)
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    e = x_advance - kerning
                    emojis.append([image, font, a, d, e, -textbox.baseline])

            x_advance += (logical_width + offset - kerning) / 1000

        # Close the last glyphs list, remove if empty.
        if string[-1] == '<':
            string = string[:-1]
        else:
            string += '>'

    # Draw text.
    show(string)  # Ligetil: was stream.show_text
    if hints:  # Ligetil
        stream.end_marked_content()
    if needs_text:  # Ligetil
        stream.end_marked_content()

    return emojis
