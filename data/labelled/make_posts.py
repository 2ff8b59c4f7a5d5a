#!/usr/bin/env python3
"""Writes data/labelled/posts.tsv from the hand-written templates below.

Every text is invented for this project. Each template is a whole post written by hand;
slots vary the phone number ({PH}), handle or link ({H}), price ({P}), places ({A} -> {B}),
small numbers ({N}) and the digit script, so the same phrasing never repeats exactly.
The split is by template: for each language and label about a quarter of the templates
(and every post made from them) are held out as `test`, so the benchmark measures phrasing
the model has never seen, not memorised sentences.
Deterministic: run it again and the file is byte-identical.
Usage: python3 data/labelled/make_posts.py > data/labelled/posts.tsv
"""
import random
import sys

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"


def to_script(s, table):
    return "".join(table[int(c)] if c.isdigit() else c for c in s)


LANGS = {}

# ---------------------------------------------------------------- Arabic (MSA, Levantine, Libyan, Sudanese)
LANGS["ar"] = dict(
    digits=(0.5, ARABIC_INDIC),
    cc=["+218", "+963", "+249", "+90", "+961", "00218", "+20"],
    routes=[("زوارة", "لامبيدوزا"), ("صبراتة", "إيطاليا"), ("ازمير", "اليونان"), ("طبرق", "كريت"),
            ("بنغازي", "إيطاليا"), ("تركيا", "ألمانيا"), ("بيلاروسيا", "بولندا"), ("مرسين", "قبرص"),
            ("الخرطوم", "ليبيا"), ("كاليه", "بريطانيا"), ("صربيا", "النمسا"), ("القامشلي", "تركيا")],
    price=["{n} دولار", "{n}$", "{n} يورو", "{n} €", "${n}", "{n} دينار"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "4500", "5000", "6000", "7000", "8000", "9500"],
    offer=[
        "رحلات بحرية مضمونة من {A} إلى {B} 🚤 مركب كبير وقبطان خبرة، السعر {P} للشخص، الدفع بعد الوصول. للتواصل واتس {PH}",
        "في عنا طلعة جديدة من {A} ع {B} الأسبوع الجاي، المبلغ {P} بيتحط بمكتب تأمين وما بتدفع إلا توصل. راسلني خاص {H}",
        "يا شباب الحرقة توا من {A} لـ {B}، لانش سريع {N} ساعات بس، {P} والفلوس أمانة لين توصل. كلمني {PH}",
        "تهريب آمن عن طريق البر من {A} الى {B} مع دليل، ضمان ١٠٠٪، السعر {P} والدفع عند الوصول. {PH}",
        "داير تطلع {B}؟ عندنا عربية من {A} كل أسبوع والزول ما بدفع إلا بعد ما يصل. {P} بس، اتصل {PH}",
        "جوازات سفر أوروبية وإقامات جاهزة خلال {N} أيام، مع فيزا شنغن. السعر {P}. تواصل تلغرام {H}",
        "طريق {A} - {B} مفتوح هلق، يخت مو بلم، ضمان الوصول ولو ما وصلت بترجعلك مصاريك. {P} {PH}",
        "للراغبين بالسفر إلى {B} بدون فيزا، تأمين المبلغ عند مكتب بالاتفاق، {P} فقط. التواصل واتساب {PH}",
        "مهرب موثوق، طلعات يومية من {A} لـ {B} بالسيارة والمشي ساعتين بس، الدفع بعد الوصول {P}. {H}",
        "نبي نكمل العدد للرحلة الجاية من {A}، باقي {N} كراسي، {P} للواحد، مضمون توا وباهي. {PH}",
        "باسبور مزور بجودة عالية يعدي بالمطار، وختم دخول، {P}. للجادين فقط خاص {H}",
        "ياخ رحلة {A} {B} شديدة ومضمونة، المركب خشب كبير وفيه سترات، المبلغ {P} تدفعو بعد الوصول. {PH}",
        "عرض خاص للعائلات: من {A} إلى {B} بالشاحنة، الأطفال نص السعر، {P} للكبير، الأمانة عند صراف. {PH}",
        "تأمين أوراق ولم شمل وهويات لأي بلد أوروبي، شغل نظيف ومضمون، {P}. {H} أو {PH}",
    ],
    negative=[
        ("ngo_warning", "تحذير ⚠️ المهربون يطلبون {P} ويعدون بـ\"رحلة مضمونة\" من {A} إلى {B}. لا تصدقوهم، القوارب مكتظة وقد غرق كثيرون. للمساعدة القانونية اتصلوا بالخط المجاني {PH}"),
        ("ngo_warning", "انتبهوا من الإعلانات التي تقول \"الدفع بعد الوصول\" أو \"مكتب تأمين\"، هذه حيل المهربين. منظمتنا تقدم استشارة مجانية عن طرق اللجوء النظامية. {PH}"),
        ("arrest_news", "الأمن يضبط شبكة تهريب بشر كانت تنقل مهاجرين من {A} إلى {B} مقابل {P} للشخص، وتوقيف {N} متهمين."),
        ("arrest_news", "محكمة {B} تقضي بسجن مهرب {N} سنوات بعد غرق قارب انطلق من {A}، وكان يتقاضى {P} من كل راكب."),
        ("travel_agency", "مكتب سياحة وسفر مرخص: رحلات طيران من {A} إلى {B} ذهاب وعودة بسعر {P}، حجز فنادق وتأمين صحي. {PH}"),
        ("travel_agency", "عروض عمرة وحج لهذا الموسم، باصات مكيفة وفنادق قريبة من الحرم، {P} للشخص. مكتبنا في {A} {PH}"),
        ("job_ad", "مطلوب سائق شاحنة برخصة عامة للعمل بين {A} و{B}، راتب {P} شهرياً مع السكن. للتواصل {PH}"),
        ("job_ad", "شركة في {A} تطلب عمال بناء ودهان، عقد نظامي وإقامة، الراتب {P}. أرسل سيرتك على {H}"),
        ("ride_share", "مسافر بكرة بالسيارة من {A} لـ {B}، عندي {N} مقاعد فاضية، المشاركة بالبنزين {P}. {PH}"),
        ("ride_share", "فيه حد ماشي {B} من {A} الجمعة؟ نبي نتقاسم الأجرة، {P} للنفر. {PH}"),
        ("boat_rental", "تأجير قوارب نزهة وصيد في {A} مع قبطان، نصف يوم {P}، رحلات عائلية للجزر القريبة. احجز {PH}"),
        ("boat_rental", "للبيع مركب صيد فيبر ٧ متر مع محرك ياماها، السعر {P} قابل للتفاوض. {A} {PH}"),
        ("asking_news", "يا جماعة أخي طلع من {A} من {N} أيام بمركب رايح {B} وما عاد رد على التلفون، حدا عنده خبر؟ رقمي {PH}"),
        ("asking_news", "هل صحيح أن الطريق من {A} إلى {B} مسكر هالفترة؟ بدي أعرف أخبار أهلي العالقين هناك."),
        ("other", "مبروك لأخونا وصوله بالسلامة إلى {B}، الله يجمعه بأهله قريباً. كانت رحلة صعبة من {A}."),
    ],
)

