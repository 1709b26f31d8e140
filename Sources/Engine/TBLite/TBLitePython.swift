import Foundation

/// Finds the Python interpreter that runs the tblite bridge.
enum TBLitePython {
    /// `requested` (a path, or a name looked up on PATH), else $INTERSCREEN_PYTHON, else `python3`.
    static func locate(_ requested: String?, environment: [String: String]) throws -> URL {
        let name = requested ?? environment["INTERSCREEN_PYTHON"] ?? "python3"
        if name.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: name) else { throw missing(name) }
            return URL(fileURLWithPath: name)
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in folders {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw missing(name)
    }

    private static func missing(_ name: String) -> EngineError {
        EngineError(.backend, "\(name) was not found: the tblite backend (periodic GFN2/GFN1) needs Python 3 "
            + "with numpy and tblite 0.8.0; run scripts/setup (or set INTERSCREEN_PYTHON)")
    }
}
