from django.db import models
from django.db.models.functions import Lower
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.converters import slug_url
from core.fields import CleanCharField, CleanTextField
from core.folding import search_document
from core.images import RandomImageName, require_alt_text, validate_image
from core.markup import render_markdown
from core.models import FacetTag, Timestamped, WithFacets, facet_prefetches, with_derived_fields
from core.renditions import RenditionsOf, delete_replaced_files, store_renditions
from core.slugs import romanize, unique_slug
from core.translated import first_of, localized, render_each, strip_each, values_of
from songs.eras import decade_of, era_of
from songs.listening import listening_link_field, listening_links
from songs.video import parse_video_url, validate_video_url
from songs.works import TieInRole, Work

# Sent with `song_ids` once those songs' search text has changed (a song or its artist
# renamed): the articles listing them carry that text in theirs (articles/search_index.py).
songs_renamed = Signal()


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


class Artist(Timestamped):
    class Kind(models.TextChoices):
        SOLO = "solo", _("Solo artist")
        GROUP = "group", _("Group")

    name = CleanCharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    sort_name = CleanCharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_(
            "How the name files in the A–Z list, e.g. 'Yonezu, Kenshi'. "
            "Empty: the name, in romaji if it is written in Japanese."
        ),
    )
    aliases = CleanTextField(
        _("aliases"),
        blank=True,
        help_text=_(
            "Other spellings and scripts, comma-separated, e.g. '米津玄師, Yonezu Kenshi'. "
            "Search finds the artist by any of them."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SOLO)
    bio = CleanTextField(
        _("bio"), blank=True, help_text=_("Markdown: paragraphs, *emphasis*, links, lists.")
    )
    bio_html = models.TextField(blank=True, editable=False)
    photo = models.ImageField(
        _("photo"),
        upload_to=RandomImageName("artists", "photo"),
        blank=True,
        validators=[validate_image],
    )
    photo_alt = CleanCharField(_("photo alt text"), max_length=250, blank=True)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    # The photo as pages show it; false when there is none.
    portrait = RenditionsOf("photo_renditions")
    # The monogram we draw while there is no photo (songs/monograms.py); false until drawn.
    monogram_renditions = models.JSONField(default=dict, blank=True, editable=False)
    monogram = RenditionsOf("monogram_renditions")
    official_url = models.URLField(_("official site"), blank=True)
    name_kana = CleanCharField(
        _("reading (kana)"),
        max_length=200,
        blank=True,
        help_text=_(
            "How the name reads, in hiragana, e.g. 'よねづけんし'. The Japanese A–Z list "
            "files the artist by it, and search finds them by it."
        ),
    )
    # save() derives it before the text fields' pre_save has cleaned them: cleaned too.
    search_text = CleanTextField(blank=True, editable=False)

    class Meta:
        ordering = [Lower("sort_name"), "name"]
        verbose_name = _("artist")
        verbose_name_plural = _("artists")
        indexes = [
            # The A–Z list and the home page walk this instead of sorting every artist.
            models.Index(Lower("sort_name"), "name", "id", name="artist_a_to_z"),
            models.Index(fields=["updated_at"], name="artist_updated"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:artist", self.slug)

    @property
    def picture(self):
        """The artist's photo, else the monogram; false while it has neither."""
        return self.portrait or self.monogram

    @property
    def picture_alt(self):
        return self.photo_alt if self.portrait else self.name

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def clean(self):
        require_alt_text(self.photo, self.photo_alt, "photo_alt")

    def save(self, *args, **kwargs):
        strip_each(self, "name")
        self.name_kana = (self.name_kana or "").strip()
        self.derive_fields()
        # One slug in either language: the English name, else the Japanese in romaji.
        self.slug = self.slug or unique_slug(self, first_of(self, "name"))
        search_text = self.compute_search_text()
        renamed = search_text != self.search_text
        self.search_text = search_text
        super().save(
            *args,
            **with_derived_fields(
                kwargs, "sort_name", "slug", *localized("bio_html"), "search_text"
            ),
        )
        store_renditions(self, "photo", "photo_renditions")
        update_fields = kwargs.get("update_fields")
        names = {"name", "aliases", "name_kana", *localized("name")}
        if update_fields is None or names & set(update_fields):
            # Songs are found by their artist's names too: refresh them in one query.
            # (This save has already bumped the content version for them.)
            songs = list(self.songs.all())
            for song in songs:
                song.artist = self
                song.search_text = song.compute_search_text()
            Song.objects.bulk_update(songs, ["search_text"])
        if renamed:
            # Only now are the songs' texts current. Not on every save: a popular
            # artist's songs are in thousands of articles, and a bio edit changes none.
            songs_renamed.send(Artist, song_ids=list(self.songs.values_list("pk", flat=True)))

    def derive_fields(self):
        """The sort name and the bio as HTML in each language, as save() stores them."""
        # The A–Z list files by romaji: a name or sort name in Japanese is read out.
        # romanize() leaves romaji as it is, so a sort name it made, or an editor typed
        # in romaji, is kept byte for byte however often the artist is saved.
        self.sort_name = romanize(self.sort_name.strip() or first_of(self, "name")).strip()
        render_each(self, "bio", "bio_html", render_markdown)

    def name_texts(self):
        """Every name the artist goes by: both languages', the reading, the aliases."""
        return [*values_of(self, "name"), self.name_kana, *self.alias_list]

    def compute_search_text(self):
        return search_document(
            *values_of(self, "name"), self.name_kana, self.sort_name, *self.alias_list
        )


delete_replaced_files(Artist, "photo", "photo_renditions")


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
