import Store
import Structures

/// Per verdict: a small picture of each configuration's geometry with its short label and energy,
/// so a chemist sees which site and orientation each bar is (exchanged ligand highlighted).
enum StructureFigure {
    static let panel = 150.0, gap = 14.0, textHeight = 34.0, columns = 4

    /// nil when no configuration of the verdict has a stored geometry.
    static func figure(_ v: VerdictRecord, _ rows: [(row: ReactionRecord, phase: String)], labels: [String: String],
                       geometries: [Int64: Structure]) -> Figure? {
        let drawn = rows.filter { $0.row.id.flatMap { geometries[$0] } != nil }
        guard !drawn.isEmpty else { return nil }
        let lines = (drawn.count + columns - 1) / columns
        let width = Double(columns) * (panel + gap) + gap
        let height = 36 + Double(lines) * (panel + textHeight + gap)
        let title = "Configurations of \(v.campaign): \(v.name)"
        var canvas = SVGCanvas(width: width, height: height, title: title)
        for (i, item) in drawn.enumerated() {
            let id = item.row.id!, structure = geometries[id]!
            let x = gap + Double(i % columns) * (panel + gap)
            let y = 36 + Double(i / columns) * (panel + textHeight + gap)
            StructureDrawing(structure: structure, highlighted: ExchangedLigand.atoms(in: structure))
                .draw(on: &canvas, x: x, y: y, size: panel, row: RowIDs.attribute("reactions", [id]),
                      tooltip: "\(item.phase): \(item.row.name) (reactions row \(id), \(structure.count) atoms)")
            canvas.text(labels[item.row.name] ?? item.row.name, x: x + panel / 2, y: y + panel + 14,
                        cssClass: "label \(item.phase == v.activePhase ? "active-text" : "inactive-text")")
            canvas.text("\(Format.kj(item.row.energyKJMol)) kJ/mol", x: x + panel / 2, y: y + panel + 28, cssClass: "note")
        }
        let caption = "Each configuration's geometry (projection onto its widest Cartesian plane; atoms coloured by "
            + "element: Pb dark grey, Br dark red, I purple, Cs violet, Zn slate, N blue, C grey, H white), its label "
            + "as in the bars and its reaction energy. Outlined in magenta: the exchanged ligand (the organic "
            + "molecule whose N binds the perovskite metal) and the halide bound to Zn."
        return Figure(id: "structures-\(v.id ?? 0)", title: title, svg: canvas.svg, caption: caption)
    }
}
