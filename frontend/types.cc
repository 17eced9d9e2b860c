// Type construction, interning, identity and printing (see types.h).
#include "frontend/types.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/scope.h"

namespace gojit::frontend {

bool Basic::IsInteger() const {
  return (basic_ >= BasicKind::kInt && basic_ <= BasicKind::kUintptr) ||
         basic_ == BasicKind::kUntypedInt || basic_ == BasicKind::kUntypedRune;
}
bool Basic::IsUnsigned() const {
  return basic_ >= BasicKind::kUint && basic_ <= BasicKind::kUintptr;
}
bool Basic::IsFloat() const {
  return basic_ == BasicKind::kFloat32 || basic_ == BasicKind::kFloat64 ||
         basic_ == BasicKind::kUntypedFloat;
}
bool Basic::IsComplex() const {
  return basic_ == BasicKind::kComplex64 || basic_ == BasicKind::kComplex128 ||
         basic_ == BasicKind::kUntypedComplex;
}
bool Basic::IsNumeric() const { return IsInteger() || IsFloat() || IsComplex(); }
bool Basic::IsString() const {
  return basic_ == BasicKind::kString || basic_ == BasicKind::kUntypedString;
}
bool Basic::IsBoolean() const {
  return basic_ == BasicKind::kBool || basic_ == BasicKind::kUntypedBool;
}
int Basic::Size() const {
  switch (basic_) {
    case BasicKind::kBool: case BasicKind::kInt8: case BasicKind::kUint8: return 1;
    case BasicKind::kInt16: case BasicKind::kUint16: return 2;
    case BasicKind::kInt32: case BasicKind::kUint32: case BasicKind::kFloat32: return 4;
    case BasicKind::kComplex128: case BasicKind::kString: return 16;
    default: return 8;
  }
}

TypeTable::TypeTable() {
  static const char* const kNames[] = {
      "invalid type", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
      "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64",
      "complex128", "string", "unsafe.Pointer", "untyped bool", "untyped int",
      "untyped rune", "untyped float", "untyped complex", "untyped string", "untyped nil"};
  for (int k = 0; k <= static_cast<int>(BasicKind::kUntypedNil); ++k) {
    basics_.push_back(std::make_unique<Basic>(static_cast<BasicKind>(k), kNames[k]));
  }
  byte_ = std::make_unique<Basic>(BasicKind::kUint8, "byte");
  rune_ = std::make_unique<Basic>(BasicKind::kInt32, "rune");
  empty_tuple_ = NewTuple({});
  empty_interface_ = NewInterface({});
}

Pointer* TypeTable::NewPointer(Type* elem) {
  auto& p = pointers_[elem];
  if (!p) p = Own<Pointer>(elem);
  return p;
}
Slice* TypeTable::NewSlice(Type* elem) {
  auto& p = slices_[elem];
  if (!p) p = Own<Slice>(elem);
  return p;
}
Array* TypeTable::NewArray(Type* elem, int64_t len) {
  auto& p = arrays_[{elem, len}];
  if (!p) p = Own<Array>(elem, len);
  return p;
}
Map* TypeTable::NewMap(Type* key, Type* elem) {
  auto& p = maps_[{key, elem}];
  if (!p) p = Own<Map>(key, elem);
  return p;
}
Chan* TypeTable::NewChan(ChanDir dir, Type* elem) {
  auto& p = chans_[{static_cast<int>(dir), elem}];
  if (!p) p = Own<Chan>(dir, elem);
  return p;
}
Tuple* TypeTable::NewTuple(std::vector<Type*> elems) {
  auto& p = tuples_[elems];
  if (!p) p = Own<Tuple>(elems);
  return p;
}
Func* TypeTable::NewFunc(Tuple* params, Tuple* results, bool variadic) {
  auto& p = funcs_[{params, results, variadic}];
  if (!p) p = Own<Func>(params, results, variadic);
  return p;
}
Struct* TypeTable::NewStruct(std::vector<StructField> fields) {
  return Own<Struct>(std::move(fields));
}
Interface* TypeTable::NewInterface(std::vector<InterfaceMethod> methods) {
  std::sort(methods.begin(), methods.end(),
            [](const InterfaceMethod& a, const InterfaceMethod& b) { return a.name < b.name; });
  return Own<Interface>(std::move(methods));
}
Named* TypeTable::NewNamed(Object* obj) { return Own<Named>(obj); }
TypeParam* TypeTable::NewTypeParam(Object* obj, int index) { return Own<TypeParam>(obj, index); }

bool Identical(Type* a, Type* b) {
  if (a == b) return true;
  if (!a || !b || a->kind() != b->kind()) return false;
  switch (a->kind()) {
    case TypeKind::kBasic:
      return a->As<Basic>()->basic() == b->As<Basic>()->basic();
    case TypeKind::kPointer:
      return Identical(a->As<Pointer>()->elem(), b->As<Pointer>()->elem());
    case TypeKind::kSlice:
      return Identical(a->As<Slice>()->elem(), b->As<Slice>()->elem());
    case TypeKind::kArray:
      return a->As<Array>()->len() == b->As<Array>()->len() &&
             Identical(a->As<Array>()->elem(), b->As<Array>()->elem());
    case TypeKind::kMap:
      return Identical(a->As<Map>()->key(), b->As<Map>()->key()) &&
             Identical(a->As<Map>()->elem(), b->As<Map>()->elem());
    case TypeKind::kChan:
      return a->As<Chan>()->dir() == b->As<Chan>()->dir() &&
             Identical(a->As<Chan>()->elem(), b->As<Chan>()->elem());
    case TypeKind::kTuple: {
      auto &x = a->As<Tuple>()->elems(), &y = b->As<Tuple>()->elems();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!Identical(x[i], y[i])) return false;
      return true;
    }
    case TypeKind::kFunc: {
      Func *x = a->As<Func>(), *y = b->As<Func>();
      return x->variadic() == y->variadic() && Identical(x->params(), y->params()) &&
             Identical(x->results(), y->results());
    }
    case TypeKind::kStruct: {
      auto &x = a->As<Struct>()->fields(), &y = b->As<Struct>()->fields();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].name != y[i].name || x[i].embedded != y[i].embedded || x[i].tag != y[i].tag ||
            !Identical(x[i].type, y[i].type))
          return false;
        // Unexported names from different packages differ.
        if (!x[i].name.empty() && !isupper(static_cast<unsigned char>(x[i].name[0])) &&
            x[i].object && y[i].object && x[i].object->pkg != y[i].object->pkg)
          return false;
      }
      return true;
    }
    case TypeKind::kInterface: {
      auto &x = a->As<Interface>()->methods(), &y = b->As<Interface>()->methods();
      if (x.size() != y.size()) return false;
      if (a->As<Interface>()->IsConstraint() || b->As<Interface>()->IsConstraint()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (x[i].name != y[i].name || !Identical(x[i].sig, y[i].sig)) return false;
      return true;
    }
    case TypeKind::kNamed:
    case TypeKind::kTypeParam:
      return false;
  }
  return false;
}

