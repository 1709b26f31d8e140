import Foundation

/// Part i of K of a campaign (`run --shard i/K`): whole structures (an opt → sp chain stays
/// together), balanced by predicted cost, the same on every machine for the same spec.
///
/// Structures are taken in order of predicted cost (largest first, then by name) and each goes to
/// the shard with the least predicted work so far (the lowest index on ties). Structures whose
/// input is invalid cost nothing and are spread the same way. A shard forms only the reactions
/// whose species are all in it; the others are formed after merging (`interscreen reactions`).
/// Verdicts need every reaction, so shards leave them to the merged database too.
public struct CampaignShard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    /// Number of shards.
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw ShardError("a shard is i/K with 1 ≤ i ≤ K, not \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "i/K", e.g. "2/3".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let k = Int(parts[1]) else {
            throw ShardError("--shard must look like i/K (e.g. 2/3), not \"\(text)\"")
        }
        try self.init(index: i, count: k)
    }

    public var description: String { "\(index)/\(count)" }

    /// The spec restricted to this shard's structures and the reactions they complete.
    public func select(_ spec: JobSpec, costs: CostModel = CostModel()) -> JobSpec {
        let owner = Self.assignment(spec, shards: count, costs: costs)
        let mine = Set(owner.filter { $0.value == index }.map(\.key))
        var part = spec
        part.structures = spec.structures.filter { mine.contains($0.name) }
        part.invalidStructures = spec.invalidStructures.filter { mine.contains($0.name) }
        part.reactions = spec.reactions.filter { reaction in
            (reaction.reactants + reaction.products).allSatisfy { mine.contains($0.name) }
        }
        part.verdicts = []
        return part
    }

    /// The shard (1-based) of every structure of `spec`, by name.
    public static func assignment(_ spec: JobSpec, shards: Int, costs: CostModel = CostModel()) -> [String: Int] {
        var cost: [String: Double] = [:]
        for task in CampaignPlan(spec: spec, costs: costs).tasks { cost[task.structureName, default: 0] += task.predictedSeconds }
        for invalid in spec.invalidStructures { cost[invalid.name] = 0 }
        let order = cost.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var load = Array(repeating: 0.0, count: max(1, shards))
        var owner: [String: Int] = [:]
        for (name, seconds) in order {
            let lightest = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 } ?? 0
            load[lightest] += seconds
            owner[name] = lightest + 1
        }
        return owner
    }
}

/// A malformed shard specification.
public struct ShardError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension CampaignShard {
    /// The shard's own database next to the campaign's: "x.sqlite" → "x.shard-2-of-3.sqlite".
    public func databasePath(for database: String) -> String {
        let url = URL(fileURLWithPath: database)
        let ext = url.pathExtension.isEmpty ? "sqlite" : url.pathExtension
        return url.deletingPathExtension().path + ".shard-\(index)-of-\(count).\(ext)"
    }
}
