"""A synthetic magazine to measure with: `python manage.py make_bulk --articles 20000`.

Shaped like a real one: published lists of 10–30 songs whose popularity is skewed
(Zipf: a few songs sit in thousands of lists, most in a handful), songs = 5 × articles,
artists = songs / 8, tie-in works = songs / 10 (three songs in ten tied in to one),
30 moods (one of them on a third of all lists), 20 audiences, a few authors,
publication times spread over the past eight years; names and titles in Japanese and
English. The same --seed gives the same content.

Rows go in with bulk_create, so no save() runs and no signal fires. Every field that
save() derives (slugs, rendered HTML, search text, sort keys) is derived here by the
same functions, so each row is as save() would have left it.
"""

import random
import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from articles import synthetic
from articles.article_text import derive_from_list
from articles.models import Article, Entry
from articles.synthetic_words import AUDIENCES, AUTHORS, MOODS
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood
from core.cache import invalidate_everything
from core.folding import search_document
from core.markup import render_markdown
from core.slugs import SlugBook
from core.translated import first_of, render_each, values_of
from songs.models import (
    Artist,
    Audience,
    Mood,
    Song,
    TaggedSongAudience,
    TaggedSongMood,
    Work,
)

BATCH_SIZE = 2000
# Articles are built and written this many at a time, with their entries and tags, so
# memory stays flat however many are asked for.
ARTICLES_PER_ROUND = 1000
YEARS_OF_ARCHIVE = 8
# Each list's songs are drawn with weight 1/rank^0.7: at 20,000 articles the top song sits
# in about 3,600 of them, the 10th in about 750 and the 100th in about 150, while more
# than half of all songs appear in two lists or none.
SONG_SKEW = 0.7
# The mood that a third of all lists carry is MOODS[0]; the others are drawn by rank.
COMMON_MOOD_SHARE = 1 / 3
AUTHOR_WEIGHTS = [30, 25, 20, 12, 8, 5]
MIN_ARTICLES = 6  # 5 × 6 = 30 songs: enough for the longest list


# Commentary and intros repeat across rows: render each distinct text once.
render = lru_cache(maxsize=None)(render_markdown)


