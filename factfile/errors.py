"""Errors that name the input and the problem, so a user can fix the input.

Each kind says how the CLI exits on it and which HTTP status the server answers it with; the two
places that turn errors into output (`cli/errors.py`, `serve/errors.py`) read these and nothing else.
"""


class FactfileError(Exception):
    """Base of errors factfile reports to the user as one clear line: a request that cannot be carried out."""

    exit_code = 1
    status = 422


class NotFound(FactfileError, LookupError):
    """No actor, document, place or format by that name or id."""

    status = 404


class BadArgument(FactfileError, ValueError):
    """An option or parameter with a value factfile does not know."""

    exit_code = 2
    status = 400


class IngestError(FactfileError):
    """An input (or a record inside one) cannot be turned into an article."""

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class MissingExtra(FactfileError):
    """A feature whose packages are an optional extra of factfile that is not installed."""

    exit_code = 2
    status = 501

    def __init__(self, feature: str, extra: str):
        super().__init__(f"{feature} needs factfile's {extra!r} extra: pip install 'factfile[{extra}]'")


def require(module: str, feature: str, extra: str):
    """Import an optional extra's module, or say which extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(feature, extra) from error


class StoreError(FactfileError):
    """The store cannot be opened or is not a factfile store."""

    exit_code = 2
    status = 503
