/// How this build of TensorCore's kernels was compiled, for `cnn-lesson --version` and reports.
public enum KernelBuild {
  /// True when the kernels were compiled for Haswell (AVX2 + FMA) with fused multiply-adds in
  /// the micro-kernels: `TENSORCORE_FMA`, which Package.swift defines (with `-target-cpu haswell`)
  /// in release builds on a machine with AVX2 and FMA, unless `CNN_LESSON_PORTABLE=1`.
  public static let fusedMultiplyAdd: Bool = {
    #if TENSORCORE_FMA
      return true
    #else
      return false
    #endif
  }()
}
