"""The newsroom's admin site: a desk as its home, and site administration for
superusers only.

Editors and Writers work on artists, songs, moods, audiences and articles. Accounts,
log-in lockouts, the raw tag table and the stand-alone entry and pick lists are the
site's plumbing: a superuser's business, hidden from the index and refused by URL to
everyone else (the article form edits entries and picks inline).
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models.base import ModelBase

from articles.desk import desk_for
from articles.models import Article

SUPERUSER_ONLY = {
    "auth.user",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "taggit.tag",
    "articles.entry",
    "articles.relatedpick",
}


class SuperuserOnlyAdmin:
    """A ModelAdmin whose pages and links exist for superusers only.

    Its delete permission stays the role's: deleting an article deletes its entries and
    picks, and the admin asks their ModelAdmins whether the user may. Their own delete
    page is a superuser's, like the rest."""

    def has_module_permission(self, request):
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args, **kwargs):
        return request.user.is_superuser and super().has_add_permission(request, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().delete_view(request, object_id, extra_context)


def superuser_only(admin_class):
    return type(admin_class.__name__, (SuperuserOnlyAdmin, admin_class), {})


class NewsroomAdminSite(admin.AdminSite):
    index_template = "admin/desk.html"
    # The home is the map of the admin now: the sidebar repeating it took 300 px of
    # every page, and the article list's columns then ran out of room at 1280 px.
    enable_nav_sidebar = False

    def register(self, model_or_iterable, admin_class=None, **options):
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            chosen = admin_class or admin.ModelAdmin
            if model._meta.label_lower in SUPERUSER_ONLY:
                chosen = superuser_only(chosen)
            super().register(model, chosen, **options)

    def index(self, request, extra_context=None):
        user = request.user
        context = {}
        if user.has_perm("articles.view_article") or user.has_perm("articles.change_article"):
            context["desk"] = desk_for(user)
            context["time_zone"] = settings.TIME_ZONE
            context["may_add_article"] = self._registry[Article].has_add_permission(request)
        return super().index(request, {**context, **(extra_context or {})})
