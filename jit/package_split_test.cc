// Tests of the split into package modules and of compiling by package: who owns
// what, what is copied, that a package's bitcode depends on its own code only
// (names and order of what else was lowered do not matter), and that the objects
// of one split, linked by name, run as the whole program.
#include "jit/package_split.h"

#include <stdlib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "jit/jit.h"
#include "jit/package_objects.h"
#include "jit/program_cache.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

namespace gojit::jit {
namespace {

// A program of two packages. main.main calls fmt.Println (small: copied into main
// for inlining) and fmt.Big (not copied), reads fmt.count (a package variable) and
// both use the ODR type descriptor. STRS lists the private string constants,
// whose names and order stand for whatever else was lowered first.
constexpr const char* kProgram = R"(
STRS
@"type:int" = linkonce_odr constant i64 8
@fmt.count = internal global i64 5
@static = internal global i64 0
@gojit.gcroots = constant [2 x ptr] [ptr @fmt.count, ptr @static]

define internal void @nopackage() {
  store i64 1, ptr @static
  ret void
}

define internal i64 @fmt.helper(i64 %x) {
  %p = load i8, ptr @S_FMT
  %e = zext i8 %p to i64
  %r = add i64 %x, %e
  ret i64 %r
}

define internal i64 @fmt.Println(i64 %x) {
  %t = load i64, ptr @"type:int"
  %h = call i64 @fmt.helper(i64 %x)
  %r = add i64 %h, %t
  ret i64 %r
}

define internal i64 @fmt.Big(i64 %x) {
  BIG
  ret i64 %v40
}

define internal i64 @main.main() {
  %p = load i8, ptr @S_MAIN
  %c = load i64, ptr @fmt.count
  %a = call i64 @fmt.Println(i64 %c)
  %b = call i64 @fmt.Big(i64 MAINARG)
  %s = add i64 %a, %b
  %q = zext i8 %p to i64
  %r = add i64 %s, %q
  ret i64 %r
}

define i64 @gojit.main() {
  call void @nopackage()
  %r = call i64 @main.main()
  ret i64 %r
}
)";

struct Options {
  bool fmt_string_first = true;  // the order (and so the numbering) of the constants
  int main_arg = 1;
};

std::string ProgramText(const Options& o) {
  std::string big = "%v0 = add i64 %x, 1\n";
  for (int i = 1; i <= 40; ++i) absl::StrAppend(&big, "  %v", i, " = mul i64 %v", i - 1, ", 3\n");
  std::string fmt_str = o.fmt_string_first ? "str.3" : "str.9";
  std::string main_str = o.fmt_string_first ? "str.9" : "str.3";
  std::string strs =
      absl::StrCat("@", fmt_str, " = private unnamed_addr constant i8 7\n", "@", main_str,
                   " = private unnamed_addr constant i8 11\n");
  if (!o.fmt_string_first) {
    strs = absl::StrCat("@", main_str, " = private unnamed_addr constant i8 11\n", "@", fmt_str,
                        " = private unnamed_addr constant i8 7\n");
  }
  return absl::StrReplaceAll(kProgram, {{"STRS", strs},
                                        {"BIG", big},
                                        {"@S_FMT", "@" + fmt_str},
                                        {"@S_MAIN", "@" + main_str},
                                        {"MAINARG", absl::StrCat(o.main_arg)}});
}

std::unique_ptr<llvm::Module> Parse(const std::string& text, llvm::LLVMContext& ctx) {
  llvm::SMDiagnostic err;
  auto m = llvm::parseAssemblyString(text, err, ctx);
  EXPECT_NE(m, nullptr) << err.getMessage().str();
  return m;
}

std::unique_ptr<llvm::Module> Load(const PackageModule& p, llvm::LLVMContext& ctx) {
  auto m = llvm::parseBitcodeFile(llvm::MemoryBufferRef(p.bitcode, p.package), ctx);
  if (!m) {
    ADD_FAILURE() << llvm::toString(m.takeError());
    return nullptr;
  }
  EXPECT_FALSE(llvm::verifyModule(**m, &llvm::errs())) << p.package;
  return std::move(*m);
}

std::vector<PackageModule> Split(const Options& o) {
  llvm::LLVMContext ctx;
  auto m = Parse(ProgramText(o), ctx);
  return SplitByPackage(*m);
}

TEST(PackageOfSymbol, NamesThePackage) {
  EXPECT_EQ(PackageOfSymbol("fmt.Println"), "fmt");
  EXPECT_EQ(PackageOfSymbol("(*time.Time).String"), "time");
  EXPECT_EQ(PackageOfSymbol("*reflectlite.rtype.Kind"), "reflectlite");
  EXPECT_EQ(PackageOfSymbol("internal/reflectlite.kindNames"), "internal/reflectlite");
  EXPECT_EQ(PackageOfSymbol("encoding/json.(*decodeState).object"), "encoding/json");
  EXPECT_EQ(PackageOfSymbol("slices.Sort[[]int]"), "slices");
  EXPECT_EQ(PackageOfSymbol("slices.Sort[[]main.T]"), "main");  // an instance over main's type
  EXPECT_EQ(PackageOfSymbol("net.domain.x"), "net");            // "domain." is not "main."
  EXPECT_EQ(PackageOfSymbol("gojit.main"), "main");
  EXPECT_EQ(PackageOfSymbol("static"), "");
}

TEST(SplitByPackage, OwnsCopiesAndExternalizes) {
  std::vector<PackageModule> parts = Split({});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].package, "fmt");
  EXPECT_EQ(parts[1].package, "main");
  llvm::LLVMContext ctx;
  auto fmt = Load(parts[0], ctx);
  auto main = Load(parts[1], ctx);
  ASSERT_TRUE(fmt && main);

  // fmt defines its functions and variable; what main uses is external now.
  EXPECT_FALSE(fmt->getFunction("fmt.Println")->isDeclaration());
  EXPECT_FALSE(fmt->getFunction("fmt.Println")->hasLocalLinkage());
  EXPECT_FALSE(fmt->getNamedGlobal("fmt.count")->isDeclaration());
  EXPECT_FALSE(fmt->getNamedGlobal("fmt.count")->hasLocalLinkage());
  EXPECT_EQ(fmt->getFunction("main.main"), nullptr);

  // main: fmt.Println copied for inlining (and so fmt.helper, which it calls),
  // fmt.Big (too large) and fmt.count only declared; the ODR descriptor copied.
  EXPECT_TRUE(main->getFunction("fmt.Println")->hasAvailableExternallyLinkage());
  EXPECT_TRUE(main->getFunction("fmt.helper")->hasAvailableExternallyLinkage());
  EXPECT_TRUE(main->getFunction("fmt.Big")->isDeclaration());
  EXPECT_TRUE(main->getNamedGlobal("fmt.count")->isDeclaration());
  EXPECT_FALSE(main->getNamedGlobal("type:int")->isDeclaration());
  EXPECT_FALSE(fmt->getNamedGlobal("type:int")->isDeclaration());
  EXPECT_FALSE(main->getFunction("gojit.main")->isDeclaration());
  // Names of no package: main's, and so is the variable only they and main use.
  EXPECT_FALSE(main->getFunction("nopackage")->isDeclaration());
  EXPECT_EQ(fmt->getFunction("nopackage"), nullptr);
}

