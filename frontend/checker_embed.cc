// //go:embed, the compiler's part (embed.h has the whole design). Each directive
// attaches to the declaration that follows it (blank lines and other comments may
// come between), as gc attaches pragmas: to a spec of a grouped declaration, or to
// an ungrouped declaration. gc's checks follow, in its words and at its positions:
// at the directive, those of the declaration (the embed import, one variable, no
// initialiser, a type written, package level); at the variable, those of its type
// (string, []byte or embed.FS) and of the number of files. The files are those
// package_graph.cc resolved for each pattern; they are read here into
// Program::embeds, which ir/ lays out as the variable's initial contents.
//
// Invariants:
//   1. Every directive of a checked file is either attached to exactly one
//      package-level var spec or reported.
//   2. An entry of Program::embeds exists only for a variable whose checks all
//      passed; its kString and kBytes entries hold exactly one file.
#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/checker.h"
#include "frontend/embed.h"
#include "frontend/package_dir.h"

namespace gojit::frontend {
namespace {

// Where a directive can attach: the line a top-level declaration, or a spec of a
// grouped one, starts on.
struct Attachment {
  int line = 0;
  ValueSpec* var = nullptr;  // a var spec; null for any other declaration
};

std::vector<Attachment> Attachments(File* file, std::vector<std::pair<int, int>>* func_spans) {
  std::vector<Attachment> points;
  for (Decl* d : file->decls) {
    if (auto* fd = d->As<FuncDecl>()) {
      points.push_back({fd->pos.line, nullptr});
      if (fd->body) func_spans->push_back({fd->pos.line, fd->body->rbrace.line});
      continue;
    }
    auto* gd = d->As<GenDecl>();
    if (gd == nullptr) continue;
    bool grouped = gd->specs.size() != 1 || gd->specs[0]->pos.line != gd->pos.line;
    if (grouped) points.push_back({gd->pos.line, nullptr});
    for (Spec* s : gd->specs) {
      points.push_back({s->pos.line, gd->tok == Tok::kVar ? s->As<ValueSpec>() : nullptr});
    }
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const Attachment& a, const Attachment& b) { return a.line < b.line; });
  return points;
}

// Whether the first line after line (1-based) that is neither blank nor a line
// comment declares a variable.
bool NextLineDeclaresVar(const std::vector<absl::string_view>& lines, int line) {
  for (size_t i = static_cast<size_t>(line); i < lines.size(); ++i) {
    absl::string_view l = absl::StripAsciiWhitespace(lines[i]);
    if (l.empty() || absl::StartsWith(l, "//")) continue;
    return absl::StartsWith(l, "var ") || absl::StartsWith(l, "var(") || l == "var";
  }
  return false;
}

bool IsEmbedFS(Type* t) {
  auto* n = t->As<Named>();
  return n != nullptr && n->obj()->name == "FS" && n->obj()->pkg != nullptr && n->obj()->pkg->path == "embed";
}

// Whether this Go tree's embed.FS is the layout ir/ writes: struct { files
// *[]file }, file being struct { name, data string; hash [16]byte }.
bool EmbedFSLayoutKnown(Type* fs) {
  auto* st = fs->UAs<Struct>();
  if (st == nullptr || st->fields().size() != 1) return false;
  auto* ptr = st->fields()[0].type->UAs<Pointer>();
  auto* slice = ptr ? ptr->elem()->UAs<Slice>() : nullptr;
  auto* file = slice ? slice->elem()->UAs<Struct>() : nullptr;
  if (file == nullptr || file->fields().size() != 3) return false;
  auto is_string = [](Type* t) {
    auto* b = t->UAs<Basic>();
    return b != nullptr && b->basic() == BasicKind::kString;
  };
  auto* hash = file->fields()[2].type->UAs<Array>();
  return is_string(file->fields()[0].type) && is_string(file->fields()[1].type) && hash != nullptr &&
         hash->len() == 16;
}

}  // namespace

