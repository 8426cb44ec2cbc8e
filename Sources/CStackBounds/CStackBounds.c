// pthread_getattr_np is a GNU extension that Swift's Glibc module does not import, so it is called
// from C, with the C calling convention.
#define _GNU_SOURCE
#include "CStackBounds.h"

#if defined(__linux__)
#include <pthread.h>

int cnn_current_stack_bounds(void **low, size_t *size) {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return -1;
  int status = pthread_attr_getstack(&attributes, low, size);
  pthread_attr_destroy(&attributes);
  return status == 0 ? 0 : -1;
}
#elif defined(__APPLE__)
#include <pthread.h>

int cnn_current_stack_bounds(void **low, size_t *size) {
  pthread_t self = pthread_self();
  size_t stack_size = pthread_get_stacksize_np(self);
  char *high = (char *)pthread_get_stackaddr_np(self);
  *low = high - stack_size;
  *size = stack_size;
  return 0;
}
#else
int cnn_current_stack_bounds(void **low, size_t *size) {
  (void)low;
  (void)size;
  return -1;
}
#endif
