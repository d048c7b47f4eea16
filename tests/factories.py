"""Small factories and helpers the tests share: build rows, images and admin form posts.

Fixtures live in conftest.py; everything here is a plain function a test calls."""

import io
from datetime import timedelta
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, Entry
from core.admin_translation import translated_names
from core.cache import invalidate, object_tag
from core.models import CacheInvalidation
from songs.models import Artist, Audience, Mood, Song, Work


def make_artist(name="Kenshi Yonezu", **fields):
    return Artist.objects.create(name=name, **fields)


def make_song(title="Eine Kleine", artist=None, moods=(), audiences=(), **fields):
    song = Song.objects.create(
        title=title, artist=artist or make_artist(f"Artist of {title}"), **fields
    )
    song.moods.set(moods)
    song.audiences.set(audiences)
    return song


def make_work(title_en="Your Name", kind="film", **fields):
    return Work.objects.create(title_en=title_en, kind=kind, **fields)


def make_article(title="Songs for when you want to cry", *, published=True, when=None, **fields):
    if published:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", when or timezone.now() - timedelta(days=1))
    return Article.objects.create(title=title, **fields)


def add_entries(article, songs, added_at=None, *, japanese=False):
    """`songs` as `article`'s list, each with commentary in the active language, and in
    Japanese too if `japanese` (with a Japanese title too, the article is complete in
    both languages: hreflang and the sitemap offer it in each)."""
    return [
        Entry.objects.create(
            article=article,
            song=song,
            position=position,
            commentary=f"Why {song.title} belongs here.",
            **({"commentary_ja": f"「{song.title}」を選んだ理由。"} if japanese else {}),
            added_at=added_at or timezone.now() - timedelta(days=90),
        )
        for position, song in enumerate(songs, start=1)
    ]


def make_mood(name="Tear-jerking"):
    return Mood.objects.create(name=name)


def make_audience(name="Women in their 40s"):
    return Audience.objects.create(name=name)


def image_bytes(size=(64, 48), image_format="PNG", color=(200, 30, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    return buffer.getvalue()


def image_upload(name="photo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def update_bypassing_save(queryset, **fields):
    """Write as an import script or a SQL console does: QuerySet.update(), no save(), no
    signals. Such writers must invalidate what they changed themselves, as this does, or
    readers keep being served the cached pages."""
    invalidate(object_tag(row) for row in queryset.all())
    queryset.update(**fields)


def time_comes(article, at=None):
    """Act as the clock passing a scheduled article's publication time: its published_at,
    and the invalidations its scheduling planned for that moment, move into the past.
    Nothing is saved, no signal fires, no job runs."""
    now = timezone.now()
    planned = Article.objects.get(pk=article.pk).published_at
    Article.objects.filter(pk=article.pk).update(published_at=at or now)
    CacheInvalidation.objects.filter(at=planned).update(at=now)


# --- Admin users and forms -------------------------------------------------------


def make_staff_user(username, role=None, password="pass-for-tests"):
    """A staff user in the role group the data migration made ("Editor", "Writer"), or none."""
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


class _FormFields(HTMLParser):
    """The name/value pairs a browser would send for one <form> of a page."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.state = "before"  # before, inside, after
        self.pairs = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.state == "before":
            form_id = attrs.get("id") or ""
            # Admin change forms are "<model>_form"; skip the header's log-out form.
            if form_id == self.form_id or (self.form_id is None and form_id.endswith("_form")):
                self.state = "inside"
            return
        name = attrs.get("name")
        if self.state != "inside" or "disabled" in attrs:
            return
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.pairs.append((name, attrs.get("value", "on")))
            elif kind not in {"submit", "button", "image", "reset", "file"}:
                self.pairs.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
            self.select["options"].append(self.option)
        elif tag == "textarea" and name:
            self.textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self.option is not None:
            self.option["text"] += data
        if self.textarea is not None:
            self.textarea["text"] += data

    def handle_endtag(self, tag):
        if self.state != "inside":
            return
        if tag == "form":
            self.state = "after"
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [option for option in options if option["selected"]]
            if not chosen and not self.select["multiple"] and options:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self.pairs.append((self.select["name"], value))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # HTML drops one newline right after <textarea>.
            text = self.textarea["text"]
            self.pairs.append((self.textarea["name"], text[1:] if text[:1] == "\n" else text))
            self.textarea = None


def form_data(response, form_id=None):
    """What a browser would POST from `response`'s form: {name: value or [values]}.

    Admin pages are submitted in tests the way an editor's browser sends them, so a
    test changes only the fields it is about. The inline's template row is left out."""
    parser = _FormFields(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.pairs:
        if "__prefix__" in name:
            continue
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def admin_url(obj_or_model, view="change", *args):
    opts = obj_or_model._meta
    if view in {"change", "delete", "history"} and not args:
        args = (obj_or_model.pk,)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def run_action(client, action, *articles, follow=False):
    """POST an admin action on `articles` as the changelist's form would."""
    return client.post(
        admin_url(Article, "changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles], "index": 0},
        follow=follow,
    )


def form_errors(response):
    """Every error message on an admin change form: the form's, and every inline row's."""
    messages = []
    admin_form = response.context["adminform"].form
    messages += [str(error) for errors in admin_form.errors.values() for error in errors]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        messages += [str(error) for error in formset.non_form_errors()]
        for form_errors_ in formset.errors:
            messages += [str(error) for errors in form_errors_.values() for error in errors]
    return messages


def row_of(data, song):
    """The inline row prefix ("entries-2") holding `song` in `data` (from form_data)."""
    return next(
        key.removesuffix("-song")
        for key, value in data.items()
        if key.endswith("-song") and value == str(song.pk)
    )


def box(model, name):
    """The admin form's box for `name`: "title_en" once the field is translated (the
    admin shows each language's box, core/admin_translation.py), else "title"."""
    return f"{name}_en" if name in translated_names(model) else name


def box_label(model, name, text):
    """The label of `name`'s admin box: `text` ("Title", "タイトル") and a colon, with the
    language once the field is translated: "Title (English):", "タイトル（英語）:"."""
    if name not in translated_names(model):
        return f"{text}:"
    return f"{text} (English):" if text.isascii() else f"{text}（英語）:"


def fill_entry_rows(data, songs, first_index=None):
    """Put `songs` into new inline entry rows of `data` (from form_data), after the
    existing rows unless `first_index` says where, as an editor picking songs would."""
    index = int(data["entries-INITIAL_FORMS"]) if first_index is None else first_index
    now = timezone.localtime()
    for offset, song in enumerate(songs):
        row = f"entries-{index + offset}"
        data.update(
            {
                f"{row}-id": "",
                f"{row}-song": str(song.pk),
                f"{row}-{box(Entry, 'commentary')}": f"Why {song.title} belongs here.",
                f"{row}-order": "",
                f"{row}-added_at": now.strftime("%Y-%m-%dT%H:%M:%S"),
            }
        )
    data["entries-TOTAL_FORMS"] = str(max(int(data["entries-TOTAL_FORMS"]), index + len(songs)))
    return data
