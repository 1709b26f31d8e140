import Foundation
import Store

/// The campaign's surface energies (`[[surfaces]]`): one table row per surface and vacuum, each
/// naming its `surface_energies` row and the calculation rows it was formed from.
enum SurfaceEnergyTables {
    /// nil when the data holds no campaign surface energies.
    static func section(_ data: ReportData) -> ReportSection? {
        guard !data.campaignSurfaces.isEmpty else { return nil }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "not tested" }
        let rows = data.campaignSurfaces.map { r -> [String] in
            [r.surface, r.vacuum.map { String(format: "%g", $0) } ?? "n/a", r.surfaceEnergyJM2.map { String(format: "%.6f", $0) } ?? "n/a",
             flag(r.thicknessConverged), flag(r.inPlaneConverged), flag(r.vacuumConverged), "\(r.layers) \(r.supercell)",
             String(r.natoms), "surface_energies \(r.id ?? 0); calculations \(r.calculationIDList.map(String.init).joined(separator: ", "))"]
        }
        let table = ReportTable(
            title: "Surface energies", header: ["surface", "vacuum (Å)", "γ (J/m²)", "thickness converged",
                                                "in-plane converged", "vacuum converged", "slab", "natoms", "rows"],
            rows: rows, caption: "γ of bulk-cut symmetric slabs from the stored single points, with the formula of "
                + "`interscreen surface` (slope over thickness, docs/surfaces.md). Vacuum: the surface command's rule "
                + "(the last three vacua's γ agree), not tested below three vacua. tblite slab energies drift with the vacuum; read γ with that in mind.")
        var section = ReportSection(title: "Surface energies")
        section.tables = [table]
        return section
    }
}
