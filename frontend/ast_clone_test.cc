// CloneFuncDecl and VisitFuncDecl: a clone dumps exactly as its original (every
// node kind a function body can hold is in the program below), shares no node with
// it, and carries none of the checker's annotations.
#include <set>
#include <string>

#include "frontend/ast.h"
#include "frontend/ast_clone.h"
#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

constexpr char kProgram[] = R"(package p

type T[K comparable, V any] struct{ m map[K]V }

func (t *T[K, V]) Get(k K) (v V, ok bool) {
	v, ok = t.m[k]
	return
}

func F[S ~[]E, E interface{ ~int | ~string }](s S, ch chan<- E, xs ...E) (n int) {
	const c, d = iota, "x"
	var z [3]struct{ a, b int "tag" }
	type local struct{ f func(int) E }
	defer func() { recover() }()
	go func(x int) {}(1)
	if x := len(s); x > 0 && !false {
		n += x
	} else if x < -1 {
		n--
	} else {
		n++
	}
loop:
	for i := 0; i < 3; i++ {
		switch {
		case i == 1:
			continue loop
		case i == 2:
			fallthrough
		default:
			break loop
		}
	}
	for k, v := range s {
		_, _ = k, v
	}
	var i interface{} = z
	switch v := i.(type) {
	case nil, int:
		_ = v
	}
	select {
	case ch <- s[0]:
	case x, ok := <-make(chan E):
		_, _ = x, ok
	default:
	}
	_ = s[1:2:3]
	_ = map[string]*int{"a": nil}
	_ = (*T[int, E])(nil)
	_ = i.(fmt.Stringer).String
	goto end
end:
	return len(xs) + 'a' + 0x1p-2 + 1i
}
)";

TEST(AstCloneTest, CloneDumpsAsTheOriginal) {
  SourceManager sm;
  AstArena arena;
  Diagnostics diags{sm};
  FileId id = sm.Add("x.go", kProgram);
  File* file = ParseFile(sm, id, arena, diags);
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(diags.Render(), "");
  std::string original = DumpAst(*file, sm);

  File copy = *file;
  std::set<const Node*> original_nodes;
  for (Decl*& d : copy.decls) {
    auto* fd = d->As<FuncDecl>();
    if (!fd) continue;
    VisitFuncDecl(fd, [&](const Node* n) { original_nodes.insert(n); });
    d = CloneFuncDecl(arena, fd);
  }
  EXPECT_EQ(DumpAst(copy, sm), original);
  EXPECT_GT(original_nodes.size(), 150u);

  for (Decl* d : copy.decls) {
    auto* fd = d->As<FuncDecl>();
    if (!fd) continue;
    VisitFuncDecl(fd, [&](const Node* n) {
      EXPECT_EQ(original_nodes.count(n), 0u) << NodeKindName(n->kind) << " shared with the original";
      if (auto* e = n->As<Expr>()) {
        EXPECT_EQ(e->type, nullptr);
        EXPECT_EQ(e->mode, ExprMode::kInvalid);
      }
    });
  }
}

}  // namespace
}  // namespace gojit::frontend
