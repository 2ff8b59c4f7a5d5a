#include "server/answer_cache.hpp"

namespace corridor::server {

namespace {
std::string id_of(const std::string& scope, const std::string& key) {
  std::string id;
  id.reserve(scope.size() + 1 + key.size());
  id.append(scope).push_back('\0');
  return id.append(key);
}
std::size_t cost(const std::string& id, const AnswerCache::Answer& a) {
  return id.size() + a.body.size() + a.logged.size() + 128;  // the list node and the index slot
}
}  // namespace

AnswerCache::AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::shared_ptr<const AnswerCache::Answer> AnswerCache::find(const std::string& scope, const std::string& edition,
                                                             const std::string& key) {
  const std::lock_guard lock(mu_);
  const auto it = by_id_.find(id_of(scope, key));
  if (it == by_id_.end()) return nullptr;
  if (it->second->edition != edition) {  // made before the case changed
    drop(it->second);
    return nullptr;
  }
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->answer;
}

void AnswerCache::keep(const std::string& scope, const std::string& edition, const std::string& key, Answer answer) {
  std::string id = id_of(scope, key);
  const std::size_t size = cost(id, answer);
  if (size > max_bytes_ / 8) return;  // one answer never crowds out the rest
  const std::lock_guard lock(mu_);
  if (const auto it = by_id_.find(id); it != by_id_.end()) drop(it->second);
  while (bytes_ + size > max_bytes_ && !recent_.empty()) drop(std::prev(recent_.end()));
  recent_.push_front(Entry{id, edition, std::make_shared<const Answer>(std::move(answer))});
  by_id_.emplace(std::move(id), recent_.begin());
  bytes_ += size;
}

void AnswerCache::drop(std::list<Entry>::iterator it) {
  bytes_ -= cost(it->id, *it->answer);
  by_id_.erase(it->id);
  recent_.erase(it);
}

std::size_t AnswerCache::bytes() const {
  const std::lock_guard lock(mu_);
  return bytes_;
}

std::size_t AnswerCache::size() const {
  const std::lock_guard lock(mu_);
  return recent_.size();
}

}  // namespace corridor::server
