"""Errors that name the input and the problem, so a user can fix the input."""


class FactfileError(Exception):
    """Base of errors factfile reports to the user as one clear line."""


class IngestError(FactfileError):
    """An input (or a record inside one) cannot be turned into an article."""

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class StoreError(FactfileError):
    """The store cannot be opened or is not a factfile store."""
