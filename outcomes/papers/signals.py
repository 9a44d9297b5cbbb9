"""What the papers tell the apps above them, without importing them (as plans/signals.py).

``paper_published`` is sent once a publication commits, with ``paper`` and ``version``: the risk
register proposes a candidate risk when the paper's Risks and Uncertainties section is marked
significant (issue 16).
"""

from django.dispatch import Signal

paper_published = Signal()
