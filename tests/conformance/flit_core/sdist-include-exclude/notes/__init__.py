"""Notes: an sdist shaped by include and exclude."""
__version__ = "0.9"
