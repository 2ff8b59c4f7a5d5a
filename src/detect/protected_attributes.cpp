#include "detect/protected_attributes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/error.hpp"
#include "core/time.hpp"
#include "detect/offer_detector.hpp"
#include "detect/offer_text.hpp"

namespace corridor::detect {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string o;
  for (char c : s)
    if (c != ' ' && c != '\t') o.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return o;
}

// ISO 3166-1 alpha-3 followed by alpha-2, 249 pairs sorted by alpha-3 (from Debian's
// iso-codes, /usr/share/iso-codes/json/iso_3166-1.json).
constexpr std::string_view kAlpha3To2 =
    "ABWAWAFGAFAGOAOAIAAIALAAXALBALANDADAREAEARGARARMAMASMASATAAQATFTFATGAGAUSAUAUTATAZEAZ"
    "BDIBIBELBEBENBJBESBQBFABFBGDBDBGRBGBHRBHBHSBSBIHBABLMBLBLRBYBLZBZBMUBMBOLBOBRABRBRBBB"
    "BRNBNBTNBTBVTBVBWABWCAFCFCANCACCKCCCHECHCHLCLCHNCNCIVCICMRCMCODCDCOGCGCOKCKCOLCOCOMKM"
    "CPVCVCRICRCUBCUCUWCWCXRCXCYMKYCYPCYCZECZDEUDEDJIDJDMADMDNKDKDOMDODZADZECUECEGYEGERIER"
    "ESHEHESPESESTEEETHETFINFIFJIFJFLKFKFRAFRFROFOFSMFMGABGAGBRGBGEOGEGGYGGGHAGHGIBGIGINGN"
    "GLPGPGMBGMGNBGWGNQGQGRCGRGRDGDGRLGLGTMGTGUFGFGUMGUGUYGYHKGHKHMDHMHNDHNHRVHRHTIHTHUNHU"
    "IDNIDIMNIMINDINIOTIOIRLIEIRNIRIRQIQISLISISRILITAITJAMJMJEYJEJORJOJPNJPKAZKZKENKEKGZKG"
    "KHMKHKIRKIKNAKNKORKRKWTKWLAOLALBNLBLBRLRLBYLYLCALCLIELILKALKLSOLSLTULTLUXLULVALVMACMO"
    "MAFMFMARMAMCOMCMDAMDMDGMGMDVMVMEXMXMHLMHMKDMKMLIMLMLTMTMMRMMMNEMEMNGMNMNPMPMOZMZMRTMR"
    "MSRMSMTQMQMUSMUMWIMWMYSMYMYTYTNAMNANCLNCNERNENFKNFNGANGNICNINIUNUNLDNLNORNONPLNPNRUNR"
    "NZLNZOMNOMPAKPKPANPAPCNPNPERPEPHLPHPLWPWPNGPGPOLPLPRIPRPRKKPPRTPTPRYPYPSEPSPYFPFQATQA"
    "REUREROURORUSRURWARWSAUSASDNSDSENSNSGPSGSGSGSSHNSHSJMSJSLBSBSLESLSLVSVSMRSMSOMSOSPMPM"
    "SRBRSSSDSSSTPSTSURSRSVKSKSVNSISWESESWZSZSXMSXSYCSCSYRSYTCATCTCDTDTGOTGTHATHTJKTJTKLTK"
    "TKMTMTLSTLTONTOTTOTTTUNTNTURTRTUVTVTWNTWTZATZUGAUGUKRUAUMIUMURYUYUSAUSUZBUZVATVAVCTVC"
    "VENVEVGBVGVIRVIVNMVNVUTVUWLFWFWSMWSYEMYEZAFZAZMBZMZWEZW"
    ;

// Passports of the United Kingdom's other nationality classes, Germany's one-letter code,
// and Kosovo (ICAO 9303 part 3).
constexpr std::pair<std::string_view, std::string_view> kIcaoCodes[] = {
    {"D", "DE"}, {"GBD", "GB"}, {"GBN", "GB"}, {"GBO", "GB"}, {"GBP", "GB"}, {"GBS", "GB"}, {"RKS", "XK"}};

