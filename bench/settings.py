"""The site's settings, serving the site's URLs plus the framework floor (bench/urls.py).

`make bench` runs gunicorn with these for every row, so the floor passes through exactly
the middleware the pages do.
"""

from site_config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
