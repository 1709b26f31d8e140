import Foundation
import Store

/// The surface energies a campaign formed from its `[[surfaces]]` tasks, as `run`, `reactions`
/// and `status` print them: one line per (surface, vacuum), with the row id it came from.
enum CampaignSurfaceTable {
    /// One row for `status --json`.
    struct Line: Encodable {
        var id: Int64?
        var campaign: String
        var surface: String
        var vacuumAngstrom: Double?
        var surfaceEnergyJM2: Double?
        var converged: Bool
        var thicknessConverged: Bool?
        var inPlaneConverged: Bool?
        /// nil: not tested.
        var vacuumConverged: Bool?
        var layers: Int
        var supercell: String
        var natoms: Int
        var calculationIDs: [Int64]

        enum CodingKeys: String, CodingKey {
            case id, campaign, surface, converged, layers, supercell, natoms
            case vacuumAngstrom = "vacuum_angstrom"
            case surfaceEnergyJM2 = "surface_energy_j_m2"
            case thicknessConverged = "thickness_converged"
            case inPlaneConverged = "in_plane_converged"
            case vacuumConverged = "vacuum_converged"
            case calculationIDs = "calculation_ids"
        }

        init(_ r: SurfaceEnergyRecord) {
            id = r.id
            campaign = r.campaign
            surface = r.surface
            vacuumAngstrom = r.vacuum
            surfaceEnergyJM2 = r.surfaceEnergyJM2
            converged = r.converged
            thicknessConverged = r.thicknessConverged
            inPlaneConverged = r.inPlaneConverged
            vacuumConverged = r.vacuumConverged
            layers = r.layers
            supercell = r.supercell
            natoms = r.natoms
            calculationIDs = r.calculationIDList
        }
    }

    /// The table lines (header first); empty when there are no rows.
    static func lines(_ rows: [SurfaceEnergyRecord]) -> [String] {
        guard !rows.isEmpty else { return [] }
        func yes(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "-" }
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        let width = max(7, rows.map(\.surface.count).max() ?? 0)
        func line(_ c: [String]) -> String {
            "  " + [pad(c[0], width), pad(c[1], 8, right: true), pad(c[2], 10, right: true), pad(c[3], 11),
                    pad(c[4], 6, right: true), pad(c[5], 8), pad(c[6], 6, right: true), c[7]].joined(separator: " ")
        }
        var out = ["surface energies (bulk-cut slabs; converged: thickness/in-plane/vacuum, - = not tested):",
                   line(["surface", "vacuum Å", "γ J/m²", "converged", "layers", "in-plane", "natoms", "row"])]
        for r in rows {
            let gamma = r.surfaceEnergyJM2.map { String(format: "%.6f", $0) } ?? "n/a"
            let flags = "\(yes(r.thicknessConverged))/\(yes(r.inPlaneConverged))/\(yes(r.vacuumConverged))"
            out.append(line([r.surface, r.vacuum.map { String(format: "%.2f", $0) } ?? "n/a", gamma, flags, String(r.layers), r.supercell,
                             String(r.natoms), "surface_energies \(r.id ?? 0)"]))
        }
        return out
    }

    /// Prints the campaign's table (nothing when it has no surfaces).
    static func print(store: ResultsStore, campaign: String?) throws {
        for line in lines(try store.campaignSurfaceEnergies(campaign: campaign)) { printFlushed(line) }
    }
}
