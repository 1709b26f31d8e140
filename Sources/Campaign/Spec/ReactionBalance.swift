import Foundation
import Structures

/// Checks that a reaction conserves atoms (per element) and charge: Σ ν·n over the products
/// equals Σ ν·n over the reactants within 1e-9.
enum ReactionBalance {
    static let tolerance = 1e-9

    /// What does not balance, one message per kind (atoms, charge); empty when balanced or when a
    /// species' structure is unknown (its file could not be read).
    static func problems(reactants: [(name: String, coefficient: Double)],
                         products: [(name: String, coefficient: Double)],
                         structure: (String) -> Structure?) -> [String] {
        guard let left = totals(reactants, structure), let right = totals(products, structure) else { return [] }
        var messages: [String] = []
        let elements = Set(left.atoms.keys).union(right.atoms.keys).sorted(by: elementOrder)
        let off = elements.compactMap { element in
            mismatch(element, left.atoms[element] ?? 0, right.atoms[element] ?? 0)
        }
        if !off.isEmpty { messages.append("atoms do not balance: " + off.joined(separator: "; ")) }
        if let charge = mismatch("charge", left.charge, right.charge) {
            messages.append("charge does not balance: \(charge)")
        }
        return messages
    }

    /// Σ ν·(element counts) and Σ ν·charge over one side; nil when a structure is unknown.
    static func totals(_ side: [(name: String, coefficient: Double)],
                       _ structure: (String) -> Structure?) -> (atoms: [String: Double], charge: Double)? {
        var atoms: [String: Double] = [:]
        var charge = 0.0
        for (name, coefficient) in side {
            guard let s = structure(name) else { return nil }
            for z in s.atomicNumbers { atoms[Element.symbol(z) ?? "Z=\(z)", default: 0] += coefficient }
            charge += coefficient * Double(s.charge)
        }
        return (atoms, charge)
    }

    /// "I: 2 in the reactants, 3 in the products (1 more in the products)", nil when equal.
    static func mismatch(_ what: String, _ left: Double, _ right: Double) -> String? {
        let difference = right - left
        guard abs(difference) > tolerance else { return nil }
        let side = difference > 0 ? "products" : "reactants"
        return "\(what): \(format(left)) in the reactants, \(format(right)) in the products "
            + "(\(format(abs(difference))) more in the \(side))"
    }

    /// Whole numbers without a decimal point, others to 6 significant digits.
    static func format(_ x: Double) -> String {
        abs(x - x.rounded()) < tolerance && abs(x) < 1e15 ? String(Int(x.rounded())) : String(format: "%.6g", x)
    }

    /// By atomic number (H before C before Pb), unknown symbols last.
    private static func elementOrder(_ a: String, _ b: String) -> Bool {
        (Element.number(a) ?? Int.max, a) < (Element.number(b) ?? Int.max, b)
    }
}
