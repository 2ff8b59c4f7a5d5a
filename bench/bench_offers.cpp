// Offer detector quality (issue 7): trains the logistic regression on the train split of
// data/labelled/posts.tsv, scores the held-out test split and prints precision, recall and
// F1 per language and overall. With --write-model it also writes data/models/offer_model.tsv.
// Usage: bench_offers DATA_DIR [--write-model] [--C=1.0] [--min-docs=8] [--no-words]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "detect/offer_training.hpp"

using namespace corridor::detect;

namespace {
void print(const char* title, const std::map<std::string, PrfCounts>& r) {
  std::printf("%s\n| language | posts | TP | FP | FN | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n", title);
  auto row = [](const std::string& lang, const PrfCounts& c) {
    std::printf("| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |\n", lang.c_str(), c.tp + c.fp + c.fn + c.tn, c.tp,
                c.fp, c.fn, c.precision(), c.recall(), c.f1());
  };
  for (const char* l : kOfferLanguages)
    if (auto it = r.find(l); it != r.end()) row(l, it->second);
  if (auto it = r.find("all"); it != r.end()) row("**all**", it->second);
  std::printf("\n");
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_offers DATA_DIR [--write-model] [--C=1.0] [--min-docs=8] [--no-words]\n");
    return 2;
  }
  try {
    const std::string data = argv[1];
    OfferTrainingOptions opt;
    bool write = false;
    for (int i = 2; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--write-model") write = true;
      else if (a == "--no-words") opt.words = false;
      else if (a.rfind("--C=", 0) == 0) opt.C = std::stod(a.substr(4));
      else if (a.rfind("--min-docs=", 0) == 0) opt.min_word_docs = std::stoi(a.substr(11));
      else throw std::runtime_error("unknown option " + a);
    }
    const auto posts = load_labelled_posts(data + "/labelled/posts.tsv");
    int train = 0, test = 0;
    for (const auto& p : posts) (p.split == "train" ? train : test)++;
    auto detector = OfferDetector::load_lexicons(data);
    const auto t0 = std::chrono::steady_clock::now();
    detector.set_model(train_offer_model(detector, posts, opt));
    const auto t1 = std::chrono::steady_clock::now();
    std::printf("posts: %d train, %d test; features in model: %zu; training %.0f ms\n\n", train, test,
                detector.model().weights.size(), std::chrono::duration<double, std::milli>(t1 - t0).count());
    print("Held-out test split, language given:", evaluate_offers(detector, posts, "test", false));
    const auto t2 = std::chrono::steady_clock::now();
    print("Held-out test split, language detected:", evaluate_offers(detector, posts, "test", true));
    const auto t3 = std::chrono::steady_clock::now();
    std::printf("scoring with detection: %.2f ms per post\n", std::chrono::duration<double, std::milli>(t3 - t2).count() / test);
    print("Train split (fit), language given:", evaluate_offers(detector, posts, "train", false));
    if (write) {
      detector.model().save(data + "/models/offer_model.tsv");
      std::printf("wrote %s/models/offer_model.tsv\n", data.c_str());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_offers: %s\n", e.what());
    return 3;
  }
  return 0;
}
