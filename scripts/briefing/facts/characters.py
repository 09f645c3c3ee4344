"""Characters a reader cannot see: control and format characters, and the default-ignorable.

A zero-width space inside "4.9\u200b1 million" shows as "4.91 million" yet would split it
into "4.9" and "1 million"; so a quote may not hold such a character, and numbers in a source
are read as a reader sees them, with these characters left out.
"""

from __future__ import annotations

import re
import unicodedata

# Categories Cc (less whitespace) and Cf, and Unicode's Default_Ignorable_Code_Point (combining
# grapheme joiner, Hangul fillers, variation selectors, tags...), as of Python 3.11's Unicode
# 14. Spelt out because deriving it from unicodedata costs a third of a second at import; a
# test derives it and compares.
INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001b\u007f-\u0084\u0086-\u009f\u00ad\u034f\u0600-\u0605\u061c"
    "\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)


def is_invisible(char: str) -> bool:
    """Whether a character shows nothing (whitespace aside, which quotes may vary)."""
    return INVISIBLE.fullmatch(char) is not None


def first_invisible(text: str) -> int | None:
    """The offset of the first invisible character in ``text``, or None."""
    found = INVISIBLE.search(text)
    return None if found is None else found.start()


def describe(char: str) -> str:
    """A character as a message names it: "U+200B ZERO WIDTH SPACE"."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()
