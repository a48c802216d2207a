"""A tiny stand-in for auth (thread in the bench process): the JWKS, so services verify real
RS256 tokens, and an empty revocation list with the client token it is read with, so services
that follow auth's revocations start without the auth service."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class JWKSServer:
    """Serves `jwks` at `/.well-known/jwks.json` on a free loopback port until `stop()`."""

    def __init__(self, jwks: dict[str, Any]) -> None:
        keys = json.dumps(jwks).encode()
        no_revocations = json.dumps({"items": [], "next_cursor": None}).encode()
        token = json.dumps({"access_token": "bench", "expires_in": 3600}).encode()

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                revocations = self.path.startswith("/auth/v1/revocations")
                self._answer(no_revocations if revocations else keys)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(token)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the bench reads its own figures, not the server's log."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/.well-known/jwks.json"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
