// Every reader in one table. pick_reader() asks each for its confidence from the content
// (libmagic's media type and the first bytes); the file name is never decisive.
#include "ingest/readers.hpp"

namespace corridor::ingest {

const std::vector<const Reader*>& readers() {
  static const std::vector<const Reader*> table = {
      &telegram_reader(),
      &whatsapp_reader(),
      &amlworld_reader(),
      &posts_jsonl_reader(),
      &posts_csv_reader(),
      &mto_csv_reader(),
      &exif_reader(),
      &archive_reader(),
      &email_reader(),
      &html_reader(),
      &plain_text_reader(),
  };
  return table;
}

const Reader* pick_reader(const Source& src) {
  const Reader* best = nullptr;
  int best_score = 0;
  for (const Reader* r : readers()) {
    const int score = r->confidence(src);
    if (score > best_score) {  // ties: the earlier, more specific reader in the table wins
      best = r;
      best_score = score;
    }
  }
  return best;
}

}  // namespace corridor::ingest
