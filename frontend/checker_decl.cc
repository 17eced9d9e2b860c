// Declarations: collecting package-level objects, resolving them lazily (consts,
// vars, types, functions; signatures and type expressions are checker_type_expr.cc's),
// methods, unused imports and the initialisation order of package-level variables (Go spec, "Package
// initialization": declaration order, but after every variable it depends on,
// dependencies through function and method bodies included).
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/checker.h"

namespace gojit::frontend {

Checker::Checker(Program& program, Package* pkg)
    : program_(program), types_(program.types), pkg_(pkg) {}

void CheckPackage(Program& program, Package* pkg) {
  MessagePackageScope unqualified(pkg);  // gc's messages name the package's own types bare
  Checker(program, pkg).Run();
}

void Checker::Unsupported(Pos pos, std::string_view what) {
  program_.diags.Error(pos, absl::StrCat("gojit: unsupported: ", std::string(what)));
}

void Checker::Run() {
  CollectObjects();
  ApplyLinknames();
  // Types, then methods (which attach themselves to their receiver types), then
  // everything else: a variable's initialiser may need a method declared below it
  // to satisfy an interface.
  for (Object* obj : pkg_objects_)
    if (obj->kind == ObjectKind::kTypeName) ResolveObject(obj);
  ReportTypeCycles();
  ReportContainmentCycles();
  ReportPendingMapKeys();
  for (Object* obj : pkg_objects_)
    if (obj->kind == ObjectKind::kFunc && obj->decl && obj->decl->recv) ResolveObject(obj);
  // Every method is attached: instances met so far get theirs, and their type
  // arguments can be checked against the constraints.
  methods_collected_ = true;
  ExpandPendingMethods();
  for (auto& v : std::exchange(pending_verify_, {})) VerifyTypeArgs(v.tps, v.args, v.positions);
  for (Object* obj : pkg_objects_) ResolveObject(obj);
  ApplyEmbeds();
  ReportLargeElemChans();
  // Function bodies, after every package-level declaration is known.
  for (size_t i = 0; i < pkg_->funcs.size(); ++i) {  // instantiation appends
    Object* fn = pkg_->funcs[i];
    if (fn->generic || fn->instance_scope) continue;
    CheckFuncDeclBody(fn, file_scope_of_[fn]);
  }
  CheckInstanceBodies();
  MarkImportsUsedByGenerics();
  CheckUnusedImports();
  ComputeInitOrder();
}

void Checker::ReportPendingMapKeys() {
  for (auto& [key, pos] : std::exchange(pending_map_keys_, {})) {
    auto* named = key->As<Named>();
    if (named != nullptr && named->underlying() == nullptr) continue;  // a cycle, reported
    if (!IsComparable(key)) Errorf(pos, "invalid map key type %s", TypeString(key));
  }
}

void Checker::CheckFuncDeclBody(Object* fn, Scope* scope) {
  FuncDecl* d = fn->decl;
  if (!d->body) return;
  Func* sig = fn->type ? fn->type->As<Func>() : nullptr;
  if (!sig) return;
  Scope* saved = scope_;
  Object* saved_decl = decl_;
  decl_ = fn;
  std::vector<Object*> params, results;
  Scope* fscope = program_.NewScope(scope);
  fscope->is_func = true;
  // Re-declare the parameters in a fresh scope for the body.
  scope_ = fscope;
  ResolveSignature(d->func_type, d->recv, fscope, &params, &results);
  bool named = !d->func_type->results.empty() && !d->func_type->results[0].names.empty();
  CheckFuncBody(sig, params, results, d->body, named);
  scope_ = saved;
  decl_ = saved_decl;
}

// `//go:linkname local symbol` (a line of its own anywhere in a file) gives the
// package-level function or variable `local` the link name `symbol`, in either
// direction: a declaration without a body (or a variable) refers to the symbol
// another package defines, and a definition is exported under that name. The
// one-argument form only marks a symbol as referenced from elsewhere: nothing to do.
void Checker::ApplyLinknames() {
  for (File* file : pkg_->files) {
    absl::string_view text = program_.sources.Get(file->file_id).text;
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      if (!absl::ConsumePrefix(&line, "//go:linkname ")) continue;
      std::vector<absl::string_view> words = absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
      if (words.size() != 2) continue;
      Object* obj = pkg_->scope->LookupLocal(std::string(words[0]));
      if (obj == nullptr || (obj->kind != ObjectKind::kFunc && obj->kind != ObjectKind::kVar)) continue;
      obj->linkname = std::string(words[1]);
    }
  }
}

