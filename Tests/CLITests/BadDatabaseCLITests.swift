import Foundation
import GRDB
import Store
import XCTest

/// Files given as `--db` that are not usable results databases, through the built binary: each is
/// refused with one line naming the file and what is wrong, a documented exit status
/// (docs/exit-status.md), no usage text, and the file left exactly as it was.
final class BadDatabaseCLITests: XCTestCase {
    /// A real results database: two single points stored by `sp`.
    private func resultsDatabase(_ cli: CLIHarness, _ name: String) throws -> String {
        let db = cli.path(name)
        let sp = try cli.run(["sp", CLIHarness.fragment("CsI"), CLIHarness.fragment("water"), "--db", db])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        return db
    }

    /// `interscreen args` must fail with `status` and a single `error:` line containing `phrases`,
    /// leaving the file at `db` byte for byte unchanged (when `unchanged`).
    private func assertRefused(_ cli: CLIHarness, _ arguments: [String], db: String, status: Int32, _ phrases: [String],
                               unchanged: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = FileManager.default.contents(atPath: db)
        let result = try cli.run(arguments, file: file, line: line)
        let what = "\(arguments.joined(separator: " ")): \(result.stderr)"
        XCTAssertEqual(result.status, status, what, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, what, file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix("error: ") ?? false, what, file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Usage:"), what, file: file, line: line)
        for phrase in phrases { XCTAssertTrue(result.stderr.contains(phrase), "'\(phrase)' missing: \(what)", file: file, line: line) }
        if unchanged { XCTAssertEqual(FileManager.default.contents(atPath: db), before, "\(db) was changed", file: file, line: line) }
    }

    func testAFileThatIsNotADatabaseIsRefusedByEveryCommand() throws {
        let cli = try CLIHarness()
        let db = cli.path("notes.sqlite")
        try "these are my notes, not a database\n".write(toFile: db, atomically: true, encoding: .utf8)
        let phrases = [db, "is not an interscreen results database", "not an SQLite file"]
        for command in [["verdict"], ["export"], ["status"], ["simulate"], ["sp", CLIHarness.fragment("water")]] {
            try assertRefused(cli, command + ["--db", db], db: db, status: 65, phrases)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"))
    }

    func testATruncatedDatabaseIsRefused() throws {
        let cli = try CLIHarness()
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: try resultsDatabase(cli, "whole.sqlite")))
        let db = cli.path("cut.sqlite")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: db))
        for command in [["export"], ["status"], ["sp", CLIHarness.fragment("water")]] {
            try assertRefused(cli, command + ["--db", db], db: db, status: 65,
                              [db, "truncated", "\(whole.count / 2) bytes", "\(whole.count)"])
        }
    }

    func testAnEmptyFileHasNothingToReadButCanBeWrittenInto() throws {
        let cli = try CLIHarness()
        let db = cli.path("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: db, contents: Data()))
        for command in [["verdict"], ["export"], ["status"]] {
            try assertRefused(cli, command + ["--db", db], db: db, status: 65, [db, "is empty", "not an interscreen results database"])
        }
        // SQLite takes an empty file as a new database (e.g. one made by mktemp): `sp` fills it.
        let sp = try cli.run(["sp", CLIHarness.fragment("water"), "--db", db])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        XCTAssertEqual(try ResultsStore(path: db).calculations().count, 1)
    }

    func testAnotherProgramsSQLiteDatabaseIsLeftAlone() throws {
        let cli = try CLIHarness()
        let db = cli.path("places.sqlite")
        try DatabaseQueue(path: db).write { try $0.execute(sql: "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)") }
        for command in [["export"], ["sp", CLIHarness.fragment("water")]] {
            try assertRefused(cli, command + ["--db", db], db: db, status: 65,
                              [db, "is not an interscreen results database", "moz_places"])
        }
    }

    func testADatabaseOfANewerSchemaIsRefusedNamingBothVersions() throws {
        let cli = try CLIHarness()
        let db = try resultsDatabase(cli, "newer.sqlite")
        let current = try XCTUnwrap(try ResultsStore(path: db).appliedMigrations().last)
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try db.execute(sql: "UPDATE runs SET interscreen_version = '9.9.0'")
        }
        for command in [["export"], ["verdict"], ["sp", CLIHarness.fragment("HIm")]] {
            try assertRefused(cli, command + ["--db", db], db: db, status: 65,
                              [db, "v99-from-the-future", current, "interscreen 9.9.0"])
        }
    }

    func testAMissingDatabaseAndAMissingFolder() throws {
        let cli = try CLIHarness()
        let missing = cli.path("absent.sqlite")
        let verdict = try cli.run(["verdict", "--db", missing])
        XCTAssertEqual(verdict.status, 66, verdict.stderr)
        XCTAssertEqual(verdict.stderr, "error: no results database at \(missing)\n")
        // --db never creates folders: a mistyped path is refused before anything is computed.
        let nested = cli.path("no/such/dir/x.sqlite")
        let sp = try cli.run(["sp", CLIHarness.fragment("water"), "--db", nested])
        XCTAssertEqual(sp.status, 73, sp.stderr)
        XCTAssertTrue(sp.stderr.contains("the folder \(cli.path("no/such/dir")) does not exist"), sp.stderr)
        XCTAssertFalse(sp.stderr.contains("Usage:"), sp.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("no")))
    }

    func testNoVerdictsIsADataErrorNotAUsageError() throws {
        let cli = try CLIHarness()
        let db = try resultsDatabase(cli, "sp.sqlite")
        let measured = CLIHarness.repository.appendingPathComponent("jobs/measured/li2023.csv").path
        for command in [["verdict"], ["compare", "--measured", measured]] {
            // A healthy database: SQLite may checkpoint it on close, so its bytes are not compared.
            try assertRefused(cli, command + ["--db", db], db: db, status: 65, ["no verdicts in \(db)"], unchanged: false)
        }
    }

    func testAReadOnlyDatabaseStopsRunWithStatusSix() throws {
        let cli = try CLIHarness()
        let spec = cli.path("ro.toml")
        try """
        [campaign]
        name = "ro"
        database = "ro.sqlite"

        [[structures]]
        name = "water"
        files = "\(CLIHarness.fragment("water"))"
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let first = try cli.run(["run", spec])
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        try """

        [[structures]]
        name = "CsI"
        files = "\(CLIHarness.fragment("CsI"))"
        """.appendLine(to: spec)
        let db = cli.path("ro.sqlite")
        XCTAssertEqual(chmod(db, 0o444), 0)
        XCTAssertEqual(chmod(cli.workdir.path, 0o555), 0)
        defer { chmod(cli.workdir.path, 0o755) }
        let before = FileManager.default.contents(atPath: db)
        let result = try cli.run(ReadOnlyUser.command(["run", spec]), executable: ReadOnlyUser.launcher)
        XCTAssertEqual(result.status, 6, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("the results database \(db) cannot be written"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Usage:"), result.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: db), before)
    }
}

/// A user for whom a 0444 file is read-only: this one, or `nobody` when the tests run as root
/// (root writes any file whatever its mode), through util-linux's `setpriv` found on PATH.
enum ReadOnlyUser {
    static var isRoot: Bool { getuid() == 0 }

    static var launcher: URL {
        guard isRoot else { return CLIHarness.binary }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/setpriv" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        if path == nil { XCTFail("setpriv (util-linux) is needed on PATH to run a test as an unprivileged user: apt-get install util-linux") }
        return URL(fileURLWithPath: path ?? "/usr/bin/setpriv")
    }

    static func command(_ arguments: [String]) -> [String] {
        guard isRoot else { return arguments }
        return ["--reuid=65534", "--regid=65534", "--clear-groups", CLIHarness.binary.path] + arguments
    }
}

private extension String {
    func appendLine(to path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
