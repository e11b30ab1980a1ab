"""An article cut into paragraphs, sentences and clauses, with character offsets.

Every position the extractor reports is an offset into the article text after Unicode NFC
normalisation (the form nearly every file already has). Two aligned copies of the text, of
the same length, serve the patterns: `folded` (accents and case removed, punctuation as
spaces, via `vietnamese.fold` one character at a time) for words whose accents writers get
wrong ("cơ sơ"), and `lower` (accents kept) for short words that folding would confuse
("có" and "cơ" both fold to "co").

A paragraph is a non-blank line, as the hand-read facts count them (`paragraph` column).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.text.vietnamese import fold, to_nfc


class _Table(dict):
    """A str.translate table that works out the entry of a character on first use."""

    def __init__(self, convert) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, code: int) -> str:
        self[code] = value = self._convert(chr(code))
        return value


def fold_char(char: str) -> str:
    """Returns the folded form of one character: one ASCII letter or digit, or a space."""
    folded = fold(char)
    return folded if len(folded) == 1 else " "


def _lower_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


_FOLD_TABLE = _Table(fold_char)
_LOWER_TABLE = _Table(_lower_char)

# A sentence ends at . ! ? … followed by space and a capital, a digit or an opening mark;
# not after a short capitalised abbreviation ("TP. Long Xuyên", "ThS. Nguyễn").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(\d]|[^\W\d_])")
_ABBREVIATIONS = frozenset(
    [
        "TP",
        "Tp",
        "TX",
        "Tx",
        "Q",
        "H",
        "P",
        "X",
        "TT",
        "ThS",
        "Ths",
        "TS",
        "PGS",
        "GS",
        "BS",
        "KS",
        "CN",
        "Th",
        "Ô",
        "B",
        "Mr",
        "Ms",
        "Dr",
    ]
)  # "TP. Long Xuyên": a dot that does not end a sentence
_LAST_WORD = re.compile(r"[(\s]?([^\s(]+)\.$")
_CLAUSE_MARKS = re.compile(r"[;:]")


def fold_aligned(text: str) -> str:
    """Returns `text` folded like `vietnamese.fold`, keeping one character per character.

    Offsets found in the result are offsets in `text`.
    """
    return text.translate(_FOLD_TABLE)


def lower_aligned(text: str) -> str:
    """Returns `text` in lower case, keeping one character per character."""
    return text.translate(_LOWER_TABLE)


@dataclass(frozen=True)
class Paragraph:
    """A non-blank line of the article: its 1-based number and its bounds."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: its bounds and the number of its paragraph."""

    paragraph: int
    start: int
    end: int


@dataclass
class Document:
    """An article ready for the patterns.

    Attributes:
        text: The article, NFC.
        folded: `text` folded, aligned with it.
        lower: `text` in lower case, aligned with it.
        paragraphs: Non-blank lines, in order.
        sentences: Sentences, in order.
    """

    text: str
    folded: str
    lower: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Sentence:
        """Returns the sentence containing `offset`."""
        index = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[index]

    def paragraph_at(self, offset: int) -> Paragraph:
        """Returns the paragraph containing `offset`."""
        index = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index]

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """Returns the clause around `offset`: the sentence cut at semicolons and colons."""
        sentence = self.sentence_at(offset)
        start, end = sentence.start, sentence.end
        for mark in _CLAUSE_MARKS.finditer(self.text, sentence.start, sentence.end):
            if mark.start() < offset:
                start = mark.end()
            else:
                end = mark.start()
                break
        return start, end


def split_paragraphs(text: str) -> list[Paragraph]:
    """Returns the non-blank lines of `text`, numbered from 1, without edge spaces."""
    paragraphs = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group(0)
        if not line.strip():
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        paragraphs.append(Paragraph(len(paragraphs) + 1, start, end))
    return paragraphs


def split_sentences(text: str, paragraph: Paragraph) -> list[Sentence]:
    """Cuts a paragraph into sentences."""
    sentences = []
    start = paragraph.start
    for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        word = _LAST_WORD.search(text, start, match.start())
        if (word and word.group(1) in _ABBREVIATIONS) or text[match.end()].islower():
            continue
        sentences.append(Sentence(paragraph.number, start, match.start()))
        start = match.end()
    sentences.append(Sentence(paragraph.number, start, paragraph.end))
    return sentences


def read_document(text: str) -> Document:
    """Normalises an article to NFC and cuts it into paragraphs and sentences."""
    text = to_nfc(text)
    paragraphs = split_paragraphs(text)
    sentences = [s for p in paragraphs for s in split_sentences(text, p)]
    if not paragraphs:
        sentences = [Sentence(0, 0, len(text))]
    return Document(text, fold_aligned(text), lower_aligned(text), paragraphs, sentences)
