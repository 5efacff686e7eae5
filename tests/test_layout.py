"""Folder names show which code needs MkDocs: only `adapter/` may import it; the rest imports
and works with MkDocs unimportable."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import mkdocs_course

PACKAGE = Path(mkdocs_course.__file__).parent
ADAPTER = "mkdocs_course.adapter"


def _modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages([str(PACKAGE)], "mkdocs_course."))


def test_every_module_outside_the_adapter_imports_without_mkdocs():
    outside = [name for name in _modules() if name != ADAPTER and not name.startswith(ADAPTER + ".")]
    assert {
        "mkdocs_course.course.structure",
        "mkdocs_course.quiz.render",
        "mkdocs_course.badges.publish",
        "mkdocs_course.templates",
        "mkdocs_course.assets",
        "mkdocs_course.minify",
        "mkdocs_course.course.markers",
        # The Markdown extension front (for engines without plugins) must not need MkDocs either.
        "mkdocs_course.markdown",
        "mkdocs_course.markdown.project",
        "mkdocs_course.markdown.markers",
        "mkdocs_course.markdown.page",
        "mkdocs_course.markdown.publish",
        "mkdocs_course.markdown.state",
        "mkdocs_course.markdown.command",
    } <= set(outside)
    code = (
        "import importlib, json, sys\n"
        "sys.modules['mkdocs'] = None  # `import mkdocs` and every `mkdocs.*` now fail\n"
        "failed = {}\n"
        "for name in json.loads(sys.argv[1]):\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as error:\n"
        "        failed[name] = str(error)\n"
        "from mkdocs_course.templates import Fragments\n"
        "assert 'course-quiz__data' in Fragments().render('quiz.html', payload_json='{}')\n"
        "print(json.dumps(failed))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, json.dumps(outside)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {}


def test_the_adapter_holds_the_mkdocs_modules():
    adapter = [name.removeprefix(ADAPTER + ".") for name in _modules() if name.startswith(ADAPTER + ".")]
    assert {"plugin", "config", "navigation", "pages", "files", "material_fixes"} <= set(adapter)
    assert not (PACKAGE / "plugin.py").exists() and not (PACKAGE / "config.py").exists()
    code = "import sys; sys.modules['mkdocs'] = None\nimport mkdocs_course.adapter.plugin\n"
    blocked = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert blocked.returncode != 0 and "mkdocs" in blocked.stderr


def test_the_plugin_has_no_logic_of_its_own():
    """Each event only calls named steps: no loops, no error handling, no branch but `enabled`."""
    import ast

    tree = ast.parse((PACKAGE / "adapter" / "plugin.py").read_text(encoding="utf-8"))
    (plugin,) = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    for method in [node for node in plugin.body if isinstance(node, ast.FunctionDef)]:
        kinds = {type(node).__name__ for node in ast.walk(method)}
        assert not kinds & {"For", "While", "ListComp", "DictComp", "SetComp", "Try"}, method.name
        ifs = [node for node in ast.walk(method) if isinstance(node, ast.If)]
        assert all("enabled" in ast.unparse(node.test) for node in ifs), method.name