using Cat = ProtectedCategory;

// Terms that name a protected group, by language: space-separated, written as in the
// texts (folding removes accents and unifies Arabic-script letters). Demonyms of the
// nationalities met on the central and eastern Mediterranean and Balkan routes, ethnic
// groups, religions and their adherents, and words for sex and gender.
struct Row {
  const char* lang;
  Cat cat;
  const char* terms;
};
constexpr Row kTerms[] = {
    // English
    {"en", Cat::Nationality,
     "syrian syrians afghan afghans iraqi iraqis iranian iranians pakistani pakistanis eritrean eritreans "
     "sudanese somali somalis ethiopian ethiopians nigerian nigerians egyptian egyptians libyan libyans tunisian "
     "tunisians moroccan moroccans algerian algerians bangladeshi bangladeshis malian malians guinean guineans "
     "senegalese ivorian ivorians gambian gambians palestinian palestinians yemeni yemenis chadian chadians "
     "cameroonian cameroonians ghanaian ghanaians albanian albanians indian indians"},
    {"en", Cat::Ethnicity,
     "kurd kurds kurdish arab arabs hazara hazaras pashtun pashtuns baloch baluch tajik tajiks uzbek uzbeks "
     "turkmen berber berbers amazigh tuareg gypsy gypsies african africans"},
    {"en", Cat::Religion,
     "muslim muslims moslem moslems christian christians jew jews jewish yazidi yazidis ezidi shia shiite shiites "
     "sunni sunnis hindu hindus sikh sikhs ahmadi ahmadis alawite alawites druze atheist atheists islam islamic "
     "christianity judaism catholic catholics protestant protestants"},
    {"en", Cat::Sex,
     "woman women man men female females male males girl girls boy boys lady ladies gentleman gentlemen sex gender "
     "transgender gay gays lesbian lesbians"},
    // French
    {"fr", Cat::Nationality,
     "syrien syriens syrienne syriennes afghane afghanes irakien irakiens irakienne iranien iraniens iranienne "
     "pakistanais pakistanaise érythréen érythréens érythréenne soudanais soudanaise somalien somaliens somalienne "
     "éthiopien éthiopiens éthiopienne nigérian nigérians nigériane égyptien égyptiens égyptienne libyen libyens "
     "libyenne tunisien tunisiens tunisienne marocain marocains marocaine algérien algériens algérienne bangladais "
     "malien maliens malienne guinéen guinéens guinéenne sénégalais sénégalaise ivoirien ivoiriens ivoirienne "
     "gambien gambiens palestinien palestiniens camerounais tchadien tchadiens ghanéen albanais turc turcs"},
    {"fr", Cat::Ethnicity,
     "kurde kurdes arabe arabes berbère berbères touareg africain africains africaine africaines pachtoune "
     "baloutche tadjik"},
    {"fr", Cat::Religion,
     "musulman musulmans musulmane musulmanes chrétien chrétiens chrétienne chrétiennes juif juifs juive juives "
     "yézidi yézidis chiite chiites sunnite sunnites hindou sikh alaouite druze athée islamique catholique "
     "catholiques protestant protestants"},
    {"fr", Cat::Sex,
     "femme femmes homme hommes fille filles garçon garçons dame dames féminin masculin transgenre lesbienne"},
    // Spanish
    {"es", Cat::Nationality,
     "sirio sirios afgano afganos afgana iraquí iraquíes iraní iraníes pakistaní pakistaníes eritreo eritreos "
     "sudanés sudaneses somalí somalíes etíope etíopes nigeriano nigerianos egipcio egipcios libio libios tunecino "
     "tunecinos marroquí marroquíes argelino argelinos bangladesí maliense malienses guineano guineanos senegalés "
     "senegaleses marfileño marfileños gambiano gambianos palestino palestinos turco turcos camerunés chadiano"},
    {"es", Cat::Ethnicity,
     "kurdo kurdos árabe árabes bereber africano africanos africana subsahariano subsaharianos gitano gitanos"},
    {"es", Cat::Religion,
     "musulmán musulmanes musulmana cristiano cristianos cristiana judío judíos judía yazidí chií chiita chiitas "
     "suní sunita sunitas hindú sij ateo islámico católico católicos"},
    {"es", Cat::Sex,
     "mujer mujeres hombre hombres chica chicas chico chicos señora señoras femenino masculino transgénero lesbiana"},
    // Turkish
    {"tr", Cat::Nationality,
     "suriyeli afgan afganlı iraklı iranlı pakistanlı eritreli sudanlı somalili etiyopyalı nijeryalı mısırlı "
     "libyalı tunuslu faslı cezayirli bangladeşli filistinli türk"},
    {"tr", Cat::Ethnicity, "arap araplar afrikalı çingene peştun beluci özbek türkmen"},
    {"tr", Cat::Religion, "müslüman hristiyan hıristiyan yahudi ezidi yezidi alevi şii sünni ateist katolik"},
    {"tr", Cat::Sex, "kadın kadınlar erkek erkekler kız kızlar bayan bayanlar cinsiyet lezbiyen"},
    // Arabic
    {"ar", Cat::Nationality,
     "سوري سوريون سوريين أفغان عراقي عراقيين إيراني باكستاني إريتري ارتيري سوداني سودانيين صومالي إثيوبي نيجيري "
     "مصري مصريين ليبي ليبيين تونسي جزائري بنغالي فلسطيني يمني تشادي أتراك"},
    {"ar", Cat::Ethnicity, "كردي كرد أكراد عرب أمازيغي بربر أفريقي أفارقة هزارة بلوشي"},
    {"ar", Cat::Religion,
     "مسلم مسلمون مسلمين مسيحي مسيحيين نصراني يهودي يهود إيزيدي يزيدي شيعي شيعة علوي درزي ملحد قبطي"},
    {"ar", Cat::Sex, "امرأة نساء نسوان رجال بنت بنات فتاة فتيات أنثى إناث ذكور"},
    // Persian (Dari and Farsi)
    {"fa", Cat::Nationality,
     "سوری افغان افغانستانی افغانها عراقی ایرانی پاکستانی سودانی سومالیایی مصری لیبیایی"},
    {"fa", Cat::Ethnicity, "کردها عرب عربها بلوچ هزاره پشتون تاجیک ازبک ترکمن"},
    {"fa", Cat::Religion, "مسلمان مسیحی یهودی ایزدی شیعه بهایی زرتشتی"},
    {"fa", Cat::Sex, "زن زنان خانم خانمها مرد مردان دختر دختران پسر پسران"},
    // Pashto
    {"ps", Cat::Nationality, "افغان پاکستانی ایرانی عراقی"},
    {"ps", Cat::Ethnicity, "پښتون پښتانه تاجک هزاره ازبک بلوڅ عرب"},
    {"ps", Cat::Religion, "مسلمان شیعه هندو"},
    {"ps", Cat::Sex, "ښځه ښځې ښځینه نارینه نجلۍ نجونې هلک هلکان"},
    // Urdu
    {"ur", Cat::Nationality, "پاکستانی ایرانی عراقی بنگالی"},
    {"ur", Cat::Ethnicity, "پٹھان پنجابی بلوچ سندھی عرب"},
    {"ur", Cat::Religion, "مسلمان عیسائی ہندو قادیانی شیعہ"},
    {"ur", Cat::Sex, "عورت عورتیں خواتین مرد لڑکی لڑکیاں لڑکا لڑکے"},
    // Kurdish, Sorani
    {"ckb", Cat::Nationality, "سووری ئێرانی عێراقی ئەفغانی تورک"},
    {"ckb", Cat::Ethnicity, "کورد کوردی عەرەب"},
    {"ckb", Cat::Religion, "موسڵمان مەسیحی ئێزیدی شیعە سوننە کاکەیی"},
    {"ckb", Cat::Sex, "ژن ژنان پیاو پیاوان کچ کوڕ"},
    // Kurdish, Kurmanji
    {"kmr", Cat::Nationality, "sûrî efgan efganî îranî iraqî tirk"},
    {"kmr", Cat::Ethnicity, "kurd kurdî ereb"},
    {"kmr", Cat::Religion, "misilman musulman xiristiyan êzîdî cihû elewî"},
    {"kmr", Cat::Sex, "jinan keç zilam"},
};

