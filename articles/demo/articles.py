"""Demo articles. Titles and song facts follow the seed page; all prose is our own."""

MAIN_ARTICLE = {
    "slug": "songs-for-when-you-want-to-cry",
    "title": "[For When You Want to Cry] Tear-Jerking Masterpieces to Soothe the Heart: "
    "Life, Love, and Work",
    "lead": "Seven songs for the nights when crying is the kindest thing you can do for yourself.",
    "intro": (
        "Some evenings the week catches up with you all at once. A good cry is not a "
        "weakness; it is how a tired heart lets go of what it has been carrying.\n\n"
        "We picked these songs from love, from work and from the slow business of living. "
        "Put on headphones, let them play in order, and let the tears come if they want to."
    ),
    "published": "2025-06-14T19:00:00+09:00",
    "moods": ["tearjerker", "comfort"],
    "audiences": ["tired-workers", "solo-listeners"],
    "entries": [
        (
            "eine-kleine",
            "Yonezu's 2014 song is a love song that keeps apologising for itself: it is "
            "afraid of how much it hopes. That fear is why it hurts.\n\n"
            "Watch the animated video too. Yonezu drew the illustrations himself.",
        ),
        (
            "endless-journey",
            "It opens with a lone piano and grows into something enormous, the way a "
            "resolution does when you finally say it out loud.\n\n"
            "Mr.Children's fifteenth single, and the theme of the drama *Naguru Onna*.",
        ),
        (
            "sparkle",
            "Heard inside *Your Name*, every line points back at the story; heard on its own, "
            "it is a long, bright poem about loving someone against the odds.\n\n"
            "Let the piano introduction do its work before the band arrives.",
        ),
        (
            "soranji",
            "Written for the film *From Siberia With Love* and released in November 2022, "
            "it asks what a life is for and answers with the people in it.\n\n"
            "The strings give the band a scale we had not heard from them before.",
        ),
        (
            "unchanging-things",
            "Hanako Oku wrote it from the script and storyboards of *The Girl Who Leapt "
            "Through Time*, and it fits the film so closely it feels like a scene of its own.\n\n"
            "In a story where time keeps slipping, the song holds on to the one thing it trusts.",
        ),
        (
            "one-more-time-one-more-chance",
            "Released in 1997, it found a second life ten years later in *5 Centimeters per "
            "Second*. Few songs catch so exactly the wish to turn a corner and find someone "
            "still there.\n\n"
            "If you have ever looked for a face in a crowd, you already know this song.",
        ),
        (
            "even-if-its-one-of-a-kind",
            "Released digitally in July 2025, this is a song for the nights you measure "
            "yourself against everyone else and come up short.\n\n"
            "It also appears on the CD single with the opening theme of the anime *Shabake*. "
            "Its plain words loosen a tight chest.",
        ),
    ],
}

