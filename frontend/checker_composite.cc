// Composite literals (Go spec, "Composite literals"), with types2's rules and words:
//
//   - struct literals: all elements keyed or none; a key is a field name of the
//     struct, "_" never is, an unexported field of another package is not
//     accessible (named as types2's lookupError names it), no field twice; an
//     unkeyed literal may not assign unexported fields of another package. Field
//     values get no type hint: `T{f: {...}}` is "missing type in composite literal";
//   - array and slice literals: a key is a non-negative integer constant, within an
//     array's length, and no index twice (keyed or counted); unkeyed elements count
//     on from the previous index, and past an array's length are out of bounds;
//   - map literals: every element keyed, and no constant key twice (equal values,
//     and for an interface key type, identical types).
// Elements of arrays, slices and maps may omit their composite literal type: the
// element (or key) type is the hint.
#include <cctype>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "frontend/checker.h"

namespace gojit::frontend {
namespace {

bool IsExportedName(const std::string& name) {
  return !name.empty() && isupper(static_cast<unsigned char>(name[0]));
}

// The name without its first character (types2's tail).
std::string Tail(const std::string& name) { return name.empty() ? name : name.substr(1); }

}  // namespace

// The message for a struct literal key that names no accessible field, as types2's
// lookupError words it: a field spelled differently only in case is named, an
// unexported one of another package is "cannot refer to".
std::string Checker::StructLitKeyError(Type* t, const std::vector<StructField>& fields,
                                       const std::string& key) {
  const StructField* alt = nullptr;
  for (const StructField& f : fields) {
    if (key != "_" && absl::EqualsIgnoreCase(f.name, key)) {
      alt = &f;
      break;
    }
  }
  const std::string type = TypeString(t);
  if (alt) {
    const bool same_package = alt->object == nullptr || alt->object->pkg == pkg_;
    const std::string& name = alt->name;
    if (same_package || (IsExportedName(key) && IsExportedName(name)) ||
        (!IsExportedName(key) && IsExportedName(name) && Tail(key) == Tail(name))) {
      return absl::StrCat("unknown field ", key, " in struct literal of type ", type, ", but does have ",
                          name);
    }
    if (IsExportedName(key) && Tail(key) == Tail(name)) {
      return absl::StrCat("unknown field ", key, " in struct literal of type ", type,
                          ", but does have unexported ", name);
    }
    if (key == name) {
      return absl::StrCat("cannot refer to unexported field ", name, " in struct literal of type ", type);
    }
  }
  return absl::StrCat("unknown field ", key, " in struct literal of type ", type);
}

// A struct field's value: no composite literal type is taken from the field, but a
// generic function value is still instantiated for it.
bool Checker::CheckStructLitValue(Expr* value, Type* field_type) {
  CheckExpr(value, nullptr);
  InferFromTarget(value, field_type);
  return RequireValue(value);
}

void Checker::CheckStructLit(CompositeLit* e, Type* t, Struct* st) {
  auto& fields = st->fields();
  bool keyed = !e->elts.empty() && e->elts[0]->Is<KeyValueExpr>();
  if (keyed) {
    std::vector<bool> visited(fields.size());
    for (Expr* el : e->elts) {
      auto* kv = el->As<KeyValueExpr>();
      if (!kv) {
        Errorf(el->pos, "mixture of field:value and value elements in struct literal");
        continue;
      }
      auto* key = kv->key->As<Ident>();
      if (!key) {
        CheckExpr(kv->value, nullptr);
        Errorf(kv->key->pos, "invalid field name %s in struct literal", ExprString(kv->key));
        continue;
      }
      int found = -1;
      for (size_t i = 0; key->name != "_" && i < fields.size(); ++i) {
        const StructField& f = fields[i];
        if (f.name == key->name && (f.object == nullptr || Accessible(f.object))) found = static_cast<int>(i);
      }
      if (found < 0) {
        CheckExpr(kv->value, nullptr);
        Errorf(kv->key->pos, "%s", StructLitKeyError(t, fields, key->name));
        continue;
      }
      key->object = fields[found].object;
      if (CheckStructLitValue(kv->value, fields[found].type))
        Assign(kv->value, fields[found].type, "struct literal");
      if (visited[found]) {
        Errorf(kv->key->pos, "duplicate field name %s in struct literal", key->name);
        continue;
      }
      visited[found] = true;
    }
    return;
  }
  for (size_t i = 0; i < e->elts.size(); ++i) {
    Expr* el = e->elts[i];
    if (el->Is<KeyValueExpr>()) {
      Errorf(el->pos, "mixture of field:value and value elements in struct literal");
      continue;
    }
    if (i >= fields.size()) {
      Errorf(el->pos, "too many values in struct literal of type %s", TypeString(t));
      break;
    }
    bool ok = CheckStructLitValue(el, fields[i].type);
    if (fields[i].object && !Accessible(fields[i].object)) {
      Errorf(el->pos, "implicit assignment to unexported field %s in struct literal of type %s",
             fields[i].name, TypeString(t));
      continue;
    }
    if (ok) Assign(el, fields[i].type, "struct literal");
  }
  if (!e->elts.empty() && e->elts.size() < fields.size())
    Errorf(e->rbrace, "too few values in struct literal of type %s", TypeString(t));
}

// The elements of an array (length >= 0) or slice (length < 0) literal; returns the
// literal's length (the largest index + 1), as types2's indexedElts.
int64_t Checker::CheckIndexedElts(const std::vector<Expr*>& elts, Type* elem, int64_t length) {
  absl::flat_hash_set<int64_t> visited;
  int64_t index = 0, max = 0;
  for (Expr* el : elts) {
    Expr* value = el;
    bool valid_index = false;
    Pos index_pos = el->pos;
    if (auto* kv = el->As<KeyValueExpr>()) {
      value = kv->value;
      index_pos = kv->key->pos;
      // types2's index and isValidIndex, in their order.
      Expr* k = kv->key;
      if (CheckValue(k)) {
        if (IsUntyped(k->type)) {
          std::string described = Describe(k);
          if (!Convert(k, types_.basic(BasicKind::kInt))) {
            Errorf(k->pos, "cannot convert %s to type int", described);
            k->mode = ExprMode::kInvalid;
          }
        }
        Basic* kb = UBasic(k->type);
        if (k->mode == ExprMode::kInvalid) {
          // reported
        } else if (!kb || !kb->IsInteger()) {
          Errorf(k->pos, "invalid argument: index %s must be integer", Describe(k));
        } else if (k->mode != ExprMode::kConstant || !k->constant) {
          Errorf(k->pos, "index %s must be integer constant", ExprString(k));
        } else if (k->constant->kind == ConstValue::Kind::kInt && k->constant->i.isNegative()) {
          Errorf(k->pos, "invalid argument: index %s must not be negative", Describe(k));
        } else if (std::optional<int64_t> v = k->constant->Int64(); !v) {
          Errorf(k->pos, "invalid argument: index %s overflows int", Describe(k));
        } else if (length >= 0 && *v >= length) {
          Errorf(k->pos, "invalid argument: index %s out of bounds [0:%d]", k->constant->String_(), length);
        } else {
          index = *v;
          valid_index = true;
        }
      }
    } else if (length >= 0 && index >= length) {
      Errorf(el->pos, "index %d is out of bounds (>= %d)", index, length);
    } else {
      valid_index = true;
    }
    if (valid_index && !visited.insert(index).second) {
      Errorf(index_pos, "duplicate index %d in array or slice literal", index);
    }
    index++;
    max = std::max(max, index);
    if (CheckValue(value, elem)) Assign(value, elem, "array or slice literal");
  }
  return max;
}

void Checker::CheckMapLit(CompositeLit* e, Map* m) {
  struct SeenKey {
    ConstValue value;
    Type* type;
  };
  std::vector<SeenKey> seen;
  const bool interface_key = IsInterface(m->key());
  for (Expr* el : e->elts) {
    auto* kv = el->As<KeyValueExpr>();
    if (!kv) {
      Errorf(el->pos, "missing key in map literal");
      continue;
    }
    // Not in an instance of a generic function: there T(0) is folded to a constant,
    // which in the generic body it is not (map[any]int{int(0): 0, T(0): 0}).
    if (CheckValue(kv->key, m->key()) && Assign(kv->key, m->key(), "map literal") &&
        kv->key->mode == ExprMode::kConstant && kv->key->constant && !checking_instance_) {
      // Equal constants are the same key (1 and 1.0 in a float64 map); under an
      // interface key type only if their types are identical too.
      const ConstValue& v = *kv->key->constant;
      bool duplicate = false;
      for (const SeenKey& prev : seen) {
        ConstValue a = prev.value, b = v;
        MatchKinds(a, b);
        if (a.kind == b.kind && a.kind != ConstValue::Kind::kUnknown && ConstValue::Compare(Tok::kEql, a, b) &&
            (!interface_key || Identical(prev.type, kv->key->type))) {
          duplicate = true;
          break;
        }
      }
      if (duplicate) {
        Errorf(kv->key->pos, "duplicate key %s in map literal", v.String_());
      } else {
        seen.push_back({v, kv->key->type});
      }
    }
    if (CheckValue(kv->value, m->elem())) Assign(kv->value, m->elem(), "map literal");
  }
}

void Checker::CheckCompositeLit(CompositeLit* e, Type* hint) {
  Type* t = nullptr;
  bool open_array = false;  // [...]T: the length is the literal's
  if (e->type_expr) {
    if (auto* at = e->type_expr->As<ArrayType>(); at && at->len && at->len->Is<Ellipsis>()) {
      open_array = true;
      t = ResolveType(at->elt);  // the element type, until the length is known
    } else {
      t = ResolveType(e->type_expr);
    }
  } else {
    t = hint;
    if (!t) {
      Errorf(e->pos, "missing type in composite literal");
      return;
    }
  }
  if (open_array) {
    Type* elem = t;
    int64_t n = CheckIndexedElts(e->elts, elem, -1);
    t = types_.NewArray(elem, n);
    if (TooLarge(elem, n)) {
      Errorf(e->pos, "type %s larger than address space", TypeString(t));
      return;  // e stays invalid
    }
    e->type = t;
    e->mode = ExprMode::kValue;
    return;
  }
  Type* u = t->Underlying();
  Type* base_hint = u;
  if (auto* p = u->As<Pointer>(); p && !e->type_expr) base_hint = p->elem()->Underlying();
  if (auto* st = base_hint->As<Struct>()) {
    CheckStructLit(e, t, st);
  } else if (auto* a = base_hint->As<Array>()) {
    CheckIndexedElts(e->elts, a->elem(), a->len());
  } else if (auto* s = base_hint->As<Slice>()) {
    CheckIndexedElts(e->elts, s->elem(), -1);
  } else if (auto* m = base_hint->As<Map>()) {
    CheckMapLit(e, m);
  } else {
    Errorf(e->pos, "invalid composite literal type %s", TypeString(t));
    return;
  }
  e->type = t;
  e->mode = ExprMode::kValue;
}

}  // namespace gojit::frontend
