#pragma once
// Answers of case reads (entity pages, searches) kept while the case is unchanged. An
// answer depends only on the case and the request (who may ask was checked before), so
// the same page asked again is sent as made, and still logged: the ledger entry is written
// for every answer, cached or not, with what the first one recorded. A case's answers are
// valid for one edition: the chained hash of its newest ledger entry that is not a
// consultation (AuditLedger::last_change), so a copy of the case restored to the same
// entry number is another edition. Any change to the case (an ingest, a review, an erasure,
// a restriction, a policy, by this server or a command beside it) appends such an entry and
// drops them. Bounded in bytes; the least recently used go first.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace corridor::server {

class AnswerCache {
 public:
  explicit AnswerCache(std::size_t max_bytes = std::size_t{64} << 20);

  struct Answer {
    std::string body;    // the JSON sent
    std::string logged;  // the ledger entry's object for this answer
  };
  // `scope` names the case (its folder and key), `key` the request. Shared, not copied:
  // the answers are tens of kilobytes and copying them was a server's busiest memmove.
  std::shared_ptr<const Answer> find(const std::string& scope, const std::string& edition, const std::string& key);
  // Replaces an answer of another edition.
  void keep(const std::string& scope, const std::string& edition, const std::string& key, Answer answer);

  std::size_t bytes() const;
  std::size_t size() const;

 private:
  struct Entry {
    std::string id;  // scope + '\0' + key
    std::string edition;
    std::shared_ptr<const Answer> answer;
  };
  void drop(std::list<Entry>::iterator it);

  mutable std::mutex mu_;
  std::size_t max_bytes_, bytes_ = 0;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_id_;
};

}  // namespace corridor::server
