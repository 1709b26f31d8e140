/// Errors of the results store beyond SQLite's own (`GRDB.DatabaseError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored row cannot be turned back into a value.
    case corruptRow(table: String, key: String, String)
    /// A calculation refers to a structure that was never saved.
    case unknownStructure(hash: String)

    public var description: String {
        switch self {
        case let .corruptRow(table, key, why): "results database: \(table) row \(key) is unusable: \(why)"
        case let .unknownStructure(hash): "results database: no structure with hash \(hash) (save it first)"
        }
    }
}
