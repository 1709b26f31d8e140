import Foundation
import Structures
import XCTest

/// What the coordinator tests share: distinct small structures and a scratch database per test.
enum CoordinatorFixtures {
    /// `count` waters, each with its oxygen moved a little, so every one has its own content hash.
    static func waters(_ count: Int) -> [Structure] {
        (0..<count).map { i in
            Structure(name: "water-\(i)", atomicNumbers: [8, 1, 1],
                      positions: [Vec3(0, 0, 0.119262 + 0.01 * Double(i)), Vec3(0, 0.763239, -0.477047),
                                  Vec3(0, -0.763239, -0.477047)])
        }
    }

    /// A database path in a folder of its own, removed when `test` ends.
    static func databasePath(_ test: XCTestCase) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-coordinator-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.appendingPathComponent("results.sqlite").path
    }
}
