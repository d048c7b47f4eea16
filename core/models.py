"""Abstract models and model helpers that every content app builds on."""

import unicodedata

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase

from core.fields import CleanCharField, CleanTextField
from core.slugs import ascii_slug
from core.translated import value_in


def with_derived_fields(kwargs, *derived):
    """Save kwargs that also write `derived` fields when the caller limits update_fields.

    Rendered HTML, slugs and search text are computed in save(); a partial save
    (as update_or_create does) must store them too, or they go stale.
    """
    if kwargs.get("update_fields") is not None:
        kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
    return kwargs


class WithFacets:
    """Moods and audiences read through their link rows, which facet_prefetches() loads
    with their tags in one query each (taggit's own prefetch costs twice as much)."""

    @property
    def mood_list(self):
        return [link.tag for link in self.mood_links.all()]

    @property
    def audience_list(self):
        return [link.tag for link in self.audience_links.all()]


def facet_prefetches(mood_links_model, audience_links_model, path=""):
    return [
        Prefetch(
            f"{path}{name}",
            queryset=links.objects.select_related("tag").order_by("tag__name"),
        )
        for name, links in [
            ("mood_links", mood_links_model),
            ("audience_links", audience_links_model),
        ]
    ]


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class FacetTag(TagBase):
    """A tag vocabulary of its own (moods, audiences) with a page that describes it."""

    # taggit's own name field, as a CleanCharField.
    name = CleanCharField(
        verbose_name=pgettext_lazy("A tag name", "name"), unique=True, max_length=100
    )
    # What readers see, in each language (registered with django-modeltranslation for
    # each vocabulary). The name itself is taggit's key: tags are looked up and kept
    # unique by it, so it stays one value, and a translated name would break both.
    label = CleanCharField(
        _("label"),
        max_length=100,
        blank=True,
        help_text=_("The name as readers see it in this language. Empty: the name."),
    )
    description = CleanTextField(
        _("description"), blank=True, help_text=_("Shown at the top of the tag's page.")
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    @property
    def display_name(self):
        """The label in the reader's language, else the name. Not another language's
        label: the name is what the tag was called before it had labels."""
        return value_in(self, "label", get_language()) or self.name

    def save(self, *args, **kwargs):
        # Full-width and half-width spellings of one name are one tag.
        self.name = unicodedata.normalize("NFKC", self.name).strip()
        super().save(*args, **kwargs)

    def slugify(self, tag, i=None):
        # Romaji runs longer than kana and kanji: keep the slug, and its "-2" suffix,
        # inside the column (taggit's slug holds 100 characters).
        suffix = f"-{i}" if i is not None else ""
        room = self._meta.get_field("slug").max_length - len(suffix)
        slug = ascii_slug(tag, fallback=self._meta.model_name, max_length=room)
        return slug + suffix


class CacheInvalidation(models.Model):
    """From `at` on, cached copies of what carries `tag` that were rendered earlier are
    stale (core/cache.py). A future `at` is a change planned by the clock: a scheduled
    article going live, a NEW! badge running out."""

    tag = models.CharField(max_length=120)
    at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["tag", "at"], name="cache_invalidation_tag_at"),
            models.Index(fields=["at"], name="cache_invalidation_at"),
        ]

    def __str__(self):
        return f"{self.tag} at {self.at:%Y-%m-%d %H:%M:%S}"
