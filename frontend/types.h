// Go types, as the checker computes them (modelled on go/types).
//
// Types are interned where Go's type identity is structural (pointer, slice, array,
// map, chan, func signatures, tuples): TypeTable hands out one object per distinct
// structure, so identical types are equal pointers. Named (defined) types are
// identical only to themselves, which pointer identity gives for free. Struct and
// interface types are compared structurally by Identical() and are not interned.
//
// What this file does not do: method sets and assignability rules live in the
// checker (checker_types.cc); LLVM types live in ir/. Sizes and offsets as gc
// computes them for amd64 (unsafe.Sizeof ...) are in sizes.cc.
//
// Invariants:
//  1. Every Type is owned by the TypeTable and lives as long as it.
//  2. Underlying() of a Named type is never a Named type.
//  3. Basic types with kUntyped* kinds appear only on constant expressions and are
//     replaced by their default or context type before ir/ sees a value.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"

namespace gojit::frontend {

enum class TypeKind : uint8_t {
  kBasic, kPointer, kArray, kSlice, kMap, kChan, kStruct, kFunc, kInterface, kNamed,
  kTuple, kTypeParam,
};

enum class BasicKind : uint8_t {
  kInvalid,
  kBool, kInt, kInt8, kInt16, kInt32, kInt64, kUint, kUint8, kUint16, kUint32, kUint64,
  kUintptr, kFloat32, kFloat64, kComplex64, kComplex128, kString, kUnsafePointer,
  kUntypedBool, kUntypedInt, kUntypedRune, kUntypedFloat, kUntypedComplex,
  kUntypedString, kUntypedNil,
};

class Object;
class Type;
class Named;

class Type {
 public:
  explicit Type(TypeKind kind) : kind_(kind) {}
  virtual ~Type() = default;
  TypeKind kind() const { return kind_; }
  // The underlying type (itself for anything but Named).
  Type* Underlying();
  const Type* Underlying() const { return const_cast<Type*>(this)->Underlying(); }
  template <typename T>
  T* As() {
    return kind_ == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  // As() on the underlying type.
  template <typename T>
  T* UAs() {
    return Underlying()->As<T>();
  }

 private:
  TypeKind kind_;
};

class Basic : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kBasic;
  Basic(BasicKind basic, const char* name) : Type(kKind), basic_(basic), name_(name) {}
  BasicKind basic() const { return basic_; }
  const char* name() const { return name_; }
  bool IsInteger() const;
  bool IsUnsigned() const;
  bool IsFloat() const;
  bool IsComplex() const;
  bool IsNumeric() const;
  bool IsString() const;
  bool IsBoolean() const;
  bool IsUntyped() const { return basic_ >= BasicKind::kUntypedBool; }
  bool IsOrdered() const { return IsInteger() || IsFloat() || IsString(); }
  // Size in bytes for typed numeric kinds (int: 8).
  int Size() const;

 private:
  BasicKind basic_;
  const char* name_;
};

class Pointer : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kPointer;
  explicit Pointer(Type* elem) : Type(kKind), elem_(elem) {}
  Type* elem() const { return elem_; }

 private:
  Type* elem_;
};

class Slice : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kSlice;
  explicit Slice(Type* elem) : Type(kKind), elem_(elem) {}
  Type* elem() const { return elem_; }

 private:
  Type* elem_;
};

class Array : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kArray;
  Array(Type* elem, int64_t len) : Type(kKind), elem_(elem), len_(len) {}
  Type* elem() const { return elem_; }
  int64_t len() const { return len_; }

 private:
  Type* elem_;
  int64_t len_;
};

class Map : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kMap;
  Map(Type* key, Type* elem) : Type(kKind), key_(key), elem_(elem) {}
  Type* key() const { return key_; }
  Type* elem() const { return elem_; }

 private:
  Type* key_;
  Type* elem_;
};

class Chan : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kChan;
  Chan(ChanDir dir, Type* elem) : Type(kKind), dir_(dir), elem_(elem) {}
  ChanDir dir() const { return dir_; }
  Type* elem() const { return elem_; }

 private:
  ChanDir dir_;
  Type* elem_;
};

struct StructField {
  std::string name;  // for an embedded field, the type's name
  Type* type;
  bool embedded = false;
  std::string tag;
  Object* object = nullptr;  // the field's Var object
};

