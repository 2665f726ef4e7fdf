"""One module per command, as mkdocs' `commands/`: each gathers and checks everything, then writes.

`toolkit.cli` parses the command line and calls one function here; the functions call the
stages (workspace, translation, catalogs, rendering, publishing) and never each other's
internals. A stage never imports a command (tests/test_architecture.py checks it).
"""
