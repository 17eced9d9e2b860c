// Tests of the program cache (program_cache.h): the key's sensitivity, round trips,
// bad entries never trusted, trimming, `clean -cache`, concurrent writers, entry
// locks, and CacheDir's rules. tools/cache_test.sh tests the cache through `gojit run`.
#include "jit/program_cache.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace gojit::jit {
namespace {

namespace fs = std::filesystem;

class ProgramCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gojit-cache-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_ = root_ + "/cache";
    stdlib_ = root_ + "/stdlib";
    fs::create_directories(stdlib_ + "/fmt");
    Write(stdlib_ + "/fmt/print.go", "package fmt\n");
    Write(root_ + "/main.go", "package main\nfunc main() {}\n");
    inputs_.version = "gojit test";
    inputs_.files = {root_ + "/main.go"};
    inputs_.stdlib_dir = stdlib_;
    inputs_.options = {"opt=2"};
  }
  void TearDown() override { fs::remove_all(root_); }

  static void Write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string KeyOrDie() {
    auto key = ProgramCache::Key(inputs_);
    EXPECT_TRUE(key.ok()) << key.status();
    return key.ok() ? *key : "";
  }
  std::vector<std::string> Entries() {
    std::vector<std::string> out;
    if (!fs::exists(dir_)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      if (e.path().extension() == ".o") out.push_back(e.path().string());
    return out;
  }

  std::string root_, dir_, stdlib_;
  CacheKeyInputs inputs_;
};

TEST_F(ProgramCacheTest, KeyIsStableAndHex) {
  std::string a = KeyOrDie(), b = KeyOrDie();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(ProgramCacheTest, KeyChangesWithEveryInput) {
  const std::string base = KeyOrDie();
  Write(root_ + "/main.go", "package main\nfunc main() { println() }\n");
  EXPECT_NE(KeyOrDie(), base) << "program source";
  Write(root_ + "/main.go", "package main\nfunc main() {}\n");
  EXPECT_EQ(KeyOrDie(), base);

  Write(stdlib_ + "/fmt/print.go", "package fmt // changed\n");
  EXPECT_NE(KeyOrDie(), base) << "stdlib source";
  Write(stdlib_ + "/fmt/print.go", "package fmt\n");
  Write(stdlib_ + "/fmt/scan.go", "package fmt\n");
  EXPECT_NE(KeyOrDie(), base) << "a new stdlib file";
  fs::remove(stdlib_ + "/fmt/scan.go");
  EXPECT_EQ(KeyOrDie(), base);

  inputs_.options = {"opt=0"};
  EXPECT_NE(KeyOrDie(), base) << "options";
  inputs_.options = {"opt=2"};
  inputs_.version = "gojit other";
  EXPECT_NE(KeyOrDie(), base) << "version";
  inputs_.version = "gojit test";

  // The same bytes under another path: DWARF and tracebacks name the path.
  fs::copy_file(root_ + "/main.go", root_ + "/other.go");
  inputs_.files = {root_ + "/other.go"};
  EXPECT_NE(KeyOrDie(), base) << "file path";
}

TEST_F(ProgramCacheTest, KeyFailsForAnUnreadableFile) {
  inputs_.files = {root_ + "/missing.go"};
  EXPECT_FALSE(ProgramCache::Key(inputs_).ok());
}

TEST_F(ProgramCacheTest, PutThenGetRoundTrips) {
  ProgramCache cache(dir_);
  const std::string key = KeyOrDie();
  EXPECT_FALSE(cache.Get(key).has_value());
  std::string object("\x7f" "ELF object bytes\0with a NUL", 28);
  ASSERT_TRUE(cache.Put(key, object).ok());
  std::optional<std::string> got = cache.Get(key);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, object);
  ASSERT_EQ(Entries().size(), 1u);
  EXPECT_NE(Entries()[0].find("/" + key.substr(0, 2) + "/" + key + ".o"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ + "/README"));
}

TEST_F(ProgramCacheTest, CorruptEntriesAreDeletedNotTrusted) {
  ProgramCache cache(dir_);
  const std::string key = KeyOrDie();
  const std::string object(4096, 'x');
  struct Corruption {
    const char* what;
    std::function<void(std::string&)> apply;
  };
  std::vector<Corruption> corruptions = {
      {"flipped payload byte", [](std::string& s) { s[s.size() / 2] ^= 1; }},
      {"truncated", [](std::string& s) { s.resize(s.size() - 10); }},
      {"shorter than a header", [](std::string& s) { s.resize(5); }},
      {"bad magic", [](std::string& s) { s[0] = 'X'; }},
      {"bad length", [](std::string& s) { s[8] ^= 1; }},
      {"bad digest", [](std::string& s) { s[20] ^= 1; }},
      {"empty", [](std::string& s) { s.clear(); }},
  };
  for (const Corruption& c : corruptions) {
    ASSERT_TRUE(cache.Put(key, object).ok());
    ASSERT_EQ(Entries().size(), 1u);
    std::string path = Entries()[0];
    std::string bytes = Read(path);
    c.apply(bytes);
    Write(path, bytes);
    EXPECT_FALSE(cache.Get(key).has_value()) << c.what;
    EXPECT_FALSE(fs::exists(path)) << c.what << ": a bad entry must be deleted";
  }
}

