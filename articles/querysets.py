"""The article and entry QuerySets: what is public, and how a list keeps its order."""

from django.db import models, transaction
from django.utils import timezone

from core.models import facet_prefetches
from songs.models import Song

# Entry positions are parked above this while a list is renumbered or restored.
PARKED_POSITION = 1_000_000


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and its publication time has come.

        The only definition of "public" in the project. A scheduled article goes
        live by itself when its time passes, because the test runs at query time.
        """
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published, but its publication time is still to come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status=self.model.Status.DRAFT)

    def in_state(self, state):
        """The articles whose `state` is `state`, an Article.State."""
        state_class = self.model.State
        by_state = {
            state_class.DRAFT: self.drafts,
            state_class.SCHEDULED: self.scheduled,
            state_class.PUBLISHED: self.published,
        }
        return by_state[state]()

    def visible_to(self, user):
        """Staff who may change articles preview drafts and scheduled ones at their own URL;
        everyone else, other staff included, sees published() and gets a 404 for the rest."""
        if user.is_active and user.is_staff and user.has_perm("articles.change_article"):
            return self
        return self.published()

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_facets(self):
        links = self._model_behind("mood_links"), self._model_behind("audience_links")
        return self.prefetch_related(*facet_prefetches(*links))

    def for_listing(self):
        """What a list of article cards needs: not the search texts, which carry the
        text of every song an article lists."""
        return self.select_related("author").defer("search_text", "title_text")

    def featuring(self, artist):
        """Articles with a song by `artist`, as its artist or a featured guest."""
        return self.with_any_song(Song.objects.ids_by_or_featuring(artist))

    def with_any_song(self, song_ids):
        """Articles listing any of `song_ids`. A subquery rather than a join: no duplicate
        rows, so no DISTINCT to fight the ordering, and the ids are literals, which lets
        PostgreSQL reach the entries through their song index."""
        entries = self._model_behind("entries").objects.filter(song__in=song_ids)
        return self.filter(pk__in=entries.values("article"))

    def listed_song_ids(self):
        """A subquery of the ids of the songs these articles list:
        `Song.objects.filter(pk__in=Article.objects.published().listed_song_ids())`."""
        return self._model_behind("entries").objects.filter(article__in=self).values("song_id")

    def featuring_songs_of(self, period):
        """Articles listing a song of `period`, an era or a decade (songs/eras.py): the
        songs are a range of their release date index."""
        return self.with_any_song(Song.objects.filter(period.song_filter()).values("pk"))

    def _model_behind(self, relation):
        """The model at the other end of one of the article's relations: models.py
        imports this module, so this module cannot import the models."""
        return self.model._meta.get_field(relation).related_model


class EntryQuerySet(models.QuerySet):
    def park(self, article):
        """Move `article`'s entries above PARKED_POSITION, out of 1..n, so rows can then
        take each other's places one save at a time without breaking unique
        (article, position)."""
        self.filter(article=article).update(position=models.F("position") + PARKED_POSITION)

    def parked(self, article):
        """`article`'s entries still parked: none once every row has its place again."""
        return self.filter(article=article, position__gte=PARKED_POSITION)

    def renumber(self, article, ordered_entries, changed=()):
        """Save `ordered_entries` as `article`'s list, at positions 1..n in that order, in
        one transaction. Entries in `changed` (new or edited ones) are saved whole; the
        others only get their new position."""
        with transaction.atomic():
            self.park(article)
            for position, entry in enumerate(ordered_entries, start=1):
                entry.position = position
                if entry in changed:
                    entry.save()
                else:
                    entry.save(update_fields=["position"])
