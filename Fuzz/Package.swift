// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for nabla's command language and lesson format, kept out of the main
// package so that its build and tests stay as they are. Build and run them with `Fuzz/run`.

// A package depended on by path is known by the name of its folder, so the root
// package's identity is the name of the folder this one sits in.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "nabla")

let package = Package(
  name: "nabla-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    // Starts libFuzzer's driver from an executable target's own entry point.
    .target(name: "FuzzerDriver"),
    // Command lines for the interpreter, and expressions for the function parser.
    .executableTarget(
      name: "CommandFuzzer",
      dependencies: [
        "FuzzerDriver",
        .product(name: "Shell", package: root),
        .product(name: "Functions", package: root),
      ]),
    // Whole lesson files for the lesson parser.
    .executableTarget(
      name: "LessonFuzzer",
      dependencies: ["FuzzerDriver", .product(name: "Lessons", package: root)]),
  ],
  swiftLanguageModes: [.v6]
)
