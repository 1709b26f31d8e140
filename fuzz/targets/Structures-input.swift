/// Shared by the structure fuzz targets: the bytes as the readers see a file, and the checks a
/// campaign runs on what they return (StructureLoader: read, then validate).
func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return nil }
    return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
}

func fuzzValidate(_ structure: Structure) {
    _ = structure.formula
    try? StructureValidator.validate(structure, file: "fuzz", allowedElements: 1...Element.maxAtomicNumber,
                                     methodName: "GFN2-xTB")
}
