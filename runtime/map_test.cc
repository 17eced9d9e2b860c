// Go maps (map.cc) and the hashing behind them (alg.cc): lookups, growth, float
// and interface keys, iteration under mutation, random order, and gc's panics.
// Type descriptors are built by hand as ir/ would emit them.
#include "runtime/map.h"

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/alg.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

using ::testing::ExitedWithCode;
using ::testing::StartsWith;

GoString Str(const char* s) {
  return GoString{reinterpret_cast<const uint8_t*>(s),
                  static_cast<int64_t>(std::string_view(s).size())};
}

TypeDescriptor Type(Kind k, int64_t size, const char* name, int64_t ptrdata = 0,
                    uint8_t flags = kTypeFlagComparable) {
  TypeDescriptor t = {};
  t.size = size;
  t.ptrdata = ptrdata;
  t.kind = k;
  t.align = static_cast<uint8_t>(size >= 8 ? 8 : (size == 0 ? 1 : size));
  t.flags = flags;
  t.name = Str(name);
  return t;
}

TypeDescriptor MapOf(const TypeDescriptor* k, const TypeDescriptor* e) {
  TypeDescriptor t = Type(Kind::kMap, 8, "map", 8, kTypeFlagDirectIface);
  t.key = k;
  t.elem = e;
  return t;
}

const TypeDescriptor kInt = Type(Kind::kInt, 8, "int");
const TypeDescriptor kInt32 = Type(Kind::kInt32, 4, "int32");
const TypeDescriptor kInt64 = Type(Kind::kInt64, 8, "int64");
const TypeDescriptor kBool = Type(Kind::kBool, 1, "bool");
const TypeDescriptor kFloat64 = Type(Kind::kFloat64, 8, "float64");
const TypeDescriptor kString = Type(Kind::kString, 16, "string", 8);
const TypeDescriptor kEface = Type(Kind::kInterface, 16, "interface {}", 16);
const TypeDescriptor kPtr =
    Type(Kind::kPointer, 8, "*int", 8, kTypeFlagDirectIface | kTypeFlagComparable);
const TypeDescriptor kSliceInt = Type(Kind::kSlice, 24, "[]int", 8, 0);

const TypeDescriptor kIntInt = MapOf(&kInt, &kInt);

int64_t Len(HMap* h) { return h == nullptr ? 0 : h->count; }  // as ir/ reads it

template <class K, class V>
void Put(const TypeDescriptor* t, HMap* h, K k, V v) {
  *static_cast<V*>(gojit_rt_mapassign(nullptr, t, h, &k)) = v;
}

template <class K, class V = int64_t>
const V* Get(const TypeDescriptor* t, HMap* h, K k) {
  return static_cast<const V*>(gojit_rt_mapaccessk(nullptr, t, h, &k));
}

template <class K>
void Del(const TypeDescriptor* t, HMap* h, K k) {
  gojit_rt_mapdelete(nullptr, t, h, &k);
}

// Every (key, elem) pair a full range loop produces, in order.
template <class K, class V>
std::vector<std::pair<K, V>> Range(const TypeDescriptor* t, HMap* h) {
  std::vector<std::pair<K, V>> out;
  MapIter it = {};
  for (gojit_rt_mapiterinit(nullptr, t, h, &it); it.key != nullptr;
       gojit_rt_mapiternext(nullptr, &it)) {
    out.emplace_back(*static_cast<K*>(it.key), *static_cast<V*>(it.elem));
  }
  return out;
}

TEST(MapTest, LayoutSharedWithCompiledCode) {
  EXPECT_EQ(offsetof(HMap, count), 0u);
  EXPECT_EQ(sizeof(MapIter), 8u * kMapIterWords);
  EXPECT_EQ(offsetof(MapIter, key), 0u);
  EXPECT_EQ(offsetof(MapIter, elem), 8u);
}

