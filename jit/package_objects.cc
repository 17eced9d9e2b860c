#include "jit/package_objects.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "jit/jit.h"
#include "jit/package_split.h"
#include "jit/program_cache.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

namespace gojit::jit {
namespace {

constexpr std::string_view kManifestMagic = "gojit package objects 1\n";

// Parses one package's bitcode into a context of its own and compiles it.
absl::StatusOr<std::string> CompilePackage(const PackageModule& pkg, int opt_level) {
  llvm::LLVMContext context;
  auto module = llvm::parseBitcodeFile(
      llvm::MemoryBufferRef(llvm::StringRef(pkg.bitcode), pkg.package), context);
  if (!module) {
    std::string message = llvm::toString(module.takeError());
    return absl::InternalError(absl::StrCat("jit: package ", pkg.package, ": ", message));
  }
  return Jit::CompileForHost(**module, opt_level);
}

}  // namespace

absl::StatusOr<std::vector<PackageObject>> CompileByPackage(llvm::Module& module,
                                                            const PackageCompileOptions& options) {
  SplitOptions split;
  split.inline_copies = options.opt_level > 0;
  split.whole_program = options.whole_program;
  auto inputs_key = [&](const std::string& package, const std::string& inputs) {
    return ProgramCache::ContentKey("partition inputs", options.key_options,
                                    absl::StrCat(options.library_key, "\n", package, "\n", inputs));
  };
  // Library partitions taken by their inputs: package -> (content key, object).
  std::map<std::string, std::pair<std::string, std::string>> reused;
  // With verify_reuse: package -> the content key its inputs named.
  std::map<std::string, std::string> named;
  if (options.cache != nullptr && !options.library_key.empty()) {
    split.reuse = [&](const std::string& package, const std::string& inputs) {
      std::optional<std::string> key = options.cache->Get(inputs_key(package, inputs));
      if (!key) return false;
      if (options.verify_reuse) {
        named[package] = *key;
        return false;
      }
      std::optional<std::string> object = options.cache->Get(*key);
      if (!object) return false;
      reused[package] = {*key, std::move(*object)};
      return true;
    };
  }
  std::vector<PackageModule> packages = SplitByPackage(module, split);
  std::vector<PackageObject> objects(packages.size());
  std::vector<size_t> todo;
  for (size_t i = 0; i < packages.size(); ++i) {
    objects[i].package = packages[i].package;
    if (packages[i].reused) {
      auto& [key, object] = reused[packages[i].package];
      objects[i].key = std::move(key);
      objects[i].object = std::move(object);
      objects[i].cached = objects[i].reused = true;
      continue;
    }
    objects[i].key = ProgramCache::ContentKey("package", options.key_options, packages[i].bitcode);
    if (auto it = named.find(packages[i].package); it != named.end() && it->second != objects[i].key) {
      return absl::InternalError(absl::StrCat(
          "jit: package ", packages[i].package, ": its inputs named object ", it->second,
          " but its code is ", objects[i].key,
          " (a library partition's code depends on something its inputs leave out)"));
    }
    if (options.cache != nullptr) {
      if (std::optional<std::string> object = options.cache->Get(objects[i].key)) {
        objects[i].object = std::move(*object);
        objects[i].cached = true;
        continue;
      }
    }
    todo.push_back(i);
  }

  // Largest first, so that the last package to finish is a short one.
  std::sort(todo.begin(), todo.end(), [&](size_t a, size_t b) {
    return packages[a].bitcode.size() > packages[b].bitcode.size();
  });
  std::vector<absl::Status> errors(packages.size());
  // With a cache, each package is compiled under its entry's lock and stored before
  // the lock goes (ProgramCache::LockEntry), so that a program compiling the same
  // package in another process at the same time takes the stored object instead.
  // A package whose lock is busy is put off until the worker has nothing else to
  // do; then it waits for the lock.
  auto compile = [&](size_t i) {
    auto start = std::chrono::steady_clock::now();
    absl::StatusOr<std::string> object = CompilePackage(packages[i], options.opt_level);
    objects[i].seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!object.ok()) {
      errors[i] = object.status();
      return;
    }
    objects[i].object = std::move(*object);
    if (options.cache != nullptr) (void)options.cache->Put(objects[i].key, objects[i].object);
  };
  // Compiles package i unless another process stored it meanwhile; false when its
  // lock is busy and wait is false.
  auto compile_locked = [&](size_t i, bool wait) {
    if (options.cache == nullptr) {
      compile(i);
      return true;
    }
    std::optional<ProgramCache::EntryLock> lock = options.cache->LockEntry(objects[i].key, wait);
    if (!lock) return false;
    if (std::optional<std::string> object = options.cache->Get(objects[i].key)) {
      objects[i].object = std::move(*object);
      objects[i].cached = true;
      return true;
    }
    compile(i);
    return true;
  };
  std::atomic<size_t> next{0};
  auto worker = [&] {
    std::vector<size_t> busy;
    for (size_t n = next++; n < todo.size(); n = next++) {
      if (!compile_locked(todo[n], /*wait=*/false)) busy.push_back(todo[n]);
    }
    for (size_t i : busy) compile_locked(i, /*wait=*/true);
  };
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  threads = std::min<size_t>(threads, todo.size());
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  for (size_t i = 0; i < packages.size(); ++i) {
    if (!errors[i].ok()) return errors[i];
  }
  // What the next split with these inputs may take without extracting.
  if (options.cache != nullptr && !options.library_key.empty()) {
    for (size_t i = 0; i < packages.size(); ++i) {
      if (packages[i].reused || packages[i].inputs.empty() || named.count(packages[i].package)) continue;
      (void)options.cache->Put(inputs_key(packages[i].package, packages[i].inputs), objects[i].key);
    }
  }
  return objects;
}

std::string EncodeManifest(const std::vector<PackageObject>& objects) {
  std::string out(kManifestMagic);
  for (const PackageObject& o : objects) absl::StrAppend(&out, o.package, " ", o.key, "\n");
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> DecodeManifest(
    std::string_view text) {
  if (!text.starts_with(kManifestMagic)) return std::nullopt;
  text.remove_prefix(kManifestMagic.size());
  std::vector<std::pair<std::string, std::string>> out;
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n', absl::SkipEmpty())) {
    size_t space = line.rfind(' ');
    if (space == std::string_view::npos || space == 0 || space + 1 == line.size()) {
      return std::nullopt;
    }
    out.emplace_back(std::string(line.substr(0, space)), std::string(line.substr(space + 1)));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace gojit::jit
