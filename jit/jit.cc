// The LLJIT wrapper; see jit.h. Three parts: the optimisation pipeline (Optimize),
// symbol registration (Create), and PcTablePlugin, the JITLink plugin that builds
// the PC table for the runtime.
//
// How the PC table is built. JITLink drops debug sections from the link graph, so
// line tables are read from the relocatable object itself when JITLink is handed it
// (Plugin::notifyMaterializing): DWARFContext applies the object's relocations, so
// each function's rows come out as offsets into its section, and subtracting the
// function symbol's own offset gives (pc offset from function start, line). After
// fixups (PostFixupPasses) every defined callable symbol has its final address and
// size; the two are joined by symbol name and handed to rt::RegisterFunction before
// any of the code can run. RuntimeDyld with a JITEventListener (as the perf and
// GDB listeners do) was the alternative; JITLink is LLJIT's default on x86-64 and
// is the linker the split-stack prologue's __morestack calls were checked with.
#include "jit/jit.h"

#include "jit/loop_safepoints.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "llvm/DebugInfo/DWARF/DWARFContext.h"
#include "llvm/ExecutionEngine/JITLink/JITLink.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Object/SymbolSize.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/IPO/GlobalDCE.h"
#include "runtime/entrypoints.h"
#include "runtime/global_roots.h"
#include "stdlib/natives.h"

namespace gojit::jit {
namespace {

absl::Status ToStatus(llvm::Error err) {
  if (!err) return absl::OkStatus();
  return absl::InternalError(absl::StrCat("jit: ", llvm::toString(std::move(err))));
}

llvm::CodeGenOptLevel CodeGenLevel(int opt_level) {
  switch (opt_level) {
    case 0:
      return llvm::CodeGenOptLevel::None;
    case 1:
      return llvm::CodeGenOptLevel::Less;
    case 2:
      return llvm::CodeGenOptLevel::Default;
    default:
      return llvm::CodeGenOptLevel::Aggressive;
  }
}

void InitializeLlvmOnce() {
  static const bool done = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    // Go forbids reassociating floating-point arithmetic, so `sum += f(i) * x[i]` is
    // a strict (in-order) reduction. LLVM vectorises such loops only where the target
    // opts in (AArch64) or this option forces it: the loop body (conversions,
    // divisions, products) then runs on vectors and the sums are added lane by lane
    // in source order, so results are bit-identical to the scalar loop.
    llvm::StringMap<llvm::cl::Option*>& options = llvm::cl::getRegisteredOptions();
    if (auto it = options.find("force-ordered-reductions"); it != options.end()) {
      it->second->addOccurrence(0, "force-ordered-reductions", "true");
    }
    // X86DomainReassignment (on AVX-512 hosts, moving integer chains into mask
    // registers) is superlinear in a function's size: on a loop body of 4,000
    // statements it took 5 of the 6.4 s that code generation took (llc -O2
    // -mcpu=native, this machine), and it seldom changes the code of Go programs.
    if (auto it = options.find("disable-x86-domain-reassignment"); it != options.end()) {
      it->second->addOccurrence(0, "disable-x86-domain-reassignment", "true");
    }
    return true;
  }();
  (void)done;
}

absl::StatusOr<llvm::orc::JITTargetMachineBuilder> HostMachine(int opt_level) {
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) return ToStatus(jtmb.takeError());
  jtmb->setCodeGenOptLevel(CodeGenLevel(opt_level));
  // What LLJIT sets when it links with JITLink: the runtime and libc lie more than
  // 2 GiB from JIT'd code, reached through the GOT entries JITLink builds (and PLT
  // stubs for the few direct calls left: __morestack, the loop polls' inline asm).
  jtmb->setRelocationModel(llvm::Reloc::PIC_);
  jtmb->setCodeModel(llvm::CodeModel::Small);
  // GOT references are emitted as plain R_X86_64_GOTPCREL, which JITLink leaves
  // as they are: JITLink 19 relaxes a relaxable `call *f@GOTPCREL(%rip)` into an
  // `addr32 call` to a wrong address (found when calls went through the GOT, see
  // PrepareAndOptimize). A GOT load is one more load than a relaxed lea; calls
  // through the GOT are one jump fewer than through a PLT stub.
  jtmb->getOptions().MCOptions.X86RelaxRelocations = false;
  return std::move(*jtmb);
}

