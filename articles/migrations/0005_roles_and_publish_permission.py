"""The permission to publish articles, and the two newsroom roles as auth groups.

Editor: creates and changes artists, songs, moods, audiences, articles and their
entries and picks; deletes them; publishes, schedules and unpublishes articles.

Writer: creates and changes drafts, with their entries and related picks, and
the artists and songs a list needs (the "+" button beside a song); sees moods and
audiences. Cannot publish, schedule or touch a published article: the admin
enforces that with the `publish_article` permission, which Writers lack.

Neither role has any permission on users or groups. The permission lists are
written out here, not imported, so the migration keeps meaning what it meant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ("add", "change", "delete", "view")
ROLES = {
    "Editor": {
        "songs": {model: CONTENT for model in ("artist", "song", "mood", "audience")},
        "articles": {
            "article": (*CONTENT, "publish"),
            "entry": CONTENT,
            "relatedpick": CONTENT,
        },
    },
    "Writer": {
        "songs": {
            "artist": ("add", "change", "view"),
            "song": ("add", "change", "view"),
            "mood": ("view",),
            "audience": ("view",),
        },
        "articles": {
            "article": ("add", "change", "view"),
            # Removing a song from a draft list deletes its entry row.
            "entry": CONTENT,
            "relatedpick": CONTENT,
        },
    },
}


def codenames(app_models):
    for app_label, models in app_models.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after the last migration (post_migrate); make
    # them now so a fresh database gets its groups in this same run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, app_models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for app_label, codename in codenames(app_models):
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_random_hero_image_names"),
        ("songs", "0003_random_artist_photo_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": ["-published_at", "-pk"],
                "permissions": [
                    ("publish_article", "Can publish, schedule and unpublish articles")
                ],
            },
        ),
        migrations.RunPython(create_roles, remove_roles),
    ]