# ---------------------------------------------------------------- Dari / Farsi
LANGS["fa"] = dict(
    digits=(0.5, PERSIAN),
    cc=["+98", "+93", "0098", "+90", "0093"],
    routes=[("ارومیه", "وان"), ("نیمروز", "ایران"), ("ترکیه", "یونان"), ("ازمیر", "لسبوس"), ("هرات", "تهران"),
            ("وان", "استانبول"), ("ایران", "ترکیه"), ("بوسنی", "کرواسی"), ("یونان", "ایتالیا"), ("صربستان", "مجارستان"),
            ("کابل", "ترکیه"), ("استانبول", "آلمان")],
    price=["{n} دلار", "{n} یورو", "{n}$", "{n} میلیون تومان", "{n} لیر", "{n} €"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "90", "120"],
    offer=[
        "انتقال از {A} به {B} با قایق بزرگ، تضمینی، پرداخت بعد از رسیدن. قیمت {P}. تماس واتساپ {PH}",
        "مسیر زمینی {A} - {B} باز شد، با ماشین و {N} ساعت پیاده‌روی، پول پیش صرافی امانت می‌ماند. {P} {H}",
        "رفتن به {B} بدون ویزا، راهنما داریم، گارانتی تا مقصد، هزینه {P} بعد از رسیدن. فقط پیام خصوصی {H}",
        "پاسپورت و ویزای اروپایی آماده در {N} روز، کیفیت عالی از فرودگاه رد میشه، {P}. تلگرام {H}",
        "قاچاقبر مطمئن، هر هفته از {A} به {B} بردن داریم، بلم نیست یخت است. {P} تماس {PH}",
        "برادرها راه {A} به {B} باز است، پیسه ره بعد از رسیدن میتین، موتر خوب داریم. {P} {PH}",
        "برای خانواده‌ها تخفیف: {A} تا {B} با کامیون، بچه‌ها نصف قیمت، {P} برای هر نفر، پول امانت پیش دفتر. {PH}",
        "تذکره و پاسپورت جعلی با مهر ورود، کار تمیز و تضمینی، {P}. واتساپ {PH}",
        "جای {N} نفر دیگه مونده برای حرکت از {A} به سمت {B}، قیمت {P}، ضمانت رسیدن. پیام بدید {H}",
        "بردن به {B} از راه دریا، قایق تندرو، {N} ساعت، {P}، پرداخت وقتی رسیدی. {PH}",
        "اقامت و کارت پناهندگی {B} برای کسانی که میخوان رد بشن، {P}. خصوصی {H} یا {PH}",
        "ترانزیت مطمئن {A} → {B} با راهنمای محلی، پول در صرافی به امانت، گارانتی کامل. {P} {PH}",
        "از {A} تا {B} با تاکسی و بعد پیاده، بدون خطر، تضمین صد در صد، فقط {P}. تماس {PH}",
        "کسانی که میخواهند به {B} بروند، راه هوایی با پاسپورت دیگران داریم، {P}، اول رسیدن بعد پول. {H}",
    ],
    negative=[
        ("ngo_warning", "هشدار: قاچاقبرها {P} میگیرند و میگویند \"تضمینی\" از {A} به {B}. باور نکنید، قایق‌ها پر از آدم است. مشاوره رایگان حقوقی: {PH}"),
        ("ngo_warning", "مراقب آگهی‌های \"پرداخت بعد از رسیدن\" باشید؛ این ترفند قاچاقچیان است. برای راه‌های قانونی پناهندگی با ما تماس بگیرید {PH}"),
        ("arrest_news", "پلیس {A} یک باند قاچاق انسان را که مهاجران را به {B} می‌برد متلاشی کرد؛ {N} نفر بازداشت شدند. هر نفر {P} پرداخته بود."),
        ("arrest_news", "دادگاه {B} یک قاچاقبر را به {N} سال زندان محکوم کرد؛ او از هر مسافر {P} گرفته بود و قایق در مسیر {A} غرق شد."),
        ("travel_agency", "آژانس مسافرتی مجاز: بلیط هواپیما {A} به {B} رفت و برگشت {P}، رزرو هتل و بیمه مسافرتی. {PH}"),
        ("travel_agency", "تور زیارتی مشهد و کربلا با اتوبوس VIP، {N} شب هتل، قیمت {P}. دفتر ما در {A} {PH}"),
        ("job_ad", "به یک راننده کامیون با گواهینامه پایه یک برای مسیر {A} - {B} نیازمندیم، حقوق {P} در ماه. {PH}"),
        ("job_ad", "استخدام کارگر ساختمانی در {A}، قرارداد رسمی و بیمه، حقوق {P}. رزومه به {H}"),
        ("ride_share", "فردا با ماشین شخصی از {A} به {B} میرم، {N} جای خالی دارم، هزینه بنزین {P}. {PH}"),
        ("ride_share", "کسی جمعه به {B} میره؟ از {A} کرایه رو نصف کنیم، نفری {P}. {PH}"),
        ("boat_rental", "اجاره قایق تفریحی و ماهیگیری در {A} با ناخدا، نیم روز {P}، مناسب خانواده. رزرو {PH}"),
        ("boat_rental", "فروش قایق فایبرگلاس ۶ متری با موتور، قیمت {P} قابل مذاکره. {A} {PH}"),
        ("asking_news", "برادرم {N} روز پیش از {A} به طرف {B} حرکت کرد و دیگه جواب نمیده، کسی خبری داره؟ شماره من {PH}"),
        ("asking_news", "کسی میدونه راه {A} به {B} این روزها بسته است؟ از خانواده‌ام که آنجا گیر کرده‌اند خبر ندارم."),
        ("other", "خدا را شکر دوستم سالم به {B} رسید، راه {A} خیلی سخت بود. دعا کنید برای بقیه."),
    ],
)

