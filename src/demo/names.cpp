// Name pools. Each entry pairs a Latin transliteration with the native spelling where the
// community writes in another script, so chats can show either, as real exports do.
#include "demo/names.hpp"

#include <vector>

namespace corridor::demo {

namespace {

struct N {
  std::string_view latin, native;
};

struct Pool {
  std::string_view community;
  std::vector<N> male, female, family;
};

const std::vector<Pool>& pools() {
  static const std::vector<Pool> p = {
      {"ly",
       {{"Faraj", "فرج"}, {"Mabrouk", "مبروك"}, {"Nouri", "نوري"}, {"Abdelsalam", "عبد السلام"}, {"Khalifa", "خليفة"},
        {"Anwar", "أنور"}, {"Tarek", "طارق"}, {"Hamza", "حمزة"}, {"Walid", "وليد"}, {"Salem", "سالم"},
        {"Ayoub", "أيوب"}, {"Muftah", "مفتاح"}, {"Abdelbaset", "عبد الباسط"}, {"Ramadan", "رمضان"}},
       {{"Fatima", "فاطمة"}, {"Hanan", "حنان"}, {"Naima", "نعيمة"}},
       {{"Bukhatwa", "بوخطوة"}, {"Benhmeida", "بن حميدة"}, {"Elfitouri", "الفيتوري"}, {"Ezzarugh", "الزروق"},
        {"Elmehdawi", "المهداوي"}, {"Aboulgasem", "أبو القاسم"}, {"Krayem", "كريّم"}, {"Benzaed", "بن زايد"},
        {"Elmarghani", "المرغني"}, {"Shattawi", "الشطاوي"}, {"Elhouni", "الهوني"}, {"Bouzeid", "بوزيد"}}},
      {"sd",
       {{"Osman", "عثمان"}, {"Babiker", "بابكر"}, {"Elsadig", "الصادق"}, {"Mohanad", "مهند"}, {"Hashim", "هاشم"},
        {"Abdelmoneim", "عبد المنعم"}, {"Yousif", "يوسف"}, {"Ismail", "إسماعيل"}, {"Mujtaba", "مجتبى"}, {"Awad", "عوض"}},
       {{"Ikhlas", "إخلاص"}, {"Sara", "سارة"}, {"Amna", "آمنة"}},
       {{"Elnour", "النور"}, {"Eltayeb", "الطيب"}, {"Abdalla", "عبدالله"}, {"Hamid", "حامد"}, {"Elamin", "الأمين"},
        {"Musa", "موسى"}, {"Adam", "آدم"}, {"Babikir", "بابكير"}, {"Elfaki", "الفكي"}}},
      {"it",
       {{"Salvatore", ""}, {"Giuseppe", ""}, {"Antonio", ""}, {"Carmelo", ""}, {"Luca", ""}, {"Vincenzo", ""}},
       {{"Rosaria", ""}, {"Giovanna", ""}},
       {{"Lo Presti", ""}, {"Caruso", ""}, {"Ferrara", ""}, {"Marino", ""}, {"Scuderi", ""}, {"Cannizzaro", ""}}},
      {"er",
       {{"Yonas", "ዮናስ"}, {"Dawit", "ዳዊት"}, {"Filmon", "ፊልሞን"}, {"Merhawi", "መርሃዊ"}, {"Abrham", "ኣብርሃም"},
        {"Yohannes", "ዮሃንስ"}, {"Samuel", "ሳሙኤል"}, {"Tesfalem", "ተስፋልደት"}},
       {{"Selam", "ሰላም"}, {"Semhar", "ሰምሃር"}, {"Helen", "ሄለን"}, {"Luwam", "ሉዋም"}},
       {{"Tesfamariam", "ተስፋማርያም"}, {"Haile", "ሃይለ"}, {"Gebremedhin", "ገብረመድህን"}, {"Woldu", "ወልዱ"},
        {"Asfaha", "ኣስፋሃ"}, {"Kahsay", "ካሕሳይ"}, {"Berhe", "በርሀ"}}},
      {"ng",
       {{"Chinedu", ""}, {"Emeka", ""}, {"Ifeanyi", ""}, {"Tunde", ""}, {"Oluwaseun", ""}, {"Musa", ""}},
       {{"Ngozi", ""}, {"Blessing", ""}, {"Aisha", ""}, {"Favour", ""}},
       {{"Okafor", ""}, {"Adeyemi", ""}, {"Eze", ""}, {"Ogunleye", ""}, {"Nwosu", ""}, {"Balogun", ""}, {"Ibekwe", ""}}},
      {"af",
       {{"Habibullah", "حبیب‌الله"}, {"Noorullah", "نورالله"}, {"Farid", "فرید"}, {"Wahid", "وحید"}, {"Sediq", "صدیق"},
        {"Jawad", "جواد"}, {"Mustafa", "مصطفی"}, {"Rahmatullah", "رحمت‌الله"}},
       {{"Mariam", "مریم"}, {"Zahra", "زهرا"}, {"Shabnam", "شبنم"}},
       {{"Rahimi", "رحیمی"}, {"Karimi", "کریمی"}, {"Sultani", "سلطانی"}, {"Hakimi", "حکیمی"}, {"Amiri", "امیری"},
        {"Sadat", "سادات"}, {"Nazari", "نظری"}}},
      {"pk",
       {{"Bilal", "بلال"}, {"Usman", "عثمان"}, {"Kashif", "کاشف"}, {"Asad", "اسد"}, {"Waqas", "وقاص"}},
       {{"Sana", "ثنا"}, {"Rabia", "رابعہ"}},
       {{"Chaudhry", "چوہدری"}, {"Qureshi", "قریشی"}, {"Anjum", "انجم"}, {"Malik", "ملک"}, {"Rana", "رانا"}}},
      {"kurd",
       {{"Rebin", "ڕێبین"}, {"Karwan", "کاروان"}, {"Shvan", "شڤان"}, {"Hawre", "هاوڕێ"}, {"Aram", "ئارام"}},
       {{"Dilan", "دیلان"}, {"Rojin", "ڕۆژین"}, {"Shilan", "شیلان"}},
       {{"Hama Amin", "حەمە ئەمین"}, {"Rashid", "ڕەشید"}, {"Kakayi", "کاکەیی"}, {"Qadir", "قادر"}, {"Mahmoud", "مەحمود"}}},
      {"sy",
       {{"Yamen", "يامن"}, {"Mazen", "مازن"}, {"Rami", "رامي"}, {"Ghaith", "غيث"}, {"Bashar", "بشار"}},
       {{"Lina", "لينا"}, {"Rasha", "رشا"}},
       {{"Haddad", "حداد"}, {"Khoury", "خوري"}, {"Nasser", "ناصر"}, {"Halabi", "الحلبي"}, {"Sabbagh", "صباغ"}}},
      {"eg",
       {{"Mahmoud", "محمود"}, {"Sherif", "شريف"}, {"Ahmed", "أحمد"}, {"Mostafa", "مصطفى"}, {"Karim", "كريم"}},
       {{"Nourhan", "نورهان"}, {"Heba", "هبة"}},
       {{"Abdelaziz", "عبد العزيز"}, {"Soliman", "سليمان"}, {"Fathy", "فتحي"}, {"Ragab", "رجب"}, {"Zaki", "زكي"}}},
      {"bd",
       {{"Rakib", "রাকিব"}, {"Sohel", "সোহেল"}, {"Mizanur", "মিজানুর"}, {"Arif", "আরিফ"}},
       {{"Nasrin", "নাসরিন"}},
       {{"Hossain", "হোসেন"}, {"Rahman", "রহমান"}, {"Uddin", "উদ্দিন"}, {"Sarkar", "সরকার"}}},
      {"tr",
       {{"Mehmet", ""}, {"Emre", ""}, {"Burak", ""}, {"Serkan", ""}, {"Hakan", ""}},
       {{"Elif", ""}, {"Zeynep", ""}},
       {{"Yılmaz", ""}, {"Kaya", ""}, {"Demir", ""}, {"Şahin", ""}, {"Aydın", ""}}},
      {"ma",
       {{"Youssef", ""}, {"Mehdi", ""}, {"Karim", ""}, {"Anas", ""}, {"Hicham", ""}},
       {{"Salma", ""}, {"Khadija", ""}},
       {{"El Idrissi", ""}, {"Benali", ""}, {"Ouazzani", ""}, {"Tahiri", ""}, {"Amrani", ""}}},
      {"ml",
       {{"Moussa", ""}, {"Boubacar", ""}, {"Seydou", ""}, {"Adama", ""}, {"Mamadou", ""}},
       {{"Aminata", ""}, {"Fatoumata", ""}},
       {{"Traoré", ""}, {"Coulibaly", ""}, {"Diarra", ""}, {"Keïta", ""}, {"Sangaré", ""}}},
  };
  return p;
}

const Pool& pool(std::string_view community) {
  for (const auto& p : pools())
    if (p.community == community) return p;
  return pools().front();
}

}  // namespace

PersonName make_name(Rng& rng, std::string_view community, bool female) {
  const Pool& p = pool(community);
  const N& g = rng.pick(female ? p.female : p.male);
  const N& f = rng.pick(p.family);
  PersonName out;
  out.given = std::string(g.latin);
  out.latin = std::string(g.latin) + " " + std::string(f.latin);
  out.native = g.native.empty() ? out.latin : std::string(g.native) + " " + std::string(f.native);
  return out;
}

std::string make_alias(Rng& rng, std::string_view community) {
  if (community == "it") {
    static const std::vector<std::string_view> a = {"u Zu", "Don Totò", "il Siciliano", "Melo", "il Ragioniere"};
    return std::string(rng.pick(a));
  }
  if (community == "er") {
    static const std::vector<std::string_view> a = {"Wedi Haile", "Abo Merhawi", "the Doctor", "Jigna"};
    return std::string(rng.pick(a));
  }
  static const std::vector<std::string_view> kids = {"Yasin", "Faris", "Omar", "Khaled", "Bakr", "Hassan", "Sufyan", "Zaid", "Anas"};
  static const std::vector<std::string_view> titles = {"il-Hajj", "al-Kabir", "Shaykh", "Dokali", "Tchadi", "Libi", "Kufrawi"};
  if (rng.chance(0.6)) return "Abu " + std::string(rng.pick(kids));
  return std::string(rng.pick(titles));
}

}  // namespace corridor::demo
