from csp.decorators import csp_update
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.admin import TagSuggestionsMixin, VersionedAdmin, annotate_page, keep_model_ordering
from core.admin_translation import BothLanguagesMixin, translation_missing_filter

# Importing history registers the models with django-reversion before any VersionAdmin.
from songs import history  # noqa: F401
from songs.admin_periods import DecadeListFilter, EraListFilter
from songs.listening import SERVICES
from songs.models import Artist, Audience, Mood, Song, Work
from songs.video import YOUTUBE_THUMBNAIL_ORIGIN

# An article's state (the values of articles' Article.State) as one lower-case word
# inside a sentence: "number 3 (live)".
STATE_WORDS = {
    "draft": gettext_lazy("draft"),
    "scheduled": gettext_lazy("scheduled"),
    "live": gettext_lazy("live"),
}


@admin.register(Artist)
class ArtistAdmin(BothLanguagesMixin, VersionedAdmin):
    list_display = ["thumbnail", "name", "aliases", "sort_name", "kind", "song_count", "updated_at"]
    list_display_links = ["thumbnail", "name"]
    list_filter = [translation_missing_filter("name", "bio"), "kind"]
    # Translated fields are searched in every language (core/admin_translation.py).
    search_fields = ["name", "name_kana", "sort_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["photo_preview"]
    required_in_one_language = ["name"]
    fieldsets = [
        # The name in each language and its kana reading (for the gojūon index) on one line.
        (
            None,
            {
                "fields": [
                    ("name", "name_kana"),
                    "slug",
                    "sort_name",
                    "aliases",
                    "kind",
                ]
            },
        ),
        (gettext_lazy("Photo"), {"fields": ["photo", "photo_preview", "photo_alt"]}),
        (gettext_lazy("About"), {"fields": ["bio", "official_url"]}),
    ]

    class Media:
        css = {"all": ["admin_ext/admin_ext.css"]}

    def get_queryset(self, request):
        return keep_model_ordering(
            super().get_queryset(request).annotate(song_count=Count("songs"))
        )

    @admin.display(description=gettext_lazy("songs"), ordering="song_count")
    def song_count(self, artist):
        return artist.song_count

    @admin.display(description=gettext_lazy("photo"))
    def thumbnail(self, artist):
        if not artist.photo:
            return "—"
        # The name is in the next column: the thumbnail is decoration there.
        return format_html(
            '<img class="admin-thumbnail" src="{}" alt="" width="48" height="48" loading="lazy">',
            artist.photo.url,
        )

    @admin.display(description=gettext_lazy("current photo"))
    def photo_preview(self, artist):
        if not artist.photo:
            return _("No photo yet.")
        return format_html(
            '<img class="admin-photo-preview" src="{}" alt="{}" loading="lazy">',
            artist.photo.url,
            artist.photo_alt,
        )


@admin.register(Song)
class SongAdmin(BothLanguagesMixin, TagSuggestionsMixin, VersionedAdmin):
    list_display = [
        "title",
        "artist",
        "release",
        "work",
        "tag_list",
        "article_count",
        "updated_at",
    ]
    list_filter = [
        translation_missing_filter("title", "tie_in_note"),
        "work__kind",
        EraListFilter,
        DecadeListFilter,
        "moods",
        "audiences",
    ]
    search_fields = [
        "title",
        "alt_titles",
        "artist__name",
        "artist__name_kana",
        "artist__aliases",
    ]
    required_in_one_language = ["title"]
    autocomplete_fields = ["artist", "featured_artists", "work"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["artist", "work"]
    show_full_result_count = False  # a second count of every song, for "(N total)"
    readonly_fields = ["video_preview", "featured_in"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "alt_titles", "artist", "featured_artists"]}),
        (
            gettext_lazy("Release and tie-in"),
            {
                "fields": [
                    "release_date",
                    "release_date_precision",
                    "work",
                    "tie_in_role",
                    "tie_in_note",
                ]
            },
        ),
        (gettext_lazy("Video"), {"fields": ["video_url", "video_preview"]}),
        (
            gettext_lazy("Listening links"),
            {
                "fields": [service.field for service in SERVICES],
                "description": gettext_lazy(
                    "Links to this song on streaming services, shown as buttons on its "
                    "entries and its page. Each field takes its own service's link only."
                ),
            },
        ),
        (gettext_lazy("Tags"), {"fields": ["moods", "audiences"]}),
        (gettext_lazy("Articles"), {"fields": ["featured_in"]}),
    ]

    # The video preview shows YouTube's thumbnail: allowed on this form (add, change,
    # and the history's versions of it) and nowhere else.
    @method_decorator(csp_update({"img-src": YOUTUBE_THUMBNAIL_ORIGIN}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            # The autocomplete shows "Title — Artist"; the list shows the work too.
            .select_related("artist", "work")
            .prefetch_related("moods", "audiences")
        )

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # A song is at most once in an article: its entries are its articles.
        annotate_page(changelist.result_list, article_count=Count("entries"))
        return changelist

    @admin.display(description=gettext_lazy("release date"), ordering="release_date")
    def release(self, song):
        """The release date as precisely as it is known: "2014", "March 2014" or the day."""
        if song.release_date is None:
            return "—"
        formats = {
            Song.DatePrecision.YEAR: "Y",
            Song.DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
        }
        return date_format(
            song.release_date, formats.get(song.release_date_precision, "DATE_FORMAT")
        )

    @admin.display(description=gettext_lazy("moods and audiences"))
    def tag_list(self, song):
        # Iterate the prefetched tags: taggit's names() would query again per row.
        return ", ".join(tag.name for tag in [*song.moods.all(), *song.audiences.all()])

    @admin.display(description=gettext_lazy("articles"))
    def article_count(self, song):
        return song.article_count

    @admin.display(description=gettext_lazy("preview"))
    def video_preview(self, song):
        video = song.video
        if video is None:
            return _("No video linked.")
        if video.thumbnail_url:
            # A third-party image, shown to editors only; public pages load nothing
            # from YouTube until the reader clicks.
            return format_html(
                '<a href="{}" target="_blank" rel="noopener noreferrer">'
                '<img class="admin-video-thumbnail" src="{}"'
                ' alt="{}" width="320" height="180"'
                ' loading="lazy" referrerpolicy="no-referrer"></a>',
                video.watch_url,
                video.thumbnail_url,
                _("Thumbnail of the linked YouTube video"),
            )
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>',
            video.watch_url,
            _("Watch on Vimeo (%(id)s)") % {"id": video.video_id},
        )

    @admin.display(description=gettext_lazy("appears in"))
    def featured_in(self, song):
        if song.pk is None:
            return _("Not in any article yet.")
        entries = list(
            song.entries.select_related("article").order_by(
                "-article__published_at", "-article__pk"
            )
        )
        if not entries:
            return _("Not in any article yet.")
        links = format_html_join(
            "",
            '<li><a href="{}">{}</a> — {}</li>',
            (
                (
                    reverse("admin:articles_article_change", args=[entry.article.pk]),
                    entry.article.title,
                    _("number %(position)s (%(state)s)")
                    % {"position": entry.position, "state": STATE_WORDS[entry.article.state]},
                )
                for entry in entries
            ),
        )
        count = len(entries)
        return format_html(
            "<p>{}</p><ul class='featured-in'>{}</ul>",
            ngettext("%(count)s article:", "%(count)s articles:", count) % {"count": count},
            links,
        )