std::string TypeStringImpl(Type* t, bool reflect);

// A struct tag as gc's reflect writes it in a type's name: the tag's value as an
// interpreted string literal (strconv.Quote), whichever quotes the source used.
std::string QuotedTag(const std::string& literal) {
  if (literal.size() < 2 || literal[0] != '`') return literal;  // already "..."
  std::string out = "\"";
  for (char c : literal.substr(1, literal.size() - 2)) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}
// Set while computing a UniqueTypeString.
thread_local bool unique_names = false;
// The package whose types messages print unqualified (MessagePackageScope).
thread_local const Package* message_pkg = nullptr;
namespace {
std::string TupleString(Tuple* t, bool variadic, bool reflect) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < t->size(); ++i) {
    Type* e = t->elems()[i];
    if (variadic && i + 1 == t->size() && e->As<Slice>()) {
      parts.push_back(absl::StrCat("...", TypeString(e->As<Slice>()->elem())));
    } else {
      parts.push_back(TypeStringImpl(e, reflect));
    }
  }
  return absl::StrJoin(parts, ", ");
}
std::string SignatureString(Func* f, bool reflect) {
  std::string s = absl::StrCat("(", TupleString(f->params(), f->variadic(), reflect), ")");
  auto& r = f->results()->elems();
  if (r.size() == 1) absl::StrAppend(&s, " ", TypeStringImpl(r[0], reflect));
  if (r.size() > 1) absl::StrAppend(&s, " (", TupleString(f->results(), false, reflect), ")");
  return s;
}
}  // namespace

