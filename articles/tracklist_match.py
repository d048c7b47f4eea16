"""Pasted tracklist lines matched to the catalogue: the song each line names, or the new
song (and artist) it would need.

A line matches a song when one of its readings (title, artist) names the song by its
title or an alternative title AND its artist by name, sort name or alias, in any
script: names are compared folded (core.folding: NFKC, case, katakana as hiragana),
as romaji too, and without spaces or punctuation, so "アイネクライネ", "あいねくらいね",
"Ainekuraine" and "Eine Kleine" all name the song whose titles list them, and
"Mr Children" names Mr.Children. Search texts narrow the catalogue down first, with
the same indexed substring lookup as site search (articles/search.py).
"""

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from core.folding import fold
from core.slugs import romanize
from songs.models import Artist, Song

# Rows read per line and lookup: enough for every song of one name, or of one artist.
CANDIDATE_LIMIT = 200

MATCHED, NEW_SONG, NEW_ARTIST, ALREADY_LISTED, REPEATED = (
    "matched",
    "new-song",
    "new-artist",
    "already-listed",
    "repeated",
)


@dataclass
class LineMatch:
    """What one line will add: an existing song, or a new song by a known or new artist,
    or nothing because its song is in the list already."""

    line: object  # the TrackLine
    outcome: str
    title: str
    artist_name: str
    song: Song | None = None
    artist: Artist | None = None

    @property
    def adds_entry(self):
        return self.outcome in (MATCHED, NEW_SONG, NEW_ARTIST)

    def fingerprint(self):
        """What the editor was shown for this line, to check it is what gets saved."""
        return f"{self.outcome}|{self.song and self.song.pk}|{self.artist and self.artist.pk}|" + (
            f"{self.title}|{self.artist_name}"
        )


def compact_keys(*texts):
    """Each text as compared: folded, and read out in romaji, without spaces,
    punctuation or the accents of Latin letters ("Sōsō" is "soso")."""
    keys = set()
    for text in texts:
        for form in (text, romanize(text)):
            key = compact(form)
            if key:
                keys.add(key)
    return keys


def compact(text):
    kept = []
    for char in fold(text):
        base = unicodedata.normalize("NFKD", char)[0]
        if base.isascii():
            char = base  # "ō" is "o"; "が" stays "が"
        if char.isalnum():
            kept.append(char)
    return "".join(kept)


def song_title_keys(song):
    return compact_keys(song.title, *song.alt_title_list)


def artist_keys(artist):
    return compact_keys(artist.name, artist.sort_name, *artist.alias_list)


def search_forms(parts):
    """What to look for in search texts: each part folded, and as romaji."""
    forms = set()
    for part in parts:
        for form in (fold(part).strip(), fold(romanize(part)).strip()):
            if form:
                forms.add(form)
    return forms


def search_words(parts):
    """The longest word of each part: what a differently punctuated name still shares
    ("one more time one more chance" and "one more time, one more chance")."""
    words = set()
    for form in search_forms(parts):
        longest = max(form.replace(",", " ").split(), key=len, default="")
        if len(longest) >= 2:
            words.add(longest)
    return words


def containing_any(forms):
    return reduce(or_, (Q(search_text__indexed_contains=form) for form in forms))


class CatalogueMatcher:
    """Matches lines in order, so that a song named twice is added once."""

    def __init__(self, listed_song_ids):
        self.listed = set(listed_song_ids)
        self.claimed = set()  # songs matched by earlier lines of this paste
        self.new_songs = set()  # (title key, artist key) of new songs proposed so far
        self.new_artists = set()  # keys of the new artists proposed so far

    def match_all(self, lines):
        return [self.match(line) for line in lines]

    def match(self, line):
        readings = line.readings()
        parts = {part for split in line.splits for part in split}
        artists = self.known_artists(parts)
        songs = self.candidate_songs(parts, artists)
        for title, artist_name in readings:
            song = self.song_named(songs, title, artist_name)
            if song is not None:
                return self.existing(line, song, title, artist_name)
        for title, artist_name in readings:
            artist = self.artist_named(artists, artist_name)
            if artist is not None:
                return self.proposed(line, NEW_SONG, title, artist.name, artist)
        title, artist_name = readings[0]
        return self.proposed(line, NEW_ARTIST, title, artist_name, None)

    def existing(self, line, song, title, artist_name):
        if song.pk in self.listed:
            outcome = ALREADY_LISTED
        elif song.pk in self.claimed:
            outcome = REPEATED
        else:
            outcome = MATCHED
            self.claimed.add(song.pk)
        return LineMatch(line, outcome, song.title, song.artist.name, song=song, artist=song.artist)

    def proposed(self, line, outcome, title, artist_name, artist):
        key = (compact(title), compact(artist_name))
        if key in self.new_songs:
            outcome = REPEATED
        elif outcome == NEW_ARTIST and key[1] in self.new_artists:
            outcome = NEW_SONG  # by the new artist an earlier line brings in
        self.new_songs.add(key)
        if outcome == NEW_ARTIST:
            self.new_artists.add(key[1])
        return LineMatch(line, outcome, title, artist_name, artist=artist)

    def known_artists(self, parts):
        """Artists a part names, as stored: by its whole text, else by its longest word."""
        found = self.rows(Artist.objects.all(), search_forms(parts))
        named = [artist for artist in found if artist_keys(artist) & compact_keys(*parts)]
        if not named:
            found = self.rows(Artist.objects.all(), search_words(parts))
            named = [artist for artist in found if artist_keys(artist) & compact_keys(*parts)]
        return named

    def candidate_songs(self, parts, artists):
        songs = Song.objects.select_related("artist")
        found = self.rows(songs, search_forms(parts))
        words = search_words(parts)
        if artists and words:
            # A title punctuated or spaced differently from the catalogue's.
            by_them = songs.filter(artist__in=artists)
            found += self.rows(by_them, words)
        return found

    def rows(self, queryset, forms):
        if not forms:
            return []
        return list(queryset.filter(containing_any(forms)).order_by("pk")[:CANDIDATE_LIMIT])

    def song_named(self, songs, title, artist_name):
        title_keys, name_keys = compact_keys(title), compact_keys(artist_name)
        for song in songs:
            if song_title_keys(song) & title_keys and artist_keys(song.artist) & name_keys:
                return song
        return None

    def artist_named(self, artists, artist_name):
        name_keys = compact_keys(artist_name)
        return next((artist for artist in artists if artist_keys(artist) & name_keys), None)


def match_tracklist(lines, listed_song_ids):
    """A LineMatch for each TrackLine, in order."""
    return CatalogueMatcher(listed_song_ids).match_all(lines)


def plan_fingerprint(matches, listed_song_ids):
    """A digest of what the confirmation shows: if the catalogue or the list changes
    before the editor confirms, the digest does, and nothing unseen is saved."""
    shown = "\n".join(
        [",".join(str(pk) for pk in listed_song_ids)] + [match.fingerprint() for match in matches]
    )
    return hashlib.sha256(shown.encode()).hexdigest()[:32]
