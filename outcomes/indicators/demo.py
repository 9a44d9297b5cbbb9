def load_demo_indicators() -> str | None:
    """Load this app's demo data; return what was loaded, or None when it was already there."""
    return None
