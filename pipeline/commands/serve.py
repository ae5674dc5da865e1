"""`ligetil serve`: build, serve output/ on localhost, and build again whenever an input changes."""

from __future__ import annotations

import webbrowser

import click

from pipeline.build import BuildOptions
from pipeline.build.formats import FORMATS
from pipeline.commands import App
from pipeline.commands.build import parse_formats, run
from pipeline.errors import LigetilError
from pipeline.serve import Live
from pipeline.serve.server import HOST, open_server, serving
from pipeline.serve.watch import WATCHED, watching


def rebuild(app: App, options: BuildOptions, live: Live) -> None:
    """Build as `ligetil build` does; a failure is printed and shown in the browser, not raised."""
    app.forget_settings()  # ligetil.toml may have changed
    try:
        report = run(app, options)
    except LigetilError as error:
        app.err.print(str(error), markup=False)
        live.finished(str(error), changed=False)  # a new error reloads pages; the same one again need not
    else:
        live.finished(None, changed=bool(report.changed or report.removed))


@click.command(short_help="Serve the site on localhost and rebuild it when a file changes.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help=f"Port on {HOST} (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the web browser once it is built.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language's pages (indexes are always rebuilt).")
@click.option("--guide", "-g", metavar="GUIDE", help="Only this guide (its slug, e.g. madservice).")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="FORMATS",
              help=f"What to build: {', '.join(FORMATS)}, or several separated by commas.")
@click.option("--preview", is_flag=True, help="Also show machine drafts (marked), as `ligetil build --preview`.")
@click.pass_obj
def command(app: App, port: int, open_browser: bool, lang: str | None, guide: str | None, formats: str,
            preview: bool) -> int:
    """Build the site, serve output/ on http://127.0.0.1:PORT/ and rebuild when an input changes.

    \b
    Watches content/, translations/ and ligetil.toml: each saved change runs the
    same incremental build as `ligetil build` (only what changed is rendered again).
    Open pages reload by themselves after each rebuild. While a build fails, every
    page shows its error (path:line: message) instead of a stale page, until a
    build succeeds again; the terminal prints the same line.
    Only this computer can connect (127.0.0.1). Stop with Ctrl-C.
    """
    options = BuildOptions(lang, guide, parse_formats(formats), preview)
    live = Live()
    server = open_server(app.settings.output_dir, port, live)  # a taken port fails before a long build
    try:
        rebuild(app, options, live)
        with serving(server) as url, watching(app.settings.root) as batches:
            app.out.print(f"Serving {app.settings.relative(app.settings.output_dir)}/ on {url}; "
                          f"watching {WATCHED}. Ctrl-C stops.")
            if open_browser and not webbrowser.open(url):
                app.err.print(f"no web browser found: open {url} yourself", markup=False)
            for changed in batches:
                app.out.print(f"changed: {', '.join(changed)}", markup=False)
                rebuild(app, options, live)
    except KeyboardInterrupt:
        app.out.print("Stopped.")
    finally:
        server.server_close()
    return 0
