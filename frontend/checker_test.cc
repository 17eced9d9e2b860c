// Checker errors: small programs, each with the diagnostic gc 1.26 prints for it
// (position and text), checked through LoadProgram as the CLI uses it.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "frontend/program.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

// Loads one file holding `src` (stdlib: none) and returns the rendered diagnostics.
std::string Check(const std::string& src) {
  char path[] = "/tmp/gojit_checker_testXXXXXX.go";
  int fd = mkstemps(path, 3);
  EXPECT_GE(fd, 0);
  std::ofstream(path) << src;
  close(fd);
  Program program;
  LoadOptions options;
  options.stdlib_dir = "/nonexistent";
  (void)LoadProgram(program, {path}, options);
  std::string out = program.diags.Render();
  std::remove(path);
  // Strip the temporary file's name: keep "line:col: message".
  std::string clean;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = out.substr(start, end - start);
    size_t go = line.find(".go:");
    clean += (go == std::string::npos ? line : line.substr(go + 4)) + "\n";
    start = end + 1;
  }
  return clean;
}

TEST(CheckerTest, Undefined) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tx = 1\n}\n"), "3:2: undefined: x\n");
}

TEST(CheckerTest, DeclaredAndNotUsed) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tx := 1\n}\n"), "3:2: declared and not used: x\n");
}

TEST(CheckerTest, MismatchedTypes) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tx, s := 1, \"a\"\n\t_ = x + s\n}\n"),
            "4:6: invalid operation: x + s (mismatched types int and string)\n");
}

TEST(CheckerTest, CannotUseAsValue) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tvar s string = 5\n\t_ = s\n}\n"),
            "3:17: cannot use 5 (untyped int constant) as string value in variable declaration\n");
}

TEST(CheckerTest, Overflow) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tvar u uint8 = 256\n\t_ = u\n}\n"),
            "3:16: cannot use 256 (untyped int constant) as uint8 value in variable declaration "
            "(overflows)\n");
}

TEST(CheckerTest, MissingReturn) {
  EXPECT_EQ(Check("package main\nfunc f() int {\n}\nfunc main() { f() }\n"), "3:1: missing return\n");
}

TEST(CheckerTest, AssignmentMismatch) {
  EXPECT_EQ(Check("package main\nfunc two() (int, int) { return 1, 2 }\nfunc main() {\n\tx := two()\n\t_ = x\n}\n"),
            "4:7: assignment mismatch: 1 variable but two returns 2 values\n");
}

TEST(CheckerTest, ArgumentCount) {
  EXPECT_EQ(Check("package main\nfunc f(int) {}\nfunc main() {\n\tf(1, 2)\n}\n"),
            "4:7: too many arguments in call to f\n\thave (number, number)\n\twant (int)\n");
}

TEST(CheckerTest, NonBooleanCondition) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tif 1 {\n\t}\n}\n"),
            "3:5: non-boolean condition in if statement\n");
}

TEST(CheckerTest, BreakOutsideLoop) {
  EXPECT_EQ(Check("package main\nfunc main() {\n\tbreak\n}\n"),
            "3:2: break is not in a loop, switch, or select\n");
}

TEST(CheckerTest, DuplicateCase) {
  std::string out = Check("package main\nfunc main() {\n\tswitch 1 {\n\tcase 1:\n\tcase 1:\n\t}\n}\n");
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "5:7: duplicate case 1 (constant of type int) in expression switch");
}

TEST(CheckerTest, InitializationCycle) {
  EXPECT_EQ(Check("package main\nvar x = f()\nfunc f() int { return x }\nfunc main() {}\n"),
            "2:5: initialization cycle for x\n2:5: x refers to f\n3:6: f refers to x\n");
}