std::string TypeStringImpl(Type* t, bool reflect) {
  if (!t) return "<nil>";
  switch (t->kind()) {
    case TypeKind::kBasic: {
      std::string name = t->As<Basic>()->name();
      if (reflect && name == "byte") return "uint8";
      if (reflect && name == "rune") return "int32";
      return name;
    }
    case TypeKind::kPointer:
      return absl::StrCat("*", TypeStringImpl(t->As<Pointer>()->elem(), reflect));
    case TypeKind::kSlice:
      return absl::StrCat("[]", TypeStringImpl(t->As<Slice>()->elem(), reflect));
    case TypeKind::kArray:
      return absl::StrCat("[", t->As<Array>()->len(), "]", TypeStringImpl(t->As<Array>()->elem(), reflect));
    case TypeKind::kMap:
      return absl::StrCat("map[", TypeStringImpl(t->As<Map>()->key(), reflect), "]",
                          TypeStringImpl(t->As<Map>()->elem(), reflect));
    case TypeKind::kChan: {
      Chan* c = t->As<Chan>();
      const char* prefix = c->dir() == ChanDir::kSend ? "chan<- "
                           : c->dir() == ChanDir::kRecv ? "<-chan " : "chan ";
      return absl::StrCat(prefix, TypeStringImpl(c->elem(), reflect));
    }
    case TypeKind::kTuple:
      return absl::StrCat("(", TupleString(t->As<Tuple>(), false, reflect), ")");
    case TypeKind::kFunc:
      return absl::StrCat("func", SignatureString(t->As<Func>(), reflect));
    case TypeKind::kStruct: {
      std::vector<std::string> parts;
      for (auto& f : t->As<Struct>()->fields()) {
        parts.push_back(f.embedded ? TypeStringImpl(f.type, reflect)
                                   : absl::StrCat(f.name, " ", TypeStringImpl(f.type, reflect)));
        // Tags are part of the type's identity (the tag's literal text, as written).
        if (!f.tag.empty() && unique_names) {
          absl::StrAppend(&parts.back(), " ", f.tag);
        } else if (!f.tag.empty() && reflect) {
          absl::StrAppend(&parts.back(), " ", QuotedTag(f.tag));
        }
      }
      // gc's reflect (and so %T) spaces the braces: "struct { A int }", "struct {}";
      // types2's messages do not: "struct{A int}".
      if (reflect) {
        return parts.empty() ? "struct {}"
                             : absl::StrCat("struct { ", absl::StrJoin(parts, "; "), " }");
      }
      return absl::StrCat("struct{", absl::StrJoin(parts, "; "), "}");
    }
    case TypeKind::kInterface: {
      Interface* i = t->As<Interface>();
      if (i->IsEmpty()) return "interface {}";
      std::vector<std::string> parts;
      if (i->comparable()) parts.push_back("comparable");
      for (auto& m : i->methods()) parts.push_back(absl::StrCat(m.name, SignatureString(m.sig, reflect)));
      for (auto& u : i->unions()) {
        std::vector<std::string> terms;
        for (const TypeTerm& term : u)
          terms.push_back(absl::StrCat(term.tilde ? "~" : "", TypeStringImpl(term.type, reflect)));
        parts.push_back(absl::StrJoin(terms, " | "));
      }
      return absl::StrCat("interface {", absl::StrJoin(parts, "; "), "}");
    }
    case TypeKind::kNamed: {
      if (Named* origin = t->As<Named>()->origin()) {
        std::vector<std::string> args;
        for (Type* a : t->As<Named>()->type_args()) args.push_back(TypeStringImpl(a, reflect));
        return absl::StrCat(TypeStringImpl(origin, reflect), "[", absl::StrJoin(args, ","), "]");
      }
      Object* obj = t->As<Named>()->obj();
      if (!obj->pkg) return obj->name;  // error, any, comparable
      if (!reflect && obj->pkg == message_pkg) return obj->name;
      std::string name = absl::StrCat(obj->pkg->name, ".", obj->name);
      if (!obj->instance_args.empty()) {
        std::vector<std::string> args;
        for (Type* a : obj->instance_args) args.push_back(TypeStringImpl(a, reflect));
        absl::StrAppend(&name, "[", absl::StrJoin(args, ","), "]");
      }
      // A type declared inside a function: two such types may share a name.
      if (unique_names && obj->pkg->scope->LookupLocal(obj->name) != obj)
        absl::StrAppend(&name, "·", obj->pos.file, ":", obj->pos.line, ":", obj->pos.col);
      return name;
    }
    case TypeKind::kTypeParam:
      return t->As<TypeParam>()->obj()->name;
  }
  return "?";
}

