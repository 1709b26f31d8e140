/// Which of a verdict's reaction rows is the bulk reaction, and which are the active and the
/// inactive phase's configurations (stored as JSON in `verdicts.reaction_roles`).
public struct VerdictRoles: Codable, Sendable, Equatable {
    /// The bulk reaction's row, nil when the campaign had none stored.
    public var bulk: Int64?
    public var active: [Int64]
    public var inactive: [Int64]

    public init(bulk: Int64?, active: [Int64], inactive: [Int64]) {
        self.bulk = bulk
        self.active = active
        self.inactive = inactive
    }

    /// Bulk first, then active, then inactive: the flat order of `reaction_ids`.
    public var flat: [Int64] { [bulk].compactMap { $0 } + active + inactive }
}
