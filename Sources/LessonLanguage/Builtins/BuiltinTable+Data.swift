/// torchvision's `datasets` and `transforms`, and `torch.utils.data.DataLoader`, over NeuralNet's
/// MNIST reader and loader.
extension BuiltinTable {
  static let data: [BuiltinFunction] = [
    dataset("MNIST", .mnist), dataset("FashionMNIST", .fashionMNIST),
    .function("torchvision.transforms.ToTensor") { _ in .object(TransformObject(ToTensor())) },
    .function(
      "torchvision.transforms.Normalize", .value("mean"), .value("std"),
      .bool("inplace", default: false)
    ) { interpreter, mean, std, _ in
      func floats(_ value: Value) throws -> [Float] {
        if numeric(value) != nil { return [Float(try interpreter.numberValue(value))] }
        return try interpreter.iterateAll(value).map { Float(try interpreter.numberValue($0)) }
      }
      return .object(TransformObject(Normalize(mean: try floats(mean), std: try floats(std))))
    },
    .function("torchvision.transforms.Compose", .value("transforms")) { interpreter, transforms in
      let steps = try interpreter.iterateAll(transforms).map { value -> any ImageTransform in
        guard case .object(let object as TransformObject) = value else {
          throw PythonException.type(
            "Compose takes a list of transforms, got \(typeName(of: value))",
            notes: ["lessons support transforms.ToTensor() and transforms.Normalize(mean, std)"])
        }
        return object.transform
      }
      return .object(TransformObject(Compose(steps)))
    },
    .function(
      "torch.utils.data.DataLoader", .value("dataset"), .int("batch_size", default: 1),
      .bool("shuffle", default: false), .optionalValue("sampler"),
      .optionalValue("batch_sampler"), .int("num_workers", default: 0),
      .optionalValue("collate_fn"), .bool("pin_memory", default: false),
      .bool("drop_last", default: false)
    ) {
      interpreter, datasetValue, batchSize, shuffle, sampler, batchSampler, _, collate, _, dropLast
      in
      guard case .object(let object as DatasetObject) = datasetValue else {
        throw PythonException.type(
          "DataLoader(): argument 'dataset' must be a dataset such as datasets.MNIST(...), not "
            + typeName(of: datasetValue))
      }
      for (name, value) in [
        ("sampler", sampler), ("batch_sampler", batchSampler), ("collate_fn", collate),
      ] where value != nil {
        throw PythonException.unsupported("DataLoader(\(name)=...) is not supported in lessons")
      }
      let loader = try DataLoader(
        dataset: object.dataset, batchSize: batchSize, shuffle: shuffle, dropLast: dropLast,
        generator: interpreter.generator)
      return .object(LoaderObject(loader: loader, dataset: object, interpreter: interpreter))
    },
  ]

  /// `datasets.MNIST(root, train=True, transform=None, target_transform=None, download=False)`.
  private static func dataset(_ name: String, _ variant: MNISTDataset.Variant) -> BuiltinFunction {
    .function(
      "torchvision.datasets." + name, .string("root"), .bool("train", default: true),
      .optionalValue("transform"), .optionalValue("target_transform"),
      .bool("download", default: false)
    ) { interpreter, root, train, transformValue, targetTransform, download in
      if targetTransform != nil {
        throw PythonException.unsupported(
          "\(variant.rawValue)(target_transform=...) is not supported in lessons")
      }
      var transform: (any ImageTransform)?
      if let transformValue {
        guard case .object(let object as TransformObject) = transformValue else {
          throw PythonException.type(
            "\(name)(): argument 'transform' must be a transform such as transforms.ToTensor(), "
              + "not \(typeName(of: transformValue))")
        }
        transform = object.transform
      }
      let environment = interpreter.environment
      // Any root may be read (the official MNIST example reads '../data'); a download writes
      // only inside the lesson's folder, the data folders and the cache (`writableFolders`).
      let resolved = environment.resolve(root)
      let dataset = try MNISTDataset(
        variant: variant, root: resolved, train: train, transform: transform,
        download: download && environment.allowsDownloads,
        searchDirectories: environment.dataDirectories,
        defaults: MNISTDataset.defaultDirectories(
          for: variant, cacheDirectory: environment.cacheDirectory),
        writableFolders: [environment.workingDirectory] + environment.dataDirectories
          + (environment.cacheDirectory.map { [$0] } ?? []))
      return .object(DatasetObject(dataset))
    }
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
      let start: Duration
      var samples = 0
      let pass: Int

      init(loader: DataLoader, interpreter: Interpreter?) {
        self.loader = loader
        self.interpreter = interpreter
        epoch = loader.makeEpoch()
        pass = interpreter?.beginLoaderPass(loader) ?? 1
        start = interpreter?.environment.clock.now() ?? .zero
      }

      func next() throws -> Value? {
        guard let (data, target) = try epoch.next() else { return nil }
        samples += target.count
        interpreter?.reportProgress(
          LoaderProgress(
            pass: pass, batch: epoch.batchesReturned, batches: loader.count, samples: samples,
            totalSamples: loader.dataset.count,
            elapsed: (interpreter?.environment.clock.now() ?? start) - start))
        return .tuple([.tensor(data), .tensor(target)])
      }
    }
    return Iterator(loader: loader, interpreter: interpreter)
  }
}
