"""What django-reversion records for an article, and how an earlier version comes back.

An article's version carries its entries, its mood and audience links and its
related picks, so restoring it brings back the whole list as it was: the songs,
their order and commentary, and the tags.
"""

import reversion
from django.db import models, transaction

from articles.models import Article, Entry, RelatedPick, TaggedArticleAudience, TaggedArticleMood

# Entry positions are parked above this while a list is renumbered or restored, so
# the unique (article, position) constraint holds at every step.
PARKED_POSITION = 1_000_000

for model in (Entry, RelatedPick, TaggedArticleMood, TaggedArticleAudience):
    if not reversion.is_registered(model):
        reversion.register(model)

if not reversion.is_registered(Article):
    reversion.register(Article, follow=["entries", "mood_links", "audience_links", "pick_links"])


def park_entry_positions(article):
    """Move the article's entries out of positions 1..n.

    Restoring a reordered list saves the old rows one at a time; two entries that
    swapped places would each wait for the other's position forever.
    """
    article.entries.update(position=models.F("position") + PARKED_POSITION)


def has_parked_entries(article):
    return article.entries.filter(position__gte=PARKED_POSITION).exists()


def restore_revision(revision, article):
    """Bring `article` (and everything its version follows) back to `revision`."""
    with transaction.atomic():
        park_entry_positions(article)
        revision.revert(delete=True)