# ---------------------------------------------------------------- Pashto
LANGS["ps"] = dict(
    digits=(0.5, PERSIAN),
    cc=["+93", "0093", "+98", "+92", "+90"],
    routes=[("نیمروز", "ایران"), ("ایران", "ترکیې"), ("ترکیې", "یونان"), ("کوټه", "تفتان"), ("هرات", "ایران"),
            ("وان", "استانبول"), ("یونان", "ایټالیا"), ("سربیا", "المان"), ("کابل", "ترکیې"), ("ننګرهار", "پېښور"),
            ("بلغاریا", "اروپا"), ("استانبول", "المان")],
    price=["{n} ډالر", "{n} یورو", "{n}$", "{n} افغانۍ", "{n} لیرې", "{n} €"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "9000", "12000"],
    offer=[
        "له {A} څخه {B} ته لېږد، ډاډمنه لاره، پیسې د رسېدو وروسته. بیه {P}. اړیکه واټساپ {PH}",
        "د {A} - {B} لاره خلاصه ده، په موټر او {N} ساعته پلی، پیسې صرافي کې امانت پاتې کېږي. {P} {H}",
        "{B} ته تګ بې ویزې، لارښود لرو، تر منزله ګارنټي، {P} د رسېدو وروسته. یوازې خصوصي پیغام {H}",
        "اروپايي پاسپورټ او ویزه په {N} ورځو کې چمتو، ښه کیفیت، له هوايي ډګر تېرېږي، {P}. ټلیګرام {H}",
        "باوري قاچاقبر، هره اونۍ له {A} څخه {B} ته خلک وړو، کښتۍ لویه ده. {P} اړیکه {PH}",
        "ورونو د {A} نه تر {B} لاره خلاصه ده، پیسې چې ورسېږئ بیا یې ورکړئ، ښه موټر لرو. {P} {PH}",
        "کورنیو ته تخفیف: له {A} تر {B} په لارۍ، ماشومان نیمه بیه، {P} هر سړی، پیسې په دفتر کې امانت. {PH}",
        "جعلي تذکره او پاسپورټ د ننوتو مهر سره، پاک کار او تضمین، {P}. واټساپ {PH}",
        "د {N} کسانو ځای پاتې دی له {A} څخه {B} ته، بیه {P}، د رسېدو ضمانت. پیغام راکړئ {H}",
        "د سمندر له لارې {B} ته وړل، چټکه بېړۍ، {N} ساعته، {P}، پیسې کله چې ورسېدې. {PH}",
        "د {B} اقامه او کارت د هغو لپاره چې غواړي تېر شي، {P}. خصوصي {H} یا {PH}",
        "ډاډمن ټرانزیټ {A} → {B} له سیمه ییز لارښود سره، پیسې په صرافي کې امانت، بشپړ ګارنټي. {P} {PH}",
        "له {A} تر {B} په ټکسي او بیا پلی، بې خطره، سل په سلو کې تضمین، یوازې {P}. اړیکه {PH}",
        "څوک چې {B} ته ځي، د نورو په پاسپورټ هوايي لاره لرو، {P}، لومړی رسېدل بیا پیسې. {H}",
    ],
    negative=[
        ("ngo_warning", "خبرداری: قاچاقبران {P} اخلي او وايي \"ډاډمنه\" لاره له {A} څخه {B} ته. باور مه کوئ، کښتۍ له خلکو ډکې وي. وړیا حقوقي مشوره: {PH}"),
        ("ngo_warning", "د \"پیسې د رسېدو وروسته\" اعلانونو څخه ځان وساتئ، دا د قاچاقبرانو چل دی. د قانوني پناه لارو لپاره موږ سره اړیکه ونیسئ {PH}"),
        ("arrest_news", "د {A} پولیسو د انسانانو د قاچاق یوه ډله ونیوله چې کډوال یې {B} ته وړل؛ {N} کسان ونیول شول. هر چا {P} ورکړي وو."),
        ("arrest_news", "د {B} محکمې یو قاچاقبر په {N} کاله بند محکوم کړ؛ هغه له هر مسافر {P} اخیستي وو او کښتۍ د {A} په لار کې ډوبه شوه."),
        ("travel_agency", "جواز لرونکې د سفر اژانس: له {A} څخه {B} ته د الوتکې ټکټ، تګ راتګ {P}، د هوټل بکینګ او بیمه. {PH}"),
        ("travel_agency", "د حج او عمرې ټولګه، ښه بسونه او حرم ته نږدې هوټلونه، {P} هر کس. زموږ دفتر په {A} کې {PH}"),
        ("job_ad", "د {A} او {B} تر منځ لارۍ چلولو لپاره ډرېور ته اړتیا ده، میاشتنی معاش {P}. {PH}"),
        ("job_ad", "په {A} کې د ودانیو کارګرو ته اړتیا، رسمي قرارداد، معاش {P}. خپل سوانح {H} ته ولېږئ"),
        ("ride_share", "سبا په خپل موټر له {A} څخه {B} ته ځم، {N} ځایونه خالي دي، د تېلو شریکول {P}. {PH}"),
        ("ride_share", "څوک د جمعې په ورځ {B} ته ځي؟ له {A} کرایه سره نیمه کړو، هر سړی {P}. {PH}"),
        ("boat_rental", "په {A} کې د تفریح او کب نیولو بېړۍ په کرایه، له کپتان سره، نیمه ورځ {P}. {PH}"),
        ("boat_rental", "د کب نیولو بېړۍ د پلور لپاره، شپږ متره، انجن سره، بیه {P}. {A} {PH}"),
        ("asking_news", "زما ورور {N} ورځې مخکې له {A} څخه {B} ته روان شو او اوس ځواب نه ورکوي، څوک خبر لري؟ زما شمېره {PH}"),
        ("asking_news", "څوک پوهیږي چې د {A} او {B} لاره دا ورځې بنده ده؟ له خپلې کورنۍ خبر نه یم."),
        ("other", "الحمدلله زما ملګری روغ رمټ {B} ته ورسېد، د {A} لاره ډېره سخته وه. د نورو لپاره دعا وکړئ."),
    ],
)

# ---------------------------------------------------------------- Kurdish Sorani
LANGS["ckb"] = dict(
    digits=(0.4, ARABIC_INDIC),
    cc=["+964", "+90", "00964", "+98"],
    routes=[("هەولێر", "تورکیا"), ("بەلاڕووس", "پۆڵەندا"), ("تورکیا", "یۆنان"), ("ئیزمیر", "یۆنان"), ("یۆنان", "ئیتاڵیا"),
            ("سلێمانی", "ئیستانبوڵ"), ("فەرەنسا", "بەریتانیا"), ("کالێ", "بەریتانیا"), ("سربیا", "ئەڵمانیا"), ("بۆسنە", "کرۆاتیا"),
            ("دهۆک", "تورکیا"), ("پۆڵەندا", "ئەڵمانیا")],
    price=["{n} دۆلار", "{n} یۆرۆ", "{n}$", "{n} €", "{n} دینار"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "9000", "11000"],
    offer=[
        "گواستنەوە لە {A} بۆ {B} بە بەلەمی گەورە، زەمانەتی گەیشتن، پارە دوای گەیشتن. نرخ {P}. پەیوەندی واتسئاپ {PH}",
        "ڕێگای {A} - {B} کراوەیە، بە ئۆتۆمبێل و {N} کاتژمێر بە پێ، پارە لای سەرڕاف بە ئەمانەت دەمێنێتەوە. {P} {H}",
        "چوون بۆ {B} بێ ڤیزا، ڕێنیشاندەرمان هەیە، گەرەنتی تا کۆتایی، {P} دوای گەیشتن. تەنها نامەی تایبەت {H}",
        "پاسپۆرت و ڤیزای ئەوروپی لە {N} ڕۆژدا ئامادە، کوالیتی بەرز، لە فڕۆکەخانە تێدەپەڕێت، {P}. تێلیگرام {H}",
        "قاچاخچی متمانەپێکراو، هەموو هەفتەیەک لە {A} بۆ {B} خەڵک دەبەین، بەلەم نییە یەختە. {P} پەیوەندی {PH}",
        "برایان ڕێگای {A} بۆ {B} کراوەیە، پارەکە کاتێک گەیشتن بیدەن، ئۆتۆمبێلی باشمان هەیە. {P} {PH}",
        "داشکاندن بۆ خێزانەکان: {A} تا {B} بە بارهەڵگر، منداڵ نیوەی نرخ، {P} بۆ هەر کەسێک، پارە لە نووسینگە ئەمانەتە. {PH}",
        "پاسپۆرتی ساختە و ناسنامە لەگەڵ مۆری هاتنە ژوورەوە، کاری پاک و زەمانەت، {P}. واتسئاپ {PH}",
        "شوێنی {N} کەسی تر ماوە بۆ ڕۆیشتن لە {A} بەرەو {B}، نرخ {P}، زەمانەتی گەیشتن. نامە بنێرن {H}",
        "بردن بۆ {B} لە ڕێگای دەریاوە، بەلەمی خێرا، {N} کاتژمێر، {P}، پارەدان کاتێک گەیشتی. {PH}",
        "ئیقامە و کارتی پەنابەری {B} بۆ ئەوانەی دەیانەوێت بپەڕنەوە، {P}. تایبەت {H} یان {PH}",
        "ترانزێتی دڵنیا {A} → {B} لەگەڵ ڕێنیشاندەری ناوچەیی، پارە لە سەرڕافی بە ئەمانەت، گەرەنتی تەواو. {P} {PH}",
        "لە {A} تا {B} بە تەکسی و پاشان بە پێ، بێ مەترسی، سەد لە سەد زەمانەت، تەنها {P}. پەیوەندی {PH}",
        "ئەوانەی دەیانەوێت بچن بۆ {B}، ڕێگای ئاسمانیمان هەیە بە پاسپۆرتی خەڵکی تر، {P}، یەکەم گەیشتن پاشان پارە. {H}",
    ],
    negative=[
        ("ngo_warning", "ئاگاداری: قاچاخچییەکان {P} وەردەگرن و دەڵێن \"زەمانەت\" لە {A} بۆ {B}. باوەڕ مەکەن، بەلەمەکان پڕن لە خەڵک. ڕاوێژی یاسایی بەخۆڕایی: {PH}"),
        ("ngo_warning", "ئاگاداری ڕیکلامەکانی \"پارە دوای گەیشتن\" بن، ئەمە فێڵی قاچاخچییەکانە. بۆ ڕێگا یاساییەکانی پەنابەری پەیوەندیمان پێوە بکەن {PH}"),
        ("arrest_news", "پۆلیسی {A} تۆڕێکی قاچاخی مرۆڤی تێکشکاند کە کۆچبەرانی دەبرد بۆ {B}؛ {N} کەس دەستگیر کران. هەر کەسێک {P}ی دابوو."),
        ("arrest_news", "دادگای {B} قاچاخچییەکی بە {N} ساڵ زیندان سزا دا؛ لە هەر گەشتیارێک {P}ی وەرگرتبوو و بەلەمەکە لە ڕێگای {A} نقووم بوو."),
        ("travel_agency", "نووسینگەی گەشتیاری مۆڵەتدار: بلیتی فڕۆکە لە {A} بۆ {B} چوون و گەڕانەوە {P}، حیجزی هۆتێل و بیمە. {PH}"),
        ("travel_agency", "گەشتی حەج و عومرە بە پاسی باش و هۆتێلی نزیک لە حەرەم، {P} بۆ هەر کەسێک. نووسینگەکەمان لە {A} {PH}"),
        ("job_ad", "پێویستمان بە شۆفێری بارهەڵگرە بۆ هێڵی {A} - {B}، مووچەی مانگانە {P}. {PH}"),
        ("job_ad", "پێویستمان بە کرێکاری بیناسازی هەیە لە {A}، گرێبەستی فەرمی، مووچە {P}. سیڤی بنێرە بۆ {H}"),
        ("ride_share", "سبەینێ بە ئۆتۆمبێلی خۆم لە {A} دەچم بۆ {B}، {N} شوێنی بەتاڵم هەیە، بەشداری بەنزین {P}. {PH}"),
        ("ride_share", "کەس ڕۆژی هەینی دەچێت بۆ {B}؟ لە {A} کرێکە بەش بکەین، هەر کەسێک {P}. {PH}"),
        ("boat_rental", "بەکرێدانی بەلەمی گەشت و ڕاوەماسی لە {A} لەگەڵ کاپتن، نیو ڕۆژ {P}، گونجاو بۆ خێزان. {PH}"),
        ("boat_rental", "بەلەمی ڕاوەماسی بۆ فرۆشتن، شەش مەتر لەگەڵ مەکینە، نرخ {P}. {A} {PH}"),
        ("asking_news", "براکەم {N} ڕۆژ لەمەوبەر لە {A} بەرەو {B} ڕۆیشت و وەڵام ناداتەوە، کەس هەواڵی هەیە؟ ژمارەم {PH}"),
        ("asking_news", "کەس دەزانێت ڕێگای {A} بۆ {B} ئەم ڕۆژانە داخراوە؟ هەواڵی خێزانەکەمم نییە کە لەوێ گیریان خواردووە."),
        ("other", "سوپاس بۆ خوا هاوڕێکەم بە سەلامەتی گەیشتە {B}، ڕێگای {A} زۆر سەخت بوو. دوعا بۆ ئەوانی تر بکەن."),
    ],
)

