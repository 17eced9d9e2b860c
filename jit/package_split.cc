#include "jit/package_split.h"

#include <algorithm>
#include <map>
#include <optional>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "absl/strings/str_cat.h"
#include "jit/constant_digest.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/IPO/GlobalDCE.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

namespace gojit::jit {
namespace {

// A function of another package at most this many instructions long is copied
// (available_externally) into the partitions that reference it, for inlining.
// The default inliner rarely inlines anything much larger at -O2.
constexpr size_t kInlineCopyLimit = 40;

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether name mentions package main (a generic instance over main's types).
bool MentionsMain(std::string_view name) {
  for (size_t at = name.find("main."); at != std::string_view::npos; at = name.find("main.", at + 1)) {
    if (at == 0 || (!IsIdentChar(name[at - 1]) && name[at - 1] != '/')) return true;
  }
  return false;
}

// Copied into each partition that reaches it rather than owned by one: ODR
// definitions and local constants, whose copies are interchangeable.
bool IsCopied(const llvm::GlobalValue& gv) {
  if (gv.isDeclaration()) return false;
  if (gv.hasLinkOnceLinkage() || gv.hasWeakLinkage()) return true;
  auto* var = llvm::dyn_cast<llvm::GlobalVariable>(&gv);
  return var != nullptr && var->isConstant() && var->hasLocalLinkage();
}

// Calls fn for every global value c refers to, looking through constant
// expressions and aggregates but not into other globals.
template <typename Fn>
void ConstantRefs(const llvm::Constant* c, std::unordered_set<const llvm::Constant*>& seen, Fn&& fn) {
  if (auto* gv = llvm::dyn_cast<llvm::GlobalValue>(c)) {
    fn(const_cast<llvm::GlobalValue*>(gv));
    return;
  }
  if (c->getNumOperands() == 0 || !seen.insert(c).second) return;
  for (const llvm::Use& op : c->operands()) {
    if (auto* oc = llvm::dyn_cast<llvm::Constant>(op.get())) ConstantRefs(oc, seen, fn);
  }
}

// Calls fn for every global value gv's body or initializer refers to, in order.
template <typename Fn>
void DirectRefs(const llvm::GlobalValue& gv, Fn&& fn) {
  std::unordered_set<const llvm::Constant*> seen;
  if (auto* var = llvm::dyn_cast<llvm::GlobalVariable>(&gv)) {
    if (var->hasInitializer()) ConstantRefs(var->getInitializer(), seen, fn);
    return;
  }
  auto* f = llvm::dyn_cast<llvm::Function>(&gv);
  if (f == nullptr) return;
  if (f->hasPersonalityFn()) ConstantRefs(f->getPersonalityFn(), seen, fn);
  for (const llvm::BasicBlock& bb : *f) {
    for (const llvm::Instruction& inst : bb) {
      for (const llvm::Use& op : inst.operands()) {
        if (auto* c = llvm::dyn_cast<llvm::Constant>(op.get())) ConstantRefs(c, seen, fn);
      }
    }
  }
}

size_t InstructionCount(const llvm::Function& f) {
  size_t n = 0;
  for (const llvm::BasicBlock& bb : f) n += bb.size();
  return n;
}

void DropUnreached(llvm::Module& m) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb;
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::GlobalDCEPass().run(m, mam);
}

// Which partition owns each owned definition.
class Owners {
 public:
  Owners(llvm::Module& m, bool whole_program) {
    std::set<std::string> packages = {"main"};
    for (llvm::Function& f : m) {
      if (f.isDeclaration() || IsCopied(f)) continue;
      if (std::string pkg = PackageOfSymbol(f.getName()); !pkg.empty()) packages.insert(pkg);
    }
    std::vector<llvm::GlobalValue*> deferred;
    auto classify = [&](llvm::GlobalValue& gv) {
      if (gv.isDeclaration() || IsCopied(gv)) return;
      std::string pkg = PackageOfSymbol(gv.getName());
      if (gv.getName().starts_with("llvm.") || whole_program) pkg = "main";
      if (!pkg.empty() && packages.count(pkg)) {
        owner_[&gv] = pkg;
      } else if (!gv.hasLocalLinkage() || llvm::isa<llvm::Function>(gv)) {
        owner_[&gv] = "main";
      } else {
        deferred.push_back(&gv);
      }
    };
    for (llvm::Function& f : m) classify(f);
    for (llvm::GlobalVariable& v : m.globals()) classify(v);
    for (llvm::GlobalValue* gv : deferred) {
      std::set<const llvm::Value*> active;
      std::string best = UsersOwner(gv, active);
      owner_[gv] = best.empty() ? "main" : best;
    }
  }

