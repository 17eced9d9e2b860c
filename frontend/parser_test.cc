// Parser and AST builder tests: the structure of parsed programs (via DumpAst and
// direct node inspection, following go/ast conventions), spec snippets, generics,
// the `{` ambiguity in statement headers, gc-worded syntax errors at gc's
// positions, robustness on garbage, and Diagnostics/SourceManager printing rules.
#include <random>
#include <string>

#include "absl/strings/match.h"
#include "frontend/ast.h"
#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

struct Parsed {
  SourceManager sm;
  AstArena arena;
  Diagnostics diags{sm};
  File* file = nullptr;
  std::string dump;
  explicit Parsed(const std::string& src) {
    FileId id = sm.Add("x.go", src);
    file = ParseFile(sm, id, arena, diags);
    if (file != nullptr) dump = DumpAst(*file, sm);
  }
  std::string errors() const { return diags.Render(); }
};

// Parses `body` as the body of func f and returns the dump of its statements.
std::string Body(const std::string& body) {
  Parsed p("package p\nfunc f() {\n" + body + "\n}\n");
  EXPECT_EQ(p.errors(), "") << body;
  return p.dump;
}

TEST(ParserTest, HelloWorld) {
  Parsed p("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\", 1+2)\n}\n");
  EXPECT_EQ(p.errors(), "");
  EXPECT_EQ(p.dump,
            "File ./x.go package=main\n"
            "  decl: GenDecl 3:1 tok=import\n"
            "    spec: ImportSpec 3:8 path=fmt\n"
            "  decl: FuncDecl 5:1 name=main\n"
            "    type: FuncType 5:1\n"
            "    body: BlockStmt 5:13 rbrace=7:1\n"
            "      stmt: ExprStmt 6:2\n"
            "        x: CallExpr 6:13\n"
            "          fun: SelectorExpr 6:2 sel=Println\n"
            "            x: Ident 6:2 name=fmt\n"
            "          arg: BasicLit 6:14 kind=STRING text=\"hello\"\n"
            "          arg: BinaryExpr 6:24 op=+\n"
            "            x: BasicLit 6:23 kind=INT text=1\n"
            "            y: BasicLit 6:25 kind=INT text=2\n");
  ASSERT_EQ(p.file->imports.size(), 1u);
  EXPECT_EQ(p.file->imports[0]->path, "fmt");
}

TEST(ParserTest, ImportsNamedDotBlankAndGrouped) {
  Parsed p("package p\nimport (\n\tf \"fmt\"\n\t. \"math\"\n\t_ `os`\n)\nimport \"strings\"\n");
  EXPECT_EQ(p.errors(), "");
  ASSERT_EQ(p.file->imports.size(), 4u);
  EXPECT_EQ(p.file->imports[0]->name->name, "f");
  EXPECT_EQ(p.file->imports[1]->name->name, ".");
  EXPECT_EQ(p.file->imports[2]->name->name, "_");
  EXPECT_EQ(p.file->imports[2]->path, "os");
  EXPECT_EQ(p.file->imports[3]->name, nullptr);
  EXPECT_EQ(p.file->decls.size(), 2u);
}

TEST(ParserTest, ConstIotaImplicitRepetition) {
  Parsed p("package p\nconst (\n\ta = iota * 2\n\tb\n\tc int = 5\n\td\n)\n");
  EXPECT_EQ(p.errors(), "");
  auto* g = p.file->decls[0]->As<GenDecl>();
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->specs.size(), 4u);
  auto* b = g->specs[1]->As<ValueSpec>();
  auto* d = g->specs[3]->As<ValueSpec>();
  EXPECT_TRUE(b->implicit);
  EXPECT_EQ(b->iota, 1);
  ASSERT_EQ(b->values.size(), 1u);
  // A deep copy, so that the checker can give each its own iota.
  auto* a = g->specs[0]->As<ValueSpec>();
  EXPECT_NE(b->values[0], a->values[0]);
  EXPECT_TRUE(b->values[0]->Is<BinaryExpr>());
  EXPECT_TRUE(d->implicit);
  EXPECT_EQ(d->iota, 3);
  ASSERT_NE(d->type_expr, nullptr);
  EXPECT_EQ(d->type_expr->As<Ident>()->name, "int");
  EXPECT_FALSE(g->specs[2]->As<ValueSpec>()->implicit);
}

