// EncodeFile and DecodeFile: a decoded tree dumps exactly as the parsed one, over a
// program holding every node kind and over whole standard packages; decoding
// never trusts its bytes; a tree with a position in another file is not encoded.
#include <dirent.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/ast_dump.h"
#include "frontend/ast_encoding.h"
#include "frontend/build_context.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

constexpr char kEveryKind[] = R"(package p

import (
	"fmt"
	str "strings"
	. "math"
	_ "embed"
)

type T[K comparable, V any] struct {
	m    map[K]V `json:"m"`
	next *T[K, V]
	fmt.Stringer
}

type A = []chan<- <-chan int

type I interface {
	~int | ~string
	M(x int, ys ...string) (n int, err error)
}

const (
	c0, d0 = iota, "x"
	c1, d1
)

var v, w = 1.5e3, 'q'

func (t *T[K, V]) Get(k K) (v V, ok bool) {
	v, ok = t.m[k]
	return
}

func F[S ~[]E, E interface{ ~int | ~string }](s S, ch chan<- E, xs ...E) (n int) {
	var z [3]struct{ a, b int "tag" }
	_ = [...]int{1, 2}
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
		switch j := i; {
		case j == 1:
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
	for range 3 {
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
	case <-make(chan int):
	default:
	}
	_ = s[1:2:3]
	_ = s[:]
	_ = map[string]*int{"a": nil}
	_ = []T[int, string]{{m: nil}, {}}
	_ = (*T[int, E])(nil)
	_ = i.(fmt.Stringer).String
	_ = str.ToUpper(fmt.Sprint(Pi, xs))
	_ = -n + ^n&^1<<2
	_ = `raw
string` + "\tq"
	goto end
end:
	return len(xs) + 'a' + 0x1p-2 + 1i
}

func native(x uintptr) int
)";

struct Parsed {
  SourceManager sources;
  AstArena arena;
  Diagnostics diags{sources};
  File* file = nullptr;
};

void Parse(Parsed& p, const std::string& path, const std::string& text) {
  FileId id = p.sources.Add(path, text);
  p.file = ParseFile(p.sources, id, p.arena, p.diags);
}

// Decodes f's encoding as a second file of the same SourceManager (the same text
// under another id), and checks that it dumps as f, imports included, and encodes
// to the same bytes.
void ExpectRoundTrip(Parsed& p, const std::string& what) {
  ASSERT_NE(p.file, nullptr) << what;
  std::optional<std::string> bytes = EncodeFile(*p.file);
  ASSERT_TRUE(bytes.has_value()) << what;
  const SourceFile& src = p.sources.Get(p.file->file_id);
  FileId again = p.sources.Add(src.path, std::string(src.text));
  AstArena arena;
  File* decoded = DecodeFile(*bytes, again, arena);
  ASSERT_NE(decoded, nullptr) << what;
  EXPECT_EQ(decoded->file_id, again);
  EXPECT_EQ(DumpAst(*decoded, p.sources), DumpAst(*p.file, p.sources)) << what;
  ASSERT_EQ(decoded->imports.size(), p.file->imports.size()) << what;
  for (size_t i = 0; i < decoded->imports.size(); ++i) {
    EXPECT_EQ(decoded->imports[i]->path, p.file->imports[i]->path) << what;
    EXPECT_EQ(decoded->imports[i]->path_pos.line, p.file->imports[i]->path_pos.line) << what;
  }
  std::optional<std::string> bytes_again = EncodeFile(*decoded);
  ASSERT_TRUE(bytes_again.has_value());
  EXPECT_EQ(*bytes_again, *bytes) << what;
}

TEST(AstEncodingTest, EveryKindRoundTrips) {
  Parsed p;
  Parse(p, "every.go", kEveryKind);
  ASSERT_FALSE(p.diags.HasErrors()) << p.diags.Render();
  ExpectRoundTrip(p, "every.go");
}

// go statements keep their call: the checker reads GoStmt::call, not x.
TEST(AstEncodingTest, GoAndDeferKeepTheirCall) {
  Parsed p;
  Parse(p, "g.go", "package p\nfunc f() { go f(); defer f() }\n");
  std::optional<std::string> bytes = EncodeFile(*p.file);
  ASSERT_TRUE(bytes.has_value());
  AstArena arena;
  File* decoded = DecodeFile(*bytes, p.file->file_id, arena);
  ASSERT_NE(decoded, nullptr);
  auto* body = decoded->decls[0]->As<FuncDecl>()->body;
  ASSERT_EQ(body->list.size(), 2u);
  auto* go = body->list[0]->As<GoStmt>();
  auto* defer = body->list[1]->As<DeferStmt>();
  ASSERT_NE(go, nullptr);
  ASSERT_NE(defer, nullptr);
  EXPECT_EQ(go->call, go->x);
  EXPECT_NE(go->call, nullptr);
  EXPECT_EQ(defer->call, defer->x);
}

