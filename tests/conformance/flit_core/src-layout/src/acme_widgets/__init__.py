"""Widgets."""
__version__ = "9.9.9"  # not read: the version is static in [project]