void Checker::CollectObjects() {
  for (File* file : pkg_->files) {
    Scope* file_scope = program_.NewScope(pkg_->scope);
    CollectFile(file, file_scope);
  }
  // A name a dot import brings into a file may not be declared in the package
  // block too (the spec's rule for file and package blocks).
  for (const DotImport& d : dot_imports_) {
    for (Object* o : d.file_scope->ordered) {
      if (o->pkg != d.imported) continue;
      if (Object* alt = pkg_->scope->LookupLocal(o->name)) {
        program_.diags.Error(alt->pos, absl::StrCat(o->name, " already declared through dot-import of package ",
                                                    d.imported->name, " (\"", d.imported->path, "\")\n\t",
                                                    program_.sources.Format(o->pos), ": other declaration of ",
                                                    o->name));
      }
    }
  }
}

void Checker::CollectFile(File* file, Scope* file_scope) {
  auto declare = [&](Object* obj, Pos pos) {
    file_scope_of_[obj] = file_scope;
    // The spec: init, and main in package main, may only be declared as functions.
    if (obj->kind != ObjectKind::kFunc &&
        (obj->name == "init" || (obj->name == "main" && pkg_->name == "main"))) {
      program_.diags.Error(pos, absl::StrCat("cannot declare ", obj->name, " - must be func"));
      pkg_objects_.push_back(obj);  // still resolved, as a blank one would be
      return;
    }
    if (obj->name == "_") {
      pkg_objects_.push_back(obj);
      return;
    }
    if (Object* prev = pkg_->scope->Insert(obj)) {
      program_.diags.Error(pos, absl::StrCat(obj->name, " redeclared in this block\n\t",
                                             program_.sources.Format(prev->pos),
                                             ": other declaration of ", obj->name));
      return;
    }
    pkg_objects_.push_back(obj);
  };
  for (Decl* decl : file->decls) {
    if (auto* gd = decl->As<GenDecl>()) {
      for (Spec* spec : gd->specs) {
        if (auto* is = spec->As<ImportSpec>()) {
          Package* imported = nullptr;
          for (auto& p : program_.packages)
            if (p->path == is->path) imported = p.get();
          if (!imported) continue;  // already reported by the loader
          std::string name = is->name ? is->name->name : imported->name;
          if (name == "_") continue;
          if (name == ".") {
            // A dot import: the package's exported objects are declared in the
            // file's scope, used unqualified.
            for (Object* o : imported->scope->ordered) {
              if (o->name.empty() || !isupper(static_cast<unsigned char>(o->name[0]))) continue;
              if (file_scope->Insert(o) != nullptr) {
                program_.diags.Error(is->pos, absl::StrCat(o->name, " redeclared in this block"));
              }
            }
            dot_imports_.push_back({imported, file_scope, is->pos});
            continue;
          }
          Object* obj = program_.NewObject(ObjectKind::kPkgName, name,
                                           is->name ? is->name->pos : is->path_pos, pkg_);
          obj->imported = imported;
          if (file_scope->Insert(obj) != nullptr) {
            program_.diags.Error(obj->pos, absl::StrCat(name, " redeclared in this block"));
          }
          imports_used_[absl::StrCat(program_.sources.Format(obj->pos))] = obj;
        } else if (auto* vs = spec->As<ValueSpec>()) {
          for (size_t i = 0; i < vs->names.size(); ++i) {
            Ident* id = vs->names[i];
            Object* obj = program_.NewObject(
                gd->tok == Tok::kConst ? ObjectKind::kConst : ObjectKind::kVar, id->name, id->pos,
                pkg_);
            obj->value_spec = vs;
            obj->spec_index = static_cast<int>(i);
            obj->color = Object::Color::kWhite;
            obj->is_global = true;
            id->object = obj;
            declare(obj, id->pos);
          }
        } else if (auto* ts = spec->As<TypeSpec>()) {
          Object* obj = program_.NewObject(ObjectKind::kTypeName, ts->name->name, ts->name->pos, pkg_);
          obj->type_spec = ts;
          obj->color = Object::Color::kWhite;
          ts->name->object = obj;
          declare(obj, ts->name->pos);
        }
      }
    } else if (auto* fd = decl->As<FuncDecl>()) {
      Object* obj = program_.NewObject(ObjectKind::kFunc, fd->name->name, fd->name->pos, pkg_);
      obj->decl = fd;
      obj->color = Object::Color::kWhite;
      fd->object = obj;
      fd->name->object = obj;
      file_scope_of_[obj] = file_scope;
      pkg_->funcs.push_back(obj);
      if (fd->recv) {
        pkg_objects_.push_back(obj);  // resolved with the others; not in scope
      } else if (obj->name == "init") {
        pkg_->init_funcs.push_back(fd);
        pkg_objects_.push_back(obj);
        if (!fd->func_type->params.empty() || !fd->func_type->results.empty())
          program_.diags.Error(fd->name->pos, "func init must have no arguments and no return values");
      } else {
        if (obj->name == "main" && pkg_->name == "main" &&
            (!fd->func_type->params.empty() || !fd->func_type->results.empty()))
          program_.diags.Error(fd->name->pos, "func main must have no arguments and no return values");
        declare(obj, fd->name->pos);
      }
      if (!fd->body && !pkg_->is_stdlib && program_.complete) {
        program_.diags.Error(fd->name->pos, "missing function body");
      }
    }
  }
}