TEST(ParserTest, PositionsFollowGoAst) {
  Parsed p("package p\nfunc f() {\n\tx, y := a.b(c)[d], -e\n\tx += 1\n}\n");
  EXPECT_EQ(p.errors(), "");
  auto* fd = p.file->decls[0]->As<FuncDecl>();
  auto* as = fd->body->list[0]->As<AssignStmt>();
  ASSERT_NE(as, nullptr);
  EXPECT_EQ(as->tok, Tok::kDefine);
  EXPECT_EQ(as->pos, (Pos{0, 3, 2}));
  EXPECT_EQ(as->tok_pos, (Pos{0, 3, 7}));
  auto* ix = as->rhs[0]->As<IndexExpr>();
  ASSERT_NE(ix, nullptr);
  EXPECT_EQ(ix->pos, (Pos{0, 3, 10}));  // first token
  auto* call = ix->x->As<CallExpr>();
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->pos, (Pos{0, 3, 13}));  // '('
  EXPECT_EQ(call->fun->pos, (Pos{0, 3, 10}));
  EXPECT_EQ(call->rparen, (Pos{0, 3, 15}));
  auto* op = fd->body->list[1]->As<AssignStmt>();
  EXPECT_EQ(op->tok, Tok::kAddAssign);
}

TEST(ParserTest, Generics) {
  Parsed p(
      "package p\n"
      "type Number interface {\n\t~int | ~float64\n\tString() string\n}\n"
      "type Pair[K comparable, V any] struct { k K; v V }\n"
      "func Map[S ~[]E, E any, R any](s S, f func(E) R) []R { return nil }\n"
      "func (p *Pair[K, V]) Key() K { return p.k }\n"
      "var x = Map[[]int, int, string](nil, nil)\n"
      "var y Pair[string, int]\n");
  EXPECT_EQ(p.errors(), "");
  auto* num = p.file->decls[0]->As<GenDecl>()->specs[0]->As<TypeSpec>();
  auto* it = num->type_expr->As<InterfaceType>();
  ASSERT_NE(it, nullptr);
  ASSERT_EQ(it->elems.size(), 2u);
  auto* u = it->elems[0].type_expr->As<BinaryExpr>();
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->op, Tok::kOr);
  EXPECT_EQ(u->x->As<UnaryExpr>()->op, Tok::kTilde);
  EXPECT_EQ(it->elems[1].names[0]->name, "String");
  EXPECT_TRUE(it->elems[1].type_expr->Is<FuncType>());

  auto* pair = p.file->decls[1]->As<GenDecl>()->specs[0]->As<TypeSpec>();
  ASSERT_EQ(pair->type_params.size(), 2u);
  EXPECT_EQ(pair->type_params[0].names[0]->name, "K");

  auto* map = p.file->decls[2]->As<FuncDecl>();
  ASSERT_EQ(map->func_type->type_params.size(), 3u);
  EXPECT_TRUE(map->func_type->type_params[0].type_expr->Is<UnaryExpr>());

  auto* key = p.file->decls[3]->As<FuncDecl>();
  ASSERT_NE(key->recv, nullptr);
  auto* star = key->recv->type_expr->As<StarExpr>();
  ASSERT_NE(star, nullptr);
  auto* inst = star->x->As<IndexExpr>();
  ASSERT_NE(inst, nullptr);
  EXPECT_EQ(inst->indices.size(), 2u);

  auto* x = p.file->decls[4]->As<GenDecl>()->specs[0]->As<ValueSpec>();
  auto* call = x->values[0]->As<CallExpr>();
  ASSERT_NE(call, nullptr);
  auto* fi = call->fun->As<IndexExpr>();
  ASSERT_NE(fi, nullptr);
  EXPECT_EQ(fi->indices.size(), 3u);
  EXPECT_TRUE(fi->indices[0]->Is<ArrayType>());
}

