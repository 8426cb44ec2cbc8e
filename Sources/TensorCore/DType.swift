/// The element types a tensor can hold, as in PyTorch.
///
/// `float32` is the default for tensors made from Python floats; `int64` holds labels, indices and
/// counts; `bool` holds comparison results (stored as 0 / 1 in the integer buffer).
public enum DType: Sendable, Equatable, CustomStringConvertible {
  case float32
  case int64
  case bool

  /// PyTorch's spelling: `torch.float32`, `torch.int64`, `torch.bool`.
  public var description: String {
    switch self {
    case .float32: return "torch.float32"
    case .int64: return "torch.int64"
    case .bool: return "torch.bool"
    }
  }

  /// True for `float32`.
  public var isFloatingPoint: Bool { self == .float32 }

  /// The type of `a op b` for arithmetic, following PyTorch's promotion (bool < int64 < float32).
  public static func promoted(_ a: DType, _ b: DType) -> DType {
    if a == .float32 || b == .float32 { return .float32 }
    if a == .int64 || b == .int64 { return .int64 }
    return .bool
  }
}

extension DType {
  /// The bytes one element takes in a tensor's storage: 4 for float32, 8 for int64 and bool
  /// (stored in the int64 buffer).
  public var storageBytes: Int { self == .float32 ? 4 : 8 }

  /// PyTorch's C++ scalar type name, as in "expected scalar type Long but found Float".
  var scalarTypeName: String {
    switch self {
    case .float32: "Float"
    case .int64: "Long"
    case .bool: "Bool"
    }
  }

  /// The C type name PyTorch uses in matmul's dtype message (`float`, `long int`, `bool`).
  var cName: String {
    switch self {
    case .float32: "float"
    case .int64: "long int"
    case .bool: "bool"
    }
  }

  /// The legacy tensor type name in a few PyTorch messages (`torch.FloatTensor`).
  var tensorTypeName: String {
    switch self {
    case .float32: "torch.FloatTensor"
    case .int64: "torch.LongTensor"
    case .bool: "torch.BoolTensor"
    }
  }
}