void Checker::ResolveObject(Object* obj) {
  if (obj->color == Object::Color::kBlack) return;
  if (obj->color == Object::Color::kGrey) {
    if (obj->kind == ObjectKind::kTypeName) {
      // Recursive types are fine through a type definition (a Named exists before
      // its underlying type is known); a cycle of aliases alone names no type.
      if (obj->type_spec && obj->type_spec->is_alias && obj->type == nullptr) {
        std::vector<Object*> cycle = TypePathFrom(obj);
        bool through_definition = std::any_of(cycle.begin(), cycle.end(), [](Object* o) {
          return o->type_spec && !o->type_spec->is_alias;
        });
        if (!through_definition) {
          ReportRecursiveType(cycle);
          obj->type = types_.basic(BasicKind::kInvalid);
          return;
        }
        // `type A = *T; type T struct{ a A }`: the right-hand side again, here; the
        // definition on the cycle answers with its Named.
        Scope* saved = scope_;
        scope_ = file_scope_of_[obj];
        obj->type = ResolveType(obj->type_spec->type_expr);
        scope_ = saved;
      }
      return;
    }
    program_.diags.Error(obj->pos, absl::StrCat("initialization cycle or invalid recursive reference to ", obj->name));
    obj->type = types_.basic(BasicKind::kInvalid);
    return;
  }
  obj->color = Object::Color::kGrey;
  if (obj->kind == ObjectKind::kTypeName) type_path_.push_back(obj);
  Scope* saved = scope_;
  FuncContext* saved_func = func_;
  auto saved_targets = std::move(targets_);
  targets_.clear();
  func_ = nullptr;
  scope_ = file_scope_of_[obj];
  switch (obj->kind) {
    case ObjectKind::kConst: ResolveConst(obj); break;
    case ObjectKind::kVar: ResolveVar(obj); break;
    case ObjectKind::kTypeName: ResolveTypeName(obj); break;
    case ObjectKind::kFunc: ResolveFunc(obj); break;
    default: break;
  }
  scope_ = saved;
  func_ = saved_func;
  targets_ = std::move(saved_targets);
  if (obj->kind == ObjectKind::kTypeName) type_path_.pop_back();
  obj->color = Object::Color::kBlack;
}

void Checker::ResolveConst(Object* obj) {
  ValueSpec* vs = obj->value_spec;
  int saved_iota = iota_;
  iota_ = vs->iota;
  Type* t = vs->type_expr ? ResolveType(vs->type_expr) : nullptr;
  if (t && !(t->Underlying()->As<Basic>())) {
    Errorf(vs->type_expr->pos, "invalid constant type %s", TypeString(t));
    t = nullptr;
  }
  obj->type = types_.basic(BasicKind::kInvalid);
  size_t i = obj->spec_index;
  if (i >= vs->values.size()) {
    if (vs->values.empty() && !vs->implicit)
      Errorf(obj->pos, "missing init expr for const declaration");
    else if (i >= vs->values.size())
      Errorf(obj->pos, "missing init expr for const declaration");
    iota_ = saved_iota;
    return;
  }
  Expr* e = vs->values[i];
  CheckExpr(e);
  if (e->mode != ExprMode::kConstant) {
    // A type, builtin or no-value call is reported as RequireValue words it.
    if (e->mode != ExprMode::kInvalid && RequireValue(e))
      Errorf(e->pos, "%s is not constant", Describe(e));
    iota_ = saved_iota;
    return;
  }
  if (t) Assign(e, t, "constant declaration");
  if (e->mode == ExprMode::kConstant) {
    obj->type = e->type;
    obj->constant = e->constant;
  }
  iota_ = saved_iota;
  if (i + 1 == vs->names.size() && vs->values.size() > vs->names.size() && !vs->implicit)
    Errorf(vs->values[vs->names.size()]->pos, "extra init expr");
}