// Whole packages of Go's tree: what the cache holds in practice.
TEST(AstEncodingTest, StandardPackagesRoundTrip) {
  absl::StatusOr<Goroot> goroot = FindGoroot("");
  if (!goroot.ok()) GTEST_SKIP() << "no Go tree: " << goroot.status();
  int files = 0;
  for (const char* dir : {"fmt", "go/ast", "math/big", "net/http", "regexp/syntax", "time",
                          "unicode"}) {
    std::string path = goroot->dir + "/src/" + dir;
    DIR* d = opendir(path.c_str());
    ASSERT_NE(d, nullptr) << path;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() < 3 || name.substr(name.size() - 3) != ".go") continue;
      std::ifstream in(path + "/" + name);
      std::stringstream text;
      text << in.rdbuf();
      Parsed p;
      Parse(p, path + "/" + name, text.str());
      if (p.diags.HasErrors()) continue;  // a syntax gojit's parser does not take
      ExpectRoundTrip(p, path + "/" + name);
      ++files;
    }
    closedir(d);
  }
  EXPECT_GT(files, 200);
}

// Every truncation, and every single-byte change of a small file's encoding:
// null or a tree, never a crash (ASan builds catch a read out of bounds); what
// is decoded from changed bytes encodes again.
TEST(AstEncodingTest, DamagedBytesAreRefused) {
  Parsed p;
  Parse(p, "d.go",
        "package p\nimport \"fmt\"\ntype T struct{ a int `t` }\n"
        "func (t *T) F(xs ...int) { for i := range xs { fmt.Println(i, t.a) } }\n");
  std::optional<std::string> bytes = EncodeFile(*p.file);
  ASSERT_TRUE(bytes.has_value());
  for (size_t n = 0; n < bytes->size(); ++n) {
    AstArena arena;
    EXPECT_EQ(DecodeFile(bytes->substr(0, n), 0, arena), nullptr) << "truncated to " << n;
  }
  {
    AstArena arena;
    EXPECT_EQ(DecodeFile(*bytes + "x", 0, arena), nullptr) << "trailing bytes";
  }
  for (size_t i = 0; i < bytes->size(); ++i) {
    for (int flip : {0x01, 0x80, 0xff}) {
      std::string damaged = *bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ flip);
      AstArena arena;
      if (File* f = DecodeFile(damaged, 0, arena)) {
        EXPECT_TRUE(EncodeFile(*f).has_value());
      }
    }
  }
}

// A child of the wrong kind for its field (a statement where an expression
// belongs) is refused: the reader checks each child against its field's type.
TEST(AstEncodingTest, ChildOfTheWrongKindIsRefused) {
  Parsed good;
  Parse(good, "a.go", "package p\nvar x = y\n");
  std::optional<std::string> a = EncodeFile(*good.file);
  ASSERT_TRUE(a.has_value());
  // The same file with `package p`'s Ident replaced by a GenDecl is not a File.
  std::string swapped = *a;
  swapped[0] = static_cast<char>(static_cast<int>(NodeKind::kGenDecl) + 1);
  AstArena arena;
  EXPECT_EQ(DecodeFile(swapped, 0, arena), nullptr);
}

TEST(AstEncodingTest, PositionInAnotherFileIsNotEncoded) {
  Parsed p;
  Parse(p, "f.go", "package p\nvar x = 1\n");
  ASSERT_NE(p.file, nullptr);
  p.file->package_name->pos.file = p.file->file_id + 1;
  EXPECT_FALSE(EncodeFile(*p.file).has_value());
}

// ParseFiles with a store: the second load of the same text is decoded, not
// parsed (the store sees a hit), and dumps as the parse did; a file with a
// syntax error is parsed every time and never stored.
class MapStore : public ParsedFileStore {
 public:
  std::optional<std::string> Load(std::string_view text) override {
    auto it = entries.find(std::string(text));
    if (it == entries.end()) return std::nullopt;
    ++hits;
    return it->second;
  }
  void Store(std::string_view text, std::string_view encoding) override {
    entries[std::string(text)] = std::string(encoding);
  }
  std::map<std::string, std::string> entries;
  int hits = 0;
};

TEST(AstEncodingTest, ParseFilesUsesTheStore) {
  MapStore store;
  const std::string good = "package p\nfunc f() int { return 1 }\n";
  const std::string broken = "package p\nfunc f() { return 1 +}\n";
  std::string first_dump;
  for (int run = 0; run < 2; ++run) {
    SourceManager sources;
    AstArena arena;
    Diagnostics diags{sources};
    std::vector<FileId> ids = {sources.Add("good.go", good), sources.Add("broken.go", broken)};
    std::vector<File*> files = ParseFiles(sources, ids, arena, diags, &store);
    ASSERT_EQ(files.size(), 2u);
    ASSERT_NE(files[0], nullptr);
    EXPECT_EQ(diags.ErrorCount(), 1u) << diags.Render();  // broken.go's, both runs
    std::string dump = DumpAst(*files[0], sources);
    if (run == 0) {
      first_dump = dump;
      EXPECT_EQ(store.hits, 0);
    } else {
      EXPECT_EQ(dump, first_dump);
      EXPECT_EQ(store.hits, 1);
    }
    EXPECT_EQ(store.entries.size(), 1u);
  }
}

}  // namespace
}  // namespace gojit::frontend
