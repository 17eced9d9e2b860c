// --emit=types: each package-level object of every user package with its type, and
// the type of every local variable declared in function bodies, in source order.
#include "absl/strings/str_cat.h"
#include "frontend/program.h"

namespace gojit::frontend {

std::string DumpTypes(Program& program) {
  std::string out;
  for (Package* pkg : program.init_order) {
    if (pkg->is_stdlib) continue;
    for (Object* obj : pkg->scope->ordered) {
      const char* kind = obj->kind == ObjectKind::kConst      ? "const"
                         : obj->kind == ObjectKind::kVar      ? "var"
                         : obj->kind == ObjectKind::kTypeName ? "type"
                                                              : "func";
      absl::StrAppend(&out, program.sources.Format(obj->pos), "\t", kind, " ", obj->name, " ",
                      obj->kind == ObjectKind::kTypeName && obj->type && obj->type->As<Named>()
                          ? TypeString(obj->type->Underlying())
                          : TypeString(obj->type));
      if (obj->constant) absl::StrAppend(&out, " = ", obj->constant->String_());
      absl::StrAppend(&out, "\n");
      if (obj->kind == ObjectKind::kTypeName && obj->type && obj->type->As<Named>()) {
        for (Object* m : obj->type->As<Named>()->methods())
          absl::StrAppend(&out, program.sources.Format(m->pos), "\tmethod ", m->LinkName(), " ",
                          TypeString(m->type), "\n");
      }
    }
  }
  for (auto& obj : program.objects) {
    if (obj->kind != ObjectKind::kVar || obj->is_global || obj->is_field || !obj->pkg ||
        obj->pkg->is_stdlib || obj->name.empty() || !obj->pos.IsValid())
      continue;
    absl::StrAppend(&out, program.sources.Format(obj->pos), "\tlocal ", obj->name, " ",
                    TypeString(obj->type), obj->escapes ? " (escapes to heap)" : "", "\n");
  }
  return out;
}

}  // namespace gojit::frontend
