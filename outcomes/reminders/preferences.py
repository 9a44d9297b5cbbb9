"""A person's choice of reminders, changed only here (with the history in words)."""

from django.db import transaction

from outcomes.core.models import record_change
from outcomes.reminders.models import Preference
from outcomes.reminders.sources import kinds_for


def preference_of(user) -> Preference:
    return Preference.objects.filter(user=user).first() or Preference(user=user)


@transaction.atomic
def save_preferences(*, user, email: str, wanted: set[str], delivery: str) -> Preference:
    """Save what ``user`` chose on their page. Kinds not offered to them now keep their setting: a
    lead officer who stops leading milestones and leads again finds their choice as they left it."""
    preference = preference_of(user)
    offered = {kind.key for _, kind in kinds_for(user)}
    before = {
        "email": user.email,
        "switched_off": sorted(preference.switched_off),
        "delivery": preference.delivery,
    }
    kept = {key for key in preference.switched_off if key not in offered}
    preference.switched_off = sorted(kept | (offered - wanted))
    preference.delivery = delivery
    after = {"email": email, "switched_off": preference.switched_off, "delivery": delivery}
    if before == after:
        return preference
    preference.save()
    if email != user.email:
        user.email = email
        user.save(update_fields=["email"])
    labels = {kind.key: kind.label for _, kind in kinds_for(user)}
    said = []
    if before["email"] != email:
        said.append(f"address {'changed' if email else 'removed'}")
    if before["delivery"] != delivery:
        said.append(dict(Preference.DELIVERIES)[delivery].lower())
    on = [labels.get(k, k) for k in sorted(set(before["switched_off"]) - set(after["switched_off"]))]
    off = [labels.get(k, k) for k in sorted(set(after["switched_off"]) - set(before["switched_off"]))]
    if on:
        said.append(f"now receives: {', '.join(on).lower()}")
    if off:
        said.append(f"no longer receives: {', '.join(off).lower()}")
    record_change(
        user=user,
        obj=preference,
        action="reminders.preferences",
        summary=f"Reminders for {user.display_name}: {'; '.join(said)}",
        before=before,
        after=after,
    )
    return preference
