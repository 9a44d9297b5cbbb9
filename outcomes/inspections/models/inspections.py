"""Inspections as the inspectorates report them (seed 002 L1400-1406): who inspected, what kind, when,
and the judgements as written ("Overall effectiveness: adequate")."""

from django.db import models

from outcomes.core.stamps import Stamped


class Inspection(Stamped):
    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(
        max_length=200, help_text="As the papers name it: Safeguarding and LAC inspection."
    )
    inspectorate = models.CharField(max_length=100, help_text="Ofsted, CQC, Ofsted and CQC (joint) …")
    kind = models.CharField("type", max_length=100, blank=True, help_text="Announced, unannounced, annual …")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    # Said on every page that shows it: the seed gives this inspection's counts, not its words.
    reconstructed = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.title


class Judgement(models.Model):
    """One area's grade, both as the report writes them."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    order = models.PositiveSmallIntegerField(default=0)
    area = models.CharField(max_length=200)
    grade = models.CharField(max_length=100)

    class Meta:
        ordering = ["inspection", "order", "id"]

    def __str__(self) -> str:
        return f"{self.area}: {self.grade}"
