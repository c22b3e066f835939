"""Five concurrent uses of one cancel link (issue 14) against the demo site served by the
production gunicorn configuration on PostgreSQL: several worker processes, each request in
its own real transaction. The registration service locks the event row and reads the state
again under the lock (events.registration.cancel), and the outbox sends one mail per event
(dedupe key): one cancellation, exactly one mail."""

import re
import threading
import urllib.parse
import urllib.request

import pytest

from tests.e2e.helpers import read_mails
from tests.servers import get

pytestmark = [
    pytest.mark.postgres(reason="needs concurrent transactions with row locks (PostgreSQL)"),
    pytest.mark.xdist_group("gunicorn_site"),
]

EVENT = "/de/veranstaltungen/praxiswerkstatt-buergerrat/"  # demo event with 3 places
CLICKS = 5


def post(url, data):
    body = urllib.parse.urlencode(data).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as response:
        return response.status, response.read().decode()


def mails_to(site, address):
    return [m for m in read_mails(site.mail_dir) if address in str(m["To"])]


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def started(html):
    return {"form_started": hidden(html, "form_started")}


def register(site, address):
    """Register through the public form as a browser would; returns the mailed cancel link."""
    _status, _headers, html = get(f"{site.url}{EVENT}anmelden/")
    data = {"name": "Kim Klick", "email": address, "consent": "on"}
    status, answer = post(f"{site.url}{EVENT}anmelden/", data | started(html))
    assert status == 200 and "Vielen Dank" in answer
    (confirmation,) = mails_to(site, address)
    body = confirmation.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"(http\S+/abmelden/\?token=\S+)", body).group(1)


def statuses(site):
    with site.database() as conn:
        return dict(
            conn.execute(
                "SELECT email, status FROM events_eventregistration WHERE email LIKE %s"
                " ORDER BY email",
                ["%@klick.example.org"],
            ).fetchall()
        )


def test_five_concurrent_cancel_clicks_cancel_once_and_send_one_mail(gunicorn_site):
    site = gunicorn_site
    people = [f"{name}@klick.example.org" for name in ("a", "b", "c", "d", "e")]
    links = [register(site, address) for address in people]  # a-c confirmed, d and e waiting
    assert list(statuses(site).values()) == ["confirmed"] * 3 + ["waiting"] * 2
    link = urllib.parse.urlsplit(links[0])
    # The link shows a button (a GET cancels nothing); its form is what is clicked five times.
    _status, _headers, html = get(f"{site.url}{link.path}?{link.query}")
    form = {"token": hidden(html, "token")} | started(html)
    barrier = threading.Barrier(CLICKS)
    answers = []

    def click():
        barrier.wait()  # all at once
        answers.append(post(f"{site.url}{link.path}", form))

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [status for status, _html in answers] == [200] * CLICKS
    # One cancellation: a's place went to the first on the waiting list, and only to them.
    assert statuses(site) == dict(
        zip(people, ["cancelled", "confirmed", "confirmed", "confirmed", "waiting"], strict=True)
    )
    # Exactly one mail each: a's cancellation, d's promotion; e was told nothing new.
    subjects = {address: [m["Subject"] for m in mails_to(site, address)] for address in people}
    assert len(subjects[people[0]]) == 2 and "storniert" in subjects[people[0]][1]
    assert len(subjects[people[3]]) == 2 and "frei geworden" in subjects[people[3]][1]
    assert len(subjects[people[4]]) == 1