# A list long enough for a second page (entries_per_page is 10): "(11–20)".
LONG_ARTICLE = {
    "slug": "twenty-japanese-songs-that-make-you-cry",
    "title": "20 Japanese Songs That Make You Cry, from the Nineties to Now",
    "lead": "Three decades of songs that people reach for when they need to cry, one page of "
    "ten at a time.",
    "intro": (
        "Some of these were everywhere when they came out; some crept up on listeners over "
        "years. All of them have done the same quiet job for a great many people.\n\n"
        "Play them in order or jump around. The second page is no weaker than the first."
    ),
    "published": "2025-05-30T19:00:00+09:00",
    "moods": ["tearjerker", "nostalgic"],
    "audiences": ["women-40s", "solo-listeners"],
    "entries": [
        (
            "first-love",
            "The title track of Utada's first Japanese album, from 1999. It looks back on a "
            "first love without a trace of bitterness, which is exactly why it hurts.",
        ),
        (
            "lemon",
            "Written as the theme of the drama *Unnatural* and released in 2018, it sits with "
            "grief instead of hurrying past it.",
        ),
        (
            "one-more-time-one-more-chance",
            "A 1997 song that *5 Centimeters per Second* gave a second life. Still the sound "
            "of searching a crowd for one face.",
        ),
        (
            "hanamizuki",
            "Released in 2004, a slow song built on one wish: that the person you love is "
            "happy, even if it is far from you.",
        ),
        (
            "sakura-dokushou",
            "A piano, a voice and a farewell. More than twenty years on, this 2003 song still "
            "belongs to every graduation season.",
        ),
        (
            "tsunami",
            "Southern All Stars' ballad from 2000: a love so large it overwhelms as much as it "
            "comforts.",
        ),
        (
            "endless-journey",
            "Mr.Children's song for anyone who has to get up and keep going. It opens almost "
            "in a whisper and ends wide open.",
        ),
        (
            "nada-sousou",
            "Natsukawa's 2001 recording sings of missing someone who is gone. The title, in "
            "the Okinawan language, speaks of tears that keep on falling.",
        ),
        (
            "yuki-no-hana",
            "A winter love song from 2003. The snow makes a happy moment feel almost too "
            "fragile to hold.",
        ),
        (
            "eine-kleine",
            "A love song afraid of its own hope. Yonezu drew the animation for its video himself.",
        ),
        (
            "sparkle",
            "From the film *Your Name*: a long song that begins at the piano and ends somewhere "
            "much bigger.",
        ),
        (
            "kanade",
            "Sukima Switch's 2004 song of seeing someone off at a station, and of every word "
            "left unsaid at the gate.",
        ),
        (
            "unchanging-things",
            "Hanako Oku's song for *The Girl Who Leapt Through Time*: steady piano under a "
            "story where time will not sit still.",
        ),
        (
            "marigold",
            "Aimyon's 2018 summer love song. The tears it brings are mostly happy ones.",
        ),
        (
            "pretender",
            "A 2019 song about a love that cannot work out, sung by someone honest enough to "
            "admit it.",
        ),
        (
            "yoru-ni-kakeru",
            "YOASOBI's first song, from 2019. Bright and fast on the surface; the story under "
            "it is anything but.",
        ),
        (
            "soranji",
            "Mrs. GREEN APPLE's theme for *From Siberia With Love*: a plain question about "
            "what a life is for, with strings behind it.",
        ),
        (
            "uma-to-shika",
            "The theme of the 2019 rugby drama *No Side Game*. It is about pain as much as "
            "about winning, which is why it lands.",
        ),
        (
            "ai-wo-komete-hanataba-wo",
            "Superfly's 2008 love song climbs to a chorus that nobody can sing quietly.",
        ),
        (
            "even-if-its-one-of-a-kind",
            "The newest song here, from 2025: small, honest words for the nights of "
            "comparing yourself with everyone else.",
        ),
    ],
}

