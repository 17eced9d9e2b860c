// The parts of Go's strconv and unicode/utf8 that fmt needs, in C++, with Go's exact
// output: float formatting ('b' 'e' 'E' 'f' 'g' 'G' 'x' 'X', shortest or with a
// precision, for 32- and 64-bit floats), quoting of strings and runes (Quote,
// QuoteToASCII, QuoteRune, CanBackquote), IsPrint over Go's own Unicode tables, and
// UTF-8 decoding/encoding with Go's error rules (invalid byte -> U+FFFD, width 1).
//
// Shortest float digits come from std::to_chars (shortest round-trip, as Go's Ryu),
// fixed precisions from std::to_chars with a precision (correctly rounded); the
// decimal layout (exponent form, %g's switch, "e+06") is a port of strconv/ftoa.go.
// Not here: parsing (ParseFloat, Atoi), 'x' formatting of subnormals normalised
// as Go does (to_chars prints them as 0x0.xxxp-1022), complex numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gojit::stdlib {

inline constexpr int32_t kRuneError = 0xFFFD;
inline constexpr int32_t kMaxRune = 0x10FFFF;

// utf8.DecodeRuneInString: the rune at the start of s and its width in bytes;
// (kRuneError, 1) for an invalid encoding, (kRuneError, 0) for an empty s.
std::pair<int32_t, int> DecodeRune(std::string_view s);
// utf8.EncodeRune, appending to out; invalid runes encode as U+FFFD.
void AppendRune(std::string& out, int32_t r);
// utf8.RuneCountInString.
int64_t RuneCount(std::string_view s);

// strconv.IsPrint and strconv.IsGraphic.
bool IsPrint(int32_t r);
bool IsGraphic(int32_t r);

// strconv.AppendFloat(out, v, fmt, prec, bit_size): prec < 0 means the shortest
// representation that reads back to the same bit_size float.
void AppendFloat(std::string& out, double v, char fmt, int prec, int bit_size);
std::string FormatFloat(double v, char fmt, int prec, int bit_size);

// strconv.AppendQuote / AppendQuoteToASCII / AppendQuoteRune(ToASCII) / CanBackquote.
void AppendQuote(std::string& out, std::string_view s, bool ascii_only);
void AppendQuoteRune(std::string& out, int32_t r, bool ascii_only);
bool CanBackquote(std::string_view s);

}  // namespace gojit::stdlib
