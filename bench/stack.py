"""Everything one run starts (databases, JWKS server, uvicorn and nginx processes) and stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from bench.dbs import Throwaway
from bench.jwks import JWKSServer
from bench.procs import Proc, start_uvicorn, wait_ready
from services.common import jwt
from tests.support.tokens import TokenFactory


class Stack:
    """Owns what it started; `close()` stops the processes and drops the databases."""

    def __init__(self, log_dir: Path, extra_env: dict[str, str] | None = None) -> None:
        self.log_dir = log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        self.dbs = Throwaway()
        self.tokens = TokenFactory()
        self.procs: dict[str, Proc] = {}
        self._jwks: JWKSServer | None = None
        self._key: Any = None
        self.extra_env = extra_env or {}  # e.g. CASES_DB_POOL_SIZE=32 for an experiment

    def token(self, **claims: Any) -> str:
        """A real RS256 token like TokenFactory.token(), signed with a key loaded once.

        (Signing with the PEM, as TokenFactory does, re-parses and re-validates the RSA key on
        every call: ~150 ms each here.)
        """
        if self._key is None:
            self._key = serialization.load_pem_private_key(
                self.tokens.private_pem.encode(), password=None
            )
        return jwt.sign(self.tokens.claims(**claims), self._key, self.tokens.kid)

    @property
    def jwks_url(self) -> str:
        if self._jwks is None:
            self._jwks = JWKSServer(self.tokens.jwks)
        return self._jwks.url

    def service_env(self, service: str, database_url: str) -> dict[str, str]:
        """Environment for a real service: its database, our JWKS, the run's extra settings
        for this service; everything else default."""
        prefix = service.upper()
        extra = {k: v for k, v in self.extra_env.items() if k.startswith(f"{prefix}_")}
        jwks = self.jwks_url
        assert self._jwks is not None  # made by jwks_url
        return {
            f"{prefix}_AUTH_URL": self._jwks.base_url,  # its empty revocation list
            **extra,
            f"{prefix}_DATABASE_URL": database_url,
            f"{prefix}_JWKS_URL": jwks,
            f"{prefix}_JWT_ISSUER": self.tokens.issuer,
            f"{prefix}_JWT_AUDIENCE": self.tokens.audience,
        }

    def uvicorn(
        self, name: str, target: str, env: dict[str, str], ready_path: str, factory: bool = True
    ) -> Proc:
        proc = start_uvicorn(name, target, env=env, log_dir=self.log_dir, factory=factory)
        self.procs[name] = proc
        wait_ready(proc, ready_path)
        return proc

    def add(self, proc: Proc) -> Proc:
        self.procs[proc.name] = proc
        return proc

    def close(self) -> None:
        for proc in reversed(list(self.procs.values())):
            proc.stop()
        self.procs.clear()
        if self._jwks is not None:
            self._jwks.stop()
            self._jwks = None
        self.dbs.drop_all()
