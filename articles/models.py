from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.converters import slug_url
from core.folding import search_document
from core.images import RandomImageName, require_alt_text, validate_image
from core.markup import render_markdown, strip_control_characters
from core.models import Timestamped, WithFacets, facet_prefetches, with_derived_fields
from core.renditions import store_renditions
from core.slugs import unique_slug
from songs.models import Audience, Mood, Song, TaggedSongAudience, TaggedSongMood

# Entry positions are parked above this while a list is renumbered or restored.
PARKED_POSITION = 1_000_000


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and its publication time has come.

        The only definition of "public" in the project. A scheduled article goes
        live by itself when its time passes, because the test runs at query time.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published, but its publication time is still to come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def visible_to(self, user):
        """Staff who may change articles preview drafts and scheduled ones at their own URL;
        everyone else, other staff included, sees published() and gets a 404 for the rest."""
        if user.is_active and user.is_staff and user.has_perm("articles.change_article"):
            return self
        return self.published()

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_facets(self):
        return self.prefetch_related(*facet_prefetches(TaggedArticleMood, TaggedArticleAudience))

    def for_listing(self):
        """What a list of article cards needs."""
        return self.select_related("author")

    def featuring(self, artist):
        """Articles with a song by `artist`, as its artist or a featured guest. A subquery
        rather than a join: no duplicate rows, so no DISTINCT to fight the ordering."""
        songs = models.Q(song__artist=artist) | models.Q(song__featured_artists=artist)
        return self.filter(pk__in=Entry.objects.filter(songs).values("article"))

    def next_publication(self):
        """When the next scheduled article goes live, or None."""
        return self.scheduled().aggregate(next=models.Min("published_at"))["next"]


class Article(WithFacets, Timestamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences: lists, feeds and cards.")
    )
    intro = models.TextField(
        _("intro"), blank=True, help_text=_("Markdown: paragraphs, *emphasis*, links, lists.")
    )
    intro_html = models.TextField(blank=True, editable=False)
    hero_image = models.ImageField(
        _("hero image"),
        upload_to=RandomImageName("articles", "hero_image"),
        blank=True,
        validators=[validate_image],
    )
    hero_alt = models.CharField(_("hero image alt text"), max_length=250, blank=True)
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
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
    search_text = models.TextField(blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
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
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def clean(self):
        require_alt_text(self.hero_image, self.hero_alt, "hero_alt")
        if not 1 <= (self.entries_per_page or 0) <= 100:
            raise ValidationError(
                {"entries_per_page": _("Choose between 1 and 100 songs a page.")},
                code="entries_per_page_range",
            )

    def save(self, *args, **kwargs):
        self.title = strip_control_characters(self.title).strip()
        self.lead = strip_control_characters(self.lead)
        self.slug = self.slug or unique_slug(self, self.title)
        self.intro_html = render_markdown(self.intro)
        self.search_text = search_document(self.title, self.lead, self.intro)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(
            *args,
            **with_derived_fields(kwargs, "slug", "intro_html", "search_text", "published_at"),
        )
        store_renditions(self, "hero_image", "hero_renditions")

    def park_entry_positions(self):
        """Move the entries above PARKED_POSITION, out of 1..n, so rows can take each
        other's places one save at a time without breaking unique (article, position)."""
        self.entries.update(position=models.F("position") + PARKED_POSITION)

    def has_parked_entries(self):
        return self.entries.filter(position__gte=PARKED_POSITION).exists()

    def renumber_entries(self, ordered_entries):
        """Give `ordered_entries` positions 1..n, in that order, in one transaction."""
        with transaction.atomic():
            self.park_entry_positions()
            for position, entry in enumerate(ordered_entries, start=1):
                entry.position = position
                entry.save(update_fields=["position"])


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
        # A mood's articles, newest first, without reading the whole list (related.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="mood_articles_by_id")]


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
        # An audience's articles, newest first, without reading the whole list (related.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="audience_articles_by_id")]


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


class Entry(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="entries", verbose_name=_("article")
    )
    song = models.ForeignKey(
        Song, on_delete=models.PROTECT, related_name="entries", verbose_name=_("song")
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("1 is the top of the list."))
    commentary = models.TextField(
        _("commentary"), blank=True, help_text=_("Markdown: paragraphs, *emphasis*, links.")
    )
    commentary_html = models.TextField(blank=True, editable=False)
    added_at = models.DateTimeField(
        _("added at"),
        default=timezone.now,
        help_text=_("The entry shows NEW! for a while after this moment."),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(fields=["article", "song"], name="song_once_per_article"),
            models.UniqueConstraint(fields=["article", "position"], name="unique_entry_position"),
        ]
        # A song's articles, newest first, without reading the whole list (related.py).
        indexes = [models.Index(fields=["song", "article"], name="song_articles_by_id")]

    def __str__(self):
        return f"{self.position}. {self.song.title}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @classmethod
    def for_display(cls):
        """Entries as an article page shows them: song, artist, moods and audiences."""
        return cls.objects.select_related("song__artist").prefetch_related(
            *facet_prefetches(TaggedSongMood, TaggedSongAudience, path="song__")
        )

    def is_new(self, now=None):
        now = now or timezone.now()
        return self.added_at > now - timedelta(days=settings.NEW_BADGE_DAYS)

    def save(self, *args, **kwargs):
        self.commentary = strip_control_characters(self.commentary)
        self.commentary_html = render_markdown(self.commentary)
        super().save(*args, **with_derived_fields(kwargs, "commentary_html"))


class ContentVersion(models.Model):
    """One row whose number changes whenever anything a reader sees changes.

    Cached pages are keyed by it, so an edit shows on the very next request in
    every worker. The row also remembers the next moment a page changes by the
    clock alone (a scheduled article goes live, a NEW! badge runs out), so that
    moment invalidates the cache too, with no job to run.
    """

    version = models.PositiveBigIntegerField(default=1)
    # When the version last changed: the Last-Modified of every cacheable page.
    changed_at = models.DateTimeField(default=timezone.now)
    next_change = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls):
        state, _ = cls.objects.get_or_create(pk=1)
        if state.next_change and state.next_change <= timezone.now():
            state = cls.bump()
        return state

    @classmethod
    def bump(cls):
        next_change = next_timed_change()
        updated = cls.objects.filter(pk=1).update(
            version=models.F("version") + 1, changed_at=timezone.now(), next_change=next_change
        )
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"next_change": next_change})
        return cls.objects.get(pk=1)


def next_timed_change():
    """The next moment a page changes with nothing saved, or None."""
    badge_window = timedelta(days=settings.NEW_BADGE_DAYS)
    newest_badge = Entry.objects.filter(added_at__gt=timezone.now() - badge_window).aggregate(
        first=models.Min("added_at")
    )["first"]
    moments = [Article.objects.next_publication()]
    if newest_badge is not None:
        moments.append(newest_badge + badge_window)
    return min((moment for moment in moments if moment is not None), default=None)
