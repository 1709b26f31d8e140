import Foundation

/// Where this process runs, for provenance.
public enum HostInfo {
    public static var name: String { ProcessInfo.processInfo.hostName }
}
