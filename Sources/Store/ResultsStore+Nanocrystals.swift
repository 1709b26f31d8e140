import GRDB

extension ResultsStore {
    /// Stores how a nanocrystal was cut; a block already stored keeps its first row (same content
    /// hash, same block). Its structure row should be stored too.
    public func saveNanocrystal(_ record: NanocrystalRecord) throws {
        try pool.write { db in try record.insert(db, onConflict: .ignore) }
    }

    /// Every stored nanocrystal, by the content hash of its structure.
    public func nanocrystals() throws -> [String: NanocrystalRecord] {
        let rows = try pool.read { db in try NanocrystalRecord.fetchAll(db) }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.structureHash, $0) })
    }
}

extension StoreTransaction {
    /// `ResultsStore.saveNanocrystal` inside this transaction (a campaign stores the row beside the
    /// block's structure).
    public func saveNanocrystal(_ record: NanocrystalRecord) throws {
        try record.insert(db, onConflict: .ignore)
    }
}
