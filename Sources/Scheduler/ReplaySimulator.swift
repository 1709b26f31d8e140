/// Replays task durations through `Dispatcher` on N simulated workers: makespan and efficiency.
///
/// Efficiency = Σ task time / (workers × makespan); 1.0 means no worker ever waited. Used by
/// `interscreen simulate` on durations recorded in a results database.
public struct ReplaySimulator {
    /// A task to replay: its real duration and the prediction the dispatcher would have seen.
    public struct Task: Sendable {
        public var node: Dispatcher.Node
        public var actualSeconds: Double

        public init(node: Dispatcher.Node, actualSeconds: Double) {
            self.node = node
            self.actualSeconds = actualSeconds
        }
    }

    /// What one replay measured.
    public struct Outcome: Sendable {
        public var workers: Int
        public var tasks: Int
        public var makespanSeconds: Double
        public var busySeconds: Double
        public var efficiency: Double { makespanSeconds > 0 ? busySeconds / (Double(workers) * makespanSeconds) : 1 }
        /// The best any schedule could do: max(Σ time / workers, longest dependency chain).
        public var lowerBoundSeconds: Double
    }

    public static func run(_ tasks: [Task], workers: Int, policy: Dispatcher.Policy) -> Outcome {
        var dispatcher = Dispatcher(nodes: tasks.map(\.node), policy: policy)
        let duration = Dictionary(tasks.map { ($0.node.id, $0.actualSeconds) }, uniquingKeysWith: { a, _ in a })
        var clock = 0.0
        var freeWorkers = max(1, workers)
        var events = EventQueue()
        while true {
            while freeWorkers > 0, let id = dispatcher.next() {
                freeWorkers -= 1
                events.push(time: clock + (duration[id] ?? 0), id: id)
            }
            guard let event = events.pop() else { break }
            clock = event.time
            dispatcher.finish(event.id, succeeded: true)
            freeWorkers += 1
        }
        let busy = tasks.reduce(0) { $0 + $1.actualSeconds }
        return Outcome(workers: max(1, workers), tasks: tasks.count, makespanSeconds: clock, busySeconds: busy,
                       lowerBoundSeconds: max(busy / Double(max(1, workers)), criticalPath(tasks)))
    }

    /// Longest chain of dependent task durations.
    static func criticalPath(_ tasks: [Task]) -> Double {
        let byID = Dictionary(tasks.map { ($0.node.id, $0) }, uniquingKeysWith: { a, _ in a })
        var memo: [Int: Double] = [:]
        func finish(_ id: Int) -> Double {
            if let known = memo[id] { return known }
            guard let task = byID[id] else { return 0 }
            let start = task.node.dependencies.map(finish).max() ?? 0
            memo[id] = start + task.actualSeconds
            return memo[id]!
        }
        return tasks.map { finish($0.node.id) }.max() ?? 0
    }
}

/// Completion events ordered by time (a min-heap).
private struct EventQueue {
    private var heap: [(time: Double, id: Int)] = []

    mutating func push(time: Double, id: Int) {
        heap.append((time, id))
        var child = heap.count - 1
        while child > 0, heap[child].time < heap[(child - 1) / 2].time {
            heap.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    mutating func pop() -> (time: Double, id: Int)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let l = 2 * parent + 1, r = l + 1
            var best = parent
            if l < heap.count, heap[l].time < heap[best].time { best = l }
            if r < heap.count, heap[r].time < heap[best].time { best = r }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
