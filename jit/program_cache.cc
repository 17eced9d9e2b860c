// The program cache; see program_cache.h for what is cached, the key, the layout
// and the invariants.
#include "jit/program_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/TargetParser/Host.h"

namespace gojit::jit {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'G', 'O', 'J', 'I', 'T', 'O', 'B', '1'};
constexpr size_t kDigestSize = 32;
constexpr size_t kHeaderSize = sizeof kMagic + 8 + kDigestSize;

// Go's trimming policy (cmd/go/internal/cache/cache.go): entries unused for
// trimLimit are deleted, at most once per trimInterval; mtimes are refreshed at
// most once per mtimeInterval.
constexpr int64_t kTrimIntervalS = 24 * 3600;
constexpr int64_t kTrimLimitS = 5 * 24 * 3600;
constexpr int64_t kMtimeIntervalS = 3600;

constexpr const char* kReadme =
    "This directory holds cached programs compiled by gojit.\n"
    "Remove it, or run `gojit clean -cache`, to drop them; gojit recreates it.\n";

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes data to path atomically: a temporary file beside it, then rename.
absl::Status WriteAtomically(const std::string& path, std::string_view data) {
  std::random_device rd;
  std::string tmp = absl::StrCat(path, ".tmp-", getpid(), "-", rd());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return absl::UnavailableError(absl::StrCat(tmp, ": ", std::strerror(errno)));
  bool ok = WriteAll(fd, data);
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(err)));
  }
  return absl::OkStatus();
}

std::array<uint8_t, kDigestSize> Digest(std::string_view data) {
  llvm::BLAKE3 h;
  h.update(llvm::StringRef(data.data(), data.size()));
  return h.final();
}

// Feeds one length-prefixed field, so that ("ab","c") and ("a","bc") differ.
void Field(llvm::BLAKE3& h, std::string_view s) {
  uint64_t n = s.size();
  uint8_t len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(n >> (8 * i));
  h.update(llvm::ArrayRef<uint8_t>(len, 8));
  h.update(llvm::StringRef(s.data(), s.size()));
}

// The executable's identity: a rebuilt gojit (same version string) gets new keys.
std::string ExecutableIdentity() {
  struct stat st;
  if (stat("/proc/self/exe", &st) != 0) return "unknown";
  return absl::StrCat(st.st_size, ":", st.st_mtim.tv_sec, ".", st.st_mtim.tv_nsec, ":",
                      st.st_ino);
}

std::string HostIdentity() {
  std::string out = absl::StrCat(llvm::sys::getProcessTriple(), ";",
                                 llvm::sys::getHostCPUName().str(), ";");
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::vector<std::string> names;
  for (const auto& f : features) names.push_back(absl::StrCat(f.second ? "+" : "-", f.first().str()));
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) absl::StrAppend(&out, n, ",");
  return out;
}

}  // namespace

absl::StatusOr<std::string> CacheDir() {
  if (const char* env = std::getenv("GOJITCACHE"); env != nullptr && *env != '\0') {
    std::string dir = env;
    if (dir == "off") return std::string();
    if (dir[0] != '/') {
      return absl::InvalidArgumentError("GOJITCACHE is not an absolute path");
    }
    return dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    return absl::StrCat(xdg, "/gojit");
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return absl::StrCat(home, "/.cache/gojit");
  }
  return absl::NotFoundError("neither $XDG_CACHE_HOME nor $HOME is defined");
}

