"""Word lists of Indonesian news prose: roles, organisations, places, speech verbs, quote cues."""
from __future__ import annotations

from spacy.lang.id.stop_words import STOP_WORDS

from monitor.nlp.gazetteer import load_lexicon
from monitor.nlp.names import ARMY_CORPS, CLERGY_TITLES

HONORIFICS = {
    "h", "hj", "hi", "dr", "drs", "dra", "ir", "prof", "tgk", "kh", "ust", "ustadz", "ustaz", "drg", "drh", "bapak",
    "ibu", "pak", "bu", "sdr", "saudara", "saudari", "tuan", "nyonya", "ny", "kyai", "kiai", "gus",
    "buya", "dokter", "haji", "hajjah", "hajah", "mbak", "mas", "bang", "kak", "om", "tante", "opa", "oma", 
    "pdt", "mama", "bapa", "mace", "pace", "apt", "ns", "pst", "rm", "rd", "romo", "pastor", "uskup", "ompung", "tgh", "tgkh", "anregurutta", "ag", "kiyai",
    "kang", "akang", "mang", "ceu", "koh", "ko", "cik", "cece", "cak", "ning", "neng", "teh", "uda", "abah", "mbah", "bli", "pangeran", "syekh", "syeikh", "bro", "sis",
    "sheikh", "emir", "abuya", "pol", "purn", "nabi", "rasul", "rasulullah",
} | CLERGY_TITLES | ARMY_CORPS

# Words heading a role phrase before a name: "Ketua DPC PDIP ... H. Kaharuddin".
ROLE_HEADS = {
    "ketua", "wakil", "bupati", "gubernur", "walikota", "wali", "wagub", "wabup", "wawali", "calon", "bakal",
    "cabup", "cawabup", "cagub", "cawagub", "cawalkot", "bacabup", "bacawabup", "bacalon", "paslon",
    "legislator", "anggota", "kepala", "kades", "camat", "lurah", "sekretaris", "sekjen", "sekda", "bendahara",
    "jubir", "juru", "direktur", "dirut", "kapolres", "kapolda", "kapolsek", "kapolri", "kapolresta", "dandim",
    "danrem", "danramil", "pangdam", "panglima", "komisioner", "presiden", "menteri", "mendagri", "menko",
    "pj", "plt", "plh", "penjabat", "pengamat", "dosen", "akademisi", "peneliti", "warga", "tokoh", "koordinator",
    "pimpinan", "ketum", "waketum", "staf", "staff", "kasat", "kasatreskrim", "kabag", "kabid", "kadis", "kasi",
    "manajer", "pendiri", "pembina", "penasihat", "penasehat", "sekretaris", "aktivis", "pegiat", "penggiat", "pemerhati", "advokat", "kuasa",
    "pengacara", "jaksa", "hakim", "kajari", "kajati", "kapten", "kasubag", "kasubbag", "kepsek", "rektor",
    "dekan", "guru", "ustadz", "imam", "pendeta", "pengasuh", "panelis", "moderator", "kasubbid", "kasubid", "petani", "nelayan", "pedagang", "pemilik", "owner", "ceo",
    "founder", "relawan", "simpatisan", "kader", "politisi", "politikus", "wakapolres", "wakapolda", "kapuspen",
    "kabareskrim", "kasatpol", "kalak", "kaban", "sekcam", "babinsa", "bhabinkamtibmas", "pjs", "anggota",
    "petahana", "mantan", "eks", "tim", "ketua", "komandan", "pelaksana", "pejabat", "direktris", "irjen",
    "kombes", "akbp", "brigjen", "mayjen", "letjen", "jenderal", "kolonel", "letkol", "mayor", "iptu", "ipda",
    "aiptu", "bripka", "brigpol", "kompol", "aipda", "serka", "sertu", "kopda", "praka", "pratu", "serda",
    # village and district heads under their regional names
    "panewu", "dukuh", "carik", "perbekel", "bendesa", "kelian", "klian", "keuchik", "geuchik", "ondoafi", "penghulu",
    "akp", "briptu", "bripda", "peltu", "pelda", "komjen", "marsekal", "laksma", "marsma", "kopka",
    "koptu", "prada", "serma", "lettu", "letda", "bharada", "bharatu", "bharaka", "abripda", "abriptu",
    "tersangka", "terdakwa", "korban", "saksi", "pelaku", "terpidana", "terlapor", "pelapor", "ahli",
    "pakar", "analis", "mahasiswa", "pelajar", "siswa", "ibunda", "ayahanda", "istri", "suami",
    "adik", "kakak", "ayah", "kakek", "nenek", "almarhum", "almarhumah", "kandidat",
    "kontestan", "senator", "komisaris", "kabiro", "karo", "kasubdit", "dirreskrimum", "dirreskrimsus",
    "kapolsubsektor", "humas", "kahumas", "kasubbag", "wartawan", "jurnalis", "pemimpin",
    "redaktur", "dai", "mubalig", "ulama", "budayawan", "seniman", "atlet", "pelatih", "pemain", "artis",
    "penyanyi", "aktor", "aktris", "selebgram", "youtuber", "influencer", "pengusaha", "bos", "inisiator",
    "koordinator", "korlap", "korcam", "kordes", "panwascam", "ppk", "pps", "kpps", "ketuanya", "wakilnya",
    "kaur", "kadus", "sekdes", "kepala", "rt", "rw", "pj.", "plt.", "wamen", "wamendagri", "menpan",
    "menkeu", "menkes", "mendikbud", "menag", "mensos", "menhan", "menlu", "kapolres", "danlanal", "danlanud",
    "president", "presidents", "minister", "chairman", "ceo", "director", "governor", "mayor", "senator",
    "penyidik", "penyelidik", "satpam", "ajudan", "sopir", "inspektur", "jendral", "kontraktor", "konsultan",
    "capres", "cawapres", "caleg", "capres-cawapres", "bacaleg", "bacapres", "hakim", "jaksa", "deputi", "deputy", "asisten",
}
# Role heads that also open ordinary capitalised phrases in titles; kept out of names.
ROLE_WORDS = ROLE_HEADS | {
    "bicara", "umum", "harian", "dewan", "pimpinan", "cabang", "daerah", "wilayah", "pusat", "fraksi",
    "komisi", "tim", "pemenangan", "struktural", "relawan", "pengurus", "ranting", "anak", "bupati", "desa",
}

