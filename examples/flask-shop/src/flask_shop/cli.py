"""`flask-shop` console script. Needs no Flask at import time (installs may use --no-deps)."""

from flask_shop import __version__


def main() -> None:
    print(f"flask-shop {__version__}: serve with `gunicorn wsgi:app`")


if __name__ == "__main__":
    main()
