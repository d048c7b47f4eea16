"""The catalogue's cache tags: what a page showing artists, songs, moods or audiences
records (core/cache.py), and what a change to them invalidates.

Pages showing a row carry its own tag ("song-7"), so they go stale when it changes
or leaves. Lists also carry a list tag, for what joins them or moves within them:
"artists" (the A–Z list and the home page's), "moods", "audiences", "songs:<tag>"
(the songs of an artist, mood, audience or work), "songs:era-heisei" and
"songs:decade-1990s" (the songs of an era or a decade, songs/eras.py), and
"tie-ins:<kind>" (the songs tied in to a kind of work, e.g. "tie-ins:anime").
"""

from django.db.models.signals import m2m_changed

from core.cache import invalidate, object_tag, on_change, track
from core.translated import localized
from songs.eras import periods_of
from songs.models import (
    Artist,
    Audience,
    Mood,
    Song,
    TaggedSongAudience,
    TaggedSongMood,
    Work,
)

ARTISTS = "artists"
MOODS = "moods"
AUDIENCES = "audiences"
# What of a song the lists of songs and of articles it is on depend on (the article
# lists watch them too: articles/cache_tags.py).
SONG_FIELDS_LISTED = ["artist", "release_date", "release_date_precision"]
# What of an artist the A–Z lists show or file by: the name in each language, the
# romaji sort name, and the kana sort key (from the reading, else the Japanese name).
ARTIST_FIELDS_LISTED = ["name", *localized("name"), "sort_name", "kana_sort"]


def songs_of(obj):
    """The tag of the list of songs by an artist, or with a mood or audience."""
    return f"songs:{object_tag(obj)}"


def songs_in(period):
    """The tag of the list of songs of an era or a decade."""
    return f"songs:{period.key}"


def period_lists(release_date, precision):
    return [songs_in(period) for period in periods_of(release_date, precision)]


def artist_tags(artist, changed):
    # A new name, sort name or reading can move the artist to another page of the A–Z
    # list, in either language (the Japanese one files by kana_sort, derived from both).
    return [object_tag(artist), *([ARTISTS] if changed else [])]


def tie_ins_of(kind):
    """The tag of the list of songs tied in to works of `kind` (a Work.Kind value)."""
    return f"tie-ins:{kind}"


def song_tags(song, changed):
    # Pages that showed the song carry its tag; a list it joins, leaves or moves within
    # (its artist's, newest first; its era's and decade's, by date) by its list tag.
    tags = [object_tag(song)]
    before = getattr(song, "_values_before_save", None) or {}
    if changed is None or changed:
        tags += period_lists(song.release_date, song.release_date_precision)
    if changed:
        tags.append(f"songs:artist-{song.artist_id}")
        if "release_date" in before:
            tags += period_lists(before["release_date"], before["release_date_precision"])
    if changed is None or "work" in changed:
        # It leaves one work's lists and joins another's.
        works = {song.work_id, before.get("work_id")} - {None}
        kinds = Work.objects.filter(pk__in=works).values_list("kind", flat=True)
        tags += [*(f"songs:work-{pk}" for pk in works), *map(tie_ins_of, set(kinds))]
    return tags


def work_tags(work, changed):
    # A work of another kind moves its songs from one kind's list to another's.
    tags = [object_tag(work)]
    if changed is None or changed:
        before = getattr(work, "_values_before_save", None) or {}
        tags += map(tie_ins_of, {work.kind, before.get("kind")} - {None})
    return tags


def vocabulary_tags(tag, changed):
    listing = MOODS if isinstance(tag, Mood) else AUDIENCES
    return [object_tag(tag), *([listing] if changed else [])]


def song_link_tags(link, changed):
    return [f"song-{link.content_object_id}", songs_of(link.tag)]


def featured_artists_changed(sender, instance, action, pk_set, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        artists = pk_set or []
        invalidate([object_tag(instance), *(f"songs:artist-{pk}" for pk in artists)])


def connect():
    for model in (Artist, Song, Mood, Audience, Work):
        track(model)
    on_change(Artist, artist_tags, watched=ARTIST_FIELDS_LISTED)
    on_change(Song, song_tags, watched=[*SONG_FIELDS_LISTED, "work"])
    on_change(Work, work_tags, watched=["kind"])
    on_change(Mood, vocabulary_tags, watched=["name"])
    on_change(Audience, vocabulary_tags, watched=["name"])
    on_change(TaggedSongMood, song_link_tags)
    on_change(TaggedSongAudience, song_link_tags)
    m2m_changed.connect(
        featured_artists_changed,
        sender=Song.featured_artists.through,
        dispatch_uid="cache-tags-featured-artists",
    )
