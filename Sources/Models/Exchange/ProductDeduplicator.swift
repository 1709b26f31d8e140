import Structures

/// Drops repeated products: the same content hash, or an RMSD below the threshold after
/// superposition with atoms matched per element (reflections allowed: mirror images have the
/// same xTB energy). Keeps the first of each kind, in enumeration order.
struct ProductDeduplicator {
    let threshold: Double
    private(set) var kept: [(name: String, hash: String, structure: Structure)] = []

    init(threshold: Double) {
        self.threshold = threshold
    }

    /// The earlier product this one repeats (and the RMSD, nil for an equal hash), or nil
    /// after recording it as new.
    mutating func duplicate(of structure: Structure, name: String) -> (of: String, rmsd: Double?)? {
        let hash = structure.contentHash
        if let same = kept.first(where: { $0.hash == hash }) { return (same.name, nil) }
        for other in kept where other.structure.formula == structure.formula {
            // The superposition search is the expensive part of expanding a screen; a product whose
            // lower bound already reaches the threshold cannot be a duplicate (margin for rounding).
            if let bound = AlignedRMSD.lowerBound(other.structure, structure), bound >= threshold + 1e-9 { continue }
            if let rmsd = AlignedRMSD.rmsd(other.structure, structure), rmsd < threshold { return (other.name, rmsd) }
        }
        kept.append((name, hash, structure))
        return nil
    }
}