TEST(ParserTest, ArrayTypeDeclIsNotTypeParams) {
  Parsed p("package p\nconst N = 4\ntype A [N]int\ntype B[T any] []T\n");
  EXPECT_EQ(p.errors(), "");
  auto* a = p.file->decls[1]->As<GenDecl>()->specs[0]->As<TypeSpec>();
  EXPECT_TRUE(a->type_params.empty());
  EXPECT_TRUE(a->type_expr->Is<ArrayType>());
  auto* b = p.file->decls[2]->As<GenDecl>()->specs[0]->As<TypeSpec>();
  EXPECT_EQ(b->type_params.size(), 1u);
}

TEST(ParserTest, CompositeLiteralInHeaders) {
  // `T {` in a header starts the block, as in Go.
  std::string d = Body("if x == T {\n}\nif x == (T{}) {\n}\nfor _, v := range []int{1, 2} {\n\t_ = v\n}");
  EXPECT_TRUE(absl::StrContains(d, "cond: BinaryExpr 3:6 op===\n"
                                   "          x: Ident 3:4 name=x\n"
                                   "          y: Ident 3:9 name=T\n"))
      << d;
  EXPECT_TRUE(absl::StrContains(d, "y: ParenExpr 5:9\n            x: CompositeLit 5:10")) << d;
  EXPECT_TRUE(absl::StrContains(d, "x: CompositeLit 7:19")) << d;
  // Outside headers and inside parens/func bodies in headers, T{} is a literal.
  d = Body("x := T{a: 1, b: {2}}\nif f := func() bool { return T{} == x }; f() {\n}");
  EXPECT_TRUE(absl::StrContains(d, "rhs: CompositeLit 3:6")) << d;
  EXPECT_TRUE(absl::StrContains(d, "key: Ident 3:8 name=a")) << d;
  EXPECT_TRUE(absl::StrContains(d, "value: CompositeLit 3:17")) << d;  // elided type at '{'
}

TEST(ParserTest, Statements) {
  std::string d = Body(
      "L:\n"
      "\tfor i := 0; i < 10; i++ {\n"
      "\t\tif i%2 == 0 {\n\t\t\tcontinue L\n\t\t} else if i > 5 {\n\t\t\tbreak\n\t\t} else {\n\t\t\tgoto M\n\t\t}\n"
      "\t}\n"
      "M:\n"
      "\tswitch x := f(); x {\n\tcase 1, 2:\n\t\tfallthrough\n\tdefault:\n\t}\n"
      "\tswitch v := y.(type) {\n\tcase int, []string, map[K]V, func(), *T, chan int, nil:\n\t}\n"
      "\tselect {\n\tcase c <- 1:\n\tcase v, ok := <-c:\n\tcase <-c:\n\tdefault:\n\t}\n"
      "\tgo f()\n\tdefer g()\n\tch <- v\n\tx--\n\tfor range ch {\n\t}\n\tfor {\n\t}\n"
      "\tvar a, b = 1, 2\n\treturn");
  for (const char* want :
       {"stmt: LabeledStmt 3:1 label=L", "stmt: ForStmt 4:2", "post: IncDecStmt 4:22 tok=++",
        "BranchStmt 6:4 tok=continue label=L", "else: IfStmt 7:10", "BranchStmt 10:4 tok=goto label=M",
        "stmt: LabeledStmt 13:1 label=M", "stmt: SwitchStmt 14:2", "tag: Ident 14:19 name=x",
        "clause: CaseClause 15:2", "BranchStmt 16:3 tok=fallthrough", "clause: CaseClause 17:2 default",
        "stmt: TypeSwitchStmt 19:2", "assign: AssignStmt 19:9 tok=:=", "rhs: TypeAssertExpr 19:14 type=(type)",
        "expr: ArrayType 20:12", "expr: MapType 20:22", "expr: FuncType 20:31", "expr: StarExpr 20:39",
        "expr: ChanType 20:43 dir=both", "stmt: SelectStmt 22:2", "comm: SendStmt 23:7",
        "comm: AssignStmt 24:7 tok=:=", "comm: ExprStmt 25:7", "clause: CommClause 26:2 default",
        "stmt: GoStmt 28:2", "stmt: DeferStmt 29:2", "stmt: SendStmt 30:2", "IncDecStmt 31:2 tok=--",
        "stmt: RangeStmt 32:2 tok=ILLEGAL", "stmt: ForStmt 34:2", "stmt: DeclStmt 36:2",
        "stmt: ReturnStmt 37:2"}) {
    EXPECT_TRUE(absl::StrContains(d, want)) << want << "\n" << d;
  }
}