# Organisation / institution words: a capitalised run containing one is no person.
ORG_WORDS = {"corp", "fkub", "umat", "polairud", "penmas", "ditpolairud", "forkopimda", "forkompimda", "muspida", "muspika", "sentra", "reforma", "otorita", "madrasah", "ibtidaiyah", "tsanawiyah", "aliyah", "raudhatul", 
    "partai", "dpc", "dpd", "dpw", "dpp", "dprd", "dpr", "dpd-ri", "mpr", "kpu", "kpud", "bawaslu", "panwaslu",
    "dkpp", "pemkab", "pemkot", "pemprov", "pemda", "pemdes", "polres", "polda", "polsek", "polri", "polresta",
    "kodim", "korem", "kodam", "koramil", "tni", "satpol", "bpbd", "bpjs", "bumn", "bumd", "pdam", "pln",
    "panwaslih", "panwascam", "panwaslucam", "pkd", "ptps", "kip", "posbakum", "lbh", "peradi", "ptun",
    # police and prosecutors' units after an office ('Kabag Ops', 'Kasat Reskrim', 'Kasi Pidum')
    "ops", "reskrim", "satreskrim", "lantas", "satlantas", "binmas", "satbinmas", "intelkam", "satintelkam", "samapta",
    "sabhara", "narkoba", "satnarkoba", "resnarkoba", "sumda", "propam", "bidpropam", "bidhumas", "tahti", "pidum",
    "pidsus", "datun", "kesbangpol", "tipikor", "krimsus", "krimum", "reskrimum", "reskrimsus", "ditreskrimum",
    "ditreskrimsus", "ditlantas", "dokkes",
    "dinas", "badan", "kantor", "kementerian", "kemendagri", "kemenag", "komisi", "lembaga", "yayasan",
    "universitas", "institut", "sekolah", "akademi", "politeknik", "stie", "stkip", "uin", "iain", "unhas",
    "pt", "cv", "tbk", "bank", "koperasi", "bumdes", "pengadilan", "kejaksaan", "kejari", "kejati", "kpk",
    "ombudsman", "mk", "ma", "dprd", "rsud", "rs", "puskesmas", "klinik", "organisasi", "ormas", "lsm",
    "himpunan", "ikatan", "persatuan", "gerakan", "forum", "aliansi", "asosiasi", "perkumpulan", "majelis",
    "mui", "nu", "pbnu", "pwnu", "muhammadiyah", "hmi", "pmii", "gmni", "kammi", "imm", "knpi", "ampi",
    "pemuda", "karang", "taruna", "pkk", "dharma", "wanita", "fraksi", "sekretariat", "setda", "setwan",
    "bappeda", "bappenas", "bpk", "bpkp", "inspektorat", "disdik", "dinkes", "dukcapil", "bkpsdm", "bkd",
    "kominfo", "diskominfo", "satgas", "gugus", "tugas", "team", "tim", "relawan", "koalisi", "poros",
    "posko", "media", "news", "online", "com", "id", "co", "tv", "radio", "group", "grup", "holding",
    "polrestabes", "kapolrestabes", "mabes", "lapas", "rutan", "kemenkumham", "imigrasi", "bea", "cukai",
    "basarnas", "bmkg", "bps", "bpn", "atr", "bnn", "bnpt", "bin", "bais", "brin", "ojk", "bi", "lpsk",
    "komnas", "ham", "kpai", "perludem", "icw", "jppr", "kipp", "jpp", "ppk", "pps", "kpps", "pantarlih",
    "presidium", "sekber", "koalisi", "barisan", "front", "laskar", "brigade", "komunitas", "paguyuban",
    "kerukunan", "keluarga", "besar", "rumpun", "asrama", "mahasiswa", "bem", "senat", "osis",
    "pemerintah", "negara", "republik", "kabinet", "istana", "kepresidenan", "sekretariat", "dprd-nya",
    "gedung", "aula", "ruang", "balai", "kantor", "wisma", "graha", "pendopo", "rujab", "rumah", "jabatan",
    "institute", "institut", "center", "centre", "foundation", "university", "college", "club", "team",
    "watch", "network", "council", "society", "corporation", "company", "international", "national",
    "conference", "summit", "award", "awards", "association", "alliance", "research", "consulting",
    "academy", "school", "church", "hospital", "stadium", "city", "state", "airlines", "airport", "street",
    "bapenda", "bapeda", "bappeda", "bappenas", "bulog", "basarnas", "kemenkeu", "kemendagri", "setneg",
    "kemensesneg", "kemenkumham", "kemenag", "kemenpan", "kemendikbud", "kominfo", "komdigi", "dpd-ri",
    "lanudal", "lanud", "lantamal", "lanal", "mahkamah", "kejaksaan", "kasasi", "jamaah", "saber", "kakankemenag", "kemenag", "baleg", "banggar", "bamus", "mkd", "kumham", "polkam", "polhukam", "marves", "pmk", "perekonomian", "pemasyarakatan", "imipas", "kemenko",
    "ri", "rri", "tvri", "antara", "kompas", "tempo", "detik", "cnn", "liputan6", "okezone", "tribun",
    "republika", "viva", "kumparan", "historia", "kamar", "kadin", "hipmi", "iwapi", "apindo", "pwi", "ijti", "kontan", "bisnis", "jawapos", "metro", "sindonews",
}
DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}
MONTHS = {
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "nopember", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt",
    "sep", "okt", "nov", "des",
}
# Capitalised words of political prose that are never names.
# Brands and products the press capitalises ('Honda Beat', 'Coca Cola', 'Pop Mie'): no one's name.
BRANDS = {
    "honda", "yamaha", "suzuki", "kawasaki", "toyota", "daihatsu", "mitsubishi", "nissan", "hyundai", "wuling",
    "tesla", "beat", "vario", "scoopy", "nmax", "avanza", "innova", "xenia", "fortuner", "pajero", "alphard",
    "coca", "cola", "pepsi", "indomie", "sarimi", "mie", "aqua", "samsung", "iphone", "xiaomi", "oppo", "nokia",
    "tiktok", "instagram", "facebook", "whatsapp", "youtube", "google", "twitter", "shopee", "tokopedia", "gojek",
    "bukalapak", "netflix", "starbucks", "kfc", "mcdonald's", "mcdonalds", "chatgpt", "gambas",
}
# Foreign countries as the Indonesian press writes them (never names; a headline with one may be set abroad).
COUNTRIES = {
    "turki", "jepang", "korea", "korsel", "korut", "tiongkok", "china", "taiwan", "amerika", "rusia", "inggris",
    "prancis", "perancis", "jerman", "belanda", "italia", "spanyol", "portugal", "norwegia", "swedia", "australia",
    "selandia", "kanada", "malaysia", "singapura", "filipina", "thailand", "vietnam", "myanmar", "kamboja", "pakistan",
    "bangladesh", "iran", "irak", "israel", "palestina", "ukraina", "brasil", "meksiko", "argentina", "mesir",
}
NON_NAME = BRANDS | COUNTRIES | {"teheran", "washington", "moskow", "beijing", "tokyo", "riyadh", "kairo", "gaza", "kyiv", "kiev",
                     "london", "paris", "berlin", "canberra", "ottawa", "brussel", "jenewa", "pyongyang", "seoul",
                     "haul", "zero", "mahkota", "maha", "tuhan", "allah", "swt", "asusila", "laot", "swastiastu", "shanti", "santih",  # ('Om Swastiastu': a greeting)
    "pilkada", "pilbup", "pilwalkot", "pilgub", "pemilu", "pileg", "pilpres", "pilkades", "pemilihan",
    "kepala", "daerah", "serentak", "tahun", "indonesia", "nasional", "republik", "allah", "swt", "saw",
    "tuhan", "insya", "insha", "insyaallah", "alhamdulillah", "assalamualaikum", "bismillah", "masya",
    "idul", "fitri", "adha", "ramadan", "ramadhan", "lebaran", "natal", "imlek", "nyepi", "waisak",
    "hut", "ri", "wib", "wita", "wit", "rp", "baca", "juga", "foto", "video", "editor", "penulis",
    "reporter", "sumber", "gen", "z", "milenial", "covid", "corona", "online", "program", "visi", "misi",
    "debat", "kampanye", "deklarasi", "rakor", "rapat", "paripurna", "musda", "muscab", "musyawarah",
    # campus and training prose ('Tata Kelola', 'Soft Skill', 'Dies Natalis', 'Bimbingan Konseling')
    "kelola", "boga", "skill", "skills", "soft", "hard", "dies", "cendekia", "konseling", "bimbingan", "wisuda",
    "fakultas", "prodi", "koorprodi", "kaprodi", "jurusan", "magister", "sarjana", "doktoral", "pascasarjana",
    "rakerda", "rakercab", "rakernas", "mukernas", "kongres", "munas", "muswil", "mubes", "halal", "bihalal",
    "silaturahmi", "jalan", "sehat", "santai", "lomba", "festival", "expo", "pekan", "hari", "ulang",
    "apel", "upacara", "sosialisasi", "bimtek", "pelatihan", "workshop", "seminar", "webinar", "dialog",
    "diskusi", "sarasehan", "rembuk", "stunting", "aksi", "program", "bantuan", "langsung", "tunai", "blt",
    "bansos", "pkh", "dana", "desa", "kip", "kis", "apbd", "apbn", "apbdes", "dak", "dau", "pad", "pkpu",
    "uu", "perda", "perbup", "perpres", "pp", "sk", "nomor", "no", "pasal", "ayat", "tentang", "sirekap",
    "situng", "dpt", "dps", "tps", "tms", "ms", "bmk", "debat", "publik", "asta", "cita", "nawacita",
    "merdeka", "belajar", "makan", "bergizi", "gratis", "mbg", "ikn", "nusantara", "ppkm", "psbb", "new",
    "normal", "breaking", "news", "update", "terkini", "terbaru", "populer", "opini", "editorial",
    "advertorial", "politik", "hukum", "kriminal", "olahraga", "ekonomi", "pendidikan", "kesehatan", "sosial",
    "budaya", "wisata", "religi", "nasional", "internasional", "regional", "daerah", "metro", "headline",
    "berita", "artikel", "selengkapnya", "klik", "disini", "di", "sini", "honda", "yamaha", "suzuki",
    "toyota", "kawasaki", "beat", "vario", "scoopy", "nmax", "avanza", "xenia", "innova", "pajero", "fortuner",
    "whatsapp", "wa", "facebook", "fb", "instagram", "ig", "tiktok", "youtube", "twitter", "x", "google",
    "telegram", "iphone", "samsung", "android", "zoom", "live", "streaming", "channel", "podcast", "rupiah",
    "dollar", "dolar", "pertamina", "pertalite", "pertamax", "solar", "lpg", "elpiji", "bbm", "sembako",
    "pancasila", "bhinneka", "tunggal", "ika", "uud", "nkri", "garuda", "merah", "putih", "sumpah",
    "proklamasi", "kemerdekaan", "pahlawan", "pers", "buruh", "guru", "santri", "sumpah",
    "piala", "liga", "cup", "open", "championship", "turnamen", "tarkam", "fc", "psm", "persija", "persib",
    "dprd", "ketua", "bupati", "wakil", "gubernur", "tim", "koalisi", "relawan", "kubu", "pasangan",
    "paslon", "calon", "cabup", "cawabup", "nomor", "urut", "satu", "dua", "tiga", "empat", "lima",
    "kolom", "kosong", "quick", "count", "real", "exit", "poll", "survei", "survey", "lsi", "indikator",
    "litbang", "kompas", "poltracking", "charta", "politika", "ikrar", "sumpah", "janji", "dwitunggal",
    "barat", "timur", "utara", "selatan", "tengah", "raya", "baru", "lama", "atas", "bawah", "pusat",
    "kabupaten", "kecamatan", "kelurahan", "provinsi", "kota", "negeri", "lokal", "gen", "kolonial",
    "dengan", "dan", "atau", "serta", "yang", "itu", "ini", "para", "sang", "si", "kami", "kita",
    "kartu", "prakerja", "indomaret", "alfamart", "lanka", "saudi", "sosialis", "anak", "muda", "dagang", "dia", "ia", "beliau", "mereka", "saya", "aku", "anda", "kalian", "engkau", "kamu", "pihaknya", "dirinya",
}
SPEECH_VERBS = {
    "mengatakan", "menyebut", "menyebutkan", "menegaskan", "menjelaskan", "meminta", "menilai", "berharap",
    "mengungkapkan", "menyampaikan", "menuturkan", "menerangkan", "mengaku", "mengakui", "menambahkan",
    "menekankan", "mengimbau", "mengajak", "memastikan", "membeberkan", "menyatakan", "mengklaim",
    "mendorong", "mengingatkan", "berpesan", "mengharapkan", "mengutarakan", "memaparkan", "membenarkan",
    "membantah", "menampik", "mengemukakan", "berujar", "berkata", "bertutur", "mengucapkan", "melanjutkan",
    "mengimbuhkan", "menduga", "meyakini", "mengklarifikasi", "menyayangkan", "menginstruksikan",
    "menjanjikan", "mengharap", "memprediksi", "memperkirakan", "menganggap", "berpendapat", "menyarankan",
    "mengusulkan", "mengeklaim", "menuding", "menyinyalir", "mengkritik", "mengapresiasi", "mengatakannya",
    "menjawab", "menerangkannya", "menyebutnya", "menegaskannya", "mengungkap", "bilang", "mempertanyakan", "mendesak",
    "memerintahkan", "menceritakan", "bersaksi", "merinci", "merincikan", "memandang", "menuntut", "beralasan",
    "menanyakan", "menuduh", "mengancam", "menjabarkan",
    "menghimbau",  # (the everyday spelling of 'mengimbau')
}
# Post-quote cues: ujar X / ujarnya.  "X mengatakan" is the SPEECH_VERBS case.
CUES = {
    "ujar", "kata", "ungkap", "jelas", "terang", "beber", "tegas", "tutur", "sebut", "imbuh", "tambah",
    "lanjut", "ucap", "pungkas", "papar", "urai", "tandas", "timpal", "sambung", "seru", "harap", "pinta",
    "akui", "aku", "klaim", "tukas", "cetus", "katakan", "sergah", "bilang", "jawab", "kilah", "ungkapkan",
    "jelaskan", "tegaskan", "tuturkan", "sampaikan", "paparkan", "terangkan", "sebutkan", "tambahkan",
    "nilai", "pesan", "ajak", "imbau", "tulis", "ingatkan", "katanya", "tuturnya", "keluh", "kenang",
    "sindir", "kritik", "jawabnya", "tanya", "tegur", "kelakar", "canda", "ungkapnya", "tutup",
    "sahut", "balas", "celetuk", "unggah", "cuit", "posting", "tulisnya", "seloroh", "gumam", "teriak", "ketus", "desak", "bantah", "tepis", "yakin",
    "demikian",  # '," demikian Haryadi.'
}
TOPIC_VERBS = {"menanggapi", "menyoroti", "menyinggung", "membahas", "mengomentari"}
PRONOUNS = {"ia", "dia", "beliau", "dirinya", "mereka", "kami", "saya", "aku"}

