import Foundation

/// Where this process runs, for provenance.
enum HostInfo {
    static var name: String { ProcessInfo.processInfo.hostName }
}
