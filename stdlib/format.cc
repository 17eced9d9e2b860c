// The fmt engine; see format.h. Structure follows Go's fmt package so the two can be
// diffed: class Fmt is format.go's `fmt` (padding, integers, floats, strings, quoting
// of one operand under the current flags), class Printer is print.go's `pp` (verb
// dispatch, printValue's walk over composite values, doPrint/doPrintln/doPrintf).
// A reflect.Value becomes Value{type descriptor, address of the value, read-only}.
#include "stdlib/format.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "runtime/entrypoints.h"
#include "runtime/runtime.h"
#include "stdlib/format_fmt.h"
#include "stdlib/fmtsort.h"
#include "stdlib/strconv.h"

namespace gojit::stdlib {
namespace {

using namespace fmt_internal;  // NOLINT: format.cc's own internals

// fmt.go's callFormat(arg any, verb rune, wid, prec, bits int) string, called as
// a Go func value: its closure's first word is the function, which takes the
// running G and the closure first (ir/'s convention for func values).
using FormatterFn = GoString (*)(rt::G* g, const void* closure, const TypeDescriptor* arg_type,
                                 const void* arg_data, int32_t verb, int64_t wid, int64_t prec,
                                 int64_t bits);
// callFormat's bits: which of State's Width, Precision and Flags are set.
constexpr int64_t kStateWid = 1, kStatePrec = 2, kStateMinus = 4, kStatePlus = 8,
                  kStateSharp = 16, kStateSpace = 32, kStateZero = 64;
// The closure of callFormat, set once by fmt's init (SetFormatterHook); static
// data, so the collector need not see it.
std::atomic<const void*> formatter_hook{nullptr};

// print.go's pp.
class Printer {
 public:
  explicit Printer(rt::G* g) : g_(g), fmt_(&buf_) {}
  std::string Take() { return std::move(buf_); }

  void DoPrint(std::span<const GoEface> a) {
    bool prev_string = false;
    for (size_t i = 0; i < a.size(); ++i) {
      bool is_string = a[i].type != nullptr && a[i].type->kind == Kind::kString;
      if (i > 0 && !is_string && !prev_string) buf_.push_back(' ');
      PrintArg(a[i], 'v');
      prev_string = is_string;
    }
  }

  void DoPrintln(std::span<const GoEface> a) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (i > 0) buf_.push_back(' ');
      PrintArg(a[i], 'v');
    }
    buf_.push_back('\n');
  }

  void DoPrintf(std::string_view format, std::span<const GoEface> a);

  // Errorf's mode: %w accepts error operands; each %w's operand index is recorded.
  void WrapErrs() { wrap_errs_ = true; }
  const std::vector<int64_t>& wrapped() const { return wrapped_; }

 private:
  void WriteRune(char32_t r) { AppendRune(buf_, static_cast<int32_t>(r)); }
  std::string_view TypeName(const TypeDescriptor* t) { return View(t->name); }

  void BadVerb(char32_t verb) {
    erroring_ = true;
    buf_ += "%!";
    WriteRune(verb);
    buf_.push_back('(');
    if (value_.valid()) {
      buf_ += TypeName(value_.t);
      buf_.push_back('=');
      PrintValue(value_, 'v', 0);
    } else {
      buf_ += "<nil>";
    }
    buf_.push_back(')');
    erroring_ = false;
  }

  void FmtBool(bool v, char32_t verb) {
    if (verb == 't' || verb == 'v') {
      fmt_.FmtBoolean(v);
    } else {
      BadVerb(verb);
    }
  }

  void Fmt0x64(uint64_t v, bool leading0x) {
    bool sharp = fmt_.f.sharp;
    fmt_.f.sharp = leading0x;
    fmt_.FmtInteger(v, 16, false, 'v', kLDigits);
    fmt_.f.sharp = sharp;
  }