TEST(MapTest, IntKeysInsertLookupDelete100k) {
  constexpr int64_t kN = 100000;
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(Len(h), 0);
  for (int64_t i = 0; i < kN; i++) {
    Put(&kIntInt, h, i * 7919, i);
    ASSERT_EQ(Len(h), i + 1);
  }
  for (int64_t i = 0; i < kN; i++) {
    const int64_t* v = Get(&kIntInt, h, i * 7919);
    ASSERT_NE(v, nullptr) << i;
    ASSERT_EQ(*v, i);
    ASSERT_EQ(Get(&kIntInt, h, i * 7919 + 1), nullptr) << i;
  }
  // Overwrite keeps the count.
  for (int64_t i = 0; i < kN; i += 3) Put(&kIntInt, h, i * 7919, -i);
  EXPECT_EQ(Len(h), kN);
  for (int64_t i = 0; i < kN; i += 2) Del(&kIntInt, h, i * 7919);
  Del(&kIntInt, h, int64_t{-5});  // absent: no-op
  EXPECT_EQ(Len(h), kN / 2);
  for (int64_t i = 0; i < kN; i++) {
    const int64_t* v = Get(&kIntInt, h, i * 7919);
    if (i % 2 == 0) {
      ASSERT_EQ(v, nullptr) << i;
    } else {
      ASSERT_NE(v, nullptr) << i;
      ASSERT_EQ(*v, i % 3 == 0 ? -i : i);
    }
  }
  auto all = Range<int64_t, int64_t>(&kIntInt, h);
  EXPECT_EQ(all.size(), static_cast<size_t>(kN / 2));
  std::set<int64_t> seen;
  for (auto [k, v] : all) {
    EXPECT_TRUE(seen.insert(k).second) << "duplicate " << k;
    EXPECT_EQ(k % (2 * 7919), 7919);
  }
  for (int64_t i = 1; i < kN; i += 2) Del(&kIntInt, h, i * 7919);
  EXPECT_EQ(Len(h), 0);
  EXPECT_TRUE((Range<int64_t, int64_t>(&kIntInt, h).empty()));
}

TEST(MapTest, NilMapReadsAreEmpty) {
  EXPECT_EQ(Get(&kIntInt, nullptr, int64_t{1}), nullptr);
  Del(&kIntInt, nullptr, int64_t{1});
  EXPECT_EQ(Len(nullptr), 0);
  EXPECT_TRUE((Range<int64_t, int64_t>(&kIntInt, nullptr).empty()));
  gojit_rt_mapclear(nullptr, &kIntInt, nullptr);
}

TEST(MapTest, HintPresizesAndNegativeHintIsEmpty) {
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 1000);
  EXPECT_EQ(h->B, 8);  // 1000 <= 6.5 * 256
  EXPECT_NE(h->buckets, nullptr);
  for (int64_t i = 0; i < 1000; i++) Put(&kIntInt, h, i, i);
  EXPECT_EQ(h->oldbuckets, nullptr) << "no growth within the hint";
  EXPECT_EQ(h->B, 8);
  HMap* n = gojit_rt_makemap(nullptr, &kIntInt, -1);  // gc: treated as 0
  EXPECT_EQ(n->B, 0);
  Put(&kIntInt, n, int64_t{1}, int64_t{2});
  EXPECT_EQ(*Get(&kIntInt, n, int64_t{1}), 2);
  HMap* huge = gojit_rt_makemap(nullptr, &kIntInt, int64_t{1} << 62);
  EXPECT_EQ(huge->B, 0);
}

