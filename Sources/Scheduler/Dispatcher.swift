/// Decides which task runs next: a dependency graph released in order, longest predicted first.
///
/// Pure bookkeeping, no MPI and no clock: the MPI coordinator, the single-process runner and the
/// replay simulator (`interscreen simulate`) all drive this same type, so what the simulator
/// measures is the policy that runs on the cluster.
public struct Dispatcher: Sendable {
    /// Orders ready tasks: longest predicted first, or in declaration order (for comparison).
    public enum Policy: String, Sendable, CaseIterable {
        case longestFirst = "longest-first"
        case firstCome = "first-come"
    }

    /// One node of the graph.
    public struct Node: Sendable {
        public var id: Int
        public var predictedSeconds: Double
        public var dependencies: [Int]

        public init(id: Int, predictedSeconds: Double, dependencies: [Int] = []) {
            self.id = id
            self.predictedSeconds = predictedSeconds
            self.dependencies = dependencies
        }
    }

    private let policy: Policy
    private var predicted: [Int: Double] = [:]
    private var order: [Int: Int] = [:]
    private var waitingOn: [Int: Int] = [:]
    private var dependents: [Int: [Int]] = [:]
    private var ready = ReadyHeap()
    private var settled: Set<Int> = []
    private(set) public var running: Set<Int> = []
    private(set) public var finished = 0
    private(set) public var total = 0

    public init(nodes: [Node], policy: Policy = .longestFirst) {
        self.policy = policy
        let known = Set(nodes.map(\.id))
        for (index, node) in nodes.enumerated() {
            predicted[node.id] = node.predictedSeconds
            order[node.id] = index
            let deps = node.dependencies.filter(known.contains)
            waitingOn[node.id] = deps.count
            for d in deps { dependents[d, default: []].append(node.id) }
        }
        total = nodes.count
        for node in nodes where waitingOn[node.id] == 0 { push(node.id) }
    }

    /// Number of tasks that could start now.
    public var readyCount: Int { ready.count }

    /// True when nothing is ready or running: every task finished or is blocked forever.
    public var isDrained: Bool { ready.isEmpty && running.isEmpty }

    /// The next task to hand out, or nil when none is ready (some may still be running).
    public mutating func next() -> Int? {
        guard let id = ready.pop() else { return nil }
        running.insert(id)
        return id
    }

    /// Tasks `next(fitting:)` held back: never handed out by this dispatcher, and their dependents
    /// never become ready (e.g. they would not finish before a deadline; the next run takes them).
    private(set) public var deferred: Set<Int> = []

    /// Like `next()`, but a ready task for which `fits(id, predictedSeconds)` is false is deferred
    /// instead of handed out, and the next one in policy order is tried.
    public mutating func next(fitting fits: (Int, Double) -> Bool) -> Int? {
        while let id = ready.pop() {
            if fits(id, predicted[id] ?? 0) {
                running.insert(id)
                return id
            }
            deferred.insert(id)
        }
        return nil
    }

    /// Marks `id` finished; on success its dependents whose inputs are all done become ready.
    /// On failure its dependents are returned as blocked (they will never run).
    @discardableResult
    public mutating func finish(_ id: Int, succeeded: Bool) -> [Int] {
        guard settled.insert(id).inserted else { return [] }
        running.remove(id)
        finished += 1
        guard succeeded else { return blockDependents(of: id) }
        for child in dependents[id] ?? [] {
            waitingOn[child, default: 1] -= 1
            if waitingOn[child] == 0 { push(child) }
        }
        return []
    }

    /// Puts a running task back among the ready ones, to be handed out again (its engine process
    /// crashed once: a second try tells a flaky crash from one the task causes every time).
    public mutating func retry(_ id: Int) {
        guard running.remove(id) != nil, !settled.contains(id) else { return }
        push(id)
    }

    /// Takes a task that never ran (e.g. the database already holds it) out as finished, whether
    /// or not it was ready; it will not be handed out later.
    @discardableResult
    public mutating func skip(_ id: Int, succeeded: Bool) -> [Int] {
        _ = ready.remove(id)
        return finish(id, succeeded: succeeded)
    }

    /// Updates a prediction (e.g. once an optimisation's size is known); re-sorts if ready.
    public mutating func updatePrediction(_ id: Int, seconds: Double) {
        predicted[id] = seconds
        if ready.remove(id) { push(id) }
    }

    private mutating func push(_ id: Int) {
        guard !settled.contains(id) else { return }
        let key = policy == .longestFirst ? -(predicted[id] ?? 0) : Double(order[id] ?? 0)
        ready.insert(id, key: key, tiebreak: order[id] ?? 0)
    }

    private mutating func blockDependents(of id: Int) -> [Int] {
        var blocked: [Int] = []
        var stack = dependents[id] ?? []
        while let child = stack.popLast() {
            guard waitingOn[child] != -1, settled.insert(child).inserted else { continue }
            waitingOn[child] = -1
            blocked.append(child)
            finished += 1
            stack += dependents[child] ?? []
        }
        return blocked
    }
}

/// A binary min-heap of task ids by (key, tiebreak), with O(log n) removal by id.
///
/// Removal is lazy: an id's entry is invalidated (by a version number) and skipped when it
/// reaches the top. Resuming a 100,000-task campaign skips half of them; an O(n) removal each
/// would make planning quadratic.
struct ReadyHeap: Sendable {
    private var items: [(id: Int, key: Double, tiebreak: Int, version: Int)] = []
    private var version: [Int: Int] = [:]
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func insert(_ id: Int, key: Double, tiebreak: Int) {
        let old = version[id] ?? 0
        if old > 0 { count -= 1 }  // replaces a live entry
        let v = abs(old) + 1
        version[id] = v
        items.append((id, key, tiebreak, v))
        count += 1
        siftUp(items.count - 1)
    }

    mutating func pop() -> Int? {
        while !items.isEmpty {
            items.swapAt(0, items.count - 1)
            let top = items.removeLast()
            if !items.isEmpty { siftDown(0) }
            if version[top.id] == top.version {
                version[top.id] = -top.version
                count -= 1
                return top.id
            }
        }
        return nil
    }

    /// Removes `id` if it is in the heap; true when it was.
    mutating func remove(_ id: Int) -> Bool {
        guard let v = version[id], v > 0 else { return false }
        version[id] = -v
        count -= 1
        return true
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        (items[a].key, items[a].tiebreak) < (items[b].key, items[b].tiebreak)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { return }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < items.count, less(left, best) { best = left }
            if right < items.count, less(right, best) { best = right }
            guard best != parent else { return }
            items.swapAt(parent, best)
            parent = best
        }
    }
}
