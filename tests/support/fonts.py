"""Font discovery and coverage for the tests: the faces a font stack resolves to, and what they lack.

WeasyPrint finds fonts through fontconfig, so we ask fontconfig too (`fc-match`) and read the
faces' character maps with fontTools (a WeasyPrint dependency) to find characters that would
print as empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FontFace:
    """One face of an installed font: a file, and its index in a collection (.ttc)."""

    family: str
    path: Path
    index: int
    bold: bool


def find_face(family: str, *, bold: bool = False) -> FontFace | None:
    """Return the installed face fontconfig uses for a family, or None when it is missing."""
    if shutil.which("fc-match") is None:
        return None
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    result = subprocess.run(
        ["fc-match", "--format", "%{family}\n%{file}\n%{index}", pattern],
        capture_output=True, text=True, check=False,
    )
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < 3:
        return None
    # fc-match always answers with *some* font; a different family means this one is missing.
    families = [name.strip().lower() for name in lines[0].split(",")]
    if family.lower() not in families:
        return None
    return FontFace(family, Path(lines[1]), int(lines[2] or 0), bold)


def find_stack(families: tuple[str, ...], *, bold: bool = False) -> list[FontFace]:
    """Return the installed faces of a CSS font stack, in stack order, skipping missing ones."""
    faces = (find_face(family, bold=bold) for family in families)
    return [face for face in faces if face is not None]


def _needs_glyph(char: str) -> bool:
    # Spaces, controls and format characters (bidi isolates, joiners) are not drawn.
    return unicodedata.category(char)[0] not in "ZC"


@dataclass
class Coverage:
    """Character maps of font faces, read once; lives as long as one check or one run."""

    _cmaps: dict[FontFace, frozenset[int]] = field(default_factory=dict)

    def cmap(self, face: FontFace) -> frozenset[int]:
        """Return the code points a face has glyphs for."""
        if face not in self._cmaps:
            from fontTools.ttLib import TTFont

            with TTFont(face.path, fontNumber=face.index, lazy=True) as font:
                self._cmaps[face] = frozenset(font.getBestCmap() or {})
        return self._cmaps[face]

    def missing(self, text: str, faces: list[FontFace]) -> set[str]:
        """Return the characters of `text` that none of the faces can draw."""
        wanted = {char for char in set(text) if _needs_glyph(char)}
        for face in faces:
            wanted = {char for char in wanted if ord(char) not in self.cmap(face)}
            if not wanted:
                break
        return wanted
