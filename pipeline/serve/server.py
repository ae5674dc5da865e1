"""The HTTP side of ``ligetil serve``: output/ on 127.0.0.1, pages as the latest build left them."""

from __future__ import annotations

import errno
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.errors import ServeError
from pipeline.serve import Live
from pipeline.serve.page import VERSION_PATH, error_page, with_reload

HOST = "127.0.0.1"  # this computer only: a draft is nobody else's business
HTML = "text/html; charset=utf-8"


class DevHandler(SimpleHTTPRequestHandler):
    """Files of output/ as they are, except that HTML pages reload and show a broken build."""

    def __init__(self, *args, live: Live, **kwargs) -> None:
        self.live = live
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        """Answer the version poll, an HTML page (or the build's error), or any other file."""
        path = unquote(urlsplit(self.path).path)
        state = self.live.state  # one snapshot for the whole answer
        if path == VERSION_PATH:
            return self._send(200, "text/plain; charset=utf-8", str(state.version).encode(), head)
        wants_page = path.endswith(("/", ".html"))
        if wants_page and state.error is not None:
            return self._send(500, HTML, error_page(state.error, state.version), head)
        page = Path(self.translate_path(self.path))
        page = page / "index.html" if path.endswith("/") else page
        if wants_page and page.is_file():
            return self._send(200, HTML, with_reload(page.read_bytes(), state.version), head)
        return super().do_HEAD() if head else super().do_GET()  # redirects, listings, 404, other files

    def _send(self, status: int, content_type: str, body: bytes, head: bool) -> None:
        """Send one whole response."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload must show the new CSS and images too
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        """Log nothing: every open page asks for the version each second."""


class DevServer(ThreadingHTTPServer):
    """A threading server that stays quiet when a browser drops a connection."""

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def open_server(folder: Path, port: int, live: Live) -> DevServer:
    """Bind the server on 127.0.0.1:``port`` (0: any free one) to serve ``folder``; not yet serving."""
    try:
        return DevServer((HOST, port), partial(DevHandler, directory=str(folder), live=live))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"{HOST}:{port} is already in use (another ligetil serve?); "
                             f"choose another port with --port {port + 1 if port < 65535 else 8000}") from None
        raise ServeError(f"cannot listen on {HOST}:{port}: {error.strerror or error}") from None


@contextmanager
def serving(server: DevServer) -> Iterator[str]:
    """Serve in a background thread while the block runs; yield the site's address."""
    thread = threading.Thread(target=server.serve_forever, name="ligetil-serve", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
