# Sourced by scripts/serve and scripts/test: make the project's virtual environment and install
# the project into it, so that no command touches the system Python (Debian 12 and Ubuntu 24.04
# refuse `pip install` there: PEP 668, "externally-managed-environment").
#
#   source scripts/venv.sh; ensure_venv '.'        # or '.[test]'
#
# PYTHON: the interpreter that makes the environment (default: the first python3 on PATH).
# VENV:   where the environment lives (default: .venv in the repository).
# Leaves VENV set to its absolute path; $VENV/bin/python is the environment's interpreter.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-$REPO/.venv}"
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs Debian packages that are missing, with apt-get (sudo only when not root).
apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

ensure_venv() {
  local spec="$1"
  if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "scripts: $PYTHON not found; install Python 3.10 or later (Debian: apt-get install python3)" >&2
    return 1
  fi
  if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    rm -rf "$VENV"
    # Debian's and Ubuntu's python3 make virtual environments only with python3-venv (ensurepip).
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
      rm -rf "$VENV"
      if ! command -v apt-get >/dev/null 2>&1; then
        "$PYTHON" -m venv "$VENV" # fails again, saying why
        return 1
      fi
      local minor
      minor="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
      echo "scripts: installing python3-venv: $PYTHON cannot make a virtual environment without it" >&2
      apt_install python3-venv "python$minor-venv"
      "$PYTHON" -m venv "$VENV"
    fi
    # Never committed, whatever the repository's .gitignore says (Python 3.13's venv does the same).
    printf '*\n' >"$VENV/.gitignore"
  fi
  # Installs again only when pyproject.toml or what is asked for changed: the install is editable,
  # so edits to the plugin's code need no reinstall.
  local stamp stamp_file
  stamp="$(cksum <"$REPO/pyproject.toml")"
  stamp_file="$VENV/.mkdocs-course-installed-$(printf '%s' "$spec" | tr -c 'a-z' '_')"
  if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    (cd "$REPO" && "$VENV/bin/python" -m pip install -q -e "$spec")
    printf '%s' "$stamp" >"$stamp_file"
  fi
}