// Terms that name a protected group in one sense and mean something else in another, or
// a religious expression rather than a group: reported for review with the reason, never
// refused, since the word's usual sense in the texts is not the protected one.
struct Ambiguous {
  const char* lang;
  Cat cat;
  const char* term;
  const char* note;
};
constexpr Ambiguous kAmbiguous[] = {
    {"en", Cat::Nationality, "turkish", "also the language and the currency (Turkish lira)"},
    {"en", Cat::Nationality, "afghani", "also the Afghan currency"},
    {"en", Cat::Nationality, "afghanis", "also the Afghan currency"},
    {"fr", Cat::Nationality, "afghan", "English and French 'Afghan' fold alike; see the English entry"},
    {"tr", Cat::Ethnicity, "kürt", "folds to 'kurt', Turkish 'wolf'"},
    {"ar", Cat::Nationality, "أفغاني", "folds like Persian افغانی, the Afghan currency (afghani)"},
    {"ar", Cat::Nationality, "مغربي", "also 'western', 'evening' (Maghrib)"},
    {"ar", Cat::Nationality, "تركي",
     "folds like Urdu ترکی 'Turkey' (a place in the gazetteer) and Persian ترکی 'Turkish' (the language); "
     "also a given name"},
    {"ar", Cat::Ethnicity, "عربي", "also the Arabic language"},
    {"ar", Cat::Ethnicity, "عربية",
     "Egyptian and Sudanese colloquial 'car' (the lexicon's vehicle term); also 'Arab' (f.) and 'Arabic'"},
    {"ar", Cat::Religion, "سني", "Persian سنی 'of age' folds alike; also 'my age', 'my tooth'"},
    {"ar", Cat::Sex, "رجل", "also 'leg' (rijl)"},
    {"ar", Cat::Sex, "ذكر", "also 'mentioned', 'remembrance' (dhikr)"},
    {"fa", Cat::Nationality, "افغانی", "also the Afghan currency (afghani), the lexicon's price word"},
    {"fa", Cat::Nationality, "ترک", "also 'leaving' (ترک کردن)"},
    {"fa", Cat::Ethnicity, "کرد", "also 'did', past tense of کردن 'to do', its usual sense in the texts"},
    {"ps", Cat::Nationality, "افغانۍ", "the Afghan currency (afghani), the lexicon's price word"},
    {"ps", Cat::Sex, "سړی", "'man', used for 'person' in prices (هر سړی 'per person')"},
    {"ps", Cat::Sex, "سړي", "'man', used for 'person' in prices (فی سړي 'per person')"},
    {"ur", Cat::Nationality, "افغانی", "also the Afghan currency"},
    {"ur", Cat::Nationality, "شامی", "also a given name and a dish (shami kebab)"},
    {"ur", Cat::Religion, "سکھ", "folds to سکه, Persian 'coin'"},
    {"ur", Cat::Religion, "احمدی", "also a common surname"},
    {"en", Cat::Ethnicity, "roma", "also Rome in Italian and Spanish"},
    {"kmr", Cat::Sex, "jin", "'woman'; jîn 'life' folds alike"},
    {"kmr", Cat::Sex, "mêr", "folds to 'mer', French 'sea'"},
    {"kmr", Cat::Sex, "kur", "'boy, son'; also 'deep', 'short'"},
    // Religious expressions: a proxy for religion, not a group.
    {"en", Cat::Religion, "pray", "a religious expression, not a group: a proxy for review"},
    {"en", Cat::Religion, "prayer", "a religious expression, not a group: a proxy for review"},
    {"en", Cat::Religion, "inshallah", "a religious expression, not a group: a proxy for review"},
    {"fr", Cat::Religion, "inchallah", "a religious expression, not a group: a proxy for review"},
    {"tr", Cat::Religion, "inşallah", "a religious expression, not a group: a proxy for review"},
    {"kmr", Cat::Religion, "dua", "'prayer' (Kurmanji, Turkish): a religious expression, a proxy for review"},
    {"kmr", Cat::Religion, "xwedê", "'God': a religious expression, a proxy for review"},
    {"ar", Cat::Religion, "دعاء", "'prayer': a religious expression, a proxy for review"},
    {"fa", Cat::Religion, "دعا", "'prayer' (Persian, Arabic, Urdu): a religious expression, a proxy for review"},
    {"fa", Cat::Religion, "خدا", "'God': a religious expression, a proxy for review"},
    {"ar", Cat::Religion, "الله", "'God': a religious expression, a proxy for review"},
    {"ar", Cat::Religion, "إنشاءالله", "'God willing': a religious expression, a proxy for review"},
};

