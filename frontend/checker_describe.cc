// How the checker names operands and types in its messages, in types2's words:
// ExprString (the source form of an expression), Describe ("x (variable of type
// int)"), OperandType, SummaryTypeString (the have/want lists of count errors),
// and the assignment-mismatch message (at its first value's StartPos, ast.h).
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/checker.h"

namespace gojit::frontend {

std::string Checker::ExprString(Expr* e) {
  if (!e) return "";
  switch (e->kind) {
    case NodeKind::kIdent: return e->As<Ident>()->name;
    case NodeKind::kBasicLit: return e->As<BasicLit>()->text;
    case NodeKind::kParenExpr: return absl::StrCat("(", ExprString(e->As<ParenExpr>()->x), ")");
    case NodeKind::kSelectorExpr: {
      auto* s = e->As<SelectorExpr>();
      return absl::StrCat(ExprString(s->x), ".", s->sel->name);
    }
    case NodeKind::kIndexExpr: {
      auto* ix = e->As<IndexExpr>();
      std::vector<std::string> parts;
      for (Expr* i : ix->indices) parts.push_back(ExprString(i));
      return absl::StrCat(ExprString(ix->x), "[", absl::StrJoin(parts, ", "), "]");
    }
    case NodeKind::kSliceExpr: {
      auto* s = e->As<SliceExpr>();
      std::string r = absl::StrCat(ExprString(s->x), "[", ExprString(s->lo), ":", ExprString(s->hi));
      if (s->slice3) absl::StrAppend(&r, ":", ExprString(s->max));
      return r + "]";
    }
    case NodeKind::kTypeAssertExpr: {
      auto* t = e->As<TypeAssertExpr>();
      return absl::StrCat(ExprString(t->x), ".(", t->type_expr ? ExprString(t->type_expr) : "type", ")");
    }
    case NodeKind::kCallExpr: {
      auto* c = e->As<CallExpr>();
      if (c->spread) return absl::StrCat(ExprString(c->fun), "(", ExprString(c->spread), ")");
      std::vector<std::string> parts;
      for (Expr* a : c->args) parts.push_back(ExprString(a));
      return absl::StrCat(ExprString(c->fun), "(", absl::StrJoin(parts, ", "),
                          c->has_ellipsis ? "..." : "", ")");
    }
    case NodeKind::kStarExpr: return absl::StrCat("*", ExprString(e->As<StarExpr>()->x));
    case NodeKind::kUnaryExpr: {
      auto* u = e->As<UnaryExpr>();
      return absl::StrCat(TokSpelling(u->op), ExprString(u->x));
    }
    case NodeKind::kBinaryExpr: {
      auto* b = e->As<BinaryExpr>();
      return absl::StrCat(ExprString(b->x), " ", TokSpelling(b->op), " ", ExprString(b->y));
    }
    case NodeKind::kKeyValueExpr: {
      auto* kv = e->As<KeyValueExpr>();
      return absl::StrCat(ExprString(kv->key), ": ", ExprString(kv->value));
    }
    case NodeKind::kCompositeLit: {
      auto* c = e->As<CompositeLit>();
      // As gc's shortened form: elements elided, an empty literal as written.
      return absl::StrCat(c->type_expr ? ExprString(c->type_expr) : "", c->elts.empty() ? "{}" : "{…}");
    }
    case NodeKind::kFuncLit: return "(func literal)";
    case NodeKind::kEllipsis: return absl::StrCat("...", ExprString(e->As<Ellipsis>()->elt));
    case NodeKind::kArrayType: {
      auto* a = e->As<ArrayType>();
      return absl::StrCat("[", a->len ? ExprString(a->len) : "", "]", ExprString(a->elt));
    }
    case NodeKind::kMapType: {
      auto* m = e->As<MapType>();
      return absl::StrCat("map[", ExprString(m->key), "]", ExprString(m->value));
    }
    case NodeKind::kChanType: return absl::StrCat("chan ", ExprString(e->As<ChanType>()->value));
    case NodeKind::kFuncType: return "func(…)";
    case NodeKind::kStructType: return "struct{…}";
    case NodeKind::kInterfaceType: return "interface{…}";
    default: return "?";
  }
}

std::string Checker::OperandType(Type* t) {
  std::string name = TypeString(t);
  if (auto* tp = t->As<TypeParam>()) {
    return absl::StrCat("type ", name, " constrained by ", tp->constraint_name());
  }
  if (!t->As<Named>()) return absl::StrCat("type ", name);
  // A defined type says what it is made of.
  Type* u = t->Underlying();
  const char* what = nullptr;
  switch (u->kind()) {
    case TypeKind::kBasic: what = u->As<Basic>()->name(); break;
    case TypeKind::kArray: what = "array"; break;
    case TypeKind::kSlice: what = "slice"; break;
    case TypeKind::kStruct: what = "struct"; break;
    case TypeKind::kPointer: what = "pointer"; break;
    case TypeKind::kFunc: what = "func"; break;
    case TypeKind::kInterface: what = "interface"; break;
    case TypeKind::kMap: what = "map"; break;
    case TypeKind::kChan: what = "chan"; break;
    case TypeKind::kTuple: what = "tuple"; break;
    default: return absl::StrCat("type ", name);
  }
  return absl::StrCat(what, " type ", name);
}

std::string Checker::Describe(Expr* e) {
  std::string text = ExprString(e);
  switch (e->mode) {
    case ExprMode::kConstant: {
      std::string value = e->constant ? e->constant->String_() : "?";
      // As types2's operand.String: the value is shown unless the text says it.
      bool literal = text == value;
      if (IsUntyped(e->type)) {
        return literal ? absl::StrCat(text, " (", TypeString(e->type), " constant)")
                       : absl::StrCat(text, " (", TypeString(e->type), " constant ", value, ")");
      }
      return literal ? absl::StrCat(text, " (constant of ", OperandType(e->type), ")")
                     : absl::StrCat(text, " (constant ", value, " of ", OperandType(e->type), ")");
    }
    case ExprMode::kVariable:
      return absl::StrCat(text, " (variable of ", OperandType(e->type), ")");
    case ExprMode::kMapIndex:
      return absl::StrCat(text, " (map index expression of ", OperandType(e->type), ")");
    case ExprMode::kCommaOk:
      return absl::StrCat(text, " (comma, ok expression of ", OperandType(e->type), ")");
    case ExprMode::kTypeExpr:
      return absl::StrCat(text, " (type)");
    case ExprMode::kBuiltin:
      if (e->Is<SelectorExpr>()) return absl::StrCat(text, " (built-in)");
      return absl::StrCat(text, " (built-in function ", text, ")");
    case ExprMode::kNoValue:
      return absl::StrCat(text, " (no value)");
    default:
      if (IsBasicKind(e->type, BasicKind::kUntypedNil)) return "nil";
      return absl::StrCat(text, " (value of ", OperandType(e->type), ")");
  }
}

// types2's typesSummary for one type (the have/want lists of argument and result
// count errors): an untyped numeric type is "number", any other untyped type drops
// "untyped " ("string", "bool", "nil").
std::string Checker::SummaryTypeString(Type* t) {
  if (t == nullptr) return "unknown";
  if (!IsUntyped(t)) return TypeString(t);
  if (auto* b = t->As<Basic>(); b && b->IsNumeric()) return "number";
  std::string s = TypeString(t);
  return absl::StartsWith(s, "untyped ") ? s.substr(8) : s;
}

void Checker::MismatchError(Pos pos, size_t nvars, Expr* rhs, size_t nvalues) {
  if (rhs) pos = StartPos(rhs);  // types2 reports at the first value
  Tuple* t = rhs && rhs->type ? rhs->type->As<Tuple>() : nullptr;
  if (rhs && rhs->Is<CallExpr>() && t) {
    Errorf(pos, "assignment mismatch: %d variable%s but %s returns %d value%s", nvars,
           nvars == 1 ? "" : "s", CalleeString(rhs), t->size(), t->size() == 1 ? "" : "s");
    return;
  }
  Errorf(pos, "assignment mismatch: %d variable%s but %d value%s", nvars, nvars == 1 ? "" : "s",
         nvalues, nvalues == 1 ? "" : "s");
}

}  // namespace gojit::frontend
