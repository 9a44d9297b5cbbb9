"""What the plans tell the apps above them, without importing them (docs/architecture.md, floors).

``update_approved`` is sent once an approved update is committed, with ``update`` (its status as
approved is in ``update.weights``): the risk register proposes a candidate risk when a row turns Red
and suggests a re-rating when it returns to Green (issue 16).
"""

from django.dispatch import Signal

update_approved = Signal()
