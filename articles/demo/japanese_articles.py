"""Japanese edition of the demo articles, keyed by the English articles' slugs.

The prose (titles, leads, intros, commentary) is written for the project in Japanese, saying
what the English edition says and no more; names of people, songs and works are facts.
Titles of works stand in 『』, as Japanese writing has it, where the English uses *emphasis*.
"""

# Each related article's entries share one note per song, as in the English edition.
SONG_NOTES_JA = {
    "eine-kleine": "希望をそっと抱えるあまり、かすかに震えているようなラブソング。",
    "endless-journey": "ピアノから小さく始まり、歩き続けるという約束で終わる一曲。",
    "sparkle": "『君の名は。』から、ピアノと募る想いに満ちた一曲。",
    "soranji": "ストリングスと大きなサビ、そして生きる意味をまっすぐに問いかける言葉。",
    "unchanging-things": "すべてが移ろうなかで、変わらないものを抱きしめる切ないピアノポップ。",
    "one-more-time-one-more-chance": "もうそこにはいない人を、それでも探してしまう歌。",
    "even-if-its-one-of-a-kind": "誰かと自分を比べてしまう夜に寄り添う、小さく正直な言葉。",
}


def _related(title, lead, song_slugs):
    """A related article: its intro is its lead, as in the English edition."""
    return {
        "title": title,
        "lead": lead,
        "intro": lead,
        "entries": {slug: SONG_NOTES_JA[slug] for slug in song_slugs},
    }