_lex = load_lexicon()
NAME_WORDS = frozenset(_lex.get("name_words", ()))
SINGLE_NAMES = frozenset(_lex.get("single_names", ()))
COMMON_WORDS = frozenset(_lex.get("common_words", ())) | frozenset(STOP_WORDS)
LEX_ORG_WORDS = frozenset(_lex.get("org_words", ()))
LEX_LOC_WORDS = frozenset(_lex.get("loc_words", ()))

# Nicknames of public figures that the press uses alone; merged with the full name when both appear.
FAMOUS_NICKNAMES = {
    "jokowi": ("joko", "widodo"), "sby": ("susilo", "bambang", "yudhoyono"), "jk": ("jusuf", "kalla"),
    "ahy": ("agus", "harimurti", "yudhoyono"), "ahok": ("basuki", "tjahaja", "purnama"),
    "gus dur": ("abdurrahman", "wahid"), "mega": ("megawati",), "demul": ("dedi", "mulyadi"),
    "dasco": ("sufmi", "dasco", "ahmad"), "cak imin": ("muhaimin", "iskandar"), "gus ipul": ("saifullah", "yusuf"),
    "kang emil": ("ridwan", "kamil"), "mualem": ("muzakir", "manaf"), "rommy": ("romahurmuziy",),
    "risma": ("tri", "rismaharini"), "danny": ("ramdhan", "pomanto"), "appi": ("munafri", "arifuddin"),
}

