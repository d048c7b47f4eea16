"""The related articles kept per article: the editor's picks, and the ranked list as
last kept (articles/related.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class RelatedPick(models.Model):
    """An editor's hand-picked related article, shown before the computed ones."""

    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="pick_links", verbose_name=_("article")
    )
    to_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("related article")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("related article (picked)")
        verbose_name_plural = _("related articles (picked)")
        constraints = [
            models.UniqueConstraint(fields=["from_article", "to_article"], name="unique_pick"),
            models.CheckConstraint(
                condition=~models.Q(from_article=models.F("to_article")), name="pick_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"

    def clean(self):
        if self.from_article_id and self.from_article_id == self.to_article_id:
            raise ValidationError(
                {"to_article": _("An article cannot be related to itself.")}, code="pick_self"
            )


class RelatedList(models.Model):
    """An article's related articles as last ranked (articles/related.py), kept so that a
    page whose cached list is gone reads it rather than ranking while the reader waits."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="related_list"
    )
    related_ids = models.JSONField(default=list)  # best first
    tags = models.JSONField(default=list)  # the cache tags of what the ranking read
    ranked_at = models.DateTimeField()

    def __str__(self):
        return f"{self.article_id}: {self.related_ids}"
