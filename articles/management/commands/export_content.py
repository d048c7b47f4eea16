"""python manage.py export_content ARCHIVE: the whole content in one zip file."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.backups import describe, export_content
from core.backups import BackupError


class Command(BaseCommand):
    help = (
        "Write every article, entry, related pick, song, artist, mood, audience and tag link, "
        "the stored versions, the bylines' authors (username and name) and every media file "
        "to one zip archive. Restore it with import_content."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The zip file to write; it must not exist yet.")

    def handle(self, *args, archive, **options):
        started = time.monotonic()
        try:
            summary = export_content(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from None
        for name in summary.missing_media:
            self.stderr.write(f"Not in the media storage, so not in the archive: {name}")
        self.stdout.write(
            f"Exported {describe(summary)} to {archive} in {time.monotonic() - started:.1f}s."
        )
