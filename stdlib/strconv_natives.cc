// Natives of package strconv (stdlib/strconv/*.go): float formatting and quoting
// over the C++ strconv beneath fmt (strconv.h), and rounding of checked float text
// with the C library (strtod/strtof round correctly, hex floats included).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>

#include "runtime/runtime.h"
#include "stdlib/natives.h"
#include "stdlib/strconv.h"

namespace gojit::stdlib {
namespace {

using rt::GoString;

std::string Str(const GoString& s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

// func formatFloat(f float64, fmt int, prec, bitSize int) string
void FormatFloatNative(rt::G* g, void* args, void* results) {
  struct Args {
    double f;
    int64_t fmt, prec, bit_size;  // bit_size is 32 or 64 (checked in Go)
  };
  auto* in = static_cast<Args*>(args);
  std::string out;
  char fmt = static_cast<char>(in->fmt);
  switch (fmt) {
    case 'b': case 'e': case 'E': case 'f': case 'g': case 'G': case 'x': case 'X':
      AppendFloat(out, in->f, fmt, static_cast<int>(in->prec), in->bit_size == 32 ? 32 : 64);
      break;
    default:
      // strconv: an unknown verb formats as %fmt.
      out = "%";
      out.push_back(fmt);
  }
  *static_cast<GoString*>(results) = rt::NewString(g, out);
}

// func roundFloat(s string, bitSize int) (f float64, overflow int)
void RoundFloat(rt::G*, void* args, void* results) {
  struct Args {
    GoString s;
    int64_t bit_size;
  };
  struct Results {
    double f;
    int64_t overflow;
  };
  auto* in = static_cast<Args*>(args);
  auto* out = static_cast<Results*>(results);
  std::string s = Str(in->s);
  errno = 0;
  if (in->bit_size == 32) {
    float f = std::strtof(s.c_str(), nullptr);
    out->f = f;
    out->overflow = errno == ERANGE && std::isinf(f);
  } else {
    double f = std::strtod(s.c_str(), nullptr);
    out->f = f;
    out->overflow = errno == ERANGE && std::isinf(f);
  }
}

struct QuoteArgs {
  GoString s;
  int64_t ascii;
};

// func quote(s string, ascii int) string
void QuoteNative(rt::G* g, void* args, void* results) {
  auto* in = static_cast<QuoteArgs*>(args);
  std::string out;
  AppendQuote(out, std::string_view(reinterpret_cast<const char*>(in->s.ptr), in->s.len),
              in->ascii != 0);
  *static_cast<GoString*>(results) = rt::NewString(g, out);
}

// func quoteRune(r rune, ascii int) string
void QuoteRuneNative(rt::G* g, void* args, void* results) {
  struct Args {
    int32_t r;
    int64_t ascii;
  };
  auto* in = static_cast<Args*>(args);
  std::string out;
  AppendQuoteRune(out, in->r, in->ascii != 0);
  *static_cast<GoString*>(results) = rt::NewString(g, out);
}

// func IsPrint(r rune) bool
void IsPrintNative(rt::G*, void* args, void* results) {
  *static_cast<uint8_t*>(results) = IsPrint(*static_cast<int32_t*>(args));
}

// func IsGraphic(r rune) bool
void IsGraphicNative(rt::G*, void* args, void* results) {
  *static_cast<uint8_t*>(results) = IsGraphic(*static_cast<int32_t*>(args));
}

constexpr NativeSymbol kStrconvNatives[] = {
    {"strconv.formatFloat", FormatFloatNative},
    {"strconv.roundFloat", RoundFloat},
    {"strconv.quote", QuoteNative},
    {"strconv.quoteRune", QuoteRuneNative},
    {"strconv.IsPrint", IsPrintNative},
    {"strconv.IsGraphic", IsGraphicNative},
};

}  // namespace

std::span<const NativeSymbol> StrconvNatives() { return kStrconvNatives; }

}  // namespace gojit::stdlib
