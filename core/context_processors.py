from django.conf import settings


def site(request):
    """The site's name for every template: one setting, not a string in each file."""
    return {"SITE_NAME": settings.SITE_NAME}
