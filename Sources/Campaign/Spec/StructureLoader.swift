import Models
import Structures

/// Reads one structure file, applies the spec's charge / multiplicity and name, and validates it
/// for the method it will be computed with.
enum StructureLoader {
    /// Elements every xTB method here is parametrised for.
    static let elements = 1...Element.maxAtomicNumber

    /// The structure (nil when the file does not parse) and, when it cannot be computed, why.
    /// With `supercell`, the structure is that supercell of the file's cell; `charge` and
    /// `multiplicity` then apply to the supercell.
    static func load(_ file: String, name: String, charge: Int?, multiplicity: Int?, supercell: SupercellMatrix? = nil,
                     method: MethodChoice) -> (structure: Structure?, error: StructureError?) {
        var structure: Structure
        do {
            structure = try StructureFile.read(path: file)
            if let supercell { structure = try Supercell.build(structure, matrix: supercell) }
        } catch let error as Supercell.BuildError {
            return (nil, StructureError(.unreadable, file: file, "supercell: \(error.description)"))
        } catch {
            return (nil, structureError(error, file: file))
        }
        structure.name = name
        if let charge { structure.charge = charge }
        if let multiplicity { structure.multiplicity = multiplicity }
        do {
            try StructureValidator.validate(structure, file: file, allowedElements: elements,
                                            methodName: method.settings.method.displayName)
            return (structure, nil)
        } catch {
            return (structure, structureError(error, file: file))
        }
    }

    private static func structureError(_ error: Error, file: String) -> StructureError {
        error as? StructureError ?? StructureError(.unreadable, file: file, "\(error)")
    }
}
