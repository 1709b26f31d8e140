import Foundation

/// The first 100 bytes of an SQLite file, read without SQLite: enough to tell an empty file, a
/// file of another kind and a truncated database apart before SQLite gives them one error code.
struct SQLiteFileHeader {
    /// The magic string every SQLite 3 database starts with.
    static let magic = Array("SQLite format 3\u{0}".utf8)
    static let length = 100

    let bytes: [UInt8]
    let fileSize: Int

    /// Reads the header of the file at `path`; nil when it cannot be read.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        try? handle.seek(toOffset: 0)
        bytes = Array((try? handle.read(upToCount: Self.length)) ?? Data())
        fileSize = Int(size)
    }

    var isEmpty: Bool { fileSize == 0 }

    /// The file starts like an SQLite database (possibly cut short inside the magic string).
    var hasMagic: Bool {
        let n = min(bytes.count, Self.magic.count)
        return n > 0 && Array(bytes.prefix(n)) == Array(Self.magic.prefix(n))
    }

    /// Page size in bytes (1 in the header means 65,536).
    var pageSize: Int? {
        guard bytes.count >= 18 else { return nil }
        let raw = Int(bytes[16]) << 8 | Int(bytes[17])
        return raw == 1 ? 65_536 : raw
    }

    /// The database size in pages, when the header's copy of it is valid (SQLite ≥ 3.7.0 keeps
    /// it valid: "version-valid-for" equals the change counter).
    var pageCount: Int? {
        guard bytes.count >= Self.length, word(at: 92) == word(at: 24) else { return nil }
        let count = word(at: 28)
        return count > 0 ? Int(count) : nil
    }

    /// The size the header promises, when it cannot be met by this file: the file was cut short.
    var expectedSizeWhenTruncated: Int? {
        guard hasMagic else { return nil }
        guard bytes.count >= Self.length else { return Self.length }
        guard let pageSize, let pageCount else { return nil }
        let expected = pageSize * pageCount
        return fileSize < expected ? expected : nil
    }

    private func word(at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
