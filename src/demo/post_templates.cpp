// The fragments below were written for this demo; none is copied from a real post. They
// imitate the register of each language as it is written online: Libyan and Sudanese
// colloquial Arabic next to standard Arabic, Dari and Pashto in Persian digits, Sorani
// Kurdish, Urdu, Turkish, French, English and Spanish.
#include "demo/post_templates.hpp"

namespace corridor::demo {

namespace {

using DS = DigitScript;

LanguagePack arabic() {
  LanguagePack p;
  p.code = "ar";
  p.route = "LY-IT";
  p.openers = {"🚤 رحلات مضمونة لإيطاليا 🇮🇹", "طلعات بحرية جديدة", "يا جماعة في طلعة قريب إن شاء الله",
               "فرصة ما تتعوضش 👌", "عندنا رحلة الأسبوع الجاي", "يا شباب الرحلة جاهزة", "زول داير يمشي إيطاليا؟",
               "حجز مفتوح للرحلة الجاية", "اللي يبي يطلع يكلمني توا"};
  p.routes = {"من زوارة إلى لامبيدوزا", "من صبراتة لصقلية", "طرابلس - لامبيدوزا مباشرة", "من الزاوية لإيطاليا",
              "من الكفرة لطرابلس بالعربية وبعدين البحر", "من الخرطوم للكفرة ومنها لزوارة", "من بنغازي لإيطاليا"};
  p.boats = {"مركب كبير مش زودياك", "باخرة صيد كبيرة وبعدين قوارب صغيرة قريب من الجزيرة", "زودياك جديد بمحرك ياماها ٤٠",
             "قارب خشب مع سترات نجاة للكل", "فلوكة ٢٠ متر، العدد محدود"};
  p.prices = {"السعر {price}", "الكلفة {price} للشخص", "الحق {price} بس", "السعر {price} للنفر، الأطفال نص السعر",
              "{price} شامل الأكل والمية"};
  p.pay_terms = {"الدفع بعد الوصول ✅", "الفلوس عند مكتب الحوالة لين توصل", "ضمان عند الحاج، ما تدفع إلا لما توصل",
                 "نص المبلغ مقدم والباقي بعد الوصول", "التحويل حوالة أو USDT", "المبلغ أمانة عند صراف مضمون"};
  p.contacts = {"للتواصل واتساب {phone}", "كلمني على {phone}", "تيليجرام @{handle}", "التواصل خاص أو على الرقم {phone}",
                "رقم الوكيل: {phone}", "واتساب وفايبر {phone} أو تيليجرام @{handle}"};
  p.closers = {"الأماكن محدودة", "العائلات مرحب بهم", "مضمون ١٠٠٪", "ربي يسهل 🤲", "الطقس زين الأسبوع هذا", ""};
  p.currencies = {"{n} يورو", "{n}€", "{n} دولار", "{n} أورو", "{n} $"};
  p.scripts = {DS::kAscii, DS::kAscii, DS::kArabicIndic};
  p.negatives = {
      {"ngo_warning", "⚠️ تحذير: لا تصدقوا إعلانات الرحلات البحرية. في {date} فُقد أكثر من {n} شخص قبالة {city}. إذا كنت في خطر في البحر اتصل بخط الطوارئ {phone}"},
      {"ngo_warning", "رسالة للأهالي: المهربين يقولوا الدفع بعد الوصول لكن الحقيقة الناس تموت في البحر. احموا أولادكم. للمساعدة {phone}"},
      {"arrest_news", "القبض على عصابة للهجرة غير الشرعية في {city} وضبط {n} قوارب ومبلغ {price} لدى المتهمين"},
      {"arrest_news", "جهاز مكافحة الهجرة: إحباط محاولة هجرة من شاطئ {city} وإنقاذ {n} مهاجر بينهم نساء وأطفال"},
      {"travel_agency", "وكالة {agency} للسفر والسياحة: تذاكر طيران طرابلس - إسطنبول بسعر {price}، حجز فنادق وتأشيرات عمرة. هاتف {phone}"},
      {"job_ad", "مطلوب عمال بناء في {city}، الراتب {lyd} دينار شهرياً مع السكن. للتواصل {phone}"},
      {"ride_share", "في سيارة طالعة من {city} لـ{city2} بكرة الصبح، في مكانين فاضيين، {lyd} دينار للنفر. {phone}"},
      {"boat_rental", "للإيجار قارب نزهة في {city} للرحلات العائلية والصيد، {lyd} دينار لليوم مع السائق. {phone}"},
      {"asking_news", "يا جماعة في أي أخبار عن المركب اللي طلع من {city} يوم {date}؟ أخوي {name} كان فيه وما عندنا أي خبر 💔"},
      {"asking_news", "الله يخليكم اللي عنده خبر عن {name} وصل إيطاليا ولا لا يتواصل معانا على {phone}"},
      {"ngo_warning", "المفوضية: مكتب التسجيل في {city} مغلق يوم {date}. للاستفسار اتصل على {phone} (مجاني)"},
  };
  p.cities = {"زوارة", "صبراتة", "الزاوية", "طرابلس", "مصراتة", "بنغازي", "الخمس", "القره بوللي"};
  p.groups = {"المهاجرين في ليبيا", "أخبار الهجرة - طرابلس", "سودانيين في ليبيا", "سوق زوارة", "Libya Travel Info"};
  p.phone_countries = {"LY", "LY", "TN", "EG", "SD"};
  return p;
}

LanguagePack english() {
  LanguagePack p;
  p.code = "en";
  p.route = "LY-IT";
  p.openers = {"🇮🇹 Boats to Italy this week", "GOOD NEWS for brothers in Tripoli", "New trip ready, few places left",
               "Safe crossing, we have done it many times", "Want to reach Europe? 🙏"};
  p.routes = {"Zuwara to Lampedusa", "Sabratha ➡️ Sicily", "Tripoli to Italy direct", "from Kufra to Tripoli then sea",
              "Benghazi → Italy, big ship"};
  p.boats = {"Big fishing boat, not rubber", "Wooden boat, life jackets for everybody", "Big ship then small boats near Lampedusa",
             "New zodiac with 2 engines"};
  p.prices = {"Price {price}", "{price} per person", "Only {price}, children half", "Cost {price} all inclusive"};
  p.pay_terms = {"Pay after arrival ✅", "Money stays with the hawala until you reach Lampedusa", "Half now half when you arrive",
                 "Guarantee with our agent in Milano, you pay only when you arrive", "We accept USDT"};
  p.contacts = {"WhatsApp {phone}", "Call {phone}", "Telegram @{handle}", "inbox or WhatsApp {phone}",
                "Contact our agent {phone} / @{handle}"};
  p.closers = {"God bless 🙏", "Families welcome", "100% sure", "Don't miss it", ""};
  p.currencies = {"€{n}", "{n} EUR", "${n}", "{n} euro", "{n} dollars"};
  p.scripts = {DS::kAscii};
  p.negatives = {
      {"ngo_warning", "WARNING ⚠️ Smugglers promise 'pay after arrival' but {n} people drowned off {city} on {date}. If you are in distress at sea call {phone}"},
      {"arrest_news", "Police in {city} arrest {n} suspected smugglers after a boat carrying migrants was intercepted; cash worth {price} seized"},
      {"travel_agency", "{agency} Travel: cheap flights Lagos - Tripoli - Istanbul from {price}. Visa assistance. Call {phone}"},
      {"job_ad", "Farm workers needed in {city}, seasonal contract, {price}/month, accommodation provided. Apply {phone}"},
      {"ride_share", "Car leaving {city} to {city2} tomorrow morning, 2 seats left, {lyd} each. {phone}"},
      {"boat_rental", "Boat hire in {city} ⛵ half-day trips, fishing and snorkelling, {price}. Book on {phone}"},
      {"asking_news", "Please anyone with news of the boat that left {city} on {date}? My cousin {name} was on it, no news since 😢"},
      {"asking_news", "Has anyone arrived in Lampedusa this week? Looking for {name} from Benin City, please share"},
      {"ngo_warning", "Free legal advice for asylum seekers in {city} every Tuesday. No payment is ever needed. Hotline {phone}"},
  };
  p.cities = {"Catania", "Lampedusa", "Tripoli", "Zuwara", "Foggia", "Agrigento", "Sabratha", "Valletta"};
  p.groups = {"Nigerians in Libya", "Africans in Italy Info", "Lampedusa News", "Migrants Help Desk"};
  p.phone_countries = {"IT", "NG", "LY"};
  return p;
}

LanguagePack french() {
  LanguagePack p;
  p.code = "fr";
  p.route = "LY-IT";
  p.openers = {"🇮🇹 Départ pour l'Italie cette semaine", "Nouveau voyage, places limitées", "Mes frères, le bateau est prêt",
               "Passage sûr vers l'Europe"};
  p.routes = {"depuis Zouara vers Lampedusa", "Sabratha – Sicile", "Tripoli direct Italie", "Agadez – Sabha – Tripoli puis la mer"};
  p.boats = {"Grand bateau de pêche, pas de zodiac", "Bateau en bois, gilets fournis", "Gros bateau puis petits bateaux près de l'île"};
  p.prices = {"Prix {price}", "{price} par personne", "Seulement {price}", "Tarif {price} tout compris"};
  p.pay_terms = {"Paiement après l'arrivée ✅", "L'argent reste chez le hawala jusqu'à l'arrivée", "Moitié maintenant, le reste à l'arrivée",
                 "Garantie chez notre agent à Milan"};
  p.contacts = {"Contact WhatsApp {phone}", "Appelez {phone}", "Telegram @{handle}", "Écrivez en privé ou au {phone}"};
  p.closers = {"Que Dieu nous protège", "Familles bienvenues", "Ne ratez pas", ""};
  p.currencies = {"{n}€", "{n} euros", "{n} dollars", "{n} EUR"};
  p.scripts = {DS::kAscii};
  p.negatives = {
      {"ngo_warning", "Attention aux passeurs ! {n} personnes ont disparu au large de {city} le {date}. En détresse en mer, appelez le {phone}"},
      {"arrest_news", "Arrestation de {n} passeurs présumés à {city}, {price} saisis par la police"},
      {"travel_agency", "Agence {agency} : billets Bamako – Tunis à partir de {price}, visas et hôtels. Tél {phone}"},
      {"job_ad", "Offre d'emploi : ouvriers agricoles à {city}, contrat saisonnier, {price} par mois. Contact {phone}"},
      {"ride_share", "Covoiturage {city} – {city2} demain matin, 3 places, {lyd} par personne. {phone}"},
      {"boat_rental", "Location de bateau de pêche à {city}, sortie à la journée {price}, avec pilote. {phone}"},
      {"asking_news", "Quelqu'un a des nouvelles du bateau parti de {city} le {date} ? Mon frère {name} était dedans 🙏"},
  };
  p.cities = {"Agadez", "Sfax", "Tripoli", "Lampedusa", "Niamey", "Zouara", "Sabratha"};
  p.groups = {"Maliens de Libye", "Aventuriers Infos", "Communauté guinéenne en Italie"};
  p.phone_countries = {"TN", "NE", "IT"};
  return p;
}

LanguagePack dari() {
  LanguagePack p;
  p.code = "fa";
  p.route = "TR-IT";
  p.openers = {"🔴 حرکت جدید به ایتالیا", "رفقا، سفر این هفته", "سفر مطمئن به اروپا", "جای محدود، زود تماس بگیرید"};
  p.routes = {"از ترکیه به ایتالیا با کشتی بادبانی (یات)", "از ازمیر به کالابریا", "از ایران به ترکیه از راه وان",
              "از لیبی به ایتالیا با کشتی بزرگ"};
  p.boats = {"یات تمیز، ظرفیت کم", "کشتی بزرگ، جلیقه نجات برای همه", "قایق بادبانی با کاپیتان با تجربه"};
  p.prices = {"قیمت {price}", "{price} برای هر نفر", "فقط {price}", "کرایه {price}"};
  p.pay_terms = {"پول نزد صراف امانت تا رسیدن", "پرداخت بعد از رسیدن", "نصف اول، نصف بعد از رسیدن", "ضمانت نزد صراف در استانبول"};
  p.contacts = {"تماس واتساپ {phone}", "شماره {phone}", "تلگرام @{handle}", "پیام خصوصی یا {phone}"};
  p.closers = {"خدا نگهدار", "خانواده‌ها هم قبول", "۱۰۰٪ تضمینی", ""};
  p.currencies = {"{n} یورو", "{n} دلار", "{n}€"};
  p.scripts = {DS::kPersian, DS::kPersian, DS::kAscii};
  p.negatives = {
      {"ngo_warning", "هشدار: به قاچاقبرها اعتماد نکنید. در {date} بیش از {n} نفر در دریا نزدیک {city} جان باختند. در خطر با {phone} تماس بگیرید"},
      {"arrest_news", "پولیس در {city} {n} قاچاقچی را دستگیر کرد و {price} پول نقد ضبط شد"},
      {"travel_agency", "آژانس مسافرتی {agency}: بلیت کابل - استانبول از {price}، ویزه و هوتل. تماس {phone}"},
      {"job_ad", "به کارگر ساختمانی در {city} نیاز است، معاش {price} در ماه. تماس {phone}"},
      {"ride_share", "موتر از {city} به {city2} فردا صبح، دو جای خالی، {lyd} برای هر نفر. {phone}"},
      {"asking_news", "کسی از برادرم {name} خبر دارد؟ از {city} در {date} حرکت کرد و دیگر خبری نیست 💔"},
  };
  p.cities = {"وان", "استانبول", "ازمیر", "هرات", "کابل", "تهران", "کالابریا"};
  p.groups = {"مهاجرین افغان در ترکیه", "اخبار مهاجرت", "افغان‌های ایتالیا"};
  p.phone_countries = {"TR", "IR", "AF"};
  return p;
}

LanguagePack pashto() {
  LanguagePack p;
  p.code = "ps";
  p.route = "TR-IT";
  p.openers = {"ایټالیا ته نوی سفر", "ورونو، دا اونۍ سفر دی", "اروپا ته باوري سفر"};
  p.routes = {"له ترکیې څخه ایټالیا ته په بادباني کښتۍ", "له ازمیر څخه کالابریا ته", "له ایران څخه ترکیې ته"};
  p.boats = {"لویه کښتۍ، د ژغورنې جاکټونه شته", "پاکه یاټ، لږ خلک"};
  p.prices = {"بیه {price}", "{price} یو کس", "یوازې {price}"};
  p.pay_terms = {"پیسې د صراف سره امانت تر رسیدو پورې", "تادیه وروسته له رسیدو", "نیمایي اوس، نیمایي وروسته"};
  p.contacts = {"اړیکه: {phone}", "واټساپ {phone}", "ټیلیګرام @{handle}"};
  p.closers = {"الله دې مل شي", "کورنۍ هم منل کیږي", ""};
  p.currencies = {"{n} یورو", "{n} ډالر"};
  p.scripts = {DS::kPersian, DS::kAscii};
  p.negatives = {
      {"ngo_warning", "خبرتیا: قاچاقبرو ته باور مه کوئ. په {date} د {city} سره نږدې {n} کسان ډوب شول. مرستې لپاره {phone}"},
      {"arrest_news", "پولیسو په {city} کې {n} قاچاقبر ونیول او {price} نغدې پیسې یې ترلاسه کړې"},
      {"job_ad", "په {city} کې کارګرو ته اړتیا ده، معاش {price} په میاشت کې. اړیکه {phone}"},
      {"asking_news", "زما ورور {name} د {date} په ورځ له {city} څخه روان شو، هیڅ خبر نشته. که څوک خبر لري {phone}"},
  };
  p.cities = {"ننګرهار", "کابل", "استانبول", "وان", "ازمیر"};
  p.groups = {"پښتانه په ترکیه کې", "د مهاجرینو خبرونه"};
  p.phone_countries = {"AF", "TR"};
  return p;
}

LanguagePack kurdish() {
  LanguagePack p;
  p.code = "ku";
  p.route = "TR-IT";
  p.openers = {"گەشتی نوێ بۆ ئیتاڵیا", "هاوڕێیان، گەشت ئەم هەفتەیە", "گەشتی دڵنیا بۆ ئەوروپا"};
  p.routes = {"لە تورکیاوە بۆ ئیتاڵیا بە یەخت", "لە ئیزمیرەوە بۆ کالابریا", "لە بۆدرومەوە بۆ ئیتاڵیا"};
  p.boats = {"یەختی پاک، ژمارەی کەم", "کەشتی گەورە، جلێتی ڕزگاربوون بۆ هەمووان"};
  p.prices = {"نرخ {price}", "{price} بۆ هەر کەسێک", "تەنها {price}"};
  p.pay_terms = {"پارە لای سەڕاف دەمێنێتەوە تا دەگەیت", "پارەدان دوای گەیشتن", "نیوەی ئێستا، نیوەی دوای گەیشتن"};
  p.contacts = {"پەیوەندی: {phone}", "واتساپ {phone}", "تێلێگرام @{handle}"};
  p.closers = {"خوا لەگەڵتان بێت", "خێزان وەردەگیرێت", ""};
  p.currencies = {"{n} یۆرۆ", "{n} دۆلار"};
  p.scripts = {DS::kArabicIndic, DS::kAscii};
  p.negatives = {
      {"ngo_warning", "ئاگاداری: متمانە بە قاچاخچییەکان مەکەن. لە {date} {n} کەس لە نزیک {city} خنکان. بۆ یارمەتی {phone}"},
      {"arrest_news", "پۆلیس لە {city} {n} قاچاخچی دەستگیر کرد"},
      {"job_ad", "پێویستمان بە کرێکارە لە {city}، مووچە {price} مانگانە. پەیوەندی {phone}"},
      {"asking_news", "کەس هەواڵی {name}ی هەیە؟ لە {date} لە {city}ەوە ڕۆیشت و هیچ هەواڵێکمان نییە"},
  };
  p.cities = {"هەولێر", "سلێمانی", "ئیزمیر", "بۆدروم", "کالابریا"};
  p.groups = {"کوردانی ئەوروپا", "هەواڵی کۆچبەران"};
  p.phone_countries = {"TR", "IT"};
  return p;
}

LanguagePack urdu() {
  LanguagePack p;
  p.code = "ur";
  p.route = "LY-IT";
  p.openers = {"اٹلی کے لیے نیا سفر 🇮🇹", "بھائیو، اس ہفتے روانگی", "یورپ کا یقینی راستہ"};
  p.routes = {"لیبیا سے اٹلی کشتی کے ذریعے", "دبئی سے بن غازی، پھر اٹلی", "زوارہ سے لیمپیڈوسا"};
  p.boats = {"بڑی کشتی، سب کے لیے لائف جیکٹ", "لکڑی کی کشتی، کم لوگ"};
  p.prices = {"قیمت {price}", "{price} فی بندہ", "صرف {price}", "پیکج {price} ویزا اور ٹکٹ سمیت"};
  p.pay_terms = {"ادائیگی پہنچنے کے بعد", "رقم حوالہ والے کے پاس امانت", "آدھی ابھی، آدھی پہنچ کر"};
  p.contacts = {"رابطہ واٹس ایپ {phone}", "کال کریں {phone}", "ٹیلیگرام @{handle}"};
  p.closers = {"اللہ حافظ", "فیملی بھی", ""};
  p.currencies = {"{n} یورو", "{n} ڈالر", "{n}€"};
  p.scripts = {DS::kPersian, DS::kAscii, DS::kAscii};
  p.negatives = {
      {"ngo_warning", "خبردار: انسانی اسمگلروں سے ہوشیار رہیں۔ {date} کو {city} کے قریب {n} افراد ڈوب گئے۔ مدد کے لیے {phone}"},
      {"arrest_news", "ایف آئی اے نے {city} میں انسانی اسمگلنگ میں ملوث {n} ایجنٹ گرفتار کر لیے"},
      {"travel_agency", "{agency} ٹریول: عمرہ پیکج {price}، لاہور سے جدہ۔ رابطہ {phone}"},
      {"job_ad", "{city} میں ڈرائیور کی ضرورت، تنخواہ {price}۔ رابطہ {phone}"},
      {"asking_news", "میرے بھائی {name} کی کوئی خبر؟ {date} کو {city} سے نکلا تھا"},
  };
  p.cities = {"گجرات", "سیالکوٹ", "لاہور", "بن غازی", "طرابلس"};
  p.groups = {"پاکستانی لیبیا میں", "اٹلی میں پاکستانی"};
  p.phone_countries = {"PK", "LY"};
  return p;
}

LanguagePack turkish() {
  LanguagePack p;
  p.code = "tr";
  p.route = "TR-IT";
  p.openers = {"İtalya'ya garantili geçiş 🇮🇹", "Bu hafta yeni sefer", "Avrupa'ya güvenli yol", "Son yerler!"};
  p.routes = {"İzmir'den Kalabriya'ya yelkenli ile", "Bodrum - İtalya yat ile", "Çeşme'den İtalya'ya direkt"};
  p.boats = {"Temiz yat, az kişi", "Büyük tekne, herkese can yeleği", "Deneyimli kaptan"};
  p.prices = {"Fiyat {price}", "Kişi başı {price}", "Sadece {price}"};
  p.pay_terms = {"Ödeme varınca", "Para sarrafta emanet, varınca ödenir", "Yarısı şimdi, yarısı varınca"};
  p.contacts = {"İletişim WhatsApp {phone}", "Arayın {phone}", "Telegram @{handle}"};
  p.closers = {"Allah yardımcımız olsun", "Aileler kabul", ""};
  p.currencies = {"{n} Euro", "{n}€", "{n} dolar"};
  p.scripts = {DS::kAscii};
  p.negatives = {
      {"arrest_news", "Sahil Güvenlik {city} açıklarında {n} düzensiz göçmen yakaladı, {n} organizatör gözaltına alındı"},
      {"travel_agency", "{agency} Turizm: İstanbul - Trablus uçak bileti {price}. Bilgi {phone}"},
      {"job_ad", "{city}'da tekstil atölyesine eleman aranıyor, maaş {price}. {phone}"},
      {"ride_share", "Yarın sabah {city} - {city2} arası araçta 2 kişilik yer var, kişi başı {lyd} TL. {phone}"},
      {"boat_rental", "{city}'da günlük tekne kiralama, {price}, kaptanlı. Rezervasyon {phone}"},
      {"ngo_warning", "Göçmenler için ücretsiz hukuki danışmanlık, {city}. Hiçbir ücret talep edilmez. {phone}"},
  };
  p.cities = {"İzmir", "Bodrum", "Çeşme", "Ayvalık", "İstanbul", "Van"};
  p.groups = {"Göç Haberleri", "İzmir İlanlar", "Ege Tekne Kiralama"};
  p.phone_countries = {"TR"};
  return p;
}

LanguagePack spanish() {
  LanguagePack p;
  p.code = "es";
  p.route = "MA-ES";
  p.openers = {"Viajes a España esta semana 🇪🇸", "Nueva salida, pocas plazas", "Paso seguro a Europa"};
  p.routes = {"de Nador a Almería", "de Tánger a Tarifa en lancha", "de Argelia a Murcia"};
  p.boats = {"Lancha rápida, motor nuevo", "Barca grande con chalecos"};
  p.prices = {"Precio {price}", "{price} por persona", "Solo {price}"};
  p.pay_terms = {"Pago al llegar", "El dinero queda con el intermediario hasta llegar", "Mitad ahora, mitad al llegar"};
  p.contacts = {"WhatsApp {phone}", "Llama al {phone}", "Telegram @{handle}"};
  p.closers = {"Dios nos proteja", "Familias bienvenidas", ""};
  p.currencies = {"{n} €", "{n} euros"};
  p.scripts = {DS::kAscii};
  p.negatives = {
      {"arrest_news", "La Guardia Civil detiene en {city} a {n} presuntos patrones de pateras"},
      {"ngo_warning", "Salvamento Marítimo rescata a {n} personas al sur de {city}. Emergencias en el mar: {phone}"},
      {"travel_agency", "Viajes {agency}: ferry Almería – Nador desde {price}. Reservas {phone}"},
      {"job_ad", "Se buscan jornaleros para los invernaderos de {city}, {price} al mes. {phone}"},
      {"boat_rental", "Alquiler de barcos en {city}, medio día {price}, con patrón. {phone}"},
      {"asking_news", "¿Alguien sabe algo de la patera que salió de {city} el {date}? Mi primo {name} iba en ella"},
  };
  p.cities = {"Almería", "Motril", "Nador", "Tarifa", "Cartagena"};
  p.groups = {"Noticias Migración", "Anuncios Almería"};
  p.phone_countries = {"ES", "MA"};
  return p;
}

}  // namespace

const std::vector<LanguagePack>& language_packs() {
  static const std::vector<LanguagePack> packs = {arabic(), dari(),    pashto(),  kurdish(), urdu(),
                                                  turkish(), french(), english(), spanish()};
  return packs;
}

}  // namespace corridor::demo