std::vector<ProtectedTerm> build_terms() {
  std::vector<ProtectedTerm> out;
  for (const auto& row : kTerms) {
    std::string_view s = row.terms;
    while (!s.empty()) {
      const auto sp = s.find(' ');
      const std::string_view word = s.substr(0, sp);
      if (!word.empty()) out.push_back({row.lang, row.cat, std::string(word), fold_term(word), ""});
      if (sp == std::string_view::npos) break;
      s.remove_prefix(sp + 1);
    }
  }
  for (const auto& a : kAmbiguous) out.push_back({a.lang, a.cat, a.term, fold_term(a.term), a.note});
  return out;
}

struct TermIndex {
  std::unordered_map<std::string, std::vector<const ProtectedTerm*>> by_folded;
  TermIndex() {
    for (const auto& t : protected_terms()) by_folded[t.folded].push_back(&t);
  }
  // One hit per token: a form any of whose terms has a note is for review, with that note
  // (the term of language `lang` first, when there is one).
  std::optional<ProtectedHit> lookup(const std::string& token, const std::string& where, bool arabic_only,
                                     const std::string& lang) const {
    const auto it = by_folded.find(token);
    if (it == by_folded.end()) return std::nullopt;
    const ProtectedTerm* pick = nullptr;
    auto better = [&lang](const ProtectedTerm* a, const ProtectedTerm* b) {  // b better than a?
      if (a->note.empty() != b->note.empty()) return a->note.empty();
      return a->lang != lang && b->lang == lang;
    };
    for (const ProtectedTerm* t : it->second) {
      if (arabic_only && t->lang != "ar") continue;
      if (!pick || better(pick, t)) pick = t;
    }
    if (!pick) return std::nullopt;
    return ProtectedHit{where, token, *pick};
  }
};

