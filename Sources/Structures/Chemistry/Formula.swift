extension Structure {
    /// Empirical formula in Hill order: C, then H, then the rest alphabetically; without carbon
    /// everything alphabetically. Counts of 1 are omitted ("Cs8I24Pb8", "C12H16N8Zn").
    public var formula: String {
        var counts: [String: Int] = [:]
        for z in atomicNumbers { counts[Element.label(z), default: 0] += 1 }
        let hasCarbon = counts["C"] != nil
        let order = counts.keys.sorted { lhs, rhs in
            let (l, r) = (Self.hillRank(lhs, hasCarbon), Self.hillRank(rhs, hasCarbon))
            return l != r ? l < r : lhs < rhs
        }
        return order.map { symbol in
            let n = counts[symbol]!
            return n == 1 ? symbol : "\(symbol)\(n)"
        }.joined()
    }

    /// 0 for C, 1 for H (both only when carbon is present), 2 otherwise.
    private static func hillRank(_ symbol: String, _ hasCarbon: Bool) -> Int {
        guard hasCarbon else { return 2 }
        return symbol == "C" ? 0 : symbol == "H" ? 1 : 2
    }
}