// Copied functions are compiled once: each is defined (weak_odr) by the first
// partition by name that reaches it, main last, and only declared in the others;
// one reached only through another copied function (a struct's hash calling its
// field's) is still defined by its owner.
TEST(SplitByPackage, CopiedFunctionsHaveOneOwner) {
  constexpr const char* kCopies = R"(
@"methods:T" = internal constant [1 x ptr] [ptr @"wrap:T.M"]
@"methods:U" = internal constant [1 x ptr] [ptr @"hash:U"]

define linkonce_odr i64 @"wrap:T.M"(ptr %p) {
  %v = call i64 @"hash:F"(ptr %p)
  ret i64 %v
}
define linkonce_odr i64 @"hash:U"(ptr %p) {
  ret i64 2
}
define linkonce_odr i64 @"hash:F"(ptr %p) {
  ret i64 3
}
define i64 @"time.Use"() {
  %t = load ptr, ptr @"methods:T"
  %v = call i64 %t(ptr null)
  ret i64 %v
}
define i64 @"fmt.Use"() {
  %u = load ptr, ptr @"methods:U"
  %v = call i64 %u(ptr null)
  %w = call i64 @"hash:F"(ptr null)
  %s = add i64 %v, %w
  ret i64 %s
}
define i64 @"main.main"() {
  %t = load ptr, ptr @"methods:T"
  %a = call i64 %t(ptr null)
  %b = call i64 @"time.Use"()
  %c = call i64 @"fmt.Use"()
  %s = add i64 %a, %b
  %r = add i64 %s, %c
  ret i64 %r
}
define void @"gojit.main"() {
  %r = call i64 @"main.main"()
  ret void
}
)";
  llvm::LLVMContext ctx;
  auto m = Parse(kCopies, ctx);
  ASSERT_TRUE(m);
  std::vector<PackageModule> parts = SplitByPackage(*m, /*inline_copies=*/false);
  ASSERT_EQ(parts.size(), 3u);
  std::map<std::string, std::unique_ptr<llvm::Module>> mods;
  for (const PackageModule& p : parts) mods[p.package] = Load(p, ctx);
  ASSERT_TRUE(mods["fmt"] && mods["main"] && mods["time"]);
  auto defines = [&](const std::string& pkg, const char* fn) {
    llvm::Function* f = mods[pkg]->getFunction(fn);
    return f != nullptr && !f->isDeclaration();
  };
  for (const char* fn : {"wrap:T.M", "hash:U", "hash:F"}) {
    int owners = defines("fmt", fn) + defines("main", fn) + defines("time", fn);
    EXPECT_EQ(owners, 1) << fn;
  }
  // wrap:T.M is reached by main and time: time's, not main's. hash:F is reached
  // by fmt directly and by time through wrap:T.M: fmt's, first by name.
  EXPECT_TRUE(defines("time", "wrap:T.M"));
  EXPECT_TRUE(defines("fmt", "hash:U"));
  EXPECT_TRUE(defines("fmt", "hash:F"));
  EXPECT_TRUE(mods["time"]->getFunction("wrap:T.M")->hasWeakODRLinkage());
  EXPECT_FALSE(defines("main", "wrap:T.M"));
}

