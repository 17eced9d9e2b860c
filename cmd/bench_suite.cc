// cmd/bench_suite.cc: the benchmark programs of testdata/bench/ (see bench.h): finding
// them, reading their header comments and expected outputs, putting them in the
// report's order; and generating compile2k.go, the 2,000-line program whose cost is
// mostly compilation.
//
// The expected outputs (NAME.out) come from the real `go run`, never from gojit; the
// README of testdata/bench/ says how to regenerate them.

#include <dirent.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cmd/bench.h"

namespace gojit::bench {
namespace {

// The report's order: start-up and compile time, then sequential code, then
// Go's standard library at work, then the scheduler and channels. Programs not
// listed follow, by name.
constexpr const char* kOrder[] = {
    "hello",       "compile2k",  "bigloop4k",  "fib",        "nbody",    "spectralnorm",
    "fannkuch",    "generics",   "binarytrees", "allocchurn", "gcpause",  "mandelbrot",
    "json",        "regexp",     "sha256",     "pidigits",
    "goroutines",  "pingpong",
    "buffered",    "select4",    "pipeline",   "fanout",   "mutex",
    "parked",      "loops",      "stw",
};

int Rank(const std::string& name) {
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (name == kOrder[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(kOrder));
}

// Parses the leading `//` comment block of a program into *b.
bool ParseHeader(const std::string& source, Benchmark* b, std::string* error) {
  bool in_purpose = false;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t eol = source.find('\n', pos);
    if (eol == std::string::npos) eol = source.size();
    absl::string_view line(source.data() + pos, eol - pos);
    pos = eol + 1;
    if (!absl::ConsumePrefix(&line, "//")) break;
    line = absl::StripAsciiWhitespace(line);
    if (absl::ConsumePrefix(&line, "bench:")) {
      b->purpose = std::string(absl::StripAsciiWhitespace(line));
      in_purpose = true;
    } else if (absl::ConsumePrefix(&line, "quick:")) {
      b->quick_arg = std::string(absl::StripAsciiWhitespace(line));
      in_purpose = false;
    } else if (absl::ConsumePrefix(&line, "gojit-env:")) {
      std::vector<std::string> words =
          absl::StrSplit(absl::StripAsciiWhitespace(line), ' ', absl::SkipEmpty());
      for (const std::string& w : words) {
        if (w.find('=') == std::string::npos || w[0] == '=') {
          *error = absl::StrCat(b->path, ": want `// gojit-env: KEY=VALUE...`");
          return false;
        }
        b->gojit_env.push_back(w);
      }
      in_purpose = false;
    } else if (absl::ConsumePrefix(&line, "variant:")) {
      std::vector<std::string> words =
          absl::StrSplit(absl::StripAsciiWhitespace(line), ' ', absl::SkipEmpty());
      if (words.size() < 2) {
        *error = absl::StrCat(b->path, ": want `// variant: SUFFIX FLAGS...`");
        return false;
      }
      b->variants.push_back({words[0], std::vector<std::string>(words.begin() + 1, words.end())});
      in_purpose = false;
    } else if (absl::ConsumePrefix(&line, "size-variant:")) {
      std::vector<std::string> words =
          absl::StrSplit(absl::StripAsciiWhitespace(line), ' ', absl::SkipEmpty());
      Benchmark::SizeVariant v;
      if (words.size() < 2 || words.size() > 3 ||
          (words.size() == 3 && (!absl::SimpleAtoi(words[2], &v.max_reps) || v.max_reps < 1))) {
        *error = absl::StrCat(b->path, ": want `// size-variant: SUFFIX ARG [REPS]`");
        return false;
      }
      v.suffix = words[0];
      v.arg = words[1];
      b->size_variants.push_back(std::move(v));
      in_purpose = false;
    } else if (absl::ConsumePrefix(&line, "mode:")) {
      line = absl::StripAsciiWhitespace(line);
      if (line == "e2e") {
        b->mode = Mode::kEndToEnd;
      } else if (line == "edit") {
        b->mode = Mode::kEdit;
      } else {
        *error = absl::StrCat(b->path, ": unknown mode \"", line, "\" (want e2e or edit)");
        return false;
      }
      in_purpose = false;
    } else if (in_purpose && !line.empty()) {
      absl::StrAppend(&b->purpose, " ", line);
    }
  }
  if (b->purpose.empty()) {
    *error = absl::StrCat(b->path, ": no `// bench: PURPOSE` header line");
    return false;
  }
  if (b->quick_arg.empty()) {
    *error = absl::StrCat(b->path, ": no `// quick: ARG` header line");
    return false;
  }
  return true;
}

}  // namespace

std::vector<Benchmark> LoadSuite(const std::string& dir, std::string* error) {
  std::vector<Benchmark> suite;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    *error = absl::StrCat("cannot read benchmark directory ", dir);
    return suite;
  }
  std::vector<std::string> files;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (absl::EndsWith(name, ".go")) files.push_back(name);
  }
  closedir(d);
  for (const std::string& file : files) {
    Benchmark b;
    b.name = file.substr(0, file.size() - 3);
    b.path = absl::StrCat(dir, "/", file);
    std::optional<std::string> source = ReadFile(b.path);
    if (!source) {
      *error = absl::StrCat("cannot read ", b.path);
      return {};
    }
    if (!ParseHeader(*source, &b, error)) return {};
    if (std::optional<std::string> out = ReadFile(absl::StrCat(dir, "/", b.name, ".out"))) {
      b.expected = *out;
      b.has_expected = true;
    }
    for (const Benchmark::SizeVariant& sv : b.size_variants) {
      Benchmark v = b;
      v.name = absl::StrCat(b.name, "_", sv.suffix);
      v.purpose = absl::StrCat(b.purpose, " (size ", sv.arg,
                               sv.max_reps > 0 ? absl::StrCat(", at most ", sv.max_reps, " runs") : "",
                               ")");
      v.arg = sv.arg;
      v.max_reps = sv.max_reps;
      v.variants.clear();
      v.size_variants.clear();
      v.expected.clear();
      v.has_expected = false;
      if (std::optional<std::string> out = ReadFile(absl::StrCat(dir, "/", v.name, ".out"))) {
        v.expected = *out;
        v.has_expected = true;
      }
      suite.push_back(std::move(v));
    }
    for (const auto& [suffix, flags] : b.variants) {
      Benchmark v = b;
      v.name = absl::StrCat(b.name, "_", suffix);
      v.purpose = absl::StrCat(b.purpose, " (gojit ", absl::StrJoin(flags, " "), ")");
      v.gojit_flags = flags;
      v.variants.clear();
      suite.push_back(std::move(v));
    }
    suite.push_back(std::move(b));
  }
  // A variant follows its program (whose name is its file's stem).
  auto stem = [](const Benchmark& b) {
    std::string file = b.path.substr(b.path.rfind('/') + 1);
    return file.substr(0, file.size() - 3);
  };
  std::sort(suite.begin(), suite.end(), [&](const Benchmark& a, const Benchmark& b) {
    std::string sa = stem(a), sb = stem(b);
    int ra = Rank(sa), rb = Rank(sb);
    if (ra != rb) return ra < rb;
    if (sa != sb) return sa < sb;
    bool va = !a.gojit_flags.empty(), vb = !b.gojit_flags.empty();
    return va != vb ? vb : a.name < b.name;
  });
  return suite;
}

