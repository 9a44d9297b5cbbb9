"""Input handling: numbers in any shape, missing values as NaN, confidence and polarity checked once."""

from typing import Literal

import numpy as np
from scipy.special import ndtri

Polarity = Literal["high", "low"] | None


def as_floats(value) -> np.ndarray:
    """A float array of any shape; None becomes NaN (numpy converts it when the dtype is float)."""
    return np.asarray(value, dtype=float)


def is_scalar(*values) -> bool:
    return all(np.ndim(value) == 0 for value in values)


def shaped(array: np.ndarray, scalar: bool):
    """A Python float for scalar input, the array otherwise."""
    return float(array) if scalar else array


def alpha(confidence: float) -> float:
    """1 − confidence, after checking the confidence is a proportion (0.95 or 0.998 in practice)."""
    if isinstance(confidence, bool) or not isinstance(confidence, int | float) or not 0 < confidence < 1:
        raise ValueError(
            f"confidence must be a proportion between 0 and 1 (0.95 or 0.998), not {confidence!r}"
        )
    return 1.0 - float(confidence)


def z_value(confidence: float) -> float:
    """Φ⁻¹(1 − α/2) evaluated exactly: 1.959963984540054 at 95%, 3.090232306167813 at 99.8%."""
    return float(-ndtri(alpha(confidence) / 2))


def parse_polarity(value) -> Polarity:
    """Polarity as "high", "low" or None; LAIT's "High"/"Low" are accepted in any case."""
    if value is None:
        return None
    if isinstance(value, str):
        lowered = value.lower()
        if lowered == "high":
            return "high"
        if lowered == "low":
            return "low"
    raise ValueError(f'polarity must be "high", "low" or None, not {value!r}')
