import GRDB

/// A failure with its structure and settings rows when those were stored.
public struct FailureRow: Decodable, Sendable, Equatable, FetchableRecord {
    public var failure: FailureRecord
    public var structure: StructureRecord?
    public var settings: SettingsRecord?

    static var request: QueryInterfaceRequest<FailureRecord> {
        FailureRecord
            .including(optional: FailureRecord.structure)
            .including(optional: FailureRecord.settings)
            .order(Column("id"))
    }
}
