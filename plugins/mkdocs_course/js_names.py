"""What a browser module's code declares and uses, read from its tokens, for bundle.py's scope
hoisting: the names a module declares at its top level, and which of some names it uses free
(not as a parameter or a local of its own). A reader, not a parser: what it cannot tell for sure
raises UnclearScript, and the bundler then keeps each module in its own scope.
"""

from __future__ import annotations

import re


class UnclearScript(Exception):
    """The code has a form this reader does not follow, so what a name means cannot be told."""


_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<comment>//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<name>\#?(?:[^\W\d]|\$)[\w$]*)
    |(?P<number>\.?\d(?:[\w.]|[eE][+-])*)
    |(?P<punct>\?\.(?!\d)|\.\.\.|=>|\$\{|.)""",
    re.VERBOSE | re.DOTALL,
)
_REGEX_LITERAL = re.compile(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*")
# After these a `/` starts a regular expression; after a name, a number, `)` or `]` it divides.
_BEFORE_EXPRESSION = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case"}
_BEFORE_EXPRESSION |= {"do", "else", "yield", "await"}
_OPENERS = {"{", "(", "[", "${"}
_CLOSERS = {"}", ")", "]"}


def _template_rest(text: str, position: int, tokens: list[tuple[str, str]], substitutions: list[bool]) -> int:
    """Reads template text from `position` (after its `` ` `` or `}`) to its end or its next `${`."""
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
        elif char == "`":
            tokens.append(("literal", "`"))
            return position + 1
        elif text.startswith("${", position):
            tokens.append(("punct", "${"))
            substitutions.append(True)
            return position + 2
        else:
            position += 1
    raise UnclearScript("a template literal does not end")


def read_tokens(text: str) -> list[tuple[str, str]]:
    """The code's tokens as (kind, text): "name", "punct" or "literal" (strings, numbers,
    templates and regular expressions as one literal each, their substitutions as code)."""
    tokens: list[tuple[str, str]] = []
    substitutions: list[bool] = []  # for each open `{` or `${`: whether it opened a substitution
    position = 0
    while position < len(text):
        char = text[position]
        if char == "`":
            position = _template_rest(text, position + 1, tokens, substitutions)
            continue
        if char == "}" and substitutions and substitutions[-1]:
            substitutions.pop()
            tokens.append(("punct", "}"))
            position = _template_rest(text, position + 1, tokens, substitutions)
            continue
        previous = tokens[-1] if tokens else ("punct", ";")
        expression_next = previous[0] == "punct" and previous[1] not in _CLOSERS
        if char == "/" and text[position + 1 : position + 2] not in ("/", "*"):
            if expression_next or (previous[0] == "name" and previous[1] in _BEFORE_EXPRESSION):
                match = _REGEX_LITERAL.match(text, position)
                if not match:
                    raise UnclearScript("a regular expression the check does not read")
                tokens.append(("literal", match[0]))
                position = match.end()
                continue
        match = _TOKEN.match(text, position)
        kind, value = match.lastgroup, match[0]
        position = match.end()
        if kind in ("space", "comment"):
            continue
        if value == "{":
            substitutions.append(False)
        elif value == "}" and substitutions:
            substitutions.pop()
        tokens.append(("literal" if kind in ("string", "number") else kind, value))
    return tokens


_CLOSER_OF = {"{": "}", "[": "]", "(": ")"}


def _pattern_names(tokens: list[tuple[str, str]], index: int, names: set[str]) -> int:
    """Adds the names a destructuring pattern (`{ a, b: c, d = 1, ...e }`, `[a, , b]`) or a
    parameter list (`(a, { b } = {})`) at `index` binds; returns the index after it."""
    opener = tokens[index][1]
    elements: list[list[int]] = [[]]
    depth = 0
    index += 1
    while index < len(tokens):
        value = tokens[index][1]
        if depth == 0 and value in (",", _CLOSER_OF[opener]):
            if value == _CLOSER_OF[opener]:
                break
            elements.append([])
        else:
            depth += (value in _OPENERS) - (value in _CLOSERS)
            elements[-1].append(index)
        index += 1
    for element in filter(None, elements):
        values = [tokens[i][1] for i in element]
        if opener == "{" and ":" in values:
            element = element[values.index(":") + 1 :]
            values = [tokens[i][1] for i in element]
        if "=" in values:
            element = element[: values.index("=")]
        if element and tokens[element[0]][1] == "...":
            element = element[1:]
        if len(element) == 1 and tokens[element[0]][0] == "name":
            names.add(tokens[element[0]][1])
        elif element and tokens[element[0]][1] in ("{", "["):
            _pattern_names(tokens, element[0], names)
        else:
            raise UnclearScript("a destructuring the check does not read")
    return index + 1


def _declarators(tokens: list[tuple[str, str]], index: int, names: set[str], *, top_level: bool) -> int:
    """Adds the names of `const a = 1, { b } = c;` (from after its keyword); returns the index
    after its `;`. At the top level, function and class names in the initialisers count too
    (more refusals, never fewer)."""
    while index < len(tokens):
        kind, value = tokens[index]
        if value in ("{", "["):
            index = _pattern_names(tokens, index, names)
        elif kind == "name":
            names.add(value)
            index += 1
        else:
            raise UnclearScript("a declaration the check does not read")
        depth = 0
        while index < len(tokens):
            kind, value = tokens[index]
            if depth == 0 and value in (",", ";"):
                break
            if depth == 0 and value in ("const", "let", "var"):
                raise UnclearScript("a declaration without its semicolon")
            named = index + 1 < len(tokens) and tokens[index + 1][0] == "name"
            if top_level and value in ("function", "class") and named:
                names.add(tokens[index + 1][1])
            depth += (value in _OPENERS) - (value in _CLOSERS)
            index += 1
        if index >= len(tokens) or tokens[index][1] == ";":
            return index + 1
        index += 1
    return index


def _declared_names(tokens: list[tuple[str, str]], *, top_level: bool) -> set[str]:
    """The names the code declares outside any brace, parenthesis or bracket of its own. At the
    top level more names are better (a refusal at worst); in a block fewer are (a name taken for
    a local one is not checked), so there a function or class counts only as a statement."""
    names: set[str] = set()
    depth = 0
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        if top_level and kind == "name" and value == "var" and depth:
            raise UnclearScript("a `var` below the top level")
        if depth == 0 and kind == "name" and value in ("const", "let", "var"):
            index = _declarators(tokens, index + 1, names, top_level=top_level)
            continue
        if depth == 0 and kind == "name" and value in ("function", "class"):
            before = [token[1] for token in tokens[max(index - 2, 0) : index] if token[1] != "async"]
            statement = not before or before[-1] in (";", "{", "}")
            following = [token for token in tokens[index + 1 : index + 3] if token[1] != "*"]
            if (top_level or statement) and following and following[0][0] == "name":
                names.add(following[0][1])
        depth += (value in _OPENERS) - (value in _CLOSERS)
        index += 1
    return names


def top_level_names(tokens: list[tuple[str, str]]) -> set[str]:
    return _declared_names(tokens, top_level=True)


def _references(tokens: list[tuple[str, str]]) -> list[int]:
    """Where the code names something it may mean as a variable: every name but properties
    (`x.name`, `#name`) and object keys (`{ name: x }`)."""
    found = []
    for index, (kind, value) in enumerate(tokens):
        if kind != "name" or value.startswith("#"):
            continue
        before = tokens[index - 1][1] if index else ";"
        after = tokens[index + 1][1] if index + 1 < len(tokens) else ";"
        if before in (".", "?.") or (before in ("{", ",") and after == ":"):
            continue
        found.append(index)
    return found


def _closers(tokens: list[tuple[str, str]]) -> dict[int, int]:
    """The index of each opener's closing token."""
    closers, open_at = {}, []
    for index, (kind, value) in enumerate(tokens):
        if kind == "punct" and value in _OPENERS:
            open_at.append(index)
        elif kind == "punct" and value in _CLOSERS and open_at:
            closers[open_at.pop()] = index
    if open_at:
        raise UnclearScript("brackets that do not close")
    return closers


def _expression_end(tokens: list[tuple[str, str]], index: int, closers: dict[int, int]) -> int:
    """The last index of the expression (an arrow's body, a loop's one statement) from `index`;
    at a `:` it may end early, which only leaves more names to check."""
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "punct" and value in _OPENERS:
            index = closers[index] + 1
            continue
        if value in _CLOSERS or value in (",", ";", ":", "const", "let", "var"):
            return index - 1
        index += 1
    return index - 1


def _body_end(tokens: list[tuple[str, str]], index: int, closers: dict[int, int]) -> int:
    """The last index of a function's or a statement's body starting at `index`."""
    if index < len(tokens) and tokens[index] == ("punct", "{"):
        return closers[index]
    return _expression_end(tokens, index, closers)


def _parameter_scope(tokens: list[tuple[str, str]], index: int, closers: dict[int, int]) -> tuple[int, set[str]]:
    """For the `(` at `index`: where the names it binds (parameters, a `catch` binding, a loop's
    declarations) reach, and those names; (-1, set()) when it binds none."""
    close = closers[index]
    before = [token[1] for token in tokens[max(index - 2, 0) : index]]
    after = tokens[close + 1][1] if close + 1 < len(tokens) else ";"
    names: set[str] = set()
    if before[-1:] == ["for"]:
        return _body_end(tokens, close + 1, closers), _declared_names(tokens[index + 1 : close], top_level=False)
    if after == "=>":
        _pattern_names(tokens, index, names)
        return _body_end(tokens, close + 2, closers), names
    back = [token[1] for token in tokens[max(index - 3, 0) : index]]
    if back[-1:] != ["function"] and tokens[index - 1][0] == "name":
        back.pop()  # the function's name
    function = back[-1:] == ["function"] or back[-2:] == ["function", "*"]
    method = after == "{" and tokens[index - 1][0] == "name" and before[-1] not in ("if", "while", "switch", "with")
    if function or method:
        _pattern_names(tokens, index, names)
        return _body_end(tokens, close + 1, closers), names
    return -1, names


def free_references(tokens: list[tuple[str, str]], candidates: set[str]) -> set[str]:
    """Which of `candidates` the code names outside every scope of its own that binds them
    (blocks, parameters, loop heads, arrow parameters): those it means from the module's top
    level or as globals."""
    closers = _closers(tokens)
    scopes: list[tuple[int, int, set[str]]] = []
    for index, (kind, value) in enumerate(tokens):
        if kind == "punct" and value == "{":
            scopes.append((index, closers[index], _declared_names(tokens[index + 1 : closers[index]], top_level=False)))
        elif kind == "punct" and value == "(":
            end, names = _parameter_scope(tokens, index, closers)
            scopes.append((index, end, names))
        elif kind == "name" and index + 1 < len(tokens) and tokens[index + 1][1] == "=>":
            scopes.append((index, _body_end(tokens, index + 2, closers), {value}))
    free = set()
    for index in _references(tokens):
        name = tokens[index][1]
        if name in candidates and not any(start <= index <= end and name in names for start, end, names in scopes):
            free.add(name)
    return free