const TermIndex& term_index() {
  static const TermIndex index;
  return index;
}

bool arabic_script(std::string_view token) {
  // U+0600..U+06FF encode as 0xD8..0xDB lead bytes.
  return !token.empty() && static_cast<unsigned char>(token[0]) >= 0xD8 && static_cast<unsigned char>(token[0]) <= 0xDB;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void add_hits(std::vector<ProtectedHit>& out, std::vector<ProtectedHit> more) {
  for (auto& h : more) out.push_back(std::move(h));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

struct Ymd {
  int y = 0, m = 0, d = 0;  // m, d 0 when not given
};

std::optional<Ymd> parse_date(std::string_view s, bool full) {
  auto digits = [](std::string_view v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);  // a timestamp's date
  Ymd r;
  if (s.size() < 4 || !digits(s.substr(0, 4))) return std::nullopt;
  r.y = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() == 4) return full ? std::nullopt : std::optional<Ymd>(r);
  if (s.size() < 7 || s[4] != '-' || !digits(s.substr(5, 2))) return std::nullopt;
  r.m = std::stoi(std::string(s.substr(5, 2)));
  if (r.m < 1 || r.m > 12) return std::nullopt;
  if (s.size() == 7) return full ? std::nullopt : std::optional<Ymd>(r);
  if (s.size() != 10 || s[7] != '-' || !digits(s.substr(8, 2))) return std::nullopt;
  r.d = std::stoi(std::string(s.substr(8, 2)));
  if (r.d < 1 || r.d > days_in_month(r.y, r.m)) return std::nullopt;
  return r;
}

// Full years from birth (a complete date) to the reference date.
int age_at(const Ymd& birth, const Ymd& ref) {
  int age = ref.y - birth.y;
  if (ref.m < birth.m || (ref.m == birth.m && ref.d < birth.d)) --age;
  return age;
}

const char* band_of(int age) {
  if (age < 18) return kAgeBands[0];
  if (age <= 25) return kAgeBands[1];
  if (age <= 35) return kAgeBands[2];
  if (age <= 50) return kAgeBands[3];
  return kAgeBands[4];
}

}  // namespace

