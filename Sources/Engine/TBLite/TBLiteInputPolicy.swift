import Structures

/// What the tblite backend accepts, checked before a request goes to the bridge.
///
/// Measured with tblite 0.8.0: Z > 86 is refused ("No support for elements with Z >86");
/// a cell with pbc = T,T,F or T,F,F gives exactly the 3D-periodic energy (the flags are not
/// honoured), so partial periodicity is refused here rather than silently computed as 3D.
enum TBLiteInputPolicy {
    /// Elements GFN2-xTB and GFN1-xTB are parametrised for in tblite.
    static let elements = 1...86

    static func check(_ structure: Structure, settings: Settings, scope: TBLiteOptions.Scope) throws {
        try checkMethod(settings.method)
        try StructureValidator.validate(structure, file: structure.name, allowedElements: elements,
                                        methodName: "tblite \(settings.method.displayName)")
        try checkPeriodicity(structure, scope: scope)
        try checkSettings(settings)
    }

    private static func checkMethod(_ method: Method) throws {
        guard method == .gfn2 || method == .gfn1 else {
            throw EngineError(.unsupported, "the tblite backend computes GFN2-xTB and GFN1-xTB, not \(method.displayName) "
                + "(periodic GFN0-xTB is offered by libxtb)")
        }
    }

    private static func checkPeriodicity(_ structure: Structure, scope: TBLiteOptions.Scope) throws {
        if let lattice = structure.lattice, lattice.pbc.contains(true), lattice.pbc.contains(false) {
            throw EngineError(.unsupported, "\(structure.name): periodic in some directions only "
                + "(pbc=\(lattice.pbc.map { $0 ? "T" : "F" }.joined(separator: ","))); tblite 0.8.0 would compute it "
                + "as 3D-periodic: give a cell periodic in all three directions, or a molecule")
        }
        if scope == .periodicOnly, !structure.isPeriodic {
            throw EngineError(.unsupported, "\(structure.name) is not periodic: this tblite calculator takes periodic "
                + "cells only (molecular GFN2/GFN1 single points go to libxtb, `interscreen sp`)")
        }
    }

    private static func checkSettings(_ settings: Settings) throws {
        try settings.validateRanges()
        if let solvent = settings.solvent {
            throw EngineError(.unsupported, "implicit solvation ('\(solvent)') is not offered by the tblite bridge")
        }
    }
}