class Command(BaseCommand):
    help = (
        "Add a synthetic magazine of N published articles (songs = 5 × N, artists = songs / 8) "
        "for measuring at scale. Refuses if its content is already there; --reset first "
        "deletes ALL articles, songs, artists, moods and audiences."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed, the same content.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete every article, song, artist, mood and audience first (not only "
            "synthetic ones): for development and benchmark databases.",
        )

    def handle(self, *args, articles, seed, reset, **options):
        if articles < MIN_ARTICLES:
            raise CommandError(f"--articles must be at least {MIN_ARTICLES}.")
        self.verbose = options["verbosity"] >= 1
        started = time.monotonic()
        with transaction.atomic():
            if reset:
                self.delete_all_content()
            elif Article.objects.filter(author__username__in=self.author_names()).exists():
                raise CommandError(
                    "Synthetic content is already loaded; --reset deletes all content and "
                    "makes it afresh."
                )
            self.build(articles, seed)
            # No save() ran, so no signal told the cached pages: tell them all.
            invalidate_everything()
        # Until the tables are analysed the planner takes them for nearly empty and picks
        # plans that scan them row by row (and autovacuum may be off, or not yet round).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.report(f"Done in {time.monotonic() - started:.1f}s.")

    def report(self, message):
        if self.verbose:
            self.stdout.write(message)

    @staticmethod
    def author_names():
        return [username for username, _, _ in AUTHORS]

    def delete_all_content(self):
        """Plain DELETEs: with signal receivers connected, QuerySet.delete() would load
        and signal every row. Foreign keys are checked at commit, so order is free."""
        models = [
            model
            for label in ("songs", "articles")
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        ]
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        get_user_model().objects.filter(username__in=self.author_names()).delete()

    def build(self, article_count, seed):
        song_count = 5 * article_count
        artist_count = song_count // 8
        moods = self.tags(Mood, synthetic.mood_tags())
        audiences = self.tags(Audience, synthetic.audience_tags())
        authors = self.authors()
        artists = self.timed("artists", self.artists, artist_count, random.Random(f"{seed}:a"))
        works = self.timed("works", self.works, song_count // 10, random.Random(f"{seed}:w"))
        songs = self.timed(
            "songs",
            self.songs,
            song_count,
            artists,
            works,
            moods,
            audiences,
            random.Random(f"{seed}:s"),
        )
        self.timed(
            "articles",
            self.articles,
            article_count,
            songs,
            authors,
            moods,
            audiences,
            random.Random(f"{seed}:p"),
            random.Random(f"{seed}:c"),
        )

    def timed(self, label, step, *args):
        started = time.monotonic()
        result = step(*args)
        self.report(f"{label}: {len(result):,} in {time.monotonic() - started:.1f}s")
        return result

    def tags(self, model, names_and_descriptions):
        """The moods or audiences, created with save() (there are few), or found by name."""
        tags = []
        for name, description in names_and_descriptions:
            tag = model.objects.filter(name=name).first()
            if tag is None:
                tag = model(name=name, description=description)
                tag.save()
            tags.append(tag)
        return tags

    def authors(self):
        users = []
        for username, first_name, last_name in AUTHORS:
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"first_name": first_name, "last_name": last_name}
            )
            if created:
                user.set_unusable_password()
                user.save()
            users.append(user)
        return users

    def artists(self, count, rng):
        writer, slugs, artists = synthetic.Writer(rng), SlugBook(Artist), []
        for _ in range(count):
            artist = Artist(**writer.artist())
            # As Artist.save() fills them.
            artist.derive_sort_keys()
            artist.slug = slugs.take(first_of(artist, "name"))
            render_each(artist, "bio", "bio_html", render)
            artist.search_text = artist.compute_search_text()
            artists.append(artist)
        return Artist.objects.bulk_create(artists, batch_size=BATCH_SIZE)

    def works(self, count, rng):
        writer, slugs, works = synthetic.Writer(rng), SlugBook(Work), []
        for _ in range(count):
            work = Work(**writer.work())
            work.slug = slugs.take(work.title_en or work.title_ja)  # as Work.save()
            works.append(work)
        return Work.objects.bulk_create(works, batch_size=BATCH_SIZE)

    def songs(self, count, artists, works, moods, audiences, rng):
        """Songs, their featured guests and tags. Returned in popularity order (most first):
        which song is popular is shuffled, so popular songs are spread over all artists."""
        writer, slugs, songs = synthetic.Writer(rng), SlugBook(Song), []
        by_artist = synthetic.Zipf(len(artists), 0.5, rng)
        for _ in range(count):
            song = Song(artist=artists[by_artist.draw()], **writer.song())
            if works and rng.random() < 0.3:
                song.work = works[rng.randrange(len(works))]
                song.tie_in_role = writer.tie_in_role(song.work.kind)
            # As Song.save() fills them.
            song.slug = slugs.take(first_of(song, "title"))
            song.search_text = song.compute_search_text()
            songs.append(song)
        Song.objects.bulk_create(songs, batch_size=BATCH_SIZE)

        guests = []
        for song in songs:
            if rng.random() < 0.05:
                guest = artists[by_artist.draw()]
                if guest.pk != song.artist_id:
                    guests.append(
                        Song.featured_artists.through(song_id=song.pk, artist_id=guest.pk)
                    )
        Song.featured_artists.through.objects.bulk_create(guests, batch_size=BATCH_SIZE)

        mood_rank, audience_rank = (
            synthetic.Zipf(len(moods), 1, rng),
            synthetic.Zipf(len(audiences), 1, rng),
        )
        links = {TaggedSongMood: [], TaggedSongAudience: []}
        for song in songs:
            for model, rank, tags, most in [
                (TaggedSongMood, mood_rank, moods, 3),
                (TaggedSongAudience, audience_rank, audiences, 2),
            ]:
                for index in rank.distinct(rng.randint(0, most)):
                    links[model].append(model(content_object_id=song.pk, tag_id=tags[index].pk))
        for model, rows in links.items():
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        rng.shuffle(songs)
        return songs

    def articles(self, count, songs, authors, moods, audiences, rng, commentary_rng):
        plan = ArticlePlanner(rng, len(songs), len(moods), len(audiences), authors)
        commentaries = synthetic.commentary_pool()
        # Oldest first, so ids follow publication order as they would on a real site.
        newest = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        span = YEARS_OF_ARCHIVE * 365 * 24 * 3600
        times = sorted(
            newest - timedelta(hours=1, seconds=rng.randrange(span)) for _ in range(count)
        )
        written = []
        for start in range(0, count, ARTICLES_PER_ROUND):
            planned = [
                plan.article(published_at)
                for published_at in times[start : start + ARTICLES_PER_ROUND]
            ]
            entries, mood_links, audience_links = [], [], []
            for article, ranks, *_ in planned:
                listed = []
                for position, rank in enumerate(ranks, start=1):
                    entry = Entry(
                        song_id=songs[rank].pk,
                        position=position,
                        commentary=commentary_rng.choice(commentaries),
                        added_at=article.published_at,
                    )
                    render_each(entry, "commentary", "commentary_html", render)  # as Entry.save()
                    listed.append(entry)
                # As Article.save() and articles/search_index.py make them.
                texts = [
                    (songs[rank].search_text, *values_of(entry, "commentary"))
                    for rank, entry in zip(ranks, listed, strict=True)
                ]
                derive_from_list(article, texts)
                entries.append(listed)
            rows = Article.objects.bulk_create(
                [article for article, *_ in planned], batch_size=BATCH_SIZE
            )
            for (article, _, mood_indexes, audience_indexes), listed in zip(
                planned, entries, strict=True
            ):
                for entry in listed:
                    entry.article_id = article.pk
                mood_links += [
                    TaggedArticleMood(content_object_id=article.pk, tag_id=moods[index].pk)
                    for index in mood_indexes
                ]
                audience_links += [
                    TaggedArticleAudience(content_object_id=article.pk, tag_id=audiences[index].pk)
                    for index in audience_indexes
                ]
            for model, objs in [
                (Entry, [entry for listed in entries for entry in listed]),
                (TaggedArticleMood, mood_links),
                (TaggedArticleAudience, audience_links),
            ]:
                model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
            written += rows
            self.report(f"  articles: {len(written):,} of {count:,}")
        return written


