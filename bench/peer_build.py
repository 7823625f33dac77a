#!/usr/bin/env python3
"""Build a wheel in-process with a PEP 517 backend: `peer_build.py hatchling|flit TREE OUT`.

Run with Debian's /usr/bin/python3 (where python3-hatchling and flit are installed). The
backend is chosen here, not from the tree's build-backend, so one tree serves every peer.
Prints the wheel path.
"""

import importlib
import os
import sys

BACKENDS = {"hatchling": "hatchling.build", "flit": "flit_core.buildapi", "flit_core": "flit_core.buildapi"}


def main() -> int:
    if len(sys.argv) != 4 or sys.argv[1] not in BACKENDS:
        print(__doc__, file=sys.stderr)
        return 2
    backend, tree, out = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    os.chdir(tree)  # PEP 517: hooks run with the source tree as the working directory
    module = importlib.import_module(BACKENDS[backend])
    print(os.path.join(out, module.build_wheel(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
