// String conversions and comparisons behave as gc's (expected values checked
// against go1.19), including UTF-8 error handling.
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

const uint8_t* U(std::string_view s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}
std::string S(GoString s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

RuneK Decode(std::string_view s, int64_t k = 0) {
  return gojit_rt_decoderune(nullptr, U(s), static_cast<int64_t>(s.size()), k);
}

TEST(StringTest, DecodeRuneValid) {
  EXPECT_EQ(Decode("a").r, 'a');
  EXPECT_EQ(Decode("a").k, 1);
  EXPECT_EQ(Decode("\xc3\xa9").r, 0xE9);  // é
  EXPECT_EQ(Decode("\xc3\xa9").k, 2);
  EXPECT_EQ(Decode("x\xe2\x82\xac", 1).r, 0x20AC);  // €
  EXPECT_EQ(Decode("x\xe2\x82\xac", 1).k, 4);
  EXPECT_EQ(Decode("\xf0\x9f\x98\x80").r, 0x1F600);
  EXPECT_EQ(Decode("\xf0\x9f\x98\x80").k, 4);
}

TEST(StringTest, DecodeRuneInvalidGivesRuneErrorAndAdvancesOne) {
  for (std::string_view bad : {
           std::string_view("\xff"), std::string_view("\x80"),
           std::string_view("\xc0\x80"),          // overlong
           std::string_view("\xe2\x82"),          // truncated
           std::string_view("\xed\xa0\x80"),      // surrogate
           std::string_view("\xf4\x90\x80\x80"),  // > U+10FFFF
           std::string_view("\xc3\x28"),          // bad continuation
       }) {
    RuneK rk = Decode(bad);
    EXPECT_EQ(rk.r, 0xFFFD) << "input length " << bad.size();
    EXPECT_EQ(rk.k, 1);
  }
  EXPECT_EQ(Decode("ab", 2).r, 0xFFFD);  // past the end
  EXPECT_EQ(Decode("ab", 2).k, 3);
}

TEST(StringTest, Concat) {
  EXPECT_EQ(S(gojit_rt_concatstring2(nullptr, U("ab"), 2, U("cd"), 2)), "abcd");
  std::string_view b = "xyz";
  GoString r = gojit_rt_concatstring2(nullptr, nullptr, 0, U(b), 3);
  EXPECT_EQ(r.ptr, U(b));  // one non-empty operand is returned as is
  EXPECT_EQ(gojit_rt_concatstring2(nullptr, nullptr, 0, nullptr, 0).len, 0);
}

TEST(StringTest, Compare) {
  auto cmp = [](std::string_view a, std::string_view b) {
    return gojit_rt_cmpstring(nullptr, U(a), static_cast<int64_t>(a.size()), U(b),
                              static_cast<int64_t>(b.size()));
  };
  EXPECT_EQ(cmp("a", "b"), -1);
  EXPECT_EQ(cmp("b", "a"), 1);
  EXPECT_EQ(cmp("ab", "a"), 1);
  EXPECT_EQ(cmp("a", "ab"), -1);
  EXPECT_EQ(cmp("abc", "abc"), 0);
  EXPECT_EQ(cmp("", ""), 0);
  EXPECT_EQ(cmp("\xff", "a"), 1);  // bytes compare unsigned
}

TEST(StringTest, IntString) {
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, 'A')), "A");
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, 0x20AC)), "\xe2\x82\xac");
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, 0x110000)), "\xef\xbf\xbd");
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, -1)), "\xef\xbf\xbd");
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, 0xD800)), "\xef\xbf\xbd");
  EXPECT_EQ(S(gojit_rt_intstring(nullptr, (int64_t{1} << 32) + 'A')), "\xef\xbf\xbd");
}

TEST(StringTest, ByteAndRuneSlices) {
  GoString s = gojit_rt_slicebytetostring(nullptr, U("hello"), 5);
  EXPECT_EQ(S(s), "hello");
  int32_t runes[] = {'A', 0x20AC, -1};
  EXPECT_EQ(S(gojit_rt_slicerunetostring(nullptr, runes, 3)),
            "A\xe2\x82\xac\xef\xbf\xbd");

  // gc (escaping []byte(s) of a non-constant "hello"): len 5, cap 8.
  GoSlice b;
  gojit_rt_stringtoslicebyte(nullptr, &b, U("hello"), 5);
  EXPECT_EQ(b.len, 5);
  EXPECT_EQ(b.cap, 8);
  EXPECT_EQ(std::string_view(static_cast<const char*>(b.ptr), 5), "hello");
  // gc ([]rune(s) of a non-constant "a€\xff"): len 3, cap 4.
  GoSlice r;
  gojit_rt_stringtoslicerune(nullptr, &r, U("a\xe2\x82\xac\xff"), 5);
  ASSERT_EQ(r.len, 3);
  EXPECT_EQ(r.cap, 4);
  auto* rp = static_cast<int32_t*>(r.ptr);
  EXPECT_EQ(rp[0], 'a');
  EXPECT_EQ(rp[1], 0x20AC);
  EXPECT_EQ(rp[2], 0xFFFD);
}

}  // namespace
}  // namespace gojit::rt
