// EncodeFile and DecodeFile (see ast_encoding.h).
//
// Each node kind's fields are listed once, in a Transfer overload templated on the
// direction: Writer appends a field's value to the bytes, Reader reads it from them
// into the field. Numbers are LEB128 varints (signed ones zigzagged); a string
// is its length then its bytes; a list its count then its items; a child node is
// 0 when absent, else its kind + 1, its position and its own fields.
#include "frontend/ast_encoding.h"

#include <type_traits>
#include <utility>
#include <vector>

namespace gojit::frontend {
namespace {

constexpr size_t kNodeKinds = 0
#define GOJIT_AST_NODE(Name, Base) +1
#include "frontend/ast_nodes.def"
    ;
constexpr size_t kToks = 0
#define GOJIT_TOKEN(Name, Spelling) +1
#include "frontend/ast_tokens.def"
    ;

enum class Base : uint8_t { kExpr, kStmt, kSpec, kDecl };
Base BaseOf(NodeKind kind) {
  switch (kind) {
#define GOJIT_AST_NODE(Name, B) \
  case NodeKind::k##Name:       \
    return Base::k##B;
#include "frontend/ast_nodes.def"
  }
  return Base::kExpr;
}

// Whether node n may stand where a T* is declared.
template <typename T>
bool Fits(const Node* n) {
  if constexpr (std::is_same_v<T, Spec>) {
    return BaseOf(n->kind) == Base::kSpec;
  } else if constexpr (std::is_same_v<T, Decl>) {
    return BaseOf(n->kind) == Base::kDecl;
  } else {
    return n->Is<T>();
  }
}

// ------------------------------------------------------------ the fields of each kind

template <typename IO> void Transfer(IO& io, Ident& n) { io.String(n.name); }
template <typename IO> void Transfer(IO& io, BasicLit& n) {
  io.Enum(n.lit_kind, size_t{5});
  io.String(n.text);
}
template <typename IO> void Transfer(IO& io, CompositeLit& n) {
  io.Child(n.type_expr);
  io.List(n.elts);
  io.Position(n.rbrace);
}
template <typename IO> void Transfer(IO& io, FuncLit& n) {
  io.Child(n.func_type);
  io.Child(n.body);
}
template <typename IO> void Transfer(IO& io, ParenExpr& n) { io.Child(n.x); }
template <typename IO> void Transfer(IO& io, SelectorExpr& n) {
  io.Child(n.x);
  io.Child(n.sel);
}
template <typename IO> void Transfer(IO& io, IndexExpr& n) {
  io.Child(n.x);
  io.List(n.indices);
  io.Position(n.rbrack);
}
template <typename IO> void Transfer(IO& io, SliceExpr& n) {
  io.Child(n.x);
  io.Child(n.lo);
  io.Child(n.hi);
  io.Child(n.max);
  io.Flag(n.slice3);
}
template <typename IO> void Transfer(IO& io, TypeAssertExpr& n) {
  io.Child(n.x);
  io.Child(n.type_expr);
}
template <typename IO> void Transfer(IO& io, CallExpr& n) {
  io.Child(n.fun);
  io.List(n.args);
  io.Flag(n.has_ellipsis);
  io.Position(n.rparen);
}
template <typename IO> void Transfer(IO& io, StarExpr& n) { io.Child(n.x); }
template <typename IO> void Transfer(IO& io, UnaryExpr& n) {
  io.Enum(n.op, kToks);
  io.Child(n.x);
}
template <typename IO> void Transfer(IO& io, BinaryExpr& n) {
  io.Enum(n.op, kToks);
  io.Child(n.x);
  io.Child(n.y);
}
template <typename IO> void Transfer(IO& io, KeyValueExpr& n) {
  io.Child(n.key);
  io.Child(n.value);
}
template <typename IO> void Transfer(IO& io, Ellipsis& n) { io.Child(n.elt); }
template <typename IO> void Transfer(IO& io, ArrayType& n) {
  io.Child(n.len);
  io.Child(n.elt);
}
template <typename IO> void Transfer(IO& io, StructType& n) { io.Fields(n.fields); }
template <typename IO> void Transfer(IO& io, FuncType& n) {
  io.Fields(n.type_params);
  io.Fields(n.params);
  io.Fields(n.results);
}
template <typename IO> void Transfer(IO& io, InterfaceType& n) { io.Fields(n.elems); }
template <typename IO> void Transfer(IO& io, MapType& n) {
  io.Child(n.key);
  io.Child(n.value);
}
template <typename IO> void Transfer(IO& io, ChanType& n) {
  io.Enum(n.dir, size_t{3});
  io.Child(n.value);
}
template <typename IO> void Transfer(IO&, BadExpr&) {}
template <typename IO> void Transfer(IO& io, DeclStmt& n) { io.Child(n.decl); }
template <typename IO> void Transfer(IO&, EmptyStmt&) {}
template <typename IO> void Transfer(IO& io, LabeledStmt& n) {
  io.Child(n.label);
  io.Child(n.stmt);
}
template <typename IO> void Transfer(IO& io, ExprStmt& n) { io.Child(n.x); }
template <typename IO> void Transfer(IO& io, SendStmt& n) {
  io.Child(n.chan);
  io.Child(n.value);
}
template <typename IO> void Transfer(IO& io, IncDecStmt& n) {
  io.Child(n.x);
  io.Enum(n.tok, kToks);
}
template <typename IO> void Transfer(IO& io, AssignStmt& n) {
  io.List(n.lhs);
  io.Enum(n.tok, kToks);
  io.Position(n.tok_pos);
  io.List(n.rhs);
}
// `call` is x when x is a call (the constructor's rule), so only x is written.
template <typename IO> void Transfer(IO& io, GoStmt& n) {
  io.Child(n.x);
  if constexpr (IO::kReading) n.call = n.x ? n.x->template As<CallExpr>() : nullptr;
}
template <typename IO> void Transfer(IO& io, DeferStmt& n) {
  io.Child(n.x);
  if constexpr (IO::kReading) n.call = n.x ? n.x->template As<CallExpr>() : nullptr;
}
template <typename IO> void Transfer(IO& io, ReturnStmt& n) { io.List(n.results); }
template <typename IO> void Transfer(IO& io, BranchStmt& n) {
  io.Enum(n.tok, kToks);
  io.Child(n.label);
}
template <typename IO> void Transfer(IO& io, BlockStmt& n) {
  io.List(n.list);
  io.Position(n.rbrace);
}
template <typename IO> void Transfer(IO& io, IfStmt& n) {
  io.Child(n.init);
  io.Child(n.cond);
  io.Child(n.body);
  io.Child(n.else_stmt);
}
template <typename IO> void Transfer(IO& io, CaseClause& n) {
  io.List(n.list);
  io.Flag(n.is_default);
  io.List(n.body);
}
template <typename IO> void Transfer(IO& io, SwitchStmt& n) {
  io.Child(n.init);
  io.Child(n.tag);
  io.List(n.clauses);
  io.Position(n.rbrace);
}
template <typename IO> void Transfer(IO& io, TypeSwitchStmt& n) {
  io.Child(n.init);
  io.Child(n.assign);
  io.List(n.clauses);
  io.Position(n.rbrace);
}
template <typename IO> void Transfer(IO& io, CommClause& n) {
  io.Child(n.comm);
  io.List(n.body);
}
template <typename IO> void Transfer(IO& io, SelectStmt& n) { io.List(n.clauses); }
template <typename IO> void Transfer(IO& io, ForStmt& n) {
  io.Child(n.init);
  io.Child(n.cond);
  io.Child(n.post);
  io.Child(n.body);
}
template <typename IO> void Transfer(IO& io, RangeStmt& n) {
  io.Child(n.key);
  io.Child(n.value);
  io.Enum(n.tok, kToks);
  io.Child(n.x);
  io.Child(n.body);
}
template <typename IO> void Transfer(IO&, BadStmt&) {}
template <typename IO> void Transfer(IO& io, ImportSpec& n) {
  io.Child(n.name);
  io.String(n.path);
  io.Position(n.path_pos);
}
template <typename IO> void Transfer(IO& io, ValueSpec& n) {
  io.List(n.names);
  io.Child(n.type_expr);
  io.List(n.values);
  io.Int(n.iota);
  io.Flag(n.implicit);
}
template <typename IO> void Transfer(IO& io, TypeSpec& n) {
  io.Child(n.name);
  io.Fields(n.type_params);
  io.Flag(n.is_alias);
  io.Child(n.type_expr);
}
template <typename IO> void Transfer(IO& io, GenDecl& n) {
  io.Enum(n.tok, kToks);
  io.List(n.specs);
}
template <typename IO> void Transfer(IO& io, FuncDecl& n) {
  io.FieldPtr(n.recv);
  io.Child(n.name);
  io.Child(n.func_type);
  io.Child(n.body);
}

template <typename IO>
void TransferField(IO& io, Field& f) {
  io.Position(f.pos);
  io.List(f.names);
  io.Child(f.type_expr);
  io.String(f.tag);
}

template <typename IO>
void TransferNode(IO& io, Node& n) {
  switch (n.kind) {
#define GOJIT_AST_NODE(Name, B)           \
  case NodeKind::k##Name:                 \
    Transfer(io, static_cast<Name&>(n));  \
    return;
#include "frontend/ast_nodes.def"
  }
}

// A node of kind T with its fields still empty, for the reader to fill.
template <typename T>
T* Blank(AstArena& arena, Pos pos) {
  if constexpr (std::is_constructible_v<T, Pos>) {
    return arena.New<T>(pos);
  } else if constexpr (std::is_constructible_v<T, Pos, std::string>) {
    return arena.New<T>(pos, std::string());  // Ident
  } else if constexpr (std::is_constructible_v<T, Pos, LitKind, std::string>) {
    return arena.New<T>(pos, LitKind::kInt, std::string());  // BasicLit
  } else if constexpr (std::is_constructible_v<T, Pos, Tok>) {
    return arena.New<T>(pos, Tok::kIllegal);  // AssignStmt, GenDecl
  } else if constexpr (std::is_constructible_v<T, Pos, Tok, std::nullptr_t>) {
    return arena.New<T>(pos, Tok::kIllegal, nullptr);  // UnaryExpr, BranchStmt
  } else if constexpr (std::is_constructible_v<T, Pos, Tok, std::nullptr_t, std::nullptr_t>) {
    return arena.New<T>(pos, Tok::kIllegal, nullptr, nullptr);  // BinaryExpr
  } else if constexpr (std::is_constructible_v<T, Pos, std::nullptr_t, Tok>) {
    return arena.New<T>(pos, nullptr, Tok::kIllegal);  // IncDecStmt
  } else if constexpr (std::is_constructible_v<T, Pos, ChanDir, std::nullptr_t>) {
    return arena.New<T>(pos, ChanDir::kBoth, nullptr);  // ChanType
  } else if constexpr (std::is_constructible_v<T, Pos, std::nullptr_t>) {
    return arena.New<T>(pos, nullptr);
  } else {
    static_assert(std::is_constructible_v<T, Pos, std::nullptr_t, std::nullptr_t>);
    return arena.New<T>(pos, nullptr, nullptr);
  }
}

Node* BlankOfKind(NodeKind kind, AstArena& arena, Pos pos) {
  switch (kind) {
#define GOJIT_AST_NODE(Name, B) \
  case NodeKind::k##Name:       \
    return Blank<Name>(arena, pos);
#include "frontend/ast_nodes.def"
  }
  return nullptr;
}

// ------------------------------------------------------------ the two directions

class Writer {
 public:
  static constexpr bool kReading = false;
  explicit Writer(FileId file) : file_(file) {}