  void FmtInteger(uint64_t v, bool is_signed, char32_t verb) {
    switch (verb) {
      case 'v':
        if (fmt_.f.sharp_v && !is_signed) {
          Fmt0x64(v, true);
        } else {
          fmt_.FmtInteger(v, 10, is_signed, verb, kLDigits);
        }
        break;
      case 'd':
        fmt_.FmtInteger(v, 10, is_signed, verb, kLDigits);
        break;
      case 'b':
        fmt_.FmtInteger(v, 2, is_signed, verb, kLDigits);
        break;
      case 'o':
      case 'O':
        fmt_.FmtInteger(v, 8, is_signed, verb, kLDigits);
        break;
      case 'x':
        fmt_.FmtInteger(v, 16, is_signed, verb, kLDigits);
        break;
      case 'X':
        fmt_.FmtInteger(v, 16, is_signed, verb, kUDigits);
        break;
      case 'c':
        fmt_.FmtC(v);
        break;
      case 'q':
        fmt_.FmtQc(v);
        break;
      case 'U':
        FmtUnicode(v);
        break;
      default:
        BadVerb(verb);
    }
  }

  // fmt.fmtUnicode: U+0041, with #: U+0041 'A'.
  void FmtUnicode(uint64_t u) {
    int64_t p = 4;
    if (fmt_.f.prec_present && fmt_.prec > 4) p = fmt_.prec;
    std::string r;
    if (fmt_.f.sharp && u <= static_cast<uint64_t>(kMaxRune) &&
        IsPrint(static_cast<int32_t>(u))) {
      std::string q = " '";
      AppendRune(q, static_cast<int32_t>(u));
      q.push_back('\'');
      r.assign(q.rbegin(), q.rend());
    }
    for (; u >= 16; u >>= 4, --p) r.push_back(kUDigits[u & 0xF]);
    r.push_back(kUDigits[u]);
    for (--p; p > 0; --p) r.push_back('0');
    r += "+U";
    std::reverse(r.begin(), r.end());
    fmt_.PadNoZero(r);
  }

  void FmtFloat(double v, int size, char32_t verb) {
    switch (verb) {
      case 'v':
        fmt_.FmtFloat(v, size, 'g', -1);
        break;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        fmt_.FmtFloat(v, size, static_cast<char>(verb), -1);
        break;
      case 'f':
      case 'e':
      case 'E':
        fmt_.FmtFloat(v, size, static_cast<char>(verb), 6);
        break;
      case 'F':
        fmt_.FmtFloat(v, size, 'f', 6);
        break;
      default:
        BadVerb(verb);
    }
  }

  void FmtComplex(double re, double im, int size, char32_t verb) {
    switch (verb) {
      case 'v':
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
      case 'e':
      case 'E': {
        bool old_plus = fmt_.f.plus;
        buf_.push_back('(');
        FmtFloat(re, size / 2, verb);
        fmt_.f.plus = true;
        FmtFloat(im, size / 2, verb);
        buf_ += "i)";
        fmt_.f.plus = old_plus;
        break;
      }
      default:
        BadVerb(verb);
    }
  }

  void FmtString(std::string_view v, char32_t verb) {
    switch (verb) {
      case 'v':
        if (fmt_.f.sharp_v) {
          fmt_.FmtQ(v);
        } else {
          fmt_.FmtS(v);
        }
        break;
      case 's':
        fmt_.FmtS(v);
        break;
      case 'x':
        fmt_.FmtSbx(v, kLDigits);
        break;
      case 'X':
        fmt_.FmtSbx(v, kUDigits);
        break;
      case 'q':
        fmt_.FmtQ(v);
        break;
      default:
        BadVerb(verb);
    }
  }

