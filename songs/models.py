"""The catalogue's models. Artist lives in songs/artists.py and is imported here, where
Django and the rest of the project look for the app's models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.converters import slug_url
from core.fields import CleanCharField, CleanTextField
from core.folding import search_document
from core.models import FacetTag, Timestamped, WithFacets, facet_prefetches, with_derived_fields
from core.slugs import unique_slug
from core.translated import first_of, strip_each, values_of
from songs.artists import Artist
from songs.eras import decade_of, era_of
from songs.listening import listening_link_field, listening_links
from songs.signals import songs_renamed
from songs.video import parse_video_url, validate_video_url
from songs.works import TieInRole, Work

__all__ = [
    "Artist",
    "Audience",
    "Mood",
    "Song",
    "TaggedSongAudience",
    "TaggedSongMood",
    "Work",
    "songs_renamed",
]


class Mood(FacetTag):
    class Meta(FacetTag.Meta):
        verbose_name = _("mood")
        verbose_name_plural = _("moods")

    def get_absolute_url(self):
        return slug_url("articles:mood", self.slug)


class Audience(FacetTag):
    class Meta(FacetTag.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def get_absolute_url(self):
        return slug_url("articles:audience", self.slug)


class SongQuerySet(models.QuerySet):
    def ids_by_or_featuring(self, artist):
        """The ids of the songs by `artist` or with them as a guest: two index lookups in
        one query, where an OR across the guests' join would read every song."""
        guest_on = Song.featured_artists.through.objects.filter(artist=artist).order_by()
        return list(
            self.filter(artist=artist)
            .order_by()
            .values_list("pk", flat=True)
            .union(guest_on.values_list("song_id", flat=True))
        )

    def with_facets(self):
        """Songs with their artist, work, moods and audiences loaded (three queries in all)."""
        return self.select_related("artist", "work").prefetch_related(
            *facet_prefetches(TaggedSongMood, TaggedSongAudience)
        )


