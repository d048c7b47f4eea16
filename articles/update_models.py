"""The update log: what changed in a published list, and when ("3 songs added: …").

One row per save that changed a public article's songs, their order or their
commentary (articles/update_log.py writes them). The row keeps facts, not
sentences: the summary is worded when shown, in the reader's language.
"""

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles.models import Article


class ArticleUpdateQuerySet(models.QuerySet):
    def published(self):
        """The updates of the articles readers may see (ArticleQuerySet.published())."""
        return self.filter(article__in=Article.objects.published())

    def newest_first(self):
        return self.order_by("-at", "-pk")


class ArticleUpdate(models.Model):
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=gettext_lazy("article"),
    )
    at = models.DateTimeField(gettext_lazy("updated at"), default=timezone.now)
    # [song id, title] pairs, in list order: the titles as they were on the day.
    added = models.JSONField(gettext_lazy("songs added"), default=list, blank=True)
    removed = models.JSONField(gettext_lazy("songs removed"), default=list, blank=True)
    reordered = models.BooleanField(gettext_lazy("order changed"), default=False)
    rewritten = models.PositiveIntegerField(gettext_lazy("commentaries rewritten"), default=0)

    objects = ArticleUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = gettext_lazy("update")
        verbose_name_plural = gettext_lazy("updates")
        indexes = [
            # /feed/updates/ walks every article's updates from the newest.
            models.Index(fields=["-at", "-id"], name="update_newest"),
            models.Index(fields=["article", "-at"], name="update_by_article"),
        ]

    def __str__(self):
        return self.summary

    @property
    def anchor(self):
        """The id of the update's line on the article page, and its feed link's fragment."""
        return f"update-{self.pk}"

    @property
    def summary(self):
        """ "3 songs added: A, B, C; order changed": what changed, with the titles."""
        return self.describe(with_titles=True)

    @property
    def short_summary(self):
        """ "3 songs added; order changed": for the byline."""
        return self.describe(with_titles=False)

    def describe(self, with_titles):
        parts = []
        if self.added:
            parts.append(song_count_phrase(self.added, with_titles, added=True))
        if self.removed:
            parts.append(song_count_phrase(self.removed, with_titles, added=False))
        if self.reordered:
            parts.append(_("order changed"))
        if self.rewritten:
            parts.append(
                ngettext(
                    "commentary rewritten for %(count)d song",
                    "commentary rewritten for %(count)d songs",
                    self.rewritten,
                )
                % {"count": self.rewritten}
            )
        # Translators: between the parts of an update: "3 songs added; order changed".
        return capfirst(_("; ").join(parts))


def song_count_phrase(songs, with_titles, added):
    count = len(songs)
    if with_titles:
        # Translators: between song titles in an update: "A, B, C".
        titles = _(", ").join(title for _song_id, title in songs)
        if added:
            text = ngettext(
                "%(count)d song added: %(titles)s", "%(count)d songs added: %(titles)s", count
            )
        else:
            text = ngettext(
                "%(count)d song removed: %(titles)s", "%(count)d songs removed: %(titles)s", count
            )
        return text % {"count": count, "titles": titles}
    if added:
        text = ngettext("%(count)d song added", "%(count)d songs added", count)
    else:
        text = ngettext("%(count)d song removed", "%(count)d songs removed", count)
    return text % {"count": count}
