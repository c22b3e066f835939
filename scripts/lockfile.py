"""Keep the hashed lock files in step with pyproject.toml (used by `make lock` / `make install`).

    python3 scripts/lockfile.py stamp FILE...   write the digest of pyproject's dependencies
    python3 scripts/lockfile.py check FILE...   fail when pyproject's dependencies changed since

The digest covers only what decides the resolution (requires-python, dependencies and the
optional extras), so editing tool settings in pyproject.toml does not ask for a new lock.
Standard library only: it runs before the virtualenv exists.
"""

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "# pyproject.toml dependencies: sha256="


def digest():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    relevant = {
        "requires-python": project.get("requires-python"),
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {
            name: sorted(deps) for name, deps in project.get("optional-dependencies", {}).items()
        },
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def recorded(path):
    for line in path.read_text().splitlines():
        if line.startswith(PREFIX):
            return line[len(PREFIX) :].strip()
    return None


def stamp(path):
    lines = [line for line in path.read_text().splitlines() if not line.startswith(PREFIX)]
    # After uv's two header comment lines, so that uv keeps it as part of the header.
    at = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    lines.insert(at, PREFIX + digest())
    path.write_text("\n".join(lines) + "\n")


def check(path):
    if not path.exists():
        return f"{path.name} is missing: run `make lock`"
    if recorded(path) != digest():
        return (
            f"pyproject.toml's dependencies changed since {path.name} was generated: "
            "run `make lock` (and commit the lock files)"
        )
    return None


def main(argv):
    if len(argv) < 3 or argv[1] not in {"stamp", "check"}:
        sys.exit(__doc__)
    paths = [ROOT / name for name in argv[2:]]
    if argv[1] == "stamp":
        for path in paths:
            stamp(path)
        return
    problems = [problem for problem in map(check, paths) if problem]
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main(sys.argv)
