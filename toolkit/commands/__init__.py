"""One module per command (as mkdocs/commands/): each gathers and checks, then writes."""