// --- Properties --------------------------------------------------------------------------

const std::vector<std::string>& protected_properties() {
  static const std::vector<std::string> props = {"nationality", "citizenship", "ethnicity", "religion", "gender",
                                                 "sex",         "birthDate",   "birthPlace", "political", "age"};
  return props;
}

bool is_protected_property(std::string_view property) {
  const auto& p = protected_properties();
  return std::find(p.begin(), p.end(), property) != p.end();
}

bool carries_protected_fields(std::string_view schema, std::string_view property) {
  return property == "validation" && (schema == "Passport" || schema == "Identification");
}

std::string audited_attribute(std::string_view property) {
  if (property == "nationality" || property == "citizenship") return "nationality";
  if (property == "gender" || property == "sex") return "sex";
  if (property == "birthDate") return "age_band";
  if (property == "ethnicity" || property == "religion") return std::string(property);
  return "";
}

// --- Values into groups ------------------------------------------------------------------

std::string normalise_nationality(std::string_view value) {
  std::string v;
  for (char c : value)
    if (c != '<' && c != ' ') v.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (v.empty()) return "";
  for (const auto& [icao, iso] : kIcaoCodes)
    if (v == icao) return std::string(iso);
  if (v.size() == 3 && std::all_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    for (std::size_t i = 0; i + 5 <= kAlpha3To2.size(); i += 5)
      if (kAlpha3To2.substr(i, 3) == v) return std::string(kAlpha3To2.substr(i + 3, 2));
  }
  return v;
}

std::string normalise_sex(std::string_view value) {
  const std::string v = lower_ascii(value);
  if (v.empty() || v == "<" || v == "unknown" || v == "u" || v == "unrecorded") return "";
  if (v == "f" || v == "female" || v == "woman" || v == "w") return "female";
  if (v == "m" || v == "male" || v == "man") return "male";
  if (v == "x" || v == "other" || v == "diverse" || v == "d" || v == "nonbinary" || v == "non-binary")
    return "other";
  return v;
}

std::string age_band(std::string_view birth_date, std::string_view reference_date) {
  const auto ref = parse_date(reference_date, true);
  const auto b = parse_date(birth_date, false);
  if (!ref || !b) return "";
  // The earliest and latest day the (possibly partial) date stands for.
  Ymd first{b->y, b->m ? b->m : 1, b->d ? b->d : 1};
  Ymd last{b->y, b->m ? b->m : 12, 0};
  last.d = b->d ? b->d : days_in_month(last.y, last.m);
  const int oldest = age_at(first, *ref), youngest = age_at(last, *ref);
  if (oldest < 0) return "";  // born after the reference date
  const char* a = band_of(std::max(youngest, 0));
  const char* z = band_of(oldest);
  return a == z ? a : "";
}

// --- Terms -------------------------------------------------------------------------------

const char* to_string(ProtectedCategory c) {
  switch (c) {
    case ProtectedCategory::Nationality: return "nationality";
    case ProtectedCategory::Ethnicity: return "ethnicity";
    case ProtectedCategory::Religion: return "religion";
    case ProtectedCategory::Sex: return "sex";
  }
  return "?";
}

const std::vector<ProtectedTerm>& protected_terms() {
  static const std::vector<ProtectedTerm> terms = build_terms();
  return terms;
}

