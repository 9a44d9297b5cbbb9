from outcomes.inspections.models.inspections import Inspection, Judgement
from outcomes.inspections.models.recommendations import (
    Recommendation,
    RecommendationUpdate,
    RevisedDate,
)

__all__ = ["Inspection", "Judgement", "Recommendation", "RecommendationUpdate", "RevisedDate"]