TEST(ParserTest, TypesAndMethodExpressions) {
  std::string d = Body(
      "var c <-chan int = (<-chan int)(nil)\n"
      "var s chan<- chan int\n"
      "f := (*T).M\ng := T.M\n"
      "_ = struct {\n\ta, b int `json:\"a\"`\n\t*Embedded\n\tpkg.E\n}{}\n"
      "h := func(a, b int, c ...string) (r int, err error) { return }\n"
      "_ = [...]int{1, 2}\n_ = x[1:2:3]\n_ = x[:]\n_ = interface{}(x)");
  for (const char* want :
       {"type: ChanType 3:7 dir=recv", "x: ChanType 3:21 dir=recv", "type: ChanType 4:7 dir=send",
        "value: ChanType 4:14 dir=both", "x: StarExpr 5:7", "rhs: SelectorExpr 6:6 sel=M",
        "field: Field 8:2 names=a,b tag=`json:\"a\"`", "field: Field 9:2", "x: Ident 9:3 name=Embedded",
        "param: Field 12:21 names=c", "type: Ellipsis 12:23", "result: Field 12:35 names=r",
        "len: Ellipsis 13:6", "SliceExpr 14:5 slice3", "fun: InterfaceType 16:5"}) {
    EXPECT_TRUE(absl::StrContains(d, want)) << want << "\n" << d;
  }
}

TEST(ParserTest, SpecExamples) {
  // Snippets from the Go spec, wrapped in functions or declarations.
  Parsed p(
      "package p\n"
      "var (\n\ti int\n\tU, V, W float64\n\tk = 0\n\tx, y float32 = -1, -2\n)\n"
      "type (\n\tPoint struct{ x, y float64 }\n\tpolar Point\n\tnodeList = []*Node\n)\n"
      "type TreeNode struct {\n\tleft, right *TreeNode\n\tvalue any\n}\n"
      "type Block interface {\n\tBlockSize() int\n\tEncrypt(src, dst []byte)\n}\n"
      "func (p *Point) Length() float64 {\n\treturn math.Sqrt(p.x * p.x + p.y * p.y)\n}\n"
      "func IndexRune(s string, r rune) int {\n"
      "\tfor i, c := range s {\n\t\tif c == r {\n\t\t\treturn i\n\t\t}\n\t}\n\treturn -1\n}\n"
      "func flushICache(begin, end uintptr)  // implemented externally\n"
      "var a = [...]string{\"Sat\", \"Sun\"}\n"
      "var pi = [2]Point{{1.5, -3.5}, {0, 0}}\n"
      "var f = func(a, b int, z float64) bool { return a*b < int(z) }\n");
  EXPECT_EQ(p.errors(), "");
  auto* ext = p.file->decls[6]->As<FuncDecl>();
  ASSERT_NE(ext, nullptr);
  EXPECT_EQ(ext->name->name, "flushICache");
  EXPECT_EQ(ext->body, nullptr);
  auto* types = p.file->decls[1]->As<GenDecl>();
  EXPECT_TRUE(types->specs[2]->As<TypeSpec>()->is_alias);
}

// ---------------------------------------------------------------- errors

struct ErrorCase {
  const char* src;
  const char* want;
};

