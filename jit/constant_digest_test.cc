// Tests of ConstantDigests: equal contents give equal digests whatever the locals
// they reach are called, and every difference in contents (a byte, a referenced
// global, a type, an attribute) gives another digest.
#include "jit/constant_digest.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

namespace gojit::jit {
namespace {

// The digest of @probe in a module given as text.
std::optional<std::string> DigestOfProbe(const std::string& text) {
  llvm::LLVMContext ctx;
  llvm::SMDiagnostic err;
  std::unique_ptr<llvm::Module> m = llvm::parseAssemblyString(text, err, ctx);
  EXPECT_NE(m, nullptr) << err.getMessage().str() << "\n" << text;
  if (m == nullptr) return std::nullopt;
  ConstantDigests digests;
  std::optional<std::string> d = digests.Of(*m->getNamedGlobal("probe"));
  if (d) {
    EXPECT_EQ(d->size(), 16u);
  }
  return d;
}

// A type descriptor in the shape ir/ gives one: a size, a name string and a method
// table reached through private constants, a PtrToThis slot and a hash function.
std::string Descriptor(const std::string& str_name, const std::string& table_name,
                       const std::string& name_bytes, const std::string& ptr_to_this,
                       const std::string& hash) {
  return "@" + str_name + " = private unnamed_addr constant [3 x i8] c\"" + name_bytes + "\"\n" +
         "@" + table_name + " = private constant [1 x ptr] [ptr @\"int.String\"]\n" +
         "@\"*int\" = linkonce_odr constant i64 0\n" +
         "@\"*uint\" = linkonce_odr constant i64 0\n" +
         "declare void @\"int.String\"()\n" +
         "declare void @\"hash.int\"()\n" +
         "declare void @\"hash.uint\"()\n" +
         "@probe = linkonce_odr constant { i64, ptr, ptr, ptr, ptr } { i64 8, ptr @" + str_name +
         ", ptr getelementptr inbounds (i8, ptr @" + table_name + ", i64 0), ptr " + ptr_to_this +
         ", ptr @\"" + hash + "\" }, align 8\n";
}

TEST(ConstantDigests, LocalsNamesDoNotMatter) {
  auto a = DigestOfProbe(Descriptor("str.3", "methods.1", "int", "null", "hash.int"));
  auto b = DigestOfProbe(Descriptor("str.90", "methods.27", "int", "null", "hash.int"));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(ConstantDigests, ContentsDo) {
  auto base = DigestOfProbe(Descriptor("str", "methods", "int", "null", "hash.int"));
  ASSERT_TRUE(base);
  // A byte of a local it reaches.
  EXPECT_NE(base, DigestOfProbe(Descriptor("str", "methods", "inT", "null", "hash.int")));
  // PtrToThis filled in (the program also uses *int), or naming another type.
  auto with_ptr = DigestOfProbe(Descriptor("str", "methods", "int", "@\"*int\"", "hash.int"));
  EXPECT_NE(base, with_ptr);
  EXPECT_NE(with_ptr, DigestOfProbe(Descriptor("str", "methods", "int", "@\"*uint\"", "hash.int")));
  // A global it names.
  EXPECT_NE(base, DigestOfProbe(Descriptor("str", "methods", "int", "null", "hash.uint")));
}

TEST(ConstantDigests, TypesAndAttributesCount) {
  auto i64 = DigestOfProbe("@probe = constant i64 7\n");
  auto i32 = DigestOfProbe("@probe = constant i32 7\n");
  auto var = DigestOfProbe("@probe = global i64 7\n");
  auto aligned = DigestOfProbe("@probe = constant i64 7, align 16\n");
  auto eight = DigestOfProbe("@probe = constant i64 8\n");
  auto real = DigestOfProbe("@probe = constant double 7.0\n");
  ASSERT_TRUE(i64 && i32 && var && aligned && eight && real);
  EXPECT_NE(*i64, *i32);
  EXPECT_NE(*i64, *var);
  EXPECT_NE(*i64, *aligned);
  EXPECT_NE(*i64, *eight);
  EXPECT_NE(*i64, *real);
  // Structure, not a struct type's name.
  auto named = DigestOfProbe("%T = type { i64, i8 }\n@probe = constant %T { i64 1, i8 2 }\n");
  auto literal = DigestOfProbe("@probe = constant { i64, i8 } { i64 1, i8 2 }\n");
  auto packed = DigestOfProbe("@probe = constant <{ i64, i8 }> <{ i64 1, i8 2 }>\n");
  ASSERT_TRUE(named && literal && packed);
  EXPECT_EQ(*named, *literal);
  EXPECT_NE(*literal, *packed);
  // A constant expression's operands and flags.
  const char* g = "@g = global [4 x i64] zeroinitializer\n";
  auto gep1 = DigestOfProbe(std::string(g) + "@probe = constant ptr getelementptr (i8, ptr @g, i64 8)\n");
  auto gep2 = DigestOfProbe(std::string(g) + "@probe = constant ptr getelementptr (i8, ptr @g, i64 16)\n");
  auto gep_in = DigestOfProbe(std::string(g) + "@probe = constant ptr getelementptr inbounds (i8, ptr @g, i64 8)\n");
  ASSERT_TRUE(gep1 && gep2 && gep_in);
  EXPECT_NE(*gep1, *gep2);
  EXPECT_NE(*gep1, *gep_in);
}

TEST(ConstantDigests, LocalCyclesHaveNone) {
  EXPECT_FALSE(DigestOfProbe("@a = internal constant ptr @b\n@b = internal constant ptr @a\n"
                             "@probe = constant ptr @a\n"));
  // Through a named global the walk stops: no cycle.
  EXPECT_TRUE(DigestOfProbe("@a = internal constant ptr @probe\n@probe = constant ptr @a\n"));
}

TEST(ConstantDigests, DeclarationsHaveAnEmptyDigest) {
  llvm::LLVMContext ctx;
  llvm::SMDiagnostic err;
  auto m = llvm::parseAssemblyString("@probe = external global i64\n", err, ctx);
  ASSERT_NE(m, nullptr);
  ConstantDigests digests;
  EXPECT_EQ(digests.Of(*m->getNamedGlobal("probe")), std::string());
}

}  // namespace
}  // namespace gojit::jit
