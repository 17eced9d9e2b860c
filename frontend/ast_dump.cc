// DumpAst (see ast_dump.h): a recursive printer over every node kind. The switch
// covers ast_nodes.def; a kind added there without a case here prints as
// "<Kind>" with no children, and the parser tests notice.
#include "frontend/ast_dump.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace gojit::frontend {
namespace {

const char* LitKindName(LitKind k) {
  switch (k) {
    case LitKind::kInt: return "INT";
    case LitKind::kFloat: return "FLOAT";
    case LitKind::kImag: return "IMAG";
    case LitKind::kChar: return "CHAR";
    case LitKind::kString: return "STRING";
  }
  return "?";
}

const char* ChanDirName(ChanDir d) {
  switch (d) {
    case ChanDir::kBoth: return "both";
    case ChanDir::kSend: return "send";
    case ChanDir::kRecv: return "recv";
  }
  return "?";
}

class Dumper {
 public:
  std::string out;

  void Line(int depth, const std::string& role, const std::string& text) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    if (!role.empty()) absl::StrAppend(&out, role, ": ");
    absl::StrAppend(&out, text, "\n");
  }

  static std::string At(Pos p) { return absl::StrCat(p.line, ":", p.col); }

  void Fields(int depth, const std::string& role, const std::vector<Field>& fields) {
    for (const Field& f : fields) FieldLine(depth, role, f);
  }

  void FieldLine(int depth, const std::string& role, const Field& f) {
    std::vector<std::string> names;
    for (const Ident* n : f.names) names.push_back(n->name);
    std::string text = absl::StrCat("Field ", At(f.pos));
    if (!names.empty()) absl::StrAppend(&text, " names=", absl::StrJoin(names, ","));
    if (!f.tag.empty()) absl::StrAppend(&text, " tag=", f.tag);
    Line(depth, role, text);
    N(depth + 1, "type", f.type_expr);
  }

  void List(int depth, const std::string& role, const std::vector<Expr*>& xs) {
    for (const Expr* x : xs) N(depth, role, x);
  }
  void List(int depth, const std::string& role, const std::vector<Stmt*>& xs) {
    for (const Stmt* x : xs) N(depth, role, x);
  }

