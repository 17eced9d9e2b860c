// gojit's fmt engine: Go's fmt.Sprint / Sprintln / Sprintf over boxed operands
// (GoEface: type descriptor + data word), a port of fmt/print.go's pp and
// fmt/format.go's fmt that walks TypeDescriptors instead of reflect.Values.
//
// Covered, with gc's exact text: every verb of the fmt docs for bool, integers of
// every size, floats, complex, strings, []byte, pointers, chans, funcs, slices,
// arrays, structs (%v %+v %#v), nested values, nil interfaces; width, precision,
// '*', explicit argument indexes %[n]d, flags "-+# 0"; the error forms %!d(string=hi),
// %!d(MISSING), %!(EXTRA int=3), %!(BADWIDTH), %!(NOVERB), %!d(BADINDEX); Print's
// and Println's spacing rules; Error() then String() methods (GoString() for %#v),
// found by name in the descriptor's method table, as fmt.handleMethods does.
//
// Maps print with their keys sorted as internal/fmtsort sorts them; Errorf's %w
// records the operand indexes of the wrapped errors (any number of %w, Go 1.20+).
// A Formatter operand (a Format(fmt.State, rune) method) is formatted by its
// method, through the Go function fmt.go's init registers (SetFormatterHook),
// which gives it a State carrying the verb's width, precision and flags.
// Not yet: catching a panicking String or Format method (a nil pointer receiver
// prints <nil> without calling the method).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/type.h"

namespace gojit::rt {
struct G;
}

namespace gojit::stdlib {

// fmt.Sprint: spaces between operands when neither side is a string.
std::string Sprint(rt::G* g, std::span<const rt::GoEface> args);
// fmt.Sprintln: spaces between all operands and a final newline.
std::string Sprintln(rt::G* g, std::span<const rt::GoEface> args);
// fmt.Sprintf.
std::string Sprintf(rt::G* g, std::string_view format, std::span<const rt::GoEface> args);

// fmt.Errorf's formatting: Sprintf where a %w operand that is an error prints as
// %v; *wrapped gets the operand index of every %w, in the format's order.
std::string Errorf(rt::G* g, std::string_view format, std::span<const rt::GoEface> args,
                   std::vector<int64_t>* wrapped);

// The signature of a compiled Go method `func (T) String() string` (and Error,
// GoString) as MethodDesc::fn holds it: receiver data word in, string in RAX:RDX.
using StringMethodFn = rt::GoString (*)(rt::G*, void* receiver);

// The receiver data word of the value of type t stored at p: the value itself for
// pointer-shaped (direct interface) types, else p.
inline void* DataWord(const rt::TypeDescriptor* t, const void* p) {
  return (t->flags & rt::kTypeFlagDirectIface) ? *static_cast<void* const*>(p)
                                               : const_cast<void*>(p);
}
// Where the value of an eface lives: &e.data for direct types, e.data otherwise.
inline const void* ValuePtr(const rt::GoEface& e) {
  return (e.type->flags & rt::kTypeFlagDirectIface) ? static_cast<const void*>(&e.data)
                                                    : e.data;
}

// fmt's init: the closure of fmt.callFormat (a static Go func value).
void SetFormatterHook(const void* closure);

}  // namespace gojit::stdlib
