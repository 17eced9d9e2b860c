// Func types at run time: what package reflect needs to call a function whose
// signature it only knows from a descriptor (Value.Call), and to make one
// (MakeFunc). gc has one assembly routine for each direction (reflectcall,
// makeFuncStub) that moves arguments between memory and its register ABI. gojit's
// convention is LLVM's, which only LLVM knows how to lower, so each func type that
// gets a descriptor gets two small adapters instead, emitted beside it:
//
//   call:     void reflectcall:T(g, closure, code, ctx, args, results)
//             a Go function of type func(code, ctx, args, results unsafe.Pointer):
//             loads T's parameters from the frame at args, calls
//             code(g, ctx, params...) and stores what it returns into the frame at
//             results. code/ctx are a func value's first word and the value itself,
//             or a method's adapter (MethodDesc::fn) and a receiver data word.
//   makefunc: R makefunc:T(g, closure, params...)
//             T's own shape, the code word of MakeFunc's closures {makefunc:T,
//             impl}: stores the parameters into a frame on its stack, calls the
//             Go func value impl(args, results unsafe.Pointer) and returns what
//             impl stored in the results frame.
//
// A frame is the struct of the parameters' (or results') types in order, each at
// its natural alignment: exactly runtime/type.h's layout of values, so reflect
// computes the same offsets from the descriptors' sizes and alignments.
//
// Both are linkonce, named by the type, so a program holds one of each per type
// whichever packages' modules emit the descriptor.
#include "absl/strings/str_cat.h"
#include "ir/module_context.h"
#include "llvm/IR/IRBuilder.h"

namespace gojit::ir {

namespace {

// The frame struct of a tuple's element types.
llvm::StructType* FrameType(ModuleContext& m, fe::Tuple* t) {
  std::vector<llvm::Type*> fields;
  for (fe::Type* e : t->elems()) fields.push_back(m.LLVMType(e));
  return llvm::StructType::get(m.Ptr()->getContext(), fields);
}

}  // namespace

llvm::Constant* ModuleContext::FuncTypeInfo(fe::Func* sig, const std::string& key) {
  std::string call_name = absl::StrCat("reflectcall:", key);
  std::string make_name = absl::StrCat("makefunc:", key);
  llvm::FunctionType* go_ty = GoFuncType(sig, nullptr);
  llvm::StructType* args_ty = FrameType(*this, sig->params());
  llvm::StructType* results_ty = FrameType(*this, sig->results());
  size_t nresults = sig->results()->elems().size();

  llvm::Function* call = module_.getFunction(call_name);
  if (call == nullptr) {
    auto* ty = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_),
                                       {Ptr(), Ptr(), Ptr(), Ptr(), Ptr(), Ptr()}, false);
    call = llvm::Function::Create(ty, llvm::GlobalValue::LinkOnceODRLinkage, call_name, module_);
    SetGoFunctionAttributes(call);
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", call));
    llvm::Value *g = call->getArg(0), *code = call->getArg(2), *ctx = call->getArg(3),
                *args = call->getArg(4), *results = call->getArg(5);
    std::vector<llvm::Value*> params{g, ctx};
    for (unsigned i = 0; i < args_ty->getNumElements(); ++i) {
      params.push_back(b.CreateLoad(args_ty->getElementType(i), b.CreateStructGEP(args_ty, args, i)));
    }
    llvm::Value* r = b.CreateCall(go_ty, code, params);
    if (nresults == 1) {
      b.CreateStore(r, b.CreateStructGEP(results_ty, results, 0));
    } else {
      for (unsigned i = 0; i < nresults; ++i)
        b.CreateStore(b.CreateExtractValue(r, i), b.CreateStructGEP(results_ty, results, i));
    }
    b.CreateRetVoid();
  }

  llvm::Function* make = module_.getFunction(make_name);
  if (make == nullptr) {
    make = llvm::Function::Create(go_ty, llvm::GlobalValue::LinkOnceODRLinkage, make_name, module_);
    SetGoFunctionAttributes(make);
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", make));
    llvm::Value *g = make->getArg(0), *closure = make->getArg(1);
    llvm::Value* args = b.CreateAlloca(args_ty);
    llvm::Value* results = b.CreateAlloca(results_ty);
    for (unsigned i = 0; i < args_ty->getNumElements(); ++i)
      b.CreateStore(make->getArg(2 + i), b.CreateStructGEP(args_ty, args, i));
    b.CreateStore(llvm::Constant::getNullValue(results_ty), results);
    // closure = {makefunc:T, impl}; impl is a Go func value.
    llvm::Value* impl = b.CreateLoad(Ptr(), b.CreateConstGEP1_64(Ptr(), closure, 1));
    llvm::Value* impl_code = b.CreateLoad(Ptr(), impl);
    auto* impl_ty =
        llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), {Ptr(), Ptr(), Ptr(), Ptr()}, false);
    b.CreateCall(impl_ty, impl_code, {g, impl, args, results});
    if (nresults == 0) {
      b.CreateRetVoid();
    } else if (nresults == 1) {
      b.CreateRet(b.CreateLoad(results_ty->getElementType(0), b.CreateStructGEP(results_ty, results, 0)));
    } else {
      llvm::Type* ret_ty = go_ty->getReturnType();
      llvm::Value* r = llvm::UndefValue::get(ret_ty);
      for (unsigned i = 0; i < nresults; ++i) {
        llvm::Value* v = b.CreateLoad(results_ty->getElementType(i), b.CreateStructGEP(results_ty, results, i));
        r = b.CreateInsertValue(r, v, i);
      }
      b.CreateRet(r);
    }
  }

  // FuncTypeInfo {nin, nout, call, makefunc, types[nin + nout]}.
  std::vector<llvm::Constant*> types;
  for (fe::Type* t : sig->params()->elems()) types.push_back(TypeDescriptor(t));
  for (fe::Type* t : sig->results()->elems()) types.push_back(TypeDescriptor(t));
  auto* types_ty = llvm::ArrayType::get(Ptr(), types.size());
  auto* info_ty = llvm::StructType::get(ctx_, {Int(), Int(), Ptr(), Ptr(), types_ty});
  auto* info = new llvm::GlobalVariable(
      module_, info_ty, true, llvm::GlobalValue::PrivateLinkage,
      llvm::ConstantStruct::get(
          info_ty, {llvm::ConstantInt::get(Int(), args_ty->getNumElements()),
                    llvm::ConstantInt::get(Int(), nresults), call, make,
                    llvm::ConstantArray::get(types_ty, types)}),
      "funcinfo");
  return info;
}

}  // namespace gojit::ir
