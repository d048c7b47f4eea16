"""Load the demo content, in English and Japanese. Safe to run again: it never duplicates,
and never undoes an edit unless asked to with --reset.

Translated fields are written by their columns (`title_en`, `title_ja`), whatever the
language the command runs in; a Japanese text the demo does not know stays empty, and
readers get the English one."""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.covers import draw_missing_pictures
from articles.demo.articles import LONG_ARTICLE, MAIN_ARTICLE, RELATED_ARTICLES, SONG_NOTES
from articles.demo.catalogue import ARTISTS, AUDIENCES, MOODS
from articles.demo.japanese_articles import ARTICLES_JA
from articles.demo.japanese_catalogue import ARTISTS_JA, AUDIENCES_JA, MOODS_JA, SONGS_JA
from articles.demo.songs import SONGS, WORKS
from articles.models import Article, Entry
from articles.related_models import RelatedPick
from articles.update_log import log_update
from core.slugs import ascii_slug
from songs.models import Artist, Audience, Mood, Song, Work

DESK_USERNAME = "liner-notes-desk"
NEW_SONG_SLUG = "even-if-its-one-of-a-kind"


class Command(BaseCommand):
    help = (
        "Load the demo artists, songs and articles. Once loaded, running it again changes "
        "nothing (an editor's changes to the demo stay); --reset puts the demo back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Bring the demo content back as shipped."
        )

    @transaction.atomic
    def handle(self, *args, reset=False, **options):
        main = Article.objects.filter(slug=MAIN_ARTICLE["slug"]).first()
        if not reset and main is not None:
            # Loaded before covers existed, or by an import: draw what is missing.
            draw_missing_pictures(
                [main.pk, *main.pick_links.values_list("to_article", flat=True)],
                Artist.objects.filter(slug__in=[data["slug"] for data in ARTISTS]),
            )
            self.stdout.write("Demo content is already loaded; --reset loads it afresh.")
            return
        moods = {
            slug: self.facet(Mood, slug, *text, MOODS_JA.get(slug, {}))
            for slug, text in MOODS.items()
        }
        audiences = {
            slug: self.facet(Audience, slug, *text, AUDIENCES_JA.get(slug, {}))
            for slug, text in AUDIENCES.items()
        }
        artists = {data["slug"]: self.artist(data) for data in ARTISTS}
        works = {slug: self.upsert(Work, slug, values) for slug, values in WORKS.items()}
        songs = {data["slug"]: self.song(data, artists, works, moods, audiences) for data in SONGS}
        desk = self.desk_author()

        main = self.article(MAIN_ARTICLE, desk, moods, audiences, songs)
        # The seed's last entry was added recently: it should wear the NEW! badge.
        # Saved, not updated: the save plans the moment the badge runs out on cached pages.
        for entry in main.entries.filter(song__slug=NEW_SONG_SLUG).select_related("song"):
            entry.added_at = timezone.now() - timedelta(days=3)
            entry.save(update_fields=["added_at"])
            # Added to the published list, so its update log says so, as a save would have.
            main.updates.all().delete()
            log_update(main, at=entry.added_at, added=[[entry.song_id, entry.song.title_en]])
        self.article(LONG_ARTICLE, desk, moods, audiences, songs)
        base_time = datetime.fromisoformat(MAIN_ARTICLE["published"])
        related = []
        for index, (title, mood_slugs, audience_slugs, song_slugs, lead) in enumerate(
            RELATED_ARTICLES, start=1
        ):
            data = {
                "slug": ascii_slug(title, max_length=80),
                "title": title,
                "lead": lead,
                "intro": lead,
                "published": (base_time - timedelta(days=9 * index)).isoformat(),
                "moods": mood_slugs,
                "audiences": audience_slugs,
                "entries": [(slug, SONG_NOTES[slug]) for slug in song_slugs],
            }
            related.append(self.article(data, desk, moods, audiences, songs))
        # As on the seed page, the editor lists the related articles in this order.
        for position, article in enumerate(related, start=1):
            RelatedPick.objects.update_or_create(
                from_article=main, to_article=article, defaults={"position": position}
            )

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Artist.objects.count()} artists, "
                f"{Song.objects.count()} songs, {Article.objects.count()} articles."
            )
        )

    def upsert(self, model, slug, values):
        """The row with `slug`, created or brought up to `values`; saved only if it changed,
        so running the command again leaves timestamps (and feeds) alone."""
        obj, created = model.objects.get_or_create(slug=slug, defaults=values)
        changed = {field for field, value in values.items() if getattr(obj, field) != value}
        if changed and not created:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save()
        return obj

    def facet(self, model, slug, name, description, japanese):
        return self.upsert(
            model,
            slug,
            {
                "name": name,
                "description_en": description,
                "label_ja": japanese.get("name") or None,
                "description_ja": japanese.get("description") or None,
            },
        )

    def artist(self, data):
        values = {k: v for k, v in data.items() if k not in {"slug", "name", "bio"}}
        japanese = ARTISTS_JA.get(data["slug"], {})
        values.update(
            name_en=data["name"],
            bio_en=data["bio"],
            name_ja=japanese.get("name") or None,
            name_kana=japanese.get("kana", ""),
            bio_ja=japanese.get("bio") or None,
        )
        return self.upsert(Artist, data["slug"], values)

    def song(self, data, artists, works, moods, audiences):
        released, precision = data["release"]
        song = self.upsert(
            Song,
            data["slug"],
            {
                "title_en": data["title"],
                "title_ja": SONGS_JA.get(data["slug"], {}).get("title") or None,
                "alt_titles": data["alt_titles"],
                "artist": artists[data["artist"]],
                "release_date": date.fromisoformat(released),
                "release_date_precision": precision,
                "work": works.get(data["work"]),
                "tie_in_role": data["tie_in_role"],
                "tie_in_note_en": data["tie_in_note"],
                **data.get("links", {}),
            },
        )
        song.moods.set([moods[slug] for slug in data["moods"]])
        song.audiences.set([audiences[slug] for slug in data["audiences"]])
        return song

    def desk_author(self):
        desk, created = get_user_model().objects.get_or_create(
            username=DESK_USERNAME,
            defaults={"first_name": "Liner Notes", "last_name": "Desk"},
        )
        if created:
            desk.set_unusable_password()
            desk.save()
        return desk

    def article(self, data, author, moods, audiences, songs):
        published_at = datetime.fromisoformat(data["published"])
        japanese = ARTICLES_JA.get(data["slug"], {})
        article = self.upsert(
            Article,
            data["slug"],
            {
                "title_en": data["title"],
                "lead_en": data["lead"],
                "intro_en": data["intro"],
                "title_ja": japanese.get("title") or None,
                "lead_ja": japanese.get("lead") or None,
                "intro_ja": japanese.get("intro") or None,
                "author": author,
                "status": Article.Status.PUBLISHED,
                "published_at": published_at,
            },
        )
        article.moods.set([moods[slug] for slug in data["moods"]])
        article.audiences.set([audiences[slug] for slug in data["audiences"]])
        entries, changed = [], []
        commentary_ja = japanese.get("entries", {})
        for song_slug, commentary in data["entries"]:
            song = songs[song_slug]
            entry = article.entries.filter(song=song).first() or Entry(
                article=article, song=song, added_at=published_at
            )
            texts = {
                "commentary_en": commentary,
                "commentary_ja": commentary_ja.get(song_slug) or None,
            }
            if entry.pk is None or any(getattr(entry, f) != v for f, v in texts.items()):
                for field, value in texts.items():
                    setattr(entry, field, value)
                changed.append(entry)
            entries.append(entry)
        article.entries.exclude(pk__in=[entry.pk for entry in entries if entry.pk]).delete()
        Entry.objects.renumber(article, entries, changed)
        return article
