"""Model fields for text that people write: cleaned once, on its way into the database.

Control characters (C0 other than tab, LF and CR, and DEL) are invisible noise in a
page and invalid in XML, where one of them makes a whole feed unreadable. These
fields drop them whichever way a value arrives, so that nothing on the way out has
to: a form or full_clean() (to_python), save() (pre_save, which also cleans the
instance), and QuerySet.update(), bulk_create() and lookups (get_prep_value).
"""

from django.db import models

from core.markup import strip_control_characters


def _clean(value):
    return strip_control_characters(value) if isinstance(value, str) else value


class CleanTextMixin:
    def to_python(self, value):
        return _clean(super().to_python(value))

    def pre_save(self, model_instance, add):
        raw = super().pre_save(model_instance, add)
        value = _clean(raw)
        # Written back only when cleaning changed it: a translated field's attribute
        # (django-modeltranslation) reads another language as a fallback, and writing
        # that back would copy it into the reader's language.
        if value != raw:
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return _clean(super().get_prep_value(value))


class CleanCharField(CleanTextMixin, models.CharField):
    pass


class CleanTextField(CleanTextMixin, models.TextField):
    pass
