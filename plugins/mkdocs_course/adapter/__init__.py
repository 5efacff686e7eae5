"""The MkDocs adapter: the only code that knows MkDocs and mkdocs-material.

Everything else in the package (course/, quiz/, badges/, templates/, assets.py, minify.py,
errors.py) works without MkDocs, and tests/test_layout.py keeps it so.
"""
