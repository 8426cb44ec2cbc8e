/// torchvision's `datasets` and `transforms`, and `torch.utils.data.DataLoader`, over NeuralNet's
/// MNIST reader and loader.
extension BuiltinTable {
  nonisolated(unsafe) static let data: [String: Builtin.Body] = [
    "torchvision.datasets.MNIST": { interpreter, arguments in
      try makeDataset(interpreter, arguments, variant: .mnist)
    },
    "torchvision.datasets.FashionMNIST": { interpreter, arguments in
      try makeDataset(interpreter, arguments, variant: .fashionMNIST)
    },
    "torchvision.transforms.ToTensor": { _, arguments in
      _ = try arguments.bind("ToTensor", [])
      return .object(TransformObject(ToTensor()))
    },
    "torchvision.transforms.Normalize": { interpreter, arguments in
      let bound = try arguments.bind("Normalize", ["mean", "std", "inplace?"])
      func floats(_ name: String) throws -> [Float] {
        guard let value = bound[name] else {
          throw PythonException.type("Normalize() missing required argument '\(name)'")
        }
        if numeric(value) != nil { return [Float(try interpreter.numberValue(value))] }
        return try interpreter.iterateAll(value).map { Float(try interpreter.numberValue($0)) }
      }
      return .object(TransformObject(Normalize(mean: try floats("mean"), std: try floats("std"))))
    },
    "torchvision.transforms.Compose": { interpreter, arguments in
      let bound = try arguments.bind("Compose", ["transforms"])
      let steps = try interpreter.iterateAll(bound.values["transforms"] ?? .none).map {
        value -> any ImageTransform in
        guard case .object(let object as TransformObject) = value else {
          throw PythonException.type(
            "Compose takes a list of transforms, got \(typeName(of: value))",
            notes: ["lessons support transforms.ToTensor() and transforms.Normalize(mean, std)"])
        }
        return object.transform
      }
      return .object(TransformObject(Compose(steps)))
    },
    "torch.utils.data.DataLoader": { interpreter, arguments in
      let bound = try arguments.bind(
        "DataLoader",
        [
          "dataset", "batch_size?", "shuffle?", "sampler?", "batch_sampler?", "num_workers?",
          "collate_fn?",
          "pin_memory?", "drop_last?",
        ])
      guard case .object(let object as DatasetObject)? = bound["dataset"] else {
        throw bound.wrongType(
          "dataset", "a dataset such as datasets.MNIST(...)", bound["dataset"] ?? .none)
      }
      for unsupported in ["sampler", "batch_sampler", "collate_fn"] where bound[unsupported] != nil
      {
        throw PythonException.unsupported(
          "DataLoader(\(unsupported)=...) is not supported in lessons")
      }
      let shuffle = try bound.bool("shuffle", default: false)
      let loader = try DataLoader(
        dataset: object.dataset, batchSize: try bound.int("batch_size", default: 1),
        shuffle: shuffle,
        dropLast: try bound.bool("drop_last", default: false), generator: interpreter.generator)
      return .object(LoaderObject(loader: loader, dataset: object, interpreter: interpreter))
    },
  ]

  private static func makeDataset(
    _ interpreter: Interpreter, _ arguments: Arguments, variant: MNISTDataset.Variant
  ) throws -> Value {
    let bound = try arguments.bind(
      variant.rawValue, ["root", "train?", "transform?", "target_transform?", "download?"])
    if bound["target_transform"] != nil {
      throw PythonException.unsupported(
        "\(variant.rawValue)(target_transform=...) is not supported in lessons")
    }
    var transform: (any ImageTransform)?
    if let value = bound["transform"] {
      guard case .object(let object as TransformObject) = value else {
        throw bound.wrongType("transform", "a transform such as transforms.ToTensor()", value)
      }
      transform = object.transform
    }
    let dataset = try MNISTDataset(
      variant: variant, root: interpreter.environment.resolve(try bound.string("root")),
      train: try bound.bool("train", default: true),
      transform: transform,
      download: try bound.bool("download", default: false)
        && interpreter.environment.allowsDownloads,
      searchDirectories: interpreter.environment.dataDirectories,
      defaults: MNISTDataset.defaultDirectories(
        for: variant, cacheDirectory: interpreter.environment.cacheDirectory))
    return .object(DatasetObject(dataset))
  }
}

