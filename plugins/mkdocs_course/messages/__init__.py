"""The words the course shows a learner, in the site's language (issue 12), without MkDocs.

- `catalogs/<language>.yml`: one catalog per language, keyed by area (`quiz`, `achievements`, ...),
  English complete and every other language falling back to it key by key.
- `catalog.py`: which catalog a site's `theme.language` picks, an author's overrides from
  mkdocs.yml, and `Messages`, the resolved words with plurals, numbers and lists as the locale writes them.
- `page.py`: the areas a page's widgets need, written into the page for the browser code
  (`assets/js/messages.js` reads them), so a page carries only its own language's words.

Messages to authors (build errors) stay English.
"""
