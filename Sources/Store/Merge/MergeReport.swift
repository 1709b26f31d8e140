/// What merging one database into another did, table by table, and what disagreed.
public struct MergeReport: Sendable, Equatable {
    /// Rows per table: added to the target, already there (deduplicated), or replacing a less
    /// advanced row (a task done in the source but pending in the target, and its reaction).
    public struct Counts: Sendable, Equatable {
        public var added = 0
        public var present = 0
        public var replaced = 0
    }

    /// The source database.
    public var source: String
    /// Per table name.
    public var tables: [String: Counts] = [:]
    /// Same identity, different content: the target's row is kept, the source's reported here.
    public var conflicts: [MergeConflict] = []
    /// Rows of tables that are not merged (derived data, e.g. verdicts), per table.
    public var notMerged: [String: Int] = [:]

    public init(source: String) {
        self.source = source
    }

    /// True when the merge added or replaced nothing (e.g. merging the same database again).
    public var changedNothing: Bool { tables.values.allSatisfy { $0.added == 0 && $0.replaced == 0 } }

    mutating func count(_ table: String, _ outcome: RowOutcome) {
        switch outcome {
        case .added: tables[table, default: Counts()].added += 1
        case .present: tables[table, default: Counts()].present += 1
        case .replaced: tables[table, default: Counts()].replaced += 1
        }
    }
}

/// What happened to one source row.
enum RowOutcome {
    case added, present, replaced
}

/// A row whose identity exists in both databases with content that differs.
public struct MergeConflict: Sendable, Equatable, CustomStringConvertible {
    /// Table of the row ("calculations", "optimizations", "tasks", "reactions").
    public var table: String
    /// The identity, spelled out (e.g. "structure 3f…, settings 9a…, singlepoint").
    public var identity: String
    /// What differs, e.g. "energy -5.0705 Eh in the target, -5.0706 Eh in the source (Δ 1e-4)".
    public var detail: String

    public var description: String { "\(table) \(identity): \(detail)" }
}
