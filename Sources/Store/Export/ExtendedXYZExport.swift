import Structures

/// Results as a multi-frame extended XYZ file (readable by `ase.io.read(path, ":")`).
///
/// One frame per calculation, in insertion order, with the stored geometry (and `Lattice=` for a
/// periodic cell). Info keys: `name`, `hash` (structure), `settings_hash`, `method`,
/// `energy_hartree` (Eh, shortest round-trip text: reads back bit-exact), `energy` (eV — ASE's
/// unit; ASE ≥ 3.23 moves it to `atoms.calc`, so `atoms.get_potential_energy()` returns it),
/// `gradient_norm` (Eh/Bohr), `gap_ev` when known, `scc_converged` (T/F); the frame header also
/// carries `charge=` and `multiplicity=`. Line breaks in a name become spaces (a frame's comment
/// is one line). Failures have no geometry to show and are not written. Where a gradient is stored
/// (one per atom), the frame has a `forces` column: −gradient in eV/Å (ASE's unit and sign), so
/// `atoms.get_forces()` returns it.
public enum ExtendedXYZExport {
    /// All frames, concatenated.
    public static func render(_ snapshot: ResultsSnapshot) throws -> String {
        try snapshot.calculations.map(frame).joined()
    }

    static func frame(_ row: CalculationRow) throws -> String {
        let c = row.calculation
        var info: [(String, String)] = [
            ("name", oneLine(row.structure.name)),
            ("hash", row.structure.hash),
            ("settings_hash", c.settingsHash),
            ("method", c.method),
            ("energy_hartree", ExportText.number(c.energyHartree)),
            ("energy", ExportText.number(c.energyHartree * Units.eVPerHartree)),
            ("gradient_norm", ExportText.number(c.gradientNorm)),
        ]
        if let gap = c.gapEV { info.append(("gap_ev", ExportText.number(gap))) }
        info.append(("scc_converged", c.sccConverged ? "T" : "F"))
        return ExtendedXYZ.render(try row.structure.structure(), info: info, forces: forces(c.gradient))
    }

    /// eV/Å per Eh/Bohr.
    static let forceUnit = Units.eVPerHartree / Units.angstromPerBohr

    /// −gradient × (eV/Eh)/(Å/Bohr); nil when no gradient is stored.
    static func forces(_ gradient: [[Double]]) -> [[Double]]? {
        gradient.isEmpty ? nil : gradient.map { $0.map { -$0 * forceUnit } }
    }

    /// `text` with every line break replaced by a space.
    static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
