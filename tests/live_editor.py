"""An editor's app server, for the live-site tests: saves what it is told, line by line.

Run with the live site's environment (its DATABASE_URL, EDGE_PURGE_URLS…). Each line on
stdin is `rename-song <slug> <new title>`; the song is saved as the admin saves it
(Model.save(), signals and all) and "saved" is printed once the change is committed.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from songs.models import Song  # noqa: E402


def main():
    for line in sys.stdin:
        command, slug, title = line.rstrip("\n").split(" ", 2)
        assert command == "rename-song", command
        with transaction.atomic():
            song = Song.objects.get(slug=slug)
            song.title = title
            song.save()
        print("saved", flush=True)


if __name__ == "__main__":
    main()
