from django.apps import AppConfig


class RisksConfig(AppConfig):
    """The risk register (issue 16): a versioned likelihood x impact matrix, risks rated on it, their
    mitigating actions on governance's one tracker, reviews, and candidate risks rising from red items."""

    name = "outcomes.risks"
    label = "risks"

    def ready(self) -> None:
        from outcomes.risks import access, candidates, owing

        access.register_pages()
        # Governance's pages carry the reviews due through its extension points (it may not import us).
        owing.register_extensions()
        candidates.connect()