class ArticlePlanner:
    """One article at a time: its text and tags, and which songs it lists, by popularity rank."""

    def __init__(self, rng, song_count, mood_count, audience_count, authors):
        self.rng, self.authors = rng, authors
        self.writer, self.slugs = synthetic.Writer(rng), SlugBook(Article)
        self.popularity = synthetic.Zipf(song_count, SONG_SKEW, rng)
        self.other_moods = synthetic.Zipf(mood_count - 1, 1, rng)
        self.audience_rank = synthetic.Zipf(audience_count, 0.8, rng)

    def article(self, published_at):
        rng = self.rng
        mood_indexes = [1 + self.other_moods.draw()]
        if rng.random() < COMMON_MOOD_SHARE:
            mood_indexes.insert(rng.randint(0, 1), 0)
        if rng.random() < 0.3:
            extra = 1 + self.other_moods.draw()
            if extra not in mood_indexes:
                mood_indexes.append(extra)
        audience_indexes = []
        if rng.random() < 0.7:
            audience_indexes = self.audience_rank.distinct(2 if rng.random() < 0.2 else 1)
        length = rng.randint(10, 30)
        audience = AUDIENCES[audience_indexes[0]] if audience_indexes else None
        title, lead, intro = self.writer.article(
            length, MOODS[mood_indexes[0]], audience, published_at.year
        )
        article = Article(
            title=title,
            lead=lead,
            intro=intro,
            author_id=rng.choices(self.authors, weights=AUTHOR_WEIGHTS)[0].pk,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
        )
        # As Article.save() fills them.
        article.slug = self.slugs.take(first_of(article, "title"))
        render_each(article, "intro", "intro_html", render)
        article.title_text = search_document(*values_of(article, "title"))
        return article, self.popularity.distinct(length), mood_indexes, audience_indexes
