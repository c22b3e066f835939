"""Helpers for browser tests (and, for HTML validation, for integration tests too).

    from tests.e2e.helpers import assert_accessible, assert_valid_html, login, read_mails
    from tests.e2e.helpers import served_html, create_user, mail_body

None of these import Playwright, so integration tests may use `assert_valid_html` on
`response.text` from Django's test client.
"""

import email
import email.policy
import json
import subprocess
import tempfile
from pathlib import Path

from tests.demo_db import manage
from tests.tooling import AXE_JS, VNU_JAR, require

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, exclude=(), impacts=("serious", "critical")):
    """Run axe-core (WCAG 2.0/2.1 A+AA rules) on the current page; return the violations
    of the given impacts. `exclude` takes CSS selectors to leave out (e.g. third-party
    widgets we do not control: we have none, so prefer not to use it)."""
    require("npm")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    context = {"include": [["html"]], "exclude": [[s] for s in exclude]} if exclude else None
    result = page.evaluate(
        """async ([context, tags]) => {
            const r = await axe.run(context || document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary,
                                          html: n.html.slice(0, 200)}))
            }));
        }""",
        [context, WCAG_TAGS],
    )
    return [v for v in result if v["impact"] in impacts]


def format_violations(violations, url=""):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page, exclude=()):
    """Fail when axe-core finds a serious or critical WCAG 2.1 A/AA violation."""
    violations = axe_violations(page, exclude=exclude)
    assert not violations, format_violations(violations, page.url)


def html_errors(documents):
    """Validate HTML documents with the Nu Html Checker in ONE java call.

    `documents`: an HTML string, a list of strings, or a dict label -> HTML string.
    Returns {label: [error messages]} for documents with errors.
    """
    if isinstance(documents, str):
        documents = {"document": documents}
    elif not isinstance(documents, dict):
        documents = {f"document {i}": doc for i, doc in enumerate(documents)}
    if not documents:
        return {}
    require("java", "npm")
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for index, (label, html) in enumerate(documents.items()):
            path = Path(tmp) / f"doc{index}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = (label, str(path))
        result = subprocess.run(
            [
                "java",
                # A short-lived JVM: the quick compiler and the serial collector use about a
                # third less CPU per call; the quick compiler's frames need a larger stack.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss16m",
                "-jar",
                str(VNU_JAR),
                "--errors-only",
                "--format",
                "json",
                *(path for _, path in files.values()),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"vnu gave no JSON ({error}):\n{result.stderr[-2000:]}") from error
    errors = {}
    for message in report.get("messages", []):
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = message.get("url", "?")
        label = files.get(url.rsplit("/", 1)[-1], (url,))[0]
        where = f"line {message.get('lastLine', '?')}"
        extract = (message.get("extract") or "").strip().replace("\n", " ")
        errors.setdefault(label, []).append(f"{where}: {message['message']}  «{extract[:120]}»")
    return errors


def assert_valid_html(documents):
    """Fail when the Nu Html Checker reports an error in any of the documents."""
    errors = html_errors(documents)
    if errors:
        lines = []
        for label, messages in errors.items():
            lines.append(f"{label}:")
            lines.extend(f"  {m}" for m in messages[:20])
        raise AssertionError("Invalid HTML:\n" + "\n".join(lines))


def served_html(page, url=None):
    """The HTML the server sends for `url` (default: the page's current URL), fetched with
    the page's cookies. Validate this rather than `page.content()`, which is the live DOM
    (including injected axe-core and JavaScript changes)."""
    response = page.context.request.get(url or page.url)
    assert response.ok, f"{url or page.url} answered {response.status}"
    return response.text()


def read_mails(mail_dir):
    """All mails the server wrote with the file-based backend, oldest first. Parsed from
    bytes: the backend writes each message's raw bytes (8bit parts need not be UTF-8)."""
    messages = []
    separator = b"-" * 79 + b"\n"
    for path in sorted(Path(mail_dir).glob("*.log"), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(separator):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


def mail_body(message):
    """The text/plain body of a mail from `read_mails`, decoded."""
    if hasattr(message, "get_body"):
        part = message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""
    if message.is_multipart():
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        return ""
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def shell(env, code):
    """Run Python `code` against the e2e server's database; returns the last line it printed."""
    return manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1]


def create_user(env, username, password, groups=(), superuser=False):
    """Create (or update) a user on the e2e server's database; `groups` are group names."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "User = get_user_model()\n"
        f"u, _ = User.objects.get_or_create(username={username!r}, "
        f"defaults={{'email': {username + '@example.org'!r}}})\n"
        f"u.set_password({password!r})\n"
        f"u.is_superuser = u.is_staff = {bool(superuser)!r}\n"
        "u.save()\n"
        f"for name in {list(groups)!r}:\n"
        "    u.groups.add(Group.objects.get(name=name))\n"
    )
    manage(env, "shell", "-c", code)


def login(page, username, password, next_url="/admin/"):
    """Log into the Wagtail admin through its real login form."""
    page.goto(f"/admin/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
