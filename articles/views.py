from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.views.generic import ListView

from articles.models import Article


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().for_listing().newest_first()


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
        articles = Article.objects.visible_to(self.request.user).annotate(
            entry_count=Count("entries")
        )
        return get_object_or_404(articles.select_related("author"), slug=self.kwargs["slug"])

    def get_queryset(self):
        return self.article.entries.select_related("song__artist").prefetch_related(
            "song__moods", "song__audiences"
        )

    def get_paginate_by(self, queryset):
        return self.article.entries_per_page

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return KnownCountPaginator(
            queryset, per_page, self.article.entry_count, allow_empty_first_page=True
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            article=self.article,
            is_preview=not self.article.is_public,
            first_position=page.start_index(),
            last_position=page.end_index(),
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