TEST(SyntaxErrorTest, MessagesAndPositionsLikeGc) {
  // Expected output checked against `go build` (Go 1.26).
  const ErrorCase cases[] = {
      {"package main\nfunc main() {\n\tf(a\n}\n",
       "./x.go:3:5: syntax error: unexpected newline in argument list; possibly missing comma or )\n"},
      {"package main\nx := 1\nfunc main() {}\n",
       "./x.go:2:1: syntax error: non-declaration statement outside function body\n"},
      {"package main\nfunc main() {\n\tx := 1 y\n}\n",
       "./x.go:3:9: syntax error: unexpected name y at end of statement\n"},
      {"package main\nfunc main() {\n\tif x\n\t{\n\t}\n}\n",
       "./x.go:3:6: syntax error: unexpected newline, expected { after if clause\n"},
      {"package main\nfunc main() {\n\tx := 1 +\n}\n",
       "./x.go:4:1: syntax error: unexpected }, expected expression\n"},
      {"package main\nfunc main() {\n\tx := 1\n",
       "./x.go:4:1: syntax error: unexpected EOF, expected }\n"},
      {"package main\nfunc main() {\n\tx := T{1 2}\n}\n",
       "./x.go:3:11: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }\n"},
      {"package main\nfunc f(a int b int) {}\n",
       "./x.go:2:14: syntax error: unexpected name b in parameter list; possibly missing comma or )\n"},
      {"package main\nfunc main()\n{\n}\n",
       "./x.go:3:1: syntax error: unexpected semicolon or newline before {\n"},
      {"package main foo\n", "./x.go:1:14: syntax error: unexpected name foo, expected semicolon or newline\n"},
      {"package main\nfunc main() {\n\tif x {\n\t} else return\n}\n",
       "./x.go:4:9: syntax error: else must be followed by if or statement block\n"},
      // gc 1.26 goes on to "5:2: syntax error: unexpected }, expected :"; gojit's
      // recovery stops at the first error here.
      {"package main\nfunc main() {\n\tswitch x {\n\tfoo\n\t}\n}\n",
       "./x.go:4:2: syntax error: unexpected name foo, expected case or default or }\n"},
      {"package main\nvar x\n", "./x.go:2:6: syntax error: unexpected newline, expected type\n"},
      {"package main\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
       "./x.go:3:23: syntax error: cannot declare in post statement of for loop\n"},
      {"package main\nfunc main() {\n\tif x = 1 {\n\t}\n}\n",
       "./x.go:3:7: syntax error: cannot use assignment x = 1 as value\n"},
      {"package main\nfunc main() {\n\tx := (1 + 2\n}\n",
       "./x.go:3:13: syntax error: unexpected newline, expected )\n"},
      {"package main\nfunc main() {\n\tif {\n\t}\n}\n",
       "./x.go:3:5: syntax error: missing condition in if statement\n"},
      {"package main\nfunc main() {\n\tvar := 1\n}\n",
       "./x.go:3:6: syntax error: unexpected :=, expected name\n"},
      {"package main\nfunc main() {\n\tfor i := 0; {\n\t}\n}\n",
       "./x.go:3:14: syntax error: unexpected {, expected for loop condition\n"},
      {"package main\nfunc main() {\n\ta b\n}\n",
       "./x.go:3:4: syntax error: unexpected name b at end of statement\n"},
      {"package main\nfunc main() {\n\tx := i[j k]\n}\n",
       "./x.go:3:11: syntax error: unexpected name k, expected comma, : or ]\n"},
      {"package main\nfunc main() {\n\tf(g h)\n}\n",
       "./x.go:3:6: syntax error: unexpected name h in argument list; possibly missing comma or )\n"},
      {"package main\nfunc main() {\n\tx := []\n}\n",
       "./x.go:3:9: syntax error: unexpected newline, expected type\n"},
      {"package main\nfunc main() {\n\tselect {\n\tcase x y:\n\t}\n}\n",
       "./x.go:4:9: syntax error: unexpected name y, expected :\n"},
      {"", "./x.go:1:1: expected 'package', found 'EOF'\n"},
      {"func main() {}\n", "./x.go:1:1: expected 'package', found 'func'\n"},
  };
  for (const ErrorCase& c : cases) {
    Parsed p(c.src);
    EXPECT_EQ(p.errors(), c.want) << c.src;
  }
}

