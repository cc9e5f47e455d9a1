"""One registry for everything factfile finds by name: extraction stages, relaters (and the work they
prepare in the analysing process), exporters and CLI command modules.

Each kind is a `catalogue` registry, filled the same way: `load(kind)` imports every module of the
kind's package (`BUILTIN`; their decorators register them), and other packages add their own through
the `factfile_<kind>s` entry points. What a stage or relater requires and assigns is declared here in
one table (`declare`), as spaCy's `Language.factory(requires=, assigns=)` does, and `check` refuses a
pipeline whose order leaves a requirement unmet before any article is read; `analyze` lists, like
spaCy's `analyze_pipes`, what each component reads that no earlier one assigns.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import catalogue

from factfile.errors import FactfileError

stages = catalogue.create("factfile", "stages", entry_points=True)
relaters = catalogue.create("factfile", "relaters", entry_points=True)
# A relater's work on the document alone, registered under the relater's name: `relate.prepare` runs
# it where the document is analysed (a worker process) and keeps the result in `Analysis.prepared[name]`;
# the relater, in the single writer, uses it and computes it itself when it is missing.
preparers = catalogue.create("factfile", "preparers", entry_points=True)
exporters = catalogue.create("factfile", "exporters", entry_points=True)
commands = catalogue.create("factfile", "commands", entry_points=True)

REGISTRIES = {"stage": stages, "relater": relaters, "preparer": preparers, "exporter": exporters, "command": commands}

# The package whose modules register the built-ins of each kind: a new module there is all a new stage,
# relater, format or command group needs.
BUILTIN = {
    "stage": "factfile.extract",
    "relater": "factfile.relate",
    "preparer": "factfile.relate",
    "exporter": "factfile.serve.export",
    "command": "factfile.cli",
}


class PipelineError(FactfileError):
    """Stages or relaters in an order that leaves one without what it needs."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Contract:
    """What a component needs from the components before it, and what it adds.

    `requires`: it cannot work unless an earlier component assigned these; `reads`: it uses them when
    an earlier component did (and does less otherwise); `assigns`: what it fills in."""

    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


contracts: dict[tuple[str, str], Contract] = {}


def declare(kind: str, name: str, requires: tuple[str, ...] = (), reads: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> None:
    contracts[(kind, name)] = Contract(tuple(requires), tuple(reads), tuple(assigns))


# Stages fill `Analysis` fields (factfile/records.py).
declare("stage", "sentences", assigns=("sentences",))
declare("stage", "mentions", reads=("sentences",), assigns=("mentions",))
declare("stage", "chains", requires=("mentions",), reads=("sentences",), assigns=("chains", "mentions"))
declare("stage", "descriptions", requires=("mentions",), reads=("chains",), assigns=("facts",))
declare("stage", "statements", requires=("sentences", "mentions"), reads=("chains", "facts"), assigns=("statements",))
declare("stage", "times", reads=("mentions",), assigns=("times",))
declare("stage", "places", reads=("mentions",), assigns=("places",))
declare("stage", "quantities", reads=("mentions", "statements"), assigns=("quantities",))
declare("stage", "facts", requires=("chains",), reads=("sentences", "statements"), assigns=("facts",))
declare("stage", "events", reads=("chains", "statements", "times", "places", "quantities", "facts"), assigns=("events", "times"))
declare("stage", "events-rules", reads=("chains", "statements", "times", "places", "quantities", "facts"), assigns=("events", "times"))
# Relaters fill the new document's links to the store.
declare("relater", "actors", assigns=("actor_of_chain",))
declare("relater", "posts", assigns=("copy_of",))
declare("relater", "copies", reads=("copy_of",), assigns=("copy_of",))
declare("relater", "stories", reads=("copy_of",), assigns=("story",))
declare("relater", "outlets", reads=("copy_of",), assigns=("outlet_counts",))


def load(kind: str) -> catalogue.Registry:
    """The registry of `kind` with every built-in of that kind registered."""
    if kind not in _loaded:
        package = importlib.import_module(BUILTIN[kind])
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
        _loaded.add(kind)
    return REGISTRIES[kind]


_loaded: set[str] = set()


def analyze(kind: str, names: tuple[str, ...]) -> list[str]:
    """One line per field a component requires or reads that no earlier component assigns."""
    assigned: set[str] = set()
    notes = []
    for name in names:
        contract = contracts.get((kind, name), Contract())
        for field in contract.requires:
            if field not in assigned:
                notes.append(f"{kind} {name!r} requires {field!r}, which no {kind} before it assigns")
        for field in contract.reads:
            if field not in assigned:
                notes.append(f"{kind} {name!r} reads {field!r} when present; no {kind} before it assigns it")
        assigned |= set(contract.assigns)
    return notes


def check(kind: str, names: tuple[str, ...]) -> None:
    """Refuse names that are not registered, and an order that leaves a requirement unmet."""
    registry = load(kind)
    unknown = [name for name in names if name not in registry]
    if unknown:
        known = ", ".join(sorted(registry.get_all()))
        raise PipelineError(f"unknown {kind} {', '.join(map(repr, unknown))}; registered: {known}")
    unmet = [note for note in analyze(kind, names) if " requires " in note]
    if unmet:
        raise PipelineError("; ".join(unmet))
