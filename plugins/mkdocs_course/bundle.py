"""One file for each widget page: a widget's module with the modules it imports written into it.

Every response is gzipped on its own, so each extra module costs a page about 180 bytes of
compression it cannot share (the quiz page's nine files cost 1.6 KB more than one). A built site
therefore publishes each widget module (the quiz, the achievements page) with its static imports
inlined. Modules that the entry script already loaded on every page stay real imports, so nothing
is fetched twice. `mkdocs serve` publishes the modules as written.

The inlined modules are scope hoisted, as Rollup does: their bodies follow one another in the
bundle's own module scope, each after the modules it imports, their `export` keywords and import
lines gone (an imported name is the declaring module's own top-level name; `import { a as b }`
becomes `const b = a;`), and what stays external is read once at the top
(`import * as module_x from "..."; const { a, b } = module_x;`). That saves each module a function
wrapper, an exports object and its destructuring (30 to 50 bytes gzipped apiece). It is safe only
when one scope changes no name's meaning, so `bundle` hoists only when (1) no top-level name
(a declaration, an import alias, an external import) stands for two things, and (2) no module uses a
name another module declares at top level without importing it (it means a global). For (2)
js_names.py reads each module's names outside strings, comments and regular expressions, and
its scopes (blocks, parameters, loop heads, arrow functions) only as far as needed to tell a local
of the same name, erring towards "used". When either fails, or the code has something the check
does not read (a `var` below the top level, an unusual destructuring), the bundle falls back to one
function scope per module: `const module_x = (() => { ...; return { a, b }; })();`, read with
`const { a, b } = module_x;`. `hoisting_refused` says why.

This reads only the module style of `assets/js`, which `tests/test_browser_sources.py` holds to:
named imports and exports on lines of their own. Anything else raises `BundleError`, a mistake
in the package's own code.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .js_names import UnclearScript, free_references, read_tokens, top_level_names

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
    return _addresses_from_bundle(module, text, bundle_dir)


def _addresses_from_bundle(module: _Module, text: str, bundle_dir: Path) -> str:
    """`text` (the module's code) with `import.meta.url` and `import("./x.js")` read from the bundle."""
    text = _DYNAMIC_IMPORT.sub(
        lambda match: f'import("{_url_from(bundle_dir, (module.path.parent / match[1]).resolve())}")', text
    )
    own_url = _url_from(bundle_dir, module.path)
    return text.replace("import.meta.url", f'new URL("{own_url}", import.meta.url).href')


def static_imports(entry: Path) -> set[Path]:
    """The entry and every module it imports statically, however deep."""
    return {module.path for module in _in_order(entry, set())}


def bundle(entry: Path, *, external: set[Path], root: Path) -> str:
    """The text of `entry` with every module it imports written into it, except `external` ones:
    scope hoisted when that is safe, each module in a function scope of its own otherwise.

    `root` is the folder of the modules (their variable names are their paths in it).
    """
    return _bundled(entry, external, root)[0]


def hoisting_refused(entry: Path, *, external: set[Path], root: Path) -> str | None:
    """Why `bundle` writes `entry` with a function scope per module, or None when it hoists."""
    return _bundled(entry, external, root)[1]


def _bundled(entry: Path, external: set[Path], root: Path) -> tuple[str, str | None]:
    """The bundle's text, and why it is not hoisted (None when it is)."""
    root = root.resolve()
    external = {path.resolve() for path in external}
    modules = _in_order(entry.resolve(), external)
    variables = {path: _variable(path, root) for path in {*external, *(module.path for module in modules)}}
    try:
        return _hoisted(modules, external, variables, root), None
    except (_NotHoisted, UnclearScript) as refusal:
        return _wrapped(modules, external, variables, root), str(refusal)


def _wrapped(modules: list[_Module], external: set[Path], variables: dict[Path, str], root: Path) -> str:
    """Each inlined module in a function scope of its own, handing out its exports as an object."""
    entry = modules[-1].path
    bundle_dir = entry.parent
    used_external = sorted(
        {dependency for module in modules for _, dependency in module.imports + module.reexports} & external
    )
    lines = [f'import * as {variables[path]} from "{_url_from(bundle_dir, path)}";' for path in used_external]
    for module in modules[:-1]:
        body = _EXPORT_DECLARATION.sub("", _rewrite_body(module, bundle_dir, variables, entry=False))
        lines += [
            f"// {module.path.relative_to(root).as_posix()}",
            f"const {variables[module.path]} = (() => {{",
            body.rstrip(),
            f"return {{ {_export_entries(module, variables)} }};",
            "})();",
        ]
    lines += [
        f"// {entry.relative_to(root).as_posix()}",
        _rewrite_body(modules[-1], bundle_dir, variables, entry=True),
    ]
    return "\n".join(lines) + "\n"


# Scope hoisting -------------------------------------------------------------------------------


class _NotHoisted(Exception):
    """Hoisting could change what a name means (or the check cannot tell): wrap instead."""


def _parts(names: str) -> list[tuple[str, str]]:
    """`a, b as c` as [("a", "a"), ("b", "c")]: (name in the module, name here)."""
    parts = []
    for part in (part.strip() for part in names.split(",") if part.strip()):
        original, _, local = part.partition(" as ")
        parts.append((original.strip(), (local or original).strip()))
    return parts


def _declaring(path: Path, name: str, by_path: dict[Path, _Module]) -> tuple[Path, str]:
    """Where `name`, exported by `path`, is declared: through re-exports, an inlined module and
    its top-level name, or an external module and its export."""
    module = by_path.get(path)
    if module is None or name in module.exports:
        return path, name
    for names, target in module.reexports:
        for original, exported in _parts(names):
            if exported == name:
                return _declaring(target, original, by_path)
    raise BundleError(f"{path.name} does not export {name}")


class _Hoisting:
    """The bundle's one scope as the modules fill it: each top-level name and what it stands for."""

    def __init__(self, modules: list[_Module], external: set[Path]) -> None:
        self.entry = modules[-1]
        self.by_path = {module.path: module for module in modules}
        self.external = external
        self.meanings: dict[str, tuple] = {}
        self.from_external: dict[Path, dict[str, str]] = {}  # external module -> {name here: its export}

    def declare(self, name: str, meaning: tuple) -> bool:
        """Records that `name` stands for `meaning`; whether it is new (False: it did already)."""
        if name not in self.meanings:
            self.meanings[name] = meaning
            return True
        if self.meanings[name] != meaning:
            raise _NotHoisted(f"two top-level `{name}`")
        return False

    def body(self, module: _Module, bundle_dir: Path) -> tuple[str, set[str], list[tuple[str, str]]]:
        """The module's code for the one scope, the names it binds there (declared or imported)
        and its tokens."""
        own: set[str] = set()
        aliases: list[str] = []  # `const b = a;`, first in the body: `a` is declared before it
        text = _IMPORT.sub(lambda match: self._import(module, match, own, aliases), module.text)
        text = _REEXPORT.sub(lambda match: self._reexport(module, match, own), text)
        text = _addresses_from_bundle(module, text, bundle_dir)
        if module is not self.entry:
            text = _EXPORT_DECLARATION.sub("", text)
        tokens = read_tokens(text)
        for name in top_level_names(tokens):
            self.declare(name, ("declared", module.path))
            own.add(name)
        return "\n".join([*aliases, text]), own, tokens

    def _declaring(self, module: _Module, source: str, name: str) -> tuple[Path, str]:
        """Where `name`, exported by the module `source` (as `module` imports it), is declared."""
        return _declaring((module.path.parent / source).resolve(), name, self.by_path)

    def _import(self, module: _Module, match: re.Match, own: set[str], aliases: list[str]) -> str:
        """An import line, gone: a name declared under the same name is the same variable now,
        `a as b` adds `const b = a;` to `aliases`, and an external's name is read at the top."""
        for original, local in _parts(match[1]):
            path, name = self._declaring(module, match[2], original)
            own.add(local)
            if path in self.external:
                if self.declare(local, ("external", path, name)):
                    self.from_external.setdefault(path, {})[local] = name
            elif local != name and self.declare(local, ("alias", path, name)):
                aliases.append(f"const {local} = {name};")
        return ""

    def _reexport(self, module: _Module, match: re.Match, own: set[str]) -> str:
        """The entry's `export { a as b } from "./x.js"` as `export { a as b };` (still `from` an
        external module); an inlined module's re-exports are only read through (`_declaring`)."""
        if module is not self.entry:
            return ""
        local, outside = [], []
        for original, exported in _parts(match[1]):
            path, name = self._declaring(module, match[2], original)
            part = name if name == exported else f"{name} as {exported}"
            if path in self.external:
                outside.append(f'export {{ {part} }} from "{_url_from(module.path.parent, path)}";')
            else:
                own.add(name)
                local.append(part)
        return "\n".join(([f"export {{ {', '.join(local)} }};"] if local else []) + outside)


def _hoisted(modules: list[_Module], external: set[Path], variables: dict[Path, str], root: Path) -> str:
    """The modules' bodies one after another in one scope; `_NotHoisted` when that is not safe."""
    bundle_dir = modules[-1].path.parent
    hoisting = _Hoisting(modules, external)
    bodies, uses = [], []
    for module in modules:
        text, own, tokens = hoisting.body(module, bundle_dir)
        bodies.append(f"// {module.path.relative_to(root).as_posix()}\n{text.rstrip()}")
        uses.append((module, own, tokens))
    for path in hoisting.from_external:
        hoisting.declare(variables[path], ("namespace", path))
    for module, own, tokens in uses:
        taken = free_references(tokens, hoisting.meanings.keys() - own)
        if taken:
            raise _NotHoisted(f"{module.path.name} uses {', '.join(sorted(taken))}, declared by another module")
    lines = []
    for path, names in sorted(hoisting.from_external.items()):
        entries = ", ".join(local if name == local else f"{name}: {local}" for local, name in names.items())
        lines += [
            f'import * as {variables[path]} from "{_url_from(bundle_dir, path)}";',
            f"const {{ {entries} }} = {variables[path]};",
        ]
    return "\n".join(lines + bodies) + "\n"