TEST(SyntaxErrorTest, RecoversAfterEachErrorLikeGc) {
  // Several independent errors per file, each reported once, as gc's advance()
  // recovery does; expected output from `go build` (Go 1.26). A non-call after
  // go/defer is the checker's error (gc's types2), so a syntax error hides it.
  const ErrorCase cases[] = {
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tf(a\n"
       "\tx := 1 y\n"
       "\tif x\n"
       "\t{\n"
       "\t}\n"
       "}\n"
       "\n"
       "func g() {\n"
       "\tvar := 2\n"
       "}\n",
       "./x.go:4:5: syntax error: unexpected newline in argument list; possibly missing comma or )\n"
       "./x.go:6:2: syntax error: unexpected keyword if at end of statement\n"
       "./x.go:12:6: syntax error: unexpected :=, expected name\n"},
      {"package main\n"
       "\n"
       "x := 1\n"
       "\n"
       "func main() {\n"
       "\ty := T{1 2}\n"
       "}\n"
       "\n"
       "func f(a int b int) {}\n"
       "\n"
       "var z\n",
       "./x.go:3:1: syntax error: non-declaration statement outside function body\n"
       "./x.go:6:11: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }\n"
       "./x.go:9:14: syntax error: unexpected name b in parameter list; possibly missing comma or )\n"
       "./x.go:11:6: syntax error: unexpected newline, expected type\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tx := 1 +\n"
       "}\n"
       "\n"
       "func f() {\n"
       "\tif x {\n"
       "\t} else return\n"
       "}\n"
       "\n"
       "func g() {\n"
       "\tgo g\n"
       "}\n",
       "./x.go:5:1: syntax error: unexpected }, expected expression\n"
       "./x.go:9:9: syntax error: else must be followed by if or statement block\n"},
      {"package main\n"
       "\n"
       "import \"fmt\"\n"
       "\n"
       "func main() {\n"
       "\tfmt.Println(\"a\" \"b\")\n"
       "\tfmt.Println(1,\n"
       "\t\t2\n"
       "\tfor i := 0; i < 3; j := 1 {\n"
       "\t}\n"
       "}\n",
       "./x.go:6:18: syntax error: unexpected literal \"b\" in argument list; possibly missing comma or )\n"
       "./x.go:8:4: syntax error: unexpected newline in argument list; possibly missing comma or )\n"
       "./x.go:9:2: syntax error: unexpected keyword for at end of statement\n"},
      {"package main\n"
       "\n"
       "func main()\n"
       "{\n"
       "}\n"
       "\n"
       "func f() {\n"
       "\tx = = 1\n"
       "}\n"
       "\n"
       "type T struct {\n"
       "\ta int b int\n"
       "}\n",
       "./x.go:4:1: syntax error: unexpected semicolon or newline before {\n"
       "./x.go:8:6: syntax error: unexpected =, expected expression\n"
       "./x.go:12:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tfunc() {\n"
       "\t\ta b\n"
       "\t}()\n"
       "\tc d\n"
       "}\n"
       "\n"
       "func (r T) m( {\n"
       "}\n"
       "\n"
       "func h() {\n"
       "\te f\n"
       "}\n",
       "./x.go:5:5: syntax error: unexpected name b at end of statement\n"
       "./x.go:7:4: syntax error: unexpected name d at end of statement\n"
       "./x.go:10:15: syntax error: unexpected {, expected )\n"
       "./x.go:14:4: syntax error: unexpected name f at end of statement\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tvar x int = \n"
       "\tvar y = 1 2\n"
       "\tconst z = 3 4\n"
       "\ttype T struct { a int b }\n"
       "}\n",
       "./x.go:5:2: syntax error: unexpected keyword var, expected expression\n"
       "./x.go:6:14: syntax error: unexpected literal 4 at end of statement\n"
       "./x.go:7:24: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tx := 1\n"
       "\tswitch {\n"
       "\tcase x > 1\n"
       "\t\tprintln(1)\n"
       "\tdefault:\n"
       "\t\tprintln(2 3)\n"
       "\t}\n"
       "}\n",
       "./x.go:6:12: syntax error: unexpected newline, expected :\n"
       "./x.go:9:13: syntax error: unexpected literal 3 in argument list; possibly missing comma or )\n"},
      {"package main\n"
       "\n"
       "func f() int {\n"
       "\treturn (1 + 2\n"
       "}\n"
       "\n"
       "func g() int {\n"
       "\treturn [1]\n"
       "}\n"
       "\n"
       "func h() {\n"
       "\tx := 1 y := 2\n"
       "}\n",
       "./x.go:4:15: syntax error: unexpected newline, expected )\n"
       "./x.go:8:12: syntax error: unexpected newline, expected type\n"
       "./x.go:12:9: syntax error: unexpected name y at end of statement\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tif true {\n"
       "\t} else if\n"
       "\t{\n"
       "\t}\n"
       "\tif false {\n"
       "\t} else if {\n"
       "\t}\n"
       "}\n",
       "./x.go:6:2: syntax error: missing condition in if statement\n"
       "./x.go:9:12: syntax error: missing condition in if statement\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tfor i := 0; i < 3; i++\n"
       "\t{\n"
       "\t}\n"
       "\tfor j := 0; j < 3; j++\n"
       "\t{\n"
       "\t}\n"
       "}\n",
       "./x.go:4:24: syntax error: unexpected newline, expected { after for clause\n"
       "./x.go:7:24: syntax error: unexpected newline, expected { after for clause\n"},
      {"package main\n"
       "\n"
       "type T struct {\n"
       "\tx int\n"
       "\ty\n"
       "\tz int int\n"
       "}\n"
       "\n"
       "type I interface {\n"
       "\tM() int int\n"
       "}\n"
       "\n"
       "func main() {}\n",
       "./x.go:6:8: syntax error: unexpected name int in struct type; possibly missing semicolon or newline or }\n"
       "./x.go:10:10: syntax error: unexpected name int in interface type; possibly missing semicolon or newline or }\n"},
      {"package main\n"
       "\n"
       "func main() {\n"
       "\tch := make(chan int)\n"
       "\tselect {\n"
       "\tcase <-ch\n"
       "\t}\n"
       "\tgo func() {}\n"
       "\tdefer 1\n"
       "}\n",
       "./x.go:6:11: syntax error: unexpected newline, expected :\n"},
  };
  for (const ErrorCase& c : cases) {
    Parsed p(c.src);
    EXPECT_EQ(p.errors(), c.want) << c.src;
  }
}