void Checker::ApplyEmbeds() {
  for (File* file : pkg_->files) {
    const std::string& text = program_.sources.Get(file->file_id).text;
    if (text.find("//go:embed") == std::string::npos) continue;
    std::vector<EmbedDirective> directives = ScanEmbedDirectives(text);
    if (directives.empty()) continue;
    std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
    std::vector<std::pair<int, int>> func_spans;
    std::vector<Attachment> points = Attachments(file, &func_spans);
    auto at = [&](const EmbedDirective& d) { return Pos{file->file_id, d.line, d.col + 2}; };

    // Attach each directive, or report it.
    std::vector<std::pair<ValueSpec*, std::vector<const EmbedDirective*>>> attached;
    for (const EmbedDirective& d : directives) {
      if (!d.error.empty()) {
        program_.diags.Error(at(d), d.error);
        if (absl::StartsWith(d.error, "invalid quoted")) program_.diags.Error(at(d), "usage: //go:embed pattern...");
        continue;
      }
      bool in_func = std::any_of(func_spans.begin(), func_spans.end(),
                                 [&](auto span) { return d.line > span.first && d.line < span.second; });
      if (in_func) {
        program_.diags.Error(at(d), NextLineDeclaresVar(lines, d.line) ? "go:embed cannot apply to var inside func"
                                                                       : "misplaced go:embed directive");
        continue;
      }
      auto next = std::find_if(points.begin(), points.end(), [&](const Attachment& a) { return a.line > d.line; });
      if (next == points.end() || next->var == nullptr) {
        program_.diags.Error(at(d), "misplaced go:embed directive");
        continue;
      }
      if (attached.empty() || attached.back().first != next->var) attached.push_back({next->var, {}});
      attached.back().second.push_back(&d);
    }

    bool imports_embed = std::any_of(file->imports.begin(), file->imports.end(),
                                     [](ImportSpec* s) { return s->path == "embed"; });
    for (auto& [spec, ds] : attached) {
      Pos pos = at(*ds.front());
      if (!imports_embed) {
        program_.diags.Error(pos, "go:embed requires import \"embed\" (or import _ \"embed\", if package is not used)");
        continue;
      }
      if (spec->names.size() > 1) {
        program_.diags.Error(pos, "go:embed cannot apply to multiple vars");
        continue;
      }
      if (!spec->values.empty()) {
        program_.diags.Error(pos, "go:embed cannot apply to var with initializer");
        continue;
      }
      if (spec->type_expr == nullptr) {
        program_.diags.Error(pos, "go:embed cannot apply to var without type");
        continue;
      }
      Object* var = spec->names[0]->object;
      if (var == nullptr || var->type == nullptr) continue;
      Type* t = var->type;
      Program::EmbeddedVar ev;
      auto* basic = t->UAs<Basic>();
      auto* slice = t->UAs<Slice>();
      auto* byte_elem = slice ? slice->elem()->UAs<Basic>() : nullptr;
      if (IsEmbedFS(t)) {
        ev.kind = Program::EmbeddedVar::Kind::kFS;
        if (!EmbedFSLayoutKnown(t)) {
          Unsupported(spec->names[0]->pos, "//go:embed: this Go tree's embed.FS layout");
          continue;
        }
      } else if (basic != nullptr && basic->basic() == BasicKind::kString) {
        ev.kind = Program::EmbeddedVar::Kind::kString;
      } else if (byte_elem != nullptr && byte_elem->basic() == BasicKind::kUint8) {
        ev.kind = Program::EmbeddedVar::Kind::kBytes;
      } else {
        program_.diags.Error(spec->names[0]->pos, absl::StrCat("go:embed cannot apply to var of type ", TypeString(t)));
        continue;
      }
      // The files of every pattern, each once, in the patterns' order.
      std::vector<std::string> files;
      std::set<std::string> have;
      bool mapped = true;
      for (const EmbedDirective* d : ds) {
        for (const std::string& pattern : d->patterns) {
          auto it = pkg_->embed_patterns.find(pattern);
          if (it == pkg_->embed_patterns.end()) {
            program_.diags.Error(at(*d), absl::StrCat("invalid go:embed: build system did not map pattern: ", pattern));
            mapped = false;
            continue;
          }
          for (const std::string& f : it->second)
            if (have.insert(f).second) files.push_back(f);
        }
      }
      if (!mapped) continue;
      if (ev.kind != Program::EmbeddedVar::Kind::kFS && files.size() > 1) {
        program_.diags.Error(spec->names[0]->pos,
                             absl::StrCat("invalid go:embed: multiple files for type ", TypeString(t)));
        continue;
      }
      if (ev.kind == Program::EmbeddedVar::Kind::kFS) files = EmbedFSEntries(files);
      bool read_all = true;
      for (const std::string& name : files) {
        if (absl::EndsWith(name, "/")) {
          ev.entries.push_back({name, ""});
          continue;
        }
        std::string data, error;
        if (!ReadWholeFile(absl::StrCat(pkg_->dir, "/", name), &data, &error)) {
          program_.diags.Error(spec->names[0]->pos, absl::StrCat("embed ", name, ": ", error));
          read_all = false;
          break;
        }
        ev.entries.push_back({name, std::move(data)});
      }
      if (read_all) program_.embeds[var] = std::move(ev);
    }
  }
}

}  // namespace gojit::frontend
