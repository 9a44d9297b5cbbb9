from outcomes.risks.models.registers import Matrix, Mitigation, Rating, Register, Review, Risk

__all__ = ["Matrix", "Mitigation", "Rating", "Register", "Review", "Risk"]