TEST(SyntaxErrorTest, NoCascadeInsideOneStatement) {
  // One broken statement with several bad tokens on following lines of the same
  // statement; gc and gojit report it once and go on with the next function.
  Parsed p(
      "package main\nfunc main() {\n\tx := []int{1, 2,\n\t\t3 4,\n\t\t5 6}\n}\n"
      "func f() {\n\tg(1 2)\n}\n");
  EXPECT_EQ(p.errors(),
            "./x.go:4:5: syntax error: unexpected literal 4 in composite literal; possibly missing comma or }\n"
            "./x.go:8:6: syntax error: unexpected literal 2 in argument list; possibly missing comma or )\n");
}

TEST(SyntaxErrorTest, CaseEndsAStatementListAfterRecovery) {
  // gc's stmtList stops at `case` after skipping `:`, with no complaint about the
  // missing semicolon; a label with nothing after it gets labeledStmtOrNil's error.
  Parsed p("package main\nfunc main() {\n\tswitch x {\n\tcase 1:\n\t\tL:\n\tcase 2:\n\t\t2:\n"
           "\tcase 3:\n\t}\n}\n");
  EXPECT_EQ(p.errors(),
            "./x.go:5:4: syntax error: missing statement after label\n"
            "./x.go:7:4: syntax error: unexpected : at end of statement\n");
}

TEST(SyntaxErrorTest, CleanTreeAfterRecovery) {
  // The broken statement is left out; the rest of the file is built as written.
  Parsed p("package main\nfunc main() {\n\tx := 1 y\n\tz := 2\n}\nfunc g() {}\n");
  ASSERT_NE(p.file, nullptr);
  ASSERT_EQ(p.file->decls.size(), 2u);
  auto* main_fn = p.file->decls[0]->As<FuncDecl>();
  ASSERT_NE(main_fn, nullptr);
  ASSERT_NE(main_fn->body, nullptr);
  EXPECT_EQ(main_fn->body->list.size(), 2u);
  EXPECT_EQ(p.errors(), "./x.go:3:9: syntax error: unexpected name y at end of statement\n");
}

