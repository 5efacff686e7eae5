"""Two accessibility faults in mkdocs-material 9's own page chrome, mended in every course page.

axe-core rates both serious, on every page of any material site: the search dialog has no name
(aria-dialog-name), and the footer's "Made with Material for MkDocs" is 4.47:1 on the footer where
WCAG AA asks 4.5:1 (color-contrast). A course promises accessible pages, so the plugin mends them
in the HTML rather than each site in its overrides. If material changes this markup the page is
left as it is, and tests/browser/test_accessibility.py says so.
"""

from __future__ import annotations

import re

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
# The search box's own label, in the site's language (material's `search.placeholder`).
_SEARCH_INPUT_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')
COPYRIGHT = '<div class="md-copyright">'
# The shade material gives the copyright's highlighted line: 70% white on the footer, over 7:1.
LEGIBLE_COPYRIGHT = '<div class="md-copyright" style="color: var(--md-footer-fg-color--light)">'


def mend(html: str) -> str:
    at = html.find(SEARCH_DIALOG)
    if at >= 0:
        label = _SEARCH_INPUT_LABEL.search(html, at, at + 2000)  # the box follows the dialog's tag
        html = html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG} aria-label="{label[1] if label else "Search"}"', 1)
    return html.replace(COPYRIGHT, LEGIBLE_COPYRIGHT, 1)
