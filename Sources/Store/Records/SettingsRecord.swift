import Foundation
import GRDB
import Engine

/// Calculation settings stored by their hash (row of `settings`).
public struct SettingsRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "settings"

    /// `Settings.hash` (primary key).
    public var hash: String
    /// `Method.rawValue`, e.g. "gfn2".
    public var method: String
    /// `Settings.canonicalText`, the text that was hashed.
    public var canonicalText: String
    /// The `Settings` as JSON (sorted keys).
    public var json: String

    enum CodingKeys: String, CodingKey {
        case hash, method, json
        case canonicalText = "canonical_text"
    }

    /// The row for `settings`.
    public init(_ settings: Settings) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.hash = settings.hash
        self.method = settings.method.rawValue
        self.canonicalText = settings.canonicalText
        self.json = String(decoding: try encoder.encode(settings), as: UTF8.self)
    }

    /// Decodes the stored `Settings`.
    public func settings() throws -> Settings {
        do {
            return try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corruptRow(table: Self.databaseTableName, key: hash, "settings JSON: \(error)")
        }
    }
}
