// AstBuilder, part 1: positions, helpers, the file, and declarations (import,
// const with implicit repetition and iota, var, type, func). Types, expressions and
// statements are in ast_builder_{type,expr,stmt}.cc. See ast_builder.h.
#include "frontend/ast_builder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace gojit::frontend {

using P = grammar::GoParser;

// ---------------------------------------------------------------- PosMap

PosMap::PosMap(FileId file, std::string_view text, std::vector<uint32_t> cp_offsets)
    : file_(file), text_(text), cp_offsets_(std::move(cp_offsets)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

Pos PosMap::AtByte(size_t byte) const {
  byte = std::min(byte, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<uint32_t>(byte));
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
  size_t col = byte - line_starts_[line - 1] + 1;
  return Pos{file_, static_cast<int32_t>(line), static_cast<int32_t>(col)};
}

size_t PosMap::ByteOf(size_t char_index) const {
  if (char_index >= cp_offsets_.size()) return text_.size();
  return cp_offsets_[char_index];
}

Pos PosMap::AtChar(size_t char_index) const { return AtByte(ByteOf(char_index)); }

Pos PosMap::Of(const antlr4::Token* t) const {
  if (t == nullptr) return Pos{file_, 0, 0};
  size_t start = t->getStartIndex();
  if (start == static_cast<size_t>(-1)) {
    // A token conjured by error recovery: ANTLR copied the current token's line.
    return Pos{file_, static_cast<int32_t>(t->getLine()),
               static_cast<int32_t>(t->getCharPositionInLine() + 1)};
  }
  return AtChar(start);
}

Pos PosMap::EndOf(const antlr4::Token* t) const {
  if (t == nullptr || t->getStopIndex() == static_cast<size_t>(-1)) return Of(t);
  return AtChar(t->getStopIndex() + 1);
}

std::string_view PosMap::Text(const antlr4::Token* t) const {
  size_t start = t->getStartIndex();
  size_t stop = t->getStopIndex();
  if (start == static_cast<size_t>(-1) || start >= CharCount() || stop < start) return {};
  size_t b = ByteOf(start);
  size_t e = ByteOf(stop + 1);
  return text_.substr(b, e - b);
}

// ---------------------------------------------------------------- helpers

Pos AstBuilder::PosOf(antlr4::Token* t) const { return pos_.Of(t); }
Pos AstBuilder::PosOf(antlr4::tree::TerminalNode* n) const {
  return n == nullptr ? Pos{pos_.file(), 0, 0} : pos_.Of(n->getSymbol());
}
Pos AstBuilder::PosOf(antlr4::ParserRuleContext* ctx) const {
  return ctx == nullptr ? Pos{pos_.file(), 0, 0} : pos_.Of(ctx->getStart());
}

Ident* AstBuilder::MakeIdent(antlr4::tree::TerminalNode* n) {
  if (n == nullptr) return arena_.New<Ident>(Pos{pos_.file(), 0, 0}, "_");
  std::string name(pos_.Text(n->getSymbol()));
  if (name.empty()) name.push_back('_');  // conjured by error recovery
  return arena_.New<Ident>(PosOf(n), std::move(name));
}

BadExpr* AstBuilder::Bad(antlr4::ParserRuleContext* ctx) { return arena_.New<BadExpr>(PosOf(ctx)); }

void AstBuilder::Error(Pos pos, std::string message) {
  if (report_errors_) diags_.Error(pos, std::move(message));
}

void AstBuilder::LateError(Pos pos, std::string message) {
  late_errors_.emplace_back(pos, std::move(message));
}

antlr4::Token* AstBuilder::NextToken(antlr4::Token* t) const {
  if (t == nullptr) return nullptr;
  for (size_t i = t->getTokenIndex() + 1; i < tokens_->size(); ++i) {
    antlr4::Token* next = tokens_->get(i);
    if (next->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return next;
  }
  return nullptr;
}

std::vector<Ident*> AstBuilder::BuildIdentList(P::IdentifierListContext* ctx) {
  std::vector<Ident*> out;
  if (ctx == nullptr) return out;
  for (auto* id : ctx->IDENTIFIER()) out.push_back(MakeIdent(id));
  return out;
}

std::vector<Expr*> AstBuilder::BuildExprList(P::ExpressionListContext* ctx) {
  std::vector<Expr*> out;
  if (ctx == nullptr) return out;
  for (auto* e : ctx->expression()) out.push_back(BuildExpr(e));
  return out;
}

// ---------------------------------------------------------------- file

File* AstBuilder::BuildFile(P::SourceFileContext* ctx) {
  if (ctx == nullptr || ctx->packageClause() == nullptr) return nullptr;
  File* file = arena_.NewFile();
  file->file_id = pos_.file();
  file->package_name = MakeIdent(ctx->packageClause()->IDENTIFIER());
  if (file->package_name->name == "_") {
    LateError(file->package_name->pos, "invalid package name _");
  }
  for (auto* imp : ctx->importDecl()) {
    if (GenDecl* d = BuildImportDecl(imp, file)) file->decls.push_back(d);
  }
  for (auto* top : ctx->topLevelDecl()) {
    if (top->declaration() != nullptr) {
      if (GenDecl* d = BuildDeclaration(top->declaration())) file->decls.push_back(d);
    } else if (top->functionDecl() != nullptr) {
      if (FuncDecl* d = BuildFuncDecl(top->functionDecl())) file->decls.push_back(d);
    }
  }
  for (TypeAssertExpr* guard : type_switch_guards_) {
    LateError(guard->pos, "use of .(type) outside type switch");
  }
  if (report_errors_ && !diags_.HasErrors()) {
    for (auto& [pos, message] : late_errors_) diags_.Error(pos, std::move(message));
  }
  return file;
}

// ---------------------------------------------------------------- declarations

// Strips the quotes of an import path; escapes are resolved for the common ones.
static std::string UnquoteImportPath(std::string_view lit) {
  if (lit.size() < 2) return std::string(lit);
  std::string_view body = lit.substr(1, lit.size() - 2);
  if (lit.front() == '`') return std::string(body);
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      ++i;
      switch (body[i]) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        default: out += '\\'; out += body[i];
      }
    } else {
      out += body[i];
    }
  }
  return out;
}

