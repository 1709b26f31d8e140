import Foundation
import Structures

/// Which atoms an optimisation keeps fixed, as the user wrote it (`--freeze SPEC`).
///
/// Syntax: terms separated by `;` (several `--freeze` options add up the same way); an atom is
/// frozen when any term selects it.
///
///     1-8,12            atoms by 1-based index and inclusive range (xtb's `$fix atoms:` style)
///     Cs,Pb,I           atoms by element symbol; may be mixed with indices: `Pb,1-4`
///     atoms:1-8         the same with an explicit prefix (`elements:Cs,Pb` likewise)
///     far:R:point=x,y,z atoms farther than R Å from the point (x, y, z) (Å)
///     far:R:atoms=SEL   atoms farther than R Å from every atom of the selection SEL
///                       (indices/ranges/elements as above), i.e. from the nearest of them
///     far:R:center      atoms farther than R Å from the centroid of all atoms
///
/// Example: `far:7:atoms=Zn,N,C,H` freezes the part of a perovskite fragment more than 7 Å away
/// from every atom of an adsorbed Zn–imidazolate unit (the "bulk side").
public struct FreezeSpec: Sendable, Hashable, CustomStringConvertible {
    /// One atom selector of a list.
    public enum Selector: Sendable, Hashable {
        /// 1-based inclusive index range (a single index is `n...n`).
        case indices(ClosedRange<Int>)
        /// Every atom of this atomic number.
        case element(Int)
    }

    /// One `;`-separated term.
    public enum Term: Sendable, Hashable {
        case atoms([Selector])
        case farFromPoint(radius: Double, point: Vec3)
        case farFromAtoms(radius: Double, selection: [Selector])
        case farFromCentroid(radius: Double)
    }

    public var terms: [Term]

    public init(terms: [Term]) {
        self.terms = terms
    }

    /// No frozen atoms.
    public static let none = FreezeSpec(terms: [])

    public var isEmpty: Bool { terms.isEmpty }

    /// Parses one or several specifications (their union).
    public init(parsing texts: [String]) throws {
        var terms: [Term] = []
        for text in texts {
            for piece in text.split(separator: ";") {
                let term = piece.filter { !$0.isWhitespace }
                if term.isEmpty { continue }
                terms.append(try Self.parseTerm(term))
            }
        }
        self.terms = terms
    }

    /// Parses one specification.
    public init(parsing text: String) throws {
        try self.init(parsing: [text])
    }

    /// The frozen atoms of `structure`: sorted 0-based indices, each once.
    /// Throws when an index lies outside the structure.
    public func frozenAtoms(in structure: Structure) throws -> [Int] {
        var frozen = Set<Int>()
        for term in terms {
            switch term {
            case let .atoms(selection):
                frozen.formUnion(try Self.select(selection, in: structure))
            case let .farFromPoint(radius, point):
                for (i, p) in structure.positions.enumerated() where Self.distance(p, point) > radius {
                    frozen.insert(i)
                }
            case let .farFromAtoms(radius, selection):
                let reference = try Self.select(selection, in: structure).sorted()
                guard !reference.isEmpty else {
                    throw FreezeSpecError("far:\(Self.number(radius)):atoms=… selects no atom of \(structure.name)")
                }
                for (i, p) in structure.positions.enumerated() {
                    let nearest = reference.map { Self.distance(p, structure.positions[$0]) }.min() ?? 0
                    if nearest > radius { frozen.insert(i) }
                }
            case let .farFromCentroid(radius):
                let centroid = structure.positions.reduce(Vec3.zero, +) / Double(max(structure.count, 1))
                for (i, p) in structure.positions.enumerated() where Self.distance(p, centroid) > radius {
                    frozen.insert(i)
                }
            }
        }
        return frozen.sorted()
    }

