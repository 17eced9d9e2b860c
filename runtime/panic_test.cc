// Panics and fatal errors print gc's text and exit 2. The "Go code" here is a
// handful of assembly functions registered as JIT'd functions (exact start, end
// and line table), laid out as LLVM lays out JIT'd code: frame pointer first, g
// in %rdi, runtime entries called directly. Expected texts follow go1.19 output
// for the equivalent programs.
#include <string>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

extern "C" {
const gojit::rt::TypeDescriptor* fake_panic_type = nullptr;
void* fake_panic_data = nullptr;
}

// Instruction sizes: push %rbp 1, mov %rsp,%rbp 3, movl $imm 5, movq $imm 7, call 5.
asm(R"(
        .text
        .globl  fake_index_main
        .type   fake_index_main, @function
fake_index_main:
        pushq   %rbp
        movq    %rsp, %rbp
        movl    $5, %esi
        movl    $3, %edx
        call    gojit_rt_panicindex@PLT     # returns to +0x13
        ud2
        .globl  fake_index_main_end
fake_index_main_end:

        .globl  fake_nested_main
        .type   fake_nested_main, @function
fake_nested_main:
        pushq   %rbp
        movq    %rsp, %rbp
        call    fake_nested_f               # returns to +0x9
        popq    %rbp
        ret
        .globl  fake_nested_main_end
fake_nested_main_end:
        .globl  fake_nested_f
fake_nested_f:
        pushq   %rbp
        movq    %rsp, %rbp
        movq    $-1, %rsi
        movl    $3, %edx
        call    gojit_rt_panicindex@PLT     # returns to +0x15
        ud2
        .globl  fake_nested_f_end
fake_nested_f_end:

        .globl  fake_nil_main
fake_nil_main:
        pushq   %rbp
        movq    %rsp, %rbp
        xorl    %eax, %eax
        movq    (%rax), %rax                # faults at +0x6
        ud2
        .globl  fake_nil_main_end
fake_nil_main_end:

        .globl  fake_fault_main
fake_fault_main:
        pushq   %rbp
        movq    %rsp, %rbp
        movabsq $0xdeadbeef, %rax
        movq    (%rax), %rax                # faults at +0xe
        ud2
        .globl  fake_fault_main_end
fake_fault_main_end:

        .globl  fake_div_main
fake_div_main:
        pushq   %rbp
        movq    %rsp, %rbp
        xorl    %ecx, %ecx
        movl    $1, %eax
        cqto
        idivq   %rcx                        # faults at +0xd
        ud2
        .globl  fake_div_main_end
fake_div_main_end:

        .globl  fake_gopanic_main
fake_gopanic_main:
        pushq   %rbp
        movq    %rsp, %rbp
        movq    fake_panic_type(%rip), %rsi
        movq    fake_panic_data(%rip), %rdx
        call    gojit_rt_gopanic@PLT        # returns to +0x17
        ud2
        .globl  fake_gopanic_main_end
fake_gopanic_main_end:

        .globl  fake_recurse
fake_recurse:
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $4096, %rsp
        movq    $0, (%rsp)
        call    fake_recurse
        leave
        ret
        .globl  fake_recurse_end
fake_recurse_end:
)");

extern "C" {
void fake_index_main(gojit::rt::G*);
void fake_nested_main(gojit::rt::G*);
void fake_nil_main(gojit::rt::G*);
void fake_fault_main(gojit::rt::G*);
void fake_div_main(gojit::rt::G*);
void fake_gopanic_main(gojit::rt::G*);
void fake_recurse(gojit::rt::G*);
extern char fake_index_main_end[], fake_nested_main_end[], fake_nested_f[],
    fake_nested_f_end[], fake_nil_main_end[], fake_fault_main_end[], fake_div_main_end[],
    fake_gopanic_main_end[], fake_recurse_end[];
}

