/// Checks that a structure is safe to hand to an xTB method (which may crash or silently
/// change the spin otherwise) and says precisely what is wrong.
public enum StructureValidator {
    /// Throws the first problem found: no atoms, an element outside `allowedElements`, a
    /// non-finite coordinate, an impossible electron count / multiplicity, or two atoms (or an
    /// atom and its periodic image) closer than `minDistance` Å (minimum image; O(N)).
    public static func validate(_ s: Structure, file: String, allowedElements: ClosedRange<Int>,
                                methodName: String, minDistance: Double = 0.5) throws {
        guard s.count > 0 else { throw StructureError(.emptyFile, file: file, "the structure has no atoms") }
        try checkElements(s, file: file, allowed: allowedElements, method: methodName)
        try checkFinite(s, file: file)
        try checkElectrons(s, file: file)
        try checkDistances(s, file: file, minDistance: minDistance)
    }

    static func checkElements(_ s: Structure, file: String, allowed: ClosedRange<Int>, method: String) throws {
        guard let i = s.atomicNumbers.firstIndex(where: { !allowed.contains($0) }) else { return }
        let z = s.atomicNumbers[i]
        let symbol = Element.symbol(z).map { "\($0) (Z=\(z))" } ?? "Z=\(z)"
        throw StructureError(.unsupportedElement, file: file, atom: i + 1,
                             "\(symbol) at atom \(i + 1) is not supported by \(method) (Z = \(allowed.lowerBound)–\(allowed.upperBound))")
    }

    static func checkFinite(_ s: Structure, file: String) throws {
        if let i = s.positions.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) {
            let r = s.positions[i]
            throw StructureError(.nonFiniteCoordinate, file: file, atom: i + 1,
                                 "atom \(i + 1) (\(Element.label(s.atomicNumbers[i]))) has a non-finite coordinate (\(r.x), \(r.y), \(r.z))")
        }
        if let lattice = s.lattice, !lattice.vectors.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }) {
            throw StructureError(.nonFiniteCoordinate, file: file, "the lattice has a non-finite component")
        }
    }

    /// electrons = ΣZ − charge ≥ |charge|; 1 ≤ multiplicity ≤ electrons + 1; parity matches.
    static func checkElectrons(_ s: Structure, file: String) throws {
        let m = s.multiplicity
        let fail = { (message: String) in StructureError(.electronCount, file: file, message) }
        let (electrons, overflow) = s.atomicNumbers.reduce(0, +).subtractingReportingOverflow(s.charge)
        if overflow { throw fail("charge \(s.charge) is out of range for \(s.count) atoms: check the charge") }
        if electrons < 0 {
            throw fail("charge \(s.charge) leaves \(electrons) electrons: the charge is larger than the nuclear charge \(electrons + s.charge)")
        }
        if s.charge.magnitude > electrons.magnitude {
            throw fail("charge \(s.charge) is larger in magnitude than the \(electrons) electrons left: check the charge")
        }
        if m < 1 { throw fail("multiplicity \(m) is below 1: give multiplicity ≥ 1 (1 = singlet, 2 = doublet)") }
        if m - 1 > electrons {
            throw fail("multiplicity \(m) needs \(m - 1) unpaired electrons but there are only \(electrons)")
        }
        if (electrons &+ m &- 1) % 2 != 0 { // wrapping keeps the parity, and cannot trap
            let parity = electrons % 2 == 0 ? "even" : "odd"
            let suggestion = m == 1 ? "multiplicity=2 (uhf=1)" : "multiplicity=\(m - 1)" + (m < Int.max ? " or \(m + 1)" : "")
            throw fail("\(parity) electron count \(electrons) with multiplicity \(m): give \(suggestion) or change the charge")
        }
    }

    static func checkDistances(_ s: Structure, file: String, minDistance: Double) throws {
        if let lattice = s.lattice, s.isPeriodic {
            let shortest = lattice.imageShifts.map { length(lattice.cartesian(fromFractional: $0)) }.min() ?? .infinity
            if shortest < minDistance {
                throw StructureError(.atomsTooClose, file: file, atom: 1,
                                     "every atom is \(format(shortest)) Å from its own periodic image, closer than \(minDistance) Å: the cell is too small")
            }
        }
        let contacts = CloseContacts(positions: s.positions, lattice: s.isPeriodic ? s.lattice : nil, cutoff: minDistance)
        guard let pair = contacts.closestPair() else { return }
        let name = { (i: Int) in "\(i + 1) (\(Element.label(s.atomicNumbers[i])))" }
        let more = pair.pairs > 1 ? "; \(pair.pairs) pairs in all" : ""
        throw StructureError(.atomsTooClose, file: file, atom: pair.i + 1,
                             "atoms \(name(pair.i)) and \(name(pair.j)) are \(format(pair.distance)) Å apart, closer than \(minDistance) Å\(more)")
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
