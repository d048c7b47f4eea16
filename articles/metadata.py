"""Page metadata for articles, artists, songs, moods and audiences (core/metadata.py
has the shape, and plain pages)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles import structured_data
from core.markup import strip_control_characters
from core.metadata import (
    SITE_DESCRIPTION,
    FeedLink,
    PageMetadata,
    for_list_page,
    home_crumb,
    image_url,
    page_url,
    pagination_links,
    plain_text,
    publisher,
)


def byline(article):
    """Who signs an article: the author's full name, else the site (never a login name)."""
    name = article.author.get_full_name() if article.author else ""
    # The user model is django.contrib.auth's: no field of ours cleaned these names.
    return strip_control_characters(name).strip() or settings.SITE_NAME


def for_article_list(request, page_obj):
    return for_list_page(
        request, _("Articles"), _("Every Liner Notes article, newest first."), page_obj
    )


def for_article_page(request, article, page_obj):
    """One page of an article: canonical to itself, its songs numbered as the page shows them."""
    path = article.get_absolute_url()
    canonical_url = page_url(request, path, page_obj.number)
    title = article.title
    if page_obj.number > 1:
        title = f"{title} ({page_obj.start_index()}–{page_obj.end_index()})"
    description = plain_text(article.lead or article.intro_html) or SITE_DESCRIPTION
    author_name = byline(article)
    author = (
        publisher(request)
        if author_name == settings.SITE_NAME
        else {"@type": "Person", "name": author_name}
    )
    # The hero image, else the cover we drew: every article has a picture to share.
    picture_url = image_url(request, article.picture)
    songs = structured_data.song_list(
        page_obj.object_list,
        first_position=page_obj.start_index(),
        total=page_obj.paginator.count,
        absolute_url=request.build_absolute_uri,
    )
    article_node = structured_data.article_entity(
        article,
        url=canonical_url,
        description=description,
        author=author,
        publisher=publisher(request),
        image_url=picture_url,
        songs=songs,
    )
    playlist_node = structured_data.music_playlist(
        article, url=request.build_absolute_uri(path), songs=songs
    )
    return PageMetadata(
        title=title,
        description=description,
        canonical_url=canonical_url,
        breadcrumbs=(
            home_crumb(request),
            (_("Articles"), request.build_absolute_uri(reverse("articles:list"))),
            (article.title, request.build_absolute_uri(path)),
        ),
        entities=(article_node, playlist_node),
        image_url=picture_url,
        image_alt=article.picture_alt,
        og_type="article",
        published_time=article.published_at,
        modified_time=article.updated_at,
        # A staff preview of a draft or scheduled article must never be indexed, nor the
        # fallback page of a language the article is not written in (the switcher says
        # it is not translated yet): its text is the other language's page's.
        noindex=not article.is_public or get_language() not in article.own_languages,
        **pagination_links(request, path, page_obj),
    )


def for_artist(request, artist):
    path = artist.get_absolute_url()
    photo_url = image_url(request, artist.portrait)
    # Link previews show the monogram when there is no photo; the structured data,
    # which says what the artist looks like, names a real photo only.
    picture_url = image_url(request, artist.picture)
    description = plain_text(artist.bio_html) or plain_text(
        _("Songs by %(name)s, and the Liner Notes articles that feature them.")
        % {"name": artist.name}
    )
    return PageMetadata(
        title=artist.name,
        description=description,
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(
            home_crumb(request),
            (_("Artists"), request.build_absolute_uri(reverse("articles:artist_list"))),
            (artist.name, request.build_absolute_uri(path)),
        ),
        entities=(structured_data.artist_entity(artist, request.build_absolute_uri, photo_url),),
        image_url=picture_url,
        image_alt=artist.picture_alt,
        feeds=facet_feeds(
            _("%(site)s: articles featuring %(name)s")
            % {"site": settings.SITE_NAME, "name": artist.name},
            "artist",
            artist.slug,
        ),
    )


def for_song(request, song):
    """Needs `song.artist` and `song.work` loaded with the song."""
    path = song.get_absolute_url()
    facts = _("%(title)s by %(artist)s") % {"title": song.title, "artist": song.artist.name}
    if song.release_year:
        facts += _(", released in %(year)s") % {"year": song.release_year}
    if song.has_tie_in:
        # As the song page says it (templates/includes/tie_in.html), as plain text.
        facts += ". " + plain_text(render_to_string("includes/tie_in.html", {"song": song}))
    return PageMetadata(
        title=f"{song.title} — {song.artist.name}",
        description=plain_text(facts + "."),
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(
            home_crumb(request),
            (_("Artists"), request.build_absolute_uri(reverse("articles:artist_list"))),
            (song.artist.name, request.build_absolute_uri(song.artist.get_absolute_url())),
            (song.title, request.build_absolute_uri(path)),
        ),
        entities=(structured_data.music_recording(song, request.build_absolute_uri),),
    )


def for_facet(request, facet):
    """A mood or an audience page, with its own feed."""
    path = facet.get_absolute_url()
    name = facet.display_name
    return PageMetadata(
        title=name,
        description=plain_text(
            facet.description or _("Songs and articles for “%(name)s”.") % {"name": name}
        ),
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(home_crumb(request), (name, request.build_absolute_uri(path))),
        feeds=facet_feeds(f"{settings.SITE_NAME}: {name}", facet._meta.model_name, facet.slug),
    )


def facet_feeds(title, kind, slug):
    """A mood's, audience's or artist's feeds: RSS, and its JSON Feed twin."""
    return (
        FeedLink(title, reverse(f"articles:{kind}_feed", args=[slug])),
        FeedLink(
            f"{title} (JSON Feed)",
            reverse(f"articles:{kind}_json_feed", args=[slug]),
            "application/feed+json",
        ),
    )


def for_work(request, work):
    path = work.get_absolute_url()
    kind = work.get_kind_display()
    facts = f"{work.title} ({kind}, {work.year})" if work.year else f"{work.title} ({kind})"
    return PageMetadata(
        title=work.title,
        description=plain_text(
            _("%(work)s: its songs, and the Liner Notes articles that feature them.")
            % {"work": facts}
        ),
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(
            home_crumb(request),
            (kind, request.build_absolute_uri(reverse("articles:tie_in_kind", args=[work.kind]))),
            (work.title, request.build_absolute_uri(path)),
        ),
        entities=(structured_data.work_entity(work, request.build_absolute_uri),),
    )


def for_tie_in_kind(request, kind, label, page_obj):
    """The songs tied in to one kind of work, e.g. every anime song."""
    return for_list_page(
        request,
        _("%(kind)s songs") % {"kind": label},
        _("Every song tied in to a work of this kind (%(kind)s) in Liner Notes articles.")
        % {"kind": label},
        page_obj,
    )
