"""Alembic environment of the funding service."""

from services.common.migrate import run_env
from services.funding import models

models.all_models()
run_env(models.metadata)
