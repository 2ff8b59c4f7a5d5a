#include "ingest/unpack_budget.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace corridor::ingest {

namespace {
const char* const kBomb = "; refused as a possible zip bomb";
}

UnpackBudget::UnpackBudget(const ArchiveLimits& limits, std::string outermost, std::uint64_t outermost_size)
    : limits_(limits), outermost_(std::move(outermost)), outermost_size_(outermost_size) {}

void UnpackBudget::enter_member(const std::string& file, const std::string& member, int depth) {
  if (depth >= limits_.max_depth)
    throw Error(file, "member '" + member + "': nested deeper than " + std::to_string(limits_.max_depth) + " archives");
  if (++members_ > limits_.max_entries)
    throw Error(file, "more than " + std::to_string(limits_.max_entries) + " members" +
                          (file == outermost_ ? "" : " in " + outermost_ + " and the archives inside it") + kBomb);
}

bool UnpackBudget::over_ratio(std::uint64_t out, std::uint64_t in) const {
  return out > limits_.ratio_grace &&
         static_cast<double>(out) > limits_.max_ratio * static_cast<double>(std::max<std::uint64_t>(in, 1));
}

void UnpackBudget::unpacked(const std::string& file, const std::string& member, std::uint64_t n, const Progress& at) {
  total_ += n;
  if (at.member_bytes > limits_.max_entry_bytes)
    throw Error(file, "member '" + member + "' unpacks to more than " + std::to_string(limits_.max_entry_bytes) +
                          " bytes" + kBomb);
  const bool nested = file != outermost_;
  if (total_ > limits_.max_total_bytes)
    throw Error(file, "members unpack to more than " + std::to_string(limits_.max_total_bytes) + " bytes" +
                          (nested ? " (with the rest of " + outermost_ + ")" : "") + kBomb);
  const std::string ratio = std::to_string(static_cast<long long>(limits_.max_ratio));
  if (over_ratio(total_, outermost_size_))
    throw Error(file, (nested ? "with the rest of " + outermost_ + ", unpacks to more than " + ratio + " times " +
                                    outermost_ + "'s size ("
                              : "unpacks to more than " + ratio + " times its own size (") +
                          std::to_string(total_) + " bytes from " + std::to_string(outermost_size_) +
                          " at member '" + member + "')" + kBomb);
  // The bytes read so far, not the whole archive: a flat bomb stops within megabytes.
  if (over_ratio(at.unpacked, at.read))
    throw Error(file, "unpacks to more than " + ratio + " times the bytes read so far (" + std::to_string(at.unpacked) +
                          " bytes from the first " + std::to_string(at.read) + " at member '" + member + "')" + kBomb);
}

}  // namespace corridor::ingest
