"""The header block: YAML front matter at the very top of a speech file, between two '---' lines.

    ---
    date: 2017-10-11
    venue: "New York"
    symbol: GA/SM/123
    language: en
    ---

Values are YAML scalars (quotes are YAML's, not part of the value). Each key is known; a bad
key or value is reported at its line, in one line.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from toolkit.errors import StatementError

# The header block's keys, as the README lists them. "reviewed" names a language whose official
# text the page carries beside the original ("reviewed: ar"): the press officer confirms it.
HEADER_KEYS = ("date", "venue", "symbol", "language", "slug", "speaker", "title", "reviewed")

Header = dict[str, tuple[int, str]]  # key -> (line, value)


def read_header(path: Path, texts: list[str]) -> tuple[Header, list[tuple[int, str]]]:
    """Split a statement's lines into its header block (key: (line, value)) and the numbered rest."""
    lines = list(enumerate(texts, start=1))
    if not lines or lines[0][1] != "---":
        return {}, lines
    end = next((index for index, (_, line) in enumerate(lines[1:], start=1) if line == "---"), None)
    if end is None:
        raise StatementError("the header block opened with '---' is never closed", path, 1)
    return _parse(path, [line for _, line in lines[1:end]]), lines[end + 1:]


def _parse(path: Path, texts: list[str]) -> Header:
    import yaml

    source = "\n".join(texts)
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        problem = exc.problem or exc.context or "not YAML"
        raise StatementError(f"cannot read the header block ({problem}); write one 'key: value' per line",
                             path, line) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 2
        raise StatementError(f"unknown header line {texts[line - 2]!r}; the header takes {', '.join(HEADER_KEYS)}",
                             path, line)
    header: Header = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        key = str(key_node.value).strip().lower()
        if key not in HEADER_KEYS or not isinstance(key_node, yaml.ScalarNode):
            raise StatementError(f"unknown header line {texts[line - 2]!r}; the header takes {', '.join(HEADER_KEYS)}",
                                 path, line)
        if not isinstance(value_node, yaml.ScalarNode):
            raise StatementError(f"the header's {key!r} takes one value on its line, not a list", path, line)
        if key in header:
            raise StatementError(f"the header gives {key!r} twice (lines {header[key][0]} and {line}); "
                                 "keep the right one", path, line)
        value = yaml.SafeLoader(source).construct_object(value_node) if value_node.value else ""
        header[key] = (line, _text(value))
    return header


def _text(value) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if value is None:
        return ""
    return str(value).strip()


def header_value(header: Header, key: str) -> str | None:
    """Return a header key's value, or None when the header does not give it."""
    value = header.get(key, (0, ""))[1]
    return value or None