  // fmt.fmtBytes for the verbs printValue routes here (s q x X) and []byte's %v/%d.
  void FmtBytes(Value v, std::string_view bytes, bool is_nil, char32_t verb,
                std::string_view type_string) {
    switch (verb) {
      case 'v':
      case 'd':
        if (fmt_.f.sharp_v) {
          buf_ += type_string;
          if (is_nil) {
            buf_ += "(nil)";
            return;
          }
          buf_.push_back('{');
          for (size_t i = 0; i < bytes.size(); ++i) {
            if (i > 0) buf_ += ", ";
            Fmt0x64(static_cast<uint8_t>(bytes[i]), true);
          }
          buf_.push_back('}');
        } else {
          buf_.push_back('[');
          for (size_t i = 0; i < bytes.size(); ++i) {
            if (i > 0) buf_.push_back(' ');
            fmt_.FmtInteger(static_cast<uint8_t>(bytes[i]), 10, false, verb, kLDigits);
          }
          buf_.push_back(']');
        }
        break;
      case 's':
        fmt_.FmtS(bytes);
        break;
      case 'x':
        fmt_.FmtSbx(bytes, kLDigits);
        break;
      case 'X':
        fmt_.FmtSbx(bytes, kUDigits);
        break;
      case 'q':
        fmt_.FmtQ(bytes);
        break;
      default:
        PrintValue(v, verb, 0);
    }
  }

  void FmtPointer(Value v, char32_t verb) {
    uintptr_t u;
    switch (v.kind()) {
      case Kind::kChan:
      case Kind::kFunc:
      case Kind::kMap:
      case Kind::kPointer:
      case Kind::kSlice:
      case Kind::kUnsafePointer:
        u = v.Pointer();
        break;
      default:
        BadVerb(verb);
        return;
    }
    switch (verb) {
      case 'v':
        if (fmt_.f.sharp_v) {
          buf_.push_back('(');
          buf_ += TypeName(v.t);
          buf_ += ")(";
          if (u == 0) {
            buf_ += "nil";
          } else {
            Fmt0x64(u, true);
          }
          buf_.push_back(')');
        } else if (u == 0) {
          fmt_.Pad("<nil>");
        } else {
          Fmt0x64(u, !fmt_.f.sharp);
        }
        break;
      case 'p':
        Fmt0x64(u, !fmt_.f.sharp);
        break;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        FmtInteger(u, false, verb);
        break;
      default:
        BadVerb(verb);
    }
  }

  // Whether m is Format(fmt.State, rune) with no results: the Formatter method
  // (time.Time's Format(string) string is not).
  static bool IsFormatterMethod(const rt::MethodDesc& m) {
    const TypeDescriptor* sig = m.mtyp;
    return sig != nullptr && sig->len == 2 && sig->nfields == 0 && sig->elem != nullptr &&
           View(sig->elem->name) == "fmt.State";
  }

  static const rt::MethodDesc* FindMethod(const TypeDescriptor* t,
                                          std::string_view name) {
    for (int64_t i = 0; i < t->nmethods; ++i) {
      if (View(t->methods[i].name) == name) return &t->methods[i];
    }
    return nullptr;
  }

  // print.go's catchPanic: what a method that panicked prints instead of its
  // result. A nil pointer receiver prints <nil>; a panic while printing such a
  // panic's value goes on up.
  void CatchPanic(const Value& v, char32_t verb, std::string_view method, GoEface err) {
    if (v.kind() == Kind::kPointer && v.Pointer() == 0) {
      fmt_.FmtS("<nil>");
      return;
    }
    if (panicking_) gojit_rt_gopanic(g_, err.type, err.data);
    FmtFlags saved = fmt_.f;
    fmt_.ClearFlags();
    buf_ += "%!";
    WriteRune(verb);
    buf_ += "(PANIC=";
    buf_ += method;
    buf_ += " method: ";
    panicking_ = true;
    PrintArg(err, 'v');
    panicking_ = false;
    buf_ += ')';
    fmt_.f = saved;
  }

