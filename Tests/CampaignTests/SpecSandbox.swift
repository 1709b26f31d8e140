import Foundation
import TestSupport
import XCTest
@testable import Campaign

/// A temporary folder for spec tests: small structure files and specs written on the fly.
final class SpecSandbox {
    let directory: String

    /// Water (3 atoms, neutral singlet), in plain XYZ with extended-XYZ keys.
    static let water = """
        3
        charge=0 multiplicity=1
        O   0.0000   0.0000   0.1173
        H   0.0000   0.7572  -0.4692
        H   0.0000  -0.7572  -0.4692

        """

    /// H2, neutral singlet.
    static let hydrogen = """
        2
        charge=0 multiplicity=1
        H   0.0000   0.0000   0.0000
        H   0.0000   0.0000   0.7400

        """

    /// A spec of water.xyz (optimised, then a single point) and H2.xyz (a single point unless
    /// `hydrogen`, its last lines, says otherwise), with `defaults` as its [defaults] (line 5).
    static func waterAndHydrogen(campaign: String, defaults: String, hydrogen: String) -> String {
        """
        [campaign]
        name = "\(campaign)"

        [defaults]
        \(defaults)

        [[structures]]
        name = "water"
        files = "water.xyz"
        task = "opt+sp"

        [[structures]]
        name = "H2"
        files = "H2.xyz"
        \(hydrogen)

        """
    }

    init() throws {
        directory = try TestFolders.make("spec-tests").path
    }

    /// Writes `text` to `name` inside the sandbox (creating folders) and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes the spec and parses it from its file.
    func parse(_ spec: String, name: String = "spec.toml") throws -> JobSpec {
        try JobSpecParser.parse(path: write(name, spec))
    }

    /// Checks that the spec is rejected with exactly one problem, at `line`, whose message holds `fragment`.
    func assertOneProblem(_ spec: String, line expectedLine: Int, contains fragment: String,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try problems(spec, file: file, line: line)
        XCTAssertEqual(found.count, 1, "\(found)", file: file, line: line)
        XCTAssertEqual(found.first?.line, expectedLine, file: file, line: line)
        XCTAssertTrue(found.first?.message.contains(fragment) == true, "\(found)", file: file, line: line)
    }

    /// The problems the spec is rejected with (fails the test when it parses).
    func problems(_ spec: String, file: StaticString = #filePath, line: UInt = #line) throws -> [JobSpecError.Problem] {
        do {
            _ = try parse(spec)
            XCTFail("the spec parsed but should have been rejected", file: file, line: line)
            return []
        } catch let error as JobSpecError {
            return error.problems
        }
    }
}

/// Where the package's files are, for tests that read jobs/ and clusters/.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }
}
