// Module resolution (see module_resolver.h).
#include "frontend/module_resolver.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/package_dir.h"

namespace gojit::frontend {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// The minor number of a go directive's "1.N[.P]" (0 when absent or malformed).
int GoMinor(absl::string_view version) {
  std::vector<absl::string_view> parts = absl::StrSplit(version, '.');
  int minor = 0;
  if (parts.size() >= 2 && parts[0] == "1") (void)absl::SimpleAtoi(parts[1], &minor);
  return minor;
}

// Single-quotes s for /bin/sh.
std::string ShellQuote(absl::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// How the go command names a file relative to the current directory in its
// messages: relative when below it, else absolute.
std::string ShortPath(const std::string& cwd, const std::string& path) {
  if (HasPathPrefix(path, cwd) && path.size() > cwd.size()) return path.substr(cwd.size() + 1);
  return path;
}

}  // namespace

absl::Status ModuleResolver::Load() {
  if (tried_) return load_status_;
  tried_ = true;
  for (std::string dir = cwd_;;) {
    if (Exists(dir + "/go.mod")) {
      root_ = dir;
      break;
    }
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || dir == "/") break;
    dir = slash == 0 ? "/" : dir.substr(0, slash);
    if (dir == "/" && !Exists("/go.mod")) break;
  }
  if (root_.empty()) {
    load_status_ = absl::NotFoundError(
        "go.mod file not found in current directory or any parent directory; see 'go help modules'");
    return load_status_;
  }
  std::string text, error;
  std::string gomod = root_ + "/go.mod";
  if (!ReadGoFile(gomod, &text, &error)) {
    load_status_ = absl::InvalidArgumentError(absl::StrCat("go: ", error));
    return load_status_;
  }
  absl::StatusOr<ModFile> mod = ParseModFile(ShortPath(cwd_, gomod), text);
  if (!mod.ok()) {
    load_status_ = absl::InvalidArgumentError(
        absl::StrCat("go: errors parsing go.mod:\n", mod.status().message()));
    return load_status_;
  }
  if (mod->module_path.empty()) {
    load_status_ = absl::InvalidArgumentError(
        absl::StrCat("go: error reading go.mod: missing module declaration. To specify the module path:\n"
                     "\tgo mod edit -module=example.com/mod"));
    return load_status_;
  }
  mod_ = std::move(*mod);
  std::string sum;
  if (ReadGoFile(root_ + "/go.sum", &sum, &error)) sum_ = ParseGoSum(sum);
  vendor_ = GoMinor(mod_.go_version) >= 14 && Exists(root_ + "/vendor/modules.txt");
  found_ = true;
  return absl::OkStatus();
}

bool ModuleResolver::InMainModule(const std::string& path) const {
  return found_ && HasPathPrefix(path, mod_.module_path);
}

std::optional<std::string> ModuleResolver::ImportPathOfDir(const std::string& dir) const {
  if (!found_ || !HasPathPrefix(dir, root_)) return std::nullopt;
  if (dir == root_) return mod_.module_path;
  std::string rel = dir.substr(root_.size() + 1);
  // vendor/ and testdata/ hold no packages of the main module.
  if (absl::StartsWith(rel, "vendor/") || rel == "vendor") return std::nullopt;
  return absl::StrCat(mod_.module_path, "/", rel);
}

absl::StatusOr<ModuleResolver::Location> ModuleResolver::Locate(const std::string& path,
                                                                const std::string& importer) {
  if (absl::Status s = Load(); !s.ok()) {
    if (absl::IsNotFound(s))
      return absl::NotFoundError(absl::StrCat("no required module provides package ", path, ": ", s.message()));
    return s;
  }
  if (InMainModule(path)) {
    Location loc;
    loc.dir = path == mod_.module_path ? root_ : absl::StrCat(root_, path.substr(mod_.module_path.size()));
    return loc;
  }
  if (vendor_) {
    Location loc;
    loc.dir = absl::StrCat(root_, "/vendor/", path);
    if (!IsDir(loc.dir))
      return absl::NotFoundError(absl::StrCat("cannot find module providing package ", path,
                                              ": import lookup disabled by -mod=vendor"));
    return loc;
  }
  // The required module with the longest path that is a prefix of path.
  std::string module;
  for (const auto& [m, v] : mod_.require) {
    if (HasPathPrefix(path, m) && m.size() > module.size()) module = m;
  }
  if (module.empty()) {
    return absl::NotFoundError(absl::StrCat("no required module provides package ", path,
                                            "; to add it:\n\tgo get ", path));
  }
  std::string version = mod_.require.at(module);
  std::string rest = path.substr(module.size());
  // A replacement: a directory, or another module version.
  std::string source = module, source_version = version;
  for (const ModReplace& r : mod_.replaces) {
    if (r.old_path != module || (!r.old_version.empty() && r.old_version != version)) continue;
    if (r.new_version.empty()) {
      Location loc;
      loc.dir = r.new_path[0] == '/' ? r.new_path : absl::StrCat(root_, "/", r.new_path);
      absl::StrAppend(&loc.dir, rest);
      loc.module_path = module;
      return loc;
    }
    source = r.new_path;
    source_version = r.new_version;
  }
  auto sum = sum_.find(absl::StrCat(source, " ", source_version));
  if (sum == sum_.end()) {
    return absl::NotFoundError(absl::StrCat("missing go.sum entry for module providing package ", path,
                                            " (imported by ", importer, "); to add:\n\tgo get ",
                                            importer));
  }
  if (absl::Status s = EnsureDownloaded(source, source_version); !s.ok()) return s;
  // The hash recorded at download must be go.sum's.
  std::string cache = ModuleCacheDir();
  std::string ziphash, error;
  if (ReadGoFile(absl::StrCat(cache, "/cache/download/", EscapeModulePath(source), "/@v/",
                              EscapeModulePath(source_version), ".ziphash"),
                 &ziphash, &error)) {
    ziphash = std::string(absl::StripAsciiWhitespace(ziphash));
    if (ziphash != sum->second) {
      return absl::FailedPreconditionError(
          absl::StrCat("verifying ", source, "@", source_version, ": checksum mismatch\n\tdownloaded: ",
                       ziphash, "\n\tgo.sum:     ", sum->second));
    }
  }
  Location loc;
  loc.dir = absl::StrCat(cache, "/", EscapeModulePath(source), "@", EscapeModulePath(source_version), rest);
  loc.module_path = source;
  loc.module_version = source_version;
  return loc;
}

absl::Status ModuleResolver::EnsureDownloaded(const std::string& module, const std::string& version) {
  std::string dir = absl::StrCat(ModuleCacheDir(), "/", EscapeModulePath(module), "@",
                                 EscapeModulePath(version));
  if (IsDir(dir)) return absl::OkStatus();
  std::fprintf(stderr, "go: downloading %s %s\n", module.c_str(), version.c_str());
  std::string command = absl::StrCat("cd ", ShellQuote(root_), " && ", ShellQuote(go_command_),
                                     " mod download ", ShellQuote(absl::StrCat(module, "@", version)),
                                     " 2>&1");
  std::string output;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) output.append(buf, n);
    int rc = pclose(p);
    if (rc == 0 && IsDir(dir)) return absl::OkStatus();
  }
  absl::string_view message = absl::StripAsciiWhitespace(output);
  absl::ConsumePrefix(&message, "go: ");
  if (message.empty()) message = "go mod download failed";
  return absl::UnavailableError(std::string(message));
}

}  // namespace gojit::frontend
