"""The release identifier in every cache key, so that a deploy starts with an empty cache:
no HTML pointing at static files of the old release, no pickled objects of the old code.

RELEASE_ID from the environment when the deploy sets one (e.g. the commit); otherwise a
fingerprint of what the cached entries depend on: the Python sources and templates of the
project and the static files manifest (its hashed names change with every CSS/JS change).
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

SOURCES = (".py", ".html", ".txt")
SKIP = {".venv", "node_modules", "staticfiles", "media", ".git", "tests", "__pycache__"}


@functools.cache
def _fingerprint(base_dir, static_root):
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(base_dir):
        dirs[:] = sorted(d for d in dirs if d not in SKIP and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SOURCES):
                path = Path(root, name)
                digest.update(str(path.relative_to(base_dir)).encode())
                digest.update(path.read_bytes())
    manifest = Path(static_root or "") / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def release_id():
    return getattr(settings, "RELEASE_ID", None) or _fingerprint(
        str(settings.BASE_DIR), str(settings.STATIC_ROOT or "")
    )


def make_key(key, key_prefix, version):
    """CACHES KEY_FUNCTION: Django's default key with the release in front."""
    return f"{key_prefix}:{release_id()}:{version}:{key}"
