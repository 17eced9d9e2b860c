// The universe scope: predeclared types, constants, nil and builtin functions, and
// the `error` interface (Go spec, "Predeclared identifiers"); and the scope of
// package unsafe, which has no source files (Go spec, "Package unsafe").
#include "frontend/program.h"

namespace gojit::frontend {

void InitUniverse(Program& p) {
  p.universe = p.NewScope(nullptr);
  auto type_name = [&](const char* name, Type* t) {
    Object* obj = p.NewObject(ObjectKind::kTypeName, name, Pos{}, nullptr);
    obj->type = t;
    p.universe->Insert(obj);
    return obj;
  };
  static const std::pair<const char*, BasicKind> kBasics[] = {
      {"bool", BasicKind::kBool},         {"int", BasicKind::kInt},
      {"int8", BasicKind::kInt8},         {"int16", BasicKind::kInt16},
      {"int32", BasicKind::kInt32},       {"int64", BasicKind::kInt64},
      {"uint", BasicKind::kUint},         {"uint8", BasicKind::kUint8},
      {"uint16", BasicKind::kUint16},     {"uint32", BasicKind::kUint32},
      {"uint64", BasicKind::kUint64},     {"uintptr", BasicKind::kUintptr},
      {"float32", BasicKind::kFloat32},   {"float64", BasicKind::kFloat64},
      {"complex64", BasicKind::kComplex64}, {"complex128", BasicKind::kComplex128},
      {"string", BasicKind::kString},
  };
  for (auto& [name, kind] : kBasics) type_name(name, p.types.basic(kind));
  type_name("byte", p.types.byte_type());
  type_name("rune", p.types.rune_type());

  // type any = interface{}
  p.any_type = p.types.empty_interface();
  type_name("any", p.any_type);

  // type error interface { Error() string }
  Object* err_obj = p.NewObject(ObjectKind::kTypeName, "error", Pos{}, nullptr);
  Named* err = p.types.NewNamed(err_obj);
  err_obj->type = err;
  Func* error_sig = p.types.NewFunc(p.types.empty_tuple(),
                                    p.types.NewTuple({p.types.basic(BasicKind::kString)}), false);
  err->set_underlying(p.types.NewInterface({InterfaceMethod{"Error", error_sig}}));
  p.universe->Insert(err_obj);
  p.error_type = err;

  // type comparable interface{ comparable }: only a constraint.
  Object* cmp_obj = p.NewObject(ObjectKind::kTypeName, "comparable", Pos{}, nullptr);
  Named* cmp = p.types.NewNamed(cmp_obj);
  cmp_obj->type = cmp;
  Interface* cmp_iface = p.types.NewInterface({});
  cmp_iface->SetTypeSet({}, true);
  cmp->set_underlying(cmp_iface);
  p.universe->Insert(cmp_obj);

  auto constant = [&](const char* name, Type* t, ConstValue v) {
    Object* obj = p.NewObject(ObjectKind::kConst, name, Pos{}, nullptr);
    obj->type = t;
    obj->constant = std::make_shared<ConstValue>(std::move(v));
    p.universe->Insert(obj);
  };
  constant("true", p.types.basic(BasicKind::kUntypedBool), ConstValue::Bool(true));
  constant("false", p.types.basic(BasicKind::kUntypedBool), ConstValue::Bool(false));
  // iota's value is supplied by the checker from the enclosing const spec.
  constant("iota", p.types.basic(BasicKind::kUntypedInt), ConstValue::Int(0));

  Object* nil = p.NewObject(ObjectKind::kNil, "nil", Pos{}, nullptr);
  nil->type = p.types.basic(BasicKind::kUntypedNil);
  p.universe->Insert(nil);

#define GOJIT_BUILTIN(Name, Spelling)                                          \
  {                                                                            \
    Object* b = p.NewObject(ObjectKind::kBuiltin, Spelling, Pos{}, nullptr);   \
    b->builtin = BuiltinId::k##Name;                                           \
    p.universe->Insert(b);                                                     \
  }
#define GOJIT_UNSAFE_BUILTIN(Name, Spelling)
#include "frontend/builtins.def"
}

void InitUnsafe(Program& p, Package* unsafe) {
  Object* ptr = p.NewObject(ObjectKind::kTypeName, "Pointer", Pos{}, unsafe);
  ptr->type = p.types.basic(BasicKind::kUnsafePointer);
  unsafe->scope->Insert(ptr);
#define GOJIT_BUILTIN(Name, Spelling)
#define GOJIT_UNSAFE_BUILTIN(Name, Spelling)                                   \
  {                                                                            \
    Object* b = p.NewObject(ObjectKind::kBuiltin, Spelling, Pos{}, unsafe);    \
    b->builtin = BuiltinId::k##Name;                                           \
    unsafe->scope->Insert(b);                                                  \
  }
#include "frontend/builtins.def"
}

BuiltinId BuiltinOf(Expr* fun) {
  fun = Unparen(fun);
  if (auto* s = fun->As<SelectorExpr>()) return s->sel->object->builtin;
  return fun->As<Ident>()->object->builtin;
}

Object* Scope::Insert(Object* obj) {
  auto [it, inserted] = names.emplace(obj->name, obj);
  if (!inserted) return it->second;
  ordered.push_back(obj);
  return nullptr;
}

Object* Scope::LookupLocal(const std::string& name) const {
  auto it = names.find(name);
  return it == names.end() ? nullptr : it->second;
}

Object* Scope::Lookup(const std::string& name) const {
  for (const Scope* s = this; s; s = s->parent) {
    if (Object* o = s->LookupLocal(name)) return o;
  }
  return nullptr;
}

std::string Object::LinkName() const {
  if (!linkname.empty()) return linkname;
  std::string prefix = pkg ? pkg->path + "." : "";
  if (kind == ObjectKind::kFunc && recv_type) {
    Type* base = recv_type;
    bool ptr = false;
    if (auto* p = base->As<Pointer>()) base = p->elem(), ptr = true;
    std::string tname = base->As<Named>() ? base->As<Named>()->obj()->name : "?";
    return ptr ? prefix + "(*" + tname + ")." + name : prefix + tname + "." + name;
  }
  return prefix + name;
}

}  // namespace gojit::frontend