# ---------------------------------------------------------------- Kurdish Kurmanji
LANGS["kmr"] = dict(
    digits=(0.0, None),
    cc=["+90", "+964", "+963", "0090"],
    routes=[("Wan", "Stenbol"), ("Îzmîr", "Yewnanistan"), ("Tirkiye", "Yewnanistan"), ("Belarûs", "Polonya"), ("Yewnanistan", "Îtalya"),
            ("Qamişlo", "Tirkiye"), ("Duhok", "Tirkiye"), ("Sirbistan", "Almanya"), ("Calais", "Brîtanya"), ("Bosna", "Xirwatistan"),
            ("Edirne", "Bulgaristan"), ("Polonya", "Almanya")],
    price=["{n} dolar", "{n} euro", "{n}$", "{n} €", "{n} lîre"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "9000", "11000"],
    offer=[
        "Derbasbûn ji {A} bo {B} bi qeyikeke mezin, garantî, pere piştî gihîştinê. Biha {P}. Têkilî WhatsApp {PH}",
        "Rêya {A} - {B} vebûye, bi erebeyê û {N} saet peya, pere li cem sarraf emanet dimîne. {P} {H}",
        "Çûna {B} bê vîze, rêberê me heye, garantî heta dawiyê, {P} piştî gihîştinê. Tenê peyama taybet {H}",
        "Pasaport û vîzeya Ewropî di {N} rojan de amade, kalîteya bilind, ji balafirgehê derbas dibe, {P}. Telegram {H}",
        "Qaçaxçiyê ewle, her hefte ji {A} bo {B} mirovan dibin, ne belem e yat e. {P} têkilî {PH}",
        "Birano rêya {A} bo {B} vekirî ye, pereyan gava hûn gihîştin bidin, erebeya me baş e. {P} {PH}",
        "Daxistin ji bo malbatan: {A} heta {B} bi kamyonê, zarok nîvê bihayê, {P} ji bo her kesî, pere li ofîsê emanet e. {PH}",
        "Pasaporta sexte û nasname bi mora ketinê, karê paqij û garantî, {P}. WhatsApp {PH}",
        "Cihê {N} kesên din maye ji bo çûyîna ji {A} ber bi {B}, biha {P}, garantiya gihîştinê. Peyam bişînin {H}",
        "Birin bo {B} bi riya deryayê, qeyika bilez, {N} saet, {P}, pere gava tu gihîştî. {PH}",
        "Îqame û karta penaberiyê ya {B} ji bo kesên ku dixwazin derbas bibin, {P}. Taybet {H} an {PH}",
        "Transîta ewle {A} → {B} bi rêberê herêmî, pere li cem sarraf emanet, garantiya temam. {P} {PH}",
        "Ji {A} heta {B} bi taksiyê û paşê peya, bê xetere, sed di sedî de garantî, tenê {P}. Têkilî {PH}",
        "Kesên ku dixwazin biçin {B}, rêya hewayî bi pasaporta kesên din heye, {P}, pêşî gihîştin paşê pere. {H}",
    ],
    negative=[
        ("ngo_warning", "Hişyarî: qaçaxçî {P} digirin û dibêjin \"garantî\" ji {A} bo {B}. Bawer nekin, qeyik tijî mirov in. Şêwirmendiya hiqûqî ya belaş: {PH}"),
        ("ngo_warning", "Hay ji reklamên \"pere piştî gihîştinê\" hebin, ev fêla qaçaxçiyan e. Ji bo rêyên qanûnî yên penaberiyê bi me re têkilî daynin {PH}"),
        ("arrest_news", "Polîsên {A} tora qaçaxçîtiya mirovan a ku koçber dibirin {B} hilweşand; {N} kes hatin girtin. Her kesî {P} dabû."),
        ("arrest_news", "Dadgeha {B} qaçaxçiyek bi {N} sal girtîgehê ceza kir; wî ji her rêwiyî {P} stendibû û qeyik li ser rêya {A} binav bû."),
        ("travel_agency", "Ajansa geştê ya destûrdar: bilêta balafirê ji {A} bo {B} çûn û hatin {P}, rezervasyona otêlê û sîgorte. {PH}"),
        ("travel_agency", "Geştên Hec û Umreyê bi otobûsên baş û otêlên nêzî Heremê, {P} ji bo her kesî. Ofîsa me li {A} {PH}"),
        ("job_ad", "Ji bo xeta {A} - {B} ajokarê kamyonê tê xwestin, meaşê mehane {P}. {PH}"),
        ("job_ad", "Li {A} karkerên avahiyê tên xwestin, peymana fermî, meaş {P}. CVya xwe bişînin {H}"),
        ("ride_share", "Sibê bi erebeya xwe ji {A} diçim {B}, {N} cihên vala hene, parvekirina benzînê {P}. {PH}"),
        ("ride_share", "Kes roja înê diçe {B}? Ji {A} kirê parve bikin, her kes {P}. {PH}"),
        ("boat_rental", "Bi kirê dayîna qeyikên gerê û masîgiriyê li {A} bi kaptan, nîv roj {P}, ji bo malbatan. {PH}"),
        ("boat_rental", "Qeyika masîgiriyê ji bo firotinê, şeş metre bi motorê, biha {P}. {A} {PH}"),
        ("asking_news", "Birayê min {N} roj berê ji {A} ber bi {B} ve çû û êdî bersiv nade, kes xeber heye? Hejmara min {PH}"),
        ("asking_news", "Kes dizane rêya {A} bo {B} van rojan girtî ye? Xebera malbata min a ku li wir asê maye tune."),
        ("other", "Şikir ji Xwedê re hevalê min bi silametî gihîşt {B}, rêya {A} pir dijwar bû. Ji bo yên din dua bikin."),
    ],
)

