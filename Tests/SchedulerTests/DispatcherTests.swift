import Scheduler
import XCTest

/// The dispatch policy shared by the MPI coordinator, the local runner and the simulator.
final class DispatcherTests: XCTestCase {
    func testLongestPredictedFirstAmongReadyTasks() {
        var d = Dispatcher(nodes: [.init(id: 0, predictedSeconds: 1), .init(id: 1, predictedSeconds: 5),
                                   .init(id: 2, predictedSeconds: 3)])
        XCTAssertEqual([d.next(), d.next(), d.next(), d.next()], [1, 2, 0, nil])
    }

    func testFirstComeKeepsDeclarationOrder() {
        var d = Dispatcher(nodes: [.init(id: 0, predictedSeconds: 1), .init(id: 1, predictedSeconds: 5)],
                           policy: .firstCome)
        XCTAssertEqual([d.next(), d.next()], [0, 1])
    }

    func testDependentsWaitForTheirInputAndAreBlockedByItsFailure() {
        var d = Dispatcher(nodes: [.init(id: 0, predictedSeconds: 1), .init(id: 1, predictedSeconds: 9, dependencies: [0]),
                                   .init(id: 2, predictedSeconds: 1), .init(id: 3, predictedSeconds: 1, dependencies: [2])])
        XCTAssertEqual(Set([d.next(), d.next()]), [0, 2])
        XCTAssertNil(d.next(), "dependents are not ready before their inputs finish")
        d.finish(0, succeeded: true)
        XCTAssertEqual(d.next(), 1)
        XCTAssertEqual(d.finish(2, succeeded: false), [3])
        d.finish(1, succeeded: true)
        XCTAssertTrue(d.isDrained)
        XCTAssertEqual(d.finished, 4)
    }

    func testSkippedTasksAreNeverHandedOutAgain() {
        var d = Dispatcher(nodes: [.init(id: 0, predictedSeconds: 1), .init(id: 1, predictedSeconds: 1, dependencies: [0])])
        d.skip(1, succeeded: true)   // already in the database
        d.skip(0, succeeded: true)
        XCTAssertNil(d.next())
        XCTAssertTrue(d.isDrained)
    }

    /// Replay on hand-checkable cases: 4 equal tasks on 2 workers fill both (efficiency 1);
    /// tasks 4,3,3,2 on 2 workers: LPT gives {4,2} and {3,3} → makespan 6, efficiency 12/12.
    func testReplayOnHandCheckedSchedules() {
        let equal = (0..<4).map { ReplaySimulator.Task(node: .init(id: $0, predictedSeconds: 1), actualSeconds: 1) }
        let a = ReplaySimulator.run(equal, workers: 2, policy: .longestFirst)
        XCTAssertEqual(a.makespanSeconds, 2)
        XCTAssertEqual(a.efficiency, 1)
        let mixed = [2.0, 3, 4, 3].enumerated().map {
            ReplaySimulator.Task(node: .init(id: $0.offset, predictedSeconds: $0.element), actualSeconds: $0.element)
        }
        XCTAssertEqual(ReplaySimulator.run(mixed, workers: 2, policy: .longestFirst).makespanSeconds, 6)
        // First-come: 2,3 start; 4 starts at 2 (ends 6); 3 starts at 3 (ends 6) → also 6 here,
        let fc = ReplaySimulator.run(mixed, workers: 2, policy: .firstCome)
        XCTAssertEqual(fc.makespanSeconds, 6)
        // but 1,1,1,1,4 on 2 workers: first-come ends at 6, longest-first at 4.
        let tail = [1.0, 1, 1, 1, 4].enumerated().map {
            ReplaySimulator.Task(node: .init(id: $0.offset, predictedSeconds: $0.element), actualSeconds: $0.element)
        }
        XCTAssertEqual(ReplaySimulator.run(tail, workers: 2, policy: .firstCome).makespanSeconds, 6)
        XCTAssertEqual(ReplaySimulator.run(tail, workers: 2, policy: .longestFirst).makespanSeconds, 4)
    }

    func testReplayRespectsDependencies() {
        let chain = [ReplaySimulator.Task(node: .init(id: 0, predictedSeconds: 2), actualSeconds: 2),
                     ReplaySimulator.Task(node: .init(id: 1, predictedSeconds: 2, dependencies: [0]), actualSeconds: 2)]
        let outcome = ReplaySimulator.run(chain, workers: 4, policy: .longestFirst)
        XCTAssertEqual(outcome.makespanSeconds, 4)
        XCTAssertEqual(outcome.lowerBoundSeconds, 4)
    }
}
