import Foundation
import Models
import Structures

/// What `interscreen build` prints: a one-line summary per file, the exchange table, and the
/// topology verdict as JSON.
enum BuildTable {
    static func summary(_ s: Structure, file: String, extra: String) -> String {
        "\(file): \(s.name) \(s.formula), \(s.count) atoms, charge \(s.charge), hash \(s.contentHash)\n\(extra)"
    }

    static func exchange(_ result: ExchangeResult) -> String {
        let width = max(4, result.products.map(\.name.count).max() ?? 0)
        var lines = [pad("name", width) + "  atoms  " + pad("hash (content, SHA-256)", 64) + "  site"]
        for p in result.products {
            lines.append(pad(p.name, width) + "  " + pad("\(p.structure.count)", 5) + "  " + p.contentHash + "  " + p.siteLabel)
        }
        lines.append("\(result.products.count) distinct products from \(result.candidates) candidates; "
                     + "\(result.duplicates.count) duplicates, \(result.skipped.count) not buildable")
        for d in result.duplicates {
            let how = d.rmsd.map { String(format: "RMSD %.4f Å", $0) } ?? "same hash"
            lines.append("  duplicate: \(d.name) = \(d.duplicateOf) (\(how))")
        }
        for s in result.skipped { lines.append("  skipped: \(s.name): \(s.reason)") }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func topologyJSON(_ report: TopologyReport, atomicNumbers: [Int]) -> String {
        let object: [String: Any] = [
            "verdict": report.verdict.rawValue, "excluded": report.excludesResult,
            "changes": report.changes.map { $0.describe(atomicNumbers) }, "message": report.message,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The block's summary line and what its cut did.
    static func nanocrystal(_ block: Nanocrystal, file: String) -> String {
        let o = block.origin
        return summary(block.structure, file: file, extra: String(
            format: "%d formula units (%@ cells), %d atoms, box area %.2f Å², volume %.2f Å³; "
                + "%d surface B sites, %d broken B–X bonds (%d kept); origin (%g, %g, %g)",
            block.formulaUnits, block.label, block.structure.count, block.boxAreaA2, block.boxVolumeA3,
            block.surfaceBSites, block.brokenBonds, block.keptBonds, o.x, o.y, o.z))
    }

    /// The block's numbers as one JSON object.
    static func nanocrystalJSON(_ block: Nanocrystal, file: String) throws -> String {
        let object: [String: Any] = [
            "file": file, "name": block.structure.name, "hash": block.structure.contentHash,
            "repeats": block.label, "formula_units": block.formulaUnits, "atoms": block.structure.count,
            "box_area_a2": block.boxAreaA2, "face_areas_a2": block.faceAreasA2, "box_volume_a3": block.boxVolumeA3,
            "surface_b_sites": block.surfaceBSites, "broken_bonds": block.brokenBonds, "kept_bonds": block.keptBonds,
            "origin": [block.origin.x, block.origin.y, block.origin.z],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