// --- compile2k.go ------------------------------------------------------------------

namespace {

// A fixed linear congruential generator, so the program is the same on every machine.
struct Lcg {
  uint64_t state = 0x2545F4914F6CDD1DULL;
  int Next(int bound) {  // in [0, bound)
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(bound));
  }
  int Const() { return 2 + Next(97); }  // a small positive constant, never 0 or 1
};

// The function `f<i>(x int) int` in one of twelve shapes, with any type or helper it
// needs placed just before it.
std::string Function(int i, Lcg& r) {
  int k1 = r.Const(), k2 = r.Const(), k3 = r.Const();
  std::string f = absl::StrFormat("func f%d(x int) int {\n", i);
  switch (r.Next(12)) {
    case 0:  // arithmetic and bit operations
      return absl::StrFormat(
          "%s\ta := x*%d + %d\n\tb := a ^ (a >> 3)\n\treturn b%%%d + %d\n}\n", f, k1, k2,
          k3, i);
    case 1:  // a counted loop
      return absl::StrFormat(
          "%s\ts := 0\n\tfor i := 0; i < %d; i++ {\n\t\ts += i * x %% %d\n\t}\n"
          "\treturn s\n}\n",
          f, k1, k2);
    case 2:  // a switch
      return absl::StrFormat(
          "%s\tswitch x %% 4 {\n\tcase 0:\n\t\treturn x + %d\n\tcase 1:\n\t\treturn x * %d\n"
          "\tcase 2:\n\t\treturn x - %d\n\tdefault:\n\t\treturn %d\n\t}\n}\n",
          f, k1, k2, k3, i);
    case 3:  // a struct with a value method
      return absl::StrFormat(
          "type t%d struct {\n\ta, b int\n}\n\nfunc (t t%d) sum() int { return t.a*%d + t.b }"
          "\n\n%s\tt := t%d{x, %d}\n\treturn t.sum()\n}\n",
          i, i, k1, f, i, k2);
    case 4:  // closures
      return absl::StrFormat(
          "%s\tadd := func(y int) int { return y + %d }\n\tmul := func(y int) int { return y "
          "* %d }\n\treturn add(mul(add(x)))\n}\n",
          f, k1, k2);
    case 5:  // strings
      return absl::StrFormat(
          "%s\ts := strings.Repeat(\"ab\", x%%%d+1) + \"k%d\"\n\treturn len(s) + "
          "strings.Count(s, \"a\")*%d\n}\n",
          f, k1, i, k2);
    case 6:  // a slice
      return absl::StrFormat(
          "%s\tv := make([]int, %d)\n\tfor i := range v {\n\t\tv[i] = i * x\n\t}\n\ts := 0\n"
          "\tfor _, e := range v {\n\t\ts += e %% %d\n\t}\n\treturn s\n}\n",
          f, k1, k2);
    case 7:  // a map
      return absl::StrFormat(
          "%s\tm := map[int]int{}\n\tfor i := 0; i < %d; i++ {\n\t\tm[i%%7] += i + x\n\t}\n"
          "\treturn len(m) + m[%d]\n}\n",
          f, k1, k2 % 7);
    case 8:  // an if-else chain
      return absl::StrFormat(
          "%s\tif x < %d {\n\t\treturn x + %d\n\t} else if x < %d {\n\t\treturn x - %d\n\t}"
          "\n\treturn x / %d\n}\n",
          f, k1 * 5, k2, k1 * 10, k3, k3);
    case 9:  // an array
      return absl::StrFormat(
          "%s\tvar a [8]int\n\tfor i := range a {\n\t\ta[i] = x + i*%d\n\t}\n"
          "\treturn a[%d] - a[%d]\n}\n",
          f, k1, k2 % 8, k3 % 8);
    case 10:  // an interface call
      return absl::StrFormat(
          "type p%d struct{ n int }\n\nfunc (p *p%d) value() int { return p.n * %d }\n\n"
          "%s\tvar v valuer = &p%d{x + %d}\n\treturn v.value()\n}\n",
          i, i, k1, f, i, k2);
    default:  // two results
      return absl::StrFormat(
          "func g%d(x int) (int, int) { return x / %d, x %% %d }\n\n%s\tq, r := g%d(x)\n"
          "\treturn q*%d + r\n}\n",
          i, k1, k1, f, i, k2);
  }
}

