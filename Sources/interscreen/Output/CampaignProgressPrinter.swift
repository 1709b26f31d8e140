import Campaign
import Foundation

/// Progress of a campaign: a live line on a terminal, a plain line every `interval` s in a log.
final class CampaignProgressPrinter {
    private let interval: Double
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLog = Date.distantPast

    init(interval: Double) {
        self.interval = interval
    }

    func update(_ progress: CampaignProgress) {
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + progress.line).utf8))
        } else if Date().timeIntervalSince(lastLog) >= interval {
            lastLog = Date()
            printError("[\(Self.timestamp())] \(progress.line)")
        }
    }

    func finish(_ progress: CampaignProgress) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError("[\(Self.timestamp())] \(progress.line)")
    }

    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
