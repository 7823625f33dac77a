#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# A comment before the docstring does not hide it.

r"""
    Tiny\tool: one module, no package folder.

    The docstring is raw, starts with a blank line and is indented; flit_core's
    summary is its first line once cleaned.
"""

import sys

# flit_core's AST pass skips an annotated assignment and imports the module, which gives this value.
__version__: str = "0.4.0.post1"


def main() -> int:
    print("tinytool", __version__, file=sys.stdout)
    return 0
