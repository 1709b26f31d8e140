import Foundation

/// Where and when a result was made, stored with its rows (never part of its identity).
public struct Provenance: Sendable {
    public var runID: Int64?
    public var host: String
    /// The interscreen version that computed it.
    public var version: String
    public var startedAt: Date
    public var finishedAt: Date
    /// The file the input structure was read from, if any.
    public var sourceFile: String?
    /// The structure the input was built from (a bulk supercell's cell), if any.
    public var parentHash: String?

    public init(runID: Int64?, host: String, version: String, startedAt: Date, finishedAt: Date = Date(),
                sourceFile: String? = nil, parentHash: String? = nil) {
        self.runID = runID
        self.host = host
        self.version = version
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sourceFile = sourceFile
        self.parentHash = parentHash
    }
}
