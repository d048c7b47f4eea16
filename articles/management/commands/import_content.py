"""python manage.py import_content ARCHIVE: restore an export_content archive into an
empty database, keys and media files as they were."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.backups import describe, import_content
from core.backups import BackupError


class Command(BaseCommand):
    help = (
        "Restore an archive written by export_content into a migrated database that holds "
        "no content yet. Refuses, changing nothing, if content exists or the archive is "
        "damaged or not one of ours."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The zip file written by export_content.")

    def handle(self, *args, archive, **options):
        started = time.monotonic()
        try:
            summary = import_content(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from None
        for name in summary.missing_media:
            self.stderr.write(f"Referred to, but not in the archive: {name}")
        self.stdout.write(
            f"Imported {describe(summary)} from {archive} in {time.monotonic() - started:.1f}s. "
            "Every cached page is stale."
        )
