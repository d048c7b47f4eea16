from dataclasses import replace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from articles import metadata
from articles.cache_tags import ARTICLES
from articles.models import Article, Entry
from articles.playlists import article_playlists_html
from articles.related import related_articles
from articles.search import MAX_RESULTS, OVERVIEW_COUNT, SearchForm, search
from core.cache import cached_fragment, object_tag, tag_page
from core.metadata import for_page
from core.pagination import IndexWalkPaginator, count_up_to
from songs.cache_tags import ARTISTS, AUDIENCES, MOODS
from songs.models import Artist, Audience, Mood

HOME_LATEST = 6
HOME_ARTISTS = 24


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        tag_page(ARTICLES, MOODS, AUDIENCES, ARTISTS)
        public = Article.objects.published()
        moods = list(
            Mood.objects.annotate(
                feature_pk=Subquery(
                    public.filter(moods=OuterRef("pk")).newest_first().values("pk")[:1]
                )
            ).order_by("name")
        )
        features = public.for_listing().in_bulk([mood.feature_pk for mood in moods])
        return super().get_context_data(
            latest=public.for_listing().newest_first()[:HOME_LATEST],
            mood_features=[
                (mood, features[mood.feature_pk]) for mood in moods if mood.feature_pk in features
            ],
            moods=moods,
            audiences=Audience.objects.order_by("name"),
            # The A–Z order of the artists' list, which an index serves.
            artists=Artist.objects.all()[:HOME_ARTISTS],
            metadata=for_page(self.request),
            **kwargs,
        )


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        tag_page(ARTICLES)
        return Article.objects.published().for_listing().newest_first()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return IndexWalkPaginator(queryset, per_page, orphans, list_tag=ARTICLES)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["metadata"] = metadata.for_article_list(self.request, context["page_obj"])
        return context


def count_label(count, limit):
    """A count of search results as shown: "1000+" once counting stopped at a `limit` of 1000."""
    return f"{count}+" if count >= limit else str(count)


def preview_user(request):
    """Whose rights decide whether drafts show. A reader without a session cookie cannot
    be an editor: answering without touching the session keeps `Vary: Cookie` off the
    page, so shared caches and CDNs keep one copy for every reader."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return AnonymousUser()
    return request.user


class KnownCountPaginator(Paginator):
    """A Paginator told the total up front, so it need not run a COUNT query."""

    def __init__(self, object_list, per_page, total, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = total


class ArticleDetailView(ListView):
    """One article, with one page of its entries; `?page=N` pages through them."""

    template_name = "articles/article_detail.html"
    context_object_name = "entries"

    @cached_property
    def article(self):
        user = preview_user(self.request)
        if not user.is_anonymous:
            return self.load_article(user)
        # Every reader sees the same published article: kept as a fragment (its row, tags,
        # author and entry count cost 2.8 ms to load), which only a change to what it
        # holds makes stale. A 404 raises before anything is stored.
        return cached_fragment(
            f"article:{self.kwargs['slug']}", lambda: self.load_article(AnonymousUser())
        )

    def load_article(self, user):
        articles = (
            Article.objects.visible_to(user)
            .annotate(entry_count=Count("entries"))
            .select_related("author", "latest_update")
            .with_facets()
        )
        return get_object_or_404(articles, slug=self.kwargs["slug"])

    def get_queryset(self):
        return Entry.for_display().filter(article=self.article)

    def get_paginate_by(self, queryset):
        return self.article.entries_per_page

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return KnownCountPaginator(queryset, per_page, self.article.entry_count)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        # The page of entries and the metadata that lists them are the costly part of a
        # render: kept as one fragment, which an edit elsewhere leaves in the cache.
        request = self.request
        key = f"article-body:{request.scheme}:{request.get_host()}:{get_language()}"
        key += f":{self.article.pk}:{page.number}"
        entries_html, page_metadata = cached_fragment(key, lambda: self.render_body(page))
        context.update(
            article=self.article,
            byline=metadata.byline(self.article),
            is_preview=not self.article.is_public,
            first_position=page.start_index(),
            last_position=page.end_index(),
            entries_html=entries_html,
            related=related_articles(self.article),
            metadata=page_metadata,
            # Where the title or a commentary is missing the page is the fallback: no
            # hreflang offers it, and the language switcher says so (base.html).
            page_languages=self.article.translated_languages,
        )
        return context

    def render_body(self, page):
        """The entries of `page` as HTML, and the page's metadata (its JSON-LD lists them)."""
        # Loaded before this fragment began: name them, or the fragment would not know.
        tag_page(object_tag(self.article))
        if self.article.author_id:
            tag_page(f"user-{self.article.author_id}")
        latest_update = self.article.latest_update
        entries_html = render_to_string(
            "includes/entry_list.html",
            {
                "entries": page.object_list,
                "first_position": page.start_index(),
                # NEW! badges link to the byline's line on the latest update.
                "update_anchor": latest_update.anchor if latest_update else "",
            },
        ) + article_playlists_html(self.article, page)
        return entries_html, metadata.for_article_page(self.request, self.article, page)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            # A draft seen by an editor must never be stored by a shared cache or CDN,
            # nor indexed, in case its URL leaks.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            response["X-Robots-Tag"] = "noindex"
        return response


article_detail = ArticleDetailView.as_view()


class SearchView(ListView):
    """`/search/?q=`: matches grouped by kind; `&kind=songs` pages through one kind."""

    template_name = "articles/search.html"
    preview_size = 5
    paginate_by = 20

    @cached_property
    def form(self):
        return SearchForm(self.request.GET or None)

    @cached_property
    def results(self):
        """One queryset of matches per kind, or None without a valid, non-empty query."""
        return search(self.form.cleaned_data["q"]) if self.form.is_valid() else None

    @cached_property
    def kind(self):
        """The one kind being paged through, or "" when the matches are shown grouped."""
        return self.form.cleaned_data["kind"] if self.results is not None else ""

    def get_queryset(self):
        # Paged through up to MAX_RESULTS matches: a common word's count stays bounded.
        return self.results[self.kind][:MAX_RESULTS] if self.kind else []

    def get_paginate_by(self, queryset):
        # Only one kind's matches are paged (a bad ?page= is a 404, as on every list);
        # the grouped overview shows the first few of each kind and ignores ?page=.
        return self.paginate_by if self.kind else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        # Result pages are endless and thin: keep them out of search engines.
        context["metadata"] = replace(
            for_page(self.request, _("Search"), breadcrumbs=[(_("Search"), self.request.path)]),
            noindex=True,
        )
        if self.results is None:
            return context
        query = context["query"] = self.form.cleaned_data["q"]
        if self.kind:
            context["kind"] = self.kind
            context["kind_label"] = dict(SearchForm.KINDS)[self.kind]
            context["result_count"] = count_label(context["paginator"].count, MAX_RESULTS)
            context["pagination_query"] = urlencode({"q": query, "kind": self.kind}) + "&"
        else:
            context["groups"] = []
            for kind, label in SearchForm.KINDS:
                count = count_up_to(self.results[kind], OVERVIEW_COUNT)
                # Read even when nothing matches: a page's queries stay the same in number.
                preview = list(self.results[kind][: self.preview_size])
                shown = count_label(count, OVERVIEW_COUNT)
                context["groups"].append((kind, label, preview, count, shown))
        return context
