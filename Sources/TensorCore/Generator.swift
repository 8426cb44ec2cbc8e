/// A seeded pseudo-random generator (xoshiro256**), the one source of randomness for `rand`,
/// `randn`, `randperm`, weight initialisation, dropout and shuffling.
///
/// There is no global generator: whoever needs randomness is handed one (the lesson interpreter
/// owns one and `torch.manual_seed` reseeds it), so a run repeats bit for bit. Values differ from
/// PyTorch's generator; distributions match.
public final class Generator {
  private var state: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var spareNormal: Float?

  /// The seed last given to `init(seed:)` or `manualSeed(_:)`.
  public private(set) var initialSeed: UInt64 = 0

  public init(seed: UInt64 = 0) {
    manualSeed(seed)
  }

  /// Reseeds: the following draws are those of a new generator with this seed.
  public func manualSeed(_ seed: UInt64) {
    initialSeed = seed
    var splitMix = seed
    func next() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (next(), next(), next(), next())
    spareNormal = nil
  }

  /// The next 64 random bits.
  public func nextBits() -> UInt64 {
    // Work on a local copy: updating the stored tuple while reading it would overlap accesses.
    var (s0, s1, s2, s3) = state
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    state = (s0, s1, s2, s3)
    return result
  }

  /// Uniform in `[0, 1)` with 24 random bits.
  public func nextUniform() -> Float {
    Float(nextBits() >> 40) * (1.0 / 16_777_216.0)
  }

  /// Uniform in `[low, high)`.
  public func nextUniform(_ low: Float, _ high: Float) -> Float {
    low + (high - low) * nextUniform()
  }

  /// Standard normal (Box-Muller; the second value of each pair is kept for the next call).
  public func nextNormal() -> Float {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    var u1 = Double(nextBits() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    if u1 < 1e-300 { u1 = 1e-300 }
    let u2 = Double(nextBits() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    let radius = (-2.0 * log(u1)).squareRoot()
    spareNormal = Float(radius * sin(2.0 * Double.pi * u2))
    return Float(radius * cos(2.0 * Double.pi * u2))
  }

  /// Uniform integer in `0..<bound` (bound > 0), without modulo bias.
  public func nextInt(below bound: Int) -> Int {
    let limit = UInt64(bound)
    let threshold = (0 &- limit) % limit
    while true {
      let bits = nextBits()
      if bits >= threshold { return Int(bits % limit) }
    }
  }

  /// A random permutation of `0..<n` (Fisher-Yates).
  public func permutation(_ n: Int) -> [Int] {
    var values = Array(0..<n)
    if n < 2 { return values }
    for i in stride(from: n - 1, to: 0, by: -1) {
      values.swapAt(i, nextInt(below: i + 1))
    }
    return values
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
