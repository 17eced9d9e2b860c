// Sizes, alignments and field offsets of Go types as gc computes them for amd64
// (cmd/compile/internal/types/size.go): the values of unsafe.Sizeof, Alignof and
// Offsetof, which are constants and so must be known to the checker.
//
// ir/ lays types out with LLVM's data layout for x86-64 (ModuleContext::LLVMType),
// which is the same natural layout: every basic type aligned to its size (complex
// types to their halves'), strings 16 bytes, slices 24, interfaces 16, maps, chans,
// funcs and pointers 8, structs in field order with padding, and a struct that ends
// in a zero-size field after a non-empty prefix padded by one byte (gc's rule for
// issue 9401, mirrored in ModuleContext::StructFor). testdata/run/unsafe_layout.go
// checks both against gc.
#include "frontend/types.h"

namespace gojit::frontend {
namespace {

int64_t RoundUp(int64_t n, int64_t align) { return (n + align - 1) / align * align; }

}  // namespace

int64_t AlignOf(Type* t) {
  Type* u = t->Underlying();
  switch (u->kind()) {
    case TypeKind::kBasic: {
      auto* b = u->As<Basic>();
      if (b->basic() == BasicKind::kComplex64) return 4;
      if (b->IsComplex() || b->IsString() || b->basic() == BasicKind::kUnsafePointer) return 8;
      return b->Size();
    }
    case TypeKind::kArray: return AlignOf(u->As<Array>()->elem());
    case TypeKind::kStruct: {
      int64_t a = 1;
      for (const StructField& f : u->As<Struct>()->fields()) a = std::max(a, AlignOf(f.type));
      return a;
    }
    default: return 8;  // pointers, slices, maps, chans, funcs, interfaces
  }
}

std::vector<int64_t> FieldOffsets(Struct* st) {
  std::vector<int64_t> offsets;
  int64_t off = 0;
  for (const StructField& f : st->fields()) {
    off = RoundUp(off, AlignOf(f.type));
    offsets.push_back(off);
    off += SizeOf(f.type);
  }
  return offsets;
}

bool EndsInZeroSizeField(Struct* st) {
  auto& fields = st->fields();
  if (fields.empty() || SizeOf(fields.back().type) != 0) return false;
  std::vector<int64_t> offsets = FieldOffsets(st);
  return offsets.back() > 0;
}

int64_t SizeOf(Type* t) {
  Type* u = t->Underlying();
  switch (u->kind()) {
    case TypeKind::kBasic: {
      auto* b = u->As<Basic>();
      if (b->basic() == BasicKind::kComplex64) return 8;
      return b->Size();  // string 16, complex128 16, unsafe.Pointer 8
    }
    case TypeKind::kSlice: return 24;
    case TypeKind::kInterface: return 16;
    case TypeKind::kArray: return SizeOf(u->As<Array>()->elem()) * u->As<Array>()->len();
    case TypeKind::kStruct: {
      auto* st = u->As<Struct>();
      if (st->fields().empty()) return 0;
      std::vector<int64_t> offsets = FieldOffsets(st);
      int64_t size = offsets.back() + SizeOf(st->fields().back().type);
      if (EndsInZeroSizeField(st)) ++size;
      return RoundUp(size, AlignOf(st));
    }
    default: return 8;
  }
}

}  // namespace gojit::frontend