std::vector<ProtectedHit> check_token(std::string_view folded_token, const std::string& where,
                                      const std::string& lang) {
  std::vector<ProtectedHit> out;
  const std::string token(folded_token);
  const auto& index = term_index();
  if (auto h = index.lookup(token, where, false, lang)) {
    out.push_back(std::move(*h));
    return out;
  }
  if (!arabic_script(token)) return out;
  static const std::array<std::string, 9> kProclitics = {"وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"};
  for (const auto& p : kProclitics) {
    if (token.size() <= p.size() || token.compare(0, p.size(), p) != 0) continue;
    const std::string rest = token.substr(p.size());
    if (code_points(rest) < 2) continue;
    if (auto h = index.lookup(rest, where, true, lang)) {
      out.push_back(std::move(*h));
      return out;
    }
  }
  return out;
}

std::vector<ProtectedHit> check_feature_names(const std::vector<std::string>& names, const std::string& where_prefix) {
  std::vector<ProtectedHit> out;
  for (const auto& name : names) {
    const auto colon = name.find(':');
    const std::string body = colon == std::string::npos ? name : name.substr(colon + 1);
    const std::string folded = fold_term(body);
    for (const auto& tok : tokenize(folded)) {
      if (tok.number) continue;
      const std::string where = where_prefix + name;
      auto hits = check_token(tok.text, where);
      if (hits.empty() && tok.text.find('_') != std::string_view::npos) {
        std::string_view rest = tok.text;
        while (!rest.empty()) {
          const auto us = rest.find('_');
          if (const auto part = rest.substr(0, us); !part.empty()) add_hits(hits, check_token(part, where));
          if (us == std::string_view::npos) break;
          rest.remove_prefix(us + 1);
        }
      }
      add_hits(out, std::move(hits));
    }
  }
  return out;
}

std::vector<ProtectedHit> check_lexicon_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open lexicon");
  std::vector<ProtectedHit> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    std::string term = line.substr(0, tab);
    const std::string category = tab == std::string::npos ? "" : line.substr(tab + 1);
    const std::string where = std::filesystem::path(path).filename().string() + ":" + std::to_string(n) + " " + term;
    const std::string lang = std::filesystem::path(path).stem().string();  // "fa" for fa.tsv
    const bool prefix = !term.empty() && term.back() == '*';
    if (prefix) term.pop_back();
    const std::string folded = fold_term(term);
    const auto tokens = tokenize(folded);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].number) continue;
      auto hits = check_token(tokens[i].text, where, lang);
      if (hits.empty() && prefix && i + 1 == tokens.size() && code_points(tokens[i].text) >= 3) {
        // "kurd*" would match "kurdish": a prefix that begins a protected term.
        for (const auto& t : protected_terms())
          if (t.folded.size() > tokens[i].text.size() && t.folded.compare(0, tokens[i].text.size(), tokens[i].text) == 0) {
            hits.push_back({where, std::string(tokens[i].text) + "*", t});
            break;
          }
      }
      add_hits(out, std::move(hits));
    }
    if (!category.empty() && category.find_first_of(",*") == std::string::npos)
      add_hits(out, check_feature_names({category}, where + " category "));
  }
  return out;
}

FeatureCheck check_offer_features(const std::string& data_dir) {
  namespace fs = std::filesystem;
  FeatureCheck r;
  r.model = (fs::path(data_dir) / "models" / "offer_model.tsv").string();
  const OfferModel model = OfferModel::load(r.model);
  std::vector<std::string> names;
  for (const auto& [name, w] : model.weights) names.push_back(name);
  r.features = names.size();
  auto sort_hits = [&r](std::vector<ProtectedHit> hits) {
    for (auto& h : hits) (h.refused() ? r.refused : r.to_review).push_back(std::move(h));
  };
  sort_hits(check_feature_names(names));
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "lexicons", ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec) throw Error((fs::path(data_dir) / "lexicons").string(), "cannot list lexicons: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    r.lexicons.push_back(f.string());
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line.front() != '#' && line != "\r") ++r.lexicon_terms;
    sort_hits(check_lexicon_file(f.string()));
  }
  return r;
}

}  // namespace corridor::detect
