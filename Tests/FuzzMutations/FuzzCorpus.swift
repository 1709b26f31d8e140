import Foundation

/// The committed seeds and dictionary of one fuzz target (fuzz/corpus/TARGET, fuzz/dict/TARGET.dict).
public struct FuzzCorpus {
    public let seeds: [[UInt8]]
    public let words: [String]

    /// Reads them from the checkout; throws (never skips) when they are missing or empty.
    public init(_ target: String, checkout: String = FuzzCorpus.checkout) throws {
        let folder = checkout + "/fuzz/corpus/" + target
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        seeds = try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
        guard !seeds.isEmpty else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder]) }
        let dictionary = try String(contentsOfFile: checkout + "/fuzz/dict/\(target).dict", encoding: .utf8)
        words = dictionary.split(separator: "\n").filter { $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count > 2 }
            .map { Self.unescape(String($0.dropFirst().dropLast())) }
    }

    /// The checkout this file belongs to (Tests/FuzzMutations/ is two levels below it).
    public static var checkout: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// libFuzzer dictionary escapes: \\, \", \n, \r, \xHH.
    static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        var chars = Array(text.utf8)[...]
        while let c = chars.popFirst() {
            guard c == UInt8(ascii: "\\"), let e = chars.popFirst() else { bytes.append(c); continue }
            switch e {
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "x"):
                let hex = String(decoding: chars.prefix(2), as: UTF8.self)
                chars = chars.dropFirst(2)
                bytes.append(UInt8(hex, radix: 16) ?? 0)
            default: bytes.append(e)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
