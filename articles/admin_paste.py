"""The article admin's "Paste a tracklist": the editor pastes lines, checks what each
matched, and confirms; only then are songs, artists and entries written, in one
transaction, after the entries already listed.

The confirmation carries a digest of what it showed (tracklist_match.plan_fingerprint).
Confirming re-reads the list and the catalogue with the article locked; if anything
changed since (a line edited, a song added, someone else's save), the editor is shown
the new proposals instead, and nothing is written.
"""

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles.models import Article, Entry
from articles.tracklist import MAX_LINES, parse_tracklist
from articles.tracklist_match import (
    NEW_ARTIST,
    NEW_SONG,
    compact,
    match_tracklist,
    plan_fingerprint,
)
from articles.update_log import record_update, snapshot_if_public
from songs.models import Artist, Song

# A hundred lines of two long names each, with room: past this a paste is not a tracklist.
MAX_PASTE_LENGTH = MAX_LINES * 450
TEMPLATE = "admin/articles/article/paste_tracklist.html"


class TracklistForm(forms.Form):
    tracklist = forms.CharField(
        label=gettext_lazy("Tracklist"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80, "spellcheck": "false"}),
        max_length=MAX_PASTE_LENGTH,
        help_text=gettext_lazy(
            "One song a line, artist and title in either order, e.g. “米津玄師 – アイネクライネ”, "
            "“Eine Kleine / Kenshi Yonezu” or “1. Sparkle - RADWIMPS”. Numbering is ignored."
        ),
        error_messages={
            "required": gettext_lazy("Paste at least one line: an artist and a title."),
            "max_length": gettext_lazy("Paste at most %(limit_value)d characters at a time."),
        },
    )
    # The digest of the proposals the editor confirms (see the module's docstring).
    plan = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_tracklist(self):
        tracklist = self.cleaned_data["tracklist"]
        self.lines = parse_tracklist(tracklist)
        return tracklist


def paste_urls(model_admin):
    """The paste view's URL, for ArticleAdmin.get_urls()."""
    opts = model_admin.model._meta
    view = model_admin.admin_site.admin_view(PasteTracklistView(model_admin))
    name = f"{opts.app_label}_{opts.model_name}_paste"
    return [path("<path:object_id>/paste/", view, name=name)]


def paste_url(article):
    return reverse("admin:articles_article_paste", args=[article.pk])


