"""Rows in and out of the archive: Django's serialization with every key kept, inserted
back as loaddata does (raw, no save(), no signal), in batches."""

import datetime
import io
import json
from itertools import islice

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from reversion.models import Version

from core.backups.archive import BackupError, data_member, new_member
from core.backups.references import user_fields

ROWS_PER_READ = 2000


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps only the milliseconds of a time; a backup keeps them all."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class RowSerializer(jsonl.Serializer):
    """Django's JSON Lines, each row encoded in one go: json.dump, which Django's uses,
    takes the pure-Python encoder and writes every token separately (twice the time)."""

    def end_object(self, obj):
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs) + "\n")
        self._current = None


class Counted:
    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def stored_fields(model):
    """The columns an archive carries: not those the database computes itself
    (GeneratedField), which it refuses to be given."""
    return [f for f in model._meta.local_concrete_fields if not f.generated]


def write_rows(archive, model):
    """Serialize every row of `model` into the archive, with its key; return how many."""
    rows = Counted(model._base_manager.order_by("pk").iterator(chunk_size=ROWS_PER_READ))
    # Many-to-many links are rows of their own through model, exported as such.
    fields = [f.name for f in stored_fields(model)]
    with (
        archive.open(new_member(data_member(model)), "w", force_zip64=True) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text,
    ):
        RowSerializer().serialize(rows, stream=text, fields=fields, cls=ExactJSONEncoder)
    return rows.count


def insert_rows(archive, model, keys):
    """Insert the archive's rows of `model` as they are: with their keys, and without save(),
    so no signal fires and no timestamp or derived field is made afresh. `keys` renumbers
    the foreign keys to models matched by name: {model: {old key: key here}}."""
    renumbered = [
        (f.attname, keys[f.related_model])
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model in keys
    ]
    fields = stored_fields(model)
    count = 0
    with (
        archive.open(data_member(model)) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as text,
    ):
        objects = (item.object for item in serializers.deserialize("jsonl", text))
        while batch := list(islice(objects, ROWS_PER_READ)):
            for obj in batch:
                if type(obj) is not model:
                    raise BackupError(f"{data_member(model)} holds rows of another model.")
                for attname, new_keys in renumbered:
                    old = getattr(obj, attname)
                    if old is not None:
                        if old not in new_keys:
                            raise BackupError(f"{data_member(model)} refers to a row it lacks.")
                        setattr(obj, attname, new_keys[old])
                if model is Version:
                    renumber_version_users(obj, keys[get_user_model()])
            size = connection.ops.bulk_batch_size(fields, batch)
            for start in range(0, len(batch), size):
                # What bulk_create does, but raw, as loaddata saves: bulk_create's pre_save
                # would stamp the auto_now fields with the time of the import.
                model._base_manager._insert(batch[start : start + size], fields=fields, raw=True)
            count += len(batch)
    return count


def renumber_version_users(version, user_keys):
    """A stored version names users by key (an article's author): the key they have here.
    A user the archive does not know was deleted before the export: no one, as SET_NULL."""
    model = ContentType.objects.get_for_id(version.content_type_id).model_class()
    names = [f.name for f in user_fields(model)] if model else []
    if not names or version.format != "json":
        return
    data = json.loads(version.serialized_data)
    fields = data[0]["fields"]
    renumbered = {
        name: user_keys.get(fields[name]) for name in names if isinstance(fields.get(name), int)
    }
    if any(fields[name] != key for name, key in renumbered.items()):
        fields.update(renumbered)
        version.serialized_data = json.dumps(data, ensure_ascii=False)
