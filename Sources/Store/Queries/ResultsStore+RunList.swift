import GRDB

extension ResultsStore {
    /// Every run, in the order they started.
    public func runs() throws -> [RunRecord] {
        try pool.read { db in try RunRecord.order(Column("id")).fetchAll(db) }
    }
}