namespace gojit::rt {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::ExitedWithCode;
using ::testing::HasSubstr;
using ::testing::StartsWith;

uintptr_t A(const void* p) { return reinterpret_cast<uintptr_t>(p); }

void Register(const void* start, const void* end, const char* name,
              std::vector<std::pair<uint32_t, int32_t>> lines) {
  FuncInfo f;
  f.start = A(start);
  f.end = A(end);
  f.name = name;
  f.file = "/tmp/x.go";
  f.lines = std::move(lines);
  RegisterFunction(std::move(f));
}

class PanicDeathTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool done = false;
    if (done) return;
    done = true;
    Register(reinterpret_cast<void*>(&fake_index_main), fake_index_main_end, "main.main",
             {{0, 5}, {4, 6}});
    Register(reinterpret_cast<void*>(&fake_nested_main), fake_nested_main_end,
             "main.main", {{0, 3}, {4, 4}});
    Register(fake_nested_f, fake_nested_f_end, "main.f", {{0, 9}, {4, 10}});
    Register(reinterpret_cast<void*>(&fake_nil_main), fake_nil_main_end, "main.main",
             {{0, 6}, {4, 7}});
    Register(reinterpret_cast<void*>(&fake_fault_main), fake_fault_main_end, "main.main",
             {{0, 6}, {4, 7}});
    Register(reinterpret_cast<void*>(&fake_div_main), fake_div_main_end, "main.main",
             {{0, 4}, {4, 5}});
    Register(reinterpret_cast<void*>(&fake_gopanic_main), fake_gopanic_main_end,
             "main.main", {{0, 8}, {4, 9}});
    Register(reinterpret_cast<void*>(&fake_recurse), fake_recurse_end, "main.f",
             {{0, 3}});
  }
};

TEST_F(PanicDeathTest, IndexOutOfRange) {
  EXPECT_EXIT(RunUntilDone(&fake_index_main), ExitedWithCode(2),
              "^panic: runtime error: index out of range \\[5\\] with length 3\n\n"
              "goroutine 1 \\[running\\]:\n"
              "main\\.main\\(\\)\n\t/tmp/x\\.go:6 \\+0x13\n"
              "exit status 2\n$");
}

TEST_F(PanicDeathTest, NestedFramesAndNegativeIndex) {
  EXPECT_EXIT(RunUntilDone(&fake_nested_main), ExitedWithCode(2),
              "^panic: runtime error: index out of range \\[-1\\]\n\n"
              "goroutine 1 \\[running\\]:\n"
              "main\\.f\\(\\)\n\t/tmp/x\\.go:10 \\+0x15\n"
              "main\\.main\\(\\)\n\t/tmp/x\\.go:4 \\+0x9\n"
              "exit status 2\n$");
}

TEST_F(PanicDeathTest, NilDereferenceBecomesPanicWithSignalLine) {
  std::string want = absl::StrFormat(
      "^panic: runtime error: invalid memory address or nil pointer dereference\n"
      "\\[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x%x\\]\n\n"
      "goroutine 1 \\[running\\]:\n"
      "main\\.main\\(\\)\n\t/tmp/x\\.go:7 \\+0x6\n"
      "exit status 2\n$",
      A(reinterpret_cast<void*>(&fake_nil_main)) + 6);
  EXPECT_EXIT(RunUntilDone(&fake_nil_main), ExitedWithCode(2), want);
}

TEST_F(PanicDeathTest, WildFaultIsFatal) {
  EXPECT_EXIT(
      RunUntilDone(&fake_fault_main), ExitedWithCode(2),
      AllOf(StartsWith("unexpected fault address 0xdeadbeef\nfatal error: fault\n"
                       "[signal SIGSEGV: segmentation violation code=0x1 "
                       "addr=0xdeadbeef pc="),
            HasSubstr("]\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:7 +0xe\n"),
            EndsWith("exit status 2\n")));
}

TEST_F(PanicDeathTest, HardwareDivideByZero) {
  EXPECT_EXIT(RunUntilDone(&fake_div_main), ExitedWithCode(2),
              StartsWith("panic: runtime error: integer divide by zero\n\n"
                         "goroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:5 +0xd\n"));
}

TypeDescriptor Basic(Kind k, int64_t size, const char* name) {
  TypeDescriptor t = {};
  t.size = size;
  t.kind = k;
  t.name = GoString{reinterpret_cast<const uint8_t*>(name),
                    static_cast<int64_t>(std::string_view(name).size())};
  return t;
}

TEST_F(PanicDeathTest, PanicValueInGoroutine) {
  static TypeDescriptor n = Basic(Kind::kInt, 8, "main.N");
  static int64_t five = 5;
  fake_panic_type = &n;
  fake_panic_data = &five;
  EXPECT_EXIT(RunUntilDone(&fake_gopanic_main), ExitedWithCode(2),
              "^panic: main\\.N\\(5\\)\n\ngoroutine 1 \\[running\\]:\n"
              "main\\.main\\(\\)\n\t/tmp/x\\.go:9 \\+0x17\nexit status 2\n$");
}

