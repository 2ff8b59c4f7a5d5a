#pragma once
// The readers of reader_table.cpp, one per file. Internal to the ingest layer; callers
// use readers() and pick_reader() from reader.hpp.
#include "ingest/reader.hpp"

namespace corridor::ingest {

const Reader& telegram_reader();
const Reader& whatsapp_reader();
const Reader& posts_jsonl_reader();
const Reader& posts_csv_reader();
const Reader& amlworld_reader();
const Reader& mto_csv_reader();
const Reader& archive_reader();
const Reader& email_reader();
const Reader& html_reader();
const Reader& plain_text_reader();
const Reader& exif_reader();

}  // namespace corridor::ingest
