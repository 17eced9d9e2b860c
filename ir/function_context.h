// The per-function lowering context: one LLVM function being built, its IRBuilder,
// where each local variable lives, and the targets of break/continue/goto.
//
// Local variables live in allocas in the entry block, which LLVM's mem2reg/SROA
// turn into SSA values; a variable that escapes (its address is taken or a closure
// captures it: Object::escapes, decided by the checker) lives in a heap cell from
// mallocgc instead, so no pointer into a goroutine stack outlives its frame.
//
// Lowering is split by construct: expr.cc (operands and operators), call.cc (calls,
// natives, builtins), stmt.cc (statements), iface.cc (interface conversions).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <vector>

#include "ir/module_context.h"

namespace gojit::ir {

// Values larger than this are zeroed and copied through memory (memset, memmove)
// rather than as one first-class aggregate, which LLVM's code generator handles in
// time proportional to its size (a [10000]int64 zero store took seconds).
inline constexpr uint64_t kLargeValueBytes = 128;

// Calls f on every identifier in the subtree, function literals' bodies included
// (closure.cc).
void ForEachIdent(fe::Node* n, const std::function<void(fe::Ident*)>& f);
// Whether s ranges over a function (range_func.cc).
bool IsRangeOverFunc(const fe::RangeStmt* s);

class FunctionContext {
 public:
  FunctionContext(ModuleContext& m, llvm::Function* fn, fe::Func* sig);

  // Lowers a function or method body (params as declared by the checker).
  void LowerBody(const std::vector<fe::Object*>& params, const std::vector<fe::Object*>& results,
                 fe::BlockStmt* body, fe::Pos pos, const std::string& name);
  // Lowers the body of a native: packs the arguments into an args frame, calls
  // gojit.native.<name>(g, args, results) and unpacks the results.
  void LowerNativeStub(const std::string& native_name);
  // The body of a function that only calls target, a function of the same
  // signature, with its own arguments (LowerOptions::go_fallback).
  void LowerForwardingStub(llvm::Function* target);
  // Lowers the body of a body-less sync/atomic function (atomic.cc) as one LLVM
  // atomic instruction; false, emitting nothing, for any other function.
  bool LowerAtomic(const std::string& link_name);
  // math.Float64bits and friends as one bitcast (bitcast.cc); false for others.
  bool LowerBitcastIntrinsic(const std::string& link_name);

  llvm::IRBuilder<>& b() { return b_; }
  llvm::Value* g() { return g_; }

  // --- expressions (expr.cc)
  llvm::Value* Expr(fe::Expr* e);
  // The value of e converted to type t as an assignment converts it (boxing into an
  // interface, untyped nil to a typed nil).
  llvm::Value* ExprAs(fe::Expr* e, fe::Type* t);
  llvm::Value* Addr(fe::Expr* e);
  llvm::Value* Binary(fe::BinaryExpr* e);
  llvm::Value* BinaryOp(fe::Tok op, llvm::Value* x, llvm::Value* y, fe::Type* t, fe::Pos pos);
  llvm::Value* Compare(fe::Tok op, llvm::Value* x, llvm::Value* y, fe::Type* t);
  llvm::Value* Shift(fe::Tok op, llvm::Value* x, llvm::Value* y, fe::Type* xt, fe::Type* yt);
  llvm::Value* Unary(fe::UnaryExpr* e);
  llvm::Value* Index(fe::IndexExpr* e);
  llvm::Value* SliceExpr(fe::SliceExpr* e);
  llvm::Value* ConvertValue(llvm::Value* v, fe::Type* from, fe::Type* to);
  llvm::Value* Conversion(fe::CallExpr* e);
  llvm::Value* BoundsCheck(llvm::Value* index, llvm::Value* length, fe::Type* index_type);

  // --- composite values (aggregate.cc)
  llvm::Value* Spill(llvm::Value* v, const std::string& name);
  llvm::Value* Deref(llvm::Value* ptr, fe::Type* t);
  llvm::Value* NilCheck(llvm::Value* ptr);
  llvm::Value* FieldAddr(llvm::Value* base, fe::Type* t, const std::vector<int>& path);
  llvm::Value* StructBase(fe::Expr* x, fe::Type** struct_type);
  llvm::Value* Selector(fe::SelectorExpr* e);
  llvm::Value* IndexAddr(fe::IndexExpr* e);
  void BoundsFail(llvm::Value* cond, int64_t code, llvm::Value* x, llvm::Value* y);
  llvm::Value* MakeSlice(llvm::Value* ptr, llvm::Value* len, llvm::Value* cap);
  llvm::Value* CompositeLit(fe::CompositeLit* e, fe::Type* t);
  llvm::Value* LenCap(fe::Expr* x, bool is_cap);
  llvm::Value* Make(fe::CallExpr* e);
  llvm::Value* Append(fe::CallExpr* e);
  llvm::Value* Copy(fe::CallExpr* e);

