"""What django-modeltranslation translates: a column per language in the row itself, so
pages read a translated title without a join."""

from modeltranslation.translator import TranslationOptions, register

from songs.works import Work


@register(Work)
class WorkTranslationOptions(TranslationOptions):
    fields = ("title",)
    # Either language will do (Work.clean asks for one): none is required by itself.
    required_languages = ()
