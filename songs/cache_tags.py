"""The catalogue's cache tags: what a page showing artists, songs, moods or audiences
records (core/cache.py), and what a change to them invalidates.

Pages showing a row carry its own tag ("song-7"), so they go stale when it changes
or leaves. Lists also carry a list tag, for what joins them or moves within them:
"artists" (the A–Z list and the home page's), "moods", "audiences", "songs:<tag>"
(the songs of an artist, mood, audience or work) and "tie-ins:<kind>" (the songs tied
in to a kind of work, e.g. "tie-ins:anime").
"""

from django.db.models.signals import m2m_changed

from core.cache import invalidate, object_tag, on_change, track
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


def songs_of(obj):
    """The tag of the list of songs by an artist, or with a mood or audience."""
    return f"songs:{object_tag(obj)}"


def artist_tags(artist, changed):
    # A new name or sort name can move the artist to another page of the A–Z list.
    return [object_tag(artist), *([ARTISTS] if changed else [])]


def tie_ins_of(kind):
    """The tag of the list of songs tied in to works of `kind` (a Work.Kind value)."""
    return f"tie-ins:{kind}"


def song_tags(song, changed):
    # Pages that showed the song carry its tag; a list it joins is told by its list tag.
    tags = [object_tag(song)]
    if changed and "artist" in changed:
        tags.append(f"songs:artist-{song.artist_id}")
    if changed is None or "work" in changed:
        # It leaves one work's lists and joins another's.
        before = getattr(song, "_values_before_save", None) or {}
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
    on_change(Artist, artist_tags, watched=["name", "sort_name"])
    on_change(Song, song_tags, watched=["artist", "work"])
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
