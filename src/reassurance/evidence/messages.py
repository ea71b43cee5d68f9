"""The evidence base's problems in words: each names file, row, column and
value, then what is wrong (reassurance.evidence.load reports them).

Frictionless's errors are turned into such lines here; so are the problems
found before Frictionless reads a cell (a path leading out of data/, a file
that is not UTF-8 or uses another delimiter), which it would report once per
cell or without a row. A file's list is capped, so a pasted page cannot bury
the rest.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frictionless import FrictionlessException, Package


def describe(resource_path: str, error, schema=None) -> str:
    """One line per error: file, row, column, value, then what is wrong."""
    parts = [f"data/{resource_path}"]
    row = getattr(error, "row_number", None)
    if row is not None:
        parts.append(f"row {row}")
    if error.type in ("missing-label", "incorrect-label", "extra-label", "blank-label", "duplicate-label"):
        # The header is row 1; name the column the schema expects and the label found.
        parts.append("row 1 (header)")
        if getattr(error, "field_name", None):
            parts.append(f"column {error.field_name!r}")
        parts.append(f"value {getattr(error, 'label', '')!r}")
        return f"{', '.join(parts)}: [{error.type}] {error.note or error.description}"
    # A label error for a stray column has no field name, only its label.
    field = getattr(error, "field_name", None) or getattr(error, "label", None)
    if error.type == "foreign-key":
        # Name the referencing column(s) and the value(s) that match nothing.
        parts.append(_columns(error.field_names))
        parts.append(_values(error.field_cells))
    elif error.type == "primary-key" and schema is not None and hasattr(error, "cells"):
        # Name the key column(s) and the repeated key, not the whole row.
        key = list(schema.primary_key)
        names = [f.name for f in schema.fields]
        cells = list(error.cells) + [""] * len(names)
        parts.append(_columns(key))
        parts.append(_values([cells[names.index(k)] for k in key if k in names]))
    else:
        if field:
            parts.append(f"column {field!r}")
        if hasattr(error, "cell"):
            parts.append(f"value {shorten(error.cell)}")
        elif hasattr(error, "cells") and error.cells:
            parts.append(f"values {list(error.cells)!r}")
    return f"{', '.join(parts)}: [{error.type}] {error.note or error.description}"


# A value longer than this is cut in a message (a pasted page would bury the list).
MAX_VALUE_SHOWN = 80


def shorten(value) -> str:
    """repr() of a cell's value, cut after MAX_VALUE_SHOWN characters with its length said."""
    text = str(value)
    if len(text) <= MAX_VALUE_SHOWN:
        return repr(text)
    return f"{text[:MAX_VALUE_SHOWN]!r}… ({len(text):,} characters)"


def _columns(names) -> str:
    names = list(names)
    return f"column {names[0]!r}" if len(names) == 1 else f"columns {names!r}"


def _values(cells) -> str:
    cells = list(cells)
    return f"value {cells[0]!r}" if len(cells) == 1 else f"values {cells!r}"


def resource_bytes(package: Package):
    """(resource, its file's bytes) for every resource whose file exists;
    Frictionless names a missing file itself."""
    base = Path(package.basepath or ".")
    for resource in package.resources:
        file = base / resource.path
        if file.is_file():
            yield resource, file.read_bytes()


def encoding_problems(package: Package) -> list[str]:
    """Name every cell whose bytes are not in the resource's declared encoding.

    Frictionless stops at the first undecodable chunk without naming a row;
    this check decodes each file first and names file, row, column and value
    (undecodable bytes shown as \\xNN escapes).
    """
    problems = []
    for resource, raw in resource_bytes(package):
        encoding = resource.encoding or "utf-8"
        try:
            raw.decode(encoding)
            continue
        except (UnicodeDecodeError, LookupError):
            pass
        delimiter = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
        text = raw.decode(encoding, errors="surrogateescape")
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] = []
        for number, cells in enumerate(rows, start=1):
            if number == 1:
                header = cells
            for index, cell in enumerate(cells):
                try:
                    cell.encode(encoding)
                except UnicodeEncodeError:
                    shown = cell.encode(encoding, errors="surrogateescape").decode(encoding, errors="backslashreplace")
                    parts = [f"data/{resource.path}", f"row {number}"]
                    if number > 1 and index < len(header):
                        parts.append(f"column {header[index].encode(encoding, 'surrogateescape').decode(encoding, 'backslashreplace')!r}")
                    parts.append(f"value {shown!r}")
                    problems.append(f"{', '.join(parts)}: [encoding-error] bytes that are not valid {encoding}")
    return problems


