"""Not the module: flit packages only tinytool.py."""
