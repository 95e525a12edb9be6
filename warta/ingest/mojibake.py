"""Text that was UTF-8 once read as Windows-1252 or Latin-1, put right.

A page saved or pasted through such a misreading spells ``Nestlé`` as
``NestlÃ©``, ``—`` as ``â€”`` and an emoji as four odd letters; news sites
publish it so too (3-4 % of the detik articles of 2025-2026 in the evaluation
data). ftfy recognises these sequences by their shape and reverses them; text
without them comes back unchanged.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

import ftfy

# Words shown to an editor for a repair: the first few, each cut short.
SHOWN = 3
SHOWN_LENGTH = 40

# (as found, as put right): a run of words each, in the order of the text.
Changes = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Repair:
    text: str
    changes: Changes = ()


def repair(text: str) -> Repair:
    """``text`` with its mis-decoded sequences decoded as they were written."""
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return Repair(text)
    return Repair(fixed, _changed_words(text, fixed))


def describe(changes: Changes) -> str:
    """``2 place(s): 'NestlÃ©' → 'Nestlé', 'â€”' → '—'``."""
    pairs = changes[:SHOWN]
    shown = ", ".join(f"'{_cut(found)}' → '{_cut(right)}'" for found, right in pairs)
    more = ", …" if len(changes) > SHOWN else ""
    return f"{len(changes)} place(s): {shown}{more}"


def _cut(words: str) -> str:
    """``words`` to show: cut short, control and invisible characters escaped
    (a C1 control such as U+009B is a terminal's command)."""
    if len(words) > SHOWN_LENGTH:
        words = words[: SHOWN_LENGTH - 1] + "…"
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cf")
        else char
        for char in words
    )


def _changed_words(before: str, after: str) -> Changes:
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        (" ".join(old[i1:i2]), " ".join(new[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )
