import Structures

/// Formula units of a cell: how many times its reduced composition it holds.
public enum FormulaUnits {
    /// The greatest common divisor of the element counts (CsPbI3 δ cell, Cs4Pb4I12 → 4).
    public static func count(in structure: Structure) -> Int {
        elementCounts(structure).values.reduce(0, gcd)
    }

    /// The composition divided by its formula units, in Hill order: "CsI3Pb".
    public static func reducedFormula(of structure: Structure) -> String {
        let units = max(count(in: structure), 1)
        let counts = elementCounts(structure)
        let reduced = Structure(name: "", atomicNumbers: counts.keys.sorted().flatMap { z in
            Array(repeating: z, count: counts[z]! / units)
        }, positions: Array(repeating: .zero, count: counts.values.reduce(0, +) / units))
        return reduced.formula
    }

    /// Atoms per element.
    static func elementCounts(_ structure: Structure) -> [Int: Int] {
        structure.atomicNumbers.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
