import Engine
import Foundation

/// Settings rows by settings, built once: a campaign uses a handful of settings for many results.
final class SettingsRecordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [Settings: SettingsRecord] = [:]

    func record(for settings: Settings) throws -> SettingsRecord {
        lock.lock()
        defer { lock.unlock() }
        if let known = records[settings] { return known }
        let record = try SettingsRecord(settings)
        records[settings] = record
        return record
    }
}