# ---------------------------------------------------------------- Urdu
LANGS["ur"] = dict(
    digits=(0.3, PERSIAN),
    cc=["+92", "0092", "+971", "+98", "+218"],
    routes=[("کوئٹہ", "تفتان"), ("تفتان", "ایران"), ("ایران", "ترکی"), ("ترکی", "یونان"), ("لیبیا", "اٹلی"),
            ("دبئی", "لیبیا"), ("گوادر", "ایران"), ("یونان", "اٹلی"), ("سربیا", "جرمنی"), ("بوسنیا", "کروشیا"),
            ("لاہور", "دبئی"), ("مصر", "اٹلی")],
    price=["{n} ڈالر", "{n} یورو", "{n}$", "{n} لاکھ روپے", "{n} €", "{n} روپے"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "25", "30"],
    offer=[
        "{A} سے {B} تک بڑی کشتی کے ذریعے، گارنٹی کے ساتھ، ادائیگی پہنچنے کے بعد۔ ریٹ {P}۔ رابطہ واٹس ایپ {PH}",
        "ڈنکی کا راستہ {A} - {B} کھل گیا ہے، گاڑی اور {N} گھنٹے پیدل، پیسے ایجنٹ کے پاس امانت رہیں گے۔ {P} {H}",
        "{B} جانا بغیر ویزا کے، گائیڈ موجود ہے، منزل تک گارنٹی، {P} پہنچ کر۔ صرف ان باکس کریں {H}",
        "یورپی پاسپورٹ اور ویزا {N} دن میں تیار، اعلیٰ کوالٹی، ایئرپورٹ سے کلیئر، {P}۔ ٹیلیگرام {H}",
        "قابل اعتماد ایجنٹ، ہر ہفتے {A} سے {B} بندے بھیجتے ہیں، کشتی بڑی ہے۔ {P} رابطہ {PH}",
        "بھائیو {A} سے {B} کا راستہ کھلا ہے، پیسے پہنچنے پر دیں، اچھی گاڑی ہے۔ {P} {PH}",
        "فیملیز کے لیے رعایت: {A} سے {B} ٹرک کے ذریعے، بچوں کا آدھا کرایہ، {P} فی بندہ، رقم دفتر میں امانت۔ {PH}",
        "جعلی شناختی کارڈ اور پاسپورٹ انٹری مہر کے ساتھ، صاف کام اور گارنٹی، {P}۔ واٹس ایپ {PH}",
        "{A} سے {B} کے لیے {N} بندوں کی جگہ باقی ہے، ریٹ {P}، پہنچنے کی گارنٹی۔ میسج کریں {H}",
        "سمندر کے راستے {B} پہنچانا، تیز رفتار کشتی، {N} گھنٹے، {P}، پیمنٹ جب پہنچ جاؤ۔ {PH}",
        "{B} کا ریزیڈنس اور کارڈ ان کے لیے جو بارڈر پار کرنا چاہتے ہیں، {P}۔ ان باکس {H} یا {PH}",
        "محفوظ ٹرانزٹ {A} → {B} مقامی گائیڈ کے ساتھ، پیسے منی چینجر کے پاس امانت، مکمل گارنٹی۔ {P} {PH}",
        "{A} سے {B} ٹیکسی اور پھر پیدل، کوئی خطرہ نہیں، سو فیصد گارنٹی، صرف {P}۔ رابطہ {PH}",
        "جو لوگ {B} جانا چاہتے ہیں، دوسرے کے پاسپورٹ پر ہوائی راستہ ہے، {P}، پہلے پہنچو پھر پیسے۔ {H}",
    ],
    negative=[
        ("ngo_warning", "خبردار: ایجنٹ {P} لیتے ہیں اور کہتے ہیں \"گارنٹی\" کے ساتھ {A} سے {B}۔ یقین نہ کریں، کشتیاں بھری ہوتی ہیں۔ مفت قانونی مشورہ: {PH}"),
        ("ngo_warning", "\"ادائیگی پہنچنے کے بعد\" والے اشتہارات سے ہوشیار رہیں، یہ انسانی اسمگلروں کا دھوکہ ہے۔ قانونی راستوں کے لیے ہم سے رابطہ کریں {PH}"),
        ("arrest_news", "ایف آئی اے نے {A} میں انسانی اسمگلنگ کا گروہ پکڑ لیا جو لوگوں کو {B} بھیجتا تھا؛ {N} ملزمان گرفتار۔ ہر شخص سے {P} لیے گئے تھے۔"),
        ("arrest_news", "{B} کی عدالت نے اسمگلر کو {N} سال قید کی سزا سنائی؛ اس نے ہر مسافر سے {P} لیے اور کشتی {A} کے راستے میں ڈوب گئی۔"),
        ("travel_agency", "لائسنس یافتہ ٹریول ایجنسی: {A} سے {B} ہوائی ٹکٹ ریٹرن {P}، ہوٹل بکنگ اور ٹریول انشورنس۔ {PH}"),
        ("travel_agency", "عمرہ پیکج اس سیزن کے لیے، اچھی بسیں اور حرم کے قریب ہوٹل، {P} فی کس۔ ہمارا دفتر {A} میں {PH}"),
        ("job_ad", "{A} اور {B} کے درمیان ٹرک چلانے کے لیے ڈرائیور درکار، ماہانہ تنخواہ {P}۔ {PH}"),
        ("job_ad", "{A} میں تعمیراتی مزدوروں کی ضرورت ہے، باقاعدہ معاہدہ، تنخواہ {P}۔ سی وی بھیجیں {H}"),
        ("ride_share", "کل اپنی گاڑی میں {A} سے {B} جا رہا ہوں، {N} سیٹیں خالی ہیں، پٹرول شیئر {P}۔ {PH}"),
        ("ride_share", "کوئی جمعہ کو {B} جا رہا ہے؟ {A} سے کرایہ آدھا آدھا کر لیں، فی بندہ {P}۔ {PH}"),
        ("boat_rental", "{A} میں سیر اور مچھلی کے شکار کے لیے کشتی کرائے پر، کپتان کے ساتھ، آدھا دن {P}۔ {PH}"),
        ("boat_rental", "مچھلی پکڑنے والی کشتی برائے فروخت، چھ میٹر انجن کے ساتھ، قیمت {P}۔ {A} {PH}"),
        ("asking_news", "میرا بھائی {N} دن پہلے {A} سے {B} کی طرف نکلا تھا اور اب فون نہیں اٹھاتا، کسی کو کوئی خبر ہے؟ میرا نمبر {PH}"),
        ("asking_news", "کیا کسی کو پتہ ہے کہ {A} سے {B} کا راستہ آج کل بند ہے؟ وہاں پھنسے گھر والوں کی کوئی خبر نہیں۔"),
        ("other", "الحمدللہ میرا دوست خیریت سے {B} پہنچ گیا، {A} کا راستہ بہت مشکل تھا۔ باقیوں کے لیے دعا کریں۔"),
    ],
)