void Checker::ResolveVar(Object* obj) {
  ValueSpec* vs = obj->value_spec;
  Object* saved_decl = decl_;
  // A package-level variable collects its own dependencies; a local one's
  // initialiser counts for the enclosing function (decl_ stays as it is).
  if (obj->is_global) decl_ = obj;
  Type* t = vs->type_expr ? ResolveType(vs->type_expr) : nullptr;
  // The whole spec is checked once, by its first object.
  std::vector<Object*> objs;
  for (Ident* id : vs->names) objs.push_back(id->object);
  for (Object* o : objs) {
    if (o) {
      o->type = t;
      if (o != obj) o->color = Object::Color::kGrey;
    }
  }
  auto finish = [&] {
    for (Object* o : objs) {
      if (!o) continue;
      if (!o->type) o->type = types_.basic(BasicKind::kInvalid);
      if (o != obj) {
        o->color = Object::Color::kBlack;
        if (obj->is_global) deps_[o] = deps_[obj];
      }
    }
    decl_ = saved_decl;
  };
  if (vs->values.empty()) {
    if (!t) Errorf(vs->pos, "missing type or init expr");
    finish();
    return;
  }
  if (vs->values.size() == vs->names.size()) {
    for (size_t i = 0; i < objs.size(); ++i) {
      Expr* e = vs->values[i];
      CheckValue(e, t);  // gc: "multiple-value f() ... in single-value context" here
      // A variable whose initialiser is in error is not also "declared and not
      // used" (types2 marks it used).
      if (e->mode == ExprMode::kInvalid) {
        if (objs[i]) objs[i]->used = true;
        continue;
      }
      if (t) {
        if (!Assign(e, t, "variable declaration") && objs[i]) objs[i]->used = true;
      } else {
        if (e->type && e->type->As<Basic>() && e->type->As<Basic>()->basic() == BasicKind::kUntypedNil) {
          Errorf(e->pos, "use of untyped nil in variable declaration");
          continue;
        }
        DefaultConvert(e);
        if (objs[i]) objs[i]->type = e->type;
      }
    }
  } else if (vs->values.size() == 1) {
    Expr* e = vs->values[0];
    CheckExpr(e);
    Tuple* tuple = e->type ? e->type->As<Tuple>() : nullptr;
    for (Object* o : objs)
      if (o) o->used = true;  // no follow-on "declared and not used" after a mismatch
    if ((e->mode == ExprMode::kCommaOk || e->mode == ExprMode::kMapIndex) && objs.size() == 2) {
      for (Object* o : objs)
        if (o) o->used = false;
      if (objs[0]) objs[0]->type = t ? t : e->type;
      if (objs[1]) objs[1]->type = t ? t : types_.basic(BasicKind::kBool);
      std::string reason;
      if (t && !Assignable(types_.basic(BasicKind::kBool), nullptr, t, &reason))
        Errorf(vs->names[1]->pos, "cannot use untyped bool value as %s value in variable declaration", TypeString(t));
    } else if (!tuple || tuple->size() != objs.size()) {
      if (e->mode != ExprMode::kInvalid) MismatchError(vs->names[0]->pos, objs.size(), e, 1);
    } else {
      for (size_t i = 0; i < objs.size(); ++i) {
        if (!objs[i]) continue;
        objs[i]->type = t ? t : tuple->elems()[i];
        objs[i]->used = false;
      }
    }
  } else {
    for (Object* o : objs)
      if (o) o->used = true;
    MismatchError(vs->values[0]->pos, vs->names.size(), nullptr, vs->values.size());
  }
  finish();
}

