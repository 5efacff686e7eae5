"""Settings for every test.

The sample's mkdocs.yml reads `site_url` from SITE_URL, as a build to publish sets it; without it
the sample names a local address, which a build warns about (badges would name the course by it),
and `--strict` fails. Tests build the sample as it is published, at a made-up public address,
unless SITE_URL is set already.
"""

from __future__ import annotations

import os

os.environ.setdefault("SITE_URL", "https://courses.example/rejected-regroup-reapply/")