// Line rows of one function in the relocatable object.
struct ObjectFunction {
  std::string file;
  std::vector<std::pair<uint32_t, int32_t>> lines;  // (offset from start, line)
  std::vector<rt::FuncInfo::InlineRange> inlined;   // see rt::FuncInfo
};

bool SameInlining(const rt::FuncInfo::InlineRange& a, const rt::FuncInfo::InlineRange& b) {
  if (a.outer_line != b.outer_line || a.frames.size() != b.frames.size()) return false;
  for (size_t i = 0; i < a.frames.size(); ++i) {
    if (a.frames[i].name != b.frames[i].name || a.frames[i].line != b.frames[i].line) {
      return false;
    }
  }
  return true;
}

// Reads each function's line table from a relocatable object's DWARF.
std::map<std::string, ObjectFunction> ReadLineTables(llvm::MemoryBufferRef buffer) {
  std::map<std::string, ObjectFunction> out;
  auto obj = llvm::object::ObjectFile::createObjectFile(buffer);
  if (!obj) {
    llvm::consumeError(obj.takeError());
    return out;
  }
  bool has_lines = false;
  for (const llvm::object::SectionRef& sec : (*obj)->sections()) {
    auto name = sec.getName();
    if (name && *name == ".debug_line") has_lines = true;
    if (!name) llvm::consumeError(name.takeError());
  }
  if (!has_lines) return out;
  std::unique_ptr<llvm::DWARFContext> dwarf = llvm::DWARFContext::create(**obj);
  llvm::DILineInfoSpecifier spec(
      llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath,
      llvm::DILineInfoSpecifier::FunctionNameKind::None);
  llvm::DILineInfoSpecifier named_spec(
      llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath,
      llvm::DILineInfoSpecifier::FunctionNameKind::LinkageName);
  for (const auto& [sym, size] : llvm::object::computeSymbolSizes(**obj)) {
    auto type = sym.getType();
    auto name = sym.getName();
    auto addr = sym.getAddress();
    auto sec = sym.getSection();
    if (!type || !name || !addr || !sec ||
        *type != llvm::object::SymbolRef::ST_Function || *sec == (*obj)->section_end()) {
      if (!type) llvm::consumeError(type.takeError());
      if (!name) llvm::consumeError(name.takeError());
      if (!addr) llvm::consumeError(addr.takeError());
      if (!sec) llvm::consumeError(sec.takeError());
      continue;
    }
    llvm::DILineInfoTable rows =
        dwarf->getLineInfoForAddressRange({*addr, (*sec)->getIndex()}, size, spec);
    ObjectFunction& f = out[name->str()];
    for (const auto& [row_addr, info] : rows) {
      // The inlining chain at this row (gc prints inlined calls as frames).
      llvm::DIInliningInfo chain =
          dwarf->getInliningInfoForAddress({row_addr, (*sec)->getIndex()}, named_spec);
      rt::FuncInfo::InlineRange range;
      range.offset = static_cast<uint32_t>(row_addr - *addr);
      uint32_t n = chain.getNumberOfFrames();
      if (n > 1) {
        for (uint32_t i = 0; i + 1 < n; ++i) {
          const llvm::DILineInfo& fr = chain.getFrame(i);
          range.frames.push_back({fr.FunctionName, fr.FileName, static_cast<int32_t>(fr.Line)});
        }
        range.outer_line = static_cast<int32_t>(chain.getFrame(n - 1).Line);
      }
      if (f.inlined.empty() ? !range.frames.empty() : !SameInlining(f.inlined.back(), range)) {
        if (!f.inlined.empty() && f.inlined.back().offset == range.offset) {
          f.inlined.back() = std::move(range);
        } else {
          f.inlined.push_back(std::move(range));
        }
      }
      // Line 0 rows are compiler-made code with no source line; the previous
      // row's line covers them, as gc's pcln does for its own such code.
      if (info.Line == 0) continue;
      if (f.file.empty()) f.file = info.FileName;
      auto offset = static_cast<uint32_t>(row_addr - *addr);
      auto line = static_cast<int32_t>(info.Line);
      if (!f.lines.empty() && f.lines.back().second == line) continue;
      if (!f.lines.empty() && f.lines.back().first == offset) {
        f.lines.back().second = line;
        continue;
      }
      f.lines.emplace_back(offset, line);
    }
  }
  return out;
}

