from django.apps import AppConfig


class RisksConfig(AppConfig):
    """The risk register (issue 16): a versioned likelihood x impact matrix, risks rated on it, their
    mitigating actions on governance's one tracker, reviews, and candidate risks rising from red items."""

    name = "outcomes.risks"
    label = "risks"
