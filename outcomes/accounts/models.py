from django.contrib.auth.models import AbstractUser
from django.db import models

from outcomes.accounts.roles import Role


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.VIEWER)

    @property
    def display_name(self) -> str:
        person = getattr(self, "person", None)
        if person is not None:
            return person.name
        return self.get_full_name() or self.username


class Organisation(models.Model):
    """A partner: council directorate, NHS trust, police, school, voluntary body."""

    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A named lead. A person may have a sign-in (then they can update what they lead)."""

    name = models.CharField(max_length=200, unique=True)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    user = models.OneToOneField(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="person")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name
