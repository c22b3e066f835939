"""The machine's test tools outside Python: Debian's Chromium (browser tests), Java and the npm
test tools (axe-core, the Nu HTML checker in vnu-jar; `make test` installs them when npm exists).

A test that needs a missing tool calls `require(...)` and is skipped. Every such skip carries
the same reason (everything this machine lacks, with what to install) and is reported at the
same place, so pytest's summary shows it as ONE line with a count. `REQUIRE_BROWSER=1` (CI) turns
the skip into a failure.
"""

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; never a downloaded one
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

TOOLS = {
    "chromium": ("Chromium (apt-get install chromium)", lambda: Path(CHROMIUM).exists()),
    "java": ("Java (apt-get install default-jre-headless)", lambda: shutil.which("java")),
    "npm": (
        "the npm test tools (install Node.js and npm, then run make test again: it runs npm ci)",
        lambda: AXE_JS.exists() and VNU_JAR.exists(),
    ),
}


@cache
def missing():
    """Install hints of the tools this machine lacks, in a fixed order."""
    return tuple(hint for hint, present in TOOLS.values() if not present())


SKIP_PREFIX = "browser/HTML-validation tests skipped, this machine lacks: "


def skip_reason():
    return SKIP_PREFIX + "; ".join(missing()) + " (REQUIRE_BROWSER=1 makes this a failure)"


def fold_skip_location(report):
    """pytest reports a skip raised in a fixture (the `browser` fixture) at each test's own
    line, so the summary would list every browser test; give all tool skips this module as
    their location, and the summary folds them into one line with a count."""
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2]
        if SKIP_PREFIX in reason:
            report.longrepr = (__file__, 1, reason)


def require(*names):
    """Skip the running test (fail with REQUIRE_BROWSER=1) unless every named tool exists."""
    unknown = set(names) - set(TOOLS)
    assert not unknown, f"unknown test tools: {unknown}"
    if all(TOOLS[name][1]() for name in names):
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {skip_reason()}", pytrace=False)
    pytest.skip(skip_reason())