# ---------------------------------------------------------------- Turkish
LANGS["tr"] = dict(
    digits=(0.0, None),
    cc=["+90", "0090", "0", "+964"],
    routes=[("İzmir", "Midilli"), ("Bodrum", "İstanköy"), ("Çeşme", "Sakız"), ("Edirne", "Yunanistan"), ("Van", "İstanbul"),
            ("Ayvalık", "Midilli"), ("Mersin", "İtalya"), ("Yunanistan", "İtalya"), ("Sırbistan", "Almanya"), ("Belarus", "Polonya"),
            ("Kuşadası", "Sisam"), ("İstanbul", "Almanya")],
    price=["{n} dolar", "{n} euro", "{n}$", "{n} €", "{n} TL", "{n} lira"],
    amounts=["1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "8000", "9000", "1.200"],
    offer=[
        "{A}'den {B}'ye büyük teknelerle geçiş, garantili, ödeme vardıktan sonra. Fiyat {P}. İletişim WhatsApp {PH}",
        "{A} - {B} kara yolu açıldı, araçla ve {N} saat yürüyüş, para sarrafta emanette kalır. {P} {H}",
        "Vizesiz {B}'ye gidiş, rehberimiz var, sonuna kadar garanti, {P} varınca. Sadece özelden {H}",
        "Avrupa pasaportu ve vize {N} günde hazır, yüksek kalite, havalimanından geçer, {P}. Telegram {H}",
        "Güvenilir kaçakçı, her hafta {A}'den {B}'ye adam geçiriyoruz, lastik bot değil yat. {P} iletişim {PH}",
        "Arkadaşlar {A} {B} yolu açık, parayı ulaşınca verin, aracımız sağlam. {P} {PH}",
        "Ailelere indirim: {A}'den {B}'ye tırla, çocuklar yarı fiyat, kişi başı {P}, para büroda emanet. {PH}",
        "Sahte pasaport ve kimlik giriş mühürlü, temiz iş garantili, {P}. WhatsApp {PH}",
        "{A}'den {B}'ye çıkış için {N} kişilik yer kaldı, fiyat {P}, varış garantili. Mesaj atın {H}",
        "Deniz yoluyla {B}'ye götürme, sürat teknesi, {N} saat, {P}, ödeme varınca. {PH}",
        "{B} oturum ve mülteci kartı geçmek isteyenler için, {P}. Özel {H} veya {PH}",
        "Güvenli transit {A} → {B} yerel rehberle, para sarrafta emanette, tam garanti. {P} {PH}",
        "{A}'den {B}'ye taksi sonra yürüyerek, risksiz, yüzde yüz garanti, sadece {P}. Arayın {PH}",
        "{B}'ye gitmek isteyenlere başkasının pasaportuyla uçak yolu var, {P}, önce varış sonra para. {H}",
    ],
    negative=[
        ("ngo_warning", "Uyarı: kaçakçılar {P} alıp {A}'den {B}'ye \"garantili\" geçiş vaat ediyor. İnanmayın, botlar aşırı dolu. Ücretsiz hukuki danışma: {PH}"),
        ("ngo_warning", "\"Varınca ödeme\" ilanlarına dikkat edin, bu göçmen kaçakçılarının hilesidir. Yasal sığınma yolları için bize ulaşın {PH}"),
        ("arrest_news", "{A}'de göçmen kaçakçılığı operasyonu: düzensiz göçmenleri {B}'ye götüren çete çökertildi, {N} şüpheli gözaltına alındı. Kişi başı {P} aldıkları belirlendi."),
        ("arrest_news", "{B} mahkemesi, {A} açıklarında batan teknenin kaptanı olan kaçakçıya {N} yıl hapis verdi; her yolcudan {P} almıştı."),
        ("travel_agency", "TÜRSAB belgeli seyahat acentesi: {A} - {B} gidiş dönüş uçak bileti {P}, otel rezervasyonu ve seyahat sigortası. {PH}"),
        ("travel_agency", "Umre turu bu sezon, konforlu otobüsler ve Harem'e yakın oteller, kişi başı {P}. Ofisimiz {A}'de {PH}"),
        ("job_ad", "{A} - {B} hattında çalışacak E sınıfı ehliyetli tır şoförü aranıyor, aylık maaş {P}. {PH}"),
        ("job_ad", "{A}'de inşaat işçisi alınacak, sigortalı ve sözleşmeli, maaş {P}. CV gönderin {H}"),
        ("ride_share", "Yarın kendi arabamla {A}'den {B}'ye gidiyorum, {N} boş koltuk var, benzin paylaşımı {P}. {PH}"),
        ("ride_share", "Cuma günü {B}'ye giden var mı? {A}'den yol masrafını bölüşelim, kişi başı {P}. {PH}"),
        ("boat_rental", "{A}'de kaptanlı tekne kiralama, koy turu ve balık avı, yarım gün {P}, aileler için ideal. {PH}"),
        ("boat_rental", "Satılık 6 metre fiber balıkçı teknesi, motoruyla birlikte, fiyat {P} pazarlık olur. {A} {PH}"),
        ("asking_news", "Kardeşim {N} gün önce {A}'den {B}'ye doğru yola çıktı ve telefonu açmıyor, haberi olan var mı? Numaram {PH}"),
        ("asking_news", "Bu aralar {A} {B} yolu kapalı mı bilen var mı? Orada mahsur kalan ailemden haber alamıyorum."),
        ("other", "Çok şükür arkadaşım {B}'ye sağ salim ulaştı, {A} yolu çok zordu. Diğerleri için dua edin."),
    ],
)

# ---------------------------------------------------------------- French
LANGS["fr"] = dict(
    digits=(0.0, None),
    cc=["+33", "+216", "+212", "+218", "0033", "0"],
    routes=[("Calais", "Douvres"), ("Dunkerque", "Angleterre"), ("Sfax", "Lampedusa"), ("Zouara", "Italie"), ("Tanger", "Espagne"),
            ("Nouadhibou", "Canaries"), ("Libye", "Italie"), ("Vintimille", "France"), ("Tunisie", "Italie"), ("Agadez", "Libye"),
            ("Turquie", "Grèce"), ("Dakar", "Canaries")],
    price=["{n} euros", "{n} €", "{n}€", "{n} dinars", "{n} dollars", "{n} dirhams"],
    amounts=["800", "1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "1 200", "2 500"],
    offer=[
        "Passage de {A} vers {B} en grand bateau, garanti, paiement après l'arrivée. Prix {P}. Contact WhatsApp {PH}",
        "La route {A} - {B} est ouverte, en voiture puis {N} heures à pied, l'argent reste en dépôt chez un intermédiaire. {P} {H}",
        "Aller en {B} sans visa, on a un guide, garantie jusqu'au bout, {P} à l'arrivée. Seulement en privé {H}",
        "Passeport et visa européens prêts en {N} jours, haute qualité, passe à l'aéroport, {P}. Telegram {H}",
        "Passeur de confiance, chaque semaine on fait traverser de {A} à {B}, pas un zodiac, un vrai bateau. {P} contact {PH}",
        "Les frères, la route {A} {B} est ouverte, vous payez quand vous arrivez, bonne voiture. {P} {PH}",
        "Réduction pour les familles : {A} jusqu'à {B} en camion, enfants demi-tarif, {P} par personne, argent bloqué au bureau. {PH}",
        "Faux papiers, carte d'identité et passeport avec tampon d'entrée, travail propre et garanti, {P}. WhatsApp {PH}",
        "Il reste {N} places pour le départ de {A} vers {B}, prix {P}, arrivée garantie. Écrivez-moi {H}",
        "Traversée par la mer vers {B}, bateau rapide, {N} heures, {P}, tu paies une fois arrivé. {PH}",
        "Titre de séjour et carte de réfugié {B} pour ceux qui veulent passer, {P}. Privé {H} ou {PH}",
        "Transit sûr {A} → {B} avec un guide local, argent en dépôt chez le changeur, garantie totale. {P} {PH}",
        "De {A} à {B} en taxi puis à pied, sans risque, garanti à cent pour cent, seulement {P}. Appelez {PH}",
        "Pour ceux qui veulent aller en {B}, voie aérienne avec le passeport d'un autre, {P}, d'abord l'arrivée ensuite l'argent. {H}",
    ],
    negative=[
        ("ngo_warning", "Attention : les passeurs demandent {P} et promettent un passage \"garanti\" de {A} vers {B}. Ne les croyez pas, les bateaux sont surchargés. Aide juridique gratuite : {PH}"),
        ("ngo_warning", "Méfiez-vous des annonces \"paiement à l'arrivée\" : c'est une ruse des passeurs. Pour les voies légales d'asile, contactez notre association {PH}"),
        ("arrest_news", "Démantèlement d'un réseau de passeurs entre {A} et {B} : {N} personnes interpellées. Chaque migrant payait {P} selon les enquêteurs."),
        ("arrest_news", "Le tribunal de {B} condamne un passeur à {N} ans de prison après le naufrage d'un bateau parti de {A}; il réclamait {P} par passager."),
        ("travel_agency", "Agence de voyages agréée : billet d'avion {A} - {B} aller-retour {P}, réservation d'hôtel et assurance voyage. {PH}"),
        ("travel_agency", "Circuit organisé pour la Omra cette saison, bus confortables et hôtels proches, {P} par personne. Notre agence à {A} {PH}"),
        ("job_ad", "Recherche chauffeur poids lourd permis C pour la ligne {A} - {B}, salaire {P} par mois. {PH}"),
        ("job_ad", "Entreprise de bâtiment à {A} recrute des maçons, CDI et logement, salaire {P}. CV à {H}"),
        ("ride_share", "Covoiturage demain de {A} à {B}, il me reste {N} places, participation aux frais {P}. {PH}"),
        ("ride_share", "Quelqu'un va à {B} vendredi ? On partage l'essence depuis {A}, {P} par personne. {PH}"),
        ("boat_rental", "Location de bateau avec skipper à {A}, balade en mer et pêche, demi-journée {P}, idéal en famille. {PH}"),
        ("boat_rental", "À vendre bateau de pêche 6 mètres avec moteur, prix {P} à débattre. {A} {PH}"),
        ("asking_news", "Mon frère est parti de {A} vers {B} il y a {N} jours et ne répond plus, quelqu'un a des nouvelles ? Mon numéro {PH}"),
        ("asking_news", "Quelqu'un sait si la route {A} - {B} est fermée en ce moment ? Je n'ai pas de nouvelles de ma famille bloquée là-bas."),
        ("other", "Dieu merci mon ami est bien arrivé en {B}, la route depuis {A} était très dure. Priez pour les autres."),
    ],
)

# ---------------------------------------------------------------- English
LANGS["en"] = dict(
    digits=(0.0, None),
    cc=["+44", "+218", "+90", "+33", "0044", "0"],
    routes=[("Calais", "Dover"), ("Dunkirk", "UK"), ("Libya", "Italy"), ("Zuwara", "Lampedusa"), ("Bodrum", "Kos"),
            ("Izmir", "Lesbos"), ("Turkey", "Greece"), ("Belarus", "Poland"), ("Serbia", "Hungary"), ("Morocco", "Spain"),
            ("Greece", "Italy"), ("Bosnia", "Croatia")],
    price=["{n} euros", "€{n}", "${n}", "{n} USD", "£{n}", "{n} dollars"],
    amounts=["800", "1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "1,200", "2,500"],
    offer=[
        "Crossing from {A} to {B} on a big boat, guaranteed, pay after arrival. Price {P}. Contact WhatsApp {PH}",
        "Route {A} - {B} is open now, by car then {N} hours walking, money stays in escrow with the office. {P} {H}",
        "Go to {B} with no visa needed, we have a guide, guarantee all the way, {P} on arrival. DM only {H}",
        "European passport and visa ready in {N} days, top quality, passes airport checks, {P}. Telegram {H}",
        "Trusted agent, every week we take people from {A} to {B}, not a dinghy, a real boat. {P} call {PH}",
        "Brothers the {A} {B} road is open, you pay when you arrive, good car. {P} {PH}",
        "Discount for families: {A} to {B} in a lorry, kids half price, {P} per person, money held at the office. {PH}",
        "Fake ID and passport with entry stamp, clean work guaranteed, {P}. WhatsApp {PH}",
        "{N} seats left for the trip from {A} to {B}, price {P}, arrival guaranteed. Message me {H}",
        "Sea trip to {B}, fast boat, {N} hours, {P}, you pay once you land. {PH}",
        "{B} residence permit and refugee card for those who want to get across, {P}. Private {H} or {PH}",
        "Safe transit {A} → {B} with local guide, money kept with the exchange shop, full guarantee. {P} {PH}",
        "From {A} to {B} by taxi then on foot, no risk, 100% guaranteed, only {P}. Call {PH}",
        "For people who want to reach {B}, air route on someone else's passport, {P}, arrive first then pay. {H}",
    ],
    negative=[
        ("ngo_warning", "Warning: smugglers are asking {P} and promising a \"guaranteed\" crossing from {A} to {B}. Do not believe them, the boats are overcrowded. Free legal advice: {PH}"),
        ("ngo_warning", "Beware of posts saying \"pay after arrival\" - it is a smugglers' trick. For legal asylum routes, contact our charity helpline {PH}"),
        ("arrest_news", "Police dismantle people-smuggling gang moving migrants from {A} to {B}; {N} suspects arrested. Each migrant paid {P}, investigators said."),
        ("arrest_news", "Court in {B} jails smuggler for {N} years after boat that left {A} sank; he charged {P} per passenger."),
        ("travel_agency", "ABTA licensed travel agency: return flights {A} - {B} from {P}, hotel booking and travel insurance. {PH}"),
        ("travel_agency", "Umrah packages this season, comfortable coaches and hotels near the Haram, {P} per person. Our office in {A} {PH}"),
        ("job_ad", "HGV driver wanted for the {A} - {B} route, Class 1 licence, salary {P} per month. {PH}"),
        ("job_ad", "Construction labourers needed in {A}, contract and insurance, pay {P}. Send CV to {H}"),
        ("ride_share", "Driving from {A} to {B} tomorrow, {N} free seats, fuel share {P}. {PH}"),
        ("ride_share", "Anyone going to {B} on Friday? Let's split petrol from {A}, {P} each. {PH}"),
        ("boat_rental", "Skippered boat hire in {A}, coastal tours and fishing, half day {P}, great for families. {PH}"),
        ("boat_rental", "For sale: 6 m fibreglass fishing boat with outboard, {P} or near offer. {A} {PH}"),
        ("asking_news", "My brother left {A} for {B} {N} days ago and is not answering, does anyone have news? My number {PH}"),
        ("asking_news", "Does anyone know if the {A} - {B} road is closed these days? No news from my family stuck there."),
        ("other", "Thank God my friend arrived safely in {B}, the road from {A} was very hard. Pray for the others."),
    ],
)

# ---------------------------------------------------------------- Spanish
LANGS["es"] = dict(
    digits=(0.0, None),
    cc=["+34", "+212", "+222", "+221", "0034", "0"],
    routes=[("Nador", "Almería"), ("Tánger", "Tarifa"), ("Dajla", "Canarias"), ("Nuadibú", "Canarias"), ("Marruecos", "España"),
            ("Alhucemas", "Motril"), ("Castillejos", "Ceuta"), ("Argelia", "Almería"), ("Dakar", "Tenerife"), ("Agadir", "Lanzarote"),
            ("Tapachula", "Estados Unidos"), ("Necoclí", "Panamá")],
    price=["{n} euros", "{n} €", "{n}€", "{n} dirhams", "{n} dólares", "${n}"],
    amounts=["800", "1500", "2000", "2500", "3000", "3500", "4000", "5000", "6000", "7000", "1.200", "2.500"],
    offer=[
        "Viaje de {A} a {B} en lancha grande, garantizado, pago después de llegar. Precio {P}. Contacto WhatsApp {PH}",
        "La ruta {A} - {B} está abierta, en coche y luego {N} horas caminando, el dinero queda en depósito con un intermediario. {P} {H}",
        "Ir a {B} sin visado, tenemos guía, garantía hasta el final, {P} al llegar. Solo por privado {H}",
        "Pasaporte y visado europeo listos en {N} días, alta calidad, pasa en el aeropuerto, {P}. Telegram {H}",
        "Patrón de confianza, cada semana cruzamos gente de {A} a {B}, no es patera, es una buena lancha. {P} contacto {PH}",
        "Hermanos la ruta {A} {B} está abierta, pagáis cuando lleguéis, buen coche. {P} {PH}",
        "Descuento para familias: {A} hasta {B} en camión, niños mitad de precio, {P} por persona, dinero guardado en la oficina. {PH}",
        "Papeles falsos, DNI y pasaporte con sello de entrada, trabajo limpio y garantizado, {P}. WhatsApp {PH}",
        "Quedan {N} plazas para la salida de {A} a {B}, precio {P}, llegada garantizada. Escríbeme {H}",
        "Cruce por mar a {B}, lancha rápida, {N} horas, {P}, pagas cuando llegas. {PH}",
        "Residencia y tarjeta de refugiado de {B} para los que quieren pasar, {P}. Privado {H} o {PH}",
        "Tránsito seguro {A} → {B} con guía local, dinero en depósito con el cambista, garantía total. {P} {PH}",
        "De {A} a {B} en taxi y luego a pie, sin riesgo, garantizado al cien por cien, solo {P}. Llama {PH}",
        "Para quien quiera llegar a {B}, vía aérea con el pasaporte de otro, {P}, primero llegas y luego pagas. {H}",
    ],
    negative=[
        ("ngo_warning", "Aviso: los traficantes piden {P} y prometen un viaje \"garantizado\" de {A} a {B}. No les creáis, las pateras van sobrecargadas. Asesoría jurídica gratuita: {PH}"),
        ("ngo_warning", "Cuidado con los anuncios de \"pago al llegar\": es un engaño de las mafias. Para vías legales de asilo, contacta con nuestra asociación {PH}"),
        ("arrest_news", "La Guardia Civil desarticula una red que trasladaba migrantes de {A} a {B}; {N} detenidos. Cada migrante pagaba {P}, según la investigación."),
        ("arrest_news", "La Audiencia de {B} condena a {N} años de cárcel al patrón de una patera que salió de {A}; cobró {P} a cada pasajero."),
        ("travel_agency", "Agencia de viajes con licencia: vuelos {A} - {B} ida y vuelta {P}, reserva de hotel y seguro de viaje. {PH}"),
        ("travel_agency", "Paquetes de peregrinación esta temporada, autobuses cómodos y hoteles cercanos, {P} por persona. Nuestra oficina en {A} {PH}"),
        ("job_ad", "Se busca conductor de camión con carné C+E para la ruta {A} - {B}, sueldo {P} al mes. {PH}"),
        ("job_ad", "Empresa de construcción en {A} busca peones, contrato y alta en la Seguridad Social, sueldo {P}. CV a {H}"),
        ("ride_share", "Mañana voy en coche de {A} a {B}, me quedan {N} plazas, gastos de gasolina {P}. {PH}"),
        ("ride_share", "¿Alguien va a {B} el viernes? Compartimos gasolina desde {A}, {P} por persona. {PH}"),
        ("boat_rental", "Alquiler de barco con patrón en {A}, paseo por la costa y pesca, media jornada {P}, ideal para familias. {PH}"),
        ("boat_rental", "Se vende barca de pesca de 6 metros con motor fueraborda, {P} negociables. {A} {PH}"),
        ("asking_news", "Mi hermano salió de {A} hacia {B} hace {N} días y no contesta, ¿alguien sabe algo? Mi número {PH}"),
        ("asking_news", "¿Alguien sabe si la ruta {A} - {B} está cerrada estos días? No tengo noticias de mi familia atrapada allí."),
        ("other", "Gracias a Dios mi amigo llegó bien a {B}, el camino desde {A} fue muy duro. Rezad por los demás."),
    ],
)

HANDLES = ["@safe_trip", "@bahr_travel", "@road_2eu", "t.me/euro_line", "@musafir77", "@green_way", "t.me/bridge_go",
           "@kapitan_x", "wa.me/", "@yol_rehber", "@passeur_sur", "t.me/lanza_ok", "@dunki_pk", "@rahe_omid"]
DECOR = ["", "", "", "🔥 ", "✅ ", "‼️ ", "📢 "]
DECOR_END = ["", "", "", " 🙏", " ✅", " 💯", " 🇪🇺"]
TEST_SHARE = 0.25


def phone(rng, lang):
    spec = LANGS[lang]
    cc = rng.choice(spec["cc"])
    body = "".join(rng.choice("0123456789") for _ in range(9))
    body = str(rng.choice("3456789")) + body[1:]
    style = rng.randrange(4)
    if cc == "0":
        s = "0" + body[:3] + rng.choice([" ", "", "-"]) + body[3:6] + rng.choice([" ", ""]) + body[6:]
    elif style == 0:
        s = f"{cc} {body[:3]} {body[3:6]} {body[6:]}"
    elif style == 1:
        s = f"{cc}{body}"
    elif style == 2:
        s = f"{cc}-{body[:3]}-{body[3:]}"
    else:
        s = f"{cc} ({body[:3]}) {body[3:6]}-{body[6:]}"
    prob, table = spec["digits"]
    if table and rng.random() < prob:
        s = to_script(s, table)
    return s


def handle(rng):
    h = rng.choice(HANDLES)
    if h == "wa.me/":
        h += "".join(rng.choice("0123456789") for _ in range(11))
    elif rng.random() < 0.5:
        h += str(rng.randrange(10, 99))
    return h


def fill(rng, lang, template):
    spec = LANGS[lang]
    a, b = rng.choice(spec["routes"])
    amount = rng.choice(spec["amounts"])
    prob, table = spec["digits"]
    if table and rng.random() < prob:
        amount = to_script(amount, table)
    price = rng.choice(spec["price"]).replace("{n}", amount)
    n = str(rng.randrange(2, 12))
    if table and rng.random() < prob:
        n = to_script(n, table)
    text = (template.replace("{A}", a).replace("{B}", b).replace("{P}", price).replace("{N}", n)
            .replace("{PH}", phone(rng, lang)).replace("{H}", handle(rng)))
    if "{" in text:
        raise SystemExit(f"unfilled slot in {lang}: {template}")
    return rng.choice(DECOR) + text + rng.choice(DECOR_END)


def main():
    rng = random.Random(7)
    rows = []
    per_template = {"offer": 5, "other": 4}
    for lang, spec in LANGS.items():
        groups = {"offer": [("-", t) for t in spec["offer"]], "other": list(spec["negative"])}
        for label, templates in groups.items():
            idx = list(range(len(templates)))
            rng.shuffle(idx)
            n_test = round(len(templates) * TEST_SHARE)
            test = set(idx[:n_test])
            for ti, (kind, template) in enumerate(templates):
                seen = set()
                made = 0
                while made < per_template[label]:
                    text = fill(rng, lang, template)
                    if text in seen:
                        continue
                    seen.add(text)
                    made += 1
                    rows.append((lang, label, kind, "test" if ti in test else "train", text))
    print("id\tlang\tlabel\tkind\tsplit\ttext")
    for i, (lang, label, kind, split, text) in enumerate(rows, 1):
        assert "\t" not in text and "\n" not in text
        print(f"p{i:05d}\t{lang}\t{label}\t{kind}\t{split}\t{text}")


if __name__ == "__main__":
    main()
