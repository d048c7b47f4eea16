"""The artist: names in both languages, the reading and the sort names the A–Z lists
file by, photo, bio."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.converters import slug_url
from core.fields import CleanCharField, CleanTextField
from core.folding import search_document
from core.images import RandomImageName, require_alt_text, validate_image
from core.kana import index_key
from core.markup import render_markdown
from core.models import Timestamped, with_derived_fields
from core.renditions import RenditionsOf, delete_replaced_files, store_renditions
from core.slugs import romanize, unique_slug
from core.translated import first_of, localized, render_each, strip_each, value_in, values_of
from songs.signals import songs_renamed

KANA_SORT_LENGTH = 200
# The Japanese index's order: artists with a kana reading first, in gojūon order; then
# those without, by romaji as in the English index. The id breaks ties: the name is a
# column per language, which one index cannot follow in both. The view orders by exactly
# this, so the index serves it as it stands.
JAPANESE_INDEX_ORDER = ["files_by_romaji", "kana_sort", Lower("sort_name"), "id"]
# Every other list of artists: by romaji, then by English name. The column, not `name`:
# ordering by `name` means the reader's language's column, which one index cannot follow
# in both.
A_TO_Z_ORDER = [Lower("sort_name"), "name_en", "id"]
# Both indexes also hold sort_name itself, not as a key: lower(sort_name) is computed
# from it, and PostgreSQL reads an index alone (the keys a page skips) only when it holds
# every column the query names. A middle page of 12,500 artists: 1.3 ms, against 27 ms
# (English, read whole and sorted) and 11 ms (Japanese, the index and every skipped row)
# without.
ALSO_HELD = ["sort_name"]


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
            "How the name reads, in hiragana, e.g. 'よねづけんし'. It files the artist in "
            "the Japanese index (あ か さ た な …), and search finds them by it. Left empty, "
            "a name in Japanese files by a dictionary reading, which can be wrong for "
            "names, and a name in Latin letters files after the kana, by its sort name."
        ),
    )
    # The reading as the Japanese index sorts it (core/kana.py), derived in save(); empty
    # for a name filed by its sort name alone.
    kana_sort = models.CharField(max_length=KANA_SORT_LENGTH, blank=True, editable=False)
    # Whether the Japanese index files the artist after the kana rows, by romaji. A column,
    # not an expression in the index: SQLite matches no ORDER BY to an indexed expression
    # with a parameter in it. The database computes it, so no bulk write can miss it.
    files_by_romaji = models.GeneratedField(
        expression=Q(kana_sort=""), output_field=models.BooleanField(), db_persist=True
    )
    # save() derives it before the text fields' pre_save has cleaned them: cleaned too.
    search_text = CleanTextField(blank=True, editable=False)

    class Meta:
        ordering = A_TO_Z_ORDER
        verbose_name = _("artist")
        verbose_name_plural = _("artists")
        indexes = [
            # The A–Z lists and the home page walk these instead of sorting every artist.
            models.Index(*A_TO_Z_ORDER, name="artist_a_to_z", include=ALSO_HELD),
            models.Index(*JAPANESE_INDEX_ORDER, name="artist_gojuon", include=ALSO_HELD),
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
                kwargs, "sort_name", "kana_sort", "slug", *localized("bio_html"), "search_text"
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
            self.songs.model.objects.bulk_update(songs, ["search_text"])
        if renamed:
            # Only now are the songs' texts current. Not on every save: a popular
            # artist's songs are in thousands of articles, and a bio edit changes none.
            songs_renamed.send(Artist, song_ids=list(self.songs.values_list("pk", flat=True)))

    def derive_fields(self):
        """The sort keys and the bio as HTML in each language, as save() stores them."""
        self.derive_sort_keys()
        render_each(self, "bio", "bio_html", render_markdown)

    def derive_sort_keys(self):
        """The keys the A–Z lists file the artist by: romaji for the English one, the kana
        reading for the Japanese one (make_bulk derives them here too, without save())."""
        # The English list files by romaji: a name or sort name in Japanese is read out.
        # romanize() leaves romaji as it is, so a sort name it made, or an editor typed
        # in romaji, is kept byte for byte however often the artist is saved.
        self.sort_name = romanize(self.sort_name.strip() or first_of(self, "name")).strip()
        # The Japanese list files by the reading: the editor's, else the Japanese name's.
        names = [value_in(self, "name", "ja"), *values_of(self, "name")]
        self.kana_sort = index_key(self.name_kana, names)[:KANA_SORT_LENGTH]

    def name_texts(self):
        """Every name the artist goes by: both languages', the reading, the aliases."""
        return [*values_of(self, "name"), self.name_kana, *self.alias_list]

    def compute_search_text(self):
        return search_document(
            *values_of(self, "name"), self.name_kana, self.sort_name, *self.alias_list
        )


delete_replaced_files(Artist, "photo", "photo_renditions")
