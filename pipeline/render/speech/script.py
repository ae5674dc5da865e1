"""What a page says aloud: its article, sentence by sentence, each in the language it is shown in.

The text is taken from the page's own HTML (the article: title, summary, body, contact), so
what is spoken is what is published: reviewed text, and fallback blocks (``lang="da"``) in
the source language. Each spoken fragment (a sentence, or a run in another language such
as the "In Danish" label) is wrapped in an element with an id, so the e-book can highlight
it while its audio plays. A chapter starts at every h1 and h2, as the page's outline does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import Iterator


from pipeline.render.speech.numbers import spoken_numbers
from pipeline.render.speech.sentences import sentences

BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "figcaption"})
CHAPTER_HEADINGS = frozenset({"h1", "h2"})
# Elements inside a sentence; any other element (a nested list, a table) ends the text before it.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "em", "i", "img", "kbd", "mark", "q",
                    "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr"})
UNSPOKEN_CLASS = "notice"  # the page's notices (about fallbacks, drafts) describe the page, not the guide
FRAGMENT_TAG = "span"
_BREAK = object()  # a nested block inside a block's own text: a fragment never spans it


@dataclass(frozen=True)
class Utterance:
    """One fragment to speak, in one language, shown by the element ``ref`` of the marked article."""

    text: str
    lang: str
    ref: str = ""
    ends_block: bool = True  # the last fragment of its block (a longer pause follows)


@dataclass(frozen=True)
class Chapter:
    """A heading and the fragments under it, up to the next h1 or h2."""

    title: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class Block:
    """One text block of the article: its tag, language, whole text and fragments."""

    tag: str
    lang: str
    text: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class Marked:
    """An article with an id on every spoken fragment (XHTML), and what it says."""

    xhtml: str
    blocks: tuple[Block, ...]

    @property
    def script(self) -> tuple[Chapter, ...]:
        """Return the chapters the article says."""
        return chapters(self.blocks)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _lang(element, default: str) -> str:
    """Return the language an element is shown in (its own ``lang`` or its nearest ancestor's)."""
    found = next((e.get("lang") for e in element.iterancestors() if e.get("lang")), None)
    return element.get("lang") or found or default


def _unspoken(element) -> bool:
    return any(UNSPOKEN_CLASS in (e.get("class") or "").split() for e in (element, *element.iterancestors()))


def _items(container, lang: str) -> list:
    """Return a container's own content: strings, inline elements, runs of their own and breaks."""
    items: list = [container.text] if container.text else []
    for child in container:
        if not isinstance(child.tag, str) or child.tag not in INLINE:
            items.append((_BREAK, child))
        elif child.tag == "span" or (child.get("lang") or lang) != lang:
            # our own wrappers (a fallback's label and text, a name in Danish): runs of their own,
            # marked inside; a link or emphasis stays inside its sentence
            items.append((_BREAK, child))
        else:
            items.append(child)
        if child.tail:
            items.append(child.tail)
    return items


def _content(item) -> str:
    """Return the text of a string or an inline element (a line break reads as a space)."""
    if isinstance(item, str):
        return item
    return " " if item.tag == "br" else item.text_content()


def _text(items: list) -> str:
    return "".join(_content(item) for item in items)


def _cuts(items: list, lang: str) -> set[int]:
    """Return the offsets where a sentence ends that fall outside every inline element."""
    ends, at = set(), 0
    for piece in sentences(_text(items), lang)[:-1]:
        at += len(piece)
        ends.add(at)
    inside, at = set(), 0
    for item in items:
        size = len(_content(item))
        if not isinstance(item, str):
            inside.update(range(at + 1, at + size))
        at += size
    return ends - inside


def _groups(items: list, lang: str) -> list[list]:
    """Cut a run's strings at its sentence ends; return the sentences' items."""
    cuts, groups, at = sorted(_cuts(items, lang)), [[]], 0
    for item in items:
        if cuts and cuts[0] == at:  # a sentence ends where an element ends
            groups.append([])
            cuts.pop(0)
        if not isinstance(item, str):
            groups[-1].append(item)
            at += len(_content(item))
            continue
        start = at
        while cuts and start < cuts[0] <= start + len(item):
            groups[-1].append(item[at - start:cuts[0] - start])
            groups.append([])
            at = cuts.pop(0)
        if item[at - start:]:
            groups[-1].append(item[at - start:])
        at = start + len(item)
    return [group for group in groups if group]


def _wrap(group: list, ids: Iterator[str]):
    """Return a new fragment element holding a group's strings and elements."""
    from lxml import etree  # heavy: only a build that makes audio or e-books parses articles

    span = etree.Element(FRAGMENT_TAG, {"id": next(ids)})
    _fill(span, group)
    return span


def _fill(element, sequence: list) -> None:
    """Make ``sequence`` (strings and elements) the whole content of ``element``."""
    element.text, last = None, None
    for child in list(element):
        element.remove(child)
    for item in sequence:
        if isinstance(item, str):
            if last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            item.tail = None
            element.append(item)
            last = item


def _mark(container, lang: str, ids: Iterator[str]) -> list[Utterance]:
    """Wrap every fragment of a container's own text; return them in reading order."""
    found, sequence, run = [], [], []

    def close() -> None:
        if _clean(_text(run)):
            for group in _groups(run, lang):
                if _clean(_text(group)):
                    span = _wrap(group, ids)
                    found.append(Utterance(_clean(_text(group)), lang, span.get("id"), False))
                    sequence.append(span)
                else:
                    sequence.extend(group)
        else:
            sequence.extend(run)
        run.clear()

    for item in _items(container, lang):
        if isinstance(item, tuple):
            close()
            child = item[1]
            if isinstance(child.tag, str) and child.tag in INLINE:
                found.extend(_mark(child, _lang(child, lang), ids))
            sequence.append(child)
        else:
            run.append(item)
    close()
    _fill(container, sequence)
    return found


@lru_cache(maxsize=4)  # the audio, its chapters and the e-book of a page ask for the same
def mark_script(article_html: str, lang: str) -> Marked:
    """Mark every spoken fragment of an article (HTML) with an id; return it as XHTML with its blocks."""
    from lxml import etree, html as lxml_html  # heavy: only a build that makes audio or e-books parses articles

    root = lxml_html.fragment_fromstring(article_html, create_parent="div")
    taken = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    ids = (f"s{n}" for n in count(1) if f"s{n}" not in taken)
    blocks = []
    for element in [e for e in root.iter() if isinstance(e.tag, str) and e.tag in BLOCKS and not _unspoken(e)]:
        block_lang = _lang(element, lang)
        found = _mark(element, block_lang, ids)
        if found:
            found[-1] = Utterance(found[-1].text, found[-1].lang, found[-1].ref, True)
            blocks.append(Block(element.tag, block_lang, " ".join(u.text for u in found), tuple(found)))
    xhtml = (root.text or "") + "".join(etree.tostring(child, encoding="unicode", method="xml") for child in root)
    return Marked(xhtml, tuple(blocks))


def page_blocks(html: str, lang: str) -> list[tuple[str, str, str]]:
    """Return (tag, language, text) of each text block of an HTML fragment, in reading order."""
    return [(block.tag, block.lang, block.text) for block in mark_script(html, lang).blocks]


def chapters(blocks: tuple[Block, ...]) -> tuple[Chapter, ...]:
    """Group blocks into chapters at each h1 and h2; text before the first heading opens the first."""
    found: list[tuple[str, list[Utterance]]] = []
    for block in blocks:
        if block.tag in CHAPTER_HEADINGS or not found:
            found.append((block.text if block.tag in CHAPTER_HEADINGS else "", []))
        found[-1][1].extend(Utterance(spoken_numbers(u.text, u.lang), u.lang, u.ref, u.ends_block) for u in block.utterances)
    return tuple(Chapter(title, tuple(items)) for title, items in found)
