"""flask-shop: a tiny Flask shop (the packd example project)."""

from __future__ import annotations

import os

__version__ = "0.1.0"


def create_app(test_config: dict | None = None):
    """Application factory. Flask is imported here so `flask_shop.cli` works without it."""
    from flask import Flask

    from flask_shop import db, views

    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("FLASK_SHOP_SECRET_KEY", "dev"),
        DATABASE=os.environ.get("FLASK_SHOP_DATABASE", os.path.join(app.instance_path, "shop.sqlite")),
    )
    if test_config:
        app.config.update(test_config)
    # Only the directory the database lives in is created, so tests with a temp DB leave no instance/.
    os.makedirs(os.path.dirname(os.path.abspath(app.config["DATABASE"])), exist_ok=True)
    db.init_app(app)
    app.register_blueprint(views.bp)
    return app