  // Calls a method of v that returns a string (Error, String, GoString) under
  // catchPanic; false when it panicked (CatchPanic has written what stands for it).
  bool CallStringMethod(const Value& v, const rt::MethodDesc* m, char32_t verb, GoString* out) {
    struct Call {
      StringMethodFn fn;
      void* receiver;
      GoString result;
    } call{reinterpret_cast<StringMethodFn>(m->fn), DataWord(v.t, v.p), {}};
    GoEface err;
    if (rt::CallRecovering(
            g_, [](rt::G* g, void* arg) {
              auto* c = static_cast<Call*>(arg);
              c->result = c->fn(g, c->receiver);
            },
            &call, &err)) {
      CatchPanic(v, verb, View(m->name), err);
      return false;
    }
    *out = call.result;
    return true;
  }

  // v's Format method with a State of the current verb's width, precision and flags,
  // under catchPanic.
  void CallFormat(const Value& v, char32_t verb) {
    const FmtFlags& fl = fmt_.f;
    struct Call {
      const void* closure;
      const TypeDescriptor* t;
      void* data;
      int32_t verb;
      int64_t wid, prec, bits;
      GoString result;
    } call{formatter_hook.load(std::memory_order_acquire), v.t, DataWord(v.t, v.p), static_cast<int32_t>(verb),
           fmt_.wid, fmt_.prec,
           (fl.wid_present ? kStateWid : 0) | (fl.prec_present ? kStatePrec : 0) | (fl.minus ? kStateMinus : 0) |
               (fl.plus || fl.plus_v ? kStatePlus : 0) | (fl.sharp || fl.sharp_v ? kStateSharp : 0) |
               (fl.space ? kStateSpace : 0) | (fl.zero ? kStateZero : 0),
           {}};
    GoEface err;
    if (rt::CallRecovering(
            g_, [](rt::G* g, void* arg) {
              auto* c = static_cast<Call*>(arg);
              auto fn = *static_cast<const FormatterFn*>(c->closure);
              c->result = fn(g, c->closure, c->t, c->data, c->verb, c->wid, c->prec, c->bits);
            },
            &call, &err)) {
      CatchPanic(v, verb, "Format", err);
      return;
    }
    buf_.append(View(call.result));
  }

  // fmt.handleMethods: Error() then String() for v s x X q, GoString() for %#v.
  bool HandleMethods(Value v, char32_t verb) {
    if (erroring_ || !v.valid()) return false;
    if (v.kind() == Kind::kInterface) {
      v = v.Elem();
      if (!v.valid()) return false;
    }
    if (verb == 'w') {
      // %w is for Errorf only, and for error operands only (print.go).
      if (!wrap_errs_ || FindMethod(v.t, "Error") == nullptr) {
        value_ = v;
        BadVerb(verb);
        return true;
      }
      verb = 'v';
    }
    // A Formatter first (print.go), for every verb but %T and %p (which never get
    // here); its Format writes through a Go State (fmt.go's callFormat).
    if (const rt::MethodDesc* f = FindMethod(v.t, "Format");
        f != nullptr && IsFormatterMethod(*f) &&
        formatter_hook.load(std::memory_order_acquire) != nullptr) {
      CallFormat(v, verb);
      return true;
    }
    const rt::MethodDesc* m = nullptr;
    if (fmt_.f.sharp_v) {
      m = FindMethod(v.t, "GoString");
      if (m == nullptr) return false;
    } else {
      switch (verb) {
        case 'v':
        case 's':
        case 'x':
        case 'X':
        case 'q':
          m = FindMethod(v.t, "Error");
          if (m == nullptr) m = FindMethod(v.t, "String");
          break;
      }
      if (m == nullptr) return false;
    }
    GoString s;
    if (!CallStringMethod(v, m, verb, &s)) return true;
    if (fmt_.f.sharp_v) {
      fmt_.FmtS(View(s));
    } else {
      FmtString(View(s), verb);
    }
    return true;
  }

