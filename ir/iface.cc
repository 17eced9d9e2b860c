// Interface values: boxing, conversions between interfaces, type assertions and
// dynamic method calls.
//
// Layout (runtime/type.h): an empty interface is {type descriptor, data}; a
// non-empty one is {itab, data}, the itab holding the dynamic type at offset 8 and
// the method adapters from offset 24. The data word holds pointer-shaped values
// directly and points to a copy of any other value: constants are boxed into
// read-only globals (no allocation, as gc's static data), anything else into a
// fresh heap cell.
//
// Conversions the compiler can see (concrete type to interface) use constant itabs;
// interface-to-interface conversions and assertions ask the runtime (getitab).
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"

namespace gojit::ir {

using fe::BasicKind;

bool ModuleContext::IsDirectIface(fe::Type* t) {
  fe::Type* u = t->Underlying();
  return u->As<fe::Pointer>() || u->As<fe::Map>() || u->As<fe::Chan>() || u->As<fe::Func>() ||
         fe::IsBasicKind(u, BasicKind::kUnsafePointer);
}

bool ModuleContext::IsEmptyInterface(fe::Type* t) {
  auto* i = t->Underlying()->As<fe::Interface>();
  return i && i->IsEmpty();
}

llvm::Value* FunctionContext::Box(llvm::Value* v, fe::Type* from, fe::Expr* constant_src) {
  return BoxAs(v, from, m_.program().any_type);
}

llvm::Value* FunctionContext::BoxAs(llvm::Value* v, fe::Type* from, fe::Type* to) {
  llvm::Value* first = m_.IsEmptyInterface(to) ? m_.TypeDescriptor(from) : m_.Itab(to, from);
  llvm::Value* data;
  if (m_.IsDirectIface(from)) {
    data = v;
  } else if (auto* c = llvm::dyn_cast<llvm::Constant>(v)) {
    data = new llvm::GlobalVariable(m_.module(), c->getType(), true, llvm::GlobalValue::PrivateLinkage,
                                    c, "boxed");
  } else {
    data = HeapAlloc(from);
    // A large value just loaded from memory (boxing *p): copy it with memmove
    // instead of the load and store of one first-class aggregate, which LLVM's
    // instruction selection takes time proportional to the size for (a 128 MB
    // array: minutes). The load has no other use yet.
    auto* load = llvm::dyn_cast<llvm::LoadInst>(v);
    if (load != nullptr && load->use_empty() && m_.SizeOf(from) > kLargeValueBytes) {
      b_.CreateMemMove(data, llvm::MaybeAlign(8), load->getPointerOperand(), load->getAlign(),
                       m_.SizeOf(from));
      load->eraseFromParent();
    } else {
      b_.CreateStore(v, data);
    }
  }
  llvm::Value* r = llvm::UndefValue::get(m_.IfaceType());
  r = b_.CreateInsertValue(r, first, 0);
  return b_.CreateInsertValue(r, data, 1);
}

// The dynamic type descriptor of an interface value of static type t (null if nil).
llvm::Value* FunctionContext::DynType(llvm::Value* iface, fe::Type* t) {
  llvm::Value* first = b_.CreateExtractValue(iface, 0);
  if (m_.IsEmptyInterface(t)) return first;
  llvm::BasicBlock* from = b_.GetInsertBlock();
  llvm::BasicBlock* load = NewBlock("itab.type");
  llvm::BasicBlock* done = NewBlock("itab.done");
  b_.CreateCondBr(b_.CreateIsNull(first), done, load);
  b_.SetInsertPoint(load);
  llvm::Value* type = b_.CreateLoad(m_.Ptr(), b_.CreateConstGEP1_64(m_.Ptr(), first, 1));
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  auto* phi = b_.CreatePHI(m_.Ptr(), 2);
  phi->addIncoming(first, from);  // null
  phi->addIncoming(type, load);
  return phi;
}

llvm::Value* FunctionContext::MakeIface(llvm::Value* first, llvm::Value* data) {
  llvm::Value* r = llvm::UndefValue::get(m_.IfaceType());
  r = b_.CreateInsertValue(r, first, 0);
  return b_.CreateInsertValue(r, data, 1);
}

llvm::Value* FunctionContext::ConvertAssign(llvm::Value* v, fe::Type* from, fe::Type* to) {
  if (!fe::IsInterface(to)) return v;
  if (!fe::IsInterface(from)) return BoxAs(v, from, to);
  if (m_.IsEmptyInterface(to)) {
    if (m_.IsEmptyInterface(from)) return v;
    return MakeIface(DynType(v, from), b_.CreateExtractValue(v, 1));
  }
  // To a non-empty interface: the same itab when the static types are identical,
  // else the runtime's (a nil value stays nil).
  if (fe::Identical(from, to) || fe::Identical(from->Underlying(), to->Underlying())) return v;
  llvm::Value* type = DynType(v, from);
  llvm::BasicBlock* start = b_.GetInsertBlock();
  llvm::BasicBlock* lookup = NewBlock("conv.itab");
  llvm::BasicBlock* done = NewBlock("conv.done");
  b_.CreateCondBr(b_.CreateIsNull(type), done, lookup);
  b_.SetInsertPoint(lookup);
  llvm::Value* tab = CallRuntime(RtFunc::k_getitab, {m_.TypeDescriptor(to), type, b_.getInt8(0)});
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  auto* phi = b_.CreatePHI(m_.Ptr(), 2);
  phi->addIncoming(llvm::ConstantPointerNull::get(m_.Ptr()), start);
  phi->addIncoming(tab, lookup);
  return MakeIface(phi, b_.CreateExtractValue(v, 1));
}

// Whether an interface value of static type xt holds dynamic type `want`
// (concrete), or implements `want` (an interface; *tab receives the itab or the
// type for an empty `want`). Emits no panic.
llvm::Value* FunctionContext::AssertMatch(llvm::Value* x, fe::Type* xt, fe::Type* want,
                                          llvm::Value** first) {
  llvm::Value* type = DynType(x, xt);
  if (!fe::IsInterface(want)) {
    *first = type;
    return b_.CreateICmpEQ(type, m_.TypeDescriptor(want));
  }
  if (m_.IsEmptyInterface(want)) {
    *first = type;
    return b_.CreateIsNotNull(type);
  }
  llvm::Value* tab = CallRuntime(RtFunc::k_getitab, {m_.TypeDescriptor(want), type, b_.getInt8(1)});
  *first = tab;
  return b_.CreateIsNotNull(tab);
}

// The value of type want held by x once AssertMatch said yes.
llvm::Value* FunctionContext::AssertedValue(llvm::Value* x, llvm::Value* first, fe::Type* want) {
  llvm::Value* data = b_.CreateExtractValue(x, 1);
  if (fe::IsInterface(want)) return MakeIface(first, data);
  if (m_.IsDirectIface(want)) return data;
  return Deref(data, want);
}

llvm::Value* FunctionContext::TypeAssert(fe::TypeAssertExpr* e, llvm::Value** ok) {
  fe::Type* want = e->type;
  fe::Type* xt = e->x->type;
  llvm::Value* x = Expr(e->x);
  SetPos(e->pos);
  llvm::Value* first;
  llvm::Value* match = AssertMatch(x, xt, want, &first);
  llvm::BasicBlock* from = b_.GetInsertBlock();
  llvm::BasicBlock* yes = NewBlock("assert.ok");
  llvm::BasicBlock* no = NewBlock("assert.fail");
  llvm::BasicBlock* done = NewBlock("assert.done");
  b_.CreateCondBr(match, yes, no);
  b_.SetInsertPoint(no);
  if (!ok) {
    llvm::Value* have = fe::IsInterface(want) && !m_.IsEmptyInterface(want) ? DynType(x, xt) : first;
    if (fe::IsInterface(want) && !m_.IsEmptyInterface(want)) {
      // getitab panics with "T is not I: missing method M" (or "interface is nil").
      CallRuntime(RtFunc::k_getitab, {m_.TypeDescriptor(want), have, b_.getInt8(0)});
    }
    CallRuntime(RtFunc::k_panicdottype, {have, m_.TypeDescriptor(want), m_.TypeDescriptor(xt)});
    b_.CreateUnreachable();
  } else {
    b_.CreateBr(done);
  }
  b_.SetInsertPoint(yes);
  llvm::Value* v = AssertedValue(x, first, want);
  llvm::BasicBlock* yes_end = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  if (!ok) return v;
  (void)from;
  auto* phi = b_.CreatePHI(v->getType(), 2);
  phi->addIncoming(m_.ZeroValue(want), no);
  phi->addIncoming(v, yes_end);
  auto* okphi = b_.CreatePHI(b_.getInt1Ty(), 2);
  okphi->addIncoming(b_.getInt1(false), no);
  okphi->addIncoming(b_.getInt1(true), yes_end);
  *ok = okphi;
  return phi;
}

// Calls method `name` of interface value x (static type it) through its itab.
llvm::Value* FunctionContext::InterfaceCallValue(llvm::Value* x, fe::Type* it, const std::string& name,
                                                 std::vector<llvm::Value*>& args) {
  auto* iface = it->Underlying()->As<fe::Interface>();
  size_t index = 0;
  for (size_t i = 0; i < iface->methods().size(); ++i)
    if (iface->methods()[i].name == name) index = i;
  llvm::Value* tab = NilCheck(b_.CreateExtractValue(x, 0));
  llvm::Value* data = b_.CreateExtractValue(x, 1);
  // itab.fun starts after inter, type and the hash word: at word 3.
  llvm::Value* fn = b_.CreateLoad(m_.Ptr(), b_.CreateConstGEP1_64(m_.Ptr(), tab, 3 + index));
  args.insert(args.begin(), {g_, data});
  return b_.CreateCall(m_.InterfaceMethodType(iface->methods()[index].sig), fn, args);
}

}  // namespace gojit::ir