TEST(SplitByPackage, BitcodeDependsOnlyOnThePackage) {
  std::vector<PackageModule> a = Split({.fmt_string_first = true, .main_arg = 1});
  std::vector<PackageModule> b = Split({.fmt_string_first = false, .main_arg = 1});
  std::vector<PackageModule> edited = Split({.fmt_string_first = false, .main_arg = 2});
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  ASSERT_EQ(edited.size(), 2u);
  // Other constants' names and order do not reach a package's bitcode.
  EXPECT_EQ(a[0].bitcode, b[0].bitcode);
  EXPECT_EQ(a[1].bitcode, b[1].bitcode);
  // An edit to main changes main alone.
  EXPECT_EQ(b[0].bitcode, edited[0].bitcode);
  EXPECT_NE(b[1].bitcode, edited[1].bitcode);
}

// The inputs SplitByPackage gives each library partition (asked through reuse),
// for a program's text.
std::map<std::string, std::string> InputsOf(const std::string& text, bool reuse_answer = false,
                                            std::vector<PackageModule>* parts = nullptr) {
  llvm::LLVMContext ctx;
  auto m = Parse(text, ctx);
  std::map<std::string, std::string> inputs;
  SplitOptions options;
  options.reuse = [&](const std::string& package, const std::string& in) {
    inputs[package] = in;
    return reuse_answer;
  };
  std::vector<PackageModule> out = SplitByPackage(*m, options);
  if (parts != nullptr) *parts = std::move(out);
  return inputs;
}

TEST(SplitByPackage, LibraryPartitionsAreNamedByTheirInputs) {
  std::map<std::string, std::string> a = InputsOf(ProgramText({.fmt_string_first = true, .main_arg = 1}));
  std::map<std::string, std::string> edited =
      InputsOf(ProgramText({.fmt_string_first = false, .main_arg = 2}));
  ASSERT_EQ(a.size(), 1u);  // main is never asked
  ASSERT_TRUE(a.count("fmt"));
  // An edit to main, and other locals' names and order, leave fmt's inputs alone.
  EXPECT_EQ(a["fmt"], edited["fmt"]);
  // A variable's contents are part of them.
  std::string text = ProgramText({});
  std::string other = absl::StrReplaceAll(text, {{"@fmt.count = internal global i64 5", "@fmt.count = internal global i64 6"}});
  ASSERT_NE(text, other);
  EXPECT_NE(a["fmt"], InputsOf(other)["fmt"]);
  // So are the definitions it holds: without main's call, fmt.Big is gone.
  std::string without_big = absl::StrReplaceAll(text, {{"%b = call i64 @fmt.Big(i64 1)", "%b = add i64 1, 1"}});
  ASSERT_NE(text, without_big);
  EXPECT_NE(a["fmt"], InputsOf(without_big)["fmt"]);

  // A partition the caller takes is not extracted; main always is.
  std::vector<PackageModule> parts;
  InputsOf(text, /*reuse_answer=*/true, &parts);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].package, "fmt");
  EXPECT_TRUE(parts[0].reused);
  EXPECT_TRUE(parts[0].bitcode.empty());
  EXPECT_EQ(parts[1].package, "main");
  EXPECT_FALSE(parts[1].reused);
  EXPECT_FALSE(parts[1].bitcode.empty());
}

class CompileByInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gojit_split_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    cache_.emplace(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  absl::StatusOr<std::vector<PackageObject>> Compile(const std::string& text, bool verify = false) {
    llvm::LLVMContext ctx;
    auto m = Parse(text, ctx);
    PackageCompileOptions options;
    options.opt_level = 0;
    options.key_options = {"test"};
    options.cache = &*cache_;
    options.library_key = "library sources";
    options.verify_reuse = verify;
    return CompileByPackage(*m, options);
  }

  std::string dir_;
  std::optional<ProgramCache> cache_;
};