  void PrintArg(const GoEface& arg, char32_t verb) {
    value_ = {};
    if (arg.type == nullptr) {
      if (verb == 'T' || verb == 'v') {
        fmt_.Pad("<nil>");
      } else {
        BadVerb(verb);
      }
      return;
    }
    Value v = FromEface(arg);
    if (verb == 'T') {
      fmt_.FmtS(TypeName(arg.type));
      return;
    }
    if (verb == 'p') {
      value_ = v;
      FmtPointer(v, 'p');
      return;
    }
    const TypeDescriptor* t = arg.type;
    // print.go's `case reflect.Value:` prints the value the Value holds (deeper
    // down, a Value is printed by its String method, as any Stringer). The layout
    // is stdlib/reflect/value.go's: {typ, ptr, flag}; flagIndir (2) means ptr
    // points to the value, else ptr is the (pointer-shaped) value itself.
    if ((t->flags & rt::kTypeFlagNamed) && View(t->name) == "reflect.Value") {
      struct ReflectValue {
        const TypeDescriptor* typ;
        const void* ptr;
        uintptr_t flag;
      };
      const auto* rv = static_cast<const ReflectValue*>(arg.data);
      Value inner;
      if (rv->typ != nullptr) {
        inner = {rv->typ, (rv->flag & 2) != 0 ? rv->ptr : &rv->ptr, (rv->flag & 1) != 0};
      }
      if (inner.valid() && !inner.ro && HandleMethods(inner, verb)) return;
      PrintValue(inner, verb, 0);
      return;
    }
    // print.go's `case []byte:` (only the unnamed type) keeps the name "[]byte".
    if (t->kind == Kind::kSlice && !(t->flags & rt::kTypeFlagNamed) &&
        t->elem->kind == Kind::kUint8 && !(t->elem->flags & rt::kTypeFlagNamed)) {
      value_ = v;
      GoSlice s = v.Load<GoSlice>();
      FmtBytes(v, {static_cast<const char*>(s.ptr), static_cast<size_t>(s.len)},
               s.ptr == nullptr, verb, "[]byte");
      return;
    }
    if (!HandleMethods(v, verb)) PrintValue(v, verb, 0);
  }

  void PrintValue(Value v, char32_t verb, int depth);

  rt::G* g_;
  std::string buf_;
  Fmt fmt_;
  Value value_;
  bool reordered_ = false;
  bool good_arg_num_ = true;
  bool erroring_ = false;
  bool panicking_ = false;  // printing the value a method panicked with
  bool wrap_errs_ = false;
  std::vector<int64_t> wrapped_;  // the operand index of each %w, in format order
};

