"""MyLib."""

__version__ = '0.4.0'  # bumped by the release script
