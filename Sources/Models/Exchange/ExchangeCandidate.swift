/// One way to do the exchange: which sites take which ligands, and the glass unit's azimuth.
public struct ExchangeCandidate: Sendable, Hashable {
    /// Sites (indices into `PerovskiteSurface.sites`), one per exchanged pair.
    public var sites: [Int]
    /// Ligands (indices into the glass fragment's ligands), `ligands[i]` goes to `sites[i]`.
    public var ligands: [Int]
    public var orientation: Int
}
