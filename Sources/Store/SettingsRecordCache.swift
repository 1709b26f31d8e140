import Engine
import Foundation

/// Settings rows by settings, built once: a campaign uses a handful of settings for many results.
/// Also remembers which of them are known to be stored in this database (settings rows are
/// never deleted), so that a commit does not insert them again.
final class SettingsRecordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [Settings: SettingsRecord] = [:]
    private var stored: Set<String> = []

    func record(for settings: Settings) throws -> SettingsRecord {
        lock.lock()
        defer { lock.unlock() }
        if let known = records[settings] { return known }
        let record = try SettingsRecord(settings)
        records[settings] = record
        return record
    }

    /// True once `markStored(hash)` was called (after a committed transaction that stored it).
    func isStored(_ hash: String) -> Bool {
        lock.withLock { stored.contains(hash) }
    }

    func markStored(_ hash: String) {
        lock.withLock { _ = stored.insert(hash) }
    }
}