TEST_F(ProgramCacheTest, ConcurrentWritersLeaveOneWholeEntry) {
  const std::string key = KeyOrDie();
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      ProgramCache cache(dir_);
      for (int n = 0; n < 20; ++n) {
        EXPECT_TRUE(cache.Put(key, std::string(100000 + i, static_cast<char>('a' + i))).ok());
        std::optional<std::string> got = cache.Get(key);
        // A reader sees some writer's whole object, never a mix.
        if (got) {
          ASSERT_FALSE(got->empty());
          EXPECT_EQ(got->size(), 100000u + static_cast<size_t>((*got)[0] - 'a'));
          EXPECT_EQ(got->find_first_not_of((*got)[0]), std::string::npos);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(Entries().size(), 1u);
  size_t others = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++others;
  EXPECT_EQ(others, 0u) << "temporary files left behind";
}

// An entry's lock: a second taker is refused (or waits) while the first holds
// it, whether in this process or another; released when the lock goes; a cache
// whose directory cannot be written gives an empty lock, not a refusal.
TEST_F(ProgramCacheTest, EntryLocksExcludeOtherTakers) {
  ProgramCache cache(dir_);
  const std::string key = KeyOrDie();
  std::optional<ProgramCache::EntryLock> first = cache.LockEntry(key, /*wait=*/false);
  ASSERT_TRUE(first.has_value());
  EXPECT_FALSE(cache.LockEntry(key, /*wait=*/false).has_value());
  EXPECT_TRUE(cache.LockEntry(std::string(64, 'c'), /*wait=*/false).has_value()) << "another key";
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) _exit(cache.LockEntry(key, /*wait=*/false).has_value() ? 1 : 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "another process took the lock";
  // A waiter blocks until the holder lets go, then has the lock.
  std::atomic<bool> taken{false};
  std::thread waiter([&] {
    std::optional<ProgramCache::EntryLock> lock = cache.LockEntry(key, /*wait=*/true);
    taken = lock.has_value();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(taken.load());
  first.reset();
  waiter.join();
  EXPECT_TRUE(taken.load());
  EXPECT_TRUE(cache.LockEntry(key, /*wait=*/false).has_value());
  // No directory to hold a lock file: locking never stands in the way.
  Write(root_ + "/file", "x");
  ProgramCache nowhere(root_ + "/file/cache");
  EXPECT_TRUE(nowhere.LockEntry(key, /*wait=*/false).has_value());
}

TEST_F(ProgramCacheTest, TrimDeletesEntriesUnusedForFiveDays) {
  ProgramCache cache(dir_);
  ASSERT_TRUE(cache.Put(std::string(64, 'a'), "old").ok());
  ASSERT_TRUE(cache.Put(std::string(64, 'b'), "new").ok());
  const std::string old_path = dir_ + "/aa/" + std::string(64, 'a') + ".o";
  ASSERT_TRUE(fs::exists(old_path));
  // Six days unused; the last trim two days ago.
  auto ago = [](int days) {
    return fs::file_time_type::clock::now() - std::chrono::hours(24 * days);
  };
  fs::last_write_time(old_path, ago(6));
  Write(dir_ + "/trim.txt", std::to_string(time(nullptr) - 2 * 24 * 3600) + "\n");
  cache.TrimIfDue();
  EXPECT_FALSE(fs::exists(old_path));
  EXPECT_TRUE(cache.Get(std::string(64, 'b')).has_value());
  // Trimmed less than a day ago: nothing happens, however old an entry is.
  ASSERT_TRUE(cache.Put(std::string(64, 'a'), "old").ok());
  fs::last_write_time(old_path, ago(6));
  cache.TrimIfDue();
  EXPECT_TRUE(fs::exists(old_path));
}

TEST_F(ProgramCacheTest, CleanRemovesOnlyWhatTheCacheWrote) {
  ProgramCache cache(dir_);
  ASSERT_TRUE(cache.Put(KeyOrDie(), "object").ok());
  Write(dir_ + "/notes.txt", "not the cache's");
  fs::create_directories(dir_ + "/projects");
  ASSERT_TRUE(ProgramCache::Clean(dir_).ok());
  EXPECT_TRUE(Entries().empty());
  EXPECT_FALSE(fs::exists(dir_ + "/README"));
  EXPECT_TRUE(fs::exists(dir_ + "/notes.txt"));
  EXPECT_TRUE(fs::exists(dir_ + "/projects"));
  EXPECT_TRUE(ProgramCache::Clean(root_ + "/never-created").ok());
}

TEST(CacheDirTest, FollowsGojitCacheThenXdgThenHome) {
  auto with_env = [](const char* cache, const char* xdg, const char* home) {
    auto set = [](const char* k, const char* v) {
      if (v) setenv(k, v, 1);
      else unsetenv(k);
    };
    set("GOJITCACHE", cache);
    set("XDG_CACHE_HOME", xdg);
    set("HOME", home);
    return CacheDir();
  };
  const char* saved_home = getenv("HOME");
  std::string home = saved_home ? saved_home : "";
  EXPECT_EQ(*with_env("/c", "/x", "/h"), "/c");
  EXPECT_EQ(*with_env("off", "/x", "/h"), "");
  EXPECT_EQ(*with_env(nullptr, "/x", "/h"), "/x/gojit");
  EXPECT_EQ(*with_env(nullptr, nullptr, "/h"), "/h/.cache/gojit");
  EXPECT_EQ(with_env("relative/dir", nullptr, "/h").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(with_env(nullptr, nullptr, nullptr).ok());
  unsetenv("GOJITCACHE");
  unsetenv("XDG_CACHE_HOME");
  if (saved_home) setenv("HOME", home.c_str(), 1);
}

}  // namespace
}  // namespace gojit::jit