void Printer::PrintValue(Value v, char32_t verb, int depth) {
  if (depth > 0 && v.valid() && !v.ro) {
    if (HandleMethods(v, verb)) return;
  }
  value_ = v;
  if (!v.valid()) {
    if (depth == 0) {
      buf_ += "<invalid reflect.Value>";
    } else if (verb == 'v') {
      buf_ += "<nil>";
    } else {
      BadVerb(verb);
    }
    return;
  }
  switch (v.kind()) {
    case Kind::kBool:
      FmtBool(v.Load<uint8_t>() != 0, verb);
      break;
    case Kind::kInt:
    case Kind::kInt8:
    case Kind::kInt16:
    case Kind::kInt32:
    case Kind::kInt64:
      FmtInteger(static_cast<uint64_t>(v.Int()), true, verb);
      break;
    case Kind::kUint:
    case Kind::kUint8:
    case Kind::kUint16:
    case Kind::kUint32:
    case Kind::kUint64:
    case Kind::kUintptr:
      FmtInteger(v.Uint(), false, verb);
      break;
    case Kind::kFloat32:
      FmtFloat(v.Load<float>(), 32, verb);
      break;
    case Kind::kFloat64:
      FmtFloat(v.Load<double>(), 64, verb);
      break;
    case Kind::kComplex64: {
      float c[2];
      std::memcpy(c, v.p, sizeof c);
      FmtComplex(c[0], c[1], 64, verb);
      break;
    }
    case Kind::kComplex128: {
      double c[2];
      std::memcpy(c, v.p, sizeof c);
      FmtComplex(c[0], c[1], 128, verb);
      break;
    }
    case Kind::kString:
      FmtString(v.String(), verb);
      break;
    case Kind::kMap: {
      if (fmt_.f.sharp_v) {
        buf_ += TypeName(v.t);
        if (v.Pointer() == 0) {
          buf_ += "(nil)";
          return;
        }
        buf_.push_back('{');
      } else {
        buf_ += "map[";
      }
      auto entries = SortedMap(g_, v);
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) {
          if (fmt_.f.sharp_v) {
            buf_ += ", ";
          } else {
            buf_.push_back(' ');
          }
        }
        PrintValue(entries[i].first, verb, depth + 1);
        buf_.push_back(':');
        PrintValue(entries[i].second, verb, depth + 1);
      }
      buf_.push_back(fmt_.f.sharp_v ? '}' : ']');
      break;
    }
    case Kind::kStruct:
      if (fmt_.f.sharp_v) buf_ += TypeName(v.t);
      buf_.push_back('{');
      for (int64_t i = 0; i < v.t->nfields; ++i) {
        if (i > 0) {
          if (fmt_.f.sharp_v) {
            buf_ += ", ";
          } else {
            buf_.push_back(' ');
          }
        }
        if (fmt_.f.plus_v || fmt_.f.sharp_v) {
          std::string_view name = View(v.t->fields[i].name);
          if (!name.empty()) {
            buf_ += name;
            buf_.push_back(':');
          }
        }
        PrintValue(v.Field(i), verb, depth + 1);
      }
      buf_.push_back('}');
      break;
    case Kind::kInterface: {
      Value e = v.Elem();
      if (!e.valid()) {
        if (fmt_.f.sharp_v) {
          buf_ += TypeName(v.t);
          buf_ += "(nil)";
        } else {
          buf_ += "<nil>";
        }
      } else {
        PrintValue(e, verb, depth + 1);
      }
      break;
    }
    case Kind::kArray:
    case Kind::kSlice: {
      if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
          v.t->elem->kind == Kind::kUint8) {
        const char* data = v.kind() == Kind::kSlice
                               ? static_cast<const char*>(v.Load<GoSlice>().ptr)
                               : static_cast<const char*>(v.p);
        FmtBytes(v, {data, static_cast<size_t>(v.Len())}, false, verb, TypeName(v.t));
        return;
      }
      if (fmt_.f.sharp_v) {
        buf_ += TypeName(v.t);
        if (v.kind() == Kind::kSlice && v.Pointer() == 0) {
          buf_ += "(nil)";
          return;
        }
        buf_.push_back('{');
        for (int64_t i = 0; i < v.Len(); ++i) {
          if (i > 0) buf_ += ", ";
          PrintValue(v.Index(i), verb, depth + 1);
        }
        buf_.push_back('}');
      } else {
        buf_.push_back('[');
        for (int64_t i = 0; i < v.Len(); ++i) {
          if (i > 0) buf_.push_back(' ');
          PrintValue(v.Index(i), verb, depth + 1);
        }
        buf_.push_back(']');
      }
      break;
    }
    case Kind::kPointer:
      if (depth == 0 && v.Pointer() != 0) {
        Value a = v.Elem();
        switch (a.kind()) {
          case Kind::kArray:
          case Kind::kSlice:
          case Kind::kStruct:
          case Kind::kMap:
            buf_.push_back('&');
            PrintValue(a, verb, depth + 1);
            return;
          default:
            break;
        }
      }
      FmtPointer(v, verb);
      break;
    case Kind::kChan:
    case Kind::kFunc:
    case Kind::kUnsafePointer:
      FmtPointer(v, verb);
      break;
    default:
      buf_.push_back('?');
      buf_ += TypeName(v.t);
      buf_.push_back('?');
  }
}

// parsenum: an ASCII decimal at s[start:end), 0/false if none or too large.
struct Num {
  int64_t num = 0;
  bool isnum = false;
  size_t newi = 0;
};
Num ParseNum(std::string_view s, size_t start, size_t end) {
  Num n;
  if (start >= end) {
    n.newi = end;
    return n;
  }
  for (n.newi = start; n.newi < end && s[n.newi] >= '0' && s[n.newi] <= '9'; ++n.newi) {
    if (TooLarge(n.num)) return {0, false, end};
    n.num = n.num * 10 + (s[n.newi] - '0');
    n.isnum = true;
  }
  return n;
}

