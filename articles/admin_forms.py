"""Forms and widgets behind the article admin (articles/admin.py)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from articles.admin_locks import LOCKED_MESSAGE
from articles.models import Article, Entry
from core.admin import VersionCheckedForm
from core.admin_translation import per_language


def site_time(moment, pattern=None, name_zone=True):
    """`moment` as the newsroom reads it: in the site's time zone, named unless the
    column header names it already."""
    if pattern is None:
        # Translators: Django date format characters (the "date" template filter);
        # letters that are not format characters must be escaped with a backslash.
        pattern = pgettext("admin date and time", "D j M Y, H:i")
    text = dateformat.format(timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)), pattern)
    return f"{text} ({settings.TIME_ZONE})" if name_zone else text


def describe_publication(article):
    """ "Draft", "Scheduled for …" or "Published since …", in the site's time zone."""
    if article.state == Article.State.DRAFT:
        return _("Draft: readers cannot see it.")
    when = site_time(article.published_at)
    if article.state == Article.State.SCHEDULED:
        return _("Scheduled for %(when)s. It goes live by itself then.") % {"when": when}
    return _("Published since %(when)s.") % {"when": when}


class SiteTimeSplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, with the time zone they are read in beside them."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        # Django writes "Date:" and "Time:" as bare text, which labels neither box.
        date_box, time_box = self.widgets
        date_box.attrs["aria-label"] = _("Date (%(zone)s)") % {"zone": settings.TIME_ZONE}
        time_box.attrs["aria-label"] = _("Time (%(zone)s)") % {"zone": settings.TIME_ZONE}

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer)
        offset = timezone.localtime(timezone.now(), ZoneInfo(settings.TIME_ZONE)).strftime("%z")
        note = format_html(
            '<span class="site-time-zone">{}</span>',
            _("%(zone)s time (UTC%(offset)s)")
            % {"zone": settings.TIME_ZONE, "offset": f"{offset[:3]}:{offset[3:]}"},
        )
        return mark_safe(f"{boxes}{note}")


class AddedAtInput(forms.DateTimeInput):
    """When an entry was added: set by itself (the model's default) and rarely changed,
    so one box folded under its value, not the admin's date and time pickers. Those add
    a time-zone note to every row; the article's publication time keeps the one note."""

    input_type = "datetime-local"
    # What a datetime-local box reads and sends; DateTimeField parses it back (ISO 8601).
    format = "%Y-%m-%dT%H:%M:%S"

    def __init__(self, attrs=None):
        super().__init__({"step": 1, **(attrs or {})}, format=self.format)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {
            **(attrs or {}),
            "aria-label": _("Added at (%(zone)s time)") % {"zone": settings.TIME_ZONE},
        }
        box = super().render(name, value, attrs, renderer)
        if isinstance(value, datetime):
            # The form hands the time over in the current zone already, without a zone.
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            # Translators: Django date format characters, as for "admin date and time".
            shown = dateformat.format(
                value, pgettext("admin date and time, no weekday", "j M Y, H:i")
            )
        else:
            shown = capfirst(Entry._meta.get_field("added_at").verbose_name)
        return format_html(
            '<details class="entry-added-at"><summary>{}</summary>{}</details>', shown, box
        )


RESTORE_BOX = "restore_publication"


class ArticleAdminForm(VersionCheckedForm):
    """The article form. Who may publish is decided per request by ArticleAdmin.get_form.

    Its version is the article's last-saved time, which a save of the article, of one of
    its entries or picks (their own admins touch it), changes."""

    may_publish = False
    # Shown only when restoring a version (ArticleAdmin.get_fieldsets).
    restore_publication = forms.BooleanField(
        label=gettext_lazy("Also restore the publication state"), required=False
    )

    class Meta:
        model = Article
        # Short to start with; they grow with their text (static/admin_ext/autogrow.js).
        widgets = per_language(
            {
                "lead": forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField autogrow"}),
                "intro": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField autogrow"}),
            }
        )
        fields = [
            "title",
            "slug",
            "lead",
            "intro",
            "author",
            "status",
            "published_at",
            "hero_image",
            "hero_alt",
            "moods",
            "audiences",
            "entries_per_page",
        ]

    def version_of(self, article):
        return article.updated_at.isoformat() if article.updated_at else ""

    def stale_version_error(self, stored):
        return ValidationError(
            _(
                "Someone else saved this article at %(when)s, after you opened it. "
                "Saving now would undo their changes, so nothing was saved. Copy what you "
                "changed, reload the page to see their version, and make your changes again."
            ),
            code="stale_version",
            params={"when": site_time(stored.updated_at, "H:i:s")},
        )

    def clean(self):
        # The instance is the article as stored (or as a restored version has it):
        # a Writer can neither save over a published one nor make one published.
        published = Article.Status.PUBLISHED
        status = self.cleaned_data.get("status")
        if not self.may_publish and published in (self.instance.status, status):
            raise ValidationError(LOCKED_MESSAGE, code="publish_forbidden")
        return super().clean()


