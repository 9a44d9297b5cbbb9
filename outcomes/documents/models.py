# The models live with the functions that keep their rules (publications.py); Django finds them here.
from outcomes.documents.publications import Publication

__all__ = ["Publication"]
