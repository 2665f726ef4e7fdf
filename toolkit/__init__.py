"""presskit: one as-delivered statement in, a six-language press release out."""

__version__ = "0.1.0"
