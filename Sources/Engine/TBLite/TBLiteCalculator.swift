import Foundation
import Structures

/// Periodic GFN2-xTB and GFN1-xTB (Γ point) with tblite, through one long-lived Python bridge
/// process per calculator (PyPI `tblite` 0.8.0, `tblite.interface.Calculator`).
///
/// libxtb 6.5.1 refuses periodic GFN2 and fails on periodic GFN1; tblite computes both. Each
/// request builds a fresh tblite calculator, so a result depends only on (structure, settings),
/// and equals tblite's own Python API on the same input (tested to 1e-9 Eh). Not thread-safe:
/// one request at a time; use one calculator per thread or process. If the bridge dies or times
/// out, the call throws `.backend` and the next call starts a new bridge.
public final class TBLiteCalculator: Calculator {
    public let options: TBLiteOptions
    /// "tblite 0.8.0 (python 3.11.7, numpy 2.4.6)": recorded with every result.
    public let engineVersion: String
    /// The interpreter that runs the bridge.
    public let pythonURL: URL
    /// The calculator's private folder (bridge script, bridge's standard error); removed at the end.
    public let scratchFolder: URL
    private let environment: [String: String]
    private var bridge: TBLiteBridge?
    private var nextRequestID = 1

    /// Starts the bridge; throws `.backend` with "run scripts/setup" when python3, numpy or
    /// tblite is missing.
    public init(options: TBLiteOptions = TBLiteOptions()) throws {
        self.options = options
        let inherited = ProcessInfo.processInfo.environment
        pythonURL = try TBLitePython.locate(options.python, environment: inherited)
        environment = Self.bridgeEnvironment(inherited, threads: options.threads)
        let parent = options.scratchParent ?? FileManager.default.temporaryDirectory
        scratchFolder = parent.appendingPathComponent("interscreen-tblite-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratchFolder, withIntermediateDirectories: true)
        do {
            let bridge = try TBLiteBridge(python: pythonURL, folder: scratchFolder, environment: environment,
                                          startTimeout: options.startTimeout)
            self.bridge = bridge
            engineVersion = Self.version(bridge.hello)
        } catch {
            try? FileManager.default.removeItem(at: scratchFolder)
            throw error
        }
    }

    deinit {
        bridge?.stop()
        try? FileManager.default.removeItem(at: scratchFolder)
    }

    public func validate(_ structure: Structure, settings: Settings) throws {
        try TBLiteInputPolicy.check(structure, settings: settings, scope: options.scope)
    }

    public func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        try compute(structure, settings: settings).result
    }

    /// A single point with the virial as well.
    public func compute(_ structure: Structure, settings: Settings) throws -> TBLiteOutput {
        try validate(structure, settings: settings)
        let clock = ContinuousClock.now
        let request = TBLiteRequest(id: nextRequestID, structure: structure, settings: settings)
        nextRequestID += 1
        let response = try runningBridge().call(request, timeout: options.timeout)
        let elapsed = ContinuousClock.now - clock
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return try Self.output(response, atoms: structure.count, seconds: seconds, engine: engineVersion)
    }

    /// The bridge, started again if it died or was stopped after a timeout.
    private func runningBridge() throws -> TBLiteBridge {
        if let bridge, bridge.isRunning { return bridge }
        bridge?.stop(force: true)
        bridge = nil
        let fresh = try TBLiteBridge(python: pythonURL, folder: scratchFolder, environment: environment,
                                     startTimeout: options.startTimeout)
        guard Self.version(fresh.hello) == engineVersion else {
            fresh.stop()
            throw EngineError(.backend, "the restarted tblite bridge reports \(Self.version(fresh.hello)), "
                + "not \(engineVersion) as at the start")
        }
        bridge = fresh
        return fresh
    }

    /// The response as a result; a failed response becomes its `EngineError`.
    static func output(_ response: TBLiteResponse, atoms: Int, seconds: Double, engine: String) throws -> TBLiteOutput {
        guard response.ok else { throw response.engineError }
        guard let energy = response.energy, let gradient = response.gradient, gradient.count == atoms,
              gradient.allSatisfy({ $0.count == 3 }) else {
            throw EngineError(.backend, "the tblite bridge answered without an energy and a gradient for \(atoms) atoms")
        }
        let result = CalculationResult(energy: energy, gradient: gradient, charges: response.charges,
                                       gapEV: response.gapEV, sccIterations: nil,
                                       sccConverged: response.converged ?? true, wallSeconds: seconds, engine: engine)
        return TBLiteOutput(result: result, virial: response.virial, bridgeSeconds: response.seconds)
    }

    /// This process's environment with deliberate thread counts: `threads`, else the user's
    /// OMP_NUM_THREADS, else 1 (left unset, OpenMP takes every core of a shared node).
    static func bridgeEnvironment(_ inherited: [String: String], threads: Int?) -> [String: String] {
        var environment = inherited
        let omp = threads.map { String(max(1, $0)) } ?? inherited["OMP_NUM_THREADS"] ?? "1"
        environment["OMP_NUM_THREADS"] = omp
        if threads != nil || inherited["OPENBLAS_NUM_THREADS"] == nil { environment["OPENBLAS_NUM_THREADS"] = omp }
        if threads != nil || inherited["MKL_NUM_THREADS"] == nil { environment["MKL_NUM_THREADS"] = omp }
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        return environment
    }

    static func version(_ hello: TBLiteHello) -> String {
        "tblite \(hello.tblite ?? "?") (python \(hello.python ?? "?"), numpy \(hello.numpy ?? "?"))"
    }
}
