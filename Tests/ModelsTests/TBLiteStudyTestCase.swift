import Engine
import Models
import XCTest

/// A test class whose studies compute with one tblite bridge for the whole class: started before
/// its first test, stopped after its last.
class TBLiteStudyTestCase: XCTestCase {
    nonisolated(unsafe) static var shared: TBLiteCalculator?

    override class func setUp() {
        shared = try? TBLiteCalculator(options: TBLiteOptions(threads: 1))
    }

    override class func tearDown() {
        shared = nil
    }

    /// GFN2 energies through the class's bridge (fails, never skips, without tblite and ASE).
    func source() throws -> DirectEnergySource {
        try BulkTBLiteOracle.require()
        return DirectEnergySource(calculator: try XCTUnwrap(Self.shared), settings: Settings(method: .gfn2))
    }
}
