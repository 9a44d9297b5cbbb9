"""Issue 17's "Done when": a lead officer receives the reminder in the demo's mail folder, with a
working link (followed as that person: the page opens)."""

import re
from datetime import timedelta
from email import message_from_bytes
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from outcomes.plans import services

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def test_the_lead_officer_finds_the_reminder_in_the_mail_folder_and_its_links_open(
    client, settings, tmp_path, demo_plan, users
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    today = timezone.localdate()
    services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update this month",
        opens=today - timedelta(days=20),
        closes=today + timedelta(days=3),
    )
    out = StringIO()
    call_command("run_scheduled", "--job", "reminders.send", stdout=out)
    assert "reminders.send: succeeded. 1 reminder sent" in out.getvalue()

    [log] = (tmp_path / "mail").iterdir()
    message = message_from_bytes(log.read_bytes())
    assert message["To"] == "Ron Parry <ron.parry@example.org>"
    assert message["Subject"].startswith("Update this month closes on ")
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }
    text, html = parts["text/plain"], parts["text/html"]
    links = re.findall(r"http://127\.0\.0\.1:8000(/\S+)", text)
    assert len(links) == 5  # three milestones, the round, the preferences page
    assert set(re.findall(r'href="http://127\.0\.0\.1:8000([^"]+)"', html)) == set(links)

    client.force_login(users["lead_officer"])
    for path in links:
        response = client.get(path)
        assert response.status_code == 200, path
    update_page = client.get(links[0]).content.decode()
    assert "P1 M26" in update_page or "milestone 26" in update_page.lower()
