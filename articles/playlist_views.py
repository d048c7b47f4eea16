"""`/articles/<slug>/playlist.xspf` and `…/playlist.m3u`: a published article's entries
as a playlist file, in entry order (articles/playlists.py writes them)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views import View

from articles import playlists
from articles.metadata import byline
from articles.models import Article, Entry
from core.metadata import plain_text


class PlaylistView(View):
    """Two queries whatever the length of the list: the article, then its entries with
    their songs and artists. Drafts and scheduled articles are a 404, for editors too:
    a playlist file is never a preview."""

    extension = None
    content_type = None

    def get(self, request, slug):
        article = get_object_or_404(Article.objects.published().for_listing(), slug=slug)
        entries = Entry.objects.filter(article=article).select_related("song__artist")
        tracks = playlists.tracks(entries.order_by("position"), request.build_absolute_uri)
        response = HttpResponse(self.render(request, article, tracks), self.content_type)
        response["Content-Disposition"] = content_disposition_header(
            False, f"{article.slug}.{self.extension}"
        )
        return response

    def render(self, request, article, tracks):
        raise NotImplementedError


class XspfPlaylistView(PlaylistView):
    extension = "xspf"
    content_type = playlists.XSPF_CONTENT_TYPE

    def render(self, request, article, tracks):
        return playlists.xspf(
            tracks,
            title=article.title,
            creator=byline(article),
            annotation=plain_text(article.lead or article.intro_html, 1000),
            info_url=request.build_absolute_uri(article.get_absolute_url()),
            location_url=request.build_absolute_uri(request.path),
            date=article.published_at,
        )


class M3uPlaylistView(PlaylistView):
    extension = "m3u"
    content_type = playlists.M3U_CONTENT_TYPE

    def render(self, request, article, tracks):
        return playlists.m3u(tracks, title=article.title)


xspf_playlist = XspfPlaylistView.as_view()
m3u_playlist = M3uPlaylistView.as_view()
