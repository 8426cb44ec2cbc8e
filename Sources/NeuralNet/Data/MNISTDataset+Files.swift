import Foundation

/// Finding and reading the four IDX files: where `datasets.MNIST(root=..., download=...)` looks.
extension MNISTDataset {
  /// The files of one split, without `.gz` (each may be stored plain or gzipped).
  public static func fileNames(train: Bool) -> (images: String, labels: String) {
    train
      ? ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")
      : ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
  }

  /// The documented fallbacks: `<cache>/<MNIST|FashionMNIST>` (the command line passes
  /// `~/.cache/cnn-lesson`), and for Fashion-MNIST `/usr/share/datasets/fashion-mnist` (where
  /// Debian's `dataset-fashion-mnist` package puts it).
  public static func defaultDirectories(for variant: Variant, cacheDirectory: String?) -> [String] {
    let cache = cacheDirectory.map { [join($0, variant.rawValue)] } ?? []
    return variant == .mnist ? cache : cache + ["/usr/share/datasets/fashion-mnist"]
  }

  /// Every folder searched, in order: `root/<Variant>/raw` (torchvision's layout) and `root`
  /// itself; each of `searchDirectories` (as a torchvision root, then as a flat folder); then
  /// `defaults`. A flat folder is taken to hold whichever variant was asked for.
  public static func candidateDirectories(
    variant: Variant, root: String, searchDirectories: [String], defaults: [String]
  ) -> [String] {
    var candidates = [rawDirectory(variant: variant, root: root), root]
    for directory in searchDirectories {
      candidates += [rawDirectory(variant: variant, root: directory), directory]
    }
    candidates += defaults
    var seen = Set<String>()
    return candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// `root/<Variant>/raw`, where torchvision keeps (and `download=True` writes) the files.
  public static func rawDirectory(variant: Variant, root: String) -> String {
    join(root, "\(variant.rawValue)/raw")
  }

  /// The path of `name` in `directory`, plain or `.gz` (plain first), if it exists.
  static func existingFile(_ name: String, in directory: String) -> String? {
    [name, name + ".gz"].map { join(directory, $0) }.first {
      FileManager.default.fileExists(atPath: $0)
    }
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  // MARK: - Loading

  /// `datasets.MNIST(root, train=, transform=, download=)`: the split from the first folder of
  /// `candidateDirectories` that holds both its files; when none does and `download` is true, the
  /// four files are fetched into `root/<Variant>/raw` first. `defaults` are searched last (see
  /// `defaultDirectories(for:cacheDirectory:)`), `downloader` replaces the standard mirrors.
  /// `writableFolders`, when given, are the only folders a download may write into (the lesson's
  /// folder and the cache): a root outside them is refused before anything is fetched.
  public convenience init(
    variant: Variant = .mnist, root: String, train: Bool = true,
    transform: (any ImageTransform)? = nil,
    download: Bool = false, searchDirectories: [String] = [], defaults: [String] = [],
    downloader: DatasetDownloader? = nil, writableFolders: [String]? = nil
  ) throws {
    let candidates = Self.candidateDirectories(
      variant: variant, root: root, searchDirectories: searchDirectories,
      defaults: defaults)
    let names = Self.fileNames(train: train)
    let target = Self.rawDirectory(variant: variant, root: root)
    let search = DatasetSearch(
      variant: variant, files: [names.images, names.labels], folders: candidates,
      downloadFolder: target)
    var found = Self.locate(names, in: candidates)
    if found == nil && download {
      if let writableFolders {
        try DatasetRoot.check(root: root, resolved: target, allowed: writableFolders)
      }
      do {
        try (downloader ?? DatasetDownloader(variant: variant)).download(
          variant: variant, into: target)
      } catch DatasetError.downloadFailed(let file, let attempts, _) {
        // Say where the files were looked for too, not only that the download failed.
        throw DatasetError.downloadFailed(file: file, attempts: attempts, search: search)
      }
      found = Self.locate(names, in: [target])
    }
    guard let (directory, imagesPath, labelsPath) = found else {
      throw DatasetError.notFound(search)
    }
    let imageFile = try IDXFile(contentsOf: imagesPath, rank: 3, checksums: .beside(imagesPath))
    let labelFile = try IDXFile(contentsOf: labelsPath, rank: 1, checksums: .beside(labelsPath))
    guard imageFile.dimensions[0] == labelFile.dimensions[0] else {
      throw DatasetError.splitMismatch(
        images: imagesPath, imageCount: imageFile.dimensions[0], labels: labelsPath,
        labelCount: labelFile.dimensions[0])
    }
    try self.init(
      variant: variant, train: train, images: imageFile.bytes,
      labels: labelFile.bytes.map { Int64($0) },
      rows: imageFile.dimensions[1], columns: imageFile.dimensions[2], transform: transform,
      root: root,
      sourceDirectory: directory)
  }

  /// The first folder holding both files of the split.
  private static func locate(
    _ names: (images: String, labels: String), in candidates: [String]
  ) -> (String, String, String)? {
    for directory in candidates {
      if let images = existingFile(names.images, in: directory),
        let labels = existingFile(names.labels, in: directory)
      {
        return (directory, images, labels)
      }
    }
    return nil
  }
}