class Song(WithFacets, Timestamped):
    class DatePrecision(models.TextChoices):
        # What of the release date readers see: the whole date, year and month, or the year.
        DAY = "day", pgettext_lazy("release date precision", "Day")
        MONTH = "month", pgettext_lazy("release date precision", "Month")
        YEAR = "year", pgettext_lazy("release date precision", "Year only")

    title = CleanCharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    alt_titles = CleanTextField(
        _("alternative titles"),
        blank=True,
        help_text=_("Other titles and scripts, comma-separated, e.g. 'アイネクライネ'."),
    )
    artist = models.ForeignKey(
        Artist, on_delete=models.PROTECT, related_name="songs", verbose_name=_("artist")
    )
    featured_artists = models.ManyToManyField(
        Artist,
        blank=True,
        related_name="featured_on",
        verbose_name=_("featured artists"),
        help_text=_("Guests credited with 'feat.'"),
    )
    release_date = models.DateField(_("release date"), null=True, blank=True)
    release_date_precision = models.CharField(
        _("release date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "When only the year or month is known, enter the 1st and choose how much "
            "of the date readers see."
        ),
    )
    # PROTECT, as for the artist: a work with songs is not deleted by accident, and
    # SET_NULL would rewrite its songs by a bare UPDATE, which tells no cached page.
    work = models.ForeignKey(
        Work,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="songs",
        verbose_name=_("tie-in work"),
        help_text=_("The film, anime, drama, commercial… the song is tied in to."),
    )
    tie_in_role = models.CharField(
        _("tie-in role"), max_length=10, choices=TieInRole.choices, blank=True
    )
    tie_in_note = CleanCharField(
        _("tie-in note"),
        max_length=250,
        blank=True,
        help_text=_(
            "Anything the work and role do not say, e.g. 'Coupling song on the CD single "
            "of the opening theme'."
        ),
    )
    video_url = models.URLField(
        _("video URL"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("YouTube or Vimeo link only."),
    )
    # Where to play the song: one service's link to this very song each (songs/listening.py).
    spotify_url = listening_link_field("spotify")
    apple_music_url = listening_link_field("apple_music")
    youtube_music_url = listening_link_field("youtube_music")
    line_music_url = listening_link_field("line_music")
    amazon_music_url = listening_link_field("amazon_music")
    moods = TaggableManager(
        _("moods"), through="songs.TaggedSongMood", related_name="songs", blank=True
    )
    audiences = TaggableManager(
        _("audiences"), through="songs.TaggedSongAudience", related_name="songs", blank=True
    )
    # save() derives it before the text fields' pre_save has cleaned them: cleaned too.
    search_text = CleanTextField(blank=True, editable=False)

    objects = SongQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("song")
        verbose_name_plural = _("songs")
        indexes = [
            # Song lists (a mood's songs, the admin) walk this instead of sorting.
            models.Index(fields=["title", "id"], name="song_by_title"),
            models.Index(fields=["updated_at"], name="song_updated"),
            # An artist's newest songs without reading them all (related articles).
            models.Index(fields=["artist", "id"], name="artist_songs_by_id"),
            # An era's or a decade's songs: a range of it, read in date order.
            models.Index(fields=["release_date", "id"], name="song_by_release_date"),
        ]

    def __str__(self):
        return f"{self.title} — {self.artist.name}" if self.artist_id else self.title

    def get_absolute_url(self):
        return slug_url("articles:song", self.slug)

    @property
    def alt_title_list(self):
        return [title.strip() for title in self.alt_titles.split(",") if title.strip()]

    @property
    def release_year(self):
        return self.release_date.year if self.release_date else None

    @property
    def has_tie_in(self):
        return bool(self.work_id or self.tie_in_note)

    @property
    def era(self):
        """The Japanese era the release certainly falls in (songs/eras.py), or None."""
        return era_of(self.release_date, self.release_date_precision)

    @property
    def decade(self):
        return decade_of(self.release_date, self.release_date_precision)

    @property
    def video(self):
        return parse_video_url(self.video_url)

    @property
    def listening_links(self):
        return listening_links(self)

    def save(self, *args, **kwargs):
        strip_each(self, "title")
        # One slug in either language, kept when a translation comes later.
        self.slug = self.slug or unique_slug(self, first_of(self, "title"))
        search_text = self.compute_search_text()
        renamed = search_text != self.search_text
        self.search_text = search_text
        super().save(*args, **with_derived_fields(kwargs, "slug", "search_text"))
        if renamed:
            songs_renamed.send(Song, song_ids=[self.pk])

    def compute_search_text(self):
        """What the song is found by: its titles and its artist's names, in any script
        and in both languages."""
        return search_document(
            *values_of(self, "title"), *self.alt_title_list, *self.artist.name_texts()
        )


class TaggedSongMood(TaggedItemBase):
    tag = models.ForeignKey(
        Mood, on_delete=models.CASCADE, related_name="song_links", verbose_name=_("mood")
    )
    content_object = models.ForeignKey(
        Song, on_delete=models.CASCADE, related_name="mood_links", verbose_name=_("song")
    )

    class Meta:
        verbose_name = _("song's mood")
        verbose_name_plural = _("songs' moods")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_song_mood")
        ]
        # A mood's songs, found and counted from the index alone.
        indexes = [models.Index(fields=["tag", "content_object"], name="song_mood_by_tag")]


class TaggedSongAudience(TaggedItemBase):
    tag = models.ForeignKey(
        Audience, on_delete=models.CASCADE, related_name="song_links", verbose_name=_("audience")
    )
    content_object = models.ForeignKey(
        Song, on_delete=models.CASCADE, related_name="audience_links", verbose_name=_("song")
    )

    class Meta:
        verbose_name = _("song's audience")
        verbose_name_plural = _("songs' audiences")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_song_audience")
        ]
        indexes = [models.Index(fields=["tag", "content_object"], name="song_audience_by_tag")]
