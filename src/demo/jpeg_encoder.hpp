#pragma once
// A minimal baseline JPEG encoder: each 8x8 block is coded by its mean colour only (DC
// coefficients, every AC coefficient zero), which is a valid JFIF any decoder reads. It
// exists so the demo's photos are the same bytes everywhere; a library encoder's output
// changes between versions.
#include <cstdint>
#include <string>
#include <vector>

namespace corridor::demo {

struct Rgb {
  std::uint8_t r, g, b;
};

// `pixels` is width*height RGB, row-major; width and height are multiples of 8.
std::string encode_jpeg(const std::vector<Rgb>& pixels, int width, int height);

}  // namespace corridor::demo
