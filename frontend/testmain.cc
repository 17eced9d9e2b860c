// Generating the test main (see testmain.h).
#include "frontend/testmain.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace gojit::frontend {
namespace {

// Whether name is prefix followed by nothing or by a character that is not a
// lower-case letter (TestFoo and Test_foo are tests, Testfoo is not).
bool HasTestName(const std::string& name, absl::string_view prefix) {
  if (!absl::StartsWith(name, prefix)) return false;
  if (name.size() == prefix.size()) return true;
  unsigned char c = static_cast<unsigned char>(name[prefix.size()]);
  return !(c >= 'a' && c <= 'z');  // non-ASCII letters: go checks unicode.IsLower; rare in names
}

// Whether fd's signature is func(*T) or func(*x.T) for type name arg, with no
// results and no type parameters.
bool HasTestSignature(const FuncDecl* fd, absl::string_view arg) {
  const FuncType* ft = fd->func_type;
  if (!ft->results.empty() || !ft->type_params.empty() || ft->params.size() != 1 ||
      ft->params[0].names.size() > 1)
    return false;
  const auto* star = ft->params[0].type_expr ? ft->params[0].type_expr->As<StarExpr>() : nullptr;
  if (star == nullptr) return false;
  if (const auto* id = star->x->As<Ident>()) return id->name == arg;
  if (const auto* sel = star->x->As<SelectorExpr>()) return sel->sel->name == arg;
  return false;
}

// A Go string literal holding s.
std::string GoQuote(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          absl::StrAppendFormat(&out, "\\x%02x", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

// The byte offset of pos (1-based line and column) in text.
size_t Offset(absl::string_view text, Pos pos) {
  size_t off = 0;
  for (int line = 1; line < pos.line && off < text.size(); ++line) {
    size_t nl = text.find('\n', off);
    if (nl == absl::string_view::npos) return text.size();
    off = nl + 1;
  }
  return std::min(text.size(), off + static_cast<size_t>(pos.col - 1));
}

// One comment of a body: its text without markers, and its lines' span.
struct Comment {
  std::string text;
  int first_line, last_line;
};

// The comments of a function body, skipping string and rune literals.
std::vector<Comment> BodyComments(absl::string_view body) {
  std::vector<Comment> comments;
  int line = 1;
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '"' || c == '\'') {
      for (++i; i < body.size() && body[i] != c && body[i] != '\n'; ++i)
        if (body[i] == '\\') ++i;
      ++i;
    } else if (c == '`') {
      for (++i; i < body.size() && body[i] != '`'; ++i)
        if (body[i] == '\n') ++line;
      ++i;
    } else if (body.substr(i, 2) == "//") {
      size_t end = body.find('\n', i);
      if (end == absl::string_view::npos) end = body.size();
      absl::string_view t = body.substr(i + 2, end - i - 2);
      absl::ConsumePrefix(&t, " ");
      comments.push_back({std::string(t), line, line});
      i = end;
    } else if (body.substr(i, 2) == "/*") {
      size_t end = body.find("*/", i + 2);
      if (end == absl::string_view::npos) end = body.size();
      absl::string_view t = body.substr(i + 2, end - i - 2);
      int first = line;
      for (char ch : t) line += ch == '\n';
      comments.push_back({std::string(t), first, line});
      i = end + 2;
    } else {
      ++i;
    }
  }
  return comments;
}

}  // namespace

