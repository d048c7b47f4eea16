"""Create the local editor account once, and print its password that one time."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser 'editor' with a random password, unless it exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        users = get_user_model().objects
        if users.filter(username=username).exists():
            self.stdout.write(f"Editor account '{username}' already exists; password unchanged.")
            return
        password = secrets.token_urlsafe(12)
        users.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created editor account '{username}' with password: {password}\n"
                "It is shown only this once."
            )
        )
