"""`presskit bundle`: one zip per published statement, for distributors (issue 9).

A bundle holds what output/<slug>/ holds for distribution (the editions, the index, the manifest)
and a SHA256SUMS file, in a fixed order with fixed timestamps, so the same output always gives
the same zip, byte for byte. Nothing is bundled that does not match its manifest.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from pathlib import Path

from toolkit import publishing
from toolkit.config import Config
from toolkit.errors import PresskitError
from toolkit.workspace import read_statements

EARLIEST = (1980, 1, 1, 0, 0, 0)  # zip's own epoch: the stamp when a manifest names no issue time


def bundle(config: Config, speeches: tuple[Path, ...] = ()) -> list[tuple[Path, bytes]]:
    """Return (zip path, zip bytes) for each statement: every one published, or those named."""
    if speeches:
        slugs = [statement.slug for statement in read_statements(config, speeches)]
    else:
        slugs = sorted(p.parent.name for p in config.output_path.glob(f"*/{publishing.MANIFEST}")
                       if not p.parent.name.startswith("."))  # a run's staging folder (toolkit.staging)
        if not slugs:
            raise PresskitError(f"nothing is published in {config.relative(config.output_path)}/ yet; "
                                "run `presskit publish` first")
    return [(config.output_path / f"{slug}.zip", _bundle_one(config, slug)) for slug in slugs]


def _bundle_one(config: Config, slug: str) -> bytes:
    folder = config.output_path / slug
    manifest_path = folder / publishing.MANIFEST
    shown = config.relative(manifest_path)
    if not manifest_path.is_file():
        raise PresskitError(f"{slug} is not published ({shown} is missing); run `presskit publish` first")
    data = manifest_path.read_bytes()
    try:
        manifest = json.loads(data)
        editions = manifest["editions"]
        files = {}
        issued = []
        for record in editions:
            code = record["code"]
            for kind in ("html", "pdf"):
                files[f"{code}.{kind}"] = record[f"{kind}_sha256"]
            issued.append((record.get("provenance") or {}).get("issued") or "")
    except (ValueError, KeyError, TypeError) as exc:
        raise PresskitError(f"{shown} is not a presskit manifest ({exc}); run `presskit publish` again") from None
    members: dict[str, bytes] = {}
    for name, expected in sorted(files.items()):
        path = folder / name
        if not path.is_file():
            raise PresskitError(f"{config.relative(path)} is missing; run `presskit publish` again")
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != expected:
            raise PresskitError(f"{config.relative(path)} does not match its checksum in {shown} (changed "
                                "after publishing?); run `presskit publish` again")
        members[name] = content
    index = folder / "index.html"
    if index.is_file():
        members["index.html"] = index.read_bytes()
    members[publishing.MANIFEST] = data
    sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in sorted(members.items()))
    members["SHA256SUMS"] = sums.encode("ascii")
    stamp = _stamp(max(issued, default=""))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(f"{slug}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever builds it
            archive.writestr(info, members[name])
    return out.getvalue()


def _stamp(issued: str) -> tuple[int, int, int, int, int, int]:
    """Return the zip timestamp for the latest issue time in the manifest (ISO 8601 UTC)."""
    try:
        moment = datetime.datetime.fromisoformat(issued.replace("Z", "+00:00"))
    except ValueError:
        return EARLIEST
    if moment.year < 1980:
        return EARLIEST
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second // 2 * 2)
