// Package directories (see package_dir.h).
#include "frontend/package_dir.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace gojit::frontend {

std::string GoErrno(int err) {
  std::string s = std::strerror(err);
  if (!s.empty()) s[0] = static_cast<char>(tolower(static_cast<unsigned char>(s[0])));
  return s;
}

bool ReadWholeFile(const std::string& path, std::string* text, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *error = absl::StrCat("stat ", path, ": ", GoErrno(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = absl::StrCat("read ", path, ": is a directory");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = absl::StrCat("open ", path, ": ", GoErrno(errno));
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

bool ReadGoFile(const std::string& path, std::string* text, std::string* error) {
  if (!ReadWholeFile(path, text, error)) return false;
  if (text->find('\0') != std::string::npos) {
    *error = absl::StrCat("go: reading ", path, ": unexpected NUL in input");
    return false;
  }
  return true;
}

PackageDirFiles ReadPackageDir(const std::string& dir, const BuildContext& ctx, bool tests) {
  PackageDirFiles out;
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  out.dir_exists = true;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (absl::EndsWith(name, ".go") && (tests || !absl::EndsWith(name, "_test.go"))) names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string path = absl::StrCat(dir, "/", name);
    std::string text, error;
    if (!ReadGoFile(path, &text, &error)) continue;
    ++out.go_files;
    absl::StatusOr<bool> match = ctx.MatchFile(name, text, tests);
    if (!match.ok()) {
      out.error = std::string(match.status().message());
      out.paths.clear();
      out.texts.clear();
      return out;
    }
    if (!*match) continue;
    out.paths.push_back(std::move(path));
    out.texts.push_back(std::move(text));
  }
  return out;
}

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool HasPathPrefix(absl::string_view path, absl::string_view prefix) {
  if (prefix.empty()) return true;
  return path == prefix || (absl::StartsWith(path, prefix) && path.size() > prefix.size() &&
                            path[prefix.size()] == '/');
}

}  // namespace gojit::frontend
