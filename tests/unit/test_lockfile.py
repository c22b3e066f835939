"""The hashed lock files match pyproject.toml's dependencies, and a dependency changed without
`make lock` is caught before anything is installed (scripts/lockfile.py, run by make install)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ["requirements.lock", "requirements-dev.lock"]


def check(root):
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "lockfile.py"), "check", *LOCKS],
        capture_output=True,
        text=True,
    )


def copy_project(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "lockfile.py", tmp_path / "scripts")
    for name in ["pyproject.toml", *LOCKS]:
        shutil.copy(ROOT / name, tmp_path)
    return tmp_path


def test_committed_lock_files_match_pyproject():
    result = check(ROOT)
    assert result.returncode == 0, result.stderr


def test_every_locked_requirement_is_pinned_with_hashes():
    for name in LOCKS:
        text = (ROOT / name).read_text()
        pins = [line for line in text.splitlines() if line and line[0] not in " #"]
        assert pins, name
        assert all("==" in pin and pin.endswith("\\") for pin in pins), name
        assert text.count("--hash=sha256:") >= len(pins), name


def test_dev_tools_stay_out_of_the_runtime_lock():
    runtime = (ROOT / "requirements.lock").read_text()
    for tool in ("pytest==", "ruff==", "playwright==", "hypothesis=="):
        assert f"\n{tool}" not in runtime
        assert f"\n{tool}" in (ROOT / "requirements-dev.lock").read_text()


def test_a_changed_dependency_asks_for_make_lock(tmp_path):
    root = copy_project(tmp_path)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace('"polib>=1.2,<2",', '"polib>=1.2,<2",\n    "attrs>=23",')
    )
    result = check(root)
    assert result.returncode != 0
    assert "run `make lock`" in result.stderr


def test_tool_settings_do_not_ask_for_a_new_lock(tmp_path):
    root = copy_project(tmp_path)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("line-length = 100", "line-length = 99"))
    assert check(root).returncode == 0
