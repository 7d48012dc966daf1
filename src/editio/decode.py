"""Bytes of a raw text to the Unicode string every reader works on.

What this does to the text is reported back (:class:`Decoded`), so the TEI header can say it:
the encoding found and how, line ends normalised, NFC, characters XML cannot hold dropped.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes


class InputError(ValueError):
    """A raw text editio refuses, with the reason in words (the caller adds the file name)."""


@dataclass
class Decoded:
    text: str
    encoding: str  # Python codec name
    how: str  # "BOM", "valid UTF-8", "detected"
    dropped: int = 0  # characters XML 1.0 cannot hold, removed
    nbsp: int = 0  # no-break spaces turned into spaces
    line_ends: str = "LF"  # what the source used: LF, CRLF, CR, mixed


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# file signatures of the binary formats people most often feed by mistake
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/ODF file)",
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "a gzip file",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}

# single-byte encodings a Western archival text is plausibly in; the detector may choose only
# among these, so that a cp1252 text is never read as, say, Big5
_SINGLE_BYTE = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp1250", "cp1251", "iso8859_2"]

# XML 1.0 Char: everything but C0 controls other than TAB/LF/CR, surrogates, U+FFFE/U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def decode(data: bytes) -> Decoded:
    if not data.strip():
        raise InputError("empty: the file has no text to encode")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary data: this is {what}, not a text")
    encoding, how = _encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:  # a BOM that lies, or a detector's guess that fails at the end
        raise InputError(f"cannot decode as {encoding} at byte {e.start}") from None
    return _normalise(text, encoding, how)


def _encoding(data: bytes) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, "BOM"
    if b"\x00" in data[:65536]:
        # NULs without a BOM: UTF-16/32 without a BOM is rare in the wild and binary is common
        raise InputError("binary data: the file contains NUL bytes and no UTF-16/32 byte order mark")
    try:
        data.decode("utf-8")
        return "utf-8", "valid UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000], cp_isolation=_SINGLE_BYTE).best()
    if best is None:
        raise InputError("cannot tell the text's encoding (not UTF-8, and no likely single-byte encoding fits)")
    enc = codecs.lookup(best.encoding).name
    # Encodings that read these bytes as the very same text are one answer under several names
    # (cp1250 and cp1252 agree on "matériel" and curly quotes): name the one a Western archive
    # most likely has, first in _SINGLE_BYTE.
    reading = _try(data, enc)
    enc = next((e for e in _SINGLE_BYTE if reading is not None and _try(data, e) == reading), enc)
    enc = codecs.lookup(enc).name
    if enc in ("latin-1", "iso8859-1", "iso8859-15", "cp1252"):
        # These agree on every letter; they differ in 0x80-0x9F, which is printable (curly quotes,
        # dashes) in cp1252 and control characters in Latin-1. No archival text means the
        # controls, so cp1252 is the reading that loses nothing.
        enc = "cp1252" if not _undefined_in_cp1252(data) else "latin-1"
    return enc, "detected"


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _undefined_in_cp1252(data: bytes) -> bool:
    return any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _normalise(text: str, encoding: str, how: str) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    line_ends = kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "LF")
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text, dropped = _NOT_XML.subn("", text)
    nbsp = text.count("\u00a0")
    if nbsp:
        text = text.replace("\u00a0", " ")
    if not text.strip():
        raise InputError("empty: nothing but whitespace and control characters")
    return Decoded(text, encoding, how, dropped, nbsp, line_ends)
