"""Signals the catalogue sends for the editorial side to follow."""

from django.dispatch import Signal

# Sent with `song_ids` once those songs' search text has changed (a song or its artist
# renamed): the articles listing them carry that text in theirs (articles/search_index.py).
songs_renamed = Signal()
