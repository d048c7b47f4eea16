"""Works songs are tied in to: a film, an anime, a drama, a commercial…

The title is translated (songs/translation.py): `title_en` and `title_ja` are columns of
the row, and `title` reads the reader's language, else the other one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.converters import slug_url
from core.fields import CleanCharField
from core.markup import strip_control_characters
from core.models import Timestamped, with_derived_fields
from core.slugs import unique_slug


class Work(Timestamped):
    class Kind(models.TextChoices):
        ANIME = "anime", _("Anime")
        DRAMA = "drama", _("TV drama")
        FILM = "film", _("Film")
        TV = "tv", _("TV programme")
        CM = "cm", _("Commercial")
        GAME = "game", _("Game")
        OTHER = "other", _("Other")

    title = CleanCharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("In English and in Japanese; one of the two is enough."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1880), MaxValueValidator(2100)],
        help_text=_("When it first came out (aired, screened, released)."),
    )
    official_url = models.URLField(_("official site"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("work")
        verbose_name_plural = _("works")
        indexes = [
            # Which works are of a kind (the /tie-ins/<kind>/ page, the sitemap).
            models.Index(fields=["kind", "id"], name="work_by_kind"),
            models.Index(fields=["updated_at"], name="work_updated"),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return slug_url("articles:work", self.slug)

    def clean(self):
        if not (self.title_en or "").strip() and not (self.title_ja or "").strip():
            raise ValidationError({"title_en": _("Give the title in English or in Japanese.")})

    def save(self, *args, **kwargs):
        # Cleaned before `title` is read for the row: it reads these, in either language.
        self.title_en = strip_control_characters(self.title_en or "").strip() or None
        self.title_ja = strip_control_characters(self.title_ja or "").strip() or None
        # The English title reads better in a URL; a work known only by its Japanese
        # title gets it in romaji, like every other slug.
        self.slug = self.slug or unique_slug(self, self.title_en or self.title_ja or "")
        super().save(*args, **with_derived_fields(kwargs, "slug"))


class TieInRole(models.TextChoices):
    """What a song is to the work it is tied in to."""

    THEME = "theme", _("Theme song")
    OPENING = "opening", _("Opening theme")
    ENDING = "ending", _("Ending theme")
    INSERT = "insert", _("Insert song")
    IMAGE = "image", _("Image song")
    CM = "cm", _("Commercial song")
