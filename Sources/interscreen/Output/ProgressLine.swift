import Campaign
import Foundation

/// A live "done/total, failures, rate, ETA" line on a terminal; silent when stderr is not a TTY.
///
/// Logs (batch jobs) get no carriage-return noise; commands that run long print their own plain
/// periodic lines there.
final class ProgressLine {
    private let total: Int
    private let label: String
    private let start = Date()
    private var done = 0
    private var failed = 0
    private let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func advance(failed: Int) {
        done += 1
        self.failed = failed
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
    }

    /// Erases the line so a result row can be printed in its place.
    func clear() {
        guard enabled, done > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func finish() { clear() }

    /// "sp 12/40, 1 failed, 3.2/s, ETA 9 s".
    func text(now: Date = Date()) -> String {
        let elapsed = max(now.timeIntervalSince(start), 1e-9)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : .infinity
        return "\(label) \(done)/\(total), \(failed) failed, \(String(format: "%.2f", rate))/s, ETA \(CampaignProgress.duration(eta))"
    }
}
