"""Render the nginx configuration in deploy/nginx/ (README "Performance and production").

    python scripts/nginx_conf.py DIR --listen 127.0.0.1:8000 --upstream 127.0.0.1:8001
        writes DIR/nginx.conf (a standalone nginx: `nginx -p DIR -c DIR/nginx.conf`, no root
        needed) and DIR/site.conf; `make serve` and tests/servers.py run it this way.
    python scripts/nginx_conf.py --site-only --listen 80 --upstream 127.0.0.1:8001 \
            --static-root /srv/netzwerk/staticfiles --server-name netzwerk.example.org
        prints only the server block, for Debian's nginx (/etc/nginx/sites-enabled/).
"""

import argparse
import os
import re
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


def fill(template, **values):
    text = (TEMPLATES / template).read_text()
    for name, value in values.items():
        text = text.replace(f"@{name.upper()}@", str(value))
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"{template}: no value for {', '.join(sorted(set(left)))}")
    return text


def site(listen, upstream, static_root, server_name="_"):
    static_root = str(Path(static_root).resolve()).rstrip("/")
    return fill(
        "site.conf.template",
        listen=listen,
        upstream=upstream,
        static_root=static_root,
        server_name=server_name,
    )


def standalone(directory, listen, upstream, static_root, server_name="_"):
    """Write nginx.conf and site.conf into `directory`; returns the nginx.conf path."""
    directory = Path(directory).resolve()
    for name in TEMP_DIRS:
        (directory / "temp" / name).mkdir(parents=True, exist_ok=True)
    (directory / "site.conf").write_text(site(listen, upstream, static_root, server_name))
    # A master started as root hands its workers to this user (they must read the static
    # files and write the temp directories); an unprivileged master ignores the directive.
    user = "user root;" if os.geteuid() == 0 else ""
    config = directory / "nginx.conf"
    config.write_text(fill("standalone.conf.template", prefix=directory, user=user))
    return config


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", help="where nginx.conf and site.conf go")
    parser.add_argument("--site-only", action="store_true", help="print the server block")
    parser.add_argument("--listen", required=True, help="address nginx listens on")
    parser.add_argument("--upstream", required=True, help="gunicorn's address (GUNICORN_BIND)")
    parser.add_argument("--static-root", default="staticfiles", help="STATIC_ROOT")
    parser.add_argument("--server-name", default="_")
    args = parser.parse_args(argv)
    options = (args.listen, args.upstream, args.static_root, args.server_name)
    if args.site_only:
        sys.stdout.write(site(*options))
    elif args.directory:
        print(standalone(args.directory, *options))
    else:
        parser.error("give a directory, or --site-only")


if __name__ == "__main__":
    main()