# What each language's commentary box says while empty.
PLACEHOLDERS = {
    "commentary_en": gettext_lazy("Why this song belongs here, in English (Markdown)"),
    "commentary_ja": gettext_lazy("Why this song belongs here, in Japanese (Markdown)"),
}


class EntryInlineForm(forms.ModelForm):
    """An entry row. Its place in the list is `order`, not the model's `position`:
    positions are renumbered 1..n on save, so two rows may not clash mid-save.

    The drag-and-drop script (static/admin_ext/entry_order.js) fills `order` from the
    rows' order on the page; without the script, the editor types the numbers."""

    order = forms.IntegerField(
        label=gettext_lazy("Order"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("Empty: the end of the list."),
    )

    # Declared, not left to the admin, which would make it a split date and time field.
    added_at = forms.DateTimeField(
        label=Entry._meta.get_field("added_at").verbose_name,
        widget=AddedAtInput,
        required=False,
        # As Django does for a field with a callable default: an added row left empty
        # is compared with the time it was shown at, not with the time it is sent.
        show_hidden_initial=True,
        help_text=format_lazy(
            "{} {}",
            Entry._meta.get_field("added_at").help_text,
            gettext_lazy("Empty: now."),
        ),
    )

    class Meta:
        model = Entry
        fields = ["song", "commentary", "added_at"]
        widgets = per_language(
            {
                # Two lines to start with; it grows with its text (static/admin_ext/autogrow.js).
                "commentary": forms.Textarea(
                    attrs={"rows": 2, "class": "autogrow", "data-character-count": "commentary"}
                ),
            }
        )

    def clean_added_at(self):
        return self.cleaned_data["added_at"] or timezone.now()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].initial = self.instance.position
        self.fields["order"].widget.attrs.update(
            {"class": "entry-order", "size": 3, "aria-label": _("Order")}
        )
        # A row of a table: its column heading is no label to a screen reader. Each
        # language has its box (core/admin_translation.py), labelled with its language.
        for name, field in self.fields.items():
            if name.startswith("commentary"):
                field.widget.attrs.update(
                    {
                        "aria-label": field.label
                        or capfirst(Entry._meta.get_field("commentary").verbose_name),
                        "placeholder": PLACEHOLDERS.get(
                            name, _("Why this song belongs here (Markdown)")
                        ),
                    }
                )


class LabelledRowsFormSet(forms.BaseInlineFormSet):
    """Inline rows whose delete box says what it deletes: a table row's column heading
    ("Delete?") labels nothing for a screen reader."""

    delete_label = gettext_lazy("Delete this row")

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = self.delete_label


class EntryInlineFormSet(LabelledRowsFormSet):
    delete_label = gettext_lazy("Delete this entry")

    def clean(self):
        """Name the song that was added twice, on its row and above the list.

        Django's own message ("Please correct the duplicate data for article and song")
        names neither the song nor the row."""
        first_place_of_song = {}
        duplicates = []
        for index, form in enumerate(self.forms, start=1):
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            song = form.cleaned_data.get("song")
            if song is None:
                continue
            # The place the editor sees: the row's order number, else its row on the page.
            place = form.cleaned_data.get("order") or index
            if song.pk in first_place_of_song:
                first = first_place_of_song[song.pk]
                form.add_error(
                    "song",
                    ValidationError(
                        _(
                            "“%(song)s” is already in this list, at number %(first)s. "
                            "Choose another song or delete this row."
                        ),
                        code="duplicate_song",
                        params={"song": song, "first": first},
                    ),
                )
                duplicates.append((song, first, place))
            else:
                first_place_of_song[song.pk] = place
        super().clean()
        if duplicates:
            raise ValidationError(
                [
                    ValidationError(
                        _(
                            "“%(song)s” is in the list twice (numbers %(first)s and %(row)s). "
                            "A song can be in an article only once."
                        ),
                        code="duplicate_song",
                        params={"song": song, "first": first, "row": row},
                    )
                    for song, first, row in duplicates
                ]
            )
