"""Alembic environment of the cases service."""

from services.cases import models
from services.common.migrate import run_env

run_env(models.metadata)
