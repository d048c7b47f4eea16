"""Synthetic magazine content for make_bulk: names, titles and texts from a seeded RNG.

Nothing here touches the database, and one seed always gives the same content.
Roughly half of everything is written in Japanese (kanji and kana), half in English.
"""

import bisect
import itertools
from datetime import date

from articles import synthetic_words as words


class Zipf:
    """Ranks 0..n-1 drawn with probability ∝ 1/(rank+1)^s: a few very popular, most rare."""

    def __init__(self, n, s, rng):
        self.rng = rng
        self.cumulative = list(itertools.accumulate((rank + 1) ** -s for rank in range(n)))

    def draw(self):
        rank = bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])
        return min(rank, len(self.cumulative) - 1)

    def distinct(self, k):
        """k different ranks (k must not exceed n), in the order drawn."""
        chosen = {}
        while len(chosen) < k:
            chosen.setdefault(self.draw(), None)
        return list(chosen)


def capitalised(text):
    return text[:1].upper() + text[1:]


def hiragana(katakana):
    return "".join(chr(ord(char) - 0x60) for char in katakana)


def mood_tags():
    """(name, description) of the 30 moods: every other one named in Japanese."""
    return [
        (en, f"{capitalised(en_songs)}, picked by our editors.")
        if index % 2 == 0
        else (ja, f"編集部が選んだ{ja_songs}。")
        for index, (en, ja, en_songs, ja_songs) in enumerate(words.MOODS)
    ]


def audience_tags():
    return [
        (en, f"Lists chosen {en_for}.") if index % 2 == 0 else (ja, f"{ja_for}選んだリスト。")
        for index, (en, ja, en_for, ja_for) in enumerate(words.AUDIENCES)
    ]