  // "" for copied definitions and declarations.
  const std::string& Of(const llvm::GlobalValue* gv) const {
    static const std::string kNone;
    auto it = owner_.find(gv);
    return it == owner_.end() ? kNone : it->second;
  }

  std::set<std::string> Partitions() const {
    std::set<std::string> out;
    for (const auto& [gv, pkg] : owner_) out.insert(pkg);
    return out;
  }

 private:
  // The least (by name) owner among the definitions that use v, through constants
  // and copied definitions.
  std::string UsersOwner(const llvm::Value* v, std::set<const llvm::Value*>& active) {
    if (!active.insert(v).second) return "";
    std::string best;
    auto consider = [&](const std::string& pkg) {
      if (!pkg.empty() && (best.empty() || pkg < best)) best = pkg;
    };
    for (const llvm::User* u : v->users()) {
      if (auto* inst = llvm::dyn_cast<llvm::Instruction>(u)) {
        const llvm::Function* f = inst->getFunction();
        auto it = owner_.find(f);
        consider(it != owner_.end() ? it->second : UsersOwner(f, active));
      } else if (auto* gv = llvm::dyn_cast<llvm::GlobalValue>(u)) {
        auto it = owner_.find(gv);
        consider(it != owner_.end() ? it->second : UsersOwner(gv, active));
      } else {
        consider(UsersOwner(u, active));
      }
    }
    return best;
  }

