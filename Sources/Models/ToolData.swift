import Foundation

/// The data files interscreen ships (`clusters/…`), found independently of the working directory:
/// `$INTERSCREEN_DATA/<file>` when that is set, else the first folder above the executable that
/// holds `<file>` or `share/interscreen/<file>` (a checkout's `.build/…/interscreen` finds the
/// checkout's `clusters/`; an install as `PREFIX/bin/interscreen` finds `PREFIX/share/interscreen/`).
public enum ToolData {
    /// The environment variable that names the data folder (the one holding `clusters/`).
    public static let environmentVariable = "INTERSCREEN_DATA"

    /// The crystalline ZIF-4 cell glass fragments are cut from unless another is named.
    public static let zif4CrystalFile = "clusters/glass/ZIF-4-crystal.extxyz"

    /// The default ZIF crystal, as an absolute path when found (else the relative name, so that the
    /// error that follows names what was looked for).
    public static var zif4Crystal: String { path(of: zif4CrystalFile) }

    /// Where `file` (relative to the data folder) is: see the type's comment.
    public static func path(of file: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: String? = executablePath) -> String {
        if let folder = environment[environmentVariable], !folder.isEmpty {
            return (folder as NSString).appendingPathComponent(file)
        }
        var folder = executable.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        while !folder.isEmpty {
            for candidate in [file, "share/interscreen/" + file] {
                let path = (folder as NSString).appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: path) { return path }
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return file
    }

    /// The running executable, symbolic links resolved (`/proc/self/exe` on Linux).
    public static var executablePath: String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
