import Structures

/// One built ligand-exchange product: its name, structure, how it was made and where its
/// parts are (for freezing the framework later).
public struct ExchangeProduct: Sendable {
    public var name: String
    public var structure: Structure
    public var candidate: ExchangeCandidate
    /// "pb3:I28" per exchanged site (1-based atom indices of the perovskite fragment).
    public var siteLabel: String
    /// 0-based index ranges in the product: perovskite framework, transferred ligands, glass unit.
    public var framework: Range<Int>
    public var transferred: Range<Int>
    public var glassUnit: Range<Int>
    /// Comment-line keys describing the product (parents by name and content hash).
    public var info: [(String, String)]

    public var contentHash: String { structure.contentHash }

    /// Extended XYZ with `info` and a `source` key.
    public func extendedXYZ(source: String) -> String {
        ExtendedXYZ.render(structure, info: info + [("source", source)])
    }

    /// "1-39" for 0..<39.
    static func label(_ r: Range<Int>) -> String { r.isEmpty ? "" : "\(r.lowerBound + 1)-\(r.upperBound)" }
}
