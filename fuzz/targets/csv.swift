import Foundation

/// libFuzzer entry: a measured-observations CSV (MeasuredFile decodes the bytes the same way).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMeasuredCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    _ = try? MeasuredCSV.parse(text, file: "fuzz.csv")
    return 0
}
