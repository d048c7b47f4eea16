"""The articles' cache tags: what a page showing articles records (core/cache.py), and
what a change to an article, its entries, tags, picks or author invalidates.

Pages showing an article carry its tag ("article-12"); its entries count as part of
it. Lists of articles carry a list tag for what may join them or move within them:
"articles" (the newest articles: home, the article list, the site feeds) and
"articles:<tag>" for the articles with a mood, audience, song or artist, or featuring
a song of an era or decade ("articles:era-heisei", "articles:decade-1990s"); the songs
tied in to a kind of work that some public article lists ("tie-ins:anime"). Drafts are
on no list. A scheduled article joins its lists when its time comes: that
invalidation is written ahead, stamped with its publication time.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.utils import timezone

from articles.models import Article, Entry
from articles.related_models import RelatedPick
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood
from core.cache import invalidate, object_tag, on_change, track
from songs.cache_tags import SONG_FIELDS_LISTED, tie_ins_of
from songs.eras import periods_of
from songs.models import Song

ARTICLES = "articles"


def article_tag(article_id):
    """The tag of one article, from its id: object_tag() of the article."""
    return f"article-{article_id}"


def list_tag(model_name, pk):
    """The tag of the list of articles with a mood or audience, or featuring a song or
    artist: list_tag("song", 7) is "articles:song-7"."""
    return f"articles:{model_name}-{pk}"


def articles_with(obj):
    return list_tag(obj._meta.model_name, obj.pk)


def featuring(songs):
    """The tags of the lists of articles featuring these songs or their artists, from
    (song id, artist id) pairs."""
    return [
        *(list_tag("song", song) for song, _ in songs),
        *(list_tag("artist", artist) for _, artist in songs),
    ]


def articles_in(period):
    """The tag of the list of articles featuring a song of an era or decade."""
    return f"articles:{period.key}"


def in_periods(dated_songs):
    """The tags of the lists of articles featuring a song of an era or decade, from
    (release date, precision) pairs."""
    return {
        articles_in(period)
        for release_date, precision in dated_songs
        for period in periods_of(release_date, precision)
    }


def invalidate_lists(article_id, lists):
    """Invalidate `lists` if the article is on them: now if it is public, at its
    publication time if it is scheduled, not at all if it is a draft."""
    listed = (
        Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED)
        .values_list("published_at", flat=True)
        .first()
    )
    if listed is not None:
        invalidate(lists, at=listed if listed > timezone.now() else None)


def lists_joined_by(article):
    """Every list tag `article` belongs on while it is public."""
    moods = article.mood_links.values_list("tag_id", flat=True)
    audiences = article.audience_links.values_list("tag_id", flat=True)
    entries = Entry.objects.filter(article=article)
    songs = entries.values_list("song_id", "song__artist_id")
    kinds = entries.filter(song__work__isnull=False).values_list("song__work__kind", flat=True)
    return [
        ARTICLES,
        *(list_tag("mood", pk) for pk in moods),
        *(list_tag("audience", pk) for pk in audiences),
        *featuring(songs),
        *map(tie_ins_of, set(kinds)),
        *in_periods(
            entries.values_list("song__release_date", "song__release_date_precision").distinct()
        ),
    ]


def article_tags(article, changed):
    if changed is None:
        # Deleted: its entries and tag links told their own lists as they went.
        return [object_tag(article), ARTICLES]
    before = getattr(article, "_values_before_save", None) or {}
    was_listed = before.get("status") == Article.Status.PUBLISHED
    if changed and (was_listed or article.status == Article.Status.PUBLISHED):
        lists = lists_joined_by(article)
        if was_listed:
            invalidate(lists)  # it leaves them, or moves within them, now
        invalidate_lists(article.pk, [object_tag(article), *lists])
    return [object_tag(article)]


def entry_tags(entry, changed):
    article = article_tag(entry.article_id)
    if changed is None or changed:
        song = Song.objects.filter(pk=entry.song_id)
        listed = song.values_list(
            "artist_id", "work__kind", "release_date", "release_date_precision"
        )
        artist, kind, *dated = listed.first() or (None, None, None, None)
        kinds = [tie_ins_of(kind)] if kind else []
        lists = [*featuring([(entry.song_id, artist)]), *kinds, *in_periods([dated])]
        invalidate_lists(entry.article_id, lists)
    badge_ends = entry.added_at + timedelta(days=settings.NEW_BADGE_DAYS)
    if changed is not None and badge_ends > timezone.now():
        invalidate([article], at=badge_ends)
    return [article]


def article_link_tags(link, changed):
    invalidate_lists(link.content_object_id, [articles_with(link.tag)])
    return [article_tag(link.content_object_id)]


def pick_tags(pick, changed):
    return [article_tag(pick.from_article_id)]


def song_moved_tags(song, changed):
    # A song given to another artist brings its articles to that artist's list; one
    # re-dated may take them from one era's or decade's list to another's.
    if not changed:
        return []
    before = getattr(song, "_values_before_save", None) or {}
    moved = in_periods([(song.release_date, song.release_date_precision)])
    if "release_date" in before:
        moved |= in_periods([(before["release_date"], before["release_date_precision"])])
    return [*([list_tag("artist", song.artist_id)] if "artist" in changed else []), *moved]


def author_tags(user, changed):
    # Bylines show the author's name; a log-in (last_login alone) changes nothing shown.
    return [object_tag(user)] if changed is None or changed else []


def featured_artists_changed(sender, instance, action, pk_set, **kwargs):
    if action == "post_add":
        invalidate(list_tag("artist", pk) for pk in pk_set)


def connect():
    track(Article)
    track(Entry, lambda entry: (article_tag(entry.article_id),))
    user_model = get_user_model()
    track(user_model)
    on_change(Article, article_tags, watched=["status", "published_at"])
    on_change(Entry, entry_tags, watched=["song"])
    on_change(TaggedArticleMood, article_link_tags)
    on_change(TaggedArticleAudience, article_link_tags)
    on_change(RelatedPick, pick_tags)
    on_change(Song, song_moved_tags, watched=SONG_FIELDS_LISTED)
    on_change(user_model, author_tags, watched=["first_name", "last_name"])
    m2m_changed.connect(
        featured_artists_changed,
        sender=Song.featured_artists.through,
        dispatch_uid="cache-tags-articles-featuring",
    )
