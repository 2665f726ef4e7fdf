"""Property: whatever the sequence of source edits, reviewer edits and re-runs, no reviewed entry is
lost or altered, and a re-run with nothing new changes no byte."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_catalogs import LATER, MOMENT, msgfmt_ok, reread, run, statement_of
from toolkit import catalogs
from toolkit.model import TextStatus

WORDS = ("we", "heard", "people", "migration", "compact", "safe", "orderly", "regular", "thank", "you",
         "the", "of", "and", "today", "work", "ahead", "50%", '"quoted"', "Lajčák", "شكرا", "谢谢")
paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(lambda w: " ".join(w).capitalize() + ".")

actions = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 50), st.sampled_from(WORDS)),  # change one word
    st.tuples(st.just("insert"), st.integers(0, 50), paragraph),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("duplicate"), st.integers(0, 50)),  # identical text twice: one entry
    st.tuples(st.just("review"), st.integers(0, 50), st.text(st.characters(exclude_characters="\x00\x04", exclude_categories=("Cs",)), min_size=1, max_size=30).filter(str.strip)),
    st.tuples(st.just("unreview"), st.integers(0, 50)),  # a reviewer puts the fuzzy flag back
    st.tuples(st.just("resave"), st.booleans()),  # an editor saves it unwrapped, perhaps with CRLF
    st.tuples(st.just("run"),),
)


def apply_source(paragraphs: list[str], action) -> list[str]:
    paragraphs = list(paragraphs)
    kind, index = action[0], action[1] % max(len(paragraphs), 1)
    if kind == "edit" and paragraphs:
        words = paragraphs[index].rstrip(".").split(" ")
        words[len(words) // 2] = action[2]
        paragraphs[index] = " ".join(words) + "."
    elif kind == "insert":
        paragraphs.insert(index, action[2])
    elif kind == "delete" and len(paragraphs) > 1:
        del paragraphs[index]
    elif kind == "duplicate" and paragraphs:
        paragraphs.append(paragraphs[index])
    return paragraphs


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.lists(paragraph, min_size=1, max_size=6), steps=st.lists(actions, max_size=30))
def test_no_reviewed_entry_is_ever_lost_or_altered(start, steps, tmp_path_factory):
    paragraphs = start
    catalog, data = run(None, statement_of(*paragraphs))
    reviewed: dict[tuple, str] = {}  # (msgctxt, msgid) -> what the reviewer signed off
    for step in steps:
        if step[0] in ("edit", "insert", "delete", "duplicate"):
            paragraphs = apply_source(paragraphs, step)
            continue
        if step[0] in ("review", "unreview"):
            active = [m for m in catalog if m.id]
            message = active[step[1] % len(active)]
            key = (message.context, message.id)
            if step[0] == "review":
                message.string = step[2].replace("\n", " ").strip()
                message.flags.discard("fuzzy")
                reviewed[key] = message.string
            else:
                message.flags.add("fuzzy")
                reviewed.pop(key, None)
            catalog = reread(catalogs.render_catalog(catalog))
            continue
        if step[0] == "resave":
            text = re.sub(r'"\n(#[~|] )?"', "", catalogs.render_catalog(catalog).decode())  # msgcat --no-wrap
            catalog = reread((text.replace("\n", "\r\n") if step[1] else text).encode())
            continue
        statement = statement_of(*paragraphs)
        before = {(m.context, m.id) for m in [*catalog, *catalog.obsolete.values()] if m.id}
        catalog, data = run(catalog, statement, moment=MOMENT)

        # Never deleted: an entry whose text left the speech is kept, obsolete.
        after = {(m.context, m.id) for m in [*catalog, *catalog.obsolete.values()] if m.id}
        assert before <= after
        # msgfmt refuses an entry both active and obsolete.
        active_keys = {(m.context, m.id) for m in catalog if m.id}
        assert not active_keys & {(m.context, m.id) for m in catalog.obsolete.values()}

        # Every reviewed entry is still there, unchanged: active and not fuzzy, or obsolete.
        for (context, msgid), text in reviewed.items():
            active = catalog.get(msgid, context=context)
            kept = active if active is not None else catalog.obsolete[(msgid, context) if context else msgid]
            assert kept.string == text and not kept.fuzzy
        # What the edition prints for a reviewed block is exactly the reviewer's text.
        edition = catalogs.build_edition(statement, "fr", catalog)
        for block in edition.body:
            source = statement.body[edition.body.index(block)].text
            if (None, source) in reviewed:
                assert block.text == reviewed[None, source] and block.status is TextStatus.REVIEWED
        # Nothing new: the next run writes the same bytes, whatever the clock says.
        _, again = run(catalog, statement, moment=LATER)
        assert again == data
    # And the file GNU gettext would compile.
    path = tmp_path_factory.getbasetemp() / "property.po"
    path.write_bytes(data)
    msgfmt_ok(path)
