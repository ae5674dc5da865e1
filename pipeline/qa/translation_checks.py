"""Checks of one translation against its source: protected tokens, markup, punctuation."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Iterator

from pipeline.catalog.entries import EntryView
from pipeline.catalog.glossary import Term
from pipeline.qa import text as tokens
from pipeline.qa.languages import (LENGTH_SPREAD, MIN_LENGTH_FOR_RATIO, end_mark,
                                   ends_with_abbreviation, expected_mark, language_base, language_name,
                                   usual_ratio)
from pipeline.qa.markup import inline_markup, raw_html, unsafe_targets, without_raw_html
from pipeline.qa.numbers import NumberMatch, compare_numbers, show
from pipeline.qa.registry import check


@dataclass(frozen=True)
class CatalogContext:
    """What checks know about the catalog an entry is in."""

    lang: str
    source_language: str = "da"
    nplurals: int = 2  # the catalog's Plural-Forms header, else Babel's count for the language
    protected_terms: tuple[str, ...] = ()
    glossary: tuple[Term, ...] = ()  # the terms with an agreed translation in this language
    glossary_display: str = "translations/glossary.csv"


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@check("url-changed", "error", "pair")
def url_changed(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report web addresses and link targets changed, added or dropped."""
    if diff := tokens.difference(tokens.urls(source), tokens.urls(target)):
        yield f"link targets differ from the source: {diff}"