  void N(int depth, const std::string& role, const Node* n) {
    if (n == nullptr) return;
    std::string head = absl::StrCat(NodeKindName(n->kind), " ", At(n->pos));
    int d = depth + 1;
    switch (n->kind) {
      case NodeKind::kIdent:
        return Line(depth, role, absl::StrCat(head, " name=", n->As<Ident>()->name));
      case NodeKind::kBasicLit: {
        auto* x = n->As<BasicLit>();
        return Line(depth, role, absl::StrCat(head, " kind=", LitKindName(x->lit_kind), " text=", x->text));
      }
      case NodeKind::kCompositeLit: {
        auto* x = n->As<CompositeLit>();
        Line(depth, role, absl::StrCat(head, " rbrace=", At(x->rbrace)));
        N(d, "type", x->type_expr);
        return List(d, "elt", x->elts);
      }
      case NodeKind::kFuncLit: {
        auto* x = n->As<FuncLit>();
        Line(depth, role, head);
        N(d, "type", x->func_type);
        return N(d, "body", x->body);
      }
      case NodeKind::kParenExpr:
        Line(depth, role, head);
        return N(d, "x", n->As<ParenExpr>()->x);
      case NodeKind::kSelectorExpr: {
        auto* x = n->As<SelectorExpr>();
        Line(depth, role, absl::StrCat(head, " sel=", x->sel->name));
        return N(d, "x", x->x);
      }
      case NodeKind::kIndexExpr: {
        auto* x = n->As<IndexExpr>();
        Line(depth, role, head);
        N(d, "x", x->x);
        return List(d, "index", x->indices);
      }
      case NodeKind::kSliceExpr: {
        auto* x = n->As<SliceExpr>();
        Line(depth, role, absl::StrCat(head, x->slice3 ? " slice3" : ""));
        N(d, "x", x->x);
        N(d, "lo", x->lo);
        N(d, "hi", x->hi);
        return N(d, "max", x->max);
      }
      case NodeKind::kTypeAssertExpr: {
        auto* x = n->As<TypeAssertExpr>();
        Line(depth, role, absl::StrCat(head, x->type_expr == nullptr ? " type=(type)" : ""));
        N(d, "x", x->x);
        return N(d, "type", x->type_expr);
      }
      case NodeKind::kCallExpr: {
        auto* x = n->As<CallExpr>();
        Line(depth, role, absl::StrCat(head, x->has_ellipsis ? " ellipsis" : ""));
        N(d, "fun", x->fun);
        return List(d, "arg", x->args);
      }
      case NodeKind::kStarExpr:
        Line(depth, role, head);
        return N(d, "x", n->As<StarExpr>()->x);
      case NodeKind::kUnaryExpr: {
        auto* x = n->As<UnaryExpr>();
        Line(depth, role, absl::StrCat(head, " op=", TokSpelling(x->op)));
        return N(d, "x", x->x);
      }
      case NodeKind::kBinaryExpr: {
        auto* x = n->As<BinaryExpr>();
        Line(depth, role, absl::StrCat(head, " op=", TokSpelling(x->op)));
        N(d, "x", x->x);
        return N(d, "y", x->y);
      }
      case NodeKind::kKeyValueExpr: {
        auto* x = n->As<KeyValueExpr>();
        Line(depth, role, head);
        N(d, "key", x->key);
        return N(d, "value", x->value);
      }
      case NodeKind::kEllipsis:
        Line(depth, role, head);
        return N(d, "elt", n->As<Ellipsis>()->elt);
      case NodeKind::kArrayType: {
        auto* x = n->As<ArrayType>();
        Line(depth, role, head);
        N(d, "len", x->len);
        return N(d, "elt", x->elt);
      }
      case NodeKind::kStructType:
        Line(depth, role, head);
        return Fields(d, "field", n->As<StructType>()->fields);
      case NodeKind::kFuncType: {
        auto* x = n->As<FuncType>();
        Line(depth, role, head);
        Fields(d, "tparam", x->type_params);
        Fields(d, "param", x->params);
        return Fields(d, "result", x->results);
      }
      case NodeKind::kInterfaceType:
        Line(depth, role, head);
        return Fields(d, "elem", n->As<InterfaceType>()->elems);
      case NodeKind::kMapType: {
        auto* x = n->As<MapType>();
        Line(depth, role, head);
        N(d, "key", x->key);
        return N(d, "value", x->value);
      }
      case NodeKind::kChanType: {
        auto* x = n->As<ChanType>();
        Line(depth, role, absl::StrCat(head, " dir=", ChanDirName(x->dir)));
        return N(d, "value", x->value);
      }
      case NodeKind::kBadExpr:
      case NodeKind::kEmptyStmt:
      case NodeKind::kBadStmt:
        return Line(depth, role, head);
      case NodeKind::kDeclStmt:
        Line(depth, role, head);
        return N(d, "decl", n->As<DeclStmt>()->decl);
      case NodeKind::kLabeledStmt: {
        auto* x = n->As<LabeledStmt>();
        Line(depth, role, absl::StrCat(head, " label=", x->label->name));
        return N(d, "stmt", x->stmt);
      }
      case NodeKind::kExprStmt:
        Line(depth, role, head);
        return N(d, "x", n->As<ExprStmt>()->x);
      case NodeKind::kSendStmt: {
        auto* x = n->As<SendStmt>();
        Line(depth, role, head);
        N(d, "chan", x->chan);
        return N(d, "value", x->value);
      }
      case NodeKind::kIncDecStmt: {
        auto* x = n->As<IncDecStmt>();
        Line(depth, role, absl::StrCat(head, " tok=", TokSpelling(x->tok)));
        return N(d, "x", x->x);
      }
      case NodeKind::kAssignStmt: {
        auto* x = n->As<AssignStmt>();
        Line(depth, role, absl::StrCat(head, " tok=", TokSpelling(x->tok), " tok_pos=", At(x->tok_pos)));
        List(d, "lhs", x->lhs);
        return List(d, "rhs", x->rhs);
      }
      case NodeKind::kGoStmt:
        Line(depth, role, head);
        return N(d, "call", n->As<GoStmt>()->call);
      case NodeKind::kDeferStmt:
        Line(depth, role, head);
        return N(d, "call", n->As<DeferStmt>()->call);
      case NodeKind::kReturnStmt:
        Line(depth, role, head);
        return List(d, "result", n->As<ReturnStmt>()->results);
      case NodeKind::kBranchStmt: {
        auto* x = n->As<BranchStmt>();
        Line(depth, role, absl::StrCat(head, " tok=", TokSpelling(x->tok),
                                       x->label ? absl::StrCat(" label=", x->label->name) : ""));
        return;
      }
      case NodeKind::kBlockStmt: {
        auto* x = n->As<BlockStmt>();
        Line(depth, role, absl::StrCat(head, " rbrace=", At(x->rbrace)));
        return List(d, "stmt", x->list);
      }
      case NodeKind::kIfStmt: {
        auto* x = n->As<IfStmt>();
        Line(depth, role, head);
        N(d, "init", x->init);
        N(d, "cond", x->cond);
        N(d, "body", x->body);
        return N(d, "else", x->else_stmt);
      }
      case NodeKind::kCaseClause: {
        auto* x = n->As<CaseClause>();
        Line(depth, role, absl::StrCat(head, x->is_default ? " default" : ""));
        List(d, "expr", x->list);
        return List(d, "stmt", x->body);
      }
      case NodeKind::kSwitchStmt: {
        auto* x = n->As<SwitchStmt>();
        Line(depth, role, head);
        N(d, "init", x->init);
        N(d, "tag", x->tag);
        for (const CaseClause* c : x->clauses) N(d, "clause", c);
        return;
      }
      case NodeKind::kTypeSwitchStmt: {
        auto* x = n->As<TypeSwitchStmt>();
        Line(depth, role, head);
        N(d, "init", x->init);
        N(d, "assign", x->assign);
        for (const CaseClause* c : x->clauses) N(d, "clause", c);
        return;
      }
      case NodeKind::kCommClause: {
        auto* x = n->As<CommClause>();
        Line(depth, role, absl::StrCat(head, x->comm == nullptr ? " default" : ""));
        N(d, "comm", x->comm);
        return List(d, "stmt", x->body);
      }
      case NodeKind::kSelectStmt:
        Line(depth, role, head);
        for (const CommClause* c : n->As<SelectStmt>()->clauses) N(d, "clause", c);
        return;
      case NodeKind::kForStmt: {
        auto* x = n->As<ForStmt>();
        Line(depth, role, head);
        N(d, "init", x->init);
        N(d, "cond", x->cond);
        N(d, "post", x->post);
        return N(d, "body", x->body);
      }
      case NodeKind::kRangeStmt: {
        auto* x = n->As<RangeStmt>();
        Line(depth, role, absl::StrCat(head, " tok=", TokSpelling(x->tok)));
        N(d, "key", x->key);
        N(d, "value", x->value);
        N(d, "x", x->x);
        return N(d, "body", x->body);
      }
      case NodeKind::kImportSpec: {
        auto* x = n->As<ImportSpec>();
        Line(depth, role, absl::StrCat(head, x->name ? absl::StrCat(" name=", x->name->name) : "",
                                       " path=", x->path));
        return;
      }
      case NodeKind::kValueSpec: {
        auto* x = n->As<ValueSpec>();
        std::vector<std::string> names;
        for (const Ident* i : x->names) names.push_back(i->name);
        Line(depth, role, absl::StrCat(head, " names=", absl::StrJoin(names, ","), " iota=", x->iota,
                                       x->implicit ? " implicit" : ""));
        N(d, "type", x->type_expr);
        return List(d, "value", x->values);
      }
      case NodeKind::kTypeSpec: {
        auto* x = n->As<TypeSpec>();
        Line(depth, role, absl::StrCat(head, " name=", x->name ? x->name->name : "?",
                                       x->is_alias ? " alias" : ""));
        Fields(d, "tparam", x->type_params);
        return N(d, "type", x->type_expr);
      }
      case NodeKind::kGenDecl: {
        auto* x = n->As<GenDecl>();
        Line(depth, role, absl::StrCat(head, " tok=", TokSpelling(x->tok)));
        for (const Spec* s : x->specs) N(d, "spec", s);
        return;
      }
      case NodeKind::kFuncDecl: {
        auto* x = n->As<FuncDecl>();
        Line(depth, role, absl::StrCat(head, " name=", x->name ? x->name->name : "?"));
        if (x->recv != nullptr) FieldLine(d, "recv", *x->recv);
        N(d, "type", x->func_type);
        return N(d, "body", x->body);
      }
    }
    Line(depth, role, absl::StrCat("<", NodeKindName(n->kind), ">"));
  }
};

}  // namespace

std::string DumpAst(const File& file, const SourceManager& sources) {
  Dumper d;
  d.Line(0, "", absl::StrCat("File ", sources.Get(file.file_id).display_name, " package=",
                             file.package_name ? file.package_name->name : "?"));
  for (const Decl* decl : file.decls) d.N(1, "decl", decl);
  return d.out;
}

}  // namespace gojit::frontend
