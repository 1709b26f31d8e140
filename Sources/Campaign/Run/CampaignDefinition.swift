import Foundation
import Store

/// What a campaign needs to form its reactions and verdicts from a database alone, stored there
/// as JSON (`campaign_definitions`): every run and `reactions` write it, from the whole spec (a
/// shard stores the unsharded definition), so `merge` forms them after joining shards.
public struct CampaignDefinition: Codable, Sendable, Equatable {
    /// One task of the plan, by index.
    public struct Task: Codable, Sendable, Equatable {
        public var key: String
        public var kind: String
        public var structureName: String
        public var definitionHash: String
        public var settingsHash: String
        public var predictedSeconds: Double
        public var dependsOn: Int?
    }

    /// One reaction: signed coefficients (negative reactants), and its normalisation.
    public struct Reaction: Codable, Sendable, Equatable {
        public var name: String
        public var reactants: [Term]
        public var products: [Term]
        public var normalizationUnit: String?
        public var normalizationCount: Double?
    }

    public struct Term: Codable, Sendable, Equatable {
        public var name: String
        public var coefficient: Double
    }

    public var campaign: String
    public var tasks: [Task]
    public var finalTask: [String: Int]
    public var invalid: [String]
    public var reactions: [Reaction]
    public var verdicts: [VerdictSpec]
    /// The `[[surfaces]]` tables (nil in definitions stored before surfaces were tasks).
    public var surfaces: [SurfaceSpec]?

    /// The definition of `plan` with `verdicts` (plan the whole spec, not a shard of it).
    public init(plan: CampaignPlan, verdicts: [VerdictSpec]) {
        campaign = plan.campaign
        tasks = plan.tasks.map { t in
            let inputHash = t.input?.contentHash
            return Task(key: t.key, kind: t.kind.rawValue, structureName: t.structureName,
                        definitionHash: t.definitionHash(inputHash: inputHash), settingsHash: t.settings.hash,
                        predictedSeconds: t.predictedSeconds, dependsOn: t.dependsOn)
        }
        finalTask = plan.finalTask
        invalid = plan.invalidStructures.map(\.name).sorted()
        reactions = plan.reactions.map { r in
            Reaction(name: r.name, reactants: r.reactants.map { Term(name: $0.name, coefficient: $0.coefficient) },
                     products: r.products.map { Term(name: $0.name, coefficient: $0.coefficient) },
                     normalizationUnit: r.normalization?.unit, normalizationCount: r.normalization?.count)
        }
        self.verdicts = verdicts
        surfaces = plan.surfaces.isEmpty ? nil : plan.surfaces
    }

    /// Writes this definition into `store`, replacing the campaign's earlier one.
    public func save(in store: ResultsStore) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try store.saveCampaignDefinition(campaign: campaign, json: String(decoding: try encoder.encode(self), as: UTF8.self))
    }

    /// Every definition stored in `store`.
    public static func all(in store: ResultsStore) throws -> [CampaignDefinition] {
        try store.campaignDefinitions().map { try JSONDecoder().decode(CampaignDefinition.self, from: Data($0.json.utf8)) }
    }

    var reactionInputs: ReactionInputs {
        ReactionInputs(invalid: Set(invalid), finalTask: finalTask, dependsOn: tasks.map(\.dependsOn))
    }

    var reactionSpecs: [ReactionSpec] {
        reactions.map { r in
            ReactionSpec(name: r.name, reactants: r.reactants.map { ($0.name, $0.coefficient) },
                         products: r.products.map { ($0.name, $0.coefficient) },
                         normalization: r.normalizationUnit.flatMap { unit in
                             r.normalizationCount.map { Normalization(unit: unit, count: $0) }
                         }, line: 0)
        }
    }
}
