from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.urls import path
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

# Registers the article with django-reversion, following its entries, tags and picks,
# before the VersionAdmin below would register it following only its inlines.
from articles import history  # noqa: F401
from articles.admin_entries import (
    SONG_CHOICES_URL_NAME,
    EntryInline,
    SongChoicesView,
    save_entry_formset,
)
from articles.admin_filters import ArticleTranslationMissingFilter, PublicationFilter
from articles.admin_forms import (
    RESTORE_BOX,
    ArticleAdminForm,
    SiteTimeSplitDateTime,
    describe_publication,
    site_time,
)
from articles.admin_locks import LOCKED_MESSAGE, article_is_open_to, may_publish
from articles.admin_paste import paste_urls
from articles.admin_picks import PickSuggestionsMixin, RelatedPickInline
from articles.admin_translation import progress_annotations, translation_progress
from articles.admin_updates import UpdateLogAdminMixin
from articles.models import Article, Entry
from core.admin import TagSuggestionsMixin, VersionedAdmin, annotate_page
from core.admin_translation import BothLanguagesMixin


def is_restoring(request):
    """Whether `request` shows or saves a version from the history (or a deleted one)."""
    return getattr(request, "publication_kept", None) is not None


@admin.register(Article)
class ArticleAdmin(
    BothLanguagesMixin,
    UpdateLogAdminMixin,
    PickSuggestionsMixin,
    TagSuggestionsMixin,
    VersionedAdmin,
):
    form = ArticleAdminForm
    list_display = [
        "title",
        "publication_status",
        "entry_count",
        "author",
        "last_change",
    ]
    list_filter = [
        PublicationFilter,
        ArticleTranslationMissingFilter,
        "moods",
        "audiences",
        "author",
    ]
    # Each translated field is searched in every language (core/admin_translation.py).
    search_fields = [
        "title",
        "entries__song__title",
        "entries__song__artist__name",
        "entries__song__artist__name_kana",
    ]
    required_in_one_language = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    inlines = [EntryInline, RelatedPickInline]
    list_select_related = ["author"]
    show_full_result_count = False  # a second count of every article, for "(N total)"
    actions = ["publish_now", "unpublish"]
    readonly_fields = ["publication_state", "update_log"]
    fieldsets = [
        (None, {"fields": ["title", "lead", "intro", "loaded_version"]}),
        (
            gettext_lazy("Publishing"),
            # One line for three short boxes; the title keeps a line of its own.
            {
                "fields": [
                    ("status", "author", "slug"),
                    "published_at",
                    "publication_state",
                    "update_log",
                ]
            },
        ),
        # These two side by side on a wide screen (admin_ext.css).
        (
            gettext_lazy("Display"),
            {"fields": ["hero_image", "hero_alt", "entries_per_page"], "classes": ["half"]},
        ),
        (gettext_lazy("Tags"), {"fields": ["moods", "audiences"], "classes": ["half"]}),
    ]

    class Media:
        js = ["admin_ext/autogrow.js", "admin_ext/pick_suggestions.js"]
        css = {"all": ["admin_ext/admin_ext.css"]}

    def get_urls(self):
        song_choices = SongChoicesView.as_view(admin_site=self.admin_site)
        return [
            path(
                "song-choices/",
                self.admin_site.admin_view(song_choices),
                name=SONG_CHOICES_URL_NAME,
            ),
            # "Paste a tracklist" (articles/admin_paste.py), before the admin's catch-all.
            *paste_urls(self),
            *super().get_urls(),
        ]

    # --- Who may do what ---------------------------------------------------------

    def has_publish_permission(self, request):
        return may_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and article_is_open_to(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and article_is_open_to(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not may_publish(request.user) or is_restoring(request):
            # Restoring, they follow the "also restore the publication state" box.
            fields += ["status", "published_at"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)  # each language side by side
        if not is_restoring(request) or not may_publish(request.user):
            return fieldsets  # a Writer may not choose a publication state anyway
        publishing = {
            "fields": [
                ("status", "author", "slug"),
                "published_at",
                "publication_state",
                "update_log",
                RESTORE_BOX,
            ]
        }
        return [
            (name, publishing if name == self.fieldsets[1][0] else options)
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.may_publish = may_publish(request.user)
        version_state = getattr(request, "version_publication", None)
        if RESTORE_BOX in form.base_fields and version_state is not None:
            form.base_fields[RESTORE_BOX].help_text = _(
                "Off, the article keeps its publication state as it is now. On, it takes "
                "this version's: %(state)s"
            ) % {"state": describe_publication(Article(**version_state))}
        return form

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "published_at":
            kwargs["widget"] = SiteTimeSplitDateTime
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # --- The list ----------------------------------------------------------------

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        annotate_page(
            changelist.result_list, entry_count=Count("entries"), **progress_annotations()
        )
        return changelist

    @admin.display(
        description=format_lazy("{} ({})", gettext_lazy("status"), settings.TIME_ZONE),
        ordering="published_at",
    )
    def publication_status(self, article):
        """ "Draft", or the state with its time: "Scheduled · Wed 1 Apr 2099, 09:00"."""
        state = article.state
        if state == Article.State.DRAFT:
            return state.label
        # Translators: Django date format characters, as for "admin date and time".
        pattern = pgettext("admin date and time, no weekday", "j M Y, H:i")
        # Translators: an article's state and its publication time in the article list.
        return _("%(state)s · %(when)s") % {
            "state": state.label,
            "when": site_time(article.published_at, pattern, name_zone=False),
        }

    @admin.display(description=gettext_lazy("entries"))
    def entry_count(self, article):
        # Once entries are translated, how many have commentary in each language.
        return translation_progress(article) or article.entry_count

    @admin.display(
        description=format_lazy("{} ({})", gettext_lazy("last change"), settings.TIME_ZONE),
        ordering="updated_at",
    )
    def last_change(self, article):
        # Translators: Django date format characters, as for "admin date and time".
        pattern = pgettext("admin date and time, no weekday", "j M Y, H:i")
        return site_time(article.updated_at, pattern, name_zone=False)

    @admin.display(description=gettext_lazy("what readers see"))
    def publication_state(self, article):
        if article.pk is None:
            return _("Draft: readers cannot see it.")
        return describe_publication(article)

    # --- Publishing actions ------------------------------------------------------

    @admin.action(description=gettext_lazy("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        published = []
        for article in queryset:
            if article.state == Article.State.PUBLISHED:
                continue
            article.status = Article.Status.PUBLISHED
            # A scheduled or never-published article goes live now; one that was
            # published before and then withdrawn keeps its first publication time.
            if article.published_at is None or article.published_at > now:
                article.published_at = now
            article.save()
            self.log_change(request, article, "Published now.")
            published.append(article)
        self.report_action(
            request,
            published,
            _("Published %(count)s article(s): readers can see them now."),
            _("Nothing to publish: the selected articles were already live."),
        )

    @admin.action(description=gettext_lazy("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        withdrawn = []
        for article in queryset.exclude(status=Article.Status.DRAFT):
            article.status = Article.Status.DRAFT
            article.save()
            self.log_change(request, article, "Unpublished.")
            withdrawn.append(article)
        self.report_action(
            request,
            withdrawn,
            _("Unpublished %(count)s article(s): readers no longer see them."),
            _("Nothing to unpublish: the selected articles were already drafts."),
        )

    def report_action(self, request, changed, done_message, nothing_message):
        """Tell the editor what an action did, or warn that it had nothing to do."""
        if changed:
            self.message_user(request, done_message % {"count": len(changed)}, messages.SUCCESS)
        else:
            self.message_user(request, nothing_message, messages.WARNING)

    # --- Saving ------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if obj.status == Article.Status.PUBLISHED and not may_publish(request.user):
            # The form already refuses this with a message; this is the last line.
            raise PermissionDenied(LOCKED_MESSAGE)
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        if obj.state == Article.State.SCHEDULED:
            self.message_user(
                request,
                _("“%(article)s” is scheduled for %(when)s. It goes live by itself then.")
                % {"article": obj, "when": site_time(obj.published_at)},
                messages.INFO,
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is Entry:
            save_entry_formset(form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if request.method == "GET" and article and not article_is_open_to(request.user, article):
            self.message_user(
                request,
                _("This article is published or scheduled: only an editor can change it."),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    # --- History -----------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        kept = getattr(request, "publication_kept", None)
        if article is not None and kept is not None:
            # The history has written the version back; its status and publication time
            # replace the article's only when the editor ticks the box.
            request.version_publication = {
                "status": article.status,
                "published_at": article.published_at,
            }
            if not request.POST.get(RESTORE_BOX):
                article.status, article.published_at = kept(article)
        return article

    def recover_view(self, request, version_id, extra_context=None):
        """Bring back a deleted article: as a draft unless the editor asks for the
        publication state its version had."""
        request.publication_kept = lambda version: (Article.Status.DRAFT, version.published_at)
        return super().recover_view(request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Show, and on POST restore, an earlier version with its entries and tags.

        Permission is judged on the article as it is now: a Writer cannot undo an
        editor's publication by restoring a draft version of a published article."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return super().revision_view(request, object_id, version_id, extra_context)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        # The article stays published, scheduled or a draft as it is now, unless asked.
        current = (article.status, article.published_at)
        request.publication_kept = lambda version: current
        with transaction.atomic():
            # Restoring a reordered list saves the old rows one at a time: two entries
            # that swapped places would each wait for the other's position.
            Entry.objects.park(article)
            # On POST the restored form is saved, which renumbers the list.
            response = super().revision_view(request, object_id, version_id, extra_context)
            restored = (
                request.method == "POST"
                and response.status_code == 302
                and not Entry.objects.parked(article).exists()
            )
            if not restored:
                # A preview, an invalid form or a failed restore: leave the article as it was.
                transaction.set_rollback(True)
        return response
