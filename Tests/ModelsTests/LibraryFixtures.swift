import Foundation
import Models
import Structures

/// The perovskite library cells of clusters/bulk/ (issue 6) and helpers shared by their tests.
enum LibraryFixtures {
    /// One library cell: file stem, atoms after symmetry expansion, formula, B and X.
    struct Cell {
        var stem: String
        var atoms: Int
        var formula: String
        var b: Int
        var x: Int
        /// Formula of the molecular A cation, nil for Cs.
        var molecule: String?
    }

    static let cells: [Cell] = [
        Cell(stem: "CsPbBr3-alpha", atoms: 5, formula: "Br3CsPb", b: 82, x: 35),
        Cell(stem: "CsPbBr3-delta-hypothetical", atoms: 20, formula: "Br12Cs4Pb4", b: 82, x: 35),
        Cell(stem: "CsPbCl3-alpha", atoms: 5, formula: "Cl3CsPb", b: 82, x: 17),
        Cell(stem: "CsPbCl3-delta-hypothetical", atoms: 20, formula: "Cl12Cs4Pb4", b: 82, x: 17),
        Cell(stem: "CsSnI3-alpha", atoms: 5, formula: "CsI3Sn", b: 50, x: 53),
        Cell(stem: "CsSnI3-delta", atoms: 20, formula: "Cs4I12Sn4", b: 50, x: 53),
        Cell(stem: "FAPbI3-alpha", atoms: 12, formula: "CH5I3N2Pb", b: 82, x: 53, molecule: "CH5N2"),
        Cell(stem: "FAPbI3-delta", atoms: 24, formula: "C2H10I6N4Pb2", b: 82, x: 53, molecule: "CH5N2"),
    ]

    static func read(_ stem: String, _ ext: String = "cif") throws -> Structure {
        try StructureFile.read(path: BuilderFixtures.path("clusters/bulk/\(stem).\(ext)"))
    }

    static func fragment(_ stem: String, units: Int) throws -> PerovskiteFragment {
        try PerovskiteFragmentBuilder.build(cell: read(stem), spec: PerovskiteFragmentSpec(units: units))
    }

    static func glass(_ ligand: GlassLigandVariant, zinc: Int = 1, cap: LigandCap = .hIm) throws -> GlassFragment {
        try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: zinc, ligand: ligand, cap: cap))
    }

    /// The molecular pieces of a structure: connected components (bond rule) once every bond to
    /// a metal or halide is cut, of more than one atom, as formulas.
    static func molecules(_ s: Structure) -> [String] {
        let graph = BondGraph(s)
        let z = s.atomicNumbers
        let organic = { (i: Int) in [1, 6, 7, 8].contains(z[i]) }
        let cut = Set(graph.bonds.filter { !organic($0.i) || !organic($0.j) })
        return graph.components(excluding: cut).filter { $0.count > 1 }.map { atoms in
            Structure(name: "", atomicNumbers: atoms.map { z[$0] }, positions: atoms.map { _ in .zero }).formula
        }
    }

    /// The smallest (distance / sum of covalent radii) over all pairs, minimum image in a cell.
    static func tightestRatio(_ s: Structure) -> Double {
        var best = Double.infinity
        for i in s.positions.indices {
            for j in (i + 1)..<s.count {
                let v = s.lattice.map { $0.minimumImage(from: s.positions[i], to: s.positions[j]) } ?? (s.positions[j] - s.positions[i])
                let sum = (Element.covalentRadius(s.atomicNumbers[i]) ?? 1.5) + (Element.covalentRadius(s.atomicNumbers[j]) ?? 1.5)
                best = min(best, builderLength(v) / sum)
            }
        }
        return best
    }

    /// A⁺ B²⁺ X⁻ formal charges (Cs or one molecular cation per A) summed.
    static func formalCharge(_ s: Structure, b: Int, x: Int, molecules: Int) -> Int {
        let a = BuilderFixtures.count(s, 55) + molecules
        return a + 2 * BuilderFixtures.count(s, b) - BuilderFixtures.count(s, x)
    }
}
