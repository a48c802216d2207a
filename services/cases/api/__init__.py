"""HTTP routes of the cases service."""

from fastapi import APIRouter

router = APIRouter()
