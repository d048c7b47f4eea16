"""Which moods and audiences an article is tagged with: django-taggit's through models,
one per tag field (Article.moods, Article.audiences)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase

from articles.models import Article
from songs.models import Audience, Mood


class TaggedArticleMood(TaggedItemBase):
    tag = models.ForeignKey(
        Mood, on_delete=models.CASCADE, related_name="article_links", verbose_name=_("mood")
    )
    content_object = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mood_links", verbose_name=_("article")
    )

    class Meta:
        verbose_name = _("article's mood")
        verbose_name_plural = _("articles' moods")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_mood")
        ]
        # A mood's articles, found and counted from the index alone.
        indexes = [models.Index(fields=["tag", "content_object"], name="article_mood_by_tag")]


class TaggedArticleAudience(TaggedItemBase):
    tag = models.ForeignKey(
        Audience, on_delete=models.CASCADE, related_name="article_links", verbose_name=_("audience")
    )
    content_object = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="audience_links",
        verbose_name=_("article"),
    )

    class Meta:
        verbose_name = _("article's audience")
        verbose_name_plural = _("articles' audiences")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_article_audience"
            )
        ]
        indexes = [models.Index(fields=["tag", "content_object"], name="article_audience_by_tag")]
