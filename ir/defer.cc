// defer and recover (runtime/defer.h explains the protocol).
//
// A function containing `defer` gets a Defer record in its frame, a setjmp in its
// prologue whose second return is the "recovered" path, and deferreturn before
// every return. `defer f(args)` evaluates f and args at once and packs them, with a
// thunk that makes the call, into a heap closure handed to deferproc; the same
// packing will serve `go` statements.
//
// Results of such functions live in heap cells: a deferred closure may change named
// results, and the recovered path must see every store made before the panic,
// which registers restored by the longjmp would not hold.
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"
#include "llvm/IR/MDBuilder.h"
#include "runtime/defer.h"

namespace gojit::ir {

using fe::BasicKind;
using fe::ExprMode;

namespace {

// A thunk's call of the deferred function stays a call (no sibling-call jump):
// recover() finds the panic's frame two frames up from the function (gorecover).
void NoTail(llvm::CallInst* call) { call->setTailCallKind(llvm::CallInst::TCK_NoTail); }

// Whether pred holds for s or any statement nested in it (function literals, which
// are functions of their own, not counted).
bool AnyStmt(fe::Stmt* s, bool (*pred)(fe::Stmt*)) {
  if (!s) return false;
  if (pred(s)) return true;
  auto any_of = [&](const std::vector<fe::Stmt*>& list) {
    for (fe::Stmt* x : list)
      if (AnyStmt(x, pred)) return true;
    return false;
  };
  switch (s->kind) {
    case fe::NodeKind::kBlockStmt: return any_of(s->As<fe::BlockStmt>()->list);
    case fe::NodeKind::kLabeledStmt: return AnyStmt(s->As<fe::LabeledStmt>()->stmt, pred);
    case fe::NodeKind::kIfStmt: {
      auto* i = s->As<fe::IfStmt>();
      return AnyStmt(i->body, pred) || AnyStmt(i->else_stmt, pred);
    }
    case fe::NodeKind::kForStmt: return AnyStmt(s->As<fe::ForStmt>()->body, pred);
    case fe::NodeKind::kRangeStmt: return AnyStmt(s->As<fe::RangeStmt>()->body, pred);
    case fe::NodeKind::kSwitchStmt:
      for (auto* c : s->As<fe::SwitchStmt>()->clauses) if (any_of(c->body)) return true;
      return false;
    case fe::NodeKind::kTypeSwitchStmt:
      for (auto* c : s->As<fe::TypeSwitchStmt>()->clauses) if (any_of(c->body)) return true;
      return false;
    case fe::NodeKind::kSelectStmt:
      for (auto* c : s->As<fe::SelectStmt>()->clauses) if (any_of(c->body)) return true;
      return false;
    default: return false;
  }
}

bool HasDefer(fe::Stmt* s) {
  return AnyStmt(s, [](fe::Stmt* x) { return x->kind == fe::NodeKind::kDeferStmt; });
}

bool HasRangeFunc(fe::Stmt* s) {
  return AnyStmt(s, [](fe::Stmt* x) {
    auto* r = x->As<fe::RangeStmt>();
    return r && IsRangeOverFunc(r);
  });
}
}  // namespace

bool FunctionContext::BodyHasDefer(fe::BlockStmt* body) { return HasDefer(body); }

bool FunctionContext::BodyHasRangeFunc(fe::BlockStmt* body) { return HasRangeFunc(body); }

void FunctionContext::BeginDefers() {
  auto* rec_ty = llvm::ArrayType::get(m_.Int(), rt::kDeferRecordWords);
  defer_record_ = EntryAlloca(rec_ty, "defer");
  llvm::Value* resume = b_.CreateConstGEP1_64(b_.getInt8Ty(), defer_record_, rt::kDeferResumeOffset);
  auto* call = llvm::cast<llvm::CallInst>(b_.CreateCall(m_.Runtime(RtFunc::k_setjmp), {resume}));
  call->addFnAttr(llvm::Attribute::ReturnsTwice);
  llvm::BasicBlock* recovered = NewBlock("recovered");
  llvm::BasicBlock* body = NewBlock("body");
  b_.CreateCondBr(b_.CreateICmpNE(call, b_.getInt32(0)), recovered, body);
  // A recovered panic: run the remaining deferred calls, return the results.
  b_.SetInsertPoint(recovered);
  ReturnResults();
  b_.SetInsertPoint(body);
  CallRuntime(RtFunc::k_deferpush, {defer_record_});
}

// deferreturn (when the function defers), then `ret` of the result variables.
void FunctionContext::ReturnResults() {
  if (defer_record_) CallRuntime(RtFunc::k_deferreturn, {defer_record_});
  if (results_.empty()) {
    b_.CreateRetVoid();
    return;
  }
  std::vector<llvm::Value*> vals;
  for (fe::Object* r : results_) vals.push_back(b_.CreateLoad(m_.LLVMType(r->type), VarAddr(r)));
  if (vals.size() == 1) {
    b_.CreateRet(vals[0]);
    return;
  }
  llvm::Value* r = llvm::UndefValue::get(fn_->getReturnType());
  for (size_t i = 0; i < vals.size(); ++i) r = b_.CreateInsertValue(r, vals[i], i);
  b_.CreateRet(r);
}

// Packs a call into a closure {thunk, values...} whose thunk(g, closure) makes it.
llvm::Value* FunctionContext::CallClosure(fe::CallExpr* e, bool for_go) {
  fe::Expr* fun = Unparen(e->fun);
  enum class Kind { kBuiltin, kDirect, kMethod, kInterface, kValue } kind = Kind::kValue;
  fe::Object* callee = nullptr;
  fe::Type* iface_type = nullptr;  // kInterface: the interface type the method is called through
  fe::SelectorExpr* sel = fun->As<fe::SelectorExpr>();
  std::vector<llvm::Value*> vals;
  std::vector<fe::Type*> print_types;
  fe::BuiltinId builtin{};
  // The arguments of copy, delete and clear whose values are evaluated now (not
  // constants, nil or types, which the thunk can produce itself); the thunk lowers
  // the call as usual with Expr answering these from the closure.
  std::vector<fe::Expr*> evaluated_args;
  if (fun->mode == ExprMode::kBuiltin) {
    kind = Kind::kBuiltin;
    builtin = fun->As<fe::Ident>()->object->builtin;
    EvaluateSpread(e);  // defer print(f()): f runs now
    // defer recover(): checked against the deferring function's frame (gc's
    // ORECOVERFP), taken now.
    if (builtin == fe::BuiltinId::kRecover) vals.push_back(RecoverFrame());
    const bool generic = builtin != fe::BuiltinId::kPrint && builtin != fe::BuiltinId::kPrintln &&
                         builtin != fe::BuiltinId::kPanic && builtin != fe::BuiltinId::kRecover &&
                         builtin != fe::BuiltinId::kClose;
    for (fe::Expr* a : e->args) {
      if (generic) {
        if (a->mode == ExprMode::kConstant || a->mode == ExprMode::kTypeExpr ||
            fe::IsBasicKind(a->type, BasicKind::kUntypedNil))
          continue;
        evaluated_args.push_back(a);
        vals.push_back(Expr(a));
        continue;
      }
      fe::Type* t = builtin == fe::BuiltinId::kPanic ? m_.program().any_type
                                                      : fe::DefaultType(m_.types(), a->type);
      vals.push_back(ExprAs(a, t));
      print_types.push_back(t);
    }
    if (e->spread)
      for (fe::Expr* a : e->args) evaluated_.erase(a);  // packed; the thunk has its own
  } else {
    auto* sig = fun->type->Underlying()->As<fe::Func>();
    if (auto* id = fun->As<fe::Ident>(); id && id->object && id->object->kind == fe::ObjectKind::kFunc) {
      kind = Kind::kDirect;
      callee = id->object;
    } else if (sel && sel->x->mode == ExprMode::kPackage && sel->sel->object->kind == fe::ObjectKind::kFunc) {
      kind = Kind::kDirect;
      callee = sel->sel->object;
    } else if (sel && sel->sel->object && sel->sel->object->kind == fe::ObjectKind::kFunc &&
               sel->x->mode != ExprMode::kTypeExpr) {
      callee = sel->sel->object;
      if (fe::IsInterface(sel->x->type) && sel->path.empty()) {
        kind = Kind::kInterface;
        iface_type = sel->x->type;
        vals.push_back(Expr(sel->x));
        NilCheck(b_.CreateExtractValue(vals.back(), 0));  // x.M of a nil interface panics now
      } else if (!callee->pkg) {
        // A method of an interface embedded in a struct (`defer s.Unlock()` with a
        // sync.Locker field): the field's value now, dispatched when the call runs.
        kind = Kind::kInterface;
        iface_type = callee->recv_type;
        fe::Type* st;
        llvm::Value* base = StructBase(sel->x, &st);
        vals.push_back(Deref(FieldAddr(base, st, sel->path), callee->recv_type));
        NilCheck(b_.CreateExtractValue(vals.back(), 0));
      } else {
        kind = Kind::kMethod;
        vals.push_back(Receiver(sel, callee));
      }
    } else {
      vals.push_back(Expr(fun));  // the func value (a closure pointer)
    }
    for (llvm::Value* a : Arguments(e, sig)) vals.push_back(a);
    if (for_go && kind == Kind::kValue && e->args.empty()) {
      // gc's newproc1: `go f()` of a nil f is a fatal error in the goer. With
      // arguments gc passes newproc a wrapper closure, so the nil f is called, and
      // panics, in the new goroutine, as here; a deferred nil call panics when it runs.
      llvm::BasicBlock* bad = NewBlock("go.nil");
      llvm::BasicBlock* ok = NewBlock("go.ok");
      b_.CreateCondBr(b_.CreateIsNull(vals[0]), bad, ok, llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
      b_.SetInsertPoint(bad);
      static constexpr std::string_view kMsg = "go of nil func value";
      llvm::Constant* msg = m_.StringConstant(std::string(kMsg));
      CallRuntime(RtFunc::k_throw, {msg->getAggregateElement(0u), ConstInt(kMsg.size())});
      b_.CreateUnreachable();
      b_.SetInsertPoint(ok);
    }
  }
  std::vector<llvm::Type*> fields{m_.Ptr()};
  for (llvm::Value* v : vals) fields.push_back(v->getType());
  auto* closure_ty = llvm::StructType::get(m_.ctx(), fields);
  auto* thunk = llvm::Function::Create(
      llvm::FunctionType::get(llvm::Type::getVoidTy(m_.ctx()), {m_.Ptr(), m_.Ptr()}, false),
      llvm::GlobalValue::InternalLinkage, absl::StrCat(fn_->getName().str(), ".gowrap", ++closure_count_),
      m_.module());
  m_.SetGoFunctionAttributes(thunk);
  uint64_t size = m_.module().getDataLayout().getTypeAllocSize(closure_ty);
  llvm::Value* closure = CallRuntime(RtFunc::k_mallocgc, {ConstInt(static_cast<int64_t>(size)), m_.PointerWordsDescriptor()});
  b_.CreateStore(thunk, b_.CreateStructGEP(closure_ty, closure, 0));
  for (size_t i = 0; i < vals.size(); ++i) b_.CreateStore(vals[i], b_.CreateStructGEP(closure_ty, closure, i + 1));

  // The thunk.
  fe::Func* void_sig = m_.types().NewFunc(m_.types().empty_tuple(), m_.types().empty_tuple(), false);
  FunctionContext t(m_, thunk, void_sig);
  t.sp_ = sp_ ? m_.Subprogram(thunk, thunk->getName().str(), e->pos) : nullptr;
  t.SetPos(e->pos);
  std::vector<llvm::Value*> loaded;
  for (size_t i = 0; i < vals.size(); ++i)
    loaded.push_back(t.b_.CreateLoad(fields[i + 1], t.b_.CreateStructGEP(closure_ty, thunk->getArg(1), i + 1)));
  llvm::Value* g = thunk->getArg(0);
  llvm::Value* null = llvm::ConstantPointerNull::get(m_.Ptr());
  switch (kind) {
    case Kind::kBuiltin:
      if (builtin == fe::BuiltinId::kPrint || builtin == fe::BuiltinId::kPrintln) {
        t.PrintValues(loaded, print_types, builtin == fe::BuiltinId::kPrintln);
      } else if (builtin == fe::BuiltinId::kPanic) {
        t.CallRuntime(RtFunc::k_gopanic, {t.b_.CreateExtractValue(loaded[0], 0), t.b_.CreateExtractValue(loaded[0], 1)});
      } else if (builtin == fe::BuiltinId::kRecover) {
        t.CallRecover(loaded[0]);
      } else if (builtin == fe::BuiltinId::kClose) {
        t.CallRuntime(RtFunc::k_closechan, {loaded[0]});
      } else {
        for (size_t i = 0; i < evaluated_args.size(); ++i) t.evaluated_[evaluated_args[i]] = loaded[i];
        t.Builtin(e, builtin);
      }
      break;
    case Kind::kDirect: {
      std::vector<llvm::Value*> args{g, null};
      args.insert(args.end(), loaded.begin(), loaded.end());
      NoTail(t.b_.CreateCall(m_.FunctionFor(callee), args));
      break;
    }
    case Kind::kMethod: {
      std::vector<llvm::Value*> args{g, null};
      args.insert(args.end(), loaded.begin(), loaded.end());
      NoTail(t.b_.CreateCall(m_.FunctionFor(callee), args));
      break;
    }
    case Kind::kInterface: {
      auto* iface = iface_type->Underlying()->As<fe::Interface>();
      size_t index = 0;
      for (size_t i = 0; i < iface->methods().size(); ++i)
        if (iface->methods()[i].name == sel->sel->name) index = i;
      llvm::Value* tab = t.b_.CreateExtractValue(loaded[0], 0);
      llvm::Value* data = t.b_.CreateExtractValue(loaded[0], 1);
      llvm::Value* fn = t.b_.CreateLoad(m_.Ptr(), t.b_.CreateConstGEP1_64(m_.Ptr(), tab, 3 + index));
      std::vector<llvm::Value*> args{g, data};
      args.insert(args.end(), loaded.begin() + 1, loaded.end());
      NoTail(t.b_.CreateCall(m_.InterfaceMethodType(iface->methods()[index].sig), fn, args));
      break;
    }
    case Kind::kValue: {
      auto* sig = fun->type->Underlying()->As<fe::Func>();
      t.NilCheck(loaded[0]);  // deferring a nil func panics when the call runs, as in gc
      llvm::Value* code = t.b_.CreateLoad(m_.Ptr(), loaded[0]);
      std::vector<llvm::Value*> args{g, loaded[0]};
      args.insert(args.end(), loaded.begin() + 1, loaded.end());
      NoTail(t.b_.CreateCall(m_.GoFuncType(sig, nullptr), code, args));
      break;
    }
  }
  if (!t.Terminated()) t.b_.CreateRetVoid();
  for (llvm::BasicBlock& bb : *thunk)
    if (!bb.getTerminator()) llvm::IRBuilder<>(&bb).CreateUnreachable();
  return closure;
}

void FunctionContext::Defer(fe::DeferStmt* s) {
  if (range_body_) {
    // Deferred into the frame of the function the loop is written in (range_func.cc).
    llvm::Value* closure = CallClosure(s->call);
    SetPos(s->pos);
    CallRuntime(RtFunc::k_deferprocat,
                {b_.CreateLoad(m_.Int(), RangeFuncField(range_body_->depth_field)), closure});
    return;
  }
  if (!defer_record_) {
    Unsupported(s->pos, "defer here");
    return;
  }
  llvm::Value* closure = CallClosure(s->call);
  SetPos(s->pos);
  CallRuntime(RtFunc::k_deferproc, {defer_record_, closure});
}

}  // namespace gojit::ir