# At most this many problems are listed per file; the rest are counted.
MAX_PROBLEMS_PER_FILE = 20
# Delimiters a spreadsheet may have used instead of the declared one.
_OTHER_DELIMITERS = (";", "\t", "|", ",")


def unsafe_paths(path: Path) -> list[str]:
    """Every resource path that is not a regular file inside data/ (checked before any file is read).

    A symbolic link or a path leading out of data/ is refused by name only:
    its target is never opened, so its contents cannot appear in a message.
    """
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{descriptor_name(path)}: [package-error] the descriptor cannot be read as JSON: {exc}"]
    base = path.parent.resolve()
    problems = []
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    for resource in resources if isinstance(resources, list) else []:
        name = resource.get("path") if isinstance(resource, dict) else None
        names = name if isinstance(name, list) else [name]
        for item in names:
            if not isinstance(item, str) or not item:
                problems.append(f"{descriptor_name(path)}: [unsafe-path] a resource has no file path; name one file inside data/")
                continue
            shown = item if Path(item).is_absolute() or "://" in item else f"data/{item}"
            file = path.parent / item
            if "://" in item or Path(item).is_absolute() or ".." in Path(item).parts:
                problems.append(f"{shown}: [unsafe-path] the path leads outside data/; data files must be inside data/")
            elif any(p.is_symlink() for p in (file, *file.parents) if p.is_relative_to(path.parent) and p != path.parent):
                problems.append(f"{shown}: [unsafe-path] the file is a symbolic link; replace it with a regular file inside data/")
            elif file.exists() and not file.is_file():
                problems.append(f"{shown}: [unsafe-path] not a regular file; data files must be regular files inside data/")
            elif file.exists() and not file.resolve().is_relative_to(base):
                problems.append(f"{shown}: [unsafe-path] the path leads outside data/; data files must be inside data/")
    return problems


def descriptor_name(path: Path) -> str:
    """The descriptor's name as the user knows it (data/datapackage.json)."""
    return f"data/{path.name}" if path.parent.name == "data" else str(path)


def format_problems(package: Package) -> list[str]:
    """Encoding and delimiter problems, said in words, one line per file.

    A UTF-16 file or a file split by another delimiter would otherwise give
    one error per cell; the user needs to know only how to save the file.
    """
    problems = []
    for resource, raw in resource_bytes(package):
        shown = f"data/{resource.path}"
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (raw[:200].count(b"\0") > len(raw[:200]) // 4 > 0):
            problems.append(f"{shown}: [encoding-error] this file is UTF-16; save it as UTF-8")
            continue
        if raw.startswith(codecs.BOM_UTF8):
            problems.append(f"{shown}: [encoding-error] this file starts with a byte-order mark; save it as UTF-8 without one")
            continue
        declared = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
        header = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        if declared not in header:
            used = max(_OTHER_DELIMITERS, key=header.count)
            if used != declared and header.count(used):
                problems.append(
                    f"{shown}: [delimiter] this file seems to use {used!r} as its delimiter; "
                    f"the Data Package declares {declared!r}: save it with {declared!r}"
                )
    return problems


def capped(problems: list[str]) -> list[str]:
    """At most MAX_PROBLEMS_PER_FILE lines per file, then how many more there are."""
    seen: dict[str, int] = {}
    kept = []
    for problem in problems:
        file = problem.split(",", 1)[0].split(":", 1)[0]
        seen[file] = seen.get(file, 0) + 1
        if seen[file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
    kept += [f"{file}: ... and {n - MAX_PROBLEMS_PER_FILE} more problem(s) in this file" for file, n in seen.items() if n > MAX_PROBLEMS_PER_FILE]
    return kept


def package_error(path: Path, exc: FrictionlessException) -> str:
    """Frictionless's own reason for refusing the package, and the one underneath."""
    error = exc.error
    reasons = [r for r in (error.note, getattr(error, "message", "")) if r]
    reason = reasons[0] if reasons else error.description
    cause = exc.__cause__ or exc.__context__
    if cause is not None and str(cause) and str(cause) not in reason:
        reason += f" ({cause})"
    return f"{descriptor_name(path)}: [{error.type}] {reason}"
