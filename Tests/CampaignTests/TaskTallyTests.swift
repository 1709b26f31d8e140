import TestSupport
import XCTest
import Store
@testable import Campaign

/// The running tally the progress line reads must equal a recount after any sequence of changes.
final class TaskTallyTests: XCTestCase {
    func testRandomStateChangesMatchARecount() {
        var generator = SeededGenerator.forTest("TaskTallyTests", seed: 7)
        let weights = (0..<500).map { _ in Double.random(in: 0.1...1000, using: &generator) }
        var states = weights.map { _ in TaskState.allCases.randomElement(using: &generator)! }
        var tally = TaskTally(states: states, weights: weights)
        for _ in 0..<5000 {
            let id = Int.random(in: 0..<states.count, using: &generator)
            let new = TaskState.allCases.randomElement(using: &generator)!
            tally.move(from: states[id], to: new, weight: weights[id])
            states[id] = new
        }
        let recount = TaskTally(states: states, weights: weights)
        for state in TaskState.allCases {
            XCTAssertEqual(tally[state], states.filter { $0 == state }.count, "\(state)")
        }
        let open = zip(states, weights).filter { $0.0 == .pending || $0.0 == .running }.map(\.1).reduce(0, +)
        XCTAssertEqual(tally.remainingSeconds, open, accuracy: 1e-6 * open)
        XCTAssertEqual(recount.remainingSeconds, open, accuracy: 1e-9 * open)
    }

    func testAMoveToTheSameStateChangesNothing() {
        var tally = TaskTally(states: [.pending, .done], weights: [10, 20])
        tally.move(from: .pending, to: .pending, weight: 10)
        XCTAssertEqual(tally[.pending], 1)
        XCTAssertEqual(tally.remainingSeconds, 10)
        tally.move(from: .pending, to: .done, weight: 10)
        XCTAssertEqual(tally[.done], 2)
        XCTAssertEqual(tally.remainingSeconds, 0)
    }
}