  void Uint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Int(int& v) {
    int64_t s = v;
    Uint((static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63));
  }
  void Flag(bool& b) { Uint(b ? 1 : 0); }
  template <typename E>
  void Enum(E& e, size_t) {
    Uint(static_cast<uint64_t>(e));
  }
  void String(std::string& s) {
    Uint(s.size());
    out_.append(s);
  }
  // The file is implied: line * 2 + 1 for a position in it, line * 2 for one in
  // no file (an absent position).
  void Position(Pos& p) {
    if (p.file != file_ && p.file >= 0) foreign_ = true;
    Uint((static_cast<uint64_t>(static_cast<uint32_t>(p.line)) << 1) | (p.file >= 0 ? 1 : 0));
    Uint(static_cast<uint32_t>(p.col));
  }
  template <typename T>
  void Child(T*& n) {
    if (n == nullptr) {
      Uint(0);
      return;
    }
    Uint(static_cast<uint64_t>(n->kind) + 1);
    Position(n->pos);
    TransferNode(*this, *n);
  }
  template <typename T>
  void List(std::vector<T*>& xs) {
    Uint(xs.size());
    for (T*& x : xs) Child(x);
  }
  void Fields(std::vector<Field>& fs) {
    Uint(fs.size());
    for (Field& f : fs) TransferField(*this, f);
  }
  void FieldPtr(Field*& f) {
    Uint(f != nullptr ? 1 : 0);
    if (f != nullptr) TransferField(*this, *f);
  }

