// Tests of the JIT wrapper on hand-built modules: calling JIT'd code, calling an
// absolute symbol defined from C++, runtime/native symbol registration, the PC
// table (ranges and DWARF line tables) handed to rt::RegisterFunction, and
// --emit=asm output.
#include "jit/jit.h"

#include <cstdint>

#include "gtest/gtest.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "stdlib/natives.h"

namespace gojit::jit {
namespace {

struct Built {
  std::unique_ptr<llvm::LLVMContext> ctx = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> mod;
};

// Go's function attributes: frame pointers always, no red zone.
void GoAttributes(llvm::Function* f) {
  f->addFnAttr("frame-pointer", "all");
  f->addFnAttr(llvm::Attribute::NoRedZone);
}

// i64 @name(ptr %g, i64 %a, i64 %b) { ret a + b }, with DWARF for file /tmp/add.go
// when debug is set: the add is on line 4, the return on line 5.
Built AddModule(const char* name, bool debug) {
  Built b;
  b.mod = std::make_unique<llvm::Module>("test", *b.ctx);
  llvm::IRBuilder<> ir(*b.ctx);
  auto* i64 = ir.getInt64Ty();
  auto* type = llvm::FunctionType::get(i64, {ir.getPtrTy(), i64, i64}, false);
  auto* f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, *b.mod);
  GoAttributes(f);
  ir.SetInsertPoint(llvm::BasicBlock::Create(*b.ctx, "entry", f));
  std::unique_ptr<llvm::DIBuilder> di;
  llvm::DISubprogram* sp = nullptr;
  if (debug) {
    b.mod->addModuleFlag(llvm::Module::Warning, "Debug Info Version",
                         llvm::DEBUG_METADATA_VERSION);
    b.mod->addModuleFlag(llvm::Module::Warning, "Dwarf Version", 5);
    di = std::make_unique<llvm::DIBuilder>(*b.mod);
    auto* file = di->createFile("add.go", "/tmp");
    di->createCompileUnit(llvm::dwarf::DW_LANG_Go, file, "gojit", false, "", 0);
    sp = di->createFunction(file, name, name, file, 3,
                            di->createSubroutineType(di->getOrCreateTypeArray({})), 3,
                            llvm::DINode::FlagZero, llvm::DISubprogram::SPFlagDefinition);
    f->setSubprogram(sp);
    ir.SetCurrentDebugLocation(llvm::DILocation::get(*b.ctx, 4, 1, sp));
  }
  llvm::Value* sum = ir.CreateAdd(f->getArg(1), f->getArg(2));
  // Keep the add out of the ret's line with a volatile round trip through memory.
  auto* slot = ir.CreateAlloca(i64);
  ir.CreateStore(sum, slot, /*isVolatile=*/true);
  if (debug) ir.SetCurrentDebugLocation(llvm::DILocation::get(*b.ctx, 5, 1, sp));
  ir.CreateRet(ir.CreateLoad(i64, slot, /*isVolatile=*/true));
  if (debug) di->finalize();
  return b;
}

int64_t Triple(void*, int64_t x) { return 3 * x; }

TEST(JitTest, CallsJittedFunction) {
  auto jit = Jit::Create({.opt_level = 2});
  ASSERT_TRUE(jit.ok()) << jit.status();
  Built b = AddModule("add", false);
  ASSERT_TRUE((*jit)->AddModule(std::move(b.mod), std::move(b.ctx)).ok());
  auto addr = (*jit)->Lookup("add");
  ASSERT_TRUE(addr.ok()) << addr.status();
  auto* add = reinterpret_cast<int64_t (*)(void*, int64_t, int64_t)>(*addr);
  EXPECT_EQ(add(nullptr, 40, 2), 42);
  EXPECT_EQ(add(nullptr, -5, 3), -2);
}

TEST(JitTest, CallsAbsoluteSymbolFromCpp) {
  auto jit = Jit::Create({.opt_level = 0});
  ASSERT_TRUE(jit.ok()) << jit.status();
  ASSERT_TRUE(
      (*jit)->DefineAbsolute("test.triple", reinterpret_cast<void*>(&Triple)).ok());
  Built b;
  b.mod = std::make_unique<llvm::Module>("test", *b.ctx);
  llvm::IRBuilder<> ir(*b.ctx);
  auto* i64 = ir.getInt64Ty();
  auto* callee_type = llvm::FunctionType::get(i64, {ir.getPtrTy(), i64}, false);
  auto callee = b.mod->getOrInsertFunction("test.triple", callee_type);
  auto* f = llvm::Function::Create(callee_type, llvm::Function::ExternalLinkage, "caller",
                                   *b.mod);
  GoAttributes(f);
  ir.SetInsertPoint(llvm::BasicBlock::Create(*b.ctx, "entry", f));
  llvm::Value* r = ir.CreateCall(callee, {f->getArg(0), f->getArg(1)});
  ir.CreateRet(ir.CreateAdd(r, ir.getInt64(1)));
  ASSERT_TRUE((*jit)->AddModule(std::move(b.mod), std::move(b.ctx)).ok());
  auto addr = (*jit)->Lookup("caller");
  ASSERT_TRUE(addr.ok()) << addr.status();
  EXPECT_EQ(reinterpret_cast<int64_t (*)(void*, int64_t)>(*addr)(nullptr, 14), 43);
}

TEST(JitTest, RegistersRuntimeAndNativeSymbols) {
  auto jit = Jit::Create({});
  ASSERT_TRUE(jit.ok()) << jit.status();
  ASSERT_FALSE(rt::RuntimeSymbols().empty());
  for (const rt::RuntimeSymbol& s : rt::RuntimeSymbols()) {
    auto addr = (*jit)->Lookup(s.name);
    ASSERT_TRUE(addr.ok()) << s.name << ": " << addr.status();
    EXPECT_EQ(*addr, reinterpret_cast<uintptr_t>(s.address)) << s.name;
  }
  for (const stdlib::NativeSymbol& n : stdlib::NativeSymbols()) {
    auto addr = (*jit)->Lookup(stdlib::NativeSymbolName(n));
    ASSERT_TRUE(addr.ok()) << n.go_name << ": " << addr.status();
    EXPECT_EQ(*addr, reinterpret_cast<uintptr_t>(n.fn)) << n.go_name;
  }
  auto println = (*jit)->Lookup("gojit.native.fmt.printlnFd1");
  EXPECT_TRUE(println.ok());
  EXPECT_TRUE((*jit)->Lookup("memcpy").ok());  // through the process generator
  EXPECT_FALSE((*jit)->Lookup("no.such.symbol").ok());
}

TEST(JitTest, RegistersFunctionRangesAndLines) {
  for (int opt : {0, 2}) {
    SCOPED_TRACE(opt);
    auto jit = Jit::Create({.opt_level = opt});
    ASSERT_TRUE(jit.ok()) << jit.status();
    Built b = AddModule("main.add", true);
    ASSERT_TRUE((*jit)->AddModule(std::move(b.mod), std::move(b.ctx)).ok());
    auto addr = (*jit)->Lookup("main.add");
    ASSERT_TRUE(addr.ok()) << addr.status();
    std::optional<rt::FuncInfo> f = (*jit)->functions().Find(*addr);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->name, "main.add");
    EXPECT_EQ(f->start, *addr);
    EXPECT_GT(f->end, f->start);
    EXPECT_FALSE((*jit)->functions().Find(f->end).has_value());
    EXPECT_EQ(f->file, "/tmp/add.go");
    ASSERT_FALSE(f->lines.empty());
    bool saw4 = false, saw5 = false;
    for (size_t i = 0; i < f->lines.size(); ++i) {
      auto [offset, line] = f->lines[i];
      EXPECT_LT(offset, f->end - f->start);
      if (i > 0) {
        EXPECT_GT(offset, f->lines[i - 1].first);
      }
      saw4 |= line == 4;
      saw5 |= line == 5;
    }
    EXPECT_TRUE(saw4);
    EXPECT_TRUE(saw5);
    auto* add = reinterpret_cast<int64_t (*)(void*, int64_t, int64_t)>(*addr);
    EXPECT_EQ(add(nullptr, 1, 2), 3);
  }
}

TEST(JitTest, RejectsInvalidModule) {
  auto jit = Jit::Create({});
  ASSERT_TRUE(jit.ok()) << jit.status();
  Built b;
  b.mod = std::make_unique<llvm::Module>("bad", *b.ctx);
  llvm::IRBuilder<> ir(*b.ctx);
  auto* f = llvm::Function::Create(llvm::FunctionType::get(ir.getVoidTy(), false),
                                   llvm::Function::ExternalLinkage, "noterm", *b.mod);
  llvm::BasicBlock::Create(*b.ctx, "entry", f);  // no terminator
  EXPECT_FALSE((*jit)->AddModule(std::move(b.mod), std::move(b.ctx)).ok());
}

TEST(JitTest, EmitsAssemblyWithFramePointer) {
  Built b = AddModule("add", false);
  auto text = Jit::EmitAssembly(*b.mod, 2);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_NE(text->find("add:"), std::string::npos) << *text;
  EXPECT_NE(text->find("pushq\t%rbp"), std::string::npos) << *text;
}

}  // namespace
}  // namespace gojit::jit
