import TensorCore

/// The tool's version and how this binary was built, for `cnn-lesson --version`.
enum BuildInfo {
  /// The version of cnn-lesson: this is the one place it is written.
  static let version = "0.11.0"

  /// `debug` or `release`.
  static let configuration: String = {
    #if DEBUG
      return "debug"
    #else
      return "release"
    #endif
  }()

  /// The CPU architecture the binary is for.
  static let architecture: String = {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #elseif arch(i386)
      return "i386"
    #elseif arch(arm)
      return "arm"
    #else
      return "an unknown architecture"
    #endif
  }()

  /// The CPU the kernels were compiled for, within the architecture.
  static var cpuTarget: String {
    if KernelBuild.fusedMultiplyAdd { return "haswell (AVX2 + FMA kernels)" }
    return architecture == "x86_64" ? "generic x86-64 (no FMA kernels)" : "generic \(architecture)"
  }

  /// The operating system the binary is for.
  static let operatingSystem: String = {
    #if os(Linux)
      return "Linux"
    #elseif os(macOS)
      return "macOS"
    #elseif os(Windows)
      return "Windows"
    #else
      return "an unknown system"
    #endif
  }()

  /// `cnn-lesson 0.11.0` and a line saying how it was built.
  static var text: String {
    let advice =
      configuration == "debug"
      ? "\nnote: a debug build is slow; for training use swift build -c release" : ""
    return """
      cnn-lesson \(version)
      built: \(configuration), \(architecture), CPU target \(cpuTarget), \(operatingSystem)
      """ + advice
  }
}
