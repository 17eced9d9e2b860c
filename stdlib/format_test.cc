// Table test of the fmt engine against gc: every expected string below was produced
// by running the same Sprintf/Sprint/Sprintln call under the real `go` (Go 1.19),
// by a generator that prints the C++ rows (kept out of tree; rerun by hand when
// adding rows: the Go side is `fmt.Sprintf(format, args...)` on the values named in
// the last column). The values are built here with hand-written TypeDescriptors that
// mirror what ir/ emits: main.P{A int; B string}, main.T int with a String method,
// *main.E with an Error method.
#include <cmath>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "stdlib/format.h"
#include "stdlib/strconv.h"

namespace gojit::stdlib {
namespace {

using rt::GoEface;
using rt::GoSlice;
using rt::GoString;
using rt::Kind;
using rt::TypeDescriptor;

GoString Str(std::string_view s) {
  auto* keep = new std::string(s);  // test-lifetime storage
  return {reinterpret_cast<const uint8_t*>(keep->data()), static_cast<int64_t>(keep->size())};
}

TypeDescriptor Basic(Kind k, int64_t size, const char* name, uint8_t flags = 0) {
  TypeDescriptor t{};
  t.size = size;
  t.kind = k;
  t.align = static_cast<uint8_t>(size > 8 ? 8 : size);
  t.flags = flags | rt::kTypeFlagComparable;
  t.name = Str(name);
  return t;
}

GoString TString(rt::G*, void* recv) {
  return Str(absl::StrFormat("T(%d)", *static_cast<int64_t*>(recv)));
}
GoString EError(rt::G*, void* recv) { return *static_cast<GoString*>(recv); }

struct Types {
  TypeDescriptor int_ = Basic(Kind::kInt, 8, "int");
  TypeDescriptor int8_ = Basic(Kind::kInt8, 1, "int8");
  TypeDescriptor int64_ = Basic(Kind::kInt64, 8, "int64");
  TypeDescriptor uint8_ = Basic(Kind::kUint8, 1, "uint8");
  TypeDescriptor uint64_ = Basic(Kind::kUint64, 8, "uint64");
  TypeDescriptor float32_ = Basic(Kind::kFloat32, 4, "float32");
  TypeDescriptor float64_ = Basic(Kind::kFloat64, 8, "float64");
  TypeDescriptor string_ = Basic(Kind::kString, 16, "string");
  TypeDescriptor bool_ = Basic(Kind::kBool, 1, "bool");
  TypeDescriptor ints = Basic(Kind::kSlice, 24, "[]int");
  TypeDescriptor bytes = Basic(Kind::kSlice, 24, "[]uint8");
  rt::StructFieldDesc p_fields[2] = {{Str("A"), &int_, 0, 0}, {Str("B"), &string_, 8, 0}};
  TypeDescriptor p = Basic(Kind::kStruct, 24, "main.P", rt::kTypeFlagNamed);
  TypeDescriptor pp = Basic(Kind::kPointer, 8, "*main.P", rt::kTypeFlagDirectIface);
  rt::MethodDesc t_methods[1] = {{Str("String"), reinterpret_cast<void*>(&TString)}};
  TypeDescriptor t = Basic(Kind::kInt, 8, "main.T", rt::kTypeFlagNamed);
  TypeDescriptor ts = Basic(Kind::kSlice, 24, "[]main.T");
  rt::StructFieldDesc e_fields[1] = {{Str("msg"), &string_, 0, 0}};
  TypeDescriptor e = Basic(Kind::kStruct, 16, "main.E", rt::kTypeFlagNamed);
  rt::MethodDesc e_methods[1] = {{Str("Error"), reinterpret_cast<void*>(&EError)}};
  TypeDescriptor pe = Basic(Kind::kPointer, 8, "*main.E", rt::kTypeFlagDirectIface);

