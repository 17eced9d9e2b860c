// The on-disk cache of compiled programs: what makes a second `gojit run` of the
// same program start as fast as `go run` with a warm build cache, or faster.
//
// What is cached. Objects, each under a key that names its content: every
// package's relocatable object (ELF, with its DWARF line tables), keyed by
// ContentKey over the package's canonical bitcode (package_objects.h), and, under
// Key, one entry per program: the manifest of its packages' keys. A program hit
// skips parsing, checking, lowering, optimisation and codegen; its objects go
// straight to JITLink, which links them against the runtime as a fresh compile
// would. A program miss still takes from the cache every package whose code has
// not changed, so an edit to main compiles main.
//
// The program key (Key) is a BLAKE3 digest of everything that can change the
// program's objects:
//   - gojit's version and its executable's identity (size and modification time);
//   - the host: LLVM's target triple, CPU name and CPU features;
//   - the options that change code (optimisation level, safepoint placement);
//   - every file of the program's own packages (the main package and the packages
//     of its module and dependencies, frontend/package_graph.h): its absolute path
//     (DWARF and tracebacks name it) and bytes;
//   - the whole stdlib directory, every file's relative path and bytes (the stdlib
//     packages a program imports are not known before parsing, and parsing is the
//     cost a hit avoids; hashing all of it costs about a millisecond).
//
// Layout, after Go's build cache (cmd/go/internal/cache): DIR/XX/KEY.o where XX is
// the key's first two hex digits, plus DIR/README and DIR/trim.txt, and
// DIR/XX/KEY.lock, the lock file of an entry some process computed (LockEntry). Each entry is a
// 48-byte header (magic "GOJITOB1", payload length as 8 little-endian bytes, BLAKE3
// of the payload) and the object.
//
// Invariants:
//   - An entry is written to a temporary file in its final directory and renamed
//     into place, so a reader sees a whole entry or none, whatever runs concurrently.
//   - An entry is never trusted: Get checks the magic, the length and the digest,
//     and a file that fails is deleted and reported as a miss (the caller compiles
//     and stores a good one).
//   - Every failure of the cache (unwritable directory, full disk) degrades to
//     compiling; none is an error of the program being run.
//   - Trimming, as Go's: at most once a day (DIR/trim.txt holds the last time),
//     entries unused for 5 days are deleted. Get refreshes an entry's mtime when it
//     is more than an hour old, so "unused" means not read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace gojit::jit {

// The cache directory: $GOJITCACHE when set ("off" disables the cache: returns ""),
// else os.UserCacheDir()'s rule: $XDG_CACHE_HOME/gojit, else $HOME/.cache/gojit.
// An error when $GOJITCACHE is not an absolute path (Go's rule for GOCACHE) or no
// directory can be found.
absl::StatusOr<std::string> CacheDir();

// What Key hashes, besides the gojit executable and the host (found by Key).
struct CacheKeyInputs {
  std::string version;               // gojit's version line
  std::vector<std::string> files;    // the program's own packages' .go files
  // Files that are not on disk (gojit test's generated main): path and text.
  std::vector<std::pair<std::string, std::string>> generated;
  std::string stdlib_dir;            // stdlib::StdlibDir()
  std::vector<std::string> options;  // code-changing options, e.g. "opt=2"
};

class ProgramCache {
 public:
  explicit ProgramCache(std::string dir) : dir_(std::move(dir)) {}

  // The hex digest naming the entry for these inputs; an error if a file cannot be
  // read (the caller then compiles without the cache and reports the file itself).
  static absl::StatusOr<std::string> Key(const CacheKeyInputs& inputs);

  // The key of a compiled piece of code named by its content (a package's bitcode,
  // package_objects.h): a BLAKE3 digest of kind, gojit's executable, the host, the
  // options and the content. It differs from every Key.
  static std::string ContentKey(std::string_view kind, const std::vector<std::string>& options,
                                std::string_view content);

  // The object stored under key, verified; nullopt on a miss or a bad entry (which
  // is deleted).
  std::optional<std::string> Get(const std::string& key);

  // Stores object under key atomically; then trims the cache if a day has passed.
  absl::Status Put(const std::string& key, std::string_view object);

  // An advisory lock (flock(2), on DIR/XX/KEY.lock) on the entry for one key, held
  // by a process about to compute that entry, so that another process wanting the
  // same entry waits and then finds it stored instead of computing it too (ctest
  // runs several programs at once into one empty cache). Released when destroyed.
  // Locks only save work: whoever holds one still checks Get before computing.
  class EntryLock {
   public:
    EntryLock() = default;  // no lock to be had (an unwritable directory)
    explicit EntryLock(int fd) : fd_(fd) {}
    EntryLock(EntryLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    EntryLock& operator=(EntryLock&& other) noexcept;
    EntryLock(const EntryLock&) = delete;
    EntryLock& operator=(const EntryLock&) = delete;
    ~EntryLock();

   private:
    int fd_ = -1;
  };

  // The lock on key's entry. With wait, blocks until it is free; without, returns
  // nullopt when another process (or another EntryLock of this one) holds it. When
  // no lock can be had at all, an empty EntryLock: the caller just computes.
  std::optional<EntryLock> LockEntry(const std::string& key, bool wait);

  // Deletes entries unused for 5 days if the last trim is a day old.
  void TrimIfDue();

  // `gojit clean -cache`: removes every entry and the trim stamp under dir.
  static absl::Status Clean(const std::string& dir);

  const std::string& dir() const { return dir_; }

 private:
  std::string EntryPath(const std::string& key) const;

  std::string dir_;
};

}  // namespace gojit::jit
