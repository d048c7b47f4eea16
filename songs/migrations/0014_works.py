"""Tie-in works as data: Work, and each song's link to one.

Songs carried their tie-in as free text (`tie_in`) and a kind (`tie_in_kind`). Each text
that parses (songs/tie_ins.py) becomes a link to a Work with a role ("Insert song");
songs naming the same title and kind share one work. A text that does not parse stays,
word for word, in `tie_in_note`. Editors get the Work permissions Song has.
"""

import unicodedata

import core.fields
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

from core.slugs import SLUG_MAX_LENGTH, ascii_slug, cut_slug
from songs.tie_ins import parse_tie_in, work_key

# As in articles' 0005_roles_and_publish_permission, written out, not imported.
CONTENT = ("add", "change", "delete", "view")
WORK_PERMISSIONS = {"Editor": CONTENT, "Writer": ("add", "change", "view")}
KIND_WORDS = {
    "anime": "the anime",
    "drama": "the TV drama",
    "film": "the film",
    "tv": "the TV programme",
    "cm": "a commercial for",
    "game": "the game",
    "other": "",
}
ROLE_WORDS = {
    "theme": "Theme song",
    "opening": "Opening theme",
    "ending": "Ending theme",
    "insert": "Insert song",
    "image": "Image song",
    "cm": "Commercial song",
    "": "Tie-in",
}


def works_from_tie_ins(apps, schema_editor):
    """Link every song whose tie-in text parses to its work; keep the rest as a note."""
    Song = apps.get_model("songs", "Song")
    Work = apps.get_model("songs", "Work")
    works, slugs = {}, set(Work.objects.values_list("slug", flat=True))
    songs = list(Song.objects.exclude(tie_in_note="").only("pk", "tie_in_note", "tie_in_kind"))
    for song in songs:
        tie_in = parse_tie_in(song.tie_in_note, song.tie_in_kind)
        if tie_in is None:
            continue
        key = work_key(tie_in)
        work = works.get(key)
        if work is None:
            work = works[key] = Work(kind=tie_in.kind, year=tie_in.year)
            setattr(work, f"title_{tie_in.language}", tie_in.title)
            work.title = tie_in.title
            work.slug = free_slug(tie_in.title, slugs)
            work.save()
        elif work.year is None and tie_in.year:
            work.year = tie_in.year
            work.save(update_fields=["year"])
        song.work, song.tie_in_role, song.tie_in_note = work, tie_in.role, ""
    Song.objects.bulk_update(
        [song for song in songs if song.work_id], ["work", "tie_in_role", "tie_in_note"], 1000
    )


def free_slug(title, taken):
    """unique_slug()'s choice, from a set of the slugs taken (the historical model has no save())."""
    base = ascii_slug(unicodedata.normalize("NFKC", title), fallback="work")
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = cut_slug(base, SLUG_MAX_LENGTH - len(suffix)) + suffix
        n += 1
    taken.add(candidate)
    return candidate


def tie_ins_from_works(apps, schema_editor):
    """Backwards: write each linked song's tie-in as the text it came from."""
    Song = apps.get_model("songs", "Song")
    songs = list(Song.objects.filter(work__isnull=False).select_related("work"))
    for song in songs:
        work = song.work
        title = work.title_en or work.title_ja or work.title
        parts = [ROLE_WORDS.get(song.tie_in_role, "Tie-in"), "of", KIND_WORDS[work.kind], title]
        words = " ".join(part for part in parts if part)
        if work.year:
            words += f" ({work.year})"
        song.tie_in_kind = work.kind
        song.tie_in_note = "; ".join(part for part in [words, song.tie_in_note] if part)[:250]
    Song.objects.bulk_update(songs, ["tie_in_kind", "tie_in_note"], 1000)


def grant_work_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("songs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, actions in WORK_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="songs",
                codename__in=[f"{action}_work" for action in actions],
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ('songs', '0013_short_grams_search'),
        # The Editor and Writer groups.
        ('articles', '0005_roles_and_publish_permission'),
    ]

    operations = [
        migrations.CreateModel(
            name='Work',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('title', core.fields.CleanCharField(blank=True, help_text='In English and in Japanese; one of the two is enough.', max_length=200, verbose_name='title')),
                ('title_en', core.fields.CleanCharField(blank=True, help_text='In English and in Japanese; one of the two is enough.', max_length=200, null=True, verbose_name='title')),
                ('title_ja', core.fields.CleanCharField(blank=True, help_text='In English and in Japanese; one of the two is enough.', max_length=200, null=True, verbose_name='title')),
                ('slug', models.SlugField(blank=True, max_length=120, unique=True, verbose_name='slug')),
                ('kind', models.CharField(choices=[('anime', 'Anime'), ('drama', 'TV drama'), ('film', 'Film'), ('tv', 'TV programme'), ('cm', 'Commercial'), ('game', 'Game'), ('other', 'Other')], max_length=10, verbose_name='kind')),
                ('year', models.PositiveSmallIntegerField(blank=True, help_text='When it first came out (aired, screened, released).', null=True, validators=[django.core.validators.MinValueValidator(1880), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('official_url', models.URLField(blank=True, verbose_name='official site')),
            ],
            options={
                'verbose_name': 'work',
                'verbose_name_plural': 'works',
                'ordering': ['slug'],
                'indexes': [models.Index(fields=['kind', 'id'], name='work_by_kind'), models.Index(fields=['updated_at'], name='work_updated')],
            },
        ),
        migrations.AddField(
            model_name='song',
            name='work',
            field=models.ForeignKey(blank=True, help_text='The film, anime, drama, commercial… the song is tied in to.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='songs', to='songs.work', verbose_name='tie-in work'),
        ),
        migrations.AddField(
            model_name='song',
            name='tie_in_role',
            field=models.CharField(blank=True, choices=[('theme', 'Theme song'), ('opening', 'Opening theme'), ('ending', 'Ending theme'), ('insert', 'Insert song'), ('image', 'Image song'), ('cm', 'Commercial song')], max_length=10, verbose_name='tie-in role'),
        ),
        migrations.RenameField(model_name='song', old_name='tie_in', new_name='tie_in_note'),
        migrations.AlterField(
            model_name='song',
            name='tie_in_note',
            field=core.fields.CleanCharField(blank=True, help_text="Anything the work and role do not say, e.g. 'Coupling song on the CD single of the opening theme'.", max_length=250, verbose_name='tie-in note'),
        ),
        migrations.RunPython(works_from_tie_ins, tie_ins_from_works),
        migrations.RemoveField(
            model_name='song',
            name='tie_in_kind',
        ),
        migrations.RunPython(grant_work_permissions, migrations.RunPython.noop),
    ]
