"""Create the local editor account once, and print its password that one time."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

# The role the data migration made (articles/migrations/0005_roles_and_publish_permission.py).
ROLE = "Editor"


class Command(BaseCommand):
    help = (
        "Create a local staff account 'editor' in the Editor group (not a superuser) with "
        "a random password, unless it exists; an existing one keeps its password and is "
        "put back in the role."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        users = get_user_model().objects
        role = Group.objects.get(name=ROLE)
        user = users.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = users.create_user(username=username, password=password, is_staff=True)
            user.groups.add(role)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created editor account '{username}' (Editor group) with password: "
                    f"{password}\nIt is shown only this once."
                )
            )
            return
        # Earlier versions made this account a superuser in no group: it then saw the
        # users and groups, which an editor does not. Bring it to what an editor is.
        user.is_staff, user.is_superuser = True, False
        user.save(update_fields=["is_staff", "is_superuser"])
        user.groups.add(role)
        self.stdout.write(
            f"Editor account '{username}' already exists, in the Editor group; password unchanged."
        )