int CountLines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

std::string WithEditStamp(const std::string& program, long stamp) {
  size_t at = program.find(std::string("\n") + kEditStampPrefix);
  if (at == std::string::npos) return "";
  at += 1;
  size_t end = program.find('\n', at);
  if (end == std::string::npos) end = program.size();
  return absl::StrCat(program.substr(0, at), kEditStampPrefix, stamp, program.substr(end));
}

std::string GenerateCompileProgram(int lines) {
  const std::string head =
      "// bench: JIT compile time of a 2,000-line program: many small functions of a\n"
      "// dozen shapes, each called once (gc side: `go run`, warm cache).\n"
      "// quick: 0\n"
      "// mode: e2e\n"
      "// gojit-env: GOJITCACHE=off\n"
      "//\n"
      "// Generated by `gojit-bench --write_compile2k=testdata/bench/compile2k.go`; do not\n"
      "// edit.\n"
      "\n"
      "package main\n"
      "\n"
      "import (\n\t\"fmt\"\n\t\"strings\"\n)\n"
      "\n"
      "type valuer interface {\n\tvalue() int\n}\n"
      "\n"
      "// mix folds one result into the checksum.\n"
      "func mix(acc, v int) int {\n"
      "\tacc = (acc*31 + v) % 1000000007\n"
      "\tif acc < 0 {\n\t\tacc = -acc\n\t}\n"
      "\treturn acc\n"
      "}\n";
  Lcg r;
  std::string funcs;
  int n = 0;
  // main takes one line per function plus five.
  while (CountLines(head) + CountLines(funcs) + n + 5 < lines) {
    absl::StrAppend(&funcs, "\n", Function(n, r));
    ++n;
  }
  std::string main = "\nfunc main() {\n\tacc := 1\n";
  for (int i = 0; i < n; ++i) absl::StrAppendFormat(&main, "\tacc = mix(acc, f%d(acc%%1000))\n", i);
  absl::StrAppendFormat(&main, "\tfmt.Println(\"functions:\", %d, \"checksum:\", acc)\n}\n", n);
  return head + funcs + main;
}

