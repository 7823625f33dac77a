"""Entry point for gunicorn: `gunicorn wsgi:app`."""
from flask_shop import create_app

app = create_app()
