from django.urls import path

from articles import feeds, views
from articles.cache import cache_anonymous_page

app_name = "articles"

urlpatterns = [
    path("", cache_anonymous_page(views.HomeView.as_view()), name="home"),
    path("articles/", cache_anonymous_page(views.ArticleListView.as_view()), name="list"),
    path("articles/<uslug:slug>/", cache_anonymous_page(views.article_detail), name="detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", cache_anonymous_page(feeds.LatestArticlesFeed()), name="feed"),
    path("feed/atom/", cache_anonymous_page(feeds.LatestArticlesAtomFeed()), name="atom_feed"),
]
