"""High-precision reference values for test_stats.py, computed independently of NumPy and SciPy.

Everything here is plain `decimal` arithmetic at 50 significant digits: the normal quantile by bisection on a
Taylor series for erf, the Poisson limits by bisection on the Poisson distribution itself (the definition the
chi-squared shortcut stands for), and the Wilson and Byars formulas evaluated directly.
"""

from decimal import Decimal, localcontext

PRECISION = 50


def _pi() -> Decimal:
    # The series from the decimal module's documentation.
    with localcontext() as ctx:
        ctx.prec = PRECISION + 5
        three = Decimal(3)
        last, t, s, n, na, d, da = 0, three, 3, 1, 0, 0, 24
        while s != last:
            last = s
            n, na = n + na, na + 8
            d, da = d + da, da + 32
            t = (t * n) / d
            s += t
        return +s


def _erf(x: Decimal) -> Decimal:
    """erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n!(2n+1)), summed until the terms vanish."""
    with localcontext() as ctx:
        ctx.prec = PRECISION + 20  # the alternating terms grow to about e^(x²) before they shrink
        total, term, n = Decimal(0), x, 0
        while True:
            addend = term / (2 * n + 1)
            if abs(addend) < Decimal(10) ** -(PRECISION + 10):
                break
            total += addend
            n += 1
            term = -term * x * x / n
        return 2 * total / _pi().sqrt()


def normal_cdf(x: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION + 10
        return (1 + _erf(x / Decimal(2).sqrt())) / 2


def z_value(confidence: str) -> Decimal:
    """Φ⁻¹(1 − α/2) by bisection; confidence as a decimal string such as "0.95"."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        target = 1 - (1 - Decimal(confidence)) / 2
        low, high = Decimal(0), Decimal(10)
        for _ in range(190):
            middle = (low + high) / 2
            if normal_cdf(middle) < target:
                low = middle
            else:
                high = middle
        return (low + high) / 2


def wilson(x: int, n: int, confidence: str) -> tuple[Decimal, Decimal]:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        z = z_value(confidence)
        x, n = Decimal(x), Decimal(n)
        centre = 2 * x + z * z
        spread = z * (z * z + 4 * x * (1 - x / n)).sqrt()
        scale = 2 * (n + z * z)
        return (centre - spread) / scale, (centre + spread) / scale


def byars(count: int, confidence: str) -> tuple[Decimal, Decimal]:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        z = z_value(confidence)
        o = Decimal(count)
        lower = o * (1 - 1 / (9 * o) - z / (3 * o.sqrt())) ** 3
        upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * (o + 1).sqrt())) ** 3
        return lower, upper


def poisson_cdf(k: int, mu: Decimal) -> Decimal:
    """P(X ≤ k) for X ~ Poisson(mu)."""
    total, term = Decimal(0), Decimal(1)
    for i in range(k + 1):
        if i:
            term = term * mu / i
        total += term
    return total * (-mu).exp()


def exact_poisson(count: int, confidence: str) -> tuple[Decimal, Decimal]:
    """The limits that leave α/2 in each tail: P(X ≥ O | L) = α/2 and P(X ≤ O | U) = α/2."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        tail = (1 - Decimal(confidence)) / 2

        def solve(probability_falls_below_tail) -> Decimal:
            # Both tail probabilities are monotonic in mu, so bisection on [0, count + 100] finds them.
            low, high = Decimal(0), Decimal(count + 100)
            for _ in range(200):
                middle = (low + high) / 2
                if probability_falls_below_tail(middle):
                    low = middle
                else:
                    high = middle
            return (low + high) / 2

        lower = Decimal(0) if count == 0 else solve(lambda mu: 1 - poisson_cdf(count - 1, mu) < tail)
        upper = solve(lambda mu: poisson_cdf(count, mu) > tail)
        return lower, upper
