"""`eventcoder serve`: the HTTP API and the web page over a database, on uvicorn."""

from __future__ import annotations

import click

from ..settings import Settings
from . import cli
from .common import db_option, library_errors, open_store


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on (loopback by default)")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="port to listen on")
@click.option(
    "--token",
    envvar="EVENTCODER_TOKEN",
    default=None,
    help="Bearer token that allows POST /api/articles (also EVENTCODER_TOKEN); without one, writing is refused",
)
@click.option(
    "--max-body",
    type=click.IntRange(0),
    default=10 * 1024 * 1024,
    show_default=True,
    help="largest request body accepted, in bytes",
)
@library_errors
def serve_cmd(db, host, port, token, max_body) -> None:
    """Serve the JSON API (/api/..., /openapi.json) and the web page (/) over the store."""
    import uvicorn

    from ..web import create_app
    from ..web.server import config

    settings = Settings.load(db=db)
    store = open_store(db)
    app = create_app(store, token=token or None, settings=settings, max_body=max_body)
    click.echo(f"eventcoder: serving {db} on http://{host}:{port}/ (writing {'on' if token else 'off'})", err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and settings.allowed_hosts == Settings().allowed_hosts:
        click.echo(
            "eventcoder: only requests for localhost are answered; set EVENTCODER_ALLOWED_HOSTS to the names"
            " clients use for this machine (docs/security.md)",
            err=True,
        )
    try:
        uvicorn.Server(config(app, settings, host, port)).run()
    except KeyboardInterrupt:  # the server re-raises the Ctrl-C it shut down on (as uvicorn.run ignores it)
        pass
    finally:
        store.close()
