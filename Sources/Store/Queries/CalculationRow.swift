import GRDB

/// A calculation with its structure and settings rows, as exports and reports need it.
public struct CalculationRow: Decodable, Sendable, Equatable, FetchableRecord {
    public var calculation: CalculationRecord
    public var structure: StructureRecord
    public var settings: SettingsRecord

    static var request: QueryInterfaceRequest<CalculationRecord> {
        CalculationRecord
            .including(required: CalculationRecord.structure)
            .including(required: CalculationRecord.settings)
            .order(Column("id"))
    }
}
