"""What each person chooses to receive, and every reminder sent (so that none is sent twice)."""

from django.conf import settings
from django.db import models


class Preference(models.Model):
    """A person's choice of reminders. Without a row, everything that concerns them is sent, each
    reminder as it falls due: a new kind of reminder is on until they switch it off."""

    EACH = "each"
    WEEKLY = "weekly"
    DELIVERIES = [
        (EACH, "An e-mail for each reminder, as it falls due"),
        (WEEKLY, "One e-mail a week, on Monday, listing everything due or overdue"),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    # Kinds of reminder (reminders/sources) the person does not want.
    switched_off = models.JSONField(default=list, blank=True)
    delivery = models.CharField(max_length=10, choices=DELIVERIES, default=EACH)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminders for {self.user}"

    def wants(self, kind: str) -> bool:
        return kind not in self.switched_off


class SentReminder(models.Model):
    """One reminder sent to one person about one item on one occasion ("rounds.closing" of round
    12 closing on 12 December 2014). The unique row is taken before the message goes, so that two
    runs at once cannot both send it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(max_length=60)
    item = models.CharField(max_length=200)
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "item"], name="one_reminder_per_occasion")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item} to {self.user}"
