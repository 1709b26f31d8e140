import Foundation

/// The spec is parsed as if it were `jobs/fuzz.toml` of the checkout (fuzz/run starts in the
/// checkout), so relative structure paths and globs of the seeds reach the real clusters/ files.
/// The parser only reads; nothing is written.
let fuzzSpecPath = FileManager.default.currentDirectoryPath + "/jobs/fuzz.toml"

/// libFuzzer entry: a job-spec TOML text, parsed and validated (structure files read).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    _ = try? JobSpecParser.parse(text: text, path: fuzzSpecPath)
    return 0
}
