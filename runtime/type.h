// Type descriptors and the memory layout of Go values, shared by ir/ (which emits
// one constant descriptor per type a program uses) and the runtime (which reads them
// to print, compare, box and, later, scan values). Mirrors runtime/type.go's _type.
//
// Layout of Go values in memory (x86-64), which every C++ native relies on:
//   bool, int8/uint8: 1 byte    int/uint/uintptr/int64: 8 bytes   float64: double
//   string:    GoString {const uint8_t* ptr; int64_t len}
//   slice:     GoSlice  {void* ptr; int64_t len; int64_t cap}
//   interface{}: GoEface {const TypeDescriptor* type; void* data}
//   pointer, map, chan, func: one pointer word
// An interface's data word points to a heap copy of the value, except for
// pointer-shaped types (pointers, maps, chans, funcs, unsafe.Pointer) which are stored
// directly, as gc does ("direct interface" types).
//
// Invariants:
//  1. ir/type_descriptors.cc builds the LLVM struct with exactly these fields in this
//     order; the static_asserts below pin the offsets it assumes.
//  2. Two descriptors are the same type iff they are the same address: ir/ emits one
//     descriptor per type per program (linkonce by mangled type name).
#pragma once

#include <cstddef>
#include <cstdint>

namespace gojit::rt {

// reflect.Kind's numbering.
enum class Kind : uint8_t {
  kInvalid = 0, kBool, kInt, kInt8, kInt16, kInt32, kInt64, kUint, kUint8, kUint16,
  kUint32, kUint64, kUintptr, kFloat32, kFloat64, kComplex64, kComplex128, kArray,
  kChan, kFunc, kInterface, kMap, kPointer, kSlice, kString, kStruct, kUnsafePointer,
};

struct GoString {
  const uint8_t* ptr;
  int64_t len;
};

struct GoSlice {
  void* ptr;
  int64_t len;
  int64_t cap;
};

struct TypeDescriptor;

struct GoEface {
  const TypeDescriptor* type;
  void* data;
};

struct StructFieldDesc {
  GoString name;
  const TypeDescriptor* type;
  int64_t offset;
  int64_t embedded;  // 1 for an embedded field
  GoString tag;       // the tag's value (the literal unquoted), empty without one
  GoString pkg_path;  // an unexported field's package path (reflect's PkgPath), else empty
};

// A method in a type's method set. fn is an adapter taking (G*, receiver data word,
// params...): the data word is the interface's (a pointer to the value, or the value
// itself for direct-interface types), so itabs can hold fn as is. mtyp is the
// method's signature, a func type, compared by address to match interface methods.
// An interface type's descriptor lists its methods with fn null.
struct MethodDesc {
  GoString name;
  void* fn;
  const TypeDescriptor* mtyp = nullptr;
};

// What a func type's descriptor points to in `fields` (ir/reflect_call.cc): its
// parameter and result types, and the adapters through which package reflect
// calls a function of the type (Value.Call) and makes one (MakeFunc).
struct FuncTypeInfo {
  int64_t nin;
  int64_t nout;
  void* call;      // void(G*, closure, code, ctx, args frame, results frame)
  void* makefunc;  // the type's own shape: code word of MakeFunc's closures
  const TypeDescriptor* types[1];  // really nin + nout: parameters, then results
};

// Mirrors runtime.itab: the method table of a concrete type for an interface.
// A non-empty interface value is {const Itab* tab, void* data}; an empty one is
// {const TypeDescriptor* type, void* data} (GoEface). fun has one entry per method
// of `inter`, in inter's method order (sorted by name).
struct Itab {
  const TypeDescriptor* inter;
  const TypeDescriptor* type;
  uint32_t hash;
  uint32_t pad;
  void* fun[1];  // really inter->nmethods entries
};

// TypeDescriptor flags.
inline constexpr uint8_t kTypeFlagDirectIface = 1;  // value stored in the data word
inline constexpr uint8_t kTypeFlagNamed = 2;        // a defined (named) type
inline constexpr uint8_t kTypeFlagComparable = 4;

struct TypeDescriptor {
  int64_t size;
  int64_t ptrdata;  // bytes of prefix that may hold pointers (for the collector)
  uint32_t hash;
  Kind kind;
  uint8_t align;
  uint8_t flags;
  uint8_t pad;
  GoString name;                // as %T prints it: "int", "main.T", "[]string"
  const TypeDescriptor* elem;   // pointer, slice, array, chan elem; map value; func: 1st param
  const TypeDescriptor* key;    // map key
  int64_t len;                  // array length; chan direction; func: params (variadic: -(n+1))
  const StructFieldDesc* fields;  // struct fields; a func type's FuncTypeInfo
  int64_t nfields;  // struct: fields; func: bytes of its results
  const MethodDesc* methods;    // the method set, sorted by name (see MethodDesc)
  int64_t nmethods;
  // The pointer mask of the first ptrdata bytes, one bit per word, LSB first (gc's
  // gcdata for types without a GC program). Null with ptrdata != 0: every word
  // may be a pointer (descriptors the C++ runtime writes by hand).
  const uint8_t* gcdata;
  // *T's descriptor when the program has one (ir/ fills it in once lowering is
  // done; gc's PtrToThis), else null: reflect.New and PointerTo build one then.
  const TypeDescriptor* ptr_to_this;
};

// A func type's FuncTypeInfo, which its descriptor keeps in `fields`.
inline const FuncTypeInfo* FuncTypeInfoOf(const TypeDescriptor* t) {
  return reinterpret_cast<const FuncTypeInfo*>(t->fields);
}

static_assert(offsetof(TypeDescriptor, size) == 0);
static_assert(offsetof(TypeDescriptor, ptrdata) == 8);
static_assert(offsetof(TypeDescriptor, hash) == 16);
static_assert(offsetof(TypeDescriptor, kind) == 20);
static_assert(offsetof(TypeDescriptor, name) == 24);
static_assert(offsetof(TypeDescriptor, elem) == 40);
static_assert(offsetof(TypeDescriptor, key) == 48);
static_assert(offsetof(TypeDescriptor, len) == 56);
static_assert(offsetof(TypeDescriptor, fields) == 64);
static_assert(offsetof(TypeDescriptor, nfields) == 72);
static_assert(offsetof(TypeDescriptor, methods) == 80);
static_assert(offsetof(TypeDescriptor, nmethods) == 88);
static_assert(offsetof(TypeDescriptor, gcdata) == 96);
static_assert(offsetof(TypeDescriptor, ptr_to_this) == 104);
static_assert(sizeof(TypeDescriptor) == 112);

}  // namespace gojit::rt