void Checker::ResolveTypeName(Object* obj) {
  TypeSpec* ts = obj->type_spec;
  if (!ts->type_params.empty()) return ts->is_alias ? ResolveGenericAlias(obj) : ResolveGenericTypeName(obj);
  if (ts->is_alias) {
    // `type Ordered = cmp.Ordered`: an alias may name a constraint.
    std::optional<ConstraintContext> constraint_ok;
    if (ts->type_expr->Is<Ident>() || ts->type_expr->Is<SelectorExpr>()) constraint_ok.emplace(this);
    obj->type = ResolveType(ts->type_expr);
    return;
  }
  Named* named = types_.NewNamed(obj);
  obj->type = named;
  // `type C comparable`: a constraint may be given a new name.
  std::optional<ConstraintContext> constraint_ok;
  if (ts->type_expr->Is<Ident>() || ts->type_expr->Is<SelectorExpr>()) constraint_ok.emplace(this);
  Type* u = ResolveType(ts->type_expr)->Underlying();
  if (auto* rhs = u->As<Named>()) {
    // `type T2 T1` met while T1's own declaration is being resolved (T1 has a
    // field *T2): T1's underlying type is not known yet. T2 takes it when T1's
    // declaration is done; until then T2's Underlying() is T2 itself.
    pending_underlying_.push_back({named, rhs});
  } else {
    named->set_underlying(u);
  }
  // Settle what waited for a declaration that has now finished, to a fixed point
  // (chains: type T4 T5; type T5 T6; ... back to the struct being declared).
  for (bool progress = true; progress && !pending_underlying_.empty();) {
    progress = false;
    for (size_t i = 0; i < pending_underlying_.size(); ++i) {
      auto [waiting, rhs] = pending_underlying_[i];
      Type* ru = rhs->Underlying();
      if (ru->As<Named>()) continue;
      waiting->set_underlying(ru);
      pending_underlying_.erase(pending_underlying_.begin() + static_cast<ptrdiff_t>(i));
      progress = true;
      break;
    }
  }
}

// What is still waiting for an underlying type once every type is declared is a
// cycle of names (type T T; type A B; type B A): gc's "invalid recursive type",
// the cycle listed from its first declaration in the source. Its types become
// invalid so that nothing else reports them.
void Checker::ReportTypeCycles() {
  std::map<Named*, Named*> next;
  for (auto [waiting, rhs] : pending_underlying_) next[waiting] = rhs;
  pending_underlying_.clear();
  std::set<Named*> done;
  for (auto& [start, unused] : next) {
    if (done.count(start)) continue;
    // Walk until a type repeats; the cycle is the part from its first visit.
    std::vector<Named*> path;
    Named* t = start;
    while (t != nullptr && !done.count(t) &&
           std::find(path.begin(), path.end(), t) == path.end()) {
      path.push_back(t);
      auto it = next.find(t);
      t = it == next.end() ? nullptr : it->second;
    }
    for (Named* p : path) done.insert(p);
    auto at = std::find(path.begin(), path.end(), t);
    if (t == nullptr || at == path.end()) continue;
    std::vector<Named*> cycle(at, path.end());
    auto first = std::min_element(cycle.begin(), cycle.end(), [](Named* a, Named* b) {
      return a->obj()->pos < b->obj()->pos;
    });
    std::rotate(cycle.begin(), first, cycle.end());
    ReportRecursiveType(cycle);
  }
  for (auto& [t, unused] : next)
    if (t->underlying() == nullptr) t->set_underlying(types_.basic(BasicKind::kInvalid));
}

// gc's "invalid recursive type" for cycle (in declaration order of its first
// member); the members become invalid, so nothing later sizes them.
void Checker::ReportRecursiveType(const std::vector<Named*>& cycle) {
  std::vector<Object*> objs;
  for (Named* c : cycle) objs.push_back(c->obj());
  ReportRecursiveType(objs);
  for (Named* c : cycle) c->set_underlying(types_.basic(BasicKind::kInvalid));
}