// How gc names a generic instance in tracebacks and runtime.FuncForPC: its type
// arguments elided, "main.F[...]" and "main.(*List[...]).Push" for the symbols
// main.F[int] and main.(*List[int]).Push.
std::string TracebackName(const std::string& symbol) {
  if (symbol.find('[') == std::string::npos) return symbol;
  std::string out;
  int depth = 0;
  for (char c : symbol) {
    if (c == '[') {
      if (depth++ == 0) out += "[...]";
    } else if (c == ']') {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// Registers every function JITLink links with rt::RegisterFunction; see the top.
class PcTablePlugin : public llvm::orc::ObjectLinkingLayer::Plugin {
 public:
  explicit PcTablePlugin(std::shared_ptr<FunctionTable> table)
      : table_(std::move(table)) {}

  void notifyMaterializing(llvm::orc::MaterializationResponsibility&,
                           llvm::jitlink::LinkGraph& g, llvm::jitlink::JITLinkContext&,
                           llvm::MemoryBufferRef object) override {
    if (object.getBufferSize() == 0) return;
    auto lines = ReadLineTables(object);
    std::lock_guard<std::mutex> lock(mu_);
    pending_[&g] = std::move(lines);
  }

  void modifyPassConfig(llvm::orc::MaterializationResponsibility&,
                        llvm::jitlink::LinkGraph&,
                        llvm::jitlink::PassConfiguration& config) override {
    // The debug sections (never allocated; the line tables were read from the
    // object in notifyMaterializing) leave the graph before the layer computes
    // symbol dependencies (its own pre-fixup pass, added after this one). They
    // refer to the code block, which made each of them a dependant that LLVM 19's
    // computeBlockNonLocalDeps copied the code block's every dependency into.
    config.PreFixupPasses.push_back([](llvm::jitlink::LinkGraph& g) -> llvm::Error {
      std::vector<llvm::jitlink::Section*> debug;
      for (llvm::jitlink::Section& sec : g.sections()) {
        if (sec.getMemLifetime() == llvm::orc::MemLifetime::NoAlloc) debug.push_back(&sec);
      }
      for (llvm::jitlink::Section* sec : debug) g.removeSection(*sec);
      return llvm::Error::success();
    });
    config.PostFixupPasses.push_back([this](llvm::jitlink::LinkGraph& g) -> llvm::Error {
      Register(g);
      return llvm::Error::success();
    });
  }

  llvm::Error notifyFailed(llvm::orc::MaterializationResponsibility&) override {
    return llvm::Error::success();
  }
  llvm::Error notifyRemovingResources(llvm::orc::JITDylib&,
                                      llvm::orc::ResourceKey) override {
    return llvm::Error::success();
  }
  void notifyTransferringResources(llvm::orc::JITDylib&, llvm::orc::ResourceKey,
                                   llvm::orc::ResourceKey) override {}

 private:
  void Register(llvm::jitlink::LinkGraph& g) {
    std::map<std::string, ObjectFunction> lines;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = pending_.find(&g);
      if (it != pending_.end()) {
        lines = std::move(it->second);
        pending_.erase(it);
      }
    }
    std::vector<rt::FuncInfo> infos;
    for (llvm::jitlink::Symbol* sym : g.defined_symbols()) {
      if (!sym->hasName() || !sym->isCallable() || sym->getSize() == 0) continue;
      rt::FuncInfo info;
      info.start = static_cast<uintptr_t>(sym->getAddress().getValue());
      info.end = info.start + static_cast<uintptr_t>(sym->getSize());
      info.name = sym->getName().str();
      if (auto it = lines.find(info.name); it != lines.end()) {
        info.file = std::move(it->second.file);
        info.lines = std::move(it->second.lines);
        info.inlined = std::move(it->second.inlined);
      }
      info.name = TracebackName(info.name);
      for (auto& range : info.inlined)
        for (auto& frame : range.frames) frame.name = TracebackName(frame.name);
      table_->Add(info);
      infos.push_back(std::move(info));
    }
    rt::RegisterFunctions(std::move(infos));
    // The package variables that hold pointers (ir/ emits the table): roots for
    // the collector. Fixups are applied, so the table's addresses are final.
    for (llvm::jitlink::Symbol* sym : g.defined_symbols()) {
      if (sym->hasName() && sym->getName() == rt::kGlobalRootsSymbol) {
        rt::RegisterGlobalRoots(
            reinterpret_cast<const rt::GlobalRootTable*>(sym->getAddress().getValue()));
      }
    }
  }

  std::shared_ptr<FunctionTable> table_;
  std::mutex mu_;
  std::map<const llvm::jitlink::LinkGraph*, std::map<std::string, ObjectFunction>>
      pending_;  // guarded by mu_
};

}  // namespace

void FunctionTable::Add(const rt::FuncInfo& f) {
  std::lock_guard<std::mutex> lock(mu_);
  funcs_.push_back(f);
}

std::vector<rt::FuncInfo> FunctionTable::Snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return funcs_;
}