# The seed page's related themed articles, as real articles of their own:
# (title, moods, audiences, songs in order, lead)
RELATED_ARTICLES = [
    (
        "[Tearjerker] Songs that make your heart tremble with tears & moving tracks with "
        "lyrics that touch the soul",
        ["tearjerker"],
        ["solo-listeners"],
        ["eine-kleine", "sparkle", "soranji"],
        "Lyrics first: three songs whose words do most of the crying for you.",
    ),
    (
        "[For those doing their best] A comforting song to listen to when you're tired of life",
        ["comfort", "uplifting"],
        ["tired-workers"],
        ["endless-journey", "even-if-its-one-of-a-kind", "soranji"],
        "For the commute home after a day that took everything.",
    ),
    (
        "[For when you want to cry or feel sad] Tear-jerking masterpieces that make you cry "
        "when you listen",
        ["tearjerker"],
        ["solo-listeners"],
        ["one-more-time-one-more-chance", "unchanging-things", "eine-kleine"],
        "Classics of sadness that still land, however many times you have heard them.",
    ),
    (
        "[Just the Lyrics Make Me Cry] Tear-Jerking Songs That Touch the Heart",
        ["tearjerker", "love"],
        ["solo-listeners"],
        ["sparkle", "eine-kleine", "unchanging-things"],
        "Read the words before you press play.",
    ),
    (
        "[Unrequited Love] Heart-wrenching Love Songs | A Roundup of Tear-Inducing Crush and "
        "Breakup Tracks",
        ["heartbreak", "love"],
        ["women-40s"],
        ["one-more-time-one-more-chance", "eine-kleine", "sparkle"],
        "For loves that stayed on one side of the table.",
    ),
    (
        "[So touching it makes you cry] A heartbreakingly wistful and sad song that tightens "
        "your chest",
        ["heartbreak", "nostalgic"],
        ["women-50s"],
        ["unchanging-things", "one-more-time-one-more-chance", "soranji"],
        "Wistful songs that tighten the chest and then, slowly, let go.",
    ),
    (
        "[Today's Tearjerker Song] Tear ducts destroyed! Timeless and trending tracks that will "
        "make you cry no matter what",
        ["tearjerker"],
        ["solo-listeners", "film-lovers"],
        ["even-if-its-one-of-a-kind", "soranji", "endless-journey"],
        "Old favourites beside this year's new arrivals.",
    ),
    (
        "A tear-jerking love song that gently stays by your heart",
        ["love", "comfort"],
        ["women-40s"],
        ["sparkle", "unchanging-things", "eine-kleine"],
        "Love songs that stay with you quietly, long after they end.",
    ),
    (
        "When you want to immerse yourself in music alone! Tear-jerker songs released in the "
        "Reiwa era",
        ["tearjerker"],
        ["solo-listeners"],
        ["soranji", "even-if-its-one-of-a-kind"],
        "Songs from 2019 onwards for an evening on your own.",
    ),
    (
        "Tear-jerking songs recommended for women in their 40s: classic and popular Japanese "
        "tracks",
        ["tearjerker", "nostalgic"],
        ["women-40s"],
        ["endless-journey", "unchanging-things", "one-more-time-one-more-chance"],
        "The songs that scored your twenties still have something to say.",
    ),
    (
        "[Deeply Moving] A Tear-Jerking Cheer Song: Popular Inspirational Anthems That "
        "Resonate with the Heart",
        ["uplifting", "tearjerker"],
        ["tired-workers"],
        ["endless-journey", "soranji", "even-if-its-one-of-a-kind"],
        "Cheer songs that admit how hard it is before they tell you to keep going.",
    ),
    (
        "Tear-jerking songs recommended for women in their 50s: classic and popular Japanese hits",
        ["tearjerker", "nostalgic"],
        ["women-50s"],
        ["one-more-time-one-more-chance", "endless-journey", "soranji"],
        "Hits with decades behind them, and one newer song that belongs beside them.",
    ),
    (
        "[Tearjerker Guaranteed!] A Heartbreak Song Told from a Male Perspective",
        ["heartbreak"],
        ["solo-listeners"],
        ["one-more-time-one-more-chance", "eine-kleine", "endless-journey"],
        "Heartbreak sung by men who are not pretending to be fine.",
    ),
]

# Each related article's entries get a short note of their own on the song: one angle per song,
# turned to the article's theme by its lead.
SONG_NOTES = {
    "eine-kleine": "A love song so careful with its hope that it trembles.",
    "endless-journey": "Starts small at the piano and ends as a promise to keep walking.",
    "sparkle": "Piano and longing from *Your Name*, taking its time.",
    "soranji": "Strings, a big chorus and a plain question about what makes a life worth it.",
    "unchanging-things": "Wistful piano pop that holds on while everything else moves.",
    "one-more-time-one-more-chance": "The song of looking for someone who is no longer there.",
    "even-if-its-one-of-a-kind": "Small, honest words for the nights of comparing yourself.",
}