// intFromArg: a '*' width or precision operand.
void IntFromArg(std::span<const GoEface> a, size_t& arg_num, int64_t& num, bool& is_int) {
  num = 0;
  is_int = false;
  if (arg_num >= a.size()) return;
  Value v = FromEface(a[arg_num]);
  if (v.valid()) {
    switch (v.kind()) {
      case Kind::kInt:
      case Kind::kInt8:
      case Kind::kInt16:
      case Kind::kInt32:
      case Kind::kInt64:
        num = v.Int();
        is_int = true;
        break;
      case Kind::kUint:
      case Kind::kUint8:
      case Kind::kUint16:
      case Kind::kUint32:
      case Kind::kUint64:
      case Kind::kUintptr: {
        uint64_t u = v.Uint();
        if (static_cast<int64_t>(u) >= 0) {
          num = static_cast<int64_t>(u);
          is_int = true;
        }
        break;
      }
      default:
        break;
    }
  }
  ++arg_num;
  if (TooLarge(num)) {
    num = 0;
    is_int = false;
  }
}

}  // namespace

// pp.doPrintf, including argNumber/parseArgNumber for %[n]d.
void Printer::DoPrintf(std::string_view format, std::span<const GoEface> a) {
  const size_t end = format.size();
  size_t arg_num = 0;
  bool after_index = false;
  reordered_ = false;

  // argNumber: an optional [n] at i; returns whether one was found.
  auto arg_number = [&](size_t& i) -> bool {
    if (end <= i || format[i] != '[') return false;
    reordered_ = true;
    std::string_view f = format.substr(i);
    int64_t index = 0;
    size_t wid = 1;
    bool ok = false;
    if (f.size() >= 3) {
      for (size_t j = 1; j < f.size(); ++j) {
        if (f[j] == ']') {
          Num n = ParseNum(f, 1, j);
          if (!n.isnum || n.newi != j) {
            wid = j + 1;
          } else {
            index = n.num - 1;
            wid = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    i += wid;
    if (ok && 0 <= index && index < static_cast<int64_t>(a.size())) {
      arg_num = static_cast<size_t>(index);
      return true;
    }
    good_arg_num_ = false;
    return ok;
  };

  for (size_t i = 0; i < end;) {
    good_arg_num_ = true;
    size_t lasti = i;
    while (i < end && format[i] != '%') ++i;
    if (i > lasti) buf_.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    ++i;  // skip %
    fmt_.ClearFlags();
    bool done_simple = false;
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') {
        fmt_.f.sharp = true;
      } else if (c == '0') {
        fmt_.f.zero = true;  // Go 1.23+: kept beside '-', which stops it padding (fmt.h)
      } else if (c == '+') {
        fmt_.f.plus = true;
      } else if (c == '-') {
        fmt_.f.minus = true;
      } else if (c == ' ') {
        fmt_.f.space = true;
      } else {
        // Fast path for the common case of an ASCII verb with no width/precision.
        if ('a' <= c && c <= 'z' && arg_num < a.size()) {
          if (c == 'v') {
            fmt_.f.sharp_v = fmt_.f.sharp;
            fmt_.f.sharp = false;
            fmt_.f.plus_v = fmt_.f.plus;
            fmt_.f.plus = false;
          }
          if (c == 'w' && wrap_errs_) wrapped_.push_back(static_cast<int64_t>(arg_num));
          PrintArg(a[arg_num], static_cast<char32_t>(c));
          ++arg_num;
          ++i;
          done_simple = true;
        }
        break;
      }
    }
    if (done_simple) continue;

    after_index = arg_number(i);

    if (i < end && format[i] == '*') {
      ++i;
      bool present;
      IntFromArg(a, arg_num, fmt_.wid, present);
      fmt_.f.wid_present = present;
      if (!present) buf_ += "%!(BADWIDTH)";
      if (fmt_.wid < 0) {
        fmt_.wid = -fmt_.wid;
        fmt_.f.minus = true;
        fmt_.f.zero = false;
      }
      after_index = false;
    } else {
      Num n = ParseNum(format, i, end);
      fmt_.wid = n.num;
      fmt_.f.wid_present = n.isnum;
      i = n.newi;
      if (after_index && fmt_.f.wid_present) good_arg_num_ = false;
    }

    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;
      after_index = arg_number(i);
      if (i < end && format[i] == '*') {
        ++i;
        bool present;
        IntFromArg(a, arg_num, fmt_.prec, present);
        fmt_.f.prec_present = present;
        if (fmt_.prec < 0) {
          fmt_.prec = 0;
          fmt_.f.prec_present = false;
        }
        if (!fmt_.f.prec_present) buf_ += "%!(BADPREC)";
        after_index = false;
      } else {
        Num n = ParseNum(format, i, end);
        fmt_.prec = n.num;
        fmt_.f.prec_present = n.isnum;
        i = n.newi;
        if (!fmt_.f.prec_present) {
          fmt_.prec = 0;
          fmt_.f.prec_present = true;
        }
      }
    }

    if (!after_index) after_index = arg_number(i);

    if (i >= end) {
      buf_ += "%!(NOVERB)";
      break;
    }

    char32_t verb = static_cast<uint8_t>(format[i]);
    int size = 1;
    if (verb >= 0x80) {
      auto [r, w] = DecodeRune(format.substr(i));
      verb = static_cast<char32_t>(r);
      size = w;
    }
    i += size;

    if (verb == '%') {
      buf_.push_back('%');
    } else if (!good_arg_num_) {
      buf_ += "%!";
      WriteRune(verb);
      buf_ += "(BADINDEX)";
    } else if (arg_num >= a.size()) {
      buf_ += "%!";
      WriteRune(verb);
      buf_ += "(MISSING)";
    } else {
      if (verb == 'v') {
        fmt_.f.sharp_v = fmt_.f.sharp;
        fmt_.f.sharp = false;
        fmt_.f.plus_v = fmt_.f.plus;
        fmt_.f.plus = false;
      }
      if (verb == 'w' && wrap_errs_) wrapped_.push_back(static_cast<int64_t>(arg_num));
      PrintArg(a[arg_num], verb);
      ++arg_num;
    }
  }

  if (!reordered_ && arg_num < a.size()) {
    fmt_.ClearFlags();
    buf_ += "%!(EXTRA ";
    for (size_t k = arg_num; k < a.size(); ++k) {
      if (k > arg_num) buf_ += ", ";
      if (a[k].type == nullptr) {
        buf_ += "<nil>";
      } else {
        buf_ += TypeName(a[k].type);
        buf_.push_back('=');
        PrintArg(a[k], 'v');
      }
    }
    buf_.push_back(')');
  }
}

std::string Sprint(rt::G* g, std::span<const GoEface> args) {
  Printer p(g);
  p.DoPrint(args);
  return p.Take();
}

std::string Sprintln(rt::G* g, std::span<const GoEface> args) {
  Printer p(g);
  p.DoPrintln(args);
  return p.Take();
}

void SetFormatterHook(const void* closure) {
  formatter_hook.store(closure, std::memory_order_release);
}

std::string Sprintf(rt::G* g, std::string_view format, std::span<const GoEface> args) {
  Printer p(g);
  p.DoPrintf(format, args);
  return p.Take();
}

std::string Errorf(rt::G* g, std::string_view format, std::span<const GoEface> args,
                   std::vector<int64_t>* wrapped) {
  Printer p(g);
  p.WrapErrs();
  p.DoPrintf(format, args);
  *wrapped = p.wrapped();
  return p.Take();
}

}  // namespace gojit::stdlib