ARTICLES_JA = {
    "songs-for-when-you-want-to-cry": {
        "title": "【泣きたい時に】心を癒やす泣ける名曲｜人生・恋愛・仕事に寄り添う歌",
        "lead": "思いきり泣くことが、自分にしてあげられるいちばんの優しさになる夜がある。"
        "そんな夜のための7曲です。",
        "intro": (
            "一週間の疲れが、ある晩まとめて押し寄せてくることがあります。泣くのは弱さでは"
            "ありません。疲れた心が、抱えてきたものをそっと手放すための方法です。\n\n"
            "恋のこと、仕事のこと、そして毎日を生きていくことの中から、この7曲を選びました。"
            "ヘッドホンをつけて順番に流し、涙が出てきたら、そのまま流してしまいましょう。"
        ),
        "entries": {
            "eine-kleine": (
                "2014年に発表された米津玄師の「アイネクライネ」は、どこか謝り続けているような"
                "ラブソングです。望んでしまうことを怖がっている、その怖さこそが胸に刺さります。"
                "\n\nアニメーションで描かれたMVもぜひ。イラストは米津玄師自身が手がけています。"
            ),
            "endless-journey": (
                "ピアノ一本で静かに始まり、やがて大きなうねりへと広がっていきます。胸にしまって"
                "いた決意を、ようやく声に出したときのように。\n\n"
                "Mr.Childrenの15枚目のシングルで、ドラマ『殴る女』の主題歌でした。"
            ),
            "sparkle": (
                "『君の名は。』の中で聴けば、一行一行が物語へとつながっていきます。曲だけで聴けば、"
                "困難を越えて誰かを想い続ける、長くまぶしい一篇の詩です。\n\n"
                "バンドが入ってくるまでのピアノのイントロを、じっくり味わってください。"
            ),
            "soranji": (
                "映画『ラーゲリより愛を込めて』のために書かれ、2022年11月にリリースされた曲。"
                "人生は何のためにあるのかと問いかけ、そばにいる人たちの中にその答えを見つけます。"
                "\n\nストリングスが、これまでのこのバンドにはなかったスケール感を与えています。"
            ),
            "unchanging-things": (
                "奥華子が『時をかける少女』の脚本と絵コンテをもとに書いた曲。映画にあまりにも"
                "よく寄り添っていて、それ自体がひとつの場面のように感じられます。\n\n"
                "時間がすべり落ちていく物語の中で、この歌は信じられるただひとつのものを"
                "手放しません。"
            ),
            "one-more-time-one-more-chance": (
                "1997年にリリースされ、10年後に『秒速5センチメートル』で新たな命を得た曲です。"
                "角を曲がればまだあの人がいるのではないか、という願いをこれほど正確にとらえた歌は"
                "そう多くありません。\n\n"
                "人混みの中にひとつの顔を探したことがあるなら、あなたはもうこの歌を知っています。"
            ),
            "even-if-its-one-of-a-kind": (
                "2025年7月に配信リリースされた、誰かと自分を比べては落ち込んでしまう夜のための"
                "歌です。\n\n"
                "アニメ『しゃばけ』のオープニングテーマを収録したCDシングルにも入っています。"
                "飾らない言葉が、こわばった胸をほどいてくれます。"
            ),
        },
    },
    "twenty-japanese-songs-that-make-you-cry": {
        "title": "【泣ける邦楽20選】90年代から今まで、涙なしでは聴けない名曲",
        "lead": "泣きたいときに多くの人が手を伸ばしてきた30年分の歌を、1ページ10曲ずつ紹介します。",
        "intro": (
            "発売当時どこでも流れていた曲もあれば、何年もかけて少しずつ聴き手の心に染みていった"
            "曲もあります。どれも、たくさんの人のために同じ静かな役目を果たしてきました。\n\n"
            "順番に聴いても、気になる曲から飛ばしても構いません。2ページ目も1ページ目に"
            "負けない曲ばかりです。"
        ),
        "entries": {
            "first-love": "1999年に発表された、宇多田ヒカル初の日本語アルバムの表題曲。初恋を"
            "ふり返る歌に苦さがまったくないからこそ、胸が痛みます。",
            "lemon": "ドラマ『アンナチュラル』の主題歌として書かれ、2018年にリリース。悲しみを"
            "急いで通り過ぎず、その隣にじっと座っているような歌です。",
            "one-more-time-one-more-chance": "1997年の曲に、『秒速5センチメートル』が新しい命を"
            "吹き込みました。人混みの中にたったひとつの顔を探す、あの気持ちそのものです。",
            "hanamizuki": "2004年リリース。愛する人が幸せであるように、たとえそれが自分から遠い"
            "場所でも――そのひとつの願いから生まれたスローな歌です。",
            "sakura-dokushou": "ピアノと歌声、そして別れ。2003年の曲ですが、20年以上たった今も"
            "卒業シーズンが来るたびに歌われています。",
            "tsunami": "サザンオールスターズが2000年に発表したバラード。包みこんでくれるのと"
            "同じくらい、こちらを圧倒してくる大きな愛の歌です。",
            "endless-journey": "立ち上がって歩き続けなければならないすべての人に向けた、"
            "Mr.Childrenの歌。ささやくように始まり、大きくひらけて終わります。",
            "nada-sousou": "夏川りみによる2001年の録音。いなくなった人を恋しく想う気持ちが歌われ"
            "ます。タイトルは沖縄の言葉で、とめどなくこぼれ落ちる涙のことです。",
            "yuki-no-hana": "2003年の冬のラブソング。降る雪のせいで、幸せなひとときさえ、"
            "手に取るのがためらわれるほどはかなく感じられます。",
            "eine-kleine": "自分の抱く希望を怖がっているようなラブソング。MVのアニメーションは"
            "米津玄師自身が描いています。",
            "sparkle": "映画『君の名は。』から。ピアノで始まり、ずっと大きな場所へたどり着く"
            "一曲です。",
            "kanade": "スキマスイッチが2004年に発表した、駅で大切な人を見送る歌。改札で言えずに"
            "のみこんだ、すべての言葉の歌でもあります。",
            "unchanging-things": "奥華子が『時をかける少女』に寄せた歌。時間がじっとしていない"
            "物語の下で、ピアノが変わらずに鳴り続けます。",
            "marigold": "あいみょんが2018年に発表した夏のラブソング。こぼれる涙は、たいてい"
            "うれし涙です。",
            "pretender": "2019年の曲。うまくいかない恋を、そうと認められるほど正直な主人公が"
            "歌います。",
            "yoru-ni-kakeru": "2019年に発表されたYOASOBIの最初の曲。明るく疾走感のある表面の下に"
            "あるのは、まったく違う物語です。",
            "soranji": "Mrs. GREEN APPLEが『ラーゲリより愛を込めて』のために書いた主題歌。人生は"
            "何のためにあるのかという素朴な問いを、ストリングスが支えます。",
            "uma-to-shika": "2019年のラグビードラマ『ノーサイド・ゲーム』の主題歌。勝つことと"
            "同じくらい痛みを歌っているからこそ、心に届きます。",
            "ai-wo-komete-hanataba-wo": "Superflyが2008年に発表したラブソング。駆け上がって"
            "いくサビは、誰も小さな声では歌えません。",
            "even-if-its-one-of-a-kind": "ここに並ぶ中でいちばん新しい2025年の曲。人と自分を"
            "比べてしまう夜のための、小さく正直な言葉です。",
        },
    },
    # The seed page's related themed articles, in the seed's order.
    "tearjerker-songs-that-make-your-heart-tremble-with-tears-moving-tracks-with": _related(
        "【泣ける歌】涙で心が震える名曲＆魂に響く歌詞の感動ソング",
        "歌詞が主役。言葉そのものが、代わりに泣いてくれるような3曲です。",
        ["eine-kleine", "sparkle", "soranji"],
    ),
    "for-those-doing-their-best-a-comforting-song-to-listen-to-when-youre-tired-of": _related(
        "【頑張るあなたへ】人生に疲れた時に聴きたい癒やしの歌",
        "すべてを出し切った一日の、帰り道に。",
        ["endless-journey", "even-if-its-one-of-a-kind", "soranji"],
    ),
    "for-when-you-want-to-cry-or-feel-sad-tear-jerking-masterpieces-that-make-you-cry": (
        _related(
            "【泣きたい時・悲しい時に】聴くと泣ける涙の名曲",
            "何度聴いても、やっぱり胸に届く悲しみの名曲たち。",
            ["one-more-time-one-more-chance", "unchanging-things", "eine-kleine"],
        )
    ),
    "just-the-lyrics-make-me-cry-tear-jerking-songs-that-touch-the-heart": _related(
        "【歌詞だけで泣ける】心に響く泣ける歌",
        "再生ボタンを押す前に、まず歌詞を読んでみてください。",
        ["sparkle", "eine-kleine", "unchanging-things"],
    ),
    "unrequited-love-heart-wrenching-love-songs-a-roundup-of-tear-inducing-crush-and": _related(
        "【片思い】胸が痛む恋の歌｜泣ける片思いソング・失恋ソングまとめ",
        "想いが一方通行のまま終わった恋のために。",
        ["one-more-time-one-more-chance", "eine-kleine", "sparkle"],
    ),
    "so-touching-it-makes-you-cry-a-heartbreakingly-wistful-and-sad-song-that": _related(
        "【泣けるほど感動】胸がしめつけられる、切なく悲しい歌",
        "胸をきゅっとしめつけて、それからゆっくりとほどいていく切ない歌。",
        ["unchanging-things", "one-more-time-one-more-chance", "soranji"],
    ),
    "todays-tearjerker-song-tear-ducts-destroyed-timeless-and-trending-tracks-that": _related(
        "【今日の泣ける歌】涙腺崩壊！定番から話題曲まで、どうしても泣いてしまう曲",
        "長く愛されてきた定番曲と、新しく届いた曲を並べて。",
        ["even-if-its-one-of-a-kind", "soranji", "endless-journey"],
    ),
    "a-tear-jerking-love-song-that-gently-stays-by-your-heart": _related(
        "心にそっと寄り添う、泣けるラブソング",
        "聴き終えたあとも、静かに心に残り続けるラブソング。",
        ["sparkle", "unchanging-things", "eine-kleine"],
    ),
    "when-you-want-to-immerse-yourself-in-music-alone-tear-jerker-songs-released-in": _related(
        "ひとりで音楽に浸りたい時に！令和にリリースされた泣ける歌",
        "ひとりで過ごす夜に、2019年以降の歌を。",
        ["soranji", "even-if-its-one-of-a-kind"],
    ),
    "tear-jerking-songs-recommended-for-women-in-their-40s-classic-and-popular": _related(
        "40代女性におすすめの泣ける歌｜定番＆人気の邦楽",
        "20代の日々を彩った歌は、今もあなたに語りかけてくれます。",
        ["endless-journey", "unchanging-things", "one-more-time-one-more-chance"],
    ),
    "deeply-moving-a-tear-jerking-cheer-song-popular-inspirational-anthems-that": _related(
        "【感動】泣ける応援ソング｜心に響く人気の応援歌",
        "「頑張れ」と言う前に、まずそのつらさを認めてくれる応援ソング。",
        ["endless-journey", "soranji", "even-if-its-one-of-a-kind"],
    ),
    "tear-jerking-songs-recommended-for-women-in-their-50s-classic-and-popular": _related(
        "50代女性におすすめの泣ける歌｜定番＆人気の邦楽ヒット",
        "何十年も愛されてきたヒット曲と、その隣にふさわしい新しめの一曲。",
        ["one-more-time-one-more-chance", "endless-journey", "soranji"],
    ),
    "tearjerker-guaranteed-a-heartbreak-song-told-from-a-male-perspective": _related(
        "【号泣必至！】男性目線で歌われる失恋ソング",
        "平気なふりをしない男たちが歌う、失恋の歌。",
        ["one-more-time-one-more-chance", "eine-kleine", "endless-journey"],
    ),
}
