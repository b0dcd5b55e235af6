"""Which tokens stand inside a quotation, by the quote marks of their paragraph."""
from __future__ import annotations

_OPEN, _CLOSE, _BOTH = "“«„", "”»", '"'


def _quoted(doc) -> list[bool]:
    tokens = doc.tokens
    inside = [False] * len(tokens)
    depth = 0
    paragraph = -1
    sentences = doc.sentences
    prose = doc.prose
    for index, token in enumerate(tokens):
        current = sentences[token.sentence].paragraph if 0 <= token.sentence < len(sentences) else paragraph
        if current != paragraph:
            paragraph, depth = current, 0  # an unclosed quotation ends with its paragraph
        text = token.text
        if len(text) == 1 and (text in _OPEN or text in _CLOSE or text in _BOTH):
            if text in _BOTH:
                # A straight quote opens where a word follows it and none comes right before.
                before = prose[token.start - 1] if token.start else " "
                after = prose[token.end] if token.end < len(prose) else " "
                opens = not after.isspace() and (before.isspace() or before in "([{—–-:") if depth == 0 else \
                    (before.isspace() and not after.isspace() and after not in ".,;:!?")
                depth = 1 if opens else 0
            else:
                depth = 1 if text in _OPEN else 0
            inside[index] = True
            continue
        inside[index] = depth > 0
    return inside


def quoted(doc) -> list[bool]:
    """One flag per token of ``doc.tokens``: whether it is inside double quotation marks (or is one)."""
    return doc.memo("quotes.quoted", _quoted)
