import Structures

/// What libxtb 6.5.1 can be trusted with, checked before any call (it segfaults on some input).
///
/// Measured: Z = 87 and Z = 104 crash GFN1/GFN2; an odd electron count with uhf = 0 is silently run
/// as uhf = 1; periodic GFN2 is refused, periodic GFN1 fails on small cells, GFN-FF refuses periodic
/// input, periodic GFN0 works. Only GBSA solvation exists in this API version.
enum XTBInputPolicy {
    /// Elements every libxtb method here is parametrised for.
    static let elements = 1...86

    static func check(_ structure: Structure, settings: Settings) throws {
        try StructureValidator.validate(structure, file: structure.name, allowedElements: elements,
                                        methodName: settings.method.displayName)
        try checkPeriodicity(structure, method: settings.method)
        try checkSettings(settings)
    }

    private static func checkPeriodicity(_ structure: Structure, method: Method) throws {
        guard structure.isPeriodic, method != .gfn0 else { return }
        throw EngineError(.unsupported, "\(structure.name): periodic \(method.displayName) is not available "
            + "in libxtb 6.5.1 (only GFN0-xTB is); use --gfn 0, or the tblite backend for periodic GFN1/GFN2")
    }

    private static func checkSettings(_ settings: Settings) throws {
        try settings.validateRanges()
        if let solvent = settings.solvent {
            guard settings.solvationModel == .gbsa else {
                throw EngineError(.unsupported, "libxtb 6.5.1 offers GBSA only; ALPB needs the xtb binary or tblite")
            }
            guard Solvents.gbsa.contains(solvent.lowercased()) else {
                throw EngineError(.unsupported, "unknown GBSA solvent '\(solvent)'; known: "
                    + Solvents.gbsa.sorted().joined(separator: ", "))
            }
        }
    }
}
