// RunWithBigStack (see big_stack.h): a pthread with a 1 GiB stack attribute.
#include "frontend/big_stack.h"

#include <pthread.h>

#include "common/status.h"

namespace gojit::frontend {
namespace {
void* Trampoline(void* arg) {
  (*static_cast<const std::function<void()>*>(arg))();
  return nullptr;
}
}  // namespace

void RunWithBigStack(const std::function<void()>& fn, size_t bytes) {
  pthread_attr_t attr;
  CHECK(pthread_attr_init(&attr) == 0);
  CHECK(pthread_attr_setstacksize(&attr, bytes) == 0);
  pthread_t thread;
  if (pthread_create(&thread, &attr, &Trampoline, const_cast<std::function<void()>*>(&fn)) != 0) {
    fn();  // no thread to be had: run on this one
  } else {
    CHECK(pthread_join(thread, nullptr) == 0);
  }
  pthread_attr_destroy(&attr);
}

}  // namespace gojit::frontend
