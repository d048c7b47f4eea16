"""The article's related picks in its admin form: a short ordered list of hand-picked
articles, with the automatic suggestions (the related-articles ranking) beside it and
a button on each that pins it to the list."""

from django.contrib import admin, messages
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from articles.admin_forms import LabelledRowsFormSet
from articles.admin_locks import LockedWithArticleAdmin, LockedWithArticleInline
from articles.models import Article
from articles.ranking import score_related_articles
from articles.related_models import RelatedPick
from core.admin import CheckedAutocompleteMixin

# How many suggestions are shown beside the picks: the length of a related list.
SUGGESTION_COUNT = 10
# The form field that names the suggestion to pin as the form is saved (its buttons,
# through static/admin_ext/pick_suggestions.js).
PIN_BUTTON = "_pin_related"


class RelatedPickInline(LockedWithArticleInline, CheckedAutocompleteMixin, admin.TabularInline):
    model = RelatedPick
    formset = LabelledRowsFormSet
    fk_name = "from_article"
    fields = ["position", "to_article"]
    autocomplete_fields = ["to_article"]
    ordering = ["position"]
    extra = 0
    # Django's tabular rows, followed by the suggestions (pick_suggestions below).
    template = "admin/articles/related_picks_inline.html"

    class Media:
        js = ["admin_ext/entry_order.js"]  # drag and move buttons for the picks too
        css = {"all": ["admin_ext/admin_ext.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "to_article":
            # A pick is an existing article: no icons to add, edit or delete one here.
            widget = formfield.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        position = formset.form.base_fields["position"]
        position.widget.attrs["aria-label"] = capfirst(position.label)
        return formset


def pick_suggestions(article):
    """The articles the ranking relates to `article` that are not picked yet, best
    first: two queries, whatever the size of the magazine."""
    if article is None or article.pk is None:
        return []
    picked = set(
        RelatedPick.objects.filter(from_article=article).values_list("to_article_id", flat=True)
    )
    # The ranking puts the picks first: ask for as many more.
    ranked = score_related_articles(article, SUGGESTION_COUNT + len(picked))
    return [related for related in ranked if related.pk not in picked][:SUGGESTION_COUNT]


def pin_requested(request):
    """The id of the article whose pin button sent the form, or None."""
    value = request.POST.get(PIN_BUTTON, "")
    return int(value) if value.isdigit() else None


def pin(article, to_article_id):
    """Add `to_article_id` at the end of `article`'s picks; False if it cannot be one."""
    if to_article_id == article.pk or not Article.objects.filter(pk=to_article_id).exists():
        return False
    if RelatedPick.objects.filter(from_article=article, to_article_id=to_article_id).exists():
        return True
    last = RelatedPick.objects.filter(from_article=article).aggregate(last=Max("position"))
    RelatedPick.objects.create(
        from_article=article, to_article_id=to_article_id, position=(last["last"] or 0) + 1
    )
    return True


class PickSuggestionsMixin:
    """For the article's ModelAdmin: the suggestions beside the picks, and their pins."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pinned = pin_requested(request)
        if pinned is not None and self.may_pin(request, form.instance):
            request.pinned = pin(form.instance, pinned)

    def response_change(self, request, obj):
        if getattr(request, "pinned", None) is None:
            return super().response_change(request, obj)
        if request.pinned:
            self.message_user(request, _("Saved, and the suggestion is pinned to the picks."))
        else:
            self.message_user(request, _("Saved; that article cannot be pinned."), messages.WARNING)
        return HttpResponseRedirect(request.path)

    def may_pin(self, request, article):
        """Whether `request`'s user may add picks to `article` (a Writer: to drafts only)."""
        return any(
            isinstance(inline, RelatedPickInline) and inline.has_add_permission(request, article)
            for inline in self.get_inline_instances(request, article)
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            pick_suggestions=pick_suggestions(obj) if obj is not None else None,
            may_pin=obj is not None and self.may_pin(request, obj),
            pin_button=PIN_BUTTON,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)


# The stand-alone list, for superusers (site_config/admin_site.py).
@admin.register(RelatedPick)
class RelatedPickAdmin(LockedWithArticleAdmin):
    list_display = ["from_article", "to_article", "position"]
    list_select_related = ["from_article", "to_article"]
    autocomplete_fields = ["from_article", "to_article"]
    article_field = "from_article"
