from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.article_text import derive_from_list, entry_texts
from articles.querysets import ArticleQuerySet, EntryQuerySet
from core.converters import slug_url
from core.fields import CleanCharField, CleanTextField
from core.folding import search_document
from core.images import RandomImageName, require_alt_text, validate_image
from core.markup import render_markdown
from core.models import Timestamped, WithFacets, facet_prefetches, with_derived_fields
from core.renditions import RenditionsOf, delete_replaced_files, store_renditions
from core.slugs import unique_slug
from core.translated import first_of, localized, render_each, strip_each, values_of
from songs.models import Song, TaggedSongAudience, TaggedSongMood


class Article(WithFacets, Timestamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class State(models.TextChoices):
        """Where the article stands for readers, from its status and publication time.

        Published has the value "live": a scheduled article's status says "published"
        too, and the admin's filter links have always said ?publication=live."""

        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "live", _("Published")

    title = CleanCharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    lead = CleanTextField(
        _("lead"), blank=True, help_text=_("One or two sentences: lists, feeds and cards.")
    )
    intro = CleanTextField(
        _("intro"), blank=True, help_text=_("Markdown: paragraphs, *emphasis*, links, lists.")
    )
    intro_html = models.TextField(blank=True, editable=False)
    hero_image = models.ImageField(
        _("hero image"),
        upload_to=RandomImageName("articles", "hero_image"),
        blank=True,
        validators=[validate_image],
    )
    hero_alt = CleanCharField(_("hero image alt text"), max_length=250, blank=True)
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    # The hero image as pages and feeds show it; false when there is none.
    hero = RenditionsOf("hero_renditions")
    # The cover we draw while there is no hero (articles/covers.py); false until drawn.
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    cover = RenditionsOf("cover_renditions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_(
            "Readers see the article from this moment, once the status is Published. "
            "A future time schedules it; no other step is needed."
        ),
    )
    moods = TaggableManager(
        _("moods"), through="articles.TaggedArticleMood", related_name="articles", blank=True
    )
    audiences = TaggableManager(
        _("audiences"),
        through="articles.TaggedArticleAudience",
        related_name="articles",
        blank=True,
    )
    related_picks = models.ManyToManyField(
        "self",
        through="articles.RelatedPick",
        symmetrical=False,
        blank=True,
        related_name="picked_by",
    )
    entries_per_page = models.PositiveSmallIntegerField(
        _("entries per page"),
        default=10,
        help_text=_("How many songs each page of the article shows."),
    )
    # The newest line of its update log (articles/update_models.py), kept here so the
    # article page and the feeds read it in the article's own query.
    latest_update = models.ForeignKey(
        "articles.ArticleUpdate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # What search finds the article by: its own text, then the titles and artists of the
    # songs it lists (their Song.search_text), so "米津" finds every list with a Yonezu
    # song from one indexed column. save() derives it before the text fields' pre_save
    # has cleaned them: cleaned too. Kept current by articles/search_index.py.
    search_text = CleanTextField(blank=True, editable=False)
    # The title alone, folded the same way: search ranks title matches first.
    title_text = CleanTextField(blank=True, editable=False)
    # The codes of the languages (space-separated, LANGUAGES order) in which the title and
    # every entry's commentary are written: hreflang and the sitemap offer the article
    # in these only. Kept with the search text (articles/article_text.py).
    complete_languages = models.CharField(max_length=50, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
        ]
        indexes = [
            # Every public list walks this from "now" down, page by page, and counts
            # from it alone: published rows only, so drafts never sit in the way.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published"),
                name="article_public_newest",
            ),
            # The admin lists every status in the same order.
            models.Index(fields=["-published_at", "-id"], name="article_newest"),
            # The sitemap's lastmod: the newest edit of a published article.
            models.Index(
                fields=["updated_at"],
                condition=models.Q(status="published"),
                name="article_public_updated",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(entries_per_page__gte=1) & models.Q(entries_per_page__lte=100),
                name="entries_per_page_between_1_and_100",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="published_article_has_publication_time",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    @property
    def state(self):
        """Draft, scheduled or published, now: the article-by-article twin of
        ArticleQuerySet.published(), scheduled() and drafts()."""
        if self.status != self.Status.PUBLISHED or self.published_at is None:
            return self.State.DRAFT
        if self.published_at > timezone.now():
            return self.State.SCHEDULED
        return self.State.PUBLISHED

    @property
    def picture(self):
        """The image that stands for the article on cards, in link previews and feeds:
        its hero image, else its cover; false while it has neither."""
        return self.hero or self.cover

    @property
    def picture_alt(self):
        if self.hero:
            return self.hero_alt
        return _("Cover of “%(title)s”") % {"title": self.title}

    @property
    def translated_languages(self):
        """The codes of the languages the article is written in whole (complete_languages)."""
        return self.complete_languages.split()

    @property
    def own_languages(self):
        """The languages whose page is the article's own, for crawlers: those it is written
        in whole; one written in none, the default. Elsewhere its page is the fallback,
        which no sitemap lists and no search engine should index."""
        return self.translated_languages or [settings.LANGUAGE_CODE]

    @property
    def is_public(self):
        return self.state == self.State.PUBLISHED

    def clean(self):
        require_alt_text(self.hero_image, self.hero_alt, "hero_alt")
        # Before the form checks the constraints, which want the time save() would write.
        self.fill_publication_time()
        if not 1 <= (self.entries_per_page or 0) <= 100:
            raise ValidationError(
                {"entries_per_page": _("Choose between 1 and 100 songs a page.")},
                code="entries_per_page_range",
            )

    def save(self, *args, **kwargs):
        strip_each(self, "title")
        # One slug in either language, from the English title else the Japanese one in
        # romaji; a translation added later leaves it as it is.
        self.slug = self.slug or unique_slug(self, first_of(self, "title"))
        self.derive_text_fields()
        derive_from_list(self, entry_texts(self))
        self.fill_publication_time()
        super().save(
            *args,
            **with_derived_fields(
                kwargs,
                "slug",
                *localized("intro_html"),
                "search_text",
                "complete_languages",
                "title_text",
                "published_at",
            ),
        )
        store_renditions(self, "hero_image", "hero_renditions")

    def derive_text_fields(self):
        """The intro as HTML in each language, and the titles as search ranks them."""
        render_each(self, "intro", "intro_html", render_markdown)
        self.title_text = search_document(*values_of(self, "title"))

    def own_texts(self):
        """What the article says itself, in both languages: search finds it by either."""
        return [*values_of(self, "title"), *values_of(self, "lead"), *values_of(self, "intro")]

    def fill_publication_time(self):
        """Published with no time set means published now, as in WordPress and Wagtail."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()


delete_replaced_files(Article, "hero_image", "hero_renditions")


class Entry(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="entries", verbose_name=_("article")
    )
    song = models.ForeignKey(
        Song, on_delete=models.PROTECT, related_name="entries", verbose_name=_("song")
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("1 is the top of the list."))
    commentary = CleanTextField(
        _("commentary"), blank=True, help_text=_("Markdown: paragraphs, *emphasis*, links.")
    )
    commentary_html = models.TextField(blank=True, editable=False)
    added_at = models.DateTimeField(
        _("added at"),
        default=timezone.now,
        help_text=_("The entry shows NEW! for a while after this moment."),
    )

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(fields=["article", "song"], name="song_once_per_article"),
            models.UniqueConstraint(fields=["article", "position"], name="unique_entry_position"),
        ]
        indexes = [
            # A song's articles, newest first, without reading the whole list (related.py).
            models.Index(fields=["song", "article"], name="song_articles_by_id"),
            # The desk's badges ending this week: one week's entries, not every entry.
            models.Index(fields=["added_at"], name="entry_by_added_at"),
        ]

    def __str__(self):
        return f"{self.position}. {self.song.title}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @classmethod
    def for_display(cls):
        """Entries as an article page shows them: song, artist, moods and audiences."""
        return cls.objects.select_related("song__artist", "song__work").prefetch_related(
            *facet_prefetches(TaggedSongMood, TaggedSongAudience, path="song__")
        )

    def is_new(self, now=None):
        now = now or timezone.now()
        return self.added_at > now - timedelta(days=settings.NEW_BADGE_DAYS)

    def save(self, *args, **kwargs):
        render_each(self, "commentary", "commentary_html", render_markdown)
        super().save(*args, **with_derived_fields(kwargs, *localized("commentary_html")))


# Registered with the app here, where Django looks for its models; import them from
# articles.related_models, articles.tag_models and articles.update_models.
from articles.related_models import RelatedList, RelatedPick  # noqa: E402, F401
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood  # noqa: E402, F401
from articles.update_models import ArticleUpdate  # noqa: E402, F401