std::optional<rt::FuncInfo> FunctionTable::Find(uintptr_t pc) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const rt::FuncInfo& f : funcs_) {
    if (f.start <= pc && pc < f.end) return f;
  }
  return std::nullopt;
}

Jit::~Jit() = default;

absl::StatusOr<std::unique_ptr<Jit>> Jit::Create(JitOptions options) {
  InitializeLlvmOnce();
  std::unique_ptr<Jit> jit(new Jit);
  jit->options_ = options;
  auto jtmb = HostMachine(options.opt_level);
  if (!jtmb.ok()) return jtmb.status();
  auto tm = jtmb->createTargetMachine();
  if (!tm) return ToStatus(tm.takeError());
  jit->tm_ = std::move(*tm);

  auto lljit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(*jtmb).create();
  if (!lljit) return ToStatus(lljit.takeError());
  jit->lljit_ = std::move(*lljit);
  llvm::orc::LLJIT& j = *jit->lljit_;

  auto* linking = llvm::dyn_cast<llvm::orc::ObjectLinkingLayer>(&j.getObjLinkingLayer());
  if (linking == nullptr) {
    return absl::InternalError("jit: LLJIT did not use JITLink's ObjectLinkingLayer");
  }
  linking->addPlugin(std::make_unique<PcTablePlugin>(jit->functions_));

  // Runtime entry points and stdlib natives, as absolute symbols.
  llvm::orc::MangleAndInterner mangle(j.getExecutionSession(), j.getDataLayout());
  llvm::orc::SymbolMap symbols;
  auto flags = llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable;
  for (const rt::RuntimeSymbol& s : rt::RuntimeSymbols()) {
    symbols[mangle(s.name)] = {llvm::orc::ExecutorAddr::fromPtr(s.address), flags};
  }
  // The write barrier's flag (runtime/mbarrier.cc), read by JIT'd code.
  symbols[mangle("gojit_rt_writebarrier")] = {llvm::orc::ExecutorAddr::fromPtr(&gojit_rt_writebarrier),
                                             llvm::JITSymbolFlags::Exported};
  for (const stdlib::NativeSymbol& n : stdlib::NativeSymbols()) {
    symbols[mangle(stdlib::NativeSymbolName(n))] = {
        llvm::orc::ExecutorAddr::fromPtr(reinterpret_cast<void*>(n.fn)), flags};
  }
  llvm::orc::JITDylib& main = j.getMainJITDylib();
  if (auto err = main.define(llvm::orc::absoluteSymbols(std::move(symbols)))) {
    return ToStatus(std::move(err));
  }
  // libc (memcpy, memset, memmove, ...) for calls LLVM itself emits.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      j.getDataLayout().getGlobalPrefix());
  if (!process) return ToStatus(process.takeError());
  main.addGenerator(std::move(*process));
  return jit;
}

absl::Status Jit::DefineAbsolute(std::string_view name, const void* address) {
  llvm::orc::LLJIT& j = *lljit_;
  llvm::orc::MangleAndInterner mangle(j.getExecutionSession(), j.getDataLayout());
  llvm::orc::SymbolMap symbols;
  symbols[mangle(llvm::StringRef(name.data(), name.size()))] = {
      llvm::orc::ExecutorAddr::fromPtr(address),
      llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  return ToStatus(
      j.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols))));
}

absl::StatusOr<std::string> Jit::CompileModule(llvm::Module& module) {
  if (absl::Status st = OptimizeModule(module); !st.ok()) return st;
  return GenerateObject(module);
}

