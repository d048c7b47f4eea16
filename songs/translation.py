"""What django-modeltranslation translates: a column per language in the row itself, so
pages read a translated title without a join."""

from modeltranslation.translator import TranslationOptions, register

from songs.models import Artist, Audience, Mood, Song
from songs.works import Work


@register(Work)
class WorkTranslationOptions(TranslationOptions):
    fields = ("title",)
    # Either language will do (Work.clean asks for one): none is required by itself.
    required_languages = ()


@register(Song)
class SongTranslationOptions(TranslationOptions):
    fields = ("title", "tie_in_note")
    required_languages = ()


@register(Artist)
class ArtistTranslationOptions(TranslationOptions):
    fields = ("name", "bio", "bio_html")
    required_languages = ()


# taggit looks tags up, and keeps them unique, by `name`: a name per language would
# break both, so readers see `label` (core.models.FacetTag.display_name).
@register(Mood)
class MoodTranslationOptions(TranslationOptions):
    fields = ("label", "description")
    required_languages = ()


@register(Audience)
class AudienceTranslationOptions(TranslationOptions):
    fields = ("label", "description")
    required_languages = ()
