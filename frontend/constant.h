// Compile-time constant values with the exact arithmetic the Go spec asks for.
//
// Integers are llvm::APSInt of kIntBits bits (gc uses 512-bit mantissas; an integer
// constant that does not fit is an error, "constant overflow"). Floats are
// ConstFloat (frontend/const_float.h): exact rationals, or 512-bit floats of a wide
// exponent where go/constant uses them, so every float comparison and conversion
// decides as gc's does. Complex constants are a pair of floats. Strings and booleans
// are what they are.
//
// Representation follows the value's kind, not its type: an untyped float constant
// 2.0 converted to int becomes an Int value. The checker decides kinds from types.
#pragma once

#include <optional>
#include <string>

#include "frontend/ast.h"
#include "frontend/const_float.h"
#include "llvm/ADT/APSInt.h"

namespace gojit::frontend {

inline constexpr unsigned kIntBits = 2080;  // room for integral float constants such as 1e600

struct ConstValue {
  enum class Kind : uint8_t { kBool, kString, kInt, kFloat, kComplex, kUnknown };
  Kind kind = Kind::kUnknown;
  bool b = false;
  std::string s;
  llvm::APSInt i{kIntBits, /*isUnsigned=*/false};
  ConstFloat f;   // kFloat's value; kComplex's real part
  ConstFloat im;  // kComplex's imaginary part

  static ConstValue Bool(bool v);
  static ConstValue String(std::string v);
  static ConstValue Int(int64_t v);
  static ConstValue Int(const llvm::APSInt& v);
  // A float whose exponent overflowed (ConstFloat::IsInf) becomes kUnknown, as
  // go/constant's unknown value: the checker reports it as not representable.
  static ConstValue Float(ConstFloat v);
  static ConstValue Complex(ConstFloat re, ConstFloat im);

  // Parses a BasicLit's text. nullopt (with *error set) on a malformed literal.
  static std::optional<ConstValue> FromLiteral(LitKind kind, const std::string& text,
                                               std::string* error);

  // Conversions between numeric kinds. ToInt fails (nullopt) when the value has a
  // fractional part ("truncated") or is not numeric.
  std::optional<ConstValue> ToInt() const;
  ConstValue ToFloat() const;
  ConstValue ToComplex() const;

  // Exact arithmetic; both operands must already have the same kind (match first).
  // Returns nullopt for division by zero (the caller reports it).
  static std::optional<ConstValue> Binary(Tok op, const ConstValue& x, const ConstValue& y,
                                          bool integer_division);
  static std::optional<ConstValue> Shift(Tok op, const ConstValue& x, uint64_t s);
  static bool Compare(Tok op, const ConstValue& x, const ConstValue& y);
  // Unary - + ^ !. `^` on an unsigned typed constant needs its bit size (0 = untyped).
  static ConstValue Unary(Tok op, const ConstValue& x, int unsigned_bits);

  // The integer value if it fits in int64 / uint64.
  std::optional<int64_t> Int64() const;
  std::optional<uint64_t> Uint64() const;
  double Float64() const;
  float Float32() const;
  // Whether an integer fits in `bits` bits, signed or not.
  bool FitsInt(int bits, bool is_unsigned) const;
  bool IsZero() const;
  // As gc prints constants in messages: "1", "1.5", "\"s\"", "true", "(1 + 2i)".
  std::string String_() const;
};

// Matches kinds for a binary operation: the "larger" kind wins (int < float < complex).
void MatchKinds(ConstValue& x, ConstValue& y);

}  // namespace gojit::frontend