void Checker::ReportRecursiveType(std::vector<Object*> cycle) {
  auto first = std::min_element(cycle.begin(), cycle.end(),
                                [](Object* a, Object* b) { return a->pos < b->pos; });
  std::rotate(cycle.begin(), first, cycle.end());
  for (Object* o : cycle) {
    if (o->cycle_reported) return;  // one report per cycle
    o->cycle_reported = true;
  }
  std::string msg;
  if (cycle.size() == 1) {
    msg = absl::StrCat("invalid recursive type: ", cycle[0]->name, " refers to itself");
  } else {
    msg = absl::StrCat("invalid recursive type ", cycle[0]->name);
    for (size_t i = 0; i < cycle.size(); ++i) {
      Object* from = cycle[i];
      absl::StrAppend(&msg, "\n\t", program_.sources.Format(from->pos), ": ", from->name, " refers to ",
                      cycle[(i + 1) % cycle.size()]->name);
    }
  }
  program_.diags.Error(cycle[0]->pos, msg);
}

// The type names from `obj` to the innermost one being resolved: a cycle when obj
// is being resolved itself.
std::vector<Object*> Checker::TypePathFrom(Object* obj) {
  auto it = std::find(type_path_.begin(), type_path_.end(), obj);
  if (it == type_path_.end()) return {obj};
  return std::vector<Object*>(it, type_path_.end());
}

// Whether n values of elem take 1<<50 bytes or more, gc's limit on amd64 (its
// MaxWidth): "type T larger than address space". A type not yet complete (a named
// type being declared) or invalid is not judged.
bool Checker::TooLarge(Type* elem, int64_t n) {
  std::function<bool(Type*)> complete = [&](Type* t) -> bool {
    if (t == nullptr || IsBasicKind(t, BasicKind::kInvalid)) return false;  // reported already
    if (auto* named = t->As<Named>()) return named->underlying() != nullptr && complete(named->underlying());
    if (auto* a = t->As<Array>()) return complete(a->elem());
    if (auto* st = t->As<Struct>()) {
      for (const auto& f : st->fields())
        if (!complete(f.type)) return false;
    }
    return true;
  };
  if (n == 0 || !complete(elem)) return false;
  constexpr __int128 kMaxWidth = __int128{1} << 50;
  return static_cast<__int128>(SizeOf(elem)) * n >= kMaxWidth;
}

// A type that contains itself by value, through struct fields and array elements
// (not through pointers, slices, maps, channels, functions or interfaces), would
// have no finite size: gc's "invalid recursive type" (types2's validType).
void Checker::ReportContainmentCycles() {
  enum class State { kOnPath, kDone };
  std::map<Named*, State> state;
  std::vector<Named*> path;
  std::function<void(Type*)> visit = [&](Type* t) {
    if (t == nullptr) return;
    if (auto* n = t->As<Named>()) {
      if (n->obj() == nullptr || n->obj()->pkg != pkg_) return;  // other packages are checked
      auto it = state.find(n);
      if (it != state.end() && it->second == State::kDone) return;
      if (it != state.end()) {  // back on the path: a cycle
        std::vector<Named*> cycle(std::find(path.begin(), path.end(), n), path.end());
        auto first = std::min_element(cycle.begin(), cycle.end(), [](Named* a, Named* b) {
          return a->obj()->pos < b->obj()->pos;
        });
        std::rotate(cycle.begin(), first, cycle.end());
        ReportRecursiveType(cycle);
        return;
      }
      state[n] = State::kOnPath;
      path.push_back(n);
      visit(n->underlying());
      path.pop_back();
      state[n] = State::kDone;
      return;
    }
    if (auto* st = t->As<Struct>()) {
      for (const auto& f : st->fields()) visit(f.type);
    } else if (auto* a = t->As<Array>()) {
      visit(a->elem());
    }
  };
  for (Object* obj : pkg_objects_)
    if (obj->kind == ObjectKind::kTypeName && obj->type != nullptr) visit(obj->type);
}