TEST(SyntaxErrorTest, AstSurvivesErrors) {
  Parsed p("package main\nfunc main() {\n\tx := T{1 2}\n\ty := 3\n}\nfunc g() {}\n");
  ASSERT_NE(p.file, nullptr);
  EXPECT_TRUE(p.diags.HasErrors());
  EXPECT_FALSE(p.file->decls.empty());
}

TEST(RobustnessTest, GarbageDoesNotCrash) {
  const std::string program =
      "package main\n\nimport \"fmt\"\n\ntype T[K comparable] struct{ m map[K]int }\n\n"
      "func (t *T[K]) Get(k K) (int, bool) { v, ok := t.m[k]; return v, ok }\n\n"
      "func main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n"
      "\tselect {\n\tcase v := <-ch:\n\t\tfmt.Println(v)\n\t}\n"
      "\tswitch x := any(1).(type) {\n\tcase int:\n\t\t_ = x\n\t}\n}\n";
  // Every prefix of a real program, as an editor would produce while typing.
  for (size_t n = 0; n <= program.size(); ++n) {
    Parsed p(program.substr(0, n));
    (void)p;
  }
  // Random bytes, NULs, invalid UTF-8, and random token soup.
  std::mt19937 rng(42);
  for (int i = 0; i < 200; ++i) {
    std::string s = i % 2 ? "package p\n" : "";
    size_t len = rng() % 300;
    for (size_t k = 0; k < len; ++k) s += static_cast<char>(rng() % 256);
    Parsed p(s);
    (void)p;
  }
  const char* words[] = {"func", "(", ")", "{", "}", "[", "]", "x", "1", ",", ";", "\n", ":=", "=",
                         "if", "for", "range", "switch", "case", ":", "type", "struct", "interface",
                         "chan", "<-", "*", ".", "...", "go", "select", "default", "map", "\"s\"", "~", "|"};
  for (int i = 0; i < 500; ++i) {
    std::string s = "package p\n";
    size_t len = rng() % 60;
    for (size_t k = 0; k < len; ++k) s += std::string(words[rng() % std::size(words)]) + " ";
    Parsed p(s);
    (void)p;
  }
  Parsed nul(std::string("package p\n\0\0\0", 13));
  EXPECT_TRUE(absl::StrContains(nul.errors(), "invalid NUL character"));
}

// ---------------------------------------------------------------- diagnostics

TEST(DiagnosticsTest, SortedDedupedAndCapped) {
  SourceManager sm;
  FileId f = sm.Add("a.go", "");
  Diagnostics d(sm);
  d.Error(Pos{f, 3, 1}, "third");
  d.Error(Pos{f, 1, 5}, "syntax error: first");
  d.Error(Pos{f, 1, 9}, "syntax error: dropped, same line");
  d.Error(Pos{f, 2, 1}, "same");
  d.Error(Pos{f, 2, 7}, "same");
  EXPECT_EQ(d.Render(), "./a.go:1:5: syntax error: first\n./a.go:2:1: same\n./a.go:3:1: third\n");
  Diagnostics many(sm);
  for (int i = 1; i <= 12; ++i) many.Error(Pos{f, i, 1}, "e");
  std::string out = many.Render();
  EXPECT_TRUE(absl::EndsWith(out, "./a.go:10:1: e\n./a.go:10:1: too many errors\n")) << out;
  EXPECT_FALSE(absl::StrContains(out, "11:1"));
}

TEST(SourceManagerTest, DisplayNamesLikeGoBuild) {
  SourceManager sm;
  EXPECT_EQ(sm.Get(sm.Add("x.go", "")).display_name, "./x.go");
  EXPECT_EQ(sm.Get(sm.Add("./x.go", "")).display_name, "./x.go");
  EXPECT_EQ(sm.Get(sm.Add("sub/x.go", "")).display_name, "sub/x.go");
  EXPECT_EQ(sm.Get(sm.Add("../x.go", "")).display_name, "../x.go");
  EXPECT_EQ(sm.Get(sm.Add("/nonexistent/dir/x.go", "")).display_name, "/nonexistent/dir/x.go");
  EXPECT_EQ(sm.Format(Pos{0, 4, 2}), "./x.go:4:2");
}

}  // namespace
}  // namespace gojit::frontend
