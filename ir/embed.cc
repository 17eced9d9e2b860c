// The initial contents of a //go:embed variable (frontend/checker_embed.cc made
// the list of files), laid out as static data the way gc's linker lays it out:
//   - a string: the file's bytes as a read-only constant;
//   - a []byte: a private writable array of the bytes (the program may write to
//     it), the slice {array, n, n};
//   - an embed.FS: struct { files *[]file } pointing at a read-only slice header
//     whose array holds one file{name, data, hash} per entry: the hash is the
//     first 16 bytes of the data's SHA-256 (gc's content hash), zero for a
//     directory, whose name ends in "/".
// Invariants: nothing here points into the heap, and the read-only parts never
// change, so only the []byte's array is listed as a root (StaticData does that).
#include "ir/module_context.h"
#include "llvm/Support/SHA256.h"

namespace gojit::ir {

llvm::Constant* ModuleContext::EmbedInitializer(const fe::Program::EmbeddedVar& ev, fe::Type* t) {
  using Kind = fe::Program::EmbeddedVar::Kind;
  auto read_only = [&](llvm::Constant* init, const char* name) {
    auto* g = new llvm::GlobalVariable(module_, init->getType(), /*isConstant=*/true,
                                       llvm::GlobalValue::PrivateLinkage, init, name);
    return g;
  };
  if (ev.kind == Kind::kString) return StringConstant(ev.entries[0].second);
  if (ev.kind == Kind::kBytes) {
    const std::string& data = ev.entries[0].second;
    llvm::Constant* len = llvm::ConstantInt::get(Int(), data.size());
    if (data.empty()) return llvm::ConstantStruct::get(slice_type_, {llvm::ConstantPointerNull::get(Ptr()), len, len});
    auto* bytes = llvm::ConstantDataArray::getString(ctx_, data, /*AddNull=*/false);
    fe::Type* array = types().NewArray(types().basic(fe::BasicKind::kUint8), static_cast<int64_t>(data.size()));
    return llvm::ConstantStruct::get(slice_type_, {StaticData(array, bytes), len, len});
  }
  auto* hash_ty = llvm::ArrayType::get(llvm::Type::getInt8Ty(ctx_), 16);
  auto* file_ty = llvm::StructType::get(ctx_, {string_type_, string_type_, hash_ty});
  std::vector<llvm::Constant*> files;
  for (const auto& [name, data] : ev.entries) {
    std::array<uint8_t, 16> hash{};
    bool is_dir = !name.empty() && name.back() == '/';
    if (!is_dir) {
      std::array<uint8_t, 32> sum = llvm::SHA256::hash(
          llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
      std::copy_n(sum.begin(), hash.size(), hash.begin());
    }
    files.push_back(llvm::ConstantStruct::get(
        file_ty, {StringConstant(name), StringConstant(is_dir ? std::string() : data),
                  llvm::ConstantDataArray::get(ctx_, llvm::ArrayRef<uint8_t>(hash.data(), hash.size()))}));
  }
  llvm::Constant* array = read_only(llvm::ConstantArray::get(llvm::ArrayType::get(file_ty, files.size()), files),
                                    "embed.files");
  llvm::Constant* n = llvm::ConstantInt::get(Int(), files.size());
  llvm::Constant* header = read_only(llvm::ConstantStruct::get(slice_type_, {array, n, n}), "embed.slice");
  auto* fs_ty = llvm::cast<llvm::StructType>(LLVMType(t));
  return llvm::ConstantStruct::get(fs_ty, {header});
}

}  // namespace gojit::ir