std::optional<ExampleOutput> FindExampleOutput(absl::string_view body) {
  std::vector<Comment> comments = BodyComments(body);
  if (comments.empty()) return std::nullopt;
  // The last comment group: comments on adjacent lines (go/ast's grouping; a
  // blank line or code between two comments starts a new group).
  size_t first = comments.size() - 1;
  while (first > 0 && comments[first - 1].last_line + 1 >= comments[first].first_line) --first;
  std::vector<std::string> lines;
  for (size_t i = first; i < comments.size(); ++i) {
    for (absl::string_view l : absl::StrSplit(comments[i].text, '\n'))
      lines.emplace_back(absl::StripTrailingAsciiWhitespace(l));
  }
  // Leading and trailing blank lines go, runs of blank lines become one.
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::vector<std::string> kept;
  for (std::string& l : lines) {
    if (l.empty() && !kept.empty() && kept.back().empty()) continue;
    kept.push_back(std::move(l));
  }
  std::string text = absl::StrJoin(kept, "\n");
  if (!kept.empty()) text += "\n";
  // (?i)^[[:space:]]*(unordered )?output:
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(text);
  ExampleOutput out;
  std::string lower = absl::AsciiStrToLower(rest.substr(0, 17));
  if (absl::StartsWith(lower, "unordered output:")) {
    out.unordered = true;
    rest.remove_prefix(17);
  } else if (absl::StartsWith(lower, "output:")) {
    rest.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  while (absl::ConsumePrefix(&rest, " ")) {
  }
  absl::ConsumePrefix(&rest, "\n");
  out.text = std::string(rest);
  return out;
}

absl::StatusOr<std::string> GenerateTestMain(const SourceManager& sources, const TestMainInput& input) {
  struct Entry {
    std::string name, ref;  // "TestX", "_test.TestX"
    std::optional<ExampleOutput> output;
  };
  std::vector<Entry> tests, benchmarks, fuzz_targets, examples;
  std::string test_main;
  bool uses_internal = false, uses_external = false;
  auto scan = [&](const std::vector<File*>& files, absl::string_view alias, bool* used) -> absl::Status {
    for (File* f : files) {
      for (Decl* d : f->decls) {
        auto* fd = d->As<FuncDecl>();
        if (fd == nullptr || fd->recv != nullptr || fd->name == nullptr) continue;
        const std::string& name = fd->name->name;
        std::string ref = absl::StrCat(alias, ".", name);
        auto wrong = [&](absl::string_view want) {
          return absl::InvalidArgumentError(absl::StrCat(
              sources.Get(fd->pos.file).path, ":", fd->pos.line, ":", fd->pos.col, ": wrong signature for ",
              name, ", must be: func ", name, want));
        };
        if (name == "TestMain" && HasTestSignature(fd, "M")) {
          if (!test_main.empty()) return absl::InvalidArgumentError("multiple definitions of TestMain");
          test_main = ref;
          *used = true;
        } else if (HasTestName(name, "Test")) {
          if (name == "TestMain") continue;  // TestMain(t *testing.T) is an ordinary function
          if (!HasTestSignature(fd, "T")) return wrong("(t *testing.T)");
          tests.push_back({name, ref, std::nullopt});
          *used = true;
        } else if (HasTestName(name, "Benchmark")) {
          if (!HasTestSignature(fd, "B")) return wrong("(b *testing.B)");
          benchmarks.push_back({name, ref, std::nullopt});
          *used = true;
        } else if (HasTestName(name, "Fuzz")) {
          if (!HasTestSignature(fd, "F")) return wrong("(f *testing.F)");
          fuzz_targets.push_back({name, ref, std::nullopt});
          *used = true;
        } else if (HasTestName(name, "Example")) {
          const FuncType* ft = fd->func_type;
          if (!ft->params.empty() || !ft->results.empty() || !ft->type_params.empty() || fd->body == nullptr)
            continue;  // go vet's business; go test leaves it out
          absl::string_view text = sources.Get(f->file_id).text;
          size_t begin = Offset(text, fd->body->pos), end = Offset(text, fd->body->rbrace);
          std::optional<ExampleOutput> output = FindExampleOutput(text.substr(begin, end + 1 - begin));
          if (!output) continue;  // compiled, not run
          examples.push_back({name, ref, std::move(output)});
          *used = true;
        }
      }
    }
    return absl::OkStatus();
  };
  if (absl::Status s = scan(input.internal_files, "_test", &uses_internal); !s.ok()) return s;
  if (absl::Status s = scan(input.external_files, "_xtest", &uses_external); !s.ok()) return s;

  std::string src = absl::StrCat("// The test main of ", input.import_path, ", generated by gojit test.\n\npackage main\n\nimport (\n\t\"os\"\n",
                                 test_main.empty() ? "" : "\t\"reflect\"\n",
                                 "\t\"testing\"\n\t\"testing/internal/testdeps\"\n\n");
  absl::StrAppend(&src, "\t", uses_internal ? "_test" : "_", " ", GoQuote(input.import_path), "\n");
  if (!input.external_path.empty())
    absl::StrAppend(&src, "\t", uses_external ? "_xtest" : "_", " ", GoQuote(input.external_path), "\n");
  absl::StrAppend(&src, ")\n\n");
  auto list = [&](absl::string_view var, absl::string_view type, const std::vector<Entry>& entries) {
    absl::StrAppend(&src, "var ", var, " = []testing.", type, "{\n");
    for (const Entry& e : entries) {
      absl::StrAppend(&src, "\t{", GoQuote(e.name), ", ", e.ref);
      if (e.output) absl::StrAppend(&src, ", ", GoQuote(e.output->text), ", ", e.output->unordered ? "true" : "false");
      absl::StrAppend(&src, "},\n");
    }
    absl::StrAppend(&src, "}\n\n");
  };
  list("tests", "InternalTest", tests);
  list("benchmarks", "InternalBenchmark", benchmarks);
  list("fuzzTargets", "InternalFuzzTarget", fuzz_targets);
  list("examples", "InternalExample", examples);
  absl::StrAppend(&src, "func init() {\n\ttestdeps.ImportPath = ", GoQuote(input.import_path), "\n}\n\n");
  absl::StrAppend(&src, "func main() {\n\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)\n");
  if (test_main.empty()) {
    absl::StrAppend(&src, "\tos.Exit(m.Run())\n");
  } else {
    // TestMain may return without calling os.Exit: the status is then what m.Run
    // recorded in m's exitCode field.
    absl::StrAppend(&src, "\t", test_main, "(m)\n",
                    "\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n");
  }
  absl::StrAppend(&src, "}\n");
  return src;
}

}  // namespace gojit::frontend
