import Scheduler
import XCTest

/// `Dispatcher.next(fitting:)`: tasks that do not fit are deferred, with their dependents.
final class DispatcherDeadlineTests: XCTestCase {
    func testTasksThatDoNotFitAreDeferredAndShorterOnesStillRun() {
        var d = Dispatcher(nodes: [.init(id: 0, predictedSeconds: 50), .init(id: 1, predictedSeconds: 5),
                                   .init(id: 2, predictedSeconds: 1, dependencies: [0]), .init(id: 3, predictedSeconds: 3)])
        let fits: (Int, Double) -> Bool = { _, seconds in seconds <= 10 }
        XCTAssertEqual(d.next(fitting: fits), 1, "the 50 s task is skipped, the next longest runs")
        XCTAssertEqual(d.next(fitting: fits), 3)
        XCTAssertNil(d.next(fitting: fits))
        XCTAssertEqual(d.deferred, [0])
        d.finish(1, succeeded: true)
        d.finish(3, succeeded: true)
        XCTAssertTrue(d.isDrained, "the deferred task's dependent never becomes ready")
        XCTAssertNil(d.next(), "a deferred task is not handed out later in this run")
    }
}
