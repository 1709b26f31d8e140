import Analysis
import Foundation
import Store
import Structures

/// Everything a report shows, gathered from the store in one pass (and the measured file, if any).
public struct ReportData: Sendable {
    public var database: String
    public var campaign: String?
    public var verdicts: [VerdictRecord]
    public var reactions: [ReactionRecord]
    public var tasks: [TaskRecord]
    public var calculations: [CalculationRecord]
    public var optimizations: [OptimizationRecord]
    public var failures: [FailureRecord]
    /// The measured file's rows; nil when no file was given.
    public var observations: [MeasuredObservation]?
    public var measuredFile: String?
    /// Stored surface and interface energies per area (for the critical size L*).
    public var surfaces: [SurfaceEnergyRecord] = []
    /// σ of a converged slab series, J/m² (the `surface` command's default threshold); nil: unknown.
    public var slabThreshold: Double?
    /// Product geometry of each configuration reaction of a verdict, by reaction row id (for pictures).
    public var geometries: [Int64: Structure] = [:]
    /// Campaign surface energies (`[[surfaces]]`), of `campaign` or all.
    public var campaignSurfaces: [SurfaceEnergyRecord] = []

    public init(database: String, campaign: String?, verdicts: [VerdictRecord], reactions: [ReactionRecord],
                tasks: [TaskRecord], calculations: [CalculationRecord], optimizations: [OptimizationRecord],
                failures: [FailureRecord], observations: [MeasuredObservation]? = nil, measuredFile: String? = nil) {
        self.database = database
        self.campaign = campaign
        self.verdicts = verdicts
        self.reactions = reactions
        self.tasks = tasks
        self.calculations = calculations
        self.optimizations = optimizations
        self.failures = failures
        self.observations = observations
        self.measuredFile = measuredFile
    }

    /// Reads the rows of `campaign` (everything when nil) from `store`; with a campaign, only the
    /// calculations, optimisations and failures its tasks and reactions refer to.
    public static func load(store: ResultsStore, campaign: String?, measured: [String] = [],
                            slabThreshold: Double? = nil) throws -> ReportData {
        let snapshot = try store.snapshot()
        let tasks = snapshot.tasks.filter { campaign == nil || $0.campaign == campaign }
        let reactions = snapshot.reactions.filter { campaign == nil || $0.campaign == campaign }
        var data = ReportData(
            database: store.path, campaign: campaign, verdicts: try store.verdicts(campaign: campaign),
            reactions: reactions, tasks: tasks, calculations: snapshot.calculations.map(\.calculation),
            optimizations: try store.optimizations(), failures: snapshot.failures.map(\.failure),
            observations: measured.isEmpty ? nil : try MeasuredFile.read(measured),
            measuredFile: MeasuredFile.label(measured))
        data.surfaces = try store.surfaceEnergies()
        data.slabThreshold = slabThreshold
        if campaign != nil { data.keepCampaignRows() }
        data.campaignSurfaces = try store.campaignSurfaceEnergies(campaign: campaign)
        data.geometries = try Self.geometries(store: store, verdicts: data.verdicts, reactions: reactions,
                                              calculations: data.calculations)
        return data
    }

    /// The product structure (the species with a positive coefficient) of each configuration reaction.
    static func geometries(store: ResultsStore, verdicts: [VerdictRecord], reactions: [ReactionRecord],
                           calculations: [CalculationRecord]) throws -> [Int64: Structure] {
        let wanted = Set(verdicts.flatMap { ($0.roles?.active ?? []) + ($0.roles?.inactive ?? []) })
        let hashes = Dictionary(calculations.compactMap { c in c.id.map { ($0, c.structureHash) } },
                                uniquingKeysWith: { a, _ in a })
        var out: [Int64: Structure] = [:]
        for reaction in reactions {
            guard let id = reaction.id, wanted.contains(id),
                  let product = reaction.species.first(where: { $0.coefficient > 0 }),
                  let hash = hashes[product.calculationID] else { continue }
            out[id] = try store.structure(hash: hash)
        }
        return out
    }

    /// Drops calculations, optimisations and failures no task or reaction of the campaign refers to.
    mutating func keepCampaignRows() {
        let calculationIDs = Set(tasks.compactMap(\.calculationID) + reactions.flatMap { $0.species.map(\.calculationID) })
        let outputs = Set(tasks.compactMap(\.outputHash))
        let keys = Set(tasks.map(\.key)), runs = Set(tasks.compactMap(\.runID))
        calculations = calculations.filter { $0.id.map(calculationIDs.contains) ?? false }
        optimizations = optimizations.filter { outputs.contains($0.outputHash) }
        failures = failures.filter { keys.contains($0.source) || ($0.runID.map(runs.contains) ?? false) }
    }

    /// Predictions of the verdict rows, compared with the measured rows (nil without a measured file).
    public var comparison: PairingComparison? {
        observations.map { rows in
            PairingComparison(observations: rows, predictions: verdicts.map {
                PairingPrediction($0, surfaces: surfaces, slabThreshold: slabThreshold)
            })
        }
    }
}
