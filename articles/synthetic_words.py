"""Word lists for synthetic magazine content (make_bulk): Japanese with English glosses.

Every name and title is composed from these, so no outside data is needed. Artist names
avoid `・`: Artist.save() reads a sort name out again, and pykakasi re-spaces `・` each time.
"""


def pairs(text):
    """'夜明け=dawn|涙=tears' as [('夜明け', 'dawn'), ('涙', 'tears')]."""
    return [tuple(item.split("=")) for item in text.split("|")]


# Nouns for song titles, tie-in works and group names.
NOUNS = pairs(
    "夜明け=dawn|涙=tears|桜=cherry blossom|約束=promise|青空=blue sky|星=stars|夏=summer|"
    "雨=rain|花火=fireworks|月=moon|海=sea|風=wind|夢=dream|光=light|手紙=letter|"
    "記憶=memories|未来=future|青春=youth|恋=love|旅=journey|春=spring|冬=winter|秋=autumn|"
    "空=sky|心=heart|声=voice|時計=clock|地図=map|魔法=magic|奇跡=miracle|永遠=forever|"
    "向日葵=sunflower|街=town|駅=station|線路=railway|坂道=hill road|放課後=after school|"
    "教室=classroom|屋上=rooftop|窓=window|影=shadow|虹=rainbow|雪=snow|灯り=lamplight|"
    "真夜中=midnight|朝=morning|夕焼け=sunset|季節=seasons|故郷=hometown|家族=family|"
    "友達=friends|君=you|僕=me|名前=name|言葉=words|歌=song|鼓動=heartbeat|翼=wings|花=flowers|"
    "蛍=fireflies|波=waves|砂浜=beach|港=harbour|列車=train|電話=phone call|写真=photograph|"
    "指輪=ring|傘=umbrella|道=road|扉=door|鍵=key|宝物=treasure|希望=hope|祈り=prayer|"
    "笑顔=smile|瞳=eyes|背中=back|足跡=footsteps|さよなら=goodbye|ありがとう=thank you|"
    "ただいま=I'm home|きらきら=sparkle|サイダー=cider|ラブレター=love letter|"
    "パレード=parade|メロディー=melody|ドライブ=drive|サイレン=siren|ララバイ=lullaby"
)
VERBS = pairs(
    "を探して=looking for|を抱きしめて=holding|を待ってる=waiting for|を忘れない=never forget|"
    "を見上げて=looking up at|を届けたい=sending|に会いたい=missing|を歌おう=singing of"
)
# Japanese attributives for titles: (Japanese, English)
ATTRIBUTIVES = pairs(
    "青い=blue|白い=white|遠い=distant|優しい=gentle|眠れない=sleepless|透明な=clear|小さな=little|"
    "最後の=last|はじめての=first|永遠の=eternal|秘密の=secret|真夏の=midsummer|真冬の=midwinter|"
    "さよならの=farewell|あの日の=that day's|明日の=tomorrow's|僕らの=our|君だけの=only your|"
    "きらめく=shining|揺れる=swaying|消えない=unfading|まぶしい=dazzling|懐かしい=old|新しい=new"
)
ENGLISH_VERBS = [
    "Chasing",
    "Dancing in",
    "Waiting for",
    "Holding",
    "Remember",
    "Running to",
    "Dreaming of",
    "Falling for",
]
ADJECTIVES = [
    "Midnight",
    "Blue",
    "Golden",
    "Electric",
    "Lonely",
    "Paper",
    "Silver",
    "Neon",
    "Summer",
    "Broken",
    "Velvet",
    "Crystal",
    "Wild",
    "Quiet",
    "Last",
    "First",
    "Secret",
    "Little",
    "Endless",
    "Starry",
    "Rainy",
    "Sunday",
    "Tokyo",
    "Morning",
    "Burning",
    "Frozen",
    "Purple",
    "Sweet",
    "Hidden",
    "Falling",
    "Northern",
    "Crimson",
    "Glass",
    "Lucky",
    "Faded",
    "Brave",
    "Sleepy",
    "Cosmic",
    "Radio",
]
ENGLISH_NOUNS = [
    "Rain",
    "Parade",
    "Letter",
    "Highway",
    "Heart",
    "Dream",
    "Signal",
    "Runaway",
    "Garden",
    "Lights",
    "Train",
    "Radio",
    "Memory",
    "Dancer",
    "Station",
    "Horizon",
    "Promise",
    "Summer",
    "Balloon",
    "Skyline",
    "Melody",
    "Window",
    "River",
    "Kiss",
    "Mirror",
    "Lullaby",
    "Carousel",
    "Postcard",
    "Engine",
    "Satellite",
    "Rocket",
    "Harbor",
    "Diary",
    "Firefly",
    "Ocean",
    "Avenue",
    "Monday",
    "Planet",
    "Ribbon",
    "Lantern",
]
# (form, weight): the two- and three-word forms are common, the short ones rarer, so that
# titles repeat now and then (as "Sakura" does in any catalogue) without most doing so.
ENGLISH_TITLE_FORMS = [
    ("{adj} {noun}", 1),
    ("{adj} {noun} {noun2}", 3),
    ("{noun} in the {adj} {noun2}", 3),
    ("{verb} the {adj} {noun}", 2),
    ("{adj} {noun} Blues", 0.3),
    ("Goodbye, {adj} {noun}", 0.3),
    ("{noun} & {noun2}", 0.3),
    ("The {adj} {noun} Song", 0.3),
]
# (Japanese form, English form, weight), filled from NOUNS (a, b), ATTRIBUTIVES, VERBS.
JAPANESE_TITLE_FORMS = [
    ("{a}", "{a_en}", 0.2),
    ("{attr}{a}", "{attr_en} {a_en}", 0.5),
    ("{a}の{b}", "{a_en} {b_en}", 1),
    ("{attr}{a}の{b}", "{attr_en} {a_en} {b_en}", 4),
    ("{a}{verb}", "{verb_en} {a_en}", 0.3),
    ("{attr}{a}{verb}", "{verb_en} {attr_en} {a_en}", 2),
    ("{a}と{b}", "{a_en} and {b_en}", 1),
    ("{a}、{b}", "{a_en} / {b_en}", 0.5),
]
BAND_FORMS = ["The {adj} {noun}s", "{adj} {noun}", "{noun} {noun2}", "{adj} {noun} Club"]

