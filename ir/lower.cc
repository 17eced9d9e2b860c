// Lowering a whole program: every function and method of the program's own packages,
// and of the standard library those the program uses (natives get an args-frame
// stub, sync/atomic's functions an atomic instruction: atomic.cc), each package's
// init function (variable initialisers in the checker's dependency order, then the
// package's init() functions in source order), and the entry point that runs the
// inits in import order and then main.main.
//
// Library functions are lowered on demand: the program's functions, the inits and
// the entry are lowered first, and then every library function that lowered code
// has named (ModuleContext::TakeRequestedFunctions: calls, function values, method
// tables of type descriptors), until none is new. A library function nothing names
// is never lowered: most of what a program imports. (The program's own functions
// are all lowered, as gc compiles them all: a missing body there is an error.)
#include "ir/lower.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "ir/function_context.h"
#include "ir/write_barrier.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

namespace gojit::ir {
namespace {

// Collects the parameter and result objects of a declaration as the checker
// declared them on the Idents (unnamed ones get fresh objects).
void SignatureObjects(fe::Program& p, fe::FuncDecl* d, std::vector<fe::Object*>* params,
                      std::vector<fe::Object*>* results) {
  auto add = [&](const std::vector<fe::Field>& fields, std::vector<fe::Object*>* out, fe::Func* sig,
                 bool is_result, size_t* index) {
    for (const fe::Field& f : fields) {
      if (f.names.empty()) {
        fe::Object* o = p.NewObject(fe::ObjectKind::kVar, is_result ? "~r" : "", f.pos, nullptr);
        o->type = is_result ? sig->results()->elems()[*index] : sig->params()->elems()[*index];
        out->push_back(o);
        ++*index;
        continue;
      }
      for (fe::Ident* id : f.names) {
        fe::Object* o = id->object;
        if (!o || id->name == "_") {
          o = p.NewObject(fe::ObjectKind::kVar, is_result ? "~r" : "", id->pos, nullptr);
          o->type = is_result ? sig->results()->elems()[*index] : sig->params()->elems()[*index];
        }
        out->push_back(o);
        ++*index;
      }
    }
  };
  auto* sig = d->object->type->As<fe::Func>();
  if (d->recv) {
    size_t dummy = 0;
    std::vector<fe::Object*> r;
    fe::Field recv = *d->recv;
    if (recv.names.empty() || !recv.names[0]->object) {
      fe::Object* o = p.NewObject(fe::ObjectKind::kVar, "", recv.pos, nullptr);
      o->type = d->object->recv_type;
      params->push_back(o);
    } else {
      params->push_back(recv.names[0]->object);
    }
    (void)dummy;
  }
  size_t pi = 0, ri = 0;
  add(d->func_type->params, params, sig, false, &pi);
  add(d->func_type->results, results, sig, true, &ri);
}

}  // namespace

std::unique_ptr<llvm::Module> LowerProgram(fe::Program& program, llvm::LLVMContext& ctx,
                                           const LowerOptions& options) {
  auto module = std::make_unique<llvm::Module>("gojit", ctx);
  // gojit targets x86-64 Linux only (runtime/asm_amd64.S); the layout is LLVM 19's
  // for that triple, needed before lowering since sizes and offsets come from it.
  module->setTargetTriple("x86_64-pc-linux-gnu");
  module->setDataLayout("e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128");
  ModuleContext m(program, ctx, *module, options);
  // Link names some Go function defines with a body: a body-less declaration
  // pulling one (//go:linkname) is that function, not a native.
  std::set<std::string> defined_linknames;
  {
    std::set<std::string> linknames;
    for (const auto& obj : program.objects)
      if (!obj->linkname.empty()) linknames.insert(obj->linkname);
    for (const auto& obj : program.objects) {
      if (obj->kind == fe::ObjectKind::kFunc && obj->decl && obj->decl->body && linknames.count(obj->LinkName()))
        defined_linknames.insert(obj->LinkName());
    }
  }
  // The function objects lowering may meet, and for each link name the object
  // whose body defines it.
  std::set<fe::Object*> lowerable, lowered;
  std::map<std::string, fe::Object*> linkname_body;
  for (fe::Package* pkg : program.init_order) {
    for (fe::Object* fn : pkg->funcs) {
      if (!fn->type || fn->generic) continue;  // generics are lowered as their instances
      lowerable.insert(fn);
      if (fn->decl->body && defined_linknames.count(fn->LinkName())) linkname_body[fn->LinkName()] = fn;
    }
  }
  auto lower = [&](fe::Object* fn) {
    if (!lowerable.count(fn) || !lowered.insert(fn).second) return;
    fe::FuncDecl* d = fn->decl;
    llvm::Function* f = m.FunctionFor(fn);
    // A body-less declaration of a link name that another package's function
    // defines: that function (linkname_body's object) is f's body. Before the
    // FunctionContext, which would begin a block in f.
    if (!d->body && defined_linknames.count(fn->LinkName())) return;
    FunctionContext fc(m, f, fn->type->As<fe::Func>());
    // gc's intrinsics replace a function whatever its body (bitcast.cc).
    if (fn->pkg->is_stdlib && fc.LowerBitcastIntrinsic(fn->LinkName())) return;
    if (!d->body) {
      if (fc.LowerAtomic(fn->LinkName())) return;
      if (options.go_fallback) {
        std::string name = options.go_fallback(fn->LinkName());
        fe::Object* go = name.empty() ? nullptr : fn->pkg->scope->LookupLocal(name);
        if (go != nullptr && go->decl != nullptr && go->decl->body != nullptr) {
          fc.LowerForwardingStub(m.FunctionFor(go));
          return;
        }
      }
      // In the program's own code a body-less function is gc's compile error. In
      // the standard library it is a native; one gojit lacks is reported when the
      // program calls it (jit.cc: DefineMissingNative), since most are never used.
      if (!fn->pkg->is_stdlib && options.has_native && !options.has_native(fn->LinkName()))
        program.diags.Error(d->name->pos, "missing function body");
      fc.LowerNativeStub(fn->LinkName());
      return;
    }
    // //go:noinline, as gc honours it (tests use it to keep frames apart).
    bool noinline = program.sources.HasDirective(d->pos, "//go:noinline");
    if (noinline) f->addFnAttr(llvm::Attribute::NoInline);
    std::vector<fe::Object*> params, results;
    SignatureObjects(program, d, &params, &results);
    fc.LowerBody(params, results, d->body, d->name->pos, fn->LinkName());
    if (noinline && !f->empty()) {
      // gc keeps every call of a //go:noinline function, and with it the call's
      // safepoint. LLVM deletes or hoists a call whose callee it proves free of
      // side effects when the result is unused or loop-invariant (a loop meant to
      // poll at the call became `jmp .`); llvm.sideeffect, which emits no code,
      // makes the callee one whose calls stay.
      llvm::IRBuilder<> b(&*f->getEntryBlock().getFirstInsertionPt());
      b.CreateCall(llvm::Intrinsic::getDeclaration(module.get(), llvm::Intrinsic::sideeffect));
    }
  };
  for (fe::Package* pkg : program.init_order) {
    // init functions are main.init.0, main.init.1, ... (gc's names); main.init is
    // the package initialiser below.
    for (size_t i = 0; i < pkg->init_funcs.size(); ++i)
      m.FunctionFor(pkg->init_funcs[i]->object)->setName(absl::StrCat(pkg->path, ".init.", i));
    if (!pkg->is_stdlib) {
      for (fe::Object* fn : pkg->funcs) lower(fn);
    }
    // pkg.init: variable initialisers, then init() functions.
    auto* init_ty = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {m.Ptr(), m.Ptr()}, false);
    auto* init = llvm::Function::Create(init_ty, llvm::GlobalValue::InternalLinkage,
                                        absl::StrCat(pkg->path, ".init"), *module);
    m.SetGoFunctionAttributes(init);
    fe::Func* void_sig = program.types.NewFunc(program.types.empty_tuple(), program.types.empty_tuple(), false);
    FunctionContext fc(m, init, void_sig);
    fe::Pos pos = pkg->files.empty() ? fe::Pos{} : pkg->files[0]->package_name->pos;
    std::vector<fe::Object*> none;
    fe::BlockStmt empty(pos);
    fc.LowerBody(none, none, &empty, pos, absl::StrCat(pkg->path, ".init"));
    // LowerBody closed the block with a return; insert the initialisers before it.
    llvm::BasicBlock* last = &init->back();
    last->getTerminator()->eraseFromParent();
    fc.b().SetInsertPoint(last);
    // //go:embed variables hold their files from the start, as static data.
    for (const auto& [var, embedded] : program.embeds) {
      if (var->pkg != pkg) continue;
      fe::Object* obj = const_cast<fe::Object*>(var);
      m.GlobalFor(obj)->setInitializer(m.EmbedInitializer(embedded, obj->type));
    }
    for (fe::ValueSpec* vs : pkg->var_init_order) {
      // A static initialiser is the global's initial contents, not code.
      if (vs->names.size() == 1 && vs->values.size() == 1 && vs->names[0]->object &&
          vs->names[0]->name != "_") {
        fe::Object* obj = vs->names[0]->object;
        if (llvm::Constant* c = m.StaticInitializer(vs->values[0], obj->type)) {
          m.GlobalFor(obj)->setInitializer(c);
          continue;
        }
      }
      fe::AssignStmt as(vs->pos, fe::Tok::kAssign);
      for (fe::Ident* id : vs->names) {
        if (id->object) id->type = id->object->type;  // declaring idents carry no type
        id->mode = fe::ExprMode::kVariable;
        as.lhs.push_back(id);
      }
      as.rhs = vs->values;
      as.tok_pos = vs->pos;
      fc.SetPos(vs->pos);
      fc.Assign(&as);
    }
    for (fe::FuncDecl* d : pkg->init_funcs) {
      fc.b().CreateCall(m.FunctionFor(d->object), {init->getArg(0), llvm::ConstantPointerNull::get(m.Ptr())});
    }
    fc.b().CreateRetVoid();
  }
  // gojit.main(g): inits in order, then main.main.
  auto* entry_ty = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {m.Ptr()}, false);
  auto* entry = llvm::Function::Create(entry_ty, llvm::GlobalValue::ExternalLinkage, kEntryName, *module);
  m.SetGoFunctionAttributes(entry);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", entry));
  llvm::Value* null = llvm::ConstantPointerNull::get(m.Ptr());
  // Not inlined: tracebacks should end in main.main, as gc's do.
  for (fe::Package* pkg : program.init_order) {
    b.CreateCall(module->getFunction(absl::StrCat(pkg->path, ".init")), {entry->getArg(0), null})
        ->setIsNoInline();
  }
  if (fe::Object* main_fn = program.main->scope->LookupLocal("main"))
    b.CreateCall(m.FunctionFor(main_fn), {entry->getArg(0), null})->setIsNoInline();
  if (options.lower_whole_main_package) {
    // Requested, not called: the worklist below lowers them.
    for (fe::Object* obj : program.main->scope->ordered) {
      if (obj->kind == fe::ObjectKind::kFunc && !obj->generic && obj->decl != nullptr) {
        m.FunctionFor(obj);
      } else if (obj->kind == fe::ObjectKind::kTypeName && !obj->generic) {
        if (auto* named = obj->type ? obj->type->As<fe::Named>() : nullptr; named && !named->IsGeneric()) {
          for (fe::Object* method : named->methods()) {
            if (method->decl != nullptr) m.FunctionFor(method);
          }
        }
      }
    }
  }
  b.CreateRetVoid();
  // What lowered code names, until nothing new is named; the roots' descriptors
  // (whose method tables name methods) included, so that the table of roots
  // EmitGlobalRoots writes holds every variable lowered code uses.
  for (;;) {
    m.DescribeGlobalRoots();
    std::vector<fe::Object*> work = m.TakeRequestedFunctions();
    if (work.empty()) break;
    for (; !work.empty(); work = m.TakeRequestedFunctions()) {
      for (fe::Object* fn : work) {
        lower(fn);
        if (auto it = linkname_body.find(fn->LinkName()); it != linkname_body.end()) lower(it->second);
      }
    }
  }
  m.EmitGlobalRoots();
  m.LinkPointerDescriptors();
  m.FinalizeDebugInfo();
  if (options.write_barriers) InsertWriteBarriers(*module);
  return module;
}

}  // namespace gojit::ir