constexpr llvm::StringLiteral kNativePrefix = "gojit.native.";

namespace {

// A native the code still calls after optimisation (its stub survived) that no
// table defines: a body that stops the program with a fatal error naming it, if it
// is ever called. Only a run knows: a package is optimised on its own
// (package_split.h), so a call that whole-program constant propagation would have
// removed (behind a CPU feature test, say) can survive and never be reached.
void DefineMissingNative(llvm::Function& f) {
  llvm::Module& m = *f.getParent();
  llvm::LLVMContext& ctx = m.getContext();
  std::string message = absl::StrCat(
      "missing native: ", f.getName().drop_front(kNativePrefix.size()).str(),
      " has no body in Go's library and no native in gojit (stdlib/natives.h)");
  llvm::IRBuilder<> ir(llvm::BasicBlock::Create(ctx, "entry", &f));
  llvm::Constant* text = ir.CreateGlobalString(message, "", 0, &m);
  llvm::FunctionCallee throw_fn = m.getOrInsertFunction(
      "gojit_rt_throw", ir.getVoidTy(), ir.getPtrTy(), ir.getPtrTy(), ir.getInt64Ty());
  ir.CreateCall(throw_fn, {f.getArg(0), text, ir.getInt64(message.size())});
  ir.CreateUnreachable();
  f.setLinkage(llvm::GlobalValue::LinkOnceODRLinkage);
  f.setVisibility(llvm::GlobalValue::HiddenVisibility);
}

// OptimizeModule's work with a given target machine: sets an empty layout and
// triple to tm's, verifies, optimises, and checks that every native reached exists.
absl::Status PrepareAndOptimize(llvm::Module& module, int opt_level, llvm::TargetMachine& tm) {
  if (module.getDataLayout().isDefault()) module.setDataLayout(tm.createDataLayout());
  if (module.getTargetTriple().empty()) module.setTargetTriple(tm.getTargetTriple().str());
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(module, &os)) {
    return absl::InternalError(absl::StrCat("jit: invalid module: ", os.str()));
  }
  Jit::Optimize(module, opt_level, &tm);
  // ir/ gives functions internal linkage so the optimiser can drop the ones nothing
  // reaches; the survivors are made external again, because JITLink registers (for
  // tracebacks) and keeps only named global symbols.
  for (llvm::Function& f : module) {
    if (!f.isDeclaration() && f.hasLocalLinkage()) {
      f.setLinkage(llvm::GlobalValue::ExternalLinkage);
      f.setVisibility(llvm::GlobalValue::HiddenVisibility);
    }
  }
  // Calls to functions defined elsewhere (the runtime, natives, other packages)
  // go through the GOT (`call *f@GOTPCREL(%rip)`, as -fno-plt compiles them), not
  // through PLT stubs. JITLink turns each stub into a block of the graph that
  // depends on its GOT entry, and LLVM 19's ObjectLinkingLayer then propagates the
  // code block's dependencies once per stub (computeBlockNonLocalDeps): quadratic
  // in a package's external callees, 60% of linking a cached net/http program.
  for (llvm::Function& f : module) {
    if (f.isDeclaration() && !f.isIntrinsic()) f.addFnAttr(llvm::Attribute::NonLazyBind);
  }
  std::vector<llvm::Function*> missing;
  for (llvm::Function& f : module) {
    llvm::StringRef name = f.getName();
    if (f.isDeclaration() && !f.use_empty() && name.starts_with(kNativePrefix) &&
        !stdlib::IsNative(name.drop_front(kNativePrefix.size()).str())) {
      missing.push_back(&f);
    }
  }
  for (llvm::Function* f : missing) DefineMissingNative(*f);
  // Nothing unwinds through Go code (a panic longjmps), so every function is
  // nounwind, those made here too: one function that might unwind puts the whole
  // object's call-frame information in .eh_frame, whose one record per function
  // JITLink makes a block that depends on the code block, and LLVM 19's
  // dependency propagation is then quadratic in the object's functions (crypto/tls
  // alone took a second to link). With all nounwind, the frames go to .debug_frame.
  for (llvm::Function& f : module) {
    if (!f.isDeclaration()) f.addFnAttr(llvm::Attribute::NoUnwind);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Codegen(llvm::Module& module, llvm::TargetMachine& tm) {
  llvm::orc::SimpleCompiler compile(tm);
  auto object = compile(module);
  if (!object) return ToStatus(object.takeError());
  return std::string((*object)->getBuffer());
}

}  // namespace

absl::Status Jit::OptimizeModule(llvm::Module& module) {
  return PrepareAndOptimize(module, options_.opt_level, *tm_);
}

absl::StatusOr<std::string> Jit::CompileForHost(llvm::Module& module, int opt_level) {
  InitializeLlvmOnce();
  auto jtmb = HostMachine(opt_level);
  if (!jtmb.ok()) return jtmb.status();
  auto tm = jtmb->createTargetMachine();
  if (!tm) return ToStatus(tm.takeError());
  if (absl::Status st = PrepareAndOptimize(module, opt_level, **tm); !st.ok()) return st;
  return Codegen(module, **tm);
}

absl::StatusOr<std::string> Jit::GenerateObject(llvm::Module& module) {
  return Codegen(module, *tm_);
}

absl::Status Jit::AddObject(std::string object) {
  return ToStatus(lljit_->addObjectFile(
      llvm::MemoryBuffer::getMemBufferCopy(object, "gojit-program")));
}

absl::Status Jit::AddModule(std::unique_ptr<llvm::Module> module,
                            std::unique_ptr<llvm::LLVMContext> context) {
  auto object = CompileModule(*module);
  if (!object.ok()) return object.status();
  module.reset();
  context.reset();
  return AddObject(std::move(*object));
}

absl::StatusOr<uintptr_t> Jit::Lookup(std::string_view name) {
  auto addr = lljit_->lookup(llvm::StringRef(name.data(), name.size()));
  if (!addr) return ToStatus(addr.takeError());
  return static_cast<uintptr_t>(addr->getValue());
}

void Jit::Optimize(llvm::Module& module, int opt_level, llvm::TargetMachine* tm) {
  if (opt_level <= 0) {
    InsertLoopSafepoints(module);
    return;
  }
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = opt_level == 1   ? llvm::OptimizationLevel::O1
                                  : opt_level == 2 ? llvm::OptimizationLevel::O2
                                                   : llvm::OptimizationLevel::O3;
  // Drop what the program never reaches first: every Go function has internal
  // linkage, and a program imports whole packages of which it calls a few
  // functions. The default pipeline removes dead functions only late (GlobalDCE
  // after the inliner), so without this it would optimise all of fmt's and
  // reflect's code for hello world.
  llvm::ModulePassManager mpm;
  mpm.addPass(llvm::GlobalDCEPass());
  mpm.addPass(pb.buildPerModuleDefaultPipeline(level));
  mpm.run(module, mam);
  // After the pipeline, so that the polls do not stop it (loop_safepoints.h).
  InsertLoopSafepoints(module);
}

namespace {

// The host's target machine, with module's layout and triple set to it.
absl::StatusOr<std::unique_ptr<llvm::TargetMachine>> HostMachineFor(llvm::Module& module,
                                                                   int opt_level) {
  InitializeLlvmOnce();
  auto jtmb = HostMachine(opt_level);
  if (!jtmb.ok()) return jtmb.status();
  auto tm = jtmb->createTargetMachine();
  if (!tm) return ToStatus(tm.takeError());
  module.setDataLayout((*tm)->createDataLayout());
  module.setTargetTriple((*tm)->getTargetTriple().str());
  return std::move(*tm);
}

}  // namespace

absl::Status Jit::OptimizeForHost(llvm::Module& module, int opt_level) {
  auto tm = HostMachineFor(module, opt_level);
  if (!tm.ok()) return tm.status();
  Optimize(module, opt_level, tm->get());
  return absl::OkStatus();
}

absl::StatusOr<std::string> Jit::EmitAssembly(llvm::Module& module, int opt_level) {
  auto tm = HostMachineFor(module, opt_level);
  if (!tm.ok()) return tm.status();
  Optimize(module, opt_level, tm->get());
  llvm::SmallString<4096> text;
  llvm::raw_svector_ostream os(text);
  llvm::legacy::PassManager pm;
  if ((*tm)->addPassesToEmitFile(pm, os, nullptr, llvm::CodeGenFileType::AssemblyFile)) {
    return absl::InternalError("jit: the target cannot emit assembly");
  }
  pm.run(module);
  return std::string(text.str());
}

}  // namespace gojit::jit
