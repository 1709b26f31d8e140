/// The deliberate SQLite settings of the results database, applied to every connection
/// (docs/benchmarks.md, "Store", gives the measurements behind them).
enum StoreTuning {
    /// `PRAGMA synchronous` in WAL mode. NORMAL: a commit is in the `-wal` file (the kernel's page
    /// cache) when COMMIT returns, so it survives the process being killed; only an operating
    /// system crash or power loss may drop the last commits (never corrupt the file). FULL would
    /// add an fsync to every result (~1.6 ms each here).
    static let synchronous = "NORMAL"

    /// `PRAGMA wal_autocheckpoint`, in pages (4 KiB): how long the WAL grows before a commit copies
    /// it into the database file. SQLite's default, 1,000 pages, made every ~90th result commit
    /// pay two fsyncs and a copy (a third of the commit path); 16,384 pages (a WAL of up to 64 MiB,
    /// reused, removed when the last connection closes) makes that rare, and pages written many
    /// times (the table's last leaf) are copied once. Durability does not change: a commit is in
    /// the WAL either way.
    static let walAutocheckpointPages = 16_384

    /// `PRAGMA cache_size`, in KiB (negative: a size, not pages): SQLite's default 2 MiB made
    /// inserts of random content hashes into the indexes of a growing database re-read pages.
    static let cacheKiB = 32_768

    /// The statements run on every new connection.
    static var connectionPragmas: [String] {
        ["PRAGMA synchronous = \(synchronous)", "PRAGMA wal_autocheckpoint = \(walAutocheckpointPages)",
         "PRAGMA cache_size = -\(cacheKiB)"]
    }
}
