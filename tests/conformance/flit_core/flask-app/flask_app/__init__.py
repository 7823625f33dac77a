"""A Flask-style app whose templates and static files travel inside the package.

flit_core takes the summary from this docstring's first line and the version below.
"""
from .views import index

__version__ = "1.2.0"