GenDecl* AstBuilder::BuildImportDecl(P::ImportDeclContext* ctx, File* file) {
  auto* decl = arena_.New<GenDecl>(PosOf(ctx->IMPORT()), Tok::kImport);
  for (auto* spec : ctx->importSpec()) {
    if (spec->string_() == nullptr) continue;
    antlr4::Token* lit = spec->string_()->getStart();
    auto* is = arena_.New<ImportSpec>(PosOf(spec));
    if (spec->IDENTIFIER() != nullptr) {
      is->name = MakeIdent(spec->IDENTIFIER());
    } else if (spec->DOT() != nullptr) {
      is->name = arena_.New<Ident>(PosOf(spec->DOT()), ".");
    }
    is->path = UnquoteImportPath(pos_.Text(lit));
    is->path_pos = PosOf(lit);
    if (is->path.empty()) LateError(is->path_pos, "invalid import path: \"\"");
    decl->specs.push_back(is);
    file->imports.push_back(is);
  }
  return decl;
}

GenDecl* AstBuilder::BuildDeclaration(P::DeclarationContext* ctx) {
  if (ctx == nullptr) return nullptr;
  if (auto* c = ctx->constDecl()) {
    auto* decl = arena_.New<GenDecl>(PosOf(c->CONST()), Tok::kConst);
    ValueSpec* prev = nullptr;
    int iota = 0;
    for (auto* sc : c->constSpec()) {
      auto* vs = arena_.New<ValueSpec>(PosOf(sc));
      vs->names = BuildIdentList(sc->identifierList());
      vs->iota = iota++;
      if (sc->type_() != nullptr) vs->type_expr = BuildType(sc->type_());
      vs->values = BuildExprList(sc->expressionList());
      if (sc->ASSIGN() == nullptr && sc->type_() == nullptr && prev != nullptr) {
        // Implicit repetition of the previous spec: deep copies, one per iota.
        vs->implicit = true;
        vs->type_expr = prev->type_expr == nullptr ? nullptr : Clone(prev->type_expr);
        for (Expr* v : prev->values) vs->values.push_back(Clone(v));
      } else {
        prev = vs;
      }
      decl->specs.push_back(vs);
    }
    return decl;
  }
  if (auto* v = ctx->varDecl()) {
    auto* decl = arena_.New<GenDecl>(PosOf(v->VAR()), Tok::kVar);
    for (auto* sc : v->varSpec()) {
      auto* vs = arena_.New<ValueSpec>(PosOf(sc));
      vs->names = BuildIdentList(sc->identifierList());
      if (sc->type_() != nullptr) vs->type_expr = BuildType(sc->type_());
      vs->values = BuildExprList(sc->expressionList());
      decl->specs.push_back(vs);
    }
    return decl;
  }
  if (auto* t = ctx->typeDecl()) {
    auto* decl = arena_.New<GenDecl>(PosOf(t->TYPE()), Tok::kType);
    for (auto* sc : t->typeSpec()) {
      auto* ts = arena_.New<TypeSpec>(PosOf(sc));
      ts->name = MakeIdent(sc->IDENTIFIER());
      if (sc->typeParameters() != nullptr) {
        ts->type_params = BuildTypeParameters(sc->typeParameters());
      }
      ts->is_alias = sc->ASSIGN() != nullptr;
      ts->type_expr = sc->type_() != nullptr ? BuildType(sc->type_()) : Bad(sc);
      decl->specs.push_back(ts);
    }
    return decl;
  }
  return nullptr;
}

FuncDecl* AstBuilder::BuildFuncDecl(P::FunctionDeclContext* ctx) {
  auto* fd = arena_.New<FuncDecl>(PosOf(ctx->FUNC()));
  fd->name = MakeIdent(ctx->IDENTIFIER());
  if (ctx->receiver != nullptr) {
    std::vector<Field> recv = BuildParameters(ctx->receiver);
    if (recv.empty()) {
      Error(PosOf(ctx->receiver), "method has no receiver");
    } else {
      if (recv.size() > 1 || recv[0].names.size() > 1) {
        Error(PosOf(ctx->receiver), "method has multiple receivers");
      }
      fd->recv = arena_.NewField();
      *fd->recv = recv[0];
      if (fd->recv->names.size() > 1) fd->recv->names.resize(1);
    }
  }
  fd->func_type = BuildFuncType(PosOf(ctx->FUNC()), ctx->signature());
  if (ctx->typeParameters() != nullptr) {
    fd->func_type->type_params = BuildTypeParameters(ctx->typeParameters());
    if (fd->recv != nullptr) {
      Error(PosOf(ctx->typeParameters()), "syntax error: method must have no type parameters");
    }
  }
  if (ctx->block() != nullptr) fd->body = BuildBlock(ctx->block());
  return fd;
}

}  // namespace gojit::frontend