  // --- maps (map.cc)
  llvm::Value* MapIndexAddr(fe::IndexExpr* e, bool for_assign);
  // m[k]; with ok non-null, also stores whether the key was present.
  llvm::Value* MapIndex(fe::IndexExpr* e, llvm::Value** ok);
  llvm::Value* MapLiteral(fe::CompositeLit* e, fe::Type* t);
  void MapDelete(fe::CallExpr* e);
  void RangeMap(fe::RangeStmt* s);

  // --- channels (chan.cc, select.cc)
  llvm::Value* MakeChan(fe::CallExpr* e);
  void Send(fe::SendStmt* s);
  llvm::Value* Receive(fe::UnaryExpr* e, llvm::Value** ok);
  void RangeChan(fe::RangeStmt* s);
  void Select(fe::SelectStmt* s);

  // --- closures and methods (closure.cc)
  llvm::Value* FuncLit(fe::FuncLit* e);
  // A heap closure of layout ty, {code, &cell of each captured variable, ...}, the
  // words after the cells zero; and, in the closure's own function, the captured
  // variables bound to the cells its context argument holds.
  llvm::Value* NewClosure(llvm::Function* code, llvm::StructType* ty, const std::vector<fe::Object*>& captured);
  void BindCaptured(llvm::StructType* ty, const std::vector<fe::Object*>& captured);
  llvm::Value* MethodValue(fe::SelectorExpr* e);
  llvm::Value* MethodExpr(fe::SelectorExpr* e);
  // The receiver argument for calling method `m` selected by `sel`.
  llvm::Value* Receiver(fe::SelectorExpr* sel, fe::Object* m);

  // --- defer (defer.cc)
  bool BodyHasDefer(fe::BlockStmt* body);
  bool BodyHasRangeFunc(fe::BlockStmt* body);
  void BeginDefers();
  void ReturnResults();
  // for_go: a go statement, which is gc's fatal error for a nil func value.
  llvm::Value* CallClosure(fe::CallExpr* e, bool for_go = false);
  void PinAssignOperands(fe::Expr* l, std::vector<const fe::Expr*>* pinned);
  void Defer(fe::DeferStmt* s);

  // --- package unsafe's Add, Slice, SliceData, String, StringData (unsafe.cc)
  llvm::Value* UnsafeBuiltin(fe::CallExpr* e, fe::BuiltinId id);
  llvm::Value* UnsafeLength(fe::Expr* n);
  void UnsafeCheckLen(llvm::Value* ptr, llvm::Value* len, uint64_t elem_size, const std::string& what);

  // --- type assertions (iface.cc); ok as in MapIndex
  llvm::Value* TypeAssert(fe::TypeAssertExpr* e, llvm::Value** ok);

  // --- calls (call.cc)
  llvm::Value* Call(fe::CallExpr* e);
  void EvaluateSpread(fe::CallExpr* e);
  llvm::Value* RecoverFrame();
  llvm::Value* CallRecover(llvm::Value* frame);
  llvm::Value* Builtin(fe::CallExpr* e, fe::BuiltinId id);
  llvm::Value* BuiltinCall(fe::CallExpr* e, fe::BuiltinId id);  // Builtin, spread settled
  void Print(fe::CallExpr* e, bool newline);
  void PrintValues(const std::vector<llvm::Value*>& values, const std::vector<fe::Type*>& types,
                   bool newline);
  std::vector<llvm::Value*> Arguments(fe::CallExpr* e, fe::Func* sig);
  llvm::Value* PackVariadic(fe::Type* slice_t,
                            const std::vector<std::pair<llvm::Value*, fe::Type*>>& values);

  // --- interfaces (iface.cc)
  llvm::Value* Box(llvm::Value* v, fe::Type* from, fe::Expr* constant_src);
  llvm::Value* BoxAs(llvm::Value* v, fe::Type* from, fe::Type* to);
  // An assignment's implicit conversion of an already computed value.
  llvm::Value* ConvertAssign(llvm::Value* v, fe::Type* from, fe::Type* to);
  llvm::Value* DynType(llvm::Value* iface, fe::Type* t);
  llvm::Value* MakeIface(llvm::Value* first, llvm::Value* data);
  llvm::Value* AssertMatch(llvm::Value* x, fe::Type* xt, fe::Type* want, llvm::Value** first);
  llvm::Value* AssertedValue(llvm::Value* x, llvm::Value* first, fe::Type* want);
  llvm::Value* InterfaceCallValue(llvm::Value* x, fe::Type* it, const std::string& name,
                                  std::vector<llvm::Value*>& args);

  // --- range over functions (range_func.cc)
  void RangeFunc(fe::RangeStmt* s);
  // A goto, break, continue (target: the statement; null for the innermost) or
  // return (results already stored) from here: a branch, or, out of a range-over-func
  // body, the body's exit with that target's code.
  enum class Jump { kBreak, kContinue, kGoto, kReturn };
  void JumpTo(Jump kind, fe::Stmt* target);

