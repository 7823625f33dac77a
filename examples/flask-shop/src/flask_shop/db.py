"""SQLite access: one connection per request, schema from schema.sql."""

from __future__ import annotations

import sqlite3
from importlib.resources import files

import click
from flask import current_app, g


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_db() -> None:
    schema = files("flask_shop").joinpath("schema.sql").read_text(encoding="utf-8")
    get_db().executescript(schema)


@click.command("init-db")
def init_db_command() -> None:
    """Create the tables and the sample products."""
    init_db()
    click.echo("Initialized the database.")


def init_app(app) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