class Struct : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kStruct;
  explicit Struct(std::vector<StructField> fields) : Type(kKind), fields_(std::move(fields)) {}
  const std::vector<StructField>& fields() const { return fields_; }

 private:
  std::vector<StructField> fields_;
};

class Tuple : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kTuple;
  explicit Tuple(std::vector<Type*> elems) : Type(kKind), elems_(std::move(elems)) {}
  const std::vector<Type*>& elems() const { return elems_; }
  size_t size() const { return elems_.size(); }

 private:
  std::vector<Type*> elems_;
};

// A function signature. The receiver is not part of the type (as in Go).
class Func : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kFunc;
  Func(Tuple* params, Tuple* results, bool variadic)
      : Type(kKind), params_(params), results_(results), variadic_(variadic) {}
  Tuple* params() const { return params_; }
  Tuple* results() const { return results_; }
  // When variadic, the last parameter's type is a slice []T.
  bool variadic() const { return variadic_; }

 private:
  Tuple* params_;
  Tuple* results_;
  bool variadic_;
};

struct InterfaceMethod {
  std::string name;
  Func* sig;
};

// One term of a union in a constraint: `~int` (tilde) or `string`.
struct TypeTerm {
  bool tilde = false;
  Type* type = nullptr;
};

class Interface : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kInterface;
  explicit Interface(std::vector<InterfaceMethod> methods)
      : Type(kKind), methods_(std::move(methods)) {}
  // The full method set (embedded interfaces flattened), sorted by name.
  const std::vector<InterfaceMethod>& methods() const { return methods_; }
  bool IsEmpty() const { return methods_.empty() && !IsConstraint(); }
  // The type set beyond the methods, for constraints: a type is in it when it
  // matches a term of every union and, if `comparable`, is comparable. An interface
  // with either can only constrain type parameters.
  const std::vector<std::vector<TypeTerm>>& unions() const { return unions_; }
  bool comparable() const { return comparable_; }
  bool IsConstraint() const { return !unions_.empty() || comparable_; }
  void SetTypeSet(std::vector<std::vector<TypeTerm>> unions, bool comparable) {
    unions_ = std::move(unions);
    comparable_ = comparable;
  }

 private:
  std::vector<InterfaceMethod> methods_;
  std::vector<std::vector<TypeTerm>> unions_;
  bool comparable_ = false;
};

// A type parameter of a generic function or type. It appears only in the
// signatures and declarations of generics: a generic body is checked and lowered
// once per instance, with its type parameters bound to the type arguments
// (checker_generic.cc), so no value that ir/ sees has a TypeParam type.
class TypeParam : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kTypeParam;
  TypeParam(Object* obj, int index) : Type(kKind), obj_(obj), index_(index) {}
  Object* obj() const { return obj_; }
  int index() const { return index_; }
  Interface* constraint() const { return constraint_; }
  // The constraint as written, for messages: Number, fmt.Stringer, ~int | string.
  const std::string& constraint_name() const { return constraint_name_; }
  void set_constraint(Interface* c, std::string name) {
    constraint_ = c;
    constraint_name_ = std::move(name);
  }

 private:
  Object* obj_;
  int index_;
  Interface* constraint_ = nullptr;
  std::string constraint_name_;
};

// A defined type: `type T U`. Methods are the Func objects declared on T or *T.
class Named : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kNamed;
  explicit Named(Object* obj) : Type(kKind), obj_(obj) {}
  Object* obj() const { return obj_; }
  Type* underlying() const { return underlying_; }
  void set_underlying(Type* u) { underlying_ = u; }
  std::vector<Object*>& methods() { return methods_; }
  // A generic type (`type List[T any] ...`) has type parameters; its underlying
  // type and methods are written in terms of them. An instance (List[int]) has its
  // origin and type arguments, and its own underlying type and methods with the
  // arguments substituted.
  std::vector<TypeParam*>& type_params() { return type_params_; }
  bool IsGeneric() const { return !type_params_.empty(); }
  Named* origin() const { return origin_; }
  const std::vector<Type*>& type_args() const { return type_args_; }
  void SetInstanceOf(Named* origin, std::vector<Type*> args) {
    origin_ = origin;
    type_args_ = std::move(args);
  }
  // Whether the instance's methods have been instantiated (checker_generic.cc).
  bool methods_expanded = false;

 private:
  Object* obj_;
  Type* underlying_ = nullptr;  // null while the declaration is being resolved
  std::vector<Object*> methods_;
  std::vector<TypeParam*> type_params_;
  Named* origin_ = nullptr;
  std::vector<Type*> type_args_;
};