  // --- statements (stmt.cc)
  void Stmt(fe::Stmt* s);
  void StmtList(const std::vector<fe::Stmt*>& list);
  void Assign(fe::AssignStmt* s);
  void Define(fe::AssignStmt* s);
  void Return(fe::ReturnStmt* s);
  void If(fe::IfStmt* s);
  void For(fe::ForStmt* s, fe::Stmt* label_stmt);
  void Range(fe::RangeStmt* s);
  void TypeSwitch(fe::TypeSwitchStmt* s);
  void RangeIndexed(fe::RangeStmt* s);
  void BindRangeVars(fe::RangeStmt* s, llvm::Value* key, llvm::Value* value);
  // v, ok forms: m[k] and x.(T).
  llvm::Value* CommaOk(fe::Expr* e, llvm::Value** ok);
  void Switch(fe::SwitchStmt* s);
  void Branch(fe::BranchStmt* s);
  void LocalDecl(fe::GenDecl* d);
  // Stores v into the location of lhs (blank: evaluates nothing further).
  void Store(fe::Expr* lhs, llvm::Value* v);
  llvm::Value* EvalForEffect(fe::Expr* e);

  // --- helpers
  llvm::Value* VarAddr(fe::Object* var);
  llvm::Value* DeclareVar(fe::Object* var);  // allocates storage; returns its address
  llvm::AllocaInst* EntryAlloca(llvm::Type* t, const std::string& name);
  llvm::Value* HeapAlloc(fe::Type* t);
  llvm::BasicBlock* NewBlock(const std::string& name);
  // Starts a fresh block after a terminator so code after return/break has a home.
  void StartDeadBlock();
  bool Terminated();
  void SetPos(fe::Pos pos);
  llvm::Value* CallRuntime(RtFunc f, std::vector<llvm::Value*> args);
  void Unsupported(fe::Pos pos, const std::string& what) { m_.Unsupported(pos, what); }
  llvm::Value* StringPtr(llvm::Value* s) { return b_.CreateExtractValue(s, 0); }
  llvm::Value* StringLen(llvm::Value* s) { return b_.CreateExtractValue(s, 1); }
  llvm::Value* MakeString(llvm::Value* ptr, llvm::Value* len);
  llvm::Value* ConstInt(int64_t v) { return llvm::ConstantInt::get(m_.Int(), v); }

 private:
  // A jump that leaves a range-over-func body (JumpTo).
  struct ExitTarget {
    Jump kind;
    fe::Stmt* target;
  };
  // What the yield function of one range-over-func loop knows of it (range_func.cc).
  struct RangeFuncBody {
    fe::RangeStmt* stmt;
    fe::Func* func_sig;  // of the function the loop is written in, for `return`
    llvm::StructType* closure_ty;
    llvm::Value* closure;  // the yield function's closure argument
    unsigned state_field, exit_field, depth_field;
    std::set<fe::Stmt*> labels;      // goto targets inside the body
    std::vector<ExitTarget>* exits;  // the loop's exit table: code i+1 is exits[i]
  };
  void LeaveRangeFuncBody(Jump kind, fe::Stmt* target);
  llvm::Value* RangeFuncField(unsigned field);

  struct BranchTargets {
    fe::Stmt* stmt;
    llvm::BasicBlock* break_block;
    llvm::BasicBlock* continue_block;  // null for switch/select
  };

  ModuleContext& m_;
  llvm::Function* fn_;
  fe::Func* sig_;
  llvm::IRBuilder<> b_;
  llvm::Value* g_;
  llvm::DISubprogram* sp_ = nullptr;
  std::map<fe::Object*, llvm::Value*> vars_;
  std::vector<fe::Object*> results_;
  std::vector<BranchTargets> targets_;
  std::map<fe::Stmt*, llvm::BasicBlock*> label_blocks_;
  llvm::BasicBlock* entry_ = nullptr;
  // The block of the next clause body, for fallthrough.
  llvm::BasicBlock* fallthrough_block_ = nullptr;
  int closure_count_ = 0;
  // Operands already evaluated elsewhere: inside the thunk of a deferred or go'd
  // built-in call, each argument's value as loaded from the closure. Expr returns
  // these instead of evaluating the expression again.
  std::map<const fe::Expr*, llvm::Value*> evaluated_;
  // The frame's Defer record (runtime/defer.h) when the function defers.
  llvm::Value* defer_record_ = nullptr;
  // Escaping variables of three-clause for loops: a stack slot holding the current
  // iteration's heap cell (Go 1.22 per-iteration variables).
  // Set in the yield function of a range-over-func loop's body.
  RangeFuncBody* range_body_ = nullptr;
  int range_count_ = 0;  // for naming loop bodies main.f-range1, ...
  std::map<fe::Object*, llvm::Value*> loop_cells_;  // for naming function literals main.f.func1, ...
};

}  // namespace gojit::ir
