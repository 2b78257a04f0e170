"""The web layer: the ASGI app (JSON API + the page at ``/``) over the store. See docs/api.md."""

from .app import create_app

__all__ = ["create_app"]
