"""The language of a response: the caller's `Accept-Language` against the languages we have.

The API answers in English unless the caller prefers German (ADR 0014); the login page has its
own default. Only the primary subtag counts (`de-AT` asks for `de`): we have one German and one
English text, not regional variants.
"""

from __future__ import annotations

import re

SUPPORTED_LANGUAGES = ("en", "de")
API_DEFAULT_LANGUAGE = "en"
_MAX_RANGES = 32  # a longer header is read only this far: nobody prefers 33 languages
_RANGE = re.compile(
    r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]{1,5}))?\s*$"
)


def _weights(header: str) -> list[tuple[str, float]]:
    """`(primary subtag or "*", q)` per well-formed range, in the header's order."""
    out: list[tuple[str, float]] = []
    for part in header.split(",")[:_MAX_RANGES]:
        match = _RANGE.match(part)
        if not match:
            continue  # a malformed range is ignored, as if not sent
        try:
            q = float(match.group(2)) if match.group(2) is not None else 1.0
        except ValueError:
            continue
        if 0.0 <= q <= 1.0:
            out.append((match.group(1).split("-")[0].lower(), q))
    return out


def preferred_language(
    header: str | None,
    supported: tuple[str, ...] = SUPPORTED_LANGUAGES,
    default: str = API_DEFAULT_LANGUAGE,
) -> str:
    """The supported language the caller weights highest; the earlier range wins a tie.

    A language named explicitly takes its own weight (`de;q=0` refuses German even after `*`);
    `*` gives its weight to every language not named. No header, nothing acceptable, or only
    `*`: the default.
    """
    ranges = _weights(header or "")
    named = {tag for tag, _ in ranges}
    best: tuple[float, int, str] | None = None
    for position, (tag, q) in enumerate(ranges):
        candidates = [tag] if tag in supported else []
        if tag == "*":
            candidates = [lang for lang in supported if lang not in named]
            if default in candidates:
                candidates = [default]
        for lang in candidates:
            if q > 0 and (best is None or q > best[0]):
                best = (q, position, lang)
    return best[2] if best else default
