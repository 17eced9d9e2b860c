// efaceeq compares per kind like gc's alg.go and panics with gc's text on
// uncomparable dynamic types.
#include <cmath>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

GoString Str(const char* s) {
  return GoString{reinterpret_cast<const uint8_t*>(s),
                  static_cast<int64_t>(std::string_view(s).size())};
}

TypeDescriptor Type(Kind k, int64_t size, const char* name, uint8_t flags = 0) {
  TypeDescriptor t = {};
  t.size = size;
  t.kind = k;
  t.flags = flags;
  t.name = Str(name);
  return t;
}

bool Eq(const TypeDescriptor* t, void* x, void* y) {
  return gojit_rt_efaceeq(nullptr, t, x, y) != 0;
}

TEST(EfaceEqTest, BasicKinds) {
  TypeDescriptor i = Type(Kind::kInt, 8, "int");
  int64_t a = 3, b = 3, c = 4;
  EXPECT_TRUE(Eq(&i, &a, &b));
  EXPECT_FALSE(Eq(&i, &a, &c));
  TypeDescriptor f = Type(Kind::kFloat64, 8, "float64");
  double nan = std::nan(""), pz = 0.0, nz = -0.0;
  EXPECT_FALSE(Eq(&f, &nan, &nan));
  EXPECT_TRUE(Eq(&f, &pz, &nz));
  TypeDescriptor s = Type(Kind::kString, 16, "string");
  std::string x1 = "hello", x2 = "hello";
  GoString g1 = {reinterpret_cast<const uint8_t*>(x1.data()), 5};
  GoString g2 = {reinterpret_cast<const uint8_t*>(x2.data()), 5};
  GoString g3 = {reinterpret_cast<const uint8_t*>(x2.data()), 4};
  EXPECT_TRUE(Eq(&s, &g1, &g2));
  EXPECT_FALSE(Eq(&s, &g1, &g3));
  TypeDescriptor p = Type(Kind::kPointer, 8, "*int", kTypeFlagDirectIface);
  EXPECT_TRUE(Eq(&p, &a, &a));
  EXPECT_FALSE(Eq(&p, &a, &b));
  EXPECT_TRUE(Eq(nullptr, nullptr, nullptr));  // nil == nil
}

TEST(EfaceEqTest, StructsAndArraysFieldWise) {
  TypeDescriptor i = Type(Kind::kInt, 8, "int");
  TypeDescriptor s = Type(Kind::kString, 16, "string");
  StructFieldDesc fields[] = {
      {Str("a"), &i, 0, 0}, {Str("_"), &i, 8, 0}, {Str("s"), &s, 16, 0}};
  TypeDescriptor t = Type(Kind::kStruct, 32, "main.T");
  t.fields = fields;
  t.nfields = 3;
  struct T {
    int64_t a, blank;
    GoString s;
  };
  std::string h1 = "hi", h2 = "hi";
  T x = {1, 100, {reinterpret_cast<const uint8_t*>(h1.data()), 2}};
  T y = {1, 200, {reinterpret_cast<const uint8_t*>(h2.data()), 2}};
  EXPECT_TRUE(Eq(&t, &x, &y));  // blank fields are ignored
  y.a = 2;
  EXPECT_FALSE(Eq(&t, &x, &y));
  TypeDescriptor arr = Type(Kind::kArray, 24, "[3]int");
  arr.elem = &i;
  arr.len = 3;
  int64_t a1[] = {1, 2, 3}, a2[] = {1, 2, 3}, a3[] = {1, 2, 4};
  EXPECT_TRUE(Eq(&arr, a1, a2));
  EXPECT_FALSE(Eq(&arr, a1, a3));
}

TEST(EfaceEqDeathTest, UncomparablePanics) {
  TypeDescriptor sl = Type(Kind::kSlice, 24, "[]int");
  int64_t v[3] = {};
  EXPECT_EXIT(
      gojit_rt_efaceeq(nullptr, &sl, v, v), ::testing::ExitedWithCode(2),
      ::testing::StartsWith("panic: runtime error: comparing uncomparable type []int\n"));
  TypeDescriptor m = Type(Kind::kMap, 8, "map[string]int", kTypeFlagDirectIface);
  StructFieldDesc fields[] = {{Str("m"), &m, 0, 0}};
  TypeDescriptor t = Type(Kind::kStruct, 8, "main.T");
  t.fields = fields;
  t.nfields = 1;
  EXPECT_EXIT(gojit_rt_efaceeq(nullptr, &t, v, v), ::testing::ExitedWithCode(2),
              ::testing::StartsWith(
                  "panic: runtime error: comparing uncomparable type main.T\n"));
}

}  // namespace
}  // namespace gojit::rt