/// A torchvision transform (`ToTensor()`, `Normalize(...)`, `Compose([...])`).
final class TransformObject: HostObject {
  let transform: any ImageTransform
  init(_ transform: any ImageTransform) { self.transform = transform }
  var typeName: String { String(describing: type(of: transform)) }
  var text: String { transform.description }
}

/// `datasets.MNIST(...)`: `len(dataset)`, `dataset[i]`, `.data`, `.targets`, `.classes`.
final class DatasetObject: IterableObject, SubscriptableObject {
  let dataset: MNISTDataset
  private var cachedData: Tensor?

  init(_ dataset: MNISTDataset) { self.dataset = dataset }

  var typeName: String { dataset.variant.rawValue }
  var text: String { dataset.description }
  var length: Int? { dataset.count }

  func item(_ index: Value, interpreter: Interpreter) throws -> Value {
    let (image, label) = try dataset.item(at: try indexValue(index))
    return .tuple([.tensor(image), .int(Int(label))])
  }

  func makeIterator() throws -> ValueIterator {
    final class Iterator: ValueIterator {
      let dataset: MNISTDataset
      var position = 0
      init(_ dataset: MNISTDataset) { self.dataset = dataset }
      func next() throws -> Value? {
        guard position < dataset.count else { return nil }
        defer { position += 1 }
        let (image, label) = try dataset.item(at: position)
        return .tuple([.tensor(image), .int(Int(label))])
      }
    }
    return Iterator(dataset)
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "data":
      // Built once: the training images as int64 are large (see MNISTDataset.dataTensor).
      if cachedData == nil { cachedData = dataset.dataTensor() }
      return cachedData.map { .tensor($0) }
    case "targets", "train_labels", "test_labels": return .tensor(dataset.targetsTensor())
    case "classes": return .list(ListStorage(dataset.classes.map { .string($0) }))
    case "train": return .bool(dataset.isTrain)
    case "root": return .string(dataset.root)
    default: return nil
    }
  }
}

/// `DataLoader(...)`: iterating yields `(data, target)` batches made on the fly; `len(loader)` is the
/// number of batches and `loader.dataset` the dataset. Each batch is reported to the interpreter's
/// progress observer (the command line draws a progress line on a terminal).
final class LoaderObject: IterableObject {
  let loader: DataLoader
  let dataset: DatasetObject
  private weak var interpreter: Interpreter?

  init(loader: DataLoader, dataset: DatasetObject, interpreter: Interpreter) {
    self.loader = loader
    self.dataset = dataset
    self.interpreter = interpreter
  }

  var typeName: String { "DataLoader" }
  var text: String { "<torch.utils.data.dataloader.DataLoader object>" }
  var length: Int? { loader.count }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "dataset": return .object(dataset)
    case "batch_size": return .int(loader.batchSize)
    case "drop_last": return .bool(loader.dropLast)
    default: return nil
    }
  }

  func makeIterator() throws -> ValueIterator {
    final class Iterator: ValueIterator {
      let epoch: DataLoader.Epoch
      let loader: DataLoader
      weak var interpreter: Interpreter?
      let start = ContinuousClock.now
      var samples = 0
      let pass: Int

      init(loader: DataLoader, interpreter: Interpreter?) {
        self.loader = loader
        self.interpreter = interpreter
        epoch = loader.makeEpoch()
        pass = interpreter?.beginLoaderPass(loader) ?? 1
      }

      func next() throws -> Value? {
        guard let (data, target) = try epoch.next() else { return nil }
        samples += target.count
        interpreter?.reportProgress(
          LoaderProgress(
            pass: pass, batch: epoch.batchesReturned, batches: loader.count, samples: samples,
            totalSamples: loader.dataset.count, elapsed: ContinuousClock.now - start))
        return .tuple([.tensor(data), .tensor(target)])
      }
    }
    return Iterator(loader: loader, interpreter: interpreter)
  }
}
