"""The catalogue's pages: artists A–Z, an artist, a song, a mood, an audience, a work,
and the songs tied in to a kind of work.

They live with the articles because each lists the articles that feature it.
"""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from articles import metadata
from articles.cache_tags import articles_with, list_tag
from articles.models import Article
from core.cache import tag_page
from core.kana import ROW_OF
from core.metadata import for_list_page
from core.pagination import IndexWalkPaginator, count_up_to
from core.slugs import romanize
from songs.artists import A_TO_Z_ORDER, JAPANESE_INDEX_ORDER
from songs.cache_tags import ARTISTS, songs_of, tie_ins_of
from songs.models import Artist, Audience, Mood, Song, Work

# A mood, an artist or a song page lists at most this many of its newest articles (50
# pages): a popular mood tags a third of the magazine, and counting or paging through
# all of it would cost more with every article published. The archive at /articles/
# and search reach the rest.
MAX_LISTED_ARTICLES = 1000
# The same for the songs of a kind of work: anime songs run to thousands.
MAX_LISTED_SONGS = 5000


def in_public_articles(songs):
    """Those of `songs` that some published article lists. The pages of works and kinds of
    work list only these, so a song added for a draft is not announced there before it."""
    return songs.filter(pk__in=Article.objects.published().listed_song_ids())