FAMILY_NAMES = pairs(
    "佐藤=Sato|鈴木=Suzuki|高橋=Takahashi|田中=Tanaka|伊藤=Ito|渡辺=Watanabe|山本=Yamamoto|"
    "中村=Nakamura|小林=Kobayashi|加藤=Kato|吉田=Yoshida|山田=Yamada|佐々木=Sasaki|"
    "山口=Yamaguchi|松本=Matsumoto|井上=Inoue|木村=Kimura|林=Hayashi|清水=Shimizu|"
    "山崎=Yamazaki|森=Mori|池田=Ikeda|橋本=Hashimoto|阿部=Abe|石川=Ishikawa|前田=Maeda|"
    "藤田=Fujita|小川=Ogawa|岡田=Okada|後藤=Goto|長谷川=Hasegawa|村上=Murakami|近藤=Kondo|"
    "石井=Ishii|坂本=Sakamoto|遠藤=Endo|青木=Aoki|藤井=Fujii|西村=Nishimura|福田=Fukuda|"
    "太田=Ota|三浦=Miura|藤原=Fujiwara|岡本=Okamoto|松田=Matsuda|中川=Nakagawa|中野=Nakano|"
    "原田=Harada|小野=Ono|竹内=Takeuchi|金子=Kaneko|和田=Wada|中島=Nakajima|石田=Ishida|"
    "上田=Ueda|森田=Morita|原=Hara|柴田=Shibata|酒井=Sakai|工藤=Kudo|横山=Yokoyama|宮崎=Miyazaki|"
    "宮本=Miyamoto|内田=Uchida|高木=Takagi|安藤=Ando|島田=Shimada|谷口=Taniguchi|大野=Ono|丸山=Maruyama"
)
GIVEN_NAMES = pairs(
    "陽菜=Hina|結衣=Yui|美咲=Misaki|さくら=Sakura|葵=Aoi|凛=Rin|花子=Hanako|真央=Mao|彩=Aya|"
    "優子=Yuko|明日香=Asuka|千尋=Chihiro|遥=Haruka|七海=Nanami|翔=Sho|蓮=Ren|大輝=Daiki|"
    "健太=Kenta|拓海=Takumi|悠人=Yuto|陽太=Hinata|亮=Ryo|大和=Yamato|隼人=Hayato|直樹=Naoki|"
    "誠=Makoto|剛=Tsuyoshi|浩二=Koji|修=Osamu|和也=Kazuya|美穂=Miho|恵=Megumi|舞=Mai|"
    "瞳=Hitomi|由美=Yumi|香織=Kaori|玲奈=Rena|友美=Tomomi|敦子=Atsuko|雅人=Masato|愛=Ai|"
    "沙織=Saori|麻衣=Mai|理沙=Risa|奈々=Nana|智子=Tomoko|裕子=Yuko|綾香=Ayaka|早紀=Saki|"
    "圭=Kei|駿=Shun|大地=Daichi|海斗=Kaito|颯太=Sota|優斗=Yuto|一輝=Kazuki|智也=Tomoya|"
    "賢治=Kenji|康介=Kosuke|光=Hikaru"
)
# Katakana syllables for made-up stage names; hiragana is the same block 0x60 lower.
SYLLABLES = pairs(
    "カ=ka|キ=ki|ク=ku|ケ=ke|コ=ko|サ=sa|シ=shi|ス=su|セ=se|ソ=so|タ=ta|チ=chi|ツ=tsu|テ=te|"
    "ト=to|ナ=na|ニ=ni|ヌ=nu|ネ=ne|ノ=no|ハ=ha|ヒ=hi|フ=fu|ヘ=he|ホ=ho|マ=ma|ミ=mi|ム=mu|"
    "メ=me|モ=mo|ヤ=ya|ユ=yu|ヨ=yo|ラ=ra|リ=ri|ル=ru|レ=re|ロ=ro|ワ=wa|ア=a|イ=i|ウ=u|エ=e|オ=o"
)

