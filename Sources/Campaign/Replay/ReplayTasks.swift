import Scheduler
import Store

/// Recorded tasks turned into replay tasks, keeping each structure's opt → sp pair together.
struct ReplayTasks {
    var tasks: [ReplaySimulator.Task] = []

    init(rows: [TaskRecord], count: Int) {
        let groups = Dictionary(grouping: rows) { "\($0.campaign)/\($0.structureName)" }.values
            .map { $0.sorted { $0.kind == "optimization" && $1.kind != "optimization" } }
            .sorted { $0[0].key < $1[0].key }
        var generator = SplitMix64(seed: 20261125)
        var index = 0
        while tasks.count < count {
            // First every recorded structure once, then resampled ones.
            let group = index < groups.count ? groups[index] : groups[Int(generator.next() % UInt64(groups.count))]
            index += 1
            var previous: Int?
            for row in group where tasks.count < count {
                let id = tasks.count
                tasks.append(.init(node: .init(id: id, predictedSeconds: row.predictedSeconds,
                                               dependencies: previous.map { [$0] } ?? []),
                                   actualSeconds: row.wallSeconds ?? 0))
                previous = id
            }
        }
    }
}

extension ReplayTasks {
    /// The same tasks with every prediction set to the measured time: the policy's ceiling.
    func withExactPredictions() -> ReplayTasks {
        var copy = self
        for i in copy.tasks.indices { copy.tasks[i].node.predictedSeconds = copy.tasks[i].actualSeconds }
        return copy
    }
}

/// A small deterministic random generator (resampling must be reproducible).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
