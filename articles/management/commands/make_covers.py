"""Draw the covers and monograms that are missing or out of date.

Saves draw them by themselves (articles/covers.py, songs/monograms.py); this is for rows
written without save(): `make_bulk`'s, which skips drawing to stay fast, and an import
of content made before covers existed. Up to date ones are left as they are, so it can
be run again at any time.
"""

from django.core.management.base import BaseCommand

from articles.covers import draw_missing_pictures
from articles.models import Article
from songs.models import Artist


class Command(BaseCommand):
    help = "Draw every missing or out-of-date article cover and artist monogram."

    def handle(self, *args, **options):
        articles = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        draw_missing_pictures(articles, Artist.objects.all())
        self.stdout.write(
            f"Covers of {len(articles):,} articles and monograms of "
            f"{Artist.objects.count():,} artists are drawn."
        )
