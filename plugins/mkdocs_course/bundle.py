"""One file for each widget page: a widget's module with the modules it imports written into it.

Every response is gzipped on its own, so each extra module costs a page about 180 bytes of
compression it cannot share (the quiz page's nine files cost 1.6 KB more than one). A built site
therefore publishes each widget module (the quiz, the achievements page) with its static imports
inlined, each in its own function scope, as bundlers do. Modules that the entry script already
loaded on every page stay real imports, so nothing is fetched twice. `mkdocs serve` publishes the
modules as written.

This reads only the module style of `assets/js`, which `tests/test_browser_sources.py` holds to:
named imports and exports on lines of their own. Anything else raises `BundleError`, a mistake
in the package's own code.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

_IMPORT = re.compile(r'^import \{([^}]*)\} from "(\.{1,2}/[^"]+\.js)";$', re.MULTILINE)
_REEXPORT = re.compile(r'^export \{([^}]*)\} from "(\.{1,2}/[^"]+\.js)";$', re.MULTILINE)
_EXPORT_DECLARATION = re.compile(
    r"^export (?=(?:async function|function|class|const|let) ([A-Za-z_$][\w$]*))", re.MULTILINE
)
_ANY_MODULE_SYNTAX = re.compile(r"^(?:import|export)\b.*$", re.MULTILINE)
_DYNAMIC_IMPORT = re.compile(r'\bimport\("(\.{1,2}/[^"]+\.js)"\)')


class BundleError(Exception):
    """A module of the package uses syntax the bundler does not read."""


@dataclass
class _Module:
    path: Path
    text: str
    imports: list[tuple[str, Path]] = field(default_factory=list)  # (names, module), as written
    reexports: list[tuple[str, Path]] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)  # declared here


def _names_as_destructuring(names: str) -> str:
    """`a, b as c` (import syntax) as `a, b: c` (destructuring syntax)."""
    parts = [part.strip() for part in names.split(",") if part.strip()]
    return ", ".join(re.sub(r"^([\w$]+) as ([\w$]+)$", r"\1: \2", part) for part in parts)


def _export_entries(module: _Module, variables: dict[Path, str]) -> str:
    """What an inlined module hands out: `{ declared, reexported: module_x.name }`."""
    entries = list(module.exports)
    for names, target in module.reexports:
        for part in (part.strip() for part in names.split(",") if part.strip()):
            original, _, exported = part.partition(" as ")
            entries.append(f"{exported or original}: {variables[target]}.{original}")
    return ", ".join(entries)


def _read(path: Path) -> _Module:
    text = path.read_text(encoding="utf-8")
    module = _Module(path, text)
    module.imports = [(names, (path.parent / target).resolve()) for names, target in _IMPORT.findall(text)]
    module.reexports = [(names, (path.parent / target).resolve()) for names, target in _REEXPORT.findall(text)]
    module.exports = _EXPORT_DECLARATION.findall(text)
    understood = len(module.imports) + len(module.reexports) + len(_EXPORT_DECLARATION.findall(text))
    if len(_ANY_MODULE_SYNTAX.findall(text)) != understood:
        raise BundleError(f"{path.name}: an import or export the bundler does not read (see bundle.py)")
    return module


def _in_order(entry: Path, external: set[Path]) -> list[_Module]:
    """The entry and every module it imports (not `external` ones), each after its imports."""
    ordered: list[_Module] = []
    seen: set[Path] = set()

    def visit(path: Path, chain: tuple[Path, ...]) -> None:
        if path in chain:
            raise BundleError(f"import cycle: {' -> '.join(p.name for p in (*chain, path))}")
        if path in seen or path in external:
            return
        module = _read(path)
        for _, dependency in module.imports + module.reexports:
            visit(dependency, (*chain, path))
        seen.add(path)
        ordered.append(module)

    visit(entry.resolve(), ())
    return ordered


def _url_from(bundle_dir: Path, target: Path) -> str:
    relative = posixpath.relpath(target.as_posix(), bundle_dir.as_posix())
    return relative if relative.startswith(".") else f"./{relative}"


def _variable(path: Path, root: Path) -> str:
    return "module_" + re.sub(r"\W", "_", path.relative_to(root).with_suffix("").as_posix())


def _rewrite_body(module: _Module, bundle_dir: Path, variables: dict[Path, str], *, entry: bool) -> str:
    """The module's code with its imports read from the variables that hold them, and its
    addresses (`import.meta.url`, `import("./x.js")`) made relative to the bundle. The entry's
    re-exports stay exports; an inlined module's are handed out by `_export_entries`."""
    text = _IMPORT.sub(
        lambda match: (
            f"const {{ {_names_as_destructuring(match[1])} }} = {variables[(module.path.parent / match[2]).resolve()]};"
        ),
        module.text,
    )
    text = _REEXPORT.sub(
        lambda match: (
            f"export const {{ {_names_as_destructuring(match[1])} }} = "
            f"{variables[(module.path.parent / match[2]).resolve()]};"
            if entry
            else ""
        ),
        text,
    )
    text = _DYNAMIC_IMPORT.sub(
        lambda match: f'import("{_url_from(bundle_dir, (module.path.parent / match[1]).resolve())}")', text
    )
    own_url = _url_from(bundle_dir, module.path)
    return text.replace("import.meta.url", f'new URL("{own_url}", import.meta.url).href')


def static_imports(entry: Path) -> set[Path]:
    """The entry and every module it imports statically, however deep."""
    return {module.path for module in _in_order(entry, set())}


def bundle(entry: Path, *, external: set[Path], root: Path) -> str:
    """The text of `entry` with every module it imports written into it, except `external` ones.

    `root` is the folder of the modules (their variable names are their paths in it).
    """
    entry = entry.resolve()
    external = {path.resolve() for path in external}
    modules = _in_order(entry, external)
    bundle_dir = entry.parent
    variables = {path: _variable(path, root.resolve()) for path in external}
    variables |= {module.path: _variable(module.path, root.resolve()) for module in modules}
    used_external = sorted(
        {dependency for module in modules for _, dependency in module.imports + module.reexports} & external
    )
    lines = [f'import * as {variables[path]} from "{_url_from(bundle_dir, path)}";' for path in used_external]
    for module in modules[:-1]:
        body = _EXPORT_DECLARATION.sub("", _rewrite_body(module, bundle_dir, variables, entry=False))
        lines += [
            f"// {module.path.relative_to(root.resolve()).as_posix()}",
            f"const {variables[module.path]} = (() => {{",
            body.rstrip(),
            f"return {{ {_export_entries(module, variables)} }};",
            "})();",
        ]
    lines += [
        f"// {entry.relative_to(root.resolve()).as_posix()}",
        _rewrite_body(modules[-1], bundle_dir, variables, entry=True),
    ]
    return "\n".join(lines) + "\n"
