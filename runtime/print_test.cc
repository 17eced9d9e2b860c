// The print builtins produce gc's exact text (expected values come from running
// the same println calls under go1.19), and printlock buffers a statement.
#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

// Runs fn with fd 2 redirected to a temporary file and returns what it wrote.
std::string CaptureStderr(const std::function<void()>& fn) {
  char path[] = "/tmp/gojit_print_testXXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  unlink(path);
  int saved = dup(2);
  dup2(fd, 2);
  fn();
  dup2(saved, 2);
  close(saved);
  std::string out;
  lseek(fd, 0, SEEK_SET);
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string Float(double v, int bits = 64) {
  return CaptureStderr([v, bits] { gojit_rt_printfloat(nullptr, v, bits); });
}

// Expected texts: println of the same values under go1.26 (strconv's shortest 'g').
TEST(PrintTest, FloatMatchesGc) {
  EXPECT_EQ(Float(1.5), "1.5");
  EXPECT_EQ(Float(0.0), "0");
  EXPECT_EQ(Float(-0.0), "-0");
  EXPECT_EQ(Float(1e100), "1e+100");
  EXPECT_EQ(Float(123456789.0), "1.23456789e+08");
  EXPECT_EQ(Float(100.0), "100");
  EXPECT_EQ(Float(1e6), "1e+06");
  EXPECT_EQ(Float(0.1), "0.1");
  EXPECT_EQ(Float(1e-7), "1e-07");
  EXPECT_EQ(Float(0.000001), "1e-06");
  EXPECT_EQ(Float(0.0001), "0.0001");
  EXPECT_EQ(Float(-2.5e-10), "-2.5e-10");
  EXPECT_EQ(Float(12345678901234567890.0), "1.2345678901234567e+19");
  EXPECT_EQ(Float(std::nan("")), "NaN");
  EXPECT_EQ(Float(INFINITY), "+Inf");
  EXPECT_EQ(Float(-INFINITY), "-Inf");
  EXPECT_EQ(Float(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(Float(5e-324), "5e-324");
  EXPECT_EQ(Float(static_cast<float>(0.1), 32), "0.1");
  EXPECT_EQ(Float(16777216.0f, 32), "1.6777216e+07");
  EXPECT_EQ(Float(3.4e38f, 32), "3.4e+38");
}

TEST(PrintTest, IntegersMatchGc) {
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printint(nullptr, -3); }), "-3");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printint(nullptr, 0); }), "0");
  EXPECT_EQ(CaptureStderr(
                [] { gojit_rt_printint(nullptr, std::numeric_limits<int64_t>::min()); }),
            "-9223372036854775808");
  EXPECT_EQ(CaptureStderr([] {
              gojit_rt_printuint(nullptr, std::numeric_limits<uint64_t>::max());
            }),
            "18446744073709551615");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printhex(nullptr, 255); }), "0xff");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printhex(nullptr, 0); }), "0x0");
}

TEST(PrintTest, CompositesMatchGc) {
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printcomplex(nullptr, 1, 2, 64); }), "(1+2i)");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printcomplex(nullptr, 1.5, -2, 64); }), "(1.5-2i)");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printcomplex(nullptr, 0, std::nan(""), 64); }), "(0+NaNi)");
  EXPECT_EQ(CaptureStderr([] { gojit_rt_printpointer(nullptr, nullptr); }), "0x0");
  EXPECT_EQ(CaptureStderr([] {
              gojit_rt_printpointer(nullptr, reinterpret_cast<void*>(0xc000012345));
            }),
            "0xc000012345");
  EXPECT_EQ(CaptureStderr([] {
              gojit_rt_printeface(nullptr, reinterpret_cast<const TypeDescriptor*>(0x10),
                                  reinterpret_cast<void*>(0x20));
            }),
            "(0x10,0x20)");
  EXPECT_EQ(CaptureStderr([] {
              gojit_rt_printslice(nullptr, reinterpret_cast<void*>(0xc000010000), 3, 4);
            }),
            "[3/4]0xc000010000");
  EXPECT_EQ(CaptureStderr([] {
              gojit_rt_printbool(nullptr, 1);
              gojit_rt_printsp(nullptr);
              gojit_rt_printbool(nullptr, 0);
              gojit_rt_printnl(nullptr);
            }),
            "true false\n");
  const char* s = "héllo";
  EXPECT_EQ(CaptureStderr([s] {
              gojit_rt_printstring(nullptr, reinterpret_cast<const uint8_t*>(s), 6);
            }),
            "héllo");
}

// One println statement (printlock ... printunlock) reaches fd 2 in one piece,
// at printunlock.
TEST(PrintTest, PrintlockBuffersUntilUnlock) {
  std::string before_unlock;
  std::string all = CaptureStderr([&] {
    gojit_rt_printlock(nullptr);
    gojit_rt_printint(nullptr, 42);
    gojit_rt_printsp(nullptr);
    gojit_rt_printfloat(nullptr, 1.5, 64);
    gojit_rt_printnl(nullptr);
    off_t size = lseek(2, 0, SEEK_CUR);
    before_unlock = std::to_string(size);
    gojit_rt_printunlock(nullptr);
  });
  EXPECT_EQ(before_unlock, "0");
  EXPECT_EQ(all, "42 1.5\n");
}

TEST(PrintTest, NestedPrintlockFlushesAtOutermostUnlock) {
  std::string all = CaptureStderr([] {
    gojit_rt_printlock(nullptr);
    gojit_rt_printlock(nullptr);
    gojit_rt_printint(nullptr, 1);
    gojit_rt_printunlock(nullptr);
    gojit_rt_printint(nullptr, 2);
    gojit_rt_printunlock(nullptr);
    gojit_rt_printint(nullptr, 3);  // unbuffered
  });
  EXPECT_EQ(all, "123");
}

}  // namespace
}  // namespace gojit::rt
