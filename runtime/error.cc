// The runtime's error values (mirrors runtime/error.go): what a recover() returns
// after a runtime panic, and what the panic printer prints through their Error
// method. Three types, each a string type with methods Error and RuntimeError, as
// runtime.Error requires:
//
//   runtime.errorString          Error() = "runtime error: " + s  (bounds, divide, nil...)
//   runtime.plainError           Error() = s  ("assignment to entry in nil map")
//   *runtime.TypeAssertionError  Error() = s  ("interface conversion: ...")
//
// gc has more (boundsError keeps its operands); the texts are the same.
#include <cstring>
#include <string>

#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

GoString Lit(const char* s, size_t n) {
  return GoString{reinterpret_cast<const uint8_t*>(s), static_cast<int64_t>(n)};
}
#define GOJIT_LIT(s) Lit(s, sizeof(s) - 1)

// The signature of Error() string, matched by name against the compiler's own
// descriptor for it (runtime/itab.cc compares method types by name as a fallback).
const TypeDescriptor kErrorMethodType = {
    .size = 8, .ptrdata = 8, .hash = 0, .kind = Kind::kFunc, .align = 8, .flags = 0, .pad = 0,
    .name = GOJIT_LIT("func() string"), .elem = nullptr, .key = nullptr, .len = 0,
    .fields = nullptr, .nfields = 0, .methods = nullptr, .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};

GoString ErrorStringError(G* g, void* recv) {
  auto* s = static_cast<GoString*>(recv);
  std::string text = "runtime error: ";
  text.append(reinterpret_cast<const char*>(s->ptr), static_cast<size_t>(s->len));
  return NewString(g, text);
}
GoString PlainErrorError(G*, void* recv) { return *static_cast<GoString*>(recv); }
void RuntimeErrorMarker(G*, void*) {}

const TypeDescriptor kVoidMethodType = {
    .size = 8, .ptrdata = 8, .hash = 0, .kind = Kind::kFunc, .align = 8, .flags = 0, .pad = 0,
    .name = GOJIT_LIT("func()"), .elem = nullptr, .key = nullptr, .len = 0,
    .fields = nullptr, .nfields = 0, .methods = nullptr, .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};

const MethodDesc kErrorStringMethods[] = {
    {GOJIT_LIT("Error"), reinterpret_cast<void*>(&ErrorStringError), &kErrorMethodType},
    {GOJIT_LIT("RuntimeError"), reinterpret_cast<void*>(&RuntimeErrorMarker), &kVoidMethodType},
};
const MethodDesc kPlainErrorMethods[] = {
    {GOJIT_LIT("Error"), reinterpret_cast<void*>(&PlainErrorError), &kErrorMethodType},
    {GOJIT_LIT("RuntimeError"), reinterpret_cast<void*>(&RuntimeErrorMarker), &kVoidMethodType},
};

TypeDescriptor ErrorType(GoString name, const MethodDesc* methods) {
  return TypeDescriptor{.size = 16, .ptrdata = 8, .hash = 0, .kind = Kind::kString, .align = 8,
                        .flags = kTypeFlagNamed | kTypeFlagComparable, .pad = 0, .name = name,
                        .elem = nullptr, .key = nullptr, .len = 0, .fields = nullptr,
                        .nfields = 0, .methods = methods, .nmethods = 2, .gcdata = nullptr, .ptr_to_this = nullptr};
}

const TypeDescriptor kErrorStringType =
    ErrorType(GOJIT_LIT("runtime.errorString"), kErrorStringMethods);
const TypeDescriptor kPlainErrorType = ErrorType(GOJIT_LIT("runtime.plainError"), kPlainErrorMethods);
const TypeDescriptor kTypeAssertionErrorType =
    ErrorType(GOJIT_LIT("*runtime.TypeAssertionError"), kPlainErrorMethods);

GoEface Make(G* g, const TypeDescriptor* t, std::string_view msg) {
  auto* s = static_cast<GoString*>(Malloc(g, sizeof(GoString), t));
  *s = NewString(g, msg);
  return GoEface{t, s};
}

}  // namespace

GoEface RuntimeErrorValue(G* g, std::string_view msg) { return Make(g, &kErrorStringType, msg); }
GoEface PlainErrorValue(G* g, std::string_view msg) { return Make(g, &kPlainErrorType, msg); }
GoEface TypeAssertionErrorValue(G* g, std::string_view msg) {
  return Make(g, &kTypeAssertionErrorType, msg);
}

}  // namespace gojit::rt