class Writer:
    """Every made-up text, each drawn from `rng` in a fixed order."""

    def __init__(self, rng):
        self.rng = rng

    def pick(self, choices):
        return self.rng.choice(choices)

    def kana_name(self, low, high):
        """A made-up katakana word and its romaji, e.g. ('ヨルシカ', 'yorushika')."""
        syllables = [self.pick(words.SYLLABLES) for _ in range(self.rng.randint(low, high))]
        return "".join(kana for kana, _ in syllables), "".join(roman for _, roman in syllables)

    def artist(self):
        """Fields of one artist: name, aliases, kind, bio (Markdown)."""
        roll = self.rng.random()
        if roll < 0.3:
            family, given = self.pick(words.FAMILY_NAMES), self.pick(words.GIVEN_NAMES)
            name, aliases, kind = family[0] + given[0], f"{given[1]} {family[1]}", "solo"
        elif roll < 0.55:
            kana, roman = self.kana_name(2, 4)
            if self.rng.random() < 0.4:
                kana = hiragana(kana)
            name, aliases = kana, capitalised(roman)
            kind = self.pick(["solo", "group"])
        elif roll < 0.75:
            noun, (kana, roman) = self.pick(words.NOUNS), self.kana_name(2, 3)
            name, aliases, kind = noun[0] + kana, f"{noun[1].title()} {roman.title()}", "group"
        else:
            name = self.pick(words.BAND_FORMS).format(**self.english_words())
            aliases, kind = "", "group"
        city, genre = self.pick(words.CITIES), self.pick(words.GENRES)
        year = self.rng.randint(1970, 2024)
        if name.isascii():
            who = "singer-songwriter" if kind == "solo" else "band"
            bio = f"A {genre[1]} {who} from {city[1]}, releasing music since {year}."
            if self.rng.random() < 0.3:
                bio += "\n\nTheir live shows are *the* way to hear them."
        else:
            who = "シンガーソングライター" if kind == "solo" else "バンド"
            bio = f"{city[0]}出身の{genre[0]}{who}。{year}年から活動している。"
            if self.rng.random() < 0.3:
                bio += "\n\n*ライブ*でこそ真価を発揮する。"
        return {"name": name, "aliases": aliases, "kind": kind, "bio": bio}

    def english_words(self):
        nouns = self.rng.sample(words.ENGLISH_NOUNS, 2)
        return {
            "adj": self.pick(words.ADJECTIVES),
            "noun": nouns[0],
            "noun2": nouns[1],
            "verb": self.pick(words.ENGLISH_VERBS),
        }

    def weighted(self, forms):
        return self.rng.choices(forms, weights=[form[-1] for form in forms])[0]

    def song(self):
        """Fields of one song but its artist and tie-in: title, alt_titles, release, video."""
        fields = {}
        if self.rng.random() < 0.6:
            first, second = self.rng.sample(words.NOUNS, 2)
            attributive, verb = self.pick(words.ATTRIBUTIVES), self.pick(words.VERBS)
            keys = ["a", "a_en", "b", "b_en", "attr", "attr_en", "verb", "verb_en"]
            parts = dict(zip(keys, [*first, *second, *attributive, *verb], strict=True))
            japanese, english, _ = self.weighted(words.JAPANESE_TITLE_FORMS)
            title, alt = japanese.format(**parts), capitalised(english.format(**parts))
            if self.rng.random() < 0.1:
                c, c_en = self.pick(words.NOUNS)
                title, alt = f"{title}〜{c}〜", f"{alt} ({c_en})"
            fields.update(title=title, alt_titles=alt)
        else:
            form, _ = self.weighted(words.ENGLISH_TITLE_FORMS)
            fields.update(title=form.format(**self.english_words()), alt_titles="")
        fields.update(self.release())
        if self.rng.random() < 0.4:
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            video_id = "".join(self.rng.choices(alphabet, k=11))
            fields["video_url"] = f"https://www.youtube.com/watch?v={video_id}"
        return fields

    def work(self):
        """Fields of one tie-in work: its kind, its title in Japanese or English, a year."""
        kind = self.pick(list(words.TIE_IN_ROLES))
        if self.rng.random() < 0.6:
            (a_ja, _), (b_ja, _) = self.rng.sample(words.NOUNS, 2)
            titles = {"title_ja": f"{a_ja}の{b_ja}"}
        else:
            titles = {"title_en": "{adj} {noun}".format(**self.english_words()).title()}
        year = self.rng.randint(1975, 2025) if self.rng.random() < 0.8 else None
        return {"kind": kind, "year": year, **titles}

    def tie_in_role(self, kind):
        return self.pick(words.TIE_IN_ROLES[kind])

    def release(self):
        """Release dates lean recent; some are known only to the month or the year."""
        year = 2025 - int(50 * self.rng.random() ** 2)
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        roll = self.rng.random()
        if roll < 0.05:
            return {"release_date": date(year, 1, 1), "release_date_precision": "year"}
        if roll < 0.15:
            return {"release_date": date(year, month, 1), "release_date_precision": "month"}
        return {"release_date": date(year, month, day), "release_date_precision": "day"}

    def article(self, count, mood, audience, year):
        """Title, lead and intro (Markdown) of a list of `count` songs with this theme,
        published in `year` (which titles often carry, as real lists do)."""
        _, _, mood_en, mood_ja = mood
        scene_ja, scene_en = self.pick(words.SCENES)
        if self.rng.random() < 0.5:
            titles = [
                f"{scene_ja}に聴きたい{mood_ja}{count}選",
                f"【{count}選】{scene_ja}に寄り添う{mood_ja}",
                f"【{year}年版】{scene_ja}に聴きたい{mood_ja}{count}選",
                f"{scene_ja}に寄り添う{mood_ja}{count}選【{year}年】",
            ]
            if audience:
                titles += [
                    f"{audience[3]}贈る{mood_ja}{count}選",
                    f"{audience[3]}おすすめの{mood_ja}ベスト{count}",
                    f"【{year}年最新】{audience[3]}贈る{mood_ja}{count}選",
                ]
            lead = f"編集部が厳選した{mood_ja}を{count}曲、解説つきで紹介します。"
            intro = (
                f"{scene_ja}にぴったりの*{mood_ja}*を集めました。"
                "定番から最近の曲まで、幅広く選んでいます。\n\n"
                + self.pick(
                    [
                        "気になった曲は[プレイリスト](https://example.com/playlists)でどうぞ。",
                        "あなたの一曲も、ぜひ教えてください。",
                        "上から順に聴くのがおすすめです。",
                    ]
                )
            )
        else:
            titles = [
                f"{count} {mood_en} for {scene_en}",
                f"The {count} best {mood_en} for {scene_en}",
                f"{count} {mood_en} for {scene_en} ({year} edition)",
                f"The {count} best {mood_en} of {year} for {scene_en}",
            ]
            if audience:
                titles += [
                    f"{capitalised(mood_en)} {audience[2]}: {count} picks",
                    f"{count} {mood_en} {audience[2]}",
                    f"{capitalised(mood_en)} {audience[2]}, {year}: {count} picks",
                ]
            lead = f"{count} {mood_en} our editors keep coming back to, each with a note on why."
            intro = (
                f"Some songs find you at exactly the right moment. Here are *{mood_en}* for "
                f"{scene_en}, old favourites and new finds alike.\n\n"
                + self.pick(
                    [
                        "Tell us what we missed on [our contact page](https://example.com/contact).",
                        "Press play on the first one and let the list run.",
                        "Every entry comes with a note from the desk.",
                    ]
                )
            )
        return self.pick(titles), lead, intro


def commentary_pool():
    """Every commentary entries draw from: one or two paragraphs, in both languages."""
    pool = []
    for language, (openings, middles, closings) in words.COMMENTARY_FRAGMENTS.items():
        join = "{}{}{}" if language == "ja" else "{} {}. {}"
        for opening, middle, closing in itertools.product(openings, middles, closings):
            text = join.format(opening, middle, closing)
            pool += [text, f"{text}\n\n{closings[(len(pool) // 2) % len(closings)]}"]
    return pool