inline Type* Type::Underlying() {
  if (kind_ == TypeKind::kNamed) {
    Type* u = static_cast<Named*>(this)->underlying();
    return u ? u : this;
  }
  return this;
}

// Owns and interns types. One per compilation.
class TypeTable {
 public:
  TypeTable();
  Basic* basic(BasicKind kind) { return basics_[static_cast<int>(kind)].get(); }
  Pointer* NewPointer(Type* elem);
  Slice* NewSlice(Type* elem);
  Array* NewArray(Type* elem, int64_t len);
  Map* NewMap(Type* key, Type* elem);
  Chan* NewChan(ChanDir dir, Type* elem);
  Tuple* NewTuple(std::vector<Type*> elems);
  Func* NewFunc(Tuple* params, Tuple* results, bool variadic);
  Struct* NewStruct(std::vector<StructField> fields);
  Interface* NewInterface(std::vector<InterfaceMethod> methods);
  Named* NewNamed(Object* obj);
  TypeParam* NewTypeParam(Object* obj, int index);
  // byte and rune: the same kinds as uint8 and int32 under their own names, so
  // messages say "byte" where the program did (as gc's types2 does).
  Basic* byte_type() { return byte_.get(); }
  Basic* rune_type() { return rune_.get(); }
  Tuple* empty_tuple() { return empty_tuple_; }
  Interface* empty_interface() { return empty_interface_; }

 private:
  template <typename T, typename... Args>
  T* Own(Args&&... args) {
    auto t = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = t.get();
    owned_.push_back(std::move(t));
    return raw;
  }
  std::vector<std::unique_ptr<Basic>> basics_;
  std::unique_ptr<Basic> byte_, rune_;
  std::vector<std::unique_ptr<Type>> owned_;
  std::map<Type*, Pointer*> pointers_;
  std::map<Type*, Slice*> slices_;
  std::map<std::pair<Type*, int64_t>, Array*> arrays_;
  std::map<std::pair<Type*, Type*>, Map*> maps_;
  std::map<std::pair<int, Type*>, Chan*> chans_;
  std::map<std::vector<Type*>, Tuple*> tuples_;
  std::map<std::tuple<Tuple*, Tuple*, bool>, Func*> funcs_;
  Tuple* empty_tuple_;
  Interface* empty_interface_;
};

// Type identity per the Go spec.
bool Identical(Type* a, Type* b);
// The type as gc prints it in messages and %T: "int", "[]string", "main.T",
// "func(int) string", "untyped int". While a MessagePackageScope is open, types
// of its package print unqualified ("T"), as types2's qualifier does in compile
// errors.
std::string TypeString(Type* t);
struct Package;
class MessagePackageScope {
 public:
  explicit MessagePackageScope(const Package* pkg);
  ~MessagePackageScope();
  MessagePackageScope(const MessagePackageScope&) = delete;
  MessagePackageScope& operator=(const MessagePackageScope&) = delete;

 private:
  const Package* saved_;
};
// As reflect and %T print it: byte and rune are uint8 and int32.
std::string ReflectTypeString(Type* t);
// ReflectTypeString made unique per type: function-local named types get their
// declaration's position appended (gc names them main.T·1). For symbol names.
std::string UniqueTypeString(Type* t);
// The default type of an untyped kind (untyped int -> int, ...); t itself otherwise.
Type* DefaultType(TypeTable& types, Type* t);
bool IsUntyped(Type* t);
bool IsInterface(Type* t);
bool IsComparable(Type* t);
// Whether a TypeParam occurs in t (in a generic's signature or declaration).
bool ContainsTypeParams(Type* t);
// The Basic underlying t, or null.
Basic* UBasic(Type* t);
// Whether t's underlying type is the basic kind k.
bool IsBasicKind(Type* t, BasicKind k);

// gc's amd64 layout (sizes.cc), which ir/'s LLVM layout agrees with.
int64_t SizeOf(Type* t);
int64_t AlignOf(Type* t);
std::vector<int64_t> FieldOffsets(Struct* st);
// Whether gc pads st by a byte: it ends in a zero-size field after a non-empty prefix.
bool EndsInZeroSizeField(Struct* st);

}  // namespace gojit::frontend
