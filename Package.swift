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
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C shims: libxtb (system library) and Open MPI (system library + macro shim).
        .systemLibrary(name: "CXTB", path: "Sources/CXTB"),
        .systemLibrary(name: "CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c"),
        .target(name: "CMPIShim", dependencies: ["CMPI"], path: "Sources/CMPIShim"),

        // Child processes started and reaped without Foundation's SIGCHLD race.
        .target(name: "CProcess", path: "Sources/CProcess"),
        .target(name: "Processes", dependencies: ["CProcess"], path: "Sources/Processes"),

        // Typed core.
        .target(name: "Structures", path: "Sources/Structures"),
        .target(name: "Engine", dependencies: ["Structures", "CXTB", "Processes"], path: "Sources/Engine"),
        .target(name: "Store", dependencies: ["Structures", "Engine", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Sources/Store"),
        .target(name: "Models", dependencies: ["Structures", "Engine"], path: "Sources/Models"),
        .target(name: "Scheduler", dependencies: ["CMPIShim"], path: "Sources/Scheduler"),
        .target(name: "Analysis", dependencies: ["Structures"], path: "Sources/Analysis"),
        .target(name: "Campaign", dependencies: ["Structures", "Engine", "Models", "Store", "Scheduler", "Analysis",
                                                "TOMLKit"],
                path: "Sources/Campaign"),
        .target(name: "Reports", dependencies: ["Store", "Analysis"], path: "Sources/Reports"),

        // Thin command-line layer.
        .executableTarget(name: "interscreen",
                          dependencies: ["Structures", "Engine", "Models", "Store", "Scheduler", "Campaign", "Analysis",
                                         "Reports", "Processes", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/interscreen"),

        // Seeded mutations of fuzz/corpus/ for the in-suite parser fuzz runs (docs/fuzzing.md).
        .target(name: "FuzzMutations", path: "Tests/FuzzMutations"),
        .testTarget(name: "StructuresTests", dependencies: ["Structures", "Processes", "FuzzMutations"], path: "Tests/StructuresTests",
                    resources: [.copy("Fixtures")]),
        // The `xtb` binary as an independent oracle, shared by the engine and CLI tests.
        .target(name: "XTBOracle", dependencies: ["Structures", "Processes"], path: "Tests/XTBOracle"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Structures", "XTBOracle", "Processes"], path: "Tests/EngineTests"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Engine", "Structures", "Processes"], path: "Tests/StoreTests"),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Structures", "Engine", "XTBOracle", "Processes"],
                    path: "Tests/ModelsTests"),
        .testTarget(name: "CampaignTests", dependencies: ["Campaign", "Structures", "Engine", "Store", "Scheduler", "Models",
                                                         "FuzzMutations"],
                    path: "Tests/CampaignTests", exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "FuzzMutations"], path: "Tests/AnalysisTests"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Store", "Analysis", "Processes"],
                    path: "Tests/ReportsTests"),
        .testTarget(name: "ProcessesTests", dependencies: ["Processes"], path: "Tests/ProcessesTests"),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"], path: "Tests/SchedulerTests"),
        .testTarget(name: "CLITests", dependencies: ["interscreen", "Store", "Structures", "XTBOracle", "Processes"], path: "Tests/CLITests"),
    ]
)
