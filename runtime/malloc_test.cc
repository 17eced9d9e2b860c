// growslice reproduces gc 1.19's capacities: the sequences below were printed by
// go1.19 appending one element at a time (or several) and printing cap() whenever
// it changed.
#include <vector>

#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

TypeDescriptor Elem(int64_t size, Kind kind) {
  TypeDescriptor t = {};
  t.size = size;
  t.kind = kind;
  t.align = static_cast<uint8_t>(size >= 8 ? 8 : size);
  return t;
}

// The distinct caps seen while appending n elements one at a time.
std::vector<int64_t> Caps(const TypeDescriptor& et, int n) {
  GoSlice s = {nullptr, 0, 0};
  std::vector<int64_t> caps;
  for (int i = 0; i < n; i++) {
    if (s.len + 1 > s.cap) {
      gojit_rt_growslice(nullptr, &s, &et, s.ptr, s.len, s.cap, s.len + 1);
      caps.push_back(s.cap);
    } else {
      s.len++;
    }
    // The new element is writable and old ones survived.
    static_cast<char*>(s.ptr)[(s.len - 1) * et.size] = static_cast<char>(i);
    if (i > 0) {
      EXPECT_EQ(static_cast<char*>(s.ptr)[(s.len - 2) * et.size],
                static_cast<char>(i - 1));
    }
  }
  return caps;
}

TEST(GrowsliceTest, IntCapsMatchGc) {
  EXPECT_EQ(Caps(Elem(8, Kind::kInt), 3000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792,
                                  2560, 3408}));
}

TEST(GrowsliceTest, ByteCapsMatchGc) {
  EXPECT_EQ(Caps(Elem(1, Kind::kUint8), 5000),
            (std::vector<int64_t>{8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072,
                                  4096, 5376}));
}

TEST(GrowsliceTest, Int32CapsMatchGc) {
  EXPECT_EQ(
      Caps(Elem(4, Kind::kInt32), 3000),
      (std::vector<int64_t>{2, 4, 8, 16, 32, 64, 128, 256, 512, 864, 1344, 2048, 3072}));
}

TEST(GrowsliceTest, OddSizedElementsMatchGc) {
  // struct{a, b, c int} (24 bytes) and struct{a, b, c int32} (12 bytes).
  std::vector<int64_t> want = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048};
  EXPECT_EQ(Caps(Elem(24, Kind::kStruct), 2000), want);
  EXPECT_EQ(Caps(Elem(12, Kind::kStruct), 2000), want);
}

TEST(GrowsliceTest, MultiElementAppendsMatchGc) {
  TypeDescriptor et = Elem(8, Kind::kInt);
  GoSlice s;
  gojit_rt_growslice(nullptr, &s, &et, nullptr, 0, 0, 5);  // append(nil, 1..5)
  EXPECT_EQ(s.len, 5);
  EXPECT_EQ(s.cap, 6);
  gojit_rt_growslice(nullptr, &s, &et, s.ptr, s.len, s.cap, 25);  // + 20 more
  EXPECT_EQ(s.cap, 26);
  std::vector<int64_t> old(1000, 7);
  gojit_rt_growslice(nullptr, &s, &et, old.data(), 300, 300, 301);  // make([]int,300)+1
  EXPECT_EQ(s.cap, 608);
  EXPECT_EQ(static_cast<int64_t*>(s.ptr)[299], 7);
  gojit_rt_growslice(nullptr, &s, &et, old.data(), 1000, 1000, 1100);
  EXPECT_EQ(s.cap, 1536);
}

TEST(GrowsliceTest, ZeroSizedElements) {
  TypeDescriptor et = Elem(0, Kind::kStruct);
  GoSlice s;
  gojit_rt_growslice(nullptr, &s, &et, nullptr, 0, 0, 7);
  EXPECT_NE(s.ptr, nullptr);
  EXPECT_EQ(s.len, 7);
  EXPECT_EQ(s.cap, 7);
}

TEST(MallocTest, ZeroedAndRoundupsize) {
  auto* p = static_cast<unsigned char*>(gojit_rt_mallocgc(nullptr, 100, nullptr));
  for (int i = 0; i < 100; i++) ASSERT_EQ(p[i], 0);
  EXPECT_EQ(gojit_rt_mallocgc(nullptr, 0, nullptr),
            gojit_rt_mallocgc(nullptr, 0, nullptr));
  EXPECT_EQ(RoundUpSize(1), 8u);
  EXPECT_EQ(RoundUpSize(33), 48u);
  EXPECT_EQ(RoundUpSize(1025), 1152u);
  EXPECT_EQ(RoundUpSize(32768), 32768u);
  EXPECT_EQ(RoundUpSize(32769), 40960u);  // page-rounded above _MaxSmallSize
}

}  // namespace
}  // namespace gojit::rt
