/// The exit statuses shared by all commands (docs/exit-status.md lists every status of every command).
enum ExitStatus {
    /// Done.
    static let success: Int32 = 0
    /// Finished, but some inputs or tasks failed (each one named on the way).
    static let someFailed: Int32 = 1
    // 2–5 belong to single commands and are defined there: `opt` 2 (not converged), `run` 2–5
    // (`CampaignRun.exitCode`), `build check-topology` 2–3.
    /// The results database cannot be written (read-only file or folder, disk full, I/O error).
    static let databaseNotWritable: Int32 = 6
    /// Usage: an unknown option, a missing or malformed value (ArgumentParser's EX_USAGE); help is printed.
    static let usage: Int32 = 64
    /// Data: an input is not what the command needs — not a results database, a damaged or newer
    /// one, nothing of the kind asked for in it (no verdicts…), a malformed measured CSV (EX_DATAERR).
    static let dataError: Int32 = 65
    /// An input file that must exist does not (EX_NOINPUT).
    static let noInput: Int32 = 66
    /// An output cannot be created: its folder does not exist or is not writable (EX_CANTCREAT).
    static let cannotCreate: Int32 = 73
}