@check("email-changed", "error", "pair")
def email_changed(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report e-mail addresses changed, added or dropped."""
    if diff := tokens.difference(tokens.emails(source), tokens.emails(target)):
        yield f"e-mail addresses differ from the source: {diff}"


@check("phone-changed", "error", "pair")
def phone_changed(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report phone numbers changed, added or dropped."""
    if diff := tokens.difference(tokens.phones(source), tokens.phones(target)):
        yield f"phone numbers differ from the source: {diff}"


def _numbers(source: str, target: str, ctx: CatalogContext) -> NumberMatch:
    return compare_numbers(source, without_raw_html(target), ctx.source_language, ctx.lang)


@check("number-changed", "warning", "pair")
def number_changed(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report numbers, dates and times whose values differ, each read as its language writes it."""
    found = _numbers(source, target, ctx)
    parts = [f"{what} {', '.join(show(v) for v in values)}"
             for what, values in (("missing", found.missing), ("added", found.added)) if values]
    if parts:
        yield f"numbers differ from the source: {'; '.join(parts)}"


@check("number-format", "warning", "pair")
def number_format(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report a number written the source language's way that the translation's language reads otherwise."""
    source_name, name = language_name(ctx.source_language), language_name(ctx.lang)
    for wrong in _numbers(source, target, ctx).misformats:
        said = f"{wrong.written} is {source_name} for {show(wrong.meant)}"
        if wrong.read is None:
            yield f"{said}; {name} writes {wrong.suggestion}"
        else:
            yield f"{said}, but {name} reads it as {show(wrong.read)}: write {wrong.suggestion}"


ATTRIBUTE_LIST_RE = re.compile(r"\{:?[ ]*[#.]?[A-Za-z][^}\n]*\}")


@check("attribute-list", "error", "pair")
def attribute_list(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report attr_list syntax ({: …}) that the translation adds; the build strips it."""
    added = set(ATTRIBUTE_LIST_RE.findall(target)) - set(ATTRIBUTE_LIST_RE.findall(source))
    if added:
        yield f"attribute list not in the source: {_short(' '.join(sorted(added)))}"


@check("raw-html", "error", "pair")
def raw_html_in_translation(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report HTML tags, comments or script in a translation: only Markdown is allowed."""
    found = [tag for tag in raw_html(target) if tag not in raw_html(source)]
    if found:
        yield f"raw HTML is not allowed in a translation: {_short(' '.join(found))}"


@check("unsafe-link", "error", "pair")
def unsafe_link(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report link targets other than http(s), mailto and tel (javascript:), and images outside content/."""
    for target_url in unsafe_targets(without_raw_html(target)):
        yield f"link target {_short(target_url)!r} is not allowed; use http(s), mailto or tel"
    for src, _ in inline_markup(without_raw_html(target)).images:
        path = posixpath.normpath(src.split("?", 1)[0].split("#", 1)[0])
        if src.startswith(("/", "\\")) or path == ".." or path.startswith("../"):
            yield f"image {_short(src)!r} is outside content/; keep the source's image path"


def _markup_counts(text: str) -> dict[str, int]:
    return dict(inline_markup(without_raw_html(text)).tags)


def _show_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n}×{tag}" for tag, n in sorted(counts.items())) or "none"


@check("markup", "error", "pair")
def markup(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report Markdown markup (emphasis, links, images, code, line breaks) lost or added."""
    want, got = _markup_counts(source), _markup_counts(target)
    if want != got:
        yield f"Markdown markup differs: source has {_show_counts(want)}, translation has {_show_counts(got)}"
        return
    missing_alt = [src for src, alt in inline_markup(target).images if not alt.strip()]
    if missing_alt and all(alt.strip() for _, alt in inline_markup(source).images):
        yield f"image {missing_alt[0]} lost its alt text"


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]


@check("whitespace", "warning", "pair")
def whitespace(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report leading or trailing whitespace that differs from the source."""
    (src_lead, src_trail), (dst_lead, dst_trail) = _edges(source), _edges(target)
    if src_lead != dst_lead:
        yield f"leading whitespace {dst_lead!r} differs from the source's {src_lead!r}"
    if src_trail != dst_trail:
        yield f"trailing whitespace {dst_trail!r} differs from the source's {src_trail!r}"


BLANK_LINE = re.compile(r"\n[ \t]*\n")


@check("blank-line", "warning", "pair")
def blank_line(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report a blank line the source does not have: an entry is one block, so it is not a new paragraph."""
    if BLANK_LINE.search(target.strip()) and not BLANK_LINE.search(source.strip()):
        yield ("a blank line inside the translation: this entry is one block of the page, so it is "
               "published as one paragraph with a space there; remove the blank line, or ask for the "
               "source to be split")


@check("end-punctuation", "warning", "pair")
def end_punctuation(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report end punctuation that differs from the source or is wrong for the language."""
    if ends_with_abbreviation(inline_markup(source).text):
        return  # "58 kr." ends with a word, not a sentence: the translation may differ
    src = end_mark(inline_markup(source).text)
    dst = end_mark(inline_markup(target).text)
    if src is None and dst is None:
        return
    if src is None or dst is None or src[1] != dst[1]:
        src_desc = f"'{src[0]}'" if src else "no punctuation"
        dst_desc = f"'{dst[0]}'" if dst else "no punctuation"
        yield f"ends with {dst_desc}; the source ends with {src_desc}"
        return
    wanted = expected_mark(ctx.lang, dst[1])
    if wanted and dst[0] != wanted:
        yield f"ends with '{dst[0]}'; {language_base(ctx.lang)} writes a {dst[1]} as '{wanted}'"


_NAME_WORD = re.compile(r"^[A-ZÆØÅ][\w’'-]*$")
_DOMAIN = re.compile(r"\b[\w-]{2,}(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.I)


def has_translatable_words(text: str, protected: tuple[str, ...]) -> bool:
    """Tell whether text has words to translate besides names, numbers and addresses."""
    visible = tokens.strip_protected(inline_markup(text).text)
    visible = _DOMAIN.sub(" ", visible)
    for term in sorted(protected, key=len, reverse=True):
        visible = visible.replace(term, " ")
    found = re.findall(r"[^\W\d_]{2,}", visible)
    # Two or more capitalised words only ("Københavns Madservice") is taken as a proper name.
    if len(found) >= 2 and all(_NAME_WORD.match(w) for w in visible.split() if re.search(r"\w", w)):
        return False
    return bool(found)


@check("identical", "warning", "pair")
def identical(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report a translation identical to the Danish source (names, numbers and links aside)."""
    if language_base(ctx.lang) == language_base(ctx.source_language) or source.strip() != target.strip():
        return
    if has_translatable_words(source, ctx.protected_terms):
        yield "the translation is identical to the source; translate it or mark it ligetil-ignore:identical"


@check("length-ratio", "warning", "pair")
def length_ratio(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report translations far shorter or longer than usual for the language."""
    src, dst = len(inline_markup(source).text), len(inline_markup(target).text)
    if src < MIN_LENGTH_FOR_RATIO:
        return
    ratio, usual = dst / src, usual_ratio(ctx.lang)
    if not usual / LENGTH_SPREAD <= ratio <= usual * LENGTH_SPREAD:
        yield (f"the translation is {ratio:.1f} times as long as the source "
               f"(usual for {language_base(ctx.lang)}: about {usual:g}); is something missing or added?")


@check("plural-forms", "error", "entry")
def plural_forms(entry: EntryView, ctx: CatalogContext) -> Iterator[str]:
    """Report a plural entry with the wrong number of forms, or with an empty form."""
    if not entry.plural:
        return
    count = len(entry.msgstrs)
    if count != ctx.nplurals:
        yield f"{count} plural forms; this {language_base(ctx.lang)} catalog needs {ctx.nplurals}"
    elif not all(entry.msgstrs):
        empty = [str(i) for i, form in enumerate(entry.msgstrs) if not form]
        yield f"plural form {', '.join(empty)} is empty"