def index_letter(artist):
    """The A–Z heading an artist files under; '#' for names that start with no letter.
    Sort names are romaji (Artist.save), so Japanese names file under their reading."""
    first = artist.sort_name[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def letter_heading(artist):
    """(heading, anchor) of the English index's section for `artist`: 'A', 'letter-a'."""
    letter = index_letter(artist)
    return letter, f"letter-{letter.lower() if letter != '#' else 'other'}"


def gojuon_heading(artist):
    """(heading, anchor) of the Japanese index's section for `artist`: the gojūon row of
    their reading ('か', 'row-ka'), else the initial of their romaji as in English.

    Artists without a reading, mostly names in Latin letters ("Mr.Children"), come after
    the kana rows (JAPANESE_INDEX_ORDER), each under its own letter rather than all under
    one "A–Z": a reader looks for them under their letter, as the English index and
    Japanese record shops file them, and a page of 120 Latin names stays easy to jump through.
    """
    if not artist.kana_sort:
        return letter_heading(artist)
    row = ROW_OF[artist.kana_sort[0]]
    return row, f"row-{romanize(row)}"


class ArtistIndexView(ListView):
    """Artists in pages of 120, headed by section: on the English site by the initial of
    their romaji sort name, on the Japanese site by gojūon row of their kana reading."""

    template_name = "songs/artist_list.html"
    context_object_name = "artists"
    paginate_by = 120
    paginator_class = IndexWalkPaginator

    @property
    def in_gojuon_order(self):
        return get_language() == "ja"

    def get_queryset(self):
        tag_page(ARTISTS)
        if self.in_gojuon_order:
            return Artist.objects.order_by(*JAPANESE_INDEX_ORDER)  # as its index has it
        return Artist.objects.order_by(*A_TO_Z_ORDER)  # as its index has it

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        heading_of = gojuon_heading if self.in_gojuon_order else letter_heading
        context["sections"] = [
            (heading, anchor, list(group))
            for (heading, anchor), group in groupby(context["artists"], key=heading_of)
        ]
        if self.in_gojuon_order:
            title = _("Artists in gojūon order")
            description = _("Every artist in Liner Notes, in gojūon order.")
            context["index_label"] = _("Gojūon and A–Z index")
        else:
            title = _("Artists A–Z")
            description = _("Every artist in Liner Notes, A to Z.")
            context["index_label"] = _("Initials")
        context["index_title"] = title
        context["metadata"] = for_list_page(self.request, title, description, context["page_obj"])
        return context


class FeaturingArticlesView(ListView):
    """A page about one artist, song, mood or audience, with one page of the newest
    articles featuring it: a popular one's list runs to thousands, so it stops at
    MAX_LISTED_ARTICLES. Subclasses say what the page is about and which articles."""

    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.object = get_object_or_404(self.get_subject_queryset(), slug=self.kwargs["slug"])
        tag_page(articles_with(self.object))
        return self.featuring_articles().for_listing().newest_first()

    def get_subject_queryset(self):
        return self.model._default_manager.all()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return IndexWalkPaginator(
            queryset, per_page, max_count=MAX_LISTED_ARTICLES, list_tag=articles_with(self.object)
        )


class ArtistDetailView(FeaturingArticlesView):
    """An artist, their songs (the first few, newest first) and the articles featuring them."""

    model = Artist
    template_name = "songs/artist_detail.html"
    songs_shown = 60

    def featuring_articles(self):
        self.song_ids = Song.objects.ids_by_or_featuring(self.object)
        return Article.objects.published().with_any_song(self.song_ids)

    def get_context_data(self, **kwargs):
        tag_page(songs_of(self.object))
        return super().get_context_data(
            artist=self.object,
            songs=Song.objects.with_facets()
            .filter(pk__in=self.song_ids)
            .order_by("-release_date", "title", "pk")[: self.songs_shown],
            song_count=len(self.song_ids),
            metadata=metadata.for_artist(self.request, self.object),
            **kwargs,
        )


class SongDetailView(FeaturingArticlesView):
    """A song and the articles featuring it."""

    model = Song
    template_name = "songs/song_detail.html"

    def get_subject_queryset(self):
        return Song.objects.with_facets().prefetch_related("featured_artists")

    def featuring_articles(self):
        return Article.objects.published().with_any_song([self.object.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            song=self.object,
            metadata=metadata.for_song(self.request, self.object),
            **kwargs,
        )


class FacetDetailView(FeaturingArticlesView):
    """A mood or audience page: its description, songs, and the articles tagged with it."""

    template_name = "songs/facet_detail.html"
    songs_shown = 60
    # A popular mood tags a third of the catalogue: past this, the heading says "1000+".
    songs_counted = 1000

    def featuring_articles(self):
        return Article.objects.published().filter(**{self.tag_field: self.object})

    def get_context_data(self, **kwargs):
        facet = self.object
        tag_page(songs_of(facet))
        songs = (
            Song.objects.select_related("artist")
            .filter(**{self.tag_field: facet})
            .order_by("title", "pk")  # the index's order: the first 60 are read, not sorted
        )
        song_count = count_up_to(songs, self.songs_counted)
        return super().get_context_data(
            facet=facet,
            facet_kind=self.model._meta.verbose_name,
            songs=songs[: self.songs_shown],
            song_count=song_count,
            song_count_label=f"{song_count}+" if song_count == self.songs_counted else song_count,
            metadata=metadata.for_facet(self.request, facet),
            **kwargs,
        )


class MoodDetailView(FacetDetailView):
    model = Mood
    tag_field = "moods"


class AudienceDetailView(FacetDetailView):
    model = Audience
    tag_field = "audiences"


class WorkDetailView(FeaturingArticlesView):
    """A work: its facts, its songs that published articles list, and those articles."""

    model = Work
    template_name = "songs/work_detail.html"
    songs_shown = 60

    def featuring_articles(self):
        self.song_ids = list(self.object.songs.order_by().values_list("pk", flat=True))
        return Article.objects.published().with_any_song(self.song_ids)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        # Counted afresh: no list tag follows the articles of a work as a whole; the
        # page carries the lists of each of its songs instead (get_context_data).
        return IndexWalkPaginator(queryset, per_page, max_count=MAX_LISTED_ARTICLES)

    def get_context_data(self, **kwargs):
        # A song joins or leaves the work (songs_of), or an article listing one of its
        # songs is published or withdrawn (that song's list of articles).
        tag_page(songs_of(self.object), *(list_tag("song", pk) for pk in self.song_ids))
        songs = in_public_articles(Song.objects.select_related("artist").filter(work=self.object))
        return super().get_context_data(
            work=self.object,
            songs=songs.order_by("title", "pk")[: self.songs_shown],
            metadata=metadata.for_work(self.request, self.object),
            **kwargs,
        )


class TieInKindView(ListView):
    """Every song tied in to a kind of work (/tie-ins/anime/) that a published article lists."""

    template_name = "songs/tie_in_list.html"
    context_object_name = "songs"
    paginate_by = 50

    def get_queryset(self):
        self.kind = self.kwargs["kind"]
        if self.kind not in Work.Kind.values:
            raise Http404
        tag_page(tie_ins_of(self.kind))
        songs = Song.objects.select_related("artist", "work").filter(work__kind=self.kind)
        return in_public_articles(songs).order_by("title", "pk")

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return IndexWalkPaginator(
            queryset, per_page, max_count=MAX_LISTED_SONGS, list_tag=tie_ins_of(self.kind)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind_label"] = Work.Kind(self.kind).label
        context["metadata"] = metadata.for_tie_in_kind(
            self.request, self.kind, context["kind_label"], context["page_obj"]
        )
        return context
