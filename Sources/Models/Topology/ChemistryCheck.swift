import Structures

/// A built model's sanity: the validator's limits (0.5 Å, electrons) and no two atoms closer
/// than `minimumFactor` × the sum of their covalent radii.
public enum ChemistryCheck {
    /// The closest pair relative to its radii: (i, j, distance, distance / (r_i + r_j)).
    public static func tightestPair(_ s: Structure) -> (i: Int, j: Int, distance: Double, ratio: Double)? {
        var best: (i: Int, j: Int, distance: Double, ratio: Double)?
        for i in s.positions.indices {
            for j in (i + 1)..<s.count {
                let d = Geo3.distance(s.positions[i], s.positions[j])
                let sum = (Element.covalentRadius(s.atomicNumbers[i]) ?? 1.5) + (Element.covalentRadius(s.atomicNumbers[j]) ?? 1.5)
                if best.map({ d / sum < $0.ratio }) ?? true { best = (i, j, d, d / sum) }
            }
        }
        return best
    }

    /// Throws when the structure fails the validator (0.5 Å) or has a pair closer than
    /// `minimumFactor` × (r_i + r_j).
    public static func check(_ s: Structure, minimumFactor: Double = 0.75) throws {
        do {
            try StructureValidator.validate(s, file: s.name, allowedElements: 1...86, methodName: "GFN2-xTB", minDistance: 0.5)
        } catch {
            throw ModelBuildError("\(s.name): \(error)")
        }
        if let pair = tightestPair(s), pair.ratio < minimumFactor {
            let label = { (i: Int) in "\(Element.symbol(s.atomicNumbers[i]) ?? "?") \(i + 1)" }
            let text = String(format: "%.3f Å (%.2f × the covalent radii)", pair.distance, pair.ratio)
            throw ModelBuildError("\(s.name): atoms \(label(pair.i)) and \(label(pair.j)) are \(text), closer than \(minimumFactor) ×")
        }
    }
}
