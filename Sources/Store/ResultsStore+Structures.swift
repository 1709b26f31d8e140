import Foundation
import GRDB
import Structures
import Engine

extension ResultsStore {
    /// Saves `structure` under its content hash unless that hash is already stored (same hash,
    /// same content: the first name and source file are kept). Returns the stored row.
    @discardableResult
    public func saveStructure(_ structure: Structure, hash: String, sourceFile: String?,
                              parentHash: String? = nil) throws -> StructureRecord {
        try commitTransaction { db in
            if let existing = try StructureRecord.fetchOne(db, key: hash) { return existing }
            let createdAt = Date()
            try ResultInserter.insertStructure(structure, hash: hash, sourceFile: sourceFile, parentHash: parentHash,
                                               createdAt: createdAt, db)
            // The row as stored: positions round-trip bit for bit, the date to the millisecond.
            return StructureRecord(structure, hash: hash, sourceFile: sourceFile, parentHash: parentHash,
                                   createdAt: DatabaseTimestamp.stored(createdAt))
        }
    }

    /// Saves `structure` under `structure.contentHash` (see `saveStructure(_:hash:sourceFile:parentHash:)`).
    @discardableResult
    public func saveStructure(_ structure: Structure, sourceFile: String?,
                              parentHash: String? = nil) throws -> StructureRecord {
        try saveStructure(structure, hash: structure.contentHash, sourceFile: sourceFile, parentHash: parentHash)
    }

    /// The stored structure row with this content hash.
    public func structureRecord(hash: String) throws -> StructureRecord? {
        try pool.read { db in try StructureRecord.fetchOne(db, key: hash) }
    }

    /// The stored structure with this content hash, rebuilt (positions bit-exact).
    public func structure(hash: String) throws -> Structure? {
        try structureRecord(hash: hash)?.structure()
    }

    /// Saves `settings` under `settings.hash` unless already stored. Returns the stored row.
    @discardableResult
    public func saveSettings(_ settings: Settings) throws -> SettingsRecord {
        try write { try $0.saveSettings(settings) }
    }

    /// The stored settings with this hash.
    public func settings(hash: String) throws -> Settings? {
        try pool.read { db in try SettingsRecord.fetchOne(db, key: hash) }?.settings()
    }
}
