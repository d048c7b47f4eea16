"""What django-reversion records for an article, and how an earlier version comes back.

An article's version carries its entries, its mood and audience links and its
related picks, so restoring it brings back the whole list as it was: the songs,
their order and commentary, and the tags.
"""

import reversion

from articles.models import Article, Entry
from articles.related_models import RelatedPick
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood

for model in (Entry, RelatedPick, TaggedArticleMood, TaggedArticleAudience):
    if not reversion.is_registered(model):
        reversion.register(model)

if not reversion.is_registered(Article):
    reversion.register(
        Article,
        follow=["entries", "mood_links", "audience_links", "pick_links"],
        # The cover is drawn from the rest (articles/covers.py), again after a restore:
        # a version naming its files would only name files deleted since.
        # The update log is history of its own: a restored version must not point the
        # article at an older line of it (the admin points it at the newest again).
        exclude=["cover_renditions", "latest_update"],
    )