class FacetAdmin(BothLanguagesMixin, VersionedAdmin):
    list_display = ["name", "slug", "song_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    # taggit's `name` stays one (tags are looked up by it); readers see `label`.
    fieldsets = [(None, {"fields": ["name", "label", "slug", "description"]})]

    def get_queryset(self, request):
        return keep_model_ordering(
            super().get_queryset(request).annotate(song_count=Count("songs", distinct=True))
        )

    @admin.display(description=gettext_lazy("songs"), ordering="song_count")
    def song_count(self, facet):
        return facet.song_count


admin.site.register(Mood, FacetAdmin)
admin.site.register(Audience, FacetAdmin)


@admin.register(Work)
class WorkAdmin(BothLanguagesMixin, VersionedAdmin):
    """Works songs are tied in to, both titles side by side (a column per language)."""

    list_display = ["title_en", "title_ja", "kind", "year", "song_count", "updated_at"]
    list_display_links = ["title_en", "title_ja"]
    list_filter = ["kind"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    required_in_one_language = ["title"]
    fieldsets = [(None, {"fields": ["title", "slug", "kind", "year", "official_url"]})]

    def get_queryset(self, request):
        return keep_model_ordering(
            super().get_queryset(request).annotate(song_count=Count("songs"))
        )

    @admin.display(description=gettext_lazy("songs"), ordering="song_count")
    def song_count(self, work):
        return work.song_count
