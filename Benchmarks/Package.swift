// swift-tools-version: 6.1
import PackageDescription

// Speed measurements for nabla, kept out of the main package so that its build
// and tests stay lean. Run from this folder: `swift package benchmark`.

// A package depended on by path is known by the name of its folder, so the root
// package's identity is the name of the folder this one sits in.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "nabla")

let package = Package(
  name: "nabla-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "Training",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Network", package: root),
        .product(name: "Shell", package: root),
      ],
      path: "Benchmarks/Training",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
