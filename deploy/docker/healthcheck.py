"""Container health check: asks the readiness endpoint of the service this container runs.

The entrypoint writes that URL to /tmp/pakt-health-url before starting the service; a URL given
as the first argument wins (compose names it explicitly). A container without a server (the
migration job) has nothing to ask and counts as healthy.
"""

from __future__ import annotations

import os
import sys
import urllib.request
from pathlib import Path

# written by the entrypoint in the same container
STATE = Path(os.environ.get("PAKT_HEALTH_URL_FILE", "/tmp/pakt-health-url"))  # noqa: S108


def target(argv: list[str]) -> str | None:
    if argv:
        return argv[0]
    if STATE.exists():
        return STATE.read_text().strip()
    return None


def main(argv: list[str]) -> int:
    url = target(argv)
    if url is None:
        return 0
    if not url.startswith("http://127.0.0.1:"):
        sys.stderr.write(f"refusing to check {url!r}: only this container's own port\n")
        return 2
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - local http only
            return 0 if response.status == 200 else 1
    except OSError as exc:
        sys.stderr.write(f"{url}: {exc}\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