std::string GenerateBigLoopProgram(int statements) {
  std::string out = absl::StrFormat(
      "// bench: JIT compile time of one function of %d statements: main's loop body, of\n"
      "// slice loads and stores, branches, shifts and parallel assignments (gc side: `go\n"
      "// run`, warm cache).\n"
      "// quick: 0\n"
      "// mode: e2e\n"
      "// gojit-env: GOJITCACHE=off\n"
      "//\n"
      "// Generated by `gojit-bench --write_bigloop4k=testdata/bench/bigloop4k.go`; do not\n"
      "// edit.\n"
      "\n"
      "package main\n"
      "\n"
      "import \"fmt\"\n"
      "\n"
      "func main() {\n"
      "\tx, y := 0, 1\n"
      "\ts := make([]int, 64)\n"
      "\tfor i := 0; i < 100; i++ {\n",
      statements);
  for (int i = 0; i < statements; ++i) {
    switch (i % 5) {
      case 0:
        absl::StrAppendFormat(&out, "\t\tx += s[(x+%d)&63] * %d\n", i, i % 17 + 1);
        break;
      case 1:
        absl::StrAppendFormat(&out, "\t\ts[(y+%d)&63] = x ^ y\n", i);
        break;
      case 2:
        absl::StrAppendFormat(&out, "\t\tif x > y {\n\t\t\ty += %d\n\t\t} else {\n\t\t\tx -= %d\n\t\t}\n",
                              i, i % 31);
        break;
      case 3:
        absl::StrAppendFormat(&out, "\t\ty = y*%d + x>>%d\n", i % 7 + 1, i % 5);
        break;
      default:
        absl::StrAppendFormat(&out, "\t\tx, y = y, x+%d\n", i);
    }
  }
  absl::StrAppend(&out, "\t}\n\tfmt.Println(x, y)\n}\n");
  return out;
}

}  // namespace gojit::bench
