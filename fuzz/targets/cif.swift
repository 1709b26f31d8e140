/// libFuzzer entry: CIF text, read (symmetry expanded) and validated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size), let structure = try? CIFFormat.read(text, file: "fuzz.cif") else { return 0 }
    fuzzValidate(structure)
    return 0
}
