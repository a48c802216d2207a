"""Alembic environment of the auth service."""

from services.auth import models
from services.common.migrate import run_env

run_env(models.metadata)
