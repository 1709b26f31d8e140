// swift-tools-version:6.0
import PackageDescription

/// interscreen: screening perovskite / hybrid-glass interfaces with GFN-xTB on HPC clusters.
///
/// Data flows one way (docs/architecture.md has the diagram):
///   job spec → tasks (Campaign) → Engine, Optimization (on ranks via Scheduler) → rows (Store)
///   → reactions and verdicts (Campaign/Run, with Analysis's rules) → report (Reports).
/// Targets, lowest first: Structures; Engine (Calculator protocol, libxtb, tblite bridge);
/// Optimization (the optimiser, on the Calculator protocol only); Store (SQLite); Models
/// (builders); Work (work order → look up → compute → record; SCC retries, failure classes, engine choice);
/// Scheduler (MPI, on its own); Analysis (verdict and comparison rules, on Structures only);
/// Campaign (spec, plan, execute, run, HPC: batch scripts, deadlines, node timing); Reports; the CLI
/// `interscreen` on top.
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
        // The geometry optimiser: uses Engine's Calculator/CalculatorSession protocols only, never a backend.
        .target(name: "Optimization", dependencies: ["Structures", "Engine"], path: "Sources/Optimization"),
        .target(name: "Store", dependencies: ["Structures", "Engine", "Optimization",
                                             .product(name: "GRDB", package: "GRDB.swift")],
                path: "Sources/Store"),
        .target(name: "Models", dependencies: ["Structures", "Engine", "Optimization"], path: "Sources/Models"),
        .target(name: "Scheduler", dependencies: ["CMPIShim"], path: "Sources/Scheduler"),
        .target(name: "Analysis", dependencies: ["Structures"], path: "Sources/Analysis"),
        // One path from a work order to its stored row: engine choice (EngineSelection), look up and record
        // (WorkLedger, also for campaigns' rank 0), the compute step (SCC retry ladder, failure classes); the jobs of
        // sp, opt, bulk and surface.
        .target(name: "Work", dependencies: ["Structures", "Engine", "Optimization", "Models", "Store"], path: "Sources/Work"),
        .target(name: "Campaign", dependencies: ["Structures", "Engine", "Optimization", "Models", "Store", "Work", "Scheduler", "Analysis",
                                                "Processes", "TOMLKit"],
                path: "Sources/Campaign"),
        .target(name: "Reports", dependencies: ["Store", "Analysis", "Structures"], path: "Sources/Reports"),

        // Thin command-line layer.
        .executableTarget(name: "interscreen",
                          dependencies: ["Structures", "Engine", "Optimization", "Models", "Store", "Work", "Scheduler", "Campaign", "Analysis",
                                         "Reports", "Processes", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/interscreen"),

        // Seeded mutations of fuzz/corpus/ for the in-suite parser fuzz runs (docs/fuzzing.md).
        .target(name: "FuzzMutations", dependencies: ["TestSupport"], path: "Tests/FuzzMutations"),
        .testTarget(name: "StructuresTests", dependencies: ["Structures", "Processes", "TestSupport", "FuzzMutations"],
                    path: "Tests/StructuresTests",
                    resources: [.copy("Fixtures")]),
        // What every test target shares: required tools (a missing one fails, never skips), seeded randomness.
        .target(name: "TestSupport", dependencies: ["Processes"], path: "Tests/TestSupport"),
        // The `xtb` binary as an independent oracle, shared by the engine and CLI tests.
        .target(name: "XTBOracle", dependencies: ["Structures", "Processes", "TestSupport"], path: "Tests/XTBOracle"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Structures", "XTBOracle", "Processes", "TestSupport"], path: "Tests/EngineTests"),
        .testTarget(name: "OptimizerTests", dependencies: ["Optimization", "Engine", "Structures", "XTBOracle", "Processes",
                                                           "TestSupport"], path: "Tests/OptimizerTests"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Engine", "Optimization", "Structures", "Processes", "TestSupport"], path: "Tests/StoreTests"),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Structures", "Engine", "Optimization", "XTBOracle", "Processes", "TestSupport"],
                    path: "Tests/ModelsTests"),
        .testTarget(name: "CampaignTests", dependencies: ["Campaign", "Work", "Structures", "Engine", "Store", "Scheduler", "Models",
                                                         "TestSupport", "FuzzMutations"],
                    path: "Tests/CampaignTests", exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport", "FuzzMutations"], path: "Tests/AnalysisTests"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Store", "Analysis", "Processes", "TestSupport"],
                    path: "Tests/ReportsTests"),
        .testTarget(name: "ProcessesTests", dependencies: ["Processes", "TestSupport"], path: "Tests/ProcessesTests"),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler", "TestSupport"], path: "Tests/SchedulerTests"),
        .testTarget(name: "CLITests", dependencies: ["interscreen", "Store", "Structures", "XTBOracle", "Processes", "TestSupport"], path: "Tests/CLITests"),
    ]
)