void Checker::ResolveFunc(Object* obj) {
  FuncDecl* d = obj->decl;
  if (!d->func_type->type_params.empty()) {
    if (d->recv) {
      Errorf(d->func_type->type_params[0].pos, "method must have no type parameters");
      obj->type = nullptr;
      return;
    }
    // A generic function: its signature in terms of its type parameters.
    obj->generic = true;
    obj->generic_scope = scope_;
    Scope* bind = program_.NewScope(scope_);
    obj->type_params = DeclareTypeParams(d->func_type->type_params, bind);
    Scope* saved = scope_;
    scope_ = bind;
    obj->type = ResolveSignature(d->func_type, nullptr, program_.NewScope(bind), nullptr, nullptr);
    scope_ = saved;
    if (obj->name == "main" || obj->name == "init")
      Errorf(d->name->pos, "func %s must have no type parameters", obj->name);
    return;
  }
  // The receiver's base type, and for a generic one the names its type
  // parameters get in this method: (l *List[T]).
  Expr* rt = d->recv ? d->recv->type_expr : nullptr;
  bool ptr = false;
  IndexExpr* generic_recv = nullptr;
  if (rt) {
    rt = Unparen(rt);
    if (auto* s = rt->As<StarExpr>()) rt = s->x, ptr = true;
    rt = Unparen(rt);
    if ((generic_recv = rt->As<IndexExpr>())) rt = generic_recv->x;
  }
  Scope* tmp = program_.NewScope(scope_);
  if (generic_recv) {
    Ident* base_id = rt->As<Ident>();
    Object* base = base_id ? pkg_->scope->LookupLocal(base_id->name) : nullptr;
    if (base && base->kind == ObjectKind::kTypeName) ResolveObject(base);
    Named* named = base && base->type ? base->type->As<Named>() : nullptr;
    if (!named || !named->IsGeneric()) {
      Errorf(rt->pos, "%s is not a generic type", base_id ? base_id->name : ExprString(rt));
      return;
    }
    if (generic_recv->indices.size() != named->type_params().size()) {
      Errorf(generic_recv->pos, "got %d type parameters, but receiver base type declares %d",
             generic_recv->indices.size(), named->type_params().size());
      return;
    }
    // Bound to the generic type's own parameters: the method's signature is
    // then in the same terms as the type's declaration.
    std::vector<Ident*> names;
    // `(l *List[_])`: a blank parameter still has to be bound in every instance
    // (its receiver type names it), so it gets a name no identifier can have.
    for (size_t k = 0; k < generic_recv->indices.size(); ++k)
      if (auto* id = generic_recv->indices[k]->As<Ident>(); id && id->name == "_")
        id->name = absl::StrCat("_\u00b7", k);
    for (Expr* i : generic_recv->indices) {
      names.push_back(i->As<Ident>());
      if (!i->As<Ident>()) Errorf(i->pos, "receiver type parameter %s must be an identifier", ExprString(i));
    }
    std::vector<Type*> params(named->type_params().begin(), named->type_params().end());
    tmp = program_.NewScope(BindTypeArgs(scope_, names, params));
    obj->generic = true;
    obj->generic_scope = scope_;
  }
  Scope* saved_scope = scope_;
  scope_ = tmp->parent;
  obj->type = ResolveSignature(d->func_type, d->recv, tmp, nullptr, nullptr);
  scope_ = saved_scope;
  if (d->recv) {
    // Attach the method to its receiver's base type.
    Ident* base_id = rt->As<Ident>();
    Object* base = base_id ? pkg_->scope->LookupLocal(base_id->name) : nullptr;
    if (!base || base->kind != ObjectKind::kTypeName) {
      Errorf(rt->pos, "undefined: %s", base_id ? base_id->name : ExprString(rt));
      return;
    }
    ResolveObject(base);
    Named* named = base->type ? base->type->As<Named>() : nullptr;
    if (!named) {
      Errorf(rt->pos, "invalid receiver type %s", TypeString(base->type));
      return;
    }
    if (named->Underlying()->As<Pointer>() || named->Underlying()->As<Interface>()) {
      Errorf(rt->pos, "invalid receiver type %s (pointer or interface type)", base->name);
      return;
    }
    for (Object* m : named->methods()) {
      if (m->name == obj->name && obj->name != "_") {
        Errorf(d->name->pos, "method %s.%s already declared at %s", base->name, obj->name,
               program_.sources.Format(m->pos));
        return;
      }
    }
    if (auto* st = named->Underlying()->As<Struct>()) {
      for (auto& f : st->fields()) {
        if (f.name == obj->name && obj->name != "_") {
          Errorf(d->name->pos, "field and method with the same name %s", obj->name);
          return;
        }
      }
    }
    obj->recv_type = ptr ? static_cast<Type*>(types_.NewPointer(named)) : named;
    obj->pointer_recv = ptr;
    named->methods().push_back(obj);
  }
}