TEST(MapTest, StringKeys) {
  const TypeDescriptor t = MapOf(&kString, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  std::vector<std::string> keys;
  for (int i = 0; i < 20000; i++) keys.push_back("key" + std::to_string(i));
  keys.push_back("");
  keys.push_back(std::string(300, 'x'));  // long: memhash's 48-byte loop
  for (size_t i = 0; i < keys.size(); i++) {
    GoString k{reinterpret_cast<const uint8_t*>(keys[i].data()),
               static_cast<int64_t>(keys[i].size())};
    Put(&t, h, k, static_cast<int64_t>(i));
  }
  EXPECT_EQ(Len(h), static_cast<int64_t>(keys.size()));
  // Look up through different memory holding equal bytes.
  for (size_t i = 0; i < keys.size(); i++) {
    std::string copy = keys[i];
    GoString k{reinterpret_cast<const uint8_t*>(copy.data()),
               static_cast<int64_t>(copy.size())};
    const int64_t* v = Get(&t, h, k);
    ASSERT_NE(v, nullptr) << copy;
    EXPECT_EQ(*v, static_cast<int64_t>(i));
  }
  EXPECT_EQ(Get(&t, h, Str("key20000")), nullptr);
  EXPECT_EQ(Get(&t, h, Str("key1 ")), nullptr);
  Del(&t, h, Str("key5"));
  EXPECT_EQ(Get(&t, h, Str("key5")), nullptr);
  EXPECT_EQ(Len(h), static_cast<int64_t>(keys.size()) - 1);
}

TEST(MapTest, FloatKeysNaNAndSignedZero) {
  const TypeDescriptor t = MapOf(&kFloat64, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int i = 0; i < 3; i++) Put(&t, h, nan, int64_t{i});
  EXPECT_EQ(Len(h), 3) << "each NaN insert adds an entry";
  EXPECT_EQ(Get(&t, h, nan), nullptr) << "NaN never matches";
  Del(&t, h, nan);
  EXPECT_EQ(Len(h), 3);

  Put(&t, h, -0.0, int64_t{10});
  Put(&t, h, 0.0, int64_t{11});  // same key: +0 == -0
  EXPECT_EQ(Len(h), 4);
  ASSERT_NE(Get(&t, h, -0.0), nullptr);
  EXPECT_EQ(*Get(&t, h, -0.0), 11);
  Put(&t, h, 1.5, int64_t{12});

  int nans = 0, zeros = 0;
  for (auto [k, v] : Range<double, int64_t>(&t, h)) {
    if (std::isnan(k)) {
      nans++;
    } else if (k == 0) {
      zeros++;
      EXPECT_FALSE(std::signbit(k)) << "the key is updated to the last one stored (+0)";
      EXPECT_EQ(v, 11);
    }
  }
  EXPECT_EQ(nans, 3);
  EXPECT_EQ(zeros, 1);

  // Many NaNs spread over buckets (random hashes) and survive growth.
  for (int i = 0; i < 1000; i++) Put(&t, h, nan, int64_t{i});
  EXPECT_EQ(Len(h), 1005);
  EXPECT_EQ((Range<double, int64_t>(&t, h).size()), 1005u);
}

TEST(MapTest, HashAgreesWithEquality) {
  double pz = 0.0, nz = -0.0, nan = std::nan("");
  EXPECT_EQ(TypeHash(nullptr, &kFloat64, &pz, 7), TypeHash(nullptr, &kFloat64, &nz, 7));
  // NaN hashes randomly (gc's f64hash): 10 tries all equal would be a 2^-320 fluke.
  std::set<uintptr_t> hashes;
  for (int i = 0; i < 10; i++) hashes.insert(TypeHash(nullptr, &kFloat64, &nan, 7));
  EXPECT_GT(hashes.size(), 1u);
  int64_t a = 42;
  EXPECT_NE(TypeHash(nullptr, &kInt, &a, 1), TypeHash(nullptr, &kInt, &a, 2))
      << "the seed matters";
  EXPECT_EQ(
      MemHash("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop", 3, 52),
      MemHash(std::string("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop").data(),
              3, 52));
}

// Boxes v as an interface value the way ir/ does: data points to a heap copy.
template <class T>
GoEface Box(const TypeDescriptor* t, T v) {
  auto* p = static_cast<T*>(Malloc(nullptr, sizeof(T), t));
  *p = v;
  return GoEface{t, p};
}

TEST(MapTest, InterfaceKeysOfMixedDynamicTypes) {
  const TypeDescriptor t = MapOf(&kEface, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  static int64_t target = 0;
  static const char kOne[] = "1";
  Put(&t, h, Box(&kInt, int64_t{1}), int64_t{1});
  Put(&t, h, Box(&kInt64, int64_t{1}), int64_t{2});  // same bits, other type
  Put(&t, h, Box(&kString, GoString{reinterpret_cast<const uint8_t*>(kOne), 1}),
      int64_t{3});
  Put(&t, h, GoEface{&kPtr, &target}, int64_t{4});    // direct interface
  Put(&t, h, GoEface{nullptr, nullptr}, int64_t{5});  // nil interface
  Put(&t, h, Box(&kFloat64, 2.5), int64_t{6});
  Put(&t, h, Box(&kBool, true), int64_t{7});
  EXPECT_EQ(Len(h), 7);
  // Fresh boxes of equal values find the same entries.
  std::string one = "1";
  EXPECT_EQ(*Get(&t, h, Box(&kInt, int64_t{1})), 1);
  EXPECT_EQ(*Get(&t, h, Box(&kInt64, int64_t{1})), 2);
  EXPECT_EQ(
      *Get(&t, h,
           Box(&kString, GoString{reinterpret_cast<const uint8_t*>(one.data()), 1})),
      3);
  EXPECT_EQ(*Get(&t, h, GoEface{&kPtr, &target}), 4);
  EXPECT_EQ(*Get(&t, h, GoEface{nullptr, nullptr}), 5);
  EXPECT_EQ(*Get(&t, h, Box(&kFloat64, 2.5)), 6);
  EXPECT_EQ(*Get(&t, h, Box(&kBool, true)), 7);
  EXPECT_EQ(Get(&t, h, Box(&kInt, int64_t{2})), nullptr);
  EXPECT_EQ(Get(&t, h, Box(&kInt32, int32_t{1})), nullptr);
  EXPECT_EQ(Get(&t, h, Box(&kBool, false)), nullptr);
  static int64_t other = 0;
  EXPECT_EQ(Get(&t, h, GoEface{&kPtr, &other}), nullptr);
  Del(&t, h, Box(&kInt64, int64_t{1}));
  EXPECT_EQ(Len(h), 6);
  EXPECT_EQ(Get(&t, h, Box(&kInt64, int64_t{1})), nullptr);
  EXPECT_EQ(*Get(&t, h, Box(&kInt, int64_t{1})), 1);
}

TEST(MapTest, NaNKeysIteratedWhileGrowing) {
  // NaN keys cannot be looked up; during growth the iterator and evacuation
  // agree on their destination through tophash's low bit.
  const TypeDescriptor t = MapOf(&kFloat64, &kInt);
  for (int round = 0; round < 20; round++) {
    HMap* h = gojit_rt_makemap(nullptr, &t, 0);
    const double nan = std::nan("");
    constexpr int64_t kN = 200;
    for (int64_t i = 0; i < kN; i++) Put(&t, h, nan, i);
    std::set<int64_t> seen;
    int64_t next = kN;
    MapIter it = {};
    for (gojit_rt_mapiterinit(nullptr, &t, h, &it); it.key != nullptr;
         gojit_rt_mapiternext(nullptr, &it)) {
      int64_t v = *static_cast<int64_t*>(it.elem);
      ASSERT_TRUE(seen.insert(v).second) << "entry " << v << " produced twice";
      ASSERT_LT(next, 100000);
      Put(&t, h, nan, next++);  // grows the map under the iterator
    }
    for (int64_t i = 0; i < kN; i++) ASSERT_TRUE(seen.count(i)) << "missed " << i;
    EXPECT_EQ(Len(h), next);
  }
}

TEST(MapTest, NaNKeysIteratedFromTheMiddleOfAGrow) {
  // An iterator started mid-grow walks unevacuated old buckets for two new
  // buckets each; NaN keys must be assigned to exactly one of them.
  const TypeDescriptor t = MapOf(&kFloat64, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  const double nan = std::nan("");
  int checks = 0;
  for (int64_t n = 0; n < 3000; n++) {
    Put(&t, h, nan, n);
    if (h->oldbuckets == nullptr) continue;
    checks++;
    std::set<int64_t> seen;
    for (auto [k, v] : Range<double, int64_t>(&t, h)) {
      ASSERT_TRUE(seen.insert(v).second) << "entry " << v << " produced twice";
    }
    ASSERT_EQ(seen.size(), static_cast<size_t>(n + 1));
  }
  EXPECT_GT(checks, 0);
}

// An interface with one method, and an itab for int (type.h: a non-empty
// interface value is {const Itab*, data}).
TypeDescriptor StringerType() {
  static const MethodDesc m[] = {{Str("String"), nullptr, nullptr}};
  TypeDescriptor t = Type(Kind::kInterface, 16, "fmt.Stringer", 16);
  t.methods = m;
  t.nmethods = 1;
  return t;
}

TEST(MapTest, NonEmptyInterfaceKeysCompareDynamicTypes) {
  static const TypeDescriptor stringer = StringerType();
  const TypeDescriptor t = MapOf(&stringer, &kInt);
  // Two distinct itabs for the same (interface, type) pair, as a compiler-emitted
  // one and a getitab-built one may be.
  static Itab tab1 = {&stringer, &kInt, 0, 0, {nullptr}};
  static Itab tab2 = {&stringer, &kInt, 0, 0, {nullptr}};
  static Itab tab64 = {&stringer, &kInt64, 0, 0, {nullptr}};
  auto box = [](const Itab* tab, int64_t v) {
    GoEface e = Box(tab->type, v);
    e.type = reinterpret_cast<const TypeDescriptor*>(tab);
    return e;
  };
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  Put(&t, h, box(&tab1, 5), int64_t{1});
  Put(&t, h, box(&tab64, 5), int64_t{2});
  Put(&t, h, GoEface{nullptr, nullptr}, int64_t{3});
  EXPECT_EQ(Len(h), 3);
  ASSERT_NE(Get(&t, h, box(&tab2, 5)), nullptr);
  EXPECT_EQ(*Get(&t, h, box(&tab2, 5)), 1);
  EXPECT_EQ(*Get(&t, h, box(&tab64, 5)), 2);
  EXPECT_EQ(*Get(&t, h, GoEface{nullptr, nullptr}), 3);
  EXPECT_EQ(Get(&t, h, box(&tab1, 6)), nullptr);
}

// struct { a int; _ int; s string; b bool } (b at 32, 7 bytes of padding)
const StructFieldDesc kSFields[] = {{Str("a"), &kInt, 0, 0},
                                    {Str("_"), &kInt, 8, 0},
                                    {Str("s"), &kString, 16, 0},
                                    {Str("b"), &kBool, 32, 0}};
struct S {
  int64_t a, blank;
  GoString s;
  bool b;
  char pad[7];
};
static_assert(sizeof(S) == 40);

TEST(MapTest, StructKeysIgnoreBlankFieldsAndPadding) {
  TypeDescriptor st = Type(Kind::kStruct, 40, "main.S", 24);
  st.fields = kSFields;
  st.nfields = 4;
  const TypeDescriptor t = MapOf(&st, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  for (int64_t i = 0; i < 500; i++) {
    S k = {};
    k.a = i;
    k.s = Str(i % 2 ? "odd" : "even");
    k.b = i % 3 == 0;
    Put(&t, h, k, i);
  }
  EXPECT_EQ(Len(h), 500);
  for (int64_t i = 0; i < 500; i++) {
    S k;
    std::memset(&k, 0xAB, sizeof(k));  // garbage in the blank field and padding
    k.a = i;
    std::string s = i % 2 ? "odd" : "even";
    k.s = GoString{reinterpret_cast<const uint8_t*>(s.data()),
                   static_cast<int64_t>(s.size())};
    k.b = i % 3 == 0;
    const int64_t* v = Get(&t, h, k);
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
    k.b = !k.b;
    EXPECT_EQ(Get(&t, h, k), nullptr);
  }
}

TEST(MapTest, LargeKeysAndElemsAreIndirect) {
  struct Big {
    int64_t w[20];  // 160 bytes > 128
  };
  TypeDescriptor arr = Type(Kind::kArray, 160, "[20]int");
  arr.elem = &kInt;
  arr.len = 20;
  TypeDescriptor elem = Type(Kind::kArray, 160, "[20]int");
  elem.elem = &kInt;
  elem.len = 20;
  const TypeDescriptor t = MapOf(&arr, &elem);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  for (int64_t i = 0; i < 300; i++) {
    Big k = {}, v = {};
    k.w[19] = i;
    v.w[0] = i * 2;
    v.w[19] = i * 3;
    Put(&t, h, k, v);
  }
  EXPECT_EQ(Len(h), 300);
  for (int64_t i = 0; i < 300; i++) {
    Big k = {};
    k.w[19] = i;
    const Big* v = Get<Big, Big>(&t, h, k);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->w[0], i * 2);
    EXPECT_EQ(v->w[19], i * 3);
  }
  auto all = Range<Big, Big>(&t, h);
  EXPECT_EQ(all.size(), 300u);
  for (auto& [k, v] : all) EXPECT_EQ(v.w[19], k.w[19] * 3);
}

TEST(MapTest, ZeroSizeKeys) {
  TypeDescriptor empty = Type(Kind::kStruct, 0, "struct {}");
  const TypeDescriptor t = MapOf(&empty, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  struct {
  } k;
  Put(&t, h, k, int64_t{7});
  Put(&t, h, k, int64_t{8});
  EXPECT_EQ(Len(h), 1);
  EXPECT_EQ(*Get(&t, h, k), 8);
}

TEST(MapTest, IterationVisitsEachEntryOnceAcrossGrowth) {
  // Stop inserting at many points, including just after a grow started (old
  // buckets not yet evacuated), and check a full range each time.
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
  bool saw_growing = false;
  for (int64_t n = 1; n <= 3000; n++) {
    Put(&kIntInt, h, n, n * 10);
    if (n % 97 != 0 && h->oldbuckets == nullptr) continue;
    saw_growing |= h->oldbuckets != nullptr;
    auto all = Range<int64_t, int64_t>(&kIntInt, h);
    ASSERT_EQ(all.size(), static_cast<size_t>(n));
    std::set<int64_t> seen;
    for (auto [k, v] : all) {
      ASSERT_TRUE(seen.insert(k).second) << "duplicate " << k << " at n=" << n;
      ASSERT_EQ(v, k * 10);
    }
  }
  EXPECT_TRUE(saw_growing);
}

TEST(MapTest, DeletingDuringIterationSkipsDeletedEntries) {
  for (int round = 0; round < 20; round++) {
    HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
    constexpr int64_t kN = 2000;
    for (int64_t i = 0; i < kN; i++) Put(&kIntInt, h, i, i);
    std::set<int64_t> deleted, seen;
    MapIter it = {};
    for (gojit_rt_mapiterinit(nullptr, &kIntInt, h, &it); it.key != nullptr;
         gojit_rt_mapiternext(nullptr, &it)) {
      int64_t k = *static_cast<int64_t*>(it.key);
      ASSERT_EQ(deleted.count(k), 0u) << "produced after delete: " << k;
      ASSERT_TRUE(seen.insert(k).second);
      // Delete another key not seen yet, and the current one.
      int64_t victim = (k * 31 + 7) % kN;
      if (!seen.count(victim)) {
        Del(&kIntInt, h, victim);
        deleted.insert(victim);
      }
      Del(&kIntInt, h, k);
    }
    EXPECT_EQ(Len(h), 0);
    for (int64_t i = 0; i < kN; i++) {
      EXPECT_TRUE(seen.count(i) || deleted.count(i)) << i;
    }
  }
}

TEST(MapTest, GrowthDuringIterationSeesLaterDeletesAndUpdates) {
  // The iterator keeps walking the bucket array it started on; once those
  // buckets are evacuated it must look each key up in the new table.
  for (int round = 0; round < 20; round++) {
    HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
    constexpr int64_t kN = 1000;
    for (int64_t i = 0; i < kN; i++) Put(&kIntInt, h, i, i);
    MapIter it = {};
    gojit_rt_mapiterinit(nullptr, &kIntInt, h, &it);
    ASSERT_NE(it.key, nullptr);
    std::set<int64_t> seen = {*static_cast<int64_t*>(it.key)};
    uint8_t b0 = h->B;
    for (int64_t i = kN; i < 4 * kN; i++) Put(&kIntInt, h, i, i);  // grows, evacuates
    ASSERT_GT(h->B, b0);
    for (int64_t i = 0; i < kN; i++) {
      if (i % 3 == 0) {
        Del(&kIntInt, h, i);
      } else {
        Put(&kIntInt, h, i, -i);
      }
    }
    for (gojit_rt_mapiternext(nullptr, &it); it.key != nullptr;
         gojit_rt_mapiternext(nullptr, &it)) {
      int64_t k = *static_cast<int64_t*>(it.key);
      int64_t v = *static_cast<int64_t*>(it.elem);
      ASSERT_TRUE(seen.insert(k).second) << "duplicate " << k;
      if (k < kN) {
        ASSERT_NE(k % 3, 0) << "deleted key " << k << " produced";
        ASSERT_EQ(v, -k) << "stale element for " << k;
      }
    }
    for (int64_t i = 0; i < kN; i++) {
      if (i % 3 != 0) ASSERT_TRUE(seen.count(i)) << "missed " << i;
    }
  }
}

TEST(MapTest, InsertingDuringIterationTerminates) {
  for (int round = 0; round < 20; round++) {
    HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
    constexpr int64_t kN = 500;
    for (int64_t i = 0; i < kN; i++) Put(&kIntInt, h, i, 0);
    std::set<int64_t> seen;
    int64_t next = 1000000, steps = 0;
    MapIter it = {};
    for (gojit_rt_mapiterinit(nullptr, &kIntInt, h, &it); it.key != nullptr;
         gojit_rt_mapiternext(nullptr, &it)) {
      ASSERT_LT(++steps, 1000000) << "iteration does not terminate";
      int64_t k = *static_cast<int64_t*>(it.key);
      ASSERT_TRUE(seen.insert(k).second) << "duplicate " << k;
      Put(&kIntInt, h, next++, 0);  // grows the map several times
    }
    for (int64_t i = 0; i < kN; i++) EXPECT_TRUE(seen.count(i)) << "missed " << i;
    EXPECT_EQ(Len(h), kN + (next - 1000000));
  }
}

TEST(MapTest, IterationOrderIsRandomized) {
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
  for (int64_t i = 0; i < 100; i++) Put(&kIntInt, h, i, i);
  std::set<int64_t> first_keys;
  std::set<std::vector<int64_t>> orders;
  for (int i = 0; i < 50; i++) {
    std::vector<int64_t> order;
    for (auto [k, v] : Range<int64_t, int64_t>(&kIntInt, h)) order.push_back(k);
    ASSERT_EQ(order.size(), 100u);
    first_keys.insert(order[0]);
    orders.insert(order);
  }
  EXPECT_GT(first_keys.size(), 1u);
  EXPECT_GT(orders.size(), 1u);
  // Two maps with the same contents place keys differently (random hash0).
  HMap* h2 = gojit_rt_makemap(nullptr, &kIntInt, 0);
  for (int64_t i = 0; i < 100; i++) Put(&kIntInt, h2, i, i);
  EXPECT_NE(h->hash0, h2->hash0);
}

TEST(MapTest, ClearEmptiesAndStopsRunningIterators) {
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
  for (int64_t i = 0; i < 5000; i++) Put(&kIntInt, h, i, i);
  MapIter it = {};
  gojit_rt_mapiterinit(nullptr, &kIntInt, h, &it);
  ASSERT_NE(it.key, nullptr);
  gojit_rt_mapclear(nullptr, &kIntInt, h);
  EXPECT_EQ(Len(h), 0);
  int produced = 0;
  for (gojit_rt_mapiternext(nullptr, &it); it.key != nullptr;
       gojit_rt_mapiternext(nullptr, &it)) {
    produced++;
  }
  EXPECT_EQ(produced, 0);
  for (int64_t i = 0; i < 5000; i++) ASSERT_EQ(Get(&kIntInt, h, i), nullptr);
  for (int64_t i = 0; i < 100; i++) Put(&kIntInt, h, i, -i);
  EXPECT_EQ(Len(h), 100);
  EXPECT_EQ(*Get(&kIntInt, h, int64_t{42}), -42);
  EXPECT_EQ((Range<int64_t, int64_t>(&kIntInt, h).size()), 100u);
}

TEST(MapTest, PointerKeys) {
  const TypeDescriptor t = MapOf(&kPtr, &kInt);
  HMap* h = gojit_rt_makemap(nullptr, &t, 0);
  std::vector<int64_t> cells(5000);
  for (size_t i = 0; i < cells.size(); i++) Put(&t, h, &cells[i], int64_t(i));
  for (size_t i = 0; i < cells.size(); i += 2) Del(&t, h, &cells[i]);
  EXPECT_EQ(Len(h), 2500);
  for (size_t i = 0; i < cells.size(); i++) {
    const int64_t* v = Get(&t, h, &cells[i]);
    if (i % 2 == 0) {
      ASSERT_EQ(v, nullptr);
    } else {
      ASSERT_NE(v, nullptr);
      EXPECT_EQ(*v, int64_t(i));
    }
  }
}

TEST(MapTest, ChurnAtHighLoadGrowsToTheSameSize) {
  // Deleting old keys and inserting new ones at a load just under 6.5 per bucket
  // leaves overflow buckets behind; once they are as many as the buckets the map
  // "grows" to the same size to compact them (tooManyOverflowBuckets).
  HMap* h = gojit_rt_makemap(nullptr, &kIntInt, 0);
  constexpr int64_t kLive = 100;  // B = 4: 16 buckets, up to 104 entries
  for (int64_t i = 0; i < kLive; i++) Put(&kIntInt, h, i, i);
  ASSERT_EQ(h->B, 4);
  bool saw_same_size_grow = false;
  for (int64_t i = kLive; i < 200000; i++) {
    Del(&kIntInt, h, i - kLive);
    Put(&kIntInt, h, i, i);
    saw_same_size_grow |= (h->flags & 8) != 0;  // kSameSizeGrow
  }
  EXPECT_TRUE(saw_same_size_grow);
  EXPECT_EQ(h->B, 4) << "the table tracks live entries, not insertions";
  EXPECT_EQ(Len(h), kLive);
  for (int64_t i = 200000 - kLive; i < 200000; i++) {
    const int64_t* v = Get(&kIntInt, h, i);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ((Range<int64_t, int64_t>(&kIntInt, h).size()), static_cast<size_t>(kLive));
}

// Death tests run the map calls on a goroutine (G1), as compiled code would.
TEST(MapDeathTest, AssignmentToNilMap) {
  EXPECT_EXIT(
      RunUntilDone([](G* g) {
        int64_t k = 1;
        gojit_rt_mapassign(g, &kIntInt, nullptr, &k);
      }),
      ExitedWithCode(2),
      StartsWith("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\n"));
}

TEST(MapDeathTest, HashOfUnhashableInterfaceKey) {
  EXPECT_EXIT(RunUntilDone([](G* g) {
                static const TypeDescriptor t = MapOf(&kEface, &kInt);
                HMap* h = gojit_rt_makemap(g, &t, 0);
                GoSlice s = {nullptr, 0, 0};
                GoEface k = Box(&kSliceInt, s);
                gojit_rt_mapassign(g, &t, h, &k);
              }),
              ExitedWithCode(2),
              StartsWith("panic: runtime error: hash of unhashable type []int\n\n"
                         "goroutine 1 [running]:\n"));
  // A lookup in a nil map still hashes the key (gc issue 23734).
  EXPECT_EXIT(RunUntilDone([](G* g) {
                static const TypeDescriptor t = MapOf(&kEface, &kInt);
                GoEface k = Box(&kSliceInt, GoSlice{nullptr, 0, 0});
                gojit_rt_mapaccessk(g, &t, nullptr, &k);
              }),
              ExitedWithCode(2),
              StartsWith("panic: runtime error: hash of unhashable type []int\n"));
}

TEST(MapDeathTest, UnhashableStructNamesTheStruct) {
  // gc checks the dynamic type itself, so the message names main.T, not []int.
  EXPECT_EXIT(RunUntilDone([](G* g) {
                static const StructFieldDesc f[] = {{Str("s"), &kSliceInt, 0, 0}};
                static TypeDescriptor st = [] {
                  TypeDescriptor t = Type(Kind::kStruct, 24, "main.T", 8, 0);
                  t.fields = f;
                  t.nfields = 1;
                  return t;
                }();
                static const TypeDescriptor t = MapOf(&kEface, &kInt);
                HMap* h = gojit_rt_makemap(g, &t, 0);
                GoEface k = Box(&st, GoSlice{nullptr, 0, 0});
                gojit_rt_mapdelete(g, &t, h, &k);
                gojit_rt_mapassign(g, &t, h, &k);
              }),
              ExitedWithCode(2),
              StartsWith("panic: runtime error: hash of unhashable type main.T\n"));
}

TEST(MapDeathTest, ConcurrentWritesAreFatal) {
  EXPECT_EXIT(RunUntilDone([](G* g) {
                HMap* h = gojit_rt_makemap(g, &kIntInt, 0);
                h->flags |= 4;  // another writer is in mapassign
                int64_t k = 1;
                gojit_rt_mapassign(g, &kIntInt, h, &k);
              }),
              ExitedWithCode(2), StartsWith("fatal error: concurrent map writes\n"));
}

}  // namespace
}  // namespace gojit::rt
