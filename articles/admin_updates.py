"""The update log in the article admin: a save of a public article writes one line of
it (articles/update_log.py), and the change page shows the lines as readers read them."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.admin_forms import site_time
from articles.update_log import newest_update_of, record_update, snapshot_if_public

# The change page shows this many lines, newest first; the feed has the rest.
SHOWN_UPDATES = 20


class UpdateLogAdminMixin:
    """For ArticleAdmin: log each save of a public article's list, once, and show the log."""

    def save_model(self, request, obj, form, change):
        if not hasattr(request, "entries_before"):
            # Before the status changes: publishing a list for the first time is no update.
            request.entries_before = snapshot_if_public(obj.pk)
        # A restored version leaves the article pointing at no line of its log (history.py).
        obj.latest_update = newest_update_of(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The article and all its rows saved: one line for the whole save.
        record_update(form.instance, getattr(request, "entries_before", None))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # The list as readers see it, before the version is written back over it.
        request.entries_before = snapshot_if_public(unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    @admin.display(description=gettext_lazy("updates readers see"))
    def update_log(self, article):
        updates = article.updates.all()[:SHOWN_UPDATES] if article.pk else []
        if not updates:
            return _(
                "None yet. Once the article is published, each save that adds, removes or "
                "reorders songs or rewrites their commentary adds a line here, on the "
                "article page and in the updates feed."
            )
        lines = format_html_join(
            "",
            "<li><time>{}</time>: {}</li>",
            ((site_time(update.at), update.summary) for update in updates),
        )
        return format_html('<ul class="update-log">{}</ul>', lines)
