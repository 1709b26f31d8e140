import ArgumentParser
import Campaign
import Foundation
import Store

/// `interscreen status`: what a results database holds and, while a campaign runs, its ETA.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts by state, failures by class with messages, reactions done, and an ETA while running."
    )

    @Option(help: "Results database (SQLite).")
    var db: String = "interscreen.sqlite"

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let report = try StatusReport(store: OpenedDatabase.open(db, .read))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            printFlushed(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            report.printText()
        }
    }
}

/// The numbers `status` shows, computed from the rows (Codable for `--json`).
struct StatusReport: Encodable {
    struct Campaign: Encodable {
        var name: String
        var tasks: Int
        var byState: [String: Int]
        var reactionsByStatus: [String: Int]
        var failures: [FailureLine]
        var running: Bool
        var etaSeconds: Double?
        var tasksPerSecond: Double?

        enum CodingKeys: String, CodingKey {
            case name, tasks, failures, running
            case byState = "by_state"
            case reactionsByStatus = "reactions_by_status"
            case etaSeconds = "eta_seconds"
            case tasksPerSecond = "tasks_per_second"
        }
    }

    struct FailureLine: Encodable {
        var source: String
        var failureClass: String
        var message: String

        enum CodingKeys: String, CodingKey {
            case source, message
            case failureClass = "failure_class"
        }
    }

    var calculations: Int
    var structures: Int
    var failuresByClass: [String: Int]
    var campaigns: [Campaign]
    var runningRun: Int64?
    /// Campaign surface energies (`[[surfaces]]`), one per surface and vacuum.
    var surfaceEnergies: [CampaignSurfaceTable.Line] = []

    enum CodingKeys: String, CodingKey {
        case calculations, structures, campaigns
        case surfaceEnergies = "surface_energies"
        case failuresByClass = "failures_by_class"
        case runningRun = "running_run"
    }

    /// The surface table's text lines (kept from the rows read at init).
    private var surfaceLines: [String] = []

    init(store: ResultsStore) throws {
        let counts = try store.counts()
        calculations = counts.calculations
        structures = counts.structures
        failuresByClass = counts.failuresByClass
        let live = try store.liveRun()
        runningRun = live?.id
        let surfaceRows = try store.campaignSurfaceEnergies()
        surfaceEnergies = surfaceRows.map(CampaignSurfaceTable.Line.init)
        surfaceLines = CampaignSurfaceTable.lines(surfaceRows)
        let tasks = try store.tasks()
        let reactions = try store.reactions()
        campaigns = Dictionary(grouping: tasks, by: \.campaign).keys.sorted().map { name in
            let rows = tasks.filter { $0.campaign == name }
            var campaign = Campaign(
                name: name, tasks: rows.count,
                byState: Dictionary(grouping: rows, by: \.state.rawValue).mapValues(\.count),
                reactionsByStatus: Dictionary(grouping: reactions.filter { $0.campaign == name }, by: \.status.rawValue)
                    .mapValues(\.count),
                failures: rows.filter { [.failed, .quarantined].contains($0.state) }.map {
                    FailureLine(source: $0.key, failureClass: $0.failureClass ?? "-", message: $0.message ?? "")
                },
                running: false)
            if let live, let liveID = live.id, rows.contains(where: { $0.runID == liveID && $0.state == .running }) {
                let finished = rows.filter { $0.runID == liveID && $0.finishedAt != nil }.count
                let elapsed = Date().timeIntervalSince(live.startedAt)
                let left = rows.filter { $0.state == .pending || $0.state == .running }.count
                campaign.running = true
                if finished > 0, elapsed > 0 {
                    campaign.tasksPerSecond = Double(finished) / elapsed
                    campaign.etaSeconds = Double(left) / (Double(finished) / elapsed)
                }
            }
            return campaign
        }
    }

    func printText() {
        printFlushed("\(calculations) calculations of \(structures) structures"
            + (runningRun.map { "; run \($0) is running" } ?? ""))
        if !failuresByClass.isEmpty {
            printFlushed("failures by class: " + failuresByClass.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for c in campaigns {
            let states = c.byState.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let reactions = c.reactionsByStatus.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                .joined(separator: ", ")
            printFlushed("campaign \(c.name): \(c.tasks) tasks (\(states)); reactions: \(reactions.isEmpty ? "none" : reactions)")
            if c.running {
                let eta = c.etaSeconds.map { CampaignProgress.duration($0) } ?? "?"
                printFlushed("  running: " + (c.tasksPerSecond.map { String(format: "%.2f tasks/s", $0) } ?? "no task finished yet")
                    + ", ETA \(eta)")
            }
            for f in c.failures {
                printFlushed("  \(f.source) [\(f.failureClass)]: \(f.message)")
            }
        }
        for line in surfaceLines { printFlushed(line) }
    }
}
