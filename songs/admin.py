from django.contrib import admin
from django.db.models import Count

from songs.models import Artist, Audience, Mood, Song


@admin.register(Artist)
class ArtistAdmin(admin.ModelAdmin):
    list_display = ["name", "sort_name", "kind", "song_count", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "sort_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(song_count=Count("songs"))

    @admin.display(description="songs", ordering="song_count")
    def song_count(self, artist):
        return artist.song_count


@admin.register(Song)
class SongAdmin(admin.ModelAdmin):
    list_display = ["title", "artist", "release_date", "tie_in_kind", "tag_list", "updated_at"]
    list_filter = ["tie_in_kind", "moods", "audiences"]
    search_fields = ["title", "alt_titles", "artist__name", "artist__aliases"]
    autocomplete_fields = ["artist", "featured_artists"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["artist"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("moods", "audiences")

    @admin.display(description="moods and audiences")
    def tag_list(self, song):
        # Iterate the prefetched tags: taggit's names() would query again per row.
        return ", ".join(tag.name for tag in [*song.moods.all(), *song.audiences.all()])


class FacetAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "song_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(song_count=Count("songs", distinct=True))

    @admin.display(description="songs", ordering="song_count")
    def song_count(self, facet):
        return facet.song_count


admin.site.register(Mood, FacetAdmin)
admin.site.register(Audience, FacetAdmin)
