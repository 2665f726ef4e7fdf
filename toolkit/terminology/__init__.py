"""Terminology: the workspace's glossaries and the starter UN glossary, how terms are found in
text, and how machine translation pins them (masks for names and symbols, hypotheses for terms).

Used by the translate stage (pinning) and the checks; nothing here imports a command.
"""

from __future__ import annotations

from toolkit.terminology.glossary import Glossary, Term, load_glossary, read_csv, read_tbx, starter_glossary
from toolkit.terminology.matching import find_terms, has_form

__all__ = ["Glossary", "Term", "find_terms", "has_form", "load_glossary", "read_csv", "read_tbx",
           "starter_glossary"]