GoString ErrorMethod(G*, void* recv) {
  static const char kMsg[] = "E error";
  return GoString{reinterpret_cast<const uint8_t*>(kMsg), 7};
}

TEST(PanicValueDeathTest, FormatsLikePrintpanicval) {
  static TypeDescriptor str = Basic(Kind::kString, 16, "string");
  static GoString boom = {reinterpret_cast<const uint8_t*>("boom"), 4};
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&str, &boom}), ExitedWithCode(2),
              StartsWith("panic: boom\n"));
  static TypeDescriptor named_str = Basic(Kind::kString, 16, "main.S");
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&named_str, &boom}), ExitedWithCode(2),
              StartsWith("panic: main.S(\"boom\")\n"));
  static TypeDescriptor i = Basic(Kind::kInt, 8, "int");
  static int64_t minus = -42;
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&i, &minus}), ExitedWithCode(2),
              StartsWith("panic: -42\n"));
  static TypeDescriptor f = Basic(Kind::kFloat64, 8, "main.F");
  static double onehalf = 1.5;
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&f, &onehalf}), ExitedWithCode(2),
              StartsWith("panic: main.F(1.5)\n"));
  static TypeDescriptor b = Basic(Kind::kBool, 1, "bool");
  static uint8_t yes = 1;
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&b, &yes}), ExitedWithCode(2),
              StartsWith("panic: true\n"));
  static TypeDescriptor st = Basic(Kind::kStruct, 8, "main.T");
  static int64_t word = 0;
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&st, &word}), ExitedWithCode(2),
              "^panic: \\(main\\.T\\) 0x[0-9a-f]+\n");
  static MethodDesc methods[] = {{GoString{reinterpret_cast<const uint8_t*>("Error"), 5},
                                  reinterpret_cast<void*>(&ErrorMethod)}};
  static TypeDescriptor e = Basic(Kind::kInt, 8, "main.E");
  e.methods = methods;
  e.nmethods = 1;
  EXPECT_EXIT(PanicValue(nullptr, GoEface{&e, &word}), ExitedWithCode(2),
              StartsWith("panic: E error\n"));
  EXPECT_EXIT(PanicValue(nullptr, GoEface{nullptr, nullptr}), ExitedWithCode(2),
              "^panic: nil\nexit status 2\n$");
}

TEST(PanicTextDeathTest, RuntimeErrors) {
  EXPECT_EXIT(
      gojit_rt_panicbounds(nullptr, 2, 5, 3), ExitedWithCode(2),
      StartsWith(
          "panic: runtime error: slice bounds out of range [:5] with capacity 3\n"));
  EXPECT_EXIT(gojit_rt_panicbounds(nullptr, 2, -2, 3), ExitedWithCode(2),
              StartsWith("panic: runtime error: slice bounds out of range [:-2]\n"));
  EXPECT_EXIT(gojit_rt_panicdivide(nullptr), ExitedWithCode(2),
              StartsWith("panic: runtime error: integer divide by zero\n"));
  EXPECT_EXIT(gojit_rt_panicshift(nullptr), ExitedWithCode(2),
              StartsWith("panic: runtime error: negative shift amount\n"));
  EXPECT_EXIT(gojit_rt_panicnilmem(nullptr), ExitedWithCode(2),
              StartsWith("panic: runtime error: invalid memory address or nil pointer "
                         "dereference\n"));
}

TEST(ThrowDeathTest, FatalError) {
  EXPECT_EXIT(Throw("boom"), ExitedWithCode(2), "^fatal error: boom\nexit status 2\n$");
  const char* msg = "unsupported construct";
  EXPECT_EXIT(gojit_rt_throw(nullptr, reinterpret_cast<const uint8_t*>(msg), 21),
              ExitedWithCode(2), StartsWith("fatal error: unsupported construct\n"));
}

void CrashInCxx(G*) {
  volatile int* p = nullptr;
  *p = 1;
}

TEST(SignalDeathTest, FaultOutsideGoCodeIsUnexpectedSignal) {
  EXPECT_EXIT(
      RunUntilDone(&CrashInCxx), ExitedWithCode(2),
      AllOf(StartsWith("fatal error: unexpected signal during runtime execution\n"
                       "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc="),
            HasSubstr("\n\ngoroutine 1 [running]:\n")));
}

}  // namespace
}  // namespace gojit::rt
