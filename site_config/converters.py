"""URL converters shared by every app."""


class UnicodeSlugConverter:
    """Like <slug:>, but any word character: a Japanese slug typed by hand never 404s."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
