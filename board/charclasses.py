"""Character classes computed from Unicode's and IDNA's tables, for regexes on both sides.

Python builds each class once; ``board.browser_rules`` emits the regexes that use them to the
submit form, so the form and the validator cannot disagree about a character.
"""

from __future__ import annotations

import array
import sys
import unicodedata
from functools import cache

from idna.idnadata import joining_types

#: Zero-width non-joiner and joiner.
JOINERS = "\u200c\u200d"
#: Pictographs an emoji ZWJ sequence ("👩‍💻") joins, the emoji presentation selector and the
#: skin-tone modifiers inside it.
#: Scripts end before the CJK ideographs of plane 2: no virama or joining letter lies beyond.
_SCRIPTS_END = 0x20000
_EMOJI = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F), (0x1F000, 0x1FAFF))


def every_character() -> str:
    """Every Unicode scalar value (all code points but the surrogates), as one string.

    Made by decoding the code points as UTF-32 rather than ``chr`` a million times (0.05 s,
    not 0.2 s): scanning it with ``re`` finds a class's members in C. Not cached: the string
    is 4.4 MB and its users cache what they find in it."""
    points = array.array("I", range(0xD800))
    points.extend(range(0xE000, sys.maxunicode + 1))
    return points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


def ranges_class(points: list[int]) -> str:
    """A regex character class for sorted code points, as ranges of the characters themselves
    (no ``\\U`` escape: ``board.browser_rules.js_regex`` passes literal characters through)."""
    out, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = points[i], points[j]
        out.append(chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}")
        i = j + 1
    return "[" + "".join(out) + "]"


def _joining_letters() -> set[int]:
    """Code points of the cursive scripts: every letter with a joining type (Arabic, Syriac,
    N'Ko, Mongolian, …), from IDNA's copy of Unicode's DerivedJoiningType."""
    out: set[int] = set()
    for kind in "DLR":
        for packed in joining_types.get(kind, ()):
            out.update(range(packed >> 32, packed & 0xFFFFFFFF))
    return out


@cache
def joining_context() -> str:
    """The characters a ZWNJ or ZWJ may stand between and mean something: letters and marks
    of the scripts that use them (the cursive scripts, and the Brahmic scripts with a virama,
    whose conjuncts they control), and emoji. Persian needs ZWNJ in ordinary words
    ("می‌خواهم"), so stripping every joiner garbles text; between Latin letters a joiner only
    hides something ("Harvest\u200dShare")."""
    viramas = {c for c in range(0x80, _SCRIPTS_END) if unicodedata.combining(chr(c)) == 9}
    blocks = {c >> 7 for c in _joining_letters() | viramas}
    points = {c for b in blocks for c in range(max(b << 7, 0x80), (b + 1) << 7)
              if unicodedata.category(chr(c))[0] in "LM"}
    for lo, hi in _EMOJI:
        points.update(range(lo, hi + 1))
    return ranges_class(sorted(points))


@cache
def stray_joiner() -> str:
    """A regex for a joiner that does not stand between two :func:`joining_context` characters.

    The lookbehind comes after the joiner (two characters wide), so the regex engine only
    looks back where a joiner is, not at every position of a long body."""
    ctx = joining_context()
    return f"[{JOINERS}](?:(?<!{ctx}[{JOINERS}])|(?!{ctx}))"
