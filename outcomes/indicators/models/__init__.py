"""The indicators app's models, one module per concept; import them from here.

Modules import only downwards: areas <- indicators <- values, exceptions <- clinics; links (to plan
milestones) stands apart.
"""

from outcomes.indicators.models.areas import (
    Area,
    StatisticalNeighbour,
    StatisticalNeighbourMember,
    StatisticalNeighbourSet,
)
from outcomes.indicators.models.clinics import Clinic
from outcomes.indicators.models.exceptions import DataExpectation, ExceptionRecord
from outcomes.indicators.models.indicators import Indicator, Period, Target
from outcomes.indicators.models.links import MilestoneIndicatorLink
from outcomes.indicators.models.values import DerivedFigure, ImportRun, Value

__all__ = [
    "Area",
    "Clinic",
    "DataExpectation",
    "DerivedFigure",
    "ExceptionRecord",
    "ImportRun",
    "Indicator",
    "MilestoneIndicatorLink",
    "Period",
    "StatisticalNeighbour",
    "StatisticalNeighbourMember",
    "StatisticalNeighbourSet",
    "Target",
    "Value",
]