  bool foreign() const { return foreign_; }
  std::string& out() { return out_; }

 private:
  FileId file_;
  bool foreign_ = false;  // a position in another file
  std::string out_;
};

class Reader {
 public:
  static constexpr bool kReading = true;
  Reader(std::string_view in, FileId file, AstArena& arena) : in_(in), file_(file), arena_(arena) {}

  uint64_t Uint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return Fail();
      auto byte = static_cast<uint8_t>(in_[at_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    return Fail();
  }
  void Int(int& v) {
    uint64_t u = Uint();
    int64_t s = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    if (s < INT32_MIN || s > INT32_MAX) Fail();
    v = static_cast<int>(s);
  }
  void Flag(bool& b) {
    uint64_t v = Uint();
    if (v > 1) Fail();
    b = v == 1;
  }
  template <typename E>
  void Enum(E& e, size_t count) {
    uint64_t v = Uint();
    if (v >= count) Fail();
    e = static_cast<E>(ok_ ? v : 0);
  }
  void String(std::string& s) {
    uint64_t n = Uint();
    if (!ok_ || n > in_.size() - at_) {
      Fail();
      return;
    }
    s.assign(in_.substr(at_, n));
    at_ += n;
  }
  void Position(Pos& p) {
    uint64_t line = Uint();
    uint64_t col = Uint();
    if ((line >> 1) > INT32_MAX || col > INT32_MAX) Fail();
    p.file = (line & 1) != 0 ? file_ : -1;
    p.line = static_cast<int32_t>(line >> 1);
    p.col = static_cast<int32_t>(col);
  }
  template <typename T>
  void Child(T*& n) {
    n = nullptr;
    uint64_t k = Uint();
    if (!ok_ || k == 0) return;
    if (k > kNodeKinds) {
      Fail();
      return;
    }
    Pos pos;
    Position(pos);
    Node* node = BlankOfKind(static_cast<NodeKind>(k - 1), arena_, pos);
    if (!ok_ || !Fits<T>(node)) {
      Fail();
      return;
    }
    TransferNode(*this, *node);
    if (ok_) n = static_cast<T*>(node);
  }
  template <typename T>
  void List(std::vector<T*>& xs) {
    uint64_t count = Uint();
    // Every item takes a byte at least: a longer count is a lie.
    if (!ok_ || count > in_.size() - at_) {
      Fail();
      return;
    }
    xs.resize(count);
    for (T*& x : xs) {
      Child(x);
      if (!ok_) return;
    }
  }
  void Fields(std::vector<Field>& fs) {
    uint64_t count = Uint();
    if (!ok_ || count > in_.size() - at_) {
      Fail();
      return;
    }
    fs.resize(count);
    for (Field& f : fs) {
      TransferField(*this, f);
      if (!ok_) return;
    }
  }
  void FieldPtr(Field*& f) {
    bool present = false;
    Flag(present);
    f = nullptr;
    if (!ok_ || !present) return;
    f = arena_.NewField();
    TransferField(*this, *f);
  }

  bool ok() const { return ok_; }
  bool AtEnd() const { return at_ == in_.size(); }

 private:
  uint64_t Fail() {
    ok_ = false;
    at_ = in_.size();
    return 0;
  }

  std::string_view in_;
  size_t at_ = 0;
  FileId file_;
  AstArena& arena_;
  bool ok_ = true;
};

}  // namespace

std::optional<std::string> EncodeFile(const File& file) {
  Writer w(file.file_id);
  auto& f = const_cast<File&>(file);  // the writer only reads
  w.Child(f.package_name);
  w.List(f.decls);
  if (w.foreign()) return std::nullopt;
  return std::move(w.out());
}

File* DecodeFile(std::string_view bytes, FileId file_id, AstArena& arena) {
  AstArena scratch;
  Reader r(bytes, file_id, scratch);
  File* f = scratch.NewFile();
  f->file_id = file_id;
  r.Child(f->package_name);
  r.List(f->decls);
  if (!r.ok() || !r.AtEnd() || f->package_name == nullptr) return nullptr;
  for (Decl* d : f->decls) {
    auto* g = d->As<GenDecl>();
    if (g == nullptr || g->tok != Tok::kImport) continue;
    for (Spec* s : g->specs) {
      auto* is = s->As<ImportSpec>();
      if (is == nullptr) return nullptr;
      f->imports.push_back(is);
    }
  }
  arena.Absorb(std::move(scratch));
  return f;
}

}  // namespace gojit::frontend
