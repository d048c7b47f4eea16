"""What django-reversion records for the song catalogue.

A song's version carries its mood and audience links, so restoring it brings its
tags back as they were. Artists, moods and audiences are versioned on their own.
"""

import reversion

from songs.models import Artist, Audience, Mood, Song, TaggedSongAudience, TaggedSongMood, Work

# The monogram is drawn from the rest (songs/monograms.py), again after a restore.
if not reversion.is_registered(Artist):
    reversion.register(Artist, exclude=["monogram_renditions"])

for model in (Mood, Audience, Work, TaggedSongMood, TaggedSongAudience):
    if not reversion.is_registered(model):
        reversion.register(model)

if not reversion.is_registered(Song):
    reversion.register(Song, follow=["mood_links", "audience_links"])