  std::unordered_map<const llvm::GlobalValue*, std::string> owner_;
};

struct Partition {
  std::string package;
  std::vector<llvm::GlobalValue*> owned;
  std::unordered_set<const llvm::GlobalValue*> copied;     // cloned in whole
  std::unordered_set<const llvm::GlobalValue*> available;  // available_externally copies
  std::unordered_set<const llvm::GlobalValue*> refs;       // all its definitions refer to
};

// A partition's inputs (package_split.h): one line per definition and per symbol
// it only refers to, sorted. nullopt when a variable has no digest.
std::optional<std::string> PartitionInputs(const Partition& part, ConstantDigests& digests) {
  std::vector<std::string> lines;
  auto define = [&](char role, const llvm::GlobalValue* gv) {
    std::string line = absl::StrCat(std::string(1, role), " ", static_cast<int>(gv->getLinkage()), " ",
                                    static_cast<int>(gv->getVisibility()), " ");
    if (auto* var = llvm::dyn_cast<llvm::GlobalVariable>(gv)) {
      std::optional<std::string> digest = digests.Of(*var);
      if (!digest) return false;
      // Locals are named by order of lowering: their contents stand for them.
      if (!var->hasLocalLinkage()) absl::StrAppend(&line, gv->getName().str());
      absl::StrAppend(&line, " ", llvm::toHex(*digest));
    } else {
      absl::StrAppend(&line, gv->getName().str());
    }
    lines.push_back(std::move(line));
    return true;
  };
  for (const llvm::GlobalValue* gv : part.owned) {
    if (!define('o', gv)) return std::nullopt;
  }
  for (const llvm::GlobalValue* gv : part.copied) {
    if (!define('c', gv)) return std::nullopt;
  }
  for (const llvm::GlobalValue* gv : part.available) {
    if (!define('a', gv)) return std::nullopt;
  }
  std::unordered_set<const llvm::GlobalValue*> owned(part.owned.begin(), part.owned.end());
  for (const llvm::GlobalValue* gv : part.refs) {
    if (owned.count(gv) || part.copied.count(gv) || part.available.count(gv)) continue;
    if (gv->hasLocalLinkage()) return std::nullopt;  // a local of no partition: never
    lines.push_back(absl::StrCat("d ", gv->getName().str()));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) absl::StrAppend(&out, line.size(), ":", line, "\n");
  return out;
}

// Gives locals canonical names and sorts the module's functions and variables.
void Canonicalize(llvm::Module& m, const std::string& package) {
  m.setModuleIdentifier(absl::StrCat("gojit:", package));
  m.setSourceFileName(absl::StrCat("gojit:", package));
  std::vector<llvm::GlobalValue*> roots;
  for (llvm::Function& f : m) {
    if (!f.isDeclaration() && !f.hasLocalLinkage()) roots.push_back(&f);
  }
  for (llvm::GlobalVariable& v : m.globals()) {
    if (!v.isDeclaration() && !v.hasLocalLinkage()) roots.push_back(&v);
  }
  auto by_name = [](const llvm::GlobalValue* a, const llvm::GlobalValue* b) {
    return a->getName() < b->getName();
  };
  std::sort(roots.begin(), roots.end(), by_name);

  // Local variables in the order a depth-first walk from the roots meets them;
  // local functions keep their (Go) names but are walked when met.
  std::vector<llvm::GlobalVariable*> locals;
  std::unordered_set<const llvm::GlobalValue*> visited;
  std::vector<llvm::GlobalValue*> stack;
  auto visit = [&](llvm::GlobalValue* root) {
    if (!visited.insert(root).second) return;
    stack.push_back(root);
    while (!stack.empty()) {
      llvm::GlobalValue* gv = stack.back();
      stack.pop_back();
      std::vector<llvm::GlobalValue*> refs;
      DirectRefs(*gv, [&](llvm::GlobalValue* r) {
        if (!r->isDeclaration() && r->hasLocalLinkage() && visited.insert(r).second) {
          if (auto* var = llvm::dyn_cast<llvm::GlobalVariable>(r)) locals.push_back(var);
          refs.push_back(r);
        }
      });
      for (auto it = refs.rbegin(); it != refs.rend(); ++it) stack.push_back(*it);
    }
  };
  for (llvm::GlobalValue* r : roots) visit(r);
  // Locals nothing external reaches (only other locals' leftovers): erased.
  std::vector<llvm::GlobalVariable*> dead;
  for (llvm::GlobalVariable& v : m.globals()) {
    if (v.hasLocalLinkage() && !visited.count(&v)) dead.push_back(&v);
  }
  for (llvm::GlobalVariable* v : dead) {
    if (v->use_empty()) v->eraseFromParent();
  }
  for (llvm::GlobalVariable* v : locals) v->setName("");
  for (size_t i = 0; i < locals.size(); ++i) locals[i]->setName(absl::StrCat("gojit.local.", i));

  std::vector<llvm::Function*> funcs;
  for (llvm::Function& f : m) funcs.push_back(&f);
  std::sort(funcs.begin(), funcs.end(), by_name);
  for (llvm::Function* f : funcs) {
    f->removeFromParent();
    m.getFunctionList().push_back(f);
  }
  std::vector<llvm::GlobalVariable*> vars;
  for (llvm::GlobalVariable& v : m.globals()) vars.push_back(&v);
  std::sort(vars.begin(), vars.end(), by_name);
  for (llvm::GlobalVariable* v : vars) {
    v->removeFromParent();
    m.insertGlobalVariable(v);
  }
}

// A new module (in m's context) holding copies of the definitions in defs, in m's
// order, and declarations of everything else they refer to. CloneModule would
// declare every global of m in every partition; this touches only what the
// partition uses.
std::unique_ptr<llvm::Module> Extract(const llvm::Module& m,
                                      const std::unordered_set<const llvm::GlobalValue*>& defs) {
  auto out = std::make_unique<llvm::Module>(m.getModuleIdentifier(), m.getContext());
  out->setDataLayout(m.getDataLayout());
  out->setTargetTriple(m.getTargetTriple());
  for (const llvm::NamedMDNode& nmd : m.named_metadata()) {
    if (nmd.getName() == "llvm.dbg.cu") continue;  // added with the functions using them
    llvm::NamedMDNode* copy = out->getOrInsertNamedMetadata(nmd.getName());
    for (const llvm::MDNode* op : nmd.operands()) copy->addOperand(const_cast<llvm::MDNode*>(op));
  }
  llvm::ValueToValueMapTy vmap;
  auto declare = [&](const llvm::GlobalValue* gv) {
    llvm::GlobalValue* copy = nullptr;
    if (auto* f = llvm::dyn_cast<llvm::Function>(gv)) {
      llvm::Function* nf = llvm::Function::Create(f->getFunctionType(), f->getLinkage(),
                                                  f->getAddressSpace(), f->getName(), out.get());
      nf->copyAttributesFrom(f);
      copy = nf;
    } else if (auto* v = llvm::dyn_cast<llvm::GlobalVariable>(gv)) {
      auto* nv = new llvm::GlobalVariable(*out, v->getValueType(), v->isConstant(), v->getLinkage(),
                                          nullptr, v->getName(), nullptr, v->getThreadLocalMode(),
                                          v->getAddressSpace());
      nv->copyAttributesFrom(v);
      copy = nv;
    } else {
      return;  // ir/ emits no aliases or ifuncs
    }
    if (!defs.count(gv)) {
      copy->setLinkage(llvm::GlobalValue::ExternalLinkage);
      if (auto* nf = llvm::dyn_cast<llvm::Function>(copy)) nf->setPersonalityFn(nullptr);
      if (auto* nv = llvm::dyn_cast<llvm::GlobalVariable>(copy)) nv->setComdat(nullptr);
    }
    vmap[gv] = copy;
  };
  std::vector<const llvm::GlobalValue*> order;
  for (const llvm::Function& f : m) {
    if (defs.count(&f)) order.push_back(&f);
  }
  for (const llvm::GlobalVariable& v : m.globals()) {
    if (defs.count(&v)) order.push_back(&v);
  }
  for (const llvm::GlobalValue* gv : order) declare(gv);
  for (const llvm::GlobalValue* gv : order) {
    DirectRefs(*gv, [&](llvm::GlobalValue* r) {
      if (!vmap.count(r)) declare(r);
    });
  }
  for (const llvm::GlobalValue* gv : order) {
    if (auto* v = llvm::dyn_cast<llvm::GlobalVariable>(gv)) {
      auto* nv = llvm::cast<llvm::GlobalVariable>(vmap[v]);
      if (v->hasInitializer()) nv->setInitializer(llvm::MapValue(v->getInitializer(), vmap));
      continue;
    }
    auto* f = llvm::cast<llvm::Function>(gv);
    auto* nf = llvm::cast<llvm::Function>(vmap[f]);
    auto arg = nf->arg_begin();
    for (const llvm::Argument& a : f->args()) {
      arg->setName(a.getName());
      vmap[&a] = &*arg++;
    }
    llvm::SmallVector<llvm::ReturnInst*, 8> returns;
    llvm::CloneFunctionInto(nf, f, vmap, llvm::CloneFunctionChangeType::DifferentModule, returns);
  }
  return out;
}

}  // namespace

std::string PackageOfSymbol(std::string_view name) {
  size_t start = name.find_first_not_of("(*");
  if (start == std::string_view::npos) return "";
  name = name.substr(start);
  if (name.starts_with("gojit.") || MentionsMain(name)) return "main";
  std::string_view head = name.substr(0, name.find_first_of("[("));
  size_t slash = head.rfind('/');
  size_t dot = head.find('.', slash == std::string_view::npos ? 0 : slash);
  if (dot == std::string_view::npos) return "";
  return std::string(head.substr(0, dot));
}

std::vector<PackageModule> SplitByPackage(llvm::Module& m, const SplitOptions& options) {
  const bool inline_copies = options.inline_copies;
  const bool whole_program = options.whole_program;
  const bool name_inputs = options.reuse != nullptr && !whole_program;
  DropUnreached(m);
  Owners owners(m, whole_program);

  std::map<std::string, Partition> parts;
  for (const std::string& pkg : owners.Partitions()) parts[pkg].package = pkg;
  for (llvm::Function& f : m) {
    if (const std::string& o = owners.Of(&f); !o.empty()) parts[o].owned.push_back(&f);
  }
  for (llvm::GlobalVariable& v : m.globals()) {
    if (const std::string& o = owners.Of(&v); !o.empty()) parts[o].owned.push_back(&v);
  }

  // What each partition reaches; owned locals another partition reaches become
  // external. A copied function (an ODR interface-method wrapper, a type's hash or
  // equal function, a reflect call thunk) is compiled by one partition only when
  // ownership is given (`copied_owner`): the first by name of those reaching it,
  // main last, so that an edit to main compiles none that a library package also
  // reaches. (Copied into every partition, a program importing net/http gave
  // main 6,000 method wrappers, 9 s of its compile.)
  std::unordered_set<llvm::GlobalValue*> external;
  std::unordered_map<const llvm::GlobalValue*, std::string> copied_owner;
  // Copied functions a partition must define because another reaches them through
  // a copied function it does not define (a struct's hash function calling its
  // field type's). With owners chosen in one order (by name, main last) the owner of
  // the outer function is at or after the inner one's and reaches it itself, so
  // this stays empty; it is the guard that keeps any other owner rule from leaving
  // a function defined nowhere.
  std::map<std::string, std::unordered_set<llvm::GlobalValue*>> owed;
  bool more_owed = false;
  auto reach = [&](Partition& part) {
    const std::string& pkg = part.package;
    part.copied.clear();
    part.available.clear();
    part.refs.clear();
    std::vector<llvm::GlobalValue*> work(part.owned.begin(), part.owned.end());
    for (llvm::GlobalValue* gv : owed[pkg]) {
      if (part.copied.insert(gv).second) work.push_back(gv);
    }
    while (!work.empty()) {
      llvm::GlobalValue* gv = work.back();
      work.pop_back();
      DirectRefs(*gv, [&](llvm::GlobalValue* r) {
        if (name_inputs) part.refs.insert(r);
        if (r->isDeclaration()) return;
        if (IsCopied(*r)) {
          if (auto it = copied_owner.find(r); it != copied_owner.end() && it->second != pkg) {
            if (owed[it->second].insert(r).second) more_owed = true;
            return;
          }
          if (part.copied.insert(r).second) work.push_back(r);
          return;
        }
        if (owners.Of(r) == pkg) return;
        external.insert(r);
        auto* f = llvm::dyn_cast<llvm::Function>(r);
        if (inline_copies && f != nullptr && InstructionCount(*f) <= kInlineCopyLimit &&
            part.available.insert(f).second) {
          work.push_back(f);
        }
      });
    }
  };
  for (auto& [pkg, part] : parts) reach(part);
  if (parts.size() > 1) {
    for (auto& [pkg, part] : parts) {  // in order of name
      for (const llvm::GlobalValue* gv : part.copied) {
        if (!llvm::isa<llvm::Function>(gv)) continue;
        auto [it, first] = copied_owner.emplace(gv, pkg);
        if (!first && it->second == "main") it->second = pkg;
      }
    }
    // Until every copied function some partition reaches is defined by its owner.
    do {
      more_owed = false;
      for (auto& [pkg, part] : parts) reach(part);
    } while (more_owed);
    // Kept by its owner even where nothing there calls it (a method table the
    // optimiser drops): the other partitions' declarations resolve to it.
    for (auto& [gv, owner] : copied_owner) {
      auto* f = const_cast<llvm::Function*>(llvm::cast<llvm::Function>(gv));
      if (f->hasLinkOnceODRLinkage()) f->setLinkage(llvm::GlobalValue::WeakODRLinkage);
    }
  }
  for (llvm::GlobalValue* gv : external) {
    if (!gv->hasLocalLinkage()) continue;
    if (!gv->hasName()) gv->setName("gojit.anon");
    gv->setLinkage(llvm::GlobalValue::ExternalLinkage);
    gv->setVisibility(llvm::GlobalValue::HiddenVisibility);
  }

  std::vector<PackageModule> out;
  ConstantDigests digests;
  for (auto& [pkg, part] : parts) {
    if (name_inputs && pkg != "main") {
      if (std::optional<std::string> inputs = PartitionInputs(part, digests)) {
        PackageModule named;
        named.package = pkg;
        named.reused = options.reuse(pkg, *inputs);
        named.inputs = std::move(*inputs);
        out.push_back(std::move(named));
        if (out.back().reused) continue;
      }
    }
    std::unordered_set<const llvm::GlobalValue*> owned(part.owned.begin(), part.owned.end());
    std::unordered_set<const llvm::GlobalValue*> defs = owned;
    defs.insert(part.copied.begin(), part.copied.end());
    defs.insert(part.available.begin(), part.available.end());
    std::unique_ptr<llvm::Module> pm = Extract(m, defs);
    for (const llvm::GlobalValue* gv : part.available) {
      llvm::GlobalValue* copy = pm->getNamedValue(gv->getName());
      copy->setLinkage(llvm::GlobalValue::AvailableExternallyLinkage);
      copy->setVisibility(llvm::GlobalValue::DefaultVisibility);
    }
    Canonicalize(*pm, pkg);
    if (out.empty() || out.back().package != pkg) out.emplace_back().package = pkg;
    llvm::raw_string_ostream os(out.back().bitcode);
    llvm::WriteBitcodeToFile(*pm, os);
    os.flush();
  }
  return out;
}

}  // namespace gojit::jit
