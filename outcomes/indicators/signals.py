"""What the indicators tell the apps above them, without importing them (as plans/signals.py).

``exception_opened`` is sent once an exception record's opening is committed, with ``record``: the
risk register proposes a candidate risk when it is significantly worse than England (issue 16).
"""

from django.dispatch import Signal

exception_opened = Signal()