# Ministers' short titles (Mendagri, Menkeu ...), told apart from names that also open with 'Men' (Mendra).
MINISTER_SHORT = {
    "menko", "menteri", "mendagri", "menkeu", "menlu", "menhan", "menkes", "mensos", "menag", "menpora", "menpan",
    "menpanrb", "menkumham", "menkum", "menham", "menbud", "mendikbud", "mendikbudristek", "mendikdasmen",
    "mendiktisaintek", "mentan", "menperin", "mendag", "menaker", "menakertrans", "menhub", "menparekraf",
    "menpar", "menkominfo", "menkomdigi", "menlhk", "menesdm", "menpupr", "menpu", "menkop", "menkopukm",
    "mensesneg", "menseskab", "menpppa", "menpkp", "menimipas", "menhut", "menlh", "mendes", "mendesa",
    "menekraf", "menbumn", "menhaj", "menpera", "menkopolkam", "menkopolhukam", "menkumhan", "menristek",
    "mendikti", "menkopmk", "menkoinfra", "menkopangan", "menkoekon", "menpermukiman", "mendukbangga", "menp2mi",
}

# Conjunctions and prepositions that open sentences capitalised; the name lexicon has a few of them as noise.
NEVER_NAMES = {"giliran", "tapi", "tetapi", "namun", "dan", "lalu", "kemudian", "sementara", "bahkan", "sedangkan", "apalagi",
               "karena", "jika", "kalau", "meski", "meskipun", "walau", "agar", "supaya", "saat", "ketika", "setelah",
               "sebelum", "usai", "bagi", "untuk", "dengan", "oleh", "dari", "pada", "adapun", "selain", "sehingga",
               "menurt", "menrut", "menuru"}  # (typos of 'Menurut' opening a sentence)
