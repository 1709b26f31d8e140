import Foundation
import Store

/// The rows a verdict table shows for its nanocrystal size model: per phase the fit (γ_eff and the
/// face energies, β, residual, blocks and their calculation rows), then the interface energy in
/// the glass. Shared by `interscreen verdict` and the report, so both print the same numbers.
public enum SizeModelRows {
    /// "alpha-nc-2x2x2 (8 units) −300.1, … kJ/mol per exchange; interface energy with the largest
    /// −0.250 J/m²; reactions 12, 13" or why there is none.
    static func faceText(_ faces: [VerdictSizeModel.FaceExchange], interface: Double?) -> String {
        guard !faces.isEmpty else { return "none (no face exchange named in the spec, or none done)" }
        let each = faces.map { face in
            let count = face.reactionIDs.count
            let flagged = face.flaggedConfigurations.map { $0 == 0 ? "" : "; \($0) flagged when relaxed (topology guard or not converged)" } ?? ""
            let sample = (count == 1 ? "1 configuration"
                : "Boltzmann over \(count) configurations, lowest \(Format.kj(face.lowestKJ))") + flagged
            return face.block + (face.formulaUnits.map { " (\(Format.number($0)) units)" } ?? "")
                + " \(Format.kj(face.energyKJ)) (\(sample))"
        }
        return each.joined(separator: ", ") + " kJ/mol per exchange"
            + (interface.map { String(format: "; interface energy with the largest: %.3f J/m²", $0) } ?? "")
            + "; " + RowIDs.text("reactions", faces.flatMap(\.reactionIDs))
    }

    /// [quantity, value] pairs; empty without a size model.
    public static func rows(_ v: VerdictRecord) -> [[String]] {
        guard let model = v.sizeModel else { return [] }
        return model.phases.flatMap { phase -> [[String]] in
            let label = "nanocrystals, \(phase.name) (\(model.method.uppercased()))"
            guard phase.fitError == nil, let gamma = phase.surfaceEnergyJM2 else {
                return [[label, "no fit: \(phase.fitError ?? "no γ") (\(phase.points.count) blocks)"]]
            }
            let energies = phase.faceEnergiesJM2 ?? []
            let groups = phase.faceGroups ?? (energies.count == 3 ? ["bc", "ca", "ab"] : [])
            let faces = energies.count > 1 && groups.count == energies.count
                ? " (faces \(groups.joined(separator: " / ")): " + energies.map { String(format: "%.3f", $0) }.joined(separator: " / ") + ")" : ""
            let used = phase.points.filter { $0.method == model.method }
            let largest = phase.largestSizeNm.map { String(format: "%.1f", $0) } ?? "?"
            var rows = [[label, String(format: "γ_eff %.3f", gamma) + (phase.surfaceEnergySigmaJM2.map { String(format: " ± %.3f", $0) } ?? "")
                + " J/m²\(faces); β \(Format.kj(phase.betaKJPerMol)) kJ/mol per e-fold; rms residual "
                + "\(Format.kj(phase.rmsResidualKJ)) kJ/mol over \(used.count) blocks up to \(largest) nm; "
                + RowIDs.text("calculations", used.compactMap(\.calculationID))]]
            if let interface = phase.interfaceEnergyJM2, let exchange = phase.exchangeKJ {
                rows.append(["interface energy in the glass, \(phase.name)", String(format: "%.3f J/m²", interface)
                    + " (γ_eff + \(Format.number(model.coverage)) × \(String(format: "%.2f", phase.surfaceSitesPerNm2 ?? 0)) "
                    + "surface B sites per nm² × \(Format.kj(exchange)) kJ/mol per exchange)"])
            }
            if let faces = phase.faceExchanges {
                rows.append(["exchange on block faces, \(phase.name)", faceText(faces, interface: phase.faceInterfaceEnergyJM2)])
            }
            return rows
        }
    }
}
