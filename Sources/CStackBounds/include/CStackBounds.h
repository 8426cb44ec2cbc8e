#ifndef CSTACKBOUNDS_H
#define CSTACKBOUNDS_H

#include <stddef.h>

/// The lowest address and the size of the calling thread's stack. Returns 0 on success, -1 when
/// the platform cannot tell (the caller then runs without a stack guard).
int cnn_current_stack_bounds(void **low, size_t *size);

#endif
