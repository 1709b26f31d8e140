/// A tblite single point with what `CalculationResult` has no place for: the virial.
public struct TBLiteOutput: Sendable, Equatable {
    /// Energy, gradient, charges, gap, as every backend reports them.
    public var result: CalculationResult
    /// tblite's virial (sigma), Eh, 3×3 rows; nil when tblite offers none.
    public var virial: [[Double]]?
    /// Time the bridge spent inside tblite, s (`result.wallSeconds` adds the exchange with Swift).
    public var bridgeSeconds: Double?

    public init(result: CalculationResult, virial: [[Double]]?, bridgeSeconds: Double?) {
        self.result = result
        self.virial = virial
        self.bridgeSeconds = bridgeSeconds
    }
}
