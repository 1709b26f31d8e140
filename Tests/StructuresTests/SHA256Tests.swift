import Foundation
import Processes
import TestSupport
import XCTest
@testable import Structures

final class SHA256Tests: XCTestCase {
    func testFIPSVectors() {
        XCTAssertEqual(SHA256.hex(of: ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), SHA256.hex(of: "abc"))
    }

    /// Random texts around the 55/56/64-byte padding boundaries and a long Unicode text,
    /// checked against the system's sha256sum.
    func testAgainstSha256sum() throws {
        var rng = SplitMix(seed: 42)
        var texts = [54, 55, 56, 57, 63, 64, 65, 119, 120, 1000].map { n in
            String((0..<n).map { _ in Character(UnicodeScalar(UInt8(32 + rng.next() % 95))) })
        }
        texts.append("CsPbI3 — α/δ, Å, 🧪\n" + String(repeating: "Zn(Im)2 ", count: 500))
        for text in texts {
            XCTAssertEqual(SHA256.hex(of: text), try sha256sum(Data(text.utf8)), "length \(text.utf8.count)")
        }
    }

    private func sha256sum(_ data: Data) throws -> String {
        let result = try ChildProcess.run(Command(try RequiredTool.path("sha256sum", install: "install GNU coreutils").path), input: String(decoding: data, as: UTF8.self),
                                          timeout: .seconds(60))
        return result.standardOutput.split(separator: " ").first.map(String.init) ?? ""
    }
}