void Checker::CheckUnusedImports() {
  for (const DotImport& d : dot_imports_) {
    if (!d.used) Errorf(d.pos, "\"%s\" imported and not used", d.imported->path);
  }
  for (auto& [key, obj] : imports_used_) {
    if (obj->used) continue;
    if (obj->name == obj->imported->name) {
      Errorf(obj->pos, "\"%s\" imported and not used", obj->imported->path);
    } else {
      Errorf(obj->pos, "\"%s\" imported as %s and not used", obj->imported->path, obj->name);
    }
  }
}

// Go spec, "Package initialization": repeatedly initialise the earliest variable in
// declaration order that is ready, i.e. whose initialiser refers (directly, or
// through the bodies of functions and methods it refers to) to no uninitialised
// variable. A method counts when it is named by a method value, call or
// expression on a concrete type (AddMethodDep); a call through an interface
// refers to no particular method, as in the spec.
void Checker::ComputeInitOrder() {
  std::vector<Object*> vars;
  for (Object* obj : pkg_objects_)
    if (obj->kind == ObjectKind::kVar) vars.push_back(obj);
  // The variables each variable's initialiser depends on, through functions.
  std::map<Object*, std::set<Object*>> var_deps;
  for (Object* v : vars) {
    std::set<Object*> seen;
    std::vector<Object*> stack(deps_[v].begin(), deps_[v].end());
    while (!stack.empty()) {
      Object* d = stack.back();
      stack.pop_back();
      if (!seen.insert(d).second) continue;
      if (d->kind == ObjectKind::kVar) {
        var_deps[v].insert(d);
      } else if (d->kind == ObjectKind::kFunc) {
        for (Object* x : deps_[d]) stack.push_back(x);
      }
    }
  }
  std::set<Object*> done;
  std::set<ValueSpec*> specs_done;
  auto ready = [&](Object* v) {
    for (Object* d : var_deps[v])
      if (!done.count(d)) return false;
    return true;
  };
  auto outstanding = [&](Object* v) {
    size_t n = 0;
    for (Object* d : var_deps[v]) n += !done.count(d);
    return n;
  };
  // The reference chain from v back to v (go/types' findPath, over variables and
  // functions alike), or empty when v is not on a cycle.
  auto find_cycle = [&](Object* v) {
    std::vector<Object*> path;
    std::set<Object*> seen{v};
    std::function<bool(Object*)> find = [&](Object* o) -> bool {
      for (Object* d : deps_[o]) {
        if (d == v) {
          path.push_back(d);
          return true;
        }
        if (!seen.insert(d).second) continue;
        path.push_back(d);
        if (find(d)) return true;
        path.pop_back();
      }
      return false;
    };
    find(v);
    return path;
  };
  while (done.size() < vars.size()) {
    // As go/types' initOrder: the variable with the fewest uninitialised
    // dependencies, the earliest declared on a tie. Zero when the program is right.
    Object* next = nullptr;
    for (Object* v : vars) {
      if (!done.count(v) && ready(v)) {
        next = v;
        break;
      }
    }
    size_t best = 0;
    if (!next) {
      for (Object* v : vars) {
        if (done.count(v)) continue;
        size_t n = outstanding(v);
        if (!next || n < best) next = v, best = n;
      }
    }
    if (best > 0) {
      // A cycle: report it as gc does, with the chain of references, then carry on
      // as if next were initialised (a variable only leading into a cycle reports
      // nothing; the cycle is reported when one of its own variables comes up).
      std::vector<Object*> path = find_cycle(next);
      if (!path.empty()) {
        // path ends back at next: "x refers to f", "f refers to x".
        std::string msg = absl::StrCat("initialization cycle for ", next->name);
        Object* from = next;
        for (Object* o : path) {
          absl::StrAppend(&msg, "\n\t", program_.sources.Format(from->pos), ": ", from->name,
                          " refers to ", o->name);
          from = o;
        }
        program_.diags.Error(next->pos, msg);
      }
    }
    // The variables of one spec share its initialiser, emitted for the first of
    // them; each is still its own node (go/types' initOrder), so a cycle through a
    // later one (a, b = f(); c = b; f reads c) is found when it comes up.
    done.insert(next);
    if (next->value_spec && !next->value_spec->values.empty() &&
        specs_done.insert(next->value_spec).second)
      pkg_->var_init_order.push_back(next->value_spec);
  }
}

}  // namespace gojit::frontend