  Types() {
    ints.elem = &int_;
    bytes.elem = &uint8_;
    p.fields = p_fields;
    p.nfields = 2;
    pp.elem = &p;
    t.methods = t_methods;
    t.nmethods = 1;
    ts.elem = &t;
    e.fields = e_fields;
    e.nfields = 1;
    pe.elem = &e;
    pe.methods = e_methods;
    pe.nmethods = 1;
  }
};
const Types& T() {
  static const Types* types = new Types;
  return *types;
}

// Boxes a copy of the value at src as an interface{}.
template <typename V>
GoEface Box(const TypeDescriptor* t, const V& v) {
  if constexpr (std::is_pointer_v<V>) {
    return {t, const_cast<void*>(static_cast<const void*>(v))};  // direct interface
  } else {
    return {t, new V(v)};  // test-lifetime storage
  }
}

GoEface I(int64_t v) { return Box(&T().int_, v); }
GoEface I8(int8_t v) { return Box(&T().int8_, v); }
GoEface I64(int64_t v) { return Box(&T().int64_, v); }
GoEface U8(uint8_t v) { return Box(&T().uint8_, v); }
GoEface U64(uint64_t v) { return Box(&T().uint64_, v); }
GoEface F64(double v) { return Box(&T().float64_, v); }
GoEface F32(float v) { return Box(&T().float32_, v); }
GoEface B(bool v) { return Box(&T().bool_, static_cast<uint8_t>(v)); }
GoEface S(const char* s, size_t n) { return Box(&T().string_, Str({s, n})); }
GoEface Nil() { return {nullptr, nullptr}; }
GoEface Ints(std::vector<int64_t> v, bool nil = false) {
  auto* data = new std::vector<int64_t>(std::move(v));
  if (nil) return Box(&T().ints, GoSlice{nullptr, 0, 0});
  // A non-nil empty slice still has a non-nil data pointer in Go.
  void* p = data->empty() ? static_cast<void*>(data) : data->data();
  return Box(&T().ints, GoSlice{p, static_cast<int64_t>(data->size()),
                                static_cast<int64_t>(data->size())});
}
GoEface Bytes(const char* s, size_t n) {
  auto* keep = new std::string(s, n);
  return Box(&T().bytes, GoSlice{keep->data(), static_cast<int64_t>(n), static_cast<int64_t>(n)});
}
struct PVal {
  int64_t a;
  GoString b;
};
GoEface St(int64_t a, const char* b) { return Box(&T().p, PVal{a, Str(b)}); }
GoEface PSt(int64_t a, const char* b) { return Box(&T().pp, new PVal{a, Str(b)}); }
GoEface Tv(int64_t v) { return Box(&T().t, v); }
GoEface Ts(std::vector<int64_t> v) {
  auto* data = new std::vector<int64_t>(std::move(v));
  return Box(&T().ts, GoSlice{data->data(), static_cast<int64_t>(data->size()),
                              static_cast<int64_t>(data->size())});
}
GoEface Err(const char* msg) { return Box(&T().pe, new GoString(Str(msg))); }

struct Case {
  char mode;  // 'f': Sprintf, 'p': Sprint, 'l': Sprintln
  const char* format;
  const char* want;
  std::vector<GoEface> args;
};

// Rows generated by running gc; see the top of the file.
const std::vector<Case>& Cases() {
  static const auto* cases = new std::vector<Case>{
    {'f', "%d", "42", {I(42)}},
    {'f', "%5d", "   42", {I(42)}},
    {'f', "%-5d|", "42   |", {I(42)}},
    {'f', "%05d", "00042", {I(42)}},
    {'f', "%+d", "+42", {I(42)}},
    {'f', "% d", " 42", {I(42)}},
    {'f', "%x", "2a", {I(42)}},
    {'f', "%X", "2A", {I(42)}},
    {'f', "%#x", "0x2a", {I(42)}},
    {'f', "%#X", "0X2A", {I(42)}},
    {'f', "%o", "52", {I(42)}},
    {'f', "%#o", "052", {I(42)}},
    {'f', "%O", "0o52", {I(42)}},
    {'f', "%b", "101010", {I(42)}},
    {'f', "%#b", "0b101010", {I(42)}},
    {'f', "%v", "42", {I(42)}},
    {'f', "%.3d", "042", {I(42)}},
    {'f', "%8.3d", "     042", {I(42)}},
    {'f', "%08.3d", "     042", {I(42)}},
    {'f', "%+05d", "+0042", {I(42)}},
    {'f', "%-+5d|", "+42  |", {I(42)}},
    {'f', "%s", "%!s(int=42)", {I(42)}},
    {'f', "%t", "%!t(int=42)", {I(42)}},
    {'f', "%e", "%!e(int=42)", {I(42)}},
    {'f', "%q", "'*'", {I(42)}},
    {'f', "%c", "\344\270\226", {I(19990)}},
    {'f', "%U", "U+4E16", {I(19990)}},
    {'f', "%#U", "U+4E16 '\344\270\226'", {I(19990)}},
    {'f', "%x", "2a", {I(42)}},
    {'f', "% x", " 2a", {I(42)}},
    {'f', "%010v", "0000000042", {I(42)}},
    {'f', "%T", "int", {I(42)}},
    {'f', "%p", "%!p(int=42)", {I(42)}},
    {'f', "%z", "%!z(int=42)", {I(42)}},
    {'f', "%d", "-42", {I(-42)}},
    {'f', "%x", "-ff", {I(-255)}},
    {'f', "%05d", "-0042", {I(-42)}},
    {'f', "% d", "-42", {I(-42)}},
    {'f', "%b", "-101", {I(-5)}},
    {'f', "%.0d|", "|", {I(0)}},
    {'f', "%5.0d|", "     |", {I(0)}},
    {'f', "%c", "A", {I(65)}},
    {'f', "%q", "'A'", {I(65)}},
    {'f', "%q", "'\360\237\230\200'", {I(128512)}},
    {'f', "%+q", "'\134u4e16'", {I(19990)}},
    {'f', "%U", "U+1F600", {I(128512)}},
    {'f', "%#U", "U+000A", {I(10)}},
    {'f', "%c", "\357\277\275", {I(-1)}},
    {'f', "%q", "'\357\277\275'", {I(1114112)}},
    {'f', "%v", "-9223372036854775808", {I64(INT64_MIN)}},
    {'f', "%x", "-8000000000000000", {I64(INT64_MIN)}},
    {'f', "%d", "1099511627776", {I64(1099511627776LL)}},
    {'f', "%v", "-5", {I8(-5)}},
    {'f', "%x", "-5", {I8(-5)}},
    {'f', "%d", "200", {U8(200)}},
    {'f', "%x", "c8", {U8(200)}},
    {'f', "%08b", "00000101", {U8(5)}},
    {'f', "%#v", "0xc8", {U8(200)}},
    {'f', "%c", "A", {U8(65)}},
    {'f', "%v", "18446744073709551615", {U64(18446744073709551615ULL)}},
    {'f', "%#v", "0xa", {U64(10ULL)}},
    {'f', "%#v", "10", {I(10)}},
    {'f', "%*d", "   42", {I(5), I(42)}},
    {'f', "%-*d|", "42   |", {I(5), I(42)}},
    {'f', "%*d|", "42   |", {I(-5), I(42)}},
    {'f', "%.*d", "007", {I(3), I(7)}},
    {'f', "%*d", "%!(BADWIDTH)42", {S("x", 1), I(42)}},
    {'f', "%.*d", "%!(BADPREC)7", {I(-1), I(7)}},
    {'f', "%[2]d %[1]d", "2 1", {I(1), I(2)}},
    {'f', "%[3]d", "%!d(BADINDEX)", {I(1), I(2)}},
    {'f', "%[1]d %d", "1 2", {I(1), I(2)}},
    {'f', "%d %d", "1 %!d(MISSING)", {I(1)}},
    {'f', "%d", "1%!(EXTRA int=2, string=s)", {I(1), I(2), S("s", 1)}},
    {'f', "%", "%!(NOVERB)%!(EXTRA int=1)", {I(1)}},
    {'f', "%!", "%!!(int=1)", {I(1)}},
    {'f', "%d", "%!d(<nil>)", {Nil()}},
    {'f', "%v", "<nil>", {Nil()}},
    {'f', "%T", "<nil>", {Nil()}},
    {'f', "%%d %d", "%d 3", {I(3)}},
    {'f', "x%-", "x%!(NOVERB)", {}},
    {'f', "%[x]d", "%!d(BADINDEX)", {I(1)}},
    {'f', "%-010d|", "5         |", {I(5)}},
    {'f', "%\303\274", "%!\303\274(int=1)", {I(1)}},
    {'f', "%d", "%!d(<nil>)%!(EXTRA <nil>)", {Nil(), Nil()}},
    {'f', "%v", "3.14", {F64(3.14)}},
    {'f', "%v", "1e+06", {F64(1e6)}},
    {'f', "%v", "1e+21", {F64(1e21)}},
    {'f', "%v", "1.23456789e+08", {F64(123456789.0)}},
    {'f', "%v", "1e-05", {F64(1e-5)}},
    {'f', "%v", "0.0001", {F64(0.0001)}},
    {'f', "%v", "100000", {F64(100000.0)}},
    {'f', "%v", "1", {F64(1.0)}},
    {'f', "%v", "0.1", {F64(0.1)}},
    {'f', "%v", "2.5", {F64(2.5)}},
    {'f', "%v", "1e+100", {F64(1e100)}},
    {'f', "%v", "5e-324", {F64(5e-324)}},
    {'f', "%v", "1.7976931348623157e+308", {F64(1.7976931348623157e308)}},
    {'f', "%v", "12345.678", {F64(12345.678)}},
    {'f', "%f", "3.141590", {F64(3.14159)}},
    {'f', "%.2f", "3.14", {F64(3.14159)}},
    {'f', "%8.3f|", "  -3.142|", {F64(-3.14159)}},
    {'f', "%-8.2f|", "3.14    |", {F64(3.14159)}},
    {'f', "%08.3f", "-003.142", {F64(-3.14159)}},
    {'f', "%+.1f", "+2.5", {F64(2.5)}},
    {'f', "%.0f", "2", {F64(2.5)}},
    {'f', "%.0f", "4", {F64(3.5)}},
    {'f', "%.1f", "0.2", {F64(0.25)}},
    {'f', "%.1f", "0.3", {F64(0.35)}},
    {'f', "%e", "1.234568e+05", {F64(123456.789)}},
    {'f', "%E", "1.000000E-10", {F64(1e-10)}},
    {'f', "%.3e", "0.000e+00", {F64(0.0)}},
    {'f', "%.0e", "2e+00", {F64(2.5)}},
    {'f', "%g", "1e-07", {F64(1e-7)}},
    {'f', "%G", "1E+21", {F64(1e21)}},
    {'f', "%.3g", "1.23e+05", {F64(123456.0)}},
    {'f', "%.3g", "100", {F64(100.0)}},
    {'f', "%.5g", "1", {F64(1.0)}},
    {'f', "%#g", "1.00000", {F64(1.0)}},
    {'f', "%#.3g", "1.00", {F64(1.0)}},
    {'f', "%#v", "1", {F64(1.0)}},
    {'f', "%#v", "1e+21", {F64(1e21)}},
    {'f', "%x", "0x1p+00", {F64(1.0)}},
    {'f', "%X", "0X1.CP+01", {F64(3.5)}},
    {'f', "%.2x", "0x1.55p-02", {F64(1.0/3)}},
    {'f', "%b", "4503599627370496p-52", {F64(1.0)}},
    {'f', "% f", " 1.500000", {F64(1.5)}},
    {'f', "%+e", "+1.500000e+00", {F64(1.5)}},
    {'f', "%F", "1.500000", {F64(1.5)}},
    {'f', "%d", "%!d(float64=1.5)", {F64(1.5)}},
    {'f', "%s", "%!s(float64=1.5)", {F64(1.5)}},
    {'f', "%10.4v|", "     3.142|", {F64(3.14159)}},
    {'f', "%-10v|", "2.5       |", {F64(2.5)}},
    {'f', "%010.3f", "000003.142", {F64(3.14159)}},
    {'f', "%#.0f", "3.", {F64(3.0)}},
    {'f', "%#.0e", "3.e+00", {F64(3.0)}},
    {'f', "%g", "100000", {F64(100000.0)}},
    {'f', "%g", "1e+06", {F64(1000000.0)}},
    {'f', "%.20f", "0.10000000000000000555", {F64(0.1)}},
    {'f', "%.30e", "3.333333333333333148296162562474e-01", {F64(1.0/3)}},
    {'f', "%#x", "0x1.0000p+00", {F64(1.0)}},
    {'f', "%e", "4.940656e-324", {F64(5e-324)}},
    {'f', "%x", "0x1p-1074", {F64(5e-324)}},
    {'f', "%v", "-0", {F64(-0.0)}},
    {'f', "%+.2f", "-0.00", {F64(-0.0)}},
    {'f', "%v", "+Inf", {F64(INFINITY)}},
    {'f', "%v", "-Inf", {F64(-INFINITY)}},
    {'f', "%v", "NaN", {F64(NAN)}},
    {'f', "%+v", "NaN", {F64(NAN)}},
    {'f', "%05v", " +Inf", {F64(INFINITY)}},
    {'f', "% v", " NaN", {F64(NAN)}},
    {'f', "%08.2f", "    -Inf", {F64(-INFINITY)}},
    {'f', "%v", "0.1", {F32(0.1f)}},
    {'f', "%v", "1e+20", {F32(1e20f)}},
    {'f', "%.10f", "0.1000000015", {F32(0.1f)}},
    {'f', "%g", "3.4e+38", {F32(3.4e38f)}},
    {'f', "%e", "1.500000e+00", {F32(1.5f)}},
    {'f', "%v", "1.6777216e+07", {F32(16777216.0f)}},
    {'f', "%v", "3.1415927", {F32(3.1415927f)}},
    {'f', "%x", "0x1.99999ap-04", {F32(0.1f)}},
    {'f', "%s", "hello", {S("hello", 5)}},
    {'f', "%v", "hello", {S("hello", 5)}},
    {'f', "%q", "\042hi\134n\134\042x\134\042\042", {S("hi\012\042x\042", 6)}},
    {'f', "%+q", "\042h\134u00e9llo\042", {S("h\303\251llo", 6)}},
    {'f', "%q", "\042h\303\251llo\342\230\272\042", {S("h\303\251llo\342\230\272", 9)}},
    {'f', "%#q", "\042back`q\042", {S("back`q", 6)}},
    {'f', "%#q", "`abc`", {S("abc", 3)}},
    {'f', "%x", "68656c6c6f", {S("hello", 5)}},
    {'f', "% x", "68 69", {S("hi", 2)}},
    {'f', "%#x", "0x6869", {S("hi", 2)}},
    {'f', "%# X", "0X68 0X69", {S("hi", 2)}},
    {'f', "%10s|", "        hi|", {S("hi", 2)}},
    {'f', "%-10s|", "hi        |", {S("hi", 2)}},
    {'f', "%.2s", "h\303\251", {S("h\303\251llo", 6)}},
    {'f', "%5.1s|", "    h|", {S("hi", 2)}},
    {'f', "%d", "%!d(string=hi)", {S("hi", 2)}},
    {'f', "%q", "\042\134x00\134x7f\042", {S("\000\177", 2)}},
    {'f', "%x", "", {S("", 0)}},
    {'f', "%8q|", "     \042a\042|", {S("a", 1)}},
    {'f', "%-8q|", "\042a\042     |", {S("a", 1)}},
    {'f', "%010s", "00000000hi", {S("hi", 2)}},
    {'f', "%.1q", "\042h\042", {S("hello", 5)}},
    {'f', "%T", "string", {S("x", 1)}},
    {'f', "%c", "%!c(string=x)", {S("x", 1)}},
    {'f', "%5.3x", "68656c", {S("hello", 5)}},
    {'f', "%q", "\042\303\251\360\237\230\200\042", {S("\303\251\360\237\230\200", 6)}},
    {'f', "%+q", "\042\134U0001f600\042", {S("\360\237\230\200", 4)}},
    {'f', "%s", "\344\270\226\347\225\214", {S("\344\270\226\347\225\214", 6)}},
    {'f', "%6s|", "    \344\270\226\347\225\214|", {S("\344\270\226\347\225\214", 6)}},
    {'f', "%q", "\042\134xff\134xfe\042", {S("\377\376", 2)}},
    {'f', "%s", "a\377b", {S("a\377b", 3)}},
    {'f', "%x", "ff", {S("\377", 1)}},
    {'f', "%t", "true", {B(true)}},
    {'f', "%v", "false", {B(false)}},
    {'f', "%6t|", "  true|", {B(true)}},
    {'f', "%-6v|", "false |", {B(false)}},
    {'f', "%d", "%!d(bool=true)", {B(true)}},
    {'f', "%q", "%!q(bool=true)", {B(true)}},
    {'f', "%T", "bool", {B(true)}},
    {'f', "%v", "[1 2 10]", {Ints({1, 2, 10})}},
    {'f', "%d", "[1 2 10]", {Ints({1, 2, 10})}},
    {'f', "%x", "[1 2 a]", {Ints({1, 2, 10})}},
    {'f', "%03d", "[001 002 010]", {Ints({1, 2, 10})}},
    {'f', "%#v", "[]int{1, 2, 10}", {Ints({1, 2, 10})}},
    {'f', "%s", "[%!s(int=1) %!s(int=2) %!s(int=10)]", {Ints({1, 2, 10})}},
    {'f', "%+v", "[1 2 10]", {Ints({1, 2, 10})}},
    {'f', "%T", "[]int", {Ints({1, 2, 10})}},
    {'f', "%q", "['\134x01' '\134x02' '\134n']", {Ints({1, 2, 10})}},
    {'f', "%5d", "[    1     2    10]", {Ints({1, 2, 10})}},
    {'f', "%v", "[1 2 10]", {Ints({1, 2, 10})}},
    {'f', "%v", "[]", {Ints({})}},
    {'f', "%v", "[]", {Ints({}, true)}},
    {'f', "%#v", "[]int(nil)", {Ints({}, true)}},
    {'f', "%#v", "[]int{}", {Ints({})}},
    {'f', "%v", "{1 x}", {St(1, "x")}},
    {'f', "%+v", "{A:1 B:x}", {St(1, "x")}},
    {'f', "%#v", "main.P{A:1, B:\042x\042}", {St(1, "x")}},
    {'f', "%d", "{1 %!d(string=x)}", {St(1, "x")}},
    {'f', "%T", "main.P", {St(1, "x")}},
    {'f', "%s", "{%!s(int=1) x}", {St(1, "x")}},
    {'f', "%x", "{1 78}", {St(1, "x")}},
    {'f', "%q", "{'\134x01' \042x\042}", {St(1, "x")}},
    {'f', "%10v", "{         1          x}", {St(1, "x")}},
    {'f', "%v", "&{1 x}", {PSt(1, "x")}},
    {'f', "%+v", "&{A:2 B:y}", {PSt(2, "y")}},
    {'f', "%#v", "&main.P{A:2, B:\042y\042}", {PSt(2, "y")}},
    {'f', "%T", "*main.P", {PSt(2, "y")}},
    {'f', "%v", "[104 105 1]", {Bytes("hi\001", 3)}},
    {'f', "%s", "hi\001", {Bytes("hi\001", 3)}},
    {'f', "%x", "686901", {Bytes("hi\001", 3)}},
    {'f', "%X", "686901", {Bytes("hi\001", 3)}},
    {'f', "% x", "68 69 01", {Bytes("hi\001", 3)}},
    {'f', "%q", "\042hi\134x01\042", {Bytes("hi\001", 3)}},
    {'f', "%#v", "[]byte{0x68, 0x69, 0x1}", {Bytes("hi\001", 3)}},
    {'f', "%d", "[104 105 1]", {Bytes("hi\001", 3)}},
    {'f', "%T", "[]uint8", {Bytes("hi\001", 3)}},
    {'f', "%c", "[h i \001]", {Bytes("hi\001", 3)}},
    {'f', "%5s|", "  hi\001|", {Bytes("hi\001", 3)}},
    {'f', "%v", "T(3)", {Tv(3)}},
    {'f', "%s", "T(3)", {Tv(3)}},
    {'f', "%d", "3", {Tv(3)}},
    {'f', "%x", "54283329", {Tv(3)}},
    {'f', "%q", "\042T(3)\042", {Tv(3)}},
    {'f', "%10v|", "      T(3)|", {Tv(3)}},
    {'f', "%v", "[T(1) T(2)]", {Ts({1, 2})}},
    {'f', "%d", "[1 2]", {Ts({1, 2})}},
    {'f', "%v", "boom", {Err("boom")}},
    {'f', "%s", "boom", {Err("boom")}},
    {'f', "%T", "main.T", {Tv(3)}},
    {'f', "%#v", "3", {Tv(3)}},
    {'p', "", "1 2", {I(1), I(2)}},
    {'p', "", "a1 2bc3.5", {S("a", 1), I(1), I(2), S("b", 1), S("c", 1), F64(3.5)}},
    {'p', "", "ab", {S("a", 1), S("b", 1)}},
    {'p', "", "1x2", {I(1), S("x", 1), I(2)}},
    {'p', "", "<nil> <nil>", {Nil(), Nil()}},
    {'p', "", "[1] [2]", {Ints({1}), Ints({2})}},
    {'l', "", "1 2\012", {I(1), I(2)}},
    {'l', "", "a 1 b\012", {S("a", 1), I(1), S("b", 1)}},
    {'l', "", "\012", {}},
    {'l', "", "<nil>\012", {Nil()}},
    {'l', "", "1e+06 0.1 true {1 x} &{1 x} T(4) e\012", {F64(1e6), F32(0.1f), B(true), St(1, "x"), PSt(1, "x"), Tv(4), Err("e")}},
  };
  return *cases;
}

TEST(FormatTest, MatchesGc) {
  int failures = 0;
  for (const Case& c : Cases()) {
    std::string got;
    switch (c.mode) {
      case 'f': got = Sprintf(nullptr, c.format, c.args); break;
      case 'p': got = Sprint(nullptr, c.args); break;
      default: got = Sprintln(nullptr, c.args); break;
    }
    EXPECT_EQ(got, c.want) << "mode " << c.mode << " format \"" << c.format << "\"";
    failures += got != c.want;
  }
  EXPECT_EQ(failures, 0) << "of " << Cases().size() << " cases";
  EXPECT_GE(Cases().size(), 80u);
}

TEST(StrconvTest, FloatShortestAndFixed) {
  EXPECT_EQ(FormatFloat(0.1, 'g', -1, 64), "0.1");
  EXPECT_EQ(FormatFloat(0.1, 'g', -1, 32), "0.1");
  EXPECT_EQ(FormatFloat(1e21, 'f', -1, 64), "1000000000000000000000");
  EXPECT_EQ(FormatFloat(123.456, 'e', 2, 64), "1.23e+02");
  EXPECT_EQ(FormatFloat(-0.0, 'g', -1, 64), "-0");
  EXPECT_EQ(FormatFloat(9.999, 'f', 2, 64), "10.00");
}

TEST(StrconvTest, QuoteAndUtf8) {
  std::string q;
  AppendQuote(q, "a\tb\xff\u00e9", false);
  EXPECT_EQ(q, "\"a\\tb\\xff\u00e9\"");
  EXPECT_EQ(DecodeRune("\xed\xa0\x80").second, 1);  // surrogate half: invalid
  EXPECT_EQ(RuneCount("h\u00e9llo"), 5);
  EXPECT_TRUE(IsPrint(0x4E16));
  EXPECT_FALSE(IsPrint(0x200B));
}

}  // namespace
}  // namespace gojit::stdlib
