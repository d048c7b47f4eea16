"""Who may change what in the article admin: a Writer changes drafts only, with their
entries and picks; publishing, scheduling and changing anything published is an
editor's job."""

from django.utils import timezone
from django.utils.translation import gettext_lazy
from reversion import add_to_revision

from articles.models import Article
from core.admin import VersionCheckedForm, VersionedAdmin

LOCKED_MESSAGE = gettext_lazy(
    "Only an editor can publish, schedule or unpublish an article, or change one that is "
    "published or scheduled. Keep it a draft and ask an editor to publish it."
)


def may_publish(user):
    return user.has_perm("articles.publish_article")


def article_is_open_to(user, article):
    """Whether `user` may change `article` and its rows: drafts, or anything for an editor."""
    return article is None or article.status == Article.Status.DRAFT or may_publish(user)


class LockedWithArticleInline:
    """Inline rows (entries, picks) follow their article's lock: a Writer may change
    them only while the article is a draft. `obj` here is the article."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and article_is_open_to(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and article_is_open_to(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and article_is_open_to(request.user, obj)


class LockedWithArticleAdmin(VersionedAdmin):
    """The same lock for the stand-alone admins of those rows. `obj` here is the row.

    Their forms carry the row's version too: a save on top of someone else's newer save
    of the row is refused. A save here also touches the article's last-saved time, so
    the article's form, open elsewhere with this row in it, refuses to save it back."""

    article_field = "article"
    form = VersionCheckedForm

    def article_of(self, obj):
        return getattr(obj, self.article_field) if obj is not None else None

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and article_is_open_to(
            request.user, self.article_of(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and article_is_open_to(
            request.user, self.article_of(obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        article_field = self.article_field

        class ArticleCheckingForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                article = cleaned_data.get(article_field)
                if article is not None and not article_is_open_to(request.user, article):
                    self.add_error(article_field, LOCKED_MESSAGE)
                return cleaned_data

        return ArticleCheckingForm

    def save_model(self, request, obj, form, change):
        before = form.initial.get(self.article_field) if change else None
        super().save_model(request, obj, form, change)
        article = self.article_of(obj)
        Article.objects.filter(pk__in={article.pk, before} - {None}).update(
            updated_at=timezone.now()
        )
        add_to_revision(article)  # the article's history shows the change too
