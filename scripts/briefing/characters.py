"""Characters a reader cannot see: format and control characters, and the default-ignorable.

A zero-width space inside "4.9\u200b1 million" shows as "4.91 million" yet splits it into
"4.9" and "1 million"; so a quote may not hold such a character, and a number in a source
touching one is not read at all.
"""

from __future__ import annotations

import unicodedata

# Unicode's Default_Ignorable_Code_Point ranges outside categories Cf and Cc (DerivedCoreProperties):
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and other
# variation selectors, musical formatting marks, tags and their reserve.
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs"}  # control, format, lone surrogates


def is_invisible(char: str) -> bool:
    """Whether a character shows nothing (whitespace aside, which quotes may vary)."""
    if char.isspace():
        return False
    point = ord(char)
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or any(
        low <= point <= high for low, high in _IGNORABLE
    )


def first_invisible(text: str) -> int | None:
    """The offset of the first invisible character in ``text``, or None."""
    return next((i for i, char in enumerate(text) if is_invisible(char)), None)


def describe(char: str) -> str:
    """A character as a message names it: "U+200B ZERO WIDTH SPACE"."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()