class PasteTracklistView:
    def __init__(self, model_admin):
        self.model_admin = model_admin

    def __call__(self, request, object_id):
        article = self.model_admin.get_object(request, unquote(object_id))
        if article is None:
            return self.model_admin._get_obj_does_not_exist_redirect(
                request, Article._meta, object_id
            )
        self.check_permission(request, article)
        if request.method != "POST":
            return self.render(request, article, TracklistForm())
        form = TracklistForm(request.POST)
        if not form.is_valid():
            return self.render(request, article, form)
        if "confirm" not in request.POST:
            return self.render_proposals(request, article, form)
        with transaction.atomic():
            # Locked until the entries are written: two confirmations are judged in turn.
            article = Article.objects.select_for_update().get(pk=article.pk)
            self.check_permission(request, article)
            listed, matches = self.proposals(article, form)
            if plan_fingerprint(matches, listed) != form.cleaned_data["plan"]:
                messages.warning(
                    request,
                    _(
                        "The list, the catalogue or your lines changed since the check: "
                        "nothing was added. Look at the proposals again and confirm."
                    ),
                )
                return self.render_proposals(request, article, form)
            if self.missing_permissions(request, matches):
                return self.render_proposals(request, article, form)  # which says why
            with reversion.create_revision():
                reversion.set_user(request.user)
                before = snapshot_if_public(article.pk)
                added = add_matched_entries(article, matches)
                record_update(article, before)
                # In English, as the admin's other history messages are stored.
                message = f"Pasted a tracklist: added {len(added)} entries."
                self.model_admin.log_change(request, article, message)
                reversion.add_to_revision(article)
        self.model_admin.message_user(request, self.done_message(matches, added), messages.SUCCESS)
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def check_permission(self, request, article):
        """A Writer pastes into drafts only, as they change only drafts; everyone needs
        to be allowed to add entries."""
        if not (
            self.model_admin.has_change_permission(request, article)
            and request.user.has_perm("articles.add_entry")
        ):
            raise PermissionDenied

    def missing_permissions(self, request, matches):
        outcomes = {match.outcome for match in matches}
        if NEW_ARTIST in outcomes and not request.user.has_perm("songs.add_artist"):
            return _("You may not add artists: ask an editor to add the new ones first.")
        if outcomes & {NEW_SONG, NEW_ARTIST} and not request.user.has_perm("songs.add_song"):
            return _("You may not add songs: ask an editor to add the new ones first.")
        return ""

    def proposals(self, article, form):
        listed = list(article.entries.order_by("position").values_list("song_id", flat=True))
        return listed, match_tracklist(form.lines, listed)

    def render_proposals(self, request, article, form):
        listed, matches = self.proposals(article, form)
        confirm_form = TracklistForm(
            initial={
                "tracklist": form.cleaned_data["tracklist"],
                "plan": plan_fingerprint(matches, listed),
            }
        )
        # The lines stay editable below the proposals, in a box no taller than they need.
        rows = min(max(len(form.lines) + 1, 4), 12)
        confirm_form.fields["tracklist"].widget.attrs["rows"] = rows
        return self.render(request, article, confirm_form, matches, len(listed))

    def render(self, request, article, form, matches=None, listed_count=0):
        opts = Article._meta
        adding = [match for match in matches or [] if match.adds_entry]
        context = {
            **self.model_admin.admin_site.each_context(request),
            "title": _("Paste a tracklist"),
            "subtitle": str(article),
            "opts": opts,
            "article": article,
            "form": form,
            "matches": matches,
            "adding_count": len(adding),
            "listed_count": listed_count,
            "new_song_count": sum(1 for match in adding if match.song is None),
            "new_artist_count": sum(1 for match in adding if match.outcome == NEW_ARTIST),
            "missing_permission": self.missing_permissions(request, matches or []),
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        return TemplateResponse(request, TEMPLATE, context)

    def done_message(self, matches, added):
        new_songs = sum(1 for match in matches if match.adds_entry and match.song is None)
        skipped = sum(1 for match in matches if not match.adds_entry)
        message = ngettext(
            "Added %(count)d entry from the tracklist",
            "Added %(count)d entries from the tracklist",
            len(added),
        ) % {"count": len(added)}
        details = []
        if new_songs:
            details.append(
                ngettext("%(count)d new song", "%(count)d new songs", new_songs)
                % {"count": new_songs}
            )
        if skipped:
            details.append(
                ngettext(
                    "%(count)d line skipped: its song is listed already",
                    "%(count)d lines skipped: their songs are listed already",
                    skipped,
                )
                % {"count": skipped}
            )
        if not details:
            return _("%(added)s.") % {"added": message}
        return _("%(added)s (%(details)s).") % {"added": message, "details": "; ".join(details)}


def add_matched_entries(article, matches):
    """Write the new artists, songs and entries `matches` propose, the entries after the
    list's own, in order; the new entries. Every row is saved one by one, so that the
    search text and cache invalidation follow from the models' own saves."""
    new_artists = {}
    new_entries = []
    for match in matches:
        if not match.adds_entry:
            continue
        song = match.song
        if song is None:
            artist = match.artist
            if artist is None:
                key = compact(match.artist_name)
                if key not in new_artists:
                    new_artists[key] = Artist(name=match.artist_name)
                    new_artists[key].save()
                artist = new_artists[key]
            song = Song(title=match.title, artist=artist)
            song.save()
        new_entries.append(Entry(article=article, song=song))
    listed = list(article.entries.order_by("position"))
    Entry.objects.renumber(article, listed + new_entries, changed=new_entries)
    # The article's form, open elsewhere without these entries, must not save over them.
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
    article.refresh_from_db()
    return new_entries
