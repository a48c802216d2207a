"""The one way a refused constraint becomes a domain problem: keyed on the constraint's name.

Constraint names are fixed by the naming convention in `services.common.db`, so they are a
stable key; matching on message text or catching every IntegrityError is not.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError

from services.common.problems import ProblemError


def constraint_of(exc: DBAPIError) -> str | None:
    """The name of the constraint PostgreSQL refused, whichever path raised the error."""
    orig = exc.orig
    name = getattr(orig, "constraint_name", None)  # asyncpg's own error (fetch_row_direct)
    if name is None:  # SQLAlchemy's adapter keeps asyncpg's error as the cause
        name = getattr(getattr(orig, "__cause__", None), "constraint_name", None)
    return str(name) if name else None


@contextmanager
def constraint_problems(problems: Mapping[str, ProblemError]) -> Iterator[None]:
    """Turns a refusal of one of the named constraints into its problem; others pass unchanged.

    No savepoint is taken: the problem ends the request and its transaction. Code that must
    go on after a refusal nests `async with session.begin_nested():` inside this block.
    """
    try:
        yield
    except DBAPIError as exc:
        problem = problems.get(constraint_of(exc) or "")
        if problem is None:
            raise
        raise problem from exc