// A method reached from an initialiser counts as a function does (method call,
// value or expression on a concrete type), with gc's chain of references.
TEST(CheckerTest, InitializationCycleThroughMethod) {
  EXPECT_EQ(Check("package main\ntype T struct{}\nfunc (T) m() int { return x }\n"
                  "var x = T{}.m()\nfunc main() {}\n"),
            "4:5: initialization cycle for x\n4:5: x refers to m\n3:10: m refers to x\n");
  EXPECT_EQ(Check("package main\ntype T struct{}\nfunc (*T) m() int { return y }\n"
                  "var f = (&T{}).m\nvar y = f()\nfunc main() {}\n"),
            "4:5: initialization cycle for f\n4:5: f refers to m\n3:11: m refers to y\n"
            "5:5: y refers to f\n");
  EXPECT_EQ(Check("package main\ntype T struct{}\nfunc (T) m() int { return z }\n"
                  "var z = T.m(T{})\nfunc main() {}\n"),
            "4:5: initialization cycle for z\n4:5: z refers to m\n3:10: m refers to z\n");
}

// The chain may pass through other variables; the cycle is reported for the first
// variable declared on it, as gc does.
TEST(CheckerTest, InitializationCycleThroughVariable) {
  EXPECT_EQ(Check("package main\nvar a = b\nvar b = f()\nfunc f() int { return a }\nfunc main() {}\n"),
            "2:5: initialization cycle for a\n2:5: a refers to b\n3:5: b refers to f\n4:6: f refers to a\n");
}

// A call through an interface names no method: no dependency, no cycle.
TEST(CheckerTest, InterfaceMethodCallIsNoDependency) {
  EXPECT_EQ(Check("package main\ntype I interface{ m() int }\ntype T struct{}\n"
                  "func (T) m() int { return x }\nvar i I = T{}\nvar x = i.m()\nfunc main() {}\n"),
            "");
}

// A local `var v = expr` in a function body counts for the enclosing function.
TEST(CheckerTest, InitializationCycleThroughLocalVar) {
  EXPECT_EQ(Check("package main\nvar x = f()\nfunc f() int {\n\tvar y = x\n\treturn y\n}\n"
                  "func main() {}\n"),
            "2:5: initialization cycle for x\n2:5: x refers to f\n3:6: f refers to x\n");
}

// A go/defer operand that is not a call is the checker's error (types2's, in gc
// 1.26), at the operand, and the operand is still checked.
TEST(CheckerTest, GoDeferNeedCall) {
  EXPECT_EQ(Check("package main\nfunc g() {}\nfunc main() {\n\tgo g\n\tdefer h\n\tdefer int(1)\n}\n"),
            "4:5: expression in go must be function call\n"
            "5:8: expression in defer must be function call\n5:8: undefined: h\n"
            "6:8: defer requires function call, not conversion int(1) (constant 1 of type int)\n");
}

TEST(CheckerTest, TooManyErrorsStopsAtTen) {
  std::string src = "package main\nfunc main() {\n";
  for (int i = 0; i < 12; ++i) src += "\tundefined" + std::to_string(i) + "()\n";
  src += "}\n";
  std::string out = Check(src);
  EXPECT_NE(out.find("too many errors"), std::string::npos);
  EXPECT_EQ(out.find("undefined10"), std::string::npos);
}

// unsafe.Sizeof/Offsetof/Alignof are constants with gc's amd64 layout (size 20
// with the padding byte after the trailing struct{}, b at 4, align 4): 28.
TEST(CheckerTest, UnsafeConstants) {
  EXPECT_EQ(Check("package main\n\nimport \"unsafe\"\n\ntype T struct {\n\ta bool\n\tb [3]int32\n"
                  "\tc struct{}\n}\n\nfunc main() {\n\tvar t T\n\tvar one [1]int\n"
                  "\tvar a [unsafe.Sizeof(t) + unsafe.Offsetof(t.b) + unsafe.Alignof(t.b)]int = one\n"
                  "\t_ = a\n\t_ = unsafe.Offsetof(t)\n}\n"),
            "14:77: cannot use one (variable of type [1]int) as [28]int value in variable declaration\n"
            "16:22: invalid argument: t is not a selector expression\n");
}

}  // namespace
}  // namespace gojit::frontend
