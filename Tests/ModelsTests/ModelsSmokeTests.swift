import Models
import XCTest

final class ModelsSmokeTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertNotNil(Models.self)
    }
}
