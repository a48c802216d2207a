"""Operator commands of auth: `pakt users ...`, `pakt clients ...`, `pakt keys ...`
(`pakt auth import-organizations` is the launcher's: services/cli/imports.py).

They use the auth database its settings name (AUTH_DATABASE_URL), which `pakt` sets the way
every command finds its database (services/cli/database.py). Every change is written to the
audit trail with the operator (`cli:<login>`) as the actor. Failures raise problems or
`typer.BadParameter`; `pakt` prints them as one line (services/cli/failures.py).
"""

from services.auth.cli import accounts, keys
from services.auth.cli.base import commands, retention

__all__ = ["accounts", "commands", "keys", "retention"]
