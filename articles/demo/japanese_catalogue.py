"""Japanese edition of the demo artists, songs, moods and audiences, keyed by the slugs in
articles/demo/catalogue.py and articles/demo/songs.py.

Names and song titles are facts: each is given only where it is certain, and whatever is
left out falls back to the English. Bios and descriptions are written for the project in
Japanese, from the facts the English states. "kana" is the reading in hiragana that the
gojūon index sorts by.
"""

ARTISTS_JA = {
    "kenshi-yonezu": {
        "name": "米津玄師",
        "kana": "よねづけんし",
        "bio": "自身の作品のアートワークやアニメーションも自ら手がけるシンガーソングライター。",
    },
    "mr-children": {
        "name": "Mr.Children",
        "kana": "みすたーちるどれん",
        "bio": "90年代から、シングルが日本の人々の暮らしとともにある4人組ロックバンド。",
    },
    "radwimps": {
        "name": "RADWIMPS",
        "kana": "らっどうぃんぷす",
        "bio": "新海誠監督作品の音楽を手がけ、日本の外でも広く知られるロックバンド。",
    },
    "mrs-green-apple": {
        "name": "Mrs. GREEN APPLE",
        "kana": "みせすぐりーんあっぷる",
        "bio": "明るいアレンジに、生きることそのものを見つめる歌詞をのせることの多いバンド。",
    },
    "hanako-oku": {
        "name": "奥華子",
        "kana": "おくはなこ",
        "bio": "ピアノを弾きながら、恋や思い出を身近な言葉で歌うシンガーソングライター。",
    },
    "masayoshi-yamazaki": {
        "name": "山崎まさよし",
        "kana": "やまざきまさよし",
        "bio": "飾らないバラードを長く歌い続けてきたシンガーソングライター、ギタリスト。",
    },
    # The seed writes the name "kujira" and "KujiRa"; its native spelling is not certain,
    # so the name falls back to the English. The reading of "kujira" is certain.
    "kujira": {
        "kana": "くじら",
        "bio": "日々の小さな悩みを、飾らない言葉ですくい取るソングライター。",
    },
    "hikaru-utada": {
        "name": "宇多田ヒカル",
        "kana": "うただひかる",
        "bio": "シンガーソングライター、プロデューサー。1999年に初の日本語アルバム"
        "『First Love』を発表。",
    },
    "yo-hitoto": {
        "name": "一青窈",
        "kana": "ひととよう",
        "bio": "歌手、作詞家。2004年の「ハナミズキ」が代表曲。",
    },
    "naotaro-moriyama": {
        "name": "森山直太朗",
        "kana": "もりやまなおたろう",
        "bio": "「さくら（独唱）」が毎年の卒業シーズンに歌われるシンガーソングライター。",
    },
    "southern-all-stars": {
        "name": "サザンオールスターズ",
        "kana": "さざんおーるすたーず",
        "bio": "桑田佳祐率いるバンド。1978年からレコードを発表し続けている。",
    },
    "mika-nakashima": {
        "name": "中島美嘉",
        "kana": "なかしまみか",
        "bio": "冬のバラードがよく似合う声を持つ歌手、俳優。",
    },
    "sukima-switch": {
        "name": "スキマスイッチ",
        "kana": "すきますいっち",
        "bio": "大橋卓弥と常田真太郎によるデュオ。",
    },
    "aimyon": {
        "name": "あいみょん",
        "kana": "あいみょん",
        "bio": "兵庫県出身。恋やありふれた日々を、飾らない言葉で歌うシンガーソングライター。",
    },
    "official-hige-dandism": {
        "name": "Official髭男dism",
        "kana": "おふぃしゃるひげだんでぃずむ",
        "bio": "藤原聡のピアノと歌声を軸にした4人組ポップバンド。",
    },
    "yoasobi": {
        "name": "YOASOBI",
        "kana": "よあそび",
        "bio": "コンポーザーのAyaseとボーカルのikuraによるユニット。短い物語を歌にしている。",
    },
    "rimi-natsukawa": {
        "name": "夏川りみ",
        "kana": "なつかわりみ",
        "bio": "沖縄・石垣島出身の歌手。",
    },
    "superfly": {
        "name": "Superfly",
        "kana": "すーぱーふらい",
        "bio": "歌手・越智志帆が作品を発表するときの名義。",
    },
}

# Official titles; some are written in Latin letters in Japan too. "Even If It's One of a
# Kind" (kujira) is left out: its Japanese title is not certain.
SONGS_JA = {
    "eine-kleine": {"title": "アイネクライネ"},
    "endless-journey": {"title": "終わりなき旅"},
    "sparkle": {"title": "スパークル"},
    "soranji": {"title": "ソランジ"},
    "unchanging-things": {"title": "変わらないもの"},
    "one-more-time-one-more-chance": {"title": "One more time, One more chance"},
    "lemon": {"title": "Lemon"},
    "uma-to-shika": {"title": "馬と鹿"},
    "first-love": {"title": "First Love"},
    "hanamizuki": {"title": "ハナミズキ"},
    "sakura-dokushou": {"title": "さくら（独唱）"},
    "tsunami": {"title": "TSUNAMI"},
    "yuki-no-hana": {"title": "雪の華"},
    "kanade": {"title": "奏（かなで）"},
    "marigold": {"title": "マリーゴールド"},
    "pretender": {"title": "Pretender"},
    "yoru-ni-kakeru": {"title": "夜に駆ける"},
    "nada-sousou": {"title": "涙そうそう"},
    "ai-wo-komete-hanataba-wo": {"title": "愛をこめて花束を"},
}

MOODS_JA = {
    "tearjerker": {
        "name": "泣ける歌",
        "description": "涙を流させてくれて、聴き終えたあとに心を少し軽くしてくれる歌。",
    },
    "heartbreak": {
        "name": "失恋",
        "description": "終わってしまった恋、始まらなかった恋の歌。",
    },
    "comfort": {
        "name": "癒やし",
        "description": "長すぎた一日の終わりに、そっと隣にいてくれる歌。",
    },
    "uplifting": {
        "name": "元気が出る",
        "description": "明日へのちょっとした勇気を手渡してくれる歌。",
    },
    "nostalgic": {
        "name": "懐かしい",
        "description": "人生のある季節を連れ戻してくれる歌。",
    },
    "love": {
        "name": "ラブソング",
        "description": "大切な人を離さずに想い続ける歌。",
    },
}

AUDIENCES_JA = {
    "women-40s": {
        "name": "40代女性",
        "description": "40代のリスナーを思い浮かべて選んだリスト。",
    },
    "women-50s": {
        "name": "50代女性",
        "description": "50代のリスナーを思い浮かべて選んだリスト。",
    },
    "tired-workers": {
        "name": "仕事に疲れた時に",
        "description": "求められることが多すぎた一日の、夜のために。",
    },
    "anime-fans": {
        "name": "アニメ好き",
        "description": "アニメやアニメ映画の中に居場所のある歌。",
    },
    "film-lovers": {
        "name": "映画好き",
        "description": "映画とともに記憶されている歌。",
    },
    "solo-listeners": {
        "name": "ひとりで聴く",
        "description": "ヘッドホンと静かな部屋のために。",
    },
}
