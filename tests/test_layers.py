"""The layers only look down: the store imports nothing that gives its tables meaning, and the code a
user touches (CLI, REST API, pages, exports) reads through `factfile.read` and writes no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import factfile

PACKAGE = Path(factfile.__file__).parent
# What the store may import of factfile: itself and what lies under every stage.
STORE_MAY_IMPORT = ("factfile.store", "factfile.records", "factfile.config", "factfile.errors")
# Calls that run SQL on a session, connection or cursor.
SQL_CALLS = {"execute", "executemany", "exec_driver_sql", "scalar", "scalars", "get"}
SQL_MODULES = ("sqlalchemy", "sqlite3", "psycopg", "factfile.store.schema")


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path}:{line}"


def test_store_imports_only_below_it():
    wrong = [
        f"{_where(path, line)} imports {name}"
        for path in _modules("store")
        for line, name in _imports(path)
        if name.startswith("factfile") and not name.startswith(STORE_MAY_IMPORT)
    ]
    assert not wrong, "\n".join(wrong)


def _importers_of(prefixes: tuple[str, ...], paths: list[Path]) -> list[str]:
    return [
        f"{_where(path, line)} imports {name}"
        for path in paths
        for line, name in _imports(path)
        if name.startswith(prefixes)
    ]


def test_only_the_command_line_imports_it():
    """`factfile/cli` is the top layer: nothing else in the package imports it."""
    below = [path for path in PACKAGE.rglob("*.py") if (PACKAGE / "cli") not in path.parents]
    wrong = _importers_of(("factfile.cli",), below)
    assert not wrong, "\n".join(wrong)


def test_serve_holds_no_command_line():
    """Commands live in `factfile/cli`; a module under serve/ that speaks to a terminal is one misplaced."""
    wrong = _importers_of(("typer", "rich", "click"), _modules("serve"))
    assert not wrong, "\n".join(wrong)


def test_api_and_pages_do_not_import_each_other():
    """The REST API and the web pages share `serve/deps.py` and `serve/models.py`; `serve/app.py` mounts both."""
    wrong = _importers_of(("factfile.serve.web",), _modules("serve/api")) + _importers_of(
        ("factfile.serve.api",), _modules("serve/web")
    )
    assert not wrong, "\n".join(wrong)


def _user_facing() -> list[Path]:
    """The CLI, the REST API, the web pages and the exports."""
    return _modules("cli") + _modules("serve")


def test_user_facing_code_imports_no_sql():
    wrong = [
        f"{_where(path, line)} imports {name}"
        for path in _user_facing()
        for line, name in _imports(path)
        if name == "sqlalchemy" or name.startswith(SQL_MODULES)
    ]
    assert not wrong, "\n".join(wrong)


def test_user_facing_code_runs_no_sql():
    wrong = []
    for path in _user_facing():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS):
                continue
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if name in ("session", "connection", "cursor", "engine"):
                wrong.append(f"{_where(path, node.lineno)} calls {name}.{node.func.attr}")
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_a_violation(tmp_path):
    """The walkers above find what they look for (so a green run means something)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from factfile.relate import claims\nfrom sqlalchemy import select\nsession.execute(select(1))\n")
    names = [name for _, name in _imports(bad)]
    assert "factfile.relate" in names and "sqlalchemy" in names
    calls = [n.func.attr for n in ast.walk(ast.parse(bad.read_text())) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert "execute" in calls


def test_errors_become_output_in_one_place():
    """Commands and endpoints let `FactfileError`s through to cli/errors.py (the CLI's line and exit
    code) and serve/errors.py (the server's status and detail) instead of each catching and wording them."""
    wrong = []
    for path in _user_facing():
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = [n.id if isinstance(n, ast.Name) else getattr(n, "attr", "") for n in ast.walk(node.type)]
                if any(name.endswith(("FactfileError", "DecisionError", "StoreError", "NotFound", "KeyError")) for name in names):
                    wrong.append(f"{_where(path, node.lineno)} catches {', '.join(names)}")
    assert not wrong, "\n".join(wrong)


def _worded_errors(path: Path) -> list[str]:
    """Where a module answers an error itself: an `HTTPException` of its own, or an "error:" line printed
    before exiting, instead of raising a `FactfileError` for serve/errors.py or cli/errors.py to word."""
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name) and node.id == "HTTPException":
            wrong.append(f"{_where(path, node.lineno)} uses HTTPException")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("[red]error"):
            wrong.append(f"{_where(path, node.lineno)} prints its own error line")  # also an f-string's first part
    return wrong


def test_errors_are_worded_in_one_place():
    wrong = [line for path in _user_facing() if path.name != "errors.py" for line in _worded_errors(path)]
    assert not wrong, "\n".join(wrong)


def test_the_error_check_sees_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('raise HTTPException(404, "no actor")\nerr.print(f"[red]error:[/] no place {near!r}")\nerr.print("[red]error:[/] no input")\n')
    assert len(_worded_errors(bad)) == 3
