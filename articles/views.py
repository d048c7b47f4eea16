from dataclasses import replace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from articles import metadata
from articles.models import Article, Entry
from articles.related import related_articles
from articles.search import MAX_RESULTS, SearchForm, search
from core.metadata import for_page
from core.pagination import IndexWalkPaginator, count_up_to, paginate_or_404
from songs.models import Artist, Audience, Mood

HOME_LATEST = 6
HOME_ARTISTS = 24


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
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
    paginator_class = IndexWalkPaginator

    def get_queryset(self):
        return Article.objects.published().for_listing().newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["metadata"] = metadata.for_article_list(self.request, context["page_obj"])
        return context


def count_label(count):
    """A count of search results as shown: "1000+" once counting stopped at the limit."""
    return f"{count}+" if count >= MAX_RESULTS else str(count)


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
        articles = (
            Article.objects.visible_to(preview_user(self.request))
            .annotate(entry_count=Count("entries"))
            .select_related("author")
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
        context.update(
            article=self.article,
            byline=metadata.byline(self.article),
            is_preview=not self.article.is_public,
            first_position=page.start_index(),
            last_position=page.end_index(),
            related=related_articles(
                self.article, content_version=getattr(self.request, "content_version", None)
            ),
            metadata=metadata.for_article_page(self.request, self.article, page),
        )
        return context

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


class SearchView(TemplateView):
    """`/search/?q=`: matches grouped by kind; `&kind=songs` pages through one kind."""

    template_name = "articles/search.html"
    preview_size = 5
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        context["form"] = form
        # Result pages are endless and thin: keep them out of search engines.
        context["metadata"] = replace(
            for_page(self.request, _("Search"), breadcrumbs=[(_("Search"), self.request.path)]),
            noindex=True,
        )
        if not form.is_valid():
            return context
        query, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
        results = search(query)
        if results is None:
            return context
        context["query"] = query
        if kind:
            context["kind"] = kind
            context["kind_label"] = dict(SearchForm.KINDS)[kind]
            page = paginate_or_404(results[kind][:MAX_RESULTS], self.paginate_by, self.request)
            context["page_obj"] = page
            context["result_count"] = count_label(page.paginator.count)
            context["pagination_query"] = urlencode({"q": query, "kind": kind}) + "&"
        else:
            context["groups"] = []
            for group_kind, label in SearchForm.KINDS:
                count = count_up_to(results[group_kind], MAX_RESULTS)
                preview = results[group_kind][: self.preview_size]
                context["groups"].append((group_kind, label, preview, count, count_label(count)))
        return context
