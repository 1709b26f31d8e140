import Store

/// A verdict's reaction rows split into bulk, active and inactive configurations, as the verdict
/// row stores them (`roles`); never inferred from energies.
struct VerdictConfigurations {
    var bulk: ReactionRecord?
    var active: [ReactionRecord]
    var inactive: [ReactionRecord]

    /// Why a verdict has no split to draw.
    enum Missing: Error, Equatable {
        /// The row was stored before roles were kept and its flat list did not determine them.
        case rolesUnknown
        /// A reaction row the verdict names is not in the database.
        case reactionMissing(Int64)
    }

    /// The stored split, or why there is none.
    static func of(_ verdict: VerdictRecord, reactions: [ReactionRecord]) -> Result<VerdictConfigurations, Missing> {
        guard let roles = verdict.roles else { return .failure(.rolesUnknown) }
        let byID = Dictionary(reactions.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        if let gap = roles.flat.first(where: { byID[$0] == nil }) { return .failure(.reactionMissing(gap)) }
        return .success(VerdictConfigurations(bulk: roles.bulk.flatMap { byID[$0] }, active: roles.active.compactMap { byID[$0] },
                                              inactive: roles.inactive.compactMap { byID[$0] }))
    }
}