    /// The normalised text of the specification (same syntax, canonical spelling).
    public var description: String {
        terms.map { term in
            switch term {
            case let .atoms(selection): Self.text(selection)
            case let .farFromPoint(r, p): "far:\(Self.number(r)):point=\(Self.number(p.x)),\(Self.number(p.y)),\(Self.number(p.z))"
            case let .farFromAtoms(r, selection): "far:\(Self.number(r)):atoms=\(Self.text(selection))"
            case let .farFromCentroid(r): "far:\(Self.number(r)):center"
            }
        }.joined(separator: ";")
    }

    // MARK: - Parsing

    private static func parseTerm(_ term: String) throws -> Term {
        let lower = term.lowercased()
        if lower.hasPrefix("far:") {
            let parts = term.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let radius = Double(parts[1]), radius.isFinite, radius >= 0 else {
                throw FreezeSpecError("'\(term)': expected far:R:point=x,y,z, far:R:atoms=SELECTION or far:R:center")
            }
            let reference = parts[2]
            let lowerReference = reference.lowercased()
            if lowerReference == "center" || lowerReference == "centre" {
                return .farFromCentroid(radius: radius)
            }
            if lowerReference.hasPrefix("point=") {
                let numbers = reference.dropFirst(6).split(separator: ",").map { Double($0) }
                guard numbers.count == 3, let x = numbers[0], let y = numbers[1], let z = numbers[2],
                      x.isFinite, y.isFinite, z.isFinite else {
                    throw FreezeSpecError("'\(term)': point= needs three numbers x,y,z (Å)")
                }
                return .farFromPoint(radius: radius, point: Vec3(x, y, z))
            }
            if lowerReference.hasPrefix("atoms=") {
                return .farFromAtoms(radius: radius, selection: try parseSelection(String(reference.dropFirst(6)), term: term))
            }
            throw FreezeSpecError("'\(term)': the reference must be point=x,y,z, atoms=SELECTION or center")
        }
        for prefix in ["atoms:", "elements:", "element:"] where lower.hasPrefix(prefix) {
            return .atoms(try parseSelection(String(term.dropFirst(prefix.count)), term: term))
        }
        return .atoms(try parseSelection(term, term: term))
    }

    private static func parseSelection(_ text: String, term: String) throws -> [Selector] {
        let items = text.split(separator: ",").map(String.init)
        guard !items.isEmpty else { throw FreezeSpecError("'\(term)': empty atom selection") }
        return try items.map { item in
            if let n = Int(item) {
                guard n >= 1 else { throw FreezeSpecError("'\(term)': atom indices start at 1 (got \(n))") }
                return .indices(n...n)
            }
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 2, let a = Int(bounds[0]), let b = Int(bounds[1]) {
                guard a >= 1, a <= b else { throw FreezeSpecError("'\(term)': bad index range '\(item)'") }
                return .indices(a...b)
            }
            if let z = Element.number(item), item.allSatisfy(\.isLetter) {
                return .element(z)
            }
            throw FreezeSpecError("'\(term)': '\(item)' is neither an atom index, a range like 1-8, nor an element symbol")
        }
    }

    private static func select(_ selection: [Selector], in structure: Structure) throws -> Set<Int> {
        var atoms = Set<Int>()
        for selector in selection {
            switch selector {
            case let .indices(range):
                guard range.upperBound <= structure.count else {
                    throw FreezeSpecError("atom \(range.upperBound) does not exist: \(structure.name) has \(structure.count) atoms")
                }
                atoms.formUnion((range.lowerBound - 1)...(range.upperBound - 1))
            case let .element(z):
                for (i, number) in structure.atomicNumbers.enumerated() where number == z { atoms.insert(i) }
            }
        }
        return atoms
    }

    private static func text(_ selection: [Selector]) -> String {
        selection.map { selector in
            switch selector {
            case let .indices(r): r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)"
            case let .element(z): Element.symbol(z) ?? "Z\(z)"
            }
        }.joined(separator: ",")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    private static func distance(_ a: Vec3, _ b: Vec3) -> Double {
        let d = a - b
        return (d * d).sum().squareRoot()
    }
}

/// A `--freeze` specification that cannot be parsed or does not fit the structure.
public struct FreezeSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
