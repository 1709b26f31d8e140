/// libFuzzer entry: (extended) XYZ text, every frame read and validated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXYZ(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size), let frames = try? XYZFormat.readAll(text, file: "fuzz.xyz", name: "fuzz")
    else { return 0 }
    frames.forEach { fuzzValidate($0.structure) }
    return 0
}