absl::StatusOr<std::string> ProgramCache::Key(const CacheKeyInputs& in) {
  llvm::BLAKE3 h;
  Field(h, "gojit program cache key 1");
  Field(h, in.version);
  Field(h, ExecutableIdentity());
  Field(h, HostIdentity());
  for (const std::string& opt : in.options) Field(h, opt);
  std::error_code ec;
  for (const std::string& file : in.files) {
    std::optional<std::string> text = ReadFile(file);
    if (!text) return absl::NotFoundError(absl::StrCat(file, ": cannot read"));
    fs::path abs = fs::absolute(file, ec);
    Field(h, ec ? file : abs.lexically_normal().string());
    Field(h, *text);
  }
  for (const auto& [path, text] : in.generated) {
    Field(h, path);
    Field(h, text);
  }
  // The stdlib tree, in a fixed (sorted) order.
  std::vector<std::string> stdlib_files;
  for (fs::recursive_directory_iterator it(in.stdlib_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) stdlib_files.push_back(it->path().string());
  }
  if (ec) return absl::NotFoundError(absl::StrCat(in.stdlib_dir, ": ", ec.message()));
  std::sort(stdlib_files.begin(), stdlib_files.end());
  Field(h, in.stdlib_dir);
  for (const std::string& path : stdlib_files) {
    std::optional<std::string> text = ReadFile(path);
    if (!text) return absl::NotFoundError(absl::StrCat(path, ": cannot read"));
    Field(h, std::string_view(path).substr(in.stdlib_dir.size()));
    Field(h, *text);
  }
  std::array<uint8_t, kDigestSize> digest = h.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string ProgramCache::ContentKey(std::string_view kind, const std::vector<std::string>& options,
                                     std::string_view content) {
  llvm::BLAKE3 h;
  // Called once per package of a program: the identities are computed once.
  static const std::string executable = ExecutableIdentity();
  static const std::string host = HostIdentity();
  Field(h, "gojit content key 1");
  Field(h, kind);
  Field(h, executable);
  Field(h, host);
  for (const std::string& opt : options) Field(h, opt);
  Field(h, content);
  std::array<uint8_t, kDigestSize> digest = h.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string ProgramCache::EntryPath(const std::string& key) const {
  return absl::StrCat(dir_, "/", key.substr(0, 2), "/", key, ".o");
}

std::optional<std::string> ProgramCache::Get(const std::string& key) {
  const std::string path = EntryPath(key);
  std::optional<std::string> data = ReadFile(path);
  if (!data) return std::nullopt;
  bool good = data->size() >= kHeaderSize && std::memcmp(data->data(), kMagic, sizeof kMagic) == 0;
  uint64_t length = 0;
  if (good) {
    for (int i = 0; i < 8; ++i)
      length |= static_cast<uint64_t>(static_cast<uint8_t>((*data)[sizeof kMagic + i])) << (8 * i);
    good = length == data->size() - kHeaderSize;
  }
  if (good) {
    std::array<uint8_t, kDigestSize> digest =
        Digest(std::string_view(*data).substr(kHeaderSize));
    good = std::memcmp(digest.data(), data->data() + sizeof kMagic + 8, kDigestSize) == 0;
  }
  if (!good) {
    unlink(path.c_str());  // never trusted: the caller compiles and stores a good one
    return std::nullopt;
  }
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && NowSeconds() - st.st_mtim.tv_sec > kMtimeIntervalS) {
    utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used now (for trimming)
  }
  return data->substr(kHeaderSize);
}

ProgramCache::EntryLock& ProgramCache::EntryLock::operator=(EntryLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);  // closing the last descriptor releases the flock
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

ProgramCache::EntryLock::~EntryLock() {
  if (fd_ >= 0) close(fd_);
}

std::optional<ProgramCache::EntryLock> ProgramCache::LockEntry(const std::string& key, bool wait) {
  std::string path = EntryPath(key);
  path.replace(path.size() - 2, 2, ".lock");
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return EntryLock();
  while (flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    close(fd);
    if (error == EWOULDBLOCK && !wait) return std::nullopt;
    return EntryLock();  // no flock here (some file systems): compute unlocked
  }
  return EntryLock(fd);
}

absl::Status ProgramCache::Put(const std::string& key, std::string_view object) {
  std::error_code ec;
  const std::string path = EntryPath(key);
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return absl::UnavailableError(absl::StrCat(dir_, ": ", ec.message()));
  const std::string readme = absl::StrCat(dir_, "/README");
  if (!fs::exists(readme, ec)) (void)WriteAtomically(readme, kReadme);
  std::string entry(kMagic, sizeof kMagic);
  uint64_t length = object.size();
  for (int i = 0; i < 8; ++i) entry.push_back(static_cast<char>(length >> (8 * i)));
  std::array<uint8_t, kDigestSize> digest = Digest(object);
  entry.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  entry.append(object);
  absl::Status st = WriteAtomically(path, entry);
  if (st.ok()) TrimIfDue();
  return st;
}

void ProgramCache::TrimIfDue() {
  const std::string stamp = absl::StrCat(dir_, "/trim.txt");
  const int64_t now = NowSeconds();
  int64_t last = 0;
  if (std::optional<std::string> text = ReadFile(stamp)) {
    if (absl::SimpleAtoi(absl::string_view(*text).substr(0, text->find('\n')), &last) &&
        now - last < kTrimIntervalS) {
      return;
    }
  }
  // Claim this trim first, so concurrent runs do not all walk the cache.
  if (!WriteAtomically(stamp, absl::StrCat(now, "\n")).ok()) return;
  std::error_code ec;
  for (fs::directory_iterator sub(dir_, ec), end; !ec && sub != end; sub.increment(ec)) {
    if (!sub->is_directory(ec) || sub->path().filename().string().size() != 2) continue;
    std::error_code ec2;
    for (fs::directory_iterator it(sub->path(), ec2), end2; !ec2 && it != end2;
         it.increment(ec2)) {
      struct stat st;
      if (stat(it->path().c_str(), &st) == 0 && now - st.st_mtim.tv_sec > kTrimLimitS) {
        unlink(it->path().c_str());
      }
    }
  }
}

absl::Status ProgramCache::Clean(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return absl::OkStatus();
  // Only what the cache itself writes: two-hex-digit subdirectories, README and
  // trim.txt, so that a mistaken GOJITCACHE=$HOME cannot wipe a home directory.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool hex2 = name.size() == 2 && std::isxdigit(static_cast<unsigned char>(name[0])) &&
                std::isxdigit(static_cast<unsigned char>(name[1]));
    std::error_code rm;
    if (hex2 && it->is_directory(rm)) {
      fs::remove_all(it->path(), rm);
    } else if (name == "README" || name == "trim.txt") {
      fs::remove(it->path(), rm);
    }
    if (rm) return absl::UnavailableError(absl::StrCat(it->path().string(), ": ", rm.message()));
  }
  if (ec) return absl::UnavailableError(absl::StrCat(dir, ": ", ec.message()));
  return absl::OkStatus();
}

}  // namespace gojit::jit
