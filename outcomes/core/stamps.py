"""When a record last changed, for readers that fetch only what changed since they last asked (the
read API's ``updated_since``, decision 0122)."""

from django.db import models


class Stamped(models.Model):
    """A record with ``updated_at``, set on every save. A save limited to some fields still stamps
    it, so that a service saving only ``closed_at`` is seen as a change; a queryset ``update()``
    must set it itself."""

    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        fields = kwargs.get("update_fields")
        if fields:
            kwargs["update_fields"] = {*fields, "updated_at"}
        super().save(*args, **kwargs)


def stamp(record, when) -> dict:
    """``updated_at=when`` for a queryset ``update()`` of ``record``'s row, if its model is stamped."""
    return {"updated_at": when} if isinstance(record, Stamped) else {}