TEST_F(CompileByInputsTest, AnEditToMainTakesTheLibraryByItsInputs) {
  auto first = Compile(ProgramText({.main_arg = 1}));
  ASSERT_TRUE(first.ok()) << first.status();
  auto edited = Compile(ProgramText({.fmt_string_first = false, .main_arg = 2}));
  ASSERT_TRUE(edited.ok()) << edited.status();
  ASSERT_EQ(edited->size(), 2u);
  EXPECT_TRUE((*edited)[0].reused);  // fmt: its object, found through its inputs
  EXPECT_TRUE((*edited)[0].cached);
  EXPECT_EQ((*edited)[0].key, (*first)[0].key);
  EXPECT_FALSE((*edited)[1].cached);  // main
  // And the objects still make the program: 5 + 7 + 8 + 2 * 3^40 ... with main's 2.
  auto jit = Jit::Create({.opt_level = 0});
  ASSERT_TRUE(jit.ok());
  for (PackageObject& o : *edited) ASSERT_TRUE((*jit)->AddObject(std::move(o.object)).ok());
  auto entry = (*jit)->Lookup("gojit.main");
  ASSERT_TRUE(entry.ok());
  uint64_t big = 3;
  for (int i = 0; i < 40; ++i) big *= 3;
  EXPECT_EQ(reinterpret_cast<uint64_t (*)()>(*entry)(), 5 + 7 + 8 + big + 11);
}

TEST_F(CompileByInputsTest, VerifyingCatchesCodeTheInputsLeaveOut) {
  // A body changed under the same names: what the library key is there to catch
  // (the library's sources changed). Verifying sees the object named by the
  // inputs is not this code's.
  std::string text = ProgramText({});
  std::string changed = absl::StrReplaceAll(text, {{"%r = add i64 %x, %e", "%r = sub i64 %x, %e"}});
  ASSERT_NE(text, changed);
  ASSERT_TRUE(Compile(text).ok());
  absl::StatusOr<std::vector<PackageObject>> verified = Compile(changed, /*verify=*/true);
  ASSERT_FALSE(verified.ok());
  EXPECT_NE(verified.status().message().find("package fmt: its inputs named object"), std::string::npos)
      << verified.status();
  // Verifying a faithful edit passes, and extracts (does not reuse) the library.
  auto faithful = Compile(ProgramText({.main_arg = 3}), /*verify=*/true);
  ASSERT_TRUE(faithful.ok()) << faithful.status();
  EXPECT_FALSE((*faithful)[0].reused);
  EXPECT_TRUE((*faithful)[0].cached);
}

TEST(CompileByPackage, LinkedObjectsRunAsTheProgram) {
  for (int opt : {0, 2}) {
    llvm::LLVMContext ctx;
    auto m = Parse(ProgramText({}), ctx);
    // What the unsplit program returns, computed by hand: Println(count) is
    // 5 + 7 + 8, Big(1) is 2 * 3^40 (wrapping), plus main's constant 11.
    uint64_t big = 2;
    for (int i = 0; i < 40; ++i) big *= 3;
    const uint64_t want = 5 + 7 + 8 + big + 11;
    PackageCompileOptions options;
    options.opt_level = opt;
    options.threads = 2;
    auto objects = CompileByPackage(*m, options);
    ASSERT_TRUE(objects.ok()) << objects.status();
    ASSERT_EQ(objects->size(), 2u);
    auto jit = Jit::Create({.opt_level = opt});
    ASSERT_TRUE(jit.ok()) << jit.status();
    for (PackageObject& o : *objects) {
      EXPECT_FALSE(o.cached);
      ASSERT_TRUE((*jit)->AddObject(std::move(o.object)).ok()) << o.package;
    }
    auto entry = (*jit)->Lookup("gojit.main");
    ASSERT_TRUE(entry.ok()) << entry.status();
    auto fn = reinterpret_cast<uint64_t (*)()>(*entry);
    EXPECT_EQ(fn(), want) << "-O" << opt;
  }
}

TEST(Manifest, RoundTrips) {
  std::vector<PackageObject> objects(2);
  objects[0].package = "fmt";
  objects[0].key = "ab12";
  objects[1].package = "encoding/json";
  objects[1].key = "cd34";
  auto decoded = DecodeManifest(EncodeManifest(objects));
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->size(), 2u);
  EXPECT_EQ((*decoded)[1].first, "encoding/json");
  EXPECT_EQ((*decoded)[1].second, "cd34");
  EXPECT_FALSE(DecodeManifest("\x7f" "ELF...").has_value());
  EXPECT_FALSE(DecodeManifest("gojit package objects 1\nbroken\n").has_value());
}

}  // namespace
}  // namespace gojit::jit
