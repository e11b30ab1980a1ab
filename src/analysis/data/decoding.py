"""Turning the bytes of a table file into text: encoding detection, and files that are no text.

UTF-8 (with or without byte-order mark), UTF-16 (with a byte-order mark, or detected from
zero bytes), and Windows-1258 when the text proves to be Vietnamese. A ZIP archive (an Excel
workbook renamed .csv, say), an old .xls file or a PDF is named for what it is instead of
being reported as an encoding problem.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_C1_CONTROLS = re.compile("[\u0080-\u009f]")
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (an Excel workbook or a zipped folder renamed?)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel .xls (or other Office) file"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)


def binary_kind(data: bytes) -> str | None:
    """Returns what a file is when its first bytes show it is no text file, else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def decode_bytes(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """Decodes file content, detecting the encoding when none is given.

    Returns:
        The text and a description of the encoding used.

    Raises:
        ValueError: With a message for the user when the encoding cannot be decided.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"cannot be read as {encoding}: {exc}") from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), f"{name} (byte-order mark)"
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {name} byte-order mark but {exc}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    even_nuls = data[1::2].count(0) / max(1, len(data) // 2)
    odd_nuls = data[0::2].count(0) / max(1, len(data) // 2)
    if even_nuls > 0.3 or odd_nuls > 0.3:
        name = "utf-16-le" if even_nuls > odd_nuls else "utf-16-be"
        try:
            return data.decode(name), f"{name} (no byte-order mark; detected from zero bytes)"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _VIETNAMESE_ONLY.search(text) and not _C1_CONTROLS.search(text):
        return unicodedata.normalize("NFC", text), "windows-1258 (not UTF-8; detected)"
    raise ValueError(
        "the encoding cannot be decided: the file is not UTF-8 or UTF-16, and as Windows-1258 "
        "it does not read as Vietnamese; save it as UTF-8 ('CSV UTF-8' in Excel) or pass the "
        "encoding explicitly (load_dataset(path, encoding=...), --encoding)"
    )
