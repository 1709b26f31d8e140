import Models
import Store
import Structures

/// Reads one structure file, applies the spec's charge / multiplicity and name, and validates it
/// for the method it will be computed with.
enum StructureLoader {
    /// Elements every xTB method here is parametrised for.
    static let elements = 1...Element.maxAtomicNumber

    /// The structure (nil when the file does not parse) and, when it cannot be computed, why.
    /// With `supercell`, the structure is that supercell of the file's cell; `charge` and
    /// `multiplicity` then apply to the supercell.
    /// With `nanocrystal`, it is that molecular block of the file's cell (returned with how it was cut).
    /// `inputFlags`: what the file's comment line says of how its geometry was made (`InputFileFlags`).
    static func load(_ file: String, name: String, charge: Int?, multiplicity: Int?, supercell: SupercellMatrix? = nil,
                     nanocrystal: SIMD3<Int>? = nil, method: MethodChoice)
        -> (structure: Structure?, error: StructureError?, nanocrystal: Nanocrystal?, inputFlags: [TaskFlag]) {
        var structure: Structure
        var block: Nanocrystal?
        var flags: [TaskFlag] = []
        do {
            let frame = try StructureFile.frame(path: file)
            structure = frame.structure
            flags = InputFileFlags.read(frame.info)
            if let supercell { structure = try Supercell.build(structure, matrix: supercell) }
            if let nanocrystal {
                block = try NanocrystalBuilder.build(cell: structure, repeats: nanocrystal)
                structure = block!.structure
            }
        } catch let error as Supercell.BuildError {
            return (nil, StructureError(.unreadable, file: file, "supercell: \(error.description)"), nil, [])
        } catch let error as ModelBuildError {
            return (nil, StructureError(.unreadable, file: file, "nanocrystal: \(error.description)"), nil, [])
        } catch {
            return (nil, structureError(error, file: file), nil, [])
        }
        structure.name = name
        if let charge { structure.charge = charge }
        if let multiplicity { structure.multiplicity = multiplicity }
        do {
            try StructureValidator.validate(structure, file: file, allowedElements: elements,
                                            methodName: method.settings.method.displayName)
            return (structure, nil, block, flags)
        } catch {
            return (structure, structureError(error, file: file), block, flags)
        }
    }

    private static func structureError(_ error: Error, file: String) -> StructureError {
        error as? StructureError ?? StructureError(.unreadable, file: file, "\(error)")
    }
}
