// swift-tools-version:6.0
import PackageDescription

/// interscreen: screening perovskite / hybrid-glass interfaces with GFN-xTB on HPC clusters.
///
/// Targets follow the one-way data flow of docs/architecture.md:
/// Structures → Engine → Scheduler → Store → (Analysis, Reports), with the CLI on top.
let package = Package(
    name: "interscreen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "interscreen", targets: ["interscreen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C shims: libxtb (system library) and Open MPI (system library + macro shim).
        .systemLibrary(name: "CXTB", path: "Sources/CXTB"),
        .systemLibrary(name: "CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c"),
        .target(name: "CMPIShim", dependencies: ["CMPI"], path: "Sources/CMPIShim"),

        // Typed core.
        .target(name: "Structures", path: "Sources/Structures"),
        .target(name: "Engine", dependencies: ["Structures", "CXTB"], path: "Sources/Engine"),
        .target(name: "Store", dependencies: ["Structures", "Engine", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Sources/Store"),
        .target(name: "Scheduler", dependencies: ["CMPIShim"], path: "Sources/Scheduler"),

        // Thin command-line layer.
        .executableTarget(name: "interscreen",
                          dependencies: ["Structures", "Engine", "Store", "Scheduler",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/interscreen"),

        .testTarget(name: "StructuresTests", dependencies: ["Structures"], path: "Tests/StructuresTests",
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Structures"], path: "Tests/EngineTests"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Engine", "Structures"], path: "Tests/StoreTests"),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"], path: "Tests/SchedulerTests"),
        .testTarget(name: "CLITests", dependencies: ["interscreen", "Store", "Structures"], path: "Tests/CLITests"),
    ]
)
