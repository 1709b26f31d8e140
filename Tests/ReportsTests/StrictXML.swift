import Foundation
import Processes

/// Well-formedness by python3's xml.etree (strict: Foundation's XMLParser on Linux lets a
/// mismatched end tag through).
enum StrictXML {
    /// nil when `xml` is well-formed, else python's message.
    static func problem(_ xml: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).xml").path
        try xml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])"
        let out = try ChildProcess.run(Command("/usr/bin/env", ["python3", "-c", script, file]), timeout: .seconds(60))
        return out.status == 0 ? nil : out.standardError
    }
}
