"""Text in Moodle's formats (moodle, plain, markdown, html) made into our plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from studyapp.text import collapse_whitespace

TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
"""The `[format]` names GIFT knows; any other bracketed word is text."""

# Tags that start a new line of text; every other tag is dropped, its text kept.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})
# Tags whose content is never text for people.
_HIDDEN_TAGS = frozenset({"head", "script", "style", "template", "title"})
_SPACES = re.compile(r"\s+")


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, a line break at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img" and not self._hidden:
            # An image says nothing in a terminal but its alternative text.
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self.parts.append(f" {alt.strip()} ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            # In HTML a line break of the source is only a space.
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, white
    space collapsed, one line per paragraph (or list item, or `<br>`)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (collapse_whitespace(line) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def markdown_to_text(markdown: str) -> str:
    """Markdown as the plain text lessons show (emphasis marks dropped)."""
    from studyapp.content.document import parse_document  # noqa: PLC0415 - markdown-it on demand

    return parse_document(markdown).plain.strip()


def plain_lines(text: str) -> str:
    """Text of one or more lines (wrapping already made spaces): each line's
    white space collapsed, blank lines at the ends dropped."""
    return "\n".join(collapse_whitespace(part) for part in text.split("\n")).strip("\n")
