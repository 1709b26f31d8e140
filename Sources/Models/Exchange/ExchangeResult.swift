/// What an exchange enumeration produced: the distinct products, the duplicates dropped and
/// the candidates that could not be built.
public struct ExchangeResult: Sendable {
    /// A candidate dropped as a repeat of an earlier product.
    public struct Duplicate: Sendable {
        public var name: String
        public var duplicateOf: String
        /// nil when the content hashes were equal.
        public var rmsd: Double?
    }

    /// A candidate that could not be built, and why.
    public struct Skipped: Sendable {
        public var name: String
        public var reason: String
    }

    public var products: [ExchangeProduct] = []
    public var duplicates: [Duplicate] = []
    public var skipped: [Skipped] = []
    /// Candidates considered in all.
    public var candidates = 0
}
