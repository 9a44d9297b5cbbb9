"""Areas (local authorities, regions, England) and the statistical-neighbour lists that group them."""

from django.db import models


class Area(models.Model):
    """A local authority, a region or England, as DfE publishes them (old 3-digit LA numbers)."""

    LA = "la"
    REGION = "region"
    ENGLAND = "england"
    OTHER = "other"
    KINDS = [(LA, "Local authority"), (REGION, "Region"), (ENGLAND, "England"), (OTHER, "Other")]

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=KINDS, default=LA)
    la_number = models.PositiveIntegerField(null=True, blank=True, unique=True)
    ons_code = models.CharField(max_length=9, blank=True)
    # The region name as DfE writes it for this LA ("Inner London", "Yorkshire and The Humber").
    region_name = models.CharField(max_length=80, blank=True)
    # The area whose figure is this LA's "region" comparator (London LAs: London (Inner)/(Outer)).
    region = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="members", db_index=False
    )
    la_type = models.CharField(max_length=10, blank=True, help_text="OLB, ILB, MD, UA, SC")
    # False for authorities that no longer exist (Cumbria, Northamptonshire, Dorset (Pre LG)...).
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StatisticalNeighbourSet(models.Model):
    """One published version of the children's services statistical neighbours ("May 2025")."""

    name = models.CharField(max_length=60, unique=True)
    published = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=False)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_sn_set"
            )
        ]

    def __str__(self) -> str:
        return self.name


class StatisticalNeighbour(models.Model):
    """``neighbour`` is the ``position``-th nearest neighbour of ``area`` in ``neighbour_set``.

    Every LA listed as a row of the set (even with no neighbours) is a member of the set's list."""

    neighbour_set = models.ForeignKey(StatisticalNeighbourSet, on_delete=models.CASCADE, related_name="rows")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbour_rows")
    neighbour = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", db_index=False)
    position = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["neighbour_set", "area", "position"]
        constraints = [
            models.UniqueConstraint(fields=["neighbour_set", "area", "position"], name="unique_sn_position"),
            models.UniqueConstraint(
                fields=["neighbour_set", "area", "neighbour"], name="unique_sn_neighbour"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbour_set}: {self.area} SN{self.position} {self.neighbour}"


class StatisticalNeighbourMember(models.Model):
    """An LA that is a row of a statistical-neighbour list: the LAs ranked and banded together."""

    neighbour_set = models.ForeignKey(
        StatisticalNeighbourSet, on_delete=models.CASCADE, related_name="members"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["neighbour_set", "area"], name="unique_sn_member")]

    def __str__(self) -> str:
        return f"{self.neighbour_set}: {self.area}"
