import Store

/// Task counts by state and the predicted seconds still to compute, kept up to date one state
/// change at a time, so that a progress report costs O(1) on a campaign of 100,000 tasks.
struct TaskTally: Equatable {
    private(set) var counts: [TaskState: Int] = [:]
    /// Predicted seconds of the tasks pending or running (each already scaled by the caller).
    private(set) var remainingSeconds = 0.0

    init(states: [TaskState], weights: [Double]) {
        for (state, weight) in zip(states, weights) { add(state, weight) }
    }

    subscript(state: TaskState) -> Int { counts[state] ?? 0 }

    /// A task of `weight` predicted seconds went from `old` to `new`.
    mutating func move(from old: TaskState, to new: TaskState, weight: Double) {
        guard old != new else { return }
        add(old, -weight, count: -1)
        add(new, weight)
    }

    private mutating func add(_ state: TaskState, _ weight: Double, count: Int = 1) {
        counts[state, default: 0] += count
        if Self.open(state) { remainingSeconds += weight }
    }

    /// States whose work is still ahead.
    static func open(_ state: TaskState) -> Bool { state == .pending || state == .running }
}
