#pragma once
// Owning wrappers for igraph's C vectors, so an exception between init and destroy
// cannot leak them, and copies out to std::vector.
#include <igraph.h>

#include <span>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph::detail {

struct RealVector {
  igraph_vector_t v;
  RealVector() { check(igraph_vector_init(&v, 0), "igraph_vector_init"); }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  std::vector<double> copy() const { return {VECTOR(v), VECTOR(v) + igraph_vector_size(&v)}; }
};

struct IntVector {
  igraph_vector_int_t v;
  IntVector() { check(igraph_vector_int_init(&v, 0), "igraph_vector_int_init"); }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  template <class T>
  std::vector<T> copy() const {
    std::vector<T> out(static_cast<std::size_t>(igraph_vector_int_size(&v)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<T>(VECTOR(v)[i]);
    return out;
  }
};

// A read-only igraph view of the edge weights, or nullptr for unweighted measures.
struct WeightView {
  igraph_vector_t v;
  const igraph_vector_t* ptr = nullptr;
  WeightView(const Graph& g, bool weighted) {
    if (!weighted) return;
    const auto w = g.weights();
    ptr = igraph_vector_view(&v, w.data(), static_cast<igraph_integer_t>(w.size()));
  }
};

}  // namespace corridor::graph::detail
