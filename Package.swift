// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "nabla",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "nabla", targets: ["nabla"]),
    .library(name: "Autodiff", targets: ["Autodiff"]),
    .library(name: "Network", targets: ["Network"]),
    .library(name: "Functions", targets: ["Functions"]),
    .library(name: "Shell", targets: ["Shell"]),
    .library(name: "Lessons", targets: ["Lessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The engine: a scalar reverse-mode tape. No printing, no Foundation.
    .target(name: "Autodiff"),
    // Neurons, layers, parameters, losses and optimisers, built on the tape.
    .target(name: "Network", dependencies: ["Autodiff"]),
    // Variables, functions of them, their computation graphs and gradient descent, built on the tape.
    .target(name: "Functions", dependencies: ["Autodiff"]),
    // The command language: text in, text out. No terminal.
    .target(name: "Shell", dependencies: ["Network", "Functions"]),
    // Lessons: the format, the checker and the player, on top of the interpreter.
    .target(name: "Lessons", dependencies: ["Shell", "Functions", "Network"]),
    // libedit, for line editing, history and completion.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // The thin executable: arguments, the line editor, signals, exit status.
    .executableTarget(
      name: "nabla",
      dependencies: [
        "Shell", "Lessons", "CLibEdit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "AutodiffTests", dependencies: ["Autodiff"]),
    .testTarget(name: "NetworkTests", dependencies: ["Network"]),
    .testTarget(name: "FunctionsTests", dependencies: ["Functions"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell", "Network"], exclude: ["Transcripts"]),
    .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Shell"]),
    // Drives the built executable through a pseudo-terminal.
    .testTarget(name: "EndToEndTests"),
  ],
  swiftLanguageModes: [.v6]
)