std::string TypeString(Type* t) { return TypeStringImpl(t, false); }
MessagePackageScope::MessagePackageScope(const Package* pkg) : saved_(message_pkg) {
  message_pkg = pkg;
}
MessagePackageScope::~MessagePackageScope() { message_pkg = saved_; }
std::string ReflectTypeString(Type* t) { return TypeStringImpl(t, true); }
std::string UniqueTypeString(Type* t) {
  unique_names = true;
  std::string s = TypeStringImpl(t, true);
  unique_names = false;
  return s;
}

Type* DefaultType(TypeTable& types, Type* t) {
  Basic* b = t ? t->As<Basic>() : nullptr;
  if (!b) return t;
  switch (b->basic()) {
    case BasicKind::kUntypedBool: return types.basic(BasicKind::kBool);
    case BasicKind::kUntypedInt: return types.basic(BasicKind::kInt);
    case BasicKind::kUntypedRune: return types.basic(BasicKind::kInt32);
    case BasicKind::kUntypedFloat: return types.basic(BasicKind::kFloat64);
    case BasicKind::kUntypedComplex: return types.basic(BasicKind::kComplex128);
    case BasicKind::kUntypedString: return types.basic(BasicKind::kString);
    default: return t;
  }
}

bool IsUntyped(Type* t) {
  Basic* b = t ? t->As<Basic>() : nullptr;
  return b && b->IsUntyped();
}

bool ContainsTypeParams(Type* t) {
  if (!t) return false;
  switch (t->kind()) {
    case TypeKind::kTypeParam:
      return true;
    case TypeKind::kBasic:
      return false;
    case TypeKind::kPointer:
      return ContainsTypeParams(t->As<Pointer>()->elem());
    case TypeKind::kSlice:
      return ContainsTypeParams(t->As<Slice>()->elem());
    case TypeKind::kArray:
      return ContainsTypeParams(t->As<Array>()->elem());
    case TypeKind::kMap:
      return ContainsTypeParams(t->As<Map>()->key()) || ContainsTypeParams(t->As<Map>()->elem());
    case TypeKind::kChan:
      return ContainsTypeParams(t->As<Chan>()->elem());
    case TypeKind::kTuple:
      for (Type* e : t->As<Tuple>()->elems())
        if (ContainsTypeParams(e)) return true;
      return false;
    case TypeKind::kFunc:
      return ContainsTypeParams(t->As<Func>()->params()) ||
             ContainsTypeParams(t->As<Func>()->results());
    case TypeKind::kStruct:
      for (auto& f : t->As<Struct>()->fields())
        if (ContainsTypeParams(f.type)) return true;
      return false;
    case TypeKind::kInterface:
      for (auto& m : t->As<Interface>()->methods())
        if (ContainsTypeParams(m.sig)) return true;
      for (auto& u : t->As<Interface>()->unions())
        for (auto& term : u)
          if (ContainsTypeParams(term.type)) return true;
      return false;
    case TypeKind::kNamed:
      for (Type* a : t->As<Named>()->type_args())
        if (ContainsTypeParams(a)) return true;
      return false;
  }
  return false;
}

Basic* UBasic(Type* t) { return t ? t->Underlying()->As<Basic>() : nullptr; }

bool IsBasicKind(Type* t, BasicKind k) {
  Basic* b = UBasic(t);
  return b && b->basic() == k;
}

bool IsInterface(Type* t) { return t && t->Underlying()->kind() == TypeKind::kInterface; }

namespace {

// `named` holds the defined types being looked through: an invalid recursive type
// (type T struct{ T }, type K [1]K; reported by the checker) would otherwise
// recurse forever. On such a cycle the type is taken as comparable, which adds no
// second error.
bool IsComparableAlong(Type* t, std::vector<const Type*>* named) {
  if (t->As<Named>()) {
    if (std::find(named->begin(), named->end(), t) != named->end()) return true;
    named->push_back(t);
  }
  const size_t depth = named->size();
  bool result = true;
  Type* u = t->Underlying();
  switch (u->kind()) {
    case TypeKind::kSlice:
    case TypeKind::kMap:
    case TypeKind::kFunc:
      result = false;
      break;
    case TypeKind::kArray:
      result = IsComparableAlong(u->As<Array>()->elem(), named);
      break;
    case TypeKind::kStruct:
      for (auto& f : u->As<Struct>()->fields()) {
        if (!IsComparableAlong(f.type, named)) {
          result = false;
          break;
        }
      }
      break;
    default:
      break;
  }
  named->resize(depth);
  if (t->As<Named>()) named->pop_back();
  return result;
}

}  // namespace

bool IsComparable(Type* t) {
  std::vector<const Type*> named;
  return IsComparableAlong(t, &named);
}

}  // namespace gojit::frontend
