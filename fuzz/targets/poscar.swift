/// libFuzzer entry: POSCAR / CONTCAR text, read and validated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOSCAR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size), let structure = try? POSCARFormat.read(text, file: "POSCAR", name: "fuzz")
    else { return 0 }
    fuzzValidate(structure)
    return 0
}
