from django.db import migrations

from core.short_grams import ReplaceShortGramsFunction, rebuilt_bytewise

# The function's body from migration 0013 to this one.
PREVIOUS_FUNCTION = """
CREATE OR REPLACE FUNCTION liner_short_grams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5000 AS $$
    SELECT ARRAY(
        SELECT DISTINCT gram FROM (
            SELECT ch, lead(ch) OVER (ORDER BY n) AS next
            FROM unnest(string_to_array(body, NULL)) WITH ORDINALITY AS chars(ch, n)
        ) AS pairs, LATERAL (VALUES (ch), (ch || next)) AS grams(gram)
        WHERE gram IS NOT NULL
    )
$$
"""


class Migration(migrations.Migration):
    """The short grams are computed by C functions alone and compared bytewise: their
    indexes build in half the time (core/short_grams.py). PostgreSQL only."""

    dependencies = [("songs", "0018_artist_kana_sort")]

    operations = [
        ReplaceShortGramsFunction(previous=PREVIOUS_FUNCTION),
        *rebuilt_bytewise("song", "search_text", "song_search_grams"),
        *rebuilt_bytewise("artist", "search_text", "artist_search_grams"),
    ]