# (English tag, Japanese tag, English "… songs", Japanese "…の歌")
MOODS = [
    ("Tear-jerking", "泣ける", "tear-jerking songs", "泣ける歌"),
    ("Uplifting", "元気が出る", "uplifting songs", "元気が出る歌"),
    ("Heartbreak", "失恋", "heartbreak songs", "失恋ソング"),
    ("Nostalgic", "懐かしい", "nostalgic songs", "懐かしの名曲"),
    ("Love", "ラブソング", "love songs", "ラブソング"),
    ("Comforting", "癒やされる", "comforting songs", "癒やしの歌"),
    ("Cheering", "応援", "cheer-up songs", "応援ソング"),
    ("Summer", "夏うた", "summer songs", "夏うた"),
    ("Winter", "冬うた", "winter songs", "冬うた"),
    ("Graduation", "卒業", "graduation songs", "卒業ソング"),
    ("Friendship", "友情", "songs about friendship", "友情ソング"),
    ("Driving", "ドライブ", "driving songs", "ドライブソング"),
    ("Rainy day", "雨の日", "rainy-day songs", "雨の日ソング"),
    ("Late night", "夜更け", "late-night songs", "夜更けに聴く歌"),
    ("Wedding", "結婚式", "wedding songs", "結婚式ソング"),
    ("Karaoke", "カラオケ", "karaoke songs", "カラオケ曲"),
    ("Dance", "ダンス", "dance tracks", "ダンス曲"),
    ("Calm", "落ち着く", "calm songs", "落ち着く歌"),
    ("Motivating", "やる気が出る", "motivating songs", "やる気が出る曲"),
    ("Bittersweet", "切ない", "bittersweet songs", "切ない歌"),
    ("Spring", "春うた", "spring songs", "春うた"),
    ("Autumn", "秋うた", "autumn songs", "秋うた"),
    ("Homesick", "故郷", "songs about home", "故郷を想う歌"),
    ("Family", "家族", "family songs", "家族の歌"),
    ("Hopeful", "希望", "hopeful songs", "希望の歌"),
    ("Lonely", "ひとり", "songs for lonely nights", "ひとりの夜の歌"),
    ("Morning", "朝", "morning songs", "朝の歌"),
    ("Festival", "お祭り", "festival songs", "お祭りソング"),
    ("Anime", "アニソン", "anime songs", "アニソン"),
    ("Road trip", "旅", "road-trip songs", "旅の歌"),
]
# (English tag, Japanese tag, English "for …", Japanese "…に")
AUDIENCES = [
    ("Women in their 40s", "40代女性", "for women in their 40s", "40代女性に"),
    ("Men in their 30s", "30代男性", "for men in their 30s", "30代男性に"),
    ("Students", "学生", "for students", "学生に"),
    ("Teenagers", "10代", "for teenagers", "10代に"),
    ("People in their 20s", "20代", "for people in their 20s", "20代に"),
    ("People in their 50s", "50代", "for people in their 50s", "50代に"),
    ("Office workers", "社会人", "for office workers", "社会人に"),
    ("Parents", "パパママ", "for parents", "パパママに"),
    ("Couples", "カップル", "for couples", "カップルに"),
    ("Anime fans", "アニメ好き", "for anime fans", "アニメ好きに"),
    ("Film lovers", "映画好き", "for film lovers", "映画好きに"),
    ("Karaoke regulars", "カラオケ好き", "for karaoke regulars", "カラオケ好きに"),
    ("Runners", "ランナー", "for runners", "ランナーに"),
    ("Night owls", "夜型", "for night owls", "夜型の人に"),
    ("Commuters", "通勤", "for commuters", "通勤中の人に"),
    ("New graduates", "新社会人", "for new graduates", "新社会人に"),
    ("Grandparents", "シニア", "for grandparents", "シニア世代に"),
    ("Guitarists", "ギター弾き", "for guitarists", "ギター弾きに"),
    ("Drivers", "ドライバー", "for drivers", "ドライバーに"),
    ("Listening alone", "ひとりで聴く", "for listening alone", "ひとりで聴く人に"),
]
SCENES = pairs(
    "雨の夜=a rainy night|帰り道=the way home|眠れない夜=a sleepless night|月曜の朝=Monday "
    "morning|夏の夕暮れ=a summer evening|終電=the last train|連休=a long weekend|通勤時間=the "
    "commute|勉強中=a study session|静かな日曜日=a quiet Sunday|送別会=a farewell party|初雪=the "
    "first snow|桜の季節=cherry-blossom season|海の日=a day at the beach|夜のドライブ=a night "
    "drive|別れの後=after a breakup|披露宴=a wedding reception|カラオケの夜=a karaoke night|"
    "ひとり旅=a trip alone|筋トレ=a workout|朝ラン=the morning run|大掃除=cleaning day|帰省=the "
    "trip home|長いフライト=a long flight|梅雨=the rainy season|夏祭りの夜=a festival night|"
    "大晦日=New Year's Eve|クリスマス=Christmas|バレンタイン=Valentine's Day|卒業式=graduation "
    "day|初デート=a first date|仕事で疲れた日=a hard day at work|のんびりした午後=a lazy "
    "afternoon|キャンプの夜=a night at camp|星空の下=a starry night|文化祭=the school festival|"
    "引っ越しの日=moving day|誕生日=a birthday|夏の終わり=the end of summer|春休み=spring break"
)
# The roles a song plays in each kind of work (TieInRole values, by Work.Kind).
TIE_IN_ROLES = {
    "anime": ["opening", "ending", "insert"],
    "film": ["theme", "insert"],
    "drama": ["theme", "insert"],
    "tv": ["theme"],
    "cm": ["cm"],
    "game": ["theme"],
}
CITIES = pairs(
    "東京=Tokyo|大阪=Osaka|福岡=Fukuoka|札幌=Sapporo|名古屋=Nagoya|仙台=Sendai|京都=Kyoto|"
    "神戸=Kobe|広島=Hiroshima|沖縄=Okinawa|横浜=Yokohama|金沢=Kanazawa"
)
GENRES = pairs(
    "ロック=rock|ポップ=pop|フォーク=folk|シティポップ=city pop|エレクトロ=electronic|"
    "ヒップホップ=hip-hop|ジャズ=jazz|R&B=R&B"
)
AUTHORS = [
    ("bulk-author-1", "Hanako", "Sato"),
    ("bulk-author-2", "健太", "田中"),
    ("bulk-author-3", "Emily", "Carter"),
    ("bulk-author-4", "美咲", "中村"),
    ("bulk-author-5", "Ryo", "Kobayashi"),
    ("bulk-author-6", "拓海", "石川"),
]
# Commentary is drawn from a pool of this many texts a language (rendered once each).
COMMENTARY_FRAGMENTS = {
    "en": [
        ["The opening bars", "That first chorus", "The quiet verse", "The bridge", "The last line"],
        [
            "still catch in the throat",
            "land softer every year",
            "say what we could not",
            "carry the whole list",
            "feel written for this moment",
        ],
        [
            "*Turn it up* and let it play out.",
            "Listen for the strings under the second verse.",
            "A favourite of our readers, and of ours.",
            "It never sounded better than live.",
            "See [the lyrics](https://example.com/lyrics) and read along.",
        ],
    ],
    "ja": [
        [
            "イントロの一音目から",
            "サビの高揚感に",
            "静かなAメロで",
            "大サビの転調で",
            "最後の一行で",
        ],
        [
            "胸が締めつけられます。",
            "思わず涙がこぼれます。",
            "背中を押してもらえます。",
            "あの頃の景色が蘇ります。",
            "心がふっと軽くなります。",
        ],
        [
            "*ぜひ歌詞にも注目*してください。",
            "ライブ版もおすすめです。",
            "読者からの支持も厚い一曲。",
            "二番のストリングスに耳を澄ませて。",
            "[歌詞はこちら](https://example.com/lyrics)。",
        ],
    ],
}
