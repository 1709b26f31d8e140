import Foundation

/// How a `TBLiteCalculator` runs: which inputs it takes, which Python, threads, time limit.
public struct TBLiteOptions: Sendable {
    /// Which structures the calculator accepts.
    public enum Scope: String, Sendable {
        /// 3D-periodic cells only (the default): a guard for callers that mean to compute crystals only.
        /// (The store tells the engines apart either way: the engine is part of a calculation's identity.)
        case periodicOnly
        /// Periodic cells and molecules.
        case periodicAndMolecular
    }

    public var scope: Scope
    /// The Python interpreter (path or name on PATH); nil: $INTERSCREEN_PYTHON, else `python3`.
    public var python: String?
    /// OpenMP/OpenBLAS threads of the bridge; nil: OMP_NUM_THREADS of this process, else 1.
    public var threads: Int?
    /// Longest wait for one single point before the bridge is stopped (and restarted on next use).
    public var timeout: Duration
    /// Longest wait for the bridge to import numpy and tblite and say it is ready.
    public var startTimeout: Duration
    /// Folder under which the calculator makes its private scratch folder; nil: the temporary folder.
    public var scratchParent: URL?

    public init(scope: Scope = .periodicOnly, python: String? = nil, threads: Int? = nil,
                timeout: Duration = .seconds(7200), startTimeout: Duration = .seconds(120),
                scratchParent: URL? = nil) {
        self.scope = scope
        self.python = python
        self.threads = threads
        self.timeout = timeout
        self.startTimeout = startTimeout
        self.scratchParent = scratchParent
    }
}
